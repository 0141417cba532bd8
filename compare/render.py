"""render.py: turns a Report or a Comparison into output: JSON, plain, markdown, csv — and Rich via view.py.

Never reads files, never recomputes matches: every view is drawn from the records. The
Rich terminal view lives in view.py and is imported only when it is shown, so a JSON or
CSV run never loads Rich.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TextIO

from . import jsonout
from .diff import short_value
from .errors import CompareError
from .model import Comparison, DiffOp, Metric, MetricChange, Program, Qualifier, Report, Section, TextDiff

if TYPE_CHECKING:
    from .archive import PairResult
    from .trend import Trend


class Format(StrEnum):
    RICH = "rich"
    PLAIN = "plain"
    JSON = "json"
    MARKDOWN = "markdown"
    CSV = "csv"


QUALIFIER_MARK = {
    Qualifier.EXACT: "",
    Qualifier.OVER: ">",
    Qualifier.AT_LEAST: "≥",
    Qualifier.UNDER: "<",
    Qualifier.ABOUT: "≈",
    Qualifier.PLACEHOLDER: "?",
}


# ---------------------------------------------------------------- values


def json_number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: an int when whole, else the shortest float that reads back."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def format_value(value: Decimal | None) -> str:
    """2492000000 -> '2,492,000,000'; None -> 'XX' (a placeholder)."""
    if value is None:
        return "XX"
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def emit(out: TextIO, text: str | Iterable[str], utf8: bool = False) -> None:
    """Write text (a string, or pieces of one) in pieces, so a reader that goes away is noticed (exit 141).

    utf8: write UTF-8 bytes whatever the locale (JSON is always UTF-8). Other text follows the
    output's encoding, and a locale that cannot write it is a clear error, not a traceback.
    """
    binary = getattr(out, "buffer", None) if utf8 else None
    pieces = [text] if isinstance(text, str) else text
    try:
        if binary is not None:
            out.flush()
        for piece in pieces:
            if binary is not None:
                data = piece.encode("utf-8")
                for i in range(0, len(data), 65536):
                    binary.write(data[i : i + 65536])
                    binary.flush()
                continue
            for i in range(0, len(piece), 65536):
                out.write(piece[i : i + 65536])
                out.flush()
    except BrokenPipeError:
        raise  # the reader went away: exit 141, as a shell reports SIGPIPE
    except OSError as e:  # a full disk, /dev/full: an error, never a silent success
        raise CompareError(f"cannot write the output: {e.strerror or e}") from None
    except UnicodeEncodeError:
        encoding = getattr(out, "encoding", "?")
        raise CompareError(
            f"the output's encoding ({encoding}) cannot write this report's text; "
            "use a UTF-8 locale (LC_ALL=C.UTF-8) or --format json"
        ) from None


def emit_json(out: TextIO, data: Any) -> None:
    """Write data as JSON (dumps' bytes) while it is encoded: a large comparison is never one string."""
    emit(out, jsonout.chunks(data), utf8=True)


def dumps(data: Any) -> str:
    """UTF-8 JSON, not \\u-escaped, keys in the order built; byte-identical across runs."""
    return jsonout.dumps(data)


# ---------------------------------------------------------------- one report as data


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


# ---------------------------------------------------------------- one report as tables


def _report_rows(report: Report) -> tuple[list[str], list[list[str]]]:
    headers = ["id", "section", "label", "as written", "value", "unit", "qualifier"]
    titles = {s.id: s.title for s in report.sections}
    rows = [
        [m.id, titles.get(m.section, m.section), m.label, m.raw, format_value(m.value), m.unit, m.qualifier.value]
        for m in report.metrics
    ]
    return headers, rows


def render_report(report: Report, fmt: Format, out: TextIO) -> None:
    """Print one normalized report: header, sections, metrics and programs."""
    if fmt is Format.JSON:
        emit_json(out, report_dict(report))
        return
    if fmt in (Format.CSV, Format.MARKDOWN, Format.PLAIN):
        headers, rows = _report_rows(report)
        emit(out, tabular(headers, rows, fmt))
        return
    from .view import make_console, print_report

    print_report(report, make_console(out))


def tabular(headers: list[str], rows: list[list[str]], fmt: Format) -> str:
    """A plain table for logs (plain), docs (markdown) or spreadsheets (csv)."""
    if fmt is Format.CSV:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(headers)
        writer.writerows(rows)
        return out.getvalue()
    import tabulate  # lazily: 45 ms, needed only for these two formats

    tabulate.WIDE_CHARS_MODE = True
    style = "github" if fmt is Format.MARKDOWN else "simple"
    table: str = tabulate.tabulate(rows, headers=headers, tablefmt=style, disable_numparse=True)
    return table + "\n"


# ---------------------------------------------------------------- a comparison as data


class Only(StrEnum):
    SECTIONS = "sections"
    METRICS = "metrics"
    PROGRAMS = "programs"
    TEXT = "text"


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


# ---------------------------------------------------------------- a comparison as tables


def _unit_of(m: MetricChange) -> str:
    ref = m.base or m.new
    return ref.unit if ref else ""


def change_text(m: MetricChange) -> str:
    """'+1.2亿' for a change, '-0.5个百分点' between rates, a range for approximate figures, '' for none."""
    if m.delta is None:
        return ""
    if m.delta.change == 0:
        return "0"
    sign = "+" if m.delta.change > 0 else "-"
    unit = "个百分点" if m.delta.points and _unit_of(m) == "%" else _unit_of(m)
    text = f"{sign}{short_value(abs(m.delta.change), unit)}"
    if m.delta.proven is False:
        text = "≈" + text + " (not proven)"
    return text


def context(metric: Metric, around: int = 12) -> str:
    """The figure in its sentence, trimmed to a few characters either side: …投入帮扶资金5000万元，慰问…"""
    at = metric.sentence.find(metric.raw)
    if at < 0:
        return metric.sentence[: 2 * around]
    lo, hi = max(0, at - around), min(len(metric.sentence), at + len(metric.raw) + around)
    return ("…" if lo else "") + metric.sentence[lo:hi] + ("…" if hi < len(metric.sentence) else "")


def pct_text(m: MetricChange) -> str:
    if m.delta is None or m.delta.pct is None:
        return ""
    return f"{m.delta.pct:+.1f}%"


def metric_rows(c: Comparison) -> tuple[list[str], list[list[str]]]:
    base_year = c.base.year or "base"
    new_year = c.new.year or "new"
    headers = ["status", "label", base_year, new_year, "change", "% change", "warnings"]
    rows = []
    for m in c.metrics:
        label = (m.base or m.new).label if (m.base or m.new) else ""  # type: ignore[union-attr]
        if m.base and m.new and m.base.label != m.new.label:
            label = f"{m.base.label} → {m.new.label}"
        rows.append(
            [
                m.status.value,
                label,
                m.base.raw if m.base else "",
                m.new.raw if m.new else "",
                change_text(m),
                pct_text(m),
                "; ".join(m.warnings),
            ]
        )
    return headers, rows


def target_rows(c: Comparison) -> tuple[list[str], list[list[str]]]:
    """Last year's targets against this year's outcomes: met, exceeded or missed."""
    headers = ["status", "target", f"{c.base.year or 'base'} target", f"{c.new.year or 'new'} outcome"]
    rows = [[t.status.value, t.target.label, t.target.raw, t.outcome.raw] for t in c.targets]
    return headers, rows


def _program_rows(c: Comparison) -> tuple[list[str], list[list[str]]]:
    headers = ["status", c.base.year or "base", c.new.year or "new", "score", "evidence"]
    rows = [
        [m.status.value, m.base.name if m.base else "", m.new.name if m.new else "", f"{m.score:.0f}", m.reason]
        for m in c.programs
    ]
    return headers, rows


def _plain_diffs(c: Comparison) -> list[str]:
    """Each changed section's diff as text, edits marked [-old-]{+new+}."""
    out = []
    for heading, d in changed_diffs(c):
        out.append(f"== {heading} ({d.change:.0%} changed)\n{marked_diff(d.ops)}\n")
    return out


def marked_diff(ops: tuple[tuple[DiffOp, str], ...]) -> str:
    """A diff as text: deletions [-so-], insertions {+so+}."""
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return "".join(marks[op].format(text) for op, text in ops)


def changed_diffs(c: Comparison) -> list[tuple[str, TextDiff]]:
    titles_base = {s.id: s.title for s in c.base.sections}
    titles_new = {s.id: s.title for s in c.new.sections}
    out = []
    for d in c.diffs:
        if d.change:
            a, b = titles_base[d.base_section], titles_new[d.new_section]
            out.append((a if a == b else f"{a} → {b}", d))
    return out


def _section_rows(c: Comparison) -> tuple[list[str], list[list[str]]]:
    headers = ["status", c.base.year or "base", c.new.year or "new", "score", "changed"]
    rows = [
        [
            m.status.value,
            m.base.title if m.base else "",
            m.new.title if m.new else "",
            f"{m.score:.0f}" if m.base and m.new else "",
            f"{m.change:.0%}" if m.base and m.new else "",
        ]
        for m in c.sections
    ]
    return headers, rows


def render_comparison(c: Comparison, fmt: Format, out: TextIO, only: Only | None, explain: bool) -> None:
    """Print a comparison in the chosen format (JSON is always the whole comparison)."""
    if fmt is Format.JSON:
        emit_json(out, comparison_dict(c, lazy=True))
        return
    tables = {Only.SECTIONS: _section_rows, Only.METRICS: metric_rows, Only.PROGRAMS: _program_rows}
    if fmt in (Format.CSV, Format.MARKDOWN):
        if only is Only.TEXT:
            raise CompareError("--only text has no table form; use --format rich or plain")
        emit(out, tabular(*tables[only or Only.METRICS](c), fmt))
        return
    if fmt is Format.PLAIN:
        parts = [_summary_line(c)]
        for part in (Only.SECTIONS, Only.METRICS, Only.PROGRAMS):
            if only in (None, part):
                parts.append(tabular(*tables[part](c), fmt))
            if part is Only.METRICS and c.targets and only in (None, Only.METRICS):
                parts.append("targets:\n" + tabular(*target_rows(c), fmt))
        if only in (None, Only.TEXT):
            parts.extend(_plain_diffs(c))
        emit(out, "\n".join(parts))
        return
    from .view import make_console, print_comparison

    print_comparison(c, make_console(out), only, explain)


def _summary_line(c: Comparison) -> str:
    s = c.summary()
    metrics = ", ".join(f"{n} {k}" for k, n in s["metrics"].items())
    sections = ", ".join(f"{n} {k}" for k, n in s["sections"].items())
    programs = ", ".join(f"{n} {k}" for k, n in s["programs"].items())
    return (
        f"{c.base.year or c.base.path} → {c.new.year or c.new.path}\n"
        f"metrics: {metrics}\nsections: {sections}\nprograms: {programs}\n"
    )


# ---------------------------------------------------------------- three or more reports


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
            }
            for s in trend.series
        ],
    }


