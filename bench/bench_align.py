"""Metric alignment at scale: align_metrics on two synthetic reports of N figures each.

Goals: N=20000 under 5 s and 200 MB; time growing at most as N^1.3 from 20,000 to 100,000 figures a
side, and under 500 MB at 100,000 (the peak counts the synthetic reports themselves).

Builds two Reports of ~30 sections and N metrics each; labels vary the real labels of the bundled
reports (region and scope words added; on the new side some reworded, dropped, added or left as
placeholders), units and values follow the real figures. Each size runs in a fresh process (so
peak RSS is its own), smallest first, and is killed past the budget. Ends with the cProfile top 10
at N=2000. Run: python bench/bench_align.py [N] [BUDGET_S]
"""

from __future__ import annotations

import cProfile
import json
import math
import pstats
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from compare import load_report
from compare.align import align_metrics, align_sections
from compare.align.metrics import with_key
from compare.config import Config
from compare.model import Metric, Qualifier, Report, Section, SectionKind
from compare.pipeline import paused_gc

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = 30
GOAL_N, GOAL_S, GOAL_MB = 20000, 5.0, 200
GROWTH_TO, GROWTH_MAX, GROWTH_MB = 100000, 1.3, 500
SIZES = (1000, 5000, 20000, 50000, 100000)
REGIONS = (
    "北京",
    "天津",
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "上海",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "重庆",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
)
SCOPES = ("", "城镇", "农村", "女", "青年", "新增", "年度", "非公企业", "基层", "中小企业", "国有企业", "一线")
REWORDS = (("职工", "劳动者"), ("资金", "经费"), ("帮助", "协助"), ("全国", "全国范围"), ("培训", "技能培训"))


def _shift_digits(text: str, shift: int) -> str:
    return re.sub(r"\d", lambda m: str((int(m.group()) + shift) % 10), text)


def _sections(real: Report, variant: int) -> tuple[Section, ...]:
    """SECTIONS sections cycling the real ones; variant 1 (the new side) rewords and refigures them."""
    out, offset = [], 0
    for k in range(SECTIONS):
        src = real.sections[k % len(real.sections)]
        copy = k // len(real.sections)
        paragraphs = tuple(_shift_digits(p, copy + variant) for p in src.paragraphs)
        if variant and k % 3 == 0:
            paragraphs = tuple(p.replace("工会", "各级工会") for p in paragraphs)
        text = "\n\n".join(paragraphs)
        kind = src.kind if k == 0 else SectionKind.SECTION
        title = src.title + ("", "（续）", "（再续）")[copy % 3]
        out.append(Section(f"s{k:02d}", title, kind, src.moment, paragraphs, offset, offset + len(text), text))
        offset += len(text) + 2
    return tuple(out)


def _report(real: Report, year: str, sections: tuple[Section, ...], metrics: list[Metric]) -> Report:
    text = "\n\n".join(s.text for s in sections)
    return replace(real, year=year, path=f"<synthetic {year}>", text=text, sections=sections, metrics=tuple(metrics))


def synthetic(n: int) -> tuple[Report, Report]:
    """Two reports of n metrics each: ~72% continued (values varied), 12% reworded, 10% dropped then new."""
    base_real, new_real = load_report("2020", ROOT / "reports"), load_report("2021", ROOT / "reports")
    seeds = list({m.label: m for m in (*base_real.metrics, *new_real.metrics)}.values())
    rng = random.Random(n)
    base_m: list[Metric] = []
    new_m: list[Metric] = []

    def metric(side: list[Metric], k: int, label: str, seed: Metric, value: Decimal | None, unit: str) -> None:
        section = f"s{k % SECTIONS:02d}"
        if value is None:
            qualifier = Qualifier.PLACEHOLDER
        else:
            qualifier = Qualifier.EXACT if seed.qualifier is Qualifier.PLACEHOLDER else seed.qualifier
        raw = f"XX{unit}" if value is None else f"{value}{unit}"
        m_id = f"{section}.m{len(side) + 1:05d}"
        side.append(Metric(m_id, section, label, value, unit, qualifier, raw, f"{label}{raw}。", k * 20, k * 20 + 8))

    for k in range(n):
        seed = seeds[k % len(seeds)]
        combo = k // len(seeds)
        scope = SCOPES[(combo // len(REGIONS)) % len(SCOPES)]
        extra = combo // (len(REGIONS) * len(SCOPES))  # only past ~17000 labels
        label = REGIONS[combo % len(REGIONS)] + scope + seed.label + (f"第{extra}类" if extra else "")
        value = (seed.value or Decimal(1000)) * (1 + Decimal(k % 97) / 100)
        metric(base_m, k, label, seed, value, seed.unit)
        roll = rng.random()
        if roll < 0.10:  # dropped; a new figure takes its place
            label = REGIONS[(combo + 7) % len(REGIONS)] + "新就业形态" + seed.label
        elif roll < 0.22:  # reworded
            old, new = REWORDS[k % len(REWORDS)]
            label = label.replace(old, new) if old in label else "全年" + label
        unit = "人次" if seed.unit == "人" and rng.random() < 0.05 else seed.unit
        change = Decimal(rng.randint(-30, 30)) / 100 if rng.random() < 0.7 else Decimal(0)
        new_value = None if rng.random() < 0.03 else (value * (1 + change)).quantize(Decimal("0.01"))
        metric(new_m, k, label, seed, new_value, unit)
    # extraction gives every figure a key; these synthetic figures get theirs from their labels
    base = _report(base_real, "2020", _sections(base_real, 0), [with_key(m) for m in base_m])
    new = _report(base_real, "2021", _sections(base_real, 1), [with_key(m) for m in new_m])
    return base, new


def one(n: int, runs: int) -> None:
    """In a child process: time align_metrics at size n; print a JSON line."""
    base, new = synthetic(n)
    config = Config()
    sections = align_sections(base, new, config)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times, paired = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        with paused_gc():  # as compare_reports runs it
            changes = align_metrics(base, new, sections, config)
        times.append(time.perf_counter() - t0)
        paired = sum(1 for c in changes if c.base is not None and c.new is not None)
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "seconds": statistics.median(times),
                "runs": runs,
                "paired": paired,
                "rss_mb": rss_peak / 1024,
                "align_mb": (rss_peak - rss_before) / 1024,
            }
        )
    )


