"""The answers file as the wizard keeps it: every accepted answer is on disk at once.

Each write reloads the file first (the user may be editing it by hand in another window),
changes only the one value, and replaces the file atomically. Comments, key order and
keys drafter does not know survive; a file that no longer parses is never overwritten.
"""
from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from drafter import outline_data, sources, yamlio
from drafter.answers import PREVIOUS_YEAR

PROGRESS = "wizard"  # top-level key: which sections are done or skipped

HEADER = """\
# {title}
# 由 drafter 向导生成。可以直接编辑本文件（注释和顺序会保留），然后运行：
#   drafter build {name}          生成 .docx
#   drafter ask {name}            继续回答尚未完成的问题
"""


def _plain(value: Any) -> Any:
    """A value as ruamel should write it: mappings and lists round-trip types, dates as dates."""
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            if v not in (None, "", []):
                out[k] = _plain(v)
        return out
    if isinstance(value, list):
        return CommentedSeq(_plain(v) for v in value)
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _filled(name: str, value: Any) -> bool:
    """An own fact's written value that holds a number (not xx场, not empty)."""
    from drafter import owntext

    try:
        return owntext.parse_fact(name, value).value is not None
    except Exception:  # noqa: BLE001 - `=` and odd entries: the loader says what is wrong
        return value not in (None, "")


def _said(value: Any, source: str | None) -> str:
    """The source recorded for a value the wizard saves: the caller's, else 沿用上年 for `=`,
    else drafter ask and today's date."""
    return source or (sources.same(sources.asked()) if sources.is_same(value) else sources.asked())


class Session:
    """What this run of the wizard has written, for a truthful message on Ctrl+C."""

    path: Path | None = None
    saved = 0

    @classmethod
    def wrote(cls, path: Path) -> None:
        cls.path = Path(path)
        cls.saved += 1


@dataclass(frozen=True)
class Position:
    """Where the wizard was when it last stopped (`wizard: at:` in the file).

    asking: set by `drafter ask`'s default run, which goes once through what is missing:
    "section" when the section is asked whole, "missing" when only its missing questions
    are; what comes before the position was seen in that run and is not asked again when it
    resumes. field None: the section's menu."""

    section: str | None = None
    field: str | None = None
    item: int | None = None  # the follow-up record's position in its list
    asking: str | None = None


def _stands_for(before: Any, now: Any, section_id: str) -> bool:
    """Whether an entry of the outline now is the one that stood in the outline before: the
    same section; a part or group holding one of the same sections, or the same heading."""
    key = outline_data.members_key(before)
    if key is None:
        return outline_data.entry_id(before) is not None and outline_data.entry_id(now) == outline_data.entry_id(before)
    if outline_data.members_key(now) != key:
        return False
    theirs = outline_data.leaves(now)
    return (bool((outline_data.leaves(before) - {section_id}) & theirs) or not theirs
            or (bool(before.get("heading")) and now.get("heading") == before.get("heading")))


def _holding(entries: list, section_id: str) -> int | None:
    return next((k for k, e in enumerate(entries) if section_id in outline_data.leaves(e)), None)


def _only(entry: Any, section_id: str) -> Any:
    """The entry (a part, a group) with nothing in it but the way down to the section."""
    key = outline_data.members_key(entry)
    if key is None:
        return copy.deepcopy(entry)
    out = {k: copy.deepcopy(v) for k, v in entry.items() if k != key}
    out[key] = [_only(m, section_id) for m in entry[key] if section_id in outline_data.leaves(m)]
    return out


def _reinsert(now: list, before: list, section_id: str) -> None:
    """Put the section back into `now` where it stood in `before`: inside the part (group)
    that held it if that is still there, after the nearest earlier neighbour still there, else
    before the nearest later one; a part (group) it was alone in comes back with it."""
    k = _holding(before, section_id)
    entry = before[k]
    key = outline_data.members_key(entry)
    if key is not None:
        home = next((e for e in now if _stands_for(entry, e, section_id)), None)
        if home is not None:
            _reinsert(home[key], entry[key], section_id)
            return
    new = _plain(_only(entry, section_id))
    for j in [*range(k - 1, -1, -1), *range(k + 1, len(before))]:
        at = next((n for n, e in enumerate(now) if _stands_for(before[j], e, section_id)), None)
        if at is not None:
            now.insert(at + 1 if j < k else at, new)
            return
    now.append(new)


