"""Compose a Document from answers: outline → rendered sections → numbered blocks."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter import carried, lists, markup, numbering, owntext, printed, render
from drafter.answers import Answers, Group, Part, SectionRef
from drafter.context import report_wide, section_context
from drafter.filters import cn_date, num
from drafter.model import Attachment, Block, Document, Heading, Origin, Paragraph
from drafter.ontology import Ontology


@dataclass
class Composition:
    """The composed document, the warnings for the user and each section's markup."""

    document: Document
    warnings: list[str] = field(default_factory=list)
    rendered: dict[str, str] = field(default_factory=dict)  # section id -> its markup
    pending: dict[str, list] = field(default_factory=dict)  # section id -> carried paragraphs not yet reviewed


@dataclass
class _Rendered:
    """One section rendered: its heading, whether it runs in, and its blocks."""

    heading: str  # the section's heading text (its own or the outline's)
    run_in: bool
    blocks: list[Block]
    section: str | None = None  # None for a group


class _Composer:
    def __init__(self, answers: Answers, ontology: Ontology, out: Composition):
        self.answers = answers
        self.ontology = ontology
        self.out = out
        self.shared = report_wide(answers, ontology.observances, ontology.calendar.get("periods"))

    def section(self, ref: SectionRef, base_level: int) -> _Rendered | None:
        """One section's blocks, its sub-headings placed below base_level; None if empty."""
        section = self.answers.section(ref.id, self.ontology)
        if not self.answers.has_content(section.id):
            self.out.warnings.append(f"章节“{section.heading}”（{section.id}）还没有填写，已略去")
            return None
        self.orphans(section)
        context = None
        if section.id in self.answers.texts:
            text = self.own_text(section)
        else:
            context = section_context(section, self.answers, self.shared)
            # the sections already said above this one (“针对上述问题” needs problems above it)
            context["said"] = list(self.out.rendered)
            text = render.render(section.template, context, self.ontology.templates)
        self.out.rendered[section.id] = text
        # a number entered where nothing prints it would vanish without a word (drafter.printed)
        previous = self.answers.previous.get(section.id) or {}
        self.out.warnings += [u.message() for u in printed.unprinted(self.answers, self.ontology, section.id, context)
                              if not _said_dropped(u, previous)]
        self.dropped_to_zero(section, text)
        blocks = markup.parse(text, base_level=base_level)
        kind = "text" if section.id in self.answers.texts else "template"
        if kind == "template":  # the bureau's own paragraphs are its own; a template's are grouped
            blocks = _grouped(blocks)
        for index, block in enumerate(blocks):
            block.origin = Origin(section.id, kind, index)
            if isinstance(block, Heading) and block.body is not None:
                block.body_origin = block.origin  # a heading of the section's own that runs in
        if not blocks:
            self.out.warnings.append(f"章节“{section.heading}”（{section.id}）的模板没有写出任何内容，已略去")
            return None
        run_in = ref.run_in if ref.run_in is not None else self.answers.outline.run_in
        return _Rendered(ref.heading or section.heading, run_in, blocks, section.id)

    def own_text(self, section) -> str:
        """The bureau's own text with its slots filled; a warning for each fact still empty."""
        sid = section.id
        text = self.answers.texts[sid]
        marks = carried.pending(text)
        if marks:  # last year's paragraphs not yet reviewed: their marks never reach the report
            self.out.pending[sid] = marks
            self.out.warnings.append(f"章节“{section.heading}”（{sid}）：{len(marks)} 段沿用上年的文字还没有处理"
                                     "（段首的【改写】【核对】）；处理后删去标记，定稿前须全部处理")
        own = self.answers.facts.get(sid) or {}
        values = self.answers.values.get(sid) or {}
        fields = {f.id: f for f in owntext.with_chosen_units(section.fields, values)}  # 起 when 起 is chosen
        result = owntext.render(text, fields, values, self.answers.previous.get(sid) or {},
                                own, self.answers.previous_facts.get(sid) or {})
        where = f"章节“{section.heading}”（{sid}）"
        for name in dict.fromkeys(result.unfilled):
            spec = owntext.resolve(name, {f.id: f for f in section.fields}, own)
            self.out.warnings.append(f"{where}：“{_short(spec.prompt) if spec else name}”还没有填写，报告中暂写 xx")
        for name in own:
            if name not in result.used:
                self.out.warnings.append(f"{where}：事实“{name}”没有在正文（text）中用到，不会写入报告")
        return result.text

    def orphans(self, section) -> None:
        """Warn about a qualifier filled without the fact it qualifies: it would not be said."""
        values = self.answers.values.get(section.id) or {}
        where = f"章节“{section.heading}”（{section.id}）"
        self._orphans(section.fields, values, where)
        for spec in section.fields:
            if spec.type == "records":
                for n, record in enumerate(values.get(spec.id) or [], 1):
                    self._orphans(spec.fields, record, f"{where}“{_short(spec.prompt)}”第 {n} 条")

    def dropped_to_zero(self, section, text: str) -> None:
        """A count that fell to 0 from last year is news; say so when the text left it out."""
        values = self.answers.values.get(section.id) or {}
        previous = self.answers.previous.get(section.id) or {}
        for spec in section.fields:
            before = previous.get(spec.id)
            if spec.compare and values.get(spec.id) == 0 and isinstance(before, (int, float)) \
                    and before > 0 and f"{num(before)}{spec.unit or ''}" not in text:
                self.out.warnings.append(
                    f"章节“{section.heading}”（{section.id}）：“{_short(spec.prompt)}”今年为 0（上年 {num(previous[spec.id])}），"
                    "报告中没有写出；如需说明，请写在本节的其他说明中")

    def _orphans(self, fields, values: dict, where: str) -> None:
        by_id = {f.id: f for f in fields}
        for spec in fields:
            if spec.requires and values.get(spec.id) not in (None, "", []) and all(
                values.get(r) in (None, "", []) for r in spec.requires
            ):
                needed = "或".join(f"“{_short(by_id[r].prompt)}”" for r in spec.requires)
                self.out.warnings.append(f"{where}：填写了“{_short(spec.prompt)}”，但没有填写{needed}，这一项不会写入报告")

    def headed(self, title: str, run_in: bool, level: int, blocks: list[Block], section: str | None = None) -> list[Block]:
        first = blocks[0] if blocks else None
        origin = Origin(section, "heading" if section else "group")
        if run_in and isinstance(first, Paragraph):
            return [Heading(level=level, text=markup.heading_text(title, True), body=first.text, origin=origin,
                            body_origin=first.origin, review=first.review), *blocks[1:]]
        return [Heading(level=level, text=markup.heading_text(title, False), origin=origin), *blocks]

    def enumerated(self, members: list[_Rendered], inline: bool) -> list[Block]:
        """一是<heading>。<text> for each member: one paragraph each, or all in one. The
        members' own lists become plain sentences (a list never restarts under 二是), and their
        own headings the first sentences of their paragraphs (a （一） between 一是 and 二是
        would leave 二是 under another heading); the leads are marked, and drafter.lists
        numbers them (one member: no 一是)."""
        out: list[Block] = []
        ident = lists.new_list()
        for member in members:
            lead = f"{lists.ITEM}{ident}{markup.heading_text(member.heading, True)}"
            blocks = _without_headings([lists.plain_block(b) for b in member.blocks])
            first, rest = blocks[0], blocks[1:]
            if isinstance(first, Paragraph):
                out.append(Paragraph(lead + first.text, origin=first.origin, review=first.review))
            else:
                out += [Paragraph(lead, origin=Origin(member.section, "heading" if member.section else "group")), first]
            out += rest
        # a paragraph still to review keeps a paragraph of its own until it is reviewed, so
        # that the draft's highlight and comment stand on its words alone
        if inline and all(isinstance(b, Paragraph) and not b.review for b in out):
            owners = list(dict.fromkeys(s for b in out if b.origin for s in b.origin.sections))
            origin = Origin(owners[0], "text", 0, tuple(owners[1:])) if owners else None
            return [Paragraph("".join(b.text for b in out if isinstance(b, Paragraph)), origin=origin)]
        return out

    def rendered(self, entry: SectionRef | Group, base_level: int) -> _Rendered | None:
        """A section or a group as one unit; its inner headings go below base_level."""
        if isinstance(entry, Group):
            body = self.entries(entry.members, entry.style, base_level + 1)
            run_in = entry.run_in if entry.run_in is not None else self.answers.outline.run_in
            return _Rendered(entry.heading, run_in, body) if body else None
        return self.section(entry, base_level)

    def entries(self, entries: list[SectionRef | Group], style: str, level: int) -> list[Block]:
        """The blocks of a part's (or a group's) entries; `level` is where their headings go.

        A group always shows its heading (or, in an enumerating style, its 一是 lead); the
        style decides whether plain sections get headings of their own.
        """
        if style in ("enumerate", "enumerate_inline"):
            members = [r for r in (self.rendered(e, level - 1) for e in entries) if r]
            return self.enumerated(members, inline=style == "enumerate_inline") if members else []
        out: list[Block] = []
        for entry in entries:
            if style == "headings" or isinstance(entry, Group):
                unit = self.rendered(entry, level)
                if unit:
                    out += self.headed(unit.heading, unit.run_in, level, unit.blocks, unit.section)
            else:
                unit = self.rendered(entry, level - 1)
                if unit:
                    out += unit.blocks
        return out

    def part(self, part: Part) -> list[Block]:
        if part.heading is None:
            # A part without a heading (the opening paragraph): its sections stand as text.
            return self.entries(part.sections, "plain" if part.style == "headings" else part.style, 1)
        body = self.entries(part.sections, part.style, 2)
        if not body:
            self.out.warnings.append(f"部分“{part.heading}”没有任何内容，已略去")
            return []
        return [Heading(level=1, text=markup.heading_text(part.heading, False), origin=Origin(None, "part")), *body]


