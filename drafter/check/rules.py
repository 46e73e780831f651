"""The check rules: each a small function View → findings, listed once in RULES.

The lists they use (patterns, words, relations between fields) are data in
sections/_check.yaml; the calendar's wording and periods come from sections/_calendar.yaml.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from drafter import types
from drafter.check.data import compiled, meetings_in, tables
from drafter.check.finding import ERROR, NOTE, Finding
from drafter.check.proofread import proofread
from drafter.check.view import BODY, DATE, HEADING, SIGNATURE, TABLE, TITLE, Para, View
from drafter.errors import Location
from drafter.fields import is_empty
from drafter.leftovers import patterns as leftover_patterns

NUMERIC = tuple(name for name, kind in types.REGISTRY.items() if kind.numeric)  # the figures (drafter.types)


@dataclass(frozen=True)
class Rule:
    id: str
    title: str  # Chinese, as the README lists it
    function: Callable[[View], list[Finding]]


def _finding(view: View, rule: str, severity: str, para: Para | None, token: str, problem: str, advice: str) -> Finding:
    location, quote = view.locate(para, token)
    return Finding(rule, severity, problem, advice, location, quote)


def _at(view: View, rule: str, severity: str, field_path: str, problem: str, advice: str) -> Finding:
    return Finding(rule, severity, problem, advice, view.at(field_path))


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (between 。；！？ marks) around text[start:end]."""
    left = max(text.rfind(m, 0, start) for m in "。；！？\n")
    rights = [i for i in (text.find(m, end) for m in "。；！？\n") if i >= 0]
    return text[left + 1:(min(rights) + 1) if rights else len(text)]


def _numeric(value) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    found = re.match(r"^\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(万)?", str(value))  # 1,200 as written
    if not found:
        return None
    return float(found.group(1).replace(",", "")) * (10000 if found.group(2) else 1)


def _short(prompt: str) -> str:
    return re.sub(r"（[^）]*）", "", prompt).strip() or prompt


# ---------------------------------------------------------------- 1. 必备内容


def missing_contents(view: View) -> list[tuple[str, str]]:
    """The regulation's contents the report does not cover, each with its severity."""
    data = tables().get("contents") or {}
    onto = view.ontology
    present = _present_contents(view, data)
    return [(key, spec.get("severity", ERROR)) for key, spec in data.items() if key not in present and key in onto.contents]


def required_contents(view: View) -> list[Finding]:
    out = []
    for key, severity in missing_contents(view):
        name = view.ontology.contents[key].split("：")[0]
        advice = ("请写上这一部分（没有需要报告的情况时可写明“无”）" if key == "other"
                  else "请补写这一部分" + ("（在提纲 outline 中加入相应的章节并填写）" if view.answers is not None else ""))
        location = view.at("outline") if view.answers is not None else Location(file=view.file)
        out.append(Finding("contents", severity, f"缺少法定内容“{name}”", advice, location))
    return out


def _present_contents(view: View, data: dict) -> set[str]:
    onto = view.ontology
    present: set[str] = set()
    for sid in {p.section for p in view.paragraphs if p.section}:  # known from the answers, or a .docx's bookmarks
        section = view.answers.section(sid, onto) if view.answers is not None else onto.sections.get(sid)
        if section is not None:
            present.update(section.serves)
    headings = [p.text for p in view.paragraphs if p.kind in (HEADING, TITLE)]
    body = [p.text for p in view.paragraphs if p.kind == BODY]
    leads = [t[:50] for t in body] + [s.strip()[:12] for t in body for s in re.split(r"(?<=[。！？；])", t)]
    for key, spec in data.items():
        cues = list(spec.get("cues") or [])
        names = [n for s in onto.sections.values() if key in s.serves and key != "measures" for n in (s.heading, *s.variants)]
        if spec.get("section_cues"):
            cues += [c for s in onto.sections.values() if key in s.serves for c in s.cues]
        where = spec.get("where", "heading")
        pool = headings + leads if where == "heading" else headings + body
        if any(c in t for c in cues for t in pool) or any(n and n in t for n in names for t in headings):
            present.add(key)
    return present


# ---------------------------------------------------------------- 2. 遗留的占位和说明


def leftovers(view: View) -> list[Finding]:
    from drafter import owntext

    out: list[Finding] = []
    patterns = leftover_patterns()
    if view.answers is None:
        for para in view.paragraphs:
            for pattern, name in patterns:
                for m in pattern.finditer(para.text):
                    out.append(_finding(view, "leftovers", ERROR, para, m.group(0),
                                        f"遗留{name}“{m.group(0)}”", "请填上实际内容或删去"))
        return out
    for text in view.texts:
        if ".facts." in text.field:  # own facts still empty are told by _unfilled
            continue
        body = text.text
        if text.field.endswith(".text"):  # own text: its {slots} are not leftovers
            body = "".join(p if isinstance(p, str) else " " for p in owntext.pieces(body))
        for pattern, name in patterns:
            for m in pattern.finditer(body):
                out.append(Finding("leftovers", ERROR, f"遗留{name}“{m.group(0)}”", "请填上实际内容或删去",
                                   Location(file=view.file, line=text.line, field=text.field),
                                   _quote(body, m.group(0))))
    return out + _unfilled(view)


def _quote(text: str, token: str) -> str:
    from drafter.check.view import quote

    return quote(text, token)


def _unfilled(view: View) -> list[Finding]:
    """Numbers of this year still empty: own facts without a value, slots of empty fields,
    and a section's numbers that last year had while this year has none at all."""
    answers, onto = view.answers, view.ontology
    out: list[Finding] = []
    from drafter import owntext
    from drafter.types import stated

    for sid in answers.outline.section_ids():
        section = answers.section(sid, onto)
        values = answers.values.get(sid) or {}
        previous = answers.previous.get(sid) or {}
        facts, previous_facts = answers.facts.get(sid) or {}, answers.previous_facts.get(sid) or {}
        base = f"answers.{sid}"
        for name, fact in facts.items():
            if fact.value is None or fact.value == "xx":
                last = previous_facts.get(name)
                was = f"（上年 {stated(last.spec, last.value)}）" if last is not None and last.value is not None else ""
                out.append(_at(view, "leftovers", ERROR, f"{base}.facts.{name}",
                               f"章节“{section.heading}”的数字“{name}”还没有填写{was}，报告中暂写 xx", "请填上今年的数值"))
        if sid in answers.texts:
            for name in dict.fromkeys(owntext.slot_names(answers.texts[sid])):
                spec = section.field(name)
                if spec is not None and spec.type in NUMERIC and is_empty(values.get(name)):
                    was = f"（上年 {stated(spec, previous[name])}）" if not is_empty(previous.get(name)) else ""
                    out.append(_at(view, "leftovers", ERROR, f"{base}.text",
                                   f"章节“{section.heading}”正文中的空位“{{{name}}}”（{_short(spec.prompt)}）还没有填写{was}",
                                   f"请在 {base}.{name} 填上今年的数值"))
            continue
        numeric = [f for f in section.fields if f.type in NUMERIC]
        missing = [f for f in numeric if is_empty(values.get(f.id)) and not is_empty(previous.get(f.id))]
        if not missing:
            continue
        untouched = all(is_empty(values.get(f.id)) for f in numeric if not f.stable)  # stable ones carry over
        for spec in missing:
            out.append(_at(view, "leftovers", ERROR if untouched else NOTE, base,
                           f"章节“{section.heading}”的“{_short(spec.prompt)}”今年还没有填写（上年 {stated(spec, previous[spec.id])}）",
                           f"请在 {base}.{spec.id} 填上今年的数值" + ("" if untouched else "；今年不报告此项时可不填")))
    return out


