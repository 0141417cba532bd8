"""textchanges.py: a section's sentence changes as lines a person reads: each change with a little
context, unchanged runs folded to a count, rewrites shown whole, moved sentences marked as moved.

Presentation only: it reads TextDiff.sentences and recomputes nothing; a Line names its styles, and
each view maps them to colour (or marked_lines writes them as plain-text markers).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from enum import StrEnum

from ..model import DiffOp, SentenceChange, SentenceKind, TextDiff

# The words of the lines, in English; a view may pass a table (words=) that replaces them key by key.
# {n} is always 2 or more for the folded count, any count for a move.
WORDS: dict[str, str] = {
    "unchanged_sentences": "… {n} unchanged sentences …",
    "moved_down_from_here": "↓ {n} moved down from here",
    "moved_up_from_here": "↑ {n} moved up from here",
    "moved_here_from_above": "↓ moved here from above:",
    "moved_here_from_below": "↑ moved here from below:",
}


class Style(StrEnum):
    """What a piece of a line is; views choose its colour, marked_lines its marker."""

    EQUAL = "equal"  # unchanged text: a kept sentence of context, or the kept part of a changed one
    DELETE = "delete"  # characters taken out of a changed (or moved) sentence
    INSERT = "insert"  # characters put into a changed (or moved) sentence
    REMOVED = "removed"  # a whole sentence no longer there
    ADDED = "added"  # a whole sentence new this year
    OLD = "old"  # a rewritten sentence as it was (shown whole, not spliced) ...
    NEW = "new"  # ... and as it is now, on the next line
    MOVED = "moved"  # the unchanged text of a sentence that moved here
    NOTE = "note"  # words about a move: where a sentence went, where it came from
    COLLAPSED = "collapsed"  # a run of unchanged sentences folded to a count


Segment = tuple[str, Style]
Line = tuple[Segment, ...]

_INLINE = {DiffOp.EQUAL: Style.EQUAL, DiffOp.DELETE: Style.DELETE, DiffOp.INSERT: Style.INSERT}
_MOVED_INLINE = _INLINE | {DiffOp.EQUAL: Style.MOVED}


def text_change_lines(diff: TextDiff, context: int = 1, words: Mapping[str, str] | None = None) -> list[Line]:
    """The section's changes, a sentence a line, with `context` unchanged sentences on each side of
    each change and a run of two or more others folded to one line; [] when it holds no sentences.
    words: a table of the WORDS keys in the view's language (a key it lacks stays English)."""
    w = WORDS if words is None else {k: words.get(k, v) for k, v in WORDS.items()}
    context = max(context, 0)
    items = diff.sentences
    towards = _move_directions(items)
    lines: list[Line] = []
    k = 0
    while k < len(items):
        kept = items[k].kind is SentenceKind.KEPT
        end = k
        while end < len(items) and (items[end].kind is SentenceKind.KEPT) == kept:
            end += 1
        if kept:
            lines.extend(_kept_run(items[k:end], context if k else 0, context if end < len(items) else 0, w))
        else:
            lines.extend(_change_run(items, k, end, towards, w))
        k = end
    return lines


def _kept_run(run: tuple[SentenceChange, ...], head: int, tail: int, w: Mapping[str, str]) -> list[Line]:
    """Unchanged sentences: head of them after a change, tail before the next, the rest as a count."""
    hidden = len(run) - head - tail
    if hidden < 2:  # a count would take the line the one sentence takes
        return [((c.new, Style.EQUAL),) for c in run]
    count = w["unchanged_sentences"].format(n=hidden)
    return [
        *(((c.new, Style.EQUAL),) for c in run[:head]),
        ((count, Style.COLLAPSED),),
        *(((c.new, Style.EQUAL),) for c in run[len(run) - tail :]),
    ]


def _change_run(
    items: tuple[SentenceChange, ...], start: int, end: int, towards: dict[int, bool], w: Mapping[str, str]
) -> list[Line]:
    """The lines of consecutive changes; a run of moved sentences gets one note saying where."""
    lines: list[Line] = []
    k = start
    while k < end:
        c = items[k]
        if c.kind is SentenceKind.MOVED:
            away = not c.new
            group = k + 1
            while group < end and items[group].kind is SentenceKind.MOVED and (not items[group].new) == away:
                if towards.get(group) != towards.get(k):
                    break
                group += 1
            down = towards.get(k, True)
            if away:
                note = w["moved_down_from_here" if down else "moved_up_from_here"].format(n=group - k)
            else:
                note = w["moved_here_from_above" if down else "moved_here_from_below"]
            lines.append(((note, Style.NOTE),))
            if not away:
                lines.extend(tuple((text, _MOVED_INLINE[op]) for op, text in m.ops) for m in items[k:group])
            k = group
            continue
        if c.kind is SentenceKind.ADDED:
            lines.append(((c.new, Style.ADDED),))
        elif c.kind is SentenceKind.REMOVED:
            lines.append(((c.base, Style.REMOVED),))
        elif c.whole:
            lines.extend((((c.base, Style.OLD),), ((c.new, Style.NEW),)))
        else:
            lines.append(tuple((text, _INLINE[op]) for op, text in c.ops))
        k += 1
    return lines


def _move_directions(items: tuple[SentenceChange, ...]) -> dict[int, bool]:
    """For each moved entry, whether its sentence went down the text (True) or up: an entry where
    a sentence stood is matched with the entry where it went by the old text, in order."""
    stood: dict[str, deque[int]] = {}
    for k, c in enumerate(items):
        if c.kind is SentenceKind.MOVED and not c.new:
            stood.setdefault(c.base, deque()).append(k)
    out: dict[int, bool] = {}
    for k, c in enumerate(items):
        if c.kind is SentenceKind.MOVED and c.new:
            old = "".join(text for op, text in c.ops if op is not DiffOp.INSERT)
            queue = stood.get(old)
            if queue:
                was = queue.popleft()
                out[was] = out[k] = was < k
    return out


# Plain text: changed text is bracketed; a line of a rewrite or a move opens with a mark. Marks are
# no Markdown syntax (no -, +, >, *), so the lines can be quoted into Markdown as they are.
_MARKERS = {
    Style.DELETE: ("[-", "-]"),
    Style.INSERT: ("{+", "+}"),
    Style.REMOVED: ("[-", "-]"),
    Style.ADDED: ("{+", "+}"),
    Style.OLD: ("[-", "-]"),
    Style.NEW: ("{+", "+}"),
}
_LINE_MARKS = {
    Style.OLD: "⇄",  # a sentence rewritten: old and new, each whole
    Style.NEW: "⇄",
    Style.MOVED: "»",  # a sentence that moved here (any edit bracketed inside)
}


def marked_lines(lines: list[Line], gap: str = " ") -> str:
    """The lines as plain text without colour: `[-…-]` for text taken out (a removed sentence
    whole), `{+…+}` for text put in, `⇄ ` opening both lines of a sentence rewritten whole and `» `
    each sentence that moved here; notes of moves open with their arrow, other lines unmarked.
    gap follows a mark: a view that wraps at spaces passes "" so a mark never stands alone on a line."""
    out: list[str] = []
    for line in lines:
        mark = next((_LINE_MARKS[style] + gap for _, style in line if style in _LINE_MARKS), "")
        body = "".join(
            _MARKERS[style][0] + text + _MARKERS[style][1] if style in _MARKERS else text for text, style in line
        )
        out.append(mark + body)
    return "\n".join(out)
