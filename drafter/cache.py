"""A small on-disk cache for parsed data files, in the user's cache folder.

Entries are keyed by the files they were made from (path, size, modification time), by
drafter's code (every module's path, size and modification time: the version string is the
same for every commit, and a changed detector must not serve old answers) and by Python's
version; a changed, added or deleted file makes a new key. A cache
that cannot be read or written is skipped silently: it only ever saves time. Set
DRAFTER_NO_CACHE=1 to turn it off (the compiled templates of drafter.render too).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any


def directory() -> Path | None:
    if os.environ.get("DRAFTER_NO_CACHE"):
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "drafter"


_CODE: list[str] = []  # the code's stamp, once a process


def code_stamp() -> str:
    """A digest of drafter's modules as they are on disk (path, size, modification time of
    each .py file): any edit, checkout or reinstall changes it. Half a millisecond; reading
    and hashing the sources would take six times as long on every start."""
    if not _CODE:
        digest = hashlib.sha256()
        folders = [Path(__file__).resolve().parent]
        while folders:
            with os.scandir(folders.pop()) as entries:
                for entry in sorted(entries, key=lambda e: e.name):
                    if entry.is_dir():
                        if entry.name != "__pycache__":
                            folders.append(Path(entry.path))
                    elif entry.name.endswith(".py"):
                        st = entry.stat()
                        digest.update(f"{entry.path}|{st.st_size}|{st.st_mtime_ns}\n".encode())
        _CODE.append(digest.hexdigest())
    return _CODE[0]


def key(kind: str, files: Iterable[Path], extra: str = "") -> str:
    from drafter import __version__

    digest = hashlib.sha256(f"{kind}|{__version__}|{code_stamp()}|{sys.version}|{extra}".encode())
    for path in sorted(Path(f) for f in files):
        try:
            st = path.stat()
            digest.update(f"|{path.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode())
        except OSError:
            digest.update(f"|{path}|missing".encode())
    return f"{kind}-{digest.hexdigest()[:32]}"


def get(name: str) -> Any:
    folder = directory()
    if folder is None:
        return None
    try:
        with open(folder / f"{name}.pickle", "rb") as handle:
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing, truncated, or written by an older drafter: rebuild
        return None


def kept(name: str, kind: type, make: Callable[[], Any]) -> Any:
    """The entry `name` if it holds a `kind`, else what make() returns, kept for next time."""
    value = get(name)
    if not isinstance(value, kind):
        value = make()
        put(name, value)
    return value


def put(name: str, value: Any) -> None:
    folder = directory()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _prune(folder, name.split("-")[0])
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, folder / f"{name}.pickle")
    except OSError:
        pass


KEEP = 16  # entries per kind: the test ontology, the real one, several tables, a few edits back


def _prune(folder: Path, kind: str) -> None:
    entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP - 1:]:
        old.unlink(missing_ok=True)
