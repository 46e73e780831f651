"""drafter build: answers file(s) → report file(s), one at a time or a batch in one process.

The ontology and the compiled templates are loaded once and shared by every report of a
batch (and by every rebuild of `--watch`). Outputs are written atomically and never onto an
answers file; when Word or WPS holds the output open (Windows refuses to replace it), the
report goes to a sibling name (报告-1.docx) instead of failing.
"""
from __future__ import annotations

import gc
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import DrafterError, Location, os_reason
from drafter.writers import DEFAULT_FORMAT, WRITERS, WriteOptions, format_of

if TYPE_CHECKING:
    from drafter.yamlio import Inputs

ANSWERS_SUFFIXES = (".yaml", ".yml")
SIBLINGS = 20  # 报告-1 … 报告-20: beyond that, the folder has a problem a new name will not fix


@dataclass
class Built:
    """One built report: where it came from, where it went, and the warnings to show."""

    source: Path
    output: Path
    warnings: list[str] = field(default_factory=list)
    watched: list[Path] = field(default_factory=list)  # the files it was built from (--watch)


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files as given; a folder stands for every answers file in it (not in sub-folders)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir()
                           if p.suffix.lower() in ANSWERS_SUFFIXES and not p.name.startswith(".") and p.is_file())
            if not found:
                raise DrafterError("文件夹中没有答案文件（.yaml）", Location(file=str(path)))
            out += found
        else:
            out.append(path)
    return out


def output_path(output: str | Path | None, fmt: str | None, title: str, directory: Path | None = None) -> tuple[Path, str]:
    """Where to write and in which format: --format wins, else the extension, else .docx."""
    if output is not None:
        out = Path(output)
        inferred = format_of(out)
        if fmt is None and inferred is None:
            if out.suffix:
                raise DrafterError(f"无法从扩展名“{out.suffix}”判断输出格式；请用 --format 指定（{'、'.join(WRITERS)}）",
                                   Location(file=str(out)))
            inferred = DEFAULT_FORMAT
            out = out.with_name(out.name + WRITERS[inferred].extension)
        return out, fmt or inferred
    fmt = fmt or DEFAULT_FORMAT
    from drafter.yamlio import safe_filename

    return (directory or Path()) / safe_filename(title, WRITERS[fmt].extension), fmt


def build_file(source: Path, output: str | Path | None, fmt: str | None, *, directory: Path | None = None,
               forbidden: "Inputs | None" = None, taken: set[Path] | None = None, ontology=None) -> Built:
    """Build one report. `forbidden` holds paths never to write (the inputs); `taken`, the
    outputs already written by this batch: a clashing title falls back to the file's name."""
    from drafter import ontology as ontology_mod
    from drafter.compose import compose

    onto = ontology or ontology_mod.load()
    from drafter.yamlio import Inputs, check_output

    inputs = forbidden
    if inputs is None or inputs.find(source) is None:
        inputs = Inputs((source, *(inputs.paths if inputs else ())))
    if output is not None:
        check_output(Path(output), inputs)  # onto the answers file: say that, whatever its extension
    answers, profile = load(source, onto)
    out, fmt = output_path(output, fmt, answers.meta.display_title, directory)
    if output is None and taken:
        candidates = [out, out.with_name(f"{source.stem}{WRITERS[fmt].extension}")]
        candidates += [out.with_name(f"{source.stem}-{n}{WRITERS[fmt].extension}") for n in range(2, len(taken) + 3)]
        out = next(c for c in candidates if c.resolve() not in taken)
    check_output(out, inputs)
    result = compose(answers, onto)
    data = WRITERS[fmt].function(result.document, WriteOptions(profile=profile))
    written, warnings = write_output(out, data, inputs), list(result.warnings)
    if written != out:
        warnings.append(f"{out} 正被其他程序（Word 或 WPS）打开，无法覆盖；本次已另存为 {written.name}")
    from drafter import layout

    layout_file = layout.layout_file(source, answers.document.data if answers.document else None)
    return Built(source, written, warnings, [source, *([layout_file] if layout_file else [])])


