"""workers.py: a pool of worker processes that ends with the run, whatever ends the run.

Used by the archive (pairs on all cores) and by the pipeline (a large second report read while
the first is). A SIGTERM or SIGHUP to the parent ends the workers too and is reported as a
Stopped error (exit 143 or 129); so is Ctrl-C, an error, or a reader gone.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """A worker is safe to start: this is the main thread and no other thread runs (a fork copies locks held)."""
    return threading.current_thread() is threading.main_thread() and threading.active_count() == 1


def _default_signals() -> None:
    """A worker ends on SIGTERM or SIGHUP as any process does: the parent's handler is not for it."""
    import signal

    for s in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, signal.SIG_DFL)


@contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers are ended, not waited for, when the block ends by a signal or an error."""
    import signal

    from .errors import Stopped

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_default_signals)

    def stop(signum: int, _frame: object) -> None:
        raise Stopped(f"stopped by {signal.Signals(signum).name}; the workers were ended", 128 + signum)

    in_main = threading.current_thread() is threading.main_thread()
    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGHUP)} if in_main else {}
    try:
        yield pool
    except BaseException:
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
        pool.shutdown(wait=True)  # quick, the workers being gone: the pool's thread fails what was pending
        raise
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    pool.shutdown()
