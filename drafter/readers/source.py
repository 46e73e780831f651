"""What every reader returns: the blocks of a report file, neutral of format and of the ontology.

A reader turns one file into a `Source`; `drafter.readers.cleanup` then tidies its text the same
way for every format. Nothing here knows sections, fields or templates: the importer and the
checker build on this.

SourceBlock fields
  kind          "paragraph" or "table".
  text          simplified Chinese, whitespace normalised. A paragraph with Word automatic
                numbering has its rendered label ("一、", "（一）", "1.", "(1)") prepended.
                A table's text is its rows joined by newlines, the cells by tabs.
  index         1-based position among the non-empty paragraphs and tables of the source body,
                before cleanup ("第12段"); a joined paragraph keeps the index of its first part.
  level         outline level 1–9 when the source marks it (Word Heading N / w:outlineLvl,
                HTML h1–h6, Markdown #), else None.
  auto_number   the automatic list label when it came from Word numbering, else None.
  bold          every text run is bold.
  centered      the paragraph is centred.
  font          the explicit East Asian font of the first text run (黑体, 楷体_GB2312 …).
  rows          tables only: the cell texts, row by row.

Source fields
  path, format  the file read and what it really was (docx txt md html mhtml doc wps rtf odt pdf).
  blocks        the body, in order.
  header_texts  text of the page header area and of text boxes before the body (版头, 文号).
  embedded_answers  the answers YAML a drafter-made .docx carries, else None.
  notes         what the reader and the cleanup did, in Chinese, for the user.
  dropped       lines removed as website furniture or page numbers, kept so a caller can still
                look at them (a web page's 文号 or 成文日期 line lives here).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class SourceBlock:
    kind: str
    text: str
    index: int
    level: int | None = None
    auto_number: str | None = None
    bold: bool = False
    centered: bool = False
    font: str | None = None
    rows: list[list[str]] | None = None
    bookmark: str | None = None  # drafter's own bookmark (_drafter12): where the paragraph came from
    commented: bool = False  # an open comment is anchored on it

    @property
    def is_table(self) -> bool:
        return self.kind == "table"


@dataclass
class Source:
    path: Path
    format: str
    blocks: list[SourceBlock] = field(default_factory=list)
    header_texts: list[str] = field(default_factory=list)
    embedded_answers: str | None = None
    origins: dict[str, Any] = field(default_factory=dict)  # bookmark → where drafter wrote it from
    notes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    def origin(self, block: SourceBlock):
        """The model.Origin of a paragraph drafter wrote (Word keeps its bookmark through
        edits), or None: a paragraph the clerk added, or a document drafter did not write.
        A heading that runs into its text is given the section of that text."""
        entry = self.origins.get(block.bookmark) if block.bookmark else None
        if not isinstance(entry, list) or len(entry) < 5:
            return None
        from drafter.model import Origin

        section, kind, index, joined, body = entry[:5]
        return Origin(section=body or section, kind=str(kind), index=int(index or 0),
                      joined=tuple(str(j) for j in joined or ()))

    def reviewed_in_word(self, block: SourceBlock) -> bool:
        """A paragraph drafter wrote with a review comment (a carried paragraph to check) whose
        comment the clerk deleted or resolved in Word: reviewed there."""
        entry = self.origins.get(block.bookmark) if block.bookmark else None
        return isinstance(entry, list) and len(entry) > 5 and bool(entry[5]) and not block.commented

    def paragraphs(self) -> list[SourceBlock]:
        return [b for b in self.blocks if b.kind == "paragraph"]

    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


def table_text(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(cells) for cells in rows)
