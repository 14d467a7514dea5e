"""Matches + actor mentions -> event records.

A match becomes an event unless its trigger is negated (here), dated to an earlier year
(background.py), or told in the future, as a possibility or inside a frame of belief
(modality.py). Its source and target come from roles.py; here they are localised (a bare
role takes the country of the event's place, or of its owner for جنوده، قواتها) and the
event is laid out with its offsets into the record text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import cameo, language
from .actors import ADJECTIVE, AGENT, PLACE, ActorTable, Mention
from .match import Match
from .roles import as_place, assign_roles, counterpart
from .text.morphology import THIRD_PERSON_PRONOUNS, definite
from .text.normalize import normalize
from .text.segment import Sentence

# roots of what someone says, asks, meets or agrees on (statements to cooperation, demands,
# disapproval, rejection, threats): an act of this kind has someone who does it. Yielding (08:
# دخلت الهدنة حيز التنفيذ) and investigation (09: التحقيقات جارية) are reported without a doer.
DOER_ROOTS = ("01", "02", "03", "04", "05", "06", "07", "10", "11", "12", "13")
MILITARY_ROOTS = ("19",)  # conventional military force: a nationality adjective names the country's forces
# violence with no named target: the country it struck; a protest with none: the country it
# was held in, whose authorities it addresses
LOCATED_TARGETS = ("14", "18", "19", "20")


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event; offsets are into the original record text."""

    code: str
    rule: str
    trigger: str
    start: int
    end: int
    sentence: str
    source: str | None
    target: str | None
    source_text: str | None
    target_text: str | None
    why_source: str
    why_target: str
    source_mention: Mention | None = None  # for the next event of the sentence (shared subjects)
    place_mention: Mention | None = None  # for the next event of the sentence (shared setting)
    fallback: bool = False  # from a fallback rule: dropped when the sentence has another event

    def record(self, record_id, date: str | None) -> dict:
        """The output record (see docs/output.md); field order is stable."""
        entry = cameo.lookup(self.code)
        return {
            "id": record_id,
            "code": self.code,
            "name": entry.name if entry else None,
            "root": entry.root if entry else self.code[:2],
            "quad_class": entry.quad_class if entry else None,
            "goldstein": entry.goldstein if entry else None,
            "plover": (entry.plover or None) if entry else None,
            "source": self.source,
            "target": self.target,
            "source_text": self.source_text,
            "target_text": self.target_text,
            "trigger": self.trigger,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "rule": self.rule,
            "date": date,
        }


def negation(match: Match, sentence: Sentence, analyses: Sequence[frozenset[int]],
             denial: frozenset[int]) -> str | None:
    """The negating word before the trigger, if any (لم, لن, لا, عدم, نفى...), else None."""
    norms, clauses = sentence.norms, sentence.clauses
    start = match.trigger_start
    clause = clauses[start]
    for j in range(start - 1, max(start - language.NEGATION_REACH, 0) - 1, -1):
        if clauses[j] != clause:
            break
        if norms[j + 1] in language.NOT_NEGATING_NEXT:
            continue
        word = norms[j]
        if word in language.CLAUSE_NEGATORS or not denial.isdisjoint(analyses[j]):
            return word
        if start - j <= language.SHORT_REACH and word in language.SHORT_NEGATORS:
            return word
    return None


def _location(sentence: Sentence, match: Match, mentions: Sequence[Mention], table: ActorTable) -> Mention | None:
    """Where the event happened: the country or city named as a place (في بغداد) nearest to the
    trigger, preferring its own clause; else the nearest country or city mentioned at all."""
    norms, clauses = sentence.norms, sentence.clauses
    countries = [m for m in mentions if m.code[:3] in table.countries and m.kind != AGENT]
    if not countries:
        return None
    clause = clauses[match.trigger_start]

    def rank(m: Mention) -> tuple:
        distance = max(m.start - match.trigger_end, match.trigger_start - m.end, 0)
        return (as_place(m, norms).kind != PLACE, clauses[m.start] != clause, distance)

    return min(countries, key=rank)


