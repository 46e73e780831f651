"""A .docx that drafter wrote carries its answers file; importing it gives those answers back.

Untouched, the answers come back exactly, byte for byte. Where the text was edited in Word or
WPS, the document's paragraphs no longer match a rebuild from the embedded answers: the
sections whose paragraphs changed (or gained a paragraph) get the document's text as their own
`text`, numbers as slots, and the import names them. Headings, metadata and the outline are
taken from the embedded answers as they were.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString

from drafter import markup, yamlio
from drafter.errors import DrafterError
from drafter.importer import outline as outline_mod
from drafter.importer import slots
from drafter.model import Heading, Paragraph, Table
from drafter.ontology import Ontology
from drafter.readers.source import Source

_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub("", text or "")


@dataclass
class Expected:
    text: str  # normalised, as the document shows it
    owner: str | None  # the section it belongs to
    prefix: str = ""  # what compose puts before the section's own text (number, heading, 一是…)
    heading: Heading | None = None


def _section_texts(composition, answers) -> dict[str, list[str]]:
    out = {}
    for sid, rendered in composition.rendered.items():
        texts = []
        for block in markup.parse(rendered, base_level=0):
            if isinstance(block, Heading):
                texts.append(_norm(block.body or ""))
            elif isinstance(block, Paragraph):
                texts.append(_norm(block.text))
        out[sid] = [t for t in texts if t]
    return out


def _expected(composition, answers) -> list[Expected]:
    doc = composition.document
    owned = _section_texts(composition, answers)
    order = [sid for sid in answers.outline.section_ids() if sid in owned]
    out: list[Expected] = [Expected(_norm(x), None) for x in (doc.doc_number, doc.title, doc.addressee and doc.addressee + "：") if x]
    pointer = 0

    def owner_of(text: str) -> tuple[str | None, str]:
        nonlocal pointer
        for k in range(pointer, len(order)):
            for piece in owned[order[k]]:
                at = text.find(piece)
                if piece and at != -1:
                    pointer = k
                    return order[k], text[:at]
        return None, ""

    pending: list[int] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            text = _norm(block.number + block.text + (block.body or ""))
            sid, prefix = owner_of(_norm(block.body)) if block.body else (None, "")
            out.append(Expected(text, sid, _norm(block.number + block.text) if block.body else "", block))
            if not block.body:
                pending.append(len(out) - 1)
        elif isinstance(block, Paragraph):
            sid, prefix = owner_of(_norm(block.text))
            out.append(Expected(_norm(block.text), sid, prefix))
            for k in pending:  # a standalone heading belongs with the text that follows it
                if out[k].heading is not None and out[k].heading.level > 2:
                    out[k].owner = sid
            pending = []
        elif isinstance(block, Table):
            out.append(Expected(_norm("".join("".join(r) for r in block.rows)), None))
    out += [Expected(_norm(x), None) for x in (doc.signature, doc.date) if x]
    return out


def import_embedded(source: Source, ontology: Ontology):
    from drafter import answers as answers_mod
    from drafter.compose import compose
    from drafter.importer import ImportResult, import_source
    from drafter.importer.metadata import Metadata

    text = source.embedded_answers or ""
    try:
        doc = yamlio.loads(text, source.path)
        answers = answers_mod.from_document(doc, ontology)
        composition = compose(answers, ontology)
    except DrafterError as exc:  # answers of another drafter version: read the text instead
        plain = Source(path=source.path, format=source.format, blocks=source.blocks, header_texts=source.header_texts,
                       notes=source.notes, dropped=source.dropped)
        result = import_source(plain, ontology)
        result.notes.append(f"文件内带有 drafter 的答案文件，但无法使用（{exc.message}），已按正文导入")
        return result
    meta = Metadata(title=answers.meta.display_title, issuer=answers.meta.issuer, year=answers.meta.year,
                    addressee=answers.meta.addressee, doc_number=answers.meta.doc_number,
                    signature=answers.meta.signature, date=answers.meta.date)
    result = ImportResult(text=text, meta=meta, units=[], shape="drafter 生成的文件", numbering=answers.outline.numbering,
                          source=source, embedded=True)
    expected = _expected(composition, answers)
    found = [_norm(b.text if not b.is_table else "".join("".join(r) for r in b.rows or [])) for b in source.blocks]
    edits = _edits(expected, found)
    if not edits:
        result.notes.append("这份 .docx 由 drafter 生成，正文未改动：已原样取回其中的答案文件")
        return result
    for sid, paragraphs in edits.items():
        _replace_text(doc, sid, paragraphs, ontology)
    result.changed = list(edits)
    result.text = doc.dumps()
    names = "、".join(f"{_heading(ontology, answers, sid)}（{sid}）" for sid in edits)
    result.notes.append(f"这份 .docx 由 drafter 生成，在 Word 中改过的章节已按改后的文字导回：{names}")
    return result


def _heading(ontology, answers, sid: str) -> str:
    section = ontology.sections.get(sid)
    return section.heading if section else sid


def _edits(expected: list[Expected], found: list[str]) -> dict[str, list[tuple[str, Expected | None]]]:
    """Sections whose paragraphs differ; for each, the document's paragraphs that are now its text."""
    matcher = difflib.SequenceMatcher(None, [e.text for e in expected], found, autojunk=False)
    changed: set[str] = set()
    taken: dict[int, str] = {}  # found index → owner
    pairs: dict[int, Expected] = {}
    last_owner = None
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        owners = [e.owner for e in expected[i1:i2] if e.owner]
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2)):
                if expected[i].owner:
                    taken[j] = expected[i].owner
                    pairs[j] = expected[i]
            last_owner = owners[-1] if owners else last_owner
            continue
        owner = owners[0] if owners else (last_owner or next((e.owner for e in expected[i2:] if e.owner), None))
        if owner is None:
            continue  # title, signature, date lines: not a section's text
        if j2 == len(found) and not owners and tag == "insert":
            continue  # lines after the last paragraph (signature and date written differently)
        changed.add(owner)
        for j in range(j1, j2):
            taken[j] = owner
            pairs.pop(j, None)
            if i2 - i1 == j2 - j1:
                pairs[j] = _with_prefix(expected[i1 + j - j1])
        last_owner = owners[-1] if owners else owner
    out: dict[str, list[tuple[str, Expected | None]]] = {}
    for j in sorted(taken):
        if taken[j] in changed:
            out.setdefault(taken[j], []).append((found[j], pairs.get(j)))
    return out


