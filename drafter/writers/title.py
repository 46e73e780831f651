"""Break a long title into lines the way official documents do.

A title that does not fit one line is set on several, each line centred; the breaks fall
between words, never inside the bureau's name, a year or a fixed phrase, and the lines are
as even as possible with the longer ones below (a 梯形 shape).
"""
from __future__ import annotations

import bisect
import itertools
import re
import unicodedata

# Phrases a line break must not split, besides the issuing body's name.
PHRASES = (
    "法治政府建设", "年度报告", "情况报告", "工作报告", "依法行政", "应急管理局", "应急管理",
    "工作情况", "建设情况", "安全生产", "的报告",
)
# A real title takes two or three lines; past four, shaping is pointless and the lines
# are simply filled.
MAX_SHAPED_LINES = 4
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
    cuts = [0, *(i for i in range(1, len(title)) if not inside[i]), len(title)]
    lines_needed = int(-(-width(title) // max_width))
    if lines_needed > MAX_SHAPED_LINES:
        return _filled(title, cuts, max_width) or _by_width(title, max_width)
    for n in range(lines_needed, lines_needed + 3):
        best = _even_split(title, cuts, n, max_width)
        if best:
            return best
    return _by_width(title, max_width)


def _filled(title: str, cuts: list[int], max_width: float) -> list[str] | None:
    """Each line as full as it can be, breaking only at the cut points."""
    at, total = [], 0.0
    widths = [0.0]
    for ch in title:
        total += width(ch)
        widths.append(total)
    at = [widths[c] for c in cuts]
    lines, i = [], 0
    while i < len(cuts) - 1:
        j = bisect.bisect_right(at, at[i] + max_width) - 1
        if j <= i:
            return None
        lines.append(title[cuts[i]:cuts[j]])
        i = j
    return lines


def _by_width(title: str, max_width: float) -> list[str]:
    """Nothing fits without splitting a phrase: plain width-based lines."""
    lines, line = [], ""
    for ch in title:
        if width(line + ch) > max_width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line]


def _even_split(title: str, cuts: list[int], n: int, max_width: float) -> list[str] | None:
    """The split into n lines at the given cut points with the most even line widths (the
    smallest spread between the longest and shortest line), then the fewest places where a
    line is longer than the one below it. None when no split fits.

    Widths are counted in half characters, so a line's width takes at most 2 * max_width + 1
    values: the search tries spreads from 0 upwards and, for each, the few ranges
    [low, low + spread] that contain the average line; each try is a reachability pass over
    the cut points (linear in their number per line), so any title answers at once.
    """
    half = [0]
    for ch in title:
        half.append(half[-1] + (2 if unicodedata.east_asian_width(ch) in "WF" else 1))
    at = [half[c] for c in cuts]
    top = int(max_width * 2)
    total = half[-1]
    average_low, average_high = total // n, -(-total // n)
    for spread in range(top + 1):
        ranges = [(low, low + spread) for low in range(max(0, average_high - spread), average_low + 1)
                  if low + spread <= top]
        found = [(decreases, lines) for low, high in ranges
                 for decreases, lines in [_fewest_decreases(title, cuts, at, n, low, high)] if lines]
        if found:
            return min(found, key=lambda f: f[0])[1]
    return None


def _fewest_decreases(title: str, cuts: list[int], at: list[int], n: int, low: int, high: int):
    """(decreases, lines) for n lines whose widths lie in [low, high], or (0, None)."""
    # layers[k]: cut index reached after k lines -> {that line's width: (decreases, (previous cut, its width))}
    layers: list[dict[int, dict[int, tuple[int, tuple[int, int] | None]]]] = [{0: {-1: (0, None)}}]
    for _ in range(n):
        following: dict[int, dict[int, tuple[int, tuple[int, int] | None]]] = {}
        for i, lasts in layers[-1].items():
            j = bisect.bisect_left(at, at[i] + max(low, 1), lo=i + 1)
            while j < len(at) and at[j] - at[i] <= high:
                w = at[j] - at[i]
                for last, (decreases, _) in lasts.items():
                    cost = decreases + (1 if last > w else 0)
                    slot = following.setdefault(j, {})
                    if w not in slot or cost < slot[w][0]:
                        slot[w] = (cost, (i, last))
                j += 1
        layers.append(following)
    end = len(at) - 1
    if end not in layers[-1]:
        return 0, None
    w, (cost, _back) = min(layers[-1][end].items(), key=lambda item: item[1][0])
    bounds = [end]
    for layer in range(n, 0, -1):
        i, w = layers[layer][bounds[-1]][w][1]
        bounds.append(i)
    bounds.reverse()
    return cost, [title[cuts[a]:cuts[b]] for a, b in itertools.pairwise(bounds)]
