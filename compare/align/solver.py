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
