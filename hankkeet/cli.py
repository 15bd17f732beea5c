"""The command line: each command parses options, calls the core, renders.

Exit codes: 0 results (or a reader that went away), 1 a valid query with no
results, 2 bad input, usage or environment (a full disk, a closed stdout,
arguments that are not UTF-8), 3 an unexpected internal error (run with --debug
or HANKKEET_DEBUG=1 for the traceback), 130 interrupted. Messages go to stderr;
stdout carries only the requested output.
"""

# No `from __future__ import annotations`: Typer would then evaluate every
# annotation string on each start (about 2 ms of a 50 ms run).

import contextlib
import errno
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Protocol, cast

import typer
from typer.core import TyperGroup

from hankkeet import __version__
from hankkeet.errors import EXIT_INTERNAL, EXIT_NO_RESULTS, EXIT_PARTIAL, HankkeetError, SourceError

if TYPE_CHECKING:
    from hankkeet.model import Snapshot, SnapshotFile
    from hankkeet.output import Output
    from hankkeet.search import Hit, SearchIndex

PROG = "hankkeet"


_LONGEST_MESSAGE = 1000  # characters of a message on stderr


def _report(message: str) -> None:
    """One line on stderr, after any held notices, control characters made visible; never fails
    (stderr may be closed or full)."""
    _release_held()
    _write_report(message)


def _write_report(message: str) -> None:
    if len(message) > _LONGEST_MESSAGE:  # a 100 kB path or name: its start and the reason at the end
        half = _LONGEST_MESSAGE // 2
        message = f"{message[:half]} … {message[-half:]}"
    safe = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in message)
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(f"{PROG}: {safe}\n")
        stream.flush()
    except (OSError, ValueError, UnicodeError):
        pass


# --quiet (or HANKKEET_QUIET=1): no progress and no notices; errors and warnings are still shown.
_quiet = False

# Notices of a run whose stdout is not a terminal wait here until its output is written: a run
# whose output cannot be written (a full disk), or that fails, prints only the reason, one line.
_held: list[str] = []


def _say(message: str) -> None:
    """A notice on stderr: at once on a terminal, else once the output is written."""
    if _is_terminal_stream(sys.stdout):
        _report(message)
    else:
        _held.append(message)


def _release_held() -> None:
    """The held notices, on stderr in their order (the output was written)."""
    held = _held[:]
    _held.clear()
    for message in held:
        _write_report(message)


def _drop_held() -> None:
    """The run failed (its output could not be written, bad input): its notices are moot."""
    _held.clear()


def _fail(message: str) -> None:
    """The reason a run failed: one line on stderr, without the notices still held."""
    _drop_held()
    _write_report(message)


def _notice(message: str) -> None:
    """A notice on stderr (a note, what was written, how much is shown), unless --quiet."""
    if not _quiet:
        _say(message)


