"""How fast does the number detector read a report?

    python bench/facts_speed.py [--runs 5]

Scans each sample report in ../shared/samples (skipped when absent) with drafter.facts,
bypassing its per-text cache, and prints the median time per report and per 10,000
characters, with how many statistics and non-statistics it found; also the one-time cost of
reading sections/_numbers.yaml and compiling its tables.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafter import facts  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    start = time.perf_counter()
    scanner = facts._scanner(facts.numbers_file())
    print(f"tables read and compiled: {(time.perf_counter() - start) * 1000:.1f} ms")
    samples = next((p / "shared" / "samples" for p in (ROOT.parent, ROOT.parent.parent)
                    if (p / "shared" / "samples").is_dir()), None)
    if samples is None:
        print("no ../shared/samples: nothing to scan")
        return
    for path in sorted(samples.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            found, others = scanner.scan(text)
            times.append(time.perf_counter() - t)
        ms = statistics.median(times) * 1000
        print(f"{path.name}: {len(text)} chars, {ms:.1f} ms ({ms / len(text) * 10000:.1f} ms per 10,000 chars), "
              f"{len(found)} statistics, {len(others)} not statistics")


if __name__ == "__main__":
    main()
