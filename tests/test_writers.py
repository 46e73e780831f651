"""The writer registry, the HTML page and the PDF (through LibreOffice)."""
import shutil
from html.parser import HTMLParser

import pytest

from drafter import answers
from drafter.compose import compose
from drafter.errors import DrafterError
from drafter.model import Heading, Paragraph
from drafter.writers import WRITERS, WriteOptions, format_of, write
from tests.conftest import DEMO_ANSWERS, run_drafter


def composed(tmp_path, ontology, text=DEMO_ANSWERS):
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    return compose(answers.load(path, ontology), ontology).document


class Page(HTMLParser):
    """Each element's text, in order, as (tag, text, style); <strong> inside a <p> noted."""

    def __init__(self):
        super().__init__()
        self.blocks: list[tuple[str, str, str]] = []
        self.strong: list[str] = []
        self.tags: list[str] = []
        self._open: list[list] = []
        self._in_strong = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("p", "h1", "h2", "h3", "h4", "h5", "td", "th", "title"):
            self._open.append([tag, "", dict(attrs).get("style") or ""])
        if tag == "strong":
            self.strong.append("")
            self._in_strong = True

    def handle_endtag(self, tag):
        if tag == "strong":
            self._in_strong = False
        if self._open and self._open[-1][0] == tag:
            self.blocks.append(tuple(self._open.pop()))

    def handle_data(self, data):
        if self._open:
            self._open[-1][1] += data
        if self._in_strong:
            self.strong[-1] += data


def parsed(html: bytes) -> Page:
    page = Page()
    page.feed(html.decode("utf-8"))
    return page


def test_registry_names_every_format_with_extensions_and_chinese_description():
    assert set(WRITERS) >= {"docx", "md", "html", "pdf"}
    for writer in WRITERS.values():
        assert writer.extension.startswith(".") and any("\u4e00" <= ch <= "\u9fff" for ch in writer.description)
        assert callable(writer.function)
    assert format_of("报告.HTML") == "html" and format_of("a.markdown") == "md" and format_of("a.txt") is None


def test_html_has_every_heading_and_paragraph_in_the_models_order(tmp_path, demo_ontology):
    doc = composed(tmp_path, demo_ontology)
    page = parsed(write(doc, "html"))
    texts = [text for _, text, _ in page.blocks]
    expected = [doc.title, doc.doc_number, doc.addressee_line()]
    for block in doc.blocks:
        if isinstance(block, Heading):
            expected.append(block.number + block.text + (block.body or ""))
        elif isinstance(block, Paragraph):
            expected.append(block.text)
    expected += doc.closing()
    positions = [texts.index(e) for e in expected]  # each present…
    assert positions == sorted(positions)  # …in the official reading order
    assert texts[0] == doc.title  # <title>
    headings = [b for b in doc.blocks if isinstance(b, Heading)]
    assert [t for tag, t, _ in page.blocks if tag in ("h2", "h3", "h4", "h5")] == \
        [h.number + h.text for h in headings if not h.run_in]
    assert page.strong == [h.number + h.text for h in headings if h.run_in]
    signature = next(style for _, t, style in page.blocks if t == doc.date)
    assert "text-align:right" in signature


def test_html_is_self_contained_utf8_chinese():
    from drafter.model import Document

    html = write(Document(title="某局报告", author="某局", blocks=[Paragraph("正文")]), "html").decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in html and '<meta charset="utf-8">' in html
    for external in ("<link", "<script", "src=", "url(", "@import", "http"):
        assert external not in html


def test_html_prints_markup_and_template_syntax_in_answers_literally(tmp_path, demo_ontology):
    text = DEMO_ANSWERS.replace("主要负责人带头学法", "<script>alert(1)</script> {{ 1 + 1 }} & <b>粗</b>")
    html = write(composed(tmp_path, demo_ontology, text), "html").decode("utf-8")
    assert "<script" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 1 + 1 }} &amp; &lt;b&gt;粗&lt;/b&gt;" in html


def test_html_attachments_follow_the_closing(tmp_path, demo_ontology):
    text = DEMO_ANSWERS.replace("  run_in: true\n", "  run_in: true\n  attachments: [statistics]\n")
    doc = composed(tmp_path, demo_ontology, text)
    page = parsed(write(doc, "html"))
    texts = [t for _, t, _ in page.blocks]
    assert texts.index(doc.attachment_note()[0]) < texts.index(doc.date) < texts.index("附件")
    assert "table" in page.tags and [t for tag, t, _ in page.blocks if tag == "th"] == doc.attachments[0].blocks[0].header


def test_build_html_from_the_command_line(tmp_path, demo_env, demo_answers_file):
    out = tmp_path / "报告.html"
    result = run_drafter("build", str(demo_answers_file), "-o", str(out), env=demo_env)
    assert result.returncode == 0, result.stderr
    assert "主要举措和成效" in out.read_text(encoding="utf-8")


def test_unknown_extension_asks_for_a_format(tmp_path, demo_env, demo_answers_file):
    result = run_drafter("build", str(demo_answers_file), "-o", str(tmp_path / "报告.txt"), env=demo_env)
    assert result.returncode == 1 and "--format" in result.stderr and "Traceback" not in result.stderr


def test_pdf_without_libreoffice_names_what_to_install(tmp_path, demo_ontology, monkeypatch):
    from drafter.writers import pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    with pytest.raises(DrafterError) as exc:
        write(composed(tmp_path, demo_ontology), "pdf")
    assert "LibreOffice" in str(exc.value) and "安装" in str(exc.value)


def test_soffice_override_that_does_not_exist_is_not_found(monkeypatch, tmp_path):
    from drafter.writers import pdf

    monkeypatch.setenv("DRAFTER_SOFFICE", str(tmp_path / "nowhere" / "soffice.exe"))
    assert pdf.find_soffice() is None


def test_soffice_found_in_the_windows_install_folder(monkeypatch, tmp_path):
    from drafter.writers import pdf

    program = tmp_path / "LibreOffice" / "program"
    program.mkdir(parents=True)
    (program / "soffice").write_text("")
    monkeypatch.delenv("DRAFTER_SOFFICE", raising=False)
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    monkeypatch.setenv("ProgramFiles", str(tmp_path))
    assert pdf.find_soffice() == str(program / "soffice")


@pytest.mark.slow  # LibreOffice
@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")), reason="LibreOffice / poppler 未安装")
def test_pdf_matches_the_docx_page_for_page(tmp_path, demo_ontology, monkeypatch):
    from tests.support.pdf import FONTS_CONF, read_pages, to_pdf

    monkeypatch.setenv("FONTCONFIG_FILE", str(FONTS_CONF))  # the same fonts for both renderings
    filler = "依法行政是政府工作的基本准则各级行政机关必须坚持法定职责必须为法无授权不可为。" * 3
    note = "".join(f"      {filler}\n" for _ in range(25))
    text = DEMO_ANSWERS.replace("    note: 主要负责人带头学法\n", "    note: |\n" + note)
    doc = composed(tmp_path, demo_ontology, text)
    ours = tmp_path / "ours.pdf"
    ours.write_bytes(write(doc, "pdf", WriteOptions()))
    docx_path = tmp_path / "ref.docx"
    docx_path.write_bytes(write(doc, "docx"))
    theirs = read_pages(to_pdf(docx_path, tmp_path))
    mine = read_pages(ours)
    assert len(mine) == len(theirs) >= 2
    assert [[w.text for w in p.words] for p in mine] == [[w.text for w in p.words] for p in theirs]
