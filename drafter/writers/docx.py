"""The .docx writer: a Document in official layout (GB/T 9704-2012).

It knows the document model and the style profile, nothing of templates or the ontology.
Raw XML goes through drafter.writers.oxml.

The 22 × 28 grid. Word-made templates use `w:docGrid w:type="linesAndChars"` with a
negative `w:charSpace` (≈ -848), and Word squeezes 16 pt glyphs onto the 15.79 pt pitch.
LibreOffice (7.4, measured on rendered PDFs) does not squeeze: a glyph wider than the grid
cell takes two cells, so lines hold 14 characters. drafter therefore uses a line grid
(`type="lines"`, pitch 579 twips, exact line spacing to match) and condenses body-size text
by 0.25 pt (`w:spacing w:val="-5"`), which gives 28 characters a line in Word, WPS and
LibreOffice alike. The pitch must round down: 580 twips × 22 overflows 225 mm and leaves 21.
"""
from __future__ import annotations

import io
import unicodedata

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.shared import Emu

from drafter.model import Attachment, Document, Heading, Paragraph, Table
from drafter.writers import WriteOptions, oxml
from drafter.writers.style import Length, StyleProfile, default_profile
from drafter.writers.title import break_title

HEADING_STYLE = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4"}
RUN_IN_STYLE = {1: "Run-in Heading 1", 2: "Run-in Heading 2", 3: "Run-in Heading 3", 4: "Run-in Heading 4"}
_MARK_LEADING = 1.2  # the 发文机关标志's line height, times its size
PARA_STYLES = ("Title", "Doc Number", "Addressee", "Signature", "Signature Date")


def _level_font(profile: StyleProfile, level: int) -> str:
    return {1: profile.level1_font, 2: profile.level2_font, 3: profile.level3_font, 4: profile.level4_font}[level]


def _paragraph_style(styles, name: str):
    try:
        return styles[name]
    except KeyError:
        return styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)


def _reset(style) -> tuple:
    """Empty a style's run and paragraph properties; return (rPr, pPr)."""
    el = style.element
    rPr = oxml.child(el, "w:rPr")
    pPr = oxml.child(el, "w:pPr")
    oxml.clear(rPr)
    oxml.clear(pPr)
    return rPr, pPr


