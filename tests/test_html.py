"""The HTML report (compare.render.html): a semantic, self-contained, escaped page, checked by
the stdlib parser and, where Debian's chromium is installed, rendered headless at 1280 px.

The bundled 2020 → 2021 pair (with the repository's compare.toml) has 9 pending placeholders,
no missing figure that is not waived, 1 changed figure, 26 new ones, 26 waived items (24 figures,
2 sections), 12 section lines and 30 programs; the tests read those counts from the briefing.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from compare.config import Config, Waiver
from compare.diff import diff_text
from compare.model import Comparison, DiffOp, MetricStatus, SentenceChange, SentenceKind, TextDiff
from compare.render import briefing
from compare.render.html import comparison_html
from compare.render.strings import Lang

from .conftest import DATA

PAIR = DATA / "pair"
HOSTILE = "<script>alert(1)</script>\x1b[31m\u202eevil\x00\x85&amp;"


@dataclass
class Page(HTMLParser):
    """What the tests look at: every start tag with its attributes, the rows of each table, the text."""

    tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)  # table's aria-labelledby -> rows in its tbody
    text: list[str] = field(default_factory=list)
    _tables: list[str] = field(default_factory=list)
    _in_tbody: int = 0

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if tag == "table":
            self._tables.append(a.get("aria-labelledby", ""))
            self.rows.setdefault(self._tables[-1], 0)
        elif tag == "tbody":
            self._in_tbody += 1
        elif tag == "tr" and self._in_tbody and self._tables:
            self.rows[self._tables[-1]] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._tables.pop()
        elif tag == "tbody":
            self._in_tbody -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def find(self, tag: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag]


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    return p


def expected_rows(c: Comparison, b: briefing.Briefing) -> dict[str, int]:
    """Rows each table must hold: the briefing's counts (a part with none shows a note, no table)."""
    counts = {
        "pending-h": len(b.pending),
        "missing-h": len(b.missing),
        "changed-h": len(b.changed),
        "new-h": len(b.new),
        "waived-h": len(b.waived),
        "unchanged-h": len(b.unchanged),
        "sections-h": len(b.sections),
        "programs-h": len(c.programs),
        "targets-h": len(c.targets),
    }
    return {k: n for k, n in counts.items() if n}


def test_page_parses_with_lang_and_one_table_row_per_briefing_item(bundled) -> None:
    """The bundled pair's page is zh-CN HTML5 whose tables hold exactly the briefing's rows."""
    c, cfg = bundled
    b = briefing.build(c, cfg)
    page = comparison_html(c, cfg, Lang.ZH, "compare 2020 2021")
    assert page.startswith("<!DOCTYPE html>\n")
    p = parse(page)
    assert p.find("html") == [{"lang": "zh-CN"}]
    assert next(a.get("charset") for a in p.find("meta")) == "utf-8"
    figures = {k: n for k, n in p.rows.items() if not k.startswith("text-")}
    assert figures == expected_rows(c, b)
    assert (len(b.pending), len(b.missing), len(b.changed), len(b.new), len(b.waived)) == (9, 0, 1, 26, 26)
    assert (figures["sections-h"], figures["programs-h"]) == (12, 30)
    # every table is semantic: a head with column headers, and a row header where a row names a figure
    assert len(p.find("thead")) == len(p.find("table")) and p.find("th")
    assert all(a.get("scope") in ("col", "row") for a in p.find("th"))
    # the contents list links to every part, each of which exists, in the required order
    links = [a["href"] for a in p.find("a")]
    ids = [a["id"] for _, a in p.tags if "id" in a]
    assert links[:6] == ["#summary", "#pending", "#missing", "#changed", "#new", "#waived"]
    assert links[-4:] == ["#chart", "#sections", "#programs", "#text"]
    assert all(link[1:] in ids for link in links)
    assert p.find("nav") and len(p.find("section")) >= len(links) and p.find("main")


def test_page_is_self_contained_and_has_no_script(bundled) -> None:
    """One file: inline CSS with a CJK font stack, no script, no external URL, no timestamp."""
    c, cfg = bundled
    page = comparison_html(c, cfg, Lang.ZH, "compare 2020 2021")
    p = parse(page)
    assert not p.find("script") and not p.find("link") and not p.find("img") and not p.find("iframe")
    assert "http" not in page and "//" not in page and "url(" not in page and "@import" not in page
    for _, attrs in p.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), name
            if name in ("href", "src", "action"):
                assert value.startswith("#"), value
    assert '"PingFang SC"' in page and '"Noto Sans CJK SC"' in page and "overflow-wrap:anywhere" in page
    assert "@media print" in page
    assert page == comparison_html(c, cfg, Lang.ZH, "compare 2020 2021")  # the same bytes every time


