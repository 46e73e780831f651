"""Enumerations (一是……二是……) decided in one place, for the whole document.

Templates and the composer do not write 一是 themselves: they mark where each item of a
list begins (`mark`). The marks pass through the section markup and the tidy step, and once
the document's paragraphs are final, `resolve` numbers them:

* a list with a single item gets no 一是;
* a paragraph never holds two numbered lists: a list that shares a paragraph with a list
  numbered before it reads as plain sentences (no second 一是 in one paragraph);
* the composer makes the lists nested inside an outline enumeration plain (`plain`) before it
  marks its own items, so a section's own list never restarts at 一是 under an outer 二是.

A mark is two private-use characters: ITEM and the list's identity, so that items of nested
lists in one paragraph are never confused.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from drafter.model import Block, Heading, Paragraph
from drafter.numerals import cn_number

ITEM = "\ue000"
_ID_BASE = 0xF0000
_ID_SPAN = 0xFFFE
_ids = itertools.count()
MARK = re.compile(f"{ITEM}([\U000F0000-\U000FFFFD])")


def new_list() -> str:
    """A fresh list identity (one character)."""
    return chr(_ID_BASE + next(_ids) % _ID_SPAN)


def mark(items: Iterable[str], sep: str = "") -> str:
    """Items of one list, each preceded by its mark, joined by sep."""
    ident = new_list()
    return sep.join(f"{ITEM}{ident}{item}" for item in items)


def plain(text: str) -> str:
    """The text with every list read as plain sentences."""
    return MARK.sub("", text)


def plain_block(block: Block) -> Block:
    if isinstance(block, Paragraph):
        return Paragraph(plain(block.text), origin=block.origin, review=block.review)
    if isinstance(block, Heading):
        block.text = plain(block.text)
        if block.body:
            block.body = plain(block.body)
    return block


def _texts(blocks: list[Block]) -> list[str | None]:
    out: list[str | None] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Heading):
            out.append(block.body)
        else:
            out.append(None)
    return out


def resolve(blocks: list[Block]) -> None:
    """Number every marked list in the blocks (in place): 一是、二是 … or nothing."""
    texts = _texts(blocks)
    where: dict[str, list[int]] = {}  # list identity -> the block of each item, in order
    for i, text in enumerate(texts):
        for m in MARK.finditer(text or ""):
            where.setdefault(m.group(1), []).append(i)
    taken: set[int] = set()
    numbered: set[str] = set()
    for ident, places in where.items():  # in order of the list's first item
        if len(places) > 1 and not taken & set(places):
            numbered.add(ident)
            taken |= set(places)
    counters: dict[str, int] = {}

    def number(m: re.Match) -> str:
        ident = m.group(1)
        if ident not in numbered:
            return ""
        counters[ident] = counters.get(ident, 0) + 1
        return f"{cn_number(counters[ident])}是"

    for block in blocks:
        if isinstance(block, Paragraph):
            block.text = MARK.sub(number, block.text)
        elif isinstance(block, Heading):
            block.text = plain(block.text)
            if block.body:
                block.body = MARK.sub(number, block.body)
