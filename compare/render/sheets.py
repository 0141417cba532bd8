"""sheets.py: a comparison or a report as a spreadsheet: CSV that a Chinese Excel opens, and an xlsx workbook.

Numbers are written as numbers (the JSON's values, in base units), with the as-written text beside
them; every header and status goes through the strings table. Draws on the briefing and the JSON
number rules; never reads files or recomputes anything.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from wcwidth import wcwidth

from ..config import Config
from ..model import Comparison, MetricChange, MetricStatus, Report
from .briefing import Briefing, build, summary_text
from .data import json_number
from .strings import Lang, words
from .tables import BOM, format_value, spreadsheet_safe

# A fixed creation date: the same comparison gives the same workbook, byte for byte.
CREATED = dt.datetime(2000, 1, 1)
MIN_WIDTH, MAX_WIDTH = 6, 60  # column widths, in Excel's character units

Number = int | float | None
Cell = str | Number


# ---------------------------------------------------------------- rows shared by CSV and xlsx


def _figure_headers(w: Mapping[str, str]) -> list[str]:
    return [
        w["status"], w["section"], w["label"], w["csv_base_as_written"], w["csv_new_as_written"],
        w["csv_base_value"], w["csv_new_value"], w["unit"], w["csv_delta"], w["csv_pct"], w["warnings"],
    ]  # fmt: skip


FIGURE_NUMBERS = (5, 6, 8)  # base_value, new_value, delta
FIGURE_PCT = 9


def _pct(m: MetricChange) -> float | None:
    return None if m.delta is None or m.delta.pct is None else float(m.delta.pct)


def _figure_rows(c: Comparison, w: Mapping[str, str]) -> list[list[Cell]]:
    """One row per figure change; numbers as the JSON writes them (pct in percent: 140.0 is +140%)."""
    base_titles = {s.id: s.title for s in c.base.sections}
    new_titles = {s.id: s.title for s in c.new.sections}
    rows: list[list[Cell]] = []
    for m in c.metrics:
        ref = m.new or m.base
        label = ref.label if ref else ""
        if m.base and m.new and m.base.label != m.new.label:
            label = f"{m.base.label} → {m.new.label}"
        section = new_titles.get(m.new.section, "") if m.new else ""
        if not section and m.base:
            section = base_titles.get(m.base.section, "")
        rows.append(
            [
                w[m.status.value],
                section,
                label,
                m.base.raw if m.base else "",
                m.new.raw if m.new else "",
                json_number(m.base.value) if m.base else None,
                json_number(m.new.value) if m.new else None,
                ref.unit if ref else "",
                json_number(m.delta.change) if m.delta else None,
                _pct(m),
                "; ".join(m.warnings),
            ]
        )
    return rows


def _report_headers(w: Mapping[str, str]) -> list[str]:
    return [w["id"], w["section"], w["label"], w["csv_as_written"], w["value"], w["unit"], w["qualifier"]]


def _report_rows(report: Report) -> list[list[Cell]]:
    titles = {s.id: s.title for s in report.sections}
    return [
        [m.id, titles.get(m.section, m.section), m.label, m.raw, json_number(m.value), m.unit, m.qualifier.value]
        for m in report.metrics
    ]


# ---------------------------------------------------------------- CSV


def plain_number(value: Number) -> str:
    """A number as a spreadsheet reads it: no thousands separators, '.' decimal, no exponent; '' for none."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return format(Decimal(repr(value)), "f")  # repr: the shortest text that reads back as this float


def _csv(headers: list[str], rows: list[list[Cell]], bom: bool) -> str:
    out = io.StringIO()
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(
        [spreadsheet_safe(cell) if isinstance(cell, str) else plain_number(cell) for cell in row] for row in rows
    )
    return out.getvalue()


def comparison_csv(c: Comparison, lang: Lang, bom: bool = True) -> str:
    """One row per figure change: status, section, label, both figures as written and as numbers, the change."""
    w = words(lang)
    return _csv(_figure_headers(w), _figure_rows(c, w), bom)


def report_csv(report: Report, lang: Lang, bom: bool = True) -> str:
    """One row per figure of one report: id, section, label, as written, value (a number), unit, qualifier."""
    w = words(lang)
    return _csv(_report_headers(w), _report_rows(report), bom)


# ---------------------------------------------------------------- xlsx


def _width(text: str, limit: int | None = 2 * MAX_WIDTH) -> int:
    """Display width: a CJK character counts 2; by default measured only as far as a column's cap."""
    return sum(max(wcwidth(ch), 0) for ch in text[:limit])


