"""drafter check --previous on a report written without drafter (issue 20, part 9): against last
year's report it finds the paragraphs taken over (an event is an error, standing practice a note),
problems and plans that are last year's again, a running number not rolled, and a report
without its 成文日期 or 落款. A report rewritten for its year gets none of these."""
from __future__ import annotations

import docx
import pytest

from drafter import carried
from drafter.check import ERROR, NOTE, check
from drafter.check import rules as rules_mod
from drafter.check.view import BODY, HEADING, Para
from tests.test_hardening import drafter, write

# ---- last year's report: every paragraph below is this test's own prose

EVENT = "1月，我局召开全县应急管理执法工作会议，通报“1.15”事故调查处理情况，部署开展为期三个月的危险化学品专项执法行动。"
STANDING = "严格落实行政执法公示、执法全过程记录、重大执法决定法制审核三项制度，执法文书统一在执法信息系统中制作，案卷实行一案一档、专人管理。"
MEASURES = "围绕企业反映集中的证照办理事项，梳理行政许可办事指南，压缩审批时限，推行容缺受理和网上办理，群众办事更加便捷。"
PROBLEM = "执法人员力量仍然偏弱，全局持有执法证件的人员不足二十人，面对辖区数量众多的生产经营单位，日常检查覆盖面有限，专业执法能力有待提升。"
PLAN = "持续加强执法队伍建设，通过公开招录、业务培训和以案代训等方式充实执法力量，全年组织执法业务培训不少于四次，提升执法人员专业水平。"


def report(year: int, *, intro: str, event: str, standing: str, campaign: str, measures: str, problem: str, plan: str,
           problems_heading: str = "三、存在的不足和原因", plans_heading: str = "四、下一年度工作安排",
           measures_heading: str = "（三）优化政务服务", followup: str = "", ending: str = "",
           leader: str = "局党委书记、局长带头学法，主持党委会专题研究法治政府建设，对重大执法决定逐件把关。") -> str:
    closing = ending if ending else f"某县应急管理局\n{year}年12月20日\n"
    return (f"某县应急管理局{year}年法治政府建设年度报告\n县委、县人民政府：\n{intro}\n"
            "一、推进法治政府建设的主要举措和成效\n"
            f"（一）规范行政执法\n{event}\n{standing}\n"
            f"（二）深化普法宣传\n{campaign}\n"
            f"{measures_heading}\n{measures}\n"
            "二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
            f"{leader}\n"
            f"{followup}"
            f"{problems_heading}\n{problem}\n"
            f"{plans_heading}\n{year + 1}年，我局将着力从以下几个方面抓好落实：\n{plan}\n"  # a lead-in, kept each year
            "五、其他需要报告的情况\n无。\n"
            f"{closing}")


LAST = report(2023, intro="2023年，我局坚持以法治思维推进应急管理工作，法治政府建设各项任务有序落实。现将有关情况报告如下：",
              event=EVENT, standing=STANDING,
              campaign="6月，围绕第22个“安全生产月”主题，组织开展法律法规进企业活动，发放宣传资料3200份。",
              measures=MEASURES, problem=PROBLEM, plan=PLAN)

# this year's report as a clerk who rewrote every paragraph would write it
REWRITTEN = dict(
    intro="2024年，我局把法治建设融入应急管理日常工作，各项任务按计划推进。现将有关情况报告如下：",
    leader="主要负责人年内四次在党委会上专题听取执法工作汇报，亲自审定本局年度执法计划和普法责任清单。",
    event="3月，我局组织全县执法骨干集中培训，围绕新修订的安全生产法律法规逐条解读，并对八家企业开展联合执法检查。",
    standing="今年起执法文书全部改用移动执法终端现场制作，案卷电子化归档，执法过程视频与案卷同步上传，调阅查询更加方便。",
    campaign="6月，以第23个“安全生产月”为契机，组织执法人员走进园区企业开展送法服务，发放宣传册4100份。",
    measures="今年新增企业开办涉及的安全生产事项一次告知服务，各类申请材料清单全部公开，平均办理时间缩短到三个工作日。",
    problem="基层执法装备配备不足，部分乡镇应急办缺少便携式检测仪器，现场取证主要依靠拍照，证据固定不够规范。",
    plan="为乡镇应急办统一配备便携式检测仪器和执法记录仪，制定现场取证工作指引，年底前实现乡镇执法装备全覆盖。",
)

