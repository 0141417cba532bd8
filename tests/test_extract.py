"""extract.py: every figure becomes a Metric with the stated value, unit and qualifier."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare import load_report
from compare.extract import extract_metrics
from compare.model import Direction, Metric, Qualifier
from compare.normalize import normalize

from .conftest import REPORTS


def figures(sentence: str) -> list[Metric]:
    report = normalize("【前言】\n\n" + sentence)
    return list(extract_metrics(report))


_READ: dict[str, Callable[[Metric], object]] = {
    "measure": lambda m: m.key.measure if m.key else "",
    "kind": lambda m: m.kind.value,
    "period": lambda m: m.key.period if m.key else "",
    "scope": lambda m: tuple(m.key.scope) if m.key else (),
    "direction": lambda m: m.direction,
    "parent": lambda m: m.parent,
    "qualifier": lambda m: m.qualifier.value,
}


def read(sentence: str, *fields: str) -> dict[str, Any]:
    """Each figure's raw text with the named fields of its record (one field alone, or a tuple of them)."""
    pick = [_READ[f] for f in fields]
    return {m.raw: pick[0](m) if len(pick) == 1 else tuple(p(m) for p in pick) for m in figures(sentence)}


def one(sentence: str) -> tuple[Decimal | None, str, str]:
    found = figures(sentence)
    assert len(found) == 1, [m.raw for m in found]
    m = found[0]
    return m.value, m.unit, m.qualifier.value


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "qualifier"),
    [
        ("共安排疫情防控资金24.92亿元。", 2492000000, "元", "exact"),
        ("慰问一线人员551.07万人。", 5510700, "人", "exact"),
        ("惠及63.48万个小微企业。", 634800, "个", "exact"),
        ("累计投票数2300余万次。", 23000000, "次", "over"),
        ("其中有300多名抗疫先进典型。", 300, "名", "over"),
        ("累计培训职工1.09亿人次。", 109000000, "人次", "exact"),
        ("目前累计达41101人。", 41101, "人", "exact"),
        ("补助资金1,234.5万元。", 12345000, "元", "exact"),
        ("全网观看量达百万人次。", 1000000, "人次", "exact"),
        ("100个会场的万名快递员在网上入会。", None, "", ""),  # two figures: checked below
        ("新发展会员一千二百万人。", 12000000, "人", "exact"),
        ("增长3.5%。", Decimal("3.5"), "%", "exact"),
        ("提高2个百分点。", 2, "个百分点", "exact"),
        ("增长5.2%左右。", Decimal("5.2"), "%", "about"),
        ("覆盖900万人以上。", 9000000, "人", "at_least"),
        ("覆盖职工人数则突破2.6亿。", 260000000, "人", "over"),
        ("吸引超过1230万职工实名制参与。", 12300000, "人", "over"),
        ("全国新就业形态劳动者约8400万人。", 84000000, "人", "about"),
        ("参与者近5000人。", 5000, "人", "under"),
        ("覆盖不足300家企业。", 300, "家", "under"),
        ("增长百分之五。", 5, "%", "exact"),
    ],
)
def test_figure_forms(sentence: str, value: object, unit: str, qualifier: str) -> None:
    """Arabic and Chinese numerals, 万/亿, units and qualifiers read as stated."""
    if value is None and not unit:
        raws = [(m.raw, m.value, m.unit) for m in figures(sentence)]
        assert raws == [("100个", 100, "个"), ("万名", 10000, "名")]
        return
    assert one(sentence) == (Decimal(value), unit, qualifier)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "sentence",
    [
        "2020年11月24日，大会在北京举行。",
        "2020年底，捷报传来。",
        "联合发布2019年“大国工匠年度人物”。",
        "关于2020年度资金的通知。",
        "开展第六届交流活动，命名第三批工作室，开展第四轮内部巡视。",
        "2021年是开启新征程的第一年。",
        "制定《五年规划（2021—2025年）》。",
        "实施“十四五”规划，学习十九届五中全会精神。",
        "实施劳动关系能力提升三年行动计划。",
        "做好“六稳”工作、落实“六保”任务，推进八大群体入会。",
        "增强四个意识，做到两个维护，落实四个一批。",
        "为一线医护人员送上温暖，推出五一特别节目。",
        "经过8个月的火热开展，经过5年的发展。",
        "举行“快递员万人网上集中入会仪式”。",
        "推进百人以上企业建会。",
        "发展2020年“和谐同行”千户企业培育共同行动。",
        "是中国共产党成立100周年。",
        "建设5G网络，连线4地产业工人。",
    ],
)
def test_not_figures(sentence: str) -> None:
    """Dates, ordinals, periods, plan names, slogans, names and durations are not figures."""
    assert [m.raw for m in figures(sentence)] == []


def test_placeholders_are_pending_metrics() -> None:
    """XX万人, ××亿元, X.X% and 【待补】 are placeholders with no value."""
    found = figures("新发展会员XX万人，投入资金××亿元，增长X.X%，办理案件（具体件次【待补】）。")
    assert [(m.raw, m.value, m.unit, m.qualifier) for m in found] == [
        ("XX万人", None, "人", Qualifier.PLACEHOLDER),
        ("××亿元", None, "元", Qualifier.PLACEHOLDER),
        ("X.X%", None, "%", Qualifier.PLACEHOLDER),
        ("【待补】", None, "件次", Qualifier.PLACEHOLDER),
    ]


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("据统计，全总及各省级工会共安排疫情防控资金24.92亿元，慰问疫情防控一线人员551.07万人。", "疫情防控资金"),
        ("据统计，2020年，各级工会投入61.8亿元送温暖资金，用于慰问。", "送温暖资金"),
        ("全总下拨专项帮扶资金12.18亿元，支持困难职工。", "专项帮扶资金"),
        ("目前，这些平台已累计提供岗位127万个。", "提供岗位"),
        # single-character fillers (共, 对, 有) split only where they stand alone
        ("全市社会共治项目120个。", "社会共治项目"),
        ("各地对标建成驿站120个。", "各地对标建成驿站"),
        ("全省共培训职工300人。", "培训职工"),
        ("有关部门培训职工300人。", "有关部门培训职工"),
    ],
)
def test_labels(sentence: str, label: str) -> None:
    """The label is the measured thing, cleaned of filler such as 共/安排/投入/累计."""
    assert figures(sentence)[0].label == label


def test_each_figure_in_a_clause_gets_its_own_label() -> None:
    """Two figures in one sentence get two labels."""
    found = figures("全总共安排疫情防控资金24.92亿元，慰问疫情防控一线人员551.07万人。")
    assert [m.label for m in found] == ["疫情防控资金", "慰问疫情防控一线人员"]


# The whole 2020 list: (section, raw, label, value, unit, qualifier).
EXPECTED_2020 = [
    ("s00", "2493个", "名字被载入全国劳模和先进工作者光荣榜", 2493, "个", "exact"),
    ("s01", "2493名", "表彰全国劳模和先进工作者", 2493, "名", "exact"),
    ("s01", "300多名", "抗疫先进典型", 300, "名", "over"),
    ("s02", "24.92亿元", "疫情防控资金", 2492000000, "元", "exact"),
    ("s02", "551.07万人", "慰问疫情防控一线人员", 5510700, "人", "exact"),
    ("s02", "31个", "省总工会", 31, "个", "exact"),
    ("s02", "63.48万个", "退还工会经费惠及小微企业", 634800, "个", "exact"),
    ("s03", "127万个", "提供岗位", 1270000, "个", "exact"),
    ("s03", "2.2万人", "建档困难职工家庭应属高校毕业生", 22000, "人", "exact"),
    ("s03", "30.3万人次", "家政服务人员培训", 303000, "人次", "exact"),
    ("s04", "5.54亿元", "专项帮扶资金", 554000000, "元", "exact"),
    ("s04", "12.18亿元", "专项帮扶资金", 1218000000, "元", "exact"),
    ("s04", "61.8亿元", "送温暖资金", 6180000000, "元", "exact"),
    ("s04", "507万人次", "两节送温暖慰问困难职工、劳模和一线职工", 5070000, "人次", "exact"),
    ("s05", "135.8万人", "参与职工", 1358000, "人", "exact"),
    ("s05", "4569件次", "帮助解决农民工欠薪", 4569, "件次", "exact"),
    ("s05", "5.7亿元", "追回欠薪", 570000000, "元", "exact"),
    ("s06", "百万人次", "直播活动全网观看量", 1000000, "人次", "exact"),
    ("s06", "百家", "命名全国示范性劳模和工匠人才创新工作室", 100, "家", "exact"),
    ("s06", "1.09亿人次", "培训职工", 109000000, "人次", "exact"),
    ("s07", "2300余万次", "投票数", 23000000, "次", "over"),
    ("s07", "1.5亿人次", "活动总浏览量", 150000000, "人次", "exact"),
    ("s07", "突破2.6亿", "覆盖职工人数", 260000000, "人", "over"),
    ("s07", "超过1230万", "吸引职工实名制", 12300000, "人", "over"),
    ("s07", "1.25亿次", "播放量、阅读量", 125000000, "次", "exact"),
    ("s08", "100个", "会场", 100, "个", "exact"),
    ("s08", "万名", "快递员", 10000, "名", "exact"),
    ("s08", "874.3万人", "新发展八大群体会员", 8743000, "人", "exact"),
    ("s08", "23万家", "百人以上企业", 230000, "家", "exact"),
    ("s08", "1.57亿元", "乡镇工会专项补助经费", 157000000, "元", "exact"),
    ("s08", "3357人", "社会化工会工作者年度新增", 3357, "人", "exact"),
    ("s08", "41101人", "社会化工会工作者累计", 41101, "人", "exact"),
    ("s09", "13个", "地方和企业分类指导", 13, "个", "exact"),
]


def test_the_whole_2020_list() -> None:
    """Every figure of the 2020 report, and nothing else, with value, unit, qualifier and label."""
    report = load_report("2020", REPORTS)
    got = [(m.section, m.raw, m.label, m.value, m.unit, m.qualifier.value) for m in report.metrics]
    assert got == [(s, r, lab, Decimal(v), u, q) for s, r, lab, v, u, q in EXPECTED_2020]


def test_2020_metric_records_are_consistent() -> None:
    """Raw text sits at its offsets, inside its sentence and its section; ids are unique."""
    report = load_report("2020", REPORTS)
    assert len({m.id for m in report.metrics}) == len(report.metrics)
    for m in report.metrics:
        assert report.text[m.start : m.end] == m.raw
        assert m.raw in m.sentence
        section = report.section(m.section)
        assert section.start <= m.start < m.end <= section.end


def test_split_figure_is_found_with_its_full_label() -> None:
    """金12.18亿元, split from 专项帮扶资 by a page break, is read whole with its label."""
    report = load_report("2020", REPORTS)
    m = next(m for m in report.metrics if m.raw == "12.18亿元")
    assert m.label == "专项帮扶资金" and "下拨专项帮扶资金12.18亿元" in m.sentence


# ---------------------------------------------------------------- properties

_CN = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    """A simple reference rendering of 1..99999999 in Chinese numerals (for round trips)."""

    def below_10k(x: int) -> str:
        out, zero = "", False
        for value, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = x // value % 10
            if digit:
                out += ("零" if zero and out else "") + _CN[digit] + word
                zero = False
            else:
                zero = True
        return out

    high, low = divmod(n, 10000)
    if not high:
        return below_10k(low)
    return below_10k(high) + "万" + ("零" if 0 < low < 1000 else "") + below_10k(low)


@given(st.integers(min_value=1, max_value=99_999_999), st.sampled_from(["人", "人次", "个", "元", "家"]))
@settings(max_examples=80, deadline=None)
def test_chinese_numerals_round_trip(n: int, unit: str) -> None:
    """A count written in Chinese numerals parses back to the same value (when it has a scale)."""
    text = _chinese(n)
    found = figures(f"共计{text}{unit}。")
    has_scale = any(c in text for c in "十百千万")
    if has_scale:
        assert [(m.value, m.unit) for m in found] == [(Decimal(n), unit)]


@given(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2),
    st.sampled_from([("", 1), ("万", 10**4), ("亿", 10**8)]),
    st.sampled_from(["人", "元", "人次", "个"]),
)
@settings(max_examples=80, deadline=None)
def test_arabic_with_scale_round_trip(number: Decimal, scale: tuple[str, int], unit: str) -> None:
    """24.92亿元 style figures give the exact value in base units, never a float."""
    word, factor = scale
    written = f"{number:f}{word}{unit}"
    (m,) = figures(f"共计{written}。")
    assert m.value == number * factor and m.unit == unit and m.raw == written


@given(
    st.text(
        alphabet=st.sampled_from(
            list("共计达约超过余多以上万亿元人次个%第年月12345.XX×【待补】，。、“”《》的和了一二十百千")
        ),
        max_size=80,
    )
)
@settings(max_examples=200, deadline=None)
def test_arbitrary_text_never_crashes_and_offsets_hold(text: str) -> None:
    """Any text extracts without error, and every raw equals the text at its offsets."""
    report = normalize("【前言】\n\n" + text + "。")
    for m in extract_metrics(report):
        assert report.text[m.start : m.end] == m.raw
        assert m.value is None or m.value >= 0


def test_extraction_is_deterministic() -> None:
    """The same report gives the same records twice."""
    report = load_report("2020", REPORTS)
    again = replace(report, metrics=())
    assert extract_metrics(again) == report.metrics


def test_figure_at_the_very_end_of_the_text() -> None:
    """A count in 个 that ends the text (no final 。) is still a figure."""
    report = normalize("【前言】\n\n各地建成驿站120个")
    assert [m.raw for m in extract_metrics(report)] == ["120个"]


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "qualifier"),
    [
        ("全年培訓職工120萬人次。", 1200000, "人次", "exact"),
        ("新建驛站3萬餘個。", 30000, "个", "over"),
        ("投入資金兩億元。", 200000000, "元", "exact"),
    ],
)
def test_traditional_characters(sentence: str, value: int, unit: str, qualifier: str) -> None:
    """萬, 億, 兩, 餘 and 個 read like 万, 亿, 两, 余 and 个; the unit is given in simplified script."""
    assert one(sentence) == (Decimal(value), unit, qualifier)


# ---------------------------------------------------------------- reports of other kinds (invented sentences)


def described(text: str) -> list[tuple[str, str, str, str | None]]:
    """(raw, label, kind, direction) of every figure of a small report."""
    report = normalize(text)
    return [(m.raw, m.label, m.kind.value, m.direction.value if m.direction else None) for m in extract_metrics(report)]


