"""Provenance in the model: every block compose makes says which section wrote it (as
pandoc's blocks carry their Attr), and check reads that instead of searching the text."""
from __future__ import annotations

from pathlib import Path

import pytest

from drafter import answers as answers_mod
from drafter.check.view import BODY, HEADING, from_answers
from drafter.compose import compose
from drafter.model import Heading, Paragraph

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_body_block_names_a_section_of_the_outline(path, real_ontology):
    answers = answers_mod.load(path, real_ontology)
    outline = {ref.id for part in answers.outline.parts for ref in part.section_refs()}
    document = compose(answers, real_ontology).document
    for block in document.blocks:
        origin = block.body_origin if isinstance(block, Heading) and block.body else block.origin
        assert origin is not None, block
        if isinstance(block, Paragraph) or (isinstance(block, Heading) and block.body):
            assert set(origin.sections) <= outline and origin.sections, block
        elif origin.kind == "part":
            assert block.level == 1 and origin.section is None


SAME_TEXT = """\
report:
  issuer: 测试县应急管理局
  year: 2025
outline:
  parts:
    - heading: 工作情况
      sections:
        - {id: own_甲, heading: 第一项}
        - {id: own_乙, heading: 第二项}
answers:
  own_甲:
    text: 本项工作按计划推进，全年没有发生变化。
  own_乙:
    text: 本项工作按计划推进，全年没有发生变化。
"""


def test_check_knows_which_of_two_equal_paragraphs_each_section_wrote(tmp_path, real_ontology):
    """Searching the text gave both paragraphs to the first section that says it."""
    path = tmp_path / "same.yaml"
    path.write_text(SAME_TEXT, encoding="utf-8")
    view = from_answers(path, real_ontology)
    bodies = [p.section for p in view.paragraphs if p.kind in (BODY, HEADING) and p.section]
    assert bodies.count("own_甲") == bodies.count("own_乙") >= 1
