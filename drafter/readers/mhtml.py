"""Web pages saved as one file (.mhtml / .mht: Chrome, Edge, Word's 单个文件网页).

Such a file is a MIME message: headers, then the page and its style sheets and pictures as
parts, each in quoted-printable or base64. The standard library's `email` package takes it
apart; the text/html part holding the most Chinese is the page, decoded in the charset its
part header names (else the page's own <meta>), and read by the HTML reader.
"""
from __future__ import annotations

import codecs
import email
import email.policy
import re
from pathlib import Path

from drafter.readers.html import decode_html, read_html
from drafter.readers.sniff import fail
from drafter.readers.source import Source

_CJK = re.compile(r"[\u4e00-\u9fff]")
_GB = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"}


def _page_text(part) -> str | None:
    try:
        data = part.get_payload(decode=True)
    except (ValueError, TypeError, LookupError):
        return None
    if not isinstance(data, bytes) or not data.strip():
        return None
    charset = (part.get_content_charset() or "").lower()
    if charset:
        codec = "gb18030" if charset in _GB else charset
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong label: the page's <meta> or a guess decides
    return decode_html(data)


def read_mhtml(path: Path, data: bytes) -> Source:
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    pages = [text for part in message.walk()
             if not part.is_multipart() and part.get_content_type() == "text/html"
             for text in [_page_text(part)] if text]
    if not pages:
        raise fail(path, "这是保存为单个文件的网页（.mhtml/.mht），但里面没有找到网页正文（text/html 部分），"
                         "可能已损坏；请在浏览器中重新打开后另存为“网页，仅 HTML”或把正文复制到 .txt 再试")
    page = max(pages, key=lambda text: len(_CJK.findall(text)))
    source = read_html(path, codecs.BOM_UTF8 + page.encode("utf-8"))
    source.format = "mhtml"
    return source
