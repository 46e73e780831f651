"""The report's outline from its heading numbers: 一、 （一） 1. （1）, half-width variants,
run-in headings（（一）标题。正文……）, levels skipped, （一） continuous across parts or restarting.

Levels are the numbering styles in the order of their usual rank, counting only the styles the
report uses: a report that writes （1） directly under 一、 gets （1） as its level two. The
result is neutral of the ontology: parts, each with its lead text and its level-two blocks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.facts import cn_int
from drafter.importer.rules import Rules
from drafter.numerals import cn_number
from drafter.readers.source import SourceBlock

MAX_LEVEL = 4  # the document model's deepest heading
_INNER_MARKS = re.compile(r"[。；;！？]")
_CLAUSE = re.compile(r"[，,；;]")
_CN = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass
class Line:
    block: SourceBlock
    text: str
    style: str | None = None
    rank: int | None = None
    label: str = ""  # the number as written: “（一）”
    heading: str | None = None
    body: str | None = None  # a run-in heading's text after the heading
    level: int | None = None

    @property
    def is_heading(self) -> bool:
        return self.level is not None

    def number(self) -> int | None:
        digits = re.sub(r"[^0-9一二三四五六七八九十]", "", self.label.translate(_CN))
        if not digits:
            return None
        return int(digits) if digits.isdigit() else cn_int(digits)


@dataclass
class Block:
    """What may become one section: a heading (or none) and the lines under it."""
    heading: str | None
    run_in: bool
    level: int  # the level of its own heading; 1 for a part's own text
    lines: list[Line] = field(default_factory=list)
    source_heading: str = ""  # as written, with its number, for the comments
    head: Line | None = None  # its own heading line (with a run-in text)


@dataclass
class PartNode:
    heading: str | None
    label: str = ""
    lead: list[Line] = field(default_factory=list)  # lines before its first level-two heading
    subs: list[Block] = field(default_factory=list)

    def all_lines(self) -> list[Line]:
        """Its lines with the level-two headings in place (run-in text back on its heading)."""
        out = list(self.lead)
        for sub in self.subs:
            out += [sub.head, *sub.lines[1:]] if sub.run_in else [sub.head, *sub.lines]
        return out


@dataclass
class OutlineNode:
    intro: list[Line]
    parts: list[PartNode]
    continuous: bool
    skipped: list[str]  # styles used at a level other than their usual one
    lines: list[Line]


def classify(block: SourceBlock, rules: Rules) -> Line:
    text = block.text.strip()
    line = Line(block=block, text=text)
    if block.is_table:
        return line
    for style in rules.headings:
        m = style.pattern.match(text)
        if not m:
            continue
        rest = text[m.end():].strip()
        heading, body = _split_heading(rest, rules)
        if heading:
            line.style, line.rank, line.label, line.heading, line.body = style.style, style.rank, m.group(0), heading, body
        break
    else:  # no number, but a heading by its style (Word 标题 1, HTML <h2>, Markdown ##)
        bare = text.rstrip("。")
        if block.level and len(bare) <= rules.standalone_max and not _INNER_MARKS.search(bare):
            line.style, line.rank, line.heading = f"标题{block.level}", block.level, bare
    return line


def _split_heading(rest: str, rules: Rules) -> tuple[str | None, str | None]:
    """（一）标题。正文 → (标题, 正文); a short line → (line, None); a long numbered paragraph
    with no full stop early → cut at its first comma, so its number is still a heading's."""
    if not rest:
        return None, None
    for i, ch in enumerate(rest[: rules.run_in_max + 1]):
        if ch in rules.run_in_ends:
            heading, body = rest[:i].strip(), rest[i + 1:].strip()
            if heading and body and not _INNER_MARKS.search(heading):
                return heading, body
            break
    bare = rest.rstrip("。：:")
    if len(bare) <= rules.standalone_max and not _INNER_MARKS.search(bare):
        return bare, None
    m = _CLAUSE.search(rest[: rules.run_in_max + 1])
    if m and m.start() > 1:
        return rest[:m.start()].strip(), rest[m.end():].strip() or None
    return None, None


