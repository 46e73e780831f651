"""Section markup: the small text format that section templates write.

* Paragraphs are separated by a blank line. The lines of one paragraph are joined with
  nothing between them (Chinese needs no spaces), so a template may wrap long sentences.
* A paragraph whose first line starts with `# ` is a heading one level below the section's
  own heading (`## ` two levels below). If more lines follow it in the same paragraph, the
  heading runs into that text (“1.加强工作部署。一季度……”); otherwise it stands alone.
* A backslash escapes `#`, `\\` and a brace (own text's slots are braces). Answers are
  escaped this way before they reach the template output, so a user's text can never
  become structure.
"""
from __future__ import annotations

import re

from drafter import carried
from drafter.model import Block, Heading, Paragraph
from drafter.punctuation import normalize
from drafter.tidy import tidy


def clean(text: str) -> str:
    """Official punctuation, then the seams of left-out clauses repaired."""
    return tidy(normalize(text))

_HEADING = re.compile(r"^(#{1,3})[ \t]+(.*)$")
_ESCAPE = re.compile(r"\\([\\#{}｛｝])")
_PARA_BREAK = re.compile(r"\n[ \t]*\n")


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def heading_text(text: str, run_in: bool) -> str:
    """Standalone headings end without a full stop; run-in ones end with one."""
    text = clean(text).rstrip("。；;，,、：:")
    if run_in and text and not ends_sentence(text):
        text += "。"
    return text


def ends_sentence(text: str) -> bool:
    """True for 。！？ at the end, also inside a closing quote (……。” ), but not for a quoted
    term that merely ends the text (贯彻落实“三项制度”)."""
    stripped = text.rstrip("”’）」』")
    return bool(stripped) and stripped[-1] in "。！？…"


def as_sentence(text: str) -> str:
    """A paragraph ends as a sentence (or as a lead-in with a colon): a clause left dangling
    by a user's line or a template's seam gets its full stop."""
    if not text or ends_sentence(text) or text.endswith("："):
        return text
    return text.rstrip("，、；") + "。"


def _review(lines: list[str]) -> str | None:
    """A carried paragraph's review mark (drafter.carried), taken off its first line: never
    printed, the draft highlights the paragraph and says, beside it, what to do."""
    m = carried.MARK.match(lines[0]) if lines else None
    if m is None:
        return None
    lines[0] = lines[0][m.end():]
    return carried.note(m.group("kind"), m.group("why") or "")


def parse(text: str, base_level: int) -> list[Block]:
    """Blocks of one section's rendered template; `#` headings sit at base_level + depth."""
    blocks: list[Block] = []
    for chunk in _PARA_BREAK.split(text.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        match = _HEADING.match(lines[0])
        if match:
            level = base_level + len(match.group(1))
            rest = lines[1:2]
            review = _review(rest)
            if review:
                lines[1] = rest[0]
            body = as_sentence(clean(_unescape("".join(lines[1:])))) if len(lines) > 1 else None
            run_in = bool(body)
            title = heading_text(_unescape(match.group(2)), run_in)
            if title and level > 4:
                # below （1） there is no heading level: the title opens its paragraph as a sentence
                blocks.append(Paragraph(heading_text(title, True) + (body or ""), review=review))
            elif title:
                blocks.append(Heading(level=level, text=title, body=body or None, review=review if body else None))
            elif body:
                blocks.append(Paragraph(body, review=review))
            continue
        review = _review(lines)
        paragraph = as_sentence(clean(_unescape("".join(lines))))
        if paragraph:
            blocks.append(Paragraph(paragraph, review=review))
    return blocks
