"""Running numbers of yearly events in the bureau's own text, rolled to the new year.

“第22个‘安全生产月’” in last year's text is this year's 第23个: the calendar
(sections/_calendar.yaml, observances, with the ways each is written) knows the national
events' first years. A number a place keeps of its own (南通市第34个安全生产月) cannot be
known from the calendar: it moves on by one, and the clerk is told to check it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.facts import cn_int
from drafter.numerals import cn_number

_COUNTER = re.compile(r"第([0-9０-９]{1,3}|[一二三四五六七八九十百两〇零]{1,5})个")
_CLAUSE_END = re.compile(r"[。；！？!?;，,\n]")
_LOCAL = re.compile(r"[\u4e00-\u9fff]{1,10}?[省市县区州旗盟]$")
LOOK_AHEAD = 24  # characters from 第N个 to the event's name: 第22个全国“安全生产月”


@dataclass(frozen=True)
class Rolled:
    """A counter moved on: as it was, as it is now, and whether the calendar said so."""

    before: str
    after: str
    local: bool  # a place's own count: one more than last year, to be checked


def _value(digits: str) -> int | None:
    if digits[0].isdigit():
        return int(digits.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    return cn_int(digits)


def _written(n: int, like: str) -> str:
    return str(n) if like[0].isdigit() else cn_number(n)


def roll(text: str, year: int, observances: dict[str, dict]) -> tuple[str, list[Rolled]]:
    """The text with each 第N个<event> set for `year` (the new report's year); what changed."""
    names = sorted(((str(w), event) for event in observances.values() for w in event.get("written") or []),
                   key=lambda pair: -len(pair[0]))
    if not names:
        return text, []
    out: list[str] = []
    rolled: list[Rolled] = []
    last = 0
    for m in _COUNTER.finditer(text):
        ahead = text[m.end():m.end() + LOOK_AHEAD]
        stop = _CLAUSE_END.search(ahead)
        ahead = ahead[:stop.start()] if stop else ahead
        event = next((e for w, e in names if w in ahead), None)
        old = _value(m.group(1))
        if event is None or old is None:
            continue
        before = text[max(0, m.start() - 12):m.start()].rstrip("、和及与")
        local = bool(_LOCAL.search(before)) and not before.endswith("全国")
        new = old + 1 if local else year - int(event["first_year"]) + 1
        if new < 1 or new == old:
            continue
        after = f"第{_written(new, m.group(1))}个"
        out += [text[last:m.start()], after]
        last = m.end()
        rolled.append(Rolled(m.group(), after, local))
    out.append(text[last:])
    return "".join(out), rolled
