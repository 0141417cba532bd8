"""load.py: finding a report by year or path, meta.toml, and decoding its bytes."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from compare.errors import ReportNotFound, ReportUnreadable
from compare.load import decode, locate, read_source, reports_dir

TEXT = "全总及各省级工会共安排疫情防控资金24.92亿元，慰问疫情防控一线人员551.07万人。"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # Python writes a BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("gbk"),
        TEXT.encode("gb18030"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "gbk", "gb18030"],
)
def test_decodes_common_encodings(data: bytes) -> None:
    """UTF-8 with or without BOM, UTF-16 with BOM and GBK/GB18030 all read back the same text."""
    assert decode(data) == TEXT


def test_undecodable_bytes_are_an_error_not_mojibake() -> None:
    """Bytes that are neither UTF-8 nor GB18030 raise ReportUnreadable."""
    with pytest.raises(ReportUnreadable, match="not UTF-8"):
        decode(b"\x81\x30\x81\xff\xfe\x80" * 20)


def test_mixed_utf8_and_gbk_is_refused() -> None:
    """A file that is part UTF-8, part GBK is reported, not decoded into garbage."""
    data = ("工会" * 50).encode("utf-8") + TEXT.encode("gbk")
    with pytest.raises(ReportUnreadable, match=r"garbled|not UTF-8"):
        decode(data)


@pytest.mark.parametrize("data", [b"", b"   \n\n", codecs.BOM_UTF8])
def test_empty_is_an_error(data: bytes) -> None:
    """An empty or blank file is an error."""
    with pytest.raises(ReportUnreadable, match="empty"):
        decode(data, "x.txt")


def test_binary_is_an_error() -> None:
    """NUL bytes mean a binary file, not a report."""
    with pytest.raises(ReportUnreadable, match="binary"):
        decode(b"PK\x03\x04\x00\x00binary")


def test_year_resolves_under_reports_dir(tmp_path: Path) -> None:
    """A year names reports/<year>/ and its single report file."""
    (tmp_path / "2020").mkdir()
    (tmp_path / "2020" / "r.txt").write_text(TEXT, encoding="utf-8")
    source = locate("2020", tmp_path)
    assert source.path == tmp_path / "2020" / "r.txt"
    assert source.year == "2020"


def test_missing_year_lists_the_years_there(tmp_path: Path) -> None:
    """An unknown year says which years exist."""
    (tmp_path / "2020").mkdir()
    with pytest.raises(ReportNotFound, match=r"2019.*2020"):
        locate("2019", tmp_path)


def test_several_candidates_without_meta_are_listed(tmp_path: Path) -> None:
    """Two report files and no meta.toml: the error names both."""
    for name in ("a.txt", "b.md"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    with pytest.raises(ReportNotFound, match=r"a\.txt, b\.md"):
        locate(str(tmp_path), tmp_path)


def test_meta_main_picks_the_report(tmp_path: Path) -> None:
    """meta.toml's main names the report among several files."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    (tmp_path / "meta.toml").write_text('main = "b.txt"\nstatus = "draft"\n', encoding="utf-8")
    source = locate(str(tmp_path), tmp_path)
    assert source.path.name == "b.txt"
    assert source.meta["status"] == "draft"


def test_sources_and_readme_are_not_candidates(tmp_path: Path) -> None:
    """README.md and SOURCES.md beside a report do not make it ambiguous."""
    for name in ("report.txt", "README.md", "SOURCES.md"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    assert locate(str(tmp_path), tmp_path).path.name == "report.txt"


def test_unsupported_extension(tmp_path: Path) -> None:
    """A file of an unknown type is refused by name."""
    path = tmp_path / "r.xyz"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(ReportUnreadable, match=r"unsupported file type \.xyz"):
        read_source(locate(str(path), tmp_path))


def test_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file over COMPARE_MAX_MB is refused before it is read."""
    path = tmp_path / "big.txt"
    path.write_bytes(TEXT.encode() * 20000)
    monkeypatch.setenv("COMPARE_MAX_MB", "0.5")
    with pytest.raises(ReportUnreadable, match=r"over the 0\.5 MB limit"):
        read_source(locate(str(path), tmp_path))


def test_reports_dir_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """COMPARE_REPORTS_DIR changes the default folder; the option wins over it."""
    monkeypatch.setenv("COMPARE_REPORTS_DIR", "/somewhere")
    assert reports_dir() == Path("/somewhere")
    assert reports_dir("elsewhere") == Path("elsewhere")
    monkeypatch.delenv("COMPARE_REPORTS_DIR")
    assert reports_dir() == Path("reports")
