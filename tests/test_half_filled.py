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
    assert "以下几个方面" in text and "加强执法队伍建设" in text


def test_a_multi_line_answer_ends_every_line_as_a_sentence():
    section = ONTOLOGY.sections["problems"]
    text = render(section, {"summary": "执法力量不足\n案卷质量不高"})
    assert "执法力量不足。" in text and "案卷质量不高。" in text


def test_plans_address_problems_only_when_problems_stand_above():
    from drafter.answers import Answers, Outline, Part, ReportMeta, SectionRef
    from drafter.compose import compose

    def text(order):
        answers = Answers(path=None, meta=ReportMeta(issuer="测试局", year=2023),
                          outline=Outline(parts=[Part(heading="部分", sections=[SectionRef(s) for s in order])]),
                          values={"problems": {"items": [{"title": "执法力量不足", "detail": None}]},
                                  "plans": {"address_problems": True, "items": [{"title": "充实执法力量"}]}})
        return "".join(getattr(b, "text", "") + (getattr(b, "body", None) or "") for b in compose(answers, ONTOLOGY).document.blocks)

    assert "针对上述问题" in text(["problems", "plans"])
    assert "针对上述问题" not in text(["plans"])


def test_a_count_that_fell_to_zero_and_went_unsaid_is_reported():
    from drafter.answers import Answers, Outline, Part, ReportMeta, SectionRef
    from drafter.compose import compose
    answers = Answers(path=None, meta=ReportMeta(issuer="测试局", year=2023),
                      outline=Outline(parts=[Part(heading="部分", sections=[SectionRef("themed_campaigns")])]),
                      values={"themed_campaigns": {"safety_month": True, "performances": 0}},
                      previous={"themed_campaigns": {"performances": 6}})
    warnings = compose(answers, ONTOLOGY).warnings
    assert any("今年为 0（上年 6）" in w for w in warnings)
