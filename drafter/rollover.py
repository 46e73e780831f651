"""drafter next: next year's answers file drafted from this year's.

* the year moves on; date and 文号 are cleared; years in headings and the title (which are
  relative to the report's year) shift too, years inside carried facts do not;
* numbers and other year-specific answers (yes/no facts included) move into `previous_year`
  (the comparison baseline and a reference for the writer) and are cleared; stable facts and
  the way a section is written (its choices) are carried and marked for checking; yearly
  ordinals (advances: true) go up by one;
* last year's problems and plans become the follow-up checklist (previous_followup), one
  item each, status and note to be filled in;
* year-bound wording and periods (guiding wording, 《纲要》 period) are recomputed from
  sections/_calendar.yaml; a year it does not cover gives a warning, never a guess;
* comments in the file say what was carried, cleared and what needs checking.
"""
from __future__ import annotations

import copy
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from drafter import carried, counters, naming, outline_data, owntext, yamlio
from drafter import facts as facts_mod
from drafter.answers import OWN_PREFIX, PREVIOUS_YEAR, own_section
from drafter.fields import FieldSpec, FieldValueError, is_empty
from drafter.ontology import Ontology, Section
from drafter.yearly import period, wording

# A choice is how a section is written (一是二是 or 分条, 件 or 宗): it carries. A yes/no
# flag, a year or a list says what happened that year: it does not, unless marked stable.
CARRIED_TYPES = ("choice",)
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


@dataclass
class Rollover:
    document: yamlio.Document
    year: int
    warnings: list[str] = field(default_factory=list)


def _shift_years(text: str, year: int) -> str:
    """Years relative to the report (last year, this year, next year) move on by one."""
    return _YEAR.sub(lambda m: str(int(m.group(1)) + 1) if year - 1 <= int(m.group(1)) <= year + 1 else m.group(1), text)


_PROSE_YEAR = re.compile(r"(?<![〔\[［(（\d])(\d{4})(?=年)")
# where a year is part of a name or a span, not of the report's time: a document's title
# (《2024年……方案》, 《纲要（2021-2025年）》), a document number, a range of years
_KEPT = re.compile(r"《[^《》\n]{0,200}》|〔[^〔〕\n]{0,20}〕"
                   r"|\d{4}\s*年?\s*(?:\d{1,2}\s*月\s*)?[-—–~～至到]\s*\d{4}\s*年?")


def _shift_prose_years(text: str, year: int) -> str:
    """In the bureau's prose, years said as years (2025年, 2024年同期) move on with the report;
    document titles and numbers (《2024年……方案》, 〔2025〕7号), year ranges (2021-2025年),
    versions (2021版) and other years stay: a shifted title names a document nobody issued."""
    def shift(piece: str) -> str:
        return _PROSE_YEAR.sub(lambda m: str(int(m.group(1)) + 1) if year - 1 <= int(m.group(1)) <= year + 1
                               else m.group(1), piece)

    out, last = [], 0
    for kept in _KEPT.finditer(text):
        out += [shift(text[last:kept.start()]), kept.group()]
        last = kept.end()
    out.append(shift(text[last:]))
    return "".join(out)


def kept_titles(text: str, year: int) -> list[str]:
    """Document titles in own text that carry last year's or this year's year: kept as they
    are, for the clerk to check whether the document was issued again."""
    return [m.group() for m in re.finditer(r"《[^《》\n]{0,200}》", text)
            if any(year - 1 <= int(y) <= year for y in re.findall(r"(?<!\d)(\d{4})(?=年)", m.group()))]


