"""drafter new / drafter ask: walk the ontology's questions section by section."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from drafter import answers as answers_mod
from drafter import ontology as ontology_mod
from drafter import owntext, printed
from drafter.errors import DrafterError, Location
from drafter.fields import FieldSpec, FieldValueError, check_date, check_text, check_year
from drafter.ontology import Ontology, Section
from drafter.owntext import with_chosen_units
from drafter.shapes import build_outline, default_sections, load_shapes
from drafter.wizard.missing import Question, questions
from drafter.wizard.questions import LEFT_EMPTY, OWN_TEXT_EMPTY, Asker
from drafter.wizard.store import Store
from drafter.wizard.ui import BACK, Terminal
from drafter.wizard.wording import adapt, level_of
from drafter.yamlio import safe_filename
from drafter.yearly import wording

FINISH = object()


def _level(issuer: str) -> str:
    """市 / 区 / 县 from the bureau's name, for sensible defaults."""
    return level_of(issuer)


def default_year(today: dt.date | None = None) -> int:
    """Reports are written in December to February: before June, the year just ended."""
    today = today or dt.date.today()
    return today.year - 1 if today.month < 6 else today.year


def _ask_text(term: Terminal, message: str, *, default: str = "", required: bool = False,
              check: Callable[[str], object] | None = None, instruction: str = "") -> object:
    def validate(text: str) -> bool | str:
        if not text.strip():
            return "这一项必须填写" if required else True
        try:
            if check:
                check(text.strip())
            check_text(text, multiline=False)
        except FieldValueError as exc:
            return str(exc)
        return True
    return term.text(message, default=default, validate=validate,
                     instruction=instruction or "（回车确认；输入 < 返回上一题）")


SETUP_STEPS = ("issuer", "region", "year", "addressee", "shape", "sections")


def ask_metadata(term: Terminal, onto: Ontology, data: dict | None = None, start: int = 0,
                 on_answer: Callable[[str, dict], None] | None = None) -> dict | None:
    """The report's metadata, shape and sections, from step `start` on; each accepted answer
    goes to on_answer (with the next step's name) at once. None if the user went back from
    the first question."""
    data = data if data is not None else {}
    shapes = load_shapes(onto)
    i = start
    while i < len(SETUP_STEPS):
        step = SETUP_STEPS[i]
        level = _level(data.get("issuer", ""))
        if step == "issuer":
            answer = _ask_text(term, "发文机关全称（如 昆山市应急管理局）", default=data.get("issuer", ""), required=True)
        elif step == "region":
            answer = _ask_text(term, "正文中怎样称呼本辖区（如 全市、全区、全县）",
                               default=data.get("region", f"全{level}"))
        elif step == "year":
            answer = _ask_text(term, "报告年度", default=str(data.get("year", default_year())), required=True,
                               check=lambda t: check_year(t, None))
        elif step == "addressee":
            default = {"区": "区委、区政府", "县": "县委、县人民政府"}.get(level, "市委、市政府")
            answer = _ask_text(term, "主送机关（报告报送给谁；留空则不写）", default=data.get("addressee", default))
        elif step == "shape":
            term.say("报告结构：")
            for shape in shapes:
                term.say(f"  {shape.name}：{shape.description}")
            answer = term.select("选择报告结构", [(s.name, s.id) for s in shapes], default=data.get("shape", shapes[0].id))
        else:
            shape = _shape(shapes, data)
            defaults = set(data.get("sections") or default_sections(onto, shape))
            chosen: list[str] = []
            term.say("选择今年报告中要写的各节（以后可以用 drafter ask 补充，也可以在答案文件的 outline 中增删）：")
            for area in onto.areas:
                picked = term.checkbox(
                    f"【{area.title}】",
                    [(f"{s.heading}", s.id, s.id in defaults) for s in area.sections],
                )
                chosen += picked
            answer = chosen
        if answer is BACK:
            if i == 0:
                return None
            i -= 1
            continue
        data[step] = answer.strip() if isinstance(answer, str) else answer
        if step == "year":
            data["year"] = check_year(data["year"], None)
        i += 1
        if on_answer:
            on_answer(SETUP_STEPS[i] if i < len(SETUP_STEPS) else "", data)
    return data


