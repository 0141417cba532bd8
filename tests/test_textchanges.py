"""Sentence-level text changes (diff.sentence_changes) and their lines (render.textchanges).

The paragraphs are invented for these tests: three paragraphs of a made-up union's year, four
sentences each; the tests change one figure, swap two paragraphs, or rewrite one sentence.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from compare import build_comparison
from compare.diff import diff_sections, sentence_changes, split_sentences
from compare.jsonout import dumps
from compare.model import DiffOp, SectionMatch, SectionStatus, SentenceChange, SentenceKind, TextDiff
from compare.normalize import normalize
from compare.render.data import comparison_dict
from compare.render.textchanges import Style, marked_lines, text_change_lines

PAIR = Path(__file__).resolve().parent / "data" / "pair"

P1 = "甲市总工会举办职工技能大赛。参赛职工达到1200人。获奖选手获得技术等级晋升。大赛持续三个月。"
P2 = "乙区工会开展夏季送清凉活动。慰问一线职工3000余人。发放防暑物资价值86万元。活动覆盖全区街道。"
P3 = "丙县推进户外劳动者服务站建设。全年新建站点45个。站点提供饮水和休息服务。每个站点有专人管理。"
BASE = "\n\n".join((P1, P2, P3))


def _diff(base: str, new: str) -> TextDiff:
    return TextDiff("s01", "s01", (), 0.0, sentence_changes(base, new))


def _kinds(changes: tuple[SentenceChange, ...]) -> list[SentenceKind]:
    return [c.kind for c in changes]


def test_one_changed_figure_is_one_short_hunk() -> None:
    """One changed figure in a long section gives one changed sentence, a sentence of context on
    each side, and the rest folded to counts; the figure is deleted and inserted whole."""
    new = BASE.replace("3000余人", "3500余人")
    lines = text_change_lines(_diff(BASE, new))
    assert lines == [
        (("… 4 unchanged sentences …", Style.COLLAPSED),),
        (("乙区工会开展夏季送清凉活动。", Style.EQUAL),),
        (
            ("慰问一线职工", Style.EQUAL),
            ("3000余人", Style.DELETE),
            ("3500余人", Style.INSERT),
            ("。", Style.EQUAL),
        ),
        (("发放防暑物资价值86万元。", Style.EQUAL),),
        (("… 5 unchanged sentences …", Style.COLLAPSED),),
    ]
    assert marked_lines(lines).splitlines()[2] == "慰问一线职工[-3000余人-]{+3500余人+}。"


def test_context_widens_the_hunk() -> None:
    """context=2 keeps two unchanged sentences on each side of the change."""
    lines = text_change_lines(_diff(BASE, BASE.replace("45个", "60个")), context=2)
    assert marked_lines(lines).splitlines() == [
        "… 7 unchanged sentences …",
        "活动覆盖全区街道。",
        "丙县推进户外劳动者服务站建设。",
        "全年新建站点[-45个-]{+60个+}。",
        "站点提供饮水和休息服务。",
        "每个站点有专人管理。",
    ]


def test_swapped_paragraphs_are_moved_not_deleted_and_inserted() -> None:
    """Two swapped paragraphs are reported as moved, where they stood and where they went, with
    no sentence removed or added."""
    new = "\n\n".join((P2, P1, P3))
    changes = sentence_changes(BASE, new)
    assert SentenceKind.ADDED not in _kinds(changes) and SentenceKind.REMOVED not in _kinds(changes)
    moved = [c for c in changes if c.kind is SentenceKind.MOVED]
    assert len(moved) == 8  # the four sentences of one paragraph, each where it stood and where it went
    assert sorted(c.base for c in moved if c.base) == sorted(c.new for c in moved if c.new)
    lines = text_change_lines(_diff(BASE, new))
    styles = {style for line in lines for _, style in line}
    assert Style.MOVED in styles and Style.NOTE in styles
    assert not styles & {Style.REMOVED, Style.ADDED, Style.DELETE, Style.INSERT, Style.OLD, Style.NEW}
    assert marked_lines(lines).splitlines() == [
        "↑ moved here from below:",
        *(f"» {s}" for s in split_sentences(P2)),
        "甲市总工会举办职工技能大赛。",
        "… 2 unchanged sentences …",
        "大赛持续三个月。",
        "↑ 4 moved up from here",
        "丙县推进户外劳动者服务站建设。",
        "… 3 unchanged sentences …",
    ]


def test_a_moved_sentence_with_an_edited_figure_shows_the_edit() -> None:
    """A paragraph moved and its figure edited is still moved, the edit shown inside it."""
    new = "\n\n".join((P2.replace("86万元", "92万元"), P1, P3))
    changes = sentence_changes(BASE, new)
    assert SentenceKind.ADDED not in _kinds(changes) and SentenceKind.REMOVED not in _kinds(changes)
    [edited] = [c for c in changes if c.kind is SentenceKind.MOVED and "92万元" in c.new]
    assert edited.base == "" and (DiffOp.DELETE, "86万元") in edited.ops and (DiffOp.INSERT, "92万元") in edited.ops
    line = text_change_lines(_diff(BASE, new))[3]
    assert marked_lines([line]) == "» 发放防暑物资价值[-86万元-]{+92万元+}。"


def test_a_fully_rewritten_sentence_is_shown_whole() -> None:
    """A sentence rewritten in place is one change shown whole, old then new, never spliced."""
    new = BASE.replace("站点提供饮水和休息服务。", "各地积极探索新就业形态劳动者入会新模式。")
    changes = sentence_changes(BASE, new)
    [changed] = [c for c in changes if c.kind is not SentenceKind.KEPT]
    assert changed.kind is SentenceKind.CHANGED and changed.whole
    assert changed.base == "站点提供饮水和休息服务。" and changed.new == "各地积极探索新就业形态劳动者入会新模式。"
    assert changed.ops == ((DiffOp.DELETE, changed.base), (DiffOp.INSERT, changed.new))
    lines = text_change_lines(_diff(BASE, new))
    at = lines.index(((changed.base, Style.OLD),))
    assert lines[at + 1] == ((changed.new, Style.NEW),)
    assert "⇄ [-站点提供饮水和休息服务。-]\n⇄ {+各地积极探索新就业形态劳动者入会新模式。+}" in marked_lines(lines)


def test_added_and_removed_sentences_stand_alone() -> None:
    """A sentence dropped from one paragraph and another added to the next are removed and added."""
    new = BASE.replace("大赛持续三个月。", "").replace("街道。", "街道。今年首次邀请志愿者参与。")
    changes = sentence_changes(BASE, new)
    assert [(c.kind, c.base, c.new) for c in changes if c.kind is not SentenceKind.KEPT] == [
        (SentenceKind.REMOVED, "大赛持续三个月。", ""),
        (SentenceKind.ADDED, "", "今年首次邀请志愿者参与。"),
    ]


def test_sentences_never_span_paragraphs() -> None:
    """A paragraph ending without a stop still ends its sentence."""
    assert split_sentences("第一段没有句号\n\n第二段。第三句") == ["第一段没有句号", "第二段。", "第三句"]


def test_an_unchanged_section_has_no_sentences_and_no_lines() -> None:
    """diff_sections leaves an unchanged section's sentences empty, and it gives no lines."""
    report = normalize("【一、组织建设】\n\n" + BASE, year="2020")
    section = report.sections[-1]
    [d] = diff_sections([SectionMatch(SectionStatus.MATCHED, section, section, 100, 100, 100, "same")]).values()
    assert d.sentences == () and text_change_lines(d) == []


