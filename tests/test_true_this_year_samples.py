"""Issue 20's "done when", measured on the five sample reports (read from ../shared/samples at
run time): after import → next → build, at least 90% of last year's one-off events, counters,
relative dates, problems and plans are gone from the draft or marked 【改写】 (each class
separately), and standing practice is marked 【改写】 in at most 10% of cases. The ground truth
is tests/fixtures/true_this_year_anchors.yaml; the measuring is bench/true_this_year.py."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.support.samples import SAMPLES

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not SAMPLES.is_dir(), reason="the sample reports (../shared/samples) are not here")]


def _bench():
    spec = importlib.util.spec_from_file_location("true_this_year_bench", ROOT / "bench" / "true_this_year.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def measured():
    bench = _bench()
    samples = bench.measure(SAMPLES)
    return bench, samples, bench.figures([r for s in samples for r in s.results])


def test_every_anchor_names_a_paragraph_of_its_sample(measured):
    _, samples, _ = measured
    assert {s.name for s in samples} == {p.stem for p in SAMPLES.glob("*.txt")}
    assert [(s.name, cls, a) for s in samples for cls, a in s.unfound] == []


@pytest.mark.parametrize("cls", ["event", "counter", "relative_date", "problem", "plan"])
def test_at_least_nine_in_ten_of_last_years_items_are_gone_or_marked_to_rewrite(measured, cls):
    bench, samples, figures = measured
    caught, total = figures.caught[cls]
    missed = [f"{r.sample}: {r.anchor} [{r.mark()}]" for s in samples for r in s.results if r.cls == cls and not r.caught]
    assert total >= 5, f"too few {cls} annotated to measure"
    assert caught / total >= bench.AT_LEAST, f"{cls}: {caught}/{total}; missed: {missed}"


def test_standing_practice_is_marked_to_rewrite_in_at_most_a_tenth_of_cases(measured):
    bench, samples, figures = measured
    flagged, total = figures.caught["standing"]
    wrong = [f"{r.sample}: {r.anchor} [{r.mark()}]" for s in samples for r in s.results
             if r.cls == "standing" and not r.mixed and r.flagged]
    assert total >= 40, "too few standing practices annotated to measure"
    assert flagged / total <= bench.AT_MOST, f"{flagged}/{total} flagged: {wrong}"


def test_last_years_problems_and_plans_are_not_this_years(measured):
    """Where the report has a part for them, they go to the follow-up list and this year's part
    starts empty; none is printed unmarked in the draft."""
    _, samples, _ = measured
    printed = [(s.name, r.anchor) for s in samples for r in s.results
               if r.cls in ("problem", "plan") and any(h.kind in ("unmarked", "核对") for h in r.hits)]
    assert printed == []