def _shape(shapes, data: dict):
    return next((s for s in shapes if s.id == data.get("shape")), shapes[0])


class _Setup:
    """Writes the new file at the first accepted answer and keeps it in step with the
    metadata answers, so that nothing typed is lost. The file always loads: until they are
    answered, the outline follows the default shape and sections."""

    def __init__(self, path: Path | None, onto: Ontology, store: Store | None = None):
        self.path = path
        self.onto = onto
        self.store = store

    def __call__(self, next_step: str, data: dict) -> None:
        year = int(data.get("year") or default_year())
        shape = _shape(load_shapes(self.onto), data)
        sections = data.get("sections") or default_sections(self.onto, shape)
        report = {"issuer": data["issuer"], "region": data.get("region"), "year": year,
                  "addressee": data.get("addressee") or None}
        outline = build_outline(shape, sections, self.onto)
        if self.store is None:
            path = self.path or Path(safe_filename(f"{data['issuer']}{year}年报告答案", ".yaml"))
            if path.exists():
                raise DrafterError("文件已存在；要继续回答请用 drafter ask", Location(file=str(path)))
            self.store = Store.create(path, report, outline, f"{data['issuer']}{year}年法治政府建设年度报告")
            self.path = path
        else:
            self.store.set_setup(report, outline)
        self.store.set_setup_step(next_step or None, data.get("shape"))


def _setup_state(path: Path) -> tuple[dict, int] | None:
    """(answers so far, index of the next step) of a file whose setup was interrupted."""
    store = Store(path)
    step, shape = store.setup_step()
    if step not in SETUP_STEPS:
        return None
    report = store.load().data.get("report") or {}
    data = {k: report[k] for k in ("issuer", "region", "year", "addressee") if report.get(k) is not None}
    if shape:
        data["shape"] = shape
    return data, SETUP_STEPS.index(step)


def run_new(path: Path | None, term: Terminal) -> int:
    onto = ontology_mod.load()
    if path is not None and path.exists():
        raise DrafterError("文件已存在；要继续回答请用 drafter ask", Location(file=str(path)))
    term.say("欢迎使用 drafter。下面逐项提问，每答一题立即保存；随时可按 Ctrl+C 退出，下次用 drafter ask 继续。")
    setup = _Setup(path, onto)
    meta = ask_metadata(term, onto, on_answer=setup)
    if meta is None:
        term.say("已取消。")
        return 1
    return _after_setup(setup.path, meta, term, onto)


def _after_setup(path: Path, meta: dict, term: Terminal, onto: Ontology) -> int:
    text = wording(onto, meta["year"])
    opening = onto.role("opening")
    if opening and opening.id in meta["sections"] and text and opening.field("guiding") \
            and not Store(path).values(opening.id).get("guiding"):
        Store(path).set_value(opening.id, "guiding", text)  # offered as the default; the user may change it
    term.say(f"已创建答案文件：{path}")
    return walk(path, term, onto, None)


def run_ask(path: Path, sections: list[str] | None, term: Terminal, everything: bool = False) -> int:
    """Ask what this year still lacks; `everything`: walk every question; `sections`: re-ask those."""
    onto = ontology_mod.load()
    answers_mod.load(path, onto)  # a file with errors is reported before any question
    if sections:
        unknown = [s for s in sections if s not in onto.sections]
        if unknown:
            raise DrafterError(f"没有 id 为“{unknown[0]}”的章节；运行 drafter sections 查看全部章节")
    pending = _setup_state(path)
    if pending and not sections:
        data, step = pending
        term.say("继续回答报告的基本信息：")
        meta = ask_metadata(term, onto, data=data, start=step, on_answer=_Setup(path, onto, Store(path)))
        if meta is None:
            return 1
        return _after_setup(path, meta, term, onto)
    if sections or everything:
        return walk(path, term, onto, sections, everything=everything)
    return ask_missing(path, term, onto)


