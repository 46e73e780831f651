"""Answers files are portable YAML: every file drafter ships or writes loads in standard safe
loaders (PyYAML, ruamel's pure safe loader) and validates with drafter's JSON Schema through a
standard command-line validator (check-jsonschema), not only through drafter (issue 18)."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from ruamel.yaml import YAML

from drafter import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
DATA = sorted((ROOT / "sections").glob("*.yaml")) + sorted((ROOT / "drafter" / "writers").glob("*.yaml"))
SCHEMA = ROOT / "schema" / "drafter.schema.json"
SAMPLES = ROOT.parent / "shared" / "samples"


def standard_loads(path: Path) -> object:
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert YAML(typ="safe", pure=True).load(text) == data, path
    return data


def validate(paths: list[Path]) -> None:
    """check-jsonschema, the command as a user would run it, on all the files at once."""
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA), *map(str, paths)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow  # every shipped file, in pure-Python loaders
@pytest.mark.parametrize("path", EXAMPLES + DATA, ids=lambda p: p.name)
def test_every_shipped_file_loads_in_a_standard_safe_loader(path):
    assert standard_loads(path) is not None


@pytest.mark.slow  # check-jsonschema in a subprocess
def test_every_example_validates_with_a_standard_validator():
    validate(EXAMPLES)


def drafter(*args: str) -> None:
    code = cli.main(list(args))
    assert code == 0, args


@pytest.mark.slow  # drafter and check-jsonschema in many subprocesses
def test_every_file_drafter_writes_is_portable(tmp_path, capsys):
    written: list[Path] = []
    # next, from every example (first-year reports and drafts alike, = included)
    for example in EXAMPLES:
        out = tmp_path / f"next-{example.name}"
        drafter("next", str(example), "-o", str(out))
        written.append(out)
    # import, from real reports when they are beside the repository, else from a built one
    reports = sorted(SAMPLES.glob("*.txt"))[:2] if SAMPLES.is_dir() else []
    if not reports:
        built = tmp_path / "built.md"
        drafter("build", str(ROOT / "examples" / "kunshan-2023.yaml"), "-o", str(built))
        reports = [built]
    for report in reports:
        out = tmp_path / f"import-{report.stem}.yaml"
        drafter("import", str(report), "-o", str(out))
        written.append(out)
    # numbers --fill, with = (same as last year) typed in the sheet
    filled = tmp_path / "filled.yaml"
    draft = (ROOT / "examples" / "kunshan-2024-draft.yaml").read_text(encoding="utf-8")
    assert "    committee_sessions: 6\n" in draft
    # a bare = typed by hand (YAML's old value tag) is kept, and written back quoted
    filled.write_text(draft.replace("    committee_sessions: 6\n", "    committee_sessions: =\n", 1), encoding="utf-8")
    sheet = tmp_path / "sheet.csv"
    drafter("numbers", str(filled), "-o", str(sheet))
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    current, last = rows[0].index("今年"), rows[0].index("上年")
    typed = 0
    for row in rows[1:]:
        if len(row) == len(rows[0]) and row[last].strip() and row[current] != row[last]:
            row[current], typed = "=", typed + 1
    assert typed
    with open(sheet, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    drafter("numbers", str(filled), "--fill", str(sheet))
    written.append(filled)
    capsys.readouterr()
    for path in written:
        data = standard_loads(path)
        assert isinstance(data, dict) and "report" in data, path
    assert standard_loads(filled)["answers"]["party_spirit"]["committee_sessions"] == "="
    validate(written)
