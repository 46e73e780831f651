"""A draft that is true this year (issue 20): what `next` carries from last year is rolled
where the calendar says how, and kept as it was where changing it would invent something."""
from __future__ import annotations

import pytest

from drafter.rollover import _shift_prose_years, kept_titles
from tests.support.answers_files import one_section


@pytest.mark.parametrize("text, rolled", [
    ("2024年，我局开展执法检查，2024年同期下降。", "2025年，我局开展执法检查，2025年同期下降。"),
    # a document's title names a document that exists: its year stays
    ("印发《2024年某县应急管理局执法检查工作方案》。", "印发《2024年某县应急管理局执法检查工作方案》。"),
    ("按照《法治政府建设实施纲要（2021-2025年）》要求", "按照《法治政府建设实施纲要（2021-2025年）》要求"),
    ("学习《某某大事记（1921年7月-2021年7月）》", "学习《某某大事记（1921年7月-2021年7月）》"),
    # a document number, a range of years
    ("依据某应急〔2024〕5号文件，2024年底前完成", "依据某应急〔2024〕5号文件，2025年底前完成"),
    ("实施2023年至2025年三年行动，2024年全年推进", "实施2023年至2025年三年行动，2025年全年推进"),
    ("2023—2025年规划", "2023—2025年规划"),
])
def test_years_in_prose_roll_and_names_keep_theirs(text, rolled):
    assert _shift_prose_years(text, 2024) == rolled


def test_titles_with_last_years_year_are_named_for_review():
    text = "印发《2024年执法计划》和《法治政府建设实施纲要（2021-2025年）》，落实《2019年细则》。"
    assert kept_titles(text, 2024) == ["《2024年执法计划》"]
    assert kept_titles(text, 2025) == ["《2024年执法计划》", "《法治政府建设实施纲要（2021-2025年）》"]


def penalties_report(folder, *paragraphs: str):
    """A 2023 answers file whose one section, penalties, is own text of these paragraphs."""
    text = "\n\n".join(paragraphs).replace("\n", "\n      ")
    source = folder / "r-2023.yaml"
    source.write_text("report:\n  issuer: 某县应急管理局\n  year: 2023\n  date: 2023-12-20\n"
                      "outline:\n  parts:\n    - heading: 执法\n      sections: [penalties]\n"
                      f"answers:\n  penalties:\n    text: |\n      {text}\n", encoding="utf-8")
    return source


# ---- counters roll (part 3) ---------------------------------------------------------------

@pytest.fixture(scope="module")
def observances(real_ontology):
    return real_ontology.observances


@pytest.mark.parametrize("text, year, rolled", [
    ("今年6月是全国第22个“安全生产月”。", 2024, "今年6月是全国第23个“安全生产月”。"),
    ("迎来第十五个全国防灾减灾日和第三十四个国际减灾日", 2024, "迎来第十六个全国防灾减灾日和第三十五个国际减灾日"),
    ("第32个全国消防日前后", 2024, "第33个全国消防日前后"),
    ("第六个宪法宣传周", 2024, "第七个宪法宣传周"),
    ("组织第5个检查组，第3个工作日内办结", 2024, "组织第5个检查组，第3个工作日内办结"),  # no event: left alone
])
def test_national_counters_follow_the_calendar(observances, text, year, rolled):
    from drafter.counters import roll

    assert roll(text, year, observances)[0] == rolled


def test_a_local_counter_moves_on_by_one_and_is_named(observances):
    from drafter.counters import roll

    text, changes = roll("今年是全国第20个、南通市第34个安全生产月", 2022, observances)
    assert text == "今年是全国第21个、南通市第35个安全生产月"
    assert [(c.before, c.after, c.local) for c in changes] == [("第20个", "第21个", False), ("第34个", "第35个", True)]


