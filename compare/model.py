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


class MetricKind(StrEnum):
    """What a figure states about its measure; figures pair only with their own kind."""

    LEVEL = "level"  # 国内生产总值990865亿元, 达到5.2%
    CHANGE = "change"  # 增长6.1%, 下降0.5个百分点, 增加350亿元 (see Metric.direction)
    SHARE = "share"  # 占…的比重为7.1%, 比例为10.8:45.7:43.5
    PER_CAPITA = "per_capita"  # 人均…85422元, 每千人口…3.1人, 8.4/10万
    TARGET = "target"  # a goal: 预期目标, 力争, or a figure dated after the report's own year
    RANGE = "range"  # 6%—6.5%


class Direction(StrEnum):
    UP = "up"  # 增长 增加 提高 上升 上涨
    DOWN = "down"  # 下降 减少 降低 回落 放缓 (grammar.CHANGE_DOWN)


@dataclass(frozen=True, slots=True)
class MetricKey:
    """What makes two figures the same measure across years; alignment compares these, not labels.

    measure is the measure phrase in simplified script with fillers, time and place words, verbs
    of change and glosses removed; scope holds the words that narrow it (其中, 累计, 上半年, 人均);
    kind is the kind that must agree ("target:change" for a growth target); period is "own" for
    the report's own year, "+1" for a year ahead, or the year itself for an earlier year restated.
    """

    measure: str
    scope: tuple[str, ...] = ()
    kind: str = "level"
    family: str = ""
    period: str = "own"
    term: int = 0  # the place of a figure in a list that shares one measure (a ratio's terms)
    borrowed: bool = False  # the measure was taken from the clause before: weaker evidence


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Program:
    """A named program, campaign, platform or document quoted in a section."""

    name: str
    kind: ProgramKind
    section: str
    start: int  # offset of the name itself, without its quote marks
    end: int


@dataclass(frozen=True, slots=True)
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
    kind: MetricKind = MetricKind.LEVEL
    direction: Direction | None = None  # for a change: the verb's direction (the value stays as written)
    unit_family: str = ""
    key: MetricKey | None = None
    parent: str | None = None  # id of the figure a change or share speaks of (增长6.1% -> its level)
    upper: Decimal | None = None  # the upper end of a range

    @property
    def signed(self) -> Decimal | None:
        """The value with a change's direction applied: 下降2.8% -> -2.8."""
        if self.value is not None and self.direction is Direction.DOWN:
            return -self.value
        return self.value


@dataclass(frozen=True, slots=True)
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
    own_year: int | None = None  # the year the report reviews, as extraction read it (None: not read)

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


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class ProgramMatch:
    status: ProgramStatus
    base: Program | None
    new: Program | None
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class Delta:
    """The change between two paired figures, in the base figure's unit (exact Decimals)."""

    change: Decimal  # new - base; for changes (增长/下降) the signed rates
    pct: Decimal | None  # percent change; None for rates (a change in points) or a zero base
    low: Decimal | None  # the change's lowest possible value when qualifiers make it a range
    high: Decimal | None  # None for unbounded (超过, 以上)
    proven: bool  # False when the range includes no change
    note: str  # what a reader must know: approximate figures, a change in percentage points
    points: bool = False  # the change is in percentage points (both figures are rates)


class CandidateStatus(StrEnum):
    """Why a candidate counterpart was not taken: --explain says which."""

    TAKEN = "taken"  # the one-to-one assignment gave it to another figure
    BELOW_CUTOFF = "below_cutoff"
    BLOCKED = "blocked"  # a rule forbids the pair: kind, unit, period, scope, [[forbid]]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A figure that might have been this one's counterpart, and why it is not."""

    id: str
    label: str
    raw: str
    score: float
    status: CandidateStatus
    detail: str  # "paired with s04.m02 专项帮扶资金 (12.18亿元) at 100", "kind: change vs level"


@dataclass(frozen=True, slots=True)
class MetricChange:
    """One metric across two reports: its status, its pairing's score and evidence, and the change."""

    status: MetricStatus
    base: Metric | None
    new: Metric | None
    score: float
    reason: str
    delta: Delta | None = None  # None when nothing is comparable (a placeholder, another measure)
    warnings: tuple[str, ...] = ()
    measure_changed: bool = False  # paired across different measures (人 vs 人次): no delta
    candidates: tuple[Candidate, ...] = ()  # the best counterparts not taken, for --explain

    @property
    def rejected(self) -> tuple[tuple[str, float], ...]:
        """(label (raw), score) of the candidates not taken, best first."""
        return tuple((f"{c.label} ({c.raw})", c.score) for c in self.candidates)


class TargetStatus(StrEnum):
    MET = "met"
    EXCEEDED = "exceeded"  # beyond a stated figure or an about-range, upwards
    MISSED = "missed"


@dataclass(frozen=True, slots=True)
class TargetCheck:
    """Last year's target beside this year's outcome for the same measure."""

    target: Metric  # in the base report, a figure for the year ahead
    outcome: Metric  # in the new report, for its own year
    status: TargetStatus
    score: float
    reason: str


class DiffOp(StrEnum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


class SentenceKind(StrEnum):
    KEPT = "kept"  # the same sentence in both years
    CHANGED = "changed"  # a sentence edited in place
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"  # found elsewhere in the other year: listed where it stood and where it went


@dataclass(frozen=True, slots=True)
class SentenceChange:
    """One sentence of a section across two years; a TextDiff lists them as the new text reads.

    kept and changed hold base and new; added only new; removed only base. A moved sentence is
    listed twice: where it stood (base only) and where it went (new only, its ops showing any edit
    from its old form). ops are the token diff, figures whole; whole: a changed sentence shares too
    little with its old form to splice, so a view shows old and new whole (ops: delete, insert).
    """

    kind: SentenceKind
    base: str
    new: str
    ops: tuple[tuple[DiffOp, str], ...]
    whole: bool = False


@dataclass(frozen=True, slots=True)
class TextDiff:
    """A section's text diff as (op, text) spans: op is equal, delete or insert."""

    base_section: str
    new_section: str
    ops: tuple[tuple[DiffOp, str], ...]
    change: float  # share of characters changed, 0-1
    sentences: tuple[SentenceChange, ...] = ()  # sentence by sentence; () for an unchanged section


@dataclass(frozen=True, slots=True)
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
    targets: tuple[TargetCheck, ...] = ()  # last year's targets against this year's outcomes

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
