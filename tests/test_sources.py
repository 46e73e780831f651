"""Every number has a source (issue 21, part 6): the `sources:` of a section, read by the
loader, written by each writer of a value, cleared by `next`, listed by `check`."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from drafter import answers as answers_mod
from drafter import schema, sheet, sources, yamlio
from drafter.check import check
from drafter.check.signoff import entries
from drafter.cli import main
from drafter.errors import DrafterError
from drafter.ontology import load
from drafter.rollover import roll_forward
from drafter.rollup import rollup
from drafter.wizard.store import Store

ONTOLOGY = load()
TODAY = dt.date.today().isoformat()

ANSWERS = """\
# 我局的报告（注释要保留）
report:
  issuer: 青岚县应急管理局
  year: 2025
outline:
  parts:
    - sections: [penalties]
answers:
  penalties:
    system_cases: 861  # 全系统
    bureau_cases: 40
    text: 立案{system_cases}，本级{bureau_cases}，听证{听证会}，参考率{参考率}。
    facts:
      听证会: 24场
      参考率: 98.6%
    # 来源：审核时逐项核对
    sources:
      system_cases: 数字表.xlsx 第3行（执法支队）  # 支队 1 月 5 日报送
      听证会: drafter ask 2026-01-10
    previous_year:
      system_cases: 790
      bureau_cases: 40
      facts:
        听证会: 20场
