"""The bundled reports: the real 2020 text, and the 2021 draft parsed with the same machinery."""

from __future__ import annotations

import hashlib
import re

from compare import load_report
from compare.model import Qualifier

from .conftest import REPORTS

SHA_2020 = "3e4e2e303c57f15ea17faaf99ec0a1faee4a1d7bc2d62e4a580ed3916a1f409e"
TITLES_2020 = [
    "前言",
    "全国劳模受表彰",
    "团结职工共同抗“疫”",
    "助力“六稳”“六保”",
    "建档困难职工脱贫",
    "职工利益无小事",
    "“云竞赛”激发职工创造力",
    "凝聚昂扬向上正能量",
    "“八大群体”入会提质扩面",
    "产业工人队伍建设改革“升级”",
    "党建引领工作高质量发展",
]


def test_2020_report_is_the_real_text() -> None:
    """reports/2020/report.txt is byte-for-byte the published 2020 report."""
    assert hashlib.sha256((REPORTS / "2020" / "report.txt").read_bytes()).hexdigest() == SHA_2020


def test_2020_has_exactly_eleven_sections_in_order() -> None:
    """The 2020 report normalizes into the preface and its ten headed sections."""
    report = load_report("2020", REPORTS)
    assert [s.title for s in report.sections] == TITLES_2020
    assert report.status == "published"
    assert report.title == "共克时艰中展现工会力量"


def test_2020_page_breaks_are_repaired() -> None:
    """Every split named in the issue is joined back into one paragraph."""
    report = load_report("2020", REPORTS)
    paragraphs = [p for s in report.sections for p in s.paragraphs]
    for joined in (
        "随处可见工会干部忙碌的身影——",
        "各级工会努力作为，不断提升着",
        "并下拨专项帮扶资金12.18亿元",
        "一组组数据为我国工会组织建设的进一步发展",
        "全总还制定了《",
    ):
        assert any(joined in p for p in paragraphs), joined
    # no fragment is left standing alone
    assert not [p for p in paragraphs if len(p) < 12 and not p.endswith("。")]


def test_2020_moments() -> None:
    """Every 2020 section but the preface and 职工利益无小事 has its 【瞬间】."""
    report = load_report("2020", REPORTS)
    missing = [s.title for s in report.sections if s.moment is None]
    assert missing == ["前言", "职工利益无小事"]


def test_2020_programs_include_the_named_ones() -> None:
    """Named programs, platforms and documents are recorded with their section."""
    report = load_report("2020", REPORTS)
    by_name = {p.name: p for p in report.programs}
    assert by_name["阳光就业暖心行动"].kind == "program"
    assert by_name["安康杯"].kind == "program"
    assert by_name["技能强国"].kind == "program"
    assert by_name["全国职工素质建设工程五年规划（2021—2025年）"].kind == "document"
    assert by_name["四个意识"].kind == "slogan"
    for p in report.programs:
        assert report.text[p.start : p.end] == p.name


def test_2021_is_a_draft_parsed_by_the_same_machinery() -> None:
    """The 2021 draft says it is a draft, parses into sections and carries placeholders."""
    report = load_report("2021", REPORTS)
    assert report.status == "draft"
    assert len(report.sections) >= 8
    assert all(s.moment for s in report.sections if s.kind == "section")
    assert any(m.qualifier is Qualifier.PLACEHOLDER for m in report.metrics)


def test_2021_figures_are_all_in_sources() -> None:
    """Every non-placeholder figure in the 2021 draft is listed in its SOURCES.md."""
    report = load_report("2021", REPORTS)
    sources = (REPORTS / "2021" / "SOURCES.md").read_text(encoding="utf-8")
    figures = [m for m in report.metrics if m.qualifier is not Qualifier.PLACEHOLDER]
    assert figures
    for m in figures:
        digits = re.sub(r"[^0-9.]", "", m.raw)
        assert digits and digits in sources, m.raw


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"[。！？；\n]", text) if len(s.strip()) >= 12]


def test_2021_draft_copies_no_sentence_of_the_2020_report() -> None:
    """The draft is written in the project's own words: no sentence of 12+ characters is the 2020 report's."""
    old = (REPORTS / "2020" / "report.txt").read_text(encoding="utf-8")
    draft = (REPORTS / "2021" / "report.txt").read_text(encoding="utf-8")
    assert [s for s in _sentences(draft) if s in old] == []


def test_2021_draft_copies_no_quoted_source_sentence() -> None:
    """The sources' own sentences, quoted in FACTS.md as evidence, are never copied into the draft."""
    facts = (REPORTS / "2021" / "FACTS.md").read_text(encoding="utf-8")
    draft = (REPORTS / "2021" / "report.txt").read_text(encoding="utf-8")
    quoted = [q for q in re.findall(r"「([^」]+)」", facts) if len(q) >= 10]
    assert quoted
    for q in quoted:
        for part in _sentences(q.replace(",", "，")):
            assert part not in draft, part
        assert q not in draft, q


def test_2021_pairs_the_full_year_hardship_aid() -> None:
    """12.18亿元 (the 2020 full-year allocation) pairs with 11.3亿元, not the August 5.54亿元: -0.88亿元, -7.2%."""
    from compare import build_comparison

    c = build_comparison("2020", "2021", REPORTS)
    (m,) = [m for m in c.metrics if m.new and m.new.raw == "11.3亿元"]
    assert m.base is not None and m.base.raw == "12.18亿元"
    assert m.delta is not None and m.delta.change == -88000000 and str(m.delta.pct) == "-7.2"
    august = next(m for m in c.metrics if m.base and m.base.raw == "5.54亿元")
    assert august.new is None