# …and as one who took last year's over: the event and the standing practice unchanged, the
# problem hardly touched, the plan unchanged, the 安全生产月 still the 22nd, no 成文日期
COPIED = {**REWRITTEN, "event": EVENT, "standing": STANDING,
          "campaign": "6月，以第22个“安全生产月”为契机，组织执法人员走进园区企业开展送法服务，发放宣传册4100份。",
          "problem": PROBLEM.replace("仍然偏弱", "依然薄弱").replace("专业执法能力有待提升", "专业能力还需加强"),
          "plan": PLAN, "ending": "某县应急管理局\n"}


def carried_findings(findings):
    return [f for f in findings if f.rule == "carried"]


@pytest.fixture
def last_year(tmp_path):
    return write(tmp_path, LAST, "2023年报告.txt")


def test_the_copied_problem_is_between_the_two_thresholds():
    """The fixture says what it claims: alike enough for a problem (0.8), not for any paragraph (0.9)."""
    import difflib

    ratio = difflib.SequenceMatcher(None, COPIED["problem"], PROBLEM, autojunk=False).ratio()
    assert 0.8 <= ratio < 0.9


def test_a_report_that_took_last_years_over_is_told_each_thing(tmp_path, last_year, capsys):
    this_year = write(tmp_path, report(2024, **COPIED), "2024年报告.txt")
    code, out, _ = drafter(capsys, "check", str(this_year), "--previous", str(last_year))
    assert code == 1
    lines = [line for line in out.splitlines() if "上年" in line or "届次" in line or "成文日期" in line]
    event = next(line for line in lines if "1月，我局召开" in line)
    reasons = "、".join(carried.classify(EVENT).reasons)  # what sections/_carried.yaml finds: 1月、“1.15”…
    assert event.startswith("错误：") and "与上年报告的一段几乎相同（上年第6段" in event
    assert f"说的是上年的事（{reasons}）" in event and "1月、“1.15”" in reasons
    standing = next(line for line in lines if "严格落实行政执法公示" in line and "几乎相同" in line)
    assert standing.startswith("提示：") and "请核对今年是否仍属实" in standing
    problem = next(line for line in lines if "执法人员力量依然薄弱" in line)
    assert problem.startswith("错误：") and "这条问题与上年报告所列的问题几乎相同" in problem
    plan = next(line for line in lines if "持续加强执法队伍建设" in line)
    assert plan.startswith("错误：") and "这条工作安排与上年报告所列的工作安排" in plan and "说的是上年的事" not in plan
    counter = next(line for line in lines if "第22个" in line)
    assert counter.startswith("错误：") and "应为“第23个”" in counter
    assert any(line.startswith("错误：") and "报告没有成文日期" in line for line in out.splitlines())
    # each paragraph is told once, in one line, where it stands
    assert sum("持续加强执法队伍建设" in line and "上年" in line for line in out.splitlines()) == 1
    assert all(line.count("\n") == 0 and "：第" in line for line in (event, standing, problem, plan, counter))


def test_a_report_rewritten_for_its_year_gets_none_of_them(tmp_path, last_year, real_ontology):
    this_year = write(tmp_path, report(2024, **REWRITTEN), "2024年报告.txt")
    assert carried_findings(check(this_year, previous=last_year, ontology=real_ontology)) == []


