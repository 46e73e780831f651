"""Only statistics become blanks, and they print as written (issue 21, part 5).

A Chinese numeral in a set phrase (抓好三件事, 三项制度, 四不两直) is a name, not a count: it
stays text through import and next. A value keeps the digits it was written with (19.0%,
3.50万元, 1.20亿元, 0.50%, 1,200人) in every output: import → build, and import → next → the
numbers sheet filled with = → build. The sentences are written for these tests.
"""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import docx
import jsonschema
import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from drafter import answers as answers_mod
from drafter import facts, owntext, types, yamlio
from drafter.compose import compose
from drafter.fields import FieldSpec
from drafter.importer import import_source, slots
from drafter.readers import read
from drafter.writers.markdown import to_markdown
from tests.conftest import run_drafter

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schema" / "drafter.schema.json"

# (sentence, the set phrase that must stay text, the statistics that must become blanks — each
# as its value is written, without the approximation words that stay outside the blank)
TABLE: list[tuple[str, str, list[str]]] = [
    ("局党组抓好三件事，全年召开专题会议4次。", "三件事", ["4次"]),
    ("围绕群众关切办好十件民生实事，惠及企业120家。", "十件民生实事", ["120家"]),
    ("集中力量打好三场硬仗，出动执法人员860人次。", "三场硬仗", ["860人次"]),
    ("全面落实“两个清单”管理，检查企业1,200家。", "两个清单", ["1,200家"]),
    ("深入推行三项制度，公示执法信息315条。", "三项制度", ["315条"]),
    ("坚持四不两直暗查暗访，发现隐患47项。", "四不两直", ["47项"]),
    ("严格落实一岗双责和党政同责，签订责任书52份。", "一岗双责", ["52份"]),
    ("牢记三个必须，约谈企业主要负责人9名。", "三个必须", ["9名"]),
    ("组织五个一活动，发放宣传资料3000余份。", "五个一", ["3000余份"]),
    ("完善三重一大决策制度，党组会审议重大事项两次。", "三重一大", ["两次"]),
    ("紧盯两客一危车辆，开展联合检查三轮。", "两客一危", ["三轮"]),
    ("落实三同时要求，审查建设项目18个。", "三同时", ["18个"]),
    ("执法时执法人员不少于两人并出示证件，全年办结案件96件。", "不少于两人", ["96件"]),
    ("现场检查由两名以上执法人员共同进行，共检查28次。", "两名以上执法人员", ["28次"]),
    ("准确把握三期叠加的形势，罚没金额3.50万元。", "三期叠加", ["3.50万元"]),
    ("以二次创业的劲头推动改革，事故起数下降19.0%。", "二次创业", ["19.0%"]),
    ("成立三人小组复核案卷，评查合格率达到100%。", "三人小组", ["100%"]),
    ("以“三件事”为抓手，培训安全管理人员1,200人。", "“三件事”", ["1,200人"]),
    ("坚持两轮驱动，较大事故率控制在0.50%以内。", "两轮驱动", ["0.50%"]),
    ("打好两场攻坚战，全年发生生产安全事故三起。", "两场攻坚战", ["三起"]),
    ("不断增强四个意识，中心组集中学法六次。", "四个意识", ["六次"]),
    ("自觉做到两个维护，举办法治讲座两场。", "两个维护", ["两场"]),
    ("落实两个清单制度，辖区连续两年未发生较大事故。", "两个清单", ["两年"]),
    ("用心办好两件大事，全年受理举报线索45起。", "两件大事", ["45起"]),
    ("以一案三查倒查责任，移送司法机关案件7件。", "一案三查", ["7件"]),
    ("在一单四制的基础上，整改问题隐患2,316项。", "一单四制", ["2,316项"]),
    ("事故调查做到四不放过，调查处理事故3起，死亡2人。", "四不放过", ["3起", "2人"]),
    ("聚焦四件要事，安排专项资金860.00万元。", "四件要事", ["860.00万元"]),
    ("对照三项机制逐项核查，信息公开覆盖率达98.0%。", "三项机制", ["98.0%"]),
    ("推动三级联动处置突发事件，转移群众1.50万人。", "三级联动", ["1.50万人"]),
    ("抓住“三件事”不放松，组织综合演练三次，参演两千人次。", "“三件事”", ["三次", "两千人次"]),
    ("开展三场应急演练，投入建设资金1.20亿元。", "应急演练", ["三场", "1.20亿元"]),
    ("全年办理三件事项，均在法定期限内办结。", "事项", ["三件"]),
    ("为民办好三件实事项目，新建避难场所11处。", "三件实事", ["11处"]),
    ("打赢三场硬仗之后，全市事故起数下降12.50%。", "三场硬仗", ["12.50%"]),
]