def _os_problem(exc: OSError) -> str:
    """One line for an OSError met while writing output or reading a file."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    if exc.filename is not None:
        return f"{exc.filename}: {reason}"
    return f"cannot write the output: {reason}"


def _checked_args(args: Sequence[str]) -> list[str]:
    """The arguments as UTF-8 text whatever the locale; bad input for bytes that are not UTF-8.

    Under a non-UTF-8 locale (LC_ALL=C) Python decodes argv as ASCII with
    surrogate escapes; the bytes the shell passed are recovered and decoded as
    UTF-8, which is what a user's terminal sends.
    """
    checked = []
    for number, arg in enumerate(args, start=1):
        try:
            raw = os.fsencode(arg)
        except UnicodeEncodeError:  # text not from a command line (a test, an embedding program)
            raw = None
        try:
            text = raw.decode("utf-8") if raw is not None else arg
            text.encode("utf-8")  # no lone surrogates
        except UnicodeError:
            shown = raw.decode("utf-8", "backslashreplace") if raw is not None else ascii(arg)
            if len(shown) > 60:
                shown = shown[:57] + "..."
            raise HankkeetError(f"argument {number} is not UTF-8 text: {shown}") from None
        checked.append(text)
    return checked


def _check_completion_home(args: Sequence[str]) -> None:
    """``--install-completion`` writes the shell's start-up file in the home folder: bad input
    unless HOME names a folder that exists and may be written (Python would take an empty HOME for
    ``/``, an unset one for the password database's entry, a relative one as under the working folder)."""
    words = list(args[: list(args).index("--")] if "--" in args else args)
    if "--install-completion" not in words:
        return
    home = os.environ.get("HOME")
    where = "--install-completion writes into the home folder"
    if not home:
        raise HankkeetError(f"{where}, and HOME is {'empty' if home == '' else 'not set'}; set HOME to yours")
    if not os.path.isabs(home):
        raise HankkeetError(f"{where}, and HOME is not an absolute path: {home!r}")
    if not os.path.isdir(home):
        raise HankkeetError(f"{where}, and HOME ({home}) is not a folder")
    if not os.access(home, os.W_OK | os.X_OK):
        raise HankkeetError(f"{where}, and HOME ({home}) may not be written")


def _debug_enabled(ctx: typer.Context | None) -> bool:
    if os.environ.get("HANKKEET_DEBUG", "") not in ("", "0"):
        return True
    state = ctx.find_object(State) if ctx is not None else None
    return bool(state and state.debug)


class _ClickError(Protocol):
    """What this module uses of click's ClickException."""

    def format_message(self) -> str: ...


def _click_exception_class() -> type[Exception]:
    # Typer vendors click in some versions and depends on it in others; its
    # BadParameter always derives from click's ClickException.
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


class _Group(TyperGroup):
    """Turns every failure into a one-line message and an exit code.

    It sits inside the click machinery, so typer.testing.CliRunner sees exactly
    what a shell user sees.
    """

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, windows_expand_args, **extra)
        fileio = sys.modules.get("hankkeet.fileio")
        if fileio is not None:  # a new run (in a test runner): no file is an input of it yet, no --max-wait
            fileio.forget_reads()
            fileio.set_max_wait(None)
        _held.clear()
        try:
            result = self._main(args, prog_name, complete_var, windows_expand_args, **extra)
        except SystemExit as exc:
            if isinstance(exc.code, int) and exc.code >= 128:  # ended by a signal: quietly
                _drop_held()
            raise
        finally:
            _release_held()  # what is still held (success, a reader gone) follows the output
        sys.exit(result if isinstance(result, int) else 0)

    def _main(self, args: Sequence[str] | None, prog_name: str | None, complete_var: str | None,
              windows_expand_args: bool, **extra: Any) -> Any:
        try:
            args = _checked_args(sys.argv[1:] if args is None else args)
            _check_completion_home(args)
            args = self.arranged(args)
            if instruction := os.environ.get(f"_{PROG.upper()}_COMPLETE"):
                _check_completion_instruction(instruction)
                self.complete_without_prefix_filter()
            else:
                _check_global_options(args)
            result = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
            if sys.stdout is not None:
                sys.stdout.flush()  # the output is written before its notices follow it (a full disk: exit 2)
        except HankkeetError as exc:
            _fail(exc.message)
            sys.exit(exc.exit_code)
        except _click_exception_class() as exc:
            message = cast(_ClickError, exc).format_message()
            if type(exc).__name__ == "NoArgsIsHelpError":
                # A bare `hankkeet`: the help text, on stderr as a usage error.
                _report_block(message)
                sys.exit(2)
            # Usage errors: one line instead of click's usage block.
            ctx = getattr(exc, "ctx", None)
            where = f" (see '{ctx.command_path if ctx is not None else PROG} --help')"
            _fail(f"{message}{self.owner_hint(message)}{where}")
            sys.exit(getattr(exc, "exit_code", 2))
        except (typer.Abort, KeyboardInterrupt):
            _drop_held()
            sys.exit(130)  # Ctrl-C: quietly, as the shell expects
        except BrokenPipeError:
            _quiet_broken_pipe()
        except OSError as exc:  # --help or --version to a full disk or a closed stdout
            _fail(_os_problem(exc))
            _drop_pending_output(exc)
            sys.exit(2)
        except SystemExit as exc:
            # Click's own answer to a reader gone while it printed --help or
            # --version: it wraps stdout and exits 1. A gone reader is success here.
            if exc.code == 1 and type(sys.stdout).__name__ == "PacifyFlushWrapper":
                _quiet_broken_pipe()
            raise
        except MemoryError:
            _fail("out of memory")
            sys.exit(2)
        except Exception as exc:
            if _out_of_memory(exc):
                _fail("out of memory")
                sys.exit(2)
            if os.environ.get(f"_{PROG.upper()}_COMPLETE"):
                # A completion request the shell scripts never send (COMP_CWORD=abc, no COMP_WORDS).
                _fail(f"bad shell completion request: {type(exc).__name__}: {exc}")
                sys.exit(2)
            words = list(args or [])
            if _debug_enabled(None) or "--debug" in words[: words.index("--") if "--" in words else None]:
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc} "
                    "(this is a bug; run with --debug or HANKKEET_DEBUG=1 for details)")
            sys.exit(EXIT_INTERNAL)
        return result

    def arranged(self, args: Sequence[str]) -> list[str]:
        """Global options after the command, multi-word names (see hankkeet.argv)."""
        from hankkeet.argv import arrange

        takes_words = {
            name: any(p.param_type_name == "argument" for p in command.params)
            for name, command in self.commands.items()
        }
        return arrange(args, takes_words)

    def complete_without_prefix_filter(self) -> None:
        """Typer keeps only the completions that start with what was typed, to the letter;
        ours match regardless of case and diacritics (``jyv`` offers ``Jyväskylä``), so
        their results are passed on as they are."""
        for command in self.commands.values():
            for param in command.params:
                compat = getattr(param, "_custom_shell_complete", None)
                cells = getattr(compat, "__closure__", None) or ()
                inner = next((c.cell_contents for c in cells if callable(c.cell_contents)), None)
                item = getattr(compat, "__globals__", {}).get("CompletionItem")
                if inner is None or item is None:
                    continue

                def unfiltered(ctx: Any, _param: Any, incomplete: str, inner: Any = inner, item: Any = item) -> Any:
                    return [item(v[0], help=v[1]) if isinstance(v, tuple) else item(v)
                            for v in inner(ctx, [], incomplete)]

                param._custom_shell_complete = unfiltered

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """Click parses the words again as options when the command's name starts with a dash, so
        ``hankkeet -- --version`` printed the version: after ``--`` it is a word, no such command."""
        if args and args[0][:1] == "-" and self.get_command(ctx, args[0]) is None and not ctx.resilient_parsing:
            ctx.fail(f"No such command {args[0]!r}.")
        return super().resolve_command(ctx, args)

    def owner_hint(self, message: str) -> str:
        """For 'No such option: --x', the commands that do have --x."""
        prefix = "No such option: "
        if not message.startswith(prefix):
            return ""
        option = message[len(prefix):].split()[0].rstrip(".")
        owners = [name for name, command in self.commands.items()
                  if any(option in p.opts for p in command.params)]
        return f"; {option} belongs to: {', '.join(owners)}" if owners else ""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except HankkeetError as exc:
            if exc.__cause__ is not None and _debug_enabled(ctx):
                # Bad input that broke an assumption of ours (e.g. an odd PDF layout): show where.
                import traceback

                traceback.print_exception(exc.__cause__, file=sys.stderr)
            _fail(exc.message)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:
            _quiet_broken_pipe()
        except OSError as exc:
            # The environment, not a bug: a full disk, a closed stream, an I/O error.
            if _debug_enabled(ctx):
                raise
            _fail(_os_problem(exc))
            _drop_pending_output(exc)
            ctx.exit(2)
        except UnicodeEncodeError as exc:
            if _debug_enabled(ctx):
                raise
            encoding = getattr(sys.stdout, "encoding", None) or "the output encoding"
            _fail(f"cannot write {exc.object[exc.start:exc.end]!r} in {encoding}; set PYTHONIOENCODING=utf-8")
            ctx.exit(2)
        except MemoryError:
            _fail("out of memory")
            ctx.exit(2)
        except Exception as exc:
            # Typer/click's own exceptions (usage errors, Exit) pass through.
            if type(exc).__module__.split(".")[0] in ("typer", "click"):
                raise
            if _debug_enabled(ctx):
                raise
            if _out_of_memory(exc):
                _fail("out of memory")
                ctx.exit(2)
            _fail(
                f"internal error: {type(exc).__name__}: {exc} "
                "(this is a bug; run with --debug or HANKKEET_DEBUG=1 for details)"
            )
            ctx.exit(EXIT_INTERNAL)


def _out_of_memory(exc: BaseException) -> bool:
    """A failure for want of memory, however it surfaced (a module that could not be mapped)."""
    from hankkeet.errors import out_of_memory

    return out_of_memory(exc)


def _drop_pending_output(exc: OSError) -> None:
    """After a failed write to stdout, let what is still buffered go nowhere (no second error at exit)."""
    if exc.filename is None:
        _quiet_exit_code()


def _report_block(text: str) -> None:
    """Several lines on stderr (a bare command's help); never fails."""
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, UnicodeError):
        pass


def _quiet_broken_pipe() -> NoReturn:
    raise SystemExit(_quiet_exit_code())


