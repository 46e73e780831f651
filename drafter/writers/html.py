"""HTML writer: the report as one self-contained web page, for the government website.

Official reading order: 版头, 文号, title, 主送机关, body (numbered headings, run-in headings
as a bold lead in their paragraph, paragraphs), 附件说明, 落款 and date, then the attachments.
No external assets: the page-level look is one <style> element, and what must survive a
paste into a CMS editor that drops <style> (indents, alignment, heading fonts) is written on
the elements themselves. Every text is HTML-escaped: a user's <script> or {{ }} prints as is.
"""
from __future__ import annotations

from html import escape

from drafter.model import Attachment, Document, Heading, Paragraph, Table
from drafter.writers import WriteOptions
from drafter.writers.style import StyleProfile

_TAGS = {1: "h2", 2: "h3", 3: "h4", 4: "h5"}  # h1 is the title


def _family(profile: StyleProfile, font: str, generic: str) -> str:
    names = [font, profile.substitutes.get(font), generic]
    return ", ".join(n if n in ("serif", "sans-serif") else f"'{n}'" for n in dict.fromkeys(n for n in names if n))


def _css(profile: StyleProfile) -> str:
    body = _family(profile, profile.body_font, "serif")
    return (
        "body{margin:0;background:#fff;color:#000}"
        f".report{{max-width:{profile.type_area_width_mm:g}mm;margin:2em auto;padding:0 1em;"
        f"font-family:{body};font-size:{profile.body_size:g}pt;line-height:1.8}}"
        ".report p{margin:0}"
        ".report h1,.report h2,.report h3,.report h4,.report h5{margin:0;font-size:inherit;font-weight:normal}"
        f".report h1{{font-size:{profile.title_size:g}pt;text-align:center;margin:1em 0;line-height:1.5}}"
        ".report table{border-collapse:collapse;margin:0.5em auto;width:100%}"
        f".report th,.report td{{border:1px solid #000;padding:2px 4px;font-size:{profile.table_size:g}pt}}"
        ".report .attachment{margin-top:3em}"
        "@media print{.report .attachment{page-break-before:always}}"
    )


def _heading_style(profile: StyleProfile, level: int) -> str:
    font = {1: profile.level1_font, 2: profile.level2_font, 3: profile.level3_font, 4: profile.level4_font}[level]
    bold = ";font-weight:bold" if level == 3 and profile.level3_bold else ""
    generic = "sans-serif" if level == 1 else "serif"
    return f"font-family:{_family(profile, font, generic)}{bold}"


def _p(text: str, style: str = "text-indent:2em") -> str:
    return f'<p style="{style}">{escape(text)}</p>'


def _block(block, profile: StyleProfile) -> str:
    if isinstance(block, Heading):
        style = _heading_style(profile, block.level)
        if block.run_in:
            return (f'<p style="text-indent:2em"><strong style="{style}">'
                    f"{escape(block.number + block.text)}</strong>{escape(block.body or '')}</p>")
        tag = _TAGS[block.level]
        return f'<{tag} style="text-indent:2em;{style}">{escape(block.number + block.text)}</{tag}>'
    if isinstance(block, Paragraph):
        return _p(block.text)
    if isinstance(block, Table):
        return _table(block)
    raise TypeError(f"unknown block {block!r}")


def _table(table: Table) -> str:
    total = sum(table.widths) or len(table.header)
    widths = table.widths or [1] * len(table.header)
    cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in widths)
    head = "".join(f'<th style="text-align:center">{escape(c)}</th>' for c in table.header)
    rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in table.rows)
    return f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _attachment(label: str, attachment: Attachment, profile: StyleProfile) -> list[str]:
    out = ['<section class="attachment">',
           f'<p style="font-family:{_family(profile, profile.level1_font, "sans-serif")}">{escape(label)}</p>',
           f'<h2 style="text-align:center;font-size:{profile.title_size:g}pt;margin:1em 0">{escape(attachment.title)}</h2>']
    out += [_block(b, profile) for b in attachment.blocks]
    out.append("</section>")
    return out


def to_html(doc: Document, profile: StyleProfile) -> str:
    body: list[str] = []
    if doc.header and doc.issuer_mark:
        body.append(f'<p style="text-align:center;color:#e00;font-size:{profile.title_size * 1.6:g}pt;'
                    f'letter-spacing:0.1em">{escape(doc.issuer_mark)}</p>')
    if doc.doc_number:
        rule = ";border-bottom:2px solid #e00;padding-bottom:0.5em" if doc.header else ""
        body.append(_p(doc.doc_number, f"text-align:center{rule}"))
    title_font = _family(profile, profile.title_font, "serif")
    body.append(f'<h1 style="text-align:center;font-family:{title_font}">{escape(doc.title)}</h1>')
    if doc.addressee:
        body.append(_p(doc.addressee_line(), "text-indent:0"))
    body += [_block(b, profile) for b in doc.blocks]
    note = doc.attachment_note()
    if note:
        body.append(_p(note[0], "text-indent:2em;margin-top:1.8em"))
        body += [_p(item, "padding-left:5em") for item in note[1:]]
    closing = doc.closing()
    for i, line in enumerate(closing):
        top = ";margin-top:1.8em" if i == 0 else ""
        body.append(_p(line, f"text-align:right;padding-right:2em{top}"))
    for label, attachment in zip(doc.attachment_labels(), doc.attachments):
        body += _attachment(label, attachment, profile)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(doc.title)}</title>\n"
        f'<meta name="author" content="{escape(doc.author)}">\n'
        f"<style>{_css(profile)}</style>\n</head>\n<body>\n"
        '<article class="report">\n' + "\n".join(body) + "\n</article>\n</body>\n</html>\n"
    )


def write(doc: Document, options: WriteOptions) -> bytes:
    return to_html(doc, options.profile).encode("utf-8")
