"""The pattern parser: grammar.lark read by lark, with a one-line lexer and a recursive-descent
reader for the well-formed patterns (see `_Descent`). Kept apart from the nodes (syntax.py)
so that loading a compiled rule set from the cache does not import lark.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

import lark

from .syntax import (
    _ATOMS,
    DEFAULT_GAP,
    MAX_GAP,
    ROLES,
    Alt,
    Gap,
    Node,
    Optional,
    PatternSyntaxError,
    Seq,
    SetRef,
    Slot,
    _exact,
    _group_nodes,
    _verb,
    _word,
)


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


_ONE_LINE_PARSER = _parser  # what the descent parser is built from, even while a test swaps `_parser`


class _Fallback(Exception):
    """The descent parser met something it does not vouch for: lark decides (and words the error)."""


class _Descent:
    """A recursive-descent reading of grammar.lark for patterns that parse, without lark.

    Lark's LALR machinery (a parser state, a token object and a callback per step) was most of
    the time spent parsing the rules, a third of a cold load. The grammar is small and LL(1):
    `alt: seq ("|" seq)*`, `seq: item+`, `item: atom "?"?`, an atom being a terminal or
    `"(" alt ")"`. This reads the same tokens (the one-line lexer's expression) and builds the
    same nodes with the same functions as `_ToNodes`, in the same order. It never reports an
    error itself: at the first thing that is not a well-formed pattern, or when a node function
    raises, it gives up and `parse` asks lark, so errors and their columns are lark's, and lark
    stays the definition (tests compare both on every shipped pattern and on random strings).
    """

    def __init__(self, parser: lark.Lark) -> None:
        lexer = _OneLineLexer(parser.lexer_conf)
        self.regex, self.ignore = lexer.regex, lexer.ignore
        self.atoms = parser.options.transformer.atoms
        names = {t.pattern.value: t.name for t in parser.terminals if isinstance(t.pattern, lark.lexer.PatternStr)}
        self.open, self.close, self.bar = names["("], names[")"], names["|"]
        self.optional = "OPTIONAL"
        self.leaves = {"VERB": _verb, "EXACT": _exact, "WORD": _word}

    def parse(self, pattern: str) -> Seq | None:
        """The nodes of `pattern`, or None when lark must decide (an error, or anything unusual)."""
        ignore = self.ignore
        tokens: list[tuple[str, str, int]] = []
        pos = 0
        for m in self.regex.finditer(pattern):
            if m.start() != pos:
                return None
            pos = m.end()
            if m.lastgroup not in ignore:
                tokens.append((m.lastgroup, m.group(), m.start() + 1))
        if pos != len(pattern) or not tokens:
            return None
        tokens.append(("$END", "", 0))
        self.tokens, self.i = tokens, 0
        try:
            node = self.alt()
            if self.tokens[self.i][0] != "$END":
                return None
        except (_Fallback, PatternSyntaxError):
            return None
        finally:
            self.tokens = []
        return node if isinstance(node, Seq) else Seq((node,))

    def alt(self) -> Seq | Alt:
        seqs = [self.seq()]
        while self.tokens[self.i][0] == self.bar:
            self.i += 1
            seqs.append(self.seq())
        return seqs[0] if len(seqs) == 1 else Alt(tuple(seqs))

    def seq(self) -> Seq:
        items = []
        tokens, optional = self.tokens, self.optional
        while True:
            kind, text, column = tokens[self.i]
            if kind == self.close or kind == self.bar or kind == "$END":
                break
            self.i += 1
            node = self.atom(kind, text, column)
            if tokens[self.i][0] == optional:
                if isinstance(node, Gap):
                    raise _Fallback
                self.i += 1
                node = Optional(node)
            items.append(node)
        if not items:
            raise _Fallback
        return Seq(tuple(items))

    def atom(self, kind: str, text: str, column: int) -> Node:
        leaf = self.leaves.get(kind)
        if leaf is not None:
            return leaf(text, column)
        if kind == "WORDS":
            return _group_nodes(text, self.atoms)
        if kind == "SETREF":
            return SetRef(text[1:], column)
        if kind == "SLOT":
            role = text[1:-1]
            if role not in ROLES:
                raise _Fallback
            return Slot(role)
        if kind == "GAP":
            size = int(text[2:]) if text[2:] else DEFAULT_GAP
            if not 1 <= size <= MAX_GAP:
                raise _Fallback
            return Gap(size)
        if kind == self.open:
            node = self.alt()
            if self.tokens[self.i][0] != self.close:
                raise _Fallback
            self.i += 1
            return node if isinstance(node, Alt) else Alt((node,))
        raise _Fallback  # a "?" or ")" where an atom must be


@lru_cache(maxsize=1)
def _descent() -> _Descent:
    return _Descent(_ONE_LINE_PARSER())


def _descend(pattern: str) -> Seq | None:
    """`pattern` read by the descent parser, or None when lark must read it."""
    return _descent().parse(pattern)


def parse(pattern: str) -> Seq:
    """Parse `pattern` into a Seq of nodes, or raise PatternSyntaxError with a column."""
    if "\n" in pattern:
        raise PatternSyntaxError("a pattern is one line", pattern.index("\n") + 1)
    node = _descend(pattern)
    if node is not None:
        return node
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
