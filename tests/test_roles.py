"""Roles, not ids: the sections code treats in a way of their own (the opening, the closing,
problems, plans, the follow-up, other matters) are found by `role:` in the ontology. An
ontology that gives those sections other ids drafts, imports and rolls the same report."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from drafter import ontology as ontology_mod
from drafter.errors import DrafterError

ROOT = Path(__file__).resolve().parent.parent
RENAMED = {"intro": "kaitou", "previous_followup": "zhenggai", "problems": "buzu", "plans": "anpai",
           "closing": "jiewei", "other": "qita"}
WORD = "|".join(RENAMED)


def renamed_ontology(folder: Path) -> Path:
    """A copy of sections/ whose role sections carry other ids (and keep their templates)."""
    target = folder / "sections"
    shutil.copytree(ROOT / "sections", target)
    for path in target.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if not path.name.startswith("_"):
            text = re.sub(rf"(?m)^(  - id: )({WORD})\n", lambda m, stem=path.stem: f"{m[1]}{RENAMED[m[2]]}\n"
                          f"    template: {stem}/{m[2]}.j2\n", text)
        elif path.name == "_shapes.yaml":
            text = re.sub(rf"\[({WORD})\]", lambda m: f"[{RENAMED[m[1]]}]", text)
        elif path.name == "_import.yaml":
            text = re.sub(r"(?m)^whole_part_sections: \[(.*)\]$",
                          lambda m: "whole_part_sections: [" + ", ".join(RENAMED.get(s.strip(), s.strip())
                                                                         for s in m[1].split(",")) + "]", text)
            text = re.sub(rf"(?m)^  ({WORD}): \{{", lambda m: f"  {RENAMED[m[1]]}: {{", text)
        elif path.name == "_check.yaml":
            text = re.sub(rf"(?m)^(  - )({WORD})\.", lambda m: f"{m[1]}{RENAMED[m[2]]}.", text)
        path.write_text(text, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    real = ontology_mod.load()
    other = ontology_mod.load(renamed_ontology(tmp_path_factory.mktemp("renamed")), ROOT / "templates")
    return real, other


def test_each_role_is_held_by_one_section(both):
    real, other = both
    for role in ontology_mod.ROLES:
        assert real.role(role) is not None, role
        assert other.role_id(role) == RENAMED[real.role_id(role)]


def test_a_role_not_in_the_table_is_refused(tmp_path):
    target = renamed_ontology(tmp_path)
    review = target / "review.yaml"
    review.write_text(review.read_text(encoding="utf-8").replace("role: other", "role: others", 1), encoding="utf-8")
    with pytest.raises(DrafterError, match="role 只能是"):
        ontology_mod.load(target, ROOT / "templates")


REPORT = """\
某县应急管理局2024年法治政府建设年度报告

2024年，我局以法治思维统筹应急管理工作，依法履职水平稳步提升。现将有关情况报告如下：

一、主要举措和成效

（一）严格执法。全年检查生产经营单位216家，立案查处违法行为38起。

二、存在的不足和原因

一是执法人员专业能力不足，面对新业态办案经验少。二是普法宣传形式单一，针对企业的宣传不够。

三、下一年度工作安排

一是加强执法队伍培训，全年组织两轮以上业务轮训。二是创新普法形式，推动普法进企业进园区。

下一步，我局将坚持依法行政，为全县安全发展提供坚实的法治保障。

某县应急管理局
2024年12月25日
"""


def _import(tmp_path: Path, onto) -> str:
    from drafter.importer import import_file

    source = tmp_path / "报告.txt"
    source.write_text(REPORT, encoding="utf-8")
    return import_file(source, onto).text


def test_import_places_the_role_sections_by_role(both, tmp_path):
    real, other = both
    text_real, text_other = _import(tmp_path, real), _import(tmp_path, other)
    for old, new in RENAMED.items():
        text_real = re.sub(rf"\b{old}\b", new, text_real)
    assert text_other == text_real
    for new in ("kaitou", "buzu", "anpai"):
        assert re.search(rf"(?m)^  {new}:", text_other), new


def test_next_lists_problems_and_plans_under_the_followup_role(both, tmp_path):
    from drafter import yamlio
    from drafter.rollover import roll_forward

    _, other = both
    doc = yamlio.loads(_import(tmp_path, other), tmp_path / "a.yaml")
    rolled = roll_forward(doc, other).document.data
    followup = rolled["answers"]["zhenggai"]
    assert len(followup["items"]) == 2 and len(followup["plans"]) == 2
    assert any("zhenggai" in (p.get("sections") or []) for p in rolled["outline"]["parts"])

    from drafter import answers as answers_mod
    from drafter.wizard.missing import questions

    answers = answers_mod.from_document(yamlio.loads(roll_forward(doc, other).document.dumps(), tmp_path / "b.yaml"),
                                        other)
    asked = [q for q in questions(answers, other, set(), set()) if q.kind == "followup"]
    assert len(asked) == 4
