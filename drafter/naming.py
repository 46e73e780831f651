"""The name a number of own text goes by: the thing it counts, taken from its clause.

When `import` and `next` turn a report's statistics into slots, the colleague who supplies
this year's value sees the name. So the name says what is counted:

* the words before the number, verbs and fillers off: 立案查处|行政处罚案件|861件;
* a short noun with the verb before it: 发现隐患, 检查企业, 培训执法人员;
* before it only a verb, the words after it: 明确48项|隐患排查措施;
* both sides of 的 and 等: 涉及钢结构筒形仓的31家企业 → 钢结构筒形仓企业;
* 甲和乙分别为3件、5件: 甲, 乙; a change: 事故起数同比下降10.2% → 事故起数降幅;
* a verb and its measure word: 累计培训174人次 → 培训人次;
* nothing better: where it stands, 第2段第3个数字（家）.

The word lists are data: `naming` (and `label`) in sections/_numbers.yaml.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from drafter import datafiles, facts

_NOT_IN_NAME = re.compile(r"[{}｛｝|｜\s\\#:：\"'“”‘’「」『』《》〈〉【】]")
_QUOTED = re.compile(r"“[^“”]*”|「[^「」]*」|《[^《》]*》")
_NOT_IN_WORDS = re.compile(r"[{}｛｝|｜\s\\#:：\"'‘’『』〈〉【】]")  # quotes and titles stay: each is one word
_GENERIC = re.compile(r"(?:数量|比率|金额)\d*")
# where a clause ends for a name (quotes and 《》 do not: “双随机”检查 is one name)
_CLAUSE_END = re.compile(r"[，,。；;：:！!？?、\n（）()]")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


@dataclass(frozen=True)
class _Rules:
    verbs: tuple[str, ...]  # longest first
    verb_set: frozenset[str]
    counting: frozenset[str]
    complements: tuple[str, ...]
    vague: frozenset[str]
    bad_starts: tuple[str, ...]
    after_stops: tuple[str, ...]
    connectors: tuple[str, ...]
    comparisons: tuple[str, ...]
    changes: dict[str, str]
    change_words: tuple[str, ...]
    max_length: int
    short_object: int
    unit_suffixes: dict[str, str]
    place: str
    fillers: tuple[str, ...]
    endings: tuple[str, ...]
    whole_words: tuple[str, ...]
    keep_reasons: frozenset[str]
    event_units: frozenset[str]
    meetings: tuple[str, ...]
    inner_fillers: tuple[str, ...]
    general_verbs: tuple[str, ...]


def _compiled(data: dict, path: Path) -> _Rules:
    from drafter.errors import DrafterError, Location

    def table(key: str) -> dict:
        found = data.get(key) or {}
        if not isinstance(found, dict):
            raise DrafterError("应为“名称: 内容”的一组设置", Location(file=str(path), field=key))
        return found

    naming, label = table("naming"), table("label")

    def words(part: dict, key: str) -> tuple[str, ...]:
        found = part.get(key) or []
        if not isinstance(found, list):
            where = "naming" if part is naming else "label"
            raise DrafterError("应为一串词，写成 [词, 词, …]", Location(file=str(path), field=f"{where}.{key}"))
        return tuple(str(w) for w in found)

    def whole(key: str, default: int) -> int:
        found = naming.get(key)
        if found is None:
            return default
        if isinstance(found, bool) or not isinstance(found, int) or found < 1:
            raise DrafterError(f"应为正整数（如 {default}），实际是“{found}”", Location(file=str(path), field=f"naming.{key}"))
        return found

    for key in ("unit_suffixes", "changes"):
        if not isinstance(naming.get(key) or {}, dict):
            raise DrafterError("应为“词: 词”的对照，写成 {人: 人数, …}", Location(file=str(path), field=f"naming.{key}"))

    def longest_first(items) -> tuple[str, ...]:
        return tuple(sorted(set(items), key=len, reverse=True))

    verbs = words(naming, "verbs") + words(label, "frames")
    return _Rules(
        verbs=longest_first(verbs), verb_set=frozenset(verbs),
        counting=frozenset(words(naming, "counting_verbs")),
        complements=words(label, "complements"),
        vague=frozenset(words(naming, "vague")),
        bad_starts=words(naming, "bad_starts"),
        after_stops=longest_first(words(naming, "after_stops")),
        connectors=words(naming, "connectors"),
        comparisons=longest_first(words(naming, "comparisons")),
        changes={str(k): str(v) for k, v in (naming.get("changes") or {}).items()},
        change_words=longest_first(words(naming, "change_words")),
        max_length=whole("max_length", 12),
        short_object=whole("short_object", 4),
        unit_suffixes={str(k): str(v) for k, v in (naming.get("unit_suffixes") or {}).items()},
        place=str(naming.get("place") or "第{段}段第{个}个数字（{单位}）"),
        fillers=longest_first(words(label, "drop_before")),
        endings=longest_first(words(label, "drop_after")),
        whole_words=words(label, "whole_words"),
        keep_reasons=frozenset(words(label, "keep_reasons")),
        event_units=frozenset(words(naming, "event_units")),
        meetings=words(naming, "meetings"),
        inner_fillers=words(naming, "inner_fillers"),
        general_verbs=longest_first(words(naming, "general_verbs")),
    )


def _rules() -> _Rules:
    return datafiles.derived(facts.NUMBERS_FILE, _compiled)


# ---------------------------------------------------------------- what a name may be


def is_verb(words: str, rules: _Rules | None = None) -> bool:
    """Words that are verbs only (明确, 更新配备, 排查出): no name on their own."""
    rules = rules or _rules()
    if not words:
        return False
    if words in rules.verb_set:
        return True
    for verb in rules.verbs:
        if len(verb) < len(words) and words.startswith(verb):
            rest = words[len(verb):]
            if rest in rules.complements or is_verb(rest, rules):
                return True
    return False


def meaningless(name: str) -> bool:
    """A name that tells a colleague nothing: a bare verb, a vague word, 数量2, or a word cut
    in half (it starts with a particle: 出各类问题隐患, 等法律法规)."""
    rules = _rules()
    name = _clean(name)
    return (len(name) < 2 or name in rules.vague or bool(_GENERIC.fullmatch(name)) or is_verb(name, rules)
            or (name.startswith(rules.bad_starts) and not _starts_with_whole_word(name, rules)))


def _starts_with_whole_word(name: str, rules: _Rules) -> bool:
    return any(name.startswith(w) for w in rules.whole_words) or any(name.startswith(v) for v in rules.verbs)


# ---------------------------------------------------------------- the name


@dataclass(frozen=True)
class _Clause:
    """What a statistic's clause says around it."""

    text: str
    q: facts.Quantity
    before: str  # the clause's words before it (from the previous statistic or clause end)
    raw: str  # the same before 甲、乙等丙 is cut to 丙 (for the name of an activity)
    after: str  # the clause's words after its measure word, to the next statistic or clause end
    lead: str  # the text before it, right-stripped (…的, …等, …》)


