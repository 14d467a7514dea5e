"""Normalisation: every spelling variant of a word meets in one matching form."""

import pytest

from coder.text.normalize import normalize, strip_marks


@pytest.mark.parametrize(
    "variant, base",
    [
        ("إنزالاً", "انزالا"),  # hamza below, tanween
        ("أعلن", "اعلن"),
        ("آلاف", "الاف"),
        ("ٱلقوات", "القوات"),  # alef wasla
        ("قتلى", "قتلي"),  # alef maqsura
        ("عملية", "عمليه"),  # teh marbuta
        ("مسؤول", "مسوول"),  # waw hamza
        ("رئيس", "رييس"),  # yeh hamza
        ("اعتـــقال", "اعتقال"),  # tatweel
        ("اِعْتِقَالٌ", "اعتقال"),  # full tashkeel
        ("اع\u200fتقال", "اعتقال"),  # RLM inside a word
        ("اع\u200cتقال", "اعتقال"),  # ZWNJ
        ("\ufefbجئ", "لاجي"),  # lam-alef ligature presentation form
        ("١٩٨٤", "1984"),  # Arabic-Indic digits
        ("۲۰۲۵", "2025"),  # Persian digits
        ("ﺍﻟﻘﻮﺍﺕ", "القوات"),  # presentation forms
        ("NATO", "nato"),
    ],
)
def test_variants_meet(variant, base):
    assert normalize(variant) == base


def test_only_marks_normalise_to_nothing():
    assert normalize("\u064b\u0640\u200f") == ""


def test_strip_marks_keeps_letters():
    assert strip_marks("إِنْزَالاً") == "إنزالا"


def test_lookalikes_stay_apart():
    assert normalize("حماة") != normalize("حماية")
    assert normalize("قتال") != normalize("قتل")
