"""Record -> events: the one place where the layers are wired together.

text -> sentences and tokens -> per-token lexeme analyses -> actor mentions -> rule matches
-> negation, background dates, future and possibility, sport -> overlap resolution -> events.
Nothing here knows about files or the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass

from .actors import Mention, find_mentions, phrases_starting
from .background import dated_background
from .domain import off_topic, sport_words
from .events import Event, make_event, negation, topic_only
from .match import LazyMentions, Match, candidates, find_matches, select, shortlist
from .modality import unreal
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
    negated: tuple[tuple[Match, str], ...]  # matches dropped by a negator or a past year (before overlaps), with it
    events: tuple[Event, ...]


class Coder:
    """Codes texts with one compiled rule set. Cheap to call; holds no per-record state."""

    def __init__(self, ruleset: RuleSet):
        self.ruleset = ruleset
        self._analyse = ruleset.lexicon.analyse
        # Per distinct analysis (one frozenset object for all the token types that share it):
        # the patterns anchored on it and the actor names that may start with it, computed once.
        self._anchored_cache: dict[frozenset[int], tuple] = {}
        self._starting_cache: dict[frozenset[int], tuple] = {}
        self._made: dict[tuple, object] = {}  # one Anchored per set of anchored patterns (see candidates)

    @staticmethod
    def _per_position(analyses: tuple[frozenset[int], ...], cache: dict, compute) -> list:
        """(position, compute(analysis)) for every token whose analysis gives something, with
        compute's answer cached per analysis (one frozenset object per distinct analysis).

        Nothing found is cached as () so that every known token type is one C-level look-up;
        the cached values must not define __eq__ or __bool__ in Python, which the scans below
        would call for every token.
        """
        found = list(map(cache.get, analyses))
        if None in found:  # work out the new analyses in one pass over the known answers
            for pos, (known, lexemes) in enumerate(zip(found, analyses, strict=True)):
                if known is None:
                    known = cache.get(lexemes)  # met earlier in this sentence
                    if known is None:
                        known = cache[lexemes] = (compute(lexemes) or ()) if lexemes else ()
                    found[pos] = known
        return [(pos, f) for pos, f in enumerate(found) if f]

    def _anchored(self, analyses: tuple[frozenset[int], ...]) -> list:
        """(position, patterns anchored there) for every token that anchors some pattern."""
        index, made = self.ruleset.index, self._made
        return self._per_position(analyses, self._anchored_cache, lambda ls: candidates(index, ls, made))

    def _starting(self, analyses: tuple[frozenset[int], ...]) -> list:
        """(position, actor names that may start there) for every such token."""
        return self._per_position(analyses, self._starting_cache, lambda ls: phrases_starting(self.ruleset.actors, ls))

    def analyse_sentence(self, text: str, sentence: Sentence, date: str | None = None,
                         complete: bool = True) -> SentenceAnalysis | None:
        """Everything about one sentence. With complete=False, None when no rule can match it
        (the common case, and the fast path of `code_text`)."""
        rs = self.ruleset
        analyses = rs.lexicon.analyse_all(sentence.norms)
        anchored = self._anchored(analyses) if any(analyses) else []
        if not anchored and not complete:
            return None
        clauses = sentence.clauses
        worth = shortlist(anchored, clauses, analyses) if anchored else []
        if not worth and not complete:
            return None  # no pattern can match: the actor mentions are not needed
        def mentions_of_sentence() -> list[Mention]:
            starting = self._starting(analyses)
            return find_mentions(starting, analyses, clauses, sentence.norms, date) if starting else []

        lazy = LazyMentions(mentions_of_sentence)
        matches = find_matches(worth, analyses, lazy) if worth else []
        if not matches and not complete:
            return None
        mentions = lazy.all()
        # Negated matches, and those dated to an earlier year or told in the future or as a
        # possibility, leave before overlaps are resolved: they must not hide another.
        negated, live = [], []
        sport = sport_words(sentence) if matches else ()
        for m in matches:
            neg = (negation(m, sentence, analyses, rs.negators) or dated_background(m, sentence, date)
                   or unreal(m, sentence, analyses, rs.lexicon) or off_topic(m, sport)) \
                if m.rule.code != NO_EVENT else None
            if neg:
                negated.append((m, neg))
            else:
                live.append(m)
        kept = select(live) if live else []
        events = []
        previous = place = None
        for m in kept:
            if m.rule.code != NO_EVENT:
                event = make_event(text, sentence, m, analyses, mentions, rs.reporting, self._analyse, rs.actors,
                                   previous, place)
                if topic_only(event, m, sentence, analyses):
                    negated.append((m, "a topic: no one does it"))
                    continue
                previous = event.source_mention or previous
                place = event.place_mention or place
                events.append(event)
        if any(e.fallback for e in events) and not all(e.fallback for e in events):
            # a fallback rule (a bare statement: أكد الوزير أن) speaks only for a sentence that
            # reports nothing else (أعلن الجيش أنه قتل ...: the killing, not the announcement)
            events = [e for e in events if not e.fallback]
        return SentenceAnalysis(sentence, analyses, tuple(mentions), tuple(matches), tuple(kept),
                                tuple(negated), tuple(events))

    def code_text(self, text: str, date: str | None = None) -> list[Event]:
        """All events of one record's text, in text order."""
        out: list[Event] = []
        for sentence in sentences(text):
            a = self.analyse_sentence(text, sentence, date, complete=False)
            if a is not None and a.events:
                out.extend(a.events)
        return out

    def explain(self, text: str, date: str | None = None) -> list[SentenceAnalysis]:
        return [self.analyse_sentence(text, s, date) for s in sentences(text)]
