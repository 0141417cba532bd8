"""Print pip constraints pinning every runtime dependency to the lower bound pyproject.toml declares.

.ci/run installs the project with these constraints and runs the tests, so a floor the code does
not work with fails CI. A dependency with no `>=` bound is an error: every floor must be stated.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

pyproject = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
for requirement in pyproject["project"]["dependencies"]:
    found = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9][0-9A-Za-z.]*)(\s*,.*)?(\s*;.*)?", requirement)
    if not found:
        sys.exit(f"floors: {requirement!r} states no lower bound (name>=version)")
    print(f"{found[1]}=={found[2]}")
