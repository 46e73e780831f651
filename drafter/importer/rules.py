"""The import rules (sections/_import.yaml): heading numbers, metadata patterns, thresholds.

Read once per ontology folder; every pattern is compiled and checked against its examples when
it loads, so a pattern written wrong is a located Chinese error, not a silent miss.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from drafter import datafiles
from drafter.errors import DrafterError, Location

IMPORT_FILE = "_import.yaml"


@dataclass(frozen=True)
class HeadingStyle:
    style: str
    rank: int
    pattern: re.Pattern


@dataclass(frozen=True)
class Rules:
    headings: tuple[HeadingStyle, ...]
    run_in_ends: str
    run_in_max: int
    standalone_max: int
    enumerators: re.Pattern
    title_words: tuple[str, ...]
    front_max: int
    doc_number: re.Pattern
    addressee: re.Pattern
    addressee_words: tuple[str, ...]
    issuer_endings: tuple[str, ...]
    issuer_not_start: tuple[str, ...]
    issuer_labels: tuple[str, ...]
    date: re.Pattern
    signature_max: int
    regions: dict
    closing_cues: tuple[str, ...]
    closing_window: int
    whole_part_sections: tuple[str, ...]
    whole_part_words: dict[str, tuple[str, ...]]  # a whole-part heading names one of these words
    summary_heading_words: tuple[str, ...]  # a heading of only these says nothing of its section
    confident: float
    guess: float
    heading_weight: float
    body_weight: float
    records: dict
    statutory_words: tuple[str, ...]
    field_cover: float
    field_dice: float
    root: Path | None = None  # the ontology folder the rules came from
    # a report copied as one run-on line (see run_on in _import.yaml)
    run_on_min: int = 3000
    run_on_headings: int = 2
    run_on_item_min: int = 150
    run_on_ends: str = "。；！？"
    run_on_item_ends: str = "。！？"
    # the frame (drafter.structure): 版头 lines, 落款 without a date, 附件说明 and attachments;
    # a rules file without them finds none of these (as before they were read)
    issuer_mark_endings: tuple[str, ...] = ()
    header_labels: tuple[str, ...] = ()
    signature_endings: tuple[str, ...] = ()
    attachment_note: re.Pattern = re.compile(r"(?!)")
    attachment_label: re.Pattern = re.compile(r"(?!)")


def _compile(path: Path, where: str, pattern: object) -> re.Pattern:
    try:
        return re.compile(str(pattern))
    except re.error as exc:
        raise DrafterError(f"式样写错了（{exc}）：{pattern}", Location(file=str(path), field=where)) from None


def _words(raw: dict, key: str) -> tuple[str, ...]:
    return tuple(str(w) for w in raw.get(key) or [])


def load(root: Path | None = None) -> Rules:
    """The import rules of the ontology in `root` (else the built-in ones), read by the one
    table loader and compiled once for each version of the file."""
    return datafiles.derived(IMPORT_FILE, _compiled, root)


def _compiled(raw: dict, path: Path) -> Rules:
    root = path.parent
    styles = []
    for i, entry in enumerate(raw.get("headings") or []):
        where = f"headings[{i + 1}]"
        pattern = _compile(path, where, entry.get("pattern"))
        for example in entry.get("examples") or []:
            if not pattern.match(str(example)):
                raise DrafterError(f"式样与例子不符：“{example}”不是“{entry.get('style')}”式编号",
                                   Location(file=str(path), field=where))
        styles.append(HeadingStyle(str(entry.get("style")), int(entry.get("rank") or i + 1), pattern))
    scores = raw.get("scores") or {}
    run_on = raw.get("run_on") or {}
    for key, examples in (raw.get("examples") or {}).items():
        pattern = _compile(path, str(key), raw.get(key) or "")
        for example in examples or []:
            if not pattern.search(str(example)):
                raise DrafterError(f"式样与例子不符：“{example}”不合 {key} 的式样", Location(file=str(path), field=str(key)))
    return Rules(
        headings=tuple(styles),
        run_in_ends="".join(_words(raw, "run_in_ends")),
        run_in_max=int(raw.get("run_in_max") or 60),
        standalone_max=int(raw.get("standalone_max") or 70),
        enumerators=_compile(path, "enumerators", raw.get("enumerators") or "^[一二三四五六七八九十]是"),
        title_words=_words(raw, "title_words"),
        front_max=int(raw.get("front_max") or 80),
        doc_number=_compile(path, "doc_number", raw.get("doc_number")),
        addressee=_compile(path, "addressee", raw.get("addressee")),
        addressee_words=_words(raw, "addressee_words"),
        issuer_endings=tuple(sorted(_words(raw, "issuer_endings"), key=len, reverse=True)),
        issuer_not_start=_words(raw, "issuer_not_start"),
        issuer_labels=_words(raw, "issuer_labels"),
        date=_compile(path, "date", raw.get("date")),
        signature_max=int(raw.get("signature_max") or 30),
        regions={str(k): str(v) for k, v in (raw.get("regions") or {}).items()},
        closing_cues=_words(raw, "closing_cues"),
        closing_window=int(raw.get("closing_window") or 40),
        whole_part_sections=_words(raw, "whole_part_sections"),
        whole_part_words={str(sid): tuple(str(w) for w in words or ())
                          for sid, words in (raw.get("whole_part_words") or {}).items()},
        summary_heading_words=tuple(sorted(_words(raw, "summary_heading_words"), key=len, reverse=True)),
        confident=float(scores.get("confident", 0.45)),
        guess=float(scores.get("guess", 0.22)),
        heading_weight=float(scores.get("heading_weight", 0.6)),
        body_weight=float(scores.get("body_weight", 0.4)),
        statutory_words=_words(raw, "statutory_words"),
        field_cover=float((raw.get("fields") or {}).get("cover", 0.6)),
        field_dice=float((raw.get("fields") or {}).get("dice", 0.3)),
        root=root,
        run_on_min=int(run_on.get("min") or 3000),
        run_on_headings=int(run_on.get("headings") or 2),
        run_on_item_min=int(run_on.get("item_min") or 150),
        run_on_ends="".join(str(w) for w in run_on.get("sentence_ends") or "。；！？"),
        run_on_item_ends="".join(str(w) for w in run_on.get("item_ends") or "。！？"),
        issuer_mark_endings=_words(raw, "issuer_mark_endings"),
        header_labels=_words(raw, "header_labels"),
        signature_endings=_words(raw, "signature_endings"),
        attachment_note=_compile(path, "attachment_note", raw.get("attachment_note") or "(?!)"),
        attachment_label=_compile(path, "attachment_label", raw.get("attachment_label") or "(?!)"),
        records={str(k): {str(a): str(b) for a, b in (v or {}).items()} for k, v in (raw.get("records") or {}).items()},
    )
