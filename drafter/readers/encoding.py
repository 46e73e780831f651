"""Decode a text file whose encoding nobody wrote down: UTF-8 (with or without BOM), UTF-16
(LE/BE, with or without BOM) or GBK/GB18030 — the encodings Chinese Windows and WPS save in."""
from __future__ import annotations

import codecs
import unicodedata

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16",
                  "utf-16-be": "UTF-16", "gb18030": "GBK/GB18030"}
PLAUSIBLE = 0.85  # share of characters that ordinary Chinese prose is made of


def decode(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) or None when the bytes are no text in a supported encoding."""
    for bom, name in BOMS:
        if data.startswith(bom):
            text = _try(data, name)
            return (text, name) if text is not None else None
    if b"\0" in data[:4096]:
        found = _best(data, [_utf16_by_nuls(data)])
        if found:
            return found
    text = _try(data, "utf-8")
    if text is not None and plausibility(text) >= PLAUSIBLE:
        return text, "utf-8"
    return _best(data, ["gb18030", "utf-16-le", "utf-16-be"])


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _utf16_by_nuls(data: bytes) -> str:
    """ASCII characters (newlines, digits) in UTF-16 leave a NUL on their high byte."""
    sample = data[:4096]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    return "utf-16-be" if even > odd else "utf-16-le"


def _best(data: bytes, encodings: list[str]) -> tuple[str, str] | None:
    scored = []
    for name in encodings:
        text = _try(data, name)
        if text is not None:
            scored.append((plausibility(text), name, text))
    if not scored:
        return None
    score, name, text = max(scored)
    return (text, name) if score >= PLAUSIBLE else None


def plausibility(text: str) -> float:
    """Share of characters that are common hanzi, CJK punctuation, ASCII or whitespace.

    A wrong decoding of Chinese bytes yields rare hanzi, control characters and private-use
    code points; the right one is made almost entirely of common characters.
    """
    sample = text[:20000]
    if not sample:
        return 0.0
    good = sum(1 for ch in sample if _common(ch))
    return good / len(sample)


def _common(ch: str) -> bool:
    if ch.isascii():
        return ch.isprintable() or ch in "\r\n\t"
    if ch in "\u3000\u00a0\ufeff":
        return True
    try:
        encoded = ch.encode("gb2312")
    except UnicodeEncodeError:
        return unicodedata.category(ch)[0] in "P" or _traditional_hanzi(ch)
    return len(encoded) == 2


def _traditional_hanzi(ch: str) -> bool:
    # traditional characters are outside GB2312 but in the common GBK range
    try:
        ch.encode("gbk")
    except UnicodeEncodeError:
        return False
    return "\u4e00" <= ch <= "\u9fff"


def encoding_name(codec: str) -> str:
    return ENCODING_NAMES.get(codec, codec)
