"""One table of field types: what each type of fact knows how to do.

Every field of the ontology and every own fact of a section (`facts:`) has a type, and a type
is one row of REGISTRY. The row checks a value (the answers file and the wizard alike), reads
one from text typed at a prompt or found in a report, states it in prose with its unit,
compares it year on year, says whether it is a figure (the statistics table, check's number
rules, the numbers sheet, next year's questions), whether the districts' values of it add up
(rollup) and whether the importer fills it from a report's numbers, which widget the wizard
asks it with, and what the JSON Schema of the answers file allows for it. Adding a type means
adding one row here: the ontology, the answers file, the wizard, the schema, the statistics
table, check, rollup and import all ask this table.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from drafter import facts, fields
from drafter.fields import FieldSpec, FieldValueError, ascii_digits, describe, is_empty
from drafter.filters import cn_date, money, num, pct, qty, yoy

_SCALAR_TEXT = YAML(typ="safe", pure=True)


def read_scalar(text: str) -> Any:
    """Text typed at a prompt as the answers file would hold it: `861` a number, `80余` text,
    `2023-12-20` a date. The same YAML rules as the file, so the wizard and `build` accept
    exactly the same values; but a number typed with its fraction's zeros (`19.0`, `3.50`) is
    kept as typed, as import keeps it, so it prints with them."""
    text = text.strip()
    if not text:
        return None
    try:
        value = _SCALAR_TEXT.load(text)
    except (YAMLError, ValueError, OverflowError):
        return text
    if isinstance(value, float):
        kept = facts.as_written(ascii_digits(text))
        if isinstance(kept, str) and fields.APPROX.match(kept):
            return kept
    return value if isinstance(value, (int, float, str)) or value is None or hasattr(value, "year") else text


def _as_typed(text: str) -> str:
    return text  # free text and choices are taken as typed, never as YAML


# -- prose: a value as the report states it, and its change on last year -----------------

def _plain(value: Any, spec: FieldSpec) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "；".join(str(v) for v in value)
    return num(value) if isinstance(value, (int, float)) else str(value)


def _quantity(value: Any, spec: FieldSpec) -> str:
    return _plain(value, spec) if isinstance(value, bool) else qty(value, spec.unit or "")


def _yes_no(value: Any, spec: FieldSpec) -> str:
    return "是" if value else "否"


def _no_comparison(current: Any, previous: Any, spec: FieldSpec) -> str:
    return ""


def _compare_amount(places: int) -> Callable[[Any, Any, FieldSpec], str]:
    """同比增加12件，上升8.3%: the difference in the field's unit, to `places` decimals."""
    return lambda current, previous, spec: yoy(current, previous, spec.unit or "", diff_places=places)


def _compare_percent(current: Any, previous: Any, spec: FieldSpec) -> str:
    return yoy(current, previous, "个百分点", percent=False)


def stated(spec: Any, value: Any) -> str:
    """A field's value as the report states it: 66起, 880.42万元, 98.5%, 2023年12月20日."""
    if value is None or value == "" or value == []:
        return ""
    row = REGISTRY.get(spec.type) if isinstance(spec.type, str) else None
    return (row.say if row is not None else _plain)(value, spec)


# -- JSON Schema of a value (drafter schema) ----------------------------------------------

JSON_DIGIT = "[0-9０-９]"
JSON_BLANK = r"^[\s\u3000，。、；：,.;:！？!?“”《》（）]*$"  # says nothing: the same as leaving it out
# 80、3万余、近3000; 1,200 and 3.50 as written (drafter keeps a value's written digits)
JSON_NUMBER = rf"({JSON_DIGIT}{{1,3}}(,{JSON_DIGIT}{{3}}){{1,4}}|{JSON_DIGIT}{{1,15}})(\.{JSON_DIGIT}{{1,6}})?"
JSON_AMOUNT = rf"(近|约|超|逾)?{JSON_NUMBER}(万|亿)?(余|多)?"
JSON_PLACEHOLDER = "[xX]{1,6}(余|多)?"
# a day that exists (29 February in any year: the one thing left to drafter), 2023-12-20 or 2023年12月20日
_MONTH_DAY = ("((0?[13578]|1[02]){sep}(0?[1-9]|[12][0-9]|3[01])|(0?[469]|11){sep}(0?[1-9]|[12][0-9]|30)"
              "|0?2{sep}(0?[1-9]|1[0-9]|2[0-9]))")
