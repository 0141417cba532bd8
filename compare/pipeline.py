"""pipeline.py: runs the stages in order: load -> normalize -> extract -> align -> diff -> Comparison.

Owns only the order of the stages; each stage lives in its own module or package.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from .config import Config, find_config, load_config
from .errors import CompareError
from .load import locate, read_source, reports_dir
from .model import Comparison, MetricChange, MetricStatus, Report

if TYPE_CHECKING:
    from .cache import ResultCache


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector off while a stage runs, as it was after.

    The stages build many small objects and no reference cycles, so a collection frees nothing,
    yet each full pass walks every object alive: on 100,000 figures a side those passes cost a
    third of the metric pairing and made its time grow faster than the figures.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_report(arg: str, root: str | os.PathLike[str] | None = None) -> Report:
    """Read and parse one report: a year under the reports folder, or a file or folder path."""
    with paused_gc():
        return _load_report(arg, root)


def _load_report(arg: str, root: str | os.PathLike[str] | None) -> Report:
    # imported here: a comparison served from the cache never reads a report, nor compiles their patterns
    from .extract import extract_programs, read_metrics
    from .normalize import normalize

    source = locate(arg, reports_dir(root))
    document = read_source(source)
    report = normalize(
        document.text,
        markdown=document.structured,
        year=source.year,
        path=str(source.path),
        meta=source.meta,
        source_lines=document.source_lines,
    )
    metrics, own_year = read_metrics(report)
    return replace(report, programs=extract_programs(report), metrics=metrics, own_year=own_year)


# A second report this large (bytes) is read in a worker process while this one reads the first:
# below it, starting the worker costs more than it saves.
PARALLEL_BYTES = 1 << 20


def _load_both(base: str | Report, new: str | Report, root: str | os.PathLike[str] | None) -> tuple[Report, Report]:
    """Both reports, in order. A large second report is read on a second core, when there is one."""
    if isinstance(base, Report) or isinstance(new, Report) or not _worth_a_worker(new, root):
        return (
            base if isinstance(base, Report) else load_report(base, root),
            new if isinstance(new, Report) else load_report(new, root),
        )
    from .workers import worker_pool

    with worker_pool(1) as pool:
        pending = pool.submit(load_report, new, root)
        base_report = load_report(base, root)  # its error, if any, comes first, as when read in turn
        return base_report, pending.result()


def _worth_a_worker(arg: str, root: str | os.PathLike[str] | None) -> bool:
    from .workers import can_fork, cores

    if cores() < 2 or not can_fork():
        return False
    try:
        return locate(arg, reports_dir(root)).path.stat().st_size >= PARALLEL_BYTES
    except (OSError, CompareError):
        return False  # reading it says what is wrong


def compare_reports(base: Report, new: Report, config: Config | None = None, text: bool = True) -> Comparison:
    """Align sections, then metrics (using the section pairs), then programs and targets; diff the texts.

    text=False skips the text diffs (the costliest step) when no view will show them.
    """
    with paused_gc():
        return _compare_reports(base, new, config, text)


def _compare_reports(base: Report, new: Report, config: Config | None, text: bool) -> Comparison:
    from .align import align_metrics, align_programs, align_sections, align_targets
    from .diff import diff_sections

    config = config or Config()
    sections = align_sections(base, new, config)
    metrics = align_metrics(base, new, sections, config)
    programs = align_programs(base, new, sections, metrics, config)
    targets = align_targets(base, new, config)
    diffs = diff_sections(sections) if text else {}
    sections = [
        m
        if m.base is None or m.new is None
        else replace(m, change=diffs[(m.base.id, m.new.id)].change)
        if (m.base.id, m.new.id) in diffs
        else m
        for m in sections
    ]
    return Comparison(
        base=base,
        new=new,
        sections=tuple(sections),
        programs=tuple(programs),
        metrics=tuple(sorted(metrics, key=_metric_order)),
        diffs=tuple(diffs[k] for k in sorted(diffs)),
        cutoffs=config.cutoffs,
        config_path=config.path,
        targets=tuple(sorted(targets, key=lambda t: (t.target.start, t.outcome.start))),
    )


def build_comparison(
    base: str | Report,
    new: str | Report,
    root: str | os.PathLike[str] | None = None,
    config: Config | str | os.PathLike[str] | None = None,
    text: bool = True,
    cache: ResultCache | None = None,
) -> Comparison:
    """Align two reports (years, paths or loaded Reports) and diff what changed.

    config is a Config, a path to compare.toml, or None to look for compare.toml
    in the reports folder or beside it. text=False skips the section text diffs.
    cache: a ResultCache to look the comparison up in and store it to (years and paths only).
    """
    if not isinstance(config, Config):
        config = load_config(find_config(config, reports_dir(root)))
    key = None
    if cache is not None and isinstance(base, str) and isinstance(new, str) and text:
        try:
            sources = [locate(arg, reports_dir(root)) for arg in (base, new)]
            key = cache.key([(s.path, s.year, s.meta) for s in sources], config.path)
        except (OSError, CompareError):
            key = None  # loading says what is wrong with the report
        found = cache.get(key) if key else None
        if found is not None:
            return found
    base_report, new_report = _load_both(base, new, root)
    comparison = compare_reports(base_report, new_report, config, text=text)
    if cache is not None and key:
        cache.put(key, comparison)
    return comparison


_STATUS_ORDER = {
    MetricStatus.CHANGED: 0,
    MetricStatus.MISSING: 1,
    MetricStatus.PENDING: 2,
    MetricStatus.NEW: 3,
    MetricStatus.UNCHANGED: 4,
}


def _metric_order(c: MetricChange) -> tuple[int, Decimal, int, int]:
    """Biggest changes first, then missing, pending, new, unchanged; stable by position."""
    size = -abs(c.delta.pct) if c.delta is not None and c.delta.pct is not None else Decimal(0)
    a = c.base.start if c.base else 1 << 40
    b = c.new.start if c.new else 1 << 40
    return _STATUS_ORDER[c.status], size, a, b
