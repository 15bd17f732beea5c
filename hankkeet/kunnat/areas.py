"""Area resolution: from a Toiminta-alue cell to regions and covered municipalities.

An area reads ``LABEL`` or ``LABEL; ITEM, ITEM, …``. Every term is classified
against the registry (municipality, subregion, region, an informal part of a
region, regional-cooperation prose), never against a per-project table:

- With a list, the list is what counts; the label is only context (its region
  is the one "cooperation" refers to). An informal label (``Keski-Uusimaa``,
  ``Oulun alue``) is fine there; an unknown one is reported.
- Without a list, the area itself is the term: a municipality (``listed``), a
  region (``region``) or a subregion (``subregion``).

A municipality reached twice keeps its strongest basis (``model.Basis`` order).
Region membership follows the project period: a municipality that changed
region inside it (the 2021-01-01 transfers) belongs to both regions, with a
note saying when.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import StrEnum
from functools import cache
from typing import NamedTuple

from hankkeet.kunnat.registry import Municipality, RegionTransfer, registry
from hankkeet.model import BASES, Basis, Coverage
from hankkeet.textnorm import clean, fold

# Direction prefixes that make a part of a place: "Keski-Uusimaa", "Itä-Helsinki".
_PART_PREFIXES = frozenset(
    ["pohjois", "etela", "ita", "lansi", "keski", "kaakkois", "lounais", "luoteis", "koillis", "sisa", "yla", "ala"]
)
# "<genitive> alue": an informal area around a place ("Oulun alue").
_AREA_WORDS = frozenset({"alue", "seutu", "talousalue", "ymparisto", "ymparistokunnat"})
# Words that make a list item regional-cooperation prose.
_COOPERATION = re.compile(r"\byhteisty|\bmuiden kuntien\b|\bmuut kunnat\b|\bymparyskun")
_LIST_SPLIT = re.compile(r"\s*,\s*(?:(?:ja|sekä|och)\s+)?|\s+(?:ja|sekä|och)\s+|\s*\(\s*|\s*\)\s*")
# Prose that means the whole of the place named next to it: "Satakunta, koko maakunta",
# "Kainuu (koko alue)", "Lappi, koko hyvinvointialue", "Pirkanmaa; koko maakunta", "Oulu; koko kaupunki".
_WHOLE = re.compile(r"^koko (?:maakunta|alue|hyvinvointialue|seutukunta|seutu|kunta|kaupunki)$")
# "X ympäristökuntineen", "X lähikuntineen": X and, vaguely, its neighbours.
_WITH_NEIGHBOURS = re.compile(r"^(?P<place>.+?) (?P<rest>\w*(?:kuntineen|kuntinensa))$")
# "Sipoo – Sibbo", "Kirkkonummi / Kyrkslätt": one place named in both languages.
_BILINGUAL = re.compile(r"\s+[–—/-]\s+|\s*/\s*")
# "Porin ja Ulvilan alueella": a genitive and "in the area of".
_IN_AREA_OF = re.compile(r"^(?P<place>\S+n) alue(?:ella|elta|elle|en)$")


class AreaResolution(NamedTuple):
    regions: tuple[str, ...]
    municipalities: tuple[Coverage, ...]
    unresolved: tuple[str, ...]  # area terms that matched nothing, for parse warnings


class TermKind(StrEnum):
    """What kind of thing one area term names."""

    MUNICIPALITY = "municipality"
    SUBREGION = "subregion"
    REGION = "region"
    COUNTY = "county"  # a wellbeing services county (hyvinvointialue)
    INFORMAL = "informal"  # an informal part of a region ("Keski-Uusimaa", "Oulun alue")
    COOPERATION = "cooperation"  # regional-cooperation prose ("maakunnallinen yhteistyö")
    UNKNOWN = "unknown"


# Kinds that name a place with a known region.
_PLACES = frozenset({TermKind.MUNICIPALITY, TermKind.SUBREGION, TermKind.REGION, TermKind.COUNTY})


class Term(NamedTuple):
    """What one area term names; ``region`` is its region context."""

    text: str
    kind: TermKind
    region: str | None = None
    municipality: Municipality | None = None
    subregion: str | None = None
    note: str | None = None
    county: str | None = None


def classify(term: str, *, inflected: bool = True) -> Term:
    """Classify one area term against the registry (no fuzzy matching: a typo
    in a source document is reported, not silently corrected)."""
    from hankkeet.kunnat.lookup import Tier, lookup_exact, lookup_region_or_none, lookup_subregion

    text = clean(term)
    folded = fold(text)
    if not folded:
        return Term(text, TermKind.UNKNOWN)
    if len(folded.split(" ")) >= 3 and _COOPERATION.search(folded):
        return Term(text, TermKind.COOPERATION)
    match = lookup_exact(text)
    if match is not None and (inflected or match.tier != Tier.INFLECTED) and match.tier != Tier.CODE:
        note = None
        if match.tier == Tier.ALIAS:
            note = f"written {match.matched!r} in the area"
        elif match.tier == Tier.FORMER:
            note = match.note
        m = match.municipality
        return Term(text, TermKind.MUNICIPALITY, m.region, municipality=m, note=note)
    subregion = lookup_subregion(text)
    if subregion is not None:
        members = registry().in_subregion(subregion)
        return Term(text, TermKind.SUBREGION, members[0].region if members else None, subregion=subregion)
    region = lookup_region_or_none(text, fuzzy=False)
    if region is not None and (inflected or region.tier != Tier.INFLECTED):
        return Term(text, TermKind.REGION, region.region)
    in_area = _IN_AREA_OF.match(text)
    if in_area is not None:
        inner = classify(in_area.group("place"))
        if inner.kind == TermKind.MUNICIPALITY:
            return inner._replace(text=text)
    informal = _informal_region(text)
    if informal is not None:
        return Term(text, TermKind.INFORMAL, informal)
    # A county's short name that reads as a part of a region (``Keski-Uusimaa``) stays the
    # informal area above; a county named as one (``…n hyvinvointialue``, ``…n hva``) resolves.
    from hankkeet.kunnat.lookup import lookup_county

    county = lookup_county(text)
    if county is not None:
        members = registry().in_county(county.name)
        return Term(text, TermKind.COUNTY, members[0].region if members else None, county=county.name)
    pair = _BILINGUAL.split(text)
    if len(pair) == 2:
        first, second = classify(pair[0], inflected=inflected), classify(pair[1], inflected=inflected)
        if first.kind in _PLACES and _same_place(first, second):
            return first._replace(text=text)
    return Term(text, TermKind.UNKNOWN)


def _same_place(a: Term, b: Term) -> bool:
    """Do two terms name the same place (a name and its other-language name)?"""
    return (a.kind, a.region, a.municipality, a.subregion, a.county) == (
        b.kind, b.region, b.municipality, b.subregion, b.county)


def _as_county(term: Term) -> Term:
    """An informal area that is a wellbeing services county's short name
    (``Keski-Uusimaa``), standing alone, read as that county; else unchanged."""
    from hankkeet.kunnat.lookup import lookup_county

    county = lookup_county(term.text) if term.kind == TermKind.INFORMAL else None
    if county is None:
        return term
    return term._replace(kind=TermKind.COUNTY, county=county.name, note=f"{term.text} read as {county.name}")


def _counties_among(terms: list[Term]) -> list[Term]:
    """Read a county's short name among other items as the county ("Keski-Uusimaa,
    koko alue", "Itä-Uusimaa ja Kymenlaakso"), unless other items are the county's
    own municipalities: then the short name only labels them."""
    named = {t.municipality.county for t in terms if t.kind == TermKind.MUNICIPALITY and t.municipality}
    read = []
    for term in terms:
        county = _as_county(term)
        read.append(county if county.kind == TermKind.COUNTY and county.county not in named else term)
    return read


def _informal_region(text: str) -> str | None:
    """The region of an informal area (``Keski-Uusimaa`` → Uusimaa,
    ``Oulun alue`` → Pohjois-Pohjanmaa), or None when it is not one."""
    words = text.split(" ")
    if len(words) == 1 and "-" in text:
        prefix, _, rest = text.partition("-")
        if fold(prefix) in _PART_PREFIXES:
            inner = classify(rest, inflected=False)
            if inner.kind in _PLACES:
                return inner.region
    if len(words) == 2 and fold(words[1]) in _AREA_WORDS:
        inner = classify(words[0])  # a genitive: "Oulun"
        if inner.kind in _PLACES:
            return inner.region
    return None


def is_place(term: str) -> bool:
    """Does ``term`` (one item of an area list) name a place? Used to split a
    one-line area from the description sharing its line."""
    kind = classify(term, inflected=False).kind
    if kind in _PLACES or kind == TermKind.INFORMAL:
        return True
    words = fold(term).split(" ")
    # "Porvoon seutu", "Lapin alue": a genitive and an area word.
    return len(words) == 2 and words[1] in {"seutukunta", "seutu", "alue"} and words[0].endswith("n")


# -- membership over a period ---------------------------------------------


def _straddles(transfer: RegionTransfer, start: str | None, end: str | None) -> bool:
    """Does the period include days on both sides of the transfer? (Unknown ends do.)"""
    return (start is None or start < transfer.date) and (end is None or end >= transfer.date)


def transfer_note(transfer: RegionTransfer) -> str:
    day_before = (date.fromisoformat(transfer.date) - timedelta(days=1)).isoformat()
    return f"in {transfer.from_region} until {day_before}; {transfer.to_region} from {transfer.date}"


def region_members(
    region: str, start: str | None = None, end: str | None = None
) -> list[tuple[Municipality, str | None]]:
    """The region's municipalities at any time in the period, with a note for
    those that changed region inside it. The registry is the 2021-01-01
    classification; the transfer table tells who moved that day."""
    reg = registry()
    transfers = {t.code: t for t in reg.transfers}
    out: list[tuple[Municipality, str | None]] = []
    for m in reg.municipalities:
        t = transfers.get(m.code)
        if t is None:
            if m.region == region:
                out.append((m, None))
            continue
        if region not in (t.from_region, t.to_region):
            continue
        if _straddles(t, start, end):
            out.append((m, transfer_note(t)))
        elif end is not None and end < t.date:
            if region == t.from_region:
                out.append((m, None))
        elif region == t.to_region:
            out.append((m, None))
    return sorted(out, key=lambda pair: _name_order(pair[0].name))


def _name_order(name: str) -> str:
    from hankkeet.kunnat.lookup import sort_key

    return sort_key(name)


def _own_transfer_note(m: Municipality, start: str | None, end: str | None) -> str | None:
    for t in registry().transfers:
        if t.code == m.code and _straddles(t, start, end):
            return transfer_note(t)
    return None


# -- resolution -----------------------------------------------------------


class _Collector:
    def __init__(self, start: str | None, end: str | None) -> None:
        self.start, self.end = start, end
        self.entries: dict[str, tuple[int, int, Coverage]] = {}
        self.regions: list[str] = []
        self.seq = 0

    def region(self, name: str | None) -> None:
        if name and name not in self.regions:
            self.regions.append(name)

    def add(self, m: Municipality, basis: Basis, note: str | None = None) -> None:
        rank = BASES.index(basis)
        current = self.entries.get(m.code)
        if current is not None and current[0] <= rank:
            return
        notes = [n for n in (note, _own_transfer_note(m, self.start, self.end)) if n]
        notes = list(dict.fromkeys(notes))
        self.seq += 1
        coverage = Coverage(code=m.code, name=m.name, basis=basis, note="; ".join(notes) or None)
        self.entries[m.code] = (rank, self.seq, coverage)

    def whole_region(self, region: str, basis: Basis) -> None:
        for m, note in region_members(region, self.start, self.end):
            self.add(m, basis, note)

    def term(self, term: Term) -> bool:
        """Add what one list item covers; False when it names nothing known.
        Cooperation prose adds nothing here: it needs the whole list's region."""
        if term.kind == TermKind.MUNICIPALITY and term.municipality is not None:
            self.region(term.region)
            self.add(term.municipality, Basis.LISTED, term.note)
        elif term.kind == TermKind.SUBREGION and term.subregion is not None:
            self.region(term.region)
            for m in sorted(registry().in_subregion(term.subregion), key=lambda m: _name_order(m.name)):
                self.add(m, Basis.SUBREGION)
        elif term.kind == TermKind.REGION and term.region is not None:
            self.region(term.region)
            self.whole_region(term.region, Basis.REGION)
        elif term.kind == TermKind.COUNTY and term.county is not None:
            members = sorted(registry().in_county(term.county), key=lambda m: _name_order(m.name))
            for m in members:
                self.region(m.region)
            for m in members:
                self.add(m, Basis.REGION, term.note)
        elif term.kind == TermKind.INFORMAL:
            self.region(term.region)
        elif term.kind != TermKind.COOPERATION:
            return False
        return True

    def result(self, unresolved: list[str]) -> AreaResolution:
        ordered = sorted(self.entries.values(), key=lambda e: (e[0], e[1]))
        return AreaResolution(
            regions=tuple(self.regions),
            municipalities=tuple(c for _, _, c in ordered),
            unresolved=tuple(dict.fromkeys(unresolved)),
        )


