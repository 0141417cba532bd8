"""metrics.py: pairing figures across two reports by what they measure, with the evidence for each pair.

Two figures are compared through their keys (see MetricKey), never their raw labels. Rules block a
pair outright: another kind (a growth rate is no level), another unit group (元 is no 人), another
period (a restated earlier year is not this year), contradicting scope words (城镇 against 农村), a
per-capita figure against a total, a [[forbid]]. Otherwise the score is the likeness of the two
measure phrases plus evidence: aligned sections, shared scope, a stated growth that agrees with the
two levels, a parent already paired, the sentence around it. Pairing is one-to-one, in two rounds:
the figures that name their own measure first, then the changes and shares that speak of them.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from rapidfuzz import fuzz

from .. import grammar
from ..config import Config
from ..diff import metric_delta
from ..errors import ConfigError
from ..model import (
    Candidate,
    CandidateStatus,
    Delta,
    Metric,
    MetricChange,
    MetricKey,
    MetricKind,
    MetricStatus,
    Qualifier,
    Report,
    SectionMatch,
)
from .overrides import overrides
from .solver import assign, greedy

HUNGARIAN_MAX = 120  # beyond this many figures in a block, greedy best-first pairing
PREFILTER = 40  # measure likeness a pair needs to be scored in full on the large-block route
CANDIDATES = 8  # best candidates kept per figure on that route
RAREST = 8  # on that route, a figure's measure looks for candidates through its rarest bigrams
WINDOW = 512  # a bigram shared by more figures than this offers only the nearest in place
EXPLAIN_MAX = 250_000  # figure pairs beyond which rules are not checked across blocks, for --explain
_SCALE_JUMP = Decimal(5)  # a year-over-year ratio beyond 5x is more likely another figure
_MONTH = re.compile(r"^\d{1,2}月$")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")  # a number inside a measure: 20亿元以上项目 is not 亿元以上项目


def units_compatible(a: str, b: str) -> tuple[bool, str | None]:
    """(may pair, warning): 元 never with 人; 人 with 人次 only with a warning that the measure changed."""
    ua, ub = grammar.unit_info(a), grammar.unit_info(b)
    if ua.family == ub.family:
        return True, None
    if ua.group == ub.group:
        return True, f"{a or 'no unit'} vs {b or 'no unit'}: different measures, not comparable as a change"
    return False, None


def measure_score(a: str, b: str) -> float:
    """Likeness of two measure phrases, 0-100; containment counts only for phrases of 4+ characters.

    A short phrase such as 快递员 sits inside many long ones, so its partial match says little.
    """
    if not a or not b:
        return 0.0
    ratio = fuzz.ratio(a, b)
    if min(len(a), len(b)) < 4:
        return ratio
    return 0.6 * ratio + 0.4 * fuzz.partial_ratio(a, b)


def label_score(a: str, b: str) -> float:
    """Likeness of two labels as a reader sees them (script folded)."""
    return measure_score(grammar.fold(a), grammar.fold(b))


def contradiction(a: Metric, b: Metric) -> str | None:
    """The rule that keeps two figures apart, or None: kind, unit, period, scope, per-capita."""
    ta, tb = traits(a), traits(b)
    return None if ta is None or tb is None else clash(ta, tb)


@dataclass(frozen=True, slots=True)
class Traits:
    """What the rules that keep figures apart look at, read once from a figure's key."""

    kind: str
    unit: str
    group: str
    period: str
    term: int
    flags: tuple[bool, bool, bool, bool]  # 人均, 里程碑, 多年 and an adjusted basis (实际, 可比) in its scope
    numbers: tuple[str, ...]  # the numbers its measure names, in order
    number_set: tuple[str, ...]  # the same, sorted
    contrasts: dict[int, frozenset[str]]  # contradicting scope words, by set
    times: tuple[str, ...]  # its parts of the year
    months: bool  # every part of the year it names is a month


def traits(m: Metric) -> Traits | None:
    key = m.key
    if key is None:
        return None
    return _traits(m, key, tuple(_NUMBER.findall(key.measure)), _contrasts(key.measure + "".join(key.scope)))


