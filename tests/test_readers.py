"""Readers: any report file → one neutral Source (drafter.readers)."""
from __future__ import annotations

import re
import shutil
import zipfile
from io import BytesIO
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.errors import DrafterError
from drafter.model import Document, Heading, Paragraph
from drafter.readers import cleanup, convert, package, pdf, read, sniff
from drafter.readers.numbering import chinese_counting
from drafter.writers.docx import write_docx
from tests.conftest import run_drafter
from tests.support import wordml
from tests.support.samples import SAMPLES, soffice_convert
from tests.support.wordml import OFFICIAL_LEVELS, add_numbering, numbered, raw_paragraph, run, text_box

ROOT = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def texts(source) -> list[str]:
    return [b.text for b in source.blocks]


def fails(path: Path, *words: str) -> str:
    with pytest.raises(DrafterError) as info:
        read(path)
    message = str(info.value)
    assert str(path) in message and "\n" not in message and "Traceback" not in message
    for word in words:
        assert word in message
    return message


# --- .docx ---------------------------------------------------------------------------------
def test_docx_headings_paragraphs_and_tables_in_order(tmp_path):
    document = wordml.new_document()
    title = document.add_paragraph()
    title.alignment = 1
    r = title.add_run("某县应急管理局2024年法治政府建设年度报告")
    r.bold = True
    r._r.get_or_add_rPr().get_or_add_rFonts().set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "方正小标宋简体")
    document.add_heading("总体情况", level=1)
    document.add_paragraph("全年办理案件12件。")
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ["项目", "数量", "检查企业", "320家"]):
        cell.text = text
    document.add_heading("细项", level=2)
    source = read(write(tmp_path, "r.docx", wordml.to_bytes(document)))
    assert source.format == "docx"
    assert [b.kind for b in source.blocks] == ["paragraph", "paragraph", "paragraph", "table", "paragraph"]
    head, h1, body, tbl, h2 = source.blocks
    assert head.bold and head.centered and head.font == "方正小标宋简体" and head.level is None
    assert (h1.level, h2.level, body.level) == (1, 2, None)
    assert tbl.rows == [["项目", "数量"], ["检查企业", "320家"]]
    assert "320家" in tbl.text
    assert [b.index for b in source.blocks] == [1, 2, 3, 4, 5]


def test_word_numbering_is_rendered_with_restarts(tmp_path):
    document = wordml.new_document()
    add_numbering(document, 90, OFFICIAL_LEVELS, num_ids=(90, 91), start_overrides={91: 1})
    for text, ilvl in [("总体", 0), ("学习", 1), ("制度", 1), ("细则", 2), ("清单", 2), ("执法", 1),
                       ("案件", 3), ("问题", 0), ("短板", 1)]:
        numbered(document, text, 90, ilvl)
    numbered(document, "另一列表", 91, 0)
    source = read(write(tmp_path, "n.docx", wordml.to_bytes(document)))
    assert texts(source) == ["一、总体", "（一）学习", "（二）制度", "1.细则", "2.清单", "（三）执法", "（1）案件",
                             "二、问题", "（一）短板", "一、另一列表"]
    assert source.blocks[1].auto_number == "（一）"


def test_numbering_formats(tmp_path):
    document = wordml.new_document()
    add_numbering(document, 80, [("ideographDigital", "%1."), ("decimal", "%1.%2"),
                                 ("decimalEnclosedCircle", "%3"), ("bullet", "●")], num_ids=(80,))
    for ilvl in (0, 1, 1, 2, 3, 0):
        numbered(document, "项", 80, ilvl)
    assert texts(read(write(tmp_path, "f.docx", wordml.to_bytes(document)))) == [
        "一.项", "一.1项", "一.2项", "①项", "项", "二.项"]


def test_chinese_counting():
    assert [chinese_counting(n) for n in (1, 10, 11, 20, 21, 99, 100, 105, 110)] == [
        "一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十"]


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_counting_is_unambiguous(n):
    value = chinese_counting(n)
    assert value and all(ch in "〇一二三四五六七八九十百千零" for ch in value)
    assert value == chinese_counting(n) and (n == 1 or value != chinese_counting(n - 1))


