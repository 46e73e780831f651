"""Faults a reviewer would mark in a composed report, as (class, excerpt) pairs.

Used by the property test over random answers; `python -m tests.support.defects N` counts
the classes over N random reports (for development).
"""
from __future__ import annotations

import re
import sys
from collections import Counter

from drafter import facts
from drafter.model import Document, Heading, Paragraph

_ORDINAL = "一二三四五六七八九十"
_UNITS = "次|场次|场|件|起|宗|家次|家|人次|名|人|个|份|条|项|支|篇|期|批次|卷|天|学时|处|所|部|批|万元|元"

# an ordinal where a sentence begins (一是 of 统一是 is no ordinal)
_ORDINAL_AT_START = re.compile(rf"(?:^|(?<=[。；：！？”]))([{_ORDINAL}])是")
# a word said twice with nothing between (健全健全、开展开展): a template's verb before an
# item that starts with the same verb; formal prose has no ABAB reduplication
_REPEATED = re.compile(r"([\u4e00-\u9fff]{2,4})\1")
# the number finder's reason for a number with no measure word after it (sections/_numbers.yaml)
_BARE = "无量词"

CHECKS: list[tuple[str, re.Pattern[str]]] = [
    ("zero stated as a count", re.compile(rf"(?<![\d.])0(?:\.0+)?(?:{_UNITS})(?![\w])")),
    ("change that says nothing", re.compile(r"(?:上升|下降|增加|减少|增长)0(?:\.0+)?(?:%|个百分点|(?:" + _UNITS + "))")),
    ("万万 or 亿万", re.compile(r"[万亿]万元|万亿元")),
    ("doubled punctuation", re.compile(r"[，、；：]{2}|。。|；、|，、|、，|、。|，。|；。")),
    ("empty brackets or quotes", re.compile(r"《》|“”|（）|《[，、；。]")),
    ("leading punctuation after 一是", re.compile(rf"[{_ORDINAL}]是[，、；。：]")),
    ("None or markup", re.compile(r"None|\bnone\b|\[\]|\{\{|\}\}|\ue000|[\U000F0000-\U000FFFFD]")),
]


def _texts(document: Document):
    for i, block in enumerate(document.blocks):
        if isinstance(block, Paragraph):
            yield i, block.text
        elif isinstance(block, Heading) and block.body:
            yield i, block.body


def _ends(text: str) -> bool:
    stripped = text.rstrip("”’）」』")
    return bool(stripped) and (stripped[-1] in "。！？…" or text.endswith("："))


def defects(document: Document, year: int | None = None) -> list[tuple[str, str]]:
    """The faults in a document; `year` (the report's) for the year-frame check."""
    found: list[tuple[str, str]] = _enumerations(document)
    blocks = document.blocks
    for i, text in _texts(document):
        ordinals = re.findall(rf"(?<![{_ORDINAL}])([{_ORDINAL}]+)是", text)
        if ordinals.count("一") > 1:
            found.append(("一是 twice in a paragraph", text[:120]))
        if not _ends(text):
            found.append(("paragraph not ending as a sentence", text[-40:]))
        elif text.endswith("：") and i + 1 >= len(blocks):
            found.append(("lead-in with nothing after it", text[-40:]))
        frames = re.findall(r"(?:^|[。；：])(" + (str(year) if year else r"\d{4}") + r"年(?:全年)?，)", text)
        if len(frames) > 1:
            found.append(("year frame twice in a paragraph", text[:80]))
        if re.match(r"[，、；。：]", text):
            found.append(("leading punctuation", text[:40]))
        for name, pattern in CHECKS:
            m = pattern.search(text)
            if m:
                found.append((name, text[max(0, m.start() - 30): m.end() + 30]))
        m = _REPEATED.search(text)
        if m:
            found.append(("a word repeated back to back", text[max(0, m.start() - 20): m.end() + 20]))
        for start, end, reason in facts.non_statistics(text):
            if reason == _BARE:
                found.append(("a number without its measure word", text[max(0, start - 20): end + 20]))
    seen: dict[str, tuple[int, str | None]] = {}
    for i, text in _texts(document):
        owner = getattr(blocks[i].origin, "section", None) if getattr(blocks[i], "origin", None) else None
        for sentence in re.findall(r"[^。！？]{20,}[。！？]", text):
            clause = re.sub(r"^[一二三四五六七八九十]+是", "", sentence)
            # the same sentence in two records of one section is the user's data said twice, as given
            if clause in seen and seen[clause][0] != i and (seen[clause][1] != owner or owner is None):
                found.append(("a long sentence said twice", clause[:60]))
            seen.setdefault(clause, (i, owner))
    for i, block in enumerate(blocks):
        if isinstance(block, Heading) and not block.body:
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt is None or (isinstance(nxt, Heading) and nxt.level <= block.level):
                found.append(("heading with no body", block.text))
        if isinstance(block, Heading):
            for name, pattern in CHECKS:
                if pattern.search(block.text):
                    found.append((name, block.text))
    return found


def _enumerations(document: Document) -> list[tuple[str, str]]:
    """The runs of 一是、二是 … read as a reader reads them, across paragraphs: a run goes on
    through paragraphs without an ordinal (an item's own paragraphs) and ends at a heading
    (a heading between 一是 and 二是 leaves 二是 under another heading, with no 一是 of its
    own), at a new 一是, or at the end. A run starts at 一是, goes on one by one and has two
    items at least. An ordinal counts only where a sentence begins."""
    found: list[tuple[str, str]] = []
    last, opened = 0, ""

    def close() -> None:
        nonlocal last
        if last == 1:
            found.append(("lone 一是", opened[:80]))
        last = 0

    for block in document.blocks:
        if isinstance(block, Heading):
            close()
            text = block.body or ""
        elif isinstance(block, Paragraph):
            text = block.text
        else:
            close()
            continue
        for m in _ORDINAL_AT_START.finditer(text):
            n = _ORDINAL.index(m.group(1)) + 1
            excerpt = text[max(0, m.start() - 20): m.end() + 40]
            if n == 1:
                close()
                last, opened = 1, excerpt
            elif n == last + 1:
                last = n
            else:
                found.append(("二是 without 一是" if last == 0 else "an ordinal out of order", excerpt))
                last = n if last else 0
    close()
    return found


def main() -> None:
    from drafter.compose import compose
    from drafter.ontology import load
    from tests.support.random_answers import random_answers

    onto = load()
    count: Counter = Counter()
    examples: dict[str, list[str]] = {}
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    for seed in range(n):
        answers = random_answers(seed, onto)
        for name, excerpt in defects(compose(answers, onto).document, answers.meta.year):
            count[name] += 1
            examples.setdefault(name, []).append(f"[{seed}] {excerpt}")
    for name, c in count.most_common():
        print(f"{c:5d}  {name}")
        for e in examples[name][:int(sys.argv[2]) if len(sys.argv) > 2 else 4]:
            print("       ", e)


if __name__ == "__main__":
    main()
