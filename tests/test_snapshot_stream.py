"""The snapshot file read one project at a time: the same decisions and records as the whole-file
reference (json.loads, then the schema's checked path), at any chunk size, in bounded memory."""

from __future__ import annotations

import contextlib
import copy
import json
import random
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_schema import BUNDLED, SMALL, mutants

from hankkeet import model
from hankkeet.errors import DataError
from hankkeet.model import Snapshot, SnapshotFile, _Problem, from_dict

from conftest import invoke


@contextlib.contextmanager
def tuned(*, block: int | None = None, fast_from: int | None = None, max_value: int | None = None) -> Iterator[None]:
    """Small read blocks (every value cut at a chunk's end somewhere), the fast path from the first project."""
    saved = model._READ_BLOCK, model._FAST_FROM, model.MAX_VALUE_CHARS
    try:
        if block is not None:
            model._READ_BLOCK = block
        if fast_from is not None:
            model._FAST_FROM = fast_from
        if max_value is not None:
            model.MAX_VALUE_CHARS = max_value
        yield
    finally:
        model._READ_BLOCK, model._FAST_FROM, model.MAX_VALUE_CHARS = saved


class _Twice(Exception):
    pass


def _reference(text: str) -> Any:
    """The whole-file answer: the snapshot, or 'refused'. A key given twice in any object is refused."""
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(items)
        if len(out) != len(items):
            raise _Twice
        return out

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except (ValueError, RecursionError, _Twice):
        return "refused"
    try:
        return from_dict(data, checked_only=True)
    except _Problem:
        return "refused"


def _streamed(path: Any, **tuning: int) -> Any:
    with tuned(**tuning):
        try:
            return SnapshotFile(path).load()
        except DataError as exc:
            return ("refused", exc.message)


def _decision(answer: Any) -> Any:
    return answer if isinstance(answer, Snapshot) else "refused"


def _write(tmp_path_factory: pytest.TempPathFactory, text: str) -> Any:
    path = tmp_path_factory.mktemp("s") / "s.json"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


def _dumps(data: Any, style: int) -> str:
    if style == 0:
        return json.dumps(data, ensure_ascii=False, indent=2)
    if style == 1:
        return json.dumps(data)  # one line, everything escaped
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(data=mutants(), style=st.integers(0, 2), block=st.sampled_from([1, 7, 64, 1 << 20]),
       fast_from=st.sampled_from([0, 10**9]))
def test_a_mutated_snapshot_streams_as_the_whole_file_loads(tmp_path_factory, data, style, block, fast_from):
    text = _dumps(data, style)
    path = _write(tmp_path_factory, text)
    expected = _reference(text)
    got = _streamed(path, block=block, fast_from=fast_from)
    assert _decision(got) == expected
    if isinstance(expected, Snapshot):
        assert got == expected


def _dumps_with_a_key_twice(data: Any, target: int, pick: int, other: Any) -> tuple[str, bool]:
    """JSON text of ``data`` whose ``target``-th object (in text order) has one of its keys written
    twice, the copy holding ``other``; and whether there was such an object."""
    count = 0
    done = False

    def emit(value: Any) -> str:
        nonlocal count, done
        if isinstance(value, dict):
            number = count
            count += 1
            items = [f"{json.dumps(k, ensure_ascii=False)}: {emit(v)}" for k, v in value.items()]
            if number == target and value:
                key = list(value)[pick % len(value)]
                items.insert(pick % (len(items) + 1), f"{json.dumps(key)}: {json.dumps(other, ensure_ascii=False)}")
                done = True
            return "{" + ", ".join(items) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(emit(v) for v in value) + "]"
        return json.dumps(value, ensure_ascii=False)

    return emit(data), done


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(data=st.one_of(st.just(SMALL), mutants()), target=st.integers(0, 60), pick=st.integers(0, 12),
       other=st.sampled_from([None, 1, "x", "riihimaki", [], {}, "2020-09-01"]), block=st.sampled_from([1, 7, 1 << 20]),
       fast_from=st.sampled_from([0, 10**9]))
def test_a_key_given_twice_anywhere_is_refused_by_every_path(tmp_path_factory, data, target, pick, other, block,
                                                              fast_from):
    text, twice = _dumps_with_a_key_twice(data, target, pick, other)
    path = _write(tmp_path_factory, text)
    got = _streamed(path, block=block, fast_from=fast_from)
    assert _decision(got) == _reference(text)
    if twice:
        assert _decision(got) == "refused"


def test_a_key_twice_inside_a_record_is_named_with_its_place(tmp_path):
    text = json.dumps(SMALL, ensure_ascii=False)
    for needle, where in (('"code":', "projects[0]"), ('"title":', "source")):
        path = tmp_path / "s.json"
        path.write_text(text.replace(needle, f'{needle} "x", {needle}', 1), encoding="utf-8")
        key = needle.strip('":')
        assert _streamed(path) == ("refused", f"{path}: not a hankkeet snapshot: {where} has the key '{key}' twice")
    escaped = text.replace('"name":', '"n\\u0061me": "x", "name":', 1)  # the same key, spelt with an escape
    path.write_text(escaped, encoding="utf-8")
    assert "has the key 'name' twice" in _streamed(path)[1]


