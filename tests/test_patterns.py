"""The pattern grammar: what parses into what, and where errors point."""

import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coder.patterns.syntax import (
    Alt,
    Exact,
    Gap,
    Optional,
    PatternSyntaxError,
    Seq,
    SetRef,
    Slot,
    Verb,
    Word,
    parse,
)


def test_words_are_normalised():
    assert parse("إنزالاً جوياً") == Seq((Word("انزالا"), Word("جويا")))


def test_verb_and_irregular_verb():
    assert parse("اعتقل~") == Seq((Verb("اعتقل", None),))
    assert parse("قال/يقول~") == Seq((Verb("قال", "يقول"),))


def test_exact_set_slot_gap():
    seq = parse("{source}? =بين ..5 &weapons {target} ..")
    assert seq.items == (Optional(Slot("source")), Exact("بين"), Gap(5), SetRef("weapons", 20), Slot("target"),
                         Gap(3))


def test_alternatives_are_sequences():
    seq = parse("(اعتقال | إلقاء القبض) على")
    assert seq.items[0] == Alt((Seq((Word("اعتقال"),)), Seq((Word("القاء"), Word("القبض")))))


def test_optional_group():
    assert parse("غارة (جوية)?").items[1] == Optional(Alt((Seq((Word("جويه"),)),)))


def test_top_level_alternatives():
    assert isinstance(parse("a | b").items[0], Alt)


@pytest.mark.parametrize(
    "pattern, column, fragment",
    [
        ("(اعتقال", 8, "ends too early"),
        ("اعتقال)", 7, "unexpected ')'"),
        ("اعتقال??", 8, "unexpected '?'"),
        ("{actor}", 1, "unknown slot"),
        ("..?", 3, "already optional"),
        ("..99", 1, "gap must be"),
        ("a | ", 5, "ends too early"),
        ("ًٌ", 1, "empty once diacritics"),
        ("اعتقال،", 1, "not a single word"),
        ("&", 1, "unexpected character"),
        ("اشتباكات بين ..3 و ..3 في", 18, "single letter"),
    ],
)
def test_errors_point_at_the_problem(pattern, column, fragment):
    with pytest.raises(PatternSyntaxError) as e:
        parse(pattern)
    assert e.value.column == column
    assert fragment in e.value.message


# -- the pattern lexer, the WORDS shortcut and the descent parser: the same nodes as lark alone ------

@functools.lru_cache(maxsize=1)
def _lark_lexer_parser():
    """The pattern parser with lark's standard contextual lexer instead of ours, and without the
    WORDS terminal: every word, bar and parenthesis a token of its own."""
    from coder.patterns import parser

    grammar = parser.grammar_text()
    shortcut = "     | WORDS        -> words\n"
    assert shortcut in grammar
    return parser._make_parser(grammar.replace(shortcut, ""), "contextual")


def _shipped_pattern_strings() -> list[str]:
    """Every pattern and set member of the shipped rules, as the loader parses them."""
    from coder.patterns import syntax
    from coder.ruleset import load_ruleset

    seen: list[str] = []
    real = syntax.parse

    def recording(text):
        seen.append(str(text))
        return real(text)

    syntax.parse = recording
    try:
        load_ruleset(use_cache=False)
    finally:
        syntax.parse = real
    return seen


def _outcome(pattern: str):
    try:
        return repr(parse(pattern))  # repr: Word's equality ignores `article`
    except PatternSyntaxError as e:
        return ("error", e.message, e.column)


def test_shipped_patterns_parse_as_with_lark_lexer(monkeypatch):

    strings = _shipped_pattern_strings()
    assert len(strings) > 1000
    ours = [_outcome(s) for s in strings]
    _lark_only(monkeypatch)
    assert [_outcome(s) for s in strings] == ours


def _lark_only(monkeypatch) -> None:
    """Parse with lark alone from now on: its contextual lexer, no WORDS, no descent parser."""
    from coder.patterns import parser

    monkeypatch.setattr(parser, "_parser", _lark_lexer_parser)
    monkeypatch.setattr(parser, "_descend", lambda pattern: None)


def test_descent_parser_reads_every_shipped_pattern():
    """Lark is only asked about patterns with errors: every shipped pattern takes the quick way."""
    from coder.patterns import parser

    assert all(parser._descend(s) is not None for s in _shipped_pattern_strings())


_PIECES = ["اعتقال", "ا", "قتل~", "قال/يقول~", "قال/~", "=بين", "=و", "&weapons", "&1x", "{source}",
           "{target}", "{x}", "..", "..3", "..13", "(", ")", "|", "?", " ", "  ", "\t", "~", "=", "/", "ًٌ",
           "اعتقال،", "آلاف", "&number", "."]


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_descent_parser_agrees_with_lark(pieces):
    """Any string of pattern pieces, well formed or not: the same nodes, or the same error."""
    pattern = "".join(pieces)
    ours = _outcome(pattern)
    with pytest.MonkeyPatch.context() as mp:
        _lark_only(mp)
        assert _outcome(pattern) == ours


@pytest.mark.parametrize("pattern", [
    "(اعتقال", "اعتقال)", "اعتقال??", "a || b", "()", "( | a)", "&", "&1x", "{source", "a ~", "=", "a = b",
    "..3..", "a. b", "a / b", "اعتقل~~", "قال/~", "(a | b))?", "?a", "| a", "a\tb", "ok ..12 ok", "{}",
    # errors inside a group that is one WORDS token
    "(اعتقال | ا)", "(قتل  |  =و)", "(قال/ي~ | قتل)", "(قتل | ًٌ)?", "x (قتل | اعتقال،)", "(a b | c\td)",
])
def test_errors_as_with_lark_lexer(pattern, monkeypatch):
    from coder.patterns import parser

    ours = _outcome(pattern)
    if isinstance(ours, tuple):  # an error: lark words it
        assert parser._descend(pattern) is None
    _lark_only(monkeypatch)
    assert _outcome(pattern) == ours
