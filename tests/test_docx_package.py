"""The .docx package as the text-building writer makes it: every part well-formed, the
package opening in python-docx, and what python-docx reads back (styles, text, breaks,
indents, borders, merged table cells, the answers part) being what the model said."""
import io
import os
import subprocess
import sys
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from drafter.model import Attachment, Document, Heading, Paragraph, Table
from drafter.readers.docx import embedded_answers
from drafter.readers.package import Package
from drafter.writers import docx as docx_writer
from drafter.writers.docx import write_docx
from drafter.writers.style import default_profile
from tests.conftest import ROOT

STATISTICS = Table(header=["序号", "类别", "项目", "数值"], widths=[1, 2, 3, 2], rows=[
    ["1", "执法", "检查 & <次数>", "12次"], ["2", "", "企业", "3家"], ["3", "", "罚款", "1万元"],
    ["4", "培训", "人次", "100"], ["5", "", "场次", "2"], ["6", "其他", "x", "y"]])
LOOSE = Table(header=["a", "b", "c"], rows=[["1", "", "q"], ["2", "", ""], ["3", "k", " edge "]])


def full_document(**changes) -> Document:
    values = dict(
        title="测试市应急管理局关于2023年度法治政府建设情况的报告，标题很长很长很长需要换行",
        author="测试市应急管理局", header=True, issuer_mark="测试市应急管理局文件", doc_number="测应急〔2024〕1号",
        addressee="测试市人民政府", sealed=True, signature="测试市应急管理局", date="2024年1月15日",
        blocks=[Heading(1, "一级", number="一、"), Heading(2, "二级", number="（一）"), Heading(3, "三级", number="1."),
                Heading(4, "四级", number="（1）"), Heading(2, "带正文的标题。", body="正文 & <更多>", number="（二）"),
                Paragraph(" 前有空格"), Paragraph("制表\t符"), Paragraph("换\n行\r\n回车"),
                Paragraph("引号 \"a\" 'b' & <c> ]]>"), Paragraph("")],
        attachments=[Attachment("统计表", [STATISTICS, Paragraph("表后说明")]), Attachment("附件二 & <x>", [LOOSE])],
        answers_yaml="report:\n  x: 1 & <y>\n")
    values.update(changes)
    return Document(**values)


def opened(doc: Document):
    return docx.Document(io.BytesIO(write_docx(doc)))


def paragraphs(d):
    return [(p.style.name, p.text) for p in d.paragraphs]


@pytest.mark.parametrize("answers_yaml", ["a: 1\n", "a: \x01 控制字符\r\n", None])
def test_every_part_is_well_formed_and_the_package_opens(answers_yaml):
    data = write_docx(full_document(answers_yaml=answers_yaml))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        names = package.namelist()
        assert len(names) == len(set(names))
        for name in names:
            if name.endswith((".xml", ".rels")):
                etree.fromstring(package.read(name))  # raises on a malformed part
        types = etree.fromstring(package.read("[Content_Types].xml"))
        overrides = {t.get("PartName") for t in types if t.tag.endswith("Override")}
        defaults = {t.get("Extension") for t in types if t.tag.endswith("Default")}
        for name in names:
            if name != "[Content_Types].xml":  # every part has a content type
                assert f"/{name}" in overrides or name.rsplit(".", 1)[-1] in defaults, name
    d = docx.Document(io.BytesIO(data))
    assert d.paragraphs and d.tables
    assert (answers_yaml is None) == (not any(re.endswith("itemProps2.xml") for re in names))


def test_header_title_and_body_read_back_with_their_styles():
    d = opened(full_document())
    got = paragraphs(d)
    assert got[:4] == [("Issuer Mark", "测试市应急管理局文件"), ("Normal", ""), ("Normal", ""),
                       ("Doc Number", "测应急〔2024〕1号")]
    title = next(p for p in d.paragraphs if p.style.name == "Title")
    assert title.text.count("\n") >= 1  # the long title is set on several lines (w:br)
    assert title.text.replace("\n", "") == full_document().title
    assert ("Addressee", "测试市人民政府：") in got
    for level, text in ((1, "一、一级"), (2, "（一）二级"), (3, "1.三级"), (4, "（1）四级")):
        assert (f"Heading {level}", text) in got
    run_in = next(p for p in d.paragraphs if p.text.startswith("（二）"))
    assert run_in.style.name == "Normal"
    assert run_in.runs[0].style.name == "Run-in Heading 2" and run_in.runs[0].text == "（二）带正文的标题。"
    assert run_in.runs[1].text == "正文 & <更多>" and run_in.runs[1].style.name == "Default Paragraph Font"
    texts = [p.text for p in d.paragraphs]
    assert " 前有空格" in texts and "引号 \"a\" 'b' & <c> ]]>" in texts
    assert "制表\t符" in texts and "换\n行\n\n回车" in texts  # CR LF makes two breaks, as python-docx did


