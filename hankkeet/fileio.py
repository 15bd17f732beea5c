"""Reading and writing files safely: bounded reads, and one writer for every output file.

Reads: :func:`read_limited` refuses a file larger than a limit before reading
it (a regular file, by its size) or as soon as it has read one byte more (a
pipe, a device). The documented defaults are :data:`DEFAULT_MAX_SNAPSHOT` for
a snapshot and :data:`DEFAULT_MAX_INPUT` for a document; the CLI sets both
with ``--max-input MB`` / ``HANKKEET_MAX_INPUT_MB``.

Writes: :func:`write_file` puts ``data`` at ``path`` as follows.

* A symlink is followed to its target (a dangling one creates its target): the
  link stays a link.
* A regular file (or a new one) is replaced atomically: a temporary file in the
  target's folder, written, fsynced, renamed over the target, and the folder
  fsynced. The old file's permission bits are kept (and, when allowed, its
  owner); a new file gets ``0666`` less the umask. Readers see the old file or
  the new one, never a part.
* A regular file with other hard links is rewritten in place so that every name
  sees the new data (a rename would leave the other names on the old file).
  Space is reserved first, so a full disk fails before anything changes. So is
  a writable file in a folder that refuses the temporary file.
* A character device or a FIFO is written straight into, never replaced by a
  file. Block devices, sockets and folders are refused, and so is a name that
  names a folder (empty, or ending in ``/``, ``.`` or ``..``).
* A path that is one of ``inputs``, or any regular file this process has read
  (a snapshot, a document: :func:`note_read` remembers each), is refused: the
  same file by device and inode, so also through a symlink or a hard link.
* SIGINT, SIGTERM, SIGHUP, SIGQUIT and every other signal whose default action
  ends the process (SIGUSR1, SIGUSR2, SIGALRM, the real-time signals, ...) are
  held off while a regular file is written: a signal then takes effect once the
  file is whole and the temporary is gone. (SIGKILL cannot be held off, nor
  should the signals that report a crash be; a ``.NAME.*.tmp`` may then remain.)
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from hankkeet.errors import HankkeetError, InputTooLarge, OutputError

MIB = 1 << 20
DEFAULT_MAX_SNAPSHOT = 256 * MIB  # room for 100,000 projects
DEFAULT_MAX_INPUT = 64 * MIB  # a document, and what a PDF's streams may inflate to
_CHUNK = 1 << 20
# Every signal a process can catch whose default action ends it: SIGINT, SIGTERM, SIGHUP and SIGQUIT,
# and as much SIGUSR1, SIGUSR2, SIGALRM (``timeout -s ALRM``) or a real-time signal. Left out: SIGKILL
# (it cannot be caught) and the signals that report a crash (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT,
# SIGTRAP, SIGSYS), which a handler could only turn into a loop.
_ENDING = ("SIGHUP", "SIGINT", "SIGQUIT", "SIGTERM", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGVTALRM", "SIGPROF",
           "SIGXCPU", "SIGXFSZ", "SIGIO", "SIGPOLL", "SIGPWR", "SIGSTKFLT", "SIGLOST", "SIGEMT", "SIGINFO")
_HELD_SIGNALS: set[int] = {int(getattr(signal, name)) for name in _ENDING if hasattr(signal, name)}
if hasattr(signal, "SIGRTMIN") and hasattr(signal, "SIGRTMAX"):
    _HELD_SIGNALS.update(range(int(signal.SIGRTMIN), int(signal.SIGRTMAX) + 1))
_HELD_SIGNALS &= set(signal.valid_signals())


# How long a read or a write waits for the other end of a FIFO, a pipe or a device (a writer to
# open it, the next bytes, a reader to open it or to make room) before it gives up; a terminal is
# waited for as long as it takes (a person is there). Set by --max-wait / HANKKEET_MAX_WAIT.
DEFAULT_MAX_WAIT = 10.0  # seconds
_max_wait: float | None = None


class WaitedTooLong(HankkeetError):
    """The other end of a FIFO, a pipe or a device did nothing within the wait limit."""


def set_max_wait(seconds: float | None) -> None:
    global _max_wait
    _max_wait = seconds


def parse_seconds(value: str, *, low: float = 0.001, high: float = 1e6) -> float | None:
    """A number of seconds from ``low`` to ``high``, or None when ``value`` is not one (NaN, inf, text)."""
    import math

    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if math.isfinite(seconds) and low <= seconds <= high else None


def max_wait() -> float:
    """The wait limit in seconds: --max-wait, else HANKKEET_MAX_WAIT (where the option is not parsed
    yet: --version), else DEFAULT_MAX_WAIT."""
    if _max_wait is not None:
        return _max_wait
    return parse_seconds(os.environ.get("HANKKEET_MAX_WAIT", "")) or DEFAULT_MAX_WAIT


def _waited_too_long(label: str, what: str) -> WaitedTooLong:
    return WaitedTooLong(f"{label}: {what} within the wait limit of {max_wait():g} s; "
                         "raise it with --max-wait S or HANKKEET_MAX_WAIT")


def open_input(path: str | os.PathLike[str]) -> int:
    """A descriptor for reading ``path``; a FIFO is opened at once, without waiting for a writer
    (:func:`read_some` waits for its bytes, within the wait limit). OSError is the caller's to word."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0))
    with contextlib.suppress(OSError):  # our own open file: reads wait with poll, then block no longer
        os.set_blocking(fd, True)
    return fd


