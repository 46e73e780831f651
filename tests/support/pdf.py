"""Render .docx to PDF with LibreOffice and read word boxes back with pdftotext -bbox.

Used by the rendered-layout tests: they check positions on real pages, not only the XML.
"""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

MM = 72 / 25.4
FONTS_CONF = Path(__file__).resolve().parents[1] / "render" / "fonts.conf"


def tools_missing() -> str | None:
    for tool in ("soffice", "pdftotext"):
        if not shutil.which(tool):
            return tool
    return None


def to_pdf(docx: Path, outdir: Path) -> Path:
    profile = Path(tempfile.gettempdir()) / f"drafter-lo-profile-{os.getuid()}"
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF))
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(outdir), str(docx)],
        check=True, capture_output=True, timeout=180, env=env,
    )
    pdf = outdir / (docx.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice did not write {pdf}"
    return pdf


@dataclass
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class Page:
    number: int
    width: float
    height: float
    words: list[Word]

    def lines(self, tolerance: float = 2.0) -> list[list[Word]]:
        """Words grouped into text lines by their top, each line sorted left to right."""
        rows: list[list[Word]] = []
        for w in sorted(self.words, key=lambda w: (w.y0, w.x0)):
            if rows and abs(rows[-1][0].y0 - w.y0) <= tolerance:
                rows[-1].append(w)
            else:
                rows.append([w])
        return [sorted(r, key=lambda w: w.x0) for r in rows]


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def read_pages(pdf: Path) -> list[Page]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for i, (width, height, body) in enumerate(_PAGE.findall(out), 1):
        words = [Word(html.unescape(t), float(a), float(b), float(c), float(d)) for a, b, c, d, t in _WORD.findall(body)]
        pages.append(Page(i, float(width), float(height), words))
    return pages
