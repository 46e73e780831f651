"""Word styles as far as a reader needs them: outline level, bold, centring, East Asian font
and list numbering, inherited along w:basedOn; and the same properties read off a paragraph or
run directly."""
from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.readers.numbering import W

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)


@dataclass
class Style:
    name: str = ""
    based_on: str | None = None
    outline: int | None = None
    bold: bool | None = None
    centered: bool | None = None
    font: str | None = None
    num: tuple[str, int] | None = None


def flag(el, tag: str) -> bool | None:
    child = None if el is None else el.find(f"{W}{tag}")
    if child is None:
        return None
    return child.get(f"{W}val") not in ("0", "false", "none")


def east_asia_font(rPr) -> str | None:
    fonts = None if rPr is None else rPr.find(f"{W}rFonts")
    return None if fonts is None else fonts.get(f"{W}eastAsia")


def outline(pPr) -> int | None:
    el = None if pPr is None else pPr.find(f"{W}outlineLvl")
    if el is None:
        return None
    try:
        value = int(el.get(f"{W}val"))
    except (TypeError, ValueError):
        return None
    return value + 1 if 0 <= value <= 8 else 0  # 9 means body text: 0 stops the style chain


def jc_centered(pPr) -> bool | None:
    jc = None if pPr is None else pPr.find(f"{W}jc")
    return None if jc is None else jc.get(f"{W}val") == "center"


def num_pr(pPr) -> tuple[str, int] | None:
    numPr = None if pPr is None else pPr.find(f"{W}numPr")
    if numPr is None:
        return None
    num_id = numPr.find(f"{W}numId")
    ilvl = numPr.find(f"{W}ilvl")
    if num_id is None:
        return None
    try:
        level = int(ilvl.get(f"{W}val")) if ilvl is not None else 0
    except (TypeError, ValueError):
        level = 0
    return num_id.get(f"{W}val"), level


class Styles:
    def __init__(self, root):
        self.styles: dict[str, Style] = {}
        for el in [] if root is None else root.iter(f"{W}style"):
            pPr, rPr = el.find(f"{W}pPr"), el.find(f"{W}rPr")
            name = el.find(f"{W}name")
            based = el.find(f"{W}basedOn")
            self.styles[el.get(f"{W}styleId")] = Style(
                name=name.get(f"{W}val", "") if name is not None else "",
                based_on=based.get(f"{W}val") if based is not None else None,
                outline=outline(pPr), bold=flag(rPr, "b"), centered=jc_centered(pPr),
                font=east_asia_font(rPr), num=num_pr(pPr))

    def lookup(self, style_id: str | None, attr: str):
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            value = getattr(style, attr)
            if value is not None:
                return value
            if attr == "outline":
                match = _HEADING_NAME.match(style.name)
                if match:
                    return int(match.group(1))
            style_id = style.based_on
        return None
