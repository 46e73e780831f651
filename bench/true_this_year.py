"""Is the draft `drafter next` writes from a sample report true this year? (issue 20, "done when")

    python bench/true_this_year.py [--samples DIR] [--quiet]

For each sample report in ../shared/samples this runs the real commands in a temporary folder:
`drafter import` (last year's answers, and last year's report built again from them, to find
each anchor in), then `drafter next <report>` (this year's answers file and draft .docx), and
builds this year's draft as text. Each anchor of tests/fixtures/true_this_year_anchors.yaml (a
short fact naming one paragraph; the file says what the classes are) is then looked up:

* in this year's answers, in a paragraph of own text: its review mark 【改写…】 or 【核对】;
* in the follow-up list (上年度问题整改情况): moved there;
* in no paragraph of own text and not in the draft: gone (kept at most as last year's reference
  under previous_year, which the report does not print; a counter rolled to this year's number
  is gone in this sense too); printed in the draft from anywhere else: carried unmarked.

An event, counter or relative date is caught when every paragraph it stands in is gone or
marked 【改写】; a problem or plan likewise (moved to the follow-up, gone, or marked 【改写】;
the figures say which). A standing practice is wrongly flagged when a paragraph of it is marked
【改写】; one that shares its paragraph with an annotated event (a mixed paragraph) is reported
but not counted. Prints caught/total per sample and class and the misses; exits 1 when a class
is below 90% over all samples or standing practice is flagged in more than 10% of cases, 2 when
an anchor is not found in its sample (the annotation is wrong).
"""
from __future__ import annotations

import argparse
import contextlib
import io
import re
import shutil
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ANCHORS = ROOT / "tests" / "fixtures" / "true_this_year_anchors.yaml"
SAMPLES = ROOT.parent / "shared" / "samples"
CAUGHT_CLASSES = ("event", "counter", "relative_date", "problem", "plan")
CLASSES = (*CAUGHT_CLASSES, "standing")
AT_LEAST = 0.90  # of each class caught
AT_MOST = 0.10  # of standing practice flagged as an event

_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_SLOT = re.compile(r"\{([^{}|]+)(?:\|[^{}]*)?\}")
_DROP = re.compile(r"[\s，,。：:；;、（）()“”\"'‘’《》〈〉<>【】\[\]〔〕—\-－–!！?？…]")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def norm(text: str) -> str:
    """Text compared without whitespace and punctuation (full- and half-width alike)."""
    text = unicodedata.normalize("NFKC", text).replace("·", ".").replace("・", ".")
    return _DROP.sub("", text).lower()


def _norm_anchor(anchor: str) -> str:
    return norm(anchor)


@dataclass
class Hit:
    where: str  # section id, or "followup", "field", "draft", "gone"
    kind: str  # 改写, 核对, followup, unmarked, gone
    why: str = ""


@dataclass
class Result:
    sample: str
    cls: str
    anchor: str
    hits: list[Hit]
    mixed: bool = False

    @property
    def caught(self) -> bool:
        return all(h.kind in ("改写", "followup", "gone") for h in self.hits)

    @property
    def flagged(self) -> bool:  # standing practice taken for an event
        return any(h.kind == "改写" for h in self.hits)

    def mark(self) -> str:
        return "；".join(f"{h.where}:{h.kind}{('：' + h.why) if h.why else ''}" for h in self.hits)


@dataclass
class Sample:
    name: str
    results: list[Result] = field(default_factory=list)
    unfound: list[tuple[str, str]] = field(default_factory=list)


