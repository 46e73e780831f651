"""The JSON Schema of the answers file (drafter schema): what editors check while a clerk types.

The schema must reject whatever drafter's own reader rejects (bar the located checks listed in
drafter/schema.py's docstring), and accept every example."""
from __future__ import annotations

import copy
import datetime as dt
import io
import json
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from drafter import answers as answers_mod
from drafter import schema, yamlio
from drafter.errors import DrafterError
from drafter.ontology import load
from tests.conftest import run_drafter

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "schema" / schema.FILE_NAME
ONTOLOGY = load()
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


GENERATED = schema.generate(ONTOLOGY)


class _Validator:
    """The schema's validator, short in failure reports (the schema is half a megabyte)."""

    def __init__(self, schema_: dict):
        self._validator = jsonschema.Draft7Validator(schema_)

    def iter_errors(self, data):
        return self._validator.iter_errors(data)

    def __repr__(self) -> str:
        return "<drafter schema validator>"


@pytest.fixture(scope="module")
def generated():
    return GENERATED


@pytest.fixture(scope="module")
def validator(generated):
    jsonschema.Draft7Validator.check_schema(generated)
    return _Validator(generated)


def as_editor_sees(value):
    """YAML data as the YAML language server hands it to the schema: dates and `=` are text."""
    if isinstance(value, dict):
        return {str(k): as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_editor_sees(v) for v in value]
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if not isinstance(value, str) and hasattr(value, "value"):  # a tagged scalar, such as a bare =
        return str(value.value)
    return str(value)


def drafter_accepts(text: str) -> str | None:
    """None when drafter reads the file, else its message."""
    try:
        answers_mod.from_document(yamlio.loads(text, Path("t.yaml")), ONTOLOGY)
    except DrafterError as exc:
        return str(exc)
    return None


def schema_errors(validator, text: str) -> list[str]:
    data = as_editor_sees(yamlio.loads(text, Path("t.yaml")).data)
    return [e.message for e in validator.iter_errors(data)]


def dump(data) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def test_committed_schema_is_current(generated):
    assert COMMITTED.is_file(), "run: python -m drafter schema -o schema/drafter.schema.json"
    assert json.loads(COMMITTED.read_text(encoding="utf-8")) == generated, (
        "schema/drafter.schema.json is stale: run python -m drafter schema -o schema/drafter.schema.json")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_names_the_schema_and_validates(path, validator):
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == f"{schema.MODELINE}../schema/{schema.FILE_NAME}"
    assert (path.parent / first.removeprefix(schema.MODELINE)).resolve() == COMMITTED.resolve()
    assert drafter_accepts(text) is None
    assert schema_errors(validator, text) == []


def _base() -> dict:
    return as_editor_sees(yamlio.load(ROOT / "examples" / "kunshan-2023.yaml").data)


def _first(kind: str) -> tuple[str, str, object]:
    for sid, section in ONTOLOGY.sections.items():
        for spec in section.fields:
            if spec.type == kind:
                return sid, spec.id, spec
    raise AssertionError(kind)


def _set(data, sid, key, value):
    data.setdefault("answers", {}).setdefault(sid, {})
    data["answers"][sid] = dict(data["answers"][sid] or {})
    data["answers"][sid][key] = value


def _field(kind, value):
    def change(data):
        sid, fid, _ = _first(kind)
        _set(data, sid, fid, value)
    return change


def _record_with_unknown_subfield(data):
    sid, fid, spec = _first("records")
    _set(data, sid, fid, [{spec.fields[0].id: "x", "not_a_subfield": 1}])


def _outline_entry(value):
    def change(data):
        data["outline"]["parts"][0]["sections"] = [value]
    return change


def _unused(data, n: int) -> str:
    """The n-th section of the ontology that the outline does not list."""
    listed = json.dumps(data["outline"], ensure_ascii=False)
    return [sid for sid in ONTOLOGY.sections if f'"{sid}"' not in listed][n]


