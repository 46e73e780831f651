"""Web pages saved from a government website (.html/.htm, and the ".doc" files some sites serve).

lxml.html (already installed with python-docx; libxml2's HTML parser copes with the broken
markup such sites produce) parses the page. Page furniture goes first: scripts, navigation,
headers and footers, and elements whose class/id names a share bar, a print button and the
like (sections/_furniture.yaml). The main content is the element holding most of the Chinese
text in paragraphs; its paragraphs, headings and data tables become blocks. The closest title
(h1–h3, a "title" element or a centred line) before the content becomes the first block.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

import lxml.html
from lxml import etree

from drafter.readers import furniture as furniture_mod
from drafter.readers.sniff import fail
from drafter.readers.source import Source, SourceBlock, table_text

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "iframe", "form",
              "button", "select", "input", "textarea", "template", "svg", "object", "map", "head")
_BLOCK_TAGS = {"p", "div", "section", "article", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
               "center", "pre", "tr", "td", "th", "table", "tbody", "thead", "h1", "h2", "h3", "h4",
               "h5", "h6", "main", "hr", "address", "figure", "figcaption", "body", "caption"}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BOLD_TAGS = {"b", "strong"}
_FONT = re.compile(r"font-family\s*:\s*['\"]?([^;'\",]+)", re.I)
_CENTER = re.compile(r"text-align\s*:\s*center", re.I)
_FONT_WEIGHT_BOLD = re.compile(r"font-weight\s*:\s*(bold|[6-9]00)", re.I)
FURNITURE_GUARD = 200  # an element with this much Chinese is content, whatever its class says
CLIMB = 1.3  # climb to the parent when it holds this much more paragraph text


def decode_html(data: bytes) -> str:
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    declared = _META_CHARSET.search(data[:8192])
    candidates = []
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        candidates.append("gb18030" if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk") else name)
    candidates += ["utf-8", "gb18030"]
    for codec in candidates:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("gb18030", errors="replace")


def _cjk(text: str | None) -> int:
    return len(_CJK.findall(text or ""))


def _class_and_id(el) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def _strip_furniture(root) -> None:
    furniture = furniture_mod.load()
    for el in list(root.iter(*_DROP_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.tag in ("html", "body") or el.getparent() is None:
            continue
        if furniture.furniture_element(_class_and_id(el)) and _cjk(el.text_content()) < FURNITURE_GUARD:
            el.drop_tree()


def _paragraph_text(el) -> int:
    return sum(_cjk(p.text_content()) for p in el.iter("p"))


def find_content(root):
    """The element that holds most of the Chinese text in its paragraphs (or its own lines)."""
    scores: dict = {}
    for p in root.iter("p"):
        parent = p.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + _cjk(p.text_content())
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag != "p":
            own = _cjk(el.text) + sum(_cjk(child.tail) for child in el)
            if own >= 10:
                scores[el] = scores.get(el, 0) + own
    if not scores:
        return None
    best = max(scores, key=scores.get)
    while best.getparent() is not None and best.tag not in ("body", "html"):
        parent = best.getparent()
        if _paragraph_text(parent) > CLIMB * max(_paragraph_text(best), 1) and parent.tag != "body":
            best = parent
        else:
            break
    return best


def _data_table(table) -> bool:
    if table.find(".//table") is not None:
        return False
    rows = table.findall(".//tr")
    cells = [c for r in rows for c in r if isinstance(c.tag, str) and c.tag in ("td", "th")]
    if len(rows) < 2 or not cells or max(len(r.findall("td") + r.findall("th")) for r in rows) < 2:
        return False
    return sum(len(c.text_content().strip()) for c in cells) / len(cells) < 60


class _Lines:
    """Collects the text of a content element line by line, as a browser would lay it out."""

    def __init__(self):
        self.blocks: list[SourceBlock] = []
        self.pieces: list[tuple[str, bool]] = []
        self.attrs: dict = {}

    def flush(self) -> None:
        text = "".join(t for t, _ in self.pieces).strip()
        if text:
            bolds = [b for t, b in self.pieces if t.strip()]
            self.blocks.append(SourceBlock("paragraph", text, len(self.blocks) + 1, bold=all(bolds), **self.attrs))
        self.pieces, self.attrs = [], {}

    def add(self, text: str | None, bold: bool, attrs: dict) -> None:
        if text:
            if not "".join(t for t, _ in self.pieces).strip():
                self.attrs = dict(attrs)
            self.pieces.append((text, bold))

    def walk(self, el, bold: bool = False, attrs: dict | None = None) -> None:
        attrs = dict(attrs or {})
        tag = el.tag if isinstance(el.tag, str) else ""
        style = el.get("style", "")
        if tag in _HEADINGS:
            attrs["level"] = _HEADINGS[tag]
        if el.get("align", "").lower() == "center" or _CENTER.search(style) or tag == "center":
            attrs["centered"] = True
        font = _FONT.search(style)
        if font:
            attrs["font"] = font.group(1).strip()
        bold = bold or tag in _BOLD_TAGS or bool(_FONT_WEIGHT_BOLD.search(style))
        block = tag in _BLOCK_TAGS
        if tag == "table" and _data_table(el):
            self.flush()
            rows = [[" ".join(c.text_content().split()) for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
                    for tr in el.iter("tr")]
            self.blocks.append(SourceBlock("table", table_text(rows), len(self.blocks) + 1, rows=rows))
            return
        if tag == "br" or block:
            self.flush()
        if tag and tag != "br":
            self.add(el.text, bold, attrs)
            for child in el:
                self.walk(child, bold, attrs)
                self.add(child.tail, bold, attrs)
        if block:
            self.flush()


def _title_before(root, content) -> SourceBlock | None:
    """The nearest title-like element before the content, outside it: a heading (h1–h3), an
    element whose class or id says title, or a centred line."""
    furniture = furniture_mod.load()
    ancestors = set(content.iterancestors())
    candidate = None
    for el in root.iter():
        if el is content:
            break
        if not isinstance(el.tag, str) or el in ancestors:
            continue
        words = re.split(r"[\s_\-]+", _class_and_id(el).lower())
        centered = el.get("align", "").lower() == "center" or bool(_CENTER.search(el.get("style", "")))
        if not (el.tag in ("h1", "h2", "h3") or "title" in words or centered):
            continue
        text = " ".join(el.text_content().split())
        if _cjk(text) >= 4 and len(text) <= 80 and not furniture.is_furniture(text):
            candidate = SourceBlock("paragraph", text, 0, level=_HEADINGS.get(el.tag), centered=True)
    return candidate


def read_html(path: Path, data: bytes) -> Source:
    text = _XML_DECLARATION.sub("", decode_html(data))
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        raise fail(path, "网页文件无法解析，可能已损坏") from None
    _strip_furniture(root)
    content = find_content(root)
    if content is None:
        raise fail(path, "网页里没有报告正文（只有网页的脚本、样式或栏目），请确认选对了文件")
    lines = _Lines()
    lines.walk(content)
    blocks = lines.blocks
    notes = []
    title = _title_before(root, content)
    if title and not any(b.text == title.text for b in blocks[:3]):
        blocks.insert(0, title)
        notes.append("已把正文前的网页标题作为第一段")
    for i, block in enumerate(blocks, 1):
        block.index = i
    return Source(path=path, format="html", blocks=blocks, notes=notes)
