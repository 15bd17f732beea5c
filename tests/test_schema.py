"""One declared schema: the fast and the checked loader agree, strictly, and the README shows it."""

from __future__ import annotations

import copy
import json
import re
from typing import Annotated, Any, NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hankkeet.errors import DataError
from hankkeet.model import OPTIONAL, Int, Nullable, Snapshot, Text, _Problem, _schema, from_dict, load, schema_markdown

from conftest import ROOT, invoke

BUNDLED = json.loads((ROOT / "hankkeet" / "data" / "projects.json").read_text(encoding="utf-8"))
SMALL = {**BUNDLED, "projects": BUNDLED["projects"][:3]}


def _both(data: Any) -> tuple[Any, Any]:
    """Each loader's answer: the snapshot, or the problem's text."""
    answers = []
    for checked_only in (False, True):
        try:
            answers.append(from_dict(copy.deepcopy(data), checked_only=checked_only, fast=not checked_only))
        except _Problem as problem:
            answers.append(("refused", str(problem)))
    return answers[0], answers[1]


def _refused(answer: Any) -> bool:
    return not isinstance(answer, Snapshot)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += _paths(item, (*path, i))
    return out


ALL_PATHS = _paths(SMALL)[1:]

_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.integers(), st.floats(allow_nan=True), st.just(""),
    st.text(max_size=12), st.sampled_from(["2020-09-01", "20200901", "2020-W01-1", "2020-02-30", "2020-9-1",
                                           "Riihimaki", "riihi maki", "a-b", "-a", "a--b", "091", "٠٩١", "listed",
                                           "rumour", "x\ud800", "x\x07y", "1", "1.0"]),
)
_values = st.recursive(
    _scalars, lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=6), c, max_size=3), max_leaves=6
)


@st.composite
def mutants(draw: st.DrawFn) -> Any:
    data = copy.deepcopy(SMALL)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)[1:]
        path = draw(st.sampled_from(paths)) if paths else ()
        if not path:
            break
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        action = draw(st.sampled_from(["replace", "delete", "add", "copy"]))
        if action == "replace":
            parent[last] = draw(_values)
        elif action == "delete":
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=8))] = draw(_values)
        elif action == "copy" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
    return data


@pytest.mark.slow
@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutants())
def test_a_mutated_snapshot_is_refused_or_loaded_identically_by_both_paths(data):
    fast, checked = _both(data)
    assert _refused(fast) == _refused(checked)
    if _refused(fast):
        assert fast == checked  # the same first problem named
        return
    assert fast == checked
    # What loads obeys the schema independently of the loaders: strict dates, slugs, unique numbers.
    for project in fast.projects:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", project.id)
        assert type(project.number) is int and project.number >= 1
        for day in (project.start, project.end):
            assert day is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", day, re.ASCII)
    assert len({p.number for p in fast.projects}) == len({p.id for p in fast.projects}) == len(fast.projects)
    assert from_dict(fast.to_dict()) == fast


@pytest.mark.parametrize(("path", "value", "problem"), [
    (("projects", 0, "start"), "20200901", "projects[0].start must be an ISO date"),
    (("projects", 0, "start"), "2020-W01-1", "projects[0].start must be an ISO date"),
    (("projects", 0, "end"), "2021-02-29", "projects[0].end must be an ISO date"),
    (("schema_version",), True, "schema_version must be 1"),
    (("projects", 0, "id"), "Riihimaki", "projects[0].id must be a lowercase ASCII slug"),
    (("projects", 0, "id"), "riihi maki", "projects[0].id must be a lowercase ASCII slug"),
    (("projects", 0, "id"), "riihi\x07", "projects[0].id must be a lowercase ASCII slug"),
    (("projects", 1, "number"), 1, "projects[1].number 1 is used twice"),
    (("projects", 0, "number"), -1, "projects[0].number must be from 1"),
    (("projects", 0, "number"), True, "projects[0].number must be an integer"),
    (("projects", 0, "municipalities", 0, "code"), 91, "projects[0].municipalities[0].code must be a string"),
    (("projects", 0, "municipalities", 0, "code"), "٠٩١", "must be three ASCII digits"),
    (("projects", 0, "name"), "x\ud800", "lone surrogates"),
    (("projects", 0, "description"), "x" * 100_001, "at most 100,000 characters"),
])
def test_strict_where_the_old_loader_was_lenient(path, value, problem):
    data = copy.deepcopy(SMALL)
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    fast, checked = _both(data)
    assert fast == checked and fast[0] == "refused" and problem in fast[1], fast


