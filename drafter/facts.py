"""Statistics in Chinese report prose: the numbers-with-a-unit that next year must fill again.

`find` reads a text once and returns every statistic (861件, 2590.69万元, 98.5%, 80余家,
5万余人次, 95%以上, 近3000, 连续两年); `non_statistics` returns the numbers that are not
statistics, with the reason (a year, a date, an ordinal, a document number, a name…).
Every list it uses — measure words, units, approximation words, the patterns of what is not
a statistic, the words trimmed from a label — lives in sections/_numbers.yaml, so a domain
expert extends it without Python. The tables are read once and compiled into one regular
expression; a text is scanned in one pass, leftmost match first, and at one position the
patterns of what is *not* a statistic are tried before the statistic itself.

Choices (documented in _numbers.yaml too):
- A value keeps the digits it was written with: 19.0%, 3.50万元, 1,200人 hold the text "19.0",
  "3.50", "1,200" (`as_written`), which every output prints as it stands; 861 and 98.5 stay numbers.
- 万 and 亿 belong to the value, not the unit: 17万份 → value "17万", unit 份; money keeps the
  unit as written: 880.42万元 → 880.42 万元, 3.2亿元 → 3.2 亿元 (never converted).
- Approximation words that an answers file can hold (近/约/超/逾 before, 余/多 after) are in
  the value ("近3000", "80余"); the others (以上, 左右, 超过, ≥ …) stay in the text only
  (`before`/`after`), and `approx` is true.
- 第N… is an ordinal, never a statistic (第1次, 第22个); the yearly editions come from the
  calendar data, not from facts.
- Chinese numerals count only before a short list of measure words and from 2 up
  (连续两年, 召开三次); 一 and a lone 二 never do (一次, 一批, 二次事故 are mostly idiom).
- A number with no measure word or unit is not a statistic (reason 无量词), unless an
  approximation word makes it one (近3000) or it heads a list whose last item has the unit
  (5、45、131部: three counts of 部, the first two `borrowed`).
"""
from __future__ import annotations

import dataclasses
import functools
import re
from decimal import Decimal
from pathlib import Path

from drafter import datafiles
from drafter.errors import DrafterError, Location

NUMBERS_FILE = "_numbers.yaml"
_BUILTIN = Path(__file__).resolve().parent


@dataclasses.dataclass(frozen=True)
class Quantity:
    """A number found in prose, with its unit and where it stands."""

    text: str  # as written: "5万余人次", "95%以上", "880.42万元", "近3000"
    start: int
    end: int  # span in the input text
    value: str | int | float  # as an answers file holds it: 861, 2590.69, 98.5, "80余", "1.1万", "19.0"
    unit: str  # measure word or unit: "件", "万元", "%", "人次"; "" if none
    kind: str  # "count" | "money" | "percent" | "number"
    approx: bool  # 余/多/近/约/超/以上/左右…
    before: str = ""  # approximation words in the text but not in the value: 超过, ≥
    after: str = ""  # 以上, 左右
    borrowed: bool = False  # the unit is written once after the last item of a list (5、45、131部)


# ---------------------------------------------------------------- the tables


def numbers_file() -> Path:
    """_numbers.yaml of the ontology in use; the built-in one when that ontology has none."""
    return datafiles.find(NUMBERS_FILE)


def tables() -> dict:
    """The number tables (sections/_numbers.yaml), read through drafter.datafiles."""
    return datafiles.table(NUMBERS_FILE)


def _words(data: dict, *keys: str) -> list[str]:
    node = data
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return [str(w) for w in node or []]


def measure_words() -> tuple[str, ...]:
    return tuple(_words(tables(), "measure_words"))


def money_units() -> tuple[str, ...]:
    return tuple(_words(tables(), "money_units"))


# ---------------------------------------------------------------- the scanner