class _Styler:
    def __init__(self, document, profile: StyleProfile):
        self.doc = document
        self.p = profile
        self.char_twips = round(profile.char_pitch_pt * 20)

    def base(self, style, font: str, size: float, *, bold: bool = False) -> tuple:
        rPr, pPr = _reset(style)
        oxml.set_fonts(rPr, font, self.p.latin_font)
        oxml.set_bold(rPr, bold)
        oxml.set_size(rPr, size)
        oxml.set_color(rPr, "000000")
        oxml.set_char_spacing(rPr, self.p.char_spacing_twips if size == self.p.body_size else 0)
        oxml.set_spacing(pPr, line_twips=self.p.line_pitch_twips)
        oxml.set_flag(pPr, "w:widowControl")
        return rPr, pPr

    def apply(self) -> None:
        p = self.p
        styles = self.doc.styles
        root = styles.element
        oxml.strip_theme_fonts(root)
        self._defaults(root)

        normal = styles["Normal"]
        _, pPr = self.base(normal, p.body_font, p.body_size)
        oxml.set_indent_chars(pPr, first_line_chars=2, char_twips=self.char_twips)
        oxml.set_jc(pPr, "both")

        for level in range(1, 5):
            style = styles[HEADING_STYLE[level]]
            style.base_style = normal
            bold = level == 3 and p.level3_bold
            _, pPr = self.base(style, _level_font(p, level), p.body_size, bold=bold)
            oxml.set_indent_chars(pPr, first_line_chars=2, char_twips=self.char_twips)
            oxml.set_jc(pPr, "both")
            oxml.set_flag(pPr, "w:keepNext")
            oxml.set_flag(pPr, "w:keepLines")
            oxml.set_outline_level(pPr, level - 1)
            style.next_paragraph_style = normal
            run_in = self._character_style(RUN_IN_STYLE[level])
            rPr = oxml.child(run_in.element, "w:rPr")
            oxml.clear(rPr)
            oxml.set_fonts(rPr, _level_font(p, level), p.latin_font)
            oxml.set_bold(rPr, bold)
            oxml.set_char_spacing(rPr, p.char_spacing_twips)

        self.plain("Title", p.title_font, p.title_size, "center", keep_next=True)
        self.plain("Doc Number", p.body_font, p.body_size, "center")
        self.plain("Addressee", p.body_font, p.body_size, "left", keep_next=True)
        self.plain("Signature", p.body_font, p.body_size, "right", keep_next=True)
        self.plain("Signature Date", p.body_font, p.body_size, "left")
        self.plain("Attachment Label", p.level1_font, p.body_size, "left", keep_next=True)
        for name, font in (("Table Text", p.body_font), ("Table Header", p.level1_font)):
            _, pPr = self.plain(name, font, p.table_size, "center")
            oxml.set_spacing(pPr, line_twips=round(p.table_size * 20 * p.table_line_spacing), rule="atLeast")
            oxml.set_flag(pPr, "w:snapToGrid", on=False)
        rPr, pPr = self.plain("Issuer Mark", p.title_font, p.issuer_mark_size, "center")
        oxml.set_color(rPr, p.header_color)
        oxml.set_spacing(pPr, line_twips=round(p.issuer_mark_size * _MARK_LEADING * 20), rule="atLeast")

        footer = styles["Footer"]
        _, pPr = self.base(footer, p.page_number_font, p.page_number_size)
        oxml.set_spacing(pPr, line_twips=round(p.page_number_size * 20), rule="atLeast")
        oxml.set_flag(pPr, "w:snapToGrid", on=False)

    def plain(self, name: str, font: str, size: float, align: str, keep_next: bool = False) -> tuple:
        """A paragraph style on Normal with no indent; returns its (rPr, pPr)."""
        style = _paragraph_style(self.doc.styles, name)
        style.base_style = self.doc.styles["Normal"]
        rPr, pPr = self.base(style, font, size)
        oxml.set_indent_chars(pPr, char_twips=self.char_twips)
        oxml.set_jc(pPr, align)
        if keep_next:
            oxml.set_flag(pPr, "w:keepNext")
        return rPr, pPr

    def _character_style(self, name: str):
        try:
            return self.doc.styles[name]
        except KeyError:
            return self.doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)

    def _defaults(self, root) -> None:
        defaults = root.find(qn("w:docDefaults"))
        rpr_default = oxml.child(defaults, "w:rPrDefault")
        rPr = oxml.child(rpr_default, "w:rPr")
        oxml.set_fonts(rPr, self.p.body_font, self.p.latin_font)
        oxml.set_size(rPr, self.p.body_size)
        lang = oxml.child(rPr, "w:lang")
        oxml.set_attrs(lang, val="en-US", eastAsia="zh-CN", bidi="ar-SA")


def _page_setup(document, profile: StyleProfile) -> None:
    section = document.sections[0]
    section.page_width = Emu(profile.page_width.emu)
    section.page_height = Emu(profile.page_height.emu)
    section.top_margin = Emu(profile.margin_top.emu)
    section.bottom_margin = Emu(profile.margin_bottom.emu)
    section.left_margin = Emu(profile.margin_left.emu)
    section.right_margin = Emu(profile.margin_right.emu)
    section.header_distance = Emu(profile.header_distance.emu)
    # The footer's text bottom sits footer_distance above the page edge; put the number
    # line's top page_number_gap below the type area: gap + one 4号 line from the margin.
    number_line = Length(profile.page_number_size)
    section.footer_distance = Emu((profile.margin_bottom - profile.page_number_gap - number_line).emu)
    oxml.set_doc_grid(section._sectPr, profile.line_pitch_twips)
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], profile, odd=True)
    _page_number(section.even_page_footer.paragraphs[0], profile, odd=False)


