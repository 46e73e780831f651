"""A JSON Schema of the answers file, generated from the ontology.

With `# yaml-language-server: $schema=<path>` on the first line of an answers file, VS Code
(and any editor with the YAML language server) completes section and field ids, shows each
field's Chinese prompt and help on hover, and marks a wrong value as it is typed.

The schema says what the reader in drafter/answers.py says, as far as a schema can. What it
cannot say (drafter still checks it when it reads the file):
- own text: whether a slot {名称} names a field or a fact of its section;
- `=` (same as last year) needs last year's value in previous_year;
- amounts above a trillion written as text (20000亿), money with more than four decimals;
- 29 February of a year that is not a leap year;
- a year or a serial number written with a decimal point (2024.0): JSON has one kind of number;
- a section listed twice in the outline; the form of 发文字号 beyond “…〔年份〕序号号”;
- whether an own fact written as text (24场, 3万余人次, 二十四场) is exactly one number as the
  number detector reads it: the schema checks a number, a placeholder or Chinese numerals
  followed by a known unit.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from drafter import facts as facts_mod
from drafter import owntext, paths, sources, types
from drafter.answers import (
    ATTACHMENT_KINDS,
    GROUP_KEYS,
    NUMBERING,
    OUTLINE_KEYS,
    OWN_PREFIX,
    PART_KEYS,
    PREVIOUS_YEAR,
    REPORT_KEYS,
    SECTION_REF_KEYS,
    STYLES,
)
from drafter.fields import FieldSpec
from drafter.ontology import Ontology, Section

DRAFT = "http://json-schema.org/draft-07/schema#"
FILE_NAME = "drafter.schema.json"
MODELINE = "# yaml-language-server: $schema="
TITLE = "drafter 答案文件（法治政府建设年度报告）"

_DIGIT = types.JSON_DIGIT  # a value's own patterns are its type's (drafter.types)
_PLACEHOLDER = types.JSON_PLACEHOLDER
_SAME = "^\\s*=\\s*$"
STYLE_TEXT = {"headings": "各节加小标题（一）（二）……", "plain": "不加小标题", "enumerate": "每节一段，以“一是……”开头",
              "enumerate_inline": "各节连成一段：一是……二是……"}

_blank = types.json_blank


def _any_of(*schemas: dict, **extra: Any) -> dict:
    return {"anyOf": [{"type": "null"}, _blank(), *schemas], **extra}


def _value(spec: FieldSpec) -> list[dict]:
    """The JSON Schema alternatives of a non-empty value: its type's (drafter.types)."""
    kind = types.REGISTRY.get(spec.type)
    if kind is None:
        raise ValueError(f"no schema for field type {spec.type}")
    return kind.schema(spec, lambda sub: field(sub, described=False))


def _describe(spec: FieldSpec) -> str:
    parts = [spec.help.strip()] if spec.help.strip() else []
    hint = types.of(spec).hint(spec)
    parts.append(f"类型：{types.of(spec).label}" + (f"（{hint}）" if hint else ""))
    if not types.of(spec).hint_names_unit and spec.unit:
        parts.append(f"单位：{spec.unit}")
    if spec.stable:
        parts.append("每年大致相同，drafter next 会沿用")
    return "\n".join(parts)


class _Shared:
    """Value schemas that many fields share (every 件 count is the same), kept once under
    definitions and referred to: the schema stays small enough for an editor to load fast."""

    def __init__(self) -> None:
        self.definitions: dict[str, dict] = {}
        self._names: dict[str, str] = {}

    def ref(self, kind: str, schema: dict) -> dict:
        key = json.dumps(schema, ensure_ascii=False, sort_keys=True)
        if key not in self._names:
            same = sum(1 for n in self.definitions if n == kind or n.startswith(f"{kind}_"))
            name = f"{kind}_{same + 1}" if same else kind
            self._names[key] = name
            self.definitions[name] = schema
        return {"$ref": f"#/definitions/{self._names[key]}"}


_shared = _Shared()


def field(spec: FieldSpec, same_as_last_year: bool = False, described: bool = True) -> dict:
    """The schema of one field's value; empty always allowed (not reported this year)."""
    values = _any_of(*_value(spec), *([{"type": "string", "pattern": _SAME}] if same_as_last_year else []))
    out: dict[str, Any] = {"allOf": [_shared.ref(spec.type, values)], "title": spec.prompt}
    if described:
        out["description"] = _describe(spec)
        if spec.example is not None:
            out["examples"] = [spec.example]
    return out