def _comment(mapping: Any, key: Any, text: str) -> None:
    """An end-of-line comment that keeps any comment lines ruamel filed after the key."""
    if not (isinstance(mapping, CommentedMap) and key in mapping):
        return
    entry = mapping.ca.items.get(key)
    old = entry[2] if entry and len(entry) > 2 else None
    following = ""
    if old is not None:
        following = old.value if old.value.startswith("\n") else old.value.partition("\n")[2] and "\n" + old.value.partition("\n")[2]
    mapping.yaml_add_eol_comment(text, key)
    if following:
        token = mapping.ca.items[key][2]
        token.value = token.value.rstrip("\n") + following


def _delete(mapping: CommentedMap, key: Any) -> None:
    """Delete a key; the comment lines filed after it go to the key before it."""
    entry = mapping.ca.items.pop(key, None)
    token = entry[2] if entry and len(entry) > 2 else None
    keys = list(mapping)
    at = keys.index(key)
    del mapping[key]
    if token is None or at == 0:
        return
    following = token.value if token.value.startswith("\n") else token.value.partition("\n")[2]
    if not following.strip():
        return
    before = keys[at - 1]
    prev = mapping.ca.items.setdefault(before, [None, None, None, None])
    if prev[2] is None:
        prev[2] = copy.copy(token)
        prev[2].value = following if following.startswith("\n") else "\n" + following
    else:
        prev[2].value = prev[2].value.rstrip("\n") + ("\n" + following.lstrip("\n") if not following.startswith("\n") else following)


def _title_of(record: Any, keys: tuple[str, ...]) -> str | None:
    """A one-line name for a problem or plan (the follow-up item's field holds one line):
    its title, or the first sentence of its text, shortened."""
    if not isinstance(record, dict):
        return None
    for key in keys:
        if not is_empty(record.get(key)):
            return _one_line(str(record[key]))
    detail = next((str(v) for v in record.values() if isinstance(v, str) and v.strip()), "")
    first = _one_line(re.split(r"(?<=[。！？；])", detail.strip())[0])
    return (first[:30] + "……") if len(first) > 30 else first or None


def _one_line(text: str) -> str:
    """The lines of a multi-line text as one, each joined as a clause of the sentence."""
    lines = [part.strip() for part in text.splitlines() if part.strip()]
    return "".join(line if n == len(lines) - 1 or line[-1] in "，。；、：！？" else line + "，"
                   for n, line in enumerate(lines))


def _comment_lines_before(old: Any) -> dict[Any, list[str]]:
    """Comment lines standing above a key (ruamel files them after the key before it):
    key -> the lines' texts, so they can stand above it again when the section is rebuilt."""
    if not isinstance(old, CommentedMap):
        return {}
    out: dict[Any, list[str]] = {}
    keys = list(old)
    for key, following in itertools.pairwise(keys):
        entry = old.ca.items.get(key)
        token = entry[2] if entry and len(entry) > 2 else None
        if token is None or "\n" not in token.value.rstrip("\n"):
            continue
        lines = token.value.split("\n")[1:]
        texts = [line.strip().removeprefix("#").strip() for line in lines if line.strip().startswith("#")]
        if texts:
            out[following] = texts
    return out


def _own_text(old: dict, section: Section) -> tuple[str | None, dict]:
    """A section's own text with every literal number turned into a slot, and its own facts
    (those written, and one new fact per number found): what next year must fill again."""
    previous = (old.get(PREVIOUS_YEAR) or {}).get(owntext.FACTS) or {}
    own = {}
    for name, raw in (old.get(owntext.FACTS) or {}).items():
        try:
            own[str(name)] = owntext.parse_fact(str(name), raw)
        except FieldValueError:  # `=`: the same as last year's value
            own[str(name)] = owntext.parse_fact(str(name), previous.get(name))
    text = old.get(owntext.TEXT)
    if not isinstance(text, str) or not text.strip():
        return None, own
    taken = {f.id for f in section.fields} | set(own)
    out: list[str] = []
    for piece in owntext.pieces(text):
        if isinstance(piece, owntext.Slot):
            out.append(text[piece.start:piece.end])
            continue
        last = 0
        for quantity in facts_mod.find(piece):
            name = _unique(_fact_name(naming.name_of(piece, quantity)), taken)
            taken.add(name)
            own[name] = owntext.OwnFact(name, owntext.fact_spec(
                name, "" if quantity.kind == "percent" else quantity.unit, quantity.kind), quantity.value)
            out.append(piece[last:quantity.start] + quantity.before + "{" + name + "}" + quantity.after)
            last = quantity.end
        out.append(piece[last:])
    return "".join(out), own


