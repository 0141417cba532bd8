"""grammar.py: the figure grammar every stage shares.

Owns numerals (Arabic, Chinese, traditional, financial, full-width after normalize), scale words,
the unit lexicon (data/units.tsv: each unit's family and comparability group), compound and
per-capita units (元/吨, 人/万人, /10万), qualifiers, placeholders, and the script folding that makes
traditional text read as simplified wherever text is compared. No other module lists units; extract,
diff and align all read figures through this one. Patterns compile on first use, not at import.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .model import Qualifier

_DATA = Path(__file__).resolve().parent / "data"

CN_DIGITS = "零〇一二两三四五六七八九"
_FINANCIAL = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")
CN_NUMERAL_CHARS = CN_DIGITS + "十百千万亿" + "壹贰叁肆伍陆柒捌玖拾佰仟"

SCALES: dict[str, Decimal] = {
    "万亿": Decimal(10) ** 12,
    "千亿": Decimal(10) ** 11,
    "百亿": Decimal(10) ** 10,
    "十亿": Decimal(10) ** 9,
    "亿": Decimal(10) ** 8,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "十万": Decimal(10) ** 5,
    "万": Decimal(10) ** 4,
    "千": Decimal(1000),
    "百": Decimal(100),
}
PRE_QUALIFIERS: dict[str, Qualifier] = {
    "不低于": Qualifier.AT_LEAST,
    "不少于": Qualifier.AT_LEAST,
    "不超过": Qualifier.UNDER,
    "不高于": Qualifier.UNDER,
    "高于": Qualifier.OVER,
    "多于": Qualifier.OVER,
    "低于": Qualifier.UNDER,
    "少于": Qualifier.UNDER,
    "超过": Qualifier.OVER,
    "突破": Qualifier.OVER,
    "跨越": Qualifier.OVER,
    "约合": Qualifier.ABOUT,
    "逾": Qualifier.OVER,
    "超": Qualifier.OVER,
    "将近": Qualifier.UNDER,
    "接近": Qualifier.UNDER,
    "近": Qualifier.UNDER,
    "不到": Qualifier.UNDER,
    "不足": Qualifier.UNDER,
    "大约": Qualifier.ABOUT,
    "约": Qualifier.ABOUT,
}
POST_QUALIFIERS: dict[str, Qualifier] = {
    "余": Qualifier.OVER,
    "多": Qualifier.OVER,
    "以上": Qualifier.AT_LEAST,
    "以内": Qualifier.UNDER,
    "以下": Qualifier.UNDER,
    "左右": Qualifier.ABOUT,
    "上下": Qualifier.ABOUT,
}
PLACEHOLDER_MARKS = ("【待补】", "【待定】", "【待填】", "【待核】")

# Verbs of change, each word once with its direction (增速放缓0.8个百分点 is down, 加快 up). The
# one-character verbs (增, 降…) are left to each pattern, which knows where a single character may stand.
CHANGE_UP = ("增长", "增加", "提高", "上升", "上涨", "提升", "扩大", "回升", "攀升", "加快", "增多", "上调")
CHANGE_DOWN = ("下降", "减少", "降低", "回落", "下跌", "缩小", "下滑", "放缓", "减缓", "收窄", "下调", "收缩")
CHANGE_WORDS = "|".join(CHANGE_UP + CHANGE_DOWN)  # a regular-expression alternation of both
# verbs of pace: a change only of a rate (增速加快0.4个百分点); before a count they are plain verbs (加快3个项目建设)
CHANGE_OF_RATE_ONLY = frozenset({"加快", "放缓", "减缓"})


@dataclass(frozen=True)
class Unit:
    """A unit of the lexicon: what it measures (family), what it may be set beside (group)."""

    name: str
    family: str
    group: str
    factor: Decimal | None  # size in the family's base unit, where one is fixed


@functools.cache
def lexicon() -> dict[str, Unit]:
    """Every unit of data/units.tsv by name."""
    units: dict[str, Unit] = {}
    for line in (_DATA / "units.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, family, group, factor = (line.split("\t") + [""] * 4)[:4]
        units[name] = Unit(name, family, group, Decimal(factor) if factor else None)
    return units


@functools.cache
def contrast_sets() -> tuple[tuple[str, ...], ...]:
    """Sets of scope words that contradict each other (城镇 against 农村), from data/contrasts.txt."""
    lines = (_DATA / "contrasts.txt").read_text(encoding="utf-8").splitlines()
    return tuple(tuple(line.split()) for line in lines if line.strip() and not line.startswith("#"))


@functools.cache
def synonyms() -> dict[str, str]:
    """Words a measure may use for one notion (资助 reads as 补助), from data/synonyms.tsv."""
    out: dict[str, str] = {}
    for line in (_DATA / "synonyms.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, reads_as = line.partition("\t")
            out[word] = reads_as
    return out


@functools.lru_cache(maxsize=4096)
def unit_info(unit: str) -> Unit:
    """The lexicon entry of a unit; a compound A/B unit gets the family 'A/B' of its parts."""
    found = lexicon().get(unit)
    if found is not None:
        return found
    if "/" in unit:
        top, _, bottom = unit.partition("/")
        bottom_unit = re.sub(r"^[\d.]*(?:十|百|千|万|亿)*", "", bottom)
        a = lexicon().get(top)
        b = lexicon().get(bottom_unit)
        family = f"{a.family if a else top or 'number'}/{b.family if b else bottom_unit or 'number'}"
        return Unit(unit, family, family, None)
    return Unit(unit, unit or "number", unit or "number", None)


def units_of_group(group: str) -> frozenset[str]:
    """The lexicon's units of one group (rate: %, ‰; points: 个百分点, 基点 …)."""
    return frozenset(name for name, unit in lexicon().items() if unit.group == group)


