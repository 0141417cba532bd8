"""data.py: reports, comparisons, trends and archives as JSON data: the public contract.

Keys are only ever appended (README "JSON output"); values are drawn from the records,
never recomputed.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..model import Comparison, Metric, Program, Report, Section

if TYPE_CHECKING:
    from ..archive import PairResult
    from ..trend import Trend


def json_number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: an int when whole, else the shortest float that reads back."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def report_header(report: Report) -> dict[str, Any]:
    return {
        "year": report.year,
        "title": report.title,
        "subtitle": report.subtitle,
        "byline": report.byline,
        "source": report.source,
        "status": report.status,
        "path": report.path,
        "published": report.published,
        "language": report.language,
    }


def metric_dict(metric: Metric) -> dict[str, Any]:
    return {
        "id": metric.id,
        "section": metric.section,
        "label": metric.label,
        "value": json_number(metric.value),
        "unit": metric.unit,
        "qualifier": metric.qualifier.value,
        "raw": metric.raw,
        "sentence": metric.sentence,
        "start": metric.start,
        "end": metric.end,
        "kind": metric.kind.value,
        "unit_family": metric.unit_family,
        "direction": metric.direction.value if metric.direction else None,
        "parent": metric.parent,
        "upper": json_number(metric.upper),
        "key": None
        if metric.key is None
        else {
            "measure": metric.key.measure,
            "scope": list(metric.key.scope),
            "kind": metric.key.kind,
            "family": metric.key.family,
            "period": metric.key.period,
            "term": metric.key.term,
            "borrowed": metric.key.borrowed,
        },
    }


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "report": report_header(report),
        "sections": [
            {
                "id": s.id,
                "title": s.title,
                "kind": s.kind.value,
                "moment": s.moment,
                "paragraphs": list(s.paragraphs),
                "text": s.text,
                "start": s.start,
                "end": s.end,
            }
            for s in report.sections
        ],
        "programs": [
            {"name": p.name, "kind": p.kind.value, "section": p.section, "start": p.start, "end": p.end}
            for p in report.programs
        ],
        "metrics": [metric_dict(m) for m in report.metrics],
    }


def _section_ref(s: Section | None) -> dict[str, str] | None:
    return None if s is None else {"id": s.id, "title": s.title}


def _program_ref(p: Program | None) -> dict[str, str] | None:
    return None if p is None else {"name": p.name, "kind": p.kind.value, "section": p.section}


def comparison_dict(c: Comparison, lazy: bool = False) -> dict[str, Any]:
    """The comparison as JSON data. lazy: the figures and text changes as generators, built as written."""
    cutoffs = c.cutoffs
    seq: Any = (lambda items: items) if lazy else list
    return {
        "base": report_header(c.base),
        "new": report_header(c.new),
        "summary": c.summary(),
        "sections": [
            {
                "status": m.status.value,
                "base": _section_ref(m.base),
                "new": _section_ref(m.new),
                "score": m.score,
                "title_score": m.title_score,
                "content_score": m.content_score,
                "change": m.change,
                "reason": m.reason,
                "rejected": [{"title": t, "score": s} for t, s in m.rejected],
            }
            for m in c.sections
        ],
        "programs": [
            {
                "status": m.status.value,
                "base": _program_ref(m.base),
                "new": _program_ref(m.new),
                "score": m.score,
                "reason": m.reason,
            }
            for m in c.programs
        ],
        "metrics": seq(
            {
                "status": m.status.value,
                "base": metric_dict(m.base) if m.base else None,
                "new": metric_dict(m.new) if m.new else None,
                "score": m.score,
                "delta": json_number(m.delta.change) if m.delta else None,
                "pct": None if m.delta is None or m.delta.pct is None else float(m.delta.pct),
                "range": None
                if m.delta is None or m.delta.low == m.delta.high
                else {"low": json_number(m.delta.low), "high": json_number(m.delta.high), "proven": m.delta.proven},
                "warnings": list(m.warnings),
                "reason": m.reason,
                "rejected": [{"candidate": t, "score": s} for t, s in m.rejected],
                "points": bool(m.delta and m.delta.points),
                "candidates": [
                    {
                        "id": k.id,
                        "label": k.label,
                        "raw": k.raw,
                        "score": k.score,
                        "status": k.status.value,
                        "detail": k.detail,
                    }
                    for k in m.candidates
                ],
            }
            for m in c.metrics
        ),
        "diffs": seq(
            {
                "base_section": d.base_section,
                "new_section": d.new_section,
                "change": d.change,
                "ops": seq([op.value, text] for op, text in d.ops),
                "sentences": seq(
                    {
                        "kind": sc.kind.value,
                        "base": sc.base,
                        "new": sc.new,
                        "ops": [[op.value, text] for op, text in sc.ops],
                        "whole": sc.whole,
                    }
                    for sc in d.sentences
                ),
            }
            for d in c.diffs
        ),
        "settings": {
            "section_cutoff": cutoffs.section,
            "program_cutoff": cutoffs.program,
            "metric_cutoff": cutoffs.metric,
            "config": c.config_path,
        },
        "targets": [
            {
                "status": t.status.value,
                "target": metric_dict(t.target),
                "outcome": metric_dict(t.outcome),
                "score": t.score,
                "reason": t.reason,
            }
            for t in c.targets
        ],
    }


def trend_dict(trend: Trend) -> dict[str, Any]:
    return {
        "reports": [report_header(r) for r in trend.reports],
        "series": [
            {
                "label": s.label,
                "unit": s.unit,
                "values": [
                    None
                    if m is None
                    else {"id": m.id, "raw": m.raw, "value": json_number(m.value), "qualifier": m.qualifier.value}
                    for m in s.metrics
                ],
                "trend": s.marks,
                "steps": [
                    None
                    if d is None
                    else {"delta": json_number(d.change), "pct": None if d.pct is None else float(d.pct)}
                    for d in s.steps
                ],
            }
            for s in trend.series
        ],
    }


def archive_dict(results: Iterable[PairResult], lazy: bool = False) -> dict[str, Any]:
    """Every pair's result. lazy: the pairs as a generator, each written as it comes and then let go."""
    seq: Any = (lambda items: items) if lazy else list
    return {
        "pairs": seq(
            {
                "document": r.job.document,
                "base": {"year": r.job.base_year, "path": r.job.base_path},
                "new": {"year": r.job.new_year, "path": r.job.new_path},
                "error": r.error,
                "summary": r.summary,
                "check": None if r.check_ok is None else {"ok": r.check_ok, "failures": r.failures},
                "metrics": r.metrics,
            }
            for r in results
        )
    }