def _neighbours(parts: list, section_id: str, order: list[str]) -> list:
    """An outline as it might have been, the section standing after the nearest section
    before it in `order` that the outline holds (else before the nearest one after it)."""
    before = _plain_copy(parts)
    present = {sid for entry in before for sid in outline_data.leaves(entry)}
    at = order.index(section_id) if section_id in order else len(order)
    earlier = [sid for sid in order[:at] if sid in present]
    later = [sid for sid in order[at + 1:] if sid in present]
    anchor = earlier[-1] if earlier else later[0] if later else None

    def place(entries: list) -> bool:
        for n, entry in enumerate(entries):
            key = outline_data.members_key(entry)
            if key is not None:
                if place(entry[key]):
                    return True
            elif outline_data.entry_id(entry) == anchor:
                entries.insert(n + 1 if earlier else n, section_id)
                return True
        return False

    if anchor is None or not place(before):
        parts = [p for p in before if outline_data.members_key(p) == outline_data.PART_MEMBERS]
        if parts:
            parts[-1][outline_data.PART_MEMBERS].append(section_id)
        else:
            before.append(outline_data.part_entry(None, [section_id]))
    return before


def _plain_copy(value: Any) -> Any:
    """The outline as plain lists and dicts, to remember it as it was."""
    if isinstance(value, dict):
        return {k: _plain_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_copy(v) for v in value]
    return value