def _page_number(paragraph, profile: StyleProfile, odd: bool) -> None:
    """— N —: odd pages right with one character in, even pages left with one character in."""
    paragraph.style = "Footer"
    pPr = paragraph._p.get_or_add_pPr()
    char = round(profile.page_number_size * 20)
    if odd:
        oxml.set_jc(pPr, "right")
        oxml.set_indent_chars(pPr, right_chars=1, char_twips=char)
    else:
        oxml.set_jc(pPr, "left")
        oxml.set_indent_chars(pPr, left_chars=1, char_twips=char)
    paragraph.add_run("— ")
    run_props = paragraph.runs[0]._r.get_or_add_rPr()
    oxml.add_page_field(paragraph, run_props)
    paragraph.add_run(" —")


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


def _style_id(document, name: str) -> str:
    """A style's id by its name, looked up once per document."""
    ids = document.__dict__.setdefault("_drafter_style_ids", {})
    if name not in ids:
        ids[name] = document.styles[name].style_id
    return ids[name]


def _paragraph(document, text: str, style: str):
    paragraph = document.add_paragraph()
    if style != "Normal":  # the default paragraph style is not named, as python-docx does it
        oxml.set_paragraph_style(paragraph._p, _style_id(document, style))
    if text:
        oxml.add_text_run(paragraph._p, text)
    return paragraph


# Every style and the page setup depend on the profile only: made once, kept in memory and
# in the user cache folder, and each report starts from a copy (styles by name are slow in
# python-docx: it scans every style for each lookup).
_STYLE_NAMES = (*HEADING_STYLE.values(), *RUN_IN_STYLE.values(), *PARA_STYLES, "Attachment Label",
                "Table Text", "Table Header", "Issuer Mark", "Footer")
_BLANKS: dict[str, tuple[bytes, dict[str, str]]] = {}


def _make_blank(profile: StyleProfile) -> tuple[bytes, dict[str, str]]:
    """An empty document with drafter's styles, page setup, page numbers and font table."""
    document = docx.Document()
    _Styler(document, profile).apply()
    _page_setup(document, profile)
    body = document.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    _font_table(document, profile)
    ids = {name: document.styles[name].style_id for name in _STYLE_NAMES}
    oxml.prune_styles(document.styles.element, {*ids.values(), "TableGrid"})
    for rId, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):  # Word 2010's copy of styles.xml; Word rebuilds it
            document.part.drop_rel(rId)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), ids


def _blank(profile: StyleProfile) -> tuple[bytes, dict[str, str]]:
    from pathlib import Path

    from drafter import cache

    text = repr(profile)
    if text not in _BLANKS:
        name = cache.key("docx", [Path(__file__), Path(oxml.__file__), Path(docx.__file__)], extra=text)
        blank = cache.get(name)
        if not (isinstance(blank, tuple) and len(blank) == 2):
            blank = _make_blank(profile)
            cache.put(name, blank)
        _BLANKS[text] = blank
    return _BLANKS[text]