"""


@pytest.fixture
def report(tmp_path) -> Path:
    path = tmp_path / "报告.yaml"
    path.write_text(ANSWERS, encoding="utf-8")
    return path


def _sources(path: Path, section: str = "penalties") -> dict[str, str]:
    return answers_mod.load(path, ONTOLOGY).sources.get(section, {})


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# ---------------------------------------------------------------- the loader


def test_the_loader_reads_sources_of_fields_and_facts(report):
    assert _sources(report) == {"system_cases": "数字表.xlsx 第3行（执法支队）", "听证会": "drafter ask 2026-01-10"}


def test_a_value_written_as_same_has_the_source_same_as_last_year(report):
    _edit(report, "    bureau_cases: 40\n    text", '    bureau_cases: "="\n    text')
    _edit(report, "      听证会: 24场\n", "      听证会: =场\n")
    found = _sources(report)
    assert found["bureau_cases"] == "沿用上年"
    assert found["听证会"] == "drafter ask 2026-01-10"  # what the file says wins


def test_a_source_of_no_field_or_fact_is_one_located_line(report):
    _edit(report, "      听证会: drafter ask", "      听政会: drafter ask")
    with pytest.raises(DrafterError) as caught:
        answers_mod.load(report, ONTOLOGY)
    error = caught.value
    line = report.read_text(encoding="utf-8").splitlines().index("      听政会: drafter ask 2026-01-10") + 1
    assert error.location.line == line and error.location.column == 7
    assert error.location.field == "answers.penalties.sources.听政会"
    assert "既不是本节的字段，也不是 facts 中的事实" in str(error) and "是不是“听证会”" in str(error)
    assert "\n" not in str(error)


def test_a_source_is_one_line_of_text_and_not_last_years(report):
    _edit(report, "      听证会: drafter ask 2026-01-10", "      听证会: [a, b]")
    with pytest.raises(DrafterError, match="数字“听证会”的来源：应为文字"):
        answers_mod.load(report, ONTOLOGY)
    report.write_text(ANSWERS.replace("      bureau_cases: 40\n      facts:", "      sources: {bureau_cases: x}\n      facts:"),
                      encoding="utf-8")
    with pytest.raises(DrafterError, match="未知的字段“sources”") as caught:
        answers_mod.load(report, ONTOLOGY)
    assert caught.value.location.field == "answers.penalties.previous_year.sources"


def test_hand_edits_survive_a_round_trip(report):
    doc = yamlio.load(report)
    assert doc.dumps() == ANSWERS
    Store(report).set_value("penalties", "bureau_cases", 41)
    text = report.read_text(encoding="utf-8")
    assert "# 来源：审核时逐项核对" in text and "# 支队 1 月 5 日报送" in text and "# 我局的报告（注释要保留）" in text
    assert text.index("system_cases: 数字表") < text.index("听证会: drafter ask 2026") < text.index(f"bureau_cases: drafter ask {TODAY}")
    assert text.index("sources:") < text.index("previous_year:")


def test_the_schema_allows_sources_of_this_year_only():
    generated = schema.generate(ONTOLOGY)
    penalties = generated["properties"]["answers"]["properties"]["penalties"]["properties"]
    assert penalties["sources"] == {"$ref": "#/definitions/sources"}
    assert "sources" not in penalties["previous_year"]["properties"]
    assert generated["definitions"]["sources"]["additionalProperties"]["anyOf"][1]["type"] == "string"


# ---------------------------------------------------------------- the writers


@pytest.mark.parametrize("kind", [".csv", ".xlsx"])
def test_the_sheet_records_its_file_row_and_providing_unit(report, kind):
    out = report.with_name("数字表" + kind)
    sheet.write(report, out, ONTOLOGY)
    if kind == ".xlsx":
        book = load_workbook(out)
        page = book.worksheets[0]
        header = [c.value for c in page[1]]
        assert "提供单位" in header
        now, unit, key = header.index("今年") + 1, header.index("提供单位") + 1, header.index("键") + 1
        for row in range(2, page.max_row + 1):
            if page.cell(row, key).value == "penalties.system_cases":
                page.cell(row, now).value, page.cell(row, unit).value, cases = 870, "执法支队", row
            if page.cell(row, key).value == "penalties.bureau_cases":
                page.cell(row, now).value, same = "=", row
        book.save(out)
    else:
        rows = list(sheet._read_csv(out))
        header = rows[0]
        now, unit, key = header.index("今年"), header.index("提供单位"), header.index("键")
        for n, row in enumerate(rows, 1):
            if row[key] == "penalties.system_cases":
                row[now], row[unit], cases = "870", "执法支队", n
            if row[key] == "penalties.bureau_cases":
                row[now], same = "=", n
        import csv

        with open(out, "w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(rows)
    _edit(report, "    bureau_cases: 40\n    text", "    text")  # empty: `=` fills it
    changes = sheet.fill(report, out, ONTOLOGY)
    assert len(changes) == 2
    found = _sources(report)
    assert found["system_cases"] == f"数字表{kind} 第{cases}行（执法支队）"
    assert found["bureau_cases"] == f"沿用上年（数字表{kind} 第{same}行）"
    assert found["听证会"] == "drafter ask 2026-01-10"  # a row left as it was keeps its source


def test_the_numbers_screen_records_drafter_ask_and_the_date(report):
    sheet.set_number(report, "penalties.facts.参考率", "99%", ONTOLOGY)
    sheet.set_number(report, "penalties.bureau_cases", "=", ONTOLOGY)
    sheet.set_number(report, "penalties.system_cases", "", ONTOLOGY)  # nothing typed: nothing changes
    found = _sources(report)
    assert found["参考率"] == f"drafter ask {TODAY}"
    assert found["system_cases"] == "数字表.xlsx 第3行（执法支队）"
    # bureau_cases was already 40, last year's value: unchanged, so no source is made up for it
    assert "bureau_cases" not in found
    _edit(report, "    bureau_cases: 40\n    text", "    text")
    sheet.set_number(report, "penalties.bureau_cases", "=", ONTOLOGY)
    assert _sources(report)["bureau_cases"] == f"沿用上年（drafter ask {TODAY}）"


def test_the_wizard_records_each_number_and_a_cleared_one_clears_its_source(report):
    store = Store(report)
    store.set_value("penalties", "bureau_cases", 45)
    store.set_fact("penalties", "参考率", "99.1%")
    store.set_value("penalties", "system_cases", 870, source=sources.same())
    found = _sources(report)
    assert found["bureau_cases"] == found["参考率"] == f"drafter ask {TODAY}"
    assert found["system_cases"] == "沿用上年"
    store.set_value("penalties", "system_cases", None)
    store.set_fact("penalties", "听证会", "xx场")  # still to fill: no source
    store.set_value("penalties", "text", "立案{bureau_cases}，参考率{参考率}。")  # text is no number
    found = _sources(report)
    assert set(found) == {"bureau_cases", "参考率"}
    store.set_value("penalties", "bureau_cases", None)
    store.set_fact("penalties", "参考率", "xx%")
    assert "sources:" not in report.read_text(encoding="utf-8")  # nothing left: the key goes too


def test_rollup_records_the_districts_it_added(tmp_path):
    outline = "outline:\n  parts:\n    - sections: [penalties]\n"
    city = tmp_path / "city.yaml"
    city.write_text("report:\n  issuer: 某市应急管理局\n  year: 2024\n" + outline
                    + "answers:\n  penalties:\n    bureau_cases: 50\n", encoding="utf-8")
    districts = []
    for name, cases in (("甲区", 30), ("乙区", 20)):
        path = tmp_path / f"{name}.yaml"
        path.write_text(f"report:\n  issuer: 某市{name}应急管理局\n  year: 2024\n{outline}"
                        f"answers:\n  penalties:\n    system_cases: {cases}\n", encoding="utf-8")
        districts.append(path)
    _sums, written = rollup(city, districts, ONTOLOGY)
    assert written == 1
    assert _sources(city)["system_cases"] == "汇总：市局本级和2个区县（某市甲区、某市乙区）"


def test_next_starts_the_year_without_sources(report):
    rolled = roll_forward(yamlio.load(report), ONTOLOGY).document
    text = rolled.dumps()
    assert "sources" not in text and "执法支队" not in text
    rolled.save(report.with_name("2026.yaml"))
    assert answers_mod.load(report.with_name("2026.yaml"), ONTOLOGY).sources == {}


# ---------------------------------------------------------------- check


def test_check_hints_at_each_printed_number_without_a_source(report):
    findings = [f for f in check(report, ontology=ONTOLOGY) if f.rule == "sources"]
    lines = report.read_text(encoding="utf-8").splitlines()
    assert {f.location.field for f in findings} == {"answers.penalties.bureau_cases", "answers.penalties.facts.参考率"}
    assert all(f.severity == "提示" for f in findings)
    bureau = next(f for f in findings if f.location.field == "answers.penalties.bureau_cases")
    assert lines[bureau.location.line - 1].strip() == "bureau_cases: 40"
    assert "没有注明来源" in bureau.problem and "40件" in bureau.problem


def test_check_says_once_when_no_number_has_a_source_and_sums_up_after_a_handful(report):
    _edit(report, "      system_cases: 数字表.xlsx 第3行（执法支队）  # 支队 1 月 5 日报送\n      听证会: drafter ask 2026-01-10\n",
          "      听证会: x\n")
    text = report.read_text(encoding="utf-8")
    many = "".join(f"      事实{n}: {n + 3}件\n" for n in range(8))
    report.write_text(text.replace("      参考率: 98.6%\n", "      参考率: 98.6%\n" + many).replace(
        "参考率{参考率}。", "参考率{参考率}。" + "".join(f"{{事实{n}}}" for n in range(8))), encoding="utf-8")
    findings = [f for f in check(report, ontology=ONTOLOGY) if f.rule == "sources"]
    assert len(findings) == 6  # 11 of 12 without a source: 5 one by one, then one line for the other 6
    assert re.match(r"另有 6 个数字没有注明来源（依法从严查处安全生产违法行为：事实2、事实3、事实4、事实5、事实6……）", findings[-1].problem)
    _edit(report, "      听证会: x\n", "")
    _edit(report, "    sources:\n", "")
    findings = [f for f in check(report, ontology=ONTOLOGY) if f.rule == "sources"]
    assert [f.problem for f in findings] == ["报告写出的 12 个数字都没有注明来源"]


def test_a_number_the_report_does_not_print_needs_no_source(report):
    _edit(report, "本级{bureau_cases}，", "")
    assert [e.key for e in entries(answers_mod.load(report, ONTOLOGY), ONTOLOGY)] == [
        "system_cases", "facts.听证会", "facts.参考率"]


def test_check_sources_prints_the_table_to_sign(report, capsys):
    assert main(["check", str(report), "--sources"]) == 0
    out = capsys.readouterr().out
    assert "数字来源审核表：青岚县应急管理局2025年法治政府建设年度报告" in out
    assert re.search(r"1\. .*：861件　来源：数字表\.xlsx 第3行（执法支队）", out)
    assert "报告中：立案【  】件，本级40件，听证24场，参考率98.6%" in out
    assert "来源：（未注明）" in out and "共 4 个数字，已注明来源 2 个，未注明 2 个。" in out
    assert "审核人：" in out
    assert main(["check", str(report), "--sources", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    first = data["numbers"][0]
    assert (first["key"], first["value"], first["source"]) == ("system_cases", "861件", "数字表.xlsx 第3行（执法支队）")
    assert "【  】" in first["sentence"] and data["unsourced"] == 2


# ---------------------------------------------------------------- the sheet keeps written decimals


def test_an_xlsx_cell_keeps_the_decimals_it_shows(report):
    _edit(report, "      参考率: 98.6%\n", "      参考率: 98.6%\n      经费: 3.50万元\n")
    _edit(report, "参考率{参考率}。", "参考率{参考率}，经费{经费}。")
    _edit(report, "        听证会: 20场\n", "        听证会: 20场\n        经费: 3.00万元\n")
    out = report.with_name("数字表.xlsx")
    sheet.write(report, out, ONTOLOGY)
    book = load_workbook(out)
    page = book.worksheets[0]
    header = [c.value for c in page[1]]
    now, before, key = header.index("今年") + 1, header.index("上年") + 1, header.index("键") + 1
    row = next(r for r in range(2, page.max_row + 1) if page.cell(r, key).value == "penalties.facts.经费")
    assert page.cell(row, now).value == 3.5 and page.cell(row, now).number_format == "0.00"
    assert page.cell(row, before).value == 3 and page.cell(row, before).number_format == "0.00"
    page.cell(row, now).value = 4.2  # typed over: Excel shows 4.20, and keeps its format
    book.save(out)
    sheet.fill(report, out, ONTOLOGY)
    assert "经费: 4.20万元" in report.read_text(encoding="utf-8")
