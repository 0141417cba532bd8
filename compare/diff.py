"""diff.py: numeric deltas between paired metrics, and CJK-aware text diffs of paired sections.

Owns the arithmetic of a change (exact Decimals, ranges for approximate figures) and the
tokenizer that diffs Chinese by character while keeping a figure such as 24.92亿元 whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from .model import Metric, Qualifier, TextDiff

if TYPE_CHECKING:
    from .model import SectionMatch

# A figure with its scale, unit and qualifiers is one token; so is a Latin word; CJK is per character.
_TOKEN = re.compile(
    r"(?:超过|突破|约|近)?\d[\d,]*(?:\.\d+)?(?:余|餘|多)?(?:万亿|萬億|亿|億|万|萬|千)?(?:余|餘|多)?"
    r"(?:个百分点|人次|件次|亿元|万元|元|人|名|个|家|次|件|户|项|%)?(?:以上|以下|左右)?"
    r"|[Xx×]{2,4}(?:万|亿)?[元人个次]*|[A-Za-z]+|\s+|."
)


@dataclass(frozen=True)
class Delta:
    delta: Decimal
    pct: Decimal | None
    low: Decimal | None
    high: Decimal | None
    proven: bool
    note: str


def _step(value: Decimal) -> Decimal:
    """The place value of the stated number's last significant digit: 2300余万 and 三百多万 -> 100万."""
    if value == 0:
        return Decimal(0)
    return Decimal(10) ** int(value.normalize().as_tuple().exponent)


def bounds(m: Metric) -> tuple[Decimal | None, Decimal | None]:
    """The interval a stated figure allows: 2300余万 is [2300万, 2400万), 超过1230万 is (1230万, ∞)."""
    assert m.value is not None
    v = m.value
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


def metric_delta(a: Metric, b: Metric) -> Delta | None:
    """new - base, its percent, and when a qualifier makes either approximate, the possible range."""
    if a.value is None or b.value is None:
        return None
    delta = b.value - a.value
    pct = (delta / a.value * 100).quantize(Decimal("0.1")) if a.value else None
    a_lo, a_hi = bounds(a)
    b_lo, b_hi = bounds(b)
    low = b_lo - a_hi if b_lo is not None and a_hi is not None else None
    high = b_hi - a_lo if b_hi is not None and a_lo is not None else None
    proven = (low is not None and low > 0) or (high is not None and high < 0) or (low == high == 0)
    if a.qualifier is Qualifier.EXACT and b.qualifier is Qualifier.EXACT:
        return Delta(delta, pct, delta, delta, True, "")
    lo_s = "-∞" if low is None else ("+" if low >= 0 else "") + short_value(low)
    hi_s = "+∞" if high is None else ("+" if high >= 0 else "") + short_value(high)
    note = f"approximate ({a.raw} → {b.raw}): change between {lo_s} and {hi_s}"
    if not proven:
        note += ", direction not proven"
    return Delta(delta, pct, low, high, proven, note)


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


def tokenize(text: str) -> list[str]:
    """Characters for CJK, whole words for Latin, whole figures (24.92亿元) for numbers."""
    return _TOKEN.findall(text)


_SENTENCE = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』）)]*|\n+|$)")
# Above this many tokens on both sides of one replaced run, a character diff would go quadratic: the
# run is shown as deleted and inserted whole instead.
CHAR_DIFF_LIMIT = 4000


def sentences(text: str) -> list[str]:
    """Sentences with their closing punctuation (and line breaks as their own items)."""
    return [s for s in _SENTENCE.findall(text) if s]


