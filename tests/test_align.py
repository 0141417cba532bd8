"""align.py and diff.py on the invented pair in tests/data/pair (its README lists every difference)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare import build_comparison, load_report
from compare.align import assign, label_score, sections, units_compatible
from compare.align.solver import assign_sparse
from compare.config import Config, Cutoffs, Pair
from compare.diff import diff_text, tokenize
from compare.errors import ConfigError
from compare.extract import extract_metrics
from compare.model import CandidateStatus, Comparison, MetricChange, MetricStatus, Report
from compare.normalize import normalize
from compare.pipeline import compare_reports

from .conftest import DATA, REPORTS

PAIR = DATA / "pair"


@pytest.fixture(scope="module")
def pair() -> Comparison:
    return build_comparison("2020", "2021", PAIR)


def metric(c: Comparison, raw: str) -> MetricChange:
    return next(m for m in c.metrics if (m.base and m.base.raw == raw) or (m.new and m.new.raw == raw))


def test_sections_matched_renamed_new_dropped(pair: Comparison) -> None:
    """Same headings match, a reworded reading section is renamed, 抗击疫情 is dropped, a new theme is new."""
    got = {(m.status.value, m.base.title if m.base else None, m.new.title if m.new else None) for m in pair.sections}
    assert got == {
        ("matched", "前言", "前言"),
        ("matched", "帮扶困难职工", "帮扶困难职工"),
        ("renamed", "网上读书活动", "职工书香活动"),
        ("dropped", "抗击疫情", None),
        ("new", None, "新就业形态入会"),
    }


def test_rescaled_figure_is_a_change_in_base_units(pair: Comparison) -> None:
    """5000万元 -> 1.2亿元 is the same unit at another scale: +7000万元, +140%."""
    m = metric(pair, "5000万元")
    assert m.status is MetricStatus.CHANGED and m.new and m.new.raw == "1.2亿元"
    assert m.delta is not None and m.delta.change == Decimal(70000000) and m.delta.pct == Decimal("140.0")


def test_people_vs_person_times_pairs_only_with_a_warning(pair: Comparison) -> None:
    """12万人 -> 15万人次 pairs, but with a warning and no % change."""
    m = metric(pair, "12万人")
    assert m.new and m.new.raw == "15万人次"
    assert m.delta is None and m.measure_changed
    assert any("人 vs 人次" in w for w in m.warnings)


def test_approximate_change_is_a_range_not_a_proof(pair: Comparison) -> None:
    """2300余万 -> 2350万 is not a proven increase: the range spans zero."""
    m = metric(pair, "2300余万人次")
    assert m.status is MetricStatus.CHANGED
    assert m.delta is not None and m.delta.proven is False
    assert m.delta.low is not None and m.delta.high is not None and m.delta.low < 0 < m.delta.high


def test_placeholder_is_pending(pair: Comparison) -> None:
    """3.5亿元 -> XX亿元 is pending, not missing."""
    assert metric(pair, "3.5亿元").status is MetricStatus.PENDING


def test_unchanged_missing_new(pair: Comparison) -> None:
    """1.2亿次 is unchanged; 300家 and the dropped section's figures are missing; 80个 and 35万人 are new."""
    assert metric(pair, "1.2亿次").status is MetricStatus.UNCHANGED
    for raw in ("300家", "2亿元", "8万人"):
        assert metric(pair, raw).status is MetricStatus.MISSING, raw
    for raw in ("80个", "35万人"):
        assert metric(pair, raw).status is MetricStatus.NEW, raw


def test_program_rename_needs_evidence(pair: Comparison) -> None:
    """职工法律援助 -> 法律援助服务 is a rename; 职工之家建设 / 职工书屋建设 (same fuzzy score) is not."""
    got = {(m.status.value, m.base.name if m.base else None, m.new.name if m.new else None) for m in pair.programs}
    assert ("renamed", "职工法律援助", "法律援助服务") in got
    assert ("dropped", "职工之家建设", None) in got
    assert ("new", None, "职工书屋建设") in got


