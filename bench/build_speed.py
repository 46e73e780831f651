"""How fast is `drafter build`, against pandoc and against the import floor, in one run?

    python bench/build_speed.py [--runs 5] [--batch 50] [--python /path/to/venv/bin/python]

Measured on this machine, in the same run, medians in milliseconds (drafter's modules
compiled to bytecode first, as pip does on install):
  * cold start (a new process, on-disk caches warm as after a clerk's first build):
    `drafter build` → .docx against `pandoc report.md -o x.docx` on the same report's
    Markdown (pandoc's side is skipped where pandoc is not installed), and → .md against
    `python -c "import jinja2, ruamel.yaml"`, the libraries a Markdown build really needs;
    also the first build ever (caches off) and bare `python -c pass`;
  * warm rebuild, in one process (what --watch and a batch do per report), every example;
  * a batch of N reports in one `drafter build` against N pandoc runs;
  * peak memory (maximum resident set) of a cold build and of the batch;
  * load / compose / write split, and the answers loaders (C safe vs round-trip).
Targets (issue 14): docx ≤ 2× pandoc; md ≤ 1.5× import floor; warm < 20 ms a report;
batch ≥ 3× faster than pandoc runs; peak memory < 80 MiB.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.read_speed import median_ms  # noqa: E402

# Children run as an installed drafter does: pip compiles the package to bytecode when it
# installs it, so the bench compiles it first and lets Python use the .pyc files (some
# shells, CI images among them, set PYTHONDONTWRITEBYTECODE, which would compile every
# module from source on every start: 90 ms that no clerk pays).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(ROOT)}
EXAMPLE = ROOT / "examples" / "kunshan-2023.yaml"
# Runs a command line in a child and prints its peak resident memory (KiB on Linux).
PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def interleaved_ms(commands: dict, runs: int) -> dict[str, float]:
    """Median time of each command, run in turns: this machine's speed drifts by a third
    over a minute, and a command timed in a block of its own would catch one phase of it."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, fn in commands.items():
            start = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def command(*args, env=None):
    return lambda: subprocess.run(list(args), check=True, capture_output=True, cwd=ROOT, env=env or ENV)


def peak_mib(*args) -> float:
    out = subprocess.run([sys.executable, "-c", PEAK, *args], check=True, capture_output=True, text=True,
                         cwd=ROOT, env=ENV).stdout
    return int(out.strip()) / 1024


