"""The answers file: one YAML file per report, read with ruamel.yaml round-trip.

Layout of the file:

    report:   metadata (issuing body, year, addressee, 文号, signature, date, title)
    outline:  which sections, in which parts, under which level-one headings
    answers:  per section id, the values of its fields, and optionally
              previous_year: the same fields' values for the year before

Reading checks every value against the ontology and reports the first problem with the
file, line, column and field path, in Chinese.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter import outline_data, owntext, punctuation, sources, types, yamlio
from drafter.errors import DrafterError, Location, closest
from drafter.fields import (
    FieldSpec,
    FieldValueError,
    check_date,
    check_flag,
    check_text,
    check_year,
    describe,
    is_empty,
)
from drafter.ontology import Ontology, Section

PREVIOUS_YEAR = "previous_year"
TOP_KEYS = ("report", "outline", "answers", "wizard", "layout")  # wizard: its progress; layout: drafter.layout
REPORT_KEYS = ("issuer", "region", "year", "title", "addressee", "doc_number", "signature", "date", "header", "seal")
OUTLINE_KEYS = ("numbering", "run_in", "parts", "attachments")
ATTACHMENT_KINDS = {"statistics": "主要数据统计表"}
PART_KEYS = ("heading", "sections", "style")
SECTION_REF_KEYS = ("id", "heading", "run_in")
GROUP_KEYS = ("heading", "group", "style", "run_in")
NUMBERING = ("continuous", "restart")
# How the sections of a part (or a group) are set out:
#   headings          each section under its own numbered heading （一）……
#   plain             the sections' text follows with no heading of their own
#   enumerate         each section a paragraph that opens 一是<heading>。……
#   enumerate_inline  all sections in one paragraph: 一是……二是……
STYLES = ("headings", "plain", "enumerate", "enumerate_inline")
STYLE_NAMES = "headings（各节加小标题）、plain（不加小标题）、enumerate（一是……分段）、enumerate_inline（一是……二是……连排）"
DOC_NUMBER = re.compile(r"^\S+〔(\d{4})〕([1-9]\d*)号$")


@dataclass
class ReportMeta:
    """The report block: who issues the report, for which year, titled and signed how."""

    issuer: str
    year: int
    region: str | None = None
    title: str | None = None
    addressee: str | None = None
    doc_number: str | None = None
    signature: str | None = None
    date: _dt.date | None = None
    header: bool = False
    header_mark: str | None = None  # 发文机关标志, default “<issuer>文件”
    seal: bool = False  # signed with a seal: the date 右空四字, the name centred above it

    @property
    def display_title(self) -> str:
        return self.title or f"{self.issuer}{self.year}年法治政府建设年度报告"

    @property
    def signer(self) -> str:
        return self.signature or self.issuer


@dataclass
class SectionRef:
    """A section named in the outline, with the heading and run-in choice the user gave it."""

    id: str
    heading: str | None = None
    run_in: bool | None = None


@dataclass
class Group:
    """Several sections (or groups) under one heading: set out as 一是……二是…… (Kunshan
    （八）), or with their own headings one level down (Liaoyang （一） → 1. → （1））."""

    heading: str
    members: list[SectionRef | Group]
    style: str = "enumerate_inline"
    run_in: bool | None = None

    def section_refs(self) -> list[SectionRef]:
        return _flatten(self.members)


@dataclass
class Part:
    """A top-level part of the outline (一、…) and the sections or groups under it."""

    heading: str | None
    sections: list[SectionRef | Group]
    style: str = "headings"

    def section_refs(self) -> list[SectionRef]:
        return _flatten(self.sections)


def _flatten(entries: list[SectionRef | Group]) -> list[SectionRef]:
    refs: list[SectionRef] = []
    for entry in entries:
        refs.extend(entry.section_refs() if isinstance(entry, Group) else [entry])
    return refs


@dataclass
class AttachmentRef:
    """An attachment named in the outline (e.g. the statistics table)."""

    kind: str  # one of ATTACHMENT_KINDS
    title: str | None = None


@dataclass
class Outline:
    """The report's shape: parts, heading numbering and run-in headings, attachments."""

    parts: list[Part]
    numbering: str = "restart"
    run_in: bool = False
    attachments: list[AttachmentRef] = field(default_factory=list)

    def section_ids(self) -> list[str]:
        return [ref.id for part in self.parts for ref in part.section_refs()]


OWN_PREFIX = "own_"  # a section of the bureau's own, with no home in the ontology: text and facts only


def own_section(sid: str, heading: str | None) -> Section:
    return Section(id=sid, area="own", heading=heading or sid.removeprefix(OWN_PREFIX), summary="本局自有的一节",
                   serves=["measures"], template="")


@dataclass
class Answers:
    """A validated answers file: metadata, outline, this year's and last year's values."""

    path: Path
    meta: ReportMeta
    outline: Outline
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    previous: dict[str, dict[str, Any]] = field(default_factory=dict)
    document: yamlio.Document | None = None
    texts: dict[str, str] = field(default_factory=dict)  # section id -> the bureau's own text
    facts: dict[str, dict] = field(default_factory=dict)  # section id -> own facts (name -> OwnFact)
    previous_facts: dict[str, dict] = field(default_factory=dict)
    own_sections: dict[str, Section] = field(default_factory=dict)  # own_… ids of the outline
    # section id -> number's name -> where this year's value came from (drafter.sources); a
    # value written `=` in the file has 沿用上年 unless the file says more
    sources: dict[str, dict[str, str]] = field(default_factory=dict)

    def section(self, sid: str, ontology: Ontology) -> Section:
        """The ontology's section, or one of the report's own sections."""
        return ontology.sections.get(sid) or self.own_sections.get(sid) or own_section(sid, None)

    def has_content(self, sid: str) -> bool:
        return sid in self.texts or any(not is_empty(v) for v in (self.values.get(sid) or {}).values())


class _Reader:
    """Walks a loaded YAML tree and turns the first bad value into a located error."""

    def __init__(self, path: Path, text: str | None = None):
        self.path = path
        self.text = text  # the file's text, to place errors inside a block of text

    def error(self, message: str, node: Any, key: Any = None, field_path: str = "", at_key: bool = False) -> DrafterError:
        line = column = None
        lc = getattr(node, "lc", None)
        if lc is not None:
            try:
                if key is None:
                    line, column = lc.line, lc.col
                elif isinstance(key, int) and isinstance(node, list):
                    line, column = lc.item(key)
                elif at_key or (isinstance(node, dict) and is_empty(node.get(key))):
                    # an empty value has no place of its own: ruamel points past it
                    line, column = lc.key(key)
                else:
                    line, column = lc.value(key)
            except (KeyError, IndexError, TypeError):
                line, column = lc.line, lc.col
        return DrafterError(
            message,
            Location(
                file=str(self.path),
                line=line + 1 if line is not None else None,
                column=column + 1 if column is not None else None,
                field=field_path or None,
            ),
        )

    def mapping(self, node: Any, parent: Any, key: Any, field_path: str) -> dict:
        if node is None:
            return self._empty_at(parent, key)
        if not isinstance(node, dict):
            raise self.error(f"应为键值表（“键: 值”），实际是{describe(node)}", parent, key, field_path)
        return node

    @staticmethod
    def _empty_at(parent: Any, key: Any) -> dict:
        """An empty mapping for `key:` left empty, placed at that key, so that an error about
        what it lacks (“缺少必填项 issuer”) names the line of `report:`."""
        from ruamel.yaml.comments import CommentedMap

        lc = getattr(parent, "lc", None)
        if lc is None:
            return {}
        empty = CommentedMap()
        try:
            line, column = lc.item(key) if isinstance(parent, list) else lc.key(key)
        except (KeyError, IndexError, TypeError):
            line, column = lc.line, lc.col
        empty.lc.line, empty.lc.col = line, column
        return empty

    def unknown_keys(self, node: dict, allowed: tuple[str, ...] | list[str], field_path: str, what: str) -> None:
        for key in node:
            if key not in allowed:
                guess = closest(str(key), [str(a) for a in allowed])
                hint = f"，是不是“{guess}”？" if guess else f"；可用的有：{'、'.join(allowed)}"
                raise self.error(f"未知的{what}“{key}”{hint}", node, key, f"{field_path}.{key}", at_key=True)


def _suggest(name: str, choices: list[str]) -> str:
    guess = closest(name, choices)
    return f"，是不是“{guess}”？" if guess else "；运行 drafter sections 查看全部章节"


def check_field_value(value: Any, spec: FieldSpec, reader: _Reader, node: Any, key: Any, field_path: str) -> Any:
    """Check one answer; records recurse into their sub-fields."""
    if is_empty(value):
        return None
    if spec.type != "records":
        try:
            return types.check(value, spec)
        except FieldValueError as exc:
            raise reader.error(f"{spec.prompt}：{exc}", node, key, field_path) from None
    if not isinstance(value, list):
        raise reader.error(f"{spec.prompt}：应为列表（每项以“- ”开头），实际是{describe(value)}", node, key, field_path)
    records = []
    for i, item in enumerate(value):
        item_path = f"{field_path}[{i + 1}]"
        item = reader.mapping(item, value, i, item_path)
        reader.unknown_keys(item, [f.id for f in spec.fields], item_path, "子字段")
        record = {}
        for sub in spec.fields:
            record[sub.id] = check_field_value(item.get(sub.id), sub, reader, item, sub.id, f"{item_path}.{sub.id}")
        records.append(record)
    return records


@dataclass
class _SectionAnswers:
    """One section's validated values, last year's values and own text."""

    values: dict
    previous: dict
    text: str | None = None
    facts: dict = field(default_factory=dict)  # name -> OwnFact
    previous_facts: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)  # name -> where this year's value came from


