"""briefing.py: what a reader must act on first, drawn from a comparison and the waivers.

Every view (terminal, plain, markdown, HTML, spreadsheet) opens with the same briefing: a summary
in words, then the placeholders still to fill, the missing figures nobody waived, the changed
figures by size of change, the new ones, and what compare.toml waived (with its reason and owner).
Waivers are matched by the CI policy module (checks), never here, so the view and --check agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..checks import Outcome, Rule, find_violations
from ..config import Config
from ..diff import split_sentences
from ..model import Comparison, MetricChange, MetricStatus, ProgramStatus, SectionMatch, SectionStatus, SentenceKind
from .tables import change_text, pct_text

LARGEST = 3  # changes named in the summary sentence


@dataclass(frozen=True, slots=True)
class Waived:
    """A missing figure or a dropped section that compare.toml waives."""

    what: str  # "figure" or "section"
    label: str
    raw: str
    section: str  # the section's title
    reason: str
    owner: str | None


@dataclass(frozen=True, slots=True)
class SectionLine:
    """One section pairing and what changed in it, in counts."""

    match: SectionMatch
    figures: int  # figures changed (rose, fell, new, missing or pending) in this section
    added: int  # sentences added (0 when the text diff holds no sentence alignment)
    removed: int
    started: int  # programs new in this section
    stopped: int  # programs dropped from it

    def counts(self, w: Mapping[str, str]) -> str:
        """figures 7 · sentences +6 −8 · programs +0 −1, in the view's words."""
        return w["section_line"].format(
            figures=self.figures, added=self.added, removed=self.removed, started=self.started, stopped=self.stopped
        )


@dataclass(frozen=True, slots=True)
class Briefing:
    paired: int
    rose: int
    fell: int
    same: int
    pending: tuple[MetricChange, ...]
    missing: tuple[MetricChange, ...]  # not waived
    changed: tuple[MetricChange, ...]  # largest change first
    new: tuple[MetricChange, ...]
    unchanged: tuple[MetricChange, ...]
    waived: tuple[Waived, ...]
    sections: tuple[SectionLine, ...]
    waived_missing: int  # missing figures that are waived (they are in `waived`, not in `missing`)

    @property
    def attention(self) -> bool:
        return bool(self.pending or self.missing)


def waived_by_reason(b: Briefing) -> list[tuple[str, str | None, list[Waived]]]:
    """The waived items grouped by the waiver's reason and owner, in the order first seen: a reason is read once."""
    groups: dict[tuple[str, str | None], list[Waived]] = {}
    for item in b.waived:
        groups.setdefault((item.reason, item.owner), []).append(item)
    return [(reason, owner, items) for (reason, owner), items in groups.items()]


def waived_item(item: Waived) -> str:
    """A waived figure as '疫情防控资金 24.92亿元'; a section by its title."""
    return f"{item.label} {item.raw}" if item.raw else item.label


def change_size(m: MetricChange) -> tuple[int, Decimal, Decimal]:
    """Sort key, largest first: % change where there is one, then the size of the change itself."""
    if m.delta is None:
        return (2, Decimal(0), Decimal(0))
    if m.delta.pct is None:
        return (1, Decimal(0), -abs(m.delta.change))
    return (0, -abs(m.delta.pct), -abs(m.delta.change))