app = typer.Typer(
    cls=_Group,
    name=PROG,
    help="Query the 2020 TEM special grants to municipalities for immigrant guidance and counselling services.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class State:
    """Global options, shared with every command through the context."""

    def __init__(self, data: Path | None = None, debug: bool = False, max_input: int | None = None,
                 no_pager: bool = False) -> None:
        self.data = data
        self.debug = debug
        self.no_pager = no_pager
        self.max_input = max_input  # None: each read's own default (hankkeet.fileio)


def _max_input_bytes(value: str | None) -> int | None:
    """``--max-input MB`` as bytes; a usage error unless a positive finite number."""
    if value is None or value == "":
        return None
    import math

    from hankkeet.fileio import MIB

    try:
        mb = float(value)
    except ValueError:
        mb = math.nan
    if not math.isfinite(mb) or mb <= 0 or mb > 1 << 40:
        raise typer.BadParameter(f"{value!r} is not a size in MB (a positive number)",
                                 param_hint="'--max-input' / HANKKEET_MAX_INPUT_MB")
    return max(1, int(mb * MIB))


_GLOBAL_ENV = {"--data": "HANKKEET_DATA", "--max-input": "HANKKEET_MAX_INPUT_MB", "--max-wait": "HANKKEET_MAX_WAIT"}


def _global_values(args: Sequence[str]) -> dict[str, str | None]:
    """The values the global options with a value will have, read as click reads them: the last one
    given before the command (``arranged`` has put them there; nothing after ``--``), else the
    environment variable's (an empty one is unset)."""
    given: dict[str, str] = {}
    i = 0
    while i < len(args) and args[i].startswith("-") and args[i] != "--":
        name, eq, value = args[i].partition("=")
        if name in _GLOBAL_ENV and (eq or i + 1 < len(args)):
            given[name] = value if eq else args[i + 1]
            i += 1 if eq else 2
        else:
            i += 1
    return {name: given.get(name, os.environ.get(env) or None) for name, env in _GLOBAL_ENV.items()}


def _checked_globals(data: str | None, max_input: str | None, max_wait: str | None) -> tuple[int | None, float | None]:
    """The global options' values checked: ``--max-input`` in bytes and ``--max-wait`` in seconds
    (None: the default); a usage error for a value that is not one."""
    if data == "":  # (a Path would make it the working folder)
        raise typer.BadParameter("the snapshot's name is empty", param_hint="'--data' / HANKKEET_DATA")
    limit = _max_input_bytes(max_input)
    seconds = None
    if max_wait not in (None, ""):
        from hankkeet import fileio

        seconds = fileio.parse_seconds(max_wait or "")
        if seconds is None:
            raise typer.BadParameter(f"{max_wait!r} is not a number of seconds (from 0.001 to 1000000)",
                                     param_hint="'--max-wait' / HANKKEET_MAX_WAIT")
    return limit, seconds


# The global flags read from the environment too, and the words click takes for a boolean.
_FLAG_ENV = {"HANKKEET_QUIET": ("--quiet", "-q"), "HANKKEET_RAW_CSV": ("--raw-csv",)}
_BOOLEAN_WORDS = frozenset({"", "0", "1", "f", "false", "n", "no", "off", "on", "t", "true", "y", "yes"})


def _check_flag_variables(args: Sequence[str]) -> None:
    """A usage error for HANKKEET_QUIET or HANKKEET_RAW_CSV set to what is not a boolean (click
    refuses it for a command, and would never read it for --version), unless the flag is given."""
    given = set()
    for arg in args:
        if not arg.startswith("-") or arg == "--":
            break
        given.add(arg)
    for variable, names in _FLAG_ENV.items():
        value = os.environ.get(variable)
        if value and value.strip().lower() not in _BOOLEAN_WORDS and not given & set(names):
            raise typer.BadParameter(f"{value!r} is not a valid boolean (1 or 0, true or false, yes or no)",
                                     param_hint=f"'{names[0]}' / {variable}")


# The snapshot --version names, and its size limit: set before click parses anything.
_version_data: tuple[str | None, int | None] = (None, None)


def _check_global_options(args: Sequence[str]) -> None:
    """The global options' values are checked before anything runs, so that ``--version``,
    ``--help`` and the completion options (eager: they act and exit while click is still
    parsing) meet a bad value as the commands do: exit 2."""
    global _version_data
    values = _global_values(args)
    limit, seconds = _checked_globals(values["--data"], values["--max-input"], values["--max-wait"])
    _check_flag_variables(args)
    _version_data = (values["--data"], limit)
    if seconds is not None:
        from hankkeet import fileio

        fileio.set_max_wait(seconds)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {__version__}")
        typer.echo(f"snapshot: {_snapshot_line()}")
        raise typer.Exit()


def _snapshot_line() -> str:
    """Which snapshot is in use: ``--data`` (or HANKKEET_DATA) as checked before click parsed anything."""
    from hankkeet.model import SnapshotFile
    from hankkeet.render import snapshot_summary

    path, limit = _version_data
    try:
        stream = SnapshotFile(path, max_bytes=limit)
        count = sum(1 for _ in stream.projects())
        assert stream.header is not None
        return snapshot_summary(stream.header, path, count)
    except HankkeetError as exc:
        return f"cannot be loaded ({exc.message})"


@app.callback()
def _root(
    ctx: typer.Context,
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            metavar="PATH",
            help="Read this snapshot (made by 'hankkeet parse') instead of the bundled one.",
            envvar="HANKKEET_DATA",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on internal errors.")] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", envvar="HANKKEET_QUIET",
                     help="No progress bars and no notices on stderr (errors and warnings are still shown)."),
    ] = False,
    raw_csv: Annotated[
        bool,
        typer.Option("--raw-csv", envvar="HANKKEET_RAW_CSV",
                     help="CSV fields exactly as in the data: no ' before a leading = + - @."),
    ] = False,
    max_input: Annotated[
        str | None,
        typer.Option(
            "--max-input",
            metavar="MB",
            envvar="HANKKEET_MAX_INPUT_MB",
            help="Refuse snapshots and documents larger than this, and PDFs inflating past it "
            "(default 256 for a snapshot, 64 for a document).",
        ),
    ] = None,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Never page long tables (default: $PAGER or 'less -FRX' on a terminal).")
    ] = False,
    max_wait: Annotated[
        str | None,
        typer.Option(
            "--max-wait",
            metavar="S",
            envvar="HANKKEET_MAX_WAIT",
            help="Give up on a FIFO, pipe or device that does nothing for this long: no writer, no bytes, "
            "no reader (default 10 s; a terminal is waited for).",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    from hankkeet import render

    global _quiet
    _quiet = quiet
    render.CSV_RAW = raw_csv
    limit, seconds = _checked_globals(data, max_input, max_wait)
    ctx.obj = State(data=Path(data) if data is not None else None, debug=debug, max_input=limit, no_pager=no_pager)
    if seconds is not None:
        from hankkeet import fileio

        fileio.set_max_wait(seconds)


# -- shared plumbing ------------------------------------------------------

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (UTF-8) on stdout.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV (RFC 4180) with a header row on stdout.")]
TableOption = Annotated[bool, typer.Option("--table", help="A table even when stdout is not a terminal.")]
FieldsOption = Annotated[
    str | None,
    typer.Option("--fields", metavar="F,F,...", help="Only these fields, in this order (table, lines, JSON, CSV)."),
]
NoHeaderOption = Annotated[bool, typer.Option("--no-header", help="No header row in CSV and tab-separated lines.")]


def _state(ctx: typer.Context) -> State:
    return ctx.find_object(State) or State()


def _stale_registry_note(snapshot: "Snapshot", data: Path | None) -> None:
    """A note when another snapshot's coverage was resolved with another registry than the current one."""
    if data is None:  # the bundled snapshot is made with the bundled registry (and its version costs a digest)
        return
    from hankkeet.kunnat.registry import REGISTRY_VERSION

    if snapshot.registry_version != REGISTRY_VERSION:
        made = snapshot.registry_version or "an unrecorded version"
        _notice(f"note: the coverage in {data} was resolved with registry {made}, not the current "
                f"{REGISTRY_VERSION}; redo it: hankkeet parse --resolve {data} -o NEW.json")


def _snapshot(ctx: typer.Context) -> "Snapshot":
    import gc

    from hankkeet.model import load

    state = _state(ctx)
    snapshot = load(state.data, max_bytes=state.max_input)
    _stale_registry_note(snapshot, state.data)
    if _one_shot:
        # This process ends soon: keep what exists now (the snapshot above all,
        # acyclic and freed by reference counting) out of the cyclic collector's
        # later passes, which would otherwise rescan it while the index is built.
        gc.freeze()
    return snapshot


# A snapshot file this large is read twice for a machine listing (every project checked, then
# written as it is read again) rather than held whole: the memory of one project, not of the file.
STREAM_FROM_BYTES = 16 << 20


def _snapshot_file(ctx: typer.Context) -> "SnapshotFile":
    """The snapshot as a file to read one project at a time (list, kunta, coverage)."""
    import gc

    from hankkeet.model import SnapshotFile

    state = _state(ctx)
    if _one_shot:
        # What exists now lives until the process ends: out of the cyclic collector's passes.
        # (The collector stays on: JSON's indenting encoder leaves a reference cycle per call.)
        gc.freeze()
    return SnapshotFile(state.data, max_bytes=state.max_input)


def _completion_snapshot(ctx: typer.Context) -> "SnapshotFile | None":
    """The snapshot a completion should read, as a stream; None if it cannot be opened.

    Completion runs without the root callback, so --data is read from the
    root context's parsed parameters. Only a regular file within the input
    limit is read: a FIFO or a device would block or never end, and a
    completion must answer at once and print nothing else.
    """
    import stat

    from hankkeet.model import SnapshotFile

    root = ctx.find_root()
    params = root.params if root is not None else {}
    data = params.get("data")
    try:
        limit = _max_input_bytes(params.get("max_input"))
        if data is not None and not stat.S_ISREG(os.stat(data).st_mode):
            return None
        return SnapshotFile(data, max_bytes=limit)
    except Exception:  # noqa: BLE001 - a completion offers nothing rather than fail
        return None


def complete_project_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from hankkeet.model import complete_ids

    stream = _completion_snapshot(ctx)
    if stream is None:
        return []
    try:  # read one project at a time: a large snapshot is never held for a completion
        return complete_ids(stream.projects(), incomplete)
    except Exception:  # noqa: BLE001 - as above
        return []


# Longest query or name accepted (characters): far beyond any real one, and a
# bound on the work any matching step can be made to do.
MAX_QUERY_LENGTH = 50_000


def _user_text(text: str, what: str) -> str:
    """Typed input in its compatibility form (fullwidth ｋｏｔｏ is koto), within the length limit."""
    import unicodedata

    if len(text) > MAX_QUERY_LENGTH:
        raise HankkeetError(f"{what} is longer than the limit of {MAX_QUERY_LENGTH:,} characters")
    return unicodedata.normalize("NFKC", text)


def _progress_reporter(label: str) -> Callable[[int, int], None] | None:
    """A callback ``(done, total)`` drawing a progress bar on stderr, or None when
    stderr is not a terminal. Rich is loaded only at the first call, so work that
    never reports costs nothing."""
    if _quiet or not _is_terminal_stream(sys.stderr):
        return None
    shown: dict[str, Any] = {}

    def report(done: int, total: int) -> None:
        bar = shown.get("bar")
        if bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            bar = shown["bar"] = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(),
                                          TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            bar.start()
            shown["task"] = bar.add_task(label, total=total)
        bar.update(shown["task"], completed=done)
        if done >= total:
            bar.stop()

    return report


# Work of fewer steps than this (a PDF of a few pages) shows no progress bar: it is
# over before a bar would be seen, and drawing one would cost more than the work.
PROGRESS_MIN_STEPS = 10


def _long_work(report: Callable[[int, int], None] | None) -> Callable[[int, int], None] | None:
    """``report``, called only when the work has at least PROGRESS_MIN_STEPS steps."""
    if report is None:
        return None

    def maybe(done: int, total: int) -> None:
        if total >= PROGRESS_MIN_STEPS:
            report(done, total)

    return maybe


def _is_terminal_stream(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):  # a closed or replaced stream
        return False


def write_stdout(text: str) -> None:
    """Machine output: UTF-8 bytes whatever the locale says."""
    from hankkeet.output import write

    write(text)
    sys.stdout.flush()


def print_table(ctx: typer.Context, renderable: Any) -> None:
    """A detail view or report on stdout, paged like the listings (unless --no-pager)."""
    from hankkeet.output import Mode, Output, print_renderable

    print_renderable(renderable, Output(Mode.TABLE, pager=not _state(ctx).no_pager))


def _output(ctx: typer.Context, *, as_json: bool, as_csv: bool, table: bool, fields: str | None,
            no_header: bool, valid: Sequence[str]) -> "Output":
    """The output of a listing command: its mode, its fields and whether a pager may run."""
    from hankkeet.output import choose, parse_fields

    out = choose(as_json=as_json, as_csv=as_csv, table=table, no_header=no_header,
                 pager=not _state(ctx).no_pager)
    return out._replace(fields=parse_fields(fields, valid))


def _output_file(name: str | None) -> Path | None:
    """``-o NAME`` as a path, None for stdout (no -o, or ``-o -``); a name that names a folder
    (``out/``, ``.``, empty) is refused before any work is done."""
    if name is None or name == "-":
        return None
    from hankkeet.fileio import check_output_name

    check_output_name(name)
    return Path(name)


def _note(message: str | None) -> None:
    if message:
        _notice(message)


def _a_number(value: float) -> float:
    """A float option's value, unless it is NaN (which passes every range check)."""
    if value != value:
        raise typer.BadParameter("nan is not a number")
    return value


_COMPLETION_SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _check_completion_instruction(instruction: str) -> None:
    """UsageError unless ``_HANKKEET_COMPLETE`` asks for what the shell scripts ask for (Typer would
    print its own message and exit 1, "no results")."""
    action, _, shell = instruction.partition("_")
    if action not in ("complete", "source") or shell not in _COMPLETION_SHELLS:
        raise HankkeetError(f"bad shell completion request: _{PROG.upper()}_COMPLETE={instruction!r}; "
                            f"expected complete_SHELL or source_SHELL, SHELL one of {', '.join(_COMPLETION_SHELLS)}")


def _no_results(message: str) -> NoReturn:
    _report(message)
    raise typer.Exit(EXIT_NO_RESULTS)


# -- commands -------------------------------------------------------------


@app.command("list")
def list_projects(
    ctx: typer.Context,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    table: TableOption = False,
    fields: FieldsOption = None,
    no_header: NoHeaderOption = False,
    kunta: Annotated[
        str | None,
        typer.Option("--kunta", metavar="NAME", help="Only projects covering this municipality.",
                     autocompletion=lambda incomplete: _complete_municipality(incomplete)),
    ] = None,
    maakunta: Annotated[
        str | None,
        typer.Option("--maakunta", metavar="NAME", help="Only projects touching this region.",
                     autocompletion=lambda incomplete: _complete_region(incomplete)),
    ] = None,
) -> None:
    """List the funded projects.

    \b
    Examples:
      hankkeet list --kunta Loppi
      hankkeet list --maakunta Pirkanmaa --csv > pirkanmaa.csv
      hankkeet list --json | jq -r '.[].name'
      hankkeet list --fields id,name,area
    """
    from hankkeet import render
    from hankkeet.coverage import area_selection
    from hankkeet.output import Mode, emit

    out = _output(ctx, as_json=as_json, as_csv=as_csv, table=table, fields=fields, no_header=no_header,
                  valid=render.PROJECT_LISTING.names())
    selection = area_selection(kunta=kunta, maakunta=maakunta)
    stream = _snapshot_file(ctx)
    listing, after, total = render.PROJECT_LISTING, None, None
    rows: Any
    if out.mode == Mode.TABLE:  # one pass: the first rows are kept, the rest counted
        rows, count, listing, after = render.project_table_rows(selection.select(stream.projects()))
        header, projects, total = stream.header, stream.count, count
    elif stream.size >= STREAM_FROM_BYTES and stream.rereadable:  # checked whole first, then written
        count = sum(1 for _ in selection.select(stream.projects()))
        header, projects = stream.header, stream.count
        rows = selection.select(stream.projects())
    else:
        header = stream.load()
        projects = len(header.projects)
        rows = list(selection.select(header.projects))
        count = len(rows)
    assert header is not None
    _stale_registry_note(header, _state(ctx).data)
    missing = header.unread_rows
    if missing:
        _notice(f"note: {len(missing)} rows of the document could not be read and are missing: "
                + "; ".join(missing))
    for note in selection.notes:
        _notice(f"note: {note}")
    title = render.municipality_line(selection.municipality) if selection.municipality else None
    if out.mode == Mode.TABLE:
        _notice(f"snapshot: {render.snapshot_summary(header, _state(ctx).data, projects)}")
    if title and selection.municipality is not None and (out.mode != Mode.TABLE or not count):
        _notice(f"note: {title}")
    _note(emit(out, listing, rows, full_json=lambda p: p.to_dict(),
         before=title if out.mode == Mode.TABLE else None, after=after, total=total))
    if not count:
        scope = f" covering {' and '.join(selection.scope)}" if selection.scope else ""
        _no_results(f"no projects{scope}")


@app.command("show")
def show(
    ctx: typer.Context,
    project_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="Project id (riihimaki), number, acronym (RISEKO) or a distinctive word of its name.",
            autocompletion=complete_project_ids
        ),
    ],
    as_json: JsonOption = False,
) -> None:
    """Show every field of one project.

    \b
    Examples:
      hankkeet show riihimaki
      hankkeet show magee
      hankkeet show 10 --json | jq -r .description
    """
    from hankkeet import render
    from hankkeet.find import find_project

    key = _user_text(project_id, "the project")
    stream = _snapshot_file(ctx)  # one pass, keeping the ids and a few candidates: not the whole snapshot
    try:
        project = find_project(stream.projects(), key)
    finally:
        if stream.header is not None:  # a complete pass: the stale-registry note, whether found or not
            _stale_registry_note(stream.header, _state(ctx).data)
    if as_json:
        write_stdout(render.to_json(project.to_dict()))
    else:
        print_table(ctx, render.project_detail(project))