def _plain(value: Any) -> Any:
    """A long-form own fact as a flow mapping, on one line like the short form."""
    if not isinstance(value, dict):
        return value
    out = CommentedMap(value)
    out.fa.set_flow_style()
    return out


def _fact_name(label: str) -> str:
    return re.sub(r"[{}｛｝|｜\s]", "", label) or "数量"


def _unique(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    n = 2
    while f"{name}{n}" in taken:
        n += 1
    return f"{name}{n}"


def _kind(spec: FieldSpec) -> str:
    if spec.advances:
        return "advance"
    if spec.stable or spec.type in CARRIED_TYPES:
        return "carry"
    return "previous"


class _Roller:
    def __init__(self, ontology: Ontology, year: int, indent: int = 4):
        self.indent = indent  # the column of a section's keys, for comments placed before one
        self.onto = ontology
        self.year = year
        self.next = year + 1
        self.warnings: list[str] = []
        self.problems: list[str] = []
        self.plans: list[str] = []
        self.reviews = 0  # carried paragraphs marked for review

    def section(self, section: Section, old: dict) -> CommentedMap:
        current, previous = CommentedMap(), CommentedMap()
        notes: dict[str, str] = {}
        text, own = _own_text(old, section)
        reference = None
        if section.role in ("problems", "plans") and text:
            # this year's problems and plans are this year's to write: last year's go to the
            # follow-up list and stand above the empty text as a reference, never as this year's
            reference, text, own = str(old.get(owntext.TEXT)), None, {}
        titles: list[str] = []
        rolled: list[counters.Rolled] = []
        verdicts: list[carried.Verdict] = []
        rewritten = ""
        in_slots = set(owntext.slot_names(text)) if text else set()
        before = _comment_lines_before(old)
        for key in old:  # in the user's order
            if key == owntext.TEXT and text:
                titles = kept_titles(text, self.year)
                text = _shift_prose_years(text, self.year)  # “2025年，我局……” speaks of the report's year
                text, rolled = counters.roll(text, self.next, self.onto.observances)  # 第23个“安全生产月”
                if section.role == "opening":  # the guiding wording of the new year, where last year's stands
                    said, now = wording(self.onto, self.year), wording(self.onto, self.next)
                    if said and now and said != now and said in text:
                        text = text.replace(said, now)
                        rewritten = f"开头的指导思想已按 {self.next} 年的提法改写（sections/_calendar.yaml），请核对"
                text, verdicts = carried.mark_paragraphs(text, self.year)  # each paragraph to rewrite or to confirm
                current[key] = LiteralScalarString(text) if "\n" in text else text
                continue
            if key == owntext.FACTS:
                continue  # written below, with the facts found in the text
            spec = section.field(str(key))
            if spec is None or is_empty(old[key]):
                continue
            value = old[key]
            if owntext.same_as_last_year(value):  # `=`: this year's value is last year's
                value = (old.get(PREVIOUS_YEAR) or {}).get(key)
                if is_empty(value):
                    continue
            if spec.id in in_slots:  # a number the own text states: next year must fill it again
                previous[spec.id] = value
                continue
            if section.role == "problems" and spec.id == "items":
                self.problems += [t for t in (_title_of(r, ("title",)) for r in value) if t]
            if section.role == "plans" and spec.id == "items":
                self.plans += [t for t in (_title_of(r, ("title",)) for r in value) if t]
            kind = _kind(spec)
            if kind == "advance" and isinstance(value, int) and not isinstance(value, bool):
                current[spec.id] = value + 1
                notes[spec.id] = f"上年为 {value}，已加一，请核对"
            elif kind == "carry":
                # a carried fact keeps its years (细则（2021版） is a version, not “this year”)
                current[spec.id] = value
                notes[spec.id] = "沿用上年，请核对" + ("；其中含有年份，请确认是否需要改动" if _YEAR.search(str(value)) else "")
            else:
                previous[spec.id] = value
        if own:
            at = list(current).index(owntext.TEXT) + 1 if owntext.TEXT in current else len(current)
            current.insert(at, owntext.FACTS, CommentedMap(
                (name, _plain(owntext.written(owntext.OwnFact(name, fact.spec, None)))) for name, fact in own.items()))
            notes[owntext.FACTS] = "xx 处填今年的数值（= 表示与上年相同）"
            filled = CommentedMap((name, _plain(owntext.written(fact))) for name, fact in own.items() if fact.value is not None)
            if filled:
                previous[owntext.FACTS] = filled
        if reference is not None:
            current.insert(0, owntext.TEXT, "")
        if previous:
            current[PREVIOUS_YEAR] = previous
        _copy_eol_comments(old, current)
        if reference is not None:
            lines = [f"今年的{section.heading}请重新写在 text 中。上年写的是（供参考，已列入上年度问题整改情况）：",
                     *(f"  {line}" for line in reference.strip().splitlines())]
            current.yaml_set_comment_before_after_key(owntext.TEXT, before="\n".join(lines), indent=self.indent)
        _copy_eol_comments(old, previous)
        for key, note in notes.items():
            _comment(current, key, note)
        if previous:
            _comment(current, PREVIOUS_YEAR, f"{self.year}年的数值和内容：供同比和参考，今年的请在上面重新填写")
        if text and owntext.TEXT in current:  # a block of text cannot take a comment at its end
            lines = [*before.get(owntext.TEXT, []), "本节正文沿用上年：年份已顺延，数字已改为空位 {名称}，今年的数值填在 facts 中"]
            if rewritten:
                lines.append(rewritten)
            rewrite = sum(v.kind == carried.REWRITE for v in verdicts)
            if verdicts:
                lines.append(f"段首标记：【改写】{rewrite} 段（说的是上年的事，改写成今年的或删去），"
                             f"【核对】{len(verdicts) - rewrite} 段（仍属实就删去标记）；标记不会印进报告")
                self.reviews += len(verdicts)
            if rolled:
                lines.append(f"届次已按 {self.next} 年改写：" + "，".join(f"{r.before}→{r.after}" for r in rolled)
                             + ("（本地的届次是上年加一，请核对）" if any(r.local for r in rolled) else ""))
                for r in (r for r in rolled if r.local):
                    self.warnings.append(f"章节“{section.heading}”（{section.id}）：本地届次{r.before}已改为{r.after}"
                                         "（上年加一），请核对")
            if titles:
                named = "、".join(titles[:3]) + ("等" if len(titles) > 3 else "")
                lines.append(f"文件名称{named}中的年份未改动：请核对今年是否另发了文件，改写或删去这句")
                self.warnings.append(f"章节“{section.heading}”（{section.id}）正文中的{named}是 {self.year} 年或更早的文件，"
                                     "名称未改动：请核对今年是否另发了文件")
            current.yaml_set_comment_before_after_key(owntext.TEXT, before="\n".join(lines), indent=self.indent)
        return current

    def year_bound(self, answers: CommentedMap) -> None:
        """The guiding wording and the 纲要 period, recomputed for the new year."""
        intro = answers.get(self.onto.role_id("opening"))
        text = wording(self.onto, self.next)
        if isinstance(intro, dict):
            old = (intro.get(PREVIOUS_YEAR) or {}).get("guiding") or intro.get("guiding")
            if old or text:
                if text:
                    intro.pop("guiding", None)
                    intro.insert(0, "guiding", text)
                    _comment(intro, "guiding", f"按 {self.next} 年的提法自动填写（sections/_calendar.yaml），请按本地要求核对")
                else:
                    self.warnings.append(
                        f"没有 {self.next} 年指导思想提法的数据：开头段的“指导思想的表述”已清空，请填写，"
                        f"或在 sections/_calendar.yaml 的 wording 中补充 {self.next} 年")
        gangyao = period(self.onto, "gangyao", self.next)
        for sid in (self.onto.role_id("opening"), self.onto.role_id("closing")):
            section = answers.get(sid) if sid else None
            if isinstance(section, dict) and "outline_start" in section:
                if gangyao:
                    section["outline_start"] = int(gangyao["start"])
                    _comment(section, "outline_start", f"{self.next} 年适用《法治政府建设实施纲要（{gangyao['name']}）》")
                else:
                    self.warnings.append(
                        f"{self.next} 年不在已知的《法治政府建设实施纲要》期限内：请核对 {sid} 的“纲要起始年份”，"
                        "或在 sections/_calendar.yaml 的 periods 中补充新一期纲要")
                    _comment(section, "outline_start", "请核对：新的一年可能已有新一期纲要")
        if period(self.onto, "pufa", self.next) is None:
            self.warnings.append(f"没有 {self.next} 年所属普法规划的数据，请在 sections/_calendar.yaml 中补充")

    def followup(self, old: dict | None) -> CommentedMap | None:
        if not (self.problems or self.plans) or self.onto.role("followup") is None:
            return None
        section = CommentedMap()
        if isinstance(old, dict) and not is_empty(old.get("style")):
            section["style"] = old["style"]
        if self.problems:
            section["items"] = CommentedSeq(CommentedMap(problem=p) for p in self.problems)
            _comment(section, "items", f"{self.year}年报告查摆的问题：逐条补填整改进展（已完成/持续推进/未完成）和整改措施")
        if self.plans:
            section["plans"] = CommentedSeq(CommentedMap(plan=p) for p in self.plans)
            _comment(section, "plans", f"{self.year}年报告提出的工作安排：逐条补填落实进展和落实情况")
        return section


def _year_bound_phrases(ontology: Ontology) -> list[str]:
    return [str(p) for p in ontology.calendar.get("year_bound_phrases") or [] if p]


def _outline(outline: CommentedMap, year: int, followup: str | None, before: set[str], phrases: list[str] = (),
             warnings: list[str] | None = None) -> None:
    """Shift heading years; flag headings with year-bound wording (二十大精神, 三中全会) for
    review; make room for the follow-up section where the problems stand."""
    def roll(entry) -> None:
        heading = entry["heading"] = _shift_years(entry["heading"], year)
        found = [p for p in phrases if p in heading]
        if found:
            _comment(entry, "heading", f"含随年度变化的提法“{'”“'.join(found)}”，请按 {year + 1} 年的提法核对")
            if warnings is not None:
                warnings.append(f"提纲标题“{heading}”含随年度变化的提法“{'”“'.join(found)}”，"
                                f"请按 {year + 1} 年的提法核对（sections/_calendar.yaml 的 year_bound_phrases）")

    parts = outline.get("parts") or []
    for entry in outline_data.headed(parts):  # parts, groups and sections with headings of their own
        roll(entry)
    if followup is None or followup in outline_data.section_ids(parts):
        return
    at = next((i for i, p in enumerate(parts) if before & outline_data.leaves(p)), len(parts))
    part = outline_data.part_entry(f"{year}年法治政府建设存在问题的整改情况", CommentedSeq([followup]),
                                   mapping=CommentedMap, style="plain")
    parts.insert(at, part)
    _comment(part, "heading", "drafter next 新增：上年度问题和工作安排的落实情况")


def _copy_eol_comments(old: Any, new: CommentedMap) -> None:
    """A comment at the end of a value's line goes with the value (not the lines after it)."""
    if not isinstance(old, CommentedMap):
        return
    for key in new:
        entry = old.ca.items.get(key)
        token = entry[2] if entry and len(entry) > 2 else None
        if token is None or token.value.startswith("\n"):
            continue
        own = copy.copy(token)
        own.value = token.value.partition("\n")[0] + "\n"
        new.ca.items[key] = [None, None, own, None]


def _last_items(node: Any) -> list[tuple[Any, Any]]:
    """(container, key) of the last item at each depth, outermost first."""
    if isinstance(node, CommentedMap) and node:
        key = list(node)[-1]
        return [(node, key), *_last_items(node[key])]
    if isinstance(node, CommentedSeq) and node:
        return [(node, len(node) - 1), *_last_items(node[-1])]
    return []


def _slot(container: Any) -> int:
    return 0 if isinstance(container, CommentedSeq) else 2


def _trailing_source(node: Any) -> tuple[Any, Any] | None:
    """Where ruamel put the comment lines after this node: on its deepest last item, or (after
    an inline [a, b] list) on an item further up."""
    for container, key in reversed(_last_items(node)):
        entry = container.ca.items.get(key)
        token = entry[_slot(container)] if entry else None
        if (token is not None and "\n" in token.value.rstrip("\n")) or (token is not None and token.value.startswith("\n")):
            return container, key
    return None


def _deepest(node: Any) -> tuple[Any, Any] | None:
    items = _last_items(node)
    return items[-1] if items else None


def _carry_trailing_comment(old: Any, new: Any) -> None:
    """ruamel keeps the comment lines between two sections on the earlier section's deepest
    last item; rebuilding that section would drop them, so move them to the new last item."""
    source, target = _trailing_source(old), _deepest(new)
    if not source or not target:
        return
    if any(c is source[0] and k == source[1] for c, k in _last_items(new)):
        return  # the same item (a value moved as it is): its comment came along
    container, key = source
    slot = _slot(container)
    entry = container.ca.items.get(key)
    token = entry[slot] if entry else None
    if token is None or ("\n" not in token.value.rstrip("\n") and not token.value.startswith("\n")):
        return  # nothing but an end-of-line comment, which belongs to its own item
    own, _, following = token.value.partition("\n") if not token.value.startswith("\n") else ("", "", token.value[1:])
    t_container, t_key = target
    t_slot = 0 if isinstance(t_container, CommentedSeq) else 2
    t_entry = t_container.ca.items.setdefault(t_key, [None, None, None, None])
    moved = copy.copy(token)
    if t_entry[t_slot] is not None:
        moved.value = t_entry[t_slot].value.rstrip("\n") + "\n" + following
    else:
        moved.value = "\n" + following
    t_entry[t_slot] = moved
    if own:
        token.value = own + "\n"
    else:
        entry[slot] = None


HEADER_MARK = "drafter next 根据"


def _drop_previous_header(data: CommentedMap) -> None:
    """A file drafted by drafter next carries its header; rolling it again replaces it.
    ruamel keeps it before the first key, or as the document's start comment."""
    holders = []
    entry = data.ca.items.get("report")
    if entry and len(entry) > 1 and isinstance(entry[1], list):
        holders.append((entry, 1))
    if isinstance(data.ca.comment, list) and len(data.ca.comment) > 1 and isinstance(data.ca.comment[1], list):
        holders.append((data.ca.comment, 1))
    for holder, slot in holders:
        kept, skipping = [], False
        for token in holder[slot]:
            text = token.value if token is not None else ""
            if HEADER_MARK in text:
                skipping = True
            if skipping:
                if text.lstrip().startswith("# 可运行 drafter ask"):
                    skipping = False
                continue
            kept.append(token)
        holder[slot] = kept


def roll_forward(doc: yamlio.Document, ontology: Ontology) -> Rollover:
    data = copy.deepcopy(doc.data)
    report = data["report"]
    year = int(report["year"])
    roller = _Roller(ontology, year, indent=2 * doc.indentation[0])
    report["year"] = year + 1
    _comment(report, "year", f"由 {year} 改为 {year + 1}")
    if isinstance(report.get("title"), str):
        report["title"] = _shift_years(report["title"], year)
    if report.get("date") and not report.get("signature") and isinstance(report.get("issuer"), str):
        # last year's 落款 stood with its date: it stays when the date is cleared (the issuer signs)
        report.insert(list(report).index("date"), "signature", report["issuer"])
        _comment(report, "signature", "落款沿用上年，请核对")
    for key, what in (("date", "成文日期"), ("doc_number", "发文字号")):
        if key in report:
            _delete(report, key)
            roller.warnings.append(f"{what}已清空，定稿时请填写 report.{key}")

    old_answers = data.get("answers") or {}
    answers = CommentedMap()
    followup_id = ontology.role_id("followup")
    followup_at = None  # where last year's follow-up stood: this year's takes its place
    for sid, old in old_answers.items():
        if sid == followup_id:
            followup_at = len(answers)
        section = ontology.sections.get(str(sid))
        if section is None and str(sid).startswith(OWN_PREFIX):
            section = own_section(str(sid), None)
        if sid == followup_id:
            continue  # replaced below, in the same place
        if section is None or not isinstance(old, dict):
            if answers:  # its trailing comment introduces the next section: keep it
                _carry_trailing_comment(old, answers[list(answers)[-1]])
            continue
        rolled = roller.section(section, old)
        if rolled:
            _carry_trailing_comment(old, rolled)
            answers[sid] = rolled
    if isinstance(old_answers, CommentedMap):  # comments ruamel filed before a section's key
        answers.ca.comment = old_answers.ca.comment
        for sid in answers:
            if sid in old_answers.ca.items:
                answers.ca.items[sid] = copy.copy(old_answers.ca.items[sid])
    followup = roller.followup(old_answers.get(followup_id))
    if followup is not None:
        if followup_at is None:
            answers[followup_id] = followup
        else:
            answers.insert(followup_at, followup_id, followup)
            _carry_trailing_comment(old_answers[followup_id], followup)
    elif followup_at and isinstance(old_answers.get(followup_id), dict):
        _carry_trailing_comment(old_answers[followup_id], answers[list(answers)[followup_at - 1]])
    roller.year_bound(answers)
    data["answers"] = answers
    data.pop("wizard", None)
    before = {sid for sid in map(ontology.role_id, ("problems", "plans", "closing")) if sid}
    _outline(data["outline"], year, followup_id if followup is not None else None, before,
             _year_bound_phrases(ontology), roller.warnings)
    _drop_previous_header(data)
    followup_line = (f"上年的问题和工作安排已列入 {followup_id}，请逐条补填进展。\n" if followup is not None
                     else "上年的答案中没有问题和工作安排条目，所以没有生成整改核对清单。\n")
    data.yaml_set_comment_before_after_key("report", before=(
        f"drafter next 根据 {year} 年答案文件起草的 {year + 1} 年草稿。\n"
        f"数字和当年的具体内容已移入各节的 previous_year（供同比和参考），请重新填写；\n"
        f"标有“沿用上年，请核对”的内容已保留。{followup_line}"
        f"可运行 drafter ask 逐项填写，再运行 drafter build 生成报告。"))
    if roller.reviews:
        roller.warnings.append(f"沿用上年的 {roller.reviews} 段文字已在段首标上【改写】或【核对】：逐段处理后删去标记"
                               "（drafter build --final 在还有标记时不生成定稿）")
    return Rollover(yamlio.Document(doc.path, data, doc.indentation), year + 1, roller.warnings)
