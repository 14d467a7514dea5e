"""The pattern grammar: what parses into what, and where errors point."""

import pytest

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
