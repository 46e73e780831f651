"""One structure reader: `drafter import` and `drafter check` read a report's frame (版头, title,
主送机关, 落款, 成文日期, 附件) and its headings the same way, whatever file it came in.

Texts here are written for these tests; the samples are read at run time from
../shared/samples, the examples are built into .docx and .md in a temporary folder.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from pathlib import Path

import docx
import pytest

from drafter import answers as answers_mod
from drafter import ontology as ontology_mod
from drafter.build import build_file
from drafter.check import check_view
from drafter.check.view import ADDRESSEE, BODY, DATE, HEADER, HEADING, SIGNATURE, TITLE, from_source
from drafter.compose import compose
from drafter.importer import import_source, metadata, outline, runon
from drafter.importer.rules import load as load_rules
from drafter.readers import read, require_text
from tests.support.samples import SAMPLES

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
NO_STOP = "段落没有以句号结束"


# ---------------------------------------------------------------- the two readings side by side


def _import_reading(source, ontology):
    """The frame and headings as `drafter import` finds them (its own first steps, in order)."""
    rules = load_rules(ontology.root)
    meta = metadata.Metadata()
    blocks, _ = runon.split(list(source.blocks), rules)
    body = metadata.split_front(blocks, source, rules, meta)
    body = metadata.split_back(body, rules, meta)
    meta.date = meta.date or metadata.web_date(source, meta)
    return meta, outline.build(body, rules)


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text).rstrip("。：:！？，,；;")


def _agree(path: Path, ontology) -> tuple:
    """Import's and check's reading of the file agree; what they agree on."""
    source = dataclasses.replace(require_text(read(path)), embedded_answers=None)  # a drafter .docx read as any .docx
    meta, tree = _import_reading(source, ontology)
    result = import_source(source, ontology)
    frame = (meta.title, meta.addressee, meta.signature, meta.date)
    assert (result.meta.title, result.meta.addressee, result.meta.signature, result.meta.date) == frame, path.name

    view = from_source(source, ontology)
    kinds = lambda kind: [p for p in view.paragraphs if p.kind == kind]  # noqa: E731
    title, addressee, signature = (next((p.text for p in kinds(k)), None) for k in (TITLE, ADDRESSEE, SIGNATURE))
    assert title == meta.title, path.name
    assert view.addressee == meta.addressee and (addressee or "").rstrip("：:") == (meta.addressee or ""), path.name
    assert signature == meta.signature, path.name
    assert view.date == meta.date, path.name

    outside = {p.index for p in view.paragraphs if p.kind not in (HEADING, BODY, "table")}  # 附件说明, 附件
    imported = [(ln.level, _plain(ln.label + (ln.heading or ""))) for ln in tree.lines
                if ln.is_heading and ln.block.index not in outside]
    checked = [(p.level, _plain(p.text)) for p in kinds(HEADING)]
    assert checked == imported, path.name

    # the frame's lines are never text without a full stop
    frame_texts = [t for t in (meta.title, meta.signature, meta.addressee) if t]
    frame_texts += [p.text for p in view.paragraphs if p.kind in (HEADER, DATE)]
    for finding in check_view(view):
        if finding.problem == NO_STOP:
            assert not any(t[-6:] in finding.quote for t in frame_texts), (path.name, finding.line())
    return meta, view


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the real reports are not here")
def test_import_and_check_read_every_sample_alike(real_ontology):
    samples = sorted(SAMPLES.glob("*.txt"))
    assert samples
    for path in samples:
        _agree(path, real_ontology)


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the real reports are not here")
def test_import_and_check_read_every_sample_as_a_word_file_alike(sample_docx, real_ontology):
    """The samples as LibreOffice makes them into .docx (headings, numbering and all)."""
    if not sample_docx:
        pytest.skip("LibreOffice not installed")
    for path in sample_docx.values():
        _agree(Path(path), real_ontology)


@pytest.fixture(scope="module")
def built_examples(tmp_path_factory, real_ontology):
    folder = tmp_path_factory.mktemp("built")
    out = []
    for example in EXAMPLES:
        for kind in ("docx", "md"):
            out.append((example, build_file(example, folder / f"{example.stem}.{kind}", kind, ontology=real_ontology).output))
    return out


def test_import_and_check_read_every_built_example_alike_and_as_it_was_built(built_examples, real_ontology):
    assert len(built_examples) == 2 * len(EXAMPLES) >= 28
    for example, path in built_examples:
        meta, view = _agree(path, real_ontology)
        document = compose(answers_mod.load(example, real_ontology), real_ontology).document
        assert meta.title == document.title, path.name
        assert meta.addressee == ((document.addressee or "").rstrip("：:") or None), path.name
        assert meta.signature == document.signature, path.name
        assert view.date_text == document.date, path.name


# ---------------------------------------------------------------- texts of our own

WORK_TITLE = """青禾区应急管理局2024年法治政府建设工作情况
区委、区政府：
今年以来，我局把依法行政贯穿应急管理各项工作，现将有关情况报告如下。
一、主要做法
（一）健全制度。修订执法程序规定两项，明确审核责任。
（二）规范执法。全年开展检查三百余次，案卷评查合格率稳步提升。
二、存在的不足
基层执法力量仍然偏弱，专业人员不多。
三、下一步打算
继续加强队伍建设，提高执法质量。
青禾区应急管理局
2025年1月10日
"""

UNDATED = """关于2024年度法治政府建设情况的报告
一、主要做法
全年组织法治培训四期，覆盖全体执法人员。
二、不足和打算
执法装备还需更新，明年将逐步配齐。
青禾区应急管理局
"""

BARE = """青禾区应急管理局2024年法治政府建设工作总结
一、主要做法
全年组织法治培训四期，覆盖全体执法人员。
二、不足和打算
执法装备还需更新，明年将逐步配齐。
特此报告。
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if name.endswith(".docx"):
        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        document.save(str(tmp_path / name))
    else:
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path / name


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
@pytest.mark.parametrize("text, title, addressee, signature, date", [
    (WORK_TITLE, "青禾区应急管理局2024年法治政府建设工作情况", "区委、区政府", "青禾区应急管理局", dt.date(2025, 1, 10)),
    (UNDATED, "关于2024年度法治政府建设情况的报告", None, "青禾区应急管理局", None),
    (BARE, "青禾区应急管理局2024年法治政府建设工作总结", None, None, None),
], ids=["work-title-addressee", "signature-no-date", "neither"])
def test_own_texts_read_alike(tmp_path, real_ontology, suffix, text, title, addressee, signature, date):
    meta, view = _agree(_write(tmp_path, "report" + suffix, text), real_ontology)
    assert (meta.title, meta.addressee, meta.signature, meta.date) == (title, addressee, signature, date)
    assert [p.text for p in view.paragraphs if p.kind == HEADING][:2] == ["一、主要做法", "（一）健全制度。"] if text is WORK_TITLE \
        else [p.text for p in view.paragraphs if p.kind == HEADING] == ["一、主要做法", "二、不足和打算"]
    said = [f for f in check_view(view) if f.problem == NO_STOP]
    assert said == [], [f.line() for f in said]


# ---------------------------------------------------------------- the frame itself


def test_the_frame_of_a_report_with_a_letterhead_and_attachments(tmp_path, real_ontology):
    from drafter import structure

    text = (ROOT / "examples" / "qinglan-2025.yaml").read_text(encoding="utf-8")
    text = text.replace("  date: 2025-12-18\n", "  date: 2025-12-18\n  doc_number: 青应急〔2025〕9号\n  header: true\n", 1)
    text = text.replace("  run_in: true\n", "  run_in: true\n  attachments: [statistics]\n", 1)
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    path = build_file(tmp_path / "a.yaml", tmp_path / "a.docx", "docx", ontology=real_ontology).output
    source = require_text(read(path))
    frame = structure.read(source, load_rules(real_ontology.root))
    roles = [(role, block.text) for role, block in frame.roles() if role != structure.BODY]
    assert roles[:4] == [("header", "青岚县应急管理局文件"), ("header", "青应急〔2025〕9号"),
                         ("title", "青岚县应急管理局2025年法治政府建设年度报告"), ("addressee", "县委、县政府：")]
    assert roles[4:7] == [("note", "附件：2025年法治政府建设主要数据统计表"), ("signature", "青岚县应急管理局"),
                          ("date", "2025年12月18日")]
    assert [r for r, _ in roles[7:]] == ["attachment"] * 3 and roles[7][1] == "附件"
    assert (frame.doc_number, frame.date, frame.date_from) == ("青应急〔2025〕9号", dt.date(2025, 12, 18), "落款")
    meta, view = _agree(path, real_ontology)
    assert meta.title == "青岚县应急管理局2025年法治政府建设年度报告"  # not the 版头 joined to it
    assert [p.kind for p in view.paragraphs[:4]] == [HEADER, HEADER, TITLE, ADDRESSEE]


def test_a_title_over_two_lines_and_a_line_under_it(real_ontology):
    from drafter import structure
    from drafter.readers.source import Source, SourceBlock

    lines = ["青禾区应急管理局", "关于2024年法治政府建设情况的报告", "（2025年1月）",
             "全年组织法治培训四期，覆盖全体执法人员。", "附件：1.执法检查计划", "2.培训名单", "青禾区应急管理局", "二○二五年一月八日"]
    source = Source(path=Path("r.txt"), format="txt", blocks=[SourceBlock("paragraph", t, i) for i, t in enumerate(lines, 1)])
    frame = structure.read(source, load_rules(real_ontology.root))
    assert frame.title == "青禾区应急管理局关于2024年法治政府建设情况的报告"
    assert [r for r, _ in frame.roles()] == ["title", "title", "byline", "body", "note", "note", "signature", "date"]
    assert (frame.signature, frame.date) == ("青禾区应急管理局", dt.date(2025, 1, 8))
    view = from_source(source, real_ontology)
    assert [p.kind for p in view.paragraphs] == [TITLE, HEADER, BODY, "attachment", "attachment", SIGNATURE, DATE]


# ---------------------------------------------------------------- one heading grammar


@pytest.fixture
def other_grammar(tmp_path, monkeypatch):
    """A copy of sections/ whose heading grammar has one more level-one style: 甲、乙、."""
    folder = tmp_path / "sections"
    shutil.copytree(ROOT / "sections", folder)
    rules = folder / "_import.yaml"
    text = rules.read_text(encoding="utf-8")
    text = text.replace("headings:\n", "headings:\n  - style: 甲、\n    rank: 1\n    pattern: '^[甲乙丙丁][、．.]'\n"
                        "    examples: ['甲、总体情况']\n", 1)
    rules.write_text(text, encoding="utf-8")
    monkeypatch.setenv("DRAFTER_SECTIONS", str(folder))
    return ontology_mod.load(folder, ROOT / "templates")


def test_the_heading_grammar_of_the_data_file_is_the_one_every_stage_reads(tmp_path, other_grammar):
    from drafter.importer.items import records

    path = tmp_path / "r.txt"
    path.write_text("2024年法治政府建设年度报告\n"
                    "甲、主要做法\n"
                    "全年组织法治培训四期，覆盖全体执法人员，并对新任执法人员开展了岗前\n"  # broken by a page end
                    "乙、不足和打算\n"
                    "执法装备还需更新，明年将逐步配齐。\n", encoding="utf-8")
    source = require_text(read(path))
    assert [b.text[:2] for b in source.blocks] == ["20", "甲、", "全年", "乙、", "执法"]  # the page join stops at 乙、
    _, view = _agree(path, other_grammar)
    assert [(p.level, p.text) for p in view.paragraphs if p.kind == HEADING] == [(1, "甲、主要做法"), (1, "乙、不足和打算")]
    rules = load_rules(other_grammar.root)
    lines = outline.build([b for b in source.blocks if b.text.startswith(("全年", "执法"))], rules).lines
    items = records([dataclasses.replace(ln, text="甲、" + ln.text) for ln in lines], rules)
    assert [i["title"] for i in items] == ["全年组织法治培训四期", "执法装备还需更新，明年将逐步配齐"]
