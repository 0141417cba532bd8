"""figures.py: where the figures are in a text, and what each one states (value, unit, qualifier).

Reads the folded (simplified-script) text through the grammar and decides what is *not* a figure:
dates, ordinals, durations, per-capita denominators (每千人口), thresholds (百人以上企业), numbers in
quoted names, URLs and footnote markers. Labels and kinds are measure.py's work.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from .. import grammar
from ..model import Qualifier


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure as found: offsets into the text, its value in base units, unit and qualifier."""

    start: int
    end: int
    value: Decimal | None  # None for a placeholder
    unit: str  # simplified script; compound units as 元/人
    qualifier: Qualifier
    term: int = 0  # 1, 2, 3 … for the terms of a ratio a:b:c
    upper: Decimal | None = None  # the upper end of a range (6%—6.5%)


# Three patterns, each with a literal start the regex engine can search for quickly.
_URL = re.compile(r"(?:https?://|www\.)[^\s，。；、）)\]】”\"'<>]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_ESCAPED = re.compile(r"%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})+")
_FOOTNOTE = re.compile(r"[\[【]\s?(?:\d{1,2}|[ivxIVX]{1,4})\s?[\]】]")  # [1], 【1】, [i]: the marker of a note
_RANGE_NEXT = re.compile(r"[—－\-~～至到]\s*\d")
_RATIO = re.compile(r"(?<![\d.:：])\d+(?:\.\d+)?(?:[ \u3000]?[:：][ \u3000]?\d+(?:\.\d+)?){1,6}(?![\d.:：])")
_UNIT_CAPTION = re.compile(r"单位\s*[:：]\s*(?:[^\d\s，,。；;]{1,6}[、/，,]\s*)*$")
_TERM = re.compile(r"\d+(?:\.\d+)?")
# a date or a clock time in page metadata (发布时间: 2024/3/4 16:16:00): no figure
_DATE = re.compile(r"(?<![\d.])\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}(?![\d.])")
_CLOCK = re.compile(r"(?<![\d.:：])\d{1,2}[:：][0-5]\d[:：][0-5]\d(?![\d.:：])")
_RATIO_CONTEXT = re.compile(r"(?:比例|之比|比值|比为|比重|结构|配比)(?:为|是|达到|约为|调整为|优化为)?\s*$")
# a dimensionless measure: 基尼系数为0.465, 价格指数102.5, 人口性别比(以女性为100)为104.6
_GLOSS = r"(?:\([^()]{0,30}\)|（[^（）]{0,30}）)?"
_UNITLESS_NOUN = r"(?:系数|指数|比率|比值|收入比|得分|评分|分值|性别比|每股(?:收益|盈利|净资产|股息|派息))"
_UNITLESS_CONTEXT = re.compile(
    rf"{_UNITLESS_NOUN}{_GLOSS}(?:(?:为|是|达到|达|约为|由|从)"
    # the end of its span: 收入比值由2.51缩小至2.38
    rf"|(?:由|从)\d+(?:\.\d+)?(?:缩小|扩大|下降|降低|减少|提高|上升|增加|增长)?(?:到|至|为))?\s*$"
)
# an index stated as a whole number: 性别比为105, 指数为98
_INDEX_CONTEXT = re.compile(rf"(?:指数|性别比){_GLOSS}(?:为|是)\s*$")
_CHANGE_BEFORE = re.compile(rf"(?:{grammar.CHANGE_WORDS})了?$")
# a count of points in Chinese numerals: 两, 十二, 二十五 (一两, 两三 are a guess, no figure)
_POINT_COUNT = re.compile(r"[一二两三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?")
_MIXED_LEAD = re.compile(r"(?<![\d.,])(\d{1,4})(亿|万)$")
_MEETING_AFTER = re.compile(r"(?:全体)?(?:全会|会议)")
_IDIOMS = ("千家万户", "百家争鸣", "万家灯火", "千千万万", "万众一心", "百花齐放", "千方百计", "万人空巷", "十万火急")
# 年 counts as a unit only where a span is the measure: 连续6年, 近10年来, 10年间, 人均受教育年限10.5年
_YEAR_SPAN_BEFORE = re.compile(r"(?:连续|长达|历时|时隔|(?:年限|寿命|工龄|期限)(?:为|达到|达|约为|约|是)?)\s*$")
_YEAR_SPAN_AFTER = re.compile(r"^(?:间|来|以来|之久)")
_THRESHOLD_AFTER = re.compile(r"^(?:及)?(?:以上|以下)(?=[\u4e00-\u9fff])(?!的)")
_NOT_AFTER_THRESHOLD = re.compile(r"^(?:及)?(?:以上|以下)(?:[，。；,;、）)]|$)")
_AGE_BEFORE = re.compile(r"(?:年满|满|不满|未满|超过)\s*$")
# 居全国前8位, 前10名: a rank bound, like 第8位, not an amount (目前, 提前 are no rank)
_RANK_BEFORE = re.compile(r"(?<![目提此之以当空眼面跟事史])前\s*$")
# 培育3个以上集群, 覆盖92%以上行政村: a floor on a count or a share of what follows, not a size class
_FLOOR_UNITS = frozenset({"个", "家", "所", "座", "项", "处", "批", "%"})
_FLOOR_BEFORE = re.compile(
    r"(?:、|和|覆盖|惠及|达到|达|占|培育|新增|新建|建成|打造|引进|创建|认定|建设|推动|支持|实现)$"
)
# a noun of people right after a count with no unit (1230万职工, 85余万留守儿童): the count is of people
_PEOPLE_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,2}?(?:职工|人员|员工|会员|劳动者|农民工|工人|群众|学生|儿童|婴幼儿|幼儿|老人|老年人|患者|游客"
    r"|志愿者|居民|村民|农民|青年|妇女|党员|干部|教师|医生|护士)"
)
_BODY_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:企业|单位|机构|公司|社区|学校|医院|工厂)")


