"""Round-trip YAML: load and save answers files so that comments and key order survive.

ruamel.yaml's round-trip loader only builds plain mappings, sequences and scalars, so it is
safe for untrusted files. Saving goes through a temporary file and an atomic replace: a crash
mid-write never leaves the user with a truncated file.
"""
from __future__ import annotations

import io
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from drafter.errors import DrafterError, Location


def _yaml(mapping: int = 2, sequence: int = 4, offset: int = 2) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a user's long Chinese line
    yaml.allow_unicode = True
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DrafterError("找不到文件", Location(file=str(path))) from None
    except IsADirectoryError:
        raise DrafterError("这是一个文件夹，不是 YAML 文件", Location(file=str(path))) from None
    except OSError as exc:
        raise DrafterError(f"无法读取文件（{exc.strerror}）", Location(file=str(path))) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DrafterError(
            "文件不是 UTF-8 编码，请用 UTF-8 另存后再试", Location(file=str(path), line=line)
        ) from None


class Document:
    """A loaded YAML file that remembers how it was indented, to save it the same way."""

    def __init__(self, path: Path, data: Any, indentation: tuple[int, int, int] = (2, 4, 2)):
        self.path = path
        self.data = data
        self.indentation = indentation

    def dumps(self) -> str:
        stream = io.StringIO()
        _yaml(*self.indentation).dump(self.data, stream)
        return stream.getvalue()

    def save(self, path: Path | None = None) -> None:
        atomic_write_text(path or self.path, self.dumps())


_KEY_LINE = re.compile(r"^( *)[^\s#-][^:#]*:\s*(#.*)?$")
_DASH_LINE = re.compile(r"^( *)- ")
_ANY_KEY = re.compile(r"^( *)[^\s#-]")


def guess_indentation(text: str) -> tuple[int, int, int]:
    """(mapping indent, sequence indent, dash offset) as the file itself uses them.

    ruamel's own guess gives one number for both mappings and sequences; hand-written files
    often indent them differently (`key:` + two spaces, `- item` + four), so look at the first
    nested mapping and the first nested sequence separately.
    """
    mapping = sequence = offset = None
    lines = [l for l in text.splitlines() if l.strip() and not l.lstrip().startswith("#")]
    for parent, line in zip(lines, lines[1:]):
        head = _KEY_LINE.match(parent)
        if not head:
            continue
        base = len(head.group(1))
        dash = _DASH_LINE.match(line)
        if dash and sequence is None and len(dash.group(1)) >= base:
            offset = len(dash.group(1)) - base
            sequence = offset + 2
        elif not dash and mapping is None:
            key = _ANY_KEY.match(line)
            if key and len(key.group(1)) > base:
                mapping = len(key.group(1)) - base
    mapping = mapping or 2
    if sequence is None:
        sequence, offset = max(mapping, 2), max(mapping - 2, 0)
    return mapping, sequence, offset


def loads(text: str, path: Path) -> Document:
    mapping, sequence, offset = guess_indentation(text)
    try:
        data = _yaml(mapping, sequence, offset).load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise DrafterError(
            f"YAML 格式错误：{_describe(exc)}",
            Location(
                file=str(path),
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
            ),
        ) from None
    except YAMLError as exc:
        raise DrafterError(f"YAML 格式错误：{exc}", Location(file=str(path))) from None
    return Document(path, data, (mapping, sequence, offset))


def load(path: Path) -> Document:
    return loads(read_text(path), path)


def load_fast(path: Path) -> Document:
    """Read with the C safe loader (about 10× faster), keeping neither comments nor line
    numbers: for reading only (drafter build). A file it cannot read is read again
    round-trip, which raises the error located; callers do the same for their own errors."""
    text = read_text(path)
    try:
        data = _fast_yaml().load(text)
    except YAMLError:
        return loads(text, path)
    return Document(path, data)


def _fast_yaml() -> YAML:
    from ruamel.yaml.resolver import VersionedResolver

    class Resolver(VersionedResolver):
        # ruamel looks the YAML version up for every scalar, through two AttributeErrors
        # when the C parser is in use: a fifth of the load. Answers files are YAML 1.2.
        processing_version = (1, 2)

    yaml = YAML(typ="safe")
    yaml.Resolver = Resolver
    return yaml


_PROBLEMS = {
    "found duplicate key": "同一层里有重复的键",
    "mapping values are not allowed here": "这里不能出现“键: 值”（可能缺少缩进或冒号后缺空格）",
    "could not find expected ':'": "缺少冒号“:”",
    "found character '\\t' that cannot start any token": "不能用 Tab 缩进，请改用空格",
    "found undefined alias": "引用了未定义的锚点",
    "expected <block end>, but found": "缩进不一致",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合？）",
}


def _describe(exc: MarkedYAMLError) -> str:
    problem = (exc.problem or exc.context or "").strip()
    for english, chinese in _PROBLEMS.items():
        if problem.startswith(english):
            return chinese
    return problem or "无法解析"


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write data to path so that readers see either the old file or the new one, whole."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()  # what a plain open() would have given a new file
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
