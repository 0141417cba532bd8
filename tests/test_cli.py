"""The command line end to end: output, JSON contract and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import REPORTS, ROOT, write

REPORT_KEYS = ["year", "title", "subtitle", "byline", "source", "status", "path", "published", "language"]
SECTION_KEYS = ["id", "title", "kind", "moment", "paragraphs", "text", "start", "end"]
PROGRAM_KEYS = ["name", "kind", "section", "start", "end"]
METRIC_KEYS = [
    *("id", "section", "label", "value", "unit", "qualifier", "raw", "sentence", "start", "end"),
    *("kind", "unit_family", "direction", "parent", "upper", "key"),
]
KEY_KEYS = ["measure", "scope", "kind", "family", "period", "term", "borrowed"]


def test_one_year_shows_sections_figures_programs(run_cli) -> None:
    """`compare 2020` prints the header, the sections, the figures and the programs."""
    r = run_cli("2020", "--reports-dir", str(REPORTS))
    assert r.code == 0, r.err
    for fragment in ("共克时艰中展现工会力量", "职工利益无小事", "24.92亿元", "疫情防控资金", "阳光就业暖心行动"):
        assert fragment in r.out


def test_json_keys_are_pinned(run_cli) -> None:
    """The JSON of one report has exactly the documented keys, in order."""
    r = run_cli("2020", "--reports-dir", str(REPORTS), "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert list(data) == ["report", "sections", "programs", "metrics"]
    assert list(data["report"]) == REPORT_KEYS
    assert list(data["sections"][0]) == SECTION_KEYS
    assert list(data["programs"][0]) == PROGRAM_KEYS
    assert list(data["metrics"][0]) == METRIC_KEYS
    assert list(data["metrics"][0]["key"]) == KEY_KEYS
    assert "\\u" not in r.out and "共克时艰" in r.out  # UTF-8, not escaped


def test_json_is_byte_identical_across_processes() -> None:
    """Two runs with different hash seeds print the same bytes."""
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-m", "compare", "2020", "--format", "json"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            check=True,
        )
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1]


def test_file_path_anywhere(run_cli, tmp_path: Path) -> None:
    """A path to a report file outside reports/ is read from there."""
    path = write(tmp_path / "drafts" / "a.txt", "标题\n\n【前言】\n\n全年培训30.3万人次。\n", "gbk")
    r = run_cli(str(path), "--format", "json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["metrics"][0]["raw"] == "30.3万人次"


def test_errors_are_one_line_exit_2(run_cli, tmp_path: Path) -> None:
    """Each input error prints one `compare:` line on stderr and exits 2, no traceback."""
    (tmp_path / "empty_dir").mkdir()
    write(tmp_path / "2018" / "r.txt", "")
    write(tmp_path / "2017" / "r.txt", "x").write_bytes(b"\x00\x01binary\x00")
    write(tmp_path / "2016" / "r.txt", "x").write_bytes(b"\x81\x30\xff\xfe\x80" * 30)
    write(tmp_path / "2015" / "r.pdfx", "text")
    write(tmp_path / "2014" / "a.txt", "甲。")
    write(tmp_path / "2014" / "b.txt", "乙。")
    cases = {
        "2019": "no report for 2019",
        str(tmp_path / "empty_dir"): "holds no report file",
        "2018": "empty",
        "2017": "binary",
        "2016": "not UTF-8",
        str(tmp_path / "2015" / "r.pdfx"): "unsupported file type",
        "2014": "several reports (a.txt, b.txt)",
        "twenty": "neither a file, a folder nor a year",
    }
    for arg, message in cases.items():
        r = run_cli(arg, "--reports-dir", str(tmp_path))
        assert r.code == 2, (arg, r.err)
        assert r.err.startswith("compare: ") and message in r.err, (arg, r.err)
        assert r.err.count("\n") == 1 and "Traceback" not in r.err


def test_usage_error_exit_2(run_cli) -> None:
    """An unknown option is a one-line usage error with exit 2."""
    r = run_cli("2020", "--no-such-option")
    assert r.code == 2
    assert r.err.startswith("compare: No such option")


def test_version_matches_package(run_cli) -> None:
    """--version prints the version the installed package's metadata declares."""
    from importlib.metadata import version

    r = run_cli("--version")
    assert r.code == 0 and r.out.strip() == f"compare {version('compare-reports')}"


def test_help_documents_exit_codes(run_cli) -> None:
    """--help states the exit-code contract."""
    r = run_cli("--help")
    assert r.code == 0
    assert "Exit codes: 0 ok" in r.out and "2 usage or input error" in r.out


def test_main_py_and_module_entry_points_agree() -> None:
    """python main.py and python -m compare give the same output."""
    args = ["2020", "--format", "json"]
    a = subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, check=True)
    b = subprocess.run([sys.executable, "-m", "compare", *args], cwd=ROOT, capture_output=True, check=True)
    assert a.stdout == b.stdout and a.stdout


def test_json_and_table_runs_never_import_rich() -> None:
    """--format json, csv and plain write their output without loading Rich at all."""
    for fmt in ("json", "csv", "plain"):
        code = (
            "import sys, io, contextlib\n"
            "from compare import cli\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n"
            f"        cli.run(['2020', '2021', '--format', {fmt!r}])\n"
            "    except SystemExit:\n"
            "        pass\n"
            "print(sorted(m for m in sys.modules if m == 'rich' or m.startswith('rich.')))"
        )
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
        assert out.stdout.strip() == "[]", fmt
