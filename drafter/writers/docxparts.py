"""The .docx's fixed names, shared by the writer (drafter.writers.docx) and the maker of the
styled blank it fills (drafter.writers.blank): style names, part names and the Blank itself.
Its own module, so that neither of the two imports the other."""
from __future__ import annotations

from dataclasses import dataclass

from drafter.writers.zipped import Deflated

HEADING_STYLE = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4"}
RUN_IN_STYLE = {1: "Run-in Heading 1", 2: "Run-in Heading 2", 3: "Run-in Heading 3", 4: "Run-in Heading 4"}
MARK_LEADING = 1.2  # the 发文机关标志's line height, times its size
PARA_STYLES = ("Title", "Doc Number", "Addressee", "Signature", "Signature Date")
DOCUMENT = "word/document.xml"
CORE = "docProps/core.xml"


@dataclass(frozen=True, eq=False)  # never compared: equality and hashing would cost every start
class Blank:
    """The styled empty report as its package's parts (see drafter.writers.blank)."""

    # with the answers part, in python-docx's order, document.xml left out; deflated but for
    # core.xml and the answers item, which each report fills in
    parts: dict[str, bytes | Deflated]
    without_answers: dict[str, Deflated | None]  # what differs without it: replaced parts, None = dropped
    answers_item: str  # the part that holds the answers text
    document_head: bytes  # document.xml up to the body's end, where the report's body goes
    document_tail: bytes  # the body's w:sectPr and the rest
    style_ids: dict[str, str]  # by style name
    table_width_emu: int  # what python-docx shares out among a new table's columns