@pytest.mark.parametrize(
    ("sentence", "raw", "value", "unit"),
    [
        ("全市新能源汽车保有量达12.4万辆。", "12.4万辆", 124000, "辆"),
        ("港口完成货物吞吐量3.5亿吨。", "3.5亿吨", 350000000, "吨"),
        ("新建高速公路86.5千米。", "86.5千米", Decimal("86.5"), "千米"),
        ("造林面积27.8千公顷。", "27.8千公顷", 27800, "公顷"),
        ("全社会用电量1230亿千瓦时。", "1230亿千瓦时", 123000000000, "千瓦时"),
        ("对欧出口9.6亿欧元。", "9.6亿欧元", 960000000, "欧元"),
        ("人均受教育年限10.8年。", "10.8年", Decimal("10.8"), "年"),
        ("平均预期寿命78.6岁。", "78.6岁", Decimal("78.6"), "岁"),
        ("人口出生率6.5‰。", "6.5‰", Decimal("6.5"), "‰"),
        ("菜价均价4.2元/斤。", "4.2元/斤", Decimal("4.2"), "元/斤"),
        ("每万人口拥有律师3.2人/万人。", "3.2人/万人", Decimal("3.2"), "人/万人"),
        ("新增装机容量45万千瓦。", "45万千瓦", 450000, "千瓦"),
        ("网站访问量为3.27 亿人次。", "3.27 亿人次", 327000000, "人次"),
        ("结核病报告发病率为45.6/10万。", "45.6/10万", Decimal("45.6"), "/10万"),
        ("货物和服务净出口的贡献率为-3.2%。", "-3.2%", Decimal("-3.2"), "%"),
        ("逾六成职工参加培训。", "逾六成", 60, "%"),
    ],
)
def test_open_units_and_forms(sentence: str, raw: str, value: object, unit: str) -> None:
    """Units outside the old list, compound and per-capita units, spaces, signs and 成 are read."""
    assert [(r, v, u) for r, v, u, _ in figures_of(sentence)] == [(raw, Decimal(value), unit)]  # type: ignore[arg-type]


def figures_of(sentence: str) -> list[tuple[str, Decimal | None, str, str]]:
    return [(m.raw, m.value, m.unit, m.qualifier.value) for m in figures(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "每千人口执业医师增加。",  # a per-capita denominator is no count
        "万元地区生产总值能耗下降。",  # a bare scale word with 元 names a unit of measure
        "推进亿元以上项目建设。",
        "详见 https://example.org/report/2020/12.5%25 页面。",  # numbers inside a URL
        "六十岁以上老人免费乘车，年满18岁即可报名。",  # age classes, not ages
        "建设3A级以上景区。",  # a size class
        "会议于10:30开幕，比分2:1。",  # times and scores are no ratios
    ],
)
def test_not_figures_in_other_reports(sentence: str) -> None:
    """Denominators, units of measure, URLs, age and size classes, times and scores are not figures."""
    assert figures_of(sentence) == []


def test_figures_after_verbs_of_change_and_closing_quotes() -> None:
    """增加350亿元, 再提高2岁, “春风行动”150万人次 and the second figure of a list are all read."""
    raws = [
        m.raw for m in figures("税收收入增加350亿元，平均寿命再提高2岁，“助学行动”帮扶150万人次，分别增加20元和8元。")
    ]
    assert raws == ["350亿元", "2岁", "150万人次", "20元", "8元"]


def test_a_change_speaks_of_the_level_before_it() -> None:
    """比上年增长6.1% is a change of the figure it follows, with its direction; 下降 is down."""
    found = described("【前言】\n\n全年粮食产量520万吨，比上年增长6.1%。蔬菜产量80万吨，下降2.3%。")
    assert found == [
        ("520万吨", "粮食产量", "level", None),
        ("6.1%", "粮食产量增长", "change", "up"),
        ("80万吨", "蔬菜产量", "level", None),
        ("2.3%", "蔬菜产量下降", "change", "down"),
    ]
    report = normalize("【前言】\n\n全年粮食产量520万吨，比上年增长6.1%。")
    level, change = extract_metrics(report)
    assert change.parent == level.id and change.signed == Decimal("6.1")
    assert level.key is not None and change.key is not None and level.key.measure == change.key.measure


def test_shares_per_capita_and_rates_of_change_are_kinds() -> None:
    """占…比重 is a share, 人均 a per-capita figure, 增速 a change; a ratio a:b:c gives three shares."""
    found = described(
        "【前言】\n\n服务业增加值占地区生产总值的比重为55.2%。人均可支配收入4.2万元。出口增速8.5%。三次产业比例为5.1:40.2:54.7。"
    )
    kinds = [(raw, kind) for raw, _, kind, _ in found]
    assert kinds == [
        ("55.2%", "share"),
        ("4.2万元", "per_capita"),
        ("8.5%", "change"),
        ("5.1", "share"),
        ("40.2", "share"),
        ("54.7", "share"),
    ]


def test_targets_are_a_kind() -> None:
    """A goal sentence (预期目标, 力争) states targets; a figure for the year ahead is one too."""
    found = described("【前言】\n\n2030年全市预期目标是：地区生产总值增长6%左右，城镇新增就业9万人以上。")
    assert [kind for _, _, kind, _ in found] == ["target", "target"]
    report = normalize("【前言】\n\n2030年，全市实现地区生产总值1.2万亿元。预计2031年地区生产总值达到1.3万亿元。")
    outcome, ahead = extract_metrics(report)
    assert outcome.kind.value == "level" and outcome.key is not None and outcome.key.period == "own"
    assert ahead.kind.value == "target" and ahead.key is not None and ahead.key.period == "plan"


def test_lists_give_each_figure_its_own_subject() -> None:
    """城镇和农村居民收入分别为…和…: each figure measures its own subject; 分别增长 follows them."""
    found = described("【前言】\n\n城镇和农村居民人均收入分别为5.1万元和2.3万元，分别增长5.2%和7.1%。")
    assert [(raw, label) for raw, label, _, _ in found] == [
        ("5.1万元", "城镇居民人均收入"),
        ("2.3万元", "农村居民人均收入"),
        ("5.2%", "城镇居民人均收入增长"),
        ("7.1%", "农村居民人均收入增长"),
    ]


def test_labels_never_cross_a_heading_a_bullet_or_a_line() -> None:
    """A numbered heading, a bullet or the line before never joins a label; glosses in brackets drop."""
    text = (
        "一、重点任务\n城镇新增就业8.5万人。\n●居民收入\n人均可支配收入3.9万元。\n"
        "城镇化率(urbanization rate)达到66.1%。"
    )
    labels = [label for _, label, _, _ in described(text)]
    assert labels == ["城镇新增就业", "人均可支配收入", "城镇化率"]


def test_traditional_labels_read_as_written_and_key_in_simplified() -> None:
    """The label keeps the report's script; the key that pairing compares is simplified."""
    report = normalize("【前言】\n\n全年糧食總產量520萬噸，比上年增長6.1%。")
    level, change = extract_metrics(report)
    assert level.label == "糧食總產量" and level.unit == "吨"
    assert level.key is not None and level.key.measure == "粮食总产量"
    assert change.label == "糧食總產量增長" and change.direction is not None


def test_restated_earlier_years_keep_their_year() -> None:
    """In a 2031 report, a sentence about 2029 states figures of 2029, not of the report's own year."""
    report = normalize("【前言】\n\n2031年，全市受理案件2.1万件。2029年，全市受理案件1.8万件。")
    own, earlier = extract_metrics(report)
    assert own.key is not None and own.key.period == "own"
    assert earlier.key is not None and earlier.key.period == "2029"


def test_comment_lines_opening_a_text_report_are_not_read() -> None:
    """A plain-text report may open with # lines (source notes, URLs): they hold no figures."""
    report = normalize(
        "# SOURCE: 某市统计局 2031年 第12期\n# URL: https://example.org/a%E5%B9%B4\n\n全年生产总值1.2万亿元。"
    )
    assert [m.raw for m in extract_metrics(report)] == ["1.2万亿元"]


@pytest.mark.parametrize(
    ("text", "raw", "kind"),
    [
        ("2031年，全市客运班线由2030年的31条增加到2031年36条。", "36条", "level"),  # an end point, not a deadline
        ("2031年，实施“万人培训计划”，培训职工1.2万人。", "1.2万人", "level"),  # 计划 inside a name
        ("2031年，全市超额完成年度目标任务，新增就业3.2万人。", "3.2万人", "level"),  # a goal met
        ("2031年经济增长目标确定为6%左右。", "6%左右", "target"),
    ],
)
def test_goal_words_make_targets_only_where_they_set_a_goal(text: str, raw: str, kind: str) -> None:
    """到2031年 after 增加, 计划 inside a quoted name, a goal already met: none of them sets a target."""
    found = {r: k for r, _, k, _ in described("【前言】\n\n" + text)}
    assert found[raw] == kind


@pytest.mark.parametrize(
    ("sentence", "raw", "value", "unit"),
    [
        ("PM2.5年均浓度为38微克/立方米。", "38微克/立方米", 38, "微克/立方米"),
        ("全市营收突破千亿元。", "突破千亿元", 100000000000, "元"),
        ("医师日均担负11.26诊疗人次。", "11.26诊疗人次", Decimal("11.26"), "诊疗人次"),
        ("民用船舶运力562.3万吨位。", "562.3万吨位", 5623000, "吨位"),
    ],
)
def test_names_with_digits_and_service_units(sentence: str, raw: str, value: object, unit: str) -> None:
    """PM2.5 is a name, not 2.5年; concentrations, service units and 突破千亿元 are figures."""
    assert [(r, v, u) for r, v, u, _ in figures_of(sentence)] == [(raw, Decimal(value), unit)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [
        ("共选派5名厅局级干部、48名县处级干部挂职。", ["选派厅局级干部", "县处级干部挂职"]),
        ("一般公共预算收入300亿元，按可比口径增长7.4%。", ["一般公共预算收入", "一般公共预算收入增长"]),
        ("全市研发投入增长12%。", ["研发投入增长"]),
        ("第一时间动员1215个妇联组织参与。", ["动员妇联组织"]),
        ("全县种植业实现增加值33亿元。", ["种植业增加值"]),
    ],
)
def test_labels_name_what_is_counted(sentence: str, labels: list[str]) -> None:
    """The noun after a figure, the subject before a light verb, the measure before its change: each is named."""
    assert [label for _, label, _, _ in described("【前言】\n\n" + sentence)] == labels


def test_a_mark_passed_in_words_is_not_the_measure() -> None:
    """全县工业产值首次突破千亿大关，达到…: the figure measures what passed the mark, not the mark."""
    got = {m.raw: (m.label, m.kind.value) for m in figures("全县工业产值首次突破千亿大关，达到1086.5亿元，增长7.1%。")}
    assert got == {"1086.5亿元": ("工业产值", "level"), "7.1%": ("工业产值增长", "change")}
    got = {m.raw: m.label for m in figures("全县社会消费品零售总额跨越五百亿台阶，实现512.3亿元。")}
    assert got == {"512.3亿元": "社会消费品零售总额"}  # and 五百亿台阶 counts no machines (台)


def test_a_light_verb_before_the_activity_is_not_part_of_the_measure() -> None:
    """各地协会开展…技能培训，全年培训8.5万人次: the training is the measure, not who held it."""
    got = {m.raw: m.label for m in figures("支持各地协会开展新就业形态劳动者技能培训，全年培训8.5万人次。")}
    assert got == {"8.5万人次": "新就业形态劳动者技能培训"}


def test_an_attribute_after_a_counted_entity_carries_the_entity() -> None:
    """托育中心320个，床位1.8万张，收养…: the beds and the children are the centres', not anyone's."""
    got = {
        m.raw: m.label
        for m in figures(
            "全市共有托育中心320个，床位1.8万张，比上年增长6.2%，收养婴幼儿2.1万人。其中公办托育中心85个，床位0.6万张。"
        )
    }
    assert got == {
        "320个": "托育中心",
        "1.8万张": "托育中心床位",
        "6.2%": "托育中心床位增长",
        "2.1万人": "托育中心收养婴幼儿",
        "85个": "公办托育中心",
        "0.6万张": "公办托育中心床位",
    }
    got = {m.raw: m.label for m in figures("其中市中级法院受理2.2万件，审结2.0万件。")}
    assert got == {"2.2万件": "市中级法院受理", "2.0万件": "市中级法院审结"}  # the court named before the verb


def test_an_entity_is_neither_an_aside_nor_an_adverb_and_ends_with_a_new_measure() -> None:
    """A count in brackets, 严肃查处 (an adverb, not an actor) and a measure of its own give no entity."""
    got = {m.raw: m.label for m in figures("全市养护机构46个(其中民办机构12个)，床位8200张。")}
    assert got["8200张"] == "养护机构床位"
    got = {m.raw: m.label for m in figures("严肃查处职务犯罪18人，立案侦查贿赂犯罪11人。")}
    assert got["11人"] == "立案侦查贿赂犯罪"
    got = {m.raw: m.label for m in figures("全市养护机构46个，其中社区站点20个；托位总数3100张，年末收养老人2600人。")}
    assert got["2600人"] == "收养老人"
    got = {m.raw: m.label for m in figures("年末驿站数达到420个，服务的环卫工人约3.6万人。")}
    assert got["约3.6万人"] == "服务的环卫工人"  # 驿站数 says how many; it names no entity to lend
    got = {m.raw: m.label for m in figures("全区已建成驿站120个；截至年底，驿站数超过150个，服务的环卫工人约3.6万人。")}
    assert got["约3.6万人"] == "服务的环卫工人" and got["超过150个"] == "驿站数"  # a count of its own ends it


def test_a_respectively_list_spreads_its_subjects_over_its_values() -> None:
    """A、B、C增加值分别增长…: each sector gets its value; 城乡 splits in two; 分别比…上升 follows the levels."""
    got = {
        m.raw: (m.label, m.key.measure if m.key else "")
        for m in figures("其中,仓储和快递业、餐饮和住宿业、文化和娱乐业增加值分别增长-1.4%、2.6%、7.9%。")
    }
    assert got == {
        "-1.4%": ("仓储和快递业增加值增长", "仓储和快递业增加值"),
        "2.6%": ("餐饮和住宿业增加值增长", "餐饮和住宿业增加值"),
        "7.9%": ("文化和娱乐业增加值增长", "文化和娱乐业增加值"),
    }
    got = read("城乡居民人均消费支出分别增长6.4%、8.1%。", "measure")
    assert got == {"6.4%": "城镇居民人均消费支出", "8.1%": "农村居民人均消费支出"}
    # two measures listed, not two places
    got = read("城乡居民人均住房面积和医疗支出分别增长3.3%和7.7%。", "measure")
    assert got == {"3.3%": "城乡居民人均住房面积", "7.7%": "城乡居民人均医疗支出"}
    found = figures("五年来全市检察院受理案件8.6万件，办结8.1万件，分别比上个五年上升31.2%和28.7%。")
    got = {m.raw: (m.label, m.key.scope if m.key else ()) for m in found}
    assert got["31.2%"] == ("检察院受理案件上升", ("多年",))
    assert got["28.7%"] == ("检察院办结上升", ("多年",))
    report = normalize("【前言】\n\n2031年，受理案件1.9万件，办结1.7万件，分别比2026年上升12.5%和10.3%。")
    changes = [m for m in extract_metrics(report) if m.unit == "%"]
    assert [(m.label, m.key.scope if m.key else ()) for m in changes] == [
        ("受理案件上升", ("多年",)),  # against a year long past: not this year's growth
        ("办结上升", ("多年",)),
    ]


def test_a_change_after_a_bracketed_aside_speaks_of_the_main_figure() -> None:
    """工业总产值356.4亿元(不含…48.2亿元),增长6.7%: the growth is the total's; an aside's own change stays inside."""
    report = normalize(
        "【前言】\n\n全县工业总产值356.4亿元(不含电力生产产值48.2亿元),按可比价格计算,比上年增长6.7%。"
        "全县公共图书馆藏书210万册(每万人拥有图书3.1万册,比上年增长4.0%),增长5.5%。"
    )
    found = {m.raw: m for m in extract_metrics(report)}
    assert found["6.7%"].label == "工业总产值增长" and found["6.7%"].parent == found["356.4亿元"].id
    assert found["48.2亿元"].label == "不含电力生产产值"  # no bracket opens a label
    assert found["4.0%"].parent == found["3.1万册"].id
    assert found["5.5%"].parent == found["210万册"].id


