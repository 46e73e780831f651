"""The layout on rendered pages: LibreOffice → PDF → word boxes (GB/T 9704-2012).

LibreOffice stands in for Word and WPS here; drafter/writers/docx.py says how the grid is
written so that all three give 22 lines of 28 characters.
"""
import itertools
import os
import re

import pytest

from drafter import answers
from drafter.compose import compose
from drafter.writers.docx import write_docx
from drafter.writers.style import default_profile
from tests.conftest import DEMO_ANSWERS
from tests.support.pdf import read_pages, to_pdf, tools_missing

pytestmark = pytest.mark.slow  # every page is rendered by LibreOffice and read back by poppler

missing = tools_missing()
if missing and os.environ.get("CI") != "true":
    pytest.skip(f"{missing} is not installed (apt-get install libreoffice-writer-nogui fonts-noto-cjk poppler-utils)",
                allow_module_level=True)

# Expected positions, in points from the page's top left, from the style profile
# (drafter/writers/gbt9704.yaml): A4, margins 37/35/28/26 mm, 22 lines, 3号 condensed to 28 a line.
PROFILE = default_profile()
LEFT, RIGHT = PROFILE.margin_left.pt, (PROFILE.page_width - PROFILE.margin_right).pt
TOP, BOTTOM = PROFILE.margin_top.pt, (PROFILE.page_height - PROFILE.margin_bottom).pt
PITCH = PROFILE.line_pitch_twips / 20
CHAR = PROFILE.body_advance_pt  # body character pitch: 16 pt glyphs condensed by 0.25 pt
PAGE_NUMBER_CHAR = PROFILE.page_number_size
HANGING = "，。、；：？！”’）》"

FILLER = "依法行政是政府工作的基本准则各级行政机关必须坚持法定职责必须为法无授权不可为" * 3


def rendered(tmp, name: str, text: str, ontology):
    """Answers text → .docx → PDF pages."""
    path = tmp / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    doc = compose(answers.load(path, ontology), ontology).document
    docx_path = tmp / f"{name}.docx"
    docx_path.write_bytes(write_docx(doc))
    return read_pages(to_pdf(docx_path, tmp))


@pytest.fixture(scope="module")
def pages(tmp_path_factory, demo_ontology):
    note = "\n".join(FILLER[: 60 + (i * 7) % 50] + "。" for i in range(40))
    text = DEMO_ANSWERS.replace("    note: 主要负责人带头学法\n", "    note: |\n" + "".join(f"      {line}\n" for line in note.splitlines()))
    return rendered(tmp_path_factory.mktemp("rendered"), "long", text, demo_ontology)


def body_lines(page):
    return [line for line in page.lines() if line[0].y0 < BOTTOM]


def text_of(line):
    return "".join(w.text for w in line)


def test_the_report_has_several_pages(pages):
    assert len(pages) >= 3


def test_a_full_page_holds_22_lines_at_the_grid_pitch(pages):
    lines = body_lines(pages[1])
    assert len(lines) == 22
    tops = [line[0].y0 for line in lines]
    for a, b in itertools.pairwise(tops):
        assert abs((b - a) - PITCH) < 0.3


def test_a_full_line_holds_28_characters(pages):
    # Chinese lines only: digits and Latin letters are half as wide
    counts = [len(text_of(line)) for page in pages[1:] for line in body_lines(page)
              if not re.search(r"[0-9A-Za-z%.]", text_of(line))]
    assert max(counts) == 28 and counts.count(28) >= 10


def test_text_stays_inside_the_type_area(pages):
    for page in pages:
        for line in body_lines(page):
            assert line[0].x0 >= LEFT - 0.5, text_of(line)
            last = line[-1]
            # hanging punctuation may stand in the margin; so may the date, whose digits the
            # renderer spaces out from 年月日 (it is placed by its first character)
            is_date = re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", text_of(line))
            limit = RIGHT + (16.5 if last.text[-1:] in HANGING else 4 if is_date else 0.5)
            assert last.x1 <= limit, text_of(line)
            assert line[0].y0 >= TOP - 0.5 and line[0].y1 <= BOTTOM + 0.5


def test_page_numbers_alternate_sides_with_dashes(pages):
    for page in pages:
        footer = [line for line in page.lines() if line[0].y0 > BOTTOM]
        assert len(footer) == 1
        line = footer[0]
        assert re.fullmatch(rf"—{page.number}—", text_of(line))
        assert abs(line[0].y0 - (BOTTOM + PROFILE.page_number_gap.pt)) < 4
        if page.number % 2:
            assert abs(line[-1].x1 - (RIGHT - PAGE_NUMBER_CHAR)) < 2.5
        else:
            assert abs(line[0].x0 - (LEFT + PAGE_NUMBER_CHAR)) < 2.5


