"""Proofreading (issue 22, part 5): each entry of the lexicon finds its case, names are never
corrected, only 必错 is an error, and the five real reports' correct sentences are left alone."""
from __future__ import annotations

import pytest
import yaml

from drafter import datafiles
from drafter.check import ERROR, NOTE, check
from drafter.check.proofread import PROOFREAD_FILE, _compiled, proofread
from drafter.check.view import BODY, SIGNATURE, Para, View
from drafter.errors import DrafterError
from tests.support.samples import SAMPLES

TABLE = datafiles.table(PROOFREAD_FILE)


def view_of(*texts: str, issuer: str = "某县应急管理局") -> View:
    paragraphs = [Para(t, BODY, index=n) for n, t in enumerate(texts, 1)]
    return View(file="报告.txt", kind="report", year=2024, issuer=issuer,
                paragraphs=[*paragraphs, Para(issuer, SIGNATURE, index=len(texts) + 1)])


@pytest.mark.parametrize("entry", TABLE["entries"], ids=lambda e: e.get("find") or e.get("pattern"))
def test_each_entry_finds_its_examples_at_its_level(entry):
    for example in entry["examples"]:
        found = proofread(view_of(example))
        assert found, example
        assert found[0].severity == (ERROR if entry["level"] == "必错" else NOTE)
        if entry.get("say") and "…" not in entry["say"] and "：" not in entry["say"]:
            assert entry["say"] in found[0].advice
    for example in entry.get("fine") or []:
        assert not [f for f in proofread(view_of(example)) if f.rule == "proofread"], example


@pytest.mark.parametrize("text", [
    "学习《习总书记重要讲话选编》。",  # a title is quoted as it is
    "开展“法制宣传进万家”活动。",  # a campaign's own name
])
def test_names_are_never_corrected(text):
    assert proofread(view_of(text)) == []


def test_the_bureaus_own_name_is_never_corrected():
    assert proofread(view_of("法制政府建设办公室统筹推进。", issuer="法制政府建设办公室")) == []


@pytest.mark.parametrize("text, found", [
    ("完善的的制度。", "“的的”"),
    ("市应急管理局局长带头学法。", None),  # 局局长 is no typo
    ("一建立执法台账；二是规范执法程序。", "列举“一”后面少了“是”"),
    ("一是建立执法台账；二是规范执法程序。", None),
    ("一方面加强执法，另一方面强化服务。", None),
    ("依法处理（含事故处罚)共12件。", "括号一半是全角"),
    ("组织开展“安全生产月活动。", "不成对"),
    ("开展“安全生产月”,“宪法宣传周”活动，组织宣传咨询，发放资料。", "半角“,”紧挨着全角标点"),
])
def test_typing_slips(text, found):
    said = [f.problem for f in proofread(view_of(text))]
    assert (found is None and said == []) or (found is not None and any(found in p for p in said)), said


def test_an_entry_that_misses_its_example_is_named_where_it_stands(tmp_path):
    bad = {"entries": [{"find": "部暑", "say": "部署", "level": "必错", "examples": ["研究部署"]}]}
    with pytest.raises(DrafterError, match="没有找出来") as caught:
        _compiled(bad, tmp_path / PROOFREAD_FILE)
    assert "entries[1]" in str(caught.value.location.field)
    with pytest.raises(DrafterError, match="level"):
        _compiled({"entries": [{"find": "x", "level": "严重"}]}, tmp_path / PROOFREAD_FILE)
    with pytest.raises(DrafterError, match="pattern"):
        _compiled({"entries": [{"pattern": "(", "level": "必错"}]}, tmp_path / PROOFREAD_FILE)


def test_the_lexicon_is_a_table_a_reviewer_reads():
    text = (datafiles.find(PROOFREAD_FILE)).read_text(encoding="utf-8")
    assert len(yaml.safe_load(text)["entries"]) >= 20 and "宁可漏报" in text


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is not there")
def test_the_real_reports_correct_sentences_are_left_alone():
    """On the five published reports: one real slip (a character typed twice), a few hints, no
    other error."""
    errors, notes = [], []
    for sample in sorted(SAMPLES.glob("*.txt")):
        for f in check(sample):
            if f.rule == "proofread":
                (errors if f.severity == ERROR else notes).append(f.problem)
    assert errors == ["“局局”多打了一个字"]
    assert len(notes) <= 5
