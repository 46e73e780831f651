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


def test_a_built_docx_keeps_each_paragraphs_section_through_an_edit(tmp_path, real_ontology):
    """Hidden bookmarks (_drafter1 …) mark the paragraphs drafter wrote, and the answers part
    says where each came from; a paragraph the clerk adds has none, an edited one keeps its."""
    import docx

    from drafter.build import build_file
    from drafter.readers import read

    built = build_file(ROOT / "examples" / "yunxi-county-2025.yaml", tmp_path / "yunxi.docx", None).output
    answers = answers_mod.load(ROOT / "examples" / "yunxi-county-2025.yaml", real_ontology)
    expected = list(compose(answers, real_ontology).document.blocks)

    word = docx.Document(str(built))
    body = [p for p in word.paragraphs if p.text.strip()]
    target = next(p for p in body if "专题学习" in p.text)
    target.runs[-1].text += "（已在Word中补充一句。）"
    target.insert_paragraph_before("这是科室在Word中新加的一段。")
    word.save(str(tmp_path / "edited.docx"))

    source = read(tmp_path / "edited.docx")
    origins = {b.text: source.origin(b) for b in source.blocks}
    added = next(t for t in origins if t.startswith("这是科室"))
    assert origins[added] is None
    edited = next(t for t in origins if "已在Word中补充" in t)
    assert origins[edited] is not None and origins[edited].section == "xi_thought"
    marked = [o for o in origins.values() if o is not None]
    assert len(marked) == len(expected)  # one bookmark a block, none lost in the save


@pytest.mark.slow
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_check_finds_the_same_required_contents_in_the_answers_and_the_built_docx(path, real_ontology, tmp_path):
    """The built .docx says which section wrote each paragraph: the legally required contents
    check sees in it are the ones it sees in the answers (anon-city's 不足和原因 was missing
    from the .docx only)."""
    from drafter.build import build_file
    from drafter.check.rules import missing_contents
    from drafter.check.view import from_path

    built = build_file(path, tmp_path / "built.docx", None).output
    assert {k for k, _ in missing_contents(from_path(path, real_ontology))} == \
        {k for k, _ in missing_contents(from_path(built, real_ontology))}


def test_an_edit_in_word_goes_back_to_the_section_that_wrote_the_paragraph(tmp_path, real_ontology):
    """Two sections saying the same sentence: the round trip takes each paragraph's owner from
    its origin, not from the first section whose words it contains."""
    import docx

    from drafter.build import build_file
    from drafter.importer import import_source
    from drafter.readers import read

    path = tmp_path / "same.yaml"
    path.write_text(SAME_TEXT, encoding="utf-8")
    built = build_file(path, tmp_path / "same.docx", None).output
    word = docx.Document(str(built))
    second = [p for p in word.paragraphs if p.text.startswith("本项工作")][1]
    second.runs[-1].text = second.runs[-1].text.replace("没有发生变化", "有了新的进展")
    word.save(str(tmp_path / "edited.docx"))
    result = import_source(read(tmp_path / "edited.docx"), real_ontology)
    assert result.changed == ["own_乙"]
    assert "有了新的进展" in result.text.split("own_乙:")[-1]
