"""The one view of a report that every check rule reads, whatever the input was.

For an answers file: the document drafter would build (drafter.compose) as paragraphs, each
knowing the section it came from, plus the Answers themselves and the file's text values
with their lines. For any report file (.docx, .txt, .html …): the report's frame as
`drafter import` reads it (drafter.structure: 版头, title, 主送机关, 附件说明, 落款, 成文日期,
附件), the body's headings by the heading grammar of sections/_import.yaml. Rules locate a
finding with `View.locate`.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.errors import Location

TITLE, ADDRESSEE, HEADING, BODY, SIGNATURE, DATE, TABLE, HEADER, ATTACHMENT = \
    "title", "addressee", "heading", "body", "signature", "date", "table", "header", "attachment"


@dataclass
class Para:
    text: str
    kind: str  # one of the constants above
    level: int | None = None  # headings: 1, 2 … as the numbering styles used rank (一、 （一） 1. （1）)
    index: int | None = None  # 第N段 of a report file
    section: str | None = None  # the section id it came from (answers files)


@dataclass
class Text:
    """A text value of the answers file: where it is and what it says."""

    field: str  # answers.penalties.text, report.title …
    line: int | None
    text: str


@dataclass
class View:
    file: str
    kind: str  # "answers" or "report"
    year: int | None
    issuer: str | None
    paragraphs: list[Para] = field(default_factory=list)
    date: _dt.date | None = None
    date_text: str | None = None
    answers: Any = None  # drafter.answers.Answers for an answers file
    ontology: Any = None
    texts: list[Text] = field(default_factory=list)  # answers files: every text value, current year only
    addressee: str | None = None
    previous: list[Para] | None = None  # --previous: last year's report as paragraphs

    def body(self) -> list[Para]:
        return [p for p in self.paragraphs if p.kind in (HEADING, BODY)]

    def locate(self, para: Para | None, token: str = "") -> tuple[Location, str]:
        """Where to point the reader: the answers file's line and field, or 第N段 with a quote."""
        if self.kind == "report":
            if para is None:
                return Location(file=self.file), ""
            where = f"第{para.index}段" if para.index else ""
            return Location(file=self.file, field=where or None), quote(para.text, token)
        text = self.find_text(token, para.section if para else None) if token else None
        if text is None and para is not None and para.section:
            text = self.section_text(para.section)
        if text is None:
            return Location(file=self.file), quote(para.text, token) if para else ""
        return Location(file=self.file, line=text.line, field=text.field), quote(para.text, token) if para else ""

    def find_text(self, token: str, section: str | None = None) -> Text | None:
        """The text value holding token: in the section's answers first, then anywhere."""
        candidates = [t for t in self.texts if token in t.text]
        if section:  # known section: its own values only (a short token is found anywhere)
            inside = [t for t in candidates if t.field.startswith(f"answers.{section}.")]
            return inside[0] if inside else None
        return candidates[0] if candidates else None

    def section_text(self, section: str) -> Text | None:
        return next((t for t in self.texts if t.field == f"answers.{section}"), None)

    def at(self, field_path: str) -> Location:
        """The location of a field of the answers file by its dotted path."""
        text = next((t for t in self.texts if t.field == field_path), None)
        if text is None:
            text = next((t for t in self.texts if t.field.startswith(field_path + ".")), None)
        line = text.line if text else None
        if text is None and self.answers is not None:
            line = _line_of(self.answers.document.data if self.answers.document else None, field_path)
        return Location(file=self.file, line=line, field=field_path)


def quote(text: str, token: str = "", width: int = 14) -> str:
    """A short quote around token (or the paragraph's start)."""
    text = text.replace("\n", " ")
    at = text.find(token) if token else -1
    if at < 0:
        return text[:width * 2] + ("……" if len(text) > width * 2 else "")
    start = max(0, at - width)
    end = min(len(text), at + len(token) + width)
    return ("……" if start else "") + text[start:end] + ("……" if end < len(text) else "")


# ---------------------------------------------------------------- answers files


def from_answers(path: Path, ontology, answers=None) -> View:
    from drafter import answers as answers_mod
    from drafter.compose import compose

    answers = answers or answers_mod.load(path, ontology)
    composition = compose(answers, ontology)
    document = composition.document
    view = View(file=str(path), kind="answers", year=answers.meta.year, issuer=answers.meta.issuer,
                answers=answers, ontology=ontology, date=answers.meta.date, addressee=document.addressee)
    view.texts = list(_texts(answers.document.data if answers.document else {}))
    view.paragraphs.append(Para(document.title, TITLE))
    if document.addressee:
        view.paragraphs.append(Para(document.addressee, ADDRESSEE))
    for block in document.blocks:
        view.paragraphs += _paras_of_block(block)
    if document.signature:
        view.paragraphs.append(Para(document.signature, SIGNATURE))
    if document.date:
        view.paragraphs.append(Para(document.date, DATE))
        view.date_text = document.date
    return view


def _paras_of_block(block) -> list[Para]:
    """A composed block as check's paragraphs, each with the section that wrote it (the
    block's origin, set by compose: no guessing from the text)."""
    from drafter.model import Heading, Paragraph, Table

    def owner(origin) -> str | None:
        return origin.section if origin is not None else None

    if isinstance(block, Heading):
        head = Para(f"{block.number}{block.text}", HEADING, level=block.level, section=owner(block.origin))
        if block.body:
            return [head, Para(block.body, BODY, section=owner(block.body_origin))]
        return [head]
    if isinstance(block, Paragraph):
        return [Para(block.text, BODY, section=owner(block.origin))]
    if isinstance(block, Table):
        rows = [block.header, *block.rows]
        return [Para("\n".join("\t".join(r) for r in rows), TABLE)]
    return []