def unit_family(unit: str) -> str:
    return unit_info(unit).family


def unit_group(unit: str) -> str:
    return unit_info(unit).group


# ---------------------------------------------------------------- script folding

_FOLDED: dict[str, str] = {}
# traditional characters GB2312 encodes too (扣除…因素後, 高於, 徵收): folded like any other; 乾 and the
# rare ones of that kind are left, 乾 being also a simplified name's character
_GB2312_TRADITIONAL = {"後": "后", "於": "于", "徵": "征", "夥": "伙", "麽": "么", "菸": "烟", "摺": "折"}


def fold(text: str) -> str:
    """Traditional characters read as their simplified twins, character for character.

    Short texts (labels, names, titles: compared many times over) are remembered.
    """
    return _fold_short(text) if len(text) <= 64 else _fold(text)


@functools.lru_cache(maxsize=16384)
def _fold_short(text: str) -> str:
    return _fold(text)


# a year written in Chinese numerals (二〇一八年, 一九九八年) and the month after it (九月, 十二月): their
# Arabic forms have the same length, so the text folds to them and offsets still hold (十月 does not fit)
_CN_DATE = re.compile(
    r"(?:一九|二[〇零○])[〇零○一二三四五六七八九]{2}(?=年)(?:年(?:十[一二]|[一二三四五六七八九])(?=月))?"
)


def fold_dates(text: str) -> str:
    """Years and months in Chinese numerals read as Arabic ones, character for character."""
    if "年" not in text:
        return text
    return _CN_DATE.sub(_arabic_date, text)


def _arabic_date(m: re.Match[str]) -> str:
    year, _, month = m.group().partition("年")
    digits = _digit_by_digit(year)  # ○, a circle for 〇, is 0 too
    if not month:
        return digits
    return digits + "年" + "".join(str(_CN_VALUE.get(c, 1)) for c in month)  # 十二 -> 12


