"""Text diff growth: diff_sections (diff_text on every section pair) at 1x, 10x, 100x the 2020 sections.

Each section of the 2020 report is grown to FACTOR times its size by appending real paragraphs of
the report, their figures shifted per copy; the new side changes some figures and words, drops and
adds some sentences. Each size runs in a fresh process, capped at CAP_S seconds; larger sizes are
skipped once a size took over SKIP_S. Prints per size the median time, the time of tokenize alone,
and the growth against the previous size (x10 for a linear diff), then the cProfile top 5 at the
largest size that finished. Run: python bench/bench_diff.py [FACTOR ...]
"""

from __future__ import annotations

import cProfile
import json
import math
import pstats
import random
import re
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from compare import load_report
from compare.diff import diff_sections, tokenize
from compare.model import Section, SectionMatch, SectionStatus

ROOT = Path(__file__).resolve().parent.parent
CAP_S, SKIP_S = 60.0, 20.0
REWORDS = (("职工", "劳动者"), ("开展", "组织"), ("全国", "全国范围"), ("工会", "各级工会"), ("积极", "主动"))


def _shift_digits(text: str, shift: int) -> str:
    return re.sub(r"\d", lambda m: str((int(m.group()) + shift) % 10), text)


def _edit(paragraph: str, rng: random.Random) -> str:
    """The new side of a paragraph: some figures changed, some words swapped, a sentence dropped or added."""
    if rng.random() < 0.4:
        paragraph = re.sub(
            r"\d+(?:\.\d+)?", lambda m: _shift_digits(m.group(), 1) if rng.random() < 0.5 else m.group(), paragraph
        )
    for old, new in REWORDS:
        if rng.random() < 0.3:
            paragraph = paragraph.replace(old, new, 1)
    sentences = [s for s in re.split(r"(?<=。)", paragraph) if s]
    if len(sentences) > 2 and rng.random() < 0.2:
        del sentences[rng.randrange(len(sentences))]
    if rng.random() < 0.2:
        sentences.insert(rng.randrange(len(sentences) + 1), "全年共新增帮扶项目1200余个，惠及职工35.6万人。")
    return "".join(sentences)


def section_pairs(factor: int) -> list[SectionMatch]:
    """Every 2020 section grown to factor times its size, paired with its edited copy."""
    real = load_report("2020", ROOT / "reports")
    pool = [p for s in real.sections for p in s.paragraphs]
    rng = random.Random(factor)
    matches = []
    for s in real.sections:
        target = factor * len(s.text)
        base_paras: list[str] = list(s.paragraphs)
        k = 0
        while sum(len(p) + 2 for p in base_paras) < target:
            base_paras.append(_shift_digits(pool[k % len(pool)], k // len(pool) + 1))
            k += 1
        new_paras = [_edit(p, rng) for p in base_paras]
        a = _section(s, base_paras)
        b = _section(s, new_paras)
        matches.append(SectionMatch(SectionStatus.MATCHED, a, b, 100.0, 100.0, 100.0, "same title"))
    return matches


def _section(s: Section, paragraphs: list[str]) -> Section:
    text = "\n\n".join(paragraphs)
    return replace(s, paragraphs=tuple(paragraphs), text=text, end=s.start + len(text))


def one(factor: int) -> None:
    """In a child process: time diff_sections at this factor; print a JSON line."""
    matches = section_pairs(factor)
    t0 = time.perf_counter()
    for m in matches:
        assert m.base and m.new
        tokenize(m.base.text)
        tokenize(m.new.text)
    tokenize_s = time.perf_counter() - t0
    times: list[float] = []
    while len(times) < 3 and sum(times) < SKIP_S / 2:
        t0 = time.perf_counter()
        diffs = diff_sections(matches)
        times.append(time.perf_counter() - t0)
    chars = sum(len(m.base.text) for m in matches if m.base)
    biggest = max(len(m.base.text) for m in matches if m.base)
    change = statistics.mean(d.change for d in diffs.values())
    out = {"seconds": statistics.median(times), "runs": len(times), "tokenize": tokenize_s}
    print(json.dumps(out | {"chars": chars, "biggest": biggest, "change": change}))


def profile(factor: int, top: int = 5) -> None:
    matches = section_pairs(factor)
    prof = cProfile.Profile()
    prof.enable()
    diff_sections(matches)
    prof.disable()
    stats = pstats.Stats(prof)
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:top]
    total = sum(v[2] for v in stats.stats.values())
    print(f"diff: cProfile at {factor}x (total {total:.1f} s under the profiler), top {top} by own time:")
    for (file, line, func), (_, calls, own, cumulative, _) in rows:
        where = f"{Path(file).name}:{line}({func})" if line else func
        print(f"  {own:6.2f} s own {cumulative:6.2f} s cum {calls:>9} calls  {where}")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        one(int(sys.argv[2]))
        return
    factors = [int(a) for a in sys.argv[1:]] or [1, 10, 100]
    last: tuple[int, float] | None = None
    done = None
    first: tuple[int, float] | None = None
    for factor in factors:
        if last and last[1] > SKIP_S:
            print(f"diff: {factor:>4}x  skipped: {last[0]}x already took {last[1]:.0f} s")
            continue
        cmd = [sys.executable, __file__, "--one", str(factor)]
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=CAP_S)
        except subprocess.TimeoutExpired:
            guess = ""
            if first and last and first != last:  # extrapolate with the growth seen from the first size
                exponent = math.log(last[1] / first[1]) / math.log(last[0] / first[0])
                predicted = last[1] * (factor / last[0]) ** exponent
                guess = f"; ~N^{exponent:.2f} since {first[0]}x predicts ~{predicted:.0f} s"
            print(f"diff: {factor:>4}x  killed after {CAP_S:.0f} s (over the cap{guess})")
            last = (factor, math.inf)
            continue
        r = json.loads(out.stdout.splitlines()[-1])
        growth = ""
        if last:
            exponent = math.log(r["seconds"] / last[1]) / math.log(factor / last[0])
            growth = f"  x{r['seconds'] / last[1]:.1f} for x{factor / last[0]:.0f} size (~N^{exponent:.2f})"
        print(
            f"diff: {factor:>4}x  {r['chars'] / 1000:7.1f} k chars/side in 11 sections (largest {r['biggest']:>6}): "
            f"diff_sections {r['seconds']:8.3f} s (median of {r['runs']}), tokenize {r['tokenize']:.3f} s, "
            f"{r['change'] * 100:.0f}% changed{growth}"
        )
        last, done = (factor, r["seconds"]), factor
        first = first or last
    if done:
        profile(done)


if __name__ == "__main__":
    main()
