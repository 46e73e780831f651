"""Import maps other bureaus' headings to the section a reader would choose (issue 19): a
corpus of report openings in the shapes real reports use, written for these tests."""
from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from drafter.importer import import_source
from drafter.numerals import cn_number
from drafter.readers import read

CORPUS = YAML(typ="safe").load((Path(__file__).parent / "fixtures" / "mapping_reports.yaml").read_text(encoding="utf-8"))


def report_text(report: dict) -> str:
    lines = ["某某区应急管理局2025年法治政府建设工作情况报告", "",
             "2025年，我局坚持依法行政，推动应急管理各项工作在法治轨道上运行。现将有关情况报告如下。", ""]
    n = 0
    for k, part in enumerate(report["parts"], 1):
        lines.append(f"{cn_number(k)}、{part['heading']}")
        if "body" in part:
            lines.append(part["body"])
        for item in part.get("items") or []:
            n += 1
            lines.append(f"（{cn_number(n)}）{item['heading']}")
            lines.append(item["body"])
    return "\n".join(lines) + "\n"


def mapped(report: dict, tmp_path: Path, real_ontology) -> list[tuple[str, str | None, list[str]]]:
    """(item heading, the section import gave it, the sections a reader would choose)."""
    path = tmp_path / "report.txt"
    path.write_text(report_text(report), encoding="utf-8")
    units = import_source(read(path), real_ontology).units
    by_heading = {u.heading: u.section for u in units if u.heading}
    out = []
    for part in report["parts"]:
        if "expect" in part:
            out.append((part["heading"], by_heading.get(part["heading"]), part["expect"]))
        for item in part.get("items") or []:
            got = by_heading.get(item["heading"], by_heading.get(part["heading"]))
            out.append((item["heading"], got, item["expect"]))
    return out


def test_headings_of_other_reports_map_as_a_reader_would(tmp_path, real_ontology):
    results = [r for report in CORPUS["reports"] for r in mapped(report, tmp_path, real_ontology)]
    misses = [f"{heading} → {got}（应为 {'/'.join(expect)}）" for heading, got, expect in results if got not in expect]
    share = 1 - len(misses) / len(results)
    assert len(results) >= 40
    assert share >= 0.75, "\n".join(misses)
