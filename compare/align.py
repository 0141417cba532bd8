"""align.py: one-to-one matching of sections, programs and metrics across two reports.

Owns the scores, the evidence behind each pairing, the cutoffs and the overrides from
compare.toml. Every pairing keeps its score and its reason; nothing here renders.
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TypeVar

from rapidfuzz import fuzz

from .config import Config, Pair
from .diff import diff_sections, metric_delta
from .errors import ConfigError
from .extract import sentence_bounds
from .model import (
    Comparison,
    Metric,
    MetricChange,
    MetricStatus,
    Program,
    ProgramKind,
    ProgramMatch,
    ProgramStatus,
    Qualifier,
    Report,
    Section,
    SectionMatch,
    SectionStatus,
)

T = TypeVar("T")

# Measures that are the same thing under another name; everything else pairs only with itself.
_UNIT_FAMILY = {
    "名": "人",
    "位": "人",
    **{"個": "个", "戶": "户", "項": "项", "場": "场", "處": "处", "輛": "辆", "冊": "册"},  # traditional forms
    **{"個百分點": "个百分点", "百分點": "百分点"},
}
# 人 and 人次 count different things (people vs visits); they may pair, but only with a warning.
_NEAR_UNITS = {frozenset({"人", "人次"}), frozenset({"次", "人次"}), frozenset({"件", "件次"})}
# Words too common in this genre to count as shared evidence between two names.
_GENERIC = {
    *("职工", "工会", "建设", "服务", "行动", "活动", "工作", "全国", "专项"),
    *("计划", "工程", "发展", "全面", "提升", "开展", "推进", "深化"),
}


def unit_family(unit: str) -> str:
    return _UNIT_FAMILY.get(unit, unit)


def units_compatible(a: str, b: str) -> tuple[bool, str | None]:
    """(may pair, warning): 元 never with 人; 人 with 人次 only with a warning."""
    if unit_family(a) == unit_family(b):
        return True, None
    if frozenset({unit_family(a), unit_family(b)}) in _NEAR_UNITS:
        return True, f"{a} vs {b}: different measures, not comparable as a change"
    return False, None


# ---------------------------------------------------------------- assignment


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


def _greedy(scores: dict[tuple[int, int], float], cutoff: float) -> list[tuple[int, int]]:
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


# ---------------------------------------------------------------- sections


_NOT_CONTENT = re.compile(r"[\s\d，。、；：！？“”‘’《》（）()【】—…·,.;:!?%]")


def _bigrams(text: str) -> Counter[str]:
    chars = _NOT_CONTENT.sub("", text)
    return Counter(map(operator.add, chars, chars[1:]))


def _tfidf_cosines(base: Sequence[str], new: Sequence[str]) -> list[list[float]]:
    """Cosine similarity of character bigrams, weighted so genre-wide words (工会, 职工) count little."""
    docs = [_bigrams(t) for t in (*base, *new)]
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    total = len(docs)
    vectors = []
    for d in docs:
        vec = {g: c * math.log((1 + total) / (1 + df[g])) for g, c in d.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vectors.append({g: w / norm for g, w in vec.items()})
    left, right = vectors[: len(base)], vectors[len(base) :]
    # an inverted index over the new side: each base bigram visits only the sections that share it
    postings: dict[str, list[tuple[int, float]]] = {}
    for j, vec in enumerate(right):
        for g, w in vec.items():
            postings.setdefault(g, []).append((j, w))
    scores = []
    for vec in left:
        row = [0.0] * len(right)
        for g, w in vec.items():
            for j, wb in postings.get(g, ()):
                row[j] += w * wb
        scores.append(row)
    return scores


def align_sections(base: Report, new: Report, config: Config) -> list[SectionMatch]:
    """Pair sections by title and content; renamed sections pair, new themes stay new."""
    bs, ns = base.sections, new.sections
    content = _tfidf_cosines([s.title + s.text for s in bs], [s.title + s.text for s in ns])
    title = [[fuzz.ratio(a.title, b.title) for b in ns] for a in bs]
    # Content carries more weight than the heading: headings are short and get reworded.
    scores = [
        [_section_score(bs[i], ns[j], title[i][j], content[i][j]) for j in range(len(ns))] for i in range(len(bs))
    ]
    pinned, forbidden = _overrides(config, "section", bs, ns, lambda s: (s.id, s.title))
    for i, j in forbidden:
        scores[i][j] = -1.0
    free_b = [i for i in range(len(bs)) if i not in {a for a, _ in pinned}]
    free_n = [j for j in range(len(ns)) if j not in {b for _, b in pinned}]
    sub = [[scores[i][j] for j in free_n] for i in free_b]
    pairs = set(pinned) | {(free_b[a], free_n[b]) for a, b in assign(sub, config.cutoffs.section)}

    matches: list[SectionMatch] = []
    paired_new = {j for _, j in pairs}
    for i, s in enumerate(bs):
        paired = next((b for a, b in pairs if a == i), None)
        rejected = _rejected(scores[i], [x.title for x in ns], exclude=paired)
        if paired is None:
            matches.append(
                SectionMatch(SectionStatus.DROPPED, s, None, 0.0, 0.0, 0.0, "no section above the cutoff", rejected)
            )
            continue
        j = paired
        t = ns[j]
        why = (
            "pinned in compare.toml"
            if (i, j) in pinned
            else (f"title {title[i][j]:.0f}, content {content[i][j] * 100:.0f}")
        )
        status = SectionStatus.MATCHED if _same_title(s.title, t.title) else SectionStatus.RENAMED
        matches.append(
            SectionMatch(
                status,
                s,
                t,
                round(scores[i][j], 1),
                round(title[i][j], 1),
                round(content[i][j] * 100, 1),
                why,
                rejected,
            )
        )
    for j, t in enumerate(ns):
        if j not in paired_new:
            rejected = _rejected([scores[i][j] for i in range(len(bs))], [x.title for x in bs], exclude=None)
            matches.append(
                SectionMatch(SectionStatus.NEW, None, t, 0.0, 0.0, 0.0, "no section above the cutoff", rejected)
            )
    return matches


def _section_score(a: Section, b: Section, title: float, content: float) -> float:
    if a.kind != b.kind:
        return 0.0
    return 0.35 * title + 0.65 * min(100.0, content * 100 * 1.6)


def _same_title(a: str, b: str) -> bool:
    return re.sub(r"[“”\"'‘’\s]", "", a) == re.sub(r"[“”\"'‘’\s]", "", b)


def _rejected(row: Sequence[float], names: Sequence[str], exclude: int | None) -> tuple[tuple[str, float], ...]:
    """The best candidates not taken, for --explain."""
    ranked = sorted(((s, k) for k, s in enumerate(row) if k != exclude and s > 0), key=lambda x: (-x[0], x[1]))
    return tuple((names[k], round(s, 1)) for s, k in ranked[:2])


def _overrides(
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


# ---------------------------------------------------------------- programs


def _distinctive_overlap(a: str, b: str) -> str:
    """The longest common run of 2+ characters that is not a genre-wide word."""
    best = ""
    for i in range(len(a)):
        for j in range(i + 2, len(a) + 1):
            piece = a[i:j]
            if piece not in b:
                break
            if (
                len(piece) > len(best)
                and piece not in _GENERIC
                and not all(piece[k : k + 2] in _GENERIC for k in range(0, len(piece) - 1, 2))
            ):
                best = piece
    return best


def align_programs(
    base: Report, new: Report, sections: list[SectionMatch], metrics: list[MetricChange], config: Config
) -> list[ProgramMatch]:
    """Continued (same name), renamed (fuzzy name plus evidence), new and dropped programs."""
    named = {p.name for p in (*base.programs, *new.programs) if p.kind is not ProgramKind.SLOGAN}
    bp = [p for p in _unique(base.programs) if p.name in named]
    np_ = [p for p in _unique(new.programs) if p.name in named]
    new_names = {p.name: k for k, p in enumerate(np_)}
    section_pair = {(m.base.id, m.new.id) for m in sections if m.base and m.new}
    paired_metric_sentences = {
        (m.base.sentence, m.new.sentence) for m in metrics if m.base is not None and m.new is not None
    }

    pairs: dict[int, tuple[int, float, str]] = {}
    for i, p in enumerate(bp):
        if p.name in new_names:
            pairs[i] = (new_names[p.name], 100.0, "same name")
    free_b = [i for i in range(len(bp)) if i not in pairs and bp[i].kind is not ProgramKind.SLOGAN]
    taken = {j for j, _, _ in pairs.values()}
    free_n = [j for j in range(len(np_)) if j not in taken and np_[j].kind is not ProgramKind.SLOGAN]
    evidence: dict[tuple[int, int], str] = {}
    scores = []
    for i in free_b:
        row = []
        for j in free_n:
            score, why = _program_score(base, new, bp[i], np_[j], section_pair, paired_metric_sentences)
            evidence[(i, j)] = why
            row.append(score)
        scores.append(row)
    pinned, forbidden = _overrides(config, "program", bp, np_, lambda p: (p.name,))
    for a, b in forbidden:
        if a in free_b and b in free_n:
            scores[free_b.index(a)][free_n.index(b)] = -1.0
    for a, b in pinned:
        for other, (nb, _, _) in list(pairs.items()):
            if nb == b:  # the pin takes this program away from its same-name pairing
                del pairs[other]
        pairs[a] = (b, 100.0, "pinned in compare.toml")
    pinned_new = {b for _, b in pinned}
    for a, b in assign(scores, config.cutoffs.program):
        i, j = free_b[a], free_n[b]
        if i not in pairs and j not in pinned_new:
            pairs[i] = (j, round(scores[a][b], 1), evidence[(i, j)])

    out: list[ProgramMatch] = []
    used_new = {j for j, _, _ in pairs.values()}
    for i, p in enumerate(bp):
        if i in pairs:
            j, score, why = pairs[i]
            status = ProgramStatus.CONTINUED if np_[j].name == p.name else ProgramStatus.RENAMED
            out.append(ProgramMatch(status, p, np_[j], score, why))
        else:
            out.append(ProgramMatch(ProgramStatus.DROPPED, p, None, 0.0, "not named in the new report"))
    for j, p in enumerate(np_):
        if j not in used_new:
            out.append(ProgramMatch(ProgramStatus.NEW, None, p, 0.0, "not named in the base report"))
    return out


def _unique(programs: Sequence[Program]) -> list[Program]:
    seen: dict[str, Program] = {}
    for p in programs:
        seen.setdefault(p.name, p)
    return list(seen.values())


def _sentence_at(report: Report, offset: int) -> str:
    """The sentence holding offset, cut exactly as extract.py cuts a metric's sentence."""
    section = next((s for s in report.sections if s.start <= offset <= s.end), None)
    if section is None:
        return ""
    lo, hi = sentence_bounds(report.text, offset, offset, section)
    return report.text[lo:hi].strip()