def test_tracked_changes_fields_hidden_text_and_footnotes(tmp_path):
    document = wordml.new_document()
    raw_paragraph(document, run("全年检查企业") + f"<w:ins w:id=\"1\" w:author=\"a\">{run('320')}</w:ins>"
                  + "<w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText>300</w:delText></w:r></w:del>"
                  + run("家。") + "<w:r><w:footnoteReference w:id=\"1\"/></w:r>")
    raw_paragraph(document, run("见第")
                  + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
                  + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + run("3")
                  + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                  + "<w:fldSimple w:instr=\"NUMPAGES\">" + run("9") + "</w:fldSimple>" + run("页。")
                  + run("隐藏", "<w:rPr><w:vanish/></w:rPr>"))
    assert texts(read(write(tmp_path, "t.docx", wordml.to_bytes(document)))) == ["全年检查企业320家。", "见第39页。"]


def test_comments_headers_and_footers_stay_out_of_the_body(tmp_path):
    document = wordml.new_document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "某县应急管理局文件"
    section.footer.paragraphs[0].text = "页脚文字"
    paragraph = document.add_paragraph("正文一段。")
    document.add_comment(paragraph.runs, text="批注内容", author="审核人")
    source = read(write(tmp_path, "c.docx", wordml.to_bytes(document)))
    assert texts(source) == ["正文一段。"]
    assert source.header_texts == ["某县应急管理局文件"]
    assert "页脚" not in " ".join(source.header_texts)


def test_text_box_at_the_top_goes_to_the_header_once(tmp_path):
    document = wordml.new_document()
    raw_paragraph(document, text_box("某县应急管理局文件"))
    document.add_paragraph("某应急〔2024〕3号")
    document.add_paragraph("正文。")
    for _ in range(10):
        document.add_paragraph("")
    raw_paragraph(document, run("后文。") + text_box("旁注"))
    source = read(write(tmp_path, "b.docx", wordml.to_bytes(document)))
    assert source.header_texts == ["某县应急管理局文件"]
    assert texts(source) == ["某应急〔2024〕3号", "正文。", "后文。", "旁注"]


def test_index_counts_non_empty_source_paragraphs(tmp_path):
    document = wordml.new_document()
    for text in ["第一段。", "", "第二段。", "", "", "第三段。"]:
        document.add_paragraph(text)
    assert [b.index for b in read(write(tmp_path, "i.docx", wordml.to_bytes(document))).blocks] == [1, 2, 3]


# --- answers embedded in a drafter-made .docx ------------------------------------------------
ANSWERS = "# 答案文件：注释保留\nmeta:\n  issuer: 某县应急管理局  # 发文机关\n  note: \"{{ 年度 }} & <b>\"\n"


def _drafter_docx(answers: str | None) -> bytes:
    doc = Document(title="某县应急管理局2024年法治政府建设年度报告", author="某县应急管理局",
                   blocks=[Heading(1, "总体情况", number="一、"), Paragraph("全年办理案件12件。")],
                   answers_yaml=answers)
    return write_docx(doc)


@pytest.mark.parametrize("answers", [ANSWERS, "a: 1\r\nb: \x01\n", ""])
def test_embedded_answers_come_back_exactly(tmp_path, answers):
    source = read(write(tmp_path, "d.docx", _drafter_docx(answers)))
    assert source.embedded_answers == answers
    assert texts(source)[1:] == ["一、总体情况", "全年办理案件12件。"]


def test_embedded_answers_survive_python_docx_resave(tmp_path):
    path = write(tmp_path, "d.docx", _drafter_docx(ANSWERS))
    document = docx.Document(str(path))
    document.paragraphs[-1].text = "全年办理案件13件。"
    document.save(str(path))
    source = read(path)
    assert source.embedded_answers == ANSWERS
    assert texts(source)[-1] == "全年办理案件13件。"


def test_no_embedded_answers_without_them(tmp_path):
    assert read(write(tmp_path, "d.docx", _drafter_docx(None))).embedded_answers is None