def load(source: Path, onto):
    """The answers and their style profile, read fast; on any error, read again round-trip
    so that the error names its line and column."""
    from drafter import answers as answers_mod
    from drafter import layout, yamlio

    try:
        answers = answers_mod.from_document(yamlio.load_fast(source), onto)
        return answers, layout.profile_for(answers.document.data, source)
    except DrafterError:
        answers = answers_mod.load(source, onto)
        return answers, layout.profile_for(answers.document.data, source)


def write_output(out: Path, data: bytes, inputs: "Inputs | tuple[Path, ...]" = ()) -> Path:
    """Write atomically, never onto an input; if the file is locked (Windows, open in Word),
    use 报告-1.docx …"""
    from drafter.errors import os_reason
    from drafter.yamlio import Inputs, atomic_write_bytes, check_output

    inputs = inputs if isinstance(inputs, Inputs) else Inputs(inputs)
    check_output(out, inputs)
    for candidate in [out, *(out.with_name(f"{out.stem}-{n}{out.suffix}") for n in range(1, SIBLINGS + 1))]:
        try:
            if candidate != out:
                check_output(candidate, inputs)
            atomic_write_bytes(candidate, data)
            return candidate
        except PermissionError as exc:
            # a file open in Word refuses to be replaced; a new file refused is plain permissions
            if not _locked(candidate, exc):
                raise DrafterError(f"无法写入输出文件（{os_reason(exc)}）", Location(file=str(out))) from None
        except OSError as exc:
            raise DrafterError(f"无法写入输出文件（{os_reason(exc)}）", Location(file=str(out))) from None
    raise DrafterError("输出文件及其备用文件名都被占用，请关闭 Word 或 WPS 后重试", Location(file=str(out)))


def _locked(path: Path, exc: PermissionError) -> bool:
    """A PermissionError on an existing file in a writable folder: another program holds it."""
    import os

    return path.exists() and os.access(path.parent if str(path.parent) else ".", os.W_OK)


def build_batch(inputs: list[Path], outdir: Path | None, fmt: str | None) -> int:
    """Build every report; report each failure at the end; exit status 1 if any failed."""
    from drafter import ontology as ontology_mod

    if outdir is not None:
        if (outdir.exists() and not outdir.is_dir()) or (not outdir.exists() and format_of(outdir)):
            raise DrafterError("一次生成多份报告时，-o 应为文件夹；格式请用 --format 指定", Location(file=str(outdir)))
        try:
            outdir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DrafterError(f"无法创建输出文件夹（{os_reason(exc)}）", Location(file=str(outdir))) from None
    from drafter.yamlio import Inputs

    onto = ontology_mod.load()
    forbidden = Inputs(inputs)
    failures: list[tuple[Path, DrafterError]] = []
    taken: set[Path] = set()
    total = len(inputs)
    for n, source in enumerate(inputs, 1):
        try:
            built = build_file(source, None, fmt, directory=outdir, forbidden=forbidden, taken=taken, ontology=onto)
        except DrafterError as exc:
            failures.append((source, exc))
            print(f"[{n}/{total}] 失败：{source}", flush=True)
            continue
        taken.add(built.output.resolve())
        if n == 1:
            gc.freeze()  # modules, ontology, templates: loaded once, never garbage; stop rescanning them
        for warning in built.warnings:
            print(f"提示：{source.name}：{warning}", file=sys.stderr)
        print(f"[{n}/{total}] 已生成：{built.output}", flush=True)
    if failures:
        print(f"共 {total} 份，成功 {total - len(failures)} 份，失败 {len(failures)} 份：", file=sys.stderr)
        for _, exc in failures:
            print(f"错误：{exc}", file=sys.stderr)
        return 1
    print(f"共 {total} 份，全部生成。")
    return 0
