"""drafter import: a report file → an answers file in the report's own words.

Fixtures are small reports written for these tests (never sample text). The five samples are
read from ../shared/samples at run time (or $DRAFTER_SAMPLES) and compared there.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

import docx
import pytest
from ruamel.yaml import YAML

from drafter import answers as answers_mod
from drafter import yamlio
from drafter.compose import compose
from drafter.importer import import_source, mapping
from drafter.importer.outline import build, classify
from drafter.importer.rules import load as load_rules
from drafter.readers import read
from drafter.writers.docx import write_docx
from drafter.writers.markdown import to_markdown
from tests.conftest import run_drafter
from tests.support.samples import SAMPLES

ROOT = Path(__file__).resolve().parents[1]

THEMATIC = """某县应急管理局
2025年法治政府建设年度报告

县委、县人民政府：

2025年，某县应急管理局坚持以习近平法治思想为指导，认真落实县委县政府关于法治建设的部署。现将有关情况报告如下：
一、加强组织领导，压实法治建设责任
（一）强化法治建设组织领导。调整局法治建设领导小组，由局长任组长，召开专题会议4次，研究解决法治建设重点问题。
（二）推进领导干部学法用法。制定年度学法计划，局党组中心组集中学法6次，组织机关干部旁听庭审1场。
二、严格规范公正文明执法
（三）加大安全生产执法力度。全年立案查处行政处罚案件125件，罚没金额356.5万元，同比上升12%。
（四）强化行政执法监督。开展执法案卷评查2次，评查案卷40余卷，发现问题15个，均已整改到位。
三、存在的不足和原因
一是执法人员专业能力不足。部分执法人员对新法掌握不够。二是普法形式较为单一。线上宣传覆盖面有待扩大。
四、下一年度工作安排
（一）持续提升执法质量。开展执法人员轮训，全年培训不少于3期。
（二）创新普法宣传方式。拓展新媒体普法渠道，打造普法品牌。
某县应急管理局
2025年12月28日
"""

STATUTORY = """2024年，我局在市委市政府的坚强领导下，扎实推进法治政府建设。
一、推进法治政府建设的主要举措和成效
（一）健全突发事件应对体系
1.完善应急预案。修订总体应急预案1部、专项预案12部，组织开展应急演练30次。
2.加强救援队伍建设。
（1）专业队伍：新建专业救援队伍3支，队员120人。
（2）社会力量：登记社会应急力量8支。
二、党政主要负责人履行推进法治建设第一责任人职责情况
局主要负责人认真履行第一责任人职责，对法治建设重要工作亲自部署、重大问题亲自过问。
三、存在的不足和原因
（一）基层执法力量薄弱。乡镇执法人员数量不足。
（二）法治宣传不够深入。部分企业负责人法治意识不强。
四、下一年度推进法治政府建设的主要安排
（一）加强执法队伍建设。
（二）深化普法宣传教育。
五、其他需要报告的情况
无。
"""

SKIPPED = """一、健全应急救援体系
(1)完善应急预案。修订专项应急预案5部。
(2)加强应急演练。组织综合演练2次。
二、加强普法宣传
(1)开展安全生产月活动。发放宣传资料3000余份。
"""

FLAT = """启某应急〔2023〕12号
启某市应急管理局 2023年法治政府建设情况报告
市政府并报市委：
一、强化组织领导
一是成立领导小组。局主要领导任组长，负责依法行政工作的组织领导。二是制定工作计划。印发年度法治建设工作要点。
二、规范执法行为
一是严格执行行政执法三项制度。公示行政处罚信息84条。
二是规范自由裁量。细化裁量标准。
我局在法治政府建设上取得了一定成绩，但仍有差距。下一步，我局将继续推进法治政府建设再上新台阶。
启某市应急管理局
二〇二三年十二月十六日
"""

# The heading says 组织 (organisation); the body is all about drills.
MISLEADING = """一、加强组织领导
（一）强化组织保障。全年组织开展应急演练45场次，参演人员3200人次，修订完善各类应急预案，开展桌面推演和实战演练，检验预案的可操作性。
（二）加强法治建设组织领导。成立法治建设领导小组，局长任组长，定期召开领导小组会议。
"""

# A heading the ontology has no section for.
UNKNOWN = """一、其他工作
（一）做好机关食堂管理。完善食堂管理制度，开展食品安全检查4次。
（二）加强法治建设组织领导。成立法治建设领导小组，局长任组长。
"""


def _import(tmp_path: Path, text: str, real_ontology, name: str = "report.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_source(read(path), real_ontology)


def _data(result) -> dict:
    return YAML(typ="safe").load(result.text)


def _load(result, real_ontology, tmp_path: Path):
    return answers_mod.from_document(yamlio.loads(result.text, tmp_path / "imported.yaml"), real_ontology)


def _markdown(result, real_ontology, tmp_path: Path) -> str:
    return to_markdown(compose(_load(result, real_ontology, tmp_path), real_ontology).document)


def _sections(result) -> dict[str, str]:
    return {u.heading: u.section for u in result.units if u.heading}


def _plain(text: str) -> str:
    return re.sub(r"[\W_]", "", text)


_LABEL = re.compile(r"(?m)^(?:#+ )?(?:\*\*)?(?:[（(]?[一二三四五六七八九十0-9０-９]+[)）、.．])")


_TAG = re.compile(r"</?[a-z]+[^>]*>")


def _similar(a: str, b: str) -> float:
    """Characters alike, ignoring punctuation, whitespace, heading numbers (renumbered) and
    the Markdown writer's tags."""
    a, b = _LABEL.sub("", _TAG.sub("", a)), _LABEL.sub("", _TAG.sub("", b))
    return difflib.SequenceMatcher(None, _plain(a), _plain(b), autojunk=False).ratio()