_POOL = [P1, P2, P3, "丁镇工会新建职工书屋12个。", "全年培训工会干部800人次。", "戊市开展劳模进校园活动。"]
_SENTENCES = [s for p in _POOL for s in split_sentences(p)]


def _edited(sentences: list[str], data: st.DataObject) -> list[str]:
    """The sentences shuffled a little: some dropped, some figures changed, some moved or added."""
    out = list(sentences)
    for _ in range(data.draw(st.integers(0, 4))):
        action = data.draw(st.sampled_from(["drop", "edit", "move", "add"]))
        if action == "add" or not out:
            out.insert(data.draw(st.integers(0, len(out))), data.draw(st.sampled_from(_SENTENCES)))
            continue
        k = data.draw(st.integers(0, len(out) - 1))
        if action == "drop":
            del out[k]
        elif action == "edit":
            out[k] = out[k].replace("0", "7", 1) if "0" in out[k] else out[k] + "另有补充"
        else:
            out.insert(data.draw(st.integers(0, len(out) - 1)), out.pop(k))
    return out


def _text(sentences: list[str], breaks: list[bool]) -> str:
    return "".join(s + ("\n\n" if br else "") for s, br in zip(sentences, breaks, strict=False))


def _sides(changes: tuple[SentenceChange, ...]) -> tuple[list[str], list[str]]:
    """Base side: kept, changed, removed and moved-from; new side: kept, changed, added and moved-to."""
    return [c.base for c in changes if c.base], [c.new for c in changes if c.new]


