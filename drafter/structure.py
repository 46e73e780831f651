"""The report's frame, read once and the same way for `drafter import` and `drafter check`.

Any readers `Source` (drafter.readers) becomes a `Frame`: the 版头 and 文号 lines, the title
(possibly over several lines, or repeated by a web page), the 主送机关 (ending in ：), the body
blocks, the 附件说明 (附件：…), the 落款 (with or without a date), the 成文日期 and the
attachments set after the 落款. Headings in the body and their levels come from the one heading
grammar of sections/_import.yaml (`headings`), by `Frame.lines` (drafter.importer.outline).

Ontology-free: it reads only the import rules (sections/_import.yaml, drafter.importer.rules).

    frame = structure.read(source)          # or read(source, rules)
    frame.title, frame.addressee, frame.signature, frame.date
    for role, block in frame.roles(): ...   # every block in order, with its role (see ROLES)

The importer takes the frame off the body in two steps (`front`, `back`) through
drafter.importer.metadata; drafter.check.view lays its paragraphs out from `roles()`.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.readers.source import Source, SourceBlock

if TYPE_CHECKING:
    from drafter.importer.outline import Line
    from drafter.importer.rules import HeadingStyle, Rules

# a block's role in the frame
FURNITURE, HEADER, TITLE, BYLINE, ADDRESSEE, BODY, NOTE, SIGNATURE, DATE, ATTACHMENT = (
    "furniture", "header", "title", "byline", "addressee", "body", "note", "signature", "date", "attachment")
ROLES = {
    FURNITURE: "网页栏目表格（索引号、发文字号……）",
    HEADER: "版头（发文机关标志、发文字号、签发人）",
    TITLE: "标题",
    BYLINE: "标题下的短行",
    ADDRESSEE: "主送机关",
    BODY: "正文",
    NOTE: "附件说明",
    SIGNATURE: "落款",
    DATE: "成文日期",
    ATTACHMENT: "附件",
}

_SENTENCE_MARKS = re.compile(r"[。；;，,！？]")
_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_TRAILING_NOTE = re.compile(r"[（(][^）)]*[）)]$")
# drafter's own Markdown marks the 版头 and 落款 lines with HTML (<center>, <p align="right">),
# which the Markdown reader keeps as text: the line inside the element is the line
_WRAPPED = re.compile(r"^<(center|p|div|span|font|strong|b)\b[^<>]*>([^<>]*)</\1\s*>$", re.I)
NOTE_ITEMS = 9  # lines after 附件：… that may continue the 附件说明 (2.…, 3.…)


def rules_for(root: Path | str | None = None) -> Rules:
    """The import rules of the ontology folder `root` (default: the one in use), as
    `drafter import` loads them (drafter.importer.rules)."""
    from drafter import paths
    from drafter.importer.rules import load

    return load(Path(root) if root is not None else paths.sections_dir())


def heading_grammar(root: Path | str | None = None) -> tuple[HeadingStyle, ...]:
    """The one heading grammar (一、 （一） 1. （1） ①): sections/_import.yaml, headings."""
    return rules_for(root).headings


@dataclass
class Front:
    """What stands before the body."""
    doc_number: str | None = None
    title: str | None = None
    addressee: str | None = None  # without its colon
    furniture: list[str] = field(default_factory=list)  # a web page's metadata table, cell by cell
    notes: list[str] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)  # id(block) → role


@dataclass
class Back:
    """What stands after the body."""
    signature: str | None = None
    date: _dt.date | None = None
    date_text: str | None = None
    note: list[SourceBlock] = field(default_factory=list)  # 附件说明
    attachments: list[SourceBlock] = field(default_factory=list)  # after the 落款
    roles: dict[int, str] = field(default_factory=dict)


@dataclass
class Frame:
    blocks: list[SourceBlock]  # all of them, in order (run-on lines split)
    body: list[SourceBlock]
    rules: Rules
    doc_number: str | None = None
    title: str | None = None
    addressee: str | None = None
    signature: str | None = None
    date: _dt.date | None = None
    date_text: str | None = None  # as written: the date line, or the web page's 成文日期 line
    date_from: str = ""  # 落款 | 网页栏目
    furniture: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    run_on_cuts: int = 0
    role: dict[int, str] = field(default_factory=dict)

    def roles(self) -> Iterator[tuple[str, SourceBlock]]:
        """Every block in order with its role; the body's blocks are `body` in this order."""
        for block in self.blocks:
            yield self.role.get(id(block), BODY), block

    def lines(self) -> list[Line]:
        """The body's lines, headings recognised and levelled as the importer's outline does."""
        from drafter.importer import outline

        return outline.build(self.body, self.rules).lines


