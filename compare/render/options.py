"""options.py: the choices a view is drawn with (output format, the part shown)."""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    RICH = "rich"
    PLAIN = "plain"
    JSON = "json"
    MARKDOWN = "markdown"
    CSV = "csv"


class Only(StrEnum):
    SECTIONS = "sections"
    METRICS = "metrics"
    PROGRAMS = "programs"
    TEXT = "text"
