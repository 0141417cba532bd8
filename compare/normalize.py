"""normalize.py: clean a report's text, repair page breaks and split it into sections.

Owns: newline and full-width folding, control-character removal, paragraph joins,
heading detection, the header (title, subtitle, byline). Finds no figures (extract.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Report, Section, SectionKind

# Full-width digits, Latin letters and % fold to ASCII; Chinese punctuation stays.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}
_FULLWIDTH.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})
_FULLWIDTH.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})
_FULLWIDTH[0xFF05] = ord("%")
_FULLWIDTH[0x00A0] = ord(" ")
# small and vertical form variants (﹐﹑﹔﹕︰ of some reprints) and the ratio sign ∶ read as the usual
# full-width marks: 6.1︰42.8︰51.1 is the ratio 6.1：42.8：51.1
_FULLWIDTH.update({ord(a): ord(b) for a, b in zip("﹐﹑﹒﹔﹕﹖﹗︰∶", "，、．；：？！：：", strict=True)})
_SPLIT_DECIMAL = re.compile(r"(?<=\d\.) (?=\d)")  # 1. 36%: a reprint's stray space inside a number
_FW_POINT = re.compile(r"(?<=\d)．(?=\d)")
# ANSI/VT escape sequences (CSI, OSC, single-char) and every other control character.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])?|\x9b[0-?]*[ -/]*[@-~]")
_CONTROLS = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
# Inside a number: combining marks after a digit go; a no-break or thin space between digit groups
# is a thousands separator (24 920万元 is 24920万元), never the end of one number and the start of another.
_MARKS_IN_NUMBER = re.compile(r"(?<=[\d.,%])[\u0300-\u036f\u20d0-\u20ff]+")
_SPACE_IN_NUMBER = re.compile(r"(?<=\d)[\u00a0\u202f\u2007\u2008\u2009\u200a](?=\d{3}(?!\d))")

MARKER_RE = re.compile(r"^【([^】]{1,8})】")
MOMENT_MARK = "瞬间"
PREFACE_MARK = "前言"
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# A paragraph is complete when it ends in sentence-final punctuation (closing marks may follow).
_COMPLETE = re.compile(r"(?:[。！？!?…；;：:]|(?<!\d)\.)[”’」』）)》\]]*$")  # "1." + "09亿" is a split figure
_SENTENCE_PUNCT = re.compile(r"[，。；！？、：,;!?]")
# Characters that cannot open a sentence: a block starting with one continues the previous.
_BOUND_START = set("的地得了着过们之等和与及或，。、；：！？）》”’")
_BYLINE = re.compile(r"记者|作者|编写|撰稿|撰文|通讯员|编辑|供稿|起草|执笔")
HEADING_MAX = 24
# An enumerated heading: 一、综合 / (一)抓投资,扩需求 / 第三部分 — it may hold commas, never a full stop, and it
# ends in no ；(（一）地区生产总值增长6%左右； is an item of a list)
_ENUM_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十百]{1,3}[章节部分篇])"
    r"[^。！？!?]{1,40}(?<![；;])$"
)
ENUM_HEADING_MAX = 44
# a bullet typed as text: a dash, an asterisk, a dot or a word processor's stray bullet letter (l, Ø, ü),
# then a space, before the words of the item
TEXT_BULLET = re.compile(r"[-*–·▪Øül][ \t\u3000]+(?=[^\x00-\x7f]|[A-Za-z]{2,}[^\x00-\x7f])")
_BULLET_START = re.compile(r"^(?:[●○■□◆◇▲△★☆•▶►▪·]|" + TEXT_BULLET.pattern + ")")


def visible(text: str) -> str:
    """Control and format characters (in a file name, say: an escape, a right-to-left override)
    written as escapes, so they never reach a terminal or reorder a line."""
    import unicodedata

    return "".join(
        ch
        if ch >= " "
        and not "\x7f" <= ch <= "\x9f"
        and not "\ud800" <= ch <= "\udfff"
        and (ch.isascii() or unicodedata.category(ch) != "Cf")
        else (repr(ch)[1:-1] if not ch.isprintable() or ch < " " else f"\\u{ord(ch):04x}")
        for ch in text
    )


def clean_text(text: str) -> str:
    """Fold newlines and full-width characters, drop escape sequences and control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text.replace("\t", " "))
    text = _SPACE_IN_NUMBER.sub("", _MARKS_IN_NUMBER.sub("", text))
    text = text.translate(_FULLWIDTH)
    return _SPLIT_DECIMAL.sub("", _FW_POINT.sub(".", text))


