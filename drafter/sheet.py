"""The numbers sheet: every number of a report's sections as rows of a table (.xlsx or .csv),
to hand to colleagues and to read back.

Numbers arrive from other offices as lists. `drafter numbers FILE -o 数字表.xlsx` writes one
row per number of the outline's sections — the typed numeric fields (count, money, percent,
number) and the section's own facts — with last year's value beside it; `--fill` reads this
year's column back. Every cell goes through the same field types as `build`
(drafter.types), and nothing is written unless every row is good: one atomic write of the
answers file that keeps its comments and order.

An empty 今年 cell leaves the answer as it is (a sheet passed round half-filled must not
erase numbers already in the file); `=` copies last year's value. Numbers inside records
(lists of entries) are on the sheet for the entries the file already holds, keyed by their
place (drills[2].participants); adding or removing entries is done in the file.

A sheet remembers the answers file it was made from — issuer, year and file name, in a
hidden sheet of the .xlsx or in the last row of the .csv (its 键 cell) — and `--fill` takes
it back only into a file of the same issuer and year: numbers typed for another bureau or
another year are not written into this one. (A sheet without that record, made by an older
drafter or copied into a new workbook, cannot be checked and is read as before.) A formula
whose result was never saved (written by a program, not by Excel or WPS) is refused by its
cell, not read as empty.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from drafter import answers as answers_mod
from drafter import facts, owntext, printed, sources, types, yamlio
from drafter.errors import DrafterError, Location
from drafter.fields import PLACEHOLDER, FieldSpec, FieldValueError, describe, is_empty, shorten
from drafter.ontology import Ontology

COLUMNS = ("章节", "项目", "报告中的句子", "单位", "上年", "今年", "提供单位", "键")
SECTION, LABEL, SENTENCE, UNIT, PREVIOUS, CURRENT, PROVIDER, KEY = range(len(COLUMNS))
# the row above the numbers the report does not print (drafter.printed): they follow the printed ones
OTHERS_HEADING = "以下各项报告目前不会写出：只有本节的正文（text）用到它们（或模板按本节的答案写到它们）时才会写入报告"
FORMATS = (".xlsx", ".csv")
# other spreadsheet formats a colleague may hand back: what they are, to say so
OTHER_FORMATS = {".xls": "旧版 Excel 格式", ".et": "WPS 表格格式", ".ett": "WPS 表格模板", ".ods": "OpenDocument 表格格式",
                 ".xlsm": "带宏的 Excel 格式", ".xlsb": "Excel 二进制格式", ".xltx": "Excel 模板", ".numbers": "Numbers 表格格式"}
ORIGIN_SHEET = "drafter"  # .xlsx: the hidden sheet that says which answers file the sheet was made from
ORIGIN_MARK = "drafter:"  # .csv: the 键 cell of the row that says it
ORIGIN_LABELS = ("发文机关", "年度", "答案文件")
FACTS_KEY = "facts"  # the key of an own fact: <section>.facts.<name>
SAME = "="


@dataclass
class Row:
    section: str  # section id
    heading: str
    field: str | None  # a typed field's id (drills[2].participants inside a record), or None for an own fact
    fact: str | None  # an own fact's name
    spec: FieldSpec
    previous: Any
    current: Any
    label: str = ""  # what the 项目 column says; the field's prompt unless set
    records: list | None = None  # a number inside a record: the records it belongs to, as read
    printed: bool = True  # the report prints it (drafter.printed)
    sentence: str = ""  # its sentence in the report, its place marked 【  】
    why_not: str = ""  # when not printed: why, in a Chinese phrase

    def __post_init__(self) -> None:
        self.label = self.label or self.spec.prompt

    @property
    def key(self) -> str:
        return f"{self.section}.{self.field}" if self.field else f"{self.section}.{FACTS_KEY}.{self.fact}"

    @property
    def unit(self) -> str:
        return "%" if self.spec.type == "percent" else (self.spec.unit or "")

    @property
    def local(self) -> str:
        """The key within its section, as drafter.printed names it."""
        return self.key[len(self.section) + 1:]

    def warning(self) -> str:
        """The one line said when a value is entered for a number the report does not print."""
        return f"提示：“{self.label}”：{self.why_not}，这个数不会写入报告" if not self.printed else ""


def rows(answers: answers_mod.Answers, ontology: Ontology) -> list[Row]:
    """Every number of the outline's sections, in the outline's order, each knowing whether the
    report prints it and its sentence (drafter.printed)."""
    out = _rows(answers, ontology)
    found: dict[str, printed.Printed] = {}
    for row in out:
        if row.section not in found:
            found[row.section] = printed.section(answers, ontology, row.section)
        here = found[row.section]
        row.printed, row.sentence = here.prints(row.local), here.sentence(row.local)
        row.why_not = "" if row.printed else here.why_not()
    return out


def _rows(answers: answers_mod.Answers, ontology: Ontology) -> list[Row]:
    out: list[Row] = []
    for part in answers.outline.parts:
        for ref in part.section_refs():
            section = answers.section(ref.id, ontology)
            heading = ref.heading or section.heading
            values, previous = answers.values.get(ref.id) or {}, answers.previous.get(ref.id) or {}
            for spec in section.fields:
                if spec.type in NUMBERS:
                    out.append(Row(ref.id, heading, spec.id, None, spec, previous.get(spec.id), values.get(spec.id)))
                elif spec.type == "records":
                    out.extend(_record_rows(ref.id, heading, spec, values.get(spec.id), previous.get(spec.id)))
            facts, before = answers.facts.get(ref.id) or {}, answers.previous_facts.get(ref.id) or {}
            for name in [*facts, *(n for n in before if n not in facts)]:
                fact = facts.get(name) or before[name]
                last = before.get(name)
                out.append(Row(ref.id, heading, None, name, fact.spec, last.value if last else None,
                               facts[name].value if name in facts else None))
    return out


NUMBERS = tuple(name for name, t in types.REGISTRY.items() if t.numeric)


def _record_name(spec: FieldSpec, record: dict) -> str:
    """What tells one record from another: its first text, as the clerk wrote it."""
    for sub in spec.fields:
        if sub.type in ("text", "textblock", "choice") and not is_empty(record.get(sub.id)):
            return shorten(str(record[sub.id]), 30)
    return ""


def _record_rows(sid: str, heading: str, spec: FieldSpec, records: Any, before: Any) -> list[Row]:
    """One row per number of each record this year's answers hold; last year's value is
    that of last year's record with the same name."""
    numbers = [sub for sub in spec.fields if sub.type in NUMBERS]
    if not numbers or not records:
        return []
    last_year = {_record_name(spec, r): r for r in before or [] if r and _record_name(spec, r)}
    out = []
    for n, record in enumerate(records, 1):
        name = _record_name(spec, record or {})
        match = last_year.get(name) if name else None
        for sub in numbers:
            label = f"{spec.prompt}（第 {n} 条{'：' + name if name else ''}）：{sub.prompt}"
            out.append(Row(sid, heading, f"{spec.id}[{n}].{sub.id}", None, sub,
                           (match or {}).get(sub.id), (record or {}).get(sub.id), label, records))
    return out


