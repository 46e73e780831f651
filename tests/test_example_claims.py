"""Issue 22's first "done when": the five examples, read beside the reports they came from, say
nothing the original does not. Each example has a reviewed list of the original's claims,
tests/fixtures/claims/<example>.yaml: short anchors (a number with its measure word, a name, a
document's title, a key term of at most about twelve characters) found by reading the original —
never its sentences. The example is built (drafter.compose, as `drafter build` does), its body
split into sentences at 。！？；, and every sentence must hold at least one anchor of its list:
a sentence that holds none states nothing the original states, and is unsupported.

Exempt, and why: the title, addressee, signature and date are not body blocks (they are the
frame of any report, not claims); the headings the outline gives (a part's, a group's, a
section's heading, also where a group prints it as 一是<heading>。) are the example's outline, the
shape of the report, not a sentence a template or an answer wrote. Headings a template prints
(a problem's or a plan's own heading) are checked like any sentence. Anchors are matched with
whitespace and punctuation ignored (“1.15” and 1.15 alike). The originals (../shared/samples)
are needed only to check that each anchor is the original's own; the build-and-compare runs
without them."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from drafter.answers import Answers, Group
from drafter.model import Document, Heading, Paragraph
from drafter.ontology import load
from tests.support.examples import build_example
from tests.support.samples import SAMPLES

CLAIMS = Path(__file__).parent / "fixtures" / "claims"
ORIGINALS = {"kunshan-2023": "kunshan-2023.txt", "liaoyang-2023": "liaoyang-2023.txt",
             "futian-2023": "futian-2023.txt", "qidong-2021": "qidong-2021.txt",
             "anon-city": "anon-city-traditional.txt"}
EXAMPLES = list(ORIGINALS)
MAX_ANCHOR = 12  # characters, punctuation ignored

# Sentences still unsupported, each named (example, the sentence's opening words); empty when
# every sentence of the five examples holds a claim of its original.
KNOWN_UNSUPPORTED: list[tuple[str, str]] = []  # none left: the problems' stock lead-in went from the template

_IGNORED = re.compile(r"[\s\u3000，。！？；：、“”‘’\"'（）()《》〈〉<>「」『』【】…—·,.;:!?\[\]-]")
_ENUMERATOR = re.compile(r"^[一二三四五六七八九十]+是")
_FRAME_KINDS = ("part", "group", "heading")  # headings the outline gives


def norm(text: str) -> str:
    return _IGNORED.sub("", text)


def anchors(name: str) -> list[str]:
    return list(yaml.safe_load((CLAIMS / f"{name}.yaml").read_text(encoding="utf-8"))["anchors"])


def split(text: str) -> list[str]:
    return [s.strip() for s in re.findall(r"[^。！？；]+[。！？；]?", text) if norm(s)]


def outline_headings(answers: Answers) -> set[str]:
    ontology = load()
    found: set[str] = set()

    def walk(entries):
        for entry in entries:
            if isinstance(entry, Group):
                found.add(norm(entry.heading))
                walk(entry.members)
            else:
                found.add(norm(entry.heading or answers.section(entry.id, ontology).heading))

    for part in answers.outline.parts:
        if part.heading:
            found.add(norm(part.heading))
        walk(part.sections)
    return found


def checked_sentences(document: Document, answers: Answers) -> list[str]:
    """The body's sentences, without the frame lines (see the module's docstring)."""
    frame = outline_headings(answers)
    texts: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            if not (block.origin and block.origin.kind in _FRAME_KINDS):
                texts.append(block.text)
            if block.body:
                texts.append(block.body)
        elif isinstance(block, Paragraph):
            texts.append(block.text)
    return [s for t in texts for s in split(t) if norm(_ENUMERATOR.sub("", s.strip())) not in frame]


def unsupported(sentences: list[str], claims: list[str]) -> list[str]:
    keys = [norm(a) for a in claims]
    return [s for s in sentences if not any(k in norm(s) for k in keys)]


def _known(name: str, sentence: str) -> bool:
    return any(n == name and sentence.startswith(opening) for n, opening in KNOWN_UNSUPPORTED)


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_sentence_states_a_claim_of_the_original(name):
    answers, result = build_example(name)
    missing = [s for s in unsupported(checked_sentences(result.document, answers), anchors(name)) if not _known(name, s)]
    assert not missing, (f"{name}: 原报告不支持的句子（没有一个原报告的事实或用语）：{missing}；"
                         "读原报告：原报告确有此说，就把表明它的短事实或术语加入 tests/fixtures/claims；"
                         "没有，就从例子的答案或模板中删去")


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_known_unsupported_are_still_there(name):
    """A sentence in KNOWN_UNSUPPORTED that is gone (or now supported) leaves the list."""
    answers, result = build_example(name)
    left = unsupported(checked_sentences(result.document, answers), anchors(name))
    stale = [o for n, o in KNOWN_UNSUPPORTED if n == name and not any(s.startswith(o) for s in left)]
    assert not stale


@pytest.mark.parametrize("name", EXAMPLES)
def test_a_planted_stock_sentence_fails(name):
    """The test of the test: a stock sentence no bureau's report needs is caught in each example."""
    answers, result = build_example(name)
    result.document.blocks.append(Paragraph("营造浓厚法治氛围。"))
    for stock in ("营造浓厚法治氛围。", "全面提升依法行政水平。", "取得了明显成效。",
                  "在总结成绩的同时，我们也清醒地认识到存在的不足。"):
        assert unsupported([stock], anchors(name)) == [stock], stock
    assert "营造浓厚法治氛围。" in unsupported(checked_sentences(result.document, answers), anchors(name))


@pytest.mark.parametrize("name", EXAMPLES)
def test_anchors_are_short_facts_not_sentences(name):
    claims = anchors(name)
    assert claims and len(claims) == len(set(claims))
    assert not [a for a in claims if len(norm(a)) > MAX_ANCHOR or re.search("[。！？；]", a)]


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the sample reports (../shared/samples) are not here")
@pytest.mark.parametrize("name", EXAMPLES)
def test_each_anchor_is_stated_by_the_original(name):
    from drafter.readers import read  # the reader converts the traditional-character sample

    original = norm(read(SAMPLES / ORIGINALS[name]).text())
    assert not [a for a in anchors(name) if norm(a) not in original]