def _traits(
    m: Metric, key: MetricKey, numbers: tuple[str, ...], contrasts: tuple[tuple[int, frozenset[str]], ...]
) -> Traits:
    times = tuple(t for t in key.scope if _is_time(t))
    return Traits(
        key.kind,
        m.unit,
        grammar.unit_group(m.unit),
        key.period,
        key.term,
        ("人均" in key.scope, "里程碑" in key.scope, "多年" in key.scope, "实际" in key.scope or "可比" in key.scope),
        numbers,
        tuple(sorted(numbers)),
        dict(contrasts),
        times,
        all(_MONTH.match(t) for t in times),
    )


def clash(ta: Traits, tb: Traits) -> str | None:
    """contradiction() on two figures' traits."""
    if ta.kind != tb.kind:
        return f"kind: {ta.kind} vs {tb.kind}"
    if ta.group != tb.group:
        return f"unit: {ta.unit or 'none'} vs {tb.unit or 'none'}"
    if ta.period != tb.period:
        return f"period: {_period_text(ta.period)} vs {_period_text(tb.period)}"
    if ta.term and tb.term and ta.term != tb.term:
        return f"place in the list: {ta.term} vs {tb.term}"
    if ta.flags != tb.flags:
        if ta.flags[0] != tb.flags[0]:
            return "scope: per-capita vs total"
        if ta.flags[1] != tb.flags[1]:
            return "scope: a milestone passed (突破…) vs the measure's figure"
        if ta.flags[2] != tb.flags[2]:
            return "scope: a claim over several years vs one year's figure"
        return "scope: growth on an adjusted basis (实际, 可比) vs as reported"
    if ta.number_set != tb.number_set:
        return f"scope: the measures name other numbers ({''.join(ta.numbers) or '-'} vs {''.join(tb.numbers) or '-'})"
    if ta.contrasts and tb.contrasts:
        for k, in_a in ta.contrasts.items():
            in_b = tb.contrasts.get(k)
            if in_b and in_a.isdisjoint(in_b):
                return f"scope: {'/'.join(sorted(in_a))} vs {'/'.join(sorted(in_b))}"
    if ta.times and tb.times and set(ta.times).isdisjoint(tb.times) and not (ta.months and tb.months):
        return f"period of the year: {'/'.join(ta.times)} vs {'/'.join(tb.times)}"
    return None


@functools.lru_cache(maxsize=65536)
def _contrasts(text: str) -> tuple[tuple[int, frozenset[str]], ...]:
    """(set, words) for each set of contradicting scope words a measure names; most measures name none."""
    out = []
    for k, words in enumerate(grammar.contrast_sets()):
        found = frozenset(w for w in words if w in text)
        if found:
            out.append((k, found))
    return tuple(out)


def with_key(m: Metric) -> Metric:
    """A figure built without a key (by hand, by another tool) gets one from its label."""
    from ..extract.measure import key_measure

    family = grammar.unit_family(m.unit)
    key = MetricKey(key_measure(grammar.fold(m.label)), kind=m.kind.value, family=family)
    return replace(m, key=key, unit_family=m.unit_family or family)


def block_key(m: Metric) -> tuple[str, str, str]:
    """The block a figure is scored in: only figures of one kind, unit group and period meet."""
    key = m.key
    return (key.kind if key else m.kind.value, grammar.unit_group(m.unit), key.period if key else "own")


def _is_time(tag: str) -> bool:
    return tag in ("全年", "上半年", "下半年", "一季度", "二季度", "三季度", "四季度", "前三季度") or bool(
        _MONTH.match(tag)
    )


def _period_text(period: str) -> str:
    return {"own": "the report's own year"}.get(period, f"year {period}" if not period.startswith("+") else period)


