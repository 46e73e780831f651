"""The phrasing helpers of publicity, safety, emergency and review templates (drafter/filters.py,
section “phrasing: publicity, safety, emergency, review”)."""
from drafter import filters


def test_acted_gives_each_item_the_verb_its_noun_takes():
    assert filters.acted(["宣传周", "咨询日"], "组织开展") == "组织开展宣传周和咨询日"
    assert filters.acted(["科普讲座", "咨询日"], "组织开展") == "举办科普讲座，组织开展咨询日"
    # the user's own verb phrase is kept as written
    assert filters.acted(["举办安全知识讲座"], "组织开展") == "举办安全知识讲座"
    assert filters.acted([None, ""], "组织开展") == ""


def test_in_date_order_follows_the_calendar_and_keeps_undated_in_place():
    text = "一季度，甲。\n\n5月下旬，丙。\n\n二季度，乙。\n\n丁。"
    assert filters.in_date_order(text) == "一季度，甲。\n\n二季度，乙。\n\n丁。\n\n5月下旬，丙。"  # 丁 stays after 乙
    assert filters.period_key("4月底，") > filters.period_key("4月15日，") > filters.period_key("二季度")
    assert filters.period_key("按照部署") is None


def test_accident_changes_published_worked_out_and_merged():
    assert filters.accident_changes(3, 2, 4, 3, "下降", 25, "下降", 25) == ["同比均下降25%"]
    assert filters.accident_changes(3, 2, 4, 3, "下降", 25, "下降", 33.3) == ["同比分别下降25%、33.3%"]
    assert filters.accident_changes(3, None, 4, None, "持平", 0) == ["事故起数与上年持平"]
    assert filters.accident_changes(3, 2, 4, 3) == ["事故起数同比减少1起，下降25%", "死亡人数同比减少1人，下降33.3%"]
    assert filters.accident_changes(3, 2, 4, 4, merge=True) == ["同比减少1起、2人，分别下降25%、50%"]
    assert filters.accident_changes(None, None) == []


def test_each_turns_and_progress_said():
    assert filters.each(lambda r: r["a"], [{"a": "甲"}, {"a": " "}, {"a": "乙"}]) == ["甲", "乙"]
    rows = filters.turns([{"s": "已完成"}, {"s": "未完成"}, {"s": "已完成"}], "s")
    assert [r["turn"] for r in rows] == [0, 0, 1]
    first, second = (filters.progress_said("已完成", t) for t in (0, 1))
    assert first and second and first != second
    assert filters.progress_said(None) == ""


def test_matching_and_unmatched_records():
    checks = [{"industry": "危化"}, {"industry": "矿山"}, {"industry": "交通"}, {}]
    assert filters.matching(checks, "危险化学品（危化）领域") == [checks[0]]
    assert filters.unmatched(checks, ["矿山领域", "危化"]) == [checks[2], checks[3]]


def test_special_check_says_what_the_record_holds():
    check = {"target": "加油站", "enterprises": 12, "hazards": 30, "major_hazards": 0,
             "standard": ["判定标准"], "all_rectified": True}
    assert filters.special_check(check) == (
        "针对加油站12家，开展专项检查，共查出问题隐患30项，对照《判定标准》未发现重大事故隐患，均已完成整改")
    assert filters.special_check({"industry": "危化", "approach": "开展夜查", "hazards": 0}, True) == (
        "在危化，开展夜查，未发现问题隐患")
    assert filters.special_check({"major_hazards": 2, "major_rectified": True}) == (
        "开展专项检查，认定重大事故隐患2项，重大事故隐患均已完成整改")
    assert filters.special_check(None) == ""


def test_industry_points_in_their_fixed_order():
    ind = {"measures": ["自选动作"], "parks": 2, "trained": 300, "trainees": "企业主要负责人",
           "lesson_accident": "火灾事故", "covered": 40, "covered_scope": "危化企业"}
    assert filters.industry_points(ind) == [
        "深刻吸取火灾事故教训，举一反三开展安全风险排查整治",
        "组织企业主要负责人参加安全生产专题培训，累计培训300人次",
        "对40家危化企业开展全覆盖检查",
        "督促2个化工园区推进安全风险整治提升",
        "自选动作"]
    assert filters.industry_points({}) == [] and filters.industry_points(None) == []
    # the bureau's own words and a yes/no, not stock clauses
    assert filters.industry_points({"docs": ["方案"], "docs_purpose": "明确工作任务", "check_measures": 48,
                                    "graded_supervision": True}) == [
        "制定印发《方案》等文件，明确工作任务", "落实风险分级分类监管制度，明确隐患排查措施48项"]
    assert filters.industry_points({"docs": ["方案"], "check_measures": 48}) == [
        "制定印发《方案》等文件", "明确隐患排查措施48项"]


def test_response_run_names_kind_level_times_and_event():
    assert filters.response_run({"kind": "防汛", "level": "Ⅳ级", "times": 3, "event": "“杜苏芮”台风"}) == (
        "防汛Ⅳ级应急响应3次（应对“杜苏芮”台风）")
    assert filters.response_run({"kind": "其他", "level": "Ⅲ级"}) == "Ⅲ级应急响应"
    assert filters.response_run({"times": 0}) == "" and filters.response_run(None) == ""


def test_plan_edition_and_inventory():
    assert filters.plan_edition({"edition": 2021, "title": "总体应急预案", "code": "辽市政发", "year": 2021, "seq": 5}) == (
        "2021版《总体应急预案》（辽市政发〔2021〕5号）")
    assert filters.plan_edition({}) == "总体应急预案"
    cats = [{"category": "自然灾害类", "count": 10}, {"category": "事故灾难类", "count": 20}, {"count": 0}]
    assert filters.plan_inventory(1, 30, cats, "市级") == [
        "总体应急预案1个", "市级专项应急预案30个（自然灾害类10个，事故灾难类20个）"]
    assert filters.plan_inventory(None, None, cats) == ["专项应急预案自然灾害类10个、事故灾难类20个"]
    assert filters.plan_inventory(None, None, None) == []


def test_series_uses_commas_only_around_a_comparison():
    assert filters.series("普法宣讲3场", "", None, "直播培训2场") == "普法宣讲3场、直播培训2场"
    assert filters.series("普法宣讲3场，同比增加1场", "直播培训2场") == "普法宣讲3场，同比增加1场，直播培训2场"
    assert filters.series() == ""
