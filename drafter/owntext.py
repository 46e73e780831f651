r"""The bureau's own text for a section, with its numbers as facts.

A section's answers may carry `text:` — the bureau's own prose, printed instead of the
template's — and `facts:` — numbers the ontology has no field for, written as a clerk writes
them (`听证会: 24场`, `罚款: 53887.5元`, `参考率: 98.6%`). In the text, `{名称}` (or ｛名称｝)
prints a fact with its unit, `{名称|同比}` its year-on-year phrase, `{名称|上年}` last year's
value. 名称 is a field of the section or an own fact. `{{ … }}` is not a slot: it prints as it
stands; a brace alone is written `\{` (`\}`, `\｛`, `\｝`), as import writes a report's own
braces. Slots are parsed here, by drafter; Jinja never sees own text.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from drafter import facts as facts_mod
from drafter import types
from drafter.errors import closest
from drafter.fields import PLACEHOLDER, FieldSpec, FieldValueError, describe, is_empty, shorten

TEXT = "text"
FACTS = "facts"
SAME_AS_LAST_YEAR = "="  # a value that means "the same as last year"
# {名称|同比}: 同比增加12起，上升8.3%; |同比数: only the difference; |同比率: only the rate; |上年: last
# year's value. A year-on-year relation may name two numbers, {事故起数、死亡人数|同比}:
# 同比减少5起、4人，分别下降7%、5.6%.
MODIFIERS = {"同比": "yoy", "同比数": "yoy_amount", "同比率": "yoy_rate", "上年": "previous"}
_COMPARING = ("yoy", "yoy_amount", "yoy_rate")
FACT_KEYS = ("value", "unit", "label", "compare")
_OPEN, _CLOSE = "{｛", "}｝"
_BAR = "|｜"
_ESCAPED = ("\\", "{", "}", "｛", "｝")  # after a backslash: printed as it stands
_FORBIDDEN_NAME = re.compile(r"[{}｛｝|｜\n]")


class SlotError(ValueError):
    """A malformed slot; `offset` is where in the text it starts."""

    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.offset = offset


@dataclass(frozen=True)
class Slot:
    """A {名称} slot in own text, with its modifier (|同比, |上年) and where it stands."""

    name: str
    modifier: str | None  # None, "yoy", "yoy_amount", "yoy_rate" or "previous"
    start: int
    end: int
    also: tuple[str, ...] = ()  # a relation's further numbers: {事故起数、死亡人数|同比}

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.also)


@dataclass
class OwnFact:
    """A number the section's own text states, typed through the field-type registry."""

    name: str
    spec: FieldSpec  # type count / money / percent / number, with its unit
    value: Any  # None when not filled in yet


def same_as_last_year(value: Any) -> bool:
    """`=`: YAML reads a bare = as a tagged scalar, not as text."""
    return str(getattr(value, "value", value)).strip() == SAME_AS_LAST_YEAR if value is not None else False


def pieces(text: str) -> list[str | Slot]:
    """The text cut into literal strings and slots; malformed braces raise SlotError."""
    out: list[str | Slot] = []
    literal: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and text[i + 1:i + 2] in _ESCAPED:  # \{ is a brace, \\ a backslash (markup unescapes)
            literal.append(text[i:i + 2])
            i += 2
        elif text.startswith(("{{", "｛｛"), i):  # literal double braces, printed as written
            close = _find_double_close(text, i + 2)
            if close < 0:
                raise SlotError("“{{”没有对应的“}}”", i)
            literal.append(text[i:close + 2])
            i = close + 2
        elif ch in _OPEN:
            end = _find_close(text, i + 1)
            if end < 0:
                raise SlotError("花括号没有闭合：空位应写成 {名称}，文字中的花括号请写成 {{ }}", i)
            if literal:
                out.append("".join(literal))
                literal = []
            out.append(_slot(text[i + 1:end], i, end + 1))
            i = end + 1
        elif ch in _CLOSE:
            raise SlotError("多了一个右花括号：空位应写成 {名称}，文字中的花括号请写成 {{ }}", i)
        else:
            literal.append(ch)
            i += 1
    if literal:
        out.append("".join(literal))
    return out


def _find_close(text: str, start: int) -> int:
    for j in range(start, len(text)):
        if text[j] in _CLOSE:
            return j
        if text[j] in _OPEN or text[j] == "\n":
            return -1
    return -1


def _find_double_close(text: str, start: int) -> int:
    m = re.compile(r"}}|｝｝").search(text, start)
    return m.start() if m else -1