def test_title_is_centred_on_the_type_area(pages):
    title_lines = [line for line in pages[0].lines() if "法治政府" in text_of(line) or "测试市" in text_of(line)][:2]
    assert title_lines
    for line in title_lines:
        centre = (line[0].x0 + line[-1].x1) / 2
        assert abs(centre - (LEFT + RIGHT) / 2) < 3, text_of(line)


def test_body_paragraphs_indent_two_characters(pages):
    starts = [line[0].x0 for line in body_lines(pages[1])]
    assert any(abs(x - (LEFT + 2 * CHAR)) < 1.5 for x in starts)
    assert all(abs(x - LEFT) < 1.5 or abs(x - (LEFT + 2 * CHAR)) < 1.5 for x in starts)


def test_signature_and_date_per_gbt9704(pages):
    last = pages[-1].lines()
    name = next(line for line in last if text_of(line) == "测试市应急管理局")
    date = next(line for line in last if text_of(line) == "2023年12月20日")
    assert abs(name[-1].x1 - (RIGHT - 2 * CHAR)) < 3
    assert abs(date[0].x0 - (name[0].x0 + 2 * CHAR)) < 3
    assert abs((date[0].y0 - name[0].y0) - PITCH) < 0.5


# ---- the five examples, as a bureau would submit them ----------------------------------

EXAMPLES = ["kunshan-2023", "liaoyang-2023", "qidong-2021", "futian-2023", "anon-city"]


@pytest.fixture(scope="module")
def example_pages(tmp_path_factory, real_ontology):
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    tmp = tmp_path_factory.mktemp("examples")
    out = {}
    for name in EXAMPLES:
        doc = compose(answers.load(root / "examples" / f"{name}.yaml", real_ontology), real_ontology).document
        path = tmp / f"{name}.docx"
        path.write_bytes(write_docx(doc))
        out[name] = (doc, read_pages(to_pdf(path, tmp)))
    return out


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_pages_keep_the_type_area_and_the_grid(example_pages, name):
    _, pages = example_pages[name]
    assert len(pages) >= 2
    for page in pages:
        lines = body_lines(page)
        assert 0 < len(lines) <= 22
        if page is not pages[-1] and page.number > 1:  # page 1 has blank lines around the title
            assert len(lines) >= 19, f"page {page.number} is short: {len(lines)} lines"
        body_size = [line for line in lines if line[0].y1 - line[0].y0 < 24]
        large = [line for line in lines if line[0].y1 - line[0].y0 >= 24]
        if page.number == 1 and large:  # the 版头 and the title are placed apart: the grid starts below them
            body_size = [line for line in body_size if line[0].y0 > large[-1][0].y0]
        first = body_size[0][0].y0
        for line in body_size:
            steps = (line[0].y0 - first) / PITCH
            assert abs(steps - round(steps)) < 0.03, f"page {page.number}: {text_of(line)} is off the grid"
            assert line[0].x0 >= LEFT - 0.5 and line[0].y0 >= TOP - 0.5 and line[0].y1 <= BOTTOM + 0.5
            is_date = re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", text_of(line))
            limit = RIGHT + (16.5 if line[-1].text[-1:] in HANGING else 4 if is_date else 0.5)
            assert line[-1].x1 <= limit, f"page {page.number}: {text_of(line)}"


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_page_numbers(example_pages, name):
    _, pages = example_pages[name]
    for page in pages:
        footer = [line for line in page.lines() if line[0].y0 > BOTTOM]
        assert len(footer) == 1 and text_of(footer[0]) == f"—{page.number}—"
        side = footer[0][-1].x1 - (RIGHT - PAGE_NUMBER_CHAR) if page.number % 2 else footer[0][0].x0 - (LEFT + PAGE_NUMBER_CHAR)
        assert abs(side) < 2.5


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_title_is_centred_in_large_type(example_pages, name):
    doc, pages = example_pages[name]
    title = [line for line in pages[0].lines() if line[0].y1 - line[0].y0 > 24 and text_of(line) != doc.issuer_mark]
    assert "".join(text_of(line) for line in title) == doc.title
    for line in title:
        assert abs((line[0].x0 + line[-1].x1) / 2 - (LEFT + RIGHT) / 2) < 3