@dataclass
class _Side:
    """One report's figures with what scoring needs, read once per figure rather than once per pair."""

    report: Report
    metrics: list[Metric]
    children: dict[str, list[Metric]] = field(default_factory=dict)
    context: dict[int, str] = field(default_factory=dict)
    index: dict[str, int] = field(default_factory=dict)
    traits: list[Traits | None] = field(default_factory=list)
    scopes: list[frozenset[str]] = field(default_factory=list)
    units: list[grammar.Unit] = field(default_factory=list)
    positions: list[float] = field(default_factory=list)

    @classmethod
    def of(cls, report: Report) -> _Side:
        side = cls(report, [m if m.key is not None else with_key(m) for m in report.metrics])
        side.index = {m.id: k for k, m in enumerate(side.metrics)}
        for m in side.metrics:
            if m.parent:
                side.children.setdefault(m.parent, []).append(m)
        length = max(1, len(report.text))
        # figures alike in kind, unit, period and scope share one record of traits: memory stays small
        shared: dict[tuple[object, ...], Traits] = {}
        scopes: dict[tuple[str, ...], frozenset[str]] = {}
        for m in side.metrics:
            key = m.key
            if key is None:
                side.traits.append(None)
                side.scopes.append(frozenset())
                continue
            numbers, contrasts = tuple(_NUMBER.findall(key.measure)), _contrasts(key.measure + "".join(key.scope))
            alike = (key.kind, m.unit, key.period, key.term, key.scope, numbers, contrasts)
            found = shared.get(alike)
            if found is None:
                found = shared[alike] = _traits(m, key, numbers, contrasts)
            side.traits.append(found)
            side.scopes.append(scopes.setdefault(key.scope, frozenset(key.scope)))
        side.units = [grammar.unit_info(m.unit) for m in side.metrics]
        side.positions = [m.start / length for m in side.metrics]
        return side

    def sentence(self, k: int) -> str:
        """The sentence around figure k, folded, with its figures taken out: the words that frame it."""
        found = self.context.get(k)
        if found is None:
            found = self.context[k] = re.sub(r"[\d.,%‰]+", "", grammar.fold(self.metrics[k].sentence))
        return found

    def parent_of(self, k: int) -> int | None:
        parent = self.metrics[k].parent
        return self.index.get(parent) if parent else None


@dataclass
class _Pairing:
    base: _Side
    new: _Side
    section_pair: dict[str, str]
    config: Config
    forbidden: set[tuple[int, int]]
    parents: dict[str, str] = field(default_factory=dict)  # base id -> new id of the first round
    paired_new: set[str] = field(default_factory=set)  # the new ids in parents

    def blocked(self, i: int, j: int) -> str | None:
        """The rule that keeps base figure i from new figure j, if any."""
        if (i, j) in self.forbidden:
            return "[[forbid]] in compare.toml"
        ta, tb = self.base.traits[i], self.new.traits[j]
        if ta is None or tb is None:
            return None
        rule = clash(ta, tb)
        if rule is None:
            pi, pj = self.base.parent_of(i), self.new.parent_of(j)
            if pi is not None and pj is not None:
                ta, tb = self.base.traits[pi], self.new.traits[pj]
                why = clash(ta, tb) if ta is not None and tb is not None else None
                if why is not None:
                    rule = f"they speak of figures that cannot pair ({why})"
        return rule

    def evidence(self, i: int, j: int) -> tuple[float, list[tuple[str, float]]]:
        """The score of base figure i with new figure j and the evidence behind it, for and against (see reason())."""
        a, b = self.base.metrics[i], self.new.metrics[j]
        ka, kb = a.key, b.key
        measure = measure_score(ka.measure if ka else "", kb.measure if kb else "")
        score, parts = measure, [("measure", measure)]
        if self.section_pair.get(a.section) == b.section:
            score += 10
            parts.append(("aligned sections", 10))
        if (ka and ka.borrowed) or (kb and kb.borrowed):
            score -= 10
            parts.append(("measure borrowed from the clause before", -10))
            if measure < 85:  # words borrowed from a neighbour name the occasion, not the figure: they must agree
                score -= 25
                parts.append(("borrowed measures differ", -25))
        scope_a, scope_b = self.base.scopes[i], self.new.scopes[j]
        if scope_a or scope_b:
            shared = scope_a & scope_b
            alone = scope_a ^ scope_b
            if shared:
                score += 5 * len(shared)
                parts.append((f"same scope {'/'.join(sorted(shared))}", 5 * len(shared)))
            if alone:
                score -= 5 * len(alone)
                parts.append((f"scope only on one side {'/'.join(sorted(alone))}", -5 * len(alone)))
        fa, fb = self.base.units[i], self.new.units[j]
        if fa.family != fb.family:
            score -= 10
            parts.append((f"{a.unit or 'no unit'} vs {b.unit or 'no unit'}", -10))
        elif a.unit != b.unit:
            score -= 5
            parts.append((f"unit {a.unit} vs {b.unit}", -5))
        if bool(a.parent) != bool(b.parent) and measure < 80:
            score -= 25
            parts.append(("one speaks of a figure before it, the other stands alone", -25))
        if a.parent and b.parent:
            if self.parents.get(a.parent) == b.parent:
                score += 20
                parts.append(("speaks of paired figures", 20))
            elif a.parent in self.parents or b.parent in self.paired_new:
                score -= 15
                parts.append(("the figures they speak of pair elsewhere", -15))
        if a.value and b.value and a.kind in (MetricKind.LEVEL, MetricKind.PER_CAPITA) and a.value > 0 < b.value:
            ratio = (
                b.value * (fb.factor or 1) / (a.value * (fa.factor or 1))
                if fa.family == fb.family
                else b.value / a.value
            )
            if not (1 / _SCALE_JUMP <= ratio <= _SCALE_JUMP):
                score -= 20
                parts.append(("values differ over 5x", -20))
            agree = self._stated_change(a, b)
            if agree is not None:
                points: float = 15 if agree else -20
                score += points
                parts.append(("stated change agrees" if agree else "stated change contradicts", points))
        points = fuzz.ratio(self.base.sentence(i), self.new.sentence(j)) / 10
        score += points
        parts.append(("sentence", points))
        points = -5 * abs(self.base.positions[i] - self.new.positions[j])
        score += points
        parts.append(("position", points))
        return score, parts

    def _stated_change(self, a: Metric, b: Metric) -> bool | None:
        """Does the new report's stated change (增长8.7%, 增加3.1万吨) agree with the two levels?

        None when it states none. Bases get revised and real growth differs from nominal, so only a
        wide disagreement counts against a pair.
        """
        assert a.value is not None and b.value is not None
        verdict: bool | None = None
        for child in self.new.children.get(b.id, ()):
            stated = child.signed
            if child.kind is not MetricKind.CHANGE or stated is None or child.qualifier is not Qualifier.EXACT:
                continue
            if child.key is not None and {"常年", "多年"} & set(child.key.scope):
                continue  # 比常年偏多9.2%, 年均增长: not a change from last year's level
            if child.unit == "%":
                implied = (b.value / a.value - 1) * 100
                tolerance = max(Decimal("0.5"), abs(stated) / 10)
            elif grammar.unit_family(child.unit) == grammar.unit_family(b.unit) and a.unit == b.unit:
                implied = b.value - a.value
                tolerance = max(abs(stated) / 10, abs(b.value) / 200)
            else:
                continue
            gap = abs(implied - stated)
            if gap <= tolerance:
                return True
            # what the stated change predicts, against what the new report states: 1.5x apart is no revision
            predicted = a.value * (1 + stated / 100) if child.unit == "%" else a.value + stated
            if predicted > 0 and not (Decimal(2) / 3 <= b.value / predicted <= Decimal(3) / 2):
                verdict = False
        return verdict