def _units() -> list[str]:
    return sorted({*facts_mod.measure_words(), *facts_mod.money_units(), "%", "％"}, key=lambda u: (-len(u), u))


def own_facts() -> dict:
    units = _units()
    ending = "|".join(u.replace("%", "%") for u in units)
    value = (f"(近|约|超|逾)?{_DIGIT}[0-9０-９,]*(\\.{_DIGIT}+)?(万|亿)?(余|多)?|{_PLACEHOLDER}"
             "|[〇零一二两三四五六七八九十百千万]+")
    short = {"type": "string", "pattern": f"^\\s*({value})\\s*({ending})\\s*$|{_SAME}",
             "description": "数值加单位，如 24场、53887.5元、98.6%；暂缺写 xx场；= 表示与上年相同"}
    long = {"type": "object", "additionalProperties": False, "description": "长写法：value、unit、label、compare",
            "properties": {
                "value": {"anyOf": [{"type": "null"}, {"type": "number", "minimum": 0}, {"type": "string"}],
                          "description": "数值；暂缺写 xx"},
                "unit": {"type": "string", "enum": units, "description": "量词、万元/元/亿元或 %"},
                "label": {"type": "string", "description": "这项数字的说明（数字表和向导中显示）"},
                "compare": {"type": "boolean", "description": "是否写同比（默认 true）"},
            }}
    return {
        "type": ["object", "null"],
        "title": "本节自有的数字（facts）",
        "description": "正文 text 中 {名称} 引用的数字：名称: 数值加单位（如 听证会: 24场），"
                       "或 名称: {value: 27, unit: 次, label: 说明}",
        "propertyNames": {"pattern": "^[^{}｛｝|｜\\n]*[^{}｛｝|｜\\s][^{}｛｝|｜\\n]*$"},
        "additionalProperties": {"anyOf": [{"type": "null"}, short, long]},
    }


def own_text() -> dict:
    return {"anyOf": [{"type": "null"}, {"type": "string"}, {"type": "number"}],
            "title": "本节正文（text）",
            "description": "本局自己的文字，印在报告中代替模板；{名称} 是空位，印出字段或 facts 中的数字，"
                           "{名称|同比} 印出同比，{名称|上年} 印出上年数值。段落之间空一行。"}


def section(sec: Section, previous: bool = True) -> dict:
    props: dict[str, Any] = {spec.id: field(spec, same_as_last_year=previous, described=previous) for spec in sec.fields}
    props[owntext.TEXT] = {"$ref": "#/definitions/own_text"}
    props[owntext.FACTS] = {"$ref": "#/definitions/own_facts"}
    if previous:
        props[sources.SOURCES] = {"$ref": "#/definitions/sources"}
        props[PREVIOUS_YEAR] = section(sec, previous=False)
        props[PREVIOUS_YEAR].update(title="上年数值（previous_year）", description="上年的同一字段，供同比和参考")
    out = {"type": ["object", "null"], "additionalProperties": False, "properties": props}
    if previous:
        out.update(title=sec.heading, description=sec.summary)
    return out


def _own_section() -> dict:
    inner = {"type": ["object", "null"], "additionalProperties": False,
             "properties": {owntext.TEXT: {"$ref": "#/definitions/own_text"}, owntext.FACTS: {"$ref": "#/definitions/own_facts"}}}
    return {**inner, "title": "本局自有的一节", "description": "提纲中 id 以 own_ 开头的一节：只有 text 和 facts",
            "properties": {**inner["properties"], sources.SOURCES: {"$ref": "#/definitions/sources"},
                           PREVIOUS_YEAR: inner}}


def own_sources() -> dict:
    return {"type": ["object", "null"],
            "title": "数字的来源（sources）",
            "description": "今年每个数字从哪里来：数字的名称（本节的字段 id 或 facts 中的名称）: 一行说明，"
                           "如 inspections: 数字表.xlsx 第12行（执法支队）；drafter 填数时自动记下，也可以手工改写",
            "additionalProperties": {"anyOf": [{"type": "null"}, _line("这个数字今年的数值从哪里来")]}}


def _line(description: str, title: str | None = None) -> dict:
    out = {"type": "string", "pattern": "^[^\\n\\r]*\\S[^\\n\\r]*$", "description": description}
    if title:
        out["title"] = title
    return out


