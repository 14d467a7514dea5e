"""Matches + actor mentions -> event records.

A match becomes an event unless its trigger is negated. Its source and target come from the
pattern's slots when it has them, otherwise from Arabic-aware defaults:

- a trigger that is a verb: the mention right after it is the subject (verb-first order,
  نفذت قوات التحالف...), else the mention just before it (subject-first, التحالف ينفذ...);
  the next mention after the subject is the object;
- a trigger that is a verbal noun: the mention right after it is its genitive, the target
  (مقتل القيادي, اعتقال الناشط); the nearest mention before it is the source.

The subject of a reporting verb (أفادت مصادر, قال الوزير) is never taken as the source of the
event it reports. Everything stays within the trigger's clause.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from . import cameo, language
from .actors import ADJECTIVE, AGENT, METONYM, PLACE, ActorTable, Mention, counted
from .match import Match
from .text.normalize import normalize
from .text.segment import Sentence

VSO_REACH = 1  # tokens allowed between a verb and its subject (an adverb: أمس)
SVO_REACH = 3
OBJECT_REACH = 6
GENITIVE_REACH = 2
NOMINAL_SOURCE_REACH = 6
MILITARY_ROOTS = ("19",)  # conventional military force: a nationality adjective names the country's forces
LOCATED_TARGETS = ("18", "19", "20")  # violence with no named target: the country it struck
SUBJECTIVE_GENITIVE = ("14",)  # roots whose verbal nouns take their doer as genitive (مظاهرة الطلاب)
COUNTED_VICTIMS = ("17", "18", "19", "20")  # roots where قتل/اعتقل 12 ... counts the victims
PREP_REACH = 8  # how far after the trigger a preposition may introduce the target
VICTIM_REACH = 20  # how far after an act of violence its victims may be named
DEMAND_REACH = 15  # how far after a protest its demand's addressee may stand


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


def _conjoined(norm: str, lexemes: frozenset[int], analyse: Callable[[str], frozenset[int]]) -> bool:
    """Whether a verb token carries the conjunction و/ف (وقتل): its subject is then the previous
    clause's, and a mention right before it is more likely that clause's object."""
    return norm[0] in "وف" and len(norm) > 3 and not lexemes.isdisjoint(analyse(norm[1:]))


def _passive_verb(sentence: Sentence, index: int) -> bool:
    """A verb written with the passive's damma on its first letter (قُتل، اُعتقل، يُقتل)."""
    a, b = sentence.spans[index]
    word = sentence.text[a:b]
    letters = [i for i, ch in enumerate(word) if "\u0621" <= ch <= "\u064a"]
    for pos in letters[:2]:  # the first letter, or the one after a present prefix
        if pos + 1 < len(word) and word[pos + 1] == "\u064f":
            return pos == letters[0] or word[letters[0]] in "يت"
    return False


def _as_place(m: Mention, norms: Sequence[str]) -> Mention:
    """A country, city or capital after a locative word (في بيروت، شمال بغداد) names a place:
    it is not the source of anything, and a capital there is the country, not its government."""
    if m.kind in (AGENT, PLACE):
        return m
    before = norms[m.start - 1] if m.start > 0 else ""
    # ببيروت، بالعراق، بريف حماة: a country or capital with the preposition ب written on it
    attached = (m.kind == METONYM or len(m.code) == 3) and norms[m.start][:1] == "ب" \
        and not normalize(m.names[0]).startswith("ب")
    if before not in language.LOCATIVES and not attached:
        return m
    code = m.code[:-3] if m.kind == METONYM and m.code.endswith("GOV") else m.code
    return replace(m, code=code, kind=PLACE)


CASUALTY_MARKER_REACH = 6  # how far before its victims a word like مقتل may stand (مقتل 13 معظمهم من أفراد الشرطة)


