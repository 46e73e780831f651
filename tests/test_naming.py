"""Names of numbers (issue 21, part 1): the thing a number counts, taken from its clause, so
that a colleague in another office can supply this year's value without the report open.

Two tables of clauses written for these tests (tests/fixtures/number_names*.yaml, each with
the names a reader would accept): the first is what the rules were worked out on, the second
was written apart and kept back, to judge them."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from drafter import facts, naming, owntext
from drafter.importer import slots

FIXTURES = Path(__file__).parent / "fixtures"
TABLE = yaml.safe_load((FIXTURES / "number_names.yaml").read_text(encoding="utf-8"))
HELD_OUT = yaml.safe_load((FIXTURES / "number_names_heldout.yaml").read_text(encoding="utf-8"))


def quantity(clause: str, number: str) -> facts.Quantity:
    at = clause.find(number)
    found = [q for q in facts.find(clause) if q.start <= at + len(number) and q.end > at]
    assert found, f"“{number}” is no statistic in “{clause}”"
    return found[0]


def is_place(name: str) -> bool:
    return name.startswith("第") and "个数字" in name


def acceptable(name: str, names: list[str]) -> bool:
    """One of the names, or one holding one of them (安全生产违法行为案件 ⊃ 违法行为案件), or
    the core of one (帮扶指导中小企业 ⊃ 中小企业)."""
    if name in names:
        return True
    if len(name) <= 12 and any(n in name for n in names):
        return True
    return len(name) >= 4 and not naming.meaningless(name) and any(name in n for n in names)


def judged(table):
    named = [(e, naming.name_of(e["clause"], quantity(e["clause"], str(e["number"])))) for e in table
             if facts.find(e["clause"]) and any(str(e["number"]) in e["clause"][q.start:q.end + 2] or
                                                e["clause"][q.start:q.end] in str(e["number"]) for q in facts.find(e["clause"]))]
    good = [n for e, n in named if acceptable(n, e["names"])]
    bad = [n for _, n in named if naming.meaningless(n) or is_place(n)]
    return named, good, bad


def test_the_tables_are_large_enough():
    assert len(TABLE) >= 150 and len(HELD_OUT) >= 50


def test_the_names_of_the_table_are_what_a_reader_would_accept():
    named, good, bad = judged(TABLE)
    assert len(named) >= len(TABLE) - 3  # a number without a measure word is no statistic (死亡率为0.015)
    assert len(good) / len(named) >= 0.8, [(e["clause"], n) for e, n in named if not acceptable(n, e["names"])]
    assert len(bad) / len(named) <= 0.03, bad


def test_the_held_out_clauses_get_no_meaningless_name():
    """The issue's measure: at most 5% meaningless on clauses the rules were not made on."""
    named, good, bad = judged(HELD_OUT)
    assert len(bad) / len(named) <= 0.05, bad
    assert len(good) / len(named) >= 0.65


@pytest.mark.parametrize("entry", TABLE, ids=lambda e: f"{e['clause'][:12]}|{e['number']}")
def test_every_name_is_a_slot_name_without_digits_or_marks(entry):
    clause, number = entry["clause"], str(entry["number"])
    if not any(q.start <= clause.find(number) < q.end for q in facts.find(clause)):
        pytest.skip("no statistic: a number without its measure word")
    name = naming.name_of(clause, quantity(clause, str(entry["number"])))
    pieces = owntext.pieces("{" + name + "}")
    assert len(pieces) == 1 and isinstance(pieces[0], owntext.Slot) and pieces[0].name == name
    if not is_place(name):
        assert not any(ch.isdigit() for ch in name) and 2 <= len(name) <= 24
        assert not any(ch in name for ch in "，。、；：“”《》（）")


