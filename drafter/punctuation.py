"""Punctuation as official Chinese text sets it (GB/T 15834-2011, GB/T 9704-2012).

Full-width marks in Chinese text (，；：？！（）“”), half-width inside numbers, dates,
times and URLs (98.56%, 5.12, 12:30), Arabic digits and Latin letters half-width. Applied to
drafter's own prose and to the user's text alike; it changes marks, never words.
"""
from __future__ import annotations

import re
from collections.abc import Callable

CHINESE_MARKS = "，。、；：？！“”‘’（）《》〔〕【】…—"  # full-width marks of Chinese text
_URL = re.compile(r"(?:https?|ftp)://[^\s，。；、（）“”]+|www\.[^\s，。；、（）“”]+")

# full-width forms of ASCII letters, digits and the marks that belong inside numbers
_HALF = {chr(0xFF10 + i): str(i) for i in range(10)}
_HALF.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_HALF.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_HALF.update({"％": "%", "．": ".", "＋": "+", "－": "-", "／": "/", "＝": "="})
_TO_HALF = str.maketrans(_HALF)

_DIGIT_RULES: list[tuple[re.Pattern[str], str]] = [
    # a full-width colon or full stop between digits is a time or a decimal point
    (re.compile(r"(?<=\d)：(?=\d)"), ":"),
    (re.compile(r"(?<=\d)。(?=\d)"), "."),
    (re.compile(r"(?<=\d)，(?=\d{3}(?!\d))"), ","),
]
_DIGIT_MARK = re.compile(r"\d[：。，]\d")  # what every digit rule needs


def is_cjk(ch: str) -> bool:
    """A CJK ideograph (the unified blocks and the compatibility block).

    Tested by code point rather than by a regex class: `re` compiles a class spanning
    27,000 code points in pure Python, a few milliseconds per pattern on every start."""
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _cjk_or_mark(ch: str) -> bool:
    return is_cjk(ch) or (ch != "" and ch in CHINESE_MARKS)


def _digit(ch: str) -> bool:
    return ch.isdecimal()


def has_cjk(text: str) -> bool:
    return any(is_cjk(ch) for ch in text)


# ASCII marks next to Chinese become full-width: (mark, full-width form, test on the
# characters before and after it; "" at either end of the text).
_MARK_RULES: list[tuple[str, str, Callable[[str, str], bool]]] = [
    (",", "，", lambda before, after: _cjk_or_mark(before) or is_cjk(after)),
    (";", "；", lambda before, after: _cjk_or_mark(before) or is_cjk(after)),
    (":", "：", lambda before, after: (_cjk_or_mark(before) and not _digit(after))
        or (not _digit(before) and is_cjk(after))),
    ("?", "？", lambda before, after: _cjk_or_mark(before)),
    ("!", "！", lambda before, after: _cjk_or_mark(before)),
    # a full stop after Chinese at the end of a sentence
    (".", "。", lambda before, after: (is_cjk(before) or (before != "" and before in "）”》"))
        and (after == "" or after.isspace() or is_cjk(after) or after in "“（")),
]


def _swap_mark(text: str, mark: str, full: str, when: Callable[[str, str], bool]) -> str:
    """Replace `mark` by `full` wherever `when(before, after)` holds; the neighbours are
    read from the text as it was before this mark's pass (as a regex lookaround would)."""
    if mark not in text:
        return text
    chars = list(text)
    last = len(text) - 1
    start = text.find(mark)
    while start != -1:
        before = text[start - 1] if start else ""
        after = text[start + 1] if start < last else ""
        if when(before, after):
            chars[start] = full
        start = text.find(mark, start + 1)
    return "".join(chars)


_PAREN = re.compile(r"\(([^()]*)\)")
_QUOTE = re.compile(r'"([^"]*)"')
_SINGLE_QUOTE = re.compile(r"(?<![A-Za-z])'([^']*)'(?![A-Za-z])")


def _brackets(text: str) -> str:
    """(…) → （…） when the content or its neighbours are Chinese."""
    def swap(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if has_cjk(m.group(1)) or has_cjk(before) or has_cjk(after):
            return f"（{m.group(1)}）"
        return m.group(0)
    return _PAREN.sub(swap, text)


def _quotes(text: str) -> str:
    text = _QUOTE.sub(lambda m: f"“{m.group(1)}”" if has_cjk(m.group(1)) or has_cjk(text) else m.group(0), text)
    return _SINGLE_QUOTE.sub(lambda m: f"‘{m.group(1)}’" if has_cjk(m.group(1)) else m.group(0), text)


def _normalize_plain(text: str) -> str:
    text = text.translate(_TO_HALF)
    if _DIGIT_MARK.search(text):
        for pattern, repl in _DIGIT_RULES:
            text = pattern.sub(repl, text)
    for mark, full, when in _MARK_RULES:
        text = _swap_mark(text, mark, full, when)
    if "(" in text:
        text = _brackets(text)
    if '"' in text or "'" in text:
        text = _quotes(text)
    return text


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
