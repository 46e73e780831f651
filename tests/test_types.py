"""One table per kind (issue 19): a field type is one row of drafter.types.REGISTRY, and the
ontology, the answers file, the wizard, the schema, the statistics table, own text, check,
rollup and import all ask that row.

The 时长 type (duration) is the proof: it is one row of drafter/types.py and nothing else, and
a field of that type goes through every stage below in a copy of the fixture ontology."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from drafter import answers as answers_mod
from drafter import ontology as ontology_mod
from drafter import rollup, schema, types, yamlio
from drafter.check import rules
from drafter.compose import compose
from drafter.errors import DrafterError
from drafter.fields import FieldSpec, FieldValueError
from drafter.importer.typed import FieldMatcher
from drafter.wizard.questions import Asker
from drafter.writers.markdown import to_markdown
from tests.conftest import FIXTURE_ONTOLOGY
from tests.test_wizard import BACKSPACE, ENTER, drive

PACKAGE = Path(types.__file__).resolve().parent

RESPONSE = """\
      - id: response
        type: duration
        unit: 小时
        prompt: 平均响应时长
        compare: true
"""

ANSWERS = """\
report:
  issuer: 测试市应急管理局
  region: 全市
  year: 2023
outline:
  parts:
    - heading: 主要举措和成效
      sections: [enforcement]
  attachments: [statistics]
answers:
  enforcement:
    inspections: 2770
    response: {this_year}
    text: 全年执法检查{{inspections}}，平均响应时长{{response}}，{{response|同比}}。
    previous_year:
      inspections: 2500
      response: 2