def _floor(unit: str, scale: str, noun: str, verb: re.Match[str] | None) -> bool:
    """N以上 before a noun is a floor on a count of that noun, not a size class of it.

    A counting word counts the noun (组织300支以上服务队, 2万名以上志愿者); 人 only a noun of people
    (百人以上企业 is a size class); a share only after a verb (覆盖92%以上行政村). A noun that 的
    ties to another is a class of that other: 拥有10家以上门店的企业.
    """
    if "的" in noun[1:5]:
        return False
    family = grammar.unit_family(unit)
    if family == "count":
        return True
    if unit in ("人", "名"):  # 2万名以上志愿者; 100名以上职工企业 is a size class of firms
        people = unit == "名" or _PEOPLE_AFTER.match(noun) is not None
        return people and not _BODY_AFTER.match(noun)
    return unit in _FLOOR_UNITS and not scale and verb is not None


_COUNT_FAMILIES = {"people", "visits", "count", "times", "households", "items", "cases"}


def masked_spans(text: str) -> list[tuple[int, int]]:
    """Spans that hold no figure: quoted names “…” and titles 《…》, URLs, e-mail, footnote markers [2]."""
    spans = [(s - 1, e + 1) for s, e, name, doc in quoted(text, 0, len(text)) if doc or not _QUOTATION.search(name)]
    marks = ((_URL, "/"), (_EMAIL, "@"), (_ESCAPED, "%"), (_FOOTNOTE, "[【"), (_DATE, "/-"), (_CLOCK, ":："))
    for pattern, mark in marks:
        if any(c in text for c in mark):
            spans += [
                (m.start(), m.end())
                for m in pattern.finditer(text)
                if pattern is not _CLOCK or not _RATIO_CONTEXT.search(text, max(0, m.start() - 12), m.start())
            ]  # 结构为18:35:47 is a ratio, however like a clock it looks
    return sorted(spans)


_QUOTE_MARKS = re.compile(r"[“”《》\n]")
# words quoted, not a name: “新建50所学校;改造20条道路……” holds sentences, and its figures are figures
_QUOTATION = re.compile(r"[；;。！？!?]")


def quoted(text: str, lo: int, hi: int) -> Iterator[tuple[int, int, str, bool]]:
    """Outermost “…” and 《…》 spans between lo and hi: (start, end, name, is_document).

    A name never crosses a line; the same marks nest (《…《…》…》). Only the marks are visited.
    """
    marks = [(m.start(), m.group()) for m in _QUOTE_MARKS.finditer(text, lo, hi)]
    k = 0
    while k < len(marks):
        at, ch = marks[k]
        if ch in "“《":
            close = "”" if ch == "“" else "》"
            depth, q = 1, k + 1
            while q < len(marks) and depth:
                mark = marks[q][1]
                if mark == ch:
                    depth += 1
                elif mark == close:
                    depth -= 1
                elif mark == "\n":
                    break
                q += 1
            if depth == 0:
                end = marks[q - 1][0]
                inner = text[at + 1 : end]
                start = at + 1 + (len(inner) - len(inner.lstrip()))
                name = inner.strip()
                if 1 < len(name) <= 60:
                    yield start, start + len(name), name, ch == "《"
                k = q
                continue
        k += 1


