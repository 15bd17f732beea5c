"""One exception hierarchy for everything a user can get wrong.

The CLI turns any HankkeetError into a one-line message on stderr and its
``exit_code``; anything else is an internal error.
"""

from __future__ import annotations

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