def _localise(code: str | None, where: str | None, table: ActorTable | None) -> str | None:
    """A bare role (COP, CVL, MIL) gets the country where the event happened: IRQCOP. Domestic
    actors are coded with their country (CAMEO manual 3.1)."""
    if code is None or where is None or table is None or code not in table.roles:
        return code
    return where + code


def _owner(norms: Sequence[str], m: Mention | None, mentions: Sequence[Mention],
           table: ActorTable | None) -> str | None:
    """The country of a bare role written with a possessive pronoun (أعلن الجيش الأميركي مقتل أحد
    جنوده، قالت الحكومة إن قواتها): that of the nearest actor before it with a country."""
    if m is None or table is None or m.code not in table.roles:
        return None
    last = norms[m.end - 1]
    name = normalize(m.names[-1].split()[-1])
    if not any(last.endswith(p) and not name.endswith(p) for p in THIRD_PERSON_PRONOUNS):
        return None
    owner = next((o for o in reversed(mentions) if o.end <= m.start and o.code[:3] in table.countries
                  and as_place(o, norms).kind != PLACE), None)
    return owner.code[:3] if owner else None


def topic_only(event: Event, match: Match, sentence: Sentence, analyses: Sequence[frozenset[int]]) -> bool:
    """Whether the event is only a topic named by a definite verbal noun, with no one who does it
    or to whom: وسط سيل من الإشادة، الدعوة إلى الصلاة، الاتفاقية التي يجري التفاوض بشأنها. Said,
    asked or agreed, such an act (DOER_ROOTS) has a doer; with none in sight, the noun names a subject
    of talk. Violence and protest are kept: the news reports them without a doer (انفجار سيارة)."""
    ts = match.trigger_start
    return (event.source is None and event.target is None and match.rule.code[:2] in DOER_ROOTS
            and not match.pattern.verbal and analyses[ts].isdisjoint(match.pattern.verbs)
            and definite(sentence.norms[ts]))


def make_event(text: str, sentence: Sentence, match: Match, analyses: Sequence[frozenset[int]],
               mentions: Sequence[Mention], reporting: frozenset[int],
               analyse: Callable[[str], frozenset[int]], table: ActorTable | None = None,
               previous: Mention | None = None, previous_place: Mention | None = None) -> Event:
    """Build the event for a (non-negated) match. `previous` and `previous_place` are the source
    and the place of the sentence's event before it: one sentence reports one setting, so an
    event that names no place in its own clause happened where the one before it did."""
    src, tgt, why_src, why_tgt = assign_roles(match, sentence, analyses, mentions, reporting, analyse, previous)
    place = _location(sentence, match, mentions, table) if table is not None else None
    if previous_place is not None and (place is None or sentence.clauses[place.start]
                                       != sentence.clauses[match.trigger_start]):
        place = previous_place
    where = place.code[:3] if place else None
    source_code = src.code if src else None
    if src is not None and src.kind == ADJECTIVE and match.rule.code[:2] in MILITARY_ROOTS:
        source_code += "MIL"  # غارة أمريكية، قصف مدفعي إسرائيلي: a country's military strikes
    norms = sentence.norms

    def country(m: Mention | None) -> str | None:
        """The country a bare role takes: its owner's or the place's, none for a counterpart."""
        if m is not None and m.kind == AGENT and counterpart(norms, m):
            return None
        return _owner(norms, m, mentions, table) or where

    source = _localise(source_code, country(src), table)
    target = _localise(tgt.code if tgt else None, country(tgt), table)
    if place and tgt is None and place is not src and match.rule.code[:2] in LOCATED_TARGETS:
        tgt, target, why_tgt = place, where, "no target named: the country where it happened"
    spans = sentence.spans
    start = spans[match.trigger_start][0]
    end = spans[match.trigger_end - 1][1]

    def span(m: Mention | None) -> str | None:
        return None if m is None else sentence.span_text(m.start, m.end - 1)

    return Event(
        code=match.rule.code,
        rule=match.rule.id,
        trigger=text[start:end],
        start=start,
        end=end,
        sentence=text[sentence.start:sentence.end],
        source=source,
        target=target,
        source_text=span(src),
        target_text=span(tgt),
        why_source=why_src,
        source_mention=src,
        place_mention=place,
        why_target=why_tgt,
        fallback=match.rule.fallback,
    )
