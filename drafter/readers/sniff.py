"""What a file really is, judged by its first bytes rather than by its name alone."""
from __future__ import annotations

import re
from pathlib import Path

from drafter.errors import DrafterError, Location

MAX_FILE_BYTES = 30 * 1024 * 1024

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PDF = b"%PDF-"
RTF = b"{\\rtf"
# the stream an encrypted (password-protected) Office 2007+ file keeps inside an OLE container
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

BINARY_EXTENSIONS = {".docx", ".docm", ".dotx", ".doc", ".dot", ".wps", ".pdf", ".odt"}
MARKDOWN_EXTENSIONS = {".md", ".markdown"}
MHTML_EXTENSIONS = {".mhtml", ".mht"}
_HTML_START = re.compile(rb"<\s*(!doctype\s+html|html|head|body|meta|div|p[\s>]|table|title|script|style)", re.I)
# a web page saved as one file: MIME headers (From:, MIME-Version:, Content-Type: multipart/…)
_MIME_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]")
_MIME_VERSION = re.compile(rb"^MIME-Version\s*:", re.I | re.M)
_MIME_PAGE = re.compile(rb"^Content-Type\s*:\s*(multipart/related|text/html)", re.I | re.M)


def fail(path: Path, message: str) -> DrafterError:
    return DrafterError(message, Location(file=str(path)))


def load_bytes(path: Path) -> bytes:
    """The whole file, refused when it is missing, empty or larger than the cap."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise fail(path, f"文件太大（{size // (1024 * 1024)} MB），报告文件一般不超过 "
                             f"{MAX_FILE_BYTES // (1024 * 1024)} MB，请确认选对了文件")
        data = path.read_bytes()
    except FileNotFoundError:
        raise fail(path, "找不到这个文件") from None
    except IsADirectoryError:
        raise fail(path, "这是一个文件夹，请给出报告文件") from None
    except PermissionError:
        raise fail(path, "没有读取这个文件的权限") from None
    except OSError as exc:
        raise fail(path, f"无法读取文件（{exc.strerror}）") from None
    if not data.strip():
        raise fail(path, "文件是空的")
    return data


def sniff(path: Path, data: bytes) -> str:
    """The reader's format name: docx, doc, wps, rtf, pdf, mhtml, html, md or txt."""
    ext = path.suffix.lower()
    if data.startswith(ZIP):
        return "docx"
    if data.startswith(OLE):
        if ENCRYPTED_PACKAGE in data:
            raise fail(path, "文件设置了打开密码（已加密），请在 Word 或 WPS 中取消密码、另存后再试")
        return "wps" if ext == ".wps" else "doc"
    if data.startswith(PDF):
        return "pdf"
    if data.lstrip(b"\xef\xbb\xbf").startswith(RTF):
        return "rtf"
    if _looks_like_mhtml(data) or (ext in MHTML_EXTENSIONS and not _looks_like_html(data)):
        return "mhtml"  # Word's 单个文件网页 is sometimes served as .doc too
    if _looks_like_html(data):
        return "html"  # government sites often serve a web page saved as .doc
    if ext in BINARY_EXTENSIONS:
        raise fail(path, f"文件扩展名是 {ext}，但内容不是这种格式（看起来是纯文本或已损坏），"
                         "请用 Word 或 WPS 打开确认后另存再试")
    return "md" if ext in MARKDOWN_EXTENSIONS else "txt"


def _looks_like_mhtml(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return bool(_MIME_HEADER.match(head) and _MIME_VERSION.search(head) and _MIME_PAGE.search(head))


def _looks_like_html(data: bytes) -> bool:
    head = data[:4096]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[1:2] == b"\0" or head[:1] == b"\0":
        head = head.replace(b"\0", b"")  # UTF-16: the ASCII markup survives without its NULs
    head = head.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    return head.startswith(b"<") and bool(_HTML_START.search(head))