def compose(answers: Answers, ontology: Ontology) -> Composition:
    meta = answers.meta
    document = Document(
        title=markup.clean(meta.display_title),
        author=meta.issuer,
        addressee=markup.clean(meta.addressee) if meta.addressee else None,
        doc_number=meta.doc_number,
        header=meta.header,
        issuer_mark=(meta.header_mark or f"{meta.issuer}文件") if meta.header else None,
        sealed=meta.seal,
        signature=meta.signer if meta.date or meta.signature else None,
        date=cn_date(meta.date) or None,
        # the answers travel inside the .docx, so that import can recover them exactly
        answers_yaml=answers.document.text if answers.document else None,
    )
    out = Composition(document=document)
    if meta.doc_number and not meta.header:
        out.warnings.append("有发文字号而不印版头（report.header: 否）：按 GB/T 9704，发文字号印在版头中；现印在标题右上方")
    if document.signature and not document.date:
        out.warnings.append("成文日期（report.date）还没有填写：落款下没有日期；报送前请填写")
    composer = _Composer(answers, ontology, out)
    for part in answers.outline.parts:
        document.blocks.extend(composer.part(part))
    in_outline = set(answers.outline.section_ids())
    outside = [sid for sid in answers.values if sid not in in_outline and answers.has_content(sid)]
    for sid in outside:
        out.warnings.append(f"章节“{answers.section(sid, ontology).heading}”（{sid}）有答案，但不在提纲（outline）中，未写入报告")
    lists.resolve(document.blocks)
    _no_lead_in_at_the_end(document.blocks)
    _one_year_frame(document.blocks, answers.meta.year)
    numbering.assign(document.blocks, continuous_level2=answers.outline.numbering == "continuous")
    _attachments(answers, ontology, out)
    from drafter.leftovers import found_in  # the same list drafter check uses (sections/_check.yaml)

    found = [written for text in _texts(document) for _, written in found_in(text)]
    if found:
        kinds = "、".join(dict.fromkeys(found))
        out.warnings.append(f"报告中还有 {len(found)} 处占位符（{kinds}），提交前请补上实际内容；drafter check 可逐条列出位置")
    return out


