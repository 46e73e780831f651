"""Text carried from last year, and whether the clerk has reviewed it (issue 20).

`drafter next` puts a mark at the start of each paragraph of own text it carries:
`【改写：1月、“1.15”事故】` when the paragraph speaks of last year's events (dated, one-off,
a document issued that year), `【核对】` when it reads as standing practice. The clerk clears
a mark by deleting it (still true), rewriting the paragraph, or deleting the paragraph. Marks
live in the answers file, never in the report: the build leaves them out and says how many
are left; `build --final` refuses while any is left; `check` lists each one.

What makes a paragraph an event is data: sections/_carried.yaml.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from drafter import datafiles

CARRIED_FILE = "_carried.yaml"
REWRITE, CONFIRM = "改写", "核对"
MARK = re.compile(r"^(?P<mark>【(?P<kind>改写|核对)(?:：(?P<why>[^】\n]*))?】)[ \t\u3000]*")
# a mark where it may stand: at the start of a line of own text, after any indent
_MARK_AT_LINE = re.compile(r"(?m)^(?P<indent>[ \t\u3000]*)(?P<mark>【(?P<kind>改写|核对)(?:：(?P<why>[^】\n]*))?】)[ \t\u3000]*")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Verdict:
    """What a carried paragraph is: to rewrite (an event; the words that say so) or to confirm."""

    kind: str  # REWRITE or CONFIRM
    reasons: tuple[str, ...] = ()

    def mark(self) -> str:
        return f"【{self.kind}：{'、'.join(self.reasons)}】" if self.reasons else f"【{self.kind}】"


@dataclass(frozen=True)
class Pending:
    """A paragraph still marked: its kind, the reasons given, and how it opens (for messages)."""

    kind: str
    why: str
    opening: str
    offset: int  # where its mark stands in the text


@dataclass(frozen=True)
class _Rules:
    time_words: tuple[str, ...]
    patterns: tuple[tuple[str, re.Pattern], ...]
    event_words: tuple[str, ...]


def _compiled(data: dict, path: Path) -> _Rules:
    from drafter.errors import DrafterError, Location

    patterns = []
    for n, entry in enumerate(data.get("patterns") or [], 1):
        try:
            pattern = re.compile(str(entry["pattern"]))
        except (re.error, KeyError, TypeError) as exc:
            raise DrafterError(f"式样有误（{exc}）", Location(file=str(path), field=f"patterns[{n}]")) from None
        for example in entry.get("examples") or []:
            if not pattern.search(str(example)):
                raise DrafterError(f"式样与例子不符：“{example}”", Location(file=str(path), field=f"patterns[{n}]"))
        patterns.append((str(entry.get("name") or "式样"), pattern))
    words = lambda key: tuple(str(w) for w in data.get(key) or [])  # noqa: E731
    return _Rules(words("time_words"), tuple(patterns), words("event_words") + words("yearly_words"))


def _rules() -> _Rules:
    return datafiles.derived(CARRIED_FILE, _compiled, missing={})


_NOTES = {REWRITE: "上年事项，请改写或删除：{why}", CONFIRM: "沿用上年，请核对"}


def note(kind: str, why: str = "") -> str:
    """What the draft says beside a paragraph still marked (a comment in Word): the wording is
    data (`notes` in sections/_carried.yaml); a rewrite names what made it last year's."""
    data = datafiles.table(CARRIED_FILE, missing={}) or {}
    notes = data.get("notes") or {}
    if not isinstance(notes, dict):
        from drafter.errors import DrafterError, Location

        raise DrafterError("应为“改写: ……”“核对: ……”两行", Location(file=str(datafiles.find(CARRIED_FILE)), field="notes"))
    wording = {**_NOTES, **{str(k): str(v) for k, v in notes.items()}}
    text = wording.get(kind, _NOTES[CONFIRM])
    return text.replace("{why}", why) if why else re.sub(r"[：:]?\{why\}", "", text)


_QUOTED = 10  # the most of a match a mark quotes
_SLOT_NAME = re.compile(r"\{[^{}\n]*\}")


def _quoted(match: str) -> str:
    """What a mark quotes of a match: all of a short one; of a long one its end, from a word's
    start where one shows (党的二十大精神会议 → 二十大精神会议, ……“大演练”行动方案 → “大演练”行动方案)."""
    if len(match) <= _QUOTED:
        return match
    tail = match[-_QUOTED:]
    for n, char in enumerate(tail[:-2]):
        if char in "“《〈":
            return tail[n:]
        if char in "的、和与及":
            return tail[n + 1:]
    return tail


_OLDER = re.compile(r"(?:19|20)\d\d")


