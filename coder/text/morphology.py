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
    CONSTRUCT = 8  # the construct plural of an agent (مسلحي داعش): و ف ب ل, never the article


_PLAIN = Kind.NOUN | Kind.VERB | Kind.CONSTRUCT
_ARTICLE = Kind.NOUN | Kind.DEF
_PREPOSED = Kind.NOUN | Kind.CONSTRUCT

# Proclitic clusters (normalised) and the kinds of word they may stand before.
PROCLITICS: dict[str, Kind] = {
    "": _PLAIN,
    "و": _PLAIN, "ف": _PLAIN,
    "ل": _PLAIN, "ول": _PLAIN, "فل": _PLAIN,
    # ك (like) only with the article: bare, it turns كاميرون into ك + اميرون
    "ب": _PREPOSED, "وب": _PREPOSED, "فب": _PREPOSED,
    "ال": _ARTICLE, "وال": _ARTICLE, "فال": _ARTICLE, "بال": _ARTICLE, "كال": _ARTICLE,
    "وبال": _ARTICLE, "فبال": _ARTICLE, "وكال": _ARTICLE, "فكال": _ARTICLE,
    "لل": _ARTICLE, "ولل": _ARTICLE, "فلل": _ARTICLE,
    "س": Kind.VERB, "وس": Kind.VERB, "فس": Kind.VERB,
}
_LENGTHS = sorted({len(p) for p in PROCLITICS})
_MASKS = {prefix: int(kinds) for prefix, kinds in PROCLITICS.items()}  # plain ints: & on an IntFlag runs Python code
MIN_STEM = 2  # a remainder shorter than this is never a word

# Pronoun suffixes. The first-person ي is left out on purpose: after ى → ي it would turn
# قتلى (the dead) into قتل+ي, and news text almost never says "my".
NOUN_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا")
OBJECT_PRONOUNS = ("", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "ني", "نا")
# The first person singular (أ) is left out: أحدث (newest), أكبر (bigger) would read as verbs,
# and news text reports third persons.
PRESENT_PREFIXES = ("ي", "ت", "ن")
# The pronouns of the third person, longest first: whose (جنوده، قواتها) or whom (اتهمهم).
THIRD_PERSON_PRONOUNS = ("هما", "هم", "ها", "ه")


def without_conjunction(token: str) -> str:
    """A normalised token without a leading conjunction و/ف (وقتل -> قتل), where what is left can
    still be a word (فجر stays فجر: its ف is the root's)."""
    return token[1:] if token[:1] in "وف" and len(token) > 3 else token


def definite(token: str) -> bool:
    """Whether a normalised token may be read as carrying the article (المباحثات، وبالدعوة،
    للوساطة). A verb such as التقى reads so too: ask the rules whether it is a verb first."""
    return any(kinds & Kind.DEF for kinds, _ in proclitic_splits(token))


def proclitic_splits(token: str) -> list[tuple[int, str]]:
    """Every (allowed kinds, remainder) reading of `token` as proclitics + word; the kinds are a
    plain int mask of `Kind` flags (the analyser tests them for every new token type)."""
    # At most one cluster of each length can start the token: look its first n letters up
    # instead of testing every cluster (this runs for every new token type of a corpus).
    out = []
    for n in _LENGTHS:
        if len(token) - n < MIN_STEM:
            break
        kinds = _MASKS.get(token[:n])
        if kinds is not None:
            out.append((kinds, token[n:]))
    return out