class Mask:
    """Spans where no figure starts, searchable by offset."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]

    def covers(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]


def scan(text: str, folded: str, lo: int, hi: int, masked: Mask) -> list[Figure]:
    """Every figure between lo and hi, in text order."""
    found: list[Figure] = []
    ratio_spans: list[tuple[int, int]] = []
    taken_until = lo
    for m in _RATIO.finditer(folded, lo, hi):
        if masked.covers(m.start()):
            continue
        terms = list(_TERM.finditer(folded, m.start(), m.end()))
        before = folded[max(lo, m.start() - 12) : m.start()]
        if len(terms) < 3 and not _RATIO_CONTEXT.search(before):
            continue  # 10:30 is a time, 1:2 a score; a ratio needs three terms or a word that says so
        ratio_spans.append((m.start(), m.end()))
        if len(terms) == 2 and Decimal(terms[1].group()) == 100:  # 性别比为109.4:100: one value, to a base of 100
            found.append(Figure(terms[0].start(), terms[0].end(), Decimal(terms[0].group()), "", Qualifier.EXACT))
            continue
        for k, term in enumerate(terms, 1):
            found.append(Figure(term.start(), term.end(), Decimal(term.group()), "", Qualifier.EXACT, term=k))
    for m in grammar.figure_re().finditer(folded, lo, hi):
        if m.start() < taken_until or not m.group().strip() or _bare(m):
            continue
        if any(s <= m.start() < e for s, e in ratio_spans):
            continue
        if masked.covers(m.start()) and not m.group("pending"):
            continue
        cut = _stray_end(m)
        if cut is not None:  # a space or a slash the figure does not own: read it without them
            again = grammar.figure_re().match(folded, m.start(), cut)
            if again is None:
                continue
            m = again
        figure = _read(m, text, folded, lo, hi)
        if figure is not None:
            while found and figure.start <= found[-1].start and found[-1].end <= figure.end:
                found.pop()  # 1亿2,345万元: the larger part read alone first is part of this figure
            found.append(figure)
            taken_until = figure.end
    found.sort(key=lambda f: f.start)
    if "、" in folded[lo:hi] or "和" in folded[lo:hi]:
        found = _spread_lists(folded, lo, found, masked)
    return found


# 0.4、1.9、2.7个百分点 and 下降0.6、提高1.7、下降1.2个百分点: bare numbers listed before a figure share
# its unit (and scale word). An item may carry its own verb of change; an ordinal's list (第1、2条) is none.
_CHANGE_WORD = grammar.CHANGE_WORDS + "|增|降|减"
_LIST_ITEM = re.compile(
    rf"(?<![\d.:：/A-Za-z第\-−－+])(\d+(?:\.\d+)?)(万亿|亿|万)?(?:、|和|及|与|以及)(?:{_CHANGE_WORD})?$"
)
_JOINED = re.compile(rf"(?:、|和|及|与|以及)(?:{_CHANGE_WORD})?")

_LIST_JOIN = re.compile(rf"(?:、|和|及|与)(?:{_CHANGE_WORD})?$")
_ORDINAL_LIST = re.compile(r"第(?:\d+(?:、|和|及|与))?$")


def _spread_lists(folded: str, lo: int, found: list[Figure], masked: Mask) -> list[Figure]:
    """The figures with the bare numbers of a list added, each with the unit of the list's last figure."""
    out: list[Figure] = []
    for k, f in enumerate(found):
        if (
            f.value is None
            or not f.unit
            or f.term
            or f.upper is not None
            or not folded[f.start : f.start + 1].isdigit()
            or not _LIST_JOIN.search(folded, max(lo, f.start - 4), f.start)
        ):
            out.append(f)
            continue
        m = grammar.figure_re().match(folded, f.start, f.end)
        scale = m.group("scale") if m is not None and m.group("num") else None
        factor = grammar.SCALES[scale] if scale else 1
        floor = found[k - 1].end if k else lo
        items: list[Figure] = []
        at = f.start
        while (item := _LIST_ITEM.search(folded, max(floor, at - 24), at)) is not None:
            if masked.covers(item.start(1)):
                break
            value = grammar.parse_number(item.group(1))
            if value is None:
                break
            own = grammar.SCALES[item.group(2)] if item.group(2) else factor  # 1.46万亿和0.87万亿元
            items.append(Figure(item.start(1), item.end(2) if item.group(2) else item.end(1), value * own, f.unit,
                                Qualifier.EXACT))  # fmt: skip
            at = item.start(1)
        if items and not _ORDINAL_LIST.search(folded, max(lo, at - 8), at):
            out.extend(reversed(items))
        # 1.46万亿、0.87万亿元: a scaled amount listed before the one that names the unit shares it
        end = f.start
        for n in range(len(out) - 1, -1, -1):
            g = out[n]
            # 0.5个和0.3个百分点: 个 of the first item is the start of the unit the last one names
            counted = g.unit == "个" and f.unit.startswith("个") and grammar.unit_family(f.unit) == "points"
            if (g.unit and not counted) or g.value is None or g.term or not _JOINED.fullmatch(folded, g.end, end):
                break
            out[n] = replace(g, unit=f.unit)
            end = g.start
        out.append(f)
    return out