def test_yuan_never_pairs_with_people() -> None:
    """元 and 人 are incompatible; 人 and 人次 pair with a warning; 名 is 人."""
    assert units_compatible("元", "人") == (False, None)
    ok, warning = units_compatible("人", "人次")
    assert ok and warning
    assert units_compatible("名", "人") == (True, None)


def test_short_label_inside_a_long_one_is_not_a_match() -> None:
    """快递员 sits inside a long label, but that containment alone does not make a match."""
    assert label_score("快递员", "司机、快递员、外卖配送员四类群体会员") < 60
    assert label_score("送温暖资金", "送温暖资金") == 100


def test_assignment_is_optimal_not_greedy() -> None:
    """The best total wins over the single best pair: greedy would take 90 and leave 10."""
    scores = [[90.0, 80.0], [85.0, 10.0]]
    assert assign(scores, 50) == [(0, 1), (1, 0)]


def test_assignment_drops_pairs_below_cutoff() -> None:
    """Pairs under the cutoff stay unpaired."""
    assert assign([[30.0, 20.0]], 50) == []
    assert assign([[70.0], [90.0]], 50) == [(1, 0)]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 7), st.integers(0, 7), st.integers(0, 100)), max_size=30, unique_by=lambda t: t[:2]
    )
)
def test_solving_group_by_group_is_as_good_as_solving_the_whole_table(cells: list[tuple[int, int, int]]) -> None:
    """Pairs under the cutoff are worth nothing, so the exact solver may work one connected group at a time."""
    sparse = {(a, b): float(s) for a, b, s in cells}
    matrix = [[sparse.get((a, b), 0.0) for b in range(8)] for a in range(8)]

    def total(pairs: list[tuple[int, int]]) -> float:
        return sum(matrix[a][b] for a, b in pairs)

    got = assign_sparse(sparse, 50, exact_max=8)
    assert total(got) == total(assign(matrix, 50))
    assert len({a for a, _ in got}) == len({b for _, b in got}) == len(got)
    assert all(sparse[p] >= 50 for p in got)