def test_doc_number_has_the_red_rule_and_the_mark_its_spacing():
    d = opened(full_document())
    number = next(p for p in d.paragraphs if p.style.name == "Doc Number")
    bottom = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:val")) == "single" and bottom.get(qn("w:color")) == default_profile().header_color
    mark = d.paragraphs[0]
    assert mark._p.pPr.find(qn("w:spacing")).get(qn("w:lineRule")) == "atLeast"
    assert int(mark._p.pPr.find(qn("w:spacing")).get(qn("w:before"))) > 0


def test_no_rule_and_no_mark_without_a_header():
    d = opened(full_document(header=False))
    assert all(p.style.name != "Issuer Mark" for p in d.paragraphs)
    number = next(p for p in d.paragraphs if p.style.name == "Doc Number")
    assert number._p.pPr.find(qn("w:pBdr")) is None


def indent(p):
    ind = p._p.pPr.find(qn("w:ind"))
    return int(ind.get(qn("w:left"))), int(ind.get(qn("w:right")))


def test_sealed_signature_centres_the_name_over_the_date():
    d = opened(full_document())
    name = next(p for p in d.paragraphs if p.style.name == "Signature")
    date = next(p for p in d.paragraphs if p.style.name == "Signature Date")
    assert name._p.pPr.find(qn("w:jc")).get(qn("w:val")) == "left"
    (name_left, name_right), (date_left, date_right) = indent(name), indent(date)
    assert name_right == date_right < 0  # both may run into the right margin rather than wrap
    twips = default_profile().body_advance_pt * 20
    name_centre = name_left + docx_writer.display_width(name.text) * twips / 2
    date_centre = date_left + docx_writer.estimated_width(date.text) * twips / 2
    assert abs(name_centre - date_centre) <= 1


def test_unsealed_signature_places_the_date_from_the_name():
    d = opened(full_document(sealed=False))
    name = next(p for p in d.paragraphs if p.style.name == "Signature")
    date = next(p for p in d.paragraphs if p.style.name == "Signature Date")
    name_right, date_left, _ = docx_writer.signature_layout("测试市应急管理局", "2024年1月15日", default_profile())
    assert indent(name) == (0, name_right) and indent(date) == (date_left, -name_right)


def test_attachment_note_and_pages():
    d = opened(full_document())
    texts = [p.text for p in d.paragraphs]
    first = texts.index("附件：1.统计表")
    second = d.paragraphs[first + 1]
    assert second.text == "2.附件二 & <x>" and indent(second)[0] > 0  # under the first item's title
    labels = [p for p in d.paragraphs if p.style.name == "Attachment Label"]
    assert [p.text for p in labels] == ["附件1", "附件2"]
    assert all(p._p.pPr.find(qn("w:pageBreakBefore")) is not None for p in labels)


def test_table_grid_header_and_alignment():
    d = opened(full_document())
    table = d.tables[0]
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.find(qn("w:tblGrid"))]
    assert grid[1] == grid[3] and all(abs(w - share * grid[0]) <= 2 for w, share in zip(grid, (1, 2, 3, 2)))
    cells = [int(c._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for c in table.rows[0].cells]
    assert cells == grid
    assert abs(sum(grid) - default_profile().type_area_width.twips) <= 2
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    assert table._tbl.tblPr.find(qn("w:jc")).get(qn("w:val")) == "center"
    rows = table._tbl.findall(qn("w:tr"))
    assert rows[0].trPr.find(qn("w:tblHeader")) is not None
    assert all(r.trPr.find(qn("w:cantSplit")) is not None for r in rows)
    assert [c.text for c in table.rows[0].cells] == ["序号", "类别", "项目", "数值"]
    assert {c.paragraphs[0].style.name for c in table.rows[0].cells} == {"Table Header"}
    row = table.rows[1].cells
    assert row[2].text == "检查 & <次数>" and row[2].paragraphs[0].style.name == "Table Text"
    assert [c.paragraphs[0].alignment for c in row] == [None, 0, 0, None]  # category, item flush left


def test_blank_categories_merge_with_the_one_above():
    table = opened(full_document()).tables[0]
    assert table.cell(1, 1)._tc is table.cell(2, 1)._tc is table.cell(3, 1)._tc
    assert table.cell(4, 1)._tc is table.cell(5, 1)._tc
    assert table.cell(3, 1)._tc is not table.cell(4, 1)._tc and table.cell(6, 1)._tc is not table.cell(5, 1)._tc
    assert table.cell(1, 1).text.startswith("执法") and table.cell(4, 1).text.startswith("培训")
    assert table.cell(1, 2)._tc is not table.cell(2, 2)._tc  # only the category column merges
    loose = opened(full_document()).tables[1]  # blanks above the first category stay apart
    assert loose.cell(1, 1)._tc is not loose.cell(2, 1)._tc
    assert loose.cell(3, 2).text == " edge "


def test_core_properties_and_the_answers_part():
    doc = full_document(title="标题 & <测试>", author="某局")
    data = write_docx(doc)
    props = docx.Document(io.BytesIO(data)).core_properties
    assert (props.title, props.author, props.last_modified_by, props.language) == ("标题 & <测试>", "某局", "某局", "zh-CN")
    assert props.created is not None and props.modified is not None
    assert embedded_answers(Package(ROOT / "x.docx", data)) == doc.answers_yaml
    raw = "a: \x01 控制字符\r\n"
    assert embedded_answers(Package(ROOT / "x.docx", write_docx(full_document(answers_yaml=raw)))) == raw


def test_control_characters_are_dropped_not_written():
    d = opened(full_document(blocks=[Paragraph("前\x0b后\x00"), Paragraph("\ufffe")]))
    texts = [p.text for p in d.paragraphs]
    assert "前后" in texts


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("应急 ab\t\n\r&<>\"'　]"), max_size=20))
def test_any_text_reads_back_as_written(text):
    d = opened(Document(title="t", author="a", blocks=[Paragraph(text)]))
    assert d.paragraphs[-1].text == text.replace("\r", "\n")
    pieces = [t.text or "" for t in d.paragraphs[-1]._p.iter(qn("w:t"))]
    assert not any(ch in piece for piece in pieces for ch in "\t\r\n")  # w:tab and w:br instead


