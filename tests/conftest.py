"""Shared helpers: run the CLI in-process and capture its exit code and streams."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from compare import cli
from compare.config import Config, find_config, load_config
from compare.model import Comparison
from compare.pipeline import build_comparison

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test (and each CLI it starts) keeps its result cache in a folder of its own, never the user's."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("COMPARE_CACHE_DIR", str(folder))
    return folder


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Call compare's entry point with argv; return (exit code, stdout, stderr)."""
    monkeypatch.setenv("COLUMNS", "120")
    for name in ("LC_ALL", "LC_MESSAGES"):  # the views speak English unless a test sets a Chinese locale
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)

    def invoke(*argv: str) -> Result:
        with pytest.raises(SystemExit) as exc:
            cli.run(list(argv))
        captured = capsys.readouterr()
        code = exc.value.code
        return Result(code if isinstance(code, int) else 0, captured.out, captured.err)

    return invoke


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture(scope="session")
def bundled() -> tuple[Comparison, Config]:
    """The bundled 2020 → 2021 reports with their compare.toml (every missing figure waived, 9 pending)."""
    config = load_config(find_config(None, REPORTS))
    return build_comparison("2020", "2021", REPORTS, config=config), config


@pytest.fixture(scope="session")
def pair() -> Comparison:
    """tests/data/pair: a changed, a rescaled, an approximate, a pending, a missing and a new figure."""
    return build_comparison("2020", "2021", DATA / "pair", config=Config())