def read(source: Source, rules: Rules | None = None) -> Frame:
    """The frame of a report, read as `drafter import` reads it (run-on lines split first)."""
    from drafter.importer import runon

    rules = rules or rules_for()
    blocks, cuts = runon.split(list(source.blocks), rules)
    blocks = prepare(blocks)
    head, rest = front(blocks, source, rules)
    tail, body = back(rest, rules)
    frame = Frame(blocks=blocks, body=body, rules=rules, doc_number=head.doc_number, title=head.title,
                  addressee=head.addressee, signature=tail.signature, date=tail.date, date_text=tail.date_text,
                  furniture=head.furniture, notes=head.notes, run_on_cuts=cuts, role={**head.roles, **tail.roles})
    if frame.date:
        frame.date_from = "落款"
    else:
        dated = web_date(source, head.furniture)
        if dated:
            frame.date, frame.date_text = dated
            frame.date_from = "网页栏目"
    return frame


def prepare(blocks: list[SourceBlock]) -> list[SourceBlock]:
    """Empty paragraphs left out; a line wrapped whole in an HTML element, unwrapped."""
    out = []
    for block in blocks:
        if not block.is_table:
            text = block.text.strip()
            wrapped = _WRAPPED.match(text)
            if wrapped:
                text = wrapped.group(2).strip()
            if not text:
                continue
            if text != block.text:
                block = replace(block, text=text)
        out.append(block)
    return out


# ---------------------------------------------------------------- lines


def is_heading(text: str, rules: Rules) -> bool:
    """The line opens with a heading number of the grammar."""
    return any(style.pattern.match(text) for style in rules.headings)


def doc_number(text: str, rules: Rules) -> str | None:
    """启应急[2021]75号 → 启应急〔2021〕75号."""
    m = rules.doc_number.search(text)
    if not m:
        return None
    prefix = re.split(r"[〔\[【(（]", m.group(0), maxsplit=1)[0]
    return f"{prefix}〔{m.group(1)}〕{m.group(2)}号"


def parse_date(text: str, rules: Rules) -> _dt.date | None:
    """A line that is a date alone (2024年12月20日, 二〇二四年十二月二十日)."""
    from drafter.facts import cn_int

    m = rules.date.match(text.strip())
    if not m:
        return None
    year = m.group(1)
    year_n = int(year) if year.isdigit() else int(year.translate(_CN_YEAR_DIGITS))
    month = int(m.group(2)) if m.group(2).isdigit() else cn_int(m.group(2))
    day = int(m.group(3)) if m.group(3).isdigit() else cn_int(m.group(3))
    try:
        return _dt.date(year_n, month or 0, day or 0)
    except ValueError:
        return None


def _short(text: str, rules: Rules) -> bool:
    return len(text) <= rules.front_max and not _SENTENCE_MARKS.search(text.rstrip("。"))


def _bare(text: str) -> str:
    """Without a note in brackets at its end: “……报告（送审稿）” → “……报告”."""
    return _TRAILING_NOTE.sub("", text).strip()


def _titled(text: str, rules: Rules) -> bool:
    """Ends as a title does: 报告 / 情况 / 总结 (a note in brackets after it aside)."""
    return _bare(text.strip().rstrip("。")).endswith(rules.title_words)


def _header_line(text: str, rules: Rules) -> bool:
    """版头: 发文机关标志 (××应急管理局文件) or a label line such as 签发人：××."""
    return _bare(text).endswith(rules.issuer_mark_endings) or \
        any(re.match(rf"{re.escape(label)}\s*[:：]", text) for label in rules.header_labels)


def _furniture_table(block: SourceBlock, rules: Rules) -> bool:
    """A table made only of website labels (索引号：… 发文字号：… 成文日期：…)."""
    from drafter.readers import furniture

    cells = [c for row in block.rows or [] for c in row if c.strip()]
    table = furniture.load(str(rules.root)) if rules.root else furniture.load()
    return bool(cells) and all(table.is_furniture(c) for c in cells)


# ---------------------------------------------------------------- before the body


