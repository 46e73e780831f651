"""The on-disk cache of the parsed ontology: used when nothing changed, missed when a file did."""
import os
import shutil

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
