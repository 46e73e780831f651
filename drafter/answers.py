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

import datetime as _dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter import punctuation, yamlio
from drafter.errors import DrafterError, Location
from drafter.fields import FieldSpec, FieldValueError, check_date, check_flag, check_scalar, check_text, check_year, describe, is_empty
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
    id: str
    heading: str | None = None
    run_in: bool | None = None


@dataclass
class Group:
    """Several sections (or groups) under one heading: set out as 一是……二是…… (Kunshan
    （八）), or with their own headings one level down (Liaoyang （一） → 1. → （1））."""

    heading: str
    members: list["SectionRef | Group"]
    style: str = "enumerate_inline"
    run_in: bool | None = None

    def section_refs(self) -> list[SectionRef]:
        return _flatten(self.members)


@dataclass
class Part:
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
    kind: str  # one of ATTACHMENT_KINDS
    title: str | None = None


@dataclass
class Outline:
    parts: list[Part]
    numbering: str = "restart"
    run_in: bool = False
    attachments: list[AttachmentRef] = field(default_factory=list)

    def section_ids(self) -> list[str]:
        return [ref.id for part in self.parts for ref in part.section_refs()]


@dataclass
class Answers:
    path: Path
    meta: ReportMeta
    outline: Outline
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    previous: dict[str, dict[str, Any]] = field(default_factory=dict)
    document: yamlio.Document | None = None


class _Reader:
    """Walks a loaded YAML tree and turns the first bad value into a located error."""

    def __init__(self, path: Path):
        self.path = path

    def error(self, message: str, node: Any, key: Any = None, field_path: str = "", at_key: bool = False) -> DrafterError:
        line = column = None
        lc = getattr(node, "lc", None)
        if lc is not None:
            try:
                if key is None:
                    line, column = lc.line, lc.col
                elif isinstance(key, int) and isinstance(node, list):
                    line, column = lc.item(key)
                elif at_key:
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
            return {}
        if not isinstance(node, dict):
            raise self.error(f"应为键值表（“键: 值”），实际是{describe(node)}", parent, key, field_path)
        return node

    def unknown_keys(self, node: dict, allowed: tuple[str, ...] | list[str], field_path: str, what: str) -> None:
        for key in node:
            if key not in allowed:
                guess = difflib.get_close_matches(str(key), [str(a) for a in allowed], n=1, cutoff=0.5)
                hint = f"，是不是“{guess[0]}”？" if guess else f"；可用的有：{'、'.join(allowed)}"
                raise self.error(f"未知的{what}“{key}”{hint}", node, key, f"{field_path}.{key}", at_key=True)


def _suggest(name: str, choices: list[str]) -> str:
    guess = difflib.get_close_matches(name, choices, n=1, cutoff=0.5)
    return f"，是不是“{guess[0]}”？" if guess else "；运行 drafter sections 查看全部章节"


def check_field_value(value: Any, spec: FieldSpec, reader: _Reader, node: Any, key: Any, field_path: str) -> Any:
    """Check one answer; records recurse into their sub-fields."""
    if is_empty(value):
        return None
    if spec.type != "records":
        try:
            return check_scalar(value, spec)
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


def _section_values(raw: dict, section: Section, reader: _Reader, field_path: str, allow_previous: bool) -> tuple[dict, dict]:
    allowed = [f.id for f in section.fields] + ([PREVIOUS_YEAR] if allow_previous else [])
    reader.unknown_keys(raw, allowed, field_path, "字段")
    values = {}
    for spec in section.fields:
        values[spec.id] = check_field_value(raw.get(spec.id), spec, reader, raw, spec.id, f"{field_path}.{spec.id}")
    previous: dict = {}
    if allow_previous and PREVIOUS_YEAR in raw:
        prev_raw = reader.mapping(raw[PREVIOUS_YEAR], raw, PREVIOUS_YEAR, f"{field_path}.{PREVIOUS_YEAR}")
        previous, _ = _section_values(prev_raw, section, reader, f"{field_path}.{PREVIOUS_YEAR}", allow_previous=False)
    return values, previous


def _text(raw: dict, key: str, reader: _Reader, field_path: str, required: bool = False) -> str | None:
    value = raw.get(key)
    if is_empty(value):
        if required:
            raise reader.error(f"缺少必填项“{key}”", raw, None, f"{field_path}.{key}")
        return None
    try:
        return check_text(value, multiline=False).strip()
    except FieldValueError as exc:
        raise reader.error(str(exc), raw, key, f"{field_path}.{key}") from None


