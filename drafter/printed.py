"""What the report actually prints: each section's numbers, and the sentence each stands in.

A number a colleague supplies counts only if the report prints it. A section written in the
bureau's own words (`text:`) prints exactly the slots it names (`{名称}`, `{名称|同比}`); a
section written by its template prints what the template writes. For a template this module
renders the section with each number traced: an int that compares and adds like the answer
it stands for, so the template takes the branches the real answers take, and that is
written out between private marks naming it. What reaches the text is printed — exactly,
for the answers as they stand (build, check); for asking and listing, every number is given
a value (its own, last year's, or a stand-in; twice, the stand-ins in opposite orders, so a
template comparing two numbers is seen both ways). The text around a traced number is its
sentence. Own text is rendered the same way (its slots decide what prints).

One place for everyone who asks for or lists a number: `ask` (the question shows the
sentence), `ask --list`, `ask --numbers`, the numbers sheet (drafter.sheet), and the
warnings of `build` and `check` for a value entered where nothing prints it.

Keys are the sheet's, without the section: a field id (`inspections`), a number inside a
record (`drills[2].participants`), or an own fact (`facts.听证会`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter import owntext, render, types
from drafter.answers import Answers
from drafter.context import Namespace, comparisons, data, report_wide, section_context
from drafter.fields import FieldSpec, amount_value, is_empty
from drafter.ontology import Ontology, Section

BLANK = "【  】"  # the number's place in its sentence
FACTS = "facts"
TEXT, TEMPLATE = "text", "template"
_OPEN, _MID, _CLOSE = "\ue7a0", "\ue7a1", "\ue7a2"  # around a traced number in the rendered text
_TRACED = re.compile(f"{_OPEN}(\\d+){_MID}([^{_CLOSE}]*){_CLOSE}")
_FIRST, _STEP = 7100017, 1000  # stand-ins for numbers without a value
_MARK = re.compile(r"【(?:改写|核对)(?:：[^】\n]*)?】|\ue000[\U000f0000-\U000fffff]?")  # review marks; list items (drafter.lists)
_ESCAPE = re.compile(r"\\([\\#{}｛｝])")
_ENDS = "。；！？"
_CLAUSE = re.compile(r"(?<=[，,：:])")
_LONG, _WINDOW = 60, 36  # a sentence longer than _LONG is cut to about _WINDOW characters of clauses


class _Traced(int):
    """A number that says where it is printed: compared and added like the number it stands
    for (so the template takes the branches it takes for the real answers), and written out
    between private marks that name it; arithmetic on it gives a plain number."""

    tag: int

    def __new__(cls, value: int, tag: int) -> _Traced:
        made = super().__new__(cls, value)
        made.tag = tag
        return made

    def __str__(self) -> str:
        return f"{_OPEN}{self.tag}{_MID}{int(self)}{_CLOSE}"

    def __format__(self, spec: str) -> str:
        return str(self) if not spec else format(int(self), spec)


def _stand_in(value: Any, tag: int, fallback: int) -> _Traced:
    """A traced number for a value: its own (a whole number near it) or the fallback."""
    amount = amount_value(value) if not is_empty(value) else None
    if amount is None:
        return _Traced(fallback, tag)
    whole = round(amount)
    return _Traced(1 if whole == 0 and amount > 0 else int(whole), tag)


def fact_key(name: str) -> str:
    return f"{FACTS}.{name}"


@dataclass
class Printed:
    """One section: which of its numbers the report prints, and the sentence of each."""

    section: str
    kind: str  # TEXT (own text) or TEMPLATE
    keys: set[str] = field(default_factory=set)  # printed numbers (see the module's note on keys)
    sentences: dict[str, str] = field(default_factory=dict)  # key → its sentence, the number's place as BLANK
    table: bool = False  # the report has a statistics attachment: every filled number is in it

    def prints(self, key: str) -> bool:
        return self.table or key in self.keys or _record_field(key) in self.keys

    def sentence(self, key: str) -> str:
        return self.sentences.get(key, "")

    def why_not(self) -> str:
        """Why a number of this section does not reach the report, in one Chinese phrase."""
        if self.kind == TEXT:
            return "本节用的是自己的文字（text），正文中没有这一项的空位"
        return "本节模板按现有的答案不写这一项"


@dataclass
class Unprinted:
    """A value entered for a number that nothing in the report prints."""

    section: str
    heading: str
    key: str
    label: str
    value: Any
    spec: FieldSpec
    why: str

    @property
    def path(self) -> str:
        """Its place in the answers file, for check's file:line."""
        if self.key.startswith(FACTS + "."):
            return f"answers.{self.section}.{FACTS}.{self.key[len(FACTS) + 1:]}"
        return f"answers.{self.section}.{self.key.split('[')[0]}"

    def line(self) -> str:
        """The one line said where the value is entered (the wizard)."""
        return f"提示：{self.why}，这个数不会写入报告" + (
            f"；如要写入，请在正文中加入 {{{self.key}}}" if self.why.startswith("本节用的是自己的文字") else "")

    def message(self, advice: bool = True) -> str:
        value = types.stated(self.spec, self.value) or str(self.value)
        advice = advice and self.why.startswith("本节用的是自己的文字")
        advice_text = f"；如要写入，请在正文中加入 {{{self.key}}}" if advice else ""
        return (f"章节“{self.heading}”（{self.section}）：填写了“{_short(self.label)}”（{value}），"
                f"但{self.why}，这个数不会写入报告{advice_text}")


