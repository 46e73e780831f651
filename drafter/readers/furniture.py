"""Website furniture (索引号, 打印 关闭, 免责声明 …): which lines are only that.

The words are data in sections/_furniture.yaml; this module only knows how to match them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from drafter import datafiles

FURNITURE_FILE = "_furniture.yaml"
MAX_LABEL_VALUE = 40  # a metadata value (a date, an office, an index number) is short
_BREADCRUMB_ARROWS = re.compile(r"[>＞»›→]")
_BUTTON_SEPARATORS = re.compile(r"[\s|｜/／·•【】\[\]（）()<>《》:：,，、]+")


@dataclass(frozen=True)
class Furniture:
    labels: re.Pattern
    disclaimers: frozenset[str]
    buttons: frozenset[str]
    breadcrumb_starts: tuple[str, ...]
    html_classes: frozenset[str]

    def is_furniture(self, line: str) -> bool:
        line = line.strip()
        if not line:
            return False
        return self._labels_only(line) or self._buttons_only(line) or self._breadcrumb(line)

    def _labels_only(self, line: str) -> bool:
        matches = list(self.labels.finditer(line))
        if not matches or matches[0].start() != 0:
            return False
        for i, match in enumerate(matches):
            if match.group(1) in self.disclaimers:
                return True  # the rest of the line is the website's own notice
            end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
            value = line[match.end():end].strip()
            if len(value) > MAX_LABEL_VALUE or "。" in value:
                return False
        return True

    def _buttons_only(self, line: str) -> bool:
        words = [w for w in _BUTTON_SEPARATORS.split(line) if w]
        return bool(words) and all(self._buttons(w) for w in words)

    def _buttons(self, run: str) -> bool:
        """The run is button words written together (“打印关闭”: spaces between Chinese are gone)."""
        ends = {0}
        for end in range(1, len(run) + 1):
            if any(run[start:end] in self.buttons for start in ends if start < end):
                ends.add(end)
        return len(run) in ends

    def _breadcrumb(self, line: str) -> bool:
        return line.startswith(self.breadcrumb_starts) and bool(_BREADCRUMB_ARROWS.search(line))

    def furniture_element(self, class_and_id: str) -> bool:
        words = set(re.split(r"[\s_\-]+", class_and_id.lower()))
        return any(w in words or ("-" in w and w in class_and_id.lower()) for w in self.html_classes)


@lru_cache(maxsize=4)
def load(root: str | None = None) -> Furniture:
    path = datafiles.find(FURNITURE_FILE) if root is None else Path(root) / FURNITURE_FILE
    data = datafiles.read(path, "网页栏目文字表") if path.is_file() else {}
    labels = sorted({*data.get("labels", []), *data.get("disclaimers", [])}, key=len, reverse=True)
    pattern = "|".join(re.escape(w) for w in labels) or r"(?!x)x"
    return Furniture(
        labels=re.compile(rf"({pattern})\s*[:：]"),
        disclaimers=frozenset(data.get("disclaimers", [])),
        buttons=frozenset(data.get("buttons", [])),
        breadcrumb_starts=tuple(data.get("breadcrumb_starts", [])),
        html_classes=frozenset(w.lower() for w in data.get("html_classes", [])),
    )
