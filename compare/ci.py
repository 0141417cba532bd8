"""ci.py: renders a CheckResult for CI — plain lines, GitHub annotations and step summary, JUnit XML.

Never decides what fails (checks.py does) and never writes files (the CLI does, atomically).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from .checks import CheckResult, Finding, Outcome, one_line
from .normalize import visible

GITHUB_ANNOTATION_CAP = 10  # GitHub shows no more error annotations than this per step


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    """Text JUnit XML can hold: characters XML 1.0 forbids become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _where(result: CheckResult, f: Finding) -> str:
    return f"{visible(f.path or result.base_path)}:{f.line}"


def _describe(f: Finding) -> str:
    """The finding as one line: user text (labels, waiver reasons) never breaks it."""
    what = f"{f.label} ({f.raw})" if f.raw != f.label else f.label
    if f.waiver:
        return one_line(f"{f.rule.value}: {what} — {f.waiver.reason}")
    return one_line(f"{f.rule.value}: {what}: {f.message}")


def plain_report(result: CheckResult) -> str:
    """One line per finding (file:line: rule: label (raw): why), failures first, then a verdict."""
    lines = []
    order = {Outcome.FAILED: 0, Outcome.WARNING: 1, Outcome.WAIVED: 2}
    for f in sorted(result.findings, key=lambda f: (order[f.outcome], f.line)):
        tag = {Outcome.FAILED: "error", Outcome.WARNING: "warning", Outcome.WAIVED: "waived"}[f.outcome]
        lines.append(f"{_where(result, f)}: {tag}: {_describe(f)}")
    for note in result.waiver_notes:
        w = note.waiver
        lines.append(one_line(f"{visible(result.config_path)}:{w.line}: warning: waiver for {w.target} {note.problem}"))
    lines.append(verdict(result))
    return "\n".join(lines) + "\n"


def verdict(result: CheckResult) -> str:
    counts: dict[str, int] = {}
    for f in result.failures:
        counts[f.rule.value] = counts.get(f.rule.value, 0) + 1
    waived = sum(1 for f in result.findings if f.outcome is Outcome.WAIVED)
    warnings = sum(1 for f in result.findings if f.outcome is Outcome.WARNING) + len(result.waiver_notes)
    rules = ",".join(r.value for r in result.fail_on) or "nothing"
    if result.ok:
        head = "check passed"
    else:
        detail = ", ".join(f"{n} {rule}" for rule, n in sorted(counts.items()))
        head = f"check failed: {len(result.failures)} violations ({detail})"
    return f"{head}; {waived} waived, {warnings} warnings (fail on: {rules})"


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def _props(result: CheckResult, f: Finding) -> str:
    path = visible(f.path or result.base_path)
    return f"file={_escape_property(path)},line={f.line},title={_escape_property(f.rule.value)}"


def github_annotations(result: CheckResult, summary: bool = True) -> str:
    """::error lines at the lines to edit (a placeholder in the new report, a missing figure in the base):
    a count first, then at most 9 more. summary says whether the full list went to a job summary."""
    failures = sorted(result.failures, key=lambda f: (f.path != result.base_path, f.line))
    lines = []
    if failures:
        shown = GITHUB_ANNOTATION_CAP - 1
        more = f"; the first {min(shown, len(failures))} are annotated" if len(failures) > shown else ""
        rest = "; the full list is in the job summary" if summary else ""
        text = f"{verdict(result)}{more}{rest}"
        lines.append(f"::error title={_escape_property('compare --check')}::{_escape_data(text)}")
        for f in failures[:shown]:
            lines.append(f"::error {_props(result, f)}::{_escape_data(_describe(f))}")
    warnings = [f for f in result.findings if f.outcome is Outcome.WARNING]
    for f in warnings[:GITHUB_ANNOTATION_CAP]:
        lines.append(f"::warning {_props(result, f)}::{_escape_data(_describe(f))}")
    for note in result.waiver_notes[: max(0, GITHUB_ANNOTATION_CAP - len(warnings))]:
        props = f"file={_escape_property(visible(result.config_path))},line={note.waiver.line},title=stale waiver"
        text = one_line(f"waiver for {note.waiver.target} {note.problem}")
        lines.append(f"::warning {props}::{_escape_data(text)}")
    return "\n".join(lines) + ("\n" if lines else "")


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def step_summary(result: CheckResult) -> str:
    """The complete list as Markdown, for $GITHUB_STEP_SUMMARY."""
    out = [
        f"### compare --check: {verdict(result)}",
        "",
        "| outcome | rule | where | figure | why |",
        "|---|---|---|---|---|",
    ]
    order = {Outcome.FAILED: 0, Outcome.WARNING: 1, Outcome.WAIVED: 2}
    for f in sorted(result.findings, key=lambda f: (order[f.outcome], f.path != result.base_path, f.line)):
        why = one_line(f.message + (f" (waived: {f.waiver.reason})" if f.waiver else ""))
        figure = f"{f.label} ({f.raw})" if f.raw != f.label else f.label
        out.append(
            f"| {f.outcome.value} | {f.rule.value} | {_cell(_where(result, f))} | {_cell(figure)} | {_cell(why)} |"
        )
    for note in result.waiver_notes:
        where = f"{visible(result.config_path)}:{note.waiver.line}"
        target = one_line(note.waiver.target)
        out.append(f"| warning | stale waiver | {_cell(where)} | {_cell(target)} | {one_line(note.problem)} |")
    return "\n".join(out) + "\n\n"


