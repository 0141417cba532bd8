"""Drift tests: the README, the example workflow and the hook stay true to the code."""

from __future__ import annotations

import re

from compare import errors

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_setup_commands() -> None:
    """The README's two set-up commands install and run the main job, and install and run the tests."""
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    first = blocks[0]
    assert "pip install . && compare 2020 2021" in first
    assert "pip install '.[test]' && pytest" in first


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run installs the test extras and runs pytest, then the gate."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet '.[test]'" in script and "\npytest\n" in script
    assert "compare 2020 2021 --check" in script


def test_exit_code_table_matches_the_code() -> None:
    """Every exit code constant appears in the README's table."""
    for code in (
        errors.EXIT_OK,
        errors.EXIT_VIOLATIONS,
        errors.EXIT_ERROR,
        errors.EXIT_INTERRUPTED,
        errors.EXIT_BROKEN_PIPE,
    ):
        assert f"\n| {code} |" in README, code
    assert f"\n| {errors.EXIT_HANGUP}, {errors.EXIT_TERMINATED} |" in README


def test_workflow_and_hook_run_the_documented_command() -> None:
    """The example workflow and the pre-commit hook run `compare BASE NEW --check` as the README shows."""
    workflow = (ROOT / ".github" / "workflows" / "report-check.yml").read_text(encoding="utf-8")
    hook = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert 'compare "$LAST" "$NEW" --check' in workflow
    assert "entry: compare --check" in hook and 'args: ["2020", "2021"]' in hook
    assert "compare 2020 2021 --check" in README and "compare-check" in README
    assert "implies `--check`" in README and "compare-reports @ git+" in workflow


def test_readme_excerpt_is_real_output() -> None:
    """The excerpt under the quick start is the first lines `compare 2020 2021` prints at 90 columns."""
    import os
    import subprocess
    import sys

    block = README.split("```\n╭─ Summary", 1)[1].split("\n…\n```", 1)[0]
    excerpt = ("╭─ Summary" + block).splitlines()
    env = {**os.environ, "COLUMNS": "90", "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    out = subprocess.run([sys.executable, "-m", "compare", "2020", "2021"], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert [line.rstrip() for line in out.splitlines()[: len(excerpt)]] == excerpt
