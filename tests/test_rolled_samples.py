"""The five sample reports rolled on a year as a new user would (`drafter next 去年的报告.txt`):
the draft keeps its 落款, its national counters are this year's, it names no document last year's
report did not name, and `check` passes its review rules only once the review is done (issue 20,
done-when). The samples are read from ../shared at run time."""
from __future__ import annotations

import re
import shutil

import pytest

from drafter import carried, cli
from drafter.check import check
from tests.support.samples import SAMPLES

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is not there")]
NAMES = sorted(p.stem for p in SAMPLES.glob("*.txt")) if SAMPLES.is_dir() else []
_TITLE = re.compile(r"《[^《》\n]{2,80}》")


@pytest.fixture(scope="module")
def rolled(tmp_path_factory):
    """name → (last year's answers, this year's answers, this year's draft .docx)."""
    folder = tmp_path_factory.mktemp("rolled")
    out = {}
    for name in NAMES:
        report = folder / f"{name}.txt"
        shutil.copy(SAMPLES / f"{name}.txt", report)
        last = folder / f"{name}-last.yaml"
        assert cli.main(["import", str(report), "-o", str(last)]) == 0
        assert cli.main(["next", str(last), "-o", str(folder / f"{name}-next.yaml")]) == 0
        draft = folder / f"{name}-next.docx"
        assert cli.main(["build", str(folder / f"{name}-next.yaml"), "-o", str(draft)]) == 0
        out[name] = (last, folder / f"{name}-next.yaml", draft)
    return out


def _document(path):
    from drafter import answers, ontology
    from drafter.compose import compose

    onto = ontology.load()
    return compose(answers.load(path, onto), onto).document


def _text(document) -> str:
    from drafter.model import Heading, Paragraph

    return "\n".join(b.text + (b.body or "") if isinstance(b, Heading) else b.text
                     for b in document.blocks if isinstance(b, (Heading, Paragraph)))


@pytest.mark.parametrize("name", NAMES)
def test_the_draft_keeps_the_signature(rolled, name):
    last, this, _ = rolled[name]
    before, after = _document(last), _document(this)
    if before.signature:  # a web copy often has lost its 落款 and date: then there is none to keep
        assert after.signature == before.signature
    assert not after.date  # the date is this year's to give


@pytest.mark.parametrize("name", NAMES)
def test_the_draft_names_no_document_last_years_report_did_not(rolled, name):
    last, this, _ = rolled[name]
    named_before = set(_TITLE.findall(_text(_document(last))))
    invented = [t for t in _TITLE.findall(_text(_document(this))) if t not in named_before]
    assert not invented


@pytest.mark.parametrize("name", NAMES)
def test_national_counters_are_this_years(rolled, name):
    _, this, _ = rolled[name]
    assert not [f for f in check(this) if f.rule == "carried" and "届次" in f.problem]


@pytest.mark.parametrize("name", NAMES)
def test_check_passes_the_review_only_once_it_is_done(rolled, name, tmp_path):
    _, this, _ = rolled[name]
    text = this.read_text(encoding="utf-8")
    marks = len(carried.pending(text))
    pending = [f for f in check(this) if f.rule == "carried" and "沿用上年的这段" in f.problem]
    assert marks and len(pending) == marks
    reviewed = tmp_path / "reviewed.yaml"
    reviewed.write_text(carried.without_marks(text), encoding="utf-8")
    left = [f.problem for f in check(reviewed) if f.rule == "carried" and f.severity == "错误"]
    if _document(this).signature:  # the 落款 was kept: the report is not done without this year's date
        assert len(left) == 1 and "还没有成文日期" in left[0]
        dated = re.sub(r"(?m)^(  signature: .*)$", r"\1\n  date: 2025-01-10", carried.without_marks(text), count=1)
        reviewed.write_text(dated, encoding="utf-8")
        left = [f.problem for f in check(reviewed) if f.rule == "carried" and f.severity == "错误"]
    assert not left


def test_the_signature_test_has_signatures_to_keep(rolled):
    """Two of the samples end with their 落款 and date (the others lost them on the web)."""
    assert sum(1 for last, _, _ in rolled.values() if _document(last).signature) >= 2