def _texts(data: Any, path: str = ""):
    """Every string value of the answers file with its line, skipping last year's values,
    the numbers' sources (not the report's words) and the wizard's bookkeeping."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("previous_year", "wizard", "layout") or (key == "sources" and path.count(".") == 1):
                continue
            sub = f"{path}.{key}" if path else str(key)
            line = _child_line(data, key)
            if isinstance(value, (dict, list)):
                if value or sub.count(".") == 1:
                    yield Text(sub, line, "")  # the key itself, for locating a section or a list
                yield from _texts(value, sub)
            elif value is not None:
                yield Text(sub, line, str(value))
    elif isinstance(data, list):
        for n, value in enumerate(data):
            sub = f"{path}[{n}]"
            line = _child_line(data, n)
            if isinstance(value, (dict, list)):
                yield from _texts(value, sub)
            elif value is not None:
                yield Text(sub, line, str(value))


def _child_line(node: Any, key: Any) -> int | None:
    lc = getattr(node, "lc", None)
    if lc is None:
        return None
    try:
        if isinstance(node, list):
            return lc.item(key)[0] + 1
        return lc.key(key)[0] + 1
    except (KeyError, IndexError, TypeError):
        return None


def _line_of(data: Any, field_path: str) -> int | None:
    node, line = data, None
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", field_path):
        key: Any = int(part[1:-1]) if part.startswith("[") else part
        if (isinstance(node, dict) and key in node) or (isinstance(node, list) and isinstance(key, int) and key < len(node)):
            line = _child_line(node, key) or line
            node = node[key]
        else:
            break
    return line


# ---------------------------------------------------------------- report files

_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
# the frame's roles (drafter.structure) as paragraph kinds
_KINDS = {"furniture": HEADER, "header": HEADER, "byline": HEADER, "addressee": ADDRESSEE,
          "note": ATTACHMENT, "signature": SIGNATURE, "date": DATE, "attachment": ATTACHMENT}


def from_source(source, ontology) -> View:
    """The report's frame as `drafter import` reads it (drafter.structure), its body lines with
    the importer's headings and levels."""
    from drafter import structure

    frame = structure.read(source, structure.rules_for(getattr(ontology, "root", None)))
    view = View(file=str(source.path), kind="report", year=None, issuer=None, ontology=ontology)
    if frame.date_from == "网页栏目":  # 成文日期 from the web page's furniture: no line of the body
        view.paragraphs.append(Para(frame.date_text or "", DATE))
    lines = iter(frame.lines())
    for role, block in frame.roles():
        if role == "title":
            if not any(p.kind == TITLE for p in view.paragraphs):  # a title over several lines: once, whole
                view.paragraphs.append(Para(frame.title or block.text, TITLE, index=block.index))
        elif role == "body":
            origin = source.origin(block)  # a drafter .docx says which section wrote it
            view.paragraphs += _body_paras(next(lines), origin.section if origin else None)
        elif block.is_table:
            view.paragraphs.append(Para(block.text, TABLE, index=block.index))
        else:
            view.paragraphs.append(Para(block.text, _KINDS[role], index=block.index))
    view.addressee = frame.addressee
    title = frame.title or ""
    years = [int(y) for p in view.paragraphs for y in _YEAR.findall(p.text)]
    found = _YEAR.search(title)
    view.year = int(found.group(1)) if found else (max(set(years), key=years.count) if years else None)
    view.issuer = _issuer(title, frame.signature, [p.text for p in view.paragraphs if p.kind == BODY])
    view.date, view.date_text = frame.date, frame.date_text
    return view


def _body_paras(line, section: str | None = None) -> list[Para]:
    """A body line: a table, a paragraph, a heading, or a run-in heading and its text; with
    the section that wrote it when the document says so (drafter's bookmarks)."""
    block = line.block
    if block.is_table:
        return [Para(block.text, TABLE, index=block.index)]
    if not line.is_heading:
        return [Para(line.text, BODY, index=block.index, section=section)]
    if line.body and line.text.endswith(line.body):  # （一）标题。正文…… → the heading and its text
        head = line.text[: len(line.text) - len(line.body)].strip()
        return [Para(head, HEADING, level=line.level, index=block.index, section=section),
                Para(line.body, BODY, index=block.index, section=section)]
    return [Para(line.text, HEADING, level=line.level, index=block.index, section=section)]


_BUREAU = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:应急管理局|应急管理厅|应急局)")


def _issuer(title: str, signature: str | None, body: list[str]) -> str | None:
    """The issuing body: the 落款, else the title's bureau, else the bureau the body names most."""
    if signature and re.search(r"(局|委员会|办公室|厅)$", signature.strip()):
        return signature.strip()
    found = _BUREAU.search(title)
    if found:
        return found.group(0)
    named = Counter(m.group(0) for text in body for m in _BUREAU.finditer(text) if not re.search(r"[，,。的]", m.group(0)))
    return named.most_common(1)[0][0] if named else None


def from_path(path: Path, ontology) -> View:
    """An answers file (.yaml/.yml) or any report file the readers know."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return from_answers(path, ontology)
    from drafter.readers import read, require_text

    return from_source(require_text(read(path)), ontology)
