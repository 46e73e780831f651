"""The real ontology in sections/ and its templates, exercised field by field."""
import re

import pytest

from drafter import compose as compose_mod
from drafter.answers import Answers, Outline, Part, ReportMeta, SectionRef
from drafter.ontology import load
from tests.support.synthetic import marker_of, value_for

ONTOLOGY = load()
SECTIONS = [s for a in ONTOLOGY.areas for s in a.sections]
JUNK = [
    (re.compile(r"None|none|\{\{|\}\}|\{%"), "leaked template or None"),
    (re.compile(r"[，、；：]{2,}|[，、；]。|。[，、；。]"), "broken punctuation"),
    (re.compile(r"(?<![\d.])0(次|场|件|起|家|人|名|个|份|条|项)"), "a zero count"),
    (re.compile(r"[一二三四五六七八九十]是。"), "an empty enumeration item"),
]


def render(section, values, previous=None):
    answers = Answers(
        path=None,
        meta=ReportMeta(issuer="测试市应急管理局", year=2023, region="全市"),
        outline=Outline(parts=[Part(heading="测试", sections=[SectionRef(section.id)])]),
        values={section.id: {f.id: values.get(f.id) for f in section.fields}},
        previous={section.id: previous or {}},
    )
    result = compose_mod.compose(answers, ONTOLOGY)
    return "\n".join(
        (getattr(b, "text", "") or "") + (getattr(b, "body", None) or "") for b in result.document.blocks
    )


def assert_clean(text):
    for pattern, what in JUNK:
        match = pattern.search(text)
        assert not match, f"{what}: …{text[max(0, match.start() - 20):match.end() + 20]}…"


def test_every_required_content_is_served():
    served = {c for s in SECTIONS for c in s.serves}
    assert served == set(ONTOLOGY.contents)


def test_field_ids_and_prompts():
    for s in SECTIONS:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", s.id)
        for f in s.fields:
            assert re.fullmatch(r"[a-z][a-z0-9_]*", f.id), (s.id, f.id)
            assert re.search(r"[\u4e00-\u9fff]", f.prompt), (s.id, f.id)


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.id)
def test_all_fields_filled_render_cleanly(section):
    values = {f.id: value_for(f) for f in section.fields}
    text = render(section, values)
    assert text.strip()
    assert_clean(text)


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.id)
def test_each_field_alone_appears_in_the_prose(section):
    for spec in section.fields:
        value = value_for(spec)
        marker = marker_of(spec, value)
        values = {spec.id: value}
        # a qualifier (requires: [...]) is only said next to the fact it qualifies
        values.update({r: value_for(section.field(r)) for r in spec.requires[:1]})
        text = render(section, values)
        assert_clean(text)
        if marker is not None:
            assert marker in text, f"{section.id}.{spec.id} filled alone does not appear: {text!r}"


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.id)
def test_fields_worth_comparing_are_compared_when_last_year_is_known(section):
    for spec in section.fields:
        if not (spec.compare and spec.type in ("count", "money", "number", "percent")):
            continue
        values = {spec.id: 120}
        values.update({r: value_for(section.field(r)) for r in spec.requires[:1]})
        text = render(section, values, previous={spec.id: 100})
        assert_clean(text)
        assert "同比增加20" in text, f"{section.id}.{spec.id}: no year-on-year phrase in {text!r}"


def _tiny_ontology(tmp_path, cues_yaml):
    from drafter import ontology as ontology_mod

    sections, templates = tmp_path / "sections", tmp_path / "templates"
    (templates / "area").mkdir(parents=True)
    sections.mkdir()
    (templates / "area" / "one.j2").write_text("{{ n }}", encoding="utf-8")
    (sections / "_contents.yaml").write_text("contents:\n  measures: 主要举措\n", encoding="utf-8")
    (sections / "area.yaml").write_text(
        "area: area\nsections:\n  - id: one\n    heading: 一节\n    summary: 一节\n    serves: [measures]\n"
        f"{cues_yaml}    fields:\n      - id: n\n        type: count\n        unit: 次\n        prompt: 次数\n",
        encoding="utf-8")
    return ontology_mod.load(sections, templates)


def test_cues_are_read_as_a_list_of_words(tmp_path):
    onto = _tiny_ontology(tmp_path, "    cues: [应急响应, ' 防汛 ']\n")
    assert onto.section("one").cues == ["应急响应", "防汛"]
    assert _tiny_ontology(tmp_path / "b", "").section("one").cues == []


@pytest.mark.parametrize("bad", ["应急响应", "[应急响应, '']", "[{a: 1}]", "[防汛, 防汛]"])
def test_malformed_cues_are_a_located_chinese_error(tmp_path, bad):
    from drafter.errors import DrafterError

    with pytest.raises(DrafterError) as info:
        _tiny_ontology(tmp_path, f"    cues: {bad}\n")
    assert "cues" in str(info.value) and "area.yaml" in str(info.value)


def test_every_section_has_cues_of_short_words():
    for s in SECTIONS:
        assert s.cues, s.id
        for cue in s.cues:
            assert 1 < len(cue) <= 12 and re.search(r"[\u4e00-\u9fff]", cue), (s.id, cue)
