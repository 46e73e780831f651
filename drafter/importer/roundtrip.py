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
from dataclasses import dataclass, field

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString

from drafter import carried, lists, markup, yamlio
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
    owners: list[tuple[str, int, int]] = field(default_factory=list)  # (section, start, end) of each one's text in it
    heading: Heading | None = None
    depth: int | None = None  # a section's own lower heading: `#` × depth in its text
    review: tuple[str, int] | None = None  # a carried paragraph still marked: (section, its mark's place there)

    @property
    def owner(self) -> str | None:
        return self.owners[0][0] if self.owners else None

    def split(self, found: str) -> tuple[list[tuple[str, str]], list[str]]:
        """The edited paragraph cut into its sections' texts; and whether what compose itself
        writes around them (heading number and text, 一是<heading>。) was edited — that lives
        in the outline, not in a section. Each cut is at the lead compose writes before the
        next section when the lead is still there, else where the alignment puts it."""
        blocks = difflib.SequenceMatcher(None, self.text, found, autojunk=False).get_matching_blocks()

        def to_found(pos: int) -> int:
            for a, b, size in blocks:
                if a <= pos <= a + size:
                    return b + (pos - a)
                if a > pos:
                    return b
            return len(found)

        edited: list[str] = []  # the sections whose lead (heading, 一是<heading>。) was edited
        first_lead = self.text[:self.owners[0][1]]
        if found.startswith(first_lead):
            begin = len(first_lead)
        else:
            begin = to_found(self.owners[0][1])
            edited.append(self.owners[0][0])
        pieces = []
        for k, (sid, _, end) in enumerate(self.owners):
            following = self.owners[k + 1][1] if k + 1 < len(self.owners) else len(self.text)
            lead = self.text[end:following]  # 二是<heading>。 before the next; the tail after the last
            if k + 1 == len(self.owners):
                at = len(found) - len(lead) if lead and found.endswith(lead) else (len(found) if not lead else -1)
            else:
                at = found.find(lead, begin) if lead else -1
            if at < begin:
                at = to_found(end)
                next_begin = to_found(following)
                if k + 1 < len(self.owners):
                    edited.append(self.owners[k + 1][0])
            else:
                next_begin = at + len(lead)
            pieces.append((sid, found[begin:at]))
            begin = next_begin
        return pieces, edited


_LEAD = re.compile(r"[一二三四五六七八九十]+是")
_ITEM_MARK = re.compile(lists.ITEM + ".", re.S)
_OWN_NUMBER = re.compile(r"[一二三四五六七八九十]+是$")


def _widen(owners: list[tuple[str, int, int]], text: str, offset: int) -> list[tuple[str, int, int]]:
    """Each section's words run on to the next one's 一是-lead, the last one's to the end of the
    paragraph: compose may touch a section's text after rendering (a repeated year left out), so
    a piece not found as rendered still belongs to the section before it, never to nobody."""
    out = []
    for k, (sid, start, end) in enumerate(owners):
        if k + 1 < len(owners):
            gap = text[end - offset:owners[k + 1][1] - offset]
            leads = list(_LEAD.finditer(gap))
            end = end + leads[-1].start() if leads else owners[k + 1][1]
        else:
            end = offset + len(text)
        out.append((sid, start, end))
    return out


@dataclass
class _Owned:
    """What one section wrote, as compose rendered it: its pieces of text in order, the pieces
    that open with the section's own list number (一是, numbered by compose later), and its own
    lower headings with their depth below the section's heading."""
    pieces: list[str] = field(default_factory=list)
    numbered: set[str] = field(default_factory=set)
    headings: dict[str, int] = field(default_factory=dict)


def _section_texts(composition) -> dict[str, _Owned]:
    out = {}
    for sid, rendered in composition.rendered.items():
        owned = _Owned()
        texts = []
        for block in markup.parse(rendered, base_level=0):
            if isinstance(block, Heading):
                owned.headings[_norm(block.text)] = block.level
                texts.append(_norm(block.body or ""))
            elif isinstance(block, Paragraph):
                texts.append(_norm(block.text))
        for t in texts:
            for k, piece in enumerate(_ITEM_MARK.split(t)):
                if piece:
                    owned.pieces.append(piece)
                    if k:
                        owned.numbered.add(piece)
        out[sid] = owned
    return out


