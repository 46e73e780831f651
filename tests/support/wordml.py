"""Small .docx files built in the tests: headings, Word numbering, tracked changes, text boxes.

python-docx makes the document; what it cannot make (numbering definitions, w:ins/w:del, text
boxes, fields) is appended as raw WordprocessingML here.
"""
from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"')

# the four levels of a Chinese official document: 一、 （一） 1. （1）
OFFICIAL_LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."),
                   ("decimal", "（%4）"))


def add_numbering(document, abstract_id: int, levels, num_ids=(), start_overrides=None) -> None:
    """Append an abstract list with the given (numFmt, lvlText) levels and list instances."""
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text) in enumerate(levels))
    first_num = next(iter(numbering.iterchildren("{*}num")), None)
    abstract = parse_xml(f'<w:abstractNum {NS} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>')
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    for num_id in num_ids:
        override = ""
        if start_overrides and num_id in start_overrides:
            override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start_overrides[num_id]}"/>'
                        f'</w:lvlOverride>')
        numbering.append(parse_xml(f'<w:num {NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                                   f'{override}</w:num>'))


def numbered(document, text: str, num_id: int, ilvl: int):
    paragraph = document.add_paragraph(text)
    pPr = paragraph._p.get_or_add_pPr()
    pPr.append(parse_xml(f'<w:numPr {NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def raw_paragraph(document, inner: str):
    """A paragraph whose content is raw WordprocessingML (runs, w:ins, w:del, fields …)."""
    p = parse_xml(f"<w:p {NS}>{inner}</w:p>")
    document.element.body.insert(len(document.element.body) - 1, p)  # before the final sectPr
    return p


def run(text: str, extra: str = "") -> str:
    return f'<w:r>{extra}<w:t xml:space="preserve">{text}</w:t></w:r>'


def text_box(text: str) -> str:
    """A floating text box as Word writes it: the DrawingML shape and a VML fallback."""
    content = f"<w:txbxContent><w:p>{run(text)}</w:p></w:txbxContent>"
    return (f"<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic>"
            f"<a:graphicData><wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic>"
            f"</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{content}"
            f"</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def new_document():
    return docx.Document()