def _body_md(md: str) -> str:
    """The rebuilt Markdown without the title drafter adds when the original had none."""
    return re.sub(r"^# .*\n", "", md, count=1)


# --- metadata ---------------------------------------------------------------------------------


def test_metadata_from_title_addressee_signature_and_date(tmp_path, real_ontology):
    result = _import(tmp_path, THEMATIC, real_ontology)
    report = _data(result)["report"]
    assert report["title"] == "某县应急管理局2025年法治政府建设年度报告"  # written over two lines
    assert report["issuer"] == "某县应急管理局"
    assert report["year"] == 2025
    assert report["addressee"] == "县委、县人民政府"
    assert report["region"] == "全县"
    assert report["date"] == dt.date(2025, 12, 28)
    assert "signature" not in report  # the same as the issuer


def test_doc_number_addressee_and_chinese_date(tmp_path, real_ontology):
    report = _data(_import(tmp_path, FLAT, real_ontology))["report"]
    assert report["doc_number"] == "启某应急〔2023〕12号"
    assert report["addressee"] == "市政府并报市委"
    assert report["date"] == dt.date(2023, 12, 16)
    assert report["year"] == 2023


def test_repeated_title_once_and_year_not_from_a_document_name(tmp_path, real_ontology):
    text = ("某区应急管理局2022年法治政府建设年度报告\n某区应急管理局2022年法治政府建设年度报告\n"
            "根据《法治政府建设实施纲要（2021—2025年）》，我局推进法治建设。\n一、加强组织领导\n成立领导小组。\n")
    report = _data(_import(tmp_path, text, real_ontology))["report"]
    assert report["title"] == "某区应急管理局2022年法治政府建设年度报告"
    assert report["year"] == 2022


def test_year_from_first_sentence_and_issuer_from_body(tmp_path, real_ontology):
    text = "2021年，甲市应急管理局认真贯彻落实上级部署。\n一、加强组织领导\n成立领导小组。\n"
    result = _import(tmp_path, text, real_ontology)
    report = _data(result)["report"]
    assert report["year"] == 2021 and report["issuer"] == "甲市应急管理局"
    assert "title" not in report


def test_doc_number_from_the_page_header(tmp_path, real_ontology):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "乙应急〔2024〕3号"
    document.add_paragraph("2024年，乙县应急管理局扎实推进法治政府建设。")
    document.add_paragraph("一、加强组织领导")
    document.add_paragraph("成立法治建设领导小组。")
    path = tmp_path / "header.docx"
    document.save(str(path))
    result = import_source(read(path), real_ontology)
    assert _data(result)["report"].get("doc_number") == "乙应急〔2024〕3号" or "乙应急〔2024〕3号" in result.text


def test_missing_metadata_is_said(tmp_path, real_ontology):
    result = _import(tmp_path, SKIPPED, real_ontology)
    summary = "\n".join(result.summary())
    assert "未找到" in summary and "发文机关" in summary and "年度" in summary
    assert "原文中没有找到" in result.text


# --- outline ----------------------------------------------------------------------------------


def test_heading_numbers_and_run_in():
    rules = load_rules(ROOT / "sections")
    from drafter.readers.source import SourceBlock

    def line(text):
        return classify(SourceBlock("paragraph", text, 1), rules)

    assert line("一、加强组织领导").rank == 1
    assert line("（二十一）强化应急救援实战能力。启用平台。").heading == "强化应急救援实战能力"
    assert line("（二十一）强化应急救援实战能力。启用平台。").body == "启用平台。"
    assert line("(3)危化领域:一是开展专项排查。").rank == 4
    assert line("12、规范执法").rank == 3
    assert line("1.1万家企业观看了警示教育片。").rank is None  # a decimal, not a heading
    assert line("一是加强领导，落实工作责任。").rank is None  # 一是 is not 一、
    assert line("二〇二三年工作回顾").rank is None