def write_docx(doc: Document, profile: StyleProfile | None = None) -> bytes:
    profile = profile or default_profile()
    blank, ids = _blank(profile)
    document = docx.Document(io.BytesIO(blank))
    document.__dict__["_drafter_style_ids"] = dict(ids)

    if doc.header and doc.issuer_mark:
        _issuer_mark(document, doc.issuer_mark, profile)
    if doc.doc_number:
        number = _paragraph(document, doc.doc_number, "Doc Number")
        if doc.header:
            # 红色分隔线: rule_gap below the number, as wide as the type area (a paragraph border)
            oxml.bottom_border(number._p.get_or_add_pPr(), profile.header_color, round(profile.rule_width.pt * 8),
                               space_pt=round(profile.rule_gap.pt))
        for _ in range(2 if doc.header else 1):  # the title stands two lines below the rule
            _paragraph(document, "", "Doc Number")
    elif doc.header:
        _paragraph(document, "", "Normal")
    title = _paragraph(document, "", "Title")
    for i, line in enumerate(break_title(doc.title, keep=[doc.author], max_width=int(_title_width(profile)))):
        run = oxml.add_text_run(title._p, line)
        if i:
            run.addprevious(_line_break())
    if doc.addressee:
        _paragraph(document, "", "Normal")
        _paragraph(document, doc.addressee_line(), "Addressee")

    for block in doc.blocks:
        if isinstance(block, Heading):
            if block.run_in:
                paragraph = _paragraph(document, "", "Normal")
                lead = oxml.add_text_run(paragraph._p, f"{block.number}{block.text}")
                oxml.set_run_style(lead, _style_id(document, RUN_IN_STYLE[block.level]))
                oxml.add_text_run(paragraph._p, block.body)
            else:
                _paragraph(document, f"{block.number}{block.text}", HEADING_STYLE[block.level])
        elif isinstance(block, Paragraph):
            _paragraph(document, block.text, "Normal")

    _attachment_note(document, doc, profile)
    if doc.sealed and (doc.signature or doc.date):
        _sealed_signature(document, doc.signature or "", doc.date or "", profile)
    elif doc.signature or doc.date:
        _paragraph(document, "", "Normal")
        name_right, date_left, date_right = signature_layout(doc.signature or "", doc.date or "", profile)
        if doc.signature:
            sig = _paragraph(document, doc.signature, "Signature")
            oxml.set_indent_twips(sig._p.get_or_add_pPr(), right=name_right)
        if doc.date:
            date = _paragraph(document, doc.date, "Signature Date")
            pPr = date._p.get_or_add_pPr()
            if date_left is not None:
                # the digits' extra spacing may make the date a little wider than counted:
                # let it run into the margin rather than wrap
                oxml.set_indent_twips(pPr, left=date_left, right=-name_right)
            else:
                oxml.set_jc(pPr, "right")
                oxml.set_indent_twips(pPr, right=date_right)

    for label, attachment in zip(doc.attachment_labels(), doc.attachments):
        _attachment(document, label, attachment, profile)

    document.core_properties.title = doc.title
    document.core_properties.author = doc.author
    document.core_properties.last_modified_by = doc.author
    document.core_properties.language = "zh-CN"
    if doc.answers_yaml is not None:
        _embed_answers(document, doc.answers_yaml)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _embed_answers(document, text: str) -> None:
    """The answers file rides along as a Custom XML Data part, so an import gets it back exactly."""
    package = document.part.package
    item_name = package.next_partname("/customXml/item%d.xml")  # the default template has item1
    props_name = PackURI(item_name.replace("/item", "/itemProps"))
    item = Part(item_name, CT.XML, oxml.answers_item(text), package)
    props = Part(props_name, CT.OFC_CUSTOM_XML_PROPERTIES, oxml.answers_item_props(), package)
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)


def write(doc: Document, options: WriteOptions) -> bytes:
    return write_docx(doc, options.profile)


def _issuer_mark(document, text: str, profile: StyleProfile) -> None:
    """The red 发文机关标志, its top issuer_mark_top below the type area's; the number two lines below."""
    mark = _paragraph(document, text, "Issuer Mark")
    size = profile.issuer_mark_size
    line = size * _MARK_LEADING
    # the line's extra leading sits above the glyphs: take it off the distance
    before = profile.issuer_mark_top.pt - (line - size)
    oxml.set_spacing(mark._p.get_or_add_pPr(), line_twips=round(line * 20), rule="atLeast", before=round(before * 20))
    for _ in range(2):
        _paragraph(document, "", "Normal")


# Extra width renderers put between digits and 年月日 (measured on LibreOffice: ~0.22 em).
_DIGIT_SPACING_EM = 0.22


def estimated_width(text: str) -> float:
    """Width in body characters, counting the space added where digits meet Chinese."""
    transitions = sum(1 for a, b in zip(text, text[1:]) if a.isdigit() != b.isdigit())
    return display_width(text) + transitions * _DIGIT_SPACING_EM


