"""render.py: turns a Report or a Comparison into output (Rich, plain, markdown, csv, JSON).

Never reads files, never recomputes matches: every view is drawn from the records.
Report text reaches the terminal only as rich.text.Text, so `[bold]` in a report is
shown literally and never interpreted as markup.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from enum import StrEnum
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .model import Metric, Qualifier, Report


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


def format_value(value: Decimal | None, unit: str = "") -> str:
    """2492000000 -> '2,492,000,000'; None -> 'XX' (a placeholder)."""
    if value is None:
        return "XX"
    if value == value.to_integral_value():
        text = f"{int(value):,}"
    else:
        text = f"{value.normalize():,f}"
    return f"{text}{unit if unit in ('%',) else ''}"


def short_value(value: Decimal | None, unit: str = "") -> str:
    """A reader's form with 万/亿: 2492000000 元 -> '24.92亿元'."""
    if value is None:
        return f"XX{unit}"
    for scale, word in ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
        if abs(value) >= scale:
            scaled = (value / scale).quantize(Decimal("0.01")).normalize()
            return f"{scaled:f}{word}{unit}"
    plain = value.normalize()
    return f"{plain:f}{unit}"


def dumps(data: Any) -> str:
    """UTF-8 JSON, not \\u-escaped, keys in the order built; byte-identical across runs."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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


def render_report(report: Report, fmt: Format, console: Console) -> None:
    """Print one normalized report: header, sections, metrics and programs."""
    if fmt is Format.JSON:
        console.file.write(dumps(report_dict(report)))
        return
    if fmt in (Format.CSV, Format.MARKDOWN, Format.PLAIN):
        headers, rows = _report_rows(report)
        console.file.write(tabular(headers, rows, fmt))
        return
    console.print(_report_panel(report))
    counts: dict[str, int] = {}
    for m in report.metrics:
        counts[m.section] = counts.get(m.section, 0) + 1
    sections = Table(title="Sections", title_justify="left", show_lines=False)
    for name, justify in (
        ("id", "left"),
        ("title", "left"),
        ("kind", "left"),
        ("瞬间", "center"),
        ("paragraphs", "right"),
        ("chars", "right"),
        ("figures", "right"),
    ):
        sections.add_column(name, justify=justify)  # type: ignore[arg-type]
    for s in report.sections:
        sections.add_row(
            s.id,
            Text(s.title),
            s.kind.value,
            "✓" if s.moment else "",
            str(len(s.paragraphs) + (1 if s.moment else 0)),
            str(len(s.text)),
            str(counts.get(s.id, 0)),
        )
    console.print(sections)

    metrics = Table(title=f"Figures ({len(report.metrics)})", title_justify="left")
    for name, justify in (
        ("section", "left"),
        ("label", "left"),
        ("as written", "right"),
        ("value", "right"),
        ("unit", "left"),
        ("qualifier", "left"),
    ):
        metrics.add_column(name, justify=justify)  # type: ignore[arg-type]
    for m in report.metrics:
        metrics.add_row(
            m.section,
            Text(m.label),
            Text(m.raw),
            format_value(m.value),
            Text(m.unit),
            Text(m.qualifier.value, style="yellow" if m.qualifier is Qualifier.PLACEHOLDER else ""),
        )
    console.print(metrics)

    programs = Table(title=f"Programs ({len(report.programs)})", title_justify="left")
    for name in ("section", "kind", "name"):
        programs.add_column(name)
    for p in report.programs:
        programs.add_row(p.section, p.kind.value, Text(p.name))
    console.print(programs)


def _report_panel(report: Report) -> Panel:
    lines = [Text(report.title or "(untitled)", style="bold")]
    if report.subtitle:
        lines.append(Text(report.subtitle))
    facts = Text()
    facts.append(f"year {report.year or '-'}  ·  status ")
    facts.append(report.status, style="yellow" if report.status == "draft" else "green")
    facts.append(
        f"  ·  {len(report.sections)} sections, {len(report.metrics)} figures, {len(report.programs)} programs"
    )
    lines.append(facts)
    lines.append(Text(f"source: {report.source or report.path}", style="dim"))
    return Panel(Group(*lines), expand=False)


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
