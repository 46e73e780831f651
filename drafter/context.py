"""Template context: what a section template sees.

Every field of the section is defined (None when unanswered), so StrictUndefined catches a
template that names a field the ontology lacks, while an empty answer simply leaves its
clause out. `prev` holds the previous year's values of the same fields, `report` the
metadata.
"""
from __future__ import annotations

from typing import Any

from drafter import types
from drafter.answers import Answers, ReportMeta
from drafter.filters import cn_date, edition
from drafter.ontology import Section
from drafter.render import escape_value


class Namespace(dict):
    """A dict whose keys are also attributes, for `prev.inspections` in templates."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def data(value: Any) -> Any:
    """A user's value as templates see it: text escaped for the section markup, once."""
    if isinstance(value, str):
        return escape_value(value)
    if isinstance(value, list):
        return [data(v) for v in value]
    if isinstance(value, dict):
        return Namespace({k: data(v) for k, v in value.items()})
    return value


def report_context(meta: ReportMeta) -> Namespace:
    return Namespace(
        issuer=data(meta.issuer),
        region=data(meta.region or ""),
        year=meta.year,
        previous_year=meta.year - 1,
        next_year=meta.year + 1,
        title=data(meta.display_title),
        date=cn_date(meta.date),
    )


def _values(section: Section, raw: dict[str, Any] | None) -> dict[str, Any]:
    raw = raw or {}
    out = {}
    for spec in section.fields:
        value = raw.get(spec.id)
        if spec.type == "records" and value:
            value = [{sub.id: rec.get(sub.id) for sub in spec.fields} for rec in value]
        out[spec.id] = data(value)
    return out


def calendar_context(observances: dict[str, dict], year: int, periods: dict | None = None) -> Namespace:
    """calendar.safety_month → 20 in 2021: which edition each yearly event has this year;
    calendar.pufa → 八五, calendar.gangyao → 2021—2025年: the period the year falls in."""
    out = Namespace({key: edition(year, event["first_year"]) for key, event in observances.items()})
    for kind, items in (periods or {}).items():
        out[kind] = next((str(p["name"]) for p in items if int(p["start"]) <= year <= int(p["end"])), None)
    return out


def comparisons(section: Section, values: dict[str, Any], previous: dict[str, Any]) -> Namespace:
    """cmp.<field>: “，同比增加270次，上升10.8%” for fields worth comparing (compare: true),
    "" when either year is missing or not an exact number. Percentages compare in points."""
    out = Namespace()
    for spec in section.fields:
        text = types.compare(values.get(spec.id), previous.get(spec.id), spec) if spec.compare else ""
        out[spec.id] = f"，{text}" if text else ""
    return out


def report_wide(answers: Answers, observances: dict[str, dict] | None = None, periods: dict | None = None) -> dict[str, Any]:
    """What every section of one report sees alike (`report`, `calendar`): made once a report.
    Templates cannot change it: they run in an immutable sandbox."""
    return {"report": report_context(answers.meta),
            "calendar": calendar_context(observances or {}, answers.meta.year, periods)}


def section_context(section: Section, answers: Answers, shared: dict[str, Any]) -> dict[str, Any]:
    """What a section's template sees: its fields, last year's (prev), comparisons (cmp) and
    the report-wide names (report_wide)."""
    values = _values(section, answers.values.get(section.id))
    ctx: dict[str, Any] = dict(values)
    ctx["prev"] = Namespace(_values(section, answers.previous.get(section.id)))
    ctx["cmp"] = comparisons(section, answers.values.get(section.id) or {}, answers.previous.get(section.id) or {})
    ctx.update(shared)
    ctx["section"] = Namespace(id=section.id, heading=section.heading)
    return ctx