def _filled(text: str, *lookups: dict) -> str:
    """Own text with each slot {名称} given last year's value, so anchors with numbers match."""
    def value(m: re.Match) -> str:
        for table in lookups:
            if isinstance(table, dict) and m.group(1) in table and table[m.group(1)] not in (None, ""):
                return str(table[m.group(1)])
        return m.group()
    return _SLOT.sub(value, text)


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def _paragraphs(answers: dict, carried) -> list[tuple[str, int, str, str, str]]:
    """(section, index, mark kind, reasons, text) of each paragraph of own text."""
    out = []
    for sid, section in (answers or {}).items():
        if not isinstance(section, dict) or not isinstance(section.get("text"), str):
            continue
        previous = section.get("previous_year") or {}
        text = _filled(section["text"], previous.get("facts") or {}, previous, section.get("facts") or {}, section)
        for n, piece in enumerate(_PARAGRAPHS.split(text.strip("\n"))):
            marks = list(carried._MARK_AT_LINE.finditer(piece))
            kind = marks[0].group("kind") if marks else ""
            why = marks[0].group("why") or "" if marks else ""
            out.append((str(sid), n, kind, why, carried.without_marks(piece)))
    return out


def _variants(anchor: str, year: int) -> list[str]:
    """The anchor as written, and with last year's years moved on (the report's years shift)."""
    shifted = _YEAR.sub(lambda m: str(int(m.group(1)) + 1) if year - 1 <= int(m.group(1)) <= year + 1 else m.group(1),
                        anchor)
    return list(dict.fromkeys([_norm_anchor(anchor), _norm_anchor(shifted)]))


def _run(argv: list[str]) -> None:
    from drafter import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    if code:
        raise RuntimeError(f"drafter {' '.join(argv)} failed ({code}): {err.getvalue()[-500:]}")


def measure_sample(report: Path, anchors: dict[str, list[str]], folder: Path) -> Sample:
    from ruamel.yaml import YAML

    from drafter import build, carried

    folder.mkdir(parents=True, exist_ok=True)
    source = folder / report.name
    shutil.copyfile(report, source)
    last, this = folder / "last.yaml", folder / "this.yaml"
    _run(["import", str(source), "-o", str(last)])
    build.build_file(last, folder / "last.md", "md", force=True)
    _run(["next", str(source), "-o", str(this)])  # the one step: this year's answers and draft .docx
    build.build_file(this, folder / "this.md", "md", force=True)

    yaml = YAML(typ="safe")
    last_data, this_data = yaml.load(last.read_text(encoding="utf-8")), yaml.load(this.read_text(encoding="utf-8"))
    year = int(last_data["report"]["year"])
    last_paragraphs = _paragraphs(last_data.get("answers"), carried)
    this_paragraphs = _paragraphs(this_data.get("answers"), carried)
    last_all = norm((folder / "last.md").read_text(encoding="utf-8") + "\n".join(p[4] for p in last_paragraphs))
    draft = norm((folder / "this.md").read_text(encoding="utf-8"))
    followup_id = "previous_followup"
    this_answers = this_data.get("answers") or {}
    followup = norm("\n".join(_strings(this_answers.get(followup_id))))
    sample = Sample(report.stem)
    where_last: dict[tuple[str, str], set[tuple[str, int]]] = {}
    for cls in CLASSES:
        for anchor in anchors.get(cls) or []:
            anchor = str(anchor)
            key = _norm_anchor(anchor)
            if key not in last_all:
                sample.unfound.append((cls, anchor))
                continue
            where_last[(cls, anchor)] = {(p[0], p[1]) for p in last_paragraphs if key in norm(p[4])}
            hits = []
            variants = _variants(anchor, year)
            for sid, n, kind, why, text in this_paragraphs:
                if any(v in norm(text) for v in variants):
                    hits.append(Hit(f"{sid}[{n}]", kind or "unmarked", why))
            if any(v in followup for v in variants):
                hits.append(Hit("followup", "followup"))
            if not hits:  # printed from a field, a heading or a template, or not in the draft at all
                hits.append(Hit("draft", "unmarked") if any(v in draft for v in variants) else Hit("gone", "gone"))
            sample.results.append(Result(sample.name, cls, anchor, hits))
    events = {place for (cls, _), places in where_last.items() if cls != "standing" for place in places}
    for result in sample.results:
        if result.cls == "standing":
            result.mixed = bool(where_last.get((result.cls, result.anchor), set()) & events)
    return sample


def load_anchors(path: Path = ANCHORS) -> dict[str, dict[str, list[str]]]:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))["samples"]


