"""The check rules' lists (sections/_check.yaml), read once."""
from __future__ import annotations

import re
from pathlib import Path

from drafter import datafiles, leftovers
from drafter.leftovers import CHECK_FILE


def check_file() -> Path:
    """_check.yaml of the ontology in use; the built-in one when that ontology has none."""
    return datafiles.find(CHECK_FILE)


def _load(path: Path) -> dict:
    return datafiles.read(path, "检查规则表")


def tables() -> dict:
    return _load(check_file())


def compiled(pattern: str) -> re.Pattern[str]:
    return leftovers.compiled(pattern)
