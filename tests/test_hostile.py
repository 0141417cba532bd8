"""Hostile and broken input through the CLI: a clear `compare:` error (exit 2) or safe handling.

Never a traceback, never a rewritten screen, never a change to what the user owns.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare import cli
from compare.errors import CompareError
from compare.extract import extract_metrics, extract_programs
from compare.load import decode
from compare.normalize import normalize
from compare.pipeline import compare_reports
from compare.render import comparison_dict, dumps

from .conftest import DATA, ROOT, write

PAIR = DATA / "pair"
BASE_TEXT = (PAIR / "2020" / "report.txt").read_text(encoding="utf-8")


def two_years(tmp_path: Path, base: str, new: str) -> Path:
    write(tmp_path / "2020" / "report.txt", base)
    write(tmp_path / "2021" / "report.txt", new)
    return tmp_path


def test_rich_markup_in_a_report_is_shown_literally(run_cli, tmp_path: Path) -> None:
    """[bold red], [/] and [link=…] in report text are printed as written, not interpreted."""
    text = BASE_TEXT.replace("帮扶困难职工\n", "帮扶[bold red]困难[/]职工\n").replace(
        "本报告为测试而虚构", "本报告[link=https://example.invalid]为测试[/link]而虚构"
    )
    root = two_years(tmp_path, text, text.replace("5000万元", "6000万元"))
    r = run_cli("2020", "2021", "--reports-dir", str(root))
    assert r.code == 0, r.err
    assert "帮扶[bold red]困难[/]职工" in r.out
    r = run_cli("2020", "--reports-dir", str(root))
    assert "帮扶[bold red]困难[/]职工" in r.out


def test_escape_sequences_never_reach_the_terminal(run_cli, tmp_path: Path) -> None:
    """ANSI and OSC sequences (clear screen, set title) in a report or its meta.toml are removed."""
    evil = "\x1b[2J\x1b]0;pwned\x07\x1b[31m"
    root = two_years(tmp_path, BASE_TEXT.replace("帮扶困难职工\n", f"帮扶困难{evil}职工\n"), BASE_TEXT)
    toml_evil = evil.replace("\x1b", "\\u001b").replace("\x07", "\\u0007")
    write(root / "2020" / "meta.toml", f'title = "标题{toml_evil}"\nsource = "来源{toml_evil}"\n')
    for args in (("2020",), ("2020", "2021"), ("2020", "2021", "--format", "json"), ("2020", "2021", "--check")):
        r = run_cli(*args, "--reports-dir", str(root))
        assert r.code in (0, 1), r.err
        assert "\x1b" not in r.out and "\x07" not in r.out and "pwned" not in r.out


def test_control_characters_in_a_path_are_escaped_in_errors(run_cli, tmp_path: Path) -> None:
    """An error naming a file with an escape in its name shows the escape, not its effect."""
    r = run_cli(str(tmp_path / "bad\x1b[2Jname.txt"))
    assert r.code == 2 and "\x1b" not in r.err and "\\x1b" in r.err


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("工会".encode() * 40 + "职工".encode("gbk"), "garbled"),
        (bytes([0x81, 0x30, 0xFF, 0xFE, 0x80]) * 40, "not UTF-8"),
    ],
    ids=["empty", "binary", "mixed-encoding", "undecodable"],
)
def test_bad_bytes_are_refused(run_cli, tmp_path: Path, data: bytes, message: str) -> None:
    """Empty, binary, mixed-encoding and undecodable files exit 2 with one line."""
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    r = run_cli(str(path))
    assert r.code == 2 and r.err.startswith("compare: ") and message in r.err and r.err.count("\n") == 1


def test_truncated_utf8_keeps_what_is_there(run_cli, tmp_path: Path) -> None:
    """A file cut inside its last character still reads, without the broken tail."""
    data = BASE_TEXT.encode("utf-8")
    path = tmp_path / "r.txt"
    path.write_bytes(data[: data.rindex("8万人".encode()) + 4])  # cut inside 人
    r = run_cli(str(path), "--format", "json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["metrics"][-1]["raw"] == "8万"  # the unit was cut off with 人


def test_too_large_is_refused_before_reading(run_cli, tmp_path: Path, monkeypatch) -> None:
    """A report over COMPARE_MAX_MB is refused with the limit and how to raise it."""
    path = tmp_path / "big.txt"
    path.write_bytes(BASE_TEXT.encode() * 2000)
    monkeypatch.setenv("COMPARE_MAX_MB", "1")
    r = run_cli(str(path))
    assert r.code == 2 and "over the 1 MB limit" in r.err and "COMPARE_MAX_MB" in r.err


def test_odd_paths(run_cli, tmp_path: Path) -> None:
    """A symlink loop, a FIFO, a folder given as --config/--html/--junit: exit 2, one line each."""
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    root = two_years(tmp_path / "r", BASE_TEXT, BASE_TEXT)
    cases = [
        ((str(loop),), "not a regular file"),
        ((str(fifo),), "not a regular file"),
        (("2020", "2021", "--reports-dir", str(root), "--config", str(tmp_path)), "is a folder"),
        (("2020", "2021", "--reports-dir", str(root), "--html", str(tmp_path)), "is a folder"),
        (("2020", "2021", "--reports-dir", str(root), "--check", "--junit", str(tmp_path)), "is a folder"),
        (("20201",), "neither a file, a folder nor a year"),
        (("abc",), "neither a file, a folder nor a year"),
    ]
    for args, message in cases:
        r = run_cli(*args)
        assert r.code == 2 and message in r.err, (args, r.err)
        assert "Traceback" not in r.err


def test_the_reports_folder_is_never_written(run_cli, tmp_path: Path) -> None:
    """A full run, JSON, check and trend leave the reports folder byte-for-byte as it was."""
    root = two_years(tmp_path, BASE_TEXT, BASE_TEXT.replace("5000万元", "6000万元"))
    before = {p: (p.stat().st_mtime_ns, p.read_bytes() if p.is_file() else b"") for p in root.rglob("*")}
    for args in (("2020", "2021"), ("2020", "2021", "-f", "json"), ("2020", "2021", "--check"), ("2020",)):
        run_cli(*args, "--reports-dir", str(root))
    after = {p: (p.stat().st_mtime_ns, p.read_bytes() if p.is_file() else b"") for p in root.rglob("*")}
    assert before == after


def test_interrupted_write_leaves_no_file(tmp_path: Path, monkeypatch) -> None:
    """If the run is interrupted while writing --html, neither the file nor a temporary remains."""
    target = tmp_path / "out.html"

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cli.write_atomic(target, "<html>" * 1000)
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_exits_130_quietly(run_cli, monkeypatch) -> None:
    """Ctrl-C during a run exits 130 with no traceback."""

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("compare.pipeline.load_report", interrupted)
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR))
    assert r.code == 130 and "Traceback" not in r.err


def test_comparison_json_is_byte_identical_across_hash_seeds() -> None:
    """compare 2020 2021 --format json prints the same bytes under different PYTHONHASHSEEDs."""
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-m", "compare", "2020", "2021", "--format", "json"],
            cwd=ROOT, env=env, capture_output=True, check=True,
        )  # fmt: skip
        outputs.add(proc.stdout)
    assert len(outputs) == 1


# ---------------------------------------------------------------- fuzzing the whole pipeline

_ALPHABET = list(
    "共计达约超过余多以上万亿元人次个家%第年月日12345.XX×【待补】【瞬间】【前言】，。、；“”《》的和了一二十百千\n\n#— "
)


def _pipeline(text: str, new_text: str, markdown: bool) -> str:
    base = normalize(text, markdown=markdown)
    new = normalize(new_text, markdown=markdown)
    from dataclasses import replace

    base = replace(base, programs=extract_programs(base), metrics=extract_metrics(base))
    new = replace(new, programs=extract_programs(new), metrics=extract_metrics(new))
    for report in (base, new):
        for m in report.metrics:
            assert report.text[m.start : m.end] == m.raw
        for p in report.programs:
            assert report.text[p.start : p.end] == p.name
    return dumps(comparison_dict(compare_reports(base, new)))


@given(
    st.text(alphabet=st.sampled_from(_ALPHABET), max_size=300),
    st.text(alphabet=st.sampled_from(_ALPHABET), max_size=300),
    st.booleans(),
)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fuzz_random_report_text(text: str, new_text: str, markdown: bool) -> None:
    """Random report-like text never crashes the pipeline; offsets hold; output is deterministic."""
    assert _pipeline(text, new_text, markdown) == _pipeline(text, new_text, markdown)


@given(st.data())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fuzz_mutated_real_report(data: st.DataObject) -> None:
    """The invented report with random cuts, insertions and swaps still parses and compares."""
    text = BASE_TEXT
    for _ in range(data.draw(st.integers(1, 6))):
        i = data.draw(st.integers(0, len(text)))
        j = data.draw(st.integers(i, min(len(text), i + 40)))
        text = text[:i] + data.draw(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=12)) + text[j:]
    _pipeline(BASE_TEXT, text, False)


@given(st.binary(max_size=400), st.sampled_from(["utf-8", "gbk", "utf-16", "latin-1", "raw"]))
@settings(max_examples=150, deadline=None)
def test_fuzz_random_bytes_and_encodings(data: bytes, encoding: str) -> None:
    """Random bytes, or text in random encodings, decode or raise CompareError — nothing else."""
    if encoding != "raw":
        data = data.decode("latin-1").encode(encoding, errors="ignore") if encoding != "utf-16" else data
    try:
        text = decode(data, "fuzz")
    except CompareError:
        return
    normalize(text)


def test_closed_pipe_exits_141_not_1() -> None:
    """`compare … -f json | head -c1` ends with 141 (SIGPIPE), never 1 (which means violations)."""
    # the JSON of the bundled pair is far larger than a pipe's buffer, so the writer must meet the closed pipe
    script = f"{sys.executable} -m compare 2020 2021 -f json | (head -c 1 >/dev/null; exec 0<&-; sleep 0.5); "
    script += "echo ${PIPESTATUS[0]}"
    out = subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "141"
    script = f"{sys.executable} -m compare 2020 2021 | (exec 0<&-; sleep 0.5); echo ${{PIPESTATUS[0]}}"
    out = subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "141"


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "lots"])
def test_bad_size_limit_setting(run_cli, monkeypatch, value: str) -> None:
    """A COMPARE_MAX_MB that is not a positive number is a one-line error."""
    monkeypatch.setenv("COMPARE_MAX_MB", value)
    r = run_cli("2020", "--reports-dir", str(PAIR))
    assert r.code == 2 and "COMPARE_MAX_MB" in r.err


def test_option_combinations_that_would_do_nothing(run_cli) -> None:
    """--check needs exactly two reports; a name too long for the file system is an input error."""
    assert run_cli("2020", "--check", "--reports-dir", str(PAIR)).code == 2
    assert run_cli("2020", "2021", "2020", "--check", "--reports-dir", str(PAIR)).code == 2
    r = run_cli("a" * 300)
    assert r.code == 2 and r.err.startswith("compare: ")


def test_non_utf8_meta_toml(run_cli, tmp_path: Path) -> None:
    """A meta.toml that is not UTF-8 is reported, not a crash."""
    root = two_years(tmp_path, BASE_TEXT, BASE_TEXT)
    (root / "2020" / "meta.toml").write_bytes(b'title = "\xff"\n')
    r = run_cli("2020", "--reports-dir", str(root))
    assert r.code == 2 and "meta.toml" in r.err


def test_closed_pipe_on_large_json_is_noticed() -> None:
    """JSON larger than a pipe's buffer is written in pieces, so a reader that stops early gives 141, not 0."""
    script = f"{sys.executable} -m compare 2020 2021 -f json | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}"
    out = subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "141"