@pytest.mark.parametrize(
    "sentence",
    [
        "发布时间：2031/7/9 08:45:12 来源：市政府网站",  # a page's date and clock time
        "更新于2031-11-02 17:05:40。",
        "全市刑事案件13年来首次同比下降。",  # a span that dates a claim, not a measured span
        "十二年来首次实现净流入。",
    ],
)
def test_page_dates_and_spans_that_date_a_claim_are_not_figures(sentence: str) -> None:
    """Date-times of page metadata and a bare N年来 are refused; 近10年来 and 连续6年 stay spans."""
    assert figures_of(sentence) == []


def test_spans_of_years_that_frame_a_claim_are_still_read() -> None:
    assert [raw for raw, _, _, _ in figures_of("近12年来，连续5年保持增长。")] == ["近12年", "5年"]


def test_a_spaced_ratio_reads_like_an_unspaced_one() -> None:
    """三次产业结构为8.2 : 41.5 : 50.3 gives the same three shares as 8.2:41.5:50.3."""
    spaced = [
        (m.raw, m.value, m.kind.value, m.key.term if m.key else 0) for m in figures("三次产业结构为8.2 : 41.5 : 50.3。")
    ]
    plain = [
        (m.raw, m.value, m.kind.value, m.key.term if m.key else 0) for m in figures("三次产业结构为8.2:41.5:50.3。")
    ]
    assert (
        spaced
        == plain
        == [
            ("8.2", Decimal("8.2"), "share", 1),
            ("41.5", Decimal("41.5"), "share", 2),
            ("50.3", Decimal("50.3"), "share", 3),
        ]
    )


def test_from_x_to_y_gives_x_the_earlier_period_and_y_a_level() -> None:
    """从上年43位升至37位: 43位 is last year's place (start), 37位 this year's level; 上升到2031年… is a level."""
    report = normalize(
        "【前言】\n\n2031年，全县综合实力排名从上年43位升至37位。每名法官年均结案从2026年188件上升到2031年254件。"
    )
    got = {m.raw: (m.label, m.kind.value, m.key.period if m.key else "") for m in extract_metrics(report)}
    assert got["43位"] == ("综合实力排名", "level", "start")
    assert got["37位"] == ("综合实力排名", "level", "own")
    assert got["188件"][1:] == ("per_capita", "2026")
    assert got["254件"][1:] == ("per_capita", "own")  # the level reached, not a change


def test_a_rate_noun_gives_a_change_its_direction_and_unit_captions_are_no_figures() -> None:
    """降幅为1.86% is a fall, 涨幅为2.4% a rise; 单位:万台、台 above a table names units, no amount."""
    found = described("【前言】\n\n全县单位产值水耗降幅为1.86%，居民消费价格涨幅为2.4%。")
    assert [(raw, kind, direction) for raw, _, kind, direction in found] == [
        ("1.86%", "change", "down"),
        ("2.4%", "change", "up"),
    ]
    assert figures_of("单位:万台、台") == []


def test_a_rate_noun_keys_as_the_change_it_names() -> None:
    """工业增加值增幅为5.2% and 工业增加值增长6.1% have one key; 年均增长 keeps its years apart."""
    keys = {m.raw: m.key.measure for m in figures("工业增加值增幅为5.2%，商品房销售面积降幅为3.4%。") if m.key}
    assert keys == {"5.2%": "工业增加值", "3.4%": "商品房销售面积"}
    keys = {m.raw: m.key.measure for m in figures("工业增加值增长6.1%，商品房销售面积下降2.1%。") if m.key}
    assert keys == {"6.1%": "工业增加值", "2.1%": "商品房销售面积"}


def test_yearly_average_keeps_its_average() -> None:
    """年均增长 is an average over years: 均 there is no adverb to drop (三项指标均增长 is)."""
    got = {m.raw: m.label for m in figures("十年间全省居民收入年均增长6.3%。")}
    assert got == {"6.3%": "居民收入年均增长"}


def test_a_table_or_chart_number_is_no_figure() -> None:
    """如图2所示 names a chart (2所 is no count of schools); 代表2万人 is an amount all the same."""
    got = {m.raw: m.label for m in figures("如图2所示，全年新建驿站30座。详见表5 所列各项，会议代表2万人。")}
    assert got == {"30座": "新建驿站", "2万人": "会议代表"}


def test_bare_numbers_listed_before_a_unit_share_it_and_keep_their_place() -> None:
    """拉动…0.4、1.9、2.2个百分点: three figures in 个百分点; 下降…、提高… each keeps its own verb."""
    found = figures("三大产业分别拉动全县经济增长0.4、1.9、2.2个百分点。")
    got = [(m.raw, m.value, m.unit, m.key.term if m.key else 0) for m in found]
    assert got == [
        ("0.4", Decimal("0.4"), "个百分点", 1),
        ("1.9", Decimal("1.9"), "个百分点", 2),
        ("2.2个百分点", Decimal("2.2"), "个百分点", 3),
    ]
    found = figures("产业结构比为9.2:48.1:42.7,分别较上年下降0.3、提高1.4、下降1.1个百分点。")
    changes = [m for m in found if m.unit == "个百分点"]
    assert [(m.raw, m.direction.value if m.direction else None) for m in changes] == [
        ("0.3", "down"),
        ("1.4", "up"),
        ("1.1个百分点", "down"),
    ]
    assert len({m.key for m in changes}) == 3  # one ratio's three terms: told apart by place
    found = figures("投入资金2.5和4.25亿元。")
    assert [m.value for m in found] == [Decimal("250000000"), Decimal("425000000")]  # the scale word is shared
    assert [m.raw for m in figures("依照第4、5、6条办理,新建道路7条。")] == ["6条", "7条"]  # an ordinal's list


def test_a_list_in_order_gives_each_value_the_name_of_its_place() -> None:
    """依次为…: the shares keep their place; 其中甲、乙、丙…,分别为… gives the k-th name to the k-th value."""
    found = figures(
        "三类企业对利税的贡献率依次为12.4%、50.2%和37.4%,其中机械、纺织、食品表现较好,分别为30.1%、9.9%和6.2%。"
    )
    got = {m.raw: (m.label, m.key.term if m.key else 0) for m in found}
    assert got["12.4%"] == ("三类企业对利税的贡献率", 1)
    assert got["37.4%"] == ("三类企业对利税的贡献率", 3)
    assert got["30.1%"][0].startswith("机械")
    assert got["9.9%"][0].startswith("纺织")
    assert got["6.2%"][0].startswith("食品")
    assert len({m.key for m in found}) == 6  # no two lists share one key


@pytest.mark.parametrize("marker", ["[2]", "【2】", "[ii]", "②", "²"])
def test_a_footnote_marker_leaves_the_label_and_the_key(marker: str) -> None:
    """区域生产总值【2】 labels and keys as 区域生产总值, whatever the form of the note's marker."""
    found = figures(f"全年全县区域生产总值{marker}318.6亿元,增长5.1%。")
    assert [(m.raw, m.label, m.key.measure if m.key else "") for m in found] == [
        ("318.6亿元", "区域生产总值", "区域生产总值"),
        ("5.1%", "区域生产总值增长", "区域生产总值"),
    ]


@pytest.mark.parametrize("colon", [":", "：", "︰", "∶"])
def test_a_ratio_reads_alike_with_any_colon(colon: str) -> None:
    """产业结构比为4.2︰51.6︰44.2 gives three terms, as with :."""
    found = figures(f"全市产业结构比为4.2{colon}51.6{colon}44.2。")
    assert [(m.value, m.key.term if m.key else 0) for m in found] == [
        (Decimal("4.2"), 1),
        (Decimal("51.6"), 2),
        (Decimal("44.2"), 3),
    ]


def test_an_index_with_no_unit_is_a_level_and_a_base_of_100_is_no_figure() -> None:
    """性别比(以女性为100)为104.7 and 性别比为111 are index levels; 106.2:100 states 106.2 alone."""
    found = figures("全县常住人口性别比(以女性为100)为104.7,新生儿性别比为111,户籍人口男女性别比为106.2:100。")
    got = [(m.raw, m.label, m.unit, m.kind.value, m.key.term if m.key else 0) for m in found]
    assert got == [
        ("104.7", "常住人口性别比", "", "level", 0),
        ("111", "新生儿性别比", "", "level", 0),
        ("106.2", "户籍人口男女性别比", "", "level", 0),
    ]
    assert [m.raw for m in figures("会议于10:30召开,参会代表为120名。")] == ["120名"]


def _keyed(text: str) -> dict[str, tuple[str, str, str]]:
    report = normalize(text)
    return {m.raw: (m.label, m.kind.value, m.key.period if m.key else "") for m in extract_metrics(report)}


def test_figures_under_a_heading_of_the_year_ahead_are_targets() -> None:
    text = (
        "一、2031年工作回顾\n\n棉花总产218.4万吨，新增城镇就业37万人。\n\n"
        "二、“十九五”时期的主要目标\n\n全区生产总值年均增长4.5%左右。\n\n"
        "三、2032年主要工作\n\n棉花总产220万吨以上，新增城镇就业35万人。\n\n"
        "（一）扩大有效需求\n\n新建冷链仓储库容12万吨，养老床位从3200张增加到4100张。\n"
    )
    got = _keyed(text)
    assert got["218.4万吨"][1:] == ("level", "own")
    assert got["37万人"][1:] == ("level", "own")
    assert got["4.5%左右"][1:] == ("target", "plan")  # 十九五 begins after 2031
    assert got["220万吨以上"][1:] == ("target", "plan")
    assert got["35万人"][1:] == ("target", "plan")
    assert got["12万吨"][1:] == ("target", "plan")  # (一) stands under 三、2032年主要工作
    assert got["3200张"][1:] == ("level", "start")  # a span's start is where the plan begins
    assert got["4100张"][1:] == ("target", "plan")


def test_achievements_in_a_review_section_are_results_not_goals() -> None:
    text = (
        "一、2031年工作回顾\n\n城镇登记失业率控制在4%以内。争取中央专项债券额度88.6亿元。"
        "清理闲置用地1200亩、超计划150亩，完成造林42万亩、超年度计划17%。\n\n"
        "二、2032年工作安排\n\n城镇登记失业率控制在4.5%以内。\n"
    )
    got = _keyed(text)
    for raw in ("4%以内", "88.6亿元", "150亩", "17%"):
        assert got[raw][1:] == ("level", "own"), raw
    assert got["4.5%以内"][1:] == ("target", "plan")


def test_an_urban_rural_pair_is_never_cut_one_character_at_a_time() -> None:
    found = figures("城乡特困供养标准分别提高12.5%、14%，城乡居民医保财政补助标准增长8.8%。")
    labels = [m.label for m in found]
    assert labels[:2] == ["城乡特困供养标准提高", "城乡特困供养标准提高"]
    assert [m.key.term for m in found[:2] if m.key] == [1, 2]  # told apart by place
    assert all(m.key and "城农村" not in m.key.measure for m in found)
    assert found[2].key is not None and found[2].key.measure.startswith("城乡居民医保")


def test_a_measure_that_begins_with_you_keeps_it() -> None:
    found = figures("有色金属加工产值达到860亿元，有线电视用户减少3.1万户。")
    assert [m.label for m in found] == ["有色金属加工产值", "有线电视用户减少"]


def test_a_list_gives_each_item_the_shared_noun_of_the_last() -> None:
    found = figures("铁矿石、锰矿、铬铁矿产量分别增长6.2%、3.5%、11%，轻纺、现代农机产业产值分别增长9.1%、4.4%。")
    assert [m.label for m in found] == [
        "铁矿石产量增长",
        "锰矿产量增长",
        "铬铁矿产量增长",
        "轻纺产业产值增长",
        "现代农机产业产值增长",
    ]
    found = figures("火灾起数、受伤人数分别下降3.3%、7.9%。")
    assert [m.label for m in found] == ["火灾起数下降", "受伤人数下降"]


def test_the_end_of_a_span_of_shares_takes_the_measure_of_its_start() -> None:
    got = _keyed("【前言】\n\n清洁能源占发电量比重由38.2%提升至51.7%，数字化车间占比从12%提高到35%。")
    assert got["38.2%"] == ("清洁能源占发电量比重", "share", "start")
    assert got["51.7%"] == ("清洁能源占发电量比重", "share", "own")
    assert got["35%"] == ("数字化车间占比", "share", "own")


def test_a_milestone_passed_before_the_figure_reached_is_not_a_second_level() -> None:
    found = figures("全市工业总产值跨越8000亿元、达8650亿元，服务业营收首次突破九百亿元，达926亿元。")
    keys = {m.raw: m.key for m in found}
    assert keys["8650亿元"] is not None and "里程碑" not in keys["8650亿元"].scope
    assert keys["926亿元"] is not None and "里程碑" not in keys["926亿元"].scope
    for raw in ("跨越8000亿元", "突破九百亿元"):
        assert keys[raw] is not None and "里程碑" in keys[raw].scope, raw
    assert [m.label for m in found] == ["工业总产值", "工业总产值", "服务业营收", "服务业营收"]
    alone = figures("全市工业总产值突破8000亿元，同比增长6%。")
    assert alone[0].key is not None and "里程碑" not in alone[0].key.scope  # no figure reached: the level


def test_floors_ranges_bare_ratios_and_compute_are_read_and_ranks_are_not() -> None:
    text = "新建基站2.1万个、覆盖92%以上行政村，培育3个以上省级集群、20家以上龙头企业。"
    got = {m.raw: (m.value, m.unit) for m in figures(text)}
    assert got["92%以上"] == (92, "%")
    assert got["3个以上"] == (3, "个")
    assert got["20家以上"] == (20, "家")
    got = {m.raw: (m.value, m.upper, m.unit) for m in figures("新增1-2个国家级园区，建成4—6家实验室。")}
    assert got == {"1-2个": (1, 2, "个"), "4—6家": (4, 6, "家")}
    found = figures("城乡居民收入比值由2.51缩小至2.38，智能算力规模达到8.6万P。")
    assert [(m.raw, m.value, m.unit) for m in found] == [
        ("2.51", Decimal("2.51"), ""),
        ("2.38", Decimal("2.38"), ""),
        ("8.6万P", 86000, "P"),
    ]
    assert [m.raw for m in figures("出口额居全国前8位，获评前10名，播放1080P视频12万次。")] == ["12万次"]
    assert [m.raw for m in figures("年营收500万元以上企业新增120家，3A级以上景区31个。")] == ["120家", "31个"]


def test_a_count_before_the_people_it_counts_takes_the_unit_of_people() -> None:
    got = {m.raw: m.unit for m in figures("托育补贴惠及85余万留守儿童，义诊服务3.2万老年人，慰问1.5万户家庭。")}
    assert got == {"85余万": "人", "3.2万": "人", "1.5万户": "户"}


def test_the_base_of_a_comparison_is_the_measure_at_the_start_not_a_level_of_its_own() -> None:
    """较"十四五"末的X增加Y，增长Z%: X is the measure's earlier level; the changes speak of the measure."""
    got = {
        m.raw: (m.label, m.key.period if m.key else "")
        for m in figures("全区粮食产量达到812.6万吨，较“十四五”末的765.2万吨增加47.4万吨，增长6.2%。")
    }
    assert got == {
        "812.6万吨": ("粮食产量", "own"),
        "765.2万吨": ("粮食产量", "start"),
        "47.4万吨": ("粮食产量增加", "own"),
        "6.2%": ("粮食产量增长", "own"),
    }


