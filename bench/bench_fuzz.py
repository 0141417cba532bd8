"""Fuzz: mutated reports through the library and through the CLI; counts unexpected exceptions and tracebacks.

Each case takes a bundled report (or an invented one) and mutates its bytes or its text: bytes
flipped or inserted, text deleted or repeated, a cut inside a multi-byte character, another encoding,
control and format characters, digits and scale words scattered, headings and brackets broken,
a figure made enormous. The library run loads each mutated file (load_report), compares it with
the 2020 report and renders it as JSON and as plain text: a CompareError (a clear refusal) is
expected, any other exception is not. The CLI run calls `compare` on a mutated file with a random
format and options: the exit code must be 0, 1 or 2 and stderr must hold no traceback.
Run: python bench/bench_fuzz.py [LIBRARY_CASES] [CLI_CASES] [SEED]
"""

from __future__ import annotations

import io
import multiprocessing
import random
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

from compare.config import Config
from compare.errors import CompareError
from compare.pipeline import compare_reports, load_report
from compare.render import Format, render_comparison

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    (ROOT / "reports" / "2020" / "report.txt").read_bytes(),
    (ROOT / "reports" / "2021" / "report.txt").read_bytes(),
    (ROOT / "tests" / "data" / "pair" / "2021" / "report.txt").read_bytes(),
]
INSERTS = [
    "\u202e",
    "\u200b",
    "\ufeff",
    "\x1b[31m",
    "\r",
    "\n\n",
    "【",
    "】",
    "（",
    "一、",
    "## ",
    "%",
    "‰",
    "亿",
    "万亿",
    "XX",
    "××",
    "约",
    "余",
    "以上",
    "增长",
    "下降",
    "9" * 40,
    "1.2.3",
    "0.0000001",
    "１２３",
    "十二点五",
    "两千",
    "萬",
    "億元",
    "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    "e\u0301",
    "🙂",
    "\t",
    "-",
    "—",
    "~",
    "至",
    "分别",
    "其中",
    "同比",
    "比上年",
]
# text-level mutations weigh more: most byte-level ones make a file that is refused as not text
KINDS = ["flip", "insert_bytes", "delete", "repeat", "cut", "encode", "insert_text", "number"]
WEIGHTS = [1, 1, 2, 2, 1, 1, 5, 4]
ENCODINGS = ["utf-16", "utf-16-le", "gb18030", "big5", "utf-8-sig", "latin-1", "utf-32"]


def mutate(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """One mutated copy of data and the name of what was done (a few mutations stacked)."""
    names = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.choices(KINDS, weights=WEIGHTS)[0]
        names.append(kind)
        n = len(data)
        at = rng.randrange(n + 1) if n else 0
        if kind == "flip" and n:
            b = bytearray(data)
            for _ in range(rng.randint(1, 20)):
                b[rng.randrange(n)] = rng.randrange(256)
            data = bytes(b)
        elif kind == "insert_bytes":
            data = data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 16))) + data[at:]
        elif kind == "delete" and n:
            text = data.decode("utf-8", "replace")
            k = rng.randrange(len(text) + 1)
            data = (text[:k] + text[k + rng.randint(1, 700) :]).encode("utf-8")
        elif kind == "repeat" and n:
            text = data.decode("utf-8", "replace")
            k = rng.randrange(len(text) + 1)
            span = text[k : k + rng.randint(1, 150)]
            data = (text[:k] + span * rng.randint(2, 50) + text[k:]).encode("utf-8")
        elif kind == "cut" and n:
            data = data[: rng.randrange(n)]
        elif kind == "encode":
            text = data.decode("utf-8", "replace")
            data = text.encode(rng.choice(ENCODINGS), "replace")
        elif kind == "insert_text":
            text = data.decode("utf-8", "replace")
            for _ in range(rng.randint(1, 30)):
                k = rng.randrange(len(text) + 1)
                text = text[:k] + rng.choice(INSERTS) + text[k:]
            data = text.encode("utf-8", "surrogatepass")
        elif kind == "number":
            text = data.decode("utf-8", "replace")
            k = rng.randrange(len(text) + 1)
            digits = "".join(rng.choice("0123456789.,，") for _ in range(rng.randint(1, 60)))
            text = text[:k] + digits + rng.choice(["亿元", "万人", "%", "个", "", "倍", "元/吨"]) + text[k:]
            data = text.encode("utf-8")
    return data, "+".join(names)


def library_case(seed: int) -> tuple[str, str | None]:
    """Run one mutated report through the library; (outcome, traceback or None)."""
    rng = random.Random(seed)
    data, name = mutate(rng, rng.choice(SOURCES))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / rng.choice(["report.txt", "report.md", "报告.txt"])
        path.write_bytes(data)
        try:
            base = load_report("2020", ROOT / "reports")
            new = load_report(str(path))
            comparison = compare_reports(base, new, Config())
            for fmt in (Format.JSON, Format.PLAIN):
                render_comparison(comparison, fmt, io.StringIO(), None, rng.random() < 0.3)
        except CompareError:
            return "refused", None
        except Exception:
            return "unexpected", f"seed {seed} ({name}):\n{traceback.format_exc()}"
    return "ok", None


def cli_case(seed: int, exe: list[str]) -> tuple[str, str | None]:
    rng = random.Random(seed)
    data, name = mutate(rng, rng.choice(SOURCES))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.txt"
        path.write_bytes(data)
        args = [str(ROOT / "reports" / "2020" / "report.txt"), str(path)]
        args += ["--format", rng.choice(["json", "plain", "csv", "markdown", "rich"])]
        if rng.random() < 0.3:
            args.append("--check")
        if rng.random() < 0.2:
            args.append("--explain")
        proc = subprocess.run(exe + args, capture_output=True, timeout=120, cwd=tmp)
    err = proc.stderr.decode("utf-8", "replace")
    if proc.returncode not in (0, 1, 2) or "Traceback" in err:
        return "unexpected", f"seed {seed} ({name}): exit {proc.returncode}\n{err[-2000:]}"
    return ("refused" if proc.returncode == 2 else "ok"), None


def main() -> int:
    library_n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    cli_n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    exe = [shutil.which("compare") or sys.executable] + ([] if shutil.which("compare") else ["-m", "compare"])
    failures: list[str] = []
    for label, n, run in (("library", library_n, library_case), ("cli", cli_n, None)):
        t0 = time.perf_counter()
        seeds = range(seed * 1_000_000, seed * 1_000_000 + n)
        if run is not None:
            with multiprocessing.get_context("fork").Pool(2) as pool:
                results = pool.map(run, seeds, chunksize=50)
        else:
            results = [cli_case(s, exe) for s in seeds]
        counts = Counter(outcome for outcome, _ in results)
        failures += [tb for _, tb in results if tb]
        print(
            f"fuzz: {label:<7} {n:>6} mutated reports in {time.perf_counter() - t0:6.1f} s: "
            f"{counts['ok']} compared, {counts['refused']} refused with a clear error, "
            f"{counts['unexpected']} unexpected exceptions or tracebacks"
        )
    for tb in failures[:5]:
        print(tb)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
