"""`compare BASE NEW` end to end: every format, --only, --explain, --html, compare.toml, snapshots."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from rich.console import Console

from compare import build_comparison
from compare.render.terminal import comparison_view

from .conftest import DATA, REPORTS

PAIR = DATA / "pair"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
COMPARISON_KEYS = ["base", "new", "summary", "sections", "programs", "metrics", "diffs", "settings", "targets"]
METRIC_CHANGE_KEYS = [
    *("status", "base", "new", "score", "delta", "pct", "range", "warnings", "reason", "rejected"),
    *("points", "candidates"),
]


def test_json_contract(run_cli) -> None:
    """The comparison JSON has the pinned top-level and metric keys, and real numbers."""
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert list(data) == COMPARISON_KEYS
    assert list(data["metrics"][0]) == METRIC_CHANGE_KEYS
    assert data["summary"]["metrics"] == {"unchanged": 1, "changed": 3, "new": 2, "missing": 3, "pending": 1}
    top = data["metrics"][0]
    assert top["base"]["raw"] == "5000万元" and top["delta"] == 70000000 and top["pct"] == 140.0


def test_csv_is_the_metric_change_table(run_cli) -> None:
    """--format csv gives one header row and one row per metric change."""
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--format", "csv")
    assert r.code == 0, r.err
    assert r.out.startswith("\ufeff")  # a byte-order mark: Excel reads the file as UTF-8
    rows = list(csv.reader(io.StringIO(r.out[1:])))
    assert rows[0][:6] == ["status", "section", "label", "base_as_written", "new_as_written", "base_value"]
    assert rows[1][:10] == ["changed", "帮扶困难职工", "帮扶资金", "5000万元", "1.2亿元", "50000000", "120000000", "元",
                            "70000000", "140.0"]  # fmt: skip
    assert len(rows) == 1 + 10


def test_markdown_table(run_cli) -> None:
    """--format markdown prints pipe tables of the metric changes (test_briefing checks every part)."""
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--format", "markdown")
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    at = lines.index("## Changed figures, largest change first (3)") + 1
    at += not lines[at]
    assert lines[at].startswith("| label") and set(lines[at + 1]) <= set("|-: ")
    assert any("慰问困难职工" in line and "人 vs 人次" in line for line in lines)


def test_plain_has_no_escape_codes(run_cli, monkeypatch) -> None:
    """Plain output for logs carries no ANSI colour codes."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--format", "plain")
    assert r.code == 0 and "\x1b[" not in r.out
    assert "Figures in both reports: 4 (2 rose, 0 fell, 1 unchanged)" in r.out


def test_rich_in_a_pipe_marks_diffs_without_colour(run_cli) -> None:
    """Piped, the Rich view has no colour codes and shows edits as [-old-]{+new+}."""
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--only", "text")
    assert r.code == 0, r.err
    assert "\x1b[" not in r.out
    assert "[-5000万元-]{+1.2亿元+}" in r.out


def test_only_narrows_the_view(run_cli) -> None:
    """--only programs shows the programs table and no figures table."""
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--only", "programs")
    assert "Programs" in r.out and "Changed figures" not in r.out and "法律援助服务" in r.out


def test_explain_shows_evidence_and_rejected(run_cli, monkeypatch) -> None:
    """--explain shows each pairing's scores and the best rejected candidates."""
    monkeypatch.setenv("COLUMNS", "200")
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--explain")
    assert "rejected:" in r.out and "shared word 法律援助" in r.out and "aligned sections" in r.out


def test_html_page_is_self_contained(run_cli, tmp_path: Path) -> None:
    """--html writes one page with inline styles and the report's text, and nothing beside it."""
    out = tmp_path / "view.html"
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--html", str(out))
    assert r.code == 0, r.err
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<title>compare 2020 2021</title>" in page
    assert "帮扶困难职工" in page and "<link" not in page and "<script src" not in page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["view.html"]


def test_config_file_sets_cutoffs(run_cli, tmp_path: Path) -> None:
    """--config PATH applies its cutoffs (shown in the JSON settings)."""
    cfg = tmp_path / "c.toml"
    cfg.write_text("[match]\nsection_cutoff = 90\n", encoding="utf-8")
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--config", str(cfg), "--format", "json")
    data = json.loads(r.out)
    assert data["settings"]["section_cutoff"] == 90.0 and data["settings"]["config"] == str(cfg)
    assert data["summary"]["sections"]["renamed"] == 0


def test_bad_config_is_a_one_line_error_with_its_line(run_cli, tmp_path: Path) -> None:
    """Bad TOML and unknown keys exit 2 with the file and line."""
    bad = tmp_path / "bad.toml"
    bad.write_text("[match]\nsection_cutof = 3\n", encoding="utf-8")
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--config", str(bad))
    assert r.code == 2 and f"{bad}:2: unknown key 'section_cutof'" in r.err
    bad.write_text("[match\n", encoding="utf-8")
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--config", str(bad))
    assert r.code == 2 and "bad TOML" in r.err and "line 1" in r.err


def test_bundled_reports_in_a_pipe(run_cli) -> None:
    """The main job runs on the bundled reports and names renamed, new and dropped sections."""
    r = run_cli("2020", "2021", "--reports-dir", str(REPORTS))
    assert r.code == 0, r.err
    for fragment in ("renamed", "新就业形态劳动者入会", "庆祝建党百年", "dropped", "Pending", "XX亿元"):
        assert fragment in r.out


def _snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no snapshot {path}; run UPDATE_SNAPSHOTS=1 pytest to write it"
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; if intended, run UPDATE_SNAPSHOTS=1 pytest"


def test_snapshot_of_the_terminal_view() -> None:
    """The rendered view of the invented pair, 100 columns, no colour, is pinned."""
    c = build_comparison("2020", "2021", PAIR)
    console = Console(width=100, file=io.StringIO(), color_system=None, highlight=False)
    for r in comparison_view(c, markers=True):
        console.print(r)
    _snapshot("pair.txt", console.file.getvalue())  # type: ignore[attr-defined]


def test_missing_figure_names_its_nearest_rejected_candidates(run_cli) -> None:
    """A missing figure's JSON lists the closest figures it was not paired with, and their scores."""
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--format", "json")
    entry = next(m for m in json.loads(r.out)["metrics"] if m["base"] and m["base"]["raw"] == "2亿元")
    assert entry["status"] == "missing"
    assert entry["rejected"] and all(c["score"] < 60 for c in entry["rejected"])
    assert all(c["candidate"].endswith("元)") for c in entry["rejected"])