def waits(fd: int, info: os.stat_result) -> bool:
    """Whether reads of ``fd`` must be waited for within the limit: a FIFO, a pipe, a socket or a
    device, but not a regular file, a folder or a terminal."""
    if stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode):
        return False
    try:
        return not os.isatty(fd)
    except OSError:
        return True


def read_some(fd: int, size: int, label: str, wait: bool) -> bytes:
    """Up to ``size`` bytes of ``fd`` (b"" at the end); with ``wait``, at most the wait limit for
    them to come, else WaitedTooLong."""
    if wait:
        _poll(fd, "POLLIN", label, "nothing to read came (does anything write to it?)")
    return os.read(fd, size)


def _poll(fd: int, event: str, label: str, what: str) -> None:
    """Wait until ``fd`` is ready for ``event`` (POLLIN, POLLOUT), at most the wait limit."""
    import math
    import select
    import time

    poller = select.poll()
    poller.register(fd, getattr(select, event) | select.POLLERR | select.POLLHUP)
    deadline = time.monotonic() + max_wait()
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise _waited_too_long(label, what)
        if poller.poll(math.ceil(left * 1000)):
            return


# (device, inode) of every regular file this process has read: no output may replace one.
_READ: set[tuple[int, int]] = set()


def note_read(info: os.stat_result) -> None:
    """Remember a file that was read (by its fstat), so that no output of this run overwrites it."""
    if stat.S_ISREG(info.st_mode):
        _READ.add((info.st_dev, info.st_ino))


def forget_reads() -> None:
    """A new run starts: the files earlier runs in this process read are no longer its inputs."""
    _READ.clear()


def describe_limit(limit: int) -> str:
    mib = limit / MIB
    return f"{mib:g} MiB" if mib >= 1 else f"{limit} bytes"


def too_large(label: str, limit: int, what: str = "larger than") -> InputTooLarge:
    return InputTooLarge(
        f"{label}: {what} the input limit of {describe_limit(limit)}; "
        "raise it with --max-input MB or HANKKEET_MAX_INPUT_MB"
    )


