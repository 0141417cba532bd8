"""cli.py: the typer shell. Parses arguments, runs the pipeline, renders, sets the exit code.

Exit codes (a contract for CI scripts):
  0  ok (and, with --check, nothing failed)
  1  --check found violations
  2  usage or input error: bad option, missing or unreadable report, bad compare.toml
  130 interrupted (Ctrl-C)
  141 stdout closed early (compare ... | head), as a shell reports SIGPIPE
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, TextIO

import typer
from typer._click import exceptions as click_exceptions

from . import __version__
from .errors import EXIT_BROKEN_PIPE, EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, EXIT_VIOLATIONS, CompareError
from .normalize import visible
from .render import Format, Only, View
from .render.strings import Lang
from .render.strings import resolve as resolve_lang

if TYPE_CHECKING:
    from .config import Config
    from .model import Comparison

HELP = """Set this year's narrative report beside last year's.

\b
  compare 2020             one report, normalized: sections, figures, programs
  compare 2020 2021        what changed: sections, programs, figures, text
  compare 2020 2021 --check    CI gate: exit 1 when a 2020 figure is missing in 2021
  compare --all            every consecutive pair of years, on all cores

\b
A REPORT is a year (resolved under --reports-dir) or a path to a report file or folder.

\b
Exit codes: 0 ok · 1 --check found violations · 2 usage or input error · 130 interrupted.
"""

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


def _version(value: bool) -> None:
    if value:
        print(f"compare {__version__}")
        raise typer.Exit(EXIT_OK)


@app.command(help=HELP, no_args_is_help=True)
def main(
    reports: Annotated[
        Optional[list[str]], typer.Argument(metavar="REPORT...", help="Years or paths: BASE [NEW ...].")
    ] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.RICH,
    reports_dir: Annotated[
        Optional[Path],
        typer.Option("--reports-dir", envvar="COMPARE_REPORTS_DIR", help="Folder of <year>/ report folders."),
    ] = None,
    config: Annotated[
        Optional[Path],
        typer.Option("--config", help="compare.toml (default: in or beside the reports folder)."),
    ] = None,
    only: Annotated[Optional[Only], typer.Option("--only", help="Show one part of the comparison.")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show scores and evidence behind each pairing.")] = False,
    html: Annotated[
        Optional[Path],
        typer.Option(
            "--html",
            help="Also write the view as a self-contained HTML page (an existing file is replaced; "
            "a report, compare.toml or a read-only file is refused).",
        ),
    ] = None,
    xlsx: Annotated[
        Optional[Path],
        typer.Option(
            "--xlsx",
            help="Also write an Excel workbook: summary, figures, sections, programs, targets, waived "
            "(an existing file is replaced; a report, compare.toml or a read-only file is refused).",
        ),
    ] = None,
    all_years: Annotated[
        bool, typer.Option("--all", help="Compare every consecutive pair of years in the reports folder.")
    ] = False,
    check: Annotated[
        bool, typer.Option("--check", help="CI gate: exit 1 when a BASE figure is missing or pending in NEW.")
    ] = False,
    fail_on: Annotated[
        Optional[str],
        typer.Option("--fail-on", help="What fails --check: missing,pending,dropped-section,unit-change."),
    ] = None,
    junit: Annotated[
        Optional[Path], typer.Option("--junit", help="Write the check as JUnit XML here (implies --check).")
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Neither read nor store the result in the user's cache folder."),
    ] = False,
    lang: Annotated[
        Lang,
        typer.Option("--lang", help="Words of the views: zh or en (auto: from LC_ALL, LC_MESSAGES or LANG)."),
    ] = Lang.AUTO,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Never page the terminal view (it is paged only on a terminal).")
    ] = False,
    context: Annotated[
        Optional[int],
        typer.Option("--context", min=0, max=1000, help="Unchanged sentences shown around each text change [1]."),
    ] = None,
    no_bom: Annotated[
        bool, typer.Option("--no-bom", help="CSV without the UTF-8 byte-order mark Excel needs.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    from .config import find_config, load_config
    from .load import reports_dir as resolve_reports_dir
    from .pipeline import build_comparison, load_report
    from .render import render

    out = sys.stdout
    reports = reports or []
    try:
        if out is None or getattr(out, "closed", False):
            raise CompareError("standard output is closed; there is nowhere to write the result")
        if fail_on is not None and not (check or junit):
            raise CompareError("--fail-on applies to --check; add --check")
        given = {
            "--only": only is not None,
            "--explain": explain,
            "--html": html is not None,
            "--xlsx": xlsx is not None,
            "--junit": junit is not None,
            "--no-cache": no_cache,
            "--config": config is not None,
            "--no-pager": no_pager,
            "--no-bom": no_bom,
            "--context": context is not None,
        }
        refuse_inapplicable(mode_of(reports, all_years, check or junit is not None), given, format, only,
                            (html, xlsx, junit))  # fmt: skip
        view = View(only, explain, None, lang, not no_pager, not no_bom, context or 1)
        if all_years:
            if reports:
                raise CompareError("--all compares every year in the reports folder; give no REPORT with it")
            raise typer.Exit(_run_archive(resolve_reports_dir(reports_dir), config, check, fail_on, format, out, view))
        if not reports:
            raise CompareError("give a REPORT (a year or a path), or --all; see compare --help")
        if (check or junit or fail_on) and len(reports) != 2:
            raise CompareError("--check, --fail-on and --junit compare exactly two reports: BASE NEW")
        if len(reports) == 1:
            report = load_report(reports[0], reports_dir)
            render(report, format, out, view)
            return
        config_path = find_config(config, resolve_reports_dir(reports_dir))
        if html or junit or xlsx:  # nothing the user owns is written over: checked before any work
            from .load import locate

            inputs = [locate(r, resolve_reports_dir(reports_dir)).path for r in reports]
            inputs += [config_path] if config_path else []
            for target in (html, junit, xlsx):
                if target:
                    check_output(target, inputs)
        cfg = load_config(config_path)
        if len(reports) > 2:
            from .trend import build_trend

            with progress(" → ".join(visible(r) for r in reports)):
                loaded = [load_report(r, reports_dir) for r in reports]
                trend = build_trend(loaded, cfg)
            render(trend, format, out, View(config=cfg, lang=lang, bom=not no_bom))
            return
        cache = None
        if not no_cache:
            from .cache import ResultCache, default_dir

            cache = ResultCache.open(default_dir(), resolve_reports_dir(reports_dir))
        with progress(f"{visible(reports[0])} → {visible(reports[1])}"):
            comparison = build_comparison(reports[0], reports[1], reports_dir, config=cfg, cache=cache)
        if html:
            from .render.html import comparison_html

            title = f"compare {' '.join(visible(r) for r in reports)}"  # a file name may hold any byte
            write_atomic(html, comparison_html(comparison, cfg, resolve_lang(lang), title, explain))
        if xlsx:
            from .render.sheets import comparison_xlsx

            write_atomic(xlsx, comparison_xlsx(comparison, cfg, resolve_lang(lang)))
        if check or junit:
            raise typer.Exit(_run_check(comparison, cfg, fail_on, junit, format, out))
        render(comparison, format, out, View(only, explain, cfg, lang, not no_pager, not no_bom, context or 1))
    except CompareError as e:
        if debug:
            raise
        _fail(str(e), e.exit_code)
    except BrokenPipeError:
        # typer would turn this into exit 1 ("violations") before run() sees it
        raise typer.Exit(_reader_gone()) from None


# Which options each mode accepts; an option given where it does not apply is refused (exit 2),
# never silently ignored. --format, --reports-dir, --lang and --debug apply everywhere.
MODES: dict[str, frozenset[str]] = {
    "report": frozenset({"--no-pager", "--no-bom"}),
    "compare": frozenset(
        {"--only", "--explain", "--html", "--xlsx", "--no-cache", "--config", "--no-pager", "--no-bom", "--context"}
    ),
    "trend": frozenset({"--config", "--no-bom"}),
    "archive": frozenset({"--config", "--no-bom"}),
    "check": frozenset({"--html", "--xlsx", "--junit", "--no-cache", "--config"}),
}
MODE_NAMES = {
    "report": "one report (compare BASE)",
    "compare": "a comparison (compare BASE NEW)",
    "trend": "a trend (three or more reports)",
    "archive": "--all",
    "check": "--check",
}
CHECK_FORMATS = (Format.RICH, Format.PLAIN, Format.JSON)


def mode_of(reports: list[str], all_years: bool, check: bool) -> str:
    if all_years:
        return "archive"
    if check:
        return "check"
    return {0: "compare", 1: "report", 2: "compare"}.get(len(reports), "trend")


def refuse_inapplicable(
    mode: str, given: dict[str, bool], fmt: Format, only: Only | None = None, outputs: tuple[Path | None, ...] = ()
) -> None:
    """A one-line usage error for the first option given that the mode does not use."""
    for flag, present in given.items():
        if present and flag not in MODES[mode]:
            hint = "; run it on one pair of years" if mode == "archive" else ""
            raise CompareError(f"{flag} does not apply to {MODE_NAMES[mode]}{hint}")
    if mode == "check" and fmt not in CHECK_FORMATS:
        raise CompareError(f"--check prints its findings as rich, plain or json, not {fmt.value}")
    if given.get("--no-bom") and fmt is not Format.CSV:
        raise CompareError("--no-bom applies to --format csv")
    if only is Only.TEXT and fmt is Format.CSV:
        raise CompareError("--only text has no table form; use --format rich, plain or markdown")
    files = [path for path in outputs if path is not None]
    for k, path in enumerate(files):
        if any(_same_path(path, other) for other in files[:k]):
            raise CompareError(f"{visible(str(path))} is named for two outputs; give each its own file")


def _run_archive(
    root: Path, config: Path | None, check: bool, fail_on: str | None, fmt: Format, out: TextIO, view: View
) -> int:
    """Every consecutive pair of years, on all cores, with a progress bar on a terminal.

    Each pair's result is written (JSON) or reduced to its table row as it comes, never all held.
    """
    from dataclasses import replace

    from .archive import PairResult, iter_archive
    from .archive import plan as plan_archive
    from .checks import parse_fail_on
    from .config import find_config
    from .render import render

    parse_fail_on(fail_on)  # a bad rule name fails before any work starts
    config_path = find_config(config, root)
    jobs, notes = plan_archive(root)
    for note in notes:
        print(f"compare: not compared: {visible(note)}", file=sys.stderr)
    errors: list[str] = []
    failed = False

    def noted(results: Iterator[PairResult]) -> Iterator[PairResult]:
        nonlocal failed
        for r in results:
            if r.error:
                errors.append(r.error)
            failed = failed or r.check_ok is False
            yield r if fmt is Format.JSON else replace(r, metrics=[])  # a table row needs no figures

    config_arg = str(config_path) if config_path else None
    if _stderr_is_terminal():
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("comparing", total=len(jobs))
            stream = iter_archive(jobs, config_arg, check, fail_on, progress=lambda _: bar.advance(task))
            with contextlib.closing(stream):  # stopped while writing: the workers end too
                render(noted(stream), fmt, out, view)
    else:
        stream = iter_archive(jobs, config_arg, check, fail_on)
        with contextlib.closing(stream):
            render(noted(stream), fmt, out, view)
    for error in errors:
        print(f"compare: {visible(error)}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    return EXIT_VIOLATIONS if failed else EXIT_OK


def _run_check(
    comparison: Comparison, cfg: Config, fail_on: str | None, junit: Path | None, fmt: Format, out: TextIO
) -> int:
    """Apply the CI policy, print it for people or for GitHub, write JUnit; return the exit code."""
    import datetime as dt
    import time

    from .checks import find_violations, parse_fail_on
    from .ci import check_dict, github_annotations, junit_xml, plain_report, step_summary
    from .render import emit, emit_json

    started = time.perf_counter()
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    result = find_violations(comparison, cfg, parse_fail_on(fail_on))
    if junit:
        write_atomic(junit, junit_xml(result, time.perf_counter() - started, stamp))
    if fmt is Format.JSON:
        emit_json(out, check_dict(result))
    elif os.environ.get("GITHUB_ACTIONS") == "true":
        summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
        emit(out, github_annotations(result, summary=bool(summary_path)))
        if summary_path:
            try:
                with open(summary_path, "a", encoding="utf-8") as f:
                    f.write(step_summary(result))
            except OSError as e:
                print(f"compare: cannot append to GITHUB_STEP_SUMMARY ({e.strerror})", file=sys.stderr)
    else:
        emit(out, plain_report(result))
    return EXIT_OK if result.ok else EXIT_VIOLATIONS


@contextlib.contextmanager
def progress(what: str, after: float = 1.0) -> Iterator[None]:
    """A spinner on stderr (a terminal only) once the work has taken `after` seconds; gone when it ends.

    Rich is imported only when the spinner shows, so a quick run pays nothing for it.
    """
    if not _stderr_is_terminal():
        yield
        return
    import threading

    lock = threading.Lock()
    shown: list[Any] = []
    done = False

    def show() -> None:
        from rich.console import Console
        from rich.text import Text

        with lock:
            if done:
                return
            status = Console(stderr=True).status(Text(f"comparing {what}…"))  # a path is text, not markup
            status.start()
            shown.append(status)

    timer = threading.Timer(after, show)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            done = True
            for status in shown:
                status.stop()


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def _same_path(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def check_output(path: Path, inputs: list[Path]) -> None:
    """Refuse, before any work, an output that would overwrite a report being read or a read-only file."""
    try:
        exists = path.exists()
        for source in inputs:
            if exists and source.exists() and os.path.samefile(path, source):
                raise CompareError(f"{visible(str(path))} is one of the reports being compared; write elsewhere")
        if exists and path.resolve().is_file() and not (path.stat().st_mode & 0o222):
            raise CompareError(f"{visible(str(path))} is read-only; it is not replaced")
    except OSError as e:
        raise CompareError(f"cannot write {visible(str(path))}: {e.strerror or e}") from None


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write via a temporary file and a rename, so an interrupted run leaves no half-written file.

    A symlink's target is written (the link stays); a device, pipe or socket is written into
    directly, never renamed over.
    """
    import stat
    import tempfile

    if path.is_dir():
        raise CompareError(f"{path} is a folder; give a file name to write")
    try:
        mode = path.stat().st_mode if path.exists() else None  # follows a symlink to what it names
    except OSError:
        mode = None
    if mode is not None and stat.S_ISREG(mode) and path.is_symlink():
        path = path.resolve()  # replace the file the link names; the link stays
    data = text if isinstance(text, bytes) else text.encode("utf-8", "replace")
    if mode is not None and not stat.S_ISREG(mode):
        try:
            with open(path, "wb") as f:
                f.write(data)
        except OSError as e:
            raise CompareError(f"cannot write {visible(str(path))}: {e.strerror or e}") from None
        return
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise CompareError(f"cannot write {path}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        if mode is not None:
            os.chmod(tmp, stat.S_IMODE(mode))  # a file replaced keeps its permissions (a private one stays private)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a new file should read like any other
        os.replace(tmp, path)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(e, OSError):
            raise CompareError(f"cannot write {path}: {e.strerror or e}") from None
        raise


def _fail(message: str, code: int) -> None:
    with contextlib.suppress(OSError, AttributeError, ValueError):  # stderr closed or full: the code still tells
        print(f"compare: {visible(message)}", file=sys.stderr)
    raise typer.Exit(code)


def _reader_gone() -> int:
    """The reader went away (compare ... | head): silence stdout, exit as a shell reports SIGPIPE."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_BROKEN_PIPE


def run(argv: list[str] | None = None) -> None:
    """Console entry point: one-line usage errors, exit codes as documented above."""
    # One short run that builds no reference cycles: the cyclic collector's passes over a large
    # comparison's objects would free nothing and cost a third of the time (pipeline.paused_gc).
    collecting = gc.isenabled()
    gc.disable()
    try:
        code = app(args=argv, prog_name="compare", standalone_mode=False)
    except click_exceptions.NoArgsIsHelpError as e:
        print(e.format_message(), file=sys.stderr)  # bare `compare`: the help, as a usage error
        code = EXIT_ERROR
    except click_exceptions.UsageError as e:
        hint = " (see compare --help)"
        print(f"compare: {visible(e.format_message())}{hint}", file=sys.stderr)
        code = EXIT_ERROR
    except click_exceptions.ClickException as e:
        print(f"compare: {visible(e.format_message())}", file=sys.stderr)
        code = EXIT_ERROR
    except (typer.Abort, KeyboardInterrupt):
        code = EXIT_INTERRUPTED
    except BrokenPipeError:
        code = _reader_gone()
    finally:
        if collecting:
            gc.enable()
    sys.exit(code if isinstance(code, int) else EXIT_OK)