def _bare(m: re.Match[str]) -> bool:
    """A number with no unit that _read would refuse anyway, told cheaply: half the matches of a report.

    一, 六, 十九 (Chinese numerals count only with a unit) and 2020, 11 (Arabic ones need a scale or a
    unit, or a decimal point after a word such as 指数). Anything else goes to _read.
    """
    num = m.group("num")
    if not num or m.group("unit") or m.group("per") is not None or m.group("pending"):
        return False
    if num[0].isdigit():
        if _RANGE_NEXT.match(m.string, m.end()) and not m.group("scale"):
            return False  # 1-2个: the low end of a range takes the high end's unit
        if m.string[m.start() - 1 : m.start()] in ("为", "是") and m.start() > 0:
            # 性别比为105; a decimal (系数为0.561) is _read's to judge
            return "." not in num and _INDEX_CONTEXT.search(m.string, max(0, m.start() - 40), m.start()) is None
        return not m.group("scale") and "." not in num
    return num[0] not in "Xx×"


def _stray_end(m: re.Match[str]) -> int | None:
    """Where a match should end when it took a space no unit follows, or a slash no unit follows."""
    if m.group("pending") or m.group("num") is None:
        return None
    cuts = []
    if m.group("per") == "":
        cuts.append(m.start("per") - 1)
    if m.group("gap2") and not m.group("unit"):
        cuts.append(m.start("gap2"))
    if m.group("gap1") and not (m.group("scale") or m.group("unit")):
        cuts.append(m.start("gap1"))
    return min(cuts) if cuts else None


# a table's or a chart's number (图2, 表3, 附表1, 附件2) right before the figure; 代表2万人 is no table
_EXHIBIT = re.compile(r"(?:附表|附图|附件|图|表)\s?$")
_EXHIBIT_CUE = "如见据按详参"  # 如图2, 见表3: the words that point at one


def _exhibit(folded: str, lo: int, start: int) -> bool:
    m = _EXHIBIT.search(folded, max(lo, start - 4), start)
    if m is None:
        return False
    before = folded[m.start() - 1] if m.start() > lo else ""
    return not ("\u4e00" <= before <= "\u9fff") or before in _EXHIBIT_CUE


