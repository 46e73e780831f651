"""drafter next: rolling an answers file forward a year."""
import re
from pathlib import Path

import pytest

from drafter import answers as answers_mod
from drafter import carried, yamlio
from drafter.ontology import load
from drafter.rollover import roll_forward
from tests.conftest import run_drafter

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ["kunshan-2023", "liaoyang-2023", "qidong-2021", "futian-2023", "anon-city"]
ONTOLOGY = load()


def rolled(name: str):
    return roll_forward(yamlio.load(ROOT / "examples" / f"{name}.yaml"), ONTOLOGY)


def leaves(node, path=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from leaves(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from leaves(v, (*path, i))
    else:
        yield path, node


@pytest.mark.parametrize("name", EXAMPLES)
def test_rolled_file_is_valid_and_a_year_later(name, tmp_path):
    result = rolled(name)
    out = tmp_path / "next.yaml"
    result.document.save(out)
    this, nxt = answers_mod.load(ROOT / "examples" / f"{name}.yaml", ONTOLOGY), answers_mod.load(out, ONTOLOGY)
    assert nxt.meta.year == this.meta.year + 1 and result.year == nxt.meta.year
    assert nxt.meta.date is None and nxt.meta.doc_number is None
    assert nxt.meta.issuer == this.meta.issuer and nxt.meta.addressee == this.meta.addressee
    assert nxt.outline.numbering == this.outline.numbering


@pytest.mark.parametrize("name", EXAMPLES)
def test_rolling_is_idempotent(name):
    assert rolled(name).document.dumps() == rolled(name).document.dumps()


@pytest.mark.parametrize("name", EXAMPLES)
def test_nothing_is_lost_and_comments_are_kept(name):
    source = yamlio.load(ROOT / "examples" / f"{name}.yaml")
    text = rolled(name).document.dumps()
    nxt = yamlio.loads(text, Path("next.yaml")).data
    for (sid, *rest), value in leaves(source.data.get("answers") or {}):
        if "previous_year" in rest or sid == "previous_followup":
            continue  # two years back, or last year's follow-up: not carried on purpose
        here = nxt["answers"].get(sid) or {}
        found = [v for _, v in leaves(here)]
        if sid in ("problems", "plans"):
            found += [v for _, v in leaves(nxt["answers"].get("previous_followup") or {})]
        advanced = isinstance(value, int) and value + 1 in found  # a yearly ordinal (第34个 → 第35个)
        found += [carried.without_marks(v) for v in found if isinstance(v, str)]  # own text, marked for review
        assert advanced or value in found or str(value) in map(str, found), (sid, rest, value)
    original_comments = [line.strip() for line in (ROOT / "examples" / f"{name}.yaml").read_text(encoding="utf-8").splitlines()
                         if line.strip().startswith("#")]
    for comment in original_comments:
        assert comment in text, comment


def test_numbers_become_last_years_and_stable_facts_carry():
    data = yamlio.loads(rolled("liaoyang-2023").document.dumps(), Path("x")).data
    accidents = data["answers"]["accidents"]
    assert "accidents" not in accidents and accidents["previous_year"]["accidents"] == 66
    assert accidents["previous_year"]["deaths"] == 68
    kunshan = yamlio.loads(rolled("kunshan-2023").document.dumps(), Path("x")).data["answers"]
    assert kunshan["legality_review"]["adviser_teams"] == 1  # stable: carried
    assert kunshan["penalties"]["previous_year"]["system_amount"] == 2590.69


def test_yearly_ordinal_advances():
    data = yamlio.loads(rolled("qidong-2021").document.dumps(), Path("x")).data
    assert data["answers"]["themed_campaigns"]["local_month_ordinal"] == 35


def test_problems_and_plans_become_the_followup_checklist():
    text = rolled("kunshan-2023").document.dumps()
    data = yamlio.loads(text, Path("x")).data
    followup = data["answers"]["previous_followup"]
    assert [i["problem"] for i in followup["items"]] == ["执法队伍专业能力不足", "执法的法治化、规范化、专业化有待强化", "行政执法案卷质量不高"]
    assert len(followup["plans"]) == 5 and followup["plans"][0]["plan"].startswith("建立监管长效机制")
    heading = next(p["heading"] for p in data["outline"]["parts"] if "previous_followup" in p.get("sections", []))
    assert heading == "2023年法治政府建设存在问题的整改情况"
    parts = [p.get("heading") for p in data["outline"]["parts"]]
    assert parts.index(heading) == parts.index("存在的不足和原因") - 1


def test_year_bound_wording_and_periods():
    data = yamlio.loads(rolled("futian-2023").document.dumps(), Path("x")).data
    intro = data["answers"]["intro"]
    assert "二十届二中、三中全会精神" in intro["guiding"]
    assert intro["outline_start"] == 2021
    assert "# 按 2024 年的提法自动填写" in rolled("futian-2023").document.dumps()


def test_a_year_without_data_gives_a_warning_not_a_guess(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text((ROOT / "examples" / "futian-2023.yaml").read_text(encoding="utf-8").replace("year: 2023", "year: 2026"),
                    encoding="utf-8")
    result = roll_forward(yamlio.load(path), ONTOLOGY)
    assert any("2027 年指导思想提法" in w for w in result.warnings)
    assert any("纲要" in w for w in result.warnings)
    intro = yamlio.loads(result.document.dumps(), Path("x")).data["answers"]["intro"]
    assert "guiding" not in intro


def test_2026_wording_and_periods_come_from_the_calendar(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text((ROOT / "examples" / "futian-2023.yaml").read_text(encoding="utf-8").replace("year: 2023", "year: 2025"),
                    encoding="utf-8")
    result = roll_forward(yamlio.load(path), ONTOLOGY)
    intro = yamlio.loads(result.document.dumps(), Path("x")).data["answers"]["intro"]
    assert "二十大和二十届历次全会精神" in intro["guiding"]
    assert not any("指导思想提法" in w or "普法规划" in w for w in result.warnings)
    from drafter.yearly import period
    assert period(ONTOLOGY, "pufa", 2026)["name"] == "九五"
    assert period(ONTOLOGY, "plan", 2026)["name"] == "十五五"
    assert period(ONTOLOGY, "gangyao", 2026) is None  # the next 纲要 is not certain: absent


def test_headings_with_year_bound_wording_are_flagged():
    result = rolled("futian-2023")
    text = result.document.dumps()
    flagged = [w for w in result.warnings if "随年度变化的提法" in w]
    assert flagged and "二十大精神" in flagged[0]
    assert "含随年度变化的提法“二十大精神”，请按 2024 年的提法核对" in text
    plain = rolled("liaoyang-2023")
    assert not any("随年度变化的提法" in w for w in plain.warnings)


def test_headings_and_title_years_move_on():
    futian = yamlio.loads(rolled("futian-2023").document.dumps(), Path("x")).data
    headings = [p.get("heading") for p in futian["outline"]["parts"]]
    assert "2023年法治政府建设中存在问题的改进情况" in headings
    assert futian["report"]["title"] == "福田区应急管理局2024年法治政府建设年度报告"
    liaoyang = yamlio.loads(rolled("liaoyang-2023").document.dumps(), Path("x")).data
    assert "2025年工作安排" in [p.get("heading") for p in liaoyang["outline"]["parts"]]


def test_two_years_in_a_row_keep_the_chain(tmp_path):
    first = rolled("kunshan-2023")
    y24 = tmp_path / "k-2024.yaml"
    first.document.save(y24)
    doc = yamlio.load(y24)
    doc.data["answers"]["penalties"]["system_cases"] = 900
    doc.data["answers"]["problems"] = {"items": [{"title": "基层执法力量薄弱", "detail": "区镇执法人员不足"}]}
    doc.save()
    second = roll_forward(yamlio.load(y24), ONTOLOGY)
    data = yamlio.loads(second.document.dumps(), Path("x")).data
    assert data["report"]["year"] == 2025
    assert data["answers"]["penalties"]["previous_year"]["system_cases"] == 900  # 2024's, not 2023's 861
    assert [i["problem"] for i in data["answers"]["previous_followup"]["items"]] == ["基层执法力量薄弱"]
    headings = [p.get("heading") for p in data["outline"]["parts"]]
    assert "2024年法治政府建设存在问题的整改情况" in headings and sum("整改情况" in (h or "") for h in headings) == 1


@pytest.mark.slow
def test_next_command(tmp_path):
    source = tmp_path / "kunshan-2023.yaml"
    source.write_text((ROOT / "examples" / "kunshan-2023.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_drafter("next", str(source))
    assert result.returncode == 0, result.stderr
    out = tmp_path / "kunshan-2024.yaml"
    assert out.exists() and "已起草 2024 年答案文件" in result.stdout
    again = run_drafter("next", str(source))
    assert again.returncode != 0 and "已存在" in again.stderr and "--force" in again.stderr
    assert run_drafter("next", str(source), "--force").returncode == 0
    built = run_drafter("build", str(out), "-o", str(tmp_path / "k.md"))
    assert built.returncode == 0
    text = (tmp_path / "k.md").read_text(encoding="utf-8")
    assert "2024年" in text and not re.search(r"2023年(?!法治政府建设存在问题)", text)
