"""Which ontology section a block of the report is: scored by its heading AND its body.

The cues are the ontology's own data: each section's heading and `variants` (compared with
the block's heading), and its `cues` keywords, summary and field prompts (compared with the
block's text, weighted by how rare each character pair is across sections, so that 法治 or
安全 says little and 听证 or 预案 says much). Headings can mislead — a heading that reads
like one section over a body about another — so the body counts too.

Each section is used once: the pairs (block, section) are taken best first, and a block whose
best free section scores below the guess threshold stays an own section with its heading.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from drafter import datafiles
from drafter.ontology import Ontology, Section

_NOT_TEXT = re.compile(r"[^\u4e00-\u9fa5A-Za-z]")
POSITIONAL = ("opening", "closing")  # roles placed by where they stand, never by score


def bigrams(text: str) -> list[str]:
    t = _NOT_TEXT.sub("|", text)
    return [t[i:i + 2] for i in range(len(t) - 1) if "|" not in t[i:i + 2]]


@functools.lru_cache(maxsize=4096)
def _pairs(text: str) -> Counter:
    return Counter(bigrams(text))


def dice(a: str, b: str) -> float:
    x, y = _pairs(a), _pairs(b)
    total = sum(x.values()) + sum(y.values())
    return 2 * sum((x & y).values()) / total if total else 0.0


def cues(section: Section, ontology: Ontology) -> list[str]:
    return list(section.cues)


def _shape_headings(root: Path) -> dict[str, tuple[str, ...]]:
    """Part headings of sections/_shapes.yaml that stand over one section (存在的不足和原因 →
    problems): more ways of writing that section's heading. Read by the one table loader;
    an ontology without shapes has none."""
    return datafiles.derived("_shapes.yaml", _headings_of_shapes, root, builtin=False, missing={})


def _headings_of_shapes(raw: dict, path: Path) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for shape in (raw.get("shapes") or {}).values():
        for part in shape.get("parts") or []:
            ids = part.get("sections") or []
            if part.get("heading"):  # "" collects the headings over several sections
                out.setdefault(str(ids[0]) if len(ids) == 1 else "", []).append(str(part["heading"]))
    return {k: tuple(v) for k, v in out.items()}


_ROOT: list[Path] = []  # the ontology folder in use, for the shapes' headings


def heading_texts(section: Section) -> list[str]:
    extra = list(_shape_headings(_ROOT[0]).get(section.id, ())) if _ROOT else []
    return [h for h in [section.heading, *section.variants, *extra] if not h.startswith("（")]


@dataclass
class Profiles:
    ontology: Ontology
    vectors: dict[str, dict[str, float]]
    idf: dict[str, float]
    cue_words: dict[str, list[str]]
    norms: dict[str, float] = None  # type: ignore[assignment]

    def __post_init__(self):
        self.norms = {sid: _norm(v) for sid, v in self.vectors.items()}

    @classmethod
    def build(cls, ontology: Ontology) -> Profiles:
        return _profiles(ontology)

    def body_score(self, text: str, sid: str) -> float:
        return self.body_scores(text)[sid]

    def body_scores(self, text: str) -> dict[str, float]:
        """Every section's body score for one text, the text's vector computed once."""
        vec = self._vector(Counter(bigrams(text)))
        norm = _norm(vec)
        out = {}
        for sid, prof in self.vectors.items():
            small, large = (vec, prof) if len(vec) < len(prof) else (prof, vec)
            dot = sum(w * large.get(g, 0.0) for g, w in small.items())
            cos = dot / (norm * self.norms[sid]) if vec and prof else 0.0
            hits = sum(1 for c in self.cue_words.get(sid, []) if c in text)
            out[sid] = min(1.0, cos * 2.5 + 0.15 * hits)
        return out

    def _vector(self, counts: Counter) -> dict[str, float]:
        return {g: (1 + math.log(n)) * self.idf[g] for g, n in counts.items() if g in self.idf}


def _norm(vec: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in vec.values())) or 1.0


_CACHE: dict[int, tuple[Ontology, Profiles]] = {}


def _profiles(ontology: Ontology) -> Profiles:
    hit = _CACHE.get(id(ontology))
    if hit and hit[0] is ontology:
        _ROOT[:] = [ontology.root]
        return hit[1]
    profiles = _make_profiles(ontology)
    _CACHE.clear()
    _CACHE[id(ontology)] = (ontology, profiles)
    return profiles


def _make_profiles(ontology: Ontology) -> Profiles:
    _ROOT[:] = [ontology.root]
    docs: dict[str, Counter] = {}
    cue_words: dict[str, list[str]] = {}
    for sid, s in ontology.sections.items():
        if s.role in POSITIONAL:
            continue
        words = cues(s, ontology)
        cue_words[sid] = words
        text = " ".join([*heading_texts(s) * 2, s.summary, *(f.prompt for f in _all_fields(s.fields)), *words * 3])
        docs[sid] = Counter(bigrams(text))
    df = Counter(g for c in docs.values() for g in c)
    n = len(docs)
    idf = {g: math.log((n + 1) / (k + 0.5)) for g, k in df.items()}
    vectors = {sid: {g: (1 + math.log(k)) * idf[g] for g, k in c.items()} for sid, c in docs.items()}
    return Profiles(ontology, vectors, idf, cue_words)


def _all_fields(fields):
    for f in fields:
        yield f
        yield from _all_fields(f.fields)


def container_headings() -> tuple[str, ...]:
    """Shape part headings that stand over several sections (主要举措和成效)."""
    return _shape_headings(_ROOT[0]).get("", ()) if _ROOT else ()


def heading_score(heading: str | None, section: Section) -> float:
    if not heading:
        return 0.0
    plain = re.sub(r"[0-9０-９]+", "", heading)
    return max((dice(plain, re.sub(r"[0-9０-９]+", "", h)) for h in heading_texts(section)), default=0.0)


@dataclass
class Candidate:
    key: int
    heading: str | None
    body: str


@dataclass
class Choice:
    section: str | None
    score: float
    heading_score: float
    body_score: float
    runner_up: str | None = None


def score(profiles: Profiles, cand: Candidate, sid: str, heading_weight: float, body_weight: float,
          bodies: dict[str, float] | None = None) -> tuple[float, float, float]:
    section = profiles.ontology.sections[sid]
    h = heading_score(cand.heading, section)
    b = (bodies or profiles.body_scores(cand.body))[sid]
    if not cand.heading:
        return b, 0.0, b
    # a heading that matches a variant exactly is near certain; otherwise both count
    return heading_weight * h + body_weight * b, h, b


def assign(profiles: Profiles, candidates: list[Candidate], allowed: dict[int, list[str]],
           heading_weight: float, body_weight: float, guess: float) -> dict[int, Choice]:
    """Best pairs first; each section once; below `guess` a block stays unassigned."""
    pairs = []
    best: dict[int, list[tuple[float, str]]] = {}
    for cand in candidates:
        bodies = profiles.body_scores(cand.body)
        for sid in allowed.get(cand.key, []):
            total, h, b = score(profiles, cand, sid, heading_weight, body_weight, bodies)
            pairs.append((total, h, b, cand.key, sid))
            best.setdefault(cand.key, []).append((total, sid))
    pairs.sort(key=lambda p: -p[0])
    taken: set[str] = set()
    out: dict[int, Choice] = {}
    for total, h, b, key, sid in pairs:
        if key in out or sid in taken or total < guess:
            continue
        ranked = sorted(best[key], reverse=True)
        runner = next((s for t, s in ranked if s != sid), None)
        out[key] = Choice(sid, total, h, b, runner)
        taken.add(sid)
    for cand in candidates:
        if cand.key not in out:
            ranked = sorted(best.get(cand.key, []), reverse=True)
            out[cand.key] = Choice(None, ranked[0][0] if ranked else 0.0, 0.0, 0.0, ranked[0][1] if ranked else None)
    return out