def test_long_reports_pair_sections_as_the_exact_route_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past EXACT_MAX sections only candidate pairs are scored; on the bundled reports it finds the same pairs."""

    def pairs() -> set[tuple[str | None, str | None]]:
        c = build_comparison("2020", "2021", REPORTS)
        return {(m.base.title if m.base else None, m.new.title if m.new else None) for m in c.sections}

    exact = pairs()
    monkeypatch.setattr(sections, "EXACT_MAX", 0)
    assert pairs() == exact


def test_a_long_report_pairs_a_renamed_section_by_its_content(monkeypatch: pytest.MonkeyPatch) -> None:
    """Among hundreds of sections, a heading reworded and moved still finds its section through rare shared words."""
    topics = [f"{a}{b}" for a in "甲乙丙丁戊己庚辛壬癸" for b in "子丑寅卯辰巳午未申酉戌亥"]
    body = [f"## {t}事项\n\n{t}{t[::-1]}项目建设{k}处，{t}专项覆盖{t[0]}地{k}个街区。" for k, t in enumerate(topics)]
    moved = body[5].replace("甲巳事项", "关于专项覆盖的情况")
    new_body = body[:5] + body[6:] + [moved]
    base = normalize("\n\n".join(body), markdown=True, year="2030")
    new = normalize("\n\n".join(new_body), markdown=True, year="2031")
    monkeypatch.setattr(sections, "EXACT_MAX", 20)
    got = {m.base.title: m.new.title for m in sections.align_sections(base, new, Config()) if m.base and m.new}
    assert len(got) == len(topics)
    assert got["甲巳事项"] == "关于专项覆盖的情况"
    assert all(got[t] == t for t in got if t != "甲巳事项")


def test_pin_and_forbid_override_the_matcher() -> None:
    """compare.toml pins a metric pair the matcher would not make and forbids one it would."""
    pin = Pair("metric", "慰问一线医务人员", "新发展会员")
    forbid = Pair("metric", "帮扶资金", "帮扶资金")
    c = build_comparison("2020", "2021", PAIR, Config(pins=(pin,), forbids=(forbid,)))
    pinned = metric(c, "8万人")
    assert pinned.new and pinned.new.raw == "35万人" and "pinned" in pinned.reason
    assert metric(c, "5000万元").status is MetricStatus.MISSING


def test_pins_keep_the_unit_rules_and_stay_one_to_one() -> None:
    """A pin across measures (元 vs 人) or two pins onto one item are config errors, not silent pairs."""
    with pytest.raises(ConfigError, match="different measures"):
        build_comparison("2020", "2021", PAIR, Config(pins=(Pair("metric", "疫情防控资金", "新发展会员"),)))
    twice = (Pair("metric", "疫情防控资金", "帮扶资金", 3), Pair("metric", "帮扶资金", "帮扶资金", 7))
    with pytest.raises(ConfigError, match="already pinned at line 3"):
        build_comparison("2020", "2021", PAIR, Config(pins=twice))


def test_cutoffs_are_kept_and_applied() -> None:
    """A section cutoff of 90 leaves the renamed section (score 70) unpaired: dropped and new."""
    c = build_comparison("2020", "2021", PAIR, Config(cutoffs=Cutoffs(section=90)))
    assert c.cutoffs == Cutoffs(section=90)
    statuses = {(m.status.value, (m.base or m.new).title) for m in c.sections}  # type: ignore[union-attr]
    assert ("dropped", "网上读书活动") in statuses and ("new", "职工书香活动") in statuses


def test_bundled_reports_align_as_expected() -> None:
    """On the real 2020 report and the 2021 draft: renamed, dropped and new sections, pending figures."""
    c = build_comparison("2020", "2021", REPORTS)
    pairs = {(m.base.title, m.new.title) for m in c.sections if m.base and m.new}
    assert ("“八大群体”入会提质扩面", "新就业形态劳动者入会") in pairs
    assert ("全国劳模受表彰", "全国五一劳动奖表彰") in pairs
    dropped = {m.base.title for m in c.sections if m.new is None and m.base}
    assert dropped == {"团结职工共同抗“疫”", "建档困难职工脱贫"}
    new = {m.new.title for m in c.sections if m.base is None and m.new}
    assert new == {"庆祝建党百年"}
    pending = {m.base.raw for m in c.metrics if m.status is MetricStatus.PENDING and m.base}
    assert {"61.8亿元", "1.09亿人次", "874.3万人", "5.7亿元"} <= pending


# ---------------------------------------------------------------- text diff


def test_figures_are_single_tokens() -> None:
    """24.92亿元 is one token; Chinese characters are one token each."""
    assert tokenize("资金24.92亿元，慰问") == ["资", "金", "24.92亿元", "，", "慰", "问"]


def test_diff_keeps_figures_whole() -> None:
    """A changed figure shows as the old figure deleted and the new inserted, never shredded digits."""
    ops, change = diff_text("安排资金24.92亿元。", "安排资金26.10亿元。")
    assert ("delete", "24.92亿元") in ops and ("insert", "26.10亿元") in ops
    assert 0 < change < 1


def test_diff_of_identical_text_is_all_equal() -> None:
    """No change gives one equal span and a change index of 0."""
    ops, change = diff_text("同一段文字。", "同一段文字。")
    assert ops == (("equal", "同一段文字。"),) and change == 0


def test_diff_is_by_character_not_whitespace() -> None:
    """Changing two words in a space-less sentence does not replace the whole sentence."""
    ops, _ = diff_text("全总开展了帮扶行动，覆盖职工。", "全总开展了慰问行动，覆盖职工。")
    equal = "".join(t for op, t in ops if op == "equal")
    assert "全总开展了" in equal and "行动，覆盖职工。" in equal


def test_three_reports_show_trends(run_cli, tmp_path: Path) -> None:
    """compare 2020 2021 2022 follows each figure across the years with a trend mark."""
    for y in ("2020", "2021"):
        (tmp_path / y).mkdir()
        (tmp_path / y / "report.txt").write_bytes((PAIR / y / "report.txt").read_bytes())
    (tmp_path / "2022").mkdir()
    text = (PAIR / "2021" / "report.txt").read_text(encoding="utf-8").replace("1.2亿元", "1.5亿元")
    (tmp_path / "2022" / "report.txt").write_text(text, encoding="utf-8")
    r = run_cli("2020", "2021", "2022", "--reports-dir", str(tmp_path), "--format", "plain")
    assert r.code == 0, r.err
    line = next(line for line in r.out.splitlines() if line.startswith("帮扶资金"))
    assert "5000万元" in line and "1.2亿元" in line and "1.5亿元" in line and line.rstrip().endswith("↑↑")


def test_library_use_needs_no_typer() -> None:
    """build_comparison works with typer absent from sys.modules' dependencies of the core."""
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['typer'] = None\n"
        "import compare\n"
        f"c = compare.build_comparison('2020', '2021', {str(PAIR)!r})\n"
        "print(c.summary()['metrics']['changed'])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "3"


