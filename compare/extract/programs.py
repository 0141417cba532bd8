"""programs.py: the named programs, campaigns, platforms and documents a report quotes.

Every “…” name and 《…》 title of a section, first occurrence per section, with its kind.
"""

from __future__ import annotations

import re

from ..grammar import CN_DIGITS
from ..model import Program, ProgramKind, Report
from .figures import quoted


def extract_programs(report: Report) -> tuple[Program, ...]:
    """Every quoted name “…” and title 《…》 in each section, first occurrence per section."""
    programs: list[Program] = []
    for section in report.sections:
        found: dict[str, Program] = {}
        for start, end, name, document in quoted(report.text, section.start, section.end):
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
    if len(name) >= 6 and not re.search(r"[" + CN_DIGITS + r"]", name[:2]):
        return ProgramKind.PROGRAM if _PROGRAM_WORDS.search(after[:6]) else ProgramKind.SLOGAN
    return ProgramKind.SLOGAN
