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
