"""The briefing every view opens with, its words in English and Chinese, paging, and options per mode."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from compare.render import briefing
from compare.render.strings import _TABLE, Lang, resolve, words

from .conftest import DATA, REPORTS, ROOT
from .test_compare_cli import _snapshot

PAIR = DATA / "pair"
FIRST_SCREEN = 40


def test_briefing_sorts_what_needs_action(bundled, pair) -> None:
    """Pending and un-waived missing figures are apart from waived ones; changes come largest first."""
    c, cfg = bundled
    b = briefing.build(c, cfg)
    assert len(b.pending) == c.summary()["metrics"]["pending"] == 9
    assert b.missing == ()  # every missing 2020 figure is waived in compare.toml, with a reason
    assert b.waived_missing == 24 and all(w.reason for w in b.waived)
    assert {w.what for w in b.waived} == {"figure", "section"}  # both dropped sections are waived too
    unwaived = briefing.build(c, None)
    assert len(unwaived.missing) == 24 and unwaived.waived == ()
    sizes = [abs(m.delta.pct) for m in briefing.build(pair).changed if m.delta and m.delta.pct is not None]
    assert sizes == sorted(sizes, reverse=True) and len(sizes) >= 2


def test_summary_sentence_counts_and_names_the_largest_change(pair) -> None:
    c, cfg = pair, None
    text = briefing.summary_text(c, briefing.build(c, cfg), words(Lang.EN))
    assert "Figures in both reports: 4 (2 rose, 0 fell, 1 unchanged)" in text
    assert "Placeholders still to fill: 1." in text and "missing now: 3 (0 of them waived)" in text
    assert "Largest changes: 帮扶资金 +140.0%" in text
    zh = briefing.summary_text(c, briefing.build(c, cfg), words(Lang.ZH))
    assert "两期都有的数字 4 个" in zh and "变化最大的是：帮扶资金 +140.0%" in zh and " " not in zh.split("。")[1][:1]


def test_every_word_has_both_languages() -> None:
    for key, (en, zh) in _TABLE.items():
        assert (en and zh) or key == "sentence_gap", key
        assert set(_fields(en)) == set(_fields(zh)), key  # the same {placeholders} in both


def _fields(template: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def test_locale_picks_the_language() -> None:
    assert resolve(Lang.AUTO, {"LANG": "zh_CN.UTF-8"}) is Lang.ZH
    assert resolve(Lang.AUTO, {"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}) is Lang.EN
    assert resolve(Lang.AUTO, {"LC_MESSAGES": "zh_TW.UTF-8"}) is Lang.ZH
    assert resolve(Lang.AUTO, {}) is Lang.EN
    assert resolve(Lang.EN, {"LANG": "zh_CN.UTF-8"}) is Lang.EN


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_first_screen_shows_what_needs_action(run_cli, monkeypatch, bundled, lang: str) -> None:
    """At 100 columns the first 40 lines hold the summary, every pending figure and no waived one as missing."""
    monkeypatch.setenv("COLUMNS", "100")
    if lang == "zh":
        monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    r = run_cli("2020", "2021", "--reports-dir", str(REPORTS))
    assert r.code == 0, r.err
    first = "\n".join(r.out.splitlines()[:FIRST_SCREEN]) + "\n"
    w = words(Lang(lang))
    assert w["summary"] in first and w["pending_title"] in first
    c, _ = bundled
    for m in c.metrics:
        if m.status.value == "pending" and m.new:
            assert m.new.raw in first
    assert w["missing_title"] not in r.out  # all 24 are waived: shown under waived, with their reasons
    assert w["waived_title"] in r.out and "drafting team" in r.out
    _snapshot(f"first-screen.{lang}.txt", first)


def test_lang_option_overrides_the_locale(run_cli, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert "待补" in run_cli("2020", "2021", "--reports-dir", str(PAIR)).out
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--lang", "en")
    assert "Pending" in r.out and "待补" not in r.out
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--format", "plain")
    assert "章节" in r.out and "缺失" in r.out


def test_json_does_not_translate(run_cli, monkeypatch) -> None:
    """JSON keys and values are a contract: the same bytes in every locale."""
    english = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--format", "json").out
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert run_cli("2020", "2021", "--reports-dir", str(PAIR), "--format", "json", "--lang", "zh").out == english


def test_markdown_covers_every_part(run_cli) -> None:
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--format", "markdown")
    assert r.code == 0, r.err
    for heading in ("# 2020 → 2021", "## Pending", "## Missing", "## Changed", "## New", "## Sections",
                    "## Programs", "## Text changes", "### 帮扶困难职工"):  # fmt: skip
        assert heading in r.out, heading
    assert "> 全年投入帮扶资金[-5000万元-]{+1.2亿元+}" in r.out


def test_markdown_cells_cannot_break_the_table(tmp_path: Path, run_cli) -> None:
    folder = tmp_path / "r"
    for year, value in (("2020", "100"), ("2021", "120")):
        (folder / year).mkdir(parents=True)
        (folder / year / "report.txt").write_text(f"一、工作|进展\n\n全年新建站点{value}个。\n", encoding="utf-8")
    r = run_cli("2020", "2021", "--reports-dir", str(folder), "--format", "markdown", "--only", "sections")
    rows = [line for line in r.out.splitlines() if line.startswith("|") and "工作" in line]
    assert rows and all("工作\\|进展" in row for row in rows)


def _pager_run(tmp_path: Path, *extra: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    paged = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"import sys; open(sys.argv[1], 'wb').write(sys.stdin.buffer.read())\" {paged}"
    env = {**os.environ, "FORCE_COLOR": "1", "LINES": "20", "COLUMNS": "100", "COMPARE_PAGER": pager,
           "COMPARE_CACHE_DIR": str(tmp_path / "cache")}  # fmt: skip
    env.pop("NO_COLOR", None)
    run = subprocess.run([sys.executable, "-m", "compare", "2020", "2021", *extra], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60)  # fmt: skip
    return run, paged


def test_a_long_view_on_a_terminal_goes_through_the_pager(tmp_path: Path) -> None:
    run, paged = _pager_run(tmp_path)
    assert run.returncode == 0, run.stderr
    assert paged.exists() and "\x1b[" in paged.read_text(encoding="utf-8") and run.stdout == ""
    paged.unlink()
    run, paged = _pager_run(tmp_path, "--no-pager")
    assert run.returncode == 0 and not paged.exists() and "Pending" in run.stdout


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("2020", "--html", "x.html"), "--html does not apply to one report"),
        (("2020", "--explain"), "--explain does not apply to one report"),
        (("2020", "2021", "2021", "--only", "text"), "--only does not apply to a trend"),
        (("2020", "2021", "2021", "--no-cache"), "--no-cache does not apply to a trend"),
        (("2020", "2021", "--check", "--only", "text"), "--only does not apply to --check"),
        (("2020", "2021", "--check", "--format", "csv"), "--check prints its findings as rich, plain or json"),
        (("2020", "2021", "--check", "--no-pager"), "--no-pager does not apply to --check"),
        (("--all", "--explain"), "--explain does not apply to --all"),
        (("2020", "2021", "--no-bom"), "--no-bom applies to --format csv"),
        (("2020", "--config", "c.toml"), "--config does not apply to one report"),
    ],
)
def test_options_that_do_not_apply_are_refused(run_cli, argv: tuple[str, ...], message: str) -> None:
    r = run_cli(*argv, "--reports-dir", str(PAIR))
    assert r.code == 2 and message in r.err and r.out == "", r.err
    assert len(r.err.strip().splitlines()) == 1


def test_progress_shows_only_when_work_is_slow(monkeypatch, capsys) -> None:
    """A spinner on a terminal's stderr after the delay; nothing for quick work or when stderr is not a terminal."""
    import time

    from compare import cli

    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setattr(cli, "_stderr_is_terminal", lambda: True)
    with cli.progress("2020 → 2021", after=0.01):
        time.sleep(0.3)
    assert "comparing 2020 → 2021" in capsys.readouterr().err
    with cli.progress("2020 → 2021", after=5):
        pass
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(cli, "_stderr_is_terminal", lambda: False)
    with cli.progress("x", after=0):
        time.sleep(0.05)
    assert capsys.readouterr().err == ""