class Store:
    def __init__(self, path: Path):
        self.path = Path(path)
        self._outline_before: dict[str, list] = {}  # skipped in this run: the outline's parts before

    # -- whole file ----------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, report: dict, outline: dict, title: str) -> Store:
        data = CommentedMap()
        data["report"] = _plain(report)
        data["outline"] = _plain(outline)
        data["answers"] = CommentedMap()
        from drafter.schema import modeline  # the first line points editors at the answers file's schema

        header = HEADER.format(title=title, name=Path(path).name).rstrip("\n")
        data.yaml_set_start_comment(f"{modeline(Path(path))}\n{header}")
        doc = yamlio.Document(Path(path), data)
        doc.save()
        Session.wrote(path)
        return cls(path)

    def load(self) -> yamlio.Document:
        return yamlio.load(self.path)

    def read(self) -> dict:
        """The file's data, for reading only: the fast loader (every write reloads round-trip)."""
        return yamlio.load_fast(self.path).data or {}

    def _update(self, change, answer: bool = True) -> None:
        doc = self.load()  # reload: never write over the user's hand edits
        change(doc.data)
        doc.save()
        if answer:  # the wizard's own bookkeeping is not an answer
            Session.wrote(self.path)

    # -- answers -------------------------------------------------------------------------
    def values(self, section_id: str) -> dict:
        answers = self.read().get("answers") or {}
        return dict(answers.get(section_id) or {})

    def set_value(self, section_id: str, field_id: str, value: Any, source: str | None = None) -> None:
        """One answer. A number's source is recorded beside it (drafter.sources): `source`, or
        “drafter ask” and today's date; a value cleared clears its source."""
        numeric = self._numeric(section_id, field_id)

        def change(data):
            answers = data.get("answers")
            if not isinstance(answers, dict):
                answers = data["answers"] = CommentedMap()
            section = answers.get(section_id)
            if not isinstance(section, dict):
                section = answers[section_id] = CommentedMap()
            if value in (None, "", []):
                section.pop(field_id, None)
            elif field_id in section:
                section[field_id] = _plain(value)
            else:
                # new keys go before previous_year, which stays last in its section
                keys = list(section.keys())
                at = keys.index(PREVIOUS_YEAR) if PREVIOUS_YEAR in keys else len(keys)
                section.insert(at, field_id, _plain(value))
            if numeric:
                sources.record(section, field_id, None if value in (None, "", []) else _said(value, source))
            if not section:
                answers.pop(section_id, None)
        self._update(change)

    def _numeric(self, section_id: str, field_id: str) -> bool:
        """Whether a field is a number (or a list of records holding numbers): its source is kept."""
        from drafter import ontology, types

        section = ontology.load().section(section_id)
        spec = section.field(field_id) if section is not None else None
        if spec is None:
            return False
        return types.of(spec).numeric or any(types.of(sub).numeric for sub in spec.fields or ())

    def set_report(self, key: str, value: Any) -> None:
        def change(data):
            report = data.setdefault("report", CommentedMap())
            if value in (None, ""):
                report.pop(key, None)
            else:
                report[key] = _plain(value)
        self._update(change)

    def set_setup(self, report: dict, outline: dict) -> None:
        """The metadata answers of `drafter new` so far, and the outline they give."""
        def change(data):
            current = data.setdefault("report", CommentedMap())
            for key, value in report.items():
                if value in (None, ""):
                    current.pop(key, None)
                else:
                    current[key] = _plain(value)
            data["outline"] = _plain(outline)
        self._update(change)

    def setup_step(self) -> tuple[str | None, str | None]:
        """(next setup question, chosen shape) while `drafter new`'s first questions are unfinished."""
        raw = self.read().get(PROGRESS) or {}
        setup = raw.get("setup") if isinstance(raw, dict) else None
        if not isinstance(setup, dict):
            return None, None
        return (str(setup["next"]) if setup.get("next") else None), (str(setup["shape"]) if setup.get("shape") else None)

    def set_setup_step(self, step: str | None, shape: str | None) -> None:
        def change(data):
            progress = data.get(PROGRESS)
            if not isinstance(progress, dict):
                progress = data[PROGRESS] = CommentedMap()
            if step is None:
                progress.pop("setup", None)
                if not progress:
                    data.pop(PROGRESS, None)
            else:
                progress["setup"] = _plain({"next": step, "shape": shape})
        self._update(change, answer=False)

    def set_fact(self, section_id: str, name: str, value: Any, source: str | None = None) -> None:
        """One own fact of a section (`facts:`), written as the file writes it (24场); its source
        recorded as set_value records one (none while it is still xx)."""
        def change(data):
            section = data["answers"][section_id]
            facts = section.get("facts")
            if not isinstance(facts, dict):
                facts = section["facts"] = CommentedMap()
            facts[name] = _plain(value)
            sources.record(section, name, _said(value, source) if _filled(name, value) else None)
        self._update(change)

    def drop_fact(self, section_id: str, name: str) -> None:
        """An own fact the section's text no longer states (its clause was taken out)."""
        def change(data):
            section = data["answers"][section_id]
            facts = section.get("facts")
            if isinstance(facts, dict) and name in facts:
                del facts[name]
                if not facts:
                    del section["facts"]
            sources.record(section, name, None)  # a source of no fact would not load
        self._update(change)

    def remove_from_outline(self, section_id: str) -> None:
        """Leave a section out of this year's report: take it out of the outline (and a part
        or group that it leaves empty). The outline as it was is remembered for this run, so
        that restore_to_outline can put the section back where it stood."""
        def change(data):
            parts = (data.get("outline") or {}).get("parts") or []
            if isinstance(parts, list) and _holding(parts, section_id) is not None:
                self._outline_before.setdefault(section_id, _plain_copy(parts))
            if isinstance(parts, list):
                outline_data.remove(parts, section_id)
        self._update(change)

    def restore_to_outline(self, section_id: str, order: list[str]) -> None:
        """Undo remove_from_outline: the section goes back where it stood when this run took
        it out. Taken out in an earlier run, it goes after the nearest section before it in
        `order` (the ontology's) that the outline holds, else before the nearest one after it."""
        def change(data):
            outline = data.get("outline")
            parts = outline.get("parts") if isinstance(outline, dict) else None
            if not isinstance(parts, list) or _holding(parts, section_id) is not None:
                return  # no outline to change, or the section is there already (put back by hand)
            before = self._outline_before.get(section_id)
            if before is None:
                before = _neighbours(parts, section_id, order)
            _reinsert(parts, before, section_id)
            self._outline_before.pop(section_id, None)
        self._update(change, answer=False)

    def at(self) -> Position:
        """Where the wizard was when it last stopped."""
        raw = self.read().get(PROGRESS) or {}
        at = raw.get("at") if isinstance(raw, dict) else None
        if not isinstance(at, dict) or not at.get("section"):
            return Position()
        item = at.get("item")
        return Position(str(at["section"]), str(at["field"]) if at.get("field") else None,
                        item if isinstance(item, int) and not isinstance(item, bool) else None,
                        str(at["asking"]) if at.get("asking") else None)

    def set_at(self, section_id: str | None, field_id: str | None = None, item: int | None = None,
               asking: str | None = None) -> None:
        if section_id is None and self.at() == Position():
            return  # nothing to forget: the file stays as it is

        def change(data):
            progress = data.get(PROGRESS)
            if not isinstance(progress, dict):
                progress = data[PROGRESS] = CommentedMap()
            if section_id is None:
                progress.pop("at", None)
            else:
                progress["at"] = _plain({"section": section_id, "field": field_id, "item": item, "asking": asking})
        self._update(change, answer=False)

    # -- progress ------------------------------------------------------------------------
    def progress(self) -> dict[str, list[str]]:
        raw = self.read().get(PROGRESS) or {}
        return {k: [str(v) for v in raw.get(k) or []] for k in ("done", "skipped")}

    def mark(self, section_id: str, status: str | None) -> None:
        """status: done, skipped, or None to forget the section's status."""
        def change(data):
            progress = data.get(PROGRESS)
            if not isinstance(progress, dict):
                progress = data[PROGRESS] = CommentedMap()
            for key in ("done", "skipped"):
                items = progress.get(key)
                if not isinstance(items, list):
                    items = progress[key] = CommentedSeq()
                if section_id in items:
                    items.remove(section_id)
                if status == key:
                    items.append(section_id)
        self._update(change)
