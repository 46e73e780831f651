"""drafter build: answers file(s) → report file(s), one at a time or a batch in one process.

The ontology and the compiled templates are loaded once and shared by every report of a
batch (and by every rebuild of `--watch`). Outputs are written atomically and never onto an
answers file; when Word or WPS holds the output open (Windows refuses to replace it), the
report goes to a sibling name (报告-1.docx) instead of failing.

A .docx drafter writes carries, in its answers part, a digest of its body's text. Before
an existing .docx is replaced, that digest is compared with the body it holds now: a
report edited in Word since (or a document drafter did not write) is never overwritten.
Under the default name the new report goes to 报告-1.docx and a line says so; a name given
with -o is refused unless --force.
"""
from __future__ import annotations

import gc
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import DrafterError, Location, os_reason
from drafter.writers import DEFAULT_FORMAT, WRITERS, WriteOptions, check_extension, extension, format_of

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


def expand_inputs(paths: list[Path], once: bool = True) -> list[Path]:
    """Files as given; a folder stands for every answers file in it (not in sub-folders).
    With `once`, a file given twice (by another spelling of its path, a hard link, or as a
    member of a folder also given) is there once: it would be built twice under two names.
    (rollup says which files are one instead: there a second copy is a mistake to name.)"""
    from drafter.yamlio import Inputs

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
    if len(out) < 2 or not once:
        return out
    seen = Inputs(())
    return [path for path in out if not path.exists() or seen.add(path) is None]


def output_path(output: str | Path | None, fmt: str | None, title: str, directory: Path | None = None) -> tuple[Path, str]:
    """Where to write and in which format: the extension, which --format must agree with;
    no extension: --format's (else .docx) is added."""
    if output is not None:
        out = Path(output)
        fmt = check_extension(out, fmt)
        if not extension(out):
            out = out.with_name(out.name + WRITERS[fmt].extension)
        return out, fmt
    fmt = fmt or DEFAULT_FORMAT
    from drafter.yamlio import safe_filename

    return (directory or Path()) / safe_filename(title, WRITERS[fmt].extension), fmt


def build_file(source: Path, output: str | Path | None, fmt: str | None, *, directory: Path | None = None,
               forbidden: Inputs | None = None, taken: set[Path] | None = None, ontology=None,
               force: bool = False, final: bool = False) -> Built:
    """Build one report. `forbidden` holds paths never to write (the inputs); `taken`, the
    outputs already written by this batch: a clashing title falls back to the file's name.
    force: replace an output .docx even when it was edited since drafter wrote it."""
    from drafter import ontology as ontology_mod
    from drafter.compose import compose

    onto = ontology or ontology_mod.load()
    from drafter.yamlio import Inputs, check_output

    inputs = forbidden
    if inputs is None or inputs.find(source) is None:
        inputs = Inputs((source, *(inputs.paths if inputs else ())))
    if output is not None:
        check_output(Path(output), inputs)  # onto the answers file: say that, whatever its extension
        output_path(output, fmt, "")  # a wrong extension is said before the answers are read
    answers, profile = load(source, onto)
    out, fmt = output_path(output, fmt, answers.meta.display_title, directory)
    if output is None and taken:
        candidates = [out, out.with_name(f"{source.stem}{WRITERS[fmt].extension}")]
        candidates += [out.with_name(f"{source.stem}-{n}{WRITERS[fmt].extension}") for n in range(2, len(taken) + 3)]
        out = next(c for c in candidates if c.resolve() not in taken)
    check_output(out, inputs)
    target, note = keep_edited(out, fmt, explicit=output is not None, force=force, taken=taken)
    result = compose(answers, onto)
    if final:
        refuse_unfinished(result, source)
    data = render(result.document, fmt, WriteOptions(profile=profile))
    written, warnings = write_output(target, data, inputs, protect=not force), list(result.warnings)
    if note:
        warnings.append(note)
    if written != target:
        warnings.append(f"{target} 正被其他程序（Word 或 WPS）打开，无法覆盖；本次已另存为 {written.name}")
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


