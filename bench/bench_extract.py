"""Extraction throughput: MB/s of report text through normalize + extract.

Builds a large input by repeating the bundled reports with their figures varied,
then prints the median of several runs. Run: python bench/bench_extract.py [MB]
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

from compare.extract import extract_metrics, extract_programs
from compare.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent


def corpus(target_mb: float) -> str:
    """The bundled reports repeated, each copy with its digits shifted so no two are equal."""
    texts = [(ROOT / "reports" / y / "report.txt").read_text(encoding="utf-8") for y in ("2020", "2021")]
    parts: list[str] = []
    size, i = 0, 0
    while size < target_mb * 1024 * 1024:
        shift = str(i % 9 + 1)
        varied = re.sub(r"\d", lambda m, s=shift: str((int(m.group()) + int(s)) % 10), texts[i % 2])
        parts.append(varied)
        size += len(varied.encode("utf-8"))
        i += 1
    return "\n\n".join(parts)


def main() -> None:
    target = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    text = corpus(target)
    mb = len(text.encode("utf-8")) / 1024 / 1024
    times, count = [], 0
    for _ in range(5):
        t0 = time.perf_counter()
        report = normalize(text)
        count = len(extract_metrics(report))
        extract_programs(report)
        times.append(time.perf_counter() - t0)
    median = statistics.median(times)
    runs = len(times)
    print(f"extract: {mb:.1f} MB, {count} figures, median {median:.2f} s over {runs} runs = {mb / median:.1f} MB/s")


if __name__ == "__main__":
    main()