def name_of(text: str, q: facts.Quantity) -> str:
    """The name of statistic q of text (a section's text or one paragraph of it)."""
    rules = _rules()
    lead = text[:q.start].rstrip()
    aside = re.search(r"[（(][^（）()]*[）)]$", lead)
    if aside:  # 特种作业人员（特种设备除外）12期: the words before the aside name it
        cut = len(text[:q.start]) - aside.start()
        return name_of(text[:aside.start()] + text[q.start:], dataclasses.replace(q, start=q.start - cut, end=q.end - cut))
    clause = _Clause(text, q, _words_before(text, q, rules), _words_before(text, q, rules, whole=True),
                     _words_after(text, q, rules), lead)
    for rule in (_respectively, _change, _rate, _count):
        name = rule(clause, rules)
        if name:
            return _finished(name, rules)
    return _place(text, q, rules)


def _finished(name: str, rules: _Rules) -> str:
    """Marks out; no 的 between two words (适用一般程序的案件 → 适用一般程序案件) nor 各类;
    short enough."""
    name = _clean(name)
    protected = [(m.start(), m.end()) for w in rules.whole_words if "的" in w for m in re.finditer(w, name)]
    name = "".join(ch for i, ch in enumerate(name) if not (
        ch == "的" and i >= 2 and len(name) - i > 2 and not any(a <= i < b for a, b in protected)))
    for word in rules.inner_fillers:
        if len(name) > len(word) + 2:
            name = name.replace(word, "")
    return _short(name, rules)


