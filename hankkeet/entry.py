"""The console-script entry point: quiet on Ctrl-C from the first moment.

Importing the command line (Typer, Click) is most of a run's start-up. Until
it is done, SIGINT ends the process at once with status 130 and no traceback;
then ``hankkeet.cli.main`` installs Python's usual handler and turns
KeyboardInterrupt into the same quiet 130.
"""

# Only built-in modules here (``_signal``, not ``signal``, which imports enum
# and functools): the handler must be in place a moment after the start.
import _signal  # type: ignore[import-not-found]  # no stub; the C module behind signal
import os


def _interrupted(_signum: int, _frame: object) -> None:
    os._exit(130)


_signal.signal(_signal.SIGINT, _interrupted)


def main() -> None:
    from hankkeet.cli import main as run

    run()