def _section_values(raw: dict, section: Section, reader: _Reader, field_path: str,
                    allow_previous: bool) -> _SectionAnswers:
    allowed = [f.id for f in section.fields] + [owntext.TEXT, owntext.FACTS] + (
        [sources.SOURCES, PREVIOUS_YEAR] if allow_previous else [])
    reader.unknown_keys(raw, allowed, field_path, "字段")
    previous = None
    if allow_previous and PREVIOUS_YEAR in raw:
        prev_raw = reader.mapping(raw[PREVIOUS_YEAR], raw, PREVIOUS_YEAR, f"{field_path}.{PREVIOUS_YEAR}")
        previous = _section_values(prev_raw, section, reader, f"{field_path}.{PREVIOUS_YEAR}", allow_previous=False)
    values = {}
    said = _sources(raw, section, reader, field_path) if allow_previous else {}
    for spec in section.fields:
        value = raw.get(spec.id)
        where = f"{field_path}.{spec.id}"
        if owntext.same_as_last_year(value):
            said.setdefault(spec.id, sources.SAME)
            value = (previous.values if previous else {}).get(spec.id)
            if is_empty(value):
                raise reader.error(f"{spec.prompt}：写了 = （沿用上年），但 previous_year 中没有上年的数值", raw, spec.id, where)
        values[spec.id] = check_field_value(value, spec, reader, raw, spec.id, where)
    own_facts = _own_facts(raw, reader, field_path, previous.facts if previous else {})
    if allow_previous:
        _check_source_names(raw, said, section, own_facts, reader, field_path)
        facts_raw = raw.get(owntext.FACTS)
        for name, value in (facts_raw.items() if isinstance(facts_raw, dict) else ()):
            if sources.is_same(value):
                said.setdefault(str(name), sources.SAME)
    text = None
    if not is_empty(raw.get(owntext.TEXT)):
        try:
            text = check_text(raw[owntext.TEXT], multiline=True)
        except FieldValueError as exc:
            raise reader.error(f"本节正文：{exc}", raw, owntext.TEXT, f"{field_path}.{owntext.TEXT}") from None
        _check_slots(text, section, own_facts, reader, raw, f"{field_path}.{owntext.TEXT}")
    return _SectionAnswers(values, previous.values if previous else {}, text, own_facts,
                           previous.facts if previous else {}, said)


