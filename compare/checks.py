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
    PENDING = "pending"  # NEW holds a placeholder (whether or not BASE had the figure)
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
    """One problem: where it stands (the file the author must edit, and the line), what, and why.

    A missing figure or a dropped section points into the base report; a placeholder points into
    the new report, where it has to be filled.
    """

    rule: Rule
    outcome: Outcome
    line: int
    label: str
    raw: str
    message: str
    metric_id: str | None = None
    section_id: str | None = None
    waiver: Waiver | None = None
    path: str = ""  # the report file the line is in


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
    new_cases: tuple[tuple[Metric, Finding], ...] = ()  # placeholders of NEW with no BASE figure, for JUnit

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


def _expired(expires: dt.date | dt.datetime, now: dt.datetime) -> bool:
    if isinstance(expires, dt.datetime):
        return now > (expires if expires.tzinfo else expires.replace(tzinfo=dt.UTC))
    return now.astimezone(dt.UTC).date() > expires


def one_line(text: str) -> str:
    """User text (a waiver's reason, a label) as one safe line: no escape sequence, no control or
    direction-override character, no line break — a finding is one line of output."""
    from .normalize import clean_text

    return " ".join(clean_text(text).split())


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
    today: dt.date | dt.datetime | None = None,
) -> CheckResult:
    """Every BASE metric and section checked against the rules; waivers applied and audited."""
    # Expiry is judged in UTC, whatever the machine's time zone: a date runs to the end of that day
    # in UTC; a date-time with an offset is that instant (without one, UTC).
    if today is None:
        now = dt.datetime.now(dt.UTC)
    elif isinstance(today, dt.datetime):
        now = today if today.tzinfo else today.replace(tzinfo=dt.UTC)
    else:
        now = dt.datetime.combine(today, dt.time(12), dt.UTC)
    base, new = comparison.base, comparison.new
    base_name = base.year or base.path
    new_name = new.year or new.path
    expected_in = {m.base.id: m.new.title for m in comparison.sections if m.base and m.new}
    notes: list[WaiverNote] = []
    active: list[Waiver] = []
    for w in config.waivers:
        if w.expires is not None and _expired(w.expires, now):
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
    new_cases: list[tuple[Metric, Finding]] = []
    for change in comparison.metrics:
        m = change.base
        if m is None:
            if change.status is MetricStatus.PENDING and change.new is not None:
                # a placeholder new this year is unfinished work too: it points where it must be filled
                p = change.new
                why = f"a placeholder in {new_name} ({p.raw}) with no figure in {base_name}"
                outcome, waiver = judge(Rule.PENDING, p, None)
                found = Finding(Rule.PENDING, outcome, new.line_of(p.start), p.label, p.raw, why, p.id, p.section,
                                waiver, new.path)  # fmt: skip
                findings.append(found)
                new_cases.append((p, found))
            continue
        rule: Rule | None = None
        path, line = base.path, base.line_of(m.start)
        if change.status is MetricStatus.MISSING:
            where = expected_in.get(m.section)
            rule, why = (
                Rule.MISSING,
                f"reported in {base_name}, no counterpart in {new_name}"
                + (f" (expected in its section {where})" if where else ""),
            )
        elif change.status is MetricStatus.PENDING and change.new is not None:
            rule = Rule.PENDING
            why = f"still a placeholder in {new_name} ({change.new.raw}); reported at {base.path}:{line}"
            path, line = new.path, new.line_of(change.new.start)
        elif change.new is not None and change.measure_changed:
            rule, why = Rule.UNIT_CHANGE, f"{m.unit} became {change.new.unit} in {new_name} ({change.new.raw})"
        if rule is None:
            continue
        outcome, waiver = judge(rule, m, None)
        finding = Finding(rule, outcome, line, m.label, m.raw, why, m.id, m.section, waiver, path)
        findings.append(finding)
        by_metric[m.id] = finding
    for sm in comparison.sections:
        if sm.status is SectionStatus.DROPPED and sm.base is not None:
            s = sm.base
            outcome, waiver = judge(Rule.DROPPED_SECTION, None, s)
            heading = base.text.rfind(s.title, 0, s.start + 1)
            line = base.line_of(heading if heading >= 0 else s.start)
            why = f"section has no counterpart in {new_name}"
            finding = Finding(Rule.DROPPED_SECTION, outcome, line, s.title, s.title, why, None, s.id, waiver, base.path)
            findings.append(finding)
            by_section[s.id] = finding
    for w in active:
        if id(w) not in used:
            notes.append(WaiverNote(w, "matches nothing to waive; remove it or fix its name"))
    findings.sort(key=lambda f: (f.path != base.path, f.line, f.rule.value, f.label))
    cases = tuple((m, by_metric.get(m.id)) for m in base.metrics)
    section_cases = tuple((s, by_section.get(s.id)) for s in base.sections)
    return CheckResult(
        base.path,
        fail_on,
        tuple(findings),
        cases,
        tuple(notes),
        config.path or "compare.toml",
        section_cases,
        tuple(new_cases),
    )
