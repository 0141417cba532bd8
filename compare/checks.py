"""checks.py: CI policy. Turns a Comparison and the waivers into violations, warnings and an outcome.

Owns: what fails (--fail-on), waiver matching and staleness. Renders nothing and writes no files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .config import Config, Waiver
from .errors import CompareError
from .model import Comparison, Metric, MetricStatus, Section, SectionStatus


class Rule(StrEnum):
    MISSING = "missing"  # a BASE metric has no counterpart in NEW
    PENDING = "pending"  # NEW holds a placeholder where BASE had a figure
    DROPPED_SECTION = "dropped-section"
    UNIT_CHANGE = "unit-change"  # paired across different measures (人 vs 人次)


DEFAULT_FAIL_ON = (Rule.MISSING, Rule.PENDING)


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    WAIVED = "waived"
    WARNING = "warning"  # a finding of a rule not in --fail-on


@dataclass(frozen=True)
class Finding:
    """One problem with a BASE item: where it stood, what it was, and why it is flagged."""

    rule: Rule
    outcome: Outcome
    line: int
    label: str
    raw: str
    message: str
    metric_id: str | None = None
    section_id: str | None = None
    waiver: Waiver | None = None


@dataclass(frozen=True)
class WaiverNote:
    waiver: Waiver
    problem: str  # "matches nothing" or "expired on ..."


@dataclass(frozen=True)
class CheckResult:
    base_path: str
    fail_on: tuple[Rule, ...]
    findings: tuple[Finding, ...]  # every finding, in BASE text order
    cases: tuple[tuple[Metric, Finding | None], ...]  # one per BASE metric, for JUnit
    waiver_notes: tuple[WaiverNote, ...]
    config_path: str = "compare.toml"
    section_cases: tuple[tuple[Section, Finding | None], ...] = ()  # one per BASE section, for JUnit

    @property
    def failures(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.outcome is Outcome.FAILED)

    @property
    def ok(self) -> bool:
        return not self.failures


def parse_fail_on(value: str | None) -> tuple[Rule, ...]:
    """'missing,pending' -> rules; an unknown name is a usage error."""
    if value is None:
        return DEFAULT_FAIL_ON
    rules = []
    for name in (v.strip() for v in value.split(",")):
        if not name:
            continue
        try:
            rules.append(Rule(name))
        except ValueError:
            allowed = ", ".join(r.value for r in Rule)
            raise CompareError(f"--fail-on: unknown rule {name!r}; choose from {allowed}") from None
    if not rules:
        allowed = ", ".join(r.value for r in Rule)
        raise CompareError(f"--fail-on is empty, which would check nothing; choose from {allowed}")
    return tuple(rules)


def _waiver_for(waivers: list[Waiver], metric: Metric | None, section: Section | None) -> Waiver | None:
    for w in waivers:
        if metric is not None and w.metric in (metric.id, metric.label):
            return w
        if section is not None and w.section in (section.id, section.title):
            return w
    return None


def find_violations(
    comparison: Comparison,
    config: Config,
    fail_on: tuple[Rule, ...] = DEFAULT_FAIL_ON,
    today: dt.date | None = None,
) -> CheckResult:
    """Every BASE metric and section checked against the rules; waivers applied and audited."""
    today = today or dt.date.today()
    base = comparison.base
    new_name = comparison.new.year or comparison.new.path
    notes: list[WaiverNote] = []
    active: list[Waiver] = []
    for w in config.waivers:
        if w.expires is not None and w.expires < today:
            notes.append(WaiverNote(w, f"expired on {w.expires.isoformat()}; it no longer applies"))
        else:
            active.append(w)
    used: set[int] = set()

    def judge(rule: Rule, metric: Metric | None, section: Section | None) -> tuple[Outcome, Waiver | None]:
        # A section waiver covers what vanished with the section (its missing figures, the section itself),
        # never a placeholder the new report still promises to fill or a changed measure: those by name.
        section_rule = rule in (Rule.MISSING, Rule.DROPPED_SECTION)
        owner_section = section or (base.section(metric.section) if metric and section_rule else None)
        waiver = _waiver_for(active, metric, owner_section)
        if waiver is not None:
            used.add(id(waiver))
            return Outcome.WAIVED, waiver
        return (Outcome.FAILED if rule in fail_on else Outcome.WARNING), None

    findings: list[Finding] = []
    by_metric: dict[str, Finding] = {}
    by_section: dict[str, Finding] = {}
    for change in comparison.metrics:
        m = change.base
        if m is None:
            continue
        rule: Rule | None = None
        if change.status is MetricStatus.MISSING:
            rule, why = Rule.MISSING, f"reported in {base.year or base.path}, no counterpart in {new_name}"
        elif change.status is MetricStatus.PENDING and change.new is not None:
            rule, why = Rule.PENDING, f"still a placeholder in {new_name} ({change.new.raw})"
        elif change.new is not None and change.measure_changed:
            rule, why = Rule.UNIT_CHANGE, f"{m.unit} became {change.new.unit} in {new_name} ({change.new.raw})"
        if rule is None:
            continue
        outcome, waiver = judge(rule, m, None)
        finding = Finding(rule, outcome, base.line_of(m.start), m.label, m.raw, why, m.id, m.section, waiver)
        findings.append(finding)
        by_metric[m.id] = finding
    for sm in comparison.sections:
        if sm.status is SectionStatus.DROPPED and sm.base is not None:
            s = sm.base
            outcome, waiver = judge(Rule.DROPPED_SECTION, None, s)
            heading = base.text.rfind(s.title, 0, s.start + 1)
            line = base.line_of(heading if heading >= 0 else s.start)
            why = f"section has no counterpart in {new_name}"
            finding = Finding(Rule.DROPPED_SECTION, outcome, line, s.title, s.title, why, None, s.id, waiver)
            findings.append(finding)
            by_section[s.id] = finding
    for w in active:
        if id(w) not in used:
            notes.append(WaiverNote(w, "matches nothing to waive; remove it or fix its name"))
    findings.sort(key=lambda f: (f.line, f.rule.value, f.label))
    cases = tuple((m, by_metric.get(m.id)) for m in base.metrics)
    section_cases = tuple((s, by_section.get(s.id)) for s in base.sections)
    return CheckResult(
        base.path, fail_on, tuple(findings), cases, tuple(notes), config.path or "compare.toml", section_cases
    )
