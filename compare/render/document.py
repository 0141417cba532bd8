"""document.py: a comparison as a plain-text or Markdown document, in the terminal view's order.

Summary in words, then what needs attention (pending, missing not waived), changed figures by size,
new and unchanged figures, what was waived and why, targets, sections, programs, text changes.
Every word comes from the strings table, so the document reads in English or Chinese.
"""

from __future__ import annotations

from collections.abc import Mapping

from wcwidth import wcswidth

from ..config import Config
from ..model import Comparison, MetricChange
from . import briefing
from .options import Format, Only
from .strings import Lang, words
from .tables import change_text, changed_diffs, marked_diff, md_text, pct_text, tabular
from .textchanges import marked_lines, text_change_lines


def comparison_document(
    c: Comparison,
    fmt: Format,
    only: Only | None = None,
    config: Config | None = None,
    lang: Lang = Lang.EN,
    context: int = 1,
) -> str:
    """Plain (for logs) or Markdown (for docs and tickets): every part, in the order a reader acts on."""
    w = words(lang)
    b = briefing.build(c, config)
    md = fmt is Format.MARKDOWN
    parts: list[str] = []

    def heading(text: str, level: int = 2) -> None:
        underline = "-" * min(max(wcswidth(text), len(text)), 60)  # a CJK character is two columns wide
        parts.append(f"{'#' * level} {md_text(text)}\n" if md else f"{text}\n{underline}\n")

    title = f"{c.base.year or c.base.path} → {c.new.year or c.new.path}"
    heading(title, 1)
    summary = briefing.summary_text(c, b, w)
    parts.append((md_text(summary) if md else summary) + "\n")
    base_name, new_name = c.base.year or w["base"], c.new.year or w["new_side"]
    if only in (None, Only.METRICS):
        for key, items in (
            ("pending_title", b.pending),
            ("missing_title", b.missing),
            ("changed_title", b.changed),
            ("new_title", b.new),
            ("unchanged_title", b.unchanged),
        ):
            if items:
                heading(f"{w[key]} ({len(items)})")
                parts.append(tabular(*_figure_rows(items, w, base_name, new_name), fmt))
        if b.waived:
            heading(f"{w['waived_title']} ({len(b.waived)})")
            headers = [w["waived_items"], w["reason"], w["owner"]]
            rows = [
                ["; ".join(briefing.waived_item(x) for x in items), reason, owner or ""]
                for reason, owner, items in briefing.waived_by_reason(b)
            ]
            parts.append(tabular(headers, rows, fmt))
        if c.targets:
            heading(w["targets"])
            headers = [w["status"], w["target"], f"{base_name} {w['target']}", f"{new_name} {w['outcome']}"]
            rows = [[w[t.status.value], t.target.label, t.target.raw, t.outcome.raw] for t in c.targets]
            parts.append(tabular(headers, rows, fmt))
    if only in (None, Only.SECTIONS):
        heading(w["sections"])
        headers = [w["status"], base_name, new_name, w["score"], w["text_changed"], w["change"]]
        rows = []
        for line in b.sections:
            m = line.match
            paired = m.base is not None and m.new is not None
            rows.append([
                w[m.status.value],
                m.base.title if m.base else "",
                m.new.title if m.new else "",
                f"{m.score:.0f}" if paired else "",
                f"{m.change:.0%}" if paired else "",
                line.counts(w),
            ])  # fmt: skip
        parts.append(tabular(headers, rows, fmt))
    if only in (None, Only.PROGRAMS):
        heading(w["programs"])
        headers = [w["status"], base_name, new_name, w["score"], w["evidence"]]
        rows = [
            [w[m.status.value], m.base.name if m.base else "", m.new.name if m.new else "", f"{m.score:.0f}", m.reason]
            for m in c.programs
        ]
        parts.append(tabular(headers, rows, fmt))
    if only in (None, Only.TEXT):
        diffs = changed_diffs(c)
        if diffs:
            heading(w["text_changes"])
        for title_text, d in diffs:
            changed = w["percent_changed"].format(pct=f"{d.change:.0%}")
            heading(f"{title_text} ({changed})", 3)
            lines = text_change_lines(d, context, w)
            body = marked_lines(lines) if lines else marked_diff(d.ops)
            if md:  # quoted, and the report's own text can open no heading, list or tag inside the quote
                body = "\n".join(f"> {md_text(line)}" if line else ">" for line in body.split("\n"))
            parts.append(body + "\n")
    if only in (None, Only.SECTIONS, Only.PROGRAMS):
        parts.append(w["legend_score"] + "\n")
    return "\n".join(parts)


def _figure_rows(
    items: tuple[MetricChange, ...], w: Mapping[str, str], base_name: str, new_name: str
) -> tuple[list[str], list[list[str]]]:
    """The figures of one status (the heading names it); a column empty in every row is left out."""
    headers = [w["label"], base_name, new_name, w["change"], w["pct_change"], w["warnings"]]
    rows = []
    for m in items:
        label = (m.base or m.new).label if (m.base or m.new) else ""  # type: ignore[union-attr]
        if m.base and m.new and m.base.label != m.new.label:
            label = f"{m.base.label} → {m.new.label}"
        rows.append([
            label,
            m.base.raw if m.base else "",
            m.new.raw if m.new else "",
            change_text(m, w),
            pct_text(m),
            "; ".join(m.warnings),
        ])  # fmt: skip
    keep = [k for k in range(len(headers)) if k == 0 or any(row[k] for row in rows)]
    return [headers[k] for k in keep], [[row[k] for k in keep] for row in rows]
