"""diff.py: numeric deltas between paired metrics, and CJK-aware text diffs of paired sections.

Owns the arithmetic of a change (exact Decimals, ranges for approximate figures) and the
tokenizer that diffs Chinese by character while keeping a figure such as 24.92亿元 whole.
"""

from __future__ import annotations

import math
import re
from collections import Counter, deque
from decimal import Decimal
from typing import TYPE_CHECKING

from . import grammar
from .model import (
    Delta,
    DiffOp,
    Metric,
    MetricKind,
    Qualifier,
    SentenceChange,
    SentenceKind,
    TargetStatus,
    TextDiff,
)

if TYPE_CHECKING:
    from .model import SectionMatch

_RATES = {"percent", "permille", "points"}


def _step(value: Decimal) -> Decimal:
    """The place value of the stated number's last significant digit: 2300余万 and 三百多万 -> 100万."""
    if value == 0:
        return Decimal(0)
    return Decimal(10) ** int(value.normalize().as_tuple().exponent)


def bounds(m: Metric) -> tuple[Decimal | None, Decimal | None]:
    """The interval a stated figure allows: 2300余万 is [2300万, 2400万), 超过1230万 is (1230万, ∞)."""
    assert m.value is not None
    v = m.signed if m.signed is not None else m.value
    if m.upper is not None:
        return v, m.upper
    step = _step(v)
    q = m.qualifier
    if q is Qualifier.EXACT:
        return v, v
    if q is Qualifier.OVER:
        return (v, v + step) if re.search(r"[余多]", m.raw) else (v, None)
    if q is Qualifier.AT_LEAST:
        return v, None
    if q is Qualifier.UNDER:
        return v - step, v
    if q is Qualifier.ABOUT:
        return v - step / 2, v + step / 2
    return None, None


def _in_base_unit(m: Metric, other: Metric) -> Decimal | None:
    """m's signed value in other's unit, when the two units share a family with fixed sizes (吨, 公斤)."""
    value = m.signed
    if value is None or m.unit == other.unit:
        return value
    mu, ou = grammar.unit_info(m.unit), grammar.unit_info(other.unit)
    if mu.family == ou.family and mu.factor and ou.factor:
        return value * mu.factor / ou.factor
    return value


def metric_delta(a: Metric, b: Metric) -> Delta | None:
    """new - base, its percent, and when a qualifier makes either approximate, the possible range.

    A change (增长/下降) compares signed rates; two rates (% ‰ 个百分点) differ in points, not percent.
    """
    av, bv = a.signed, _in_base_unit(b, a)
    if av is None or bv is None:
        return None
    delta = bv - av
    points = grammar.unit_family(a.unit) in _RATES and grammar.unit_family(b.unit) in _RATES
    pct = (
        (delta / abs(av) * 100).quantize(Decimal("0.1"))
        if av and not points and a.kind is not MetricKind.CHANGE
        else None
    )
    a_lo, a_hi = bounds(a)
    b_lo, b_hi = bounds(b)
    low = b_lo - a_hi if b_lo is not None and a_hi is not None else None
    high = b_hi - a_lo if b_hi is not None and a_lo is not None else None
    proven = (low is not None and low > 0) or (high is not None and high < 0) or (low == high == 0)
    note = "a change in percentage points" if points and delta else ""
    if a.qualifier is Qualifier.EXACT and b.qualifier is Qualifier.EXACT and a.upper is None and b.upper is None:
        return Delta(delta, pct, delta, delta, True, note, points)
    lo_s = "-∞" if low is None else ("+" if low >= 0 else "") + short_value(low)
    hi_s = "+∞" if high is None else ("+" if high >= 0 else "") + short_value(high)
    note = f"approximate ({a.raw} → {b.raw}): change between {lo_s} and {hi_s}"
    if not proven:
        note += ", direction not proven"
    return Delta(delta, pct, low, high, proven, note, points)


