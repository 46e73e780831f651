"""The wizard, driven through prompt_toolkit's pipe input with a dummy output."""
from __future__ import annotations

import itertools
import threading
from pathlib import Path
from typing import ClassVar

import pytest
import yaml
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from drafter import answers as answers_mod
from drafter import ontology as ontology_mod
from drafter.errors import DrafterError
from drafter.fields import FieldSpec, FieldValueError
from drafter.wizard import flow
from drafter.wizard.questions import Asker
from drafter.wizard.store import Store
from drafter.wizard.ui import BACK, Terminal
from tests.conftest import DEMO_ANSWERS, FIXTURE_ONTOLOGY
from tests.support.answers_files import one_section

ENTER, DOWN, UP, SPACE, BACKSPACE, CLEAR = "\r", "\x1b[B", "\x1b[A", " ", "\x7f", "\x15"


def drive(keys: str, fn, timeout: float = 30):
    """Run fn(terminal) with keys typed ahead; fail if it waits for more input."""
    result: dict = {}
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        term = Terminal(input=pipe, output=DummyOutput())

        def target():
            try:
                result["value"] = fn(term)
            except BaseException as exc:  # noqa: BLE001 - reported in the test's thread
                result["error"] = exc

        thread = threading.Thread(target=target, daemon=True)
        thread.start()
        thread.join(timeout)
        if thread.is_alive():
            pipe.close()
            raise AssertionError("the wizard is still waiting for input: the test's keys ran out")
    if "error" in result:
        raise result["error"]
    return result.get("value")


@pytest.fixture
def demo(monkeypatch):
    monkeypatch.setenv("DRAFTER_SECTIONS", str(FIXTURE_ONTOLOGY / "sections"))
    monkeypatch.setenv("DRAFTER_TEMPLATES", str(FIXTURE_ONTOLOGY / "templates"))
    return ontology_mod.load()


def spec(type_, **kw):
    return FieldSpec(id="x", type=type_, prompt="测试问题", **kw)


# ---- single questions -------------------------------------------------------------------

def test_count_is_refused_until_valid_and_saved_as_a_number():
    saved = []
    drive("很多" + ENTER + BACKSPACE * 2 + "-3" + ENTER + BACKSPACE * 2 + "57" + ENTER,
          lambda t: Asker(t).field(spec("count", unit="件"), None, None, saved.append))
    assert saved == [57] and isinstance(saved[0], int)


def test_empty_answer_means_not_reported_and_lt_goes_back():
    saved = []
    from drafter.wizard.questions import LEFT_EMPTY

    assert drive(ENTER, lambda t: Asker(t).field(spec("money", unit="万元"), None, None, saved.append)) is LEFT_EMPTY
    assert saved == [None]
    assert drive("<" + ENTER, lambda t: Asker(t).field(spec("date"), None, None, saved.append)) is BACK


def test_current_value_is_the_default():
    saved = []
    drive(ENTER, lambda t: Asker(t).field(spec("date"), __import__("datetime").date(2023, 12, 20), None, saved.append))
    assert str(saved[0]) == "2023-12-20"


def test_items_can_be_added_edited_reordered_and_deleted():
    saves = []
    # the menu always starts on 完成 (Enter never adds); ↑ wraps around.
    # empty: 添加 完成 返回;  one item: 添加 修改 删除 完成 返回;  two or more: 添加 修改 删除 调整顺序 完成 返回
    keys = (
        UP + ENTER + "甲" + ENTER                  # 完成 ↑ 添加 → 甲
        + UP * 3 + ENTER + "乙" + ENTER            # 完成 ↑↑↑ 添加 → 乙
        + UP + ENTER + DOWN + ENTER                # 调整顺序 → item 2 (乙) moves up
        + UP * 3 + ENTER + ENTER + CLEAR + "乙改" + ENTER  # 修改 → item 1 → 乙改
        + UP * 2 + ENTER + DOWN + ENTER            # 删除 → item 2 (甲)
        + ENTER                                    # 完成
    )
    drive(keys, lambda t: Asker(t).field(spec("items"), [], None, saves.append))
    assert saves == [["甲"], ["甲", "乙"], ["乙", "甲"], ["乙改", "甲"], ["乙改"]]


def test_records_are_asked_field_by_field():
    record_spec = FieldSpec(id="actions", type="records", prompt="专项行动", fields=[
        FieldSpec(id="name", type="text", prompt="名称"),
        FieldSpec(id="checks", type="count", unit="家次", prompt="检查家次"),
    ])
    saves = []
    drive(UP + ENTER + "有限空间专项" + ENTER + "12" + ENTER + ENTER,
          lambda t: Asker(t).field(record_spec, None, None, saves.append))
    # each sub-answer is saved as soon as it is given, not when the record is finished
    assert saves[0] == [{"name": "有限空间专项"}]
    assert saves[-1] == [{"name": "有限空间专项", "checks": 12}]


