"""Sentences and tokens keep their spans in the original text."""

from coder.text.segment import sentences


def spans(text):
    return [text[s.start:s.end] for s in sentences(text)]


def test_arabic_and_latin_sentence_ends():
    text = "اعتقلت الشرطة رجلا. وقتل آخر! هل انتهى؟ نعم\nسطر جديد"
    assert spans(text) == ["اعتقلت الشرطة رجلا.", "وقتل آخر!", "هل انتهى؟", "نعم", "سطر جديد"]


def test_decimal_numbers_do_not_end_sentences():
    text = "بلغ النمو 3.5 في المئة و٣٫٥ أيضا."
    assert len(sentences(text)) == 1
    assert [t.norm for t in sentences(text)[0].tokens][2] == "3.5"


def test_initials_do_not_end_sentences():
    assert len(sentences("وقال د. محمد إن أ. ف. ب نقلت الخبر.")) == 1


def test_token_offsets_point_into_original_text():
    text = "\u200fوبالاعتقالِ ، قُتِلَ خمسةٌ"
    for s in sentences(text):
        for t in s.tokens:
            original = text[t.start:t.end]
            assert original.strip() == original
            assert t.norm in ("وبالاعتقال", "قتل", "خمسه")


def test_clause_breaks_number_clauses():
    toks = sentences("قال الوزير، إن الشرطة؛ اعتقلت: رجلا")[0].tokens
    assert [t.clause for t in toks] == [0, 0, 1, 1, 2, 3]


def test_empty_and_punctuation_only():
    assert sentences("") == []
    assert sentences("... ، ؟ !") == []
    assert sentences("\u064b\u064c") == []
