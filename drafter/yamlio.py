"""Round-trip YAML: load and save answers files so that comments and key order survive.

ruamel.yaml's round-trip loader only builds plain mappings, sequences and scalars, so it is
safe for untrusted files. Saving goes through a temporary file and an atomic replace: a crash
mid-write never leaves the user with a truncated file.
"""
from __future__ import annotations

import functools
import io
import itertools
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from drafter.errors import DrafterError, Location, os_reason

# A real answers file is under 100 KB; beyond this something is wrong (a pasted export, a
# log). The round-trip parser (pure Python, ~5 s a megabyte) is where a big file's time
# goes; refusing early spares the user a minute of waiting for nothing.
MAX_BYTES = 1024 * 1024
# Real answers files nest six or seven levels deep; drafter walks them recursively.
MAX_DEPTH = 40
# Values in a file once aliases (*名称) are expanded. The largest real answers file holds a
# few thousand; a “YAML bomb” (anchors of anchors) expands a few hundred bytes into billions,
# and every walk over the answers would take hours. Both readers count before building.
MAX_NODES = 100_000


class _TooLarge(Exception):
    """Raised inside a reader: the composed file would expand past MAX_NODES, or an alias
    refers to the value that holds it. Carries the place of the anchor, for the message."""

    def __init__(self, message: str, mark) -> None:
        super().__init__(message)
        self.message, self.mark = message, mark


def _check_expansion(root) -> None:
    """Count the values of a composed node graph as the answers will hold them, each alias
    expanded, in time linear in the file (a node's count is computed once and shared)."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            open_nodes.discard(key)
            if isinstance(node, MappingNode):
                children = [n for pair in node.value for n in pair]
            else:
                children = node.value
            size = 1 + sum(sizes[id(child)] for child in children)
            if size > MAX_NODES:
                raise _TooLarge(f"文件展开后的值过多（超过 {MAX_NODES:,} 个；锚点“&”和别名“*”层层引用会成倍展开），"
                                "请删去锚点和别名，直接写出内容", node.start_mark)
            sizes[key] = size
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise _TooLarge("别名“*”引用了包含它自己的内容，无法展开，请删去这个别名", node.start_mark)
        if isinstance(node, (MappingNode, SequenceNode)):
            open_nodes.add(key)
            stack.append((node, True))
            children = [n for pair in node.value for n in pair] if isinstance(node, MappingNode) else node.value
            stack.extend((child, False) for child in children)
        else:
            sizes[key] = 1


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that leaves an impossible date (2023-02-30) as text, so that
    validation can report it with its place instead of the loader failing outright, and
    that refuses a file whose aliases expand past MAX_NODES before building anything."""

    def construct_document(self, node):
        _check_expansion(node)
        return super().construct_document(node)

    def construct_yaml_timestamp(self, node, values=None):
        try:
            return super().construct_yaml_timestamp(node, values)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)

    def construct_yaml_int(self, node):
        return bounded_int(super().construct_yaml_int, node)

    def construct_same_as_last_year(self, node):
        """A bare = (same as last year) is YAML 1.1's “value” tag, which standard safe loaders
        (PyYAML, ruamel's) refuse: read it as the text "=", written back quoted."""
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        return DoubleQuotedScalarString(self.construct_scalar(node))


# Integers beyond this are read as ±infinity. Python cannot turn an integer of more than
# 4,300 decimal digits into text or back (hex has no such limit, so 0xfff… builds and then
# fails when printed); no answer is within a thousand orders of magnitude of it.
HUGE = 10**30


def bounded_int(construct, node) -> int | float:
    """An integer as YAML reads it, or ±infinity for one past HUGE or past Python's digit
    limit: validation then names the field and says the number is too large."""
    try:
        value = construct(node)
    except ValueError:
        value = None
    if value is None or not -HUGE <= value <= HUGE:
        return float("-inf") if str(node.value).lstrip().startswith("-") else float("inf")
    return value


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)
_Constructor.add_constructor("tag:yaml.org,2002:value", _Constructor.construct_same_as_last_year)
_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)


