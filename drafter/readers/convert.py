"""Formats read through an outside converter: .doc/.wps/.rtf/.odt through LibreOffice (into a
.docx, then read as one), .pdf through poppler's pdftotext. Each runs in a temporary folder
with a private LibreOffice profile (a running LibreOffice would otherwise swallow the job) and
a time limit."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from drafter.readers.sniff import fail
from drafter.readers.source import Source

TIMEOUT_SECONDS = 120
SOFFICE_NAMES = ("soffice", "libreoffice")
SOFFICE_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "/opt/libreoffice/program/soffice",
)
PDFTOTEXT_PLACES = (r"C:\Program Files\poppler\Library\bin\pdftotext.exe",
                    r"C:\Program Files\poppler\bin\pdftotext.exe")


def find_program(names: tuple[str, ...], places: tuple[str, ...]) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in places if os.path.isfile(p)), None)


def soffice() -> str | None:
    return find_program(SOFFICE_NAMES, SOFFICE_PLACES)


def _run(path: Path, command: list[str], what: str) -> None:
    try:
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        raise fail(path, f"{what}转换超时（超过 {TIMEOUT_SECONDS} 秒），文件可能已损坏或设置了密码") from None
    except OSError as exc:
        raise fail(path, f"无法运行{what}（{exc.strerror}）") from None
    if done.returncode != 0:
        raise fail(path, f"{what}无法转换这个文件，文件可能已损坏或设置了密码")


def read_via_libreoffice(path: Path, data: bytes, fmt: str) -> Source:
    from drafter.readers.docx import read_docx

    program = soffice()
    if program is None:
        raise fail(path, f"读取 .{fmt} 文件需要 LibreOffice，请安装 LibreOffice（https://zh-cn.libreoffice.org/）"
                         "后再试，或在 Word、WPS 中把它另存为 .docx")
    with tempfile.TemporaryDirectory(prefix="drafter-") as tmp:
        folder = Path(tmp)
        source = folder / f"input.{fmt}"
        source.write_bytes(data)
        profile = (folder / "profile").as_uri()
        _run(path, [program, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "docx", "--outdir", str(folder / "out"), str(source)], "LibreOffice ")
        converted = folder / "out" / "input.docx"
        if not converted.is_file():
            raise fail(path, "LibreOffice 无法转换这个文件，文件可能已损坏或设置了密码")
        result = read_docx(path, converted.read_bytes())
    result.format = fmt
    result.notes.insert(0, f"已用 LibreOffice 将 .{fmt} 转换为 .docx 后读取")
    return result


def read_doc(path: Path, data: bytes) -> Source:
    return read_via_libreoffice(path, data, "doc")


def read_wps(path: Path, data: bytes) -> Source:
    return read_via_libreoffice(path, data, "wps")


def read_rtf(path: Path, data: bytes) -> Source:
    return read_via_libreoffice(path, data, "rtf")


def read_pdf(path: Path, data: bytes) -> Source:
    from drafter.readers.pdf import paragraphs
    from drafter.readers.source import SourceBlock

    program = find_program(("pdftotext",), PDFTOTEXT_PLACES)
    if program is None:
        raise fail(path, "读取 PDF 文件需要 poppler 的 pdftotext，请安装 poppler-utils（Windows 可下载 poppler "
                         "并把其 bin 文件夹加入 PATH）后再试，或改用 Word 原稿")
    with tempfile.TemporaryDirectory(prefix="drafter-") as tmp:
        source, text = Path(tmp) / "input.pdf", Path(tmp) / "output.txt"
        source.write_bytes(data)
        _run(path, [program, "-enc", "UTF-8", "-layout", str(source), str(text)], "pdftotext ")
        output = text.read_bytes() if text.is_file() else b""
    if not output.strip():
        raise fail(path, "PDF 中没有可提取的文字（可能是扫描件或图片），请先用 OCR 识别成文字，或改用 Word 原稿")
    texts = paragraphs(output.decode("utf-8", errors="replace"))
    blocks = [SourceBlock("paragraph", text, i) for i, text in enumerate(texts, 1)]
    return Source(path=path, format="pdf", blocks=blocks, notes=["已用 pdftotext 提取 PDF 中的文字"])