def test_thematic_continuous_numbering_parts_and_sections(tmp_path, real_ontology):
    result = _import(tmp_path, THEMATIC, real_ontology)
    outline = _data(result)["outline"]
    assert outline["numbering"] == "continuous" and outline["run_in"] is True
    assert outline["parts"][0] == {"sections": ["intro"]}
    first = outline["parts"][1]
    assert first["heading"] == "加强组织领导，压实法治建设责任"
    assert [s["heading"] for s in first["sections"]] == ["强化法治建设组织领导", "推进领导干部学法用法"]
    sections = _sections(result)
    assert sections["强化法治建设组织领导"] == "organization"
    assert sections["加大安全生产执法力度"] == "penalties"
    assert sections["强化行政执法监督"] == "enforcement_supervision"


def test_restarting_numbering_and_statutory_parts(tmp_path, real_ontology):
    result = _import(tmp_path, STATUTORY, real_ontology)
    data = _data(result)
    assert data["outline"]["numbering"] == "restart"
    ids = [u.section for u in result.units]
    assert ids[0] == "intro"
    assert {"first_responsible", "problems", "plans", "other"} <= set(ids)
    assert result.shape == "按法定内容分部分"
    # level three and four stay inside the section's own text as markup
    plans_part = next(u for u in result.units if u.section == "emergency_plans")
    assert "# 完善应急预案\n" in plans_part.text and "## 专业队伍\n" in plans_part.text


def test_skipped_level_becomes_level_two(tmp_path, real_ontology):
    result = _import(tmp_path, SKIPPED, real_ontology)
    parts = _data(result)["outline"]["parts"]
    assert [s["heading"] for s in parts[0]["sections"]] == ["完善应急预案", "加强应急演练"]
    assert any("跳过了标题层级" in note for note in result.notes)


def test_flat_enumeration_items_become_sections_and_closing_is_its_own(tmp_path, real_ontology):
    result = _import(tmp_path, FLAT, real_ontology)
    units = {u.section: u for u in result.units}
    assert "closing" in units and units["closing"].text.startswith("我局在法治政府建设上")
    parts = _data(result)["outline"]["parts"]
    inline, separate = parts[0], parts[1]  # 一是……二是…… in one paragraph; then one paragraph each
    assert inline["style"] == "enumerate_inline" and separate["style"] == "enumerate"
    assert [s["heading"] for s in inline["sections"]] == ["成立领导小组", "制定工作计划"]
    assert [s["heading"] for s in separate["sections"]] == ["严格执行行政执法三项制度", "规范自由裁量"]
    assert result.shape == "一是二是简式"
    md = _markdown(result, real_ontology, tmp_path)
    assert "一是成立领导小组。局主要领导任组长，负责依法行政工作的组织领导。二是制定工作计划。" in md
    assert "\n\n二是规范自由裁量。细化裁量标准。" in md


def test_enumeration_with_text_before_it_stays_one_section(tmp_path, real_ontology):
    text = "一、规范执法行为\n我局坚持严格执法。\n一是严格执行三项制度。公示信息。\n二是规范自由裁量。细化标准。\n"
    result = _import(tmp_path, text, real_ontology)
    assert len(result.units) == 1 and "一是严格执行三项制度" in result.units[0].text


# --- sections ---------------------------------------------------------------------------------


def test_body_outweighs_a_misleading_heading(tmp_path, real_ontology):
    sections = _sections(_import(tmp_path, MISLEADING, real_ontology))
    assert sections["强化组织保障"] == "drills"
    assert sections["加强法治建设组织领导"] == "organization"


def test_plans_under_another_name_are_the_plans(tmp_path, real_ontology):
    text = ("一、主要工作\n1.规范行政执法。全年开展执法检查186次。\n"
            "二、2026年工作打算\n（一）充实执法力量，力争新增执法人员3名。\n（二）完成执法记录仪配备。\n")
    assert _sections(_import(tmp_path, text, real_ontology))["2026年工作打算"] == "plans"


def test_unknown_block_is_an_own_section_with_its_heading(tmp_path, real_ontology):
    result = _import(tmp_path, UNKNOWN, real_ontology)
    own = next(u for u in result.units if u.heading == "做好机关食堂管理")
    assert own.section.startswith("own_") and own.confidence == "自拟"
    ref = _data(result)["outline"]["parts"][0]["sections"][0]
    assert ref == {"id": own.section, "heading": "做好机关食堂管理"}
    assert "开展食品安全检查{" in own.text