def _without_headings(blocks: list[Block]) -> list[Block]:
    """A member's blocks inside an enumeration, its headings become sentences: a run-in
    heading opens its own paragraph, a standalone one the paragraph after it (or stands as a
    sentence of its own when a heading or nothing follows)."""
    out: list[Block] = []
    pending: Heading | None = None
    for block in blocks:
        if pending is not None:
            title = markup.heading_text(pending.text, True)
            if isinstance(block, Paragraph):
                out.append(Paragraph(title + block.text, origin=block.origin or pending.origin,
                                     review=block.review))
                pending = None
                continue
            out.append(Paragraph(title, origin=pending.origin))
            pending = None
        if isinstance(block, Heading):
            if block.body:
                out.append(Paragraph(markup.heading_text(block.text, True) + block.body,
                                     origin=block.body_origin or block.origin, review=block.review))
            else:
                pending = block
            continue
        out.append(block)
    if pending is not None:
        out.append(Paragraph(markup.heading_text(pending.text, True), origin=pending.origin))
    return out


def _said_dropped(item: printed.Unprinted, previous: dict) -> bool:
    """A count fallen to 0 that the text leaves out: dropped_to_zero says so already."""
    before = previous.get(item.key)
    return item.value == 0 and item.spec.compare and isinstance(before, (int, float)) and before > 0


