"""Raw OOXML for the .docx writer: every direct touch of WordprocessingML lives here.

Two kinds of function. The first half edits python-docx/lxml elements and is used only to
make the styled blank package (drafter.writers.blank), once per style profile: python-docx
covers styles and sections; what it lacks (East Asian font names, theme-font removal, the
document grid, character-unit indents, PAGE fields, the font table's altName) is built here
with lxml. python-docx and lxml are imported inside those functions, so importing this
module stays cheap. The second half (below "text for every report") writes the body of each
report as XML text, which is what a build runs.
"""
from __future__ import annotations

import re

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_NAMESPACES = {"w": W_NS, "xml": XML_NS}


def qn(tag: str) -> str:
    """Clark notation for a prefixed name ("w:p" → "{...main}p"), as python-docx's qn."""
    prefix, _, local = tag.partition(":")
    return f"{{{_NAMESPACES[prefix]}}}{local}"


def _element(tag: str):
    from docx.oxml import OxmlElement  # python-docx's element classes (get_or_add_pPr & co.)

    return OxmlElement(tag)


# Child order that the schema (and Word, which refuses files out of order) requires.
_SEQUENCES = {
    "w:style": (
        "w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden",
        "w:uiPriority", "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked",
        "w:personal", "w:personalCompose", "w:personalReply", "w:rsid", "w:pPr", "w:rPr",
        "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr",
    ),
    "w:pPr": (
        "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
        "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
        "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
        "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
        "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
        "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
        "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
        "w:pPrChange",
    ),
    "w:rPr": (
        "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
        "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
        "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
        "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
        "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
        "w:eastAsianLayout", "w:specVanish", "w:oMath",
    ),
    "w:sectPr": (
        "w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type",
        "w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType",
        "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
        "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange",
    ),
    "w:pBdr": ("w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"),
    "w:tblPr": (
        "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
        "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
        "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
    ),
    "w:tblBorders": ("w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end", "w:insideH", "w:insideV"),
    "w:rPrDefault": ("w:rPr",),
    "w:docDefaults": ("w:rPrDefault", "w:pPrDefault"),
}
_PREFIX = {W_NS: "w"}


def _short(tag: str) -> str:
    ns, _, local = tag[1:].partition("}")
    return f"{_PREFIX.get(ns, ns)}:{local}"


def child(parent, tag: str):
    """The parent's child element `tag`, created in its schema position if missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = _element(tag)
    sequence = _SEQUENCES.get(_short(parent.tag))
    if sequence and tag in sequence:
        later = set(sequence[sequence.index(tag) + 1:])
        for index, existing in enumerate(parent):
            if _short(existing.tag) in later:
                parent.insert(index, element)
                return element
    parent.append(element)
    return element


def set_attrs(element, **attrs) -> None:
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), str(value))


def set_fonts(rPr, east_asia: str, latin: str) -> None:
    """Name every script's font explicitly; drop theme references that would override them."""
    fonts = child(rPr, "w:rFonts")
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    set_attrs(fonts, ascii=latin, hAnsi=latin, eastAsia=east_asia, cs=latin)
    fonts.set(qn("w:hint"), "eastAsia")


def set_size(rPr, points: float) -> None:
    half_points = str(round(points * 2))
    set_attrs(child(rPr, "w:sz"), val=half_points)
    set_attrs(child(rPr, "w:szCs"), val=half_points)


def set_bold(rPr, bold: bool) -> None:
    for tag in ("w:b", "w:bCs"):
        el = rPr.find(qn(tag))
        if bold:
            el = el if el is not None else child(rPr, tag)
            el.attrib.pop(qn("w:val"), None)
        elif el is not None:
            rPr.remove(el)


def set_color(rPr, hex_color: str) -> None:
    set_attrs(child(rPr, "w:color"), val=hex_color)


def clear(element) -> None:
    for el in list(element):
        element.remove(el)


