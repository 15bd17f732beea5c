"""Search the projects: Finnish-aware word matching with ranked results.

Every query word must match somewhere in the searched fields (AND). A word
matches a text word, best first, exactly (folded: case and diacritics
ignored), as an inflection of it (``hankkeen`` for ``hanke``, ``tarpeisiin``
for ``tarve``), as a part of a compound (``palvelu`` in
``kotoutumispalveluiden``), or, only when none of that finds anything, as a
typo (``kotoutumnen``). The score (0-100) weighs how well and where each word
matched; projects where the words stand next to each other as typed (``entry
point``) come first, ties keep document order.

The index is built from the snapshot on first use and cached for it; it costs
a few milliseconds, so nothing is stored in the snapshot.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache, cached_property
from typing import Any, NamedTuple

from hankkeet import finnish
from hankkeet.errors import HankkeetError
from hankkeet.finnish import WordKind
from hankkeet.model import Project, Snapshot
from hankkeet.textnorm import fold, nfc

FIELDS = ("name", "organisation", "co_implementers", "area", "regions", "municipalities", "description")
# A word in the project's own name says more than the same word deep in a description.
FIELD_WEIGHT = {
    "name": 1.0,
    "organisation": 0.95,
    "co_implementers": 0.85,
    "area": 0.9,
    "regions": 0.85,
    "municipalities": 0.85,
    "description": 0.7,
}
# How a query word met a text word, best first; a family member (perustetaan
# for perustaminen) ranks below a direct form and above a compound part, a
# family member inside a compound (verkko|koulutus for kouluttaminen) below that.
EXACT, STEM, FAMILY, COMPOUND, FAMILY_PART, TYPO, TYPO_PART = range(7)
_FAMILY_TIERS = (FAMILY, FAMILY_PART)
# How far a match reached for the word, by tier: the word itself (as written,
# inflected or in a compound), a relative, a guessed typo. A project ranks by
# the farthest reach of its words first: a direct form above a family member,
# a family member above a typo's look-alike.
_REACH = (0, 0, 1, 0, 1, 2, 2)
# Words that have a family root: as written or a hyphenated part, not a guess.
_FAMILY_KINDS = (WordKind.WORD, WordKind.PART)
TIER_WEIGHT = (1.0, 0.9, 0.8, 0.68, 0.64, 0.6, 0.5)
# In a family index, the roots of compound parts are kept under this mark.
PART_ROOT = "+"
PARTICIPLE = "p:"  # the family tag of a short root's -va participle (see finnish.family_keys)
PHRASE_BONUS = 0.1
# A word an elliptical hyphen stands for (-kielistä in monikanavaista ja -kielistä)
# is a guess: it counts a little less than the same word written out.
EXPANSION_WEIGHT = 0.95
_GUESSED = WordKind.EXPANSION
TYPO_MIN_FORM = 6  # shorter stems and compound parts are too easily one edit from another word
MAX_QUERY_WORDS = 32
MIN_CLOSURE = 8  # shorter words share too short a beginning with unrelated ones
MIN_LENGTH_SLIP = 5  # a doubled or undoubled letter in a shorter word is another word (tuli/tulli)
MIN_BOTH_INFLECTED = 7  # two parts of at least three letters and a case ending
MIN_LONG_STEM = 10  # a stem this long may lose a one-letter ending before its typos are counted
MIN_SLIP_HALF = 4  # each half of a word typed without its space, when one half has a slip
LEXICON_SLIP = 6  # letters per slip when a query word is corrected to a glossary word
_FIELD_ALIASES = {"co-implementers": "co_implementers", "org": "organisation", "organization": "organisation"}


class UnknownField(HankkeetError):
    """A --field name that is not a searchable field."""


class EmptyQuery(HankkeetError):
    """A query without a single word in it."""


class FieldMatch(NamedTuple):
    """The words matched in one field, as written there, and their spans."""

    field: str
    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "words": list(self.words)}


class Translation(NamedTuple):
    """A query term read through the glossary: the Finnish words searched for it."""

    term: str  # as typed, in lower case (NFC)
    language: str  # "en", "sv" or "en/sv"
    finnish: tuple[str, ...]  # the Finnish words that were searched, as the glossary writes them

    def to_dict(self) -> dict[str, Any]:
        return {"term": self.term, "language": self.language, "finnish": list(self.finnish)}


class Hit(NamedTuple):
    project: Project
    score: int
    phrase: bool
    matches: tuple[FieldMatch, ...]
    translations: tuple[Translation, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.project.to_dict(),
            "score": self.score,
            "matches": [m.to_dict() for m in self.matches],
            "translated": [t.to_dict() for t in self.translations],
        }

    def snippet(self, width: int = 120) -> tuple[str, str, list[tuple[int, int]]]:
        """``(field, text, spans)``: a window of the most telling matched field.

        The description is preferred (name and organisation are shown anyway);
        spans are the matched words' offsets inside the returned text, which
        starts and ends with ``…`` where it was cut.
        """
        if not self.matches:
            return ("", "", [])
        chosen = next((m for m in self.matches if m.field == "description"), None)
        if chosen is None:
            chosen = max(self.matches, key=lambda m: FIELD_WEIGHT[m.field])
        text = field_text(self.project, chosen.field)
        return (chosen.field, *_window(text, chosen.spans, width))


def field_text(project: Project, field: str) -> str:
    """The searchable text of one field; list fields joined with ``; ``."""
    return _FIELD_TEXT[field](project)


# Fields that are lists of names: their capitalised words are never split
# into compound parts (``Lapinlahti`` is not about ``Lappi``).
_NAME_LISTS = frozenset({"co_implementers", "area", "regions", "municipalities"})

_FIELD_TEXT: dict[str, Callable[[Project], str]] = {
    "name": lambda p: p.name,
    "organisation": lambda p: p.organisation,
    "co_implementers": lambda p: "; ".join(p.co_implementers),
    "area": lambda p: p.area,
    "regions": lambda p: "; ".join(p.regions),
    "municipalities": lambda p: "; ".join([c.name for c in p.municipalities]),
    "description": lambda p: p.description,
}


def parse_fields(names: Iterable[str] | None) -> tuple[str, ...]:
    """Validate --field values; none given means every field."""
    chosen: list[str] = []
    for raw in names or ():
        name = _FIELD_ALIASES.get(raw.strip().lower(), raw.strip().lower())
        if name not in FIELDS:
            shown = raw if len(raw) <= 40 else raw[:37] + "..."
            raise UnknownField(f"unknown field {shown!r}; valid fields: {', '.join(FIELDS)}")
        if name not in chosen:
            chosen.append(name)
    return tuple(chosen) or FIELDS


class _Occurrence(NamedTuple):
    text: int  # index of a distinct field text; see SearchIndex.text_projects
    field: str
    word: finnish.Word


Occurrence = _Occurrence  # the records of SearchIndex.occurrences, for a store that rebuilds them


class SearchIndex:
    """Every word of every distinct field text, by folded key.

    Identical texts (an area, an organisation, a description shared by many
    projects) are analysed once; ``text_projects`` maps each distinct text to
    the projects that have it. Name keys and acronyms are worked out only for
    projects that become hits.
    """

    def __init__(self, snapshot: Snapshot) -> None:
        self.projects: tuple[Project, ...] = snapshot.projects
        self.occurrences: dict[str, list[_Occurrence]] = {}
        self.text_projects: list[list[int]] = []
        for field in FIELDS:
            position = Project._fields.index(field)
            text_of = _FIELD_TEXT[field]
            # Keyed by the field's value (a string or a tuple), so a list field
            # is joined into text only once per distinct value.
            text_ids: dict[object, int] = {}
            for index, project in enumerate(self.projects):
                value = project[position]
                if not value:
                    continue
                text_id = text_ids.get(value)
                if text_id is None:
                    text_id = text_ids[value] = len(self.text_projects)
                    self.text_projects.append([])
                    for word in finnish.words(text_of(project), names=field in _NAME_LISTS):
                        self.occurrences.setdefault(word.key, []).append(_Occurrence(text_id, field, word))
                self.text_projects[text_id].append(index)
        self._acronyms: dict[tuple[str, str], set[str]] = {}
        self._name_keys: dict[str, list[str]] = {}
        self._typo_forms: dict[str, list[tuple[str, str]]] = {}
        self._words: dict[str, bool] = {}
        self._lemma_memo: dict[str, dict[str, int]] = {}
        self._direct_memo: dict[tuple[str, bool], dict[str, int]] = {}
        self._family_index: dict[str, dict[str, list[str]]] = {}
        self.vocabulary: tuple[str, ...] = tuple(self.occurrences)

    # Guessed expansions are matched only exactly or by stem; names are not
    # split into compound parts (see finnish.Word). Worked out on first use.

    @cached_property
    def typo_keys(self) -> tuple[str, ...]:
        return tuple(k for k, occs in self.occurrences.items() if any(o.word.kind != WordKind.EXPANSION for o in occs))

    @cached_property
    def compound_keys(self) -> tuple[str, ...]:
        return tuple(
            k for k, occs in self.occurrences.items()
            if any(o.word.kind != WordKind.EXPANSION and not o.word.proper for o in occs)
        )

    def family_index(self, letter: str) -> dict[str, list[str]]:
        """Vocabulary keys starting with ``letter`` by their tagged family roots
        (see finnish.family_keys; a root keeps the word's first letter), worked
        out per letter on first use; names and guessed expansions have no family.
        Keys marked with PART_ROOT (``+v:koulut``) hold the compounds with a
        part of that family starting with ``letter`` (verkko|koulutus); they are
        worked out only when a word needs them (see _family_part_keys)."""
        index = self._family_index.get(letter)
        if index is None:
            index = self._family_index[letter] = {}
            for key in self._family_words:
                if key[0] == letter:
                    for family_key in finnish.family_keys(key):
                        index.setdefault(family_key, []).append(key)
        return index

    def family_part_index(self, letter: str) -> dict[str, list[str]]:
        """family_index with the PART_ROOT keys of ``letter`` worked out."""
        index = self.family_index(letter)
        if PART_ROOT not in index:
            index[PART_ROOT] = []  # marks the parts as worked out
            added: set[tuple[str, str]] = set()  # a set, not list look-ups: lists grow with the corpus
            for key, parts in self._family_word_parts:
                for part in parts:
                    if part[0] == letter:
                        for family_key in finnish.family_keys(part, part=True):
                            if (family_key, key) not in added:
                                added.add((family_key, key))
                                index.setdefault(PART_ROOT + family_key, []).append(key)
        return index

    @cached_property
    def _family_word_parts(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each family word with its compound parts long enough to have a family,
        worked out once (per letter, the bounded compound_parts cache would be
        filled again for every letter on a large vocabulary)."""
        pairs = ((key, family_parts(key)) for key in self._family_words)
        return tuple((key, parts) for key, parts in pairs if parts)

    @cached_property
    def _family_words(self) -> tuple[str, ...]:
        """The keys that have a family: words as written or hyphenated parts, not names."""
        return tuple(
            key for key, occs in self.occurrences.items()
            if any(o.word.kind in _FAMILY_KINDS and not o.word.proper for o in occs)
        )

    def name_keys(self, index: int) -> list[str]:
        name = self.projects[index].name
        if name not in self._name_keys:
            self._name_keys[name] = finnish.query_words(name, limit=10_000)
        return self._name_keys[name]

    def acronyms(self, index: int) -> set[str]:
        project = self.projects[index]
        cache_key = (project.name, project.organisation)
        if cache_key not in self._acronyms:
            self._acronyms[cache_key] = _acronyms(project)
        return self._acronyms[cache_key]

    # Where the matchers below look for candidates: the whole vocabulary here;
    # a stored index (index_store.StoredIndex) answers from precomputed maps
    # with a superset of the keys these scans would accept.

    def _lemma_candidates(self, word: str) -> Iterable[str]:
        """Keys that may be ``word`` or an inflection of it (same_lemma)."""
        return self.vocabulary

    def _typo_lemma_candidates(self, word: str) -> Iterable[str]:
        """Typo keys that may be ``word`` or an inflection of it."""
        return self.typo_keys

    def _prefix_candidates(self, prefixes: tuple[str, ...]) -> Iterable[str]:
        """Keys that may start with one of ``prefixes``."""
        return self.vocabulary

    def _compound_candidates(self, word: str) -> Iterable[str]:
        """Compound keys that may have ``word`` as a part (in_compound)."""
        return self.compound_keys

    def _snowball_candidates(self, word: str) -> Iterable[str]:
        """Typo keys that may share ``word``'s Snowball stem."""
        return self.typo_keys

    def _typo_candidates(self, query: str, probes: list[tuple[str, int]]) -> Iterable[tuple[str, str]]:
        """``(form, key)`` that may be within ``cutoff`` edits of one of the
        ``(typed, cutoff)`` probes (the query, its stems, its ending cuts)."""
        return self.typo_forms(query[0])

    def _number(self, index: int) -> int:
        return self.projects[index].number

    # -- matching one query word ------------------------------------------

    def _word_keys(self, query: str, fields: Sequence[str]) -> dict[str, int]:
        """Vocabulary keys that ``query`` matches, with the best tier of each."""
        if len(query) > finnish.MAX_ANALYSED:
            return {query: EXACT} if query in self.occurrences else {}
        place = place_named(query)
        if place is not None:
            # A place name matches the place and its case forms, never a
            # look-alike word (Hanko is not hankkeen, Kitee not keskitetysti).
            return {f: EXACT if f == query else STEM for f in place.forms if f in self.occurrences}
        found = self._own_keys(query)
        if not self._present(found, fields):
            # An agent noun meets its verb's family (ohjaaja, ohjataan) only when
            # the texts have neither the word nor a closer relative: a person
            # is not the activity.
            found = self._agent_keys(query)
        # Family members do not stop the search for the word itself: a typo
        # (viestitä for viestintä) may look like a derivation of another word.
        family = {k: t for k, t in found.items() if t in _FAMILY_TIERS}
        keys = {k: t for k, t in found.items() if t not in _FAMILY_TIERS}
        # The guesses below stand in for a word that matches nothing: a word with
        # relatives in the texts is not guessed at (yhtenäis|tys is no yhteis|työ).
        if not self._present(keys, fields) and not family:
            keys = self._both_parts_keys(query)
            self._add_other_forms(keys)
            if keys:
                # A both-parts reading that a slip also explains is that slip: its
                # word's family comes with it (monikanvainenn, monikanavaisuutta).
                slipped = self._typos(query)
                if set(keys) <= set(slipped):
                    keys = slipped
        if not self._present(keys, fields) and not family:
            keys = {
                k: STEM
                for k in self._snowball_candidates(query)
                if k[0] == query[0] and finnish.snowball_match(query, k)
            }
            self._add_other_forms(keys)
        if not self._present(keys, fields):
            keys = self._typos(query, known_relatives=bool(family))
        for key, tier in family.items():
            keys[key] = min(keys.get(key, tier), tier)
        if not self._present(keys, fields):
            region = swedish_region(query)
            if region is not None:
                # Lappland is Lappi: the region and its case forms, as a place.
                return {f: STEM for f in region.forms if f in self.occurrences}
            keys = self._lexicon_typos(query, fields)
        return keys

    def _lemma_keys(self, query: str) -> dict[str, int]:
        """Keys that are ``query`` itself, an inflection of it or a compound containing it
        (remembered for the words of the current query only)."""
        found = self._lemma_memo.get(query)
        if found is None:
            found = self._lemma_memo[query] = self._find_lemma_keys(query)
        return dict(found)

    def _direct_keys(self, query: str, compounds_starting: bool = False) -> dict[str, int]:
        """The keys of _lemma_keys with a tier of STEM or better and, with ``compounds_starting``,
        the COMPOUND keys that start with ``query``, in the same order, worked out without looking
        at the other compounds or the compound parts' families (a split word's halves and a typo's
        matches need no more). Remembered, as _lemma_keys, for the current query only."""
        memo_key = (query, compounds_starting)
        found = self._direct_memo.get(memo_key)
        if found is None:
            full = self._lemma_memo.get(query)
            if full is None:
                full = self._find_lemma_keys(query, compounds=query if compounds_starting else None)
            found = self._direct_memo[memo_key] = {
                k: t for k, t in full.items()
                if t <= STEM or (compounds_starting and t == COMPOUND and k.startswith(query))
            }
        return dict(found)

    def _find_lemma_keys(self, query: str, compounds: str | None = "") -> dict[str, int]:
        """See _lemma_keys. ``compounds``: the compounds looked at, those starting with it ("":
        every one); None: none, nor the compound parts' families (see _direct_keys)."""
        keys: dict[str, int] = {}
        if query in self.occurrences:
            keys[query] = EXACT
        if len(query) > finnish.MAX_ANALYSED:
            return keys
        for key in self._lemma_candidates(query):
            # Gradation never changes the first letter, so this cheap test is safe.
            if key not in keys and key[0] == query[0] and finnish.same_lemma(query, key):
                keys[key] = STEM
        family_index = self.family_index(query[0])
        participles = []
        for family_key in finnish.family_keys(query):
            for partner in finnish.family_partners(family_key):
                if PARTICIPLE in (family_key[:2], partner[:2]):
                    participles.append(partner)
                    continue
                for key in family_index.get(partner, ()):
                    if key not in keys:
                        keys[key] = FAMILY
        if not keys:
            # A short root's -va participle (sopiva is also an adjective) is the
            # farther relative, for a word the texts have in no closer form.
            for partner in participles:
                for key in family_index.get(partner, ()):
                    keys.setdefault(key, FAMILY_PART)
        if len(query) >= MIN_CLOSURE and query not in keys:
            self._add_other_forms(keys)
            # A slip in the ending (monialainan) meets the -nen base form only
            # (monialainen); its other forms are built on the s-stem (monialais|ia).
            s_stems = tuple(k[:-3] + "s" for k, tier in keys.items() if tier == STEM and k.endswith("nen"))
            if s_stems:
                for key in self._prefix_candidates(s_stems):
                    if key not in keys and key.startswith(s_stems):
                        keys[key] = STEM
        if len(query) >= finnish.MIN_QUERY_FOR_TAILS and compounds is not None:
            probes = {s[:3] for s in finnish.stems(query) if len(s) >= min(finnish.MIN_PART, len(query))}
            for key in self._compound_candidates(query):
                if (
                    key not in keys
                    and key.startswith(compounds)
                    and len(key) > len(query) - 2
                    and any(p in key for p in probes)
                    and finnish.in_compound(query, key)
                    # A place's name is a name wherever it stands: kirkko is not in Kirkkonummi.
                    and place_named(key) is None
                ):
                    keys[key] = COMPOUND
        if compounds != "" or (
            any(tier not in _FAMILY_TIERS for tier in keys.values()) and FAMILY not in keys.values()
        ):
            return keys
        # A relative inside a compound (verkko|koulutus for kouluttaminen) is the
        # farthest link: only for a word the texts have in no form of its own, or
        # whose family they have (kouluttaa, koulutetaan, koulutus|päivää).
        family_index = self.family_part_index(query[0])
        for family_key in finnish.family_keys(query):
            for partner in finnish.family_partners(family_key):
                for key in family_index.get(PART_ROOT + partner, ()):
                    if key not in keys:
                        keys[key] = FAMILY_PART
        return keys

    def _own_keys(self, word: str) -> dict[str, int]:
        """_lemma_keys without the relatives that a derivation read across a
        compound boundary would bring (seura|kunta is no -nta noun of seurata,
        so seurakunta does not meet seurataan)."""
        found = self._lemma_keys(word)
        if any(tier in _FAMILY_TIERS for tier in found.values()) and self._misread_compound(word):
            found = {k: t for k, t in found.items() if t not in _FAMILY_TIERS}
        return found

    def _misread_compound(self, query: str) -> bool:
        """Does a derivation read into ``query`` cross a compound boundary? A
        compound that ends in a word of its own (seura|kunta) has the family of
        that word: seuraku|nta is no -nta noun of seurata. Asked only of a word
        that met nothing but relatives."""
        keys = finnish.family_keys(query)
        for head, tail in finnish.split_points(query):
            if (
                len(tail) >= finnish.MIN_PART and len(head) >= finnish.MIN_STEM
                # (a vowel after a vowel-final head is more often a suffix: tilasto|idaan)
                and not (head[-1] in "aeiouy" and tail[0] in "aeiouy")
                and self._is_word(tail)
            ):
                through_tail = {key[:2] + head + key[2:] for key in finnish.family_keys(tail)}
                if not keys & through_tail:
                    return True
        return False

    def _agent_keys(self, query: str) -> dict[str, int]:
        """Keys of the agent nouns of ``query``'s verb family, or of the verb
        family of ``query`` as an agent noun (see finnish.agent_partners)."""
        if len(query) > finnish.MAX_ANALYSED:
            return {}
        family_index = self.family_part_index(query[0])
        keys: dict[str, int] = {}
        for family_key in finnish.family_keys(query):
            for partner in finnish.agent_partners(family_key):
                for mark, tier in (("", FAMILY), (PART_ROOT, FAMILY_PART)):
                    for key in family_index.get(mark + partner, ()):
                        keys[key] = min(keys.get(key, tier), tier)
        return keys

    def _add_other_forms(self, keys: dict[str, int]) -> None:
        """A form the texts lack that meets a single word (etäneuvonata meets
        etäneuvonta through a stem only these two share), in one or a few of
        its forms, is that word mistyped: its other inflections are met too.
        (Only forms of the word's own length or longer, that keep all of it but
        its ending: ohjaus|ta is not a form of ohjaus|työ|n.)"""
        met = [k for k, tier in keys.items() if tier == STEM]
        if not met or len(met) > 4 or not all(finnish.same_lemma(met[0], k) for k in met[1:]):
            return
        for found in met:
            head = found[: len(found) - 3]
            for key in self._prefix_candidates((head,)):
                if (
                    key not in keys
                    and len(key) >= len(found) - 1
                    and key.startswith(head)
                    and finnish.same_lemma(found, key)
                ):
                    keys[key] = STEM

    def _both_parts_keys(self, query: str) -> dict[str, int]:
        """Adjective-noun compounds with both parts inflected (see finnish.both_parts_inflected);
        rare, so tried only when nothing else matched."""
        splits = finnish.split_points(query)
        if len(query) < MIN_BOTH_INFLECTED or not splits:
            return {}
        # A key's tail must begin as one of the query's tails (both_parts_inflected), at a boundary,
        # which leaves at least MIN_STEM letters on either side: a test in C before the analysis.
        starts = "|".join(sorted({re.escape(tail[:2]) for _, tail in splits}))
        could = re.compile(f".{{{finnish.MIN_STEM},}}(?:{starts}).", re.DOTALL).match
        return {
            k: STEM
            for k in self._prefix_candidates((query[:2],))
            if k[:2] == query[:2] and could(k) and finnish.both_parts_inflected(query, k)
        }

    def _is_word(self, head: str) -> bool:
        """Is ``head`` (folded) a word of the texts on its own, in some inflection?"""
        known = self._words.get(head)
        if known is None:
            if len(self._words) > 4096:
                self._words.clear()  # heads of query words: keep the cache bounded
            known = self._words[head] = any(
                k[0] == head[0] and finnish.same_lemma(head, k)
                for k in self._typo_lemma_candidates(head)
                if "-" not in k
            )
        return known

    @staticmethod
    def _direct(keys: dict[str, int]) -> bool:
        """Did a query word meet something other than a typo's look-alike?"""
        return any(tier < TYPO for tier in keys.values())

    def _present(self, keys: dict[str, int], fields: Sequence[str]) -> bool:
        return any(o.field in fields for key in keys for o in self.occurrences[key])

    @cached_property
    def _typo_sources(self) -> dict[str, list[tuple[str, str]]]:
        """``(word, key)`` by first letter: every typo key and, for compounds,
        its longer tails: the last part carries the inflection and the meaning
        (a typo in ``rekisteri`` should find ``osallistuja|rekisteriä``); heads
        and middles would triple the cost."""
        compound = set(self.compound_keys)
        sources: dict[str, list[tuple[str, str]]] = {}
        for key in self.typo_keys:
            for source in typo_sources(key, key in compound):
                sources.setdefault(source[0], []).append((source, key))
        return sources

    def typo_forms(self, letter: str) -> list[tuple[str, str]]:
        """``(form, key)``: the typo sources starting with ``letter`` and their
        longer stems, so that a typo in a base form (``matriaali``) meets an
        inflected word (``materiaaleja``). Worked out per letter on first use."""
        forms = self._typo_forms.get(letter)
        if forms is None:
            forms = []
            for source, key in self._typo_sources.get(letter, ()):
                forms.extend((form, key) for form in typo_source_forms(source))
            self._typo_forms[letter] = forms
        return forms

    def _typos(
        self, query: str, known_relatives: bool = False, direct: bool = False, least: int = 0
    ) -> dict[str, int]:
        """Keys of the words ``query`` is a slip of, and what they match.
        ``known_relatives``: the query has relatives in the texts, so it is
        probably a word typed right; it gets one edit fewer. ``direct``: only
        the keys of tier TYPO (what the closest words match as written or
        inflected), all a caller that keeps only those needs. ``least``: the
        budget is at least this."""
        budget = max(least, finnish.typo_budget(query)) - (1 if known_relatives else 0)
        if budget <= 0:
            return self._length_slips(query, direct) if budget == 0 else {}
        # Slips of typing (see finnish.slip_distance): a swap of two letters (psite/piste) is one edit.
        # The query as typed is compared with every form of a word: a base form
        # with a typo against the stem of an inflected one. The query's own
        # stems have lost their ending, so they get one edit fewer; this is what
        # finds ``digitalinen`` in ``digitaalisia``.
        query_stems = [s for s in finnish.stems(query) if s != query and len(s) >= max(TYPO_MIN_FORM, len(query) - 3)]
        # A compound whose first part is a known word (palvelu|talo) has its typo
        # in the rest, which is judged as a word of its own length: two edits
        # turn talo into tarve, and palvelutalo is not palvelutarve.
        # (A vowel after a vowel-final head is more often a suffix: sähkö|inen.)
        heads = [
            (head, tail)
            for head, tail in finnish.split_points(query)
            if len(head) >= finnish.MIN_PART and len(tail) >= finnish.MIN_PART
            and not (head[-1] in "aeiouy" and tail[0] in "aeiouy")
        ]
        # The budget is spent after inflection: a case ending typed right costs
        # nothing (rymämuoto|nen against ryhmämuotoi|sia); a slipped ending is
        # the one slip allowed, after a stem typed right (foorumi|la, kokeilu|idn).
        exact_cuts, slipped_cuts = finnish.ending_cuts(query, TYPO_MIN_FORM)
        # A one-letter ending (-t, -n, -a) is as likely a slip itself: free only
        # after a long stem (viestntäkanva|t), where two slips are allowed anyway.
        # The weak grade of a whole long word (henkilöstöhallinto/-hallinno-) is inflection, not a
        # lost ending: free. (In a short word it is a slip's likeness: tarvike is no tarve.)
        whole_weak = finnish.weaken(query) if query[-1] in "aeiouy" and finnish.typo_budget(query) > 1 else set()
        cuts = [(q, 0 if q in whole_weak else 1) for q in query_stems] + [
            (q, 0) for q in exact_cuts if len(query) - len(q) > 1 or len(q) >= MIN_LONG_STEM
        ]
        slipped_stems = set(slipped_cuts)
        distances: dict[str, int] = {}
        tails: dict[str, str] = {}
        probes = [(query, budget), *((q, budget - cost) for q, cost in cuts), *((q, 0) for q in slipped_stems)]
        for form, key in self._typo_candidates(query, probes):
            if abs(len(form) - len(query)) > budget + 3:
                continue
            distance, typed, cut_cost = _slip_distance(query, form, budget), query, 0
            if distance > budget:
                distance, typed, cut_cost = min(
                    (
                        (_slip_distance(q, form, budget - cost) + cost, q, cost)
                        for q, cost in cuts
                        if abs(len(q) - len(form)) <= budget - cost
                    ),
                    default=(distance, query, 0),
                )
            if distance > 1 and form in slipped_stems:
                distance, typed, cut_cost = 1, form, 0
            if distance - cut_cost > 1 and distance - cut_cost > finnish.typo_budget(min(typed, form, key=len)):
                # Two slips need two long words: seurakut|na (a cut) is not two slips from seurat|aan.
                continue
            if distance <= budget and distance < distances.get(key, budget + 1):
                # The tail is judged in the form that met the word: a stem
                # against a stem (maahanmuttaj|at against maahanmuuttaj|ien).
                if distance and not self._tail_typo_ok(heads, typed, form, budget):
                    continue
                distances[key] = distance
                at = key.rfind(form)
                if at > 0:
                    tails[key] = key[at:]  # met through a compound's last part
                else:
                    tails.pop(key, None)
        # Only the closest words (a typo has one intended word, not every
        # neighbour), then whatever those words match themselves: their other
        # inflections and the compounds they are part of (työllisttyminen ->
        # työllistymiseen -> työllistymis|näkökulmaa).
        best_distance = min(distances.values(), default=0)
        best = [key for key, distance in distances.items() if distance == best_distance]
        keys: dict[str, int] = {}
        # A slip of a word the texts have only as a compound's last part (palvleut
        # for osaamis|palvelut) is a slip of that word: its own forms count too.
        for key in [*best, *dict.fromkeys(tails[k] for k in best if k in tails)]:
            for found, tier in (self._direct_keys(key) if direct else self._own_keys(key)).items():
                keys[found] = min(keys.get(found, TYPO_PART), TYPO if tier <= STEM else TYPO_PART)
        return keys

    def _lexicon_typos(self, query: str, fields: Sequence[str]) -> dict[str, int]:
        """A word the texts have in no form may be a slip of a word of the field
        that they have only in another form of its family or inside a compound
        (kartotus for kartoitus, which the texts have as kartoitetaan). The
        glossary's Finnish words tell a slip from a real word: a query that is
        one of them, or an inflection of one, is not corrected; otherwise the
        closest of them within the typo budget stands for it, and what that
        word matches (its forms, family and compounds) is met as a typo."""
        # A guess farther than a slip of a word of the texts: one slip per
        # LEXICON_SLIP letters (osaaminen is two edits from ostaminen).
        budget = min(finnish.typo_budget(query), len(query) // LEXICON_SLIP)
        if budget <= 0 or len(query) > finnish.MAX_ANALYSED:
            return {}
        from hankkeet import glossary

        lexicon = glossary.finnish_words().get(query[0], ())
        if any(finnish.same_lemma(query, word) for word in lexicon):
            return {}
        exact_cuts, _ = finnish.ending_cuts(query, TYPO_MIN_FORM)
        typed = [(query, 0)] + [
            (q, 0) for q in exact_cuts if len(query) - len(q) > 1 or len(q) >= MIN_LONG_STEM
        ] + [(s, 1) for s in finnish.stems(query) if s != query and len(s) >= max(TYPO_MIN_FORM, len(query) - 3)]
        heads = [
            (head, tail)
            for head, tail in finnish.split_points(query)
            if len(head) >= finnish.MIN_PART and len(tail) >= finnish.MIN_PART
            and not (head[-1] in "aeiouy" and tail[0] in "aeiouy")
        ]
        distances: dict[str, int] = {}
        for word in lexicon:
            if abs(len(word) - len(query)) > budget + 3:
                continue
            floor = min(len(word), max(TYPO_MIN_FORM, len(word) - 5))
            forms = [f for f in {word, *finnish.stems(word)} if len(f) >= floor]
            best = budget + 1
            for q, cost in typed:
                for form in forms:
                    if abs(len(q) - len(form)) <= budget - cost:
                        distance = _slip_distance(q, form, budget - cost) + cost
                        if distance < best and (not distance or self._tail_typo_ok(heads, q, form, budget)):
                            best = distance
            if best <= budget:
                distances[word] = best
        if not distances:
            return {}
        closest = min(distances.values())
        keys: dict[str, int] = {}
        for word in (w for w, d in distances.items() if d == closest):
            for found, tier in self._own_keys(word).items():
                keys[found] = min(keys.get(found, TYPO_PART), TYPO if tier <= STEM else TYPO_PART)
        return keys if self._present(keys, fields) else {}

    def _length_slips(self, query: str, direct: bool = False) -> dict[str, int]:
        """A short word allows no typo but one: a letter doubled or undoubled
        (``ofice``, ``offfice``), the commonest slip of fast typing; any other edit
        to a five-letter word is as likely another word. ``direct``: as for _typos."""
        if len(query) < MIN_LENGTH_SLIP:
            return {}
        found = {
            key
            for form, key in self.typo_forms(query[0])
            if abs(len(form) - len(query)) == 1 and _length_slip(query, form)
        }
        keys: dict[str, int] = {}
        for key in found:
            for other, tier in (self._direct_keys(key) if direct else self._own_keys(key)).items():
                keys[other] = min(keys.get(other, TYPO_PART), TYPO if tier <= STEM else TYPO_PART)
        return keys

    def _tail_typo_ok(self, heads: list[tuple[str, str]], typed: str, form: str, budget: int) -> bool:
        for head, _ in reversed(heads):
            tail = typed[len(head) :]
            if form.startswith(head) and len(tail) >= finnish.MIN_STEM and self._is_word(head):
                tail_budget = min(budget, max(1, finnish.typo_budget(tail)))
                if _slip_distance(tail, form[len(head) :], tail_budget) <= tail_budget:
                    return True
                # The text's first part may be a genitive that the typed head lost
                # (englanni|kileinen for englannin|kielinen): the rest begins after it.
                rest = form[len(head) + 1 :]
                return form[len(head) : len(head) + 1] in ("n", "s") and (
                    _slip_distance(tail, rest, tail_budget) <= tail_budget
                )
        return True

    # -- the query ----------------------------------------------------------

    def search(self, query: str, fields: Sequence[str] = FIELDS, limit: int = 0) -> list[Hit]:
        """Projects matching every word of ``query``, best first; ``limit`` 0 = all."""
        self._lemma_memo.clear()
        self._direct_memo.clear()
        words = finnish.query_words(query, limit=MAX_QUERY_WORDS)
        if not words:
            raise EmptyQuery("empty query: give at least one word to search for")
        fields = tuple(fields)
        words, places = _place_phrases(query, words)
        words = self._split_unknown_hyphenated(words, fields)
        words, alternatives, translations = self._translate(words, fields, _spellings(query))
        # A place of several words (a county, S:t Michel) is one word: any of its municipalities.
        words = [*words, *(fold(place.name) for place in places)]
        alternatives = [*alternatives, *(place.members for place in places)]
        word_keys = []
        phrase_keys: dict[int, list[list[dict[str, int]]]] = {}  # word -> its phrase alternatives' words' keys
        for i, choices in enumerate(alternatives):
            keys: dict[str, int] = {}
            for choice in choices:
                if " " in choice:
                    phrase_keys.setdefault(i, []).append([self._word_keys(w, fields) for w in choice.split()])
                    continue
                for key, tier in self._word_keys(choice, fields).items():
                    keys[key] = min(keys.get(key, tier), tier)
            word_keys.append(keys)
        self._add_joined_pairs(words, word_keys, fields)
        split_at: list[int] = []  # words read as two: they must stand side by side
        phrases_at = [phrase_keys.get(i, []) for i in range(len(words))]
        for i in reversed(range(len(words))):
            if not self._present(word_keys[i], fields) and not phrases_at[i]:
                split = self._split_joined(words[i], fields)
                if split is None:
                    return []
                parts, parts_keys = split
                words[i : i + 1] = parts
                word_keys[i : i + 1] = parts_keys
                phrases_at[i : i + 1] = [[] for _ in parts]
                split_at = [*range(i, i + len(parts) - 1), *(j + len(parts) - 1 for j in split_at)]
        per_word: list[dict[int, list[tuple[int, _Occurrence]]]] = []
        for keys, phrases in zip(word_keys, phrases_at, strict=True):
            by_project = self._by_project(keys, fields)
            for phrase in phrases:
                # A phrase alternative matches where its words stand side by side, as written or inflected.
                hits = [self._by_project(part, fields) for part in phrase]
                for project in set(hits[0]).intersection(*hits[1:]):
                    if all(_adjacent(a[project], b[project]) for a, b in itertools.pairwise(hits)):
                        by_project.setdefault(project, []).extend(m for part in hits for m in part[project])
            if not by_project:
                return []
            per_word.append(by_project)
        candidates = set(per_word[0]).intersection(*per_word[1:])
        for i in split_at:
            candidates = {c for c in candidates if _adjacent(per_word[i][c], per_word[i + 1][c])}
        ranked = sorted(
            (self._rank(index, words, per_word) for index in candidates),
            key=lambda r: (not r[2], r[3], -r[1], self._number(r[0])),
        )
        if limit:
            ranked = ranked[:limit]
        # Matched words and spans only for the hits that are shown.
        return [
            Hit(self.projects[index], score, phrase, _field_matches(self.projects[index], per_word, index),
                translations)
            for index, score, phrase, _ in ranked
        ]

    def _by_project(self, keys: dict[str, int], fields: Sequence[str]) -> dict[int, list[tuple[int, _Occurrence]]]:
        """The occurrences of ``keys`` in ``fields``, with their tiers, by project."""
        by_project: dict[int, list[tuple[int, _Occurrence]]] = {}
        for key, tier in keys.items():
            for occ in self.occurrences[key]:
                if occ.field in fields:
                    # A part of an unhyphenated compound is a compound match however well it matched.
                    found = max(tier, COMPOUND) if occ.word.kind == WordKind.HARMONY else tier
                    for project in self.text_projects[occ.text]:
                        by_project.setdefault(project, []).append((found, occ))
        return by_project

    def _is_finnish(self, word: str, fields: Sequence[str]) -> bool:
        """Does ``word`` match the texts as a Finnish word (as written, inflected, in a compound, a place)?"""
        return place_named(word) is not None or self._present(self._lemma_keys(word), fields)

    def _translate(
        self, words: list[str], fields: Sequence[str], spelled: dict[str, str] | None = None
    ) -> tuple[list[str], list[tuple[str, ...]], tuple[Translation, ...]]:
        """English or Swedish terms the texts lack, read as their Finnish words.

        Returns the words (a translated term stands as its first Finnish word),
        the alternatives searched for each (any of them may match) and the
        translations made. Longer terms first (``service point`` is
        ``palvelupiste``); a term whose words the texts have as they are
        (``entry point``, ``Welcome``) is left alone.
        """
        from hankkeet import glossary

        spelled = spelled or {}
        out: list[str] = []
        alternatives: list[tuple[str, ...]] = []
        translations: list[Translation] = []
        i = 0
        while i < len(words):
            for n in range(min(glossary.LONGEST_TERM, len(words) - i), 0, -1):
                group = words[i : i + n]
                # The glossary first: a dictionary look-up, where telling a word Finnish
                # costs a walk through the texts' inflections and word families.
                entry = glossary.lookup(" ".join(group))
                if entry is None or all(self._is_finnish(w, fields) for w in group):
                    continue
                singles = [f for f in entry.finnish if " " not in f]
                present = tuple(f for f in singles if self._present(self._word_keys(fold(f), fields), fields))
                phrases = [f for f in entry.finnish if " " in f]
                found_phrases = tuple(
                    f for f in phrases
                    if all(self._present(self._word_keys(w, fields), fields) for w in fold(f).split())
                )
                if n == 2 and not present and not found_phrases and self._words_translate(group, fields):
                    # A two-word term whose Finnish the texts lack is read word by word
                    # (interpreting services: tulkkaus and palvelu, not tulkkauspalvelu); a
                    # longer one names one thing (wellbeing services county).
                    continue
                if present and found_phrases:
                    # A word and a phrase (tredje sektorn: järjestö or kolmas sektori): either
                    # may match, the phrase where its words stand side by side.
                    used = (*present, *found_phrases)
                    out.append(fold(present[0]))
                    alternatives.append(tuple(fold(f) for f in used))
                    translations.append(Translation(" ".join(spelled.get(w, w) for w in group), entry.language, used))
                    i += n
                    break
                if not present and phrases:
                    # No one-word equivalent is in the texts: a phrase whose every word
                    # is (digitala tjänster: digitaalinen palvelu rather than digipalvelu).
                    phrases = [
                        f for f in phrases
                        if all(self._present(self._word_keys(w, fields), fields) for w in fold(f).split())
                    ] or phrases
                if singles and (present or not phrases):
                    used = present or tuple(singles)
                    out.append(fold(used[0]))
                    alternatives.append(tuple(fold(f) for f in used))
                else:  # a Finnish phrase (etsivä työ): its words, each to be matched
                    used = (phrases[0],)
                    for part in fold(used[0]).split():
                        out.append(part)
                        alternatives.append((part,))
                translations.append(Translation(" ".join(spelled.get(w, w) for w in group), entry.language, used))
                i += n
                break
            else:
                out.append(words[i])
                alternatives.append((words[i],))
                i += 1
        if translations and len(out) > 1:
            # A foreign query: its joining words go.
            kept = [i for i, word in enumerate(out) if word not in glossary.FUNCTION_WORDS] or list(range(len(out)))
            out, alternatives = [out[i] for i in kept], [alternatives[i] for i in kept]
        # A term the texts also have as written is searched as written and
        # through its Finnish words: in a foreign query (a Swedish project
        # name's rådgivning), and a Swedish term anywhere (välfärdsområde in
        # a bilingual organisation's name is still the hyvinvointialue of the
        # others; rådgivning Kokkola is neuvonta there). An English word of a
        # Finnish query stays as it is: English words in these texts are
        # names (Welcome, entry point).
        for i, word in enumerate(out):
            entry = glossary.lookup(word) if alternatives[i] == (word,) else None
            also = tuple(f for f in entry.finnish if " " not in f) if entry is not None else ()
            if entry is not None and also and (translations or entry.language == "sv"):
                alternatives[i] = (word, *(fold(f) for f in also))
                translations.append(Translation(spelled.get(word, word), entry.language, also))
        return out[:MAX_QUERY_WORDS], alternatives[:MAX_QUERY_WORDS], tuple(translations)

    def _words_translate(self, group: list[str], fields: Sequence[str]) -> bool:
        """Does every word of ``group`` (a function word aside) match the texts, as a
        Finnish word or through a glossary word of its own that they have?"""
        from hankkeet import glossary

        for word in group:
            if word in glossary.FUNCTION_WORDS or self._is_finnish(word, fields):
                continue
            entry = glossary.lookup(word)
            if entry is None or not any(
                all(self._present(self._word_keys(w, fields), fields) for w in fold(f).split()) for f in entry.finnish
            ):
                return False
        return True

    def explain_no_results(self, query: str, fields: Sequence[str] = FIELDS) -> str:
        """Why ``query`` found nothing, in one line: a place no project covers,
        a translated term the texts lack, or simply no match."""
        words = finnish.query_words(query, limit=MAX_QUERY_WORDS)
        fields = tuple(fields)
        words, places = _place_phrases(query, words)
        for phrase in places:
            if not any(self._present(self._word_keys(m, fields), fields) for m in phrase.members):
                if phrase.kind == "municipality":
                    return f"no project covers {phrase.name} (a municipality); see: hankkeet kunta {phrase.name}"
                return f"no project covers {phrase.name} (a wellbeing services county); see: hankkeet coverage"
        for word in words:
            place = place_named(word)
            if place is not None and not self._present(self._word_keys(word, fields), fields):
                if place.kind == "municipality":
                    return f"no project covers {place.name} (a municipality); see: hankkeet kunta {place.name}"
                return f"no project covers the region {place.name}; see: hankkeet list --maakunta {place.name}"
        shown = query if len(query) <= 60 else query[:57] + "..."
        _, _, translations = self._translate(self._split_unknown_hyphenated(words, fields), fields, _spellings(query))
        if translations:
            read = ", ".join(f"{t.term!r} as {' / '.join(t.finnish)!r}" for t in translations)
            return f"no project matches {shown!r} (the texts are in Finnish; searched {read})"
        return f"no project matches {shown!r}"

    def _add_joined_pairs(self, words: list[str], word_keys: list[dict[str, int]], fields: Sequence[str]) -> None:
        """Two query words the texts write as one compound (``tuki rakenne``
        for ``tukirakenne``, ``verkko koulutus`` for ``verkkokoulutus``): that
        compound matches both words, as well as they match it together, so
        the pair is found even where a short word alone is not (a four-letter
        ``tuki`` matches only the last part of a compound) and ranks as a phrase."""
        for i in range(len(words) - 1):
            joined = words[i] + words[i + 1]
            if "-" in joined:
                continue
            keys = {k: t for k, t in self._lemma_keys(joined).items() if t not in _FAMILY_TIERS}
            if not self._present(keys, fields) and not (self._direct(word_keys[i]) and self._direct(word_keys[i + 1])):
                # One of the two matches nothing, or only as a typo: the compound
                # may carry the slip (marjan poiminann for marjanpoiminnan).
                keys = {k: t for k, t in self._typos(joined, direct=True).items() if t == TYPO}
            if self._present(keys, fields):
                for own in (word_keys[i], word_keys[i + 1]):
                    for key, tier in keys.items():
                        own[key] = min(own.get(key, tier), tier)

    def _split_joined(self, word: str, fields: Sequence[str]) -> tuple[list[str], list[dict[str, int]]] | None:
        """A word that matches nothing read as words typed without their spaces:
        two as written, two with a slip, or a word as written or inflected and two
        more (``matalankynnyksenohjaus``); with the keys of each part."""
        pair = self._joined_words(word, fields)
        if pair is not None:
            return pair, [self._inflections(part) for part in pair]
        slipped = self._joined_words_with_slip(word, fields)
        if slipped is not None or len(word) > finnish.MAX_ANALYSED:
            return slipped
        for i in range(MIN_SLIP_HALF, len(word) - 2 * MIN_SLIP_HALF + 1):
            head, rest = word[:i], word[i:]
            head_keys = self._direct_keys(head)
            if not self._present(head_keys, fields):
                continue
            pair = self._joined_words(rest, fields)
            split = (pair, [self._inflections(p) for p in pair]) if pair else self._joined_words_with_slip(rest, fields)
            if split is None:
                continue
            before = {
                (o.text, o.field, o.word.position)
                for key in head_keys for o in self.occurrences[key] if o.field in fields
            }
            if any(
                (o.text, o.field, o.word.position - 1) in before
                for key in split[1][0] for o in self.occurrences[key] if o.field in fields
            ):
                return [head, *split[0]], [dict.fromkeys(head_keys, STEM), *split[1]]
        return None

    def _inflections(self, word: str) -> dict[str, int]:
        """``word`` as written and its inflections in the texts (a part of a split word)."""
        return self._direct_keys(word)

    def _joined_words(self, word: str, fields: Sequence[str]) -> list[str] | None:
        """A word that matches nothing, read as two words the texts have side by
        side (``entrypoint`` for ``entry point``, ``backoffice``): words are
        joined and split inconsistently, English ones most of all."""
        if len(word) > finnish.MAX_ANALYSED:
            return None
        for i in range(finnish.MIN_STEM, len(word) - finnish.MIN_STEM + 1):
            head, tail = word[:i], word[i:]
            if head in self.occurrences and tail in self.occurrences:
                before = {(o.text, o.field, o.word.position) for o in self.occurrences[head] if o.field in fields}
                if any((o.text, o.field, o.word.position - 1) in before for o in self.occurrences[tail]):
                    return [head, tail]
        return None

    def _joined_words_with_slip(
        self, word: str, fields: Sequence[str]
    ) -> tuple[list[str], list[dict[str, int]]] | None:
        """A word that matches nothing, read as two words the texts have side by
        side with one of them slipped (``matalankynyksen`` for ``matalan
        kynnyksen``, ``backofice``): one half must match directly, as written or
        inflected, the other may be a typo. The first split (shortest head) wins."""
        if len(word) > finnish.MAX_ANALYSED or len(word) < 2 * MIN_SLIP_HALF:
            return None
        for i in range(MIN_SLIP_HALF, len(word) - MIN_SLIP_HALF + 1):
            head, tail = word[:i], word[i:]
            head_keys, tail_keys = self._half_keys(head, fields), self._half_keys(tail, fields, first_part=True)
            # Beside a half typed right, the other is known by its place: a short
            # half may carry one slip too (olemassa|olvaa for olemassa olevaa).
            if not head_keys and self._direct_half(tail_keys):
                head_keys = self._half_keys(head, fields, least=1)
            elif not tail_keys and self._direct_half(head_keys):
                tail_keys = self._half_keys(tail, fields, first_part=True, least=1)
            if not head_keys or not tail_keys:
                continue
            if not any(t <= STEM for t in head_keys.values()) and not any(t <= STEM for t in tail_keys.values()):
                continue  # two slips in two words is too far from what was typed
            before = {
                (o.text, o.field, o.word.position)
                for key in head_keys for o in self.occurrences[key] if o.field in fields
            }
            if any(
                (o.text, o.field, o.word.position - 1) in before
                for key in tail_keys for o in self.occurrences[key] if o.field in fields
            ):
                # Side by side as written: both read as inflections (phrase adjacency needs that).
                return [head, tail], [dict.fromkeys(head_keys, STEM), dict.fromkeys(tail_keys, STEM)]
        return None

    @staticmethod
    def _direct_half(keys: dict[str, int]) -> bool:
        return any(t <= STEM for t in keys.values())

    def _half_keys(self, half: str, fields: Sequence[str], first_part: bool = False, least: int = 0) -> dict[str, int]:
        """Keys one half of a split word matches: as written or inflected (no
        compound parts: a half is a word of its own), else as a typo.
        ``first_part``: the second half may also begin a compound of the texts
        (``liikuva|neuvonta`` for ``liikkuva neuvonta|malli``)."""
        keys = {
            k: STEM if t == COMPOUND else t
            for k, t in self._direct_keys(half, first_part and len(half) >= finnish.MIN_PART + 1).items()
        }
        if not self._present(keys, fields):
            # (A second half also needs the compounds its slipped word begins.)
            slipped = self._typos(half, direct=not first_part, least=least)
            keys = {k: t for k, t in slipped.items() if t == TYPO}
            if first_part and keys:
                # The slipped word may begin a compound too (sähköiset|palvleut for sähköisiä palveluohjauskanavia).
                heads = tuple(k[: len(k) - 2] for k in keys if len(k) - 2 >= finnish.MIN_PART)
                keys.update((k, TYPO) for k, t in slipped.items() if t == TYPO_PART and k.startswith(heads))
        return keys if self._present(keys, fields) else {}

    def _split_unknown_hyphenated(self, words: list[str], fields: Sequence[str]) -> list[str]:
        """A hyphenated query word the texts do not have is read as its parts
        (``sote-keskus`` finds ``sote-hyvinvointikeskuksia``, ``back-office``
        finds ``back office``): hyphens are written inconsistently."""
        out: list[str] = []
        for word in words:
            if "-" in word and not self._present(self._lemma_keys(word), fields):
                out.extend(part for part in word.split("-") if part)
            else:
                out.append(word)
        return out[:MAX_QUERY_WORDS]

    def _rank(
        self, index: int, words: list[str], per_word: list[dict[int, list[tuple[int, _Occurrence]]]]
    ) -> tuple[int, int, bool, int]:
        """(project index, score 0-100, phrase, reach) of one candidate; ``reach``:
        how far its words had to go (see _REACH): 1 when some word matched only
        through its word family, 2 when only as a typo; a project ranks below
        those whose words all matched closer."""
        scores = [
            max(
                TIER_WEIGHT[tier] * FIELD_WEIGHT[occ.field] * (EXPANSION_WEIGHT if occ.word.kind == _GUESSED else 1.0)
                for tier, occ in matches[index]
            )
            for matches in per_word
        ]
        phrase = len(words) > 1 and all(
            _adjacent(per_word[i][index], per_word[i + 1][index]) for i in range(len(words) - 1)
        )
        score = sum(scores) / len(scores) + (PHRASE_BONUS if phrase else 0.0)
        if words == self.name_keys(index) or (len(words) == 1 and words[0] in self.acronyms(index)):
            score = 1.0  # the project's own name or acronym
        reach = max(_REACH[min(tier for tier, _ in matches[index])] for matches in per_word)
        return index, round(100 * min(score, 1.0)), phrase, reach


class Place(NamedTuple):
    """A municipality or region a query word names, with the folded forms that name it."""

    name: str
    kind: str  # "municipality" or "region"
    forms: frozenset[str]


@cache
def _places_by_prefix() -> dict[str, list[tuple[str, str, tuple[str, ...]]]]:
    """(Finnish name, kind, names) of every municipality and region, by the
    first two folded letters of each name (Finnish or Swedish)."""
    rows = place_rows()
    by_prefix: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
    entries = [(name, "municipality", tuple(dict.fromkeys((name, name_sv)))) for name, name_sv, _ in rows]
    entries += [(region, "region", (region,)) for region in dict.fromkeys(region for _, _, region in rows)]
    for entry in entries:
        for prefix in {fold(n)[:2] for n in entry[2]}:
            by_prefix.setdefault(prefix, []).append(entry)
    return by_prefix


def place_rows() -> tuple[tuple[str, str, str], ...]:
    """``(name, name_sv, region)`` of every municipality, read straight from the
    bundled ``kunnat.csv``: every search consults it, and a search on the bundled
    snapshot needs nothing else of the registry package (a test checks that both agree)."""
    from hankkeet.data import read_text

    lines = read_text("kunnat.csv").splitlines()
    header = lines[0].split(",")
    fi, sv, region = header.index("name_fi"), header.index("name_sv"), header.index("maakunta_fi")
    return tuple((row[fi], row[sv], row[region]) for row in (line.split(",") for line in lines[1:] if line))


def place_named(word: str) -> Place | None:
    """The municipality or region that the folded ``word`` names, as written
    (Finnish or Swedish) or in a Finnish case form (``Hangossa``), or None."""
    if len(word) < 2 or len(word) > finnish.MAX_ANALYSED:
        return None
    for name, kind, names in _places_by_prefix().get(word[:2], ()):
        folded = [fold(n) for n in names]
        # (Ii is two letters: its case forms begin with all of it.)
        if word in folded or any(word[: len(f[:3])] == f[:3] for f in folded):
            forms = {*folded, *(fold(form) for form in finnish.inflected_forms(name))}
            if word in forms:
                return Place(name, kind, frozenset(forms))
    return None


@cache
def _swedish_regions() -> dict[str, str]:
    """The Finnish name of each region by its one-word Swedish name (folded, and
    in the genitive: Lappland, Lapplands), from ``data/kunnat-aliases.csv``."""
    from hankkeet.data import read_text

    names: dict[str, str] = {}
    for line in read_text("kunnat-aliases.csv").splitlines()[1:]:
        kind, alias, target, *_ = [*line.split(","), "", "", ""]
        if kind == "region" and " " not in alias.strip():
            folded = fold(nfc(alias.strip()))
            names[folded] = names[folded + "s"] = target.strip()
    return names


def swedish_region(word: str) -> Place | None:
    """The region that the folded ``word`` names in Swedish (``lappland``), or None.
    Consulted only for a word that matches nothing: the texts are Finnish."""
    name = _swedish_regions().get(word)
    return place_named(fold(name)) if name else None


# The word that makes a phrase a wellbeing services county (Finnish, Swedish, abbreviated).
_COUNTY_WORDS = ("hyvinvointialue", "valfardsomrade", "hva")


class PlacePhrase(NamedTuple):
    """A place named by several query words, and the municipalities that stand for it."""

    name: str
    kind: str  # "municipality" or "county"
    members: tuple[str, ...]  # folded municipality names


def _place_phrases(query: str, words: list[str]) -> tuple[list[str], list[PlacePhrase]]:
    """Places named by more than one query word, taken out of ``words``.

    A wellbeing services county (``Varsinais-Suomen hyvinvointialue``,
    ``Egentliga Finlands välfärdsområde``, in a case form too) stands for its
    municipalities; a whole query that names a municipality of several words
    (``S:t Michel``, ``Koski Tl``) for that municipality. Returns the other
    words and ``(name, municipality names)`` per place. The registry is read
    only when a word says "county".
    """
    if len(words) > 1 and " " in (whole := " ".join(fold(nfc(query)).split())):
        place = place_named(whole)
        if place is not None and place.kind == "municipality":
            return [], [PlacePhrase(place.name, "municipality", (fold(place.name),))]
    if not any(w.startswith(_COUNTY_WORDS) for w in words):
        return words, []
    from hankkeet.kunnat.lookup import lookup_county
    from hankkeet.kunnat.registry import registry

    places: list[PlacePhrase] = []
    rest = list(words)
    end = 0
    while end < len(rest):
        if rest[end].startswith(_COUNTY_WORDS):
            base = next(c for c in _COUNTY_WORDS if rest[end].startswith(c))
            for start in range(max(0, end - 4), end):
                county = lookup_county(" ".join([*rest[start:end], base]))
                if county is not None:
                    members = tuple(fold(m.name) for m in registry().in_county(county.name))
                    places.append(PlacePhrase(county.name, "county", members))
                    del rest[start : end + 1]
                    end = start
                    break
            else:
                end += 1
        else:
            end += 1
    return rest, places


def _spellings(query: str) -> dict[str, str]:
    """The query's words as typed (lower case, NFC), by their folded keys."""
    return {finnish.fold(bare): nfc(bare).lower() for token, _, _ in finnish.tokens(nfc(query))
            if (bare := token.strip("-"))}


def _length_slip(a: str, b: str) -> bool:
    """Is one word the other with one letter of a double written once?"""
    if len(a) > len(b):
        a, b = b, a
    return len(b) == len(a) + 1 and any(b[i] == b[i + 1] and b[:i] + b[i + 1 :] == a for i in range(len(a)))


def _slip_distance(a: str, b: str, cutoff: int) -> int:
    """Edits from ``a`` to ``b`` as slips of typing (see finnish.slip_distance), more
    than ``cutoff`` as ``cutoff + 1``; the fast OSA distance, a lower bound, first."""
    from rapidfuzz.distance import OSA

    distance = OSA.distance(a, b, score_cutoff=cutoff)
    if distance == 0 or distance > cutoff:
        return distance
    return finnish.slip_distance(a, b, cutoff)


def _adjacent(first: list[tuple[int, _Occurrence]], second: list[tuple[int, _Occurrence]]) -> bool:
    """Does some match of one word stand right before a match of the next, in one field,
    or do both match one compound (a compound typed as two words)?"""
    starts = {(o.field, o.word.position) for tier, o in first if tier <= STEM}
    same = {(o.field, o.word.start) for tier, o in first if tier <= STEM}
    return any(
        (o.field, o.word.position - 1) in starts or (o.field, o.word.start) in same
        for tier, o in second
        if tier <= STEM
    )


def _field_matches(
    project: Project, per_word: list[dict[int, list[tuple[int, _Occurrence]]]], index: int
) -> tuple[FieldMatch, ...]:
    spans: dict[str, set[tuple[int, int]]] = {}
    for matches in per_word:
        for _, occ in matches[index]:
            spans.setdefault(occ.field, set()).add((occ.word.start, occ.word.end))
    result = []
    for field in FIELDS:
        if field in spans:
            merged = _merge(sorted(spans[field]))
            text = field_text(project, field)
            result.append(FieldMatch(field, tuple(dict.fromkeys(text[a:b] for a, b in merged)), tuple(merged)))
    return tuple(result)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _acronyms(project: Project) -> set[str]:
    """Short names a user may type: all-capital words of the name or organisation
    (``MAGEE``, ``FSHKY``) and a one-word last part of the organisation (``Eksote``)."""
    found = set()
    for text in (project.name, project.organisation):
        for token, _, _ in finnish.tokens(text):
            bare = token.strip("-")
            if len(bare) >= 2 and bare.isupper():
                found.add(fold(bare))
    tail = project.organisation.rsplit(",", 1)
    if len(tail) == 2 and len(finnish.query_words(tail[1])) == 1:
        found.add(fold(tail[1]))
    return found


def _window(text: str, spans: Sequence[tuple[int, int]], width: int) -> tuple[str, list[tuple[int, int]]]:
    if len(text) <= width:
        return text, list(spans)
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 4)
    if start:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and first - space < width // 2 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = [(max(a, start) + shift, min(b, end) + shift) for a, b in spans if a < end and b > start]
    return prefix + text[start:end] + suffix, inside


_CACHE: dict[int, tuple[Snapshot, SearchIndex]] = {}


def index_for(snapshot: Snapshot) -> SearchIndex:
    """The index of ``snapshot``, built once per snapshot object."""
    cached = _CACHE.get(id(snapshot))
    if cached is None or cached[0] is not snapshot:
        if len(_CACHE) > 8:
            _CACHE.clear()
        cached = (snapshot, SearchIndex(snapshot))
        _CACHE[id(snapshot)] = cached
    return cached[1]


def search(snapshot: Snapshot, query: str, fields: Sequence[str] | None = None, limit: int = 0) -> list[Hit]:
    """Search ``snapshot``; see the module docstring. Raises EmptyQuery, UnknownField."""
    return index_for(snapshot).search(query, parse_fields(fields), limit)


def explain_no_results(snapshot: Snapshot, query: str, fields: Sequence[str] | None = None) -> str:
    """One line on why ``query`` found nothing (see SearchIndex.explain_no_results)."""
    return index_for(snapshot).explain_no_results(query, parse_fields(fields))


# -- for a store that builds the index without holding the snapshot (index_store) --


def typo_sources(key: str, compound: bool) -> list[str]:
    """The words a typo key is compared as (see SearchIndex._typo_sources): the
    key and, for a ``compound`` key, its longer tails."""
    sources = [key]
    if compound and len(key) >= TYPO_MIN_FORM + finnish.MIN_STEM:
        sources.extend(
            part for part in finnish.compound_parts(key) if len(part) >= TYPO_MIN_FORM and key.endswith(part)
        )
    return sources


def typo_source_forms(source: str) -> list[str]:
    """A typo source and its longer stems (see SearchIndex.typo_forms): the source first, then
    the longer stems first, in an order that is the same in every process (a stored index's
    slices may be worked out in another one; ties between a word's forms go to the first)."""
    floor = min(len(source), max(TYPO_MIN_FORM, len(source) - 5))
    stems = sorted((s for s in finnish.stems(source) if s != source and len(s) >= floor), key=lambda s: (-len(s), s))
    return [source, *stems]


def family_parts(key: str) -> tuple[str, ...]:
    """The compound parts of a family word long enough to have a family of their own."""
    least = finnish.MIN_FAMILY_ROOT + 2
    return tuple(p for p in finnish.compound_parts(key) if len(p) >= least)


def indexed_words(field: str, text: str) -> list[finnish.Word]:
    """The words SearchIndex indexes for ``text`` of ``field`` (a list of names is not split)."""
    return finnish.words(text, names=field in _NAME_LISTS)


def project_acronyms(project: Project) -> set[str]:
    """The short names of ``project`` a query may use (see SearchIndex.acronyms)."""
    return _acronyms(project)