@cache
def _joined_county_names() -> re.Pattern[str] | None:
    """County names that hold a list separator themselves (``Vantaan ja Keravan
    hyvinvointialue``, ``Vanda och Kervo välfärdsområde``), in any case form or as
    ``…n hva``: one item of an area list, not two."""
    heads = []
    for county in registry().counties:
        for name, word, forms in ((county.name, "hyvinvointialue", r"(?:hyvinvointialue\w*|hva\b)"),
                                  (county.name_sv, "välfärdsområde", r"välfärdsområde\w*")):
            if word in name and _LIST_SPLIT.search(name):
                heads.append(re.escape(name[: name.rindex(word)]) + forms)
    return re.compile("|".join(heads), re.IGNORECASE) if heads else None


def _list_items(text: str) -> list[str]:
    """The items of an area list, split at commas, ``ja``/``sekä``/``och`` and
    parentheses, a county whose name has a ``ja`` in it kept whole."""
    pattern = _joined_county_names()
    kept: list[str] = []

    def hide(match: re.Match[str]) -> str:
        kept.append(match.group())
        return f"\ue000{len(kept) - 1}\ue001"

    hidden = pattern.sub(hide, text) if pattern is not None else text
    items = [clean(i) for i in _LIST_SPLIT.split(hidden) if clean(i)]
    return [re.sub("\ue000(\\d+)\ue001", lambda m: kept[int(m.group(1))], item) for item in items]


