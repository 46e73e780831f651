"""Make an offline install folder: drafter's wheel, every dependency's wheel, and scripts.

    python tools/bundle.py                         # Windows 64-bit, Python 3.11 (the default)
    python tools/bundle.py --python 3.12 -o 离线安装包
    python tools/bundle.py --platform here         # this machine (Linux): the tested recipe

Bureaus often work on an intranet without internet: copy the folder (or a zip of it) over,
double-click 安装.bat, then use drafter.bat. pip downloads wheels for another platform when
told which (--platform, --python-version); --only-binary keeps it from building anything
there. Needs internet on the machine that runs it, not on the one that installs.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

INSTALL_BAT = r"""@echo off
rem drafter 离线安装：在本文件夹建立 Python 虚拟环境，从 wheels 文件夹安装，不连接互联网。
setlocal
cd /d "%~dp0"
set "PY="
where py >nul 2>nul && set "PY=py -{python}"
if not defined PY set "PY=python"
%PY% -c "import sys; sys.exit(0 if sys.version_info[:2] == ({major}, {minor}) else 1)" 2>nul
if errorlevel 1 goto :nopython
%PY% -m venv "%~dp0venv" || goto :fail
"%~dp0venv\Scripts\python.exe" -m pip install --no-index --find-links "%~dp0wheels" drafter || goto :fail
echo.
echo 安装完成。用法：在本文件夹打开命令行，运行
echo     drafter.bat build 答案文件.yaml
echo     drafter.bat new
pause
exit /b 0
:nopython
echo 没有找到 Python {python}（64 位）。请先安装 Python {python}（安装时勾选“Add python.exe to PATH”），再运行本文件。
pause
exit /b 1
:fail
echo 安装失败，请把上面的信息发给技术人员。
pause
exit /b 1
"""

DRAFTER_BAT = r"""@echo off
"%~dp0venv\Scripts\drafter.exe" %*
"""

INSTALL_SH = """#!/bin/sh
# drafter 离线安装：在本文件夹建立 Python 虚拟环境，从 wheels 文件夹安装，不连接互联网。
set -e
cd "$(dirname "$0")"
"${PYTHON:-python3}" -m venv venv
venv/bin/python -m pip install --no-index --find-links wheels drafter
echo "安装完成。用法：./drafter.sh build 答案文件.yaml"
"""

DRAFTER_SH = """#!/bin/sh
exec "$(dirname "$0")/venv/bin/drafter" "$@"
"""

README = """drafter 离线安装包（{target}，Python {python}）

1. 先安装 Python {python}（64 位）；Windows 安装时勾选“Add python.exe to PATH”。
2. 把整个文件夹复制到要使用的电脑上（路径中最好没有空格），运行 {install}。
   安装不需要连接互联网：所需的全部软件包都在 wheels 文件夹中。
3. 以后在本文件夹运行 {run} build 答案文件.yaml 生成报告，{run} new 用向导起草。
"""


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"失败：{' '.join(command)}\n{done.stdout[-2000:]}{done.stderr[-2000:]}")


def _write(path: Path, text: str, windows: bool) -> None:
    if windows:  # cmd.exe on Chinese Windows reads .bat files as GBK, with CRLF line ends
        path.write_bytes(text.replace("\n", "\r\n").encode("gbk"))
    else:
        path.write_text(text, encoding="utf-8")
        path.chmod(0o755)


def bundle(out: Path, platform: str, python: str) -> Path:
    windows = platform.startswith("win")
    wheels = out / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp, str(ROOT)])
        own = next(Path(tmp).glob("drafter-*.whl"))
        shutil.copy(own, wheels / own.name)
    target = ["--platform", platform, "--python-version", python, "--implementation", "cp"] if platform != "here" else []
    _run([sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:", *target, "-d", str(wheels),
          str(wheels / own.name)])
    major, minor = python.split(".")[:2]
    if windows:
        _write(out / "安装.bat", INSTALL_BAT.format(python=python, major=major, minor=minor), True)
        _write(out / "drafter.bat", DRAFTER_BAT, True)
        (out / "说明.txt").write_bytes(README.format(target="Windows 64 位", python=python, install="安装.bat（双击）",
                                                    run="drafter.bat").replace("\n", "\r\n").encode("utf-8-sig"))
    else:
        _write(out / "install.sh", INSTALL_SH, False)
        _write(out / "drafter.sh", DRAFTER_SH, False)
        (out / "说明.txt").write_text(README.format(target=platform, python=python, install="./install.sh",
                                                   run="./drafter.sh"), encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="生成 drafter 的离线安装包（含全部依赖的 wheel）")
    parser.add_argument("--platform", default="win_amd64",
                        help="目标平台：win_amd64（默认）、manylinux2014_x86_64 等；here 表示本机")
    parser.add_argument("--python", default="3.11", help="目标电脑上的 Python 版本（默认 3.11）")
    parser.add_argument("-o", "--output", help="输出文件夹（默认 dist/drafter-offline-<平台>-py<版本>）")
    args = parser.parse_args()
    python = args.python if args.platform != "here" else f"{sys.version_info.major}.{sys.version_info.minor}"
    out = Path(args.output or ROOT / "dist" / f"drafter-offline-{args.platform}-py{python.replace('.', '')}")
    bundle(out, args.platform, python)
    print(f"已生成离线安装包：{out}")


if __name__ == "__main__":
    main()
