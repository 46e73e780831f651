"""Numbers in a section's text → slots `{名称}` and own facts (the own-text format).

Every statistic `drafter.facts.find` reports becomes a slot; its name comes from the words
before it (`facts.label_before`), unique within the section (行政处罚案件, 行政处罚案件2 …).
Approximation words the value cannot hold (超过, 以上, 左右) stay in the text around the slot,
so the rebuilt sentence reads as before. A number whose value and unit would not read back
the same (`facts.parse`) stays literal and is counted, never lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from drafter import facts, naming, owntext
from drafter.fields import FieldValueError

_NAME_BAD = re.compile(r"[{}｛｝|\s\\#:：\"'“”]")


@dataclass
class Facts:
    values: dict[str, str] = field(default_factory=dict)  # name → "861件" (the short form)
    literal: list[str] = field(default_factory=list)  # statistics kept as written
    typed: dict[str, object] = field(default_factory=dict)  # field id → value, for the section's own fields
    # last year's values a stated change gives (66起 this year, 同比减少5起: 71起), by slot name
    previous: dict[str, object] = field(default_factory=dict)

    def name_for(self, label: str) -> str:
        base = _NAME_BAD.sub("", label) or "数量"
        name, n = base, 1
        while name in self.values:
            n += 1
            name = f"{base}{n}"
        return name


def short_form(q: facts.Quantity) -> str | None:
    """The fact as an answers file writes it ("861件", "2590.69万元", "98.6%", "80余家"),
    or None when it would not read back as the same value and unit."""
    value = q.value
    if isinstance(value, float):
        written = q.text[len(q.before):len(q.text) - len(q.after)].strip()
        number = re.search(r"[0-9０-９][0-9０-９,.．]*", written)
        value_text = number.group(0).replace(",", "") if number else repr(value)
    else:
        value_text = str(value)
    text = f"{value_text}{q.unit}"
    back = facts.parse(text)
    if back is None or back.unit != q.unit or (str(back.value) != str(q.value) and back.value != q.value):
        return None
    try:  # what the answers file will accept, by the loader's own rule
        owntext.parse_fact("数量", text)
    except FieldValueError:
        return None
    return text


def clause_before(text: str, q: facts.Quantity) -> str:
    """The words of q's clause before it: 全年立案查处行政处罚案件 for …案件861件."""
    head = text[:q.start]
    cut = max(head.rfind(ch) for ch in "，,。；;：:、（）()")
    return head[cut + 1:]


def slot_text(text: str, into: Facts, typed=None) -> str:
    """text with each statistic replaced by a slot; the facts collected in `into`. `typed`,
    when given, names the section's own field for a statistic (or None): then the slot is the
    field's and the value goes into `into.typed`."""
    quantities = facts.find(text)
    if not quantities:
        return text
    out, pos = [], 0
    made: dict[str, facts.Quantity] = {}
    for q in quantities:
        value = short_form(q)
        if value is None:
            into.literal.append(q.text)
            continue
        start = q.start + len(q.before)
        end = q.end - len(q.after)
        while start < end and text[start] in " \u00a0\u3000":
            start += 1
        while end > start and text[end - 1] in " \u00a0\u3000":
            end -= 1
        label = facts.label_before(text, q)
        field_id = typed(label, clause_before(text, q), q) if typed else None
        if field_id:
            name = field_id
            into.typed[field_id] = q.value
        else:
            name = into.name_for(naming.name_of(text, q))
            into.values[name] = value
        made[name] = q
        out.append(text[pos:start])
        out.append("{" + name + "}")
        pos = end
    out.append(text[pos:])
    return relations("".join(out), into, made)


# A stated change right after the numbers it compares: {事故起数}、死亡{死亡人数}，同比减少{a}、{b}，
# 分别下降{c}、{d}. The change words and how they are said are in drafter.naming's data.
_BASE = r"\{(?P<b1>[^{}|]+)\}(?:(?P<mid>[^{}，。；,;:：]{0,12})\{(?P<b2>[^{}|]+)\})?"
_CHANGE = (r"(?P<sep>[，,]?\s*)(?P<cmp>同比|较上年|比上年|较去年|比上年同期|较上年同期)(?P<w>增加|增长|上升|提高|减少|下降|降低)"
           r"\{(?P<d1>[^{}|]+)\}(?:、\{(?P<d2>[^{}|]+)\})?")
_RATE = r"(?:[，,]\s*(?:分别)?(?P<w2>增加|增长|上升|提高|减少|下降|降低)\{(?P<p1>[^{}|]+)\}(?:、\{(?P<p2>[^{}|]+)\})?)?"
_RELATION = re.compile(_BASE + _CHANGE + _RATE)
_UP = ("增加", "增长", "上升", "提高")


def _exact(value: object) -> Decimal | None:
    """A value as an exact number (61, "3.50", "1,200"); None for 80余, 1.1万 and the like."""
    text = str(value).replace(",", "") if isinstance(value, (int, float, str)) and not isinstance(value, bool) else ""
    try:
        return Decimal(text) if re.fullmatch(r"\d+(?:\.\d+)?", text) else None
    except InvalidOperation:
        return None


def relations(text: str, into: Facts, made: dict[str, facts.Quantity]) -> str:
    """A change stated beside the numbers it compares becomes a relation, computed from this
    year's and last year's values: {事故起数}，同比减少{数}，下降{率} → {事故起数}，{事故起数|同比};
    last year's values follow from the change and are kept in into.previous. A change that does
    not agree with its numbers (or has no number to compare) stays as it is, a fact."""
    def replaced(m: re.Match) -> str:
        bases = [n for n in (m.group("b1"), m.group("b2")) if n]
        changes = [n for n in (m.group("d1"), m.group("d2")) if n]
        rates = [n for n in (m.group("p1"), m.group("p2")) if n]
        if len(changes) != len(bases) or (rates and len(rates) != len(bases)) or \
                any(n not in made for n in bases + changes + rates) or any(n not in into.values for n in changes + rates):
            return m.group()
        up = m.group("w") in _UP
        if rates and (m.group("w2") in _UP) != up:
            return m.group()
        earlier = []
        for k, base in enumerate(bases):
            now, change = made[base], made[changes[k]]
            now_value, change_value = _exact(now.value), _exact(change.value)
            if now.unit != change.unit or now.kind not in ("count", "money", "number") or \
                    now_value is None or change_value is None:
                return m.group()
            before = now_value - change_value if up else now_value + change_value  # 3.50 − 0.50 = 3.00: digits kept
            if before <= 0:
                return m.group()
            if rates:
                stated, shown = made[rates[k]], made[rates[k]].text
                places = len(shown.split(".")[1].rstrip("%％")) if "." in shown else 0
                rate = _exact(stated.value)
                if stated.kind != "percent" or rate is None or \
                        round(abs(change_value) / before * 100, places) != round(rate, places):
                    return m.group()
            earlier.append(before)
        for k, base in enumerate(bases):
            text = format(earlier[k], "f")
            value: object = int(text) if text.lstrip("-").isdigit() else text
            into.previous[base] = value if base in into.typed else f"{text}{made[base].unit}"
        for name in changes + rates:
            del into.values[name]
        modifier = "同比" if rates else "同比数"
        relation = "{" + "、".join(bases) + "|" + modifier + "}"
        return m.group()[:m.start("sep") - m.start()] + m.group("sep") + relation

    return _RELATION.sub(replaced, text)
