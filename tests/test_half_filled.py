"""Next-year drafts read right when half-filled (issue: follow-up counts, plans lead-in)."""
from drafter.ontology import load
from tests.test_ontology import render

ONTOLOGY = load()


def test_follow_up_counts_count_every_listed_plan():
    section = ONTOLOGY.sections["previous_followup"]
    plans = [{"plan": f"安排{n}", "status": None, "measures": None, "note": None} for n in range(1, 6)]
    plans[0]["status"] = "已完成"
    text = render(section, {"plans": plans})
    assert "提出的5项工作安排，已完成1项，其余4项的落实情况尚待填写。" in text
    assert render(section, {"plans": [dict(p, status=None) for p in plans]}).strip() == ""


def test_plans_lead_in_only_with_plans():
    section = ONTOLOGY.sections["plans"]
    assert "以下几个方面" not in render(section, {"address_problems": True, "style": "一是二是"})
    text = render(section, {"address_problems": True, "items": [{"title": "加强执法队伍建设"}]})
    assert "针对上述问题" in text and "加强执法队伍建设" in text


def test_a_multi_line_answer_ends_every_line_as_a_sentence():
    section = ONTOLOGY.sections["problems"]
    text = render(section, {"summary": "执法力量不足\n案卷质量不高"})
    assert "执法力量不足。" in text and "案卷质量不高。" in text