def strip_theme_fonts(root) -> None:
    """Remove asciiTheme & co. everywhere under root (styles.xml, docDefaults)."""
    for fonts in root.iter(qn("w:rFonts")):
        for attr in _THEME_ATTRS:
            fonts.attrib.pop(qn(attr), None)


def set_indent_chars(pPr, *, first_line_chars: float = 0, left_chars: float = 0, right_chars: float = 0,
                     char_twips: int = 320) -> None:
    """Indents in character units (w:*Chars, hundredths of a character) with twip fallbacks."""
    ind = child(pPr, "w:ind")
    for attr in list(ind.attrib):
        del ind.attrib[attr]
    # State every indent, or the paragraph inherits the body's two-character first line.
    set_attrs(ind, firstLineChars=round(first_line_chars * 100), firstLine=round(first_line_chars * char_twips),
              leftChars=round(left_chars * 100), left=round(left_chars * char_twips),
              rightChars=round(right_chars * 100), right=round(right_chars * char_twips))


def set_indent_twips(pPr, *, left: int = 0, right: int = 0) -> None:
    """Indents in twips only: for positions that must not follow Word's character unit,
    which is the font size (16 pt) rather than the condensed 15.75 pt advance."""
    ind = child(pPr, "w:ind")
    for attr in list(ind.attrib):
        del ind.attrib[attr]
    set_attrs(ind, firstLine=0, left=left, right=right)


def set_spacing(pPr, *, line_twips: int, rule: str = "exact", before: int = 0, after: int = 0) -> None:
    spacing = child(pPr, "w:spacing")
    set_attrs(spacing, before=before, after=after, line=line_twips, lineRule=rule, beforeLines=0, afterLines=0)


def set_outline_level(pPr, level: int) -> None:
    set_attrs(child(pPr, "w:outlineLvl"), val=level)


def set_flag(pPr, tag: str, on: bool = True) -> None:
    el = child(pPr, tag)
    if on:
        el.attrib.pop(qn("w:val"), None)
    else:
        set_attrs(el, val=0)


def set_jc(pPr, value: str) -> None:
    set_attrs(child(pPr, "w:jc"), val=value)


def set_doc_grid(sectPr, line_pitch: int) -> None:
    """A line grid only; see drafter.writers.docx for why not linesAndChars."""
    grid = child(sectPr, "w:docGrid")
    for attr in list(grid.attrib):
        del grid.attrib[attr]
    set_attrs(grid, type="lines", linePitch=line_pitch)


def set_char_spacing(rPr, twips: int) -> None:
    if twips:
        set_attrs(child(rPr, "w:spacing"), val=twips)
    else:
        el = rPr.find(qn("w:spacing"))
        if el is not None:
            rPr.remove(el)


def add_page_field(paragraph, rPr_source=None) -> None:
    """Append a PAGE field (begin / instrText / separate / result / end) to the paragraph."""
    def run_with(element):
        r = _element("w:r")
        if rPr_source is not None:
            r.append(_copy(rPr_source))
        r.append(element)
        paragraph._p.append(r)

    begin = _element("w:fldChar")
    set_attrs(begin, fldCharType="begin")
    run_with(begin)
    instr = _element("w:instrText")
    instr.set(f"{{{XML_NS}}}space", "preserve")
    instr.text = " PAGE "
    run_with(instr)
    separate = _element("w:fldChar")
    set_attrs(separate, fldCharType="separate")
    run_with(separate)
    result = _element("w:t")
    result.text = "1"
    run_with(result)
    end = _element("w:fldChar")
    set_attrs(end, fldCharType="end")
    run_with(end)


def _copy(element):
    from lxml import etree

    return etree.fromstring(etree.tostring(element))


