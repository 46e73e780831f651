"""drafter import on inputs that are not a plain report: saved web pages (.mhtml), pages with no
text, drafter's own answers files, results too big to build, web text copied as one run-on
line, traditional characters. Every case runs the real command line in this process.

The report texts here are written for these tests (never sample sentences).
"""
from __future__ import annotations

import base64
import dataclasses
import quopri
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from drafter import yamlio
from drafter.cli import main

ROOT = Path(__file__).resolve().parents[1]

PARAGRAPHS = [
    "某县应急管理局2024年法治政府建设年度报告",
    "2024年，我局以法治思维统领应急管理各项工作，依法履职能力稳步提升。现将全年情况报告如下：",
    "一、抓牢组织保障",
    "（一）健全议事机制。局党委全年专题研究法治工作4次，把法治建设列入年度考核。",
    "（二）推动领导干部学法。局领导带头参加法治讲座3场，组织集中学法8次。",
    "二、规范行政执法",
    "（三）落实执法公示。在门户网站公开执法信息120条，接受群众监督。",
    "（四）提升办案质量。全年办理处罚案件46件，复议维持率保持100%。",
    "三、存在的不足",
    "基层执法力量偏弱，部分执法人员对新颁法规掌握不深。",
    "四、下一年度工作打算",
    "持续加强执法人员培训，完善执法监督机制。",
    "某县应急管理局",
    "2025年1月8日",
]


def page(charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f'<!DOCTYPE html><html><head>{meta}<title>某县人民政府网</title>'
            f'<style>p {{ text-indent: 2em; }}</style></head>'
            f'<body><div class="article">{body}</div></body></html>')


def mhtml(html: bytes, encoding: str, charset: str) -> bytes:
    """A saved web page as browsers write it: MIME headers, the page, a style sheet."""
    if encoding == "quoted-printable":
        payload = quopri.encodestring(html).decode("ascii")
    else:
        raw = base64.b64encode(html).decode("ascii")
        payload = "\n".join(raw[i:i + 76] for i in range(0, len(raw), 76))
    return (
        "From: <Saved by Blink>\n"
        "Snapshot-Content-Location: http://www.example.gov.cn/yjj/2025/0108.html\n"
        "Subject: =?utf-8?Q?=E6=B3=95=E6=B2=BB?=\n"
        "Date: Wed, 8 Jan 2025 10:00:00 +0800\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/related;\n\ttype="text/html";\n\tboundary="----MultipartBoundary--x1y2z3----"\n'
        "\n\n"
        "------MultipartBoundary--x1y2z3----\n"
        f'Content-Type: text/html; charset="{charset}"\n'
        "Content-ID: <frame-0@mhtml.blink>\n"
        f"Content-Transfer-Encoding: {encoding}\n"
        "Content-Location: http://www.example.gov.cn/yjj/2025/0108.html\n"
        "\n"
        f"{payload}\n"
        "------MultipartBoundary--x1y2z3----\n"
        "Content-Type: text/css\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        "Content-Location: http://www.example.gov.cn/style.css\n"
        "\n"
        ".article { margin: 0 auto; } p { line-height: 2; }\n"
        "------MultipartBoundary--x1y2z3------\n"
    ).encode("ascii")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "内部错误" not in err and "Traceback" not in err
    return code, out, err


def imported(capsys, path: Path) -> dict:
    out = path.with_name(path.stem + "-导入.yaml")
    code, stdout, err = run(capsys, "import", str(path), "-o", str(out))
    assert code == 0, err
    assert "已导入" in stdout
    data = YAML(typ="safe").load(out.read_text(encoding="utf-8"))
    data["_text"] = out.read_text(encoding="utf-8")
    return data


def refused(capsys, path: Path, *words: str) -> str:
    out = path.with_name("导入结果.yaml")
    code, _, err = run(capsys, "import", str(path), "-o", str(out))
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"错误：{path}") and "内部错误" not in lines[0]
    for word in words:
        assert word in lines[0], lines[0]
    assert not out.exists()
    return lines[0]


def section_texts(data: dict) -> str:
    return "\n".join(str(v.get("text", "")) for v in data["answers"].values() if isinstance(v, dict))


