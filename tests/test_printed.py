"""drafter.printed: which numbers the report prints, and each one's sentence with its place marked."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter import answers as answers_mod
from drafter import printed
from drafter.compose import compose
from drafter.ontology import load
from tests.support.answers_files import one_section

ONTOLOGY = load()

OWN_TEXT = one_section("""
    system_cases: 861
    bureau_cases: 40
    text: |
      全县立案查处行政处罚案件{system_cases}。

      截至目前，共排查重大事故隐患{隐患}，已完成整改{整改}。组织听证会{听证会}。
    facts:
      隐患: 347项
      整改: xx项
      听证会: 24场
      没用到: 5次
    """, issuer="青岚县应急管理局", year=2025, heading=None)

TEMPLATE = """\
report:
  issuer: 青岚县应急管理局
  year: 2025
outline:
  parts:
    - sections: [accidents]
answers:
  accidents:
    accidents: 12
    deaths: 10
    accidents_change: 7.5
"""



def _load(tmp_path: Path, text: str) -> answers_mod.Answers:
    path = tmp_path / "报告.yaml"
    path.write_text(text, encoding="utf-8")
    return answers_mod.load(path, ONTOLOGY)


def test_own_text_prints_exactly_its_slots(tmp_path):
    answers = _load(tmp_path, OWN_TEXT)
    found = printed.section(answers, ONTOLOGY, "penalties")
    assert found.kind == printed.TEXT
    assert found.prints("system_cases") and not found.prints("bureau_cases")  # a field the text has no slot for
    assert found.prints("facts.隐患") and found.prints("facts.整改") and not found.prints("facts.没用到")


def test_own_text_sentence_marks_the_place_and_shows_the_other_numbers(tmp_path):
    found = printed.section(_load(tmp_path, OWN_TEXT), ONTOLOGY, "penalties")
    # the sentence, not the paragraph; this number a blank, the other this year's value or xx
    assert found.sentence("facts.隐患") == "截至目前，共排查重大事故隐患【  】项，已完成整改xx项"
    assert found.sentence("facts.整改") == "截至目前，共排查重大事故隐患347项，已完成整改【  】项"
    assert found.sentence("system_cases") == "全县立案查处行政处罚案件【  】件"
    assert found.sentence("facts.听证会") == "组织听证会【  】场"


def test_template_prints_what_it_writes_and_the_sentence_of_each(tmp_path):
    answers = _load(tmp_path, TEMPLATE)
    found = printed.section(answers, ONTOLOGY, "accidents")
    assert found.kind == printed.TEMPLATE
    assert found.prints("accidents") and found.prints("deaths")
    # the change is printed only with its direction (a choice): not without it
    assert not found.prints("accidents_change")
    sentence = found.sentence("accidents")
    assert "【  】起" in sentence and "10人" in sentence and "。" not in sentence
    assert "【  】人" in found.sentence("deaths") and "12起" in found.sentence("deaths")


def test_template_with_the_trend_chosen_prints_the_change(tmp_path):
    answers = _load(tmp_path, TEMPLATE.replace("    accidents_change: 7.5", "    accidents_trend: 下降\n    accidents_change: 7.5"))
    found = printed.section(answers, ONTOLOGY, "accidents")
    assert found.prints("accidents_change") and "【  】%" in found.sentence("accidents_change")


def test_a_number_written_in_words_counts(tmp_path):
    # 0 prints as 未发生……: no digit reaches the text, yet the value says something
    answers = _load(tmp_path, TEMPLATE.replace("accidents: 12", "accidents: 0").replace("    deaths: 10\n", ""))
    assert [u.key for u in printed.unprinted(answers, ONTOLOGY, "accidents")] == ["accidents_change"]


def test_values_nothing_prints_are_listed_and_build_warns(tmp_path):
    answers = _load(tmp_path, OWN_TEXT)
    found = printed.unprinted(answers, ONTOLOGY, "penalties")
    assert [u.key for u in found] == ["bureau_cases"]
    assert found[0].path == "answers.penalties.bureau_cases"
    assert "{bureau_cases}" in found[0].line()
    warnings = compose(answers, ONTOLOGY).warnings
    assert any("bureau_cases" in w and "不会写入报告" in w for w in warnings), warnings
    template = _load(tmp_path, TEMPLATE)
    assert [u.key for u in printed.unprinted(template, ONTOLOGY, "accidents")] == ["accidents_change"]


def test_check_lists_them_with_file_and_line(tmp_path):
    from drafter.check import check

    path = tmp_path / "报告.yaml"
    path.write_text(OWN_TEXT, encoding="utf-8")
    found = [f for f in check(path, ontology=ONTOLOGY) if f.rule == "unprinted"]
    assert len(found) == 1 and found[0].location.line == 10 and "bureau_cases" in found[0].location.field


@pytest.mark.parametrize("example", sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.yaml")),
                         ids=lambda p: p.stem)
def test_every_printed_number_of_the_examples_has_one_blank(example):
    answers = answers_mod.load(example, ONTOLOGY)
    for sid, found in printed.report(answers, ONTOLOGY).items():
        for key, sentence in found.sentences.items():
            assert sentence.count(printed.BLANK) == 1, (sid, key, sentence)
            assert not re.search("[\ue000-\uf8ff]", sentence)