def test_unreadable_file(run_cli, tmp_path: Path, monkeypatch) -> None:
    """A report the user may not read (permission denied) is a one-line error, exit 2."""
    path = write(tmp_path / "r.txt", BASE_TEXT)

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    r = run_cli(str(path))
    assert r.code == 2 and "Permission denied" in r.err and r.err.count("\n") == 1


# ---------------------------------------------------------------- figures that must never be misread


@pytest.mark.parametrize("mark", ["\u200c", "\u200d", "\u2060", "\u00ad", "\u0303"])
def test_a_format_character_inside_a_figure_never_splits_it(mark: str) -> None:
    """2‌4.92亿元 with a zero-width or combining character reads as 24.92亿元, never as 4.92亿元."""
    report = normalize(f"【前言】\n\n投入2{mark}4.92亿元。")
    assert [(m.value, m.unit) for m in extract_metrics(report)] == [(Decimal("2492000000"), "元")]


def test_spaces_inside_a_number_are_read_consistently() -> None:
    """A no-break space between digit groups joins them; a plain space between digits refuses the figure."""
    joined = normalize("【前言】\n\n投入24\u00a0920万元。")
    assert [m.value for m in extract_metrics(joined)] == [Decimal("249200000")]
    assert extract_metrics(normalize("【前言】\n\n投入24 920万元。")) == ()
    spaced = normalize("【前言】\n\n投入24.92\u3000亿元。")
    assert [m.value for m in extract_metrics(spaced)] == [Decimal("2492000000")]