def _optional(schema: dict) -> dict:
    return {"anyOf": [{"type": "null"}, _blank(), schema], **{k: v for k, v in schema.items() if k in ("title", "description")}}


def report() -> dict:
    date = _value(FieldSpec("date", "date", "date"))[0]
    return {
        "type": "object",
        "title": "报告信息",
        "additionalProperties": False,
        "required": ["issuer", "year"],
        "properties": {
            "issuer": _line("发文机关，如 昆山市应急管理局（必填）", "发文机关"),
            "year": {"title": "报告年度", "description": "报告年度，四位数字（必填）",
                     "anyOf": _value(FieldSpec("year", "year", "year"))},
            "region": _optional(_line("文中称呼本辖区的说法，如 全市、全区、全县", "辖区称谓")),
            "title": _optional(_line("默认“<发文机关><年度>年法治政府建设年度报告”", "标题")),
            "addressee": _optional(_line("主送机关，如 市委、市政府", "主送机关")),
            "doc_number": _optional({**_line("发文字号，如 启应急〔2021〕75号", "发文字号"),
                                     "pattern": "^\\s*\\S+[〔\\[［(（]\\s*[0-9]{4}\\s*[〕\\]］)）]\\s*[1-9][0-9]*\\s*号\\s*$"}),
            "signature": _optional(_line("落款，默认发文机关", "落款")),
            "date": _optional({**date, "title": "成文日期", "description": "成文日期，如 2023-12-20"}),
            "header": {"anyOf": [{"type": "null"}, {"type": "boolean"}, {"type": "string"}], "title": "版头",
                       "description": "true：印红色版头“<发文机关>文件”；也可直接写发文机关标志的文字"},
            "seal": {"anyOf": [{"type": "null"}, {"type": "boolean"}, {"type": "string", "enum": ["是", "否"]}],
                     "title": "加盖印章", "description": "true：成文日期右空四字，发文机关署名居中于日期之上"},
        },
    }


def _style() -> dict:
    return {"anyOf": [{"type": "null"}, {"type": "string", "enum": list(STYLES)}], "title": "排法",
            "description": "；".join(f"{k}：{v}" for k, v in STYLE_TEXT.items())}


def outline(onto: Ontology) -> dict:
    ids = list(onto.sections)
    id_schema = {"anyOf": [{"type": "string", "enum": ids}, {"type": "string", "pattern": f"^{OWN_PREFIX}"}],
                 "description": "章节 id（见 drafter sections）；本局自有的一节以 own_ 开头"}
    reference = {
        "type": "object", "additionalProperties": False, "required": ["id"],
        "properties": {"id": id_schema, "heading": _optional(_line("改写本节小标题")),
                       "run_in": {"type": ["boolean", "null"], "description": "小标题与正文连排"}},
        # an own section needs a heading of its own
        "if": {"properties": {"id": {"pattern": f"^{OWN_PREFIX}", "not": {"enum": ids}}}},
        "then": {"required": ["id", "heading"], "properties": {"heading": _line("本局自有一节的标题（必填）")}},
    }
    group = {
        "type": "object", "additionalProperties": False, "required": ["heading", "group"],
        "properties": {"heading": _line("章节组的小标题"),
                       "group": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/entry"}},
                       "style": _style(), "run_in": {"type": ["boolean", "null"]}},
    }
    entry = {"anyOf": [{"type": "string", "enum": ids, "description": "章节 id"}, group, reference]}
    part = {
        "type": "object", "additionalProperties": False, "required": ["sections"],
        "properties": {"heading": _optional(_line("部分标题（一、二、……）")),
                       "sections": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/entry"}},
                       "style": _style()},
    }
    attachment = {"anyOf": [{"type": "string", "enum": list(ATTACHMENT_KINDS)},
                            {"type": "object", "additionalProperties": False, "required": ["kind"],
                             "properties": {"kind": {"type": "string", "enum": list(ATTACHMENT_KINDS)},
                                            "title": _optional(_line("附件标题"))}}],
                  "description": "；".join(f"{k}：{v}" for k, v in ATTACHMENT_KINDS.items())}
    return {
        "type": "object", "title": "提纲", "additionalProperties": False, "required": ["parts"],
        "properties": {
            "numbering": {"anyOf": [{"type": "null"}, {"type": "string", "enum": list(NUMBERING)}],
                          "description": "continuous：（一）（二）跨部分连续编号；restart：每部分重新编号"},
            "run_in": {"type": ["boolean", "null"], "description": "二级标题与正文连排"},
            "parts": {"type": "array", "minItems": 1, "items": part, "description": "报告的各个部分"},
            "attachments": {"type": ["array", "null"], "items": attachment, "description": "附件"},
        },
    }, entry, part


