"""The bureau's own text: slots, own facts, validation, next year (issue: own text)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter import answers as answers_mod
from drafter import facts, owntext, types, yamlio
from drafter.compose import compose
from drafter.errors import DrafterError
from drafter.fields import FieldSpec, FieldValueError, is_empty
from drafter.ontology import load
from drafter.rollover import roll_forward
from drafter.writers.markdown import to_markdown

ONTOLOGY = load()

OWN = """\
report:
  issuer: 清河县应急管理局
  region: 全县
  year: 2025
outline:
  parts:
    - sections: [intro]
    - heading: 严格执法
      sections: [penalties, {id: own_hearings, heading: 规范听证程序}]
  attachments: [statistics]
answers:
  intro:
    text: 2025年，我局坚持依法行政，{{ 不是空位 }}原样印出。
  penalties:
    system_cases: 861
    system_amount: 2590.69
    text: |
      全年全县应急管理系统立案查处行政处罚案件{system_cases}，{system_cases|同比}，罚没金额{system_amount}。
      组织听证会｛听证会｝，上年为{听证会|上年}，参考率达{参考率}。

      # 强化法制审核
      审核案件{审核}。
    facts:
      听证会: 24场
      审核: 57件
      参考率: 98.6%
    previous_year:
      system_cases: 790
      facts:
        听证会: 20场
  own_hearings:
    text: 开展听证演练{演练}。
    facts:
      演练: {value: 5, unit: 次, label: 听证演练次数}
"""


def answers_from(text: str, name: str = "own.yaml") -> answers_mod.Answers:
    return answers_mod.from_document(yamlio.loads(text, Path(name)), ONTOLOGY)


def markdown(text: str) -> tuple[str, list[str]]:
    result = compose(answers_from(text), ONTOLOGY)
    return to_markdown(result.document), result.warnings


def test_own_text_prints_instead_of_the_template_with_facts_and_units():
    md, warnings = markdown(OWN)
    assert "立案查处行政处罚案件861件，同比增加71件，上升9%，罚没金额2590.69万元。" in md
    assert "组织听证会24场，上年为20场，参考率达98.6%。" in md
    assert "**1.强化法制审核。**审核案件57件。" in md
    assert "{{ 不是空位 }}原样印出" in md  # not a slot: printed as written
    assert "### （二）规范听证程序" in md and "开展听证演练5次。" in md
    assert not warnings or all("没有填写" not in w for w in warnings)


def test_own_facts_are_listed_in_the_statistics_attachment():
    result = compose(answers_from(OWN), ONTOLOGY)
    rows = result.document.attachments[0].blocks[0].rows
    assert any(r[2] == "听证会" and r[3] == "24场" and r[4] == "20场" for r in rows), rows
    assert any(r[2] == "听证演练次数" and r[3] == "5次" for r in rows), rows


def test_own_text_builds_to_docx(tmp_path):
    import docx

    from drafter.writers.docx import write_docx

    data = write_docx(compose(answers_from(OWN), ONTOLOGY).document)
    (tmp_path / "r.docx").write_bytes(data)
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs)
    assert "组织听证会24场" in text and "{" not in text.replace("{{ 不是空位 }}", "")


def test_a_fact_never_used_is_a_warning():
    _, warnings = markdown(OWN.replace("      参考率: 98.6%\n", "      参考率: 98.6%\n      没用到: 3次\n"))
    assert any("没用到" in w and "没有在正文" in w for w in warnings)


def test_same_as_last_year():
    text = OWN.replace("    system_cases: 861\n", "    system_cases: =\n").replace("      听证会: 24场", "      听证会: =")
    md, _ = markdown(text)
    assert "立案查处行政处罚案件790件，与上年持平" in md and "组织听证会20场" in md


@pytest.mark.parametrize("old, new, words, marker", [
    ("{参考率}", "{参考}", "是不是“参考率”", "{参考}"),
    ("{听证会|上年}", "{听证会|去年}", "只能是 同比、同比数、同比率 或 上年", "{听证会|去年}"),
    ("审核案件{审核}。", "审核案件{审核。", "花括号没有闭合", "{审核。"),
    ("审核案件{审核}。", "审核案件审核}。", "多了一个右花括号", "}。\n" and "审核}"),
    ("{system_amount}", "{system_amonut}", "是不是“system_amount”", "{system_amonut}"),
])
def test_slot_errors_are_located_inside_the_text(old, new, words, marker):
    text = OWN.replace(old, new)
    with pytest.raises(DrafterError) as caught:
        answers_from(text)
    message = str(caught.value)
    assert words in message
    line = next(n for n, text_line in enumerate(text.splitlines(), 1) if marker in text_line)
    assert caught.value.location.line == line, message
    shift = marker.index("}") if marker.endswith("}") and "{" not in marker else 0
    assert caught.value.location.column == text.splitlines()[line - 1].index(marker) + shift + 1, message


@pytest.mark.parametrize("value, words", [
    ("24", "缺少单位"), ("很多", "带单位的数字"), ("24个月份", "带单位的数字"), ("true", "带单位的数字"),
])
def test_bad_own_facts_are_refused_with_their_place(value, words):
    text = OWN.replace("      听证会: 24场", f"      听证会: {value}")
    with pytest.raises(DrafterError) as caught:
        answers_from(text)
    assert words in str(caught.value) and "facts.听证会" in str(caught.value)
    assert caught.value.location.line == text.splitlines().index(f"      听证会: {value}") + 1


def test_next_leaves_no_number_of_last_year_in_this_years_prose():
    this_year = answers_from(OWN)
    rolled = roll_forward(this_year.document, ONTOLOGY)
    text = rolled.document.dumps()
    next_year = answers_from(text, "own-2026.yaml")
    md, warnings = markdown(text)
    body = md.split("附件")[0]
    for number in ("861", "2590.69", "98.6", "57件", "5次"):  # 24场 is printed on purpose, by {听证会|上年}
        assert number not in body, number
    assert "立案查处行政处罚案件xx件" in body and "组织听证会xx场，上年为24场" in body
    unfilled = [w for w in warnings if "还没有填写" in w]
    assert len(unfilled) == 6  # one per fact: 2 typed fields and 3 own facts in penalties, 1 in own_hearings
    assert any("听证演练次数" in w for w in unfilled)  # an own fact's label survives the roll
    assert next_year.previous_facts["penalties"]["听证会"].value == 24
    assert next_year.meta.year == 2026 and "2026年，我局坚持依法行政" in body


LITERAL = """\
report:
  issuer: 清河县应急管理局
  year: 2025
