"""terminal.py: the Rich terminal view of a report, a comparison, a trend or an archive.

Imported only when the Rich view is shown. Report text reaches the terminal only as
rich.text.Text, so `[bold]` in a report is shown literally and never interpreted as markup.
"""

from __future__ import annotations

import io
from typing import Any, TextIO

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Comparison, DiffOp, MetricStatus, Qualifier, Report
from .options import Only
from .tables import (
    changed_diffs,
    context,
    format_value,
    metric_rows,
    target_rows,
)


def make_console(out: TextIO | None = None) -> Console:
    """The output console; Rich honours NO_COLOR, TERM=dumb and non-TTY output itself."""

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    return _Console(file=out, highlight=False, soft_wrap=False)


def print_report(report: Report, console: Console) -> None:
    """Header panel, then the sections, figures and programs tables."""
    console.print(_report_panel(report))
    counts: dict[str, int] = {}
    for m in report.metrics:
        counts[m.section] = counts.get(m.section, 0) + 1
    sections = _table("Sections", "id title kind 瞬间:center paragraphs:right chars:right figures:right")
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

    metrics = _table(f"Figures ({len(report.metrics)})", "section label as_written:right value:right unit qualifier")
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

    programs = _table(f"Programs ({len(report.programs)})", "section kind name")
    for p in report.programs:
        programs.add_row(p.section, p.kind.value, Text(p.name))
    console.print(programs)


def _table(title: str, columns: str) -> Table:
    """A titled table from "name[:justify] …" (underscores in a name become spaces); long cells wrap."""
    table = Table(title=title, title_justify="left")
    for column in columns.split():
        name, _, justify = column.partition(":")
        table.add_column(name.replace("_", " "), justify=justify or "left", overflow="fold")  # type: ignore[arg-type]
    return table


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


def print_comparison(c: Comparison, console: Console, only: Only | None, explain: bool) -> None:
    for renderable in comparison_view(c, only, explain, markers=console.color_system is None):
        console.print(renderable)


_STATUS_STYLE = {
    "changed": "bold",
    "unchanged": "dim",
    "new": "cyan",
    "missing": "bold red",
    "pending": "yellow",
    "matched": "",
    "renamed": "cyan",
    "dropped": "red",
    "continued": "dim",
}


def comparison_view(c: Comparison, only: Only | None = None, explain: bool = False, markers: bool = False) -> list[Any]:
    """The Rich renderables of the terminal view, top to bottom."""
    out: list[Any] = [_comparison_header(c)]
    if only in (None, Only.SECTIONS):
        out.append(_sections_table(c, explain))
    if only in (None, Only.METRICS):
        out.append(_metrics_table(c, explain))
        if c.targets:
            out.append(_targets_table(c))
    if only in (None, Only.PROGRAMS):
        out.append(_programs_table(c, explain))
    if only in (None, Only.TEXT):
        out.extend(_diff_panels(c, markers))
    return out


def _comparison_header(c: Comparison) -> Panel:
    s = c.summary()
    title = Text()
    for report, arrow in ((c.base, " → "), (c.new, "")):
        title.append(f"{report.year or report.path} ", style="bold")
        title.append(report.title or "(untitled)")
        title.append(f" [{report.status}]", style="yellow" if report.status == "draft" else "green")
        title.append(arrow)
    lines = [title]
    for key, order in (
        ("metrics", ("changed", "unchanged", "new", "missing", "pending")),
        ("sections", ("matched", "renamed", "new", "dropped")),
        ("programs", ("continued", "renamed", "new", "dropped")),
    ):
        row = Text(f"{key:<9}")
        for name in order:
            n = s[key][name]
            row.append(f"{n} {name}", style=_STATUS_STYLE.get(name, "") if n else "dim")
            row.append("  ")
        lines.append(row)
    return Panel(Group(*lines), title="compare", title_align="left", expand=False)


def _sections_table(c: Comparison, explain: bool) -> Table:
    table = Table(title="Sections", title_justify="left")
    table.add_column("status")
    table.add_column(c.base.year or "base", overflow="fold")
    table.add_column(c.new.year or "new", overflow="fold")
    table.add_column("score", justify="right")
    table.add_column("text changed", justify="right")
    if explain:
        table.add_column("why / best rejected")
    for m in c.sections:
        row: list[Any] = [
            Text(m.status.value, style=_STATUS_STYLE.get(m.status.value, "")),
            Text(m.base.title if m.base else ""),
            Text(m.new.title if m.new else ""),
            f"{m.score:.0f}" if m.base and m.new else "",
            f"{m.change:.0%}" if m.base and m.new else "",
        ]
        if explain:
            rejected = "; ".join(f"{t} {s:.0f}" for t, s in m.rejected)
            row.append(Text(f"{m.reason}" + (f" | rejected: {rejected}" if rejected else "")))
        table.add_row(*row)
    return table