def profile(n: int, top: int = 10) -> None:
    base, new = synthetic(n)
    config = Config()
    sections = align_sections(base, new, config)
    prof = cProfile.Profile()
    prof.enable()
    align_metrics(base, new, sections, config)
    prof.disable()
    stats = pstats.Stats(prof)
    total = sum(tt for _, _, tt, _, _ in stats.stats.values())
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:top]
    print(f"align: cProfile at N={n} (total {total:.1f} s under the profiler), top {top} by own time:")
    for (file, line, func), (_, calls, own, cumulative, _) in rows:
        where = f"{Path(file).name}:{line}({func})" if line else func
        print(f"  {own:6.2f} s own {cumulative:6.2f} s cum {calls:>10} calls  {where}")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        one(int(sys.argv[2]), int(sys.argv[3]))
        return
    target = int(sys.argv[1]) if len(sys.argv) > 1 else GROWTH_TO
    budget = float(sys.argv[2]) if len(sys.argv) > 2 else 300.0
    sizes = [s for s in SIZES if s < target] + [target]
    seconds: dict[int, float] = {}
    last: tuple[int, float] | None = None
    for n in sizes:
        runs = 3 if n <= 5000 else 1
        cmd = [sys.executable, __file__, "--one", str(n), str(runs)]
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=budget)
        except subprocess.TimeoutExpired:
            print(f"align: N={n:>6}  killed after {budget:.0f} s")
            break
        r = json.loads(out.stdout.splitlines()[-1])
        seconds[n] = r["seconds"]
        growth = ""
        if last:
            exponent = math.log(r["seconds"] / last[1]) / math.log(n / last[0])
            growth = f"  x{r['seconds'] / last[1]:.1f} for x{n / last[0]:.1f} N (~N^{exponent:.2f})"
        verdict = ""
        if n == GOAL_N:
            met = r["seconds"] < GOAL_S and r["rss_mb"] < GOAL_MB
            verdict = f"  goal < {GOAL_S:.0f} s and {GOAL_MB} MB: {'met' if met else 'NOT met'}"
        if n == GROWTH_TO:
            verdict = f"  goal peak < {GROWTH_MB} MB: {'met' if r['rss_mb'] < GROWTH_MB else 'NOT met'}"
        print(
            f"align: N={n:>6}  {r['seconds']:7.2f} s (median of {r['runs']})  {r['paired']} paired  "
            f"peak RSS {r['rss_mb']:.0f} MB (+{r['align_mb']:.0f} MB in align){growth}{verdict}"
        )
        last = (n, r["seconds"])
    if GOAL_N in seconds and GROWTH_TO in seconds:
        exponent = math.log(seconds[GROWTH_TO] / seconds[GOAL_N]) / math.log(GROWTH_TO / GOAL_N)
        met = "met" if exponent <= GROWTH_MAX else "NOT met"
        print(f"align: growth from N={GOAL_N} to N={GROWTH_TO}: ~N^{exponent:.2f} (goal <= {GROWTH_MAX}): {met}")
    profile(min(2000, target))


if __name__ == "__main__":
    main()
