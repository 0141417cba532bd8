"""terminal.py: the Rich terminal view of a report, a comparison, a trend or an archive.

Imported only when the Rich view is shown. Report text reaches the terminal only as
rich.text.Text, so `[bold]` in a report is shown literally and never interpreted as markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TextIO

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..errors import CompareError
from ..model import Comparison, DiffOp, MetricChange, MetricStatus, Qualifier, Report
from . import briefing
from .options import Only
from .strings import Lang, words
from .tables import change_text, changed_diffs, context, format_value, pct_text

if TYPE_CHECKING:
    from ..config import Config


def make_console(out: TextIO | None = None) -> Console:
    """The output console; Rich honours NO_COLOR, TERM=dumb and non-TTY output itself."""

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    return _Console(file=out, highlight=False, soft_wrap=False)


def print_report(report: Report, console: Console, lang: Lang = Lang.EN, pager: bool = False) -> None:
    """Header panel, then the sections, figures and programs tables."""
    w = words(lang)
    counts: dict[str, int] = {}
    for m in report.metrics:
        counts[m.section] = counts.get(m.section, 0) + 1
    columns = [("id", ""), ("title", ""), ("kind", ""), ("moment", "center"), ("paragraphs", "right"),
               ("chars", "right"), ("figures_n", "right")]  # fmt: skip
    sections = _table(w["sections"], columns, w)
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
    metrics = _table(f"{w['figures']} ({len(report.metrics)})", [("section", ""), ("label", ""),
                     ("as_written", "right"), ("value", "right"), ("unit", ""), ("qualifier", "")], w)  # fmt: skip
    for m in report.metrics:
        metrics.add_row(
            m.section,
            Text(m.label),
            Text(m.raw),
            format_value(m.value),
            Text(m.unit),
            Text(m.qualifier.value, style="yellow" if m.qualifier is Qualifier.PLACEHOLDER else ""),
        )
    programs = _table(f"{w['programs']} ({len(report.programs)})", [("section", ""), ("kind", ""), ("name", "")], w)
    for p in report.programs:
        programs.add_row(p.section, p.kind.value, Text(p.name))
    print_paged([_report_panel(report, w), sections, metrics, programs], console, pager)


def _table(title: str, columns: list[tuple[str, str]], w: Mapping[str, str]) -> Table:
    """A titled table of (word key, justify) columns; long cells wrap."""
    table = Table(title=title, title_justify="left")
    for key, justify in columns:
        table.add_column(w[key], justify=justify or "left", overflow="fold")  # type: ignore[arg-type]
    return table


def _report_panel(report: Report, w: Mapping[str, str]) -> Panel:
    lines = [Text(report.title or w["untitled"], style="bold")]
    if report.subtitle:
        lines.append(Text(report.subtitle))
    facts = Text()
    facts.append(f"{w['year']} {report.year or '-'}  ·  ")
    status = w[report.status] if report.status in ("draft", "published") else report.status
    facts.append(status, style="yellow" if report.status == "draft" else "green")
    counts = {"sections": len(report.sections), "figures": len(report.metrics), "programs": len(report.programs)}
    facts.append("  ·  " + w["report_counts"].format(**counts))
    lines.append(facts)
    lines.append(Text(f"{w['source']}: {report.source or report.path}", style="dim"))
    return Panel(Group(*lines), expand=False)


def print_comparison(
    c: Comparison,
    console: Console,
    only: Only | None,
    explain: bool,
    *,
    config: Config | None = None,
    lang: Lang = Lang.EN,
    pager: bool = True,
    context: int = 1,
) -> None:
    markers = console.color_system is None
    view = comparison_view(c, only, explain, markers, config=config, lang=lang, context=context)
    print_paged(view, console, pager)


def print_paged(renderables: list[Any], console: Console, pager: bool = True) -> None:
    """Print; on a terminal, when the view is longer than the screen, through $PAGER (or less -R), as git does."""
    try:
        if not (pager and console.is_terminal and not console.is_dumb_terminal):
            for r in renderables:
                console.print(r)
            return
        with console.capture() as captured:
            for r in renderables:
                console.print(r)
        text = captured.get()
        if text.count("\n") < console.height or not _page(text):
            console.file.write(text)
            console.file.flush()
    except UnicodeEncodeError:
        encoding = getattr(console.file, "encoding", "?")
        raise CompareError(
            f"the output's encoding ({encoding}) cannot write this report's text; "
            "use a UTF-8 locale (LC_ALL=C.UTF-8) or --format json"
        ) from None


def _page(text: str) -> bool:
    """Hand text to the pager; False when there is none to run (the caller prints instead).

    COMPARE_PAGER, then PAGER, then less; set to "" or cat, paging is off, as in git. Ctrl-C while
    the pager shows goes to the pager, which decides; compare waits for it, so the terminal is its.
    """
    import os
    import shlex
    import shutil
    import signal
    import subprocess

    command = next((os.environ[k] for k in ("COMPARE_PAGER", "PAGER") if k in os.environ), "less")
    try:
        argv = shlex.split(command)
    except ValueError:  # an unclosed quote: no pager, not a crash
        return False
    if not argv or argv == ["cat"] or shutil.which(argv[0]) is None:
        return False
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # quit if one screen, keep colours, leave the text on screen (git's choice)
    env.setdefault("LV", "-c")
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with subprocess.Popen(argv, stdin=subprocess.PIPE, env=env) as proc:
            assert proc.stdin is not None
            try:
                proc.stdin.write(text.encode("utf-8", "replace"))
                proc.stdin.close()
            except BrokenPipeError:
                pass  # the reader quit the pager early: that is fine
            proc.wait()
    except OSError:
        return False
    finally:
        signal.signal(signal.SIGINT, previous)
    return True


_STATUS_STYLE = {
    "changed": "bold",
    "unchanged": "dim",
    "new": "cyan",
    "missing": "bold red",
    "pending": "yellow",
    "waived": "dim",
    "matched": "",
    "renamed": "cyan",
    "dropped": "red",
    "continued": "dim",
}


def comparison_view(
    c: Comparison,
    only: Only | None = None,
    explain: bool = False,
    markers: bool = False,
    *,
    config: Config | None = None,
    lang: Lang = Lang.EN,
    context: int = 1,
) -> list[Any]:
    """The Rich renderables of the terminal view, top to bottom: what needs attention first."""
    w = words(lang)
    b = briefing.build(c, config)
    out: list[Any] = [_comparison_header(c, b, w)]
    if only in (None, Only.METRICS):
        parts = (
            ("pending_title", b.pending),
            ("missing_title", b.missing),
            ("changed_title", b.changed),
            ("new_title", b.new),
            ("unchanged_title", b.unchanged),
        )
        for key, items in parts:
            if items:
                title = Text(f"{w[key]} ({len(items)})", style=_STATUS_STYLE.get(items[0].status.value, ""))
                out.append(_metrics_table(c, items, title, w, explain))
        if b.waived:
            out.append(_waived_table(b, w))
        if c.targets:
            out.append(_targets_table(c, w))
    if only in (None, Only.SECTIONS):
        out.append(_sections_table(c, b, w, explain))
    if only in (None, Only.PROGRAMS):
        out.append(_programs_table(c, w, explain))
    if only in (None, Only.TEXT):
        out.extend(_diff_panels(c, markers, w, context))
    if only in (None, Only.SECTIONS, Only.PROGRAMS):
        out.append(Text(w["legend_score"], style="dim"))
    return out


def _comparison_header(c: Comparison, b: briefing.Briefing, w: Mapping[str, str]) -> Panel:
    title = Text()
    for report, arrow in ((c.base, " → "), (c.new, "")):
        title.append(f"{report.year or report.path} ", style="bold")
        title.append(report.title or w["untitled"])
        status = w[report.status] if report.status in ("draft", "published") else report.status
        title.append(f" [{status}]", style="yellow" if report.status == "draft" else "green")
        title.append(arrow)
    summary = Text(briefing.summary_text(c, b, w))
    return Panel(Group(title, summary), title=w["summary"], title_align="left")


def _sections_table(c: Comparison, b: briefing.Briefing, w: Mapping[str, str], explain: bool) -> Table:
    """A row per section pairing; under the title, what changed in the section, in counts."""
    table = Table(title=w["sections"], title_justify="left")
    table.add_column(w["status"], no_wrap=True)
    table.add_column(c.base.year or w["base"], overflow="fold", ratio=2)
    table.add_column(c.new.year or w["new_side"], overflow="fold", ratio=3)
    table.add_column(w["score"], justify="right", no_wrap=True)
    table.add_column(w["text_changed"], justify="right")
    if explain:
        table.add_column("why / best rejected", ratio=3)
    for line in b.sections:
        m = line.match
        counts = line.counts(w)
        where = Text(m.new.title if m.new else "")  # the summary goes under the section it is read in
        where.append(("\n" if m.new else "") + counts, style="dim")
        row: list[Any] = [
            Text(w[m.status.value], style=_STATUS_STYLE.get(m.status.value, "")),
            Text(m.base.title if m.base else ""),
            where,
            f"{m.score:.0f}" if m.base and m.new else "",
            f"{m.change:.0%}" if m.base and m.new else "",
        ]
        if explain:
            rejected = "; ".join(f"{t} {s:.0f}" for t, s in m.rejected)
            row.append(Text(f"{m.reason}" + (f" | rejected: {rejected}" if rejected else "")))
        table.add_row(*row)
    return table


def _metrics_table(
    c: Comparison, items: tuple[MetricChange, ...], title: Text, w: Mapping[str, str], explain: bool
) -> Table:
    """Status, label, both values, change; warnings and evidence go under the label, so it stays readable."""
    table = Table(title=title, title_justify="left")  # the title names the status the figures share
    has_change = any(m.delta is not None for m in items)
    table.add_column(w["label"], ratio=1, min_width=16, overflow="fold")
    sides = [side for side in ("base", "new") if any(getattr(m, side) for m in items)]  # no empty column
    if "base" in sides:
        table.add_column(c.base.year or w["base"], justify="right", no_wrap=True)
    if "new" in sides:
        table.add_column(c.new.year or w["new_side"], justify="right", no_wrap=True)
    if has_change:
        table.add_column(w["change"], justify="right")
    for m in items:
        colour = ""
        if m.delta is not None and m.delta.proven is not False:
            colour = "green" if m.delta.change > 0 else "red" if m.delta.change < 0 else ""
        label = Text(m.base.label if m.base else m.new.label if m.new else "")
        if m.base and m.new and m.base.label != m.new.label:
            label.append(f"\n→ {m.new.label}", style="dim")
        if m.status is MetricStatus.CHANGED and m.base and m.new:
            # the sentences the figures came from: a change is read in its context
            label.append(f"\n{c.base.year or w['base']}: {context(m.base)}", style="dim")
            label.append(f"\n{c.new.year or w['new_side']}: {context(m.new)}", style="dim")
        for warning in m.warnings:
            label.append(f"\n⚠ {warning}", style="yellow")
        if explain:
            label.append(f"\n{m.score:.0f}: {m.reason}" if m.base and m.new else f"\n{m.reason}", style="dim")
            if m.rejected:
                rejected = "; ".join(f"{t} {s:.0f}" for t, s in m.rejected)
                label.append(f"\nrejected: {rejected}", style="dim")
        cells: list[Any] = [label]
        cells += [Text(ref.raw if ref else "") for ref in (getattr(m, side) for side in sides)]
        if has_change:
            change = change_text(m, w)
            cells.append(Text("\n".join(x for x in (change, pct_text(m)) if x), style=colour))
        table.add_row(*cells)
    return table


def _waived_table(b: briefing.Briefing, w: Mapping[str, str]) -> Table:
    """What compare.toml waives, dimmed: not an error, but never silent; each reason once, with what it covers."""
    table = Table(title=f"{w['waived_title']} ({len(b.waived)})", title_justify="left", style="dim")
    table.add_column(w["waived_items"], overflow="fold", style="dim", ratio=2)
    table.add_column(w["reason"], overflow="fold", style="dim", ratio=3)
    table.add_column(w["owner"], overflow="fold", style="dim")
    for reason, owner, items in briefing.waived_by_reason(b):
        table.add_row(Text("\n".join(briefing.waived_item(x) for x in items)), Text(reason), Text(owner or ""))
    return table


def _targets_table(c: Comparison, w: Mapping[str, str]) -> Table:
    """Last year's targets against this year's outcomes."""
    table = Table(title=w["targets"], title_justify="left")
    table.add_column(w["status"])
    table.add_column(w["target"], overflow="fold")
    table.add_column(f"{c.base.year or w['base']} {w['target']}", justify="right")
    table.add_column(f"{c.new.year or w['new_side']} {w['outcome']}", justify="right")
    styles = {"met": "green", "exceeded": "green", "missed": "red"}
    for t in c.targets:
        status = t.status.value
        table.add_row(Text(w[status], style=styles.get(status, "")), Text(t.target.label), Text(t.target.raw),
                      Text(t.outcome.raw))  # fmt: skip
    return table


def _programs_table(c: Comparison, w: Mapping[str, str], explain: bool) -> Table:
    table = Table(title=w["programs"], title_justify="left")
    table.add_column(w["status"])
    table.add_column(c.base.year or w["base"], overflow="fold")
    table.add_column(c.new.year or w["new_side"], overflow="fold")
    if explain:
        table.add_column("score / evidence")
    order = {"renamed": 0, "new": 1, "dropped": 2, "continued": 3}
    for m in sorted(c.programs, key=lambda m: order[m.status.value]):
        row: list[Any] = [
            Text(w[m.status.value], style=_STATUS_STYLE.get(m.status.value, "")),
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


_LINE_STYLE = {
    "equal": "",
    "delete": "red strike",
    "insert": "green underline",
    "removed": "red",
    "added": "green",
    "old": "red",
    "new": "green",
    "moved": "cyan",
    "note": "dim italic",
    "collapsed": "dim",
}


def _diff_panels(c: Comparison, markers: bool, w: Mapping[str, str], context: int) -> list[Panel]:
    """Each changed section: its changed sentences with `context` kept ones around, the rest folded."""
    from .textchanges import marked_lines, text_change_lines

    panels = []
    for heading, d in changed_diffs(c):
        changed = w["percent_changed"].format(pct=f"{d.change:.0%}")
        lines = text_change_lines(d, context, w)
        if not lines:
            body = diff_renderable(d.ops, markers)
        elif markers:  # no space after a mark: Rich wraps at spaces, and would leave the mark alone on a line
            body = Text(marked_lines(lines, gap=""))
        else:
            body = Text("\n").join(
                Text.assemble(*[(text, _LINE_STYLE.get(style.value, "")) for text, style in line]) for line in lines
            )
        panels.append(Panel(body, title=Text(f"{heading}  ({changed})"), title_align="left"))
    return panels


def print_trend(headers: list[str], rows: list[list[str]], console: Console, w: Mapping[str, str]) -> None:
    table = Table(title=w["trend_title"], title_justify="left", caption=w["legend_trend"], caption_justify="left")
    table.add_column(headers[0], ratio=1, overflow="fold")
    for h in headers[1:-1]:
        table.add_column(Text(h), justify="right", no_wrap=True)
    table.add_column(headers[-1], no_wrap=True)
    for row in rows:
        table.add_row(*[Text(cell) for cell in row])
    print_paged([table], console, pager=False)


def print_archive(
    headers: list[str], rows: list[list[str]], failed: list[bool], console: Console, w: Mapping[str, str]
) -> None:
    table = Table(title=w["archive_title"].format(n=len(rows)), title_justify="left")
    for k, h in enumerate(headers):
        table.add_column(h, justify="right" if 2 <= k <= 5 else "left")  # the four counts
    for row, error in zip(rows, failed, strict=True):
        table.add_row(*[Text(cell, style="red" if error else "") for cell in row])
    print_paged([table], console, pager=False)
