"""Field types of the ontology: what a value may be, and how to check one.

The same checks serve the answers-file validator and (later) the wizard, so a value the
wizard accepts is exactly a value the validator accepts.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from drafter import facts as _facts

# The measure words and money units are data (sections/_numbers.yaml), shared with the
# number detector (drafter/facts.py): a count field's unit must be one of them.
COUNT_UNITS = _facts.measure_words()
MONEY_UNITS = _facts.money_units()
# The types themselves (their names and what each does) are drafter/types.py's REGISTRY.

# 80、80余、3万余、1.1万、近3000、约20; 19.0、3.50、1,200 as written (the value keeps its digits)
_APPROX = re.compile(r"^(近|约|超|逾)?((?:[0-9]{1,3}(?:,[0-9]{3}){1,4}|[0-9]{1,15})(?:\.[0-9]{1,6})?)(万|亿)?(余|多)?$")
APPROX = _APPROX  # the written forms of an amount, for drafter.types
# A placeholder the writer fills in later, as drafts do: xx, xxx, XX
PLACEHOLDER = re.compile(r"^[xX]{1,6}(余|多)?$")
_ALLOWED_CONTROL = {"\n", "\t"}
_BLANK_ITEM = " \t\n\u3000，。、；：,.;:！？!?“”《》（）"


class FieldValueError(ValueError):
    """A value that does not fit its field; the message is Chinese and user-facing."""


@dataclass
class FieldSpec:
    """One field of a section, as the ontology declares it."""

    id: str
    type: str
    prompt: str
    help: str = ""
    unit: str | None = None
    options: list[str] = field(default_factory=list)
    fields: list[FieldSpec] = field(default_factory=list)  # for records
    compare: bool = False  # worth a year-on-year comparison in prose
    stable: bool = False  # usually the same every year (carried over)
    requires: list[str] = field(default_factory=list)  # only said together with one of these
    advances: bool = False  # a yearly ordinal (第34个): one more each year
    example: Any = None

    def subfield(self, field_id: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.id == field_id), None)


# Larger than any statistic a bureau reports (a trillion): beyond it a value is a typo, and
# arithmetic on it (year-on-year, 万 scaling) would overflow.
MAX_AMOUNT = 10**12


def _noncharacter(ch: str) -> bool:
    code = ord(ch)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def check_text(value: Any, multiline: bool) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise FieldValueError(f"应为文字，实际是{describe(value)}")
    text = str(value)
    if "\n" not in text and text.isprintable():  # the usual case, decided at C speed
        return text
    for ch in text:
        if ch in _ALLOWED_CONTROL:
            if ch == "\n" and not multiline:
                raise FieldValueError("这里只能填一行文字，不能换行")
            continue
        if (unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") and ch not in "\u200d") or _noncharacter(ch):
            raise FieldValueError(f"含有不可见的控制字符（U+{ord(ch):04X}），请删除后再试")
    return text


def ascii_digits(text: str) -> str:
    """Decimal digits of any script (full-width １２, Arabic-Indic ٨٦١) as ASCII digits.
    Superscripts and circled numbers are not decimal digits and stay as they are."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def _whole_number(text: str) -> bool:
    return bool(re.fullmatch(r"[0-9]+", text))


def shorten(text: str, limit: int = 60) -> str:
    """A value echoed in a message: never more than about a line."""
    text = str(text).replace("\n", "⏎")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(value: Any) -> str:
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return f"真假值“{'true' if value else 'false'}”"
    if isinstance(value, int):
        return f"整数“{shorten(str(value))}”"
    if value in (float("inf"), float("-inf")):  # yamlio.bounded_int
        return f"位数过多的{'负' if value < 0 else ''}数字"
    if isinstance(value, float):
        return f"小数“{value:g}”"
    if isinstance(value, str):
        return f"文字“{shorten(value)}”"
    if isinstance(value, (list, tuple)):
        return "列表"
    if isinstance(value, dict):
        return "键值表"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return f"日期“{value}”"
    if hasattr(value, "value"):  # a YAML scalar with a tag (!x 3, or a bare =)
        return f"“{shorten(str(value.value))}”"
    return "无法识别的值"


