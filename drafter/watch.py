"""drafter build FILE --watch: rebuild the report every time the answers file is saved.

Polls the size and modification time of the answers file (and of the layout file it names)
a few times a second: no extra library, and it works on network drives where change
notifications do not. One line per rebuild; an error is printed and watching goes on.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from drafter.errors import DrafterError

INTERVAL_SECONDS = 0.3
SETTLE_SECONDS = 0.1  # an editor may write a file in several steps: wait until it holds still


def _state(paths: list[Path]) -> tuple:
    out = []
    for path in paths:
        try:
            st = path.stat()
            out.append((st.st_mtime_ns, st.st_size))
        except OSError:  # being replaced by the editor: look again next time
            out.append(None)
    return tuple(out)


def _settled(paths: list[Path]) -> tuple:
    state = _state(paths)
    for _ in range(10):
        time.sleep(SETTLE_SECONDS)
        again = _state(paths)
        if again == state:
            break
        state = again
    return state


def _now() -> str:
    return time.strftime("%H:%M:%S")


def watch(source: Path, output: str | None, fmt: str | None, force: bool = False) -> int:
    from drafter import build
    from drafter import ontology as ontology_mod

    onto = ontology_mod.load()
    print(f"正在监视 {source}：每次保存后自动重新生成（按 Ctrl+C 停止）", flush=True)
    watched = [source]
    last = None
    try:
        while True:
            if _state(watched) != last:
                before = dict(zip(watched, _settled(watched)))
                started = time.time_ns()
                watched = _rebuild(build, source, output, fmt, onto, force) or watched
                # a file saved while this build ran (a layout file named only now, too) must
                # still trigger the next build; one untouched since before it must not
                last = tuple(s if s is not None and (before.get(path) == s or s[0] < started) else None
                             for path, s in zip(watched, _state(watched)))
            time.sleep(INTERVAL_SECONDS)
    except KeyboardInterrupt:
        print("已停止监视。", flush=True)
        return 0


def _rebuild(build, source: Path, output: str | None, fmt: str | None, onto,
             force: bool = False) -> list[Path] | None:
    """One build; the files to watch from now on (None: keep watching the same ones)."""
    try:
        built = build.build_file(source, output, fmt, ontology=onto, force=force)
    except DrafterError as exc:
        print(f"{_now()} 错误：{exc}", file=sys.stderr, flush=True)
        return None
    for warning in built.warnings:
        print(f"{_now()} 提示：{warning}", file=sys.stderr, flush=True)
    print(f"{_now()} 已生成：{built.output}", flush=True)
    return built.watched
