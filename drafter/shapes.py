"""Outline shapes: the common ways a report is laid out, as data (sections/_shapes.yaml).

Given a shape and the sections a user chose, build the `outline:` of a new answers file.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drafter import datafiles, outline_data
from drafter.errors import DrafterError, Location
from drafter.ontology import Ontology

SHAPES_FILE = "_shapes.yaml"


@dataclass
class Shape:
    id: str
    name: str
    description: str
    raw: dict


def load_shapes(ontology: Ontology) -> list[Shape]:
    # the shapes name this ontology's sections: a test ontology without its own has none
    path = datafiles.find(SHAPES_FILE, ontology.root, builtin=False)
    data = datafiles.table(SHAPES_FILE, ontology.root, builtin=False)
    shapes = []
    for key, raw in (data.get("shapes") or {}).items():
        for part in raw.get("parts") or []:
            for sid in part.get("sections") or []:
                if sid not in ontology.sections:
                    raise DrafterError(f"结构“{key}”引用了不存在的章节“{sid}”", Location(file=str(path)))
        shapes.append(Shape(str(key), str(raw.get("name") or key), str(raw.get("description") or ""), raw))
    return shapes


def build_outline(shape: Shape, chosen: list[str], ontology: Ontology) -> dict[str, Any]:
    """The outline mapping for an answers file: the chosen sections placed by the shape."""
    order = [s.id for a in ontology.areas for s in a.sections]
    chosen_set = set(chosen)
    placed: set[str] = set()
    explicit = {sid for part in shape.raw.get("parts") or [] for sid in part.get("sections") or []}
    by_area = {}
    for area in ontology.areas:
        by_area[area.id] = [s.id for s in area.sections]
    parts = []
    for part in shape.raw.get("parts") or []:
        if part.get("rest"):
            ids = [sid for sid in order if sid in chosen_set and sid not in explicit and sid not in placed]
        elif part.get("areas"):
            ids = [sid for area in part["areas"] for sid in by_area.get(area, [])
                   if sid in chosen_set and sid not in explicit and sid not in placed]
        else:
            ids = [sid for sid in part.get("sections") or [] if sid in chosen_set]
        if not ids:
            continue
        placed.update(ids)
        parts.append(outline_data.part_entry(part.get("heading"), ids, style=part.get("style")))
    leftover = [sid for sid in order if sid in chosen_set and sid not in placed]
    if leftover:  # chosen but with no place in this shape: a closing part keeps them
        parts.append(outline_data.part_entry("其他工作情况", leftover))
    return {"numbering": shape.raw.get("numbering", "restart"), "run_in": bool(shape.raw.get("run_in", False)),
            "parts": parts}


def default_sections(ontology: Ontology, shape: Shape) -> list[str]:
    """Sections a typical report has: those seen in two or more sample reports, and the
    sections the shape itself names (opening, problems, plans or closing)."""
    named = {sid for part in shape.raw.get("parts") or [] for sid in part.get("sections") or []}
    out = []
    for area in ontology.areas:
        for s in area.sections:
            if s.id in named or (len(s.samples) >= 2 and s.area != "review"):
                out.append(s.id)
    return [sid for sid in out if ontology.role_of(sid) != "other"]