def read_limited(path: str | os.PathLike[str], limit: int, label: str) -> bytes:
    """The bytes of ``path`` (``-``: standard input), at most ``limit`` of them, else InputTooLarge.

    OSError (missing file, permissions, ...) is the caller's to word.
    """
    fd = os.dup(0) if os.fspath(path) == "-" else open_input(path)
    try:
        info = os.fstat(fd)
        note_read(info)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise too_large(label, limit)
        wait = waits(fd, info)
        buffer = bytearray()
        while True:
            chunk = read_some(fd, min(_CHUNK, limit + 1 - len(buffer)), label, wait)
            if not chunk:
                return bytes(buffer)
            buffer += chunk
            if len(buffer) > limit:
                raise too_large(label, limit)
    finally:
        os.close(fd)


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def check_output_name(name: str) -> None:
    """OutputError unless ``name`` can name a file: not empty, not ending in ``/``, ``.`` or ``..``
    (which name a folder: ``-o out/`` must not become a file ``out``)."""
    if not name:
        raise OutputError("the output file name is empty")
    if name.endswith(os.sep) or os.path.basename(name) in (".", ".."):
        raise OutputError(f"{name}: names a folder; give a file name")
    if not os.path.isabs(name) and _working_folder_deleted():
        raise OutputError(f"{name}: the working folder has been deleted; give the output's full path")


def _working_folder_deleted() -> bool:
    try:
        return os.stat(os.curdir).st_nlink == 0  # (a folder removed while a process is in it has no links)
    except OSError:
        return True