# ---------------------------------------------------------------- writing


def _cell(value: Any) -> Any:
    """A value as the sheet shows it: numbers as numbers, 80余 as text, a placeholder as nothing."""
    if value is None or (isinstance(value, str) and PLACEHOLDER.match(value.strip())):
        return None
    return value


def table(answers: answers_mod.Answers, ontology: Ontology) -> list[list[Any]]:
    """The sheet: the numbers the report prints first, then, under a heading row, the others."""
    found = rows(answers, ontology)

    def line(r: Row) -> list[Any]:
        return [r.heading, r.label, r.sentence, r.unit, _cell(r.previous), _cell(r.current), None, r.key]

    body = [line(r) for r in found if r.printed]
    others = [line(r) for r in found if not r.printed]
    if others:
        heading: list[Any] = [None] * len(COLUMNS)
        heading[LABEL] = OTHERS_HEADING
        body += [heading, *others]
    return [list(COLUMNS), *body]


@dataclass(frozen=True)
class Origin:
    """The answers file a sheet was made from."""

    issuer: str
    year: int
    file: str  # its name, for messages

    @classmethod
    def of(cls, answers: answers_mod.Answers, path: Path) -> Origin:
        return cls(answers.meta.issuer, answers.meta.year, Path(path).name)

    def matches(self, other: Origin) -> bool:
        return _plain(self.issuer) == _plain(other.issuer) and self.year == other.year

    def __str__(self) -> str:
        return f"{self.issuer} {self.year} 年"


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