# --- text and markdown -----------------------------------------------------------------------
REPORT = "一、总体情况\n全年办理案件12件，同比增加3件。\n二、存在问题\n执法力量不足。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gbk", "gb18030"])
def test_text_encodings(tmp_path, encoding):
    source = read(write(tmp_path, "r.txt", REPORT.replace("\n", "\r\n").encode(encoding)))
    assert texts(source) == REPORT.split()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "gb18030"])
def test_pure_chinese_text_without_bom_or_ascii(tmp_path, encoding):
    text = "应急管理局依法行政工作全面推进法治政府建设取得积极成效" * 3
    assert texts(read(write(tmp_path, "r.txt", text.encode(encoding)))) == [text]


def test_stray_nul_in_utf8_text(tmp_path):
    assert texts(read(write(tmp_path, "r.txt", REPORT.encode("utf-8") + b"\0"))) == REPORT.split()


def test_undecodable_text_fails_in_one_line(tmp_path):
    fails(write(tmp_path, "r.txt", bytes(range(128, 256)) * 40), "编码")


def test_markdown_headings_emphasis_and_tables(tmp_path):
    md = ("# 某局2024年报告\n\n## 一、总体情况\n\n全年**办理案件**12件，\n同比增加3件。\n\n"
          "| 项目 | 数量 |\n|---|---|\n| 检查 | 320家 |\n\n- 第一项\n- 第二项\n")
    source = read(write(tmp_path, "r.md", md))
    assert source.format == "md"
    assert [(b.level, b.text) for b in source.blocks if b.kind == "paragraph"] == [
        (1, "某局2024年报告"), (2, "一、总体情况"), (None, "全年办理案件12件，同比增加3件。"),
        (None, "第一项"), (None, "第二项")]
    assert [b.rows for b in source.blocks if b.kind == "table"] == [[["项目", "数量"], ["检查", "320家"]]]


# --- cleanup ---------------------------------------------------------------------------------
def test_traditional_with_pinyin_glosses_becomes_plain_simplified(tmp_path):
    text = "應(yīng)急管理(lǐ)局關於加強安全生產工作的報告(2023)\n發佈實施方案（yī xiàng）。\n"
    source = read(write(tmp_path, "r.txt", text))
    assert texts(source) == ["应急管理局关于加强安全生产工作的报告(2023)", "发布实施方案。"]
    assert "已将繁体字转换为简体" in source.notes
    assert any("拼音 3 处" in n for n in source.notes)


def test_simplified_text_is_left_alone(tmp_path):
    text = "我局出版著作一部，乾坤未定。引用台湾地区“法規”一词。\n"
    source = read(write(tmp_path, "r.txt", text))
    assert texts(source) == [text.strip()] and not any("繁体" in n for n in source.notes)


def test_furniture_and_page_numbers_are_dropped(tmp_path):
    text = ("某区应急管理局2023年法治政府建设年度报告\n"
            "信息提供日期：2023-12-20 15:41 来源：某区应急管理局 信息索引号：/2023-11073972\n"
            "字号：大 中 小\n【打印】【关闭】\n首页 > 政务公开 > 法治政府\n"
            "来源于基层的经验，我们认真总结。\n— 3 —\n第3页 共10页\n- 4 -\n"
            "来源:网络整理 免责声明:本文仅限学习分享,如有问题请联系删除。\n")
    source = read(write(tmp_path, "r.txt", text))
    assert texts(source) == ["某区应急管理局2023年法治政府建设年度报告", "来源于基层的经验，我们认真总结。"]
    assert "已略去网页栏目文字 5 行" in source.notes and "已略去页码行 3 行" in source.notes
    assert any("索引号" in line for line in source.dropped)


def test_furniture_words_in_the_middle_of_the_body_stay(tmp_path):
    body = [f"第{n}段正文。" for n in range(40)]
    body[20] = "来源：市统计局"
    source = read(write(tmp_path, "r.txt", "\n".join(["打印 关闭", *body, "打印 关闭"])))
    assert texts(source) == body and "已略去网页栏目文字 2 行" in source.notes


