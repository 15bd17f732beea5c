"""The console-script entry point: quiet on Ctrl-C from the first moment.

Importing the command line (Typer, Click) is most of a run's start-up. Until
it is done, SIGINT ends the process at once with status 130 and no traceback;
then ``hankkeet.cli.main`` installs Python's usual handler and turns
KeyboardInterrupt into the same quiet 130.

Python's own bytecode cache is written whole or not at all: the interpreter
writes a ``.pyc`` with one ``write`` call and keeps it even when the call wrote
only part of it (a disk that fills up, a file-size limit such as ``ulimit
-f``), and every later run would then fail importing that module. The writer
below loops until every byte is written, and leaves no file when it cannot.
"""

# Only built-in modules here (``_signal``, not ``signal``, which imports enum
# and functools): the handler must be in place a moment after the start.
import _signal  # type: ignore[import-not-found]  # no stub; the C module behind signal
import os


def _interrupted(_signum: int, _frame: object) -> None:
    os._exit(130)


try:
    _signal.signal(_signal.SIGINT, _interrupted)
except KeyboardInterrupt:  # a Ctrl-C from before the handler: signal() runs it first, as Python's default
    os._exit(130)


def _write_whole(path: str, data: bytes, mode: int = 0o666) -> None:
    tmp = f"{path}.{id(path)}"
    fd = os.open(tmp, os.O_EXCL | os.O_CREAT | os.O_WRONLY, mode & 0o666)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError:
        try:  # noqa: SIM105 - contextlib is not loaded yet, and need not be
            os.unlink(tmp)
        except OSError:
            pass
        raise


try:
    import _frozen_importlib_external  # the import system, already loaded

    if callable(getattr(_frozen_importlib_external, "_write_atomic", None)):
        setattr(_frozen_importlib_external, "_write_atomic", _write_whole)  # noqa: B010 - a private name
except ImportError:  # pragma: no cover - another interpreter
    pass


def main() -> None:
    try:
        from hankkeet.cli import main as run
    except (MemoryError, SystemError, ImportError) as exc:
        # A memory limit (ulimit -v) too low to import the command line: as a MemoryError, a library
        # that cannot be mapped or CPython's own "error return without exception set". One line.
        try:
            from hankkeet.errors import out_of_memory

            short = out_of_memory(exc)
        except BaseException:  # noqa: BLE001 - not even that module loads: the memory is gone
            short = True
        if not short:
            raise
        try:  # noqa: SIM105 - as above
            os.write(2, b"hankkeet: out of memory\n")
        except OSError:
            pass
        os._exit(2)
    run()