# --- saved web pages (.mhtml / .mht) ------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["quoted-printable", "base64"])
@pytest.mark.parametrize("ext", [".mhtml", ".mht"])
def test_saved_web_page_is_read_as_its_html(tmp_path, capsys, encoding, ext):
    path = tmp_path / f"网页{ext}"
    path.write_bytes(mhtml(page().encode("utf-8"), encoding, "utf-8"))
    data = imported(capsys, path)
    assert data["report"]["title"] == "某县应急管理局2024年法治政府建设年度报告"
    assert data["report"]["date"].isoformat() == "2025-01-08"
    text = data["_text"]
    for leftover in ("Content-Type", "MIME", "quoted-printable", "base64", "Blink", "=E6", "margin", "{ "):
        assert leftover not in text
    assert "健全议事机制" in text and "提升办案质量" in text
    assert len(data["outline"]["parts"]) >= 4


@pytest.mark.parametrize("charset", ["gb2312", "gbk"])
@pytest.mark.parametrize("encoding", ["quoted-printable", "base64"])
def test_saved_web_page_in_a_chinese_charset(tmp_path, capsys, charset, encoding):
    # the charset is said only in the MIME part header, not in the page
    path = tmp_path / "网页.mhtml"
    path.write_bytes(mhtml(page(None).encode("gb2312"), encoding, charset))
    data = imported(capsys, path)
    assert data["report"]["title"] == "某县应急管理局2024年法治政府建设年度报告"
    assert "推动领导干部学法" in data["_text"]


def test_saved_web_page_without_a_page_in_it(tmp_path, capsys):
    path = tmp_path / "网页.mhtml"
    path.write_bytes(
        b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=\"b1\"\n\n--b1\n"
        b"Content-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--b1--\n")
    refused(capsys, path, "网页")


# --- no report text ---------------------------------------------------------------------------


@pytest.mark.parametrize("name, content, words", [
    ("空.txt", "", ["空"]),
    ("空白.txt", "\u3000\u3000\n\u00a0 \n\u200b\n\t\n", ["没有报告正文"]),
    ("脚本.html", ('<script type="text/javascript">\nvar t = "某县应急管理局法治政府建设年度报告";\n'
                   'document.write(t);\n</script>\n'), ["没有报告正文"]),
    ("样式.htm", "<style>p { color: #333; }</style>\n<div>\u3000</div>", ["没有报告正文"]),
    ("栏目.html", ("<html><body><div>【字体：大 中 小】 打印 | 关闭</div><p>扫一扫在手机打开当前页</p>"
                  "<p>来源：某县应急管理局 浏览次数：25</p></body></html>"), ["没有报告正文", "栏目"]),
    ("栏目.txt", "打印 关闭\n来源：某县应急管理局\n发布时间：2025-01-08\n上一篇\n下一篇\n", ["没有报告正文", "栏目"]),
])
def test_input_without_report_text_is_refused(tmp_path, capsys, name, content, words):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    refused(capsys, path, *words)


# --- drafter's own answers files --------------------------------------------------------------

ANSWERS_HINT = ["这是 drafter 的答案文件，不是报告", "drafter build", "drafter next"]


@pytest.mark.parametrize("name", ["kunshan-2023.yaml", "去年.yml", "去年的报告.txt"])
def test_an_answers_file_is_not_imported_as_a_report(tmp_path, capsys, name):
    path = tmp_path / name
    shutil.copy(ROOT / "examples" / "kunshan-2023.yaml", path)
    refused(capsys, path, *ANSWERS_HINT)


def test_a_broken_answers_file_is_still_an_answers_file(tmp_path, capsys):
    path = tmp_path / "半成品.txt"
    path.write_text("report:\n  issuer: 某县应急管理局\n  year: [2024\nanswers:\n  intro:\n    text: 开头\n",
                    encoding="utf-8")
    refused(capsys, path, *ANSWERS_HINT)


def test_a_yaml_file_that_is_no_answers_file(tmp_path, capsys):
    path = tmp_path / "规则.yaml"
    path.write_text("headings:\n  - style: 一、\n", encoding="utf-8")
    refused(capsys, path, "不是报告")


