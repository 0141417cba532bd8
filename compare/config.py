"""config.py: reads compare.toml — matcher cutoffs, pinned and forbidden pairs, CI waivers.

Owns the file's schema and its error messages (with line numbers); applies nothing itself.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

CONFIG_NAME = "compare.toml"
KINDS = ("section", "program", "metric")


@dataclass(frozen=True)
class Cutoffs:
    """Scores below a cutoff leave an item unpaired (new or dropped)."""

    # Measured on the bundled reports: true renames score 23-60, unrelated sections of the
    # same genre 3-16 (shared words such as 工会/职工 are down-weighted but never vanish).
    section: float = 20.0  # combined title and content score, 0-100
    program: float = 70.0  # fuzzy name score after evidence, 0-100
    metric: float = 60.0  # label score after unit and section evidence, 0-100


@dataclass(frozen=True)
class Pair:
    """A pinned or forbidden pairing; base/new name an item by id, label or title."""

    kind: str
    base: str
    new: str
    line: int = 0


@dataclass(frozen=True)
class Waiver:
    """Lets --check pass a BASE metric or section that is missing, with a reason."""

    reason: str
    metric: str | None = None
    section: str | None = None
    owner: str | None = None
    expires: dt.date | dt.datetime | None = None  # a date runs to the end of that day in UTC
    line: int = 0

    @property
    def target(self) -> str:
        return f"metric {self.metric!r}" if self.metric else f"section {self.section!r}"


@dataclass(frozen=True)
class Config:
    path: str | None = None
    cutoffs: Cutoffs = field(default_factory=Cutoffs)
    pins: tuple[Pair, ...] = ()
    forbids: tuple[Pair, ...] = ()
    waivers: tuple[Waiver, ...] = ()


_TOP_KEYS = {"match", "pin", "forbid", "waive"}
_MATCH_KEYS = {"section_cutoff", "program_cutoff", "metric_cutoff"}
_PAIR_KEYS = {"kind", "base", "new"}
_WAIVE_KEYS = {"metric", "section", "reason", "owner", "expires"}


def find_config(explicit: str | os.PathLike[str] | None, reports_root: Path) -> Path | None:
    """--config, else compare.toml in the reports folder or beside it."""
    if explicit:
        path = Path(explicit)
        if path.is_dir():
            raise ConfigError(f"--config {path} is a folder; give the compare.toml file")
        if not path.is_file():
            raise ConfigError(f"config file {path} does not exist")
        return path
    for folder in (reports_root, reports_root.parent):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path | None) -> Config:
    """Parse and validate compare.toml; every problem is a ConfigError naming the line."""
    if path is None:
        return Config()
    try:
        raw = path.read_text(encoding="utf-8-sig")
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: bad TOML: {e}") from None
    except RecursionError:
        raise ConfigError(f"{path}: bad TOML: nested too deeply to read") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"cannot read {path}: {e}") from None
    return _parse(data, raw, str(path))


def _line(raw: str, key: str, occurrence: int = 0) -> int:
    """The line of the n-th `[[key]]` table or `key =` in the file (tomllib keeps none)."""
    hits = _lines_of(raw, key)
    return hits[occurrence] if occurrence < len(hits) else 0


@functools.lru_cache(maxsize=64)
def _lines_of(raw: str, key: str) -> tuple[int, ...]:
    """Every line where `[[key]]`, `[key]` or `key =` starts, found in one pass (linear in the file)."""
    pattern = re.compile(
        rf"^[ \t]*(?:\[\[\s*{re.escape(key)}\s*\]\]|\[\s*{re.escape(key)}\s*\]|{re.escape(key)}\s*=)", re.M
    )
    lines, line, last = [], 1, 0
    for m in pattern.finditer(raw):
        line += raw.count("\n", last, m.start())
        last = m.start()
        lines.append(line)
    return tuple(lines)


def _unknown(keys: set[str], allowed: set[str], where: str, raw: str, path: str) -> None:
    extra = sorted(keys - allowed)
    if extra:
        line = _line(raw, extra[0])
        at = f":{line}" if line else ""
        raise ConfigError(f"{path}{at}: unknown key {extra[0]!r} in {where}; allowed: {', '.join(sorted(allowed))}")


def _parse(data: dict[str, Any], raw: str, path: str) -> Config:
    _unknown(set(data), _TOP_KEYS, "the top level", raw, path)
    match = data.get("match", {})
    if not isinstance(match, dict):
        raise ConfigError(f"{path}:{_line(raw, 'match')}: [match] must be a table")
    _unknown(set(match), _MATCH_KEYS, "[match]", raw, path)
    values: dict[str, float] = {}
    for key in _MATCH_KEYS & set(match):
        value = match[key]
        if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 100:
            raise ConfigError(f"{path}:{_line(raw, key)}: {key} must be a number from 0 to 100")
        values[key.removesuffix("_cutoff")] = float(value)
    cutoffs = Cutoffs(**values)
    pins = tuple(_pairs(data.get("pin", []), "pin", raw, path))
    forbids = tuple(_pairs(data.get("forbid", []), "forbid", raw, path))
    waivers = tuple(_waivers(data.get("waive", []), raw, path))
    return Config(path, cutoffs, pins, forbids, waivers)


def _tables(value: Any, name: str, raw: str, path: str) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ConfigError(f"{path}:{_line(raw, name)}: write {name} entries as [[{name}]] tables")
    return value


def _pairs(value: Any, name: str, raw: str, path: str) -> list[Pair]:
    pairs = []
    for i, table in enumerate(_tables(value, name, raw, path)):
        line = _line(raw, name, i)
        _unknown(set(table), _PAIR_KEYS, f"[[{name}]]", raw, path)
        kind = table.get("kind", "metric")
        if kind not in KINDS:
            raise ConfigError(f"{path}:{line}: [[{name}]] kind must be one of {', '.join(KINDS)}, not {kind!r}")
        base, new = table.get("base"), table.get("new")
        if not isinstance(base, str) or not isinstance(new, str) or not base or not new:
            raise ConfigError(f'{path}:{line}: [[{name}]] needs base = "..." and new = "..."')
        pairs.append(Pair(kind, base, new, line))
    return pairs


def _waivers(value: Any, raw: str, path: str) -> list[Waiver]:
    waivers = []
    for i, table in enumerate(_tables(value, "waive", raw, path)):
        line = _line(raw, "waive", i)
        _unknown(set(table), _WAIVE_KEYS, "[[waive]]", raw, path)
        reason = table.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise ConfigError(f'{path}:{line}: [[waive]] needs a reason = "..." saying why')
        metric, section = table.get("metric"), table.get("section")
        if (metric is None) == (section is None):
            raise ConfigError(f'{path}:{line}: [[waive]] names exactly one of metric = "..." or section = "..."')
        expires = table.get("expires")
        if expires is not None and not isinstance(expires, dt.date):
            raise ConfigError(f"{path}:{line}: [[waive]] expires must be a date like 2026-12-31 (no quotes)")
        owner = table.get("owner")
        for key, text in (("metric", metric), ("section", section), ("owner", owner)):
            if text is not None and not isinstance(text, str):
                raise ConfigError(f'{path}:{line}: [[waive]] {key} must be text in quotes, like {key} = "…"')
        waivers.append(
            Waiver(
                reason=reason.strip(),
                metric=metric,
                section=section,
                owner=owner,
                expires=expires if isinstance(expires, dt.date) else None,
                line=line,
            )
        )
    return waivers
