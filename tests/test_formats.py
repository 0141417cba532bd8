"""Word, PDF and HTML reports: the same report in every format gives the same sections and metrics.

The other formats are generated here, line by line, from a text report: the invented fixture
tests/data/pair/2020/report.txt and the real 2020 report with its page-break damage.
"""

from __future__ import annotations

import html
import zipfile
from pathlib import Path

import pytest

from compare import load_report
from compare.errors import ReportUnreadable

from .conftest import DATA, REPORTS

SOURCE = DATA / "pair" / "2020" / "report.txt"
REAL = REPORTS / "2020" / "report.txt"


class Layout:
    """A text report's lines, with its title and section headings as the text parser found them."""

    def __init__(self, source: Path) -> None:
        report = load_report(str(source))
        self.lines = [line.strip() for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
        self.title = report.title
        self.headings = {s.title for s in report.sections if s.kind == "section"}


def make_docx(path: Path, layout: Layout) -> Path:
    import docx

    document = docx.Document()
    for line in layout.lines:
        if line == layout.title:
            document.add_paragraph(line, style="Title")
        elif line in layout.headings:
            document.add_heading(line, level=1)
        else:
            document.add_paragraph(line)
    document.save(str(path))
    return path


def make_pdf(path: Path, layout: Layout, width: int = 30) -> Path:
    """Each paragraph wrapped at `width` characters, the way a PDF's text layer comes out."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    y = 800
    for line in layout.lines:
        for i in range(0, len(line), width):
            if y < 60:  # a page break, mid-paragraph if it falls there
                pdf.showPage()
                y = 800
            pdf.setFont("STSong-Light", 11)
            pdf.drawString(40, y, line[i : i + width])
            y -= 16
        y -= 8
    pdf.save()
    return path


def make_html(path: Path, layout: Layout) -> Path:
    body = []
    for line in layout.lines:
        tag = "h1" if line == layout.title else "h2" if line in layout.headings else "p"
        body.append(f"<{tag}>{html.escape(line)}</{tag}>")
    page = (
        "<!DOCTYPE html><html><head><title>站点标题</title><style>p{color:red}</style>"
        "<script>var x = '投入资金9亿元';</script></head><body>"
        "<nav><a href='/'>首页</a> 栏目 共有99个栏目</nav>"
        "<header>网站页眉</header><main>" + "\n".join(body) + "</main>"
        "<footer>版权所有 访问量12345次</footer></body></html>"
    )
    path.write_text(page, encoding="utf-8")
    return path


def summary(path: Path) -> tuple[object, ...]:
    report = load_report(str(path))
    sections = [(s.title, s.kind.value, s.moment) for s in report.sections]
    metrics = [(m.section, m.label, m.value, m.unit, m.qualifier.value, m.raw) for m in report.metrics]
    programs = sorted((p.name, p.section) for p in report.programs)
    return report.title, sections, metrics, programs


@pytest.mark.parametrize("source", [SOURCE, REAL], ids=["invented", "real-2020"])
@pytest.mark.parametrize("make", [make_docx, make_pdf, make_html], ids=["docx", "pdf", "html"])
def test_every_format_reads_the_same(make, source: Path, tmp_path: Path) -> None:
    """The report as .docx, .pdf or .html gives the sections, figures and programs of the .txt."""
    expected = summary(source)
    path = make(tmp_path / f"report.{make.__name__.removeprefix('make_')}", Layout(source))
    assert summary(path) == expected


def test_html_drops_scripts_styles_and_navigation(tmp_path: Path) -> None:
    """Figures in <script>, <nav> and <footer> never become metrics."""
    report = load_report(str(make_html(tmp_path / "r.html", Layout(SOURCE))))
    raws = {m.raw for m in report.metrics}
    assert "9亿元" not in raws and "99个" not in raws and "12345次" not in raws
    assert "站点标题" not in report.text


def test_scanned_pdf_without_text_needs_ocr(tmp_path: Path, run_cli) -> None:
    """A PDF with no text layer is refused with a hint to run OCR, exit 2."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 200, 200, fill=1)
    pdf.save()
    r = run_cli(str(path))
    assert r.code == 2 and "no text layer" in r.err and "OCR" in r.err


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("broken.docx", b"PK\x03\x04 this is not a zip"),
        ("notzip.docx", b"plain text pretending"),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF"),
        ("garbage.pdf", b"\x00\x01\x02" * 100),
    ],
)
def test_broken_documents_are_one_line_errors(name: str, data: bytes, tmp_path: Path) -> None:
    """A corrupt .docx or .pdf raises ReportUnreadable, never a parser's own exception."""
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReportUnreadable):
        load_report(str(path))


def test_docx_without_paragraphs(tmp_path: Path) -> None:
    """A valid .docx with no text is an error, not an empty report."""
    import docx

    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    assert zipfile.is_zipfile(path)
    with pytest.raises(ReportUnreadable, match="holds no text"):
        load_report(str(path))