def missing_questions(path: Path, onto: Ontology, resume: bool = False) -> list[Question]:
    """The questions `drafter ask` would ask now, in order (also `drafter ask --list`).
    resume: only from where the last run of `drafter ask` stopped — what it went through
    before that was seen, answered or left empty on purpose, and waits for the next run."""
    answers = answers_mod.load(path, onto)
    store = Store(path)
    progress = store.progress()
    found = questions(answers, onto, set(progress["skipped"]), set(progress["done"]))
    at = store.at()
    order = answers.outline.section_ids()
    if not at.section or at.section in progress["done"] or at.section in progress["skipped"]:
        return found
    if at.asking != "missing":
        # a section left in the middle is taken up again at the exact question
        found = [q for q in found if q.section.id != at.section]
        if at.section in order:
            section = answers.section(at.section, onto)
            position = next((i for i, q in enumerate(found) if order.index(q.section.id) > order.index(at.section)),
                            len(found))
            found.insert(position, Question(section, "section"))
    if resume and at.asking and at.section in order:
        here = order.index(at.section)
        mine = [q for q in found if q.section.id == at.section]
        if at.asking == "missing" and at.field is not None:
            start = next((n for n, q in enumerate(mine) if q.kind != "section" and q.key == at.field
                          and (q.kind != "followup" or q.index == at.item)), 0)
            mine = mine[start:]
        found = mine + [q for q in found if order.index(q.section.id) > here]
    return found


def ask_missing(path: Path, term: Terminal, onto: Ontology) -> int:
    found = missing_questions(path, onto, resume=True)
    store, order = Store(path), _ontology_order(onto)
    if not found:
        store.set_at(None)
        term.say("今年的答案已经齐全：没有尚未填写的数字和整改情况。")
        return finish(path, term, onto)
    groups: list[tuple[Section, list[Question]]] = []
    for q in found:
        if groups and groups[-1][0].id == q.section.id:
            groups[-1][1].append(q)
        else:
            groups.append((q.section, [q]))
    term.say(f"今年还需要填写 {len(found)} 项（drafter ask --list 可列出清单；--all 逐题全部过一遍）。")
    asker = _asker(path, term, onto)
    i = 0
    while i < len(groups):
        section, qs = groups[i]
        if qs[0].kind == "section":
            result = ask_section(section, i, len(groups), store, asker, term, asking="section", order=order, onto=onto)
        else:
            result = ask_some(section, qs, i, len(groups), store, asker, term, order=order)
        if result is FINISH:
            term.say(f"已保存。下次运行 drafter ask {path} 从这里继续。")
            return 0
        i = max(0, i - 1) if result is BACK else i + 1
    store.set_at(None)  # went through to the end: the next run starts from the first missing question
    return finish(path, term, onto)


def _ontology_order(onto: Ontology) -> list[str]:
    return [s.id for area in onto.areas for s in area.sections]


def _asker(path: Path, term: Terminal, onto: Ontology) -> Asker:
    meta = answers_mod.load(path, onto).meta
    return Asker(term, lambda text: adapt(text, meta.issuer, meta.year, meta.region))


def _section_menu(section: Section, index: int, total: int, term: Terminal, what: str = "") -> object:
    term.say("")
    term.say(f"第 {index + 1}/{total} 节 · {section.heading}{what}")
    if section.summary:
        term.say(f"  {section.summary}")
    return term.select("本节：", [("填写本节", "fill"), ("跳过本节（今年不写，从报告提纲中去掉）", "skip"),
                                  ("保存并退出，稍后继续", "finish")], default="fill")


def _skip(section: Section, store: Store, term: Terminal) -> None:
    store.mark(section.id, "skipped")
    store.remove_from_outline(section.id)
    term.say(f"  已从今年的报告中去掉“{section.heading}”。")