def _text_mutants(seed: int, count: int) -> Iterator[str]:
    """Byte-level damage to a snapshot's text: cut, dropped, doubled, swapped or replaced characters."""
    rng = random.Random(seed)
    base = json.dumps(SMALL, ensure_ascii=False, indent=1)
    alphabet = '{}[]",:0123456789 \n\\-eE.tfnaru' + "äö"
    for _ in range(count):
        text = base
        for _ in range(rng.randint(1, 3)):
            if not text:
                break
            i = rng.randrange(len(text))
            action = rng.randrange(5)
            if action == 0:
                text = text[:i]
            elif action == 1:
                text = text[:i] + text[i + rng.randint(1, 8):]
            elif action == 2:
                j = rng.randrange(len(text))
                text = text[:i] + text[j:j + rng.randint(1, 40)] + text[i:]
            elif action == 3:
                text = text[:i] + rng.choice(alphabet) + text[i + 1:]
            else:
                text = text[:i] + rng.choice(alphabet) + text[i:]
        yield text


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(4))
def test_damaged_text_is_refused_or_loaded_as_the_whole_file_loads(tmp_path, seed):
    for n, text in enumerate(_text_mutants(seed, 150)):
        path = tmp_path / f"s{n}.json"
        path.write_text(text, encoding="utf-8")
        expected = _reference(text)
        for block, fast_from in ((1 << 20, 10**9), (5, 0)):
            got = _streamed(path, block=block, fast_from=fast_from)
            assert _decision(got) == expected, (text, got)
            if not isinstance(got, Snapshot):
                assert "\n" not in got[1]


def test_damaged_text_through_the_cli_is_exit_2_in_one_line(runner, tmp_path):
    for n, text in enumerate(_text_mutants(99, 25)):
        path = tmp_path / f"s{n}.json"
        path.write_text(text, encoding="utf-8")
        result = invoke(runner, "--data", str(path), "list", "--json")
        if _reference(text) == "refused":
            assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
        else:
            assert result.exit_code in (0, 1)


@pytest.mark.parametrize("block", [1, 3, 1 << 20])
def test_the_bundled_text_streams_identically_at_any_chunk_size(tmp_path, block):
    path = tmp_path / "s.json"
    path.write_text(json.dumps(BUNDLED, ensure_ascii=False, indent=2), encoding="utf-8")
    assert _streamed(path, block=block, fast_from=0) == model.load()


def test_a_number_cut_at_a_chunk_end_is_read_whole(tmp_path):
    path = tmp_path / "s.json"
    rest = {k: v for k, v in SMALL.items() if k != "schema_version"}
    path.write_text('{"schema_version": 10, ' + json.dumps(rest)[1:], encoding="utf-8")
    for block in (1, 2, 19, 20, 21, 22):
        got = _streamed(path, block=block)
        assert got[0] == "refused" and "schema_version must be 1, not 10" in got[1], got


@pytest.mark.parametrize(("text", "problem"), [
    ('{"projects": [], "projects": []}', "the top level has the key 'projects' twice"),
    ('{"source": {}, "source": {}, "projects": []}', "the top level has the key 'source' twice"),
    ("[]", "the top level must be an object"),
    ('"text"', "the top level must be an object"),
    ("   ", "the file is empty"),
    ("", "the file is empty"),
    ('{"schema_version": 1} x', "not valid JSON (line 1, column 23: Extra data)"),
    ('{"schema_version": 1,\n  "source": tru', "not valid JSON (line 2, column 13: Expecting value)"),
])
def test_problems_of_the_whole_file(tmp_path, text, problem):
    path = tmp_path / "s.json"
    path.write_text(text, encoding="utf-8")
    for block in (1, 1 << 20):
        got = _streamed(path, block=block)
        assert got[0] == "refused" and problem in got[1], got


