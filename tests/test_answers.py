import pytest

from drafter import answers, yamlio
from drafter.errors import DrafterError
from tests.conftest import DEMO_ANSWERS


def load_text(tmp_path, text, ontology):
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    return answers.load(path, ontology)


def error_of(tmp_path, text, ontology) -> DrafterError:
    with pytest.raises(DrafterError) as info:
        load_text(tmp_path, text, ontology)
    return info.value


def test_valid_file_loads(tmp_path, demo_ontology):
    a = load_text(tmp_path, DEMO_ANSWERS, demo_ontology)
    assert a.meta.issuer == "测试市应急管理局" and a.meta.year == 2023
    assert a.meta.display_title == "测试市应急管理局2023年法治政府建设年度报告"
    assert a.outline.numbering == "continuous" and a.outline.run_in
    assert a.values["enforcement"]["inspections"] == 2770
    assert a.values["enforcement"]["started"] is None
    assert a.previous["enforcement"]["inspections"] == 2500


def test_round_trip_keeps_the_file_byte_for_byte(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(DEMO_ANSWERS, encoding="utf-8")
    doc = yamlio.load(path)
    doc.save()
    assert path.read_text(encoding="utf-8") == DEMO_ANSWERS


def test_round_trip_keeps_other_indentation(tmp_path):
    text = "report:\n    issuer: 甲  # 注释\n    year: 2023\nlist:\n  - a\n  - b\n"
    path = tmp_path / "b.yaml"
    path.write_text(text, encoding="utf-8")
    yamlio.load(path).save()
    assert path.read_text(encoding="utf-8") == text


def test_wrong_type_names_file_line_column_and_field(tmp_path, demo_ontology):
    err = error_of(tmp_path, DEMO_ANSWERS.replace("inspections: 2770", "inspections: 很多次"), demo_ontology)
    text = str(err)
    assert err.location.line == 23 and err.location.column == 18
    assert "answers.enforcement.inspections" in text and "执法检查次数" in text and "a.yaml:23:18" in text


def test_negative_count(tmp_path, demo_ontology):
    err = error_of(tmp_path, DEMO_ANSWERS.replace("enterprises: 2479", "enterprises: -1"), demo_ontology)
    assert "负数" in err.message and err.location.field == "answers.enforcement.enterprises"


def test_unknown_key_suggests_the_closest(tmp_path, demo_ontology):
    err = error_of(tmp_path, DEMO_ANSWERS.replace("enterprises: 2479", "enterprize: 2479"), demo_ontology)
    assert "enterprize" in err.message and "是不是“enterprises”" in err.message
    assert err.location.line == 24 and err.location.column == 5


def test_unknown_section_in_outline(tmp_path, demo_ontology):
    err = error_of(tmp_path, DEMO_ANSWERS.replace("sections: [problems]", "sections: [problem]"), demo_ontology)
    assert "problem" in err.message and "是不是“problems”" in err.message
    assert err.location.field == "outline.parts[3].sections[1]"


def test_section_twice_in_outline(tmp_path, demo_ontology):
    err = error_of(tmp_path, DEMO_ANSWERS.replace("sections: [problems]", "sections: [problems, opening]"), demo_ontology)
    assert "两次" in err.message


def test_yaml_syntax_error_has_position(tmp_path, demo_ontology):
    err = error_of(tmp_path, DEMO_ANSWERS.replace("  region: 全市", "  region: [全市"), demo_ontology)
    assert "YAML 格式错误" in err.message and err.location.line is not None and err.location.column is not None


def test_duplicate_key_is_an_error(tmp_path, demo_ontology):
    err = error_of(tmp_path, DEMO_ANSWERS.replace("  region: 全市\n", "  region: 全市\n  region: 全县\n"), demo_ontology)
    assert "重复" in err.message and err.location.line == 5


def test_missing_year_and_bad_doc_number(tmp_path, demo_ontology):
    err = error_of(tmp_path, DEMO_ANSWERS.replace("  year: 2023\n", ""), demo_ontology)
    assert "year" in err.message
    err = error_of(tmp_path, DEMO_ANSWERS.replace("测应急〔2023〕5号", "测应急[2023]05号"), demo_ontology)
    assert "不加“0”" in err.message and err.location.field == "report.doc_number"
    fixed = load_text(tmp_path, DEMO_ANSWERS.replace("测应急〔2023〕5号", "测应急[2023]5号"), demo_ontology)
    assert fixed.meta.doc_number == "测应急〔2023〕5号"


def test_control_character_in_text(tmp_path, demo_ontology):
    err = error_of(tmp_path, DEMO_ANSWERS.replace("带头学法", "带头\\x1b学法").replace(
        "note: 主要负责人", 'note: "主要负责人').replace("学法\n  problems", '学法"\n  problems'), demo_ontology)
    assert "控制字符" in err.message and err.location.field == "answers.leaders.note"


def test_missing_and_empty_files(tmp_path, demo_ontology):
    with pytest.raises(DrafterError, match="找不到文件"):
        answers.load(tmp_path / "nope.yaml", demo_ontology)
    err = error_of(tmp_path, "", demo_ontology)
    assert "空" in err.message
    err = error_of(tmp_path, "- 1\n- 2\n", demo_ontology)
    assert "顶层" in err.message


def test_records_subfields_are_checked(tmp_path, demo_ontology):
    text = DEMO_ANSWERS.replace("    previous_year:", "    actions:\n      - name: 专项\n        checks: -2\n    previous_year:")
    err = error_of(tmp_path, text, demo_ontology)
    assert err.location.field == "answers.enforcement.actions[1].checks"


def test_atomic_write_keeps_modes(tmp_path):
    import os
    import stat

    new = tmp_path / "new.docx"
    yamlio.atomic_write_bytes(new, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~umask
    old = tmp_path / "old.yaml"
    old.write_text("a: 1\n")
    old.chmod(0o640)
    yamlio.atomic_write_text(old, "a: 2\n")
    assert stat.S_IMODE(old.stat().st_mode) == 0o640 and old.read_text() == "a: 2\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
