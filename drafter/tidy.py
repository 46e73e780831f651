"""Clean the seams that optional template pieces leave in Chinese prose.

Templates leave a clause out when its fact is empty; whatever punctuation stood around it
can then double up (“，，”), dangle (“、。”) or open a paragraph. This pass repairs those
seams. It never changes words, only punctuation and stray spaces between Chinese characters.
"""
from __future__ import annotations

import re

from drafter import lists
from drafter.punctuation import CHINESE_MARKS, is_cjk

_CJK_PUNCT = CHINESE_MARKS

_SPACE_RULES: list[tuple[re.Pattern[str], str]] = [
    # spaces around Chinese punctuation (between Chinese characters: _join_chinese)
    (re.compile(rf"(?<=[{_CJK_PUNCT}])[ \t\u3000]+"), ""),
    (re.compile(rf"[ \t\u3000]+(?=[{_CJK_PUNCT}])"), ""),
]
# Every rule below needs two of these marks side by side: text without such a pair (most
# sentences) skips them all.
_SEAM_MARKS = "，。、；：？！（）《》“”"
_SEAM = re.compile(f"[{_SEAM_MARKS}]{{2}}")
_RULES: list[tuple[re.Pattern[str], str]] = [
    # a weaker mark before a stronger one: keep the stronger
    (re.compile(r"[，、；：]+(?=[。！？])"), ""),
    (re.compile(r"[，、]+(?=[；：])"), ""),
    (re.compile(r"；+(?=：)"), ""),
    (re.compile(r"[！？](?=[，、；：])"), ""),
    (re.compile(r"、+(?=，)"), ""),
    # a user's own mark at the end of an item, before the joint's 、 or ，
    (re.compile(r"[；：。，]+(?=、)"), ""),
    # doubled marks
    (re.compile(r"([，、；。：])\1+"), r"\1"),
    (re.compile(r"。[，、；]+"), "。"),
    (re.compile(r"；，+"), "；"),
    (re.compile(r"：[，、；]+"), "："),
    # marks that open a bracket's or quote's content, or close an empty one
    (re.compile(r"（[，、；。]+"), "（"),
    (re.compile(r"《[，、；。：]+"), "《"),
    (re.compile(r"[，、；：]+》"), "》"),
    (re.compile(r"《》"), ""),
    (re.compile(r"[，、；]+）"), "）"),
    (re.compile(r"（）"), ""),
    (re.compile(r"“”"), ""),
    # items in quotes or book-title marks need no 顿号 between them (GB/T 15834-2011)
    (re.compile(r"(?<=”)、(?=“)"), ""),
    (re.compile(r"(?<=》)、(?=《)"), ""),
]
_SPACES = re.compile(r"[ \t\u3000]+")
_LEADING = re.compile(r"^[，、；。：\s]+")
# a list item (drafter.lists marks its start) never opens with a mark either
_ITEM_LEADING = re.compile(f"({lists.MARK.pattern})[，、；。：\\s]+")


def _chinese(ch: str) -> bool:
    return is_cjk(ch) or ch in _CJK_PUNCT


def _join_chinese(text: str) -> str:
    """Drop a run of spaces that has Chinese (a character or a mark) on both sides."""
    def keep(m: re.Match[str]) -> str:
        start, end = m.span()
        if start and end < len(text) and _chinese(text[start - 1]) and _chinese(text[end]):
            return ""
        return m.group(0)
    return _SPACES.sub(keep, text)


def tidy(text: str) -> str:
    text = text.strip()
    if " " in text or "\t" in text or "\u3000" in text:
        text = _join_chinese(text)
        for pattern, repl in _SPACE_RULES:
            text = pattern.sub(repl, text)
    if _SEAM.search(text):
        for pattern, repl in _RULES:
            text = pattern.sub(repl, text)
    text = _ITEM_LEADING.sub(r"\1", text)
    return _LEADING.sub("", text)