def _count(c: _Clause, rules: _Rules) -> str:
    verb, obj = _split_at_last_verb(c.before, rules)
    after = c.after if c.after and not meaningless(c.after) else _next_after(c, rules)
    suffix = rules.unit_suffixes.get(c.q.unit) or c.q.unit.lstrip("个")
    if c.q.unit in rules.event_units and c.raw:
        activity = _activity(c.raw, rules)
        if activity:
            return activity + suffix if is_verb(activity, rules) else activity  # 集体学习次数
    if facts.clause_after(c.text, c.q).startswith("的") and after and suffix:
        return after + suffix  # 其他职权等12项的行政权责清单 → 行政权责清单项数
    if c.lead.endswith("的") and after and obj and not meaningless(obj):
        return obj + after  # 涉及钢结构筒形仓的31家企业
    if c.lead.endswith("等") and after and obj and not meaningless(obj):
        return obj + "等" + after  # 涉爆粉尘等5个专项
    if obj and verb and verb not in rules.counting and _clean(obj) in rules.vague and len(_clean(obj)) >= 2:
        return verb + obj  # 发现|问题
    if obj and not meaningless(obj):
        if len(_clean(obj)) <= rules.short_object and verb and verb not in rules.counting:
            whole = _tidy(c.before, rules)
            if len(_clean(obj)) <= 2 and len(_clean(whole)) <= rules.max_length and not meaningless(whole):
                return whole  # 市局直接查处|案件
            return verb + obj  # 发现|隐患, 培训|执法人员
        return obj
    if after:  # 明确|48项|隐患排查措施
        return verb + after if len(after) <= 2 and verb and verb not in rules.counting else after
    phrase = _phrase(c.before, rules)
    if phrase:  # 受理行政复议申请|2件, 对……企业进行|执法回头看复查|204家次
        return phrase
    if verb and suffix and verb not in rules.counting:
        return verb + suffix  # 累计培训|174人次
    root = _root(c, rules)
    if root and suffix:
        return root + suffix  # 同比减少5起、4人; 12类86个品种共2万件
    title = re.search(r"《([^《》]{2,40})》$", c.lead)
    if title:  # 印发《……提醒函》200份
        return _clean(title.group(1))
    return ""


def _phrase(words: str, rules: _Rules) -> str:
    """The words after the first verb that leaves a name of four to max_length characters
    (联合住建部门开展|燃气安全专项检查), or the words themselves when short enough: a name
    that ends in a verb used as a noun (行政复议申请, 专项检查)."""
    if 4 <= len(_clean(words)) <= rules.max_length and not meaningless(words) and not _leading_verb(words, rules):
        return words
    for _, end in sorted((m.start(), m.end()) for v in rules.verbs for m in re.finditer(re.escape(v), words)):
        rest = _without_fillers(words[end:], rules)
        if 4 <= len(_clean(rest)) <= rules.max_length and not meaningless(rest) and not _leading_verb(rest, rules):
            return rest
    return ""


def _activity(words: str, rules: _Rules) -> str:
    """What a count of times names: the meeting (召开|局党组会议|研究……), or the activity when
    it is short enough (开展|普法宣讲进企业活动), or the way of studying a long text (集体学习)."""
    for meeting in rules.meetings:
        at = words.find(meeting)
        if at >= 0:
            start = at
            while start > 0 and not any(words[:start].endswith(v) for v in rules.verbs) and words[start - 1] not in "在于":
                start -= 1
            name = _without_fillers(words[start:at + len(meeting)], rules)
            if len(name) >= 2 and not meaningless(name):
                return name
    last, obj = _split_at_last_verb(words, rules)
    if len(_clean(obj)) > rules.max_length and len(last) >= 4:
        return last  # 中心组集体学习|习近平法治思想和……
    general = next((v for v in rules.general_verbs if words.startswith(v)), "")
    activity = _without_fillers(words[len(general):], rules)
    if 4 <= len(_clean(activity)) <= rules.max_length and not meaningless(activity):
        return activity  # 核查特种作业人员, (开展)防汛应急演练
    return _phrase(words, rules)


