"""Area resolution: from a Toiminta-alue cell to regions and covered municipalities."""

from __future__ import annotations

from dataclasses import dataclass

from hankkeet.model import Coverage


@dataclass(frozen=True)
class AreaResolution:
    regions: tuple[str, ...]
    municipalities: tuple[Coverage, ...]
    unresolved: tuple[str, ...]  # area terms that matched nothing, for parse warnings


def resolve_area(area: str) -> AreaResolution:
    # Placeholder until the registry-driven resolver lands (issue 3).
    return AreaResolution(regions=(), municipalities=(), unresolved=())


def is_place(term: str) -> bool:
    """Does ``term`` (one item of an area list) name a place? Used to split a
    one-line area from the description sharing its line."""
    from hankkeet.kunnat.registry import place_keys
    from hankkeet.textnorm import fold

    key = fold(term)
    if key in place_keys():
        return True
    words = key.split(" ")
    # "Forssan seutukunta", "Oulun alue", "Porvoon seutu": a genitive and an area word.
    return len(words) == 2 and words[1] in {"seutukunta", "seutu", "alue"} and words[0].endswith("n")