def test_next_rolls_the_counters_of_own_text_and_says_so(tmp_path):
    from drafter import cli

    source = tmp_path / "r-2023.yaml"
    source.write_text(one_section("""
    text: 今年6月是全国第22个、本县第8个安全生产月，我局印发《2023年安全生产月活动方案》。
    """, issuer="某县应急管理局", year=2023, section="themed_campaigns", heading="普法宣传"), encoding="utf-8")
    assert cli.main(["next", str(source)]) == 0
    rolled = (tmp_path / "r-2024.yaml").read_text(encoding="utf-8")
    assert "全国第23个、本县第9个安全生产月" in rolled
    assert "《2023年安全生产月活动方案》" in rolled and "请核对今年是否另发了文件" in rolled
    assert "本地的届次是上年加一" in rolled


# ---- carried text: to rewrite or to confirm (parts 1 and 2) -------------------------------
# Sentences in the manner of real reports, written for these tests.

EVENTS = [
    "1月，局党委会专题学习上级会议精神，研究部署全年法治工作。",
    "6月20日，组织开展安全宣传咨询日活动，发放资料3000余份。",
    "今年，我局创新推出安全宣传品牌，受到群众欢迎。",
    "吸取“1.15”事故教训，组织开展危化品企业专项检查。",
    "印发《2024年安全生产执法检查计划》，明确检查重点。",
    "制定了《应急管理行政处罚裁量基准》，规范执法行为。",
    "依据某应急〔2024〕12号文件，开展专项整治。",
    "年初，召开了全市应急管理法治工作会议。",
    "截至目前，已完成整改隐患1200余处。",
    "上半年，组织执法人员参加培训两期。",
    "市人大代表建议已按期办复，代表满意。",
    "我局在全省法治建设考核中排名第一名。",
    "荣获省级“法治宣传教育先进单位”称号。",
    "新修订的安全生产法规正式施行，我局组织专题学习。",
    "十二月中旬，迎接省督导检查组的实地检查。",
    "10月份，完成全部乡镇应急预案修订。",
    "今年以来，共开展执法检查420家次。",
    "省政府领导来我局调研指导应急管理工作。",
    "一季度，开展安全生产大检查。",
    "日前，我局召开了法治政府建设推进会。",
]
STANDING = [
    "坚持把学习习近平法治思想作为党委理论学习中心组的必学内容。",
    "全面落实行政执法公示、执法全过程记录、重大执法决定法制审核三项制度。",
    "严格落实“谁执法谁普法”普法责任制。",
    "实行权责清单动态管理，及时调整执法事项。",
    "法律顾问全程参与重大行政决策和执法决定的合法性审查。",
    "执法人员全部持证上岗，定期组织业务培训。",
    "建立安全生产行政执法与刑事司法衔接长效机制。",
    "每季度召开执法案卷评查会，通报评查结果。",
    "始终把人民群众生命安全放在首位。",
    "健全应急预案体系，推进预案数字化管理。",
    "持续开展安全宣传“五进”活动。",
    "对企业实行分级分类监管，提高执法精准度。",
]


@pytest.mark.parametrize("sentence", EVENTS)
def test_an_event_of_last_year_is_marked_to_rewrite_with_its_reasons(sentence):
    from drafter.carried import REWRITE, classify

    verdict = classify(sentence)
    assert verdict.kind == REWRITE and verdict.reasons, sentence
    assert all(reason in sentence for reason in verdict.reasons)


@pytest.mark.parametrize("sentence", STANDING)
def test_standing_practice_is_marked_to_confirm(sentence):
    from drafter.carried import CONFIRM, classify

    assert classify(sentence).kind == CONFIRM, (sentence, classify(sentence).reasons)


def test_marks_go_on_each_paragraph_never_on_a_heading_and_never_reach_the_report():
    from drafter.carried import mark_paragraphs, pending, without_marks

    text = f"{STANDING[0]}\n\n# 加强执法\n{EVENTS[0]}\n{STANDING[1]}\n\n{EVENTS[3]}\n"
    marked, verdicts = mark_paragraphs(text)
    assert [v.kind for v in verdicts] == ["核对", "改写", "改写"]
    assert "\n# 加强执法\n【改写：1月" in marked
    assert without_marks(marked) == text
    assert [p.kind for p in pending(marked)] == ["核对", "改写", "改写"]
    assert mark_paragraphs(marked)[0] == marked  # marked once