outline:
  parts:
    - heading: 执法
      sections: [penalties]
answers:
  penalties:
    text: |
      2025年，全县共开展执法检查2770次，检查企业80余家，立案查处案件861件，罚没金额2590.69万元，
      执法人员持证率达95%以上，培训5万余人次，连续两年无较大事故。依据第三十条，按照启应急〔2025〕7号文件办理。
"""


def test_next_turns_literal_numbers_into_slots_and_facts():
    rolled = roll_forward(answers_from(LITERAL).document, ONTOLOGY)
    text = rolled.document.dumps()
    next_year = answers_from(text, "lit-2026.yaml")
    own = next_year.facts["penalties"]
    assert all(f.value is None for f in own.values())
    before = {f.value for f in next_year.previous_facts["penalties"].values()}
    assert {2770, "80余", 861, 2590.69, 95, "5万余"} <= before
    md, warnings = markdown(text)
    for quantity in facts.find(LITERAL.split("text: |")[1]):
        assert quantity.text not in md.replace("xx", "")
    assert "〔2025〕7号" in md and "第三十条" in md and "2026年，全县" in md
    assert "持证率达xx%以上" in md
    assert len([w for w in warnings if "还没有填写" in w]) == len(own)


def test_rolling_twice_keeps_the_slots():
    once = roll_forward(answers_from(LITERAL).document, ONTOLOGY).document.dumps()
    filled = once.replace("执法检查: xx次", "执法检查: 3000次")
    twice = roll_forward(answers_from(filled, "a-2026.yaml").document, ONTOLOGY).document.dumps()
    again = answers_from(twice, "a-2027.yaml")
    assert again.previous_facts["penalties"]["执法检查"].value == 3000
    assert "{执法检查}" in again.texts["penalties"]


# ---- one registry: the wizard and build accept the same values ------------------------------

SPECS = [FieldSpec(id="x", type=t, prompt="数", unit=u) for t, u in
         (("count", "件"), ("money", "万元"), ("money", "元"), ("percent", None), ("number", None),
          ("year", None), ("serial", None), ("date", None))]
CANDIDATES = st.one_of(
    st.sampled_from(["861", "80余", "3万余", "1.1万", "近3000", "2590.69", "2590.691", "3.12345", "98.5%",
                     "-3", "1e25", "0", "00", "2023", "2023-02-30", "2023-12-20", "2023年12月20日", "xx",
                     "١٢", "１２", "12万元", "3万余", "", " ", "=", "abc", "12.5", "99999999999999"]),
    st.text(alphabet="0123456789.万余近约%-xX年月日", max_size=8),
)


def _build_accepts(text: str, spec: FieldSpec) -> tuple[bool, object]:
    """What `build` does with the same text written into an answers file."""
    try:
        data = yamlio.loads(f"x: {text}\n" if text.strip() else "x:\n", Path("a.yaml")).data
    except DrafterError:
        return False, None
    value = data.get("x")
    if is_empty(value):  # as answers.check_field_value: an empty answer is "not this year"
        return True, None
    try:
        return True, types.check(value, spec)
    except FieldValueError:
        return False, None


def _wizard_accepts(text: str, spec: FieldSpec) -> tuple[bool, object]:
    try:
        return True, types.of(spec).parse(text, spec)
    except FieldValueError:
        return False, None


@pytest.mark.slow  # 300 random values
@settings(max_examples=300, deadline=None)
@given(text=CANDIDATES, which=st.integers(0, len(SPECS) - 1))
def test_the_wizard_and_build_accept_the_same_values(text, which):
    spec = SPECS[which]
    if text.strip().startswith(("#", "&", "*", "!", "|", ">", "'", '"', "%", "@", "`", "-", "[", "{", "?", ":")):
        return  # not a plain YAML value in a file; the wizard stores such text quoted
    # the wizard keeps a number as typed (19.0, 3.50: facts.as_written); the same amount is the same answer
    assert _same_amount(_wizard_accepts(text, spec)) == _same_amount(_build_accepts(text, spec))


def _same_amount(result: tuple[bool, object]) -> tuple[bool, object]:
    ok, value = result
    if isinstance(value, str) and re.fullmatch(r"[0-9][0-9,]*\.[0-9]+", value):
        return ok, float(value.replace(",", ""))
    return ok, value


def test_a_wan_value_in_a_wan_yuan_field_is_refused_everywhere():
    spec = FieldSpec(id="x", type="money", prompt="金额", unit="万元")
    with pytest.raises(FieldValueError):
        types.check("3万余", spec)
    with pytest.raises(FieldValueError):
        types.of(spec).parse("1.1万", spec)


def test_pieces_round_trip():
    text = "甲{a}乙｛b|同比｝丙{{ c }}丁"
    parts = owntext.pieces(text)
    assert [p.name for p in parts if isinstance(p, owntext.Slot)] == ["a", "b"]
    assert parts[-1] == "丙{{ c }}丁"


def test_next_handles_numbers_without_a_unit_decimals_and_lists():
    text = LITERAL.replace("2025年，全县共开展执法检查2770次", "2025年，培训近3000，值守2.5小时，覆盖5、45、131部法规，开展执法检查2770次")
    rolled = roll_forward(answers_from(text).document, ONTOLOGY).document.dumps()
    again = answers_from(rolled, "r-2026.yaml")  # it loads: every new fact is a valid fact
    before = {f.value for f in again.previous_facts["penalties"].values()}
    assert {"近3000", 2.5, 5, 45, 131} <= before
    md, _ = markdown(rolled)
    assert "培训xx，值守xx小时，覆盖xx部、xx部、xx部法规" in md
