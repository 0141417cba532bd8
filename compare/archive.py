"""archive.py: every consecutive pair of years in a reports folder, compared on all cores.

Owns discovery (years, and named documents within a year) and the worker pool; each pair
runs the ordinary pipeline. The result is one combined record, rendered by compare.render.
"""

from __future__ import annotations

import collections
import functools
import itertools
import os
from collections.abc import Callable, Generator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import CompareError, ReportNotFound
from .load import YEAR_RE, load_meta, report_files

if TYPE_CHECKING:
    from .config import Config

MAIN = "(main)"


@dataclass(frozen=True)
class PairJob:
    """One comparison to run: a document of one year against its counterpart the next year."""

    document: str
    base_year: str
    new_year: str
    base_path: str
    new_path: str


@dataclass(frozen=True)
class PairResult:
    job: PairJob
    summary: dict[str, dict[str, int]] = field(default_factory=dict)
    metrics: list[dict[str, Any]] = field(default_factory=list)
    check_ok: bool | None = None
    failures: int = 0
    error: str | None = None


def _documents(folder: Path, notes: list[str]) -> dict[str, Path]:
    """A year's reports by name: the main one meta.toml names, else every report file in it."""
    meta = load_meta(folder)
    main = meta.get("main")
    if isinstance(main, str) and main:
        if (folder / main).is_file():
            return {MAIN: folder / main}
        notes.append(f"{folder}/meta.toml names main = {main!r}, which is not there; the year is skipped")
        return {}
    docs: dict[str, Path] = {}
    for p in report_files(folder):
        if p.stem in docs:
            notes.append(f"{folder}/ holds {docs[p.stem].name} and {p.name}: which is {p.stem!r}? both skipped")
            docs[p.stem] = Path()
            continue
        docs[p.stem] = p
    return {name: path for name, path in docs.items() if path != Path()}


def plan(root: Path) -> tuple[list[PairJob], list[str]]:
    """Consecutive years; within them, documents paired by name (a lone report pairs with a lone one).

    Returns the comparisons to run and a note for every document that has no counterpart.
    """
    if not root.is_dir():
        raise ReportNotFound(f"reports folder {root}/ does not exist; set --reports-dir")
    years = sorted(p for p in root.iterdir() if p.is_dir() and YEAR_RE.match(p.name))
    if len(years) < 2:
        raise ReportNotFound(f"{root}/ needs at least two year folders for --all (found {len(years)})")
    notes: list[str] = []
    docs = {y.name: _documents(y, notes) for y in years}
    jobs: list[PairJob] = []
    for a, b in itertools.pairwise(years):
        base, new = docs[a.name], docs[b.name]
        if len(base) == 1 and len(new) == 1:  # one report a year pairs whatever its file is called
            (name, pa), (_, pb) = next(iter(base.items())), next(iter(new.items()))
            pairs = [(name, pa, pb)]
        else:
            pairs = [(name, base[name], new[name]) for name in sorted(base.keys() & new.keys())]
            for name in sorted(base.keys() - new.keys()):
                notes.append(f"{a.name}/{base[name].name} has no counterpart named {name!r} in {b.name}/")
            for name in sorted(new.keys() - base.keys()):
                notes.append(f"{b.name}/{new[name].name} has no counterpart named {name!r} in {a.name}/")
        jobs.extend(PairJob(name, a.name, b.name, str(pa), str(pb)) for name, pa, pb in pairs)
    if not jobs:
        detail = "; ".join(notes[:3]) or "the year folders hold no reports"
        raise ReportNotFound(f"{root}/: no pair of reports to compare ({detail})")
    return jobs, notes


def run_pair(job: PairJob, config_path: str | None, check: bool, fail_on: str | None) -> PairResult:
    """Compare one pair in this process; input errors are recorded, not raised."""
    from .checks import find_violations, parse_fail_on
    from .pipeline import build_comparison
    from .render import comparison_dict

    try:
        config = _config(config_path)
        comparison = build_comparison(job.base_path, job.new_path, config=config, text=False)
        data = comparison_dict(comparison)
        ok, failures = None, 0
        if check:
            result = find_violations(comparison, config, parse_fail_on(fail_on))
            ok, failures = result.ok, len(result.failures)
        # an archive keeps each figure's record without the candidates behind it (--explain is per pair)
        metrics = [{k: v for k, v in m.items() if k != "candidates"} for m in data["metrics"]]
        return PairResult(job, data["summary"], metrics, ok, failures)
    except CompareError as e:
        return PairResult(job, error=str(e))


@functools.lru_cache(maxsize=4)
def _config(config_path: str | None) -> Config:
    """compare.toml read once per process, not once per pair."""
    from .config import load_config

    return load_config(Path(config_path) if config_path else None)


def _run_one(args: tuple[PairJob, str | None, bool, str | None]) -> PairResult:
    return run_pair(*args)


def iter_archive(
    jobs: list[PairJob],
    config_path: str | None,
    check: bool = False,
    fail_on: str | None = None,
    workers: int | None = None,
    progress: Callable[[PairResult], None] | None = None,
) -> Generator[PairResult, None, None]:
    """Each pair's result as it is ready, in plan order: a caller can write one and let it go."""
    workers = workers or os.cpu_count() or 1
    args = [(job, config_path, check, fail_on) for job in jobs]
    if workers == 1 or len(jobs) < 4:
        for result in map(_run_one, args):
            if progress:
                progress(result)
            yield result
        return
    from .workers import worker_pool

    # A window of submitted pairs, taken in plan order (the output stays deterministic); never cancelled:
    # a future cancelled while the pool's thread fails it on a stop prints InvalidStateError.
    todo = iter(args)
    window: collections.deque[Future[PairResult]] = collections.deque()
    with worker_pool(workers) as pool:
        while True:
            while len(window) < workers * 4 and (item := next(todo, None)) is not None:
                window.append(pool.submit(_run_one, item))
            if not window:
                break
            result = window.popleft().result()
            if progress:
                progress(result)
            yield result