def test_choice_and_flag():
    # an unanswered question starts on （今年不报告此项）: Enter leaves it unanswered
    saves = []
    drive(UP * 2 + ENTER, lambda t: Asker(t).field(spec("choice", options=["已完成", "持续推进", "未完成"]), None, None, saves.append))
    drive(UP * 2 + ENTER, lambda t: Asker(t).field(spec("flag"), None, None, saves.append))
    drive(ENTER, lambda t: Asker(t).field(spec("flag"), None, None, saves.append))
    drive(ENTER, lambda t: Asker(t).field(spec("flag"), False, None, saves.append))  # an answer is the default
    assert saves == ["持续推进", True, None, False]


# ---- the answers file as the wizard keeps it ----------------------------------------------

def test_store_writes_each_answer_keeping_comments_and_unknown_keys(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(DEMO_ANSWERS.replace("answers:\n", "my_notes: 手写的备注  # 用户自己的键\nanswers:\n"), encoding="utf-8")
    store = Store(path)
    store.set_value("enforcement", "enterprises", 3000)
    store.set_value("enforcement", "started", __import__("datetime").date(2023, 3, 1))
    text = path.read_text(encoding="utf-8")
    assert "# 测试报告：注释要保留" in text and "# 发文机关" in text and "my_notes: 手写的备注  # 用户自己的键" in text
    assert "    enterprises: 3000\n" in text and "    started: 2023-03-01\n" in text
    assert text.index("started:") < text.index("previous_year:")
    # a hand edit made between two answers survives the next write
    path.write_text(path.read_text(encoding="utf-8").replace("region: 全市", "region: 全区"), encoding="utf-8")
    store.set_value("problems", "items", ["新问题"])
    assert "region: 全区" in path.read_text(encoding="utf-8")
    store.set_value("enforcement", "enterprises", None)
    assert "enterprises:" not in path.read_text(encoding="utf-8")


def test_store_never_overwrites_a_file_that_no_longer_parses(tmp_path):
    path = tmp_path / "a.yaml"
    broken = DEMO_ANSWERS.replace("  region: 全市", "  region: [全市")
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(DrafterError, match="YAML 格式错误"):
        Store(path).set_value("enforcement", "enterprises", 1)
    assert path.read_text(encoding="utf-8") == broken


# ---- whole flows --------------------------------------------------------------------------

def new_report_keys() -> str:
    return (
        "测试县应急管理局" + ENTER          # 发文机关
        + ENTER                            # 全县 (default)
        + CLEAR + "2023" + ENTER           # 年度
        + ENTER                            # 县委、县人民政府 (default)
        + ENTER                            # 结构：按法定内容
        + DOWN + SPACE + ENTER             # 章节：also check 严格规范执法
    )


def test_new_writes_the_file_at_once_and_finish_later_keeps_it(tmp_path, demo):
    path = tmp_path / "new.yaml"
    keys = new_report_keys() + DOWN * 2 + ENTER  # first section: 保存并退出
    assert drive(keys, lambda t: flow.run_new(path, t)) == 0
    a = answers_mod.load(path, demo)
    assert a.meta.issuer == "测试县应急管理局" and a.meta.region == "全县" and a.meta.year == 2023
    assert a.meta.addressee == "县委、县人民政府"
    assert a.outline.section_ids() == ["opening", "enforcement", "problems"]
    assert a.values == {} and "由 drafter 向导生成" in path.read_text(encoding="utf-8")


def test_full_walk_then_build(tmp_path, demo):
    path = tmp_path / "r.yaml"
    keys = (
        new_report_keys()
        + ENTER + "以习近平法治思想为指导" + ENTER          # 1/3 开头
        + ENTER                                             # 2/3 执法：填写本节
        + "2770" + ENTER + ENTER + ENTER                    # 检查次数；企业家数、由谁开展 留空
        + "2590.69" + ENTER + "98.5" + ENTER                # 罚款、完成率
        + UP + ENTER + "年度检查计划" + ENTER + ENTER       # 文件：↑添加一项，完成
        + UP + ENTER + "深化专项执法" + ENTER + ENTER       # 做法：↑添加一项，完成
        + "2023-03-01" + ENTER                              # 开始日期
        + UP * 2 + ENTER                                    # 写法：一是二是（从“今年不报告此项”上移）
        + UP + ENTER + "专项行动甲" + ENTER + "5" + ENTER + ENTER  # 专项行动：一条
        + DOWN + ENTER                                      # 3/3 问题：跳过本节
        + "2024年1月15日" + ENTER                            # 成文日期
        + ENTER + ENTER                                     # 生成 .docx？是；保存为（默认）
    )
    assert drive(keys, lambda t: flow.run_new(path, t)) == 0
    a = answers_mod.load(path, demo)
    assert str(a.meta.date) == "2024-01-15"
    assert a.values["opening"] == {"guidance": "以习近平法治思想为指导"}
    e = a.values["enforcement"]
    assert (e["inspections"], e["fines"], e["completion"]) == (2770, 2590.69, 98.5)
    assert e["plan"] == ["年度检查计划"] and e["measures"] == ["深化专项执法"] and str(e["started"]) == "2023-03-01"
    assert e["mode"] == "一是二是" and e["actions"] == [{"name": "专项行动甲", "checks": 5}]
    assert Store(path).progress() == {"done": ["opening", "enforcement"], "skipped": ["problems"]}
    docx_path = tmp_path / "测试县应急管理局2023年法治政府建设年度报告.docx"
    assert docx_path.exists() and docx_path.stat().st_size > 10_000


@pytest.mark.slow  # waits out the 8 s the wizard is given once the keys run out
def test_ask_resumes_where_it_stopped_and_back_returns_to_the_previous_question(tmp_path, demo):
    path = tmp_path / "r.yaml"
    drive(new_report_keys() + ENTER + "指导思想甲" + ENTER + DOWN * 2 + ENTER, lambda t: flow.run_new(path, t))
    assert Store(path).progress()["done"] == ["opening"]
    keys = (
        ENTER                      # resumes at 2/3 执法：填写本节
        + "100" + ENTER            # 检查次数
        + "<" + ENTER              # 企业家数：返回上一题
        + CLEAR + "120" + ENTER    # 检查次数 again, now 120
        + "30" + ENTER             # 企业家数, then the user walks away mid-section
    )
    with pytest.raises(AssertionError, match="keys ran out"):
        drive(keys, lambda t: flow.run_ask(path, None, t), timeout=8)
    values = answers_mod.load(path, demo).values["enforcement"]
    assert values["inspections"] == 120 and values["enterprises"] == 30
    assert "enforcement" not in Store(path).progress()["done"]  # asked again next time


def test_ask_section_reasks_with_current_answers_as_defaults(tmp_path, demo):
    path = tmp_path / "a.yaml"
    path.write_text(DEMO_ANSWERS, encoding="utf-8")
    keys = ENTER + ENTER + ENTER  # 开头: 填写; guidance keeps its default; then finish()
    keys += DOWN + ENTER           # 生成 .docx？否
    assert drive(keys, lambda t: flow.run_ask(path, ["opening"], t)) == 0
    assert answers_mod.load(path, demo).values["opening"]["guidance"] == "以习近平法治思想为指导"
    assert path.read_text(encoding="utf-8").startswith("# 测试报告：注释要保留")


def test_default_year():
    import datetime as dt
    assert flow.default_year(dt.date(2024, 1, 15)) == 2023
    assert flow.default_year(dt.date(2024, 11, 22)) == 2024


def test_equals_reuses_last_years_value():
    saved = []
    drive("=" + ENTER, lambda t: Asker(t).field(spec("count", unit="件"), None, 66, saved.append))
    drive("=" + ENTER, lambda t: Asker(t).field(spec("text"), None, "在市委市政府的正确领导下", saved.append))
    assert saved == [66, "在市委市政府的正确领导下"]


def test_lists_offer_last_years_items():
    saves = []
    keys = UP * 2 + ENTER  # 沿用上年的全部2项 (the menu starts on 完成)
    keys += ENTER          # 完成
    drive(keys, lambda t: Asker(t).field(spec("items"), [], ["甲", "乙"], saves.append))
    assert saves == [["甲", "乙"]]


def test_followup_items_are_filled_one_by_one():
    followup = FieldSpec(id="items", type="records", prompt="整改情况", fields=[
        FieldSpec(id="problem", type="text", prompt="问题"),
        FieldSpec(id="status", type="choice", prompt="进展", options=["已完成", "持续推进", "未完成"]),
        FieldSpec(id="note", type="text", prompt="说明"),
    ])
    saves = []
    current = [{"problem": "执法力量不足"}, {"problem": "案卷质量不高"}]
    keys = (
        ENTER                              # 逐条补填: the default while items have empty fields
        + UP * 3 + ENTER + "已建立长效机制" + ENTER  # item 1: 进展 已完成 (from （今年不报告此项） up), 说明
        + UP * 2 + ENTER + ENTER           # item 2: 进展 持续推进, 说明 left empty
        + DOWN * 4 + ENTER                 # 逐条补填 添加 修改 删除 → 完成
    )
    drive(keys, lambda t: Asker(t).field(followup, current, None, saves.append))
    assert saves[-1] == [
        {"problem": "执法力量不足", "status": "已完成", "note": "已建立长效机制"},
        {"problem": "案卷质量不高", "status": "持续推进"},
    ]


# ---- every menu entry gives a value the validator accepts -----------------------------------

MENU_SPECS = [
    spec("choice", options=["件", "起", "宗"]),
    spec("flag"),
    FieldSpec(id="x", type="choice", prompt="状态", options=["已完成", "持续推进", "未完成"]),
]


@pytest.mark.parametrize("field", MENU_SPECS, ids=lambda f: f"{f.type}-{len(f.options)}")
def test_every_menu_entry_round_trips_through_the_validator(field):
    from drafter.fields import is_empty
    from drafter.types import check as check_scalar

    entries = len(field.options or ["是", "否"]) + 1  # the options and （今年不报告此项）, where it starts
    for k in range(entries):
        saved = []
        drive(UP * (entries - 1 - k) + ENTER, lambda t, saved=saved: Asker(t).field(field, None, None, saved.append))
        assert len(saved) == 1
        value = saved[0]
        if k == entries - 1:
            assert value is None  # “not reported this year” is empty, never its label
        else:
            assert not is_empty(value) and check_scalar(value, field) == value


def test_every_multichoice_entry_round_trips_through_the_validator():
    from drafter.types import check as check_scalar

    field = spec("multichoice", options=["甲", "乙", "丙"])
    for k in range(3):
        saved = []
        drive(DOWN * k + SPACE + ENTER, lambda t, saved=saved: Asker(t).field(field, None, None, saved.append))
        assert check_scalar(saved[0], field) == [field.options[k]]
    saved = []
    drive(ENTER, lambda t: Asker(t).field(field, None, None, saved.append))
    assert saved == [None]


def test_a_choice_left_empty_in_a_file_loads_again(tmp_path, demo):
    """The whole path: a menu's “not this year” written by the wizard, then read by build."""
    path = tmp_path / "a.yaml"
    path.write_text(DEMO_ANSWERS, encoding="utf-8")
    store = Store(path)
    field = spec("flag")
    drive(ENTER, lambda t: Asker(t).field(field, None, None, lambda v: store.set_value("leaders", "note", v)))
    values = answers_mod.load(path, demo).values  # loads: no label was written as the value
    assert not (values.get("leaders") or {}).get("note")


def test_finish_never_writes_the_report_onto_the_answers_file(tmp_path, demo):
    path = tmp_path / "a.yaml"
    path.write_text(DEMO_ANSWERS, encoding="utf-8")
    keys = ENTER                                   # 现在生成 .docx 吗？是
    keys += CLEAR + str(path) + ENTER              # 保存为 the answers file itself: refused, asked again
    keys += CLEAR + str(tmp_path / "r.docx") + ENTER
    assert drive(keys, lambda t: flow.finish(path, t, demo)) == 0
    assert path.read_text(encoding="utf-8") == DEMO_ANSWERS
    assert (tmp_path / "r.docx").read_bytes()[:2] == b"PK"


# ---- ask only what this year lacks (drafter ask / --list / --all) ---------------------------

def rolled_demo(tmp_path, demo) -> Path:
    from drafter import yamlio
    from drafter.rollover import roll_forward

    source = tmp_path / "r-2023.yaml"
    source.write_text(DEMO_ANSWERS, encoding="utf-8")
    rolled = roll_forward(answers_mod.load(source, demo).document, demo)
    path = tmp_path / "r-2024.yaml"
    yamlio.atomic_write_text(path, rolled.document.dumps())
    return path


def test_list_names_the_missing_numbers_with_last_years_values(tmp_path, demo):
    path = rolled_demo(tmp_path, demo)
    lines = [q.line() for q in flow.missing_questions(path, demo)]
    numbers = [line for line in lines if "严格规范执法" in line]
    assert len(numbers) == 4 and any("检查次数" in n and "上年：2770次" in n for n in numbers), lines
    assert not any("写法" in line for line in lines)  # a choice carries: not asked again
    assert [line for line in lines if "本节尚未填写" in line]  # sections whose text moved to last year


def test_ask_asks_exactly_the_listed_questions_then_builds(tmp_path, demo):
    path = rolled_demo(tmp_path, demo)
    listed = flow.missing_questions(path, demo)
    sections = [q for q in listed if q.kind == "section"]
    keys = ""
    for q in listed:  # in the order listed
        if q.kind == "section":
            keys += DOWN + ENTER                        # a section never answered: skip it
        elif q.key == "inspections":
            keys += ENTER + "3000" + ENTER              # 严格规范执法：填写本节; 检查次数
        else:
            keys += {"enterprises": "=", "fines": "2600", "completion": "99"}[q.key] + ENTER
    keys += "2099-01-01" + ENTER + CLEAR + ENTER        # 成文日期：不在报告年度或次年，不收；留空
    keys += DOWN + ENTER                                # 生成 .docx？否
    assert drive(keys, lambda t: flow.run_ask(path, None, t)) == 0
    a = answers_mod.load(path, demo)
    assert a.meta.date is None  # left empty: asked again next time, and listed
    e = a.values["enforcement"]
    assert (e["inspections"], e["enterprises"], e["fines"], e["completion"]) == (3000, 2479, 2600, 99)
    assert flow.missing_questions(path, demo) == []
    skipped = {q.section.id for q in sections}
    assert not skipped & set(a.outline.section_ids())  # skipping takes a section out of the report
    from drafter.compose import compose
    assert not [w for w in compose(a, demo).warnings if "还没有填写" in w and "成文日期" not in w]


def test_enter_at_every_prompt_ends_the_run(tmp_path, demo):
    path = rolled_demo(tmp_path, demo)
    assert drive(ENTER * 400, lambda t: flow.run_ask(path, None, t), timeout=60) == 0


def test_last_years_yes_no_reads_in_chinese():
    from drafter.types import stated
    assert stated(spec("flag"), True) == "是" and stated(spec("flag"), False) == "否"


def test_a_month_is_one_to_twelve():
    from drafter import types
    month = spec("month")
    assert types.of(month).parse("3", month) == 3 and types.of(month).parse("12月", month) == 12
    for bad in ("13", "0", "3.5", "三"):
        with pytest.raises(FieldValueError):
            types.of(month).parse(bad, month)


def test_ask_without_a_terminal_checks_the_file_first(tmp_path, demo_env):
    from tests.conftest import run_drafter
    missing = run_drafter("ask", str(tmp_path / "没有.yaml"), env=demo_env)
    assert missing.returncode == 1 and "找不到文件" in missing.stderr
    new = run_drafter("new", env=demo_env, cwd=tmp_path)
    assert new.returncode == 1 and "drafter import" in new.stderr and "examples" in new.stderr
    (tmp_path / "a.yaml").write_text(DEMO_ANSWERS, encoding="utf-8")
    listed = run_drafter("ask", str(tmp_path / "a.yaml"), "--list", env=demo_env)
    assert listed.returncode == 0 and "齐全" in listed.stderr


def test_a_part_larger_than_its_whole_is_said_at_once_and_kept(tmp_path):
    from drafter.ontology import load

    real = load()
    path = tmp_path / "k.yaml"
    path.write_text(DEMO_ANSWERS.split("outline:")[0] + """outline:
  parts:
    - heading: 执法
      sections: [penalties]
answers:
  penalties:
    system_cases: 100
""", encoding="utf-8")

    class Listening(Terminal):
        said: ClassVar[list[str]] = []

        def say(self, text: str = "") -> None:
            self.said.append(text)

    term = Listening()
    section = real.sections["penalties"]
    flow._saver(Store(path), section, section.field("bureau_cases"), term)(120)
    assert any("本局案件数不能多于全系统案件数（120 > 100）" in line for line in term.said)
    assert answers_mod.load(path, real).values["penalties"]["bureau_cases"] == 120


# ---- drafter ask --numbers: one screen a section, edited in place ---------------------------

TAB, ESC, PGDN = "\t", "\x1b", "\x1b[6~"


def test_numbers_screen_saves_each_value_as_the_cursor_leaves_it(tmp_path, demo):
    from drafter.wizard.numbers import run_numbers

    path = rolled_demo(tmp_path, demo)
    # 严格规范执法: 检查次数, 检查企业家数, 罚款金额, 计划完成率 (then other sections' numbers, if any)
    keys = "3000" + DOWN + "=" + TAB + "-5" + TAB    # a bad value stays on screen, the cursor with it
    keys += BACKSPACE * 2 + "2600" + ENTER + "99.5" + ESC
    assert drive(keys, lambda t: run_numbers(path, t, demo)) == 0
    e = answers_mod.load(path, demo).values["enforcement"]
    assert (e["inspections"], e["enterprises"], e["fines"], e["completion"]) == (3000, 2479, 2600, 99.5)
    assert path.read_text(encoding="utf-8").count("-5") == 0


# ---- the wizard speaks the user's report and terminal ----------------------------------------

def test_text_wraps_by_display_width_never_inside_a_number():
    from drafter.wizard.wording import wrap
    text = "全年立案查处行政处罚案件12345件，罚没金额2590.69万元，计划完成率98.56%。" * 3
    for columns in range(12, 60):
        lines = wrap(text, columns, "  ")
        assert "".join(line.removeprefix("  ") if n else line for n, line in enumerate(lines)) == text
        for line in lines:
            width = sum(2 if "\u4e00" <= ch <= "\u9fff" or ch in "，。" else 1 for ch in line)
            assert width <= max(columns, 12)
        for a, b in itertools.pairwise(lines):
            assert not (a[-1:].isdigit() and b.lstrip()[:1].isdigit()), (a, b)  # no number cut in two


def test_prompt_examples_speak_of_the_users_report():
    from drafter.wizard.wording import adapt
    prompt = "在谁的领导下履职（如“市委市政府”“区委区政府”）；开头如“2023年”"
    county = adapt(prompt, "青山县应急管理局", 2025)
    assert "县委县政府" in county and "“2025年”" in county and "市委市政府" not in county
    assert adapt(prompt, "某市应急管理局", 2025).count("市委市政府") == 1  # a city keeps its own wording


def test_counts_are_asked_in_the_case_unit_the_section_chose():
    from drafter.owntext import with_chosen_units
    fields = [FieldSpec(id="case_unit", type="choice", prompt="量词", options=["件", "起", "宗"]),
              FieldSpec(id="cases", type="count", prompt="案件数", unit="件"),
              FieldSpec(id="firms", type="count", prompt="企业数", unit="家")]
    units = {f.id: f.unit for f in with_chosen_units(fields, {"case_unit": "起"})}
    assert units == {"case_unit": None, "cases": "起", "firms": "家"}
    assert with_chosen_units(fields, {}) == fields


def test_list_menus_use_the_fields_own_measure_word():
    seen = []

    class Recording(Terminal):
        def select(self, message, choices, **kwargs):
            seen.extend(title for title, _ in choices)
            return "done"

    Asker(Recording()).field(spec("docs"), [], None, lambda v: None)
    Asker(Recording()).field(spec("items"), [], None, lambda v: None)
    assert "添加一份文件" in seen and "添加一项" in seen


def test_the_end_summary_is_the_builds_own_warnings(tmp_path, demo):
    from drafter.compose import compose
    path = tmp_path / "a.yaml"
    path.write_text(DEMO_ANSWERS.replace("    note: 主要负责人带头学法\n", ""), encoding="utf-8")
    said = []

    class Listening(Terminal):
        def say(self, text: str = "") -> None:
            said.append(text)

        def select(self, message, choices, **kwargs):
            return False  # 现在生成 .docx 吗？否

    flow.finish(path, Listening(), demo)
    warnings = compose(answers_mod.load(path, demo), demo).warnings
    assert warnings and all(any(w in line for line in said) for w in warnings)


def test_argument_errors_are_in_chinese(demo_env):
    from tests.conftest import run_drafter
    result = run_drafter("build", "a.yaml", "--format", "odt", env=demo_env)
    assert result.returncode == 2 and "可选" in result.stderr and "choose from" not in result.stderr


# ---- undoing a skip, and resuming where the clerk stopped (issue 18) -----------------------

def test_going_back_to_a_skipped_section_and_filling_it_puts_it_back_in_the_outline(tmp_path, demo):
    path = tmp_path / "r.yaml"
    keys = (
        new_report_keys()
        + DOWN + ENTER                 # 1/3 开头：跳过本节 (it is alone in its part: the part goes too)
        + DOWN * 3 + ENTER             # 2/3 执法：← 返回上一题
        + ENTER + "指导思想甲" + ENTER  # 1/3 开头：填写本节
        + DOWN * 2 + ENTER             # 2/3 执法：保存并退出
    )
    assert drive(keys, lambda t: flow.run_new(path, t)) == 0
    a = answers_mod.load(path, demo)
    assert a.values["opening"] == {"guidance": "指导思想甲"}
    assert a.outline.section_ids() == ["opening", "enforcement", "problems"]
    assert a.outline.parts[0].heading in (None, "")  # its own part, first, as before
    assert Store(path).progress() == {"done": ["opening"], "skipped": []}


def test_a_skip_undone_restores_the_section_in_its_part_and_group(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(DEMO_ANSWERS.split("outline:")[0] + """outline:
  parts:
    - heading: 甲
      sections: [opening]
    - heading: 乙
      sections:
        - enforcement
        - heading: 一组
          group: [problems, {id: leaders, heading: 自拟}]
answers: {}
""", encoding="utf-8")
    store = Store(path)
    before = store.read()["outline"]
    order = ["opening", "enforcement", "problems", "leaders"]
    for sid in ("leaders", "opening", "problems"):
        store.remove_from_outline(sid)
    assert store.read()["outline"]["parts"] == [{"heading": "乙", "sections": ["enforcement"]}]
    for sid in ("problems", "opening", "leaders"):  # in another order than they went
        store.restore_to_outline(sid, order)
    assert store.read()["outline"] == before
    # skipped in an earlier run (nothing remembered): after the section before it in the ontology
    store.remove_from_outline("problems")
    Store(path).restore_to_outline("problems", order)
    assert store.read()["outline"]["parts"][1]["sections"] == [
        "enforcement", "problems", {"heading": "一组", "group": [{"id": "leaders", "heading": "自拟"}]}]


@pytest.mark.slow  # waits out the 8 s the wizard is given once the keys run out
def test_ask_resumes_where_the_clerk_stopped_not_at_a_question_left_empty_before(tmp_path, demo):
    path = rolled_demo(tmp_path, demo)
    # 开头 (asked whole)，严格规范执法 (4 numbers), 第一责任人履职, 存在的不足 (asked whole)
    keys = (
        ENTER + ENTER                  # 开头：填写本节; 指导思想 left empty on purpose
        + ENTER                        # 严格规范执法：填写本节
        + ENTER                        # 检查次数 left empty on purpose
        + "=" + ENTER                  # 检查企业家数: as last year; the clerk stops at 罚款金额
    )
    with pytest.raises(AssertionError, match="keys ran out"):
        drive(keys, lambda t: flow.run_ask(path, None, t), timeout=8)
    assert answers_mod.load(path, demo).values["enforcement"]["enterprises"] == 2479

    asked = []

    class Recording(Terminal):
        def text(self, message, **kwargs):
            asked.append(message)
            raise KeyboardInterrupt  # the first question asked is all this test wants

        def select(self, message, choices, **kwargs):
            asked.append(message)
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        flow.run_ask(path, None, Recording())
    assert asked and "罚款金额" in asked[0], asked
    # the questions left empty are still missing: --list names them, the next run asks them
    keys = [q.key for q in flow.missing_questions(path, demo)]
    assert "inspections" in keys and "fines" in keys


def test_ask_stopped_at_a_sections_menu_resumes_at_that_menu(tmp_path, demo):
    path = rolled_demo(tmp_path, demo)
    keys = (
        ENTER + ENTER                  # 开头：填写本节; 指导思想 left empty
        + ENTER + ENTER * 4            # 严格规范执法: its four numbers left empty
        + DOWN * 2 + ENTER             # 第一责任人履职：保存并退出
    )
    assert drive(keys, lambda t: flow.run_ask(path, None, t)) == 0
    first = flow.missing_questions(path, demo, resume=True)[0]
    assert (first.section.id, first.kind) == ("leaders", "section")
    assert flow.missing_questions(path, demo)[0].section.id == "enforcement"  # --list: everything missing


def test_finish_keeps_a_report_edited_in_word_and_writes_the_new_one_beside_it(tmp_path, demo):
    from tests.test_outputs_guard import edit_in_word

    path = tmp_path / "a.yaml"
    path.write_text(DEMO_ANSWERS, encoding="utf-8")
    report = tmp_path / "测试市应急管理局2023年法治政府建设年度报告.docx"
    said = []

    class Listening(Terminal):
        def say(self, text: str = "") -> None:
            said.append(text)

    keys = ENTER + ENTER  # 现在生成 .docx 吗？是; 保存为 (the default, next to the answers file)
    assert drive(keys, lambda t: flow.finish(path, t, demo)) == 0
    edit_in_word(report)
    before = report.read_bytes()
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        assert flow.finish(path, Listening(input=pipe, output=DummyOutput()), demo) == 0
    assert report.read_bytes() == before
    assert (tmp_path / "测试市应急管理局2023年法治政府建设年度报告-1.docx").exists()
    assert any("已在 Word 中改过，没有覆盖；新生成的报告是 测试市应急管理局2023年法治政府建设年度报告-1.docx" in line
               for line in said), said


REVIEWED = one_section("""
    text: |
      【核对】全面落实行政执法三项制度。

      【改写：1月】1月，召开了执法工作会议。

      【改写：“1.15”】吸取“1.15”事故教训，开展专项检查。
    """)


def test_ask_walks_the_carried_paragraphs_events_first(tmp_path, real_ontology):
    """After the numbers, ask shows each paragraph next carried (last year's events first):
    still true, rewrite, or delete; each choice clears its mark and prints nothing extra."""
    from drafter.compose import compose

    path = tmp_path / "r-2024.yaml"
    path.write_text(REVIEWED, encoding="utf-8")
    listed = flow.missing_questions(path, real_ontology)
    assert [q.kind for q in listed] == ["review"] * 3
    assert [q.title[:2] for q in listed] == ["1月", "吸取", "全面"]  # events first
    keys = ENTER                                   # 执法：填写本节
    keys += DOWN + ENTER                           # 1月……：删去这一段（from 改写, the default）
    keys += ENTER + CLEAR + "今年开展危化品专项检查。" + ENTER + ENTER   # “1.15”……：改写（default）
    keys += ENTER                                  # 三项制度：仍属实，保留（default）
    keys += "2025-01-20" + ENTER                   # 成文日期
    keys += DOWN + ENTER                           # 生成 .docx？否
    assert drive(keys, lambda t: flow.run_ask(path, None, t)) == 0
    text = answers_mod.load(path, real_ontology).texts["penalties"]
    assert "【" not in text and "1月" not in text
    assert text.split("\n\n") == ["全面落实行政执法三项制度。", "今年开展危化品专项检查。\n"]
    assert flow.missing_questions(path, real_ontology) == []
    assert not compose(answers_mod.load(path, real_ontology), real_ontology).pending


# ---- every answer counts: what the report prints is asked, with its sentence -----------------

OWN_TEXT_FILE = one_section("""
    text: 全县立案查处行政处罚案件{system_cases}，组织听证会{听证会}。
    facts:
      听证会: xx场
    previous_year:
      system_cases: 790
      bureau_cases: 40
      facts:
        听证会: 20场
    """, issuer="青岚县应急管理局", year=2025, date="2026-01-10")


class _Listening(Terminal):
    said: ClassVar[list[str]] = []

    def say(self, text: str = "") -> None:
        self.said.append(text)


def _own_text_file(tmp_path) -> Path:
    path = tmp_path / "own.yaml"
    path.write_text(OWN_TEXT_FILE, encoding="utf-8")
    return path


def test_list_shows_each_numbers_sentence_and_leaves_out_what_nothing_prints(tmp_path):
    real = ontology_mod.load()
    lines = [q.line() for q in flow.missing_questions(_own_text_file(tmp_path), real)]
    assert len(lines) == 2, lines  # bureau_cases had a value last year, but the text does not print it
    assert lines[0].split("\t")[1:] == ["全地区应急管理系统行政处罚立案数", "全县立案查处行政处罚案件【  】件，组织听证会xx场",
                                         "上年：790件"]
    assert lines[1].endswith("全县立案查处行政处罚案件xx件，组织听证会【  】场\t上年：20场")


def test_ask_section_asks_what_the_text_prints_and_all_asks_the_rest(tmp_path, monkeypatch):
    real = ontology_mod.load()
    path = _own_text_file(tmp_path)
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(Asker, "field", lambda self, spec, *a, sentence="", **k: asked.append((spec.id, sentence)))
    monkeypatch.setattr(Asker, "fact", lambda self, spec, *a, sentence="", **k: asked.append((spec.id, sentence)))
    no = DOWN + ENTER  # 现在生成 .docx 吗？ 否
    assert drive(ENTER + no, lambda t: flow.run_ask(path, ["penalties"], t)) == 0
    assert asked == [("system_cases", "全县立案查处行政处罚案件【  】件，组织听证会xx场"),
                     ("听证会", "全县立案查处行政处罚案件xx件，组织听证会【  】场")]
    asked.clear()
    assert drive(ENTER + no, lambda t: flow.run_ask(path, ["penalties"], t, everything=True)) == 0
    assert len(asked) == len(real.sections["penalties"].fields) + 1  # --all: every field, then the fact


def test_a_value_for_a_number_nothing_prints_is_warned_where_it_is_entered(tmp_path):
    real = ontology_mod.load()
    path = _own_text_file(tmp_path)
    term = _Listening()
    term.said.clear()
    section = real.sections["penalties"]
    flow._saver(Store(path), section, section.field("bureau_cases"), term, real)(45)
    warned = [line for line in term.said if "不会写入报告" in line]
    assert len(warned) == 1 and "{bureau_cases}" in warned[0]
    assert answers_mod.load(path, real).values["penalties"]["bureau_cases"] == 45  # kept all the same
    term.said.clear()
    flow._saver(Store(path), section, section.field("system_cases"), term, real)(800)
    assert not [line for line in term.said if "不会写入报告" in line]


def test_numbers_screen_warns_on_a_value_nothing_prints(tmp_path, monkeypatch):
    from drafter.wizard import numbers

    real = ontology_mod.load()
    path = _own_text_file(tmp_path)
    statuses: list[str] = []
    save = numbers._Screen.save

    def recording(self, index):
        result = save(self, index)
        statuses.append(self.status)
        return result

    monkeypatch.setattr(numbers._Screen, "save", recording)
    # rows: system_cases, 听证会 (printed), then the fields the text does not use, bureau_cases among them
    from drafter import sheet

    rows = sheet.rows(answers_mod.load(path, real), real)
    order = [r.key for r in rows if r.printed] + [r.key for r in rows if not r.printed]
    assert order[:2] == ["penalties.system_cases", "penalties.facts.听证会"]
    keys = "870" + TAB + "25" + TAB * (order.index("penalties.bureau_cases") - 1) + "45" + ESC
    assert drive(keys, lambda t: numbers.run_numbers(path, t, real)) == 0
    values = answers_mod.load(path, real).values["penalties"]
    assert (values["system_cases"], values["bureau_cases"]) == (870, 45)
    assert any("本局（本级）行政处罚案件数" in s and "不会写入报告" in s for s in statuses), statuses
    assert not any("不会写入报告" in s for s in statuses[:2])


LEFT_OUT = one_section("""
    text: |
      全年组织听证会{听证会}，依法保障当事人陈述、申辩权利。办理行政复议案件{复议}。
    facts:
      听证会: xx场
      复议: xx件
    previous_year:
      facts:
        听证会: 3场
        复议: 2件
    """, date="2025-01-10")


def test_a_number_of_own_text_left_empty_is_filled_later_or_its_clause_is_taken_out(tmp_path, real_ontology):
    """Enter on a number of the bureau's own text does not print a blank silently: fill it
    later (xx stays, and check counts it) or take out the clause that states it."""
    from drafter.check import check

    path = tmp_path / "r.yaml"
    path.write_text(LEFT_OUT, encoding="utf-8")
    keys = ENTER                      # 执法：填写本节
    keys += ENTER + ENTER             # 听证会：留空 → 以后再填 (the default)
    keys += ENTER + DOWN + ENTER      # 复议：留空 → 删去这一处
    keys += ENTER                     # 确定删去吗？是
    keys += DOWN + ENTER              # 生成 .docx？否
    assert drive(keys, lambda t: flow.run_ask(path, None, t)) == 0
    a = answers_mod.load(path, real_ontology)
    assert a.texts["penalties"].strip() == "全年组织听证会{听证会}，依法保障当事人陈述、申辩权利。"
    assert list(a.facts["penalties"]) == ["听证会"] and a.facts["penalties"]["听证会"].value is None
    assert any("听证会" in f.problem or "xx" in f.problem for f in check(path) if f.rule == "leftovers")


@pytest.mark.parametrize("text, name, kept, sentence", [
    ("全年组织听证会{听证会}，依法保障当事人权利。", "听证会", "依法保障当事人权利。", "依法保障当事人权利。"),
    ("开展检查{检查}，发现问题{问题}，均已整改到位。", "问题", "开展检查{检查}，均已整改到位。", "开展检查{检查}，均已整改到位。"),
    ("办理复议案件{复议}。\n\n全面落实三项制度。\n", "复议", "全面落实三项制度。\n", ""),
    ("办理行政复议案件{复议}、行政诉讼案件{诉讼}。", "诉讼", "办理行政复议案件{复议}。", "办理行政复议案件{复议}。"),
])
def test_the_clause_that_states_a_number(text, name, kept, sentence):
    from drafter import owntext

    dropped = owntext.without_clause(text, name)
    assert (dropped.text, dropped.sentence) == (kept, sentence)
    assert owntext.without_clause(text, "别的") is None


def test_a_number_given_as_last_years_says_so_in_its_source(tmp_path, real_ontology):
    """= at a number's prompt: last year's value, and its source says 沿用上年 (not only the date)."""
    path = tmp_path / "r.yaml"
    path.write_text(LEFT_OUT, encoding="utf-8")
    keys = ENTER                      # 执法：填写本节
    keys += "=" + ENTER               # 听证会：沿用上年
    keys += "5" + ENTER               # 复议：5件
    keys += DOWN + ENTER              # 生成 .docx？否
    assert drive(keys, lambda t: flow.run_ask(path, None, t)) == 0
    data = yaml.safe_load(path.read_text(encoding="utf-8"))["answers"]["penalties"]
    assert data["facts"] == {"听证会": "3场", "复议": "5件"}
    assert data["sources"]["听证会"].startswith("沿用上年") and data["sources"]["复议"].startswith("drafter ask")
