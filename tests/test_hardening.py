"""Real-world input never loses a file, hangs, or ends in 内部错误 (issue: hardening).

Each class of bad input gets one located Chinese line and exit 1; each writing command
refuses to overwrite its input and leaves existing files alone when it cannot succeed.
"""
from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest

from drafter import cli, fields, types
from drafter.writers.title import break_title, width
from drafter.yamlio import MAX_NAME_BYTES, safe_filename
from tests.conftest import DEMO_ANSWERS, run_drafter

LOCATED = re.compile(r"^错误：[^：\n]+:\d+:\d+：")


def drafter(capsys, *args: str) -> tuple[int, str, str]:
    """The real command line, in this process (fast); returns (exit code, stdout, stderr)."""
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_chinese_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "内部错误" not in err and "Traceback" not in err
    assert not re.search(r"\b(expected|found|while|but got|Error)\b", err), err
    return lines[0]


def write(tmp_path: Path, text: str, name: str = "report.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---- 1. never overwrite the input ------------------------------------------------------

@pytest.mark.parametrize("output", ["report.yaml", "./sub/../report.yaml", "link.yaml"])
@pytest.mark.parametrize("fmt", [[], ["--format", "md"], ["--format", "docx"]])
def test_build_refuses_to_write_onto_its_answers_file(tmp_path, demo, capsys, monkeypatch, output, fmt):
    path = write(tmp_path, DEMO_ANSWERS)
    (tmp_path / "sub").mkdir()
    os.link(path, tmp_path / "link.yaml")  # the same file under another name
    monkeypatch.chdir(tmp_path)
    code, _, err = drafter(capsys, "build", "report.yaml", "-o", output, *fmt)
    assert code == 1
    assert "输出文件不能是输入文件本身" in one_chinese_line(err)
    assert path.read_text(encoding="utf-8") == DEMO_ANSWERS


def test_next_refuses_its_own_input_and_a_folder(tmp_path, demo, capsys):
    path = write(tmp_path, DEMO_ANSWERS, "report-2023.yaml")
    code, _, err = drafter(capsys, "next", str(path), "-o", str(tmp_path / "." / "report-2023.yaml"))
    assert code == 1 and "相同" in one_chinese_line(err)
    code, _, err = drafter(capsys, "next", str(path), "-o", str(tmp_path))
    assert code == 1 and "是一个文件夹" in one_chinese_line(err) and "已存在" not in err
    assert path.read_text(encoding="utf-8") == DEMO_ANSWERS


def test_next_force_keeps_the_target_when_the_roll_would_not_load(tmp_path, demo, capsys):
    source = write(tmp_path, DEMO_ANSWERS.replace("year: 2023", "year: 2100"), "report-2100.yaml")
    target = write(tmp_path, "# 用户已有的明年文件\n", "target.yaml")
    code, _, err = drafter(capsys, "next", str(source), "-o", str(target), "--force")
    assert code == 1
    assert "没有写入" in one_chinese_line(err) and "2101" in err
    assert target.read_text(encoding="utf-8") == "# 用户已有的明年文件\n"


def test_next_turns_a_multiline_problem_into_a_one_line_follow_up_item(tmp_path, capsys):
    from drafter import answers, ontology
    source = write(tmp_path, """\
report:
  issuer: 测试县应急管理局
  year: 2024
outline:
  parts:
    - heading: 存在的不足
      sections: [problems]
answers:
  problems:
    items:
      - detail: |
          执法人员偏少
          专业能力不足。
          第三行
""", "r-2024.yaml")
    code, _, err = drafter(capsys, "next", str(source))
    assert code == 0, err
    rolled = answers.load(tmp_path / "r-2025.yaml", ontology.load())
    item = rolled.values["previous_followup"]["items"][0]
    assert item["problem"] == "执法人员偏少，专业能力不足。"


@pytest.mark.parametrize("failure, reason", [
    (errno.ENOSPC, "磁盘已满"), (errno.EROFS, "只读文件系统"), (errno.EACCES, "权限不足"),
])
def test_write_failures_are_reported_in_chinese_and_leave_the_target(tmp_path, demo, capsys, monkeypatch,
                                                                     failure, reason):
    source = write(tmp_path, DEMO_ANSWERS, "report-2023.yaml")
    target = write(tmp_path, "旧内容\n", "report-2024.yaml")

    def refuse(*args, **kwargs):
        raise OSError(failure, os.strerror(failure))
    monkeypatch.setattr(os, "replace", refuse)
    for args in (["next", str(source), "--force"], ["build", str(source), "-o", str(target), "--format", "md"]):
        code, _, err = drafter(capsys, *args)
        assert code == 1
        assert f"（{reason}）" in one_chinese_line(err)
        assert target.read_text(encoding="utf-8") == "旧内容\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # nothing half-written left


def test_next_into_a_missing_folder(tmp_path, demo, capsys):
    source = write(tmp_path, DEMO_ANSWERS, "report-2023.yaml")
    code, _, err = drafter(capsys, "next", str(source), "-o", str(tmp_path / "没有" / "x.yaml"))
    assert code == 1 and "文件夹不存在" in one_chinese_line(err)


def test_output_onto_a_pipe_or_device_is_refused(tmp_path, demo, capsys):
    source = write(tmp_path, DEMO_ANSWERS)
    os.mkfifo(tmp_path / "pipe")  # stands in for /dev/null and friends, which replacing would break
    code, _, err = drafter(capsys, "build", str(source), "-o", str(tmp_path / "pipe"))
    assert code == 1 and "不是普通文件" in one_chinese_line(err)


@pytest.mark.parametrize("title", [
    "../../上级/报告", "a/b\\c:d*e?f\"g<h>i|j", "..", "CON", "某局" + "法治政府建设年度报告" * 40,
])
def test_default_output_name_stays_in_the_folder_and_fits(title):
    name = safe_filename(title, ".docx")
    assert "/" not in name and "\\" not in name and not re.search(r'[:*?"<>|]', name)
    assert not name.startswith(".") and name.endswith(".docx")
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert Path(name).name == name


def test_build_with_a_hostile_title_writes_in_the_working_folder(tmp_path, demo, capsys, monkeypatch):
    (tmp_path / "work").mkdir()
    path = write(tmp_path / "work", DEMO_ANSWERS.replace("  region: 全市", "  region: 全市\n  title: ../逃出/报告:*?"))
    monkeypatch.chdir(tmp_path / "work")
    code, _, err = drafter(capsys, "build", str(path), "--format", "md")
    assert code == 0, err
    assert [p.name for p in (tmp_path / "work").iterdir() if p.suffix == ".md"] == ["_逃出_报告___.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work"]


# ---- 2. no hang --------------------------------------------------------------------------

@pytest.mark.parametrize("length", [80, 120, 200, 2000])
def test_long_titles_break_into_lines_that_fit(length):
    title = ("某某县应急管理局关于" + "依法行政和安全生产执法工作情况" * 200)[:length]
    lines = break_title(title, keep=["某某县应急管理局"], max_width=20)
    assert "".join(lines) == title
    assert all(width(line) <= 20 for line in lines)


def test_a_200_character_title_builds(tmp_path, demo):
    title = ("关于" + "依法行政和安全生产执法工作" * 20)[:200]
    path = write(tmp_path, DEMO_ANSWERS.replace("  region: 全市", f"  region: 全市\n  title: {title}"))
    result = run_drafter("build", str(path), "-o", str(tmp_path / "r.docx"), timeout=60)
    assert result.returncode == 0, result.stderr


# ---- 3. no 内部错误 on user data -----------------------------------------------------------

BAD_INPUTS = {
    "impossible date": ("  date: 2023-12-20", "  date: 2023-02-30", "没有这一天"),
    "month 13": ("  date: 2023-12-20", "  date: 2023-13-01", "没有这一天"),
    "superscript year": ("  year: 2023", "  year: ²⁰²³", "年份"),
    "money 1e25": ("    fines: 2590.69", "    fines: 1e25", "数值过大"),
    "400 digits": ("    inspections: 2770", "    inspections: " + "9" * 400, "数值过大"),
    "noncharacter raw": ("  issuer: 测试市应急管理局", "  issuer: 测试市应急管理局\ufffe", "U+FFFE"),
    "noncharacter escaped": ("  issuer: 测试市应急管理局", '  issuer: "测试市应急管理局\\uffff"', "U+FFFF"),
    "NUL byte": ("    note: 主要负责人带头学法", "    note: 主要负责人\x00带头学法", "U+0000"),
    "bell escaped": ("    note: 主要负责人带头学法", '    note: "主要负责人\\a带头学法"', "U+0007"),
    "deep flow": ("    note: 主要负责人带头学法", "    note: " + "[" * 3000 + "]" * 3000, "嵌套层次过深"),
    "deep block": ("    note: 主要负责人带头学法", "    note:\n" + "".join(" " * (6 + 2 * i) + f"k{i}:\n" for i in range(600)), "嵌套层次过深"),
}


@pytest.mark.parametrize("case", [pytest.param(case, marks=pytest.mark.slow) if case == "deep flow" else case
                                  for case in BAD_INPUTS])  # 3000 nested brackets take seconds to refuse
def test_bad_values_give_one_located_chinese_line(tmp_path, demo, capsys, case):
    old, new, words = BAD_INPUTS[case]
    assert old in DEMO_ANSWERS
    path = write(tmp_path, DEMO_ANSWERS.replace(old, new, 1))
    code, _, err = drafter(capsys, "build", str(path), "-o", str(tmp_path / "r.md"))
    assert code == 1
    line = one_chinese_line(err)
    assert LOCATED.match(line), line
    assert words in line
    assert len(line) < 300  # a huge value is never echoed back whole


def test_a_previous_year_of_400_digits_is_refused(tmp_path, demo, capsys):
    path = write(tmp_path, DEMO_ANSWERS.replace("      inspections: 2500", "      inspections: " + "1" * 400))
    code, _, err = drafter(capsys, "build", str(path), "-o", str(tmp_path / "r.md"))
    assert code == 1 and "previous_year" in one_chinese_line(err)


def test_digits_of_other_scripts_count_like_ascii(tmp_path, demo, capsys):
    path = write(tmp_path, DEMO_ANSWERS.replace("year: 2023", "year: ٢٠٢٣").replace("inspections: 2770", "inspections: ２７７０余"))
    code, _, err = drafter(capsys, "build", str(path), "-o", str(tmp_path / "r.md"))
    assert code == 0, err
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "2023" in text and "2770余" in text and "٢" not in text


@pytest.mark.parametrize("value, accepted", [
    ("٨٦١", 861), ("８６１", 861), ("861", 861), ("³", None), ("①", None), ("1e5", None),
])
def test_count_digits(value, accepted):
    spec = fields.FieldSpec(id="x", type="count", prompt="数", unit="件")
    if accepted is None:
        with pytest.raises(fields.FieldValueError):
            types.check(value, spec)
    else:
        assert fields.amount_value(types.check(value, spec)) == accepted


# ---- 4. messages a clerk can read ---------------------------------------------------------

SYNTAX = {
    "unclosed flow list": ("    plan: [测试市应急管理局2023年度安全生产监督检查计划]", "    plan: [甲: 乙"),
    "tab indent": ("    inspections: 2770", "\tinspections: 2770"),
    "unclosed quote": ("    note: 主要负责人带头学法", '    note: "主要负责人带头学法'),
    "bad indent": ("    enterprises: 2479", "      enterprises: 2479"),
    "colon in text": ("    note: 主要负责人带头学法", "    note: 主要: 负责人: 带头"),
    "at sign": ("    note: 主要负责人带头学法", "    note: @主要负责人"),
    "duplicate key": ("    enterprises: 2479", "    enterprises: 2479\n    enterprises: 1"),
    "bad escape": ("    note: 主要负责人带头学法", '    note: "C:\\q主要"'),
}


@pytest.mark.parametrize("case", list(SYNTAX))
def test_yaml_syntax_errors_are_in_chinese_with_their_place(tmp_path, demo, capsys, case):
    old, new = SYNTAX[case]
    assert old in DEMO_ANSWERS
    path = write(tmp_path, DEMO_ANSWERS.replace(old, new, 1))
    code, _, err = drafter(capsys, "build", str(path), "-o", str(tmp_path / "r.md"))
    assert code == 1
    line = one_chinese_line(err)
    assert LOCATED.match(line), line
    assert not re.search(r"[A-Za-z]{4,}", line.split("YAML 格式错误")[-1]), line


def test_an_empty_value_is_reported_at_its_key(tmp_path, demo, capsys):
    path = write(tmp_path, DEMO_ANSWERS.replace("  year: 2023", "  year:\n  # 上面忘了填"))
    code, _, err = drafter(capsys, "build", str(path), "-o", str(tmp_path / "r.md"))
    line = one_chinese_line(err)
    year_line = DEMO_ANSWERS.splitlines().index("  year: 2023") + 1
    assert code == 1 and f":{year_line}:" in line and "year" in line


def test_a_huge_wrong_value_is_cut_in_the_message(tmp_path, demo, capsys):
    path = write(tmp_path, DEMO_ANSWERS.replace("inspections: 2770", "inspections: " + "很多" * 5000))
    code, _, err = drafter(capsys, "build", str(path), "-o", str(tmp_path / "r.md"))
    assert code == 1 and len(one_chinese_line(err)) < 300


# ---- 6. large inputs ------------------------------------------------------------------------

def test_files_over_the_size_limit_are_refused_before_parsing(tmp_path, demo, capsys):
    path = write(tmp_path, DEMO_ANSWERS + "# " + "填充" * 600_000 + "\n")
    code, _, err = drafter(capsys, "build", str(path), "-o", str(tmp_path / "r.md"))
    assert code == 1 and "文件太大" in one_chinese_line(err)
