"""drafter build never overwrites a .docx edited in Word, and an output's extension and
format agree (issue 18). The real command line, in this process, on the demo ontology."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from drafter import build
from tests.conftest import DEMO_ANSWERS
from tests.test_hardening import drafter, one_chinese_line, write

TITLE = "测试市应急管理局2023年法治政府建设年度报告"


def edit_in_word(path: Path, old: str = "测试市", new: str = "测试县") -> None:
    """What a clerk's edit in Word leaves: the body's text changed, every other part kept."""
    with zipfile.ZipFile(path) as z:
        parts = {info.filename: z.read(info) for info in z.infolist()}
    body = parts["word/document.xml"].decode("utf-8")
    assert old in body
    parts["word/document.xml"] = body.replace(old, new, 1).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def resave(path: Path) -> None:
    """What a save that changes nothing may do: every part written again (python-docx's lxml)."""
    import docx

    docx.Document(str(path)).save(str(path))


def notes(err: str) -> list[str]:
    assert "内部错误" not in err and "Traceback" not in err
    return [line for line in err.splitlines() if line.strip()]


# ---- B. a .docx edited in Word is never overwritten ---------------------------------------

def test_an_edited_report_under_the_default_name_is_kept_and_the_new_one_goes_beside_it(tmp_path, demo, capsys,
                                                                                       monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, DEMO_ANSWERS)
    report = tmp_path / f"{TITLE}.docx"
    assert drafter(capsys, "build", "report.yaml")[0] == 0
    resave(report)  # opened and saved, nothing changed: still drafter's output, replaced silently
    code, out, err = drafter(capsys, "build", "report.yaml")
    assert code == 0 and not notes(err) and out.strip() == f"已生成：{TITLE}.docx"

    edit_in_word(report)
    before = report.read_bytes()
    code, out, err = drafter(capsys, "build", "report.yaml")
    assert code == 0
    assert notes(err) == [f"提示：{TITLE}.docx 已在 Word 中改过，没有覆盖；新生成的报告是 {TITLE}-1.docx"]
    assert out.strip() == f"已生成：{TITLE}-1.docx"
    assert report.read_bytes() == before
    assert build.edited(tmp_path / f"{TITLE}-1.docx") is None
    # the next build replaces its own -1 (unchanged), not a -2
    code, out, err = drafter(capsys, "build", "report.yaml")
    assert code == 0 and out.strip() == f"已生成：{TITLE}-1.docx"
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == [f"{TITLE}-1.docx", f"{TITLE}.docx"]
    assert report.read_bytes() == before


def test_an_edited_report_named_with_o_is_refused_unless_force(tmp_path, demo, capsys):
    source = write(tmp_path, DEMO_ANSWERS)
    target = tmp_path / "报告.docx"
    assert drafter(capsys, "build", str(source), "-o", str(target))[0] == 0
    edit_in_word(target)
    before = target.read_bytes()
    code, _, err = drafter(capsys, "build", str(source), "-o", str(target))
    assert code == 1
    line = one_chinese_line(err)
    assert line.startswith("错误：") and "已在 Word 中改过" in line and "--force" in line
    assert target.read_bytes() == before and [p.name for p in tmp_path.glob("*.docx")] == ["报告.docx"]
    code, _, err = drafter(capsys, "build", str(source), "-o", str(target), "--force")
    assert code == 0 and not notes(err) and target.read_bytes() != before
    assert build.edited(target) is None


@pytest.mark.parametrize("kind", ["word", "not a zip", "old drafter"])
def test_a_docx_drafter_did_not_write_is_someones_document(tmp_path, demo, capsys, kind):
    source = write(tmp_path, DEMO_ANSWERS)
    target = tmp_path / "报告.docx"
    if kind == "word":
        import docx

        document = docx.Document()
        document.add_paragraph("科室自己写的报告")
        document.save(str(target))
    elif kind == "not a zip":
        target.write_bytes(b"not a zip at all")
    else:  # drafter's answers part without the digest: written before drafter kept one
        from drafter import answers, ontology
        from drafter.compose import compose
        from drafter.writers import WRITERS, WriteOptions

        composed = compose(answers.load(source, ontology.load()), ontology.load())
        target.write_bytes(WRITERS["docx"].function(composed.document, WriteOptions()))
    before = target.read_bytes()
    code, _, err = drafter(capsys, "build", str(source), "-o", str(target))
    assert code == 1
    line = one_chinese_line(err)
    assert ("不是 drafter 生成的文件" if kind != "old drafter" else "无法确认是否在 Word 中改过") in line
    assert target.read_bytes() == before


def test_a_batch_keeps_an_edited_report_in_the_output_folder(tmp_path, demo, capsys):
    folder = tmp_path / "answers"
    folder.mkdir()
    write(folder, DEMO_ANSWERS, "r1.yaml")
    write(folder, DEMO_ANSWERS.replace("year: 2023", "year: 2024"), "r2.yaml")
    out = tmp_path / "out"
    assert drafter(capsys, "build", str(folder), "-o", str(out))[0] == 0
    report = out / f"{TITLE}.docx"
    edit_in_word(report)
    before = report.read_bytes()
    code, _, err = drafter(capsys, "build", str(folder), "-o", str(out))
    assert code == 0
    assert [n for n in notes(err) if "没有覆盖" in n] == [
        f"提示：r1.yaml：{TITLE}.docx 已在 Word 中改过，没有覆盖；新生成的报告是 {TITLE}-1.docx"]
    assert report.read_bytes() == before and (out / f"{TITLE}-1.docx").exists()


def test_a_locked_output_never_falls_back_onto_an_edited_sibling(tmp_path, monkeypatch):
    import errno

    target, sibling = tmp_path / "报告.docx", tmp_path / "报告-1.docx"
    target.write_bytes(b"open in Word")
    sibling.write_bytes(b"someone's own document")
    from drafter import yamlio

    real = yamlio.atomic_write_bytes

    def locked(path, data):
        if path == target:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        real(path, data)

    monkeypatch.setattr("drafter.yamlio.atomic_write_bytes", locked)
    assert build.write_output(target, b"new", protect=True) == tmp_path / "报告-2.docx"
    assert sibling.read_bytes() == b"someone's own document"


# ---- C. an output's extension and its format agree ----------------------------------------

@pytest.mark.parametrize("name, fmt, says", [
    ("out.docx", "html", ["“.docx”", "--format html", ".html"]),
    ("out.md", "docx", ["“.md”", "--format docx", ".docx"]),
    ("out.doc", None, ["Word 格式请用 .docx 扩展名（drafter 不写旧的 .doc）"]),
    ("out.doc", "docx", ["Word 格式请用 .docx 扩展名（drafter 不写旧的 .doc）"]),
    ("out.odt", None, ["“.odt”", ".docx、.md、.markdown、.html、.htm、.pdf"]),
])
def test_an_extension_that_disagrees_with_the_format_is_refused(tmp_path, demo, capsys, name, fmt, says):
    source = write(tmp_path, DEMO_ANSWERS)
    target = tmp_path / name
    target.write_bytes(b"old")
    code, _, err = drafter(capsys, "build", str(source), "-o", str(target), *(["--format", fmt] if fmt else []))
    assert code == 1
    line = one_chinese_line(err)
    assert all(s in line for s in says), line
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["report.yaml", name])


def test_a_name_without_an_extension_gets_the_formats(tmp_path, demo, capsys):
    source = write(tmp_path, DEMO_ANSWERS)
    code, out, err = drafter(capsys, "build", str(source), "-o", str(tmp_path / "报告v1.0"), "--format", "md")
    assert code == 0, err
    assert out.strip() == f"已生成：{tmp_path / '报告v1.0.md'}"


def test_a_batch_builds_a_file_given_twice_once(tmp_path, demo, capsys, monkeypatch):
    """By another spelling, as a hard link, or inside a folder also given: one report, not
    the same report under two names."""
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, DEMO_ANSWERS, "a.yaml")
    (tmp_path / "link.yaml").hardlink_to(folder / "a.yaml")
    monkeypatch.chdir(tmp_path)
    code, out, err = drafter(capsys, "build", "in/a.yaml", "./in/../in/a.yaml", "link.yaml", "in",
                             "-o", "out", "--format", "md")
    assert code == 0, err
    assert len(list((tmp_path / "out").iterdir())) == 1 and "[1/1]" in out
