"""`python -m compare` runs the CLI."""

from .cli import run

run()
