"""The wizard's terminal: questionary prompts with Chinese instructions.

Every prompt can be driven by tests through prompt_toolkit's pipe input and a dummy output
(pass input= and output=). Typing < alone goes back to the previous question; menus carry
a “返回上一题” choice instead. questionary's search filter is never used: it ignores CJK
keystrokes.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import questionary
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.styles import Style

BACK = object()  # returned when the user asks for the previous question
_NO_VALUE = object()  # a menu entry that stands for "no value" (None)
BACK_TEXT = "<"
BACK_CHOICE = "← 返回上一题"
EMPTY_CHOICE = "（今年不报告此项）"

STYLE = Style.from_dict({
    "qmark": "fg:#c0392b bold",
    "question": "bold",
    "instruction": "fg:#7f8c8d",
    "answer": "fg:#1f6fb2 bold",
    "pointer": "fg:#c0392b bold",
    "highlighted": "fg:#c0392b bold",
    "selected": "fg:#1f6fb2",
})


def _multiline_keys() -> KeyBindings:
    """Several lines of text: Enter starts a new line, and Enter on an empty line (or on an
    empty answer) finishes, so that pressing Enter never leaves the user stuck in a box."""
    keys = KeyBindings()

    @keys.add("enter")
    def _(event) -> None:
        buffer = event.current_buffer
        document = buffer.document
        if not buffer.text.strip() or (document.is_cursor_at_the_end and not document.current_line.strip()):
            buffer.validate_and_handle()
        else:
            buffer.insert_text("\n")

    return keys


class Terminal:
    def __init__(self, input=None, output=None):
        self.kwargs: dict[str, Any] = {}
        if input is not None:
            self.kwargs["input"] = input
        if output is not None:
            self.kwargs["output"] = output

    def say(self, text: str = "") -> None:
        if "output" in self.kwargs:  # tests: keep the dummy output quiet
            return
        import shutil

        from drafter.wizard.wording import wrap

        columns = max(shutil.get_terminal_size((100, 40)).columns - 1, 20)
        indent = " " * (len(text) - len(text.lstrip(" ")) + 2)
        print("\n".join(wrap(text, columns, indent)), flush=True)

    def text(self, message: str, *, default: str = "", instruction: str = "",
             validate: Callable[[str], bool | str] | None = None, multiline: bool = False) -> Any:
        def check(value: str) -> bool | str:
            if value.strip() == BACK_TEXT or validate is None:
                return True
            return validate(value)

        extra = {"key_bindings": _multiline_keys(), "prompt_continuation": "    "} if multiline else {}
        answer = questionary.text(
            message, default=default, instruction=instruction or None, validate=check,
            multiline=multiline, qmark="?", style=STYLE, **extra, **self.kwargs,
        ).unsafe_ask()
        if answer.strip() == BACK_TEXT:
            return BACK
        return answer.rstrip("\n") if multiline else answer

    def select(self, message: str, choices: list[tuple[str, Any]], *, default: Any = None,
               back: bool = True, instruction: str = "（↑↓ 选择，回车确认）", default_empty: bool = False) -> Any:
        # questionary takes a Choice whose value is None to mean "the title is the value":
        # an entry meaning "no value" would hand back its label
        items = [questionary.Choice(title, value=_NO_VALUE if value is None else value) for title, value in choices]
        if back:
            items.append(questionary.Choice(BACK_CHOICE, value=BACK))
        if default_empty:  # start on the entry that means "no value"
            chosen_default = next((c for c in items if c.value is _NO_VALUE), None)
        else:
            chosen_default = next((c for c in items if c.value == default), None) if default is not None else None
        answer = questionary.select(
            message, choices=items, default=chosen_default, instruction=instruction,
            use_search_filter=False, use_shortcuts=False, style=STYLE, **self.kwargs,
        ).unsafe_ask()
        return None if answer is _NO_VALUE else answer

    def checkbox(self, message: str, choices: list[tuple[str, Any, bool]], *,
                 instruction: str = "（空格勾选/取消，回车确认）") -> list[Any]:
        items = [questionary.Choice(title, value=value, checked=checked) for title, value, checked in choices]
        question = questionary.checkbox(
            message, choices=items, instruction=instruction, use_search_filter=False, style=STYLE, **self.kwargs,
        )
        # questionary's closing line is English ("done (3 selections)"): erase it, say it in Chinese
        question.application.erase_when_done = True
        chosen = question.unsafe_ask()
        self.say(f"? {message} 已选 {len(chosen)} 项" if chosen else f"? {message} 未选")
        return chosen

    def confirm(self, message: str, default: bool = True) -> bool:
        """是 / 否 as a menu: questionary's confirm answers in English (Y/n, Yes)."""
        return self.select(message, [("是", True), ("否", False)], default=default, back=False)
