"""Read the .docx back with python-docx and check the official layout in the XML."""
import io
import re

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from drafter import answers
from drafter.compose import compose
from drafter.writers.docx import display_width, signature_indents, write_docx
from drafter.writers.title import break_title
from tests.conftest import DEMO_ANSWERS


@pytest.fixture
def built(tmp_path, demo_ontology):
    path = tmp_path / "a.yaml"
    path.write_text(DEMO_ANSWERS, encoding="utf-8")
    doc = compose(answers.load(path, demo_ontology), demo_ontology).document
    return doc, docx.Document(io.BytesIO(write_docx(doc)))


def near(length, mm):
    return abs(length - Mm(mm)) < Mm(0.1)


def test_page_is_a4_with_official_margins(built):
    _, d = built
    s = d.sections[0]
    assert near(s.page_width, 210) and near(s.page_height, 297)
    assert near(s.top_margin, 37) and near(s.bottom_margin, 35)
    assert near(s.left_margin, 28) and near(s.right_margin, 26)


def test_line_grid_gives_22_lines(built):
    _, d = built
    grid = d.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"
    assert 22 * 579 <= 225 / 25.4 * 72 * 20 < 23 * 579
    normal = d.styles["Normal"].element
    spacing = normal.find(qn("w:pPr")).find(qn("w:spacing"))
    assert spacing.get(qn("w:line")) == "579" and spacing.get(qn("w:lineRule")) == "exact"
    # 28 characters of 16 pt condensed by 0.25 pt fit the 156 mm type area, 29 do not
    condensed = int(normal.find(qn("w:rPr")).find(qn("w:spacing")).get(qn("w:val"))) / 20
    pitch = 16 + condensed
    assert 28 * pitch <= 156 / 25.4 * 72 < 29 * pitch


def fonts_of(style):
    rfonts = style.element.find(qn("w:rPr")).find(qn("w:rFonts"))
    return {k.split("}")[1]: v for k, v in rfonts.attrib.items()}


@pytest.mark.parametrize("style, east_asia, size", [
    ("Normal", "仿宋_GB2312", 32), ("Title", "方正小标宋简体", 44), ("Heading 1", "黑体", 32),
    ("Heading 2", "楷体_GB2312", 32), ("Heading 3", "仿宋_GB2312", 32), ("Heading 4", "仿宋_GB2312", 32),
])
def test_style_fonts_and_sizes(built, style, east_asia, size):
    _, d = built
    fonts = fonts_of(d.styles[style])
    assert fonts["eastAsia"] == east_asia and fonts["ascii"] == "Times New Roman"
    assert not any("Theme" in k for k in fonts)
    sz = d.styles[style].element.find(qn("w:rPr")).find(qn("w:sz")).get(qn("w:val"))
    assert int(sz) == size


def test_no_theme_fonts_anywhere_in_styles(built):
    _, d = built
    xml = d.styles.element.xml
    assert "asciiTheme" not in xml and "eastAsiaTheme" not in xml


def test_headings_use_builtin_ids_with_outline_levels_and_keep_with_next(built):
    _, d = built
    for level in range(1, 5):
        el = d.styles[f"Heading {level}"].element
        assert el.get(qn("w:styleId")) == f"Heading{level}"
        ppr = el.find(qn("w:pPr"))
        assert ppr.find(qn("w:outlineLvl")).get(qn("w:val")) == str(level - 1)
        assert ppr.find(qn("w:keepNext")) is not None


def test_body_first_line_indent_is_two_characters(built):
    _, d = built
    ind = d.styles["Normal"].element.find(qn("w:pPr")).find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"
    assert ind.get(qn("w:widowControl")) is None
    assert d.styles["Normal"].element.find(qn("w:pPr")).find(qn("w:widowControl")) is not None
    assert not any(p.text.startswith((" ", "\u3000")) for p in d.paragraphs)


