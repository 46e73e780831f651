"""One table of field types: what each type of fact knows how to do.

Every field of the ontology and every own fact of a section (`facts:`) has a type; the type
checks a value (the answers file and the wizard alike), reads one from text typed at a
prompt or found in a report, states it in prose with its unit, and compares it year on
year. Adding a type means adding one entry here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from drafter import fields
from drafter.fields import FieldSpec, FieldValueError, is_empty


def _no_comparison(current: Any, previous: Any, spec: FieldSpec) -> str:
    return ""


def _compare_amount(current: Any, previous: Any, spec: FieldSpec) -> str:
    from drafter.filters import yoy
    return yoy(current, previous, spec.unit or "", diff_places=2 if spec.type == "money" else 4)


def _compare_percent(current: Any, previous: Any, spec: FieldSpec) -> str:
    from drafter.filters import yoy
    return yoy(current, previous, "个百分点", percent=False)


def _state(current: Any, spec: FieldSpec) -> str:
    from drafter.filters import stated
    return stated(spec, current)


_SCALAR_TEXT = YAML(typ="safe", pure=True)


def read_scalar(text: str) -> Any:
    """Text typed at a prompt as the answers file would hold it: `861` a number, `80余` text,
    `2023-12-20` a date. The same YAML rules as the file, so the wizard and `build` accept
    exactly the same values."""
    text = text.strip()
    if not text:
        return None
    try:
        value = _SCALAR_TEXT.load(text)
    except (YAMLError, ValueError, OverflowError):
        return text
    return value if isinstance(value, (int, float, str)) or value is None or hasattr(value, "year") else text


@dataclass(frozen=True, eq=False)  # one row per type: compared by identity
class FieldType:
    """One kind of field value: how it is checked, read from text, stated, compared and asked for."""

    name: str
    label: str  # what the wizard says the value should be
    check: Callable[[Any, FieldSpec], Any]  # a value from the file (or read from text) → normalised, or FieldValueError
    hint: Callable[[FieldSpec], str]  # the wizard's instruction
    compare: Callable[[Any, Any, FieldSpec], str] = _no_comparison  # 同比增加12件，上升8.3% / 与上年持平 / ""
    numeric: bool = False  # a number that next year must fill again
    listed: bool = False  # a list (items, docs, multichoice, records): not a slot in own text

    def parse(self, text: str, spec: FieldSpec) -> Any:
        """A value typed as text (wizard, numbers sheet, import), checked like the file's."""
        if is_empty(text):
            return None
        value = text if self.name in ("text", "textblock", "choice") else read_scalar(text)
        return self.check(value, spec)

    def state(self, value: Any, spec: FieldSpec) -> str:
        return _state(value, spec)


def _unit(spec: FieldSpec) -> str:
    return spec.unit or ""


REGISTRY: dict[str, FieldType] = {t.name: t for t in (
    FieldType("count", "计数", lambda v, s: fields.check_amount(v, s, integer=True),
              lambda s: f"填数字，单位：{_unit(s)}；可写 80余、3万余", _compare_amount, numeric=True),
    FieldType("money", "金额", fields.check_money,
              lambda s: f"单位：{_unit(s)}，最多四位小数", _compare_amount, numeric=True),
    FieldType("percent", "百分数", fields.check_percent, lambda s: "百分数，如 98.5", _compare_percent, numeric=True),
    FieldType("number", "数值", lambda v, s: fields.check_amount(v, s, integer=False),
              lambda s: "数字" + (f"，单位：{s.unit}" if s.unit else ""), _compare_amount, numeric=True),
    FieldType("serial", "序号", fields.check_serial, lambda s: "从 1 起的序号"),
    FieldType("year", "年份", fields.check_year, lambda s: "四位年份"),
    FieldType("month", "月份", fields.check_month, lambda s: "1 至 12 的月份"),
    FieldType("date", "日期", fields.check_date, lambda s: "日期，如 2023-12-20"),
    FieldType("text", "一行文字", lambda v, s: fields.check_text(v, multiline=False), lambda s: ""),
    FieldType("textblock", "多行文字", lambda v, s: fields.check_text(v, multiline=True), lambda s: ""),
    FieldType("items", "若干条文字", fields.check_list_of_text, lambda s: "", listed=True),
    FieldType("docs", "若干文件名称", fields.check_list_of_text, lambda s: "", listed=True),
    FieldType("choice", "单选", fields.check_choice, lambda s: "、".join(s.options)),
    FieldType("multichoice", "多选", fields.check_multichoice, lambda s: "、".join(s.options), listed=True),
    FieldType("flag", "是/否", fields.check_flag, lambda s: "是 / 否"),
    FieldType("records", "若干条记录", lambda v, s: v, lambda s: "", listed=True),
)}


def of(spec: FieldSpec) -> FieldType:
    return REGISTRY[spec.type]


def check(value: Any, spec: FieldSpec) -> Any:
    """Check one non-empty value of a non-records field; return it normalised."""
    return of(spec).check(value, spec)


def compare(current: Any, previous: Any, spec: FieldSpec) -> str:
    return of(spec).compare(current, previous, spec)


__all__ = ["FieldType", "REGISTRY", "of", "check", "compare", "read_scalar", "FieldValueError"]