# Memory a parse may use beyond what the process holds when it starts: eight times the input
# limit (a PDF's layout objects are several times the text they hold), at least 512 MiB.
MEMORY_PER_INPUT = 8
MIN_PARSE_MEMORY = 512 << 20


def _parse_document(source: Path, password: str, max_bytes: int, max_seconds: float,
                    progress: Callable[[int, int], None] | None = None) -> "Snapshot":
    """parse_file within the CPU-time and memory limits (see hankkeet.worklimit)."""
    from hankkeet.fileio import describe_limit
    from hankkeet.parse import parse_file
    from hankkeet.worklimit import WorkTooLarge, is_out_of_memory, work_limit

    memory = max(MEMORY_PER_INPUT * max_bytes, MIN_PARSE_MEMORY)
    advice = "; raise it with --max-input MB or HANKKEET_MAX_INPUT_MB (8 MB of memory for each)"
    try:
        with work_limit(max_seconds, memory, advice=advice):
            return parse_file(source, password=password, max_bytes=max_bytes, progress=progress)
    except (SourceError, MemoryError) as exc:
        if isinstance(exc, SourceError) and not is_out_of_memory(exc):
            if exc.message.startswith(f"{source}: "):
                raise
            raise SourceError(f"{source}: {exc.message}") from exc.__cause__
        # The process ran out (a limit set from outside, ulimit -v, below the work limit; or the machine's).
        raise WorkTooLarge(f"{source}: out of memory while reading it (the work limit, "
                           f"{describe_limit(memory)}, was not reached)") from None


