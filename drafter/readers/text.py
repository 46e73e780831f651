"""Plain text (.txt) and Markdown (.md): one paragraph per line, encodings detected."""
from __future__ import annotations

import re
from pathlib import Path

from drafter.readers.encoding import decode, encoding_name
from drafter.readers.sniff import fail
from drafter.readers.source import Source, SourceBlock, table_text

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_ITEM = re.compile(r"^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def decode_text(path: Path, data: bytes) -> tuple[str, list[str]]:
    decoded = decode(data)
    if decoded is None:
        raise fail(path, "无法识别文件的文字编码（支持 UTF-8、UTF-16、GBK/GB18030），"
                         "请用记事本或 WPS 打开后另存为 UTF-8 再试")
    text, codec = decoded
    notes = [] if codec in ("utf-8", "utf-8-sig") else [f"已按 {encoding_name(codec)} 编码读取"]
    return text.replace("\r\n", "\n").replace("\r", "\n"), notes


def read_txt(path: Path, data: bytes) -> Source:
    text, notes = decode_text(path, data)
    lines = [line.strip() for line in text.replace("\f", "\n").split("\n")]
    blocks = [SourceBlock("paragraph", line, i) for i, line in enumerate((text for text in lines if text), 1)]
    return Source(path=path, format="txt", blocks=blocks, notes=notes)


def read_markdown(path: Path, data: bytes) -> Source:
    text, notes = decode_text(path, data)
    blocks: list[SourceBlock] = []
    pending: list[str] = []  # lines of the paragraph being read
    table: list[list[str]] = []

    def flush() -> None:
        if pending:
            blocks.append(SourceBlock("paragraph", _plain(" ".join(pending)), len(blocks) + 1))
            pending.clear()
        if table:
            rows = [list(r) for r in table]
            blocks.append(SourceBlock("table", table_text(rows), len(blocks) + 1, rows=rows))
            table.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        heading = _MD_HEADING.match(line)
        if line.startswith("|"):
            if pending:
                flush()
            if not _MD_TABLE_RULE.match(line):
                table.append([_plain(c) for c in line.strip("|").split("|")])
            continue
        if table:
            flush()
        if not line:
            flush()
        elif heading:
            flush()
            blocks.append(SourceBlock("paragraph", _plain(heading.group(2)), len(blocks) + 1,
                                      level=len(heading.group(1))))
        elif _MD_ITEM.match(line):
            flush()
            pending.append(_MD_ITEM.sub("", line) if line.lstrip()[0] in "-*+" else line)
        else:
            pending.append(line)
    flush()
    return Source(path=path, format="md", blocks=blocks, notes=notes)


def _plain(text: str) -> str:
    return _MD_EMPHASIS.sub(r"\2", text).strip()
