"""One kind of error a user can be shown: a Chinese message that names the place."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Location:
    file: str | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    field: str | None = None  # dotted path, e.g. answers.enforcement.inspections

    def prefix(self) -> str:
        place = self.file or ""
        if self.file and self.line:
            place += f":{self.line}"
            if self.column:
                place += f":{self.column}"
        parts = [p for p in (place, self.field) if p]
        return "：".join(parts)


class DrafterError(Exception):
    """An error caused by the user's input, reported without a traceback."""

    def __init__(self, message: str, location: Location | None = None):
        super().__init__(message)
        self.message = message
        self.location = location or Location()

    def __str__(self) -> str:
        prefix = self.location.prefix()
        return f"{prefix}：{self.message}" if prefix else self.message
