"""load.py: find a report on disk and read it as text.

Owns: resolving a year or a path, meta.toml, encoding detection, the size limit.
Does not parse: normalize.py turns the text into sections.
"""

from __future__ import annotations

import codecs
import datetime as dt
import math
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ReportNotFound, ReportUnreadable

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
REPORT_SUFFIXES = (*TEXT_SUFFIXES, ".docx", ".pdf", ".html", ".htm")
DEFAULT_MAX_MB = 50
YEAR_RE = re.compile(r"^\d{4}$")
# Files that sit beside a report but are not one (sources lists, notes).
_NOT_REPORTS = {"readme", "sources", "facts", "changelog", "notes"}


@dataclass(frozen=True)
class Source:
    """Where a report lives: its file, the year it stands for, and its meta.toml."""

    path: Path
    year: str | None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def is_markdown(self) -> bool:
        return self.path.suffix.lower() in (".md", ".markdown")


@dataclass(frozen=True)
class Document:
    """A report's text as read; structured when headings are marked with # (Markdown, Word, HTML)."""

    text: str
    structured: bool
    source_lines: tuple[int, ...] = ()  # per text line: HTML source line, Word paragraph, or PDF page


def reports_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """--reports-dir, else $COMPARE_REPORTS_DIR, else ./reports."""
    if option:
        return Path(option)
    return Path(os.environ.get("COMPARE_REPORTS_DIR") or "reports")


def max_bytes() -> int:
    """The largest report read, from $COMPARE_MAX_MB (default 50 MB)."""
    raw = os.environ.get("COMPARE_MAX_MB", "")
    try:
        mb = float(raw) if raw else DEFAULT_MAX_MB
    except ValueError:
        mb = math.nan
    if not math.isfinite(mb) or mb <= 0 or mb > 1 << 40:
        raise ReportUnreadable(f"COMPARE_MAX_MB={raw!r} is not a positive number of megabytes")
    return int(mb * 1024 * 1024)


def locate(arg: str, root: Path) -> Source:
    """Resolve a command-line argument: an existing file or folder, else a year under root."""
    try:
        return _locate(arg, root)
    except OSError as e:  # a name too long for the file system, a folder we may not list
        raise ReportUnreadable(f"cannot open {arg[:80]}: {e.strerror or e}") from None


def _locate(arg: str, root: Path) -> Source:
    """A bare year is looked up in the reports folder first (so ./2020 never overrides --reports-dir);
    anything else, or a year the reports folder lacks, is a path."""
    path = Path(arg).expanduser()
    if YEAR_RE.match(arg) and (root / arg).is_dir():
        return _in_folder(root / arg)
    if path.is_file():
        return Source(path, _year_of(path.parent), load_meta(path.parent))
    if path.is_dir():
        return _in_folder(path)
    if YEAR_RE.match(arg):
        folder = root / arg
        if not folder.is_dir():
            years = sorted(p.name for p in root.iterdir() if YEAR_RE.match(p.name)) if root.is_dir() else []
            where = f"{root}/ has {', '.join(years)}" if years else f"{root}/ has no year folders"
            raise ReportNotFound(f"no report for {arg}: {where}; pass a path or set --reports-dir")
        return _in_folder(folder)
    if path.exists() or path.is_symlink():
        raise ReportUnreadable(f"{arg} is not a regular file or folder")
    raise ReportNotFound(f"{arg!r} is neither a file, a folder nor a year (like 2020)")


def _year_of(folder: Path) -> str | None:
    name = folder.resolve().name if folder.name in ("", ".") else folder.name
    return name if YEAR_RE.match(name) else None


_META_TEXT = ("title", "subtitle", "source", "published", "status", "language", "main", "note")


def load_meta(folder: Path) -> dict[str, Any]:
    """The folder's meta.toml as a dict, or {} when there is none (a UTF-8 BOM is allowed, as in compare.toml).

    Keys that hold text must be text: a number where a title is expected is an error naming the key.
    """
    meta_path = folder / "meta.toml"
    if not meta_path.is_file():
        return {}
    try:
        raw = meta_path.read_bytes().decode("utf-8-sig")
        meta = tomllib.loads(raw)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as e:
        raise ReportUnreadable(f"{meta_path}: bad TOML: {str(e)[:200]}") from None
    except OSError as e:
        raise ReportUnreadable(f"cannot read {meta_path}: {e.strerror}") from None
    for key in _META_TEXT:
        if key == "published" and isinstance(meta.get(key), dt.date):
            meta[key] = meta[key].isoformat()  # published = 2021-01-15, a TOML date, reads as written
        if key in meta and not isinstance(meta[key], str):
            line = next((n for n, text in enumerate(raw.splitlines(), 1) if text.strip().startswith(key)), 1)
            kind = type(meta[key]).__name__
            raise ReportUnreadable(f'{meta_path}:{line}: {key} must be text in quotes, like {key} = "…" (found {kind})')
    return meta


