"""formats.py: Word, PDF and HTML reports turned into report text (part of the load stage).

Each reader returns (text, structured, source_lines): structured text marks headings with `#`
the way a Markdown report does; source_lines says, for each line of text, where it stood in
the file (the HTML source line, the Word paragraph, the PDF page), for --check to point at.
The heavy libraries (python-docx, pypdf) are imported only when such a file is read, so
plain-text runs never pay for them.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from html.parser import HTMLParser

from .errors import ReportUnreadable

Converted = tuple[str, bool, tuple[int, ...]]
PARAGRAPH_BYTES = 256  # a .docx may hold one paragraph per this many bytes of COMPARE_MAX_MB (204,800 at 50 MB)


def _join(blocks: list[tuple[int, str]]) -> tuple[str, tuple[int, ...]]:
    """Blocks separated by blank lines, and each text line's place in the source."""
    lines: list[str] = []
    places: list[int] = []
    for place, text in blocks:
        if lines:
            lines.append("")
            places.append(place)
        for line in text.split("\n"):
            lines.append(line)
            places.append(place)
    return "\n".join(lines), tuple(places)


def read_docx(data: bytes, name: str) -> Converted:
    """Paragraphs in order; Title and Heading styles become # headings."""
    try:
        import docx
    except ImportError:  # pragma: no cover - a declared dependency
        raise ReportUnreadable(f"{name}: reading .docx needs python-docx (pip install python-docx)") from None
    _refuse_zip_bomb(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = list(_docx_blocks(document))
    except Exception as e:  # the parser raises zip, XML and key errors alike on a broken file
        raise ReportUnreadable(f"{name}: not a readable .docx ({type(e).__name__}); re-save it from Word") from None
    blocks: list[tuple[int, str]] = []
    structured = False
    for number, (style, text) in enumerate(paragraphs, start=1):
        text = text.strip()
        if not text:
            continue
        level = _heading_level(style or "")
        if level:
            structured = True
            blocks.append((number, "#" * level + " " + " ".join(text.split())))
        else:
            blocks.append((number, _not_a_heading(text)))
    text, places = _join(blocks)
    return text, structured, places


def _refuse_zip_bomb(data: bytes, name: str) -> None:
    """A .docx is a zip: what it expands to, and its paragraphs, are capped (COMPARE_MAX_MB) before parsing."""
    import zipfile

    from .load import max_bytes

    limit = max_bytes()
    paragraphs = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            expanded = sum(info.file_size for info in z.infolist())
            members = len(z.infolist())
            if expanded > limit or members > 10000:
                raise ReportUnreadable(
                    f"{name} expands to {expanded / 1048576:.0f} MB in {members} parts, over the "
                    f"{limit / 1048576:g} MB limit; raise it with COMPARE_MAX_MB if this is really a report"
                )
            for info in z.infolist():
                if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                    xml = z.read(info)
                    paragraphs += xml.count(b"<w:p>") + xml.count(b"<w:p ") + xml.count(b"<w:p/>")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError):
        raise ReportUnreadable(f"{name}: not a readable .docx (not a zip archive); re-save it from Word") from None
    # a paragraph costs the parser far more than its bytes: a few KB of empty ones is a bomb
    most = limit // PARAGRAPH_BYTES
    if paragraphs > most:
        raise ReportUnreadable(
            f"{name} holds {paragraphs:,} paragraphs, over the {most:,} a report within "
            f"{limit / 1048576:g} MB may hold; raise COMPARE_MAX_MB if this is really a report"
        )


def _docx_blocks(document: object) -> Iterator[tuple[str, str]]:
    """(style, text) of each paragraph in body order; a table row is one line of its cells.

    Style names come from one table of the document's styles, read once: python-docx's
    Paragraph.style looks up a paragraph with no style of its own by scanning every style, about
    2 ms a paragraph (a report of 20,000 short paragraphs took 40 s, a 37 KB file of empty ones 8 min).
    """
    from docx.table import Table

    names = {s.style_id: s.name for s in document.styles}  # type: ignore[attr-defined]
    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                        cells.append(text)
                yield "", _row(cells)
        else:
            yield names.get(block._p.style) or "", block.text  # _p.style: the paragraph's own style id


def _row(cells: list[str]) -> str:
    """A table row as one line, closed with 。 so it is never joined to the next like a page-break split."""
    line = " ".join(cells)
    return line if not line or line.endswith(("。", "；", "！", "？")) else line + "。"


def _not_a_heading(text: str) -> str:
    """Body text that happens to start with # must not read as a Markdown heading."""
    return "＃" + text[1:] if text.startswith("#") else text


def _heading_level(style: str) -> int:
    """Word's Title is level 1; Heading N is level N+1 (capped at 6); other styles are body text."""
    lowered = style.lower()
    if lowered == "title":
        return 1
    m = re.match(r"heading\s*(\d)", lowered)
    return min(int(m.group(1)) + 1, 6) if m else 0


