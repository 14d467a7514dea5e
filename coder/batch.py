"""Datasets: a stream of records in, a stream of event rows out, and an account of every record.

Used by `coder code`; kept apart from the CLI so that the same loop serves tests, library
users and worker processes. With several workers, the main process codes beside forked helpers
that inherit its compiled rule set; records travel to them in chunks and their rows come back
in input order: the output is byte for byte the same as with one worker. At most a few chunks
per helper are in flight, so memory stays flat however large the input.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import select
import struct
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on POSIX
    fcntl = None  # type: ignore[assignment]

from .io import BadRecord, Record, render
from .pipeline import Coder

# Coding makes no reference cycles, only short-lived objects and per-token caches that live on:
# with the default thresholds the collector ran hundreds of times over a corpus, walking the
# growing caches, for nothing (about 3% of a run). `coder code` and the benchmark set these.
GC_THRESHOLDS = (50_000, 20, 100)


@dataclass
class Summary:
    """Counts of one run. read = coded + failed; every input record lands in exactly one count."""

    read: int = 0
    with_events: int = 0
    events: int = 0
    failed: int = 0

    def line(self, seconds: float | None = None) -> str:
        """The run in one line; with the coding time, the records per second as well (an analyst
        sizing a run of millions of articles needs the rate, and it is measured here for free)."""
        out = (f"{self.read} records read, {self.with_events} with events, {self.events} events, "
               f"{self.failed} failed")
        if seconds is not None and seconds > 0:
            out += f" in {seconds:.1f} s ({self.read / seconds:,.0f} records/s)"
        return out

    def add(self, rec: Record | BadRecord, rows: int) -> None:
        """Count one record with its number of event rows."""
        self.read += 1
        if isinstance(rec, BadRecord):
            self.failed += 1
        elif rows:
            self.with_events += 1
            self.events += rows


def code_one(coder: Coder, rec: Record | BadRecord) -> tuple[Record | BadRecord, list[dict]]:
    """One record's event rows. A record whose coding raises becomes a BadRecord with the reason:
    one strange article must not cost the other million."""
    if isinstance(rec, BadRecord):
        return rec, []
    try:
        return rec, [e.record(rec.id, rec.date) for e in coder.code_text(rec.text, rec.date)]
    except Exception as exc:  # noqa: BLE001 - reported per record, the run goes on
        return BadRecord("", rec.line, f"record {rec.id!r}: internal error: {exc!r}"), []


def code_records(coder: Coder, records: Iterable[Record | BadRecord], summary: Summary
                 ) -> Iterator[tuple[Record | BadRecord, list[dict]]]:
    """Code each record in this process; yield it with its event rows, updating `summary`."""
    for rec in records:
        rec, rows = code_one(coder, rec)
        summary.add(rec, len(rows))
        yield rec, rows


# -- several processes ------------------------------------------------------------------------------

CHUNK = 50  # records per chunk: small, so that the last chunks leave no core idle for long
IN_FLIGHT = 4  # chunks queued per helper process: enough to keep it busy while the main process codes
_PIPE_SIZE = 1 << 20  # bytes a pipe may hold (Linux): a helper never waits to hand back its rows
_LENGTH = struct.Struct("<I")  # the frame header of a message on a pipe

Packed = tuple[str, str, "str | None", int] | BadRecord
Done = tuple["BadRecord | None", int, str]  # per record: the record if coding failed, rows, rendered rows


def _pack(rec: Record | BadRecord) -> Packed:
    """A record as a plain tuple for the trip to another process: pickle handles tuples in C,
    while a slotted dataclass goes through Python-level __getstate__/__setstate__ for every record."""
    return (rec.id, rec.text, rec.date, rec.line) if isinstance(rec, Record) else rec


def _unpack(chunk: list[Packed]) -> list[Record | BadRecord]:
    return [Record(*p) if isinstance(p, tuple) else p for p in chunk]


def _code_chunk(coder: Coder, chunk: list[Record | BadRecord], fmt: str) -> list[Done]:
    """Code one chunk into rendered rows. The records themselves do not travel back (the main
    process still holds them): sending every text back again was half of what it unpickled."""
    out = []
    for rec in chunk:
        done, rows = code_one(coder, rec)
        out.append((done if done is not rec else None, len(rows), render(rows, fmt) if rows else ""))
    return out


def code_rendered(coder: Coder, rule_paths: list[Path] | None, records: Iterable[Record | BadRecord],
                  summary: Summary, workers: int, fmt: str) -> Iterator[tuple[Record | BadRecord, str]]:
    """Code records into output text in format `fmt`, in input order, with `workers` processes.

    Each process renders its own rows, so the writing process only joins text; the output is the
    same byte for byte whatever the number of workers."""
    if workers <= 1:
        for rec in records:
            rec, rows = code_one(coder, rec)
            summary.add(rec, len(rows))
            yield rec, render(rows, fmt) if rows else ""
    elif hasattr(os, "fork"):
        yield from _Team(coder, workers - 1, fmt).run(iter(records), summary)
    else:
        yield from _pooled(rule_paths, iter(records), summary, workers, fmt)


class _Helper:
    """A forked process that codes the chunks it is sent, in order, and sends back their rows.

    Messages are pickles framed by their length. The main process never blocks on a write (its
    end of the task pipe is non-blocking, with a buffer of what is still to go): it only waits
    when it has nothing else to do, so a helper that waits to hand back rows cannot lock it up.
    """

    def __init__(self, coder: Coder, fmt: str, others: list[_Helper]):
        task_r, self.task_w = os.pipe()
        self.result_r, result_w = os.pipe()
        for fd in (self.task_w, result_w):
            _widen(fd)
        self.pid = os.fork()
        if self.pid == 0:  # the helper: it never returns from here
            # the other helpers' pipes too: each must see the end of its input when the main
            # process closes it
            for fd in [self.task_w, self.result_r, *(fd for h in others for fd in (h.task_w, h.result_r))]:
                os.close(fd)
            _serve(coder, fmt, task_r, result_w)
        os.close(task_r)
        os.close(result_w)
        os.set_blocking(self.task_w, False)
        os.set_blocking(self.result_r, False)
        self.outgoing = bytearray()
        self.incoming = bytearray()
        self.waiting: deque[list] = deque()  # the entries sent, oldest first, whose rows are due

    def send(self, entry: list) -> None:
        data = pickle.dumps([_pack(r) for r in entry[0]], pickle.HIGHEST_PROTOCOL)
        self.outgoing += _LENGTH.pack(len(data)) + data
        self.waiting.append(entry)
        self.flush()

    def flush(self) -> None:
        """Write what the task pipe takes now."""
        if self.outgoing:
            with contextlib.suppress(BlockingIOError):
                del self.outgoing[:os.write(self.task_w, self.outgoing)]

    def receive(self) -> None:
        """Read what has arrived; attach the rows of every complete message to its entry."""
        while True:
            try:
                data = os.read(self.result_r, 1 << 20)
            except BlockingIOError:
                break
            if not data:
                if self.waiting:
                    raise RuntimeError(f"a worker process (pid {self.pid}) ended before its work was done")
                break
            self.incoming += data
        size = _LENGTH.size
        while len(self.incoming) >= size:
            (n,) = _LENGTH.unpack_from(self.incoming)
            if len(self.incoming) < size + n:
                break
            self.waiting.popleft()[1] = pickle.loads(self.incoming[size:size + n])
            del self.incoming[:size + n]

    def close(self) -> None:
        os.close(self.task_w)  # the helper reads the end of its input and leaves
        os.close(self.result_r)
        os.waitpid(self.pid, 0)


def _widen(fd: int) -> None:
    """Give a pipe a buffer of `_PIPE_SIZE` where the system allows it (Linux)."""
    setpipe = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if setpipe is not None:
        with contextlib.suppress(OSError):
            fcntl.fcntl(fd, setpipe, _PIPE_SIZE)


def _read_exactly(fd: int, n: int) -> bytes | None:
    parts, left = [], n
    while left:
        data = os.read(fd, left)
        if not data:
            return None
        parts.append(data)
        left -= len(data)
    return b"".join(parts)


def _serve(coder: Coder, fmt: str, tasks: int, results: int) -> None:
    """The helper's loop: read a chunk, code it, write its rows; leave when the input ends."""
    status = 1
    try:
        while (head := _read_exactly(tasks, _LENGTH.size)) is not None:
            chunk = _unpack(pickle.loads(_read_exactly(tasks, _LENGTH.unpack(head)[0]) or b""))
            data = pickle.dumps(_code_chunk(coder, chunk, fmt), pickle.HIGHEST_PROTOCOL)
            os.write(results, _LENGTH.pack(len(data)))
            view = memoryview(data)
            while view:
                view = view[os.write(results, view):]
        status = 0
    finally:
        os._exit(status)  # no exit handlers, no flushing of the parent's buffers


