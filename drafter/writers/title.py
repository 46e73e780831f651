"""Break a long title into lines the way official documents do.

A title that does not fit one line is set on several, each line centred; the breaks fall
between words, never inside the bureau's name, a year or a fixed phrase, and the lines are
as even as possible with the longer ones below (a 梯形 shape).
"""
from __future__ import annotations

import itertools
import re
import unicodedata

# Phrases a line break must not split, besides the issuing body's name.
PHRASES = (
    "法治政府建设", "年度报告", "情况报告", "工作报告", "依法行政", "应急管理局", "应急管理",
    "工作情况", "建设情况", "安全生产", "的报告",
)
_YEAR = re.compile(r"\d{4}(?:年度|年)?")


def width(text: str) -> float:
    return sum(1 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def _protected(title: str, keep: list[str]) -> list[bool]:
    """inside[i] is True when a break before character i would split something."""
    inside = [False] * (len(title) + 1)
    spans = [m.span() for m in _YEAR.finditer(title)]
    for word in [*keep, *PHRASES]:
        if word:
            spans += [(m.start(), m.end()) for m in re.finditer(re.escape(word), title)]
    for start, end in spans:
        for i in range(start + 1, end):
            inside[i] = True
    inside[0] = inside[len(title)] = True
    return inside


def break_title(title: str, keep: list[str] | None = None, max_width: float = 20) -> list[str]:
    if width(title) <= max_width:
        return [title]
    inside = _protected(title, keep or [])
    allowed = [i for i in range(1, len(title)) if not inside[i]]
    lines_needed = int(-(-width(title) // max_width))
    for n in range(lines_needed, lines_needed + 3):
        best = None
        for cuts in itertools.combinations(allowed, n - 1):
            bounds = (0, *cuts, len(title))
            lines = [title[a:b] for a, b in zip(bounds, bounds[1:])]
            widths = [width(line) for line in lines]
            if max(widths) > max_width:
                continue
            # even lines first; then prefer the longer lines below
            score = (max(widths) - min(widths), sum(1 for a, b in zip(widths, widths[1:]) if a > b))
            if best is None or score < best[0]:
                best = (score, lines)
        if best:
            return best[1]
    # nothing fits without splitting a phrase: fall back to plain width-based lines
    lines, line = [], ""
    for ch in title:
        if width(line + ch) > max_width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line]