def _yaml(mapping: int = 2, sequence: int = 4, offset: int = 2) -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a user's long Chinese line
    yaml.allow_unicode = True
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def read_bytes(path: Path, what: str = "YAML 文件") -> bytes:
    """A file's bytes; a missing file, a folder or an unreadable one is one Chinese line."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise DrafterError("找不到文件", Location(file=str(path))) from None
    except IsADirectoryError:
        raise DrafterError(f"这是一个文件夹，不是{what}", Location(file=str(path))) from None
    except OSError as exc:
        raise DrafterError(f"无法读取文件（{os_reason(exc)}）", Location(file=str(path))) from None


def read_text(path: Path, limit: int = MAX_BYTES) -> str:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # read_bytes says why
    if size > limit:
        raise DrafterError(
            f"文件太大（{size / 1024 / 1024:.1f} MB）：答案文件通常不到 100 KB，"
            f"超过 {limit / 1024 / 1024:g} MB 的文件不予读取，请确认选对了文件",
            Location(file=str(path)))
    data = read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DrafterError(
            "文件不是 UTF-8 编码，请用 UTF-8 另存后再试", Location(file=str(path), line=line)
        ) from None


class Document:
    """A loaded YAML file that remembers how it was indented, to save it the same way."""

    def __init__(self, path: Path, data: Any, indentation: tuple[int, int, int] = (2, 4, 2), text: str | None = None):
        self.path = path
        self.data = data
        self.indentation = indentation
        self.text = text  # the file as it was read, when it was read from text

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
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for parent, line in itertools.pairwise(lines):
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
    return mapping, sequence, offset or 0


def loads(text: str, path: Path) -> Document:
    _check_characters(text, path)
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
    except ReaderError as exc:
        line, column = _line_column(text, exc.position)
        raise DrafterError(f"含有不允许的字符（{_codepoint(exc.character)}），请删除后再试",
                           Location(file=str(path), line=line, column=column)) from None
    except _TooLarge as exc:
        raise DrafterError(exc.message, _mark_location(path, exc.mark)) from None
    except RecursionError:
        deep_line, deep_column = _too_deep_at(text)
        raise DrafterError(f"嵌套层次过深（超过 {MAX_DEPTH} 层），请检查括号和缩进",
                           Location(file=str(path), line=deep_line, column=deep_column)) from None
    except YAMLError as exc:
        raise DrafterError(f"YAML 格式错误：{_describe(exc)}", Location(file=str(path))) from None
    _check_depth(data, path)
    return Document(path, data, (mapping, sequence, offset), text=text)


def _mark_location(path: Path, mark) -> Location:
    return Location(file=str(path), line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None)


# XML 1.0 (and so Word) cannot hold these; YAML cannot hold most of them either
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def _codepoint(character) -> str:
    code = character if isinstance(character, int) else ord(character) if character else 0
    return f"U+{code:04X}"


def _line_column(text: str, position: int) -> tuple[int, int]:
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


def _check_characters(text: str, path: Path) -> None:
    """A raw control byte or a noncharacter: one line that says where, not the parser's dump."""
    m = _ILLEGAL.search(text)
    if m:
        line, column = _line_column(text, m.start())
        raise DrafterError(f"含有不允许的字符（{_codepoint(m.group())}），请删除后再试",
                           Location(file=str(path), line=line, column=column))


def _too_deep_at(text: str) -> tuple[int | None, int | None]:
    """Where brackets or indentation first nest deeper than MAX_DEPTH (for the message)."""
    deep_indent = re.search(rf"(?m)^ {{{2 * MAX_DEPTH + 1},}}", text)
    depth = 0
    for m in re.finditer(r"[\[\]{}]", text):
        depth += 1 if m.group() in "[{" else -1
        if depth > MAX_DEPTH and (deep_indent is None or m.start() < deep_indent.start()):
            return _line_column(text, m.start())
    if deep_indent:
        return _line_column(text, deep_indent.end())
    return None, None


