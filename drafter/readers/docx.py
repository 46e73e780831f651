"""Word .docx: the body's paragraphs and tables in order, as Word displays them.

Read straight from the package with lxml (python-docx would build objects we do not need, and
we want the zip checked before anything is inflated). Automatic numbering is rendered into the
text; tracked insertions are kept and deletions dropped; comments, footnotes and headers/footers
are other parts and stay out of the body; field codes are skipped and their displayed results
kept; hidden text is skipped. Text boxes anchored at the top of the document and the page
header's text go to header_texts (the 版头), text boxes further down become paragraphs after
their anchor.
"""
from __future__ import annotations

import base64
import re
from pathlib import Path

from drafter.readers.numbering import Numbering, W
from drafter.readers.package import Package
from drafter.readers.sniff import fail
from drafter.readers.source import Source, SourceBlock, table_text
from drafter.readers.wordstyles import Styles, east_asia_font, flag, jc_centered, num_pr, outline

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
ANSWERS_NS = "urn:drafter:answers"
ORIGIN_BOOKMARK = "_drafter"  # as drafter.writers.oxml writes it: _drafter1, _drafter2 …
HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_EXTENDED_REL = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
HEADER_ZONE = 8  # body elements at the top where a text box is part of the 版头

_SKIP = {f"{W}{t}" for t in ("del", "moveFrom", "instrText", "delInstrText", "delText", "pPr", "rPr",
                               "footnoteReference", "endnoteReference", "commentReference")}