def test_a_reports_own_braces_import_and_print_as_they_stand(tmp_path, capsys):
    """A brace in a report is never a slot: {3}, a lone } or ｛ come back as written (they
    were refused, or {3} came back as {{3}})."""
    path = tmp_path / "报告.txt"
    body = "全年召开会议}次，研究法治工作，见附表{3}和｛附件｝。"
    path.write_text(f"某县应急管理局2024年法治政府建设年度报告\n一、加强领导\n{body}\n", encoding="utf-8")
    data = imported(capsys, path)
    built = tmp_path / "重建.md"
    assert run(capsys, "build", str(path.with_name("报告-导入.yaml")), "-o", str(built))[0] == 0
    assert body in built.read_text(encoding="utf-8")
    assert "\\{" in data["_text"]


# --- the answers file size limit --------------------------------------------------------------


@pytest.mark.slow
def test_a_result_too_big_for_build_is_not_written(tmp_path, capsys):
    lines = []
    for part in range(1, 10):
        lines.append(f"{'一二三四五六七八九'[part - 1]}、第{part}方面的工作")
        for k in range(1, 500):
            lines.append(f"围绕第{part}方面任务，本年度共开展督导{k}轮，整改隐患{k * 3}处，"
                         f"培训人员{k * 7}人次，查处违法行为{k + 5}起。")
    path = tmp_path / "很长的报告.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    message = refused(capsys, path, "MB")
    assert f"{yamlio.MAX_BYTES // (1024 * 1024)} MB" in message


# --- web text copied as one run-on line ---------------------------------------------------------

RUN_ON = (
    "某县应急管理局2024年法治政府建设年度报告"
    "来源：某县应急管理局发布时间：2025-01-08 09:30浏览次数：318【字体：大中小】打印收藏分享到|"
    "2024年，我局以法治思维统领应急管理各项工作，依法履职能力稳步提升，在大中小学校开展安全法治宣讲。"
    "现将全年情况报告如下。"
    "一、抓牢组织保障，压实法治责任。"
    "（一）健全议事机制。局党委全年专题研究法治工作4次，坚持把第一、第二责任人的职责写进清单，"
    "把法治建设列入年度考核，所需经费的资金来源：县级财政预算。"
    "（二）推动领导干部学法。局领导带头参加法治讲座3场，组织集中学法8次，利用微信微博推送法治资讯。"
    "二、规范行政执法，提升执法质效。"
    "（三）落实执法公示。在门户网站公开执法信息120条，接受群众监督。"
    "（四）提升办案质量。全年办理处罚案件46件，复议维持率保持100%。"
    "三、存在的不足。"
    "基层执法力量偏弱，部分执法人员对新颁法规掌握不深。"
    "四、下一年度工作打算。"
    "持续加强执法人员培训，完善执法监督机制。"
    "某县应急管理局2025年1月8日"
    "扫一扫在手机打开当前页上一篇：关于开展安全检查的通知下一篇：关于防汛值班安排的公告"
)
FURNITURE_WORDS = ["字体", "打印", "收藏", "分享到", "|", "浏览次数", "发布时间", "扫一扫", "上一篇", "下一篇"]


@pytest.mark.parametrize("ext", [".txt", ".html"])
def test_run_on_web_text_is_split_at_its_headings(tmp_path, capsys, ext):
    path = tmp_path / f"复制的网页{ext}"
    path.write_text(RUN_ON if ext == ".txt" else f"<html><body><div>{RUN_ON}</div></body></html>",
                    encoding="utf-8")
    data = imported(capsys, path)
    assert data["report"]["title"] == "某县应急管理局2024年法治政府建设年度报告"
    assert data["report"]["date"].isoformat() == "2025-01-08"
    headings = [p.get("heading") for p in data["outline"]["parts"]]
    assert headings[1:5] == ["抓牢组织保障，压实法治责任", "规范行政执法，提升执法质效", "存在的不足", "下一年度工作打算"]
    texts = section_texts(data)
    for word in FURNITURE_WORDS:
        assert word not in texts, word
    # prose that only looks like furniture or a heading stays as written
    for kept in ("在大中小学校开展", "第一、第二责任人", "资金来源：县级财政预算", "利用微信微博推送"):
        assert kept in texts, kept


