"""Sentences and tokens keep their spans in the original text."""

import pytest

from coder.text.normalize import normalize
from coder.text.segment import sentences


def spans(text):
    return [text[s.start:s.end] for s in sentences(text)]


def test_arabic_and_latin_sentence_ends():
    text = "اعتقلت الشرطة رجلا. وقتل آخر! هل انتهى؟ نعم\nسطر جديد"
    assert spans(text) == ["اعتقلت الشرطة رجلا.", "وقتل آخر!", "هل انتهى؟", "نعم", "سطر جديد"]


def test_decimal_numbers_do_not_end_sentences():
    text = "بلغ النمو 3.5 في المئة و٣٫٥ أيضا."
    assert len(sentences(text)) == 1
    assert sentences(text)[0].norms[2] == "3.5"
    assert sentences("دفع 1,000 دولار، ثم")[0].norms[1] == "1,000"


def test_initials_do_not_end_sentences():
    assert len(sentences("وقال د. محمد إن أ. ف. ب نقلت الخبر.")) == 1


def test_token_offsets_point_into_original_text():
    text = "\u200fوبالاعتقالِ ، قُتِلَ خمسةٌ"
    (s,) = sentences(text)
    assert s.norms == ["وبالاعتقال", "قتل", "خمسه"]
    assert [normalize(text[a:b]) for a, b in s.spans] == s.norms
    assert text[s.start:s.end] == "وبالاعتقالِ ، قُتِلَ خمسةٌ"


def test_clause_breaks_number_clauses():
    (s,) = sentences("قال الوزير، ثم الشرطة؛ اعتقلت: رجلا - ثم")
    assert s.clauses == [0, 0, 1, 1, 2, 3, 4]


def test_empty_and_punctuation_only():
    assert sentences("") == []
    assert sentences("... ، ؟ !") == []
    assert sentences("\u064b\u064c") == []


def test_a_time_aside_between_commas_does_not_break_the_clause():
    s = sentences("وافق مجلس الأمن، اليوم (الاثنين)، على الاتفاق")[0]
    assert len(set(s.clauses)) == 1
    s = sentences("قال الوزير، أمس، إن الوضع هادئ")[0]
    assert len(set(s.clauses)) == 1
    s = sentences("وصل الوزير، وقال إن الوضع هادئ")[0]  # a real second clause
    assert len(set(s.clauses)) == 2
    s = sentences("قتل رجل؛ أمس؛ في بغداد")[0]  # only commas set off an aside
    assert len(set(s.clauses)) == 3


def test_a_complement_after_a_comma_continues_its_verb():
    s = sentences("وأعلنت وزارة الداخلية، أن الشرطة اعتقلت رجلا")[0]
    assert len(set(s.clauses)) == 1
    s = sentences("أكد فلان، وزير الخارجية، أن الوضع هادئ")[0]  # an apposition on the way
    assert len(set(s.clauses)) == 1
    s = sentences("أكد فلان، وهو وزير الخارجية في الحكومة الجديدة منذ عامين، أن الوضع هادئ")[0]
    assert len(set(s.clauses)) == 2  # too long for an apposition
    s = sentences("قال الوزير؛ إن الوضع هادئ")[0]  # only after a comma
    assert len(set(s.clauses)) == 2


def test_a_title_in_apposition_between_commas_does_not_break_the_clause():
    s = sentences("دعا فلان، وزير الثقافة، إلى الحوار")[0]
    assert len(set(s.clauses)) == 1
    s = sentences("دعا فلان، وهو من أبرز الكتاب في البلاد، إلى الحوار")[0]  # not a title
    assert len(set(s.clauses)) == 3


@pytest.mark.parametrize("text", [
    "انفجرت سيارة مفخخة في بغداد، أسفرت عن مقتل خمسة",
    "ضربة جوية أميركية في شمال العراق، أدت الى مقتل ثمانية",
    "قصف مدفعي على الحي، مما أدى إلى مقتل مدنيين",
    "هجوم على دورية، وهو ما أدى إلى مقتل جنديين",
    "كمين نصب عند الجسر، وأسفر عن مقتل ستة",
])
def test_a_result_after_a_comma_continues_the_act(text):
    assert len(set(sentences(text)[0].clauses)) == 1


def test_other_clauses_after_a_comma_stay_apart():
    s = sentences("انفجرت سيارة مفخخة في بغداد، وأعلنت الشرطة حظر التجول")[0]
    assert len(set(s.clauses)) == 2
    s = sentences("وصل الوزير إلى بغداد، ما لم يعلن من قبل")[0]  # ما, but no verb of result
    assert len(set(s.clauses)) == 2


def test_break_guard_finds_the_same_breaks():
    """The lookahead in front of _BREAK only lets the engine skip characters no break starts with."""
    import random
    import re

    from coder.text import segment

    plain = re.compile(segment._BREAK.pattern.split("(?:", 1)[1][:-1])
    pieces = ["قتل", "3", "٣", ".", ",", "،", "؛", ";", ":", "!", "?", "؟", "…", "۔", "\n", " ", " - ", " – ",
              "—", "a", "_", "\t", "1.5", "2,000"]
    rng = random.Random(6)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert [m.span() for m in segment._BREAK.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_spans_leave_out_words_that_normalise_to_nothing():
    text = "قال ـ الوزير ًّ اليوم"
    s = sentences(text)[0]
    assert s.norms == ["قال", "الوزير", "اليوم"]
    assert [text[a:b] for a, b in s.spans] == ["قال", "الوزير", "اليوم"]
