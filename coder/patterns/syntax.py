"""Parse one pattern string into a small tree of plain, immutable nodes.

The grammar lives in grammar.lark; the parser (parser.py: lark, and a recursive-descent reader)
turns a pattern into the node classes below. Words are normalised here, so everything after
this point compares normalised strings. Errors carry the column in the pattern, which the rule
loader turns into a file position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..text.normalize import normalize
from ..text.segment import is_single_token

DEFAULT_GAP = 3
MAX_GAP = 12
ROLES = ("source", "target")


@dataclass(frozen=True, slots=True)
class Word:
    """A noun or adjective (`اعتقال`), matched with clitics and inflection. `article` is False
    for a word whose ال is not the article once normalised (آلاف → الاف)."""

    text: str
    article: bool = field(default=True, compare=False)


@dataclass(frozen=True, slots=True)
class Verb:
    """A verb (`اعتقل~`, `قال/يقول~`), matched in all its conjugations."""

    past: str
    present: str | None


@dataclass(frozen=True, slots=True)
class Exact:
    """A token that must appear exactly, without clitics (`=بين`)."""

    text: str


@dataclass(frozen=True, slots=True)
class Number:
    """Any number written in digits (12، 230، 1,500، ٣٫٥): the built-in word set `&number`."""


@dataclass(frozen=True, slots=True)
class SetRef:
    """A reference to a named word set (`&weapons`)."""

    name: str
    column: int


@dataclass(frozen=True, slots=True)
class Slot:
    """An actor mention bound to `role` (source or target)."""

    role: str


@dataclass(frozen=True, slots=True)
class Gap:
    """Up to `size` arbitrary tokens."""

    size: int


@dataclass(frozen=True, slots=True)
class Optional:
    """An element that may be absent."""

    item: Node


@dataclass(frozen=True, slots=True)
class Seq:
    """Elements in order."""

    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Alt:
    """One of several sequences."""

    branches: tuple[Seq, ...]


Node = Word | Verb | Exact | Number | SetRef | Slot | Gap | Optional | Seq | Alt


class PatternSyntaxError(ValueError):
    """A pattern that does not parse, or a word that cannot be a token; `column` is 1-based."""

    def __init__(self, message: str, column: int):
        super().__init__(message)
        self.message = message
        self.column = column


def _single_token(raw: str, column: int) -> str:
    """Normalise a rule word and check that the text segmenter would see it as one token."""
    norm, problem = _check_word(raw)
    if problem:
        raise PatternSyntaxError(problem, column)
    return norm


@lru_cache(maxsize=1 << 16)
def _check_word(raw: str) -> tuple[str, str]:
    """A rule word's normal form, and what is wrong with it ('' if nothing). Memoised: the same
    words recur in thousands of patterns, and this is most of the cost of a word node."""
    norm = normalize(raw)
    if not norm:
        return norm, f"'{raw}' is empty once diacritics and tatweel are removed"
    if not is_single_token(raw):
        return norm, f"'{raw}' is not a single word token; separate words with spaces"
    if len(norm) == 1 and "\u0621" <= norm <= "\u064a":
        return norm, (f"'{raw}' is a single letter: in Arabic text a one-letter clitic (و ب ل ف ك) is "
                      "written onto the next word, and the coder already strips it; match that word")
    return norm, ""


def has_article_form(raw: str) -> bool:
    """Whether a word's leading ال may be the article: not when it was written آل/أل/إل."""
    return raw.lstrip("\u0640")[:1] not in ("آ", "أ", "إ")


def _word(raw: str, column: int) -> Word:
    return _word_node(raw) or Word(_single_token(raw, column), has_article_form(raw))


def _verb(raw: str, column: int) -> Verb:
    node = _verb_node(raw)
    if node is not None:
        return node
    past, _, present = raw[:-1].partition("/")
    past_n = _single_token(past, column)
    present_n = _single_token(present, column + len(past) + 1) if present else None
    return Verb(past_n, present_n)


def _exact(raw: str, column: int) -> Exact:
    return _exact_node(raw) or Exact(_single_token(raw[1:], column + 1))


# The node of each distinct word, verb and exact token, built once: the same words recur in
# thousands of patterns, and a frozen dataclass is slow to build. None when the word has a
# problem: the functions above then report it with its column. Nodes are values (compared and
# compiled by value), so sharing one object between patterns changes nothing.
@lru_cache(maxsize=1 << 16)
def _word_node(raw: str) -> Word | None:
    norm, problem = _check_word(raw)
    return None if problem else Word(norm, has_article_form(raw))


@lru_cache(maxsize=1 << 16)
def _verb_node(raw: str) -> Verb | None:
    past, _, present = raw[:-1].partition("/")
    past_n, problem = _check_word(past)
    if problem:
        return None
    if not present:
        return Verb(past_n, None)
    present_n, problem = _check_word(present)
    return None if problem else Verb(past_n, present_n)


@lru_cache(maxsize=1 << 16)
def _exact_node(raw: str) -> Exact | None:
    norm, problem = _check_word(raw[1:])
    return None if problem else Exact(norm)


_ATOMS = {"VERB": _verb, "EXACT": _exact, "WORD": _word}  # terminal -> its node
_ATOM_SPAN = re.compile(r"[^ \t]+")  # the atoms of one branch of a WORDS token


@lru_cache(maxsize=1 << 14)
def _group_nodes(text: str, atoms: re.Pattern) -> Alt:
    """The nodes of a WORDS token's text, `(a | b c | d~)`, as "(" alt ")" would give them.

    `atoms` is the grammar's VERB, EXACT and WORD terminals as one expression, in the order
    lark's lexer tries them: each atom is told apart as the lexer would, and built by the same
    function as when it is a token of its own, so nodes and errors are the same either way
    (columns count from the "("). Memoised: the same groups recur across rule files.
    """
    quick = _group_quick(text)
    if quick is not None:
        return quick
    branches = []
    start = 2  # the column after "("
    for part in text[1:-1].split("|"):
        nodes = []
        for m in _ATOM_SPAN.finditer(part):
            kind = atoms.fullmatch(m.group()).lastgroup
            nodes.append(_ATOMS[kind](m.group(), start + m.start()))
        branches.append(Seq(tuple(nodes)))
        start += len(part) + 1
    return Alt(tuple(branches))


def _group_quick(text: str) -> Alt | None:
    """`_group_nodes` for a group whose words are all well formed, or None.

    Inside a WORDS token an atom ending in ~ can only be a VERB, one starting with = only an
    EXACT, and any other a WORD (each terminal excludes the others' marks), and atoms are
    separated by blanks: no expression or column is needed until a word has a problem.
    """
    branches = []
    for part in text[1:-1].split("|"):
        nodes = []
        for raw in part.split():
            node = _verb_node(raw) if raw[-1] == "~" else _exact_node(raw) if raw[0] == "=" else _word_node(raw)
            if node is None:
                return None
            nodes.append(node)
        branches.append(Seq(tuple(nodes)))
    return Alt(tuple(branches))


def parse(pattern: str) -> Seq:
    """Parse `pattern` into a Seq of nodes, or raise PatternSyntaxError with a column.

    The parser (and lark with it) is imported on first use: a rule set loaded from the cache is
    made of these nodes but parses nothing, and `coder code` starts without lark's import."""
    from .parser import parse as parse_pattern

    return parse_pattern(pattern)