@pytest.mark.parametrize("name", ["qidong-2021", "futian-2023"])
def test_example_signature(example_pages, name):
    doc, pages = example_pages[name]
    lines = pages[-1].lines()
    sig = next(line for line in lines if text_of(line) == doc.signature)
    date = next(line for line in lines if text_of(line) == doc.date)
    assert abs(sig[-1].x1 - (RIGHT - 2 * CHAR)) < 3
    assert abs(date[0].x0 - (sig[0].x0 + 2 * CHAR)) < 3


# ---- 版头 and the sealed signature -------------------------------------------------------

@pytest.fixture(scope="module")
def formal_pages(tmp_path_factory, demo_ontology):
    text = DEMO_ANSWERS.replace("  date: 2023-12-20\n", "  date: 2023-12-20\n  header: true\n  seal: true\n")
    return rendered(tmp_path_factory.mktemp("formal"), "formal", text, demo_ontology)


def test_header_mark_number_and_title_positions(formal_pages):
    lines = formal_pages[0].lines()
    mark, number = lines[0], lines[1]
    assert text_of(mark) == "测试市应急管理局文件" and text_of(number) == "测应急〔2023〕5号"
    assert abs(mark[0].y0 - (TOP + PROFILE.issuer_mark_top.pt)) < 6  # glyph box top (font ascent), 35 mm down
    assert abs((mark[0].x0 + mark[-1].x1) / 2 - (LEFT + RIGHT) / 2) < 3
    assert abs((number[0].x0 + number[-1].x1) / 2 - (LEFT + RIGHT) / 2) < 3
    assert abs((number[0].y0 - mark[-1].y1) - 2 * PITCH) < PITCH  # two lines below the mark
    title = lines[2]
    assert "测试市应急管理局" in text_of(title)
    gap = PROFILE.rule_gap.pt  # the rule 4 mm below the number, the title two lines below the rule
    assert abs(title[0].y0 - number[0].y0 - (3 * PITCH + gap)) < PITCH


def test_sealed_signature_centres_the_name_over_the_date(formal_pages):
    lines = formal_pages[-1].lines()
    name = next(line for line in lines if text_of(line) == "测试市应急管理局")
    date = next(line for line in lines if text_of(line) == "2023年12月20日")
    assert abs(date[-1].x1 - (RIGHT - 4 * CHAR)) < 4
    assert abs((name[0].x0 + name[-1].x1) / 2 - (date[0].x0 + date[-1].x1) / 2) < 4
    assert abs((date[0].y0 - name[0].y0) - PITCH) < 0.5


@pytest.fixture(scope="module")
def attachment_pages(tmp_path_factory, demo_ontology):
    text = DEMO_ANSWERS.replace("  run_in: true\n", "  run_in: true\n  attachments: [statistics]\n")
    return rendered(tmp_path_factory.mktemp("attachment"), "a", text, demo_ontology)


def test_attachment_starts_a_page_with_label_and_centred_title(attachment_pages):
    page = next(p for p in attachment_pages if p.lines() and text_of(p.lines()[0]) == "附件")
    lines = body_lines(page)
    label, title = lines[0], lines[1]
    assert abs(label[0].x0 - LEFT) < 1 and abs(label[0].y0 - lines[0][0].y0) < 0.1
    assert text_of(title) == "2023年法治政府建设主要数据统计表"
    assert abs((title[0].x0 + title[-1].x1) / 2 - (LEFT + RIGHT) / 2) < 3
    assert 1.6 * PITCH < title[0].y0 - label[0].y0 < 2.6 * PITCH  # the third line
    assert any(text_of(line).startswith("序号") for line in lines)


def test_addressee_one_line_below_the_title_flush_left(pages):
    lines = pages[0].lines()
    title_last = [line for line in lines if line[0].y1 - line[0].y0 > 24][-1]
    addressee = next(line for line in lines if text_of(line) == "市委、市政府：")
    assert abs(addressee[0].x0 - LEFT) < 1
    # two grid lines down (a blank line between); the 22 pt glyph box sits higher in its line
    assert 1.8 * PITCH < addressee[0].y0 - title_last[0].y0 < 2.8 * PITCH


def test_attachment_note_two_characters_in(attachment_pages):
    for page in attachment_pages:
        for line in page.lines():
            if text_of(line).startswith("附件："):
                assert abs(line[0].x0 - (LEFT + 2 * CHAR)) < 1.5
                return
    raise AssertionError("no 附件说明")
