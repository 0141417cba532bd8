"""Peak memory of `compare REPORT --format json` on a large report (the goal: a 50 MB report under 400 MB).

Builds the report by repeating the bundled ones with their digits varied (bench_extract's corpus),
runs the installed CLI on it in a child process and prints the child's peak RSS and wall time.
Run: python bench/bench_memory.py [MB]
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import corpus


def main() -> None:
    target = float(sys.argv[1]) if len(sys.argv) > 1 else 50.0
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "big.txt"
        report.write_text(corpus(target * 0.99), encoding="utf-8")  # under COMPARE_MAX_MB's default 50
        mb = report.stat().st_size / 1048576
        out = Path(tmp) / "big.json"
        t0 = time.perf_counter()
        with out.open("wb") as sink:
            proc = subprocess.run(
                [sys.executable, "-m", "compare", str(report), "--format", "json"],
                stdout=sink, stderr=subprocess.PIPE, check=False, cwd=tmp,
            )  # fmt: skip
        wall = time.perf_counter() - t0
        if proc.returncode != 0:
            sys.exit(f"compare failed ({proc.returncode}): {proc.stderr.decode()[-300:]}")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        verdict = "ok" if peak < 400 else "over"
        print(
            f"memory: {mb:.1f} MB report, JSON {out.stat().st_size / 1048576:.0f} MB, {wall:.1f} s, "
            f"peak RSS {peak:.0f} MB (goal < 400 MB: {verdict})"
        )


if __name__ == "__main__":
    main()
