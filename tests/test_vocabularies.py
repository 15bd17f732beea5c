"""Vocabularies are StrEnums that serialise as plain strings; modules talk
through public names only."""

from __future__ import annotations

import ast
import json
from importlib import resources
from pathlib import Path

import pytest

from hankkeet.errors import DataError
from hankkeet.finnish import WordKind, words
from hankkeet.kunnat.areas import TermKind, classify
from hankkeet.model import Basis, dumps, from_dict, load
from hankkeet.output import Mode

PACKAGE = Path(__file__).resolve().parent.parent / "hankkeet"


def test_loading_and_saving_the_bundled_snapshot_is_byte_identical():
    bundled = resources.files("hankkeet.data").joinpath("projects.json").read_text(encoding="utf-8")
    snapshot = load()
    assert dumps(snapshot.to_dict()) == bundled
    bases = {c.basis for p in snapshot.projects for c in p.municipalities}
    assert bases and all(type(b) is Basis for b in bases)


@pytest.mark.parametrize("enum", [Basis, WordKind, TermKind, Mode])
def test_members_are_their_json_strings(enum):
    for member in enum:
        assert json.dumps(member) == json.dumps(member.value)
        assert member == member.value and str(member) == member.value


def test_a_basis_of_the_wrong_type_is_a_schema_problem_not_a_crash():
    data = json.loads(dumps(load().to_dict()))
    data["projects"][0]["municipalities"][0]["basis"] = ["listed"]
    with pytest.raises(Exception, match="basis must be a string"):
        from_dict(data)
    data["projects"][0]["municipalities"][0]["basis"] = "nearby"
    with pytest.raises(Exception, match="basis must be one of listed, subregion, region, cooperation"):
        from_dict(data)


def test_a_bad_basis_in_a_file_is_a_data_error(tmp_path):
    data = json.loads(dumps(load().to_dict()))
    data["projects"][0]["municipalities"][0]["basis"] = {"listed": 1}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError, match=r"projects\[0\]\.municipalities\[0\]\.basis"):
        load(path)


def test_word_kinds_and_term_kinds_come_out_as_members():
    assert {w.kind for w in words("ohjaus- ja neuvontapalvelu sote-keskus")} == {
        WordKind.WORD, WordKind.PART, WordKind.EXPANSION,
    }
    assert classify("Loppi").kind is TermKind.MUNICIPALITY
    assert classify("Pirkanmaa").kind is TermKind.REGION
    assert classify("Atlantis").kind is TermKind.UNKNOWN


def _private_imports(path: Path) -> list[str]:
    """``from hankkeet.X import _name`` where X is another module."""
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("hankkeet"):
            if node.module == module.removesuffix(".__init__"):
                continue
            private = [a.name for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
            found += [f"{module}: {node.module}.{name}" for name in private]
    return found


def test_no_module_imports_another_modules_private_names():
    offenders = [line for path in sorted(PACKAGE.rglob("*.py")) for line in _private_imports(path)]
    assert offenders == []


def test_the_private_import_check_can_fail(tmp_path, monkeypatch):
    fake = PACKAGE / "kunnat" / "areas.py"
    source = "from hankkeet.kunnat.lookup import _exact, lookup\n"
    monkeypatch.setattr(Path, "read_text", lambda self, encoding=None: source)
    assert _private_imports(fake) == ["hankkeet.kunnat.areas: hankkeet.kunnat.lookup._exact"]