_D = "[0-9０-９]"
_CN = "[〇零一二两三四五六七八九十百千万]"
_MACROS = {
    "年": rf"(?<![0-9０-９.．])(?:19|20|１９|２０){_D}{{2}}(?!{_D})",
    "整数": rf"(?<![0-9０-９]){_D}+",
    # 1,200 (thousands grouped with half-width commas, as web pages write) or 1200
    "数": rf"(?<![0-9０-９])(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+(?![0-9])|{_D}+)(?:[.．]{_D}+)?",
    "月": rf"(?<![0-9０-９])(?:1[0-2]|0?[1-9]|１[０-２]|０?[１-９])(?!{_D})",
    "日": rf"(?:3[01]|[12][0-9]|0?[1-9]|３[０１]|[１２][０-９]|０?[１-９])(?!{_D})",
    "汉数": f"{_CN}+",
    "空": r"[ \u00a0\u3000]*",
    "行首": r"(?:^|(?<=\n))",
}
_ASCII = str.maketrans("０１２３４５６７８９．", "0123456789.")  # keeps the thousands commas (1,200)
PLAIN_NUMBER = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


class _Scanner:
    def __init__(self, data: dict, path: Path):
        self.path = path
        self.count_units = set(_words(data, "measure_words"))
        self.money_units = set(_words(data, "money_units"))
        self.percent_signs = set(_words(data, "percent_signs"))
        self.number_units = set(_words(data, "number_units"))
        self.value_before = _words(data, "approx", "value_before")
        self.value_after = _words(data, "approx", "value_after")
        self.text_before = _words(data, "approx", "before")
        self.not_before = _words(data, "approx", "not_before")
        self.separators = _words(data, "list_separators")
        units = self.count_units | self.money_units | self.percent_signs | self.number_units
        macros = dict(_MACROS, 单位=_alternation(list(units)))
        self.reasons: dict[str, str] = {}
        self._rules: list[tuple[str, dict, str]] = []  # (pattern with macros, rule, table)
        parts = []
        for i, rule in enumerate(data.get("not_statistics") or []):
            parts.append(self._rule(f"n{i}", rule, macros, "not_statistics"))
        parts.append(self._quantity(units, data))
        parts.append(self._chinese(data))
        for i, rule in enumerate(data.get("leftovers") or []):
            parts.append(self._rule(f"l{i}", rule, macros, "leftovers"))
        # Trying the alternatives only where a pattern can begin makes the scan several times faster.
        starts = "".join(re.escape(ch) for ch in sorted(set(str(data.get("starts") or ""))))
        guard = f"(?=[{starts}])" if starts else ""
        self.regex = self._compile(guard + "(?:" + "|".join(parts) + ")")
        self.examples = [
            (table, str(rule["reason"]), str(example))
            for table in ("not_statistics", "leftovers")
            for rule in data.get(table) or []
            for example in rule.get("examples") or []
        ]
        self.before_words = sorted(set(self.value_before + self.text_before), key=len, reverse=True)
        label = data.get("label") or {}
        self.frames = re.compile(_alternation(_words(label, "frames"))) if label.get("frames") else None
        self.drop_before = sorted(_words(label, "drop_before"), key=len, reverse=True)
        self.drop_after = sorted(_words(label, "drop_after"), key=len, reverse=True)
        self.keep_reasons = set(_words(label, "keep_reasons"))
        self.whole_words = _words(label, "whole_words")
        self.complements = tuple(_words(label, "complements"))
        length = label.get("max_length") or 10
        if isinstance(length, bool) or not isinstance(length, int) or length < 1:
            raise DrafterError(f"应为正整数（如 10），实际是“{length}”", Location(file=str(self.path), field="label.max_length"))
        self.max_length = length
        self.fallback = str(label.get("fallback") or "数量")

    def check_examples(self) -> None:
        """Each rule's examples must give its reason and no statistic: a pattern written wrong,
        or one that begins with a character missing from `starts`, is caught when the tables load."""
        for table, reason, example in self.examples:
            found, others = self.scan(example)
            if found or reason not in {r for _, _, r in others}:
                got = "、".join(q.text for q in found) if found else "、".join(sorted({r for _, _, r in others})) or "无"
                raise DrafterError(
                    f"式样与例子不符：例子“{example}”应识别为“{reason}”，实际是“{got}”（请检查式样，或把式样的第一个字加进 starts）",
                    Location(file=str(self.path), field=f"{table}.{reason}"),
                )

    def _rule(self, name: str, rule: object, macros: dict, table: str) -> str:
        if not isinstance(rule, dict) or not rule.get("reason") or not rule.get("pattern"):
            raise DrafterError("每条规则须有 reason 和 pattern", Location(file=str(self.path), field=table))
        pattern = str(rule["pattern"])
        for key, value in macros.items():
            pattern = pattern.replace("{" + key + "}", value)
        self.reasons[name] = str(rule["reason"])
        self._rules.append((pattern, rule, table))
        return f"(?P<{name}>{pattern})"

    def _compile(self, pattern: str) -> re.Pattern[str]:
        """The whole table as one regex. Its rules are compiled one by one only when it fails,
        to name the rule that is written wrong: compiling each took longer than the whole."""
        try:
            return re.compile(pattern)
        except re.error as whole:
            for rule_pattern, rule, table in self._rules:
                try:
                    re.compile(rule_pattern)
                except re.error as exc:
                    raise DrafterError(f"式样写错了（{exc}）：{rule['pattern']}",
                                       Location(file=str(self.path), field=f"{table}.{rule['reason']}")) from None
            raise DrafterError(f"数字识别表的式样合在一起时出错（{whole}）", Location(file=str(self.path))) from None

    def _quantity(self, units: set[str], data: dict) -> str:
        unit = _alternation(list(units))
        suffix = _alternation(self.value_after)
        after = _alternation(_words(data, "approx", "after"))
        sp = _MACROS["空"]
        # a number with a unit, 万/亿 or 余/多 (3万余元, 880.42万元, 80余, 95%以上); never a bare number
        return (
            rf"(?P<num>{_MACROS['数']})"
            rf"(?:{sp}(?P<mult>[万亿])(?!元))?(?:{sp}(?P<suf>{suffix}))?(?:{sp}(?P<unit>{unit}))?"
            r"(?(unit)|(?(mult)|(?(suf)|(?!))))"
            rf"(?:{sp}(?P<after>{after}))?"
        )

    def _chinese(self, data: dict) -> str:
        units = _alternation(_words(data, "chinese_numerals", "measure_words"))
        singles = [w for w in _words(data, "chinese_numerals", "not_after") if len(w) == 1]
        longer = [w for w in _words(data, "chinese_numerals", "not_after") if len(w) > 1]
        behind = "".join(f"(?<!{re.escape(w)})" for w in longer)
        cls = re.escape("".join(singles)) + "〇零一二两三四五六七八九十百千万"
        return (
            rf"(?<![{cls}]){behind}"
            rf"(?P<cn>(?:[两三四五六七八九十]|[一二](?=[十百千])){_CN[:-1]}]*)(?P<cnunit>{units})"
        )

    # -- reading one text

    def scan(self, text: str) -> tuple[list[Quantity], list[tuple[int, int, str]]]:
        found: list[Quantity | tuple[int, int, str]] = []
        last_end = 0
        for m in self.regex.finditer(text):
            if m.group("num") is not None:
                item = self._arabic(text, m, last_end)
                self._borrow(text, found, item)
            elif m.group("cn") is not None:
                item = self._chinese_quantity(text, m, last_end)
                if item is None:
                    continue
            else:
                name = m.lastgroup  # the rule's group closes last
                item = (m.start(), m.end(), self.reasons[name])
                if name.startswith("l"):  # a leftover: 近2000 is about 2000 of something
                    item = self._approximate(text, m, last_end) or item
            found.append(item)
            last_end = item.end if isinstance(item, Quantity) else item[1]
        quantities = [q for q in found if isinstance(q, Quantity)]
        others = [s for s in found if not isinstance(s, Quantity)]
        return quantities, others

    def _prefix(self, text: str, start: int, last_end: int) -> tuple[str, int]:
        """An approximation word right before start (近3000, 超过 5万), and where it starts."""
        head = text[max(last_end, start - 8):start]
        stripped = head.rstrip(" \u00a0\u3000")
        for word in self.before_words:
            if stripped.endswith(word) and not any(stripped.endswith(n) for n in self.not_before):
                return word, start - (len(head) - len(stripped)) - len(word)
        return "", start

    def _arabic(self, text: str, m: re.Match, last_end: int) -> Quantity:
        number = m.group("num").translate(_ASCII)
        mult = m.group("mult") or ""
        suf = m.group("suf") or ""
        unit = m.group("unit") or ""
        after = m.group("after") or ""
        word, start = self._prefix(text, m.start(), last_end)
        return self._make(text, start, m.end(), word, number, mult, suf, unit, after)

    def _make(self, text: str, start: int, end: int, word: str, number: str, mult: str, suf: str,
              unit: str, after: str, borrowed: bool = False) -> Quantity:
        in_value = word if word in self.value_before else ""
        value: str | int | float
        if in_value or mult or suf:
            value = f"{in_value}{number}{mult}{suf}"
        else:
            value = as_written(number)
        if unit in self.percent_signs:
            unit = "%"
        return Quantity(
            text=text[start:end], start=start, end=end, value=value, unit=unit, kind=self._kind(unit, value),
            approx=bool(word or suf or after), before="" if in_value else word, after=after,
            borrowed=borrowed,
        )

    def _kind(self, unit: str, value: str | int | float) -> str:
        if unit == "%":
            return "percent"
        if unit in self.money_units:
            return "money"
        if unit in self.number_units or not unit or _decimal(value):
            return "number"  # 2.5小时 is a measure, not a count
        return "count"

    def _borrow(self, text: str, found: list, item: Quantity) -> None:
        """5、45、131部: the bare numbers listed before item take its unit."""
        if not item.unit or item.before:
            return
        end = item.start
        k = len(found)
        while k:
            prev = found[k - 1]
            gap = text[(prev.end if isinstance(prev, Quantity) else prev[1]):end].strip(" \u00a0\u3000")
            if gap not in self.separators:
                break
            if isinstance(prev, Quantity):
                if prev.unit or prev.after:
                    break
                s, e, number = prev.start, prev.end, None
            elif prev[2] == "无量词":
                s, e, number = prev[0], prev[1], text[prev[0]:prev[1]].translate(_ASCII)
            else:
                break
            if number is None:
                found[k - 1] = dataclasses.replace(prev, unit=item.unit, kind=self._kind(item.unit, prev.value), borrowed=True)
            else:
                found[k - 1] = self._make(text, s, e, "", number, "", "", item.unit, "", borrowed=True)
            end = s
            k -= 1

    def _approximate(self, text: str, m: re.Match, last_end: int) -> Quantity | None:
        """近3000, 超过5000: a bare number with an approximation word is a statistic."""
        word, start = self._prefix(text, m.start(), last_end)
        if not word or not re.fullmatch(_MACROS["数"], m.group()):
            return None
        return self._make(text, start, m.end(), word, m.group().translate(_ASCII), "", "", "", "")

    def _chinese_quantity(self, text: str, m: re.Match, last_end: int) -> Quantity | None:
        value = cn_int(m.group("cn"))
        if value is None or value < 2:
            return None
        word, start = self._prefix(text, m.start(), last_end)
        unit = m.group("cnunit")
        return Quantity(
            text=text[start:m.end()], start=start, end=m.end(), value=value, unit=unit,
            kind="count", approx=bool(word), before=word, after="",
        )


