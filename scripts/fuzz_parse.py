"""Fuzz `parse_bytes` with mutated fixture PDFs and seed texts: bad input must end in SourceError.

    uv run python scripts/fuzz_parse.py [--count N] [--seed S] [--jobs J] [--timeout T]
                                        [--only I ...] [--save DIR] [--time-budget SECONDS]

Mutant ``I`` of seed ``S`` is always the same bytes (its random generator is
seeded with ``S`` and ``I``), so ``--only I --save DIR`` writes a failing input
for a closer look. Each mutant runs in a worker process under a time limit
(SIGALRM, and the parent kills a worker that does not answer). A finding is:

* ``crash``: any exception other than SourceError (grouped by type and the
  innermost frame in hankkeet/, or the innermost frame at all);
* ``message``: a SourceError whose message is not one line or does not start
  with the file's name;
* ``output``: a parsed snapshot that cannot be written as UTF-8 JSON;
* ``masked``: a SourceError raised over an exception from our own code (an
  IndexError in the table code caught and reworded): a bug behind a polite
  message, found by following the exception's cause and context;
* ``hang``: over the time limit;
* ``stderr``: anything written to stderr (the CLI's message must be the only line).

Pure Python; mutations are structure-aware where it helps (PDF objects are
re-serialised with a fresh xref table so that a changed stream still reads).
Exit status 1 when anything was found, else 0.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import multiprocessing as mp
import queue
import random
import re
import signal
import sys
import time
import traceback
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PDF_SEEDS = sorted((ROOT / "tests" / "fixtures").glob("*.pdf"))
# The seed extraction, and pdftotext -layout texts (columns side by side) of a few fixtures.
TEXT_SEEDS = sorted((ROOT / "seeds").glob("*.txt")) + [
    ROOT / "tests" / "fixtures" / "text" / f"{name}.pdftotext-layout.txt"
    for name in ("summary_original", "summary_centred", "html_cr_bottom_justify", "lo_narrow_hyph")
]
SLOW = 5.0  # seconds: report a mutant this slow even when it finishes


# -- PDF structure (enough for the fixtures: no object streams) -------------------------

_OBJ = re.compile(rb"(\d+)\s+(\d+)\s+obj\b(.*?)\bendobj", re.DOTALL)
_STREAM = re.compile(rb"(.*?\bstream\r?\n)(.*?)(\r?\n?endstream\s*)$", re.DOTALL)
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.DOTALL)


class Pdf:
    """Objects by number and the trailer entries; ``bytes()`` writes a consistent file."""

    def __init__(self, data: bytes) -> None:
        self.header = data[: data.find(b"\n") + 1] if data.startswith(b"%PDF") else b"%PDF-1.4\n"
        self.objects: dict[int, bytes] = {int(m.group(1)): m.group(3) for m in _OBJ.finditer(data)}
        trailers = _TRAILER.findall(data)
        trailer = trailers[-1] if trailers else b""
        trailer = re.sub(rb"/(Size|Prev)\s+\d+", b"", trailer)
        self.trailer = trailer

    def streams(self) -> list[int]:
        return [n for n, body in self.objects.items() if b"stream" in body and _STREAM.match(body)]

    def get_stream(self, number: int) -> tuple[bytes, bytes]:
        """(dictionary part, decoded data)."""
        match = _STREAM.match(self.objects[number])
        assert match
        head, raw = match.group(1), match.group(2)
        if b"/ASCII85Decode" in head:
            with contextlib.suppress(ValueError):
                raw = base64.a85decode(raw.strip().removeprefix(b"<~").removesuffix(b"~>"))
        if b"/FlateDecode" in head:
            with contextlib.suppress(zlib.error):
                raw = zlib.decompress(raw)
        return head, raw

    def set_stream(self, number: int, head: bytes, data: bytes, compress: bool = True) -> None:
        head = re.sub(rb"/Filter\s*(?:/\w+|\[[^\]]*\])", b"", head)
        if compress:
            data = zlib.compress(data)
            head = head.replace(b"<<", b"<< /Filter /FlateDecode", 1)
        head = re.sub(rb"/Length\s+\d+(?:\s+\d+\s+R)?", b"/Length %d" % len(data), head)
        self.objects[number] = head + data + b"\nendstream\n"

    def __bytes__(self) -> bytes:
        out = bytearray(self.header)
        offsets: dict[int, int] = {}
        for number in sorted(self.objects):
            offsets[number] = len(out)
            out += b"%d 0 obj" % number + self.objects[number] + b"endobj\n"
        size = max(offsets, default=0) + 1
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for number in range(1, size):
            out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
        out += b"trailer\n<< /Size %d " % size + self.trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
        return bytes(out)


# -- PDF mutations -------------------------------------------------------------------------

Mutation = Callable[[random.Random, bytes, list[bytes]], bytes]


def flip_bytes(rng: random.Random, data: bytes, _others: list[bytes]) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice([1, 2, 8, 64])):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(rng: random.Random, data: bytes, _others: list[bytes]) -> bytes:
    cut = data[: rng.randrange(1, len(data))]
    return cut + b"\n%%EOF\n" if rng.random() < 0.6 else cut


def delete_range(rng: random.Random, data: bytes, _others: list[bytes]) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.choice([1, 16, 256, 4096]) :]


def duplicate_range(rng: random.Random, data: bytes, _others: list[bytes]) -> bytes:
    start = rng.randrange(len(data))
    piece = data[start : start + rng.choice([1, 16, 256, 4096])]
    at = rng.randrange(len(data))
    return data[:at] + piece + data[at:]


def zero_stream(rng: random.Random, data: bytes, _others: list[bytes]) -> bytes:
    """Zero a stream's bytes in place: offsets stay right, the content is gone."""
    spans = [(m.start(1), m.end(1)) for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.DOTALL)]
    if not spans:
        return flip_bytes(rng, data, _others)
    start, end = rng.choice(spans)
    filler = b"\0" if rng.random() < 0.7 else bytes([rng.randrange(256)])
    return data[:start] + filler * (end - start) + data[end:]