def test_trend_shows_the_change_per_step_and_a_legend(run_cli, tmp_path: Path) -> None:
    for year, value in (("2020", "100"), ("2021", "120"), ("2022", "90")):
        (tmp_path / year).mkdir()
        (tmp_path / year / "report.txt").write_text(f"一、站点\n\n全年新建驿站{value}座。\n", encoding="utf-8")
    r = run_cli("2020", "2021", "2022", "--reports-dir", str(tmp_path), "--format", "plain")
    line = next(line for line in r.out.splitlines() if "驿站" in line)
    assert "120座 (+20.0%)" in line and "90座 (-25.0%)" in line and line.rstrip().endswith("↑↓")
    assert "↑ rose · ↓ fell" in r.out
    data = run_cli("2020", "2021", "2022", "--reports-dir", str(tmp_path), "--format", "json").out
    import json

    series = json.loads(data)["series"][0]
    assert series["steps"] == [{"delta": 20, "pct": 20.0}, {"delta": -30, "pct": -25.0}]


def test_one_report_speaks_chinese(run_cli) -> None:
    r = run_cli("2020", "--reports-dir", str(PAIR), "--lang", "zh")
    assert r.code == 0 and "章节" in r.out and "工作项目" in r.out and "Sections" not in r.out


def test_xlsx_option_writes_a_workbook_and_refuses_a_report(run_cli, tmp_path: Path) -> None:
    """--xlsx FILE writes a workbook beside the view; a report being compared is never written over."""
    book = tmp_path / "out.xlsx"
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--xlsx", str(book))
    assert r.code == 0, r.err
    assert book.read_bytes()[:2] == b"PK"  # a zip container, as every .xlsx
    report = PAIR / "2020" / "report.txt"
    before = report.read_bytes()
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--xlsx", str(report))
    assert r.code == 2 and "one of the reports" in r.err and report.read_bytes() == before
    r = run_cli("2020", "--reports-dir", str(PAIR), "--xlsx", str(book))
    assert r.code == 2 and "--xlsx does not apply to one report" in r.err