def build(blocks: list[SourceBlock], rules: Rules) -> OutlineNode:
    lines = [classify(b, rules) for b in blocks]
    ranks = sorted({ln.rank for ln in lines if ln.rank is not None})
    level_of = {rank: i + 1 for i, rank in enumerate(ranks)}
    skipped = sorted({ln.style for ln in lines
                      if ln.label and ln.rank is not None and level_of[ln.rank] != ln.rank and level_of[ln.rank] <= MAX_LEVEL})
    for ln in lines:
        if ln.rank is not None and level_of[ln.rank] <= MAX_LEVEL:
            ln.level = level_of[ln.rank]
        else:
            ln.style = ln.rank = ln.heading = ln.body = None
            ln.label = ""
    intro: list[Line] = []
    parts: list[PartNode] = []
    for ln in lines:
        if ln.level == 1:
            parts.append(PartNode(heading=ln.heading, label=ln.label))
            if ln.body:  # a run-in level-one heading: its text is the part's lead
                parts[-1].lead.append(Line(block=ln.block, text=ln.body))
            continue
        if not parts:
            intro.append(ln)
            continue
        part = parts[-1]
        if ln.level == 2:
            part.subs.append(Block(heading=ln.heading, run_in=ln.body is not None, level=2, lines=[],
                                   source_heading=ln.text if ln.body is None else ln.label + ln.heading, head=ln))
            if ln.body:
                part.subs[-1].lines.append(Line(block=ln.block, text=ln.body))
        elif part.subs:
            part.subs[-1].lines.append(ln)
        else:
            part.lead.append(ln)
    return OutlineNode(intro=intro, parts=parts, continuous=_continuous(parts), skipped=skipped, lines=lines)


def _continuous(parts: list[PartNode]) -> bool:
    """（一）…（五） in part one, （六）… in part two: numbered straight through."""
    firsts = []
    for part in parts:
        if part.subs:
            first = next((ln for ln in _sub_heading_lines(part)), None)
            firsts.append(first)
    return any(n is not None and n > 1 for n in firsts[1:])


def _sub_heading_lines(part: PartNode):
    for sub in part.subs:
        m = re.match(r"^[（(]?([一二三四五六七八九十0-9０-９]+)", sub.source_heading)
        if m:
            raw = m.group(1).translate(_CN)
            yield int(raw) if raw.isdigit() else cn_int(raw)


def markup(lines: list[Line], base: int) -> list[tuple[str | None, str | None]]:
    """The paragraphs of a section's own text as (heading line, text): headings below `base`
    become `# ` lines; the text is where numbers may turn into slots."""
    out: list[tuple[str | None, str | None]] = []
    for ln in lines:
        if ln.level is not None and 1 <= ln.level - base <= 3:
            out.append(("#" * (ln.level - base) + " " + escape(ln.heading or ""), escape(ln.body) if ln.body else None))
        elif ln.block.is_table and ln.block.rows and ln.text == ln.block.text:
            out += [(None, escape("　".join(c for c in row if c))) for row in ln.block.rows if any(row)]
        else:
            out.append((None, escape(ln.text)))
    return out


def escape(text: str) -> str:
    """A source's text as own text: a leading #, a backslash or a brace is never markup."""
    text = text.replace("\\", "\\\\")
    for ch in "{}｛｝":  # a brace of the report's own, never a slot: \{ prints {
        text = text.replace(ch, "\\" + ch)
    return "\\" + text if text.startswith("#") else text


def cn_ordinal(n: int) -> str:
    return cn_number(n)


def _ordinal(mark: str) -> int | None:
    return cn_int(mark[:-1]) if mark.endswith("是") else None


def enumerated(lines: list[Line], rules: Rules) -> tuple[list[tuple[str, list[Line]]], bool] | None:
    """A part written as 一是……二是……: its items as (lead, lines), and whether they run on in one
    paragraph. None unless the part opens with 一是, counts on in order, and every item has a
    lead (up to 。) and text after it — the shape drafter's enumerate styles rebuild exactly."""
    if not lines or any(ln.is_heading or ln.block.is_table for ln in lines):
        return None
    if len(lines) == 1:
        marks = list(rules.enumerators.finditer(lines[0].text))
        if len(marks) < 2 or marks[0].start() != 0:
            return None
        pieces = [(m, lines[0].text[m.end():(marks[k + 1].start() if k + 1 < len(marks) else None)])
                  for k, m in enumerate(marks)]
        inline = True
    else:
        pieces = []
        for ln in lines:
            m = rules.enumerators.match(ln.text)
            if m and not list(rules.enumerators.finditer(ln.text))[1:]:
                pieces.append((m, ln.text[m.end():]))
            elif m or not pieces:
                return None  # several items in one paragraph, or text before 一是
            else:
                pieces[-1] = (pieces[-1][0], pieces[-1][1] + "\n" + ln.text)
        inline = False
    if len(pieces) < 2:
        return None
    items = []
    for k, (mark, text) in enumerate(pieces, 1):
        if _ordinal(mark.group(0)) != k:
            return None
        head, _, body = _lead(text, rules)
        if not head or not body.strip():
            return None
        block = lines[0].block
        items.append((head, [Line(block=block, text=t) for t in body.split("\n") if t.strip()]))
    return items, inline


def _lead(text: str, rules: Rules) -> tuple[str, str, str]:
    for i, ch in enumerate(text[: rules.run_in_max + 1]):
        if ch in "。！？":
            return text[:i].strip(), ch, text[i + 1:].strip()
    return "", "", text
