"""Names vulture reports as unused that are used, by a framework or by contract.

    uv run --with vulture vulture     # paths and this file come from pyproject.toml

Each line is an attribute access vulture counts as a use; nothing runs it.
"""

from hankkeet import cli, errors, finnish, render
from hankkeet.kunnat import registry
from hankkeet.maps import topology, view

# Typer registers commands and the root callback by decorator.
cli._root
cli.list_projects
cli.show
cli.parse
cli.coverage_command
cli.map_command
cli.search_command
cli._ClosedStream.writable  # io.TextIOBase protocol: print() asks it
errors.EXIT_OK  # the documented exit code of a run with results
finnish.__path__  # set on a module object for the import system
render.on_broken_pipe  # Rich's hook, assigned on a console
# Fields of records read from data files, and API the tests use.
registry.County.short_name
registry.County.short_name_sv
registry.Registry.in_county
topology.Shape.interior_point
topology.Shape.hva_id
view.Cover.project_name
view.MapView.caption
kwargs  # parse.inflate: the signatures of the zlib functions it stands in for