# ---------------------------------------------------------------- 3. 过时的年份

_YEAR_IN_TEXT = re.compile(r"(?<![\d０-９])((?:19|20)\d\d)(?![\d０-９])")


def _legitimate_old(sentence: str, year: int) -> bool:
    for context in tables().get("old_year_contexts") or []:
        if compiled(context.replace("{年}", str(year))).search(sentence):
            return True
    return False


def stale_years(view: View) -> list[Finding]:
    out: list[Finding] = []
    year = view.year
    if not year:
        return out
    for para in view.paragraphs:
        if para.kind in (DATE, TABLE):
            continue
        for m in _YEAR_IN_TEXT.finditer(para.text):
            y = int(m.group(1))
            after = para.text[m.end():m.end() + 1]
            before = para.text[max(0, m.start() - 1):m.start()]
            if not (after in "年〕]］" or before in "〔[［"):
                continue
            if y in (year, year + 1):
                continue
            sentence = _sentence(para.text, m.start(), m.end())
            if y > year + 1:
                if _legitimate_old(sentence, y) and re.search(r"[—\-－~～至到]", sentence):
                    continue
                out.append(_finding(view, "years", ERROR, para, m.group(0) + after,
                                    f"出现{y}年，晚于报告年度（{year}年）的下一年", "请核对年份"))
                continue
            if _legitimate_old(sentence, y):
                continue
            severity = ERROR if y == year - 1 else NOTE
            out.append(_finding(view, "years", severity, para, m.group(0) + after,
                                f"出现{y}年，不是报告年度（{year}年）", f"如果是照搬的上年文字，请改为{year}年；确属往年的事，请写明（如“自{y}年以来”）"))
    out += _title_and_date(view)
    return out


def _title_and_date(view: View) -> list[Finding]:
    out: list[Finding] = []
    year = view.year
    title = next((p for p in view.paragraphs if p.kind == TITLE), None)
    if title:
        found = re.search(r"((?:19|20)\d\d)\s*年", title.text)
        if found and int(found.group(1)) != year:
            out.append(_finding(view, "years", ERROR, title, found.group(0),
                                f"标题的年度（{found.group(1)}年）与报告年度（{year}年）不一致", "请统一标题和正文的年度"))
        elif view.answers is None and found:
            body_years = [int(y) for p in view.body() for y in re.findall(r"((?:19|20)\d\d)\s*年", p.text)]
            common = Counter(body_years).most_common(1)
            if common and common[0][0] not in (year, year + 1) and common[0][1] >= 3:
                out.append(_finding(view, "years", ERROR, title, found.group(0),
                                    f"标题写{year}年，正文说得最多的却是{common[0][0]}年", "请核对标题或正文的年度"))
    if view.date is not None and year:
        months = tables().get("signature_months") or {}
        d = view.date
        para = next((p for p in view.paragraphs if p.kind == DATE), None)
        where = (lambda sev, problem, advice: _finding(view, "years", sev, para, "", problem, advice)) if para and view.answers is None \
            else (lambda sev, problem, advice: _at(view, "years", sev, "report.date", problem, advice))
        if d.year not in (year, year + 1):
            out.append(where(ERROR, f"成文日期（{view.date_text or d}）不在报告年度（{year}年）或其次年",
                             f"请改为{year}年12月至{year + 1}年3月之间的日期"))
        elif (d.year == year and d.month not in months.get("same_year", [12])) or \
                (d.year == year + 1 and d.month not in months.get("next_year", [1, 2, 3])):
            out.append(where(NOTE, f"成文日期（{view.date_text or d}）不在通常的{year}年12月至{year + 1}年3月之间",
                             "年度报告一般在年底或次年一季度成文，请核对"))
    return out


# ---------------------------------------------------------------- 4. 照搬的数字


def stale_numbers(view: View) -> list[Finding]:
    out: list[Finding] = []
    conf = tables().get("stale_numbers") or {}
    if view.answers is not None:
        out += _same_as_previous_year(view, conf)
    if view.previous:
        out += _same_as_previous_report(view, conf)
    return out


def _same_as_previous_year(view: View, conf: dict) -> list[Finding]:
    from drafter import owntext
    from drafter.filters import num

    answers, onto = view.answers, view.ontology
    same: list[Finding] = []
    compared = 0
    for sid in answers.outline.section_ids():
        section = answers.section(sid, onto)
        values, previous = answers.values.get(sid) or {}, answers.previous.get(sid) or {}
        for spec in section.fields:
            if spec.type not in NUMERIC or spec.stable or is_empty(values.get(spec.id)) or is_empty(previous.get(spec.id)):
                continue
            if not _telling(_numeric(values[spec.id]), spec.type, conf):
                continue
            compared += 1
            if _numeric(values[spec.id]) == _numeric(previous[spec.id]) and str(values[spec.id]) == str(previous[spec.id]):
                same.append(_at(view, "numbers", NOTE, f"answers.{sid}.{spec.id}",
                                f"“{_short(spec.prompt)}”与上年相同（{num(values[spec.id])}{spec.unit or ''}）",
                                "请核对是否照搬了上年的数字"))
        facts, last = answers.facts.get(sid) or {}, answers.previous_facts.get(sid) or {}
        for name, fact in facts.items():
            old = last.get(name)
            if fact.value is None or old is None or old.value is None \
                    or not _telling(_numeric(fact.value), fact.spec.type, conf):
                continue
            compared += 1
            if owntext.written(fact) == owntext.written(old):
                same.append(_at(view, "numbers", NOTE, f"answers.{sid}.facts.{name}",
                                f"“{name}”与上年相同（{owntext.written(fact)}{fact.spec.unit or ''}）", "请核对是否照搬了上年的数字"))
    return same + _many(view, len(same), compared, conf, "与上年的数值相同")