def test_a_long_paragraph_with_inline_items_is_not_split(tmp_path, capsys):
    items = "".join(f"{n}是围绕第{k}项任务开展专项检查，排查整改一般隐患，督促企业落实主体责任。"
                    for k, n in enumerate("一二三", 1))
    text = "\n".join([
        "某县应急管理局2024年法治政府建设年度报告",
        "一、强化安全监管",
        f"全年持续加大监管力度。{items}",
        "二、存在的不足",
        "执法力量仍然不足。",
    ])
    path = tmp_path / "报告.txt"
    path.write_text(text, encoding="utf-8")
    data = imported(capsys, path)
    assert any(items in line for line in section_texts(data).splitlines())  # one paragraph, as written
    assert [p.get("heading") for p in data["outline"]["parts"] if p.get("heading")] == ["强化安全监管", "存在的不足"]


# --- traditional characters -------------------------------------------------------------------

TRADITIONAL = (
    "某縣應急管理局2024年法治政府建設年度報告\n"
    "2024年，我局著力推進依法行政，著重解決執法檢查中發現的突出問題，隨著各項制度落地，"
    "執法規範化水平顯著提高。\n"
    "一、加強普法宣傳\n"
    "組織學習《安全生產法》相關著作，邀請著名法學專家授課，普法成效卓著。\n"
    "二、存在的不足\n"
    "基層執法力量薄弱，專業人員數量不足。\n"
)


def test_traditional_text_becomes_simplified_at_phrase_level(tmp_path, capsys):
    path = tmp_path / "繁體.txt"
    path.write_text(TRADITIONAL, encoding="utf-8")
    text = imported(capsys, path)["_text"]
    for right in ("着力推进", "着重解决", "随着各项", "显著提高", "相关著作", "著名法学专家", "成效卓著"):
        assert right in text, right
    for wrong in ("著力", "著重", "随著", "显着", "着作", "着名", "卓着"):
        assert wrong not in text, wrong


def test_traditional_text_that_keeps_zhe_apart_from_zhu(tmp_path, capsys):
    # converters that follow the mainland standard write 着 for zhe/zhuó and 著 only for zhù
    path = tmp_path / "繁體.txt"
    standard = (TRADITIONAL.replace("著力", "着力").replace("著重", "着重").replace("隨著", "隨着")
                .replace("普法成效卓著。", "普法成效卓著，兩位同志出版新著。"))
    path.write_text(standard, encoding="utf-8")
    text = imported(capsys, path)["_text"]
    for right in ("着力推进", "着重解决", "随着各项", "显著提高", "相关著作", "著名法学专家", "成效卓著", "出版新著"):
        assert right in text, right


# --- check and import read alike, and never for minutes ------------------------------------


@pytest.mark.parametrize("command", ["check", "import"])
def test_a_text_with_no_report_is_refused_by_check_as_by_import(tmp_path, capsys, command):
    path = tmp_path / "空.txt"
    path.write_bytes(b"\xff\xfe" + " \n".encode("utf-16-le"))
    code, _, err = run(capsys, command, str(path), *(["-o", str(tmp_path / "x.yaml")] if command == "import" else []))
    assert code == 1 and "没有报告正文" in err and len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize("command", ["check", "import"])
def test_a_text_forty_reports_long_is_refused_at_once(tmp_path, capsys, command):
    path = tmp_path / "导出.txt"
    path.write_text("一、工作情况\n" + "全年开展执法检查。" * 120_000, encoding="utf-8")
    code, _, err = run(capsys, command, str(path), *(["-o", str(tmp_path / "x.yaml")] if command == "import" else []))
    assert code == 1 and "万字" in err and len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "x.yaml").exists()


def test_one_paragraph_of_a_hundred_thousand_characters_is_read_in_linear_time():
    """Furniture's button test looked back over the whole run for every character: a pasted
    paragraph of 300,000 characters kept check busy for 43 s. Counted, not timed: the text
    sliced out to be looked up grows with the run, not with its square."""
    from drafter.readers import furniture

    table = furniture.load()
    looked = []

    class Counting(frozenset):
        def __contains__(self, word):
            looked.append(len(word))
            return frozenset.__contains__(self, word)

    table = dataclasses.replace(table, buttons=Counting(table.buttons))
    for size in (1_000, 10_000):
        looked.clear()
        assert not table.is_furniture("啊" * size)
        assert sum(looked) <= 50 * size