def _expected(composition, answers) -> list[Expected]:
    doc = composition.document
    owned = _section_texts(composition)
    order = [sid for sid in answers.outline.section_ids() if sid in owned]
    out: list[Expected] = [Expected(_norm(x)) for x in (doc.doc_number, doc.title, doc.addressee and doc.addressee + "：") if x]
    pointer = 0

    def owners_of(text: str, offset: int, origin=None) -> list[tuple[str, int, int]]:
        """The sections whose text stands in this paragraph, in order (an inline 一是…二是… holds
        several). The block's origin (set by compose) names them; their words are looked for
        only to place each one's span. Without an origin, the next sections in outline order."""
        nonlocal pointer
        found, pos = [], 0
        named = [sid for sid in origin.sections if sid in owned] if origin is not None else []
        candidates = [order.index(sid) for sid in named] if named else range(pointer, len(order))
        for k in candidates:
            mine = owned[order[k]]
            hit = next(((text.find(piece, pos), piece) for piece in mine.pieces if text.find(piece, pos) != -1), None)
            if hit is None:
                if found:
                    break
                continue
            at, piece = hit
            pos = at + len(piece)
            number = _OWN_NUMBER.search(text[:at]) if piece in mine.numbered else None
            if number:  # the section's own 一是 (numbered by compose) stays with its words
                at = number.start()
            for more in mine.pieces[mine.pieces.index(piece) + 1:]:  # its later paragraphs, run on
                later = text.find(more, pos)
                if later != -1:
                    pos = later + len(more)
            found.append((order[k], offset + at, offset + pos))
            pointer = k
        if named and not found:  # compose touched every word it was looked for by: the whole of it
            found, pointer = [(named[0], offset, offset + len(text))], order.index(named[-1])
        return _widen(found, text, offset)

    def inner(block: Heading, sid: str | None) -> int | None:
        """The depth of a section's own lower heading (its `# ` markup), None for an outline heading."""
        return owned[sid].headings.get(_norm(block.text)) if sid in owned else None

    marks: dict[str, int] = {}  # section → marked paragraphs met so far

    def review_of(block, origin) -> tuple[str, int] | None:
        if not block.review or origin is None or origin.section is None:
            return None
        marks[origin.section] = marks.get(origin.section, 0) + 1
        return origin.section, marks[origin.section] - 1

    pending: list[int] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            head = _norm(block.number + block.text)
            text = head + _norm(block.body or "")
            owners = owners_of(_norm(block.body), len(head), block.body_origin) if block.body else []
            entry = Expected(text, owners, block, review=review_of(block, block.body_origin))
            if owners and inner(block, owners[0][0]):
                entry.depth = inner(block, owners[0][0])
            out.append(entry)
            origin = block.origin
            own = origin.section if origin is not None and origin.kind in ("text", "template") else None
            if not block.body and own and inner(block, own):  # a section's own standalone lower heading
                entry.owners, entry.depth = [(own, len(text), len(text))], inner(block, own)
            elif not block.body:
                pending.append(len(out) - 1)
        elif isinstance(block, Paragraph):
            text = _norm(block.text)
            owners = owners_of(text, 0, block.origin)
            out.append(Expected(text, owners, review=review_of(block, block.origin)))
            for k in pending:  # a standalone lower heading belongs with the text that follows it
                depth = inner(out[k].heading, owners[0][0]) if owners else None
                if depth:
                    out[k].owners = [(owners[0][0], len(out[k].text), len(out[k].text))]
                    out[k].depth = depth
            pending = []
        elif isinstance(block, Table):
            out.append(Expected(_norm("".join("".join(r) for r in block.rows))))
    out += [Expected(_norm(x)) for x in (doc.signature, doc.date) if x]
    return out


class Unusable(Exception):
    """The embedded answers cannot be used (another drafter version's): import the text."""


