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
