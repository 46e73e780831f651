"""Proofreading (issue 22, part 5): the words a reviewer corrects every year, preferring a miss
to a false alarm. The lexicon is data (sections/_proofread.yaml): each entry has a level, 必错
(an error), 疑似 or 提示 (a hint), and examples the loader checks. Besides the lexicon: a
character typed twice (局局), a list item that lost its 是 (一建立……二是……), a bracket half
full-width and half not, marks that do not pair up. Names are never corrected: what stands in
《》 or “” and the bureau's own names."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from drafter import datafiles
from drafter.check.finding import ERROR, NOTE, Finding
from drafter.check.view import ADDRESSEE, SIGNATURE, Para, View
from drafter.errors import DrafterError, Location

PROOFREAD_FILE = "_proofread.yaml"
LEVELS = ("必错", "疑似", "提示")
_NUMERALS = "一二三四五六七八九十"
_MIXED_BRACKETS = re.compile(r"（[^（）()\n]{0,40}\)|\([^（）()\n]{0,40}）")
# a half-width mark against a full-width one (“,”  ”;  ）,): typed in the wrong mode
_HALF_BY_FULL = re.compile(r"[,;:?!](?=[“”‘’（）《》【】、，。；：])|(?<=[“”‘’（）《》【】、，。；：])[,;:?!]")
_NAMES = re.compile(r"《[^《》\n]*》|“[^“”\n]*”")


@dataclass(frozen=True)
class Entry:
    pattern: re.Pattern
    say: str
    level: str
    kind: str
    unless: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[Entry, ...]
    doubled: re.Pattern | None
    doubled_fine: tuple[str, ...]
    numerals: str
    pairs: tuple[tuple[str, str], ...]


def _compiled(data: dict, path: Path) -> Lexicon:
    entries = []
    for n, raw in enumerate(data.get("entries") or [], 1):
        where = Location(file=str(path), field=f"entries[{n}]")
        if not isinstance(raw, dict) or not (raw.get("find") or raw.get("pattern")):
            raise DrafterError("每一条要写 find（照原样的写法）或 pattern（正则式）", where)
        try:
            pattern = re.compile(str(raw["pattern"]) if raw.get("pattern") else re.escape(str(raw["find"])))
        except re.error as exc:
            raise DrafterError(f"pattern 写错了（{exc}）", where) from None
        level = str(raw.get("level") or "疑似")
        if level not in LEVELS:
            raise DrafterError(f"level 应为 {'、'.join(LEVELS)} 之一，实际是“{level}”", where)
        entry = Entry(pattern, str(raw.get("say") or ""), level, str(raw.get("kind") or "用词"),
                      tuple(str(u) for u in raw.get("unless") or []))
        for example in raw.get("examples") or []:
            if not _hits(entry, str(example)):
                raise DrafterError(f"例句“{example}”没有找出来：请核对 find/pattern", where)
        for example in raw.get("fine") or []:
            if _hits(entry, str(example)):
                raise DrafterError(f"例句“{example}”不该找出来：请核对 find/pattern", where)
        entries.append(entry)
    doubled = [str(ch) for ch in data.get("doubled") or []]
    return Lexicon(tuple(entries),
                   re.compile("(" + "|".join(map(re.escape, doubled)) + r")\1") if doubled else None,
                   tuple(str(w) for w in data.get("doubled_fine") or []),
                   "".join(str(n) for n in data.get("enumeration") or []) or _NUMERALS,
                   tuple((str(a), str(b)) for a, b in data.get("pairs") or []))


def lexicon() -> Lexicon:
    return datafiles.derived(PROOFREAD_FILE, _compiled, missing=None) or Lexicon((), None, (), _NUMERALS, ())


def _hits(entry: Entry, text: str) -> list[re.Match]:
    return [m for m in entry.pattern.finditer(text)
            if not any(u in text[max(0, m.start() - len(u)):m.end() + len(u)] and m.group() in u for u in entry.unless)]


def proofread(view: View) -> list[Finding]:
    lex = lexicon()
    names = [n for n in (view.issuer, *(p.text for p in view.paragraphs if p.kind in (SIGNATURE, ADDRESSEE)))
             if n and len(n) >= 2]
    out: list[Finding] = []
    for para in view.body():
        text = para.text
        kept = [(m.start(), m.end()) for m in _NAMES.finditer(text)]
        kept += [(m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), text)]

        def free(m: re.Match, kept=kept) -> bool:
            return not any(a <= m.start() < b for a, b in kept)

        for entry in lex.entries:
            for m in filter(free, _hits(entry, text)):
                said = f"，应为“{entry.say}”" if entry.say and "…" not in entry.say and "：" not in entry.say else ""
                advice = entry.say if not said else f"请改为“{entry.say}”"
                out.append(_finding(view, para, m.group(), entry.level, f"“{m.group()}”{entry.kind}{said}", advice))
        if lex.doubled is not None:
            for m in filter(free, lex.doubled.finditer(text)):
                if any(w in text[max(0, m.start() - len(w)):m.end() + len(w)] and m.group() in w for w in lex.doubled_fine):
                    continue
                out.append(_finding(view, para, m.group(), "必错", f"“{m.group()}”多打了一个字", f"请改为“{m.group(1)}”"))
        out += _enumeration(view, para, lex.numerals)
        out += _marks(view, para, lex.pairs)
    return out


def _enumeration(view: View, para: Para, numerals: str) -> list[Finding]:
    """一建立……二是……: an item of a 一是/二是 list without its 是."""
    text, out = para.text, []
    for k, numeral in enumerate(numerals):
        neighbours = [f"{n}是" for n in numerals[max(0, k - 1):k] + numerals[k + 1:k + 2]]
        if f"{numeral}是" in text or not any(n in text for n in neighbours):
            continue
        m = re.search(rf"(?:^|[。；;：:])\s*({numeral})(?![是、，。．.）)年月日个项次件些切直般起同致定道级流线把体带手系批名家类条律方])[\u4e00-\u9fff]",
                      text)
        if m:
            out.append(_finding(view, para, text[m.start(1):m.start(1) + 4], "必错", f"列举“{numeral}”后面少了“是”",
                                f"请改为“{numeral}是”，与前后的“{'”“'.join(neighbours)}”一致"))
    return out


def _marks(view: View, para: Para, pairs: tuple[tuple[str, str], ...]) -> list[Finding]:
    text, out = para.text, []
    for m in _MIXED_BRACKETS.finditer(text):
        out.append(_finding(view, para, m.group(), "必错", f"括号一半是全角、一半是半角：“{m.group()}”", "请都改为全角括号（）"))
    half = sum(text.count(ch) for ch in ",;:?!")
    full = sum(text.count(ch) for ch in "，；：？！")
    # a text typed half-width throughout is the form rule's (said once); here the odd one out
    for m in _HALF_BY_FULL.finditer(text) if full > half else ():
        around = text[max(0, m.start() - 1):m.end() + 1]
        out.append(_finding(view, para, around, "疑似", f"半角“{m.group()}”紧挨着全角标点：“{around}”",
                            "请改为全角标点"))
    for opening, closing in pairs:
        if text.count(opening) != text.count(closing):
            out.append(_finding(view, para, opening if text.count(opening) > text.count(closing) else closing, "疑似",
                                f"“{opening}{closing}”不成对（{text.count(opening)} 个“{opening}”，{text.count(closing)} 个“{closing}”）",
                                "请核对是否漏了一半"))
    return out


def _finding(view: View, para: Para, token: str, level: str, problem: str, advice: str) -> Finding:
    location, quote = view.locate(para, token)
    severity = ERROR if level == "必错" else NOTE
    return Finding("proofread", severity, problem if level == "必错" else f"{level}：{problem}", advice, location, quote)