@app.command("parse")
def parse(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(metavar="FILE",
                                            help="The summary document: a PDF or its text extraction.")],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="OUT",
                     help="Write the snapshot here instead of stdout (atomically; - is stdout)."),
    ] = None,
    password: Annotated[str, typer.Option("--password", metavar="PASSWORD", help="Password of an encrypted PDF.")] = "",
    resolve: Annotated[
        bool,
        typer.Option("--resolve", help="FILE is a snapshot: resolve its areas again with the current registry."),
    ] = False,
    keep_going: Annotated[
        bool,
        typer.Option("--keep-going", "-k",
                     help="Write the rows that were read even when some could not be (exit 4 then)."),
    ] = False,
    max_seconds: Annotated[
        float,
        typer.Option("--max-seconds", metavar="S", envvar="HANKKEET_MAX_SECONDS", min=0.001, max=1e6,
                     callback=_a_number,
                     help="Refuse a document that takes more CPU time than this to read (default 20)."),
    ] = 20.0,
) -> None:
    """Parse a summary document into a snapshot (JSON).

    Exit 0 when every row was read; a row that cannot be read is named on
    stderr and nothing is written (exit 2), unless --keep-going: then the rows
    read are written, the missing ones are listed in the snapshot's warnings
    and on stderr, and the exit code is 4 (some rows unread). Exit 2 is bad
    input (nothing written), 3 an internal error.

    \b
    Examples:
      hankkeet parse summary.pdf -o snapshot.json
      hankkeet parse --resolve old.json -o snapshot.json
      hankkeet --data snapshot.json list
    """
    from hankkeet.fileio import DEFAULT_MAX_INPUT
    from hankkeet.model import checked_dict, save
    from hankkeet.parse import unread_rows
    from hankkeet.render import to_json

    if not document:  # (a Path would make '' the working folder)
        raise SourceError("the document's name is empty; give a file (or - for standard input)")
    source = Path(document)
    target = _output_file(output)
    limit = _state(ctx).max_input
    if resolve:  # work linear in a snapshot that its own size limit bounds
        from hankkeet.model import load
        from hankkeet.parse import resolve_again

        snapshot = resolve_again(load(source, max_bytes=limit))
    else:
        snapshot = _parse_document(source, password, DEFAULT_MAX_INPUT if limit is None else limit, max_seconds,
                                   progress=_long_work(_progress_reporter("parsing pages")))
    missing = unread_rows(snapshot)
    if resolve:
        missing = []
    if missing and not keep_going:
        for line in missing:
            _report(f"not read: {line}")
        raise SourceError(
            f"{source}: {len(missing)} of {len(snapshot.projects) + len(missing)} rows could not be read; "
            "nothing written (--keep-going writes the rows that were read)"
        )
    if target is not None:
        save(snapshot, target, inputs=[source])
    else:
        write_stdout(to_json(checked_dict(snapshot, "stdout")))
    for warning in snapshot.warnings:
        _report(f"warning: {warning}")
    where = f" to {target}" if target is not None else ""
    if missing:
        _report(f"parsed {len(snapshot.projects)} projects from {source.name}{where}; {len(missing)} rows not read")
        raise typer.Exit(EXIT_PARTIAL)
    _notice(f"parsed {len(snapshot.projects)} projects from {source.name}{where}")


