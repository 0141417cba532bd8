"""compare --all: every consecutive pair of years, named documents paired by name, one combined result."""

from __future__ import annotations

import json
from pathlib import Path

from compare.archive import iter_archive, plan

from .conftest import DATA

PAIR = DATA / "pair"
TEXTS = {y: (PAIR / y / "report.txt").read_text(encoding="utf-8") for y in ("2020", "2021")}


def archive(tmp_path: Path) -> Path:
    """2019-2021, two named documents a year (national, beijing); 2021 lacks beijing."""
    root = tmp_path / "reports"
    for year, text in (("2019", TEXTS["2020"]), ("2020", TEXTS["2021"]), ("2021", TEXTS["2021"])):
        (root / year).mkdir(parents=True)
        (root / year / "national.txt").write_text(text, encoding="utf-8")
        if year != "2021":
            (root / year / "beijing.txt").write_text(text.replace("5000万元", "4000万元"), encoding="utf-8")
    return root


def test_plan_pairs_consecutive_years_and_documents_by_name(tmp_path: Path) -> None:
    """2019→2020 pairs both documents; 2020→2021 only the national one."""
    jobs, notes = plan(archive(tmp_path))
    assert notes == ["2020/beijing.txt has no counterpart named 'beijing' in 2021/"]
    assert [(j.base_year, j.new_year, j.document) for j in jobs] == [
        ("2019", "2020", "beijing"),
        ("2019", "2020", "national"),
        ("2020", "2021", "national"),
    ]


def test_parallel_and_serial_runs_agree(tmp_path: Path) -> None:
    """Two worker processes give the same results, in the same order, as one."""
    root = archive(tmp_path)
    jobs = plan(root)[0] * 2  # enough work for the pool
    assert list(iter_archive(jobs, None, workers=2)) == list(iter_archive(jobs, None, workers=1))


def test_all_json_is_one_combined_result(run_cli, tmp_path: Path) -> None:
    """--all --format json lists every pair with its summary and metric changes."""
    r = run_cli("--all", "--reports-dir", str(archive(tmp_path)), "--format", "json")
    assert r.code == 0, r.err
    pairs = json.loads(r.out)["pairs"]
    assert [(p["base"]["year"], p["document"]) for p in pairs] == [
        ("2019", "beijing"),
        ("2019", "national"),
        ("2020", "national"),
    ]
    assert pairs[1]["summary"]["metrics"]["changed"] == 3
    assert pairs[2]["summary"]["metrics"] == {"unchanged": 6, "changed": 0, "new": 0, "missing": 0, "pending": 1}


def test_all_check_and_errors(run_cli, tmp_path: Path) -> None:
    """--all --check exits 1 when a pair fails; an unreadable report is reported, exit 2, others still run."""
    root = archive(tmp_path)
    r = run_cli("--all", "--reports-dir", str(root), "--check", "--format", "plain")
    assert r.code == 1 and "failed" in r.out
    (root / "2021" / "national.txt").write_bytes(b"\x00\x01binary")
    r = run_cli("--all", "--reports-dir", str(root), "--format", "plain")
    assert r.code == 2 and "binary" in r.err
    assert "2019→2020" in r.out


def test_all_needs_two_years_and_no_reports(run_cli, tmp_path: Path) -> None:
    """--all with REPORT arguments, or with fewer than two years, is a usage error."""
    assert run_cli("--all", "2020", "--reports-dir", str(PAIR)).code == 2
    (tmp_path / "2020").mkdir()
    r = run_cli("--all", "--reports-dir", str(tmp_path))
    assert r.code == 2 and "at least two year folders" in r.err


def test_nothing_to_compare_is_an_error_not_a_pass(run_cli, tmp_path: Path) -> None:
    """Year folders whose documents never pair (or hold none) make --all --check exit 2, not 0."""
    for year, names in (("2020", ("a", "b")), ("2021", ("c", "d"))):
        for name in names:
            (tmp_path / year).mkdir(exist_ok=True)
            (tmp_path / year / f"{name}.txt").write_text(TEXTS["2020"], encoding="utf-8")
    r = run_cli("--all", "--check", "--reports-dir", str(tmp_path))
    assert r.code == 2 and "no pair of reports to compare" in r.err
    empty = tmp_path / "empty"
    (empty / "2020").mkdir(parents=True)
    (empty / "2021").mkdir()
    assert run_cli("--all", "--check", "--reports-dir", str(empty)).code == 2


def test_all_rejects_options_it_cannot_honour(run_cli, tmp_path: Path) -> None:
    """--junit, --html, --only and --explain with --all are usage errors, not silently ignored."""
    root = archive(tmp_path)
    for extra in (("--junit", str(tmp_path / "j.xml")), ("--html", str(tmp_path / "h.html")), ("--explain",)):
        r = run_cli("--all", "--reports-dir", str(root), *extra)
        assert r.code == 2 and "does not apply to --all" in r.err, extra


def test_archive_table_speaks_chinese(run_cli, tmp_path: Path) -> None:
    root = archive(tmp_path)
    r = run_cli("--all", "--reports-dir", str(root), "--check", "--lang", "zh")
    assert r.code == 1 and "档案" in r.out and "未通过" in r.out and "failed" not in r.out


def test_all_json_is_streamed_with_the_same_bytes(run_cli, tmp_path: Path) -> None:
    """--all writes each pair as it comes; the bytes are those of the whole result built at once."""
    import io

    from compare.archive import iter_archive
    from compare.render import Format, dumps, render_archive
    from compare.render.data import archive_dict

    root = archive(tmp_path)
    jobs = plan(root)[0]
    whole = dumps(archive_dict(list(iter_archive(jobs, None, workers=1))))
    out = io.StringIO()
    render_archive(iter_archive(jobs, None, workers=1), Format.JSON, out)
    assert out.getvalue() == whole
    assert run_cli("--all", "--reports-dir", str(root), "--format", "json").out == whole
