"""Cold start: wall time of `python -m compare 2020 2021` against a bare typer + rich + rapidfuzz app.

Starts each command as a fresh interpreter (cwd = the project, stdout to /dev/null), runs them
interleaved (each view cold with --no-cache, and served from the result cache), and prints the
median of each in ms and the ratio of compare to the baseline (goal: <= 1.3). The baseline is a
one-command typer app written to a temp file that takes the same arguments and imports
rich.console, rich.table and rapidfuzz. It then lists which heavy modules a default run leaves in
sys.modules, and the costliest imports of that run (from -X importtime). Run: python bench/bench_startup.py [RUNS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("tabulate", "cn2an", "scipy", "numpy", "jieba", "charset_normalizer", "docx", "pypdf", "pydantic")
GOAL = 1.3
BASE_NAME = "baseline (typer+rich+rapidfuzz)"

BASELINE = """\
from typing import Annotated

import rapidfuzz  # noqa: F401
import rich.console  # noqa: F401
import rich.table  # noqa: F401
import typer

app = typer.Typer(add_completion=False)


@app.command()
def main(base: str, new: str, format: Annotated[str, typer.Option("--format")] = "rich") -> None:
    print(base, new, format)


if __name__ == "__main__":
    app()
"""

# Reports at exit, on stderr, which HEAVY modules a run left in sys.modules; {run} is the run.
PROBE = f"""\
import atexit, sys
atexit.register(lambda: print("MODULES", *sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr))
{{run}}
"""
RUN_COMPARE = 'from compare.cli import run; run(["2020", "2021"])'
RUN_BASELINE = 'import runpy; sys.argv = [{path!r}, "2020", "2021"]; runpy.run_path({path!r}, run_name="__main__")'


# One default run in-process, timed by phase.
PHASES = """\
import time
t = [time.perf_counter()]
import compare.cli, compare.pipeline, compare.config, compare.render
t.append(time.perf_counter())
a, b = compare.pipeline.load_report("2020"), compare.pipeline.load_report("2021")
t.append(time.perf_counter())
c = compare.pipeline.build_comparison(a, b, config=compare.config.Config())
t.append(time.perf_counter())
out = open("/dev/null", "w", encoding="utf-8")
compare.render.render_comparison(c, compare.render.Format.RICH, out, None, False)
t.append(time.perf_counter())
print(*(f"{(y - x) * 1000:.0f}" for x, y in zip(t, t[1:])))
"""


def wall(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t0


def heavy_modules(run: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(run=run)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = next(x for x in out.stderr.splitlines() if x.startswith("MODULES"))
    return line.split()[1:]


def top_imports(n: int = 6) -> list[tuple[str, float]]:
    """The top-level imports of a default run with the largest cumulative time, in ms."""
    cmd = [sys.executable, "-X", "importtime", "-m", "compare", "2020", "2021"]
    err = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
    rows = []
    for line in err.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line[len("import time:") :].split("|")
        if not name.startswith("  "):  # a top-level import (nested ones are indented further)
            rows.append((name.strip(), int(cumulative) / 1000))
    return sorted(rows, key=lambda r: -r[1])[:n]


def phases(runs: int) -> list[float]:
    """Median ms of: compare imports, load+extract, align+diff, render (Rich)."""
    rows = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PHASES], cwd=ROOT, capture_output=True, text=True, check=True)
        rows.append([float(x) for x in out.stdout.split()])
    return [statistics.median(col) for col in zip(*rows, strict=True)]


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    # pip compiles an installed package's .pyc files; an editable checkout under
    # PYTHONDONTWRITEBYTECODE has none, and would pay for compiling its source on every start
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "compare")], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        baseline = Path(tmp) / "baseline.py"
        baseline.write_text(BASELINE, encoding="utf-8")
        os.environ["COMPARE_CACHE_DIR"] = str(Path(tmp) / "cache")  # the cached rows read only this run's entries
        compare = [sys.executable, "-m", "compare", "2020", "2021"]
        commands = {
            "compare 2020 2021 --no-cache": [*compare, "--no-cache"],
            "compare 2020 2021 --format json --no-cache": [*compare, "--format", "json", "--no-cache"],
            "compare 2020 2021 (cached)": compare,
            "compare 2020 2021 --format json (cached)": [*compare, "--format", "json"],
            BASE_NAME: [sys.executable, str(baseline), "2020", "2021"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for cmd in commands.values():  # warm the file cache and .pyc files
            wall(cmd)
        for _ in range(runs):
            for name, cmd in commands.items():
                times[name].append(wall(cmd))
        in_baseline = heavy_modules(RUN_BASELINE.format(path=str(baseline)))
    medians = {name: statistics.median(t) * 1000 for name, t in times.items()}
    base = medians[BASE_NAME]
    for name, ms in medians.items():
        verdict = "ok" if ms / base <= GOAL else "over"
        ratio = f"  ratio {ms / base:.2f} ({verdict}: goal <= {GOAL})" if name != BASE_NAME else ""
        print(f"startup: {name:<42} median {ms:6.0f} ms over {runs} runs{ratio}")
    in_compare = heavy_modules(RUN_COMPARE)
    print(
        "startup: heavy modules loaded by a default run:",
        ", ".join(in_compare) or "none",
        f"(the baseline loads: {', '.join(in_baseline) or 'none'})",
    )
    names = ("compare imports", "load+extract", "align+diff", "render (Rich, with its imports)")
    split = ", ".join(f"{n} {ms:.0f} ms" for n, ms in zip(names, phases(4), strict=True))
    print(f"startup: in-process split of a default run (median of 5): {split}")
    print("startup: costliest top-level imports:", ", ".join(f"{n} {ms:.0f} ms" for n, ms in top_imports()))


if __name__ == "__main__":
    main()