def test_scaled_amounts_in_a_list_share_the_unit_named_last() -> None:
    """1.46万亿、0.87万亿元 and 1.46万亿和0.87万亿元: both are 元, each in its own scale."""
    for sentence in ("两市财政总收入分别为1.46万亿、0.87万亿元。", "两市财政总收入分别为1.46万亿和0.87万亿元。"):
        got = [(m.raw, m.value, m.unit) for m in figures(sentence)]
        assert got == [
            ("1.46万亿", Decimal("1460000000000"), "元"),
            ("0.87万亿元", Decimal("870000000000"), "元"),
        ], sentence


def test_a_word_with_a_filler_character_inside_keeps_it() -> None:
    """有 inside 保有量, 国有, 有限 is part of the word, not the light verb that splits actor from measure."""
    got = read("全省渔船保有量3.4万艘，追回国有林地面积620亩。", "measure")
    assert got == {"3.4万艘": "渔船保有量", "620亩": "追回国有林地面积"}


def test_a_change_against_a_base_names_its_level_measure() -> None:
    """比年初增加, 同口径增长, 比上年新增, 偏少/偏多: a change of the level before it, with its direction."""
    found = figures(
        "年末存款余额45.6亿元，比年初增加3.1亿元。非税收入7.2亿元，同口径增长4.4%。"
        "全镇养殖户2.3万户，比上年新增0.4万户。全年新增林场6个。"
        "全区年径流量8.8亿立方米，比上年偏少3.5%，比多年平均偏多2.5%。"
    )
    got = {m.raw: (m.key.measure if m.key else "", m.kind.value, m.direction) for m in found}
    assert got["3.1亿元"] == ("存款余额", "change", Direction.UP)
    assert got["4.4%"] == ("非税收入", "change", Direction.UP)
    assert got["0.4万户"] == ("养殖户", "change", Direction.UP)
    assert got["6个"][1] == "level"  # 新增 with no base is how many were added: a level
    assert got["3.5%"] == ("年径流量", "change", Direction.DOWN)
    assert got["2.5%"] == ("年径流量", "change", Direction.UP)
    scopes = {m.raw: m.key.scope if m.key else () for m in found}
    assert "常年" in scopes["2.5%"] and "常年" not in scopes["3.5%"]  # against a normal year, a measure of its own


def test_object_marker_and_secured_funds_are_no_goal() -> None:
    """将X作为… is 把; 争取到位 is money secured: the figures are outcomes. 将建成 and 争取到2035年 stay goals."""
    found = figures("将防汛抗旱作为头等大事，共巡查堤防860公里；争取到位专项资金2.4亿元。")
    assert [m.kind.value for m in found] == ["level", "level"]
    found = figures("明年将建成污水处理厂3座，争取到2040年覆盖率达到95%。")
    assert [m.kind.value for m in found] == ["target", "target"]


def test_occupying_land_is_no_share() -> None:
    """占地3200亩 and 占用林地 are areas; 占全县的 makes a share."""
    found = figures("新建产业园占地1800亩，清退违规占用耕地95亩，其中基本农田占全县的12%。")
    assert [m.kind.value for m in found] == ["level", "level", "share"]


def test_more_units_of_real_bulletins() -> None:
    """站次 counts, 万方 is ten thousand cubic metres (三方协议 is no volume), a time makes a rate (升/日)."""
    assert figures_of("监测到超标排放共14站次。") == [("14站次", Decimal(14), "站次", "exact")]
    assert figures_of("全年疏浚航道38万方，签订三方协议7份。") == [
        ("38万方", Decimal(380000), "方", "exact"),
        ("7份", Decimal(7), "份", "exact"),
    ]
    assert figures_of("农村居民人均用水量67升/日。") == [("67升/日", Decimal(67), "升/日", "exact")]


def test_a_structure_of_whole_numbers_is_a_ratio_not_a_clock() -> None:
    """结构为21:33:46 has three terms like a clock time; the word before it makes it a ratio. 配比 keeps its 比."""
    found = figures("全县三次产业结构为21:33:46，开幕式于09:30:00举行，砂浆配比为1:3。")
    assert [(m.raw, m.label, m.key.term if m.key else 0) for m in found] == [
        ("21", "三次产业结构", 1),
        ("33", "三次产业结构", 2),
        ("46", "三次产业结构", 3),
        ("1", "砂浆配比", 1),
        ("3", "砂浆配比", 2),
    ]


def test_brackets_after_a_figure_are_asides_not_labels() -> None:
    """(其中…) after a figure is no noun for it; 比常年(N)偏少 gives the normal a level of its own; a price basis
    in brackets, 万元GDP(当年价), tells two measures apart."""
    got = {
        m.raw: (m.key.measure if m.key else "", m.key.scope if m.key else (), m.kind.value)
        for m in figures(
            "全区供水总量为7840万立方米(其中地下水供水量为1260万立方米)。"
            "年均气温17.4℃，年降水量980.5毫米，比常年(1102.3毫米)偏少11.0%。"
            "万元地区生产总值(可比价)能耗0.42吨标准煤。"
        )
    }
    assert got["7840万立方米"] == ("供水总量", (), "level")
    assert got["1260万立方米"] == ("地下水供水量", ("其中",), "level")
    assert got["1102.3毫米"] == ("年降水量", ("常年",), "level")
    assert got["11.0%"] == ("年降水量", ("常年",), "change")
    assert got["0.42吨标准煤"][0] == "万元地区生产总值(可比价)能耗"


def test_nouns_and_owners_a_label_must_keep() -> None:
    """栖息着N种X和M种Y: each counts the noun after it; a unit's 营业收入 is its own; the whole sector list
    owns 增加值; 农业、工业、生活用水量 share 用水量, not 生活用水量; 到户 is a word, not the preposition 到."""
    got = read(
        "湿地公园内栖息着58种水鸟和112种鱼类。物流板块实现营业收入9.6亿元。"
        "信息传输、软件和信息技术服务业实现增加值88.2亿元。"
        "工业、农业、城乡生态用水量分别为3.3亿立方米、6.1亿立方米、0.4亿立方米。"
        "建成到村服务站310个、到户服务点2700个。",
        "measure",
    )
    assert got["58种"] == "水鸟" and got["112种"] == "鱼类"
    assert got["9.6亿元"] == "物流板块营业收入"
    assert got["88.2亿元"] == "信息传输、软件和信息技术服务业增加值"
    assert [got["3.3亿立方米"], got["6.1亿立方米"]] == ["工业用水量", "农业用水量"]
    assert got["2700个"] == "建成到户服务点"  # and the list's verb acts on it


def test_a_share_of_a_whole_names_the_part() -> None:
    """X占全市的N%: the share is X's; 全市 (and a 全年 after 占) is the whole, not the measure or its time."""
    got = {
        m.raw: (m.key.measure if m.key else "", m.key.scope if m.key else (), m.kind.value)
        for m in figures("高新技术产业产值占全区的41.7%，主汛期来水量占全年的63.2%。")
    }
    assert got == {"41.7%": ("高新技术产业产值", (), "share"), "63.2%": ("主汛期来水量", (), "share")}


def test_a_body_counted_lends_itself_to_its_people_and_its_pull() -> None:
    """其中X N所,招生…,在校学生…,教职工…: all X's; X共有保育员 keeps X; 拉动增长 is the sector's said before."""
    got = read(
        "其中职业学校9所，招生2100人，在校学生6300人，专任教师410人。"
        "民办园共有保育员260人。"
        "建筑业增加值64亿元，拉动增长0.7个百分点；金融业增加值38亿元，拉动增长0.4个百分点。",
        "measure",
    )
    assert [got["6300人"], got["410人"], got["260人"]] == ["职业学校在校学生", "职业学校专任教师", "民办园保育员"]
    assert [got["0.7个百分点"], got["0.4个百分点"]] == ["建筑业增加值拉动", "金融业增加值拉动"]


def test_a_respectively_growth_skips_a_rate_between_its_amounts() -> None:
    """受理N件,办结M件,办结率R%,分别增长a%和b%: the growths are of the two amounts, not of the rate."""
    found = figures(
        "全市受理信访2600件，办结2450件，办结率为94.2%，分别比上年增长5.1%和4.3%。新招录人员平均工龄达9年。"
    )
    got = {m.raw: (m.key.measure if m.key else "", m.kind.value) for m in found}
    assert got["5.1%"] == ("受理信访", "change") and got["4.3%"] == ("办结", "change")
    assert got["9年"][0] == "新招录人员平均工龄"  # a span measured in years after 工龄达


def test_rules_for_one_report_kind_leave_the_common_forms_alone() -> None:
    """Forms a narrower rule must not catch: 有限额以上 (有 before 限额), 普及率 and 参与率 (no 及/与 list),
    a 人均 list whose second item is a rate, 占有率 (a share), a sub-item named mid-sentence (its people are
    the total's), 比年初 against 同比 (two changes), a long sector list cut at an item, never mid-word."""
    got = {
        m.raw: (m.key.measure if m.key else "", m.key.scope if m.key else (), m.kind.value, m.key.term if m.key else 0)
        for m in figures(
            "全县有限额以上住宿业企业86家。全镇城乡燃气普及率分别达到97.1%和83.4%。"
            "居民人均预期寿命和孕产妇死亡率分别为79.6岁和9.8/10万。全省智能手机市场占有率达到18.3%。"
            "全区共有养老机构90家，其中公办机构35家，入住老人4100人，护理人员760人。"
            "6月末，住户贷款余额620亿元，比年初增长4.2%，同比增长7.9%。"
            "纺织服装、食品加工、家具制造、精细化工等产业实现产值810亿元。"
        )
    }
    assert got["86家"][0] == "限额以上住宿业企业"
    assert [got["97.1%"][0], got["83.4%"][0]] == ["城乡燃气普及率", "城乡燃气普及率"]
    assert [got["97.1%"][3], got["83.4%"][3]] == [1, 2]
    assert got["9.8/10万"][0] == "孕产妇死亡率"
    assert got["18.3%"][2] == "share"
    assert [got["4100人"][0], got["760人"][0]] == ["入住老人", "护理人员"]
    assert got["4.2%"][1] == ("年初",) and got["7.9%"][1] == ()
    assert got["810亿元"][0] == "纺织服装、食品加工、家具制造、精细化工等产业产值"


def test_goal_words_that_stay_goals() -> None:
    """争取到年底 is a deadline and 将…N…纳入 a plan with its figure inside: both targets."""
    found = figures("争取到年底新建口袋公园40个。今年将改造老旧小区120个纳入民生实事。")
    assert [m.kind.value for m in found] == ["target", "target"]
    found = figures("2031年，全县将38家企业列为重点培育对象，新增规上企业52家。")
    assert [m.kind.value for m in found] == ["level", "level"]  # 将…列为 in a past year is 把


def test_a_measure_said_before_its_bracketed_normal() -> None:
    """全年降水量比常年(N)偏少x%: N is the normal of 降水量, x% its change against the normal."""
    got = {
        m.raw: (m.key.measure if m.key else "", m.key.scope if m.key else (), m.kind.value)
        for m in figures("全年日照时数比常年（1850小时）偏多6.4%。")
    }
    assert got == {
        "1850小时": ("日照时数", ("全年", "常年"), "level"),
        "6.4%": ("日照时数", ("全年", "常年"), "change"),
    }


def test_a_sentence_opening_on_years_speaks_of_them_until_it_names_one() -> None:
    """五年来,…受理…,审结…: every figure is a multi-year claim; 过去一年 is the year itself; a named year ends it."""
    scopes = {
        m.raw: m.key.scope if m.key else ()
        for m in figures(
            "五年来，全市法院共受理案件52.1万件，审结50.8万件，标的额640亿元。"
            "过去一年，全市新增城镇就业6.2万人。三年来成效明显，2031年全市完成投资880亿元。"
        )
    }
    assert all("多年" in scopes[raw] for raw in ("52.1万件", "50.8万件", "640亿元"))
    assert "多年" not in scopes["6.2万人"] and "多年" not in scopes["880亿元"]


def test_a_change_after_a_share_and_an_object_taken_once() -> None:
    """X占N%,同比上升M个百分点: the change is the share's; 对N名X进行了Y names its object once."""
    got = read("节水灌溉面积占48.2%，同比上升2.1个百分点。全县共对2860名老人进行了健康体检。", "measure", "kind")
    assert got["2.1个百分点"] == ("节水灌溉面积", "change")
    assert got["2860名"] == ("老人进行了健康体检", "level")


def test_second_review_forms_read_as_before() -> None:
    """A body that opens its part lends itself to its people (no 其中 needed); 连续三年获评 opens no span;
    占有量 is no share; 有限空间 keeps 有; a % growth after a share is the amount's; 比全国(N) stays no base."""
    got = {
        m.raw: (m.key.measure if m.key else "", m.key.scope if m.key else (), m.kind.value)
        for m in figures(
            "年末全县共有职业中学6所，在校学生5400人。其中，小学96所，在校学生4.1万人；初中31所，在校学生2.2万人。"
            "全县连续四年获评全省文明城市，新登记市场主体1.2万户。全县人均耕地占有量达到1.6亩。"
            "有限空间作业专项检查85次。直播电商销售额占网络零售额的比重为18.6%，比上年增长21.4%。"
        )
    }
    assert [got["5400人"][0], got["4.1万人"][0], got["2.2万人"][0]] == [
        "职业中学在校学生",
        "小学在校学生",
        "初中在校学生",
    ]
    assert "多年" not in got["1.2万户"][1]
    assert got["1.6亩"][2] == "per_capita"
    assert got["85次"][0] == "有限空间作业专项检查"
    assert got["21.4%"][:1] == ("直播电商销售额",) and got["21.4%"][2] == "change"


def test_third_review_forms() -> None:
    """由上年的a:b:c调整为d:e:f: one measure, the first three the span's start; 自然增长率 is a level;
    个千分点 is a unit; 涨幅 alone is the price's; 城乡…达到A元、B元 splits into 城镇 and 农村 without 分别."""
    got = [
        (m.raw, m.key.measure if m.key else "", m.key.period if m.key else "", m.kind.value, m.unit)
        for m in figures(
            "全县三次产业结构由上年的12.1:38.4:49.5调整为11.6:37.9:50.5。人口自然增长率为1.9‰，下降0.3个千分点。"
            "商品零售价格比上年上涨1.8%，涨幅比上年回落0.4个百分点。城乡居民人均消费支出达到26100元、14300元。"
        )
    ]
    assert {(g[1], g[2]) for g in got[:3]} == {("三次产业结构", "start")}
    assert {(g[1], g[2]) for g in got[3:6]} == {("三次产业结构", "own")}
    assert got[6][1:4] == ("人口自然增长率", "own", "level") and got[7][4] == "个千分点"
    assert got[9][1] == "商品零售价格涨幅" and got[9][3] == "change"
    assert [got[10][1], got[11][1]] == ["城镇居民人均消费支出", "农村居民人均消费支出"]


def test_a_share_of_the_plan_is_the_amount_s_completion_not_a_goal() -> None:
    """X完成A,完成年度预算的B%,增长C%: B% is how much of its plan A reached, C% is A's growth; neither a goal."""
    got = {
        m.raw: (
            m.key.measure if m.key else "",
            m.key.scope if m.key else (),
            m.kind.value,
            m.key.period if m.key else "",
        )
        for m in figures(
            "全县政府性基金收入完成14.2亿元，完成年度预算的96.8%，同比增长3.3%。全年出口总额9.1亿美元，为年初预期目标的104.2%。"
        )
    }
    assert got["96.8%"] == ("政府性基金收入", ("完成率",), "share", "own")
    assert got["3.3%"] == ("政府性基金收入", (), "change", "own")
    assert got["104.2%"][0] == "出口总额" and got["104.2%"][2:] == ("share", "own")


