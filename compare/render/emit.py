"""emit.py: writing output: in pieces, so a reader that goes away is noticed; JSON always UTF-8."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from .. import jsonout
from ..errors import CompareError


def emit(out: TextIO, text: str | Iterable[str], utf8: bool = False) -> None:
    """Write text (a string, or pieces of one) in pieces, so a reader that goes away is noticed (exit 141).

    utf8: write UTF-8 bytes whatever the locale (JSON is always UTF-8). Other text follows the
    output's encoding, and a locale that cannot write it is a clear error, not a traceback.
    """
    binary = getattr(out, "buffer", None) if utf8 else None
    pieces = [text] if isinstance(text, str) else text
    try:
        if binary is not None:
            out.flush()
        for piece in pieces:
            if binary is not None:
                data = piece.encode("utf-8")
                for i in range(0, len(data), 65536):
                    binary.write(data[i : i + 65536])
                    binary.flush()
                continue
            for i in range(0, len(piece), 65536):
                out.write(piece[i : i + 65536])
                out.flush()
    except BrokenPipeError:
        raise  # the reader went away: exit 141, as a shell reports SIGPIPE
    except OSError as e:  # a full disk, /dev/full: an error, never a silent success
        raise CompareError(f"cannot write the output: {e.strerror or e}") from None
    except UnicodeEncodeError:
        encoding = getattr(out, "encoding", "?")
        raise CompareError(
            f"the output's encoding ({encoding}) cannot write this report's text; "
            "use a UTF-8 locale (LC_ALL=C.UTF-8) or --format json"
        ) from None


def emit_json(out: TextIO, data: Any) -> None:
    """Write data as JSON (dumps' bytes) while it is encoded: a large comparison is never one string."""
    emit(out, jsonout.chunks(data), utf8=True)


def dumps(data: Any) -> str:
    """UTF-8 JSON, not \\u-escaped, keys in the order built; byte-identical across runs."""
    return jsonout.dumps(data)