@dataclass
class _Block:
    text: str
    line: int
    pieces: list[tuple[int, int]] = field(default_factory=list)  # (offset in block, source line)
    md_level: int = 0  # markdown heading level, 0 for text

    @property
    def marker(self) -> str | None:
        m = MARKER_RE.match(self.text)
        return m.group(1) if m else None


def _blocks(text: str, markdown: bool, source_lines: tuple[int, ...] = ()) -> list[_Block]:
    """Non-empty lines as blocks; in markdown, consecutive lines form one paragraph.

    In plain text, lines that open the file with # are comments (a source note, a URL), not report text.
    """
    blocks: list[_Block] = []
    previous_blank = True
    lines = text.split("\n")
    skip = 0
    if not markdown:
        while skip < len(lines) and (lines[skip].startswith("#") or (not lines[skip].strip() and skip)):
            if not lines[skip].strip() and not any(line.startswith("#") for line in lines[:skip]):
                break
            skip += 1
    for index, raw in enumerate(lines):
        if index < skip:
            continue
        # where the line stood in the file: its own number, or what the format's reader recorded
        number = source_lines[index] if index < len(source_lines) else index + 1
        line = raw.strip(" \u3000")
        if not line:
            previous_blank = True
            continue
        if markdown:
            heading = _MD_HEADING.match(line)
            if heading:
                blocks.append(_Block(heading.group(2), number, [(0, number)], len(heading.group(1))))
                previous_blank = True
                continue
            if not previous_blank and blocks and not blocks[-1].md_level:
                _append(blocks[-1], _Block(line, number, [(0, number)]))
                continue
        blocks.append(_Block(line, number, [(0, number)]))
        previous_blank = False
    return blocks


def _append(block: _Block, tail: _Block) -> None:
    """Join a continuation onto a block."""
    # two Latin words meet: a wrapped English line; a figure split at a wrap ("3" + ".5亿元") joins tight
    latin = (
        block.text[-1:].isascii() and block.text[-1:].isalpha() and tail.text[:1].isascii() and tail.text[:1].isalpha()
    )
    at = len(block.text) + (1 if latin else 0)
    block.pieces.extend((at + off, line) for off, line in tail.pieces)
    block.text += (" " if latin else "") + tail.text


def heading_like(text: str) -> bool:
    """Short, without sentence punctuation, not a dash line or a marker."""
    return (
        0 < len(text) <= HEADING_MAX
        and not _SENTENCE_PUNCT.search(text)
        and not text.startswith(("——", "【", "—", "-"))
    )


def _complete(text: str) -> bool:
    return bool(_COMPLETE.search(text))


def _repair(blocks: list[_Block]) -> list[_Block]:
    """Join paragraphs that a page break split mid-sentence."""
    out: list[_Block] = []
    for i, block in enumerate(blocks):
        prev = out[-1] if out else None
        if prev is not None and not block.md_level and not prev.md_level and _continues(prev, block, blocks, i):
            _append(prev, block)
        else:
            out.append(block)
    return out


def enum_heading(text: str) -> bool:
    """一、综合 or (一)抓投资,扩需求,经济保持平稳增长: a numbered heading, commas allowed."""
    return len(text) <= ENUM_HEADING_MAX and bool(_ENUM_HEADING.match(text))


def _continues(prev: _Block, block: _Block, blocks: list[_Block], i: int) -> bool:
    if prev.text == f"【{prev.marker}】" or block.marker or _complete(prev.text):
        return False  # a bare marker line (【前言】) stands alone; a marked paragraph may continue
    if enum_heading(prev.text) or enum_heading(block.text) or _BULLET_START.match(block.text):
        return False  # a numbered heading or a bullet starts afresh
    if heading_like(prev.text):
        # A short unpunctuated line is a heading unless the next line cannot open a sentence.
        return block.text[0] in _BOUND_START
    if heading_like(block.text) and i + 1 < len(blocks) and blocks[i + 1].marker == MOMENT_MARK:
        return False  # an unfinished paragraph before a real heading: keep the heading
    return True


@dataclass
class _Header:
    title: _Block | None = None
    subtitle: _Block | None = None
    byline: _Block | None = None

    def text(self, name: str) -> str:
        block = getattr(self, name)
        return block.text if block else ""


