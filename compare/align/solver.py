"""solver.py: optimal one-to-one assignment of scored pairs, and the greedy route for very large blocks.

Owns only the arithmetic of pairing; what a score means is the caller's.
"""

from __future__ import annotations

import math


def assign(scores: list[list[float]], cutoff: float) -> list[tuple[int, int]]:
    """Optimal one-to-one pairs maximizing the total score, dropping pairs below cutoff.

    The Hungarian method in pure Python (the Kuhn-Munkres O(n^3) form): sections and
    programs number in the tens, where importing scipy (~0.3 s) would cost more than solving.
    """
    n = len(scores)
    m = len(scores[0]) if n else 0
    if not n or not m:
        return []
    transposed = n > m
    matrix = [list(col) for col in zip(*scores, strict=True)] if transposed else scores
    rows, cols = (m, n) if transposed else (n, m)
    # minimize cost = -score; scores below the cutoff cost as much as leaving a row unpaired
    cost = [[-(s if s >= cutoff else 0.0) for s in row] for row in matrix]
    inf = math.inf
    u = [0.0] * (rows + 1)
    v = [0.0] * (cols + 1)
    p = [0] * (cols + 1)
    way = [0] * (cols + 1)
    for i in range(1, rows + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, cols + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(cols + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if not j0:
                break
    pairs = []
    for j in range(1, cols + 1):
        if p[j]:
            r, c = p[j] - 1, j - 1
            if matrix[r][c] >= cutoff:
                pairs.append((c, r) if transposed else (r, c))
    return sorted(pairs)


def greedy(scores: dict[tuple[int, int], float], cutoff: float) -> list[tuple[int, int]]:
    """Best pairs first, each item used once: the route for blocks too big for the Hungarian."""
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    pairs = []
    for (a, b), s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if s < cutoff or a in taken_a or b in taken_b:
            continue
        taken_a.add(a)
        taken_b.add(b)
        pairs.append((a, b))
    return sorted(pairs)


def assign_sparse(scores: dict[tuple[int, int], float], cutoff: float, exact_max: int) -> list[tuple[int, int]]:
    """Optimal pairs over a sparse score table, solved one connected group at a time.

    Pairs below the cutoff are worth nothing, so the items joined by pairs at or above it fall into
    independent groups; each group small enough (at most exact_max items a side) is solved exactly,
    and a larger one best pair first. Time follows the groups, not the product of the two sides.
    """
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def root(x: tuple[int, int]) -> tuple[int, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    live = {pair: s for pair, s in scores.items() if s >= cutoff}
    for a, b in live:
        ra, rb = root((0, a)), root((1, b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[tuple[int, int], dict[tuple[int, int], float]] = {}
    for (a, b), s in live.items():
        groups.setdefault(root((0, a)), {})[(a, b)] = s
    pairs: list[tuple[int, int]] = []
    for group in groups.values():
        rows = sorted({a for a, _ in group})
        cols = sorted({b for _, b in group})
        if len(rows) > exact_max or len(cols) > exact_max:
            pairs.extend(greedy(group, cutoff))
            continue
        matrix = [[group.get((a, b), 0.0) for b in cols] for a in rows]
        pairs.extend((rows[x], cols[y]) for x, y in assign(matrix, cutoff))
    return sorted(pairs)