def _sealed_signature(document, name: str, date: str, profile: StyleProfile) -> None:
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
        _paragraph(document, "", "Normal")
    if name:
        sig = _paragraph(document, name, "Signature")
        oxml.set_jc(sig._p.get_or_add_pPr(), "left")
        start = max(0.0, centre - display_width(name) * advance / 2)
        oxml.set_indent_twips(sig._p.get_or_add_pPr(), left=round(start * 20), right=-round(4 * advance * 20))
    if date:
        line = _paragraph(document, date, "Signature Date")
        oxml.set_indent_twips(line._p.get_or_add_pPr(), left=round(date_start * 20), right=-round(4 * advance * 20))


def _attachment_note(document, doc: Document, profile: StyleProfile) -> None:
    """附件说明: one blank line below the body, 左空二字; further items under the first's title."""
    note = doc.attachment_note()
    if not note:
        return
    advance = profile.body_advance_pt
    _paragraph(document, "", "Normal")
    _paragraph(document, note[0], "Normal")
    for item in note[1:]:
        paragraph = _paragraph(document, item, "Normal")
        oxml.set_indent_twips(paragraph._p.get_or_add_pPr(), left=round(5 * advance * 20))


def _attachment(document, label: str, attachment: Attachment, profile: StyleProfile) -> None:
    """A new page: 附件N in 黑体 at the top left, the title centred on the third line."""
    first = _paragraph(document, label, "Attachment Label")
    oxml.set_flag(first._p.get_or_add_pPr(), "w:pageBreakBefore")
    _paragraph(document, "", "Normal")
    title = _paragraph(document, "", "Title")
    for i, line in enumerate(break_title(attachment.title, max_width=int(_title_width(profile)))):
        run = oxml.add_text_run(title._p, line)
        if i:
            run.addprevious(_line_break())
    _paragraph(document, "", "Normal")
    for block in attachment.blocks:
        if isinstance(block, Table):
            _table(document, block, profile)
        elif isinstance(block, Paragraph):
            _paragraph(document, block.text, "Normal")


def _title_width(profile: StyleProfile) -> float:
    return profile.type_area_width.pt / profile.title_size


def _table(document, table: Table, profile: StyleProfile) -> None:
    grid = document.add_table(rows=1 + len(table.rows), cols=len(table.header))
    grid.style = document.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    total = sum(table.widths) or len(table.header)
    widths = [Emu((profile.type_area_width * (w / total)).emu) for w in (table.widths or [1] * len(table.header))]
    for column, width in zip(grid.columns, widths):
        column.width = width  # the table grid: LibreOffice lays columns out from it
    oxml.fixed_layout(grid._tbl)
    for r, cells in enumerate([table.header, *table.rows]):
        row = grid.rows[r]
        if r == 0:
            oxml.repeat_header_row(row._tr)
        oxml.cant_split(row._tr)
        for c, text in enumerate(cells):
            cell = row.cells[c]
            cell.width = widths[c]
            paragraph = cell.paragraphs[0]
            oxml.set_paragraph_style(paragraph._p, _style_id(document, "Table Header" if r == 0 else "Table Text"))
            if r and c in (1, 2):  # category and item read better flush left
                paragraph.alignment = 0
            oxml.add_text_run(paragraph._p, text)
    oxml.set_table_borders(grid._tbl, size_eighths=round(profile.table_border.pt * 8))
    _merge_blank_categories(grid, column=1)


def _merge_blank_categories(grid, column: int) -> None:
    """A blank category cell continues the one above it: merge them vertically."""
    starts = [r for r in range(1, len(grid.rows)) if grid.cell(r, column).text]
    for start, end in zip(starts, [*starts[1:], len(grid.rows)]):
        if end - 1 > start:
            grid.cell(start, column).merge(grid.cell(end - 1, column))


def _line_break():
    from docx.oxml import OxmlElement

    r = OxmlElement("w:r")
    r.append(OxmlElement("w:br"))
    return r


def _font_table(document, profile: StyleProfile) -> None:
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/word/fontTable.xml":
            part._blob = oxml.add_font_alt_names(part.blob, profile.substitutes)
            return
