"""Year-bound facts from sections/_calendar.yaml: which 普法 plan and 纲要 period a year
falls in, and the guiding wording reports of that year use. A year the data does not
cover gives None; callers warn, they never guess."""
from __future__ import annotations

from drafter.ontology import Ontology


def period(ontology: Ontology, kind: str, year: int) -> dict | None:
    for p in (ontology.calendar.get("periods") or {}).get(kind) or []:
        if int(p["start"]) <= year <= int(p["end"]):
            return dict(p)
    return None


def wording(ontology: Ontology, year: int) -> str | None:
    table = ontology.calendar.get("wording") or {}
    text = table.get(year, table.get(str(year)))
    return str(text) if text else None