def render_trend(trend: Trend, fmt: Format, out: TextIO) -> None:
    """Each figure's values across the years, with a mark per step (↑ ↓ → ·)."""
    if fmt is Format.JSON:
        emit_json(out, trend_dict(trend))
        return
    headers = ["label", *[r.year or r.path for r in trend.reports], "trend"]
    rows = [[s.label, *[m.raw if m else "" for m in s.metrics], s.marks] for s in trend.series]
    if fmt is not Format.RICH:
        emit(out, tabular(headers, rows, fmt))
        return
    from .view import make_console, print_trend

    print_trend(headers, rows, make_console(out))


# ---------------------------------------------------------------- a whole archive


def archive_dict(results: list[PairResult]) -> dict[str, Any]:
    return {
        "pairs": [
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
        ]
    }


def _archive_rows(results: list[PairResult]) -> tuple[list[str], list[list[str]]]:
    headers = ["years", "document", "changed", "new", "missing", "pending", "sections new/dropped", "check"]
    rows = []
    for r in results:
        years = f"{r.job.base_year}→{r.job.new_year}"
        if r.error:
            rows.append([years, r.job.document, "", "", "", "", "", f"error: {r.error}"])
            continue
        m, s = r.summary["metrics"], r.summary["sections"]
        check = "" if r.check_ok is None else ("ok" if r.check_ok else f"{r.failures} failed")
        rows.append(
            [years, r.job.document, str(m["changed"]), str(m["new"]), str(m["missing"]), str(m["pending"]),
             f"{s['new']}/{s['dropped']}", check]
        )  # fmt: skip
    return headers, rows


def render_archive(results: list[PairResult], fmt: Format, out: TextIO) -> None:
    """One combined result: JSON of every pair, or a summary table with a row per pair."""
    if fmt is Format.JSON:
        emit_json(out, archive_dict(results))
        return
    headers, rows = _archive_rows(results)
    if fmt is not Format.RICH:
        emit(out, tabular(headers, rows, fmt))
        return
    from .view import make_console, print_archive

    print_archive(headers, rows, make_console(out))