def noun_parts(word: str) -> tuple[set[str], set[str]]:
    """The forms of a noun or adjective: (complete forms, hosts that take a pronoun suffix).

    Covers: accusative tanween (إنزالاً → انزالا), feminine (جوي → جويه), sound plurals and
    duals in all cases (ات ون ين ان), and the construct t of teh marbuta (عملية → عمليت+ه).
    The construct plural in ي (مسلحي داعش) is not here but in `construct_parts`: for any word
    it would also be the nisba adjective (اجتماع → اجتماعي، الدول → الدولي), so only agent nouns
    take it, and never with the article (الرئيسي is "main", not رئيس in construct).
    Broken plurals are words of their own. Pronoun suffixes are not expanded here: the
    analyser strips them from a token and looks the rest up among the hosts, which keeps the
    compiled lexicon several times smaller.
    """
    if word.endswith("ه") and len(word) > 2:  # teh marbuta
        stem = word[:-1]
        plain = {word, stem + "ات", stem + "تان", stem + "تين", stem + "تا", stem + "تي", word + "ات", word + "ا"}
        # a written ه is also a real heh (اتجاه، اتجاهها، اتجاهات): its forms are kept too
        return plain, {stem + "ت", stem + "ات", stem + "تا", stem + "تي", word, word + "ات"}
    plain = {word} | {word + s for s in ("ا", "ه", "ات", "ان", "ين", "ون", "تان", "تين")}
    hosts = {word, word + "ات", word + "ت"}
    if word.endswith("ء"):  # hamza on a seat before a suffix: اعتداؤه, اعتدائه
        hosts |= {word[:-1] + "و", word[:-1] + "ي"}
    return plain, hosts


def construct_parts(word: str) -> tuple[set[str], set[str]]:
    """The construct plural in ي of an agent noun (مسلحي داعش، مسلحيها), as (forms, hosts)."""
    if word.endswith("ه"):  # teh marbuta: no sound masculine plural
        return set(), set()
    return {word + "ي"}, {word + "ي"}


def noun_forms(word: str, construct: bool = False) -> set[str]:
    """Every surface form (without proclitics) of a noun, pronoun suffixes included."""
    plain, hosts = noun_parts(word)
    if construct:
        more, more_hosts = construct_parts(word)
        plain, hosts = plain | more, hosts | more_hosts
    return plain | {h + p for h in hosts for p in NOUN_PRONOUNS}


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


def verb_parts(past: str, present: str | None = None) -> tuple[set[str], set[str]]:
    """The forms of a verb: (complete forms, hosts that take an object pronoun).

    Past and present conjugations; unvowelled Arabic writes the passive like the active
    (قُتل = قتل), so passives come free. Before a pronoun, وا is written و (اعتقلوه).
    """
    plain: set[str] = set()
    hosts: set[str] = set()
    # (the feminine plural ن is left out: قلن is rare in news, and ايد+ن would be Eden, وعد+ن Aden).
    # A past in alef is weak (دعا: دعت، دعوت) or, once hamza is normalised, hamzated (بدأ: بدأت):
    # it keeps both sets of endings, except the dual ا.
    for suffix in ("", "ت", "تا", "نا", "تم", "تن") if past.endswith("ا") else ("", "ت", "تا", "ا", "نا", "تم", "تن"):
        plain.add(past + suffix)
        hosts.add(past + suffix)
    plain.add(past + "وا")
    hosts.add(past + "و")
    if past[-1] in "يا" and len(past) > 2:  # ألقى → القي: القت، القوا
        base = past[:-1]
        both = {base + "ت", base + "تا"} | ({base + "وت", base + "ونا"} if past.endswith("ا") else set())
        plain |= both | {base + "وا"}
        hosts |= both | {base + "و"}
    stem = present_stem(past, present)
    weak = stem[-1] in "يوا" and len(stem) > 2  # يلقي، يدعو
    for prefix in PRESENT_PREFIXES:
        for suffix in ("", "ون", "ان", "ين", "ا"):
            plain.add(prefix + stem + suffix)
            hosts.add(prefix + stem + suffix)
        plain.add(prefix + stem + "وا")
        hosts.add(prefix + stem + "و")
        if weak:
            base = prefix + stem[:-1]
            for suffix in ("ون", "ين"):  # not ا: يبد+ا would be يبدأ (begins)
                plain.add(base + suffix)
                hosts.add(base + suffix)
            plain.add(base + "وا")
            hosts.add(base + "و")
    return plain, hosts


def verb_forms(past: str, present: str | None = None) -> set[str]:
    """Every surface form (without proclitics) of a verb, object pronouns included."""
    plain, hosts = verb_parts(past, present)
    return plain | {h + p for h in hosts for p in OBJECT_PRONOUNS if p}
