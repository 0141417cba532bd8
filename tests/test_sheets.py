"""Spreadsheets: CSV with a byte-order mark and numbers as numbers, and an xlsx workbook read back by openpyxl."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from compare.config import Config, Waiver
from compare.model import Comparison
from compare.pipeline import build_comparison, load_report
from compare.render.briefing import build
from compare.render.sheets import comparison_csv, comparison_xlsx, report_csv
from compare.render.strings import Lang, words

from .conftest import DATA, write

FIGURE_COLUMNS = [
    *("status", "section", "label", "base_as_written", "new_as_written", "base_value", "new_value", "unit"),
    *("delta", "pct", "warnings"),
]
NUMBER_COLUMNS = ("base_value", "new_value", "delta", "pct")


@pytest.fixture(scope="module")
def targets() -> Comparison:
    """tests/data/targets: 2030's goals against 2031's outcomes (met, exceeded, missed)."""
    return build_comparison("2030", "2031", DATA / "targets", config=Config())


@pytest.fixture
def decimals(tmp_path: Path) -> Comparison:
    """An invented pair: a sum with decimals that changed, and a rate that moved in percentage points."""
    body = "示例协会年度回顾\n\n【前言】\n\n本报告为测试而虚构，所有数字均为虚构。\n\n培训工作\n\n"
    write(tmp_path / "2020" / "report.txt", body + "全年投入培训经费3.27亿元，职工参训率为61.5%。\n")
    write(tmp_path / "2021" / "report.txt", body + "全年投入培训经费3.5亿元，职工参训率为63.2%。\n")
    return build_comparison("2020", "2021", tmp_path, config=Config())


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_csv_opens_with_a_byte_order_mark(pair: Comparison, tmp_path: Path) -> None:
    """The CSV written to a file starts with the UTF-8 byte-order mark, so Excel reads it as UTF-8."""
    path = tmp_path / "figures.csv"
    path.write_text(comparison_csv(pair, Lang.EN), encoding="utf-8")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").startswith("status,section,label,")


def test_csv_without_bom(pair: Comparison) -> None:
    """bom=False writes no byte-order mark, for tools that dislike one."""
    text = comparison_csv(pair, Lang.EN, bom=False)
    assert not text.encode("utf-8").startswith(b"\xef\xbb\xbf")
    assert text.startswith("status,")
    assert not report_csv(pair.base, Lang.EN, bom=False).startswith("\ufeff")


def test_csv_machine_columns_hold_plain_numbers(pair: Comparison) -> None:
    """One row per figure change; values in base units, the change and % change parse as numbers."""
    text = comparison_csv(pair, Lang.EN)
    header = next(csv.reader(io.StringIO(text[1:])))
    assert header == FIGURE_COLUMNS
    rows = _rows(text)
    assert len(rows) == len(pair.metrics)
    top = rows[0]
    assert top["status"] == "changed" and top["label"] == "帮扶资金"
    assert (top["base_as_written"], top["new_as_written"]) == ("5000万元", "1.2亿元")
    assert (top["base_value"], top["new_value"], top["delta"], top["pct"]) == (
        "50000000",
        "120000000",
        "70000000",
        "140.0",
    )
    for row in rows:
        for column in NUMBER_COLUMNS:
            if row[column]:
                float(row[column])
                assert "," not in row[column] and "e" not in row[column].lower()
    pending = next(r for r in rows if r["status"] == "pending")
    assert pending["new_as_written"] == "XX亿元" and pending["new_value"] == "" and pending["base_value"] == "350000000"
    approximate = next(r for r in rows if r["base_as_written"] == "2300余万人次")
    assert "approximate" in approximate["warnings"]


def test_csv_section_column_is_filled(pair: Comparison) -> None:
    """Each row names its section: the new report's section, or the base's for a missing figure."""
    rows = _rows(comparison_csv(pair, Lang.EN))
    assert all(r["section"] for r in rows)
    missing = [r for r in rows if r["status"] == "missing"]
    assert {r["section"] for r in missing} == {"网上读书活动", "抗击疫情"}
    new = [r for r in rows if r["status"] == "new"]
    assert {r["section"] for r in new} == {"职工书香活动", "新就业形态入会"}


def test_csv_decimals_and_points(decimals: Comparison) -> None:
    """A decimal figure reads with a '.' and no separators; a change between rates has no % change."""
    rows = {r["label"]: r for r in _rows(comparison_csv(decimals, Lang.EN))}
    fund = next(r for label, r in rows.items() if "培训经费" in label)
    assert (fund["base_value"], fund["new_value"], fund["delta"]) == ("327000000", "350000000", "23000000")
    assert float(fund["pct"]) == pytest.approx(7.0, abs=0.05)
    rate = next(r for r in rows.values() if r["unit"] == "%")
    assert (rate["base_value"], rate["new_value"]) == ("61.5", "63.2")
    assert float(rate["delta"]) == pytest.approx(1.7) and rate["pct"] == ""


def test_csv_speaks_chinese(pair: Comparison) -> None:
    """With Lang.ZH the headers and statuses are Chinese, the numbers unchanged."""
    text = comparison_csv(pair, Lang.ZH)
    header = next(csv.reader(io.StringIO(text[1:])))
    zh = words(Lang.ZH)
    assert header[:3] == [zh["status"], zh["section"], zh["label"]] == ["状态", "章节", "指标"]
    assert header[5] == "上期数值"
    rows = list(csv.reader(io.StringIO(text[1:])))[1:]
    assert {r[0] for r in rows} == {"变化", "未变", "新增", "缺失", "待补"}
    assert rows[0][5:7] == ["50000000", "120000000"]


def test_report_csv(pair: Comparison) -> None:
    """One report's figures: id, section, label, as written, value as a number, unit, qualifier."""
    text = report_csv(pair.base, Lang.EN)
    assert text.startswith("\ufeffid,section,label,as_written,value,unit,qualifier\n")
    rows = _rows(text)
    assert len(rows) == len(pair.base.metrics)
    first = rows[0]
    assert first["section"] == "帮扶困难职工" and first["as_written"] == "5000万元" and first["value"] == "50000000"
    assert all(float(r["value"]) >= 0 for r in rows if r["value"])
    assert next(r for r in rows if r["as_written"] == "2300余万人次")["qualifier"] == "over"
    assert report_csv(pair.base, Lang.ZH).startswith("\ufeff编号,章节,指标,原文,数值,单位,限定\n")


