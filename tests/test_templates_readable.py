"""Templates a domain expert can read (issue 22, part 4): each template reads as its section's
text with slots and plain conditions — no template has more lines of control ({% … %} only,
a multi-line tag counted whole) than lines of text."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

TEMPLATES = sorted((Path(__file__).resolve().parents[1] / "templates").rglob("*.j2"))
_TAG, _COMMENT = re.compile(r"\{%.*?%\}", re.S), re.compile(r"\{#.*?#\}", re.S)


def lines_of(text: str) -> tuple[int, int]:
    """(control lines, text lines): a line is control when every character on it that is not
    white space stands inside a {% %} tag; comment-only and blank lines count as neither."""
    inside = [False] * len(text)
    comment = [False] * len(text)
    for pattern, marks in ((_TAG, inside), (_COMMENT, comment)):
        for m in pattern.finditer(text):
            marks[m.start():m.end()] = [True] * (m.end() - m.start())
    control = prose = 0
    pos = 0
    for line in text.split("\n"):
        chars = [(inside[pos + i], comment[pos + i]) for i, ch in enumerate(line) if not ch.isspace()]
        pos += len(line) + 1
        if not chars or all(c for _, c in chars):
            continue
        if all(t or c for t, c in chars):
            control += 1
        else:
            prose += 1
    return control, prose


def test_the_counting_can_fail():
    assert lines_of("{% if a %}\n{% set b = [\n  1, 2] %}\n正文{{ a }}\n{# 注释 #}\n{% endif %}\n") == (4, 1)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_template_has_more_control_than_text(path):
    control, prose = lines_of(path.read_text(encoding="utf-8"))
    assert control <= prose, f"{path.name}: {control} 行控制、{prose} 行文字：把组句的逻辑移到 drafter/filters.py 或数据表"
