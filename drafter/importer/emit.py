"""The answers YAML of an import, with comments saying where each section came from, what was
recognised with confidence and what was a guess, and what to check; and the summary printed.
"""
from __future__ import annotations

import io

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from drafter import outline_data
from drafter.importer.mapping import POSITIONAL
from drafter.ontology import Ontology


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _ref(unit, with_heading: bool, **options):
    own = unit.section.startswith("own_")
    heading = unit.heading or _own_heading(unit) if own or with_heading else None
    return outline_data.section_entry(unit.section, heading, mapping=CommentedMap, **options)


def _own_heading(unit) -> str:
    return unit.heading or unit.own_title or "（无标题段落）"


def _outline(result, layout, tree) -> CommentedMap:
    subs = [u for u in result.units if u.role == "sub"]
    run_in = sum(u.run_in for u in subs) * 2 > len(subs) if subs else False
    out = CommentedMap(numbering=result.numbering, run_in=run_in)
    parts = CommentedSeq()
    def run_in_of(unit) -> dict:
        return {"run_in": unit.run_in} if unit.run_in != run_in else {}

    def part(heading, members, **options):
        return outline_data.part_entry(heading, members, mapping=CommentedMap, **options)

    for entry in layout:
        if entry[0] in POSITIONAL:
            parts.append(part(None, [_ref(entry[1], False)]))
            continue
        source, mode, members = entry
        if mode == "single":
            parts.append(part(source.heading, [_ref(members[0], False)], style="plain"))
        elif mode.startswith("enumerate"):  # 一是<heading>。<text>
            parts.append(part(source.heading, [_ref(unit, True) for unit in members], style=mode))
        elif members[0].role != "lead":
            parts.append(part(source.heading, [_ref(unit, True, **run_in_of(unit)) for unit in members]))
        else:  # text before the first （一）: the part is plain, each headed block a group of one
            groups = [outline_data.group_entry(unit.heading, [_ref(unit, False)], mapping=CommentedMap,
                                               style="plain", **run_in_of(unit)) for unit in members[1:]]
            parts.append(part(source.heading, [_ref(members[0], False), *groups], style="plain"))
    out["parts"] = parts
    return out


def _report(meta, default_year) -> tuple[CommentedMap, dict[str, str]]:
    report = CommentedMap()
    notes = {}
    report["issuer"] = meta.issuer or "xx应急管理局"
    notes["issuer"] = f"发文机关：取自{meta.issuer_from}" if meta.issuer else "发文机关：原文中没有找到，请填写全称"
    if meta.region:
        report["region"] = meta.region
    report["year"] = meta.year or default_year
    notes["year"] = f"报告年度：取自{meta.year_from}" if meta.year else "报告年度：原文中没有找到，这是推测的年份，请核对"
    for key in ("title", "addressee", "doc_number", "signature", "date"):
        value = getattr(meta, key)
        if key == "signature" and value == meta.issuer:
            continue
        if value:
            report[key] = value
    return report, notes


def emit(result, layout, tree, ontology: Ontology, year: int) -> str:
    """The answers YAML; `year` is the report's year when the report does not say it."""
    doc = CommentedMap()
    report, notes = _report(result.meta, year)
    doc["report"] = report
    for key, note in notes.items():
        report.yaml_add_eol_comment(note, key)
    doc["outline"] = _outline(result, layout, tree)
    answers = CommentedMap()
    for unit in result.units:
        entry = CommentedMap()
        for field_id, value in unit.facts.typed.items():
            entry[field_id] = value
        for record_field, items in _records(unit, ontology):
            entry[record_field] = items
        entry["text"] = LiteralScalarString(unit.text + "\n") if unit.text else ""
        if unit.facts.values:
            entry["facts"] = CommentedMap(unit.facts.values)
        if unit.facts.previous:  # what a stated change (同比减少5起) says last year's numbers were
            previous = CommentedMap((k, v) for k, v in unit.facts.previous.items() if k in unit.facts.typed)
            own = {k: v for k, v in unit.facts.previous.items() if k not in unit.facts.typed}
            if own:
                previous["facts"] = CommentedMap(own)
            entry["previous_year"] = previous
            entry.yaml_set_comment_before_after_key(
                "previous_year", before="上年数值：由正文中的“同比……”推算，{名称|同比} 据此计算同比", indent=4)
        answers[unit.section] = entry
        answers.yaml_set_comment_before_after_key(unit.section, before=_comment(unit, ontology), indent=2)
    doc["answers"] = answers
    head = [f"由 drafter import 从 {result.source.path.name} 导入（{result.shape}，（一）编号{'跨部分连续' if result.numbering == 'continuous' else '每部分重新开始'}）。",
            "各节保留原文（text），数字换成了 {名称}，数值在 facts 下；明年起草时运行 drafter next。",
            "请核对标有“推测”“自拟”的各节，以及“未找到”的报告信息。"]
    head += result.notes
    doc.yaml_set_start_comment("\n".join(head))
    stream = io.StringIO()
    _yaml().dump(doc, stream)
    return stream.getvalue()