def _telling(value: float | None, kind: str, conf: dict) -> bool:
    """A number whose repeat says something: not 0, not 100%, not a small count."""
    if value is None:
        return False
    if kind == "percent":
        return value not in (0, 100)
    return value >= float(conf.get("ignore_below", 3))


def _many(view: View, same: int, compared: int, conf: dict, what: str) -> list[Finding]:
    if compared and same >= int(conf.get("minimum", 3)) and same / compared >= float(conf.get("share", 0.5)):
        return [Finding("numbers", ERROR, f"可比的 {compared} 个数字中有 {same} 个{what}",
                        "请逐一核对今年的数字，是否整段照搬了上年的报告", Location(file=view.file))]
    return []


def _statistics(paragraphs: list[Para]):
    from drafter import facts

    for para in paragraphs:
        if para.kind not in (BODY, HEADING):
            continue
        for q in facts.find(para.text):
            if q.kind == "number":
                continue
            yield para, q, facts.label_before(para.text, q)


def _same_as_previous_report(view: View, conf: dict) -> list[Finding]:
    floor = float(conf.get("ignore_below", 3))
    last = {(q.text, label) for _, q, label in _statistics(view.previous or [])}
    out: list[Finding] = []
    compared = 0
    for para, q, label in _statistics(view.paragraphs):
        value = _numeric(q.value)
        if value is None or value < floor:
            continue
        compared += 1
        if (q.text, label) in last:
            named = "" if label in ("数量", "金额", "比率") else label  # facts.label_before's fallbacks say nothing
            out.append(_finding(view, "numbers", NOTE, para, q.text,
                                f"“{named}{q.text}”与上年报告中的数字一字不差", "请核对是否照搬了上年的数字"))
    return out + _many(view, len(out), compared, conf, "与上年报告一字不差")


# ---------------------------------------------------------------- 5. 数字之间的关系

_UP, _DOWN = ("增加", "增长", "上升", "提高", "多"), ("减少", "下降", "降低", "少")
_YOY = re.compile(r"(\d+(?:\.\d+)?)([^\d，。；、\s]{0,3})[，,]?\s*(?:同比|较上年|比上年)(增加|增长|上升|提高|减少|下降|降低)"
                  r"(\d+(?:\.\d+)?)\2[，,、]?\s*(?:同比)?(增加|增长|上升|提高|减少|下降|降低)(\d+(?:\.\d+)?)[%％]")


def arithmetic(view: View) -> list[Finding]:
    out: list[Finding] = []
    if view.answers is not None:
        out += _relations(view) + _percent_fields(view)
    rate_words = tuple(tables().get("rate_words") or [])
    for para in view.body():
        for m in re.finditer(r"(\d+(?:\.\d+)?)\s*[%％]", para.text):
            before = para.text[max(0, m.start() - 6):m.start()]
            if float(m.group(1)) > 100 and any(w in before for w in rate_words) and not re.search(r"增|降|上升|提高|同比", before):
                out.append(_finding(view, "arithmetic", ERROR, para, m.group(0),
                                    f"比率超过 100%（{m.group(0)}）", "请核对这个百分数"))
        for m in _YOY.finditer(para.text):
            out += _yoy(view, para, m)
        for m in _YOY_PAIR.finditer(para.text):
            for k in (0, 1):  # 甲5起、乙4人，同比减少1起、2人，分别下降16.7%、33.3%: each of the two
                out += _change(view, para, m.group(0), m.group(1 + 2 * k), m.group(6 + k), m.group(9 + k),
                               m.group(5), m.group(8))
    return out


# two numbers and their changes in one clause (甲5起、乙4人，同比减少1起、2人，分别下降16.7%、33.3%)
_YOY_PAIR = re.compile(r"(\d+(?:\.\d+)?)([^\d，。；、\s]{0,3})、[^\d，。；]{0,8}?(\d+(?:\.\d+)?)([^\d，。；、\s]{0,3})[，,]\s*"
                       r"(?:同比|较上年|比上年)(增加|增长|上升|提高|减少|下降|降低)(\d+(?:\.\d+)?)\2、(\d+(?:\.\d+)?)\4"
                       r"[，,]\s*分别(增加|增长|上升|提高|减少|下降|降低)(\d+(?:\.\d+)?)[%％]、(\d+(?:\.\d+)?)[%％]")


def _yoy(view: View, para: Para, m: re.Match) -> list[Finding]:
    return _change(view, para, m.group(0), m.group(1), m.group(4), m.group(6), m.group(3), m.group(5))


def _change(view: View, para: Para, quote: str, now_text: str, change_text: str, pct_text: str,
            word: str, direction: str) -> list[Finding]:
    """A stated change checked against the number it changes: 今年 now, 同比 word change, direction pct%."""
    now, change, pct = float(now_text), float(change_text), float(pct_text)
    if (word in _UP) != (direction in _UP):
        return [_finding(view, "arithmetic", ERROR, para, quote, f"同比的方向自相矛盾（{word}却{direction}）",
                         "请核对今年和上年的数字")]
    before = now - change if word in _UP else now + change
    if before <= 0:
        return []
    computed = change / before * 100
    if abs(computed - pct) > 1.0 + 1e-9:
        return [_finding(view, "arithmetic", ERROR, para, quote,
                         f"同比幅度与数字不符：由今年 {now_text}、变化 {change_text} 算得 {computed:.1f}%，文中写 {pct_text}%",
                         "请核对今年、上年的数字和幅度")]
    return []


def broken_relations(sid: str, values: dict) -> list[tuple[str, str]]:
    """(first part's field id, message) for each part-and-whole relation of the section's
    values that does not hold: the same rule for check and for the wizard, as it is answered."""
    from drafter.filters import num

    out = []
    for rel in tables().get("relations") or []:
        if rel["section"] != sid:
            continue
        whole = _numeric(values.get(rel["whole"]))
        parts = [_numeric(values.get(p)) for p in rel["part"]]
        if whole is None or all(p is None for p in parts):
            continue
        total = sum(p for p in parts if p is not None)
        if total > whole:
            first = next(p for p, v in zip(rel["part"], parts) if v is not None)
            out.append((first, f"{rel.get('says', '部分不能大于整体')}（{num(total)} > {num(whole)}）"))
    return out


