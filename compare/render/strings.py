"""strings.py: every word a view shows, in English and Chinese: one table, no branches in the views.

JSON keys and values never go through this table: they are a contract, the same in every locale.
A view asks `words(lang)` once and looks words up by key; a key missing from the table is a bug
that a test catches (every key has both languages).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from enum import StrEnum


class Lang(StrEnum):
    AUTO = "auto"  # from LC_ALL, LC_MESSAGES or LANG, as the C library reads them
    EN = "en"
    ZH = "zh"


# key: (English, Chinese)
_TABLE: dict[str, tuple[str, str]] = {
    # statuses of figures, sections, programs and targets
    "changed": ("changed", "变化"),
    "unchanged": ("unchanged", "未变"),
    "new": ("new", "新增"),
    "missing": ("missing", "缺失"),
    "pending": ("pending", "待补"),
    "waived": ("waived", "已豁免"),
    "matched": ("matched", "对应"),
    "renamed": ("renamed", "改名"),
    "dropped": ("dropped", "删除"),
    "continued": ("continued", "延续"),
    "met": ("met", "达成"),
    "exceeded": ("exceeded", "超额"),
    "missed": ("missed", "未达成"),
    "rose": ("rose", "上升"),
    "fell": ("fell", "下降"),
    # parts of a view
    "figures": ("Figures", "数字"),
    "sections": ("Sections", "章节"),
    "programs": ("Programs", "工作项目"),
    "targets": ("Targets", "目标"),
    "text_changes": ("Text changes", "文字变化"),
    "summary": ("Summary", "摘要"),
    "needs_attention": ("Needs attention", "需要处理"),
    "pending_title": ("Pending: placeholders still to fill", "待补：尚未填写的占位数字"),
    "missing_title": ("Missing: reported last time, not found now", "缺失：上期报告、本期未见"),
    "changed_title": ("Changed figures, largest change first", "变化的数字（按变化幅度排序）"),
    "new_title": ("New figures", "新增数字"),
    "waived_title": ("Waived in compare.toml", "已在 compare.toml 中豁免"),
    "unchanged_title": ("Unchanged figures", "未变数字"),
    "contents": ("Contents", "目录"),
    "chart_title": ("% change of paired figures", "对应数字的变化率（%）"),
    # column headers
    "status": ("status", "状态"),
    "label": ("label", "指标"),
    "section": ("section", "章节"),
    "change": ("change", "变化"),
    "pct_change": ("% change", "变化率"),
    "warnings": ("warnings", "提示"),
    "score": ("score", "匹配分"),
    "text_changed": ("text changed", "文字改动"),
    "as_written": ("as written", "原文"),
    "value": ("value", "数值"),
    "unit": ("unit", "单位"),
    "qualifier": ("qualifier", "限定"),
    "id": ("id", "编号"),
    "title": ("title", "标题"),
    "kind": ("kind", "类型"),
    "paragraphs": ("paragraphs", "段落"),
    "chars": ("chars", "字数"),
    "trend": ("trend", "趋势"),
    "reason": ("reason", "理由"),
    "waived_items": ("figures and sections", "数字与章节"),
    "owner": ("owner", "负责人"),
    "name": ("name", "名称"),
    "target": ("target", "目标"),
    "outcome": ("outcome", "实际"),
    "evidence": ("evidence", "依据"),
    "in_section": ("in section", "所在章节"),
    "base": ("base", "上期"),
    "new_side": ("new", "本期"),
    "year": ("year", "年份"),
    "document": ("document", "文件"),
    "check": ("check", "检查"),
    "untitled": ("(untitled)", "（无标题）"),
    "published": ("published", "已发布"),
    "draft": ("draft", "草稿"),
    "not_proven": ("not proven", "未证实"),
    # sentences of the summary
    "summary_figures": (
        "Figures in both reports: {paired} ({rose} rose, {fell} fell, {same} unchanged).",
        "两期都有的数字 {paired} 个（{rose} 个上升，{fell} 个下降，{same} 个未变）。",
    ),
    "summary_new": ("New figures: {n}.", "新增数字 {n} 个。"),
    "summary_pending": ("Placeholders still to fill: {n}.", "待补的占位数字 {n} 个。"),
    "summary_missing": (
        "Reported last time and missing now: {n} ({waived} of them waived).",
        "上期有、本期缺失的数字 {n} 个（其中 {waived} 个已豁免）。",
    ),
    "summary_largest": ("Largest changes: {items}.", "变化最大的是：{items}。"),
    "summary_sections": (
        "Sections: {matched} kept, {renamed} renamed, {new} new, {dropped} dropped.",
        "章节：{matched} 个对应，{renamed} 个改名，{new} 个新增，{dropped} 个删除。",
    ),
    "nothing_needs_attention": ("Nothing needs attention.", "没有需要处理的事项。"),
    "section_line": (
        "figures {figures} · sentences +{added} −{removed} · programs +{started} −{stopped}",
        "数字 {figures} · 句子 +{added} −{removed} · 项目 +{started} −{stopped}",
    ),
    "percent_changed": ("{pct} changed", "改动 {pct}"),
    "and_more": ("… and {n} more", "……另有 {n} 项"),
    "unchanged_sentences": ("… {n} unchanged sentences …", "……{n} 句未变……"),
    "moved": ("moved", "移动"),
    "moved_down_from_here": ("↓ {n} moved down from here", "↓ 此处 {n} 句移到下文"),
    "moved_up_from_here": ("↑ {n} moved up from here", "↑ 此处 {n} 句移到上文"),
    "moved_here_from_above": ("↓ moved here from above:", "↓ 从上文移来："),
    "moved_here_from_below": ("↑ moved here from below:", "↑ 从下文移来："),
    "legend_trend": (
        "↑ rose · ↓ fell · → unchanged · · no figure that year · ≠ not comparable (人 vs 人次)",
        "↑ 上升 · ↓ 下降 · → 未变 · · 当年无此数字 · ≠ 不可比（人与人次）",
    ),
    "legend_score": (
        "score: how sure the pairing is, 0–100 (title and text similarity)",
        "匹配分：配对的把握程度，0–100（标题与正文相似度）",
    ),
    # spreadsheets (sheets.py): machine column names in English, words in Chinese
    "csv_as_written": ("as_written", "原文"),
    "csv_base_as_written": ("base_as_written", "上期原文"),
    "csv_new_as_written": ("new_as_written", "本期原文"),
    "csv_base_value": ("base_value", "上期数值"),
    "csv_new_value": ("new_value", "本期数值"),
    "csv_delta": ("delta", "变化量"),
    "csv_pct": ("pct", "变化率（%）"),
    "sheet_waived": ("Waived", "豁免"),
    "sheet_part": ("part", "部分"),
    "sheet_count": ("count", "数量"),
    "sheet_figure": ("figure", "数字"),
    "sheet_figures_changed": ("figures changed", "数字变化"),
    "sheet_sentences_added": ("sentences added", "新增句子"),
    "sheet_sentences_removed": ("sentences removed", "删除句子"),
    "sheet_programs_started": ("programs started", "新增项目"),
    "sheet_programs_dropped": ("programs dropped", "删除项目"),
    "sheet_target_value": ("target value", "目标数值"),
    "sheet_outcome_value": ("outcome value", "实际数值"),
    "comparing": ("comparing", "正在比较"),
    "trend_title": ("Figures across the years", "历年数字"),
    "archive_title": ("Archive: {n} comparisons", "档案：{n} 组比较"),
    "years": ("years", "年份"),
    "sections_new_dropped": ("sections new/dropped", "章节 新增/删除"),
    "ok": ("ok", "通过"),
    "n_failed": ("{n} failed", "{n} 项未通过"),
    "error": ("error", "错误"),
    "moment": ("moment", "瞬间"),
    "figures_n": ("figures", "数字"),
    "source": ("source", "来源"),
    "report_counts": (
        "{sections} sections, {figures} figures, {programs} programs",
        "{sections} 个章节，{figures} 个数字，{programs} 个工作项目",
    ),
    "sentence_gap": (" ", ""),  # what joins two sentences of a paragraph
    # the HTML page
    "none": ("None.", "无。"),
    "figure": ("figure", "数字"),
    "missing_all_waived": (
        "None that is not waived ({n} waived: see below).",
        "没有未豁免的缺失数字（{n} 个已豁免，见下文）。",
    ),
    "chart_none": ("No paired figure has a % change.", "没有可计算变化率的对应数字。"),
}


def words(lang: Lang) -> Mapping[str, str]:
    """The table in one language: words(Lang.ZH)["missing"] == "缺失"."""
    column = 1 if resolve(lang) is Lang.ZH else 0
    return {key: pair[column] for key, pair in _TABLE.items()}


def resolve(lang: Lang, environ: Mapping[str, str] | None = None) -> Lang:
    """AUTO becomes ZH when the locale is Chinese (the first of LC_ALL, LC_MESSAGES, LANG that is set)."""
    if lang is not Lang.AUTO:
        return lang
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return Lang.ZH if value.lower().startswith("zh") else Lang.EN
    return Lang.EN
