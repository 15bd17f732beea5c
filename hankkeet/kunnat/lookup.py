"""Find a municipality (or a region) from what a person typed.

In the spirit of ``pycountry.lookup``, but with explicit tiers, tried in order,
so that callers can say *how* the input was understood:

``code``       ``091``, ``91``, ``KU091``
``name``       the Finnish or Swedish name, any case, NFC or NFD
``folded``     the same without diacritics or punctuation (``Mantsala``, ``St. Michel``)
``former``     a municipality merged into another (``Honkajoki`` → Kankaanpää)
``alias``      an abbreviation from ``data/kunnat-aliases.csv`` (``Uki``)
``inflected``  a Finnish case form (``Lopella``, ``Helsingissä``, ``Espoon kaupunki``)
``fuzzy``      a typo (``Tampre``), above a confidence threshold

Indexes are built once, lazily, on first use. rapidfuzz is imported only by the
fuzzy tier.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache
from typing import NamedTuple

from hankkeet.errors import UnknownMunicipality, UnknownRegion
from hankkeet.kunnat.inflect import genitives, inflected_forms
from hankkeet.kunnat.registry import County, Merge, Municipality, aliases, registry
from hankkeet.textnorm import clean, fold


class Tier(StrEnum):
    """How a lookup understood its input, in the order the tiers are tried.

    A ``str`` subclass: ``kunta --json`` prints the value (``"fuzzy"``).
    """

    CODE = "code"
    NAME = "name"
    FOLDED = "folded"
    FORMER = "former"
    ALIAS = "alias"
    INFLECTED = "inflected"
    FUZZY = "fuzzy"

# fuzz.ratio (0-100) a typo must reach to be accepted without asking.
FUZZY_THRESHOLD = 85.0
# Below the threshold, one edit (Damerau) is still accepted in names this long.
_ONE_EDIT_MIN_LENGTH = 4
_SUGGESTION_CUTOFF = 60.0
# Words that turn a genitive into an organisation or area: "Espoon kaupunki".
_ORGANISATION_WORDS = ("kaupunki", "kunta", "stad", "kommun")
_CODE = re.compile(r"^(?:ku)?\s*0*([0-9]{1,3})$")  # ASCII digits only: ٤٣٣ is not a code
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def key(text: str) -> str:
    """Loose comparison key: folded, letters and digits only (``S:t Michel`` = ``st michel``)."""
    return _NOT_ALNUM.sub("", fold(text))


class Match(NamedTuple):
    """A municipality found for ``query``, the tier that found it and the spelling that matched."""

    municipality: Municipality
    query: str
    tier: Tier
    matched: str
    score: float = 100.0
    note: str | None = None


class RegionMatch(NamedTuple):
    """A region found for ``query`` (tiers name, folded, alias, inflected, fuzzy)."""

    region: str
    query: str
    tier: Tier
    matched: str
    score: float = 100.0
    note: str | None = None


# -- indexes --------------------------------------------------------------


class _Index(NamedTuple):
    exact: dict[str, Municipality]
    folded: dict[str, Municipality]
    former: dict[str, tuple[Municipality, Merge]]
    alias: dict[str, tuple[Municipality, str, str]]
    fuzzy_choices: dict[str, tuple[Municipality, str]]


def _exact_key(text: str) -> str:
    return clean(text).casefold()


@cache
def _index() -> _Index:
    reg = registry()
    by_name = {m.name: m for m in reg.municipalities}
    exact: dict[str, Municipality] = {}
    folded: dict[str, Municipality] = {}
    fuzzy_choices: dict[str, tuple[Municipality, str]] = {}
    for m in reg.municipalities:
        for name in (m.name, m.name_sv):
            exact.setdefault(_exact_key(name), m)
            folded.setdefault(key(name), m)
            fuzzy_choices.setdefault(key(name), (m, name))
    # The first word of a several-word name, or a part of a hyphenated one,
    # when no other name claims it: "Koski" for "Koski Tl", "Mänttä" for
    # Mänttä-Vilppula.
    first_words: dict[str, set[str]] = {}
    for m in reg.municipalities:
        for name in (m.name, m.name_sv):
            if " " in name:
                first_words.setdefault(key(name.split(" ")[0]), set()).add(m.code)
            if "-" in name:
                for part in name.split("-"):
                    first_words.setdefault(key(part), set()).add(m.code)
    for word, codes in first_words.items():
        if len(codes) == 1 and word not in folded:
            folded[word] = reg.by_code(next(iter(codes)))  # type: ignore[assignment]
    former: dict[str, tuple[Municipality, Merge]] = {}
    for merge in reg.merges:
        if merge.into in by_name:
            former[key(merge.former)] = (by_name[merge.into], merge)
            fuzzy_choices.setdefault(key(merge.former), (by_name[merge.into], merge.former))
    alias: dict[str, tuple[Municipality, str, str]] = {}
    for name, target, source in aliases("municipality"):
        if target in by_name:
            alias[key(name)] = (by_name[target], name, source)
    return _Index(exact, folded, former, alias, fuzzy_choices)


@cache
def _inflected() -> dict[str, tuple[Municipality, str]]:
    """Finnish case forms of every name (about 6,000): built only when a
    lookup gets that far, since exact names are by far the common input."""
    inflected: dict[str, tuple[Municipality, str]] = {}
    ambiguous: set[str] = set()
    for m in registry().municipalities:
        # Finnish first: a form both names could produce is credited to the Finnish one.
        for name in dict.fromkeys((m.name, m.name_sv)):
            for form in inflected_forms(name):
                k = key(form)
                if k in inflected and inflected[k][0] != m:
                    ambiguous.add(k)
                inflected.setdefault(k, (m, name))
    for k in ambiguous:
        del inflected[k]
    return inflected


# -- municipalities -------------------------------------------------------


def lookup(text: str) -> Match:
    """The municipality ``text`` names; raise UnknownMunicipality with suggestions."""
    query = clean(text)
    if not query:
        raise UnknownMunicipality("empty municipality name")
    found = _exact(query)
    if found is not None:
        return found
    # "Maarianhamina - Mariehamn", "Helsinki/Helsingfors": both halves agree.
    parts = [p for p in re.split(r"\s+[-–]\s+|/", query) if p.strip()]
    if len(parts) > 1:
        matches = [_exact(clean(p)) for p in parts]
        if all(matches) and len({m.municipality.code for m in matches if m}) == 1:
            first = matches[0]
            assert first is not None
            return Match(first.municipality, query, first.tier, first.matched, first.score, first.note)
    found = _lookup_fuzzy(query)
    if found is not None:
        return found
    shown = query if len(query) <= 60 else query[:57] + "..."
    region = lookup_region_or_none(query, fuzzy=False)
    if region is not None:
        raise UnknownMunicipality(
            f"{shown!r} is a region, not a municipality; try: hankkeet list --maakunta {region.region}"
        )
    raise UnknownMunicipality(f"unknown municipality {shown!r}", suggest(query))


def lookup_exact(text: str) -> Match | None:
    """The municipality ``text`` names by any tier but fuzzy, or None.

    Never raises: a code no municipality has, or empty text, is None too.
    """
    try:
        return _exact(clean(text))
    except UnknownMunicipality:
        return None


def _exact(query: str) -> Match | None:
    """Every tier but fuzzy on a cleaned query: None when nothing matched;
    raises UnknownMunicipality when the query is a code no municipality has."""
    index = _index()
    code = _CODE.match(fold(query))
    if code:
        wanted = code.group(1).zfill(3)
        m = registry().by_code(wanted)
        if m is None:
            raise UnknownMunicipality(f"no municipality has the code {wanted}")
        return Match(m, query, Tier.CODE, m.code)
    m = index.exact.get(_exact_key(query))
    if m is not None:
        return Match(m, query, Tier.NAME, m.name)
    k = key(query)
    if not k:
        return None
    m = index.folded.get(k)
    if m is not None:
        return Match(m, query, Tier.FOLDED, m.name)
    if k in index.former:
        m, merge = index.former[k]
        return Match(m, query, Tier.FORMER, merge.former, note=f"{merge.former} merged into {m.name} on {merge.date}")
    if k in index.alias:
        m, name, _source = index.alias[k]
        return Match(m, query, Tier.ALIAS, name, note=f"{name!r} is short for {m.name}")
    inflected = _inflected()
    if k in inflected:
        m, name = inflected[k]
        return Match(m, query, Tier.INFLECTED, name, note=f"read {query!r} as a form of {name}")
    # "Espoon kaupunki", "Helsingfors stad": the place before an organisation word.
    words = query.split(" ")
    if len(words) == 2 and fold(words[1]) in _ORGANISATION_WORDS:
        inner = _exact(words[0])
        if inner is not None and inner.tier != Tier.CODE:
            m = inner.municipality
            return Match(m, query, Tier.INFLECTED, inner.matched, note=f"read {query!r} as {m.name}")
    return None


def _damerau(a: str, b: str) -> int:
    from rapidfuzz.distance import DamerauLevenshtein

    return DamerauLevenshtein.distance(a, b)


def _lookup_fuzzy(query: str) -> Match | None:
    from rapidfuzz import fuzz, process

    choices = _index().fuzzy_choices
    k = key(query)
    if len(k) < 3:
        return None
    ranked = process.extract(k, list(choices), scorer=fuzz.ratio, limit=5)
    if not ranked:
        return None
    best_key, best_score, _ = ranked[0]
    best, best_name = choices[best_key]
    accepted = best_score >= FUZZY_THRESHOLD or (
        len(k) >= _ONE_EDIT_MIN_LENGTH and _damerau(k, best_key) <= 1
    )
    # Two different municipalities equally close is a question, not a correction.
    rivals = [s for c, s, _ in ranked[1:] if choices[c][0] != best and s >= best_score]
    if not accepted or rivals:
        return None
    return Match(best, query, Tier.FUZZY, best_name, round(best_score, 1), note=f"corrected from {query!r}")


def suggest(query: str, limit: int = 3) -> list[str]:
    """Closest municipality names for an unknown input, best first."""
    from rapidfuzz import fuzz, process

    k = key(query)
    if len(k) < 2:
        return []
    choices = _index().fuzzy_choices
    out: list[str] = []
    for choice, _score, _ in process.extract(k, list(choices), scorer=fuzz.WRatio, limit=limit * 3,
                                             score_cutoff=_SUGGESTION_CUTOFF):
        name = choices[choice][0].name
        if name not in out:
            out.append(name)
    return out[:limit]


def complete_municipality(incomplete: str) -> list[str]:
    """Shell completion: Finnish and Swedish names starting with ``incomplete``."""
    prefix = key(incomplete)
    names: list[str] = []
    for m in registry().municipalities:
        for name in dict.fromkeys((m.name, m.name_sv)):
            if key(name).startswith(prefix):
                names.append(name)
    return sorted(names, key=sort_key)


def complete_region(incomplete: str) -> list[str]:
    """Shell completion: region (maakunta) names starting with ``incomplete``."""
    prefix = key(incomplete)
    return [region for region in registry().regions if key(region).startswith(prefix)]


def sort_key(name: str) -> str:
    """Finnish alphabetical order: å, ä, ö after z."""
    return clean(name).casefold().translate(_FINNISH_ORDER)


_FINNISH_ORDER = str.maketrans("åäöw", "{|}v")


# -- regions and subregions -----------------------------------------------


@cache
def _region_index() -> tuple[dict[str, str], dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    regions = registry().regions
    names = {key(r): r for r in regions}
    others = {key(alias): (target, source) for alias, target, source in aliases("region") if target in regions}
    inflected: dict[str, tuple[str, str]] = {}
    for r in regions:
        for form in inflected_forms(r):
            inflected.setdefault(key(form), (r, r))
    return names, others, inflected


def lookup_region_or_none(text: str, *, fuzzy: bool = True) -> RegionMatch | None:
    """The region ``text`` names, or None; ``fuzzy=False`` skips typo correction."""
    query = clean(text)
    k = key(query)
    if not k:
        return None
    names, others, inflected = _region_index()
    if k in names:
        tier = Tier.NAME if _exact_key(query) == _exact_key(names[k]) else Tier.FOLDED
        return RegionMatch(names[k], query, tier, names[k])
    if k in others:
        region, source = others[k]
        return RegionMatch(region, query, Tier.ALIAS, region, note=f"{query!r} is the {source} of {region}")
    if k in inflected:
        region, name = inflected[k]
        return RegionMatch(region, query, Tier.INFLECTED, name, note=f"read {query!r} as a form of {name}")
    if not fuzzy or len(k) < 3:
        return None
    from rapidfuzz import fuzz, process

    best = process.extractOne(k, list(names), scorer=fuzz.ratio)
    if best and (best[1] >= FUZZY_THRESHOLD or (len(k) >= _ONE_EDIT_MIN_LENGTH and _damerau(k, best[0]) <= 1)):
        region = names[best[0]]
        return RegionMatch(region, query, Tier.FUZZY, region, round(best[1], 1), note=f"corrected from {query!r}")
    return None


def lookup_region(text: str) -> RegionMatch:
    """The region (maakunta) ``text`` names; raise UnknownRegion with suggestions."""
    query = clean(text)
    if not query:
        raise UnknownRegion("empty region name")
    found = lookup_region_or_none(query)
    if found is not None:
        return found
    from rapidfuzz import fuzz, process

    names, _, _ = _region_index()
    close = process.extract(key(query), list(names), scorer=fuzz.WRatio, limit=3, score_cutoff=_SUGGESTION_CUTOFF)
    shown = query if len(query) <= 60 else query[:57] + "..."
    raise UnknownRegion(f"unknown region {shown!r}", [names[c] for c, _, _ in close])


_SUBREGION_WORDS = ("seutukunta", "seutu")


@cache
def _subregion_index() -> dict[str, str]:
    """Keys of every subregion: its label, ``X seutu`` and genitive variants
    of the parts of a hyphenated name (``Haapaveden-Siikalatvan seutukunta``)."""
    out: dict[str, str] = {}
    for label in registry().subregions:
        out.setdefault(key(label), label)
        head, _, word = label.rpartition(" ")
        if word != "seutukunta":
            continue
        parts = head.split("-")
        variants = [""]
        for i, part in enumerate(parts):
            options = {part} | (genitives(part) if i < len(parts) - 1 else set())
            variants = [f"{v}-{o}" if v else o for v in variants for o in options]
        for variant in variants:
            for suffix in _SUBREGION_WORDS:
                out.setdefault(key(f"{variant} {suffix}"), label)
    return out


def lookup_subregion(text: str) -> str | None:
    """The subregion label ``text`` names (``Forssan seutukunta``, ``Suupohja``), or None."""
    index = _subregion_index()
    query = clean(text)
    k = key(query)
    if not k:
        return None
    if k in index:
        return index[k]
    # A bare name in the nominative: "Suupohja" -> "Suupohjan seutukunta".
    if " " not in query:
        for genitive in genitives(query):
            found = index.get(key(f"{genitive} seutukunta"))
            if found:
                return found
    return None


# -- wellbeing services counties --------------------------------------------


@cache
def _county_index() -> dict[str, County]:
    """Keys of every county: its full and short names in Finnish and Swedish, the
    short name with ``hyvinvointialue`` after it, and the short name's case forms."""
    out: dict[str, County] = {}
    for c in registry().counties:
        for name in (c.name, c.name_sv, c.short_name, c.short_name_sv):
            out.setdefault(key(name), c)
        out.setdefault(key(f"{c.short_name} hyvinvointialue"), c)
        out.setdefault(key(f"{c.short_name}n hyvinvointialue"), c)
        # The short form of the full name: "Keski-Uudenmaan hva".
        genitive = c.name.removesuffix(" hyvinvointialue")
        if genitive != c.name:
            out.setdefault(key(f"{genitive} hva"), c)
        if " ja " not in c.short_name:
            for form in inflected_forms(c.short_name):
                out.setdefault(key(form), c)
    return out


def lookup_county(text: str) -> County | None:
    """The wellbeing services county (hyvinvointialue) ``text`` names, or None.

    Accepts the full name (``Pohjois-Karjalan hyvinvointialue``), the short name
    (``Pohjois-Karjala``), the Swedish names (``Norra Karelens välfärdsområde``,
    ``Norra Karelen``), any case, with or without diacritics. A short name is
    often also a region's name: callers that accept both decide which they mean.
    """
    k = key(_COUNTY_CASE.sub(_county_base, clean(text)))
    return _county_index().get(k) if k else None


# A county's name in a case form (``…n hyvinvointialueella``, ``…n hyvinvointialueen
# alueella``, ``…n hva:lla``, ``…s välfärdsområdet``): the base form before the look-up.
_COUNTY_CASE = re.compile(
    r"(?i)\b(?:(hyvinvointialue)(?:en|ella|elle|elta|essa|esta|eseen|tta)(?: alueella)?"
    r"|(hva):(?:n|lla|lle|lta|ssa|sta|han|ta)|(välfärdsområde)(?:t|ts|n)(?: område)?)$"
)


def _county_base(match: re.Match[str]) -> str:
    return next(g for g in match.groups() if g)
