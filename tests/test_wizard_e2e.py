"""The real `drafter new` / `drafter ask` in a pseudo-terminal (pexpect)."""
from __future__ import annotations

import os
import signal
import sys

import pytest

pexpect = pytest.importorskip("pexpect")

from drafter import answers as answers_mod  # noqa: E402
from drafter import ontology as ontology_mod  # noqa: E402
from tests.conftest import FIXTURE_ONTOLOGY  # noqa: E402
from tests.support.answers_files import one_section  # noqa: E402

pytestmark = pytest.mark.slow  # a real terminal (pexpect) driving drafter in a subprocess

ENTER, DOWN, SPACE, CLEAR = "\r", "\x1b[B", " ", "\x15"


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("DRAFTER_SECTIONS", str(FIXTURE_ONTOLOGY / "sections"))
    monkeypatch.setenv("DRAFTER_TEMPLATES", str(FIXTURE_ONTOLOGY / "templates"))
    e = dict(os.environ, TERM="xterm-256color", COLUMNS="100", LINES="40",
             PROMPT_TOOLKIT_NO_CPR="1")  # a pexpect terminal answers no cursor-position requests
    return e


def spawn(args, env, cwd):
    child = pexpect.spawn(sys.executable, ["-m", "drafter", *args], env=env, cwd=str(cwd),
                          encoding="utf-8", timeout=30, dimensions=(40, 100))
    return child


def answer(child, prompt: str, keys: str) -> None:
    child.expect(prompt)
    child.send(keys)


def metadata(child) -> None:
    answer(child, "发文机关全称", "测试县应急管理局" + ENTER)
    answer(child, "怎样称呼本辖区", ENTER)
    answer(child, "报告年度", CLEAR + "2023" + ENTER)
    answer(child, "主送机关", ENTER)
    answer(child, "选择报告结构", ENTER)
    answer(child, "测试领域", DOWN + SPACE + ENTER)


def test_new_in_a_terminal_then_resume_and_build(tmp_path, env):
    child = spawn(["new", "r.yaml"], env, tmp_path)
    metadata(child)
    child.expect("已创建答案文件")
    answer(child, r"第 1/3 节", "")
    answer(child, "本节", ENTER)
    answer(child, "指导思想", "以习近平法治思想为指导" + ENTER)
    answer(child, r"第 2/3 节", "")
    answer(child, "本节", DOWN * 2 + ENTER)  # 保存并退出
    child.expect("drafter ask")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    onto = ontology_mod.load()
    a = answers_mod.load(tmp_path / "r.yaml", onto)
    assert a.values["opening"]["guidance"] == "以习近平法治思想为指导"

    child = spawn(["ask", "r.yaml"], env, tmp_path)
    answer(child, "今年还需要填写 2 项", "")  # the two sections not yet answered
    answer(child, r"第 1/2 节 · 严格规范执法", "")  # resumes at the second section
    answer(child, "本节", DOWN + ENTER)     # 跳过
    answer(child, r"第 2/2 节", "")
    answer(child, "本节", ENTER)
    answer(child, "问题", "\x1b[A" + ENTER)  # ↑ 添加一项 (Enter alone finishes the list)
    answer(child, "新的一项", "执法人员不足" + ENTER)
    answer(child, "要做什么", ENTER)          # 完成
    answer(child, "成文日期", "2024-01-10" + ENTER)
    answer(child, "尚未填写的章节|法定内容", "")
    answer(child, "现在生成", ENTER)
    answer(child, "保存为", ENTER)
    child.expect("已生成")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (tmp_path / "测试县应急管理局2023年法治政府建设年度报告.docx").exists()
    a = answers_mod.load(tmp_path / "r.yaml", onto)
    assert a.values["problems"]["items"] == ["执法人员不足"]


ANSWERS = [("执法检查次数", "2770", "inspections", 2770),
           ("检查企业家数", "2479", "enterprises", 2479),
           ("由谁开展", "市执法大队", "inspectors", "市执法大队"),
           ("罚款金额", "12.5", "fines", 12.5),
           ("计划完成率", "98.5", "completion", 98.5)]


