"""Answers files past what any real file holds: YAML bombs, integers of thousands of digits,
structure left empty. Each is one located Chinese line and exit 1, at once (issue 18)."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from drafter import cli
from tests.conftest import run_drafter

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
LOCATED = re.compile(r"^错误：[^：\n]+:\d+:\d+：")


def one_located_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("错误")]
    assert len(lines) == 1, err
    assert "内部错误" not in err and "Traceback" not in err, err
    assert LOCATED.match(lines[0]), lines[0]
    return lines[0]


def drafter(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    return code, capsys.readouterr().err


def bomb(levels: int = 9, width: int = 10) -> list[str]:
    """Anchors of anchors: a few hundred bytes that expand to width**levels values."""
    lines = [f"a0: &a0 [{', '.join(['x'] * width)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels + 1)]
    return lines


def with_bomb(text: str, under: str) -> str:
    """The example with a bomb placed under the mapping key `under` (a key of its own)."""
    head, sep, tail = text.partition(f"\n{under}\n")
    assert sep, under
    block = "\n".join("  " + line for line in ["x_bomb:"] + ["  " + b for b in bomb()])
    return f"{head}\n{under}\n{block}\n{tail}"


@pytest.mark.parametrize("command", [["build", "-o", "out.md"], ["next", "-o", "next.yaml"], ["check"],
                                     ["ask", "--list"]])
@pytest.mark.parametrize("under", ["answers:", "report:"])
def test_a_yaml_bomb_is_refused_at_once(tmp_path, command, under):
    source = tmp_path / "bomb.yaml"
    source.write_text(with_bomb((EXAMPLES / "yunxi-county-2025.yaml").read_text(encoding="utf-8"), under),
                      encoding="utf-8")
    try:
        done = run_drafter(command[0], str(source), *command[1:], cwd=tmp_path, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("drafter hung on a YAML bomb")
    assert done.returncode == 1, done.stderr
    assert "锚点" in one_located_line(done.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bomb.yaml"]


def test_a_bomb_in_wizard_state_is_refused(tmp_path):
    """The wizard's own state lives in the answers file too: the same reader guards it."""
    text = (EXAMPLES / "yunxi-county-2025.yaml").read_text(encoding="utf-8")
    source = tmp_path / "bomb.yaml"
    source.write_text(text + "wizard:\n" + "\n".join("  " + b for b in bomb()) + "\n", encoding="utf-8")
    done = run_drafter("ask", str(source), "--list", cwd=tmp_path, timeout=30)
    assert done.returncode == 1 and "锚点" in one_located_line(done.stderr)


def test_an_alias_of_itself_is_refused(tmp_path, capsys):
    source = tmp_path / "self.yaml"
    source.write_text("report: &r\n  issuer: 测试县应急管理局\n  again: *r\n", encoding="utf-8")
    for command in (["build", str(source), "-o", str(tmp_path / "x.md")], ["check", str(source)]):
        code, err = drafter(capsys, *command)
        assert code == 1 and "引用了包含它自己" in one_located_line(err)


def test_a_few_aliases_still_read(tmp_path, capsys):
    """Anchors are YAML: a file that uses them modestly builds as if written out."""
    text = (EXAMPLES / "yunxi-county-2025.yaml").read_text(encoding="utf-8")
    text = text.replace("  issuer: 云溪县应急管理局", "  issuer: &issuer 云溪县应急管理局", 1)
    text = text.replace("  region: 全县", "  region: 全县\n  # 同一发文机关\n", 1)
    source = tmp_path / "anchors.yaml"
    source.write_text(text, encoding="utf-8")
    code, err = drafter(capsys, "build", str(source), "-o", str(tmp_path / "x.md"))
    assert code == 0, err


BIG = "9" * 5000


@pytest.mark.parametrize("value", [BIG, "-" + BIG, "1" * 4301, "0x" + "f" * 5000, BIG + ".5", f'"{BIG}"'])
@pytest.mark.parametrize("command", [["build", "-o", "x.md"], ["check"], ["next", "-o", "n.yaml"],
                                     ["ask", "--list"]])
