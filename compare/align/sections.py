"""sections.py: pairing sections across two reports by title and content (TF-IDF of bigrams).

Owns the section scores and their reasons; renamed sections pair, new themes stay new.
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from collections.abc import Sequence

from rapidfuzz import fuzz

from ..config import Config
from ..grammar import fold
from ..model import Report, Section, SectionMatch, SectionStatus
from .overrides import overrides
from .solver import assign

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
    # traditional and simplified script read alike: 綜合 is 综合
    content = _tfidf_cosines([fold(s.title + s.text) for s in bs], [fold(s.title + s.text) for s in ns])
    title = [[fuzz.ratio(fold(a.title), fold(b.title)) for b in ns] for a in bs]
    # Content carries more weight than the heading: headings are short and get reworded.
    scores = [
        [_section_score(bs[i], ns[j], title[i][j], content[i][j]) for j in range(len(ns))] for i in range(len(bs))
    ]
    pinned, forbidden = overrides(config, "section", bs, ns, lambda s: (s.id, s.title))
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
    return re.sub(r"[“”\"'‘’\s]", "", fold(a)) == re.sub(r"[“”\"'‘’\s]", "", fold(b))


def _rejected(row: Sequence[float], names: Sequence[str], exclude: int | None) -> tuple[tuple[str, float], ...]:
    """The best candidates not taken, for --explain."""
    ranked = sorted(((s, k) for k, s in enumerate(row) if k != exclude and s > 0), key=lambda x: (-x[0], x[1]))
    return tuple((names[k], round(s, 1)) for s, k in ranked[:2])
