"""`hankkeet search` through the CLI, as a shell user sees it."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from hankkeet.cli import app

ENV = {"COLUMNS": "200", "NO_COLOR": "1"}


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), env=ENV)


def test_json_is_ranked_projects_with_score_and_matches() -> None:
    result = run("search", "kotoutuminen", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [d["id"] for d in data] == ["fshky", "vaasa"]
    first = data[0]
    assert {"id", "name", "organisation", "description", "municipalities", "score", "matches"} <= set(first)
    assert first["matches"][0]["field"] == "description"
    assert "kotoutumisen" in first["matches"][0]["words"]
    assert [d["score"] for d in data] == sorted((d["score"] for d in data), reverse=True)


def test_words_are_joined_into_one_query() -> None:
    data = json.loads(run("search", "entry", "point", "--json").stdout)
    assert [d["id"] for d in data] == ["helsinki"]


def test_json_is_utf8_not_escaped() -> None:
    result = run("search", "etäohjaus", "--json")
    assert "etäohjausta" in result.stdout and "\\u00e4" not in result.stdout


def test_no_results_json_is_an_empty_array_and_exit_1() -> None:
    result = run("search", "moottoritie", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert "no project matches 'moottoritie'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_no_results_table_prints_nothing_on_stdout() -> None:
    result = run("search", "palveluseteli")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("hankkeet: no project matches")


def test_table_shows_score_id_and_snippet() -> None:
    result = run("search", "Lappeenranta")
    assert result.exit_code == 0
    assert "eksote" in result.stdout and "Lappeenrantaan" in result.stdout


def test_table_shows_markup_in_data_and_query_literally() -> None:
    result = run("search", "[bold]kotoutuminen[/bold]")
    # "bold" is a word of the query and in no project: no results, and no markup error.
    assert result.exit_code == 1
    assert "[bold]kotoutuminen[/bold]" in result.stderr


def test_limit() -> None:
    data = json.loads(run("search", "neuvonta", "--json", "--limit", "3").stdout)
    assert len(data) == 3
    assert len(json.loads(run("search", "neuvonta", "--json", "--limit", "0").stdout)) == 21
    # Machine output is complete unless --limit is given.
    assert len(json.loads(run("search", "neuvonta", "--json").stdout)) == 21


def test_a_cut_table_says_how_many_and_ties_are_not_cut_in_silence() -> None:
    from hankkeet.model import load
    from hankkeet.search import search

    hits = search(load(), "neuvonta", limit=0)
    result = run("search", "neuvonta")  # not a terminal: tab-separated lines, cut like a table
    shown = [line.split("\t")[2] for line in result.stdout.splitlines()[1:]]
    tenth = hits[9].score
    tied = sum(1 for h in hits if h.score >= tenth)  # every result as good as the tenth
    assert len(shown) == min(tied, len(hits)) >= 10
    if len(shown) < len(hits):
        assert f"showing {len(shown)} of {len(hits)}; --limit 0 for all" in result.stderr
    explicit = run("search", "neuvonta", "--json", "--limit", "3")
    if hits[2].score == hits[3].score:
        assert "more tied with the last one shown" in explicit.stderr


def test_negative_limit_is_a_usage_error() -> None:
    result = run("search", "neuvonta", "--limit", "-1")
    assert result.exit_code == 2 and result.stdout == ""


def test_field_restriction_and_unknown_field() -> None:
    data = json.loads(run("search", "kaupunki", "--field", "description", "--json").stdout)
    assert [d["id"] for d in data] == ["porvoo", "kajaani"]
    data = json.loads(run("search", "Kouvola", "-f", "name", "-f", "co_implementers", "--json").stdout)
    assert [d["id"] for d in data] == ["kotka"]
    result = run("search", "kaupunki", "--field", "nimi")
    assert result.exit_code == 2
    assert "unknown field 'nimi'" in result.stderr and "description" in result.stderr


def test_empty_query_is_exit_2() -> None:
    for query in ("", "   ", "--- !!!"):
        result = run("search", "--", query)
        assert result.exit_code == 2, query
        assert "empty query" in result.stderr
        assert "Traceback" not in result.stderr


def test_missing_query_is_a_usage_error() -> None:
    assert run("search").exit_code == 2


def test_hostile_query_does_not_crash() -> None:
    result = run("search", "a\x00b\x1b[31m " + "x" * 20_000, "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert "\x00" not in result.stderr and "\x1b" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_search_json_does_not_import_rich_or_rapidfuzz() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from hankkeet.cli import app as main  # main() leaves with os._exit\n"
        "sys.argv = ['hankkeet', 'search', 'kotoutuminen', '--json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('rich', 'rapidfuzz', 'snowballstemmer') if m in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stderr.strip().endswith("[]"), done.stderr


def test_search_names_an_uncovered_municipality_and_points_to_kunta() -> None:
    from typer.testing import CliRunner

    from hankkeet.cli import app

    result = CliRunner().invoke(app, ["search", "Kerava"], env={"COLUMNS": "120"})
    assert result.exit_code == 1
    assert "Kerava" in result.stderr and "hankkeet kunta Kerava" in result.stderr


def test_search_table_shows_the_finnish_word_used() -> None:
    from typer.testing import CliRunner

    from hankkeet.cli import app

    result = CliRunner().invoke(app, ["search", "guidance", "--limit", "1", "--table"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "guidance → ohjaus" in result.stdout
    # In a pipe the lines stay data only; the note goes to stderr.
    piped = CliRunner().invoke(app, ["search", "guidance", "--limit", "1"], env={"COLUMNS": "120"})
    assert "guidance → ohjaus" in piped.stderr and "→" not in piped.stdout


def test_a_long_word_with_two_slips_finds_what_its_glossary_word_finds() -> None:
    # saavutettavuus with a letter left out and one doubled: a glossary word the
    # bundled texts have only as saavutettava/saavutettavuutta.
    slipped, right = run("search", "savutettavuuss", "--json"), run("search", "saavutettavuus", "--json")
    assert slipped.exit_code == 0 and right.exit_code == 0
    assert {p["id"] for p in json.loads(slipped.stdout)} == {p["id"] for p in json.loads(right.stdout)} != set()