def add_font_alt_names(font_table_xml: bytes, substitutes: dict[str, str]) -> bytes:
    """Give each Chinese font a w:altName so Word and WPS substitute a known face."""
    from lxml import etree

    root = etree.fromstring(font_table_xml)
    existing = {f.get(qn("w:name")): f for f in root.findall(qn("w:font"))}
    for name, alt in substitutes.items():
        font = existing.get(name)
        if font is None:
            font = etree.SubElement(root, qn("w:font"))
            font.set(qn("w:name"), name)
        for old in font.findall(qn("w:altName")):
            font.remove(old)
        alt_el = etree.Element(qn("w:altName"))
        alt_el.set(qn("w:val"), alt)
        font.insert(0, alt_el)
        if font.find(qn("w:charset")) is None:
            charset = etree.SubElement(font, qn("w:charset"))
            charset.set(qn("w:val"), "86")  # GB2312
        if font.find(qn("w:family")) is None:
            family = etree.SubElement(font, qn("w:family"))
            family.set(qn("w:val"), "modern" if "宋" in name or "仿宋" in name else "auto")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def prune_styles(styles_root, keep: set[str]) -> None:
    """Remove the styles not in keep, nor a default, nor reachable from a kept one through
    basedOn / next / link. python-docx's template carries ~170 styles (350 kB of XML) that
    every report would otherwise parse and compress; Word still offers its built-in styles
    (w:latentStyles stays)."""
    styles = {s.get(qn("w:styleId")): s for s in styles_root.findall(qn("w:style"))}
    wanted = set(keep) | {sid for sid, s in styles.items() if s.get(qn("w:default")) in ("1", "true")}
    todo = list(wanted)
    while todo:
        style = styles.get(todo.pop())
        if style is None:
            continue
        for tag in ("w:basedOn", "w:next", "w:link"):
            ref = style.find(qn(tag))
            if ref is not None and ref.get(qn("w:val")) not in wanted:
                wanted.add(ref.get(qn("w:val")))
                todo.append(ref.get(qn("w:val")))
    for sid, style in styles.items():
        if sid not in wanted:
            styles_root.remove(style)


# --- text for every report ---------------------------------------------------------------------
# A report's body is written as XML text and spliced into the blank package's document.xml
# before its w:sectPr: no python-docx or lxml on a build. Elements and their order are those
# python-docx produced (add_paragraph, add_run, add_table, cell.merge), children of w:pPr in
# schema order.

# Characters XML 1.0 cannot carry: control characters and the two non-characters (a class
# holding those compiles ten times slower, so they are looked for apart). Lone surrogates are
# dropped when the text is encoded.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NONCHARACTERS = ("\ufffe", "\uffff")
_RUN_BREAKS = re.compile("([\t\r\n])")
_TABLE_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
# core.xml of the blank holds these where each report's title and author go
TITLE_MARK = "@@drafter-title@@"
AUTHOR_MARK = "@@drafter-author@@"


def escape(text: str) -> str:
    """Element text: &, < and > escaped; characters XML cannot carry dropped (a corrupt
    package would not open at all)."""
    if not text.isprintable():  # a quick test: both kinds are unprintable, like tabs and line feeds
        text = _CONTROL.sub("", text)
        text = text.replace(_NONCHARACTERS[0], "").replace(_NONCHARACTERS[1], "")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attr(text: str) -> str:
    return escape(text).replace('"', "&quot;").replace("'", "&apos;")


def _text(text: str) -> str:
    if text != text.strip():  # edge spaces survive only with xml:space, as python-docx set it
        return f'<w:t xml:space="preserve">{escape(text)}</w:t>'
    return f"<w:t>{escape(text)}</w:t>"