def test_heading_numbers_and_order(built):
    _, d = built
    texts = [p.text for p in d.paragraphs if p.text]
    assert texts[0] == "测试市应急管理局文件"  # a 发文字号 stands in the 版头, which is drawn for it
    assert texts[1] == "测应急〔2023〕5号"
    assert texts[2] == "测试市应急管理局2023年\n法治政府建设年度报告"
    assert texts[3] == "市委、市政府："
    headings = [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [("Heading 1", "一、主要举措和成效"), ("Heading 1", "二、存在的不足和原因")]
    run_in = next(p for p in d.paragraphs if p.text.startswith("（一）"))
    assert run_in.runs[0].style.name == "Run-in Heading 2" and run_in.runs[0].text == "（一）严格规范执法。"


def test_page_numbers_odd_right_even_left_with_dashes(built):
    _, d = built
    s = d.sections[0]
    assert d.settings.odd_and_even_pages_header_footer
    odd, even = s.footer.paragraphs[0], s.even_page_footer.paragraphs[0]
    for p in (odd, even):
        xml = p._p.xml
        assert "PAGE" in xml and p.text.startswith("— ") and p.text.endswith(" —")
    assert odd._p.pPr.find(qn("w:jc")).get(qn("w:val")) == "right"
    assert odd._p.pPr.find(qn("w:ind")).get(qn("w:rightChars")) == "100"
    assert even._p.pPr.find(qn("w:jc")).get(qn("w:val")) == "left"
    assert even._p.pPr.find(qn("w:ind")).get(qn("w:leftChars")) == "100"
    fonts = fonts_of(d.styles["Footer"])
    assert fonts["eastAsia"] == "宋体"
    # number line top about 7 mm below the type area (35 mm margin)
    assert Mm(21) < s.footer_distance < Mm(24)


def test_signature_and_date_positions(built):
    _, d = built
    sig, date = [p for p in d.paragraphs if p.style.name in ("Signature", "Signature Date")]
    assert sig.text == "测试市应急管理局" and date.text == "2023年12月20日"
    # name: right-aligned, two characters (2 × 15.75 pt) in from the right
    assert sig._p.pPr.find(qn("w:ind")).get(qn("w:right")) == "630"
    # date: left-aligned at the name's first character + 2: 442.2 pt - 2 - 8 + 2 characters
    left = int(date._p.pPr.find(qn("w:ind")).get(qn("w:left")))
    assert abs(left - round((156 / 25.4 * 72 - 8 * 15.75) * 20)) <= 1
    assert date._p.pPr.find(qn("w:jc")) is None and d.styles["Signature Date"].paragraph_format.alignment == 0


@pytest.mark.parametrize("name, date, expected", [
    ("启东市应急管理局", "2021年12月16日", (2.0, 1.0)),
    ("某局", "2023年12月20日", (4 + 7 - 2, 2.0)),
    ("福田区应急管理局", "2023年12月20日", (2.0, 1.0)),
])
def test_signature_rule(name, date, expected):
    assert display_width("2021年12月16日") == 7
    assert signature_indents(name, date) == expected


def test_properties_and_font_table(built):
    doc, d = built
    assert d.core_properties.title == doc.title and d.core_properties.author == "测试市应急管理局"
    table = next(p for p in d.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml").blob.decode()
    for name, alt in (("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"), ("方正小标宋简体", "宋体")):
        assert re.search(rf'w:name="{name}"><w:altName w:val="{alt}"/>', table)


def test_title_breaks_never_split_a_name_or_a_year():
    lines = break_title("深圳市福田区应急管理局关于2024年法治政府建设情况的报告", keep=["深圳市福田区应急管理局"])
    assert len(lines) == 2 and "".join(lines) == "深圳市福田区应急管理局关于2024年法治政府建设情况的报告"
    assert all("2024年" in line or "2024" not in line for line in lines)
    assert lines[0].startswith("深圳市福田区应急管理局")
    assert break_title("某局2023年法治政府建设年度报告") == ["某局2023年法治政府建设年度报告"]


def test_header_has_a_red_mark_and_a_red_rule(tmp_path, demo_ontology):
    path = tmp_path / "h.yaml"
    path.write_text(DEMO_ANSWERS.replace("  date: 2023-12-20\n", "  date: 2023-12-20\n  header: 测试市应急管理局\n"), encoding="utf-8")
    doc = compose(answers.load(path, demo_ontology), demo_ontology).document
    d = docx.Document(io.BytesIO(write_docx(doc)))
    mark = d.paragraphs[0]
    assert mark.text == "测试市应急管理局" and mark.style.name == "Issuer Mark"
    assert d.styles["Issuer Mark"].element.find(qn("w:rPr")).find(qn("w:color")).get(qn("w:val")) == "FF0000"
    before = int(mark._p.pPr.find(qn("w:spacing")).get(qn("w:before")))
    assert 35 * 72 / 25.4 * 20 - 200 < before < 35 * 72 / 25.4 * 20  # 35 mm less the line's leading
    number = next(p for p in d.paragraphs if p.text == "测应急〔2023〕5号")
    bottom = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:color")) == "FF0000" and bottom.get(qn("w:space")) == "11"


def test_level3_bold_is_an_option_of_the_style_profile(built):
    import dataclasses

    from drafter.writers.style import GBT9704

    doc, d = built
    assert d.styles["Heading 3"].element.find(qn("w:rPr")).find(qn("w:b")) is None
    bold = docx.Document(io.BytesIO(write_docx(doc, dataclasses.replace(GBT9704, level3_bold=True))))
    assert bold.styles["Heading 3"].element.find(qn("w:rPr")).find(qn("w:b")) is not None
    assert bold.styles["Run-in Heading 3"].element.find(qn("w:rPr")).find(qn("w:b")) is not None
    assert bold.styles["Heading 2"].element.find(qn("w:rPr")).find(qn("w:b")) is None


def test_a_doc_number_without_the_header_stands_flush_right_and_build_says_why(tmp_path):
    """header: 否 with a 发文字号: not a line floating above the title but where the 信函格式
    puts it, flush right; and the build says that GB/T 9704 prints it in the 版头."""
    import docx as python_docx

    from drafter.build import build_file

    source = tmp_path / "r.yaml"
    source.write_text("report:\n  issuer: 测试市应急管理局\n  year: 2023\n  doc_number: 测应急〔2024〕3号\n  header: 否\n"
                      "outline:\n  parts:\n    - heading: 执法\n      sections: [penalties]\n"
                      "answers:\n  penalties:\n    text: 全面落实行政执法三项制度。\n", encoding="utf-8")
    result = build_file(source, tmp_path / "r.docx", None)
    number = python_docx.Document(str(result.output)).paragraphs[0]
    assert number.text == "测应急〔2024〕3号" and number.alignment == 2  # WD_ALIGN_PARAGRAPH.RIGHT
    assert any("版头" in w for w in result.warnings)
