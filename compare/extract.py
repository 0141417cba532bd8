"""extract.py: figures and named programs out of a normalized report.

Owns: the figure grammar (Arabic and Chinese numerals, 万/亿, units, qualifiers,
placeholders), what is not a figure (dates, ordinals, names), labels, and programs.
Reads only Report.text and sections; never touches files.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from .model import Metric, Program, ProgramKind, Qualifier, Report, Section

# Traditional forms (兩 萬 億 個) too, so a report from Hong Kong, Macao or Taiwan reads the same.
_CN_DIGIT = "零〇一二两兩三四五六七八九"
_CN_SCALE_CHARS = "十百千万亿萬億"
_UNITS = (
    "个百分点|個百分點|百分点|百分點|人次|件次|户次|家次|元|人|名|位|个|個|家|次|件|户|戶|项|項|所|场|場|座|处|處|台|辆|輛|套|册|冊|本|篇|部"
    "|条|吨|公里|千米|平方米|亩|小时|支|间|节|期|批|届|轮|年|月|日|天|周|岁"
)
# Words after a number that make it a date, an ordinal or a duration, not a measured figure.
_NOT_UNITS = {"期", "批", "届", "轮", "年", "月", "日", "天", "周", "岁"}
_SCALES = {
    "万亿": Decimal(10) ** 12,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "亿": Decimal(10) ** 8,
    "万": Decimal(10) ** 4,
    "千": Decimal(1000),
    "萬億": Decimal(10) ** 12,
    "千萬": Decimal(10) ** 7,
    "百萬": Decimal(10) ** 6,
    "億": Decimal(10) ** 8,
    "萬": Decimal(10) ** 4,
}
_PRE_QUALIFIERS = {
    "超过": Qualifier.OVER,
    "突破": Qualifier.OVER,
    "逾": Qualifier.OVER,
    "将近": Qualifier.UNDER,
    "接近": Qualifier.UNDER,
    "近": Qualifier.UNDER,
    "不到": Qualifier.UNDER,
    "不足": Qualifier.UNDER,
    "大约": Qualifier.ABOUT,
    "约": Qualifier.ABOUT,
}
_POST_QUALIFIERS = {
    "余": Qualifier.OVER,
    "餘": Qualifier.OVER,
    "多": Qualifier.OVER,
    "以上": Qualifier.AT_LEAST,
    "以内": Qualifier.UNDER,
    "以下": Qualifier.UNDER,
    "左右": Qualifier.ABOUT,
}

FIGURE_RE = re.compile(
    r"(?P<pre>超过|突破|逾|将近|接近|近|不到|不足|大约|约)?"
    r"(?:百分之(?P<pct>\d+(?:\.\d+)?|[" + _CN_DIGIT + r"十百]+(?:点[" + _CN_DIGIT + r"]+)?)"
    r"|(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    r"|(?<![A-Za-z])[Xx×]{1,4}(?:\.[Xx×]{1,4})?(?![A-Za-z])"
    r"|[" + _CN_DIGIT + _CN_SCALE_CHARS + r"]+)"
    r"(?P<q1>余|餘|多)?(?P<scale>万亿|萬億|千万|千萬|百万|百萬|亿|億|万|萬|千)?(?P<q2>余|餘|多)?"
    r"(?P<unit>%|" + _UNITS + r")?)"
    r"(?P<post>以上|以下|以内|左右)?"
    r"|(?P<pending>【待补】)"
)
_PLACEHOLDER_NUM = re.compile(r"^[Xx×]{1,4}(?:\.[Xx×]{1,4})?$")
_CN_NUM = re.compile(r"^[" + _CN_DIGIT + _CN_SCALE_CHARS + r"]+$")
_RANGE_NEXT = re.compile(r"^[—－\-~～至到]\s*\d")
_IDIOMS = ("千家万户", "百家争鸣", "万家灯火", "千千万万", "万众一心", "百花齐放", "千方百计", "万人空巷")

# Labels: clause boundaries, filler words that split a clause, and the scope words around them.
_SENTENCE_END = "。！？!?；;\n"
_CLAUSE_SPLIT = re.compile(r"[，,：:；;。！？!?\n]|——")
# Single-character fillers split a clause only where they stand alone, not inside a common word
# (共同, 公共, 达标, 对接, 有关, 原则 …): the look-arounds list the words they commonly form.
_FILLERS = re.compile(
    r"共计|总计|合计|累计|达到|多达|高达"
    r"|(?<![公中总])共(?![同享建产青识济渡治商育赢担])"
    r"|(?<![到表传发直下抵通送转])达(?![成标])"
    r"|安排|投入|下拨|其中|已经|分别|实现|并且"
    r"|(?<![所具拥没含享占持富])有(?![关效力序所机偿利益])"
    r"|(?<![而早])已(?![知])|仅|(?<![原规准法细总否守实])则"
    r"|(?<![针面绝相反应核比校])对(?![接口象于话外标照比策应付称])"
    r"|(?<![合兼])并(?![购入轨])|(?<![退归偿交返])还"
)
_ENDS_WITH_FILLER = re.compile(r"(?:" + _FILLERS.pattern + r")\s*$")
_TIME_WORDS = re.compile(
    r"(?:截至|截止|到)?\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|初|末|中|以来|度)?"
    r"|\d{1,2}月(?:\d{1,2}日)?(?:底|初|末|中|以来)?|目前|全年|一年来|今年|去年|同时|此外|据统计|第[^，。]{1,3}?[批届轮期]"
)
_SCOPE_ONLY = re.compile(r"^(?:全国|全省|全市|各地|各级工会|全总|会上|其|在|会|等|和)$")
_VERB_END = re.compile(r"(?:吸引|惠及|帮助|覆盖|带动|吸纳|命名|表彰|发展|服务|培训|建成|新建|慰问|走访|资助|救助)$")
_POST_CUT = re.compile(r"的|在|被|于|及|与|同步|实现|参与|建立|用于|获得|通过|成为|，|。")
_PERSON_NOUNS = ("职工", "人员", "员工", "会员", "劳动者", "农民工", "工人", "群众", "学生", "毕业生", "快递员")
_UNIT_FROM_LABEL = (
    ("人次", "人次"),
    ("人数", "人"),
    ("次数", "次"),
    ("户数", "户"),
    ("家数", "家"),
    ("资金", "元"),
    ("经费", "元"),
    ("金额", "元"),
)
WEAK_LABEL = 2  # a label this short says too little; borrow context for it
LABEL_MAX = 24


def extract_programs(report: Report) -> tuple[Program, ...]:
    """Every quoted name “…” and title 《…》 in each section, first occurrence per section."""
    programs: list[Program] = []
    for section in report.sections:
        found: dict[str, Program] = {}
        for start, end, name, document in _quoted(report.text, section.start, section.end):
            kind = ProgramKind.DOCUMENT if document else _program_kind(name, report.text[end + 1 : end + 9])
            first = found.get(name)
            if first is None:
                found[name] = Program(name, kind, section.id, start, end)
            elif first.kind is ProgramKind.SLOGAN and kind is not ProgramKind.SLOGAN:
                # any occurrence that reads as a program makes it one: “好网民”主题活动
                found[name] = Program(name, kind, section.id, first.start, first.end)
        programs.extend(found.values())
    return tuple(programs)


_PROGRAM_WORDS = re.compile(
    r"(?:行动|活动|竞赛|大赛|平台|工程|计划|杯|服务号|就业|学堂|节目|仪式|评选|展览|工作室|宣讲|论坛|项目|学院|社区|讲堂|之家|驿站|书屋)"
)


def _program_kind(name: str, after: str) -> ProgramKind:
    """A program names an action or a thing people use; other quoted words are slogans."""
    if _PROGRAM_WORDS.search(name[-4:]) or _PROGRAM_WORDS.match(after.lstrip("“”")[:4]):
        return ProgramKind.PROGRAM
    if len(name) >= 6 and not re.search(r"[" + _CN_DIGIT + r"]", name[:2]):
        return ProgramKind.PROGRAM if _PROGRAM_WORDS.search(after[:6]) else ProgramKind.SLOGAN
    return ProgramKind.SLOGAN


def _quoted(text: str, lo: int, hi: int) -> Iterator[tuple[int, int, str, bool]]:
    """Outermost “…” and 《…》 spans between lo and hi: (start, end, name, is_document)."""
    i = lo
    while i < hi:
        ch = text[i]
        if ch in "“《":
            close = "”" if ch == "“" else "》"
            depth_open = ch
            j = i + 1
            depth = 1
            while j < hi and depth:
                if text[j] == depth_open:
                    depth += 1
                elif text[j] == close:
                    depth -= 1
                elif text[j] == "\n":
                    break
                j += 1
            if depth == 0:
                inner = text[i + 1 : j - 1]
                start = i + 1 + (len(inner) - len(inner.lstrip()))
                name = inner.strip()
                if 1 < len(name) <= 60:
                    yield start, start + len(name), name, ch == "《"
                i = j
                continue
        i += 1


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return [(s - 1, e + 1) for s, e, _, _ in _quoted(text, 0, len(text))]


def extract_metrics(report: Report) -> tuple[Metric, ...]:
    """Every figure in every section, in text order, with label, value, unit and qualifier."""
    text = report.text
    quotes = _quote_spans(text)
    quote_starts = [s for s, _ in quotes]
    metrics: list[Metric] = []
    for section in report.sections:
        count = 0
        prev_end = section.start
        prev_label = ""
        prev_sentence = -1
        for m in FIGURE_RE.finditer(text, section.start, section.end):
            figure = _read_figure(m, text, quotes, quote_starts)
            if figure is None:
                continue
            value, unit, qualifier = figure
            start, end = m.start(), m.end()
            s_start, s_end = sentence_bounds(text, start, end, section)
            if s_start != prev_sentence:
                prev_label, prev_sentence = "", s_start
            label, unit = _label(text, start, end, max(prev_end, s_start), s_end, section, prev_label, unit)
            count += 1
            metrics.append(
                Metric(
                    id=f"{section.id}.m{count:02d}",
                    section=section.id,
                    label=label,
                    value=value,
                    unit=unit,
                    qualifier=qualifier,
                    raw=text[start:end],
                    sentence=text[s_start:s_end].strip(),
                    start=start,
                    end=end,
                )
            )
            prev_end, prev_label = end, label
    return tuple(metrics)


def _read_figure(
    m: re.Match[str], text: str, quotes: list[tuple[int, int]], quote_starts: list[int]
) -> tuple[Decimal | None, str, Qualifier] | None:
    """(value, unit, qualifier) of a figure match, or None when it is no measured figure."""
    if m.group("pending"):
        unit = _unit_after(text, m.end()) or _unit_before(text, m.start())
        return None, unit, Qualifier.PLACEHOLDER
    start, end = m.start(), m.end()
    i = bisect.bisect_right(quote_starts, start) - 1
    if i >= 0 and quotes[i][0] <= start < quotes[i][1]:
        return None  # inside a quoted name: “六稳”, “快递员万人网上集中入会仪式”
    num, pct, unit = m.group("num"), m.group("pct"), m.group("unit") or ""
    scale = m.group("scale") or ""
    before = text[max(0, start - 1) : start]
    after = text[end : end + 4]
    if before in "第”》" and before:
        return None  # an ordinal, or a name continuing a quoted brand (“和谐同行”千户企业)
    if unit in _NOT_UNITS or (unit == "个" and after[:1] and after[:1] in "月年"):
        return None  # a date, ordinal or duration: 2020年, 第三批, 8个月
    if pct is not None:
        value = _number(pct)
        return (value, "%", _qualifier(m)) if value is not None else None
    if _RANGE_NEXT.match(after) or (num[-1:].isdigit() and after[:1].isascii() and after[:1].isalpha()):
        return None  # 2021—2025年, 5G
    if _PLACEHOLDER_NUM.match(num):
        if not (scale or unit):
            return None
        return None, unit or _unit_from_label(text, start), Qualifier.PLACEHOLDER
    if _CN_NUM.match(num):
        return _chinese_figure(m, text, num, scale, unit, after)
    if not (scale or unit):
        return None  # a bare number says nothing measured
    value = _number(num.replace(",", ""))
    if value is None:
        return None
    if scale:
        value *= _SCALES[scale]
    if not unit and after.startswith(_PERSON_NOUNS):
        unit = "人"
    return value, unit, _qualifier(m)


def _chinese_figure(
    m: re.Match[str], text: str, num: str, scale: str, unit: str, after: str
) -> tuple[Decimal | None, str, Qualifier] | None:
    """Chinese numerals count only with a scale word and a unit: 百万人次, 万名, 一千二百万人."""
    if not unit or not any(c in _CN_SCALE_CHARS for c in num + scale):
        return None  # 八大群体, 一线, 四个意识, 十九届
    if text.startswith(_IDIOMS, m.start("num")):
        return None
    if m.group("post") in ("以上", "以下") and "\u4e00" <= after[:1] <= "\u9fff" and after[:1] != "的":
        return None  # a size class, not a count: 百人以上企业
    value = _number(num)
    if value is None:
        return None
    if scale:
        value *= _SCALES[scale]
    return value, unit, _qualifier(m)


_CN_VALUE = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}


def chinese_integer(text: str) -> int | None:
    """一千二百万 -> 12000000, 百万 -> 1000000, 十九 -> 19; None when the characters make no number.

    Covers the integers reports write in words; cn2an (90 ms to import) is left for decimals (点).
    """
    total = section = number = 0
    digit_pending = False
    for ch in text:
        if ch in _CN_VALUE:
            if digit_pending and _CN_VALUE[ch]:
                return None  # 一二: two digits with no unit between them
            number, digit_pending = _CN_VALUE[ch], _CN_VALUE[ch] != 0
        elif ch in _CN_SMALL:
            section += (number or 1) * _CN_SMALL[ch]
            number, digit_pending = 0, False
        elif ch in "万萬":
            total += (section + number or 1) * 10**4
            section = number = 0
            digit_pending = False
        elif ch in "亿億":
            total = (total + section + number or 1) * 10**8
            section = number = 0
            digit_pending = False
        else:
            return None
    return total + section + number


def _number(digits: str) -> Decimal | None:
    """An Arabic or Chinese numeral as an exact Decimal, or None when it is not one."""
    if digits[:1].isdigit():
        try:
            return Decimal(digits)
        except InvalidOperation:
            return None
    whole = chinese_integer(digits)
    if whole is not None:
        return Decimal(whole)
    import cn2an  # lazily, and rarely: 90 ms to import, needed only for forms like 十二点五

    try:
        value = cn2an.cn2an(digits, "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return Decimal(str(value))


def _qualifier(m: re.Match[str]) -> Qualifier:
    if m.group("pre"):
        return _PRE_QUALIFIERS[m.group("pre")]
    for group in ("post", "q1", "q2"):
        if m.group(group):
            return _POST_QUALIFIERS[m.group(group)]
    return Qualifier.EXACT


def _unit_after(text: str, end: int) -> str:
    m = re.match(r"(?:万亿|萬億|千万|千萬|百万|百萬|亿|億|万|萬|千)?(%|" + _UNITS + ")", text[end : end + 5])
    return m.group(1) if m and m.group(1) not in _NOT_UNITS else ""


def _unit_before(text: str, start: int) -> str:
    m = re.search(r"(%|" + _UNITS + r")$", text[max(0, start - 4) : start])
    return m.group(1) if m and m.group(1) not in _NOT_UNITS else ""


def _unit_from_label(text: str, start: int) -> str:
    clause = _CLAUSE_SPLIT.split(text[max(0, start - 30) : start])[-1]
    for word, unit in _UNIT_FROM_LABEL:
        if word in clause:
            return unit
    return ""


def sentence_bounds(text: str, start: int, end: int, section: Section) -> tuple[int, int]:
    lo = max(text.rfind(c, section.start, start) for c in _SENTENCE_END) + 1
    lo = max(lo, section.start)
    hi_candidates = [i for i in (text.find(c, end, section.end) for c in _SENTENCE_END) if i >= 0]
    hi = min(hi_candidates) + 1 if hi_candidates else section.end
    return lo, min(hi, section.end)


def _clean(words: str) -> str:
    words = _TIME_WORDS.sub("", words)
    words = words.replace("“", "").replace("”", "").replace("了", "")
    words = words.strip(" ，,、的等")
    if words.startswith("在"):
        words = words[1:]
    open_at = max(words.rfind("（"), words.rfind("("))
    if open_at > 0 and ")" not in words[open_at:] and "）" not in words[open_at:]:
        words = words[:open_at]  # 案件（具体件次【待补】）: the label stops at the open bracket
    return words


def _label(
    text: str, start: int, end: int, lo: int, hi: int, section: Section, prev_label: str, unit: str
) -> tuple[str, str]:
    """What the figure measures, from its clause; and its unit if the label implies one."""
    clause_lo = lo
    for sep in _CLAUSE_SPLIT.finditer(text, lo, start):
        clause_lo = sep.end()
    post_m = _CLAUSE_SPLIT.search(text, end, hi)
    clause_hi = post_m.start() if post_m else hi
    pre = text[clause_lo:start]
    post = text[end:clause_hi]
    cut = _POST_CUT.search(post)
    post_noun = _clean(post[: cut.start()] if cut else post)
    if cut is not None and cut.group() == "被" and len(post_noun) <= 2:
        post_noun = _clean(post)[:LABEL_MAX]  # 2493个名字被载入…光荣榜: the passive says what was counted
    if len(post_noun) <= 1:
        post_noun = ""

    chunks = [_clean(c) for c in _FILLERS.split(_TIME_WORDS.sub("", pre))]
    chunks = [c for c in chunks if c and not _SCOPE_ONLY.match(c)]
    cleaned = _clean(pre)
    ends_with_filler = not cleaned or bool(_ENDS_WITH_FILLER.search(cleaned))
    ends_open = pre.rstrip().endswith(("的", "等"))
    weak = not post_noun
    if (ends_with_filler or ends_open) and post_noun:
        label = post_noun  # what is counted follows the figure: 投入61.8亿元送温暖资金
    elif chunks:
        label = chunks[-1]
        weak = len(label) <= WEAK_LABEL
        if _VERB_END.search(label) and post_noun:
            label += post_noun
            weak = False
        elif weak and len(chunks) > 1:
            label = chunks[-2][-8:] + label  # 各子项目专题网页和微信公众号累计投票数
            weak = False
    else:
        label = post_noun
    if weak or not label:
        label = _borrow(text, clause_lo, lo, label, prev_label, pre)
    label = label[-LABEL_MAX:]
    if not unit:
        for word, implied in _UNIT_FROM_LABEL:
            if word in label:
                unit = implied
                break
    return label, unit


def _borrow(text: str, clause_lo: int, lo: int, label: str, prev_label: str, pre: str) -> str:
    """A weak label takes its subject from the figure before it or from the previous clause."""
    if prev_label:
        stem = re.sub(r"(?:年度)?(?:新增|增加|增长|减少|新发展)$", "", prev_label)
        kept = "累计" if "累计" in pre else ""
        return stem + kept + (label if label != stem else "")
    head = text[max(lo - 60, 0) : clause_lo].rstrip("，,：:；;—")
    previous = _CLAUSE_SPLIT.split(head)[-1] if head else ""
    chunks = [_clean(c) for c in re.split(r"开展|组织|举办|实施|支持|引导|推动", _clean(previous))]
    tail = next((c for c in reversed(chunks) if c), "")
    tail = tail[-8:]
    if not tail:
        return label or _clean(pre)
    return tail if tail.endswith(label) else tail + label
