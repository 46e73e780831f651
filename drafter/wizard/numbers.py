"""drafter ask --numbers: every number of a section on one compact screen, edited in place.

One screen a section: each row shows the item, its unit, last year's value and this year's,
which is typed over in place; the line under the rows shows the focused number's sentence in
the report, its place marked 【  】. The numbers the report prints come first; those it does
not print (drafter.printed) follow under a line saying so, and a value saved for one of them
is saved with a one-line warning. A value is checked (as `build` checks it) and saved the moment
the cursor leaves it or Enter is pressed; a bad value stays on screen with the reason, and
the file keeps its last good value. Tab / ↓ and Shift+Tab / ↑ move between rows; PageDown
goes to the next section, PageUp to the previous one; Esc ends.
"""
from __future__ import annotations

from pathlib import Path

from prompt_toolkit.application import Application
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.layout import HSplit, Layout, VSplit, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.widgets import TextArea

from drafter import answers as answers_mod
from drafter import sheet
from drafter.errors import DrafterError
from drafter.fields import FieldValueError
from drafter.ontology import Ontology
from drafter.types import stated
from drafter.wizard.ui import STYLE, Terminal

NEXT, PREVIOUS, DONE = "next", "previous", "done"


def _shown(row: sheet.Row, value) -> str:
    return "" if value is None else stated(row.spec, value).removesuffix(row.unit) if row.unit else stated(row.spec, value)


class _Screen:
    def __init__(self, path: Path, onto: Ontology, heading: str, rows: list[sheet.Row], place: str, term: Terminal):
        self.path, self.onto, self.rows = path, onto, rows
        self.status = "Tab/↓ 下一项，Shift+Tab/↑ 上一项；离开或回车即保存；PageDown 下一节，PageUp 上一节，Esc 结束"
        self.saved_text = {row.key: _shown(row, row.current) for row in rows}
        self.fields = [TextArea(text=self.saved_text[row.key], multiline=False, width=14) for row in rows]
        width = max(8, min(36, max(len(row.label) for row in rows) * 2 + 2))
        lines = [Window(FormattedTextControl([("bold", f"{place} · {heading}")]), height=1),
                 Window(FormattedTextControl([("class:instruction",
                                               f"{'项目':<{width // 2}}  单位   上年          今年")]), height=1)]
        for row, field in zip(rows, self.fields):
            if not row.printed and (row is rows[0] or rows[rows.index(row) - 1].printed):
                others = "以下各项报告目前不会写出，只有本节的正文用到它们时才会写入报告："
                lines.append(Window(FormattedTextControl([("class:instruction", others)]), height=1))
            lines.append(VSplit([
                Window(FormattedTextControl(row.label[: width // 2]), width=width),
                Window(FormattedTextControl(row.unit), width=7),
                Window(FormattedTextControl(_shown(row, row.previous) or "—"), width=14),
                field,
            ], height=1))
        lines.append(Window(FormattedTextControl(lambda: [("", self.sentence())]), height=2, wrap_lines=True))
        lines.append(Window(FormattedTextControl(lambda: [("class:instruction", self.status)]), height=2, wrap_lines=True))
        self.layout = Layout(HSplit(lines), focused_element=self.fields[0])

    def save(self, index: int) -> bool:
        """Save the row's value if it changed; False (and the reason on screen) if it is not valid."""
        row, text = self.rows[index], self.fields[index].text
        if text == self.saved_text[row.key]:
            return True
        try:
            sheet.set_number(self.path, row.key, text, self.onto)
        except (FieldValueError, DrafterError) as exc:
            self.status = f"“{row.label}”没有保存：{exc}"
            return False
        self.saved_text[row.key] = text
        self.status = f"已保存：{row.label} {text}{row.unit if text else ''}"
        if text.strip() and not row.printed:  # saved, and said at once: nothing prints it
            self.status += f"。{row.warning()}"
        return True

    def sentence(self) -> str:
        """The focused number's sentence in the report."""
        try:
            row = self.rows[self.focused()]
        except StopIteration:
            return ""
        if not row.printed:
            return f"报告中：（不写出：{row.why_not}）"
        return f"报告中：{row.sentence}" if row.sentence else ""

    def focused(self) -> int:
        return next(i for i, f in enumerate(self.fields) if self.layout.has_focus(f))

    def move(self, step: int) -> None:
        i = self.focused()
        if self.save(i):
            self.layout.focus(self.fields[(i + step) % len(self.fields)])

    def keys(self) -> KeyBindings:
        keys = KeyBindings()

        @keys.add("tab")
        @keys.add("down")
        @keys.add("enter")
        def _(event) -> None:
            self.move(1)

        @keys.add("s-tab")
        @keys.add("up")
        def _(event) -> None:
            self.move(-1)

        for key, result in (("pagedown", NEXT), ("c-n", NEXT), ("pageup", PREVIOUS), ("c-p", PREVIOUS),
                            ("escape", DONE)):
            @keys.add(key, eager=True)
            def _(event, result=result) -> None:
                if self.save(self.focused()):
                    event.app.exit(result=result)

        @keys.add("c-c")
        def _(event) -> None:
            event.app.exit(exception=KeyboardInterrupt())

        return keys

    def run(self, term: Terminal) -> str:
        app = Application(layout=self.layout, key_bindings=self.keys(), style=STYLE, full_screen=False, **term.kwargs)
        return app.run()


def run_numbers(path: Path, term: Terminal, onto: Ontology) -> int:
    answers = answers_mod.load(path, onto)
    groups: dict[str, list[sheet.Row]] = {}
    for row in sheet.rows(answers, onto):
        groups.setdefault(row.section, []).append(row)
    for sid, found in groups.items():  # the numbers the report prints first
        groups[sid] = [r for r in found if r.printed] + [r for r in found if not r.printed]
    if not groups:
        term.say("提纲中的各节没有需要填写的数字。")
        return 0
    order = list(groups)
    i = 0
    while 0 <= i < len(order):
        rows = groups[order[i]]
        result = _Screen(path, onto, rows[0].heading, rows, f"第 {i + 1}/{len(order)} 节", term).run(term)
        if result == DONE:
            break
        i = i + 1 if result == NEXT else max(0, i - 1)
    term.say(f"数字已保存到 {path}。drafter ask {path} --list 可查看还缺哪些项。")
    return 0
