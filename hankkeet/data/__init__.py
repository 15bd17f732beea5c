"""Bundled data files; see README.md in this folder for what each is and how it is made."""

from __future__ import annotations

from pathlib import Path


def read_text(name: str) -> str:
    """The text of a bundled data file.

    A plain file read when the package lives on disk (the usual install);
    importlib.resources otherwise (e.g. a zip import). importlib.resources
    itself pulls in tempfile and zipfile, a few milliseconds on every run of
    a command-line tool, so it is only the fallback.
    """
    path = Path(__file__).with_name(name)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        from importlib import resources

        return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
