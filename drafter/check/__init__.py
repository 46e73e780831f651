"""drafter check: the reviewer's read before the leaders see the report.

    from drafter.check import check
    findings = check(Path("报告.docx"), previous=Path("去年的报告.docx"))

FILE is an answers file or any report file the readers know; each rule of
drafter.check.rules.RULES reads the same View of it and returns its findings.
"""
from __future__ import annotations

import json
from pathlib import Path

from drafter.check.finding import ERROR, NOTE, Finding
from drafter.check.rules import RULES, Rule
from drafter.check.view import View, from_path

__all__ = ["ERROR", "NOTE", "RULES", "Finding", "Rule", "View", "check", "check_view", "summary", "to_json"]


def check(path: Path, previous: Path | None = None, ontology=None) -> list[Finding]:
    from drafter import ontology as ontology_mod

    onto = ontology or ontology_mod.load()
    view = from_path(Path(path), onto)
    if previous is not None:
        last = from_path(Path(previous), onto)
        if view.year and last.year and last.year >= view.year:
            from drafter.errors import DrafterError, Location

            same = f"与 {path} 同为 {view.year} 年的报告（可能是同一份报告）" if last.year == view.year else \
                f"是 {last.year} 年的报告，比 {path}（{view.year} 年）还晚"
            raise DrafterError(f"{same}，不是上年的报告；--previous 请给出 {view.year - 1} 年的报告",
                               Location(file=str(previous)))
        view.previous = last.paragraphs
    return check_view(view)


def check_view(view: View, rules: list[Rule] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules or RULES:
        findings += rule.function(view)
    seen, unique = set(), []
    for f in findings:
        key = (f.rule, f.severity, f.problem, f.location.line, f.location.field, f.quote)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    unique.sort(key=lambda f: (f.severity != ERROR,))
    return unique


def summary(findings: list[Finding]) -> str:
    errors = sum(1 for f in findings if f.severity == ERROR)
    notes = len(findings) - errors
    if not findings:
        return "检查完毕：没有发现问题。"
    return f"检查完毕：错误 {errors} 处，提示 {notes} 处。" + ("请改正错误后再报送。" if errors else "请逐条核对提示。")


def to_json(findings: list[Finding]) -> str:
    errors = sum(1 for f in findings if f.severity == ERROR)
    return json.dumps({"errors": errors, "notes": len(findings) - errors, "summary": summary(findings),
                       "findings": [f.as_dict() for f in findings]}, ensure_ascii=False, indent=2)
