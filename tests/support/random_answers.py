"""Random, type-valid answers from the real ontology, in every outline shape.

Values are drawn from small pools of plausible clerk's text (written for these tests, not
taken from any report) and from the awkward corners of each type: zero, zero after a non-zero
last year, changes that round to 0%, 80余 and 1.1万, blank or punctuation-only list items,
leading and trailing marks, multi-line text. Every value passes the answers file's checks.
"""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

from drafter.answers import Answers, Group, Outline, Part, ReportMeta, SectionRef, _Reader, check_field_value
from drafter.errors import DrafterError
from drafter.fields import FieldSpec
from drafter.ontology import Ontology

STYLES = ("headings", "plain", "enumerate", "enumerate_inline")

PHRASES = [
    "加强执法人员业务培训", "推动企业落实安全生产主体责任", "开展重点行业领域专项检查",
    "完善行政执法公示制度", "组织执法案卷交叉评查", "健全应急预案体系",
    "落实“谁执法谁普法”普法责任制", "深化安全生产领域改革", "规范行政许可办理流程",
    "强化基层应急能力建设", "督促企业开展隐患自查自改", "提升执法规范化水平",
]
ODD_TEXT = [
    "，开展专项整治", "落实整改措施；", "完善制度、", "《安全生产法》宣传", "严格执法。",
    "推进“三项制度”", "建立台账：", "坚持问题导向！", "全面排查（含小微企业）",
]
BLANK = ["", " ", "，", "。", "、"]
NAMES = ["安全生产监督检查计划", "《应急管理行政执法规范》", "行政处罚自由裁量基准", "执法全过程记录办法"]


class Draw:
    def __init__(self, seed: int):
        self.r = random.Random(seed)

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def phrase(self) -> str:
        return self.r.choice(ODD_TEXT) if self.chance(0.2) else self.r.choice(PHRASES)

    def count(self) -> Any:
        kind = self.r.random()
        if kind < 0.15:
            return 0
        if kind < 0.25:
            return self.r.choice(["80余", "3万余", "1.1万", "近200", "约50"])
        return self.r.choice([1, 2, 3, self.r.randint(4, 99), self.r.randint(100, 20000)])

    def amount(self) -> Any:
        return self.r.choice([0, 0.5, 12.34, self.r.randint(1, 5000) + self.r.randint(0, 99) / 100])

    def text_list(self) -> list[str]:
        out = [self.phrase() for _ in range(self.r.choice([1, 1, 2, 3, 4]))]
        if self.chance(0.2):
            out.insert(self.r.randrange(len(out) + 1), self.r.choice(BLANK))
        return out

    def scalar(self, spec: FieldSpec) -> Any:
        t = spec.type
        if t == "count":
            return self.count()
        if t in ("money", "number"):
            return self.amount()
        if t == "percent":
            return self.r.choice([0, 100, 98.5, 61.25, self.r.randint(1, 99)])
        if t == "year":
            return self.r.choice([2019, 2021, 2023])
        if t == "month":
            return self.r.randint(1, 12)
        if t == "serial":
            return self.r.randint(1, 120)
        if t == "date":
            return dt.date(2023, self.r.randint(1, 12), self.r.randint(1, 28))
        if t == "text":
            return self.phrase()
        if t == "textblock":
            return "\n".join(self.phrase() for _ in range(self.r.choice([1, 2, 3])))
        if t == "items":
            return self.text_list()
        if t == "docs":
            return [self.r.choice(NAMES) for _ in range(self.r.choice([1, 2]))] + ([""] if self.chance(0.1) else [])
        if t == "choice":
            return self.r.choice(spec.options)
        if t == "multichoice":
            return self.r.sample(spec.options, self.r.randint(1, len(spec.options)))
        if t == "flag":
            return self.chance(0.7)
        raise AssertionError(t)

    def value(self, spec: FieldSpec) -> Any:
        if spec.type == "records":
            return [{sub.id: self.scalar(sub) for sub in spec.fields if self.chance(0.6)}
                    for _ in range(self.r.choice([1, 1, 2, 3]))]
        return self.scalar(spec)

    def previous(self, spec: FieldSpec, current: Any) -> Any:
        """Last year's value for a compared field: equal, close, zero, or far."""
        if not isinstance(current, (int, float)) or isinstance(current, bool):
            return self.scalar(spec)
        kind = self.r.random()
        if kind < 0.2:
            return current
        if kind < 0.4 and current:
            return current + (1 if spec.type == "count" else 0.01)  # rounds to a 0% change
        if kind < 0.55 and current == 0:
            return self.r.randint(1, 500)  # dropped to zero
        return self.scalar(spec)


def _checked(raw: dict, section, reader: _Reader) -> dict:
    out = {}
    for spec in section.fields:
        value = raw.get(spec.id)
        try:
            out[spec.id] = check_field_value(value, spec, reader, raw, spec.id, spec.id)
        except DrafterError:
            out[spec.id] = None  # a drawn value the answers file would refuse is not drawn
    return out


def section_values(draw: Draw, section) -> tuple[dict, dict]:
    reader = _Reader(Path("random.yaml"))
    fields = section.fields
    filled = [s for s in fields if draw.chance(0.5)] or [draw.r.choice(fields)]
    raw = {s.id: draw.value(s) for s in filled}
    prev = {s.id: draw.previous(s, raw.get(s.id)) for s in fields if s.compare and draw.chance(0.6)}
    return _checked(raw, section, reader), _checked(prev, section, reader)


def _entries(draw: Draw, ids: list[str], depth: int) -> list[SectionRef | Group]:
    out: list[SectionRef | Group] = []
    i = 0
    while i < len(ids):
        if depth < 2 and len(ids) - i >= 2 and draw.chance(0.3):
            n = draw.r.randint(2, min(4, len(ids) - i))
            out.append(Group(heading=draw.phrase().strip("，；、：。！"), style=draw.r.choice(STYLES),
                             members=_entries(draw, ids[i:i + n], depth + 1)))
            i += n
        else:
            heading = draw.phrase().strip("，；、：。！") if draw.chance(0.3) else None
            out.append(SectionRef(ids[i], heading=heading))
            i += 1
    return out


def random_answers(seed: int, ontology: Ontology) -> Answers:
    draw = Draw(seed)
    ids = draw.r.sample(sorted(ontology.sections), draw.r.randint(1, 8))
    parts: list[Part] = []
    if "intro" in ids:  # the opening paragraph (its lead-in ends with a colon) opens the report
        ids.remove("intro")
        ids = ["intro", *(ids or draw.r.sample(sorted(set(ontology.sections) - {"intro"}), 1))]
    if draw.chance(0.3) or ids[0] == "intro":
        parts.append(Part(heading=None, sections=[SectionRef(ids.pop(0))], style=draw.r.choice(STYLES)))
    while ids:
        n = draw.r.randint(1, min(5, len(ids)))
        parts.append(Part(heading=draw.phrase().strip("，；、：。！"), style=draw.r.choice(STYLES),
                          sections=_entries(draw, ids[:n], 0)))
        ids = ids[n:]
    values, previous = {}, {}
    for part in parts:
        for ref in part.section_refs():
            values[ref.id], previous[ref.id] = section_values(draw, ontology.sections[ref.id])
    outline = Outline(parts=parts, numbering=draw.r.choice(["restart", "continuous"]), run_in=draw.chance(0.5))
    meta = ReportMeta(issuer="测试县应急管理局", year=2023, region="全县")
    return Answers(path=Path("random.yaml"), meta=meta, outline=outline, values=values, previous=previous)
