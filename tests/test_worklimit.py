"""CPU-time and memory bounds on work that no input limit bounds (hankkeet.worklimit)."""

from __future__ import annotations

import signal

import pytest

from hankkeet.worklimit import WorkTooLarge, WorkTooLong, is_out_of_memory, work_limit


def test_cheap_work_passes_and_the_handler_is_restored():
    before = signal.getsignal(signal.SIGPROF)
    with work_limit(5, 1 << 30):
        total = sum(range(10_000))
    assert total == 49_995_000
    assert signal.getsignal(signal.SIGPROF) is before
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_endless_work_is_stopped_at_the_time_limit():
    with pytest.raises(WorkTooLong, match=r"0\.3 s of CPU time"), work_limit(0.3, 1 << 30):
        while True:
            pass


def test_swallowing_the_first_interruption_does_not_escape_the_limit():
    caught = 0
    with pytest.raises(WorkTooLong), work_limit(0.2, 1 << 30):
        while True:
            try:
                while True:
                    pass
            except WorkTooLong:
                caught += 1
                if caught > 3:
                    raise
    assert caught == 4


@pytest.mark.slow
def test_growing_memory_is_stopped_at_the_memory_limit():
    hoard = []
    with pytest.raises(WorkTooLarge, match="memory limit of 64 MiB"), work_limit(30, 64 << 20, advice=""):
        while True:
            hoard.append(bytearray(1 << 20))
            sum(range(20_000))  # CPU time passes, so the check runs
    assert len(hoard) < 200


def test_out_of_memory_is_found_under_a_wrapping_error():
    try:
        try:
            raise MemoryError
        except MemoryError as inner:
            raise ValueError("cannot read PDF: MemoryError") from inner
    except ValueError as exc:
        assert is_out_of_memory(exc)
    assert not is_out_of_memory(ValueError("x"))
