"""Record -> events: the one place where the layers are wired together.

text -> sentences and tokens -> per-token lexeme analyses -> actor mentions -> rule matches
-> overlap resolution -> negation -> events. Nothing here knows about files or the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass

from .actors import Mention, find_mentions
from .events import Event, make_event, negation
from .match import Match, find_matches, select
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

    def analyse_sentence(self, text: str, sentence: Sentence, date: str | None = None) -> SentenceAnalysis:
        rs = self.ruleset
        analyse = self._analyse
        tokens = sentence.tokens
        analyses = tuple(analyse(t.norm) for t in tokens)
        clauses = [t.clause for t in tokens]
        mentions = find_mentions(rs.actors, analyses, clauses, date)
        matches = find_matches(rs, clauses, analyses, mentions)
        kept = select(matches) if matches else []
        events, negated = [], []
        for m in kept:
            if m.rule.code == NO_EVENT:
                continue
            neg = negation(m, tokens, analyses, rs.negators)
            if neg:
                negated.append((m, neg))
            else:
                events.append(make_event(text, sentence, m, analyses, mentions, rs.reporting, analyse))
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