def swap_object(rng: random.Random, data: bytes, others: list[bytes]) -> bytes:
    pdf, donor = Pdf(data), Pdf(rng.choice(others))
    if not pdf.objects or not donor.objects:
        return data
    number = rng.choice(sorted(pdf.objects))
    pdf.objects[number] = donor.objects[rng.choice(sorted(donor.objects))]
    return bytes(pdf)


def change_fonts(rng: random.Random, data: bytes, _others: list[bytes]) -> bytes:
    def rename(match: re.Match[bytes]) -> bytes:
        name = match.group(1)
        choice = rng.randrange(5)
        if choice == 0:
            name = re.sub(rb"(?i)bold", b"", name) if re.search(rb"(?i)bold", name) else name + b"-Bold"
        elif choice == 1:
            name = b""
        elif choice == 2:
            name = bytes(rng.randrange(33, 127) for _ in range(rng.randrange(1, 40))).replace(b"/", b"")
        elif choice == 3:
            name = b"#00" + name
        else:
            name = name * 50
        return b"/BaseFont /" + name

    return re.sub(rb"/BaseFont\s*/([^\s/\[\]<>()]+)", lambda m: rename(m) if rng.random() < 0.5 else m.group(0), data)


_NUMBER = re.compile(rb"(?<![\w.#/])-?(?:\d+\.?\d*|\.\d+)(?![\w.])")
_ODD_NUMBERS = [b"0", b"-1", b"1e9", b"-0.0001", b"100000", b"99999999999", b"-50000", b"0.000001"]


def _content_streams(pdf: Pdf) -> list[int]:
    return [n for n in pdf.streams() if b"/Length" in pdf.objects[n][:200] and b"BT" in pdf.get_stream(n)[1]]


_SHOW = re.compile(rb"(?:\((?:\\.|[^\\()])*\)|<[0-9A-Fa-f\s]*>|\[(?:\((?:\\.|[^\\()])*\)|[^\]()])*\])\s*T[jJ]", re.DOTALL)
_MOVE = re.compile(rb"(-?[\d.]+)\s+(-?[\d.]+)\s+Td\b")