def test_load_report_on_a_loaded_report_round_trip() -> None:
    """A Report loaded once can be compared without reloading."""
    a, b = load_report("2020", PAIR), load_report("2021", PAIR)
    assert build_comparison(a, b, PAIR) == build_comparison("2020", "2021", PAIR)


def test_chinese_numeral_approximations_are_ranges_too() -> None:
    """三百多万 -> 三百一十万 is as unproven as 300多万 -> 310万."""
    from compare.diff import metric_delta
    from compare.extract import extract_metrics
    from compare.normalize import normalize

    def figure(text: str):  # type: ignore[no-untyped-def]
        return extract_metrics(normalize(f"【前言】\n\n全年{text}。"))[0]

    for old, new in (("三百多万人次", "三百一十万人次"), ("300多万人次", "310万人次")):
        delta = metric_delta(figure(old), figure(new))
        assert delta is not None and not delta.proven
        assert (delta.low, delta.high) == (Decimal(-900000), Decimal(100000))


# ---------------------------------------------------------------- metric identity (invented sentences)


def _report(text: str, year: str) -> Report:
    report = normalize(f"示例报告\n\n【前言】\n\n{text}", year=year)
    return replace(report, metrics=extract_metrics(report))


def _compare(base: str, new: str, config: Config | None = None) -> Comparison:
    return compare_reports(_report(base, "2030"), _report(new, "2031"), config or Config())


def _paired(c: Comparison) -> set[tuple[str, str]]:
    return {(m.base.raw, m.new.raw) for m in c.metrics if m.base and m.new}


def _unpaired(c: Comparison, raw: str) -> MetricChange:
    found = [
        m
        for m in c.metrics
        if (m.base and m.base.raw == raw and not m.new) or (m.new and m.new.raw == raw and not m.base)
    ]
    assert found, f"{raw} is paired"
    return found[0]


def test_a_growth_rate_never_pairs_with_a_level_or_a_share() -> None:
    """增长9.3% and 占比31.5% are both %, but one is a change and one a share."""
    c = _compare("全市出口总额增长9.3%。", "全市出口总额占比31.5%。")
    assert _paired(c) == set()
    assert "kind" in _unpaired(c, "9.3%").reason


def test_contradicting_scope_words_keep_figures_apart() -> None:
    """城镇 never pairs with 农村, nor 出口 with 进口, even when its own partner is gone."""
    c = _compare(
        "城镇居民人均收入5.1万元，农村居民人均收入2.3万元。出口总额1200亿元，进口总额800亿元。",
        "农村居民人均收入2.5万元。出口总额1300亿元。",
    )
    assert _paired(c) == {("2.3万元", "2.5万元"), ("1200亿元", "1300亿元")}
    assert _unpaired(c, "5.1万元").status is MetricStatus.MISSING
    assert _unpaired(c, "800亿元").status is MetricStatus.MISSING


def test_traditional_and_simplified_script_pair_as_one_measure() -> None:
    """新建驛站320個 is the same measure as 新建驿站300个: a change, not a missing and a new figure."""
    c = _compare("全年新建驿站300个。", "全年新建驛站320個。")
    (m,) = c.metrics
    assert m.status is MetricStatus.CHANGED and m.delta is not None and m.delta.change == 20


