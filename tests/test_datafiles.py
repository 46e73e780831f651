"""The data tables (sections/_*.yaml) have one loader, drafter.datafiles: found in the
ontology in use, read safely, a broken one said in one located Chinese line, kept until the
file changes."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from drafter import datafiles, facts, ontology, rollup, shapes
from drafter.check import data as check_data
from drafter.errors import DrafterError
from drafter.readers import furniture
from tests.conftest import ROOT, run_drafter

SECTIONS = ROOT / "sections"
TABLES = sorted(p.name for p in SECTIONS.glob("_*.yaml"))


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """A user cache of the test's own: what one test keeps never serves another."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("DRAFTER_NO_CACHE", raising=False)


@pytest.fixture
def copied(tmp_path, monkeypatch) -> Path:
    """A copy of the real ontology, in use (DRAFTER_SECTIONS)."""
    root = tmp_path / "sections"
    shutil.copytree(SECTIONS, root)
    monkeypatch.setenv("DRAFTER_SECTIONS", str(root))
    return root


@pytest.fixture
def parsed(monkeypatch) -> list[Path]:
    """The table files datafiles parses from here on."""
    seen: list[Path] = []
    parse = datafiles._parse

    def spy(path, what):
        seen.append(Path(path))
        return parse(path, what)

    monkeypatch.setattr(datafiles, "_parse", spy)
    return seen