def import_embedded(source: Source, ontology: Ontology):
    from drafter import answers as answers_mod
    from drafter.compose import compose
    from drafter.importer.metadata import Metadata
    from drafter.importer.result import ImportResult

    text = source.embedded_answers or ""
    try:
        doc = yamlio.loads(text, source.path)
        answers = answers_mod.from_document(doc, ontology)
        composition = compose(answers, ontology)
    except DrafterError as exc:
        raise Unusable(exc.message) from None
    meta = Metadata(title=answers.meta.display_title, issuer=answers.meta.issuer, year=answers.meta.year,
                    addressee=answers.meta.addressee, doc_number=answers.meta.doc_number,
                    signature=answers.meta.signature, date=answers.meta.date)
    result = ImportResult(text=text, meta=meta, units=[], shape="drafter 生成的文件", numbering=answers.outline.numbering,
                          source=source, embedded=True)
    expected = _expected(composition, answers)
    found = [_norm(b.text if not b.is_table else "".join("".join(r) for r in b.rows or [])) for b in source.blocks]
    edits, headings_edited, unchanged = _edits(expected, found)
    # a carried paragraph whose comment the clerk deleted or resolved in Word: reviewed, still true
    reviewed = {expected[i].review for i, j in unchanged
                if expected[i].review and source.reviewed_in_word(source.blocks[j])}
    marks = {sid: carried.pending(_own_text(doc, sid)) for sid in {e.review[0] for e in expected if e.review}}
    if headings_edited:
        names = "、".join(f"{_heading(ontology, answers, x)}（{x}）" if x in ontology.sections else f"“{x}”"
                          for x in headings_edited)
        result.notes.append(f"这些章节的小标题在 Word 中也改过，小标题没有导回，请在答案文件的 outline 中改写：{names}")
    confirmed = _confirm(doc, reviewed - {r for paragraphs in edits.values() for *_, r in paragraphs})
    if confirmed:
        result.notes.append(f"在 Word 中删去或解决了批注的 {confirmed} 段沿用上年的文字，已视为核对过，去掉了段首标记")
    if not edits and confirmed:
        result.changed = []
        result.text = doc.dumps()
        return result
    if not edits:
        what = "除小标题外正文未改动" if headings_edited else "正文未改动"
        result.notes.append(f"这份 .docx 由 drafter 生成，{what}：已原样取回其中的答案文件")
        return result
    for sid, paragraphs in edits.items():
        def mark(review, sid=sid) -> str:
            """The mark an unchanged paragraph keeps, as it stood; none once reviewed in Word."""
            if review is None or review in reviewed or review[1] >= len(marks.get(sid, [])):
                return ""
            found = marks[sid][review[1]]
            return carried.Verdict(found.kind, tuple(found.why.split("、")) if found.why else ()).mark()

        _replace_text(doc, sid, [(text, head, mark(review)) for text, head, review in paragraphs],
                      _raw_paragraphs(answers, ontology, sid))
    result.changed = list(edits)
    result.text = doc.dumps()
    names = "、".join(f"{_heading(ontology, answers, sid)}（{sid}）" for sid in edits)
    result.notes.append(f"这份 .docx 由 drafter 生成，在 Word 中改过的章节已按改后的文字导回：{names}")
    return result


def _own_text(doc: yamlio.Document, sid: str) -> str:
    entry = (doc.data.get("answers") or {}).get(sid)
    return str(entry.get("text") or "") if isinstance(entry, dict) else ""


def _confirm(doc: yamlio.Document, reviewed: set[tuple[str, int]]) -> int:
    """Take the marks off the paragraphs reviewed in Word (section, its mark's place); how many."""
    count = 0
    for sid in sorted({sid for sid, _ in reviewed}):
        entry = doc.data["answers"][sid]
        text = str(entry["text"])
        places = {k for s, k in reviewed if s == sid}
        new = carried.clear(text, places)
        if new != text:
            entry["text"] = LiteralScalarString(new)
            count += len(places)
    return count


def _heading(ontology, answers, sid: str) -> str:
    section = ontology.sections.get(sid)
    return section.heading if section else sid


Own = tuple[str, str | None, tuple[str, int] | None]  # words, its `# ` line, the review mark it keeps


def _edits(expected: list[Expected], found: list[str]) -> tuple[dict[str, list[Own]], list[str], list[tuple[int, int]]]:
    """Sections whose paragraphs differ; for each, the document's text that is now its own, in
    order: (a paragraph or a piece of one, the lower heading it stands for when it is one, the
    review mark of an unchanged paragraph that still had one). Also the sections whose heading
    (or 一是 lead) was edited: headings are not brought back; and the unchanged paragraphs
    (expected index, found index)."""
    matcher = difflib.SequenceMatcher(None, [e.text for e in expected], found, autojunk=False)
    changed: set[str] = set()
    headings_edited: set[str] = set()
    pieces: dict[int, list[tuple[str, str, str | None]]] = {}  # found index → (section, words, `# ` line)
    unchanged: list[tuple[int, int]] = []
    last_owner = None
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        span = expected[i1:i2]
        owners = [sid for e in span for sid, _, _ in e.owners]
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2)):
                pieces[j] = _own_pieces(expected[i], found[j])
                unchanged.append((i, j))
            last_owner = owners[-1] if owners else last_owner
            continue
        if i2 - i1 == j2 - j1 and all(e.heading is not None and not e.owners and not e.depth for e in span):
            headings_edited.update(e.heading.text for e in span)  # an outline heading: not a section's words
            continue
        owner = owners[0] if owners else (last_owner or next((e.owner for e in expected[i2:] if e.owner), None))
        if owner is None or (tag == "insert" and j2 == len(found) and not owners):
            continue  # title, signature, date lines: not a section's text
        one_to_one = i2 - i1 == j2 - j1
        if not one_to_one or not all(e.owners for e in span):
            changed.update(owners or [owner])
        for j in range(j1, j2):
            e = span[j - j1] if one_to_one else None
            if e is not None and e.owners:
                split, heading_edited = e.split(found[j])
                pieces[j] = [(sid, text, None) for sid, text in split]
                if pieces[j] and _head(e):  # keep its own lower heading
                    pieces[j][0] = (pieces[j][0][0], pieces[j][0][1], _head(e))
                headings_edited.update(heading_edited)
                # only the sections whose own words changed
                changed.update(sid for (sid, text), (_, start, end) in zip(split, e.owners) if text != e.text[start:end])
            else:
                pieces[j] = [(owner, found[j], None)]
        last_owner = owners[-1] if owners else owner
    reviews = {j: expected[i].review for i, j in unchanged if expected[i].review}
    out: dict[str, list[Own]] = {}
    for j in sorted(pieces):
        for sid, text, heading in pieces[j]:
            if sid in changed:
                review = reviews.get(j)
                out.setdefault(sid, []).append((text, heading, review if review and review[0] == sid else None))
    return out, sorted(headings_edited), unchanged