def _read(m: re.Match[str], text: str, folded: str, lo: int, hi: int) -> Figure | None:
    """The figure a match states, or None when it states none."""
    start, end = m.start(), m.end()
    if m.group("pending"):
        unit = _unit_after(folded, end) or _unit_before(folded, start)
        return Figure(start, end, None, unit, Qualifier.PLACEHOLDER)
    num_start = m.start("num") if m.group("num") else m.start("pct") if m.group("pct") else m.start("cheng")
    before = folded[max(lo, start - 1) : start]
    after = folded[end : end + 6]
    qualifier = grammar.qualifier_of(m)
    if before in ("第", "每") or folded[max(lo, start - 2) : start] in ("每个", "按每"):
        return None  # an ordinal (第三批) or a per-capita denominator (每千人口)
    if not m.group("pre") and _exhibit(folded, lo, start):
        return None  # 如图2所示, 表3 床位…, 附表1: the number of a table or a chart, not an amount
    if _UNIT_CAPTION.search(folded, max(lo, start - 12), start):
        return None  # 单位:万张、张: a table's unit caption names units, states no amount
    if before.isascii() and before.isalpha() and not m.group("pre"):
        return None  # PM2.5, COVID-19, H7N9: a number inside a name
    if m.group("pct") is not None:
        value = grammar.parse_number(m.group("pct"))
        return Figure(start, end, value, "%", qualifier) if value is not None else None
    if m.group("cheng") is not None:
        tenths = grammar.parse_number(m.group("cheng"))
        return Figure(start, end, tenths * 10, "%", qualifier) if tenths is not None else None
    num = m.group("num")
    scale = m.group("scale") or ""
    unit = m.group("unit") or ""
    per = m.group("per")
    if per:
        unit = f"{unit}/{per.replace(' ', '')}"
    if num[0] in "Xx×" and grammar.is_placeholder_number(num):
        if not (scale or unit):
            return None
        return Figure(start, end, None, unit or _unit_from_context(folded, start), Qualifier.PLACEHOLDER)
    if not num[0].isdigit() and grammar.is_chinese_numeral(num):
        return _chinese(m, folded, lo, num, scale, unit, before, after)
    # Arabic numerals; most matches that are no figure (11月, 24日, 2020年) leave here, cheaply
    if not (scale or unit) and _RANGE_NEXT.match(after) and num.isdigit() and len(num) < 4:
        return _range(m, folded, grammar.parse_number(num) or Decimal(0), scale, unit, qualifier, hi)  # 1-2个
    if not (scale or unit):
        context = folded[max(lo, start - 40) : start]
        if ("." in num and _UNITLESS_CONTEXT.search(context)) or _INDEX_CONTEXT.search(context):
            value = grammar.parse_number(num)
            return _signed(Figure(start, end, value, "", qualifier), m) if value is not None else None
        return None  # a bare number says nothing measured
    if unit == "年" and not _year_span(folded, lo, start, end, num, scale, m):
        return None  # a year or a period, not a measured span
    if (
        folded[max(lo, num_start - 2) : num_start].rstrip(" ")[-1:].isdigit()
        and folded[num_start - 1 : num_start] == " "
    ):
        return None  # 24 920万元: digits split by a space are refused, never read as 920万元
    if num[-1].isdigit() and after[:1].isascii() and after[:1].isalpha() and not unit:
        return None  # 5G, 3D
    if len(num.split(".")[0]) > 24:
        return None  # no report states a quantity with that many digits: a serial number, a code, noise
    value = grammar.parse_number(num)
    if value is None:
        return None
    if _RANGE_NEXT.match(after) and not _change_then_level(m, folded, lo, value * _factor(scale), unit, hi):
        return _range(m, folded, value, scale, unit, qualifier, hi)
    if (
        folded[max(lo, num_start - 1) : num_start] in "—－-~～至"
        and folded[max(lo, num_start - 2) : num_start - 1].isdigit()
    ):
        return None  # the second year of a span 2018—2022年
    if unit == "个" and after[:1] in ("月", "年"):
        return None  # 8个月: a duration
    if unit in ("岁", "周岁") and (
        _AGE_BEFORE.search(folded[max(lo, start - 3) : start]) or _THRESHOLD_AFTER.match(after)
    ):
        return None  # 60岁以上老人, 年满18岁: an age class, not a measured age
    if unit in ("位", "名", "强") and _RANK_BEFORE.search(folded, max(lo, start - 2), start):
        return None  # 居全国前8位: a rank
    if unit == "P" and "算力" not in folded[max(lo, start - 30) : start]:
        return None  # P counts compute (算力规模8.6万P) only where 算力 is said; 1080P is a resolution
    verb = _FLOOR_BEFORE.search(folded, max(lo, start - 2), start)
    floor = m.group("post") == "以上" and _floor(unit, scale, after, verb)
    if m.group("post") in ("以上", "以下") and "\u4e00" <= after[:1] <= "\u9fff" and after[:1] not in "的，。":
        if not floor:
            return None  # 500万元以上项目: a size class
    elif _THRESHOLD_AFTER.match(after) and not _NOT_AFTER_THRESHOLD.match(after):
        return None  # 3A级以上景区
    if scale:
        value *= grammar.SCALES[scale]
    if not unit and _PEOPLE_AFTER.match(after):
        unit = "人"  # 突破1230万职工, 惠及85余万留守儿童: the noun counts people
    elif not unit:
        unit = _unit_from_context(folded, start)
    lead = _MIXED_LEAD.search(folded, max(lo, start - 16), start) if not m.group("pre") else None
    if lead is not None and value < grammar.SCALES[lead.group(2)]:
        # 3万4,560美元, 1亿2,345万元: the larger part written before, with its own scale word
        whole = grammar.parse_number(lead.group(1))
        if whole is not None:
            value += whole * grammar.SCALES[lead.group(2)]
            start = lead.start()
    return _signed(Figure(start, end, value, unit, qualifier), m)