def _sources(raw: dict, section: Section, reader: _Reader, field_path: str) -> dict[str, str]:
    """A section's `sources:`: number's name → one line saying where its value came from."""
    where = f"{field_path}.{sources.SOURCES}"
    found = reader.mapping(raw.get(sources.SOURCES), raw, sources.SOURCES, where)
    out = {}
    for name, text in found.items():
        if is_empty(text):
            continue
        try:
            out[str(name)] = check_text(text, multiline=False).strip()
        except FieldValueError as exc:
            raise reader.error(f"数字“{name}”的来源：{exc}", found, name, f"{where}.{name}") from None
    return out


def _check_source_names(raw: dict, said: dict, section: Section, own_facts: dict, reader: _Reader,
                        field_path: str) -> None:
    """Every name under `sources:` is a field of the section or one of its own facts."""
    found = raw.get(sources.SOURCES)
    if not isinstance(found, dict):
        return
    names = [f.id for f in section.fields] + list(own_facts)
    for name in found:
        if str(name) in names:
            continue
        guess = closest(str(name), names, cutoff=0.4)
        hint = f"是不是“{guess}”？" if guess else "请写本节的字段 id 或 facts 中的名称"
        raise reader.error(f"来源 sources 中的“{name}”既不是本节的字段，也不是 facts 中的事实；{hint}",
                           found, name, f"{field_path}.{sources.SOURCES}.{name}", at_key=True)