def test_summary_comes_first_and_speaks_the_page_language(bundled) -> None:
    """The briefing summary is the first part; an English page marks the reports' text as zh-CN."""
    c, cfg = bundled
    b = briefing.build(c, cfg)
    from compare.render.strings import words

    zh = comparison_html(c, cfg, Lang.ZH, "t")
    en = comparison_html(c, cfg, Lang.EN, "t")
    main = zh[zh.index("<main>") :]
    assert main.index('id="summary"') < main.index('id="pending"') < main.index('id="text"')
    assert briefing.summary_text(c, b, words(Lang.ZH)) in zh
    assert "待补" in zh and "目录" in zh
    p = parse(en)
    assert p.find("html") == [{"lang": "en"}]
    assert "Contents" in en and "Pending: placeholders still to fill" in en
    zh_marked = [a for _, a in p.tags if a.get("lang") == "zh-CN"]
    assert len(zh_marked) > 100  # every cell or span of report text


def test_hostile_text_is_escaped_never_markup(pair) -> None:
    """A label and a waiver reason holding a script tag, an escape sequence and U+202E stay text."""
    changed = [m for m in pair.metrics if m.status is MetricStatus.CHANGED and m.base and m.new]
    m = changed[0]
    evil = dataclasses.replace(m, base=dataclasses.replace(m.base, label=HOSTILE))
    c = dataclasses.replace(pair, metrics=tuple(evil if x is m else x for x in pair.metrics))
    missing = next(x for x in c.metrics if x.status is MetricStatus.MISSING and x.base)
    assert missing.base is not None
    cfg = Config(waivers=(Waiver(reason=HOSTILE, metric=missing.base.id, owner=HOSTILE),))
    page = comparison_html(c, cfg, Lang.EN, HOSTILE)
    p = parse(page)
    assert not p.find("script")
    for ch in ("\x1b", "\u202e", "\x00", "\x85"):
        assert ch not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&amp;amp;" in page
    text = "".join(p.text)
    assert text.count("<script>alert(1)</script>[31mevil&amp;") >= 4  # title, label, reason, owner


def test_chart_draws_one_bar_per_percent_change(pair) -> None:
    """The SVG chart has a bar per paired figure with a % change, coloured by sign, labelled."""
    b = briefing.build(pair, None)
    with_pct = [m for m in b.changed if m.delta is not None and m.delta.pct is not None]
    page = comparison_html(pair, None, Lang.EN, "t")
    p = parse(page)
    rects = p.find("rect")
    assert len(rects) == len(with_pct) == 2
    assert all(r["class"].startswith("bar-up") for r in rects)  # both rose: +140.0% and +2.2%
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "+140.0%" in svg and "帮扶资金" in svg


def test_text_changes_side_by_side_from_the_character_diff(pair) -> None:
    """Without a sentence alignment, a changed figure shows old | new with <del>/<ins>, the
    unchanged sentences between changes collapse into <details> with their count."""
    kept = "".join(f"第{n}句没有变化，内容保持原样。" for n in "一二三四五六")
    old = f"开头一句。全年投入资金5000万元。{kept}建成职工书屋30个。"
    new = f"开头一句。全年投入资金1.2亿元。{kept}建成职工书屋80个。"
    ops, change = diff_text(old, new)
    d = TextDiff(pair.diffs[0].base_section, pair.diffs[0].new_section, ops, change)
    page = comparison_html(dataclasses.replace(pair, diffs=(d,)), None, Lang.EN, "t")
    section = page[page.index('id="text-1"') :]
    p = parse(section)
    assert p.rows["text-1-h"] == 3  # a change with a sentence after it, the collapsed run, the next change
    assert "<del>5000万元</del>" in section and "<ins>1.2亿元</ins>" in section
    assert "<del>30个</del>" in section and "<ins>80个</ins>" in section
    assert "… 4 unchanged sentences …" in section and len(p.find("details")) == 1
    assert "第一句" in section.split("<details>")[0] and "第六句" in section.split("</details>")[1]


def _Sentence(kind: str, base: str, new: str, ops: tuple[tuple[str, str], ...] = (), whole: bool = False):
    """A model.SentenceChange written short: kind and ops by their names."""
    return SentenceChange(SentenceKind(kind), base, new, tuple((DiffOp(op), text) for op, text in ops), whole)