class _Team:
    """The main process codes beside `helpers` forked processes.

    Two processes on two cores instead of a pool of two beside a main process that reads,
    sends and writes: the main process's own work stole time from the workers, and its pool
    threads shared one interpreter lock. The helpers are forked before any coding (with the
    rule set frozen out of the garbage collector, so that their copy of it stays shared) and
    are kept IN_FLIGHT chunks ahead; the main process codes a chunk of its own between two
    looks at their pipes, so the work shares itself out by speed. Rows leave in input order.
    """

    def __init__(self, coder: Coder, helpers: int, fmt: str):
        self.coder, self.fmt = coder, fmt
        gc.freeze()
        self.helpers: list[_Helper] = []
        for _ in range(helpers):
            self.helpers.append(_Helper(coder, fmt, self.helpers))

    def run(self, records: Iterator[Record | BadRecord], summary: Summary
            ) -> Iterator[tuple[Record | BadRecord, str]]:
        order: deque[list] = deque()  # [records, their rows or None], in input order
        more = True
        try:
            while more or order:
                for h in self.helpers:
                    h.flush()
                    h.receive()
                    while more and len(h.waiting) < IN_FLIGHT:
                        more = self._next(records, order, h.send)
                yield from _ready(order, summary)
                if more:
                    more = self._next(records, order, self._code)
                elif order:
                    self._wait()
        finally:
            for h in self.helpers:
                h.close()

    def _next(self, records: Iterator, order: deque, handle) -> bool:
        """Read the next chunk into `order` and hand it to `handle`; False at the end of the input."""
        chunk = list(islice(records, CHUNK))
        if not chunk:
            return False
        entry = [chunk, None]
        order.append(entry)
        handle(entry)
        return True

    def _code(self, entry: list) -> None:
        entry[1] = _code_chunk(self.coder, entry[0], self.fmt)

    def _wait(self) -> None:
        """Sleep until a helper's rows arrive or its task pipe takes more."""
        readable = [h.result_r for h in self.helpers if h.waiting]
        writable = [h.task_w for h in self.helpers if h.outgoing]
        select.select(readable, writable, [])