def _next_after(c: _Clause, rules: _Rules) -> str:
    """划定6大类41项行政执法事项: the first number counts what the second does, in other units."""
    following = [x for x in facts.find(c.text) if x.start >= c.q.end]
    if not following or not re.fullmatch(r"\s*", c.text[c.q.end:following[0].start]):
        return ""
    words = _words_after(c.text, following[0], rules)
    return words if words and not meaningless(words) else ""


def _rate(c: _Clause, rules: _Rules) -> str:
    """A percentage is named by what it is the rate of, verbs and all (执法案卷评查合格率):
    甲不低于乙的20% → 甲, 执法人员中法律专业人员占比 → 法律专业人员占比."""
    if c.q.kind != "percent":
        return ""
    words = _tidy(c.before, rules)
    for word in rules.comparisons:
        at = words.find(word)
        if at >= 2 and not words.startswith("比", at + len(word)):
            words = words[:at]
            break
    inside = re.search(r"中(?=[\u4e00-\u9fff]{2,}(?:占比|比例|比重|率)$)", words)
    if inside and inside.start() >= 2:
        words = words[inside.end():]
    verb = _leading_verb(words, rules)
    if verb and len(words) - len(verb) >= 4:
        words = words[len(verb):]
    return words if not meaningless(words) else ""


def _change(c: _Clause, rules: _Rules) -> str:
    """事故起数同比下降10.2% → 事故起数降幅; 接警出动1860起，同比增加12.4% → 接警出动增幅."""
    words = _tidy(c.before, rules)
    found = next(((w, kind) for w, kind in rules.changes.items() if words.endswith(w)), None)
    if found is None or c.q.kind not in ("percent", "count", "number"):
        return ""
    word, kind = found
    base = words[:-len(word)]
    changed = any(base.endswith(w) for w in rules.change_words)
    for w in rules.change_words:
        base = base.removesuffix(w)
    base = _tidy(base, rules)
    if not base or meaningless(base):
        if not changed:
            return ""
        base = _sentence_before(c, rules)
    if not base:
        return ""
    return base + (kind if c.q.kind == "percent" else word + (rules.unit_suffixes.get(c.q.unit) or c.q.unit))


def _respectively(c: _Clause, rules: _Rules) -> str:
    """甲和乙分别为3件、5件: the first number is 甲's, the second 乙's (a shared head noun or
    modifier goes to both: 行政复议和行政诉讼案件 → 行政复议案件, 行政诉讼案件)."""
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(c.text, 0, c.q.start)), default=0)
    at = c.text.rfind("分别", sentence_start, c.q.start)
    if at < 0:
        return ""
    subject = re.sub(r"\s+", "", c.text[sentence_start:at])
    subject = subject[max((m.end() for m in _CLAUSE_END.finditer(subject)), default=0):]
    verb_words = _tidy(re.sub(r"\s+", "", c.text[at + 2:]), rules)
    numbers = [x for x in facts.find(c.text) if at < x.start and _SENTENCE_END.search(c.text, at, x.start) is None]
    if c.q not in numbers:
        return ""
    subject = _tidy(subject, rules)
    lead = _leading_verb(subject, rules)
    subject = _without_fillers(subject[len(lead):], rules) if lead else subject
    items = [i for i in re.split("|".join(map(re.escape, rules.connectors)), subject) if i]
    k = numbers.index(c.q)
    if len(items) < 2 or k >= len(items) or any(len(i) < 2 for i in items):
        return ""
    items = _shared(items)
    doing = _leading_verb(verb_words, rules)
    change = rules.changes.get(doing.removeprefix("同比"), "") if doing else ""
    if change and c.q.kind == "percent":
        return items[k] + change  # 事故起数和死亡人数分别下降12.5%、9.1%
    if doing and doing not in rules.counting and not change:
        return doing + items[k]  # 对非煤矿山和危化品企业分别检查37家次、112家次
    return items[k]


def _shared(items: list[str]) -> list[str]:
    """甲和乙's shared words: 普法考试参考率和合格率 → 普法考试合格率; 行政复议和行政诉讼案件
    → 行政复议案件."""
    first, last = items[0], items[-1]
    if len(last) < len(first) and not first.endswith(last):  # the later item lacks the opening words
        items = [*items[:-1], first[:len(first) - len(last)] + last]
    elif len(first) < len(last) and not last.startswith(first):  # the earlier lacks the head noun
        items = [first + last[len(first):], *items[1:]]
    return items