def _program_score(
    base: Report,
    new: Report,
    a: Program,
    b: Program,
    section_pair: set[tuple[str, str]],
    metric_sentences: set[tuple[str, str]],
) -> tuple[float, str]:
    """A fuzzy name score counts only with evidence: a shared distinctive word, its section, its figures."""
    name = fuzz.ratio(a.name, b.name)
    overlap = _distinctive_overlap(a.name, b.name)
    same_section = (a.section, b.section) in section_pair
    shared_figure = (_sentence_at(base, a.start), _sentence_at(new, b.start)) in metric_sentences
    if not overlap and not shared_figure:
        return 0.0, f"name {name:.0f}, no distinctive word in common"
    score = name + (15 if overlap and len(overlap) >= 3 else 5 if overlap else 0)
    score += 10 if same_section else 0
    score += 15 if shared_figure else 0
    parts = [f"name {name:.0f}"]
    if overlap:
        parts.append(f"shared word {overlap}")
    if same_section:
        parts.append("aligned sections")
    if shared_figure:
        parts.append("shared figure")
    return min(score, 99.0), ", ".join(parts)


# ---------------------------------------------------------------- metrics

_HUNGARIAN_MAX = 120  # beyond this many items in a unit block, greedy best-first pairing


def align_metrics(base: Report, new: Report, sections: list[SectionMatch], config: Config) -> list[MetricChange]:
    """Pair metrics by label, unit and section alignment; then classify and compute deltas."""
    bm, nm = list(base.metrics), list(new.metrics)
    section_pair = {m.base.id: m.new.id for m in sections if m.base and m.new}
    pinned, forbidden = _overrides(config, "metric", bm, nm, lambda m: (m.id, m.label))
    for i, j in pinned:
        if not units_compatible(bm[i].unit, nm[j].unit)[0]:
            raise ConfigError(
                f"{config.path}: a [[pin]] pairs {bm[i].label} ({bm[i].raw}) with {nm[j].label} ({nm[j].raw}): "
                f"{bm[i].unit or 'no unit'} and {nm[j].unit or 'no unit'} are different measures"
            )
    forbidden_set = set(forbidden)
    pairs: dict[int, tuple[int, float, str]] = {i: (j, 100.0, "pinned in compare.toml") for i, j in pinned}
    taken_new = {j for _, j in pinned}

    # Block by unit family so 元 is never even scored against 人.
    near_base: dict[int, tuple[tuple[str, float], ...]] = {}  # best candidates not taken, for --explain
    near_new: dict[int, tuple[tuple[str, float], ...]] = {}
    blocks: dict[str, tuple[list[int], list[int]]] = {}
    for i, m in enumerate(bm):
        if i not in pairs:
            blocks.setdefault(_block_key(m.unit), ([], []))[0].append(i)
    for j, m in enumerate(nm):
        if j not in taken_new:
            blocks.setdefault(_block_key(m.unit), ([], []))[1].append(j)
    for key in sorted(blocks):
        rows, cols = blocks[key]
        if not rows or not cols:
            continue
        if len(rows) <= _HUNGARIAN_MAX and len(cols) <= _HUNGARIAN_MAX:
            score_of = {
                (i, j): _metric_score(bm[i], nm[j], section_pair)
                for i in rows
                for j in cols
                if (i, j) not in forbidden_set
            }
            matrix = [[score_of.get((i, j), -1.0) for j in cols] for i in rows]
            chosen = [(rows[a], cols[b]) for a, b in assign(matrix, config.cutoffs.metric)]
        else:
            score_of = _large_block_scores(rows, cols, bm, nm, section_pair, forbidden_set, config.cutoffs.metric)
            chosen = _greedy(score_of, config.cutoffs.metric)
        for i, j in chosen:
            pairs[i] = (j, round(score_of[(i, j)], 1), _metric_reason(bm[i], nm[j], section_pair))
        taken = dict(chosen)
        taken_by = {j: i for i, j in chosen}
        for (i, j), score in score_of.items():
            if score > 0 and taken.get(i) != j:
                near_base[i] = _keep_best(near_base.get(i, ()), (f"{nm[j].label} ({nm[j].raw})", round(score, 1)))
                if j not in taken_by:
                    near_new[j] = _keep_best(near_new.get(j, ()), (f"{bm[i].label} ({bm[i].raw})", round(score, 1)))

    changes: list[MetricChange] = []
    used_new = {j for j, _, _ in pairs.values()}
    for i, m in enumerate(bm):
        if i in pairs:
            j, score, why = pairs[i]
            changes.append(replace(_change(m, nm[j], score, why), rejected=near_base.get(i, ())))
        else:
            why = "no counterpart in the new report above the cutoff"
            changes.append(MetricChange(MetricStatus.MISSING, m, None, 0.0, why, rejected=near_base.get(i, ())))
    for j, m in enumerate(nm):
        if j not in used_new:
            status = MetricStatus.PENDING if m.qualifier is Qualifier.PLACEHOLDER else MetricStatus.NEW
            why = "no counterpart in the base report above the cutoff"
            changes.append(MetricChange(status, None, m, 0.0, why, rejected=near_new.get(j, ())))
    return changes


