"""Print how well an example carries its original's numbers.

    python -m tests.support.coverage examples/kunshan-2023.yaml
"""
from __future__ import annotations

import sys
from pathlib import Path

from drafter import answers as answers_mod
from drafter import ontology as ontology_mod
from drafter.compose import compose
from tests.support.numbers import coverage, document_numbers, read_fixture, typed_only

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "numbers"


def measure(example: Path) -> dict:
    onto = ontology_mod.load()
    answers = answers_mod.load(example, onto)
    original = read_fixture(FIXTURES / f"{example.stem}.txt")
    full = document_numbers(compose(answers, onto).document)
    typed = document_numbers(compose(typed_only(answers, onto), onto).document)
    ratio, missing = coverage(original, full)
    typed_ratio, typed_missing = coverage(original, typed)
    return {"coverage": ratio, "missing": missing, "typed": typed_ratio, "untyped": typed_missing,
            "total": sum(original.values())}


def main() -> None:
    for arg in sys.argv[1:]:
        m = measure(Path(arg))
        print(f"{arg}: {m['total']} numbers, coverage {m['coverage']:.1%}, from typed fields {m['typed']:.1%}")
        if m["missing"]:
            print("  missing from rendering:", " ".join(f"{n}×{c}" for n, c in m["missing"].items()))
        if m["untyped"]:
            print("  only in free text:", " ".join(f"{n}×{c}" for n, c in m["untyped"].items()))


if __name__ == "__main__":
    main()
