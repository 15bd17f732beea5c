"""The round, the registry version and the unread rows in a snapshot header."""

from __future__ import annotations

import importlib
import json

from hankkeet.kunnat.registry import REGISTRY_VERSION
from hankkeet.parse import funding_period, parse_file, round_year

from conftest import ROOT, invoke

LATER = ROOT / "tests" / "later_round" / "out"


def test_round_year_is_the_last_year_of_the_title() -> None:
    assert round_year("… kehittämiseen (2022)") == 2022
    assert round_year("Hankkeet 2021–2022 (2023)") == 2023
    assert round_year("Yhteenveto") is None


def test_a_parsed_snapshot_records_its_round_and_registry() -> None:
    snapshot = parse_file(LATER / "round2023_landscape.pdf")
    assert snapshot.source.year == 2023
    assert snapshot.source.period == funding_period(list(snapshot.projects))
    start, end = snapshot.source.period.split(" – ")
    assert start == min(p.start for p in snapshot.projects) and end == max(p.end for p in snapshot.projects)
    assert snapshot.registry_version == REGISTRY_VERSION and snapshot.unread is None


def test_version_and_list_name_the_snapshot(runner, tmp_path) -> None:
    out = tmp_path / "s.json"
    assert invoke(runner, "parse", str(LATER / "round2022_landscape.pdf"), "-o", str(out)).exit_code == 0
    version = invoke(runner, "--version", HANKKEET_DATA=str(out))
    assert "round 2022" in version.stdout and str(out) in version.stdout
    listed = invoke(runner, "--data", str(out), "list")
    assert "round 2022" in listed.stderr and listed.exit_code == 0


def test_a_stale_registry_is_noted_and_resolve_redoes_it(runner, tmp_path) -> None:
    out = tmp_path / "s.json"
    invoke(runner, "parse", str(LATER / "round2022_landscape.pdf"), "-o", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    data["registry_version"] = "old"
    for project in data["projects"]:
        project["municipalities"] = []
    stale = tmp_path / "stale.json"
    stale.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    noted = invoke(runner, "--data", str(stale), "list", "--json")
    assert "resolved with registry old" in noted.stderr and "parse --resolve" in noted.stderr
    fresh = tmp_path / "fresh.json"
    redone = invoke(runner, "parse", "--resolve", str(stale), "-o", str(fresh))
    assert redone.exit_code == 0, redone.stderr
    assert json.loads(fresh.read_text(encoding="utf-8")) == json.loads(out.read_text(encoding="utf-8"))
    assert "resolved with registry" not in invoke(runner, "--data", str(fresh), "list", "--json").stderr


def test_list_says_which_rows_are_missing(runner, tmp_path) -> None:
    out = tmp_path / "s.json"
    invoke(runner, "parse", str(LATER / "round2022_landscape.pdf"), "-o", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    data["unread"] = "row 22: the project name is empty"
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    listed = invoke(runner, "--data", str(out), "list", "--json")
    assert "1 rows of the document could not be read" in listed.stderr and "row 22" in listed.stderr


def test_the_registry_version_follows_the_registry_data(monkeypatch) -> None:
    from hankkeet import data
    registry = importlib.import_module("hankkeet.kunnat.registry")

    now = registry.registry_version()
    real = data.read_text

    def changed(name: str) -> str:
        text = real(name)
        return text.replace("Loppi", "Loppi ", 1) if name == "kunnat.csv" else text

    registry.registry_version.cache_clear()
    monkeypatch.setattr(data, "read_text", changed)
    try:
        assert registry.registry_version() != now
    finally:
        registry.registry_version.cache_clear()
    monkeypatch.setattr(data, "read_text", real)
    assert registry.registry_version() == now == REGISTRY_VERSION
    assert set(registry.REGISTRY_FILES) >= {"kunnat.csv", "kunnat-hva.csv", "hyvinvointialueet.csv"}


def test_the_registry_version_follows_the_area_rules_code(monkeypatch) -> None:
    import importlib.resources

    registry = importlib.import_module("hankkeet.kunnat.registry")
    now = registry.registry_version()
    real = importlib.resources.files

    class Edited:
        """The package's files, with one line of code changed in areas.py (or only a comment added)."""

        def __init__(self, change: str) -> None:
            self.change = change

        def joinpath(self, path: str) -> object:
            original = real("hankkeet").joinpath(path)
            if path != "kunnat/areas.py":
                return original
            text = original.read_text(encoding="utf-8")
            edited = (text.replace("import re\n", "import re\n# a note\n\n", 1) if self.change == "comment"
                      else text.replace("import re\n", "import re\nimport os\n", 1))
            return type("F", (), {"read_text": lambda _self, encoding="utf-8": edited})()

    try:
        for change, differs in (("comment", False), ("code", True)):
            registry.registry_version.cache_clear()
            monkeypatch.setattr(importlib.resources, "files", lambda _name, change=change: Edited(change))
            assert (registry.registry_version() != now) is differs, change
            monkeypatch.setattr(importlib.resources, "files", real)
    finally:
        monkeypatch.setattr(importlib.resources, "files", real)
        registry.registry_version.cache_clear()
    assert registry.registry_version() == now
    assert now.startswith("areas-") and "kunnat/areas.py" in registry.AREA_RULE_MODULES
