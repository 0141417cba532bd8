"""cache.py: finished comparisons kept on disk, keyed by what made them, so a second run skips the work.

The key is a hash of everything a comparison depends on: each report's file (its resolved path,
its bytes, its year and meta.toml), compare.toml's bytes, the size limit, the Python version and
the package itself (its version and the size and modification time of each of its files, so an
edited checkout never reads an old result). Entries live in the user's cache folder
($COMPARE_CACHE_DIR, else $XDG_CACHE_HOME/compare, else ~/.cache/compare), never in a reports folder.

An entry is a pickle signed with a random key kept beside the entries (HMAC-SHA256): an entry that
is corrupt, truncated, written by someone else or for another key is ignored and replaced, never
unpickled. The cache never makes a run fail: a folder that cannot be read or written means no cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import pickle
import secrets
import sys
import tempfile
from pathlib import Path
from typing import Any

from . import __version__
from .model import Comparison

MAGIC = b"compare-cache 1\n"
KEEP = 64  # entries kept; the oldest go first


def default_dir() -> Path | None:
    """$COMPARE_CACHE_DIR, else $XDG_CACHE_HOME/compare, else ~/.cache/compare (None without a home)."""
    explicit = os.environ.get("COMPARE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "compare"
    try:
        return Path.home() / ".cache" / "compare"
    except RuntimeError:  # no home directory to speak of
        return None


class ResultCache:
    """Comparisons stored under a folder, signed, looked up by key."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def open(cls, folder: Path | None, reports: Path | None = None) -> ResultCache | None:
        """The cache in folder, or None when there is none to use (never inside the reports folder)."""
        if folder is None:
            return None
        if reports is not None:
            with contextlib.suppress(OSError):
                if folder.resolve().is_relative_to(reports.resolve()):
                    return None
        return cls(folder)

    # ------------------------------------------------------------------ the key

    @staticmethod
    def key(sources: list[tuple[Path, str | None, dict[str, Any]]], config: str | None) -> str:
        """A hash of the reports (path, bytes, year, meta), compare.toml, the limits and the tool."""
        h = hashlib.sha256()

        def add(label: str, data: bytes) -> None:
            h.update(f"{label}:{len(data)}:".encode())
            h.update(data)

        add("tool", _fingerprint().encode())
        add("max_mb", os.environ.get("COMPARE_MAX_MB", "").encode())
        for path, year, meta in sources:
            add("path", os.fsencode(path.resolve()))
            add("bytes", path.read_bytes())
            add("year", (year or "").encode())
            add("meta", json.dumps(meta, sort_keys=True, default=str, ensure_ascii=False).encode())
        add("config", Path(config).read_bytes() if config else b"")
        add("config-path", os.fsencode(Path(config).resolve()) if config else b"")
        return h.hexdigest()

    # ------------------------------------------------------------------ get and put

    def get(self, key: str) -> Comparison | None:
        """The stored comparison, or None when there is none or the entry cannot be trusted."""
        secret = self._secret(create=False)
        if secret is None:
            return None
        try:
            blob = (self.folder / f"{key}.pickle").read_bytes()
        except OSError:
            return None
        head, sig, payload = blob[: len(MAGIC)], blob[len(MAGIC) : len(MAGIC) + 32], blob[len(MAGIC) + 32 :]
        if head != MAGIC or not hmac.compare_digest(sig, _sign(secret, key, payload)):
            return None  # not ours, or not whole: recomputed and replaced
        try:
            value = pickle.loads(payload)
        except Exception:  # an entry of ours that no longer loads (a renamed class): recompute
            return None
        return value if isinstance(value, Comparison) else None

    def put(self, key: str, comparison: Comparison) -> None:
        """Store the comparison (atomically); any failure leaves the cache as it was."""
        with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
            secret = self._secret(create=True)
            if secret is None:
                return
            payload = pickle.dumps(comparison, protocol=pickle.HIGHEST_PROTOCOL)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".entry-")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(MAGIC + _sign(secret, key, payload) + payload)
                os.replace(tmp, self.folder / f"{key}.pickle")
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
            self._prune()

    def _secret(self, create: bool) -> bytes | None:
        path = self.folder / "secret"
        try:
            data = path.read_bytes()
            if len(data) == 32:
                return data
        except OSError:
            pass
        if not create:
            return None
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = secrets.token_bytes(32)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".secret-")  # created 0600
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)  # a new key: entries signed with an old one are ignored
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        return data

    def _prune(self) -> None:
        entries = sorted(self.folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEEP:]:
            with contextlib.suppress(OSError):
                old.unlink()


def _sign(secret: bytes, key: str, payload: bytes) -> bytes:
    return hmac.new(secret, key.encode() + b"\0" + payload, hashlib.sha256).digest()


def _fingerprint() -> str:
    """The package's version, the Python version, and each of the package's files by size and mtime."""
    root = Path(__file__).resolve().parent
    parts = [__version__, sys.version]
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".tsv", ".txt"):
            st = path.stat()
            parts.append(f"{path.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(parts)
