"""The stored search index: same results as the in-memory one, built once, read on demand."""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hankkeet import index_store, model, search
from hankkeet.cli import app

ROOT = Path(__file__).resolve().parent.parent
ENV = {"COLUMNS": "200", "NO_COLOR": "1"}


def _make_corpus(size: int, seed: int) -> dict[str, Any]:
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "scripts" / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module
    spec.loader.exec_module(module)
    corpus: dict[str, Any] = module.make_corpus(size, seed)
    return corpus


def _queries() -> list[str]:
    found: list[str] = []
    for path in sorted((ROOT / "tests").glob("relevance*.json")):
        found.extend(q["query"] for q in json.loads(path.read_text(encoding="utf-8"))["queries"])
    return found


def _results(index: search.SearchIndex, query: str) -> list[tuple[object, ...]]:
    try:
        return [(h.project, h.score, h.phrase, h.matches) for h in index.search(query)]
    except search.EmptyQuery:
        return []


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "corpus.json"
    path.write_text(json.dumps(_make_corpus(150, seed=7), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.slow
def test_stored_index_answers_as_the_in_memory_one_on_the_relevance_queries(corpus: Path, tmp_path: Path) -> None:
    snapshot = model.load(corpus)
    store = tmp_path / "index.sqlite"
    index_store.write_store(snapshot.projects, store)
    stored = index_store.StoredIndex(store)
    memory = search.SearchIndex(snapshot)
    queries = _queries()[::2]  # half of them keeps the test within a few seconds
    differ = [q for q in queries if _results(stored, q) != _results(memory, q)]
    assert differ == []
    assert sum(bool(_results(stored, q)) for q in queries) > len(queries) // 2  # the queries do find things


def test_stored_index_of_the_bundled_snapshot_matches_typos_and_compounds(tmp_path: Path) -> None:
    snapshot = model.load()
    store = tmp_path / "index.sqlite"
    index_store.write_store(snapshot.projects, store)
    stored = index_store.StoredIndex(store)
    memory = search.SearchIndex(snapshot)
    for query in ("kotoutumnen", "palvelu", "tuki rakenne", "entrypoint", "ofice", "FSHKY:n", "Lopella", "Eksote"):
        assert _results(stored, query) == _results(memory, query), query
        assert _results(stored, query), query


def test_search_on_a_large_snapshot_stores_the_index_once_and_reuses_it(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_store, "STORE_FROM_BYTES", 0)
    cache = tmp_path / "cache"
    env = {**ENV, "XDG_CACHE_HOME": str(cache)}
    first = CliRunner().invoke(app, ["--data", str(corpus), "search", "kotoutuminen", "--json"], env=env)
    assert first.exit_code == 0, first.output
    stores = list((cache / "hankkeet").glob("index-*.sqlite"))
    assert len(stores) == 1
    # The store is a plain SQLite file with the projects in it.
    with sqlite3.connect(stores[0]) as con:
        assert con.execute("SELECT count(*) FROM project").fetchone()[0] == 150
    mtime = stores[0].stat().st_mtime_ns
    second = CliRunner().invoke(app, ["--data", str(corpus), "search", "kotoutuminen", "--json"], env=env)
    assert second.stdout == first.stdout
    assert stores[0].stat().st_mtime_ns == mtime
    memory = search.search(model.load(corpus), "kotoutuminen", limit=0)  # --json shows every hit
    assert [d["id"] for d in json.loads(first.stdout)] == [h.project.id for h in memory]


def test_an_unwritable_cache_falls_back_to_a_temporary_store_and_says_so_under_debug(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    monkeypatch.setattr(index_store, "STORE_FROM_BYTES", 0)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    blocker = tmp_path / "not-a-directory"  # unwritable as a cache, whoever runs the test
    blocker.write_text("x")
    env = {**ENV, "XDG_CACHE_HOME": str(blocker)}
    quiet = CliRunner().invoke(app, ["--data", str(corpus), "search", "kotoutuminen", "--json"], env=env)
    loud = CliRunner().invoke(app, ["--debug", "--data", str(corpus), "search", "kotoutuminen", "--json"], env=env)
    assert quiet.exit_code == loud.exit_code == 0
    assert quiet.stdout == loud.stdout and json.loads(quiet.stdout)
    memory = search.search(model.load(corpus), "kotoutuminen", limit=0)
    assert [d["id"] for d in json.loads(quiet.stdout)] == [h.project.id for h in memory]
    assert "built in" not in quiet.stderr
    assert loud.stderr.count("built in a temporary file") == 1
    assert loud.stderr.startswith("hankkeet: ")
    assert list(temporary.iterdir()) == []  # the temporary store is gone once the run is over


def test_with_no_cache_and_no_temporary_folder_the_index_is_built_in_memory(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    monkeypatch.setattr(index_store, "STORE_FROM_BYTES", 0)
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    monkeypatch.setattr(tempfile, "tempdir", str(blocker / "tmp"))  # no folder can be made there
    env = {**ENV, "XDG_CACHE_HOME": str(blocker)}
    result = CliRunner().invoke(app, ["--debug", "--data", str(corpus), "search", "kotoutuminen", "--json"], env=env)
    assert result.exit_code == 0 and json.loads(result.stdout)
    assert result.stderr.count("built in memory") == 1


def test_an_unwritable_cache_directory_path_falls_back_to_memory(corpus: Path, tmp_path: Path) -> None:
    # A cache "directory" that is a file cannot be written, whoever runs the test.
    blocker = tmp_path / "file"
    blocker.write_text("x")
    index_store_path = blocker / "sub" / "index.sqlite"
    with pytest.raises(OSError):
        index_store.write_store(model.load(corpus).projects, index_store_path)
    assert not list(tmp_path.glob("**/.index-*"))


def test_a_bad_large_snapshot_is_still_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_store, "STORE_FROM_BYTES", 0)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    env = {**ENV, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = CliRunner().invoke(app, ["--data", str(bad), "search", "kotoutuminen"], env=env)
    assert result.exit_code == 2
    assert result.stderr.startswith("hankkeet: ") and "not valid JSON" in result.stderr
    assert not list((tmp_path / "cache").glob("**/*.sqlite"))


def test_search_on_the_bundled_snapshot_stores_its_index_once_per_version(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    (cache / "hankkeet").mkdir(parents=True)
    stale = cache / "hankkeet" / "bundled-0000000000000000-0000000000000000.sqlite"
    stale.write_bytes(b"an earlier version's store")
    two_days_ago = time.time() - 2 * 86400
    os.utime(stale, (two_days_ago, two_days_ago))
    in_use = cache / "hankkeet" / "bundled-0000000000000000-1111111111111111.sqlite"
    in_use.write_bytes(b"another version's store, used an hour ago")
    an_hour_ago = time.time() - 3600
    os.utime(in_use, (an_hour_ago, an_hour_ago))
    env = {**ENV, "XDG_CACHE_HOME": str(cache)}
    first = CliRunner().invoke(app, ["search", "kotoutuminen", "--json"], env=env)
    assert first.exit_code == 0, first.output
    assert not stale.exists()  # unused for a day: gone
    assert in_use.exists()  # another version still in use keeps its store (no two versions rebuilding in turn)
    stores = [p for p in (cache / "hankkeet").glob("bundled-*.sqlite") if p != in_use]
    assert len(stores) == 1 and stores[0] != stale
    mtime = stores[0].stat().st_mtime_ns
    second = CliRunner().invoke(app, ["search", "kotoutuminen", "--json"], env=env)
    assert second.stdout == first.stdout and stores[0].stat().st_mtime_ns == mtime
    memory = search.search(model.load(), "kotoutuminen")
    assert [d["id"] for d in json.loads(first.stdout)] == [h.project.id for h in memory]


def test_the_bundled_store_answers_as_the_in_memory_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    stored, note = index_store.open_bundled_index()
    assert note is None and isinstance(stored, index_store.StoredIndex)
    memory = search.SearchIndex(model.load())
    queries = _queries()[::9]
    differ = [q for q in queries if _results(stored, q) != _results(memory, q)]
    assert differ == []


def test_the_bundled_snapshot_is_searched_in_memory_when_no_cache_can_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    env = {**ENV, "XDG_CACHE_HOME": str(blocker)}
    result = CliRunner().invoke(app, ["--debug", "search", "kotoutuminen", "--json"], env=env)
    assert result.exit_code == 0 and json.loads(result.stdout)
    assert result.stderr.count("built in memory") == 1


def test_a_build_in_small_batches_answers_as_the_in_memory_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Batches and slices far smaller than a snapshot: a word's occurrences and a form's keys
    # are spread over many rows, read back in order.
    monkeypatch.setattr(index_store, "_BATCH_OCCURRENCES", 300)
    monkeypatch.setattr(index_store, "_MAP_SLICE", 150)
    store = tmp_path / "index.sqlite"
    index_store.write_store(model.SnapshotFile(), store)
    with sqlite3.connect(store) as con:
        assert con.execute("SELECT count(*) - count(DISTINCT key) FROM occ").fetchone()[0] > 0
        assert con.execute("SELECT count(*) - count(DISTINCT kind || form) FROM map").fetchone()[0] > 0
    stored = index_store.StoredIndex(store)
    memory = search.SearchIndex(model.load())
    assert list(stored.vocabulary) == list(memory.vocabulary)
    assert stored.typo_keys == memory.typo_keys and stored.compound_keys == memory.compound_keys
    queries = ["kotoutumnen", "palvelu", "tuki rakenne", "entrypoint", "ofice", "FSHKY:n", "Lopella", "Eksote",
               *_queries()[::7]]
    differ = [q for q in queries if _results(stored, q) != _results(memory, q)]
    assert differ == []


def test_a_stored_index_does_not_lift_the_input_limit(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_store, "STORE_FROM_BYTES", 0)
    env = {**ENV, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    first = CliRunner().invoke(app, ["--data", str(corpus), "search", "kotoutuminen", "--json"], env=env)
    assert first.exit_code == 0 and list((tmp_path / "cache" / "hankkeet").glob("index-*.sqlite"))
    limited = CliRunner().invoke(app, ["--max-input", "0.01", "--data", str(corpus), "search", "kotoutuminen"], env=env)
    assert limited.exit_code == 2
    assert limited.stderr.startswith("hankkeet: ") and "--max-input" in limited.stderr


def test_the_build_reports_its_progress_to_the_end(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_store, "_MAP_SLICE", 100)
    calls: list[tuple[int, int]] = []
    index_store.write_store(model.SnapshotFile(corpus), tmp_path / "index.sqlite", lambda d, t: calls.append((d, t)))
    done = [d for d, _ in calls]
    assert done == sorted(done) and all(d <= t for d, t in calls)
    assert calls[-1] == (300, 300)  # the projects read, then the words worked out: two steps per project
    assert any(150 < d < 300 for d, _ in calls)  # the words' part moves too


def test_a_snapshot_with_more_words_than_an_index_holds_is_refused_in_one_line(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_store, "STORE_FROM_BYTES", 0)
    monkeypatch.setattr(index_store, "MAX_WORDS", 500)
    env = {**ENV, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = CliRunner().invoke(app, ["--data", str(corpus), "search", "kotoutuminen"], env=env)
    assert result.exit_code == 2
    assert result.stderr.startswith("hankkeet: ") and "more than 500 distinct words" in result.stderr
    assert result.stderr.count("\n") == 1
    assert not list((tmp_path / "cache").glob("**/*.sqlite")) and not list((tmp_path / "cache").glob("**/.index-*"))


def test_the_snowball_look_up_by_prefix_finds_what_the_vocabulary_scan_finds(corpus: Path, tmp_path: Path) -> None:
    from hankkeet import finnish

    snapshot = model.load(corpus)
    store = tmp_path / "index.sqlite"
    index_store.write_store(snapshot.projects, store)
    stored = index_store.StoredIndex(store)
    memory = search.SearchIndex(snapshot)

    def matched(index: search.SearchIndex, query: str) -> list[str]:
        return [k for k in index._snowball_candidates(query) if k[0] == query[0] and finnish.snowball_match(query, k)]

    queries = sorted(memory.typo_keys)[::7]
    found = 0
    for query in queries:
        assert matched(stored, query) == matched(memory, query), query
        found += len(matched(memory, query)) > 1
    assert found > 20  # words that meet others on their Snowball stem


@pytest.mark.slow
@pytest.mark.parametrize("worker", ["started", "unstartable"])
def test_slices_worked_out_by_a_worker_process_make_the_same_index(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, worker: str
) -> None:
    monkeypatch.setattr(index_store, "_MAP_SLICE", 100)  # many slices: every other one to the worker
    monkeypatch.setattr(index_store, "_start_slices_worker", _counting_worker(monkeypatch, worker))
    snapshot = model.load(corpus)
    store = tmp_path / "index.sqlite"
    index_store.write_store(snapshot.projects, store)
    stored = index_store.StoredIndex(store)
    memory = search.SearchIndex(snapshot)
    assert (_WORKER_ROWS[0] > 5) if worker == "started" else (_WORKER_ROWS[0] == 0), _WORKER_ROWS
    queries = _queries()[::9]
    assert [q for q in queries if _results(stored, q) != _results(memory, q)] == []


_WORKER_ROWS = [0]


def _counting_worker(monkeypatch: pytest.MonkeyPatch, worker: str) -> Any:
    import sys

    start, read = index_store._start_slices_worker, index_store._read_rows
    _WORKER_ROWS[0] = 0

    def counting_read(reader: Any) -> Any:
        rows = read(reader)
        _WORKER_ROWS[0] += rows is not None
        return rows

    def starting(slices: Any, keys: Any) -> Any:
        if worker == "unstartable":
            monkeypatch.setattr(sys, "executable", "/nonexistent/python")
        return start(slices, keys)

    monkeypatch.setattr(index_store, "_read_rows", counting_read)
    return starting


def test_typo_forms_come_in_the_same_order_in_every_process() -> None:
    import subprocess

    code = ("from hankkeet import search; print([search.typo_source_forms(w) for w in "
            "('palvelut', 'maahanmuuttajien', 'kotoutumista', 'tarpeet', 'ohjauksessa')])")
    outputs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1 and "palvelu" in outputs.pop()
