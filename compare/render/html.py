"""html.py: a comparison as one self-contained HTML page to forward: the briefing first, then the detail.

Semantic tables, inline CSS with a CJK font stack, an inline SVG chart; no script, no network
asset, no timestamp (the same comparison gives the same bytes). Every piece of report and config
text passes through `_esc`, so a report cannot inject markup. Renders only: it recomputes nothing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..config import Config
from ..diff import sentences as split_sentences
from ..model import Comparison, DiffOp, Metric, MetricChange, Report, SentenceChange, TextDiff
from .briefing import Briefing, SectionLine, Waived, build, summary_text
from .strings import Lang, resolve, words
from .tables import change_text, changed_diffs, context, pct_text

# C0 and C1 controls (tab and newline kept), surrogates, noncharacters, and the bidirectional
# overrides and isolates: none may reach the page (the last could reorder a line on screen).
_DROP = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069"
    + "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000))
    + "]"
)
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
CHART_BARS = 40  # bars drawn; the rest are counted under the chart
SPLICE_SHARE = 0.4  # below this share of unchanged characters, a run is shown old and new whole
CONTEXT = 1  # unchanged sentences kept on each side of a change; the rest collapse

FONTS = (
    '"PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", '
    '"Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
)

_CSS = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:1200px;padding:0 24px 48px;font:15px/1.65 FONTS;color:#1f2328;background:#fff;
overflow-wrap:anywhere;word-break:normal}
header{border-bottom:2px solid #d0d7de;padding:16px 0 8px}
h1{font-size:1.5em;margin:0 0 8px}
h2{font-size:1.25em;margin:32px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
h3{font-size:1.05em;margin:20px 0 6px}
.reports{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin:8px 0}
.report{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px}
.report .year{font-weight:700;font-size:1.2em;margin-right:8px}
.report .subtitle{color:#59636e}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:.85em;border:1px solid currentColor;
white-space:nowrap}
.badge-draft{color:#9a6700}.badge-published{color:#1a7f37}
nav ol{columns:2;column-gap:32px;margin:4px 0;padding-left:1.5em}
nav a{color:#0550ae}
.count{display:inline-block;min-width:2em;margin-left:6px;padding:0 6px;border-radius:8px;background:#eaeef2;
text-align:center;font-size:.85em}
.attention .count{background:#ffebe9;color:#a40e26;font-weight:700}
.summary{font-size:1.05em;background:#f6f8fa;border-left:4px solid #0969da;padding:8px 12px}
.summary.attention{border-left-color:#cf222e}
table{width:100%;border-collapse:collapse;table-layout:fixed;margin:6px 0 12px}
th,td{padding:4px 8px;border-bottom:1px solid #d8dee4;text-align:left;vertical-align:top;overflow-wrap:anywhere}
thead th{background:#f6f8fa;border-bottom:2px solid #afb8c1;font-weight:600}
tbody th{font-weight:500}
.num{text-align:right;font-variant-numeric:tabular-nums}
.w-status{width:6.5em}.w-num{width:8.5em}.w-pct{width:6.5em}.w-small{width:6em}.w-section{width:14em}
.w-owner{width:9em}
.ctx{display:block;color:#59636e;font-size:.88em}
.warn{display:block;color:#9a6700;font-size:.88em}
.why{display:block;color:#59636e;font-size:.85em}
.up{color:#1a7f37}.down{color:#cf222e}
.st-missing,.st-dropped,.st-missed{color:#cf222e;font-weight:600}
.st-pending{color:#9a6700;font-weight:600}
.st-new,.st-renamed{color:#0550ae}
.st-met,.st-exceeded{color:#1a7f37}
.st-unchanged,.st-continued{color:#59636e}
tr.waived td,tr.waived th{color:#6e7781}
.note{color:#59636e;font-size:.9em;margin:4px 0}
svg{display:block;width:100%;height:auto;max-width:960px}
svg text{font-family:FONTS;font-size:13px;fill:#1f2328}
svg .bar-up{fill:#2da44e}svg .bar-down{fill:#cf222e}svg .unproven{fill-opacity:.35}
svg .axis{stroke:#57606a;stroke-width:1}
.sbs td{width:50%}
.sbs td.kept{color:#59636e}
del{background:#ffebe9;color:#82071e;text-decoration:line-through}
ins{background:#dafbe1;color:#116329;text-decoration:underline}
.moved{background:#ddf4ff}
.tag{font-size:.8em;color:#0550ae;margin-right:4px}
details summary{cursor:pointer;color:#59636e}
footer{margin-top:32px;color:#6e7781;font-size:.85em}
@media (max-width:720px){.reports{grid-template-columns:1fr}nav ol{columns:1}}
@media print{
body{max-width:none;padding:0;font-size:10.5pt}
nav{display:none}
a{color:inherit;text-decoration:none}
h2{break-after:avoid}
tr,.report,svg{break-inside:avoid}
thead{display:table-header-group}
del,ins,.count,.badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
@media print{details::details-content{content-visibility:visible;display:contents}}
""".replace("FONTS", FONTS).strip()