def _unskip(section: Section, store: Store, term: Terminal, order: list[str]) -> None:
    """Filling a section skipped before (in this run, or the last) undoes the skip: it is no
    longer marked skipped and goes back into the outline where it stood."""
    if section.id in store.progress()["skipped"]:
        store.mark(section.id, None)
        store.restore_to_outline(section.id, order)
        term.say(f"  已把“{section.heading}”放回今年的报告。")


def ask_some(section: Section, qs: list[Question], index: int, total: int, store: Store, asker: Asker,
             term: Terminal, order: list[str] = ()) -> object:
    """Only the missing questions of a section that has answers."""
    at = store.at()
    if at.section == section.id and at.field is not None and at.asking == "missing":
        term.say("")  # where the last run stopped (missing_questions starts qs there)
        term.say(f"第 {index + 1}/{total} 节 · {section.heading}（从上次停下的问题继续）")
    else:
        store.set_at(section.id, None, asking="missing")
        action = _section_menu(section, index, total, term, f"（{len(qs)} 项待填）")
        if action is BACK or action == "finish":
            return FINISH if action == "finish" else BACK
        if action == "skip":
            _skip(section, store, term)
            return None
        _unskip(section, store, term, list(order))
    j = 0
    while j < len(qs):
        q = qs[j]
        store.set_at(section.id, q.key, q.index if q.kind == "followup" else None, asking="missing")
        if q.kind == "fact":
            result = asker.fact(q.spec, q.previous,
                                lambda v, q=q: store.set_fact(section.id, q.key, v, source=_source(asker)),
                                sentence=q.sentence)
        elif q.kind == "review":
            result = review(section, q, store, term)
        elif q.kind == "followup":
            records = [dict(r) for r in store.values(section.id).get(q.key) or []]
            term.say(f"  {q.title}")
            result = asker.fill_record(q.spec, records, q.index,
                                       lambda v, q=q: store.set_value(section.id, q.key, v))
        else:
            current = store.values(section.id).get(q.key)
            own = q.key in owntext.slot_names(str(store.values(section.id).get(owntext.TEXT) or ""))
            result = asker.field(q.spec, current, q.previous, _saver(store, section, q.spec, term, asker=asker),
                                 sentence=q.sentence,
                                 **({"empty": OWN_TEXT_EMPTY} if own else {}))
        if result is LEFT_EMPTY and q.kind in ("fact", "field"):
            result = left_empty(section, q, store, term)
        if result is BACK:
            if j == 0:
                store.set_at(section.id, None, asking="missing")  # back at the menu, not resuming
                return ask_some(section, qs, index, total, store, asker, term, order)
            j -= 1
            continue
        j += 1
    return None


_SLOT = re.compile(r"[{｛]([^{}｛｝|｜]+)(?:[|｜][^{}｛｝]*)?[}｝]")  # a slot as the clerk reads it: 【名称】


def left_empty(section: Section, q: Question, store: Store, term: Terminal) -> object:
    """A number of the bureau's own text left empty: fill it later (xx stays, check counts it)
    or take out the clause that states it, shown before it is saved."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    text = str(store.values(section.id).get(owntext.TEXT) or "")
    dropped = owntext.without_clause(text, q.key)
    if dropped is None:  # a template's number: left empty, it is not reported this year
        return None
    shown = _SLOT.sub(r"【\1】", dropped.clause)
    action = term.select(f"“{q.spec.prompt if q.spec else q.key}”留空：",
                         [("以后再填（报告中暂写 xx，drafter check 会列出）", "later"), (f"删去这一处：{shown}", "drop")],
                         default="later")
    if action is BACK:
        return BACK
    if action == "drop":
        after = _SLOT.sub(r"【\1】", dropped.sentence)
        term.say(f"  删去后：{after or '（这一整句删去）'}")
        if not term.confirm("确定删去吗？", default=True):
            return None
        new = dropped.text
        store.set_value(section.id, owntext.TEXT, LiteralScalarString(new) if "\n" in new else new)
        if q.kind == "fact" and q.key not in owntext.slot_names(new):
            store.drop_fact(section.id, q.key)
    return None


def review(section: Section, q: Question, store: Store, term: Terminal) -> object:
    """One paragraph carried from last year: still true (its mark goes), rewritten, or deleted."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    from drafter import carried

    text = str(store.values(section.id).get(owntext.TEXT) or "")
    words = carried.paragraph(text, q.title)
    if not words:
        return None  # handled by hand meanwhile (the file is read afresh each time)
    term.say("")
    term.say(f"  沿用上年的这段待{q.previous}：")
    term.say(f"  {words}")
    action = term.select("这段今年：", [("仍属实，保留", "keep"), ("改写", "rewrite"), ("删去这一段", "delete")],
                         default="rewrite" if q.previous.startswith(carried.REWRITE) else "keep")
    if action is BACK:
        return BACK
    new = None
    if action == "rewrite":
        new = term.text("改写为：", default=words, instruction="（可写多行，空行回车结束；输入 < 返回上一题）",
                        multiline=True)
        if new is BACK:
            return BACK
    changed = carried.resolve(text, q.title, action, new)
    store.set_value(section.id, owntext.TEXT, LiteralScalarString(changed) if "\n" in changed else changed)
    return None


