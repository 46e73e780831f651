"""The report's metadata from the first and last lines of its body: title, 文号, addressee,
issuing body, year, signature and date.

`split_front` and `split_back` take those lines off the body, so that only the report's text
goes on to the outline; nothing they take is lost — it lands in `report:`.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass, field

from drafter.facts import cn_int
from drafter.importer.rules import Rules
from drafter.readers.source import Source, SourceBlock

_SENTENCE_MARKS = re.compile(r"[。；;，,！？]")
_YEAR = re.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2})\s*年(?![0-9]*[—\-–~～至])")
_CN_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


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


def _doc_number(text: str, rules: Rules) -> str | None:
    m = rules.doc_number.search(text)
    if not m:
        return None
    head = m.group(0)
    prefix = re.split(r"[〔\[【(（]", head, maxsplit=1)[0]
    return f"{prefix}〔{m.group(1)}〕{m.group(2)}号"


def _is_short_line(text: str, rules: Rules) -> bool:
    return len(text) <= rules.front_max and not _SENTENCE_MARKS.search(text.rstrip("。"))


def _is_heading(text: str, rules: Rules) -> bool:
    return any(style.pattern.match(text) for style in rules.headings)


def split_front(blocks: list[SourceBlock], source: Source, rules: Rules, meta: Metadata) -> list[SourceBlock]:
    """Title lines, 文号 and addressee before the body; the rest of the blocks."""
    for text in [*source.header_texts, *source.dropped]:  # 版头; a web page's 文号 line
        meta.doc_number = meta.doc_number or _doc_number(text, rules)
    k = 0
    pieces: list[str] = []
    while k < len(blocks):
        block = blocks[k]
        text = block.text.strip()
        if block.is_table and _furniture_table(block, rules):
            meta.furniture += [cell for row in block.rows or [] for cell in row if cell]
            meta.notes.append("已略去正文前的网页栏目表格（索引号、发文字号、成文日期等）")
            for cell in meta.furniture:
                meta.doc_number = meta.doc_number or _doc_number(cell, rules)
            k += 1
            continue
        if block.is_table or _is_heading(text, rules):
            break
        number = _doc_number(text, rules)
        if number and len(text) <= len(number) + 12:
            meta.doc_number = meta.doc_number or number
        elif rules.addressee.match(text) and any(w in text for w in rules.addressee_words):
            meta.addressee = text.rstrip("：:")
        elif _is_short_line(text, rules) and not text.endswith(("：", ":")):
            pieces.append(text.rstrip("。"))
        else:
            break
        k += 1
    # a title ends with 报告 / 情况 / 总结 (a short opening line like “现将有关情况报告如下” does not)
    title_at = [i for i, p in enumerate(pieces) if re.sub(r"[（(][^）)]*[）)]$", "", p).endswith(rules.title_words)]
    if pieces and title_at:
        meta.title = _title(pieces[: title_at[-1] + 1])
    elif pieces:  # short lines without a title word: not a title, keep them as text
        return blocks[k - len(pieces):] if k else blocks
    return blocks[k:]


def _furniture_table(block: SourceBlock, rules: Rules) -> bool:
    """A table made only of website labels (索引号：… 发文字号：… 成文日期：…)."""
    from drafter.readers import furniture

    cells = [c for row in block.rows or [] for c in row if c.strip()]
    table = furniture.load(str(rules.root)) if rules.root else furniture.load()
    return bool(cells) and all(table.is_furniture(c) for c in cells)


def _title(pieces: list[str]) -> str:
    """Join a title written over several lines; a title repeated (web page heading + body) once."""
    unique: list[str] = []
    for p in pieces:
        if p in unique or any(p in u for u in unique):
            continue
        unique = [u for u in unique if u not in p]
        unique.append(p)
    joined = "".join(unique)
    half = len(joined) // 2
    if len(joined) % 2 == 0 and joined[:half] == joined[half:]:
        joined = joined[:half]
    return re.sub(r"\s+", "", joined)


def _date(text: str, rules: Rules) -> _dt.date | None:
    m = rules.date.match(text.strip())
    if not m:
        return None
    year = m.group(1)
    year_n = int(year) if year.isdigit() else int(year.translate(_CN_YEAR_DIGITS))
    month = int(m.group(2)) if m.group(2).isdigit() else cn_int(m.group(2))
    day = int(m.group(3)) if m.group(3).isdigit() else cn_int(m.group(3))
    try:
        return _dt.date(year_n, month or 0, day or 0)
    except ValueError:
        return None


_DATED = re.compile(r"成文日期\s*[:：]\s*((?:19|20)[0-9]{2})[-年./]([0-9]{1,2})[-月./]([0-9]{1,2})")


def web_date(source: Source, meta: Metadata) -> _dt.date | None:
    """成文日期 from a web page's furniture (the publication date is not the report's)."""
    for line in [*source.dropped, *meta.furniture]:
        m = _DATED.search(line)
        if m:
            try:
                return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


def split_back(blocks: list[SourceBlock], rules: Rules, meta: Metadata) -> list[SourceBlock]:
    """Signature and date at the end of the body; the rest of the blocks."""
    end = len(blocks)
    if end and not blocks[end - 1].is_table:
        date = _date(blocks[end - 1].text, rules)
        if date:
            meta.date = date
            end -= 1
            if end and not blocks[end - 1].is_table:
                name = blocks[end - 1].text.strip()
                if len(name) <= rules.signature_max and not _SENTENCE_MARKS.search(name) and not _is_heading(name, rules):
                    meta.signature = name
                    end -= 1
    return blocks[:end]


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
