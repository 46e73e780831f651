"""The outline's shape, read and written in one module (drafter.outline_data)."""
from __future__ import annotations

from drafter import outline_data as od

PARTS = [
    {"sections": ["intro"]},
    {"heading": "主要举措", "sections": ["penalties", {"id": "own_甲", "heading": "自拟"},
                                       {"heading": "一组", "group": ["drills", {"id": "duty"}]}]},
    {"heading": "不足", "style": "plain", "sections": ["problems"]},
]


def test_ids_leaves_and_headings_in_order():
    assert list(od.section_ids(PARTS)) == ["intro", "penalties", "own_甲", "drills", "duty", "problems"]
    assert od.leaves(PARTS[1]) == {"penalties", "own_甲", "drills", "duty"}
    assert [e["heading"] for e in od.headed(PARTS)] == ["主要举措", "自拟", "一组", "不足"]
    assert [od.members_key(e) for e in od.containers(PARTS)] == ["sections", "sections", "group", "sections"]


def test_remove_takes_empty_groups_and_parts_with_it():
    import copy

    parts = copy.deepcopy(PARTS)
    for sid in ("drills", "duty"):
        od.remove(parts, sid)
    assert list(od.section_ids(parts)) == ["intro", "penalties", "own_甲", "problems"]
    assert "一组" not in [e["heading"] for e in od.headed(parts)]  # the group left empty is gone
    od.remove(parts, "problems")
    assert [p.get("heading") for p in parts] == [None, "主要举措"]
    only = [{"sections": ["intro"]}]
    od.remove(only, "intro")
    assert only == [{"sections": []}]  # an outline keeps its last part


def test_entries_are_written_as_the_answers_file_writes_them():
    assert od.section_entry("penalties") == "penalties"
    assert od.section_entry("own_甲", "自拟", run_in=False) == {"id": "own_甲", "heading": "自拟", "run_in": False}
    assert list(od.part_entry("不足", ["problems"], style="plain")) == ["heading", "style", "sections"]
    assert od.part_entry(None, ["intro"]) == {"sections": ["intro"]}
    assert od.group_entry("一组", ["drills"], style="plain") == {"heading": "一组", "style": "plain", "group": ["drills"]}
