"""Datasets: a stream of records in, a stream of event rows out, and an account of every record.

Used by `coder code`; kept apart from the CLI so that the same loop serves tests, library
users and (later) worker processes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .io import BadRecord, Record
from .pipeline import Coder


@dataclass
class Summary:
    """Counts of one run. read = ok + failed; every input record lands in exactly one count."""

    read: int = 0
    with_events: int = 0
    events: int = 0
    failed: int = 0

    def line(self) -> str:
        return (f"{self.read} records read, {self.with_events} with events, {self.events} events, "
                f"{self.failed} failed")


def code_records(coder: Coder, records: Iterable[Record | BadRecord], summary: Summary
                 ) -> Iterator[tuple[Record | BadRecord, list[dict]]]:
    """Code each record; yield it with its event rows (empty for bad records), updating `summary`.

    A record whose coding raises is reported as failed with the exception's message rather than
    stopping the run: one strange article must not cost the other million.
    """
    for rec in records:
        summary.read += 1
        if isinstance(rec, BadRecord):
            summary.failed += 1
            yield rec, []
            continue
        try:
            rows = [e.record(rec.id, rec.date) for e in coder.code_text(rec.text, rec.date)]
        except Exception as exc:  # noqa: BLE001 - reported per record, the run goes on
            summary.failed += 1
            yield BadRecord("", rec.line, f"record {rec.id!r}: internal error: {exc!r}"), []
            continue
        if rows:
            summary.with_events += 1
            summary.events += len(rows)
        yield rec, rows
