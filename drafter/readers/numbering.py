"""Word automatic numbering: the label Word shows in front of a list paragraph ("一、", "（1）").

numbering.xml keeps abstract list definitions (w:abstractNum: per level a start value, a number
format and a label pattern such as "（%1）") and list instances (w:num) that point at one and may
override start values. Counters are kept per list instance and level; using a level restarts the
deeper ones (unless w:lvlRestart says otherwise). Formats other than the ones below count in
Arabic digits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DIGITS = "〇一二三四五六七八九"
_PLACEHOLDER = re.compile(r"%([1-9])")


def chinese_counting(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五."""
    if n <= 0:
        return str(n)
    if n >= 10000:
        return str(n)
    units = [(1000, "千"), (100, "百"), (10, "十")]
    out, zero = "", False
    for value, name in units:
        d, n = divmod(n, value)
        if d:
            if zero:
                out += "零"
            out += ("" if (value == 10 and d == 1 and not out) else DIGITS[d]) + name
            zero = False
        elif out:
            zero = True
    if n:
        out += ("零" if zero else "") + DIGITS[n]
    return out


def _letters(n: int, base: str) -> str:
    # Word repeats the letter: a … z, aa … zz
    return base[(n - 1) % 26] * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _enclosed(n: int, first: str, last: int) -> str:
    return chr(ord(first) + n - 1) if 1 <= n <= last else str(n)


FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "chineseLegalSimplified": lambda n: chinese_counting(n).translate(str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")),
    "japaneseCounting": chinese_counting,
    "taiwaneseCounting": chinese_counting,
    "taiwaneseCountingThousand": chinese_counting,
    "ideographDigital": lambda n: "".join(DIGITS[int(d)] for d in str(n)),
    "taiwaneseDigital": lambda n: "".join(DIGITS[int(d)] for d in str(n)),
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[n - 1] if 1 <= n <= 10 else str(n),
    "ideographZodiac": lambda n: "子丑寅卯辰巳午未申酉戌亥"[n - 1] if 1 <= n <= 12 else str(n),
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalFullWidth2": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": lambda n: _enclosed(n, "①", 20),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(n, "①", 20),
    "decimalEnclosedParen": lambda n: _enclosed(n, "⑴", 20),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, "⒈", 20),
    "ideographEnclosedCircle": lambda n: _enclosed(n, "㈠", 10) if n <= 10 else str(n),
    "lowerLetter": lambda n: _letters(n, "abcdefghijklmnopqrstuvwxyz"),
    "upperLetter": lambda n: _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": _roman,
    "ordinal": str,
    "cardinalText": str,
}


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: 1-based level whose use restarts this one; 0 never
    legal: bool = False  # w:isLgl: show all levels in Arabic digits


@dataclass
class ListInstance:
    levels: dict[int, Level]
    start_overrides: dict[int, int] = field(default_factory=dict)


def _val(el, tag: str) -> str | None:
    child = el.find(f"{W}{tag}")
    return None if child is None else child.get(f"{W}val")


def _int(value: str | None, default: int | None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _level(el) -> Level:
    return Level(
        start=_int(_val(el, "start"), 1),
        fmt=_val(el, "numFmt") or "decimal",
        text=_val(el, "lvlText") if _val(el, "lvlText") is not None else "",
        restart=_int(_val(el, "lvlRestart"), None),
        legal=el.find(f"{W}isLgl") is not None and _val(el, "isLgl") not in ("0", "false"),
    )


class Numbering:
    """Renders labels in document order; call label() once per numbered paragraph."""

    def __init__(self, root=None):
        self.lists: dict[str, ListInstance] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is not None:
            self._load(root)

    def _load(self, root) -> None:
        abstract = {a.get(f"{W}abstractNumId"): {_int(lvl.get(f"{W}ilvl"), 0): _level(lvl) for lvl in a.iter(f"{W}lvl")}
                    for a in root.iter(f"{W}abstractNum")}
        for num in root.iter(f"{W}num"):
            levels = dict(abstract.get(_val(num, "abstractNumId"), {}))
            overrides = {}
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl"), 0)
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
                start = _int(_val(override, "startOverride"), None)
                if start is not None:
                    overrides[ilvl] = start
            self.lists[num.get(f"{W}numId")] = ListInstance(levels, overrides)

    def label(self, num_id: str, ilvl: int) -> tuple[str | None, bool]:
        """(label, is_bullet). numId 0 or an unknown list means no numbering."""
        instance = self.lists.get(num_id)
        if instance is None or ilvl not in instance.levels:
            return None, False
        level = instance.levels[ilvl]
        counters = self.counters.setdefault(num_id, {})
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = instance.start_overrides.get(ilvl, level.start)
        for deeper in [d for d in counters if d > ilvl]:
            restart = instance.levels.get(deeper, Level()).restart
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        if level.fmt == "bullet":
            return None, True
        if level.fmt == "none":
            return _PLACEHOLDER.sub("", level.text) or None, False
        return _PLACEHOLDER.sub(lambda m: self._format(instance, counters, int(m.group(1)) - 1, level.legal),
                                level.text) or None, False

    def _format(self, instance: ListInstance, counters: dict[int, int], ilvl: int, legal: bool) -> str:
        level = instance.levels.get(ilvl, Level())
        value = counters.get(ilvl, instance.start_overrides.get(ilvl, level.start))
        if legal:
            return str(value)
        return FORMATS.get(level.fmt, str)(value)