def test_paragraphs_broken_by_page_ends_are_joined(tmp_path):
    text = ("某县应急管理局 2021年法治政府建设情况报告\n某县人民政府：\n"
            "一、强化组织领导，切实加强依法行政\n"
            "一是加强领导。我局成立领导小组，负责全局行政执法工作的\n\n组织领导和考评等工作。\n"
            "（二）加强培训，提升能力\n二是开展执法培训，全年共组织执法人员业务培训\n3次。\n"
            "某县应急管理局\n2021年12月16日\n")
    source = read(write(tmp_path, "r.txt", text))
    assert texts(source) == [
        "某县应急管理局2021年法治政府建设情况报告", "某县人民政府：", "一、强化组织领导，切实加强依法行政",
        "一是加强领导。我局成立领导小组，负责全局行政执法工作的组织领导和考评等工作。",
        "（二）加强培训，提升能力", "二是开展执法培训，全年共组织执法人员业务培训3次。", "某县应急管理局", "2021年12月16日"]
    assert "已合并被分页断开的段落 2 处" in source.notes


def test_odd_spaces_are_normalised(tmp_path):
    source = read(write(tmp_path, "r.txt", "\u3000\u3000我局于 2019 年制定\u00a0制度。Safety  Month 活动。\n"))
    assert texts(source) == ["我局于2019年制定制度。Safety Month活动。"]


@given(st.text(alphabet="应急 管理\u3000\u00a0局a b1。，\t", max_size=40))
def test_normalise_space_is_idempotent(text):
    once = cleanup.normalise_space(text)
    assert cleanup.normalise_space(once) == once and "  " not in once and "\u3000" not in once


# --- html ------------------------------------------------------------------------------------
PAGE = """<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>某区人民政府门户网站</title><script>var x = "应急管理局应急管理局";</script><style>p{}</style></head>
<body><div class="top-menu">网站首页 政务公开 互动交流 应急管理</div><nav>政务公开 政策文件</nav>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>
<div class="main"><h1 class="article-title">某区应急管理局2023年法治政府建设年度报告</h1>
<table class="xxgk"><tr><td>索引号：11440304/2023-00001</td><td>分类：规划计划</td></tr>
<tr><td>发布机构：某区应急管理局</td><td>成文日期：2023-12-20</td></tr></table>
<div class="fontsize-bar">【字体：<a>大</a> <a>中</a> <a>小</a>】 浏览次数：1024</div>
<div id="zoom"><p style="text-indent:2em">2023年，我局认真贯彻落实上级部署，扎实推进法治政府建设。现将有关情况报告如下：</p>
<p><strong>一、主要工作成效</strong></p><p>（一）加强组织领导。全年召开专题会议5次，研究法治建设事项12项。</p>
<table border="1"><tr><td>项目</td><td>数量</td></tr><tr><td>检查企业</td><td>320家</td></tr></table>
<p>二、存在的问题</p><p>执法力量不足，专业人员偏少。<br/>下一步将加强培训。</p>
<p style="text-align:right">某区应急管理局</p><p style="text-align:right">2023年12月20日</p></div>
<div class="share-bar">分享到：微信 微博 扫一扫在手机打开当前页</div><p>打印 关闭</p></div>
<footer>版权所有：某区人民政府 主办单位：某区应急管理局 无障碍 长者助手</footer>
<div class="foot">网站标识码4403040001 粤ICP备0000000号</div></body></html>"""


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8"])
def test_html_page_without_furniture(tmp_path, encoding):
    page = PAGE if encoding == "gb18030" else PAGE.replace("charset=gb2312", "charset=utf-8")
    source = read(write(tmp_path, "r.html", page.encode(encoding)))
    assert source.format == "html"
    assert texts(source)[0] == "某区应急管理局2023年法治政府建设年度报告" and source.blocks[0].level == 1
    body = [b.text for b in source.blocks[1:] if b.kind == "paragraph"]
    assert body == ["2023年，我局认真贯彻落实上级部署，扎实推进法治政府建设。现将有关情况报告如下：", "一、主要工作成效",
                    "（一）加强组织领导。全年召开专题会议5次，研究法治建设事项12项。", "二、存在的问题",
                    "执法力量不足，专业人员偏少。", "下一步将加强培训。", "某区应急管理局", "2023年12月20日"]
    assert source.blocks[2].bold
    assert [b.rows for b in source.blocks if b.kind == "table"] == [[["项目", "数量"], ["检查企业", "320家"]]]
    everything = source.text()
    for word in ("索引号", "打印", "分享", "浏览次数", "当前位置", "无障碍", "版权所有", "网站首页", "var x"):
        assert word not in everything