def write(answers_path: Path, output: Path, ontology: Ontology) -> int:
    """Write the sheet; the number of rows written."""
    answers_path, output = Path(answers_path), Path(output)
    yamlio.check_output(output, (answers_path,))  # not onto the answers file, not a folder: before the format
    kind = _kind(output, writing=True)
    answers = answers_mod.load(answers_path, ontology)
    data = table(answers, ontology)
    origin = Origin.of(answers, answers_path)
    payload = _xlsx(data, origin) if kind == ".xlsx" else _csv(data, origin)
    yamlio.write_output(output, payload, inputs=(answers_path,))
    return sum(1 for line in data[1:] if line[KEY])


def counts(answers_path: Path, ontology: Ontology) -> tuple[int, int]:
    """How many numbers the report prints, and how many it does not (the sheet's two parts)."""
    found = rows(answers_mod.load(Path(answers_path), ontology), ontology)
    return sum(r.printed for r in found), sum(not r.printed for r in found)


def _kind(path: Path, writing: bool = False) -> str:
    kind = Path(path).suffix.lower()
    if kind in FORMATS:
        return kind
    message = f"数字表只能是 .xlsx（Excel、WPS 表格）或 .csv 文件，实际是“{kind or '无扩展名'}”"
    if kind in OTHER_FORMATS:
        way_out = ("请把 -o 的扩展名改为 .xlsx（Excel 和 WPS 都能打开）" if writing
                   else "请在 Excel 或 WPS 中打开后另存为 .xlsx，再读回")
        message += f"（{OTHER_FORMATS[kind]}）：{way_out}"
    raise DrafterError(message, Location(file=str(path)))


def _csv(data: list[list[Any]], origin: Origin) -> bytes:
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    for line in data:
        writer.writerow(["" if v is None else v for v in line])
    record = json.dumps(dict(zip(ORIGIN_LABELS, (origin.issuer, origin.year, origin.file))), ensure_ascii=False)
    note = f"本表根据 {origin.file}（{origin}）生成；这一行供 drafter 核对，请勿改动或删除"
    origin_row = [""] * len(COLUMNS)
    origin_row[LABEL], origin_row[KEY] = note, ORIGIN_MARK + record
    writer.writerow(origin_row)
    # with a BOM, Excel and WPS open the Chinese text correctly
    return stream.getvalue().encode("utf-8-sig")


