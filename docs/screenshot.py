"""Regenerate docs/compare-2020-2021.png: the HTML report of the bundled 2020 → 2021 reports, as
headless chromium shows it at 1280 px (the first 2000 px of the page).

    python docs/screenshot.py            # Chinese page (the default)
    python docs/screenshot.py --lang en  # English page

Needs Debian's chromium (apt-get install chromium) and a CJK font (fonts-noto-cjk or
fonts-wqy-microhei), or the Chinese text is drawn as empty boxes.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "compare-2020-2021.png"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))  # the checkout's compare, installed or not
    from compare.config import find_config, load_config
    from compare.pipeline import build_comparison
    from compare.render.html import comparison_html
    from compare.render.strings import Lang

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("screenshot: no chromium on PATH (apt-get install chromium)", file=sys.stderr)
        return 2
    fonts = shutil.which("fc-list")
    if fonts and not subprocess.run([fonts, ":lang=zh"], capture_output=True, text=True).stdout.strip():
        print("screenshot: warning: no CJK font installed; Chinese text will show as boxes", file=sys.stderr)

    reports = ROOT / "reports"
    config = load_config(find_config(None, reports))
    comparison = build_comparison("2020", "2021", reports, config=config)
    page = comparison_html(comparison, config, Lang(args.lang), "compare 2020 2021")
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "compare-2020-2021.html"
        html.write_text(page, encoding="utf-8")
        run = subprocess.run(
            [
                browser,
                *("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"),
                *("--disable-background-networking", "--disable-component-update", "--disable-sync"),
                *("--disable-dev-shm-usage", "--hide-scrollbars", f"--user-data-dir={Path(tmp) / 'profile'}"),
                "--window-size=1280,2000",
                f"--screenshot={args.out.resolve()}",
                html.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    if run.returncode != 0 or not args.out.is_file():
        print(f"screenshot: chromium failed (exit {run.returncode}):\n{run.stderr[-2000:]}", file=sys.stderr)
        return 1
    print(f"{args.out}: {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