JSON_DATE = (f"^\\s*(?!0000)[0-9]{{4}}([-./]{_MONTH_DAY.format(sep='[-./]')}|年{_MONTH_DAY.format(sep='月')}日)\\s*$")

Schema = Callable[[FieldSpec, Callable[[FieldSpec], dict]], list]  # (spec, a subfield's schema) → alternatives


def json_blank() -> dict:
    return {"type": "string", "pattern": JSON_BLANK}


def _amount_schema(integer: bool) -> Schema:
    def schema(spec: FieldSpec, sub: Callable[[FieldSpec], dict]) -> list:
        text = f"^\\s*({JSON_AMOUNT}|{JSON_PLACEHOLDER})\\s*$"
        number = {"type": "integer" if integer else "number", "minimum": 0, "maximum": 10**12}
        return [number, {"type": "string", "pattern": text}]
    return schema


def _money_schema(spec: FieldSpec, sub: Callable[[FieldSpec], dict]) -> list:
    unit = spec.unit or "万元"
    if unit.startswith(("万", "亿")):  # the unit already says 万: the number may not
        text = rf"^\s*((近|约|超|逾)?{JSON_NUMBER}(余|多)?|{JSON_PLACEHOLDER})\s*$"
        return [{"type": "number", "minimum": 0, "maximum": 10**12}, {"type": "string", "pattern": text}]
    return _amount_schema(integer=False)(spec, sub)


def _percent_schema(spec: FieldSpec, sub: Callable[[FieldSpec], dict]) -> list:
    number, text = _amount_schema(integer=False)(spec, sub)
    sign = rf"^\s*{JSON_NUMBER}\s*[%％]\s*$"
    return [number, text, {"type": "string", "pattern": sign}]


def _serial_schema(spec: FieldSpec, sub: Callable[[FieldSpec], dict]) -> list:
    return [{"type": "integer", "minimum": 1, "maximum": 10**12},
            {"type": "string", "pattern": f"^\\s*[1-9１-９]{JSON_DIGIT}{{0,12}}\\s*$"}]


def _year_schema(spec: FieldSpec, sub: Callable[[FieldSpec], dict]) -> list:
    return [{"type": "integer", "minimum": 1949, "maximum": 2100},
            {"type": "string", "pattern": "^\\s*(19(49|[5-9][0-9])|20[0-9]{2}|2100)\\s*$"}]


def _month_schema(spec: FieldSpec, sub: Callable[[FieldSpec], dict]) -> list:
    return [{"type": "integer", "minimum": 1, "maximum": 12},
            {"type": "string", "pattern": "^\\s*(0?[1-9]|1[0-2])\\s*(月份?)?\\s*$"}]


def _date_schema(spec: FieldSpec, sub: Callable[[FieldSpec], dict]) -> list:
    return [{"type": "string", "pattern": JSON_DATE}]


def _text_schema(multiline: bool) -> Schema:
    def schema(spec: FieldSpec, sub: Callable[[FieldSpec], dict]) -> list:
        line = {"type": "string"} if multiline else {"type": "string", "pattern": "^[^\\n\\r]*$"}
        return [line, {"type": "number"}]
    return schema


def _list_of_text_schema(spec: FieldSpec, sub: Callable[[FieldSpec], dict]) -> list:
    item = {"anyOf": [{"type": "null"}, {"type": "string"}, {"type": "number"}]}
    return [{"type": "array", "items": item}, {"type": "string"}]


def _choice_schema(spec: FieldSpec, sub: Callable[[FieldSpec], dict]) -> list:
    return [{"type": "string", "enum": list(spec.options)}]


def _multichoice_schema(spec: FieldSpec, sub: Callable[[FieldSpec], dict]) -> list:
    item = {"anyOf": [{"type": "null"}, json_blank(), {"type": "string", "enum": list(spec.options)}]}
    return [{"type": "array", "items": item}, {"type": "string", "enum": list(spec.options)}]