def refuse_unfinished(result, source: Path) -> None:
    """--final: the report for submission has no carried paragraph left unreviewed."""
    if not result.document.date:
        raise DrafterError("还没有填写成文日期（report.date），不能生成定稿；填写后再运行，或去掉 --final 生成草稿",
                           Location(file=str(source), field="report.date"))
    from drafter.leftovers import found_in
    from drafter.model import Heading, Paragraph

    texts = [t for b in result.document.blocks if isinstance(b, (Heading, Paragraph))
             for t in (b.text, getattr(b, "body", None)) if t]
    left = [written for text in texts for _, written in found_in(text)]
    if left:
        raise DrafterError(f"报告中还有 {len(left)} 处待填的内容（{'、'.join(dict.fromkeys(left[:5]))}），不能生成定稿；"
                           "填好后再运行，或去掉 --final 生成草稿", Location(file=str(source)))
    pending = [(sid, mark) for sid, marks in result.pending.items() for mark in marks]
    if pending:
        named = "；".join(f"{sid}：“{mark.opening}……”（{mark.kind}）" for sid, mark in pending[:3])
        raise DrafterError(f"还有 {len(pending)} 段沿用上年的文字没有处理（段首的【改写】【核对】），不能生成定稿："
                           f"{named}{'等' if len(pending) > 3 else ''}；处理后删去段首的标记，或去掉 --final 生成草稿",
                           Location(file=str(source)))


def write_output(out: Path, data: bytes, inputs: Inputs | tuple[Path, ...] = (), protect: bool = False) -> Path:
    """Write atomically, never onto an input; if the file is locked (Windows, open in Word),
    use 报告-1.docx … (protect: passing over a .docx edited since drafter wrote it)"""
    from drafter.errors import os_reason
    from drafter.yamlio import Inputs, atomic_write_bytes, check_output

    inputs = inputs if isinstance(inputs, Inputs) else Inputs(inputs)
    check_output(out, inputs)
    for candidate in [out, *siblings(out)]:
        try:
            if candidate != out:
                check_output(candidate, inputs)
                if protect and edited(candidate):
                    continue
            atomic_write_bytes(candidate, data)
            return candidate
        except PermissionError as exc:
            # a file open in Word refuses to be replaced; a new file refused is plain permissions
            if not _locked(candidate, exc):
                raise DrafterError(f"无法写入输出文件（{os_reason(exc)}）", Location(file=str(out))) from None
        except OSError as exc:
            raise DrafterError(f"无法写入输出文件（{os_reason(exc)}）", Location(file=str(out))) from None
    raise DrafterError("输出文件及其备用文件名都被占用，请关闭 Word 或 WPS 后重试", Location(file=str(out)))


def siblings(out: Path) -> list[Path]:
    """报告-1.docx … 报告-20.docx: where a report goes when 报告.docx cannot be replaced."""
    return [out.with_name(f"{out.stem}-{n}{out.suffix}") for n in range(1, SIBLINGS + 1)]


# ---- never overwrite a report edited in Word ---------------------------------------------

ANSWERS_ROOT = b'<answers xmlns="urn:drafter:answers"'  # the answers part's root (drafter.writers.oxml)
ANSWERS_NS = b"urn:drafter:answers"
DIGEST_ATTR = "body-sha256"
_DIGEST = re.compile(rb"<[^>]*\s" + DIGEST_ATTR.encode() + rb"""=["']([0-9a-f]{64})["']""")
_ANSWERS_ITEM = re.compile(r"customXml/item\d+\.xml")
_BODY = re.compile(rb"<w:body(?:\s[^>]*)?>(.*)</w:body>", re.S)
# what a reader sees of the body: text, breaks, tabs (a run's <w:tab/>, not a paragraph's tab
# stops), and where each paragraph, table, row and cell starts
_SEEN = re.compile(rb"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<w:(br|cr)(?:\s[^>]*)?/>|<w:(tab)\s*/>|<w:(p|tbl|tr|tc)(?:\s[^>]*)?/?>")
_MARKS = {b"br": b"\v", b"cr": b"\v", b"tab": b"\t", b"p": b"\n", b"tbl": b"\f", b"tr": b"\f", b"tc": b"\r"}


def body_digest(document_xml: bytes) -> str:
    """A digest of what the body shows: its text, paragraph by paragraph and cell by cell,
    with its breaks and tabs. A save in Word that changes nothing keeps it; any edit to the
    words, a paragraph added or removed, changes it. Formatting alone (bold, fonts) is not seen."""
    import hashlib
    from html import unescape

    body = _BODY.search(document_xml)
    seen = b"".join(m.group(1) if m.group(1) is not None else _MARKS[m.group(2) or m.group(3) or m.group(4)]
                    for m in _SEEN.finditer(body.group(1) if body else document_xml))
    text = unescape(seen.decode("utf-8", "replace"))  # &amp; and &#x4E00; read as what they stand for
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def render(document, fmt: str, options: WriteOptions) -> bytes:
    """The report in its format; a .docx with the digest of its body in its answers part."""
    data = WRITERS[fmt].function(document, options)
    return stamp(data) if fmt == "docx" else data