def junit_xml(result: CheckResult, seconds: float = 0.0, timestamp: str = "") -> str:
    """JUnit XML: a suite with one case per BASE metric, one with one case per BASE section, and one
    with one case per placeholder of the new report that has no BASE figure.

    A case fails for a violation, is skipped when waived, and passes otherwise (a warning is
    kept in its system-out). seconds and timestamp (ISO 8601) say when and how long the check ran.
    """
    suites = ET.Element("testsuites", name="compare --check", time=f"{seconds:.3f}")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    metric_cases = [(f"{result.base_path}:{m.section}", f"{m.label} ({m.raw})", f) for m, f in result.cases]
    section_cases = [(f"{result.base_path}:sections", f"{s.id} {s.title}", f) for s, f in result.section_cases]
    placeholder_cases = [(f"{f.path}:{m.section}", f"{m.label} ({m.raw})", f) for m, f in result.new_cases]
    for name, cases in (("metrics", metric_cases), ("sections", section_cases), ("placeholders", placeholder_cases)):
        suite = ET.SubElement(suites, "testsuite", name=name)
        if timestamp:
            suite.set("timestamp", timestamp)
        suite.set("time", f"{seconds:.3f}")
        counts = {"tests": len(cases), "failures": 0, "errors": 0, "skipped": 0}
        for classname, case_name, finding in cases:
            case = ET.SubElement(suite, "testcase", classname=_xml(visible(classname)), name=_xml(one_line(case_name)))
            if finding is None:
                continue
            if finding.outcome is Outcome.FAILED:
                counts["failures"] += 1
                failure = ET.SubElement(case, "failure", message=_xml(_describe(finding)), type=finding.rule.value)
                failure.text = _xml(f"{_where(result, finding)}: {one_line(finding.message)}")
            elif finding.outcome is Outcome.WAIVED and finding.waiver is not None:
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", message=_xml(one_line(f"waived: {finding.waiver.reason}")))
            else:
                ET.SubElement(case, "system-out").text = _xml(f"warning: {_describe(finding)}")
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        suites.set(key, str(value))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def check_dict(result: CheckResult) -> dict[str, Any]:
    return {
        "ok": result.ok,
        "fail_on": [r.value for r in result.fail_on],
        "findings": [
            {
                "outcome": f.outcome.value,
                "rule": f.rule.value,
                "file": f.path or result.base_path,
                "line": f.line,
                "label": f.label,
                "raw": f.raw,
                "message": f.message,
                "metric": f.metric_id,
                "section": f.section_id,
                "waiver": None if f.waiver is None else {"reason": f.waiver.reason, "owner": f.waiver.owner},
            }
            for f in result.findings
        ],
        "stale_waivers": [
            {"target": n.waiver.target, "line": n.waiver.line, "problem": n.problem} for n in result.waiver_notes
        ],
    }
