"""Files `drafter import` refuses, said in one Chinese line naming the file: drafter's own
answers files (a report is what is imported; an answers file is built or carried forward).
Files with no report text in them are refused by the readers (readers.require_text), for
check as for import.
"""
from __future__ import annotations

import re
from pathlib import Path

from drafter.errors import DrafterError, Location
from drafter.readers.encoding import decode
from drafter.readers.sniff import sniff

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