def test_a_section_is_used_once(tmp_path, real_ontology):
    text = ("一、加强组织领导\n（一）强化法治建设组织领导。成立领导小组。\n"
            "（二）加强法治建设组织领导。调整领导小组成员。\n")
    result = _import(tmp_path, text, real_ontology)
    ids = [u.section for u in result.units]
    assert len(ids) == len(set(ids))
    assert "成立领导小组" in result.text and "调整领导小组成员" in result.text  # nothing dropped


def test_cues_in_the_ontology_are_read(real_ontology):
    section = real_ontology.sections["drills"]
    assert isinstance(mapping.cues(section, real_ontology), list)
    profiles = mapping.Profiles.build(real_ontology)
    assert profiles.body_score("组织开展应急演练，参演人员", "drills") > profiles.body_score("组织开展应急演练，参演人员", "penalties")


def test_problems_and_plans_become_records(tmp_path, real_ontology):
    answers = _data(_import(tmp_path, THEMATIC, real_ontology))["answers"]
    assert answers["problems"]["items"] == [
        {"title": "执法人员专业能力不足", "detail": "部分执法人员对新法掌握不够。"},
        {"title": "普法形式较为单一", "detail": "线上宣传覆盖面有待扩大。"},
    ]
    assert [i["title"] for i in answers["plans"]["items"]] == ["持续提升执法质量", "创新普法宣传方式"]
    assert answers["plans"]["text"].startswith("# 持续提升执法质量\n开展执法人员轮训")


# --- numbers ----------------------------------------------------------------------------------


def test_numbers_become_slots_and_facts(tmp_path, real_ontology):
    answers = _data(_import(tmp_path, THEMATIC, real_ontology))["answers"]
    supervision = answers["enforcement_supervision"]
    assert supervision["text"].strip() == "开展执法案卷评查{执法案卷评查}，评查案卷{评查案卷}，发现问题{发现问题}，均已整改到位。"
    assert supervision["facts"] == {"执法案卷评查": "2次", "评查案卷": "40余卷", "发现问题": "15个"}


def test_numbers_that_read_like_a_field_fill_it(tmp_path, real_ontology):
    result = _import(tmp_path, THEMATIC, real_ontology)
    penalties = _data(result)["answers"]["penalties"]
    assert penalties["text"].strip() == "全年立案查处行政处罚案件{bureau_cases}，罚没金额{bureau_amount}，同比上升{罚没金额增幅}。"
    assert (penalties["bureau_cases"], penalties["bureau_amount"]) == (125, 356.5)
    assert penalties["facts"] == {"罚没金额增幅": "12%"}
    assert "已填入本节字段：bureau_cases" in result.text
    assert "其中 2 个填入本体字段" in "\n".join(result.summary())


def test_repeated_labels_get_a_suffix_and_approximations_stay_outside():
    from drafter.importer.slots import Facts, slot_text

    facts = Facts()
    text = slot_text("检查企业120家，检查企业30家，覆盖95%以上企业，超过 5万人次参加", facts)
    assert "{检查企业}" in text and "{检查企业2}" in text
    assert "以上企业" in text and "超过 {" in text
    assert facts.values["检查企业"] == "120家" and facts.values["检查企业2"] == "30家"


def test_markup_in_source_text_is_escaped(tmp_path, real_ontology):
    text = "一、加强组织领导\n#话题 活动开展顺利，路径C:\\temp。\n"
    unit = _import(tmp_path, text, real_ontology).units[0]
    assert unit.text.startswith("\\#话题") and "C:\\\\temp" in unit.text


# --- the output file --------------------------------------------------------------------------


def test_comments_say_where_and_how_sure(tmp_path, real_ontology):
    result = _import(tmp_path, UNKNOWN, real_ontology)
    assert "# 来自：一、其他工作 → （一）做好机关食堂管理" in result.text
    assert "自拟章节" in result.text and "有把握" in result.text
    summary = "\n".join(result.summary())
    assert "自拟章节 1 节" in summary and "数字：" in summary


FIXTURES = {"thematic": THEMATIC, "statutory": STATUTORY, "skipped": SKIPPED, "flat": FLAT,
            "misleading": MISLEADING, "unknown": UNKNOWN}


@pytest.mark.parametrize("name", FIXTURES)
def test_result_loads_and_builds_like_the_original(tmp_path, real_ontology, name):
    text = FIXTURES[name]
    result = _import(tmp_path, text, real_ontology)
    md = _markdown(result, real_ontology, tmp_path)
    if "title" not in _data(result)["report"]:
        md = _body_md(md)
    body = [ln for ln in text.splitlines() if ln.strip()]
    for number in re.findall(r"\d+(?:\.\d+)?", "\n".join(body)):
        assert number in md or number in result.text
    assert _similar(text.replace("二〇二三年十二月十六日", "2023年12月16日"), md) >= 0.95  # dates in figures


