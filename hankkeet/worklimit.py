"""Bounds on the CPU time and memory of one piece of work, for the steps whose cost no input limit bounds.

Reading a PDF runs pdfminer's code, which a small file can keep busy for minutes (five
thousand empty pages), for ever (an object that refers to itself), or make build a
gigabyte of layout objects (forty megabytes of text operators). :func:`work_limit`
arms a CPU-time timer (``ITIMER_PROF``) that looks, every tenth of a second of CPU, at
the time used and at how much the resident memory has grown; past either limit the work
is interrupted with :class:`WorkTooLong` or :class:`WorkTooLarge`, both naming the limit.
The check repeats, so code that swallows one exception is still stopped. (An address-space
limit would not do: CPython aborts when an allocation fails at the wrong moment.) Outside
the main thread (no signals there) the work runs unbounded.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from hankkeet.errors import SourceError

DEFAULT_MAX_SECONDS = 20.0
_TICK = 0.1  # seconds of CPU time between two checks


class WorkTooLong(SourceError):
    """The work took more CPU time than its limit."""


class WorkTooLarge(SourceError):
    """The work needed more memory than its limit."""


def _resident() -> int | None:
    """This process's resident memory in bytes (Linux), else None."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@contextmanager
def work_limit(seconds: float, memory: int, *, advice: str = "") -> Iterator[None]:
    """While inside, at most ``seconds`` of CPU time and ``memory`` bytes of growth in resident memory."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    from hankkeet.fileio import describe_limit

    start = time.process_time()
    base = _resident()

    def check(_signum: int, _frame: Any) -> None:
        if time.process_time() - start > seconds:
            raise WorkTooLong(f"reading it took more than the limit of {seconds:g} s of CPU time; "
                              "raise it with --max-seconds S or HANKKEET_MAX_SECONDS")
        now = _resident() if base is not None else None
        if now is not None and base is not None and now - base > memory:
            raise WorkTooLarge(f"reading it needs more than the memory limit of {describe_limit(memory)}"
                               f"{advice}")

    previous = signal.signal(signal.SIGPROF, check)
    signal.setitimer(signal.ITIMER_PROF, _TICK, _TICK)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, previous)


def is_out_of_memory(exc: BaseException) -> bool:
    """``exc`` is a MemoryError, or an error raised because of one (see hankkeet.errors)."""
    from hankkeet.errors import out_of_memory

    return out_of_memory(exc)