# -- municipalities and coverage ------------------------------------------


def _complete_municipality(incomplete: str) -> list[str]:
    """Shell completion of municipality names (Finnish and Swedish), any case, with or without diacritics."""
    from hankkeet.kunnat.lookup import complete_municipality

    return _shell_words(complete_municipality(_typed_prefix(incomplete)))


def _complete_region(incomplete: str) -> list[str]:
    """Shell completion of region (maakunta) names."""
    from hankkeet.kunnat.lookup import complete_region

    return _shell_words(complete_region(_typed_prefix(incomplete)))


def _typed_prefix(incomplete: str) -> str:
    """What the user typed so far, without the shell's quoting (``Koski\\ T``, ``'Koski T``)."""
    return incomplete.replace("\\", "").strip("'\"")


def _shell_words(names: list[str]) -> list[str]:
    """Names as the shell must insert them: bash inserts a completion as it is, so a
    space is escaped (``Koski\\ Tl``); the other shells quote for themselves."""
    if os.environ.get("_HANKKEET_COMPLETE", "").endswith("bash"):
        return [name.replace(" ", "\\ ") for name in names]
    return names


@app.command("kunta")
def kunta(
    ctx: typer.Context,
    name: Annotated[
        list[str],
        typer.Argument(metavar="NAME...", help="Municipality: name (Finnish or Swedish; several words need no "
                       "quotes), code, or a common spelling.", autocompletion=_complete_municipality),
    ],
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    table: TableOption = False,
    fields: FieldsOption = None,
    no_header: NoHeaderOption = False,
) -> None:
    """Show a municipality and the projects that cover it.

    \b
    Examples:
      hankkeet kunta Loppi
      hankkeet kunta Helsingfors --json
      hankkeet kunta Lopella
    """
    from hankkeet import coverage, render
    from hankkeet.kunnat.lookup import lookup
    from hankkeet.output import Mode, emit

    out = _output(ctx, as_json=as_json, as_csv=as_csv, table=table, fields=fields, no_header=no_header,
                  valid=render.COVERING_LISTING.names())
    typed = " ".join(name)
    match = lookup(_user_text(typed, "the municipality name"))
    stream = _snapshot_file(ctx)
    rows = coverage.projects_covering(stream.projects(), match.municipality.code)
    assert stream.header is not None  # set by the complete pass above
    _stale_registry_note(stream.header, _state(ctx).data)
    if out.mode == Mode.JSON:
        write_stdout(render.kunta_json(typed, match, rows, fields=out.fields))
    else:
        header = render.municipality_header(match) if out.mode == Mode.TABLE else None
        if header is None:
            for note in render.match_notes(match):
                _notice(f"note: {note}")
        _note(emit(out, render.COVERING_LISTING, rows, full_json=lambda r: r.to_dict(), before=header))
    if not rows:
        _no_results(f"no project covers {match.municipality.name}")


@app.command("coverage")
def coverage_command(
    ctx: typer.Context,
    only_uncovered: Annotated[
        bool, typer.Option("--uncovered", help="List the municipalities no project covers, by region.")
    ] = False,
    by: Annotated[
        str | None, typer.Option("--by", metavar="region|municipality",
                                 help="Rows per region (the default table) or per municipality (the default for "
                                 "--json and --csv).")
    ] = None,
    sort: Annotated[
        str, typer.Option("--sort", metavar="KEY", help="Order regions by share (most covered first), name, "
                          "gap (most people uncovered first) or code (the default).")
    ] = "code",
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    table: TableOption = False,
    no_header: NoHeaderOption = False,
) -> None:
    """Coverage per region and by population, or the uncovered municipalities.

    \b
    Examples:
      hankkeet coverage
      hankkeet coverage --sort gap
      hankkeet coverage --uncovered
      hankkeet coverage --by region --csv
      hankkeet coverage --json | jq -r '.[] | select(.projects == []) | .name'
    """
    from hankkeet import coverage, render
    from hankkeet.output import Counted, Mode, choose, emit

    out = choose(as_json=as_json, as_csv=as_csv, table=table, no_header=no_header,
                 pager=not _state(ctx).no_pager)
    view = coverage.CoverageView.parse(by, default_machine=out.mode in (Mode.JSON, Mode.CSV),
                                       uncovered=only_uncovered)
    order = coverage.RegionOrder.parse(sort)
    stream = _snapshot_file(ctx)
    tally = coverage.CoverageTally.of(stream.projects())
    assert stream.header is not None  # set by the complete pass above
    _stale_registry_note(stream.header, _state(ctx).data)
    if view == coverage.CoverageView.MUNICIPALITY:
        if out.mode == Mode.TABLE and only_uncovered:
            groups = coverage.uncovered(tally)
            if groups:
                print_table(ctx, render.uncovered_table(groups))
            empty = not groups
        else:
            listing = Counted(coverage.coverage_rows(tally, only_uncovered=only_uncovered))
            _note(emit(out, render.MUNICIPALITY_LISTING, listing, full_json=lambda m: m))
            empty = not listing.count
        if empty:
            _no_results("every municipality is covered")
        return
    rows = coverage.sort_regions(coverage.region_summary(tally), order)
    total = coverage.total_coverage(tally)
    if out.mode == Mode.TABLE:
        print_table(ctx, render.coverage_report(coverage.headline(tally), rows, total))
    else:
        emit(out, render.REGION_LISTING, [*rows, total], full_json=lambda r: r.to_dict())


