"""Small answers files for the tests: one part, one section, written as a clerk writes them."""
from __future__ import annotations

import textwrap


def one_section(body: str, *, issuer: str = "测试县应急管理局", year: int = 2024, date: str | None = None,
                section: str = "penalties", heading: str | None = "执法") -> str:
    """The YAML of a report whose only part holds `section`, answered by `body` (the lines
    under `answers.<section>:`, written without their indent)."""
    head = f"report:\n  issuer: {issuer}\n  year: {year}\n" + (f"  date: {date}\n" if date else "")
    part = f"    - heading: {heading}\n      sections: [{section}]\n" if heading else f"    - sections: [{section}]\n"
    return (head + "outline:\n  parts:\n" + part + f"answers:\n  {section}:\n"
            + textwrap.indent(textwrap.dedent(body).strip("\n"), "    ") + "\n")
