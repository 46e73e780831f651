"""The .docx writer: a Document in official layout (GB/T 9704-2012).

It knows the document model and the style profile, nothing of templates or the ontology.
Raw XML goes through drafter.writers.oxml. A report is the styled blank package (made once
per profile with python-docx by drafter.writers.blank, kept as parts in memory and in the
user cache) with the report's body spliced in as text, zipped: a build imports neither
python-docx nor lxml.

The 22 × 28 grid. Word-made templates use `w:docGrid w:type="linesAndChars"` with a
negative `w:charSpace` (≈ -848), and Word squeezes 16 pt glyphs onto the 15.79 pt pitch.
LibreOffice (7.4, measured on rendered PDFs) does not squeeze: a glyph wider than the grid
cell takes two cells, so lines hold 14 characters. drafter therefore uses a line grid
(`type="lines"`, pitch 579 twips, exact line spacing to match) and condenses body-size text
by 0.25 pt (`w:spacing w:val="-5"`), which gives 28 characters a line in Word, WPS and
LibreOffice alike. The pitch must round down: 580 twips × 22 overflows 225 mm and leaves 21.
"""
from __future__ import annotations

import itertools
import json
import re
import unicodedata
import zlib

from drafter.model import Attachment, Document, Heading, Paragraph, Table
from drafter.writers import WriteOptions, oxml
from drafter.writers.docxparts import CORE, DOCUMENT, HEADING_STYLE, MARK_LEADING, RUN_IN_STYLE, Blank
from drafter.writers.style import StyleProfile, default_profile
from drafter.writers.title import break_title
from drafter.writers.zipped import Deflated, package

PENDING_HIGHLIGHT = "yellow"  # a draft's text still to review or fill, as a clerk marks it in Word
_PLACEHOLDER = re.compile(r"((?<![A-Za-z])[xX]{2,}(?![A-Za-z]))")
CATEGORY_COLUMN = 1  # in attachment tables; a blank category continues the one above
LEFT_COLUMNS = (1, 2)  # category and item read better flush left


