"""Parse one pattern string into a small tree of plain, immutable nodes.

The grammar lives in grammar.lark; a lark Transformer turns its parse tree into the node
classes below. Words are normalised here, so everything after this point compares normalised
strings. Errors carry the column in the pattern, which the rule loader turns into a file
position.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import lark

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
    return Word(_single_token(raw, column), has_article_form(raw))


def _verb(raw: str, column: int) -> Verb:
    past, _, present = raw[:-1].partition("/")
    past_n = _single_token(past, column)
    present_n = _single_token(present, column + len(past) + 1) if present else None
    return Verb(past_n, present_n)


def _exact(raw: str, column: int) -> Exact:
    return Exact(_single_token(raw[1:], column + 1))


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


class _ToNodes(lark.Transformer):
    """Parse tree -> nodes. Terminal positions give columns for error messages."""

    def start(self, items):
        return items[0]

    def alt(self, items):
        return items[0] if len(items) == 1 else Alt(tuple(items))

    def seq(self, items):
        return Seq(tuple(items))

    def item(self, items):
        node = items[0]
        if len(items) == 2:
            if isinstance(node, Gap):
                raise PatternSyntaxError("a gap is already optional; remove the '?'", items[1].column)
            return Optional(node)
        return node

    def group(self, items):
        node = items[0]
        return node if isinstance(node, Alt) else Alt((node,))

    def word(self, items):
        tok = items[0]
        return _word(str(tok), tok.column)

    def verb(self, items):
        tok = items[0]
        return _verb(str(tok), tok.column)

    def exact(self, items):
        tok = items[0]
        return _exact(str(tok), tok.column)

    def words(self, items):
        """A WORDS token, `(a | b c | d~)`: the nodes "(" alt ")" gives for the same text."""
        tok = items[0]
        try:
            return _group_nodes(str(tok), self.atoms)
        except PatternSyntaxError as e:  # its column counts from the "("
            raise PatternSyntaxError(e.message, tok.column + e.column - 1) from None

    def setref(self, items):
        tok = items[0]
        return SetRef(str(tok)[1:], tok.column)

    def slot(self, items):
        tok = items[0]
        role = str(tok)[1:-1]
        if role not in ROLES:
            raise PatternSyntaxError(f"unknown slot '{{{role}}}': use {{source}} or {{target}}", tok.column)
        return Slot(role)

    def gap(self, items):
        tok = items[0]
        digits = str(tok)[2:]
        size = int(digits) if digits else DEFAULT_GAP
        if not 1 <= size <= MAX_GAP:
            raise PatternSyntaxError(f"a gap must be 1 to {MAX_GAP} tokens long", tok.column)
        return Gap(size)


class _OneLineLexer(lark.lexer.Lexer):
    """Lark's basic lexer, cut down to what a pattern needs: one line, no terminal callbacks.

    The terminals are the grammar's own, tried in the order lark's lexer tries them, as one
    regular expression; tokens carry the same type, text and column. Lark's lexers also count
    lines and run callbacks for every token, which made them a third of the time spent parsing
    the rules. The parse trees are the same (tests/test_patterns.py checks every shipped pattern).
    """

    __future_interface__ = 2  # lex(lexer_state, parser_state), text as a lark TextSlice

    def __init__(self, conf: lark.lexer.LexerConf):
        terminals = sorted(conf.terminals, key=lambda t: (-t.priority, -t.pattern.max_width,
                                                          -len(t.pattern.value), t.name))
        for literal in (t for t in terminals if isinstance(t.pattern, lark.lexer.PatternStr)):
            for other in (t for t in terminals if isinstance(t.pattern, lark.lexer.PatternRE)):
                if re.fullmatch(other.pattern.to_regexp(), literal.pattern.value):
                    # lark would tell them apart after matching (its "unless" callbacks); we do not
                    raise lark.exceptions.GrammarError(f"{other.name} also matches {literal.pattern.value!r}")
        self.ignore = frozenset(conf.ignore)
        self.allowed = {t.name for t in terminals} - self.ignore
        self.regex = re.compile("|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals))

    def lex(self, lexer_state: lark.lexer.LexerState, parser_state) -> Iterator[lark.Token]:
        text, pos, end = lexer_state.text.text, lexer_state.text.start, lexer_state.text.end
        ignore, token = self.ignore, lark.Token
        for m in self.regex.finditer(text, pos, end):
            start = m.start()
            if start != pos:
                break
            pos = m.end()
            kind = m.lastgroup
            if kind not in ignore:
                yield token(kind, m.group(), start, 1, start + 1, 1, pos + 1, pos)
        if pos < end:
            raise lark.exceptions.UnexpectedCharacters(text, pos, 1, pos + 1, allowed=self.allowed,
                                                       state=parser_state)




def _make_parser(grammar: str, lexer: str | type[lark.lexer.Lexer]) -> lark.Lark:
    """A parser of `grammar` that builds nodes (the transformer runs inside the LALR parser:
    nodes are built as rules reduce, no tree)."""
    transformer = _ToNodes()
    parser = lark.Lark(grammar, parser="lalr", lexer=lexer, maybe_placeholders=False, transformer=transformer)
    # the terminals a WORDS token is made of, in the order lark's lexer tries them
    atoms = sorted((parser.get_terminal(name) for name in _ATOMS), key=lambda t: -t.priority)
    transformer.atoms = re.compile("|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in atoms))
    return parser


def grammar_text() -> str:
    """The rule language's grammar (grammar.lark)."""
    return resources.files(__package__).joinpath("grammar.lark").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _parser() -> lark.Lark:
    return _make_parser(grammar_text(), _OneLineLexer)


def parse(pattern: str) -> Seq:
    """Parse `pattern` into a Seq of nodes, or raise PatternSyntaxError with a column."""
    if "\n" in pattern:
        raise PatternSyntaxError("a pattern is one line", pattern.index("\n") + 1)
    try:
        node = _parser().parse(pattern)
    except lark.exceptions.UnexpectedCharacters as e:
        raise PatternSyntaxError(f"unexpected character '{pattern[e.pos_in_stream]}'", e.column) from None
    except lark.exceptions.UnexpectedEOF:
        raise PatternSyntaxError("the pattern ends too early (an unclosed '(' or a trailing '|'?)",
                                 len(pattern) + 1) from None
    except lark.exceptions.UnexpectedToken as e:
        if e.token.type == "$END":
            raise PatternSyntaxError("the pattern ends too early (an unclosed '(' or a trailing '|'?)",
                                     len(pattern) + 1) from None
        else:
            what, col = f"'{e.token}'", e.column
        raise PatternSyntaxError(f"unexpected {what}", col) from None
    return node if isinstance(node, Seq) else Seq((node,))
