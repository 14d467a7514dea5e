"""The CAMEO event codebook: every code of CAMEO 1.1b3 with its name, root, Goldstein value,
QuadClass and PLOVER category.

The data file (data/cameo_codes.tsv) is the project's own, compiled from the references in the
CAMEO manual, GDELT's and ICEWS's code tables and PLOVER's CAMEO mapping. QuadClass follows the
GDELT convention (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
conflict: roots 01-05, 06-09, 10-14, 15-20); `quad_class_phoenix` keeps the ICEWS/Phoenix one.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class EventCode:
    """One CAMEO event code."""

    code: str
    root: str
    level: int
    name: str
    goldstein: float
    quad_class: int
    quad_class_phoenix: int
    plover: str
    description: str


@lru_cache(maxsize=1)
def codebook() -> dict[str, EventCode]:
    """All codes, keyed by code string ("01" .. "2042")."""
    text = resources.files("coder").joinpath("data/cameo_codes.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    return {
        r["code"]: EventCode(
            code=r["code"],
            root=r["root"],
            level=int(r["level"]),
            name=r["name"],
            goldstein=float(r["goldstein"]),
            quad_class=int(r["quad_class"]),
            quad_class_phoenix=int(r["quad_class_phoenix"]),
            plover=r["plover"],
            description=r["description"],
        )
        for r in rows
    }


def lookup(code: str) -> EventCode | None:
    """The entry for `code`, or None if CAMEO has no such code."""
    return codebook().get(code)


def plover_class(code: str) -> str | None:
    """The PLOVER category of a CAMEO code as gold sets score it (ASSAULT, PROTEST, ...)."""
    entry = lookup(code)
    return entry.plover or None if entry else None