def _signed(figure: Figure, m: re.Match[str]) -> Figure:
    sign = m.group("sign")
    if not sign or sign == "+" or figure.value is None:
        return figure
    return Figure(figure.start, figure.end, -figure.value, figure.unit, figure.qualifier, figure.term, figure.upper)


def _year_span(folded: str, lo: int, start: int, end: int, num: str, scale: str, m: re.Match[str]) -> bool:
    if scale or len(num.split(".")[0]) >= 3:
        return False
    if "." in num:
        return True  # 人均受教育年限10.5年
    if m.group("pre") or _YEAR_SPAN_BEFORE.search(folded[max(lo, start - 4) : start]):
        return True
    return _span_after(folded, start, end)


def _span_after(folded: str, start: int, end: int) -> bool:
    """10年间, 近10年来: a span the claim covers; a bare 11年来 (11年来首次回落) only dates the claim."""
    after = _YEAR_SPAN_AFTER.match(folded[end : end + 3])
    if after is None:
        return False
    return not after.group().endswith("来") or folded[max(0, start - 2) : start].endswith(("近", "最近", "过去"))


def _factor(scale: str) -> Decimal:
    return grammar.SCALES[scale] if scale else Decimal(1)


def _high_end(m: re.Match[str], folded: str, hi: int) -> re.Match[str] | None:
    """The figure after a range mark (6%—6.5%, 6至8个), if one in Arabic numerals follows."""
    rest = grammar.figure_re().match(folded, m.end() + 1 + (folded[m.end() + 1 : m.end() + 2] == " "), hi)
    if rest is None or not rest.group("num") or grammar.is_chinese_numeral(rest.group("num")):
        return None
    return rest


def _change_then_level(m: re.Match[str], folded: str, lo: int, low: Decimal, unit: str, hi: int) -> bool:
    """增长12.5%至86.3亿元, 增加1200人至352.6万人: a change, then the level reached, no range.

    A rate's change then an amount, or after a verb of change a second figure many times the first;
    增长5%至6% stays a range, and so do 18周岁至60岁 and 45天至2个月.
    """
    rest = _high_end(m, folded, hi)
    if not unit or rest is None or not rest.group("unit"):
        return False
    group, high_group = grammar.unit_group(unit), grammar.unit_group(rest.group("unit"))
    verb = _CHANGE_BEFORE.search(folded, max(lo, m.start() - 6), m.start()) is not None
    if group != high_group:
        return verb or group in ("rate", "points")
    high = grammar.parse_number(rest.group("num"))
    if not verb or high is None:
        return False
    return low <= 0 or high * _factor(rest.group("scale")) > 3 * low


def _range(
    m: re.Match[str], folded: str, low: Decimal, scale: str, unit: str, qualifier: Qualifier, hi: int
) -> Figure | None:
    """6%—6.5% or 6—6.5%: one figure from the low end to the high end, or None for a span of years."""
    if not unit and not scale and len(m.group("num")) == 4 and m.group("num").isdigit():
        return None  # 2021—2025年
    rest = _high_end(m, folded, hi)
    if rest is None:
        return None
    high_scale = rest.group("scale") or ""
    high_unit = rest.group("unit") or ""
    if (unit and high_unit and unit != high_unit) or not (high_unit or unit):
        return None
    if not unit and high_unit in ("年", "岁", "周岁"):
        return None  # 3-5年内, 12-15岁: a span of time or an age class
    high = grammar.parse_number(rest.group("num"))
    if high is None:
        return None
    scale_word = scale or high_scale
    factor = grammar.SCALES[scale_word] if scale_word else Decimal(1)
    low *= factor
    high *= factor
    if low > high:
        return None
    return Figure(m.start(), rest.end(), low, unit or high_unit, qualifier, upper=high)