def _keep_best(kept: tuple[tuple[str, float], ...], candidate: tuple[str, float]) -> tuple[tuple[str, float], ...]:
    """The two best candidates by score, ties by name, so --explain is deterministic."""
    return tuple(sorted((*kept, candidate), key=lambda c: (-c[1], c[0]))[:2])


_PREFILTER = 40  # character ratio a label needs to be scored in full, on the large-block route
_CANDIDATES = 8  # best-by-ratio candidates kept per figure on that route


def _large_block_scores(
    rows: list[int],
    cols: list[int],
    bm: list[Metric],
    nm: list[Metric],
    section_pair: dict[str, str],
    forbidden: set[tuple[int, int]],
    cutoff: float,
) -> dict[tuple[int, int], float]:
    """Scores for a block too big to score every pair: identical labels first, then C-speed candidates.

    Most figures keep their label from one year to the next, so a dict lookup pairs them; the
    rest get their few best candidates by rapidfuzz's ratio (looped in C), and only those are
    scored in full. Memory stays proportional to the figures, not to their pairs.
    """
    from rapidfuzz import process

    scores: dict[tuple[int, int], float] = {}
    by_label: dict[str, list[int]] = {}
    for j in cols:
        by_label.setdefault(nm[j].label, []).append(j)
    for i in rows:
        for j in by_label.get(bm[i].label, ()):
            if (i, j) not in forbidden:
                scores[(i, j)] = _metric_score(bm[i], nm[j], section_pair)
    exact_rows = {i for i, _ in scores}
    exact_cols = {j for _, j in scores}
    rest_cols = [j for j in cols if j not in exact_cols]
    choices = [nm[j].label for j in rest_cols]
    if not choices:
        return scores
    for i in rows:
        if i in exact_rows:
            continue
        found = process.extract(bm[i].label, choices, scorer=fuzz.ratio, score_cutoff=_PREFILTER, limit=_CANDIDATES)
        for _, _, k in found:
            j = rest_cols[k]
            if (i, j) not in forbidden:
                score = _metric_score(bm[i], nm[j], section_pair)
                if score >= cutoff:
                    scores[(i, j)] = score
    return scores