def _relations(view: View) -> list[Finding]:
    out: list[Finding] = []
    answers, onto = view.answers, view.ontology
    for sid in answers.outline.section_ids():
        if onto.section(sid) is None:
            continue
        for first, message in broken_relations(sid, answers.values.get(sid) or {}):
            out.append(_at(view, "arithmetic", ERROR, f"answers.{sid}.{first}", message, "请核对这几个数字"))
    return out


def _percent_fields(view: View) -> list[Finding]:
    allowed = set(tables().get("percent_may_exceed_100") or [])
    out: list[Finding] = []
    answers = view.answers
    for sid in answers.outline.section_ids():
        section = answers.section(sid, view.ontology)
        values = answers.values.get(sid) or {}
        for spec in section.fields:
            value = _numeric(values.get(spec.id))
            if spec.type == "percent" and f"{sid}.{spec.id}" not in allowed and value is not None and value > 100:
                out.append(_at(view, "arithmetic", ERROR, f"answers.{sid}.{spec.id}",
                               f"“{_short(spec.prompt)}”超过 100（{values[spec.id]}）", "请核对这个百分数"))
    return out


# ---------------------------------------------------------------- 6. 上年问题和安排的整改


def followup(view: View) -> list[Finding]:
    conf = tables().get("followup") or {}
    unfinished = conf.get("unfinished", "未完成")
    out: list[Finding] = []
    if view.answers is not None:
        followup_id = view.ontology.role_id("followup")
        values = view.answers.values.get(followup_id) or {} if followup_id else {}
        for key, name, what in (("items", "problem", "问题"), ("plans", "plan", "工作安排")):
            for n, record in enumerate(values.get(key) or []):
                title = record.get(name)
                if is_empty(title):
                    continue
                where = f"answers.{followup_id}.{key}[{n}]"
                written = any(not is_empty(record.get(k)) for k in ("measures", "docs", "note"))
                if is_empty(record.get("status")):
                    out.append(_at(view, "followup", NOTE if written else ERROR, where,
                                   f"上年的{what}“{title}”" + ("没有标明进展" if written else "还没有写整改进展"),
                                   "请填写 status（已完成 / 持续推进 / 未完成）" + ("" if written else "和措施")))
                elif record.get("status") == unfinished and is_empty(record.get("note")) and is_empty(record.get("measures")):
                    out.append(_at(view, "followup", ERROR, where, f"上年的{what}“{title}”未完成，没有说明原因",
                                   "请在 note 中写明未完成的原因和下一步打算"))
        return out
    words = conf.get("reason_words") or []
    for para in view.body():
        # “尚未完成1项” tallies the items; an item said 未完成 needs its reason
        for m in re.finditer(re.escape(unfinished) + r"(?![\d一二两三四五六七八九十]+[项个条件])", para.text):
            sentence = _sentence(para.text, m.start(), m.end())
            if not any(w in sentence.replace(unfinished, "") for w in words):
                out.append(_finding(view, "followup", NOTE, para, unfinished, "写了“未完成”，没有说明原因", "请写明未完成的原因和下一步打算"))
    return out


# ---------------------------------------------------------------- 7. 单位和地名


def _core(issuer: str) -> str:
    for suffix in tables().get("issuer_suffixes") or []:
        if issuer.endswith(suffix):
            return issuer[:-len(suffix)]
    return issuer


def names(view: View) -> list[Finding]:
    data = tables()
    if not view.issuer:
        return []
    core = _core(view.issuer)  # 昆山市
    suffixes = sorted(data.get("region_suffixes") or [], key=len, reverse=True)
    bodies = sorted(data.get("body_words") or [], key=len, reverse=True)
    not_places = set(data.get("not_places") or [])
    superiors = data.get("superiors") or []
    cooperation = data.get("cooperation_words") or []
    known = " ".join(x for x in (view.issuer, view.addressee or "",
                                 getattr(getattr(view.answers, "meta", None), "region", None) or "") if x)
    stop = str(data.get("name_stop_chars") or "")
    leads = sorted(data.get("name_lead_words") or [], key=len, reverse=True)
    place = compiled(rf"([\u4e00-\u9fff]{{1,{_NAME_WINDOW}}})({'|'.join(map(re.escape, suffixes))})(?=(?:{'|'.join(bodies)}))")
    out: list[Finding] = []
    seen: set[str] = set()
    for para in view.paragraphs:
        if para.kind == TABLE:
            continue
        for m in place.finditer(para.text):
            name, suffix = _place_name(m.group(1), m.group(2), stop, leads), m.group(2)
            full = name + suffix
            if not name or full in not_places or full in known \
                    or name in core or any(s in full for s in superiors) or suffix in ("省", "自治区"):
                continue
            same_kind = view.issuer and core.endswith(suffix)
            body_after = para.text[m.end():m.end() + 5]
            own_body = body_after.startswith(("应急管理局", "应急局"))
            sentence = _sentence(para.text, m.start(), m.end())
            severity = ERROR if same_kind and own_body and not any(w in sentence for w in cooperation) else NOTE
            if (full, para.index, para.section) in seen:
                continue
            seen.add((full, para.index, para.section))
            out.append(_finding(view, "names", severity, para, full,
                                f"出现“{full}”，不是发文机关（{view.issuer}）的辖区",
                                "如是照搬其他单位的文字，请改为本单位；如确属上级或兄弟单位，请核对"))
    out += _issuer_forms(view, core)
    return out


_NAME_WINDOW = 6  # Chinese characters looked at before 市/区/县: a name and the word before it


def _place_name(window: str, suffix: str, stop: str, leads: list[str]) -> str:
    """The place name at the end of `window` (the characters before 市/区/县), or "".

    It starts after the last word that cannot be part of it: a level (省市区县), a verb such as
    借鉴 or 赴, or whatever is not a Chinese character. With none in a full window its extent
    is unknown and its last two characters are taken, as for any name too long to be one.
    Stop characters (的和与在…) rule out a two-character name and are shed from the front of a
    longer one; inside a longer name they may belong to it (呼和浩特). One character stands for
    a name only before 县 (沛县)."""
    cut = max([i + 1 for i, ch in enumerate(window) if ch in "省市区县"] +
              [at + len(word) for word in leads if (at := window.rfind(word)) >= 0] + [0])
    name = window[cut:]
    if (cut == 0 and len(window) == _NAME_WINDOW) or len(name) > 4:
        name = name[-2:]
    while len(name) > 2 and name[0] in stop:
        name = name[1:]
    if len(name) == 2 and any(ch in stop for ch in name):
        return ""
    if len(name) < 2 and not (name and suffix == "县" and (cut or len(window) == 1) and name not in stop):
        return ""
    return name


