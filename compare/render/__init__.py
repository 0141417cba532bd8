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

from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from ..errors import CompareError
from ..model import Comparison, Report
from .data import archive_dict, comparison_dict, json_number, metric_dict, report_dict, trend_dict
from .emit import dumps, emit, emit_json
from .options import Format, Only, View
from .strings import Lang, resolve, words
from .tables import (
    BOM,
    _archive_rows,
    _program_rows,
    _report_rows,
    _section_rows,
    format_value,
    tabular,
)

if TYPE_CHECKING:
    from ..archive import PairResult
    from ..config import Config
    from ..trend import Trend

__all__ = [
    "Format",
    "Only",
    "View",
    "archive_dict",
    "comparison_dict",
    "dumps",
    "emit",
    "emit_json",
    "format_value",
    "json_number",
    "metric_dict",
    "render",
    "render_archive",
    "render_comparison",
    "render_report",
    "render_trend",
    "report_dict",
    "trend_dict",
]


def render(result: Report | Comparison | Trend | Iterable[PairResult], fmt: Format, out: TextIO, view: View) -> None:
    """The one entry: any result, in any format, drawn as the view says."""
    if isinstance(result, Report):
        render_report(result, fmt, out, lang=view.lang, pager=view.pager, bom=view.bom)
        return
    if isinstance(result, Comparison):
        render_comparison(result, fmt, out, view.only, view.explain, config=view.config, lang=view.lang,
                          pager=view.pager, bom=view.bom, context=view.context)  # fmt: skip
        return
    from ..trend import Trend  # only here: it brings the pipeline, which a report or a comparison do not need

    if isinstance(result, Trend):
        render_trend(result, fmt, out, lang=view.lang, bom=view.bom)
    else:
        render_archive(result, fmt, out, lang=view.lang, bom=view.bom)


def render_report(
    report: Report, fmt: Format, out: TextIO, *, lang: Lang = Lang.AUTO, pager: bool = False, bom: bool = True
) -> None:
    """Print one normalized report: header, sections, metrics and programs."""
    if fmt is Format.JSON:
        emit_json(out, report_dict(report))
        return
    if fmt is Format.CSV:
        from .sheets import report_csv

        emit(out, report_csv(report, _csv_lang(lang), bom), utf8=True)
        return
    if fmt in (Format.MARKDOWN, Format.PLAIN):
        headers, rows = _report_rows(report, words(resolve(lang)))
        emit(out, tabular(headers, rows, fmt))
        return
    from .terminal import make_console, print_report

    print_report(report, make_console(out), resolve(lang), pager)


def render_comparison(
    c: Comparison,
    fmt: Format,
    out: TextIO,
    only: Only | None = None,
    explain: bool = False,
    *,
    config: Config | None = None,
    lang: Lang = Lang.AUTO,
    pager: bool = False,
    bom: bool = True,
    context: int = 1,
) -> None:
    """Print a comparison in the chosen format (JSON is always the whole comparison).

    config supplies the waivers the briefing shows; lang the words (AUTO: from the locale);
    pager pages a long Rich view on a terminal; bom starts CSV with a UTF-8 byte-order mark.
    """
    if fmt is Format.JSON:
        emit_json(out, comparison_dict(c, lazy=True))
        return
    csv_lang, lang = _csv_lang(lang), resolve(lang)
    if fmt is Format.CSV:
        if only is Only.TEXT:
            raise CompareError("--only text has no table form; use --format rich, plain or markdown")
        if only in (None, Only.METRICS):
            from .sheets import comparison_csv

            emit(out, comparison_csv(c, csv_lang, bom), utf8=True)
            return
        tables = {Only.SECTIONS: _section_rows, Only.PROGRAMS: _program_rows}
        emit(out, _bom(bom) + tabular(*tables[only](c), fmt), utf8=True)
        return
    if fmt in (Format.PLAIN, Format.MARKDOWN):
        from .document import comparison_document

        emit(out, comparison_document(c, fmt, only, config, lang, context))
        return
    from .terminal import make_console, print_comparison

    print_comparison(c, make_console(out), only, explain, config=config, lang=lang, pager=pager, context=context)


def _bom(bom: bool) -> str:
    """A UTF-8 byte-order mark, so a double-clicked CSV opens in a Chinese Excel as text, not mojibake."""
    return BOM if bom else ""


def _csv_lang(lang: Lang) -> Lang:
    """A CSV is for machines: its words follow --lang when given, never the locale."""
    return Lang.EN if lang is Lang.AUTO else lang


def render_trend(trend: Trend, fmt: Format, out: TextIO, *, lang: Lang = Lang.AUTO, bom: bool = True) -> None:
    """Each figure's values across the years, with the % change and a mark per step (↑ ↓ → ·)."""
    if fmt is Format.JSON:
        emit_json(out, trend_dict(trend))
        return
    w = words(resolve(lang))
    headers = [w["label"], *[r.year or r.path for r in trend.reports], w["trend"]]
    rows = []
    for s in trend.series:
        cells = [s.metrics[0].raw if s.metrics[0] else ""]
        for m, d in zip(s.metrics[1:], s.steps, strict=True):
            step = "" if d is None or d.pct is None else f"{d.pct:+.1f}%"
            cells.append(f"{m.raw} ({step})" if m and step else m.raw if m else "")
        rows.append([s.label, *cells, s.marks])
    if fmt is not Format.RICH:
        legend = "" if fmt is Format.CSV else "\n" + w["legend_trend"] + "\n"
        emit(
            out, (_bom(bom) if fmt is Format.CSV else "") + tabular(headers, rows, fmt) + legend, utf8=fmt is Format.CSV
        )
        return
    from .terminal import make_console, print_trend

    print_trend(headers, rows, make_console(out), w)


def render_archive(
    results: Iterable[PairResult], fmt: Format, out: TextIO, *, lang: Lang = Lang.AUTO, bom: bool = True
) -> None:
    """One combined result: JSON of every pair (written as each comes), or a summary table, a row per pair."""
    if fmt is Format.JSON:
        emit_json(out, archive_dict(results, lazy=True))
        return
    results = list(results)
    w = words(resolve(lang))
    headers, rows = _archive_rows(results, w)
    if fmt is not Format.RICH:
        emit(out, (_bom(bom) if fmt is Format.CSV else "") + tabular(headers, rows, fmt), utf8=fmt is Format.CSV)
        return
    from .terminal import make_console, print_archive

    print_archive(headers, rows, [r.error is not None for r in results], make_console(out), w)