def test_report_csv_of_a_placeholder_leaves_the_value_empty() -> None:
    """A placeholder's value is empty, not 'XX' or 0."""
    report = load_report("2021", DATA / "pair")
    rows = _rows(report_csv(report, Lang.EN))
    assert next(r for r in rows if r["as_written"] == "XX亿元")["value"] == ""


def test_csv_is_deterministic(bundled: tuple[Comparison, Config]) -> None:
    """The same comparison gives the same CSV."""
    c, _ = bundled
    assert comparison_csv(c, Lang.ZH) == comparison_csv(c, Lang.ZH)


def _book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_xlsx_sheets_and_figures(bundled: tuple[Comparison, Config]) -> None:
    """The workbook has a sheet per part; the figures sheet holds one row per figure change, numbers as numbers."""
    c, config = bundled
    book = _book(comparison_xlsx(c, config, Lang.EN))
    assert book.sheetnames == ["Summary", "Figures", "Sections", "Programs", "Waived"]
    figures = book["Figures"]
    assert [cell.value for cell in figures[1]] == FIGURE_COLUMNS
    assert figures.max_row == 1 + len(c.metrics)
    changed = [row for row in figures.iter_rows(min_row=2) if row[0].value == "changed"]
    assert changed
    for row in changed:
        for cell in (row[5], row[6], row[8], row[9]):
            assert cell.data_type == "n" and isinstance(cell.value, int | float)
    top = changed[0]
    assert (top[3].value, top[5].value, top[6].value) == ("12.18亿元", 1218000000, 1130000000)
    assert top[8].value == -88000000 and "#,##0" in top[8].number_format
    assert top[9].value == pytest.approx(-0.072) and top[9].number_format.endswith("%")
    pending = [row for row in figures.iter_rows(min_row=2) if row[0].value == "pending"]
    assert len(pending) == 9 and all(row[6].value is None for row in pending)


def test_xlsx_marks_waived_figures(bundled: tuple[Comparison, Config]) -> None:
    """Missing figures that compare.toml waives read 'waived' in the figures sheet and are listed with their reasons."""
    c, config = bundled
    b = build(c, config)
    book = _book(comparison_xlsx(c, config, Lang.EN))
    statuses = [row[0].value for row in book["Figures"].iter_rows(min_row=2)]
    assert statuses.count("waived") == b.waived_missing == 24
    assert statuses.count("missing") == len(b.missing) == 0
    waived = book["Waived"]
    assert [cell.value for cell in waived[1]] == ["kind", "label", "as written", "section", "reason", "owner"]
    assert waived.max_row == 1 + len(b.waived)
    assert all(row[4].value and row[5].value == "drafting team" for row in waived.iter_rows(min_row=2))


def test_xlsx_frozen_header_filter_and_widths(bundled: tuple[Comparison, Config]) -> None:
    """Every table sheet freezes its header row, filters it, and sizes columns for CJK text within a cap."""
    c, config = bundled
    book = _book(comparison_xlsx(c, config, Lang.EN))
    for name in ("Figures", "Sections", "Programs", "Waived"):
        sheet = book[name]
        assert sheet.freeze_panes == "A2", name
        assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:"), name
    figures = book["Figures"]
    section, label = figures.column_dimensions["B"].width, figures.column_dimensions["C"].width
    longest_section = max(len(str(row[1].value or "")) for row in figures.iter_rows(min_row=2))
    assert section >= 2 * longest_section  # a CJK character counts two
    assert label <= 62  # capped