def test_third_review_regressions_read_right() -> None:
    """比上年末(N): N is last year's level; 近五年,… is a span but 2031年,… and 近三年来首次… are not; a new-built
    body lends nothing and 全市 before a role noun stops lending; a value and its growth are no 城乡 list;
    三次产业 values over 2029—2031年 are per industry, not per year; 涨幅 alone is the headline change's."""
    got = {
        m.raw: (
            m.key.measure if m.key else "",
            m.key.scope if m.key else (),
            m.kind.value,
            m.key.period if m.key else "",
        )
        for m in figures(
            "年末住户存款余额比上年末（2460亿元）增长9.2%。近五年，全县累计改造危房1.8万户。"
            "2031年，全县新增城镇就业1.1万人。近三年来首次实现正增长，工业用电量增长4.4%。"
            "全年新建幼儿园12所，全县在园幼儿达到3.6万人。进出口总额880亿元、增长6.6%。"
            "2029—2031年，全县三次产业增加值分别为60亿元、250亿元、410亿元。"
            "食品价格上涨1.6%，其中城市上涨1.4%，农村上涨2.0%，涨幅比上年回落0.7个百分点。"
        )
    }
    assert got["2460亿元"] == ("住户存款余额", (), "level", "start")
    assert "多年" in got["1.8万户"][1] and "多年" not in got["1.1万人"][1] and "多年" not in got["4.4%"][1]
    assert got["3.6万人"][0] == "在园幼儿"
    assert got["880亿元"][0] == "进出口总额" and (got["6.6%"][0], got["6.6%"][2]) == ("进出口总额", "change")
    assert {got[v][3] for v in ("60亿元", "250亿元", "410亿元")} == {"own"}
    assert got["0.7个百分点"][0] == "食品价格涨幅"  # the rate's own change keeps the rate


def test_a_reporting_year_across_two_calendar_years_is_no_goal() -> None:
    """2030年7月至2031年6月,共完成…: a period of record, neither a deadline nor a month; a year written without
    年 before the actor (2031全区…) is no part of the measure."""
    report = normalize(
        "2031年某区审计工作报告\n\n【前言】\n\n2030年7月至2031年6月，共完成审计项目41个。2031全区基金收入9.2亿元。"
    )
    got = {
        m.raw: (m.key.measure if m.key else "", m.key.scope if m.key else (), m.kind.value)
        for m in extract_metrics(report)
    }
    assert got == {"41个": ("完成审计项目", (), "level"), "9.2亿元": ("基金收入", (), "level")}


def test_a_causative_counts_the_people_it_names() -> None:
    """使N万X得到Y: the figure counts X, not the verb around it."""
    got = {m.raw: m.key.measure if m.key else "" for m in figures("全年使3.6万名困难群众得到医疗救助。")}
    assert got == {"3.6万名": "困难群众"}


def test_parts_named_by_de_and_shares_said_after_their_amount() -> None:
    """退休的占N%: the retired; M%的X…: a share of X; 进口N亿元,占…的比重为S%,下降P个百分点: the imports' share fell."""
    found = figures(
        "在全部职工中,外地的占34.2%,本地的占65.8%。87.6%的受访者参加过技能培训。"
        "进口总额310亿元,增长4.1%,占全市外贸总额的比重为27.3%,比上年下降1.2个百分点。"
    )
    ids = {m.id: m.raw for m in found}
    got = {m.raw: (m.key.measure if m.key else "", m.kind.value, ids.get(m.parent or "")) for m in found}
    assert got["34.2%"][:2] == ("外地", "share") and got["65.8%"][:2] == ("本地", "share")
    assert got["87.6%"][:2] == ("受访者参加过技能培训", "share")
    assert got["27.3%"][:2] == ("进口总额占全市外贸总额比重", "share")
    assert got["1.2个百分点"] == ("进口总额占全市外贸总额比重", "change", "27.3%")


def test_respectively_shares_of_amounts_and_a_rate_s_own_change() -> None:
    """甲…,乙…,分别占…的a%和b%: each share is its amount's; 增速提高N个百分点 is the rate's change, not the amount's."""
    found = figures(
        "其中,城区税收28亿元,郊区税收12亿元,分别占全区税收的70.0%和30.0%。"
        "全年新增市场主体2.1万户,增长6.3%,增速比上年提高1.4个百分点。"
    )
    got = {m.raw: (m.key.measure if m.key else "", m.kind.value) for m in found}
    assert got["70.0%"] == ("城区税收", "share") and got["30.0%"] == ("郊区税收", "share")
    assert got["6.3%"][0] != got["1.4个百分点"][0] and got["1.4个百分点"][0].endswith("增速")


def test_fifth_review_forms_read_right() -> None:
    """The nearest 比常年 scopes a change; 享受… stays in a label unless a causative counts people; 转让 is no
    causative; 其中X的占N% after an amount is that amount's part; N%的结案率 is the rate's level."""
    got = {
        m.raw: (m.key.measure if m.key else "", m.key.scope if m.key else (), m.kind.value)
        for m in figures(
            "全年日照比常年偏少4.1%，降水比常年偏多7.3%。全市1.3万名老人享受高龄津贴。"
            "全年使2.2万户农户得到技术指导。挂牌出让38宗地块。"
            "受理案件980件，其中涉及未成年人的占11.6%。全年实现97.2%的调解率。"
        )
    }
    assert "常年" in got["7.3%"][1]
    assert got["1.3万名"][0] == "老人享受高龄津贴"
    assert got["2.2万户"][0] == "农户"
    assert got["38宗"][0] == "挂牌出让"
    assert got["11.6%"][:1] == ("受理案件涉及未成年人",) and got["11.6%"][2] == "share"
    assert got["97.2%"][0] == "调解率" and got["97.2%"][2] == "level"


def test_sixth_review_forms_read_right() -> None:
    """N%以上的乡镇完成年度任务 is a share, 率先 no rate; a 的-named part with two amounts before it picks
    neither; 使N名X受到… counts X."""
    got = read(
        "全省90%以上的街道完成年度任务。接待游客3400万人次，实现旅游收入410亿元，其中过夜游客的占38%。"
        "使2.4万名职工受到技能培训。",
        "measure",
        "kind",
        "parent",
    )
    assert got["90%以上"][:2] == ("街道完成年度任务", "share")
    assert got["38%"] == ("过夜游客", "share", None)
    assert got["2.4万名"][0] == "职工"


def test_a_list_of_two_opposite_words_shares_the_rest() -> None:
    """X白天、夜间Y分别…: 白天 and 夜间 are a line of data/contrasts.txt, so both are X's Y."""
    got = read("全区道路白天、夜间噪声达标率分别为96.2%、81.7%。", "measure")
    assert got == {"96.2%": "道路白天噪声达标率", "81.7%": "道路夜间噪声达标率"}


def test_pace_verbs_are_changes_and_adverbs_stay_out_of_the_measure() -> None:
    """放缓/收窄 are changes down and 加快 up (grammar.CHANGE_DOWN/UP); an adverb of degree (明显, 有所)
    between the measure and its base is no part of the measure."""
    got = read(
        "会员总量增速明显比上年放缓0.7个百分点，会费增速加快1.3个百分点，票价涨幅有所收窄0.4个百分点。",
        "measure",
        "kind",
        "direction",
    )
    assert got["0.7个百分点"] == ("会员总量增速", "change", Direction.DOWN)
    assert got["1.3个百分点"] == ("会费增速", "change", Direction.UP)
    assert got["0.4个百分点"] == ("票价涨幅", "change", Direction.DOWN)


def test_a_shared_modifier_carries_to_the_sibling_measures_after_it() -> None:
    """体育第一产业增加值…,第二产业增加值…: 第二产业 is a sibling of 第一产业 (data/contrasts.txt) with the
    same rest, so it is 体育's too; a measure whose rest differs (农村劳动力转移就业) takes nothing."""
    got = read(
        "文旅第一产业增加值31亿元，第二产业增加值74亿元，第三产业增加值206亿元。"
        "全县城镇新增就业0.8万人，农村劳动力转移就业2.6万人。",
        "measure",
    )
    assert got["74亿元"] == "文旅第二产业增加值" and got["206亿元"] == "文旅第三产业增加值"
    assert got["2.6万人"] == "农村劳动力转移就业"


def test_the_one_a_clause_ranks_first_owns_the_figures_after_it() -> None:
    """收入最高的是X,月均收入…: the figure-less clause names whose figure follows (and its change)."""
    got = read("会员收入最高的是技术工人,月均收入8120元,增长3.4%;最低的是学徒工,月均收入2950元。", "measure")
    assert got == {"8120元": "技术工人月均收入", "3.4%": "技术工人月均收入", "2950元": "学徒工月均收入"}


def test_hong_kong_and_macau_wording_of_a_change() -> None:
    """按年 (同比), 实质 (实际), 与上年同期比较, 录得 and 出现 stand between a measure and its change; 收缩
    is a change down, and a rate noun after the figure (3.8%的跌幅, 2.5%按年升幅) makes it a change."""
    got = read(
        "全年会展收入按年实质收缩8.6%。客运量与上年同期比较出现4.2%的跌幅,货运量录得2.5%按年升幅。"
        "全年公共图书馆藏量增长3.0%,而阅览座位下降1.1%。完成96%的增长目标。",
        "measure",
        "kind",
        "direction",
    )
    assert got["8.6%"] == ("会展收入", "change", Direction.DOWN)
    assert got["4.2%"] == ("客运量", "change", Direction.DOWN)
    assert got["2.5%"] == ("货运量", "change", Direction.UP)
    assert got["1.1%"] == ("阅览座位", "change", Direction.DOWN)
    assert got["96%"][1] != "change"  # 增长目标 is a noun, not a growth


def test_a_turn_of_sign_and_an_enumerator_stay_out_of_the_measure() -> None:
    """由负转正 and 年内 say nothing of what is measured; 零售额增幅…实现0.9%的增长 is the amount's growth; a
    list's enumerator (1. 2.) opens a clause; 总投入 keeps its 投入; a thousands comma ends no clause."""
    got = read(
        "文旅收入年内实现由负转正、增长1.6%。商品零售额增幅由负转正、实现0.9%的增长。\n"
        "1.全县文化事业总投入为3.1亿元。2.人均会费为1,250元 (约175美元)。",
        "measure",
    )
    assert got["1.6%"] == "文旅收入" and got["0.9%"] == "商品零售额"
    assert got["3.1亿元"] == "文化事业总投入"
    assert got["1,250元"] == got["约175美元"] == "人均会费"


def test_a_change_or_share_with_no_level_before_it_is_the_changed_amounts() -> None:
    """比上年增加2.3亿件,增长8.6%: no level is said, so the % growth (and a share after a growth) are the
    same amount's; a rate said as a comparison's base (比上季度的3.3%的升幅) is that amount's, earlier."""
    got = read(
        "全年邮政函件量比上年减少0.4亿件,下降6.1%。全市乡村步道里程比上年增长9.4%,占全市步道总里程的38.5%。"
        "会展服务收入同比上升1.7%,比上季度的2.9%的升幅要慢。",
        "measure",
        "kind",
        "period",
    )
    assert got["6.1%"][:2] == ("邮政函件量", "change")
    assert got["38.5%"][:2] == ("乡村步道里程", "share")
    assert got["2.9%"][:2] == ("会展服务收入", "change") and got["2.9%"][2] != got["1.7%"][2]


def test_an_attribute_after_an_amount_is_the_amounts_owners() -> None:
    """X产业营业收入…,利润率为N%: the margin is X's, in each segment its own X."""
    got = read("光伏产业营业收入410亿元,利润率为7.2%;家具产业营业收入95亿元,利润率为3.8%。", "measure")
    assert got["7.2%"] == "光伏产业利润率" and got["3.8%"] == "家具产业利润率"


def test_a_list_of_long_items_shares_what_follows_its_last_item() -> None:
    """A、B和C…所占比重: the last item ends where the ending the earlier items share (片区, 业) ends."""
    got = [
        m.key.measure if m.key else ""
        for m in figures(
            "北部片区、中部片区和南部片区用地所占比重分别为41.5%、32.1%和26.4%。养殖业和林业产值分别为8亿元和3亿元。"
        )
    ]
    assert got == [
        "北部片区用地所占比重",
        "中部片区用地所占比重",
        "南部片区用地所占比重",
        "养殖业产值",
        "林业产值",
    ]


def test_a_lists_lead_names_what_each_item_measures() -> None:
    """…情况是: then (1)X为…, 2.Y为…: each item's figure measures the lead's measure, for X and for Y; an item
    named in the lead's own list (甲、乙…生均经费) takes what follows the list."""
    got = read(
        "全市各类养老机构月均护理费用情况是:\n(1)全市公办养老机构为2310.5元,比上年增长2.1%。\n"
        "(2)全市民办养老机构为3120.8元。\n"
        "全县小学、初中和高中生均公用经费情况是:\n1.全县小学为1210元。\n2.全县高中为1980元。",
        "measure",
    )
    assert got["2310.5元"] == got["2.1%"] == "公办养老机构月均护理费用"
    assert got["3120.8元"] == "民办养老机构月均护理费用"
    assert got["1210元"] == "小学生均公用经费" and got["1980元"] == "高中生均公用经费"


def test_a_part_after_其中_is_named_with_its_whole() -> None:
    """X为82.4%。其中,民营为61.3%: a part named by a modifier is the whole's measure for that part, also in
    the next sentence; a part ending in a word of the whole takes what follows that word (高速公路 of 公路总里程,
    出口 of 进出口总额); nothing when the part is the whole's own word (进口 in 进出口总额, 过夜游客 of 接待游客)
    or has another unit (从业人员…万人 after 单位…万个)."""
    got = read(
        "全县普通诊所平均就诊率为64.2%。其中,民营为51.7%。全年外贸进出口总额820亿元,其中进口310亿元。"
        "全年接待游客2100万人次,其中,过夜游客640万人次。全县文化单位0.93万个。其中,乡镇文化站0.12万个;"
        "从业人员2.6万人。全年口岸进出口总额96亿元,其中进口41亿元,出口55亿元。"
        "全省公路总里程9.6万公里,其中高速公路2900公里。",
        "measure",
    )
    assert got["51.7%"] == "民营普通诊所平均就诊率"
    assert got["310亿元"] == "进口" and got["640万人次"] == "过夜游客"
    assert got["55亿元"] == "出口总额" and got["2900公里"] == "高速公路总里程"
    assert got["2.6万人"] == "从业人员"


def test_todays_rules_keep_off_look_alike_wording() -> None:
    """The sibling carry needs words of four characters (总产值 gives no 工业总增加值); 加快 before a count
    is no change; 持续 without a verb of change is the verb; 最重要的是 ranks nothing; a share of growth and
    room for growth are no growth; an attribute is the nearest amount's."""
    got = read(
        "全年规模以上工业总产值4100亿元，增加值980亿元。全年货物进出口总额610亿元，出口总额350亿元。"
        "今年要加快18个重点片区建设。本轮降雨持续9天。最重要的是稳住了市场主体，全年新登记企业2.3万户。"
        "先进制造业拉动了全县45%的增长。预计零售市场仍有12%左右的增长空间。"
        "数字经济增加值900亿元，平台企业营业收入增长8%，利润总额增长5%。",
        "measure",
        "kind",
    )
    assert got["980亿元"][0] == "规模以上工业增加值" and got["350亿元"][0] == "出口总额"
    assert got["18个"][1] == "level" and got["9天"][0] == "本轮降雨持续"
    assert got["2.3万户"][0] == "新登记企业"
    assert got["45%"][1] != "change" and got["12%左右"][1] != "change"
    assert got["5%"][0] == "平台企业利润总额"


