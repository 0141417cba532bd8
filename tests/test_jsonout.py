"""jsonout.py writes exactly the bytes json.dumps(ensure_ascii=False, indent=2) writes, in pieces."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from compare import build_comparison, jsonout
from compare.render import comparison_dict, report_dict

from .conftest import REPORTS

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.tuples(inner, inner)
        | st.dictionaries(
            st.text(max_size=8) | st.integers() | st.booleans() | st.floats() | st.none(), inner, max_size=5
        )
    ),
    max_leaves=40,
)


def stdlib(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@settings(max_examples=300, deadline=None)
@given(documents)
def test_any_document_encodes_as_the_standard_library_does(data: Any) -> None:
    assert jsonout.dumps(data) == stdlib(data)


def test_pieces_join_to_the_document(monkeypatch) -> None:
    """However small the batches, the pieces are the document in order."""
    data = {"metrics": [{"id": f"m{k}", "value": k / 3, "tags": ["a", "b"]} for k in range(50)], "empty": {}}
    monkeypatch.setattr(jsonout, "BATCH", 3)
    pieces = list(jsonout.chunks(data))
    assert len(pieces) > 10
    assert "".join(pieces) == stdlib(data)


def test_the_bundled_comparison_and_report_encode_as_the_standard_library_does() -> None:
    c = build_comparison("2020", "2021", REPORTS)
    for data in (comparison_dict(c), report_dict(c.base)):
        assert jsonout.dumps(data) == stdlib(data)


def test_a_lazy_comparison_is_written_as_the_built_one() -> None:
    """comparison_dict(lazy=True) builds the figures and text changes while they are written: same bytes."""
    c = build_comparison("2020", "2021", REPORTS)
    assert jsonout.dumps(comparison_dict(c, lazy=True)) == stdlib(comparison_dict(c))


def test_generators_are_arrays_empty_or_not() -> None:
    data = {"none": (x for x in ()), "some": (x * 2 for x in range(3)), "nested": [(y for y in "ab")]}
    assert jsonout.dumps(data) == stdlib({"none": [], "some": [0, 2, 4], "nested": [["a", "b"]]})


def test_what_json_cannot_hold_is_refused_as_the_standard_library_refuses_it() -> None:
    for bad in ({"x": object()}, [{1, 2}], {(1, 2): "tuple key"}):
        try:
            stdlib(bad)
        except TypeError:
            pass
        else:  # pragma: no cover - the standard library accepts it, so must we
            raise AssertionError(bad)
        try:
            jsonout.dumps(bad)
        except TypeError:
            continue
        raise AssertionError(f"{bad!r} was encoded")