def report_files(folder: Path) -> list[Path]:
    """The report files in a folder, sorted: known suffixes, not READMEs or source lists."""
    try:
        entries = sorted(p for p in folder.iterdir() if p.is_file())
    except OSError as e:
        raise ReportUnreadable(f"cannot list {folder}: {e.strerror}") from None
    return [p for p in entries if p.suffix.lower() in REPORT_SUFFIXES and p.stem.lower() not in _NOT_REPORTS]


def _in_folder(folder: Path) -> Source:
    meta = load_meta(folder)
    main = meta.get("main")
    if isinstance(main, str) and main:
        path = folder / main
        if not path.is_file():
            raise ReportNotFound(f"{folder / 'meta.toml'} names main = {main!r}, which is not in {folder}/")
        return Source(path, _year_of(folder), meta)
    candidates = report_files(folder)
    if not candidates:
        kinds = ", ".join(REPORT_SUFFIXES)
        raise ReportNotFound(f"{folder}/ holds no report file ({kinds}); add one or pass a file path")
    if len(candidates) > 1:
        names = ", ".join(p.name for p in candidates)
        raise ReportNotFound(
            f'{folder}/ holds several reports ({names}); name the main one with main = "..." in meta.toml'
        )
    return Source(candidates[0], _year_of(folder), meta)


def read_source(source: Source) -> Document:
    """The text of a report file, whatever its format (not yet normalized)."""
    path = source.path
    if path.suffix.lower() not in REPORT_SUFFIXES:
        kinds = ", ".join(REPORT_SUFFIXES)
        raise ReportUnreadable(f"{path}: unsupported file type {path.suffix or '(none)'}; use {kinds}")
    try:
        size = path.stat().st_size
        limit = max_bytes()
        if size > limit:
            raise ReportUnreadable(
                f"{path} is {size / 1048576:.0f} MB, over the {limit / 1048576:g} MB limit; "
                "raise it with COMPARE_MAX_MB if this is really a report"
            )
        data = path.read_bytes()
    except OSError as e:
        raise ReportUnreadable(f"cannot read {path}: {e.strerror or e}") from None
    name, suffix = str(path), path.suffix.lower()
    if not data.strip():
        raise ReportUnreadable(f"{name} is empty; a report needs text")
    if suffix == ".docx":
        from .formats import read_docx

        return Document(*_checked_document(read_docx(data, name), name))
    if suffix == ".pdf":
        from .formats import read_pdf

        return Document(*_checked_document(read_pdf(data, name), name))
    if suffix in (".html", ".htm"):
        from .formats import read_html

        return Document(*_checked_document(read_html(_decode_html(data, name)), name))
    return Document(decode(data, name), source.is_markdown)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


# The page encodings a <meta charset> may name (WHATWG labels, as Python calls them); anything else
# (utf-16 without a BOM, unicode_escape, punycode …) is ignored and the bytes are detected instead.
_PAGE_ENCODINGS = {
    **dict.fromkeys(("gb2312", "gbk", "gb18030", "x-gbk", "cp936"), "gb18030"),
    **dict.fromkeys(("big5", "big5-hkscs", "cp950"), "big5hkscs"),
    **{e: e for e in ("euc-jp", "shift_jis", "euc-kr", "koi8-r", "koi8-u")},
    **{f"iso-8859-{n}": f"iso-8859-{n}" for n in range(1, 16)},
    **{f"windows-{n}": f"cp{n}" for n in range(1250, 1259)},
    **dict.fromkeys(("latin1", "latin-1", "ascii", "us-ascii"), "cp1252"),
}