def _xlsx(data: list[list[Any]], origin: Origin) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = "数字表"
    for line in data:
        sheet.append([_number_cell(v)[0] if column in (PREVIOUS, CURRENT) else v for column, v in enumerate(line)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")  # the columns to fill in
    for number, line in enumerate(data[1:], 2):
        if not line[KEY]:
            continue
        for column in (CURRENT, PROVIDER):
            sheet.cell(number, column + 1).fill = fill
        # a number shows the decimals it was written with (3.50), and what is typed over it
        # shows as many: the cell is read back as it shows (_xlsx_value)
        for column, value in ((PREVIOUS, line[PREVIOUS]), (CURRENT, line[CURRENT])):
            shown = _number_cell(value)[1] or (_number_cell(line[PREVIOUS])[1] if value is None else None)
            if shown:
                sheet.cell(number, column + 1).number_format = shown
    for number, line in enumerate(data, 1):
        if line[LABEL] == OTHERS_HEADING:
            sheet.cell(number, LABEL + 1).font = Font(bold=True)
    for index, width in enumerate((24, 36, 56, 8, 12, 12, 16, 30)):
        sheet.column_dimensions[_column_letter(index)].width = width
    sheet.column_dimensions[_column_letter(KEY)].hidden = True  # the key: drafter's, not the reader's
    sheet.freeze_panes = "A2"
    record = book.create_sheet(ORIGIN_SHEET)
    record.append(["本页供 drafter 核对这张数字表来自哪份答案文件，请勿改动"])
    for label, value in zip(ORIGIN_LABELS, (origin.issuer, origin.year, origin.file)):
        record.append([label, value])
    record.sheet_state = "hidden"
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


# ---------------------------------------------------------------- reading back


def _read_csv(path: Path) -> list[list[Any]]:
    raw = _bytes(path)
    # Excel on a Chinese Windows saves CSV as GBK, and its “Unicode text” as UTF-16 with tabs
    encodings = ("utf-16",) if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DrafterError("无法识别 CSV 文件的编码，请用 UTF-8 或 GBK 另存后再试", Location(file=str(path)))
    first = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=first.count) if first else ","  # a tab-separated “Unicode text” sheet
    lines: list[list[Any]] = []
    try:
        for line in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            lines.append(list(line))
    except csv.Error as exc:  # Python's English; the row it stopped at is the one after the last read
        number = len(lines) + 1
        if "field larger than field limit" in str(exc):
            message = (f"有一格超过 {csv.field_size_limit():,} 个字符，不是数字表中会有的内容"
                       "（可能粘贴了整篇文字，或引号没有配对）；请检查这一行")
        elif "NUL" in str(exc):
            message = "含有空字符（NUL），可能不是文本格式的 CSV；请用 Excel 或 WPS 另存为 CSV 后再试"
        else:
            message = "CSV 格式有误（可能引号没有配对）；请用 Excel 或 WPS 另存为 CSV 后再试"
        raise DrafterError(f"第 {number} 行：{message}", Location(file=str(path), line=number)) from None
    return lines


@dataclass(frozen=True)
class _Unsaved:
    """A formula cell with no saved result (openpyxl reads it as None): not an empty cell."""

    cell: str  # E12

    def __str__(self) -> str:
        return ""


def _read_xlsx(path: Path) -> tuple[list[list[Any]], Origin | None]:
    from openpyxl import load_workbook

    raw = _bytes(path)  # a missing file is “找不到文件”, not a broken workbook
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        lines = [[_xlsx_value(cell) for cell in line] for line in _table_sheet(book).iter_rows()]
        record = ([list(line) for line in book[ORIGIN_SHEET].iter_rows(values_only=True)]
                  if ORIGIN_SHEET in book.sheetnames else None)
        # data_only gives None for a formula never calculated: find those among the empty cells
        formulas = _table_sheet(load_workbook(io.BytesIO(raw), read_only=True, data_only=False))
        for row, line in enumerate(formulas.iter_rows()):
            for column, cell in enumerate(line):
                if getattr(cell, "data_type", None) == "f" and row < len(lines) and column < len(lines[row]) \
                        and lines[row][column] is None:
                    lines[row][column] = _Unsaved(f"{_column_letter(column)}{row + 1}")
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a file that is not a workbook
        raise DrafterError("无法读取这个 .xlsx 文件（不是 Excel 工作簿，或已损坏）；请用 Excel 或 WPS 另存为 .xlsx 后再试",
                           Location(file=str(path))) from None
    return lines, (_xlsx_origin(record, path) if record is not None else None)


def _table_sheet(book: Any) -> Any:
    """The sheet of numbers: the first that is not drafter's record."""
    return next((page for page in book.worksheets if page.title != ORIGIN_SHEET), book.worksheets[0])


def _xlsx_origin(record: list[list[Any]], path: Path) -> Origin:
    found = {str(line[0]).strip(): line[1] for line in record if len(line) > 1 and line[0] is not None}
    return _origin(found, path, f"隐藏的“{ORIGIN_SHEET}”工作表")


def _origin(found: dict, path: Path, where: str, line: int | None = None) -> Origin:
    issuer, year, name = (found.get(label) for label in ORIGIN_LABELS)
    if isinstance(year, float) and year.is_integer():
        year = int(year)  # a program may save 2025 as 2025.0
    try:
        year = int(str(year).strip())
    except ValueError:
        year = None
    if not isinstance(issuer, str) or not issuer.strip() or year is None:
        raise DrafterError(f"数字表中 drafter 的记录（{where}）被改动过，无法核对这张表来自哪份答案文件；"
                           "请用 drafter numbers 重新生成数字表", Location(file=str(path), line=line))
    return Origin(issuer.strip(), year, str(name or "").strip() or "（未记下文件名）")


def _csv_origin(lines: list[list[Any]], key_column: int, path: Path) -> tuple[Origin | None, set[int]]:
    """The record a .csv sheet keeps in its last row (wherever sorting put it), and its rows."""
    origins, at = [], set()
    for index, line in enumerate(lines):
        key = line[key_column] if key_column < len(line) else None
        if isinstance(key, str) and key.strip().startswith(ORIGIN_MARK):
            try:
                found = json.loads(key.strip()[len(ORIGIN_MARK):])
            except ValueError:
                found = None
            origins.append(_origin(found if isinstance(found, dict) else {}, path, f"第 {index + 1} 行“键”列", index + 1))
            at.add(index)
    other = next((o for o in origins if not o.matches(origins[0])), None)
    if other is not None:  # two sheets pasted together
        raise DrafterError(f"数字表中有两份来源记录（{origins[0]}，{other}）：它由两张数字表拼成；"
                           "请用 drafter numbers 重新生成", Location(file=str(path)))
    return (origins[0] if origins else None), at


def _check_origin(origin: Origin | None, answers: answers_mod.Answers, path: Path) -> None:
    if origin is None:
        return  # made by an older drafter, or copied into a new workbook: nothing to check against
    answers_path = answers.document.path if answers.document is not None else Path("答案文件")
    this = Origin.of(answers, answers_path)
    if not origin.matches(this):
        raise DrafterError(f"这张数字表是根据 {origin.file}（{origin}）生成的，不能读回 {answers_path}（{this}）："
                           f"表中的数字是那份报告的；请用 drafter numbers {answers_path} -o 数字表.xlsx 生成这份答案文件的数字表",
                           Location(file=str(path)))


def _number_cell(value: Any) -> tuple[Any, str | None]:
    """A value as an .xlsx cell holds it, and the number format that shows its written decimals
    (3.50 → 3.5 shown as 0.00; 1,200 → 1200 shown as #,##0); None where General shows it as written."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return value, None
    text = value.strip() if isinstance(value, str) else repr(value) if isinstance(value, float) else str(value)
    if not facts.PLAIN_NUMBER.fullmatch(text) or "e" in text:
        return value, None
    bare = text.replace(",", "")
    decimals = len(bare.partition(".")[2].rstrip("0") if isinstance(value, float) else bare.partition(".")[2])
    number: int | float = float(bare) if "." in bare else int(bare)
    if isinstance(number, float) and number.is_integer() and not decimals:
        number = int(number)
    grouped = "," in text
    if not decimals and not grouped:
        return number, None
    return number, ("#,##0" if grouped else "0") + ("." + "0" * decimals if decimals else "")


def _format_decimals(number_format: str) -> tuple[int, bool]:
    """How many decimals a number format shows (0.00 → 2, 0.0% → 1, General → 0), and whether
    it groups thousands (#,##0)."""
    first = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format.split(";")[0])
    digits = re.search(r"[0#?,]*(?:\.([0#?]*))?", first[re.search(r"[0#?.]", first).start():]) \
        if re.search(r"[0#?.]", first) else None
    if digits is None:
        return 0, False
    return (digits.group(1) or "").count("0"), "," in digits.group(0).partition(".")[0]


def _xlsx_value(cell: Any) -> Any:
    """A cell's value as it shows: Excel keeps 98.6% as 0.986 in a percent-formatted cell, and
    3.50 typed in a cell as 3.5, shown 3.50 by a 0.00 format: read back as 3.50 (the digits the
    format adds, never fewer than the value has)."""
    value = getattr(cell, "value", None)
    number_format = getattr(cell, "number_format", "") or ""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return value
    percent = "%" in number_format
    decimals, grouped = _format_decimals(number_format) if number_format != "General" else (0, False)
    if percent:
        value = round(value * 100, 6)
    own = format(Decimal(repr(value)).normalize(), "f") if isinstance(value, float) else str(value)
    places = max(decimals, len(own.partition(".")[2]))
    if not percent and places == len(own.partition(".")[2]) and not (grouped and abs(value) >= 1000):
        return value  # as it stands: 861, 2590.69
    shown = f"{value:{',' if grouped else ''}.{places}f}"
    return shown + ("%" if percent else "")


def _bytes(path: Path) -> bytes:
    return yamlio.read_bytes(path, "数字表")


def _column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA, as Excel names columns."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _header(lines: list[list[Any]], path: Path) -> dict[Any, Any]:
    """Where each of our columns stands (the sheet may have had columns moved or added; an
    older sheet has no 提供单位)."""
    for number, line in enumerate(lines):
        names = [str(v).strip() if v is not None else "" for v in line]
        if "键" in names and "今年" in names:
            provider = COLUMNS[PROVIDER]
            return {"header": number, KEY: names.index("键"), CURRENT: names.index("今年"),
                    PROVIDER: names.index(provider) if provider in names else None}
    raise DrafterError("找不到表头（应有“今年”和“键”两列）：请用 drafter numbers 生成的数字表填写，不要删除表头和“键”列",
                       Location(file=str(path)))


@dataclass
class Change:
    row: Row
    value: Any
    line: int  # the sheet's row number, for messages
    provider: str = ""  # the sheet's 提供单位 for this row
    same: bool = False  # written `=`: last year's value


def read(path: Path, answers: answers_mod.Answers, ontology: Ontology) -> list[Change]:
    """This year's values of a filled-in sheet, every one checked; the first bad row raises."""
    path = Path(path)
    if _kind(path) == ".xlsx":
        lines, origin = _read_xlsx(path)
        where = _header(lines, path)
        skip: set[int] = set()
    else:
        lines = _read_csv(path)
        where = _header(lines, path)
        origin, skip = _csv_origin(lines, where[KEY], path)
    _check_origin(origin, answers, path)  # before any row: another bureau's rows would mislead
    by_key = {r.key: r for r in rows(answers, ontology)}
    seen: dict[str, int] = {}
    changes = []
    for index in range(where["header"] + 1, len(lines)):
        if index in skip:
            continue
        line, number = lines[index], index + 1
        cell = lambda column, line=line: line[column] if column < len(line) else None  # noqa: E731
        key, value = cell(where[KEY]), cell(where[CURRENT])
        for column, name in ((where[KEY], "键"), (where[CURRENT], "今年")):
            if isinstance(cell(column), _Unsaved):
                raise _error(path, number, column, f"{cell(column).cell} 是公式，但没有保存计算结果："
                                                   "请在 Excel 或 WPS 中打开并保存后再读回", name)
        if is_empty(key if not isinstance(key, (int, float)) else str(key)):
            if not _blank(value):
                raise _error(path, number, where[CURRENT], "这一行没有“键”，不知道该填到哪一项；请不要改动或删除“键”列", "今年")
            continue
        key = str(key).strip()
        row = by_key.get(key)
        if row is None:
            raise _error(path, number, where[KEY], f"“键”列的“{shorten(key)}”不是本报告提纲中的任何一项数字；"
                                                   "请用 drafter numbers 重新生成数字表，不要改动“键”列", "键")
        if key in seen:
            raise _error(path, number, where[KEY], f"“{row.label}”重复出现（第 {seen[key]} 行已有），请删去一行", "键")
        seen[key] = number
        if _blank(value):
            continue  # an empty cell leaves the answer as it is
        try:
            checked = _value(value, row)
        except FieldValueError as exc:
            raise _error(path, number, where[CURRENT], f"{row.heading}：{row.label}：{exc}", "今年") from None
        if checked is not None:  # a cell of nothing but marks (“，”) says nothing, as in the file
            provider = cell(where[PROVIDER]) if where[PROVIDER] is not None else None
            changes.append(Change(row, checked, number, _one_line(provider), _is_same(value)))
    return changes


def _one_line(value: Any) -> str:
    """A 提供单位 cell as one line of text (a cell may hold a line break, or a number)."""
    if value is None or isinstance(value, _Unsaved):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", " ", str(value)).strip()


def _is_same(value: Any) -> bool:
    return isinstance(value, str) and value.strip() == SAME


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _value(value: Any, row: Row) -> Any:
    """A cell's value, checked as `build` checks the answers file."""
    if isinstance(value, str) and value.strip() == SAME:
        if row.previous is None:
            raise FieldValueError("写了 =（沿用上年），但没有上年的数值")
        return row.previous
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise FieldValueError(f"应为数字，实际是{describe(value)}")
    if isinstance(value, str):
        text = value.strip()
        if row.spec.type != "percent" and row.unit and text.endswith(row.unit) and text != row.unit:
            text = text[: -len(row.unit)].strip()  # 24场 in a 场 row: the unit is already in its column
        return types.of(row.spec).parse(text, row.spec)
    return types.check(value, row.spec)


def _error(path: Path, line: int, column: int, message: str, name: str = "") -> DrafterError:
    named = f"（{name}）" if name else ""
    return DrafterError(f"第 {line} 行 {_column_letter(column)} 列{named}：{message}",
                        Location(file=str(path), line=line, column=column + 1))


def fill(answers_path: Path, sheet_path: Path, ontology: Ontology) -> list[Change]:
    """Read the sheet back into the answers file: all rows or none. The values that changed."""
    answers_path, sheet_path = Path(answers_path), Path(sheet_path)
    if yamlio.same_file(answers_path, sheet_path):
        raise DrafterError("数字表不能是答案文件本身", Location(file=str(sheet_path)))
    doc = yamlio.load(answers_path)  # reload now: what the file holds at this moment
    answers = answers_mod.from_document(doc, ontology)
    changes = [c for c in read(sheet_path, answers, ontology) if not _unchanged(c)]
    if not changes:
        return []
    for change in changes:
        _apply(doc.data, change)
    _record_sources(doc.data, changes, sheet_path.name)
    text = doc.dumps()
    try:  # what we write must read back, before the file is touched
        answers_mod.from_document(yamlio.loads(text, answers_path), ontology)
    except DrafterError as exc:
        raise DrafterError(f"填入数字表后答案文件未通过检查，没有写入：{exc.message}",
                           Location(file=str(answers_path), field=exc.location.field)) from None
    yamlio.atomic_write_text(answers_path, text)
    return changes


def warnings(changes: list[Change]) -> list[str]:
    """One line for each value filled in for a number the report does not print."""
    return [f"第 {c.line} 行（{c.row.heading}）{c.row.warning()}" for c in changes if not c.row.printed]


def describe_change(change: Change) -> str:
    row = change.row
    before = "（空）" if row.current is None else f"{row.current}"
    return f"{row.heading}：{row.label}：{before} → {change.value}{row.unit}"


def _record_sources(data: Any, changes: list[Change], file_name: str) -> None:
    """Each number filled in has the sheet as its source: its file, row and 提供单位; the rows
    of one record field (drills[1].participants, drills[2].participants) are said together."""
    said: dict[tuple[str, str], list[Change]] = {}
    for change in changes:
        said.setdefault((change.row.section, sources.name_of(change.row.local)), []).append(change)
    for (sid, name), found in said.items():
        units = "、".join(dict.fromkeys(c.provider for c in found if c.provider))
        sources.record(data["answers"][sid], name,
                       sources.sheet(file_name, [c.line for c in found], units, all(c.same for c in found)))


def _unchanged(change: Change) -> bool:
    current, new = change.row.current, change.value
    if current is None or isinstance(current, str) != isinstance(new, str):
        return False  # 80 and "80" are not the same answer
    return current == new


def _apply(data: Any, change: Change) -> None:
    row = change.row
    answers = data.get("answers")
    if not isinstance(answers, dict):
        answers = data["answers"] = CommentedMap()
    section = answers.get(row.section)
    if not isinstance(section, dict):
        section = answers[row.section] = CommentedMap()
    if row.field and "[" in row.field:  # a number inside a record: records[n].sub
        records_id, _, rest = row.field.partition("[")
        index, _, sub = rest.partition("].")
        records = section.get(records_id)
        if not isinstance(records, list):  # `=`: last year's records, written out to be changed
            records = _plain_records(row.records)
            _set(section, records_id, records)
        if not isinstance(records[int(index) - 1], dict):
            records[int(index) - 1] = CommentedMap()
        records[int(index) - 1][sub] = change.value
        return
    if row.field:
        _set(section, row.field, change.value)
        return
    facts = section.get(owntext.FACTS)
    if not isinstance(facts, dict):
        facts = CommentedMap()
        _set(section, owntext.FACTS, facts)
    entry = facts.get(row.fact)
    if isinstance(entry, dict):
        entry["value"] = change.value
    else:
        facts[row.fact] = owntext.written(owntext.OwnFact(row.fact, row.spec, change.value))


def _plain_records(records: list | None) -> CommentedSeq:
    out = CommentedSeq()
    for record in records or []:
        item = CommentedMap()
        for key, value in (record or {}).items():
            if not is_empty(value):
                item[key] = value
        out.append(item)
    return out


def _set(section: dict, key: str, value: Any) -> None:
    """Set a key of a section; a new key goes before previous_year, which stays last."""
    if key in section:
        section[key] = value
        return
    keys = list(section.keys())
    at = keys.index(answers_mod.PREVIOUS_YEAR) if answers_mod.PREVIOUS_YEAR in keys else len(keys)
    section.insert(at, key, value)


def set_number(answers_path: Path, key: str, text: str, ontology: Ontology) -> Row:
    """One number typed in place (drafter ask --numbers): checked like the sheet and `build`,
    written at once if the file still loads. Returns the row as it now stands."""
    doc = yamlio.load(Path(answers_path))  # reload: the user may be editing the file too
    answers = answers_mod.from_document(doc, ontology)
    row = next((r for r in rows(answers, ontology) if r.key == key), None)
    if row is None:
        raise DrafterError("这一项已不在答案文件的提纲中", Location(file=str(answers_path), field=key))
    value = _value(text, row) if not _blank(text) else None
    if value is None:
        return row
    change = Change(row, value, 0)
    if not _unchanged(change):
        _apply(doc.data, change)
        name = sources.name_of(row.local)  # typed on the screen: drafter ask and the date, or 沿用上年
        sources.record(doc.data["answers"][row.section], name,
                       sources.same(sources.asked()) if _is_same(text) else sources.asked())
        dumped = doc.dumps()
        answers_mod.from_document(yamlio.loads(dumped, Path(answers_path)), ontology)
        yamlio.atomic_write_text(Path(answers_path), dumped)
    row.current = value
    return row
