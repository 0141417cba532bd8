"""tables.py: a report, a comparison or an archive as rows, and rows as plain, markdown or csv text."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from ..diff import short_value
from ..model import Comparison, DiffOp, Metric, MetricChange, Qualifier, Report, TextDiff
from .options import Format

if TYPE_CHECKING:
    from ..archive import PairResult


QUALIFIER_MARK = {
    Qualifier.EXACT: "",
    Qualifier.OVER: ">",
    Qualifier.AT_LEAST: "≥",
    Qualifier.UNDER: "<",
    Qualifier.ABOUT: "≈",
    Qualifier.PLACEHOLDER: "?",
}


def format_value(value: Decimal | None) -> str:
    """2492000000 -> '2,492,000,000'; None -> 'XX' (a placeholder)."""
    if value is None:
        return "XX"
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


BOM = "\ufeff"  # Excel reads a CSV as UTF-8 only when it opens with a byte-order mark
_NUMBER_CELL = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?%?")


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs: one that opens with =, @, a tab, a return, or a
    sign (unless the whole cell is a number, -8.6%) gets a leading apostrophe."""
    first = cell[:1]
    if first in ("=", "@", "\t", "\r") or (first in ("+", "-") and not _NUMBER_CELL.fullmatch(cell)):
        return "'" + cell
    return cell


def tabular(headers: list[str], rows: list[list[str]], fmt: Format) -> str:
    """A plain table for logs (plain), docs (markdown) or spreadsheets (csv)."""
    if fmt is Format.CSV:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([spreadsheet_safe(h) for h in headers])
        writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
        return out.getvalue()
    import tabulate  # lazily: 45 ms, needed only for these two formats

    tabulate.WIDE_CHARS_MODE = True
    if fmt is Format.MARKDOWN:  # a pipe or a line break in report text must not break the table
        rows = [[_md_cell(cell) for cell in row] for row in rows]
    style = "github" if fmt is Format.MARKDOWN else "simple"
    table: str = tabulate.tabulate(rows, headers=headers, tablefmt=style, disable_numparse=True)
    return table + "\n"


def md_text(text: str) -> str:
    """Report text inside Markdown: no raw HTML (<script>), no entity, no line that opens a heading or a list."""
    return _MD_LEAD.sub(lambda m: "\\" + m.group(), _no_html(text))


def _no_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_MD_LEAD = re.compile(r"^(?:#|[-+*](?=\s)|\d+\.(?=\s))", re.MULTILINE)


def _md_cell(text: str) -> str:
    """A table cell: no raw HTML, and a pipe or a line break cannot end the cell or the row."""
    return _no_html(text.replace("\\", "\\\\")).replace("|", "\\|").replace("\n", "<br>")


def _report_rows(report: Report, w: Mapping[str, str] | None = None) -> tuple[list[str], list[list[str]]]:
    keys = ("id", "section", "label", "as_written", "value", "unit", "qualifier")
    headers = [w[k] for k in keys] if w else [k.replace("_", " ") for k in keys]
    titles = {s.id: s.title for s in report.sections}
    rows = [
        [m.id, titles.get(m.section, m.section), m.label, m.raw, format_value(m.value), m.unit, m.qualifier.value]
        for m in report.metrics
    ]
    return headers, rows


def _unit_of(m: MetricChange) -> str:
    ref = m.base or m.new
    return ref.unit if ref else ""


def change_text(m: MetricChange, w: Mapping[str, str] | None = None) -> str:
    """'+1.2亿' for a change, '-0.5个百分点' between rates, a range for approximate figures, '' for none."""
    if m.delta is None:
        return ""
    if m.delta.change == 0:
        return "0"
    sign = "+" if m.delta.change > 0 else "-"
    unit = "个百分点" if m.delta.points and _unit_of(m) == "%" else _unit_of(m)
    text = f"{sign}{short_value(abs(m.delta.change), unit)}"
    if m.delta.proven is False:
        text = "≈" + text + f" ({w['not_proven'] if w else 'not proven'})"
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


def _program_rows(c: Comparison) -> tuple[list[str], list[list[str]]]:
    headers = ["status", c.base.year or "base", c.new.year or "new", "score", "evidence"]
    rows = [
        [m.status.value, m.base.name if m.base else "", m.new.name if m.new else "", f"{m.score:.0f}", m.reason]
        for m in c.programs
    ]
    return headers, rows


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


def _archive_rows(results: list[PairResult], w: Mapping[str, str]) -> tuple[list[str], list[list[str]]]:
    headers = [w["years"], w["document"], w["changed"], w["new"], w["missing"], w["pending"],
               w["sections_new_dropped"], w["check"]]  # fmt: skip
    rows = []
    for r in results:
        years = f"{r.job.base_year}→{r.job.new_year}"
        if r.error:
            rows.append([years, r.job.document, "", "", "", "", "", f"{w['error']}: {r.error}"])
            continue
        m, s = r.summary["metrics"], r.summary["sections"]
        check = "" if r.check_ok is None else (w["ok"] if r.check_ok else w["n_failed"].format(n=r.failures))
        rows.append(
            [years, r.job.document, str(m["changed"]), str(m["new"]), str(m["missing"]), str(m["pending"]),
             f"{s['new']}/{s['dropped']}", check]
        )  # fmt: skip
    return headers, rows
