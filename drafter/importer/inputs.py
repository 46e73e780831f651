"""Files `drafter import` refuses, said in one Chinese line naming the file: drafter's own
answers files (a report is what is imported; an answers file is built or carried forward)
and files with no report text in them (blank, only a page's scripts, only its furniture).
"""
from __future__ import annotations

import re
from pathlib import Path

from drafter.errors import DrafterError, Location
from drafter.readers.encoding import decode
from drafter.readers.sniff import sniff
from drafter.readers.source import Source

YAML_EXTENSIONS = {".yaml", ".yml"}
ANSWERS_KEYS = ("report", "answers")
_TOP_KEY = re.compile(r"^(report|answers)[ \t]*:", re.M)
PARSE_MAX = 4 * 1024 * 1024  # beyond this the keys alone decide (a real answers file is ~100 KB)


def _answers_mapping(text: str) -> bool:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="safe").load(text)
    except (YAMLError, ValueError, TypeError, RecursionError):
        return False
    return isinstance(data, dict) and any(key in data for key in ANSWERS_KEYS)


def refuse_answers(path: Path, data: bytes) -> None:
    """A .yaml/.yml file, or a text that is a drafter answers mapping (report:/answers:)."""
    yaml_named = path.suffix.lower() in YAML_EXTENSIONS
    if not yaml_named and sniff(path, data) not in ("txt", "md"):
        return
    decoded = decode(data)
    text = decoded[0] if decoded else ""
    keys = set(_TOP_KEY.findall(text))
    answers = bool(keys) and (yaml_named or keys == set(ANSWERS_KEYS)
                              or (len(data) <= PARSE_MAX and _answers_mapping(text)))
    if answers:
        raise DrafterError(f"这是 drafter 的答案文件，不是报告；生成报告请用 drafter build {path}，"
                           f"起草明年请用 drafter next {path}", Location(file=str(path)))
    if yaml_named:
        raise DrafterError("这是 YAML 数据文件，不是报告；drafter import 读的是去年的报告"
                           "（.docx、.doc、.wps、.pdf、网页或 .txt 等）", Location(file=str(path)))


def require_text(source: Source) -> None:
    """Some letters or hanzi left after the cleanup, or a one-line refusal that says what was there."""
    if any(ch.isalpha() for block in source.blocks for ch in block.text):
        return
    if source.dropped:
        message = "文件里只有网页栏目文字（“打印”“分享到”“来源：”之类），没有报告正文；请确认选对了文件"
    else:
        message = "文件里没有报告正文（只有空白、符号或网页的脚本、样式）；请确认选对了文件"
    raise DrafterError(message, Location(file=str(source.path)))
