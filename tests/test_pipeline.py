"""The pipeline's order of stages, and reading a large second report on a second core."""

from __future__ import annotations

import pytest

from compare import pipeline
from compare.errors import ReportNotFound
from compare.render import comparison_dict
from compare.workers import cores

from .conftest import DATA

PAIR = DATA / "pair"


@pytest.mark.skipif(cores() < 2, reason="one core: the second report is read in turn")
def test_a_second_report_read_in_a_worker_gives_the_same_comparison(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read in a worker process or in turn, the comparison is the same record for record."""
    base, new = str(PAIR / "2020" / "report.txt"), str(PAIR / "2021" / "report.txt")
    serial = comparison_dict(pipeline.build_comparison(base, new))
    monkeypatch.setattr(pipeline, "PARALLEL_BYTES", 0)
    assert pipeline._worth_a_worker(new, None)
    assert comparison_dict(pipeline.build_comparison(base, new)) == serial


def test_the_first_reports_error_comes_first_when_the_second_is_read_in_a_worker(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    """A missing base is reported as it is when the reports are read in turn, whatever the worker does."""
    monkeypatch.setattr(pipeline, "PARALLEL_BYTES", 0)
    with pytest.raises(ReportNotFound, match=r"nothing\.txt"):
        pipeline.build_comparison(str(tmp_path / "nothing.txt"), str(PAIR / "2021" / "report.txt"))
