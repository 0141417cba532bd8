"""normalize.py: cleaning, page-break repair, headings and the header, on small inline inputs."""

from __future__ import annotations

from compare.model import SectionKind
from compare.normalize import clean_text, normalize

HEADER = "年度回顾标题\n\n——2020年工作难忘瞬间\n\n本报记者 张三\n\n【前言】\n\n前言第一段。\n\n"


def titles(text: str, **kw: object) -> list[str]:
    return [s.title for s in normalize(text, **kw).sections]  # type: ignore[arg-type]


def test_header_is_title_subtitle_byline() -> None:
    """The top lines become title, subtitle (—— line) and byline, not sections."""
    report = normalize(HEADER + "第一节标题\n\n【瞬间】一件事。\n\n正文。\n")
    assert (report.title, report.subtitle, report.byline) == ("年度回顾标题", "——2020年工作难忘瞬间", "本报记者 张三")
    assert [(s.title, s.kind) for s in report.sections] == [
        ("前言", SectionKind.PREFACE),
        ("第一节标题", SectionKind.SECTION),
    ]


def test_paragraph_split_mid_sentence_is_joined() -> None:
    """A paragraph that stops without final punctuation continues in the next block."""
    text = (
        HEADER + "标题\n\n【瞬间】事。\n\n一年来，全总完善管理办法，并下拨专项帮扶资\n\n金12.18亿元，支持困难职工。\n"
    )
    report = normalize(text)
    assert report.sections[1].paragraphs == ("一年来，全总完善管理办法，并下拨专项帮扶资金12.18亿元，支持困难职工。",)


def test_single_character_fragment_is_joined() -> None:
    """Even one character left before a page break ("不" + "断提升…") is joined back."""
    report = normalize(HEADER + "标题\n\n【瞬间】事。\n\n各级工会努力作为，不\n\n断提升着获得感。\n")
    assert report.sections[1].paragraphs == ("各级工会努力作为，不断提升着获得感。",)


def test_short_line_followed_by_bound_character_is_not_a_heading() -> None:
    """A heading-like fragment joins the next line when that line opens with 的/了/…"""
    text = HEADER + "标题\n\n【瞬间】事。\n\n一组组数据为我国工会组织建设\n\n的进一步发展作出有力诠释。\n"
    report = normalize(text)
    assert titles(text) == ["前言", "标题"]
    assert report.sections[1].paragraphs == ("一组组数据为我国工会组织建设的进一步发展作出有力诠释。",)


def test_heading_without_moment_stays_a_heading() -> None:
    """A section that lost its 【瞬间】 paragraph keeps its heading (the 职工利益无小事 case)."""
    text = (
        HEADER
        + "甲节\n\n【瞬间】事。\n\n正文。\n\n\n\n"
        + "职工利益无小事\n\n服务农民工公益法律服务行动。\n\n——加强工作，维护权益。\n"
    )
    report = normalize(text)
    assert titles(text) == ["前言", "甲节", "职工利益无小事"]
    assert report.sections[2].moment is None
    assert report.sections[2].paragraphs[0] == "服务农民工公益法律服务行动。"


def test_moment_is_recorded_without_marker() -> None:
    """The 【瞬间】 paragraph is the section's moment, not a body paragraph."""
    report = normalize(HEADER + "标题\n\n【瞬间】2020年5月8日，一件事。\n\n正文。\n")
    assert report.sections[1].moment == "2020年5月8日，一件事。"
    assert report.sections[1].paragraphs == ("正文。",)


def test_offsets_index_the_normalized_text() -> None:
    """Each section's text is report.text[start:end]."""
    report = normalize(HEADER + "标题\n\n【瞬间】事。\n\n正文一\n\n续。\n")
    for s in report.sections:
        assert report.text[s.start : s.end] == s.text


def test_line_of_points_at_the_source_line() -> None:
    """line_of maps a text offset back to the source file's line, across joined paragraphs."""
    text = HEADER + "标题\n\n【瞬间】事。\n\n下拨资\n\n金12.18亿元。\n"
    report = normalize(text)
    source_line = text.split("\n").index("金12.18亿元。") + 1
    assert report.line_of(report.text.index("12.18")) == source_line


def test_fullwidth_digits_letters_percent_fold_but_punctuation_stays() -> None:
    """２０２０ reads as 2020, ＡＢ as AB, ％ as %, while ，。“” stay."""
    assert clean_text("２０２０年增长３．５％，ＡＢ“好”。") == "2020年增长3.5%，AB“好”。"


def test_crlf_and_cr_become_lf() -> None:
    """Windows and old Mac newlines both become \\n."""
    assert clean_text("甲\r\n乙\r丙") == "甲\n乙\n丙"


def test_escape_sequences_and_controls_are_removed() -> None:
    """ANSI escapes and control characters never reach the normalized text."""
    assert clean_text("a\x1b[31mred\x1b[0m\x1b]0;title\x07b\x00c") == "aredbc"


def test_markdown_hash_headings_are_sections() -> None:
    """In Markdown, # is the title and ## headings are sections, even long or punctuated ones."""
    text = "# 报告标题\n\n前言一段。\n\n## 第一节：很长的标题，带标点也算\n\n正文一行\n续一行。\n"
    report = normalize(text, markdown=True)
    assert report.title == "报告标题"
    assert [s.title for s in report.sections] == ["前言", "第一节：很长的标题，带标点也算"]
    assert report.sections[1].paragraphs == ("正文一行续一行。",)


def test_no_header_no_preface_marker() -> None:
    """A bare report still parses: paragraphs before the first heading form the preface."""
    report = normalize("开头一段话。\n\n第一节\n\n内容。\n")
    assert [(s.title, s.kind) for s in report.sections] == [
        ("前言", SectionKind.PREFACE),
        ("第一节", SectionKind.SECTION),
    ]


def test_vertical_and_ratio_colons_read_as_the_full_width_colon() -> None:
    """︰ (a reprint's vertical form) and ∶ (the ratio sign) are the colon of a ratio: 4.2︰51.6︰44.2."""
    assert clean_text("结构比为4.2︰51.6︰44.2,男女比1.05∶1") == "结构比为4.2：51.6：44.2,男女比1.05：1"
