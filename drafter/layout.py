"""The answers file's optional `layout:`: a bureau's changes to the GB/T 9704 profile.

    layout:                     # only what differs; same shape as drafter/writers/gbt9704.yaml
      fonts: {level3_bold: true}
      page: {margin_left: 28mm}

or `layout: 本局版式.yaml`, a file of the same shape, relative to the answers file. Every
bad value is reported with its file, line and field.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from drafter import yamlio
from drafter.errors import DrafterError, Location, closest
from drafter.writers.style import SCHEMA, LayoutValueError, StyleProfile, default_profile, parse_value

KEY = "layout"


def _groups() -> dict[str, dict[str, tuple[str, str]]]:
    groups: dict[str, dict[str, tuple[str, str]]] = {}
    for name, (group, key, kind) in SCHEMA.items():
        groups.setdefault(group, {})[key] = (name, kind)
    return groups


def layout_file(answers_path: Path, raw: Any) -> Path | None:
    """The layout file an answers file names, if it names one (watch follows it too)."""
    if isinstance(raw, dict) and isinstance(raw.get(KEY), str):
        return Path(answers_path).parent / raw[KEY]
    return None


def profile_for(data: Any, answers_path: Path) -> StyleProfile:
    """The style profile for an answers file's loaded data (default: GB/T 9704)."""
    raw = data.get(KEY) if isinstance(data, dict) else None
    if raw is None:
        return default_profile()
    if isinstance(raw, str):
        path = layout_file(answers_path, data)
        document = yamlio.load(path)  # round-trip: errors in it are located
        return apply(document.data, _Where(path, ""))
    if not isinstance(raw, dict):
        raise _Where(answers_path, KEY).error("layout 应为版式设置（键值表），或版式文件的路径", data, KEY)
    return apply(raw, _Where(answers_path, KEY))


class _Where:
    def __init__(self, path: Path, prefix: str):
        self.path, self.prefix = path, prefix

    def field(self, *keys: str) -> str:
        return ".".join(k for k in (self.prefix, *keys) if k)

    def error(self, message: str, node: Any, key: Any, *keys: str, at_key: bool = False) -> DrafterError:
        line = column = None
        lc = getattr(node, "lc", None)
        if lc is not None:
            try:
                line, column = (lc.key(key) if at_key else lc.value(key)) if key is not None else (lc.line, lc.col)
            except (KeyError, TypeError):
                line, column = lc.line, lc.col
        return DrafterError(message, Location(file=str(self.path), line=line + 1 if line is not None else None,
                                              column=column + 1 if column is not None else None,
                                              field=self.field(*keys) or None))


def _unknown(key: Any, allowed: list[str], what: str) -> str:
    guess = closest(str(key), allowed)
    hint = f"，是不是“{guess}”？" if guess else f"；可用的有：{'、'.join(allowed)}"
    return f"未知的{what}“{key}”{hint}"


def apply(raw: Any, where: _Where) -> StyleProfile:
    """The default profile with raw's values in place of its own."""
    if raw is None:
        return default_profile()
    if not isinstance(raw, dict):
        raise where.error("版式设置应为键值表（如 page:、fonts:）", raw, None)
    groups = _groups()
    base = default_profile()
    changes: dict[str, Any] = {}
    for group, values in raw.items():
        if group not in groups:
            raise where.error(_unknown(group, list(groups), "版式分类"), raw, group, str(group), at_key=True)
        if group == "substitutes":
            try:
                changes["substitutes"] = {**base.substitutes, **parse_value("fonts", values)}
            except LayoutValueError as exc:
                raise where.error(str(exc), raw, group, group) from None
            continue
        if not isinstance(values, dict):
            raise where.error(f"{group} 应为键值表", raw, group, str(group))
        for key, value in values.items():
            if key not in groups[group]:
                raise where.error(_unknown(key, list(groups[group]), "版式项"), values, key, group, str(key), at_key=True)
            name, kind = groups[group][key]
            try:
                changes[name] = parse_value(kind, value)
            except LayoutValueError as exc:
                raise where.error(str(exc), values, key, group, key) from None
    profile = dataclasses.replace(base, **changes)
    if profile.type_area_width.pt <= 0 or profile.type_area_height.pt <= 0:
        raise where.error("页边距之和超过了纸张大小，版心没有空间", raw, None, "page")
    return profile
