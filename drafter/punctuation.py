"""Punctuation as official Chinese text sets it (GB/T 15834-2011, GB/T 9704-2012).

Full-width marks in Chinese text (，；：？！（）“”), half-width inside numbers, dates,
times and URLs (98.56%, 5.12, 12:30), Arabic digits and Latin letters half-width. Applied to
drafter's own prose and to the user's text alike; it changes marks, never words.
"""
from __future__ import annotations

import re

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_OR_MARK = _CJK + r"，。、；：？！“”‘’（）《》〔〕【】…—"
_URL = re.compile(r"(?:https?|ftp)://[^\s，。；、（）“”]+|www\.[^\s，。；、（）“”]+")

# full-width forms of ASCII letters, digits and the marks that belong inside numbers
_HALF = {chr(0xFF10 + i): str(i) for i in range(10)}
_HALF.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_HALF.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_HALF.update({"％": "%", "．": ".", "＋": "+", "－": "-", "／": "/", "＝": "="})
_TO_HALF = str.maketrans(_HALF)

_RULES: list[tuple[re.Pattern[str], str]] = [
    # a full-width colon or full stop between digits is a time or a decimal point
    (re.compile(r"(?<=\d)：(?=\d)"), ":"),
    (re.compile(r"(?<=\d)。(?=\d)"), "."),
    (re.compile(r"(?<=\d)，(?=\d{3}(?!\d))"), ","),
    # ASCII marks next to Chinese become full-width
    (re.compile(rf"(?<=[{_CJK_OR_MARK}]),|,(?=[{_CJK}])"), "，"),
    (re.compile(rf"(?<=[{_CJK_OR_MARK}]);|;(?=[{_CJK}])"), "；"),
    (re.compile(rf"(?<=[{_CJK_OR_MARK}]):(?!\d)|(?<!\d):(?=[{_CJK}])"), "："),
    (re.compile(rf"(?<=[{_CJK_OR_MARK}])\?"), "？"),
    (re.compile(rf"(?<=[{_CJK_OR_MARK}])!"), "！"),
    # a full stop after Chinese at the end of a sentence
    (re.compile(rf"(?<=[{_CJK}）”》])\.(?=\s|$|[{_CJK}“（])"), "。"),
]
_PAREN = re.compile(r"\(([^()]*)\)")
_QUOTE = re.compile(r'"([^"]*)"')
_SINGLE_QUOTE = re.compile(r"(?<![A-Za-z])'([^']*)'(?![A-Za-z])")


def _has_cjk(text: str) -> bool:
    return bool(re.search(rf"[{_CJK}]", text))


def _brackets(text: str) -> str:
    """(…) → （…） when the content or its neighbours are Chinese."""
    def swap(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if _has_cjk(m.group(1)) or _has_cjk(before) or _has_cjk(after):
            return f"（{m.group(1)}）"
        return m.group(0)
    return _PAREN.sub(swap, text)


def _quotes(text: str) -> str:
    text = _QUOTE.sub(lambda m: f"“{m.group(1)}”" if _has_cjk(m.group(1)) or _has_cjk(text) else m.group(0), text)
    return _SINGLE_QUOTE.sub(lambda m: f"‘{m.group(1)}’" if _has_cjk(m.group(1)) else m.group(0), text)


def _normalize_plain(text: str) -> str:
    text = text.translate(_TO_HALF)
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    return _quotes(_brackets(text))


def normalize(text: str) -> str:
    """Normalise punctuation outside URLs, which are kept exactly as written."""
    if not text:
        return text
    out, last = [], 0
    for m in _URL.finditer(text):
        out.append(_normalize_plain(text[last:m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(_normalize_plain(text[last:]))
    return "".join(out)


_DOC_NUMBER_BRACKETS = re.compile(r"[\[［【(（〔]\s*(\d{4})\s*[\]］】)）〕]")


def doc_number(text: str) -> str:
    """启应急[2021]75号 / 启应急（2021）75号 → 启应急〔2021〕75号."""
    return _DOC_NUMBER_BRACKETS.sub(r"〔\1〕", text.translate(_TO_HALF).replace(" ", ""))
