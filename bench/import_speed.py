"""How fast does `drafter import` take a long report?

    python bench/import_speed.py [--pages 20] [--runs 3]

Uses the .docx of bench/read_speed.py (--pages pages of Word-numbered headings at four levels,
number-dense paragraphs, a table a page — far denser than a real page of 22 lines) and times
read + import in this process, then the whole command in a new process (start-up, reading,
import, validating the answers in memory, writing). Medians in milliseconds.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.read_speed import build, median_ms  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from drafter import ontology
    from drafter.importer import import_source
    from drafter.readers import read

    folder = Path(tempfile.mkdtemp())
    data, text = build(args.pages)
    report = folder / "report.docx"
    report.write_bytes(data)
    onto = ontology.load()
    result = import_source(read(report), onto)
    print(f"{args.pages} pages: {len(text)} characters, {len(result.units)} sections, "
          f"{sum(len(u.facts.values) for u in result.units)} facts")
    print(f"read + import in process      {median_ms(lambda: import_source(read(report), onto), args.runs):8.1f} ms")
    out = folder / "answers.yaml"
    command = [sys.executable, "-m", "drafter", "import", str(report), "-o", str(out), "--force"]
    cold = median_ms(lambda: subprocess.run(command, check=True, capture_output=True, cwd=ROOT), args.runs)
    print(f"drafter import, new process   {cold:8.1f} ms")


if __name__ == "__main__":
    main()