def test_docx_and_html_import(tmp_path, real_ontology):
    document = docx.Document()
    document.add_paragraph("丙市应急管理局2024年法治政府建设年度报告")
    document.add_paragraph("2024年，丙市应急管理局扎实推进法治政府建设。")
    document.add_paragraph("一、严格规范公正文明执法")
    document.add_paragraph("（一）加大安全生产执法力度。全年立案查处行政处罚案件88件。")
    path = tmp_path / "report.docx"
    document.save(str(path))
    result = import_source(read(path), real_ontology)
    assert _sections(result)["加大安全生产执法力度"] == "penalties"
    html = ("<html><head><title>丙市应急管理局2024年法治政府建设年度报告</title></head><body>"
            "<div class='nav'>首页 &gt; 政务公开</div><p>索引号：123456</p>"
            "<h1>丙市应急管理局2024年法治政府建设年度报告</h1>"
            "<p>2024年，丙市应急管理局扎实推进法治政府建设。</p><p>一、严格规范公正文明执法</p>"
            "<p>（一）加大安全生产执法力度。全年立案查处行政处罚案件88件。</p>"
            "<p>打印 关闭</p></body></html>")
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    result = import_source(read(page), real_ontology)
    assert _data(result)["report"]["title"] == "丙市应急管理局2024年法治政府建设年度报告"
    assert "索引号" not in result.text and "打印" not in result.text
    assert _sections(result)["加大安全生产执法力度"] == "penalties"


# --- the command ------------------------------------------------------------------------------


@pytest.mark.slow
def test_command_writes_refuses_overwrite_and_never_the_input(tmp_path):
    report = tmp_path / "去年的报告.txt"
    report.write_text(THEMATIC, encoding="utf-8")
    out = tmp_path / "去年的报告.yaml"
    first = run_drafter("import", str(report), "-o", str(out))
    assert first.returncode == 0, first.stderr
    assert "已导入" in first.stdout and "自拟章节" in first.stdout
    written = out.read_text(encoding="utf-8")
    again = run_drafter("import", str(report), "-o", str(out))
    assert again.returncode != 0 and "--force" in again.stderr
    assert out.read_text(encoding="utf-8") == written
    assert run_drafter("import", str(report), "-o", str(out), "--force").returncode == 0
    onto_input = run_drafter("import", str(report), "-o", str(report))
    assert onto_input.returncode != 0 and "Traceback" not in onto_input.stderr
    assert report.read_text(encoding="utf-8") == THEMATIC
    default = run_drafter("import", str(report), cwd=tmp_path)
    assert default.returncode != 0 and "--force" in default.stderr  # 去年的报告.yaml is there already


def test_command_bad_file_one_line(tmp_path):
    fake = tmp_path / "假的.docx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    result = run_drafter("import", str(fake), "-o", str(tmp_path / "out.yaml"))
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "错误" in result.stderr
    assert not (tmp_path / "out.yaml").exists()


# --- drafter's own .docx ----------------------------------------------------------------------


def _own_docx(tmp_path: Path, real_ontology, example: str = "kunshan-2023") -> tuple[Path, str]:
    path = ROOT / "examples" / f"{example}.yaml"
    answers = answers_mod.load(path, real_ontology)
    out = tmp_path / f"{example}.docx"
    out.write_bytes(write_docx(compose(answers, real_ontology).document))
    return out, path.read_text(encoding="utf-8")


def test_untouched_drafter_docx_gives_its_answers_back_exactly(tmp_path, real_ontology):
    path, original = _own_docx(tmp_path, real_ontology)
    result = import_source(read(path), real_ontology)
    assert result.embedded and result.text == original and not result.changed


def test_edited_drafter_docx_brings_the_change_back(tmp_path, real_ontology):
    path, _ = _own_docx(tmp_path, real_ontology)
    document = docx.Document(str(path))
    target = next(p for p in document.paragraphs if "驻点执法" in p.text)
    old = target.text
    for run in target.runs[1:]:
        run.text = ""
    target.runs[0].text = old.replace("驻点执法", "驻点执法和夜间突击检查", 1)
    edited = tmp_path / "edited.docx"
    document.save(str(edited))
    result = import_source(read(edited), real_ontology)
    assert result.changed == ["enforcement_supervision"]
    assert any("enforcement_supervision" in note for note in result.summary())
    md = _markdown(result, real_ontology, tmp_path)
    assert "驻点执法和夜间突击检查" in md
    before = to_markdown(compose(answers_mod.load(ROOT / "examples" / "kunshan-2023.yaml", real_ontology), real_ontology).document)
    assert _similar(before, md) > 0.98


# --- the samples, read at run time ------------------------------------------------------------
SAMPLE_NAMES = ["anon-city-traditional", "futian-2023", "kunshan-2023", "liaoyang-2023", "qidong-2021"]
EXAMPLE_OF = {"anon-city-traditional": "anon-city"}



