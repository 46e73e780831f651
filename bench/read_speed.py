"""How fast do the readers read a long report?

    python bench/read_speed.py [--pages 20] [--runs 5]

Builds a .docx of --pages pages (40 paragraphs a page: Word-numbered headings at four levels,
body paragraphs with numbers, a table every page, some paragraphs broken at page ends) with
python-docx, then times drafter.readers.read on it in this process, and once in a new process
(what `drafter import` or `drafter check` pays, start-up included). Also times the same text as
a traditional-character .txt (OpenCC conversion). Medians in milliseconds.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support import wordml  # noqa: E402

SENTENCE = "全年共检查生产经营单位{n}家次，查处各类隐患{m}项，立案查处违法行为{k}起，罚款{w}万元，同比增长{p}%。"


def build(pages: int) -> tuple[bytes, str]:
    document = wordml.new_document()
    wordml.add_numbering(document, 70, wordml.OFFICIAL_LEVELS, num_ids=(70,))
    lines = []
    n = 0
    for page in range(pages):
        wordml.numbered(document, f"第{page + 1}部分工作情况", 70, 0)
        for _item in range(3):
            wordml.numbered(document, "加强依法行政工作", 70, 1)
            for _ in range(11):
                n += 1
                text = SENTENCE.format(n=n, m=n * 3, k=n % 17, w=n / 10, p=n % 9) * 2
                if n % 25 == 0:  # a paragraph broken by a page end
                    document.add_paragraph(text[:40])
                    document.add_paragraph(text[40:])
                else:
                    document.add_paragraph(text)
                lines.append(text)
            wordml.numbered(document, "完善制度", 70, 2)
        table = document.add_table(rows=3, cols=3)
        for i, cell in enumerate(table._cells):
            cell.text = f"{i * page}件"
    return wordml.to_bytes(document), "\n".join(lines)


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from drafter.readers import read
    from drafter.readers.cleanup import _Simplifier

    folder = Path(tempfile.mkdtemp())
    data, text = build(args.pages)
    report = folder / "report.docx"
    report.write_bytes(data)
    traditional = folder / "report.txt"
    traditional.write_text(_Simplifier.convert(text).replace("检查", "檢查").replace("违法", "違法")
                           .replace("罚款", "罰款").replace("长", "長"), encoding="utf-8")
    source = read(report)
    print(f"{args.pages} pages: {len(source.blocks)} blocks, {len(data) // 1024} KB .docx; notes: {source.notes}")
    print(f"read .docx in process      {median_ms(lambda: read(report), args.runs):8.1f} ms")
    print(f"read traditional .txt      {median_ms(lambda: read(traditional), args.runs):8.1f} ms")
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from drafter.readers import read; read(__import__('pathlib').Path({str(report)!r}))"
    cold = median_ms(lambda: subprocess.run([sys.executable, "-c", code], check=True), args.runs)
    print(f"read .docx in a new process {cold:7.1f} ms")


if __name__ == "__main__":
    main()