def test_an_integer_of_thousands_of_digits_names_its_field(tmp_path, capsys, monkeypatch, value, command):
    text = (EXAMPLES / "kunshan-2023.yaml").read_text(encoding="utf-8")
    assert "center_group_sessions: 8\n" in text
    source = tmp_path / "big.yaml"
    source.write_text(text.replace("center_group_sessions: 8\n", f"center_group_sessions: {value}\n"),
                      encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, err = drafter(capsys, command[0], str(source), *command[1:])
    assert code == 1
    assert "answers.party_spirit.center_group_sessions" in one_located_line(err)


def test_a_huge_last_year_value_is_named_by_ask_list(tmp_path, capsys):
    text = (EXAMPLES / "kunshan-2024-draft.yaml").read_text(encoding="utf-8")
    assert "      center_group_sessions: 8\n" in text  # under previous_year
    source = tmp_path / "draft.yaml"
    source.write_text(text.replace("      center_group_sessions: 8\n", f"      center_group_sessions: {BIG}\n", 1),
                      encoding="utf-8")
    code, err = drafter(capsys, "ask", str(source), "--list")
    assert code == 1 and "previous_year.center_group_sessions" in one_located_line(err)


@pytest.mark.parametrize("fact", [f"{BIG}次", f"{{value: {BIG}, unit: 次}}", f"{BIG}%"])
def test_a_huge_own_fact_is_refused(tmp_path, capsys, fact):
    text = (EXAMPLES / "yunxi-county-2025.yaml").read_text(encoding="utf-8")
    source = tmp_path / "yunxi.yaml"
    source.write_text(text.replace("专题学习: 6次", f"专题学习: {fact}", 1), encoding="utf-8")
    code, err = drafter(capsys, "build", str(source), "-o", str(tmp_path / "x.md"))
    assert code == 1 and "facts.专题学习" in one_located_line(err)


@pytest.mark.slow
def test_a_huge_number_in_own_text_is_no_internal_error(tmp_path, capsys):
    text = (EXAMPLES / "yunxi-county-2025.yaml").read_text(encoding="utf-8")
    source = tmp_path / "yunxi-2025.yaml"
    source.write_text(text.replace("全年开展专题学习{专题学习}", f"全年开展专题学习{{专题学习}}，另有{BIG}人参加", 1),
                      encoding="utf-8")
    for command in (["build", str(source), "-o", str(tmp_path / "x.md")], ["check", str(source)],
                    ["next", str(source)]):
        code, err = drafter(capsys, *command)
        assert code in (0, 1) and "内部错误" not in err and "Traceback" not in err, err


# ---- structure left empty names its line ------------------------------------------------

KUNSHAN = (EXAMPLES / "kunshan-2023.yaml").read_text(encoding="utf-8")
HEAD = "report:\n  issuer: 昆山市应急管理局\n  region: 全市\n  year: 2023\n"


@pytest.mark.parametrize("text, line, field", [
    ("# 说明\n\n这是一段文字，不是答案文件\n", 3, None),
    (KUNSHAN.replace(HEAD, "report:\n"), KUNSHAN.splitlines().index("report:") + 1, "report.issuer"),
    (KUNSHAN.split("outline:")[0] + "outline:\n\nanswers:\n" + KUNSHAN.split("\nanswers:\n")[1],
     KUNSHAN.splitlines().index("outline:") + 1, "outline.parts"),
    (KUNSHAN.replace("  parts:\n", "  parts:\n    -\n", 1),
     KUNSHAN.splitlines().index("  parts:") + 2, "outline.parts[1]"),
], ids=["top-level prose", "empty report", "empty outline", "null part"])
def test_structural_errors_name_their_line(tmp_path, capsys, text, line, field):
    source = tmp_path / "s.yaml"
    source.write_text(text, encoding="utf-8")
    for command in ("build", "check"):
        args = [command, str(source)] + (["-o", str(tmp_path / "x.md")] if command == "build" else [])
        code, err = drafter(capsys, *args)
        assert code == 1
        message = one_located_line(err)
        assert f"s.yaml:{line}:" in message, message
        if field:
            assert field in message


# ---- drafter schema never writes over someone's file -----------------------------------

def test_schema_never_replaces_an_answers_file(tmp_path, capsys):
    answers = tmp_path / "in.yaml"
    answers.write_text(KUNSHAN, encoding="utf-8")
    other = tmp_path / "notes.json"
    other.write_text('{"备注": 1}', encoding="utf-8")
    for target in (answers, other, tmp_path):
        code, err = drafter(capsys, "schema", "-o", str(target))
        assert code == 1 and "内部错误" not in err and len(err.strip().splitlines()) == 1, err
    assert answers.read_text(encoding="utf-8") == KUNSHAN
    assert other.read_text(encoding="utf-8") == '{"备注": 1}'
    assert drafter(capsys, "schema", "-o", str(other), "--force")[0] == 0
    assert drafter(capsys, "schema", "-o", str(other))[0] == 0  # its own schema: written again


# ---- = (same as last year) ---------------------------------------------------------------

def test_next_reads_a_bare_equals_as_last_years_value(tmp_path, capsys):
    yaml = pytest.importorskip("yaml")
    draft = (EXAMPLES / "kunshan-2024-draft.yaml").read_text(encoding="utf-8")
    assert "    committee_sessions: 6\n" in draft
    source = tmp_path / "k-2024.yaml"
    source.write_text(draft.replace("    committee_sessions: 6\n", "    committee_sessions: =\n", 1), encoding="utf-8")
    code, err = drafter(capsys, "next", str(source), "-o", str(tmp_path / "k-2025.yaml"))
    assert code == 0, err
    rolled = yaml.safe_load((tmp_path / "k-2025.yaml").read_text(encoding="utf-8"))
    assert rolled["answers"]["party_spirit"]["previous_year"]["committee_sessions"] == 6


def test_a_bare_equals_is_written_back_quoted(tmp_path):
    from drafter import yamlio

    doc = yamlio.loads("a: =\nb: [=, 1]\nc: x\n", tmp_path / "x.yaml")
    assert doc.data["a"] == "=" and doc.dumps() == 'a: "="\nb: ["=", 1]\nc: x\n'


# ---- check --previous is last year's report -----------------------------------------------

def test_check_previous_refuses_this_years_report(tmp_path, capsys):
    this = tmp_path / "k.yaml"
    this.write_text(KUNSHAN, encoding="utf-8")
    (tmp_path / "copy.yaml").write_text(KUNSHAN, encoding="utf-8")
    (tmp_path / "link.yaml").hardlink_to(this)
    for previous, said in ((this, "这份报告本身"), (tmp_path / "link.yaml", "这份报告本身"),
                           (tmp_path / "copy.yaml", "内容完全相同"),
                           (EXAMPLES / "kunshan-2024-draft.yaml", "比")):
        code, err = drafter(capsys, "check", str(this), "--previous", str(previous))
        assert code == 1 and said in err and len(err.strip().splitlines()) == 1, err
        assert "照搬" not in err