def diff_text(a: str, b: str) -> tuple[tuple[tuple[str, str], ...], float]:
    """(op, text) spans turning a into b, and the share of characters that changed.

    Two levels keep long texts near-linear: unchanged sentences are matched whole first, and
    only the runs of sentences that differ are diffed token by token (characters for CJK,
    whole figures such as 24.92亿元).
    """
    sa, sb = sentences(a), sentences(b)
    ops: list[tuple[str, str]] = []
    pending_a: list[str] = []
    pending_b: list[str] = []
    for tag, chunk_a, chunk_b in _opcodes(sa, sb):
        if tag == "equal":
            # the sentences between two equal runs are diffed together, token by token
            ops.extend(_diff_tokens("".join(pending_a), "".join(pending_b)))
            pending_a, pending_b = [], []
            ops.append(("equal", "".join(chunk_a)))
        else:
            pending_a.extend(chunk_a)
            pending_b.extend(chunk_b)
    ops.extend(_diff_tokens("".join(pending_a), "".join(pending_b)))
    ops = _absorb_slivers([op for op in ops if op[1]])
    total = len(a) + len(b)
    changed = sum(len(t) for op, t in ops if op != "equal")
    return tuple(ops), (changed / total if total else 0.0)


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, list[str], list[str]]]:
    """(tag, a items, b items) runs of a longest-common-subsequence diff, computed in C by rapidfuzz.

    Unlike difflib's SequenceMatcher it neither goes quadratic in Python on long inputs nor
    needs autojunk, which past 200 items silently stops frequent items from matching.
    """
    from rapidfuzz.distance import Indel

    return [(op.tag, a[op.src_start : op.src_end], b[op.dest_start : op.dest_end]) for op in Indel.opcodes(a, b)]


def _diff_tokens(a: str, b: str) -> list[tuple[str, str]]:
    if not a or not b:
        return [(op, text) for op, text in (("delete", a), ("insert", b)) if text]
    ta, tb = tokenize(a), tokenize(b)
    if min(len(ta), len(tb)) > CHAR_DIFF_LIMIT:
        return [("delete", a), ("insert", b)]
    ops: list[tuple[str, str]] = []
    for tag, chunk_a, chunk_b in _opcodes(ta, tb):
        if tag == "equal":
            ops.append(("equal", "".join(chunk_a)))
        if tag in ("delete", "replace"):
            ops.append(("delete", "".join(chunk_a)))
        if tag in ("insert", "replace"):
            ops.append(("insert", "".join(chunk_b)))
    return ops


def _absorb_slivers(ops: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Fold one- and two-character matches between edits into the edits, so rewrites read as rewrites."""
    merged: list[tuple[str, str]] = []
    for k, (op, text) in enumerate(ops):
        between_edits = 0 < k < len(ops) - 1 and ops[k - 1][0] != "equal" and ops[k + 1][0] != "equal"
        if op == "equal" and len(text) <= 2 and between_edits:
            merged.append(("delete", text))
            merged.append(("insert", text))
        else:
            merged.append((op, text))
    out: list[tuple[str, str]] = []
    # regroup runs of edits as one delete then one insert
    pending_del: list[str] = []
    pending_ins: list[str] = []
    for op, text in merged:
        if op == "equal":
            if pending_del:
                out.append(("delete", "".join(pending_del)))
            if pending_ins:
                out.append(("insert", "".join(pending_ins)))
            pending_del, pending_ins = [], []
            out.append((op, text))
        elif op == "delete":
            pending_del.append(text)
        else:
            pending_ins.append(text)
    if pending_del:
        out.append(("delete", "".join(pending_del)))
    if pending_ins:
        out.append(("insert", "".join(pending_ins)))
    return out


def diff_sections(matches: list[SectionMatch]) -> dict[tuple[str, str], TextDiff]:
    """A text diff for every paired section, keyed by (base id, new id)."""
    out: dict[tuple[str, str], TextDiff] = {}
    for m in matches:
        if m.base is None or m.new is None:
            continue
        ops, change = diff_text(m.base.text, m.new.text)
        out[(m.base.id, m.new.id)] = TextDiff(m.base.id, m.new.id, ops, round(change, 3))
    return out
