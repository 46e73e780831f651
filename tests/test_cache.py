"""The on-disk cache of the parsed ontology: used when nothing changed, missed when a file did."""
import os
import shutil
from pathlib import Path

from drafter import cache, ontology
from tests.conftest import FIXTURE_ONTOLOGY


def test_an_edited_section_file_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("DRAFTER_NO_CACHE", raising=False)
    root = tmp_path / "onto"
    shutil.copytree(FIXTURE_ONTOLOGY, root)
    sections, templates = root / "sections", root / "templates"

    first = ontology._load(sections, templates)
    assert list((tmp_path / "cache" / "drafter").glob("ontology-*.pickle"))
    ontology._load.cache_clear()
    again = ontology._load(sections, templates)  # from the cache file
    assert again is not first and again.sections.keys() == first.sections.keys()

    path = next(p for p in sections.glob("*.yaml") if not p.name.startswith("_"))
    text = path.read_text(encoding="utf-8")
    heading = first.sections[next(iter(first.sections))].heading
    path.write_text(text.replace(heading, heading + "（改）", 1), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_mtime_ns + 10**9,) * 2)
    ontology._load.cache_clear()
    edited = ontology._load(sections, templates)
    assert edited.sections[next(iter(edited.sections))].heading == heading + "（改）"
    ontology._load.cache_clear()


def test_a_broken_cache_file_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("DRAFTER_NO_CACHE", raising=False)
    (tmp_path / "drafter").mkdir()
    (tmp_path / "drafter" / "x-1.pickle").write_bytes(b"not a pickle")
    assert cache.get("x-1") is None
    cache.put("x-1", {"a": 1})
    assert cache.get("x-1") == {"a": 1}


def test_compiled_templates_follow_edits_in_one_process_and_the_next(tmp_path, monkeypatch):
    import os

    from drafter import render

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("DRAFTER_NO_CACHE", raising=False)
    folder = tmp_path / "templates"
    folder.mkdir()
    template = folder / "t.j2"
    template.write_text("甲{{ n }}", encoding="utf-8")
    render.environment.cache_clear()
    assert render.render("t.j2", {"n": 1}, folder) == "甲1"
    assert list((tmp_path / "cache" / "drafter").glob("templates-*.pickle"))  # kept for the next run

    template.write_text("乙乙{{ n }}", encoding="utf-8")
    os.utime(template, ns=(template.stat().st_atime_ns, template.stat().st_mtime_ns + 10**9))
    assert render.render("t.j2", {"n": 2}, folder) == "乙乙2"  # the same process notices
    render.environment.cache_clear()  # as a new process would start
    assert render.render("t.j2", {"n": 3}, folder) == "乙乙3"
    (tmp_path / "cache").chmod(0o500)  # a cache that cannot be written only costs time
    try:
        render.environment.cache_clear()
        assert render.render("t.j2", {"n": 4}, folder) == "乙乙4"
    finally:
        (tmp_path / "cache").chmod(0o700)
        render.environment.cache_clear()


def test_a_changed_module_makes_new_keys(tmp_path, monkeypatch):
    """The version string is 0.1.0 for every commit: keys follow the code itself, so a
    changed detector never serves answers it parsed before."""
    data = tmp_path / "table.yaml"
    data.write_text("a: 1\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_CODE", [])  # the code as it is on disk now, not at this process's start
    before = cache.key("values", [data])
    assert cache.key("values", [data]) == before  # stable while nothing changes
    module = Path(cache.__file__).resolve().parent / "facts.py"
    stat = module.stat()
    cache._CODE.clear()
    try:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        assert cache.key("values", [data]) != before
    finally:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        cache._CODE.clear()
    assert cache.key("values", [data]) == before


def test_an_ontology_read_through_relative_folders_serves_any_folder(tmp_path, monkeypatch):
    """The parsed ontology kept on disk held the relative folders it was read through: a run
    from another folder then found no templates (找不到模板)."""
    root = Path(__file__).resolve().parent.parent
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(root)
    ontology._load.cache_clear()
    first = ontology.load(Path("sections"), Path("templates"))
    assert first.root.is_absolute() and first.templates.is_absolute()
    ontology._load.cache_clear()
    monkeypatch.chdir(tmp_path)
    again = ontology.load(root / "sections", root / "templates")
    assert again.templates.is_dir()
    ontology._load.cache_clear()