def test_text_changes_use_the_sentence_alignment_when_there_is_one(pair) -> None:
    """With TextDiff.sentences, kept runs collapse, a changed sentence is spliced or shown whole,
    added and removed ones stand on their side, and a moved one is tagged where it stood and
    where it went (listed twice, as model.SentenceChange documents)."""
    kept = [_Sentence("kept", f"第{n}句。", f"第{n}句。") for n in "一二三四五"]
    spliced = (("equal", "投入"), ("delete", "5000万元"), ("insert", "1.2亿元"), ("equal", "。"))
    items = (
        _Sentence("changed", "投入5000万元。", "投入1.2亿元。", spliced),
        *kept,
        _Sentence("changed", "旧的说法。", "完全改写的新句子。", (), whole=True),
        _Sentence("added", "", "新增的句子。"),
        _Sentence("removed", "删掉的句子。", ""),
        _Sentence("moved", "挪动的句子。", ""),
        _Sentence("moved", "", "挪动了的句子。", (("equal", "挪动"), ("insert", "了"), ("equal", "的句子。"))),
    )  # fmt: skip
    d = TextDiff(pair.diffs[0].base_section, pair.diffs[0].new_section, (), 0.5, items)
    page = comparison_html(dataclasses.replace(pair, diffs=(d,)), None, Lang.EN, "t")
    section = page[page.index('id="text-1"') :]
    p = parse(section)
    # changed; kept (context, collapsed, context); rewritten; added beside removed; moved twice
    assert p.rows["text-1-h"] == 1 + 3 + 1 + 1 + 2
    assert '<del>删掉的句子。</del></td><td lang="zh-CN"><ins>新增的句子。</ins></td></tr>' in section
    assert "<del>5000万元</del>" in section and "<ins>1.2亿元</ins>" in section
    assert "<del>旧的说法。</del>" in section and "<ins>完全改写的新句子。</ins>" in section
    assert "… 3 unchanged sentences …" in section and section.count('class="tag">moved') == 2
    assert '<span class="moved">挪动<ins>了</ins>的句子。</span>' in section  # where it went, its edit marked


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


# Appended to a COPY of the page only: the page itself holds no script. Writes what the test
# measures into the DOM, which --dump-dom then prints.
_PROBE = """<script>
const rows = {};
for (const t of document.querySelectorAll("table[aria-labelledby]")) {
  rows[t.getAttribute("aria-labelledby")] = t.tBodies[0].rows.length;
}
const out = document.createElement("pre");
out.id = "probe";
out.textContent = JSON.stringify({
  scrollWidth: document.documentElement.scrollWidth,
  clientWidth: document.documentElement.clientWidth,
  innerWidth: window.innerWidth,
  rows: rows,
});
document.body.appendChild(out);
</script>
"""


def test_page_in_headless_chromium(bundled, tmp_path: Path) -> None:
    """Rendered by chromium at 1280 px: no console error, the expected rows, no sideways scrolling
    (a 300-character unbroken label included)."""
    browser = _chromium()
    if browser is None:
        pytest.skip("no chromium or chromium-browser on PATH (.ci/run installs Debian's chromium)")
    c, cfg = bundled
    b = briefing.build(c, cfg)
    long = next(m for m in c.metrics if m.status is MetricStatus.NEW and m.new)
    assert long.new is not None
    wide = dataclasses.replace(long, new=dataclasses.replace(long.new, label="长" * 150 + "x" * 150))
    c = dataclasses.replace(c, metrics=tuple(wide if m is long else m for m in c.metrics))
    page = comparison_html(c, cfg, Lang.ZH, "compare 2020 2021")
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    args = [
        browser,
        *("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"),
        *("--disable-background-networking", "--disable-component-update", "--disable-sync"),
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1280,900",
        *("--enable-logging=stderr", "--v=0"),
        "--dump-dom",
        probe.as_uri(),
    ]
    started = time.monotonic()
    run = subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)
    elapsed = time.monotonic() - started
    assert run.returncode == 0, run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert not console, console
    found = re.search(r'<pre id="probe">(.*?)</pre>', run.stdout, re.S)
    assert found, run.stdout[-2000:]
    seen = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    print(f"chromium {elapsed:.1f} s: {seen}")
    assert seen["innerWidth"] == 1280
    assert seen["scrollWidth"] <= seen["clientWidth"], seen  # no sideways scrolling
    figures = {k: n for k, n in seen["rows"].items() if not k.startswith("text-")}
    assert figures == expected_rows(c, b)
    assert elapsed < 30
