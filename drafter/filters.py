"""Number, money, percentage, date and ordinal style for report prose, in one place.

Every function takes None (an unanswered field) and returns "" for it, so that a template
can write `{{ x|qty("次") }}` inside an `{% if x %}` without special cases.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import itertools
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from drafter import datafiles, lists
from drafter.fields import amount_value
from drafter.numerals import cn_number

_ENUM_PUNCT = "。；;，,、"
_BLANK = " \t\n\u3000。；;，,、：:.!！?？"  # an item of nothing but these says nothing


def said_once(text: str) -> str:
    """A word said twice where a template's words meet the user's (“健全”+“健全应急预案体系”,
    “组织开展”+“开展专项检查”, “业务培训”+“培训1天”) said once: the words are data
    (sections/_phrases.yaml, doubled_once), and no such word is doubled in formal prose."""
    pattern = datafiles.derived("_phrases.yaml", _doubled_pattern, missing={})
    if pattern is None or not text:
        return text

    def once(m: re.Match) -> str:
        line = text[text.rfind("\n", 0, m.start()) + 1: m.start()]
        if "\n" in m.group(0) and line.lstrip().startswith("#"):
            return m.group(0)  # a heading's last word and its text's first: two lines, kept
        return m.group(1)

    return pattern.sub(once, text)


def _doubled_pattern(data: Any, path: Any) -> re.Pattern[str] | None:
    words = sorted({str(w) for w in (data or {}).get("doubled_once") or [] if str(w)}, key=len, reverse=True)
    # the two may stand on two lines of one paragraph (a template's lines are joined)
    return re.compile("(" + "|".join(map(re.escape, words)) + r")(?:[ \t]*\n[ \t]*(?=\S))?\1") if words else None


def num(value: Any, places: int | None = None) -> str:
    """A number as official prose writes it: Arabic digits, no trailing zeros, no grouping."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    d = Decimal(str(value))
    if places is not None:
        d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def qty(value: Any, unit: str = "") -> str:
    """8 次, 80余场, 3万余名: a count with its measure word."""
    text = num(value)
    return f"{text}{unit}" if text else ""


def money(value: Any, unit: str = "万元") -> str:
    text = num(value, places=4)
    return f"{text}{unit}" if text else ""


def pct(value: Any, places: int = 2) -> str:
    text = num(value, places=places) if not isinstance(value, str) else value.strip().rstrip("%")
    return f"{text}%" if text else ""