def _check_depth(data: Any, path: Path) -> None:
    stack = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            lc = getattr(node, "lc", None)
            raise DrafterError(
                f"嵌套层次过深（超过 {MAX_DEPTH} 层），请检查括号和缩进",
                Location(file=str(path), line=lc.line + 1 if lc else None, column=lc.col + 1 if lc else None))
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)


def load(path: Path) -> Document:
    return loads(read_text(path), path)


def load_fast(path: Path) -> Document:
    """Read with the C safe loader (about 10× faster), keeping neither comments nor line
    numbers: for reading only (drafter build). A file it cannot read is read again
    round-trip, which raises the error located; callers do the same for their own errors."""
    text = read_text(path)
    try:
        _check_characters(text, path)
        data = _fast_yaml().load(text)
    except _TooLarge as exc:
        raise DrafterError(exc.message, _mark_location(path, exc.mark)) from None
    except (YAMLError, DrafterError, ValueError, OverflowError, RecursionError):
        return loads(text, path)  # the round-trip reader says where (or reads an odd date as text)
    return Document(path, data, text=text)


def _fast_yaml() -> YAML:
    yaml = YAML(typ="safe")
    yaml.Resolver, yaml.Constructor = _fast_classes()
    return yaml


@functools.lru_cache(maxsize=1)
def _fast_classes() -> tuple[type, type]:
    """ruamel's safe reader with its per-node Python overhead taken out: tags resolved from
    a table made once, and plain maps, lists and strings built directly. Anything unusual
    (aliases, merge keys, explicit tags, duplicate keys, deep nesting) goes ruamel's own way."""
    from ruamel.yaml.constructor import SafeConstructor
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
    from ruamel.yaml.resolver import VersionedResolver
    from ruamel.yaml.tag import Tag

    class Unusual(Exception):
        pass

    class Resolver(VersionedResolver):
        # ruamel looks the YAML version up for every scalar, through two AttributeErrors
        # when the C parser is in use. Answers files are YAML 1.2.
        processing_version = (1, 2)

        def resolve(self, kind, value, implicit):
            # drafter adds no path resolvers: a plain scalar's tag depends on its text only
            if kind is ScalarNode and implicit[0]:
                for tag, regexp in implicit_tags.get(value[:1]) or no_tags:
                    if regexp.match(value):
                        return tags[tag]
                return string_tag
            return super().resolve(kind, value, implicit)

    implicit_tags = Resolver().versioned_resolver
    no_tags = implicit_tags.get(None, [])
    tags = {tag: Tag(suffix=tag) for rules in implicit_tags.values() for tag, _ in rules}
    string_tag, map_tag, seq_tag = Resolver.DEFAULT_SCALAR_TAG, Resolver.DEFAULT_MAPPING_TAG, Resolver.DEFAULT_SEQUENCE_TAG
    string, mapping, sequence = str(string_tag), str(map_tag), str(seq_tag)
    key_tags = {string, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
                "tag:yaml.org,2002:null"}
    scalar_tags = key_tags | {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value"}

    class Constructor(SafeConstructor):
        def construct_document(self, node):
            try:
                return self._plain(node, set(), 1)
            except Unusual:
                _check_expansion(node)  # aliases are the unusual case that can expand without end
                # a scalar that failed above is marked “being built” (None): start afresh
                self.constructed_objects, self.recursive_objects = {}, {}
                data = super().construct_document(node)
                _check_depth(data, Path())  # load_fast reads the file again to say where
                return data

        def _plain(self, node, seen: set[int], depth: int):
            """The value of a node of plain maps, lists and scalars. A node met twice is an
            alias (the C composer does not mark anchors): ruamel's way shares it."""
            kind, tag = type(node), node.ctag
            if depth > MAX_DEPTH:
                raise Unusual
            if kind is ScalarNode:
                if tag is string_tag or str(tag) == string:
                    return node.value
                if str(tag) not in scalar_tags:
                    raise Unusual  # a merge key (<<) out of place, a binary…: ruamel says what is wrong
                try:
                    return self.construct_object(node)
                except Exception:  # noqa: BLE001 — ruamel's own pass reports it, in its own order
                    raise Unusual from None
            if id(node) in seen:
                raise Unusual
            seen.add(id(node))
            if kind is SequenceNode and (tag is seq_tag or str(tag) == sequence):
                return [self._plain(item, seen, depth + 1) for item in node.value]
            if kind is not MappingNode or not (tag is map_tag or str(tag) == mapping):
                raise Unusual
            out = {}
            for key_node, value_node in node.value:
                if type(key_node) is not ScalarNode or (key_node.ctag is not string_tag and str(key_node.ctag) not in key_tags):
                    raise Unusual
                key = self._plain(key_node, seen, depth + 1)
                if key in out:
                    raise Unusual  # ruamel says which key, where
                out[key] = self._plain(value_node, seen, depth + 1)
            return out

    def construct_yaml_int(self, node):
        return bounded_int(functools.partial(SafeConstructor.construct_yaml_int, self), node)

    Constructor.add_constructor("tag:yaml.org,2002:int", construct_yaml_int)
    # A bare = (same as last year) resolves to YAML's old "value" tag, which the safe
    # constructor lacks: every file using it fell back to the slow round-trip reader.
    Constructor.add_constructor("tag:yaml.org,2002:value", SafeConstructor.construct_yaml_str)
    return Resolver, Constructor


# The parser's English problems, as a clerk can read them. Matched by prefix on the
# problem first, then on the context; anything else gets the generic last line.
_PROBLEMS = {
    "found duplicate key": "同一层里有重复的键",
    "found duplicate anchor": "重复定义了同名锚点（&）",
    "mapping values are not allowed here": "这里不能出现“键: 值”（可能缺少缩进，或冒号后缺空格；文字中的冒号请用中文“：”或给整段加引号）",
    "could not find expected ':'": "缺少冒号“:”",
    "found character '\\t' that cannot start any token": "不能用 Tab 缩进，请改用空格",
    "found a tab character": "不能用 Tab 缩进，请改用空格",
    "found undefined alias": "引用了未定义的锚点（*）",
    "expected <block end>, but found": "缩进不一致",
    "expected ',' or ']'": "方括号列表 [ ] 中缺少逗号或右方括号“]”（文字中含有冒号、逗号时请加引号）",
    "expected ',' or '}'": "花括号 { } 中缺少逗号或右花括号“}”",
    "expected a comment or a line break": "这一行的值后面多了内容（可能缺少引号）",
    "did not find expected key": "缩进不一致，或列表项缺少“- ”",
    "did not find expected '-' indicator": "列表项应以“- ”开头，且缩进一致",
    "did not find expected node content": "这里缺少值",
    "expected alphabetic or numeric character": "以“*”“&”开头的文字请加引号",
    "found unknown escape character": "双引号中的反斜杠“\\”转义无效，请改用单引号或写成“\\\\”",
    "expected escape sequence": "双引号中的反斜杠“\\”转义无效，请改用单引号或写成“\\\\”",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合？）",
    "found unexpected ':'": "冒号的位置不对（冒号后要有空格）",
    "while scanning a quoted scalar": "引号没有闭合",
    "while scanning a block scalar": "多行文字（| 或 >）的写法有误",
    "while scanning a simple key": "缺少冒号“:”",
    "while parsing a flow sequence": "方括号列表 [ ] 没有正确结束",
    "while parsing a flow mapping": "花括号 { } 没有正确结束",
    "while parsing a block mapping": "缩进不一致",
    "while parsing a block collection": "缩进不一致，或列表项缺少“- ”",
    "while scanning an alias": "以“*”开头的文字请加引号",
    "while scanning an anchor": "以“&”开头的文字请加引号",
    "while scanning a directive": "以“%”开头的行请加引号",
    "found character": "这个字符不能作为值的开头（如 @ 或 `），请给整个值加引号",
    "expected the node content": "这里缺少值",
    "expected a single document": "文件中只能有一个文档（请删除多余的“---”）",
    "but found another document": "文件中只能有一个文档（请删除多余的“---”）",
}


def _describe(exc: Exception) -> str:
    texts = [getattr(exc, "problem", None), getattr(exc, "context", None), str(exc)]
    for text in texts:
        text = (text or "").strip()
        for english, chinese in _PROBLEMS.items():
            if text.startswith(english):
                return chinese
    return "无法解析（YAML 语法错误），请检查这一行的缩进、冒号和引号"


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


def same_file(a: Path, b: Path) -> bool:
    """True when a and b name one file: the same resolved path, or one file by identity
    (a hard link, another spelling of the path on a case-insensitive disk)."""
    return Inputs([b]).find(a) is not None


class Inputs:
    """The files a command reads, to tell them apart from where it writes: by resolved path
    and by identity (a hard link, another spelling of the path on a case-insensitive disk).
    Made once per command, so that a batch checks each output against all its inputs at
    the cost of one lookup, not one per input."""

    def __init__(self, paths) -> None:
        self.paths: tuple[Path, ...] = ()
        self._by_path: dict[Path, Path] = {}
        self._by_identity: dict[tuple[int, int], Path] = {}
        for path in paths:
            self.add(Path(path))

    def add(self, path: Path) -> Path | None:
        """Take in one more file; the input it already names, if any (then nothing changes)."""
        resolved, identity = _whereabouts(path)
        known = (self._by_path.get(resolved) if resolved is not None else None) or \
            (self._by_identity.get(identity) if identity is not None else None)
        if known is not None:
            return known
        self.paths += (path,)
        if resolved is not None:
            self._by_path[resolved] = path
        if identity is not None:
            self._by_identity[identity] = path
        return None

    def find(self, path: Path) -> Path | None:
        """The input that `path` names, if any."""
        resolved, identity = _whereabouts(Path(path))
        if resolved is not None and resolved in self._by_path:
            return self._by_path[resolved]
        return self._by_identity.get(identity) if identity is not None else None


def _whereabouts(path: Path) -> tuple[Path | None, tuple[int, int] | None]:
    try:
        resolved = path.resolve()
    except OSError:
        resolved = None
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return resolved, None
    return resolved, (st.st_dev, st.st_ino)


def write_output(path: Path, data: bytes, inputs: tuple[Path, ...] | Inputs = ()) -> None:
    """Write a command's result: never onto one of its inputs, never half; failures in Chinese."""
    path = Path(path)
    check_output(path, inputs)
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise DrafterError(f"无法写入输出文件（{os_reason(exc)}）", Location(file=str(path))) from None


def check_output(path: Path, inputs: tuple[Path, ...] | Inputs = ()) -> None:
    """Refuse an output that is one of the inputs, a folder, or not a plain file (a device)."""
    source = (inputs if isinstance(inputs, Inputs) else Inputs(inputs)).find(path)
    if source is not None:
        raise DrafterError(f"输出文件不能是输入文件本身（{source}），请用 -o 另选文件名", Location(file=str(path)))
    if path.is_dir():
        raise DrafterError("输出路径是一个文件夹，请在 -o 中写出文件名", Location(file=str(path)))
    if path.exists() and not path.is_file():
        raise DrafterError("输出路径不是普通文件（可能是设备或管道），请另选文件名", Location(file=str(path)))


# Characters Windows forbids in a file name, and path separators everywhere.
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])$", re.IGNORECASE)
MAX_NAME_BYTES = 240  # Linux allows 255 bytes, Windows 255 characters: leave room for a suffix


def safe_filename(stem: str, suffix: str) -> str:
    """A file name for the current folder made from a title: no folders, no characters
    Windows forbids, no leading dots, not a device name, at most 255 bytes with its suffix."""
    name = _UNSAFE_NAME.sub("_", stem).strip().strip(".").strip()
    if not name or _RESERVED.match(name):
        name = f"报告_{name}" if name else "报告"
    budget = MAX_NAME_BYTES - len(suffix.encode("utf-8"))
    while len(name.encode("utf-8")) > budget:
        name = name[:-1]
    return name.rstrip(". ") + suffix