def resolve_area(area: str, *, start: str | None = None, end: str | None = None) -> AreaResolution:
    """Resolve an area cell. ``start``/``end`` (ISO dates) are the project period,
    used for region membership across the 2021-01-01 transfers; unknown = both sides."""
    text = clean(area)
    label, has_list, rest = text.partition(";")
    items = _list_items(rest if has_list else text)
    collector = _Collector(start, end)
    unresolved: list[str] = []
    context: str | None = None
    if has_list:
        label_term = classify(label)
        if label_term.kind in (TermKind.UNKNOWN, TermKind.COOPERATION) and label_term.text:
            unresolved.append(label_term.text)
        context = label_term.region
        collector.region(context)
    elif len(items) == 1:
        only = _as_county(classify(items[0]))
        if only.kind == TermKind.COUNTY:
            # A county's short name alone ("Keski-Uusimaa") means the county's municipalities.
            collector.term(only)
            return collector.result([])
        if only.kind == TermKind.INFORMAL:
            # An informal area with no list says nothing about which municipalities.
            return AreaResolution(regions=(only.region,) if only.region else (), municipalities=(),
                                  unresolved=(only.text,))
    # "koko maakunta" next to a region says the region is meant whole: nothing more to add.
    whole = [item for item in items if _WHOLE.match(fold(item))]
    items = [item for item in items if not _WHOLE.match(fold(item))]
    split_items: list[str] = []
    for item in items:
        neighbours = _WITH_NEIGHBOURS.match(item)
        if neighbours is not None and classify(neighbours.group("place")).kind in _PLACES:
            split_items += [neighbours.group("place"), neighbours.group("rest")]
        else:
            split_items.append(item)
    terms = [classify(item) for item in split_items]
    if not has_list:
        terms = _counties_among(terms)
    unresolved += [term.text for term in terms if not collector.term(term)]
    wholes = (TermKind.REGION, TermKind.COUNTY, TermKind.SUBREGION, TermKind.MUNICIPALITY)
    if whole and has_list:
        # "Pirkanmaa; koko maakunta": the label is meant whole.
        label_whole = _as_county(classify(label))
        if label_whole.kind in wholes:
            collector.term(label_whole)
            terms.append(label_whole)
    if whole and not any(t.kind in wholes for t in terms):
        unresolved += whole
    if has_list and not collector.entries and context is not None:
        label_term = classify(label)
        if label_term.kind == TermKind.MUNICIPALITY:
            # "Helsinki; erityisesti Itä-Helsingin lähiöt": the list only narrows the municipality.
            collector.term(label_term)
    cooperation = [term.text for term in terms if term.kind == TermKind.COOPERATION]
    if cooperation:
        # "maakunnallinen yhteistyö": the label's region, else the one region the list is in.
        region = context or (collector.regions[0] if len(collector.regions) == 1 else None)
        if region is None:
            unresolved += cooperation
        else:
            collector.region(region)
            collector.whole_region(region, Basis.COOPERATION)
    return collector.result(unresolved)