def test_no_cache_makes_the_same_package(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("DRAFTER_NO_CACHE", raising=False)
    doc = full_document()
    cached = zipfile.ZipFile(io.BytesIO(write_docx(doc)))
    monkeypatch.setenv("DRAFTER_NO_CACHE", "1")
    monkeypatch.setattr(docx_writer, "_BLANKS", {})
    fresh = zipfile.ZipFile(io.BytesIO(write_docx(doc)))
    assert cached.namelist() == fresh.namelist()
    for name in cached.namelist():
        if name != "docProps/core.xml":
            assert cached.read(name) == fresh.read(name), name


WRITE_WITHOUT_IMPORTS = """
import sys
from drafter.model import Document, Paragraph
from drafter.writers.docx import write_docx
write_docx(Document(title="t", author="a", blocks=[Paragraph("x")], answers_yaml="a: 1"))
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("docx", "lxml"))
print(" ".join(loaded))
"""


def test_a_warm_build_imports_neither_python_docx_nor_lxml(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path), PYTHONPATH=str(ROOT))
    env.pop("DRAFTER_NO_CACHE", None)

    def run() -> list[str]:
        return subprocess.run([sys.executable, "-c", WRITE_WITHOUT_IMPORTS], env=env, cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout.split()

    assert "docx" in run()  # the first run makes the blank with python-docx
    assert run() == []


def _keeps(d) -> list[tuple[str, bool]]:
    """(text, keeps with next) of the body's paragraphs before the first attachment page."""
    out = []
    for p in d.paragraphs:
        if p.style.name == "Attachment Label":
            break
        own = p._p.pPr is not None and p._p.pPr.find(qn("w:keepNext")) is not None
        out.append((p.text, own or bool(p.style.paragraph_format.keep_with_next)))
    return out


@pytest.mark.parametrize("sealed", [True, False])
def test_the_signature_never_stands_on_a_page_without_body_text(sealed):
    """From the last body paragraph down to the signature every line keeps with the next, so
    a page break there takes the body's last lines along (GB/T 9704 7.3.5)."""
    keeps = _keeps(opened(full_document(sealed=sealed)))
    last_body = max(i for i, (text, _) in enumerate(keeps) if text == "引号 \"a\" 'b' & <c> ]]>")
    signature = next(i for i, (text, _) in enumerate(keeps) if text == "测试市应急管理局" and i > last_body)
    assert all(keep for _, keep in keeps[last_body + 1:signature + 1]), keeps[last_body:]
    assert keeps[-1] == ("2024年1月15日", False)  # the date holds nothing after it
    assert dict(keeps)[" 前有空格"] is False  # the body itself flows freely


def test_without_a_signature_the_attachment_note_keeps_only_its_own_lines():
    keeps = _keeps(opened(full_document(signature=None, date=None)))
    note = [i for i, (text, _) in enumerate(keeps) if text.startswith(("附件：", "2."))]
    assert [keeps[i][1] for i in note] == [True, False]
    assert keeps[note[0] - 1] == ("", True) and keeps[note[0] - 2][1]  # the blank line and the last paragraph
