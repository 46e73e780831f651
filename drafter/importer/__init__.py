"""Import last year's report: a `Source` (drafter.readers) → an answers file in the bureau's
own words (own `text` per section, its numbers as slots and own facts).

    from drafter.importer import import_source
    result = import_source(read(path), ontology)
    result.text        # the answers YAML, with comments on where each section came from
    result.summary()   # Chinese lines for the user

Stages, one module each: metadata (title, 文号, addressee, issuer, year, signature, date),
outline (heading numbers → parts and blocks), mapping (block → ontology section, by heading
and body), slots (numbers → slots + facts), typed (a number that reads like one of the
section's own fields fills it), items (problems and plans as records), emit (the YAML with
comments), roundtrip (a drafter-made .docx → its own answers back). Rules: sections/_import.yaml.

Choices:
- Level-one headings become parts; level-two headings become sections whose `heading:` is the
  original's, so the rebuilt report keeps its headings; deeper headings stay `# ` markup in the
  section's own text; text before the first 一、 is `intro`; a closing 下一步 paragraph at the
  very end is `closing`.
- A part whose heading names a whole-part section (problems, plans, follow-up; see
  _import.yaml whole_part_sections) is one section, its （一）（二） kept as markup and as records.
- A part written as 一是……二是…… (nothing before 一是, each item a lead and text) gives one
  section per item, set out again with the enumerate styles.
- Each section id appears once: the best-scoring block gets it, a later block that would map
  to the same section gets its next-best free section, or else stays an own section (own_<n>)
  with its heading. Texts are never merged: nothing is dropped and the order is the original's.
"""
from __future__ import annotations

import re
from pathlib import Path

from drafter.errors import DrafterError, Location
from drafter.importer import mapping, metadata, outline, runon, slots
from drafter.importer.items import records
from drafter.importer.result import ImportResult, Unit, default_year
from drafter.importer.rules import Rules
from drafter.importer.rules import load as load_rules
from drafter.importer.typed import FieldMatcher
from drafter.ontology import Ontology
from drafter.readers.source import Source


def import_source(source: Source, ontology: Ontology) -> ImportResult:
    if source.embedded_answers:
        from drafter.importer.roundtrip import Unusable, import_embedded
        try:
            return import_embedded(source, ontology)
        except Unusable as exc:  # answers of another drafter version: read the text instead
            plain = Source(path=source.path, format=source.format, blocks=source.blocks, header_texts=source.header_texts,
                           notes=source.notes, dropped=source.dropped)
            result = import_source(plain, ontology)
            result.notes.append(f"文件内带有 drafter 的答案文件，但无法使用（{exc}），已按正文导入")
            return result
    rules = load_rules(ontology.root)
    meta = metadata.Metadata()
    blocks, cuts = runon.split(list(source.blocks), rules)
    if cuts:
        meta.notes.append(f"原文有连成一行的长段（多半是从网页复制的），已在其中的编号标题、落款等处断开 {cuts} 处，请核对各节的起止")
    body = metadata.split_front(blocks, source, rules, meta)
    body = metadata.split_back(body, rules, meta)
    meta.date = meta.date or metadata.web_date(source, meta)
    metadata.find_issuer(meta, body, source, rules)
    metadata.find_year(meta, body)
    tree = outline.build(body, rules)
    mapping.Profiles.build(ontology)  # also sets the folder whose shapes give heading variants
    units, layout = _units(tree, ontology, rules)
    if not units:
        raise DrafterError("除标题、文号、落款外没有找到报告正文，无法导入；请确认选对了文件",
                           Location(file=str(source.path)))
    _map(units, ontology, rules)
    for unit in units:
        _fill(unit, ontology, rules)
    from drafter.importer.emit import emit
    shape = _shape(tree, rules)
    numbering = "continuous" if tree.continuous else "restart"
    result = ImportResult(text="", meta=meta, units=units, shape=shape, numbering=numbering, source=source)
    result.notes += meta.notes
    if tree.skipped:
        result.notes.append(f"原文跳过了标题层级（{'、'.join(tree.skipped)} 按上一级编号的下一级处理），重建后编号写法会按层级统一，请核对")
    result.text = emit(result, layout, tree, ontology, default_year(meta))
    return result