def casualties(norms: Sequence[str], mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions a casualty report names as hit: after a victim word with no other actor
    between (مقتل جندي أفغاني، إصابة عشرة بينهم ثلاثة من رجال الشرطة), or before a casualty verb
    that has no actor after it (جنديا أميركيا قتل، أربعة من حراس الأمن قتلوا). In a report of an
    attack these are its targets, and never its doers."""
    found = []
    for m in mentions:
        if _as_place(m, norms).kind == PLACE:
            continue
        lo = max(0, m.start - CASUALTY_MARKER_REACH)
        marker = next((j for j in range(m.start - 1, lo - 1, -1) if norms[j] in language.VICTIM_MARKERS), None)
        if marker is not None and not any(marker < o.start and o.end <= m.start for o in mentions):
            found.append(m)
            continue
        verb = norms[m.end] if m.end < len(norms) else ""
        follower = norms[m.end + 1] if m.end + 1 < len(norms) else ""
        if verb in language.CASUALTY_VERBS or (
                verb in language.AMBIGUOUS_CASUALTY_VERBS and follower in language.CASUALTY_FOLLOWERS
                or verb in language.AMBIGUOUS_CASUALTY_VERBS and m.end + 1 == len(norms)):
            found.append(m)
    return found


def assign_roles(match: Match, sentence: Sentence, analyses: Sequence[frozenset[int]],
                 mentions: Sequence[Mention], reporting: frozenset[int],
                 analyse: Callable[[str], frozenset[int]], previous: Mention | None = None):
    """(source, target, why_source, why_target) for a match. `previous` is the source of the
    sentence's previous event: a verb joined by و/ف with no subject of its own shares it
    (نفذت قوات التحالف إنزالاً واعتقلت قيادياً).

    The steps, in order, are those of docs/actors.md ("Source and target"): slots; actors
    inside the trigger; doers after من قبل/على أيدي; targets after على/ضد/بحق (a protest's
    addressee); passives; verbs (SVO, VSO, object) or verbal nouns (nationality adjective,
    genitive, actor before); victims named later; a subject shared with the previous verb.
    Reporting frames and places never give the source.
    """
    bound = dict(match.slots)
    src, tgt = bound.get("source"), bound.get("target")
    why_src = "slot {source}" if src else ""
    why_tgt = "slot {target}" if tgt else ""
    ts, te = match.trigger_start, match.trigger_end
    clauses, norms = sentence.clauses, sentence.norms
    clause = clauses[ts]
    violent = match.rule.code[:2] in COUNTED_VICTIMS
    hit = casualties(norms, mentions) if violent else []
    victims = {(m.start, m.end) for m in hit}
    claimant, why_claim = _claimant(norms, mentions, tgt) if violent else (None, "")
    near = [_as_place(m, norms) for m in mentions if clauses[m.start] == clause and m is not src and m is not tgt
            and m is not claimant]
    after = [m for m in near if m.start >= te]
    before = [m for m in near if m.end <= ts]

    def reports(m: Mention) -> bool:
        left = m.start - 1
        return (left >= 0 and not reporting.isdisjoint(analyses[left])) or \
            (m.end < len(norms) and not reporting.isdisjoint(analyses[m.end]))

    def introduced(m: Mention, since: int = te) -> bool:
        return any(norms[j] in language.TARGET_PREPOSITIONS for j in range(max(since, m.start - 3), m.start))

    # Patterns often span their subject (دبابات روسية فتحت النار) or the victims they count
    # (قتل ثلاثة مسلحين في ضربة): an actor inside the trigger after a number is a victim,
    # otherwise the doer, and so is one after an auxiliary of doing (قام عدد من الجنود بقتل).
    doing = norms[ts].lstrip("وف") in language.DOING_AUXILIARIES

    def agentive(m: Mention) -> bool:  # من قبل الشرطة، من قبل عدة ضباط
        return norms[m.start - 1] in language.AGENTIVE or (
            m.start >= 2 and counted(norms, m.start - 1) and norms[m.start - 2] in language.AGENTIVE)

    for m in (m for m in near if m.start < te and m.end > ts and m.kind != PLACE):
        if m.start < ts:  # a subject the trigger starts inside of (مسلحين مجهولين اغتالوا)
            if src is None:
                src, why_src = m, "actor overlapping the start of the trigger"
        elif agentive(m):  # خطف على يد عشرة مسلحين
            if src is None:
                src, why_src = m, f"doer after '{norms[m.start - 1]}' inside the trigger"
        elif m.start > ts and (introduced(m, ts + 1) or not doing and counted(norms, m.start - 1)):
            if tgt is None:  # اعتدت على المصلين; قتل ثلاثة مسلحين في ضربة
                tgt, why_tgt = m, "introduced by a preposition inside the trigger" if introduced(m, ts + 1) \
                    else "counted inside the trigger (the victims)"
        elif src is None:
            src, why_src = m, "actor inside the trigger"

    doer = next((m for m in after if m.start - te <= PREP_REACH and m.kind != PLACE and agentive(m)), None)
    if src is None and doer is not None:  # تعرضوا للضرب من قبل قوات الدرك، خطف على أيدي مسلحين
        src, why_src = doer, f"doer after '{norms[doer.start - 1]}'"
        after = [m for m in after if m is not doer]
    prep = next((m for m in after if m.start - te <= PREP_REACH and introduced(m)), None)
    if prep is None and tgt is None and match.rule.code[:2] in SUBJECTIVE_GENITIVE:
        # a protest's target is whom its demand addresses, in the next clause too
        prep = next((_as_place(m, norms) for m in mentions if te <= m.start <= te + DEMAND_REACH and m is not src
                     and any(norms[j] in language.DEMAND_WORDS for j in range(max(te, m.start - 3), m.start))),
                    None)
    if tgt is None and prep is not None:
        tgt, why_tgt = prep, f"introduced by a preposition ({norms[prep.start - 1] if prep.start > te else ''})"
        after = [m for m in after if m is not prep]
    verbal = match.pattern.verbal or not analyses[ts].isdisjoint(match.pattern.verbs)
    passive = (ts > 0 and norms[ts - 1] in language.PASSIVE_AUXILIARIES) or (verbal and (
        _passive_verb(sentence, ts)
        or (match.rule.code[:2] in COUNTED_VICTIMS and (counted(norms, te) or counted(norms, ts + 1)))))
    # a place never acts, and neither do the victims of a casualty report
    before = [m for m in before if m.kind != PLACE and (m.start, m.end) not in victims]
    if passive:
        if tgt is None and after and after[0].start - te <= OBJECT_REACH:
            tgt, why_tgt = after[0], "subject of a passive"
        counted_only = not (ts > 0 and norms[ts - 1] in language.PASSIVE_AUXILIARIES) \
            and not _passive_verb(sentence, ts)
        if counted_only and src is None and before and before[-1].end == ts and not reports(before[-1]):
            src, why_src = before[-1], "subject right before the verb (its object is counted)"
    elif verbal:
        after_actors = [m for m in after if m.kind != PLACE]
        if src is None and before and before[-1].end == ts and not reports(before[-1]) \
                and not _conjoined(norms[ts], analyses[ts], analyse):
            src, why_src = before[-1], "subject right before the verb"
        if src is None and after_actors and after_actors[0].start - te <= VSO_REACH:
            src, why_src = after_actors[0], "subject after the verb"
        if src is None and before and ts - before[-1].end <= SVO_REACH and not reports(before[-1]):
            src, why_src = before[-1], "subject before the verb"
        if tgt is None:
            rest = [m for m in after if m is not src and (src is None or m.start >= src.end)]
            if rest and rest[0].start - te <= OBJECT_REACH:
                tgt, why_tgt = rest[0], "object after the verb"
    else:
        genitive = after[0] if after and after[0].start - te <= GENITIVE_REACH and after[0].kind != PLACE else None
        if genitive is not None and genitive.kind == ADJECTIVE and genitive.start == te:
            # غارة أمريكية، ضربة جوية إسرائيلية: the nationality of the act is its doer
            if src is None:
                src, why_src = genitive, "nationality adjective of the act"
            genitive = after[1] if len(after) > 1 and after[1].start - te <= GENITIVE_REACH + 1 else None
        if genitive is not None and match.rule.code[:2] in SUBJECTIVE_GENITIVE:
            if src is None:  # مظاهرة الطلاب، اعتصام العمال: the genitive does the act
                src, why_src = genitive, "genitive of the verbal noun (who protests)"
        elif tgt is None and genitive is not None:
            tgt, why_tgt = genitive, "genitive of the verbal noun"
        elif src is None and genitive is not None and why_tgt.startswith("introduced"):
            src, why_src = genitive, "genitive of the verbal noun, whose target has a preposition"
        if src is None and before and ts - before[-1].end <= NOMINAL_SOURCE_REACH and not reports(before[-1]):
            src, why_src = before[-1], "actor before the verbal noun"
    if tgt is None and violent:
        # the victims of a casualty report in the same sentence: ...، مما أدى إلى مقتل عشرة أشخاص;
        # جنديا أميركيا قتل وأصيب 10 آخرون في هجوم انتحاري. Those after the act come first.
        later = [m for m in hit if te <= m.start <= te + VICTIM_REACH and m is not src]
        earlier = [m for m in hit if m.end <= ts and m is not src]
        victim = later[0] if later else (earlier[-1] if earlier else None)
        if victim is not None:
            tgt, why_tgt = victim, "victims of the casualty report" + (" after it" if later else " before it")
    if src is None and verbal and not passive and previous is not None and _conjoined(norms[ts], analyses[ts], analyse):
        src, why_src = previous, "subject of the verb before (joined by و/ف)"
    if claimant is not None and (src is None or src.kind == AGENT):  # named by its claim over a bare bomber
        src, why_src = claimant, why_claim
    return src, tgt, why_src, why_tgt


def _claimant(norms: Sequence[str], mentions: Sequence[Mention], tgt: Mention | None) -> tuple[Mention | None, str]:
    """Who claims the attack, anywhere in the sentence: the actor before مسؤوليتها (أعلنت حركة
    طالبان مسؤوليتها عن الهجوم) or right after تبنى (وقد تبناه تنظيم القاعدة)."""
    for m in mentions:
        if m is tgt or _as_place(m, norms).kind == PLACE:
            continue
        if any(norms[j] in language.CLAIMS for j in range(m.end, min(m.end + 3, len(norms)))) \
                or (m.start > 0 and norms[m.start - 1] in language.CLAIM_VERBS):
            return m, "claimed the attack"
    return None, ""


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
        return (_as_place(m, norms).kind != PLACE, clauses[m.start] != clause, distance)

    return min(countries, key=rank)


def _localise(code: str | None, where: str | None, table: ActorTable | None) -> str | None:
    """A bare role (COP, CVL, MIL) gets the country where the event happened: IRQCOP. Domestic
    actors are coded with their country (CAMEO manual 3.1)."""
    if code is None or where is None or table is None or code not in table.roles:
        return code
    return where + code


POSSESSIVES = ("هما", "هم", "ها", "ه")


def _owner(norms: Sequence[str], m: Mention | None, mentions: Sequence[Mention],
           table: ActorTable | None) -> str | None:
    """The country of a bare role written with a possessive pronoun (أعلن الجيش الأميركي مقتل أحد
    جنوده، قالت الحكومة إن قواتها): that of the nearest actor before it with a country."""
    if m is None or table is None or m.code not in table.roles:
        return None
    last = norms[m.end - 1]
    name = normalize(m.names[-1].split()[-1])
    if not any(last.endswith(p) and not name.endswith(p) for p in POSSESSIVES):
        return None
    owner = next((o for o in reversed(mentions) if o.end <= m.start and o.code[:3] in table.countries
                  and _as_place(o, norms).kind != PLACE), None)
    return owner.code[:3] if owner else None


def make_event(text: str, sentence: Sentence, match: Match, analyses: Sequence[frozenset[int]],
               mentions: Sequence[Mention], reporting: frozenset[int],
               analyse: Callable[[str], frozenset[int]], table: ActorTable | None = None,
               previous: Mention | None = None) -> Event:
    """Build the event for a (non-negated) match."""
    src, tgt, why_src, why_tgt = assign_roles(match, sentence, analyses, mentions, reporting, analyse, previous)
    place = _location(sentence, match, mentions, table) if table is not None else None
    where = place.code[:3] if place else None
    source_code = src.code if src else None
    if src is not None and src.kind == ADJECTIVE and match.rule.code[:2] in MILITARY_ROOTS:
        source_code += "MIL"  # غارة أمريكية، قصف مدفعي إسرائيلي: a country's military strikes
    source = _localise(source_code, _owner(sentence.norms, src, mentions, table) or where, table)
    target = _localise(tgt.code if tgt else None, _owner(sentence.norms, tgt, mentions, table) or where, table)
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
        why_target=why_tgt,
    )