BAD = {
    "issuer missing": lambda d: d["report"].pop("issuer"),
    "year missing": lambda d: d["report"].pop("year"),
    "year in words": lambda d: d["report"].update(year="二〇二三"),
    "year out of range": lambda d: d["report"].update(year=1800),
    "unknown top-level key": lambda d: d.update(anwsers={}),
    "unknown report key": lambda d: d["report"].update(isuer="x"),
    "addressee on two lines": lambda d: d["report"].update(addressee="市委\n市政府"),
    "bad date": lambda d: d["report"].update(date="明年"),
    "numbering": lambda d: d["outline"].update(numbering="连续"),
    "no parts": lambda d: d["outline"].update(parts=[]),
    "unknown outline section": _outline_entry("penaltie"),
    "own section without heading": _outline_entry("own_形势"),
    "part style": lambda d: d["outline"]["parts"][0].update(style="bullets"),
    "attachment kind": lambda d: d["outline"].update(attachments=["photos"]),
    "unknown answers section": lambda d: d["answers"].update(penaltys={}),
    "unknown field": lambda d: _set(d, "penalties", "system_case", 3),
    "section is a list": lambda d: d["answers"].update(penalties=[1, 2]),
    "negative count": lambda d: _set(d, "penalties", "system_cases", -3),
    "count in words": lambda d: _set(d, "penalties", "system_cases", "八百件"),
    "count with decimals": lambda d: _set(d, "penalties", "system_cases", 3.5),
    "money with 万 in 万元": lambda d: _set(d, "penalties", "system_amount", "1.1万"),
    "negative money": lambda d: _set(d, "penalties", "system_amount", -1.5),
    "percent as text": _field("percent", "九成"),
    "choice not offered": _field("choice", "不存在的选项"),
    "multichoice not offered": _field("multichoice", ["不存在的选项"]),
    "flag neither yes nor no": _field("flag", "也许"),
    "flag as number": _field("flag", 1),
    "items as a mapping": _field("items", {"a": 1}),
    "records with unknown sub-field": _record_with_unknown_subfield,
    "record not a mapping": _field("records", ["一条文字"]),
    "fact without unit": lambda d: _set(d, "penalties", "facts", {"听证会": 24}),
    "fact that is not a number": lambda d: _set(d, "penalties", "facts", {"听证会": "若干场"}),
    "fact with a unit only": lambda d: _set(d, "penalties", "facts", {"听证会": "场"}),
    "full-width = is not =": lambda d: (_set(d, "penalties", "system_cases", "＝"),
                                        _set(d, "penalties", "previous_year", {"system_cases": 790})),
    "fact with unknown unit": lambda d: _set(d, "penalties", "facts", {"听证会": {"value": 3, "unit": "斤"}}),
    "fact with unknown key": lambda d: _set(d, "penalties", "facts", {"听证会": {"value": 3, "unit": "场", "lable": "x"}}),
    "fact name with a brace": lambda d: _set(d, "penalties", "facts", {"听{证": "3场"}),
    "previous_year inside previous_year": lambda d: _set(d, "penalties", "previous_year", {"previous_year": {}}),
    "own section with a typed field": lambda d: (d["outline"]["parts"][0]["sections"].append({"id": "own_x", "heading": "甲"}),
                                                 d["answers"].update(own_x={"system_cases": 3})),
}


@pytest.mark.slow  # 39 cases, each reading and validating a whole report
@pytest.mark.parametrize("name", list(BAD))
def test_what_drafter_rejects_the_schema_rejects(name, validator):
    data = _base()
    BAD[name](data)
    text = dump(data)
    assert drafter_accepts(text) is not None, f"drafter accepts the bad file ({name})"
    assert schema_errors(validator, text), f"the schema accepts what drafter rejects: {drafter_accepts(text)}"


