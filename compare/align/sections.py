"""sections.py: pairing sections across two reports by title and content (TF-IDF of bigrams).

Owns the section scores and their reasons; renamed sections pair, new themes stay new.
"""

from __future__ import annotations

import bisect
import heapq
import math
import operator
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from ..config import Config
from ..grammar import fold
from ..model import Report, Section, SectionMatch, SectionStatus
from .overrides import overrides
from .solver import assign_sparse

_NOT_CONTENT = re.compile(r"[\s\d，。、；：！？“”‘’《》（）()【】—…·,.;:!?%]")


def _bigrams(text: str) -> Counter[str]:
    chars = _NOT_CONTENT.sub("", text)
    return Counter(map(operator.add, chars, chars[1:]))


EXACT_MAX = 200  # sections a side up to which every pair is scored and the pairing is exact
GROUP_MAX = 40  # beyond EXACT_MAX: a connected group up to this size a side is solved exactly, larger best first
CANDIDATES = 8  # candidates kept per section beyond that, by title and by rare shared bigrams
BIGRAMS = 24  # a section's heaviest bigrams look for candidates through the inverted index
RARE = 64  # a bigram in more sections than this proposes only the sections nearest in place


def _tfidf(base: Sequence[str], new: Sequence[str]) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """Unit vectors of character bigrams, weighted so genre-wide words (工会, 职工) count little."""
    docs = [_bigrams(t) for t in (*base, *new)]
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    idf = {g: math.log((1 + len(docs)) / (1 + n)) for g, n in df.items()}
    vectors = []
    for d in docs:
        vec = {g: c * idf[g] for g, c in d.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vectors.append({g: w / norm for g, w in vec.items()})
    return vectors[: len(base)], vectors[len(base) :]


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[g] for g, w in a.items() if g in b)


def _title_key(title: str) -> str:
    return re.sub(r"[“”\"'‘’\s]", "", title)


