"""The check rules' lists (sections/_check.yaml), read once."""
from __future__ import annotations

import functools
import re
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from drafter import paths
from drafter.errors import DrafterError, Location

CHECK_FILE = "_check.yaml"


def check_file() -> Path:
    """_check.yaml of the ontology in use; the built-in one when that ontology has none."""
    here = paths.sections_dir() / CHECK_FILE
    if here.is_file():
        return here
    package = Path(__file__).resolve().parents[1]
    for base in (package / "sections", package.parent / "sections"):  # a wheel, a source checkout
        if (base / CHECK_FILE).is_file():
            return base / CHECK_FILE
    return here


@functools.lru_cache(maxsize=4)
def _load(path: Path) -> dict:
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DrafterError(f"无法读取检查规则表（{exc.strerror}）", Location(file=str(path))) from None
    except YAMLError as exc:
        raise DrafterError(f"检查规则表格式错误：{exc}", Location(file=str(path))) from None
    if not isinstance(data, dict):
        raise DrafterError("检查规则表应为键值表", Location(file=str(path)))
    return data


def tables() -> dict:
    return _load(check_file())


@functools.lru_cache(maxsize=256)
def compiled(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise DrafterError(f"检查规则表中的式样有误（{exc}）：{pattern}", Location(file=str(check_file()))) from None