def read_pdf(data: bytes, name: str) -> Converted:
    """The text layer, page after page; page-break splits are repaired later, as for text."""
    try:
        import pypdf
    except ImportError:  # pragma: no cover - a declared dependency
        raise ReportUnreadable(f"{name}: reading .pdf needs pypdf (pip install pypdf)") from None
    from .load import max_bytes

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-PDF chatter is not the user's business
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReportUnreadable(f"{name}: the PDF is password-protected; save an unprotected copy")
        if len(reader.pages) > 20000:
            raise ReportUnreadable(f"{name}: {len(reader.pages)} pages is more than a report holds")
        pages = []
        budget = max_bytes()  # what the pages' text may add up to, like any report (COMPARE_MAX_MB)
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            budget -= len(pages[-1]) * 3
            if budget < 0:
                raise ReportUnreadable(
                    f"{name}: its text runs past the {max_bytes() / 1048576:g} MB limit; "
                    "raise it with COMPARE_MAX_MB if this is really a report"
                )
    except ReportUnreadable:
        raise
    except pypdf.errors.DependencyError:
        raise ReportUnreadable(
            f"{name}: the PDF is AES-encrypted; install the cryptography package, or save an unencrypted copy"
        ) from None
    except Exception as e:  # pypdf raises many kinds of error on a damaged file
        raise ReportUnreadable(f"{name}: not a readable PDF ({type(e).__name__})") from None
    if not "".join(pages).strip():
        raise ReportUnreadable(f"{name}: the PDF has no text layer (a scan?); run OCR on it first")
    kept = _drop_running_lines(pages)
    lines = [(page, line) for page, text in enumerate(kept, start=1) for line in text.split("\n")]
    return "\n".join(line for _, line in lines), False, tuple(page for page, _ in lines)


def _drop_running_lines(pages: list[str]) -> list[str]:
    """Remove running headers and footers: lines that recur on most pages once digits are ignored."""
    if len(pages) < 3:
        return pages
    shape = re.compile(r"\d+")
    seen: dict[str, int] = {}
    for page in pages:
        for key in {shape.sub("#", line.strip()) for line in page.splitlines() if line.strip()}:
            seen[key] = seen.get(key, 0) + 1
    running = {key for key, n in seen.items() if n >= max(3, (len(pages) + 1) // 2) and len(key) <= 40}
    return ["\n".join(line for line in page.splitlines() if shape.sub("#", line.strip()) not in running)
            for page in pages]  # fmt: skip


_SKIP = {"script", "style", "nav", "footer", "aside", "noscript", "template", "svg", "head", "menu", "button"}
_CONTENT = {"article", "main"}  # inside these, a <header> holds the article's own title
_BLOCK = {
    "p", "div", "li", "tr", "section", "article", "main", "blockquote", "pre", "ul", "ol",
    "table", "hr", "dd", "dt", "figcaption", "header",
}  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# A line break in the page's source between two CJK characters is formatting, not a space.
_CJK_BREAK = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \t]*\n\s*(?=[\u3000-\u9fff\uff00-\uffef\d])")


class _HtmlText(HTMLParser):
    """Collects headings and paragraphs, dropping scripts, styles and navigation."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.content = 0
        self.in_row = False
        self.heading = 0
        self.parts: list[str] = []
        self.blocks: list[tuple[int, str]] = []
        self.block_line = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CONTENT:
            self.content += 1
        if tag in _SKIP or (tag == "header" and not self.content):
            self.skip += 1
        elif tag == "br":
            self.parts.append("\n")  # a soft break: 全年培训职工<br>120万人次 stays one paragraph
        elif tag in ("td", "th"):
            self.parts.append(" ")  # the cells of a row read as one line
            self.in_row = True
        elif tag in _HEADINGS or tag in _BLOCK:
            self.flush()
            if tag in _HEADINGS:
                self.heading = _HEADINGS[tag]

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP or (tag == "header" and not self.content):
            self.skip = max(0, self.skip - 1)
        elif tag in _HEADINGS or tag in _BLOCK:
            self.flush()
        if tag in _CONTENT:
            self.content = max(0, self.content - 1)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            if not self.block_line and data.strip():
                self.block_line = self.getpos()[0]
            self.parts.append(data)

    def flush(self) -> None:
        text = " ".join(_CJK_BREAK.sub("", "".join(self.parts)).split())
        if self.in_row:
            text = _row([text])
            self.in_row = False
        if text:
            line = "#" * self.heading + " " + text if self.heading else _not_a_heading(text)
            self.blocks.append((self.block_line, line))
        self.parts = []
        self.heading = 0
        self.block_line = 0


def read_html(text: str) -> Converted:
    """Headings (h1-h6) and paragraphs of a web page; scripts, styles and navigation dropped."""
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    parser.flush()
    structured = any(b.startswith("#") for _, b in parser.blocks)
    joined, places = _join(parser.blocks)
    return joined, structured, places