_MEANINGFUL = [
    b"Hankkeen tiedot", b"Toiminta-alue", b"Toiminnan kuvaus", b"Hankkeen tiedot Toiminta-alue Toiminnan kuvaus",
    b"Hankkeen", b"tiedot", b"1.9.2020\\2261.9.2021", b"1.9.2020-31.8.2021", b"31.2.2020-1.1.2021", b"1.9.2020\\226",
    b"31.8.2021", b"Kotkan kaupunki", b"\\(osatoteuttajana Kouvolan", b"kaupunki\\)", b"2\\(4\\)", b"", b" ",
    b"Etel\\344-", b"Karjala", b"oh-", b"x" * 3000, b"\\000\\001", b"kuntayhtym\\344, X",
]


def mutate_content(rng: random.Random, data: bytes, _others: list[bytes]) -> bytes:
    """Change a page's drawing: numbers, text operators, whole text blocks."""
    pdf = Pdf(data)
    streams = _content_streams(pdf)
    if not streams:
        return flip_bytes(rng, data, _others)
    number = rng.choice(streams)
    head, content = pdf.get_stream(number)
    kind = rng.randrange(9)
    if kind == 0:  # odd numbers: font sizes, positions, scales
        matches = list(_NUMBER.finditer(content))
        for match in rng.sample(matches, min(len(matches), rng.choice([1, 3, 20]))):
            start, end = match.span()
            content = content[:start] + rng.choice(_ODD_NUMBERS).ljust(end - start) + content[end:]
    elif kind == 1:  # swap or drop text operators
        ops = [rb"\bTj\b", rb"\bTJ\b", rb"\bTf\b", rb"\bTd\b", rb"\bTm\b", rb"\bBT\b", rb"\bET\b", rb"\bT\*", rb"\bTD\b"]
        replacement = rng.choice([b"Tj", b"TJ", b"Tf", b"Td", b"Tm", b"", b"'", b"Tz", b"TL", b"BT", b"ET", b"re f"])
        content = re.sub(rng.choice(ops), lambda m: replacement if rng.random() < 0.3 else m.group(0), content)
    elif kind == 2:  # a text block drawn again elsewhere (overlaps, stray copies)
        blocks = [m.group(0) for m in re.finditer(rb"BT\b.*?\bET\b", content, re.DOTALL)]
        if blocks:
            block = b"\n".join(rng.sample(blocks, min(len(blocks), rng.choice([1, 5, 30]))))
            dx, dy = rng.choice([0, 3, -200, 150, 1e5]), rng.choice([0, -0.5, -12, 300, -900])
            at = rng.randrange(len(content) + 1)
            content = content[:at] + b"\nq 1 0 0 1 %g %g cm\n" % (dx, dy) + block + b"\nQ\n" + content[at:]
    elif kind == 3:  # a global transformation: mirrored, rotated, squashed
        matrix = rng.choice([b"-1 0 0 1 600 0", b"1 0 0 -1 0 842", b"0 1 -1 0 600 0", b"0.001 0 0 0.001 0 0",
                             b"1 0 0 0 0 0", b"0 0 0 0 0 0", b"3 0 0 3 -500 -1000"])
        content = b"q " + matrix + b" cm\n" + content + b"\nQ"
    elif kind == 4:  # delete or shuffle lines of the content stream
        lines = content.split(b"\n")
        if rng.random() < 0.5:
            start = rng.randrange(len(lines))
            del lines[start : start + rng.choice([1, 10, 100])]
        else:
            rng.shuffle(lines)
        content = b"\n".join(lines)
    elif kind == 6:  # the text of some lines swapped: periods, bold names and labels land elsewhere
        shows = list(_SHOW.finditer(content))
        if len(shows) >= 2:
            picked = sorted(rng.sample(range(len(shows)), min(len(shows), rng.choice([2, 2, 6, 40]))))
            texts = [shows[k].group(0) for k in picked]
            rng.shuffle(texts)
            for k, text in sorted(zip(picked, texts, strict=True), reverse=True):
                content = content[: shows[k].start()] + text + content[shows[k].end() :]
    elif kind == 7:  # some lines moved to where other lines are, give or take a little
        moves = list(_MOVE.finditer(content))
        if moves:
            places = [(float(m.group(1)), float(m.group(2))) for m in moves]
            for match in sorted(rng.sample(moves, min(len(moves), rng.choice([1, 3, 30]))), key=lambda m: -m.start()):
                x, y = rng.choice(places)
                x, y = x + rng.choice([0, 0, 2, -40, 90]), y + rng.choice([0, 0, -1, 4, -7, 30])
                content = content[: match.start()] + b"%.2f %.2f Td" % (x, y) + content[match.end() :]
    elif kind == 8:  # plain-text fonts: lines replaced with text that means something to the parser
        shows = list(re.finditer(rb"\((?:\\.|[^\\()])*\)\s*Tj", content))
        for match in sorted(rng.sample(shows, min(len(shows), rng.choice([1, 2, 8]))), key=lambda m: -m.start()):
            content = content[: match.start()] + b"(" + rng.choice(_MEANINGFUL) + b") Tj" + content[match.end() :]
    else:  # rules: lines and rectangles everywhere
        rules = b"".join(
            b"%g %g %g %g re f\n" % (rng.uniform(-50, 600), rng.uniform(-50, 850), rng.choice([0, 500, 1e6]),
                                     rng.choice([0, 0.5, 2, 800]))
            for _ in range(rng.choice([1, 20, 300]))
        )
        content = rules + content if rng.random() < 0.5 else content + b"\n" + rules
    pdf.set_stream(number, head, content, compress=rng.random() < 0.8)
    return bytes(pdf)


