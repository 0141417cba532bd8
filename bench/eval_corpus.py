"""Accuracy on real reports: figure extraction and cross-year pairing, scored against a gold corpus.

Runs every file of the corpus through the installed `compare FILE --format json` and every
pair through `compare BASE NEW --format json`, scores them with the corpus's own scorers
(score_extract.py, score_align.py, exactly as accuracy is judged), and prints a per-file and a
per-pair table, the means, and the misses grouped by cause.

    python bench/eval_corpus.py [--corpus DIR] [--tools DIR] [--only extract|align] [-v]

The corpus is not part of this project (its texts are not ours to copy): by default it is read
from ../shared/corpus beside the project, or from $COMPARE_CORPUS. Without it, the script says
so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


@dataclass
class FileScore:
    name: str
    found: int = 0
    required: int = 0
    matching: int = 0
    extracted: int = 0
    strict: float = 0.0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0


@dataclass
class PairScore:
    pair: str
    recall: float = 0.0
    precision: float = 0.0
    f1: float = 0.0
    rows: str = ""
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    traps: int = 0
    causes: Counter[str] = field(default_factory=Counter)


def compare_command() -> list[str]:
    exe = shutil.which("compare")
    return [exe] if exe else [sys.executable, "-m", "compare"]


def run_json(args: list[str], out: Path) -> None:
    with out.open("w", encoding="utf-8") as f:
        proc = subprocess.run([*compare_command(), *args, "--format", "json"], stdout=f, stderr=subprocess.PIPE)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"eval_corpus: compare {' '.join(args)} failed: {proc.stderr.decode(errors='replace')}")


def scorer(tools: Path, script: str, *args: str) -> str:
    proc = subprocess.run([sys.executable, str(tools / script), *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"eval_corpus: {script} failed: {proc.stderr.strip()}")
    return proc.stdout


def _section(lines: list[str], title: str) -> list[str]:
    """The '  - ' items printed under a heading such as 'MISSES (3):'."""
    out: list[str] = []
    inside = False
    for line in lines:
        if line.startswith(title):
            inside = True
            continue
        if inside:
            if not line.startswith("  - "):
                break
            out.append(line[4:])
    return out


def score_file(corpus: Path, tools: Path, tmp: Path, name: str) -> FileScore:
    out = tmp / f"{name}.json"
    run_json([str(corpus / name)], out)
    text = scorer(tools, "score_extract.py", str(corpus / "figures.tsv"), str(out), "--file-filter", name)
    lines = text.splitlines()
    s = FileScore(name)
    for line in lines:
        if m := re.match(r"found (\d+)/(\d+) required gold rows; (\d+)/(\d+) extracted", line):
            s.found, s.required, s.matching, s.extracted = map(int, m.groups())
        elif m := re.match(r"info: strict precision .* = ([\d.]+)", line):
            s.strict = float(m.group(1))
    if not s.extracted:
        s.strict = 1.0 if not s.required else 0.0
    s.misses = _section(lines, "MISSES")
    s.false_positives = _section(lines, "FALSE POSITIVES")
    return s


def miss_cause(line: str) -> str:
    """Why a gold figure was not found, from the scorer's 'nearest extracted' hint."""
    gold = re.search(r"value=(\S+) unit=(\S*)", line)
    near = re.search(r"nearest extracted: raw='([^']*)' value=(\S+) unit='([^']*)'", line)
    if not near:
        return "not read as a figure"
    if gold and near.group(3) != gold.group(2) and float(near.group(2)) == float(gold.group(1)):
        return "read with another unit"
    return "read with another value"


def _figures(record: dict[str, object] | None) -> str:
    return str(record.get("raw")) if isinstance(record, dict) else ""


def pair_causes(data: dict[str, object], misses: list[str]) -> Counter[str]:
    """For each unpaired gold figure pair: was a side not extracted, paired elsewhere, or left alone?"""
    entries = [m for m in data.get("metrics", []) if isinstance(m, dict)]  # type: ignore[union-attr]
    causes: Counter[str] = Counter()
    for line in misses:
        lost = line.rsplit("unpaired: ", 1)[-1]
        for pair in lost.split(", "):
            base_raw, _, new_raw = pair.partition("=>")
            base = [e for e in entries if _figures(e.get("base")) == base_raw]
            new = [e for e in entries if _figures(e.get("new")) == new_raw]
            if not base or not new:
                causes["a figure not extracted"] += 1
            elif any(e["status"] in ("changed", "unchanged") for e in base + new):
                causes["paired with another figure"] += 1
            else:
                causes["left unpaired"] += 1
    return causes