def _own_facts(raw: dict, reader: _Reader, field_path: str, previous: dict) -> dict:
    facts_raw = reader.mapping(raw.get(owntext.FACTS), raw, owntext.FACTS, f"{field_path}.{owntext.FACTS}")
    out = {}
    for name, value in facts_raw.items():
        try:
            out[str(name)] = owntext.parse_fact(str(name), value, previous.get(str(name)))
        except FieldValueError as exc:
            raise reader.error(f"事实“{name}”：{exc}", facts_raw, name, f"{field_path}.{owntext.FACTS}.{name}") from None
    return out


def _check_slots(text: str, section: Section, own_facts: dict, reader: _Reader, raw: dict, field_path: str) -> None:
    fields = {f.id: f for f in section.fields}
    try:
        pieces = owntext.pieces(text)
    except owntext.SlotError as exc:
        raise _text_error(reader, raw, text, exc.offset, str(exc), field_path) from None
    for piece, name in ((p, n) for p in pieces if isinstance(p, owntext.Slot) for n in p.names):
        if owntext.resolve(name, fields, own_facts) is None:
            piece = dataclasses.replace(piece, name=name)
            names = [f.id for f in section.fields if not types.of(f).listed] + list(own_facts)
            if piece.name in fields:
                message = f"空位 {{{piece.name}}}：“{fields[piece.name].prompt}”是列表，不能放进空位"
            else:
                guess = closest(piece.name, names, cutoff=0.4)
                hint = f"是不是“{guess}”？" if guess else "请在本节的 facts: 中写明它的数值和单位（如 听证会: 24场）"
                message = f"空位 {{{piece.name}}} 既不是本节的字段，也不是 facts 中的事实；{hint}"
            raise _text_error(reader, raw, text, piece.start, message, field_path)


def _text_error(reader: _Reader, raw: dict, text: str, offset: int, message: str, field_path: str) -> DrafterError:
    """An error at a place inside a section's own text: its line and column in the file."""
    error = reader.error(message, raw, owntext.TEXT, field_path)
    value = raw.get(owntext.TEXT)
    line_in_text = text.count("\n", 0, offset)
    column_in_line = offset - (text.rfind("\n", 0, offset) + 1)
    loc = error.location
    if loc.line is not None:
        if type(value).__name__ in ("LiteralScalarString", "FoldedScalarString"):  # a | or > block
            lines = (reader.text or "").splitlines()
            first = lines[loc.line] if loc.line < len(lines) else ""
            indent = len(first) - len(first.lstrip(" "))
            loc.line, loc.column = loc.line + 1 + line_in_text, indent + column_in_line + 1
        elif line_in_text == 0:
            quoted = 1 if type(value).__name__ in ("DoubleQuotedScalarString", "SingleQuotedScalarString") else 0
            loc.column = (loc.column or 1) + quoted + column_in_line
    return error


