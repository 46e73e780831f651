"""The official-document style profile: fonts, sizes and page geometry, as data.

The values live in drafter/writers/gbt9704.yaml (GB/T 9704-2012), next to the writers that
use them rather than in sections/: they are the format of the paper, not the content of a
report. A bureau with local rules overrides a few of them in its answers file (`layout:`,
see drafter.layout); code may also make a changed copy with dataclasses.replace().

Lengths are Length values (read from "37mm", "1.5pt"); font sizes are points (read from
中文字号 such as 三号, or "16pt").
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

PT_PER_MM = 72 / 25.4
PROFILE_FILE = Path(__file__).with_name("gbt9704.yaml")


@dataclass(frozen=True, order=True)
class Length:
    """A length on paper, kept in points."""

    pt: float

    @classmethod
    def from_mm(cls, mm: float) -> Length:
        return cls(mm * PT_PER_MM)

    @property
    def mm(self) -> float:
        return self.pt / PT_PER_MM

    @property
    def twips(self) -> int:
        return round(self.pt * 20)

    @property
    def emu(self) -> int:
        return round(self.pt * 12700)

    def __add__(self, other: Length) -> Length:
        return Length(self.pt + other.pt)

    def __sub__(self, other: Length) -> Length:
        return Length(self.pt - other.pt)

    def __mul__(self, factor: float) -> Length:
        return Length(self.pt * factor)

    def __str__(self) -> str:
        return f"{self.mm:g}mm"


_UNITS = {"mm": PT_PER_MM, "cm": PT_PER_MM * 10, "pt": 1.0, "磅": 1.0, "毫米": PT_PER_MM, "厘米": PT_PER_MM * 10}
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(mm|cm|pt|磅|毫米|厘米)\s*$")
# 中文字号 in points (the sizes Word and WPS list)
FONT_SIZES = {"初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16, "小三": 15,
              "四号": 14, "小四": 12, "五号": 10.5, "小五": 9}


class LayoutValueError(ValueError):
    """A value of the wrong kind; the message is Chinese and names what is expected."""


def parse_length(value: Any) -> Length:
    match = _LENGTH.match(str(value)) if isinstance(value, str) else None
    if not match:
        raise LayoutValueError(f"应为带单位的长度，如 37mm、1.5pt，实际是“{value}”")
    return Length(float(match.group(1)) * _UNITS[match.group(2)])


def parse_size(value: Any) -> float:
    if isinstance(value, str) and value.strip() in FONT_SIZES:
        return float(FONT_SIZES[value.strip()])
    try:
        size = parse_length(value).pt
    except LayoutValueError:
        raise LayoutValueError(f"应为字号，如 三号、二号 或 16pt，实际是“{value}”") from None
    if size <= 0:
        raise LayoutValueError(f"字号应大于 0，实际是“{value}”")
    return size


@dataclass(frozen=True)
class StyleProfile:
    """Page geometry, fonts and sizes of the official layout (drafter/writers/gbt9704.yaml)."""

    # fonts (display names as Word and WPS know them)
    body_font: str
    title_font: str
    level1_font: str
    level2_font: str
    level3_font: str
    level4_font: str
    latin_font: str
    page_number_font: str
    level3_bold: bool
    # font sizes in points
    body_size: float
    title_size: float
    page_number_size: float
    table_size: float
    issuer_mark_size: float
    # page geometry
    page_width: Length
    page_height: Length
    margin_top: Length
    margin_bottom: Length
    margin_left: Length
    margin_right: Length
    header_distance: Length
    lines_per_page: int
    chars_per_line: int
    page_number_gap: Length  # top of the number line, below the type area
    # 版头
    issuer_mark_top: Length  # top of the 发文机关标志, below the type area's top
    rule_gap: Length  # the red rule, below the 发文字号
    rule_width: Length
    header_color: str  # RRGGBB
    # attachment tables
    table_border: Length
    table_line_spacing: float  # times the table's font size
    # what Word and WPS should use when a named font is missing
    substitutes: dict[str, str]

    @property
    def type_area_width(self) -> Length:
        return self.page_width - self.margin_left - self.margin_right

    @property
    def type_area_height(self) -> Length:
        return self.page_height - self.margin_top - self.margin_bottom

    @property
    def type_area_width_mm(self) -> float:
        return self.type_area_width.mm

    @property
    def type_area_height_mm(self) -> float:
        return self.type_area_height.mm

    @property
    def line_pitch_twips(self) -> int:
        """225 mm / 22 lines ≈ 28.99 pt, rounded down to 579 twips: rounding up (580) makes
        22 lines overflow the type area by a fraction and leaves only 21 on a page."""
        return math.floor(self.type_area_height.pt * 20 / self.lines_per_page)

    @property
    def char_pitch_pt(self) -> float:
        return self.type_area_width.pt / self.chars_per_line

    @property
    def char_space(self) -> int:
        """w:charSpace for a linesAndChars grid: pitch minus font size, in 1/4096 pt (≈ -848)."""
        return round((self.char_pitch_pt - self.body_size) * 4096)

    @property
    def char_spacing_twips(self) -> int:
        """Condensed character spacing (w:spacing, twentieths of a point) that gives 28 body
        characters a line: 16 pt glyphs on a 15.79 pt pitch, rounded down to -0.25 pt so the
        28th character still fits."""
        return math.floor((self.char_pitch_pt - self.body_size) * 20)

    @property
    def body_advance_pt(self) -> float:
        """How far one condensed body character advances the pen."""
        return self.body_size + self.char_spacing_twips / 20


# Where each field sits in the YAML profile, and what kind of value it is.
SCHEMA: dict[str, tuple[str, str, str]] = {
    "page_width": ("page", "width", "length"),
    "page_height": ("page", "height", "length"),
    "margin_top": ("page", "margin_top", "length"),
    "margin_bottom": ("page", "margin_bottom", "length"),
    "margin_left": ("page", "margin_left", "length"),
    "margin_right": ("page", "margin_right", "length"),
    "header_distance": ("page", "header_distance", "length"),
    "lines_per_page": ("grid", "lines_per_page", "count"),
    "chars_per_line": ("grid", "chars_per_line", "count"),
    "body_font": ("fonts", "body", "font"),
    "title_font": ("fonts", "title", "font"),
    "level1_font": ("fonts", "level1", "font"),
    "level2_font": ("fonts", "level2", "font"),
    "level3_font": ("fonts", "level3", "font"),
    "level4_font": ("fonts", "level4", "font"),
    "latin_font": ("fonts", "latin", "font"),
    "page_number_font": ("fonts", "page_number", "font"),
    "level3_bold": ("fonts", "level3_bold", "flag"),
    "body_size": ("sizes", "body", "size"),
    "title_size": ("sizes", "title", "size"),
    "page_number_size": ("sizes", "page_number", "size"),
    "table_size": ("sizes", "table", "size"),
    "page_number_gap": ("page_number", "gap", "length"),
    "issuer_mark_top": ("header", "issuer_mark_top", "length"),
    "issuer_mark_size": ("header", "issuer_mark_size", "size"),
    "rule_gap": ("header", "rule_gap", "length"),
    "rule_width": ("header", "rule_width", "length"),
    "header_color": ("header", "color", "color"),
    "table_border": ("tables", "border_width", "length"),
    "table_line_spacing": ("tables", "line_spacing", "ratio"),
    "substitutes": ("substitutes", "", "fonts"),
}
assert set(SCHEMA) == {f.name for f in fields(StyleProfile)}


def parse_value(kind: str, value: Any) -> Any:
    """One YAML value as the profile's type; LayoutValueError (Chinese) if it is not one."""
    if kind == "length":
        return parse_length(value)
    if kind == "size":
        return parse_size(value)
    if kind == "font":
        if not isinstance(value, str) or not value.strip():
            raise LayoutValueError(f"应为字体名称，如 仿宋_GB2312，实际是“{value}”")
        return value.strip()
    if kind == "flag":
        if not isinstance(value, bool):
            raise LayoutValueError(f"应为“是”或“否”，实际是“{value}”")
        return value
    if kind == "count":
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise LayoutValueError(f"应为正整数，实际是“{value}”")
        return value
    if kind == "ratio":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise LayoutValueError(f"应为正数（倍数），实际是“{value}”")
        return float(value)
    if kind == "color":
        if not isinstance(value, str) or not re.fullmatch(r"#?[0-9A-Fa-f]{6}", value.strip()):
            raise LayoutValueError(f"应为六位十六进制颜色，如 FF0000（红色），实际是“{value}”")
        return value.strip().lstrip("#").upper()
    if kind == "fonts":
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            raise LayoutValueError("应为“字体: 替代字体”的键值表")
        return dict(value)
    raise AssertionError(kind)


def from_mapping(raw: dict) -> StyleProfile:
    """A complete profile from its nested YAML form (the package's gbt9704.yaml)."""
    values = {}
    for name, (group, key, kind) in SCHEMA.items():
        value = raw[group] if not key else raw[group][key]
        values[name] = parse_value(kind, value)
    return StyleProfile(**values)


@functools.lru_cache(maxsize=1)
def default_profile() -> StyleProfile:
    from drafter import datafiles

    return from_mapping(datafiles.read(PROFILE_FILE, "版式文件"))


def __getattr__(name: str) -> Any:
    if name == "GBT9704":  # loaded when first asked for, so importing this module reads no file
        return default_profile()
    raise AttributeError(name)
