"""Raw OOXML for the .docx writer: every direct touch of WordprocessingML lives here.

python-docx covers paragraphs, runs and sections; what it lacks (East Asian font names,
theme-font removal, the document grid, character-unit indents, PAGE fields, the font
table's altName) is built here with lxml.
"""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


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
    element = OxmlElement(tag)
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
        r = OxmlElement("w:r")
        if rPr_source is not None:
            r.append(_copy(rPr_source))
        r.append(element)
        paragraph._p.append(r)

    begin = OxmlElement("w:fldChar")
    set_attrs(begin, fldCharType="begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = " PAGE "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    set_attrs(separate, fldCharType="separate")
    run_with(separate)
    result = OxmlElement("w:t")
    result.text = "1"
    run_with(result)
    end = OxmlElement("w:fldChar")
    set_attrs(end, fldCharType="end")
    run_with(end)


def _copy(element):
    return etree.fromstring(etree.tostring(element))


def set_even_and_odd_headers(settings_element) -> None:
    child(settings_element, "w:evenAndOddHeaders")


def bottom_border(pPr, color: str, size_eighths: int, space_pt: int = 0) -> None:
    borders = child(pPr, "w:pBdr")
    bottom = child(borders, "w:bottom")
    set_attrs(bottom, val="single", sz=size_eighths, space=space_pt, color=color)


def add_font_alt_names(font_table_xml: bytes, substitutes: dict[str, str]) -> bytes:
    """Give each Chinese font a w:altName so Word and WPS substitute a known face."""
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


def repeat_header_row(tr) -> None:
    trPr = tr.get_or_add_trPr()
    trPr.append(OxmlElement("w:tblHeader"))


def cant_split(tr) -> None:
    trPr = tr.get_or_add_trPr()
    trPr.append(OxmlElement("w:cantSplit"))


def set_table_borders(tbl, size_eighths: int = 4, color: str = "000000") -> None:
    """Single black borders on every edge and between cells, whatever the table style says."""
    borders = child(tbl.tblPr, "w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        set_attrs(child(borders, f"w:{edge}"), val="single", sz=size_eighths, space=0, color=color)


def fixed_layout(tbl) -> None:
    set_attrs(child(tbl.tblPr, "w:tblLayout"), type="fixed")


# --- the answers file carried inside the .docx (a Custom XML Data part) ---------------------
# Word and WPS keep custom XML parts through edits and saves; drafter's readers look for this
# namespace to recover the answers a document was built from.
ANSWERS_NS = "urn:drafter:answers"
ANSWERS_DATASTORE_ID = "{6B1F3A52-0C4D-4E8B-9D7A-2F5C1E3B8A41}"
DATASTORE_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"


def _xml_safe(text: str) -> bool:
    try:
        etree.fromstring(f"<t>{_escape(text)}</t>".encode("utf-8"))
    except etree.XMLSyntaxError:
        return False
    return "\r" not in text  # XML parsers turn CR into LF; base64 keeps it


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def answers_item(text: str) -> bytes:
    """customXml/itemN.xml: the answers YAML as the text of one element, base64 when XML
    cannot carry it verbatim (control characters, carriage returns)."""
    root = etree.Element(f"{{{ANSWERS_NS}}}answers", nsmap={None: ANSWERS_NS})
    if _xml_safe(text):
        root.text = text
    else:
        import base64

        root.set("encoding", "base64")
        root.text = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def answers_item_props() -> bytes:
    ds = f"{{{DATASTORE_NS}}}"
    root = etree.Element(f"{ds}datastoreItem", nsmap={"ds": DATASTORE_NS})
    root.set(f"{ds}itemID", ANSWERS_DATASTORE_ID)
    refs = etree.SubElement(root, f"{ds}schemaRefs")
    etree.SubElement(refs, f"{ds}schemaRef").set(f"{ds}uri", ANSWERS_NS)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=False)


def _first(parent, tag: str):
    """The child `tag` that comes first in its parent's schema (pPr, pStyle, rPr, rStyle)."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.insert(0, found)
    return found


def set_paragraph_style(p, style_id: str) -> None:
    """w:pStyle by id: python-docx's lookup by name scans every style (slow, and per call)."""
    set_attrs(_first(_first(p, "w:pPr"), "w:pStyle"), val=style_id)


def set_run_style(r, style_id: str) -> None:
    set_attrs(_first(_first(r, "w:rPr"), "w:rStyle"), val=style_id)


def add_text_run(p, text: str):
    """A plain run of text at the end of paragraph p. python-docx's add_run walks the text
    character by character to turn tabs and line breaks into elements; text without them
    goes straight into one w:t."""
    if any(ch in text for ch in "\t\n\r"):
        from docx.text.paragraph import Paragraph

        return Paragraph(p, None).add_run(text)._r
    r = OxmlElement("w:r")
    if text:
        t = OxmlElement("w:t")
        if text != text.strip():
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = text
        r.append(t)
    p.append(r)
    return r


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
