"""Website furniture (索引号, 打印 关闭, 免责声明 …): which lines are only that.

The words are data in sections/_furniture.yaml; this module only knows how to match them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from drafter import datafiles
from drafter.errors import DrafterError, Location

FURNITURE_FILE = "_furniture.yaml"
MAX_LABEL_VALUE = 40  # a metadata value (a date, an office, an index number) is short
_BREADCRUMB_ARROWS = re.compile(r"[>＞»›→]")
_BUTTON_SEPARATORS = re.compile(r"[\s|｜/／·•【】\[\]（）()<>《》:：,，、]+")


# the values of inline labels (“发布时间：2025-01-08 09:30”), by the kind the table gives each label
_VALUES = {
    "date": r"(?:19|20)[0-9]{2}\s*[-年./／]\s*[0-9]{1,2}\s*[-月./／]\s*[0-9]{1,2}\s*日?"
            r"(?:\s*[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?)?",
    "count": r"[0-9]+(?:\s*次)?",
    "size": r"[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小\s*[】\]]?",
}
_NAME_VALUE = r"[^\s。，,；;！？!?:：|｜【】\[\]]{1,30}?"
_INLINE_SEPARATORS = r"[\s|｜/／·•]"
_BRACKETED = re.compile(r"[【\[]([^【】\[\]]{1,20})[】\]]")
_LEFTOVER = re.compile(r"^[\s|｜/／·•:：,，、;；]+|[\s|｜/／·•:：,，、;；]+$")


@dataclass(frozen=True)
class Inline:
    """Furniture that stands inside a line of text (sections/_furniture.yaml, inline)."""
    anywhere: re.Pattern  # buttons run together, phrases, dated/counted labels, the tail
    named: re.Pattern  # 来源：名称 — only when more furniture follows it
    buttons: frozenset[str]


@dataclass(frozen=True)
class Furniture:
    labels: re.Pattern
    disclaimers: frozenset[str]
    buttons: frozenset[str]
    breadcrumb_starts: tuple[str, ...]
    html_classes: frozenset[str]
    inline: Inline | None = None

    def inline_spans(self, line: str) -> list[tuple[int, int]]:
        """Where furniture stands inside the line, merged, in order."""
        if self.inline is None:
            return []
        spans = [m.span() for m in self.inline.anywhere.finditer(line) if m.end() > m.start()]
        spans += [m.span() for m in _BRACKETED.finditer(line)
                  if m.group(1).strip() in self.inline.buttons or self.is_furniture(m.group(1))]
        spans += [m.span() for m in self.inline.named.finditer(line)]
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def split_inline(self, line: str) -> tuple[list[str], list[str]]:
        """The line's text between its inline furniture (each piece a line of its own), and the
        furniture taken out."""
        spans = self.inline_spans(line)
        if not spans:
            return [line], []
        pieces, removed, at = [], [], 0
        for start, end in spans:
            pieces.append(line[at:start])
            removed.append(line[start:end].strip())
            at = end
        pieces.append(line[at:])
        kept = []
        for piece in (_LEFTOVER.sub("", p) for p in pieces):
            if not any(ch.isalnum() for ch in piece):
                if piece:
                    removed.append(piece)
            elif self.is_furniture(piece):  # 来源：… left standing among the furniture
                removed.append(piece)
            else:
                kept.append(piece)
        return kept, removed

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
        longest = max(map(len, self.buttons), default=0)
        ends = {0}
        for end in range(1, len(run) + 1):
            # only a button word's length back: a paragraph-long run is checked in linear time
            if any(end - size in ends and run[end - size:end] in self.buttons for size in range(1, min(longest, end) + 1)):
                ends.add(end)
            elif end - longest > max(ends):
                return False  # nothing can reach past this gap
        return len(run) in ends

    def _breadcrumb(self, line: str) -> bool:
        return line.startswith(self.breadcrumb_starts) and bool(_BREADCRUMB_ARROWS.search(line))

    def furniture_element(self, class_and_id: str) -> bool:
        words = set(re.split(r"[\s_\-]+", class_and_id.lower()))
        return any(w in words or ("-" in w and w in class_and_id.lower()) for w in self.html_classes)


def _alternation(words) -> str:
    return "|".join(re.escape(str(w)) for w in sorted({str(w) for w in words if w}, key=len, reverse=True)) or r"(?!x)x"


def _inline(raw: dict) -> Inline | None:
    if not raw:
        return None
    buttons = _alternation(raw.get("buttons") or [])
    labels = {str(k): str(v) for k, v in (raw.get("labels") or {}).items()}
    valued = [rf"(?:{_alternation([k for k, v in labels.items() if v == kind])})\s*[:：]\s*{value}"
              for kind, value in _VALUES.items() if any(v == kind for v in labels.values())]
    tails = _alternation(raw.get("tail_labels") or [])
    anywhere = [
        rf"(?:{buttons})(?:{_INLINE_SEPARATORS}*(?:{buttons}))+{_INLINE_SEPARATORS}*",  # 打印收藏分享到|
        rf"[|｜]\s*(?:{buttons}){_INLINE_SEPARATORS}*",  # |打印
        rf"(?:{buttons})\s*[|｜]{_INLINE_SEPARATORS}*",  # 打印|
        _alternation(raw.get("phrases") or []),
        *valued,
        rf"(?:{tails})(?:\s*[:：]|(?=\s*(?:{tails})|\s*$))[^。]*$",  # 上一篇：…下一篇：… to the end
    ]
    names = _alternation([k for k, v in labels.items() if v == "name"])
    follows = "|".join([*anywhere, r"[【\[]", rf"(?:{names})\s*[:：]"])
    inline = Inline(anywhere=re.compile("|".join(f"(?:{p})" for p in anywhere)),
                    named=re.compile(rf"(?:{names})\s*[:：]\s*{_NAME_VALUE}(?=\s*(?:{follows}))"),
                    buttons=frozenset(str(w) for w in raw.get("buttons") or []))
    return inline


def _check_inline(path: Path, furniture: Furniture, raw: dict) -> None:
    """The table's own examples: each is taken out whole, each `keeps` line stays as it is."""
    for example in raw.get("examples") or []:
        kept, _ = furniture.split_inline(str(example))
        if kept:
            raise DrafterError(f"夹在正文中的栏目文字没有删干净：“{example}”剩下“{'／'.join(kept)}”，请修改 inline 中的词表",
                               Location(file=str(path), field="inline.examples"))
    for line in raw.get("keeps") or []:
        if furniture.inline_spans(str(line)):
            raise DrafterError(f"正文被当成了栏目文字：“{line}”，请修改 inline 中的词表",
                               Location(file=str(path), field="inline.keeps"))


def load(root: str | None = None) -> Furniture:
    """The furniture table of the ontology in `root` (default: the one in use; the built-in
    one when it has none), compiled once for each version of the file."""
    return datafiles.derived(FURNITURE_FILE, _compiled, root, missing={})


def _compiled(data: dict, path: Path) -> Furniture:
    labels = sorted({*data.get("labels", []), *data.get("disclaimers", [])}, key=len, reverse=True)
    pattern = "|".join(re.escape(w) for w in labels) or r"(?!x)x"
    furniture = Furniture(
        labels=re.compile(rf"({pattern})\s*[:：]"),
        disclaimers=frozenset(data.get("disclaimers", [])),
        buttons=frozenset(data.get("buttons", [])),
        breadcrumb_starts=tuple(data.get("breadcrumb_starts", [])),
        html_classes=frozenset(w.lower() for w in data.get("html_classes", [])),
        inline=_inline(data.get("inline") or {}),
    )
    _check_inline(path, furniture, data.get("inline") or {})
    return furniture
