"""Build an answers file in examples/ with the real ontology (for the example tests)."""
from __future__ import annotations

from pathlib import Path

from drafter import answers as answers_mod
from drafter.answers import Answers
from drafter.compose import Composition, compose
from drafter.ontology import load

ROOT = Path(__file__).resolve().parents[2]


def build_example(name: str) -> tuple[Answers, Composition]:
    ontology = load()
    answers = answers_mod.load(ROOT / "examples" / f"{name}.yaml", ontology)
    return answers, compose(answers, ontology)
