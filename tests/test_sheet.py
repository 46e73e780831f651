"""The numbers sheet (drafter numbers): out to .xlsx/.csv and back, all rows or none."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from drafter import answers as answers_mod
from drafter import sheet, yamlio
from drafter.errors import DrafterError
from drafter.ontology import load
from tests.conftest import run_drafter

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = load()

ANSWERS = """\
# 我局的报告（注释要保留）
report:
  issuer: 青岚县应急管理局
  year: 2025
outline:
  parts:
    - sections: [penalties]
    - heading: 其他
      sections:
        - {id: own_形势, heading: 安全形势平稳}
answers:
  penalties:
    system_cases: 861  # 全系统
    text: 立案{system_cases}，听证{听证会}，参考率{参考率}，罚款{罚款}。
    facts:
      听证会: xx场
      参考率: 98.6%
      罚款:
        value: xx
        unit: 元
        label: 罚款金额
    previous_year:
      system_cases: 790
      bureau_cases: 40
      facts:
        听证会: 20场
  own_形势:
    text: 全年发生事故{事故}。
    facts:
      事故: 3起
"""


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "报告.yaml"
    path.write_text(ANSWERS, encoding="utf-8")
    return path


def _rows(path: Path) -> list[list]:
    if path.suffix == ".xlsx":
        return [list(r) for r in load_workbook(path).worksheets[0].iter_rows(values_only=True)]
    return [list(r) for r in csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")))]


def _fill(path: Path, values: dict[str, object], encoding: str = "utf-8-sig") -> Path:
    """The sheet with 今年 set for the given keys, saved as a colleague's program would."""
    rows = _rows(path)
    for row in rows[1:]:
        if row[sheet.KEY] in values:
            row[sheet.CURRENT] = values[row[sheet.KEY]]
    out = path.with_name("填好的" + path.name)
    if path.suffix == ".xlsx":
        book = load_workbook(path)
        page = book.worksheets[0]
        for n, row in enumerate(rows, 1):
            page.cell(n, sheet.CURRENT + 1, row[sheet.CURRENT])
        book.save(out)
    else:
        with open(out, "w", encoding=encoding, newline="") as handle:
            csv.writer(handle).writerows(rows)
    return out


def test_rows_are_the_numbers_of_the_outline(report):
    answers = answers_mod.load(report, ONTOLOGY)
    rows = {r.key: r for r in sheet.rows(answers, ONTOLOGY)}
    cases = rows["penalties.system_cases"]
    assert (cases.previous, cases.current, cases.unit) == (790, 861, "件")
    assert rows["penalties.bureau_cases"].previous == 40 and rows["penalties.bureau_cases"].current is None
    assert rows["penalties.facts.听证会"].previous == 20 and rows["penalties.facts.听证会"].unit == "场"
    assert rows["penalties.facts.参考率"].current == 98.6 and rows["penalties.facts.参考率"].unit == "%"
    assert rows["penalties.facts.罚款"].spec.prompt == "罚款金额"
    assert rows["own_形势.facts.事故"].current == 3
    assert all(r.spec.type in ("count", "money", "percent", "number") for r in rows.values())
    assert not any(k.startswith(("credit.", "intro.")) for k in rows)  # only the outline's sections