def cn_date(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


def nth(n: Any) -> str:
    """第十五 (for 第十五个全国防灾减灾日)."""
    return f"第{cn_number(int(n))}" if n not in (None, "") else ""


_JOINT_MARKS = " \t\n\u3000，。、；：,.;:"


def _inner(text: Any) -> str:
    """A piece of user text as it goes inside a sentence: no marks at its ends."""
    return str(text).strip(_JOINT_MARKS)


def book(title: Any) -> str:
    """A document's title inside 《》, unless it already has them."""
    if not title:
        return ""
    text = str(title).strip()
    if text.startswith("《") and text.endswith("》"):
        return text
    text = _inner(text)
    return f"《{text}》" if text else ""


def books(titles: Iterable[Any] | None, sep: str = "") -> str:
    return sep.join(book(t) for t in titles or [] if t)


def join_cn(items: Iterable[Any] | None, sep: str = "、", last: str | None = None) -> str:
    """A、B和C — items joined; empty items dropped, and the marks a user put at an item's
    ends (“落实整改措施；”) left out, since the joint supplies its own."""
    parts = [_inner(i) for i in items or [] if i not in (None, "")]
    parts = [p for p in parts if p]
    if last and len(parts) > 1:
        return sep.join(parts[:-1]) + last + parts[-1]
    return sep.join(parts)


def clauses(*parts: Any, sep: str = "，", end: str = "。") -> str:
    """Join the non-empty clauses into one sentence: never '，，' or a dangling comma. Clauses
    that open with the same verb of the verb table say it once (办理行政复议答复4起、行政诉讼
    应诉案件3起, not 办理……，办理……)."""
    kept = [str(p).strip().strip("，,、；;").strip() for p in parts if p not in (None, "")]
    kept = [p for p in kept if p]
    if not kept:
        return ""
    verbs = set(((datafiles.table("_phrases.yaml", missing={}) or {}).get("verbs") or {}).values())
    text = kept[0]
    for before, clause in itertools.pairwise(kept):
        verb = next((v for v in verbs if before.startswith(v) and clause.startswith(v)), "")
        text += f"、{clause[len(verb):]}" if verb and "，" not in before + clause else f"{sep}{clause}"
    return text if _ends_sentence(text) else text.rstrip("。；;，,") + end


def sentence(text: Any) -> str:
    """Make a user's fragment end like a sentence; each line of a multi-line answer too.
    A fragment of nothing but punctuation says nothing: ""."""
    if text in (None, ""):
        return ""
    lines = [_one_sentence(line) for line in str(text).split("\n")]
    return "\n".join(lines).strip("\n")


def _one_sentence(line: str) -> str:
    s = line.strip()
    if not s.strip(_BLANK):
        return ""
    if _ends_sentence(s):
        return s
    return s.rstrip(_ENUM_PUNCT) + "。"


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip("”’）」』")
    return bool(stripped) and stripped[-1] in "。！？…"


def enum(items: Iterable[Any] | None, sep: str = "") -> str:
    """一是……。二是……。 — free-text items as one list, each a sentence. The items are marked,
    not numbered: drafter.lists numbers them once the paragraphs are final (a single item,
    or a list nested in another, gets no 一是)."""
    kept = [sentence(i) for i in items or [] if i not in (None, "") and str(i).strip(_BLANK)]
    kept = [k for k in kept if k.strip(_BLANK)]
    return lists.mark(kept, sep) if len(kept) > 1 else "".join(kept)


def _common_scale(*values: Any) -> tuple[float, str]:
    """(divisor, word) when every value is written in 万 or 亿, else (1, "")."""
    for word, divisor in (("亿", 1e8), ("万", 1e4)):
        if all(isinstance(v, str) and v.strip().endswith(word) for v in values):
            return divisor, word
    return 1.0, ""


def yoy(current: Any, previous: Any, unit: str = "", percent: bool = True, places: int = 1,
        diff_places: int = 4) -> str:
    """同比增加12起、上升12.5% / 同比减少5起、下降7% / 与上年持平.

    Returns "" when either value is missing or not an exact number (80余 cannot be compared).
    """
    cur, prev = amount_value(current), amount_value(previous)
    if cur is None or prev is None:
        return ""
    diff = cur - prev
    if cur == 0 and prev > 0:
        # a drop to nothing: last year's number says it, not “下降100%”
        return f"上年为{num(previous)}{unit}"
    scale = _common_scale(current, previous)  # 191万 → 205万: 增加14万, not 140000
    amount = num(abs(diff) / scale[0], places=diff_places)
    if diff == 0:
        return "与上年持平"
    if amount == "0":
        return "与上年基本持平"
    word, direction = ("增加", "上升") if diff > 0 else ("减少", "下降")
    text = f"同比{word}{amount}{scale[1]}{unit}"
    if percent and prev != 0:
        share = share_of(abs(diff) / prev * 100, places)
        text += f"，{direction}{share}%" if share else "，基本持平"
    return text


def share_of(value: float, places: int = 1) -> str:
    """A percentage with enough decimals to say something (0.04, not 0); "" below 0.01."""
    for more in range(places, 3):
        text = num(value, places=more)
        if text != "0":
            return text
    return ""


def ordinal(n: Any) -> str:
    """第20个: an edition of a recurring event (official layout keeps Arabic numerals)."""
    return f"第{num(n)}个" if n not in (None, "") else ""


def edition(year: int, first_year: int) -> int | None:
    """Which edition a yearly event has in `year`, counting first_year as the first."""
    return year - first_year + 1 if year >= first_year else None


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_day(value: Any) -> str:
    """4月15日, or 4月底 for a month's last day."""
    if not isinstance(value, _dt.date):
        return cn_date(value)
    last = _MONTH_DAYS[value.month - 1] + (1 if value.month == 2 and calendar.isleap(value.year) else 0)
    return f"{value.month}月底" if value.day == last else f"{value.month}月{value.day}日"


def dot_date(value: Any) -> str:
    """1.15 — how an accident is named by its date (“1.15”事故)."""
    return f"{value.month}.{value.day}" if isinstance(value, _dt.date) else ""


def doc_number(code: Any, year: Any, seq: Any) -> str:
    """辽市安委字〔2023〕10号 from its parts; "" unless year and number are both known."""
    if year in (None, "") or seq in (None, ""):
        return ""
    return f"{code or ''}〔{num(year)}〕{num(seq)}号"


def titled_docs(docs: Iterable[Any] | None, sep: str = "、") -> str:
    """《标题》（文号） for records with title / code / year / seq."""
    out = []
    for d in docs or []:
        title, number = d.get("title"), doc_number(d.get("code"), d.get("year"), d.get("seq"))
        if not (title or number):
            continue
        out.append((book(title) if title else "有关文件") + (f"（{number}）" if number else ""))
    return sep.join(out)


def quoted(names: Iterable[Any] | None) -> str:
    """“甲”“乙”: names in quotation marks, no 顿号 between them (GB/T 15834)."""
    out = []
    for n in names or []:
        text = str(n).strip() if n not in (None, "") else ""
        if text:
            out.append(text if text.startswith("“") else f"“{text}”")
    return "".join(out)


class Change:
    """The year-on-year change between two amounts, for templates to phrase themselves."""

    def __init__(self, current: float, previous: float, places: int):
        self.current = current
        self.previous = previous
        self.diff = abs(current - previous)
        self.up = current > previous
        self.down = current < previous
        self.same = current == previous
        # a change that rounds to 0% gets more decimals; below 0.01% it has no percentage
        share = share_of(self.diff / previous * 100, places) if previous and self.diff else ""
        self.percent = float(share) if share else (0.0 if previous and not self.diff else None)

    @property
    def word(self) -> str:
        return "增加" if self.up else "减少" if self.down else "持平"

    @property
    def direction(self) -> str:
        return "上升" if self.up else "下降" if self.down else "持平"


def delta(current: Any, previous: Any, places: int = 1) -> Change | None:
    """Change from previous to current, or None if either is missing or approximate."""
    cur, prev = amount_value(current), amount_value(previous)
    if cur is None or prev is None:
        return None
    return Change(cur, prev, places)


def having(records: Iterable[Any] | None, *names: str) -> list[Any]:
    """The records with any of the named fields answered, in the order the user gave them
    (a record with neither says nothing)."""
    return [r for r in records or [] if isinstance(r, dict) and any(r.get(n) not in (None, "", []) for n in names)]


# -- phrasing: leadership, administration, enforcement

def counted(label: Any, value: Any, unit: str = "", after: Any = "") -> str:
    """“召开听证会6场，同比增加2场”: a label, the count with its measure word and what follows
    it (a 同比 phrase); "" when the count is not answered or is 0 (a template says “未……”
    for a zero that means something)."""
    text = qty(value, unit)
    if not text or value == 0:
        return ""
    return f"{label}{text}{after or ''}"


def verb_for(noun: Any) -> str:
    """The verb a noun takes in report prose (召开案审会, 办理行政复议答复): sections/_phrases.yaml,
    verbs; "" for a noun the table does not list."""
    verbs = (datafiles.table("_phrases.yaml", missing={}) or {}).get("verbs") or {}
    return str(verbs.get(str(noun)) or "")


def act(noun: Any, value: Any, unit: str = "", after: Any = "") -> str:
    """“召开案审会17次”“办理行政复议答复4起”: the noun's verb from the table (verb_for), the noun
    in the user's own term and its count; "" when the count is not answered or is 0."""
    return counted(f"{verb_for(noun)}{noun}", value, unit, after)


def law_step(record: Any) -> str:
    """Where one law or regulation stands, as a clause: a record with title, action (制定/修订),
    stage (起草/送审/审议通过/施行/other) and effective date. “开展《条例》修订起草工作”,
    “修订后的《条例》自2023年5月1日起施行”; "" for a record with neither title nor stage."""
    if not isinstance(record, dict) or not (record.get("title") or record.get("stage")):
        return ""
    name = book(record.get("title")) if record.get("title") else "有关法规规章"
    revised, stage, effective = record.get("action") == "修订", record.get("stage"), record.get("effective")
    since = f"自{cn_date(effective)}起施行" if effective else ""
    if stage == "起草":
        return f"开展{name}{'修订' if revised else ''}起草工作"
    if stage == "送审":
        return f"{name}{'修订' if revised else ''}送审稿已报送审查"
    if stage == "审议通过":
        return f"{name}{'（修订）' if revised else ''}经审议通过" + (f"，{since}" if since else "")
    if stage == "施行":
        return f"{'修订后的' if revised else ''}{name}{since or '公布施行'}"
    return f"推进{name}{record.get('action') or '制定'}工作"


def law_in_force(record: Any) -> str:
    """“5月起施行的《安全生产法》”: a law that took effect this year (a record with title and
    month); “新修订的法律法规” for one without a title; "" for a record with neither."""
    if not isinstance(record, dict) or (not record.get("title") and record.get("month") in (None, "")):
        return ""
    month = record.get("month")
    since = f"{num(month)}月起施行的" if month not in (None, "") else ""
    return since + (book(record.get("title")) if record.get("title") else "新修订的法律法规")


def contest(record: Any) -> str:
    """“举办昆山市第六届安全综合执法比武竞赛”: a contest record (role, host, edition, name);
    role defaults to 参加; "" without a name."""
    if not isinstance(record, dict) or not record.get("name"):
        return ""
    edition = record.get("edition")
    whole = isinstance(edition, (int, float)) and not isinstance(edition, bool) and edition > 0 and edition == int(edition)
    nth_edition = f"{nth(int(edition))}届" if whole and edition is not None else ""
    return f"{record.get('role') or '参加'}{record.get('host') or ''}{nth_edition}{_inner(record['name'])}"


def compiled(title: Any, total: Any, ranks: Iterable[Any] | None) -> str:
    """The sentence on a compilation of laws: “编印《汇编》，收录常用法律法规规章52个，其中法律3个、…。”
    `ranks` are (rank, count) pairs; without a total the counts are added when all are exact.
    "" when nothing is answered."""
    filled = [(str(r), v) for r, v in ranks or [] if v not in (None, "", 0)]
    exact = [v for _, v in filled if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if total in (None, "", 0):
        total = sum(exact) if exact and len(exact) == len(filled) else None
    if not (title or filled or total):
        return ""
    parts = "、".join(f"{r}{qty(v, '个')}" for r, v in filled)
    text = f"编印{title or '应急管理常用法律法规汇编'}"
    if total:
        text += f"，收录常用法律法规规章{qty(total, '个')}" + (f"，其中{parts}" if parts else "")
    elif parts:
        text += f"，收录{parts}"
    return text + "。"


def framed(lead: Any, *parts: Any, sep: str = "，", end: str = "。") -> str:
    """One sentence of the answered clauses after a lead (“2023年，”“其中”): the lead is said
    only when some clause is; "" when none is."""
    body = clauses(*parts, sep=sep, end=end)
    return f"{lead or ''}{body}" if body else ""


FILTERS = {
    "contest": contest,
    "law_in_force": law_in_force,
    "law_step": law_step,
    "having": having,
    "num": num,
    "qty": qty,
    "money": money,
    "pct": pct,
    "cn_date": cn_date,
    "cn_number": cn_number,
    "nth": nth,
    "book": book,
    "books": books,
    "join_cn": join_cn,
    "sentence": sentence,
    "enum": enum,
    "ordinal": ordinal,
    "month_day": month_day,
    "dot_date": dot_date,
    "titled_docs": titled_docs,
    "quoted": quoted,
}
GLOBALS = {
    "compiled": compiled,
    "framed": framed,
    "act": act,
    "counted": counted,
    "clauses": clauses,
    "yoy": yoy,
    "delta": delta,
    "doc_number": doc_number,
    "enum": enum,
    "join_cn": join_cn,
    "sentence": sentence,
}


# -- phrasing: publicity, safety, emergency, review

def _verb_table(data: Any, path: Any) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """(verbs an item may start with, (noun ending, the verbs it takes)…) from _phrases.yaml:
    the nouns of `verbs` (shared with act) and item_verbs; an item starting with one of their verbs or of
    verbs_first is taken as the user's own verb phrase."""
    table = {**((data or {}).get("verbs") or {}), **((data or {}).get("item_verbs") or {})}
    nouns = tuple(sorted(((str(n), tuple(str(v) for v in (vs if isinstance(vs, list) else [vs]) if v))
                          for n, vs in table.items() if n and vs), key=lambda p: len(p[0]), reverse=True))
    verbs = {v for _, vs in nouns for v in vs} | {str(w) for w in (data or {}).get("verbs_first") or [] if w}
    return tuple(sorted(verbs, key=len, reverse=True)), nouns


def verb_taken(item: Any, verb: str) -> str:
    """The verb `item` takes in place of the template's `verb`: "" when the user's item already
    starts with a verb (“举办安全知识讲座”), the first verb the phrase table gives the item's
    noun when `verb` is not among them (“组织开展”+“知识竞赛” → 举办), else `verb`."""
    text = _inner(item) if item not in (None, "") else ""
    verbs, nouns = datafiles.derived("_phrases.yaml", _verb_table, missing={})
    if not text:
        return verb
    if any(text.startswith(v) and len(text) > len(v) for v in verbs):
        return ""
    for noun, takes in nouns:
        if text.endswith(noun):
            return verb if any(verb.endswith(t) for t in takes) else takes[0]
    return verb


def acted(items: Iterable[Any] | None, verb: str, last: str = "和") -> str:
    """Items with the verb each takes (verb_taken): 组织开展甲、乙和丙 when all take the template's
    verb; 组织开展甲，举办乙 when they differ; an item the user began with a verb as written."""
    groups: list[tuple[str, list[str]]] = []
    for item in items or []:
        text = _inner(item) if item not in (None, "") else ""
        if not text:
            continue
        v = verb_taken(text, verb)
        if groups and groups[-1][0] == v and v:
            groups[-1][1].append(text)
        else:
            groups.append((v, [text]))
    return "，".join(v + join_cn(texts, "、", last) for v, texts in groups)


_SEASONS = {"一季度": 1, "第一季度": 1, "二季度": 4, "第二季度": 4, "三季度": 7, "第三季度": 7,
            "四季度": 10, "第四季度": 10, "上半年": 1, "下半年": 7, "年初": 1, "年中": 6, "年底": 12, "年末": 12}
_WHEN = re.compile(r"^(?:\d{4}年)?(?:(\d{1,2})月(?:(\d{1,2})日|(上旬|初)|(中旬)|(下旬|底|末))?|(" + "|".join(_SEASONS) + "))")


def period_key(text: Any) -> float | None:
    """Where in the year a passage's opening date falls (一季度 1, 5月下旬 5.7, 4月底 4.9),
    or None when it opens with no date."""
    m = _WHEN.match(str(text or "").strip())
    if not m:
        return None
    if m.group(6):
        return float(_SEASONS[m.group(6)])
    month = int(m.group(1))
    day = int(m.group(2)) if m.group(2) else 5 if m.group(3) else 15 if m.group(4) else 25 if m.group(5) else 1
    return month + min(day, 31) / 32


def in_date_order(text: Any) -> str:
    """Paragraphs (blank-line separated) put in the order of their opening dates (period_key);
    an undated paragraph keeps its place after the one before it. Used as
    {% filter in_date_order %}…{% endfilter %} around passages the user dated."""
    paragraphs = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", str(text or "")) if p.strip()]
    keyed, last = [], float("-inf")
    for i, p in enumerate(paragraphs):
        key = period_key(p)
        last = key if key is not None else last
        keyed.append((last, i, p))
    return "\n\n".join(p for _, _, p in sorted(keyed, key=lambda k: (k[0], k[1])))


def _given(what: str, trend: Any, change: Any) -> str:
    if trend == "持平":
        return f"{what}与上年持平"
    return f"{what}同比{trend}{pct(change) if change is not None else ''}" if trend else ""


def _trend(trend: Any, change: Any) -> Any:
    """A published change of 0 is 持平, not 下降0%."""
    return "持平" if trend and change == 0 else trend


def accident_changes(accidents: Any, deaths: Any, prev_accidents: Any = None, prev_deaths: Any = None,
                     accidents_trend: Any = None, accidents_change: Any = None,
                     deaths_trend: Any = None, deaths_change: Any = None,
                     names: tuple[str, str] = ("事故起数", "死亡人数"), together: bool = True,
                     merge: bool = False) -> list[str]:
    """The year-on-year clauses for accidents and deaths: a published trend (方向 + 幅度) is
    written as given, else worked out from last year's numbers. `together`: one clause when
    both published trends agree (同比均下降33.3% / 同比分别下降…、…); `merge`: the worked-out
    changes in one clause when they go the same way (同比减少2起、3人，分别下降…)."""
    at, dt = _trend(accidents_trend, accidents_change), _trend(deaths_trend, deaths_change)
    if together and at and at == dt and at != "持平" and accidents_change is not None and deaths_change is not None:
        a, d = pct(accidents_change), pct(deaths_change)
        return [f"同比均{at}{a}" if a == d else f"同比分别{at}{a}、{d}"]
    ga, gd = _given(names[0], at, accidents_change), _given(names[1], dt, deaths_change)
    ya, yd = delta(accidents, prev_accidents), delta(deaths, prev_deaths)
    if merge and not (ga or gd) and ya and yd and ya.word == yd.word and not ya.same:
        text = f"同比{ya.word}{qty(num(ya.diff), '起')}、{qty(num(yd.diff), '人')}"
        if ya.percent is not None and yd.percent is not None:
            a, d = pct(ya.percent), pct(yd.percent)
            text += f"，均{ya.direction}{a}" if a == d else f"，分别{ya.direction}{a}、{d}"
        return [text]
    a_text = yoy(accidents, prev_accidents, "起")
    d_text = yoy(deaths, prev_deaths, "人")
    return [c for c in (ga or (f"{names[0]}{a_text}" if a_text else ""),
                        gd or (f"{names[1]}{d_text}" if d_text else "")) if c]


def each(macro: Any, items: Iterable[Any] | None) -> list[str]:
    """macro(item) for each item: a template's one-item wording (a macro) applied to a list,
    the non-empty results kept in order — the list an `enum` or `join_cn` then joins."""
    out = [str(macro(i)).strip() for i in items or []]
    return [o for o in out if o.strip(_BLANK)]


def turns(records: Iterable[Any] | None, key: str) -> list[dict]:
    """The records, each with `turn`: how many earlier records had the same `key` (so the
    second 已完成 item can be said in other words than the first)."""
    seen: dict[Any, int] = {}
    out = []
    for r in records or []:
        if isinstance(r, dict):
            k = r.get(key)
            out.append({**r, "turn": seen.get(k, 0)})
            seen[k] = seen.get(k, 0) + 1
    return out


def _phrase_lists(data: Any, path: Any) -> dict[str, list[str]]:
    said = (data or {}).get("progress_said") or {}
    return {str(k): [str(x) for x in (v if isinstance(v, list) else [v]) if x] for k, v in said.items()}


def progress_said(status: Any, turn: int = 0) -> str:
    """The sentence for a follow-up's progress (已完成 / 持续推进 / 未完成), the `turn`-th
    wording of _phrases.yaml progress_said in rotation; "" for no status."""
    options = datafiles.derived("_phrases.yaml", _phrase_lists, missing={}).get(str(status or ""))
    return options[int(turn or 0) % len(options)] if options else ""


def matching(records: Iterable[Any] | None, name: Any, key: str = "industry") -> list[Any]:
    """The records whose `key` names `name` or a part of it (“危化” under “危险化学品（危化）领域”)."""
    name = str(name or "")
    out = []
    for r in records or []:
        k = str(r.get(key) or "") if isinstance(r, dict) else ""
        if k and name and (k == name or k in name or name in k):
            out.append(r)
    return out


def unmatched(records: Iterable[Any] | None, names: Iterable[Any] | None, key: str = "industry") -> list[Any]:
    """The records that no name in `names` takes (matching), in the user's order."""
    taken = [id(r) for n in names or [] for r in matching(records, n, key)]
    return [r for r in records or [] if id(r) not in taken]


def special_check(c: Any, where: bool = False) -> str:
    """One special inspection (a `checks` record) as one clause run without its full stop: whom it
    targeted, how, the hazards found (0 → 未发现问题隐患), major hazards judged against a standard
    and whether they were put right. `where`: open with 在<industry>， (a check of no listed industry)."""
    if not isinstance(c, dict):
        return ""
    target, firms = c.get("target"), c.get("enterprises")
    whom = f"针对{target}{qty(firms, '家') if firms else ''}" if target else f"针对{qty(firms, '家')}企业" if firms else ""
    if c.get("facilities"):
        whom += f"（共建有{c.get('facility_kind') or '相关设施'}{qty(c['facilities'], '个')}）"
    parts = [whom, str(c.get("approach") or "开展专项检查")]
    hazards, major = c.get("hazards"), c.get("major_hazards")
    if hazards == 0:
        parts.append("未发现问题隐患")
    elif hazards:
        parts.append(f"共查出问题隐患{qty(hazards, '项')}")
    by = f"对照{books(c['standard'])}" if c.get("standard") else ""
    if major == 0:
        parts.append(f"{by}未发现重大事故隐患")
    elif major:
        parts.append(f"{by}认定重大事故隐患{qty(major, '项')}")
    elif by:
        parts.append(f"严格{by}开展判定")
    if c.get("all_rectified"):
        parts.append("均已完成整改" if hazards or major else "发现的问题已完成整改")
    elif c.get("major_rectified") and major:
        parts.append("重大事故隐患均已完成整改")
    if where and c.get("industry"):
        parts.insert(0, f"在{c['industry']}")
    return "，".join(p for p in parts if p)



def industry_points(ind: Any) -> list[str]:
    """What was done in one key industry (an `industries` record), one point each, in a fixed
    order: documents, the lesson of an accident, training, inspection measures and full-coverage
    checks, chemical parks, then the user's own measures."""
    if not isinstance(ind, dict):
        return []
    points = []
    if ind.get("docs"):
        points.append(clauses(f"制定印发{books(ind['docs'])}等文件", ind.get("docs_purpose"), end=""))
    if ind.get("lesson_accident") or ind.get("lesson_date"):
        when = f"“{dot_date(ind['lesson_date'])}”" if ind.get("lesson_date") else ""
        points.append(f"深刻吸取{when}{ind.get('lesson_accident') or '事故'}教训，"
                      f"{ind.get('lesson_action') or '举一反三开展安全风险排查整治'}")
    trainees, trained = ind.get("trainees"), ind.get("trained")
    if trained:
        lead = f"组织{trainees}参加安全生产专题培训，累计培训" if trainees else "开展安全生产专题培训，累计培训"
        points.append(lead + qty(trained, "人次"))
    elif trainees:
        points.append(f"组织{trainees}参加安全生产专题培训")
    checks = []
    if ind.get("graded_supervision"):
        checks.append("落实风险分级分类监管制度")
    if ind.get("check_measures"):
        checks.append(f"明确隐患排查措施{qty(ind['check_measures'], '项')}")
    if ind.get("covered_scope") or ind.get("covered"):
        covered = qty(ind["covered"], "家") if ind.get("covered") else ""
        checks.append(f"对{covered}{ind.get('covered_scope') or '重点企业'}开展全覆盖{ind.get('covered_how') or '检查'}")
    if checks:
        points.append("，".join(checks))
    if ind.get("parks"):
        points.append(f"督促{qty(ind['parks'], '个')}化工园区{ind.get('park_work') or '推进安全风险整治提升'}")
    elif ind.get("park_work"):
        points.append(f"督促化工园区{ind['park_work']}")
    points.extend(str(m) for m in ind.get("measures") or [] if m)
    return points


def response_run(r: Any) -> str:
    """One kind of emergency response (a `responses` record): “防汛Ⅳ级应急响应3次（应对“杜苏芮”台风）”;
    kind 其他 is not named; "" for a record with none of kind, level, event and times."""
    if not isinstance(r, dict) or not any(r.get(k) for k in ("kind", "level", "event", "times")):
        return ""
    kind = "" if r.get("kind") == "其他" else r.get("kind") or ""
    times = qty(r["times"], "次") if r.get("times") else ""
    return f"{kind}{r.get('level') or ''}应急响应{times}" + (f"（应对{r['event']}）" if r.get("event") else "")


def plan_edition(p: Any) -> str:
    """One revised overall plan (an `overall_revisions` record): “2021版《总体应急预案》（×政发〔2021〕5号）”;
    without a title 总体应急预案."""
    if not isinstance(p, dict):
        return ""
    number = doc_number(p.get("code"), p.get("year"), p.get("seq"))
    return (f"{p['edition']}版" if p.get("edition") else "") + (book(p["title"]) if p.get("title") else "总体应急预案") + (
        f"（{number}）" if number else "")


def plan_inventory(overall: Any, special: Any, categories: Iterable[Any] | None, level: Any = "") -> list[str]:
    """The plans on hand: “总体应急预案1个”, “市级专项应急预案30个（自然灾害类10个，事故灾难类20个）”;
    without a special count the categories alone (“市级专项应急预案自然灾害类10个、…”)."""
    cats = [f"{c.get('category') or '其他类'}{qty(c['count'], '个')}"
            for c in categories or [] if isinstance(c, dict) and c.get("count")]
    level = level or ""
    out = [f"总体应急预案{qty(overall, '个')}"] if overall else []
    if special:
        out.append(f"{level}专项应急预案{qty(special, '个')}" + (f"（{join_cn(cats, '，')}）" if cats else ""))
    elif cats:
        out.append(f"{level}专项应急预案{join_cn(cats, '、')}")
    return out


def series(*items: Any) -> str:
    """The answered items of one list: 普法宣讲3场、直播培训2场; joined by “，” when one of them
    carries a 同比 phrase (普法宣讲3场，同比增加1场，直播培训2场), so 同比 never breaks a 、 list."""
    kept = [str(i) for i in items if i not in (None, "")]
    return join_cn(kept, "，" if any("，" in i for i in kept) else "、")


FILTERS.update({
    "special_check": special_check,
    "plan_edition": plan_edition,
    "response_run": response_run,
    "acted": acted,
    "in_date_order": in_date_order,
    "turns": turns,
    "matching": matching,
    "unmatched": unmatched,
    "progress_said": progress_said,
})
GLOBALS.update({
    "series": series,
    "plan_inventory": plan_inventory,
    "industry_points": industry_points,
    "accident_changes": accident_changes,
    "each": each,
})