@pytest.mark.parametrize("key", ["start", "end", "regions", "municipalities", "co_implementers"])
def test_every_key_is_required_by_both_paths(key):
    data = copy.deepcopy(SMALL)
    del data["projects"][0][key]
    fast, checked = _both(data)
    assert fast == checked == ("refused", f"projects[0] is missing '{key}'")


def test_an_unknown_key_is_refused():
    data = copy.deepcopy(SMALL)
    data["projects"][0]["descripton"] = "typo"
    assert _both(data)[0] == ("refused", "projects[0] has an unknown key 'descripton'")


def test_the_bundled_snapshot_round_trips():
    snapshot = load()
    assert snapshot.to_dict() == BUNDLED
    assert from_dict(BUNDLED, checked_only=True) == snapshot


def test_surrogate_escape_in_the_file_is_a_one_line_error(runner, tmp_path):
    text = json.dumps(SMALL).replace('"name": "', '"name": "\\ud800', 1)
    path = tmp_path / "s.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match="lone surrogates"):
        load(path)
    result = invoke(runner, "--data", str(path), "list")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=mutants())
def test_a_mutated_snapshot_through_the_cli_is_exit_0_1_or_2(runner, tmp_path_factory, data):
    path = tmp_path_factory.mktemp("m") / "s.json"
    try:
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    except UnicodeEncodeError:
        path.write_text(json.dumps(data), encoding="utf-8")
    result = invoke(runner, "--data", str(path), "list", "--json")
    assert result.exit_code in (0, 1, 2), result.stderr
    assert result.exit_code != 2 or result.stderr.count("\n") == 1


def test_readme_schema_section_is_generated_from_the_schema():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    begin, end = "<!-- schema: generated by scripts/schema_readme.py -->", "<!-- end of schema -->"
    assert begin in readme and end in readme
    block = readme.split(begin, 1)[1].split(end, 1)[0].strip()
    assert block == schema_markdown().strip()


# A record of the same machinery with an optional field, as a new snapshot header field would be.


class _Header(NamedTuple):
    title: Annotated[str, Text(20), "a title"]
    year: Annotated[int | None, Nullable(Int(2000, 2100)), "a year", OPTIONAL] = None
    label: Annotated[str, Text(5), "a label", OPTIONAL] = "none"


@pytest.mark.parametrize(("value", "expected"), [
    ({"title": "t"}, _Header("t")),
    ({"title": "t", "year": 2021}, _Header("t", 2021)),
    ({"title": "t", "year": None, "label": "ab"}, _Header("t", None, "ab")),
    ({"title": "t", "year": 1999}, "refused"),
    ({"title": "t", "label": "toolong"}, "refused"),
    ({"title": "t", "other": 1}, "refused"),
    ({"title": "t", "year": 2021, "other": 1}, "refused"),
    ({"year": 2021}, "refused"),
    ({"title": "t", "year": True}, "refused"),
])
def test_an_optional_field_is_read_alike_by_both_paths(value, expected):
    schema = _schema(_Header)
    fast = schema.fast()(dict(value), False)
    try:
        checked = schema.checked(dict(value))
    except _Problem:
        checked = None
    assert fast == checked
    assert (fast if fast is not None else "refused") == expected
    if fast is not None:
        assert schema.dump(fast) == {"title": fast.title, "year": fast.year, "label": fast.label}
