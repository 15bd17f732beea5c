"""Finnish word handling for search: tokens, stems, gradation, compound parts.

Pure and general (no project data): everything works on folded text
(``textnorm.fold``: casefolded, diacritics removed), so ``ä`` and ``a`` are the
same letter here and the endings below are written without diacritics.

The idea is *candidate stems*: instead of one "correct" lemma, a word maps to a
small set of plausible stems (endings stripped, plural ``i``/``j`` dropped,
consonant gradation undone in the last syllable). Two words are inflections of
each other when their sets meet on a long enough stem. Snowball's Finnish
stemmer is one extra candidate; on its own it stems ``neuvontaa`` and
``neuvonta`` differently and knows no gradation (``tarve``/``tarpeet``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from hankkeet.textnorm import fold as _fold
from hankkeet.textnorm import nfc

# Tokens repeat (Zipf): fold each distinct one once.
fold = lru_cache(maxsize=1 << 16)(_fold)

# A word: letters/digits with inner hyphens (``vapaa-ajan``), optionally a
# leading hyphen (``ja -kielistä``) or a trailing one (``ohjaus- ja``).
# Combining marks that NFC cannot compose still belong to their letter.
_LETTER = r"[^\W_][\u0300-\u036f]*"
_TOKEN = re.compile(rf"(?<![^\W_])-?(?:{_LETTER})+(?:-(?:{_LETTER})+)*-?")
_CONJUNCTIONS = frozenset({"ja", "tai", "seka", "eli", "and", "or", "&"})
# The one set of Finnish letter tables, shared with hankkeet.kunnat.inflect,
# which generates the case forms of place names (unfolded).
VOWELS = frozenset("aeiouyäöå")
BACK_VOWELS = frozenset("aou")
FRONT_VOWELS = frozenset("äöy")
_VOWELS = frozenset(_fold("".join(sorted(VOWELS))))  # folded: ä→a, ö→o
# A long vowel (folded) is never split by a compound boundary; a diphthong
# can be (palvelu|ohjaus), so only these are ruled out.
_ONE_SYLLABLE = frozenset("aa ee ii oo uu yy".split())

# Inflectional endings, folded (ssä = ssa). Singular cases, plural forms with
# their i/j marker, the -nen adjective forms, a few derivational tails and the
# cases with a possessive suffix (asiointipistee|stään, tehtävi|ssään).
_ENDINGS = tuple(
    sorted(
        set(
            """n a ta tta ssa sta lla lta lle na ksi t
            an en in on un yn han hen hin hon hun hyn seen siin
            den tten iden itten jen ien ten ia ita ja issa ista illa ilta ille ina iksi
            isiin ihin iin nen sen set sia sten sesti sti nsa
            ssaan staan llaan ltaan lleen naan kseen itse""".split()
        ),
        key=len,
        reverse=True,
    )
)

_ENDING_LENGTHS = tuple(sorted({len(e) for e in _ENDINGS}))

# Tails that are endings, not words: rakenne|taan is a verb form, not a compound.
_NOT_PARTS = frozenset(
    "taan daan tiin ttiin ttaan vat mme tte nut neet ttu tava ttava maan massa masta malla matta minen mista".split()
)
# The -(U)us/-(Y)ys derivation (digitaalisuus, monikanavaisuutta) looks like a
# compound tail suu|tta but is not one.
_DERIVATION_TAIL = re.compile(r"s(uu|yy)(s|t|d|k)")
_STOPS = frozenset("pbtdkgf")
MIN_STEM = 3  # shorter candidate stems are noise (``ta``, ``ja``)
MIN_PART = 4  # shortest compound part that may be matched on its own
MIN_QUERY_FOR_PARTS = 5  # a query word shorter than this matches only the last part of a compound
MIN_QUERY_FOR_TAILS = 3  # ... and one shorter than this never matches inside a compound
# The longest word that is analysed (stems, compound parts, typos). Finnish
# words in real texts stay well below this; a longer "word" is matched only
# exactly, so the work on any input stays linear in its length.
MAX_ANALYSED = 64


class WordKind(StrEnum):
    """Where an indexed word came from (see :class:`Word`)."""

    WORD = "word"  # a word as written
    PART = "part"  # a part of a hyphenated compound
    HARMONY = "harmony"  # a part of an unhyphenated compound whose boundary vowel harmony shows
    EXPANSION = "expansion"  # a word an elliptical hyphen stands for


class Word(NamedTuple):
    """One indexed word: its folded ``key`` and where it came from.

    ``start``/``end`` index the original text (for highlighting); ``position``
    counts words, so adjacent words differ by one (phrases). ``kind`` is
    ``word`` for a word as written, ``part`` for a part of a hyphenated
    compound, ``harmony`` for a part of an unhyphenated compound whose
    boundary vowel harmony shows (matched as a compound part, not as a word)
    and ``expansion`` for a word an elliptical hyphen stands for
    (these are guesses at the compound boundary, some of them nonsense, so
    they are matched only exactly or as inflections). ``proper`` marks a
    capitalised word inside a sentence: a name, whose parts mean nothing on
    their own (``Lappeenranta`` is not about ``Lappi``).
    """

    key: str
    start: int
    end: int
    position: int
    kind: WordKind = WordKind.WORD
    proper: bool = False


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Raw tokens with their spans, hyphens kept as written."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def words(text: str, names: bool = False) -> list[Word]:
    """Every searchable word of ``text``, with derived forms.

    ``vapaa-ajan`` yields itself, ``vapaa`` and ``ajan``; ``ohjaus- ja
    neuvontapalvelu`` also yields ``ohjauspalvelu``; ``monikanavaista ja
    -kielistä`` also yields ``monikielistä``. ``names``: the text is a list
    of place or organisation names (an area, municipalities), so every
    capitalised word is a name, even the first of the list.
    """
    raw = tokens(text)
    out: list[Word] = []
    append, new_word, shape, kind = out.append, tuple.__new__, _token_shape, WordKind.WORD
    run_end = [0]  # the index of the word a run of heads completes, found once for the whole run
    for index, (token, start, end) in enumerate(raw):
        bare, key, lead, trail, capital, inner = shape(token)
        proper = capital and (names or not _sentence_start(text, start))
        append(new_word(Word, (key, start, end, index, kind, proper)))  # (Word(...), without its Python frame)
        if inner:
            if inner == _HYPHENATED:
                out.extend(_hyphen_parts(key, bare, start + (1 if lead else 0), index))
            else:
                out.extend(_harmony_parts(bare, start + (1 if lead else 0), index, proper))
        if trail:
            out.extend(_completed_heads(raw, index, key, start, run_end))
        if lead and index >= 2 and fold(raw[index - 1][0]) in _CONJUNCTIONS:
            # monikanavaista ja -kielistä: the tail replaces the previous word's tail.
            prev, prev_start, _ = raw[index - 2]
            prev_key = fold(prev.strip("-")).rsplit("-", 1)[-1]
            for head, _ in split_points(prev_key):
                out.append(Word(head + key, prev_start, end, index, WordKind.EXPANSION))
    return out


_HYPHENATED, _HARMONY = 1, 2


@lru_cache(maxsize=1 << 16)
def _token_shape(token: str) -> tuple[str, str, bool, bool, bool, int]:
    """What words() reads off a raw token, worked out once per distinct token (they repeat):
    the token without its hyphens, its key, a leading and a trailing hyphen, a capital first
    letter, and whether it has parts (_HYPHENATED, or _HARMONY: a vowel-harmony boundary)."""
    bare = token.strip("-")
    key = fold(bare)
    inner = 0
    if "-" in key:
        inner = _HYPHENATED
    elif ("aa" in key and "ä" in bare) or ("oo" in key and "ö" in bare):  # cheap tests first
        inner = _HARMONY
    return bare, key, token.startswith("-"), token.endswith("-") and len(token) > 1, bare[:1].isupper(), inner


def _hyphen_parts(key: str, bare: str, offset: int, index: int) -> list[Word]:
    """The parts of a hyphenated word (``sote-keskus``), and their harmony parts."""
    out = []
    for part in bare.split("-"):
        if part:
            out.append(Word(fold(part), offset, offset + len(part), index, WordKind.PART, part[:1].isupper()))
            if ("aa" in key and "ä" in part) or ("oo" in key and "ö" in part):
                out.extend(_harmony_parts(part, offset, index, False))
        offset += len(part) + 1
    return out


def _completed_heads(raw: list[tuple[str, int, int]], index: int, key: str, start: int,
                     run_end: list[int]) -> list[Word]:
    """ohjaus- ja neuvontapalvelu: the head (``ohjaus-``) completes the next full word.

    ``run_end[0]`` remembers where the last scan ended: every head of one run (``a-, b- ja c``)
    completes the same word, so a run of n heads costs n steps, not n squared."""
    j = run_end[0] if run_end[0] > index else index + 1
    while j < len(raw) and (fold(raw[j][0]) in _CONJUNCTIONS or raw[j][0].endswith("-")):
        j += 1
    run_end[0] = j
    if not (j < len(raw) and j > index + 1 and not raw[j][0].startswith("-")):
        return []
    full, _, full_end = raw[j]
    head = key.rsplit("-", 1)[-1]
    return [Word(head + tail, start, full_end, index, WordKind.EXPANSION)
            for _, tail in split_points(fold(full.rsplit("-", 1)[-1]))]


# Vowel harmony: a Finnish word never has a back vowel right next to its front
# counterpart (ä|a, ö|o), so where they meet two words were compounded
# (kehittäjä|asiakasryhmä). Folding hides this boundary (kehittajaasiakasryhma
# reads as a long aa, which compound_parts never splits), and the spelling rule
# hyphenates only identical vowels (toiminta-alue), so only these need it.
_HARMONY_CLASH = re.compile("ä[aA]|[aA]ä|ö[oO]|[oO]ö")  # a capital starts a word: no clash before it


def _harmony_parts(part: str, offset: int, position: int, proper: bool) -> list[Word]:
    """The parts of ``part`` (unfolded, starting at ``offset``) on each side of a
    harmony clash, as long as compound_parts would give (a three-letter head
    is mostly chance)."""
    out = []
    for match in _HARMONY_CLASH.finditer(part):
        cut = match.start() + 1
        if cut >= MIN_PART:
            out.append(Word(fold(part[:cut]), offset, offset + cut, position, WordKind.HARMONY, proper))
        if len(part) - cut >= MIN_PART:
            out.append(Word(fold(part[cut:]), offset + cut, offset + len(part), position, WordKind.HARMONY, False))
    return out


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in ".!?:;–—(\"'"


# An abbreviation takes its case ending after a colon (FSHKY:n, EU:ssa, TE:lle);
# the ending is not a word of its own.
_ABBREVIATION_ENDING = re.compile(r"(?<=[^\W_]):[^\W\d_]{1,5}(?![^\W_])")


def query_words(text: str, limit: int = 32) -> list[str]:
    """The folded words of a query, in order, at most ``limit`` of them.

    Only word characters count: punctuation, control characters and markup
    brackets are separators. Hyphens inside a word are kept (``vapaa-aika``);
    the case ending of an abbreviation is dropped (``FSHKY:n``).
    """
    found: list[str] = []
    for match in _TOKEN.finditer(_ABBREVIATION_ENDING.sub("", nfc(text))):
        key = fold(match.group().strip("-"))
        if key:
            found.append(key)
            if len(found) >= limit:
                break
    return found


# -- compound boundaries ----------------------------------------------------


def _is_boundary(word: str, i: int) -> bool:
    """Could a compound boundary fall before ``word[i]``?

    The first part ends in a vowel, or in ``s``/``n`` after a vowel (genitive
    and ``-us`` first parts: ``kotoutumis|palvelut``, ``päätöksen|teko``);
    the second part starts like a Finnish word: one consonant then a vowel, or
    a vowel that does not make a long vowel with the one before.
    """
    if i < MIN_STEM or len(word) - i < MIN_STEM:
        return False
    last = word[i - 1]
    if not (last in _VOWELS or (last in "sn" and word[i - 2] in _VOWELS)):
        return False
    tail = word[i:]
    if tail in _NOT_PARTS or tail in _ENDING_SET:
        return False
    first, second = tail[0], tail[1]
    if first in _VOWELS:
        return last not in _VOWELS or (last + first) not in _ONE_SYLLABLE
    if _DERIVATION_TAIL.match(tail):
        return False  # digitaali|suutta is digitaalisuus, one word
    if first in _STOPS and second in "rl" and tail[2:3] in _VOWELS:
        return True  # loanword parts start with a stop and a liquid: asiakas|prosessi, kielen|kriisi
    return first.isalpha() and second in _VOWELS


def _genitive_cut_ok(word: str, i: int, cuts: Sequence[int]) -> bool:
    """A head ending in genitive ``n`` (päätöksen|teko) needs a real tail after it:
    not ``n`` again (neuvon|nan is the weak grade of neuvonta), not a bare
    ending-sized piece (neuvon|taa), and no other cut right after it: then the
    short piece is the derivational tail of the head (neuvonta|palvelu, not
    neuvon|tapalvelu)."""
    if word[i - 1] != "n":
        return True
    # (A vowel after a vowel is a weak seam: ruotsin|ki|elisten does not make ruotsin|kielisten a derivation.)
    return word[i] != "n" and len(word) - i > MIN_STEM and not any(
        i < j < i + MIN_STEM and not (word[j] in _VOWELS and word[j - 1] in _VOWELS) for j in cuts
    )


@lru_cache(maxsize=1024)
def _boundaries(word: str) -> tuple[int, ...]:
    """The indexes before which a compound boundary could fall (see _is_boundary)."""
    return tuple(i for i in range(MIN_STEM, len(word) - MIN_STEM + 1) if _is_boundary(word, i))


@lru_cache(maxsize=8192)
def split_points(word: str) -> list[tuple[str, str]]:
    """All plausible (head, tail) splits of an unhyphenated compound."""
    if len(word) > MAX_ANALYSED:
        return []
    return [(word[:i], word[i:]) for i in _boundaries(word)]


def both_parts_inflected(query: str, word: str) -> bool:
    """Compounds of an adjective and a noun inflect both parts: ``Uudenkaupungin``
    and ``Uudessakaupungissa`` are ``Uusikaupunki``, ``Uudellamaalla`` is
    ``Uusimaa``. True when the two words split into parts that are inflections
    of each other, head with head and tail with tail, and the heads differ
    (equal heads are ordinary inflection or compound matching)."""
    if "-" in query or "-" in word:
        return False
    for head, tail in split_points(query):
        for other_head, other_tail in split_points(word):
            if (
                head != other_head
                and tail[:2] == other_tail[:2]
                and same_lemma(tail, other_tail)
                and same_lemma(head, other_head)
            ):
                return True
    return False


@lru_cache(maxsize=8192)
def compound_parts(word: str) -> tuple[str, ...]:
    """Heads, tails and middle parts of ``word`` at least MIN_PART long."""
    if "-" in word or len(word) > MAX_ANALYSED:
        return ()
    found = _boundaries(word)
    cuts = [0, *(i for i in found if _genitive_cut_ok(word, i, found)), len(word)]
    parts = {
        word[a:b]
        for x, a in enumerate(cuts)
        for b in cuts[x + 1 :]
        if (a, b) != (0, len(word)) and b - a >= MIN_PART
    }
    return tuple(sorted(parts))


# -- stems and consonant gradation -----------------------------------------

# Strong grade -> weak grade in the last syllable, longest first.
# Shared with hankkeet.kunnat.inflect, which generates case forms of names.
GRADATION = (
    ("kk", ("k",)), ("pp", ("p",)), ("tt", ("t",)),
    ("nk", ("ng",)), ("mp", ("mm",)), ("nt", ("nn",)), ("lt", ("ll",)), ("rt", ("rr",)),
    ("lk", ("l", "lj")), ("rk", ("r", "rj")), ("hk", ("h",)),
    ("lp", ("lv",)), ("rp", ("rv",)), ("ht", ("hd",)),
)


_WEAK_OF = dict(GRADATION)
assert all(len(strong) == 2 for strong in _WEAK_OF)

# Single consonants that weaken (teko/teon is k -> nothing), and the clusters that never do.
SINGLE_GRADATION = (("k", ""), ("p", "v"), ("t", "d"))
NO_GRADATION = ("sk", "st", "tk", "ts", "sp")
# Weak grade -> strong grade, for stems whose nominative shows the weak grade
# (Pihtipudas -> Pihtiputaa): the reverse of the tables above where it is one-to-one.
STRENGTHEN = (
    *((weak[0], strong) for strong, weak in GRADATION if len(weak) == 1 and weak[0] != strong[0]),
    *((weak, strong) for strong, weak in SINGLE_GRADATION if weak),
)


def weaken(stem: str) -> set[str]:
    """Weak-grade variants of ``stem``'s last consonant cluster.

    ``tarpe`` -> ``tarve``, ``kukka`` -> ``kuka``, ``aika`` -> ``aja``/``aa``,
    ``teko`` -> ``teo``, ``kaupunk`` -> ``kaupung``. Applying it to both sides of
    a comparison matches strong against weak grade whichever side is which.
    """
    # The last consonant cluster: its end is the last consonant that is followed
    # by a vowel or ends the word.
    end = len(stem)
    while end > 0 and stem[end - 1] in _VOWELS:
        end -= 1
    if end == 0:
        return set()
    start = end
    while start > 0 and stem[start - 1] not in _VOWELS:
        start -= 1
    if start == 0:
        return set()  # no vowel before the cluster: a one-syllable word
    cluster, before, after = stem[start:end], stem[:start], stem[end:]
    variants: set[str] = set()
    weak_forms = _WEAK_OF.get(cluster[-2:])  # (every strong grade is two letters)
    if weak_forms is not None:
        base = cluster[:-2]
        variants.update(before + base + w + after for w in weak_forms)
    else:
        if cluster == "p":
            variants.add(before + "v" + after)
        elif cluster == "t":
            variants.add(before + "d" + after)
        elif cluster == "k":
            variants.add(before + after)  # teko -> teon
            if before.endswith("i") and len(before) >= 2 and before[-2] in _VOWELS:
                variants.add(before[:-1] + "j" + after)  # aika -> ajan
            if before.endswith(("u", "y")) and after[:1] == before[-1]:
                variants.add(before + "v" + after)  # puku -> puvun
    return {v for v in variants if len(v) >= MIN_STEM}


def _tidy(stem: str) -> set[str]:
    """Spelling variants of one stripped stem (see module docstring)."""
    out = {stem}
    if stem.endswith("kse"):
        out.add(stem[:-3] + "s")  # ohjaukse(en) -> ohjaus
    elif stem.endswith("ks"):
        out.add(stem[:-2] + "s")  # ohjauks(ia) -> ohjaus
    if stem.endswith(("anne", "enne")) and len(stem) >= 6:
        out.add(stem[:-3] + "s")  # ordinals: kolmanne(n) -> kolmas, viidenne(n) -> viides
    if stem.endswith(("ude", "yde")) and len(stem) >= 5:
        out.add(stem[:-2] + "s")  # -us/-ys nouns: Alavude(lla) -> Alavus, terveyde(n) -> terveys
    if stem.endswith(("uut", "yyt")) and len(stem) >= 6:
        out.add(stem[:-1] + "s")  # -uus/-yys nouns: tilaisuut(ta) -> tilaisuus, monikielisyyt(tä)
    if len(stem) in (4, 5) and stem.endswith("si") and stem[-3] in _VOWELS:
        out.add(stem[:-2] + "de")  # short -si nouns: uusi/uude(n), vesi/vede(n), vuosi/vuode(n)
    if len(stem) >= 4:
        if stem[-1] in _VOWELS:
            out.add(stem[:-1])  # malli / malle(ja) / mall
            if stem[-2] == stem[-1]:
                out.add(stem[:-1])  # long vowel: tamperee(lle) -> tampere
        if stem[-1] == "s" and stem[-2] in _VOWELS and len(stem) >= 5:
            out.add(stem[:-1])  # kotoutumis -> kotoutumi, asiakas -> asiaka
        if stem[-1] == "s" and stem[-2] in "ae" and stem[-3] not in _VOWELS:
            # -as/-es nouns lengthen the vowel in their other forms, in the strong
            # grade (opas/oppaa-, which gradation weakens to opaa-; kirves/kirvee-).
            out.add(stem[:-1] + stem[-2])
        if stem.endswith("ime") and len(stem) >= 7:
            out.add(stem[:-2] + "n")  # -in nouns: puhelime(lla) -> puhelin, avaime(t) -> avain
        elif stem.endswith("im") and stem[-3] not in _VOWELS and len(stem) >= 6:
            out.add(stem[:-1] + "n")  # puhelim(ia), puhelim(itse)
        if stem.endswith("se") and stem[-3] in _VOWELS and len(stem) >= 6:
            out.add(stem[:-2])  # kotoutumise(en) -> kotoutumi
    return out


# Endings of -nen adjectives and nouns (monikiel|inen, -isen, -isiä): what is
# left ends in the derivational ``i`` and is final; dropping that ``i`` too
# would make ``seudullinen`` an inflection of ``seudulla``.
_NEN_ENDINGS = frozenset({"nen", "sen", "set", "sia", "sten", "siin", "sesti"})


def _strip_endings(word: str) -> tuple[set[str], set[str]]:
    """(stems to tidy further, final stems)."""
    out: set[str] = {word}
    final: set[str] = set()
    # One set look-up per ending length, not an endswith per ending (this runs for every distinct word).
    for length in _ENDING_LENGTHS:
        if len(word) - length < MIN_STEM:
            continue
        ending = word[-length:]
        if ending in _ENDING_SET:
            stem = word[:-length]
            if ending in _PLURAL_J:
                if not _short_vowel_end(stem):
                    continue
                if stem[-1] == "e":
                    out.add(stem[:-1] + "i")  # plural e of an i-word: malle|ja -> malli
            (final if ending in _NEN_ENDINGS else out).add(stem)
    return out, final


# The plural -ja/-jen follows one short o, u, y, ö or e after a consonant
# (kokeilu|ja, toiminto|ja, malle|ja); after a long vowel, an a/ä or an i it is
# the agent suffix (ohjaa|ja, kehittä|jä, toimi|ja), not an ending.
_PLURAL_J = frozenset({"ja", "jen"})


def _short_vowel_end(stem: str) -> bool:
    return len(stem) >= 2 and stem[-1] in "ouye" and stem[-2] not in _VOWELS


@lru_cache(maxsize=16384)
def stems(word: str) -> frozenset[str]:
    """Candidate stems of a folded word, the word itself included.

    Hyphenated words inflect at the end only: ``vapaa-ajan`` -> ``vapaa-aja``...
    A word longer than MAX_ANALYSED is its only stem.
    """
    if len(word) > MAX_ANALYSED:
        return frozenset({word})
    if "-" in word:
        head, _, last = word.rpartition("-")
        return frozenset({word} | {f"{head}-{s}" for s in stems(last)})
    # Endings off; then undo gradation, but only on vowel-final stems: a stem
    # such as ``asiaka`` (from asiakas) is already weak, and weakening it again
    # would make ``asiakas`` match ``asia``.
    stripped: set[str] = set()
    endings_off, found = _strip_endings(word)
    for stem in endings_off:
        stripped.add(stem)
        if len(stem) >= 4 and (stem[-1] == "i" or (stem[-1] == "j" and _short_vowel_end(stem[:-1]))):
            stripped.add(stem[:-1])  # plural marker: palvelui(ssa), kokeiluj(a)
    weak: set[str] = set()
    for stem in stripped:
        if stem[-1] in _VOWELS:
            weak |= weaken(stem)
    for stem in stripped | weak:
        found |= _tidy(stem)
    return frozenset(s for s in found if len(s) >= MIN_STEM)


def snowball(word: str) -> str:
    """Snowball's Finnish stem of a folded word (stemmer loaded on first use).

    Not part of :func:`stems`: measured on the relevance set it added no
    match the rules above miss and some wrong ones (it cuts ``rakenne`` and
    ``rakennetaan`` to ``rake``/``raken``). Search uses it as a fallback for
    a word nothing else matches.
    """
    return _snowball_cached(word)


def snowball_match(query: str, word: str) -> bool:
    """Same Snowball stem, and a stem that keeps most of the query word."""
    stem = matching_snowball(query)
    return stem is not None and snowball(word) == stem


def matching_snowball(query: str) -> str | None:
    """The Snowball stem of ``query`` when it keeps enough of it to match on (see snowball_match)."""
    stem = snowball(query)
    return stem if len(stem) >= max(MIN_STEM + 1, len(query) - 3) else None


def snowball_prefixes(stem: str) -> frozenset[str]:
    """Strings one of which every word with Snowball stem ``stem`` starts with.

    Snowball's Finnish stemmer only cuts endings off, except that it writes a
    possessive's ``kse`` as ``ksi`` (``ohjaukse|ni``) and at the end undoubles a
    consonant before the final vowels (``katto`` -> ``kato``). So a word with
    this stem starts with the stem, or with the stem with one letter doubled,
    either of them with an ``i`` after ``ks`` as the ``e`` it was. (A look-up
    by these prefixes then needs no stem of every word worked out beforehand.)
    """
    doubled = {stem, *(stem[:j] + stem[j - 1] + stem[j:] for j in range(1, len(stem) + 1))}
    out = set(doubled)
    for form in doubled:
        at = form.find("ksi")
        while at >= 0:
            out.add(form[: at + 2] + "e" + form[at + 3 :])
            at = form.find("ksi", at + 1)
    return frozenset(out)


@lru_cache(maxsize=16384)
def _snowball_cached(word: str) -> str:
    stem: str = _stemmer().stemWord(word)
    return stem


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    """The Finnish stemmer alone.

    ``import snowballstemmer`` loads all of its ~30 languages (about 100 ms);
    loading just the Finnish module under a private package name costs a few.
    """
    import importlib
    import importlib.util
    import sys
    import types

    try:
        spec = importlib.util.find_spec("snowballstemmer")
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("snowballstemmer")
        name = "_hankkeet_snowball"
        if name not in sys.modules:
            package = types.ModuleType(name)
            package.__path__ = list(spec.submodule_search_locations)
            sys.modules[name] = package
        return importlib.import_module(f"{name}.finnish_stemmer").FinnishStemmer()
    except (ImportError, AttributeError):
        import snowballstemmer

        return snowballstemmer.stemmer("finnish")


def same_lemma(a: str, b: str) -> bool:
    """Are two folded words plausibly inflections of one another?

    Their candidate stems must meet on a stem that is not much shorter than
    the shorter word, so ``tie`` does not match ``tietoa`` through ``tie``.
    """
    if a == b:
        return True
    if len(a) == len(b) and a[:-1] == b[:-1] and a[-1] in _VOWELS and b[-1] in _VOWELS:
        # Only a stem changes its last vowel (malli, malle|ja); two whole words
        # that do are two words: sali/salo, joki/joka (palvelut/palvelun still match).
        return False
    shared = stems(a) & stems(b)
    if not shared:
        return False
    # A genitive takes no further ending: Savon|ia is not a form of Savon
    # (Etelä-Savon), though stripping -ia leaves exactly that word.
    if (a in shared and _genitive_plus_ending(a, b)) or (b in shared and _genitive_plus_ending(b, a)):
        shared = shared - {a, b}
        if not shared:
            return False
    floor = max(MIN_STEM, min(len(a), len(b)) - 4)
    longest = max(map(len, shared))
    if longest > MIN_STEM:
        return longest >= floor
    # A three-letter stem is one of the words itself or its weak grade, final
    # vowel and all or not (työ/työtä, aika/ajan, teko/teon, Loppi/Lopella); cut
    # out of two longer words without gradation it is chance (kanta and kanssa,
    # Häme and Hamina).
    weak = {w for word in (a, b) for v in weaken(word) for w in (v, v[:-1])}
    return any(stem in (a, b) or stem in weak for stem in shared)


def _genitive_plus_ending(word: str, other: str) -> bool:
    """Is ``other`` the whole ``word``, ending in a genitive ``n`` after a vowel,
    with a vowel-initial case ending stuck on? Finnish inflects the stem, not
    the genitive (Savo|n, Savo|ssa), and a consonant-final base form takes a
    vowel ending only through a new stem (puhelin, puhelim|ia)."""
    return (
        len(word) > MIN_STEM
        and word[-1] == "n"
        and word[-2] in _VOWELS
        and len(other) > len(word)
        and other.startswith(word)
        and other[len(word)] in _VOWELS
    )


def in_compound(query: str, word: str) -> str | None:
    """The part of compound ``word`` that ``query`` matches (head, middle or tail), if any."""
    if len(query) < MIN_QUERY_FOR_TAILS or len(word) <= len(query) - 2:
        return None
    # A short word inside a long one is mostly chance (tapa in neuvontapalvelu);
    # as the last part, the head of the compound, it is the word (asiakas|info).
    tails_only = len(query) < MIN_QUERY_FOR_PARTS
    for part in compound_tails(word) if tails_only else compound_parts(word):
        if same_lemma(query, part):
            return part
    if (
        len(query) >= MIN_CLOSED_HEAD
        and query[-1] not in _VOWELS
        and len(word) - len(query) >= MIN_CLOSED_HEAD
        and word.startswith(query)
        and _is_boundary(word, len(query))
        and not _weak_nta_tail(word[len(query):])
    ):
        # A base form ending in a consonant, whole at the start of a compound
        # (puhelin|numero, sisällön|tuotanto): compound_parts reads an n|n seam as the
        # weak grade of -nta (neuvon|nan) and so never offers this head.
        return query
    return None


MIN_CLOSED_HEAD = 6  # a consonant-final head, and the tail after it, at least this long


def _weak_nta_tail(tail: str) -> bool:
    """Does ``tail``, after a head ending in n, read as the rest of a weak -nnA
    (toimin|nallisen is toiminna|llisen, toimin|nassa toiminna|ssa), not a word?"""
    rest = tail[2:]
    return tail[:1] == "n" and tail[1:2] in _VOWELS and (not rest or rest in _ENDING_SET or rest.startswith("lli"))


@lru_cache(maxsize=8192)
def compound_tails(word: str) -> tuple[str, ...]:
    """The last parts of ``word`` after each plausible boundary, as short as a
    three-letter word with its ending (yhteis|työ, maahanmuuttaja|työtä). The
    head must be a word of its own length: a three-letter head is mostly a
    misreading (kun|tien is kuntien, not tie)."""
    if "-" in word or len(word) > MAX_ANALYSED:
        return ()
    found = _boundaries(word)
    return tuple(word[i:] for i in found if i >= MIN_PART and _genitive_cut_ok(word, i, found))


@lru_cache(maxsize=1)
def _slipped_endings() -> frozenset[str]:
    """Every string one edit (a letter dropped, changed or two swapped) from a
    case ending of three letters or more: ``la`` for ``lla``, ``idn`` for
    ``iden``. (An added letter would let any word end in an ending: kotoutum|iesn.)"""
    letters = "abcdefghijklmnoprstuvy"
    out: set[str] = set()
    for ending in (e for e in _ENDINGS if len(e) >= 3):
        for i in range(len(ending)):
            out.add(ending[:i] + ending[i + 1 :])
            out.update(ending[:i] + c + ending[i + 1 :] for c in letters)
            if i < len(ending) - 1:
                out.add(ending[:i] + ending[i + 1] + ending[i] + ending[i + 2 :])
    return frozenset(out - set(_ENDINGS))


_ENDING_SET = frozenset(_ENDINGS)
_LONGEST_ENDING = max(map(len, _ENDINGS)) + 1


def ending_cuts(word: str, shortest: int) -> tuple[list[str], list[str]]:
    """``word`` without a case ending of two letters or more, and without one
    typed with a slip (``foorumi|la``, ``kokeilu|idn``), the rest at least
    ``shortest`` letters long. (A one-letter ending is one edit as it is.)"""
    slipped = _slipped_endings()
    exact, slips = [], []
    for i in range(max(shortest, len(word) - _LONGEST_ENDING), len(word)):
        tail = word[i:]
        if tail in _ENDING_SET:
            exact.append(word[:i])
        elif tail in slipped:
            slips.append(word[:i])
    return exact, slips


def typo_budget(word: str) -> int:
    """Edit distance allowed for a typo: none for short words, where one edit is another word."""
    n = len(word)
    return 0 if n <= 5 else 1 if n <= 8 else 2


# The Finnish keyboard, folded (å, ä -> a, ö -> o): a letter typed for its
# neighbour is a slip of the finger; any other letter for a letter is more often
# another word (kuulutus is not koulutus, neuvola not neuvoja).
_KEY_ROWS = ("qwertyuiopa", "asdfghjkloa", "zxcvbnm")


def _key_neighbours() -> dict[str, frozenset[str]]:
    near: dict[str, set[str]] = {}

    def link(a: str, b: str) -> None:
        near.setdefault(a, set()).add(b)
        near.setdefault(b, set()).add(a)

    for row, keys in enumerate(_KEY_ROWS):
        for i, key in enumerate(keys):
            if i + 1 < len(keys):
                link(key, keys[i + 1])
            if row + 1 < len(_KEY_ROWS):
                below = _KEY_ROWS[row + 1]
                for j in (i - 1, i):  # the row below is set half a key to the right
                    if 0 <= j < len(below):
                        link(key, below[j])
    return {key: frozenset(keys) for key, keys in near.items()}


KEY_NEIGHBOURS = _key_neighbours()


def slip_distance(a: str, b: str, cutoff: int) -> int:
    """Edits from folded ``a`` to ``b`` that a typist makes: a letter left out,
    added or doubled, two letters swapped, or a key's neighbour typed for it, one
    each; another letter for a letter counts as two (a word that differs in a
    letter that is not a slip is probably another word). Above ``cutoff``:
    ``cutoff + 1``."""
    if abs(len(a) - len(b)) > cutoff:
        return cutoff + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            x, y = a[i - 1], b[j - 1]
            change = 0 if x == y else 1 if y in KEY_NEIGHBOURS.get(x, ()) else 2
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + change)
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, previous2[j - 2] + 1)
            current[j] = cost
        if min(current) > cutoff:
            return cutoff + 1
        previous2, previous = previous, current
    return min(previous[len(b)], cutoff + 1)


# -- word families (derivation) ----------------------------------------------
#
# Users name an activity as a noun (perustaminen, koordinointi, kartoitus)
# where the texts use the verb's passive or a participle (perustetaan,
# koordinoidaan, kartoitetaan), or the other way round. Each rule below cuts a
# derivational suffix off a form of the word (the word or one of its stems)
# and leaves the verb's root, the part before the stem vowel: perusta|minen,
# perust|etaan, perusta|ma, perusta|ja and perust|aa all leave ``perust``. The
# root is then also taken in its weak grade (kehitt|ää, kehit|etään,
# kehit|ys). Two words are of one family when they share a root.

# Suffixes, folded (ä = a, ö = o); what is left, without a final vowel, is the root.
_VERB_SUFFIXES = tuple(
    sorted(
        {
            # verbal noun -minen (-misen, -mista, kehittämis|työ), agent participle -ma
            # (kehittämä), active participle -va (kehittävä). Not the agent noun -ja: a
            # kehittäjä or an ohjaaja is a person, not the activity.
            "minen", "mise", "mis", "mi", "ma", "va", "vi",
            # passive and its participles: kehit|etään, perust|ettiin, tarjo|ttava, tarjo|ttu
            "taan", "daan", "ttiin", "tiin", "ttava", "ttavi", "ttu", "tty", "tu", "ty",
            # -oida/-öidä verbs (koordino|ida) and their -inti nouns (koordino|inti, -innin)
            "ida", "itava", "itavi", "inti", "innin", "inni", "inne",
            # -ta verbs (tarjo|ta), -nta nouns (tarjo|nta, neuvo|nnan)
            "ta", "nta", "nna",
            # infinitives perust|aa, kotoutu|a, kerto|a, luke|a, sopi|a; action nouns kehit|ys, koulut|us
            "aa", "ua", "ya", "oa", "ea", "ia", "us", "ys",
            # the passive participle of a consonant stem (haastatel|tava, kokeil|tava), the
            # third person of an e-stem verb (kulk|ee, tuk|ee), result nouns in -mus (sopi|mus,
            # koke|mus), -nti nouns of a long-vowel verb (koo|nti, vie|nti) and -o nouns of
            # a verb (ylläpit|o, hoit|o; a long root only, see MIN_FAMILY_ROOT)
            "tava", "tavi", "ee", "mus", "mys", "nti", "nni", "nnin", "o",
            # the third person of a -ua/-yä verb, as typed (jalkautu|u, kotoutu|u)
            "uu", "yy",
        },
        key=len,
        reverse=True,
    )
)
_SUFFIX_SET = frozenset(_VERB_SUFFIXES)
_SUFFIX_LENGTHS = tuple(sorted({len(x) for x in _VERB_SUFFIXES}, reverse=True))
# An infinitive takes no case ending: tarjo|ta, perust|aa are read off the word as written.
_INFINITIVES = frozenset({"ta", "aa", "ua", "ya", "ida", "ee", "oa", "ea", "ia", "uu", "yy"})
MIN_FAMILY_ROOT = 5  # a shorter root is shared by unrelated verbs ...
MIN_SHORT_ROOT = 3  # ... unless both words carry a suffix that only a verb takes (koo|taan, koko|aminen)
# The suffixes that make a short root specific: the verbal noun -minen and the
# passive (kerä|tään, kerää|minen; sovi|taan, sopi|minen), and an infinitive
# as typed (koo|ta). An -us noun or a -va participle of a short root is too
# often another word (kiert|ävä is not kier|tää's only reading).
_VERBAL_SUFFIXES = frozenset(
    {"minen", "mise", "mis", "mi", "taan", "daan", "ttiin", "tiin", "ttava", "ttavi", "ttu", "tty",
     "tava", "tavi", "mus", "mys", "nti", "nni", "nnin"}
)
# The -va participle (and third person plural) of a short root: tuke|vaa, teke|vät,
# asu|vien. Often a word of its own (sopiva, suitable), so it is a farther relative:
# tagged ``p:``, it meets the verbal noun and passive of its root (``s:``) only.
_PARTICIPLE_SUFFIXES = frozenset({"va", "vi"})
# The agent noun -ja (ohjaa|ja, kehittä|jä, neuvo|ja): a person, not the
# activity, so it meets the verb's family only when nothing closer matched.
MIN_AGENT_ROOT = 4
# -uus/-yys nouns and their adjectives: saavutettav|uus = saavutettav|a,
# monikieli|syys = monikieli|nen.
_QUALITY = re.compile(r"(?:(?<=[^aeiouy])(uu|yy)s?|s(uu|yy)s?|s(uu|yy)(?=s))$")


# A verb root before -o grades (ylläpit|o, ylläpid|etään; hoit|o, hoid|etaan): a
# root that cannot (järjest|ö, the association, is no järjest|ää) has a noun of its own.
_GRADING_END = re.compile(r"(?:[aeiouy](?:[kpt]|kk|pp|tt)|[nlrh][tkp])$")


def _suffix_fits(suffix: str, root: str) -> bool:
    """Can ``suffix`` follow ``root``? The -tava participle follows a consonant
    (haastatel|tava; after a vowel it is -ttava, and toiminta|tava is a tapa);
    the -o noun a grading consonant."""
    if suffix in ("tava", "tavi"):
        return bool(root) and root[-1] not in _VOWELS
    if suffix == "o":
        return _GRADING_END.search(root) is not None
    return True


def _root_variants(root: str, shortest: int = MIN_FAMILY_ROOT) -> set[str]:
    """``root`` and its weak grade (kehitt -> kehit, hyödynt -> hyödynn), at
    least ``shortest`` letters long; a short root also when it ends in its
    vowel (koko -> koo: koko|aminen, koo|taan)."""
    out = {root}
    if root[-1] not in _VOWELS:
        out.update(w[:-1] for w in weaken(root + "a"))
    elif shortest < MIN_FAMILY_ROOT:
        out.update(weaken(root))
    if len(root) >= 4 and root[-1] == "l" and root[-2] == "e" and root[-3] not in _VOWELS:
        # -ella verbs grade before the -el: haastattel|emalla, haastatel|tava; suunnittel|u, suunnitel|laan.
        out.update(w + "l" for w in weaken(root[:-1]))
    if root[-1] == "h" and len(root) >= 3 and root[-2] in _VOWELS:
        out.add(root[:-1] + "k")  # -hdä verbs: teh|dään, tek|eminen; näh|dään, näk|eminen
    return {r for r in out if len(r) >= shortest}


# The suffixes that make a noun, the only derivations that stand as a part of
# a compound (koulutus|väyliä, kehittämis|hanke, neuvonta|piste); a participle
# or a passive inside a compound is a misreading of its boundary.
_NOUN_SUFFIXES = frozenset({"minen", "mise", "mis", "us", "ys", "nta", "nna", "inti", "innin", "inni", "inne"})


def _family_forms(word: str) -> set[str]:
    """The word without its case endings (not the other stem guesses: ohjausty|ö
    is not a participle in -ty), -ks-/-de- stems back to -s (kehityksen, -uuden)."""
    endings_off, final = _strip_endings(word)
    forms = endings_off | final
    for form in list(forms):
        if form.endswith("kse"):
            forms.add(form[:-3] + "s")
        elif form.endswith(("ks", "ude", "yde")):
            forms.add(form[:-2] + "s")
    return forms


@lru_cache(maxsize=16384)
def family_keys(word: str, part: bool = False) -> frozenset[str]:
    """Tagged roots of the derivational family of a folded word.

    ``v:ROOT`` for verb derivations, ``s:ROOT`` for a short root that a verbal
    suffix makes specific, ``p:ROOT`` for a short root's -va participle, ``j:ROOT`` for an agent noun, ``q:ROOT`` for an
    -uus/-yys noun and ``a:ROOT`` for a word that may be its adjective; see
    :func:`family_partners`. ``part``: the word is a part of a compound, so
    only noun derivations count (see _NOUN_SUFFIXES).
    """
    if "-" in word or len(word) > MAX_ANALYSED or len(word) < MIN_SHORT_ROOT + 2:
        return frozenset()
    keys: set[str] = set()
    forms = _family_forms(word)
    long_enough = len(word) >= MIN_FAMILY_ROOT + 2
    for form in forms:
        for length in _SUFFIX_LENGTHS:
            suffix = form[-length:]
            if suffix in _SUFFIX_SET and (form == word or suffix not in _INFINITIVES):
                if part and suffix not in _NOUN_SUFFIXES:
                    continue
                # The stem vowel may be kept or not, and long (tarjo|taan, tarjoa|minen, kerää|minen).
                root = form[: -len(suffix)]
                if not _suffix_fits(suffix, root):
                    continue
                specific = (
                    suffix in _VERBAL_SUFFIXES
                    or (form == word and suffix in _INFINITIVES and suffix not in ("uu", "yy"))
                    # -aus/-äys nouns come from -ata verbs only (tila|us, tila|taan; ava|us, ava|taan),
                    # unlike koko|us, a meeting, no koko|aminen
                    or (suffix in ("us", "ys") and root[-1:] == "a")
                )
                for cut in {root, root[:-1] if root[-1:] in _VOWELS else root, root.rstrip("aeiouy")}:
                    if len(cut) >= MIN_FAMILY_ROOT and (long_enough or suffix == "o"):
                        keys.update("v:" + r for r in _root_variants(cut))
                    if (specific or suffix in _PARTICIPLE_SUFFIXES) and len(cut) >= MIN_SHORT_ROOT:
                        tag = "s:" if specific else "p:"
                        keys.update(
                            tag + r for r in _root_variants(cut, MIN_SHORT_ROOT) if len(r) < MIN_FAMILY_ROOT
                        )
        if form.endswith("ja") or (form.endswith("j") and form != word):
            # The agent noun: ohjaa|ja, ohjaa|j|ia, kehittä|j|ille.
            root = form[: -2 if form.endswith("ja") else -1]
            # After one short o, u, y or e the -ja is a plural (kokeilu|ja, toiminto|ja).
            if len(root) >= MIN_AGENT_ROOT and root[-1] in _VOWELS and not _short_vowel_end(root):
                for cut in {root, root[:-1], root.rstrip("aeiouy")}:
                    if len(cut) >= MIN_AGENT_ROOT:
                        keys.update("j:" + r for r in _root_variants(cut, MIN_AGENT_ROOT))
        if long_enough and form.endswith(("lu", "ly", "laan", "llen")):
            # -lla verbs and their -lu nouns: kokeil|u, kokeil|laan, palvel|u, vuorotel|len.
            root = form[: -4 if form.endswith("laan") else -3 if form.endswith("llen") else -1]
            if len(root) >= MIN_FAMILY_ROOT and root[-1] == "l":
                keys.update("v:" + r for r in _root_variants(root))
        quality = _QUALITY.search(form)
        if quality and len(form) - len(quality.group()) >= MIN_FAMILY_ROOT:
            keys.add("q:" + form[: quality.start()])
        elif form.endswith(("eus", "eys")) and len(form) - 2 >= MIN_FAMILY_ROOT:
            keys.add("q:" + form[:-2])  # -eA adjectives: selke|ys = selke|ä, vaike|us = vaike|a
        if form.endswith("ea") and len(form) - 1 >= MIN_FAMILY_ROOT:
            keys.add("a:" + form[:-1])  # selke|ä, selkeä|sti, korke|an
    # The adjective side: saavutettav|a, monikieli|nen (the -nen base form only).
    if word.endswith("nen") and len(word) >= MIN_FAMILY_ROOT + 4:
        keys.add("a:" + word[:-3])
    elif word[-1] in "aeiouy" and word[-2] not in "aeiouy" and len(word) >= MIN_FAMILY_ROOT + 1:
        keys.add("a:" + word[:-1])
    for form in forms:
        if form.endswith(("isi", "ise")):
            keys.add("a:" + form[:-2])  # monikielis|iä, monikielise|n
        elif form.endswith("is") and form != word and len(form) > MIN_FAMILY_ROOT + 2:
            keys.add("a:" + form[:-1])  # monikielis|ten, digitaalis|ten
        elif form != word and len(form) > MIN_FAMILY_ROOT and form[-1] not in "aeiouy" and form[-2] in "aeiouy":
            keys.add("a:" + form)  # saavutettav|ia, -an
    return frozenset(keys)


def family_partners(key: str) -> tuple[str, ...]:
    """The tagged keys that ``key`` meets: a verb root a verb root, a short root
    a short root, an -uus noun its adjective and other -uus nouns, an adjective
    only -uus nouns. (Agent nouns: see :func:`agent_partners`.)"""
    tag, root = key[:2], key[2:]
    if tag == "q:":
        return (key, "a:" + root)
    if tag == "a:":
        return ("q:" + root,)
    if tag == "j:":
        return ()
    if tag == "p:":
        return ("s:" + root,)
    if tag == "s:":
        return (key, "p:" + root)
    return (key,)


def agent_partners(key: str) -> tuple[str, ...]:
    """The tagged keys an agent noun's root meets and the other way round:
    ``j:ROOT`` meets the verb's roots, a verb's root meets ``j:ROOT``."""
    tag, root = key[:2], key[2:]
    if tag == "j:":
        return ("v:" + root, "s:" + root)
    if tag in ("v:", "s:"):
        return ("j:" + root,)
    return ()


# -- case forms of place names ----------------------------------------------
#
# People write "Lopella", "Helsingissä", "Kouvolaan", "Forssan seutukunta".
# Rather than analysing arbitrary words, the case forms of every known name are
# generated from the nominative (a few thousand strings) and inputs looked up
# in that set. Generation needs only the nominative and the tables above: the
# stem type (the final vowel or consonant), consonant gradation (``Helsinki`` →
# ``Helsingi-``, ``Loppi`` → ``Lope-``, ``Lahti`` → ``Lahde-``) and vowel
# harmony. Where a name could follow more than one stem type (``-i``:
# ``Helsingissä`` but ``Riihimäellä``) both are generated; a form that no real
# name takes is harmless, because it is only ever compared with what a user
# typed. Unlike the rest of this module, these work on unfolded lowercase text.

# Weak grade of the consonant cluster before a word's last vowel: the first weak form of each
# (``lk`` -> ``l``; its ``lj`` of ``jälki``/``jäljen`` is not needed for names).
_NAME_WEAKEN = tuple((strong, weak_forms[0]) for strong, weak_forms in GRADATION)


def _back(word: str) -> bool:
    """Vowel harmony follows the last harmonic vowel (``Haapajärvi`` is front)."""
    for ch in reversed(word):
        if ch in BACK_VOWELS:
            return True
        if ch in FRONT_VOWELS:
            return False
    return False


def _name_weaken(base: str) -> str:
    """Weak grade of ``base`` (a word without its final vowel)."""
    if base.endswith(NO_GRADATION):
        return base
    for strong, weak in _NAME_WEAKEN:
        if base.endswith(strong):
            return base[: -len(strong)] + weak
    if len(base) >= 2 and base[-2] in VOWELS:
        for strong, weak in SINGLE_GRADATION:
            if base[-1] == strong:
                return base[:-1] + weak
    return base


def _name_strengthen(base: str) -> str:
    for weak, strong in STRENGTHEN:
        if base.endswith(weak):
            return base[: -len(weak)] + strong
    return base


def _name_stems(word: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(weak, strong) singular stems and plural stems of a lowercase word."""
    last = word[-1]
    singular: list[tuple[str, str]] = []
    plural: list[str] = []
    if word.endswith("nen"):
        root = word[:-3]
        singular.append((root + "se", root + "se"))
        plural.append(root + "si")
    elif last not in VOWELS:
        base = word[:-1]
        if last == "s":
            singular.append((word[:-1] + "kse", word[:-1] + "kse"))  # Muhos, Kannus, Nurmes
            if word.endswith(("us", "ys")):
                singular.append((word[:-1] + "de", word[:-1] + "te"))  # Alavus, Varkaus
            if len(word) >= 3 and word[-2] in VOWELS:
                strong = _name_strengthen(word[:-2]) + word[-2] * 2
                singular.append((strong, strong))  # Pihtipudas -> Pihtiputaa
        elif last == "n" and len(word) >= 3 and word[-2] in VOWELS:
            strong = _name_strengthen(word[:-2]) + word[-2] + "me"
            singular.append((strong, strong))  # Punkalaidun -> Punkalaitume
        elif last == "t" and len(word) >= 3 and word[-2] in VOWELS:
            # A plural name (Virrat): plural stems from the singular strong form.
            strong_sg = _name_strengthen(base[:-1]) + base[-1]
            weak_sg = base
            plural.extend({weak_sg[:-1] + "oi", weak_sg[:-1] + "i", weak_sg + "i"})
            singular.append((weak_sg, strong_sg))
        # Consonant-final loans (Finström, Saltvik) take a helper -i.
        singular.append((word + "i", word + "i"))
    elif len(word) >= 2 and word[-2] == last:
        singular.append((word, word))  # Espoo, Vantaa, Hyvinkää, Ii
    else:
        base = word[:-1]
        if len(word) >= 2 and word[-2] in VOWELS:
            singular.append((word, word))  # Kuopio, Lapua
        else:
            singular.append((_name_weaken(base) + last, word))
        if last == "i":
            # Old i-words inflect with an e-stem: Loppi -> Lope-, Riihimäki -> Riihimäe-.
            singular.append((_name_weaken(base) + "e", base + "e"))
            if base.endswith("s"):
                singular.append((base[:-1] + "de", base[:-1] + "te"))  # Haapavesi -> Haapavede-
        elif last == "e":
            singular.append((word + "e", word + "e"))  # Tampere -> Tamperee-, Kitee
    return singular, plural