def _short(prompt: str) -> str:
    return re.sub(r"（[^）]*）", "", prompt).strip() or prompt


def _record_field(key: str) -> str:
    """drills[2].participants → drills[].participants (a number of every record)."""
    return re.sub(r"\[\d+\]", "[]", key)


# ---------------------------------------------------------------- the numbers of a section


def numbers(section: Section, values: dict, facts: dict) -> list[tuple[str, FieldSpec, Any]]:
    """Every number of a section as (key, spec, this year's value): numeric fields, the numbers
    of the records it holds, its own facts."""
    out: list[tuple[str, FieldSpec, Any]] = []
    for spec in section.fields:
        if types.of(spec).numeric:
            out.append((spec.id, spec, values.get(spec.id)))
        elif spec.type == "records":
            for n, record in enumerate(values.get(spec.id) or [], 1):
                for sub in spec.fields:
                    if types.of(sub).numeric:
                        out.append((f"{spec.id}[{n}].{sub.id}", sub, (record or {}).get(sub.id)))
    out += [(fact_key(name), fact.spec, fact.value) for name, fact in facts.items()]
    return out


def _traced(value: Any, tag: int, fallback: int) -> Any:
    """The value a render is given for one number: traced, and as the template would see it.
    A text value (80余) stays text, between the marks; an empty one gets the fallback."""
    if isinstance(value, str) and not is_empty(value) and amount_value(value) is None:
        return f"{_OPEN}{tag}{_MID}{value.strip()}{_CLOSE}"
    return _stand_in(value, tag, fallback)


def _stand_ins(every: list[tuple[str, FieldSpec, Any]], filled_only: bool, order: int,
               previous: dict[str, Any]) -> dict[str, Any]:
    """key → the traced value of each number for one render. filled_only: this year's values,
    the empty ones left empty (the report as it stands). Otherwise every number has one: its
    own, else last year's, else a stand-in, larger (order 1) or smaller (order -1) the later
    the field comes, so that a template comparing two numbers is seen taking both branches;
    the second render (order -1) gives every number a stand-in."""
    out: dict[str, Any] = {}
    count = len(every)
    for tag, (key, _spec, value) in enumerate(every):
        fallback = _FIRST + _STEP * (tag if order > 0 else count - tag)
        if filled_only:
            if not is_empty(value):
                out[key] = _traced(value, tag, fallback)
        elif order > 0:
            known = value if not is_empty(value) else previous.get(key)
            out[key] = _traced(known, tag, fallback)
        else:
            out[key] = _Traced(fallback, tag)
    return out


def _found(rendered: str, every: list[tuple[str, FieldSpec, Any]]) -> set[str]:
    return {every[int(m.group(1))][0] for m in _TRACED.finditer(rendered) if int(m.group(1)) < len(every)}


# ---------------------------------------------------------------- own text


