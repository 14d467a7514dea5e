"""Matches that tell what will or may happen, not what happened.

A verb with the future prefix (سيقتل، ستقصف، وسيعتقلون) or after سوف reports a plan or a
prediction; قد before a present verb (قد يقتل، قد تقصف) a possibility, where قد before a past
verb (قد قتل) stresses that it did happen. Neither is an event to count. Roots whose very
meaning is a statement about the future keep them: statements (01), appeals (02), intentions
(03), demands (10) and threats (13), whose rules are written for سيرد and its kind.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import Lexicon
from .match import Match
from .text.normalize import normalize
from .text.segment import Sentence

FUTURE_ROOTS_KEPT = ("01", "02", "03", "10", "13")
FUTURE_PARTICLES = frozenset(normalize(w) for w in ("سوف", "وسوف", "فسوف", "لسوف"))
POSSIBILITY = frozenset(normalize(w) for w in ("قد", "وقد", "فقد", "لقد"))
PRESENT_PREFIXES = "يتن"


def _bare(token: str) -> str:
    """The token without a leading conjunction و/ف."""
    return token[1:] if token[:1] in "وف" and len(token) > 3 else token


def _past(word: str, verbs: frozenset[int], lexicon: Lexicon) -> bool:
    """Whether `word` is written on the past stem of one of `verbs` (نفذت، تبنى، يئسوا): a
    present prefix letter that belongs to the root."""
    for lid in verbs:
        key = lexicon.keys[lid]
        if key[0] == "verb" and word.startswith(normalize(key[1])):
            return True
    return False


def unreal(match: Match, sentence: Sentence, analyses: Sequence[frozenset[int]], lexicon: Lexicon) -> str | None:
    """Why the match tells a future or a possible act ("سيقتل", "قد يقتل"), or None."""
    if match.rule.code[:2] in FUTURE_ROOTS_KEPT:
        return None
    ts, norms = match.trigger_start, sentence.norms
    verbs = match.pattern.verbs & analyses[ts]
    if not verbs:
        return None  # the trigger does not open with one of the pattern's verbs
    word = _bare(norms[ts])
    if word[:1] == "س" and word[1:2] in PRESENT_PREFIXES and not verbs.isdisjoint(lexicon.analyse(word[1:])) \
            and not _past(word, verbs, lexicon):
        return norms[ts]  # سيقتل: the same verb without its future prefix
    before = norms[ts - 1] if ts > 0 else ""
    if before in FUTURE_PARTICLES:
        return before
    if before in POSSIBILITY and before != "لقد" and word[:1] in PRESENT_PREFIXES and not _past(word, verbs, lexicon):
        return f"{before} {norms[ts]}"
    return None