def _ready(order: deque, summary: Summary) -> Iterator[tuple[Record | BadRecord, str]]:
    """Yield the records at the head of `order` whose rows are in, with them."""
    while order and order[0][1] is not None:
        chunk, done = order.popleft()
        for rec, (failed, n, text) in zip(chunk, done, strict=True):
            rec = failed or rec
            summary.add(rec, n)
            yield rec, text


# -- without fork: a pool of processes that each load the rule set ---------------------------------

_WORKER_CODER: Coder | None = None
_WORKER_FORMAT = "jsonl"


def _init_worker(rule_paths: list[str] | None, fmt: str) -> None:
    global _WORKER_CODER, _WORKER_FORMAT
    from .ruleset import load_ruleset

    _WORKER_CODER, _WORKER_FORMAT = Coder(load_ruleset(rule_paths)), fmt


def _pool_chunk(chunk: list[Packed]) -> list[Done]:
    assert _WORKER_CODER is not None
    return _code_chunk(_WORKER_CODER, _unpack(chunk), _WORKER_FORMAT)


def _pooled(rule_paths: list[Path] | None, records: Iterator[Record | BadRecord], summary: Summary,
            workers: int, fmt: str) -> Iterator[tuple[Record | BadRecord, str]]:
    """Code with a pool of spawned processes, each loading the rule set itself."""
    paths = None if rule_paths is None else [str(p) for p in rule_paths]
    order: deque[list] = deque()
    pending: deque = deque()
    with multiprocessing.get_context("spawn").Pool(workers, _init_worker, (paths, fmt)) as pool:
        while True:
            while len(pending) < workers * IN_FLIGHT and (chunk := list(islice(records, CHUNK))):
                entry = [chunk, None]
                order.append(entry)
                pending.append((entry, pool.apply_async(_pool_chunk, ([_pack(r) for r in chunk],))))
            if not pending:
                break
            entry, result = pending.popleft()
            entry[1] = result.get()
            yield from _ready(order, summary)


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