def walk(path: Path, term: Terminal, onto: Ontology, chosen: list[str] | None, everything: bool = False) -> int:
    store = Store(path)
    answers = answers_mod.load(path, onto)
    order = chosen or answers.outline.section_ids()
    start = 0
    if not chosen:
        progress = store.progress()
        finished = set(progress["done"]) | set(progress["skipped"])
        at_section = store.at().section
        start = next((i for i, sid in enumerate(order) if sid not in finished), len(order))
        if at_section in order and at_section not in finished:
            start = order.index(at_section)  # where the last run stopped, to the question
    asker, every = _asker(path, term, onto), _ontology_order(onto)
    i = start
    while i < len(order):
        section = answers.section(order[i], onto)
        if not section.fields and not answers.facts.get(section.id):  # its text is edited in the file
            i += 1
            continue
        result = ask_section(section, i, len(order), store, asker, term, order=every, onto=onto, everything=everything)
        if result is FINISH:
            term.say(f"已保存。下次运行 drafter ask {path} 从这里继续。")
            return 0
        if result is BACK:
            i = max(0, i - 1)
            continue
        i += 1
    return finish(path, term, onto)


def ask_section(section: Section, index: int, total: int, store: Store, asker: Asker, term: Terminal, *,
                asking: str | None = None, order: list[str] = (), onto: Ontology | None = None,
                everything: bool = False) -> object:
    """A section, question by question. asking: set by `drafter ask`'s default run (see
    Position); order: the ontology's sections, to put a section skipped before back in place.
    Only what the report prints is asked (drafter.printed): the numbers the section's text or
    template prints and, in a template's section, its other fields; everything: every field."""
    at = store.at()
    resuming = at.section == section.id and at.field is not None
    if resuming:
        action = "fill"
        term.say("")
        term.say(f"第 {index + 1}/{total} 节 · {section.heading}（从上次停下的问题继续）")
    else:
        if asking:
            store.set_at(section.id, None, asking=asking)  # at the menu: resume here, not earlier
        action = _section_menu(section, index, total, term)
    if action is BACK:
        return BACK
    if action == "finish":
        return FINISH
    if action == "skip":
        _skip(section, store, term)
        return None
    _unskip(section, store, term, list(order))
    onto = onto or ontology_mod.load()
    steps = _steps(section, store, onto)
    j = next((k for k, (_, key) in enumerate(steps) if key == at.field), 0) if resuming else 0
    step = 1
    while 0 <= j < len(steps):
        kind, key = steps[j]
        shown = _printed(store, onto, section.id)
        if not everything and not _asked(section, kind, key, shown, store):
            j += step  # nothing in the report prints it: asked only with --all
            continue
        store.set_at(section.id, key, asking=asking)
        values = store.values(section.id)
        previous = dict(values.get(answers_mod.PREVIOUS_YEAR) or {})
        if kind == "fact":
            fact = _fact(store, onto, section.id, key)
            if fact is None:
                j += step
                continue
            before = (previous.get(owntext.FACTS) or {}).get(key)
            result = asker.fact(fact.spec, _previous_fact(key, before, fact), _fact_saver(store, section, key, term, onto, asker),
                                sentence=shown.sentence(printed.fact_key(key)), current=fact.value)
        else:
            spec = next(f for f in with_chosen_units(section.fields, values) if f.id == key)  # 起, once 起 is chosen
            result = asker.field(spec, values.get(spec.id), previous.get(spec.id),
                                 _saver(store, section, spec, term, onto, asker), sentence=shown.sentence(spec.id))
        if result is BACK:
            if not any(_asked(section, k, n, shown, store) or everything for k, n in steps[:j]):
                store.set_at(None)
                return ask_section(section, index, total, store, asker, term, asking=asking, order=order,
                                   onto=onto, everything=everything)
            j, step = j - 1, -1
            continue
        j, step = j + 1, 1
    store.mark(section.id, "done")
    store.set_at(None)
    return None