def test_an_order_of_magnitude_is_no_figure() -> None:
    """数亿元, 数万人, 几十万人, 上万名 say how large, not how many: never 1亿元 or 1万人."""
    assert extract_metrics(normalize("【前言】\n\n投入数亿元，慰问数万人，几十万人参加，上万名职工受益。")) == ()


def test_a_long_paragraph_stays_linear_and_small() -> None:
    """Thousands of figures in one unpunctuated paragraph: each carries a bounded sentence window."""
    report = normalize("【前言】\n\n" + "全年共投入帮扶资金5000万元，慰问困难职工1200户，" * 2000)
    metrics = extract_metrics(report)
    assert len(metrics) == 4000
    assert max(len(m.sentence) for m in metrics) <= 2 * 120 + 10


def test_a_year_resolves_in_the_reports_folder_before_the_working_directory(run_cli, tmp_path, monkeypatch) -> None:
    """A folder ./2020 in the working directory never overrides --reports-dir for the bare year 2020."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "2020" / "report.txt", "别的报告\n\n【前言】\n\n全年新建驿站9999个。\n")
    r = run_cli("2020", "--reports-dir", str(PAIR), "--format", "json")
    assert r.code == 0 and "9999" not in r.out
    r = run_cli("./2020", "--format", "json")
    assert r.code == 0 and "9999" in r.out


def test_json_is_utf8_whatever_the_locale_and_text_refuses_clearly() -> None:
    """Under a GB18030 output encoding JSON is still UTF-8; an encoding that cannot hold CJK is a clear error."""
    env = {**os.environ, "PYTHONIOENCODING": "gb18030"}
    args = [sys.executable, "-m", "compare", "2020", "--reports-dir", str(PAIR)]
    out = subprocess.run([*args, "--format", "json"], env=env, capture_output=True, check=True).stdout
    assert json.loads(out.decode("utf-8"))["report"]["year"] == "2020"
    env["PYTHONIOENCODING"] = "latin-1"
    r = subprocess.run([*args, "--format", "plain"], env=env, capture_output=True, text=True)
    assert r.returncode == 2 and r.stderr.startswith("compare: the output's encoding") and "Traceback" not in r.stderr


def test_meta_toml_may_start_with_a_bom_and_must_hold_text_where_text_is_meant(run_cli, tmp_path) -> None:
    """meta.toml with a UTF-8 BOM reads like compare.toml; a number for a title is an error naming key and line."""
    folder = tmp_path / "2030"
    write(folder / "report.txt", "示例\n\n【前言】\n\n全年新建驿站300个。\n")
    (folder / "meta.toml").write_bytes('\ufefftitle = "示例报告"\n'.encode())
    assert run_cli(str(folder), "--format", "json").code == 0
    (folder / "meta.toml").write_text('status = "draft"\ntitle = 2030\n', encoding="utf-8")
    r = run_cli(str(folder), "--format", "json")
    assert r.code == 2 and "meta.toml:2: title must be text" in r.err


def test_a_waiver_names_its_figure_in_text(run_cli, tmp_path) -> None:
    """metric = 123 is an error naming the key and line, not quietly the text "123"."""
    cfg = tmp_path / "compare.toml"
    cfg.write_text('[[waive]]\nmetric = 123\nreason = "why"\n', encoding="utf-8")
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--check", "--config", str(cfg))
    assert r.code == 2 and "compare.toml:1: [[waive]] metric must be text" in r.err


@pytest.mark.parametrize("zone", ["America/Adak", "Pacific/Kiritimati"])
def test_waiver_expiry_does_not_depend_on_the_time_zone(zone: str) -> None:
    """A date runs to the end of that day in UTC: at one instant, zones 24 hours apart give one verdict."""
    import datetime as dt

    from compare.checks import _expired

    code = (
        "import datetime as dt\n"
        "from compare import build_comparison\n"
        "from compare.checks import find_violations\n"
        "from compare.config import Config, Waiver\n"
        "today = dt.datetime.now(dt.UTC).date()\n"
        "yesterday = today - dt.timedelta(days=1)\n"
        "waivers = (Waiver('r', metric='追回欠薪', expires=today), Waiver('r', metric='帮扶资金', expires=yesterday))\n"
        f"c = build_comparison('2020', '2021', {str(PAIR)!r})\n"
        "notes = find_violations(c, Config(waivers=waivers)).waiver_notes\n"
        "print(sorted(n.waiver.metric for n in notes if 'expired' in n.problem))\n"
    )
    env = {**os.environ, "TZ": zone}
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True).stdout
    assert out.strip() == "['帮扶资金']"  # yesterday (UTC) has expired, today (UTC) has not
    instant = dt.datetime(2030, 6, 1, 23, 30, tzinfo=dt.UTC)
    aware = dt.datetime(2030, 6, 1, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))  # 01:00 UTC on 2 June
    assert not _expired(aware, instant) and _expired(aware, instant + dt.timedelta(hours=2))


# ---------------------------------------------------------------- never destroy what a user owns


@pytest.mark.parametrize("flag", ["--html", "--junit"])
def test_an_output_onto_an_input_is_refused_before_any_work(run_cli, tmp_path, flag: str) -> None:
    """--html A.txt or --junit A.txt (or a link to it) never replaces the report being read."""
    a = write(tmp_path / "A.txt", (PAIR / "2020" / "report.txt").read_text(encoding="utf-8"))
    b = write(tmp_path / "B.txt", (PAIR / "2021" / "report.txt").read_text(encoding="utf-8"))
    link = tmp_path / "link.txt"
    link.symlink_to(a)
    before = a.read_bytes()
    for target in (a, link):
        r = run_cli(str(a), str(b), flag, str(target))
        assert r.code == 2 and "one of the reports being compared" in r.err
    assert a.read_bytes() == before and link.is_symlink()


def test_outputs_never_replace_devices_links_or_read_only_files(run_cli, tmp_path) -> None:
    """A read-only file is refused; a symlink's target is written and the link kept; a FIFO is written into."""
    import stat

    args = ("2020", "2021", "--reports-dir", str(PAIR), "--junit")
    readonly = write(tmp_path / "ro.xml", "mine")
    readonly.chmod(0o444)
    r = run_cli(*args, str(readonly))
    assert r.code == 2 and "read-only" in r.err and readonly.read_text() == "mine"
    target = write(tmp_path / "target.xml", "old")
    link = tmp_path / "link.xml"
    link.symlink_to(target)
    assert run_cli(*args, str(link)).code == 1
    assert link.is_symlink() and "<testsuites" in target.read_text(encoding="utf-8")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    assert run_cli(*args, str(fifo)).code == 1
    assert b"<testsuites" in reader.communicate(timeout=10)[0]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