def _name_case_forms(word: str) -> set[str]:
    """Case forms of one lowercase word (no spaces)."""
    if not word or not word[-1].isalpha():
        return set()
    a = "a" if _back(word) else "ä"
    singular, plural = _name_stems(word)
    forms: set[str] = set()
    for weak, strong in singular:
        forms.update(weak + e for e in ("n", f"ss{a}", f"st{a}", f"ll{a}", f"lt{a}", "lle", "ksi"))
        forms.add(strong + f"n{a}")  # essive
        v = strong[-1]
        if len(strong) >= 2 and strong[-2] == v:
            forms.update({strong + "seen", strong + "h" + v + "n", strong + f"t{a}"})
        else:
            forms.update({strong + v + "n", strong + a})
    for stem in plural:
        forms.update(stem + e for e in (f"ss{a}", f"st{a}", f"ll{a}", f"lt{a}", "lle", "in", "hin", "den", "en"))
    if word.endswith("nen"):
        forms.update({word[:-3] + f"st{a}", word[:-3] + "sten"})
    forms.discard(word)
    return forms


def inflected_forms(name: str) -> set[str]:
    """Case forms of a place name, lowercase NFC.

    A hyphenated name inflects its last part only (``Mänttä-Vilppulassa``);
    names of several words are not inflected (``Koski Tl``).
    """
    word = name.casefold()
    if " " in word:
        return set()
    head, sep, tail = word.rpartition("-")
    return {head + sep + form for form in _name_case_forms(tail)}


def genitives(name: str) -> set[str]:
    """Singular genitive candidates: ``Suupohja`` → ``suupohjan``."""
    word = name.casefold()
    head, sep, tail = word.rpartition("-")
    if not tail:
        return set()
    singular, _ = _name_stems(tail)
    return {head + sep + weak + "n" for weak, _strong in singular}
