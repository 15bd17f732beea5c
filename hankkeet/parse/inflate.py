"""A bound on what pdfminer may inflate: a small PDF must not decode to gigabytes.

pdfminer decodes every stream in full (``zlib.decompress``, LZW, run-length),
so a 1 MB file of compressed blanks becomes a 1 GiB string before any page is
laid out. :func:`inflation_limit` gives pdfminer's stream decoding a budget of
decoded bytes for the whole document: Flate output is produced piecewise up to
what is left, LZW and run-length output is counted, and going past it raises
InputTooLarge.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from hankkeet.errors import InputTooLarge


class _Budget:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.left = limit

    def take(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            from hankkeet.fileio import describe_limit

            raise InputTooLarge(
                f"the PDF's streams inflate past the input limit of {describe_limit(self.limit)}; "
                "raise it with --max-input MB or HANKKEET_MAX_INPUT_MB"
            )


class _Decompressor:
    """zlib.decompressobj() whose output is bounded by the budget."""

    def __init__(self, budget: _Budget) -> None:
        self._budget = budget
        self._inner = zlib.decompressobj()

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        cap = self._budget.left + 1
        out = self._inner.decompress(data, min(max_length, cap) if max_length else cap)
        self._budget.take(len(out))
        return out

    def flush(self, length: int = zlib.DEF_BUF_SIZE) -> bytes:
        out = self._inner.flush(length)
        self._budget.take(len(out))
        return out

    @property
    def eof(self) -> bool:
        return self._inner.eof

    @property
    def unconsumed_tail(self) -> bytes:
        return self._inner.unconsumed_tail


class _BoundedZlib:
    """Stands in for the zlib module inside pdfminer.pdftypes."""

    error = zlib.error
    DEF_BUF_SIZE = zlib.DEF_BUF_SIZE

    def __init__(self, budget: _Budget) -> None:
        self._budget = budget

    def decompressobj(self, *args: Any, **kwargs: Any) -> _Decompressor:
        return _Decompressor(self._budget)

    def decompress(self, data: bytes, *args: Any, **kwargs: Any) -> bytes:
        inflater = _Decompressor(self._budget)
        out = [inflater.decompress(data)]
        while inflater.unconsumed_tail and not inflater.eof:
            out.append(inflater.decompress(inflater.unconsumed_tail))
        if not inflater.eof:
            # A stream cut short: zlib.decompress raises; pdfminer then retries leniently.
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return b"".join(out)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


@contextmanager
def inflation_limit(limit: int) -> Iterator[None]:
    """While inside, pdfminer decodes at most ``limit`` bytes of streams in total."""
    import importlib

    from pdfminer.lzw import LZWDecoder

    pdftypes: Any = importlib.import_module("pdfminer.pdftypes")
    budget = _Budget(limit)

    def lzw(data: bytes) -> bytes:
        import io

        out = []
        for chunk in LZWDecoder(io.BytesIO(data)).run():
            budget.take(len(chunk))
            out.append(chunk)
        return b"".join(out)

    def runlength(data: bytes) -> bytes:
        # The PDF run-length filter (as pdfminer's rldecode), counted as it grows:
        # two input bytes can give 128 output bytes.
        out = bytearray()
        i, end = 0, len(data)
        while i < end:
            length = data[i]
            if length == 128:
                break
            if length < 128:
                out += data[i + 1 : i + 2 + length]
                i += length + 2
            else:
                out += data[i + 1 : i + 2] * (257 - length)
                i += 2
            if len(out) > budget.left:
                budget.take(len(out))
        budget.take(len(out))
        return bytes(out)

    saved = pdftypes.zlib, pdftypes.lzwdecode, pdftypes.rldecode
    pdftypes.zlib, pdftypes.lzwdecode, pdftypes.rldecode = _BoundedZlib(budget), lzw, runlength
    try:
        yield
    finally:
        pdftypes.zlib, pdftypes.lzwdecode, pdftypes.rldecode = saved