def score_pair(corpus: Path, tools: Path, tmp: Path, pair: str, base: str, new: str) -> PairScore:
    out = tmp / f"{pair}.json"
    run_json([str(corpus / base), str(corpus / new)], out)
    text = scorer(tools, "score_align.py", str(corpus / "pairs.tsv"), pair, str(out))
    lines = text.splitlines()
    s = PairScore(pair)
    for line in lines:
        if m := re.match(r"align_recall=([\d.]+) align_precision=([\d.]+) f1=([\d.]+)", line):
            s.recall, s.precision, s.f1 = map(float, m.groups())
        elif m := re.match(r"rows found (\d+/\d+)", line):
            s.rows = m.group(1)
    s.misses = _section(lines, "MISSES")
    s.wrong = _section(lines, "WRONG PAIRS")
    s.traps = sum(1 for w in s.wrong if re.search(r"\[[^\]]* X\]", w))
    s.causes = pair_causes(json.loads(out.read_text(encoding="utf-8")), s.misses)
    for w in s.wrong:
        s.causes["wrong pairing across a trap (X)" if re.search(r"\[[^\]]* X\]", w) else "wrong pairing"] += 1
    return s


def read_pairs(corpus: Path) -> list[tuple[str, str, str]]:
    with (corpus / "pairs.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return sorted({(r["pair_id"], r["base_file"], r["new_file"]) for r in rows})


def read_files(corpus: Path) -> list[str]:
    with (corpus / "figures.tsv").open(encoding="utf-8") as f:
        return sorted({r["file"] for r in csv.DictReader(f, delimiter="\t")})


def print_extract(scores: list[FileScore], verbose: bool) -> None:
    print("Figure extraction (score_extract.py)")
    print(f"{'file':<20} {'found':>9} {'matching':>10} {'recall':>7} {'strict P':>9}")
    for s in scores:
        counts = f"{s.found:>4}/{s.required:<4} {s.matching:>4}/{s.extracted:<5}"
        print(f"{s.name:<20} {counts} {s.recall:>7.3f} {s.strict:>9.3f}")
    n = len(scores)
    print(
        f"{'mean':<20} {'':>9} {'':>10} {sum(s.recall for s in scores) / n:>7.3f} "
        f"{sum(s.strict for s in scores) / n:>9.3f}"
    )
    causes: dict[str, list[str]] = defaultdict(list)
    for s in scores:
        for line in s.misses:
            causes[miss_cause(line)].append(f"{s.name}: {line.split('   nearest')[0]}")
        for line in s.false_positives:
            causes["extracted, not a gold figure"].append(f"{s.name}: {line}")
    for cause in sorted(causes, key=lambda c: (-len(causes[c]), c)):
        items = causes[cause]
        print(f"  {cause}: {len(items)}")
        for item in items if verbose else items[:5]:
            print(f"    {item}")
        if not verbose and len(items) > 5:
            print(f"    … {len(items) - 5} more (-v lists all)")


def print_align(scores: list[PairScore], verbose: bool) -> None:
    print("Metric pairing (score_align.py)")
    print(f"{'pair':<14} {'rows':>7} {'recall':>7} {'precision':>10} {'F1':>6} {'X paired':>9}")
    for s in scores:
        print(f"{s.pair:<14} {s.rows:>7} {s.recall:>7.3f} {s.precision:>10.3f} {s.f1:>6.3f} {s.traps:>9}")
    n = len(scores)
    mean = [sum(getattr(s, k) for s in scores) / n for k in ("recall", "precision", "f1")]
    print(f"{'mean':<14} {'':>7} {mean[0]:>7.3f} {mean[1]:>10.3f} {mean[2]:>6.3f} {sum(s.traps for s in scores):>9}")
    print(f"lowest pair F1: {min(s.f1 for s in scores):.3f}")
    total: Counter[str] = Counter()
    for s in scores:
        total.update(s.causes)
    for cause, count in sorted(total.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {cause}: {count}")
    for s in scores:
        for line in s.misses if verbose else []:
            print(f"    {s.pair} missed: {line}")
        for line in s.wrong if verbose else []:
            print(f"    {s.pair} wrong: {line}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("COMPARE_CORPUS", DEFAULT_CORPUS)))
    parser.add_argument("--tools", type=Path, help="the scorers' folder (default: tools/ beside the corpus)")
    parser.add_argument("--only", choices=("extract", "align"))
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    corpus: Path = args.corpus
    tools: Path = args.tools or corpus.parent / "tools"
    if not (corpus / "figures.tsv").is_file() or not (tools / "score_extract.py").is_file():
        print(f"eval_corpus: no corpus at {corpus} (or no scorers at {tools}); nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp_dir, ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        tmp = Path(tmp_dir)
        if args.only != "align":
            files = read_files(corpus)
            print_extract(list(pool.map(lambda n: score_file(corpus, tools, tmp, n), files)), args.verbose)
        if args.only != "extract":
            if args.only is None:
                print()
            pairs = read_pairs(corpus)
            print_align(list(pool.map(lambda p: score_pair(corpus, tools, tmp, *p), pairs)), args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