_CONTAINERS = {f"{W}{t}" for t in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")}


class _Reader:
    def __init__(self, package: Package, main: str):
        self.package = package
        self.styles = Styles(package.xml("word/styles.xml"))
        self.numbering = Numbering(package.xml("word/numbering.xml"))
        self.blocks: list[SourceBlock] = []
        self.header_texts: list[str] = []
        self.main = main
        self.open_comments = _open_comments(package, main)

    # --- body ---------------------------------------------------------------------------
    def body(self, body) -> None:
        for position, element in enumerate(_block_elements(body)):
            if element.tag == f"{W}p":
                self.paragraph(element, at_top=position < HEADER_ZONE)
            elif element.tag == f"{W}tbl":
                rows = self.table(element)
                if any(any(cell for cell in row) for row in rows):
                    self.blocks.append(SourceBlock("table", table_text(rows), self._next(), rows=rows))

    def _next(self) -> int:
        return len(self.blocks) + 1

    def paragraph(self, p, at_top: bool = False) -> None:
        block, boxes = self.read_paragraph(p)
        if block.text:
            block.index = self._next()
            self.blocks.append(block)
        for box in boxes:
            if at_top:
                self.header_texts.append(box)
            else:
                self.blocks.append(SourceBlock("paragraph", box, self._next()))

    def read_paragraph(self, p) -> tuple[SourceBlock, list[str]]:
        pPr = p.find(f"{W}pPr")
        style_el = None if pPr is None else pPr.find(f"{W}pStyle")
        style = None if style_el is None else style_el.get(f"{W}val")
        pieces, bolds, fonts, boxes = [], [], [], []
        for run in _runs(p):
            text = _run_text(run)
            boxes.extend(self.text_boxes(run))
            if not text.strip():
                pieces.append(text)
                continue
            rPr = run.find(f"{W}rPr")
            if flag(rPr, "vanish"):
                continue
            pieces.append(text)
            bolds.append(self._run_attr(rPr, style, "bold", flag(rPr, "b")))
            fonts.append(self._run_attr(rPr, style, "font", east_asia_font(rPr)))
        text = "".join(pieces).strip()
        label = self._label(pPr, style)  # an empty numbered paragraph still takes its number
        if not text:
            label = None
        level = outline(pPr)
        if level is None:
            level = self.styles.lookup(style, "outline")
        centered = jc_centered(pPr)
        block = SourceBlock(
            "paragraph", f"{label or ''}{text}", 0,
            level=level or None, auto_number=label,
            bold=bool(bolds) and all(bolds),
            centered=bool(centered if centered is not None else self.styles.lookup(style, "centered")),
            font=fonts[0] if fonts else None,
            bookmark=next((b.get(f"{W}name") for b in p.iter(f"{W}bookmarkStart")
                           if (b.get(f"{W}name") or "").startswith(ORIGIN_BOOKMARK)), None),
            commented=any(ref.get(f"{W}id") in self.open_comments for ref in p.iter(f"{W}commentReference")))
        return block, boxes

    def _run_attr(self, rPr, para_style: str | None, attr: str, direct):
        if direct is not None:
            return direct
        rstyle = None if rPr is None else rPr.find(f"{W}rStyle")
        if rstyle is not None:
            value = self.styles.lookup(rstyle.get(f"{W}val"), attr)
            if value is not None:
                return value
        return self.styles.lookup(para_style, attr)

    def _label(self, pPr, style: str | None) -> str | None:
        num = num_pr(pPr) or self.styles.lookup(style, "num")
        if num is None or num[0] in (None, "0"):
            return None
        label, _bullet = self.numbering.label(*num)
        return label

    def text_boxes(self, run) -> list[str]:
        texts = []
        for box in run.iter(f"{W}txbxContent"):
            if any(a.tag == f"{MC}Fallback" for a in box.iterancestors()):
                continue  # the same box again, for old readers
            for p in box.iter(f"{W}p"):
                block, _ = self.read_paragraph(p)
                if block.text:
                    texts.append(block.text)
        return texts

    def table(self, tbl) -> list[list[str]]:
        rows = []
        for tr in _children(tbl, "tr"):
            row = []
            for tc in _children(tr, "tc"):
                parts = []
                for element in _block_elements(tc):
                    if element.tag == f"{W}p":
                        block, boxes = self.read_paragraph(element)
                        parts.extend([block.text, *boxes])
                    elif element.tag == f"{W}tbl":
                        parts.extend(" ".join(r) for r in self.table(element))
                row.append(" ".join(p for p in parts if p))
            rows.append(row)
        return rows

    # --- outside the body -------------------------------------------------------------------
    def page_headers(self, document) -> None:
        sect = next(document.iter(f"{W}sectPr"), None)
        rels = self.package.relationships(self.main)
        seen = set()
        for ref in [] if sect is None else sect.iter(f"{W}headerReference"):
            rel = rels.get(ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"))
            if not rel or rel[0] != HEADER_REL:
                continue
            root = self.package.xml(rel[1])
            for p in [] if root is None else root.iter(f"{W}p"):
                block, boxes = self.read_paragraph(p)
                for text in (block.text, *boxes):
                    if text and text not in seen:
                        seen.add(text)
                        self.header_texts.append(text)


def _children(el, tag: str):
    for child in el:
        if child.tag == f"{W}{tag}":
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, tag)


def _block_elements(container):
    for child in container:
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag in _CONTAINERS:
            yield from _block_elements(child)


def _runs(el):
    for child in el:
        tag = child.tag
        if tag == f"{W}r":
            yield child
        elif tag in _SKIP or not isinstance(tag, str):
            continue
        elif tag == f"{MC}AlternateContent":
            choice = child.find(f"{MC}Choice")
            if choice is not None:
                yield from _runs(choice)
        else:  # hyperlinks, fields, insertions, content controls, smart tags …
            yield from _runs(child)


_RUN_TEXT = {f"{W}t": None, f"{W}tab": " ", f"{W}br": " ", f"{W}cr": " ", f"{W}noBreakHyphen": "-"}


def _run_text(run) -> str:
    out = []
    for child in run:
        if child.tag in _RUN_TEXT:
            out.append(child.text or "" if _RUN_TEXT[child.tag] is None else _RUN_TEXT[child.tag])
    return "".join(out)


def _open_comments(package: Package, main: str) -> set[str]:
    """The ids of the document's comments that are still open: in the comments part and not
    marked done (Word's 解决 sets w15:done on the comment's last paragraph in commentsExtended)."""
    parts = dict(package.relationships(main).values())
    comments = package.xml(parts.get(COMMENTS_REL, "")) if COMMENTS_REL in parts else None
    if comments is None:
        return set()
    extended = package.xml(parts[COMMENTS_EXTENDED_REL]) if COMMENTS_EXTENDED_REL in parts else None
    done = set() if extended is None else {
        e.get(f"{W15}paraId") for e in extended.iter(f"{W15}commentEx") if e.get(f"{W15}done") in ("1", "true")}
    open_ids = set()
    for comment in comments.iter(f"{W}comment"):
        paragraphs = comment.findall(f"{W}p")
        last = paragraphs[-1].get(f"{W14}paraId") if paragraphs else None
        if last is None or last not in done:
            open_ids.add(comment.get(f"{W}id"))
    return open_ids


def _answers_root(package: Package):
    for name in sorted(package.names):
        if not re.fullmatch(r"customXml/item\d+\.xml", name):
            continue
        root = package.xml(name)
        if root is not None and root.tag == f"{{{ANSWERS_NS}}}answers":
            return root
    return None


def embedded_origins(package: Package) -> dict:
    """Bookmark name → origin entry, from the answers part's `origins` table."""
    import json

    root = _answers_root(package)
    try:
        table = json.loads(root.get("origins") or "[]") if root is not None else []
    except ValueError:
        return {}
    return {f"{ORIGIN_BOOKMARK}{n}": entry for n, entry in enumerate(table, 1)} if isinstance(table, list) else {}


def embedded_answers(package: Package) -> str | None:
    root = _answers_root(package)
    if root is None:
        return None
    text = root.text or ""
    if root.get("encoding") == "base64":
        try:
            return base64.b64decode(text).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            return None
    return text


def read_docx(path: Path, data: bytes) -> Source:
    package = Package(path, data)
    main = package.main_part()
    document = package.xml(main)
    if document is None:
        if "content.xml" in package.names:
            raise fail(path, "这是 OpenDocument（.odt）文件，不是 Word 文档，请在 WPS 或 LibreOffice 中另存为 .docx")
        raise fail(path, "不是 Word 文档（压缩包中没有 word/document.xml）")
    body = document.find(f"{W}body")
    if body is None:
        raise fail(path, "Word 文档没有正文")
    reader = _Reader(package, main)
    reader.body(body)
    reader.page_headers(document)
    return Source(path=path, format="docx", blocks=reader.blocks, header_texts=reader.header_texts,
                  embedded_answers=embedded_answers(package), origins=embedded_origins(package))