def _sentence_before(c: _Clause, rules: _Rules) -> str:
    """The name of the statistic just before q in its sentence (接警出动1860起，同比……)."""
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(c.text, 0, c.q.start)), default=0)
    earlier = [x for x in facts.find(c.text) if sentence_start <= x.start and x.end <= c.q.start]
    if not earlier:
        return ""
    previous = earlier[-1]
    words = _words_before(c.text, previous, rules)
    _, obj = _split_at_last_verb(words, rules)
    whole = _tidy(words, rules)
    return whole if whole and not meaningless(whole) else obj if obj and not meaningless(obj) else ""


def _root(c: _Clause, rules: _Rules) -> str:
    """The words that name the first of a run of statistics q belongs to (12类86个品种共2万件)."""
    previous = facts.previous_in_clause(c.text, c.q)
    while previous is not None:
        words = _words_before(c.text, previous, rules)
        verb, obj = _split_at_last_verb(words, rules)
        if obj and not meaningless(obj):
            return obj
        if verb:
            return verb
        previous = facts.previous_in_clause(c.text, previous)
    return ""


# ---------------------------------------------------------------- words around the number


def _clean(words: str) -> str:
    return _NOT_IN_NAME.sub("", words)


def _unmarked(words: str) -> str:
    """Spaces and marks out but quotes: a quoted term (“双随机、一公开”) stays one word."""
    words = _QUOTED.sub(lambda m: re.sub(r"[、，,]", "", m.group()), words)
    return _NOT_IN_WORDS.sub("", words)


def _words_before(text: str, q: facts.Quantity, rules: _Rules, whole: bool = False) -> str:
    """The clause's words before q: from the last clause end, statistic or date, spaces and
    marks out, fillers off the start and endings (达, 为, 共计) off the end."""
    ends = [x.end for x in facts.find(text) if x.end <= q.start]
    ends += [end for _, end, reason in facts.non_statistics(text) if end <= q.start and reason not in rules.keep_reasons]
    start = max(ends, default=0)
    head = text[start:q.start]
    clause = list(_CLAUSE_END.finditer(_QUOTED.sub(lambda m: "“" * len(m.group()), head)))
    if clause:
        head = head[clause[-1].end():]
    return _tidy(head, rules, examples=not whole)


def _words_after(text: str, q: facts.Quantity, rules: _Rules) -> str:
    """The words after q naming what it counts (16家|重大危险源企业|全覆盖检查), up to a verb;
    an aside is passed over (7个乡镇（街道）综合应急预案)."""
    following = [x.start for x in facts.find(text) if x.start >= q.end]
    tail = re.sub(r"[（(][^（）()]*[）)]", "", text[q.end:following[0] if following else len(text)])
    end = _CLAUSE_END.search(tail)
    tail = _clean(tail[:end.start()] if end else tail).removeprefix("的")
    cut = min((tail.find(w) for w in rules.after_stops if tail.find(w) >= 1), default=len(tail))
    words = _without_fillers(tail[:cut], rules)
    return "" if is_verb(words, rules) else words


def _tidy(words: str, rules: _Rules, examples: bool = True) -> str:
    """Words as a name: marks out; fillers off the start, a year's 年 and a leading 等
    (《……条例》|等法律法规) too; endings off the end; of 甲、乙等丙 only 丙 (unless examples
    is False); no digits (12350热线)."""
    words = re.sub(r"[0-9０-９]+", "", _without_fillers(_unmarked(words), rules))
    words = re.sub(r"^(?:年(?!度)|等|的)", "", words)
    if examples and "等" in words[1:-2]:
        words = words[words.rindex("等") + 1:]
    words = _without_fillers(words, rules)
    changed = True
    while changed:
        changed = False
        for end in rules.endings:
            if words.endswith(end) and len(words) > len(end) + 1 and not any(
                    words.endswith(w) and len(w) > len(end) for w in rules.whole_words):
                words, changed = words[:-len(end)], True
                break
    return words


def _without_fillers(words: str, rules: _Rules) -> str:
    while True:
        word = next((w for w in rules.fillers if words.startswith(w) and len(words) > len(w) + 1
                     and not any(words.startswith(k) and len(k) > len(w) and k.startswith(w) for k in rules.whole_words)),
                    None)
        if word is None:
            return words
        words = words[len(word):]


