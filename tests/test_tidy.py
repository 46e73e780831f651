import pytest

from drafter.tidy import tidy


@pytest.mark.parametrize("raw, clean", [
    ("开展检查，，处罚3起。", "开展检查，处罚3起。"),
    ("甲、乙、。", "甲、乙。"),
    ("甲、，乙", "甲，乙"),
    ("，开头有逗号。", "开头有逗号。"),
    ("共 8 次 检查", "共 8 次检查"),
    ("检查企业（）10家", "检查企业10家"),
    ("结束。，下一句", "结束。下一句"),
    ("句子；，另一句", "句子；另一句"),
    ("（，含事故处罚）", "（含事故处罚）"),
    ("一切正常。", "一切正常。"),
    ("2023-2025年", "2023-2025年"),
])
def test_tidy(raw, clean):
    assert tidy(raw) == clean


def test_no_dunhao_between_quoted_or_titled_items():
    assert tidy("“两节”、“两会”期间") == "“两节”“两会”期间"
    assert tidy("学习《宪法》、《安全生产法》等") == "学习《宪法》《安全生产法》等"