@pytest.mark.parametrize("problems_heading, plans_heading", [
    ("三、问题与不足", "四、下步打算"),  # headings drafter import does not take for these parts
    ("三、工作中存在的短板和差距", "四、明年工作思路"),
    ("三、存在的问题和下一步打算", "（一）努力方向"),  # one part for both
])
def test_problems_and_plans_are_found_under_unusual_headings(tmp_path, last_year, real_ontology,
                                                           problems_heading, plans_heading):
    text = report(2024, **{**COPIED, "plan": PLAN.replace("不少于四次", "不少于五次")},
                  problems_heading=problems_heading, plans_heading=plans_heading)
    found = carried_findings(check(write(tmp_path, text, "2024年报告.txt"), previous=last_year, ontology=real_ontology))
    problems = [f for f in found if "这条" in f.problem]
    assert [f.severity for f in problems] == [ERROR, ERROR], [f.line() for f in found]
    assert [f.quote[:6] for f in problems] == ["执法人员力量", "持续加强执法"]


def test_a_paragraph_under_a_heading_that_merely_says_problem_is_no_problem(tmp_path, last_year, real_ontology):
    """0.8–0.9 alike: an error for a problem, nothing for the measures under 坚持问题导向."""
    measures = MEASURES.replace("证照办理", "许可办理").replace("群众办事更加便捷", "企业办事少跑腿")
    assert rules_mod._most_alike(rules_mod._plain(measures), [(None, rules_mod._plain(MEASURES))], 0.8)
    assert not rules_mod._most_alike(rules_mod._plain(measures), [(None, rules_mod._plain(MEASURES))], 0.9)
    text = report(2024, **{**REWRITTEN, "measures": measures}, measures_heading="（三）坚持问题导向，优化政务服务")
    found = check(write(tmp_path, text, "2024年报告.txt"), previous=last_year, ontology=real_ontology)
    assert carried_findings(found) == []


def test_the_follow_up_may_quote_last_years_problem(tmp_path, last_year, real_ontology):
    followup = f"三、上年度存在问题的整改情况\n{PROBLEM}现已整改。\n"
    text = report(2024, **REWRITTEN, followup=followup).replace("三、存在的不足", "四、存在的不足") \
        .replace("四、下一年度", "五、下一年度").replace("五、其他", "六、其他")
    assert carried_findings(check(write(tmp_path, text, "2024年报告.txt"), previous=last_year, ontology=real_ontology)) == []


def test_a_paragraph_with_this_years_figures_in_last_years_words_was_reviewed(tmp_path, last_year, real_ontology):
    """drafter's own way: keep the words, put in this year's numbers."""
    campaign_2023 = "6月，围绕第22个“安全生产月”主题，组织开展法律法规进企业活动，发放宣传资料3200份。"
    for campaign, told in ((campaign_2023.replace("22", "23").replace("3200", "3900"), False),
                           (campaign_2023.replace("22", "23"), True)):
        text = report(2024, **{**REWRITTEN, "campaign": campaign})
        found = carried_findings(check(write(tmp_path, text, "2024年报告.txt"), previous=last_year, ontology=real_ontology))
        assert bool(found) is told, [f.line() for f in found]


# ---- 落款 and 成文日期


@pytest.mark.parametrize("ending, missing", [
    ("某县应急管理局\n", "报告没有成文日期"),
    ("2024年12月20日\n", "报告没有落款（发文机关署名）"),
    ("", "报告没有落款（发文机关署名）和成文日期"),
])
def test_a_report_without_its_signature_or_date(tmp_path, last_year, real_ontology, ending, missing):
    text = report(2024, **REWRITTEN, ending=ending or "\n")
    found = [f for f in carried_findings(check(write(tmp_path, text, "2024年报告.txt"), previous=last_year,
                                                 ontology=real_ontology)) if "报告没有" in f.problem]
    assert [(f.severity, f.problem) for f in found] == [(ERROR, missing)]


# ---- many paragraphs taken over


TOPICS = ["安全生产执法检查", "行政执法案卷评查", "执法人员资格管理", "重大行政决策合法性审查", "规范性文件备案审查",
          "行政复议应诉", "法律顾问参与决策", "普法责任清单落实"]