def test_xlsx_summary_and_sections(bundled: tuple[Comparison, Config]) -> None:
    """The summary sheet opens with the briefing's paragraph and counts each part; sections carry scores."""
    c, config = bundled
    book = _book(comparison_xlsx(c, config, Lang.EN))
    summary = book["Summary"]
    assert summary["A1"].value.startswith("2020 ") and "→ 2021 " in summary["A1"].value
    assert summary["A2"].value.startswith("Figures in both reports: 1")
    counts = {(r[0].value, r[1].value): r[2].value for r in summary.iter_rows(min_row=5)}
    assert counts[("Figures", "pending")] == 9 and counts[("Figures", "waived")] == 24
    assert counts[("Sections", "dropped")] == 2 and summary["C5"].data_type == "n"
    sections = book["Sections"]
    assert sections.max_row == 1 + len(c.sections)
    matched = next(row for row in sections.iter_rows(min_row=2) if row[0].value == "matched")
    assert matched[3].data_type == "n" and 0 <= matched[4].value <= 1 and matched[4].number_format == "0%"
    assert book["Programs"].max_row == 1 + len(c.programs)


def test_xlsx_speaks_chinese(bundled: tuple[Comparison, Config]) -> None:
    """With Lang.ZH the sheet names, headers and statuses are Chinese."""
    c, config = bundled
    book = _book(comparison_xlsx(c, config, Lang.ZH))
    assert book.sheetnames == ["摘要", "数字", "章节", "工作项目", "豁免"]
    assert [cell.value for cell in book["数字"][1]][:3] == ["状态", "章节", "指标"]
    assert {row[0].value for row in book["数字"].iter_rows(min_row=2)} == {"变化", "新增", "已豁免", "待补"}
    assert book["摘要"]["A2"].value.startswith("两期都有的数字")


def test_xlsx_targets_only_when_present(targets: Comparison, pair: Comparison) -> None:
    """A targets sheet appears when the base report stated goals; no waived sheet without waivers."""
    book = _book(comparison_xlsx(targets, None, Lang.EN))
    assert book.sheetnames == ["Summary", "Figures", "Sections", "Programs", "Targets"]
    sheet = book["Targets"]
    assert sheet.max_row == 1 + len(targets.targets) and sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(min_row=2))
    assert {row[0].value for row in rows} == {"met", "exceeded", "missed"}
    assert all(row[3].data_type == "n" and row[5].data_type == "n" for row in rows)
    assert _book(comparison_xlsx(pair, None, Lang.EN)).sheetnames == ["Summary", "Figures", "Sections", "Programs"]


def test_xlsx_is_deterministic(bundled: tuple[Comparison, Config], pair: Comparison) -> None:
    """The same comparison gives the same workbook bytes (a fixed creation date, fixed zip timestamps)."""
    c, config = bundled
    assert comparison_xlsx(c, config, Lang.ZH) == comparison_xlsx(c, config, Lang.ZH)
    assert comparison_xlsx(pair, None, Lang.EN) == comparison_xlsx(pair, None, Lang.EN)


def test_xlsx_waived_by_an_inline_config(pair: Comparison) -> None:
    """A waiver given as a Config (no compare.toml) reaches the workbook with its reason and owner."""
    config = Config(waivers=(Waiver(reason="Invented: the campaign ended.", section="抗击疫情", owner="tests"),))
    book = _book(comparison_xlsx(pair, config, Lang.EN))
    rows = [[cell.value for cell in row] for row in book["Waived"].iter_rows(min_row=2)]
    assert rows and all(r[4] == "Invented: the campaign ended." and r[5] == "tests" for r in rows)
    statuses = [row[0].value for row in book["Figures"].iter_rows(min_row=2)]
    assert statuses.count("waived") == 2 and statuses.count("missing") == 1


def test_xlsxwriter_is_imported_only_for_a_workbook() -> None:
    """Importing the module (as every CLI run does through the renderer) does not load xlsxwriter."""
    code = "import sys, compare.render.sheets; assert 'xlsxwriter' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_csv_text_never_runs_as_a_formula(tmp_path: Path) -> None:
    """Report text that opens like a formula is quoted with an apostrophe; signed figures stay as written."""
    body = "示例协会年度回顾\n\n【前言】\n\n本报告为测试而虚构。\n\n"
    write(tmp_path / "2020" / "report.txt", body + "=HYPERLINK(1)\n\n全年投入经费5000万元。\n")
    write(tmp_path / "2021" / "report.txt", body + "=HYPERLINK(1)\n\n全年投入经费6000万元，利润下降-8.6%。\n")
    c = build_comparison("2020", "2021", tmp_path, config=Config())
    rows = _rows(comparison_csv(c, Lang.EN))
    assert rows and all(not r["section"].startswith("=") for r in rows)
    assert any(r["section"] == "'=HYPERLINK(1)" for r in rows)
    book = _book(comparison_xlsx(c, None, Lang.EN))
    assert any(row[1].value == "=HYPERLINK(1)" and row[1].data_type == "s" for row in book["Figures"].iter_rows())
