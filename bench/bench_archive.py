"""Archive mode: `compare --all` over a synthetic archive of 1,000 reports.

The archive is made by varying the bundled reports: 10 years x 100 named documents
(think a national body and its provincial federations), each copy with its figures
shifted and a sentence dropped now and then, so every pair has real changes.
Prints the wall time and peak memory of the whole run (median of several runs).
Run: python bench/bench_archive.py [DOCUMENTS] [YEARS]
"""

from __future__ import annotations

import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_archive(folder: Path, documents: int, years: int) -> int:
    texts = [(ROOT / "reports" / y / "report.txt").read_text(encoding="utf-8") for y in ("2020", "2021")]
    rng = random.Random(20201124)
    count = 0
    for y in range(years):
        year = folder / str(2010 + y)
        year.mkdir(parents=True)
        for d in range(documents):
            text = texts[(y + d) % 2]
            text = re.sub(r"\d+\.\d+", lambda m: f"{float(m.group()) * rng.uniform(0.8, 1.25):.2f}", text)
            sentences = text.split("。")
            if len(sentences) > 10:
                sentences.pop(rng.randrange(len(sentences)))
            (year / f"doc{d:03d}.txt").write_text("。".join(sentences), encoding="utf-8")
            count += 1
    return count


def main() -> None:
    documents = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    years = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        count = make_archive(folder, documents, years)
        times, peaks = [], []
        for _ in range(3):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "compare", "--all", "--reports-dir", str(folder), "--format", "json"],
                capture_output=True, check=False,
            )  # fmt: skip
            times.append(time.perf_counter() - t0)
            if proc.returncode != 0:
                sys.exit(f"compare --all failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            peaks.append(max(after.ru_maxrss, before.ru_maxrss) / 1024)
        pairs = documents * (years - 1)
        print(
            f"archive: {count} reports, {pairs} comparisons, median {statistics.median(times):.1f} s "
            f"over {len(times)} runs ({pairs / statistics.median(times):.0f} comparisons/s), "
            f"peak RSS of one process {max(peaks):.0f} MB, output {len(proc.stdout) / 1048576:.1f} MB"
        )


if __name__ == "__main__":
    main()
