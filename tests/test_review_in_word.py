"""The review of carried text in Word (issue 20, part 8): the draft .docx puts a real Word
comment on each paragraph still to review, saying what to do; the clerk rewrites, deletes, or
deletes (or resolves) the comment of a paragraph still true, and importing the edited .docx
clears exactly those marks — the others stay, and so do the slots of paragraphs left alone."""
from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from ruamel.yaml import YAML

from drafter import cli
from drafter.build import build_file
from drafter.importer import import_source
from drafter.readers import read
from tests.test_true_this_year import penalties_report

STANDING = "全面落实行政执法三项制度，执法全过程记录。"
EVENT = "3月，开展危化品专项执法行动，检查企业{企业}。"
ALSO_STANDING = "坚持谁执法谁普法，全年开展以案释法{以案释法}。"


@pytest.fixture
def draft(tmp_path):
    """A 2024 draft rolled from a 2023 report of three paragraphs in one section, built to .docx."""
    source = penalties_report(tmp_path, STANDING, EVENT.replace("{企业}", "36家"),
                              ALSO_STANDING.replace("{以案释法}", "12次"))
    assert cli.main(["next", str(source)]) == 0
    answers = tmp_path / "r-2024.yaml"
    built = build_file(answers, tmp_path / "draft.docx", None).output
    return answers, built


def own_text(path) -> str:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))["answers"]["penalties"]["text"]


def commented_paragraphs(word) -> list:
    return [p for p in word.paragraphs if p._p.find(".//" + qn("w:commentReference")) is not None]


def test_each_paragraph_to_review_has_a_word_comment_saying_what_to_do(draft):
    _, built = draft
    word = docx.Document(str(built))
    notes = [c.text for c in word.comments]
    assert notes == ["沿用上年，请核对", "上年事项，请改写或删除：3月", "沿用上年，请核对"]
    anchored = commented_paragraphs(word)
    assert [p.text[:6] for p in anchored] == [STANDING[:6], "3月，开展危", ALSO_STANDING[:6]]
    for paragraph in anchored:  # the range spans the paragraph's words, the reference follows them
        xml = paragraph._p.xml
        assert xml.index("commentRangeStart") < xml.index("<w:t") < xml.index("commentRangeEnd") < xml.index(
            "commentReference")


def test_a_reviewed_draft_has_no_comment_part(tmp_path):
    source = penalties_report(tmp_path, STANDING)
    assert cli.main(["next", str(source)]) == 0
    answers = tmp_path / "r-2024.yaml"
    answers.write_text(answers.read_text(encoding="utf-8").replace("【核对】", ""), encoding="utf-8")
    built = build_file(answers, tmp_path / "reviewed.docx", None).output
    names = zipfile.ZipFile(built).namelist()
    assert "word/comments.xml" not in names
    assert b"comments" not in zipfile.ZipFile(built).read("[Content_Types].xml")


def test_the_comment_wording_is_data(tmp_path, monkeypatch):
    from drafter import carried, datafiles

    original = datafiles.table

    def table(name, *args, **kwargs):
        data = original(name, *args, **kwargs)
        if name == carried.CARRIED_FILE:
            return {**data, "notes": {"改写": "请按今年的情况改写（{why}）"}}
        return data

    monkeypatch.setattr(datafiles, "table", table)
    assert carried.note("改写", "3月") == "请按今年的情况改写（3月）"
    assert carried.note("核对") == "沿用上年，请核对"  # what the data leaves out keeps drafter's wording