# ---------------------------------------------------------------- blocks → units


def _units(tree: outline.OutlineNode, ontology: Ontology, rules: Rules) -> tuple[list[Unit], list]:
    units: list[Unit] = []
    layout: list = []  # per part: ("opening"|"closing", unit) or (PartNode, mode, [units])

    def new(role, heading, lines, base, part=None, run_in=False, where=""):
        unit = Unit(len(units), role, heading, lines, base, part, run_in, where)
        units.append(unit)
        return unit

    if tree.intro:
        layout.append(("opening", new("opening", None, tree.intro, 1, where="第一个一级标题之前的开头段")))
    wholes: set[str] = set()
    for i, part in enumerate(tree.parts):
        label = f"{part.label}{part.heading}"
        whole = _whole_part(part.heading, ontology, rules)
        if whole in wholes:  # a second 存在的不足: each section once; this one is mapped like any part
            whole = None
        wholes.add(whole)
        items = None if whole or part.subs else outline.enumerated(part.lead, rules)
        if items:  # 一是……二是……: each item a section, rebuilt by the enumerate styles
            members = [new("item", head, lines, 1, i, where=f"{label} → {outline.cn_ordinal(k)}是{head}")
                       for k, (head, lines) in enumerate(items[0], 1)]
            layout.append((part, "enumerate_inline" if items[1] else "enumerate", members))
            continue
        # a level-two heading with nothing under it cannot stand as a section of its own (an
        # empty section is left out): such a part stays one section, its headings as markup
        if whole or not part.subs or any(not sub.lines for sub in part.subs):
            unit = new("whole" if whole else "part", part.heading, part.all_lines(), 1, i, where=label)
            unit.section = whole
            layout.append((part, "single", [unit]))
            continue
        members = []
        if part.lead:
            lead = new("lead", None, part.lead, 1, i, where=f"{label}（小标题之前的段落）")
            lead.own_title = f"{part.heading}（开头段落）"
            members.append(lead)
        for sub in part.subs:
            members.append(new("sub", sub.heading, sub.lines, 2, i, sub.run_in, where=f"{label} → {sub.source_heading}"))
        layout.append((part, "split", members))
    _split_closing(units, layout, rules)
    return units, layout


def _whole_part(heading: str | None, ontology: Ontology, rules: Rules) -> str | None:
    """The whole-part section (problems, plans…) this part heading names, if it names one best."""
    if not heading:
        return None
    best, best_sid = 0.0, None
    for sid, section in ontology.sections.items():
        if section.role in mapping.POSITIONAL:  # the closing is found where it stands, not by its heading
            continue
        h = mapping.heading_score(heading, section)
        if h > best:
            best, best_sid = h, sid
    plain = heading.strip()
    for container in mapping.container_headings():
        if mapping.dice(plain, container) >= best:
            return None
    if best < 0.5 or best_sid not in rules.whole_part_sections:
        return None
    words = rules.whole_part_words.get(best_sid)
    return best_sid if not words or any(w in plain for w in words) else None


def _split_closing(units: list[Unit], layout: list, rules: Rules) -> None:
    """A last paragraph that opens 下一步…: the report's closing, in a part of its own."""
    if not layout or not units:
        return
    last = units[-1]
    if last.role in ("whole", "opening") or len(last.lines) < 2:
        return
    tail = last.lines[-1]
    if tail.is_heading or tail.block.is_table:
        return
    window = tail.text[: rules.closing_window]
    if not any(cue in window for cue in rules.closing_cues):
        return
    last.lines = last.lines[:-1]
    unit = Unit(len(units), "closing", None, [tail], 1, where="正文最后一段（下一步打算）")
    units.append(unit)
    layout.append(("closing", unit))


# ---------------------------------------------------------------- units → sections


def _body(unit: Unit) -> str:
    return "\n".join((ln.heading or "") + (ln.body or "") if ln.is_heading else ln.text for ln in unit.lines)