def target_status(target: Metric, outcome: Metric) -> TargetStatus | None:
    """Was last year's target met? A floor (以上) is met at or above it, a ceiling (以内) at or below,
    an about-figure (左右) inside its range; an outcome above an exact or about target exceeds it."""
    t_lo, t_hi = bounds(target)
    value = _in_base_unit(outcome, target)
    if value is None:
        return None
    if target.qualifier is Qualifier.UNDER:
        return TargetStatus.MET if t_hi is not None and value <= t_hi else TargetStatus.MISSED
    if t_lo is not None and value < t_lo:
        return TargetStatus.MISSED
    if t_hi is not None and value > t_hi and target.qualifier is not Qualifier.AT_LEAST:
        return TargetStatus.EXCEEDED
    return TargetStatus.MET


def short_value(value: Decimal | None, unit: str = "") -> str:
    """A reader's form with 万/亿: 2492000000 元 -> '24.92亿元'; None (a placeholder) -> 'XX元'."""
    if value is None:
        return f"XX{unit}"
    sign = "-" if value < 0 else ""
    value = abs(value)
    for scale, word in ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
        if value >= scale:
            scaled = (value / scale).quantize(Decimal("0.01")).normalize()
            return f"{sign}{scaled:f}{word}{unit}"
    return f"{sign}{value.normalize():f}{unit}"


_OTHER_TOKEN = re.compile(r"[A-Za-z]+|\s+|.", re.S)


def tokenize(text: str) -> list[str]:
    """Characters for CJK, whole words for Latin, whole figures (24.92亿元, 30座, 3.27 亿元) for numbers.

    Figures are found by the grammar's own figure pattern in the folded text (so 30萬個 is one token
    like 30万个) and cut from the text as written, which has the same length.
    """
    folded = grammar.fold(text)
    tokens: list[str] = []
    at = 0
    for m in grammar.figure_re().finditer(folded):
        if m.end() == m.start():
            continue
        tokens.extend(_OTHER_TOKEN.findall(text, at, m.start()))
        tokens.append(text[m.start() : m.end()])
        at = m.end()
    tokens.extend(_OTHER_TOKEN.findall(text, at))
    return tokens


_SENTENCE = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』）)]*|\n+|$)")
# Above this many tokens on both sides of one replaced run, a character diff would go quadratic: the
# run is shown as deleted and inserted whole instead.
CHAR_DIFF_LIMIT = 4000
LCS_CELLS = 100_000_000  # a × b items diffed in one piece (the C diff keeps a bit per pair: 12 MB)


def sentences(text: str) -> list[str]:
    """Sentences with their closing punctuation (and line breaks as their own items)."""
    return [s for s in _SENTENCE.findall(text) if s]


