"""Numbers that fill a section's own typed fields (the stretch of the import).

A statistic goes to a field of the section it stands in when the words before it read like the
field's prompt (the ontology's own wording of the fact), its unit is the field's, and the value
passes the field's type. Each field takes one number; anything in doubt stays an own fact.
The comment on the section says which numbers went to fields, to be checked.
"""
from __future__ import annotations

from collections import Counter

from drafter import types
from drafter.facts import Quantity
from drafter.fields import FieldValueError
from drafter.importer.mapping import bigrams
from drafter.ontology import Section


def _cover(label: str, prompt: str) -> tuple[float, float]:
    a, b = Counter(bigrams(label)), Counter(bigrams(prompt))
    common = sum((a & b).values())
    total = sum(a.values())
    return (common / total if total else 0.0), (2 * common / (total + sum(b.values())) if total else 0.0)


class FieldMatcher:
    def __init__(self, section: Section, cover: float = 0.6, dice: float = 0.3):
        self.fields = [f for f in section.fields if types.of(f).imported]
        self.used: set[str] = set()
        self.min_cover, self.min_dice = cover, dice  # sections/_import.yaml fields:

    def __call__(self, label: str, clause: str, q: Quantity) -> str | None:
        best, best_id = 0.0, None
        for spec in self.fields:
            if spec.id in self.used or spec.type != q.kind:
                continue
            if spec.type != "percent" and (spec.unit or "") != q.unit:
                continue
            cover, dice = max(_cover(label, spec.prompt), _cover(clause, spec.prompt))
            if cover < self.min_cover or dice < self.min_dice:
                continue
            try:
                types.check(q.value, spec)
            except FieldValueError:
                continue
            if cover + dice > best:
                best, best_id = cover + dice, spec.id
        if best_id:
            self.used.add(best_id)
        return best_id
