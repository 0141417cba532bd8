"""Scale: the time of each stage on 1x, 10x and 100x report pairs, and its growth from 10x to 100x.

The pairs are the bundled 2020 and 2021 reports repeated (sections and text together), each
copy with its digits shifted so no two copies state the same figures. A growth exponent of 1.0
is linear; the goal is at most 1.3 for every stage, and the 100x pair end to end under 10 s.
Run: python bench/bench_scale.py [FACTORS ...]
"""

from __future__ import annotations

import io
import math
import re
import sys
import time
from dataclasses import replace
from pathlib import Path

from compare.align import align_metrics, align_programs, align_sections, align_targets
from compare.config import Config
from compare.diff import diff_sections
from compare.extract import extract_metrics, extract_programs
from compare.model import Comparison, Report
from compare.normalize import normalize
from compare.render import Format, render_comparison

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("normalize", "extract", "sections", "metrics", "programs", "targets", "diff", "json")


def repeated(year: str, times: int) -> str:
    text = (ROOT / "reports" / year / "report.txt").read_text(encoding="utf-8")
    copies = [re.sub(r"\d", lambda m, k=k: str((int(m.group()) + k) % 10), text) for k in range(times)]
    return "\n\n".join(copies)


def run(times: int) -> dict[str, float]:
    spent = dict.fromkeys(STAGES, 0.0)

    def timed(stage: str, fn, *args):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        out = fn(*args)
        spent[stage] += time.perf_counter() - t0
        return out

    config = Config()
    reports: list[Report] = []
    for year in ("2020", "2021"):
        text = repeated(year, times)
        report = timed("normalize", lambda t=text, y=year: normalize(t, year=y))
        report = timed(
            "extract",
            lambda r=report: replace(r, programs=extract_programs(r), metrics=extract_metrics(r)),
        )
        reports.append(report)
    base, new = reports
    sections = timed("sections", align_sections, base, new, config)
    metrics = timed("metrics", align_metrics, base, new, sections, config)
    programs = timed("programs", align_programs, base, new, sections, metrics, config)
    targets = timed("targets", align_targets, base, new, config)
    diffs = timed("diff", diff_sections, sections)
    comparison = Comparison(
        base=base,
        new=new,
        sections=tuple(sections),
        programs=tuple(programs),
        metrics=tuple(metrics),
        diffs=tuple(diffs[k] for k in sorted(diffs)),
        cutoffs=config.cutoffs,
        targets=tuple(targets),
    )
    timed("json", render_comparison, comparison, Format.JSON, io.StringIO(), None, False)
    spent["total"] = sum(spent.values())
    print(
        f"scale: {times:>4}x  {len(base.sections):>5}/{len(new.sections):<5} sections  "
        f"{len(base.metrics):>6}/{len(new.metrics):<6} figures  total {spent['total']:7.2f} s"
    )
    return spent


def main() -> None:
    factors = [int(a) for a in sys.argv[1:]] or [1, 10, 100]
    results = {k: run(k) for k in factors}
    print("scale: " + "stage".ljust(10) + "".join(f"{k:>9}x" for k in factors) + "   growth")
    for stage in (*STAGES, "total"):
        row = "".join(f"{results[k][stage]:9.3f}s" for k in factors)
        growth = ""
        if len(factors) >= 2:
            lo, hi = factors[-2], factors[-1]
            a, b = results[lo][stage], results[hi][stage]
            if a > 0 and b > 0:
                exponent = math.log(b / a) / math.log(hi / lo)
                growth = f"{exponent:8.2f}  {'ok' if exponent <= 1.3 else 'NOT MET'}"
        print(f"scale: {stage:<10}{row}   {growth}")
    last = results[factors[-1]]["total"]
    print(f"scale: {factors[-1]}x pair end to end {last:.1f} s (goal < 10 s): {'ok' if last < 10 else 'NOT MET'}")


if __name__ == "__main__":
    main()