def _attachments(answers: Answers, ontology: Ontology, out: Composition) -> None:
    from drafter.answers import ATTACHMENT_KINDS
    from drafter.statistics import statistics_table

    for ref in answers.outline.attachments:
        title = ref.title or f"{answers.meta.year}年法治政府建设{ATTACHMENT_KINDS[ref.kind]}"
        table = statistics_table(answers, ontology)
        if table is None:
            out.warnings.append(f"附件“{title}”没有可列的数字，已略去")
            continue
        out.document.attachments.append(Attachment(title=markup.clean(title), blocks=[table]))


def _no_lead_in_at_the_end(blocks: list[Block]) -> None:
    """The report cannot end on a lead-in (“具体如下：”) with nothing after it: it ends as a sentence."""
    last = blocks[-1] if blocks else None
    if isinstance(last, Paragraph) and last.text.endswith("："):
        last.text = last.text[:-1] + "。"
    elif isinstance(last, Heading) and last.body and last.body.endswith("："):
        last.body = last.body[:-1] + "。"


def _one_year_frame(blocks: list[Block], year: int) -> None:
    """“2023年，” opens a paragraph's account of the year once: sentences after the first
    that open with the same frame (sections run together by enumerate_inline) lose it."""
    frame = re.compile(rf"(?<=[。；！？])((?:[一二三四五六七八九十]+是)?){year}年(全年)?，")
    first_frame = re.compile(rf"{year}年(?:全年)?，")

    def once(text: str) -> str:
        first = first_frame.search(text)
        if not first:
            return text
        head, tail = text[:first.end()], text[first.end():]
        return head + frame.sub(lambda m: m.group(1) + ("全年，" if m.group(2) else ""), tail)

    for block in blocks:
        if isinstance(block, Paragraph):
            block.text = once(block.text)
        elif isinstance(block, Heading) and block.body:
            block.body = once(block.body)
    _vary_year_openers(blocks, year)


def _vary_year_openers(blocks: list[Block], year: int) -> None:
    """Paragraphs in a row that each open with “2023年，” read like a form: within a part, the
    second says “全年，”, the third none, and so on (sections written one after another)."""
    opener = re.compile(rf"^((?:[一二三四五六七八九十]+是)?){year}年(?:全年)?，")
    run = 0
    for block in blocks:
        if isinstance(block, Heading) and not block.body:
            if block.level == 1:
                run = 0  # a new part starts its own account
            continue
        text = block.body if isinstance(block, Heading) else getattr(block, "text", None)
        m = opener.match(text) if isinstance(text, str) else None
        if m is None or not isinstance(text, str):
            run = 0
            continue
        run += 1
        if run == 1:
            continue
        varied = m.group(1) + ("全年，" if run % 2 == 0 else "") + text[m.end():]
        if isinstance(block, Heading):
            block.body = varied
        elif isinstance(block, Paragraph):
            block.text = varied


def _short(prompt: str) -> str:
    """A prompt without its parenthesised examples, for messages."""
    return re.sub(r"（[^）]*）", "", prompt).strip() or prompt


def _texts(document: Document):
    yield document.title
    for block in document.blocks:
        if isinstance(block, (Heading, Paragraph)):
            yield block.text
        if isinstance(block, Heading) and block.body:
            yield block.body


_SENTENCE_END = re.compile(r"[。！？](?=.)")


def _grouped(blocks: list[Block]) -> list[Block]:
    """A run of one-sentence paragraphs of a template reads as one paragraph: what belongs
    together stands together (三个单句段落 → 一段). A lead-in (…：), a list item and a
    paragraph of several sentences keep their own paragraph."""
    out: list[Block] = []
    run = False  # the last paragraph is one sentence, or a run of them grouped
    for block in blocks:
        single = (isinstance(block, Paragraph) and not block.review and not block.text.endswith("：")
                  and lists.ITEM not in block.text and not _SENTENCE_END.search(block.text.rstrip("”’）")))
        last = out[-1] if out else None
        if single and run and isinstance(last, Paragraph) and isinstance(block, Paragraph):
            out[-1] = Paragraph(last.text + block.text, origin=last.origin)
            continue
        out.append(block)
        run = single
    return out