def run(text: str, style_id: str | None = None, highlight: str | None = None) -> str:
    """A run of text, optionally in a character style, optionally highlighted (a draft's
    pending text: yellow). Tabs become w:tab, and each line feed or carriage return a w:br,
    as python-docx's add_run did."""
    inner = (f'<w:rStyle w:val="{escape_attr(style_id)}"/>' if style_id else "") + \
        (f'<w:highlight w:val="{escape_attr(highlight)}"/>' if highlight else "")
    props = f"<w:rPr>{inner}</w:rPr>" if inner else ""
    if not text:
        return f"<w:r>{props}</w:r>"
    if "\t" in text or "\n" in text or "\r" in text:
        content = "".join("<w:tab/>" if piece == "\t" else "<w:br/>" if piece in "\r\n" else _text(piece)
                          for piece in _RUN_BREAKS.split(text) if piece)
    else:
        content = _text(text)
    return f"<w:r>{props}{content}</w:r>"


def line_break_run() -> str:
    """A run holding only a line break (between the lines of a title)."""
    return "<w:r><w:br/></w:r>"


def paragraph(runs: str = "", style_id: str | None = None, *, keep_next: bool = False, page_break_before: bool = False,
              border: str = "", spacing: str = "", indent: str = "", jc: str | None = None,
              bookmark: tuple[int, str] | None = None) -> str:
    """A w:p of the given runs; border, spacing and indent are made by the functions below.
    A bookmark (id, name) spans the whole paragraph: Word keeps it through edits."""
    if bookmark is not None:
        number, name = bookmark
        runs = (f'<w:bookmarkStart w:id="{number}" w:name="{escape_attr(name)}"/>{runs}'
                f'<w:bookmarkEnd w:id="{number}"/>')
    props = f'<w:pStyle w:val="{escape_attr(style_id)}"/>' if style_id else ""
    if keep_next:
        props += "<w:keepNext/>"
    if page_break_before:
        props += "<w:pageBreakBefore/>"
    props += border + spacing + indent
    if jc:
        props += f'<w:jc w:val="{jc}"/>'
    if props:
        return f"<w:p><w:pPr>{props}</w:pPr>{runs}</w:p>"
    return f"<w:p>{runs}</w:p>"


def commented(runs: str, number: int) -> str:
    """Runs with a comment anchored on them: the range around them, the reference after."""
    return (f'<w:commentRangeStart w:id="{number}"/>{runs}<w:commentRangeEnd w:id="{number}"/>'
            f'<w:r><w:commentReference w:id="{number}"/></w:r>')


COMMENTS_PART = "word/comments.xml"
COMMENTS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_RID = "rIdDrafterComments"


def comments(notes: list[str], author: str) -> bytes:
    """word/comments.xml: one comment per note, numbered from 0 as `commented` anchors them."""
    items = "".join(
        f'<w:comment w:id="{n}" w:author="{escape_attr(author)}" w:initials="{escape_attr(author[:2])}">'
        f'<w:p><w:r><w:annotationRef/></w:r>{run(note)}</w:p></w:comment>' for n, note in enumerate(notes))
    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f'<w:comments xmlns:w="{W_NS}">{items}</w:comments>').encode("utf-8", "ignore")


def with_comments_part(content_types: bytes, document_rels: bytes) -> tuple[bytes, bytes]:
    """[Content_Types].xml and document.xml.rels that also declare word/comments.xml."""
    override = (f'<Override PartName="/{COMMENTS_PART}" ContentType="{COMMENTS_CONTENT_TYPE}"/>').encode()
    relationship = (f'<Relationship Id="{COMMENTS_RID}" Type="{COMMENTS_RELATIONSHIP}" '
                    f'Target="comments.xml"/>').encode()
    return (content_types.replace(b"</Types>", override + b"</Types>"),
            document_rels.replace(b"</Relationships>", relationship + b"</Relationships>"))


def bottom_border(color: str, size_eighths: int, space_pt: int = 0) -> str:
    return (f'<w:pBdr><w:bottom w:val="single" w:sz="{size_eighths}" w:space="{space_pt}" '
            f'w:color="{escape_attr(color)}"/></w:pBdr>')


def spacing(*, line_twips: int, rule: str = "exact", before: int = 0, after: int = 0) -> str:
    return (f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line_twips}" w:lineRule="{rule}" '
            f'w:beforeLines="0" w:afterLines="0"/>')


