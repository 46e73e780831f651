"""How the wizard's questions read in the user's own report and terminal.

* Examples in prompts speak of the user's report: a county bureau's 2025 report is shown
  “县委、县政府” and “2025年”, not a city's 2023 wording.
* A section that lets the user choose the measure word of its cases (件/起/宗) asks its
  later questions in the chosen word (drafter.owntext.with_chosen_units).
* Text is wrapped at character boundaries by display width (a Chinese character is two
  columns), never inside a number.
"""
from __future__ import annotations

import re
import unicodedata

_EXAMPLE_YEAR = re.compile(r"(?<=[“\"])20\d\d(?=年)")
_LEVELS = {"区": ("区委", "区政府"), "县": ("县委", "县政府"), "州": ("州委", "州政府"), "旗": ("旗委", "旗政府")}


def level_of(issuer: str) -> str:
    """市 / 区 / 县 … from the bureau's name."""
    name = issuer.removesuffix("应急管理局").removesuffix("应急局")
    for mark in ("区", "县", "州", "盟", "旗", "市"):
        if name.endswith(mark):
            return mark
    return "市"


def adapt(text: str, issuer: str, year: int, region: str | None = None) -> str:
    """A prompt or help text with its examples in the terms of this report."""
    if not text:
        return text
    text = _EXAMPLE_YEAR.sub(str(year), text)
    level = level_of(issuer)
    if level in _LEVELS:
        party, government = _LEVELS[level]
        text = (text.replace("市委市政府", party + government).replace("市委、市政府", f"{party}、{government}")
                .replace("全市", region or f"全{level}"))
    return text


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


_UNBREAKABLE = re.compile(r"[0-9A-Za-z.%,:/-]+")


def wrap(text: str, columns: int, indent: str = "") -> list[str]:
    """Lines no wider than `columns`, breaking between characters but never inside a number or
    a Latin word; continuation lines start with `indent`."""
    tokens = [m.group() for m in re.finditer(r"[0-9A-Za-z.%,:/-]+|.", text)]
    lines, line, width = [], "", 0
    for token in tokens:
        w = sum(_width(ch) for ch in token)
        if line and width + w > columns:
            lines.append(line)
            line, width = indent, len(indent)
        line += token
        width += w
    lines.append(line)
    return lines