# -- export ----------------------------------------------------------------


@app.command("export")
def export_command(
    ctx: typer.Context,
    sqlite_name: Annotated[
        str | None,
        typer.Option("--sqlite", metavar="FILE",
                     help="Write an SQLite database here (an existing file is replaced atomically)."),
    ] = None,
    no_fts: Annotated[
        bool, typer.Option("--no-fts", help="Leave out the full-text table (for an SQLite without FTS5).")
    ] = False,
) -> None:
    """Export the projects, municipalities and coverage as an SQLite database.

    Plain tables with primary and foreign keys, a coverage view and an FTS5
    full-text table, for Datasette, sqlite3 or any SQL tool; the README
    describes the schema. The file is built next to FILE and renamed over it
    when complete: a reader sees the old database or the new one, never a part.

    \b
    Examples:
      hankkeet export --sqlite hankkeet.db
      hankkeet --data snapshot.json export --sqlite snapshot.db
      datasette hankkeet.db
    """
    from hankkeet import export
    from hankkeet.kunnat.registry import registry

    if sqlite_name is None:
        raise HankkeetError("say where to write: hankkeet export --sqlite FILE")
    # A name that names a folder (out/, .) is refused here; '-' by the export's own check.
    sqlite = Path(sqlite_name) if sqlite_name == "-" else _output_file(sqlite_name) or Path(sqlite_name)
    fts = not no_fts
    export.check_request(sqlite, fts=fts)  # before the snapshot is loaded
    state = _state(ctx)
    data = state.data
    progress = _progress_reporter("exporting")
    # Read one project at a time: the database is written in batches, and the snapshot is never held whole.
    stream = export.stream_file(data, max_bytes=state.max_input, count=progress is not None)
    about = {"snapshot": str(data) if data is not None else "bundled", "snapshot_sha256": export.snapshot_digest(data)}
    summary = export.export_sqlite(stream, registry(), sqlite, inputs=[data or export.bundled_path()], fts=fts,
                                   about=about, progress=progress)
    text = "full-text table projects_fts" if summary.fts else "no full-text table"
    _notice(f"wrote {sqlite}: {summary.projects:,} projects, {summary.municipalities} municipalities "
            f"({summary.covered} covered), {text}")
    _stale_registry_note(stream.header(), data)


# -- map -------------------------------------------------------------------

@app.command("map")
def map_command(
    ctx: typer.Context,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE",
                     help="Write the map here: .svg (a picture) or .html (a self-contained report); - is stdout."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", metavar="FORMAT", help="svg, html or text (blocks for the terminal); "
                     "default: from the -o suffix, text on a terminal, svg in a pipe."),
    ] = None,
    project: Annotated[
        str | None,
        typer.Option("--project", metavar="ID", help="Draw only this project's area.",
                     autocompletion=complete_project_ids),
    ] = None,
    maakunta: Annotated[
        str | None,
        typer.Option("--maakunta", metavar="NAME", help="Zoom to this region.",
                     autocompletion=lambda incomplete: _complete_region(incomplete)),
    ] = None,
    kunta: Annotated[
        str | None,
        typer.Option("--kunta", metavar="NAME", help="Outline this municipality.",
                     autocompletion=lambda incomplete: _complete_municipality(incomplete)),
    ] = None,
) -> None:
    """Draw the coverage map of the municipalities (SVG, HTML report or terminal).

    Each municipality is coloured by the strongest basis any project covers it on.
    -o FILE.svg or -o FILE.html writes a file; without -o a terminal gets a block map.

    \b
    Examples:
      hankkeet map --format svg > coverage.svg
      hankkeet map --format html > report.html
      hankkeet map --project riihimaki --kunta Loppi --format svg > riihimaki.svg
      hankkeet map --maakunta Pirkanmaa --format text
    """
    from hankkeet.maps import drawing

    target = _output_file(output)
    snapshot = drawing.map_snapshot(_snapshot_file(ctx))
    _stale_registry_note(snapshot, _state(ctx).data)
    chosen = drawing.choose_format(fmt, target, stdout_is_terminal=sys.stdout.isatty())
    view = drawing.view_for(snapshot, project=project, maakunta=maakunta, kunta=kunta)
    if chosen == drawing.MapFormat.TEXT:
        from hankkeet.maps.terminal import render_blocks
        from hankkeet.render import make_console

        console = make_console()
        console.print(render_blocks(view, colour=console.color_system is not None))
        return
    text = drawing.draw(snapshot, view, chosen)
    if target is None:
        write_stdout(text)
        return
    if target.is_dir():
        raise HankkeetError(f"{target}: is a directory; give a file name for the map")
    drawing.write_file(target, text)
    _notice(f"wrote {target}: {drawing.summary(view)}")


# -- search ---------------------------------------------------------------