def _text(raw: dict, key: str, reader: _Reader, field_path: str, required: bool = False) -> str | None:
    value = raw.get(key)
    if is_empty(value):
        if required:
            raise reader.error(f"缺少必填项“{key}”", raw, key if key in raw else None, f"{field_path}.{key}")
        return None
    try:
        return check_text(value, multiline=False).strip()
    except FieldValueError as exc:
        raise reader.error(str(exc), raw, key, f"{field_path}.{key}") from None


def _meta(raw: dict, reader: _Reader) -> ReportMeta:
    reader.unknown_keys(raw, REPORT_KEYS, "report", "报告信息项")
    issuer = _text(raw, "issuer", reader, "report", required=True)
    if raw.get("year") is None:
        raise reader.error("缺少必填项“year”（报告年度）", raw, "year" if "year" in raw else None, "report.year")
    try:
        year = check_year(raw["year"], None)  # type: ignore[arg-type]
    except FieldValueError as exc:
        raise reader.error(str(exc), raw, "year", "report.year") from None
    date = None
    if not is_empty(raw.get("date")):
        try:
            date = check_date(raw["date"], None)  # type: ignore[arg-type]
        except FieldValueError as exc:
            raise reader.error(str(exc), raw, "date", "report.date") from None
    doc_number = _text(raw, "doc_number", reader, "report")
    if doc_number:
        doc_number = punctuation.doc_number(doc_number)  # [2021] / （2021） → 〔2021〕
    if doc_number and not DOC_NUMBER.match(doc_number):
        raise reader.error(
            f"发文字号格式应为“机关代字〔年份〕序号号”，如 启应急〔2021〕75号（六角括号，序号不加“0”）；实际是“{doc_number}”",
            raw, "doc_number", "report.doc_number",
        )
    # a 发文字号 stands in the 版头 (GB/T 9704 7.2): given one, the 版头 is drawn unless header says 否
    header, header_mark = bool(doc_number), None
    if isinstance(raw.get("header"), str) and raw["header"] not in ("是", "否"):
        header, header_mark = True, _text(raw, "header", reader, "report")
    elif raw.get("header") is not None:
        try:
            header = check_flag(raw["header"], None)  # type: ignore[arg-type]
        except FieldValueError as exc:
            raise reader.error(f"header 应为“是”或“否”，或发文机关标志的文字；{exc}", raw, "header", "report.header") from None
    seal = False
    if raw.get("seal") is not None:
        try:
            seal = check_flag(raw["seal"], None)  # type: ignore[arg-type]
        except FieldValueError as exc:
            raise reader.error(str(exc), raw, "seal", "report.seal") from None
    return ReportMeta(
        issuer=issuer or "",
        year=year,
        region=_text(raw, "region", reader, "report"),
        title=_text(raw, "title", reader, "report"),
        addressee=_text(raw, "addressee", reader, "report"),
        doc_number=doc_number,
        signature=_text(raw, "signature", reader, "report"),
        date=date,
        header=header,
        header_mark=header_mark,
        seal=seal,
    )


def _bool(raw: dict, key: str, reader: _Reader, field_path: str) -> bool | None:
    if raw.get(key) is None:
        return None
    try:
        return check_flag(raw[key], None)  # type: ignore[arg-type]
    except FieldValueError:
        raise reader.error(f"应为“是”或“否”，实际是{describe(raw[key])}", raw, key, f"{field_path}.{key}") from None


