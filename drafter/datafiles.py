"""The data tables beside the ontology (sections/_numbers.yaml, _check.yaml, _furniture.yaml…):
where each is found and how it is read, in one place.

`table(name)` is the one way to read a table: it is looked up in the ontology folder in use
(the `root` a caller gives, else $DRAFTER_SECTIONS, else sections/); an ontology that lacks
it (a small test ontology) uses drafter's built-in one, unless the table belongs to the
ontology's own sections (`builtin=False`: _rollup.yaml, _shapes.yaml). It is read with the
safe C loader; a table that cannot be read is one Chinese line naming the file, line and
column. What it returns is plain data (dicts, lists, strings, numbers), shared by every
caller: read it, never change it. It is kept in the user cache (drafter.cache) keyed by the
file's size and time, and in the process until the file changes: an edited table is read
again. `derived` keeps what a module compiles from a table (regular expressions, word
sets) the same way, made again only when the table is.
"""
from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from drafter import paths
from drafter.errors import DrafterError, Location, os_reason

_PACKAGE = Path(__file__).resolve().parent
T = TypeVar("T")

# Every table, with the name a message calls it by.
TABLES = {
    "_numbers.yaml": "数字识别表",
    "_check.yaml": "检查规则表",
    "_furniture.yaml": "网页栏目文字表",
    "_import.yaml": "导入规则表",
    "_shapes.yaml": "报告结构表",
    "_rollup.yaml": "汇总规则表",
    "_calendar.yaml": "年度日历表",
    "_contents.yaml": "法定内容表",
    "_carried.yaml": "沿用文字分类表",
    "_proofread.yaml": "校对词表",
    "_phrases.yaml": "模板用语表",
}


def what(name: str) -> str:
    """The name a message calls table `name` by (检查规则表…)."""
    return TABLES.get(name) or f"数据表 {name}"


def find(name: str, root: Path | str | None = None, builtin: bool = True) -> Path:
    """Table `name` of the ontology in `root` (default: the one in use), else — unless
    `builtin` is false — the built-in one (a wheel, a checkout). The ontology's own path
    when neither has it."""
    return _locate(name, root, builtin)[0]


def _locate(name: str, root: Path | str | None, builtin: bool) -> tuple[Path, tuple[int, int] | None]:
    """Where the table is, and its file's stamp (None: no such file). Looked for afresh at
    each call (one stat): a table added to the ontology or removed from it is followed."""
    here = _here(name, root, os.environ.get("DRAFTER_SECTIONS") or "" if root is None else "")
    stamp = _stamp(here)
    if stamp is None and builtin:
        there = _builtin(name)
        if there is not None and there != here:
            return there, _stamp(there)
    return here, stamp


@functools.lru_cache(maxsize=64)
def _here(name: str, root: Path | str | None, setting: str) -> Path:
    """root/name, or name in the ontology in use (`setting`, the value of $DRAFTER_SECTIONS,
    is part of the key only)."""
    return (Path(root) if root is not None else paths.sections_dir()) / name


@functools.lru_cache(maxsize=32)
def _builtin(name: str) -> Path | None:
    for base in (_PACKAGE / "sections", _PACKAGE.parent / "sections"):
        if (base / name).is_file():
            return base / name
    return None


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None  # not there, or unreadable: _parse says why
    return st.st_size, st.st_mtime_ns


_ABSENT = object()
_READ: dict[Path, tuple[tuple[int, int] | None, dict]] = {}  # path → (stamp, table)
_DERIVED: dict[tuple[Callable, Path], tuple[Any, Any]] = {}  # (make, path) → (table, made)


def table(name: str, root: Path | str | None = None, *, builtin: bool = True, missing: Any = _ABSENT) -> Any:
    """Table `name` as plain data (shared: read it, never change it): found as `find` says,
    read safely, kept, and read again when its file changes. A table found nowhere is
    `missing` when that is given, else one Chinese line."""
    path, stamp = _locate(name, root, builtin)
    if stamp is None and missing is not _ABSENT:
        return missing
    return _read(path, what(name), stamp)


def derived(name: str, make: Callable[[Any, Path], T], root: Path | str | None = None, *,
            builtin: bool = True, missing: Any = _ABSENT) -> T:
    """make(table, path) for table `name` (found and read as `table` does), made once for
    each version of the table: a module's compiled form of its data (patterns, word sets)."""
    path, stamp = _locate(name, root, builtin)
    data = missing if stamp is None and missing is not _ABSENT else _read(path, what(name), stamp)
    token = _ABSENT if stamp is None else data  # a table's data is the same object until its file changes
    held = _DERIVED.get((make, path))
    if held is not None and held[0] is token:
        return held[1]
    value = make(data, path)
    _DERIVED[(make, path)] = (token, value)
    return value


def read(path: Path, what: str) -> dict:
    """The table at `path` as a mapping; `what` names it in messages (数字识别表, 检查规则表…).
    For a file other than sections/_*.yaml (a layout profile); a table is read by `table`."""
    return _read(Path(path), what, _stamp(Path(path)))


def _read(path: Path, what: str, stamp: tuple[int, int] | None) -> dict:
    """Parsed tables are kept in the user cache keyed by the file's size and time (the
    constructor is pure Python: the number table alone took 20 ms of every build), and in
    the process while the file's stamp stays as it was."""
    held = _READ.get(path)
    if held is not None and held[0] == stamp and stamp is not None:
        return held[1]
    from drafter import cache

    data = cache.kept(cache.key("table", [path]), dict, lambda: _parse(path, what))
    _READ[path] = (stamp, data)
    return data


def _parse(path: Path, what: str) -> dict:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise DrafterError(f"找不到{what}", Location(file=str(path))) from None
    except IsADirectoryError:
        raise DrafterError(f"这是一个文件夹，不是{what}", Location(file=str(path))) from None
    except OSError as exc:
        raise DrafterError(f"无法读取{what}（{os_reason(exc)}）", Location(file=str(path))) from None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise DrafterError(f"{what}不是 UTF-8 编码，请用 UTF-8 另存", Location(file=str(path), line=line)) from None
    try:
        data = YAML(typ="safe").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise DrafterError(f"{what}格式错误：{_describe(exc)}", Location(
            file=str(path), line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None)) from None
    except YAMLError as exc:  # a character YAML cannot hold (its position counts bytes, not characters)
        character = getattr(exc, "character", None)
        at = text.find(chr(character) if isinstance(character, int) else character or "\0")
        if at < 0:
            raise DrafterError(f"{what}格式错误：{_describe(exc)}", Location(file=str(path))) from None
        line = text.count("\n", 0, at) + 1
        raise DrafterError(f"{what}含有不允许的字符（U+{ord(text[at]):04X}），请删除", Location(
            file=str(path), line=line, column=at - text.rfind("\n", 0, at))) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DrafterError(f"{what}应为键值表（“名称: 内容”）", Location(file=str(path), line=1, column=1))
    return data


def _describe(exc: Exception) -> str:
    """The YAML reader's complaint in Chinese (answers files and tables say it alike)."""
    if "duplicate key" in str(exc):
        return "同一个键出现了两次，请删去或合并其中一个"
    from drafter.yamlio import _describe as describe

    return describe(exc)
