"""The styled blank .docx package that every report starts from, made with python-docx.

Every style, the page setup, the page-number footers and the font table depend on the style
profile only: drafter.writers.docx has them made here once per profile, keeps the package's
parts in memory and in the user cache folder, and splices each report's body into them as
text. This module is imported only when that cache is cold (or off), so a build does not load
python-docx or lxml.
"""
from __future__ import annotations

import io
import zipfile

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.shared import Emu

from drafter.writers import oxml
from drafter.writers.docxparts import CORE, DOCUMENT, HEADING_STYLE, MARK_LEADING, PARA_STYLES, RUN_IN_STYLE, Blank
from drafter.writers.style import Length, StyleProfile
from drafter.writers.zipped import deflate

_STYLE_NAMES = (*HEADING_STYLE.values(), *RUN_IN_STYLE.values(), *PARA_STYLES, "Attachment Label",
                "Table Text", "Table Header", "Issuer Mark", "Footer", "Table Grid")


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
        oxml.set_spacing(pPr, line_twips=round(p.issuer_mark_size * MARK_LEADING * 20), rule="atLeast")

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


def make_blank(profile: StyleProfile) -> Blank:
    """The blank as parts: python-docx's own save of an empty report, with and without the
    answers part, so that everything outside the body is exactly what python-docx writes."""
    styled = _styled_package(profile)
    plain = _parts(_saved(styled))
    with_answers = _parts(_saved(styled, answers=True))
    changed = {name: plain.get(name) for name, data in with_answers.items() if plain.get(name) != data}
    (item,) = [name for name in changed if name.startswith("customXml/item") and plain.get(name) is None
               and "Props" not in name]
    document = with_answers.pop(DOCUMENT)
    body_start = document.index(b"<w:body>") + len(b"<w:body>")
    body_end = document.index(b"<w:sectPr", body_start)
    assert not document[body_start:body_end].strip(), "the blank's body must be empty"
    ids, table_width = styled[1], styled[2]
    # what each report fills in stays as it is; everything else is deflated once, here
    packed = {name: data if name in (CORE, item) else deflate(data) for name, data in with_answers.items()}
    without = {name: None if data is None else deflate(data) for name, data in changed.items()}
    return Blank(parts=packed, without_answers=without, answers_item=item,
                 document_head=document[:body_end], document_tail=document[body_end:],
                 style_ids=ids, table_width_emu=table_width)


def _styled_package(profile: StyleProfile) -> tuple[bytes, dict[str, str], int]:
    """An empty document with drafter's styles, page setup, page numbers and font table;
    its style ids by name; the width python-docx gives a new table (the type area, in EMU)."""
    document = docx.Document()
    _Styler(document, profile).apply()
    _page_setup(document, profile)
    body = document.element.body
    for p in list(body.iterchildren(oxml.qn("w:p"))):
        body.remove(p)
    _font_table(document, profile)
    ids = {name: document.styles[name].style_id for name in _STYLE_NAMES}
    oxml.prune_styles(document.styles.element, set(ids.values()))
    for rId, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):  # Word 2010's copy of styles.xml; Word rebuilds it
            document.part.drop_rel(rId)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), ids, int(document._block_width)


def _saved(styled: tuple[bytes, dict[str, str], int], answers: bool = False) -> bytes:
    """The styled package reopened and saved as a report is: core properties with marks where
    the title and author go, and (with answers) an answers part holding an empty text."""
    document = docx.Document(io.BytesIO(styled[0]))
    document.core_properties.title = oxml.TITLE_MARK
    document.core_properties.author = oxml.AUTHOR_MARK
    document.core_properties.last_modified_by = oxml.AUTHOR_MARK
    document.core_properties.language = "zh-CN"
    if answers:
        _embed_answers(document, "")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _parts(package: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        return {name: z.read(name) for name in z.namelist()}


def _embed_answers(document, text: str) -> None:
    """The answers file rides along as a Custom XML Data part, so an import gets it back exactly."""
    package = document.part.package
    item_name = package.next_partname("/customXml/item%d.xml")  # the default template has item1
    props_name = PackURI(item_name.replace("/item", "/itemProps"))
    item = Part(item_name, CT.XML, oxml.answers_item(text), package)
    props = Part(props_name, CT.OFC_CUSTOM_XML_PROPERTIES, oxml.answers_item_props(), package)
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)


def _font_table(document, profile: StyleProfile) -> None:
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/word/fontTable.xml":
            part._blob = oxml.add_font_alt_names(part.blob, profile.substitutes)
            return