def display_width(text: str) -> float:
    """Width in body characters: CJK and full-width marks count 1, Latin letters and digits ½."""
    return sum(1 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def signature_indents(name: str, date: str) -> tuple[float, float]:
    """Right indents (in characters) of the issuing body and the date, per GB/T 9704 7.3.5.2.

    The body name stands two characters in from the right; the date starts two characters
    right of the name's start. When the date is the longer, the date stands two characters in
    and the name moves left so that the offset holds.
    """
    n, d = display_width(name), display_width(date)
    if d > n:
        return d - n + 4, 2.0
    return 2.0, n - d + 0.0


def signature_layout(name: str, date: str, profile: StyleProfile) -> tuple[int, int | None, int | None]:
    """(name's right indent, date's left indent or None, date's right indent or None) in twips.

    The name is set right-aligned. The date is set left-aligned from the name's first
    character plus two, a position known exactly because the name is all Chinese; renderers
    disagree on the width of digits and on the space they add between digits and 年月日,
    so placing the date by its right edge would drift. Only a date longer than the name
    (rare) is right-aligned, two characters in, and the name's indent then rests on an
    estimate of the date's width.
    """
    advance = profile.body_advance_pt
    type_width = profile.type_area_width.pt
    name_right, date_right = signature_indents(name, date)
    if display_width(date) > display_width(name):
        return round(name_right * advance * 20), None, round(date_right * advance * 20)
    name_start = type_width - name_right * advance - display_width(name) * advance
    return round(name_right * advance * 20), round((name_start + 2 * advance) * 20), None


_BLANKS: dict[str, Blank] = {}


def _blank(profile: StyleProfile) -> Blank:
    import importlib.util
    from pathlib import Path

    from drafter import cache

    text = repr(profile)
    if text not in _BLANKS:
        # python-docx's files by their location only: importing it is what a warm build saves
        spec = importlib.util.find_spec("docx")
        python_docx = Path(spec.origin) if spec and spec.origin else Path("python-docx-missing")
        sources = [Path(__file__), Path(oxml.__file__), Path(__file__).with_name("blank.py"),
                   Path(__file__).with_name("docxparts.py"),
                   Path(__file__).with_name("zipped.py"), python_docx]
        name = cache.key("docx", sources, extra=text)
        _BLANKS[text] = cache.kept(name, Blank, lambda: _make_blank(profile))
    return _BLANKS[text]


def _make_blank(profile: StyleProfile) -> Blank:
    from drafter.writers.blank import make_blank  # python-docx: only when the cache is cold

    return make_blank(profile)


class _Body:
    """The report's body as XML text, paragraph by paragraph."""

    def __init__(self, blank: Blank, origins: list | None = None):
        self.ids = blank.style_ids
        self.blank = blank
        self.parts: list[str] = []
        self.origins = origins  # where each bookmarked paragraph came from; None: no bookmarks
        self.notes: list[str] = []  # the comments beside paragraphs still to review, in order

    def paragraph(self, text: str = "", style: str = "Normal", **props) -> None:
        runs = oxml.run(text) if text else ""
        self.add(runs, style, **props)

    def body_text(self, text: str, review: str | None) -> str:
        """A body text's runs: a paragraph carried from last year and not yet reviewed is
        highlighted whole with a comment saying what to do (`review`), and every xx still to
        fill is highlighted wherever it stands."""
        if review:
            self.notes.append(review)
            return oxml.commented(oxml.run(text, highlight=PENDING_HIGHLIGHT), len(self.notes) - 1)
        pieces = _PLACEHOLDER.split(text)
        return "".join(oxml.run(piece, highlight=PENDING_HIGHLIGHT if n % 2 else None)
                       for n, piece in enumerate(pieces) if piece)

    def marked(self, block) -> tuple[int, str] | None:
        """The bookmark that tells the block's origin to drafter's .docx reader, if any."""
        origin = getattr(block, "origin", None)
        if self.origins is None or origin is None:
            return None
        body = getattr(block, "body_origin", None)
        # the sixth entry: written with a review comment, so a comment gone means reviewed in Word
        self.origins.append([origin.section, origin.kind, origin.index, list(origin.joined),
                             body.section if body is not None else None, 1 if getattr(block, "review", None) else 0])
        number = len(self.origins)
        return number, f"{oxml.ORIGIN_BOOKMARK}{number}"

    def add(self, runs: str, style: str = "Normal", **props) -> None:
        # the default paragraph style is not named, as python-docx does it
        style_id = self.ids[style] if style != "Normal" else None
        self.parts.append(oxml.paragraph(runs, style_id, **props))

    def title(self, lines: list[str]) -> None:
        self.add(oxml.line_break_run().join(oxml.run(line) for line in lines), "Title")

    def text(self) -> str:
        return "".join(self.parts)


def write_docx(doc: Document, profile: StyleProfile | None = None) -> bytes:
    profile = profile or default_profile()
    blank = _blank(profile)
    # a report that carries its answers also says which section wrote each paragraph
    body = _Body(blank, [] if doc.answers_yaml is not None else None)

    if doc.header and doc.issuer_mark:
        _issuer_mark(body, doc.issuer_mark, profile)
    if doc.doc_number:
        border = ""
        if doc.header:
            # 红色分隔线: rule_gap below the number, as wide as the type area (a paragraph border)
            border = oxml.bottom_border(profile.header_color, round(profile.rule_width.pt * 8),
                                        space_pt=round(profile.rule_gap.pt))
        # with the 版头, centred above the red rule; without it (header: 否), flush right above the
        # title, where the 信函格式 puts it, so that it does not float as a line of its own
        body.paragraph(doc.doc_number, "Doc Number", border=border, jc=None if doc.header else "right")
        for _ in range(2 if doc.header else 1):  # the title stands two lines below the rule
            body.paragraph("", "Doc Number")
    elif doc.header:
        body.paragraph()
    body.title(break_title(doc.title, keep=[doc.author], max_width=int(_title_width(profile))))
    if doc.addressee:
        body.paragraph()
        body.paragraph(doc.addressee_line(), "Addressee")

    signed = bool(doc.signature or doc.date)
    # The 附件说明 and the signature never stand on a page without body text (GB/T 9704 7.3.5):
    # the last body paragraph and every line down to the signature keep with the next one, so
    # the last lines of the body move over with them.
    closing = signed or bool(doc.attachment_note())
    for n, block in enumerate(doc.blocks, 1):
        hold = closing and n == len(doc.blocks)
        if isinstance(block, Heading):
            if block.run_in:
                lead = oxml.run(f"{block.number}{block.text}", body.ids[RUN_IN_STYLE[block.level]])
                body.add(lead + body.body_text(block.body or "", block.review), keep_next=hold,
                         bookmark=body.marked(block))
            else:
                body.paragraph(f"{block.number}{block.text}", HEADING_STYLE[block.level], bookmark=body.marked(block))
        elif isinstance(block, Paragraph):
            body.add(body.body_text(block.text, block.review), keep_next=hold, bookmark=body.marked(block))

    _attachment_note(body, doc, profile, signed)
    if doc.sealed and signed:
        _sealed_signature(body, doc.signature or "", doc.date or "", profile)
    elif signed:
        _signature(body, doc.signature or "", doc.date or "", profile)

    for label, attachment in zip(doc.attachment_labels(), doc.attachments):
        _attachment(body, label, attachment, profile)
    return _package(blank, body.text(), doc, body.origins, body.notes)


def _package(blank: Blank, body: str, doc: Document, origins: list | None = None,
             notes: list[str] | None = None) -> bytes:
    parts = dict(blank.parts)
    if doc.answers_yaml is None:
        for name, data in blank.without_answers.items():
            if data is None:
                del parts[name]
            else:
                parts[name] = data
    else:
        table = json.dumps(origins, ensure_ascii=False, separators=(",", ":")) if origins else None
        parts[blank.answers_item] = oxml.answers_item(doc.answers_yaml, table)
    parts[CORE] = oxml.core_properties(parts[CORE], title=doc.title, author=doc.author)
    parts[DOCUMENT] = blank.document_head + body.encode("utf-8", "ignore") + blank.document_tail
    if notes:
        _add_comments(parts, notes)
    return package(parts)


COMMENT_AUTHOR = "drafter"
_CONTENT_TYPES, _DOCUMENT_RELS = "[Content_Types].xml", "word/_rels/document.xml.rels"


def _add_comments(parts: dict, notes: list[str]) -> None:
    """A draft's review comments: their part, declared in the content types and related from
    the document (the blank's own two parts, taken out of their ahead-of-time deflation)."""
    def plain(name: str) -> bytes:
        part = parts[name]
        return zlib.decompress(part.data, -15) if isinstance(part, Deflated) else part

    parts[_CONTENT_TYPES], parts[_DOCUMENT_RELS] = oxml.with_comments_part(plain(_CONTENT_TYPES), plain(_DOCUMENT_RELS))
    parts[oxml.COMMENTS_PART] = oxml.comments(notes, COMMENT_AUTHOR)


def write(doc: Document, options: WriteOptions) -> bytes:
    return write_docx(doc, options.profile)


def _issuer_mark(body: _Body, text: str, profile: StyleProfile) -> None:
    """The red 发文机关标志, its top issuer_mark_top below the type area's; the number two lines below."""
    size = profile.issuer_mark_size
    line = size * MARK_LEADING
    # the line's extra leading sits above the glyphs: take it off the distance
    before = profile.issuer_mark_top.pt - (line - size)
    body.paragraph(text, "Issuer Mark",
                   spacing=oxml.spacing(line_twips=round(line * 20), rule="atLeast", before=round(before * 20)))
    for _ in range(2):
        body.paragraph()


def _signature(body: _Body, name: str, date: str, profile: StyleProfile) -> None:
    """Unsealed layout (GB/T 9704 7.3.5.2), placed by signature_layout."""
    body.paragraph(keep_next=True)
    name_right, date_left, date_right = signature_layout(name, date, profile)
    if name:
        body.paragraph(name, "Signature", indent=oxml.indent_twips(right=name_right))
    if date:
        if date_left is not None:
            # the digits' extra spacing may make the date a little wider than counted:
            # let it run into the margin rather than wrap
            body.paragraph(date, "Signature Date", indent=oxml.indent_twips(left=date_left, right=-name_right))
        else:
            body.paragraph(date, "Signature Date", indent=oxml.indent_twips(right=date_right), jc="right")


# Extra width renderers put between digits and 年月日 (measured on LibreOffice: ~0.22 em).
_DIGIT_SPACING_EM = 0.22


def estimated_width(text: str) -> float:
    """Width in body characters, counting the space added where digits meet Chinese."""
    transitions = sum(1 for a, b in itertools.pairwise(text) if a.isdigit() != b.isdigit())
    return display_width(text) + transitions * _DIGIT_SPACING_EM


def _sealed_signature(body: _Body, name: str, date: str, profile: StyleProfile) -> None:
    """Sealed layout (GB/T 9704 7.3.5.1): the date 右空四字, the body's name centred above it.

    Both are placed from the left by computed indents so that the name stays centred over
    the date whatever the renderer; the seal itself is stamped on paper.
    """
    advance = profile.body_advance_pt
    type_width = profile.type_area_width.pt
    date_width = estimated_width(date) * advance
    date_start = type_width - 4 * advance - date_width
    centre = date_start + date_width / 2
    for _ in range(2):  # room for the seal above the name
        body.paragraph(keep_next=True)
    if name:
        start = max(0.0, centre - display_width(name) * advance / 2)
        body.paragraph(name, "Signature", jc="left",
                       indent=oxml.indent_twips(left=round(start * 20), right=-round(4 * advance * 20)))
    if date:
        body.paragraph(date, "Signature Date",
                       indent=oxml.indent_twips(left=round(date_start * 20), right=-round(4 * advance * 20)))


def _attachment_note(body: _Body, doc: Document, profile: StyleProfile, signed: bool) -> None:
    """附件说明: one blank line below the body, 左空二字; further items under the first's title.
    Each line keeps with the next one down to the signature (or to its own last line)."""
    note = doc.attachment_note()
    if not note:
        return
    advance = profile.body_advance_pt
    body.paragraph(keep_next=True)
    for n, item in enumerate(note):
        indent = oxml.indent_twips(left=round(5 * advance * 20)) if n else ""
        body.paragraph(item, keep_next=signed or n < len(note) - 1, indent=indent)


def _attachment(body: _Body, label: str, attachment: Attachment, profile: StyleProfile) -> None:
    """A new page: 附件N in 黑体 at the top left, the title centred on the third line."""
    body.paragraph(label, "Attachment Label", page_break_before=True)
    body.paragraph()
    body.title(break_title(attachment.title, max_width=int(_title_width(profile))))
    body.paragraph()
    for block in attachment.blocks:
        if isinstance(block, Table):
            body.parts.append(_table(body, block, profile))
        elif isinstance(block, Paragraph):
            body.paragraph(block.text)


def _title_width(profile: StyleProfile) -> float:
    return profile.type_area_width.pt / profile.title_size


def _emu_twips(emu: int) -> int:
    return round(emu / 635)


def _table(body: _Body, table: Table, profile: StyleProfile) -> str:
    """A centred table on the type area's width, columns in the table's proportions; a blank
    category cell continues (is merged with) the one above it."""
    columns = len(table.header)
    total = sum(table.widths) or columns
    widths = [_emu_twips((profile.type_area_width * (w / total)).emu) for w in (table.widths or [1] * columns)]
    default = _emu_twips(body.blank.table_width_emu // columns) if columns else 0
    widths = widths[:columns] + [default] * (columns - len(widths))  # a cell python-docx was not given a width keeps its own
    rows = [table.header, *table.rows]
    spans = _category_spans(rows, CATEGORY_COLUMN) if columns > CATEGORY_COLUMN else {}
    header_id, text_id = body.ids["Table Header"], body.ids["Table Text"]
    xml_rows = []
    for r, cells in enumerate(rows):
        style_id = header_id if r == 0 else text_id
        own = [oxml.paragraph(oxml.run(text), style_id, jc="left" if r and c in LEFT_COLUMNS else None)
               for c, text in enumerate(cells[:columns])]
        own += [""] * (columns - len(own))  # cells a short row does not fill stay empty
        xml_cells = []
        for c in range(columns):
            merge, content = None, own[c]
            if c == CATEGORY_COLUMN and r in spans:
                end = spans[r]
                if end is None:
                    merge, content = "continue", ""
                else:
                    # the merged cell holds the paragraphs of every cell it covers, as Word's merge does
                    merge, content = "restart", content + "".join(_column_paragraphs(rows, r + 1, end, c, style_id))
            xml_cells.append(oxml.table_cell(widths[c], content, merge))
        xml_rows.append(oxml.table_row(xml_cells, header=r == 0))
    return oxml.table(widths, xml_rows, body.ids["Table Grid"], round(profile.table_border.pt * 8))


def _column_paragraphs(rows: list[list[str]], start: int, end: int, column: int, style_id: str) -> list[str]:
    """The paragraphs of column's cells in rows start … end - 1 (merged into the cell above)."""
    return [oxml.paragraph(oxml.run(rows[r][column]), style_id, jc="left" if column in LEFT_COLUMNS else None)
            for r in range(start, end) if column < len(rows[r])]


def _category_spans(rows: list[list[str]], column: int) -> dict[int, int | None]:
    """Vertical merges in a column: {first row: end row (exclusive)} for each filled cell with
    blank cells below it, and {row: None} for each of those blank cells. The header row and
    the blank cells above the first filled one are never merged."""
    def text(r: int) -> str:
        return rows[r][column] if column < len(rows[r]) else ""

    starts = [r for r in range(1, len(rows)) if text(r)]
    spans: dict[int, int | None] = {}
    for start, end in zip(starts, [*starts[1:], len(rows)]):
        if end - 1 > start:
            spans[start] = end
            spans.update(dict.fromkeys(range(start + 1, end)))
    return spans