def test_csv_bytes_are_utf8_with_a_bom_whatever_the_locale(tmp_path: Path) -> None:
    env = {**os.environ, "LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "ascii",
           "COMPARE_CACHE_DIR": str(tmp_path)}  # fmt: skip
    run = subprocess.run([sys.executable, "-m", "compare", "2020", "2021", "--reports-dir", str(PAIR), "--format",
                          "csv"], env=env, capture_output=True, timeout=60)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(b"\xef\xbb\xbf") and "帮扶资金".encode() in run.stdout
    run = subprocess.run([sys.executable, "-m", "compare", "2020", "2021", "--reports-dir", str(PAIR), "--format",
                          "csv", "--no-bom"], env=env, capture_output=True, timeout=60)  # fmt: skip
    assert run.returncode == 0 and run.stdout.startswith(b"status,")


def test_text_changes_fold_unchanged_sentences_and_take_a_context(run_cli, tmp_path: Path) -> None:
    """One changed figure in a long section is one short hunk; --context widens it; zh words fold in Chinese."""
    sentences = [f"第{n}项工作按计划推进，覆盖{n}个街道。" for n in range(1, 11)]
    for year, value in (("2020", "300"), ("2021", "360")):
        body = [*sentences[:5], f"全年新建驿站{value}座。", *sentences[5:]]
        (tmp_path / year).mkdir()
        (tmp_path / year / "report.txt").write_text("一、站点建设\n\n" + "".join(body) + "\n", encoding="utf-8")
    r = run_cli("2020", "2021", "--reports-dir", str(tmp_path), "--only", "text", "--format", "plain")
    assert r.code == 0, r.err
    assert "全年新建驿站[-300座-]{+360座+}。" in r.out
    assert "… 4 unchanged sentences …" in r.out and "第5项工作" in r.out and "第4项工作" not in r.out
    wide = run_cli("2020", "2021", "--reports-dir", str(tmp_path), "--only", "text", "--format", "plain",
                   "--context", "2").out  # fmt: skip
    assert "第4项工作" in wide and "… 3 unchanged sentences …" in wide
    zh = run_cli("2020", "2021", "--reports-dir", str(tmp_path), "--only", "text", "--lang", "zh").out
    assert "……4 句未变……" in zh
    r = run_cli("2020", "--reports-dir", str(tmp_path), "--context", "3")
    assert r.code == 2 and "--context does not apply to one report" in r.err


