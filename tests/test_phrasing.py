"""The phrasing helpers of the leadership, administration and enforcement templates
(drafter/filters.py, “# -- phrasing: leadership, administration, enforcement”): counted, act
and its verb table (sections/_phrases.yaml, verbs), framed."""
import re
from pathlib import Path

from drafter import datafiles
from drafter.filters import act, counted, framed, verb_for

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def test_counted_says_the_label_the_count_and_what_follows():
    assert counted("召开听证会", 6, "场") == "召开听证会6场"
    assert counted("召开听证会", 6, "场", "，同比增加2场") == "召开听证会6场，同比增加2场"
    assert counted("检查企业", "80余", "家") == "检查企业80余家"


def test_counted_says_nothing_for_an_unanswered_or_zero_count():
    assert counted("召开听证会", None, "场") == ""
    assert counted("召开听证会", "", "场", "，同比增加2场") == ""
    assert counted("召开听证会", 0, "场") == ""


def test_act_puts_the_verb_the_noun_takes_before_the_users_term():
    assert act("案审会", 17, "次") == "召开案审会17次"
    assert act("行政复议答复", 4, "起") == "办理行政复议答复4起"
    assert act("行政诉讼应诉案件", 3, "起", "，同比减少1起") == "办理行政诉讼应诉案件3起，同比减少1起"
    assert act("案审会", None, "次") == ""


def test_act_adds_no_verb_to_a_noun_the_table_does_not_list():
    assert verb_for("没有这个名词") == ""
    assert act("没有这个名词", 2, "项") == "没有这个名词2项"


def test_the_verb_table_never_pairs_a_review_or_lawsuit_with_开展():
    verbs = datafiles.table("_phrases.yaml")["verbs"]
    for noun in ("案审会", "行政复议答复", "行政复议案件", "行政诉讼应诉案件"):
        assert verbs[noun] not in ("", "开展"), noun


def test_every_noun_a_template_of_these_areas_acts_on_has_its_verb():
    nouns = set()
    for area in ("leadership", "administration", "enforcement"):
        for path in (TEMPLATES / area).glob("*.j2"):
            nouns.update(re.findall(r'\bact\("([^"]+)"', path.read_text(encoding="utf-8")))
    assert nouns, "the templates use act()"
    assert not [n for n in sorted(nouns) if not verb_for(n)]


def test_framed_says_the_lead_only_with_a_clause():
    assert framed("2023年，", "", counted("召开会议", 3, "次")) == "2023年，召开会议3次。"
    assert framed("2023年，", "召开会议3次", "听取汇报2次") == "2023年，召开会议3次，听取汇报2次。"
    assert framed("2023年，", "", None) == ""
    assert framed("其中", "当场许可5件", end="") == "其中当场许可5件"


def test_law_step_says_where_each_law_stands():
    from datetime import date

    from drafter.filters import law_step
    assert law_step({"title": "安全生产条例", "action": "修订", "stage": "起草"}) == "开展《安全生产条例》修订起草工作"
    assert law_step({"title": "安全生产条例", "stage": "送审"}) == "《安全生产条例》送审稿已报送审查"
    assert law_step({"title": "条例", "action": "修订", "stage": "审议通过", "effective": date(2023, 5, 1)}) == \
        "《条例》（修订）经审议通过，自2023年5月1日起施行"
    assert law_step({"title": "条例", "action": "修订", "stage": "施行"}) == "修订后的《条例》公布施行"
    assert law_step({"stage": "立项"}) == "推进有关法规规章制定工作"
    assert law_step({"action": "修订"}) == "" and law_step(None) == ""


def test_law_in_force_names_the_month_it_took_effect():
    from drafter.filters import law_in_force
    assert law_in_force({"title": "中华人民共和国安全生产法", "month": 9}) == "9月起施行的《中华人民共和国安全生产法》"
    assert law_in_force({"month": 3}) == "3月起施行的新修订的法律法规"
    assert law_in_force({"title": "消防法"}) == "《消防法》"
    assert law_in_force({}) == ""


def test_contest_names_role_host_edition_and_name():
    from drafter.filters import contest
    assert contest({"role": "举办", "host": "昆山市", "edition": 6, "name": "安全综合执法比武竞赛"}) == "举办昆山市第六届安全综合执法比武竞赛"
    assert contest({"name": "执法演练竞赛", "edition": 2.5}) == "参加执法演练竞赛"
    assert contest({"role": "承办", "edition": 3}) == ""


def test_compiled_adds_exact_counts_and_never_invents_a_total():
    from drafter.filters import compiled
    ranks = [("法律", 3), ("行政法规", 13), ("部门规章", None)]
    assert compiled("《汇编》", 52, ranks) == "编印《汇编》，收录常用法律法规规章52个，其中法律3个、行政法规13个。"
    assert compiled("", None, ranks) == "编印应急管理常用法律法规汇编，收录常用法律法规规章16个，其中法律3个、行政法规13个。"
    assert compiled("", None, [("法律", "3余"), ("行政法规", 13)]) == "编印应急管理常用法律法规汇编，收录法律3余个、行政法规13个。"
    assert compiled("《汇编》", None, []) == "编印《汇编》。"
    assert compiled("", None, [("法律", None)]) == ""


def test_the_bureaus_terms_survive_in_three_systems_and_disputes():
    from drafter.ontology import load
    from tests.test_ontology import render
    onto = load()
    text = render(onto.sections["three_systems"], {"review_meetings": 17, "meeting_cases": 104, "case_unit": "起", "meeting_verb": "审核"}, {})
    assert "召开案审会17次，审核案件104起" in text and "案件审理委员会" not in text
    text = render(onto.sections["disputes"], {"reconsiderations": 4, "reconsideration_role": "作为被申请人答复", "lawsuits": 3}, {})
    assert "办理行政复议答复4起" in text and "行政诉讼应诉案件3起" in text and "开展行政复议" not in text
    text = render(onto.sections["three_systems"], {"process_record": True}, {})
    assert "规范执法全过程记录" in text and "音像" not in text
