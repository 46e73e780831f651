from drafter import answers
from drafter.compose import compose
from drafter.model import Heading, Paragraph
from drafter.numbering import assign
from tests.conftest import DEMO_ANSWERS


def composed(tmp_path, ontology, text=DEMO_ANSWERS):
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    return compose(answers.load(path, ontology), ontology)


def test_outline_shapes_the_document(tmp_path, demo_ontology):
    result = composed(tmp_path, demo_ontology)
    blocks = result.document.blocks
    assert isinstance(blocks[0], Paragraph) and blocks[0].text.startswith("2023年，测试市应急管理局")
    assert blocks[1] == Heading(level=1, text="主要举措和成效", number="一、")
    assert blocks[2].number == "（一）" and blocks[2].text == "严格规范执法。" and blocks[2].run_in
    assert blocks[3].number == "（二）" and blocks[3].body == "主要负责人带头学法。"
    assert blocks[4] == Heading(level=1, text="存在的不足和原因", number="二、")
    assert blocks[5] == Paragraph("一是执法新人多，专业性不强。二是案卷质量不高。")
    assert result.document.signature == "测试市应急管理局" and result.document.date == "2023年12月20日"


def test_unanswered_sections_and_empty_parts_are_dropped_with_a_warning(tmp_path, demo_ontology):
    text = DEMO_ANSWERS.replace("  problems:\n    items: [执法新人多，专业性不强, 案卷质量不高]\n", "")
    result = composed(tmp_path, demo_ontology, text)
    assert not any(isinstance(b, Heading) and b.text == "存在的不足和原因" for b in result.document.blocks)
    assert any("problems" in w for w in result.warnings)
    assert any("存在的不足和原因" in w for w in result.warnings)


def test_standalone_section_headings_when_not_run_in(tmp_path, demo_ontology):
    result = composed(tmp_path, demo_ontology, DEMO_ANSWERS.replace("  run_in: true\n", ""))
    heading = result.document.blocks[2]
    assert heading == Heading(level=2, text="严格规范执法", number="（一）")


def test_numbering_continuous_and_restart():
    def blocks():
        return [Heading(1, "甲"), Heading(2, "a"), Heading(3, "x"), Heading(3, "y"), Heading(4, "p"),
                Heading(1, "乙"), Heading(2, "b"), Heading(3, "z")]
    restart = blocks()
    assign(restart)
    assert [b.number for b in restart] == ["一、", "（一）", "1.", "2.", "（1）", "二、", "（一）", "1."]
    continuous = blocks()
    assign(continuous, continuous_level2=True)
    assert [b.number for b in continuous] == ["一、", "（一）", "1.", "2.", "（1）", "二、", "（二）", "1."]


def test_custom_heading_in_outline(tmp_path, demo_ontology):
    text = DEMO_ANSWERS.replace("sections: [enforcement, leaders]", "sections: [{id: enforcement, heading: 加大监管执法力度}, leaders]")
    result = composed(tmp_path, demo_ontology, text)
    assert result.document.blocks[2].text == "加大监管执法力度。"


def test_placeholders_are_reported(tmp_path, demo_ontology):
    text = DEMO_ANSWERS.replace("inspections: 2770", "inspections: xx").replace("以习近平", "局长xx以习近平")
    result = composed(tmp_path, demo_ontology, text)
    assert any("2 处占位符" in w for w in result.warnings)


def test_group_sets_sections_out_as_yishi_under_one_heading(tmp_path, demo_ontology):
    text = DEMO_ANSWERS.replace(
        "sections: [enforcement, leaders]",
        "sections:\n        - heading: 规范执法与履职\n          group: [{id: enforcement, heading: 加强执法检查}, leaders]",
    )
    result = composed(tmp_path, demo_ontology, text)
    group = result.document.blocks[2]
    assert group.number == "（一）" and group.text == "规范执法与履职。"
    assert group.body.startswith("一是加强执法检查。制定《")
    assert "二是第一责任人履职。主要负责人带头学法" in group.body
    assert result.document.blocks[3].number == "二、"


def test_enumerate_part_gives_one_paragraph_per_section(tmp_path, demo_ontology):
    text = DEMO_ANSWERS.replace("      sections: [enforcement, leaders]", "      style: enumerate\n      sections: [enforcement, leaders]")
    blocks = composed(tmp_path, demo_ontology, text).document.blocks
    assert blocks[1].text == "主要举措和成效"
    assert blocks[2].text.startswith("一是严格规范执法。制定《") and blocks[3].text == "二是第一责任人履职。主要负责人带头学法。"


def test_empty_group_members_do_not_use_up_ordinals(tmp_path, demo_ontology):
    text = DEMO_ANSWERS.replace(
        "sections: [enforcement, leaders]", "style: enumerate_inline\n      sections: [opening, enforcement, leaders]"
    ).replace("    - sections: [opening]\n", "").replace("  opening:\n    guidance: 以习近平法治思想为指导\n", "")
    blocks = composed(tmp_path, demo_ontology, text).document.blocks
    assert blocks[1].text.startswith("一是严格规范执法。") and "二是第一责任人履职。" in blocks[1].text