def _issuer_forms(view: View, core: str) -> list[Finding]:
    """The issuer written in another form (昆山市应急局, 昆山应急管理局)."""
    bare = re.sub(r"(市|区|县|旗|州)$", "", core)
    if len(bare) < 2:
        return []
    pattern = re.compile(rf"{re.escape(bare)}(?:市|区|县|旗|州)?(?:应急管理局|应急局)")
    out = []
    for para in view.paragraphs:
        if para.kind == TABLE:
            continue
        for m in pattern.finditer(para.text):
            if m.group(0) != view.issuer:
                out.append(_finding(view, "names", NOTE, para, m.group(0),
                                    f"发文机关写作“{m.group(0)}”，与“{view.issuer}”不一致", "请统一机关名称的写法"))
    return out


# ---------------------------------------------------------------- 8. 年度提法

def _meetings(text: str) -> list[tuple[str, int | None]]:
    """Meetings named in text with the year each was held (None when unknown). Which
    congresses and plenums there are is data (_check.yaml: congresses, plenums, meetings)."""
    return meetings_in(text)


def wording(view: View) -> list[Finding]:
    out: list[Finding] = []
    year = view.year
    if not year:
        return out
    calendar = view.ontology.calendar or {}
    marks = tables().get("guiding_marks") or []
    for para in view.paragraphs:
        if para.kind not in (BODY, HEADING, TITLE):
            continue
        for name, held in _meetings(para.text):
            if held and held > year:
                out.append(_finding(view, "wording", ERROR, para, name.split("届")[-1],
                                    f"提到{name}（{held}年召开），晚于报告年度（{year}年）", "请按本年度的提法改写"))
        if para.kind == HEADING:
            out += _heading_meetings(view, para)
        if para.kind == BODY and any(m in para.text for m in marks):
            out += _guiding(view, para, calendar.get("wording") or {})
        out += _periods(view, para, calendar.get("periods") or {})
    return out


def _heading_meetings(view: View, heading: Para) -> list[Finding]:
    """A heading that names a meeting its own body never mentions, while the body names another."""
    named = {name for name, _ in _meetings(heading.text)}
    if not named:
        return []
    paras = view.paragraphs
    start = next(i for i, p in enumerate(paras) if p is heading) + 1
    under: set[str] = set()
    for para in paras[start:]:
        if para.kind == HEADING and (para.level or 9) <= (heading.level or 9):
            break
        under |= {name for name, _ in _meetings(para.text)}
    if under and not (named & under):
        return [_finding(view, "wording", NOTE, heading, "", f"标题提到{'、'.join(sorted(named))}，正文说的却是{'、'.join(sorted(under))}",
                         "请使标题与正文的提法一致")]
    return []


def _guiding(view: View, para: Para, wordings: dict) -> list[Finding]:
    expected = wordings.get(view.year) or wordings.get(str(view.year))
    if not expected:
        return []
    said = [h for _, h in _meetings(para.text) if h]
    wanted = [h for _, h in _meetings(expected) if h]
    if said and wanted and max(said) < max(wanted):
        return [_finding(view, "wording", NOTE, para, "", f"指导思想的提法可能是往年的（{view.year}年的提法：{expected}）",
                         "请按本年度的提法核对（sections/_calendar.yaml 的 wording）")]
    return []


_PERIOD = {
    "pufa": re.compile(r"[“\"]?([七八九十])五[”\"]?\s*普法"),
    "plan": re.compile(r"[“\"]?(十[一二三四五六])五[”\"]?"),
    "gangyao": re.compile(r"纲要\s*[（(]\s*(\d{4})\s*[—\-–－~～至]\s*\d{4}\s*年?\s*[）)]"),
}


def _periods(view: View, para: Para, periods: dict) -> list[Finding]:
    year = view.year
    history = tables().get("period_history_words") or []
    out = []
    for kind, pattern in _PERIOD.items():
        for m in pattern.finditer(para.text):
            key = m.group(1)
            period = next((p for p in periods.get(kind) or []
                           if str(p.get("name", "")).startswith(key if kind != "pufa" else key + "五")
                           or (kind == "plan" and p.get("name") == key + "五")), None)
            if period is None:
                continue
            start, end = int(period["start"]), int(period["end"])
            sentence = _sentence(para.text, m.start(), m.end())
            if end < year and not any(w in sentence for w in history):
                out.append(_finding(view, "wording", ERROR, para, m.group(0),
                                    f"“{m.group(0)}”的期限是{start}—{end}年，{year}年已不在其中", "请改为当期的提法"))
            elif start > year + 1:  # planning the next period is said ahead of it: a note
                out.append(_finding(view, "wording", NOTE, para, m.group(0),
                                    f"“{m.group(0)}”从{start}年开始，晚于报告年度（{year}年）的下一年", "请核对是否是当期的提法"))
    return out


# ---------------------------------------------------------------- 9. 文字格式


def form(view: View) -> list[Finding]:
    conf = tables().get("form") or {}
    out: list[Finding] = []
    body = view.body()
    half = compiled(conf.get("half_width") or r"(?!)")
    stops = conf.get("full_stops") or "。！？"
    half_width: list[Finding] = []
    for i, para in enumerate(body):
        marks = list(half.finditer(para.text))
        if marks:  # one finding a paragraph: a text typed with half-width marks has them everywhere
            kinds = "".join(dict.fromkeys(m.group(0) for m in marks))
            half_width.append(_finding(view, "form", NOTE, para, marks[0].group(0),
                                       f"中文里用了半角标点“{kinds}”（{len(marks)}处）", "请改为全角标点（，；：？！（））"))
        if para.kind == BODY:
            text = para.text.rstrip()
            if text and text[-1] not in stops and not text.endswith(("：", ":")):
                out.append(_finding(view, "form", NOTE, para, text[-8:], "段落没有以句号结束", "请补上句号或核对是否缺了文字"))
            if len(text) > int(conf.get("long_paragraph", 800)):
                out.append(_finding(view, "form", NOTE, para, "", f"段落很长（{len(text)}字）", "请考虑分段"))
            nxt = ""
            for later in body[i + 1:]:
                if later.kind == HEADING:
                    break
                nxt += later.text
            for first, second in conf.get("enumeration") or []:
                if first == "一是" and first in text and second not in text and second not in nxt:
                    out.append(_finding(view, "form", NOTE, para, first, f"有“{first}”没有“{second}”", f"只有一项时请去掉“{first}”"))
        if para.kind == HEADING:
            following = body[i + 1] if i + 1 < len(body) else None
            if following is None or (following.kind == HEADING and (following.level or 9) <= (para.level or 9)):
                out.append(_finding(view, "form", NOTE, para, "", "标题下面没有正文", "请补写内容或删去这个标题"))
    many = int(conf.get("half_width_paragraphs", 5))
    if len(half_width) > many:  # the whole text was typed so: say it once
        first = half_width[0]
        places = list(dict.fromkeys(f.location.field or f.location.line for f in half_width))
        first.problem = f"共 {len(places)} 段中文里用了半角标点（{'、'.join(map(str, places[:many]))}……）"
        first.advice = "请用 Word/WPS 的替换功能统一改为全角标点（，；：？！（））"
        half_width = [first]
    out += half_width + _duplicates(view, body, int(conf.get("duplicate_sentence", 20)))
    return out


