"""One exception hierarchy for everything a user can get wrong.

The CLI turns any HankkeetError into a one-line message on stderr and its
``exit_code``; anything else is an internal error.
"""

from __future__ import annotations

import os

EXIT_OK = 0
EXIT_NO_RESULTS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
# parse --keep-going wrote the rows it read, but some rows of the document are missing.
EXIT_PARTIAL = 4


class HankkeetError(Exception):
    """Bad input: a clear message for the user, never a traceback."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DataError(HankkeetError):
    """A snapshot file is missing, unreadable or not of the expected shape."""


class SourceError(HankkeetError):
    """A source document (text or PDF) cannot be turned into projects."""


class InputTooLarge(SourceError):
    """A file, or a PDF's inflated streams, exceed the input limit."""


class OutputError(HankkeetError):
    """An output file or stream cannot be written (full disk, a closed stream, ...)."""


class NotFoundError(HankkeetError):
    """An identifier or name matched nothing; carries the closest candidates."""

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        self.suggestions = list(suggestions or [])
        if self.suggestions:
            message = f"{message}; did you mean: {', '.join(self.suggestions)}?"
        super().__init__(message)


class UnknownProject(NotFoundError):
    pass


class UnknownMunicipality(NotFoundError):
    pass


class UnknownRegion(NotFoundError):
    pass


# What the dynamic loader says when mmap finds no room (ENOMEM) for a shared library.
_NO_ROOM_TO_MAP = "failed to map segment"


def out_of_memory(exc: BaseException) -> bool:
    """``exc`` is a MemoryError, or an error raised because of one: also an extension module that
    could not be loaded for want of address space ("failed to map segment from shared object")."""
    seen: BaseException | None = exc
    for _ in range(100):  # (a chain is short; a cycle made by hand ends too)
        if seen is None:
            break
        if isinstance(seen, MemoryError) or (isinstance(seen, ImportError) and _NO_ROOM_TO_MAP in str(seen)):
            return True
        seen = seen.__cause__ or seen.__context__
    return isinstance(exc, (SystemError, ImportError, OSError)) and _near_address_limit()


# Room left below an address-space limit (ulimit -v) within which an unexpected failure (CPython's
# "error return without exception set", a library that cannot be loaded) is taken as out of memory.
_NEAR_LIMIT = 16 << 20


def _near_address_limit() -> bool:
    """Whether this process's address space is within _NEAR_LIMIT of its limit (Linux; else False)."""
    try:
        with open("/proc/self/limits", encoding="ascii") as limits:
            line = next(line for line in limits if line.startswith("Max address space"))
        soft = line.split()[3]
        if not soft.isdigit():  # unlimited
            return False
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE") + _NEAR_LIMIT >= int(soft)
    except (OSError, ValueError, StopIteration, IndexError, MemoryError):
        return False