@pytest.mark.parametrize("kind", [".xlsx", ".csv"])
def test_sheet_round_trips(report, kind):
    out = report.with_name("数字表" + kind)
    sheet.write(report, out, ONTOLOGY)
    rows = _rows(out)
    assert rows[0] == list(sheet.COLUMNS)
    if kind == ".xlsx":
        assert load_workbook(out).worksheets[0].column_dimensions[sheet._column_letter(sheet.KEY)].hidden  # the key
    before = report.read_bytes()
    same = _fill(out, {})
    assert sheet.fill(report, same, ONTOLOGY) == []  # the sheet as written changes nothing
    assert report.read_bytes() == before
    filled = _fill(out, {"penalties.system_cases": 900, "penalties.bureau_cases": "80余",
                         "penalties.facts.听证会": "24", "penalties.facts.罚款": 53887.5,
                         "penalties.facts.参考率": "99%", "own_形势.facts.事故": 2})
    changes = sheet.fill(report, filled, ONTOLOGY)
    assert len(changes) == 6
    text = report.read_text(encoding="utf-8")
    assert "# 我局的报告（注释要保留）" in text and "system_cases: 900  # 全系统" in text
    assert "听证会: 24场" in text and "value: 53887.5" in text and "label: 罚款金额" in text
    answers = answers_mod.load(report, ONTOLOGY)
    assert answers.values["penalties"]["bureau_cases"] == "80余"
    assert answers.facts["penalties"]["参考率"].value == 99
    assert answers.facts["own_形势"]["事故"].value == 2
    assert text.index("bureau_cases") < text.index("previous_year")  # new keys before last year's
    again = sheet.write(report, report.with_name("again" + kind), ONTOLOGY)
    # .csv: its last row is the record; the row heading the numbers the report does not print has no key
    assert again == len([r for r in rows[1:] if r[sheet.KEY] and not r[sheet.KEY].startswith(sheet.ORIGIN_MARK)])


def test_a_percent_formatted_excel_cell_is_read_as_typed(report):
    out = report.with_name("数字表.xlsx")
    sheet.write(report, out, ONTOLOGY)
    book = load_workbook(out)
    page = book.worksheets[0]
    for row in page.iter_rows(min_row=2):
        if row[sheet.KEY].value == "penalties.facts.参考率":
            row[sheet.CURRENT].value = 0.991  # typed as 99.1% in Excel
            row[sheet.CURRENT].number_format = "0.0%"
    book.save(out)
    sheet.fill(report, out, ONTOLOGY)
    assert answers_mod.load(report, ONTOLOGY).facts["penalties"]["参考率"].value == 99.1


def test_empty_cell_leaves_the_answer_and_equals_copies_last_year(report):
    out = report.with_name("数字表.csv")
    sheet.write(report, out, ONTOLOGY)
    filled = _fill(out, {"penalties.system_cases": "", "penalties.bureau_cases": "=", "penalties.facts.参考率": "，"})
    sheet.fill(report, filled, ONTOLOGY)
    answers = answers_mod.load(report, ONTOLOGY)
    assert answers.values["penalties"]["system_cases"] == 861
    assert answers.values["penalties"]["bureau_cases"] == 40
    assert answers.facts["penalties"]["参考率"].value == 98.6  # a cell of marks only is empty too


def test_gbk_csv_is_read(report):
    out = report.with_name("数字表.csv")
    sheet.write(report, out, ONTOLOGY)
    filled = _fill(out, {"penalties.system_cases": "3万余"}, encoding="gbk")
    sheet.fill(report, filled, ONTOLOGY)
    assert answers_mod.load(report, ONTOLOGY).values["penalties"]["system_cases"] == "3万余"


BAD_CELLS = [
    ("penalties.system_cases", "-3", "不能是负数"),
    ("penalties.system_cases", "八百", "应为整数"),
    ("penalties.system_cases", "3.5", "应为整数"),
    ("penalties.system_amount", "1.1万", "单位已是万元"),
    ("penalties.facts.参考率", "九成", "应为数字"),
    ("penalties.system_amount", "=", "没有上年"),
]


@pytest.mark.parametrize("kind", [".xlsx", ".csv"])
@pytest.mark.parametrize("key,value,message", BAD_CELLS)
def test_a_bad_cell_is_refused_with_its_row_and_nothing_is_written(report, kind, key, value, message):
    out = report.with_name("数字表" + kind)
    sheet.write(report, out, ONTOLOGY)
    keys = [r[sheet.KEY] for r in _rows(out)]
    filled = _fill(out, {"penalties.bureau_cases": 5, key: value})  # a good row before the bad one
    before = report.read_bytes()
    with pytest.raises(DrafterError) as caught:
        sheet.fill(report, filled, ONTOLOGY)
    error = caught.value
    assert message in error.message
    assert error.location.line == keys.index(key) + 1 and error.location.column == sheet.CURRENT + 1
    assert f"第 {keys.index(key) + 1} 行 F 列（今年）" in str(error)  # F: after the sentence column
    assert report.read_bytes() == before


