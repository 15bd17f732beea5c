"""Arranging the command line before it is parsed, so that people can type it as they think.

* Global options (``--data PATH``, ``--debug``, …) may stand after the command too:
  ``hankkeet list --data snapshot.json`` is ``hankkeet --data snapshot.json list``.
* A municipality or region name of several words needs no quotes after ``--kunta``
  or ``--maakunta`` in a command that takes no other words (``list --maakunta Etelä Savo``).

Everything after ``--`` is left as it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

GLOBAL_WITH_VALUE = frozenset({"--data", "--max-input", "--max-wait"})
GLOBAL_FLAGS = frozenset({"--debug", "--quiet", "-q", "--raw-csv", "--no-pager"})
NAME_OPTIONS = frozenset({"--kunta", "--maakunta"})


def _is_global(arg: str) -> bool:
    return arg in GLOBAL_FLAGS or arg.partition("=")[0] in GLOBAL_WITH_VALUE


def arrange(args: Sequence[str], takes_words: Mapping[str, bool]) -> list[str]:
    """``args`` with global options moved before the command and multi-word names joined.

    ``takes_words`` maps each command to whether it has positional arguments.
    """
    args = list(args)
    i = 0
    while i < len(args) and args[i].startswith("-") and args[i] != "--":
        i += 2 if args[i] in GLOBAL_WITH_VALUE else 1
    if i >= len(args) or args[i] not in takes_words:
        return args
    command, rest = args[i], args[i + 1 :]
    hoisted: list[str] = []
    kept: list[str] = []
    j = 0
    while j < len(rest):
        arg = rest[j]
        if arg == "--":
            kept += rest[j:]
            break
        if arg in GLOBAL_WITH_VALUE:
            if j + 1 == len(rest):  # no value: as at the root, so that the parser says it needs one
                return [*args[:i], *hoisted, arg]
            hoisted += rest[j : j + 2]
            j += 2
            continue
        if _is_global(arg):
            hoisted.append(arg)
            j += 1
            continue
        if arg in NAME_OPTIONS and not takes_words[command]:
            end = j + 1
            while end < len(rest) and not rest[end].startswith("-"):
                end += 1
            if end > j + 1:
                kept += [arg, " ".join(rest[j + 1 : end])]
                j = end
                continue
        kept.append(arg)
        j += 1
    return [*args[:i], *hoisted, command, *kept]