@pytest.mark.parametrize("answered", [1, 3, 5])
def test_a_killed_wizard_keeps_every_accepted_answer(tmp_path, env, answered):
    child = spawn(["new", "r.yaml"], env, tmp_path)
    metadata(child)
    answer(child, "本节", DOWN + ENTER)  # 开头：跳过
    answer(child, "本节", ENTER)          # 执法：填写
    for prompt, typed, _, _ in ANSWERS[:answered]:
        answer(child, prompt, typed + ENTER)
    # the next question is on screen: the last answer has been accepted (and saved)
    child.expect(ANSWERS[answered][0] if answered < len(ANSWERS) else "检查计划文件")
    child.kill(signal.SIGKILL)
    child.close(force=True)
    a = answers_mod.load(tmp_path / "r.yaml", ontology_mod.load())
    for _, _, field, value in ANSWERS[:answered]:
        assert a.values["enforcement"][field] == value
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_ctrl_c_exits_cleanly_with_a_hint(tmp_path, env):
    child = spawn(["new", "r.yaml"], env, tmp_path)
    metadata(child)
    answer(child, "本节", ENTER)
    answer(child, "指导思想", "\x03")
    child.expect(r"本次共保存 \d+ 次回答到 r\.yaml；正在输入、尚未回车确认的那一题没有保存")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")
    assert (tmp_path / "r.yaml").exists()


def test_ctrl_c_before_any_answer_says_nothing_was_saved(tmp_path, env):
    child = spawn(["new", "r.yaml"], env, tmp_path)
    answer(child, "发文机关全称", "\x03")
    child.expect("还没有保存任何内容")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not (tmp_path / "r.yaml").exists()


def test_new_saves_the_first_answer_and_ask_resumes_the_setup(tmp_path, env):
    child = spawn(["new", "r.yaml"], env, tmp_path)
    answer(child, "发文机关全称", "测试县应急管理局" + ENTER)
    answer(child, "怎样称呼本辖区", "\x03")
    child.expect(pexpect.EOF)
    child.close()
    answers = answers_mod.load(tmp_path / "r.yaml", ontology_mod.load())
    assert answers.meta.issuer == "测试县应急管理局"

    child = spawn(["ask", "r.yaml"], env, tmp_path)
    answer(child, "怎样称呼本辖区", ENTER)      # resumes at the second question
    answer(child, "报告年度", CLEAR + "2023" + ENTER)
    answer(child, "主送机关", ENTER)
    answer(child, "选择报告结构", ENTER)
    answer(child, "测试领域", DOWN + SPACE + ENTER)
    child.expect("已创建答案文件")
    answer(child, r"第 1/3 节", "")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    answers = answers_mod.load(tmp_path / "r.yaml", ontology_mod.load())
    assert answers.meta.year == 2023 and answers.meta.region == "全县"
    assert "setup" not in (answers.document.data.get("wizard") or {})


def test_next_then_ask_then_build_compares_with_last_year(tmp_path, env):
    from tests.conftest import DEMO_ANSWERS, run_drafter

    this_year = tmp_path / "report-2023.yaml"
    this_year.write_text(DEMO_ANSWERS, encoding="utf-8")
    rolled = run_drafter("next", str(this_year), env=env)
    assert rolled.returncode == 0, rolled.stderr
    next_year = tmp_path / "report-2024.yaml"
    child = spawn(["ask", str(next_year), "--section", "enforcement"], env, tmp_path)
    answer(child, "本节", ENTER)
    answer(child, "上年：2770次", "")                 # last year's value is shown
    answer(child, "执法检查次数", "3000" + ENTER)
    answer(child, "上年：2479家", "")
    answer(child, "检查企业家数", "=" + ENTER)           # the same as last year
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    built = run_drafter("build", str(next_year), "-o", str(tmp_path / "r.md"), env=env)
    assert built.returncode == 0, built.stderr
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "2024年" in text and "开展执法检查3000次" in text and "检查企业2479家" in text
    assert "同比增加230次，上升8.3%" in text


