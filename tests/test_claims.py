"""No claim without a fact: a section with one field filled alone says only sentences from
the reviewed list of frames for that section (tests/fixtures/neutral_frames.yaml): the fact
itself, or a neutral frame around it. A new sentence fails here until it is reviewed; a
claim the user did not give (以严格执法倒逼……, 执法记录设备应配尽配) belongs behind a flag."""
from pathlib import Path

import pytest
import yaml

from drafter.ontology import load
from tests.support.frames import frame, single_field_frames

ONTOLOGY = load()
SECTIONS = [s for a in ONTOLOGY.areas for s in a.sections]
REVIEWED = yaml.safe_load((Path(__file__).parent / "fixtures" / "neutral_frames.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.id)
def test_each_field_alone_says_only_reviewed_sentences(section):
    allowed = set(REVIEWED.get(section.id) or [])
    for field_id, frames in single_field_frames(ONTOLOGY, section).items():
        unreviewed = sorted(frames - allowed)
        assert not unreviewed, (
            f"{section.id}.{field_id} 单独填写时写出了未经审阅的句子：{unreviewed}；"
            "若只陈述所填事实或为中性框架，审阅后加入 tests/fixtures/neutral_frames.yaml，否则改为由用户选择的 flag")


def test_claims_once_printed_unasked_are_gone_or_behind_a_flag():
    every = {f for frames in REVIEWED.values() for f in frames}
    for claim in ("讲透法理", "既有力度又有温度", "杜绝随意执法", "物资保障能力进一步增强",
                  "救援力量体系进一步充实", "自觉运用法治思维", "树立法治惠企的良好形象"):
        assert not [f for f in every if claim in f], claim
    penalties = single_field_frames(ONTOLOGY, ONTOLOGY.sections["penalties"])
    assert not [f for f in penalties["bureau_cases"] if "倒逼" in f]
    recording = single_field_frames(ONTOLOGY, ONTOLOGY.sections["three_systems"])
    assert not [f for f in recording["av_recording"] if "应配尽配" in f]
    assert [f for f in recording["devices_all_used"] if "应配尽配" in f]  # the user said so


def test_frames_hide_the_users_values():
    assert frame("2023年，本局共查处测试文字cases案件57件。") == "N年，本局共查处…案件N件。"


def test_no_livestreams_after_last_years_reads_as_a_fact():
    from tests.test_ontology import render
    section = ONTOLOGY.sections["online_activities"]
    text = render(section, {"livestreams": 0}, {"livestreams": 381})
    assert "未开展直播活动（上年381场次）" in text and "0场次" not in text and "100%" not in text


def test_stock_clauses_of_publicity_emergency_safety_digital_are_gone():
    """Issue 22 part 1: clauses no answer means. Where a bureau wrote such words they are its
    own answer (system_effect, flat_command_effect, purpose, duty_effect, std_effect, reached,
    audience, docs_purpose), not the template's."""
    every = {f for frames in REVIEWED.values() for f in frames}
    for claim in ("以身边案例警示教育", "以身边事教育身边人", "以考促学", "督促企业自觉学法守法",
                  "营造学法守法的浓厚氛围", "推动新法宣传覆盖全体", "以“关键少数”带动", "面向企业从业人员和社会公众",
                  "以练促备", "增强应急处置的针对性", "提升预案的覆盖面", "确保突发事件发生后迅速响应",
                  "为整合并引导社会应急力量", "认真研究推进相关工作", "增强公众防灾减灾意识", "建档成册",
                  "落到实处", "进一步厘清", "最大限度减少监管盲区", "明确工作任务和责任分工",
                  "严格落实风险分级分类监管", "持续提升综合行政执法效能", "推进执法全过程记录"):
        assert not [f for f in every if claim in f], claim
    rescue = single_field_frames(ONTOLOGY, ONTOLOGY.sections["rescue_forces"])
    assert rescue["roster_updated"] == {"更新应急救援力量底数。"}
