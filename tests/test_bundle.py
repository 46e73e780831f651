"""The offline install folder (tools/bundle.py): complete for Windows, installable offline here.

Making the folder downloads wheels from the package index: skipped when it cannot be reached.
Installing from it uses pip --no-index, so the install itself never touches the network.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # pip resolves and installs whole bundles

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "tools" / "bundle.py"


def make(out: Path, *args: str) -> Path:
    done = subprocess.run([sys.executable, str(BUNDLE), "-o", str(out), *args], capture_output=True, text=True,
                          timeout=600)
    if done.returncode != 0 and any(w in done.stdout + done.stderr for w in
                                    ("NewConnectionError", "Could not find a version", "ConnectTimeout", "Network")):
        pytest.skip("没有连接到软件包索引，无法下载 wheel")
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_windows_bundle_resolves_every_dependency(tmp_path):
    out = make(tmp_path / "win", "--platform", "win_amd64", "--python", "3.11")
    wheels = out / "wheels"
    names = [p.name for p in wheels.iterdir()]
    assert any(n.startswith("drafter-") for n in names)
    assert any(n.startswith("lxml-") and n.endswith("win_amd64.whl") for n in names)
    assert any(n.startswith("ruamel_yaml_clib-") and n.endswith("win_amd64.whl") for n in names)
    # Resolve again from the folder alone: every requirement, for Windows, with no index.
    again = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-index", "--find-links", str(wheels), "--only-binary=:all:",
         "--platform", "win_amd64", "--python-version", "3.11", "--implementation", "cp",
         "-d", str(tmp_path / "check"), "drafter"],
        capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    bat = (out / "安装.bat").read_bytes()
    assert b"\r\n" in bat and b"--no-index" in bat and "安装完成".encode("gbk") in bat
    assert (out / "drafter.bat").exists()


def test_linux_bundle_installs_offline_and_builds_an_example(tmp_path):
    out = make(tmp_path / "here", "--platform", "here")
    # the installed drafter, not this checkout: no PYTHONPATH
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"PYTHON": sys.executable}
    install = subprocess.run(["sh", str(out / "install.sh")], capture_output=True, text=True, timeout=600, env=env)
    assert install.returncode == 0, install.stdout + install.stderr
    assert "安装完成" in install.stdout
    report = tmp_path / "报告.docx"
    built = subprocess.run(["sh", str(out / "drafter.sh"), "build", str(ROOT / "examples" / "kunshan-2023.yaml"),
                            "-o", str(report)], capture_output=True, text=True, timeout=300, cwd=tmp_path, env=env)
    assert built.returncode == 0, built.stderr
    assert report.stat().st_size > 10_000
    where = subprocess.run([str(out / "venv" / "bin" / "python"), "-c", "import drafter; print(drafter.__file__)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path)
    assert str(out / "venv") in where.stdout
