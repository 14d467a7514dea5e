"""Orthographic normalisation of Arabic, applied identically to rule words and to text.

Arabic news spells the same word many ways: with or without short vowels (tashkeel), with
tatweel stretching (اعتقـــال), with hamza on or off the alef (إنزال / انزال), with final yeh or
alef maqsura (قتلى / قتلي), with teh marbuta or heh (عملية / عمليه), with presentation-form
ligatures copied out of PDFs, with invisible bidi and zero-width marks, and with Arabic-Indic
digits. Matching on the normalised form makes all of these one word.

Normalisation is applied to single tokens (the segmenter keeps each token's span in the
original text), so offsets never depend on it.
"""

from __future__ import annotations

import unicodedata

# Characters removed outright: tashkeel and Quranic marks, the superscript alef, tatweel,
# bidi controls and zero-width characters.
_DROP = (
    [chr(c) for c in range(0x064B, 0x0660)]  # fathatan .. wavy hamza below
    + [chr(c) for c in range(0x0610, 0x061B)]  # honorific and Quranic signs
    + [chr(c) for c in range(0x06D6, 0x06EE)]  # Quranic annotation marks
    + ["\u0670", "\u0640"]  # superscript alef, tatweel
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u061c"]
    + [chr(c) for c in range(0x202A, 0x202F)]  # LRE .. RLO
    + [chr(c) for c in range(0x2066, 0x206A)]  # LRI .. PDI
)

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه",
    "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ڪ": "ك",
}
_MAP.update({chr(0x0660 + i): str(i) for i in range(10)})  # Arabic-Indic digits
_MAP.update({chr(0x06F0 + i): str(i) for i in range(10)})  # Persian digits

_TABLE = str.maketrans({**{c: None for c in _DROP}, **_MAP})


def normalize(text: str) -> str:
    """Return the matching form of `text`: NFKC, marks dropped, letters unified, lower-cased.

    NFKC first, so that presentation forms (ﻻ, ﺍﻟ…) and decomposed hamza become ordinary
    letters before the letter map runs.
    """
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).translate(_TABLE).lower()


def strip_marks(text: str) -> str:
    """Remove only the characters `normalize` drops (diacritics, tatweel, invisible marks).

    Used by tests and tooling that want to compare texts without unifying letters.
    """
    return text.translate(str.maketrans({c: None for c in _DROP}))
