"""extract: figures and named programs out of a normalized report.

Owns what a figure is in a report's text (figures.py, through the shared grammar), what each one
measures (measure.py: label, kind, key) and the named programs (programs.py). Reads only
Report.text and sections; never touches files.
"""

from __future__ import annotations

import bisect
import re

from .. import grammar
from ..model import Metric, MetricKey, Report, Section
from .figures import Mask, masked_spans, scan
from .measure import describe, own_year, quiet_parens, sentences_of
from .programs import extract_programs

__all__ = ["extract_metrics", "extract_programs", "sentence_bounds"]

_SENTENCE_END = "。！？!?；;\n"
# A figure carries its sentence, but at most this many characters either side: a paragraph of
# thousands of figures with no full stop must not give each of them the whole paragraph.
SENTENCE_REACH = 120
_SENTENCE_MARK = re.compile(r"[。！？!?；;\n]")


def extract_metrics(report: Report) -> tuple[Metric, ...]:
    """Every figure in every section, in text order, with its label, kind, value, unit and key."""
    text = report.text
    folded = grammar.fold(text)
    mask = Mask(masked_spans(text))
    view = quiet_parens(folded)
    scanned = [scan(text, folded, section.start, section.end, mask) for section in report.sections]
    sentences = [sentences_of(view, section) for section in report.sections]
    own = own_year(grammar.fold(report.title), view, report.year, sentences, scanned, mask)
    metrics: list[Metric] = []
    for section, figures, said in zip(report.sections, scanned, sentences, strict=True):
        if not figures:
            continue
        described = describe(text, view, section, figures, own, said, mask)
        ends = _sentence_ends(text, section)
        ids = [f"{section.id}.m{k:02d}" for k in range(1, len(figures) + 1)]
        for k, (f, d) in enumerate(zip(figures, described, strict=True)):
            lo, hi = _bounds(ends, f.start, f.end, section)
            lo, hi = max(lo, f.start - SENTENCE_REACH), min(hi, f.end + SENTENCE_REACH)
            family = grammar.unit_family(f.unit)
            key_kind = d.kind.value if d.kind is d.basis else f"{d.kind.value}:{d.basis.value}"
            metrics.append(
                Metric(
                    id=ids[k],
                    section=section.id,
                    label=d.label,
                    value=f.value,
                    unit=f.unit,
                    qualifier=f.qualifier,
                    raw=text[f.start : f.end],
                    sentence=text[lo:hi].strip(),
                    start=f.start,
                    end=f.end,
                    kind=d.kind,
                    direction=d.direction,
                    unit_family=family,
                    key=MetricKey(d.measure, d.scope, key_kind, family, d.period, f.term or d.term, d.borrowed),
                    parent=ids[d.parent] if d.parent is not None else None,
                    upper=f.upper,
                )
            )
    return tuple(metrics)


def _sentence_ends(text: str, section: Section) -> list[int]:
    """Offsets of every sentence-ending mark in a section, computed once (linear in its length)."""
    return [m.start() for m in _SENTENCE_MARK.finditer(text, section.start, section.end)]


def _bounds(ends: list[int], start: int, end: int, section: Section) -> tuple[int, int]:
    k = bisect.bisect_left(ends, start)
    lo = ends[k - 1] + 1 if k > 0 else section.start
    k = bisect.bisect_left(ends, end)
    hi = ends[k] + 1 if k < len(ends) else section.end
    return lo, min(hi, section.end)


def sentence_bounds(text: str, start: int, end: int, section: Section) -> tuple[int, int]:
    """The sentence around text[start:end] inside its section: from the last mark before to the next."""
    lo = start
    while lo > section.start and text[lo - 1] not in _SENTENCE_END:
        lo -= 1
    hi = end
    while hi < section.end and text[hi] not in _SENTENCE_END:
        hi += 1
    return lo, min(hi + 1, section.end)