@pytest.mark.parametrize("clause, number, name", [
    # the words before the number, verbs and fillers off
    ("全年立案查处危险化学品违法案件41件", "41件", "危险化学品违法案件"),
    # only a verb before it: the words after it
    ("明确12项重点监管措施", "12项", "重点监管措施"),
    ("新组建3支森林消防半专业队", "3支", "森林消防半专业队"),
    # a short noun keeps its verb; a short noun that is all the clause has keeps the clause
    ("发现隐患88项", "88项", "发现隐患"),
    ("其中区局直接查处案件9件", "9件", "区局直接查处案件"),
    # a vague word takes its verb
    ("检查中发现问题7个", "7个", "发现问题"),
    # 的 and 等 join both sides
    ("使用液化石油气的26家餐饮单位", "26家", "液化石油气餐饮单位"),
    ("烟花爆竹、油气管道等6个专项", "6个", "油气管道等专项"),
    # 甲和乙分别…: one each, with the words they share
    ("办理行政许可和行政备案事项分别为15件、6件", "6件", "行政备案事项"),
    ("危化品企业和工贸企业分别检查20家次、31家次", "20家次", "检查危化品企业"),
    # a change is a rise or a fall of what it changes
    ("亡人事故起数同比下降25%", "25%", "亡人事故起数降幅"),
    ("全年受理投诉举报86件，同比增加14%", "14%", "受理投诉举报增幅"),
    # a rate is named by what it is the rate of
    ("执法人员中具有法律职业资格的人员占比达18%", "18%", "具有法律职业资格人员占比"),
    ("抽查比例不低于检查总数的15%", "15%", "抽查比例"),
    # a verb and its measure word
    ("累计培训63人次", "63人次", "培训人次"),
    # a run of numbers counts one thing
    ("储备防汛物资9类46个品种共1.2万件", "1.2万件", "防汛物资件数"),
    # an aside is passed over, a quoted term stays whole
    ("核查特种作业人员（含焊工）5期", "5期", "核查特种作业人员"),
    ("实施“双随机、一公开”抽查57家次", "57家次", "双随机一公开抽查"),
    # counts of times: the meeting, or the activity
    ("召开局务会议研究执法工作6次", "6次", "局务会议"),
    ("开展防汛应急演练4次", "4次", "防汛应急演练"),
    # a document's title
    ("发放《安全生产举报奖励告知书》300份", "300份", "安全生产举报奖励告知书"),
])
def test_each_rule(clause, number, name):
    assert naming.name_of(clause, quantity(clause, number)) == name


def test_a_clause_that_names_nothing_says_where_the_number_stands():
    text = "全面推进执法规范化。\n\n我们做到了，有28人。"
    q = quantity(text, "28人")
    assert naming.name_of(text, q) == "第2段第1个数字（人）"


@pytest.mark.parametrize("name, meaningless", [
    ("明确", True), ("更新配备", True), ("数量2", True), ("比率", True), ("出各类问题隐患", True),
    ("等法律法规", True), ("情况", True), ("重大危险源企业", False), ("出动人次", False), ("及时率", False),
])
def test_what_a_name_may_not_be(name, meaningless):
    assert naming.meaningless(name) is meaningless


def test_names_stay_unique_within_a_section():
    into = slots.Facts()
    text = slots.slot_text("检查企业120家，其中复查企业30家；另检查企业15家。", into)
    assert text.count("{") == 3 and len(set(into.values)) == 3


@pytest.mark.slow
def test_the_samples_numbers_get_names_that_say_something(tmp_path):
    """After import, at most 5% of the names of the five samples' numbers are meaningless or
    only say where the number stands (the samples are read from ../shared at run time)."""
    import re

    from ruamel.yaml import YAML

    from drafter import cli
    from tests.support.samples import SAMPLES

    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not there")
    names = []
    for sample in sorted(SAMPLES.glob("*.txt")):
        out = tmp_path / f"{sample.stem}.yaml"
        assert cli.main(["import", str(sample), "-o", str(out)]) == 0
        for entry in (YAML(typ="safe").load(out.read_text(encoding="utf-8"))["answers"] or {}).values():
            if isinstance(entry, dict):
                names += [re.sub(r"\d+$", "", str(n)) for n in entry.get("facts") or {}]
    assert len(names) >= 100
    bad = [n for n in names if naming.meaningless(n) or is_place(n)]
    assert len(bad) / len(names) <= 0.05, bad


@pytest.mark.parametrize("change, field", [
    ("  max_length: 12\n", "naming.max_length"),
    ("  verbs: [\n", "naming.verbs"),
    ("  unit_suffixes: {", "naming.unit_suffixes"),
])
def test_a_broken_naming_table_is_one_located_chinese_line(tmp_path, monkeypatch, change, field):
    import shutil

    from drafter.errors import DrafterError
    from drafter.importer.slots import Facts, slot_text
    from tests.conftest import ROOT

    sections = tmp_path / "sections"
    shutil.copytree(ROOT / "sections", sections)
    path = sections / "_numbers.yaml"
    text = path.read_text(encoding="utf-8")
    broken = {"  max_length: 12\n": "  max_length: 十二\n", "  verbs: [\n": "  verbs: 5\n  unused: [\n",
              "  unit_suffixes: {": "  unit_suffixes: [人数]\n  unused: {"}[change]
    assert change in text
    path.write_text(text.replace(change, broken, 1), encoding="utf-8")
    monkeypatch.setenv("DRAFTER_SECTIONS", str(sections))
    with pytest.raises(DrafterError) as caught:
        slot_text("明确48项隐患排查措施。", Facts())
    assert caught.value.location.field == field and str(path) in str(caught.value.location.file)
