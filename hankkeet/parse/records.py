"""From the cells of one table row to a Project record.

Both parsers (text and PDF) find the rows; this module knows what a row's
cells mean. The rules are general, for any summary of this shape:

* the project-information cell holds the applicant, the project name and the
  period line (``1.9.2020–31.8.2021``), in that order;
* the applicant is a municipality (``…n kaupunki``, ``…n kunta``) or a joint
  authority (``…kuntayhtymä, ACRONYM``), optionally followed by a parenthesis
  naming co-implementers (``(osatoteuttajana Kouvolan kaupunki)``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache

from hankkeet.errors import SourceError
from hankkeet.model import Project, Source
from hankkeet.parse.cleanup import join_lines
from hankkeet.textnorm import ascii_slug, clean, fold

_DATE = r"(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4})"
PERIOD = re.compile(rf"^{_DATE}\s*[–—-]\s*{_DATE}$")

_UPPER = "A-ZÄÖÅÜ"
# "Kotkan kaupunki", "Pedersören kunta", "Kosken Tl kunta".
_MUNICIPAL = re.compile(rf"^(?P<genitive>[{_UPPER}][\w-]*n)(?: [{_UPPER}]\w*)? (?:kaupunki|kunta)$")
# The kinds of public body that apply, as the last word of a name (also the end of a
# compound: "Satakuntaliitto", "terveyspalvelukuntayhtymä"), in Finnish and Swedish.
_KIND_WORDS = (
    "kaupunki", "kunta", "kuntayhtymä", "hyvinvointialue", "yhteistyöalue", "liitto", "seutukunta",
    "stad", "kommun", "samkommun", "välfärdsområde", "förbund",
)
_KIND = "(?:" + "|".join(_KIND_WORDS) + ")"
# One name: a capitalised phrase without sentence punctuation ending in a kind word,
# optionally with a short name after a comma (``…kuntayhtymä, Eksote``, ``…, Siun sote``),
# or a company (``… Oy``, ``… Oy WinNova``).
_SHORT_NAME = r"(?:, [\w-]*\w(?: [\w-]*\w){0,2})?"
# A joint authority may carry its brand after a space, without a comma
# (``Koulutuskuntayhtymä Tavastia``, ``… koulutuskuntayhtymä Keuda``).
_BRAND = rf"(?: [{_UPPER}][\w-]*\w)?"
# Swedish puts the kind first in a name's definite form (``Samkommunen Kust-Österbottens
# utbildning``, ``Välfärdsområde Österbotten``).
_KIND_FIRST = rf"(?:Samkommunen|Kommunalförbundet|Välfärdsområdet|Välfärdsområde|Förbundet) [{_UPPER}][^.;:!?()]*"
_ONE_NAME = (rf"(?:{_KIND_FIRST}|[{_UPPER}][^.;:!?()]*?(?:\w*{_KIND}{_SHORT_NAME}|\w*kuntayhtymä{_BRAND}"
             rf"| Oy(?: [\w-]*\w)?| Ab))")
# Names in two languages: joined by a dash, or the other language's in parentheses.
_BODY = re.compile(rf"^{_ONE_NAME}(?: [–—-] {_ONE_NAME}| \({_ONE_NAME}\))?$")
_JOINT = re.compile(rf"^[{_UPPER}][^.;:!?()]*kuntayhtymä(?:, (?P<acronym>\w+(?:-\w+)*))?$")
_PARENTHESIS = re.compile(r"^(?P<body>.*?)\s*\((?P<inner>[^()]*)\)$")
# Only a parenthesis that says so names co-implementers; any other is part of the name.
_CO_PREFIX = re.compile(r"^(?:osa)?toteuttaj(?P<ending>\w*)\s+", re.IGNORECASE)
# The start of a co-implementer parenthesis, also when a line end cuts its keyword.
_CO_OPENING = re.compile(r"^\((?:osa|toteut)", re.IGNORECASE)
# The longest names of public bodies run to about 70 characters
# ("Keski-Karjalan sosiaali- ja terveyspalvelujen kuntayhtymä, Helli"); both
# languages' names together, twice that.
MAX_NAME_CHARS = 250
_ACRONYM = re.compile(r", (?P<short>[\w-]+(?: [\w-]+){0,2})$")


@dataclass(frozen=True)
class ParseResult:
    """What a parser makes of a document, text or PDF alike: the source, the
    records read, warnings, and the rows that could not be read (one line each)."""

    source: Source
    projects: list[Project]
    warnings: list[str]
    unread: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Applicant:
    organisation: str
    co_implementers: tuple[str, ...]
    slug: str
    recognised: bool = True  # False: taken from the document's structure alone


def parse_period(text: str) -> tuple[str, str] | None:
    """``1.9.2020–31.8.2021`` -> (``2020-09-01``, ``2021-08-31``); None if not a period."""
    from datetime import date

    match = PERIOD.match(clean(text))
    if not match:
        return None
    d1, m1, y1, d2, m2, y2 = (int(g) for g in match.groups())
    try:
        start, end = date(y1, m1, d1), date(y2, m2, d2)
    except ValueError:
        return None
    return start.isoformat(), end.isoformat()


def split_co_implementers(inner: str) -> tuple[str, ...] | None:
    """The names in a co-implementer parenthesis, or None when it is no such parenthesis.

    ``osatoteuttajana X`` names exactly one body (which may contain a comma or
    ``ja``: ``Vantaan ja Keravan hyvinvointialue``); ``osatoteuttajina X, Y ja Z``
    names several, split on the commas and the last ``ja``.
    """
    prefix = _CO_PREFIX.match(inner)
    if prefix is None:
        return None
    rest = inner[prefix.end():].strip()
    if not rest:
        return ()
    if prefix.group("ending").casefold().endswith("ana"):
        return (rest,)
    head, sep, last = rest.rpartition(" ja ")
    if not sep:
        head, sep, last = rest.rpartition(" sekä ")
    parts = [*head.split(", "), last] if sep else rest.split(", ")
    return tuple(part.strip() for part in parts if part.strip())


def parse_applicant(text: str, *, complete: bool = False) -> Applicant | None:
    """Split an applicant cell into organisation, co-implementers and an id slug.

    Returns None when the text is not (yet) a complete applicant, which lets a
    caller grow the cell line by line until it is. With ``complete`` the caller
    knows from the layout (bold type) that ``text`` is the whole applicant: an
    organisation of no known kind is then taken as it stands
    (``recognised`` is False).
    """
    text = clean(text)
    co: tuple[str, ...] = ()
    body = text
    match = _PARENTHESIS.match(text)
    if match:
        names = split_co_implementers(match.group("inner"))
        if names is not None:
            body, co = match.group("body"), names
    if body.count("(") != body.count(")"):
        return None
    if not body:
        return None
    if len(body) > MAX_NAME_CHARS:
        # No body's name is this long: prose, or a damaged cell. (The name
        # patterns would also take time growing with the square of its length.)
        return Applicant(body, co, _slug(body), recognised=False) if complete else None
    municipal = _MUNICIPAL.match(body)
    if municipal:
        return Applicant(body, co, _municipality_slug(municipal.group("genitive")))
    if _BODY.match(body):
        return Applicant(body, co, _slug(body))
    if complete:
        return Applicant(body, co, _slug(body), recognised=False)
    return None


def _slug(body: str) -> str:
    """An id for an organisation: its short name (``Eksote``), else its municipality, else its first word."""
    first = re.split(r" [–—-] | \(", body)[0]
    short = _ACRONYM.search(first)
    if short:
        return ascii_slug(short.group("short"))
    municipal = _MUNICIPAL.match(first)
    if municipal:
        return _municipality_slug(municipal.group("genitive"))
    word = first.split(" ")[0]
    slug = _genitive_index().get(fold(word))
    return slug or ascii_slug(word)


@cache
def _genitive_index() -> dict[str, str]:
    """Folded genitive form -> municipality slug, built once per process."""
    from hankkeet.kunnat.inflect import genitives
    from hankkeet.kunnat.registry import registry

    index: dict[str, str] = {}
    for m in registry().municipalities:
        forms = genitives(m.name)
        if m.name.endswith("nen"):
            # Place names in -nen take the plural genitive as often as the
            # singular: Kauniaisten, Ikaalisten, Huittisten kaupunki.
            forms = {*forms, m.name[:-3] + "sten"}
        for form in forms:
            index.setdefault(fold(form), ascii_slug(m.name))
    return index


def _municipality_slug(genitive: str) -> str:
    """Slug of the municipality a genitive names: ``Riihimäen`` -> ``riihimaki``.

    Finnish genitives change the stem (Helsinki/Helsingin, Lahti/Lahden), so
    the registry's generated genitive forms decide; an unknown name falls back
    to the genitive without its -n.
    """
    return _genitive_index().get(fold(genitive)) or ascii_slug(genitive[:-1])


# A line that cannot end a name: a dash, comma, slash or conjunction at its end, or a
# genitive waiting for its noun (Finnish ``kuntien``, ``Pietarsaaren``; Swedish
# ``Nylands``, ``Österbottens``: a consonant before the -s, unlike Finnish ``Kajastus``).
# A genitive goes on only into a line that starts in lower case (its noun: ``kuntien`` /
# ``yhteistyöryhmä``); a Finnish word in -nen is a nominative (``Yhteinen``).
_UNFINISHED = re.compile(r"(?:[,–—/&-]|(?<!\S)(?:ja|sekä|och|i|för))$")
_GENITIVE = re.compile(rf"(?:[^\W\d_]{{2,}}[aeiouyäö]n(?<!nen)|[{_UPPER}][^\W\d_]*[b-df-hj-np-tv-xz]s)$")


def name_goes_on(line: str, following: str = "") -> bool:
    """Does an applicant's line end where its name cannot (``Pohjanmaan hyvinvointialue –``,
    ``Kainuun kuntien`` / ``yhteistyöryhmä``)?"""
    text = clean(line)
    if _UNFINISHED.search(text):
        return True
    return _GENITIVE.search(text) is not None and clean(following)[:1].islower()


def split_info_cell(
    lines: Sequence[str], known_words: frozenset[str], bold: Sequence[bool] | None = None,
    wraps: Sequence[bool] | None = None,
) -> tuple[list[str], list[str], str]:
    """Split the project-information cell into applicant lines, name lines and the period line.

    ``bold`` (one flag a line, from a PDF) is the document's own mark of the
    applicant: its leading bold lines, with a parenthesis opened there carried
    to its close. Without it (text), the shortest run of lines that reads as
    an applicant and does not end where a name cannot (a dangling dash, comma
    or genitive), extended by a short name that runs on into a registry name
    (``Västra`` / ``Nylands välfärdsområde``); failing that, the lines up to one
    that ends a name, and a warning. ``wraps`` (text laid out by position: one
    flag a line) says which lines the typesetter broke because the next word did
    not fit, so that a name of no known kind goes on past them.
    """
    # Lines as given (a soft hyphen at a line end marks a break inside a word), without the empty ones.
    kept = [(line.strip(), bold[i] if bold is not None else False) for i, line in enumerate(lines) if clean(line)]
    cleaned = [clean(text) for text, _ in kept]
    period_at = next((i for i, line in enumerate(cleaned) if PERIOD.match(line)), None)
    if period_at is None:
        raise SourceError("a project has no period line (like 1.9.2020–31.8.2021)")
    head = [text for text, _ in kept[:period_at]]
    if not head:
        raise SourceError("a project has only a period line")
    flags = [flag for _, flag in kept[:period_at]]
    if bold is not None and flags[0] and not all(flags):
        end = next(i for i, flag in enumerate(flags) if not flag)
        # A co-implementer parenthesis set in regular type after the bold name.
        # ... or on the line after it (an office suite wraps before the parenthesis).
        if end < len(head) and _CO_OPENING.match(head[end]):
            end += 1
        while end < len(head) and _open_parentheses(join_lines(head[:end], known_words)) > 0:
            end += 1
        if end < len(head):
            return head[:end], head[end:], cleaned[period_at]
    for end in range(1, len(head)):
        if name_goes_on(head[end - 1], head[end]) and _open_parentheses(join_lines(head[:end], known_words)) == 0:
            continue
        if parse_applicant(join_lines(head[:end], known_words)):
            end = extend_to_parenthesis(head, 0, end, known_words)
            end = _extend_to_continuation(head, end, known_words)
            end = _extend_to_registry_name(head, end, known_words)
            return head[:end], head[end:], cleaned[period_at]
    if len(head) >= 2:
        end = 1
        # An open parenthesis, a word broken at the line's end (``Koulutuskeskus Sal-`` /
        # ``paus``), a line that cannot end a name, or one the typesetter wrapped, goes on
        # in the next line.
        while end < len(head) - 1 and (_open_parentheses(join_lines(head[:end], known_words)) > 0
                                       or (re.search(r"[^\W\d_]-$", head[end - 1]) and head[end][:1].islower())
                                       or name_goes_on(head[end - 1], head[end])
                                       or _wrapped_into_last(wraps, end)):
            end += 1
        return head[:end], head[end:], cleaned[period_at]
    raise SourceError(f"cannot find the applicant in: {join_lines(head, known_words)[:80]!r}")


# A name's continuation (the other language's name, a short name) wraps over at most this many lines.
CONTINUATION_LINES = 3


def _extend_to_continuation(head: Sequence[str], end: int, known_words: frozenset[str]) -> int:
    """Take in the next line when it only continues the applicant's name.

    Without type faces to tell, ``…kuntayhtymä, Kainuun`` / ``sote …`` and
    ``… Koulutus Oy`` / ``WinNova`` already read as applicants: a next line
    that starts in lower case or with a dash, or one word after ``Oy``, and still
    leaves a project name, continues the name when the whole reads as one.
    """
    while end + 1 < len(head):
        line = clean(head[end])
        so_far = clean(" ".join(head[:end]))
        # A brand after a company form or a joint authority (``Oy WinNova``,
        # ``Koulutuskuntayhtymä`` / ``Tavastia``) is one word on its own.
        brand = " " not in line and re.search(r"(?: Oy| Ab|kuntayhtymä)$", so_far) is not None
        if not (line[:1].islower() or line[:1] in "–—-" or brand):
            break
        # The continuation may itself wrap (``– Östra Nylands`` / ``välfärdsområde``):
        # the first few lines after which the whole reads as an applicant again.
        grown = next((more for more in range(end + 1, min(end + CONTINUATION_LINES, len(head) - 1) + 1)
                      if parse_applicant(join_lines(head[:more], known_words))), None)
        if grown is None:
            break
        end = grown
    return end


def _extend_to_registry_name(head: Sequence[str], end: int, known_words: frozenset[str]) -> int:
    """Take in the next line when the applicant's last name part runs on into it as
    the name of a known body: ``…hyvinvointialue, Västra`` / ``Nylands välfärdsområde``
    (the registry's names of the wellbeing services counties, in both languages), also
    when the document shortens it (``Västra Nylands välfärd``). A project name is left."""
    while end + 1 < len(head):
        so_far = join_lines(head[:end], known_words)
        part = fold(re.split(r", | [–—-] |\(", so_far)[-1].strip())
        grown = fold(f"{part} {clean(head[end])}")
        if not part or not any(name.startswith(grown) and (len(name) == len(grown) or not grown[-1:].isspace())
                               for name in _body_names()):
            break
        if not parse_applicant(join_lines(head[: end + 1], known_words)):
            break
        end += 1
    return end


def _wrapped_into_last(wraps: Sequence[bool] | None, end: int) -> bool:
    """Was line ``end - 1`` wrapped into line ``end``, and line ``end`` then ended by the
    text itself? (A line that wraps on again is the first of a paragraph running past
    it: the project name, ``Yhteinen`` / ``maahanmuuttoneuvonta``.)"""
    return wraps is not None and end < len(wraps) and wraps[end - 1] and not wraps[end]


@cache
def _body_names() -> frozenset[str]:
    """Folded names of the wellbeing services counties, Finnish and Swedish, full and short."""
    from hankkeet.kunnat.registry import registry

    return frozenset(fold(name) for c in registry().counties
                     for name in (c.name, c.name_sv, c.short_name, c.short_name_sv) if name)


def _open_parentheses(text: str) -> int:
    return text.count("(") - text.count(")")


def extend_to_parenthesis(lines: Sequence[str], start: int, end: int, known_words: frozenset[str]) -> int:
    """Take in a co-implementer parenthesis that starts on the line after a complete applicant.

    ``Kotkan kaupunki`` / ``(osatoteuttajana Kouvolan`` / ``kaupunki)``: the
    first line alone already reads as an applicant, but the parenthesis
    belongs to it. Returns the new end when the parenthesis closes within a
    few lines and the whole still reads as an applicant, else ``end``.
    """
    if end >= len(lines) or not clean(lines[end]).startswith("("):
        return end
    for close in range(end + 1, min(end + 5, len(lines)) + 1):
        if ")" in lines[close - 1]:
            if parse_applicant(join_lines(lines[start:close], known_words)):
                return close
            break
    return end


def build_project(
    number: int,
    applicant_lines: Sequence[str],
    name_lines: Sequence[str],
    period_line: str,
    area_lines: Sequence[str],
    description_lines: Sequence[str],
    known_words: frozenset[str],
    warnings: list[str] | None = None,
) -> Project:
    """One record from its cells. A period of the right shape with impossible
    dates (``31.2.2020``) leaves start and end null and adds a warning."""
    applicant_text, name = _applicant_parenthesis_from_name(
        join_lines(applicant_lines, known_words), join_lines(name_lines, known_words))
    applicant = parse_applicant(applicant_text, complete=True)
    if applicant is None:
        raise SourceError(f"project {number}: not an applicant: {applicant_text!r}")
    if not applicant.recognised and warnings is not None:
        warnings.append(
            f"{applicant.slug}: applicant {applicant.organisation!r} is of no known kind; "
            "taken from the row's layout as it stands"
        )
    period = parse_period(period_line)
    if period is None:
        if warnings is None:
            raise SourceError(f"project {number}: cannot read the period {clean(period_line)!r}")
        warnings.append(f"{applicant.slug}: cannot read the period {clean(period_line)!r}; start and end are null")
    if not name:
        raise SourceError(f"project {number}: the project name is empty")
    return Project(
        id=applicant.slug,
        number=number,
        organisation=applicant.organisation,
        co_implementers=applicant.co_implementers,
        name=name,
        start=period[0] if period else None,
        end=period[1] if period else None,
        area=join_lines(area_lines, known_words),
        description=join_lines(description_lines, known_words),
    )


# A co-implementer parenthesis anywhere in a text, and the few words before it.
_CO_AFTER_WORDS = re.compile(r"^(?:[^\s()]+ ){0,3}\((?:osatoteuttaj|toteuttaj)[^()]*\)", re.IGNORECASE)
_LEADING_PARENTHESIS = re.compile(r"^\([^()]*\)")


def _applicant_parenthesis_from_name(applicant: str, name: str) -> tuple[str, str]:
    """Give back to the applicant what a line-by-line split left in the name.

    A project name never opens with a parenthesis nor holds a co-implementer
    one, so without type faces to tell (text input) ``Koulutuskuntayhtymä`` /
    ``Tavastia (osatoteuttajana X)`` / ``Name`` and ``… seutukunta`` /
    ``(seutuyhteistyöelin) Name``: the words up to such a parenthesis belong
    to the applicant. Nothing moves when the applicant already has its
    co-implementers or nothing of the name would be left.
    """
    if "(" in applicant:
        return applicant, name
    match = _CO_AFTER_WORDS.match(name) or _LEADING_PARENTHESIS.match(name)
    if match is None or not name[match.end():].strip():
        return applicant, name
    return clean(f"{applicant} {match.group()}"), clean(name[match.end():])


def unique_ids(projects: Sequence[Project]) -> list[Project]:
    """Make ids unique in document order: a second ``turku`` becomes ``turku-2``."""
    seen: dict[str, int] = {}
    out = []
    for project in projects:
        count = seen.get(project.id, 0) + 1
        seen[project.id] = count
        out.append(project if count == 1 else project._replace(id=f"{project.id}-{count}"))
    return out


@contextmanager
def table_reconstruction() -> Iterator[None]:
    """Last line of defence around a parser's own table code.

    The parsers check what they assume and say what is wrong; a layout odd
    enough to break an assumption they do not check still ends as bad input,
    one line naming the problem, not as an internal error. The original
    exception stays attached as the cause, for ``--debug``.
    """
    try:
        yield
    except SourceError:
        raise
    except Exception as exc:
        raise SourceError(f"cannot make out the project table ({type(exc).__name__})") from exc


# A description ends as a sentence does: a full stop, a question or exclamation mark,
# an ellipsis, maybe inside a closing bracket or quote.
_SENTENCE_END = re.compile(r"[.!?…][)\]\"'”’»]*$")
# The document's own habit: at least this share of the other rows end so (and two at least).
CUT_SHORT_SHARE = 0.9


def ends_mid_sentence(projects: Sequence[Project]) -> bool:
    """Does the last row's description stop mid-sentence where the others end as sentences?

    A text cut short (a download broken off, a copy truncated) still parses: its
    last row simply ends where the file does. The document itself tells such a row
    from a whole one, by how its other descriptions end.
    """
    if len(projects) < 3:
        return False
    others = projects[:-1]
    ended = sum(1 for p in others if _SENTENCE_END.search(p.description.rstrip()))
    last = projects[-1].description.rstrip()
    return ended >= CUT_SHORT_SHARE * len(others) and not _SENTENCE_END.search(last)


def cut_short_note(project: Project) -> str:
    return (f"row {project.number}: the text ends inside this row (its description stops mid-sentence: "
            f"…{project.description.rstrip()[-40:]!r}); the file may be cut short")


# Rows whose cells do not look like what they are: judged by the document's own habit,
# which at least this share of the other rows must follow (and three rows at least).
MISREAD_SHARE = 0.75


def misread_rows(projects: Sequence[Project]) -> dict[int, str]:
    """The rows (by number) whose cells do not look like what they should be, and why.

    Text of one cell read into another leaves a mark the document itself shows: a
    description that begins in lower case where the others begin as sentences do
    (its first words went to another cell), an area cell left empty where the others
    have one (its text went to another cell), a co-implementer parenthesis left in the
    applicant or the project name (the row's info cell was not made out). Such a row
    is better refused than passed as read.
    """
    if len(projects) < 4:
        return {}

    def habit(holds: Callable[[Project], bool], project: Project) -> bool:
        others = [p for p in projects if p.number != project.number]
        return sum(1 for p in others if holds(p)) >= MISREAD_SHARE * len(others)

    def opens(p: Project) -> bool:
        return p.description[:1].isupper() or p.description[:1].isdigit()

    out: dict[int, str] = {}
    for project in projects:
        if _CO_IMPLEMENTER_WORD.search(project.organisation) or _CO_IMPLEMENTER_WORD.search(project.name):
            out[project.number] = "a co-implementer parenthesis was not read apart from the applicant"
        elif project.description[:1].islower() and habit(opens, project):
            out[project.number] = (f"its description begins in lower case ({project.description[:30]!r}): "
                                   "its first words were read into another cell")
        elif not project.area.strip() and habit(lambda p: bool(p.area.strip()), project):
            out[project.number] = "its area cell is empty: its text was read into another cell"
    return out


_CO_IMPLEMENTER_WORD = re.compile(r"osatoteuttaj", re.IGNORECASE)
