"""trend.py: a metric's values across three or more reports, chained through pairwise alignments.

Owns only the chaining; the pairing itself is align.py's, applied to each consecutive pair.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from .config import Config
from .model import Delta, Metric, Report
from .pipeline import compare_reports


@dataclass(frozen=True)
class Series:
    """One figure followed across the reports; None where a report does not state it."""

    label: str
    unit: str
    metrics: tuple[Metric | None, ...]
    steps: tuple[Delta | None, ...] = ()  # the change into each report from the one before (None: no change)

    @property
    def marks(self) -> str:
        """One mark per step between stated values: ↑ up, ↓ down, → same, · gap or placeholder,
        ≠ two figures paired across measures (人 against 人次), which have no direction."""
        out = []
        for k, (a, b) in enumerate(itertools.pairwise(self.metrics)):
            if a is None or b is None or a.value is None or b.value is None:
                out.append("·")
            elif self.steps and self.steps[k] is None:
                out.append("≠")
            else:
                out.append("↑" if b.value > a.value else "↓" if b.value < a.value else "→")
        return "".join(out)


@dataclass(frozen=True)
class Trend:
    reports: tuple[Report, ...]
    series: tuple[Series, ...]


def build_trend(reports: list[Report], config: Config | None = None) -> Trend:
    """Chain each metric through the alignments of consecutive reports."""
    n = len(reports)
    links: list[dict[str, Metric]] = []  # for step k: base metric id -> paired metric in report k+1
    deltas: list[dict[str, Delta]] = []  # for step k: base metric id -> the change the pairing found
    for a, b in itertools.pairwise(reports):
        comparison = compare_reports(a, b, config)
        paired = [c for c in comparison.metrics if c.base is not None and c.new is not None]
        links.append({c.base.id: c.new for c in paired})  # type: ignore[union-attr,misc]
        deltas.append({c.base.id: c.delta for c in paired if c.delta is not None})  # type: ignore[union-attr]
    continued = [{m.id for m in step.values()} for step in links]
    series: list[Series] = []
    for k, report in enumerate(reports):
        for metric in report.metrics:
            if k and metric.id in continued[k - 1]:
                continue  # already part of a chain that started earlier
            chain: list[Metric | None] = [None] * k + [metric]
            current: Metric | None = metric
            for step in range(k, n - 1):
                current = links[step].get(current.id) if current is not None else None
                chain.append(current)
            steps = tuple(
                deltas[step].get(before.id) if before is not None and after is not None else None
                for step, (before, after) in enumerate(itertools.pairwise(chain))
            )
            series.append(Series(metric.label, metric.unit, tuple(chain), steps))
    return Trend(tuple(reports), tuple(series))
