import re

import pytest
from jinja2.exceptions import SecurityError

from drafter import answers, render
from drafter.compose import compose
from drafter.errors import DrafterError
from tests.conftest import DEMO_ANSWERS


def composed(tmp_path, ontology, text=DEMO_ANSWERS):
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    return compose(answers.load(path, ontology), ontology)


def test_template_syntax_in_answers_is_printed_literally(tmp_path, demo_ontology):
    text = DEMO_ANSWERS.replace("深度融合完成四项执法行动", "'{{ 7*7 }}{% raw %}'")
    doc = composed(tmp_path, demo_ontology, text).document
    body = "\n".join(getattr(b, "text", "") + (getattr(b, "body", None) or "") for b in doc.blocks)
    assert "{{ 7*7 }}{% raw %}" in body and "49" not in body


def test_sandbox_refuses_unsafe_attribute_access(tmp_path):
    (tmp_path / "bad.j2").write_text("{{ ''.__class__.__mro__ }}", encoding="utf-8")
    render.environment.cache_clear()
    try:
        with pytest.raises(SecurityError):
            render.render("bad.j2", {}, templates=tmp_path)
    finally:
        render.environment.cache_clear()


def test_undefined_name_in_a_template_is_a_located_error(tmp_path):
    (tmp_path / "typo.j2").write_text("第一行\n{{ inspectoins }}", encoding="utf-8")
    render.environment.cache_clear()
    try:
        with pytest.raises(DrafterError) as info:
            render.render("typo.j2", {}, templates=tmp_path)
        assert "inspectoins" in str(info.value) and "typo.j2" in str(info.value)
    finally:
        render.environment.cache_clear()


def test_empty_answers_leave_no_trace(tmp_path, demo_ontology):
    text = DEMO_ANSWERS.replace("    enterprises: 2479\n", "").replace("    fines: 2590.69\n", "")
    doc = composed(tmp_path, demo_ontology, text).document
    run_in = doc.blocks[2]
    assert run_in.body.startswith("制定《测试市应急管理局2023年度安全生产监督检查计划》。开展执法检查2770次，同比增加270次，上升10.8%。")
    for bad in ("None", "，，", "、。"):
        assert bad not in run_in.body
    assert not re.search(r"(?<![\d.])0[次家]", run_in.body)


def test_user_text_through_a_macro_is_escaped_once(tmp_path):
    from drafter.context import data
    from drafter.markup import parse

    (tmp_path / "m.j2").write_text(
        "{% macro show(t) %}【{{ t }}】{% endmacro %}{{ show(x) }}{{ x }}", encoding="utf-8")
    render.environment.cache_clear()
    try:
        text = render.render("m.j2", {"x": data("#1号 a\\\\b")}, templates=tmp_path)
    finally:
        render.environment.cache_clear()
    assert parse(text, 1)[0].text == "【#1号 a\\\\b】#1号 a\\\\b。"  # a paragraph ends as a sentence