def _slot(inside: str, start: int, end: int) -> Slot:
    name, modifier = inside, None
    for bar in _BAR:
        if bar in inside:
            name, _, modifier = inside.partition(bar)
            break
    name = name.strip()
    if not name:
        raise SlotError("空位里没有写名称：应写成 {名称}", start)
    if modifier is not None:
        modifier = modifier.strip()
        if modifier not in MODIFIERS:
            guess = closest(modifier, MODIFIERS, cutoff=0.3)
            hint = f"，是不是“{guess}”？" if guess else ""
            raise SlotError(f"空位 {{{name}|{modifier}}} 的写法“{modifier}”不认识，只能是 同比、同比数、同比率 或 上年{hint}",
                            start)
        modifier = MODIFIERS[modifier]
    names = [n.strip() for n in name.split("、")]
    if len(names) > 1:
        if modifier not in _COMPARING or len(names) > 3 or not all(names):
            raise SlotError(f"空位 {{{name}}}：只有同比可以写几个名称（如 {{事故起数、死亡人数|同比}}）", start)
        return Slot(names[0], modifier, start, end, tuple(names[1:]))
    return Slot(name, modifier, start, end)


def slot_names(text: str) -> list[str]:
    return [n for p in pieces(text) if isinstance(p, Slot) for n in p.names]


# ---------------------------------------------------------------- own facts


def fact_spec(name: str, unit: str, kind: str, label: str | None = None, compare: bool = True) -> FieldSpec:
    return FieldSpec(id=name, type=kind, prompt=label or name, unit=unit or None, compare=compare)


def _kind(unit: str) -> str:
    if unit == "%":
        return "percent"
    if unit in facts_mod.money_units():
        return "money"
    if unit in facts_mod.measure_words():
        return "count"
    return ""


def _split_value(text: str) -> tuple[str, str]:
    """xx场 → ("xx", "场"); 24场 → ("24", "场"): a placeholder or a plain value and its unit."""
    m = re.fullmatch(r"\s*([xX]{1,6}(?:余|多)?|=)?\s*(\S*?)\s*", text)
    return (m.group(1) or "", m.group(2)) if m else ("", text)


def parse_fact(name: str, raw: Any, previous: OwnFact | None = None) -> OwnFact:
    """One entry of `facts:`; FieldValueError (Chinese) when it cannot be a fact."""
    if _FORBIDDEN_NAME.search(str(name)) or not str(name).strip():
        raise FieldValueError(f"事实的名称“{shorten(str(name))}”不能为空，也不能含有花括号、竖线或换行")
    label, compare, unit, value = None, True, None, raw
    if isinstance(raw, dict):
        unknown = [k for k in raw if k not in FACT_KEYS]
        if unknown:
            raise FieldValueError(f"未知的事实设置项“{unknown[0]}”；可用的有：{'、'.join(FACT_KEYS)}")
        label = str(raw["label"]) if raw.get("label") else None
        compare = bool(raw.get("compare", True))
        unit = str(raw["unit"]).strip() if raw.get("unit") is not None else None
        value = raw.get("value")
    if same_as_last_year(value):
        value = SAME_AS_LAST_YEAR
    if isinstance(value, bool):
        raise FieldValueError(f"应为带单位的数字（如 24场、53887.5元、98.6%），实际是{describe(value)}")
    text = "" if value is None else str(value).strip()
    head, tail = _split_value(text)
    if head == SAME_AS_LAST_YEAR:
        if previous is None or previous.value is None:
            raise FieldValueError("写了 = （沿用上年），但上年（previous_year.facts）没有这项数字")
        return OwnFact(name, previous.spec, previous.value)
    unitless = unit == ""  # the long form may say so: a number with no unit (近3000)
    kind = ""
    if head or not text:  # a placeholder (xx场) or no value yet: unit only
        unit = unit if unit is not None else tail
        value = None
    else:
        quantity = facts_mod.parse(text) if not unit else facts_mod.parse(f"{text}{unit}")
        if quantity is None and unit is None and isinstance(value, (int, float)):
            raise FieldValueError(f"缺少单位：请写成 {text}次、{text}万元、{text}% 这样的形式，或用 unit: 指明单位")
        if quantity is None or (quantity.unit == "" and not unitless):
            raise FieldValueError(f"应为带单位的数字（如 24场、53887.5元、98.6%），实际是{describe(value)}")
        unit, value, kind = quantity.unit, quantity.value, quantity.kind  # 2.5小时 is a number, not a count
    kind = kind or ("number" if unitless else _kind(unit or ""))
    if not kind:
        raise FieldValueError(f"单位“{unit}”不认识：可用量词（次、场、件、家、人次……）、万元、元或 %"
                              if unit else "缺少单位：请写成 24场、53887.5元、98.6% 这样的形式")
    spec = fact_spec(str(name), "" if kind == "percent" else unit, kind, label, compare)
    if value is not None:
        value = types.check(value, spec)
    return OwnFact(str(name), spec, value)