def _check_sides(base: str, new: str) -> None:
    changes = sentence_changes(base, new)
    base_side, new_side = _sides(changes)
    assert base_side == split_sentences(base)
    assert new_side == split_sentences(new)
    for c in changes:
        assert (c.kind is SentenceKind.KEPT) == (c.base == c.new != "")
        assert (c.kind is SentenceKind.ADDED) <= (not c.base)
        assert (c.kind is SentenceKind.REMOVED) <= (not c.new)
        assert (c.kind is SentenceKind.MOVED) <= (bool(c.base) != bool(c.new))
        if c.kind is SentenceKind.CHANGED and not c.whole:
            assert "".join(t for op, t in c.ops if op is not DiffOp.INSERT) == c.base
            assert "".join(t for op, t in c.ops if op is not DiffOp.DELETE) == c.new
    moved = [c for c in changes if c.kind is SentenceKind.MOVED]
    assert sum(1 for c in moved if c.base) == sum(1 for c in moved if c.new)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_both_sides_rejoin_to_their_texts_sentences(data: st.DataObject) -> None:
    """The base-side sentences of the changes are the base text's sentences in order, the
    new-side ones the new text's; kinds agree with which sides a change holds."""
    base = data.draw(st.lists(st.sampled_from(_SENTENCES), min_size=0, max_size=14))
    new = _edited(base, data)
    base_text = _text(base, data.draw(st.lists(st.booleans(), min_size=len(base), max_size=len(base))))
    new_text = _text(new, data.draw(st.lists(st.booleans(), min_size=len(new), max_size=len(new))))
    _check_sides(base_text, new_text)


@settings(max_examples=150, deadline=None)
@given(st.text("甲乙丙丁12 。；！\n", max_size=60), st.text("甲乙丙丁12 。；！\n", max_size=60))
def test_any_two_texts_rejoin(base: str, new: str) -> None:
    """The same holds for arbitrary short texts, blank sentences and stray stops included."""
    _check_sides(base, new)


def test_a_table_of_words_replaces_the_english() -> None:
    """words= replaces the English of the folded count and the move notes key by key."""
    zh = {"unchanged_sentences": "……{n} 句未变……", "moved_up_from_here": "↑ {n} 句移到上文"}
    lines = text_change_lines(_diff(BASE, "\n\n".join((P2, P1, P3))), words=zh)
    text = marked_lines(lines)
    assert "……3 句未变……" in text and "↑ 4 句移到上文" in text and "moved here from below" in text


def test_lines_are_deterministic() -> None:
    """The same texts give the same changes and the same lines, run after run."""
    new = "\n\n".join((P3, P1.replace("1200人", "1300人"), P2))
    first = sentence_changes(BASE, new)
    assert all(sentence_changes(BASE, new) == first for _ in range(3))
    assert marked_lines(text_change_lines(_diff(BASE, new))) == marked_lines(text_change_lines(_diff(BASE, new)))


def test_json_sentences_are_pinned_and_byte_identical() -> None:
    """Each diffs entry carries sentences with the pinned keys; two builds write the same bytes,
    lazily or not."""
    first = build_comparison("2020", "2021", PAIR)
    second = build_comparison("2020", "2021", PAIR)
    text = dumps(comparison_dict(first, lazy=True))
    assert text == dumps(comparison_dict(second, lazy=True))
    assert text == json.dumps(comparison_dict(first), ensure_ascii=False, indent=2) + "\n"
    diffs = json.loads(text)["diffs"]
    sentences = [s for d in diffs for s in d["sentences"]]
    assert sentences and all(list(s) == ["kind", "base", "new", "ops", "whole"] for s in sentences)
    assert any(["delete", "5000万元"] in s["ops"] and ["insert", "1.2亿元"] in s["ops"] for s in sentences)
