"""drafter check: clean examples pass, planted faults are found where they are, unfilled
drafts are listed in full."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import docx
import pytest

from drafter import answers as answers_mod
from drafter import yamlio
from drafter.build import build_file
from drafter.check import ERROR, NOTE, check, check_view
from drafter.check import rules as rules_mod
from drafter.check.view import BODY, DATE, HEADING, TITLE, Para, View
from drafter.cli import main
from drafter.rollover import roll_forward
from tests.conftest import ROOT, run_drafter

EXAMPLES = ROOT / "examples"
FINISHED = sorted(p for p in EXAMPLES.glob("*.yaml") if not p.stem.endswith("-draft"))
DRAFTS = sorted(EXAMPLES.glob("*-draft.yaml"))
# anon-city keeps the anonymised source's “xx” names and numbers on purpose (its header says so)
ANONYMISED = {"anon-city"}
KUNSHAN = EXAMPLES / "kunshan-2023.yaml"
KUNSHAN_2024 = EXAMPLES / "kunshan-2024-draft.yaml"


def errors(findings):
    return [f for f in findings if f.severity == ERROR]


def of_rule(findings, rule):
    return [f for f in findings if f.rule == rule]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def planted(tmp_path: Path, source: Path, *edits: tuple[str, str], name: str = "report.yaml") -> tuple[Path, str]:
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    out = tmp_path / name
    out.write_text(text, encoding="utf-8")
    return out, text


def rolled(tmp_path: Path, source: Path, real_ontology) -> tuple[Path, answers_mod.Answers]:
    doc = yamlio.load(source)
    result = roll_forward(doc, real_ontology)
    out = tmp_path / f"{source.stem}-next.yaml"
    out.write_text(result.document.dumps(), encoding="utf-8")
    return out, answers_mod.load(out, real_ontology)


def source_of(draft: Path) -> Path:
    """The finished example a *-draft example was rolled from."""
    stem = draft.stem.removesuffix("-draft").removesuffix("-next")
    found = re.search(r"-(\d{4})$", stem)
    if found:
        stem = stem[:found.start()] + f"-{int(found.group(1)) - 1}"
    return EXAMPLES / f"{stem}.yaml"


# ---------------------------------------------------------------- clean examples


@pytest.mark.parametrize("example", FINISHED, ids=lambda p: p.stem)
def test_a_finished_example_has_no_error(example, real_ontology):
    found = errors(check(example, ontology=real_ontology))
    if example.stem in ANONYMISED:
        assert found and all(f.rule == "leftovers" and "xx" in f.problem for f in found)
    else:
        assert found == [], [f.line() for f in found]


@pytest.fixture(scope="module")
def built(tmp_path_factory, real_ontology):
    """.docx files made by drafter build, once per module."""
    folder = tmp_path_factory.mktemp("built")
    cache: dict[str, Path] = {}

    def make(example: Path) -> Path:
        if example.stem not in cache:
            cache[example.stem] = build_file(example, folder / f"{example.stem}.docx", "docx", ontology=real_ontology).output
        return cache[example.stem]

    return make


@pytest.mark.parametrize("example", [p for p in FINISHED if p.stem not in ANONYMISED], ids=lambda p: p.stem)
def test_the_docx_of_a_finished_example_has_no_error(example, built, real_ontology):
    found = errors(check(built(example), ontology=real_ontology))
    assert found == [], [f.line() for f in found]


SAMPLES = ROOT.parent / "shared" / "samples"


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the real reports are not here")
@pytest.mark.parametrize("name", ["futian-2023.txt", "kunshan-2023.txt", "liaoyang-2023.txt", "qidong-2021.txt"])
def test_a_published_report_has_no_error(name, real_ontology):
    if not (SAMPLES / name).is_file():
        pytest.skip("sample missing")
    found = errors(check(SAMPLES / name, ontology=real_ontology))
    # futian's published text has one character typed twice (局局), which proofreading rightly finds
    found = [f for f in found if not (f.rule == "proofread" and "“局局”" in f.problem and name.startswith("futian"))]
    assert found == [], [f.line() for f in found]


# ---------------------------------------------------------------- drafts rolled fresh and not filled


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.stem)
def test_an_unfilled_draft_lists_every_unfilled_number_and_followup_item(draft, tmp_path, real_ontology):
    path, answers = rolled(tmp_path, source_of(draft), real_ontology)
    found = check(path, ontology=real_ontology)
    assert errors(found)
    said = "\n".join(f"{f.location.field} {f.problem} {f.advice}" for f in found if f.rule == "leftovers")
    expected = []
    for sid in answers.outline.section_ids():
        section = answers.section(sid, real_ontology)
        values, previous = answers.values.get(sid) or {}, answers.previous.get(sid) or {}
        if sid in answers.texts:
            expected += [f"answers.{sid}.facts.{name}" for name, fact in (answers.facts.get(sid) or {}).items()
                         if fact.value is None]
            continue
        expected += [f"answers.{sid}.{spec.id}" for spec in section.fields
                     if spec.type in rules_mod.NUMERIC and values.get(spec.id) in (None, "")
                     and previous.get(spec.id) not in (None, "")]
    assert expected
    assert [e for e in expected if e not in said] == []
    followup = answers.values.get("previous_followup") or {}
    records = [f"answers.previous_followup.{key}[{n}]" for key in ("items", "plans")
               for n, _ in enumerate(followup.get(key) or [])]
    assert records or "previous_followup" not in answers.outline.section_ids()  # no problems or plans last year
    listed = {f.location.field for f in of_rule(found, "followup") if f.severity == ERROR}
    assert set(records) <= listed


def test_the_command_exits_1_on_an_unfilled_draft_and_0_on_a_clean_report(tmp_path, real_ontology, capsys):
    path, _ = rolled(tmp_path, KUNSHAN, real_ontology)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1].startswith("检查完毕：错误") and all(line.startswith(("错误：", "提示：")) for line in out[:-1])
    assert main(["check", str(KUNSHAN)]) == 0


# ---------------------------------------------------------------- planted faults in an answers file


def test_required_part_missing_from_the_outline(tmp_path, real_ontology):
    path, text = planted(tmp_path, KUNSHAN, ("    - heading: 存在的不足和原因\n      style: plain\n      sections: [problems]\n", ""))
    found = [f for f in errors(check(path, ontology=real_ontology)) if f.rule == "contents"]
    assert len(found) == 1 and "不足和原因" in found[0].problem
    assert found[0].location.field == "outline" and found[0].location.line == line_of(text, "outline:")


@pytest.mark.parametrize("rule, edit, needle, field", [
    ("leftovers", ("deployment: 按照市委", "deployment: 按照xx市委"), "按照xx市委", "answers.intro.deployment"),
    ("leftovers", ("lead_in: 具体情况如下：", "lead_in: （此处填写引语）具体情况如下："), "此处填写", "answers.intro.lead_in"),
    ("years", ("deployment: 按照市委、市政府关于", "deployment: 按照市委、市政府2022年关于"), "2022年关于", "answers.intro.deployment"),
    ("names", ("deployment: 按照市委、市政府关于", "deployment: 辽阳市应急管理局按照市委、市政府关于"), "辽阳市应急管理局按照", "answers.intro.deployment"),
    ("arithmetic", ("    bureau_cases: 57\n", "    bureau_cases: 957\n"), "bureau_cases: 957", "answers.penalties.bureau_cases"),
    ("wording", ("guiding: 以习近平新时代中国特色社会主义思想和党的二十大精神为指引",
                 "guiding: 以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届三中全会精神"),
     "二十届三中全会", "answers.intro.guiding"),
])
def test_a_planted_error_in_an_answers_file_is_found_at_its_line(tmp_path, real_ontology, rule, edit, needle, field):
    path, text = planted(tmp_path, KUNSHAN, edit)
    found = [f for f in errors(check(path, ontology=real_ontology)) if f.rule == rule]
    assert found, rule
    assert (found[0].location.field, found[0].location.line) == (field, line_of(text, needle))


def test_form_an_enumeration_that_stops_at_one(tmp_path, real_ontology):
    path, text = planted(tmp_path, KUNSHAN, ("deployment: 按照市委", "deployment: 一是按照市委"))
    found = [f for f in check(path, ontology=real_ontology) if f.rule == "form" and "二是" in f.problem]
    assert found and found[0].location.line == line_of(text, "一是按照市委")


def test_numbers_the_same_as_last_year(tmp_path, real_ontology):
    path, _ = rolled(tmp_path, KUNSHAN, real_ontology)
    one, text = planted(tmp_path, path, ("    case_kind: 事前", "    system_cases: 861\n    case_kind: 事前"), name="one.yaml")
    found = of_rule(check(one, ontology=real_ontology), "numbers")
    assert [(f.severity, f.location.field, f.location.line) for f in found] == \
        [(NOTE, "answers.penalties.system_cases", line_of(text, "system_cases: 861"))]
    many, _ = planted(tmp_path, path, ("    case_kind: 事前", "    system_cases: 861\n    bureau_cases: 57\n    case_kind: 事前"),
                      ("  criminal_referral:\n", "  criminal_referral:\n    pre_cases: 16\n    pre_persons: 17\n"), name="many.yaml")
    assert any(f.severity == ERROR and "4 个" in f.problem for f in of_rule(check(many, ontology=real_ontology), "numbers"))


def test_followup_unfinished_needs_a_reason(tmp_path, real_ontology):
    path, _ = rolled(tmp_path, KUNSHAN, real_ontology)
    edited, text = planted(tmp_path, path, ("      - problem: 执法队伍专业能力不足\n",
                                            "      - problem: 执法队伍专业能力不足\n        status: 未完成\n"), name="f.yaml")
    found = [f for f in of_rule(check(edited, ontology=real_ontology), "followup") if "没有说明原因" in f.problem]
    assert found and found[0].location.field == "answers.previous_followup.items[0]"
    assert found[0].location.line == line_of(text, "problem: 执法队伍专业能力不足")


# ---------------------------------------------------------------- planted faults in an edited .docx


def _edit_docx(source: Path, out: Path, edit) -> Path:
    document = docx.Document(str(source))
    edit(document)
    document.save(str(out))
    return out


def _position(document, paragraph) -> int:
    """第N段 as the readers count it: non-empty paragraphs in order."""
    return [p._element for p in document.paragraphs if p.text.strip()].index(paragraph._element) + 1


def _first(document, needle: str):
    return next(p for p in document.paragraphs if needle in p.text)


def _replace(paragraph, old: str, new: str) -> None:
    paragraph.text = paragraph.text.replace(old, new, 1)


@pytest.mark.parametrize("rule, needle, old, new", [
    ("years", "2024年，昆山市应急管理局", "2024年，", "2023年，"),
    ("names", "2024年，昆山市应急管理局", "昆山市应急管理局", "辽阳市应急管理局"),
    ("leftovers", "行政处罚", "。", "，罚款xx万元。"),
    ("wording", "2024年，昆山市应急管理局", "二十届二中、三中全会", "二十届三中、四中全会"),
    ("arithmetic", "行政处罚", "。", "，执法计划完成率105%。"),
])
def test_a_planted_error_in_an_edited_docx_is_found_at_its_paragraph(tmp_path, built, real_ontology, rule, needle, old, new):
    where = {}

    def edit(document):
        paragraph = _first(document, needle)
        _replace(paragraph, old, new)
        where["n"] = _position(document, paragraph)

    edited = _edit_docx(built(KUNSHAN_2024), tmp_path / "edited.docx", edit)
    found = [f for f in errors(check(edited, ontology=real_ontology)) if f.rule == rule]
    assert found, rule
    assert found[0].location.field == f"第{where['n']}段"
    assert new.strip("，。").split("，")[-1][:4] in found[0].quote or rule == "wording"


def test_a_deleted_required_part_of_a_docx_is_missing(tmp_path, built, real_ontology):
    def edit(document):
        paragraphs = document.paragraphs
        elements = [p._element for p in paragraphs]
        start = elements.index(_first(document, "存在的不足和原因")._element)
        end = elements.index(_first(document, "下一年度工作计划")._element)
        for p in paragraphs[start:end]:
            p._element.getparent().remove(p._element)

    edited = _edit_docx(built(KUNSHAN), tmp_path / "deleted.docx", edit)
    found = of_rule(errors(check(edited, ontology=real_ontology)), "contents")
    assert [f.problem for f in found] == ["缺少法定内容“不足和原因”"]


def test_docx_form_and_followup_notes(tmp_path, built, real_ontology):
    where = {}

    def edit(document):
        paragraph = _first(document, "行政处罚")
        paragraph.text = "一是加强执法,规范程序。该项工作未完成。"
        where["n"] = _position(document, paragraph)

    edited = _edit_docx(built(KUNSHAN_2024), tmp_path / "form.docx", edit)
    found = check(edited, ontology=real_ontology)
    at = f"第{where['n']}段"
    assert {f.rule for f in found if f.location.field == at} >= {"form", "followup"}
    problems = [f.problem for f in found if f.location.field == at]
    assert any("二是" in p for p in problems) and any("半角" in p for p in problems) and any("未完成" in p for p in problems)


def test_numbers_copied_from_last_years_report(tmp_path, built, real_ontology):
    last = built(KUNSHAN)
    old_text = _first(docx.Document(str(last)), "立案查处").text
    where = {}

    def edit(document):
        paragraph = _first(document, "行政处罚")
        paragraph.text = old_text
        where["n"] = _position(document, paragraph)

    edited = _edit_docx(built(KUNSHAN_2024), tmp_path / "copied.docx", edit)
    found = of_rule(check(edited, previous=last, ontology=real_ontology), "numbers")
    assert any(f.location.field == f"第{where['n']}段" and "一字不差" in f.problem for f in found)


# ---------------------------------------------------------------- the rules on small views


def view(*paras: Para, year: int = 2024, issuer: str = "昆山市应急管理局", ontology=None, date=None) -> View:
    return View(file="报告.docx", kind="report", year=year, issuer=issuer, paragraphs=list(paras), ontology=ontology, date=date)


def body(text: str, n: int = 2) -> Para:
    return Para(text, BODY, index=n)


@pytest.mark.parametrize("text", [
    "根据《关于印发××的通知》（苏应急〔2021〕75号）要求。",
    "学习《安全生产法》（2021版）。",
    "自2019年以来，累计查处案件200件。",
    "与2023年同期相比，事故起数下降。",
    "较2023年增加71件。",
    "落实《法治政府建设实施纲要（2021—2025年）》。",
    "针对2023年度法治政府建设年度报告中查摆的问题。",
])
def test_legitimately_old_years_are_not_stale(text, real_ontology):
    assert rules_mod.stale_years(view(body(text), ontology=real_ontology)) == []


def test_last_years_year_is_an_error_an_older_one_a_note(real_ontology):
    found = rules_mod.stale_years(view(body("2023年，全局开展检查。"), body("2021年，全局开展检查。", 3), ontology=real_ontology))
    assert [(f.severity, f.location.field) for f in found] == [(ERROR, "第2段"), (NOTE, "第3段")]


@pytest.mark.parametrize("date, severity", [
    (dt.date(2024, 12, 20), None), (dt.date(2025, 3, 5), None), (dt.date(2025, 6, 1), NOTE), (dt.date(2023, 12, 20), ERROR),
])
def test_signature_date_is_plausible(date, severity, real_ontology):
    found = rules_mod.stale_years(view(Para("2024年12月20日", DATE, index=9), ontology=real_ontology, date=date))
    assert [f.severity for f in found] == ([severity] if severity else [])


def test_title_year_must_agree(real_ontology):
    v = view(Para("昆山市应急管理局2023年法治政府建设年度报告", TITLE, index=1), ontology=real_ontology)
    assert any("标题" in f.problem for f in rules_mod.stale_years(v))


@pytest.mark.parametrize("text, bad", [
    ("立案查处案件861件，同比增加71件，上升9%。", False),
    ("立案查处案件861件，同比增加71件，上升20%。", True),
    ("立案查处案件861件，同比增加71件，下降9%。", True),
    ("罚没金额2590.69万元，同比减少100万元，下降3.7%。", False),
])
def test_a_stated_year_on_year_agrees_with_its_numbers(text, bad, real_ontology):
    found = rules_mod.arithmetic(view(body(text), ontology=real_ontology))
    assert bool(found) is bad


def test_percent_over_100_only_for_rates(real_ontology):
    assert rules_mod.arithmetic(view(body("计划完成率达105%。"), ontology=real_ontology))
    assert not rules_mod.arithmetic(view(body("案件数增长120%。"), ontology=real_ontology))


def test_names_another_region_and_two_forms_of_the_issuer(real_ontology):
    found = rules_mod.names(view(body("辽阳市应急管理局坚持依法行政。"), body("昆山市应急局开展执法。", 3),
                                 body("在苏州市应急管理局的指导下开展工作。", 4), body("全市应急管理系统。", 5),
                                 ontology=real_ontology))
    assert [(f.severity, f.location.field) for f in found] == [(ERROR, "第2段"), (NOTE, "第4段"), (NOTE, "第3段")]


def test_wording_periods_and_meetings(real_ontology):
    found = rules_mod.wording(view(body("深入开展“七五”普法。"), body("学习二十届四中全会精神。", 3), body("总结“七五”普法先进经验。", 4),
                                   body("谋划“十五五”规划。", 5), ontology=real_ontology))
    assert [(f.severity, f.location.field) for f in found] == [(ERROR, "第2段"), (ERROR, "第3段"), (NOTE, "第5段")]


def test_a_tally_of_unfinished_items_is_not_an_unfinished_item(real_ontology):
    assert rules_mod.followup(view(body("已完成3项，尚未完成1项。"), ontology=real_ontology)) == []
    assert rules_mod.followup(view(body("执法信息化建设未完成。"), ontology=real_ontology))
    assert rules_mod.followup(view(body("受资金影响，执法信息化建设未完成。"), ontology=real_ontology)) == []


def test_a_heading_naming_another_meeting_than_its_body(real_ontology):
    found = rules_mod.wording(view(Para("（一）深入学习贯彻党的二十届三中全会精神", HEADING, level=2, index=2),
                                   body("深入学习贯彻党的二十大精神。", 3), year=2025, ontology=real_ontology))
    assert [(f.severity, f.location.field) for f in found] == [(NOTE, "第2段")]
    same = rules_mod.wording(view(Para("（一）深入学习贯彻党的二十大精神", HEADING, level=2, index=2),
                                  body("深入学习贯彻党的二十大精神。", 3), year=2025, ontology=real_ontology))
    assert same == []


def test_form_heading_without_body_duplicates_and_long_paragraphs(real_ontology):
    sentence = "坚持把应急管理监管执法与法治政府建设有机结合起来，全面推进依法行政。"
    found = rules_mod.form(view(Para("一、标题", HEADING, level=1, index=2), Para("二、标题", HEADING, level=1, index=3),
                                body(sentence, 4), body(sentence + "没有句号", 5), body("很长。" * 300, 6),
                                ontology=real_ontology))
    problems = {(f.location.field, f.problem.split("（")[0]) for f in found}
    assert ("第2段", "标题下面没有正文") in problems
    assert ("第5段", "句子与前文重复") in problems and ("第5段", "段落没有以句号结束") in problems
    assert ("第6段", "段落很长") in problems
    assert ("第3段", "标题下面没有正文") not in problems


def test_a_report_file_without_the_shortcomings_misses_them(real_ontology):
    v = view(Para("一、主要举措和成效", HEADING, level=1, index=2), body("全年开展执法检查，第一责任人履职。", 3),
             Para("二、下一步工作安排", HEADING, level=1, index=4), body("继续加强执法。", 5), ontology=real_ontology)
    missing = [f.problem for f in rules_mod.required_contents(v)]
    assert "缺少法定内容“不足和原因”" in missing and not any("下一年度安排" in m for m in missing)


def test_other_content_may_be_an_explicit_none(real_ontology):
    v = view(Para("五、其他需要报告的情况", HEADING, level=1, index=2), body("无。", 3), ontology=real_ontology)
    assert not any("其他情况" in f.problem for f in rules_mod.required_contents(v))


def test_every_rule_is_listed_once_with_a_chinese_title():
    ids = [r.id for r in rules_mod.RULES]
    assert len(ids) == len(set(ids)) >= 11
    assert all(re.search(r"[\u4e00-\u9fff]", r.title) for r in rules_mod.RULES)


# ---------------------------------------------------------------- the command line


def test_json_output_and_exit_status(tmp_path):
    path, _ = planted(tmp_path, KUNSHAN, ("deployment: 按照市委", "deployment: 按照xx市委"))
    result = run_drafter("check", str(path), "--json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["errors"] >= 1 and data["summary"].startswith("检查完毕")
    first = next(f for f in data["findings"] if f["rule"] == "leftovers")
    assert first["severity"] == "错误" and first["field"] == "answers.intro.deployment" and first["line"]


def test_a_missing_file_is_one_chinese_line(tmp_path):
    result = run_drafter("check", str(tmp_path / "没有.docx"))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "找不到文件" in result.stderr and "Traceback" not in result.stderr


def test_check_view_runs_each_rule(real_ontology):
    calls = []
    rule = rules_mod.Rule("x", "测试", lambda v: calls.append(v) or [])
    check_view(view(ontology=real_ontology), [rule])
    assert len(calls) == 1


def test_half_width_marks_all_through_are_said_once(real_ontology):
    many = [body(f"第{n}项工作,稳步推进。", n) for n in range(2, 12)]
    found = [f for f in rules_mod.form(view(*many, ontology=real_ontology)) if "半角" in f.problem]
    assert len(found) == 1 and "共 10 段" in found[0].problem
    few = [f for f in rules_mod.form(view(*many[:2], ontology=real_ontology)) if "半角" in f.problem]
    assert [f.location.field for f in few] == ["第2段", "第3段"]


def test_build_counts_leftovers_with_the_same_list(tmp_path, real_ontology):
    from drafter.compose import compose

    path, _ = planted(tmp_path, KUNSHAN, ("deployment: 按照市委", "deployment: 按照××市委"))
    warnings = compose(answers_mod.load(path, real_ontology), real_ontology).warnings
    assert any("1 处占位符（××）" in w for w in warnings)
    assert any(f.rule == "leftovers" and "××" in f.problem for f in check(path, ontology=real_ontology))


@pytest.mark.parametrize("text, found", [
    ("学习借鉴张家港市应急管理局的经验。", ["张家港市"]),
    ("照搬自呼和浩特市应急管理局。", ["呼和浩特市"]),  # 和 may belong to a longer name
    ("参照沛县应急管理局做法。", ["沛县"]),
    ("深圳市福田区应急管理局开展检查。", ["福田区"]),
    ("制定《2023年昆山市应急管理局工作要点》。", []),  # the issuer after a year
    ("赴南京市应急管理局考察。", ["南京市"]),
    ("在各区应急管理局的配合下。", []),
    ("一贯坚持推动淮安市应急管理局工作。", ["淮安市"]),  # no boundary in a full window: two characters
])
def test_another_regions_name_is_quoted_whole(text, found, real_ontology):
    findings = rules_mod.names(view(body(text), ontology=real_ontology))
    assert [re.search(r"出现“(.+?)”", f.problem).group(1) for f in findings if "出现" in f.problem] == found


# ---------------------------------------------------------------- congresses are data (_check.yaml)


def _with_22nd(tmp_path, monkeypatch) -> None:
    """A copy of the ontology whose _check.yaml has the 22nd congress, as its comment says to add it."""
    root = tmp_path / "sections"
    root.mkdir()
    text = (ROOT / "sections" / "_check.yaml").read_text(encoding="utf-8")
    assert "二十二" not in text
    (root / "_check.yaml").write_text(text.replace("meetings:\n", "meetings:\n  二十二大: 2032\n", 1), encoding="utf-8")
    monkeypatch.setenv("DRAFTER_SECTIONS", str(root))


def test_a_congress_added_to_the_table_is_flagged_when_later_than_the_report(tmp_path, monkeypatch, real_ontology):
    report = view(body("学习贯彻党的二十二大精神。"), year=2025, ontology=real_ontology)
    assert rules_mod.wording(report) == []  # 二十二 is not in the table: not a meeting check knows
    _with_22nd(tmp_path, monkeypatch)
    found = rules_mod.wording(report)
    assert [(f.severity, f.location.field) for f in found] == [(ERROR, "第2段")]
    assert "二十二大（2032年召开）" in found[0].problem
    assert rules_mod.wording(view(body("学习贯彻党的二十二大精神。"), year=2032, ontology=real_ontology)) == []


def test_a_congress_added_to_the_table_is_compared_between_heading_and_body(tmp_path, monkeypatch, real_ontology):
    report = view(Para("（一）深入学习贯彻党的二十二大精神", HEADING, level=2, index=2),
                  body("深入学习贯彻党的二十大精神。", 3), year=2033, ontology=real_ontology)
    assert rules_mod.wording(report) == []
    _with_22nd(tmp_path, monkeypatch)
    found = rules_mod.wording(report)
    assert [(f.severity, f.location.field) for f in found] == [(NOTE, "第2段")]
    assert "二十二大" in found[0].problem


def test_a_meeting_name_the_table_cannot_hold_is_a_located_error(tmp_path, monkeypatch, real_ontology):
    from drafter.errors import DrafterError

    root = tmp_path / "sections"
    root.mkdir()
    text = (ROOT / "sections" / "_check.yaml").read_text(encoding="utf-8")
    (root / "_check.yaml").write_text(text.replace("meetings:\n", "meetings:\n  二十二次代表大会: 2032\n", 1), encoding="utf-8")
    monkeypatch.setenv("DRAFTER_SECTIONS", str(root))
    with pytest.raises(DrafterError) as err:
        rules_mod.wording(view(body("学习贯彻党的二十大精神。"), ontology=real_ontology))
    assert err.value.location.file == str(root / "_check.yaml") and err.value.location.field == "meetings.二十二次代表大会"