def test_resume_lands_on_the_exact_question(tmp_path, env):
    child = spawn(["new", "r.yaml"], env, tmp_path)
    metadata(child)
    answer(child, r"第 1/3 节", "")
    answer(child, "本节", ENTER)
    answer(child, "指导思想", "以习近平法治思想为指导" + ENTER)
    answer(child, r"第 2/3 节", "")
    answer(child, "本节", ENTER)
    answer(child, "执法检查次数", "2770" + ENTER)
    answer(child, "检查企业家数", "2479" + ENTER)
    child.expect("执法检查由谁开展")  # the third question of the section: stop here
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()

    child = spawn(["ask", "r.yaml"], env, tmp_path)
    child.expect("从上次停下的问题继续")
    i = child.expect(["执法检查由谁开展", "执法检查次数", "本节："])
    assert i == 0, child.before  # not the section's first question, not its menu
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    values = answers_mod.load(tmp_path / "r.yaml", ontology_mod.load()).values["enforcement"]
    assert values["inspections"] == 2770 and values["enterprises"] == 2479


def test_ask_on_a_file_rolled_from_kunshan_asks_only_what_is_missing_then_builds(tmp_path):
    """The real ontology: roll Kunshan 2023, then answer exactly the listed questions in a
    terminal — each number with = (same as last year), each follow-up item 已完成 — and build."""
    import re

    from drafter.wizard.flow import missing_questions
    from tests.conftest import ROOT, run_drafter

    env = dict(os.environ, TERM="xterm-256color", COLUMNS="100", LINES="40",
             PROMPT_TOOLKIT_NO_CPR="1")  # a pexpect terminal answers no cursor-position requests
    env.pop("DRAFTER_SECTIONS", None)
    env.pop("DRAFTER_TEMPLATES", None)
    rolled = run_drafter("next", str(ROOT / "examples" / "kunshan-2023.yaml"), "-o", str(tmp_path / "k.yaml"), env=env)
    assert rolled.returncode == 0, rolled.stderr
    onto = ontology_mod.load()
    questions = missing_questions(tmp_path / "k.yaml", onto)
    listed = run_drafter("ask", str(tmp_path / "k.yaml"), "--list", env=env)
    assert listed.stdout.splitlines() == [q.line() for q in questions] + ["报告\t成文日期（report.date）\t还没有填写"]
    numbers = [q for q in questions if q.kind in ("field", "fact") and q.spec.type != "records"]
    followups = [q for q in questions if q.kind == "followup"]
    assert len(numbers) > 100 and len(followups) == 8

    def prompt(text: str) -> str:
        return re.escape(text[:6])

    child = spawn(["ask", "k.yaml"], env, tmp_path)
    child.timeout = 60
    section = None
    for q in questions:
        if q.section.id != section:
            section = q.section.id
            answer(child, "本节：", DOWN + ENTER if q.kind == "section" else ENTER)  # a section never answered: skip
        if q.kind == "section":
            continue
        if q.kind == "followup":
            record = (answers_mod.load(tmp_path / "k.yaml", onto).values[section].get(q.key) or [])[q.index]
            for sub in q.spec.fields:
                if record.get(sub.id) not in (None, "", []):
                    continue
                if sub.id == "status":
                    answer(child, prompt(sub.prompt), "\x1b[A" * 3 + ENTER)   # 已完成
                elif sub.type in ("items", "docs", "records"):
                    answer(child, "要做什么", ENTER)                          # nothing to add
                else:
                    answer(child, prompt(sub.prompt), ENTER)                  # left empty
        elif q.spec.type == "records":
            answer(child, "要做什么", ENTER)  # a list of numbers left for later
        else:
            answer(child, prompt(q.spec.prompt), "=" + ENTER)  # the same as last year
    answer(child, "成文日期", ENTER)                         # left for later: listed, asked again
    answer(child, "现在生成", ENTER)
    answer(child, "保存为", ENTER)
    child.expect("已生成")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    after = answers_mod.load(tmp_path / "k.yaml", onto)
    assert after.values["penalties"]["system_cases"] == after.previous["penalties"]["system_cases"]
    assert all(r.get("status") == "已完成" for r in after.values["previous_followup"]["items"])
    left = missing_questions(tmp_path / "k.yaml", onto)
    assert not [q for q in left if q.kind in ("fact", "followup") or (q.kind == "field" and q.spec.type != "records")]