def test_the_clerk_clears_a_mark_by_deleting_it_and_build_final_then_builds(tmp_path):
    from drafter import cli

    source = penalties_report(tmp_path, EVENTS[3], STANDING[1])
    assert cli.main(["next", str(source)]) == 0
    draft = tmp_path / "r-2024.yaml"
    text = draft.read_text(encoding="utf-8")
    assert "【改写：“1.15”】" in text and "【核对】全面落实" in text
    out = tmp_path / "r.md"
    assert cli.main(["build", str(draft), "-o", str(out)]) == 0
    assert "【" not in out.read_text(encoding="utf-8")  # a drafting note never reaches the report
    assert cli.main(["build", str(draft), "-o", str(tmp_path / "final.md"), "--final"]) == 1
    assert cli.main(["check", str(draft)]) == 1
    reviewed = text.replace("【核对】", "").replace("【改写：“1.15”】" + EVENTS[3], "今年，开展危化品企业专项检查。")
    draft.write_text(reviewed, encoding="utf-8")
    assert cli.main(["build", str(draft), "-o", str(tmp_path / "final.md"), "--final"]) == 1  # no 成文日期 yet
    draft.write_text(reviewed.replace("report:\n", "report:\n  date: 2024-12-25\n", 1), encoding="utf-8")
    assert cli.main(["build", str(draft), "-o", str(tmp_path / "final.md"), "--final"]) == 0
    ending = "".join((tmp_path / "final.md").read_text(encoding="utf-8").rstrip().splitlines()[-3:])
    assert "某县应急管理局" in ending and "2024年12月25日" in ending  # the 落款 stayed, with this year's date


def test_next_keeps_the_signature_when_it_clears_the_date(tmp_path):
    """The 落款 stood with last year's date; the draft keeps it, and the build asks for a date."""
    from drafter import answers as answers_mod
    from drafter import cli
    from drafter.compose import compose
    from drafter.ontology import load

    source = tmp_path / "r-2023.yaml"
    source.write_text("report:\n  issuer: 某县应急管理局\n  year: 2023\n  date: 2023-12-20\n"
                      "outline:\n  parts:\n    - sections: [other]\nanswers:\n  other:\n    text: 无。\n", encoding="utf-8")
    assert cli.main(["next", str(source)]) == 0
    onto = load()
    composition = compose(answers_mod.load(tmp_path / "r-2024.yaml", onto), onto)
    assert composition.document.signature == "某县应急管理局" and composition.document.date is None
    assert any("成文日期" in w for w in composition.warnings)


def test_last_years_problems_and_plans_are_a_reference_not_this_years(tmp_path):
    """Own text of the problems and plans sections is not carried as this year's (part 5): the
    draft's text is empty, last year's stands above it in a comment, the items go to the
    follow-up list."""
    import yaml

    from drafter import cli

    source = tmp_path / "r-2023.yaml"
    source.write_text("""\
report:
  issuer: 某县应急管理局
  year: 2023
outline:
  parts:
    - heading: 存在的不足
      sections: [problems]
    - heading: 下一年度安排
      sections: [plans]
answers:
  problems:
    text: 一是执法人员专业能力不足。二是普法形式单一。
    items:
      - title: 执法人员专业能力不足
  plans:
    text: 一是加强执法培训。二是创新普法形式。
    items:
      - title: 加强执法培训
""", encoding="utf-8")
    assert cli.main(["next", str(source)]) == 0
    written = (tmp_path / "r-2024.yaml").read_text(encoding="utf-8")
    draft = yaml.safe_load(written)["answers"]
    assert draft["problems"]["text"] == "" and draft["plans"]["text"] == ""
    assert "#   一是执法人员专业能力不足。二是普法形式单一。" in written  # last year's, for reference
    followup = draft["previous_followup"]
    assert followup["items"][0]["problem"] == "执法人员专业能力不足" and followup["plans"][0]["plan"] == "加强执法培训"


