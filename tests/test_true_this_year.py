"""A draft that is true this year (issue 20): what `next` carries from last year is rolled
where the calendar says how, and kept as it was where changing it would invent something."""
from __future__ import annotations

import pytest

from drafter.rollover import _shift_prose_years, kept_titles


@pytest.mark.parametrize("text, rolled", [
    ("2024年，我局开展执法检查，2024年同期下降。", "2025年，我局开展执法检查，2025年同期下降。"),
    # a document's title names a document that exists: its year stays
    ("印发《2024年某县应急管理局执法检查工作方案》。", "印发《2024年某县应急管理局执法检查工作方案》。"),
    ("按照《法治政府建设实施纲要（2021-2025年）》要求", "按照《法治政府建设实施纲要（2021-2025年）》要求"),
    ("学习《某某大事记（1921年7月-2021年7月）》", "学习《某某大事记（1921年7月-2021年7月）》"),
    # a document number, a range of years
    ("依据某应急〔2024〕5号文件，2024年底前完成", "依据某应急〔2024〕5号文件，2025年底前完成"),
    ("实施2023年至2025年三年行动，2024年全年推进", "实施2023年至2025年三年行动，2025年全年推进"),
    ("2023—2025年规划", "2023—2025年规划"),
])
def test_years_in_prose_roll_and_names_keep_theirs(text, rolled):
    assert _shift_prose_years(text, 2024) == rolled


def test_titles_with_last_years_year_are_named_for_review():
    text = "印发《2024年执法计划》和《法治政府建设实施纲要（2021-2025年）》，落实《2019年细则》。"
    assert kept_titles(text, 2024) == ["《2024年执法计划》"]
    assert kept_titles(text, 2025) == ["《2024年执法计划》", "《法治政府建设实施纲要（2021-2025年）》"]


# ---- counters roll (part 3) ---------------------------------------------------------------

@pytest.fixture(scope="module")
def observances(real_ontology):
    return real_ontology.observances


@pytest.mark.parametrize("text, year, rolled", [
    ("今年6月是全国第22个“安全生产月”。", 2024, "今年6月是全国第23个“安全生产月”。"),
    ("迎来第十五个全国防灾减灾日和第三十四个国际减灾日", 2024, "迎来第十六个全国防灾减灾日和第三十五个国际减灾日"),
    ("第32个全国消防日前后", 2024, "第33个全国消防日前后"),
    ("第六个宪法宣传周", 2024, "第七个宪法宣传周"),
    ("组织第5个检查组，第3个工作日内办结", 2024, "组织第5个检查组，第3个工作日内办结"),  # no event: left alone
])
def test_national_counters_follow_the_calendar(observances, text, year, rolled):
    from drafter.counters import roll

    assert roll(text, year, observances)[0] == rolled


def test_a_local_counter_moves_on_by_one_and_is_named(observances):
    from drafter.counters import roll

    text, changes = roll("今年是全国第20个、南通市第34个安全生产月", 2022, observances)
    assert text == "今年是全国第21个、南通市第35个安全生产月"
    assert [(c.before, c.after, c.local) for c in changes] == [("第20个", "第21个", False), ("第34个", "第35个", True)]


def test_next_rolls_the_counters_of_own_text_and_says_so(tmp_path):
    from drafter import cli

    source = tmp_path / "r-2023.yaml"
    source.write_text("""\
report:
  issuer: 某县应急管理局
  year: 2023
outline:
  parts:
    - heading: 普法宣传
      sections: [themed_campaigns]
answers:
  themed_campaigns:
    text: 今年6月是全国第22个、本县第8个安全生产月，我局印发《2023年安全生产月活动方案》。
""", encoding="utf-8")
    assert cli.main(["next", str(source)]) == 0
    rolled = (tmp_path / "r-2024.yaml").read_text(encoding="utf-8")
    assert "全国第23个、本县第9个安全生产月" in rolled
    assert "《2023年安全生产月活动方案》" in rolled and "请核对今年是否另发了文件" in rolled
    assert "本地的届次是上年加一" in rolled
