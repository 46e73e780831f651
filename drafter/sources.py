"""Where each of this year's numbers came from: a section's `sources:`.

    answers:
      penalties:
        inspections: 412
        facts:
          听证会: 24场
        sources:
          inspections: 数字表.xlsx 第12行（执法支队）
          听证会: drafter ask 2025-01-15

A section may carry `sources:` — a number's name (a field id of the section, or the name of
one of its own facts) and a short text saying where this year's value came from. It is the
reviewer's to read and the clerk's to edit; drafter writes it where it writes a value: the
numbers sheet (`numbers --fill`: the sheet's file, row and 提供单位), the wizard (`ask`,
`ask --numbers`: drafter ask and the date), `rollup` (汇总：N个区县（…）), and 沿用上年 wherever
`=` is entered. A value cleared clears its source; `drafter next` starts the year without any
(they spoke of last year's values). A number inside a record (drills[2].participants) has the
source of its record field (drills).

Everything here works on the file's raw mappings (ruamel's, comments and order kept).
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any

SOURCES = "sources"
SAME = "沿用上年"
ASK = "drafter ask"
_PREVIOUS_YEAR = "previous_year"  # drafter.answers.PREVIOUS_YEAR (answers imports this module)


def name_of(key: str) -> str:
    """The name a number's source is kept under: a field id, a record field for a number inside
    a record (drills[2].participants → drills), an own fact's name (facts.听证会 → 听证会)."""
    if key.startswith("facts."):
        return key[len("facts."):]
    return re.split(r"[\[.]", key, maxsplit=1)[0]


def asked(today: _dt.date | None = None) -> str:
    """A value typed in the wizard (`ask`, `ask --numbers`)."""
    return f"{ASK} {(today or _dt.date.today()).isoformat()}"


def same(where: str = "") -> str:
    """`=`: the value is last year's; where it was said, if anywhere but the file."""
    return f"{SAME}（{where}）" if where else SAME


def sheet(file_name: str, lines: list[int], unit: str = "", same_as_last_year: bool = False) -> str:
    """A value read from a numbers sheet: its file, its row(s), and who supplied it (提供单位);
    written `=` there: 沿用上年（数字表.xlsx 第12行，执法支队）."""
    rows = "、".join(str(n) for n in sorted(set(lines)))
    where = f"{file_name} 第{rows}行"
    if same_as_last_year:
        return same(where + (f"，{unit}" if unit else ""))
    return where + (f"（{unit}）" if unit else "")


def rollup(districts: list[str], own: bool = False) -> str:
    """A sum of the districts' values (and the city's own, when the rule adds it)."""
    city = "市局本级和" if own else ""
    return f"汇总：{city}{len(districts)}个区县（{'、'.join(districts)}）"


def record(section: Any, name: str, text: str | None) -> None:
    """Set (or, with None, clear) the source of a number in a section's raw mapping. The
    `sources:` mapping is made when first needed, before previous_year (which stays last), and
    removed when it holds nothing."""
    from ruamel.yaml.comments import CommentedMap

    if not isinstance(section, dict):
        return
    found = section.get(SOURCES)
    if text is None:
        if isinstance(found, dict):
            found.pop(name, None)
            if not found:
                section.pop(SOURCES, None)
        return
    if not isinstance(found, dict):
        found = CommentedMap()
        keys = list(section.keys())
        if SOURCES in keys:
            section[SOURCES] = found
        else:
            at = keys.index(_PREVIOUS_YEAR) if _PREVIOUS_YEAR in keys else len(keys)
            if hasattr(section, "insert"):
                section.insert(at, SOURCES, found)
            else:
                section[SOURCES] = found
    found[name] = text


def is_same(value: Any) -> bool:
    """A raw value (a field's, or an own fact's short or long form) that says `=`."""
    if isinstance(value, dict):
        value = value.get("value")
    return value is not None and str(getattr(value, "value", value)).strip().startswith("=")
