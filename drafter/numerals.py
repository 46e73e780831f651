"""Chinese numerals as reports write them (一、 （二） 第三十四个 三是): one function, used
by numbering, the lists' 一是 and the templates' filters alike."""
from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """Chinese numerals for ordinals and headings: 1→一, 10→十, 15→十五, 21→二十一, 34→三十四."""
    if n < 0:
        raise ValueError(n)
    if n < 10:
        return _DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if rest == 0:
            return _DIGITS[hundreds] + "百"
        if rest < 10:
            return _DIGITS[hundreds] + "百零" + _DIGITS[rest]
        tail = cn_number(rest)
        if rest < 20:
            tail = "一" + tail
        return _DIGITS[hundreds] + "百" + tail
    return str(n)
