import datetime as dt

import pytest

from drafter.fields import FieldSpec, FieldValueError, amount_value, is_empty
from drafter.types import check as check_scalar


def spec(type_, **kw):
    return FieldSpec(id="x", type=type_, prompt="测试", **kw)


@pytest.mark.parametrize("value, expected", [
    (0, 0), (57, 57), (12.0, 12), ("80余", "80余"), ("3万余", "3万余"), ("1.1万", "1.1万"),
    ("近3000", "近3000"), ("xx", "xx"), ("xxx余", "xxx余"),
])
def test_count_accepts(value, expected):
    assert check_scalar(value, spec("count", unit="次")) == expected


@pytest.mark.parametrize("value, message", [
    (-3, "负数"), ("-3", "负数"), (2.5, "整数"), ("很多", "整数"), (True, "数字"), ([1], "数字"),
])
def test_count_rejects(value, message):
    with pytest.raises(FieldValueError, match=message):
        check_scalar(value, spec("count", unit="次"))


def test_money_and_percent():
    assert check_scalar(880.42, spec("money", unit="万元")) == 880.42
    assert check_scalar("98.5%", spec("percent")) == 98.5
    with pytest.raises(FieldValueError):
        check_scalar(-1.5, spec("money", unit="元"))


@pytest.mark.parametrize("value", ["2023-12-20", "2023年12月20日", dt.date(2023, 12, 20), "2023.12.20"])
def test_date_forms(value):
    assert check_scalar(value, spec("date")) == dt.date(2023, 12, 20)


def test_date_rejects_impossible_day():
    with pytest.raises(FieldValueError, match="没有这一天"):
        check_scalar("2023-02-30", spec("date"))


def test_text_rejects_control_characters_and_newlines():
    with pytest.raises(FieldValueError, match="控制字符"):
        check_scalar("执法\x07检查", spec("text"))
    with pytest.raises(FieldValueError, match="一行"):
        check_scalar("第一行\n第二行", spec("text"))
    assert check_scalar("第一行\n第二行", spec("textblock")) == "第一行\n第二行"


def test_items_and_choices():
    assert check_scalar("单独一项", spec("items")) == ["单独一项"]
    assert check_scalar(["甲", None, "乙"], spec("items")) == ["甲", "乙"]
    with pytest.raises(FieldValueError, match="第 2 项"):
        check_scalar(["甲", "乙\x00"], spec("items"))
    with pytest.raises(FieldValueError, match="只能是以下之一"):
        check_scalar("其他", spec("choice", options=["已完成", "未完成"]))


def test_amount_value_and_emptiness():
    assert amount_value("1.1万") == 11000
    assert amount_value("80余") is None
    assert amount_value("xx") is None
    assert is_empty(None) and is_empty("  ") and is_empty([]) and not is_empty(0)


def test_money_in_wan_yuan_refuses_a_value_typed_with_wan():
    with pytest.raises(FieldValueError, match="单位已是万元"):
        check_scalar("1.1万", spec("money", unit="万元"))
    assert check_scalar("1.1万", spec("money", unit="元")) == "1.1万"
    assert check_scalar("200余", spec("money", unit="万元")) == "200余"


def test_blank_list_items_are_dropped():
    assert check_scalar(["", " ", "，", "《》", "开展检查"], spec("items")) == ["开展检查"]


def test_text_of_nothing_but_marks_is_empty():
    assert is_empty("，") and is_empty(" 。 ") and not is_empty("xx") and not is_empty("甲")