"""


@pytest.fixture(scope="module")
def onto(tmp_path_factory):
    """The fixture ontology with one 时长 field in its 严格规范执法 section."""
    root = tmp_path_factory.mktemp("ontology")
    shutil.copytree(FIXTURE_ONTOLOGY, root, dirs_exist_ok=True)
    demo = root / "sections" / "demo.yaml"
    text = demo.read_text(encoding="utf-8")
    anchor = "      - id: completion\n"
    assert text.count(anchor) == 1
    demo.write_text(text.replace(anchor, RESPONSE + anchor), encoding="utf-8")
    return ontology_mod.load(root / "sections", root / "templates")


def loaded(onto, this_year: str = "150分钟") -> answers_mod.Answers:
    return answers_mod.from_document(yamlio.loads(ANSWERS.format(this_year=this_year), Path("report.yaml")), onto)


def response(onto) -> FieldSpec:
    return onto.sections["enforcement"].field("response")


# ---- the table --------------------------------------------------------------------------

def test_every_row_answers_every_question():
    for name, kind in types.REGISTRY.items():
        assert kind.name == name and kind.label
        assert kind.widget in types.WIDGETS
        spec = FieldSpec(id="x", type=name, prompt="问题", options=["甲"],
                         fields=[FieldSpec(id="y", type="text", prompt="子问题")])
        assert isinstance(kind.hint(spec), str)
        assert kind.schema(spec, lambda sub: {})  # at least one alternative
    assert not any(k.sums and not k.numeric for k in types.REGISTRY.values())  # what adds up is a figure


def test_the_ontology_knows_the_registrys_types_and_no_other(tmp_path):
    sections = tmp_path / "sections"
    shutil.copytree(FIXTURE_ONTOLOGY / "sections", sections)
    demo = sections / "demo.yaml"
    demo.write_text(demo.read_text(encoding="utf-8").replace("type: textblock", "type: essay"), encoding="utf-8")
    with pytest.raises(DrafterError) as caught:
        ontology_mod.load(sections, FIXTURE_ONTOLOGY / "templates")
    assert "未知的字段类型“essay”，可用：" + "、".join(types.REGISTRY) in str(caught.value)


def test_the_consumers_ask_the_table():
    figures = {name for name, kind in types.REGISTRY.items() if kind.numeric}
    assert set(rules.NUMERIC) == figures >= {"count", "money", "percent", "number", "duration"}
    assert {name for name, kind in types.REGISTRY.items() if kind.sums} == {"count", "money"}
    assert {name for name, kind in types.REGISTRY.items() if kind.imported} == {"count", "money", "percent"}


def test_a_new_type_is_one_row_of_types_py():
    """No other module of drafter names the 时长 type: adding it touched drafter/types.py only."""
    for path in PACKAGE.rglob("*.py"):
        if path.name != "types.py" or path.parent != PACKAGE:
            assert not re.search(r"duration|时长", path.read_text(encoding="utf-8")), path


# ---- 时长 (duration), through every stage -------------------------------------------------

@pytest.mark.parametrize("value, hours", [
    (2.5, 2.5), (3, 3), ("2.5小时", 2.5), ("2.5 小时", 2.5), ("150分钟", 2.5), ("2小时30分钟", 2.5),
    ("100分钟", 1.67), ("90分钟", 1.5), ("６０分钟", 1), ("80余小时", "80余"), ("xx", "xx"), ("xx小时", "xx"),
])
def test_a_duration_is_hours(value, hours):
    spec = FieldSpec(id="t", type="duration", prompt="时长")
    assert types.check(value, spec) == hours
    assert types.stated(spec, types.check(value, spec)) == f"{hours}小时"


@pytest.mark.parametrize("value, message", [
    ("很久", "应为时长"), ("小时", "应为时长"), ("-2小时", "不能是负数"), (True, "应为数字"), ("半小时", "应为时长"),
])
def test_a_wrong_duration_is_refused_in_chinese(value, message):
    with pytest.raises(FieldValueError, match=message):
        types.check(value, FieldSpec(id="t", type="duration", prompt="时长"))


def test_the_answers_file_reads_a_duration_in_hours(onto):
    answers = loaded(onto)
    assert answers.values["enforcement"]["response"] == 2.5
    assert answers.previous["enforcement"]["response"] == 2
    with pytest.raises(DrafterError, match="应为时长"):
        loaded(onto, "很久")


def test_the_wizard_asks_a_duration_and_reads_minutes(onto):
    spec = response(onto)
    assert types.of(spec).widget == "scalar"
    assert types.of(spec).parse("150分钟", spec) == 2.5 and types.of(spec).parse("", spec) is None
    saved = []
    drive("很久" + ENTER + BACKSPACE * 2 + "2小时30分钟" + ENTER,
          lambda t: Asker(t).field(spec, None, 2, saved.append))
    assert saved == [2.5]


def test_the_schema_allows_what_the_file_allows(onto):
    generated = schema.generate(onto)
    jsonschema.Draft7Validator.check_schema(generated)
    field = generated["properties"]["answers"]["properties"]["enforcement"]["properties"]["response"]
    assert field["description"] == "类型：时长（单位：小时，如 2.5；也可写 2.5小时、150分钟）"  # the unit said once
    value = {"definitions": generated["definitions"], **field}
    for good in (2.5, "2.5小时", "150分钟", "2小时30分钟", "xx", "80余小时", "=", None):
        jsonschema.validate(good, value)
    for bad in ("很久", -1, "2.5天", True):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, value)


def test_statistics_and_own_text_state_and_compare_it(onto):
    answers = loaded(onto)
    document = compose(answers, onto).document
    (table,) = document.attachments[0].blocks
    assert ["2", "", "平均响应时长", "2.5小时", "2小时", "增加0.5小时，上升25%"] in table.rows
    markdown = to_markdown(document)
    assert "平均响应时长2.5小时，同比增加0.5小时，上升25%。" in markdown


def test_check_counts_a_duration_as_a_number(onto):
    assert "duration" in rules.NUMERIC
    matcher = FieldMatcher(onto.sections["enforcement"])
    assert "response" not in [f.id for f in matcher.fields]  # the number detector finds no 时长 of its own


def test_rollup_does_not_add_up_durations(onto, tmp_path):
    copy = tmp_path / "ontology"
    shutil.copytree(onto.root.parent, copy)
    (copy / "sections" / "_rollup.yaml").write_text(
        "enforcement:\n  response: {districts: [response]}\n", encoding="utf-8")
    with pytest.raises(DrafterError, match=r"只能汇总本节的计数（count）或金额（money）字段"):
        rollup.load_rules(ontology_mod.load(copy / "sections", copy / "templates"))
