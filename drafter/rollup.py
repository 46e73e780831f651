"""drafter rollup: fill a city's 全系统 figures from its districts' answers files.

Which figures add up, and from which fields, is data: sections/_rollup.yaml. A figure is
filled only when every district (and the city's own bureau, where declared) has an exact
value; otherwise the sum so far and the missing districts are shown and nothing is written.
A value the city typed by hand is never replaced without --force: values drafter wrote carry
an end-of-line comment with the sum, and a value that no longer matches its comment counts
as typed by hand. The city's file stays an ordinary answers file, comments and order kept.

One district counts once. A file is known by what it is (yamlio.Inputs: resolved path and
device/inode, so a hard link is the same file) and by whom it is from (report.issuer and
report.year): a second file of the same issuer — a copy, 乙区(1).yaml — is refused, naming
both files. The city's own file among the districts is skipped with a note when it is the
same file (a folder that holds it), and refused when it is a copy. Answers files carry no
field for the level above (report.region is 全区/全县, not a name), so “under the city” is
read from the issuers: a district whose issuer names another city (深圳市福田区应急管理局
under 某市) is refused; one that names no city at all (甲区应急管理局) is added, with a note
naming it, for the clerk to confirm. The years must agree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from drafter import answers as answers_mod
from drafter import datafiles, facts, sources, types, yamlio
from drafter.errors import DrafterError, Location
from drafter.fields import PLACEHOLDER, ascii_digits, is_empty
from drafter.ontology import Ontology

ROLLUP_FILE = "_rollup.yaml"
MARK = "drafter rollup 汇总"
_MARKED = re.compile(rf"{MARK}[^=]*=\s*([\d.]+)")


@dataclass
class Rule:
    section: str
    field: str
    districts: list[str]  # the first of these with a value, in each district's file
    city: str | None  # plus the city's own value of this field
    prompt: str
    unit: str
    money: bool


@dataclass
class Sum:
    rule: Rule
    parts: list[tuple[str, Any]] = field(default_factory=list)  # (who, value)
    missing: list[str] = field(default_factory=list)
    inexact: list[tuple[str, str]] = field(default_factory=list)  # (who, 80余)
    total: int | float | None = None
    before: Any = None  # the city's value before
    outcome: str = ""  # filled, same, kept (typed by hand), incomplete, skipped


def _fail(path: Path, where: str, message: str) -> DrafterError:
    return DrafterError(message, Location(file=str(path), field=where or None))


def load_rules(onto: Ontology) -> list[Rule]:
    # the rules name this ontology's sections and fields: the built-in ones are no stand-in
    path = datafiles.find(ROLLUP_FILE, onto.root, builtin=False)
    if not path.is_file():
        raise DrafterError("章节本体中没有汇总规则文件", Location(file=str(path)))
    raw = datafiles.table(ROLLUP_FILE, onto.root, builtin=False)
    rules = []
    for sid, fields in raw.items():
        section = onto.section(str(sid))
        if section is None:
            raise _fail(path, str(sid), f"没有 id 为“{sid}”的章节")
        if not isinstance(fields, dict):
            raise _fail(path, str(sid), "应为“字段: 规则”的键值表")
        for fid, rule in fields.items():
            where = f"{sid}.{fid}"
            target = section.field(str(fid))
            if target is None or not types.of(target).sums:
                summable = "或".join(f"{t.label}（{t.name}）" for t in types.REGISTRY.values() if t.sums)
                raise _fail(path, where, f"只能汇总本节的{summable}字段")
            if not isinstance(rule, dict) or not isinstance(rule.get("districts"), list) or not rule["districts"]:
                raise _fail(path, where, "应写 districts: [区县的字段, …]，可加 city: 市局本级的字段")
            sources = [str(s) for s in rule["districts"]] + ([str(rule["city"])] if rule.get("city") else [])
            for source in sources:
                spec = section.field(source)
                if spec is None or spec.type != target.type or spec.unit != target.unit:
                    raise _fail(path, where, f"“{source}”不是本节中与“{fid}”类型、单位相同的字段")
            rules.append(Rule(str(sid), str(fid), [str(s) for s in rule["districts"]],
                              str(rule["city"]) if rule.get("city") else None,
                              target.prompt, target.unit or "", target.type == "money"))
    return rules


def _name(answers) -> str:
    return answers.meta.issuer.removesuffix("应急管理局") or answers.meta.issuer


def _amount(value: Any) -> Decimal | None:
    """An exact value as a Decimal: 861, 2.5, and the written "3.50", "1,200"; None for 80余."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    if isinstance(value, str) and facts.PLAIN_NUMBER.fullmatch(ascii_digits(value.strip())):
        return Decimal(ascii_digits(value.strip()).replace(",", ""))
    return None


