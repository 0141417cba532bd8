"""targets.py: last year's targets set against this year's outcomes for the same measures.

A government work report or a plan review states goals (预期目标, 力争, 左右 in a goal sentence, a
figure for the year ahead); the next report states what happened. This pairs each goal with the
outcome of the same measure, kind and unit (one to one) and says whether it was met.
"""

from __future__ import annotations

from dataclasses import replace

from ..config import Config
from ..diff import target_status
from ..model import Metric, MetricKind, Report, TargetCheck
from .metrics import contradiction, measure_score
from .solver import assign


def _as_outcome(target: Metric) -> Metric | None:
    """The target read as the outcome it asks for: its basis kind, the report's own year."""
    if target.key is None:
        return None
    basis = target.key.kind.partition(":")[2] or "level"
    return replace(target, kind=MetricKind(basis), key=replace(target.key, kind=basis, period="own"))


def align_targets(base: Report, new: Report, config: Config) -> list[TargetCheck]:
    """Each target of the base report with the new report's outcome for that measure, met or not."""
    targets = [
        m
        for m in base.metrics
        if m.kind is MetricKind.TARGET and m.value is not None and m.key and m.key.period == "plan"
    ]
    outcomes = [
        m
        for m in new.metrics
        if m.kind is not MetricKind.TARGET and m.value is not None and m.key and m.key.period == "own"
    ]
    if not targets or not outcomes:
        return []
    # a goal is for the year the report reviews or the next (今年 in a plan issued early in the year): a 2016
    # report's goals say nothing of a 2018 report's outcomes
    if base.own_year is not None and new.own_year is not None and new.own_year - base.own_year not in (0, 1):
        return []
    readings = [_as_outcome(t) for t in targets]
    scores: list[list[float]] = []
    for reading in readings:
        row = []
        for outcome in outcomes:
            if reading is None or contradiction(reading, outcome) is not None:
                row.append(-1.0)
                continue
            assert reading.key is not None and outcome.key is not None
            row.append(measure_score(reading.key.measure, outcome.key.measure))
        scores.append(row)
    checks = []
    for i, j in assign(scores, config.cutoffs.metric):
        status = target_status(targets[i], outcomes[j])
        if status is None:
            continue
        score = round(scores[i][j], 1)
        checks.append(TargetCheck(targets[i], outcomes[j], status, score, f"measure {score:.0f}"))
    return checks