def _metrics_table(c: Comparison, explain: bool) -> Table:
    """Status, label, both values, change; warnings and evidence go under the label, so it stays readable."""
    table = Table(title="Figures", title_justify="left")
    headers, rows = metric_rows(c)
    has_change = any(r[4] for r in rows)
    table.add_column("status", no_wrap=True)
    table.add_column("label", ratio=1, min_width=16, overflow="fold")
    table.add_column(headers[2], justify="right", no_wrap=True)
    table.add_column(headers[3], justify="right", no_wrap=True)
    if has_change:
        table.add_column("change", justify="right")
    for m, row in zip(c.metrics, rows, strict=True):
        colour = ""
        if m.delta is not None and m.delta.proven is not False:
            colour = "green" if m.delta.change > 0 else "red" if m.delta.change < 0 else ""
        label = Text(m.base.label if m.base else m.new.label if m.new else "")
        if m.base and m.new and m.base.label != m.new.label:
            label.append(f"\n→ {m.new.label}", style="dim")
        if m.status is MetricStatus.CHANGED and m.base and m.new:
            # the sentences the figures came from: a change is read in its context
            label.append(f"\n{c.base.year or 'base'}: {context(m.base)}", style="dim")
            label.append(f"\n{c.new.year or 'new'}: {context(m.new)}", style="dim")
        for warning in m.warnings:
            label.append(f"\n⚠ {warning}", style="yellow")
        if explain:
            label.append(f"\n{m.score:.0f}: {m.reason}" if m.base and m.new else f"\n{m.reason}", style="dim")
            if m.rejected:
                rejected = "; ".join(f"{t} {s:.0f}" for t, s in m.rejected)
                label.append(f"\nrejected: {rejected}", style="dim")
        cells: list[Any] = [Text(row[0], style=_STATUS_STYLE.get(row[0], "")), label, Text(row[2]), Text(row[3])]
        if has_change:
            cells.append(Text("\n".join(x for x in (row[4], row[5]) if x), style=colour))
        table.add_row(*cells)
    return table


def _targets_table(c: Comparison) -> Table:
    """Last year's targets against this year's outcomes."""
    table = Table(title="Targets", title_justify="left")
    headers, rows = target_rows(c)
    for k, header in enumerate(headers):
        table.add_column(header, justify="right" if k >= 2 else "left", overflow="fold")
    styles = {"met": "green", "exceeded": "green", "missed": "red"}
    for row in rows:
        table.add_row(Text(row[0], style=styles.get(row[0], "")), Text(row[1]), Text(row[2]), Text(row[3]))
    return table


def _programs_table(c: Comparison, explain: bool) -> Table:
    table = Table(title="Programs", title_justify="left")
    table.add_column("status")
    table.add_column(c.base.year or "base", overflow="fold")
    table.add_column(c.new.year or "new", overflow="fold")
    if explain:
        table.add_column("score / evidence")
    order = {"renamed": 0, "new": 1, "dropped": 2, "continued": 3}
    for m in sorted(c.programs, key=lambda m: order[m.status.value]):
        row: list[Any] = [
            Text(m.status.value, style=_STATUS_STYLE.get(m.status.value, "")),
            Text(m.base.name if m.base else ""),
            Text(m.new.name if m.new else ""),
        ]
        if explain:
            row.append(Text(f"{m.score:.0f}: {m.reason}" if m.base and m.new else m.reason))
        table.add_row(*row)
    return table


def diff_renderable(ops: tuple[tuple[DiffOp, str], ...], markers: bool = False) -> Text:
    """Deletions struck in red, insertions underlined in green; [-…-]{+…+} when there is no colour."""
    text = Text()
    for op, chunk in ops:
        if op == "equal":
            text.append(chunk)
        elif op == "delete":
            text.append(f"[-{chunk}-]" if markers else chunk, style="red strike")
        else:
            text.append(f"{{+{chunk}+}}" if markers else chunk, style="green underline")
    return text


def _diff_panels(c: Comparison, markers: bool) -> list[Panel]:
    panels = []
    for heading, d in changed_diffs(c):
        panels.append(
            Panel(
                diff_renderable(d.ops, markers), title=Text(f"{heading}  ({d.change:.0%} changed)"), title_align="left"
            )
        )
    return panels


def export_html(renderables: list[Any], title: str) -> str:
    """A self-contained HTML page of the terminal view (inline styles, no external assets)."""
    recorder = Console(record=True, width=140, file=io.StringIO(), force_terminal=True, color_system="truecolor")
    for r in renderables:
        recorder.print(r)
    return recorder.export_html(inline_styles=True, clear=True).replace(
        "<head>", f"<head>\n<title>{_html_escape(title)}</title>", 1
    )


def _html_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def print_trend(headers: list[str], rows: list[list[str]], console: Console) -> None:
    table = Table(title="Figures across the years", title_justify="left")
    table.add_column("label", ratio=1, overflow="fold")
    for h in headers[1:-1]:
        table.add_column(Text(h), justify="right", no_wrap=True)
    table.add_column("trend", no_wrap=True)
    for row in rows:
        table.add_row(*[Text(cell) for cell in row])
    console.print(table)


def print_archive(headers: list[str], rows: list[list[str]], console: Console) -> None:
    table = Table(title=f"Archive: {len(rows)} comparisons", title_justify="left")
    for h in headers:
        table.add_column(h, justify="right" if h in ("changed", "new", "missing", "pending") else "left")
    for row in rows:
        table.add_row(*[Text(cell, style="red" if cell.startswith("error") else "") for cell in row])
    console.print(table)