def _split_header(blocks: list[_Block], markdown: bool) -> tuple[_Header, int]:
    """Take title, subtitle and byline off the top; return them and the body's first index."""
    header = _Header()
    i = 0
    if markdown:
        if blocks and blocks[0].md_level and sum(1 for b in blocks if b.md_level == blocks[0].md_level) == 1:
            header.title = blocks[0]
            i = 1
    elif blocks and heading_like(blocks[0].text) and not blocks[0].marker:
        header.title = blocks[0]
        i = 1
    if i < len(blocks) and blocks[i].text.startswith(("——", "—")) and not blocks[i].md_level:
        header.subtitle = blocks[i]
        i += 1
    if (
        i < len(blocks)
        and not blocks[i].md_level
        and len(blocks[i].text) <= 40
        and _BYLINE.search(blocks[i].text)
        and not _complete(blocks[i].text)
    ):
        header.byline = blocks[i]
        i += 1
    return header, i


def _is_heading(blocks: list[_Block], i: int, markdown: bool) -> bool:
    block = blocks[i]
    if markdown:
        return block.md_level > 0
    if enum_heading(block.text) and i + 1 < len(blocks):
        return not enum_heading(blocks[i + 1].text) or len(blocks[i + 1].text) > len(block.text)
    if block.marker or not heading_like(block.text) or i + 1 >= len(blocks):
        return False
    nxt = blocks[i + 1]
    # A heading is followed by its moment or by a paragraph, never by another heading-like line.
    return nxt.marker == MOMENT_MARK or not heading_like(nxt.text)


@dataclass
class _Draft:
    title: str
    kind: SectionKind
    heading: _Block | None
    body: list[_Block] = field(default_factory=list)


def normalize(
    text: str,
    *,
    markdown: bool = False,
    year: str | None = None,
    path: str = "",
    meta: dict[str, object] | None = None,
    source_lines: tuple[int, ...] = (),
) -> Report:
    """Normalize report text into a Report of sections (programs and metrics come later).

    source_lines gives, for each line of text, its place in the original file when a reader
    converted it (an HTML line, a Word paragraph, a PDF page); by default a line is itself.
    """
    meta = meta or {}
    raw_blocks = _blocks(clean_text(text), markdown, source_lines)
    header, first = _split_header(raw_blocks, markdown)
    blocks = _repair(raw_blocks[first:])

    drafts: list[_Draft] = []
    for i in range(len(blocks)):
        block = blocks[i]
        if block.marker == PREFACE_MARK and block.text == f"【{PREFACE_MARK}】":
            drafts.append(_Draft(PREFACE_MARK, SectionKind.PREFACE, block))
        elif _is_heading(blocks, i, markdown):
            drafts.append(_Draft(block.text, SectionKind.SECTION, block))
        elif drafts:
            drafts[-1].body.append(block)
        else:
            drafts.append(_Draft(PREFACE_MARK, SectionKind.PREFACE, None, [block]))

    # Lay the normalized text out block by block, recording offsets and source lines.
    parts: list[str] = []
    line_map: list[tuple[int, int]] = []
    offset = 0

    def put(block: _Block | None, shown: str | None = None) -> int:
        nonlocal offset
        if block is None:
            return offset
        if parts:
            parts.append("\n\n")
            offset += 2
        start = offset
        line_map.extend((start + off, line) for off, line in block.pieces)
        body = shown if shown is not None else block.text
        parts.append(body)
        offset += len(body)
        return start

    for header_block in (header.title, header.subtitle, header.byline):
        put(header_block)

    sections: list[Section] = []
    for number, draft in enumerate(d for d in drafts if d.body or d.heading):
        put(draft.heading)
        start = end = offset + (2 if parts else 0)
        moment = None
        paragraphs: list[str] = []
        for j, block in enumerate(draft.body):
            put(block)
            end = offset
            if j == 0 and block.marker == MOMENT_MARK:
                moment = block.text[len(MOMENT_MARK) + 2 :].strip()
            else:
                paragraphs.append(block.text)
        if not draft.body:
            start = end = offset
        sid = f"s{number:02d}"
        sections.append(Section(sid, draft.title, draft.kind, moment, tuple(paragraphs), start, end, ""))

    full = "".join(parts)
    sections = [
        Section(s.id, s.title, s.kind, s.moment, s.paragraphs, s.start, s.end, full[s.start : s.end]) for s in sections
    ]

    def from_meta(key: str, default: str = "") -> str:
        return " ".join(clean_text(str(meta.get(key, default))).split())  # meta.toml reaches the screen too

    return Report(
        year=year,
        path=visible(path),
        title=header.text("title") or from_meta("title"),
        subtitle=header.text("subtitle") or from_meta("subtitle"),
        byline=header.text("byline"),
        source=from_meta("source"),
        status=from_meta("status", "unknown"),
        language=from_meta("language", "zh-CN"),
        published=from_meta("published"),
        text=full,
        sections=tuple(sections),
        line_map=tuple(line_map),
    )