def mutate_pages(rng: random.Random, data: bytes, _others: list[bytes]) -> bytes:
    """Remove, repeat or reorder pages; odd page boxes and rotation."""
    pdf = Pdf(data)
    for number, body in pdf.objects.items():
        if re.search(rb"/Type\s*/Pages\b", body) and b"/Kids" in body:
            match = re.search(rb"/Kids\s*\[(.*?)\]", body, re.DOTALL)
            if not match:
                continue
            kids = re.findall(rb"\d+\s+\d+\s+R", match.group(1))
            kind = rng.randrange(4)
            if kind == 0 and kids:
                kids.pop(rng.randrange(len(kids)))
            elif kind == 1:
                rng.shuffle(kids)
            elif kind == 2 and kids:
                kids.insert(rng.randrange(len(kids) + 1), rng.choice(kids))
            else:
                kids = kids[: rng.randrange(len(kids) + 1)]
            body = body[: match.start()] + b"/Kids [" + b" ".join(kids) + b"]" + body[match.end() :]
            if rng.random() < 0.7:
                body = re.sub(rb"/Count\s+\d+", b"/Count %d" % len(kids), body)
            pdf.objects[number] = body
    if rng.random() < 0.4:
        box = rng.choice([b"[0 0 0 0]", b"[0 0 -595 -842]", b"[0 0 1e9 1e9]", b"[595 842 0 0]", b"[0 0 100 100]",
                          b"[0 0 595]", b"[]"])
        for number, body in pdf.objects.items():
            pdf.objects[number] = re.sub(rb"/MediaBox\s*\[[^\]]*\]", b"/MediaBox " + box, body)
    if rng.random() < 0.3:
        for number, body in pdf.objects.items():
            if re.search(rb"/Type\s*/Page\b", body):
                pdf.objects[number] = body.replace(b"/Type /Page", b"/Type /Page /Rotate %d" % rng.choice([90, 180, 270, 45]), 1)
    return bytes(pdf)


_KEYS = rb"FontName|BaseFont|Type|Subtype|MediaBox|CropBox|Count|Length|Widths|FirstChar|LastChar|Encoding|Rotate|Kids|Parent|Contents|Resources|Font|FontDescriptor|ToUnicode|W|DW|Ascent|Descent|FontBBox|FontMatrix|Differences"
_ODD_VALUES = [b"(Str-Bold)", b"<FFFE>", b"7", b"-1", b"3.5", b"[1 2]", b"[]", b"<< >>", b"null", b"true", b"999 0 R",
               b"/Bold", b"/", b"[/a /b]", b"(\\000)", b"1e400"]