HOSTILE = "\x1b]0;PWNED\x07\x1b[2J\u202eevil\ufffe\uffff\x01\nline2"


def test_hostile_text_in_a_waiver_reaches_no_output_raw(run_cli, tmp_path, monkeypatch) -> None:
    """The same hostile string as a waiver reason: plain, annotations, summary and JUnit all stay safe."""
    import xml.etree.ElementTree as ET

    reason = "".join(ch if ch.isprintable() and ch.isascii() else f"\\u{ord(ch):04x}" for ch in HOSTILE)
    cfg = tmp_path / "compare.toml"
    cfg.write_text(f'[[waive]]\nsection = "抗击疫情"\nreason = "{reason}"\n', encoding="utf-8")
    args = ("2020", "2021", "--reports-dir", str(PAIR), "--check", "--config", str(cfg))
    junit = tmp_path / "junit.xml"
    summary = tmp_path / "summary.md"
    outputs = [run_cli(*args).out, run_cli(*args, "--junit", str(junit)).out]
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    outputs += [run_cli(*args).out, summary.read_text(encoding="utf-8")]
    for text in outputs:
        assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text and "\x01" not in text
        assert not any(line.startswith("line2") for line in text.splitlines())
    ET.parse(junit)  # characters XML forbids are replaced, so the file parses
    assert "evil" in junit.read_text(encoding="utf-8")  # the words stay; the escape sequence with its payload goes


