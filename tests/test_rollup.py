"""drafter rollup: a city with three districts."""
import pytest

from drafter import answers, yamlio
from drafter.errors import DrafterError
from drafter.rollup import load_rules, rollup
from tests.conftest import run_drafter

OUTLINE = """\
outline:
  parts:
    - heading: 严格规范执法
      sections: [inspection_plan, penalties]
"""
CITY = """\
report:
  issuer: 某市应急管理局
  year: 2024
""" + OUTLINE + """\
answers:
  penalties:
    bureau_cases: 50        # 市局本级
    bureau_amount: 100.5
    system_amount: 999      # 手工填写
"""


def district(name: str, penalties: str, inspection: str = "") -> str:
    text = f"report:\n  issuer: {name}应急管理局\n  year: 2024\n{OUTLINE}answers:\n  penalties:\n{penalties}"
    return text + (f"  inspection_plan:\n{inspection}" if inspection else "")


DISTRICTS = {
    "a": district("甲区", "    system_cases: 30\n    system_amount: 20.25\n",
                  "    system_inspections: 100\n    system_firms: 80\n"),
    "b": district("乙区", "    bureau_cases: 20\n    bureau_amount: 10.1\n",
                  "    bureau_inspections: 50\n    system_firms: 40\n"),
    "c": district("丙区", "    system_cases: 10\n", "    system_inspections: 80余\n"),
}


@pytest.fixture
def files(tmp_path):
    city = tmp_path / "city.yaml"
    city.write_text(CITY, encoding="utf-8")
    paths = []
    for key, text in DISTRICTS.items():
        path = tmp_path / f"{key}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return city, paths


def values(path, ontology, section="penalties"):
    return answers.load(path, ontology).values[section]


def test_rules_are_data_and_name_summable_fields(real_ontology):
    rules = {(r.section, r.field): r for r in load_rules(real_ontology)}
    assert rules[("penalties", "system_cases")].districts == ["system_cases", "bureau_cases"]
    assert rules[("penalties", "system_amount")].money


def test_complete_sums_are_filled_incomplete_ones_shown_hand_values_kept(files, real_ontology):
    city, districts = files
    sums, written = rollup(city, districts, real_ontology)
    by_field = {s.rule.field: s for s in sums}
    assert written == 1
    cases = by_field["system_cases"]
    assert cases.outcome == "filled" and cases.total == 110
    assert [who for who, _ in cases.parts] == ["某市本级", "甲区", "乙区", "丙区"]
    assert by_field["system_amount"].outcome == "incomplete" and by_field["system_amount"].missing == ["丙区"]
    assert by_field["system_inspections"].missing == ["某市本级"]
    assert by_field["system_inspections"].inexact == [("丙区", "80余")]
    assert by_field["key_firms_system"].outcome == "incomplete"

    text = city.read_text(encoding="utf-8")
    assert "# 市局本级" in text and "# 手工填写" in text  # the clerk's comments stay
    assert values(city, real_ontology)["system_cases"] == 110
    assert values(city, real_ontology)["system_amount"] == 999


def test_a_hand_value_needs_force_and_our_own_sums_follow_the_districts(files, real_ontology):
    city, districts = files
    districts[2].write_text(DISTRICTS["c"].replace("    system_cases: 10\n", "    system_cases: 10\n    system_amount: 5\n"),
                            encoding="utf-8")
    sums, _ = rollup(city, districts, real_ontology)
    amount = next(s for s in sums if s.rule.field == "system_amount")
    assert amount.outcome == "kept" and amount.total == 135.85
    assert values(city, real_ontology)["system_amount"] == 999

    rollup(city, districts, real_ontology, force=True)
    assert values(city, real_ontology)["system_amount"] == 135.85

    districts[0].write_text(DISTRICTS["a"].replace("system_cases: 30", "system_cases: 31"), encoding="utf-8")
    rollup(city, districts, real_ontology)  # system_cases was ours: it follows without --force
    assert values(city, real_ontology)["system_cases"] == 111

    edited = city.read_text(encoding="utf-8").replace("system_cases: 111", "system_cases: 200")
    city.write_text(edited, encoding="utf-8")  # the clerk corrects it by hand, comment left in place
    sums, _ = rollup(city, districts, real_ontology)
    assert next(s for s in sums if s.rule.field == "system_cases").outcome == "kept"
    assert values(city, real_ontology)["system_cases"] == 200


def test_a_district_of_another_year_is_refused_and_nothing_changes(files, real_ontology):
    city, districts = files
    districts[1].write_text(DISTRICTS["b"].replace("year: 2024", "year: 2023"), encoding="utf-8")
    before = city.read_bytes()
    with pytest.raises(DrafterError) as exc:
        rollup(city, districts, real_ontology)
    assert "年度" in str(exc.value) and str(districts[1]) in str(exc.value)
    assert city.read_bytes() == before


def test_rollup_command_shows_each_sum(files, tmp_path):
    city, _ = files
    result = run_drafter("rollup", str(city), str(tmp_path))  # a folder: the city's own file is skipped
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "penalties.system_cases" in out and "合计 110件" in out and "已填入" in out
    assert "缺 丙区" in out and "未覆盖" not in out and "已更新" in out
    assert yamlio.load(city).data["answers"]["penalties"]["system_cases"] == 110


def test_large_sums_are_written_and_shown_in_full(files, real_ontology):
    from drafter.rollup import _number

    assert _number(1234567) == "1234567" and _number(2590.69) == "2590.69" and _number(135.0) == "135"
    city, districts = files
    districts[0].write_text(DISTRICTS["a"].replace("system_cases: 30", "system_cases: 1234567"), encoding="utf-8")
    rollup(city, districts, real_ontology)
    assert "= 1234647" in city.read_text(encoding="utf-8")
    assert values(city, real_ontology)["system_cases"] == 1234647
