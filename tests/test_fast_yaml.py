"""drafter build reads answers with ruamel's C parser and its own node-to-value step
(yamlio._fast_classes). These tests hold that step to ruamel's safe loader: the same values
for every example and for random documents, and ruamel's own errors for what it does not
handle itself."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import YAMLError

from drafter import yamlio

ROOT = Path(__file__).resolve().parents[1]


class _Reference(SafeConstructor):
    pass


_Reference.add_constructor("tag:yaml.org,2002:value", SafeConstructor.construct_yaml_str)


def reference(text: str):
    yaml = YAML(typ="safe")
    yaml.Constructor = _Reference
    return yaml.load(text)


def fast(text: str):
    return yamlio._fast_yaml().load(text)


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.yaml")) + sorted((ROOT / "sections").glob("*.yaml")),
                         ids=lambda p: p.name)
def test_every_shipped_file_reads_the_same(path):
    text = path.read_text(encoding="utf-8")
    assert fast(text) == reference(text)


def test_the_fast_reader_is_used_for_every_example():
    """No example falls back to the round-trip reader (a bare = once did)."""
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        assert type(yamlio.load_fast(path).data) is dict, path.name


# Plain scalars that YAML 1.2 reads as something other than text, and some that look so.
_SCALARS = ["1", "-2", "0o17", "0x1F", "1_000", "3.5", ".5", "1e3", ".inf", "-.Inf", ".nan", "true", "False",
            "yes", "no", "on", "null", "~", "", "2024-01-05", "2024-1-5", "2024-01-05 10:20:30", "=", "<<",
            "12:30", "0", "007", "+1", "1.", "x", "一二", "98.5%", "2023年", "NULL", "Null", "TRUE"]
scalars = st.one_of(st.sampled_from(_SCALARS), st.text(alphabet="ab1.:-_ 中=~", min_size=1, max_size=6))


def _render(value, indent: int = 0) -> str:
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "\n" + "\n".join(f"{pad}{k}:{' ' if not isinstance(v, (dict, list)) or not v else ''}{_render(v, indent + 2)}"
                                for k, v in value.items())
    if isinstance(value, list):
        if not value:
            return "[]"
        return "\n" + "\n".join(f"{pad}- {_render(v, indent + 2).lstrip(chr(10)).lstrip()}" if not isinstance(v, (dict, list))
                                else f"{pad}-{_render(v, indent + 2)}" for v in value)
    return value


keys = st.sampled_from(["a", "b", "x1", "年份", "1", "true", "null", "2024-01-05", "="])
documents = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                         st.dictionaries(keys, inner, max_size=3)), max_leaves=12)


@pytest.mark.slow  # 600 random documents
@settings(max_examples=600, deadline=None, derandomize=True)  # the same examples in every CI run
@given(st.dictionaries(keys, documents, min_size=1, max_size=4))
def test_random_documents_read_the_same(data):
    text = _render(data).lstrip("\n") + "\n"
    try:
        expected = reference(text)
    except YAMLError as exc:
        with pytest.raises(YAMLError) as caught:
            fast(text)
        assert type(caught.value) is type(exc)
        return
    except (ValueError, OverflowError):  # an impossible date: load_fast falls back on these too
        return
    assert fast(text) == expected


@pytest.mark.parametrize("text", [
    "a: &x [1, 2]\nb: *x\n",  # aliases
    "base: &b {k: 1}\nc:\n  <<: *b\n  m: 2\n",  # merge keys
    "a: !!str 12\nb: !!float 1\n",  # explicit tags
    "? [1, 2]\n: pair\n",  # a sequence as a key
    "d: 2024-01-05\nt: 2024-01-05 10:20:30\n",
])
def test_unusual_documents_go_ruamels_way(text):
    assert fast(text) == reference(text)


def test_duplicate_keys_are_ruamels_error():
    with pytest.raises(YAMLError, match="duplicate key"):
        fast("a: 1\na: 2\n")
    assert isinstance(fast("d: 2024-01-05\n")["d"], datetime.date)


@pytest.mark.parametrize("text", [
    "1:\n  -\n    - <<\ntrue: []\ntrue: []\n",  # a merge key out of place and a duplicate key: ruamel reports the duplicate
    "a: [<<]\n",
    "a: !custom x\n",
])
def test_errors_are_ruamels_own_in_its_order(text):
    with pytest.raises(YAMLError) as expected:
        reference(text)
    with pytest.raises(YAMLError) as got:
        fast(text)
    assert type(got.value) is type(expected.value)


@pytest.mark.parametrize("text", ["d: 2023-02-30\n", "d: 2023-13-01\n", "a: [1, 2023-02-30]\n"])
def test_an_impossible_date_fails_as_in_ruamel_never_reads_as_empty(text):
    """A date that cannot be built must not come out as None (it once did, through ruamel's
    “being built” mark left over from the fast pass): load_fast then reads the file round-trip."""
    with pytest.raises(ValueError):
        reference(text)
    with pytest.raises(ValueError):
        fast(text)
