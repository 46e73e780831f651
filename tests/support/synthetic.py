"""Synthetic answers for any field type: to exercise every template without hand-made data."""
from __future__ import annotations

import datetime as dt
from typing import Any

from drafter.fields import FieldSpec

_COUNTER = iter(range(37, 10**6, 13))


def value_for(spec: FieldSpec) -> Any:
    t = spec.type
    if t == "count":
        return next(_COUNTER)
    if t == "number":
        return next(_COUNTER) + 0.5
    if t == "money":
        return next(_COUNTER) + 0.25
    if t == "percent":
        return 61.5
    if t == "year":
        return 2019
    if t == "month":
        return 7
    if t == "serial":
        return 75
    if t == "date":
        return dt.date(2023, 5, 17)
    if t == "text":
        return f"测试文字{spec.id}"
    if t == "textblock":
        return f"测试段落{spec.id}甲\n测试段落{spec.id}乙"
    if t == "items":
        return [f"测试事项{spec.id}甲", f"测试事项{spec.id}乙"]
    if t == "docs":
        return [f"测试文件{spec.id}"]
    if t == "choice":
        return spec.options[0]
    if t == "multichoice":
        return spec.options[:2]
    if t == "flag":
        return True
    if t == "records":
        return [{sub.id: value_for(sub) for sub in spec.fields} for _ in range(2)]
    raise AssertionError(t)


def marker_of(spec: FieldSpec, value: Any) -> str | None:
    """A piece of text that must appear in the rendering when only this field is filled."""
    t = spec.type
    if t in ("count", "number", "money", "serial"):
        from drafter.filters import num
        return num(value)
    if t in ("text", "items", "docs", "textblock"):
        return f"测试{'文字' if t == 'text' else '段落' if t == 'textblock' else '事项' if t == 'items' else '文件'}{spec.id}"
    if t == "percent":
        return "61.5"
    if t == "date":
        return "2023年5月17日"
    if t == "records":
        for sub in spec.fields:
            if sub.type in ("text", "count", "items", "textblock"):
                return marker_of(sub, value[0][sub.id])
    return None
