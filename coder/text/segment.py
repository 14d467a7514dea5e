"""Sentences and tokens, each with its span in the ORIGINAL text.

One regular expression walks the text once and yields words, numbers and the punctuation that
matters: sentence ends (. ! ? ؟ … and newlines) and clause breaks (، , ؛ ; : and a free-standing
dash). Matching never crosses a clause break, which keeps a gap in a pattern from reaching
into the next clause; sentence ends split the record into sentences.

A decimal number (3.5, ٣٫٥) is one token, so its point never ends a sentence; a point after a
one-letter token (the initials of أ. ف. ب or د. for doctor) does not end one either.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .normalize import normalize_token

_SCAN = regex.compile(
    r"(?P<w>\p{N}+(?:[.,٫٬]\p{N}+)+"  # numbers with a decimal or thousands separator
    r"|[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}\p{Cf}]*[\p{L}\p{M}\p{N}])?)"  # a word: letters, marks, digits
    r"|(?P<n>\n)"
    r"|(?P<e>[.!?؟…۔]+)"
    r"|(?P<c>[،,؛;:]|(?<=\s)[-–—](?=\s))"
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word token: its span in the original text, its normalised form, and its clause number."""

    start: int
    end: int
    norm: str
    clause: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its span in the original text and its tokens (words and numbers only)."""

    start: int
    end: int
    tokens: tuple[Token, ...]


def sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences of tokens. Tokens that normalise to nothing are dropped."""
    out: list[Sentence] = []
    toks: list[Token] = []
    clause = 0
    sent_start = -1
    last_end = 0
    for m in _SCAN.finditer(text):
        kind = m.lastgroup
        if kind == "w":
            norm = normalize_token(m.group())
            if not norm:
                continue
            if sent_start < 0:
                sent_start = m.start()
            toks.append(Token(m.start(), m.end(), norm, clause))
            last_end = m.end()
        elif kind == "c":
            clause += 1
        elif toks:
            if kind == "e":
                if len(toks[-1].norm) == 1 and toks[-1].end == m.start() and m.group() == ".":
                    continue  # an initial: أ. ف. ب
                last_end = m.end()
            out.append(Sentence(sent_start, last_end, tuple(toks)))
            toks = []
            sent_start = -1
            clause += 1
    if toks:
        out.append(Sentence(sent_start, last_end, tuple(toks)))
    return out
