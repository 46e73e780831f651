"""Problems and next-year plans as records (title + detail), so that `drafter next` can list
them as next year's follow-up checklist. The section's text keeps the prose as written; the
records are taken from it: each lower heading, each 一是 / 一、 / 一 item, or else each paragraph.
"""
from __future__ import annotations

import re

from drafter.importer.outline import Line
from drafter.importer.rules import Rules

_LEAD_ENDS = "。；;：:！？"
# a paragraph opening with 一是 (rules.enumerators) or a heading number (rules.headings), or with a
# bare 一 / 二 whose mark was lost in copying (“二推进……”): not a heading in the grammar (一年来 …),
# so an item only here, where two or more paragraphs open with a number
_BARE_NUMBER = re.compile(r"[一二三四五六七八九十]{1,3}")
MAX_TITLE = 40
_CLAUSE = re.compile(r"[，,；;]")


def _title_detail(text: str) -> dict[str, str]:
    """The run-in lead (up to 。or ：) when it is short, else the first clause."""
    text = text.strip()
    for i, ch in enumerate(text[: MAX_TITLE + 1]):
        if ch in _LEAD_ENDS:
            return {"title": text[:i], "detail": text[i + 1:].strip()}
    cut = _CLAUSE.search(text)
    if cut and cut.start() > 1:
        return {"title": text[:cut.start()], "detail": text[cut.end():].strip()}
    return {"title": text, "detail": ""}


def _number_end(text: str, rules: Rules) -> int:
    """Where the number a paragraph opens with ends (0: it opens with none)."""
    for pattern in (rules.enumerators, *(style.pattern for style in rules.headings), _BARE_NUMBER):
        m = pattern.match(text)
        if m:
            return m.end()
    return 0


def _clean(record: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in record.items() if v}


def records(lines: list[Line], rules: Rules) -> list[dict[str, str]]:
    headed = [ln for ln in lines if ln.is_heading]
    if headed:
        out, current = [], None
        for ln in lines:
            if ln.is_heading:
                current = {"title": ln.heading or "", "detail": ln.body or ""}
                out.append(current)
            elif current is not None:
                current["detail"] = (current["detail"] + "\n" + ln.text).strip()
        return [_clean(r) for r in out]
    paragraphs = [ln.text for ln in lines if not ln.block.is_table]
    inline = [p for p in paragraphs if len(list(rules.enumerators.finditer(p))) >= 2]
    if inline:
        out = []
        for p in inline:
            starts = list(rules.enumerators.finditer(p))
            for k, m in enumerate(starts):
                end = starts[k + 1].start() if k + 1 < len(starts) else len(p)
                out.append(_clean(_title_detail(p[m.end():end])))
        return out
    numbered = [(p, _number_end(p, rules)) for p in paragraphs]
    enumerated = [p[end:] for p, end in numbered if end]
    if len(enumerated) >= 2:
        return [_clean(_title_detail(p)) for p in enumerated]
    items = [p for p in paragraphs if not p.rstrip().endswith(("：", ":"))]
    return [_clean(_title_detail(p)) for p in items]
