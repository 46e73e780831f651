"""The five sample reports, transcribed as answers files in examples/."""
import io
from pathlib import Path

import docx
import pytest

from drafter.ontology import load
from drafter.writers.docx import write_docx
from drafter.writers.markdown import to_markdown
from tests.support.coverage import measure
from tests.support.examples import build_example

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ["kunshan-2023", "liaoyang-2023", "qidong-2021", "futian-2023", "anon-city"]  # from the samples
# with the invented ones, written mostly in the bureau's own text
ALL_EXAMPLES = [*EXAMPLES, "yunxi-county-2025"]
ONTOLOGY = load()


build = build_example


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_markdown_snapshot(name, snapshot):
    _, result = build(name)
    assert to_markdown(result.document) == snapshot


@pytest.mark.parametrize("name", EXAMPLES)
def test_numbers_of_the_original_are_in_the_report(name):
    m = measure(ROOT / "examples" / f"{name}.yaml")
    missing = " ".join(f"{n}×{c}" for n, c in m["missing"].items())
    assert m["coverage"] >= 0.98, f"{m['coverage']:.1%} of {m['total']} numbers; missing: {missing}"
    untyped = " ".join(f"{n}×{c}" for n, c in m["untyped"].items())
    assert m["typed"] >= 0.75, f"only {m['typed']:.1%} from typed fields; in free text: {untyped}"


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_every_section_renders_and_nothing_is_dropped(name):
    a, result = build(name)
    assert not [w for w in result.warnings if "略去" in w]
    assert set(a.outline.section_ids()) == set(a.values)


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_docx_builds(name):
    _, result = build(name)
    d = docx.Document(io.BytesIO(write_docx(result.document)))
    assert d.paragraphs and d.core_properties.title == result.document.title


def test_outline_shapes_are_kept():
    _, kunshan = build("kunshan-2023")
    level2 = [h.number for h in kunshan.document.headings() if h.level == 2]
    assert level2[0] == "（一）" and level2[-1] == "（二十一）" and len(level2) == 21
    _, liaoyang = build("liaoyang-2023")
    assert {h.level for h in liaoyang.document.headings()} == {1, 2, 3, 4}
    _, qidong = build("qidong-2021")
    doc = qidong.document
    assert doc.doc_number == "启应急〔2021〕75号" and doc.addressee == "启东市人民政府"
    assert doc.signature == "启东市应急管理局" and doc.date == "2021年12月16日"
    _, futian = build("futian-2023")
    assert any("2022年" in h.text and "问题" in h.text for h in futian.document.headings() if h.level == 1)


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_example_survives_load_and_save_byte_for_byte(name, tmp_path):
    from drafter import yamlio

    source = ROOT / "examples" / f"{name}.yaml"
    copy = tmp_path / source.name
    copy.write_bytes(source.read_bytes())
    yamlio.load(copy).save()
    assert copy.read_bytes() == source.read_bytes()


PLACES = {"kunshan-2023": "昆山", "liaoyang-2023": "辽阳", "qidong-2021": "启东", "futian-2023": "福田"}


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_no_other_bureau_and_no_junk(name):
    from tests.test_ontology import assert_clean

    _, result = build(name)
    text = to_markdown(result.document)
    for other, place in PLACES.items():
        if other != name:
            assert place not in text, f"{place} appears in {name}"
    assert_clean(text.replace("**", "").replace("#", ""))
