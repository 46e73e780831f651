from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from drafter import ontology as ontology_mod

# CI (CI=true) draws the same examples in every run: a property test that finds a new case
# there fails a landing for a reason that is not the change's. Runs by hand explore afresh
# (a case they find goes into the test's examples or its data).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_ONTOLOGY = ROOT / "tests" / "fixtures" / "ontology"


@pytest.fixture(scope="session")
def demo_ontology():
    return ontology_mod.load(FIXTURE_ONTOLOGY / "sections", FIXTURE_ONTOLOGY / "templates")


@pytest.fixture(scope="session")
def real_ontology():
    return ontology_mod.load()


@pytest.fixture
def demo_env(monkeypatch):
    """Point drafter (and the CLI it spawns) at the small fixture ontology."""
    env = dict(os.environ)
    env["DRAFTER_SECTIONS"] = str(FIXTURE_ONTOLOGY / "sections")
    env["DRAFTER_TEMPLATES"] = str(FIXTURE_ONTOLOGY / "templates")
    return env


def run_drafter(*args: str, env: dict | None = None, cwd: Path | None = None, input: str | None = None,
                timeout: float = 120):
    """Run the real `drafter` command line in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "drafter", *args],
        capture_output=True, text=True, env=env, cwd=cwd, input=input, timeout=timeout,
    )


DEMO_ANSWERS = """\
# 测试报告：注释要保留
report:
  issuer: 测试市应急管理局   # 发文机关
  region: 全市
  year: 2023
  addressee: 市委、市政府
  doc_number: 测应急〔2023〕5号
  date: 2023-12-20
outline:
  numbering: continuous
  run_in: true
  parts:
    - sections: [opening]
    - heading: 主要举措和成效
      sections: [enforcement, leaders]
    - heading: 存在的不足和原因
      style: plain
      sections: [problems]
answers:
  opening:
    guidance: 以习近平法治思想为指导
  enforcement:
    inspections: 2770
    enterprises: 2479
    fines: 2590.69
    completion: 98.56
    plan: [测试市应急管理局2023年度安全生产监督检查计划]
    measures:
      - 深度融合完成四项执法行动
    previous_year:
      inspections: 2500
  leaders:
    note: 主要负责人带头学法
  problems:
    items: [执法新人多，专业性不强, 案卷质量不高]
"""


@pytest.fixture
def demo(demo_env, monkeypatch):
    """The fixture ontology, with drafter in this process pointed at it (as the CLI is by demo_env)."""
    for key in ("DRAFTER_SECTIONS", "DRAFTER_TEMPLATES"):
        monkeypatch.setenv(key, demo_env[key])
    return ontology_mod.load()


@pytest.fixture
def demo_answers_file(tmp_path) -> Path:
    path = tmp_path / "report.yaml"
    path.write_text(DEMO_ANSWERS, encoding="utf-8")
    return path


def pytest_collection_modifyitems(items):
    """A test that asks for the samples converted by LibreOffice is slow (pyproject.toml's markers)."""
    for item in items:
        if "sample_docx" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def sample_docx(tmp_path_factory):
    """The samples as LibreOffice-made .docx files, converted once for the whole run."""
    from tests.support.samples import sample_docx_files

    return sample_docx_files(tmp_path_factory.mktemp("samples"))