@app.command("search")
def search_command(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(metavar="QUERY...", help="Words to find; all must match.")],
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    table: TableOption = False,
    fields: FieldsOption = None,
    no_header: NoHeaderOption = False,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=0, metavar="N",
                                 help="At most N results (0 = all; default: 10 in a table, all otherwise).")
    ] = None,
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            "-f",
            metavar="FIELD",
            help="Search only this field (repeatable): name, organisation, co_implementers, area, "
            "regions, municipalities, description.",
        ),
    ] = None,
) -> None:
    """Find projects by words, in any inflected form (Finnish-aware).

    \b
    Examples:
      hankkeet search kotoutuminen
      hankkeet search entry point --limit 3
      hankkeet search etaohjaus --field description --json
    """
    from hankkeet import render
    from hankkeet.output import Mode, emit, shown_results
    from hankkeet.search import parse_fields

    out = _output(ctx, as_json=as_json, as_csv=as_csv, table=table, fields=fields, no_header=no_header,
                  valid=render.SEARCH_LISTING.names())
    text = _user_text(" ".join(query), "the query")
    state = _state(ctx)
    search_fields = parse_fields(field)
    from hankkeet.index_store import answer

    def run_query(index: "SearchIndex") -> "tuple[list[Hit], str]":
        found = index.search(text, search_fields, 0)
        return found, "" if found else index.explain_no_results(text, search_fields)

    # The index is stored (built once) for the bundled snapshot and large ones; a damaged store is
    # a cache miss, answered from an index in memory.
    from hankkeet.fileio import signals_raise

    with signals_raise():  # SIGTERM, SIGHUP while an index is built: its temporary file is removed
        (hits, why), notes = answer(state.data, run_query, progress=_progress_reporter("indexing"),
                                     max_bytes=state.max_input)
    if state.debug:
        for stored_note in notes:
            _report(stored_note)
    default = 10 if out.mode in (Mode.TABLE, Mode.LINES) else 0
    shown, note = shown_results(hits, default if limit is None else limit, score=lambda h: h.score,
                                keep_ties=limit is None)
    translated = render.translation_note(shown)
    if translated and out.mode != Mode.TABLE:
        _notice(f"note: {translated}")
    _note(emit(out, render.SEARCH_LISTING, shown, full_json=lambda h: h.to_dict(),
               before=translated if out.mode == Mode.TABLE else None))
    if note:
        _notice(note)
    if not hits:
        _no_results(why)


# Set by main(): this process runs one command and exits (not a test runner
# or a program embedding the app), so process-wide shortcuts are safe.
_one_shot = False


def main() -> None:
    """Console-script entry point (through hankkeet.entry)."""
    global _one_shot
    _one_shot = True
    code: object = 0
    try:
        import signal

        # hankkeet.entry ended the process quietly on Ctrl-C while it imported us;
        # from here on Ctrl-C raises KeyboardInterrupt, so a file being written is cleaned up.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        _guard_standard_streams()
        app()
    except SystemExit as exc:
        code = exc.code
    except BrokenPipeError:
        code = _quiet_exit_code()
    except KeyboardInterrupt:
        code = 130
    _exit(code)


class _ClosedStream(io.TextIOBase):
    """Stands in for a standard stream whose descriptor was closed (``>&-``)."""

    def __init__(self, name: str, *, swallow: bool = False) -> None:
        self._name = name
        self._swallow = swallow

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self._swallow:  # messages to a closed stderr are dropped; the exit code still tells
            return len(text)
        raise OSError(errno.EBADF, f"{self._name} is closed")

    def flush(self) -> None:
        pass  # nothing is ever buffered


def _guard_standard_streams() -> None:
    """Make closed standard streams and non-UTF-8 terminals ordinary cases.

    A closed descriptor is taken by /dev/null, so no file opened later becomes
    "stdout"; writing to a closed stdout is then an error (exit 2) and a closed
    stderr swallows messages, exit codes unchanged. A non-blocking stdout or
    stderr is made blocking. A table on a terminal whose
    encoding lacks a character shows '?' for it instead of failing.
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                devnull = os.open(os.devnull, os.O_RDWR)
                if devnull != fd:
                    os.dup2(devnull, fd)
                    os.close(devnull)
            except OSError:
                pass
            if fd == 1:
                sys.stdout = _ClosedStream("stdout")
            elif fd == 2:
                sys.stderr = _ClosedStream("stderr", swallow=True)
            continue
        if fd in (1, 2):
            # A stream left non-blocking by the program that started us (a pipe to a
            # slow reader) would fail its writes with EAGAIN and lose output: wait instead.
            try:
                if not os.get_blocking(fd):
                    os.set_blocking(fd, True)
            except OSError:
                pass
    stdout = sys.stdout
    if isinstance(stdout, io.TextIOWrapper) and isinstance(getattr(stdout, "buffer", None),
                                                           (io.BufferedWriter, io.FileIO)):
        # Python's buffered writer takes a short write (a disk that fills up, a file-size
        # limit) as success and drops the rest: the output would end cut off with exit 0.
        # Under this raw stream every write is whole or an OSError (exit 2).
        try:
            stdout.flush()
            sys.stdout = stdout = io.TextIOWrapper(
                io.BufferedWriter(_WholeWrites(stdout.fileno())), encoding=stdout.encoding, errors=stdout.errors,
                line_buffering=stdout.line_buffering, write_through=stdout.write_through)
        except (OSError, ValueError):
            pass
    if isinstance(stdout, io.TextIOWrapper) and stdout.encoding.replace("-", "").lower() != "utf8":
        stdout.reconfigure(errors="replace")
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and not _encodes_text(stream):
            # PYTHONIOENCODING names a codec that cannot write lines of text (undefined, idna):
            # every table and every message would fail, the messages in silence.
            with contextlib.suppress(OSError, ValueError):
                stream.reconfigure(encoding="utf-8")


def _encodes_text(stream: io.TextIOWrapper) -> bool:
    sample = "hankkeet: Mäntsälä – a line of a table, longer than a domain label may be: ␛ 1\n"
    try:
        sample.encode(stream.encoding, stream.errors or "strict")
    except (UnicodeError, LookupError):
        return False
    return True


class _WholeWrites(io.RawIOBase):
    """A file descriptor whose ``write`` writes every byte or raises OSError (never a short write)."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd

    def fileno(self) -> int:
        return self._fd

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data: Any) -> int:
        self._not_an_input()
        view = memoryview(data).cast("B")
        total = len(view)
        while view:
            view = view[os.write(self._fd, view):]
        return total

    def _not_an_input(self) -> None:
        """OSError if stdout is a file this run read (``--data s.json list --json >> s.json``): the
        output would be written into its own input, as ``cat f >> f`` would, and cat refuses too."""
        fileio = sys.modules.get("hankkeet.fileio")
        if fileio is None or not fileio._READ:
            return
        info = os.fstat(self._fd)
        import stat

        if stat.S_ISREG(info.st_mode) and (info.st_dev, info.st_ino) in fileio._READ:
            raise OSError(errno.EINVAL, "stdout is a file this run reads (the snapshot or the document); "
                                        "send the output to another file")

    def close(self) -> None:  # the descriptor stays open, as sys.stdout's does
        super().close()


def _quiet_exit_code() -> int:
    """The reader went away (``| head``): stop quietly, as csvkit and httpie do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 0


def _exit(code: object) -> NoReturn:
    """Flush what we wrote, then leave without tearing the interpreter down.

    Freeing every module and object at exit costs about 10 ms, a fifth of a
    typical run, and nothing here needs it: output is flushed below, files are
    closed where they are written, and no atexit handlers are registered.
    Output that cannot be flushed (a full disk) turns success into exit 2.
    """
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # SystemExit("message"): print it, as the interpreter would
        _report(str(code))
        status = 1
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        status = _quiet_exit_code()
    except OSError as exc:
        _fail(_os_problem(exc))
        status = 2 if status in (0, 1) else status
    except ValueError:
        pass
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(status)


if __name__ == "__main__":  # pragma: no cover
    main()