def align_metrics(base: Report, new: Report, sections: list[SectionMatch], config: Config) -> list[MetricChange]:
    """Pair the figures of two reports one to one; classify each pair and compute its change."""
    bside, nside = _Side.of(base), _Side.of(new)
    bm, nm = bside.metrics, nside.metrics
    pinned, forbidden = overrides(config, "metric", bm, nm, lambda m: (m.id, m.label))
    for i, j in pinned:
        if not units_compatible(bm[i].unit, nm[j].unit)[0]:
            raise ConfigError(
                f"{config.path}: a [[pin]] pairs {bm[i].label} ({bm[i].raw}) with {nm[j].label} ({nm[j].raw}): "
                f"{bm[i].unit or 'no unit'} and {nm[j].unit or 'no unit'} are different measures"
            )
    section_pair = {m.base.id: m.new.id for m in sections if m.base and m.new}
    pairing = _Pairing(bside, nside, section_pair, config, set(forbidden))
    pairs: dict[int, tuple[int, float, str]] = {i: (j, 100.0, "pinned in compare.toml") for i, j in pinned}
    scored: dict[tuple[int, int], float] = {}
    # first the figures that name their own measure, then everything left (the changes and shares
    # that speak of them, and any figure of the first round still unpaired: a growth rate stated
    # with its level one year and alone the next)
    heads = ([i for i, m in enumerate(bm) if not m.parent], [j for j, m in enumerate(nm) if not m.parent])
    everything = (list(range(len(bm))), list(range(len(nm))))
    for rows, cols in (heads, everything):
        taken_new = {j for j, _, _ in pairs.values()}
        rows = [i for i in rows if i not in pairs]
        cols = [j for j in cols if j not in taken_new]
        for i, (j, score, why) in _pair_round(pairing, rows, cols, scored).items():
            pairs[i] = (j, score, why)
        pairing.parents = {bm[i].id: nm[j].id for i, (j, _, _) in pairs.items()}
        pairing.paired_new = set(pairing.parents.values())

    changes: list[MetricChange] = []
    paired_new = {j: i for i, (j, _, _) in pairs.items()}
    explain = _Explainer(pairing, pairs, paired_new, scored)
    for i, m in enumerate(bm):
        if i in pairs:
            j, score, why = pairs[i]
            changes.append(_change(m, nm[j], score, why, explain.for_base(i, exclude=j)))
        else:
            candidates = explain.for_base(i)
            changes.append(
                MetricChange(
                    MetricStatus.MISSING, m, None, 0.0, explain.reason(candidates, "new"), candidates=candidates
                )
            )
    for j, m in enumerate(nm):
        if j not in paired_new:
            status = MetricStatus.PENDING if m.qualifier is Qualifier.PLACEHOLDER else MetricStatus.NEW
            candidates = explain.for_new(j)
            changes.append(
                MetricChange(status, None, m, 0.0, explain.reason(candidates, "base"), candidates=candidates)
            )
    return changes


