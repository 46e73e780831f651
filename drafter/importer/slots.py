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

from drafter import facts, naming, owntext
from drafter.fields import FieldValueError

_NAME_BAD = re.compile(r"[{}｛｝|\s\\#:：\"'“”]")


@dataclass
class Facts:
    values: dict[str, str] = field(default_factory=dict)  # name → "861件" (the short form)
    literal: list[str] = field(default_factory=list)  # statistics kept as written
    typed: dict[str, object] = field(default_factory=dict)  # field id → value, for the section's own fields

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
        out.append(text[pos:start])
        out.append("{" + name + "}")
        pos = end
    out.append(text[pos:])
    return "".join(out)