def _drop_comment(paragraph) -> None:
    """What Word does when the clerk deletes a comment: its range and reference go."""
    p = paragraph._p
    for element in list(p.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"))):
        element.getparent().remove(element)
    reference = p.find(".//" + qn("w:commentReference"))
    reference.getparent().getparent().remove(reference.getparent())


def test_a_comment_deleted_in_word_clears_only_that_paragraphs_mark(draft, tmp_path):
    _, built = draft
    word = docx.Document(str(built))
    _drop_comment(commented_paragraphs(word)[0])
    word.save(str(tmp_path / "edited.docx"))
    result = import_source(read(tmp_path / "edited.docx"), _ontology())
    assert result.embedded and result.changed == []
    back = tmp_path / "back.yaml"
    back.write_text(result.text, encoding="utf-8")
    text = own_text(back)
    assert text.startswith(STANDING)  # its mark is gone: reviewed, still true
    assert "【改写：3月】3月" in text and "【核对】坚持谁执法谁普法" in text
    assert len(re.findall(r"\{[^}]+\}", text)) == 2  # the two numbers are slots still
    assert any("删去或解决了批注的 1 段" in n for n in result.notes)


def test_an_untouched_draft_comes_back_with_every_mark(draft, tmp_path):
    answers, built = draft
    result = import_source(read(built), _ontology())
    assert result.text == answers.read_text(encoding="utf-8")


def test_a_comment_resolved_in_word_counts_as_reviewed(draft, tmp_path):
    """Word's 解决 keeps the comment and sets w15:done on its paragraph in commentsExtended."""
    _, built = draft
    resolved = tmp_path / "resolved.docx"
    resolved.write_bytes(_resolve_last_comment(built.read_bytes()))
    result = import_source(read(resolved), _ontology())
    back = tmp_path / "back.yaml"
    back.write_text(result.text, encoding="utf-8")
    text = own_text(back)
    assert "【核对】全面落实" in text and "【改写：3月】" in text
    assert "【核对】坚持" not in text and "坚持谁执法谁普法" in text


def _resolve_last_comment(data: bytes) -> bytes:
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    w15 = "http://schemas.microsoft.com/office/word/2012/wordml"
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {name: source.read(name) for name in source.namelist()}
    comments = parts["word/comments.xml"].decode("utf-8")
    last = comments.rfind("<w:p>")
    comments = comments[:last] + '<w:p w14:paraId="1A2B3C4D">' + comments[last + len("<w:p>"):]
    parts["word/comments.xml"] = comments.replace("<w:comments ", f'<w:comments xmlns:w14="{w14}" ', 1).encode()
    parts["word/commentsExtended.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:w15="{w15}">'
        '<w15:commentEx w15:paraId="1A2B3C4D" w15:done="1"/></w15:commentsEx>').encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/word/commentsExtended.xml" ContentType="application/'
                     b'vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/></Types>')
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdX" Type="http://schemas.microsoft.com/office/2011/relationships/'
                             b'commentsExtended" Target="commentsExtended.xml"/></Relationships>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(name, content)
    return out.getvalue()


def test_a_paragraph_rewritten_in_word_loses_its_mark_and_the_others_keep_theirs(draft, tmp_path):
    answers, built = draft
    word = docx.Document(str(built))
    event = commented_paragraphs(word)[1]
    highlighted = [r for r in event.runs if r.font.highlight_color is not None]
    highlighted[0].text = "今年组织开展烟花爆竹专项执法，检查经营单位52家。"
    for run in highlighted[1:]:
        run.text = ""
    word.save(str(tmp_path / "edited.docx"))
    result = import_source(read(tmp_path / "edited.docx"), _ontology())
    assert result.changed == ["penalties"]
    back = tmp_path / "back.yaml"
    back.write_text(result.text, encoding="utf-8")
    text = own_text(back)
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    assert paragraphs[0] == "【核对】" + STANDING
    assert paragraphs[1].startswith("今年组织开展烟花爆竹专项执法") and "【" not in paragraphs[1]
    # the paragraph left alone keeps its slot, by its name, and the fact behind it
    assert paragraphs[2].startswith("【核对】坚持谁执法谁普法")
    kept = re.search(r"\{([^}]+)\}", paragraphs[2]).group(1)
    data = YAML(typ="safe").load(back.read_text(encoding="utf-8"))["answers"]["penalties"]
    previous = YAML(typ="safe").load(answers.read_text(encoding="utf-8"))["answers"]["penalties"]
    assert kept in re.findall(r"\{([^}]+)\}", previous["text"])
    assert data["facts"][kept] == previous["facts"][kept]
    assert "52家" in data["facts"].values()
    # and the result builds: the rewritten paragraph needs no review, the others still do
    assert cli.main(["build", str(back), "-o", str(tmp_path / "again.docx")]) == 0
    assert [c.text for c in docx.Document(str(tmp_path / "again.docx")).comments] == ["沿用上年，请核对"] * 2


def test_a_paragraph_still_to_review_is_not_run_into_its_neighbours(tmp_path):
    """An outline that runs sections into one paragraph (一是……二是……) keeps a carried one
    apart until it is reviewed, so that its highlight and comment stand on its words alone."""
    from drafter import answers as answers_mod
    from drafter.compose import compose

    path = tmp_path / "inline.yaml"
    body = ("report:\n  issuer: 某县应急管理局\n  year: 2024\noutline:\n  parts:\n    - heading: 执法\n"
            "      style: enumerate_inline\n      sections: [penalties, {{id: own_听证, heading: 听证}}]\n"
            "answers:\n  penalties:\n    text: {first}\n  own_听证:\n    text: 依法组织听证。\n")
    onto = _ontology()
    path.write_text(body.format(first="【核对】全面落实三项制度。"), encoding="utf-8")
    pending = compose(answers_mod.load(path, onto), onto).document.blocks
    path.write_text(body.format(first="全面落实三项制度。"), encoding="utf-8")
    reviewed = compose(answers_mod.load(path, onto), onto).document.blocks
    assert len(reviewed) == 2 and len(pending) == 3  # the heading, then one paragraph or two
    assert pending[1].review == "沿用上年，请核对" and not pending[2].review


def _ontology():
    from drafter import ontology

    return ontology.load()
