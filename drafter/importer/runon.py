"""A report copied off a web page as one run-on line: split it where its lines were.

The heading grammar of sections/_import.yaml (一、 （一） 1. （1） …) is looked for inside the
line, only where a sentence has just ended (or at its start) and only in the order a report
numbers (一、 then 二、; （三） after （二）), so 「第一、」 or a number in mid-sentence never
splits. Only a paragraph that is a run-on line is touched: one with several such headings
inside it, or longer than any paragraph a report has. 一是……二是…… in it become paragraphs
of their own when every item is paragraph-long; the signature and date at its end, lines.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import replace

from drafter.facts import cn_int
from drafter.importer.rules import Rules
from drafter.readers.source import SourceBlock

_CLOSERS = "”’」』）)"
_PUNCTUATION = re.compile(r"[。；;，,：:！？!?、]")
_CN = str.maketrans("０１２３４５６７８９", "0123456789")
_ENUMERATOR = re.compile(r"[一二三四五六七八九十]{1,3}是")
LOOK = 24  # a heading's number is never longer than this


def _after_end(text: str, at: int, ends: str) -> bool:
    k = at - 1
    while k >= 0 and text[k] in _CLOSERS:
        k -= 1
    return k >= 0 and text[k] in ends


def _number(label: str) -> int | None:
    digits = re.sub(r"[^0-9一二三四五六七八九十]", "", label.translate(_CN))
    if not digits:
        return None
    return int(digits) if digits.isdigit() else cn_int(digits)


def _headings(text: str, rules: Rules) -> list[int]:
    """Where numbered headings start inside the line, each the next number of its style."""
    last: dict[str, int] = {}
    found = []
    for at in range(len(text)):
        if at and not _after_end(text, at, rules.run_on_ends):
            continue
        for style in rules.headings:
            m = style.pattern.match(text[at:at + LOOK])
            if not m:
                continue
            n = _number(m.group(0))
            if n is not None and (n == 1 or n == last.get(style.style, 0) + 1) and text[at + m.end():].strip():
                last[style.style] = n
                if at:
                    found.append(at)
            break
    return found


def _items(text: str, cuts: list[int], rules: Rules) -> list[int]:
    """一是……二是…… between the heading cuts, when each item is as long as a paragraph."""
    bounds = [0, *cuts, len(text)]
    found = []
    for start, end in itertools.pairwise(bounds):
        series: list[list[int]] = []
        for m in _ENUMERATOR.finditer(text, start, end):
            if m.start() > start and not _after_end(text, m.start(), rules.run_on_item_ends):
                continue
            n = cn_int(m.group(0)[:-1])
            if n == 1:
                series.append([m.start()])
            elif series and n == len(series[-1]) + 1:
                series[-1].append(m.start())
        stops = [s[0] for s in series[1:]] + [end]
        for items, stop in zip(series, stops):
            lengths = [b - a for a, b in zip(items, [*items[1:], stop])]
            if len(items) >= 2 and min(lengths) >= rules.run_on_item_min:
                found += [at for at in items if at > start]
    return found


def _signature(text: str, rules: Rules) -> list[int]:
    """某县应急管理局2025年1月8日 after the last sentence: a line for each."""
    ends = [i for i, ch in enumerate(text) if ch in rules.run_on_item_ends]
    tail_at = ends[-1] + 1 if ends else 0
    tail = text[tail_at:]
    if len(tail) > rules.signature_max + LOOK:  # no short line after the last sentence
        return []
    for k in range(len(tail)):
        if rules.date.match(tail[k:].strip()):
            name = tail[:k].strip()
            if name and (len(name) > rules.signature_max or _PUNCTUATION.search(name)):
                return []
            return [at for at in (tail_at, tail_at + k) if 0 < at < len(text)]
    return []


def split(blocks: list[SourceBlock], rules: Rules) -> tuple[list[SourceBlock], int]:
    """The blocks with each run-on line cut at its headings; and how many cuts were made."""
    out: list[SourceBlock] = []
    cuts_made = 0
    for block in blocks:
        text = block.text
        if block.is_table or block.level or block.auto_number:
            out.append(block)
            continue
        headings = _headings(text, rules)
        if len(headings) < rules.run_on_headings and len(text) < rules.run_on_min:
            out.append(block)
            continue
        cuts = sorted({*headings, *_items(text, headings, rules), *_signature(text, rules)})
        pieces = [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)])]
        pieces = [p for p in pieces if p]
        cuts_made += len(pieces) - 1
        out += [replace(block, text=piece) for piece in pieces]
    return out, cuts_made