def _core(q: facts.Quantity) -> str:
    """The part of a statistic a blank replaces: approximation words outside it stay."""
    return q.text[len(q.before):len(q.text) - len(q.after)].strip()


@pytest.mark.parametrize("sentence,phrase,stats", TABLE, ids=[f"row{i:02d}" for i in range(len(TABLE))])
def test_detector_keeps_set_phrases_and_finds_statistics(sentence, phrase, stats):
    found = facts.find(sentence)
    assert [_core(q) for q in found] == stats
    for q in found:  # the set phrase is never a part of a statistic
        assert not (sentence.index(phrase) < q.end and q.start < sentence.index(phrase) + len(phrase))


@pytest.mark.parametrize("sentence,phrase,stats", TABLE, ids=[f"row{i:02d}" for i in range(len(TABLE))])
def test_slots_keep_set_phrases_and_written_values(sentence, phrase, stats):
    into = slots.Facts()
    slotted = slots.slot_text(sentence, into)
    assert phrase in slotted
    assert len(owntext.slot_names(slotted)) == len(stats) == len(into.values)
    written = [s for s in stats if re.match("[0-9]", s)]  # Arabic figures go into facts as written
    assert sorted(v for v in into.values.values() if v in written) == sorted(written)


def test_table_is_large_and_has_both_kinds():
    assert len(TABLE) >= 30
    assert sum(1 for _, _, stats in TABLE for s in stats if not re.search(r"[0-9]", s)) >= 5  # Chinese counts
    assert sum(1 for _, phrase, _ in TABLE if re.search("[两三四五六七八九十]", phrase)) >= 25


def _report(rows: list[tuple[str, str, list[str]]]) -> str:
    head = "某区应急管理局\n2024年法治政府建设年度报告\n\n区委、区人民政府：\n\n2024年，我局认真推进法治政府建设。现将有关情况报告如下：\n"
    parts = []
    for i, start in enumerate(range(0, len(rows), 6)):
        numeral = "一二三四五六七"[i]
        body = "\n".join(sentence for sentence, _, _ in rows[start:start + 6])
        parts.append(f"{numeral}、第{numeral}方面工作\n（一）有关情况\n{body}")
    return head + "\n".join(parts) + "\n某区应急管理局\n2024年12月30日\n"


def _texts(data: dict) -> str:
    return "\n".join(str(v.get("text") or "") for v in (data.get("answers") or {}).values() if isinstance(v, dict))


def test_import_of_a_report_keeps_set_phrases_as_text(tmp_path, real_ontology):
    path = tmp_path / "report.txt"
    path.write_text(_report(TABLE), encoding="utf-8")
    result = import_source(read(path), real_ontology)
    text = _texts(yaml.safe_load(result.text))
    for sentence, phrase, stats in TABLE:
        pattern, rest = "", sentence
        for stat in stats:  # each statistic a blank, everything else as written
            before, _, rest = rest.partition(stat)
            pattern += re.escape(before) + r"\{[^{}]+\}"
        pattern += re.escape(rest)
        assert re.search(pattern, text), sentence
        assert phrase in text, phrase
    # and it prints the same sentences again, Arabic values as written (a Chinese count, 两次,
    # comes back in Arabic digits: its blank is filled again next year)
    loaded = answers_mod.from_document(yamlio.loads(result.text, tmp_path / "imported.yaml"), real_ontology)
    md = to_markdown(compose(loaded, real_ontology).document)
    arabic = [sentence for sentence, _, stats in TABLE if all(re.match("[0-9]", s) for s in stats)]
    assert len(arabic) >= 25
    for sentence in arabic:
        assert sentence in md


# ---------------------------------------------------------------- round trips

WRITTEN = ["19.0%", "3.50万元", "1.20亿元", "0.50%", "1,200人"]

ROUND = """某县应急管理局
2024年法治政府建设年度报告

县委、县人民政府：

2024年，某县应急管理局坚持以习近平法治思想为指导，推进法治政府建设。现将有关情况报告如下：
一、严格规范公正文明执法
（一）加大执法力度。全年立案查处行政处罚案件125件，罚没金额3.50万元，处罚企业数较多的行业占比19.0%。
（二）强化基础保障。安全生产投入1.20亿元，亿元产值事故率0.50%，培训企业从业人员1,200人。
（三）抓好三件事。落实“两个清单”，推行三项制度，坚持四不两直。
二、存在的不足和原因
一是执法人员专业能力不足。
三、下一年度工作安排
（一）持续提升执法质量。
某县应急管理局
2024年12月28日
"""


