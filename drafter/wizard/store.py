"""The answers file as the wizard keeps it: every accepted answer is on disk at once.

Each write reloads the file first (the user may be editing it by hand in another window),
changes only the one value, and replaces the file atomically. Comments, key order and
keys drafter does not know survive; a file that no longer parses is never overwritten.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from drafter import yamlio
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


class Session:
    """What this run of the wizard has written, for a truthful message on Ctrl+C."""

    path: Path | None = None
    saved = 0

    @classmethod
    def wrote(cls, path: Path) -> None:
        cls.path = Path(path)
        cls.saved += 1


class Store:
    def __init__(self, path: Path):
        self.path = Path(path)

    # -- whole file ----------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, report: dict, outline: dict, title: str) -> "Store":
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

    def set_value(self, section_id: str, field_id: str, value: Any) -> None:
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
            if not section:
                answers.pop(section_id, None)
        self._update(change)

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

    def set_fact(self, section_id: str, name: str, value: Any) -> None:
        """One own fact of a section (`facts:`), written as the file writes it (24场)."""
        def change(data):
            section = data["answers"][section_id]
            facts = section.get("facts")
            if not isinstance(facts, dict):
                facts = section["facts"] = CommentedMap()
            facts[name] = _plain(value)
        self._update(change)

    def remove_from_outline(self, section_id: str) -> None:
        """Leave a section out of this year's report: take it out of the outline (and a part
        or group that it leaves empty)."""
        def prune(entries) -> None:
            for entry in list(entries):
                ident = entry if isinstance(entry, str) else entry.get("id") if isinstance(entry, dict) else None
                if ident == section_id:
                    entries.remove(entry)
                elif isinstance(entry, dict) and isinstance(entry.get("group"), list):
                    prune(entry["group"])
                    if not entry["group"]:
                        entries.remove(entry)

        def change(data):
            parts = (data.get("outline") or {}).get("parts") or []
            for part in list(parts):
                if isinstance(part, dict) and isinstance(part.get("sections"), list):
                    prune(part["sections"])
                    if not part["sections"] and len(parts) > 1:
                        parts.remove(part)
        self._update(change)

    def at(self) -> tuple[str | None, str | None]:
        """(section, field) of the question being asked when the wizard last stopped."""
        raw = self.read().get(PROGRESS) or {}
        at = raw.get("at") if isinstance(raw, dict) else None
        if not isinstance(at, dict):
            return None, None
        return (str(at["section"]) if at.get("section") else None), (str(at["field"]) if at.get("field") else None)

    def set_at(self, section_id: str | None, field_id: str | None = None) -> None:
        def change(data):
            progress = data.get(PROGRESS)
            if not isinstance(progress, dict):
                progress = data[PROGRESS] = CommentedMap()
            if section_id is None:
                progress.pop("at", None)
            else:
                progress["at"] = _plain({"section": section_id, "field": field_id})
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