# Units that may meet (with a warning) share a scoring block; a dict, so blocks never depend on hashing.
_BLOCK = {"人": "人/人次/次", "人次": "人/人次/次", "次": "人/人次/次", "件": "件/件次", "件次": "件/件次"}


def _block_key(unit: str) -> str:
    family = unit_family(unit)
    return _BLOCK.get(family, family)


def label_score(a: str, b: str) -> float:
    """Character similarity of two labels; containment counts only for labels of 4+ characters.

    A short label such as 快递员 sits inside many long ones, so its partial match says little.
    """
    ratio = fuzz.ratio(a, b)
    if min(len(a), len(b)) < 4:
        return ratio
    return 0.6 * ratio + 0.4 * fuzz.partial_ratio(a, b)


_SCALE_JUMP = Decimal(5)  # a year-over-year ratio beyond 5x is more likely another figure


def _metric_evidence(a: Metric, b: Metric, section_pair: dict[str, str]) -> tuple[float, list[str]]:
    ok, _ = units_compatible(a.unit, b.unit)
    if not ok:
        return -1.0, ["units incompatible"]
    label = label_score(a.label, b.label)
    score, parts = label, [f"label {label:.0f}"]
    if section_pair.get(a.section) == b.section:
        score += 10
        parts.append("aligned sections +10")
    if unit_family(a.unit) != unit_family(b.unit):
        score -= 10
        parts.append(f"{a.unit} vs {b.unit} -10")
    if a.value and b.value and not (1 / _SCALE_JUMP <= b.value / a.value <= _SCALE_JUMP):
        score -= 20
        parts.append("values differ over 5x -20")
    return min(score, 100.0), parts