def _docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader with dates left as text, as JSON Schema validators see them."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _valid(path: Path) -> None:
    """The answers file loads in PyYAML and validates against the published schema."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # a safe loader
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))


def _built(answers: Path, tmp_path: Path, stem: str) -> list[str]:
    outputs = []
    for suffix in (".md", ".docx"):
        out = tmp_path / f"{stem}{suffix}"
        done = run_drafter("build", str(answers), "-o", str(out))
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_text(encoding="utf-8") if suffix == ".md" else _docx_text(out))
    return outputs


@pytest.fixture
def imported(tmp_path) -> Path:
    source = tmp_path / "2024.txt"
    source.write_text(ROUND, encoding="utf-8")
    answers = tmp_path / "2024.yaml"
    done = run_drafter("import", str(source), "-o", str(answers))
    assert done.returncode == 0, done.stderr
    return answers


def test_import_then_build_prints_values_as_written(imported, tmp_path):
    _valid(imported)
    assert "xx件事" not in imported.read_text(encoding="utf-8")
    for output in _built(imported, tmp_path, "2024"):
        for value in WRITTEN:
            assert value in output
        assert "抓好三件事" in output and "推行三项制度" in output
        for lost in ("3.5万元", "1.2亿元", "0.5%", "1200人"):
            assert lost not in output


@pytest.mark.parametrize("kind", [".csv", ".xlsx"])
def test_import_next_fill_same_build_prints_values_as_written(imported, tmp_path, kind):
    rolled = tmp_path / "2025.yaml"
    done = run_drafter("next", str(imported), "-o", str(rolled))
    assert done.returncode == 0, done.stderr
    _valid(rolled)
    text = rolled.read_text(encoding="utf-8")
    assert "抓好三件事" in text and "xx件事" not in text
    sheet = tmp_path / f"数字表{kind}"
    done = run_drafter("numbers", str(rolled), "-o", str(sheet))
    assert done.returncode == 0, done.stderr
    filled = _fill_same(sheet)
    assert filled >= len(WRITTEN)
    done = run_drafter("numbers", str(rolled), "--fill", str(sheet))
    assert done.returncode == 0, done.stderr
    _valid(rolled)
    for output in _built(rolled, tmp_path, "2025"):
        for value in WRITTEN:
            assert value in output


def _fill_same(sheet: Path) -> int:
    """Every row that has last year's value gets = (the same as last year); how many."""
    if sheet.suffix == ".csv":
        with open(sheet, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        header = rows[0]
        now, before = header.index("今年"), header.index("上年")
        count = 0
        for row in rows[1:]:
            if len(row) > now and row[before].strip():
                row[now], count = "=", count + 1
        with open(sheet, "w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(rows)
        return count
    import openpyxl

    book = openpyxl.load_workbook(sheet)
    page = book.worksheets[0]
    header_row = next(r for r in page.iter_rows() if any(c.value == "今年" for c in r))
    names = {c.value: c.column for c in header_row}
    count = 0
    for row in page.iter_rows(min_row=header_row[0].row + 1):
        if row[names["上年"] - 1].value not in (None, ""):
            row[names["今年"] - 1].value, count = "=", count + 1
    book.save(sheet)
    return count


# ---------------------------------------------------------------- property

UNITS = ["万元", "亿元", "元", "%", "人", "件", "家", "小时"]


@st.composite
def written_values(draw) -> str:
    """A decimal as a clerk writes it, with zeros at the end of its fraction (19.0, 3.50,
    1,200.10), and a unit."""
    whole = draw(st.integers(min_value=0, max_value=9_999_999))
    digits = draw(st.text("0123456789", max_size=2))
    zeros = "0" * draw(st.integers(min_value=1, max_value=2))
    grouped = draw(st.booleans()) and whole >= 1000
    number = f"{whole:,}" if grouped else str(whole)
    return f"{number}.{digits}{zeros}{draw(st.sampled_from(UNITS))}"


@given(written_values())
@example("19.0%")
@example("3.50万元")
@example("1.20亿元")
@example("0.50%")
@example("1,200.0人")
def test_a_written_value_prints_as_written(value):
    q = facts.parse(value)
    assert q is not None and q.text == value
    assert slots.short_form(q) == value  # what import writes into facts:
    fact = owntext.parse_fact("数", value)  # what build and next read back
    assert owntext.written(fact) == value  # what next moves into previous_year
    rendered = owntext.render("全年{数}。", {}, {}, {}, {"数": fact}, {})
    assert rendered.text == f"全年{value}。"
    assert [x.text for x in facts.find(f"其中安排{value}，")] == [value]


@given(written_values())
def test_a_value_typed_for_a_field_prints_as_typed(value):
    number = re.match(r"[0-9,.]+", value).group(0)
    for spec in (FieldSpec(id="a", type="money", prompt="金额", unit="万元"),
                 FieldSpec(id="b", type="percent", prompt="比率"),
                 FieldSpec(id="c", type="number", prompt="时长", unit="小时")):
        parsed = types.of(spec).parse(number, spec)  # the wizard and the sheet read typed text so
        assert types.of(spec).state(parsed, spec).startswith(number)
