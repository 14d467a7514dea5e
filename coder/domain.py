"""Sentences from the sports pages report no political events.

Newspapers run sport beside politics, in the same verbs: a coach "criticises" the referee, a club
"rejects" an offer, "negotiates" with a player, a team "visits" its rival. A sentence with two or
more words only sport uses (ملعب، مباراة، لاعب، الدوري، المنتخب، كرة…) codes none of those. A
riot of fans, the arrest of a player and violence at a stadium are news all the same: protests,
coercion and violence (roots 14, 17–20) are kept.
"""

from __future__ import annotations

from .match import Match
from .text.normalize import normalize
from .text.segment import Sentence

# Words of the game, without the article. Left out as they have a political sense too: هدف
# (a target), فريق (a general), الحكم (a ruling), الجولة (a round of talks), تصفيات (killings),
# بطولة (heroism), مدرب (a military trainer), نادي (نادي الأسير الفلسطيني).
SPORT_WORDS = frozenset(normalize(w) for w in (
    "ملعب", "ملاعب", "مباراة", "مباراه", "مباريات", "لاعب", "لاعبين", "لاعبي", "لاعبو", "لاعبون", "لاعبا",
    "دوري", "منتخب", "منتخبات", "أندية", "اندية", "كرة", "مرمى", "الشوط", "شوط", "ركلة", "ركلات",
    "تسديدة", "فيفا", "يويفا", "هداف", "الهداف", "ميدالية", "أولمبية", "الأولمبية",
))
SPORT_MIN = 2  # distinct words of the game that make a sentence sport
KEPT_ROOTS = ("14", "17", "18", "19", "20")
_PREFIXES = ("", "وال", "بال", "لل", "فال", "كال", "ال", "و", "ب", "ل")
# every written form (with its clitics) -> the word: one look-up per token type
_FORMS = {p + w: w for w in SPORT_WORDS for p in _PREFIXES}


def sport_words(sentence: Sentence) -> tuple[str, ...]:
    """The distinct words of the game in a sentence, when there are enough to make it sport."""
    hits = _FORMS.keys() & set(sentence.norms)
    if len(hits) < SPORT_MIN:
        return ()
    found = {_FORMS[w] for w in hits}
    return tuple(sorted(found)) if len(found) >= SPORT_MIN else ()


def off_topic(match: Match, sport: tuple[str, ...]) -> str | None:
    """Why a match in a sentence about sport is not a political event, or None."""
    if not sport or match.rule.code[:2] in KEPT_ROOTS:
        return None
    return "sport: " + "، ".join(sport)