class _Book:
    """An xlsxwriter workbook with the few formats every sheet shares."""

    def __init__(self) -> None:
        import xlsxwriter  # type: ignore[import-untyped]  # lazily: about 70 ms, needed only for --xlsx

        self.buffer = io.BytesIO()
        self.book: Any = xlsxwriter.Workbook(self.buffer, {"in_memory": True})
        self.book.set_properties({"created": CREATED})
        self.header = self.book.add_format({"bold": True, "bottom": 1, "bg_color": "#EEEEEE"})
        self.bold = self.book.add_format({"bold": True})
        self.wrap = self.book.add_format({"text_wrap": True, "valign": "top"})
        self.integer = self.book.add_format({"num_format": "#,##0"})
        self.decimal = self.book.add_format({"num_format": "#,##0.0#########"})
        self.signed_integer = self.book.add_format({"num_format": "+#,##0;-#,##0;0"})
        self.signed_decimal = self.book.add_format({"num_format": "+#,##0.0#########;-#,##0.0#########;0"})
        self.pct = self.book.add_format({"num_format": "+0.0%;-0.0%;0.0%"})
        self.share = self.book.add_format({"num_format": "0%"})
        self.score = self.book.add_format({"num_format": "0"})

    def table(
        self,
        name: str,
        headers: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        formats: Mapping[int, str] | None = None,
    ) -> None:
        """A sheet holding one table: frozen header row, a filter over it, widths that fit CJK text.

        formats maps a column to how its numbers read: "number", "signed", "pct" (a percent, stored
        as a fraction so Excel's % format shows it), "share" (a 0-1 fraction) or "score".
        """
        formats = formats or {}
        sheet = self.book.add_worksheet(name)
        widths = [_width(h) for h in headers]
        for col, h in enumerate(headers):
            sheet.write_string(0, col, h, self.header)
        for r, row in enumerate(rows, start=1):
            for col, cell in enumerate(row):
                if cell is None or cell == "":
                    continue
                if isinstance(cell, str):
                    sheet.write_string(r, col, cell)
                    widths[col] = max(widths[col], _width(cell))
                    continue
                kind = formats.get(col, "number")
                value, fmt, shown = self._number(cell, kind)
                sheet.write_number(r, col, value, fmt)
                widths[col] = max(widths[col], len(shown))
        for col, width in enumerate(widths):
            sheet.set_column(col, col, min(MAX_WIDTH, max(MIN_WIDTH, width + 2)))
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(rows), len(headers) - 1)

    def _number(self, cell: int | float, kind: str) -> tuple[float, Any, str]:
        """The value to store, its format, and the text Excel shows (for the column width)."""
        whole = isinstance(cell, int) or float(cell).is_integer()
        if kind == "pct":  # Excel's % format shows a fraction: 140.0 (%) is stored as 1.4
            return float(Decimal(repr(cell)) / 100), self.pct, f"{cell:+.1f}%"
        if kind == "share":
            return float(cell), self.share, f"{cell:.0%}"
        if kind == "score":
            return float(cell), self.score, f"{cell:.0f}"
        shown = format_value(Decimal(repr(cell)) if isinstance(cell, float) else Decimal(cell))
        if kind == "signed":
            return float(cell), self.signed_integer if whole else self.signed_decimal, "+" + shown
        return float(cell), self.integer if whole else self.decimal, shown

    def bytes(self) -> bytes:
        self.book.close()
        return self.buffer.getvalue()


def comparison_xlsx(c: Comparison, config: Config | None, lang: Lang) -> bytes:
    """The comparison as a workbook: summary, figures, sections, programs, targets and waived sheets.

    Targets appear only when the base report stated goals; waived only when config waived something,
    and a waived missing figure then reads "waived" in the figures sheet. Text is written as text,
    never as a formula. The same comparison gives the same bytes.
    """
    w = words(lang)
    b = build(c, config)
    book = _Book()
    _summary_sheet(book, c, b, w)
    figures = _figure_rows(c, w)
    waived = {id(m) for m in c.metrics if m.status is MetricStatus.MISSING} - {id(m) for m in b.missing}
    for row, m in zip(figures, c.metrics, strict=True):
        if id(m) in waived:  # the filter then tells the missing figures to act on from the waived
            row[0] = w["waived"]
    book.table(
        w["figures"],
        _figure_headers(w),
        figures,
        {**dict.fromkeys(FIGURE_NUMBERS, "number"), FIGURE_NUMBERS[2]: "signed", FIGURE_PCT: "pct"},
    )
    _sections_sheet(book, c, b, w)
    _programs_sheet(book, c, w)
    if c.targets:
        _targets_sheet(book, c, w)
    if b.waived:
        rows: list[list[Cell]] = [
            [w["sheet_figure"] if x.what == "figure" else w["section"], x.label, x.raw, x.section, x.reason,
             x.owner or ""]
            for x in b.waived
        ]  # fmt: skip
        headers = [w["kind"], w["label"], w["as_written"], w["section"], w["reason"], w["owner"]]
        book.table(w["sheet_waived"], headers, rows)
    return book.bytes()