def amount_value(value: Any) -> float | None:
    """The numeric size of a count-like value, or None for an approximate one like 80余."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        m = _APPROX.match(value.strip())
        if m and not m.group(1) and not m.group(4):
            scale = {"万": 1e4, "亿": 1e8}.get(m.group(3) or "", 1)
            return float(m.group(2).replace(",", "")) * scale
    return None


def _too_large(size: float | str) -> FieldValueError:
    if size == float("inf"):  # a number of thousands of digits (yamlio.huge_number)
        return FieldValueError("数值过大（超过一万亿，位数过多），请核对")
    return FieldValueError(f"数值过大（超过一万亿），请核对：{describe(size)}")


def check_amount(value: Any, spec: FieldSpec, integer: bool) -> Any:
    if isinstance(value, bool):
        raise FieldValueError(f"应为数字，实际是{describe(value)}")
    if isinstance(value, int):
        if value < 0:
            raise FieldValueError(f"不能是负数（{shorten(str(value))}）")
        if value > MAX_AMOUNT:
            raise _too_large(value)
        return value
    if isinstance(value, float):
        if value == float("inf"):
            raise _too_large(value)
        if value == float("-inf"):
            raise FieldValueError("不能是负数（位数过多的负数）")
        if value != value:
            raise FieldValueError("应为有限的数字")
        if value < 0:
            raise FieldValueError(f"不能是负数（{value:g}）")
        if value > MAX_AMOUNT:
            raise _too_large(value)
        if integer and not value.is_integer():
            raise FieldValueError(f"应为整数，实际是{describe(value)}")
        return int(value) if integer else value
    if isinstance(value, str):
        text = ascii_digits(value.strip())
        if text.startswith("-"):
            raise FieldValueError(f"不能是负数（{shorten(text)}）")
        m = _APPROX.match(text)
        if m and float(m.group(2).replace(",", "")) * {"万": 1e4, "亿": 1e8}.get(m.group(3) or "", 1) > MAX_AMOUNT:
            raise _too_large(text)
        if integer and m and not (m.group(1) or m.group(3) or m.group(4)) and re.fullmatch(r"[0-9]+\.0+", m.group(2)):
            return int(m.group(2).partition(".")[0])  # a count typed 12.0 is 12
        if integer and m and not (m.group(1) or m.group(3) or m.group(4)) and "." in m.group(2):
            raise FieldValueError(f"应为整数，实际是小数“{text}”")  # as build reads 0.10 from the file
        if m or PLACEHOLDER.match(text):
            return text
        raise FieldValueError(
            f"应为{'整数' if integer else '数字'}（可写成 80、80余、3万余、1.1万，暂缺可写 xx），实际是{describe(value)}"
        )
    raise FieldValueError(f"应为数字，实际是{describe(value)}")


def check_money(value: Any, spec: FieldSpec) -> Any:
    unit = (spec.unit if spec else None) or "万元"
    if isinstance(value, str) and unit.startswith(("万", "亿")) and re.search(r"[0-9](万|亿)", ascii_digits(value)):
        raise FieldValueError(f"单位已是{unit}，数字里不要再写“万”“亿”（如 3 表示 3{unit}），实际是{describe(value)}")
    checked = check_amount(value, spec, integer=False)
    if isinstance(checked, str) and (spec.unit or "万元") == "万元" and re.search("[万亿]", checked):
        raise FieldValueError(f"单位已是万元，请只填数字（如 1.1万万元即 1.1亿元，应填 11000），实际是“{value}”")
    if isinstance(checked, float) and round(checked, 4) != checked:
        raise FieldValueError(f"金额最多保留四位小数，实际是“{value}”")
    return checked


def check_percent(value: Any, spec: FieldSpec) -> Any:
    if isinstance(value, str) and value.strip().endswith(("%", "％")):
        text = ascii_digits(value.strip()[:-1]).strip()
        try:
            number = float(text)
        except ValueError:
            raise FieldValueError(f"应为百分数，如 98.5，实际是“{shorten(text)}%”") from None
        kept = _facts.as_written(text)  # 19.0% stays 19.0, not 19
        value = kept if not isinstance(kept, str) or _APPROX.match(kept) else number
    return check_amount(value, spec, integer=False)


def check_serial(value: Any, spec: FieldSpec) -> int:
    """An identifying number (the 75 of 启应急〔2021〕75号): a whole number from 1, no leading zero."""
    if isinstance(value, str) and _whole_number(ascii_digits(value.strip())) and not value.strip().startswith("0"):
        value = int(ascii_digits(value.strip()))
    if isinstance(value, bool) or not isinstance(value, int) or value < 1 or value > MAX_AMOUNT:
        raise FieldValueError(f"应为从 1 起的整数序号（不加“0”），实际是{describe(value)}")
    return value


def check_month(value: Any, spec: FieldSpec) -> int:
    """A month of the report's year: 1 to 12 (3 or 3月)."""
    if isinstance(value, str):
        text = ascii_digits(value.strip()).removesuffix("月").removesuffix("份")
        value = int(text) if _whole_number(text) else value
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        raise FieldValueError(f"月份应为 1 至 12 的整数，实际是{describe(value)}")
    return value