def measure(samples_dir: Path = SAMPLES, anchors: dict | None = None) -> list[Sample]:
    anchors = anchors if anchors is not None else load_anchors()
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, classes in anchors.items():
            report = samples_dir / f"{name}.txt"
            out.append(measure_sample(report, classes, Path(tmp) / name))
    return out


@dataclass
class Figures:
    caught: dict[str, tuple[int, int]]  # class → (caught, total); standing: (flagged, counted)
    standing_all: tuple[int, int]  # standing flagged / all standing anchors, mixed paragraphs included
    moved: tuple[int, int]  # problems and plans moved to the follow-up or gone / caught

    def failures(self) -> list[str]:
        out = []
        for cls in CAUGHT_CLASSES:
            got, total = self.caught[cls]
            if total and got / total < AT_LEAST:
                out.append(f"{cls}: {got}/{total} caught, below {AT_LEAST:.0%}")
        flagged, total = self.caught["standing"]
        if total and flagged / total > AT_MOST:
            out.append(f"standing: {flagged}/{total} flagged as events, above {AT_MOST:.0%}")
        return out


def figures(results: list[Result]) -> Figures:
    caught = {}
    for cls in CAUGHT_CLASSES:
        mine = [r for r in results if r.cls == cls]
        caught[cls] = (sum(r.caught for r in mine), len(mine))
    standing = [r for r in results if r.cls == "standing"]
    pure = [r for r in standing if not r.mixed]
    caught["standing"] = (sum(r.flagged for r in pure), len(pure))
    yearly = [r for r in results if r.cls in ("problem", "plan") and r.caught]
    moved = sum(all(h.kind in ("followup", "gone") for h in r.hits) for r in yearly)
    return Figures(caught, (sum(r.flagged for r in standing), len(standing)), (moved, len(yearly)))


def _line(figs: Figures) -> str:
    parts = [f"{cls} {figs.caught[cls][0]}/{figs.caught[cls][1]}" for cls in CAUGHT_CLASSES]
    flagged, total = figs.caught["standing"]
    parts.append(f"standing flagged {flagged}/{total}")
    return ", ".join(parts)


def report(samples: list[Sample], quiet: bool = False) -> Figures:
    for sample in samples:
        figs = figures(sample.results)
        print(f"{sample.name}: {_line(figs)}")
        if quiet:
            continue
        for r in sample.results:
            if r.cls == "standing":
                if r.flagged:
                    print(f"    standing{' (mixed paragraph, not counted)' if r.mixed else ''} flagged: {r.anchor}  [{r.mark()}]")
            elif not r.caught:
                print(f"    {r.cls} missed: {r.anchor}  [{r.mark()}]")
        for cls, anchor in sample.unfound:
            print(f"    ANCHOR NOT IN SAMPLE ({cls}): {anchor}")
    total = figures([r for s in samples for r in s.results])
    print(f"all samples: {_line(total)}")
    for cls in CAUGHT_CLASSES:
        got, n = total.caught[cls]
        print(f"  {cls:14} {got:3}/{n:<3} caught  {got / n:6.1%}" if n else f"  {cls:14}   none annotated")
    flagged, n = total.caught["standing"]
    print(f"  {'standing':14} {flagged:3}/{n:<3} flagged {flagged / n:6.1%}  (paragraphs without an event; "
          f"with mixed paragraphs {total.standing_all[0]}/{total.standing_all[1]})")
    print(f"  problems and plans moved to the follow-up or gone: {total.moved[0]}/{total.moved[1]} of those caught; "
          "the rest are carried with 【改写】")
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    parser.add_argument("--quiet", action="store_true", help="figures only, no list of misses")
    args = parser.parse_args()
    if not args.samples.is_dir():
        print(f"no samples at {args.samples}", file=sys.stderr)
        return 2
    samples = measure(args.samples)
    total = report(samples, args.quiet)
    if any(s.unfound for s in samples):
        print("some anchors are not in their sample: fix tests/fixtures/true_this_year_anchors.yaml", file=sys.stderr)
        return 2
    failures = total.failures()
    for failure in failures:
        print(f"NOT MET: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
