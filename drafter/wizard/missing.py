"""What this year's answers still lack: the questions `drafter ask` asks by default.

A section never answered is asked whole. In a section that has answers (a file rolled by
`drafter next`, or one filled by hand) only what is missing is asked: numbers empty this
year that last year had or that the section's own text prints, own facts still `xx`, and
last year's problems and plans without a status. Of the numbers, only those the report
prints are asked (drafter.printed: the slots of the section's text, what its template
writes), each shown with its sentence. Text, choices and carried facts are not asked again. `drafter ask --list` prints the same list, so what is asked is what is listed.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drafter import carried, owntext, printed, types
from drafter.answers import Answers
from drafter.fields import FieldSpec, is_empty
from drafter.ontology import Ontology, Section
from drafter.types import stated

FOLLOWUP_LISTS = {"items": "problem", "plans": "plan"}  # record field → its title sub-field


@dataclass
class Question:
    section: Section
    kind: str  # "section" (never answered: ask it all), "field", "fact", "followup", "review" (a carried paragraph)
    key: str = ""  # field id, fact name, or the follow-up list's field id
    spec: FieldSpec | None = None
    previous: Any = None
    index: int = 0  # the follow-up item's position in its list
    title: str = ""  # the follow-up item's text
    sentence: str = ""  # a number's sentence in the report, its place marked 【  】 (drafter.printed)

    def line(self) -> str:
        """One line for `drafter ask --list`: section, question, last year's value."""
        where = f"{self.section.heading}（{self.section.id}）"
        if self.kind == "section":
            return f"{where}\t本节尚未填写"
        if self.kind == "followup":
            what = "上年问题" if self.key == "items" else "上年工作安排"
            return f"{where}\t{what}第 {self.index + 1} 条“{self.title}”的进展"
        if self.kind == "review":
            return f"{where}\t沿用上年的段落“{self.title}……”待{self.previous}"
        last = stated(self.spec, self.previous) if not is_empty(self.previous) else "（无）"
        return f"{where}\t{self.spec.prompt}\t{self.sentence or '—'}\t上年：{last}"


def questions(answers: Answers, ontology: Ontology, skipped: set[str], done: set[str]) -> list[Question]:
    out: list[Question] = []
    for sid in answers.outline.section_ids():
        if sid in skipped:
            continue
        section = answers.section(sid, ontology)
        missing = _missing_in(section, answers, ontology)
        if not missing and not answers.has_content(sid) and not answers.facts.get(sid):
            # nothing this year and no number to fill in: the section is asked whole
            if section.fields and sid not in done:
                out.append(Question(section, "section"))
            continue
        out += missing
    return out


def _missing_in(section: Section, answers: Answers, ontology: Ontology) -> list[Question]:
    sid = section.id
    values = answers.values.get(sid) or {}
    previous = answers.previous.get(sid) or {}
    shown = printed.section(answers, ontology, sid)  # a number nothing prints is not asked
    in_text = set(owntext.slot_names(answers.texts[sid])) if sid in answers.texts else set()
    out = []
    for spec in section.fields:
        if not is_empty(values.get(spec.id)):
            continue
        if types.of(spec).numeric and (not is_empty(previous.get(spec.id)) or spec.id in in_text) \
                and shown.prints(spec.id):
            out.append(Question(section, "field", spec.id, spec, previous.get(spec.id), sentence=shown.sentence(spec.id)))
        elif spec.type == "records" and not is_empty(previous.get(spec.id)) and sid not in answers.texts \
                and any(types.of(sub).numeric for sub in spec.fields):  # last year's list of numbers
            out.append(Question(section, "field", spec.id, spec, previous.get(spec.id)))
    before = answers.previous_facts.get(sid) or {}
    for name, fact in (answers.facts.get(sid) or {}).items():
        if fact.value is None and shown.prints(printed.fact_key(name)):
            out.append(Question(section, "fact", name, fact.spec, before[name].value if name in before else None,
                                sentence=shown.sentence(printed.fact_key(name))))
    if section.role == "followup":
        for key, title_field in FOLLOWUP_LISTS.items():
            for n, record in enumerate(values.get(key) or []):
                if is_empty(record.get("status")):
                    out.append(Question(section, "followup", key, section.field(key), index=n,
                                        title=str(record.get(title_field) or "")))
    if sid in answers.texts:  # carried paragraphs still marked: after the numbers, last year's events first
        marks = sorted(carried.pending(answers.texts[sid]), key=lambda m: m.kind != carried.REWRITE)
        out += [Question(section, "review", owntext.TEXT, previous=m.kind + (f"（{m.why}）" if m.why else ""),
                         title=m.opening) for m in marks]
    return out