def row(name: str, value: float, unit: str = "ms", note: str = "") -> None:
    print(f"  {name:<44} {value:9.1f} {unit}  {note}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--python", default=sys.executable,
                        help="the interpreter for the timed runs, e.g. a clean venv's: hooks that a "
                             "machine's site-packages run at every start (.pth files) slow both drafter "
                             "and the import floor, but not pandoc")
    options = parser.parse_args()
    python = options.python
    runs = options.runs
    out = Path(tempfile.mkdtemp(prefix="drafter-bench-"))
    pandoc = shutil.which("pandoc")
    drafter = [python, "-m", "drafter", "build"]
    md = out / "k.md"
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "drafter")], check=True,
                   capture_output=True, env=ENV)
    command(*drafter, str(EXAMPLE), "-o", str(md))()  # also fills the on-disk caches

    print(f"cold start, a new process (median of {runs}, the commands taking turns)")
    cold = {
        "pass": command(python, "-c", "pass"),
        "floor": command(python, "-c", "import jinja2, ruamel.yaml"),
        "md": command(*drafter, str(EXAMPLE), "-o", str(out / "k2.md")),
        "docx": command(*drafter, str(EXAMPLE), "-o", str(out / "k.docx")),
        "no cache": command(*drafter, str(EXAMPLE), "-o", str(out / "k3.docx"), env=dict(ENV, DRAFTER_NO_CACHE="1")),
    }
    if pandoc:
        cold["pandoc"] = command(pandoc, str(md), "-o", str(out / "p.docx"))
    took = interleaved_ms(cold, runs)
    row("python -c pass", took["pass"])
    row("import floor for .md (jinja2, ruamel.yaml)", took["floor"])
    row("drafter build kunshan → .md", took["md"], note=f"{took['md'] / took['floor']:.2f}× the import floor (target ≤ 1.5×)")
    row("drafter build kunshan → .docx", took["docx"])
    row("  the same, caches off (first run ever)", took["no cache"])
    if pandoc:
        row("pandoc kunshan.md → .docx", took["pandoc"])
        print(f"  drafter → .docx is {took['docx'] / took['pandoc']:.2f}× pandoc (target ≤ 2×)")
    else:
        print("  pandoc is not installed: its side is skipped")

    from drafter import answers, build, ontology, yamlio
    from drafter.compose import compose
    from drafter.writers import WRITERS, WriteOptions

    examples = sorted((ROOT / "examples").glob("*.yaml"))
    onto = ontology.load()
    print(f"\nwarm rebuild in one process, per report (median of {runs}, all {len(examples)} examples)")
    for fmt in ("md", "docx", "html"):
        per_report = [median_ms(lambda p=p, fmt=fmt: build.build_file(p, out / f"w.{fmt}", fmt, ontology=onto), runs)
                      for p in examples]
        row(f"→ .{fmt}: median / slowest", statistics.median(per_report),
            note=f"slowest {max(per_report):.1f} ms (target < 20 ms)")

    folder = out / "batch"
    folder.mkdir()
    for n in range(options.batch):
        shutil.copy(examples[n % len(examples)], folder / f"r{n:03}.yaml")
    print(f"\nbatch of {options.batch} reports → .docx (median of 3, taking turns)")
    batch_runs = {"batch": command(*drafter, str(folder), "-o", str(out / "batch-out"))}
    if pandoc:
        mds = []
        for p in examples:
            target = out / f"{p.stem}.md"
            build.build_file(p, target, "md", ontology=onto)
            mds.append(target)

        def pandoc_runs():
            for n in range(options.batch):
                subprocess.run([pandoc, str(mds[n % len(mds)]), "-o", str(out / f"p{n}.docx")], check=True)
        batch_runs["pandoc"] = pandoc_runs
    took = interleaved_ms(batch_runs, 3)
    row(f"drafter build <folder of {options.batch}>", took["batch"])
    if pandoc:
        row(f"{options.batch} pandoc runs", took["pandoc"])
        print(f"  the batch is {took['pandoc'] / took['batch']:.1f}× faster than pandoc runs (target ≥ 3×)")

    print("\npeak memory (maximum resident set)")
    row("drafter build kunshan → .docx", peak_mib(*drafter, str(EXAMPLE), "-o", str(out / "m.docx")), "MiB",
        "(target < 80 MiB)")
    row(f"drafter build <folder of {options.batch}>", peak_mib(*drafter, str(folder), "-o", str(out / "m")), "MiB")

    text = EXAMPLE.read_text(encoding="utf-8")
    print(f"\nloading {EXAMPLE.name} (median of {runs * 4})")
    row("ruamel round-trip (wizard, next, error locations)", median_ms(lambda: yamlio.loads(text, EXAMPLE), runs * 4))
    row("C safe loader (build)", median_ms(lambda: yamlio.load_fast(EXAMPLE), runs * 4))

    print(f"\nin-process stages over {len(examples)} examples (median of {runs})")
    loaded = [answers.from_document(yamlio.load_fast(p), onto) for p in examples]
    composed = [compose(a, onto) for a in loaded]
    options_ = WriteOptions()
    row("load + validate", median_ms(lambda: [answers.from_document(yamlio.load_fast(p), onto) for p in examples], runs))
    row("compose (templates → model)", median_ms(lambda: [compose(a, onto) for a in loaded], runs))
    for fmt in ("md", "html", "docx"):
        write = WRITERS[fmt].function
        row(f"write {fmt}", median_ms(lambda write=write: [write(c.document, options_) for c in composed], runs))
    shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
