"""The style profile as data (drafter/writers/gbt9704.yaml) and the answers file's layout:."""
import dataclasses
import io

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from hypothesis import given
from hypothesis import strategies as st

from drafter import build
from drafter.errors import DrafterError
from drafter.writers.docx import write_docx
from drafter.writers.style import FONT_SIZES, LayoutValueError, Length, default_profile, parse_length, parse_size
from tests.conftest import DEMO_ANSWERS, run_drafter


def test_the_package_profile_is_gbt9704():
    p = default_profile()
    assert (round(p.page_width.mm), round(p.page_height.mm)) == (210, 297)
    assert [round(x.mm) for x in (p.margin_top, p.margin_bottom, p.margin_left, p.margin_right)] == [37, 35, 28, 26]
    assert (round(p.type_area_width.mm), round(p.type_area_height.mm)) == (156, 225)
    assert (p.lines_per_page, p.chars_per_line, p.body_size, p.title_size) == (22, 28, 16, 22)
    assert p.line_pitch_twips == 579 and p.char_spacing_twips == -5
    assert round(p.header_distance.mm) == 15 and round(p.issuer_mark_top.mm) == 35 and round(p.rule_gap.mm) == 4


@given(st.decimals(min_value=0, max_value=1000, places=2), st.sampled_from(["mm", "cm", "pt"]))
def test_lengths_read_with_their_unit(number, unit):
    length = parse_length(f"{number}{unit}")
    expected = {"mm": float(number), "cm": float(number) * 10, "pt": float(number) * 25.4 / 72}[unit]
    assert length.mm == pytest.approx(expected)
    assert Length.from_mm(length.mm).pt == pytest.approx(length.pt)


@pytest.mark.parametrize("bad", [37, "37", "37 inches", "", None, True])
def test_a_length_without_a_unit_is_refused(bad):
    with pytest.raises(LayoutValueError, match="单位"):
        parse_length(bad)


def test_font_sizes_by_chinese_name_or_points():
    assert parse_size("三号") == 16 and parse_size("二号") == 22 and parse_size("10.5pt") == 10.5
    assert FONT_SIZES["小四"] == 12
    with pytest.raises(LayoutValueError):
        parse_size("大号")


def docx_of(profile, tmp_path, demo_ontology, text=DEMO_ANSWERS):
    from drafter import answers
    from drafter.compose import compose

    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    doc = compose(answers.load(path, demo_ontology), demo_ontology).document
    return docx.Document(io.BytesIO(write_docx(doc, profile)))


def test_every_length_in_the_docx_comes_from_the_profile(tmp_path, demo_ontology):
    profile = dataclasses.replace(
        default_profile(), margin_left=Length.from_mm(30), header_distance=Length.from_mm(20),
        rule_gap=Length.from_mm(6), issuer_mark_top=Length.from_mm(40), header_color="C00000",
        rule_width=Length(1.0), page_number_gap=Length.from_mm(9))
    text = DEMO_ANSWERS.replace("  date: 2023-12-20\n", "  date: 2023-12-20\n  header: true\n")
    d = docx_of(profile, tmp_path, demo_ontology, text)
    s = d.sections[0]
    assert abs(s.left_margin - Mm(30)) < Mm(0.01) and abs(s.header_distance - Mm(20)) < Mm(0.01)
    expected_footer = Mm(35 - 9) - Length(profile.page_number_size).emu
    assert abs(s.footer_distance - expected_footer) < Mm(0.01)
    number = next(p for p in d.paragraphs if p.style.name == "Doc Number" and p.text)
    bottom = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:color")) == "C00000" and bottom.get(qn("w:sz")) == "8"
    assert int(bottom.get(qn("w:space"))) == round(Length.from_mm(6).pt)
    mark = next(p for p in d.paragraphs if p.style.name == "Issuer Mark")
    before = int(mark._p.pPr.find(qn("w:spacing")).get(qn("w:before")))
    leading = profile.issuer_mark_size * 0.2
    assert before == round((Length.from_mm(40).pt - leading) * 20)


LAYOUT = """\
layout:
  fonts:
    level3_bold: true
  page:
    margin_left: 30mm
"""


def test_layout_block_in_the_answers_file(tmp_path, demo_ontology):
    path = tmp_path / "a.yaml"
    path.write_text(DEMO_ANSWERS + LAYOUT, encoding="utf-8")
    _, profile = build.load(path, demo_ontology)
    assert profile.level3_bold and round(profile.margin_left.mm) == 30
    assert profile.margin_right == default_profile().margin_right  # the rest stays GB/T 9704


def test_layout_file_named_in_the_answers_file(tmp_path, demo_ontology):
    (tmp_path / "本局版式.yaml").write_text("sizes:\n  title: 小一\n", encoding="utf-8")
    path = tmp_path / "a.yaml"
    path.write_text(DEMO_ANSWERS + "layout: 本局版式.yaml\n", encoding="utf-8")
    _, profile = build.load(path, demo_ontology)
    assert profile.title_size == 24


@pytest.mark.parametrize("layout, line, column, words", [
    ("layout:\n  page:\n    margin_left: 30\n", 38, 18, ["layout.page.margin_left", "单位"]),
    ("layout:\n  fonts:\n    levl3_bold: true\n", 38, 5, ["layout.fonts.levl3_bold", "level3_bold"]),
    ("layout:\n  paper: {}\n", 37, 3, ["layout.paper", "page"]),
    ("layout:\n  page:\n    margin_left: 200mm\n", 37, 3, ["layout.page", "版心"]),
])
def test_layout_errors_are_located(tmp_path, demo_ontology, layout, line, column, words):
    path = tmp_path / "a.yaml"
    path.write_text(DEMO_ANSWERS + layout, encoding="utf-8")
    with pytest.raises(DrafterError) as exc:
        build.load(path, demo_ontology)
    message = str(exc.value)
    assert message.startswith(f"{path}:{line}:{column}：") and all(w in message for w in words), message


def test_layout_file_error_names_that_file(tmp_path, demo_ontology):
    layout = tmp_path / "版式.yaml"
    layout.write_text("sizes:\n  body: 巨号\n", encoding="utf-8")
    path = tmp_path / "a.yaml"
    path.write_text(DEMO_ANSWERS + "layout: 版式.yaml\n", encoding="utf-8")
    with pytest.raises(DrafterError) as exc:
        build.load(path, demo_ontology)
    assert str(exc.value).startswith(f"{layout}:2:9：sizes.body：")


def test_build_with_a_layout_block(tmp_path, demo_env):
    path = tmp_path / "a.yaml"
    path.write_text(DEMO_ANSWERS + LAYOUT, encoding="utf-8")
    out = tmp_path / "a.docx"
    result = run_drafter("build", str(path), "-o", str(out), env=demo_env)
    assert result.returncode == 0, result.stderr
    d = docx.Document(str(out))
    assert abs(d.sections[0].left_margin - Mm(30)) < Mm(0.01)
    assert d.styles["Heading 3"].element.find(qn("w:rPr")).find(qn("w:b")) is not None
