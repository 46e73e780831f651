"""The check rules' lists (sections/_check.yaml), read once."""
from __future__ import annotations

import functools
import re
from pathlib import Path

from drafter import datafiles
from drafter.errors import DrafterError, Location

CHECK_FILE = "_check.yaml"


def check_file() -> Path:
    """_check.yaml of the ontology in use; the built-in one when that ontology has none."""
    return datafiles.find(CHECK_FILE)


def _load(path: Path) -> dict:
    return datafiles.read(path, "检查规则表")


def tables() -> dict:
    return _load(check_file())


@functools.lru_cache(maxsize=256)
def compiled(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise DrafterError(f"检查规则表中的式样有误（{exc}）：{pattern}", Location(file=str(check_file()))) from None