def _duplicates(view: View, body: list[Para], length: int) -> list[Finding]:
    seen: set[str] = set()
    out = []
    for para in body:
        for sentence in re.split(r"(?<=[。！？])", para.text):
            s = sentence.strip()
            if len(s) < length:
                continue
            if s in seen:
                out.append(_finding(view, "form", NOTE, para, s[:10], "句子与前文重复", "请删去重复的句子"))
            seen.add(s)
    return out


# ---------------------------------------------------------------- 沿用上年的文字


def carried_text(view: View) -> list[Finding]:
    """Each paragraph `next` carried from last year that is not yet reviewed (its mark, 【改写】
    or 【核对】, still at its start): an error, with its line."""
    from drafter import carried

    out: list[Finding] = []
    for text in view.texts if view.answers is not None else []:
        if not text.field.endswith(".text"):
            continue
        for mark in carried.pending(text.text):
            line = text.line + text.text[:mark.offset].count("\n") + 1 if text.line else None
            if mark.kind == carried.REWRITE:
                problem = f"沿用上年的这段说的是上年的事（{mark.why}），还没有改写"
                advice = "改写成今年的情况，或删去这一段；处理后删去段首的【改写……】"
            else:
                problem = "沿用上年的这段还没有核对"
                advice = "今年仍属实就删去段首的【核对】，否则改写或删去这一段"
            out.append(Finding("carried", ERROR, problem, advice,
                               Location(file=view.file, line=line, field=text.field), f"{mark.opening}……"))
    out += _counters(view) + (_repeated_items(view) + _undated(view) if view.answers is not None else [])
    if view.previous:  # --previous: what this year's report took over from last year's
        out += _against_last_report(view) + _unsigned(view)
    return out


def _undated(view: View) -> list[Finding]:
    """An answers file with its 落款 and no 成文日期 (as `next` leaves it): the date is this
    year's to give, and the report is not done without it. Without either, a hint."""
    meta = view.answers.meta
    if meta.date:
        return []
    if meta.signature:
        return [Finding("carried", ERROR, f"有落款（{meta.signature}），还没有成文日期",
                        "请在 report 下填写 date（如 date: " + f"{view.year + 1}-01-10）" if view.year else "请在 report 下填写 date",
                        view.at("report.signature"))]
    return [Finding("carried", NOTE, "还没有成文日期和落款", "报送前请在 report 下填写 date（落款默认为发文机关）",
                    view.at("report"))]


def _counters(view: View) -> list[Finding]:
    """A national event's running number that is not the report year's (第22个“安全生产月” in a
    2024 report, which is the 23rd): the calendar knows it. A place's own count is not judged."""
    from drafter import counters

    if not view.year:
        return []
    out: list[Finding] = []
    for para in view.paragraphs:
        if para.kind in (BODY, HEADING):
            for changed in counters.roll(para.text, view.year, view.ontology.observances)[1]:
                if not changed.local:
                    out.append(_finding(view, "carried", ERROR, para, changed.before,
                                        f"“{changed.before}”不是 {view.year} 年的届次", f"应为“{changed.after}”"))
    return out


def _repeated_items(view: View) -> list[Finding]:
    """This year's problems or plans that are last year's again (≥ 80% alike), a problem the
    follow-up says is fixed most of all."""
    import difflib

    onto, answers = view.ontology, view.answers
    followup_id = onto.role_id("followup")
    last = (answers.values.get(followup_id) or {}) if followup_id else {}
    out: list[Finding] = []
    for role, key, title in (("problems", "items", "problem"), ("plans", "plans", "plan")):
        sid = onto.role_id(role)
        earlier = [(str(r.get(title) or ""), str(r.get("status") or "")) for r in last.get(key) or []]
        for record in (answers.values.get(sid) or {}).get("items") or [] if sid else []:
            now = str(record.get("title") or record.get("detail") or "")
            for before, status in earlier:
                if now and before and difflib.SequenceMatcher(None, now, before).ratio() >= 0.8:
                    fixed = status.startswith("已完成")
                    what = "问题" if role == "problems" else "工作安排"
                    problem = (f"这条{what}与上年的“{before}”几乎相同" +
                               ("，而上年度整改情况中写的是已完成" if fixed else ""))
                    advice = ("已整改完成的问题不应再列为今年的问题；确有反复请写明原因" if fixed
                              else "仍未解决的可以再列，请按今年的情况写，并写明为何仍未解决")
                    # a problem still being worked on may stand again; one reported fixed may not
                    out.append(Finding("carried", ERROR if fixed else NOTE, problem, advice,
                                       view.at(f"answers.{sid}.items"), now[:30]))
                    break
    return out


# what --previous (last year's report) shows: paragraphs taken over, problems and plans again,
# a report without its 落款 or 成文日期

_REVIEWED = ("problems", "plans")  # roles whose paragraphs must be this year's own
_ITEM = {"problems": "问题", "plans": "工作安排"}
_ENUMERATOR = re.compile(r"^\s*(?:[（(][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百\d]+[、.．]|"
                         r"第[一二三四五六七八九十百]+[部分，、]?)\s*")
_FLAT_LEAD = re.compile(r"^\s*[一二三四五六七八九十]+是([^。：:；;，,]{2,16})[。：:；;]")  # 四是存在问题。……
_WHEN = re.compile(r"(?:19|20)\d\d(?=\s*(?:年|[—\-－~～至到〕\]］]))|\d+(?=\s*[月日])")  # years, months, days
_FIGURE = re.compile(r"\d+(?:\.\d+)?")


