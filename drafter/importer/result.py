"""What an import gives back: the answers text, the report's metadata, and the units (each
section to be, with its lines and where it stood). Its own module, so that the stages that
make or read it (emit, the round trip) need not import the importer itself."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from drafter.importer import mapping, metadata, slots
from drafter.importer.outline import Line
from drafter.readers.source import Source


@dataclass
class Unit:
    """One section of the answers file to be: its lines and where they stood."""
    key: int
    role: str  # intro | closing | part | lead | sub | whole
    heading: str | None  # the heading scored and kept (level two, or the part's)
    lines: list[Line]
    base: int  # the level its own heading stands at (markup goes below it)
    part: int | None = None  # index of its part
    run_in: bool = False
    where: str = ""  # 来自 …, for the comment
    own_title: str = ""  # the heading an own section gets when the block has none of its own
    section: str | None = None
    confidence: str = ""  # 有把握 | 推测 | 自拟 | 按位置
    choice: mapping.Choice | None = None
    text: str = ""
    facts: slots.Facts = field(default_factory=slots.Facts)
    records: list[dict] = field(default_factory=list)


@dataclass
class ImportResult:
    text: str  # the answers YAML
    meta: metadata.Metadata
    units: list[Unit]
    shape: str
    numbering: str
    source: Source
    changed: list[str] = field(default_factory=list)  # round trip: sections edited in Word
    embedded: bool = False
    notes: list[str] = field(default_factory=list)

    def summary(self) -> list[str]:
        from drafter.importer.emit import summary
        return summary(self)


def default_year(meta: metadata.Metadata) -> int:
    if meta.date:
        return meta.date.year if meta.date.month > 3 else meta.date.year - 1
    return _dt.date.today().year - 1
