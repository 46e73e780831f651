"""Paragraphs from `pdftotext -layout` output.

A PDF knows lines, not paragraphs. Chinese official documents indent each paragraph's first
line by two characters, so with the layout kept: a line at the left margin that follows a line
running to the right margin continues that paragraph; any other line starts a new one (an
indented first line, a centred title, a right-aligned signature, a line after a short one).
Page numbers and page breaks in between do not interrupt a paragraph.
"""
from __future__ import annotations

import statistics

from drafter.readers.cleanup import is_page_number

FULL_LINE = 0.85  # of the usual right edge: the line ran on to the next
BODY_INDENT = 4  # columns: a first-line indent is two characters


def paragraphs(layout_text: str) -> list[str]:
    lines = [line.rstrip() for line in layout_text.replace("\f", "\n").split("\n")]
    text_lines = [line for line in lines if line.strip() and not is_page_number(line)]
    if not text_lines:
        return []
    margin = min(_indent(line) for line in text_lines)
    # body lines (at the margin or indented two characters) show where the right margin is;
    # centred titles and right-aligned signatures do not
    body = [len(line) for line in text_lines if _indent(line) <= margin + BODY_INDENT] or [0]
    right_edge = statistics.quantiles(body, n=10)[-1] if len(body) > 1 else body[0]
    out: list[str] = []
    previous_full = False
    for line in lines:
        if not line.strip():
            continue
        if is_page_number(line):
            out.append(line.strip())  # dropped, counted, by the cleanup
            continue
        at_margin = _indent(line) <= margin + 1
        if out and at_margin and previous_full and not is_page_number(out[-1]):
            out[-1] += line.strip()
        elif out and at_margin and previous_full:
            page_number = out.pop()
            out[-1] += line.strip()
            out.append(page_number)
        else:
            out.append(line.strip())
        previous_full = len(line) >= FULL_LINE * right_edge
    return out


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())