def _own_text(section: Section, answers: Answers, filled_only: bool, sentences: bool = True) -> Printed:
    sid = section.id
    text = answers.texts[sid]
    out = Printed(sid, TEXT)
    values = answers.values.get(sid) or {}
    own = answers.facts.get(sid) or {}
    fields = {f.id: f for f in owntext.with_chosen_units(section.fields, values)}
    try:
        slots = [p for p in owntext.pieces(text) if isinstance(p, owntext.Slot)]
    except owntext.SlotError:
        return out  # the file's loader says where; nothing is known to print
    for slot in slots:
        if slot.modifier == "previous":  # last year's value: this year's is not printed by it
            continue
        for name in (slot.name, *getattr(slot, "also", ())):  # a relation compares this year's values
            if name in own:
                out.keys.add(fact_key(name))
            elif name in fields and types.of(fields[name]).numeric:
                out.keys.add(name)
    if filled_only:
        return out
    every = [(k, s, v) for k, s, v in numbers(section, values, own) if k in out.keys]
    traced = _stand_ins(every, False, 1, {})
    shown_values = dict(values) | {k: v for k, v in traced.items() if k in fields}
    shown_own = {name: owntext.OwnFact(name, fact.spec, traced.get(fact_key(name), fact.value))
                 for name, fact in own.items()}
    try:
        rendered = owntext.render(text, fields, shown_values, {}, shown_own, {}).text
    except Exception:  # noqa: BLE001 - a slot the loader would refuse: the keys above still hold
        return out
    if sentences:
        _sentences(out, rendered, every)
    return out


# ---------------------------------------------------------------- templates


def _template(section: Section, answers: Answers, ontology: Ontology, context: dict | None,
              filled_only: bool, sentences: bool = True) -> Printed:
    sid = section.id
    out = Printed(sid, TEMPLATE)
    values = answers.values.get(sid) or {}
    every = numbers(section, values, {})
    if filled_only:
        every = [(k, s, v) for k, s, v in every if not is_empty(v)]
    if not every:
        return out
    if context is None:
        shared = report_wide(answers, ontology.observances, ontology.calendar.get("periods"))
        context = section_context(section, answers, shared)
        outline = answers.outline.section_ids()
        context["said"] = [s for s in outline[:outline.index(sid)] if answers.has_content(s)] if sid in outline else []
    previous = _previous_numbers(section, answers.previous.get(sid) or {})
    first: tuple[dict[str, Any], str] | None = None
    for order in ((1,) if filled_only else (1, -1)):
        traced = _stand_ins(every, filled_only, order, previous)
        rendered = _render(section, answers, ontology, context, traced, filled_only)
        if rendered is None:  # a template that cannot take a stand-in: say it prints them all
            out.keys |= {k for k, _, _ in every}
            return out
        first = first or (traced, rendered)
        out.keys |= _found(rendered, every)
        if sentences:
            _sentences(out, rendered, every)
    # a number written in words (0 as 未发生……, 6 as 第六届) counts too: the text changes without it
    assert first is not None
    traced, rendered = first
    for key in [k for k, _, _ in every if k not in out.keys and k in traced]:
        without = _render(section, answers, ontology, context, {k: v for k, v in traced.items() if k != key},
                          filled_only)
        if without is not None and _TRACED.sub(r"\2", without) != _TRACED.sub(r"\2", rendered):
            out.keys.add(key)
    return out


def _previous_numbers(section: Section, previous: dict) -> dict[str, Any]:
    out = {}
    for spec in section.fields:
        if types.of(spec).numeric:
            out[spec.id] = previous.get(spec.id)
    return out


