"""A text document cut short inside its last row: that row is refused or marked, never passed as whole."""

from __future__ import annotations

from hankkeet.parse.records import ends_mid_sentence

PERIOD = "1.9.2027–31.8.2028"
HEADER = "Hankkeen tiedot              Toiminta-alue          Toiminnan kuvaus"


def _page(rows: list[tuple[str, str, str]]) -> str:
    return "\n".join(f"{a:<29}{b:<23}{c}".rstrip() for a, b, c in rows)


ROWS = [("Lahden kaupunki", "Lahti", "Avataan neuvontapiste kirjastoon;"),
        ("Neuvonta lähellä", "", "palvellaan iltaisin."), (PERIOD, "", ""),
        ("Kotkan kaupunki", "Kotka, Hamina", "Kootaan neuvonta yhteen;"),
        ("Satamien neuvonta", "", "palvellaan satamassa."), (PERIOD, "", ""),
        ("Porin kaupunki", "Pori", "Tarjotaan ohjausta verkossa;"),
        ("Porin neuvonta", "", "kootaan oppaat ja"), (PERIOD, "", "koulutetaan ohjaajat.")]


def _text(rows: list[tuple[str, str, str]], end: str) -> str:
    return HEADER + "\n" + _page(rows) + end


def test_a_whole_layout_text_keeps_its_last_row() -> None:
    from hankkeet.parse.layout_text import parse_layout_text

    result = parse_layout_text(_text(ROWS, "\n\f"), "t.txt", "0")
    assert [p.area for p in result.projects] == ["Lahti", "Kotka, Hamina", "Pori"]
    assert result.unread == []
    assert not any("cut short" in w for w in result.warnings)


def test_a_layout_text_cut_inside_its_last_row_refuses_that_row() -> None:
    from hankkeet.parse.layout_text import parse_layout_text

    # The file stops after the period line: no form feed after the last page, the
    # description stops where the others end in a full stop.
    result = parse_layout_text(_text([*ROWS[:-1], (PERIOD, "", "")], "\n"), "t.txt", "0")
    assert [p.area for p in result.projects] == ["Lahti", "Kotka, Hamina"]
    assert len(result.unread) == 1
    assert result.unread[0].startswith("row 3: the text ends inside this row")
    assert "kootaan oppaat ja" in result.unread[0]


def test_a_last_row_that_stops_mid_sentence_before_the_form_feed_is_warned_about() -> None:
    from hankkeet.parse.layout_text import parse_layout_text

    result = parse_layout_text(_text([*ROWS[:-1], (PERIOD, "", "")], "\n\f"), "t.txt", "0")
    assert len(result.projects) == 3
    assert any(w.startswith("row 3: the text ends inside this row") for w in result.warnings)


def test_the_document_s_own_habit_decides() -> None:
    from hankkeet.model import Project

    def project(number: int, description: str) -> Project:
        return Project(id=f"p{number}", number=number, organisation="Porin kaupunki", co_implementers=(),
                       name="N", start="2027-09-01", end="2028-08-31", area="Pori", description=description)

    ended = [project(n, "Tarjotaan ohjausta.") for n in range(1, 4)]
    assert not ends_mid_sentence([*ended, project(4, "Tarjotaan ohjausta (verkossa).")])
    assert not ends_mid_sentence([*ended, project(4, "Kysytään: mitä tarvitaan?")])
    assert ends_mid_sentence([*ended, project(4, "Tarjotaan ohjausta ja")])
    # Where the descriptions do not end in a full stop, a last one without it is no sign.
    bare = [project(n, "Tarjotaan ohjausta") for n in range(1, 4)]
    assert not ends_mid_sentence([*bare, project(4, "Tarjotaan ohjausta ja")])


def test_cli_parse_of_a_cut_text_names_the_row_and_exits_2(runner, tmp_path) -> None:
    from hankkeet.cli import app

    source = tmp_path / "cut.txt"
    source.write_text(_text([*ROWS[:-1], (PERIOD, "", "")], "\n"), encoding="utf-8")
    out = tmp_path / "snap.json"
    result = runner.invoke(app, ["parse", str(source), "-o", str(out)])
    assert result.exit_code == 2
    assert "row 3: the text ends inside this row" in result.stderr
    assert not out.exists()


def _project(number: int, description: str = "Tarjotaan ohjausta.", area: str = "Pori",
             organisation: str = "Porin kaupunki", name: str = "Neuvonta"):
    from hankkeet.model import Project

    return Project(id=f"p{number}", number=number, organisation=organisation, co_implementers=(), name=name,
                   start="2027-09-01", end="2028-08-31", area=area, description=description)


def test_cells_that_do_not_look_like_what_they_are_are_named() -> None:
    from hankkeet.parse.records import misread_rows

    rows = [_project(n) for n in range(1, 5)]
    assert misread_rows(rows) == {}
    lower = misread_rows([*rows, _project(5, description="ruotsiksi toimiva neuvonta.")])
    assert list(lower) == [5] and "lower case" in lower[5]
    assert list(misread_rows([*rows, _project(5, area="")])) == [5]
    swallowed = misread_rows([*rows, _project(5, organisation="Lohjan kaupunki (osatoteuttajina Vihdin")])
    assert list(swallowed) == [5]
    # The document's own habit decides: where most descriptions begin in lower case, or
    # most areas are empty, one more is no sign.
    bare = [_project(n, description="tarjotaan ohjausta.", area="") for n in range(1, 5)]
    assert misread_rows([*bare, _project(5, description="ruotsiksi.", area="")]) == {}


def test_a_layout_text_row_read_into_the_wrong_cells_is_refused_not_passed() -> None:
    from hankkeet.parse import parse_bytes

    rows = [*ROWS[:6], ("Porin kaupunki", "", "Tarjotaan ohjausta verkossa;"),
            ("Porin neuvonta Pori", "", "kootaan oppaat."), (PERIOD, "", ""),
            ("Raahen kaupunki", "Raahe", "Avataan neuvonta;"), ("Raahen neuvonta", "", "palvellaan."),
            (PERIOD, "", "")]
    snapshot = parse_bytes(_text(rows, "\n\f").encode(), "t.txt")
    assert [p.number for p in snapshot.projects] == [1, 2, 4]
    assert snapshot.unread_rows == [
        "row 3: its area cell is empty: its text was read into another cell (begins 'Porin kaupunki')"]
