"""Compose a Document from answers: outline → rendered sections → numbered blocks."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter import markup, numbering, render
from drafter.answers import Answers, Part, SectionRef
from drafter.context import has_answers, section_context
from drafter.filters import cn_date
from drafter.model import Block, Document, Heading, Paragraph
from drafter.ontology import Ontology


@dataclass
class Composition:
    document: Document
    warnings: list[str] = field(default_factory=list)
    rendered: dict[str, str] = field(default_factory=dict)  # section id -> its markup


def _section_blocks(ref: SectionRef, part: Part, answers: Answers, ontology: Ontology, out: Composition) -> list[Block]:
    section = ontology.sections[ref.id]
    if not has_answers(section, answers):
        out.warnings.append(f"章节“{section.heading}”（{section.id}）还没有填写，已略去")
        return []
    text = render.render(section.template, section_context(section, answers), ontology.templates)
    out.rendered[section.id] = text
    has_heading = part.section_headings and part.heading is not None
    level_of_part = 1 if part.heading is not None else 0
    base = level_of_part + (1 if has_heading else 0)
    blocks = markup.parse(text, base_level=base)
    if not blocks:
        out.warnings.append(f"章节“{section.heading}”（{section.id}）的模板没有写出任何内容，已略去")
        return []
    if not has_heading:
        return blocks
    run_in = ref.run_in if ref.run_in is not None else answers.outline.run_in
    title = ref.heading or section.heading
    first = blocks[0]
    if run_in and isinstance(first, Paragraph):
        return [Heading(level=base, text=markup.heading_text(title, True), body=first.text), *blocks[1:]]
    return [Heading(level=base, text=markup.heading_text(title, False)), *blocks]


def compose(answers: Answers, ontology: Ontology) -> Composition:
    meta = answers.meta
    document = Document(
        title=meta.display_title,
        author=meta.issuer,
        addressee=meta.addressee,
        doc_number=meta.doc_number,
        header=meta.header,
        issuer_mark=meta.issuer if meta.header else None,
        signature=meta.signer if meta.date or meta.signature else None,
        date=cn_date(meta.date) or None,
    )
    out = Composition(document=document)
    for part in answers.outline.parts:
        body: list[Block] = []
        for ref in part.sections:
            body.extend(_section_blocks(ref, part, answers, ontology, out))
        if not body:
            if part.heading:
                out.warnings.append(f"部分“{part.heading}”没有任何内容，已略去")
            continue
        if part.heading is not None:
            document.blocks.append(Heading(level=1, text=markup.heading_text(part.heading, False)))
        document.blocks.extend(body)
    numbering.assign(document.blocks, continuous_level2=answers.outline.numbering == "continuous")
    placeholders = sum(len(_PLACEHOLDER.findall(text)) for text in _texts(document))
    if placeholders:
        out.warnings.append(f"报告中还有 {placeholders} 处占位符（xx），提交前请补上实际内容")
    return out


_PLACEHOLDER = re.compile(r"(?<![A-Za-z])[xX]{2,}(?![A-Za-z])")


def _texts(document: Document):
    yield document.title
    for block in document.blocks:
        yield block.text
        if isinstance(block, Heading) and block.body:
            yield block.body