def _against_last_report(view: View) -> list[Finding]:
    """This year's body paragraphs that are last year's again: a problem or plan ≥ `problems_same`
    alike to one of last year's problems or plans is an error; any other paragraph ≥ `same` alike
    to one of last year's is an error when it tells of last year's events (drafter.carried), a
    note to confirm when it reads as standing practice. A paragraph whose figures were all
    written anew was reviewed (the bureau's own words kept, this year's numbers put in), and
    one an answers file still marks 【改写】/【核对】 is told already. A lead-in (…主要有以下几个方面。)
    says nothing of its own: what it leads to is compared."""
    from drafter import carried

    conf = tables().get("carried") or {}
    same, again = float(conf.get("same", 0.9)), float(conf.get("problems_same", 0.8))
    shortest = int(conf.get("shortest", 20))
    lead_in = compiled(conf.get("lead_in") or r"[:：]$")
    onto = view.ontology
    last = [(p, role, _plain(p.text)) for p, role in zip(view.previous or [], _roles(view.previous or [], onto))
            if p.kind == BODY and len(_plain(p.text)) >= shortest]
    last_items = [(p, text) for p, role, text in last if role in _REVIEWED]
    last_role = {id(p): role for p, role, _ in last}
    last_other = [(p, text) for p, role, text in last if role not in _REVIEWED]
    pending = _pending_openings(view)
    items: list[Finding] = []
    events: list[Finding] = []
    standing: list[Finding] = []
    compared = 0
    for para, role in zip(view.paragraphs, _roles(view.paragraphs, onto)):
        text = _plain(para.text)
        if para.kind != BODY or len(text) < shortest or lead_in.search(text) \
                or any(para.text.lstrip().startswith(o) for o in pending):  # too short; a lead-in to a list; told
            continue
        compared += 1
        if role in _REVIEWED:
            found = _most_alike(text, last_items, again)
            if found:
                ratio, before = found
                what, then = (_ITEM[role], _ITEM[last_role[id(before)]])
                items.append(_finding(view, "carried", ERROR, para, _token(para.text),
                                      f"这条{what}与上年报告所列的{then}几乎相同（{_where(before)}相似度 {ratio:.0%}）",
                                      f"请按今年的情况重写{what}；上年的问题仍未解决的，写明原因和今年的进展"))
                continue
        # a follow-up quotes last year's problems and plans by right
        found = _most_alike(text, last_other if role == "followup" else [(p, t) for p, _, t in last], same)
        if not found or _figures_renewed(para.text, found[1].text):
            continue
        ratio, before = found
        verdict = carried.classify(para.text)
        if verdict.kind == carried.REWRITE:
            events.append(_finding(view, "carried", ERROR, para, _token(para.text),
                                   f"与上年报告的一段几乎相同（{_where(before)}相似度 {ratio:.0%}），"
                                   f"且说的是上年的事（{'、'.join(verdict.reasons)}）",
                                   "请改写成今年的情况，或删去这一段"))
        else:
            standing.append(_finding(view, "carried", NOTE, para, _token(para.text),
                                     f"与上年报告的一段几乎相同（{_where(before)}相似度 {ratio:.0%}）", "请核对今年是否仍属实"))
    return items + events + _fewer(view, standing, conf) + _most_carried(view, len(events) + len(standing), compared, conf)


def _plain(text: str) -> str:
    """The text as compared: full-width and half-width alike, without spaces."""
    import unicodedata

    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _token(text: str) -> str:
    """The paragraph's opening words, to find it in the answers file (no figure: those are slots there)."""
    found = re.match(r"[^\d{}\n]{4,10}", text.lstrip())
    return found.group(0) if found else ""


def _where(para: Para) -> str:
    return f"上年第{para.index}段，" if para.index else ""


def _most_alike(text: str, candidates: list[tuple[Para, str]], floor: float) -> tuple[float, Para] | None:
    """The candidate most like text (difflib's ratio) when it is at least floor alike."""
    import difflib

    best: tuple[float, Para] | None = None
    for para, other in candidates:
        if 2 * min(len(text), len(other)) / (len(text) + len(other)) < floor:  # the ratio's ceiling
            continue
        matcher = difflib.SequenceMatcher(None, text, other, autojunk=False)  # 的、和 are no junk
        if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
            continue
        ratio = matcher.ratio()
        if ratio >= floor and (best is None or ratio > best[0]):
            best = (ratio, para)
    return best


def _figures_renewed(now: str, before: str) -> bool:
    """Every figure but the dates is new: the clerk kept last year's words and wrote this year's
    numbers in them (drafter's own way of carrying text), so the paragraph was reviewed."""
    figures = lambda text: _FIGURE.findall(_WHEN.sub("", text))  # noqa: E731
    mine, theirs = figures(now), figures(before)
    return bool(mine) and not set(mine) & set(theirs)


def _pending_openings(view: View) -> list[str]:
    """How the paragraphs still marked 【改写】/【核对】 open (their finding is made already)."""
    if view.answers is None:
        return []
    from drafter import carried

    openings = [m.opening for t in view.texts if t.field.endswith(".text") for m in carried.pending(t.text)]
    return [o for o in (o.split("{")[0].strip() for o in openings) if len(o) >= 4]


def _fewer(view: View, notes: list[Finding], conf: dict) -> list[Finding]:
    """A handful of notes one by one; the rest said once, by where they are."""
    many = int(conf.get("notes", 5))
    if len(notes) <= many:
        return notes
    rest = notes[many:]
    places = [str(f.location.field or f.location.line or f.quote) for f in rest]
    shown = "、".join(places[:many]) + ("……" if len(places) > many else "")
    said_once = Finding("carried", NOTE, f"另有 {len(rest)} 段与上年报告的段落几乎相同（{shown}）",
                        "请逐段核对今年是否仍属实", Location(file=view.file))
    return [*notes[:many], said_once]


def _most_carried(view: View, carried_count: int, compared: int, conf: dict) -> list[Finding]:
    if compared and carried_count >= int(conf.get("minimum", 3)) and carried_count / compared >= float(conf.get("share", 0.5)):
        return [Finding("carried", ERROR, f"正文可比的 {compared} 段中有 {carried_count} 段与上年报告几乎相同",
                        "请核对是否整篇沿用了上年的报告，逐段改写成今年的情况", Location(file=view.file))]
    return []


def _roles(paras: list[Para], onto) -> list[str | None]:
    """The role of the part each paragraph stands in (problems, plans, followup, or None): the
    section that wrote it when that is known (answers files, drafter's .docx); else the nearest
    heading above it that names one, read as `drafter import` reads a part heading but also
    when worded unusually (问题与不足, 下步打算), or a flat 一是 item's lead (四是存在问题。)."""
    out: list[str | None] = []
    above: list[tuple[int, str | None]] = []  # the headings over this paragraph: (level, role)
    for para in paras:
        known = para.section in onto.sections if para.section else False
        role = onto.role_of(para.section) if known else None
        if para.kind == HEADING:
            level = para.level or 9
            while above and above[-1][0] >= level:
                above.pop()
            if not known:
                role = _heading_role(para.text, onto) or (above[-1][1] if above else None)
            above.append((level, role))
        elif para.kind == BODY and not known:
            lead = _FLAT_LEAD.match(para.text)
            role = (_heading_role(lead.group(1), onto) if lead else None) or (above[-1][1] if above else None)
        elif para.kind != BODY:
            role = None
        out.append(role)
    return out