def _metric_score(a: Metric, b: Metric, section_pair: dict[str, str]) -> float:
    return _metric_evidence(a, b, section_pair)[0]


def _metric_reason(a: Metric, b: Metric, section_pair: dict[str, str]) -> str:
    return ", ".join(_metric_evidence(a, b, section_pair)[1])


def _change(a: Metric, b: Metric, score: float, why: str) -> MetricChange:
    _, warning = units_compatible(a.unit, b.unit)
    warnings = [warning] if warning else []
    measure = warning is not None
    if b.qualifier is Qualifier.PLACEHOLDER:
        return MetricChange(MetricStatus.PENDING, a, b, score, why, warnings=tuple(warnings), measure_changed=measure)
    if a.qualifier is Qualifier.PLACEHOLDER:
        warnings.append("the base report held a placeholder")
        return MetricChange(MetricStatus.CHANGED, a, b, score, why, warnings=tuple(warnings))
    delta = metric_delta(a, b) if not warning else None
    if delta is None:
        status = MetricStatus.CHANGED
        return MetricChange(status, a, b, score, why, warnings=tuple(warnings), measure_changed=measure)
    unchanged = delta.delta == 0 and a.qualifier == b.qualifier
    if not unchanged and (a.qualifier is not Qualifier.EXACT or b.qualifier is not Qualifier.EXACT):
        warnings.append(delta.note)
    return MetricChange(
        MetricStatus.UNCHANGED if unchanged else MetricStatus.CHANGED,
        a,
        b,
        score,
        why,
        delta.delta,
        delta.pct,
        delta.low,
        delta.high,
        delta.proven,
        tuple(w for w in warnings if w),
    )