@pytest.mark.parametrize(("old", "new"), [("15万人", "16万人次"), ("120人", "135例")])
def test_a_unit_change_pairs_with_a_warning(old: str, new: str) -> None:
    """人 -> 人次 or 人 -> 例 is paired, flagged as another measure, and given no change."""
    c = _compare(f"全年救助困难职工{old}。", f"全年救助困难职工{new}。")
    (m,) = c.metrics
    assert m.base and m.new and m.measure_changed and m.delta is None
    assert any("different measures" in w for w in m.warnings)


def test_the_full_year_figure_pairs_with_the_full_year_figure() -> None:
    """Two figures under one label: the August allocation stays missing, the full-year ones pair."""
    c = _compare(
        "2030年8月，下拨专项资金5.5亿元。\n\n一年来，全市共下拨专项资金12.2亿元。",
        "全年下拨专项资金11.3亿元。",
    )
    assert _paired(c) == {("12.2亿元", "11.3亿元")}
    assert _unpaired(c, "5.5亿元").status is MetricStatus.MISSING


def test_restated_earlier_years_pair_by_year_not_with_this_years_figure() -> None:
    """A report restating last year's figure pairs it with that year's restatement, never with this year's."""
    c = _compare(
        "2030年，法院受理案件2.1万件。2029年，法院受理案件1.8万件。",
        "2031年，法院受理案件2.4万件。据悉，2030年，法院受理案件2.1万件。2029年，法院受理案件1.8万件。",
    )
    assert _paired(c) == {("2.1万件", "2.4万件"), ("1.8万件", "1.8万件")}


def test_explain_says_a_candidate_was_taken() -> None:
    """When the one-to-one assignment gave the best candidate to another figure, --explain names it."""
    c = _compare("下拨专项资金5亿元。\n\n下拨专项资金12亿元。", "下拨专项资金11亿元。")
    left = _unpaired(c, "5亿元")
    assert left.reason.startswith("taken:") and "11亿元" in left.reason and "12亿元" in left.reason
    assert left.candidates[0].status is CandidateStatus.TAKEN


def test_explain_says_a_candidate_scored_below_the_cutoff() -> None:
    """A weak candidate is named with its score and the cutoff."""
    c = _compare("全市新建职工书屋120个。", "全市新建体育场馆130个。")
    left = _unpaired(c, "120个")
    assert left.reason.startswith("below the cutoff:") and "130个" in left.reason
    assert left.candidates[0].status is CandidateStatus.BELOW_CUTOFF


@pytest.mark.parametrize(
    ("base", "new", "rule"),
    [
        ("城镇居民人均收入5.1万元。", "农村居民人均收入5.3万元。", "scope"),
        ("全市出口总额增长9.3%。", "全市出口总额占比9.5%。", "kind"),
        ("全年培训职工30万人。", "全年培训职工资金30万元。", "unit"),
    ],
)
def test_explain_says_which_rule_blocked_a_pair(base: str, new: str, rule: str) -> None:
    """A candidate kept away by a rule is named with the rule: scope, kind or unit."""
    c = _compare(base, new)
    left = next(m for m in c.metrics if m.base and not m.new)
    assert left.reason.startswith("blocked:") and rule in left.reason
    assert left.candidates[0].status is CandidateStatus.BLOCKED


def test_a_forbid_is_named_when_it_blocks() -> None:
    """[[forbid]] keeps a pair apart and --explain says so."""
    forbid = Config(forbids=(Pair("metric", "新建驿站", "新建驿站"),))
    c = _compare("全年新建驿站300个。", "全年新建驿站320个。", forbid)
    assert _paired(c) == set()
    assert "[[forbid]]" in _unpaired(c, "300个").reason


def test_targets_are_set_against_next_years_outcomes() -> None:
    """The invented target/outcome pair: last year's goals, this year's results, met or missed."""
    c = build_comparison("2030", "2031", DATA / "targets")
    got = {(t.target.label, t.target.raw, t.outcome.raw, t.status.value) for t in c.targets}
    assert got == {
        ("地区生产总值增长", "6%以上", "5.6%", "missed"),
        ("城镇新增就业", "10万人以上", "10.4万人", "met"),
        ("城镇调查失业率", "5%以内", "4.6%", "met"),
        ("常住人口城镇化率", "72%左右", "72.9%", "exceeded"),
    }
    # a target pairs with next year's target, and never with this year's outcome
    assert ("6%以上", "5.5%左右") in _paired(c)
    assert all(not (m.base and m.new and m.base.kind.value != m.new.kind.value) for m in c.metrics)


