"""compare: set this year's narrative report beside last year's.

The public API: load_report reads and parses one report; build_comparison
aligns two or more. Neither needs typer: the CLI is a thin shell over them.
"""

from __future__ import annotations

from .errors import CompareError
from .model import Metric, Program, Qualifier, Report, Section
from .pipeline import build_comparison, load_report

__version__ = "0.1.0"

__all__ = [
    "CompareError",
    "Metric",
    "Program",
    "Qualifier",
    "Report",
    "Section",
    "__version__",
    "build_comparison",
    "load_report",
]
