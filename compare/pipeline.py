"""pipeline.py: runs the stages in order, load -> normalize -> extract (-> align -> diff).

Owns only the order of the stages; each stage lives in its own module.
"""

from __future__ import annotations

import os
from dataclasses import replace

from .extract import extract_metrics, extract_programs
from .load import locate, read_source, reports_dir
from .model import Report
from .normalize import normalize


def load_report(arg: str, root: str | os.PathLike[str] | None = None) -> Report:
    """Read and parse one report: a year under the reports folder, or a file or folder path."""
    source = locate(arg, reports_dir(root))
    text = read_source(source)
    report = normalize(text, markdown=source.is_markdown, year=source.year, path=str(source.path), meta=source.meta)
    return replace(report, programs=extract_programs(report), metrics=extract_metrics(report))
