"""compare.render: every output of a report, a comparison, a trend or an archive.

Never reads files, never recomputes matches: every view is drawn from the records. The
package only points down: no pipeline stage imports it. The Rich terminal view lives in
terminal.py and is imported only when it is shown, so a JSON or CSV run never loads Rich.

  options   the choices (Format, Only)
  emit      writing, in pieces; JSON as UTF-8
  data      JSON data (the public contract)
  tables    rows, and rows as plain / markdown / csv
  terminal  the Rich view (and --html, for now)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from ..errors import CompareError
from ..model import Comparison, Report
from .data import archive_dict, comparison_dict, json_number, metric_dict, report_dict, trend_dict
from .emit import dumps, emit, emit_json
from .options import Format, Only
from .tables import (
    _archive_rows,
    _plain_diffs,
    _program_rows,
    _report_rows,
    _section_rows,
    _summary_line,
    format_value,
    metric_rows,
    tabular,
    target_rows,
)

if TYPE_CHECKING:
    from ..archive import PairResult
    from ..trend import Trend

__all__ = [
    "Format",
    "Only",
    "archive_dict",
    "comparison_dict",
    "dumps",
    "emit",
    "emit_json",
    "format_value",
    "json_number",
    "metric_dict",
    "render_archive",
    "render_comparison",
    "render_report",
    "render_trend",
    "report_dict",
    "trend_dict",
]


def render_report(report: Report, fmt: Format, out: TextIO) -> None:
    """Print one normalized report: header, sections, metrics and programs."""
    if fmt is Format.JSON:
        emit_json(out, report_dict(report))
        return
    if fmt in (Format.CSV, Format.MARKDOWN, Format.PLAIN):
        headers, rows = _report_rows(report)
        emit(out, tabular(headers, rows, fmt))
        return
    from .terminal import make_console, print_report

    print_report(report, make_console(out))


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
    from .terminal import make_console, print_comparison

    print_comparison(c, make_console(out), only, explain)


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
    from .terminal import make_console, print_trend

    print_trend(headers, rows, make_console(out))


def render_archive(results: list[PairResult], fmt: Format, out: TextIO) -> None:
    """One combined result: JSON of every pair, or a summary table with a row per pair."""
    if fmt is Format.JSON:
        emit_json(out, archive_dict(results))
        return
    headers, rows = _archive_rows(results)
    if fmt is not Format.RICH:
        emit(out, tabular(headers, rows, fmt))
        return
    from .terminal import make_console, print_archive

    print_archive(headers, rows, make_console(out))
