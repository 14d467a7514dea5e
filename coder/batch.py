"""Datasets: a stream of records in, a stream of event rows out, and an account of every record.

Used by `coder code`; kept apart from the CLI so that the same loop serves tests, library
users and worker processes. With several workers, records travel in chunks to a pool of
processes, each holding its own compiled rule set, and come back in input order: the output is
byte for byte the same as with one worker. At most a few chunks per worker are in flight, so
memory stays flat however large the input.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from .io import BadRecord, Record, render
from .pipeline import Coder

CHUNK = 200  # records per task sent to a worker
IN_FLIGHT = 3  # chunks queued per worker
# Records coded in the main process before the workers start, so that they inherit the per-token
# caches of the commonest words. While it runs the other core idles: on the SaudiNewsNet corpus,
# 500 was as quick as 0 (each worker warming its own caches) and quicker than 2000.
WARM_UP = 500


@dataclass
class Summary:
    """Counts of one run. read = coded + failed; every input record lands in exactly one count."""

    read: int = 0
    with_events: int = 0
    events: int = 0
    failed: int = 0

    def line(self) -> str:
        return (f"{self.read} records read, {self.with_events} with events, {self.events} events, "
                f"{self.failed} failed")

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

_WORKER_CODER: Coder | None = None
_WORKER_FORMAT = "jsonl"


def _init_worker(rule_paths: list[str] | None, fmt: str) -> None:
    global _WORKER_CODER, _WORKER_FORMAT
    _WORKER_FORMAT = fmt
    if _WORKER_CODER is None:  # with fork, the parent's coder is already here
        from .ruleset import load_ruleset

        _WORKER_CODER = Coder(load_ruleset(rule_paths))


Packed = tuple[str, str, "str | None", int] | BadRecord


def _pack(rec: Record | BadRecord) -> Packed:
    """A record as a plain tuple for the trip to a worker: pickle handles tuples in C, while a
    slotted dataclass goes through Python-level __getstate__/__setstate__ for every record."""
    return (rec.id, rec.text, rec.date, rec.line) if isinstance(rec, Record) else rec


def _code_chunk(chunk: list[Packed]) -> list[tuple[BadRecord | None, int, str]]:
    """Code one chunk in a worker: per record, (the record if coding failed, rows, rendered rows).

    The records themselves do not travel back (the main process still holds them): sending
    every text back again was half of what the main process unpickled."""
    assert _WORKER_CODER is not None
    out = []
    for packed in chunk:
        rec = Record(*packed) if isinstance(packed, tuple) else packed
        done, rows = code_one(_WORKER_CODER, rec)
        out.append((done if done is not rec else None, len(rows), render(rows, _WORKER_FORMAT) if rows else ""))
    return out


def code_rendered(coder: Coder, rule_paths: list[Path] | None, records: Iterable[Record | BadRecord],
                  summary: Summary, workers: int, fmt: str) -> Iterator[tuple[Record | BadRecord, str]]:
    """Code records into output text in format `fmt`, in input order, with `workers` processes.

    Each worker renders its own rows, so the writing process only joins text; the output is the
    same byte for byte whatever the number of workers."""
    global _WORKER_CODER
    it = iter(records)
    # The first records are coded here: that fills the per-token caches once, before the
    # workers are forked with a copy of them, instead of once in every worker.
    for rec in it if workers <= 1 else islice(it, WARM_UP):
        rec, rows = code_one(coder, rec)
        summary.add(rec, len(rows))
        yield rec, render(rows, fmt) if rows else ""
    if workers <= 1:
        return
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    _WORKER_CODER = coder if ctx.get_start_method() == "fork" else None
    paths = None if rule_paths is None else [str(p) for p in rule_paths]
    pending: deque = deque()
    with ctx.Pool(workers, initializer=_init_worker, initargs=(paths, fmt)) as pool:
        try:
            while True:
                while len(pending) < workers * IN_FLIGHT:
                    chunk = list(islice(it, CHUNK))
                    if not chunk:
                        break
                    pending.append((chunk, pool.apply_async(_code_chunk, ([_pack(r) for r in chunk],))))
                if not pending:
                    break
                chunk, result = pending.popleft()
                for rec, (failed, n, text) in zip(chunk, result.get(), strict=True):
                    rec = failed or rec
                    summary.add(rec, n)
                    yield rec, text
        finally:
            _WORKER_CODER = None


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
