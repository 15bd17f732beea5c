"""Text normalisation shared by the parser, the municipality registry and search.

Inside the program all text is NFC with collapsed whitespace. For *comparison*
we fold further: casefold and strip diacritics, so that ``Mäntsälä``,
``MANTSALA`` and an NFD-encoded ``Mäntsälä`` are the same key.
"""

from __future__ import annotations

import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")
# Soft hyphens and zero-width characters come from PDFs and copy-paste; they are
# never meaningful in this data.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> str:
    """NFC, invisible characters removed, whitespace collapsed and stripped."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return _WHITESPACE.sub(" ", text).strip()


# Combining marks of the diacritic blocks; what NFD splits off Latin, Greek and
# Cyrillic letters. A regular expression keeps folding at C speed.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def fold(text: str) -> str:
    """Comparison key: casefolded, diacritics removed, whitespace collapsed."""
    if text.isascii():
        folded = text.lower()
    else:
        folded = _COMBINING.sub("", unicodedata.normalize("NFD", text.translate(_INVISIBLE).casefold()))
    return _WHITESPACE.sub(" ", folded).strip()


_LINE_SPACE = re.compile(r"[^\S\n]+")
# fold() of each Latin-1 letter that it changes, as a byte translation: the
# letters are lowercased and lose their diacritics (ß and µ, which casefold
# turns into other letters, take the general way).
_LATIN1_FOLD = bytes.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞàáâãäåçèéêëìíîïñòóôõöùúûüýÿ".encode("latin-1"),
    "abcdefghijklmnopqrstuvwxyzaaaaaaæceeeeiiiiðnoooooøuuuuyþaaaaaaceeeeiiiinooooouuuuyy".encode("latin-1"),
)
_LATIN1_SPACE = bytes(c for c in range(256) if chr(c).isspace() and c not in (0x20, 0x0A))


def fold_latin1(text: str) -> bytes | None:
    """``fold`` of each character of ``text`` as Latin-1 bytes (whitespace as it is), by a
    byte translation; None when the text is not Latin-1 or has a letter that
    casefold turns into others (ß, µ)."""
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        return None
    if b"\xdf" in data or b"\xb5" in data:
        return None
    return data.translate(_LATIN1_FOLD, b"\xad")  # the soft hyphen is invisible


def fold_lines(text: str) -> str:
    """``fold`` of each line of ``text``, the lines kept (joined by ``\\n``).

    One pass over the whole text instead of a call per line, for a data file
    of many short lines read at start-up; text in Latin-1 (English, Swedish,
    Finnish) is folded by a byte translation.
    """
    data = fold_latin1(text)
    if data is None:
        folded = _COMBINING.sub("", unicodedata.normalize("NFD", text.translate(_INVISIBLE).casefold()))
    else:
        if not (b"  " in data or b" \n" in data or b"\n " in data or data[:1] == b" " or data[-1:] == b" "
                or len(data.translate(None, _LATIN1_SPACE)) != len(data)):
            return data.decode("latin-1")
        folded = data.decode("latin-1")
    return "\n".join(line.strip() for line in _LINE_SPACE.sub(" ", folded).split("\n"))


def ascii_slug(text: str) -> str:
    """Lowercase ASCII slug a person can type: ``Riihimäki`` -> ``riihimaki``."""
    folded = fold(text)
    ascii_only = folded.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