def odd_values(rng: random.Random, data: bytes, _others: list[bytes]) -> bytes:
    """A dictionary entry given a value of another type (a string font name, a number for a name, ...)."""
    pdf = Pdf(data)
    entries = [(n, m) for n, body in pdf.objects.items()
               for m in re.finditer(rb"/(" + _KEYS + rb")\b\s*(/[^\s/\[\]<>()]*|\d+ \d+ R|-?[\d.]+|\[[^\]]*\])",
                                    body[:4000])]
    if not entries:
        return flip_bytes(rng, data, _others)
    for number, match in sorted(rng.sample(entries, min(len(entries), rng.choice([1, 1, 3]))),
                                key=lambda e: -e[1].start()):
        body = pdf.objects[number]
        value = rng.choice(_ODD_VALUES)
        pdf.objects[number] = body[: match.start(2)] + b" " + value + body[match.end(2) :]
    return bytes(pdf)


PDF_MUTATIONS: list[Mutation] = [odd_values, odd_values,
    flip_bytes, truncate, delete_range, duplicate_range, zero_stream, swap_object, change_fonts,
    mutate_content, mutate_content, mutate_content, mutate_pages, mutate_pages,
]


# -- text mutations ------------------------------------------------------------------------------

_ODD_CHARS = ["\u0000", "\u200f", "\u202e", "\u200b", "\ufeff", "\u00ad", "\t", "\r", "\x0c", "\x1b[31m", "\u2028",
              "\ud7ff", "\U0001f600", "–", "—", "-", "(", ")", "[bold]", "\u0301", "\x85", "\u3000"]


def _period_variant(rng: random.Random, line: str) -> str:
    return rng.choice([
        "31.2.2020–31.8.2021", "1.9.2020–", "2020–", "1.9.2020 31.8.2021", "1.9.2020–31.13.2021",
        "01.09.2020—31.08.2021", "1.9.2020-31.8.2021", "0.0.0000–0.0.0000", "1.9.99999–1.1.2021",
        "1.9.2020–31.8.2021–1.1.2022", line.replace("–", ""), line + " " + line, " 1 . 9 . 2020 – 31 . 8 . 2021",
    ])