def _many(year: int, topics: list[str], rewritten: list[str] = ()) -> str:
    paragraphs = "\n".join([f"{t}工作由分管负责人牵头，相关科室按照职责分工抓好落实，做到有部署、有检查、有记录、有总结。" for t in topics]
                           + [f"今年对{t}进行了全面梳理，查找出薄弱环节后逐项制定改进措施，并在年底组织复查。" for t in rewritten])
    return (f"某县应急管理局{year}年法治政府建设年度报告\n县委、县人民政府：\n"
            f"一、推进法治政府建设的主要举措和成效\n{paragraphs}\n"
            f"二、存在的不足和原因\n{PROBLEM if year == 2023 else REWRITTEN['problem']}\n"
            f"三、下一年度工作安排\n{PLAN if year == 2023 else REWRITTEN['plan']}\n"
            f"某县应急管理局\n{year}年12月20日\n")


def test_many_notes_are_a_handful_and_one_line(tmp_path, real_ontology):
    last = write(tmp_path, _many(2023, TOPICS), "2023.txt")
    found = carried_findings(check(write(tmp_path, _many(2024, TOPICS), "2024.txt"), previous=last, ontology=real_ontology))
    notes = [f for f in found if f.severity == NOTE]
    assert len(notes) == 6 and notes[-1].problem.startswith("另有 3 段与上年报告的段落几乎相同（第")
    whole = [f for f in found if f.severity == ERROR]
    assert len(whole) == 1 and "正文可比的 10 段中有 8 段" in whole[0].problem
    # a few: each its own note, and no error for the whole report
    fewer = _many(2024, TOPICS[:3], TOPICS[3:])
    found = carried_findings(check(write(tmp_path, fewer, "2024b.txt"), previous=last, ontology=real_ontology))
    assert [f.severity for f in found] == [NOTE] * 3, [f.line() for f in found]


# ---- last year's report as a .docx, this year's as an answers file


def test_last_years_report_may_be_a_docx(tmp_path, real_ontology):
    document = docx.Document()
    for line in LAST.splitlines():
        document.add_paragraph(line)
    last = tmp_path / "2023年报告.docx"
    document.save(str(last))
    this_year = write(tmp_path, report(2024, **COPIED), "2024年报告.txt")
    found = carried_findings(check(this_year, previous=last, ontology=real_ontology))
    assert {f.quote[:6] for f in found if f.severity == ERROR} >= {"1月，我局召", "执法人员力量", "持续加强执法"}
    assert carried_findings(check(write(tmp_path, report(2024, **REWRITTEN), "ok.txt"), previous=last,
                                  ontology=real_ontology)) == []


def test_an_answers_file_is_compared_by_the_roles_of_its_sections(tmp_path, last_year, real_ontology):
    answers = write(tmp_path, f"""\
report:
  issuer: 某县应急管理局
  year: 2024
  date: 2024-12-20
outline:
  parts:
    - heading: 推进法治政府建设的主要举措和成效
      sections: [penalties]
    - heading: 存在的不足和原因
      sections: [problems]
answers:
  penalties:
    text: |
      {STANDING}
  problems:
    text: |
      {PROBLEM}
""", "2024.yaml")
    found = carried_findings(check(answers, previous=last_year, ontology=real_ontology))
    by_quote = {f.quote[:6]: f for f in found}
    assert by_quote["严格落实行政"].severity == NOTE and by_quote["严格落实行政"].location.field == "answers.penalties.text"
    assert by_quote["执法人员力量"].severity == ERROR and "这条问题" in by_quote["执法人员力量"].problem
    assert not any("报告没有" in f.problem for f in found)  # an answers file's date and signature are build's


# ---- roles on small views


def test_a_flat_lead_names_its_role_and_a_heading_about_work_none(real_ontology):
    paras = [Para("一、主要工作", HEADING, level=1), Para("（一）理清工作思路，强化组织领导", HEADING, level=2),
             Para("坚持每月研究一次法治工作。", BODY), Para("四是存在问题。执法力量不足。", BODY),
             Para("五是下步打算：加强培训。", BODY), Para("二、存在的主要问题", HEADING, level=1), Para("（一）执法力量", HEADING, level=2),
             Para("人员偏少。", BODY), Para("三、2024年工作计划", HEADING, level=1), Para("加强培训。", BODY)]
    assert rules_mod._roles(paras, real_ontology) == [None, None, None, "problems", "plans",
                                                      "problems", "problems", "problems", "plans", "plans"]