def stamp(docx: bytes) -> bytes:
    """The .docx with the digest of its body added to drafter's answers part (unchanged when
    it has none). The other parts are copied as they are deflated."""
    import io
    import zipfile
    import zlib

    from drafter.writers.zipped import Deflated, package

    parts: dict[str, bytes | Deflated] = {}
    found = None
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        for info in z.infolist():
            start = info.header_offset + 30
            name_length, extra_length = int.from_bytes(docx[start - 4:start - 2], "little"), \
                int.from_bytes(docx[start - 2:start], "little")
            raw = docx[start + name_length + extra_length:start + name_length + extra_length + info.compress_size]
            if info.compress_type != zipfile.ZIP_DEFLATED:
                parts[info.filename] = z.read(info)
                continue
            parts[info.filename] = Deflated(info.CRC, info.file_size, raw)
            if found is None and _ANSWERS_ITEM.fullmatch(info.filename) and info.file_size:
                text = zlib.decompress(raw, -15)
                if text.find(ANSWERS_ROOT, 0, 200) != -1:
                    found = info.filename, text
        if found is None or "word/document.xml" not in parts:
            return docx
        name, text = found
        digest = body_digest(z.read("word/document.xml"))
    text = text.replace(ANSWERS_ROOT, ANSWERS_ROOT + f' {DIGEST_ATTR}="{digest}"'.encode(), 1)
    # deflated fast: the writer has deflated this part once already (level 6 would double its cost)
    parts[name] = Deflated(zlib.crc32(text), len(text), zlib.compress(text, 1, -15))
    return package(parts)


def edited(path: Path) -> str | None:
    """Why the .docx at path must not be replaced: edited in Word since drafter wrote it, or
    not drafter's. None for drafter's own output as written, for a missing file and for any
    other format."""
    if path.suffix.lower() != ".docx" or not path.is_file():
        return None
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            stamped = None
            for name in names:
                if _ANSWERS_ITEM.fullmatch(name):
                    with z.open(name) as part:  # its root element (a part Word wrote again may say it otherwise)
                        head = part.read(400)
                    if ANSWERS_NS in head:
                        stamped = _DIGEST.search(head)
                        if stamped is None:
                            return "由旧版 drafter 生成，无法确认是否在 Word 中改过"
                        break
            if stamped is None:
                return "不是 drafter 生成的文件"
            if body_digest(z.read("word/document.xml")) != stamped.group(1).decode():
                return "已在 Word 中改过"
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError, EOFError):
        return "不是 drafter 生成的文件"
    return None


def keep_edited(out: Path, fmt: str, *, explicit: bool, force: bool,
                taken: set[Path] | None = None) -> tuple[Path, str | None]:
    """Where the report goes and what to say about it: `out`, unless out is a .docx that was
    edited since drafter wrote it (or is not drafter's). Then a name given by the user is
    refused (unless force); the default name gives way to the first of 报告-1.docx … that is
    free or drafter's own unedited output."""
    if force or fmt != "docx":
        return out, None
    why = edited(out)
    if why is None:
        return out, None
    if explicit:
        raise DrafterError(f"这份 .docx {why}，没有覆盖；要覆盖请加 --force，或用 -o 另选文件名",
                           Location(file=str(out)))
    for candidate in siblings(out):
        if (taken and candidate.resolve() in taken) or candidate.is_dir() or edited(candidate):
            continue
        return candidate, f"{out.name} {why}，没有覆盖；新生成的报告是 {candidate.name}"
    raise DrafterError(f"这份 .docx {why}，备用文件名 {out.stem}-1 … -{SIBLINGS}{out.suffix} 也都是别人改过的文件，"
                       "没有覆盖；请用 -o 另选文件名", Location(file=str(out)))


def _locked(path: Path, exc: PermissionError) -> bool:
    """A PermissionError on an existing file in a writable folder: another program holds it."""
    import os

    return path.exists() and os.access(path.parent if str(path.parent) else ".", os.W_OK)


def build_batch(inputs: list[Path], outdir: Path | None, fmt: str | None, force: bool = False,
                final: bool = False) -> int:
    """Build every report; report each failure at the end; exit status 1 if any failed.
    A report edited in Word is kept, the new one written beside it (unless force)."""
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
            built = build_file(source, None, fmt, directory=outdir, forbidden=forbidden, taken=taken, ontology=onto,
                               force=force, final=final)
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