def _with_prefix(e: Expected) -> Expected:
    return e


def _replace_text(doc: yamlio.Document, sid: str, paragraphs: list[tuple[str, Expected | None]], ontology: Ontology) -> None:
    answers = doc.data.setdefault("answers", CommentedMap())
    entry = answers.get(sid)
    if not isinstance(entry, dict):
        entry = CommentedMap()
        answers[sid] = entry
    facts = slots.Facts()
    out = []
    base = None
    for text, exp in paragraphs:
        if exp is not None and exp.prefix and text.startswith(exp.prefix):
            text = text[len(exp.prefix):]
        heading = exp.heading if exp is not None else None
        if heading is not None and not heading.body and heading.level > 2:
            base = base if base is not None else 2
            out.append("#" * max(1, heading.level - base) + " " + outline_mod.escape(_norm(heading.text)))
            continue
        out.append(slots.slot_text(outline_mod.escape(text), facts))
    # first in the section, so that comments written before the next section stay with it
    for key in ("text", "facts"):
        if key in entry:
            del entry[key]
    entry.insert(0, "text", LiteralScalarString("\n\n".join(out) + "\n"))
    if facts.values:
        entry.insert(1, "facts", CommentedMap(facts.values))
    answers.yaml_set_comment_before_after_key(sid, before="在 Word 中改过：本节按改后的文字导回（text），请核对", indent=2)