def comparison_html(c: Comparison, config: Config | None, lang: Lang, title: str, explain: bool = False) -> str:
    """The comparison as one HTML page: header, contents, summary, figures, chart, sections, programs,
    targets, text changes. config supplies the waivers; lang the page's words (the reports' own text
    stays as written, marked as Chinese); explain adds the scores and evidence behind each pairing."""
    b = build(c, config)
    page = _Page(c, b, words(lang), resolve(lang), explain)
    return page.render(title)


def _esc(text: str) -> str:
    """Report or config text as HTML text: escaped, and without characters a page must not hold."""
    return html.escape(_DROP.sub("", text), quote=True)


def _multiline(text: str) -> str:
    return _esc(text).replace("\n", "<br>")


@dataclass(frozen=True, slots=True)
class _Part:
    anchor: str
    title: str
    count: int | None  # shown beside the title in the contents; None for none
    body: str
    attention: bool = False


class _Page:
    def __init__(self, c: Comparison, b: Briefing, w: Mapping[str, str], lang: Lang, explain: bool) -> None:
        self.c, self.b, self.w, self.explain = c, b, w, explain
        self.lang = "zh-CN" if lang is Lang.ZH else "en"
        self.base_year = _esc(c.base.year or w["base"])
        self.new_year = _esc(c.new.year or w["new_side"])
        self.titles = {
            **{f"b:{s.id}": s.title for s in c.base.sections},
            **{f"n:{s.id}": s.title for s in c.new.sections},
        }

    # ------------------------------------------------------------------ helpers

    def _tl(self, report: Report) -> str:
        """The lang attribute for a report's own text, when it differs from the page's."""
        tag = report.language if _LANG_TAG.fullmatch(report.language or "") else "zh-CN"
        return "" if tag == self.lang else f' lang="{_esc(tag)}"'

    def _bl(self) -> str:
        return self._tl(self.c.base)

    def _nl(self) -> str:
        return self._tl(self.c.new)

    def _status(self, status: str, tag: str = "td") -> str:
        return f'<{tag} class="st-{_esc(status)}">{_esc(self.w.get(status, status))}</{tag}>'

    def _section_of(self, m: Metric, side: str) -> str:
        return self.titles.get(f"{side}:{m.section}", m.section)

    def _table(self, label_id: str, head: Sequence[tuple[str, str]], rows: Iterable[str]) -> str:
        """A table with a header row of (text, class) and the rows given as <tr> markup."""
        ths = "".join(f'<th scope="col"{f" class={_q(cls)}" if cls else ""}>{text}</th>' for text, cls in head)
        body = "\n".join(rows)
        return (
            f'<table aria-labelledby="{label_id}">\n<thead><tr>{ths}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>'
        )

    def _label(self, m: MetricChange) -> str:
        """The label, its rename and the evidence: base label, → new label, warnings, reason."""
        out = []
        if m.base:
            out.append(f"<span{self._bl()}>{_esc(m.base.label)}</span>")
        if m.new and (not m.base or m.new.label != m.base.label):
            arrow = "→ " if m.base else ""
            out.append(f"{arrow}<span{self._nl()}>{_esc(m.new.label)}</span>")
        text = " ".join(out)
        for warning in m.warnings:
            text += f'<span class="warn">⚠ {_esc(warning)}</span>'
        if self.explain:
            score = f"{m.score:.0f}: " if m.base and m.new else ""
            text += f'<span class="why">{_esc(score + m.reason)}</span>'
            if m.rejected:
                rejected = "; ".join(f"{t} {s:.0f}" for t, s in m.rejected)
                text += f'<span class="why">{_esc(rejected)}</span>'
        return text

    def _ctx(self, metric: Metric, lang_attr: str, year: str = "") -> str:
        prefix = f"{year}: " if year else ""
        return f'<span class="ctx">{prefix}<span{lang_attr}>{_esc(context(metric))}</span></span>'

    # ------------------------------------------------------------------ the page

    def render(self, title: str) -> str:
        parts = self._parts()
        nav = "\n".join(
            f'<li{" class=attention" if p.attention and p.count else ""}><a href="#{p.anchor}">{_esc(p.title)}</a>'
            + (f'<span class="count">{p.count}</span>' if p.count is not None else "")
            + "</li>"
            for p in parts
        )
        sections = "\n".join(
            f'<section id="{p.anchor}" aria-labelledby="{p.anchor}-h">\n'
            f'<h2 id="{p.anchor}-h">{_esc(p.title)}'
            + (f' <span class="count">{p.count}</span>' if p.count is not None else "")
            + f"</h2>\n{p.body}\n</section>"
            for p in parts
        )
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{self.lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_esc(title)}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n"
            f"{self._header(title)}\n"
            f'<nav aria-labelledby="contents-h">\n<h2 id="contents-h">{_esc(self.w["contents"])}</h2>\n'
            f"<ol>\n{nav}\n</ol>\n</nav>\n<main>\n{sections}\n</main>\n"
            f"<footer>{_esc(self.w['legend_score'])}</footer>\n</body>\n</html>\n"
        )

    def _header(self, title: str) -> str:
        cards = []
        for report, lang_attr in ((self.c.base, self._bl()), (self.c.new, self._nl())):
            status = report.status or ""
            badge = (
                f' <span class="badge badge-{_esc(status)}">{_esc(self.w.get(status, status))}</span>' if status else ""
            )
            subtitle = f'<div class="subtitle"{lang_attr}>{_esc(report.subtitle)}</div>' if report.subtitle else ""
            cards.append(
                f'<div class="report"><span class="year">{_esc(report.year or "")}</span>'
                f"<span{lang_attr}>{_esc(report.title or self.w['untitled'])}</span>{badge}{subtitle}</div>"
            )
        return f'<header>\n<h1>{_esc(title)}</h1>\n<div class="reports">{"".join(cards)}</div>\n</header>'

    def _parts(self) -> list[_Part]:
        b, w = self.b, self.w
        parts = [_Part("summary", w["summary"], None, self._summary())]
        parts.append(_Part("pending", w["pending_title"], len(b.pending), self._pending(), attention=True))
        parts.append(_Part("missing", w["missing_title"], len(b.missing), self._missing(), attention=True))
        parts.append(_Part("changed", w["changed_title"], len(b.changed), self._changed()))
        parts.append(_Part("new", w["new_title"], len(b.new), self._new()))
        parts.append(_Part("waived", w["waived_title"], len(b.waived), self._waived()))
        if b.unchanged:
            parts.append(_Part("unchanged", w["unchanged_title"], len(b.unchanged), self._unchanged()))
        bars = [m for m in b.changed if m.delta is not None and m.delta.pct is not None]
        parts.append(_Part("chart", w["chart_title"], len(bars), self._chart(bars)))
        parts.append(_Part("sections", w["sections"], len(b.sections), self._sections()))
        parts.append(_Part("programs", w["programs"], len(self.c.programs), self._programs()))
        if self.c.targets:
            parts.append(_Part("targets", w["targets"], len(self.c.targets), self._targets()))
        diffs = changed_diffs(self.c)
        parts.append(_Part("text", w["text_changes"], len(diffs), self._text_changes(diffs)))
        return parts

    def _summary(self) -> str:
        cls = "summary attention" if self.b.attention else "summary"
        text = _esc(summary_text(self.c, self.b, self.w))
        if not self.b.attention:
            text += _esc(self.w["sentence_gap"] + self.w["nothing_needs_attention"])
        return f'<p class="{cls}">{text}</p>'

    def _empty(self) -> str:
        return f'<p class="note">{_esc(self.w["none"])}</p>'

    def _pending(self) -> str:
        if not self.b.pending:
            return self._empty()
        rows = []
        for m in self.b.pending:
            section = self._section_of(m.new, "n") if m.new else self._section_of(m.base, "b") if m.base else ""
            ctx = self._ctx(m.new, self._nl()) if m.new else ""
            rows.append(
                f"<tr><th scope=row>{self._label(m)}{ctx}</th>"
                f"<td{self._nl()}>{_esc(section)}</td>"
                f'<td class="num"{self._bl()}>{_esc(m.base.raw) if m.base else ""}</td>'
                f'<td class="num st-pending"{self._nl()}>{_esc(m.new.raw) if m.new else ""}</td></tr>'
            )
        head = [
            (_esc(self.w["label"]), ""),
            (_esc(self.w["in_section"]), "w-section"),
            (self.base_year, "num w-num"),
            (self.new_year, "num w-num"),
        ]
        return self._table("pending-h", head, rows)

    def _missing(self) -> str:
        if not self.b.missing:
            note = ""
            if self.b.waived_missing:
                note = self.w["missing_all_waived"].format(n=self.b.waived_missing)
            return f'<p class="note">{_esc(note or self.w["none"])}</p>'
        return self._one_side("missing-h", self.b.missing, "b", " st-missing")

    def _one_side(self, anchor: str, items: tuple[MetricChange, ...], side: str, status: str = "") -> str:
        """Figures of one report only (missing: the base's; new: the new one's), with their section."""
        lang, year = (self._bl(), self.base_year) if side == "b" else (self._nl(), self.new_year)
        rows = []
        for m in items:
            f = m.base if side == "b" else m.new
            assert f is not None  # a missing figure is the base report's, a new one the new report's
            rows.append(
                f"<tr><th scope=row>{self._label(m)}{self._ctx(f, lang)}</th>"
                f"<td{lang}>{_esc(self._section_of(f, side))}</td>"
                f'<td class="num{status}"{lang}>{_esc(f.raw)}</td></tr>'
            )
        head = [(_esc(self.w["label"]), ""), (_esc(self.w["in_section"]), "w-section"), (year, "num w-num")]
        return self._table(anchor, head, rows)

    def _changed(self) -> str:
        if not self.b.changed:
            return self._empty()
        rows = []
        for m in self.b.changed:
            ctx = ""
            if m.base and m.new:
                ctx = self._ctx(m.base, self._bl(), self.base_year) + self._ctx(m.new, self._nl(), self.new_year)
            colour = ""
            if m.delta is not None and m.delta.proven is not False and m.delta.change:
                colour = " up" if m.delta.change > 0 else " down"
            change = change_text(m, self.w)
            rows.append(
                f"<tr><th scope=row>{self._label(m)}{ctx}</th>"
                f'<td class="num"{self._bl()}>{_esc(m.base.raw) if m.base else ""}</td>'
                f'<td class="num"{self._nl()}>{_esc(m.new.raw) if m.new else ""}</td>'
                f'<td class="num{colour}">{_esc(change)}</td>'
                f'<td class="num{colour}">{_esc(pct_text(m))}</td></tr>'
            )
        head = [
            (_esc(self.w["label"]), ""),
            (self.base_year, "num w-num"),
            (self.new_year, "num w-num"),
            (_esc(self.w["change"]), "num w-num"),
            (_esc(self.w["pct_change"]), "num w-pct"),
        ]
        return self._table("changed-h", head, rows)

    def _new(self) -> str:
        if not self.b.new:
            return self._empty()
        return self._one_side("new-h", self.b.new, "n")

    def _waived(self) -> str:
        if not self.b.waived:
            return self._empty()
        rows = []
        for item in self.b.waived:
            rows.append(self._waived_row(item))
        head = [
            (_esc(self.w["kind"]), "w-small"),
            (_esc(self.w["label"]), ""),
            (self.base_year, "num w-num"),
            (_esc(self.w["in_section"]), "w-section"),
            (_esc(self.w["reason"]), ""),
            (_esc(self.w["owner"]), "w-owner"),
        ]
        return self._table("waived-h", head, rows)

    def _waived_row(self, item: Waived) -> str:
        what = self.w.get(item.what, item.what)
        return (
            f'<tr class="waived"><td>{_esc(what)}</td>'
            f"<th scope=row{self._bl()}>{_esc(item.label)}</th>"
            f'<td class="num"{self._bl()}>{_esc(item.raw)}</td>'
            f"<td{self._bl()}>{_esc(item.section)}</td>"
            f"<td>{_esc(item.reason)}</td><td>{_esc(item.owner or '')}</td></tr>"
        )

    def _unchanged(self) -> str:
        rows = []
        for m in self.b.unchanged:
            rows.append(
                f"<tr><th scope=row>{self._label(m)}</th>"
                f'<td class="num"{self._bl()}>{_esc(m.base.raw) if m.base else ""}</td>'
                f'<td class="num"{self._nl()}>{_esc(m.new.raw) if m.new else ""}</td></tr>'
            )
        head = [(_esc(self.w["label"]), ""), (self.base_year, "num w-num"), (self.new_year, "num w-num")]
        summary = _esc(self.w["unchanged_title"])
        return f"<details>\n<summary>{summary}</summary>\n{self._table('unchanged-h', head, rows)}\n</details>"

    def _chart(self, bars: list[MetricChange]) -> str:
        """Horizontal bars of % change, one per paired figure, largest first; drawn, not scripted."""
        if not bars:
            return f'<p class="note">{_esc(self.w["chart_none"])}</p>'
        shown = bars[:CHART_BARS]
        width, label_end, zero, half, row = 960, 280, 630, 250, 26
        top = 8
        height = top * 2 + row * len(shown)
        peak = max(abs(float(m.delta.pct)) for m in shown if m.delta and m.delta.pct is not None) or 1.0
        out = [
            f'<svg role="img" aria-labelledby="chart-h" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}">'
        ]
        for k, m in enumerate(shown):
            assert m.delta is not None and m.delta.pct is not None
            pct = float(m.delta.pct)
            y = top + k * row
            length = abs(pct) / peak * half
            x = zero if pct >= 0 else zero - length
            cls = "bar-up" if pct >= 0 else "bar-down"
            if m.delta.proven is False:  # approximate figures whose range includes no change
                cls += " unproven"
            ref = m.new or m.base
            label = ref.label if ref else ""
            short = label if len(label) <= 18 else label[:17] + "…"
            value = pct_text(m)
            vx, anchor = (zero + length + 6, "start") if pct >= 0 else (zero - length - 6, "end")
            lang_attr = self._nl() if m.new else self._bl()
            out.append(
                f"<g><title>{_esc(label)} {_esc(value)}</title>"
                f'<text x="{label_end}" y="{y + 17}" text-anchor="end"{lang_attr}>{_esc(short)}</text>'
                f'<rect class="{cls}" x="{x:.1f}" y="{y + 5}" width="{max(length, 1.0):.1f}" height="{row - 10}"/>'
                f'<text x="{vx:.1f}" y="{y + 17}" text-anchor="{anchor}">{_esc(value)}</text></g>'
            )
        out.append(f'<line class="axis" x1="{zero}" y1="0" x2="{zero}" y2="{height}"/>')
        out.append("</svg>")
        more = ""
        if len(bars) > len(shown):
            more = f'<p class="note">{_esc(self.w["and_more"].format(n=len(bars) - len(shown)))}</p>'
        return "\n".join(out) + more

    def _sections(self) -> str:
        rows = [self._section_row(line) for line in self.b.sections]
        head = [
            (_esc(self.w["status"]), "w-status"),
            (self.base_year, ""),
            (self.new_year, ""),
            (_esc(self.w["score"]), "num w-small"),
            (_esc(self.w["text_changed"]), "num w-small"),
            (_esc(self.w["summary"]), ""),
        ]
        if self.explain:
            head.append((_esc(self.w["evidence"]), ""))
        legend = f'<p class="note">{_esc(self.w["legend_score"])}</p>'
        return self._table("sections-h", head, rows) + legend

    def _section_row(self, line: SectionLine) -> str:
        m = line.match
        paired = m.base is not None and m.new is not None
        summary = line.counts(self.w)
        cells = [
            self._status(m.status.value),
            f"<td{self._bl()}>{_esc(m.base.title) if m.base else ''}</td>",
            f"<td{self._nl()}>{_esc(m.new.title) if m.new else ''}</td>",
            f'<td class="num">{f"{m.score:.0f}" if paired else ""}</td>',
            f'<td class="num">{f"{m.change:.0%}" if paired else ""}</td>',
            f"<td>{_esc(summary)}</td>",
        ]
        if self.explain:
            rejected = "; ".join(f"{t} {s:.0f}" for t, s in m.rejected)
            cells.append(f"<td>{_esc(m.reason)}" + (f'<span class="why">{_esc(rejected)}</span>' if rejected else ""))
            cells[-1] += "</td>"
        return "<tr>" + "".join(cells) + "</tr>"

    def _programs(self) -> str:
        if not self.c.programs:
            return self._empty()
        order = {"renamed": 0, "new": 1, "dropped": 2, "continued": 3}
        rows = []
        for m in sorted(self.c.programs, key=lambda m: order.get(m.status.value, 4)):
            cells = [
                self._status(m.status.value),
                f"<td{self._bl()}>{_esc(m.base.name) if m.base else ''}</td>",
                f"<td{self._nl()}>{_esc(m.new.name) if m.new else ''}</td>",
            ]
            if self.explain:
                cells.append(f"<td>{_esc(f'{m.score:.0f}: {m.reason}' if m.base and m.new else m.reason)}</td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        head = [(_esc(self.w["status"]), "w-status"), (self.base_year, ""), (self.new_year, "")]
        if self.explain:
            head.append((_esc(self.w["evidence"]), ""))
        return self._table("programs-h", head, rows)

    def _targets(self) -> str:
        rows = []
        for t in self.c.targets:
            rows.append(
                f"<tr>{self._status(t.status.value)}"
                f"<th scope=row{self._bl()}>{_esc(t.target.label)}</th>"
                f'<td class="num"{self._bl()}>{_esc(t.target.raw)}</td>'
                f'<td class="num"{self._nl()}>{_esc(t.outcome.raw)}</td></tr>'
            )
        head = [
            (_esc(self.w["status"]), "w-status"),
            (_esc(self.w["target"]), ""),
            (f"{self.base_year} {_esc(self.w['target'])}", "num w-num"),
            (f"{self.new_year} {_esc(self.w['outcome'])}", "num w-num"),
        ]
        return self._table("targets-h", head, rows)

    # ------------------------------------------------------------------ text changes

    def _text_changes(self, diffs: list[tuple[str, TextDiff]]) -> str:
        if not diffs:
            return self._empty()
        out = []
        for k, (heading, d) in enumerate(diffs, 1):
            rows = self._sentence_rows(d.sentences) if d.sentences else self._ops_rows(d.ops)
            changed = _esc(self.w["percent_changed"].format(pct=f"{d.change:.0%}"))
            head = [(self.base_year, ""), (self.new_year, "")]
            out.append(
                f'<section id="text-{k}" aria-labelledby="text-{k}-h">\n'
                f'<h3 id="text-{k}-h"><span{self._nl()}>{_esc(heading)}</span> '
                f'<span class="count">{changed}</span></h3>\n'
                + self._table(f"text-{k}-h", head, rows).replace("<table ", '<table class="sbs" ', 1)
                + "\n</section>"
            )
        return "\n".join(out)

    def _kept(self, texts: list[str], before: bool, after: bool) -> list[str]:
        """A run of unchanged sentences: one kept on each side that touches a change, the rest collapsed."""
        keep_head = CONTEXT if before else 0
        keep_tail = CONTEXT if after else 0
        real = [t for t in texts if t.strip()]
        if len(real) <= keep_head + keep_tail + 1:
            joined = "".join(texts)
            return [self._kept_row(joined)] if joined.strip() else []
        head, tail = real[:keep_head], real[len(real) - keep_tail :]
        middle = real[keep_head : len(real) - keep_tail]
        rows = [self._kept_row("".join(head))] if head else []
        label = _esc(self.w["unchanged_sentences"].format(n=len(middle)))
        rows.append(
            f'<tr><td colspan="2" class="kept"><details><summary>{label}</summary>'
            f"<span{self._nl()}>{_multiline(''.join(middle))}</span></details></td></tr>"
        )
        if tail:
            rows.append(self._kept_row("".join(tail)))
        return rows

    def _kept_row(self, text: str) -> str:
        return f'<tr><td colspan="2" class="kept"{self._nl()}>{_multiline(text.strip())}</td></tr>'

    def _sentence_rows(self, items: Sequence[SentenceChange]) -> list[str]:
        """Rows from the sentence alignment: kept runs collapsed; a run of removed and added sentences
        set beside each other, old | new; every other sentence a row of its own."""
        rows: list[str] = []
        kept: list[str] = []
        gone: list[str] = []
        came: list[str] = []
        for s in items:
            kind = s.kind
            if kind == "removed" and not kept:
                gone.append(s.base)
                continue
            if kind == "added" and not kept:
                came.append(s.new)
                continue
            rows += self._beside(gone, came)
            gone, came = [], []
            if kind == "kept":
                kept.append(s.new or s.base)
                continue
            if kept:
                rows += self._kept(kept, before=len(rows) > 0, after=True)
                kept = []
            if kind == "removed":
                gone.append(s.base)
            elif kind == "added":
                came.append(s.new)
            else:
                rows.append(self._sentence_row(kind, s))
        rows += self._beside(gone, came)
        if kept:
            rows += self._kept(kept, before=len(rows) > 0, after=False)
        return rows

    def _beside(self, gone: list[str], came: list[str]) -> list[str]:
        """Removed sentences on the old side, added ones on the new, row by row."""
        rows = []
        for k in range(max(len(gone), len(came))):
            old = f"<del>{_multiline(gone[k])}</del>" if k < len(gone) and gone[k] else ""
            new = f"<ins>{_multiline(came[k])}</ins>" if k < len(came) and came[k] else ""
            rows.append(f"<tr><td{self._bl()}>{old}</td><td{self._nl()}>{new}</td></tr>")
        return rows

    def _sentence_row(self, kind: str, s: SentenceChange) -> str:
        base, new, ops = s.base, s.new, s.ops
        if kind == "moved":
            tag = f'<span class="tag">{_esc(self.w["moved"])}</span>'
            old = f'{tag}<span class="moved">{_multiline(base)}</span>' if base else ""
            edited = any(op is not DiffOp.EQUAL for op, _ in ops)
            moved_to = _sides(ops)[1] if edited else _multiline(new)  # where it went, with any edit marked
            now = f'{tag}<span class="moved">{moved_to}</span>' if new else ""
        elif kind == "changed" and ops and not s.whole:
            old, now = _sides(ops)
        else:  # added, removed, or a sentence rewritten whole: shown whole on each side
            old = f"<del>{_multiline(base)}</del>" if base else ""
            now = f"<ins>{_multiline(new)}</ins>" if new else ""
        return f"<tr><td{self._bl()}>{old}</td><td{self._nl()}>{now}</td></tr>"

    def _ops_rows(self, ops: tuple[tuple[DiffOp, str], ...]) -> list[str]:
        """Rows from a character diff: runs of changes side by side (old: equal and deleted text, new:
        equal and inserted), the unchanged sentences between them collapsed."""
        rows: list[str] = []
        run: list[tuple[DiffOp, str]] = []
        for k, (op, text) in enumerate(ops):
            if op != DiffOp.EQUAL:
                run.append((op, text))
                continue
            pieces = split_sentences(text)
            real = [n for n, p in enumerate(pieces) if p.strip()]
            # CONTEXT whole sentences stay beside each change, plus the rest of a sentence it cut
            head = 0 if k == 0 else CONTEXT + (0 if _ends_sentence(ops[k - 1][1]) else 1)
            tail = 0 if k == len(ops) - 1 else CONTEXT + (0 if _ends_sentence(pieces[-1]) else 1)
            if len(real) < head + tail + 2:  # nothing worth collapsing: fewer than two sentences
                run.append((op, text))
                continue
            i = real[head - 1] + 1 if head else 0
            j = real[len(real) - tail] if tail else len(pieces)
            if i:
                run.append((op, "".join(pieces[:i])))
            if run:
                rows.append(self._run_row(run))
                run = []
            middle = [p for p in pieces[i:j] if p.strip()]
            label = _esc(self.w["unchanged_sentences"].format(n=len(middle)))
            rows.append(
                f'<tr><td colspan="2" class="kept"><details><summary>{label}</summary>'
                f"<span{self._nl()}>{_multiline(''.join(pieces[i:j]).strip())}</span></details></td></tr>"
            )
            if j < len(pieces):
                run.append((op, "".join(pieces[j:])))
        if run:
            rows.append(self._run_row(run))
        return rows

    def _run_row(self, run: list[tuple[DiffOp, str]]) -> str:
        same = sum(len(t) for op, t in run if op == DiffOp.EQUAL)
        old_text = "".join(t for op, t in run if op != DiffOp.INSERT)
        new_text = "".join(t for op, t in run if op != DiffOp.DELETE)
        if same < SPLICE_SHARE * max(len(old_text), len(new_text)):
            # old and new share little: a splice on common characters reads worse than the two whole
            old = f"<del>{_multiline(old_text.strip())}</del>" if old_text.strip() else ""
            new = f"<ins>{_multiline(new_text.strip())}</ins>" if new_text.strip() else ""
        else:
            old, new = _sides(tuple(run))
        return f"<tr><td{self._bl()}>{old}</td><td{self._nl()}>{new}</td></tr>"


def _sides(ops: tuple[tuple[DiffOp, str], ...]) -> tuple[str, str]:
    """A diff's old side (equal and deleted text) and new side (equal and inserted text) as markup."""
    old: list[str] = []
    new: list[str] = []
    for op, text in ops:
        if op is DiffOp.EQUAL:
            old.append(_multiline(text))
            new.append(_multiline(text))
        elif op is DiffOp.DELETE:
            old.append(f"<del>{_multiline(text)}</del>")
        elif op is DiffOp.INSERT:
            new.append(f"<ins>{_multiline(text)}</ins>")
    return "".join(old).strip(), "".join(new).strip()


def _ends_sentence(text: str) -> bool:
    """Whether a piece of text ends at a sentence's end (its closing punctuation or a line break)."""
    return text.endswith("\n") or text.rstrip()[-1:] in tuple("。！？!?；;”’」』）)")


def _q(value: str) -> str:
    """An attribute value, quoted."""
    return f'"{_esc(value)}"'
