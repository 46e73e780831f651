"""The official-document style profile: fonts, sizes and page geometry in one place.

Values follow GB/T 9704-2012; a bureau with local rules (bold level-3 headings, other
fonts) makes a changed copy with dataclasses.replace() rather than editing the writer.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class StyleProfile:
    # fonts (display names as Word and WPS know them)
    body_font: str = "仿宋_GB2312"
    title_font: str = "方正小标宋简体"
    level1_font: str = "黑体"
    level2_font: str = "楷体_GB2312"
    level3_font: str = "仿宋_GB2312"
    level4_font: str = "仿宋_GB2312"
    latin_font: str = "Times New Roman"
    page_number_font: str = "宋体"
    level3_bold: bool = False
    # sizes in points: 3号 16, 2号 22, 4号 14
    body_size: float = 16
    title_size: float = 22
    page_number_size: float = 14
    table_size: float = 14  # 4号 in attachment tables
    # page geometry in millimetres
    page_width: float = 210
    page_height: float = 297
    margin_top: float = 37
    margin_bottom: float = 35
    margin_left: float = 28
    margin_right: float = 26
    lines_per_page: int = 22
    chars_per_line: int = 28
    page_number_gap: float = 7  # top of the number line, below the type area
    # what Word and WPS should use when a named font is missing
    substitutes: dict[str, str] = field(default_factory=lambda: {
        "仿宋_GB2312": "仿宋",
        "楷体_GB2312": "楷体",
        "方正小标宋简体": "宋体",
        "黑体": "SimHei",
        "宋体": "SimSun",
    })

    @property
    def type_area_width_mm(self) -> float:
        return self.page_width - self.margin_left - self.margin_right

    @property
    def type_area_height_mm(self) -> float:
        return self.page_height - self.margin_top - self.margin_bottom

    @property
    def line_pitch_twips(self) -> int:
        """225 mm / 22 lines ≈ 28.99 pt, rounded down to 579 twips: rounding up (580) makes
        22 lines overflow the type area by a fraction and leaves only 21 on a page."""
        return math.floor(self.type_area_height_mm * PT_PER_MM * 20 / self.lines_per_page)

    @property
    def char_pitch_pt(self) -> float:
        return self.type_area_width_mm * PT_PER_MM / self.chars_per_line

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


GBT9704 = StyleProfile()


def default_profile() -> StyleProfile:
    return GBT9704