def check_year(value: Any, spec: FieldSpec) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and _whole_number(ascii_digits(value.strip())):
            value = int(ascii_digits(value.strip()))
        else:
            raise FieldValueError(f"应为四位年份，如 2024，实际是{describe(value)}")
    if not 1949 <= value <= 2100:
        raise FieldValueError(f"年份不在合理范围内（{shorten(str(value))}），应在 1949 至 2100 之间")
    return value


_DATE_CN = re.compile(r"^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日$")
_DATE_ISO = re.compile(r"^([0-9]{4})[-./]([0-9]{1,2})[-./]([0-9]{1,2})$")


def check_date(value: Any, spec: FieldSpec) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        text = ascii_digits(value.strip())
        m = _DATE_CN.match(text) or _DATE_ISO.match(text)
        if m:
            try:
                return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise FieldValueError(f"没有这一天：“{shorten(value)}”") from None
    raise FieldValueError(f"应为日期，如 2023-12-20 或 2023年12月20日，实际是{describe(value)}")


def check_list_of_text(value: Any, spec: FieldSpec) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise FieldValueError(f"应为列表（每行以“- ”开头），实际是{describe(value)}")
    out = []
    for i, item in enumerate(value, 1):
        if item is None or (isinstance(item, str) and not item.strip(_BLANK_ITEM)):
            continue  # a blank item (nothing but spaces or marks) says nothing
        try:
            out.append(check_text(item, multiline=True))
        except FieldValueError as exc:
            raise FieldValueError(f"第 {i} 项{exc}") from None
    return out


def check_choice(value: Any, spec: FieldSpec) -> str:
    text = check_text(value, multiline=False)
    if text not in spec.options:
        raise FieldValueError(f"只能是以下之一：{'、'.join(spec.options)}；实际是“{text}”")
    return text


def check_multichoice(value: Any, spec: FieldSpec) -> list[str]:
    items = check_list_of_text(value, spec)
    for item in items:
        if item not in spec.options:
            raise FieldValueError(f"只能从以下选项中选：{'、'.join(spec.options)}；实际有“{item}”")
    return items


def check_flag(value: Any, spec: FieldSpec) -> bool:
    if isinstance(value, bool):
        return value
    if value in ("是", "否"):
        return value == "是"
    raise FieldValueError(f"应为“是”或“否”，实际是{describe(value)}")


def is_empty(value: Any) -> bool:
    """Empty means 'not reported this year': left out of the report."""
    if value is None:
        return True
    if isinstance(value, str) and not value.strip(_BLANK_ITEM):
        return True  # nothing but spaces or marks (“，”) says nothing
    return isinstance(value, (list, dict)) and not value
