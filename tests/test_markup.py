from drafter.markup import parse
from drafter.model import Heading, Paragraph
from drafter.render import escape_value


def test_paragraphs_join_lines_and_split_on_blank_lines():
    blocks = parse("第一段的前半句，\n后半句。\n\n第二段。", base_level=2)
    assert blocks == [Paragraph("第一段的前半句，后半句。"), Paragraph("第二段。")]


def test_headings_standalone_and_run_in():
    blocks = parse("# 矿山领域。\n\n正文。\n\n# 危化领域\n吸取事故教训。\n\n## 细项\n内容", base_level=2)
    assert blocks[0] == Heading(level=3, text="矿山领域")
    assert blocks[1] == Paragraph("正文。")
    assert blocks[2] == Heading(level=3, text="危化领域。", body="吸取事故教训。")
    assert blocks[3] == Heading(level=4, text="细项。", body="内容。")  # a paragraph ends as a sentence


def test_escaped_user_text_never_becomes_a_heading():
    text = escape_value("# 这是用户的文字\n第二行 \\ 反斜杠")
    blocks = parse(text, base_level=2)
    assert blocks == [Paragraph("# 这是用户的文字。"), Paragraph("第二行 \\ 反斜杠。")]


def test_below_level_four_a_heading_opens_its_paragraph():
    assert parse("# 第四级\n正文", base_level=3)[0].level == 4
    assert parse("### 太深\n正文", base_level=3) == [Paragraph("太深。正文。")]
    assert parse("## 太深", base_level=3) == [Paragraph("太深。")]


def test_run_in_heading_ending_in_a_quoted_term_gets_a_full_stop():
    from drafter.markup import heading_text
    assert heading_text("贯彻落实“三项制度”", True) == "贯彻落实“三项制度”。"
    assert heading_text("他说：“做好。”", True) == "他说：“做好。”"


def test_every_paragraph_ends_as_a_sentence_or_a_lead_in():
    blocks = parse("情况如下：\n\n落实“三项制度”\n\n开展检查，", base_level=2)
    assert [b.text for b in blocks] == ["情况如下：", "落实“三项制度”。", "开展检查。"]
