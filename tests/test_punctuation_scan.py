"""The punctuation and tidy passes test Chinese neighbours by code point, not by regex
classes (which cost milliseconds to compile on every start). These properties hold them to
the regex definitions they replaced, on random text made of the characters that matter."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter import punctuation, tidy

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_MARKS = "，。、；：？！“”‘’（）《》〔〕【】…—"
_REGEX_RULES = [
    (re.compile(r"(?<=\d)：(?=\d)"), ":"),
    (re.compile(r"(?<=\d)。(?=\d)"), "."),
    (re.compile(r"(?<=\d)，(?=\d{3}(?!\d))"), ","),
    (re.compile(rf"(?<=[{_CJK}{_MARKS}]),|,(?=[{_CJK}])"), "，"),
    (re.compile(rf"(?<=[{_CJK}{_MARKS}]);|;(?=[{_CJK}])"), "；"),
    (re.compile(rf"(?<=[{_CJK}{_MARKS}]):(?!\d)|(?<!\d):(?=[{_CJK}])"), "："),
    (re.compile(rf"(?<=[{_CJK}{_MARKS}])\?"), "？"),
    (re.compile(rf"(?<=[{_CJK}{_MARKS}])!"), "！"),
    (re.compile(rf"(?<=[{_CJK}）”》])\.(?=\s|$|[{_CJK}“（])"), "。"),
]
_REGEX_SPACES = re.compile(rf"(?<=[{_CJK}{_MARKS}])[ \t\u3000]+(?=[{_CJK}{_MARKS}])")

# ideographs at both ends of each block and outside them, digits (also non-ASCII), marks, spaces
_ALPHABET = ("中国\u3400\u9fff\uf900\ufaff\u33ff\ua000\ufb00ab0129٣" + _MARKS + ",;:?!. \t\u3000\n"
             + "）”》“（")
texts = st.text(alphabet=_ALPHABET, max_size=40)


def _regex_marks(text: str) -> str:
    for pattern, repl in _REGEX_RULES:
        text = pattern.sub(repl, text)
    return text


def _scan_marks(text: str) -> str:
    for pattern, repl in punctuation._DIGIT_RULES:
        text = pattern.sub(repl, text)
    for mark, full, when in punctuation._MARK_RULES:
        text = punctuation._swap_mark(text, mark, full, when)
    return text


@pytest.mark.slow  # 600 random texts
@settings(max_examples=600, deadline=None, derandomize=True)
@given(texts)
def test_marks_match_the_regex_rules(text):
    assert _scan_marks(text) == _regex_marks(text)


@pytest.mark.slow  # 400 random texts
@settings(max_examples=400, deadline=None, derandomize=True)
@given(texts)
def test_spaces_between_chinese_match_the_regex(text):
    assert tidy._join_chinese(text) == _REGEX_SPACES.sub("", text)


def test_the_edges_of_the_blocks():
    assert punctuation.is_cjk("\u3400") and punctuation.is_cjk("\u9fff") and punctuation.is_cjk("\ufaff")
    assert not punctuation.is_cjk("\u33ff") and not punctuation.is_cjk("\ua000") and not punctuation.is_cjk("")
    assert punctuation.normalize("共3件,其中2件.") == "共3件，其中2件。"
    assert tidy.tidy("中 国 ， 好") == "中国，好"


def _tidy_every_rule(text: str) -> str:
    text = tidy._join_chinese(text.strip())
    for pattern, repl in [*tidy._SPACE_RULES, *tidy._RULES]:
        text = pattern.sub(repl, text)
    text = tidy._ITEM_LEADING.sub(r"\1", text)
    return tidy._LEADING.sub("", text)


@pytest.mark.slow  # 600 random texts
@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.text(alphabet="中文a1 \u3000" + _MARKS + "‘’〔〕", max_size=30))
def test_tidy_skips_only_rules_that_cannot_apply(text):
    assert tidy.tidy(text) == _tidy_every_rule(text)


def _normalize_every_rule(text: str) -> str:
    return punctuation._quotes(punctuation._brackets(_scan_marks(text.translate(punctuation._TO_HALF))))


@pytest.mark.slow  # 600 random texts
@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.text(alphabet="中a1９ ()\"'：。，,.:" + "）”》“（", max_size=30))
def test_normalize_skips_only_rules_that_cannot_apply(text):
    assert punctuation._normalize_plain(text) == _normalize_every_rule(text)


def test_one_search_for_leftovers_finds_what_every_pattern_finds():
    from drafter import leftovers

    table = leftovers.patterns()
    assert leftovers._any(tuple(p.pattern for p, _ in table)) is not None
    samples = ["全年检查xx次", "共开展【待补充】项", "（此处填写具体做法）", "{名称}未填", "一切正常，无遗留。", "ＸＸ家企业"]
    for text in samples:
        expected = [(name, m.group(0)) for pattern, name in table for m in pattern.finditer(text)]
        assert leftovers.found_in(text) == expected
    assert leftovers.found_in("全年检查xx次")