def _split_at_last_verb(words: str, rules: _Rules) -> tuple[str, str]:
    """(the verb, what follows it) at the clause's last verb that leaves two characters or
    more: 全年立案查处|行政处罚案件 → (立案查处, 行政处罚案件); (“”, words) with no verb; (verb,
    “”) when the words are a verb. A verb inside a whole word (在线|观看 is one) is no verb."""
    if is_verb(_clean(words), rules):
        counting = next((v for v in rules.counting if words.startswith(v) and is_verb(words[len(v):], rules)), "")
        return words[len(counting):], ""  # (累计)培训
    ending = next((v for v in rules.verbs if words.endswith(v) and len(words) > len(v)), None)
    if ending and not any(words.endswith(w) and len(w) > len(ending) for w in rules.whole_words):
        start = len(words) - len(ending)  # 在城区建成|5个应急避难场所: the words name a place, not the thing
        while start > 0:
            before = next((v for v in rules.verbs if words[:start].endswith(v)), None)
            if before is None:
                break
            start -= len(before)
        return words[start:], ""
    inside = [(m.start(), m.start() + len(w)) for w in rules.whole_words for m in re.finditer(re.escape(w), words)]
    inside += [(m.start(), m.end()) for m in _QUOTED.finditer(words)]
    best: tuple[int, int] | None = None
    for verb in rules.verbs:
        for m in re.finditer(re.escape(verb), words):
            start, end = m.start(), m.end()
            if any(a < start < b or a < end < b for a, b in inside):
                continue
            while end < len(words) and words[end] in rules.complements and len(words) - end > 2:
                end += 1
            if len(words) - end >= 2 and (best is None or start > best[0] or (start == best[0] and end > best[1])):
                best = (start, end)
    if best is None:
        return "", words
    start, end = best
    covering = next((v for v in rules.verbs if len(v) > 2 and words[:start + 2].endswith(v)), None)
    if covering:  # 集体学习, not 学习
        start = start + 2 - len(covering)
    while start > 0:  # the verbs before it too: 修订完善|14项 (not 累计: it only counts)
        before = next((v for v in rules.verbs if words[:start].endswith(v) and v not in rules.counting), None)
        if before is None:
            break
        start -= len(before)
    return words[start:end], _tidy(words[end:], rules)


def _leading_verb(words: str, rules: _Rules) -> str:
    """The longest run of verbs words opens with (参加|全市执法人员法律知识考试)."""
    best = ""
    for n in range(2, len(words) + 1):
        if is_verb(words[:n], rules):
            best = words[:n]
    return best


def _short(name: str, rules: _Rules) -> str:
    """A long name without its opening verbs, then cut after its last joining word
    (燃气等|专业应急救援队伍), never inside a word; one that cannot be cut so stays whole."""
    if len(name) <= rules.max_length:
        return name
    verb = _leading_verb(name, rules)
    if verb and len(name) - len(verb) >= 4:  # 汇总收纳|应急管理领域常用法律法规
        name = _without_fillers(name[len(verb):], rules)
        if len(name) <= rules.max_length:
            return name
    for at in sorted((m.end() for c in rules.connectors for m in re.finditer(re.escape(c), name)), reverse=True):
        rest = name[at:]
        if 2 <= len(rest) <= rules.max_length and not meaningless(rest):
            return rest
    for at in sorted((m.end() for v in rules.verbs for m in re.finditer(re.escape(v), name)), reverse=True):
        rest = name[at:]  # 邀请法学专家为全局干部职工讲授|习近平法治思想专题辅导课
        if 4 <= len(rest) <= rules.max_length + 4 and not meaningless(rest):
            return rest
    return name


def _place(text: str, q: facts.Quantity, rules: _Rules) -> str:
    """第2段第3个数字（家）: where the number stands in its text, and its measure word."""
    start = text.rfind("\n\n", 0, q.start)
    paragraph = text[:q.start].count("\n\n") + 1
    nth = sum(1 for x in facts.find(text) if start < x.start <= q.start)
    return (rules.place.replace("{段}", str(paragraph)).replace("{个}", str(nth))
            .replace("{单位}", q.unit or "数").replace("（数）", ""))