def _sample(name: str, kind: str, sample_docx):
    path = SAMPLES / f"{name}.txt"
    if not path.is_file():
        pytest.skip("samples not present")
    if kind == "docx":
        if name not in sample_docx:
            pytest.skip("LibreOffice not installed")
        return read(path), read(sample_docx[name])
    return read(path), read(path)


@pytest.mark.parametrize("kind", ["txt", "docx"])
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_rebuilds_like_the_original(name, kind, sample_docx, real_ontology, tmp_path):
    original, source = _sample(name, kind, sample_docx)
    result = import_source(source, real_ontology)
    document = compose(_load(result, real_ontology, tmp_path), real_ontology).document
    md = to_markdown(document)
    body = original.text()
    numbers = re.findall(r"\d+(?:\.\d+)?", body)
    heading_labels = re.findall(r"(?m)^[（(]?\d+[)）.．、]", body)  # renumbered, not statistics
    missing = [n for n in set(numbers) if n not in md]
    assert set(missing) <= {re.sub(r"\D", "", lab) for lab in heading_labels}
    assert _similar(body, md) >= 0.95
    # the same headings at the same levels
    rebuilt = [(h.level, _plain(h.text)) for h in document.headings()]
    rules = load_rules(real_ontology.root)
    expected = [(ln.level, _plain(ln.heading)) for ln in build(list(original.blocks), rules).lines if ln.is_heading]
    for level, text in expected:
        assert any(lvl == level and r.startswith(text) for lvl, r in rebuilt), text


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_metadata(name, real_ontology, sample_docx):
    original, source = _sample(name, "txt", sample_docx)
    example = YAML(typ="safe").load((ROOT / "examples" / f"{EXAMPLE_OF.get(name, name)}.yaml").read_text(encoding="utf-8"))
    report = YAML(typ="safe").load(import_source(source, real_ontology).text)["report"]
    text = original.text()
    assert report["issuer"] == example["report"]["issuer"]
    if re.search(r"20\d\d年", text[:300]):
        assert report["year"] == example["report"]["year"]
    for key in ("addressee", "doc_number"):
        if example["report"].get(key):
            assert report.get(key) == example["report"][key]
        else:
            assert key not in report


def _example_entries(outline: dict) -> list[tuple[str, set[str]]]:
    """(heading, the section ids under it) for every heading of a hand-made example."""
    out = []

    def ids(entry):
        if isinstance(entry, str):
            return {entry}
        if "group" in entry:
            return set().union(*(ids(m) for m in entry["group"]))
        return {entry["id"]}

    def walk(entries):
        for entry in entries:
            if isinstance(entry, dict) and entry.get("heading"):
                out.append((entry["heading"], ids(entry)))
            if isinstance(entry, dict) and "group" in entry:
                walk(entry["group"])

    for part in outline["parts"]:
        if part.get("heading"):
            out.append((part["heading"], set().union(*(ids(e) for e in part["sections"]))))
        walk(part["sections"])
    return out


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_headings_map_like_the_example(name, real_ontology, sample_docx):
    _, source = _sample(name, "txt", sample_docx)
    example = YAML(typ="safe").load((ROOT / "examples" / f"{EXAMPLE_OF.get(name, name)}.yaml").read_text(encoding="utf-8"))
    entries = _example_entries(example["outline"])
    result = import_source(source, real_ontology)
    total = hits = 0
    for unit in result.units:
        if not unit.heading:
            continue
        heading, ids = max(entries, key=lambda e: mapping.dice(_plain(e[0]), _plain(unit.heading)))
        if mapping.dice(_plain(heading), _plain(unit.heading)) < 0.6:
            continue  # the example rewrote this heading beyond recognition
        total += 1
        hits += unit.section in ids
    assert total >= 3 and hits >= 0.8 * total


def test_next_after_import_leaves_no_old_number_and_lists_the_follow_up(tmp_path):
    report = tmp_path / "2025.txt"
    report.write_text(THEMATIC, encoding="utf-8")
    this_year, next_year = tmp_path / "2025.yaml", tmp_path / "2026.yaml"
    assert run_drafter("import", str(report), "-o", str(this_year)).returncode == 0
    rolled = run_drafter("next", str(this_year), "-o", str(next_year))
    assert rolled.returncode == 0, rolled.stderr
    data = YAML(typ="safe").load(next_year.read_text(encoding="utf-8"))
    followup = data["answers"]["previous_followup"]
    assert [i["problem"] for i in followup["items"]] == ["执法人员专业能力不足", "普法形式较为单一"]
    assert [p["plan"] for p in followup["plans"]] == ["持续提升执法质量", "创新普法宣传方式"]
    md = tmp_path / "2026.md"
    built = run_drafter("build", str(next_year), "-o", str(md))
    assert built.returncode == 0, built.stderr
    prose = md.read_text(encoding="utf-8")
    for old in ("125件", "356.5万元", "12%", "40余卷", "6次"):
        assert old not in prose