@pytest.mark.parametrize(
    ("base", "new"),
    [
        ("全县林业增加值0.3亿元。", "全县林业产值0.6亿元。"),  # value added is not output value
        ("近四年税收占比均在80%以上。", "全年税收占比64.8%。"),  # a claim over years is not one year's share
        ("新签约20亿元以上项目48个。", "新签约亿元以上项目463个。"),  # another threshold, another measure
    ],
)
def test_different_definitions_never_pair(base: str, new: str) -> None:
    """Alike names with another definition, span or threshold stay apart, with the rule named."""
    c = _compare(base, new)
    assert _paired(c) == set()
    assert next(m for m in c.metrics if m.base).reason.startswith(("blocked", "below", "no counterpart"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from("abcdefg"), max_size=60), st.lists(st.sampled_from("abcdefg"), max_size=60))
def test_long_sequences_cut_before_the_diff_still_rebuild_both_sides(a: list[str], b: list[str]) -> None:
    """However the sequences are cut (at unique items, then in proportional pieces), the runs rebuild a and b."""
    import compare.diff as diff

    for cells in (1, 16, 10**9):
        old, diff.LCS_CELLS = diff.LCS_CELLS, cells
        try:
            runs = diff._opcodes(a, b)
        finally:
            diff.LCS_CELLS = old
        assert [x for _, xa, _ in runs for x in xa] == a
        assert [x for _, _, xb in runs for x in xb] == b
        assert all(xa == xb for tag, xa, xb in runs if tag == "equal")