def _year(report: Report, fallback: str) -> str:
    return report.year or fallback


def _summary_sheet(book: _Book, c: Comparison, b: Briefing, w: Mapping[str, str]) -> None:
    """The briefing's paragraph above a table of counts (part, status, count)."""
    sheet = book.book.add_worksheet(w["summary"])
    title = f"{_year(c.base, w['base'])} {c.base.title} → {_year(c.new, w['new_side'])} {c.new.title}"
    sheet.write_string(0, 0, title, book.bold)
    paragraph = summary_text(c, b, w)
    columns, width = 4, 24  # the paragraph spans the four columns of the counts below
    sheet.set_column(0, columns - 1, width)
    sheet.merge_range(1, 0, 1, columns - 1, paragraph, book.wrap)
    lines = max(1, math.ceil(_width(paragraph, None) / (columns * width - 2)))
    sheet.set_row(1, 15 * lines + 3)
    summary = c.summary()
    sections_waived = sum(1 for x in b.waived if x.what == "section")
    counts: list[tuple[str, str, int]] = [(w["figures"], w[s], n) for s, n in summary["metrics"].items()]
    counts.append((w["figures"], w["waived"], b.waived_missing))
    counts += [(w["sections"], w[s], n) for s, n in summary["sections"].items()]
    counts.append((w["sections"], w["waived"], sections_waived))
    counts += [(w["programs"], w[s], n) for s, n in summary["programs"].items()]
    if c.targets:
        for status in ("met", "exceeded", "missed"):
            counts.append((w["targets"], w[status], sum(1 for t in c.targets if t.status.value == status)))
    top = 3
    for col, h in enumerate((w["sheet_part"], w["status"], w["sheet_count"])):
        sheet.write_string(top, col, h, book.header)
    for r, (part, status, n) in enumerate(counts, start=top + 1):
        sheet.write_string(r, 0, part)
        sheet.write_string(r, 1, status)
        sheet.write_number(r, 2, n, book.integer)
    sheet.autofilter(top, 0, top + len(counts), 2)


def _sections_sheet(book: _Book, c: Comparison, b: Briefing, w: Mapping[str, str]) -> None:
    headers = [
        w["status"], _year(c.base, w["base"]), _year(c.new, w["new_side"]), w["score"], w["text_changed"],
        w["sheet_figures_changed"], w["sheet_sentences_added"], w["sheet_sentences_removed"],
        w["sheet_programs_started"], w["sheet_programs_dropped"],
    ]  # fmt: skip
    rows: list[list[Cell]] = []
    for line in b.sections:
        m = line.match
        both = m.base is not None and m.new is not None
        rows.append(
            [
                w[m.status.value],
                m.base.title if m.base else "",
                m.new.title if m.new else "",
                round(m.score) if both else None,
                m.change if both else None,
                line.figures,
                line.added,
                line.removed,
                line.started,
                line.stopped,
            ]
        )
    book.table(w["sections"], headers, rows, {3: "score", 4: "share"})


def _programs_sheet(book: _Book, c: Comparison, w: Mapping[str, str]) -> None:
    base_titles = {s.id: s.title for s in c.base.sections}
    new_titles = {s.id: s.title for s in c.new.sections}
    headers = [
        w["status"], _year(c.base, w["base"]), _year(c.new, w["new_side"]), w["in_section"], w["score"],
        w["evidence"],
    ]  # fmt: skip
    rows: list[list[Cell]] = []
    for m in c.programs:
        section = new_titles.get(m.new.section, "") if m.new else ""
        if not section and m.base:
            section = base_titles.get(m.base.section, "")
        rows.append(
            [
                w[m.status.value],
                m.base.name if m.base else "",
                m.new.name if m.new else "",
                section,
                round(m.score),
                m.reason,
            ]
        )
    book.table(w["programs"], headers, rows, {4: "score"})


def _targets_sheet(book: _Book, c: Comparison, w: Mapping[str, str]) -> None:
    headers = [
        w["status"], w["label"], w["target"], w["sheet_target_value"], w["outcome"], w["sheet_outcome_value"],
        w["unit"], w["score"], w["evidence"],
    ]  # fmt: skip
    rows: list[list[Cell]] = [
        [
            w[t.status.value],
            t.target.label,
            t.target.raw,
            json_number(t.target.value),
            t.outcome.raw,
            json_number(t.outcome.value),
            t.target.unit,
            round(t.score),
            t.reason,
        ]
        for t in c.targets
    ]
    book.table(w["targets"], headers, rows, {7: "score"})