def test_unnumbered_headings_by_their_style(tmp_path, real_ontology):
    text = ("# 丁市应急管理局2024年法治政府建设年度报告\n\n2024年，丁市应急管理局扎实推进法治政府建设。\n\n"
            "## 加强组织领导\n\n### 强化法治建设组织领导\n\n成立领导小组，召开会议3次。\n\n"
            "## 严格执法\n\n### 加大安全生产执法力度\n\n立案查处行政处罚案件50件。\n")
    result = _import(tmp_path, text, real_ontology, name="report.md")
    parts = _data(result)["outline"]["parts"]
    assert [p.get("heading") for p in parts] == [None, "加强组织领导", "严格执法"]
    assert _sections(result)["加大安全生产执法力度"] == "penalties"
    assert not result.notes


def test_numbers_become_facts_only_as_the_loader_reads_them(tmp_path, real_ontology, monkeypatch):
    from drafter.importer import slots

    text = "一、加强组织领导\n增长2.5倍，提高3个百分点，历时2.5小时，检查120家。\n"
    result = _import(tmp_path, text, real_ontology)
    assert "增长2.5倍，提高3个百分点，历时2.5小时，检查120家" in _markdown(result, real_ontology, tmp_path)
    # a value the answers file would not read back stays in the text as written
    monkeypatch.setattr(slots.owntext, "parse_fact", lambda name, raw: (_ for _ in ()).throw(slots.FieldValueError("x")))
    facts = slots.Facts()
    assert slots.slot_text("检查120家", facts) == "检查120家" and facts.literal == ["120家"]


def test_tables_keep_their_numbers(tmp_path, real_ontology):
    document = docx.Document()
    document.add_paragraph("一、严格规范公正文明执法")
    document.add_paragraph("全年执法情况见下表。")
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ["检查企业", "立案", "320家", "45件"]):
        cell.text = text
    path = tmp_path / "table.docx"
    document.save(str(path))
    result = import_source(read(path), real_ontology)
    md = _markdown(result, real_ontology, tmp_path)
    assert "320家" in md and "45件" in md


def test_rules_with_a_broken_pattern_fail_with_the_file_named(tmp_path):
    folder = tmp_path / "sections"
    folder.mkdir()
    text = (ROOT / "sections" / "_import.yaml").read_text(encoding="utf-8")
    (folder / "_import.yaml").write_text(text.replace("号'", "號'", 1), encoding="utf-8")
    from drafter.errors import DrafterError

    with pytest.raises(DrafterError) as caught:
        load_rules(folder)
    assert "_import.yaml" in str(caught.value) and "启应急〔2021〕75号" in str(caught.value)


def test_a_file_with_a_title_only_fails_in_one_line(tmp_path):
    report = tmp_path / "只有标题.txt"
    report.write_text("某局2024年法治政府建设年度报告\n", encoding="utf-8")
    result = run_drafter("import", str(report), "-o", str(tmp_path / "out.yaml"))
    assert result.returncode == 1 and "没有找到报告正文" in result.stderr
    assert result.stderr.strip().count("\n") == 0 and not (tmp_path / "out.yaml").exists()


def test_two_problem_parts_keep_each_section_once(tmp_path, real_ontology):
    text = THEMATIC.replace("某县应急管理局\n2025年12月28日\n", "") + "五、存在的不足和原因\n基层力量仍然薄弱。\n"
    result = _import(tmp_path, text, real_ontology)
    ids = [u.section for u in result.units]
    assert ids.count("problems") == 1 and len(ids) == len(set(ids))
    _load(result, real_ontology, tmp_path)
    assert "基层力量仍然薄弱" in result.text


def _edit_paragraph(path: Path, out: Path, containing: str, change) -> None:
    document = docx.Document(str(path))
    target = next(p for p in document.paragraphs if containing in p.text)
    old = target.text
    for run in target.runs[1:]:
        run.text = ""
    target.runs[0].text = change(old)
    document.save(str(out))


