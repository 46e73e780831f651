"""The check rules' lists (sections/_check.yaml), read through drafter.datafiles, and what
check compiles from them."""
from __future__ import annotations

import re
from pathlib import Path

from drafter import datafiles, leftovers
from drafter.errors import DrafterError, Location
from drafter.leftovers import CHECK_FILE


def check_file() -> Path:
    """_check.yaml of the ontology in use; the built-in one when that ontology has none."""
    return datafiles.find(CHECK_FILE)


def tables() -> dict:
    """_check.yaml as plain data, through drafter.datafiles (read again when it changes)."""
    return datafiles.table(CHECK_FILE)


def meetings_in(text: str) -> list[tuple[str, int | None]]:
    """The party's congresses and plenums a text names, one by one as `meetings:` writes
    them (十九大, 二十届三中全会; “十九届二中、三中全会” is two), each with the year `meetings:`
    gives it (None when it gives none). Which congresses (届) and plenums (中全会) there are
    is data: `congresses`, `plenums` and the names in `meetings`."""
    pattern, plenum, held = datafiles.derived(CHECK_FILE, _meeting_patterns)
    out = []
    for m in pattern.finditer(text):
        names = [f"{m.group(1)}届{p}中全会" for p in plenum.findall(m.group(2))] if m.group(2) else [f"{m.group(1)}大"]
        out += [(name, held.get(name)) for name in names]
    return out


def meeting_names(text: str) -> list[str]:
    return [name for name, _ in meetings_in(text)]


# a congress (十九大) or a plenum (十九届四中全会), as the names in `meetings:` are written
_MEETING_NAME = re.compile(r"(.+?)(?:大|届(.+?)中全会)")
_NOTHING = re.compile(r"(?!x)x()()")


def _meeting_patterns(data: dict, path: Path) -> tuple[re.Pattern[str], re.Pattern[str], dict]:
    """(a congress or its plenums: group 1 the congress, group 2 its plenums; one plenum;
    the year of each meeting)."""
    held = data.get("meetings") or {}
    if not isinstance(held, dict):
        raise DrafterError("meetings 应为“会议名称: 召开年份”的键值表", Location(file=str(path), field="meetings"))
    congresses = [str(c) for c in data.get("congresses") or []]
    plenums = [str(p) for p in data.get("plenums") or []]
    for name in held:  # a meeting added with its year is known too
        m = _MEETING_NAME.fullmatch(str(name))
        if not m:
            raise DrafterError(f"会议名称“{name}”应写作“××大”或“××届×中全会”",
                               Location(file=str(path), field=f"meetings.{name}"))
        congresses.append(m.group(1))
        if m.group(2):
            plenums.append(m.group(2))
    if not congresses:
        return _NOTHING, _NOTHING, held
    congress = _alternation(congresses)
    if not plenums:
        return re.compile(rf"({congress})大()"), _NOTHING, held
    plenum = _alternation(plenums)
    return (re.compile(rf"({congress})(?:大|届((?:(?:{plenum})中[、和及]?)+)全会)"),
            re.compile(rf"({plenum})中"), held)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def compiled(pattern: str) -> re.Pattern[str]:
    return leftovers.compiled(pattern)