def test_a_hostile_file_name_is_shown_escaped(run_cli, tmp_path) -> None:
    """A right-to-left override or an escape in a report's file name is shown as an escape, not obeyed."""
    name = tmp_path / "a\u202etxt.\x1b[2Jreport.txt"
    write(name, (PAIR / "2020" / "report.txt").read_text(encoding="utf-8"))
    other = write(tmp_path / "b.txt", (PAIR / "2021" / "report.txt").read_text(encoding="utf-8"))
    r = run_cli(str(name), str(other), "--check", "--config", str(write(tmp_path / "c.toml", "")))
    assert "\u202e" not in r.out and "\x1b" not in r.out and "\\u202e" in r.out


@pytest.mark.parametrize(
    ("shell", "code"),
    [
        ("{cmd} 2020 2020 --check >&-", 2),  # stdout closed: an error, never a silent success
        ("{cmd} 2020 2021 >&-", 2),
        ("{cmd} 2020 2020 --check > /dev/full", 2),  # stdout full
        ("{cmd} nonexist 2>/dev/full", 2),  # stderr full: the exit code still says input error
    ],
)
def test_an_unwritable_output_is_an_error_not_a_success(shell: str, code: int) -> None:
    """Closed or full streams give exit 2 (and a one-line message where stderr works), never a traceback."""
    cmd = f"{sys.executable} -m compare"
    r = subprocess.run(["bash", "-c", shell.format(cmd=cmd)], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == code and "Traceback" not in r.stderr


def test_utf16_without_a_bom_is_named_as_such(run_cli, tmp_path) -> None:
    """UTF-16 text without a byte-order mark is not called binary: the message says what it is and how to fix it."""
    path = tmp_path / "u16.txt"
    path.write_bytes("示例\n\n【前言】\n\n全年新建驿站300个。\n".encode("utf-16-le"))
    r = run_cli(str(path))
    assert r.code == 2 and "UTF-16LE without a byte-order mark" in r.err


def test_a_number_of_thousands_of_digits_is_no_figure(run_cli, tmp_path) -> None:
    """A run of 5,000 digits is refused as a figure, not a traceback in the JSON writer."""
    path = write(tmp_path / "big.txt", "示例\n\n【前言】\n\n全年投入" + "1" * 5000 + "元。\n")
    r = run_cli(str(path), "--format", "json")
    assert r.code == 0 and json.loads(r.out)["metrics"] == []


@pytest.mark.parametrize("declared", ["iso-8859-1", "utf-16", "unicode_escape", "punycode"])
def test_a_page_whose_charset_lies_is_read_by_its_bytes(run_cli, tmp_path, declared: str) -> None:
    """A UTF-8 page declaring another (or a nonsense) charset is read as UTF-8: its figures, never mojibake."""
    page = (
        f'<html><head><meta charset="{declared}"></head><body><h1>前言</h1><p>全年投入资金24.92亿元。</p></body></html>'
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("utf-8"))
    r = run_cli(str(path), "--format", "json")
    assert r.code == 0 and [m["raw"] for m in json.loads(r.out)["metrics"]] == ["24.92亿元"]


def test_a_docx_that_expands_past_the_limit_is_refused_before_parsing(run_cli, tmp_path) -> None:
    """A 200 KB .docx that unzips to 200 MB is refused with exit 2 before its XML is read."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * (200 * 1024 * 1024))
    path = tmp_path / "bomb.docx"
    path.write_bytes(buf.getvalue())
    r = run_cli(str(path))
    assert r.code == 2 and "over the 50 MB limit" in r.err


def _docx_with_paragraphs(paragraph: str, count: int) -> bytes:
    """A real .docx (python-docx's own template) whose body is count copies of one paragraph."""
    import io
    import zipfile

    import docx

    template = io.BytesIO()
    docx.Document().save(template)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + paragraph.encode() * count, 1)
            z.writestr(info, data)
    return out.getvalue()


def test_a_docx_of_too_many_paragraphs_is_refused_before_parsing(run_cli, tmp_path, monkeypatch) -> None:
    """A few KB of empty paragraphs is a bomb for the parser: past one per 256 bytes of the limit, refused."""
    monkeypatch.setenv("COMPARE_MAX_MB", "2")  # 8,192 paragraphs
    path = tmp_path / "paragraphs.docx"
    path.write_bytes(_docx_with_paragraphs("<w:p/>", 9000))
    assert len(path.read_bytes()) < 64 * 1024
    r = run_cli(str(path))
    assert r.code == 2 and "holds 9,000 paragraphs, over the 8,192" in r.err
    path.write_bytes(_docx_with_paragraphs("<w:p><w:r><w:t>全年投入资金5000万元。</w:t></w:r></w:p>", 4000))
    r = run_cli(str(path), "--format", "json")
    assert r.code == 0 and len(json.loads(r.out)["metrics"]) == 4000


def test_sigterm_ends_all_and_its_workers(tmp_path) -> None:
    """SIGTERM to `compare --all` exits 143 and leaves no worker process behind."""
    import signal
    import time

    root = tmp_path / "reports"
    text = (ROOT / "reports" / "2020" / "report.txt").read_text(encoding="utf-8")
    for year in range(2001, 2013):
        for d in range(12):
            write(root / str(year) / f"doc{d:02d}.txt", text)
    proc = subprocess.Popen(
        [sys.executable, "-m", "compare", "--all", "--reports-dir", str(root), "--format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    time.sleep(2.0)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 143, err
    assert b"stopped by SIGTERM" in err and b"Traceback" not in err
    time.sleep(0.5)
    survivors = subprocess.run(["pgrep", "-s", str(proc.pid)], capture_output=True, text=True).stdout.split()
    assert survivors == []


def test_a_report_name_with_undecodable_bytes_writes_html(tmp_path) -> None:
    """A file name holding bytes that are not UTF-8 gives a page (the name escaped), not a traceback."""
    bad = os.fsencode(str(tmp_path)) + b"/bad\xff\xfe.txt"
    with open(bad, "wb") as f:
        f.write((PAIR / "2020" / "report.txt").read_bytes())
    other = write(tmp_path / "b.txt", (PAIR / "2021" / "report.txt").read_text(encoding="utf-8"))
    page = tmp_path / "view.html"
    r = subprocess.run(
        [sys.executable, "-m", "compare", os.fsdecode(bad), str(other), "--html", str(page)],
        capture_output=True, cwd=ROOT,
    )  # fmt: skip
    assert r.returncode == 0 and b"Traceback" not in r.stderr
    assert "\\udcff" in page.read_text(encoding="utf-8")