def _candidates(
    btitles: Sequence[str], ntitles: Sequence[str], left: Sequence[dict[str, float]], right: Sequence[dict[str, float]]
) -> set[tuple[int, int]]:
    """The pairs worth scoring when the reports are too long to score every pair.

    Three sources, each bounded per section: the same heading (the nearest in place when a heading
    repeats), the section's heaviest bigrams (through an inverted index; the nearest in place when a
    bigram is common), and, for a section whose
    heading is not found again, the headings most alike (rapidfuzz, looped in C).
    """
    from rapidfuzz import process

    out: set[tuple[int, int]] = set()
    nb, nn = len(btitles), len(ntitles)

    def nearest(i: int, js: Sequence[int], limit: int = CANDIDATES) -> Sequence[int]:
        """All of js if few, else the CANDIDATES nearest to where section i would sit in the new report."""
        if len(js) <= limit:
            return js
        k = bisect.bisect_left(js, i * nn // max(nb, 1))
        return js[max(0, k - CANDIDATES // 2) : k + CANDIDATES // 2]

    by_title: dict[str, list[int]] = {}
    for j, t in enumerate(ntitles):
        by_title.setdefault(_title_key(t), []).append(j)
    postings: dict[str, list[int]] = {}
    for j, vec in enumerate(right):
        for g in vec:
            postings.setdefault(g, []).append(j)
    unmatched = []
    for i, (title, vec) in enumerate(zip(btitles, left, strict=True)):
        same = nearest(i, by_title.get(_title_key(title), []))
        out.update((i, j) for j in same)
        if not same:
            unmatched.append(i)
        shared: dict[int, float] = {}
        for g, w in heapq.nlargest(BIGRAMS, vec.items(), key=operator.itemgetter(1)):
            for j in nearest(i, postings.get(g, []), RARE):
                shared[j] = shared.get(j, 0.0) + w
        ranked = sorted(shared.items(), key=lambda kv: (-kv[1], abs(kv[0] - i * nn // max(nb, 1)), kv[0]))
        out.update((i, j) for j, _ in ranked[:CANDIDATES])
    for i in unmatched:
        for _, _, j in process.extract(btitles[i], ntitles, scorer=fuzz.ratio, score_cutoff=50, limit=CANDIDATES):
            out.add((i, j))
    return out


def align_sections(base: Report, new: Report, config: Config) -> list[SectionMatch]:
    """Pair sections by title and content; renamed sections pair, new themes stay new."""
    bs, ns = base.sections, new.sections
    # traditional and simplified script read alike: 綜合 is 综合
    btitles, ntitles = [fold(s.title) for s in bs], [fold(s.title) for s in ns]
    left, right = _tfidf([fold(s.title + s.text) for s in bs], [fold(s.title + s.text) for s in ns])
    dense = len(bs) <= EXACT_MAX and len(ns) <= EXACT_MAX
    if dense:
        cells: Iterable[tuple[int, int]] = ((i, j) for i in range(len(bs)) for j in range(len(ns)))
    else:
        cells = sorted(_candidates(btitles, ntitles, left, right))
    title: dict[tuple[int, int], float] = {}
    content: dict[tuple[int, int], float] = {}
    scores: dict[tuple[int, int], float] = {}
    for i, j in cells:
        title[i, j] = fuzz.ratio(btitles[i], ntitles[j])
        content[i, j] = _cosine(left[i], right[j])
        # Content carries more weight than the heading: headings are short and get reworded.
        scores[i, j] = _section_score(bs[i], ns[j], title[i, j], content[i, j])
    pinned, forbidden = overrides(config, "section", bs, ns, lambda s: (s.id, s.title))
    for pair in forbidden:
        scores[pair] = -1.0
    pinned_b, pinned_n = {a for a, _ in pinned}, {b for _, b in pinned}
    free = {pair: score for pair, score in scores.items() if pair[0] not in pinned_b and pair[1] not in pinned_n}
    pairs = dict(pinned) | dict(assign_sparse(free, config.cutoffs.section, EXACT_MAX if dense else GROUP_MAX))
    for i, j in pinned:
        title.setdefault((i, j), fuzz.ratio(btitles[i], ntitles[j]))
        content.setdefault((i, j), _cosine(left[i], right[j]))
        scores.setdefault((i, j), _section_score(bs[i], ns[j], title[i, j], content[i, j]))
    by_base: dict[int, list[tuple[int, float]]] = {}
    by_new: dict[int, list[tuple[int, float]]] = {}
    for (i, j), score in scores.items():
        by_base.setdefault(i, []).append((j, score))
        by_new.setdefault(j, []).append((i, score))

    matches: list[SectionMatch] = []
    paired_new = set(pairs.values())
    for i, s in enumerate(bs):
        paired = pairs.get(i)
        rejected = _rejected(by_base.get(i, []), [x.title for x in ns], exclude=paired)
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
            else (f"title {title[i, j]:.0f}, content {content[i, j] * 100:.0f}")
        )
        status = SectionStatus.MATCHED if _same_title(s.title, t.title) else SectionStatus.RENAMED
        matches.append(
            SectionMatch(
                status,
                s,
                t,
                round(scores[i, j], 1),
                round(title[i, j], 1),
                round(content[i, j] * 100, 1),
                why,
                rejected,
            )
        )
    for j, t in enumerate(ns):
        if j not in paired_new:
            rejected = _rejected(by_new.get(j, []), [x.title for x in bs], exclude=None)
            matches.append(
                SectionMatch(SectionStatus.NEW, None, t, 0.0, 0.0, 0.0, "no section above the cutoff", rejected)
            )
    return matches


def _section_score(a: Section, b: Section, title: float, content: float) -> float:
    if a.kind != b.kind:
        return 0.0
    return 0.35 * title + 0.65 * min(100.0, content * 100 * 1.6)


def _same_title(a: str, b: str) -> bool:
    return _title_key(fold(a)) == _title_key(fold(b))


def _rejected(
    row: Sequence[tuple[int, float]], names: Sequence[str], exclude: int | None
) -> tuple[tuple[str, float], ...]:
    """The best candidates not taken, for --explain."""
    ranked = sorted(((s, k) for k, s in row if k != exclude and s > 0), key=lambda x: (-x[0], x[1]))
    return tuple((names[k], round(s, 1)) for s, k in ranked[:2])