def mutate_text(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    for _ in range(rng.choice([1, 1, 2, 4])):
        kind = rng.randrange(10)
        if not lines:
            lines = [""]
        i = rng.randrange(len(lines))
        if kind == 0:
            rng.shuffle(lines) if rng.random() < 0.2 else lines.insert(rng.randrange(len(lines)), lines.pop(i))
        elif kind == 1:
            del lines[i : i + rng.choice([1, 1, 5, 40])]
        elif kind == 2:
            lines[i:i] = lines[i : i + rng.choice([1, 3, 20])]
        elif kind == 3:
            periods = [k for k, line in enumerate(lines) if re.search(r"\d{4}\s*[–—-]", line)]
            k = rng.choice(periods) if periods else i
            lines[k] = _period_variant(rng, lines[k].strip())
        elif kind == 4:
            headers = [k for k, line in enumerate(lines) if "Hankkeen tiedot" in line]
            if headers:
                k = rng.choice(headers)
                if rng.random() < 0.5:
                    del lines[k]
                else:
                    lines.insert(rng.randrange(len(lines) + 1), lines[k])
        elif kind == 5:
            lines[i] = unicodedata.normalize("NFD", lines[i])
        elif kind == 6:
            at = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:at] + "".join(rng.choice(_ODD_CHARS) for _ in range(rng.randrange(1, 6))) + lines[i][at:]
        elif kind == 7:
            lines[i] = lines[i] * rng.choice([50, 2000]) if rng.random() < 0.5 else "x" * 100_000
        elif kind == 8:
            lines.insert(i, "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randrange(1, 80))))
        else:  # a line emptied, or a blank line inserted or removed
            if rng.random() < 0.5:
                lines.insert(i, "")
            else:
                lines[i] = ""
    return "\n".join(lines)


def text_bytes(rng: random.Random, text: str) -> bytes:
    data = mutate_text(rng, text).encode("utf-8", "surrogatepass")
    if rng.random() < 0.05:
        data = data.replace(b"\xc3", b"\xff", 1)  # not UTF-8
    if rng.random() < 0.05:
        data = "\ufeff".encode() + data
    if rng.random() < 0.05:
        data = data.replace(b"\n", b"\r\n")
    return data


# -- running -----------------------------------------------------------------------------------------


class Timeout(BaseException):  # pdfminer catches Exception; a BaseException gets through
    pass


def mutant(seed: int, index: int, pdfs: list[bytes], texts: list[str]) -> tuple[str, str, bytes]:
    """(file name, description, bytes) of mutant ``index``: the same for the same seed."""
    rng = random.Random(f"{seed}:{index}")
    if texts and rng.random() < 0.3:
        k = rng.randrange(len(texts))
        return f"{TEXT_SEEDS[k].stem}-m{index}.txt", f"text {TEXT_SEEDS[k].name}", text_bytes(rng, texts[k])
    k = rng.randrange(len(pdfs))
    data = pdfs[k]
    steps = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        mutation = rng.choice(PDF_MUTATIONS)
        steps.append(mutation.__name__)
        # A mutation that does not apply to this file raises one of these.
        with contextlib.suppress(ValueError, IndexError, AssertionError):
            data = mutation(rng, data, pdfs) or data
    return f"{PDF_SEEDS[k].stem}-m{index}.pdf", f"{PDF_SEEDS[k].name} {'+'.join(steps)}", data


def _frame_key(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/hankkeet/" in f.filename.replace("\\", "/")]
    frame = (ours or frames)[-1] if (ours or frames) else None
    where = f"{Path(frame.filename).name}:{frame.lineno} {frame.name}" if frame else "?"
    return f"{type(exc).__name__} at {where}"


def _own_root(exc: BaseException) -> BaseException | None:
    """The first non-SourceError under ``exc`` if our own code raised it, else None."""
    from hankkeet.errors import SourceError

    seen = set()
    while exc is not None and isinstance(exc, SourceError) and id(exc) not in seen:
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    if exc is None or isinstance(exc, SourceError):
        return None
    frames = traceback.extract_tb(exc.__traceback__)
    return exc if frames and "/hankkeet/" in frames[-1].filename.replace("\\", "/") else None


def run_one(data: bytes, name: str, timeout: float) -> tuple[str, str, float]:
    """(outcome, detail, seconds): ok, source, or a finding: crash, masked, message, output, hang, stderr."""
    import io

    from hankkeet.errors import SourceError
    from hankkeet.parse import parse_bytes
    from hankkeet.render import to_json

    label = f"/tmp/{name}"
    start = time.perf_counter()
    real_stderr, sys.stderr = sys.stderr, io.StringIO()
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        snapshot = parse_bytes(data, name, label=label)
        to_json(snapshot.to_dict()).encode("utf-8")
        outcome, detail = "ok", f"{len(snapshot.projects)} projects"
    except SourceError as exc:
        message = exc.message
        if "\n" in message or "\r" in message or not message.startswith(label):
            outcome, detail = "message", f"bad SourceError message: {message[:200]!r}"
        elif (masked := _own_root(exc)) is not None:
            outcome, detail = "masked", _frame_key(masked)
        else:
            outcome, detail = "source", message[len(label) + 2 :][:60]
    except Timeout:
        outcome, detail = "hang", f"over {timeout:g} s"
    except UnicodeEncodeError as exc:
        outcome, detail = "output", _frame_key(exc)
    except Exception as exc:  # noqa: BLE001 - everything else is what we are looking for
        outcome, detail = "crash", _frame_key(exc)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        noise, sys.stderr = sys.stderr.getvalue(), real_stderr
    if noise and outcome in ("ok", "source"):
        outcome, detail = "stderr", " ".join(noise.split()[:4])
    return outcome, detail, time.perf_counter() - start


def _on_alarm(_signum, _frame) -> None:
    raise Timeout


def _worker(seed: int, timeout: float, tasks, results) -> None:
    signal.signal(signal.SIGALRM, _on_alarm)
    pdfs = [p.read_bytes() for p in PDF_SEEDS]
    texts = [p.read_text(encoding="utf-8") for p in TEXT_SEEDS]
    while True:
        index = tasks.get()
        if index is None:
            return
        name, description, data = mutant(seed, index, pdfs, texts)
        outcome, detail, seconds = run_one(data, name, timeout)
        results.put((index, description, outcome, detail, seconds))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500, help="number of mutants (default 500)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=max(1, (mp.cpu_count() or 2)))
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per mutant before it counts as a hang")
    parser.add_argument("--time-budget", type=float, default=0.0, help="stop starting mutants after this many seconds")
    parser.add_argument("--only", type=int, nargs="*", help="run just these mutant indices")
    parser.add_argument("--save", type=Path, help="write failing (or --only) mutants into this folder")
    args = parser.parse_args()

    indices = args.only if args.only else list(range(args.count))
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        pdfs = [p.read_bytes() for p in PDF_SEEDS]
        texts = [p.read_text(encoding="utf-8") for p in TEXT_SEEDS]

    context = mp.get_context("fork")
    tasks, results = context.Queue(), context.Queue()
    workers = [context.Process(target=_worker, args=(args.seed, args.timeout, tasks, results), daemon=True)
               for _ in range(max(1, args.jobs))]
    for worker in workers:
        worker.start()
    started = time.monotonic()
    pending = list(reversed(indices))
    in_flight = 0
    for _ in range(min(len(workers) * 2, len(pending))):
        tasks.put(pending.pop())
        in_flight += 1

    outcomes: Counter[str] = Counter()
    messages: Counter[str] = Counter()  # which SourceErrors: how deep the mutants got
    findings: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    slowest: list[tuple[float, int, str]] = []
    done = 0
    while in_flight:
        try:
            index, description, outcome, detail, seconds = results.get(timeout=args.timeout * 3 + 30)
        except queue.Empty:  # a worker stuck beyond its alarm (in C code?): report and stop
            findings["hang: a worker stopped answering"].append((-1, "?", ""))
            break
        in_flight -= 1
        done += 1
        outcomes[outcome] += 1
        if outcome == "source":
            messages[re.sub(r"\d+|'.*|\(.*|: .*", "…", detail)] += 1
        slowest.append((seconds, index, description))
        if outcome in ("crash", "masked", "message", "output", "hang", "stderr") or seconds > SLOW:
            key = f"{outcome}: {detail}" if outcome != "ok" or seconds <= SLOW else f"slow: {seconds:.1f} s"
            findings[key].append((index, description, detail))
            if args.save:
                name, _, data = mutant(args.seed, index, pdfs, texts)
                (args.save / name).write_bytes(data)
        elif args.only and args.save:
            name, _, data = mutant(args.seed, index, pdfs, texts)
            (args.save / name).write_bytes(data)
        if args.only:
            print(f"#{index} {description}: {outcome} {detail} ({seconds:.2f} s)")
        if pending and not (args.time_budget and time.monotonic() - started > args.time_budget):
            tasks.put(pending.pop())
            in_flight += 1
        if done % 200 == 0:
            print(f"... {done} mutants, {sum(len(v) for v in findings.values())} findings", file=sys.stderr)
    for _ in workers:
        tasks.put(None)
    for worker in workers:
        worker.join(timeout=5)
        if worker.is_alive():
            worker.kill()

    elapsed = time.monotonic() - started
    print(f"{done} mutants (seed {args.seed}) in {elapsed:.0f} s: "
          + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    print("SourceErrors: " + "; ".join(f"{n}x {m}" for m, n in messages.most_common(12)))
    slowest.sort(reverse=True)
    if slowest:
        print("slowest: " + ", ".join(f"#{i} {s:.1f} s" for s, i, _ in slowest[:3]))
    if not findings:
        print("no findings: every bad input ended in a SourceError")
        return 0
    print(f"{len(findings)} distinct findings:")
    for key, hits in sorted(findings.items(), key=lambda item: -len(item[1])):
        examples = ", ".join(f"#{i} ({d})" for i, d, _ in hits[:3])
        print(f"  {len(hits):4}x {key}\n         e.g. {examples}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
