"""Arabic morphology for matching: inflect rule words at compile time, strip clitics at run time.

Stemming merges words of different events (قتال fighting and قتل killing share a root), so the
coder never stems. Instead each rule word is expanded, when the rules are compiled, into the
surface forms it can take without its proclitics: a noun into its dual, sound plurals,
accusative tanween, feminine and construct forms with pronoun suffixes; a verb into its past and
present conjugations with object pronouns. At run time a text token is split into proclitics
(و ف ب ك ل ال س) and a remainder, and the remainder is looked up among those forms. A word
matches only what the author's word can inflect into, so look-alikes stay apart (حماة / حماية).

All strings here are already normalised (see normalize.py): ة is ه, ى is ي, hamza seats are
plain letters, and there are no diacritics.
"""

from __future__ import annotations

from enum import IntFlag


class Kind(IntFlag):
    """What a rule word is, which decides the proclitics it accepts."""

    NOUN = 1  # nouns and adjectives: و ف ب ك ل and the article
    DEF = 2  # a noun the author wrote with the article: only matches with it
    VERB = 4  # verbs: و ف ل and the future س


_PLAIN = Kind.NOUN | Kind.VERB
_ARTICLE = Kind.NOUN | Kind.DEF

# Proclitic clusters (normalised) and the kinds of word they may stand before.
PROCLITICS: dict[str, Kind] = {
    "": _PLAIN,
    "و": _PLAIN, "ف": _PLAIN,
    "ل": _PLAIN, "ول": _PLAIN, "فل": _PLAIN,
    "ب": Kind.NOUN, "ك": Kind.NOUN, "وب": Kind.NOUN, "فب": Kind.NOUN, "وك": Kind.NOUN, "فك": Kind.NOUN,
    "ال": _ARTICLE, "وال": _ARTICLE, "فال": _ARTICLE, "بال": _ARTICLE, "كال": _ARTICLE,
    "وبال": _ARTICLE, "فبال": _ARTICLE, "وكال": _ARTICLE, "فكال": _ARTICLE,
    "لل": _ARTICLE, "ولل": _ARTICLE, "فلل": _ARTICLE,
    "س": Kind.VERB, "وس": Kind.VERB, "فس": Kind.VERB,
}
_BY_LENGTH = sorted(PROCLITICS.items(), key=lambda kv: len(kv[0]))
MIN_STEM = 2  # a remainder shorter than this is never a word

# Pronoun suffixes. The first-person ي is left out on purpose: after ى → ي it would turn
# قتلى (the dead) into قتل+ي, and news text almost never says "my".
NOUN_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا")
OBJECT_PRONOUNS = ("", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "ني", "نا")
PRESENT_PREFIXES = ("ي", "ت", "ن", "ا")


def proclitic_splits(token: str) -> list[tuple[Kind, str]]:
    """Every (allowed kinds, remainder) reading of `token` as proclitics + word."""
    out = []
    for prefix, kinds in _BY_LENGTH:
        if len(token) - len(prefix) < MIN_STEM:
            break
        if token.startswith(prefix):
            out.append((kinds, token[len(prefix):]))
    return out


def noun_forms(word: str) -> set[str]:
    """Surface forms (without proclitics) of a noun or adjective written in its base form.

    Covers: accusative tanween (إنزالاً → انزالا), feminine (جوي → جويه), sound plurals and
    duals in all cases (ات ون ين ان, construct ي), pronoun suffixes, and the construct t of
    teh marbuta (عملية → عمليته). Broken plurals are words of their own.
    """
    forms = {word}
    if word.endswith("ه") and len(word) > 2:  # teh marbuta
        stem = word[:-1]
        forms |= {stem + "ات", stem + "تان", stem + "تين", stem + "تا", stem + "تي"}
        for p in NOUN_PRONOUNS:
            forms |= {stem + "ت" + p, stem + "ات" + p, stem + "تا" + p, stem + "تي" + p}
        return forms
    for s in ("ا", "ه", "ات", "ان", "ين", "ون", "ي", "تان", "تين"):
        forms.add(word + s)
    for p in NOUN_PRONOUNS:
        forms |= {word + p, word + "ات" + p, word + "ي" + p, word + "ت" + p}
    if word.endswith("ء"):  # hamza on a seat before a suffix: اعتداؤه, اعتدائه
        stem = word[:-1]
        for p in NOUN_PRONOUNS:
            forms |= {stem + "و" + p, stem + "ي" + p}
    return forms


def present_stem(past: str, present: str | None = None) -> str:
    """The stem of the present tense: from the author's present form, or derived from the past.

    Forms IV, VII, VIII and X (أعلن, انفجر, اعتقل, استهدف) drop their initial alef in the
    present (يعلن, ينفجر, يعتقل, يستهدف); the other regular forms keep the past stem.
    Hollow and defective verbs need the author to give the present form (قال/يقول~).
    """
    if present:
        return present[1:] if present[0] in PRESENT_PREFIXES and len(present) > 2 else present
    if past.startswith("ا") and len(past) >= 4:
        return past[1:]
    return past


def verb_forms(past: str, present: str | None = None) -> set[str]:
    """Surface forms (without proclitics) of a verb: past and present conjugations, object pronouns.

    Unvowelled Arabic writes the passive like the active (قُتل = قتل), so passives come free.
    """
    forms: set[str] = set()
    weak_past = past[-1] in "يا" and len(past) > 2  # ألقى → القي: القت، القوا
    for obj in OBJECT_PRONOUNS:
        for suffix in ("", "ت", "تا", "ا", "ن", "نا", "تم", "تن"):
            forms.add(past + suffix + obj)
        forms.add(past + ("وا" if not obj else "و" + obj))
        if weak_past:
            base = past[:-1]
            forms |= {base + "ت" + obj, base + "تا" + obj, base + ("وا" if not obj else "و" + obj)}
            if past.endswith("ا"):  # دعا: دعوت، دعونا
                forms |= {base + "وت" + obj, base + "ونا" + obj}
    stem = present_stem(past, present)
    weak_present = stem[-1] in "يوا" and len(stem) > 2  # يلقي، يدعو
    for prefix in PRESENT_PREFIXES:
        for obj in OBJECT_PRONOUNS:
            for suffix in ("", "ون", "ان", "ين", "ن", "ا"):
                forms.add(prefix + stem + suffix + obj)
            forms.add(prefix + stem + ("وا" if not obj else "و" + obj))
            if weak_present:
                base = stem[:-1]
                for suffix in ("ون", "ين", "ا"):
                    forms.add(prefix + base + suffix + obj)
                forms.add(prefix + base + ("وا" if not obj else "و" + obj))
    return forms