def _heading_role(heading: str, onto) -> str | None:
    """problems, plans or followup when the heading names that part: the section whose headings
    it is most like (drafter.importer.mapping) plays the role, it is at least `heading_match`
    alike, and it says one of the part's words (_import.yaml whole_part_words). A miss is
    better than a false alarm: a heading about anything else names no role."""
    from drafter.importer import mapping
    from drafter.importer.rules import load as import_rules

    plain = _ENUMERATOR.sub("", heading).strip(" 。：:；;，,")
    if not plain:
        return None
    mapping.Profiles.build(onto)  # the ontology's folder, whose shapes give more headings
    scores = {sid: mapping.heading_score(plain, section) for sid, section in onto.sections.items()}
    sid = max(scores, key=lambda k: scores[k])
    best = scores[sid]
    role = onto.role_of(sid)
    if role == "closing":  # 下一步打算 reads like the closing paragraph: a heading so is the plans
        role, sid = "plans", onto.role_id("plans")
    if role not in (*_REVIEWED, "followup") or sid is None \
            or best < float((tables().get("carried") or {}).get("heading_match", 0.2)):
        return None
    if any(mapping.dice(plain, container) >= best for container in mapping.container_headings()):
        return None
    words = import_rules(onto.root).whole_part_words.get(sid) or ()
    return role if not words or any(w in plain for w in words) else None


def _unsigned(view: View) -> list[Finding]:
    """A report file without its 落款 or 成文日期 (an answers file's are told by build)."""
    if view.answers is not None:
        return []
    missing = [name for name, there in (("落款（发文机关署名）", any(p.kind == SIGNATURE for p in view.paragraphs)),
                                        ("成文日期", view.date is not None or any(p.kind == DATE for p in view.paragraphs)))
               if not there]
    if not missing:
        return []
    example = f"（如“{view.year + 1}年1月10日”）" if view.year else ""
    return [Finding("carried", ERROR, f"报告没有{'和'.join(missing)}",
                    f"请在正文之后写上发文机关署名和成文日期{example}", Location(file=view.file))]


# ---------------------------------------------------------------- 不会写入报告的数字


def unprinted_numbers(view: View) -> list[Finding]:
    """A value entered for a number that neither the section's text nor its template prints
    (drafter.printed, as build warns): it would vanish from the report without a word."""
    if view.answers is None:
        return []
    from drafter.printed import all_unprinted

    return [Finding("unprinted", NOTE, item.message(advice=False),
                    (f"在本节正文中写上 {{{item.key}}}，" if item.why.startswith("本节用的是自己的文字") else "") + "或删去这个数值，以免以为已写进报告",
                    view.at(item.path)) for item in all_unprinted(view.answers, view.ontology)]


# ---------------------------------------------------------------- 数字的来源


def unsourced(view: View) -> list[Finding]:
    """This year's filled numbers that the report prints, without a source (`sources:`,
    drafter.sources): one line each, a handful, then one line for the rest; one line when no
    number has one (a file from before sources were kept)."""
    if view.answers is None:
        return []
    from drafter.check.signoff import entries

    found = entries(view.answers, view.ontology, sentences=False)
    missing = [e for e in found if not e.source]
    if not missing:
        return []
    how = "用 drafter numbers --fill、drafter ask 或 drafter rollup 填写的数字会自动记下来源；其他的请在本节的 sources: 下写明"
    many = int((tables().get("sources") or {}).get("notes", 5))
    if len(missing) == len(found) and len(found) > many:
        return [Finding("sources", NOTE, f"报告写出的 {len(found)} 个数字都没有注明来源", how + "（如 inspections: 执法支队报送）",
                        Location(file=view.file, field="sources"))]
    notes = [_at(view, "sources", NOTE, e.path, f"章节“{e.heading}”的“{e.label}”（{e.value}）没有注明来源",
                 f"{how}（{e.name}: 来源）") for e in missing]
    if len(notes) <= many:
        return notes
    rest = missing[many:]
    by_heading: dict[str, list[str]] = {}
    for e in rest[:many]:
        by_heading.setdefault(e.heading, []).append(e.label)
    shown = "；".join(f"{h}：{'、'.join(labels)}" for h, labels in by_heading.items()) + ("……" if len(rest) > many else "")
    return [*notes[:many], Finding("sources", NOTE, f"另有 {len(rest)} 个数字没有注明来源（{shown}）", how,
                                   Location(file=view.file))]


RULES: list[Rule] = [
    Rule("contents", "必备内容：五项法定内容（主要举措和成效、不足和原因、第一责任人职责、下一年度安排、其他需要报告的情况）", required_contents),
    Rule("carried", "沿用上年的文字：drafter next 在段首标了【改写】【核对】、还没有处理的段落；没有改成当年的届次；"
                    "给出 --previous 时，与上年报告几乎相同的段落、问题和安排，报告缺少的落款和成文日期", carried_text),
    Rule("leftovers", "遗留占位：xx、××、＿＿、【】、未填的空位和数字、“（此处填写……）”一类说明", leftovers),
    Rule("years", "过时的年份：不是报告年度（或下一年度）的年份；标题、正文、成文日期的年度一致；成文日期在12月至次年3月", stale_years),
    Rule("numbers", "照搬的数字：与上年数值相同、与上年报告一字不差的数字", stale_numbers),
    Rule("arithmetic", "数字矛盾：部分大于整体、比率超过100%、同比与数字不符", arithmetic),
    Rule("followup", "上年整改：上年的问题和安排都写了进展，未完成的写明原因", followup),
    Rule("names", "单位名称：其他地区或单位的名称、本单位名称的两种写法", names),
    Rule("wording", "年度提法：指导思想、会议、普法规划和纲要期限与报告年度相符", wording),
    Rule("form", "文字格式：半角标点、有“一是”无“二是”、段落无句号、标题下无正文、重复的句子、过长的段落", form),
    Rule("proofread", "校对：错别字、提法和称谓、语病、重打的字、列举缺“是”、全半角混用和不成对的标点（sections/_proofread.yaml）",
         proofread),
    Rule("unprinted", "不会写入报告的数字：填写了数值，但本节的正文（text）或模板并不写出它", unprinted_numbers),
    Rule("sources", "数字的来源：报告写出的今年的数字，没有在 sources: 下写明来源（drafter check --sources 列出审核表）", unsourced),
]