# ---------------------------------------------------------------- all together


def compare_reports(base: Report, new: Report, config: Config | None = None, text: bool = True) -> Comparison:
    """Align sections, then metrics (using the section pairs), then programs; diff the texts.

    text=False skips the text diffs (the costliest step) when no view will show them.
    """
    config = config or Config()
    sections = align_sections(base, new, config)
    metrics = align_metrics(base, new, sections, config)
    programs = align_programs(base, new, sections, metrics, config)
    diffs = diff_sections(sections) if text else {}
    sections = [
        m if m.base is None or m.new is None else _with_change(m, diffs.get((m.base.id, m.new.id))) for m in sections
    ]
    return Comparison(
        base=base,
        new=new,
        sections=tuple(sections),
        programs=tuple(programs),
        metrics=tuple(sorted(metrics, key=_metric_order)),
        diffs=tuple(diffs[k] for k in sorted(diffs)),
        cutoffs=config.cutoffs,
        config_path=config.path,
    )


def _with_change(match: SectionMatch, diff: object) -> SectionMatch:
    change = getattr(diff, "change", 0.0)
    return replace(match, change=change)


_STATUS_ORDER = {
    MetricStatus.CHANGED: 0,
    MetricStatus.MISSING: 1,
    MetricStatus.PENDING: 2,
    MetricStatus.NEW: 3,
    MetricStatus.UNCHANGED: 4,
}


def _metric_order(c: MetricChange) -> tuple[int, Decimal, int, int]:
    """Biggest changes first, then missing, pending, new, unchanged; stable by position."""
    size = -abs(c.pct) if c.pct is not None else Decimal(0)
    a = c.base.start if c.base else 1 << 40
    b = c.new.start if c.new else 1 << 40
    return _STATUS_ORDER[c.status], size, a, b