def front(blocks: list[SourceBlock], source: Source, rules: Rules) -> tuple[Front, list[SourceBlock]]:
    """Web furniture, 版头, 文号, title lines and addressee before the body; the blocks after them."""
    out = Front()
    for text in [*source.header_texts, *source.dropped]:  # 版头; a web page's 文号 line
        out.doc_number = out.doc_number or doc_number(text, rules)
    k = 0
    pieces: list[SourceBlock] = []  # short lines: the title among them
    while k < len(blocks):
        block = blocks[k]
        text = block.text.strip()
        if block.is_table and _furniture_table(block, rules):
            cells = [cell for row in block.rows or [] for cell in row if cell]
            out.furniture += cells
            out.notes.append("已略去正文前的网页栏目表格（索引号、发文字号、成文日期等）")
            for cell in cells:
                out.doc_number = out.doc_number or doc_number(cell, rules)
            out.roles[id(block)] = FURNITURE
            k += 1
            continue
        if block.is_table or is_heading(text, rules):
            break
        number = doc_number(text, rules)
        if (number and len(text) <= len(number) + 12) or _header_line(text, rules):
            out.doc_number = out.doc_number or number
            # the short lines above the 文号 or the 发文机关标志 are the 版头 too, unless a title is among them
            above = [] if any(_titled(p.text, rules) for p in pieces) else pieces
            for line in [*above, block]:
                out.roles[id(line)] = HEADER
            if above:
                pieces = []
        elif rules.addressee.match(text) and any(w in text for w in rules.addressee_words):
            out.addressee = text.rstrip("：:")
            out.roles[id(block)] = ADDRESSEE
        elif _short(text, rules) and not text.endswith(("：", ":")):
            pieces.append(block)
        else:
            break
        k += 1
    # a title ends with 报告 / 情况 / 总结 (a short opening line like “现将有关情况报告如下” does not)
    title_at = [i for i, p in enumerate(pieces) if _titled(p.text, rules)]
    if not title_at:  # short lines without a title word: not a title, they stay text
        return out, [*pieces, *blocks[k:]]
    last = title_at[-1]
    out.title = _title([p.text.strip().rstrip("。") for p in pieces[: last + 1]])
    for p in pieces[: last + 1]:
        out.roles[id(p)] = TITLE
    for p in pieces[last + 1:]:
        out.roles[id(p)] = BYLINE  # a short line under the title (the issuer, a date in brackets)
    return out, blocks[k:]


def _title(pieces: list[str]) -> str:
    """Join a title written over several lines; a title repeated (web page heading + body) once."""
    unique: list[str] = []
    for p in pieces:
        if p in unique or any(p in u for u in unique):
            continue
        unique = [u for u in unique if u not in p]
        unique.append(p)
    joined = "".join(unique)
    half = len(joined) // 2
    if len(joined) % 2 == 0 and joined[:half] == joined[half:]:
        joined = joined[:half]
    return re.sub(r"\s+", "", joined)


# ---------------------------------------------------------------- after the body


def back(blocks: list[SourceBlock], rules: Rules) -> tuple[Back, list[SourceBlock]]:
    """附件说明, 落款, 成文日期 and the attachments after them; the body before them."""
    end = len(blocks)
    out = Back()
    for i, block in enumerate(blocks):  # 附件 / 附件1 on a line of its own, just after the 落款
        if i and not block.is_table and rules.attachment_label.match(block.text.strip()) \
                and _closing(blocks, i, rules, Back()) < i:
            out.attachments = blocks[i:]
            end = i
            break
    end = _closing(blocks, end, rules, out)
    end = _note(blocks, end, rules, out)
    for block in out.note:
        out.roles[id(block)] = NOTE
    for block in out.attachments:
        out.roles[id(block)] = ATTACHMENT
    return out, blocks[:end]


def _closing(blocks: list[SourceBlock], end: int, rules: Rules, out: Back) -> int:
    """The date and the signature above it, or a signature alone, ending at `end`; where they start."""
    if end and not blocks[end - 1].is_table:
        text = blocks[end - 1].text.strip()
        date = parse_date(text, rules)
        if date:
            out.date, out.date_text = date, text
            out.roles[id(blocks[end - 1])] = DATE
            end -= 1
    if end > 1 and not blocks[end - 1].is_table:  # never the whole text
        name = blocks[end - 1].text.strip()
        if _signature(name, rules) and (out.date or _bare(name).endswith(rules.signature_endings)):
            out.signature = name
            out.roles[id(blocks[end - 1])] = SIGNATURE
            end -= 1
    return end


def _signature(name: str, rules: Rules) -> bool:
    return (len(name) <= rules.signature_max and not _SENTENCE_MARKS.search(name)
            and not name.endswith(("：", ":")) and not is_heading(name, rules))


def _note(blocks: list[SourceBlock], end: int, rules: Rules, out: Back) -> int:
    """附件：… (and its 2.… 3.… lines) just before the 落款, or at the end."""
    for start in range(end - 1, max(0, end - 1 - NOTE_ITEMS), -1):
        block = blocks[start]
        text = block.text.strip()
        if block.is_table:
            return end
        if rules.attachment_note.match(text):
            out.note = blocks[start:end]
            return start
        if not (is_heading(text, rules) and _short(text, rules)):
            return end
    return end


_DATED = re.compile(r"成文日期\s*[:：]\s*((?:19|20)[0-9]{2})[-年./]([0-9]{1,2})[-月./]([0-9]{1,2})")


def web_date(source: Source, furniture: list[str]) -> tuple[_dt.date, str] | None:
    """成文日期 from a web page's furniture (the publication date is not the report's), and its line."""
    for line in [*source.dropped, *furniture]:
        m = _DATED.search(line)
        if m:
            try:
                return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), line.strip()
            except ValueError:
                return None
    return None