def test_two_spans_listed_and_a_cause_and_a_past_year_opening() -> None:
    """分别由A和B下降到C和D: two measures, each from a start to an end; 由于…而 is a cause, no part of the
    measure; a sentence opening on 过去一年 reports money secured (争取), not a goal."""
    got = read(
        "公办和民办园师幼比分别由上年的1.2%和0.9%提高到1.5%和1.1%。"
        "门诊收入则由于体检人次增加而上升6.4%。过去一年,全县争取上级补助资金12.3亿元。",
        "measure",
        "kind",
        "period",
    )
    assert got["1.2%"] == ("公办园师幼比", "level", "start")
    assert got["0.9%"] == ("民办园师幼比", "level", "start")
    assert got["1.5%"] == ("公办园师幼比", "level", "own")
    assert got["1.1%"] == ("民办园师幼比", "level", "own")
    assert got["6.4%"][:2] == ("门诊收入", "change")
    assert got["12.3亿元"][1] == "level"


def test_a_name_with_its_figure_in_brackets() -> None:
    """分别为甲县(占21.5%)、乙县(占18.2%): each share is the named place's; 增长最快的是丙县(12.6%) is the
    ranking's growth, whichever place tops it."""
    got = read(
        "民宿收入超过十亿元的镇有2个,分别为青石(占31.5%)和白沙(占22.4%)。各镇中增长最快的是红岩镇(14.2%)。",
        "measure",
        "kind",
    )
    assert got["31.5%"] == ("青石", "share") and got["22.4%"] == ("白沙", "share")
    assert got["14.2%"] == ("各镇中增长最快", "change")


def test_fourth_batch_of_review_forms() -> None:
    """占地区生产总值 is a share (地区 is no 占地); 比上年N册 is last year's level said plainly; 现价/可比价 and
    an exchange-rate restatement stand between a measure and its figure; 增加N元、增长M% are two changes of one
    amount, no list; 总规模为…,增加值为… is one owner's; 保持较快增长 is degree."""
    got = read(
        "全年旅游收入9.2亿元,占地区生产总值的比重为7.4%。全年人均观影次数3.1次,比上年2.6次增加0.5次。"
        "全县服务业产值64.1亿元,现价增长5.5%。全年人均会展消费3180元,按年平均汇率折算为452美元。"
        "茶农人均纯收入16420元,比上年增加830元、增长5.3%。全市低空经济总规模为260亿元,增加值为95亿元。"
        "全年直播零售额保持较快增长,增长17%。",
        "measure",
        "kind",
        "period",
    )
    assert got["7.4%"][:2] == ("旅游收入占地区生产总值比重", "share")
    assert got["2.6次"][2] == "start" and got["3.1次"][2] == "own"
    assert got["5.5%"][:2] == ("服务业产值", "change")
    assert got["452美元"][0] == "人均会展消费"
    assert got["830元"][:2] == ("茶农人均纯收入", "change")
    assert got["95亿元"][0] == "低空经济增加值"
    assert got["17%"][0] == "直播零售额"


def test_second_review_of_the_days_rules_reads_as_before() -> None:
    """Brackets that are no name's figure (甲县(95亿元) in a ranking list, a gloss before), a goal after a past
    opening, 占地区域, a points figure after 比上年, a pull after 受…, and a list's levels after a list's
    changes keep their reading."""
    got = read(
        "其中甲县(120亿元)、乙县(95亿元)位居前两位。人工智能(AI)产业规模(380亿元)增长21.3%。"
        "过去一年,全市城镇新增就业6.2万人;今年要争取新增就业6万人以上。新建厂房占地区域面积3.2万平方米。"
        "物价涨幅比上年0.5个百分点回落。全市工业增长受汽车制造业拉动3.1个百分点。"
        "城镇和农村居民人均收入分别增长5.1%和7.2%,分别达到5.2万元和2.1万元。",
        "measure",
        "kind",
    )
    assert got["95亿元"][0] == "乙县" and got["380亿元"][0] == "人工智能产业规模"
    assert got["6.2万人"][1] == "level" and got["6万人以上"][1].startswith("target")
    assert got["3.2万平方米"][1] == "level"
    assert got["0.5个百分点"][1] == "change"
    assert got["3.1个百分点"][0] != "工业"
    assert got["5.2万元"][0] != "农村居民人均收入"  # not the last change's measure


def test_quarters_as_hong_kong_and_macau_reports_write_them() -> None:
    """第4季 and 2季度 are quarters (a scope); 服务输出在第一季下跌 keeps 在第一季 out of the measure; a clause
    that names only another time (而上年第四季的跌幅为) speaks of the measure before it, as a change; 亦,
    微 and 轻微 stay out; 令 and 以致 lead to what is measured."""
    got = read(
        "第4季会展收入按年实质增长16.4%。服务输出在第一季下跌7.8%,而上年第四季的跌幅为2.5%。"
        "货物出口亦下跌3.1%,政府消费按年微跌0.2%。外需疲弱,以致旅游服务出口下跌9.6%。",
        "measure",
        "kind",
        "scope",
    )
    assert "四季度" in got["16.4%"][2]
    assert got["7.8%"][:2] == ("服务输出", "change")
    assert got["2.5%"][:2] == ("服务输出", "change") and "四季度" in got["2.5%"][2]
    assert got["3.1%"][0] == "货物出口" and got["0.2%"][0] == "政府消费"
    assert got["9.6%"][0] == "旅游服务出口"


def test_a_comparisons_time_scopes_no_later_sentence() -> None:
    """…比上年第4季度的3.3%的升幅要慢。服务输入下跌1.0%: the quarter of the comparison carries to nothing."""
    got = {
        m.raw: tuple(m.key.scope) if m.key else ()
        for m in figures("全年会展服务收入上升1.4%,比上年第4季度的3.3%的升幅要慢。会展服务支出下跌1.0%。")
    }
    assert "四季度" in got["3.3%"] and "四季度" not in got["1.0%"]


def test_two_opposite_words_that_share_an_ending_still_share_the_rest() -> None:
    """昼间、夜间总达标率: the shared ending 间 must not cut the list before the opposite words are seen; a
    count's noun keeps 平均 whole."""
    got = [
        m.key.measure if m.key else ""
        for m in figures("全区道路昼间、夜间噪声达标率分别为95.1%、83.4%。5项主要污染物平均浓度达标。")
    ]
    assert got[:2] == ["道路昼间噪声达标率", "道路夜间噪声达标率"]
    assert got[2].startswith("主要污染物平均浓度")


def test_third_review_of_quarters_and_fillers_reads_as_before() -> None:
    """令 and 使得 inside words (时令, 行使得当) cut nothing; 小微 keeps 微; a series' 第一季, 第一季稻, 连续4季度
    and 1-3季度 are no quarter; 生产总值第一季…,第二季… keeps the quarter out of the measure, as a scope."""
    got = read(
        "全市时令蔬菜产量达到12.5万吨。大型企业增加值增长6.1%，小微增长4.2%。"
        "电视剧第一季播出后，全县旅游收入增长35.2%。第一季稻播种面积为35万亩。连续4季度保持在6%以上。"
        "本地生产总值第一季按年实质上升2.9%，第二季上升1.5%。",
        "measure",
        "scope",
    )
    assert got["12.5万吨"][0] == "时令蔬菜产量" and got["4.2%"][0] == "小微"
    assert "一季度" not in got["35.2%"][1] and "一季度" not in got["35万亩"][1]
    assert "四季度" not in got["6%以上"][1]
    assert got["2.9%"] == ("本地生产总值", ("一季度",)) and got["1.5%"] == ("本地生产总值", ("二季度",))


def test_a_time_only_clause_of_last_year_is_last_years_value() -> None:
    """实际利用外资1.2亿美元,上年同期为0.9亿美元: the second is the same measure, a year earlier."""
    got = read("全年实际利用外资1.2亿美元,上年同期为0.9亿美元。", "measure", "period")
    assert got["0.9亿美元"] == ("实际利用外资", "start") and got["1.2亿美元"][1] == "own"


def test_a_compound_unit_per_million_reads_whole() -> None:
    """吨标准煤/百万人公里: the denominator's scale may be two characters (百万, 千万)."""
    value, unit, _ = one("综合能耗为4.6吨标准煤/百万人公里。")
    assert (value, unit) == (Decimal("4.6"), "吨标准煤/百万人公里")


def test_bare_acts_count_what_was_acted_on_a_few_clauses_back() -> None:
    """依法严惩X犯罪,有力…,守护平安,批捕N人: the acts count X, not the slogan just before them."""
    got = read("依法严惩电信网络诈骗犯罪,有力维护群众财产安全,守护一方平安,批捕52人,起诉61人。", "measure")
    assert "电信网络诈骗犯罪" in got["52人"] and "电信网络诈骗犯罪" in got["61人"]
    assert "平安" not in got["52人"]


def test_a_work_verb_before_its_figure_takes_the_noun_after_it() -> None:
    """有效修复3.6万公顷湿地资源: the figure measures the wetland restored, named after it."""
    said = "全年有效修复2.4万公顷退化草原,改造农村公路380公里。"
    got = read(said, "measure")
    assert got["2.4万公顷"] == "有效修复退化草原"


def test_an_actor_that_holds_a_count_lets_the_counted_noun_follow() -> None:
    """X行业共有15家企业入选: the figure counts the firms named after it; with nothing after it, X's count."""
    got = read("陶瓷行业共有12家企业入选名单。丝绸行业共有8家。", "measure")
    assert got["12家"].startswith("企业入选") and got["8家"] == "丝绸行业"


def test_a_change_then_the_level_it_reached() -> None:
    """同比减少12.5%至86.3亿元: two figures of other units, no range; the change speaks of the level reached."""
    said = "全年门店销售额同比减少12.5%至86.3亿元，会员占比提高2个百分点至18%。"
    got = read(said, "measure", "kind")
    assert got["12.5%"] == ("门店销售额", "change") and got["86.3亿元"] == ("门店销售额", "level")
    assert got["2个百分点"][1] == "change" and got["18%"][1] == "share"
    ids = {m.raw: m.id for m in figures(said)}
    parents = read(said, "parent")
    assert parents["12.5%"] == ids["86.3亿元"] and parents["2个百分点"] == ids["18%"]
    assert read("門店銷售額按年增加12.5%至86.3億元。", "kind") == {"12.5%": "change", "86.3億元": "level"}
    assert read("预计增长5%至6%。", "kind") == {"5%至6%": "range"}  # one unit: still a range


def test_points_in_chinese_numerals_basis_points_and_a_shared_points_unit() -> None:
    """提高两个百分点, 下降三个基点, 分别提高0.5个和0.3个百分点: all changes in points."""
    got = read("出勤率提高两个百分点,达到96.2%。收益率下降三个基点。甲校和乙校分别提高0.5个和0.3个百分点。", "kind")
    assert got["两个百分点"] == got["三个基点"] == got["0.5个"] == got["0.3个百分点"] == "change"
    units = {m.raw: (m.value, m.unit) for m in figures("收益率下降三个基点。甲校和乙校分别提高0.5个和0.3个百分点。")}
    assert units["三个基点"] == (Decimal(3), "个基点") and units["0.5个"] == (Decimal("0.5"), "个百分点")
    ids = {m.raw: m.id for m in figures("出勤率提高两个百分点,达到96.2%。")}
    assert read("出勤率提高两个百分点,达到96.2%。", "parent")["两个百分点"] == ids["96.2%"]
    assert read("两个意识,三个代表。", "kind") == {}  # small Chinese numerals count only points


def test_an_idiom_holds_no_figure_wherever_the_numeral_sits() -> None:
    """千家万户: neither 千家 nor 万户 is a count."""
    assert read("新产品走进千家万户。", "kind") == {}


def test_a_count_of_something_an_entity_has_is_the_entitys() -> None:
    """剧场45家,座位数1.2万个: the theatres' seats; 驿站120个,驿站数…: a count of the entity itself stays its own."""
    got = read("全市有剧场45家,座位数1.2万个,年末接待观众310万人次。", "measure")
    assert got["1.2万个"] == "剧场座位数" and got["310万人次"] == "剧场接待观众"


def test_a_rate_word_after_a_level_a_ratio_name_a_bare_year_and_lead_words() -> None:
    """增速5.6% after a level is its growth; 贷存比 keeps its 比; 2024 without 年 and 特别是 name no measure."""
    said = "全年货运量达到3.1亿吨,增速4.2%。年末存贷比67.5%。特别是图书零售收入完成8.8亿元。"
    got = read(said, "measure", "kind")
    ids = {m.raw: m.id for m in figures(said)}
    assert got["4.2%"] == ("货运量", "change") and read(said, "parent")["4.2%"] == ids["3.1亿吨"]
    assert got["67.5%"][0] == "存贷比" and got["8.8亿元"][0] == "图书零售收入"
    assert read("某集团2024营业收入50.2亿元。", "measure")["50.2亿元"] == "某集团营业收入"
    assert read("客房入住率逐月提高至76.5%。", "measure")["76.5%"] == "客房入住率"
    assert read("出口比上年增长5%。", "measure")["5%"] == "出口"  # a comparison's 比 still goes


def test_a_part_named_by_its_的_a_count_before_a_rate_word_and_a_meetings_ordinal() -> None:
    """其中设在山区的3.2万个: the whole's part; 5个县增速超过20% counts counties; 七届八次全会 counts nothing."""
    got = read("全省拥有服务站12.5万个,其中设在山区的3.2万个。", "measure")
    assert got["3.2万个"] == "设在山区服务站"
    assert read("全省16个县中,5个县增速超过20%。", "kind")["5个"] == "level"
    assert read("学习省委七届八次、九次全会精神。", "kind") == {}
    assert read("全年召开十次会议。", "kind") == {"十次": "level"}  # a count of meetings held
    assert read("某集团2023年年度实现净利润12.1亿元。", "measure")["12.1亿元"] == "某集团净利润"


def test_second_review_of_the_days_rules_keeps_off_look_alike_wording() -> None:
    """What the day's rules must leave alone: ranks after ',为', spans of one kind, guesses in numerals,
    sibling counts, a whole place's rate, model years and classes."""
    assert read("建筑业增加值增长6.1%，为近8年来最高。", "parent")["6.1%"] is None
    assert read("工期为40天至3个月。", "kind") == {}  # no change, another kind of unit: no figure split out
    assert "0.8%至1.2%" in read("预计物价上涨0.8%至1.2%。", "kind")  # one unit, near values: a range
    got = read("参保人数增加2400人至86.5万人。", "kind", "parent")
    assert got["2400人"][0] == "change" and got["86.5万人"] == ("level", None)
    assert read("出勤率下降一两个百分点。", "kind") == {}
    got = figures("比重提高零点五个百分点。")  # a decimal in numerals reads whole (it was once 五个百分点)
    assert [(m.raw, m.value, m.kind.value) for m in got] == [("零点五个百分点", Decimal("0.5"), "change")]
    got = read("全区有中学18所，小学数41所。卫生机构900个，其中诊所数350个。", "measure")
    assert got["41所"] == "小学数" and got["350个"] == "诊所数"  # counts of other bodies, not attributes
    got = read("完成农业投资86亿元，全省增速为4.1%。", "parent")
    assert got["4.1%"] is None
    got = read("进口总额900亿元，增速6.5%，出口1300亿元，降幅2.2%。", "measure", "parent")
    ids = {m.raw: m.id for m in figures("进口总额900亿元，增速6.5%，出口1300亿元，降幅2.2%。")}
    assert got["2.2%"] == ("出口", ids["1300亿元"])
    assert read("2025款车型销量8万辆。", "measure")["8万辆"].startswith("2025款")
    assert read("2021届毕业生就业率93%。", "measure")["93%"].startswith("2021届")