def test_an_own_text_opening_takes_the_new_years_guiding_wording(tmp_path, real_ontology):
    from drafter import cli
    from drafter.yearly import wording

    said, now = wording(real_ontology, 2023), wording(real_ontology, 2024)
    assert said and now and said != now
    source = tmp_path / "r-2023.yaml"
    source.write_text(f"""\
report:
  issuer: 某县应急管理局
  year: 2023
outline:
  parts:
    - sections: [intro]
answers:
  intro:
    text: 2023年，我局{said}，扎实推进法治政府建设。
""", encoding="utf-8")
    assert cli.main(["next", str(source)]) == 0
    written = (tmp_path / "r-2024.yaml").read_text(encoding="utf-8")
    assert f"2024年，我局{now}" in written and said not in written.split("text:")[1]
    assert "已按 2024 年的提法改写" in written


def test_check_finds_last_years_problem_listed_again(tmp_path, capsys):
    from drafter import cli

    source = tmp_path / "r-2024.yaml"
    source.write_text("""\
report:
  issuer: 某县应急管理局
  year: 2024
  date: 2024-12-20
outline:
  parts:
    - heading: 上年度问题整改情况
      sections: [previous_followup]
    - heading: 存在的不足
      sections: [problems]
answers:
  previous_followup:
    items:
      - problem: 执法人员专业能力不足
        status: 已完成
        measures: 组织轮训两期
  problems:
    items:
      - title: 执法人员专业能力仍然不足
      - title: 应急物资储备不够充足
""", encoding="utf-8")
    capsys.readouterr()
    code = cli.main(["check", str(source)])
    said = [line for line in capsys.readouterr().out.splitlines() if "几乎相同" in line]
    assert code == 1 and len(said) == 1
    assert "执法人员专业能力仍然不足" in said[0] and "已完成" in said[0] and "r-2024.yaml:" in said[0]


def test_check_finds_a_counter_not_rolled(tmp_path, capsys):
    from drafter import cli

    report = tmp_path / "报告.txt"
    report.write_text("某县应急管理局2024年法治政府建设年度报告\n\n一、普法宣传\n"
                      "今年6月是全国第22个“安全生产月”，也是本县第9个安全生产月，我局组织宣传咨询日活动。\n",
                      encoding="utf-8")
    cli.main(["check", str(report)])
    said = [line for line in capsys.readouterr().out.splitlines() if "届次" in line]
    assert len(said) == 1 and "第22个" in said[0] and "第23个" in said[0]  # the county's own count is not judged


def test_next_from_last_years_report_writes_the_answers_and_a_draft_beside_them(tmp_path, capsys):
    """One step from last year's file (part 10): import, roll, and this year's draft .docx."""
    import yaml

    from drafter import cli
    from drafter.readers import read

    report = tmp_path / "某县2024年报告.txt"
    report.write_text("某县应急管理局2024年法治政府建设年度报告\n\n"
                      "2024年，我局坚持依法行政。现将有关情况报告如下：\n\n一、主要举措和成效\n"
                      "（一）严格执法。1月，召开了执法工作会议；全年检查企业360家次。\n"
                      "二、存在的不足\n一是执法力量不足。\n三、下一年度工作安排\n一是加强执法队伍建设。\n\n"
                      "某县应急管理局\n2024年12月20日\n", encoding="utf-8")
    assert cli.main(["next", str(report)]) == 0
    answers, draft = tmp_path / "某县2025年报告.yaml", tmp_path / "某县2025年报告.docx"
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    assert data["report"]["year"] == 2025 and "previous_followup" in data["answers"]
    assert "【改写：1月" in answers.read_text(encoding="utf-8")
    assert read(draft).embedded_answers is not None  # drafter's own draft, ready for the round trip
    assert cli.main(["next", str(report)]) == 1  # never over the files it wrote, without --force
    assert "已存在" in capsys.readouterr().err


def _table():
    from pathlib import Path

    from ruamel.yaml import YAML

    return YAML(typ="safe").load((Path(__file__).parent / "fixtures" / "carried_sentences.yaml").read_text(encoding="utf-8"))


