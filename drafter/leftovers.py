"""Leftovers in report text: xx placeholders, empty 【】, “（此处填写……）” instructions.

One definition, read from the check rules' table (sections/_check.yaml), for `drafter build`'s
warning and `drafter check`'s findings alike. Kept apart from drafter.check so that a build
does not load the whole reviewer.
"""
from __future__ import annotations

import functools
import re

from drafter import datafiles
from drafter.errors import DrafterError, Location

CHECK_FILE = "_check.yaml"


@functools.lru_cache(maxsize=256)
def compiled(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise DrafterError(f"检查规则表中的式样有误（{exc}）：{pattern}",
                           Location(file=str(datafiles.find(CHECK_FILE)))) from None


def patterns() -> list[tuple[re.Pattern[str], str]]:
    return [(compiled(pattern), name) for pattern, name in _table()]


def _table() -> tuple[tuple[str, str], ...]:
    """The table's patterns as written (read again when _check.yaml changes)."""
    return datafiles.derived(CHECK_FILE, _written)


def _written(data: dict, path) -> tuple[tuple[str, str], ...]:
    """The table's patterns as written, with what each finds."""
    found = [(str(p["pattern"]), p.get("name", "占位符")) for p in data.get("placeholders") or []]
    found += [(str(p), "起草说明") for p in data.get("instructions") or []]
    return tuple(found)


def found_in(text: str) -> list[tuple[str, str]]:
    """Every leftover in a text as (what it is, as written). One search tells whether there
    is any; the patterns are compiled and run one by one only then (most reports have none)."""
    anything = _any(tuple(pattern for pattern, _ in _table()))
    if anything is not None and not anything.search(text):
        return []
    return [(name, m.group(0)) for pattern, name in patterns() for m in pattern.finditer(text)]


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")


@functools.lru_cache(maxsize=8)
def _any(table: tuple[str, ...]) -> re.Pattern[str] | None:
    """All the patterns as one alternation, or None when one refers back to its own groups."""
    if not table or any(_BACKREFERENCE.search(p) for p in table):
        return None
    try:
        return re.compile("|".join(f"(?:{p})" for p in table))
    except re.error:  # e.g. a pattern opening with its own (?i), or one written wrong
        return None
