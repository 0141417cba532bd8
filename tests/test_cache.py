"""The result cache: a second run is served from it byte for byte; nothing it holds is trusted blindly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compare import pipeline
from compare.cache import ResultCache

from .conftest import REPORTS, write


def _refuse_to_compare(*_: object, **__: object) -> None:
    raise AssertionError("compared again: the cache was not used")


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    shutil.copytree(REPORTS, folder)
    return folder


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.pickle"))


def test_a_second_run_is_served_from_the_cache_byte_for_byte(run_cli, reports, own_cache, monkeypatch) -> None:
    first = run_cli("2020", "2021", "--reports-dir", str(reports), "--format", "json")
    assert first.code == 0 and len(entries(own_cache)) == 1
    monkeypatch.setattr(pipeline, "compare_reports", _refuse_to_compare)
    second = run_cli("2020", "2021", "--reports-dir", str(reports), "--format", "json")
    assert second.code == 0 and second.out == first.out


def test_a_corrupt_or_foreign_entry_is_ignored_and_replaced(run_cli, reports, own_cache, tmp_path) -> None:
    good = run_cli("2020", "2021", "--reports-dir", str(reports), "--format", "json").out
    (entry,) = entries(own_cache)
    stored = entry.read_bytes()
    marker = tmp_path / "unpickled"  # a foreign pickle that would create this folder if it were loaded
    foreign = f"cos\nmkdir\n(S'{marker}'\ntR.".encode()
    for damaged in (
        stored[: len(stored) // 2],  # cut short
        stored[:-1] + bytes([stored[-1] ^ 1]),  # one bit of the pickle flipped
        stored[:48] + foreign,  # our header and signature, someone else's pickle
        b"compare-cache 1\n" + b"\0" * 32 + foreign,
    ):
        entry.write_bytes(damaged)
        r = run_cli("2020", "2021", "--reports-dir", str(reports), "--format", "json")
        assert r.code == 0 and r.out == good
        assert entry.read_bytes() != damaged  # replaced with a good entry
    assert not marker.exists()


def test_an_entry_signed_with_another_key_is_not_read(run_cli, reports, own_cache, monkeypatch) -> None:
    run_cli("2020", "2021", "--reports-dir", str(reports), "--format", "json")
    (own_cache / "secret").write_bytes(b"k" * 32)  # someone else's key: every entry is foreign now
    monkeypatch.setattr(pipeline, "compare_reports", _refuse_to_compare)
    with pytest.raises(AssertionError, match="compared again"):
        run_cli("2020", "2021", "--reports-dir", str(reports), "--format", "json")


def test_an_edited_report_or_config_is_compared_again(run_cli, reports, own_cache) -> None:
    before = run_cli("2020", "2021", "--reports-dir", str(reports), "--format", "json").out
    report = reports / "2021" / "report.txt"
    report.write_text(report.read_text(encoding="utf-8") + "\n\n全年新建职工书屋123个。\n", encoding="utf-8")
    after = run_cli("2020", "2021", "--reports-dir", str(reports), "--format", "json").out
    assert after != before and "123个" in after
    write(reports.parent / "compare.toml", "[match]\nmetric_cutoff = 90\n")  # found beside the reports folder
    stricter = run_cli("2020", "2021", "--reports-dir", str(reports), "--format", "json").out
    assert '"metric_cutoff": 90.0' in stricter
    assert len(entries(own_cache)) == 3


def test_no_cache_neither_reads_nor_writes(run_cli, reports, own_cache) -> None:
    r = run_cli("2020", "2021", "--reports-dir", str(reports), "--format", "json", "--no-cache")
    assert r.code == 0 and not entries(own_cache) and not (own_cache / "secret").exists()


def test_a_cache_folder_inside_the_reports_folder_is_never_used(run_cli, reports, monkeypatch) -> None:
    inside = reports / ".cache"
    monkeypatch.setenv("COMPARE_CACHE_DIR", str(inside))
    assert run_cli("2020", "2021", "--reports-dir", str(reports), "--format", "json").code == 0
    assert not inside.exists()


def test_a_cache_folder_that_cannot_be_written_costs_nothing(run_cli, reports, tmp_path, monkeypatch) -> None:
    blocked = write(tmp_path / "not-a-folder", "a file where the cache folder would be")
    monkeypatch.setenv("COMPARE_CACHE_DIR", str(blocked / "cache"))
    r = run_cli("2020", "2021", "--reports-dir", str(reports), "--format", "json")
    assert r.code == 0 and r.out.startswith("{")


def test_the_library_uses_a_cache_only_when_given_one(reports, tmp_path, own_cache) -> None:
    plain = pipeline.build_comparison("2020", "2021", reports)
    assert not entries(own_cache)
    cache = ResultCache(tmp_path / "lib-cache")
    cached = pipeline.build_comparison("2020", "2021", reports, cache=cache)
    assert cached == plain and len(list((tmp_path / "lib-cache").glob("*.pickle"))) == 1
    assert pipeline.build_comparison("2020", "2021", reports, cache=cache) == plain
