"""jsonout.py: JSON as json.dumps(data, ensure_ascii=False, indent=2) writes it, produced in pieces.

The standard library's indented encoder is its pure-Python one, a generator per nesting level (its
C encoder writes only compact JSON), and json.dumps holds the whole document as one string. This
writes the same bytes with the C string escaper and a plain recursive walk, about twice as fast,
and hands the pieces out a batch at a time, so a large comparison is written as it is encoded and
never held whole.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from types import GeneratorType
from typing import Any

BATCH = 1 << 14  # pieces gathered before a batch is handed out
STREAM_DEPTH = 2  # containers this near the top hand out batches between their items (a report's records)


def chunks(data: Any) -> Iterator[str]:
    """The JSON text of data (with its final newline), in batches of pieces."""
    parts: list[str] = []
    for _ in _stream(data, 0, parts, STREAM_DEPTH):
        if len(parts) >= BATCH:
            yield "".join(parts)
            parts.clear()
    parts.append("\n")
    yield "".join(parts)


def dumps(data: Any) -> str:
    return "".join(chunks(data))


class _Peeked:
    """A generator written as a JSON array (the data is built as it is written): empty or not, and its items."""

    def __init__(self, items: Iterator[Any]) -> None:
        self._items = items
        self._first: list[Any] = []
        for item in items:
            self._first.append(item)
            break

    def __bool__(self) -> bool:
        return bool(self._first)

    def __iter__(self) -> Iterator[Any]:
        yield from self._first
        yield from self._items


def _scalar(value: Any) -> str | None:
    if isinstance(value, str):
        return encode_basestring(value)  # type: ignore[no-any-return]
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if math.isfinite(value):
            return float.__repr__(value)
        return "NaN" if value != value else ("Infinity" if value > 0 else "-Infinity")
    return None


def _key(key: Any) -> str:
    if isinstance(key, str):
        return encode_basestring(key)  # type: ignore[no-any-return]
    text = _scalar(key)
    if text is None:
        raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
    return encode_basestring(text)  # type: ignore[no-any-return]


def _stream(value: Any, level: int, parts: list[str], depth: int) -> Iterator[None]:
    """Append value's JSON to parts, yielding between the items of the outer containers."""
    if isinstance(value, GeneratorType):
        value = _Peeked(value)
    if depth == 0 or not isinstance(value, dict | list | tuple | _Peeked) or not value:
        _write(value, level, parts)
        return
    inner = "\n" + "  " * (level + 1)
    is_dict = isinstance(value, dict)
    opening, closing = ("{", "}") if is_dict else ("[", "]")
    items: Iterable[tuple[Any, Any]] = value.items() if isinstance(value, dict) else ((None, v) for v in value)
    first = True
    for k, v in items:
        head = (opening if first else ",") + inner
        parts.append(head + _key(k) + ": " if is_dict else head)
        first = False
        yield from _stream(v, level + 1, parts, depth - 1)
        yield
    parts.append("\n" + "  " * level + closing)


def _write(value: Any, level: int, parts: list[str]) -> None:
    """Append value's JSON to parts."""
    if isinstance(value, str):
        parts.append(encode_basestring(value))
        return
    if isinstance(value, GeneratorType):
        value = _Peeked(value)
    text = _scalar(value)
    if text is not None:
        parts.append(text)
        return
    if isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = "\n" + "  " * (level + 1)
        sep = "{" + inner
        for k, v in value.items():
            parts.append(sep + (encode_basestring(k) if isinstance(k, str) else _key(k)) + ": ")
            sep = "," + inner
            if isinstance(v, str):
                parts.append(encode_basestring(v))
            else:
                _write(v, level + 1, parts)
        parts.append("\n" + "  " * level + "}")
        return
    if isinstance(value, list | tuple | _Peeked):
        if not value:
            parts.append("[]")
            return
        inner = "\n" + "  " * (level + 1)
        sep = "[" + inner
        for v in value:
            parts.append(sep)
            sep = "," + inner
            if isinstance(v, str):
                parts.append(encode_basestring(v))
            else:
                _write(v, level + 1, parts)
        parts.append("\n" + "  " * level + "]")
        return
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