def is_drafter_schema(path: Path) -> bool:
    """True when the file at path is a schema drafter wrote (one it may write over)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("title") == TITLE


def generate(onto: Ontology) -> dict:
    global _shared
    _shared = _Shared()
    outline_schema, entry, part = outline(onto)
    answers = {
        "type": ["object", "null"], "title": "各节的答案",
        "description": "按章节 id 填写各节的事实（见 drafter sections 和 sections/ 下的文件）",
        "additionalProperties": False,
        "properties": {sid: section(s) for sid, s in onto.sections.items()},
        "patternProperties": {f"^{OWN_PREFIX}": _own_section()},
    }
    schema = {
        "$schema": DRAFT,
        "title": TITLE,
        "description": "由 drafter schema 根据章节本体生成，请勿手工修改。",
        "type": "object",
        "additionalProperties": False,
        "required": ["report", "outline"],
        "properties": {
            "report": report(),
            "outline": outline_schema,
            "answers": answers,
            "wizard": {"description": "向导的进度（由 drafter 维护）"},
            "layout": {"type": ["object", "string", "null"], "description": "版式：只写与 GB/T 9704 不同的项，或版式文件的路径"},
        },
        "definitions": {"entry": entry, "own_text": own_text(), "own_facts": own_facts(), "sources": own_sources()},
    }
    schema["definitions"].update(_shared.definitions)
    # the keys drafter's reader allows, so that the two cannot drift apart unnoticed
    assert set(schema["properties"]["report"]["properties"]) == set(REPORT_KEYS)
    assert set(outline_schema["properties"]) == set(OUTLINE_KEYS)
    assert set(entry["anyOf"][1]["properties"]) == set(GROUP_KEYS) and set(entry["anyOf"][2]["properties"]) == set(SECTION_REF_KEYS)
    assert set(part["properties"]) == set(PART_KEYS)
    return schema


def dumps(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


def repository_file() -> Path:
    """The schema committed with drafter (schema/drafter.schema.json; drafter/schemas/ inside an
    installed wheel)."""
    inside = Path(paths.__file__).resolve().parent / "schemas" / FILE_NAME
    return inside if inside.is_file() else Path(paths.__file__).resolve().parents[1] / "schema" / FILE_NAME


def modeline(for_file: Path, schema_file: Path | None = None) -> str:
    """The first line that points an editor at the schema: relative to the answers file when
    they share a drive, absolute otherwise."""
    import os

    target = Path(schema_file or repository_file()).resolve()
    folder = Path(for_file).resolve().parent
    try:
        ref = Path(os.path.relpath(target, folder)).as_posix()
    except ValueError:  # another drive on Windows
        ref = target.as_uri()
    return f"{MODELINE}{ref}"


def _named_schema(text: str, source: Path | None) -> Path | None:
    """The schema file an existing modeline names, if it is a file on this computer."""
    for line in text.splitlines():
        if line.startswith(MODELINE):
            ref = line[len(MODELINE):].strip()
            if "://" in ref and not ref.startswith("file://"):
                return None
            if ref.startswith("file://"):
                from urllib.parse import unquote, urlparse
                path = Path(unquote(urlparse(ref).path))
            else:
                path = (Path(source).resolve().parent if source else Path.cwd()) / ref
            return path if path.is_file() else None
        if line.strip() and not line.startswith("#"):
            break
    return None


def stamp(text: str, for_file: Path, source: Path | None = None) -> str:
    """The file's text with a modeline as its first line, pointing from for_file at the schema
    the source file named (if it still exists), else at drafter's own. An existing modeline in
    the leading comment is replaced, not repeated; a web address is kept as it is."""
    lines = text.splitlines(keepends=True)
    head = 0
    while head < len(lines) and lines[head].startswith("#"):
        head += 1
    for line in lines[:head]:
        if line.startswith(MODELINE) and "://" in line and "file://" not in line:
            return text  # an address on the web: right wherever the file goes
    kept = [line for line in lines[:head] if not line.startswith(MODELINE)]
    line = modeline(for_file, _named_schema(text, source))
    return "".join([line + "\n", *kept, *lines[head:]])
