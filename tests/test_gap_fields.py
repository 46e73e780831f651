"""Fields added for reports beyond the five samples: what they say, and what a real zero says."""
import pytest

from tests.test_ontology import ONTOLOGY, assert_clean, render


def said(section_id, values, previous=None):
    text = render(ONTOLOGY.section(section_id), values, previous)
    assert_clean(text)
    return text


def test_published_year_on_year_is_printed_as_given():
    text = said("accidents", {"accidents": 12, "deaths": 13, "accidents_trend": "下降", "accidents_change": 12.5,
                              "deaths_trend": "下降", "deaths_change": 10})
    assert "亡人事故12起、死亡13人，同比分别下降12.5%、10%" in text


def test_equal_changes_are_said_once():
    """“均下降33.3%”, never “分别下降33.3%、33.3%”: computed, published, and in the opening."""
    computed = said("accidents", {"accidents": 2, "deaths": 2}, previous={"accidents": 3, "deaths": 3})
    assert "同比减少1起、1人，均下降33.3%" in computed and "分别" not in computed
    published = said("accidents", {"accidents": 12, "deaths": 13, "accidents_trend": "下降", "accidents_change": 10,
                                   "deaths_trend": "下降", "deaths_change": 10.0})
    assert "同比均下降10%" in published and "分别" not in published
    opening = said("intro", {"headline_accidents": 4, "headline_deaths": 5, "headline_accidents_trend": "下降",
                             "headline_accidents_change": 20, "headline_deaths_trend": "下降", "headline_deaths_change": 20})
    assert "同比均下降20%" in opening and "分别" not in opening


def test_published_change_wins_over_the_computed_one_only_for_its_own_count():
    text = said("accidents", {"accidents": 12, "deaths": 13, "deaths_trend": "上升", "deaths_change": 3},
                previous={"accidents": 14})
    assert "事故起数同比减少2起" in text and "死亡人数同比上升3%" in text


def test_trend_without_counts_is_one_sentence():
    text = said("accidents", {"accidents_trend": "持平", "deaths_trend": "下降", "deaths_change": 8})
    assert "事故起数与上年持平，事故死亡人数同比下降8%。" in text and "xx" not in text


@pytest.mark.parametrize("section_id, values, expected", [
    ("accidents", {"serious_accidents": 0}, "未发生较大生产安全事故"),
    ("accidents", {"serious_injuries": 0}, "事故未造成人员重伤"),
    ("accidents", {"none_above_level": "重特大"}, "未发生重特大生产安全事故"),
    ("accidents", {"major_accidents": 1, "none_above_level": "重大以上"}, "发生较大以上生产安全事故1起，未发生重大以上生产安全事故"),
    ("emergency_response", {"total_responses": 0}, "全年未启动应急响应"),
    ("emergency_response", {"forest_fires": 0}, "全年未发生森林火灾"),
    ("enforcement_supervision", {"review_failed": 0}, "无不合格案卷"),
    ("gov_disclosure", {"request_cases": 0}, "全年未收到政府信息公开申请"),
    ("intro", {"headline_accidents": 0}, "未发生生产安全事故"),
    ("intro", {"headline_accidents": 5, "headline_deaths": 0}, "共发生生产安全事故5起，未造成人员死亡"),
])
def test_a_real_zero_is_said_in_words(section_id, values, expected):
    assert expected in said(section_id, values)


def test_responses_by_type_and_level_follow_the_total():
    text = said("emergency_response", {
        "total_responses": 5,
        "responses": [{"kind": "防汛", "level": "Ⅳ级", "times": 3},
                      {"kind": "防台风", "level": "Ⅱ级", "event": "第5号台风", "times": 1}]})
    assert "共启动各类应急响应5次，其中防汛Ⅳ级应急响应3次、防台风Ⅱ级应急响应1次（应对第5号台风）" in text


def test_regulations_are_said_by_their_stage():
    text = said("legislation", {"regulations": [
        {"title": "某市安全生产条例", "action": "修订", "stage": "送审"},
        {"title": "某市应急避难场所管理办法", "stage": "起草"}]})
    assert "《某市安全生产条例》修订送审稿已报送审查；开展《某市应急避难场所管理办法》起草工作。" in text


def test_exam_rates_without_takers():
    assert "年度学法考试参考率100%，合格率98.5%。" in said(
        "leaders_study", {"exam_participation_rate": 100, "exam_pass_rate": 98.5})


def test_summary_cases_use_the_sections_case_unit():
    text = said("penalties", {"summary_cases": 30, "case_unit": "起"}, previous={"summary_cases": 20})
    assert "适用简易程序办理行政处罚案件30起，同比增加10起" in text


def test_opening_keeps_its_lead_in_last():
    text = said("intro", {"headline_accidents": 12, "headline_deaths": 13, "highlights": ["获评示范单位"],
                          "lead_in": "现将有关情况报告如下"})
    assert text.index("生产安全事故12起") < text.index("获评示范单位。") < text.index("现将有关情况报告如下")  # “：” only when a part follows
