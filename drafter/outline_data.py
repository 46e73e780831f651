"""The outline's shape as the answers file writes it, read and written in one place.

`outline.parts` is a list of parts; a part has `sections`, a list of entries; an entry is a
section (`- penalties`, or `- {id: penalties, heading: …}`) or a group of entries
(`- {heading: …, group: [...]}`). drafter.answers turns this into typed objects to build
from; the wizard, `next`, the shapes of new files and import work on the data itself, with
these functions, so that the shape is spelled out once.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

PART_MEMBERS, GROUP_MEMBERS = "sections", "group"


def entry_id(entry: Any) -> str | None:
    """A section entry's id: `- enforcement` or `- {id: enforcement, heading: …}`; None for a
    part or a group."""
    if isinstance(entry, str):
        return entry
    return str(entry["id"]) if isinstance(entry, dict) and entry.get("id") else None


def members_key(entry: Any) -> str | None:
    """The key of a container's list: a part's `sections`, a group's `group`."""
    if isinstance(entry, dict) and entry_id(entry) is None:
        for key in (PART_MEMBERS, GROUP_MEMBERS):
            if isinstance(entry.get(key), list):
                return key
    return None


def section_ids(entries: Any) -> Iterator[str]:
    """The ids of the sections under these entries (parts, groups, sections), in order."""
    for entry in entries if isinstance(entries, list) else []:
        key = members_key(entry)
        if key is not None:
            yield from section_ids(entry[key])
        else:
            ident = entry_id(entry)
            if ident:
                yield ident


def leaves(entry: Any) -> set[str]:
    """The sections an entry stands for: itself, or every section inside a part or group."""
    return set(section_ids([entry]))


def containers(entries: Any) -> Iterator[dict]:
    """Every part and group under these entries (and the entries themselves), outermost first."""
    for entry in entries if isinstance(entries, list) else []:
        key = members_key(entry)
        if key is not None:
            yield entry
            yield from containers(entry[key])


def headed(entries: Any) -> Iterator[dict]:
    """Every part, group and section entry that carries its own heading (a text)."""
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("heading"), str):
            yield entry
        key = members_key(entry)
        if key is not None:
            yield from headed(entry[key])


def remove(parts: list, section_id: str, keep_last_part: bool = True) -> None:
    """Take a section out of the outline, and the groups and parts it leaves empty (the last
    part stays when keep_last_part, so that an outline is never without parts)."""
    def prune(entries: list) -> None:
        for entry in list(entries):
            if entry_id(entry) == section_id:
                entries.remove(entry)
            elif members_key(entry) == GROUP_MEMBERS:
                prune(entry[GROUP_MEMBERS])
                if not entry[GROUP_MEMBERS]:
                    entries.remove(entry)

    for part in list(parts):
        if members_key(part) == PART_MEMBERS:
            prune(part[PART_MEMBERS])
            if not part[PART_MEMBERS] and (len(parts) > 1 or not keep_last_part):
                parts.remove(part)


Mapping = Callable[..., dict]


def section_entry(section_id: str, heading: str | None = None, mapping: Mapping = dict, **options: Any) -> Any:
    """A section as the outline lists it: its bare id, or `{id, heading, …}` with its own
    heading or options (run_in)."""
    if heading is None and not options:
        return section_id
    entry = mapping()
    entry["id"] = section_id
    if heading is not None:
        entry["heading"] = heading
    entry.update(options)
    return entry


def group_entry(heading: str | None, members: list, mapping: Mapping = dict, **options: Any) -> dict:
    """A group of entries under one heading (options: style, run_in)."""
    entry = mapping()
    if heading is not None:
        entry["heading"] = heading
    entry.update(options)
    entry[GROUP_MEMBERS] = members
    return entry


def part_entry(heading: str | None, members: list, mapping: Mapping = dict, **options: Any) -> dict:
    """A part: its heading (None for the opening paragraph), options (style), its entries."""
    entry = mapping()
    if heading:
        entry["heading"] = heading
    entry.update({k: v for k, v in options.items() if v})
    entry[PART_MEMBERS] = members
    return entry