def _render(section: Section, answers: Answers, ontology: Ontology, context: dict, traced: dict[str, Any],
            filled_only: bool) -> str | None:
    sid = section.id
    values = answers.values.get(sid) or {}
    context = dict(context)
    shown = dict(values)
    for spec in section.fields:
        if types.of(spec).numeric:
            shown[spec.id] = traced.get(spec.id)
        elif spec.type == "records" and values.get(spec.id):
            records = []
            for n, record in enumerate(values[spec.id], 1):
                record = dict(record or {})
                for sub in spec.fields:
                    if types.of(sub).numeric:
                        record[sub.id] = traced.get(f"{spec.id}[{n}].{sub.id}")
                records.append(record)
            shown[spec.id] = records
        else:
            continue
        value = shown[spec.id]
        if spec.type == "records":
            value = [{sub.id: rec.get(sub.id) for sub in spec.fields} for rec in value]
        context[spec.id] = data(value)
    previous = answers.previous.get(sid) or {}
    if not filled_only:  # sentences without a 同比 worked out from a stand-in
        numeric = {f.id for f in section.fields if types.of(f).numeric}
        context["prev"] = Namespace({k: (None if k in numeric else v) for k, v in context["prev"].items()})
        previous = {}
    context["cmp"] = comparisons(section, shown, previous)
    try:
        return render.render(section.template, context, ontology.templates)
    except Exception:  # noqa: BLE001 - any failure means: not known
        return None


# ---------------------------------------------------------------- sentences


def _plain(markup: str) -> str:
    """Section markup as the reader sees it: no heading marks, review marks or escapes; a line
    folded inside a paragraph joined again."""
    lines = []
    for line in markup.split("\n"):
        stripped = line.strip()
        lines.append(re.sub(r"^#{1,3}[ \t]+", "", stripped) + ("。" if stripped.startswith("#") else ""))
    text = re.sub(r"(?<!\n)\n(?!\n)", "", "\n".join(lines))
    return _ESCAPE.sub(r"\1", _MARK.sub("", text))


def _figure(spec: FieldSpec, value: Any) -> str:
    """This year's value in a sentence, without its unit (which the sentence has): xx if empty."""
    if is_empty(value) or (isinstance(value, str) and value.strip().lower().startswith("xx")):
        return "xx"
    said = types.stated(spec, value)
    unit = "%" if spec.type == "percent" else (spec.unit or "")
    return said[: -len(unit)] if unit and said.endswith(unit) else said


def _sentences(out: Printed, rendered: str, every: list[tuple[str, FieldSpec, Any]]) -> None:
    """The sentence of each traced number not given one yet; the number's place is BLANK, the
    other numbers of the sentence this year's values (xx when empty)."""
    text = _plain(rendered)
    tokens = [(m.start(), m.end(), int(m.group(1))) for m in _TRACED.finditer(text) if int(m.group(1)) < len(every)]
    for start, end, tag in tokens:
        key = every[tag][0]
        if key in out.sentences:
            continue
        lo, hi = _bounds(text, start, end)
        pieces, at = [], lo
        for s, e, other in tokens:
            if s < lo or e > hi:
                continue
            pieces.append(text[at:s])
            pieces.append(BLANK if other == tag else _figure(every[other][1], every[other][2]))
            at = e
        pieces.append(text[at:hi])
        sentence = _TRACED.sub(lambda m: m.group(2), "".join(pieces)).strip().rstrip("。；，,")
        out.sentences[key] = ("……" if lo > _start(text, start) else "") + sentence + (
            "……" if hi < _end(text, end) else "")


def _start(text: str, at: int) -> int:
    return max([text.rfind(m, 0, at) for m in _ENDS + "\n"]) + 1


def _end(text: str, at: int) -> int:
    ends = [i for i in (text.find(m, at) for m in _ENDS + "\n") if i >= 0]
    return min(ends) + 1 if ends else len(text)


