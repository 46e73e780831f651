"""The section ontology: which sections a report can have, and the typed facts of each.

It is data in sections/*.yaml (one file per area of work). This module only reads it and
checks that it is well formed; it knows nothing of answers, templates or Word.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter import paths, types
from drafter.errors import DrafterError, Location
from drafter.fields import COUNT_UNITS, MONEY_UNITS, FieldSpec

CONTENTS_FILE = "_contents.yaml"
CALENDAR_FILE = "_calendar.yaml"

# The parts of a report that code treats in a way of their own, each held by at most one
# section, named by `role:` in sections/*.yaml. Code asks for the role, never for an id.
ROLES = {
    "opening": "开头段：放在第一个标题之前，导入时按位置认定",
    "closing": "结尾段：正文最后的“下一步”一段，导入时按位置认定",
    "problems": "存在的不足：逐条问题，明年列入整改核对清单",
    "plans": "下一年度安排：逐条工作，明年列入落实核对清单",
    "followup": "上年度问题和安排的整改落实情况：drafter next 生成",
    "other": "其他需要报告的情况：可写明“无”",
}


@dataclass
class Section:
    """One section of the ontology: heading, role, fields and template."""

    id: str
    area: str
    heading: str
    summary: str
    serves: list[str]
    variants: list[str] = field(default_factory=list)
    samples: list[str] = field(default_factory=list)
    fields: list[FieldSpec] = field(default_factory=list)
    template: str = ""
    cues: list[str] = field(default_factory=list)  # body words by which an importer recognises the section
    role: str | None = None  # one of ROLES, for the few sections code treats in a way of their own

    def field(self, field_id: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.id == field_id), None)


@dataclass
class Area:
    """A group of sections as reports usually order them (一、二、…)."""

    id: str
    title: str
    order: int
    sections: list[Section]


@dataclass
class Ontology:
    """Every area and section, the required contents and the calendar, read from sections/."""

    areas: list[Area]
    contents: dict[str, str]  # the regulation's required contents: key -> description
    root: Path
    templates: Path  # where this ontology's section templates live
    observances: dict[str, dict] = field(default_factory=dict)  # yearly events and their first year
    calendar: dict = field(default_factory=dict)  # the whole of _calendar.yaml (periods, wording)

    @functools.cached_property
    def sections(self) -> dict[str, Section]:
        return {s.id: s for a in self.areas for s in a.sections}

    def section(self, section_id: str) -> Section | None:
        return self.sections.get(section_id)

    @functools.cached_property
    def _roles(self) -> dict[str, Section]:
        return {s.role: s for s in self.sections.values() if s.role}

    def role(self, name: str) -> Section | None:
        """The section that plays a role (ROLES), if this ontology has one."""
        if name not in ROLES:
            raise KeyError(name)  # a typo in code, not in data
        return self._roles.get(name)

    def role_id(self, name: str) -> str | None:
        section = self.role(name)
        return section.id if section else None

    def role_of(self, section_id: str) -> str | None:
        section = self.sections.get(section_id)
        return section.role if section else None


def _fail(path: Path, where: str, message: str) -> DrafterError:
    return DrafterError(message, Location(file=str(path), field=where))


def _field(raw: Any, path: Path, where: str) -> FieldSpec:
    if not isinstance(raw, dict) or "id" not in raw:
        raise _fail(path, where, "字段定义必须是含 id 的键值表")
    where = f"{where}.{raw['id']}"
    ftype = raw.get("type")
    if not isinstance(ftype, str) or ftype not in types.REGISTRY:
        raise _fail(path, where, f"未知的字段类型“{ftype}”，可用：{'、'.join(types.REGISTRY)}")
    if not raw.get("prompt"):
        raise _fail(path, where, "缺少提示语 prompt")
    unit = raw.get("unit")
    if ftype == "count" and unit not in COUNT_UNITS:
        raise _fail(path, where, f"计数字段的量词“{unit}”不在允许的量词中（见 sections/_numbers.yaml 的 measure_words）")
    if ftype == "money" and unit not in MONEY_UNITS:
        raise _fail(path, where, f"金额字段的单位只能是 {' 或 '.join(MONEY_UNITS)}（见 sections/_numbers.yaml）")
    subfields = [_field(f, path, where) for f in raw.get("fields") or []]
    if ftype == "records" and not subfields:
        raise _fail(path, where, "records 字段必须列出子字段 fields")
    options = [str(o) for o in raw.get("options") or []]
    if ftype in ("choice", "multichoice") and not options:
        raise _fail(path, where, "选择题必须列出选项 options")
    known = {"id", "type", "prompt", "help", "unit", "options", "fields", "compare", "stable", "requires", "advances", "example"}
    unknown = set(raw) - known
    if unknown:
        raise _fail(path, where, f"未知的字段属性：{'、'.join(sorted(unknown))}")
    return FieldSpec(
        id=str(raw["id"]),
        type=ftype,
        prompt=str(raw["prompt"]),
        help=str(raw.get("help") or ""),
        unit=unit,
        options=options,
        fields=subfields,
        compare=bool(raw.get("compare", False)),
        stable=bool(raw.get("stable", False)),
        requires=[str(r) for r in raw.get("requires") or []],
        advances=bool(raw.get("advances", False)),
        example=raw.get("example"),
    )


def _section(raw: Any, area: str, path: Path, contents: dict[str, str], templates: Path) -> Section:
    if not isinstance(raw, dict) or "id" not in raw:
        raise _fail(path, "sections", "每一节必须是含 id 的键值表")
    sid = str(raw["id"])
    where = f"sections.{sid}"
    for key in ("heading", "summary", "serves"):
        if not raw.get(key):
            raise _fail(path, where, f"缺少 {key}")
    serves = [str(s) for s in raw["serves"]]
    for s in serves:
        if s not in contents:
            raise _fail(path, where, f"serves 中的“{s}”不是法定内容之一：{'、'.join(contents)}")
    fields = [_field(f, path, f"{where}.fields") for f in raw.get("fields") or []]
    ids = [f.id for f in fields]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise _fail(path, where, f"字段 id 重复：{'、'.join(sorted(dupes))}")
    for f in fields:
        siblings = [s.id for s in f.fields] if f.type == "records" else ids
        for sub in [f, *f.fields]:
            scope = ids if sub is f else siblings
            for required in sub.requires:
                if required not in scope or required == sub.id:
                    raise _fail(path, f"{where}.fields.{sub.id}", f"requires 中的“{required}”不是本节的其他字段")
    cues = _cues(raw.get("cues"), path, where)
    role = raw.get("role")
    if role is not None and str(role) not in ROLES:
        raise _fail(path, f"{where}.role", f"role 只能是 {'、'.join(ROLES)} 之一，实际是“{role}”")
    template = str(raw.get("template") or f"{area}/{sid}.j2")
    if not (templates / template).is_file():
        raise _fail(path, where, f"找不到模板 templates/{template}")
    return Section(
        id=sid,
        area=area,
        heading=str(raw["heading"]),
        summary=str(raw["summary"]),
        serves=serves,
        variants=[str(v) for v in raw.get("variants") or []],
        samples=[str(v) for v in raw.get("samples") or []],
        fields=fields,
        template=template,
        cues=cues,
        role=str(role) if role is not None else None,
    )


def _cues(raw: Any, path: Path, where: str) -> list[str]:
    """cues: short words or phrases of a section's body, as a list of one-line strings."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise _fail(path, f"{where}.cues", "cues 应为词语列表（每行以“- ”开头，或写在方括号里用逗号隔开）")
    cues = []
    for n, cue in enumerate(raw, 1):
        if not isinstance(cue, (str, int)) or isinstance(cue, bool) or not str(cue).strip() or "\n" in str(cue):
            raise _fail(path, f"{where}.cues", f"cues 第 {n} 项应为一个非空的词语（一行文字）")
        cues.append(str(cue).strip())
    dupes = sorted({c for c in cues if cues.count(c) > 1})
    if dupes:
        raise _fail(path, f"{where}.cues", f"cues 中的词语重复：{'、'.join(dupes)}")
    return cues


