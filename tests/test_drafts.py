"""The illustrative next-year drafts in examples/*-draft.yaml (drafter next, then filled in)."""
import re
from pathlib import Path

import pytest

from drafter import answers as answers_mod
from drafter.ontology import load
from drafter.writers.markdown import to_markdown
from tests.support.examples import build_example

ROOT = Path(__file__).resolve().parents[1]
DRAFTS = {  # draft → the file it was rolled from
    "kunshan-2024-draft": "kunshan-2023",
    "liaoyang-2024-draft": "liaoyang-2023",
    "qidong-2022-draft": "qidong-2021",
    "futian-2024-draft": "futian-2023",
    "anon-city-next-draft": "anon-city",
    "yunxi-county-2026-draft": "yunxi-county-2025",
    "qinglan-2026-draft": "qinglan-2025",  # an invented county: the 2025 → 2026 chain
}
ONTOLOGY = load()


build = build_example


@pytest.mark.parametrize("name", DRAFTS)
def test_draft_snapshot(name, snapshot):
    _, result = build(name)
    assert to_markdown(result.document) == snapshot


@pytest.mark.parametrize("name", DRAFTS)
def test_draft_is_a_year_on_and_says_so(name):
    a, result = build(name)
    source = answers_mod.load(ROOT / "examples" / f"{DRAFTS[name]}.yaml", ONTOLOGY)
    assert a.meta.year == source.meta.year + 1
    assert "虚构" in (ROOT / "examples" / f"{name}.yaml").read_text(encoding="utf-8")[:2000]
    assert not [w for w in result.warnings if "略去" in w or "不会写入报告" in w]


@pytest.mark.parametrize("name", [n for n in DRAFTS if not n.startswith("anon")])
def test_draft_compares_with_last_year_and_follows_up(name):
    a, result = build(name)
    text = to_markdown(result.document)
    # (Liaoyang's 2023 file has last-year baselines for only four fields that compare)
    assert len(re.findall(r"同比(增加|减少)|与上年持平", text)) >= 4
    last = a.meta.year - 1
    # “2023年” appears only where it means last year: the follow-up, or 上年度/对照
    for m in re.finditer(rf"{last}年", text):
        around = text[max(0, m.start() - 30): m.end() + 30]
        assert re.search(r"整改|改进|对照|上年|落实情况|同比", around), around
    assert "已完成" in text or "持续推进" in text


def test_kunshan_draft_ordinals_are_for_2024():
    _, result = build("kunshan-2024-draft")
    text = to_markdown(result.document)
    assert "第23个“安全生产月”" in text or "安全生产月" not in text
    assert "第16个全国防灾减灾日" in text or "防灾减灾日" not in text


def test_next_from_a_2025_file_gives_a_2026_draft_with_the_2026_wording(tmp_path):
    from tests.conftest import run_drafter
    out = tmp_path / "2026.yaml"
    done = run_drafter("next", str(ROOT / "examples" / "qinglan-2025.yaml"), "-o", str(out),
                       env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    said = done.stdout + done.stderr
    assert "calendar" not in said and "指导思想提法" not in said and "纲要" not in said and "普法" not in said
    draft = answers_mod.load(out, ONTOLOGY)
    assert draft.meta.year == 2026
    assert draft.values["intro"]["guiding"].find("全面贯彻党的二十大和二十届历次全会精神") >= 0
    assert "按 2026 年的提法自动填写" in out.read_text(encoding="utf-8")


def test_the_invented_county_is_marked_invented():
    for name in ("qinglan-2025", "qinglan-2026-draft"):
        assert "虚构" in (ROOT / "examples" / f"{name}.yaml").read_text(encoding="utf-8")[:400]