def _flag_schema(spec: FieldSpec, sub: Callable[[FieldSpec], dict]) -> list:
    return [{"type": "boolean"}, {"type": "string", "enum": ["是", "否"]}]


def _any_schema(spec: FieldSpec, sub: Callable[[FieldSpec], dict]) -> list:
    return [{}]  # anything: drafter still checks it when it reads the file


def _records_schema(spec: FieldSpec, sub: Callable[[FieldSpec], dict]) -> list:
    record = {"type": "object", "additionalProperties": False,
              "properties": {s.id: sub(s) for s in spec.fields}}
    return [{"type": "array", "items": {"anyOf": [{"type": "null"}, record]}}]


# -- 时长: hours, written 2.5、2.5小时 or 150分钟 ------------------------------------------

HOURS = "小时"
_CLOCK = re.compile(r"(?:([0-9]{1,15}(?:\.[0-9]{1,6})?)\s*小时)?\s*([0-9]{1,15}(?:\.[0-9]{1,6})?)\s*分钟")


def check_duration(value: Any, spec: FieldSpec) -> Any:
    """A length of time in hours: 2.5, 2.5小时, 150分钟 (2.5), 2小时30分钟 (2.5), 80余小时, xx.
    Minutes become hours to two decimals (100分钟 is 1.67)."""
    given = value
    if isinstance(value, str):
        text = ascii_digits(value.strip())
        clock = _CLOCK.fullmatch(text)
        if clock:
            hours = round(float(clock.group(1) or 0) + float(clock.group(2)) / 60, 2)
            value = int(hours) if hours.is_integer() else hours
        else:
            text = text.removesuffix(HOURS).strip()
            value = read_scalar(text) if text else value
    try:
        return fields.check_amount(value, spec, integer=False)
    except FieldValueError as exc:
        if isinstance(value, str) and str(exc).startswith("应为"):
            raise FieldValueError(f"应为时长（小时数，如 2.5、2.5小时、150分钟；暂缺可写 xx），实际是{describe(given)}") from None
        raise


def _duration_schema(spec: FieldSpec, sub: Callable[[FieldSpec], dict]) -> list:
    number = rf"{JSON_DIGIT}{{1,15}}(\.{JSON_DIGIT}{{1,6}})?"
    text = f"^\\s*(({JSON_AMOUNT}|{JSON_PLACEHOLDER})\\s*({HOURS})?|({number}\\s*{HOURS})?\\s*{number}\\s*分钟)\\s*$"
    return [{"type": "number", "minimum": 0, "maximum": 10**12}, {"type": "string", "pattern": text}]


# -- the table ----------------------------------------------------------------------------

WIDGETS = ("scalar", "items", "records", "choice", "checkbox")  # how the wizard asks (wizard/questions.Asker)


@dataclass(frozen=True, eq=False)  # one row per type: compared by identity
class FieldType:
    """One kind of field value: how it is checked, read from text, stated, compared and asked for."""

    name: str
    label: str  # what the wizard and the schema call the type
    check: Callable[[Any, FieldSpec], Any]  # a value from the file (or read from text) → normalised, or FieldValueError
    hint: Callable[[FieldSpec], str]  # the wizard's (and the schema's) instruction
    compare: Callable[[Any, Any, FieldSpec], str] = _no_comparison  # 同比增加12件，上升8.3% / 与上年持平 / ""
    numeric: bool = False  # a figure: in the statistics table, check's number rules, next year asks it again
    listed: bool = False  # a list (items, docs, multichoice, records): not a slot in own text
    read: Callable[[str], Any] = read_scalar  # text typed at a prompt → a value as the answers file holds it
    say: Callable[[Any, FieldSpec], str] = _plain  # a non-empty value in prose, with its unit
    schema: Schema = _any_schema  # JSON Schema alternatives of a non-empty value
    widget: str = "scalar"  # one of WIDGETS
    sums: bool = False  # the districts' values add up to the city's (drafter rollup)
    imported: bool = False  # import fills it from a report's number of the same kind (facts.Quantity.kind)
    hint_names_unit: bool = False  # the hint already says the unit: the schema does not say it again

    def parse(self, text: str, spec: FieldSpec) -> Any:
        """A value typed as text (wizard, numbers sheet, import), checked like the file's."""
        if is_empty(text):
            return None
        return self.check(self.read(text), spec)

    def state(self, value: Any, spec: FieldSpec) -> str:
        return stated(spec, value)


