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


def ascii_slug(text: str) -> str:
    """Lowercase ASCII slug a person can type: ``Riihimäki`` -> ``riihimaki``."""
    folded = fold(text)
    ascii_only = folded.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