TABLE = _table()


def test_the_classifier_table_is_large_enough():
    assert len(TABLE["events"]) + len(TABLE["standing"]) >= 100


@pytest.mark.parametrize("sentence", TABLE["events"])
def test_each_event_of_the_table_is_to_rewrite(sentence):
    from drafter.carried import REWRITE, classify

    assert classify(sentence).kind == REWRITE, sentence


def test_standing_practice_is_not_taken_for_an_event_in_more_than_a_tenth():
    from drafter.carried import REWRITE, classify

    wrong = [s for s in TABLE["standing"] if classify(s).kind == REWRITE]
    assert len(wrong) <= len(TABLE["standing"]) // 10, wrong


def test_resolving_a_marked_paragraph_keeps_rewrites_or_deletes_only_it():
    from drafter.carried import paragraph, pending, resolve

    text = ("【核对】常态化学习。\n\n【改写：1月】1月，召开了会议。\n\n"
            "# 强化执法\n【改写：“1.15”】吸取“1.15”事故教训。\n全年检查企业{检查}。\n")
    assert paragraph(text, "吸取") == "吸取“1.15”事故教训。\n全年检查企业{检查}。"
    assert resolve(text, "常态化", "keep").startswith("常态化学习。\n\n【改写：1月】")
    assert "1月" not in resolve(text, "1月，召开", "delete") and len(pending(resolve(text, "1月，召开", "delete"))) == 2
    assert resolve(text, "吸取", "rewrite", "今年开展专项检查。").endswith("# 强化执法\n今年开展专项检查。\n")
    assert resolve(text, "吸取", "delete").endswith("# 强化执法\n")  # its heading stays for the clerk
    assert resolve(text, "没有这段", "delete") == text


def test_the_draft_docx_highlights_what_is_pending_and_the_final_build_refuses_it(tmp_path):
    """Part 8: carried paragraphs not yet reviewed, and every xx, are highlighted in the draft;
    --final builds nothing while either is left, and a finished report has no highlight."""
    import zipfile

    from drafter import cli

    source = penalties_report(tmp_path, "全面落实行政执法三项制度。", "全年检查企业360家次。")
    assert cli.main(["next", str(source)]) == 0
    draft = tmp_path / "r-2024.yaml"
    assert cli.main(["build", str(draft), "-o", str(tmp_path / "draft.docx")]) == 0
    xml = zipfile.ZipFile(tmp_path / "draft.docx").read("word/document.xml").decode("utf-8")
    assert xml.count('<w:highlight w:val="yellow"/>') == 2  # the two carried paragraphs, whole (the xx inside one)
    assert "【" not in xml
    text = draft.read_text(encoding="utf-8").replace("【核对】", "")
    text = text.replace("report:\n", "report:\n  date: 2024-12-20\n", 1)
    draft.write_text(text, encoding="utf-8")
    assert cli.main(["build", str(draft), "-o", str(tmp_path / "final.docx"), "--final"]) == 1  # a fact still xx
    import re

    draft.write_text(re.sub(r"(\s+)(\S+): xx家次", r"\1\2: 380家次", text), encoding="utf-8")
    assert cli.main(["build", str(draft), "-o", str(tmp_path / "final.docx"), "--final"]) == 0
    final = zipfile.ZipFile(tmp_path / "final.docx").read("word/document.xml").decode("utf-8")
    assert "w:highlight" not in final


@pytest.mark.parametrize("sentence, year, kind", [
    ("依据县应急〔2019〕74号文件，落实执法检查。", 2023, "核对"),   # an older document: a standing reference
    ("依据县应急〔2023〕74号文件，落实执法检查。", 2023, "改写"),   # one of the report's year
    ("依据县应急〔2019〕74号文件，落实执法检查。", None, "改写"),   # the year unknown: asked to rewrite
])
def test_a_document_of_an_earlier_year_is_a_standing_reference(sentence, year, kind):
    from drafter import carried

    assert carried.classify(sentence, year).kind == kind