def _outline(raw: dict, ontology: Ontology, reader: _Reader) -> Outline:
    reader.unknown_keys(raw, OUTLINE_KEYS, "outline", "提纲项")
    numbering = raw.get("numbering") or "restart"
    if numbering not in NUMBERING:
        raise reader.error(
            f"numbering 只能是 continuous（（一）（二）跨部分连续编号）或 restart（每部分重新编号），实际是“{numbering}”",
            raw, "numbering", "outline.numbering",
        )
    parts_raw = raw.get("parts")
    if not isinstance(parts_raw, list) or not parts_raw:
        raise reader.error("outline.parts 应为非空列表，列出报告的各个部分", raw, "parts" if "parts" in raw else None, "outline.parts")
    parts = []
    seen: set[str] = set()
    for i, part_raw in enumerate(parts_raw):
        where = f"outline.parts[{i + 1}]"
        part_raw = reader.mapping(part_raw, parts_raw, i, where)
        reader.unknown_keys(part_raw, PART_KEYS, where, "部分设置项")
        refs_raw = part_raw.get(outline_data.PART_MEMBERS)
        if not isinstance(refs_raw, list) or not refs_raw:
            raise reader.error("每个部分都要有 sections 列表", part_raw, None, f"{where}.sections")
        entries = [
            _entry(ref_raw, refs_raw, j, f"{where}.sections[{j + 1}]", ontology, reader, seen)
            for j, ref_raw in enumerate(refs_raw)
        ]
        parts.append(Part(
            heading=_text(part_raw, "heading", reader, where),
            sections=entries,
            style=_style(part_raw, reader, where, "headings"),
        ))
    return Outline(parts=parts, numbering=numbering, run_in=bool(_bool(raw, "run_in", reader, "outline")),
                   attachments=_attachments(raw, reader))


def _attachments(raw: dict, reader: _Reader) -> list[AttachmentRef]:
    items = raw.get("attachments")
    if items is None:
        return []
    if not isinstance(items, list):
        raise reader.error("attachments 应为列表，如 [statistics]", raw, "attachments", "outline.attachments")
    kinds = "、".join(f"{k}（{v}）" for k, v in ATTACHMENT_KINDS.items())
    out = []
    for i, item in enumerate(items):
        where = f"outline.attachments[{i + 1}]"
        if isinstance(item, str):
            ref, node, key = AttachmentRef(item), items, i
        else:
            item = reader.mapping(item, items, i, where)
            reader.unknown_keys(item, ("kind", "title"), where, "附件设置项")
            ref, node, key = AttachmentRef(str(item.get("kind")), _text(item, "title", reader, where)), item, "kind"
        if ref.kind not in ATTACHMENT_KINDS:
            raise reader.error(f"未知的附件类型“{ref.kind}”；可用：{kinds}", node, key, where)
        out.append(ref)
    return out


def _style(raw: dict, reader: _Reader, where: str, default: str) -> str:
    style = raw.get("style") or default
    if style not in STYLES:
        raise reader.error(f"style 只能是 {STYLE_NAMES}；实际是“{style}”", raw, "style", f"{where}.style")
    return style


def _section_ref(ref_raw, parent, index, where, ontology: Ontology, reader: _Reader, seen: set[str]) -> SectionRef:
    if isinstance(ref_raw, str):
        ref, node, key = SectionRef(ref_raw), parent, index
    else:
        ref_map = reader.mapping(ref_raw, parent, index, where)
        reader.unknown_keys(ref_map, SECTION_REF_KEYS, where, "章节设置项")
        if "id" not in ref_map:
            raise reader.error("章节设置缺少 id", ref_map, None, where)
        ref = SectionRef(
            str(ref_map["id"]),
            heading=_text(ref_map, "heading", reader, where),
            run_in=_bool(ref_map, "run_in", reader, where),
        )
        node, key = ref_map, "id"
    if ref.id.startswith(OWN_PREFIX) and ref.id not in ontology.sections:
        if not ref.heading:
            raise reader.error(f"本局自有的一节“{ref.id}”要写明标题：- {{id: {ref.id}, heading: 标题}}", node, key, where)
    elif ref.id not in ontology.sections:
        raise reader.error(f"没有 id 为“{ref.id}”的章节{_suggest(ref.id, list(ontology.sections))}", node, key, where)
    if ref.id in seen:
        raise reader.error(f"章节“{ref.id}”在提纲中出现了两次", node, key, where)
    seen.add(ref.id)
    return ref


