"""Finding one project by what people remember of it, in explicit tiers:

1. its id, a spelling of it (``Riihimäki`` for ``riihimaki``) or its number (``10``, ``010``);
2. an acronym or short name printed in its name or organisation (``MAGEE``, ``RISEKO``, ``Eksote``, ``FSHKY``);
3. a distinctive word of its name: one that no other project's name has (``Welcome``, ``Alipi``),
   or the start of such a word (at least four letters).

A key that fits several projects at the same tier is ambiguous: the error lists them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hankkeet.errors import UnknownProject
from hankkeet.model import Project
from hankkeet.textnorm import ascii_slug, clean, fold

_WORD = re.compile(r"\w+")
# An acronym or short name: two or more capitals, or a capitalised word after the
# organisation's comma (``…kuntayhtymä, Eksote``).
_ACRONYM = re.compile(r"\b[A-ZÅÄÖ]{2,}[A-ZÅÄÖa-zåäö]*\b")


def _acronyms(p: Project) -> set[str]:
    found = {fold(a) for a in _ACRONYM.findall(p.name)} | {fold(a) for a in _ACRONYM.findall(p.organisation)}
    _, comma, short = p.organisation.rpartition(",")
    if comma and short.strip() and len(short.split()) <= 3:
        found.add(fold(short))
    return found


def _name_words(p: Project) -> set[str]:
    return {w for w in _WORD.findall(fold(p.name)) if len(w) >= 3}


def find_project(projects: Sequence[Project], key: str) -> Project:
    """The project ``key`` names; raises UnknownProject (with candidates or the closest ids)."""
    import difflib

    key = clean(key)
    slug = ascii_slug(key)
    folded = fold(key)
    # A number is ASCII digits, leading zeros allowed (01 is 1); not ٠١ nor a 5,000-digit int().
    number = int(key) if key.isascii() and key.isdigit() and len(key) <= 18 else None
    for project in projects:
        if key == project.id or (slug and slug == project.id) or number == project.number:
            return project
    if folded:
        tiers = (
            [p for p in projects if folded in _acronyms(p)],
            [p for p in projects if folded in _name_words(p)],
            [p for p in projects if len(folded) >= 4 and any(w.startswith(folded) for w in _name_words(p))],
        )
        for found in tiers:
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                names = ", ".join(f"{p.id} ({p.name})" for p in found[:8])
                more = f" and {len(found) - 8} more" if len(found) > 8 else ""
                raise UnknownProject(f"{_shown(key)!r} fits {len(found)} projects: {names}{more}; give the id")
    ids = [p.id for p in projects]
    close = difflib.get_close_matches(slug or key, ids, n=3, cutoff=0.5)
    raise UnknownProject(f"no project with id {_shown(key)!r}", close)


def _shown(key: str) -> str:
    return key if len(key) <= 60 else key[:57] + "..."