OLD_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>某县政府网</title></head>
<body><table width="1000"><tr><td><a href="/">首页</a> | <a>政务公开</a> | <a>办事服务</a></td></tr>
<tr><td><table><tr><td>当前位置：首页 &gt;&gt; 政务公开 &gt;&gt; 部门文件</td></tr></table></td></tr>
<tr><td><table width="100%"><tr><td align="center"><font size="5"><b>某县应急管理局2022年法治政府建设情况报告</b></font></td></tr>
<tr><td>发布时间：2023-01-10　　来源：县应急管理局　　浏览次数：356</td></tr>
<tr><td class="content">　　2022年，我局在县委县政府的坚强领导下，认真贯彻落实法治政府建设各项部署，取得明显成效。<br>
　　一、加强组织领导<br>　　我局成立了以局长为组长的法治政府建设领导小组，全年召开专题会议4次。<br>
　　二、存在问题<br>　　执法人员数量不足，执法装备有待加强。<br><br>
<div align="right">某县应急管理局<br>2022年12月28日</div></td></tr>
<tr><td align="center">【<a>打印本页</a>】【<a>关闭窗口</a>】</td></tr></table></td></tr>
<tr><td>主办：某县人民政府办公室　承办：某县大数据中心　备案号：ICP备12345号</td></tr></table></body></html>
"""


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig"])
def test_html_page_laid_out_with_tables_and_line_breaks(tmp_path, encoding):
    page = OLD_PAGE if encoding == "gbk" else OLD_PAGE.replace('<meta http-equiv="Content-Type" content="text/html; charset=gbk">', "")
    source = read(write(tmp_path, "r.htm", page.encode(encoding)))
    assert texts(source) == [
        "某县应急管理局2022年法治政府建设情况报告",
        "2022年，我局在县委县政府的坚强领导下，认真贯彻落实法治政府建设各项部署，取得明显成效。", "一、加强组织领导",
        "我局成立了以局长为组长的法治政府建设领导小组，全年召开专题会议4次。", "二、存在问题",
        "执法人员数量不足，执法装备有待加强。", "某县应急管理局", "2022年12月28日"]
    assert source.blocks[0].centered


def test_a_web_page_saved_as_doc_is_read_as_html(tmp_path):
    source = read(write(tmp_path, "r.doc", PAGE.encode("gb18030")))
    assert source.format == "html" and any("实际是 html" in n for n in source.notes)


# --- messy files -----------------------------------------------------------------------------
def _zip(members: dict[str, bytes]) -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buffer.getvalue()


def test_text_file_named_docx(tmp_path):
    fails(write(tmp_path, "r.docx", REPORT), ".docx", "不是")


def test_zip_without_document(tmp_path):
    fails(write(tmp_path, "r.docx", _zip({"readme.txt": b"hello"})), "word/document.xml")


def test_empty_file(tmp_path):
    fails(write(tmp_path, "r.docx", b""), "空")
    fails(write(tmp_path, "r.txt", b"  \n"), "空")


def test_encrypted_docx(tmp_path):
    ole = sniff.OLE + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 1000
    fails(write(tmp_path, "r.docx", ole), "密码")


def test_corrupt_zip(tmp_path):
    fails(write(tmp_path, "r.docx", sniff.ZIP + b"\x14\x00" + b"garbage" * 100), "损坏")


def test_corrupt_member(tmp_path):
    data = bytearray(_drafter_docx(None))
    start = data.index(b"word/document.xml") + len("word/document.xml")  # the local header's name
    for i in range(start + 20, start + 220):
        data[i] ^= 0x5A
    fails(write(tmp_path, "r.docx", bytes(data)), "损坏")


def test_zip_asking_for_an_unknown_zip_version(tmp_path, capsys):
    # a damaged header of the central directory: zipfile raises NotImplementedError, not BadZipFile
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    data = bytearray(buffer.getvalue())
    data[data.index(b"PK\x01\x02") + 6] = 84  # version needed to extract: 8.4
    path = write(tmp_path, "r.docx", bytes(data))
    fails(path, "已损坏")
    from drafter.cli import main
    assert main(["import", str(path), "-o", str(tmp_path / "r.yaml")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "内部错误" not in err and not (tmp_path / "r.yaml").exists()


def test_zip_bomb_is_refused_before_inflating(tmp_path):
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<" + b" " * (5 * 1024 * 1024)})
    fails(write(tmp_path, "r.docx", bomb), "拒绝")


def test_total_uncompressed_size_is_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(package, "MAX_TOTAL_UNCOMPRESSED", 1000)
    fails(write(tmp_path, "r.docx", _drafter_docx(None)), "拒绝")


def test_entity_expansion_is_not_performed(tmp_path):
    lol = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
           + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
           + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           '<w:p><w:r><w:t>&i;</w:t></w:r></w:p><w:p><w:r><w:t>正文。</w:t></w:r></w:p></w:body></w:document>')
    path = write(tmp_path, "r.docx", _zip({"word/document.xml": lol.encode()}))
    try:
        source = read(path)
    except DrafterError:
        return
    assert len(source.text()) < 1000


def test_oversized_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(sniff, "MAX_FILE_BYTES", 100)
    fails(write(tmp_path, "r.txt", REPORT * 10), "太大")


def test_missing_file_and_folder(tmp_path):
    fails(tmp_path / "none.docx", "找不到")
    fails(tmp_path, "文件夹")


def test_missing_converters_name_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(convert, "find_program", lambda names, places: None)
    fails(write(tmp_path, "r.doc", sniff.OLE + b"\0" * 600), "LibreOffice")
    fails(write(tmp_path, "r.wps", sniff.OLE + b"\0" * 600), "LibreOffice")
    fails(write(tmp_path, "r.pdf", b"%PDF-1.4\n%%EOF\n"), "poppler")


# --- through LibreOffice and poppler ---------------------------------------------------------
needs_soffice = pytest.mark.skipif(convert.soffice() is None, reason="LibreOffice not installed")
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler not installed")




@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """A small report as .docx, converted by LibreOffice to .doc and .pdf."""
    folder = tmp_path_factory.mktemp("converted")
    document = wordml.new_document()
    document.add_heading("一、总体情况", level=1)
    document.add_paragraph("全年办理案件12件，同比增加3件。")
    document.add_paragraph("执法力量不足。")
    source = folder / "report.docx"
    source.write_bytes(wordml.to_bytes(document))
    soffice_convert([source], "doc", folder)
    soffice_convert([source], "pdf", folder)
    return folder


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_doc_through_libreoffice(converted):
    source = read(converted / "report.doc")
    assert source.format == "doc"
    assert texts(source) == ["一、总体情况", "全年办理案件12件，同比增加3件。", "执法力量不足。"]
    assert source.blocks[0].level == 1


@pytest.mark.slow  # LibreOffice
@needs_soffice
@needs_pdftotext
def test_pdf_through_pdftotext(converted):
    source = read(converted / "report.pdf")
    assert source.format == "pdf"
    assert texts(source) == ["一、总体情况", "全年办理案件12件，同比增加3件。", "执法力量不足。"]


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_embedded_answers_survive_libreoffice(tmp_path):
    path = write(tmp_path, "d.docx", _drafter_docx(ANSWERS))
    out = tmp_path / "out"
    soffice_convert([path], "docx:MS Word 2007 XML", out)
    assert read(out / "d.docx").embedded_answers == ANSWERS


def test_build_embeds_the_answers_file(tmp_path):
    example = ROOT / "examples" / "qidong-2021.yaml"
    out = tmp_path / "r.docx"
    result = run_drafter("build", str(example), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert read(out).embedded_answers == example.read_text(encoding="utf-8")


def test_pdf_layout_lines_become_paragraphs():
    layout = ("          某县应急管理局2024年\n          法治政府建设年度报告\n某县人民政府：\n"
              "  2024年，我局认真贯彻上级部署，扎实推进法治政府建设各项工作，\n"
              "取得积极成效。\n  一、总体情况\n  全年办理行政处罚案件十二件，罚没金额共计八万元，其中简易程序五件，\n"
              "                              —1—\n\f"
              "同比增加三件。\n                                         某县应急管理局\n")
    assert pdf.paragraphs(layout) == [
        "某县应急管理局2024年", "法治政府建设年度报告", "某县人民政府：",
        "2024年，我局认真贯彻上级部署，扎实推进法治政府建设各项工作，取得积极成效。", "一、总体情况",
        "全年办理行政处罚案件十二件，罚没金额共计八万元，其中简易程序五件，同比增加三件。", "—1—", "某县应急管理局"]


def _blank_pdf() -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


@needs_pdftotext
def test_image_only_pdf_fails_clearly(tmp_path):
    fails(write(tmp_path, "scan.pdf", _blank_pdf()), "没有可提取的文字")


# --- the samples, read at run time (their text never enters the repository) --------------------
SAMPLE_NAMES = ["anon-city-traditional", "futian-2023", "kunshan-2023", "liaoyang-2023", "qidong-2021"]
_NUMBER = re.compile(r"\d+(?:\.\d+)?")



def _sample_source(name: str, kind: str, sample_docx):
    path = SAMPLES / f"{name}.txt"
    if not path.is_file():
        pytest.skip("samples not present")
    if kind == "txt":
        return path, read(path)
    if name not in sample_docx:
        pytest.skip("LibreOffice not installed")
    return path, read(sample_docx[name])


@pytest.mark.parametrize("kind", ["txt", "docx"])
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_keeps_every_number(name, kind, sample_docx):
    path, source = _sample_source(name, kind, sample_docx)
    original = set(_NUMBER.findall(path.read_text(encoding="utf-8")))
    dropped = set(_NUMBER.findall(" ".join(source.dropped)))
    found = set(_NUMBER.findall(source.text()))
    assert original - dropped <= found
    assert all(b.text for b in source.blocks)


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_sample_traditional_comes_back_simplified(kind, sample_docx):
    _, source = _sample_source("anon-city-traditional", kind, sample_docx)
    assert not cleanup.is_traditional(source.text())
    assert not re.search(r"[\u4e00-\u9fff][(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]", source.text())
    assert "免责声明" not in source.text() and "已将繁体字转换为简体" in source.notes


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_sample_web_header_lines_dropped(kind, sample_docx):
    _, source = _sample_source("futian-2023", kind, sample_docx)
    assert "索引号" not in source.text() and "信息提供日期" not in source.text()
    assert source.blocks[0].text.endswith("报告")


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_sample_page_break_debris_joined(kind, sample_docx):
    path, source = _sample_source("qidong-2021", kind, sample_docx)
    assert any(n.startswith("已合并被分页断开的段落") for n in source.notes)
    prose = [b.text for b in source.blocks if len(b.text) > 40 and "。" in b.text]
    assert prose and all(t.rstrip("”）") [-1] in "。：；" for t in prose)
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(source.blocks) < len(lines)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_docx_reads_like_its_text(name, sample_docx):
    _, from_text = _sample_source(name, "txt", sample_docx)
    _, from_docx = _sample_source(name, "docx", sample_docx)
    assert texts(from_docx) == texts(from_text)


# --- whatever the bytes, one Chinese line or a Source ----------------------------------------
_VALID_DOCX = _drafter_docx(ANSWERS)


def _read_or_fail(tmp_path: Path, name: str, data: bytes) -> None:
    path = write(tmp_path, name, data)
    try:
        read(path)
    except DrafterError as exc:
        assert exc.message and "\n" not in exc.message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), ext=st.sampled_from([".docx", ".txt", ".md", ".html", ".doc", ".pdf"]))
def test_random_bytes_fail_cleanly(tmp_path, monkeypatch, data, ext):
    monkeypatch.setattr(convert, "find_program", lambda names, places: None)  # no converter runs
    _read_or_fail(tmp_path, f"r{ext}", data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(_VALID_DOCX) - 1), st.integers(1, 255)), min_size=1, max_size=8))
def test_damaged_docx_fails_cleanly(tmp_path, flips):
    data = bytearray(_VALID_DOCX)
    for position, mask in flips:
        data[position] ^= mask
    _read_or_fail(tmp_path, "r.docx", bytes(data))
