"""model.py: the records every pipeline stage passes on.

Frozen dataclasses and str-Enums only; no stage logic lives here.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


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
