import pytest

from drafter.punctuation import doc_number, normalize


@pytest.mark.parametrize("raw, expected", [
    # ASCII marks in Chinese text become full-width
    ("开展检查,处罚3起;完成整改.", "开展检查，处罚3起；完成整改。"),
    ("主要做法:一是加强领导", "主要做法：一是加强领导"),
    ("是否到位?", "是否到位？"),
    ("依据《江苏省安全生产行政处罚自由裁量适用细则(2021版)》", "依据《江苏省安全生产行政处罚自由裁量适用细则（2021版）》"),
    ('开展"安全生产月"活动', "开展“安全生产月”活动"),
    # numbers, dates, times keep half-width marks
    ("完成率98.56%", "完成率98.56%"),
    ("完成率98．56％", "完成率98.56%"),
    ("“5.12”防灾减灾日", "“5.12”防灾减灾日"),
    ("会议于14：30召开", "会议于14:30召开"),
    ("罚款1，200元", "罚款1,200元"),
    ("共５６０家", "共560家"),
    ("ＡＢＣ公司", "ABC公司"),
    # Latin text and URLs stay as they are
    ("见 https://www.example.gov.cn/a,b.html 公开", "见 https://www.example.gov.cn/a,b.html 公开"),
    ("(1) first, second.", "(1) first, second."),
    ("已经规范的文字，不变。", "已经规范的文字，不变。"),
    ("2023-2025年", "2023-2025年"),
])
def test_normalize(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("启应急[2021]75号", "启应急〔2021〕75号"),
    ("启应急（2021）75号", "启应急〔2021〕75号"),
    ("启应急【２０２１】75号", "启应急〔2021〕75号"),
    ("启应急〔2021〕75号", "启应急〔2021〕75号"),
])
def test_doc_number_brackets(raw, expected):
    assert doc_number(raw) == expected