def written(fact: OwnFact) -> Any:
    """How an own fact is written back into the answers file: 24场, xx场 when empty; the long
    form when it has a label of its own or is not to be compared."""
    if fact.value is None:
        short = f"xx{_unit_text(fact.spec)}"
    else:
        short = types.of(fact.spec).state(fact.value, fact.spec)
    if fact.spec.prompt == fact.name and fact.spec.compare and _unit_text(fact.spec):
        return short
    long = {"value": fact.value if fact.value is not None else "xx", "unit": _unit_text(fact.spec)}
    if fact.spec.prompt != fact.name:
        long["label"] = fact.spec.prompt
    if not fact.spec.compare:
        long["compare"] = False
    return long


def _unit_text(spec: FieldSpec) -> str:
    return "%" if spec.type == "percent" else (spec.unit or "")


def with_chosen_units(fields: list[FieldSpec], values: dict) -> list[FieldSpec]:
    """Count fields in the unit the section's unit choice names (案件 起 instead of 件): the
    wizard asks in it and own text prints it."""
    measure_words = set(facts_mod.measure_words())
    chosen = [values.get(f.id) for f in fields
              if f.type == "choice" and f.options and set(f.options) <= measure_words and values.get(f.id)]
    if not chosen:
        return fields
    options = next(f.options for f in fields if f.type == "choice" and values.get(f.id) == chosen[0])
    return [dataclasses.replace(f, unit=chosen[0]) if f.type == "count" and f.unit in options else f for f in fields]


# ---------------------------------------------------------------- rendering


@dataclass
class Rendered:
    """Own text with its slots filled, and which facts were used or left unfilled."""

    text: str  # section markup with every slot filled
    unfilled: list[str]  # names of facts shown as placeholders
    used: set[str]


def resolve(name: str, fields: dict[str, FieldSpec], own: dict[str, OwnFact]) -> FieldSpec | None:
    if name in own:
        return own[name].spec
    spec = fields.get(name)
    return spec if spec is not None and not types.of(spec).listed else None


def render(text: str, fields: dict[str, FieldSpec], values: dict[str, Any], previous: dict[str, Any],
           own: dict[str, OwnFact], own_previous: dict[str, OwnFact]) -> Rendered:
    """Own text with each slot replaced by its fact as the report states it."""
    from drafter.render import escape_value

    out: list[str] = []
    unfilled: list[str] = []
    used: set[str] = set()
    def value_of(name: str) -> tuple[Any, Any, FieldSpec | None]:
        current = own[name].value if name in own else values.get(name)
        before = own_previous[name].value if name in own_previous else previous.get(name)
        return current, before, resolve(name, fields, own)

    for piece in pieces(text):
        if isinstance(piece, str):
            out.append(piece)
            continue
        used.update(piece.names)
        current, before, spec = value_of(piece.name)
        if piece.modifier in _COMPARING:
            compared = [value_of(n) for n in piece.names]
            if piece.modifier == "yoy" and not piece.also and spec is not None:
                said = types.compare(current, before, spec)  # the field type's own way (个百分点, 上年为…)
            else:
                said = relation([(c, b, s) for c, b, s in compared if s is not None], piece.modifier)
            if not said:  # this year's or last year's number is not there yet: the change is to fill
                unfilled += [n for n, (c, b, _) in zip(piece.names, compared) if is_empty(c) or is_empty(b)]
            out.append(said or "同比xx")
        elif piece.modifier == "previous":
            out.append(types.of(spec).state(before, spec) if not is_empty(before) else f"xx{_unit_text(spec)}")
        elif is_empty(current) or (isinstance(current, str) and PLACEHOLDER.match(current)):
            unfilled.append(piece.name)
            out.append(f"xx{_unit_text(spec)}")
        else:
            out.append(escape_value(types.of(spec).state(current, spec)))
    return Rendered("".join(out), unfilled, used)


