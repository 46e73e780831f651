"""Tidying shared by every reader, ontology-free: each step counted into Source.notes.

Order matters: traditional characters become simplified before the furniture words (stored
simplified) are matched, and furniture and page numbers go before broken paragraphs are joined.
Furniture inside a line (a page copied as one run-on line) goes after the whole furniture lines,
so that a line of furniture in mid-report, which the edge rule keeps, stays as it is.
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import ClassVar

from drafter.readers import furniture as furniture_mod
from drafter.readers.source import Source, SourceBlock, table_text

# --- whitespace ----------------------------------------------------------------------------
_ODD_SPACES = re.compile(r"[\u3000\u00a0\u2000-\u200a\u202f\u205f]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d\u2018\u2019\u2014\u2026"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}]) (?=\S)|(?<=\S) (?=[{_CJK}])")


def normalise_space(text: str) -> str:
    """One space between Latin words and digits, none next to Chinese characters or punctuation."""
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", _ODD_SPACES.sub(" ", text)).strip()
    return _SPACE_NEAR_CJK.sub("", text)


# --- traditional characters ----------------------------------------------------------------
TRADITIONAL_SHARE = 0.03  # of the hanzi; traditional prose changes ~20 %, simplified ~0 %
_HANZI = re.compile(r"[\u4e00-\u9fff]")


class _Simplifier:
    """OpenCC, phrase by phrase. Its standard (t2s) keeps 着 and 著 apart, as mainland traditional
    text does; the Taiwan usage most converters (and Word's 简转繁) follow writes 著 for both, so
    t2s leaves 著力 and 隨著 as 著. A text with 著 and no 着 is converted the Taiwan way (tw2s:
    著力 → 着力, 著作 stays), and the 著 words its dictionary lacks (卓著, 编著 …, listed in
    sections/_import.yaml) are put back."""
    _converters: ClassVar[dict] = {}

    @classmethod
    def converter(cls, config: str):
        if config not in cls._converters:
            import opencc  # loaded only when needed: its dictionaries take a moment

            cls._converters[config] = opencc.OpenCC(config)
        return cls._converters[config]

    @classmethod
    def convert(cls, text: str) -> str:
        return cls.converter("t2s").convert(text)

    @classmethod
    def for_text(cls, text: str):
        """The conversion for this whole text: the standard one, or the Taiwan one with its fix-ups."""
        if "著" not in text or "着" in text:
            return cls.convert
        converter, zhu = cls.converter("tw2s"), _zhu_words()
        wrong = re.compile("|".join(re.escape(w.replace("著", "着")) for w in zhu)) if zhu else None

        def convert(part: str) -> str:
            done = converter.convert(part)
            return wrong.sub(lambda m: m.group(0).replace("着", "著"), done) if wrong else done
        return convert


def _zhu_words() -> tuple[str, ...]:
    """The 著 (zhù) words the Taiwan conversion would get wrong: _import.yaml, traditional_zhu."""
    from drafter import datafiles

    data = datafiles.table("_import.yaml", missing={})
    return tuple(sorted((str(w) for w in data.get("traditional_zhu") or [] if "著" in str(w)), key=len, reverse=True))


def is_traditional(text: str) -> bool:
    hanzi = _HANZI.findall(text)
    if not hanzi:
        return False
    simplified = _Simplifier.convert("".join(hanzi))
    changed = sum(1 for a, b in zip(hanzi, simplified) if a != b)
    return changed >= 3 and changed / len(hanzi) >= TRADITIONAL_SHARE


# --- pinyin glosses ------------------------------------------------------------------------
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_SYLLABLES = rf"[a-zü{_TONED}]+(?:\s+[a-zü{_TONED}]+)*"
_PINYIN_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[（(]\s*(?=[a-zü{_TONED}\s]*[{_TONED}]){_SYLLABLES}\s*[)）]", re.I)


# --- page numbers ----------------------------------------------------------------------------
_PAGE_NUMBER = re.compile(
    r"^(?:[—–\-－─]+\s*\d{1,4}\s*[—–\-－─]+"
    r"|第\s*\d{1,4}\s*页\s*[，,/／]?\s*(?:共\s*\d{1,4}\s*页)?"
    r"|(?:共\s*\d{1,4}\s*页\s*[，,]?\s*)第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?"
    r"|\d{1,3})$", re.I)


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


# --- paragraphs broken by a page end ---------------------------------------------------------
# A line that opens with a heading number is never prose stopped mid-sentence, nor glued onto the
# line before. The heading numbers are the one grammar of sections/_import.yaml (headings, by
# drafter.structure.heading_grammar); the join alone also keeps apart what is no heading of a
# report there but opens a line of its own all the same: an article or chapter of a text quoted
# (第一条, 第二章) and ⑴ items.
_JOIN_ONLY = r"[⑴-⒇]|第[一二三四五六七八九十百]+[章节部分条]"
# 一是 / 第一是 open items inside prose: a line starting so may break at a page end like any other,
# but the line before it is not continued by it
_LIST_ONLY = r"第?[一二三四五六七八九十]+是|附件"


def _markers() -> tuple[re.Pattern, re.Pattern]:
    """(heading marker, list marker) from the heading grammar in use."""
    from drafter import structure

    return _compile_markers(structure.heading_grammar())


@functools.lru_cache(maxsize=4)
def _compile_markers(styles: tuple) -> tuple[re.Pattern, re.Pattern]:
    numbers = "|".join(f"(?:{style.pattern.pattern})" for style in styles)
    return re.compile(rf"(?:{numbers}|{_JOIN_ONLY})"), re.compile(rf"(?:{numbers}|{_JOIN_ONLY}|{_LIST_ONLY})")


_SENTENCE_END = "。！？；：…!?;:"
_CLOSERS = "”’」』）)】〕"
_PROSE = re.compile(r"[，。；,;]")
MIN_BROKEN_LENGTH = 15


def _heading_like(text: str) -> bool:
    return bool(_markers()[0].match(text)) and "。" not in text


def ends_broken(text: str) -> bool:
    """A paragraph of prose that stops mid-sentence."""
    core = text.rstrip(_CLOSERS)
    return (len(text) >= MIN_BROKEN_LENGTH and bool(core) and core[-1] not in _SENTENCE_END
            and bool(_PROSE.search(text)) and not _heading_like(text))


def _joinable(a: SourceBlock, b: SourceBlock) -> bool:
    plain = all(x.kind == "paragraph" and x.level is None and x.auto_number is None for x in (a, b))
    return plain and ends_broken(a.text) and not _markers()[1].match(b.text)


# --- the pass ------------------------------------------------------------------------------
def clean(source: Source) -> Source:
    notes = list(source.notes)
    texts = [b.text for b in source.blocks] + source.header_texts
    odd_spaces = sum(len(_ODD_SPACES.findall(t)) for t in texts)
    blocks = [_map_text(b, normalise_space) for b in source.blocks]
    headers = [normalise_space(t) for t in source.header_texts]
    if odd_spaces:
        notes.append(f"已将全角空格、不间断空格等规范为普通空格（{odd_spaces} 处）")

    whole = "".join(b.text for b in blocks) + "".join(headers)
    if is_traditional(whole):
        convert = _Simplifier.for_text(whole)
        blocks = [_map_text(b, convert) for b in blocks]
        headers = [convert(t) for t in headers]
        notes.append("已将繁体字转换为简体")

    glosses = sum(len(_PINYIN_GLOSS.findall(b.text)) for b in blocks)
    if glosses:
        blocks = [_map_text(b, lambda t: normalise_space(_PINYIN_GLOSS.sub("", t))) for b in blocks]
        notes.append(f"已删去字后括注的拼音 {glosses} 处")

    dropped = list(source.dropped)
    blocks, furniture_lines, page_lines = _drop_lines(blocks, dropped)
    if furniture_lines:
        notes.append(f"已略去网页栏目文字 {furniture_lines} 行")
    if page_lines:
        notes.append(f"已略去页码行 {page_lines} 行")

    blocks, inline = _drop_inline(blocks, dropped)
    if inline:
        notes.append(f"已略去夹在正文行中的网页栏目文字 {inline} 处")

    blocks, joins = _join_broken(blocks)
    if joins:
        notes.append(f"已合并被分页断开的段落 {joins} 处")
    headers = [h for h in headers if h and not is_page_number(h)]
    return replace(source, blocks=blocks, header_texts=headers, notes=notes, dropped=dropped)


def _map_text(block: SourceBlock, convert) -> SourceBlock:
    if block.rows is None:
        return replace(block, text=convert(block.text),
                       auto_number=convert(block.auto_number) if block.auto_number else None)
    rows = [[convert(cell) for cell in row] for row in block.rows]
    return replace(block, rows=rows, text=table_text(rows))


FURNITURE_EDGE = 15  # blocks at either end of the body where a website puts its furniture


def _drop_lines(blocks: list[SourceBlock], dropped: list[str]) -> tuple[list[SourceBlock], int, int]:
    """Furniture lines at the top or bottom of the body, page numbers anywhere."""
    furniture = furniture_mod.load()
    kept, furniture_lines, page_lines = [], 0, 0
    for position, block in enumerate(blocks):
        at_edge = position < FURNITURE_EDGE or position >= len(blocks) - FURNITURE_EDGE
        if block.kind == "paragraph" and block.auto_number is None:
            if at_edge and furniture.is_furniture(block.text):
                furniture_lines += 1
                dropped.append(block.text)
                continue
            if is_page_number(block.text):
                page_lines += 1
                dropped.append(block.text)
                continue
        if block.text or block.rows:
            kept.append(block)
    return kept, furniture_lines, page_lines


def _drop_inline(blocks: list[SourceBlock], dropped: list[str]) -> tuple[list[SourceBlock], int]:
    """Furniture inside a line (a page copied as one run-on line): taken out wherever it stands,
    the line split where it stood. A line that is furniture as a whole is the edge rule's."""
    furniture = furniture_mod.load()
    kept: list[SourceBlock] = []
    count = 0
    for block in blocks:
        if block.kind != "paragraph" or block.auto_number is not None or furniture.is_furniture(block.text):
            kept.append(block)
            continue
        pieces, removed = furniture.split_inline(block.text)
        if not removed:
            kept.append(block)
            continue
        count += len(removed)
        dropped.extend(removed)
        kept += [replace(block, text=piece) for piece in pieces]
    return kept, count


def _join_broken(blocks: list[SourceBlock]) -> tuple[list[SourceBlock], int]:
    joined: list[SourceBlock] = []
    count = 0
    for block in blocks:
        if joined and _joinable(joined[-1], block):
            joined[-1] = replace(joined[-1], text=joined[-1].text + block.text,
                                 bold=joined[-1].bold and block.bold)
            count += 1
        else:
            joined.append(block)
    return joined, count
