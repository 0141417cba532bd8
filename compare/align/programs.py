"""programs.py: pairing named programs: same name, or a fuzzy name with evidence.

A fuzzy name score counts only with evidence (a shared distinctive word, the section, a shared figure):
a score alone cannot tell a true rename from a false one.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from ..config import Config
from ..extract import sentence_bounds
from ..grammar import fold
from ..model import MetricChange, Program, ProgramKind, ProgramMatch, ProgramStatus, Report, SectionMatch
from .overrides import overrides
from .solver import assign

# Words too common in this genre to count as shared evidence between two names.
_GENERIC = {
    *("职工", "工会", "建设", "服务", "行动", "活动", "工作", "全国", "专项"),
    *("计划", "工程", "发展", "全面", "提升", "开展", "推进", "深化"),
}


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
    named = {fold(p.name) for p in (*base.programs, *new.programs) if p.kind is not ProgramKind.SLOGAN}
    bp = [p for p in _unique(base.programs) if fold(p.name) in named]
    np_ = [p for p in _unique(new.programs) if fold(p.name) in named]
    new_names = {fold(p.name): k for k, p in enumerate(np_)}
    section_pair = {(m.base.id, m.new.id) for m in sections if m.base and m.new}
    paired_metric_sentences = {
        (m.base.sentence, m.new.sentence) for m in metrics if m.base is not None and m.new is not None
    }

    pairs: dict[int, tuple[int, float, str]] = {}
    for i, p in enumerate(bp):
        if fold(p.name) in new_names:
            pairs[i] = (new_names[fold(p.name)], 100.0, "same name")
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
    pinned, forbidden = overrides(config, "program", bp, np_, lambda p: (p.name,))
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
            status = ProgramStatus.CONTINUED if fold(np_[j].name) == fold(p.name) else ProgramStatus.RENAMED
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
        seen.setdefault(fold(p.name), p)
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
    name = fuzz.ratio(fold(a.name), fold(b.name))
    overlap = _distinctive_overlap(fold(a.name), fold(b.name))
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
