"""errors.py: the one exception family the CLI turns into `compare: ...` and exit 2.

Every input problem a user can cause is a CompareError; anything else is a bug.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # stdout closed early, as a shell reports SIGPIPE
EXIT_HANGUP = 129  # SIGHUP (a closed terminal), as a shell reports it
EXIT_TERMINATED = 143  # SIGTERM (a CI job cancelled), as a shell reports it


class CompareError(Exception):
    """An input or usage problem: printed as one line, exit code 2."""

    exit_code = EXIT_ERROR


class ReportNotFound(CompareError):
    """No report where the argument points."""


class ReportUnreadable(CompareError):
    """The report exists but cannot be read or decoded as text."""


class ConfigError(CompareError):
    """compare.toml is malformed or names something that does not exist."""


class Stopped(CompareError):
    """A signal ended the run (SIGTERM, SIGHUP): the message says which, the exit code is 128 + its number."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code