GOOD = {
    "approximate and placeholder counts": lambda d: (_set(d, "penalties", "system_cases", "80余"),
                                                    _set(d, "penalties", "bureau_cases", "xx")),
    "money as text": lambda d: _set(d, "penalties", "system_amount", "约3"),
    "percent with its sign": _field("percent", "98.6%"),
    "same as last year": lambda d: (_set(d, "penalties", "system_cases", "="),
                                    _set(d, "penalties", "previous_year", {"system_cases": 790})),
    "own text and facts, short and long": lambda d: (
        _set(d, "penalties", "text", "立案{system_cases}，听证{听证会}，参考率{参考率}，响应{应急响应|同比}。"),
        _set(d, "penalties", "facts", {"听证会": "24场", "参考率": "98.6%", "罚款": "xx元", "培训": "3万余人次",
                                       "检查": "二十四次", "企业": "近3000家", "资金": "0.5 万元", "案件": "1,234件",
                                       "应急响应": {"value": 27, "unit": "次", "label": "启动应急响应次数", "compare": True}}),
        _set(d, "penalties", "previous_year", {"facts": {"应急响应": "20次"}})),
    "own section": lambda d: (d["outline"]["parts"][0]["sections"].append({"id": "own_形势", "heading": "安全形势平稳"}),
                              d["answers"].update(own_形势={"text": "全年发生事故{事故}。", "facts": {"事故": "3起"}})),
    "flag as 是": _field("flag", "是"),
    "empty values": lambda d: (_set(d, "penalties", "system_cases", None), _set(d, "penalties", "system_amount", "")),
    "year as text": lambda d: d["report"].update(year="2023"),
    "date in Chinese": lambda d: d["report"].update(date="2023年12月20日"),
    "group in the outline": lambda d: _outline_entry({"heading": "标题", "style": "enumerate",
                                                      "group": [_unused(d, 0), {"id": _unused(d, 1), "heading": "甲"}]})(d),
    "attachment with a title": lambda d: d["outline"].update(attachments=[{"kind": "statistics", "title": "附件"}]),
}


@pytest.mark.slow  # 12 cases, each reading and validating a whole report
@pytest.mark.parametrize("name", list(GOOD))
def test_what_drafter_accepts_the_schema_accepts(name, validator):
    data = _base()
    GOOD[name](data)
    text = dump(data)
    assert drafter_accepts(text) is None
    assert schema_errors(validator, text) == []


# What drafter rejects and the schema cannot: listed in drafter/schema.py's docstring and in
# the README. Should the schema learn one of them, this test fails: update both lists.
EXCEPTIONS = {
    "unknown slot in own text": lambda d: _set(d, "penalties", "text", "立案{不存在的事实}。"),
    "= without last year's value": lambda d: _set(d, "penalties", "system_cases", "="),
    "a section twice in the outline": lambda d: d["outline"]["parts"][0]["sections"].append(
        d["outline"]["parts"][0]["sections"][0]),
    "money with five decimals": lambda d: _set(d, "penalties", "system_amount", 1.23456),
    "a fact the number detector does not read as one": lambda d: _set(d, "penalties", "facts", {"听证会": "一场"}),
    "29 February of a common year": lambda d: d["report"].update(date="2023-02-29"),
    "more than a trillion as text": lambda d: _set(d, "penalties", "system_cases", "20000亿"),
}


@pytest.mark.slow  # each reads and validates a whole report
@pytest.mark.parametrize("name", list(EXCEPTIONS))
def test_documented_exceptions_are_left_to_drafter(name, validator):
    data = _base()
    EXCEPTIONS[name](data)
    text = dump(data)
    assert drafter_accepts(text) is not None
    assert schema_errors(validator, text) == []


def test_fields_carry_their_chinese_prompt_and_help(generated):
    penalties = generated["properties"]["answers"]["properties"]["penalties"]
    cases = penalties["properties"]["system_cases"]
    spec = ONTOLOGY.sections["penalties"].field("system_cases")
    assert cases["title"] == spec.prompt and "件" in cases["description"]
    assert penalties["title"] == ONTOLOGY.sections["penalties"].heading
    sid, fid, choice = _first("choice")
    ref = generated["properties"]["answers"]["properties"][sid]["properties"][fid]["allOf"][0]["$ref"]
    values = generated["definitions"][ref.rsplit("/", 1)[1]]
    assert {"type": "string", "enum": choice.options} in values["anyOf"]


def test_stamp_points_from_the_new_file_and_never_repeats(tmp_path):
    text = (ROOT / "examples" / "kunshan-2023.yaml").read_text(encoding="utf-8")
    out = tmp_path / "deeper" / "next.yaml"
    out.parent.mkdir()
    stamped = schema.stamp(text, out, ROOT / "examples" / "kunshan-2023.yaml")
    first = stamped.splitlines()[0]
    assert (out.parent / first.removeprefix(schema.MODELINE)).resolve() == COMMITTED.resolve()
    assert stamped.count(schema.MODELINE) == 1
    assert stamped.splitlines()[1:] == text.splitlines()[1:]
    web = f"{schema.MODELINE}https://example.org/drafter.schema.json\nreport: {{}}\n"
    assert schema.stamp(web, out) == web
    bare = "report:\n  issuer: 甲\n"
    assert schema.stamp(bare, out).splitlines()[1:] == bare.splitlines()


def test_drafter_next_writes_the_modeline(tmp_path):
    out = tmp_path / "next.yaml"
    result = run_drafter("next", str(ROOT / "examples" / "qinglan-2025.yaml"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    first = out.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(schema.MODELINE)
    assert (out.parent / first.removeprefix(schema.MODELINE)).resolve() == COMMITTED.resolve()
    assert out.read_text(encoding="utf-8").count(schema.MODELINE) == 1


def test_drafter_schema_command_writes_the_committed_schema(tmp_path):
    out = tmp_path / "s.json"
    result = run_drafter("schema", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(COMMITTED.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- property: value by value

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

MINIMAL = {"report": {"issuer": "甲县应急管理局", "year": 2025}, "outline": {"parts": [{"sections": ["penalties"]}]}}
_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10**13),
    st.floats(-10, 10**13, allow_nan=False, allow_infinity=False),
    st.text(alphabet="0123456789.-万亿余多近约xX%％=１２", max_size=8),
    st.sampled_from(["是", "否", "2023-12-20", "2023年12月20日", "2023-02-30", "明年", " ", "，", "80余", "3万余"]),
)
def _first_inside(kind: str) -> tuple[str, str, str]:
    """A sub-field of this type inside a records field."""
    for sid, section in ONTOLOGY.sections.items():
        for spec in section.fields:
            for sub in spec.fields:
                if sub.type == kind:
                    return sid, spec.id, sub.id
    raise AssertionError(kind)


_WHERE = [("penalties", "system_cases", None), ("penalties", "system_amount", None),
          *((*_first(kind)[:2], None) for kind in ("percent", "flag", "choice", "year", "date")),
          *(_first_inside(kind) for kind in ("number", "serial", "count"))]


@pytest.mark.slow  # 300 random values
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.sampled_from(_WHERE + [("report", key, None) for key in ("year", "date", "seal")]), value=_VALUES)
def test_any_value_drafter_rejects_the_schema_rejects(validator, where, value):
    data = copy.deepcopy(MINIMAL)
    section, key, sub = where
    if section == "report":
        data["report"][key] = value
    else:
        data["answers"] = {section: {key: [{sub: value}] if sub else value}}
    text = dump(data)
    if drafter_accepts(text) is not None and not _documented_exception(where, value):
        assert schema_errors(validator, text), (where, value, drafter_accepts(text))


def _documented_exception(where, value) -> bool:
    """What drafter/schema.py's docstring says the schema leaves to drafter."""
    money = where[:2] == ("penalties", "system_amount")
    if money and isinstance(value, float) and round(value, 4) != value:
        return True  # more than four decimals
    if isinstance(value, float) and value.is_integer() and _kind_at(where) in ("year", "serial"):
        return True  # 2024.0: JSON has one kind of number
    return where[0] != "report" and where[2] is None and isinstance(value, str) and value.strip() == "="


def _kind_at(where) -> str:
    section, key, sub = where
    if section == "report":
        return {"year": "year", "date": "date"}.get(key, "")
    spec = ONTOLOGY.sections[section].field(key)
    return spec.subfield(sub).type if sub else spec.type


def test_the_wizard_names_the_schema_in_a_new_file(tmp_path):
    from drafter.wizard.store import Store

    path = tmp_path / "新报告.yaml"
    Store.create(path, {"issuer": "甲县应急管理局", "year": 2025}, {"parts": [{"sections": ["intro"]}]}, "标题")
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert (path.parent / first.removeprefix(schema.MODELINE)).resolve() == COMMITTED.resolve()
