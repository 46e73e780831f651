"""The numbers a reviewer signs off: every number of this year that the report prints, with
its sentence, its value and where the value came from (`sources:`, drafter.sources).

`drafter check FILE --sources` prints it as a table to read in a terminal and sign;
`--json` gives the same entries as data. check's rule `sources` (drafter.check.rules) names
the numbers without a source.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from drafter import printed, sources, types
from drafter.fields import PLACEHOLDER, is_empty


@dataclass
class Entry:
    section: str  # section id
    heading: str  # the section's heading
    key: str  # drafter.printed's key: inspections, drills[2].participants, facts.听证会
    label: str  # what the number is
    value: str  # as the report states it (861件)
    source: str  # where it came from; "" when the file does not say
    sentence: str = ""  # its sentence in the report, its place 【  】
    path: str = ""  # its place in the answers file, for file:line

    @property
    def name(self) -> str:
        """The name its source is kept under (drafter.sources.name_of)."""
        return sources.name_of(self.key)


def _filled(value) -> bool:
    return not is_empty(value) and not (isinstance(value, str) and PLACEHOLDER.match(value.strip()))


def _short(prompt: str) -> str:
    return re.sub(r"（[^）]*）", "", prompt).strip() or prompt


def entries(answers, ontology, sentences: bool = True) -> list[Entry]:
    """This year's filled numbers that the report, as it stands, prints; in the outline's order.
    sentences: with each number's sentence and the numbers sheet's label (slower: the sheet's
    renders); otherwise the field's prompt or the fact's name."""
    rows = {}
    if sentences:
        from drafter import sheet

        rows = {(r.section, r.local): r for r in sheet.rows(answers, ontology)}
    out: list[Entry] = []
    for sid in answers.outline.section_ids():
        section = answers.section(sid, ontology)
        values, own = answers.values.get(sid) or {}, answers.facts.get(sid) or {}
        filled = [(k, s, v) for k, s, v in printed.numbers(section, values, own) if _filled(v)]
        if not filled:
            continue
        now = printed.section(answers, ontology, sid, filled_only=True)
        said = answers.sources.get(sid) or {}
        heading = next((ref.heading for ref in _refs(answers) if ref.id == sid and ref.heading), None) or section.heading
        for key, spec, value in filled:
            if not now.prints(key):
                continue
            row = rows.get((sid, key))
            fact = key.startswith(printed.FACTS + ".")
            label = row.label if row is not None else (key[len(printed.FACTS) + 1:] if fact else _short(spec.prompt))
            path = f"answers.{sid}.{printed.FACTS}.{key[len(printed.FACTS) + 1:]}" if fact \
                else f"answers.{sid}.{key.split('[')[0]}"
            out.append(Entry(sid, heading, key, label, types.stated(spec, value) or str(value),
                             said.get(sources.name_of(key), ""), row.sentence if row is not None else "", path))
    return out


def _refs(answers):
    return [ref for part in answers.outline.parts for ref in part.section_refs()]


def table(answers, ontology) -> str:
    """The sign-off table as text: a heading, each section's numbers (number, value, source,
    and the sentence under it), a count, and the lines to sign."""
    found = entries(answers, ontology)
    lines = [f"数字来源审核表：{answers.meta.display_title}", f"答案文件：{answers.path}", ""]
    if not found:
        lines.append("报告中还没有写出任何已填的数字。")
    section = None
    for n, entry in enumerate(found, 1):
        if entry.section != section:
            section = entry.section
            lines.append(f"【{entry.heading}】（{entry.section}）")
        lines.append(f"  {n}. {entry.label}：{entry.value}　来源：{entry.source or '（未注明）'}")
        if entry.sentence:
            lines.append(f"     报告中：{entry.sentence}")
    missing = sum(1 for e in found if not e.source)
    lines += ["", f"共 {len(found)} 个数字，已注明来源 {len(found) - missing} 个，未注明 {missing} 个。", "",
              "审核人：____________　　日期：______年____月____日"]
    return "\n".join(lines)


def to_json(answers, ontology) -> str:
    found = entries(answers, ontology)
    return json.dumps({"file": str(answers.path), "title": answers.meta.display_title,
                       "numbers": [asdict(e) for e in found],
                       "unsourced": sum(1 for e in found if not e.source)}, ensure_ascii=False, indent=2)
