"""The data tables beside the ontology (sections/_numbers.yaml, _check.yaml, _furniture.yaml…):
where each is found and how it is read, in one place.

A table is looked up in the ontology in use (sections/, or $DRAFTER_SECTIONS); an ontology
that lacks it (a small test ontology) uses drafter's built-in one. Tables are read once with
the safe C loader; a table that cannot be read is one Chinese line naming the file.
"""
from __future__ import annotations

import functools
from pathlib import Path

from drafter import paths
from drafter.errors import DrafterError, Location, os_reason

_PACKAGE = Path(__file__).resolve().parent


def find(name: str) -> Path:
    """The table `name` of the ontology in use, else the built-in one (a wheel, a checkout)."""
    return _find(name, paths.sections_dir())


@functools.lru_cache(maxsize=64)
def _find(name: str, sections: Path) -> Path:
    here = sections / name
    if here.is_file():
        return here
    for base in (_PACKAGE / "sections", _PACKAGE.parent / "sections"):
        if (base / name).is_file():
            return base / name
    return here


@functools.lru_cache(maxsize=16)
def read(path: Path, what: str) -> dict:
    """A table as a mapping; `what` names it in messages (数字识别表, 检查规则表…).

    Parsed tables are kept in the user cache keyed by the file's size and time (the
    constructor is pure Python: the number table alone took 20 ms of every build)."""
    from drafter import cache

    return cache.kept(cache.key("table", [path]), dict, lambda: _parse(path, what))


def _parse(path: Path, what: str) -> dict:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DrafterError(f"无法读取{what}（{os_reason(exc)}）", Location(file=str(path))) from None
    except YAMLError as exc:
        raise DrafterError(f"{what}格式错误：{exc}", Location(file=str(path))) from None
    if not isinstance(data, dict):
        raise DrafterError(f"{what}应为键值表", Location(file=str(path)))
    return data