def test_a_year_named_without_a_month_ends_the_month_carried() -> None:
    """2031年10月,…。2031年,…: the second sentence speaks of the whole year, not of October."""
    said = "2031年10月,全市用电量同比增长6.2%。2031年,全市用电量约410亿千瓦时,同比增长4.4%。其中居民用电增长5%。"
    got = read(said, "scope")
    assert got["6.2%"] == ("10月",) and "10月" not in got["约410亿千瓦时"] and "10月" not in got["4.4%"]
    assert "10月" not in got["5%"]


def test_business_review_wording() -> None:
    """Typed bullets (- , l ), 同比强劲增长, 应占 (attributable), a segment's 毛利 and 毛利率, an EPS without a unit."""
    text = "【前言】\n\n- 钢板销量增长6.2%至310万吨\nl 管材销量增长3.1%至120万吨\n"
    got = {m.raw: m.key.measure for m in extract_metrics(normalize(text)) if m.key}
    assert got["310万吨"] == "钢板销量" and got["120万吨"] == "管材销量"
    assert read("集团营业收入同比强劲增长21.4%至612.8亿元。", "measure")["612.8亿元"] == "集团营业收入"
    assert read("应占联营公司亏损0.35亿元。", "kind")["0.35亿元"] == "level"
    got = read("电池板块实现收入46.4亿元,毛利11.3亿元,毛利率为24.4%。", "measure")
    assert got["11.3亿元"] == "电池板块毛利" and got["24.4%"] == "电池板块毛利率"
    assert read("基本每股收益0.82,同比增长12.3%。", "measure")["0.82"] == "基本每股收益"


def test_dates_in_chinese_numerals_months_to_date_and_a_base_of_last_quarter() -> None:
    """二〇三一年九月 reads as 2031年9月; 首七个月 is the months 1 to 7 (no figure 七个); 较上一季, 较2030年同月
    and 估计为 are no part of a measure."""
    got = read("二〇三一年九月的客房入住率为81.5%。", "measure", "scope")
    assert got["81.5%"] == ("客房入住率", ("9月",))
    got = read("首七個月的旅客為1,820萬人次。", "measure", "scope")
    assert got == {"1,820萬人次": ("旅客", ("1-7月",))}
    said = "本季注册船舶为640艘,较上一季减少12艘。销售额估计为52亿元,较2030年同月下跌1.2%。"
    got = read(said, "measure")
    assert got["12艘"] == "本季注册船舶" and got["1.2%"] == got["52亿元"] == "销售额估计"


def test_a_number_written_in_two_parts_with_a_scale_word_between() -> None:
    """3萬4,560美元 is 34,560; 1億2,345萬元 is 123,450,000 (one figure, not 1億 and 2,345萬元)."""
    got = {m.raw: (m.value, m.unit) for m in figures("平均存款為2萬8,150美元。總所得1億2,345萬元。")}
    assert got == {"2萬8,150美元": (Decimal(28150), "美元"), "1億2,345萬元": (Decimal(123450000), "元")}
    assert len(figures("全年增加3万，4560人参加。")) == 2  # a comma between: two figures


def test_review_of_the_month_carry_bullets_income_lines_and_months_to_date() -> None:
    """A year inside a sentence keeps the carried months; 应占…的N% (should be) is a share; another line of
    income (营业外收入) lends no owner; 提前两个月 and 此前三个月 are no months to date; 十个年度 counts."""
    got = read("2031年1-9月,全市出口增长4%。其中，2031年新设企业出口8亿元。", "scope")
    assert got["8亿元"] == ("1-9月",)
    got = read("清洁能源消费应占能源消费总量的25%左右。", "measure", "kind")
    assert got["25%左右"] == ("清洁能源消费", "share")
    assert read("公司投资收入900万元，利润总额3.6亿元。", "measure")["3.6亿元"] == "利润总额"
    got = read("工程提前两个月完工，完成投资12亿元。此前三个月出口增长3%。", "scope")
    assert got["12亿元"] == () and got["3%"] == ()
    assert read("建成十个年度重点项目。", "kind") == {"十个": "level"}


def test_a_list_named_inside_a_mainly_frame_before_分别() -> None:
    """住客以甲、乙及丙旅客为主,分别占a、b及c: the k-th name inside 以…为主 is the k-th share's."""
    got = read("游客以德国、法国及英国游客为主,分别占38.5%、21.4%及9.2%。", "measure", "kind")
    assert got == {"38.5%": ("德国游客", "share"), "21.4%": ("法国游客", "share"), "9.2%": ("英国游客", "share")}


def test_a_bodys_part_after_其中_is_named_with_its_whole() -> None:
    """营业总收入…,其中,直属公司…;地方子公司…: each body's part of the whole, however long its name."""
    got = read("全年实现营业总收入80.5亿元，其中，省属文旅企业50.2亿元；市县文旅企业30.3亿元。", "measure")
    assert got["50.2亿元"] == "省属文旅企业营业总收入" and got["30.3亿元"] == "市县文旅企业营业总收入"


def test_a_floor_on_a_count_and_a_quoted_passage_hold_figures() -> None:
    """N支以上/N名以上 before the noun counted is a floor on that count (百人以上企业 and 拥有5家以上分店的
    企业 stay size classes); a quoted passage of sentences (“…;…”) is words quoted, not a name, and its
    figures are figures, with no noun taken across its closing quote."""
    got = read("今年动员3千名以上护林员、120支以上巡护队。", "measure", "qualifier")
    assert got == {"3千名以上": ("动员护林员", "at_least"), "120支以上": ("巡护队", "at_least")}
    assert [m.raw for m in figures("百人以上工厂达到86家，拥有5家以上分店的企业有9家。")] == ["86家", "9家"]
    got = read("“新修45座桥梁;翻建18所校舍……”这是县里的承诺。", "measure")
    assert got == {"45座": "新修桥梁", "18所": "翻建校舍"}
    assert figures("推进“3个100”工程。") == []


def test_a_month_span_with_至_units_in_latin_letters_and_a_coefficient_after_为() -> None:
    """1月至8月 is months 1-8 (not 1月); 标箱, mm and m² are units; 系数为0.48 is a figure."""
    got = read("3月至10月,全省木材运量完成2.6亿吨,同比下降1.5%。", "scope")
    assert got == {"2.6亿吨": ("3-10月",), "1.5%": ("3-10月",)}
    assert read("2031年1月份到5月份,出口增长7%。", "scope") == {"7%": ("1-5月",)}
    got = {m.raw: m.unit for m in figures("年吞吐量完成680万标箱,年降雨量为912.4mm,新增绿地3.5万m²。")}
    assert got == {"680万标箱": "标箱", "912.4mm": "mm", "3.5万m²": "m²"}
    assert read("全县耕地质量系数为0.48。", "measure") == {"0.48": "耕地质量系数"}


def test_the_items_after_a_goals_lead_are_targets() -> None:
    """A lead that sets goals (主要预期目标为:) makes the items on the lines after it targets (——…, 1.…), up
    to the first paragraph that is no item; a lead that reviews goals (目标完成情况如下:) makes none."""
    said = "全镇农业稳步发展。2032年主要预期目标为:\n——粮食产量增长3%左右;\n2.新建冷库6座。\n全年新建温室40座。"
    got = read(said, "kind", "period")
    assert got == {"3%左右": ("target", "plan"), "6座": ("target", "plan"), "40座": ("level", "own")}
    said = "全镇农业稳步发展。主要目标完成情况如下:\n——粮食产量增长3%;\n——新建冷库6座。"
    assert read(said, "kind") == {"3%": "change", "6座": "level"}


def test_outcomes_measured_against_goals_forecasts_and_gaps() -> None:
    """高于年度预期目标 and 弱于预期 measure an outcome against a goal and set none; a forecast (…,总量将突破…)
    said after an outcome reaches the end of its segment only; 将 and 力争 are no part of a measure; 高于全省N个
    百分点 is the gap of the figure before it; 高于2031年 is a comparison's base, no period."""
    got = read("在需求弱于预期的情况下,全县茶叶产值实现18亿元,增长6%,高于年度预期目标2个百分点。", "kind", "parent")
    assert got == {"18亿元": ("level", None), "6%": ("change", "s00.m01"), "2个百分点": ("level", "s00.m02")}
    assert read("茶叶产值增长6%,低于全省0.4个百分点。", "measure")["0.4个百分点"] == "茶叶产值低于全省"
    got = read("预计全年茶叶产量增长4%,总产量将突破9万吨;茶园面积30万亩,增长2%。", "kind", "measure")
    assert got["突破9万吨"] == ("target", "茶叶总产量") and got["30万亩"] == ("level", "茶园面积")
    got = read("明年将新建茶厂5座;力争茶叶产值增长8%。", "kind", "measure")
    assert got == {"5座": ("target", "明年新建茶厂"), "8%": ("target", "茶叶产值")}
    got = read("二、2032年工作回顾\n茶叶产值增长6%,高于2031年1.2个百分点。", "period")
    assert got == {"6%": "own", "1.2个百分点": "own"}


def test_a_part_named_by_its_own_head_noun_a_breakdown_paragraph_and_占_before_用() -> None:
    """其中沿海航线完成… names the whole's measure (its head noun 航线 shared); a paragraph opening 分X看
    keeps the month of the paragraph before; 占用水总量的N% is a share of 用水总量 (占用耕地 is no share)."""
    got = read("内河航线完成客运量3.1亿人次,其中沿江短途航线完成0.9亿人次。", "measure")
    assert got["0.9亿人次"] == "沿江短途航线完成客运量"
    said = "8月份,全市发电量52亿千瓦时。\n分品种看,风电12亿千瓦时,增长3%。\n全市新建电站4座。"
    assert read(said, "scope") == {"52亿千瓦时": ("8月",), "12亿千瓦时": ("8月",), "3%": ("8月",), "4座": ()}
    got = read("农业用水量为36亿立方米,占用水总量的41.5%。", "kind", "parent")
    assert got["41.5%"] == ("share", "s00.m01")


def test_loans_in_册次_an_addition_said_alone_and_全年_inside_a_measure() -> None:
    """册次 is a unit of its own (not 册), 卷 a unit; 较2031年新增 is a change; 新增N after a stock in the same
    unit is an addition to that stock; 全年 inside a measure is its time, no part of the measure."""
    got = {m.raw: m.unit for m in figures("全年借出期刊8.1万册次,馆藏期刊30万册,古籍2.2万卷。")}
    assert got == {"8.1万册次": "册次", "30万册": "册", "2.2万卷": "卷"}
    got = read("县方志馆藏书为5.6万册,较2031年新增约4千册。", "kind", "parent")
    assert got["约4千册"] == ("change", "s00.m01")
    got = read("全区登记志愿者4.2万人,新增6千人;建成服务站80个,新建12个。", "measure")
    assert got["6千人"] == "新增登记志愿者" and got["12个"] == "新建服务站"
    assert read("县文化馆全年举办讲座66场。", "measure") == {"66场": "县文化馆举办讲座"}


def test_the_time_a_sentence_opens_on_carries_and_a_base_time_scopes_nothing() -> None:
    """前三季度,…,其中,9月份增长N%: the month is its figure's only, the sentence after keeps 前三季度, and the
    month's figure measures what the sentence does; 比上半年加快, 比1-7月回升 name a base, no scope of theirs;
    预测明年 is a forecast ahead, a target."""
    said = "前三季度,全县茶叶销售额同比增长5.1%,其中,9月份同比增长3.9%。茶叶出口额增长8%。"
    got = read(said, "measure", "scope")
    assert got["3.9%"] == ("茶叶销售额", ("其中", "9月")) and got["8%"] == ("茶叶出口额", ("前三季度",))
    said = "1-9月,全县茶叶销售额增长5.1%,比上半年加快0.6个百分点,比1-8月回落0.2个百分点;出口额增长8%。"
    got = read(said, "measure", "scope")
    assert set(got.values()) == {("茶叶销售额", ("1-9月",)), ("出口额", ("1-9月",))}
    assert read("预测明年茶叶销售额增长6%。", "kind", "period") == {"6%": ("target", "plan")}


def test_an_owner_said_once_carries_to_the_production_words_after_it() -> None:
    """早稻种植面积…,总产量…,总产、单产分别…: the owner named before a bare production word, in its segment."""
    said = "全县晚稻种植面积增加2万亩,总产量42.5万吨,总产、单产分别增长1.6%和0.9%。"
    got = read(said, "measure")
    assert got["42.5万吨"] == "晚稻总产量" and got["1.6%"] == "晚稻总产" and got["0.9%"] == "晚稻单产"
    got = read("全县生猪存栏52万头,出栏31万头。", "measure")
    assert got == {"52万头": "生猪存栏", "31万头": "生猪出栏"}


def test_what_the_review_of_the_goal_and_gap_rules_found() -> None:
    """Pinned after an adversarial review of the goal, gap, floor and quotation rules: a gap is of the rate,
    not of a change in points said between; 明年 and 争取到 stay in measures; 收入比为 keeps 比; a lead that says
    its goals were met sets none; 未达预期目标7% is the goal's value; a goal quoted ends at its closing quote;
    N名以上 before a body is a size class; a quote that only trails off (……) is still a name."""
    got = read("全县城镇化率达到61.5%，比上年提高0.9个百分点，高于全省2.3个百分点。", "parent")
    assert got["2.3个百分点"] == "s00.m01"
    assert read("全年争取到上级资金8亿元。", "measure") == {"8亿元": "争取到上级资金"}
    assert read("城乡居民收入比为2.05。", "measure") == {"2.05": "城乡居民收入比"}
    said = "全县经济平稳。过去五年的主要目标已经完成：\n——粮食产量年均增长2.1%；\n——新建冷库60座。"
    assert set(read(said, "kind").values()) <= {"change", "level"}
    assert read("茶叶产值增长5%，未达预期目标8%。", "kind")["8%"] == "target"
    assert read("会议强调“确保粮食产量稳定在80万吨以上；”，全年实际产量81万吨。", "kind")["81万吨"] == "level"
    assert [m.raw for m in figures("全县共有100名以上员工企业46家。")] == ["46家"]
    assert figures("村民说“以前跑3趟……”。") == []
    assert read("大将军乡茶叶产量2.3万吨。", "kind") == {"2.3万吨": "level"}


def test_a_lists_shared_measure_noun_reaches_every_item() -> None:
    """A、B和C旅客发送量分别…: each item's 旅客发送量; 东部、中部和西部地区生产总值: each region's 生产总值."""
    got = read("一季度,码头、车站和机场旅客发送量分别增长3.1%、4.2%和9.3%。", "measure")
    assert list(got.values()) == ["码头旅客发送量", "车站旅客发送量", "机场旅客发送量"]
    got = read("南部、北部和中部地区生产总值分别增长4%、5%和6%。", "measure")
    assert list(got.values()) == ["南部地区生产总值", "北部地区生产总值", "中部地区生产总值"]