def _fold(text: str) -> str:
    """fold(), uncached.

    The result has exactly the length of the input, so offsets found in the folded text index
    the text as written. Text that GB2312 can encode holds no traditional character (but the few
    GB2312 itself holds, 後 and 於 among them) and is returned as it is, without loading the
    converter (OpenCC's C library, about 15 ms).
    """
    try:
        text.encode("gb2312")
        if not any(c in text for c in _GB2312_TRADITIONAL):
            return text
    except UnicodeEncodeError:
        pass
    candidates = {c for c in set(text) if "\u3400" <= c <= "\u9fff"}
    unknown = []
    for c in candidates:
        if c not in _FOLDED:
            if c in _GB2312_TRADITIONAL:
                _FOLDED[c] = _GB2312_TRADITIONAL[c]
            elif _in_gb2312(c):
                _FOLDED[c] = c  # simplified already: remembered, so it is tested once
            else:
                unknown.append(c)
    unknown.sort()
    if unknown:
        import opencc  # lazily: only a report with traditional script pays for it

        converted = opencc.OpenCC("t2s").convert("\n".join(unknown)).split("\n")
        if len(converted) == len(unknown):
            for char, simple in zip(unknown, converted, strict=True):
                _FOLDED[char] = simple if len(simple) == 1 else char
        else:  # a converter that merged lines: fall back to one character at a time
            converter = opencc.OpenCC("t2s")
            for char in unknown:
                simple = converter.convert(char)
                _FOLDED[char] = simple if len(simple) == 1 else char
    table = {ord(c): _FOLDED[c] for c in candidates if c in _FOLDED and _FOLDED[c] != c}
    return text.translate(table) if table else text


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


# ---------------------------------------------------------------- patterns


_WORD = r"[\u4e00-\u9fffA-Za-z%‰μ]"  # what a scale word or a unit starts with


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


# a unit character that with the next one makes a word of its own: 跨越五百亿台阶 counts no machines
_WORD_AFTER_UNIT = {"台": "阶", "P": "A-Za-z"}  # 台阶 is no unit; P (算力, PFLOPS) ends a word


# a unit that is one only right after a scale word: 12万方 is cubic metres, 三方 are parties
_UNIT_AFTER_SCALE = {"方"}


@functools.cache
def unit_pattern() -> str:
    """The alternation of every lexicon unit, longest first."""
    words = sorted(lexicon(), key=lambda w: (-len(w), w))
    return "|".join(
        ("(?<=[十百千万亿])" if w in _UNIT_AFTER_SCALE else "")
        + re.escape(w)
        + (f"(?![{_WORD_AFTER_UNIT[w]}])" if w in _WORD_AFTER_UNIT else "")
        for w in words
    )


@functools.cache
def scale_pattern() -> str:
    """Scale words; a scale character that opens a unit (千 of 千米, 百 of 百分点) is left to the unit."""
    parts = []
    for word in sorted(SCALES, key=lambda w: (-len(w), w)):
        clashes = [u[len(word) :] for u in lexicon() if u.startswith(word) and len(u) > len(word)]
        parts.append(re.escape(word) + (f"(?!{_alternation(clashes)})" if clashes else ""))
    return "|".join(parts)


@functools.cache
def figure_re() -> re.Pattern[str]:
    """One figure in folded text: qualifier, number, scale, unit (or compound unit), qualifier."""
    units = unit_pattern()
    scale = scale_pattern()
    pre = _alternation(list(PRE_QUALIFIERS))
    # 三点五, 三.三二, 五十九．四三: a decimal in Chinese numerals, its point a word or a dot
    cn = "[" + CN_NUMERAL_CHARS + "]+(?:[点.．][" + CN_DIGITS + "]+)?"
    per = rf"(?:\d+(?:\.\d+)?)?(?:[十百千]万|十|百|千|万|亿)?\s?(?:{units}|日|月|周)?"  # 升/日: a time names a rate
    # every figure starts with one of these characters: the lookahead lets the engine skip the rest fast
    first = "".join(sorted({w[0] for w in PRE_QUALIFIERS} | set(CN_NUMERAL_CHARS) | set("Xx×-−－+【")))
    return re.compile(
        rf"(?=[\d{re.escape(first)}])"
        rf"(?P<pre>{pre})?"
        rf"(?:百分之(?P<pct>\d+(?:\.\d+)?|[{CN_DIGITS}十百]+(?:点[{CN_DIGITS}]+)?)"
        rf"|(?P<cheng>[一二两三四五六七八九]|\d(?:\.\d)?)成(?![为功立本员果长效就交绩熟型片套品都不了])"
        rf"|(?P<sign>[-−－+](?=\d))?"
        rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?"
        rf"|(?<![A-Za-z])[Xx×]{{1,4}}(?:\.[Xx×]{{1,4}})?(?![A-Za-z])|{cn})"
        rf"(?P<q1>余|多)?"
        # a space before a scale word or a unit (3.27 亿元); the reader drops one that precedes neither
        rf"(?P<gap1>[ \u3000](?={_WORD}))?(?P<scale>{scale})?(?P<q2>余|多)?"
        rf"(?P<gap2>[ \u3000](?={_WORD}))?(?P<unit>{units})?"
        rf"(?:/(?P<per>(?=[\d]|{_WORD}){per}))?)"
        rf"(?P<post>以上|以下|以内|左右|上下)?"
        rf"|(?P<pending>{_alternation(list(PLACEHOLDER_MARKS))})"
    )


