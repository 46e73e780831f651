import io

import docx
import pytest
from docx.oxml.ns import qn

from drafter import answers
from drafter.compose import compose
from drafter.errors import DrafterError
from drafter.model import Table
from drafter.writers.docx import write_docx
from drafter.writers.markdown import to_markdown
from tests.conftest import DEMO_ANSWERS

WITH_TABLE = DEMO_ANSWERS.replace("  run_in: true\n", "  run_in: true\n  attachments: [statistics]\n")


def composed(tmp_path, ontology, text=WITH_TABLE):
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    return compose(answers.load(path, ontology), ontology)


def test_statistics_table_lists_every_number_with_last_year(tmp_path, demo_ontology):
    doc = composed(tmp_path, demo_ontology).document
    (attachment,) = doc.attachments
    assert attachment.title == "2023年法治政府建设主要数据统计表"
    table = attachment.blocks[0]
    assert isinstance(table, Table)
    assert table.header == ["序号", "类别", "项目", "2023年", "2022年", "同比"]
    assert table.rows[0] == ["1", "严格规范执法", "执法检查次数", "2770次", "2500次", "增加270次，上升10.8%"]
    assert table.rows[1] == ["2", "", "检查企业家数", "2479家", "", ""]
    assert ["3", "", "罚款金额", "2590.69万元", "", ""] in table.rows
    assert ["4", "", "计划完成率", "98.56%", "", ""] in table.rows


def test_attachment_note_and_markdown(tmp_path, demo_ontology):
    md = to_markdown(composed(tmp_path, demo_ontology).document)
    note = md.index("附件：2023年法治政府建设主要数据统计表")
    assert note < md.index("测试市应急管理局</p>") < md.index("**附件**")
    assert "| 1 | 严格规范执法 | 执法检查次数 | 2770次 | 2500次 | 增加270次，上升10.8% |" in md


def test_docx_attachment_page_and_table(tmp_path, demo_ontology):
    d = docx.Document(io.BytesIO(write_docx(composed(tmp_path, demo_ontology).document)))
    label = next(p for p in d.paragraphs if p.text == "附件")
    assert label.style.name == "Attachment Label" and label._p.pPr.find(qn("w:pageBreakBefore")) is not None
    texts = [p.text for p in d.paragraphs]
    i = texts.index("附件")
    assert texts[i + 1] == "" and texts[i + 2] == "2023年法治政府建设主要数据统计表"  # title on the third line
    assert any(p.text == "附件：2023年法治政府建设主要数据统计表" for p in d.paragraphs)
    (table,) = d.tables
    assert [c.text for c in table.rows[0].cells] == ["序号", "类别", "项目", "2023年", "2022年", "同比"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert all(borders.find(qn(f"w:{e}")).get(qn("w:val")) == "single" for e in ("top", "insideH", "insideV"))
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    # the category is merged down over its section's rows
    assert table.cell(1, 1)._tc is table.cell(2, 1)._tc


def test_unknown_attachment_kind(tmp_path, demo_ontology):
    with pytest.raises(DrafterError, match="未知的附件类型"):
        composed(tmp_path, demo_ontology, WITH_TABLE.replace("[statistics]", "[charts]"))
