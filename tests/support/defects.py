"""Faults a reviewer would mark in a composed report, as (class, excerpt) pairs.

Used by the property test over random answers; `python -m tests.support.defects N` counts
the classes over N random reports (for development).
"""
from __future__ import annotations

import re
import sys
from collections import Counter

from drafter.model import Document, Heading, Paragraph

_ORDINAL = "一二三四五六七八九十"
_UNITS = "次|场次|场|件|起|宗|家次|家|人次|名|人|个|份|条|项|支|篇|期|批次|卷|天|学时|处|所|部|批|万元|元"

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
    found: list[tuple[str, str]] = []
    blocks = document.blocks
    for i, text in _texts(document):
        ordinals = re.findall(rf"(?<![{_ORDINAL}])([{_ORDINAL}]+)是", text)
        if "一" in ordinals and "二" not in ordinals and not _continued(blocks, i):
            found.append(("lone 一是", text[:80]))
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
    seen: dict[str, int] = {}
    for i, text in _texts(document):
        for sentence in re.findall(r"[^。！？]{20,}[。！？]", text):
            clause = re.sub(r"^[一二三四五六七八九十]+是", "", sentence)
            if clause in seen and seen[clause] != i:
                found.append(("a long sentence said twice", clause[:60]))
            seen.setdefault(clause, i)
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


def _continued(blocks, i: int) -> bool:
    """一是 in a paragraph whose list goes on in the paragraphs after it (一是二是分段, or an
    outline enumeration whose members have headings of their own), within the same part."""
    for block in blocks[i + 1:]:
        if isinstance(block, Heading) and block.level == 1:
            return False
        text = block.text if isinstance(block, Paragraph) else (block.body or "") if isinstance(block, Heading) else ""
        if "二是" in text:
            return True
    return False


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
