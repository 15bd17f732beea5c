"""Finnish case forms of place names, generated from the nominative.

People write "Lopella", "Helsingissä", "Kouvolaan", "Forssan seutukunta". Rather
than analysing arbitrary words, we generate the case forms of every known name
once (a few thousand strings) and look inputs up in that set. Generation only
needs the nominative and a handful of general rules: the stem type (the final
vowel or consonant), consonant gradation (``Helsinki`` → ``Helsingi-``,
``Loppi`` → ``Lope-``, ``Lahti`` → ``Lahde-``) and vowel harmony. Where a name
could follow more than one stem type (``-i``: ``Helsingissä`` but
``Riihimäellä``) we generate both; a form that no real name takes is harmless,
because it is only ever compared with what a user typed.
"""

from __future__ import annotations

from hankkeet.finnish import BACK_VOWELS, FRONT_VOWELS, GRADATION, NO_GRADATION, SINGLE_GRADATION, STRENGTHEN, VOWELS

# One set of tables (hankkeet.finnish): vowels, consonant gradation and its reverse.
_BACK = BACK_VOWELS
_FRONT = FRONT_VOWELS
# Weak grade of the consonant cluster before a word's last vowel: the first weak form of each
# (``lk`` -> ``l``; its ``lj`` of ``jälki``/``jäljen`` is not needed for names).
_WEAKEN = tuple((strong, weak_forms[0]) for strong, weak_forms in GRADATION)
_STRENGTHEN = STRENGTHEN
_NO_GRADATION = NO_GRADATION


def _back(word: str) -> bool:
    """Vowel harmony follows the last harmonic vowel (``Haapajärvi`` is front)."""
    for ch in reversed(word):
        if ch in _BACK:
            return True
        if ch in _FRONT:
            return False
    return False


def weaken(base: str) -> str:
    """Weak grade of ``base`` (a word without its final vowel)."""
    if base.endswith(_NO_GRADATION):
        return base
    for strong, weak in _WEAKEN:
        if base.endswith(strong):
            return base[: -len(strong)] + weak
    if len(base) >= 2 and base[-2] in VOWELS:
        for strong, weak in SINGLE_GRADATION:
            if base[-1] == strong:
                return base[:-1] + weak
    return base


def strengthen(base: str) -> str:
    for weak, strong in _STRENGTHEN:
        if base.endswith(weak):
            return base[: -len(weak)] + strong
    return base


def _stems(word: str) -> tuple[list[tuple[str, str]], list[str]]:
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
                strong = strengthen(word[:-2]) + word[-2] * 2
                singular.append((strong, strong))  # Pihtipudas -> Pihtiputaa
        elif last == "n" and len(word) >= 3 and word[-2] in VOWELS:
            strong = strengthen(word[:-2]) + word[-2] + "me"
            singular.append((strong, strong))  # Punkalaidun -> Punkalaitume
        elif last == "t" and len(word) >= 3 and word[-2] in VOWELS:
            # A plural name (Virrat): plural stems from the singular strong form.
            strong_sg = strengthen(base[:-1]) + base[-1]
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
            singular.append((weaken(base) + last, word))
        if last == "i":
            # Old i-words inflect with an e-stem: Loppi -> Lope-, Riihimäki -> Riihimäe-.
            singular.append((weaken(base) + "e", base + "e"))
            if base.endswith("s"):
                singular.append((base[:-1] + "de", base[:-1] + "te"))  # Haapavesi -> Haapavede-
        elif last == "e":
            singular.append((word + "e", word + "e"))  # Tampere -> Tamperee-, Kitee
    return singular, plural


def _ending_forms(word: str) -> set[str]:
    """Case forms of one lowercase word (no spaces)."""
    if not word or not word[-1].isalpha():
        return set()
    a = "a" if _back(word) else "ä"
    singular, plural = _stems(word)
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
    return {head + sep + form for form in _ending_forms(tail)}


def genitives(name: str) -> set[str]:
    """Singular genitive candidates: ``Suupohja`` → ``suupohjan``."""
    word = name.casefold()
    head, sep, tail = word.rpartition("-")
    if not tail:
        return set()
    singular, _ = _stems(tail)
    return {head + sep + weak + "n" for weak, _strong in singular}