def classify(paragraph: str, year: int | None = None) -> Verdict:
    """An event of last year (dated, one-off, a document of that year) or standing practice.
    Given the year the paragraph was written for, a document of an earlier year (〔2019〕74号,
    《2019年……办法》) is a standing reference, not that year's event."""
    rules = _rules()
    paragraph = _SLOT_NAME.sub("{}", paragraph)  # a blank's name repeats the words before it: not the text's
    found: list[str] = []
    for _, pattern in rules.patterns:  # of a long match, the mark quotes its end (……调查研究方案)
        found += [_quoted(m.group()) for m in pattern.finditer(paragraph)]
    found += [w for w in (*rules.time_words, *rules.event_words) if w in paragraph]
    if year is not None:
        found = [w for w in found if not any(int(y) < year for y in _OLDER.findall(w))]
    said = list(dict.fromkeys(w.strip("《〔") or w for w in found))
    reasons = tuple(w for w in said if not any(w != other and w in other for other in said))[:3]  # 到目前为止, not also 目前为止
    return Verdict(REWRITE, reasons) if reasons else Verdict(CONFIRM)


def mark_paragraphs(text: str, year: int | None = None) -> tuple[str, list[Verdict]]:
    """Own text (written for `year`) with a review mark at the start of each body paragraph
    (headings `# ` and paragraphs already marked stay as they are)."""
    pieces = _PARAGRAPHS.split(text.strip("\n"))
    seps = _PARAGRAPHS.findall(text.strip("\n"))
    out: list[str] = []
    verdicts: list[Verdict] = []
    for piece in pieces:
        lines = piece.split("\n")
        head = [ln for ln in lines if ln.lstrip().startswith("#")]  # a heading and the text run into it
        body_at = len(head) if lines[:len(head)] == head else 0
        body = "\n".join(lines[body_at:])
        if body.strip() and not MARK.match(body.lstrip()):
            verdict = classify(body, year)
            verdicts.append(verdict)
            body = verdict.mark() + body.lstrip()
        out.append("\n".join([*lines[:body_at], body]) if body_at else body)
    joined = out[0] if out else ""
    for sep, piece in zip(seps, out[1:]):
        joined += sep + piece
    return joined + ("\n" if text.endswith("\n") else ""), verdicts


def pending(text: str) -> list[Pending]:
    """The marks still in own text, in order."""
    out = []
    for m in _MARK_AT_LINE.finditer(text):
        rest = text[m.end():m.end() + 40].split("\n")[0]
        out.append(Pending(m.group("kind"), m.group("why") or "", rest[:20], m.start("mark")))
    return out


def clear(text: str, places: set[int]) -> str:
    """Own text with the marks at these places (0: the first mark in it) taken off: the
    paragraphs were reviewed and stay as they are."""
    seen = itertools.count()
    return _MARK_AT_LINE.sub(lambda m: m.group("indent") if next(seen) in places else m.group(), text)


def without_marks(text: str) -> str:
    """Own text as the report prints it: every review mark left out."""
    return _MARK_AT_LINE.sub(lambda m: m.group("indent"), text)


def _blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of own text, blank lines between them."""
    spans, start = [], 0
    for gap in _PARAGRAPHS.finditer(text):
        spans.append((start, gap.start()))
        start = gap.end()
    spans.append((start, len(text.rstrip("\n"))))
    return spans


def _marked_at(text: str, opening: str) -> tuple[int, int, re.Match] | None:
    """The span of the paragraph whose mark stands before `opening`, and the mark."""
    for start, end in _blocks(text):
        for m in _MARK_AT_LINE.finditer(text[start:end]):
            if text[start + m.end():].startswith(opening):
                return start, end, m
    return None


def paragraph(text: str, opening: str) -> str:
    """The marked paragraph that opens with `opening`, as the report prints it."""
    found = _marked_at(text, opening)
    if not found:
        return ""
    start, end, mark = found
    return without_marks(text[start + mark.start("mark"):end])  # its words, below a heading of its own


def resolve(text: str, opening: str, action: str, new: str | None = None) -> str:
    """The text after the clerk's decision on the marked paragraph that opens with `opening`:
    "keep" (still true: the mark goes), "rewrite" (its words become `new`, unmarked), or
    "delete" (the paragraph goes). Unchanged when no such paragraph is marked."""
    found = _marked_at(text, opening)
    if found is None:
        return text
    start, end, mark = found
    head = text[start:start + mark.start()]  # a `# heading` line the text runs into stays
    if action == "keep":
        return text[:start + mark.start("mark")] + text[start + mark.end():]
    if action == "rewrite" and new and new.strip():
        return text[:start] + head + new.strip() + text[end:]
    if head.strip():  # deleting the words under a heading of its own leaves the heading
        return text[:start] + head.rstrip("\n") + text[end:]
    rest = (text[:start] + text[end:]).strip("\n")
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", rest) + ("\n" if rest else "")
