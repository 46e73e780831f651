"""The document model: what a report is made of, independent of Word, Markdown or Jinja.

Writers (drafter.writers.*) turn a Document into a file; nothing here knows how.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Origin:
    """Where a block came from, as pandoc's blocks carry their Attr: set by compose, read by
    check (which section wrote this paragraph) without searching the text."""

    section: str | None = None  # the section whose answers wrote it; None for a part or group heading
    kind: str = "text"  # "part" / "group" heading, a section's "heading", its "text" or "template" output
    index: int = 0  # its place among the section's own blocks
    joined: tuple[str, ...] = ()  # other sections written into the same paragraph (一是……二是…… in one)

    @property
    def sections(self) -> tuple[str, ...]:
        return ((self.section,) if self.section else ()) + self.joined


@dataclass
class Heading:
    """A numbered heading. With `body`, it runs into its first paragraph (（一）X。body…)."""

    level: int  # 1: 一、  2: （一）  3: 1.  4: （1）
    text: str
    body: str | None = None
    number: str = ""  # filled in by drafter.numbering
    origin: Origin | None = field(default=None, compare=False, repr=False)
    body_origin: Origin | None = field(default=None, compare=False, repr=False)  # of a run-in body
    review: str | None = field(default=None, compare=False, repr=False)  # its run-in body awaits review: what to do

    @property
    def run_in(self) -> bool:
        return self.body is not None


@dataclass
class Paragraph:
    """A body paragraph (first line indented two characters)."""

    text: str
    origin: Origin | None = field(default=None, compare=False, repr=False)
    review: str | None = field(default=None, compare=False, repr=False)  # carried from last year, awaiting review: what to do (沿用上年，请核对)


@dataclass
class Table:
    """A table with a header row, e.g. the statistics attachment."""

    header: list[str]
    rows: list[list[str]]
    widths: list[float] = field(default_factory=list)  # relative column widths
    origin: Origin | None = field(default=None, compare=False, repr=False)


Block = Heading | Paragraph | Table


@dataclass
class Attachment:
    """附件: listed after the body (附件说明) and set on pages of its own."""

    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Document:
    """A whole report: front matter, body blocks, signature and attachments."""

    title: str
    author: str
    blocks: list[Block] = field(default_factory=list)
    addressee: str | None = None  # 主送机关, written with a trailing full-width colon
    doc_number: str | None = None  # 发文字号
    header: bool = False  # print the 版头 (red issuing-body mark and rule)
    issuer_mark: str | None = None  # text of the 发文机关标志, e.g. 启东市应急管理局文件
    sealed: bool = False  # signed with a seal (date 右空四字, name centred above it)
    signature: str | None = None
    date: str | None = None  # already in 2023年12月20日 form
    attachments: list[Attachment] = field(default_factory=list)
    answers_yaml: str | None = None  # the answers file's text, carried inside the .docx for import

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]

    def attachment_labels(self) -> list[str]:
        """附件 for a single attachment, 附件1, 附件2 … for several (GB/T 9704)."""
        if len(self.attachments) == 1:
            return ["附件"]
        return [f"附件{n}" for n in range(1, len(self.attachments) + 1)]

    def addressee_line(self) -> str | None:
        """主送机关 as printed: the name and a full-width colon."""
        return f"{self.addressee.rstrip('：:')}：" if self.addressee else None

    def attachment_note(self) -> list[str]:
        """附件说明 (GB/T 9704 7.3.3): 附件：XXX, or 附件：1.XXX then 2.XXX … one a line,
        without closing punctuation. Writers set the later items under the first one's title."""
        if not self.attachments:
            return []
        if len(self.attachments) == 1:
            return [f"附件：{self.attachments[0].title}"]
        items = [f"{n}.{a.title}" for n, a in enumerate(self.attachments, 1)]
        return [f"附件：{items[0]}", *items[1:]]

    def closing(self) -> list[str]:
        """落款 lines: the signing body, then the date, each only when there is one."""
        return [line for line in (self.signature, self.date) if line]
