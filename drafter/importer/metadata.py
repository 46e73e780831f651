"""The report's metadata from the first and last lines of its body: title, 文号, addressee,
issuing body, year, signature and date.

`split_front` and `split_back` take those lines off the body, so that only the report's text
goes on to the outline; nothing they take is lost — it lands in `report:`. Which lines those are
is drafter.structure's to say (the one frame reader `drafter check` uses too); this module
keeps what the answers file makes of them: the issuer, its region and the year.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass, field

from drafter import structure
from drafter.importer.rules import Rules
from drafter.readers.source import Source, SourceBlock

_YEAR = re.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2})\s*年(?![0-9]*[—\-–~～至])")


@dataclass
class Metadata:
    title: str | None = None
    issuer: str | None = None
    issuer_from: str = ""  # 标题 / 落款 / 正文 / 网页栏目
    region: str | None = None
    year: int | None = None
    year_from: str = ""
    addressee: str | None = None
    doc_number: str | None = None
    signature: str | None = None
    date: _dt.date | None = None
    notes: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)  # a web page's metadata table before the title


def split_front(blocks: list[SourceBlock], source: Source, rules: Rules, meta: Metadata) -> list[SourceBlock]:
    """Title lines, 文号 and addressee before the body (drafter.structure.front); the rest of the blocks."""
    head, rest = structure.front(structure.prepare(blocks), source, rules)
    meta.doc_number = meta.doc_number or head.doc_number
    meta.title = head.title or meta.title
    meta.addressee = head.addressee or meta.addressee
    meta.furniture += head.furniture
    meta.notes += head.notes
    return rest


def web_date(source: Source, meta: Metadata) -> _dt.date | None:
    """成文日期 from a web page's furniture (the publication date is not the report's)."""
    dated = structure.web_date(source, meta.furniture)
    return dated[0] if dated else None


def split_back(blocks: list[SourceBlock], rules: Rules, meta: Metadata) -> list[SourceBlock]:
    """Signature and date at the end of the body (drafter.structure.back); the rest of the blocks.
    A 附件说明 and attachments after the 落款 stay at the end of the text: the answers file has
    no place of its own for them, and nothing read is dropped."""
    tail, body = structure.back(structure.prepare(blocks), rules)
    meta.signature = tail.signature or meta.signature
    meta.date = tail.date or meta.date
    kept = [*tail.note, *tail.attachments]
    if kept:
        first = kept[0].text.strip().split("\n")[0]
        meta.notes.append(f"原文的附件说明或附件（“{first[:30]}”等 {len(kept)} 段）保留在最后一节的文字里，请核对或删去")
    return body + kept


def _issuer_in(text: str, rules: Rules, anywhere: bool = False) -> str | None:
    endings = "|".join(re.escape(e) for e in rules.issuer_endings)
    if not anywhere:
        m = re.match(rf"^((?:xx|XX|[\u4e00-\u9fa5]){{2,20}}?(?:{endings}))", text)
        return m.group(1) if m else None
    names = []
    for m in re.finditer(rf"((?:xx|XX|[\u4e00-\u9fa5]){{1,10}}?[省市县区州旗盟](?:{endings}))", text):
        name = m.group(1)
        while name and name[0] in rules.issuer_not_start:
            name = name[1:]
        if len(name) > 3:
            names.append(name)
    return Counter(names).most_common(1)[0][0] if names else None


def find_issuer(meta: Metadata, body: list[SourceBlock], source: Source, rules: Rules) -> None:
    """From the title, the signature, or the body; then the fullest name that ends like it."""
    candidates = [(meta.title and _issuer_in(meta.title, rules), "标题"),
                  (meta.signature and _issuer_in(meta.signature, rules), "落款"),
                  (_issuer_in("\n".join(b.text for b in body[:40]), rules, anywhere=True), "正文")]
    chosen = next(((name, where) for name, where in candidates if name), None)
    if chosen is None:
        return
    name, where = chosen
    fuller = []
    for line in [*source.dropped, *source.header_texts, meta.signature or ""]:
        for label in rules.issuer_labels:
            for m in re.finditer(rf"{label}\s*[:：]\s*([\u4e00-\u9fa5]+)", line):
                named = _issuer_in(m.group(1), rules)  # the value runs on into the next label
                if named:
                    fuller.append(named)
        if line == meta.signature:
            fuller.append(line)
    for full in fuller:
        if len(full) > len(name) and full.endswith(name):
            name, where = full, f"{where}（全称取自网页栏目或落款）"
    meta.issuer, meta.issuer_from = name, where
    for ending in rules.issuer_endings:
        if name.endswith(ending):
            place = name[: -len(ending)]
            if place and place[-1] in rules.regions:
                meta.region = rules.regions[place[-1]]
            break


def _first_year(text: str) -> int | None:
    for m in _YEAR.finditer(text):
        before = text[max(0, m.start() - 1):m.start()]
        if before in "—-–~～至" and before:
            continue
        opened = text.rfind("《", 0, m.start())
        if opened != -1 and text.find("》", opened) > m.start():
            continue  # a year inside a document's name
        return int(m.group(1))
    return None


def find_year(meta: Metadata, body: list[SourceBlock]) -> None:
    if meta.title:
        year = _first_year(meta.title)
        if year:
            meta.year, meta.year_from = year, "标题"
            return
    for block in body[:2]:
        first_sentence = re.split(r"[。]", block.text, maxsplit=1)[0]
        year = _first_year(first_sentence)
        if year:
            meta.year, meta.year_from = year, "正文第一句"
            return