def _unit(spec: FieldSpec) -> str:
    return spec.unit or ""


REGISTRY: dict[str, FieldType] = {t.name: t for t in (
    FieldType("count", "计数", lambda v, s: fields.check_amount(v, s, integer=True),
              lambda s: f"填数字，单位：{_unit(s)}；可写 80余、3万余", _compare_amount(4), numeric=True,
              say=_quantity, schema=_amount_schema(integer=True), sums=True, imported=True, hint_names_unit=True),
    FieldType("money", "金额", fields.check_money,
              lambda s: f"单位：{_unit(s)}，最多四位小数", _compare_amount(2), numeric=True,
              say=lambda v, s: money(v, s.unit or "万元"), schema=_money_schema, sums=True, imported=True,
              hint_names_unit=True),
    FieldType("percent", "百分数", fields.check_percent, lambda s: "百分数，如 98.5", _compare_percent, numeric=True,
              say=lambda v, s: pct(v), schema=_percent_schema, imported=True),
    FieldType("number", "数值", lambda v, s: fields.check_amount(v, s, integer=False),
              lambda s: "数字" + (f"，单位：{s.unit}" if s.unit else ""), _compare_amount(4), numeric=True,
              say=_quantity, schema=_amount_schema(integer=False)),
    FieldType("serial", "序号", fields.check_serial, lambda s: "从 1 起的序号", schema=_serial_schema),
    FieldType("year", "年份", fields.check_year, lambda s: "四位年份", schema=_year_schema),
    FieldType("date", "日期", fields.check_date, lambda s: "日期，如 2023-12-20",
              say=lambda v, s: cn_date(v), schema=_date_schema),
    FieldType("text", "一行文字", lambda v, s: fields.check_text(v, multiline=False), lambda s: "",
              read=_as_typed, schema=_text_schema(multiline=False)),
    FieldType("textblock", "多行文字", lambda v, s: fields.check_text(v, multiline=True), lambda s: "",
              read=_as_typed, schema=_text_schema(multiline=True)),
    FieldType("items", "若干条文字", fields.check_list_of_text, lambda s: "", listed=True,
              schema=_list_of_text_schema, widget="items"),
    FieldType("docs", "若干文件名称", fields.check_list_of_text, lambda s: "", listed=True,
              schema=_list_of_text_schema, widget="items"),
    FieldType("choice", "单选", fields.check_choice, lambda s: "、".join(s.options),
              read=_as_typed, schema=_choice_schema, widget="choice"),
    FieldType("multichoice", "多选", fields.check_multichoice, lambda s: "、".join(s.options), listed=True,
              schema=_multichoice_schema, widget="checkbox"),
    FieldType("records", "若干条记录", lambda v, s: v, lambda s: "", listed=True,
              schema=_records_schema, widget="records"),
    FieldType("flag", "是/否", fields.check_flag, lambda s: "是 / 否", say=_yes_no, schema=_flag_schema,
              widget="choice"),
    FieldType("month", "月份", fields.check_month, lambda s: "1 至 12 的月份", schema=_month_schema),
    # 时长 in hours. A figure like any number (statistics table, check, 同比); not summed by
    # rollup: a bureau's hours are mostly averages (平均响应时长), and averages do not add up.
    FieldType("duration", "时长", check_duration, lambda s: f"单位：{HOURS}，如 2.5；也可写 2.5小时、150分钟",
              lambda c, p, s: yoy(c, p, HOURS, diff_places=4), numeric=True,
              say=lambda v, s: qty(v, HOURS), schema=_duration_schema, hint_names_unit=True),
)}


def of(spec: FieldSpec) -> FieldType:
    return REGISTRY[spec.type]


def check(value: Any, spec: FieldSpec) -> Any:
    """Check one non-empty value of a non-records field; return it normalised."""
    return of(spec).check(value, spec)


def compare(current: Any, previous: Any, spec: FieldSpec) -> str:
    return of(spec).compare(current, previous, spec)


__all__ = ["REGISTRY", "WIDGETS", "FieldType", "FieldValueError", "check", "compare", "of", "read_scalar", "stated"]
