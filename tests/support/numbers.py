"""Numbers in reports: what a sample report states, and what drafter's rendering states.

Used by the coverage tests: every number of an original report should appear in the
rendering of its example, and most of them should come from typed fields.
"""
from __future__ import annotations

import copy
import re
from collections import Counter
from pathlib import Path

from drafter import types
from drafter.answers import Answers
from drafter.model import Document, Heading, Paragraph
from drafter.ontology import Ontology

# the figures and the other numbers (serial, year) of drafter.types
NUMERIC_TYPES = (*(name for name, kind in types.REGISTRY.items() if kind.numeric), "serial", "year")

NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Structural numbering of the original (1. / (1) / （1） at a line start) is not a fact.
_STRUCTURAL = re.compile(r"^\s*(?:\d+[.．、]|[（(]\d+[)）])")
# Web-page debris before a body (publication date, index number) is not a fact.
_DEBRIS = ("信息提供日期", "信息索引号", "来源 :", "免责声明")


def sample_numbers(text: str) -> list[str]:
    out: list[str] = []
    for line in text.splitlines():
        if any(d in line for d in _DEBRIS):
            continue
        line = _STRUCTURAL.sub("", line)
        out.extend(NUMBER.findall(line))
    return out


def read_fixture(path: Path) -> Counter:
    numbers = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            numbers.append(line)
    return Counter(numbers)


def document_text(doc: Document) -> str:
    """All text of the document without heading numbers (一、 （一） 1. （1））."""
    parts = [doc.doc_number or "", doc.title, doc.addressee or ""]
    for block in doc.blocks:
        if isinstance(block, Heading):
            parts.append(block.text)
            parts.append(block.body or "")
        elif isinstance(block, Paragraph):
            parts.append(block.text)
    parts += [doc.signature or "", doc.date or ""]
    return "\n".join(parts)


def document_numbers(doc: Document) -> Counter:
    return Counter(NUMBER.findall(document_text(doc)))


def coverage(original: Counter, rendered: Counter) -> tuple[float, Counter]:
    total = sum(original.values())
    missing = Counter({n: c - rendered[n] for n, c in original.items() if c > rendered[n]})
    if not total:
        return 1.0, missing
    return 1 - sum(missing.values()) / total, missing


def typed_only(answers: Answers, ontology: Ontology) -> Answers:
    """The same answers with every free-text value removed: what typed fields alone say."""
    stripped = copy.copy(answers)
    stripped.values = {}
    for sid, values in answers.values.items():
        section = ontology.sections[sid]
        kept = {}
        for spec in section.fields:
            value = values.get(spec.id)
            if spec.type in NUMERIC_TYPES or spec.type in ("date", "flag"):
                kept[spec.id] = value
            elif spec.type == "records" and value:
                numeric = {f.id for f in spec.fields if f.type in NUMERIC_TYPES or f.type in ("date", "flag")}
                kept[spec.id] = [{k: (v if k in numeric else None) for k, v in rec.items()} for rec in value]
            else:
                kept[spec.id] = None
        stripped.values[sid] = kept
    return stripped
