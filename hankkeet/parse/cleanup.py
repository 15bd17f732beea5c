"""Text cleanup shared by the text and PDF parsers: rejoining lines of a cell.

A table cell arrives as the lines it was typeset in. Rejoining them is mostly a
matter of spaces, except where a line ends in a hyphen. That hyphen is one of:

* a soft break inside a word (``oh-`` / ``jaus`` -> ``ohjaus``): drop it;
* a Finnish elliptical compound (``sosiaali-`` / ``ja terveydenhuollon``):
  keep it and the space, because a conjunction follows;
* a free-standing elliptical hyphen (``ja -`` / ``kielistä`` -> ``ja -kielistä``);
* a genuine compound hyphen that happens to fall at the line end
  (``Etelä-`` / ``Karjala``, ``vapaa-`` / ``ajan``, ``sote-`` /
  ``hyvinvointikeskuksia``): keep it, no space.

Genuine hyphens are recognised by a capital letter after the break, by two
identical vowels meeting (Finnish spelling requires the hyphen there), by a
digit on either side, by an abbreviation before it (Finnish joins an
abbreviation to a word with a hyphen: ``EU-hanke``, ``sote-keskus``), or by
the document itself spelling the word with a hyphen elsewhere
(``known_words``). A line that ends in a soft hyphen (U+00AD, as some PDFs
encode the hyphenation of a word) is always a soft break.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

from hankkeet.textnorm import clean

# Words that continue an elliptical compound: "ohjaus- ja neuvontapalvelut".
_CONJUNCTIONS = frozenset({"ja", "tai", "sekä", "eli", "että", "ynnä", "taikka", "and", "or", "och", "eller"})
_VOWELS = frozenset("aeiouyäöå")
# Established abbreviations written in lower case that join the next word with
# a hyphen (Kotus: "lyhenteen ja sanan yhdyssanat"). Upper-case ones are
# recognised by their spelling.
_LOWERCASE_ABBREVIATIONS = frozenset({"sote", "alv", "atk", "it", "ict", "tv", "pk", "ay", "oy", "ry"})
_SOFT_HYPHEN = "\u00ad"
_LINE_END_HYPHENS = frozenset({"-", "\u00ad", "\u2010", "\u00ad\u2010", "-\u00ad"})
_HYPHENS = {ord("\u2010"): "-", ord("\u2011"): "-"}
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)
# A compound's second part is recognised by its first letters starting a word of the document.
_PART_START = 4
# Words shorter than this are no evidence of how the document spells a compound.
_MIN_SPELLED = 6


def normalise_extracted(text: str) -> str:
    """Ligatures and compatibility forms to plain letters (NFKC), then NFC.

    NFKC is applied per character only where it turns a compatibility
    character into letters (ligatures like ``ﬁ``); it would otherwise also
    rewrite e.g. superscripts and the ``–`` stays as it is. The Unicode
    hyphens U+2010/U+2011 become ``-`` so that line-end rules see them.
    """
    return unicodedata.normalize("NFC", "".join(_normalise_char(ch) for ch in text.translate(_HYPHENS)))


@functools.lru_cache(maxsize=4096)
def _normalise_char(ch: str) -> str:
    # Soft hyphens stay: at a line end they mark a soft break (join_lines), and
    # clean() drops any other.
    if unicodedata.decomposition(ch).startswith("<compat>"):
        folded = unicodedata.normalize("NFKC", ch)
        if folded.isalpha():
            return folded
    return ch


def document_words(texts: Iterable[str]) -> frozenset[str]:
    """Casefolded words spelled whole on one line of the document.

    Used to tell a line-end hyphen by the document's own spelling: if it
    writes ``sote-hyvinvointikeskus`` on one line somewhere, a break at
    ``sote-`` keeps its hyphen; if it writes ``kotoutumiskoordinaattori``, a
    break ``kotoutumisko-`` / ``ordinaattori`` does not (a hyphenator that
    splits a long vowel is no compound boundary).
    """
    words: set[str] = set()
    for text in texts:
        for match in _WORD.finditer(text):
            if text[match.end():].strip() in _LINE_END_HYPHENS:
                continue  # the first half of a word broken at the line's end
            if "-" not in match.group(0):
                if len(match.group(0)) >= _MIN_SPELLED:
                    words.add(match.group(0).casefold())
                continue
            if "-" in match.group(0):
                word = match.group(0).casefold()
                words.add(word)
                # The first part, marked by its hyphen (``chat-``), when the
                # document joins it to a lower-case word that no other rule
                # hyphenates (not ``vapaa-ajan``, ``Etelä-Karjala``).
                head, _, rest = match.group(0).partition("-")
                if head.isalpha() and rest[:1].islower() and head[-1].casefold() != rest[0]:
                    words.add(head.casefold() + "-")
    return frozenset(words)


def _is_acronym_break(head: str, tail: str) -> bool:
    """``MA-`` / ``GEE``: an all-capital word hyphenated by the typesetter.

    Compounds of two acronyms are rare; an office suite that hyphenates words
    in capitals breaks acronyms like this, so the hyphen stays only when the
    document spells the compound with it elsewhere.
    """
    before = head.rsplit("-", 1)[-1]
    return before.isalpha() and before.isupper() and tail.isalpha() and tail.isupper()


def _keeps_hyphen(before: str, after: str, known_words: frozenset[str]) -> bool:
    """Is the hyphen between ``before-`` and ``after`` part of the word?"""
    if not before or not after:
        return True
    last, first = before[-1], after[0]
    if first.isdigit() or last.isdigit():
        return True
    head = _WORD.findall(before)
    tail = _WORD.findall(after)
    if head and tail and _is_acronym_break(head[-1], tail[0]):
        return f"{head[-1]}-{tail[0]}".casefold() in known_words
    if head and tail and "-" not in head[-1] and tail[0][:1].islower():
        # The document spells the word whole elsewhere, and never with this hyphen
        # (a capital after the hyphen is spelling's own mark of a compound).
        joined = f"{head[-1]}{tail[0]}".casefold()
        if joined in known_words and f"{head[-1]}-{tail[0]}".casefold() not in known_words:
            return False
    if first.isupper():
        return True
    if last.casefold() == first.casefold() and last.casefold() in _VOWELS:
        # Like vowels meet at a compound boundary (``opinto-ohjaus``), whose second part
        # the document also writes as a word of its own; a hyphenator that splits a long
        # vowel (``tilaisu-`` / ``uksia``) leaves an ending no word starts with, after a
        # first part that is no word of the document (``neuvonta-apu`` keeps its hyphen).
        # (Without the document's words to tell, the hyphen stays; so it does where
        # three like vowels would meet, which no Finnish word has: ``vapaa-ajan``.)
        if (not (head and tail and known_words) or f"{head[-1]}-{tail[0]}".casefold() in known_words
                or before[-2:-1].casefold() == last.casefold() or after[1:2].casefold() == first.casefold()):
            return True
        return head[-1].rsplit("-", 1)[-1].casefold() in known_words or any(
            word.startswith(tail[0][:_PART_START].casefold()) for word in known_words)
    if head:
        last_part = head[-1].rsplit("-", 1)[-1]
        if (len(last_part) >= 2 and last_part.isupper()) or last_part in _LOWERCASE_ABBREVIATIONS:
            return True
    if head and tail:
        candidate = f"{head[-1]}-{tail[0]}".casefold()
        if candidate in known_words:
            return True
        # A word that already has a hyphen before the break keeps this one only
        # by the rules above; "Varsi-" / "nais-Suomessa" joins to Varsinais-Suomessa.
        if "-" not in head[-1]:
            part = head[-1].casefold()
            # The document joins this part to other words with a hyphen
            # (``chat-neuvontaa``): so it does here (``chat-`` / ``palvelu``).
            if part + "-" in known_words:
                return True
            # An unassimilated foreign word joins a Finnish one with a hyphen
            # (``chat-palvelu``); letters Finnish words do not use tell it.
            # (A syllable or two after the break is the foreign word's own end: ``vuxenstuderan-`` / ``de``.)
            if (len(part) >= 3 and len(tail[0]) >= _MIN_FOREIGN_TAIL and _FOREIGN.search(part)
                    and not _FOREIGN.search(tail[0].casefold())):
                return True
    return False


# Letters that native and assimilated Finnish words do not use (not digraphs such as
# "sh": Finnish compounds make them at a boundary, kehittämis|hanke).
_FOREIGN = re.compile(r"[cqwxz]")
# The Finnish word after a foreign first part is at least this long (``chat-palvelu``).
_MIN_FOREIGN_TAIL = 4





def _continues_after(line: str, later: Sequence[str]) -> bool:
    """Does an elliptical compound go on after the conjunction starting ``line``?

    ``sosiaali-`` / ``ja terveydenhuollon``: yes. A word broken before a
    last syllable that looks like a conjunction is not one: the cell ends
    (``Suupoh-`` / ``ja``) or another conjunction follows (``toimintatapo-`` /
    ``ja ja liikkuvien``: "toimintatapoja ja").
    """
    words = line.split(" ")
    if len(words) > 1:
        return words[1].casefold() not in _CONJUNCTIONS
    following = next((clean(rest) for rest in later if clean(rest)), "")
    return bool(following) and following.split(" ", 1)[0].casefold() not in _CONJUNCTIONS


_RANGE_DASHES = "\u2013\u2014\u2012"  # en dash, em dash, figure dash
_RANGE_START = re.compile(r"(?<![^\s(])[\d.]*\d\.?$")  # what stands before a range's dash: 2026, 1.9.
# A place name's prefix joins the name with a hyphen (``Etelä-Karjala``); a writer that
# hyphenated the word elsewhere may have dropped it (reportlab: ``EteläKarja-`` / ``lan``).
_COMPASS_JOINED = re.compile(
    r"\b(Etelä|Pohjois|Itä|Länsi|Keski|Varsinais|Kanta|Päijät|Kaakkois|Lounais|Luoteis|Koillis|Sisä)"
    r"(?=[A-ZÄÖÅ][a-zäöå])")


def join_lines(lines: Sequence[str], known_words: frozenset[str] = frozenset()) -> str:
    """Join the typeset lines of one cell into one clean NFC string."""
    out = ""
    soft_break = False
    for index, raw in enumerate(lines):
        line = clean(raw)
        if not line:
            continue
        if not out:
            out = line
        elif soft_break:
            # The line ended in a soft hyphen (U+00AD): a break inside a word.
            out = out + line
        elif out.endswith("-"):
            stem = out[:-1]
            next_word = line.split(" ", 1)[0]
            if stem.endswith(" ") or stem == "":
                # "monikanavaista ja -" + "kielistä": the hyphen belongs to the next word.
                out = out + line
            elif next_word.casefold() in _CONJUNCTIONS and _continues_after(line, lines[index + 1 :]):
                out = out + " " + line
            elif _keeps_hyphen(stem, line, known_words):
                out = out + line
            else:
                out = stem + line
        elif out[-1] in _RANGE_DASHES and _RANGE_START.search(out[:-1]) and line[:1].isdigit():
            # A range of numbers or dates broken after its dash (2026– / 2027, 1.9.– / 30.11.) is one token.
            out = out + line
        else:
            out = out + " " + line
        soft_break = raw.rstrip().endswith(_SOFT_HYPHEN)
    return _COMPASS_JOINED.sub(r"\1-", clean(out))


def split_preamble(lines: Sequence[str], known_words: frozenset[str], *, last_line_subtitle: bool = False
                   ) -> tuple[str, str]:
    """Title and subtitle: the first two paragraphs (blank-line separated) above the
    table. With ``last_line_subtitle``, a single paragraph of several lines is read as
    the title and, on its last line, the subtitle (extractors that drop blank lines)."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    paragraphs = [p for p in paragraphs if p]
    if last_line_subtitle and len(paragraphs) == 1 and len(paragraphs[0]) > 1:
        paragraphs = [paragraphs[0][:-1], paragraphs[0][-1:]]
    title = join_lines(paragraphs[0], known_words) if paragraphs else ""
    subtitle = join_lines(paragraphs[1], known_words) if len(paragraphs) > 1 else ""
    return title, subtitle
