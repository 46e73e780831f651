"""Wrong results are not reported as success (issue 18): rollup counts each district once and
only districts of the city; a numbers sheet goes back only into the answers file it was made
from, and every sheet it cannot read is one Chinese line. All through the real command line."""
from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from drafter import cli, sheet, yamlio

OUTLINE = """\
outline:
  parts:
    - heading: 严格规范执法
      sections: [penalties]
"""
CITY = f"report:\n  issuer: 某市应急管理局\n  year: 2024\n{OUTLINE}answers:\n  penalties:\n    bureau_cases: 20\n"


def district(issuer: str, cases: int, year: int = 2024) -> str:
    return f"report:\n  issuer: {issuer}\n  year: {year}\n{OUTLINE}answers:\n  penalties:\n    system_cases: {cases}\n"


def drafter(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_chinese_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("错误："), err
    assert "内部错误" not in err and "Traceback" not in err
    assert not re.search(r"\b(field|larger|limit|expected|found|Error)\b", err), err
    return lines[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def city(tmp_path) -> tuple[Path, Path]:
    """某市 (20 of its own) with 甲区 400 and 乙区 200 in a folder: 620 in all."""
    folder = tmp_path / "各区县"
    folder.mkdir()
    (folder / "甲区.yaml").write_text(district("某市甲区应急管理局", 400), encoding="utf-8")
    (folder / "乙区.yaml").write_text(district("某市乙区应急管理局", 200), encoding="utf-8")
    path = tmp_path / "市局.yaml"
    path.write_text(CITY, encoding="utf-8")
    return path, folder


def system_cases(path: Path):
    return yamlio.load(path).data["answers"]["penalties"].get("system_cases")


def test_rollup_of_the_folder_as_it_should_be(city, capsys):  # the baseline the cases below depart from
    path, folder = city
    code, out, err = drafter(capsys, "rollup", path, folder)
    assert code == 0 and "合计 620件" in out and err == "", err
    assert system_cases(path) == 620


# ---- rollup: one district once -------------------------------------------------------------

def test_a_copy_of_a_district_is_refused_naming_both_files(city, capsys):
    path, folder = city
    (folder / "乙区(1).yaml").write_bytes((folder / "乙区.yaml").read_bytes())
    before = snapshot(path.parent)
    code, _, err = drafter(capsys, "rollup", path, folder)
    line = one_chinese_line(err)
    assert code == 1 and "乙区(1).yaml" in line and "乙区.yaml" in line and "某市乙区应急管理局" in line
    assert snapshot(path.parent) == before  # not 820


def test_the_same_district_spelled_shorter_is_still_one_district(city, capsys):
    path, folder = city
    (folder / "乙区-副本.yaml").write_text(district("乙区应急管理局", 200), encoding="utf-8")
    before = snapshot(path.parent)
    code, _, err = drafter(capsys, "rollup", path, folder)
    line = one_chinese_line(err)
    assert code == 1 and "乙区-副本.yaml" in line and "乙区.yaml" in line
    assert snapshot(path.parent) == before


def test_a_hard_link_of_a_district_is_refused_naming_both_files(city, capsys):
    path, folder = city
    os.link(folder / "乙区.yaml", path.parent / "乙区-链接.yaml")
    before = snapshot(path.parent)
    code, _, err = drafter(capsys, "rollup", path, folder, path.parent / "乙区-链接.yaml")
    line = one_chinese_line(err)
    assert code == 1 and "乙区-链接.yaml" in line and "乙区.yaml" in line and "同一个文件" in line
    assert snapshot(path.parent) == before


def test_a_hard_link_of_the_city_file_among_the_districts_is_skipped_with_a_word(city, capsys):
    path, folder = city
    os.link(path, folder / "市局-链接.yaml")  # the city's own figure must not be added twice
    code, out, err = drafter(capsys, "rollup", path, folder)
    assert code == 0 and "合计 620件" in out, out + err
    notes = [line for line in err.splitlines() if line.strip()]
    assert len(notes) == 1 and notes[0].startswith("提示：") and "市局-链接.yaml" in notes[0], err
    assert "内部错误" not in err
    assert system_cases(path) == 620


def test_a_copy_of_the_city_file_among_the_districts_is_refused(city, capsys):
    path, folder = city
    (folder / "市局(1).yaml").write_bytes(path.read_bytes())
    before = snapshot(path.parent)
    code, _, err = drafter(capsys, "rollup", path, folder)
    line = one_chinese_line(err)
    assert code == 1 and "市局(1).yaml" in line and "市局.yaml" in line and "某市应急管理局" in line
    assert snapshot(path.parent) == before


# ---- rollup: only districts of the city ----------------------------------------------------

def test_a_district_of_another_city_is_refused(city, capsys):
    path, folder = city
    (folder / "福田区.yaml").write_text(district("深圳市福田区应急管理局", 70), encoding="utf-8")
    before = snapshot(path.parent)
    code, _, err = drafter(capsys, "rollup", path, folder)
    line = one_chinese_line(err)
    assert code == 1 and "福田区.yaml" in line and "深圳市福田区应急管理局" in line and "某市" in line
    assert snapshot(path.parent) == before


def test_a_district_that_does_not_name_the_city_is_named(city, capsys):
    path, folder = city
    (folder / "丙区.yaml").write_text(district("丙区应急管理局", 30), encoding="utf-8")
    code, out, err = drafter(capsys, "rollup", path, folder)
    assert code == 0 and "合计 650件" in out
    notes = [line for line in err.splitlines() if line.strip()]
    assert len(notes) == 1 and notes[0].startswith("提示：") and "丙区.yaml" in notes[0] and "某市" in notes[0], err


# ---- numbers: a sheet goes back into the file it was made from ----------------------------

ANSWERS = """\
report:
  issuer: 青岚县应急管理局
  year: 2025
outline:
  parts:
    - sections: [penalties]
answers:
  penalties:
    system_cases: 861
    previous_year:
      system_cases: 790
"""


@pytest.fixture
def report(tmp_path) -> Path:
    path = tmp_path / "青岚.yaml"
    path.write_text(ANSWERS, encoding="utf-8")
    return path


def _set_current(sheet_path: Path, key: str, value) -> None:
    if sheet_path.suffix == ".xlsx":
        book = load_workbook(sheet_path)
        page = book.worksheets[0]
        for row in page.iter_rows(min_row=2):
            if row[sheet.KEY].value == key:
                row[sheet.CURRENT].value = value
        book.save(sheet_path)
        return
    rows = list(csv.reader(io.StringIO(sheet_path.read_bytes().decode("utf-8-sig"))))
    for row in rows:
        if len(row) > sheet.KEY and row[sheet.KEY] == key:
            row[sheet.CURRENT] = value
    with open(sheet_path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)


@pytest.mark.parametrize("kind", [".xlsx", ".csv"])
@pytest.mark.parametrize("other", [("青岚县应急管理局", "云溪县应急管理局"), ("year: 2025", "year: 2026")],
                         ids=["another bureau", "another year"])
def test_a_sheet_made_from_another_answers_file_is_refused(report, capsys, kind, other):
    sheet_path = report.with_name("数字表" + kind)
    code, _, err = drafter(capsys, "numbers", report, "-o", sheet_path)
    assert code == 0, err
    _set_current(sheet_path, "penalties.system_cases", 900)
    elsewhere = report.with_name("云溪.yaml")
    elsewhere.write_text(ANSWERS.replace(*other), encoding="utf-8")
    before = snapshot(report.parent)
    code, _, err = drafter(capsys, "numbers", elsewhere, "--fill", sheet_path)
    line = one_chinese_line(err)
    assert code == 1 and "青岚.yaml" in line and "云溪.yaml" in line
    assert ("云溪县应急管理局" in line) if "云溪" in other[1] else ("2026" in line and "2025" in line)
    assert snapshot(report.parent) == before
    code, out, err = drafter(capsys, "numbers", report, "--fill", sheet_path)  # its own file takes it
    assert code == 0 and "861 → 900件" in out, err


def test_a_formula_without_a_saved_result_is_refused_naming_the_cell(report, capsys):
    sheet_path = report.with_name("数字表.xlsx")
    assert drafter(capsys, "numbers", report, "-o", sheet_path)[0] == 0
    _set_current(sheet_path, "penalties.system_cases", "=800+100")  # openpyxl saves no result
    row = next(n for n, r in enumerate(load_workbook(sheet_path).worksheets[0].iter_rows(values_only=True), 1)
               if r[sheet.KEY] == "penalties.system_cases")
    before = snapshot(report.parent)
    code, _, err = drafter(capsys, "numbers", report, "--fill", sheet_path)
    line = one_chinese_line(err)
    assert code == 1 and f"{sheet._column_letter(sheet.CURRENT)}{row} 是公式，但没有保存计算结果" in line and "打开并保存" in line
    assert snapshot(report.parent) == before


def test_a_formula_with_its_saved_result_is_read(report, capsys):  # guard: the refusal above is for no result only
    sheet_path = report.with_name("数字表.xlsx")
    assert drafter(capsys, "numbers", report, "-o", sheet_path)[0] == 0
    _set_current(sheet_path, "penalties.system_cases", "=800+100")
    saved = sheet_path.with_name("存过的.xlsx")  # as Excel saves it: the formula and its result
    with zipfile.ZipFile(sheet_path) as source, zipfile.ZipFile(saved, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<f>800+100</f><v></v>", b"<f>800+100</f><v>900</v>")
                data = data.replace(b"<f>800+100</f></c>", b"<f>800+100</f><v>900</v></c>")
                assert b"<v>900</v>" in data
            target.writestr(item, data)
    code, out, err = drafter(capsys, "numbers", report, "--fill", saved)
    assert code == 0 and "861 → 900件" in out, err


def test_a_csv_cell_over_the_field_limit_is_one_chinese_line_with_its_row(report, capsys):
    sheet_path = report.with_name("数字表.csv")
    assert drafter(capsys, "numbers", report, "-o", sheet_path)[0] == 0
    rows = list(csv.reader(io.StringIO(sheet_path.read_bytes().decode("utf-8-sig"))))
    rows[1][1] = "很长" * 70000  # 140,000 characters in row 2
    with open(sheet_path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    before = snapshot(report.parent)
    code, _, err = drafter(capsys, "numbers", report, "--fill", sheet_path)
    line = one_chinese_line(err)
    assert code == 1 and "第 2 行" in line
    assert snapshot(report.parent) == before


def test_fill_from_a_missing_workbook_says_it_is_not_there(report, capsys):
    before = snapshot(report.parent)
    code, _, err = drafter(capsys, "numbers", report, "--fill", report.with_name("没有.xlsx"))
    line = one_chinese_line(err)
    assert code == 1 and "找不到文件" in line and "不是 Excel 工作簿" not in line
    assert snapshot(report.parent) == before


def test_numbers_output_onto_the_answers_file_or_a_folder_is_refused(report, capsys):
    before = snapshot(report.parent)
    code, _, err = drafter(capsys, "numbers", report, "-o", report)
    assert code == 1 and "输入文件本身" in one_chinese_line(err)
    (report.parent / "表格").mkdir()
    code, _, err = drafter(capsys, "numbers", report, "-o", report.parent / "表格")
    assert code == 1 and "文件夹" in one_chinese_line(err)
    assert snapshot(report.parent) == before


@pytest.mark.parametrize("option", ["-o", "--fill"])
@pytest.mark.parametrize("name", ["数字表.xls", "数字表.et", "数字表.ods"])
def test_another_spreadsheet_format_is_named_with_the_way_out(report, capsys, option, name):
    target = report.with_name(name)
    if option == "--fill":
        target.write_bytes(b"\xd0\xcf\x11\xe0")  # an old-format workbook's first bytes
    before = snapshot(report.parent)
    code, _, err = drafter(capsys, "numbers", report, option, target)
    line = one_chinese_line(err)
    assert code == 1 and Path(name).suffix in line and ("改为 .xlsx" if option == "-o" else "另存为 .xlsx") in line
    assert snapshot(report.parent) == before


@pytest.mark.parametrize("encoding, delimiter", [("utf-16", "\t"), ("utf-8-sig", ";"), ("gb18030", ",")],
                         ids=["Excel Unicode text", "semicolons", "GBK"])
def test_a_csv_saved_another_way_is_read(report, capsys, encoding, delimiter):
    sheet_path = report.with_name("数字表.csv")
    assert drafter(capsys, "numbers", str(report), "-o", str(sheet_path))[0] == 0
    _set_current(sheet_path, "penalties.system_cases", "900")
    rows = list(csv.reader(io.StringIO(sheet_path.read_bytes().decode("utf-8-sig"))))
    with open(sheet_path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    code, out, err = drafter(capsys, "numbers", str(report), "--fill", str(sheet_path))
    assert code == 0 and "已填入 1 项" in out, err
    assert system_cases(report) == 900
