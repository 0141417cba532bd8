"""Hostile inputs at size: each case must finish within 30 s and 1.5 GB, or be refused with exit 2.

Runs the installed `compare` (else `python -m compare`) on generated inputs under a memory limit
(RLIMIT_AS) and a time limit, and prints each case's exit code, wall time and peak memory, and
whether it met the limits. Run: python bench/bench_hostile.py [CASE ...]
"""

from __future__ import annotations

import io
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME_LIMIT = 30.0
MEMORY_LIMIT = 1536 * 1024 * 1024
REPORT_2020 = (ROOT / "reports" / "2020" / "report.txt").read_text(encoding="utf-8")


def _compare() -> list[str]:
    exe = shutil.which("compare")
    return [exe] if exe else [sys.executable, "-m", "compare"]


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def long_paragraph(tmp: Path) -> list[str]:
    path = tmp / "paragraph.txt"
    path.write_text("【前言】\n\n" + "全年共投入帮扶资金5000万元，慰问困难职工1200户，" * 3000, encoding="utf-8")
    return [str(path), str(path), "--format", "json"]


def single_line(tmp: Path) -> list[str]:
    path = tmp / "line.txt"
    body = REPORT_2020.replace("\n", "")
    path.write_text(body * (5 * 1024 * 1024 // len(body.encode("utf-8")) + 1), encoding="utf-8")
    return [str(path), "--format", "json"]


def docx_bomb(tmp: Path) -> list[str]:
    buf = io.BytesIO()
    zeros = b"\0" * (64 * 1024 * 1024)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        for k in range(10):  # 640 MB once expanded, under 1 MB as a file
            z.writestr(f"word/part{k}.xml", zeros)
    path = tmp / "bomb.docx"
    path.write_bytes(buf.getvalue())
    return [str(path)]


def _docx_paragraphs(tmp: Path, name: str, paragraph: bytes, count: int) -> list[str]:
    import docx

    template = io.BytesIO()
    docx.Document().save(template)
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template.getvalue())) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + paragraph * count, 1)
            z.writestr(info, data)
    path = tmp / name
    path.write_bytes(buf.getvalue())
    return [str(path), "--format", "json"]


def paragraph_bomb(tmp: Path) -> list[str]:
    return _docx_paragraphs(tmp, "paragraphs.docx", b"<w:p/>", 1_000_000)


def long_docx(tmp: Path) -> list[str]:
    text = "<w:p><w:r><w:t>全年共投入帮扶资金5000万元，慰问困难职工1200户。</w:t></w:r></w:p>"
    return _docx_paragraphs(tmp, "long.docx", text.encode(), 20_000)


def waivers(tmp: Path) -> list[str]:
    config = tmp / "compare.toml"
    config.write_text(
        "\n".join(f'[[waive]]\nmetric = "m{i}"\nreason = "r{i}"\n' for i in range(2000)), encoding="utf-8"
    )
    return ["2020", "2021", "--reports-dir", str(ROOT / "reports"), "--check", "--config", str(config)]


def many_sections(tmp: Path) -> list[str]:
    blocks = [f"第{i}部分工作\n\n全市新建驿站{i + 10}个，慰问职工{i + 3}万人。" for i in range(5000)]
    a, b = tmp / "sections-a.md", tmp / "sections-b.md"
    a.write_text("\n\n".join(f"## {x}" for x in blocks), encoding="utf-8")
    b.write_text("\n\n".join(f"## {x}".replace("驿站", "书屋") for x in blocks), encoding="utf-8")
    return [str(a), str(b), "--format", "json"]


def many_figures(tmp: Path) -> list[str]:
    lines = [f"第{i}类项目投入资金{i + 1}万元，培训职工{i + 2}人。" for i in range(50000)]
    a, b = tmp / "figures-a.txt", tmp / "figures-b.txt"
    a.write_text("【前言】\n\n" + "\n".join(lines), encoding="utf-8")
    b.write_text("【前言】\n\n" + "\n".join(line.replace("万元", "亿元") for line in lines), encoding="utf-8")
    return [str(a), str(b), "--format", "json"]


CASES: dict[str, Callable[[Path], list[str]]] = {
    "204 KB paragraph, 6,000 figures": long_paragraph,
    "5 MB single line": single_line,
    "docx bomb (640 MB expanded)": docx_bomb,
    "docx of 1,000,000 empty paragraphs": paragraph_bomb,
    "docx of 20,000 paragraphs": long_docx,
    "2,000 waivers": waivers,
    "5,000-section pair": many_sections,
    "100,000-figure pair": many_figures,
}


def run(name: str, make: Callable[[Path], list[str]]) -> bool:
    with tempfile.TemporaryDirectory() as tmp_dir:
        args = make(Path(tmp_dir))
        timer = ["/usr/bin/time", "-f", "PEAK %M"] if Path("/usr/bin/time").exists() else []
        t0 = time.perf_counter()
        peak = 0.0
        try:
            proc = subprocess.run(
                [*timer, *_compare(), *args], capture_output=True, timeout=TIME_LIMIT, preexec_fn=_limit
            )
            code, err = proc.returncode, proc.stderr.decode("utf-8", "replace").strip().splitlines()
            if err and err[-1].startswith("PEAK "):
                peak = int(err.pop().split()[1]) / 1024
                if err and err[-1].startswith("Command exited with non-zero status"):
                    err.pop()
        except subprocess.TimeoutExpired:
            code, err = None, ["(killed at the time limit)"]
        seconds = time.perf_counter() - t0
    refused = code == 2 and bool(err) and err[-1].startswith("compare:")
    ok = code is not None and seconds <= TIME_LIMIT and (code in (0, 1) or refused)
    tail = f"  [{err[-1][:90]}]" if err and code != 0 else ""
    verdict = "ok" if ok else "NOT MET"
    print(f"hostile: {name:<34} exit {code!s:>4}  {seconds:6.1f} s  peak {peak:6.0f} MB  {verdict}{tail}")
    return ok


def main() -> int:
    chosen = [c for c in CASES if not sys.argv[1:] or any(a in c for a in sys.argv[1:])]
    results = [run(name, CASES[name]) for name in chosen]
    print(f"hostile: {sum(results)}/{len(results)} cases within {TIME_LIMIT:.0f} s and 1.5 GB (or refused with exit 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