def as_written(number: str) -> str | int | float:
    """A number as an answers file holds it, its written digits kept: 861 → 861, 98.5 → 98.5,
    but 19.0 → "19.0", 3.50 → "3.50", 1,200 → "1,200" (the text, where an int or a float would
    print otherwise: the report printed 19.0%, and so does every output after it). `number` is
    ASCII digits with an optional fraction and thousands commas; anything else is returned as
    it is. A whole number without commas is an int (019 is 19)."""
    if not PLAIN_NUMBER.fullmatch(number):
        return number
    bare = number.replace(",", "")
    # float() of a run of thousands of digits is infinity (validation calls it too large);
    # int() of one past Python's digit limit fails outright
    value: int | float = float(bare) if "." in bare or len(bare) > 30 else int(bare)
    if len(bare) > 30 or ("," not in number and (isinstance(value, int) or _printed(value) == number)):
        return value  # 019 is 19: only a fraction's zeros and the commas are kept
    return number


def _printed(value: float) -> str:
    """A float as the report prints it (drafter.filters.num): 19.0 → 19, 2590.69 → 2590.69."""
    text = format(Decimal(str(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _decimal(value: object) -> bool:
    """A value with a fraction (2.5, "2.50"): a measure, not a count."""
    return isinstance(value, float) or (isinstance(value, str) and "." in value and bool(PLAIN_NUMBER.fullmatch(value)))


_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_POWERS = {"十": 10, "百": 100, "千": 1000, "万": 10000}


def cn_int(text: str) -> int | None:
    """十二 → 12, 两千三百 → 2300, 二十 → 20; None for what is not a Chinese numeral."""
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch] if digit is None else digit * 10 + _CN_DIGITS[ch]
        elif ch in _CN_POWERS:
            power = _CN_POWERS[ch]
            if power == 10000:
                total += (section + (digit or 0)) * power
                section = 0
            else:
                section += (1 if digit is None else digit) * power
            digit = None
        else:
            return None
    return total + section + (digit or 0)


def _scanner() -> _Scanner:
    """The compiled number table, made again when _numbers.yaml changes (drafter.datafiles)."""
    return datafiles.derived(NUMBERS_FILE, _make_scanner)


def _make_scanner(data: dict, path: Path) -> _Scanner:
    scanner = _Scanner(data, path)
    scanner.check_examples()
    return scanner


def _scan(text: str) -> tuple[tuple[Quantity, ...], tuple[tuple[int, int, str], ...]]:
    return _scanned(_scanner(), text)


@functools.lru_cache(maxsize=64)  # label_before asks again for each statistic of one text
def _scanned(scanner: _Scanner, text: str) -> tuple[tuple[Quantity, ...], tuple[tuple[int, int, str], ...]]:
    quantities, others = scanner.scan(text)
    return tuple(quantities), tuple(others)


# ---------------------------------------------------------------- the API


def find(text: str) -> list[Quantity]:
    """Every statistic in text, in order."""
    return list(_scan(text)[0])


def non_statistics(text: str) -> list[tuple[int, int, str]]:
    """The spans that look numeric but are not statistics, each with its reason."""
    return list(_scan(text)[1])


def parse(text: str) -> Quantity | None:
    """One value as a clerk writes it (24场, 53887.5元, 98.6%, 80余家, 3万余); None unless
    the whole string is exactly one statistic."""
    s = text.strip()
    if not s:
        return None
    memo = _parsed_values(numbers_file())
    if s not in memo:
        quantities = _scan(s)[0]
        whole = len(quantities) == 1 and quantities[0].start == 0 and quantities[0].end == len(s)
        memo[s] = quantities[0] if whole else None
        _remember_later(numbers_file(), memo)
    return memo[s]


# Values parsed before, kept in the user cache with the number table they were read by: an
# own-text report's facts (24场, 98.6%) are read again at every build, and reading the first
# one compiles the whole table (30 ms). Written once, when the process ends.
_MEMO_LIMIT = 5000


@functools.lru_cache(maxsize=4)
def _parsed_values(path: Path) -> dict[str, Quantity | None]:
    from drafter import cache

    found = cache.get(cache.key("values", [path]))
    return found if isinstance(found, dict) and len(found) < _MEMO_LIMIT else {}


_PENDING: dict[Path, dict] = {}


def _remember_later(path: Path, memo: dict) -> None:
    if not _PENDING:
        import atexit

        atexit.register(_remember)
    _PENDING[path] = memo


def _remember() -> None:
    from drafter import cache

    for path, memo in _PENDING.items():
        cache.put(cache.key("values", [path]), memo)
    _PENDING.clear()


_CLAUSE_END = re.compile(r"[，,。；;：:！!？?、\n（）()《》“”\"「」『』【】]")


def label_before(text: str, q: Quantity) -> str:
    """A short name for q from the words before it in its clause (never empty).

    立案查处行政处罚案件861件 → 行政处罚案件; 开展执法检查2770次 → 执法检查.
    """
    head = words_before(text, q)
    if len(head) < 2:
        return {"money": "金额", "percent": "比率"}.get(q.kind, _scanner().fallback)
    return head


def words_before(text: str, q: Quantity, cut_long: bool = True, frames: bool = True) -> str:
    """The words before q in its clause that may name it, verbs (unless frames is False) and
    fillers taken off (may be short or empty); cut to the label's max_length unless cut_long
    is False."""
    sc = _scanner()
    quantities, others = _scanned(sc, text)
    start = 0
    for span_end in [x.end for x in quantities] + [o[1] for o in others if o[2] not in sc.keep_reasons]:
        if span_end <= q.start:
            start = max(start, span_end)
    head = text[start:q.start]
    ends = list(_CLAUSE_END.finditer(head))
    if ends:
        head = head[ends[-1].end():]
    head = re.sub(r"\s+", "", head)
    if sc.frames and frames:  # the words after the last verb that leaves a name of two characters or more
        ends = [m.end() for m in sc.frames.finditer(head) if len(head) - m.end() >= 2]
        if ends:
            head = head[ends[-1]:]
            if head.startswith(sc.complements) and len(head) > 3:  # 排查|出|各类问题隐患
                head = head[1:]
    head = _trim(head, sc.drop_before, sc.drop_after, sc.whole_words)
    if cut_long and len(head) > sc.max_length:
        head = head[-sc.max_length:]
    return head


def previous_in_clause(text: str, q: Quantity) -> Quantity | None:
    """The statistic q follows in its clause with nothing but a joining word between
    (5起、4人; 12类86个品种共2万件): q counts more of what it counts."""
    earlier = [x for x in _scan(text)[0] if x.end <= q.start]
    if not earlier:
        return None
    between = re.sub(r"\s+", "", text[earlier[-1].end:q.start])
    return earlier[-1] if re.fullmatch(r"、?(?:共计|合计|总计|共|计)?", between) else None


def clause_after(text: str, q: Quantity) -> str:
    """The words after q up to the end of its clause or the next statistic (spaces out)."""
    following = [x.start for x in _scan(text)[0] if x.start >= q.end]
    tail = text[q.end:following[0] if following else len(text)]
    end = _CLAUSE_END.search(tail)
    return re.sub(r"\s+", "", tail[:end.start()] if end else tail)


def _trim(head: str, before: list[str], after: list[str], whole: list[str] = ()) -> str:
    """Drop the words of `before` at the start and of `after` at the end, again and again,
    but never a piece of a whole word (违法行为 keeps its 为, 及时 its 及)."""
    changed = True
    while changed and head:
        changed = False
        for w in before:
            if head.startswith(w) and not any(head.startswith(k) and k.startswith(w) and len(k) > len(w) for k in whole):
                head, changed = head[len(w):], True
                break
        for w in after:
            if head.endswith(w) and not any(head.endswith(k) and k.endswith(w) and len(k) > len(w) for k in whole):
                head, changed = head[: -len(w)], True
                break
    return head
