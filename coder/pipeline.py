"""Record -> events: the one place where the layers are wired together.

text -> sentences and tokens -> per-token lexeme analyses -> actor mentions -> rule matches
-> overlap resolution -> negation -> events. Nothing here knows about files or the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass

from .actors import Mention, find_mentions, phrases_starting
from .events import Event, make_event, negation
from .match import Match, candidates, find_matches, select
from .ruleset import NO_EVENT, RuleSet
from .text.segment import Sentence, sentences


@dataclass(frozen=True, slots=True)
class SentenceAnalysis:
    """Everything the coder worked out about one sentence; `coder explain` prints it."""

    sentence: Sentence
    analyses: tuple[frozenset[int], ...]
    mentions: tuple[Mention, ...]
    matches: tuple[Match, ...]  # every match found, before overlap resolution
    kept: tuple[Match, ...]  # matches that survived overlap resolution (blocking rules included)
    negated: tuple[tuple[Match, str], ...]  # kept matches dropped by a negator, with the negator
    events: tuple[Event, ...]


class Coder:
    """Codes texts with one compiled rule set. Cheap to call; holds no per-record state."""

    def __init__(self, ruleset: RuleSet):
        self.ruleset = ruleset
        self._analyse = ruleset.lexicon.analyse
        # Per distinct analysis (one frozenset object per token type): the patterns anchored on
        # it and the actor names that may start with it. Both are computed once.
        self._anchored: dict[frozenset[int], tuple] = {}
        self._starting: dict[frozenset[int], tuple] = {}

    def _lookups(self, analyses: tuple[frozenset[int], ...]) -> tuple[list, list]:
        anchored, starting = [], []
        acache, scache = self._anchored, self._starting
        for pos, lexemes in enumerate(analyses):
            if not lexemes:
                continue
            pats = acache.get(lexemes)
            if pats is None:
                pats = acache[lexemes] = candidates(self.ruleset.index, lexemes)
            if pats:
                anchored.append((pos, pats))
            names = scache.get(lexemes)
            if names is None:
                names = scache[lexemes] = phrases_starting(self.ruleset.actors, lexemes)
            if names:
                starting.append((pos, names))
        return anchored, starting

    def analyse_sentence(self, text: str, sentence: Sentence, date: str | None = None) -> SentenceAnalysis:
        rs = self.ruleset
        analyses = self.ruleset.lexicon.analyse_all(sentence.norms)
        clauses = sentence.clauses
        anchored, starting = self._lookups(analyses) if any(analyses) else ((), ())
        mentions = find_mentions(starting, analyses, clauses, sentence.norms, date) if starting else []
        matches = find_matches(anchored, clauses, analyses, mentions) if anchored else []
        kept = select(matches) if matches else []
        events, negated = [], []
        for m in kept:
            if m.rule.code == NO_EVENT:
                continue
            neg = negation(m, sentence, analyses, rs.negators)
            if neg:
                negated.append((m, neg))
            else:
                events.append(make_event(text, sentence, m, analyses, mentions, rs.reporting, self._analyse))
        return SentenceAnalysis(sentence, analyses, tuple(mentions), tuple(matches), tuple(kept),
                                tuple(negated), tuple(events))

    def code_text(self, text: str, date: str | None = None) -> list[Event]:
        """All events of one record's text, in text order."""
        out: list[Event] = []
        for sentence in sentences(text):
            out.extend(self.analyse_sentence(text, sentence, date).events)
        return out

    def explain(self, text: str, date: str | None = None) -> list[SentenceAnalysis]:
        return [self.analyse_sentence(text, s, date) for s in sentences(text)]
