"""The five sample reports in ../shared/samples, read at run time (never copied into the
repository), and LibreOffice conversions of them for the tests that need a .docx."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from drafter.readers import convert

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = Path(os.environ.get("DRAFTER_SAMPLES") or ROOT.parent / "shared" / "samples")


def soffice_convert(files: list[Path], target: str, outdir: Path, infilter: str | None = None) -> None:
    """Convert files with LibreOffice into outdir, with a profile of its own (so a LibreOffice
    the user has open does not get in the way)."""
    profile = (outdir / "profile").as_uri()
    command = [convert.soffice(), f"-env:UserInstallation={profile}", "--headless", "--norestore"]
    if infilter:
        command.append(f"--infilter={infilter}")
    subprocess.run([*command, "--convert-to", target, "--outdir", str(outdir), *map(str, files)],
                   capture_output=True, timeout=300, check=True)


def sample_docx_files(folder: Path) -> dict[str, Path]:
    """Each sample .txt converted to .docx by LibreOffice: name → path; {} without either."""
    if not SAMPLES.is_dir() or convert.soffice() is None:
        return {}
    files = sorted(SAMPLES.glob("*.txt"))
    soffice_convert(files, "docx", folder, infilter="Text (encoded):UTF8,LF,,,")
    return {p.stem: folder / f"{p.stem}.docx" for p in files}