def _meta(raw: dict, reader: _Reader) -> ReportMeta:
    reader.unknown_keys(raw, REPORT_KEYS, "report", "报告信息项")
    issuer = _text(raw, "issuer", reader, "report", required=True)
    if raw.get("year") is None:
        raise reader.error("缺少必填项“year”（报告年度）", raw, None, "report.year")
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
    header, header_mark = False, None
    if isinstance(raw.get("header"), str) and raw["header"] not in ("是", "否"):
        header, header_mark = True, _text(raw, "header", reader, "report")
    elif raw.get("header") is not None:
        try:
            header = check_flag(raw["header"], None)  # type: ignore[arg-type]
        except FieldValueError as exc:
            raise reader.error(f"header 应为 true / false，或发文机关标志的文字；{exc}", raw, "header", "report.header") from None
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
    if not isinstance(raw[key], bool):
        raise reader.error(f"应为 true 或 false，实际是{describe(raw[key])}", raw, key, f"{field_path}.{key}")
    return raw[key]


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
        refs_raw = part_raw.get("sections")
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
    if ref.id not in ontology.sections:
        raise reader.error(f"没有 id 为“{ref.id}”的章节{_suggest(ref.id, list(ontology.sections))}", node, key, where)
    if ref.id in seen:
        raise reader.error(f"章节“{ref.id}”在提纲中出现了两次", node, key, where)
    seen.add(ref.id)
    return ref


def _entry(raw, parent, index, where, ontology: Ontology, reader: _Reader, seen: set[str]) -> SectionRef | Group:
    if isinstance(raw, dict) and "group" in raw:
        return _group(raw, where, ontology, reader, seen)
    return _section_ref(raw, parent, index, where, ontology, reader, seen)


def _group(raw: dict, where, ontology: Ontology, reader: _Reader, seen: set[str]) -> Group:
    reader.unknown_keys(raw, GROUP_KEYS, where, "章节组设置项")
    heading = _text(raw, "heading", reader, where, required=True)
    members_raw = raw.get("group")
    if not isinstance(members_raw, list) or not members_raw:
        raise reader.error("group 应为章节 id（或章节组）的列表", raw, "group", f"{where}.group")
    members = [
        _entry(m, members_raw, k, f"{where}.group[{k + 1}]", ontology, reader, seen)
        for k, m in enumerate(members_raw)
    ]
    style = _style(raw, reader, where, "enumerate_inline")
    return Group(heading=heading or "", members=members, style=style, run_in=_bool(raw, "run_in", reader, where))


def from_document(doc: yamlio.Document, ontology: Ontology) -> Answers:
    reader = _Reader(doc.path)
    root = doc.data
    if root is None:
        raise DrafterError("文件是空的", Location(file=str(doc.path)))
    if not isinstance(root, dict):
        raise reader.error(f"文件顶层应为键值表（report、outline、answers），实际是{describe(root)}", root, None, "")
    reader.unknown_keys(root, TOP_KEYS, "", "顶层键")
    for key in ("report", "outline"):
        if key not in root:
            raise reader.error(f"缺少“{key}:”部分", root, None, key)
    meta = _meta(reader.mapping(root["report"], root, "report", "report"), reader)
    outline = _outline(reader.mapping(root["outline"], root, "outline", "outline"), ontology, reader)
    answers_raw = reader.mapping(root.get("answers"), root, "answers", "answers")
    values: dict[str, dict] = {}
    previous: dict[str, dict] = {}
    known = list(ontology.sections)
    for sid, raw in answers_raw.items():
        section = ontology.section(str(sid))
        if section is None:
            raise reader.error(f"没有 id 为“{sid}”的章节{_suggest(str(sid), known)}", answers_raw, sid, f"answers.{sid}", at_key=True)
        raw = reader.mapping(raw, answers_raw, sid, f"answers.{sid}")
        values[section.id], previous[section.id] = _section_values(raw, section, reader, f"answers.{sid}", allow_previous=True)
    return Answers(path=doc.path, meta=meta, outline=outline, values=values, previous=previous, document=doc)


def load(path: Path, ontology: Ontology) -> Answers:
    return from_document(yamlio.load(Path(path)), ontology)