def test_unknown_and_duplicate_rows_are_refused(report):
    out = report.with_name("数字表.csv")
    sheet.write(report, out, ONTOLOGY)
    rows = _rows(out)
    unknown = report.with_name("unknown.csv")
    with open(unknown, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([*rows, ["", "", "", "", "", "5", "", "penalties.no_such_field"]])
    with pytest.raises(DrafterError, match=f"第 {len(rows) + 1} 行 H 列.*不是本报告提纲中的任何一项数字"):
        sheet.fill(report, unknown, ONTOLOGY)
    twice = report.with_name("twice.csv")
    with open(twice, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([*rows, rows[1]])
    with pytest.raises(DrafterError, match=f"第 {len(rows) + 1} 行.*重复出现（第 2 行已有）"):
        sheet.fill(report, twice, ONTOLOGY)
    keyless = report.with_name("keyless.csv")
    with open(keyless, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([*rows, ["", "", "", "", "", "5", "", ""]])
    with pytest.raises(DrafterError, match="没有“键”"):
        sheet.fill(report, keyless, ONTOLOGY)
    headless = report.with_name("headless.csv")
    headless.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(DrafterError, match="找不到表头"):
        sheet.fill(report, headless, ONTOLOGY)


@pytest.mark.parametrize("value", ["861", "80余", "3万余", "1.1万", "xx", "近3000", "-3", "3.5", "八百", "1e3",
                                   "true", "2023-01-01", "１２", "0", "  12 ", ".", "，"])
def test_sheet_accepts_exactly_what_build_accepts(report, value):
    out = report.with_name("数字表.csv")
    sheet.write(report, out, ONTOLOGY)
    filled = _fill(out, {"penalties.system_cases": value})
    try:
        sheet.fill(report, filled, ONTOLOGY)
        by_sheet = True
    except DrafterError:
        by_sheet = False
    text = ANSWERS.replace("system_cases: 861  # 全系统", f"system_cases: {value.strip()}")
    try:
        answers_mod.from_document(yamlio.loads(text, Path("t.yaml")), ONTOLOGY)
        by_build = True
    except DrafterError:
        by_build = False
    assert by_sheet == by_build


@pytest.mark.slow  # the command line in several subprocesses
def test_cli_writes_and_fills_with_chinese_messages(report, tmp_path):
    out = tmp_path / "数字表.xlsx"
    result = run_drafter("numbers", str(report), "-o", str(out))
    assert result.returncode == 0 and "已生成数字表" in result.stdout, result.stderr
    filled = _fill(out, {"penalties.system_cases": 901})
    result = run_drafter("numbers", str(report), "--fill", str(filled))
    assert result.returncode == 0 and "861 → 901件" in result.stdout and "已填入 1 项数字" in result.stdout
    bad = _fill(out, {"penalties.system_cases": -1})
    result = run_drafter("numbers", str(report), "--fill", str(bad))
    assert result.returncode == 1 and result.stderr.startswith("错误：") and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    result = run_drafter("numbers", str(report))
    assert result.returncode == 1 and "二者之一" in result.stderr and "argument" not in result.stderr
    result = run_drafter("numbers", str(report), "-o", str(tmp_path / "x.txt"))
    assert result.returncode == 1 and ".xlsx" in result.stderr
    result = run_drafter("numbers", str(report), "-o", str(report))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    not_a_workbook = tmp_path / "坏.xlsx"
    not_a_workbook.write_bytes(b"not a zip")
    result = run_drafter("numbers", str(report), "--fill", str(not_a_workbook))
    assert result.returncode == 1 and "无法读取" in result.stderr


RECORDS = """\
report:
  issuer: 青岚县应急管理局
  year: 2025
outline:
  parts:
    - sections: [hazard_rectification]
answers:
  hazard_rectification:
    campaigns:
      - name: 岁末年初隐患排查整治
        hazards: 120
      - name: 治本攻坚行动
    previous_year:
      campaigns:
        - name: 治本攻坚行动
          hazards: 90
"""


def test_numbers_inside_records_are_rows_keyed_by_place(tmp_path):
    path = tmp_path / "r.yaml"
    spec = ONTOLOGY.sections["hazard_rectification"].field("campaigns")
    name = next(s.id for s in spec.fields if s.type == "text")
    path.write_text(RECORDS.replace("name:", f"{name}:"), encoding="utf-8")
    answers = answers_mod.load(path, ONTOLOGY)
    rows = {r.key: r for r in sheet.rows(answers, ONTOLOGY)}
    first, second = rows["hazard_rectification.campaigns[1].hazards"], rows["hazard_rectification.campaigns[2].hazards"]
    assert first.current == 120 and first.previous is None and "岁末年初隐患排查整治" in first.label
    assert second.current is None and second.previous == 90  # last year's record of the same name
    out = tmp_path / "r.csv"
    sheet.write(path, out, ONTOLOGY)
    sheet.fill(path, _fill(out, {"hazard_rectification.campaigns[2].hazards": "="}), ONTOLOGY)
    again = answers_mod.load(path, ONTOLOGY).values["hazard_rectification"]["campaigns"]
    assert [r["hazards"] for r in again] == [120, 90]


@pytest.mark.slow  # every example, as .xlsx and as .csv
@pytest.mark.parametrize("kind", [".xlsx", ".csv"])
@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_round_trips_unchanged(tmp_path, example, kind):
    path = tmp_path / example.name
    path.write_bytes(example.read_bytes())
    out = tmp_path / f"数字表{kind}"
    assert sheet.write(path, out, ONTOLOGY) > 0
    assert sheet.fill(path, out, ONTOLOGY) == []
    assert path.read_bytes() == example.read_bytes()


def test_the_sheet_lists_what_the_report_prints_first_with_its_sentence(report):
    out = report.with_name("数字表.csv")
    sheet.write(report, out, ONTOLOGY)
    rows = _rows(out)
    keys = [r[sheet.KEY] for r in rows]
    heading = next(n for n, r in enumerate(rows) if r[sheet.LABEL] == sheet.OTHERS_HEADING)
    # the text prints system_cases and its facts; bureau_cases and the template's other fields it does not
    assert keys.index("penalties.system_cases") < heading < keys.index("penalties.bureau_cases")
    assert keys.index("penalties.facts.听证会") < heading and keys.index("own_形势.facts.事故") < heading
    assert rows[keys.index("penalties.facts.听证会")][sheet.SENTENCE] == "立案861件，听证【  】场，参考率98.6%，罚款xx元"
    assert rows[keys.index("own_形势.facts.事故")][sheet.SENTENCE] == "全年发生事故【  】起"
    assert rows[heading][sheet.KEY] == ""


def test_a_value_filled_for_a_number_nothing_prints_is_warned_a_line_each(report):
    out = report.with_name("数字表.csv")
    sheet.write(report, out, ONTOLOGY)
    changes = sheet.fill(report, _fill(out, {"penalties.bureau_cases": 45, "penalties.system_cases": 870}), ONTOLOGY)
    assert len(changes) == 2  # saved all the same
    warnings = sheet.warnings(changes)
    assert len(warnings) == 1 and "本局（本级）行政处罚案件数" in warnings[0] and "不会写入报告" in warnings[0]


def test_an_old_sheet_without_the_sentence_column_is_read_back(report):
    out = report.with_name("数字表.csv")
    sheet.write(report, out, ONTOLOGY)
    old = report.with_name("旧数字表.csv")
    # as drafter wrote it before: no sentence, no 提供单位
    rows = [[v for n, v in enumerate(r) if n not in (sheet.SENTENCE, sheet.PROVIDER)] for r in _rows(out)]
    for row in rows:
        if row[-1] == "penalties.system_cases":
            row[-2] = "870"
    with open(old, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    assert [c.value for c in sheet.fill(report, old, ONTOLOGY)] == [870]