def test_edit_inside_a_paragraph_of_several_sections(tmp_path, real_ontology):
    """（八）……一是……二是……三是……: one paragraph written from four sections."""
    path, _ = _own_docx(tmp_path, real_ontology)
    edited = tmp_path / "edited.docx"
    _edit_paragraph(path, edited, "公平竞争审查流程",
                    lambda t: t.replace("梳理政策文件417件", "梳理政策文件420件", 1).replace("配备公职律师2人。", "配备公职律师2人。另聘顾问1名。", 1))
    result = import_source(read(edited), real_ontology)
    assert result.changed == ["fair_competition", "legality_review"]
    before = to_markdown(compose(answers_mod.load(ROOT / "examples" / "kunshan-2023.yaml", real_ontology), real_ontology).document)
    after = _markdown(result, real_ontology, tmp_path)
    assert after.count("配备公职律师2人。另聘顾问1名。") == 1 and "梳理政策文件420件" in after
    assert after.count("开展行政规范性文件及党内规范性文件清理工作") == before.count("开展行政规范性文件及党内规范性文件清理工作")
    assert after.replace("420件", "417件").replace("另聘顾问1名。", "") == before


def test_edited_heading_is_reported_not_lost_silently(tmp_path, real_ontology):
    path, original = _own_docx(tmp_path, real_ontology)
    edited = tmp_path / "edited.docx"
    _edit_paragraph(path, edited, "公平竞争审查流程", lambda t: t.replace("三是开展政策文件公平竞争审查。", "三是开展公平竞争审查和合规审查。", 1))
    result = import_source(read(edited), real_ontology)
    assert not result.changed and result.text == original
    assert any("小标题" in note and "fair_competition" in note for note in result.summary())


def test_web_page_doc_number_and_date_from_its_furniture(tmp_path, real_ontology):
    html = ("<html><body><table><tr><td>索引号：11440304/2024-00012</td><td>发文字号：丙应急〔2024〕8号</td></tr>"
            "<tr><td>成文日期：2024-12-20</td><td>发布日期：2025-01-06</td></tr></table>"
            "<h1>丙市应急管理局2024年法治政府建设年度报告</h1>"
            "<p>2024年，丙市应急管理局扎实推进法治政府建设。</p><p>一、严格规范公正文明执法</p>"
            "<p>全年立案查处行政处罚案件88件。</p></body></html>")
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    report = _data(import_source(read(page), real_ontology))["report"]
    assert report.get("doc_number") == "丙应急〔2024〕8号"
    assert report.get("date") == dt.date(2024, 12, 20) and report["year"] == 2024


def test_a_short_opening_line_is_not_a_title(tmp_path, real_ontology):
    text = "现将有关情况报告如下\n一、加强组织领导\n成立领导小组。\n"
    result = _import(tmp_path, text, real_ontology)
    assert "title" not in _data(result)["report"]
    assert result.units[0].section == "intro" and "现将有关情况报告如下" in result.units[0].text


def test_another_ontology_without_the_usual_sections(tmp_path, demo_ontology):
    """The fixture ontology has no intro, problems or plans: blocks still land somewhere."""
    result = _import(tmp_path, THEMATIC, demo_ontology)
    answers = answers_mod.from_document(yamlio.loads(result.text, tmp_path / "a.yaml"), demo_ontology)
    md = to_markdown(compose(answers, demo_ontology).document)
    assert "356.5万元" in md and "线上宣传覆盖面有待扩大" in md


def test_a_heading_with_nothing_under_it_is_kept(tmp_path, real_ontology):
    text = "一、加强组织领导\n（一）强化法治建设组织领导\n（二）推进领导干部学法用法。制定年度学法计划。\n"
    result = _import(tmp_path, text, real_ontology)
    headings = [(h.level, h.text) for h in compose(_load(result, real_ontology, tmp_path), real_ontology).document.headings()]
    assert (2, "强化法治建设组织领导") in headings and (2, "推进领导干部学法用法。") in headings


def test_edit_in_a_section_with_its_own_headings_keeps_them(tmp_path, real_ontology):
    path, _ = _own_docx(tmp_path, real_ontology, "futian-2023")
    before = to_markdown(compose(answers_mod.load(ROOT / "examples" / "futian-2023.yaml", real_ontology), real_ontology).document)
    edited = tmp_path / "edited.docx"
    _edit_paragraph(path, edited, "针对2022年度法治政府建设年度报告中查摆的问题", lambda t: t + "另有补充。")
    result = import_source(read(edited), real_ontology)
    assert result.changed == ["previous_followup"]
    after = _markdown(result, real_ontology, tmp_path)
    assert "另有补充。" in after
    assert [h for h in after.splitlines() if h.startswith(("#", "**"))] == [h for h in before.splitlines() if h.startswith(("#", "**"))]


def test_edited_outline_heading_is_reported(tmp_path, real_ontology):
    path, original = _own_docx(tmp_path, real_ontology, "liaoyang-2023")
    edited = tmp_path / "edited.docx"
    _edit_paragraph(path, edited, "统筹谋划", lambda t: t.replace("统筹谋划", "统筹规划", 1))
    result = import_source(read(edited), real_ontology)
    assert not result.changed and result.text == original
    assert any("小标题" in note and "统筹谋划" in note for note in result.summary())