def indent_twips(*, left: int = 0, right: int = 0) -> str:
    """Indents in twips only (see set_indent_twips)."""
    return f'<w:ind w:firstLine="0" w:left="{left}" w:right="{right}"/>'


def table(grid_twips: list[int], rows: list[str], style_id: str, border_eighths: int, color: str = "000000") -> str:
    """A centred table of fixed layout with single borders everywhere, on the given grid."""
    edge = f'w:val="single" w:sz="{border_eighths}" w:space="0" w:color="{escape_attr(color)}"'
    borders = "".join(f"<w:{name} {edge}/>" for name in _TABLE_EDGES)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid_twips)
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="{escape_attr(style_id)}"/><w:tblW w:type="auto" w:w="0"/>'
            f'<w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" '
            f'w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def table_row(cells: list[str], *, header: bool = False) -> str:
    """A row that never splits across pages; the header row repeats on each page."""
    props = "<w:tblHeader/><w:cantSplit/>" if header else "<w:cantSplit/>"
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def table_cell(width_twips: int, paragraphs: str = "", merge: str | None = None) -> str:
    """A cell; merge is "restart" for the top of a vertical merge, "continue" below it."""
    vmerge = {"restart": '<w:vMerge w:val="restart"/>', "continue": "<w:vMerge/>", None: ""}[merge]
    return f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width_twips}"/>{vmerge}</w:tcPr>{paragraphs or "<w:p/>"}</w:tc>'


def core_properties(template: bytes, *, title: str, author: str) -> bytes:
    """docProps/core.xml: the blank's, with the report's title and author (creator and
    last modified by)."""
    return (template.replace(TITLE_MARK.encode(), escape(title).encode("utf-8", "ignore"))
            .replace(AUTHOR_MARK.encode(), escape(author).encode("utf-8", "ignore")))


# --- the answers file carried inside the .docx (a Custom XML Data part) ---------------------
# Word and WPS keep custom XML parts through edits and saves; drafter's readers look for this
# namespace to recover the answers a document was built from.
ANSWERS_NS = "urn:drafter:answers"
ANSWERS_DATASTORE_ID = "{6B1F3A52-0C4D-4E8B-9D7A-2F5C1E3B8A41}"
DATASTORE_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"


def _xml_safe(text: str) -> bool:
    # XML parsers turn CR into LF; base64 keeps it
    return not (_CONTROL.search(text) or "\r" in text or any(ch in text for ch in _NONCHARACTERS))


# Body paragraphs drafter wrote carry a hidden bookmark (_drafter1, _drafter2 …); the answers
# part says, in its `origins` attribute, which section each one came from.
ORIGIN_BOOKMARK = "_drafter"


def answers_item(text: str, origins: str | None = None) -> bytes:
    """customXml/itemN.xml: the answers YAML as the text of one element, base64 when XML
    cannot carry it verbatim (control characters, carriage returns); `origins` is the JSON
    table of the body's bookmarks (model.Origin of each)."""
    if _xml_safe(text):
        attrs, content = "", escape(text)
    else:
        import base64

        attrs, content = ' encoding="base64"', base64.b64encode(text.encode("utf-8", "ignore")).decode("ascii")
    if origins:
        attrs += f' origins="{escape_attr(origins)}"'
    return (f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f'<answers xmlns="{ANSWERS_NS}"{attrs}>{content}</answers>').encode("utf-8", "ignore")


def answers_item_props() -> bytes:
    return ("<?xml version='1.0' encoding='UTF-8' standalone='no'?>\n"
            f'<ds:datastoreItem xmlns:ds="{DATASTORE_NS}" ds:itemID="{ANSWERS_DATASTORE_ID}">'
            f'<ds:schemaRefs><ds:schemaRef ds:uri="{ANSWERS_NS}"/></ds:schemaRefs></ds:datastoreItem>').encode()