# ---------------------------------------------------------------- numbers

_CN_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}


def _digit_by_digit(chars: str) -> str:
    """一九九八 -> 1998, 〇三 -> 03: each character one digit (any other character, ○ among them, a 0)."""
    return "".join(str(_CN_VALUE.get(c, 0)) for c in chars)


def chinese_integer(text: str) -> int | None:
    """一千二百万 -> 12000000, 百万 -> 1000000, 十九 -> 19; None when the characters make no number.

    Covers the integers reports write in words (financial forms 壹贰叁 too); cn2an (90 ms to import)
    is left for decimals (点).
    """
    total = section = number = 0
    digit_pending = False
    for ch in text.translate(_FINANCIAL):
        if ch in _CN_VALUE:
            if digit_pending and _CN_VALUE[ch]:
                return None  # 一二: two digits with no unit between them
            number, digit_pending = _CN_VALUE[ch], _CN_VALUE[ch] != 0
        elif ch in _CN_SMALL:
            section += (number or 1) * _CN_SMALL[ch]
            number, digit_pending = 0, False
        elif ch == "万":
            total += (section + number or 1) * 10**4
            section = number = 0
            digit_pending = False
        elif ch == "亿":
            total = (total + section + number or 1) * 10**8
            section = number = 0
            digit_pending = False
        else:
            return None
    return total + section + number


def parse_number(digits: str) -> Decimal | None:
    """An Arabic or Chinese numeral as an exact Decimal, or None when it is not one."""
    digits = digits.replace(",", "")
    if digits[:1].isdigit():
        try:
            return Decimal(digits)
        except InvalidOperation:
            return None
    whole = chinese_integer(digits)
    if whole is not None:
        return Decimal(whole)
    integer, point, fraction = digits.replace("点", ".").replace("．", ".").partition(".")
    if point and fraction and all(c in _CN_VALUE for c in fraction):
        # 一一六一.二 (digit by digit), 五十九.四三, 〇.〇三: the whole part either way, then each digit
        if integer and all(c in _CN_VALUE for c in integer):
            whole = int(_digit_by_digit(integer))
        else:
            whole = chinese_integer(integer) if integer else None
        if whole is not None:
            return Decimal(f"{whole}.{_digit_by_digit(fraction)}")
    import cn2an  # lazily, and rarely: 90 ms to import, needed only for forms like 十二点五

    try:
        value = cn2an.cn2an(digits.translate(_FINANCIAL), "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return Decimal(str(value))


def qualifier_of(match: re.Match[str]) -> Qualifier:
    """The hedge written next to a figure match (超过, 余, 以上, 左右 …), or exact."""
    if match.group("pre"):
        return PRE_QUALIFIERS[match.group("pre")]
    for group in ("post", "q1", "q2"):
        if match.group(group):
            return POST_QUALIFIERS[match.group(group)]
    return Qualifier.EXACT


def is_placeholder_number(digits: str) -> bool:
    return bool(re.fullmatch(r"[Xx×]{1,4}(?:\.[Xx×]{1,4})?", digits))


def is_chinese_numeral(digits: str) -> bool:
    return bool(digits) and all(c in CN_NUMERAL_CHARS for c in digits)