def test_a_gap_in_an_amounts_unit_and_one_written_比全国高() -> None:
    """超过预期目标20万吨 is the gap of the amount before it; 比全国高1.2个百分点 is a gap too, and a change of the
    rate said after it (比上年提高0.3个百分点) is still the rate's."""
    got = read("全县油菜籽产量达到48万吨，超过预期目标3万吨。", "measure", "parent")
    assert got["3万吨"] == ("油菜籽产量超过预期目标", "s00.m01")
    got = read("全县茶叶产值增长7%，比全省高1.1个百分点，比上年提高0.4个百分点。", "measure", "parent")
    assert got["1.1个百分点"] == ("茶叶产值比全省高", "s00.m01") and got["0.4个百分点"][0] == "茶叶产值"


def test_more_or_fewer_than_a_base_is_a_change() -> None:
    """比上年多3所 and 比8月份多增0.2万人 are changes up of the figure before; 比上年少3起 a change down."""
    got = read("全县新建幼儿园9所，比上年多3所；发生火灾12起，比上年少4起。", "kind", "parent", "direction")
    assert got["3所"] == ("change", "s00.m01", Direction.UP) and got["4起"] == ("change", "s00.m03", Direction.DOWN)
    assert read("新增就业3.2万人，比8月份多增0.4万人。", "measure")["0.4万人"] == "新增就业"


def test_numbered_items_of_a_goal_list_and_their_numbers() -> None:
    """（一）…；is an item of a list, not a heading, and its figure is read; items opening 二是 or 三、 are items
    of the goal list too, and 一是/三、 leave the measure."""
    said = "全镇农业平稳。今年主要预期目标是：\n（一）粮食产量增长2%左右；\n二是新建冷库6座；\n三、茶园面积达3万亩；"
    got = read(said, "measure", "kind")
    assert got == {
        "2%左右": ("粮食产量", "target"),
        "6座": ("新建冷库", "target"),
        "3万亩": ("茶园面积", "target"),
    }
    assert read("一是全年新建冷库6座。", "measure") == {"6座": "新建冷库"}


def test_a_noun_joined_by_及_runs_on_past_the_figure_before() -> None:
    """2家水厂完成制水及供水收入3亿元: the amount's measure holds the whole 制水及供水收入, not 及供水收入."""
    got = read("上半年,2家水厂完成制水及供水收入3亿元,增长4%。", "measure")
    assert got["3亿元"] == got["4%"] and got["3亿元"].endswith("制水及供水收入")


def test_a_verb_opening_a_list_of_objects_acts_on_each_item() -> None:
    """新建口袋公园12个、城市绿道35公里: 新建城市绿道; an item with a verb of its own (改扩建学校) or a measure noun
    (旅游收入) keeps its own words."""
    got = read("新建花园8个、步道20公里、车位600个。", "measure")
    assert list(got.values()) == ["新建花园", "新建步道", "新建车位"]
    assert list(read("新建医院3所、改扩建医院7所。", "measure").values()) == ["新建医院", "改扩建医院"]
    assert list(read("接待游客120万人次、旅游收入9亿元。", "measure").values()) == ["接待游客", "旅游收入"]


def test_the_noun_after_a_count_follows_a_verb_said_with_where_or_how() -> None:
    """吸纳周边N名村民就业: the villagers employed, not 吸纳周边; 按标准完成N个…改造: the works done, not 按标准."""
    assert read("全年吸纳当地1200名农民务工。", "measure") == {"1200名": "吸纳当地农民务工"}
    assert read("按计划完成16个村卫生室改造。", "measure") == {"16个": "村卫生室改造"}


def test_decimals_written_in_chinese_numerals() -> None:
    """三.三二%, 〇．〇三个百分点, 一二三四.五万人 (digit by digit) and 四点二亿吨 are figures with their whole value,
    not the digits after the point alone; 一点一滴 is still no figure."""
    got = figures_of("失业率为四.五二%，比上年下降〇．〇六个百分点，就业人数一二三四.五万人，粮食产量四点二亿吨。")
    assert [(raw, value) for raw, value, _, _ in got] == [
        ("四.五二%", Decimal("4.52")),
        ("〇．〇六个百分点", Decimal("0.06")),
        ("一二三四.五万人", Decimal("12345000")),
        ("四点二亿吨", Decimal("420000000")),
    ]
    assert [m.raw for m in figures("他一点一滴地做好三件事。")] == []


def test_a_change_said_over_a_span_or_against_the_period_before_is_the_levels() -> None:
    """月增2000人、年增1.3万人 and 较上一期减少300人 change the level before them; 年 and 月 leave the measure
    (全年, 上年 and 1-10月 stay times)."""
    got = read("游客人数为8.6万人，月增2000人、年增1.3万人。", "measure", "parent")
    assert got["2000人"] == got["1.3万人"] == ("游客人数", "s00.m01")
    assert read("会员数为2.1万人，较上一期减少300人。", "measure", "parent")["300人"] == ("会员数", "s00.m01")
    assert read("去年全市用电量年增3%。", "measure") == {"3%": "用电量"}


def test_connectives_particles_and_a_news_dateline_leave_the_measure() -> None:
    """主因…, 加上…各, 但…, 达到了 and 〔记者…报导〕县府昨公布 are no part of what is measured; 已实现/未实现
    before a gain or loss are."""
    got = read("主因菜价涨4%，加上油价各涨2%，但房租下跌1%。", "measure")
    assert list(got.values()) == ["菜价", "油价", "房租"]
    assert read("〔记者李四／台中报导〕县府昨公布全年用电量年增3%。", "measure") == {"3%": "用电量"}
    assert read("全年游客量达到了900万人次。", "measure") == {"900万人次": "游客量"}
    got = read("已实现收益9亿元，未实现损失2亿元。", "measure")
    assert list(got.values()) == ["已实现收益", "未实现损失"]


def test_a_lists_last_item_ends_where_a_shorter_shared_ending_says() -> None:
    """上下行、下行、上行列车正点率: the items before share 下行, the last holds only 行: 上行列车正点率, not 上下行
    列车正点率's 上行列 and 车正点率."""
    got = read("上下行、下行、上行列车正点率分别为98%、97%、99%。", "measure")
    assert list(got.values()) == ["上下行列车正点率", "下行列车正点率", "上行列车正点率"]


def test_names_with_their_levels_in_brackets_then_their_changes_after_分别() -> None:
    """城区人口(52.3万人)和郊区人口(18.6万人)分别增加4000人和1500人: each bracketed level is its name's, and each
    change after 分别 is its name's, with that level as parent."""
    got = read("城区人口(52.3万人)和郊区人口(18.6万人)分别增加4000人和1500人。", "measure", "kind", "parent")
    assert got == {
        "52.3万人": ("城区人口", "level", None),
        "18.6万人": ("郊区人口", "level", None),
        "4000人": ("城区人口", "change", "s00.m01"),
        "1500人": ("郊区人口", "change", "s00.m02"),
    }


def test_a_shared_head_noun_after_的_reaches_each_item() -> None:
    """采矿业和制造业的就业人数分别…: each sector's 就业人数, not 采矿业人数."""
    got = read("采矿业和制造业的就业人数分别为3.2万人和1.8万人。", "measure")
    assert list(got.values()) == ["采矿业就业人数", "制造业就业人数"]


def test_growth_on_an_adjusted_basis_beside_growth_as_reported() -> None:
    """货运量…,扣除疫情因素后增长4.6%,按自然口径计算下降3.1%: both are the amount's changes, with the amount as
    parent; the adjusted one says so in its scope (可比, or 实际 for prices) when the reported one is said beside it,
    and alone it is simply the growth."""
    said = "全县货运量5200万吨,扣除疫情因素后增长4.6%,按自然口径计算下降3.1%。"
    got = read(said, "measure", "parent", "scope")
    assert got["4.6%"] == ("货运量", "s00.m01", ("可比",)) and got["3.1%"] == ("货运量", "s00.m01", ())
    got = read("全县零售额800亿元,增长8.2%,扣除价格因素实际增长6.9%。", "scope")
    assert got["8.2%"] == () and got["6.9%"] == ("实际",)
    assert read("扣除价格因素,全县零售额增长6.9%。", "measure", "scope") == {"6.9%": ("零售额", ())}


def test_a_figure_said_of_a_year_it_is_higher_than_is_that_years() -> None:
    """收益率8.1%,远高于2020年的收益率0.9%: 0.9% is 2020's rate; 高于2020年2.3个百分点 is still a gap of this year."""
    got = read("2024年,全县投资收益率8.1%,远高于2020年县投资收益率0.9%。", "measure", "period")
    assert got["0.9%"] == ("投资收益率", "2020")
    assert read("2024年,全县粮食单产增长8.1%,高于2020年2.3个百分点。", "period")["2.3个百分点"] == "own"


def test_what_the_review_of_the_list_span_base_and_basis_rules_found() -> None:
    """Pinned after an adversarial review of the day's rules: 明年, 基准年, 连年 are words, not 年增; an item with a
    verb of its own or in money keeps its words; brackets holding a change, a share or another measure are no
    levels of the names; a gap against the nation's average is no figure of that year; 实际 after a plan is the
    outturn; 3月份额 keeps 份额; 但书 keeps 但."""
    assert read("全市货物贸易量明年增长3.1%。", "measure")["3.1%"] != "货物贸易量明"
    assert read("单位产值能耗比基准年下降16.2%。", "measure") == {"16.2%": "单位产值能耗"}
    assert not read("全县油料产量连年增长2.1%。", "measure")["2.1%"].endswith("连")
    got = read("全年新建住房1200套、开工改造小区86个、耗资3亿元。", "measure")
    assert got["86个"] == "开工改造小区" and not got["3亿元"].startswith("新建")
    got = read("税收收入(增长5.2%)和非税收入(增长3.8%)分别达到320亿元和250亿元。", "kind")
    assert got["5.2%"] == got["3.8%"] == "change"
    assert read("货物出口(占比62%)和货物进口(占比38%)分别增长8.1%和3.2%。", "kind")["62%"] == "share"
    got = read("全市人均可支配收入5.2万元,高于2023年全国平均水平1.3万元。", "period", "parent")
    assert got["1.3万元"] == ("own", "s00.m01")
    assert "实际" not in read("全年预算安排增长5%,实际增长7.2%。", "scope")["7.2%"]
    assert read("公司2024年3月份额达到18.2%。", "measure") == {"18.2%": "公司份额"}
    assert read("但书条款适用案件减少15件。", "measure") == {"15件": "但书条款适用案件"}


def test_parts_whose_words_sit_in_the_wholes_name_and_shares_said_占比() -> None:
    """来电来访3200件,其中,来电1200件,来访2000件: each part is itself, not 来电来访; 来访2000件,占比62.5%: a share of
    the count said just before (its parent)."""
    got = read("全区共受理来电来访3200件,其中,来电1200件,来访2000件。", "measure")
    assert (got["1200件"], got["2000件"]) == ("来电", "来访")
    got = read("网上销售额4.2亿元,占比35.6%。", "measure", "parent", "kind")
    assert got["35.6%"] == ("网上销售额占比", "s00.m01", "share")


def test_verdicts_copulas_and_the_start_of_a_running_total_leave_measures() -> None:
    """…销量增长较快,分别增长…: each 销量; 完好率高达97.5%: 完好率; 自开馆(1998年5月)以来: no month scope;
    面向社会招募N名X: the X recruited; 按计划完成 is done, no goal."""
    got = read("柑橘、脐橙、柚子销量增长较快,分别增长12%、15%、20%。", "measure")
    assert list(got.values()) == ["柑橘销量", "脐橙销量", "柚子销量"]
    assert read("全市路灯完好率高达97.5%。", "measure") == {"97.5%": "路灯完好率"}
    assert read("该馆自开馆(1998年5月)以来累计接待读者1200万人次。", "scope")["1200万人次"] == ("累计",)
    assert read("街道面向社会招募150名社区网格员。", "measure")["150名"].endswith("社区网格员")
    assert read("按计划完成28个村卫生室改造。", "kind") == {"28个": "level"}


def test_a_measure_said_once_then_elided_for_a_group_a_body_or_a_quarter() -> None:
    """…月平均工资6800元,外来职工为5900元: 外来职工月平均工资 (but 外来职工为2万人 counts them); 水务集团资产总额…,
    负债总额…: the group's own; 一季度营业收入9亿元,二季度10.2亿元: one measure, the quarter in the scope."""
    got = read("全市职工月平均工资为6800元,外来职工为5900元。", "measure")
    assert got["5900元"] == "外来职工月平均工资"
    assert read("全市职工5万人,外来职工为2万人。", "measure")["2万人"] == "外来职工"
    said = "供水集团资产总额820亿元,负债总额410亿元;燃气集团资产总额300亿元,负债总额120亿元。"
    got = read(said, "measure")
    assert (got["410亿元"], got["120亿元"]) == ("供水集团负债总额", "燃气集团负债总额")
    got = read("一季度营业收入9亿元,二季度10.2亿元,三季度11亿元。", "measure", "scope")
    assert got == {
        "9亿元": ("营业收入", ("一季度",)),
        "10.2亿元": ("营业收入", ("二季度",)),
        "11亿元": ("营业收入", ("三季度",)),
    }


def test_均_before_a_list_of_figures_is_分别() -> None:
    """甲及乙的收入中位数均维持1.8万元及2万元: each its own; 月均收入 and 次均费用 keep their 均."""
    got = read("城镇职工及灵活就业人员的月收入中位数均维持1.8万元及2万元。", "measure")
    assert list(got.values()) == ["城镇职工月收入中位数", "灵活就业人员月收入中位数"]
    assert read("农民工月均收入4432元。", "measure") == {"4432元": "农民工月均收入"}


def test_a_figure_restated_in_brackets_in_another_unit() -> None:
    """造林3200公顷(4.8万亩),增加150公顷(2250亩): 2250亩 is the change again, its parent 4.8万亩 (not a level)."""
    got = read("全县退耕面积3200公顷(4.8万亩),比上年增加150公顷(2250亩)。", "kind", "parent")
    assert got["4.8万亩"] == ("level", None)
    assert got["2250亩"] == ("change", "s00.m02")


def test_small_words_of_farm_reports_leave_measures() -> None:
    """比去年略减, 10月上旬, 和 joining two items, 两年平均增长: none of them is what is measured."""
    got = read("茶园面积15.2万亩,比去年略减0.3万亩。", "measure", "parent")
    assert got["0.3万亩"] == ("茶园面积", "s00.m01")
    assert read("10月上旬全县蔬菜在田面积21万亩。", "measure") == {"21万亩": "蔬菜在田面积"}
    got = read("新增高标准农田5.2万亩和高效节水灌溉面积1.8万亩。", "measure")
    assert got["1.8万亩"] == "高效节水灌溉面积"
    assert read("全县茶叶产值两年平均增长5.1%。", "measure") == {"5.1%": "茶叶产值"}


def test_a_change_against_a_normal_year_said_平年() -> None:
    """比平年偏少18.5%, like 比常年: against a normal year, kept apart from 比上年偏少9.2%."""
    got = read("全县平均降水量比平年偏少18.5%，比上年偏少9.2%。", "measure", "scope")
    assert got["18.5%"] == ("平均降水量", ("常年",)) and got["9.2%"] == ("平均降水量", ())
