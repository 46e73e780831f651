"""Readers: any report file → one neutral `Source` (see drafter.readers.source).

    from drafter.readers import read
    source = read(Path("去年的报告.docx"))

The format is judged from the file's content (a .doc that is really a web page or a .docx is
read as what it is; a page saved as one .mhtml/.mht file is read as the page inside it); each
format has one reader in READERS; every result then goes through the shared cleanup
(traditional → simplified, pinyin glosses, website furniture, page numbers, paragraphs broken
by page ends). Bad files raise DrafterError with one Chinese line.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from drafter.readers.cleanup import clean
from drafter.readers.convert import read_doc, read_pdf, read_rtf, read_wps
from drafter.readers.docx import read_docx
from drafter.readers.html import read_html
from drafter.readers.mhtml import read_mhtml
from drafter.readers.sniff import load_bytes
from drafter.readers.sniff import sniff as detect_format
from drafter.readers.source import Source, SourceBlock
from drafter.readers.text import read_markdown, read_txt

Reader = Callable[[Path, bytes], Source]

READERS: dict[str, Reader] = {
    "docx": read_docx,
    "txt": read_txt,
    "md": read_markdown,
    "html": read_html,
    "mhtml": read_mhtml,
    "doc": read_doc,
    "wps": read_wps,
    "rtf": read_rtf,
    "pdf": read_pdf,
}

__all__ = ["READERS", "Source", "SourceBlock", "read", "require_text"]


def read(path: Path, data: bytes | None = None) -> Source:
    """The file's Source; `data` when the caller has read the file's bytes already."""
    path = Path(path)
    data = load_bytes(path) if data is None else data
    fmt = detect_format(path, data)
    source = READERS[fmt](path, data)
    _check_length(source)
    if _misnamed(path, source.format):
        source.notes.insert(0, f"文件扩展名是 {path.suffix}，实际是 {source.format} 格式，已按实际格式读取")
    return clean(source)


# A year's report runs to 5,000–30,000 characters; a text forty times that is not one (a log,
# a data export, a whole website) and would only keep the clerk waiting.
MAX_CHARACTERS = 1_000_000


def _check_length(source: Source) -> None:
    size = sum(len(block.text) for block in source.blocks)
    if size > MAX_CHARACTERS:
        from drafter.errors import DrafterError, Location

        raise DrafterError(f"正文有 {size / 10000:.0f} 万字，一份年度报告通常不到 3 万字；超过 "
                           f"{MAX_CHARACTERS // 10000} 万字的文件不予读取，请确认选对了文件", Location(file=str(source.path)))


_SAME = {"htm": "html", "mht": "mhtml", "markdown": "md", "docm": "docx", "dotx": "docx", "dot": "doc"}


def _misnamed(path: Path, fmt: str) -> bool:
    ext = path.suffix.lower().lstrip(".")
    return bool(ext) and fmt not in ("txt", "md") and _SAME.get(ext, ext) != fmt


def require_text(source: Source) -> Source:
    """Some letters or hanzi left after the cleanup, or a one-line refusal that says what was there."""
    if any(ch.isalpha() for block in source.blocks for ch in block.text):
        return source
    from drafter.errors import DrafterError, Location

    if source.dropped:
        message = "文件里只有网页栏目文字（“打印”“分享到”“来源：”之类），没有报告正文；请确认选对了文件"
    else:
        message = "文件里没有报告正文（只有空白、符号或网页的脚本、样式）；请确认选对了文件"
    raise DrafterError(message, Location(file=str(source.path)))