def _exact(value: Any) -> bool:
    return _amount(value) is not None


def _add(values: list, money: bool) -> int | float:
    total = sum(_amount(v) or Decimal(0) for v in values)
    return float(round(total, 4)) if money else int(total)


def _marked_value(section_map: Any, key: str) -> str | None:
    """The sum an earlier rollup wrote next to this key, if its comment is still there."""
    comments = getattr(section_map, "ca", None)
    tokens = comments.items.get(key) if comments is not None else None
    token = tokens[2] if tokens and len(tokens) > 2 else None
    match = _MARKED.search(token.value) if token is not None else None
    return match.group(1) if match else None


def _same(a: Any, b: Any) -> bool:
    return _exact(a) and _exact(b) and _amount(a) == _amount(b)


def compute(city, districts: list, rules: list[Rule]) -> list[Sum]:
    sums = []
    in_outline = set(city.outline.section_ids())
    for rule in rules:
        result = Sum(rule, before=(city.values.get(rule.section) or {}).get(rule.field))
        if rule.section not in in_outline:
            result.outcome = "skipped"
            sums.append(result)
            continue
        sources = [(f"{_name(city)}本级", city, [rule.city])] if rule.city else []
        sources += [(_name(d), d, rule.districts) for d in districts]
        for who, answers, fields in sources:
            values = answers.values.get(rule.section) or {}
            value = next((values.get(f) for f in fields if not is_empty(values.get(f))), None)
            if value is None or (isinstance(value, str) and PLACEHOLDER.match(value.strip())):
                result.missing.append(who)
            elif _exact(value):
                result.parts.append((who, value))
            else:
                result.inexact.append((who, str(value)))
        result.total = _add([v for _, v in result.parts], rule.money) if result.parts else None
        sums.append(result)
    return sums


def apply(document: yamlio.Document, sums: list[Sum], force: bool) -> int:
    """Write the complete sums into the city's loaded file; the number written."""
    from ruamel.yaml.comments import CommentedMap

    data = document.data
    if data.get("answers") is None:
        data["answers"] = CommentedMap()
    written = 0
    for s in sums:
        if s.outcome == "skipped":
            continue
        if s.missing or s.inexact:
            s.outcome = "incomplete"
            continue
        section_map = data["answers"].get(s.rule.section)
        if section_map is None:
            section_map = data["answers"][s.rule.section] = CommentedMap()
        current = section_map.get(s.rule.field)
        ours = _marked_value(section_map, s.rule.field)
        typed_by_hand = not is_empty(current) and not (ours is not None and _same(current, float(ours)))
        if _same(current, s.total):
            s.outcome = "same"
            continue
        if typed_by_hand and not force:
            s.outcome = "kept"
            continue
        section_map[s.rule.field] = s.total
        who = "、".join(w for w, _ in s.parts)
        section_map.yaml_add_eol_comment(f"# {MARK}：{who} = {_number(s.total)}", s.rule.field)
        districts = [w for w, _ in s.parts][1 if s.rule.city else 0:]  # the city's own value comes first
        sources.record(section_map, s.rule.field, sources.rollup(districts, own=bool(s.rule.city)))
        s.outcome = "filled"
        written += 1
    return written


def _number(value: int | float) -> str:
    """861, 2590.69 — never 1.2e+06."""
    if isinstance(value, str):
        return value.strip()  # written as the district wrote it: 3.50
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return str(int(value))


def describe(s: Sum) -> str:
    rule = s.rule
    label = f"{rule.section}.{rule.field}（{rule.prompt}）"
    parts = " + ".join(f"{who} {_number(value)}" for who, value in s.parts)
    complete = not (s.missing or s.inexact)
    total = f"{'合计' if complete else '已有数值之和'} {_number(s.total)}{rule.unit}" if s.total is not None else "暂无数值"
    if s.outcome == "skipped":
        return f"{label}：本节不在市局的提纲中，未汇总"
    lines = f"{label}：{total}" + (f"（{parts}）" if parts else "")
    if s.outcome == "incomplete":
        gaps = [f"缺 {'、'.join(s.missing)}"] if s.missing else []
        gaps += [f"{who} 为约数“{value}”" for who, value in s.inexact]
        return f"{lines}；{'；'.join(gaps)} → 未填入（各方都有确切数值后再运行）"
    if s.outcome == "kept":
        return f"{lines} → 市局已手工填写 {s.before}，未覆盖（确需覆盖请加 --force）"
    if s.outcome == "same":
        return f"{lines} → 与市局所填相同"
    return f"{lines} → 已填入" + (f"（原为 {s.before}）" if not is_empty(s.before) else "")