def write_file(path: str | os.PathLike[str], data: bytes, *, inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Write ``data`` to ``path`` as the module docstring describes; OutputError on failure."""
    label = str(path)
    if isinstance(path, str):
        check_output_name(path)
    try:
        target, info = _inspect_target(path, inputs, "output")
        if info is not None:
            mode = info.st_mode
            if stat.S_ISDIR(mode):
                raise OutputError(f"{label}: is a directory; give a file name for the output")
            if stat.S_ISBLK(mode):
                raise OutputError(f"{label}: is a block device; refusing to write onto it")
            if stat.S_ISSOCK(mode):
                raise OutputError(f"{label}: is a socket; give a file name for the output")
            if not stat.S_ISREG(mode):  # a character device, a FIFO
                _write_stream(target, data, label)
                return
            if info.st_nlink > 1:
                _guarded(_write_in_place, target, data)
                return
        elif not target.parent.is_dir():
            raise OutputError(f"{label}: the folder {target.parent} does not exist")
        try:
            _guarded(_replace, target, data, info)
        except PermissionError:
            # A folder we may not create files in, holding a file we may write: in place.
            if info is None or not os.access(target, os.W_OK):
                raise
            _guarded(_write_in_place, target, data)
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(f"{label}: cannot write: {exc.strerror or exc}") from None


def _inspect_target(
    path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]], what: str
) -> tuple[Path, os.stat_result | None]:
    """The real path an output goes to (symlinks followed) and its stat, None when
    it does not exist yet; OutputError when it is one of the ``inputs`` or a file this run read."""
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        try:  # a link of /proc (/proc/self/fd/1) to what has no name: a pipe, a socket, a deleted file
            info = os.stat(path)
        except (OSError, ValueError):
            return target, None
        if stat.S_ISREG(info.st_mode):
            raise OutputError(f"{path}: is a file that has been deleted; give another name for the {what}") from None
        target = Path(path)
    if (info.st_dev, info.st_ino) in _READ or any(same_file(source, target) for source in inputs):
        raise OutputError(f"{path}: is the input file; give another name for the {what}")
    if stat.S_ISREG(info.st_mode) and not os.access(target, os.W_OK):
        # A rename would replace it anyway (only the folder's permission counts), as cp would not.
        raise OutputError(f"{path}: the file is read-only; make it writable or give another name for the {what}")
    return target, info


def _guarded(write: Callable[..., None], *args: object) -> None:
    """Run ``write(*args)`` with the terminating signals held until it is done."""
    try:
        held = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
    except (OSError, ValueError):  # pragma: no cover - no signal masks here
        write(*args)
        return
    try:
        write(*args)
    finally:
        # A signal that came meanwhile is delivered here, the file already whole.
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:_CHUNK])
        view = view[written:]


def _write_stream(target: Path, data: bytes, label: str) -> None:
    """Write into a FIFO or a character device: a FIFO waits for a reader to open it, and each
    write for room, at most the wait limit (a terminal, as long as it takes)."""
    import time

    flags = os.O_WRONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)
    deadline = time.monotonic() + max_wait()
    while True:
        try:
            fd = os.open(target, flags)
            break
        except OSError as exc:  # ENXIO: a FIFO nobody has open for reading (yet)
            if exc.errno != errno.ENXIO or not stat.S_ISFIFO(os.stat(target).st_mode):
                raise
            if time.monotonic() > deadline:
                raise _waited_too_long(label, "no program opened the FIFO to read it") from None
            time.sleep(0.02)
    try:
        terminal = os.isatty(fd)
        if terminal:
            os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            try:
                view = view[os.write(fd, view[:_CHUNK]):]
            except BlockingIOError:
                _poll(fd, "POLLOUT", label, "its reader took nothing more")
    finally:
        os.close(fd)


def _write_in_place(target: Path, data: bytes) -> None:
    fd = os.open(target, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        if data and hasattr(os, "posix_fallocate"):
            try:
                os.posix_fallocate(fd, 0, len(data))
            except OSError as exc:
                if exc.errno not in (errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
                    raise
        _write_all(fd, data)
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def temporary_name(target: Path) -> str:
    """``.NAME.RANDOM.tmp`` in the target's folder, cut to fit the file-name limit."""
    try:
        name_max = os.pathconf(target.parent, "PC_NAME_MAX")
    except (OSError, ValueError):
        name_max = 255
    import secrets

    suffix = f".{secrets.token_hex(4)}.tmp"
    room = max(1, name_max - 1 - len(suffix))
    stem = os.fsencode(target.name)[:room].decode(errors="ignore") or "out"
    while len(os.fsencode(stem)) > room:  # pragma: no cover - a multibyte cut
        stem = stem[:-1]
    return f".{stem}{suffix}"


def _new_temporary(folder: Path, target: Path) -> tuple[Path, int]:
    """A new temporary file for ``target`` in ``folder``, opened for writing; the
    umask applies, as to any new file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        tmp = folder / temporary_name(target)
        try:
            return tmp, os.open(tmp, flags, 0o666)
        except FileExistsError:  # pragma: no cover - a 32-bit random collision
            continue


def _replace(target: Path, data: bytes, old: os.stat_result | None) -> None:
    tmp, fd = _new_temporary(target.parent, target)
    try:
        try:
            if old is not None:
                os.fchmod(fd, stat.S_IMODE(old.st_mode))
                with contextlib.suppress(OSError):  # not ours to give away; the mode is kept
                    os.fchown(fd, old.st_uid, old.st_gid)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(target.parent)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename is done
    finally:
        os.close(fd)


@contextlib.contextmanager
def building(path: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str]] = (),
             what: str = "file") -> Iterator[Path]:
    """A temporary file next to ``path`` for other code to build (an SQLite database), put in place when done.

    For output too large to hold as one ``bytes`` for :func:`write_file`; the
    same rules, for a file that must be a file: the temporary
    ``.NAME.RANDOM.tmp`` is created in the target's folder (its mode that of the
    file it replaces, else ``0666`` less the umask), and when the block ends
    without an exception it is fsynced and renamed over the target, and the
    folder fsynced; the terminating signals are held off only for that last
    step. A symlink is followed; a file with other hard links, or a writable
    file in a folder where no temporary may be created, is built elsewhere and
    copied in place. The input files, folders, devices, FIFOs and sockets are
    refused (OutputError). On any exception, SIGTERM, SIGHUP and the other ending
    signals included (they raise SystemExit while the block runs), the temporary is removed and the
    target is untouched.
    """
    label = str(path)
    # The temporaries made, recorded while the terminating signals are held, and SIGTERM and
    # SIGHUP raising SystemExit from before the first is made until the last is gone: a signal
    # at any moment leaves no temporary behind.
    made: list[Path] = []
    with signals_raise():
        try:
            try:
                target, info = _inspect_target(path, inputs, what)
                if info is not None:
                    if stat.S_ISDIR(info.st_mode):
                        raise OutputError(f"{label}: is a directory; give a file name for the {what}")
                    if not stat.S_ISREG(info.st_mode):
                        raise OutputError(f"{label}: is not a regular file; the {what} must be written to a file")
                elif not target.parent.is_dir():
                    raise OutputError(f"{label}: the folder {target.parent} does not exist")
                in_place = info is not None and info.st_nlink > 1
                try:
                    _guarded(_record_temporary, made, target.parent if not in_place else None, target, info)
                except PermissionError:
                    if info is None or not os.access(target, os.W_OK):
                        raise
                    in_place = True
                    _guarded(_record_temporary, made, None, target, info)
            except OutputError:
                raise
            except OSError as exc:
                raise OutputError(f"{label}: cannot write: {exc.strerror or exc}") from None
            tmp = made[-1]
            try:
                yield tmp
                _guarded(_put_in_place, tmp, target, in_place)
            except OSError as exc:
                raise OutputError(f"{label}: cannot write: {exc.strerror or exc}") from None
        finally:
            _guarded(_remove_temporaries, made)


def _record_temporary(made: list[Path], folder: Path | None, target: Path, old: os.stat_result | None) -> None:
    made.append(_create_temporary(folder, target, old))


def _remove_temporaries(made: list[Path]) -> None:
    for tmp in made:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _create_temporary(folder: Path | None, target: Path, old: os.stat_result | None) -> Path:
    """An empty new file in ``folder`` (None: the system's temporary folder) with the mode ``target`` will need."""
    import tempfile

    where = folder if folder is not None else Path(tempfile.gettempdir())
    tmp, fd = _new_temporary(where, target)
    try:
        if old is not None and folder is not None:
            os.fchmod(fd, stat.S_IMODE(old.st_mode))
            with contextlib.suppress(OSError):  # not ours to give away; the mode is kept
                os.fchown(fd, old.st_uid, old.st_gid)
    finally:
        os.close(fd)
    return tmp


def _put_in_place(tmp: Path, target: Path, in_place: bool) -> None:
    if in_place:  # every name of the target sees the new content
        import shutil

        with open(tmp, "rb") as source, open(target, "r+b") as sink:
            size = os.fstat(source.fileno()).st_size
            if size and hasattr(os, "posix_fallocate"):
                try:
                    os.posix_fallocate(sink.fileno(), 0, size)
                except OSError as exc:
                    if exc.errno not in (errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
                        raise
            shutil.copyfileobj(source, sink, _CHUNK)
            sink.truncate(size)
            sink.flush()
            os.fsync(sink.fileno())
        return
    fd = os.open(tmp, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, target)
    _fsync_folder(target.parent)


@contextlib.contextmanager
def signals_raise() -> Iterator[None]:
    """SIGTERM, SIGHUP and every other signal whose default action would end the process there and
    then (not SIGINT: it raises KeyboardInterrupt already) raise SystemExit (128 + the signal) while
    the block runs, so that cleanup runs; where a handler is already set (or the signal is ignored),
    or off the main thread, nothing changes."""
    def leave(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    previous: dict[int, Any] = {}
    try:
        for sig in sorted(_HELD_SIGNALS - {signal.SIGINT}):
            if signal.getsignal(sig) == signal.SIG_DFL:
                previous[sig] = signal.signal(sig, leave)
    except ValueError:  # not the main thread
        pass
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
