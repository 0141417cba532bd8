"""pipeline.py: runs the stages in order, load -> normalize -> extract (-> align -> diff).

Owns only the order of the stages; each stage lives in its own module.
"""

from __future__ import annotations

import os
from dataclasses import replace

from .config import Config, find_config, load_config
from .extract import extract_metrics, extract_programs
from .load import locate, read_source, reports_dir
from .model import Comparison, Report
from .normalize import normalize


def load_report(arg: str, root: str | os.PathLike[str] | None = None) -> Report:
    """Read and parse one report: a year under the reports folder, or a file or folder path."""
    source = locate(arg, reports_dir(root))
    document = read_source(source)
    report = normalize(
        document.text,
        markdown=document.structured,
        year=source.year,
        path=str(source.path),
        meta=source.meta,
        source_lines=document.source_lines,
    )
    return replace(report, programs=extract_programs(report), metrics=extract_metrics(report))


def build_comparison(
    base: str | Report,
    new: str | Report,
    root: str | os.PathLike[str] | None = None,
    config: Config | str | os.PathLike[str] | None = None,
    text: bool = True,
) -> Comparison:
    """Align two reports (years, paths or loaded Reports) and diff what changed.

    config is a Config, a path to compare.toml, or None to look for compare.toml
    in the reports folder or beside it. text=False skips the section text diffs.
    """
    from .align import compare_reports

    if not isinstance(config, Config):
        config = load_config(find_config(config, reports_dir(root)))
    base_report = base if isinstance(base, Report) else load_report(base, root)
    new_report = new if isinstance(new, Report) else load_report(new, root)
    return compare_reports(base_report, new_report, config, text=text)
