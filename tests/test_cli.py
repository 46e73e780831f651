"""End-to-end: run the real `drafter` command in a subprocess."""
import io
import re
import shutil
import sys

import docx
import pytest

from tests.conftest import DEMO_ANSWERS, run_drafter


def test_build_markdown_and_docx(tmp_path, demo_env, demo_answers_file):
    md = tmp_path / "out.md"
    result = run_drafter("build", str(demo_answers_file), "-o", str(md), env=demo_env)
    assert result.returncode == 0, result.stderr
    assert "已生成" in result.stdout
    text = md.read_text(encoding="utf-8")
    assert "# 测试市应急管理局2023年法治政府建设年度报告" in text and "## 一、主要举措和成效" in text

    result = run_drafter("build", str(demo_answers_file), env=demo_env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "测试市应急管理局2023年法治政府建设年度报告.docx"
    d = docx.Document(io.BytesIO(out.read_bytes()))
    assert any(p.text == "一、主要举措和成效" for p in d.paragraphs)


def test_format_flag_overrides_extension(tmp_path, demo_env, demo_answers_file):
    out = tmp_path / "report.txt"
    result = run_drafter("build", str(demo_answers_file), "-o", str(out), "--format", "md", env=demo_env)
    assert result.returncode == 0 and out.read_text(encoding="utf-8").startswith("<center>")


def test_bad_input_gives_one_chinese_line_and_no_traceback(tmp_path, demo_env):
    bad = tmp_path / "bad.yaml"
    bad.write_text(DEMO_ANSWERS.replace("inspections: 2770", "inspections: -5"), encoding="utf-8")
    before = bad.read_bytes()
    result = run_drafter("build", str(bad), "-o", str(tmp_path / "x.docx"), env=demo_env)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("错误：") and f"{bad}:23:18" in lines[0] and "负数" in lines[0]
    assert bad.read_bytes() == before
    assert not (tmp_path / "x.docx").exists()


def test_syntax_error_and_missing_file(tmp_path, demo_env):
    bad = tmp_path / "broken.yaml"
    bad.write_text("report:\n  issuer: [未闭合\n  year: 2023\n", encoding="utf-8")
    result = run_drafter("build", str(bad), env=demo_env, cwd=tmp_path)
    assert result.returncode != 0 and "YAML 格式错误" in result.stderr and "broken.yaml:" in result.stderr
    assert "Traceback" not in result.stderr
    result = run_drafter("build", str(tmp_path / "nope.yaml"), env=demo_env)
    assert result.returncode != 0 and "找不到文件" in result.stderr


def test_existing_output_is_untouched_when_build_fails(tmp_path, demo_env):
    out = tmp_path / "report.docx"
    out.write_bytes(b"previous report")
    bad = tmp_path / "bad.yaml"
    bad.write_text("report: 1\n", encoding="utf-8")
    result = run_drafter("build", str(bad), "-o", str(out), env=demo_env)
    assert result.returncode != 0 and out.read_bytes() == b"previous report"


def test_help_is_chinese(demo_env):
    result = run_drafter("--help", env=demo_env)
    assert result.returncode == 0 and "子命令" in result.stdout and "生成" in result.stdout
    result = run_drafter("build", "--help", env=demo_env)
    assert "答案文件" in result.stdout and "输出文件" in result.stdout
    result = run_drafter("build", env=demo_env)
    assert result.returncode == 2 and result.stderr.startswith("错误：缺少答案文件")


@pytest.mark.parametrize("command", ["build", "new", "ask", "next", "import", "rollup", "check", "numbers",
                                     "schema", "sections"])
def test_every_commands_help_is_chinese(command, capsys):
    from drafter import cli

    with pytest.raises(SystemExit) as done:
        cli.main([command, "-h"])
    out = capsys.readouterr().out
    assert done.value.code == 0 and out.startswith(f"用法：drafter {command}")
    assert not re.search(r"usage|options|positional|arguments|show this help", out), out


@pytest.mark.parametrize("args, said", [
    (["bogus"], "没有“bogus”这个命令"),
    (["build"], "缺少答案文件"),
    (["build", "x.yaml", "--format", "rtf"], "--format 不能是“rtf”，可选：docx、md、html、pdf"),
    (["build", "x.yaml", "-o"], "-o/--output 后面需要一个值"),
    (["build", "x.yaml", "--bogus"], "无法识别的参数：--bogus"),
    (["build", "x.yaml", "--watch=3"], "--watch 不带值"),
    (["next"], "缺少今年的答案文件"),
])
def test_argument_errors_are_one_chinese_line(args, said, capsys):
    from drafter import cli

    with pytest.raises(SystemExit) as done:
        cli.main(args)
    err = capsys.readouterr().err
    assert done.value.code == 2 and err.count("\n") == 1 and err.startswith(f"错误：{said}"), err
    assert not re.search(r"usage|argument|expected|invalid|choose", err), err


def test_sections_lists_the_ontology(demo_env):
    result = run_drafter("sections", env=demo_env)
    assert result.returncode == 0 and "enforcement" in result.stdout and "严格规范执法" in result.stdout


def test_build_does_not_import_the_wizard_libraries(tmp_path, demo_env, demo_answers_file):
    code = (
        "import sys\n"
        "from drafter.cli import main\n"
        f"main(['build', {str(demo_answers_file)!r}, '-o', {str(tmp_path / 'o.md')!r}])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('questionary', 'prompt_toolkit')))\n"
    )
    import subprocess
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=demo_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_console_script_is_installed():
    assert shutil.which("drafter"), "pip install -e . should install the drafter command"


@pytest.mark.parametrize("argv", [
    ["build", "a.yaml", "b.yaml", "-o", "out", "--format", "md"], ["build", "a.yaml", "--watch"],
    ["new"], ["ask", "a.yaml", "--section", "x", "--all"], ["next", "a.yaml", "--force"],
    ["import", "r.docx", "-o", "a.yaml"], ["rollup", "city.yaml", "d1.yaml", "d2.yaml", "--force"],
    ["check", "r.docx", "--previous", "p.docx", "--json"], ["numbers", "a.yaml", "--fill", "n.xlsx"],
    ["schema", "-o", "s.json"], ["sections"],
])
def test_a_command_parses_alike_with_only_its_own_arguments_declared(argv):
    from drafter import cli

    assert vars(cli._parser(argv[0]).parse_args(argv)) == vars(cli._parser().parse_args(argv))