def _bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]; a long one narrowed to the clauses nearest the number."""
    lo, hi = _start(text, start), _end(text, end)

    def width(a: int, b: int) -> int:  # as the reader sees it: the marks around numbers do not count
        return len(_TRACED.sub(r"\2", text[a:b]))

    if width(lo, hi) <= _LONG:
        return lo, hi
    cuts = [lo] + [lo + m.start() for m in _CLAUSE.finditer(text[lo:hi]) if 0 < m.start() < hi - lo] + [hi]
    k = max(i for i in range(len(cuts) - 1) if cuts[i] <= start)
    a, b = k, k + 1
    while width(cuts[a], cuts[b]) < _WINDOW and (a > 0 or b < len(cuts) - 1):
        left = width(cuts[a - 1], cuts[a]) if a > 0 else None
        right = width(cuts[b], cuts[b + 1]) if b < len(cuts) - 1 else None
        if left is not None and (right is None or left <= right):
            a -= 1
        else:
            b += 1
    lo, hi = cuts[a], cuts[b]
    if width(lo, hi) > _LONG and start - lo > _WINDOW:  # one long clause: the words nearest the number
        lo = start - _WINDOW
        inside = next((m for m in _TRACED.finditer(text, cuts[a], start) if m.start() < lo < m.end()), None)
        lo = inside.end() if inside else lo
    return lo, hi


# ---------------------------------------------------------------- a section, a report


def section(answers: Answers, ontology: Ontology, sid: str, context: dict | None = None,
            filled_only: bool = False, sentences: bool = True) -> Printed:
    """What section sid prints. filled_only: only the numbers that have a value, in the report
    as it stands (build, check); otherwise every number, each given a value (ask, the sheet).
    context: the section's template context when the caller has it (compose). sentences: False
    when only whether each number prints is wanted (build's warnings: half the cost)."""
    sec = answers.section(sid, ontology)
    if sid in answers.texts:
        out = _own_text(sec, answers, filled_only, sentences)
    elif sec.template:
        out = _template(sec, answers, ontology, context, filled_only, sentences)
    else:
        out = Printed(sid, TEMPLATE)
    out.table = bool(answers.outline.attachments)
    return out


def report(answers: Answers, ontology: Ontology) -> dict[str, Printed]:
    """Every outline section's numbers as `section` gives them (every number given a value)."""
    return {sid: section(answers, ontology, sid) for sid in answers.outline.section_ids()}


_KNOWN: dict[str, Printed] = {}  # what a section prints, by everything its answer to that depends on


def _printed_as_it_stands(answers: Answers, ontology: Ontology, sid: str, context: dict | None) -> Printed:
    """section(filled_only=True) without sentences, remembered: a rebuild (--watch, a batch)
    works a section out again only when its answers, last year's or its place have changed."""
    meta = answers.meta
    sec = answers.section(sid, ontology)
    try:  # a template edited while --watch runs is read again
        stamp = (Path(ontology.templates) / sec.template).stat().st_mtime_ns if sec.template else 0
    except (OSError, TypeError):
        stamp = 0
    key = repr((sid, str(ontology.templates), stamp, answers.values.get(sid), answers.previous.get(sid),
                answers.texts.get(sid), meta.year, meta.issuer, meta.region,
                (context or {}).get("said"), bool(answers.outline.attachments)))
    found = _KNOWN.get(key)
    if found is None:
        if len(_KNOWN) > 2000:
            _KNOWN.clear()
        found = _KNOWN[key] = section(answers, ontology, sid, context, filled_only=True, sentences=False)
    return found


def unprinted(answers: Answers, ontology: Ontology, sid: str, context: dict | None = None) -> list[Unprinted]:
    """The values entered in section sid that nothing in the report prints."""
    sec = answers.section(sid, ontology)
    values = answers.values.get(sid) or {}
    filled = [(k, s, v) for k, s, v in numbers(sec, values, {}) if not is_empty(v)]
    if not filled:
        return []
    found = _printed_as_it_stands(answers, ontology, sid, context)
    labels = dict(_labels(sec, values))
    return [Unprinted(sid, sec.heading, k, labels.get(k, s.prompt), v, s, found.why_not())
            for k, s, v in filled if not found.prints(k)]


def _labels(sec: Section, values: dict) -> list[tuple[str, str]]:
    out = []
    for spec in sec.fields:
        if spec.type == "records":
            for n, _ in enumerate(values.get(spec.id) or [], 1):
                out += [(f"{spec.id}[{n}].{sub.id}", f"{spec.prompt}第 {n} 条：{sub.prompt}") for sub in spec.fields]
    return out


def all_unprinted(answers: Answers, ontology: Ontology) -> list[Unprinted]:
    """Every value of the outline's sections that nothing in the report prints (check)."""
    out: list[Unprinted] = []
    for sid in answers.outline.section_ids():
        if answers.has_content(sid):
            out += unprinted(answers, ontology, sid)
    return out


def warning_line(spec: FieldSpec, printed: Printed) -> str:
    """The one line said where such a value is entered (the wizard, the --numbers screen)."""
    return f"提示：{printed.why_not()}，这个数不会写入报告"
