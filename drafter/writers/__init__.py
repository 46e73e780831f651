"""Writers turn a drafter.model.Document into a file format. They know nothing of Jinja.

Every writer has one signature, `write(document, options) -> bytes`, and one row in
WRITERS; the CLI and the wizard find formats, file extensions and help text there. A
writer's module is imported only when that format is written, so building Markdown never
loads python-docx.
"""
from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.model import Document
    from drafter.writers.style import StyleProfile


def _default_profile() -> StyleProfile:
    from drafter.writers.style import default_profile

    return default_profile()


@dataclass(frozen=True, eq=False)
class WriteOptions:
    """What a writer may be told besides the document: the page profile."""

    profile: StyleProfile = field(default_factory=_default_profile)  # page geometry, fonts, sizes


@dataclass(frozen=True, eq=False)  # rows of WRITERS: compared by identity
class Writer:
    """One output format: its file extensions, its Chinese description and its function."""

    extensions: tuple[str, ...]  # the first one is used for default file names
    description: str  # Chinese, for --help and the wizard
    target: str  # "module:function", imported on first use

    @property
    def extension(self) -> str:
        return self.extensions[0]

    @property
    def function(self) -> Callable[[Document, WriteOptions], bytes]:
        module, name = self.target.split(":")
        return getattr(importlib.import_module(module), name)


WRITERS: dict[str, Writer] = {
    "docx": Writer((".docx",), "Word 公文格式（GB/T 9704-2012，默认）", "drafter.writers.docx:write"),
    "md": Writer((".md", ".markdown"), "Markdown 纯文本", "drafter.writers.markdown:write"),
    "html": Writer((".html", ".htm"), "单个网页文件，可粘贴到政府网站", "drafter.writers.html:write"),
    "pdf": Writer((".pdf",), "PDF，需要安装 LibreOffice", "drafter.writers.pdf:write"),
}
DEFAULT_FORMAT = "docx"


def format_of(path: Path) -> str | None:
    """The format a file name asks for by its extension, or None for an unknown one."""
    suffix = extension(path).lower()
    return next((name for name, w in WRITERS.items() if suffix in w.extensions), None)


def extension(path: Path) -> str:
    """A file name's extension: letters and digits after the last dot (“报告v1.0” has none)."""
    suffix = Path(path).suffix
    return suffix if re.fullmatch(r"\.[A-Za-z][A-Za-z0-9]{0,9}", suffix) else ""


def known_extensions() -> str:
    return "、".join(ext for w in WRITERS.values() for ext in w.extensions)


def check_extension(path: Path, fmt: str | None) -> str:
    """The format to write `path` in. A known extension decides it, and --format (fmt) must
    agree; another extension needs --format (报告.txt written as Markdown); no extension
    takes fmt or the default. The old Word names (.doc) are refused: drafter writes .docx."""
    from drafter.errors import DrafterError, Location

    suffix = extension(path)
    inferred = format_of(path) if suffix else None
    where = Location(file=str(path))
    if suffix.lower() in (".doc", ".dot", ".wps"):  # Word's and WPS's old binary formats
        raise DrafterError(f"Word 格式请用 .docx 扩展名（drafter 不写旧的 {suffix.lower()}）", where)
    if suffix and inferred is None and fmt is None:
        raise DrafterError(f"无法从扩展名“{suffix}”判断输出格式；可用的扩展名：{known_extensions()}"
                           "（或用 --format 指定格式）", where)
    if inferred and fmt and inferred != fmt:
        raise DrafterError(f"扩展名“{suffix}”与 --format {fmt} 不符：{fmt} 格式请用 {WRITERS[fmt].extension} 扩展名，"
                           "或去掉 --format", where)
    return fmt or inferred or DEFAULT_FORMAT


def describe_formats() -> str:
    return "；".join(f"{name}：{w.description}" for name, w in WRITERS.items())


def write(document: Document, fmt: str, options: WriteOptions | None = None) -> bytes:
    return WRITERS[fmt].function(document, options or WriteOptions())