def edit(path: Path, old: str, new: str) -> None:
    """Change a file as an editor would, its time moved on (a coarse clock would not)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    before = path.stat().st_mtime_ns
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(before + 10**9,) * 2)


# ---------------------------------------------------------------- one loader


def test_every_table_is_known_to_the_loader():
    assert TABLES and set(TABLES) <= set(datafiles.TABLES), "a new sections/_*.yaml needs its name in datafiles.TABLES"


@pytest.mark.parametrize("name", TABLES)
def test_each_table_loads_as_plain_data(name, copied):
    loaded = datafiles.table(name)
    assert loaded == YAML(typ="safe").load((copied / name).read_text(encoding="utf-8"))
    assert datafiles.find(name) == copied / name  # the ontology in use, not the built-in one
    assert datafiles.table(name) is loaded  # kept: read once while the file stays as it is

    def plain(value) -> bool:
        if isinstance(value, dict):
            return type(value) is dict and all(plain(k) and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return type(value) is list and all(plain(v) for v in value)
        return value is None or type(value) in (str, int, float, bool) or value.__class__.__module__ == "datetime"

    assert plain(loaded)


def test_an_ontology_without_a_table_uses_the_built_in_one(tmp_path):
    assert datafiles.find("_check.yaml", tmp_path) == SECTIONS / "_check.yaml"
    assert datafiles.table("_check.yaml", tmp_path)["meetings"]
    # a table of the ontology's own sections is never borrowed
    assert datafiles.find("_rollup.yaml", tmp_path, builtin=False) == tmp_path / "_rollup.yaml"
    assert datafiles.table("_rollup.yaml", tmp_path, builtin=False, missing=None) is None
    with pytest.raises(DrafterError, match="找不到汇总规则表"):
        datafiles.table("_rollup.yaml", tmp_path, builtin=False)


def _read_by_facts(root: Path) -> None:
    facts.tables()
    facts.find("检查企业25家")


def _read_by_check(root: Path) -> None:
    check_data.tables()
    check_data.meeting_names("二十大")


def _read_by_furniture(root: Path) -> None:
    furniture.load()


def _read_by_shapes(root: Path) -> None:
    shapes.load_shapes(ontology.load(root))


def _read_by_rollup(root: Path) -> None:
    rollup.load_rules(ontology.load(root))


@pytest.mark.parametrize("name, reader", [
    ("_numbers.yaml", _read_by_facts),
    ("_check.yaml", _read_by_check),
    ("_furniture.yaml", _read_by_furniture),
    ("_shapes.yaml", _read_by_shapes),
    ("_rollup.yaml", _read_by_rollup),
])
def test_each_module_reads_its_table_through_the_loader(name, reader, copied, parsed):
    reader(copied)
    assert copied / name in parsed


# ---------------------------------------------------------------- a broken table


BROKEN = "broken: [一, 二\n"


@pytest.mark.parametrize("name", TABLES)
def test_a_broken_table_is_one_located_chinese_line(name, copied):
    path = copied / name
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines[:3], BROKEN.rstrip("\n"), "next: 1", *lines[3:]]) + "\n", encoding="utf-8")
    with pytest.raises(DrafterError) as err:
        datafiles.table(name)
    said = str(err.value)
    assert "\n" not in said and "Traceback" not in said
    assert err.value.location.file == str(path)
    assert err.value.location.line == 5 and err.value.location.column  # where the list should have ended
    assert said.startswith(f"{path}:5:")
    assert datafiles.TABLES[name] in said and not re.search(r"[A-Za-z]{4,}", said.split("：", 1)[1])


@pytest.mark.parametrize("text, line, words", [
    ("meetings:\n  二十大: 2022\n  二十大: 2022\n", 3, "两次"),  # a key twice
    ("meetings:\n  二十大: 2022\nguiding_marks: [为指引\x01]\n", 3, "不允许的字符（U+0001）"),
    ("- 二十大\n- 十九大\n", 1, "应为键值表"),
])
def test_other_broken_tables_say_where(text, line, words, copied):
    (copied / "_check.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DrafterError) as err:
        datafiles.table("_check.yaml")
    assert words in str(err.value) and err.value.location.line == line and "\n" not in str(err.value)


def test_check_with_a_broken_table_says_so_in_one_line(copied, tmp_path):
    path = copied / "_check.yaml"
    path.write_text(path.read_text(encoding="utf-8") + BROKEN, encoding="utf-8")
    line = path.read_text(encoding="utf-8").count("\n") + 1
    env = {**os.environ, "DRAFTER_SECTIONS": str(copied), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = run_drafter("check", str(ROOT / "examples" / "kunshan-2023.yaml"), env=env)
    said = result.stderr.strip()
    assert result.returncode != 0 and "Traceback" not in said and said.count("\n") == 0, said
    assert f"{path}:{line}:" in said and "检查规则表格式错误" in said


# ---------------------------------------------------------------- the cache follows the file


def test_an_edited_table_is_read_again(copied, parsed):
    path = copied / "_check.yaml"
    assert "二十二大" not in datafiles.table("_check.yaml")["meetings"]
    assert datafiles.table("_check.yaml")["meetings"] and parsed == [path]  # once while unchanged
    edit(path, "meetings:\n", "meetings:\n  二十二大: 2032\n")
    assert datafiles.table("_check.yaml")["meetings"]["二十二大"] == 2032
    assert parsed == [path, path]


def test_the_user_cache_keeps_a_table_and_follows_an_edit(copied, parsed, monkeypatch):
    path = copied / "_numbers.yaml"
    first = datafiles.table("_numbers.yaml")
    monkeypatch.setattr(datafiles, "_READ", {})  # as a new process starts
    again = datafiles.table("_numbers.yaml")
    assert again == first and again is not first and parsed == [path]  # from the user cache
    edit(path, "measure_words: [", "measure_words: [\n  盏,")
    monkeypatch.setattr(datafiles, "_READ", {})
    assert "盏" in datafiles.table("_numbers.yaml")["measure_words"] and parsed == [path, path]


def test_what_a_module_compiles_follows_an_edit(copied):
    assert check_data.meeting_names("学习贯彻党的二十二大精神") == []
    edit(copied / "_check.yaml", "meetings:\n", "meetings:\n  二十二大: 2032\n")
    assert check_data.meeting_names("学习贯彻党的二十二大精神") == ["二十二大"]
    assert not furniture.load().is_furniture("新栏目：测试")
    edit(copied / "_furniture.yaml", "labels:", "labels:\n  - 新栏目\n")
    assert furniture.load().is_furniture("新栏目：测试")


def test_a_table_added_to_the_ontology_is_found(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_SECTIONS", str(tmp_path))
    assert datafiles.find("_check.yaml") == SECTIONS / "_check.yaml"
    (tmp_path / "_check.yaml").write_text("meetings:\n  二十二大: 2032\n", encoding="utf-8")
    assert datafiles.table("_check.yaml") == {"meetings": {"二十二大": 2032}}
