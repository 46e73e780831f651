import datetime as dt

import pytest

from drafter import filters as f


@pytest.mark.parametrize("value, unit, expected", [
    (8, "次", "8次"), (0, "起", "0起"), ("80余", "场", "80余场"), (None, "次", ""), (12.50, "人", "12.5人"),
])
def test_qty(value, unit, expected):
    assert f.qty(value, unit) == expected


def test_money_pct_date():
    assert f.money(880.42) == "880.42万元"
    assert f.money(53887.5, "元") == "53887.5元"
    assert f.money(853.8349) == "853.8349万元"
    assert f.pct(98.56) == "98.56%"
    assert f.pct(7.04, places=1) == "7%"
    assert f.cn_date(dt.date(2023, 12, 20)) == "2023年12月20日"
    assert f.cn_date(None) == ""


@pytest.mark.parametrize("n, expected", [
    (1, "一"), (10, "十"), (15, "十五"), (20, "二十"), (21, "二十一"), (34, "三十四"), (100, "一百"),
    (105, "一百零五"), (110, "一百一十"),
])
def test_cn_number(n, expected):
    assert f.cn_number(n) == expected


def test_enum_and_joins():
    from drafter.lists import plain
    assert plain(f.enum(["加强领导", "制定计划。"])) == "加强领导。制定计划。"  # marked, numbered later
    assert f.enum(["只有一项", "，", "  "]) == "只有一项。"
    assert f.sentence("第一行\n\n第二行") == "第一行。\n\n第二行。"
    assert f.enum([]) == ""
    assert f.enum(None) == ""
    assert f.join_cn(["甲", "", "乙", "丙"], "、", "和") == "甲、乙和丙"
    assert f.books(["甲方案", "《乙办法》"]) == "《甲方案》《乙办法》"


def test_clauses_never_leave_dangling_punctuation():
    assert f.clauses("开展检查8次", "", None, "处罚3起") == "开展检查8次，处罚3起。"
    assert f.clauses("", None) == ""
    assert f.clauses("检查完毕。") == "检查完毕。"


@pytest.mark.parametrize("cur, prev, expected", [
    (66, 71, "同比减少5起，下降7%"),
    (10, 8, "同比增加2起，上升25%"),
    (5, 5, "与上年持平"),
    (0, 0, "与上年持平"),
    (3, 0, "同比增加3起"),
    (0, 4, "上年为4起"),  # a drop to nothing: never “下降100%”
    (None, 4, ""),
    (4, None, ""),
    ("80余", 70, ""),
    (12.5, 10, "同比增加2.5起，上升25%"),
    ("205万", "191万", "同比增加14万起，上升7.3%"),
    ("1.1万", 10000, "同比增加1000起，上升10%"),
])
def test_yoy(cur, prev, expected):
    assert f.yoy(cur, prev, "起") == expected


def test_delta_rounds_percent_like_reports():
    change = f.delta(68, 72)
    assert change.down and change.diff == 4 and change.percent == 5.6
    assert f.delta(None, 3) is None


def test_sentence_after_a_quoted_term():
    assert f.sentence("开展“安全生产月”") == "开展“安全生产月”。"
    assert f.clauses("开展“安全生产月”") == "开展“安全生产月”。"


def test_editions_dates_and_document_numbers():
    assert f.edition(2021, 2002) == 20 and f.edition(2023, 2009) == 15 and f.edition(2023, 1990) == 34
    assert f.edition(2001, 2002) is None
    assert f.ordinal(20) == "第20个" and f.ordinal(None) == ""
    assert f.month_day(dt.date(2023, 4, 30)) == "4月底" and f.month_day(dt.date(2024, 2, 29)) == "2月底"
    assert f.month_day(dt.date(2023, 2, 28)) == "2月底" and f.month_day(dt.date(2023, 4, 15)) == "4月15日"
    assert f.dot_date(dt.date(2023, 1, 15)) == "1.15"
    assert f.doc_number("辽市安委字", 2023, 10) == "辽市安委字〔2023〕10号"
    assert f.doc_number("福府", None, 19) == ""
    docs = [{"title": "某方案", "code": "应急", "year": 2022, "seq": 110}, {"title": "另一方案"}, {}]
    assert f.titled_docs(docs) == "《某方案》（应急〔2022〕110号）、《另一方案》"
    assert f.quoted(["两节", "“两会”", ""]) == "“两节”“两会”"


def test_calendar_gives_editions_for_the_report_year(real_ontology):
    from drafter.context import calendar_context
    cal = calendar_context(real_ontology.observances, 2023)
    assert cal.disaster_day == 15 and cal.reduction_day == 34
    assert calendar_context(real_ontology.observances, 2021).safety_month == 20


def test_a_change_that_rounds_to_zero_still_says_something():
    assert f.yoy(4699, 4700, "宗") == "同比减少1宗，下降0.02%"
    assert f.yoy(100001, 100000, "次") == "同比增加1次，基本持平"
    assert f.yoy(1.001, 1.0, "万元", diff_places=2) == "与上年基本持平"
    assert f.delta(19590, 19591).percent == 0.01


def test_joins_drop_the_users_own_marks():
    assert f.join_cn(["落实整改措施；", "，开展检查", "。"]) == "落实整改措施、开展检查"
    assert f.book("，开展专项整治") == "《开展专项整治》" and f.book("。") == ""


def test_a_drop_to_zero_gives_last_years_number_not_minus_100_percent():
    assert f.yoy(0, 381, "场次") == "上年为381场次"
    assert f.yoy(0, 0, "次") == "与上年持平"


def test_a_word_where_the_template_meets_the_user_is_said_once():
    assert f.said_once("健全健全应急预案体系") == "健全应急预案体系"
    assert f.said_once("组织开展开展专项检查") == "组织开展专项检查"
    assert f.said_once("建立健全健全制度") == "建立健全制度"
    assert f.said_once("加强执法人员业务培训\n培训3天") == "加强执法人员业务培训3天"  # one paragraph's two lines
    assert f.said_once("业务培训\n\n培训3天") == "业务培训\n\n培训3天"  # two paragraphs
    assert f.said_once("# 业务培训\n培训3天") == "# 业务培训\n培训3天"  # a heading and its text
    assert f.said_once("开展检查，开展培训") == "开展检查，开展培训"


def test_a_template_verb_before_an_item_that_starts_with_it_is_said_once(real_ontology):
    from drafter.render import render
    text = render("leadership/leaders_study.j2", {**_blank(real_ontology, "leaders_study"),
                                                  "systems": ["健全学法制度"]}, real_ontology.templates)
    assert "健全学法制度" in text and "健全健全" not in text


def _blank(ontology, sid):
    """The names a section's template expects, every field unanswered."""
    section = ontology.sections[sid]
    return {"prev": {}, "cmp": {}, "said": [], **{spec.id: None for spec in section.fields}}


def test_records_keep_the_order_the_user_gave_them():
    laws = [{"month": 3}, {"title": "安全生产法"}, {}, {"title": "", "month": None}, {"month": 9, "title": "消防法"}]
    assert f.having(laws, "title", "month") == [{"month": 3}, {"title": "安全生产法"}, {"month": 9, "title": "消防法"}]
    assert f.having(None, "title") == []