def test_bad_style_is_reported(tmp_path, demo_ontology):
    import pytest

    from drafter.errors import DrafterError
    with pytest.raises(DrafterError, match="style 只能是"):
        composed(tmp_path, demo_ontology, DEMO_ANSWERS.replace("style: plain", "style: flat"))


def test_nested_groups_give_four_heading_levels(tmp_path, demo_ontology):
    text = DEMO_ANSWERS.replace(
        "sections: [enforcement, leaders]",
        "sections:\n"
        "        - heading: 主要举措\n"
        "          style: headings\n"
        "          group:\n"
        "            - heading: 执法\n"
        "              style: headings\n"
        "              group: [enforcement]\n"
        "            - leaders",
    ).replace("    measures:\n", "    actions:\n      - name: 专项行动甲\n        checks: 5\n    measures:\n")
    blocks = composed(tmp_path, demo_ontology, text).document.blocks
    headings = [(b.level, b.number, b.text) for b in blocks if isinstance(b, Heading)]
    assert headings[:5] == [
        (1, "一、", "主要举措和成效"), (2, "（一）", "主要举措"), (3, "1.", "执法"),
        (4, "（1）", "严格规范执法。"),
        (3, "2.", "第一责任人履职。"),
    ]
    # a fifth level has no number of its own: it opens its paragraph, never a sibling of its parent
    assert any(isinstance(b, Paragraph) and b.text.startswith("专项行动甲。") for b in blocks)


def test_group_heading_shows_in_a_plain_part(tmp_path, demo_ontology):
    text = DEMO_ANSWERS.replace(
        "      sections: [problems]", "      sections:\n        - heading: 突出问题\n          group: [problems]")
    blocks = composed(tmp_path, demo_ontology, text).document.blocks
    assert blocks[-1].number == "（三）" and blocks[-1].text == "突出问题。"  # numbering: continuous


def test_qualifier_without_its_fact_is_warned_about(tmp_path, demo_ontology):
    text = DEMO_ANSWERS.replace("    inspections: 2770\n", "    inspectors: 市执法大队\n")
    result = composed(tmp_path, demo_ontology, text)
    assert any("执法检查由谁开展" in w and "执法检查次数" in w for w in result.warnings)
    assert "市执法大队" not in "".join(getattr(b, "body", "") or "" for b in result.document.blocks)
    result = composed(tmp_path, demo_ontology, DEMO_ANSWERS.replace("    inspections: 2770\n", "    inspections: 2770\n    inspectors: 市执法大队\n"))
    assert not any("执法检查由谁开展" in w for w in result.warnings)
    assert "市执法大队开展执法检查2770次" in result.document.blocks[2].body


def test_paragraphs_in_a_row_do_not_all_open_with_the_year():
    from drafter.compose import _vary_year_openers

    blocks = [Heading(1, "一"), Paragraph("2023年，开展检查5次。"), Heading(2, "二", body="2023年，查处案件3件。"),
              Paragraph("2023年全年，培训100人次。"), Paragraph("二是2023年，发布通告2份。"), Paragraph("另有说明。"),
              Paragraph("2023年，召开会议2次。"), Heading(1, "二"), Paragraph("2023年，未发生事故。"),
              Paragraph("2024年，计划开展检查。")]
    _vary_year_openers(blocks, 2023)
    said = [b.body if isinstance(b, Heading) else b.text for b in blocks if not isinstance(b, Heading) or b.body]
    assert said == ["2023年，开展检查5次。", "全年，查处案件3件。", "培训100人次。", "二是全年，发布通告2份。",
                    "另有说明。", "2023年，召开会议2次。", "2023年，未发生事故。", "2024年，计划开展检查。"]


def test_an_enumeration_member_with_headings_of_its_own_reads_as_sentences(tmp_path, demo_ontology):
    """（一）（二） between 一是 and 二是 would leave 二是 under another heading: inside an
    enumeration a member's own headings open their paragraphs as sentences."""
    text = DEMO_ANSWERS.replace(
        "      sections: [enforcement, leaders]",
        "      style: enumerate\n      sections:\n        - heading: 规范执法\n          style: headings\n"
        "          group: [{id: enforcement, heading: 加强执法检查}]\n        - leaders",
    )
    blocks = composed(tmp_path, demo_ontology, text).document.blocks
    assert blocks[1].text == "主要举措和成效"
    assert isinstance(blocks[2], Paragraph) and blocks[2].text.startswith("一是规范执法。加强执法检查。制定《")
    assert blocks[3].text == "二是第一责任人履职。主要负责人带头学法。"
    assert not any(isinstance(b, Heading) for b in blocks[2:4])