def test_each_section_line_counts_its_sentences(pair) -> None:
    """A dropped section's sentences all count as removed, a new one's as added, a kept one's from the alignment."""
    c, cfg = pair, None
    lines = {}
    for ln in briefing.build(c, cfg).sections:
        section = ln.match.base or ln.match.new
        assert section is not None
        lines[(ln.match.status.value, section.title)] = ln
    dropped, new = lines[("dropped", "抗击疫情")], lines[("new", "新就业形态入会")]
    assert dropped.removed > 0 and dropped.added == 0 and new.added > 0 and new.removed == 0
    kept = lines[("matched", "帮扶困难职工")]
    assert kept.figures == 3 and kept.started == 0 and (kept.added, kept.removed) == (0, 0)


def _hostile_pair(tmp_path: Path) -> Path:
    folder = tmp_path / "h"
    for year, value in (("2020", "100"), ("2021", "120"), ("2022", "130")):
        (folder / year).mkdir(parents=True)
        (folder / year / "report.md").write_text(
            f"## -1+cmd|' /C calc'!A0 <script>x</script>\n\n=cmd()收入{value}万元。\n\n# 工作|进展\n",
            encoding="utf-8",
        )
    return folder


def test_no_csv_cell_can_run_as_a_formula(run_cli, tmp_path: Path) -> None:
    """Every CSV path (figures, sections, trend) prefixes a cell a spreadsheet would run; a plain number stays."""
    import csv
    import io

    folder = _hostile_pair(tmp_path)
    for argv in (("2020", "2021"), ("2020", "2021", "--only", "sections"), ("2020", "2021", "2022")):
        r = run_cli(*argv, "--reports-dir", str(folder), "--format", "csv")
        assert r.code == 0, r.err
        cells = [cell for row in csv.reader(io.StringIO(r.out.lstrip("\ufeff"))) for cell in row]
        assert not [cell for cell in cells if cell and cell[0] in "=@+-" and not cell.lstrip("+-")[:1].isdigit()], cells
        assert not [cell for cell in cells if cell.startswith("-1+")], cells
    from compare.render.tables import spreadsheet_safe

    assert spreadsheet_safe("-8.6%") == "-8.6%" and spreadsheet_safe("-1+cmd") == "'-1+cmd"


def test_markdown_carries_no_raw_html(run_cli, tmp_path: Path) -> None:
    r = run_cli("2020", "2021", "--reports-dir", str(_hostile_pair(tmp_path)), "--format", "markdown")
    assert r.code == 0, r.err
    assert "<script>" not in r.out
    assert not [line for line in r.out.splitlines() if line.startswith("> #")]
    from compare.render.tables import md_text

    assert md_text("# 标题 <b>x</b> & y") == "\\# 标题 &lt;b&gt;x&lt;/b&gt; &amp; y"


def test_one_file_for_two_outputs_is_refused_before_any_work(run_cli, tmp_path: Path) -> None:
    same = tmp_path / "same.out"
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--xlsx", str(same), "--html", str(same))
    assert r.code == 2 and "named for two outputs" in r.err and not same.exists()
    page = tmp_path / "late.html"
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--format", "csv", "--only", "text", "--html", str(page))
    assert r.code == 2 and "--only text has no table form" in r.err and not page.exists()