def _pair_round(
    pairing: _Pairing, rows: list[int], cols: list[int], scored: dict[tuple[int, int], float]
) -> dict[int, tuple[int, float, str]]:
    """One round of one-to-one pairing, block by block (kind, unit group, period): {base: (new, score, why)}."""
    bm, nm = pairing.base.metrics, pairing.new.metrics
    cutoff = pairing.config.cutoffs.metric
    blocks: dict[tuple[str, str, str], tuple[list[int], list[int]]] = {}
    for i in rows:
        blocks.setdefault(block_key(bm[i]), ([], []))[0].append(i)
    for j in cols:
        blocks.setdefault(block_key(nm[j]), ([], []))[1].append(j)
    chosen: dict[int, tuple[int, float, str]] = {}
    for key in sorted(blocks):
        brows, bcols = blocks[key]
        if not brows or not bcols:
            continue
        if len(brows) <= HUNGARIAN_MAX and len(bcols) <= HUNGARIAN_MAX:
            candidates: Iterable[tuple[int, int]] = ((i, j) for i in brows for j in bcols)
        else:
            candidates = _large_block_candidates(pairing, brows, bcols)
        score_of: dict[tuple[int, int], float] = {}
        evidence_of: dict[tuple[int, int], list[tuple[str, float]]] = {}
        for i, j in candidates:
            if pairing.blocked(i, j) is not None:
                continue
            score, evidence = pairing.evidence(i, j)
            score_of[(i, j)] = score
            if score >= cutoff:  # only these can pair; the rest need no reason kept
                evidence_of[(i, j)] = evidence
        scored.update(score_of)
        if len(brows) <= HUNGARIAN_MAX and len(bcols) <= HUNGARIAN_MAX:
            # the assignment weighs each pair by the square of its margin over the cutoff, so one
            # clear pair is not traded for two doubtful ones that add up to more
            matrix = [[_weight(score_of.get((i, j), -1.0), cutoff) for j in bcols] for i in brows]
            pairs = [(brows[a], bcols[b]) for a, b in assign(matrix, 1.0)]
        else:
            pairs = greedy(score_of, cutoff)
        for i, j in pairs:
            chosen[i] = (j, round(min(score_of[(i, j)], 100.0), 1), reason(evidence_of[(i, j)]))
    return chosen


def reason(parts: list[tuple[str, float]]) -> str:
    """The evidence of a pair as one line: measure 100, aligned sections +10, …"""
    first, *rest = parts
    return ", ".join([f"{first[0]} {first[1]:.0f}", *(f"{why} {points:+.0f}" for why, points in rest)])


def _weight(score: float, cutoff: float) -> float:
    return (score - cutoff + 1) ** 2 if score >= cutoff else 0.0


