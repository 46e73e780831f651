"""One thing the reviewer should look at: how bad, where, what is wrong, what to do."""
from __future__ import annotations

from dataclasses import dataclass, field

from drafter.errors import Location

ERROR, NOTE = "错误", "提示"


@dataclass
class Finding:
    rule: str  # the rule's id (drafter.check.rules.RULES)
    severity: str  # 错误 or 提示
    problem: str  # what is wrong
    advice: str  # what to do
    location: Location = field(default_factory=Location)
    quote: str = ""  # a short quote of the paragraph, around the fault

    def where(self) -> str:
        place = self.location.prefix()
        if self.quote:
            place += f"“{self.quote}”"
        return place

    def line(self) -> str:
        where = self.where()
        return f"{self.severity}：{where}：{self.problem}；{self.advice}" if where else \
            f"{self.severity}：{self.problem}；{self.advice}"

    def as_dict(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "file": self.location.file,
                "line": self.location.line, "field": self.location.field, "quote": self.quote or None,
                "problem": self.problem, "advice": self.advice}
