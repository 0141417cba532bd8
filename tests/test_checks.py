"""The CI gate: exit codes, waivers (matching, stale, expired), GitHub output, JUnit XML."""

from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from compare import build_comparison
from compare.checks import Outcome, Rule, find_violations, parse_fail_on
from compare.config import Config, Waiver
from compare.errors import CompareError

from .conftest import DATA, REPORTS, ROOT, write

PAIR = DATA / "pair"
# The pair's BASE findings: missing 300家, 2亿元, 8万人; pending 3.5亿元; 人->人次 12万人; dropped 抗击疫情.


def check(*waivers: Waiver, fail_on: tuple[Rule, ...] = (Rule.MISSING, Rule.PENDING)):
    c = build_comparison("2020", "2021", PAIR, Config(waivers=waivers))
    return find_violations(c, Config(waivers=waivers), fail_on, today=dt.date(2026, 11, 25))


def test_missing_and_pending_fail_by_default() -> None:
    """Three missing figures and one placeholder fail; the dropped section and unit change only warn."""
    result = check()
    failed = sorted((f.rule.value, f.raw) for f in result.failures)
    assert failed == [("missing", "2亿元"), ("missing", "300家"), ("missing", "8万人"), ("pending", "3.5亿元")]
    warned = {(f.rule, f.raw) for f in result.findings if f.outcome is Outcome.WARNING}
    assert warned == {(Rule.UNIT_CHANGE, "12万人"), (Rule.DROPPED_SECTION, "抗击疫情")}
    assert not result.ok


def test_fail_on_chooses_the_rules() -> None:
    """--fail-on dropped-section,unit-change fails on those and only warns on missing."""
    result = check(fail_on=(Rule.DROPPED_SECTION, Rule.UNIT_CHANGE))
    assert {f.rule for f in result.failures} == {Rule.DROPPED_SECTION, Rule.UNIT_CHANGE}


def test_unknown_fail_on_rule_is_a_usage_error() -> None:
    """An unknown --fail-on name raises CompareError listing the choices."""
    with pytest.raises(CompareError, match="choose from missing, pending"):
        parse_fail_on("missing,vanished")


def test_waivers_by_label_id_and_section() -> None:
    """A label, a metric id and a section title each waive what they name."""
    result = check(
        Waiver("studios were a 2020 batch", metric="命名示范职工之家"),
        Waiver("filled in March", metric="s01.m03"),
        Waiver("pandemic section ended", section="抗击疫情"),
    )
    waived = sorted(f.raw for f in result.findings if f.outcome is Outcome.WAIVED)
    assert waived == ["2亿元", "3.5亿元", "300家", "8万人", "抗击疫情"]
    assert result.ok and not result.waiver_notes


def test_section_waiver_never_covers_a_pending_placeholder() -> None:
    """Waiving 帮扶困难职工 does not waive its XX亿元 placeholder: that needs the figure's own waiver."""
    result = check(Waiver("reason", section="帮扶困难职工"))
    assert ("pending", "3.5亿元") in {(f.rule.value, f.raw) for f in result.failures}


def test_stale_and_expired_waivers_are_reported() -> None:
    """A waiver that matches nothing is reported; an expired one is reported and no longer applies."""
    result = check(
        Waiver("typo", metric="no such figure"),
        Waiver("old", metric="疫情防控资金", expires=dt.date(2026, 1, 1)),
        Waiver("current", metric="慰问一线医务人员", expires=dt.date(2027, 1, 1)),
    )
    problems = sorted((n.waiver.target, n.problem.split(";")[0]) for n in result.waiver_notes)
    assert problems == [
        ("metric 'no such figure'", "matches nothing to waive"),
        ("metric '疫情防控资金'", "expired on 2026-01-01"),
    ]
    assert ("missing", "2亿元") in {(f.rule.value, f.raw) for f in result.failures}
    assert ("missing", "8万人") not in {(f.rule.value, f.raw) for f in result.failures}


