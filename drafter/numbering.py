"""Heading numbers: 一、 / （一） / 1. / （1）. Users never type them.

Level two can run on across level-one parts (Kunshan's （一）…（二十一）) or restart in each
part; levels three and four always restart under their parent.
"""
from __future__ import annotations

from drafter.model import Block, Heading
from drafter.numerals import cn_number


def label(level: int, n: int) -> str:
    if level == 1:
        return f"{cn_number(n)}、"
    if level == 2:
        return f"（{cn_number(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def assign(blocks: list[Block], continuous_level2: bool = False) -> None:
    counters = [0, 0, 0, 0, 0]
    for block in blocks:
        if not isinstance(block, Heading):
            continue
        level = block.level
        counters[level] += 1
        for deeper in range(level + 1, 5):
            if deeper == 2 and continuous_level2:
                continue
            counters[deeper] = 0
        block.number = label(level, counters[level])
