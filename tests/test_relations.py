"""Year-on-year is computed, not typed (issue 21, part 3): a change stated beside the numbers it
compares becomes a relation, {事故起数、死亡人数|同比}, printed from this year's and last year's
values; a change that does not agree with its numbers stays as written and check says so."""
from __future__ import annotations

import pytest
import yaml

from drafter import cli, owntext
from drafter.check import check
from drafter.fields import FieldSpec
from drafter.importer import slots

ACCIDENTS = FieldSpec(id="a", prompt="事故起数", type="count", unit="起")
DEATHS = FieldSpec(id="d", prompt="死亡人数", type="count", unit="人")
FINES = FieldSpec(id="f", prompt="罚款", type="money", unit="万元")


@pytest.mark.parametrize("compared, modifier, said", [
    ([(61, 66, ACCIDENTS)], "yoy", "同比减少5起，下降7.6%"),
    ([(61, 66, ACCIDENTS)], "yoy_amount", "同比减少5起"),
    ([(61, 66, ACCIDENTS)], "yoy_rate", "同比下降7.6%"),
    ([(66, 66, ACCIDENTS)], "yoy", "与上年持平"),
    ([(61, 66, ACCIDENTS), (66, 70, DEATHS)], "yoy", "同比减少5起、4人，分别下降7.6%、5.7%"),
    ([(61, 66, ACCIDENTS), (72, 70, DEATHS)], "yoy", "同比减少5起、增加2人，分别下降7.6%、上升2.9%"),
    ([(61, 66, ACCIDENTS), (66, 70, DEATHS)], "yoy_amount", "同比减少5起、4人"),
    ([(120, 100, FINES)], "yoy", "同比增加20万元，上升20%"),
    ([(None, 66, ACCIDENTS)], "yoy", ""),  # this year's number not given yet
    ([("80余", 66, ACCIDENTS)], "yoy", ""),  # an approximate number is not compared
])
def test_a_relation_says_the_change(compared, modifier, said):
    assert owntext.relation(compared, modifier) == said


@pytest.mark.parametrize("text, error", [
    ("{a、d|同比}", None), ("{a、d|同比数}", None), ("{a|同比率}", None),
    ("{a、d}", "只有同比可以写几个名称"), ("{a、d|上年}", "只有同比可以写几个名称"), ("{a|同比差}", "不认识"),
])
def test_relation_slots_are_parsed_by_drafter(text, error):
    if error is None:
        assert owntext.pieces(text)[0].names in (("a", "d"), ("a",))
    else:
        with pytest.raises(owntext.SlotError, match=error):
            owntext.pieces(text)


def test_a_stated_change_that_agrees_becomes_a_relation_and_last_years_numbers():
    into = slots.Facts()
    text = slots.slot_text("全市发生亡人事故61起、死亡66人，同比减少5起、4人，分别下降7.6%、5.7%。", into)
    assert text.endswith("，{" + "、".join(into.previous) + "|同比}。")
    assert list(into.previous.values()) == ["66起", "70人"]
    assert list(into.values.values()) == ["61起", "66人"]  # the changes are no facts to fill any more


@pytest.mark.parametrize("sentence", [
    "全市发生亡人事故61起，同比减少5起，下降10.2%。",  # the numbers say 7.6%
    "全市发生亡人事故61起，同比减少5起，上升7.6%。",  # a fall that rises
    "全市发生亡人事故61起，同比下降7.6%。",  # the rate alone: last year's number is not in the report
    "全市发生亡人事故61起，同比减少5万元。",  # the change is not in the number's unit
])
def test_a_change_that_does_not_agree_or_cannot_be_computed_stays_as_written(sentence):
    into = slots.Facts()
    text = slots.slot_text(sentence, into)
    assert "|同比" not in text and not into.previous


def report(folder, sentence: str):
    path = folder / "某县应急管理局2023年法治政府建设年度报告.txt"
    path.write_text("某县应急管理局2023年法治政府建设年度报告\n\n一、主要举措和成效\n（一）安全生产\n"
                    f"{sentence}\n二、存在的不足\n一是执法力量不足。\n三、下一年度工作安排\n一是加强执法队伍建设。\n\n"
                    "某县应急管理局\n2023年12月20日\n", encoding="utf-8")
    return path


def test_import_then_build_prints_the_change_as_the_report_wrote_it_and_next_computes_it(tmp_path):
    sentence = "全县共发生亡人事故12起、死亡13人，同比减少3起、2人，分别下降20%、13.3%。"
    answers = tmp_path / "r.yaml"
    assert cli.main(["import", str(report(tmp_path, sentence)), "-o", str(answers)]) == 0
    assert "|同比}" in answers.read_text(encoding="utf-8")
    assert cli.main(["build", str(answers), "-o", str(tmp_path / "r.md")]) == 0
    assert sentence in (tmp_path / "r.md").read_text(encoding="utf-8")
    assert cli.main(["next", str(answers), "-o", str(tmp_path / "n.yaml")]) == 0
    draft = (tmp_path / "n.yaml").read_text(encoding="utf-8")
    assert cli.main(["build", str(tmp_path / "n.yaml"), "-o", str(tmp_path / "n.md")]) == 0
    assert "同比xx" in (tmp_path / "n.md").read_text(encoding="utf-8")  # to fill, and check lists it
    data = yaml.safe_load(draft)
    entry = next(v for v in data["answers"].values() if isinstance(v, dict) and "|同比}" in str(v.get("text")))
    first, second = entry["text"].split("{")[-1].split("|")[0].split("、")
    for name, count, unit in ((first, 10, "起"), (second, 14, "人")):  # this year's numbers, as ask would write them
        if name in entry["previous_year"]:
            entry[name] = count
        else:
            entry.setdefault("facts", {})[name] = f"{count}{unit}"
    entry["text"] = entry["text"].replace("【核对】", "")
    (tmp_path / "n.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert cli.main(["build", str(tmp_path / "n.yaml"), "-o", str(tmp_path / "n.md")]) == 0
    assert "同比减少2起、增加1人，分别下降16.7%、上升7.7%" in (tmp_path / "n.md").read_text(encoding="utf-8")


def test_check_finds_a_pair_of_changes_that_does_not_agree_with_its_numbers(tmp_path):
    path = report(tmp_path, "全县共发生亡人事故12起、死亡13人，同比减少3起、2人，分别下降20%、25%。")
    found = [f for f in check(path) if f.rule == "arithmetic"]
    assert len(found) == 1 and "13.3%" in found[0].problem and "25%" in found[0].problem


def test_a_change_of_a_value_written_with_its_decimals_keeps_them():
    into = slots.Facts()
    text = slots.slot_text("罚款3.50万元，同比增加0.50万元，上升16.7%。", into)
    assert "|同比}" in text and list(into.previous.values()) == ["3.00万元"]
