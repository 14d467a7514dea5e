"""Readers and writers: records in (JSONL, CSV, TSV, plain text), event rows out (JSONL, CSV, TSV).

Readers never stop at a bad line: a line that is not valid JSON, not UTF-8, or has no text
becomes a `BadRecord` carrying its line number and the reason, and reading goes on. The caller
counts good and bad records so that every input line is accounted for. Files ending in .gz are
read and written compressed. This module knows nothing about rules or coding.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

INPUT_FORMATS = ("jsonl", "csv", "tsv", "text")
OUTPUT_FORMATS = ("jsonl", "csv", "tsv")
FIELDS = ("id", "code", "name", "root", "quad_class", "goldstein", "plover", "source", "target",
          "source_text", "target_text", "trigger", "start", "end", "sentence", "rule", "date")


@dataclass(frozen=True, slots=True)
class Record:
    """One input record; `line` is where it starts in its file (1-based)."""

    id: str
    text: str
    date: str | None
    line: int


@dataclass(frozen=True, slots=True)
class BadRecord:
    """An input line that could not be read as a record, and why."""

    source: str
    line: int
    reason: str

    def message(self) -> str:
        return f"{self.source}:{self.line}: {self.reason}"


class InputError(Exception):
    """An input that cannot be read at all (missing file, CSV without the text column)."""


@dataclass(frozen=True, slots=True)
class Fields:
    """Names of the input fields (or columns) holding the id, the text and the date."""

    id: str = "id"
    text: str = "text"
    date: str = "date"


def guess_format(path: str) -> str:
    """The input format implied by a file name; `-` and unknown endings read as JSONL or text."""
    name = path.lower().removesuffix(".gz")
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".tsv", ".tab")):
        return "tsv"
    if name.endswith(".txt"):
        return "text"
    return "auto"


def _open_binary(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    try:
        return gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")  # noqa: SIM115
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None


def read_records(path: str, fmt: str | None = None, fields: Fields = Fields(),
                 progress=None) -> Iterator[Record | BadRecord]:
    """Yield the records of one input, in order. `progress(nbytes)` is called as bytes are read."""
    fmt = fmt or guess_format(path)
    stream = _open_binary(path)
    try:
        lines = _lines(stream, progress)
        if fmt == "auto":
            first = next(lines, None)
            if first is None:
                return
            fmt = "jsonl" if first[1].lstrip().startswith(b"{") else "text"
            lines = _chain(first, lines)
        name = "<stdin>" if path == "-" else path
        if fmt == "jsonl":
            yield from _jsonl(name, lines, fields)
        elif fmt in ("csv", "tsv"):
            yield from _table(name, lines, fields, "," if fmt == "csv" else "\t")
        elif fmt == "text":
            yield from _text(name, lines)
        else:
            raise InputError(f"unknown input format '{fmt}' (one of {', '.join(INPUT_FORMATS)})")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _lines(stream: IO[bytes], progress) -> Iterator[tuple[int, bytes]]:
    for number, raw in enumerate(stream, 1):
        if progress is not None:
            progress(len(raw))
        yield number, raw


def _chain(first, rest):
    yield first
    yield from rest


def _decode(name: str, number: int, raw: bytes) -> str | BadRecord:
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as e:
        return BadRecord(name, number, f"not valid UTF-8 (byte {e.start + 1})")


def _jsonl(name: str, lines, fields: Fields) -> Iterator[Record | BadRecord]:
    for number, raw in lines:
        text = _decode(name, number, raw)
        if isinstance(text, BadRecord):
            yield text
            continue
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as e:
            yield BadRecord(name, number, f"invalid JSON: {e.msg} (column {e.colno})")
            continue
        yield _from_mapping(name, number, obj, fields)


# LDC Gigaword document ids carry the day the story ran: AFP_ARB_20080129.0001, and sentence ids
# built on them (AAW_ARB_20080129.0036-23). A record with no date of its own takes that day, so
# an archive codes its people and years as of its time (Bush USAGOV in 2008, not USAELI).
_GIGAWORD_ID = re.compile(r"[A-Z]{3}_[A-Z]{3}_(\d{4})(\d{2})(\d{2})\.")


def date_from_id(rid: str) -> str | None:
    """The date in a Gigaword-style id (YYYY-MM-DD), or None."""
    m = _GIGAWORD_ID.match(rid)
    if m is None or not ("01" <= m.group(2) <= "12" and "01" <= m.group(3) <= "31"):
        return None
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"


def _from_mapping(name: str, number: int, obj, fields: Fields) -> Record | BadRecord:
    if not isinstance(obj, dict):
        return BadRecord(name, number, "a JSON line must be an object with a text field")
    text = obj.get(fields.text)
    if not isinstance(text, str):
        what = "missing" if text is None else f"not a string ({type(text).__name__})"
        return BadRecord(name, number, f"field '{fields.text}' is {what}")
    rid = obj.get(fields.id)
    rid = str(number) if rid is None or rid == "" else str(rid)
    date = obj.get(fields.date)
    return Record(rid, text, date_from_id(rid) if date in (None, "") else str(date), number)


def _table(name: str, lines, fields: Fields, delimiter: str) -> Iterator[Record | BadRecord]:
    starts: list[int] = []

    def text_lines():
        for number, raw in lines:
            starts.append(number)
            yield raw.decode("utf-8-sig" if number == 1 else "utf-8", errors="replace")

    reader = csv.DictReader(text_lines(), delimiter=delimiter)
    try:
        header = reader.fieldnames
    except csv.Error as e:
        raise InputError(f"{name}: cannot read the header: {e}") from None
    if header is None:
        return
    if fields.text not in header:
        raise InputError(f"{name}: no column '{fields.text}' (columns: {', '.join(header)}); "
                         f"name the text column with --text-field")
    while True:
        number = starts[-1] + 1 if starts else 1  # the line the next record starts on
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield BadRecord(name, number, f"CSV: {e}")
            continue
        if None in row:
            yield BadRecord(name, number, f"more fields than the header has ({len(header)})")
            continue
        yield _from_mapping(name, number, row, fields)


def _text(name: str, lines) -> Iterator[Record | BadRecord]:
    for number, raw in lines:
        text = _decode(name, number, raw)
        if isinstance(text, BadRecord):
            yield text
            continue
        text = text.rstrip("\r\n")
        if text.strip():
            yield Record(str(number), text, None, number)


def render(rows: list[dict], fmt: str) -> str:
    """Event rows as output text (no header): JSON lines, or CSV/TSV lines in FIELDS order.

    Rendering is separate from writing so that worker processes can render their own rows and
    the writing process only joins text, with output identical either way."""
    if fmt == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    buf = io.StringIO()
    csv.DictWriter(buf, fieldnames=FIELDS, extrasaction="ignore", delimiter="," if fmt == "csv" else "\t",
                   lineterminator="\n").writerows(rows)
    return buf.getvalue()


class Writer:
    """Writes event rows as JSONL (one object per line), CSV or TSV with a fixed header."""

    def __init__(self, path: str, fmt: str | None = None):
        if fmt is None:
            g = guess_format(path)
            fmt = g if g in OUTPUT_FORMATS else "jsonl"
        if fmt not in OUTPUT_FORMATS:
            raise InputError(f"unknown output format '{fmt}' (one of {', '.join(OUTPUT_FORMATS)})")
        self.fmt = fmt
        if path == "-":
            self._stream: IO[str] = sys.stdout
            self._owned = False
        else:
            try:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
                raw = gzip.open(path, "wb") if path.endswith(".gz") else open(path, "wb")  # noqa: SIM115
            except OSError as e:
                raise InputError(f"cannot write {path}: {e.strerror or e}") from None
            self._stream = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            self._owned = True
        if fmt != "jsonl":
            csv.DictWriter(self._stream, fieldnames=FIELDS, delimiter="," if fmt == "csv" else "\t",
                           lineterminator="\n").writeheader()

    def write(self, rows: Iterable[dict]) -> None:
        self._stream.write(render(list(rows), self.fmt))

    def write_text(self, text: str) -> None:
        """Write rows already rendered with `render` in this writer's format."""
        self._stream.write(text)

    def close(self) -> None:
        if self._owned:
            self._stream.close()
        else:
            self._stream.flush()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