def test_resume_after_ctrl_c_lands_where_the_clerk_stopped_not_on_a_question_left_empty(tmp_path, env):
    from tests.conftest import DEMO_ANSWERS, run_drafter

    (tmp_path / "report-2023.yaml").write_text(DEMO_ANSWERS, encoding="utf-8")
    assert run_drafter("next", str(tmp_path / "report-2023.yaml"), env=env).returncode == 0
    child = spawn(["ask", "report-2024.yaml"], env, tmp_path)
    answer(child, r"第 1/\d 节 · 开头", "")
    answer(child, "本节", ENTER)
    answer(child, "指导思想", ENTER)             # left empty on purpose
    answer(child, r"严格规范执法（4 项待填）", "")
    answer(child, "本节", ENTER)
    answer(child, "执法检查次数", ENTER)         # left empty on purpose
    answer(child, "检查企业家数", "=" + ENTER)
    child.expect("罚款金额")                     # the clerk stops here
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()

    child = spawn(["ask", "report-2024.yaml"], env, tmp_path)
    child.expect("从上次停下的问题继续")
    i = child.expect(["罚款金额", "执法检查次数", "本节："])
    assert i == 0, child.before
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()


def test_skip_then_back_then_fill_keeps_the_section_in_the_report(tmp_path, env):
    child = spawn(["new", "r.yaml"], env, tmp_path)
    metadata(child)
    answer(child, r"第 1/3 节", "")
    answer(child, "本节", DOWN + ENTER)          # 开头：跳过本节
    child.expect("已从今年的报告中去掉")
    answer(child, r"第 2/3 节", "")
    answer(child, "本节", DOWN * 3 + ENTER)      # ← 返回上一题
    answer(child, r"第 1/3 节", "")
    answer(child, "本节", ENTER)                 # 填写本节
    child.expect("放回今年的报告")
    answer(child, "指导思想", "以习近平法治思想为指导" + ENTER)
    answer(child, r"第 2/3 节", "")
    answer(child, "本节", DOWN * 2 + ENTER)      # 保存并退出
    child.expect(pexpect.EOF)
    child.close()
    a = answers_mod.load(tmp_path / "r.yaml", ontology_mod.load())
    assert a.outline.section_ids() == ["opening", "enforcement", "problems"]
    assert a.values["opening"]["guidance"] == "以习近平法治思想为指导"


def test_ask_reviews_carried_paragraphs_in_a_terminal(tmp_path, monkeypatch):
    """The real `drafter ask` shows a paragraph next carried and clears its mark (issue 20)."""
    monkeypatch.delenv("DRAFTER_SECTIONS", raising=False)
    monkeypatch.delenv("DRAFTER_TEMPLATES", raising=False)
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="100", LINES="40", PROMPT_TOOLKIT_NO_CPR="1")
    path = tmp_path / "r-2024.yaml"
    path.write_text(one_section("""
    text: |
      【改写：1月】1月，召开了执法工作会议。

      【核对】全面落实行政执法三项制度。
    """), encoding="utf-8")
    child = spawn(["ask", str(path)], env, tmp_path)
    answer(child, "本节", ENTER)                            # 填写本节
    child.expect("1月，召开了执法工作会议")
    answer(child, "这段今年", DOWN + ENTER)                  # 删去这一段 (from 改写, the default)
    child.expect("全面落实行政执法三项制度")
    answer(child, "这段今年", ENTER)                         # 仍属实，保留
    answer(child, "成文日期", "2025年1月20日" + ENTER)
    answer(child, "生成", DOWN + ENTER)                      # 不生成 .docx
    child.expect(pexpect.EOF)
    text = path.read_text(encoding="utf-8")
    assert "【" not in text.split("text:")[1] and "1月" not in text and "全面落实行政执法三项制度。" in text
    assert "date: 2025-01-20" in text