def test_json_errors_name_the_line_and_column_json_would(tmp_path):
    text = json.dumps(SMALL, ensure_ascii=False, indent=2)
    cut = text.index('"description"', len(text) // 2)
    broken = text[:cut] + "," + text[cut:]  # a stray comma deep in the file
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads(broken)
    where = f"line {caught.value.lineno}, column {caught.value.colno}"
    path = tmp_path / "s.json"
    path.write_text(broken, encoding="utf-8")
    for block in (3, 100, 1 << 20):
        got = _streamed(path, block=block)
        assert got[0] == "refused" and where in got[1], (got, where)


def test_keys_in_any_order_and_the_header_after_the_projects(tmp_path):
    reordered = {"projects": SMALL["projects"], **{k: v for k, v in reversed(SMALL.items()) if k != "projects"}}
    path = tmp_path / "s.json"
    path.write_text(json.dumps(reordered, ensure_ascii=False), encoding="utf-8")
    stream = SnapshotFile(path)
    assert stream.header is None
    ids = [p.id for p in stream.projects()]
    assert ids == [p["id"] for p in SMALL["projects"]]
    assert stream.header is not None and stream.header.source.title == SMALL["source"]["title"]
    assert stream.header._replace(projects=()) == from_dict(SMALL)._replace(projects=())
    broken = {**reordered, "source": {**SMALL["source"], "sha256": 5}}
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(DataError, match=r"source\.sha256 must be a string"):
        list(SnapshotFile(path).projects())  # the header is checked at the end of the pass


def test_an_unknown_top_level_key_is_named_and_not_kept(tmp_path):
    data = {**SMALL, "zz": [1] * 1000, "extra": 1}
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    got = _streamed(path)
    assert got == ("refused", f"{path}: not a hankkeet snapshot: the top level has an unknown key 'extra'")


def test_duplicates_are_found_while_streaming_before_the_end(tmp_path):
    data = copy.deepcopy(SMALL)
    data["projects"][2]["id"] = data["projects"][0]["id"]
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    stream = SnapshotFile(path)
    seen = []
    with pytest.raises(DataError, match=r"projects\[2\]\.id '.*' is used twice"):
        for project in stream.projects():
            seen.append(project.id)
    assert len(seen) == 2 and stream.header is None


def test_a_value_longer_than_the_limit_is_refused_without_reading_on(tmp_path):
    data = copy.deepcopy(SMALL)
    data["projects"][1]["description"] = "x" * 5000
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    got = _streamed(path, block=256, max_value=4096)
    assert got[0] == "refused" and "projects[1] is longer than 4,096 characters of JSON" in got[1]
    open_string = '{"schema_version": 1, "source": "' + "x" * 100_000  # never closed
    path.write_text(open_string, encoding="utf-8")
    got = _streamed(path, block=256, max_value=4096)
    assert got[0] == "refused" and "source is longer than" in got[1]


def test_the_schema_bounds_fit_the_value_limit():
    """No project the schema accepts is refused for its length: its longest JSON (every character
    escaped as \\uXXXX) stays within MAX_VALUE_CHARS."""
    from hankkeet.model import Const, Date, Int, ListOf, Nested, Nullable, OneOf, Project, Text, _schema

    def longest(kind: Any) -> int:
        if isinstance(kind, Text):
            return 2 + 6 * kind.max_length
        if isinstance(kind, Nullable):
            return max(4, longest(kind.inner))
        if isinstance(kind, ListOf):
            return 2 + kind.max_items * (longest(kind.item) + 2)
        if isinstance(kind, Nested):
            return 2 + sum(len(name) + 4 + longest(k) for name, k, _ in _schema(kind.record).fields)
        if isinstance(kind, (Int, Const)):
            return 20
        if isinstance(kind, Date):
            return 12
        if isinstance(kind, OneOf):
            return 2 + 6 * max(map(len, kind.values))
        raise AssertionError(kind)

    assert longest(Nested(Project)) < model.MAX_VALUE_CHARS
    assert longest(Nested(model.Source)) < model.MAX_VALUE_CHARS


def test_a_pass_keeps_one_project_not_the_file(tmp_path):
    import tracemalloc

    data = copy.deepcopy(BUNDLED)
    data["projects"] = [{**p, "id": f"p{i}", "number": i + 1}
                        for i, p in enumerate(BUNDLED["projects"] * 100)]
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        with tuned(block=1 << 14):
            count = sum(1 for _ in SnapshotFile(path).projects())
        _, streaming = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        whole = SnapshotFile(path).load()
        _, loading = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == len(whole.projects) == 2100
    assert streaming * 3 < size < loading, (streaming, loading, size)


def test_a_second_pass_reads_the_file_again_and_a_pipe_only_once(tmp_path):
    import os
    import threading

    path = tmp_path / "s.json"
    path.write_text(json.dumps(SMALL), encoding="utf-8")
    stream = SnapshotFile(path)
    first = [p.id for p in stream.projects()]
    assert first == [p.id for p in stream.projects()] and stream.count == 3
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(json.dumps(SMALL), encoding="utf-8"))
    writer.start()
    piped = SnapshotFile(fifo)
    assert not piped.rereadable
    assert [p.id for p in piped.projects()] == first
    writer.join()
    with pytest.raises(DataError, match="only once"):
        list(piped.projects())


@pytest.mark.parametrize("payload", [b"\x80", b'{"schema_version": 1, "source": "\xff"}', b"\xef\xbb\xbf{\xc3"])
def test_bytes_that_are_not_utf8_are_one_line(tmp_path, payload):
    path = tmp_path / "s.json"
    path.write_bytes(payload)
    for block in (1, 1 << 20):
        got = _streamed(path, block=block)
        assert got == ("refused", f"{path}: not UTF-8 text; expected a snapshot made by 'hankkeet parse'"), got


def test_equal_coverage_entries_are_one_object_by_both_paths():
    from hankkeet.model import Basis

    for fast in (True, False):
        with tuned(fast_from=0 if fast else 10**9):
            projects = model.load().projects
        entries = [c for p in projects for c in p.municipalities]
        by_value = {}
        for entry in entries:
            assert by_value.setdefault(entry, entry) is entry
    assert Basis.LISTED in {"listed"} and hash(Basis.REGION) == hash("region")
