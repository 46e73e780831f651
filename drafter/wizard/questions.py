"""Questions generated from the ontology's fields, one kind per field type.

The checks are the answers file's own (drafter.fields), so the wizard accepts exactly what
`drafter build` accepts. Every accepted change goes to `save` at once.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from drafter import types
from drafter.fields import FieldSpec, FieldValueError, is_empty
from drafter.filters import num
from drafter.types import stated
from drafter.wizard.ui import BACK, EMPTY_CHOICE, Terminal

Save = Callable[[Any], None]
SAME = "="  # typed at a prompt: the same as last year
LEFT_EMPTY = object()  # what a question returns when its answer was left empty (saved as such)
OWN_TEXT_EMPTY = "留空：以后再填，或删去说它的这一句"  # a number of the bureau's own text


shown = stated  # a value as the report would state it

def as_default(spec: FieldSpec, value: Any) -> str:
    """The editable text of a current value."""
    if is_empty(value):
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return num(value)
    return str(value)


def _unit_hint(spec: FieldSpec) -> str:
    return types.of(spec).hint(spec) if types.of(spec).numeric or spec.type in ("serial", "year", "month", "date") else ""


def _validator(spec: FieldSpec) -> Callable[[str], bool | str]:
    def validate(text: str) -> bool | str:
        try:
            types.of(spec).parse(text, spec)
        except FieldValueError as exc:
            return str(exc)
        return True
    return validate


class Asker:
    def __init__(self, term: Terminal, adapt: Callable[[str], str] = lambda text: text):
        self.term = term
        self.adapt = adapt  # examples in prompts, in the terms of the user's report
        self.typed_same = False  # the last answer was `=`: last year's value, and its source says so

    def intro(self, spec: FieldSpec, previous: Any, sentence: str = "") -> None:
        if spec.help:
            self.term.say(f"  说明：{self.adapt(spec.help)}")
        if sentence:  # where the number stands in the report (drafter.printed)
            self.term.say(f"  报告中：{sentence}")
        if not is_empty(previous):
            self.term.say(f"  上年：{shown(spec, previous)}")

    def field(self, spec: FieldSpec, current: Any, previous: Any, save: Save, sentence: str = "",
              empty: str = "留空表示今年不报告") -> Any:
        """Ask one field. Returns BACK, LEFT_EMPTY (a number left empty, saved so) or None once
        the answer is saved."""
        self.intro(spec, previous, sentence)
        widget = types.of(spec).widget  # which widget asks this type (drafter.types)
        if widget == "items":
            return self.items(spec, list(current or []), save, previous=list(previous or []))
        if widget == "records":
            return self.records(spec, [dict(r) for r in current or []], save, previous=list(previous or []))
        if widget == "choice":
            return self.choice(spec, current, save)
        if widget == "checkbox":
            chosen = self.term.checkbox(spec.prompt, [(o, o, o in (current or [])) for o in spec.options])
            save(chosen or None)
            return None
        answer = self.scalar(spec, current, previous=previous, empty=empty)
        if answer is BACK:
            return BACK
        save(answer)
        return LEFT_EMPTY if answer is None else None

    def scalar(self, spec: FieldSpec, current: Any, prompt: str | None = None, previous: Any = None,
               empty: str = "留空表示今年不报告") -> Any:
        hint = _unit_hint(spec)
        multiline = spec.type == "textblock"
        ending = "可写多行，空行回车结束" if multiline else "回车确认"
        reuse = "；输入 = 沿用上年" if not is_empty(previous) else ""
        instruction = f"（{hint + '；' if hint else ''}{ending}；{empty}{reuse}；输入 < 返回上一题）"
        validate = _validator(spec)
        text = self.term.text(self.adapt(prompt or spec.prompt), default=as_default(spec, current), instruction=instruction,
                              validate=lambda t: True if reuse and t.strip() == SAME else validate(t),
                              multiline=multiline)
        if text is BACK:
            return BACK
        self.typed_same = bool(reuse) and text.strip() == SAME
        if self.typed_same:
            return types.check(previous, spec)
        return types.of(spec).parse(text, spec)

    def fact(self, spec: FieldSpec, previous: Any, save: Save, sentence: str = "", current: Any = None) -> Any:
        """One own fact of the section's text (its name, unit and last year's value)."""
        from drafter import owntext

        self.intro(spec, previous, sentence)
        answer = self.scalar(spec, current, previous=previous, empty=OWN_TEXT_EMPTY)
        if answer is BACK:
            return BACK
        save(owntext.written(owntext.OwnFact(spec.id, spec, answer)))
        return LEFT_EMPTY if answer is None else None

    def fill_record(self, spec: FieldSpec, records: list[dict], index: int, save: Save) -> Any:
        """The empty sub-fields of one record (a follow-up item's status and note)."""
        def persist() -> None:
            save([{k: v for k, v in r.items() if not is_empty(v)} for r in records
                  if any(not is_empty(v) for v in r.values())] or None)
        return self._record(spec, records[index], persist, only_empty=True)

    def choice(self, spec: FieldSpec, current: Any, save: Save) -> Any:
        options = [(o, o) for o in spec.options] if spec.type == "choice" else [("是", True), ("否", False)]
        # an unanswered question starts on “not this year”: Enter never answers 是 by accident
        answer = self.term.select(spec.prompt, [*options, (EMPTY_CHOICE, None)], default=current,
                                  default_empty=current is None)
        if answer is BACK:
            return BACK
        save(answer)
        return None

    # -- lists of free-text items ------------------------------------------------------
    def items(self, spec: FieldSpec, items: list[str], save: Save, previous: list | None = None) -> Any:
        noun = "份文件" if spec.type == "docs" else "项"
        while True:
            self._show_list(spec.prompt, items)
            actions = [(f"沿用上年的全部{len(previous)}{noun}（之后可修改）", "reuse")] if previous and not items else []
            actions += [(f"添加一{noun}", "add")]
            if items:
                actions += [(f"修改某一{noun}", "edit"), (f"删除某一{noun}", "delete")]
            if len(items) > 1:
                actions.append((f"调整顺序（上移某一{noun}）", "up"))
            actions.append(("完成，下一题", "done"))
            # Enter on the menu finishes the list: adding is always a deliberate choice
            action = self.term.select(f"{spec.prompt}：要做什么？", actions, default="done")
            if action is BACK:
                return BACK
            if action == "done":
                return None
            if action == "reuse":
                items[:] = [str(i) for i in previous or []]
            elif action == "add":
                text = self.term.text(f"新的一{noun}", instruction="（回车确认；留空取消；输入 < 返回）",
                                      validate=_text_validator(spec))
                if text is not BACK and text.strip():
                    items.append(text.strip())
            else:
                k = self._pick(items, {"edit": "修改哪一项？", "delete": "删除哪一项？", "up": "上移哪一项？"}[action])
                if k is None:
                    continue
                if action == "edit":
                    text = self.term.text("修改为", default=items[k], validate=_text_validator(spec),
                                          instruction="（回车确认；留空则删除；输入 < 返回）")
                    if text is BACK:
                        continue
                    if text.strip():
                        items[k] = text.strip()
                    else:
                        del items[k]
                elif action == "delete":
                    del items[k]
                elif action == "up" and k > 0:
                    items[k - 1], items[k] = items[k], items[k - 1]
            save(list(items) or None)

    def _show_list(self, title: str, items: list[str]) -> None:
        self.term.say(f"  {title}：" + ("（暂无）" if not items else ""))
        for n, item in enumerate(items, 1):
            self.term.say(f"    {n}. {item}")

    def _pick(self, items: list[Any], message: str, label: Callable[[Any], str] = str) -> int | None:
        choice = self.term.select(message, [(f"{n}. {label(item)[:40]}", n - 1) for n, item in enumerate(items, 1)])
        return None if choice is BACK else choice

    # -- records -------------------------------------------------------------------------
    def records(self, spec: FieldSpec, records: list[dict], save: Save, previous: list | None = None) -> Any:
        def label(record: dict) -> str:
            texts = [str(record[f.id]) for f in spec.fields if f.type in ("text", "textblock") and record.get(f.id)]
            return texts[0] if texts else "、".join(shown(f, record.get(f.id)) for f in spec.fields if record.get(f.id) is not None)

        def persist() -> None:
            save([{k: v for k, v in r.items() if not is_empty(v)} for r in records
                  if any(not is_empty(v) for v in r.values())] or None)

        while True:
            self._show_list(spec.prompt, [label(r) for r in records])
            incomplete = [r for r in records if any(is_empty(r.get(f.id)) for f in spec.fields)]
            actions = []
            if incomplete:
                actions.append((f"逐条补填（{len(incomplete)} 条尚有空项）", "fill"))
            if previous and not records:
                actions.append((f"沿用上年的全部{len(previous)}条（之后可修改）", "reuse"))
            actions.append(("添加一条", "add"))
            if records:
                actions += [("修改某一条", "edit"), ("删除某一条", "delete")]
            actions.append(("完成，下一题", "done"))
            action = self.term.select(f"{spec.prompt}：要做什么？", actions,
                                      default="fill" if incomplete else "done")
            if action is BACK:
                return BACK
            if action == "done":
                return None
            if action == "fill":
                for n, record in enumerate(records, 1):
                    if record in incomplete:
                        self.term.say(f"  第 {n} 条：{label(record)}")
                        if self._record(spec, record, persist, only_empty=True) is BACK:
                            break
                continue
            if action == "reuse":
                records[:] = [dict(r) for r in previous or []]
            elif action == "add":
                record: dict = {}
                records.append(record)  # each sub-answer is saved as it is given
                if self._record(spec, record, persist) is BACK or all(is_empty(v) for v in record.values()):
                    records.remove(record)
            else:
                k = self._pick(records, "哪一条？", label)
                if k is None:
                    continue
                if action == "edit":
                    self._record(spec, records[k], persist)
                else:
                    del records[k]
            persist()

    def _record(self, spec: FieldSpec, record: dict, persist: Callable[[], None], only_empty: bool = False) -> Any:
        """Ask a record's sub-fields; every accepted sub-answer is persisted at once."""
        fields = [f for f in spec.fields if not only_empty or is_empty(record.get(f.id))]

        def put(sub: FieldSpec) -> Save:
            def keep(value: Any) -> None:
                record[sub.id] = value
                persist()
            return keep

        j = 0
        while j < len(fields):
            sub = fields[j]
            if sub.type in ("items", "docs"):
                result = self.items(sub, list(record.get(sub.id) or []), put(sub))
            elif sub.type in ("choice", "flag"):
                result = self.choice(sub, record.get(sub.id), put(sub))
            else:
                result = self.scalar(sub, record.get(sub.id), prompt=f"  {sub.prompt}")
                if result is not BACK:
                    put(sub)(result)
            if result is BACK:
                if j == 0:
                    return BACK
                j -= 1
                continue
            j += 1
        return None


def _text_validator(spec: FieldSpec) -> Callable[[str], bool | str]:
    def validate(text: str) -> bool | str:
        try:
            types.check([text], FieldSpec(id=spec.id, type="items", prompt=spec.prompt))
        except FieldValueError as exc:
            return str(exc)
        return True
    return validate
