"""Finnish case forms of place names (``Lopella``, ``Helsingissä``, ``Kouvolaan``).

The generator lives in :mod:`hankkeet.finnish` with the rest of the Finnish
morphology, one engine with one set of tables (vowels, consonant gradation and
its reverse); this module keeps the registry's names for it.
"""

from __future__ import annotations

from hankkeet.finnish import genitives, inflected_forms

__all__ = ["genitives", "inflected_forms"]
