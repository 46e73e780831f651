"""Where the ontology (sections/) and the templates live.

An installed wheel carries them inside the package; a source checkout (or an editable
install) keeps them at the top of the repository.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str, env: str) -> Path:
    return _located(name, os.environ.get(env) or "")


@functools.lru_cache(maxsize=16)
def _located(name: str, override: str) -> Path:
    """Looked up once per process and setting: the build asks for every leftover check."""
    if override:
        return Path(override)
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name


def sections_dir() -> Path:
    return _data_dir("sections", "DRAFTER_SECTIONS")


def templates_dir() -> Path:
    return _data_dir("templates", "DRAFTER_TEMPLATES")