def _head(e: Expected) -> str | None:
    """The `# ` line of a section's own lower heading."""
    if not e.depth or e.heading is None:
        return None
    return "#" * e.depth + " " + outline_mod.escape(_norm(e.heading.text).rstrip("。"))


def _own_pieces(e: Expected, found: str) -> list[tuple[str, str, str | None]]:
    """(section, its words, the `# ` line of its own lower heading when this is one)."""
    head = _head(e)
    if head and not e.heading.body:
        return [(e.owner, "", head)]
    pieces = [(sid, found[start:end], None) for sid, start, end in e.owners]
    if head and pieces:
        pieces[0] = (pieces[0][0], pieces[0][1], head)
    return pieces


def _raw_paragraphs(answers, ontology: Ontology, sid: str) -> dict[str, str]:
    """The section's own paragraphs as written (slots and all, no review mark), by the text
    they print: a paragraph left as it was in Word keeps its slots and their names."""
    from drafter import owntext

    text, section = answers.texts.get(sid), ontology.sections.get(sid)
    if not text or section is None:
        return {}
    values = answers.values.get(sid) or {}
    fields = {f.id: f for f in owntext.with_chosen_units(section.fields, values)}
    out: dict[str, str] = {}
    for chunk in re.split(r"\n[ \t]*\n", carried.without_marks(text)):
        raw = "\n".join(line for line in chunk.strip("\n").split("\n") if not line.lstrip().startswith("#")).strip()
        if not raw:
            continue
        printed = owntext.render(raw, fields, values, answers.previous.get(sid) or {},
                                 answers.facts.get(sid) or {}, answers.previous_facts.get(sid) or {}).text
        words = "".join(b.text if isinstance(b, Paragraph) else b.body or "" for b in markup.parse(printed, 0)
                        if isinstance(b, (Paragraph, Heading)))
        out.setdefault(_norm(words), raw)
    return out


def _replace_text(doc: yamlio.Document, sid: str, paragraphs: list[tuple[str, str | None, str]],
                  raw: dict[str, str]) -> None:
    from drafter import owntext

    answers = doc.data.setdefault("answers", CommentedMap())
    entry = answers.get(sid)
    if not isinstance(entry, dict):
        entry = CommentedMap()
        answers[sid] = entry
    facts = slots.Facts()
    before = entry.get("facts") if isinstance(entry.get("facts"), dict) else {}
    kept = {_norm(text): raw[_norm(text)] for text, _, _ in paragraphs if text and _norm(text) in raw}
    for words in kept.values():  # the facts of paragraphs kept as written keep their names
        facts.values.update({name: before[name] for name in owntext.slot_names(words) if name in before})
    out = []
    for text, head, mark in paragraphs:
        written = kept.get(_norm(text)) if text else None
        words = mark + (written or slots.slot_text(outline_mod.escape(text), facts)) if text else None
        paragraph = "\n".join(x for x in (head, words) if x)
        if paragraph:
            out.append(paragraph)
    # first in the section, so that comments written before the next section stay with it
    for key in ("text", "facts"):
        if key in entry:
            del entry[key]
    entry.insert(0, "text", LiteralScalarString("\n\n".join(out) + "\n"))
    if facts.values:
        entry.insert(1, "facts", CommentedMap(facts.values))
    answers.yaml_set_comment_before_after_key(sid, before="在 Word 中改过：本节按改后的文字导回（text），请核对", indent=2)
