"""How fast is `drafter build`, and what does start-up cost?

    python bench/build_speed.py [--runs 5]

Compares, in one run on this machine:
  * cold start: `drafter build` (a new Python process, Markdown and .docx) against a bare
    `python -c pass` and against `python -c "import questionary"`, the wizard's library that
    the build path deliberately does not import;
  * loading answers: ruamel.yaml round-trip (what drafter uses, to keep comments) against
    ruamel.yaml's safe loader (what it would use if comments did not matter);
  * the whole in-process build of every example, split into load, compose and write.
Numbers are medians of --runs repetitions, in milliseconds.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    examples = sorted(p for p in (ROOT / "examples").glob("*.yaml"))
    example = ROOT / "examples" / "kunshan-2023.yaml"
    out = Path(tempfile.mkdtemp())

    def run(*args):
        return lambda: subprocess.run([sys.executable, *args], check=True, capture_output=True, cwd=ROOT)

    print(f"cold start (median of {runs}, ms)")
    rows = [
        ("python -c pass", run("-c", "pass")),
        ("python -c 'import questionary'", run("-c", "import questionary")),
        ("drafter build kunshan → .md", run("-m", "drafter", "build", str(example), "-o", str(out / "k.md"))),
        ("drafter build kunshan → .docx", run("-m", "drafter", "build", str(example), "-o", str(out / "k.docx"))),
    ]
    for name, fn in rows:
        print(f"  {name:<36} {median_ms(fn, runs):8.1f}")

    from ruamel.yaml import YAML

    from drafter import answers, ontology
    from drafter.compose import compose
    from drafter.writers.docx import write_docx
    from drafter.writers.markdown import to_markdown

    text = example.read_text(encoding="utf-8")
    print(f"\nloading {example.name} (median of {runs * 4}, ms)")
    print(f"  {'ruamel round-trip (drafter)':<36} {median_ms(lambda: YAML(typ='rt').load(text), runs * 4):8.2f}")
    print(f"  {'ruamel safe (no comments kept)':<36} {median_ms(lambda: YAML(typ='safe').load(text), runs * 4):8.2f}")

    onto = ontology.load()
    print(f"\nin-process build of {len(examples)} examples (median of {runs}, ms)")
    loaded = [answers.load(p, onto) for p in examples]
    composed = [compose(a, onto) for a in loaded]
    print(f"  {'load + validate':<36} {median_ms(lambda: [answers.load(p, onto) for p in examples], runs):8.1f}")
    print(f"  {'compose (templates → model)':<36} {median_ms(lambda: [compose(a, onto) for a in loaded], runs):8.1f}")
    print(f"  {'write Markdown':<36} {median_ms(lambda: [to_markdown(c.document) for c in composed], runs):8.1f}")
    print(f"  {'write .docx':<36} {median_ms(lambda: [write_docx(c.document) for c in composed], runs):8.1f}")


if __name__ == "__main__":
    main()