def _entry(raw, parent, index, where, ontology: Ontology, reader: _Reader, seen: set[str]) -> SectionRef | Group:
    if isinstance(raw, dict) and outline_data.GROUP_MEMBERS in raw:  # the outline's shape: drafter.outline_data
        return _group(raw, where, ontology, reader, seen)
    return _section_ref(raw, parent, index, where, ontology, reader, seen)


def _group(raw: dict, where, ontology: Ontology, reader: _Reader, seen: set[str]) -> Group:
    reader.unknown_keys(raw, GROUP_KEYS, where, "章节组设置项")
    heading = _text(raw, "heading", reader, where, required=True)
    members_raw = raw.get(outline_data.GROUP_MEMBERS)
    if not isinstance(members_raw, list) or not members_raw:
        raise reader.error("group 应为章节 id（或章节组）的列表", raw, "group", f"{where}.group")
    members = [
        _entry(m, members_raw, k, f"{where}.group[{k + 1}]", ontology, reader, seen)
        for k, m in enumerate(members_raw)
    ]
    style = _style(raw, reader, where, "enumerate_inline")
    return Group(heading=heading or "", members=members, style=style, run_in=_bool(raw, "run_in", reader, where))


def _first_content_line(text: str | None) -> int | None:
    """The line of a file's first value (past comments and blank lines), 1-based."""
    if text is None:
        return None
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith(("#", "---", "%")):
            return number
    return 1


def from_document(doc: yamlio.Document, ontology: Ontology) -> Answers:
    reader = _Reader(doc.path, doc.text)
    root = doc.data
    if root is None:
        raise DrafterError("文件是空的", Location(file=str(doc.path)))
    if not isinstance(root, dict):
        raise DrafterError(f"文件顶层应为键值表（report、outline、answers），实际是{describe(root)}",
                           Location(file=str(doc.path), line=_first_content_line(doc.text), column=1))
    reader.unknown_keys(root, TOP_KEYS, "", "顶层键")
    for key in ("report", "outline"):
        if key not in root:
            raise reader.error(f"缺少“{key}:”部分", root, None, key)
    meta = _meta(reader.mapping(root["report"], root, "report", "report"), reader)
    outline = _outline(reader.mapping(root["outline"], root, "outline", "outline"), ontology, reader)
    answers_raw = reader.mapping(root.get("answers"), root, "answers", "answers")
    answers = Answers(path=doc.path, meta=meta, outline=outline, document=doc)
    answers.own_sections = {ref.id: own_section(ref.id, ref.heading) for part in outline.parts
                            for ref in part.section_refs() if ref.id.startswith(OWN_PREFIX)}
    known = list(ontology.sections)
    for sid, raw in answers_raw.items():
        section = ontology.section(str(sid))
        if section is None and str(sid).startswith(OWN_PREFIX):
            section = answers.own_sections.get(str(sid)) or own_section(str(sid), None)
        if section is None:
            raise reader.error(f"没有 id 为“{sid}”的章节{_suggest(str(sid), known)}", answers_raw, sid, f"answers.{sid}", at_key=True)
        raw = reader.mapping(raw, answers_raw, sid, f"answers.{sid}")
        got = _section_values(raw, section, reader, f"answers.{sid}", allow_previous=True)
        answers.values[section.id], answers.previous[section.id] = got.values, got.previous
        if got.text is not None:
            answers.texts[section.id] = got.text
        answers.facts[section.id], answers.previous_facts[section.id] = got.facts, got.previous_facts
        if got.sources:
            answers.sources[section.id] = got.sources
    return answers


def load(path: Path, ontology: Ontology) -> Answers:
    return from_document(yamlio.load(Path(path)), ontology)