def _read(path: Path) -> Any:
    """An area file, read as the data tables are (drafter.datafiles): safely, and a mistake
    in it is one Chinese line naming its line and column."""
    from drafter import datafiles

    return datafiles.read(path, "章节本体文件")


def load(root: Path | None = None, templates: Path | None = None) -> Ontology:
    """The ontology in root (default: sections/, or $DRAFTER_SECTIONS), cached per folder."""
    # absolute: the parsed ontology is kept on disk (keyed by absolute paths) and holds its
    # folders; a relative one would send the next run, from another folder, astray
    return _load((Path(root) if root else paths.sections_dir()).absolute(),
                 (Path(templates) if templates else paths.templates_dir()).absolute())


@functools.lru_cache(maxsize=4)
def _load(root: Path, templates: Path) -> Ontology:
    from drafter import cache

    if not root.is_dir():
        raise DrafterError("找不到章节本体目录 sections/", Location(file=str(root)))
    # Parsing and checking the YAML takes longer than the rest of a build: keep the result
    # on disk, keyed by every file it depends on (a changed or deleted file misses).
    folders = [p for p in templates.iterdir() if p.is_dir()] if templates.is_dir() else []
    key = cache.key("ontology", [*root.glob("*.yaml"), templates, *folders,
                                 Path(__file__), Path(__file__).with_name("fields.py"), Path(__file__).with_name("types.py")])
    return cache.kept(key, Ontology, lambda: _parse(root, templates))


def _parse(root: Path, templates: Path) -> Ontology:
    from drafter import datafiles

    contents_raw = datafiles.table(CONTENTS_FILE, root, builtin=False) or {}
    contents = {str(k): str(v) for k, v in (contents_raw.get("contents") or {}).items()}
    areas: list[Area] = []
    seen: dict[str, Path] = {}
    roles: dict[str, str] = {}
    for path in sorted(root.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        raw = _read(path) or {}
        area_id = str(raw.get("area") or path.stem)
        sections = [_section(s, area_id, path, contents, templates) for s in raw.get("sections") or []]
        for s in sections:
            if s.id in seen:
                raise _fail(path, f"sections.{s.id}", f"章节 id 与 {seen[s.id].name} 中的重复")
            seen[s.id] = path
            if s.role and s.role in roles:
                raise _fail(path, f"sections.{s.id}.role", f"role “{s.role}”已由 {roles[s.role]} 一节担任，每个 role 只能有一节")
            if s.role:
                roles[s.role] = s.id
        areas.append(Area(area_id, str(raw.get("title") or area_id), int(raw.get("order") or 100), sections))
    areas.sort(key=lambda a: (a.order, a.id))
    calendar = datafiles.table(CALENDAR_FILE, root, builtin=False, missing={})
    observances = {str(k): dict(v) for k, v in ((calendar or {}).get("observances") or {}).items()}
    for key, event in observances.items():
        if not isinstance(event.get("first_year"), int):
            raise _fail(root / CALENDAR_FILE, f"observances.{key}", "first_year 应为首次举办的年份（整数）")
    return Ontology(areas=areas, contents=contents, root=root, templates=templates, observances=observances,
                    calendar=dict(calendar or {}))
