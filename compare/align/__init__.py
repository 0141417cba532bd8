"""align: one-to-one matching of sections, programs, metrics and targets across two reports.

Owns the scores, the evidence behind each pairing, the cutoffs and the overrides from
compare.toml (sections.py, programs.py, metrics.py, targets.py; the assignment solver in
solver.py). Every pairing keeps its score and its reason; nothing here renders or diffs.
"""

from __future__ import annotations

from .metrics import align_metrics, contradiction, label_score, measure_score, units_compatible
from .programs import align_programs
from .sections import align_sections
from .solver import assign
from .targets import align_targets

__all__ = [
    "align_metrics",
    "align_programs",
    "align_sections",
    "align_targets",
    "assign",
    "contradiction",
    "label_score",
    "measure_score",
    "units_compatible",
]
