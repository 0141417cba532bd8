"""options.py: the choices a view is drawn with: output format, the part shown, words, paging."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from .strings import Lang

if TYPE_CHECKING:
    from ..config import Config


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


@dataclass(frozen=True)
class View:
    """How to draw a result; a view ignores what does not concern it (the CLI refuses such options)."""

    only: Only | None = None  # one part of a comparison
    explain: bool = False  # scores and evidence behind each pairing
    config: Config | None = None  # its waivers are shown in the briefing
    lang: Lang = Lang.AUTO  # words: AUTO follows the locale
    pager: bool = False  # page a long Rich view on a terminal
    bom: bool = True  # CSV starts with a UTF-8 byte-order mark
    context: int = 1  # unchanged sentences shown around each text change