def _toml(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "compare.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_exit_codes(run_cli, tmp_path: Path) -> None:
    """--check exits 1 on violations, 0 when all are waived, 2 on bad input."""
    args = ("2020", "2021", "--reports-dir", str(PAIR), "--check")
    r = run_cli(*args)
    assert r.code == 1 and "check failed: 4 violations (3 missing, 1 pending)" in r.out
    assert f"{PAIR}/2020/report.txt:" in r.out or "2020/report.txt:" in r.out
    cfg = _toml(
        tmp_path,
        '[[waive]]\nsection = "抗击疫情"\nreason = "ended"\n'
        '[[waive]]\nmetric = "命名示范职工之家"\nreason = "2020 batch"\n'
        '[[waive]]\nmetric = "追回欠薪"\nreason = "published in March"\nowner = "ana"\nexpires = 2099-01-01\n',
    )
    r = run_cli(*args, "--config", str(cfg))
    assert r.code == 0 and "check passed" in r.out, r.out
    r = run_cli(*args, "--fail-on", "nonsense")
    assert r.code == 2 and r.err.startswith("compare: --fail-on")
    r = run_cli("2020", "2099", "--reports-dir", str(PAIR), "--check")
    assert r.code == 2


def test_waiver_without_reason_is_a_config_error(run_cli, tmp_path: Path) -> None:
    """A [[waive]] with no reason is refused with its line."""
    cfg = _toml(tmp_path, '# waivers\n\n[[waive]]\nmetric = "x"\n')
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--check", "--config", str(cfg))
    assert r.code == 2 and f"{cfg}:3: [[waive]] needs a reason" in r.err


def test_github_annotations_are_capped_and_point_at_lines(run_cli, monkeypatch, tmp_path: Path) -> None:
    """Under GitHub Actions: at most 10 ::error lines, the first with the total; the full table in the summary."""
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    r = run_cli("2020", "2021", "--reports-dir", str(REPORTS), "--check", "--config", str(_toml(tmp_path, "")))
    assert r.code == 1
    errors = [line for line in r.out.splitlines() if line.startswith("::error")]
    assert len(errors) == 10
    assert "33 violations" in errors[0] and "job summary" in errors[0]
    assert errors[1].startswith("::error file=") and ",line=27," in errors[1]
    table = summary.read_text(encoding="utf-8")
    assert table.count("| failed |") == 33 and "24.92亿元" in table


def test_annotation_escaping(run_cli, monkeypatch, tmp_path: Path) -> None:
    """Commas and colons in file names are escaped in annotation properties."""
    folder = tmp_path / "a,b:c"
    for y in ("2020", "2021"):
        (folder / y).mkdir(parents=True)
        (folder / y / "report.txt").write_bytes((PAIR / y / "report.txt").read_bytes())
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    r = run_cli("2020", "2021", "--reports-dir", str(folder), "--check")
    line = next(line for line in r.out.splitlines() if line.startswith("::error file="))
    assert "a%2Cb%3Ac" in line


def test_junit_counts(run_cli, tmp_path: Path) -> None:
    """--junit writes valid XML: one case per BASE metric, failures and skipped (waived) counted."""
    out = tmp_path / "junit.xml"
    cfg = _toml(tmp_path, '[[waive]]\nsection = "抗击疫情"\nreason = "ended"\n')
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--check", "--junit", str(out), "--config", str(cfg))
    assert r.code == 1
    root = ET.parse(out).getroot()
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert len(cases) == 8  # the 2020 pair states 8 figures
    assert suite.get("tests") == "8" and suite.get("failures") == "2" and suite.get("skipped") == "2"
    assert len([c for c in cases if c.find("failure") is not None]) == 2
    assert not list(tmp_path.glob(".junit.xml.*"))  # no temporary file left behind


def test_bundled_dogfood_outcome(run_cli) -> None:
    """With the project's compare.toml, only the 2021 draft's 9 placeholders fail; missing figures are waived."""
    cfg = str(ROOT / "compare.toml")
    r = run_cli("2020", "2021", "--reports-dir", str(REPORTS), "--check", "--config", cfg)
    assert r.code == 1 and "check failed: 9 violations (9 pending)" in r.out
    r = run_cli("2020", "2021", "--reports-dir", str(REPORTS), "--check", "--config", cfg, "--fail-on", "missing")
    assert r.code == 0 and "check passed" in r.out and "0 warnings" not in r.out


def test_section_waiver_does_not_cover_a_changed_measure() -> None:
    """Waiving 帮扶困难职工 leaves its 人 -> 人次 change failing when unit-change is a rule."""
    result = check(Waiver("reason", section="帮扶困难职工"), fail_on=(Rule.UNIT_CHANGE,))
    assert [(f.rule, f.raw) for f in result.failures] == [(Rule.UNIT_CHANGE, "12万人")]


def test_junit_has_a_case_per_section_too(run_cli, tmp_path: Path) -> None:
    """A failing dropped section is a failed case in the sections suite, so the counts agree."""
    out = tmp_path / "j.xml"
    r = run_cli(
        "2020", "2021", "--reports-dir", str(PAIR), "--check", "--fail-on", "dropped-section", "--junit", str(out)
    )
    assert r.code == 1
    root = ET.parse(out).getroot()
    sections = next(s for s in root.findall("testsuite") if s.get("name") == "sections")
    assert sections.get("tests") == "4" and sections.get("failures") == "1"
    assert root.get("failures") == "1"
    assert oct(out.stat().st_mode & 0o777) != oct(0o600)  # readable like any file, not mkstemp's 0600


def test_empty_or_orphan_fail_on_is_a_usage_error(run_cli) -> None:
    """--fail-on "" would check nothing, and --fail-on without --check would do nothing: both exit 2."""
    assert run_cli("2020", "2021", "--reports-dir", str(PAIR), "--check", "--fail-on", " , ").code == 2
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--fail-on", "missing")
    assert r.code == 2 and "add --check" in r.err


def test_undecodable_file_name_in_junit(run_cli, tmp_path: Path) -> None:
    """A base file whose name is not UTF-8 still gets its JUnit file and the right exit code."""
    base = tmp_path / os.fsdecode(b"r\xff.txt")
    base.write_bytes((PAIR / "2020" / "report.txt").read_bytes())
    out = tmp_path / "j.xml"
    r = run_cli(str(base), str(PAIR / "2021"), "--check", "--junit", str(out))
    assert r.code == 1 and ET.parse(out).getroot() is not None


# ---------------------------------------------------------------- where findings point, what fails


def _pair_with_new_placeholder(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    write(root / "2030" / "report.txt", "示例报告\n\n【前言】\n\n全年新建驿站300个。\n")
    write(root / "2031" / "report.txt", "示例报告\n\n【前言】\n\n全年新建驿站320个。\n\n另新建书屋XX个。\n")
    return root


def test_a_placeholder_new_this_year_fails_the_check_where_it_stands(run_cli, monkeypatch, tmp_path: Path) -> None:
    """A placeholder with no figure last year is unfinished work: it fails, annotated at the new report's line."""
    root = _pair_with_new_placeholder(tmp_path)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    r = run_cli("2030", "2031", "--reports-dir", str(root), "--check", "--config", str(_toml(tmp_path, "")))
    assert r.code == 1
    new_report = str(root / "2031" / "report.txt")
    assert any(line.startswith(f"::error file={new_report},line=7,") for line in r.out.splitlines()), r.out


def test_a_new_placeholder_can_be_waived_by_name(run_cli, tmp_path: Path) -> None:
    """Waivers name a new placeholder like any other figure."""
    root = _pair_with_new_placeholder(tmp_path)
    cfg = _toml(tmp_path, '[[waive]]\nmetric = "新建书屋"\nreason = "not yet counted"\n')
    r = run_cli("2030", "2031", "--reports-dir", str(root), "--check", "--config", str(cfg))
    assert r.code == 0, r.out


def test_findings_point_where_the_author_edits(run_cli, tmp_path: Path) -> None:
    """A pending figure points at the new report's line; a missing one at the base's, naming where it was expected."""
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--check", "--config", str(_toml(tmp_path, "")))
    lines = r.out.splitlines()
    pending = next(line for line in lines if "pending" in line and "追回欠薪" in line)
    assert pending.startswith(str(PAIR / "2021" / "report.txt") + ":")
    missing = next(line for line in lines if "missing" in line and "命名示范职工之家" in line)
    assert missing.startswith(str(PAIR / "2020" / "report.txt") + ":") and "expected in its section" in missing


def test_junit_implies_the_check_and_says_when_it_ran(run_cli, tmp_path: Path) -> None:
    """--junit runs the check (as --help says) and the XML carries time and timestamp."""
    import xml.etree.ElementTree as ET

    out = tmp_path / "junit.xml"
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--junit", str(out), "--config", str(_toml(tmp_path, "")))
    assert r.code == 1
    root = ET.parse(out).getroot()
    suites = root.findall("testsuite")
    assert root.get("time") is not None and all(s.get("timestamp") and s.get("time") for s in suites)
    assert "implies --check" in " ".join(run_cli("--help").out.split())


def test_annotations_mention_the_summary_only_when_there_is_one(run_cli, monkeypatch, tmp_path: Path) -> None:
    """Without GITHUB_STEP_SUMMARY the first annotation does not send the reader to a summary."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--check", "--config", str(_toml(tmp_path, "")))
    first = next(line for line in r.out.splitlines() if line.startswith("::error"))
    assert "job summary" not in first


def test_a_multi_line_waiver_reason_stays_on_one_line(run_cli, tmp_path: Path) -> None:
    """One line per finding, whatever the waiver's reason holds."""
    cfg = _toml(tmp_path, '[[waive]]\nsection = "抗击疫情"\nreason = """ended\\nin 2020\\r\\nfor good"""\n')
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--check", "--config", str(cfg))
    waived = [line for line in r.out.splitlines() if "waived:" in line]
    assert waived and all("ended in 2020 for good" in line for line in waived)