def test_plain_text_run_does_not_import_document_libraries() -> None:
    """Comparing the bundled .txt reports imports no document library, no cn2an, no tabulate, no numpy."""
    import subprocess
    import sys

    code = (
        "import sys, compare\n"
        f"compare.build_comparison('2020', '2021', {str(REPORTS)!r})\n"
        "heavy = ('docx', 'pypdf', 'tabulate', 'scipy', 'numpy', 'jieba', 'cn2an', 'charset_normalizer')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_word_tables_keep_their_figures(tmp_path: Path) -> None:
    """A figure in a Word table row is read with the row's label, in body order."""
    import docx

    document = docx.Document()
    document.add_paragraph("【前言】")
    document.add_paragraph("全年工作情况如下。")
    table = document.add_table(rows=2, cols=2)
    for row, (label, value) in zip(table.rows, (("医疗互助资金", "12.5亿元"), ("法律援助", "3.4万件")), strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    document.add_paragraph("# 注意：本段以井号开头，资金1亿元。")
    path = tmp_path / "t.docx"
    document.save(str(path))
    report = load_report(str(path))
    assert [(m.label, m.raw) for m in report.metrics] == [
        ("医疗互助资金", "12.5亿元"),
        ("法律援助", "3.4万件"),
        ("本段以井号开头资金", "1亿元"),  # a two-character label borrows its clause context
    ]
    assert [s.title for s in report.sections] == ["前言"]


def test_html_line_breaks_cells_forms_and_article_headers(tmp_path: Path) -> None:
    """<br> and table cells keep a label with its figure; a page inside <form> and an article's <header> count."""
    page = (
        "<html><body><form id='form1'><header>站点名称 导航</header><article>"
        "<header><h1>年度回顾</h1></header><p>【前言】</p>"
        "<p>全年培训职工<br>\n120万人次。</p>"
        "<table><tr><td>医疗互助资金</td><td>12.5亿元</td></tr></table>"
        "</article></form></body></html>"
    )
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    report = load_report(str(path))
    assert report.title == "年度回顾"
    assert [(m.label, m.raw) for m in report.metrics] == [("培训职工", "120万人次"), ("医疗互助资金", "12.5亿元")]
    assert "站点名称" not in report.text


def test_pdf_running_headers_and_footers_are_dropped(tmp_path: Path) -> None:
    """A footer repeated on every page (with its page number) is not read as a title or a section."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    layout = Layout(SOURCE)
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "footer.pdf"
    pdf = canvas.Canvas(str(path))
    lines = [chunk for line in layout.lines for chunk in (line[i : i + 30] for i in range(0, len(line), 30))]
    per_page = 6
    for page, start in enumerate(range(0, len(lines), per_page), start=1):
        pdf.setFont("STSong-Light", 11)
        pdf.drawString(40, 820, "工人日报 2021年1月")
        y = 780
        for chunk in lines[start : start + per_page]:
            pdf.drawString(40, y, chunk)
            y -= 16
        pdf.drawString(40, 30, f"第{page}页")
        pdf.showPage()
    pdf.save()
    assert summary(path)[:2] == summary(SOURCE)[:2]


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    """A Big5 page that says so in <meta charset> is read in Big5, not refused as garbled."""
    page = (
        '<html><head><meta charset="big5"></head>'
        "<body><h1>年度回顧</h1><p>【前言】</p><p>全年培訓職工120萬人次。</p></body></html>"
    )
    path = tmp_path / "big5.html"
    path.write_bytes(page.encode("big5"))
    report = load_report(str(path))
    assert report.title == "年度回顧" and report.metrics[0].raw == "120萬人次"


def test_check_points_at_the_source_of_converted_reports(tmp_path: Path, run_cli) -> None:
    """--check names the HTML source line, the Word paragraph and the PDF page where a figure stood."""
    layout = Layout(SOURCE)
    new = DATA / "pair" / "2021"
    html_path = make_html(tmp_path / "r.html", layout)
    html_line = next(
        n for n, line in enumerate(html_path.read_text(encoding="utf-8").splitlines(), 1) if "2亿元" in line
    )
    r = run_cli(str(html_path), str(new), "--check")
    assert f"r.html:{html_line}: error: missing: 疫情防控资金 (2亿元)" in r.out

    docx_path = make_docx(tmp_path / "r.docx", layout)
    paragraph = next(n for n, line in enumerate(layout.lines, 1) if "2亿元" in line)
    r = run_cli(str(docx_path), str(new), "--check")
    assert f"r.docx:{paragraph}: error: missing: 疫情防控资金 (2亿元)" in r.out

    pdf_path = make_pdf(tmp_path / "r.pdf", layout)
    import pypdf

    pages = [p.extract_text() for p in pypdf.PdfReader(str(pdf_path)).pages]
    page = next(n for n, text in enumerate(pages, 1) if "2亿元" in text)
    r = run_cli(str(pdf_path), str(new), "--check")
    assert f"r.pdf:{page}: error: missing: 疫情防控资金 (2亿元)" in r.out