def diff_text(a: str, b: str) -> tuple[tuple[tuple[DiffOp, str], ...], float]:
    """(op, text) spans turning a into b, and the share of characters that changed.

    Two levels keep long texts near-linear: unchanged sentences are matched whole first, and
    only the runs of sentences that differ are diffed token by token (characters for CJK,
    whole figures such as 24.92亿元).
    """
    sa, sb = sentences(a), sentences(b)
    ops: list[tuple[DiffOp, str]] = []
    pending_a: list[str] = []
    pending_b: list[str] = []
    for tag, chunk_a, chunk_b in _opcodes(sa, sb):
        if tag == "equal":
            # the sentences between two equal runs are diffed together, token by token
            ops.extend(_diff_tokens("".join(pending_a), "".join(pending_b)))
            pending_a, pending_b = [], []
            ops.append((DiffOp.EQUAL, "".join(chunk_a)))
        else:
            pending_a.extend(chunk_a)
            pending_b.extend(chunk_b)
    ops.extend(_diff_tokens("".join(pending_a), "".join(pending_b)))
    ops = _absorb_slivers([op for op in ops if op[1]])
    total = len(a) + len(b)
    changed = sum(len(t) for op, t in ops if op is not DiffOp.EQUAL)
    return tuple(ops), (changed / total if total else 0.0)


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, list[str], list[str]]]:
    """(tag, a items, b items) runs of a longest-common-subsequence diff, computed in C by rapidfuzz.

    Unlike difflib's SequenceMatcher it neither goes quadratic in Python on long inputs nor
    needs autojunk, which past 200 items silently stops frequent items from matching. Its memory is
    a bit per pair of items, so two long sequences (100,000 sentences a side: 1.2 GB) are first cut
    at the items each holds exactly once, in the same order (as patience diff does), and a stretch
    still too long with none is cut into proportional pieces.
    """
    if len(a) * len(b) <= LCS_CELLS:
        return _lcs(a, b)
    anchors = _unique_anchors(a, b)
    out: list[tuple[str, list[str], list[str]]] = []
    if anchors:
        i0 = j0 = 0
        for i, j in anchors:
            out += _opcodes(a[i0:i], b[j0:j])
            out.append(("equal", [a[i]], [b[j]]))
            i0, j0 = i + 1, j + 1
        out += _opcodes(a[i0:], b[j0:])
    else:
        pieces = math.ceil(math.sqrt(len(a) * len(b) / LCS_CELLS))
        for k in range(pieces):
            sa = slice(len(a) * k // pieces, len(a) * (k + 1) // pieces)
            sb = slice(len(b) * k // pieces, len(b) * (k + 1) // pieces)
            out += _lcs(a[sa], b[sb])
    return _merged(out)


def _lcs(a: list[str], b: list[str]) -> list[tuple[str, list[str], list[str]]]:
    if not a or not b:
        return [("delete", a, [])] if a else [("insert", [], b)] if b else []
    from rapidfuzz.distance import Indel

    return [(op.tag, a[op.src_start : op.src_end], b[op.dest_start : op.dest_end]) for op in Indel.opcodes(a, b)]


def _unique_anchors(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """Pairs (i, j) of items found exactly once in a and once in b, the longest run increasing in both."""
    count_a = Counter(a)
    count_b = Counter(b)
    where_b = {item: j for j, item in enumerate(b) if count_b[item] == 1}
    pairs = [(i, where_b[item]) for i, item in enumerate(a) if count_a[item] == 1 and item in where_b]
    # the longest increasing subsequence of the j's (patience sorting), in O(n log n)
    tails: list[int] = []  # tails[k]: index into pairs of the smallest tail of a run of length k + 1
    back: list[int] = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        k = _bisect_tails(pairs, tails, j)
        back[n] = tails[k - 1] if k else -1
        if k == len(tails):
            tails.append(n)
        else:
            tails[k] = n
    run: list[tuple[int, int]] = []
    n = tails[-1] if tails else -1
    while n >= 0:
        run.append(pairs[n])
        n = back[n]
    return run[::-1]


def _bisect_tails(pairs: list[tuple[int, int]], tails: list[int], j: int) -> int:
    lo, hi = 0, len(tails)
    while lo < hi:
        mid = (lo + hi) // 2
        if pairs[tails[mid]][1] < j:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _merged(ops: list[tuple[str, list[str], list[str]]]) -> list[tuple[str, list[str], list[str]]]:
    """Adjacent equal runs joined, and adjacent runs that are not equal joined into one."""
    runs: list[tuple[bool, list[str], list[str]]] = []
    for tag, xa, xb in ops:
        same = tag == "equal"
        if not xa and not xb:
            continue
        if runs and runs[-1][0] == same:
            runs[-1][1].extend(xa)
            runs[-1][2].extend(xb)
        else:
            runs.append((same, list(xa), list(xb)))
    return [
        ("equal" if same else "replace" if xa and xb else "delete" if xa else "insert", xa, xb) for same, xa, xb in runs
    ]


def _diff_tokens(a: str, b: str) -> list[tuple[DiffOp, str]]:
    if not a or not b:
        return [(op, text) for op, text in ((DiffOp.DELETE, a), (DiffOp.INSERT, b)) if text]
    ta, tb = tokenize(a), tokenize(b)
    if min(len(ta), len(tb)) > CHAR_DIFF_LIMIT:
        return [(DiffOp.DELETE, a), (DiffOp.INSERT, b)]
    ops: list[tuple[DiffOp, str]] = []
    for tag, chunk_a, chunk_b in _opcodes(ta, tb):
        if tag == "equal":
            ops.append((DiffOp.EQUAL, "".join(chunk_a)))
        if tag in ("delete", "replace"):
            ops.append((DiffOp.DELETE, "".join(chunk_a)))
        if tag in ("insert", "replace"):
            ops.append((DiffOp.INSERT, "".join(chunk_b)))
    return ops


def _absorb_slivers(ops: list[tuple[DiffOp, str]]) -> list[tuple[DiffOp, str]]:
    """Fold one- and two-character matches between edits into the edits, so rewrites read as rewrites."""
    merged: list[tuple[DiffOp, str]] = []
    for k, (op, text) in enumerate(ops):
        between_edits = 0 < k < len(ops) - 1 and ops[k - 1][0] is not DiffOp.EQUAL and ops[k + 1][0] is not DiffOp.EQUAL
        if op is DiffOp.EQUAL and len(text) <= 2 and between_edits:
            merged.append((DiffOp.DELETE, text))
            merged.append((DiffOp.INSERT, text))
        else:
            merged.append((op, text))
    out: list[tuple[DiffOp, str]] = []
    # regroup runs of edits as one delete then one insert
    pending_del: list[str] = []
    pending_ins: list[str] = []

    def flush() -> None:
        if pending_del:
            out.append((DiffOp.DELETE, "".join(pending_del)))
        if pending_ins:
            out.append((DiffOp.INSERT, "".join(pending_ins)))
        pending_del.clear()
        pending_ins.clear()

    for op, text in merged:
        if op is DiffOp.EQUAL:
            flush()
            out.append((op, text))
        elif op is DiffOp.DELETE:
            pending_del.append(text)
        else:
            pending_ins.append(text)
    flush()
    return out


# ---------------------------------------------------------------- sentence by sentence

# Likeness is rapidfuzz's ratio of characters, 0-100.
SPLICE = 0.5  # a changed sentence keeping under half its characters is shown whole, old then new
PAIRED = 30  # a removed and an added sentence of one stretch this alike are one sentence, changed
MOVED = 85  # a removed sentence this alike to one added elsewhere has moved (with an edit)
PAIR_CELLS = 400  # removed x added sentences of one stretch paired exactly; beyond, in a window
WINDOW = 8  # added sentences a removed one is compared with, in a stretch too long to pair exactly
MOVE_CELLS = 100_000  # fuzzy comparisons spent looking for moved sentences in one section
LONG_SENTENCE = 2_000  # a "sentence" this long (no stops) is compared by its characters' counts


def split_sentences(text: str) -> list[str]:
    """The sentences of a text, without line breaks or surrounding space; none spans a paragraph."""
    return [s for s in (raw.strip() for raw in sentences(text)) if s]


def sentence_changes(base_text: str, new_text: str) -> tuple[SentenceChange, ...]:
    """Every sentence of two texts, kept, changed, added, removed or moved, as the new text reads.

    Equal sentences are aligned first (a longest common subsequence of whole sentences). Between
    two kept runs, a removed sentence found added in another stretch, as it was or nearly, has
    moved; the rest pair, in order, with the added sentences of their own stretch that they
    resemble (changed), and a lone removed and a lone added sentence left between two pairs are
    one sentence rewritten. The fuzzy work is capped per stretch and per section, so the cost
    stays near-linear in the number of sentences.
    """
    a, b = split_sentences(base_text), split_sentences(new_text)
    runs: list[tuple[bool, range, range]] = []  # (kept, base indices, new indices)
    i = j = 0
    for tag, xa, xb in _merged(_opcodes(a, b)):  # a delete beside an insert: one stretch
        runs.append((tag == "equal", range(i, i + len(xa)), range(j, j + len(xb))))
        i, j = i + len(xa), j + len(xb)
    stretches = [(ra, rb) for kept, ra, rb in runs if not kept]
    moves: dict[int, int] = {}  # base index -> new index of a moved sentence
    _find_moves(a, b, stretches, moves)
    taken_b = set(moves.values())
    pairs: dict[int, int] = {}  # base index -> new index of a sentence changed in place
    scores: dict[int, float] = {}  # base index -> likeness to its pair, where pairing measured it
    for ra, rb in stretches:
        xs = [i for i in ra if i not in moves]
        ys = [j for j in rb if j not in taken_b]
        alike = []
        for x, y, score in _pair_alike([a[i] for i in xs], [b[j] for j in ys]):
            alike.append((xs[x], ys[y]))
            scores[xs[x]] = score
        pairs.update(alike)
        pairs.update(_rewrites(ra, rb, alike, moves, taken_b))
    return tuple(_assemble(a, b, runs, pairs, moves, scores))


def _likeness(x: str, y: str, cutoff: float = 0) -> float:
    """How alike two sentences are, 0-100 (their characters' ratio); counts alone for huge ones."""
    from rapidfuzz import fuzz

    if len(x) > LONG_SENTENCE or len(y) > LONG_SENTENCE:
        common = sum((Counter(x) & Counter(y)).values())
        score = 200 * common / (len(x) + len(y))
        return score if score >= cutoff else 0.0
    return fuzz.ratio(x, y, score_cutoff=cutoff)


_DIGITS = str.maketrans("123456789", "000000000")


def _find_moves(a: list[str], b: list[str], stretches: list[tuple[range, range]], moves: dict[int, int]) -> None:
    """Removed sentences added in another stretch: the same text, the same but for its digits, or
    at least MOVED alike (while the comparisons stay under MOVE_CELLS)."""
    from rapidfuzz import fuzz, process

    stretch_of = {j: k for k, (_, rb) in enumerate(stretches) for j in rb}
    left_a = [(k, i) for k, (ra, _) in enumerate(stretches) for i in ra]
    left_b = {j: b[j] for _, rb in stretches for j in rb}
    for key in (str, lambda s: s.translate(_DIGITS)):
        where: dict[str, deque[int]] = {}
        for j, text in left_b.items():
            where.setdefault(key(text), deque()).append(j)
        rest = []
        for k, i in left_a:
            queue = where.get(key(a[i]))
            # a same-stretch hit is a sentence edited in place (pairing handles it), not moved
            if queue and (key is str or stretch_of[queue[0]] != k):
                j = queue.popleft()
                moves[i] = j
                del left_b[j]
            else:
                rest.append((k, i))
        left_a = rest
    choices = {j: text for j, text in left_b.items() if len(text) <= LONG_SENTENCE}
    if len(left_a) * len(choices) > MOVE_CELLS:
        return
    for k, i in left_a:
        if not choices or len(a[i]) > LONG_SENTENCE:
            continue
        hit = process.extractOne(a[i], choices, scorer=fuzz.ratio, score_cutoff=MOVED)
        if hit is not None and stretch_of[hit[2]] != k:
            moves[i] = hit[2]
            del choices[hit[2]]


def _pair_alike(xs: list[str], ys: list[str]) -> list[tuple[int, int, float]]:
    """Pairs (x, y, likeness), increasing in x and y, of sentences at least PAIRED alike: the
    pairing of most total likeness for a short stretch; for a long one, each x takes the next y
    when it is MOVED alike, else the likest of the next WINDOW ys."""
    if not xs or not ys:
        return []
    out: list[tuple[int, int, float]] = []
    if len(xs) * len(ys) > PAIR_CELLS:
        from rapidfuzz import fuzz, process

        start = 0
        for x, text in enumerate(xs):
            if start >= len(ys):
                break
            score = _likeness(text, ys[start], PAIRED)
            y = start
            if score < MOVED:
                window = {k: ys[k] for k in range(start, min(len(ys), start + WINDOW)) if len(ys[k]) <= LONG_SENTENCE}
                hit = None if len(text) > LONG_SENTENCE else process.extractOne(text, window, scorer=fuzz.ratio)
                if hit is not None and hit[1] > score:
                    score, y = hit[1], hit[2]
            if score >= PAIRED:
                out.append((x, y, score))
                start = y + 1
        return out
    n, m = len(xs), len(ys)
    like = [[_likeness(x, y, PAIRED) for y in ys] for x in xs]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for x in range(n):
        for y in range(m):
            take = best[x][y] + like[x][y] if like[x][y] >= PAIRED else 0.0
            best[x + 1][y + 1] = max(best[x][y + 1], best[x + 1][y], take)
    x, y = n, m
    while x and y:
        if best[x][y] == best[x - 1][y]:
            x -= 1
        elif best[x][y] == best[x][y - 1]:
            y -= 1
        else:
            out.append((x - 1, y - 1, like[x - 1][y - 1]))
            x, y = x - 1, y - 1
    return out[::-1]


def _rewrites(
    ra: range, rb: range, alike: list[tuple[int, int]], moves: dict[int, int], taken_b: set[int]
) -> list[tuple[int, int]]:
    """Between two pairs of a stretch (or its ends), one removed and one added sentence left alone:
    the same sentence rewritten."""
    out: list[tuple[int, int]] = []
    pi, pj = ra.start, rb.start
    for i, j in [*alike, (ra.stop, rb.stop)]:
        xs = [k for k in range(pi, i) if k not in moves]
        ys = [k for k in range(pj, j) if k not in taken_b]
        if len(xs) == len(ys) == 1:
            out.append((xs[0], ys[0]))
        pi, pj = i + 1, j + 1
    return out


def _assemble(
    a: list[str],
    b: list[str],
    runs: list[tuple[bool, range, range]],
    pairs: dict[int, int],
    moves: dict[int, int],
    scores: dict[int, float],
) -> list[SentenceChange]:
    """The changes in reading order: in each stretch, before each pair, what was removed (or moved
    away) before it, then what was added (or moved in), then the pair itself."""
    moved_from = {j: i for i, j in moves.items()}
    out: list[SentenceChange] = []
    for kept, ra, rb in runs:
        if kept:
            out.extend(SentenceChange(SentenceKind.KEPT, a[i], a[i], ((DiffOp.EQUAL, a[i]),)) for i in ra)
            continue
        pi, pj = ra.start, rb.start
        for i, j in [*sorted((i, pairs[i]) for i in ra if i in pairs), (ra.stop, rb.stop)]:
            for k in range(pi, i):
                kind = SentenceKind.MOVED if k in moves else SentenceKind.REMOVED
                out.append(SentenceChange(kind, a[k], "", ((DiffOp.DELETE, a[k]),)))
            for k in range(pj, j):
                if k in moved_from:
                    old = a[moved_from[k]]
                    ops = ((DiffOp.EQUAL, old),) if old == b[k] else _changed(old, b[k]).ops
                    out.append(SentenceChange(SentenceKind.MOVED, "", b[k], ops))
                else:
                    out.append(SentenceChange(SentenceKind.ADDED, "", b[k], ((DiffOp.INSERT, b[k]),)))
            if i < ra.stop:
                out.append(_changed(a[i], b[j], scores.get(i)))
            pi, pj = i + 1, j + 1
    return out


def _changed(x: str, y: str, likeness: float | None = None) -> SentenceChange:
    """x edited into y: the token diff, or old and new whole when they share under SPLICE."""
    whole = SentenceChange(SentenceKind.CHANGED, x, y, ((DiffOp.DELETE, x), (DiffOp.INSERT, y)), True)
    if (_likeness(x, y) if likeness is None else likeness) < SPLICE * 100:
        return whole
    ops = tuple(_absorb_slivers([op for op in _diff_tokens(x, y) if op[1]]))
    return SentenceChange(SentenceKind.CHANGED, x, y, ops) if any(op is DiffOp.EQUAL for op, _ in ops) else whole


def diff_sections(matches: list[SectionMatch]) -> dict[tuple[str, str], TextDiff]:
    """A text diff for every paired section, keyed by (base id, new id), sentence by sentence
    for a section whose text changed."""
    out: dict[tuple[str, str], TextDiff] = {}
    for m in matches:
        if m.base is None or m.new is None:
            continue
        a, b = m.base.text, m.new.text
        ops, change = diff_text(a, b)
        changes = sentence_changes(a, b) if a != b else ()
        out[(m.base.id, m.new.id)] = TextDiff(m.base.id, m.new.id, ops, round(change, 3), changes)
    return out
