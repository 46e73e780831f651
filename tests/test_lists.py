"""Enumerations are numbered once, for the whole document (drafter.lists)."""
from drafter import lists
from drafter.filters import enum
from drafter.model import Heading, Paragraph


def numbered(*texts):
    blocks = [Paragraph(t) for t in texts]
    lists.resolve(blocks)
    return [b.text for b in blocks]


def test_a_list_is_numbered_and_a_single_item_is_not():
    assert numbered("主要表现在：" + enum(["甲", "乙"])) == ["主要表现在：一是甲。二是乙。"]
    assert numbered(lists.mark(["甲。"])) == ["甲。"]


def test_a_list_may_run_over_paragraphs():
    assert numbered(*enum(["甲", "乙", "丙"], sep="\n\n").split("\n\n")) == ["一是甲。", "二是乙。", "三是丙。"]


def test_one_paragraph_never_has_two_numbered_lists():
    text = "问题：" + enum(["甲", "乙"]) + "措施：" + enum(["丙", "丁"])
    assert numbered(text) == ["问题：一是甲。二是乙。措施：丙。丁。"]


def test_a_list_nested_in_an_item_reads_as_sentences():
    outer = lists.mark(["甲。" + enum(["子一", "子二"]), "乙。"])
    assert numbered(outer) == ["一是甲。子一。子二。二是乙。"]


def test_a_list_that_touches_a_numbered_paragraph_is_plain_everywhere():
    first = "一、" + enum(["甲", "乙"])
    spread = enum(["丙", "丁"], sep="\n\n").split("\n\n")
    assert numbered(first + spread[0], spread[1]) == ["一、一是甲。二是乙。丙。", "丁。"]


def test_run_in_bodies_are_numbered_and_headings_never_carry_marks():
    heading = Heading(level=2, text="标题" + lists.mark(["x"]), body=enum(["甲", "乙"]))
    lists.resolve([heading])
    assert heading.text == "标题x" and heading.body == "一是甲。二是乙。"
