"""Markdown writer: the report as readable plain text (also what snapshot tests compare)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.model import Document, Heading, Paragraph, Table

if TYPE_CHECKING:
    from drafter.writers import WriteOptions

_MARKS = {1: "##", 2: "###", 3: "####", 4: "#####"}


def _escape(text: str) -> str:
    # Keep a paragraph that happens to start like Markdown structure from turning into it.
    if text[:1] in "#>-+*|" or (text[:2].rstrip(".").isdigit() and text[1:2] == "."):
        return "\\" + text
    return text


def to_markdown(doc: Document) -> str:
    lines: list[str] = []
    if doc.header and doc.issuer_mark:
        lines += [f"<center>{doc.issuer_mark}</center>", ""]
    if doc.doc_number:
        lines += [f"<center>{doc.doc_number}</center>", ""]
    lines += [f"# {doc.title}", ""]
    if doc.addressee:
        lines += [doc.addressee_line(), ""]
    for block in doc.blocks:
        if isinstance(block, Heading):
            if block.run_in:
                lines.append(f"**{block.number}{block.text}**{block.body}")
            else:
                lines.append(f"{_MARKS[block.level]} {block.number}{block.text}")
        elif isinstance(block, Paragraph):
            lines.append(_escape(block.text))
        lines.append("")
    lines += attachment_note(doc)
    for line in doc.closing():
        lines += [f"<p align=\"right\">{line}</p>", ""]
    for label, attachment in zip(doc.attachment_labels(), doc.attachments):
        lines += ["---", "", f"**{label}**", "", f"### {attachment.title}", ""]
        for block in attachment.blocks:
            if isinstance(block, Table):
                lines += _table(block)
            elif isinstance(block, Paragraph):
                lines += [_escape(block.text), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def attachment_note(doc: Document) -> list[str]:
    """附件说明: 附件：XXX, or 附件：1.XXX / 2.XXX, without closing punctuation."""
    note = doc.attachment_note()
    if not note:
        return []
    return [note[0], *[f"　　　{item}" for item in note[1:]], ""]


def write(doc: Document, options: WriteOptions) -> bytes:
    return to_markdown(doc).encode("utf-8")


def _table(table: Table) -> list[str]:
    def row(cells):
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"
    return [row(table.header), "|" + "---|" * len(table.header), *[row(r) for r in table.rows], ""]