def _large_block_candidates(pairing: _Pairing, rows: list[int], cols: list[int]) -> list[tuple[int, int]]:
    """Pairs worth scoring in a block too big to score every pair: same measure first, then C-speed likeness.

    Most figures keep their measure from one year to the next, so a dict lookup pairs them; the rest
    get their few best candidates by rapidfuzz's ratio (looped in C). Memory stays proportional to
    the figures, not to their pairs.
    """
    from rapidfuzz import process

    bm, nm = pairing.base.metrics, pairing.new.metrics
    out: list[tuple[int, int]] = []
    by_measure: dict[str, list[int]] = {}
    for j in cols:
        by_measure.setdefault(_measure(nm[j]), []).append(j)
    where = {m: [pairing.new.positions[j] for j in js] for m, js in by_measure.items()}
    exact_cols: set[int] = set()
    rest_rows = []
    for i in rows:
        measure = _measure(bm[i])
        same = by_measure.get(measure, [])
        if len(same) > CANDIDATES:
            # one measure stated many times (a table-like paragraph): the nearest in place are the candidates
            k = bisect.bisect_left(where[measure], pairing.base.positions[i])
            same = same[max(0, k - CANDIDATES // 2) : k + CANDIDATES // 2]
        out.extend((i, j) for j in same)
        exact_cols.update(same)
        if not same:
            rest_rows.append(i)
    rest_cols = [j for j in cols if j not in exact_cols]
    choices = [_measure(nm[j]) for j in rest_cols]
    # the rest meet through the rarest bigrams of their measures (an inverted index), so each figure
    # is compared with a bounded few, never with every leftover
    postings: dict[str, list[int]] = {}
    for k, text in enumerate(choices):
        for gram in _grams(text):
            postings.setdefault(gram, []).append(k)
    scale = len(choices) / max(len(rest_rows), 1)
    for row, i in enumerate(rest_rows):
        text = _measure(bm[i])
        rarest = sorted(_grams(text), key=lambda g: (len(postings.get(g, ())), g))[:RAREST]
        near: set[int] = set()
        for gram in rarest:
            ks = postings.get(gram, [])
            if len(ks) > WINDOW:  # a common bigram: the figures nearest in place
                at = bisect.bisect_left(ks, int(row * scale))
                ks = ks[max(0, at - WINDOW // 2) : at + WINDOW // 2]
            near.update(ks)
        subset = sorted(near)
        found = process.extract(
            text, [choices[k] for k in subset], scorer=fuzz.ratio, score_cutoff=PREFILTER, limit=CANDIDATES
        )
        out.extend((i, rest_cols[subset[k]]) for _, _, k in found)
    return out


def _grams(text: str) -> set[str]:
    """The character bigrams of a measure phrase (a one-character phrase is its own)."""
    return set(map(operator.add, text, text[1:])) or {text}


def _measure(m: Metric) -> str:
    return m.key.measure if m.key else m.label


class _Explainer:
    """What --explain says of each figure: its best counterparts not taken, and why not."""

    def __init__(
        self,
        pairing: _Pairing,
        pairs: dict[int, tuple[int, float, str]],
        paired_new: dict[int, int],
        scored: dict[tuple[int, int], float],
    ) -> None:
        self.p = pairing
        self.pairs = pairs
        self.paired_new = paired_new
        self.by_base: dict[int, list[tuple[int, float]]] = {}
        self.by_new: dict[int, list[tuple[int, float]]] = {}
        for (i, j), s in scored.items():
            self.by_base.setdefault(i, []).append((j, s))
            self.by_new.setdefault(j, []).append((i, s))
        self.cross = len(pairing.base.metrics) * len(pairing.new.metrics) <= EXPLAIN_MAX
        self.measures_base = [_measure(m) for m in pairing.base.metrics]
        self.measures_new = [_measure(m) for m in pairing.new.metrics]

    def for_base(self, i: int, exclude: int | None = None) -> tuple[Candidate, ...]:
        options = [(j, s) for j, s in self.by_base.get(i, []) if j != exclude]
        seen: set[int | None] = {j for j, _ in options}
        seen.add(exclude)
        blocked = self._blocked(i, True, seen)
        out = []
        for j, s in sorted(options, key=lambda x: (-x[1], x[0]))[:3]:
            b = self.p.new.metrics[j]
            if j in self.paired_new and self.paired_new[j] != i:
                other = self.p.base.metrics[self.paired_new[j]]
                status, detail = CandidateStatus.TAKEN, self._taken(other, self.pairs[self.paired_new[j]][1])
            else:
                status, detail = CandidateStatus.BELOW_CUTOFF, f"{s:.0f} < cutoff {self.p.config.cutoffs.metric:.0f}"
            out.append(Candidate(b.id, b.label, b.raw, round(min(s, 100.0), 1), status, detail))
        return tuple(out) + blocked

    def for_new(self, j: int) -> tuple[Candidate, ...]:
        options = self.by_new.get(j, [])
        blocked = self._blocked(j, False, set[int | None](i for i, _ in options))
        out = []
        for i, s in sorted(options, key=lambda x: (-x[1], x[0]))[:3]:
            a = self.p.base.metrics[i]
            if i in self.pairs and self.pairs[i][0] != j:
                other = self.p.new.metrics[self.pairs[i][0]]
                status, detail = CandidateStatus.TAKEN, self._taken(other, self.pairs[i][1])
            else:
                status, detail = CandidateStatus.BELOW_CUTOFF, f"{s:.0f} < cutoff {self.p.config.cutoffs.metric:.0f}"
            out.append(Candidate(a.id, a.label, a.raw, round(min(s, 100.0), 1), status, detail))
        return tuple(out) + blocked

    def _taken(self, other: Metric, score: float) -> str:
        return f"paired with {other.id} {other.label} ({other.raw}) at {score:.0f}"

    def _blocked(self, k: int, base_side: bool, seen: set[int | None]) -> tuple[Candidate, ...]:
        """The likeliest counterparts a rule kept away (only the two best, only where measures agree)."""
        m = (self.p.base if base_side else self.p.new).metrics[k]
        others = (self.p.new if base_side else self.p.base).metrics
        if not self.cross or m.key is None:
            return ()
        from rapidfuzz import process

        # measure_score weighs ratio 0.6 and partial ratio 0.4, so a likeness at the cutoff needs this ratio
        floor = max(0.0, (self.p.config.cutoffs.metric - 40) / 0.6)
        choices = self.measures_new if base_side else self.measures_base
        near = process.extract(m.key.measure, choices, scorer=fuzz.ratio, score_cutoff=floor, limit=None)
        found = []
        for _, _, o_k in near:
            o = others[o_k]
            if o_k in seen or o.key is None:
                continue
            likeness = measure_score(m.key.measure, o.key.measure)
            if likeness < self.p.config.cutoffs.metric:
                continue
            rule = self.p.blocked(k, o_k) if base_side else self.p.blocked(o_k, k)
            if rule is not None:
                found.append((likeness, o_k, o, rule))
        found.sort(key=lambda x: (-x[0], x[1]))
        return tuple(
            Candidate(o.id, o.label, o.raw, round(s, 1), CandidateStatus.BLOCKED, rule) for s, _, o, rule in found[:2]
        )

    def reason(self, candidates: tuple[Candidate, ...], other: str) -> str:
        """One line that tells the truth about an unpaired figure."""
        if not candidates:
            return f"no counterpart in the {other} report: no figure of the same kind, unit and period measures this"
        best = candidates[0]
        what = f"{best.label} ({best.raw})"
        if best.status is CandidateStatus.TAKEN:
            return f"taken: the best counterpart {what} (score {best.score:.0f}) went to another figure: {best.detail}"
        if best.status is CandidateStatus.BLOCKED:
            return f"blocked: {what} measures alike but {best.detail}"
        cutoff = self.p.config.cutoffs.metric
        return f"below the cutoff: the best counterpart {what} scored {best.score:.0f} (cutoff {cutoff:.0f})"


def _change(a: Metric, b: Metric, score: float, why: str, candidates: tuple[Candidate, ...] = ()) -> MetricChange:
    _, warning = units_compatible(a.unit, b.unit)
    warnings = [warning] if warning else []
    measure = warning is not None

    def change(status: MetricStatus, delta: Delta | None = None) -> MetricChange:
        kept = tuple(w for w in warnings if w)
        return MetricChange(status, a, b, score, why, delta, kept, measure, candidates)

    if b.qualifier is Qualifier.PLACEHOLDER:
        return change(MetricStatus.PENDING)
    if a.qualifier is Qualifier.PLACEHOLDER:
        warnings.append("the base report held a placeholder")
        measure = False
        return change(MetricStatus.CHANGED)
    if a.unit != b.unit and not measure:
        warnings.append(f"unit {a.unit} → {b.unit}")
    delta = metric_delta(a, b) if not measure else None
    if delta is None:
        return change(MetricStatus.CHANGED)
    unchanged = delta.change == 0 and a.qualifier == b.qualifier
    if delta.note and not unchanged:
        warnings.append(delta.note)
    return change(MetricStatus.UNCHANGED if unchanged else MetricStatus.CHANGED, delta)
