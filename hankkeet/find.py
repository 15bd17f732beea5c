"""Finding one project by what people remember of it, in explicit tiers:

1. its id, a spelling of it (``Riihimäki`` for ``riihimaki``) or its number (``10``, ``010``);
2. an acronym or short name printed in its name or organisation (``MAGEE``, ``RISEKO``, ``Eksote``, ``FSHKY``);
3. a distinctive word of its name: one that no other project's name has (``Welcome``, ``Alipi``),
   or the start of such a word (at least four letters).

A key that fits several projects at the same tier is ambiguous: the error lists them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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


def find_project(projects: Iterable[Project], key: str) -> Project:
    """The project ``key`` names; raises UnknownProject (with candidates or the closest ids).

    One pass over ``projects`` (a stream is fine: only the ids and a few candidates are kept),
    read to its end, so a stream is checked whole whatever it holds.
    """
    import difflib

    key = clean(key)
    slug = ascii_slug(key)
    folded = fold(key)
    # A number is ASCII digits, leading zeros allowed (01 is 1); not ٠١ nor a 5,000-digit int().
    number = int(key) if key.isascii() and key.isdigit() and len(key) <= 18 else None
    exact: Project | None = None
    # Per tier: the first few projects it fits, and how many it fits.
    tiers: tuple[list[Project], list[Project], list[Project]] = ([], [], [])
    counts = [0, 0, 0]
    ids: list[str] = []
    for project in projects:
        ids.append(project.id)
        if exact is not None:
            continue
        if key == project.id or (slug and slug == project.id) or number == project.number:
            exact = project
        elif folded:
            words = _name_words(project)
            fits = (
                folded in _acronyms(project),
                folded in words,
                len(folded) >= 4 and any(w.startswith(folded) for w in words),
            )
            for tier, fit in enumerate(fits):
                if fit:
                    counts[tier] += 1
                    if len(tiers[tier]) < _SHOWN_CANDIDATES:
                        tiers[tier].append(project)
    if exact is not None:
        return exact
    for found, count in zip(tiers, counts, strict=True):
        if count == 1:
            return found[0]
        if count > 1:
            names = ", ".join(f"{p.id} ({p.name})" for p in found)
            more = f" and {count - len(found)} more" if count > len(found) else ""
            raise UnknownProject(f"{_shown(key)!r} fits {count} projects: {names}{more}; give the id")
    close = difflib.get_close_matches(slug or key, ids, n=3, cutoff=0.5)
    raise UnknownProject(f"no project with id {_shown(key)!r}", close)


_SHOWN_CANDIDATES = 8


def _shown(key: str) -> str:
    return key if len(key) <= 60 else key[:57] + "..."
