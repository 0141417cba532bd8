"""model.py: the records every pipeline stage passes on.

Frozen dataclasses and str-Enums only; no stage logic lives here.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .config import Cutoffs


class SectionKind(StrEnum):
    PREFACE = "preface"
    SECTION = "section"


class ProgramKind(StrEnum):
    PROGRAM = "program"  # a campaign, action, platform, competition, award
    DOCUMENT = "document"  # a title in 《》
    SLOGAN = "slogan"  # a quoted phrase that names no program


class Qualifier(StrEnum):
    EXACT = "exact"
    OVER = "over"  # 余 多 超过 突破 逾
    AT_LEAST = "at_least"  # 以上
    UNDER = "under"  # 近 不到 不足 以内 以下
    ABOUT = "about"  # 约 左右 大约
    PLACEHOLDER = "placeholder"  # XX万人, 【待补】: a figure still to be filled in


@dataclass(frozen=True)
class Section:
    """One headed part of a report; offsets index the report's normalized text."""

    id: str
    title: str
    kind: SectionKind
    moment: str | None  # the 【瞬间】 paragraph, without its marker
    paragraphs: tuple[str, ...]  # body paragraphs (the moment excluded)
    start: int  # offset of the first body paragraph
    end: int
    text: str  # report.text[start:end]


@dataclass(frozen=True)
class Program:
    """A named program, campaign, platform or document quoted in a section."""

    name: str
    kind: ProgramKind
    section: str
    start: int  # offset of the name itself, without its quote marks
    end: int


@dataclass(frozen=True)
class Metric:
    """One figure stated in a report; value is exact, in base units (万/亿 folded in)."""

    id: str
    section: str
    label: str
    value: Decimal | None  # None for a placeholder
    unit: str
    qualifier: Qualifier
    raw: str  # as written; equals report.text[start:end]
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Report:
    """A normalized report: header, sections, programs and metrics over one text."""

    year: str | None
    path: str
    title: str
    subtitle: str
    byline: str
    source: str
    status: str
    language: str
    text: str  # the normalized text all offsets index
    sections: tuple[Section, ...]
    programs: tuple[Program, ...] = ()
    metrics: tuple[Metric, ...] = ()
    published: str = ""  # from meta.toml, as written there
    # (offset in text, 1-based line in the source file) at the start of each block
    line_map: tuple[tuple[int, int], ...] = field(default=(), repr=False)

    def line_of(self, offset: int) -> int:
        """The 1-based line of the source file that holds this offset of the text."""
        if not self.line_map:
            return 1
        i = bisect.bisect_right(self.line_map, (offset, 1 << 62)) - 1
        if i < 0:
            return 1
        block_offset, line = self.line_map[i]
        return line + self.text.count("\n", block_offset, offset)

    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)


# ---------------------------------------------------------------- comparison records


class SectionStatus(StrEnum):
    MATCHED = "matched"  # same heading
    RENAMED = "renamed"  # another heading, same theme
    NEW = "new"
    DROPPED = "dropped"


class ProgramStatus(StrEnum):
    CONTINUED = "continued"
    RENAMED = "renamed"
    NEW = "new"
    DROPPED = "dropped"


class MetricStatus(StrEnum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    NEW = "new"
    MISSING = "missing"  # in BASE, no counterpart in NEW
    PENDING = "pending"  # NEW holds a placeholder


@dataclass(frozen=True)
class SectionMatch:
    """A section pairing (or a section left alone), with its scores and the reason."""

    status: SectionStatus
    base: Section | None
    new: Section | None
    score: float  # combined, 0-100
    title_score: float
    content_score: float
    reason: str
    rejected: tuple[tuple[str, float], ...] = ()  # best candidates not taken, for --explain
    change: float = 0.0  # share of the section's text that changed, 0-1


@dataclass(frozen=True)
class ProgramMatch:
    status: ProgramStatus
    base: Program | None
    new: Program | None
    score: float
    reason: str


@dataclass(frozen=True)
class MetricChange:
    """One metric across two reports: its status, its pairing's score, and the change."""

    status: MetricStatus
    base: Metric | None
    new: Metric | None
    score: float
    reason: str
    delta: Decimal | None = None  # new - base, in base units of the base metric's unit
    pct: Decimal | None = None  # percent change, None when base is 0 or not comparable
    low: Decimal | None = None  # the change's lowest possible value when qualifiers make it a range
    high: Decimal | None = None  # None for unbounded (超过, 以上)
    proven: bool | None = None  # False when the range includes no change
    warnings: tuple[str, ...] = ()
    measure_changed: bool = False  # paired across different measures (人 vs 人次): no delta
    rejected: tuple[tuple[str, float], ...] = ()  # best candidates not taken, for --explain


@dataclass(frozen=True)
class TextDiff:
    """A section's text diff as (op, text) spans: op is equal, delete or insert."""

    base_section: str
    new_section: str
    ops: tuple[tuple[str, str], ...]
    change: float  # share of characters changed, 0-1


@dataclass(frozen=True)
class Comparison:
    """Everything `compare BASE NEW` found; every view renders from this and recomputes nothing."""

    base: Report
    new: Report
    sections: tuple[SectionMatch, ...]
    programs: tuple[ProgramMatch, ...]
    metrics: tuple[MetricChange, ...]
    diffs: tuple[TextDiff, ...]
    cutoffs: Cutoffs  # kept so output shows the thresholds used
    config_path: str | None = None

    def summary(self) -> dict[str, dict[str, int]]:
        def count(
            items: tuple[SectionMatch, ...] | tuple[ProgramMatch, ...] | tuple[MetricChange, ...],
            statuses: type[StrEnum],
        ) -> dict[str, int]:
            return {s.value: sum(1 for x in items if x.status is s) for s in statuses}

        return {
            "metrics": count(self.metrics, MetricStatus),
            "sections": count(self.sections, SectionStatus),
            "programs": count(self.programs, ProgramStatus),
        }
