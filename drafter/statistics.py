"""附件：主要数据统计表 — every number the report states, with last year's and the change.

Built from the answers and the ontology (which fields are numbers, their units and
prompts); it yields a plain Table for the document model.
"""
from __future__ import annotations

from typing import Any

from drafter import types
from drafter.answers import Answers
from drafter.fields import FieldSpec, is_empty
from drafter.markup import clean
from drafter.model import Table
from drafter.ontology import Ontology
from drafter.types import stated


def _change(spec: FieldSpec, current: Any, previous: Any) -> str:
    return types.compare(current, previous, spec).removeprefix("同比")


def _label(record: dict, spec: FieldSpec) -> str:
    names = [v for k, v in record.items() if isinstance(v, str) and v.strip()]
    return f"{names[0]}：{spec.prompt}" if names else spec.prompt


def statistics_table(answers: Answers, ontology: Ontology) -> Table | None:
    rows: list[list[str]] = []
    with_previous = False
    for ref in answers.outline.section_ids():
        section = answers.section(ref, ontology)
        values = answers.values.get(ref) or {}
        previous = answers.previous.get(ref) or {}
        previous_facts = answers.previous_facts.get(ref) or {}
        for name, fact in (answers.facts.get(ref) or {}).items():
            if fact.value is not None:
                prev = previous_facts[name].value if name in previous_facts else None
                with_previous = with_previous or not is_empty(prev)
                rows.append([section.heading, fact.spec.prompt, stated(fact.spec, fact.value),
                             stated(fact.spec, prev), _change(fact.spec, fact.value, prev)])
        for spec in section.fields:
            if types.of(spec).numeric and not is_empty(values.get(spec.id)):
                prev = previous.get(spec.id)
                with_previous = with_previous or not is_empty(prev)
                rows.append([section.heading, spec.prompt, stated(spec, values[spec.id]),
                             stated(spec, prev), _change(spec, values[spec.id], prev)])
            elif spec.type == "records":
                for record in values.get(spec.id) or []:
                    for sub in spec.fields:
                        if types.of(sub).numeric and not is_empty(record.get(sub.id)):
                            rows.append([section.heading, _label(record, sub), stated(sub, record[sub.id]), "", ""])
    if not rows:
        return None
    header = ["序号", "类别", "项目", f"{answers.meta.year}年"]
    widths = [1.0, 2.6, 4.6, 1.8]
    if with_previous:
        header += [f"{answers.meta.year - 1}年", "同比"]
        widths = [1.0, 2.2, 3.6, 1.4, 1.4, 1.8]
    body = []
    for n, row in enumerate(rows, 1):
        category = clean(row[0]) if n == 1 or rows[n - 2][0] != row[0] else ""  # once per section
        cells = [str(n), category, clean(row[1]), row[2]]
        if with_previous:
            cells += [row[3], row[4]]
        body.append(cells)
    return Table(header=header, rows=body, widths=widths)
