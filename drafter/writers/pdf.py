"""PDF writer: the .docx, converted by LibreOffice, so the two match page for page.

LibreOffice is found on PATH, in $DRAFTER_SOFFICE, or in its usual install folders (Windows,
macOS). It runs with a profile of drafter's own (in the user cache folder), so a conversion
works while the clerk has LibreOffice open, and later runs skip the first-start setup.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from drafter.errors import DrafterError
from drafter.model import Document
from drafter.writers import WriteOptions

TIMEOUT_SECONDS = 180
INSTALL_HINT = ("生成 PDF 需要安装 LibreOffice（免费办公软件，https://zh-cn.libreoffice.org/download/）；"
                "安装后重新运行即可。也可以先生成 .docx，再用 Word 或 WPS“另存为 PDF”")


def _install_folders() -> list[Path]:
    """Where LibreOffice's soffice usually lives when it is not on PATH."""
    folders = []
    for var in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
        base = os.environ.get(var)
        if base:
            folders.append(Path(base) / "LibreOffice" / "program")
    if os.environ.get("LOCALAPPDATA"):
        folders.append(Path(os.environ["LOCALAPPDATA"]) / "Programs" / "LibreOffice" / "program")
    folders += [Path(r"C:\Program Files\LibreOffice\program"), Path("/Applications/LibreOffice.app/Contents/MacOS"),
                Path("/opt/libreoffice/program"), Path("/usr/lib/libreoffice/program")]
    return folders


def find_soffice() -> str | None:
    override = os.environ.get("DRAFTER_SOFFICE")
    if override:
        return override if Path(override).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    # On Windows soffice.com is the console launcher: it waits for the conversion to finish
    executables = ("soffice.com", "soffice.exe") if sys.platform == "win32" else ("soffice",)
    for folder in _install_folders():
        for executable in executables:
            candidate = folder / executable
            if candidate.is_file():
                return str(candidate)
    return None


def _profile_dir() -> Path:
    base = Path(os.environ.get("LOCALAPPDATA") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "drafter" / "libreoffice"


def convert(docx_bytes: bytes, soffice: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as tmp:
        source = Path(tmp) / "report.docx"
        source.write_bytes(docx_bytes)
        command = [soffice, f"-env:UserInstallation={_profile_dir().as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", tmp, str(source)]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            raise DrafterError(f"LibreOffice 转换 PDF 超过 {TIMEOUT_SECONDS} 秒仍未完成，已放弃；"
                               "请关闭其他 LibreOffice 窗口后重试") from None
        except OSError as exc:
            raise DrafterError(f"无法启动 LibreOffice（{soffice}：{exc.strerror}）。{INSTALL_HINT}") from None
        pdf = source.with_suffix(".pdf")
        if done.returncode != 0 or not pdf.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            raise DrafterError("LibreOffice 未能生成 PDF" + (f"（{detail[-1]}）" if detail else ""))
        return pdf.read_bytes()


def write(doc: Document, options: WriteOptions) -> bytes:
    soffice = find_soffice()  # before the .docx is built: a missing tool fails fast
    if soffice is None:
        raise DrafterError(INSTALL_HINT)
    from drafter.writers.docx import write as write_docx

    return convert(write_docx(doc, options), soffice)