def relation(compared: list[tuple[Any, Any, FieldSpec]], modifier: str = "yoy") -> str:
    """The change of one number or of several from last year, as one clause: 同比增加12起，
    上升8.3% (yoy), 同比增加12起 (yoy_amount), 同比上升8.3% (yoy_rate); of several, 同比减少5起、
    4人，分别下降7%、5.6%. "" while a value is missing or cannot be compared (80余)."""
    from drafter.filters import amount_value, num, share_of

    parts = []
    for current, before, spec in compared:
        cur, prev = amount_value(current), amount_value(before)
        if cur is None or prev is None:
            return ""
        percent_field = spec.type == "percent"
        unit = "个百分点" if percent_field else (spec.unit or "")
        diff = cur - prev
        word, direction = ("增加", "上升") if diff > 0 else ("减少", "下降") if diff < 0 else ("持平", "持平")
        amount = f"{num(abs(diff), places=4)}{unit}" if diff else ""
        share = "" if percent_field or prev == 0 or not diff else (share_of(abs(diff) / prev * 100) or "0")
        parts.append((word, amount, direction, share))
    if len(parts) == 1 and parts[0][0] == "持平":
        return "与上年持平"
    words = {p[0] for p in parts}
    if len(words) == 1:
        amounts = f"{parts[0][0]}{'、'.join(p[1] for p in parts)}"
    else:
        amounts = "、".join(f"{p[0]}{p[1]}" for p in parts)
    directions = {p[2] for p in parts}
    shares = [p for p in parts if p[3]]
    if len(parts) == 1:
        rate = f"{parts[0][2]}{parts[0][3]}%" if parts[0][3] else ""
    elif len(directions) == 1 and len(shares) == len(parts):
        rate = f"分别{parts[0][2]}{'、'.join(p[3] + '%' for p in parts)}"
    else:
        rate = "分别" + "、".join(f"{p[2]}{p[3]}%" if p[3] else p[2] for p in parts) if shares else ""
    if modifier == "yoy_amount" or not rate:
        return f"同比{amounts}"
    if modifier == "yoy_rate":
        return f"同比{rate.removeprefix('分别')}" if len(parts) == 1 else f"同比{rate}"
    return f"同比{amounts}，{rate}"


_CLAUSE_MARKS = "，,；;、"
_SENTENCE_ENDS = "。！？!?\n"


@dataclass(frozen=True)
class Dropped:
    """Own text without the clause that states a number: the new text, the clause taken out,
    and the sentence as it now reads ("" when the whole sentence went)."""

    text: str
    clause: str
    sentence: str


def without_clause(text: str, name: str) -> Dropped | None:
    """Take out the clause that states slot `name` (全年组织听证会{听证会}，依法保障…… →
    依法保障……); the whole sentence when it is all the clause; None when no slot is `name`."""
    slot = next((p for p in pieces(text) if isinstance(p, Slot) and name in p.names), None)
    if slot is None:
        return None
    start = max((text.rfind(ch, 0, slot.start) for ch in _SENTENCE_ENDS), default=-1) + 1
    ends = [i for i in (text.find(ch, slot.end) for ch in _SENTENCE_ENDS) if i >= 0]
    end = min(ends) if ends else len(text)
    sentence = text[start:end]
    at, to = slot.start - start, slot.end - start
    left = max((sentence.rfind(ch, 0, at) for ch in _CLAUSE_MARKS), default=-1)
    rights = [i for i in (sentence.find(ch, to) for ch in _CLAUSE_MARKS) if i >= 0]
    right = min(rights) if rights else len(sentence)
    clause = sentence[left + 1:right].strip()
    if left < 0 and right == len(sentence):  # the sentence is the clause: it goes, with its full stop
        stop = end + 1 if end < len(text) and text[end] != "\n" else end
        new = (text[:start] + text[stop:].lstrip(" \u3000")) if text[start:stop].strip() else text
        return Dropped(_tidy_blank_lines(new), clause, "")
    if left < 0:  # the first clause: the mark after it goes too
        kept = sentence[right + 1:].lstrip()
    else:  # a later clause: the mark before it goes
        kept = sentence[:left] + sentence[right:]
    new = text[:start] + kept + text[end:]
    return Dropped(_tidy_blank_lines(new), clause, kept + (text[end] if end < len(text) and text[end] != "\n" else ""))


def _tidy_blank_lines(text: str) -> str:
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text).strip("\n") + ("\n" if text.endswith("\n") else "")
