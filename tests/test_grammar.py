"""grammar.py: one figure grammar for extract, diff and align (numerals, scales, units, qualifiers, script)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare import grammar
from compare.diff import diff_text, tokenize
from compare.extract import extract_metrics
from compare.model import DiffOp, Qualifier
from compare.normalize import normalize

# Traditional forms of some lexicon units and of the scale words (OpenCC's t2s maps them back).
TRADITIONAL = {
    "个": "個",
    "张": "張",
    "吨": "噸",
    "台": "臺",
    "辆": "輛",
    "项": "項",
    "万": "萬",
    "亿": "億",
    "户": "戶",
}
# 年 is a unit only where a span is measured, P (compute) only where 算力 is said, 方 only after a scale word
UNITS = sorted(u for u in grammar.lexicon() if u not in ("年", "P", "方"))


def figures(sentence: str) -> list[tuple[str, Decimal | None, str, str]]:
    report = normalize("【前言】\n\n" + sentence)
    return [(m.raw, m.value, m.unit, m.qualifier.value) for m in extract_metrics(report)]


def _traditional(text: str) -> str:
    return "".join(TRADITIONAL.get(c, c) for c in text)


def test_every_unit_has_a_family_and_a_group() -> None:
    """The lexicon is data: every unit names what it measures and what it may be set beside."""
    assert len(grammar.lexicon()) > 100
    for unit in grammar.lexicon().values():
        assert unit.family and unit.group


@pytest.mark.parametrize(
    ("unit", "family"),
    [("吨", "mass"), ("千米", "length"), ("平方米", "area"), ("千瓦时", "energy"), ("欧元", "eur"), ("辆", "count")],
)
def test_units_outside_the_old_list_have_families(unit: str, family: str) -> None:
    """Masses, lengths, areas, energy, other currencies and counting words are all units."""
    assert grammar.unit_family(unit) == family


def test_compound_units_get_a_compound_family() -> None:
    """元/吨 is money per mass; /10万 is a rate per 100,000."""
    assert grammar.unit_family("元/吨") == "money/mass"
    assert grammar.unit_family("人/万人") == "people/people"
    assert grammar.unit_family("/10万") == "number/number"


@given(
    number=st.one_of(
        st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2),
        st.integers(min_value=1, max_value=99999).map(Decimal),
    ),
    scale=st.sampled_from(["", "万", "亿", "万亿"]),
    unit=st.sampled_from(UNITS),
    space=st.booleans(),
    traditional=st.booleans(),
    qualifier=st.sampled_from([("", "", "exact"), ("超过", "", "over"), ("约", "", "about"), ("", "以上", "at_least")]),
)
@settings(max_examples=300, deadline=None)
def test_any_figure_parses_back(
    number: Decimal, scale: str, unit: str, space: bool, traditional: bool, qualifier: tuple[str, str, str]
) -> None:
    """Any number with any scale, any lexicon unit (spaced or not, either script) and a qualifier reads back."""
    pre, post, name = qualifier
    written = f"{pre}{number:f}{' ' if space else ''}{scale}{unit}{post}"
    if traditional:
        written = _traditional(written)
    found = figures(f"全年共计{written}。")
    assert len(found) == 1, found
    raw, value, got_unit, got_qualifier = found[0]
    assert raw == written
    assert value == number * (grammar.SCALES[scale] if scale else 1)
    assert grammar.unit_family(got_unit) == grammar.unit_family(unit)
    assert got_qualifier == name


@given(st.text(max_size=120))
@settings(max_examples=300, deadline=None)
def test_arbitrary_text_never_crashes_the_grammar(text: str) -> None:
    """Any text at all: the patterns, the folding and the extraction raise nothing."""
    folded = grammar.fold(text)
    assert len(folded) == len(text)
    list(grammar.figure_re().finditer(folded))
    assert "".join(tokenize(text)) == text
    report = normalize("【前言】\n\n" + text)
    for m in extract_metrics(report):
        assert report.text[m.start : m.end] == m.raw


def test_folding_keeps_length_and_reads_traditional_as_simplified() -> None:
    """國內生產總值 reads as 国内生产总值; simplified text comes back unchanged, without loading OpenCC."""
    assert grammar.fold("國內生產總值增長6.1%") == "国内生产总值增长6.1%"
    assert grammar.fold("国内生产总值") == "国内生产总值"


@pytest.mark.parametrize("unit", UNITS)
def test_diff_keeps_a_figure_whole_with_any_unit(unit: str) -> None:
    """Two sentences that differ only in a figure: the diff deletes one whole figure and inserts the other."""
    ops, _ = diff_text(f"全年建成30{unit}服务设施。", f"全年建成45{unit}服务设施。")
    edits = [(op, text) for op, text in ops if op is not DiffOp.EQUAL]
    assert edits == [(DiffOp.DELETE, f"30{unit}"), (DiffOp.INSERT, f"45{unit}")]


def test_qualifiers_read_as_meaning() -> None:
    """不低于 is a floor, 不超过 a ceiling, 左右 an about-figure."""
    assert figures("增速不低于6%。")[0][3] == Qualifier.AT_LEAST.value
    assert figures("赤字率不超过3%。")[0][3] == Qualifier.UNDER.value
    assert figures("增长5%左右。")[0][3] == Qualifier.ABOUT.value


def test_days_and_batches_are_units() -> None:
    """天 measures a duration (平均办理时间31天) and 批次 a count of batches; 4千余批次 keeps its unit."""
    text = "【前言】\n\n平均办理时间31天，比上年缩短6天。受理查询1268批次，其中网上查询4千余批次。"
    found = extract_metrics(normalize(text))
    assert [(m.raw, m.unit, grammar.unit_family(m.unit)) for m in found] == [
        ("31天", "天", "day"),
        ("6天", "天", "day"),
        ("1268批次", "批次", "batches"),
        ("4千余批次", "批次", "batches"),
    ]
    assert grammar.unit_group("天") == grammar.unit_group("小时") != grammar.unit_group("床日")


_CN = "〇一二三四五六七八九"


@given(
    number=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2),
    point=st.sampled_from([".", "．", "点"]),
    unit=st.sampled_from(["%", "万人", "个百分点", "亿元"]),
)
@settings(max_examples=200, deadline=None)
def test_a_decimal_in_chinese_digits_parses_back(number: Decimal, point: str, unit: str) -> None:
    """一二三四.五六 (each digit a character, the point a dot or 点) reads back as the number it writes."""
    whole, _, fraction = f"{number:f}".partition(".")
    written = "".join(_CN[int(c)] for c in whole) + point + "".join(_CN[int(c)] for c in fraction) + unit
    found = figures(f"全年共计{written}。")
    assert len(found) == 1, found
    raw, value, _, _ = found[0]
    assert raw == written
    scale = grammar.SCALES.get(unit[:1], Decimal(1))
    assert value == number * scale


def test_traditional_characters_gb2312_also_holds_fold_too() -> None:
    """後, 於 and 徵 are in GB2312 and traditional: 扣除…因素後 and 高於 read as 因素后 and 高于."""
    assert grammar.fold("扣除留抵因素後增長3%，高於上年，徵收") == "扣除留抵因素后增长3%，高于上年，征收"
    assert grammar.fold("此后高于上年") == "此后高于上年"
