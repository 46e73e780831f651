"""Clean the seams that optional template pieces leave in Chinese prose.

Templates leave a clause out when its fact is empty; whatever punctuation stood around it
can then double up (“，，”), dangle (“、。”) or open a paragraph. This pass repairs those
seams. It never changes words, only punctuation and stray spaces between Chinese characters.
"""
from __future__ import annotations

import re

from drafter import lists

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "，。、；：？！“”‘’（）《》〔〕【】…—"

_RULES: list[tuple[re.Pattern[str], str]] = [
    # spaces between Chinese characters or around Chinese punctuation
    (re.compile(rf"(?<=[{_CJK}{_CJK_PUNCT}])[ \t\u3000]+(?=[{_CJK}{_CJK_PUNCT}])"), ""),
    (re.compile(rf"(?<=[{_CJK_PUNCT}])[ \t\u3000]+"), ""),
    (re.compile(rf"[ \t\u3000]+(?=[{_CJK_PUNCT}])"), ""),
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
_LEADING = re.compile(r"^[，、；。：\s]+")
# a list item (drafter.lists marks its start) never opens with a mark either
_ITEM_LEADING = re.compile(f"({lists.MARK.pattern})[，、；。：\\s]+")


def tidy(text: str) -> str:
    text = text.strip()
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    text = _ITEM_LEADING.sub(r"\1", text)
    return _LEADING.sub("", text)
