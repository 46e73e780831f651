"""Markdown writer: the report as readable plain text (also what snapshot tests compare)."""
from __future__ import annotations

from drafter.model import Document, Heading, Paragraph

_MARKS = {1: "##", 2: "###", 3: "####", 4: "#####"}


def _escape(text: str) -> str:
    # Keep a paragraph that happens to start like Markdown structure from turning into it.
    if text[:1] in "#>-+*|" or text[:2].rstrip(".").isdigit() and text[1:2] == ".":
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
        lines += [f"{doc.addressee}：", ""]
    for block in doc.blocks:
        if isinstance(block, Heading):
            if block.run_in:
                lines.append(f"**{block.number}{block.text}**{block.body}")
            else:
                lines.append(f"{_MARKS[block.level]} {block.number}{block.text}")
        elif isinstance(block, Paragraph):
            lines.append(_escape(block.text))
        lines.append("")
    if doc.signature:
        lines += [f"<p align=\"right\">{doc.signature}</p>", ""]
    if doc.date:
        lines += [f"<p align=\"right\">{doc.date}</p>", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