def test_a_replaced_output_keeps_its_permissions(run_cli, tmp_path: Path) -> None:
    page = tmp_path / "private.html"
    page.write_text("old", encoding="utf-8")
    page.chmod(0o600)
    assert run_cli("2020", "2021", "--reports-dir", str(PAIR), "--html", str(page)).code == 0
    assert page.stat().st_mode & 0o777 == 0o600 and page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_bad_or_empty_pager_prints_instead(tmp_path: Path) -> None:
    for pager in ('less "-R', "", "cat"):
        env = {**os.environ, "FORCE_COLOR": "1", "LINES": "20", "COLUMNS": "100", "COMPARE_PAGER": pager,
               "COMPARE_CACHE_DIR": str(tmp_path / "cache")}  # fmt: skip
        run = subprocess.run([sys.executable, "-m", "compare", "2020", "2021"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=60)  # fmt: skip
        assert run.returncode == 0 and "Traceback" not in run.stderr and "Pending" in run.stdout, pager


def test_the_rich_view_on_an_encoding_that_cannot_write_it_is_a_one_line_error(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "latin-1", "COMPARE_CACHE_DIR": str(tmp_path)}
    for argv in (("2020", "2021"), ("2020",)):
        run = subprocess.run([sys.executable, "-m", "compare", *argv], cwd=ROOT, env=env, capture_output=True,
                             text=True, timeout=60)  # fmt: skip
        assert run.returncode == 2 and "Traceback" not in run.stderr and "encoding" in run.stderr, argv


def test_the_spinner_shows_a_path_as_text_not_markup(monkeypatch, capsys) -> None:
    import time

    from compare import cli

    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setattr(cli, "_stderr_is_terminal", lambda: True)
    with cli.progress("m[/x]/a.txt → m[red]/b.txt", after=0.01):
        time.sleep(0.3)
    err = capsys.readouterr().err
    assert "m[/x]/a.txt" in err and "Traceback" not in err and "MarkupError" not in err


def test_csv_headers_do_not_follow_the_locale(run_cli, monkeypatch) -> None:
    """A script reading the CSV gets the same columns in a Chinese locale; --lang zh asks for Chinese."""
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--format", "csv")
    assert r.out.lstrip("\ufeff").startswith("status,section,label,")
    r = run_cli("2020", "2021", "--reports-dir", str(PAIR), "--format", "csv", "--lang", "zh")
    assert r.out.lstrip("\ufeff").startswith("状态,")


def test_a_waiver_reason_is_shown_once_with_what_it_covers(run_cli, monkeypatch, bundled) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    c, cfg = bundled
    groups = briefing.waived_by_reason(briefing.build(c, cfg))
    assert sum(len(items) for _, _, items in groups) == 26 and len(groups) < 26
    r = run_cli("2020", "2021", "--reports-dir", str(REPORTS), "--format", "plain")
    for reason, _, items in groups:
        assert r.out.count(reason) == 1
        assert all(briefing.waived_item(x) in r.out for x in items)


def test_one_report_as_a_table_speaks_the_language(run_cli) -> None:
    assert run_cli("2020", "--reports-dir", str(PAIR), "--format", "markdown", "--lang", "zh").out.startswith("| 编号")
    assert run_cli("2020", "--reports-dir", str(PAIR), "--format", "plain").out.startswith("id ")


def test_a_trend_step_across_measures_has_no_direction(run_cli) -> None:
    """12万人 then 15万人次 are paired with a warning, but no rise can be read between them: ≠, not ↑."""
    r = run_cli("2020", "2021", "2021", "--reports-dir", str(PAIR), "--format", "plain")
    line = next(line for line in r.out.splitlines() if line.startswith("慰问困难职工"))
    assert line.rstrip().endswith("≠→") and "≠ not comparable" in r.out
