"""textchanges.py: a section's sentence changes as lines a person reads: each change with a little
context, unchanged runs folded to a count, rewrites shown whole, moved sentences marked as moved.

Presentation only: it reads TextDiff.sentences and recomputes nothing; a Line names its styles, and
each view maps them to colour (or marked_lines writes them as plain-text markers).
"""

from __future__ import annotations

from collections import deque
from enum import StrEnum

from ..model import DiffOp, SentenceChange, SentenceKind, TextDiff

# The words of the lines, English for now; keyed so a translation table can replace them.
WORDS: dict[str, str] = {
    "unchanged": "… {n} unchanged sentences …",
    "unchanged_one": "… 1 unchanged sentence …",
    "moved_down": "↓ {n} sentences moved down from here",
    "moved_down_one": "↓ 1 sentence moved down from here",
    "moved_up": "↑ {n} sentences moved up from here",
    "moved_up_one": "↑ 1 sentence moved up from here",
    "moved_in_above": "↓ {n} sentences moved here from above:",
    "moved_in_above_one": "↓ 1 sentence moved here from above:",
    "moved_in_below": "↑ {n} sentences moved here from below:",
    "moved_in_below_one": "↑ 1 sentence moved here from below:",
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


def text_change_lines(diff: TextDiff, context: int = 1) -> list[Line]:
    """The section's changes, a sentence a line, with `context` unchanged sentences on each side of
    each change and the unchanged runs between folded to one line; [] when it holds no sentences."""
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
            lines.extend(_kept_run(items[k:end], context if k else 0, context if end < len(items) else 0))
        else:
            lines.extend(_change_run(items, k, end, towards))
        k = end
    return lines


def _kept_run(run: tuple[SentenceChange, ...], head: int, tail: int) -> list[Line]:
    """Unchanged sentences: head of them after a change, tail before the next, the rest as a count."""
    hidden = len(run) - head - tail
    if hidden < 2 and not (hidden == 1 and head == tail == 0):  # a count would hide too little
        return [((c.new, Style.EQUAL),) for c in run]
    count = WORDS["unchanged_one"] if hidden == 1 else WORDS["unchanged"].format(n=hidden)
    return [
        *(((c.new, Style.EQUAL),) for c in run[:head]),
        ((count, Style.COLLAPSED),),
        *(((c.new, Style.EQUAL),) for c in run[len(run) - tail :]),
    ]


def _change_run(items: tuple[SentenceChange, ...], start: int, end: int, towards: dict[int, bool]) -> list[Line]:
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
            key = ("moved_down" if down else "moved_up") if away else ("moved_in_above" if down else "moved_in_below")
            n = group - k
            lines.append(((WORDS[f"{key}_one"] if n == 1 else WORDS[key].format(n=n), Style.NOTE),))
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


# Plain text: a mark opens each line that is no unchanged context, and changed text is bracketed.
_MARKERS = {
    Style.DELETE: ("[-", "-]"),
    Style.INSERT: ("{+", "+}"),
    Style.REMOVED: ("[-", "-]"),
    Style.ADDED: ("{+", "+}"),
    Style.OLD: ("[-", "-]"),
    Style.NEW: ("{+", "+}"),
}
_LINE_MARKS = (  # the first style a line holds, in this order, picks its mark
    (Style.OLD, "< "),  # a rewritten sentence, old ...
    (Style.NEW, "> "),  # ... and new
    (Style.REMOVED, "- "),
    (Style.ADDED, "+ "),
    (Style.MOVED, "» "),  # a sentence that moved here (its edits bracketed inside)
    (Style.NOTE, "» "),
    (Style.DELETE, "~ "),  # a sentence changed in place
    (Style.INSERT, "~ "),
)


def marked_lines(lines: list[Line]) -> str:
    """The lines as plain text without colour: `[-…-]` for text taken out, `{+…+}` for text put in,
    and a mark opening each line: `~` changed, `<`/`>` a rewrite's old and new, `-` removed,
    `+` added, `»` moved; two spaces for unchanged context and folded counts."""
    out: list[str] = []
    for line in lines:
        styles = {style for _, style in line}
        mark = next((m for style, m in _LINE_MARKS if style in styles), "  ")
        body = "".join(
            _MARKERS[style][0] + text + _MARKERS[style][1] if style in _MARKERS else text for text, style in line
        )
        out.append(mark + body)
    return "\n".join(out)
