"""Sentence frames: what a section says when one field is filled alone.

A frame is a sentence of the rendered section with the user's values replaced: numbers by N,
the synthetic test texts (测试文字…, 测试事项…) by …, dates by D. The single-field claim test
compares them with the reviewed list in tests/fixtures/neutral_frames.yaml.

    python -m tests.support.frames > tests/fixtures/neutral_frames.yaml   # then review every line
"""
from __future__ import annotations

import re

from drafter.answers import Answers, Outline, Part, ReportMeta, SectionRef
from drafter.compose import compose
from drafter.model import Heading, Paragraph
from drafter.ontology import Ontology, load
from tests.support.synthetic import value_for

_SENTENCE = re.compile(r"[^。！？]*[。！？]”?|[^。！？]+$")
_USER = re.compile(r"测试(?:文字|段落|事项|文件)[a-z_]+[甲乙]?")
_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月(?:\d{1,2}日|底)")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def frame(sentence: str) -> str:
    text = _USER.sub("…", sentence)
    text = _DATE.sub("D", text)
    text = _NUMBER.sub("N", text)
    return re.sub(r"…(?:[、和]…)+", "…", text).strip()


def section_text(ontology: Ontology, section, values: dict) -> list[str]:
    answers = Answers(
        path=None,
        meta=ReportMeta(issuer="测试市应急管理局", year=2023, region="全市"),
        outline=Outline(parts=[Part(heading="测试", sections=[SectionRef(section.id)])]),
        values={section.id: {f.id: values.get(f.id) for f in section.fields}},
        previous={section.id: {}},
    )
    out = []
    for block in compose(answers, ontology).document.blocks[1:]:  # not the part's own heading
        if isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Heading):
            out.append(block.body or "")
    return out


def single_field_frames(ontology: Ontology, section) -> dict[str, set[str]]:
    """field id → the frames the section says with that field (and what it requires) alone."""
    out: dict[str, set[str]] = {}
    for spec in section.fields:
        values = {spec.id: value_for(spec)}
        values.update({r: value_for(section.field(r)) for r in spec.requires[:1]})
        frames = set()
        for paragraph in section_text(ontology, section, values):
            frames.update(frame(s) for s in _SENTENCE.findall(paragraph) if s.strip())
        out[spec.id] = frames
    return out


def main() -> None:
    onto = load()
    print("# 单独填写一项时，各节可以写出的句子（数字为 N，用户文字为 …，日期为 D）。")
    print("# 每一句都经人工审阅：只陈述所填事实，或是不含评价的中性框架。新增句子须审阅后加入。")
    for area in onto.areas:
        for section in area.sections:
            frames = sorted(set().union(*single_field_frames(onto, section).values()))
            print(f"{section.id}:")
            for f in frames:
                print(f"  - {f!r}" if f[:1] in "“‘[{*&!%@`'\"" else f"  - {f}")


if __name__ == "__main__":
    main()