def _decode_html(data: bytes, name: str) -> str:
    """A page's bytes: a BOM, else UTF-8 when they are UTF-8 (whatever the page declares), else the
    declared <meta charset> when it is a page encoding and reads plausibly, else the usual detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, name)
    try:
        return _checked(data.decode("utf-8"), name)  # a declared charset that lies about UTF-8 bytes is ignored
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:4096])
    encoding = _PAGE_ENCODINGS.get(m.group(1).decode("ascii").lower()) if m else None
    if encoding:
        try:
            text = data.decode(encoding)
        except (UnicodeError, LookupError):
            text = None
        if text is not None and (encoding not in ("gb18030", "big5hkscs") or _plausible_chinese(text, big5=True)):
            return _checked(text, name)
    return decode(data, name)


def _checked_document(doc: tuple[str, bool, tuple[int, ...]], name: str) -> tuple[str, bool, tuple[int, ...]]:
    if not doc[0].strip():
        raise ReportUnreadable(f"{name} holds no text")
    return doc


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, name: str = "<bytes>") -> str:
    """Decode report bytes: BOM'd UTF-8/16/32, plain UTF-8, else GB18030; never mojibake."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as e:
                raise ReportUnreadable(f"{name}: broken {encoding} at byte {e.start}; re-save it as UTF-8") from None
            return _checked(text, name)
    if not data.strip():
        raise ReportUnreadable(f"{name} is empty; a report needs text")
    if b"\x00" in data:
        guess = _utf16_or_32(data)
        if guess:
            raise ReportUnreadable(
                f"{name} looks like {guess} without a byte-order mark; re-save it as UTF-8 "
                f"(iconv -f {guess} -t UTF-8 {name} > report.txt)"
            )
        raise ReportUnreadable(f"{name} looks binary (NUL bytes), not a text report")
    try:
        return _checked(data.decode("utf-8"), name)
    except UnicodeDecodeError as utf8_error:
        if utf8_error.reason == "unexpected end of data" and utf8_error.start >= len(data) - 3:
            # a file cut off inside its last character: keep everything before it
            return _checked(data[: utf8_error.start].decode("utf-8"), name)
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise ReportUnreadable(
                f"{name}: not UTF-8 (bad byte at {utf8_error.start}) nor GB18030/GBK text; re-save it as UTF-8"
            ) from None
        if not _plausible_chinese(text):
            raise ReportUnreadable(
                f"{name}: not UTF-8 (bad byte at {utf8_error.start}), and reading it as GBK gives "
                "garbled text (mixed encodings?); re-save it as UTF-8"
            ) from None
        return _checked(text, name)


def _utf16_or_32(data: bytes) -> str | None:
    """UTF-16 or UTF-32 text without a BOM, told by where its NUL bytes fall and that it decodes cleanly."""
    sample = data[: 4096 - 4096 % 4]
    nuls = [0, 0, 0, 0]  # NUL bytes by offset mod 4
    for i, b in enumerate(sample):
        if b == 0:
            nuls[i % 4] += 1
    quarter = len(sample) // 4
    layouts = (
        ("UTF-32LE", nuls[3] >= 0.9 * quarter and nuls[2] >= 0.5 * quarter),  # the high bytes are zero
        ("UTF-32BE", nuls[0] >= 0.9 * quarter and nuls[1] >= 0.5 * quarter),
        ("UTF-16LE", nuls[1] + nuls[3] > 3 * (nuls[0] + nuls[2])),  # ASCII's zero high byte follows it
        ("UTF-16BE", nuls[0] + nuls[2] > 3 * (nuls[1] + nuls[3])),
    )
    for encoding, fits in layouts:
        if not fits:
            continue
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(text) >= 4 and sum(ch.isprintable() or ch in "\n\r\t" for ch in text) >= 0.95 * len(text):
            return encoding
    return None


def _checked(text: str, name: str) -> str:
    if not text.strip():
        raise ReportUnreadable(f"{name} is empty; a report needs text")
    controls = sum(1 for ch in text if ch < " " and ch not in "\n\r\t\f\x1b")
    if controls > max(8, len(text) // 100):
        raise ReportUnreadable(f"{name} looks binary (control bytes), not a text report")
    return text


def _plausible_chinese(text: str, big5: bool = False) -> bool:
    """GB18030 decodes most byte soup; real GBK prose stays inside GB2312's common characters
    (traditional prose, when big5, inside Big5's)."""
    sample = [ch for ch in text[:20000] if ord(ch) > 0x7F]
    if not sample:
        return True
    rare = 0
    for ch in sample:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            if big5:
                try:
                    ch.encode("big5")
                    continue
                except UnicodeEncodeError:
                    pass
            rare += 1
    return rare <= len(sample) * 0.05