# A place's own name ends in one of these; what comes before is the name of the place above.
# (Not a bare 州: 杭州湾新区 is no district of 杭州; prefectures are named X州市 anyway.)
_ABOVE = re.compile(r"^(?P<above>.+?(?:市|自治州|盟|地区))(?P<own>.+(?:区|县|市|旗|镇|乡|街道))$")
_PROVINCE = re.compile(r"^.+?(?:省|自治区)")


def _place(issuer: str) -> str:
    """某市应急管理局 → 某市: the issuer's place, without the bureau's name or spaces."""
    text = re.sub(r"\s+", "", issuer)
    return text.split("应急管理")[0] or text


def _city_names(place: str) -> list[str]:
    """The ways a district's issuer may name the city: 某某市, without its province, 某某."""
    names = [place, _PROVINCE.sub("", place)]
    stem = re.sub(r"(?:市|自治州|盟|地区)$", "", names[-1])
    if len(stem) >= 2:
        names.append(stem)
    return [n for n in dict.fromkeys(names) if n]


def _who(answers, city_names: list[str]) -> str:
    """A district as one issuer: spaces and the city's own name taken out (某市乙区 is 乙区)."""
    text = re.sub(r"\s+", "", answers.meta.issuer)
    for name in city_names:
        if text.startswith(name) and len(text) > len(name):
            return text[len(name):]
    return text


def _district_of(city, district, path: Path, city_path: Path, city_names: list[str]) -> str | None:
    """Refuse a district of another city; a note when its issuer does not name the city."""
    place = _place(district.meta.issuer)
    if any(name in place for name in city_names):
        return None
    above = _ABOVE.match(_PROVINCE.sub("", place))
    if above:
        raise DrafterError(f"发文机关是“{district.meta.issuer}”，属于{above.group('above')}，不是市局"
                           f"（{city.meta.issuer}，{city_path.name}）下属的区县；请把它移出，或换用本市区县的答案文件",
                           Location(file=str(path), field="report.issuer"))
    return (f"{path} 的发文机关“{district.meta.issuer}”中没有“{city_names[0]}”字样，已按{city_names[0]}"
            f"的区县计入；如果不是，请把它移出后重新运行")


def rollup(city_path: Path, district_paths: list[Path], onto: Ontology, force: bool = False,
           notes: list[str] | None = None) -> tuple[list[Sum], int]:
    """Fill the city's sums. Notes for the clerk (a file skipped, a district that does not
    name the city) are added to `notes`; a file that would count twice is refused."""
    rules = load_rules(onto)
    notes = notes if notes is not None else []
    city = answers_mod.load(city_path, onto)
    city_file = yamlio.Inputs([city_path])
    city_names = _city_names(_place(city.meta.issuer))
    city_who = _who(city, city_names)
    kept: list[Path] = []
    by_issuer: dict[str, tuple[Path, str]] = {}
    districts = []
    for path in district_paths:
        if city_file.find(path) is not None:  # the city's own file: in the folder, or a link to it
            if path.resolve() != city_path.resolve():
                notes.append(f"{path} 与市局的答案文件 {city_path} 是同一个文件（硬链接），不作为区县计入")
            continue
        twin = yamlio.Inputs(kept).find(path) if kept else None
        if twin is not None:
            raise DrafterError(f"与 {twin} 是同一个文件（重复列出或硬链接）：同一区县只能计一次",
                               Location(file=str(path)))
        district = answers_mod.load(path, onto)
        if district.meta.year != city.meta.year:
            raise DrafterError(f"年度（{district.meta.year}）与市局报告的年度（{city.meta.year}）不同",
                               Location(file=str(path), field="report.year"))
        who = _who(district, city_names)
        if who == city_who:
            raise DrafterError(f"发文机关与市局相同（{district.meta.issuer}，{city.meta.year} 年）：这是市局答案文件"
                               f" {city_path.name} 的副本，不是区县；请把它移出后重新运行",
                               Location(file=str(path), field="report.issuer"))
        if who in by_issuer:
            twin_path, twin_issuer = by_issuer[who]
            same = f"“{district.meta.issuer}”" + ("" if twin_issuer == district.meta.issuer else f"（即“{twin_issuer}”）")
            raise DrafterError(f"与 {twin_path} 同为{same}{city.meta.year} 年的答案文件："
                               f"同一区县只能计一次（副本不是另一个区县），请只留一份",
                               Location(file=str(path), field="report.issuer"))
        note = _district_of(city, district, path, city_path, city_names)
        if note:
            notes.append(note)
        kept.append(path)
        by_issuer[who] = (path, district.meta.issuer)
        districts.append(district)
    if not districts:
        raise DrafterError("请列出各区县的答案文件（市局自己的答案文件不算）", Location(file=str(city_path)))
    sums = compute(city, districts, rules)
    written = apply(city.document, sums, force)
    if written:
        answers_mod.from_document(city.document, onto)  # still a valid answers file
        city.document.save(city_path)
    return sums, written