def _steps(section: Section, store: Store, onto: Ontology) -> list[tuple[str, str]]:
    """A section's questions: its fields, then the own facts of its text."""
    answers = answers_mod.load(store.path, onto)
    return [("field", f.id) for f in section.fields] + [("fact", name) for name in answers.facts.get(section.id) or {}]


def _printed(store: Store, onto: Ontology, sid: str) -> printed.Printed:
    """What the section prints, as the file stands now (an answer may change it: a choice, a trend)."""
    return printed.section(answers_mod.load(store.path, onto), onto, sid)


def _asked(section: Section, kind: str, key: str, shown: printed.Printed, store: Store) -> bool:
    """Asked without --all: a number the report prints; in a template's section, every other
    field too (the template writes them); in own text, nothing else (the text is the file's)."""
    from drafter import types

    if kind == "fact":
        return shown.prints(printed.fact_key(key))
    spec = section.field(key)
    if spec is None:
        return False
    if types.of(spec).numeric:
        return shown.prints(key)
    return shown.kind == printed.TEMPLATE


def _fact(store: Store, onto: Ontology, sid: str, name: str):
    return (answers_mod.load(store.path, onto).facts.get(sid) or {}).get(name)


def _previous_fact(name: str, before, fact) -> object:
    """Last year's value of an own fact, as its spec reads it."""
    if before is None:
        return None
    try:
        return owntext.parse_fact(name, before).value
    except Exception:  # noqa: BLE001 - an odd entry: no default, the question still stands
        return None


def _source(asker: Asker | None) -> str | None:
    """沿用上年 when the clerk typed `=`, else (None) the store's own: drafter ask and the date."""
    from drafter import sources

    return sources.same(sources.asked()) if asker is not None and asker.typed_same else None


def _fact_saver(store: Store, section: Section, name: str, term: Terminal, onto: Ontology,
                asker: Asker | None = None) -> Callable[[object], None]:
    def save(value: object) -> None:
        store.set_fact(section.id, name, value, source=_source(asker))
        if not _printed(store, onto, section.id).prints(printed.fact_key(name)):
            term.say(f"  提示：本节正文（text）没有用到“{name}”，这个数不会写入报告；如要写入，请在正文中加入 {{{name}}}")
    return save


def _saver(store: Store, section: Section, spec: FieldSpec, term: Terminal | None = None,
           onto: Ontology | None = None, asker: Asker | None = None) -> Callable[[object], None]:
    from drafter import types

    figure = types.of(spec).numeric

    def save(value: object) -> None:
        store.set_value(section.id, spec.id, value, source=_source(asker))
        if term is not None and figure:
            _consistency(store, section, spec, term)
            if onto is not None and value is not None:
                _unprinted(store, onto, section.id, spec.id, term)
    return save