def _chinese(
    m: re.Match[str], folded: str, lo: int, num: str, scale: str, unit: str, before: str, after: str
) -> Figure | None:
    """Chinese numerals count with a scale word and a unit: 百万人次, 万名, 一千二百万人."""
    # 提高两个百分点, 下降三个基点: a small count of points (not 一两个, not 零点五)
    points = grammar.unit_family(unit) == "points" and bool(_POINT_COUNT.fullmatch(num)) and before != "点"
    decimal = any(c in "点.．" for c in num)  # 三.三二%, 一点五个百分点: a point makes it a figure
    if not unit or not (points or decimal or any(c in "十百千万亿拾佰仟" for c in num + scale)):
        return None  # 八大群体, 一线, 四个意识, 十九届
    if before in "”》" and before:
        return None  # a quoted brand continued: “和谐同行”千户企业
    if _in_idiom(folded, m.start("num")):
        return None
    span_word = m.group("pre") or _YEAR_SPAN_BEFORE.search(folded[max(lo, m.start() - 4) : m.start()])
    if unit == "年" and not span_word and not _span_after(folded, m.start(), m.end()):
        return None  # 十一年来首次: a claim dated by a span of years, not a measured span
    if unit == "个" and after[:1] == "月":
        return None  # 首十个月: a duration (十个年度重点项目 is a count)
    # 八届十次全会, 十四届二十次会议: the meeting's ordinal (召开十次会议 is a count)
    ordinal = after.startswith("全会") or "届" in folded[max(lo, m.start() - 6) : m.start()]
    if unit == "次" and ordinal and _MEETING_AFTER.match(after):
        return None
    family = grammar.unit_family(unit)
    bare_scale = all(c in "十百千万亿" for c in num)
    if bare_scale and before in ("数", "几", "上", "若", "干", "多"):
        return None  # 数万人, 几十万, 上万名: an order of magnitude, no figure to compare
    if bare_scale and (family not in _COUNT_FAMILIES or scale) and not m.group("pre"):
        return None  # 万元国内生产总值能耗, 亿元以上: a unit of measure, not an amount (突破千亿元 is one)
    if m.group("post") in ("以上", "以下") and "\u4e00" <= after[:1] <= "\u9fff" and after[:1] != "的":
        return None  # a size class, not a count: 百人以上企业
    value = grammar.parse_number(num)
    if value is None:
        return None
    if scale:
        value *= grammar.SCALES[scale]
    return Figure(m.start(), m.end(), value, unit, grammar.qualifier_of(m))


def _in_idiom(folded: str, at: int) -> bool:
    """Is the numeral at `at` part of an idiom (千家万户 holds 万户 as well as 千家)?"""
    window = folded[max(0, at - 3) : at + 4]
    start = min(at, 3)
    return any(0 <= (k := window.find(idiom)) <= start < k + len(idiom) for idiom in _IDIOMS)


def _unit_after(folded: str, end: int) -> str:
    m = re.match(rf"(?:{grammar.scale_pattern()})?({grammar.unit_pattern()})", folded[end : end + 6])
    return m.group(1) if m and m.group(1) != "年" else ""


def _unit_before(folded: str, start: int) -> str:
    m = re.search(rf"({grammar.unit_pattern()})$", folded[max(0, start - 4) : start])
    return m.group(1) if m and m.group(1) != "年" else ""


# Nouns that say what a figure with no unit counts: 突破2.6亿 of 覆盖职工人数.
_UNIT_FROM_NOUN = (
    ("人次", "人次"),
    ("人数", "人"),
    ("次数", "次"),
    ("户数", "户"),
    ("家数", "家"),
    ("资金", "元"),
    ("经费", "元"),
    ("金额", "元"),
)


def _unit_from_context(folded: str, start: int) -> str:
    clause = re.split(r"[，,：:；;。！？!?\n]", folded[max(0, start - 30) : start])[-1]
    for word, unit in _UNIT_FROM_NOUN:
        if word in clause:
            return unit
    return ""