def _records(unit, ontology):
    if not unit.records:
        return []
    from drafter.importer.rules import load
    spec = load(ontology.root).records.get(unit.section, {})
    seq = CommentedSeq()
    for record in unit.records:
        seq.append(CommentedMap(record))
    return [(spec.get("field", "items"), seq)]


def _comment(unit, ontology: Ontology) -> str:
    where = f"来自：{unit.where}" if unit.where else "来自：原文"
    if unit.confidence == "自拟":
        guess = unit.choice.runner_up if unit.choice else None
        near = f"；最接近的本体章节是 {guess}（{ontology.sections[guess].heading}）" if guess else ""
        what = f"自拟章节：本体中没有把握对应的章节{near}，请核对"
    elif unit.confidence == "推测":
        runner = unit.choice.runner_up if unit.choice else None
        alt = f"；次选 {runner}（{ontology.sections[runner].heading}）" if runner else ""
        what = f"推测为“{ontology.sections[unit.section].heading}”（得分 {unit.choice.score:.2f}{alt}），请核对"
    elif unit.confidence == "按位置":
        what = f"按位置归入“{ontology.sections[unit.section].heading}”"
    else:
        score = f"（得分 {unit.choice.score:.2f}）" if unit.choice else "（按一级标题）"
        what = f"有把握：“{ontology.sections[unit.section].heading}”{score}"
    lines = [where, what]
    if unit.facts.typed:
        section = ontology.sections[unit.section]
        named = "、".join(f"{fid}（{section.field(fid).prompt}）" for fid in unit.facts.typed)
        lines.append(f"按字段说明识别的数字，已填入本节字段：{named}，请核对")
    if unit.facts.values:
        lines.append(f"数字 {len(unit.facts.values)} 个已换成 {{名称}}，名称按前文自动取，可改成更贴切的说法（正文里的名称要一起改）")
    if unit.facts.literal:
        lines.append(f"这些数字保留原样：{'、'.join(unit.facts.literal)}")
    if unit.records:
        lines.append(f"已逐条列出 {len(unit.records)} 条，明年 drafter next 据此生成整改核对清单")
    return "\n".join(lines)


def summary(result) -> list[str]:
    meta = result.meta
    units = result.units
    if result.embedded:  # drafter's own file: what came back, and what was edited
        return [*result.notes, f"报告：{meta.title}（{meta.year} 年）"]
    mapped = [u for u in units if u.section and not u.section.startswith("own_")]
    own = [u for u in units if u.section and u.section.startswith("own_")]
    sure = sum(1 for u in mapped if u.confidence in ("有把握", "按位置"))
    facts = sum(len(u.facts.values) for u in units)
    typed = sum(len(u.facts.typed) for u in units)
    literal = sum(len(u.facts.literal) for u in units)
    lines = [f"结构：{result.shape}，共 {len(units)} 节：对应本体章节 {len(mapped)} 节（有把握 {sure}，推测 {len(mapped) - sure}），自拟章节 {len(own)} 节"]
    lines.append(f"数字：{typed + facts} 个换成了 {{名称}}，其中 {typed} 个填入本体字段、{facts} 个列入本节 facts"
                 + (f"，{literal} 个保留原样" if literal else ""))
    found = [(label, value) for label, value in (("发文机关", meta.issuer), ("年度", meta.year), ("标题", meta.title),
                                                  ("主送机关", meta.addressee), ("发文字号", meta.doc_number),
                                                  ("落款", meta.signature), ("成文日期", meta.date))]
    have = "、".join(f"{label} {value}" for label, value in found if value)
    missing = "、".join(label for label, value in found if not value)
    lines.append(f"报告信息：{have or '无'}" + (f"；未找到：{missing}" if missing else ""))
    records = sum(len(u.records) for u in units)
    if records:
        lines.append(f"问题和工作安排：逐条列出 {records} 条")
    lines += result.notes
    return lines