def _unprinted(store: Store, onto: Ontology, sid: str, key: str, term: Terminal) -> None:
    """A value entered for a number nothing in the report prints: said at once, in one line."""
    found = next((u for u in printed.unprinted(answers_mod.load(store.path, onto), onto, sid) if u.key == key), None)
    if found is not None:
        term.say(f"  {found.line()}")


def _consistency(store: Store, section: Section, spec: FieldSpec, term: Terminal) -> None:
    """A part larger than its whole (本局 > 全系统), said at once; the value is kept."""
    from drafter import types
    from drafter.check.rules import broken_relations
    from drafter.fields import FieldValueError, is_empty

    values, current = {}, store.values(section.id)
    for field in section.fields:
        raw = current.get(field.id)
        if types.of(field).numeric and not is_empty(raw):
            try:
                values[field.id] = types.check(raw, field)
            except FieldValueError:  # an odd value is the validator's business, not this hint's
                continue
    for _, message in broken_relations(section.id, values):
        term.say(f"  提示：{message}。已保存，请核对。")


def ask_date(path: Path, term: Terminal, onto: Ontology) -> None:
    """The 成文日期, when it is not there yet (drafter next clears last year's): asked last,
    because it is the day the report is signed; left empty, it is asked again next time."""
    answers = answers_mod.load(path, onto)
    if answers.meta.date:
        return
    year = answers.meta.year

    def valid(text: str) -> bool | str:
        if not text.strip():
            return True
        try:
            when = check_date(text, None)  # type: ignore[arg-type]
        except FieldValueError as exc:
            return str(exc)
        return True if year is None or when.year in (year, year + 1) else f"成文日期应在 {year} 年或 {year + 1} 年"

    answer = term.text("成文日期", default="", validate=valid,
                       instruction=f"（如 {(year or dt.date.today().year) + 1}-01-15；留空以后再填，定稿前须填写）")
    if answer is BACK or not str(answer).strip():
        return
    Store(path).set_report("date", check_date(str(answer), None))  # type: ignore[arg-type]


def finish(path: Path, term: Terminal, onto: Ontology) -> int:
    from drafter.compose import compose

    ask_date(path, term, onto)
    answers = answers_mod.load(path, onto)
    result = compose(answers, onto)  # the summary is the build's own warnings: the two never disagree
    from drafter.check import ERROR
    from drafter.check.rules import missing_contents
    from drafter.check.view import from_answers

    # the same rule as drafter check, so that the three never disagree
    missing = [onto.contents[key] for key, severity in missing_contents(from_answers(path, onto, answers)) if severity == ERROR]
    term.say("")
    term.say("小结：")
    for warning in result.warnings:
        term.say(f"  {warning}")
    if missing:
        term.say("  法定内容尚缺：" + "；".join(m.split("：")[0] for m in missing))
    if not result.warnings and not missing:
        term.say("  所有章节都已处理，法定内容齐全。")
    if not term.confirm("现在生成 .docx 吗？", default=True):
        term.say(f"以后可运行：drafter build {path}")
        return 0
    from drafter.build import keep_edited, output_path, render, write_output
    from drafter.layout import profile_for
    from drafter.writers import WriteOptions

    options = WriteOptions(profile=profile_for(answers.document.data, path))
    default = str(path.with_name(safe_filename(answers.meta.display_title, ".docx")))
    while True:
        out = term.text("保存为", default=default,
                        instruction="（回车确认；扩展名决定格式：.docx、.md、.html、.pdf）")
        if out is BACK or not str(out).strip():
            return 0
        try:
            target, fmt = output_path(str(out).strip(), None, answers.meta.display_title)
            # a .docx edited in Word since drafter wrote it is kept: the report goes next to it
            target, note = keep_edited(target, fmt, explicit=False, force=False)
            written = write_output(target, render(result.document, fmt, options), inputs=(path,), protect=True)
        except DrafterError as exc:  # onto the answers file, a folder, a full disk: say so, ask again
            term.say(f"  {exc}")
            continue
        if note:
            term.say(f"  {note}")
        term.say(f"已生成：{written}")
        return 0