def test_a_long_section_with_one_sentence_changed_diffs_as_one_change(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut at the sentences each side holds once, a 3,000-sentence section still shows just the one change."""
    import compare.diff as diff

    monkeypatch.setattr(diff, "LCS_CELLS", 10_000)
    old = "".join(f"第{k}项工作完成投资{k + 1}万元。" for k in range(3000))
    new = old.replace("第1500项工作完成投资1501万元。", "第1500项工作完成投资1601万元。")
    ops, share = diff_text(old, new)
    changed = [(op, text) for op, text in ops if op.value != "equal"]
    assert [text for _, text in changed] == ["1501万元", "1601万元"] and share < 0.001


def test_attributes_of_different_entities_never_pair() -> None:
    """The beds of 养护院 pair with the beds of 养护院, not with another kind of home that comes first."""
    c = _compare(
        "全省共有养护院120个，床位2.4万张。",
        "全省共有其他照护机构260个，床位5.1万张。其中养护院131个，床位2.6万张。",
    )
    assert ("2.4万张", "2.6万张") in _paired(c)
    assert _unpaired(c, "5.1万张").status is MetricStatus.NEW
    c = _compare("五年来，全市法院共受理案件61.2万件，审结59.7万件。", "其中市中级法院受理2.2万件，审结2.0万件。")
    assert _paired(c) == set()  # a five-year city total is not one court's year


def test_the_start_of_a_span_never_pairs_as_this_years_figure() -> None:
    """Two identical copies of 排名从上年43位升至37位: each value pairs with itself, unchanged."""
    text = "全县综合实力排名从上年43位升至37位。"
    c = _compare(text, text)
    assert _paired(c) == {("43位", "43位"), ("37位", "37位")}
    assert all(m.status is MetricStatus.UNCHANGED for m in c.metrics)


def test_a_rate_noun_pairs_with_its_verb() -> None:
    """增幅为5.2% one year and 增长6.1% the next speak of one measure; so do 降幅为 and 下降."""
    c = _compare(
        "一、经济\n\n全市工业增加值增幅为5.2%，商品房销售面积降幅为3.4%。\n",
        "一、经济\n\n全市工业增加值增长6.1%，商品房销售面积下降2.1%。\n",
    )
    pairs = {(m.base.raw, m.new.raw) for m in c.metrics if m.base and m.new}
    assert pairs == {("5.2%", "6.1%"), ("3.4%", "2.1%")}


def test_lists_of_shares_pair_by_place_and_by_name() -> None:
    """Two lists in one sentence never share a key: each value pairs with its own across years."""
    base = "三类企业对利税的贡献率依次为12.4%、50.2%和37.4%,其中机械、纺织、食品表现较好,分别为30.1%、9.9%和6.2%。"
    new = "三类企业对利税的贡献率依次为11.0%、38.0%和51.0%,其中机械、纺织、食品表现较好,分别为20.5%、12.5%和5.0%。"
    got = _paired(_compare(base, new))
    assert got == {
        ("12.4%", "11.0%"),
        ("50.2%", "38.0%"),
        ("37.4%", "51.0%"),
        ("30.1%", "20.5%"),
        ("9.9%", "12.5%"),
        ("6.2%", "5.0%"),
    }
    got = _paired(_compare("各业分别拉动增长0.4、1.9、2.2个百分点。", "各业分别拉动增长1.1、0.7、3.0个百分点。"))
    assert got == {("0.4", "1.1"), ("1.9", "0.7"), ("2.2个百分点", "3.0个百分点")}


def test_a_work_report_keys_its_reviewed_year_alike_with_or_without_a_title() -> None:
    """A report titled 2033 reviews 2032; undated figures after 2032年,… key as its own year either way."""
    titled = (
        "2033年某县人民检察院工作报告\n\n2032年工作回顾\n\n"
        "2032年,全县检察机关认真履职。全年批准逮捕1240人,提起公诉2310人。"
    )
    untitled = "2036年工作回顾\n\n2036年,全县检察机关认真履职。全年批准逮捕1310人,提起公诉2150人。"
    base, new = normalize(titled), normalize(untitled)
    base, new = replace(base, metrics=extract_metrics(base)), replace(new, metrics=extract_metrics(new))
    assert {m.key.period for m in base.metrics if m.key} == {"own"}
    assert _paired(compare_reports(base, new, Config())) == {("1240人", "1310人"), ("2310人", "2150人")}


def test_a_milestone_never_pairs_as_the_level_of_its_measure() -> None:
    from compare.align.metrics import contradiction

    base = list(extract_metrics(normalize("【前言】\n\n全市工业总产值7900亿元。")))
    new = list(extract_metrics(normalize("【前言】\n\n全市工业总产值跨越8000亿元、达8650亿元。")))
    assert contradiction(base[0], new[0]) is not None  # 跨越8000亿元: the mark passed
    assert contradiction(base[0], new[1]) is None


def test_an_abbreviated_measure_keys_as_its_full_name() -> None:
    """寿险 is 人寿保险, 财产险 财产保险, 规上 规模以上 (data/synonyms.tsv): the same key, so the names pair."""
    full = _report("人寿保险保费收入12.3亿元，财产保险保费收入8.1亿元，规模以上工业企业486家。", "2030")
    short = _report("寿险保费收入5.4亿元，财产险保费收入31.6亿元，规上工业企业512家。", "2031")
    assert [m.key for m in full.metrics] == [m.key for m in short.metrics]


def test_acts_after_a_campaign_clause_count_its_object_in_both_years() -> None:
    """打击X犯罪,批捕N人,起诉M人: both acts key as X's, however the campaign is worded each year."""
    base = "严厉打击非法集资犯罪，批捕52人，起诉61人；对盗窃犯罪保持高压态势，批捕33人，起诉47人。"
    new = "深化盗窃犯罪专项治理，批捕29人，起诉40人；全链条打击非法集资犯罪，批捕58人，起诉66人。"
    c = _compare(base, new)
    assert _paired(c) == {("52人", "58人"), ("61人", "66人"), ("33人", "29人"), ("47人", "40人")}
    assert {m.new.key.measure for m in c.metrics if m.new and m.new.key} == {
        "盗窃犯罪批捕",
        "盗窃犯罪起诉",
        "非法集资犯罪批捕",
        "非法集资犯罪起诉",
    }


def test_employment_and_unemployment_never_pair() -> None:
    """就业 against 失业 (data/contrasts.txt): alike in words, opposite in meaning."""
    c = _compare("全区城镇新增就业人员6120人。", "全区城镇登记失业人员2340人。")
    assert _paired(c) == set()


def test_a_list_over_a_span_of_years_gives_each_value_its_year() -> None:
    """2027年到2030年…分别为a、b、c、d: each value is its year's; next edition's overlapping years pair by year."""
    base = _report(
        "2030年，全县植树造林稳步推进。2027年到2030年，全县植树分别为11万株、12万株、14万株、15万株。", "2030"
    )
    new = _report(
        "2031年，全县植树造林稳步推进。2028年到2031年，全县植树分别为12万株、14万株、15万株、18万株。", "2031"
    )
    assert [m.key.period for m in base.metrics if m.key] == ["2027", "2028", "2029", "own"]
    assert _paired(compare_reports(base, new, Config())) == {
        ("12万株", "12万株"),
        ("14万株", "14万株"),
        ("15万株", "18万株"),
    }


def test_a_level_against_its_normal_pairs_with_next_year_s_level() -> None:
    """比常年(N)偏少/偏多: this year's level pairs with next year's, the normal with the normal; a change against
    the normal is no evidence about last year's level. 年均浓度 is one year's average, no multi-year claim."""
    base = _report("全市年降水量1040.2毫米，比常年（1190.6毫米）偏少12.6%。PM2.5年均浓度为33微克/立方米。", "2030")
    new = _report("全市年降水量1310.8毫米，较常年（1190.6毫米）偏多10.1%。PM2.5年均浓度为30微克/立方米。", "2031")
    assert _paired(compare_reports(base, new, Config())) == {
        ("1040.2毫米", "1310.8毫米"),
        ("1190.6毫米", "1190.6毫米"),
        ("12.6%", "10.1%"),
        ("33微克/立方米", "30微克/立方米"),
    }
    assert all("多年" not in m.key.scope for m in base.metrics if m.key and m.unit == "微克/立方米")


def test_a_good_water_class_never_pairs_with_the_worst() -> None:
    """Ⅰ-Ⅲ类 against 劣Ⅴ类 (data/contrasts.txt): the share of good sections is no share of the worst."""
    c = _compare("全市地表水Ⅰ-Ⅲ类断面比例为86.2%。", "全市地表水劣Ⅴ类断面比例为1.1%。")
    assert _paired(c) == set()


def test_growth_on_an_adjusted_basis_never_pairs_with_growth_as_reported() -> None:
    """A change in 可比 or 实际 terms (said beside the reported one) and a change as reported are other figures:
    however the years' values fall, each pairs with its own kind."""
    c = _compare(
        "全县零售额800亿元,增长8.2%,扣除价格因素实际增长6.9%。", "全县零售额860亿元,增长7.0%,扣除价格因素实际增长8.1%。"
    )
    assert {("8.2%", "7.0%"), ("6.9%", "8.1%")} <= _paired(c)
    assert (
        "实际"
        in _unpaired(
            _compare("全县零售额800亿元,增长8.2%,扣除价格因素实际增长6.9%。", "全县零售额增长7.0%。"), "6.9%"
        ).reason
    )


def _read(text: str, year: str) -> Report:
    from compare.extract import read_metrics

    report = normalize(f"示例报告\n\n【前言】\n\n{text}", year=year)
    metrics, own = read_metrics(report)
    return replace(report, metrics=metrics, own_year=own)


def test_goals_meet_outcomes_of_their_year_or_the_next_only() -> None:
    """A 2030 report's goal (明年新建书屋30家) is checked against the 2031 report's outcome, never a 2032 one's:
    editions that skip a year say nothing of each other's goals."""
    base = _read("2030年,全县新建书屋28家。明年全县将新建书屋30家。", "2030")
    assert base.own_year == 2030
    assert [t.status.value for t in compare_reports(base, _read("2031年,全县新建书屋32家。", "2031"), Config()).targets]
    assert compare_reports(base, _read("2032年,全县新建书屋32家。", "2032"), Config()).targets == ()