def build(c: Comparison, config: Config | None = None) -> Briefing:
    """The briefing of a comparison; config supplies the waivers (none without one)."""
    waived_metrics: dict[str, Waived] = {}
    waived: list[Waived] = []
    titles = {s.id: s.title for s in c.base.sections}
    if config is not None and config.waivers:
        result = find_violations(c, config, tuple(Rule))
        for f in result.findings:
            if f.outcome is not Outcome.WAIVED or f.waiver is None or f.rule is Rule.PENDING:
                continue  # a placeholder is still work to do, waived or not: it stays under pending
            item = Waived(
                "section" if f.rule is Rule.DROPPED_SECTION else "figure",
                f.label,
                f.raw if f.rule is not Rule.DROPPED_SECTION else "",
                titles.get(f.section_id or "", ""),
                f.waiver.reason,
                f.waiver.owner,
            )
            waived.append(item)
            if f.metric_id is not None and f.rule is Rule.MISSING:
                waived_metrics[f.metric_id] = item
    pending, missing, changed, new, unchanged = [], [], [], [], []
    rose = fell = 0
    for m in c.metrics:
        if m.status is MetricStatus.PENDING:
            pending.append(m)
        elif m.status is MetricStatus.MISSING:
            if not (m.base and m.base.id in waived_metrics):
                missing.append(m)
        elif m.status is MetricStatus.NEW:
            new.append(m)
        elif m.status is MetricStatus.UNCHANGED:
            unchanged.append(m)
        else:
            changed.append(m)
            if m.delta is not None and m.delta.change > 0:
                rose += 1
            elif m.delta is not None and m.delta.change < 0:
                fell += 1
    changed.sort(key=change_size)  # stable: equal sizes keep report order
    return Briefing(
        paired=len(changed) + len(unchanged),
        rose=rose,
        fell=fell,
        same=len(unchanged),
        pending=tuple(pending),
        missing=tuple(missing),
        changed=tuple(changed),
        new=tuple(new),
        unchanged=tuple(unchanged),
        waived=tuple(waived),
        sections=tuple(_section_lines(c)),
        waived_missing=len(waived_metrics),
    )


def _section_lines(c: Comparison) -> list[SectionLine]:
    figures: dict[str, int] = {}  # by base section id, or new section id for a new figure
    for m in c.metrics:
        if m.status is MetricStatus.UNCHANGED:
            continue
        key = f"b:{m.base.section}" if m.base else f"n:{m.new.section}" if m.new else ""
        figures[key] = figures.get(key, 0) + 1
    started: dict[str, int] = {}
    stopped: dict[str, int] = {}
    for p in c.programs:
        if p.status is ProgramStatus.NEW and p.new:
            started[p.new.section] = started.get(p.new.section, 0) + 1
        elif p.status is ProgramStatus.DROPPED and p.base:
            stopped[p.base.section] = stopped.get(p.base.section, 0) + 1
    sentences: dict[tuple[str, str], tuple[int, int]] = {}
    for d in c.diffs:
        kinds = [s.kind for s in d.sentences]
        added, removed = kinds.count(SentenceKind.ADDED), kinds.count(SentenceKind.REMOVED)
        sentences[(d.base_section, d.new_section)] = (added, removed)
    lines = []
    for sm in c.sections:
        b, n = sm.base.id if sm.base else "", sm.new.id if sm.new else ""
        added, removed = sentences.get((b, n), (0, 0))
        if sm.status is SectionStatus.NEW and sm.new:
            added = len(split_sentences(sm.new.text))  # all of a new section's text is new
        elif sm.status is SectionStatus.DROPPED and sm.base:
            removed = len(split_sentences(sm.base.text))
        lines.append(
            SectionLine(
                sm,
                figures.get(f"b:{b}", 0) + figures.get(f"n:{n}", 0),
                added,
                removed,
                started.get(n, 0),
                stopped.get(b, 0),
            )
        )
    return lines


def summary_sentences(c: Comparison, b: Briefing, w: Mapping[str, str]) -> list[str]:
    """The briefing's first paragraph, in words: counts, then the largest changes by name."""
    out = [w["summary_figures"].format(paired=b.paired, rose=b.rose, fell=b.fell, same=b.same)]
    if b.new:
        out.append(w["summary_new"].format(n=len(b.new)))
    if b.pending:
        out.append(w["summary_pending"].format(n=len(b.pending)))
    if b.missing or b.waived_missing:
        total = len(b.missing) + b.waived_missing
        out.append(w["summary_missing"].format(n=total, waived=b.waived_missing))
    largest = [m for m in b.changed if m.delta is not None][:LARGEST]
    if largest:
        items = "; ".join(f"{_label(m)} {pct_text(m) or change_text(m)}" for m in largest)
        out.append(w["summary_largest"].format(items=items))
    s = c.summary()["sections"]
    out.append(w["summary_sections"].format(**s))
    return out


def summary_text(c: Comparison, b: Briefing, w: Mapping[str, str]) -> str:
    """The summary sentences as one paragraph."""
    return w["sentence_gap"].join(summary_sentences(c, b, w))


def _label(m: MetricChange) -> str:
    ref = m.new or m.base
    return ref.label if ref else ""
