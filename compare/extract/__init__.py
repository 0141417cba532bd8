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

__all__ = ["extract_metrics", "extract_programs", "read_metrics", "sentence_bounds"]

_SENTENCE_END = "。！？!?；;\n"
# A figure carries its sentence, but at most this many characters either side: a paragraph of
# thousands of figures with no full stop must not give each of them the whole paragraph.
SENTENCE_REACH = 120
_SENTENCE_MARK = re.compile(r"[。！？!?；;\n]")


def extract_metrics(report: Report) -> tuple[Metric, ...]:
    """Every figure in every section, in text order, with its label, kind, value, unit and key."""
    return read_metrics(report)[0]


def read_metrics(report: Report) -> tuple[tuple[Metric, ...], int | None]:
    """extract_metrics(), and the year the report reviews (its own year, read from its title and text)."""
    text = report.text
    folded = grammar.fold_dates(grammar.fold(text))
    mask = Mask(masked_spans(text))
    view = quiet_parens(folded)
    scanned = [scan(text, folded, section.start, section.end, mask) for section in report.sections]
    sentences = [sentences_of(view, section) for section in report.sections]
    title = grammar.fold(report.title)
    heads = [grammar.fold(section.title) for section in report.sections]
    reviewed = _review_year(heads)
    # the plan half's figures (二、2026年工作安排) date no outcome: the own year is read without them
    plan = plan_sections(heads, int(report.year) if report.year and report.year.isdigit() else reviewed)
    outcomes = [[] if p else found for p, found in zip(plan, scanned, strict=True)]
    own = own_year(title, view, report.year, sentences, outcomes, mask, reviewed)
    dated = plan_sections(heads, own)
    if dated != plan and any(scanned[k] for k, p in enumerate(dated) if p and not plan[k]):
        outcomes = [[] if p else found for p, found in zip(dated, scanned, strict=True)]
        own = own_year(title, view, report.year, sentences, outcomes, mask, reviewed)
        dated = plan_sections(heads, own)
    plan = dated
    review = review_sections(heads, plan)
    metrics: list[Metric] = []
    for k, section in enumerate(report.sections):
        # each section's figures and sentences are let go once read: a long report never holds them and
        # its metrics at once
        figures, said, scanned[k], sentences[k] = scanned[k], sentences[k], [], []
        if not figures:
            continue
        described = describe(text, view, section, figures, own, said, mask, plan=plan[k], review=review[k])
        ends = _sentence_ends(text, section)
        ids = [f"{section.id}.m{n:02d}" for n in range(1, len(figures) + 1)]
        for n, (f, d) in enumerate(zip(figures, described, strict=True)):
            lo, hi = _bounds(ends, f.start, f.end, section)
            lo, hi = max(lo, f.start - SENTENCE_REACH), min(hi, f.end + SENTENCE_REACH)
            family = grammar.unit_family(f.unit)
            key_kind = d.kind.value if d.kind is d.basis else f"{d.kind.value}:{d.basis.value}"
            metrics.append(
                Metric(
                    id=ids[n],
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
    return tuple(metrics), own


# A heading that announces the coming year's work: its figures are targets (二、2026年工作安排, 今年主要工作).
_PLAN_HEAD = re.compile(
    r"工作安排|重点任务|主要任务|目标任务|预期目标|主要目标|发展目标|奋斗目标|工作部署|总体要求|工作思路|今年|明年|下一步"
)
_REVIEW_HEAD = re.compile(r"回顾|总结|成效|成绩|进展|完成情况")
_DOCUMENT_HEAD = re.compile(r"报告|公报|纲要|名词|注释|说明")
_HEAD_YEAR = re.compile(r"(?<!\d)(\d{4})年(?!\d{1,2}月)")
# a five-year plan period (十五五, 第十五个五年): the n-th plan runs from 1951 + 5n (the 3rd from 1966)
_FIVE_YEAR = re.compile(r"十([一二三四五六七八九])五|第十([一二三四五六七八九])个五年")
_DIGIT = {c: k for k, c in enumerate("一二三四五六七八九", 1)}
# a sub-heading under the last numbered heading: (一), （1）, 1.
_SUB_HEAD = re.compile(r"^\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、])")


def _head_plan(head: str, own: int | None) -> bool:
    if _REVIEW_HEAD.search(head) or _DOCUMENT_HEAD.search(head):
        return False
    if _PLAN_HEAD.search(head):
        return True
    if own is None:
        return False
    if any(int(m.group(1)) > own for m in _HEAD_YEAR.finditer(head)):
        return True
    return any(1951 + 5 * (10 + _DIGIT[m.group(1) or m.group(2)]) > own for m in _FIVE_YEAR.finditer(head))


def plan_sections(heads: list[str], own: int | None) -> list[bool]:
    """For each section, whether its heading (or the numbered heading it stands under) announces the year ahead.

    二、2026年工作安排, 今年主要工作, 主要预期目标, “十五五”时期…目标 (a heading naming a year or a five-year
    plan after the report's own year, or a word of planning) mark a plan section, and the (一)…(八) under it
    too; a review heading (回顾, 成效) or a document's title never does.
    """
    out: list[bool] = []
    upper = False
    for head in heads:
        if head and _SUB_HEAD.match(head):
            out.append(upper or _head_plan(head, own))
        else:
            upper = bool(head) and _head_plan(head, own)
            out.append(upper)
    return out


def review_sections(heads: list[str], plan: list[bool]) -> list[bool]:
    """Sections under a heading that reviews the year (一、2025年工作回顾) and their (一)…(五)."""
    out: list[bool] = []
    upper = False
    for head, p in zip(heads, plan, strict=True):
        this = bool(_REVIEW_HEAD.search(head)) and not p
        if head and _SUB_HEAD.match(head):
            out.append((upper or this) and not p)
        else:
            upper = this
            out.append(this)
    return out


def _review_year(heads: list[str]) -> int | None:
    """The year a review heading names (一、2025年工作回顾): the year the report is about."""
    for head in heads:
        if _REVIEW_HEAD.search(head) and not _DOCUMENT_HEAD.search(head) and (m := _HEAD_YEAR.search(head)):
            return int(m.group(1))
    return None


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
