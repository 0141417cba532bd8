"""overrides.py: the pairs compare.toml pins and forbids, resolved to item indexes.

Owns the reading of [[pin]] and [[forbid]] for one kind of item (section, program, metric).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from ..config import Config, Pair
from ..errors import ConfigError

T = TypeVar("T")


def overrides(
    config: Config,
    kind: str,
    base: Sequence[T],
    new: Sequence[T],
    keys: Callable[[T], tuple[str, ...]],
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Index pairs pinned and forbidden by compare.toml for this kind of item."""

    def find(items: Sequence[T], name: str) -> list[int]:
        return [k for k, item in enumerate(items) if name in keys(item)]

    def resolve(pairs: Sequence[Pair]) -> list[tuple[Pair, int, int]]:
        out = []
        for pair in pairs:
            if pair.kind != kind:
                continue
            for i in find(base, pair.base)[:1]:
                for j in find(new, pair.new)[:1]:
                    out.append((pair, i, j))
        return out

    pins = resolve(config.pins)
    seen_base: dict[int, Pair] = {}
    seen_new: dict[int, Pair] = {}
    for pair, i, j in pins:
        clash = seen_base.get(i) or seen_new.get(j)
        if clash is not None:
            raise ConfigError(
                f"{config.path}:{pair.line}: [[pin]] {pair.base!r} -> {pair.new!r} reuses an item "
                f"already pinned at line {clash.line}; pins pair items one to one"
            )
        seen_base[i] = seen_new[j] = pair
    return [(i, j) for _, i, j in pins], [(i, j) for _, i, j in resolve(config.forbids)]