def _map(units: list[Unit], ontology: Ontology, rules: Rules) -> None:
    profiles = mapping.Profiles.build(ontology)
    free = [sid for sid in ontology.sections
            if ontology.role_of(sid) not in mapping.POSITIONAL and sid not in rules.whole_part_sections]
    for unit in units:
        if unit.role in mapping.POSITIONAL and ontology.role(unit.role) is not None:
            unit.section, unit.confidence = ontology.role_id(unit.role), "按位置"
    taken = {u.section for u in units if u.section}
    candidates, allowed = [], {}
    for unit in units:
        if unit.role == "whole":
            unit.confidence = "有把握"
            continue
        if unit.section:
            continue
        heading = None if _says_nothing(unit.heading, rules) else unit.heading  # then the body decides
        candidates.append(mapping.Candidate(unit.key, heading, _body(unit)))
        allowed[unit.key] = [sid for sid in free if sid not in taken]
    choices = mapping.assign(profiles, candidates, allowed, rules.heading_weight, rules.body_weight, rules.guess)
    own = 0
    for unit in units:
        choice = choices.get(unit.key)
        if choice is None:
            continue
        unit.choice = choice
        if choice.section:
            unit.section = choice.section
            unit.confidence = "有把握" if choice.score >= rules.confident else "推测"
        else:
            own += 1
            unit.section = f"own_{own}"
            unit.confidence = "自拟"


def _says_nothing(heading: str | None, rules: Rules) -> bool:
    """A summary heading (2025年法治政府建设工作开展情况, 一年来的主要工作): without its
    summary words and years, fewer than four characters are left to say what the part is."""
    if not heading:
        return False
    rest = re.sub(r"[0-9０-９]+年?|[^\u4e00-\u9fff]", "", heading)
    for word in rules.summary_heading_words:
        rest = rest.replace(word, "")
    return len(rest) < 4


def _fill(unit: Unit, ontology: Ontology, rules: Rules) -> None:
    paragraphs = []
    section = ontology.sections.get(unit.section or "")
    matcher = (FieldMatcher(section, rules.field_cover, rules.field_dice)
               if section is not None and unit.confidence == "有把握" else None)
    for head, body in outline.markup(unit.lines, unit.base):
        slotted = slots.slot_text(body, unit.facts, matcher) if body else None
        paragraphs.append("\n".join(x for x in (head, slotted) if x))
    unit.text = "\n\n".join(p for p in paragraphs if p)
    spec = rules.records.get(unit.section or "")
    if spec and unit.lines:
        section = ontology.sections.get(unit.section)
        field_spec = section.field(spec.get("field", "items")) if section else None
        if field_spec is not None and field_spec.type == "records":
            ids = {f.id for f in field_spec.fields}
            rename = {"title": spec.get("title", "title"), "detail": spec.get("detail", "detail")}
            for record in records(unit.lines, rules):
                out = {rename[k]: v for k, v in record.items() if rename.get(k) in ids}
                if out:
                    unit.records.append(out)


def _shape(tree: outline.OutlineNode, rules: Rules) -> str:
    """statutory (its parts name the regulation's contents), flat 一是, thematic, or no headings."""
    part_headings = [p.heading or "" for p in tree.parts]
    hits = sum(1 for word in rules.statutory_words if any(word in h for h in part_headings))
    if hits >= 3:
        return "按法定内容分部分"
    enumerated = sum(1 for ln in tree.lines if not ln.is_heading and rules.enumerators.match(ln.text))
    if tree.parts and not any(p.subs for p in tree.parts) and enumerated >= 2:
        return "一是二是简式"
    if tree.parts:
        return "按主题分部分"
    return "无标题的平铺段落"


def import_file(path: Path, ontology: Ontology) -> ImportResult:
    """A report file's answers; an answers file or a file with no report text is refused."""
    from drafter.importer import inputs
    from drafter.readers import read, require_text
    from drafter.readers.sniff import load_bytes

    path = Path(path)
    data = load_bytes(path)
    inputs.refuse_answers(path, data)
    source = require_text(read(path, data))
    return import_source(source, ontology)


