"""The pre-commit hook, run by the real pre-commit with the configuration its header documents.

Slow (pre-commit builds the hook's own environment: about a minute), so marked `slow`: the default
test run skips it and .ci/run runs it on its own (`pytest -m slow`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import DATA, ROOT

pytestmark = pytest.mark.slow

HOOKS = ROOT / ".pre-commit-hooks.yaml"


def documented_config(repo: str, rev: str) -> str:
    """The .pre-commit-config.yaml the hook file's header shows, with its repository and commit filled in."""
    header = [line[1:] for line in HOOKS.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    block = "\n".join(header).split("\n\n")[1]  # the lines between the first two blank comment lines
    config = "\n".join(line[2:] if line.startswith("  ") else line for line in block.splitlines())
    assert "repo: https://github.com/OWNER/compare" in config and "rev: COMMIT" in config
    return config.replace("https://github.com/OWNER/compare", repo).replace("COMMIT", rev) + "\n"


def test_the_documented_config_is_the_one_the_test_runs() -> None:
    """Drift guard: the header's config names the hook, pins a commit and gives only the reports as args."""
    config = documented_config("REPO", "REV")
    assert re.search(r"- id: compare-check\n\s+args: \[\"2020\", \"2021\"\]", config), config
    assert "entry: compare --check" in HOOKS.read_text(encoding="utf-8")


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}  # fmt: skip
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.mark.skipif(shutil.which("pre-commit") is None or shutil.which("git") is None, reason="needs pre-commit, git")
def test_hook_fails_on_violations_and_passes_when_waived(tmp_path: Path) -> None:
    """The documented config fails on the invented pair's violations and passes once each is waived."""
    if not (ROOT / ".git").exists():
        pytest.skip("the hook is installed from this repository's git history")
    rev = _git(ROOT, "rev-parse", "HEAD").strip()
    work = tmp_path / "reports-repo"
    shutil.copytree(DATA / "pair", work / "reports")
    (work / ".pre-commit-config.yaml").write_text(documented_config(str(ROOT), rev), encoding="utf-8")
    _git(work, "init", "-q")
    _git(work, "add", "-A")
    _git(work, "commit", "-qm", "reports")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    run = subprocess.run(["pre-commit", "run", "--all-files"], cwd=work, env=env, capture_output=True, text=True)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "check failed" in run.stdout and "Failed" in run.stdout

    (work / "compare.toml").write_text(
        '[[waive]]\nsection = "抗击疫情"\nreason = "the pandemic section ended"\n\n'
        '[[waive]]\nmetric = "命名示范职工之家"\nreason = "named every five years"\n\n'
        '[[waive]]\nmetric = "追回欠薪"\nreason = "the 2021 figure is not yet published"\n',
        encoding="utf-8",
    )
    _git(work, "add", "-A")
    _git(work, "commit", "-qm", "waivers")
    run = subprocess.run(["pre-commit", "run", "--all-files"], cwd=work, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout
