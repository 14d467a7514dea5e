"""Who did it and to whom: the source and target of a match.

The steps run in the order of docs/actors.md ("Source and target"), each filling what is still
missing: slots; actors inside the trigger; doers after من قبل/على أيدي; targets after
على/ضد/بحق (a protest's addressee); then by the trigger's grammar, passives, verbs (SVO, VSO,
object) or verbal nouns (nationality adjective, genitive, actor before); the casualties of a
report of violence; a subject shared with the previous verb; whoever claims an attack.

The subject of a reporting verb (أفادت مصادر، قال الوزير) is never the source of the event it
reports, a place never acts, and the casualties of violence are never its doers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from . import language
from .actors import ADJECTIVE, AGENT, METONYM, PLACE, Mention, counted
from .match import Match
from .text.morphology import without_conjunction
from .text.normalize import normalize
from .text.segment import TITLE_HEADS, Sentence

VSO_REACH = 1  # tokens allowed between a verb and its subject (an adverb: أمس)
APPOSITION_REACH = 4  # words of an unknown name before its title in apposition (قال فلان الفلاني، وزير …)
SVO_REACH = 3
OBJECT_REACH = 6
GENITIVE_REACH = 2
NOMINAL_SOURCE_REACH = 6
SUBJECTIVE_GENITIVE = ("14",)  # roots whose verbal nouns take their doer as genitive (مظاهرة الطلاب)
COUNTED_VICTIMS = ("17", "18", "19", "20")  # roots where قتل/اعتقل 12 ... counts the victims
# roots of what is said or decided (statements, appeals, demands, criticism, threats…): when the
# trigger opens with a reporting verb (صرح رئيس الوزراء، أعلنت الوزارة دعمها), its subject is the
# one who speaks, the source, where for an act it is only the teller (أعلنت الوزارة مقتل جندي)
SPOKEN = tuple(f"{n:02d}" for n in range(1, 14))
PREP_REACH = 8  # how far after the trigger a preposition may introduce the target
VICTIM_REACH = 20  # how far after an act of violence its victims may be named
DEMAND_REACH = 30  # how far after a protest its demand's addressee may stand
DEMAND_WINDOW = 6  # how far before the addressee the demand word may stand (احتجاجا على قرار الحكومة)


def _conjoined(norm: str, lexemes: frozenset[int], analyse: Callable[[str], frozenset[int]]) -> bool:
    """Whether a verb token carries the conjunction و/ف (وقتل): its subject is then the previous
    clause's, and a mention right before it is more likely that clause's object."""
    return norm[0] in "وف" and len(norm) > 3 and not lexemes.isdisjoint(analyse(norm[1:]))


def _marked_active(norm: str) -> bool:
    """A verb with the ending of a feminine or plural doer (واحتجزت 68 رهينة، قتلوا 5 جنود): a
    number after it counts its objects. The passive before a counted subject is masculine
    singular (قُتل 12 شخصا)."""
    return len(norm) > 3 and (norm.endswith("وا") or (norm.endswith("ت") and not norm.endswith("ات")))


def _complementizer(word: str) -> bool:
    """A word that opens a reported clause (أن، وأنهم، إنه). Only و is stripped: the ف of a name
    is its own (فلان is not لأن)."""
    word = word.removeprefix("و")
    return word in language.COMPLEMENTIZERS or word in language.SPEAKER_PRONOUNS


def _third_person_present(norm: str) -> bool:
    """A trigger word that opens with the present's ي (ويزور، يبحث، يلتقون), written as a plain
    word in a rule or set: few nouns open with ي, and none that is a trigger."""
    word = without_conjunction(norm)
    return word[:1] == "ي" and len(word) > 3


def _preposition_at(words: Sequence[str], k: int, prepositions: frozenset[str]) -> bool:
    """Whether words[k] is one of `prepositions`; علي after بن/أبو is a name, not the على it
    normalises to (ماجد بن علي النعيمي)."""
    return words[k] in prepositions and not (k > 0 and words[k - 1] in language.NAME_LINKS)


def _has_preposition(words: Sequence[str]) -> bool:
    return any(_preposition_at(words, k, language.PREPOSITIONS) for k in range(len(words)))


def _then(norms: Sequence[str], index: int) -> bool:
    """A verb after ثم (خطفت … ثم قتلت): joined to the one before, like و/ف."""
    return index > 0 and norms[index - 1] in language.THEN


def _passive_verb(sentence: Sentence, index: int) -> bool:
    """A verb written with the passive's damma on its first letter (قُتل، اُعتقل، يُقتل)."""
    a, b = sentence.spans[index]
    word = sentence.text[a:b]
    letters = [i for i, ch in enumerate(word) if "\u0621" <= ch <= "\u064a"]
    for pos in letters[:2]:  # the first letter, or the one after a present prefix
        if pos + 1 < len(word) and word[pos + 1] == "\u064f":
            return pos == letters[0] or word[letters[0]] in "يت"
    return False


def counterpart(norms: Sequence[str], m: Mention | None) -> bool:
    """Whether the mention opens with a counterpart (نظيره، بنظيره التركي، نظرائه الخليجيين): the
    partner of whoever has it, never the doer of a meeting or call it is named in, and, without a
    nationality, of another country than its owner's or the place's."""
    return m is not None and without_conjunction(norms[m.start]).startswith(language.COUNTERPARTS)


def as_place(m: Mention, norms: Sequence[str]) -> Mention:
    """A country, city or capital after a locative word (في بيروت، شمال بغداد) names a place:
    it is not the source of anything, and a capital there is the country, not its government."""
    if m.kind in (AGENT, PLACE):
        return m
    placeable = m.kind == METONYM or len(m.code) == 3  # a country, city or capital; not a body
    if not placeable:  # القيادي في تنظيم داعش: a member of it, not a place
        return m
    before = norms[m.start - 1] if m.start > 0 else ""
    # ببيروت، بالعراق، بريف حماة: a country or capital with the preposition ب written on it
    attached = norms[m.start][:1] == "ب" and not normalize(m.names[0]).startswith("ب")
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
        if as_place(m, norms).kind == PLACE:
            continue
        lo = max(0, m.start - CASUALTY_MARKER_REACH)
        marker = next((j for j in range(m.start - 1, lo - 1, -1) if norms[j] in language.VICTIM_MARKERS), None)
        if marker is not None and all(norms[j] in language.VICTIM_FILLERS or norms[j][0].isdigit()
                                      for j in range(marker + 1, m.start)):
            found.append(m)
            continue
        verb = norms[m.end] if m.end < len(norms) else ""
        if verb in language.CASUALTY_VERBS or verb in language.AMBIGUOUS_CASUALTY_VERBS and (
                m.end + 1 == len(norms) or norms[m.end + 1] in language.CASUALTY_FOLLOWERS):
            found.append(m)
    return found


def _claimant(norms: Sequence[str], mentions: Sequence[Mention], tgt: Mention | None) -> tuple[Mention | None, str]:
    """Who claims the attack, anywhere in the sentence: the actor before مسؤوليتها (أعلنت حركة
    طالبان مسؤوليتها عن الهجوم), right after تبنى (وقد تبناه تنظيم القاعدة), or after نسب إلى (هجوم
    انتحاري نسب الى المتمردين التاميل)."""
    for m in mentions:
        if m is tgt or as_place(m, norms).kind == PLACE:
            continue
        if any(norms[j] in language.CLAIMS for j in range(m.end, min(m.end + 3, len(norms)))) \
                or (m.start > 0 and norms[m.start - 1] in language.CLAIM_VERBS):
            return m, "claimed the attack"
        if m.start > 1 and norms[m.start - 1] in language.TO and norms[m.start - 2] in language.ATTRIBUTED:
            return m, "the attack is attributed to it"
    return None, ""


class _Roles:
    """The working state of one match's role assignment: the context, what is found so far
    (source, target and why), and one method per step."""

    def __init__(self, match: Match, sentence: Sentence, analyses: Sequence[frozenset[int]],
                 mentions: Sequence[Mention], reporting: frozenset[int],
                 analyse: Callable[[str], frozenset[int]], previous: Mention | None):
        self.match, self.sentence, self.analyses, self.mentions = match, sentence, analyses, mentions
        self.reporting, self.analyse, self.previous = reporting, analyse, previous
        self.norms = norms = sentence.norms
        self.ts, self.te = ts, te = match.trigger_start, match.trigger_end
        self.root = match.rule.code[:2]
        bound = dict(match.slots)
        self.src: Mention | None = bound.get("source")
        self.tgt: Mention | None = bound.get("target")
        self.why_src = "slot {source}" if self.src else ""
        self.why_tgt = "slot {target}" if self.tgt else ""
        self.violent = self.root in COUNTED_VICTIMS
        self.hit = casualties(norms, mentions) if self.violent else []
        self.hit_spans = {(m.start, m.end) for m in self.hit}  # casualties are never doers
        self.claimant, self.why_claim = _claimant(norms, mentions, self.tgt) if self.violent else (None, "")
        # a victim noun (ضحايا، قتلى) is hit, never a doer, even where no count names it a casualty
        self.victim_nouns = {(m.start, m.end) for m in mentions if self.violent and m.kind == AGENT
                             and without_conjunction(norms[m.start]) in language.VICTIM_NOUNS}
        self.hit_spans |= self.victim_nouns
        # the trigger's clause: its punctuation, and the conjunctions that open a clause of its own
        # (بينما، فيما، عندما) outside the trigger
        clause = sentence.clauses[ts]
        # (not before a state in the past: وواجه ساركوزي عندما كان رئيسا انتقادات)
        opens = [] if language.CLAUSE_OPENERS.isdisjoint(norms) else [
            j for j, w in enumerate(norms) if w in language.CLAUSE_OPENERS
            and (j + 1 == len(norms) or norms[j + 1] not in language.WAS)]
        lo = max((j for j in opens if j < ts), default=-1)
        hi = next((j for j in opens if j >= te), len(norms))
        self.near = [as_place(m, norms) for m in mentions if sentence.clauses[m.start] == clause
                     and lo < m.start and m.end <= hi
                     and m is not self.src and m is not self.tgt and m is not self.claimant]
        self.after = [m for m in self.near if m.start >= te]
        self.before = [m for m in self.near if m.end <= ts]
        # a verb written as a plain word in the rule is a verb all the same: nouns do not end in
        # the plural's وا (وقتلوا، فجروا), nor in a bare ت after a conjunction (فقتلت; a noun's ة is
        # ه once normalised, the plural's ات is no verb's), nor open with the present's ي
        self.verbal = match.pattern.verbal or not analyses[ts].isdisjoint(match.pattern.verbs) \
            or (_marked_active(norms[ts])
                and (norms[ts].endswith("وا") or _conjoined(norms[ts], analyses[ts], analyse))) \
            or _third_person_present(norms[ts])
        # joined to the verb before by و/ف or ثم: that verb's subject is its own
        self.joined = _conjoined(norms[ts], analyses[ts], analyse) or _then(norms, ts)
        self.head = without_conjunction(norms[ts])  # the trigger's first word, without و/ف
        self.auxiliary = ts > 0 and norms[ts - 1] in language.PASSIVE_AUXILIARIES  # تم اعتقال
        self.passive = self.auxiliary or (self.verbal and (
            _passive_verb(sentence, ts) or (self.violent and (counted(norms, te) or counted(norms, ts + 1))
                                            and self.head not in language.ACTIVE_BEFORE_COUNT
                                            and not _marked_active(norms[ts]))))

    # -- what the steps ask of a mention ---------------------------------------------------------

    def source(self, m: Mention, why: str) -> None:
        if self.src is None:
            self.src, self.why_src = m, why

    def target(self, m: Mention, why: str) -> None:
        if self.tgt is None:
            self.tgt, self.why_tgt = m, why

    def reports(self, m: Mention) -> bool:
        """The subject of a reporting verb that only tells of the act: أفادت مصادر، قال الجيش. Not
        for what is said or decided (SPOKEN) when the verb is the trigger's own (صرح رئيس الوزراء)
        or the trigger follows the subject (أعلن الحزب التخلي عن السلاح، أعلنت الحكومة رفضها)."""
        norms, reporting, analyses = self.norms, self.reporting, self.analyses
        own = -1
        if self.root in SPOKEN:
            if 0 <= self.ts - m.end <= 1:
                return False  # أعلن الحزب التخلي عن الكفاح المسلح: what it declares, it does
            own = self.ts
        return any(0 <= j < len(norms) and j != own and not reporting.isdisjoint(analyses[j])
                   for j in (m.start - 1, m.end))

    def introduced(self, m: Mention, since: int | None = None) -> bool:
        """After a preposition of the target (على، ضد، بحق) within three tokens."""
        since = self.te if since is None else since
        return any(_preposition_at(self.norms, j, language.TARGET_PREPOSITIONS)
                   for j in range(max(since, m.start - 3), m.start))

    def agentive(self, m: Mention) -> bool:
        """After من قبل، على أيدي، برصاص, with a number allowed between (من قبل عدة ضباط)."""
        norms = self.norms
        return norms[m.start - 1] in language.AGENTIVE or (
            m.start >= 2 and counted(norms, m.start - 1) and norms[m.start - 2] in language.AGENTIVE)

    def embedded(self, m: Mention) -> bool:
        """A complementizer stands between the actor and the trigger (قال شهود لـ«الشرق الأوسط»
        إن الهجوم نفذ): the actor belongs to the frame, the trigger to the clause it reports."""
        return any(w in language.COMPLEMENTIZERS for w in self.norms[m.end:self.ts])

    def is_protester(self, m: Mention) -> bool:
        """The protesters of a protest are its source, never whom it addresses."""
        return m is self.src or (self.src is not None and m.start == self.src.start)

    def oblique(self, m: Mention) -> bool:
        """Written in the oblique case of a sound plural or dual (ين): not a subject. Proper
        names that end in ين (فلسطين، البحرين) are left alone."""
        words = self.norms[m.start:m.end]
        if counted(self.norms, m.start - 1) or any(w.endswith("ون") for w in words):
            return False  # مئات المتظاهرين: its head is the number; مسلحون من المدنيين: nominative
        # the head's case, or an adjective's that agrees with it (جنود أمريكيين), not a linked body's
        linked = any(w in language.MEMBERSHIP for w in words)
        marked = words[0] if linked else words[-1]
        if not marked.endswith("ين"):
            return False
        return m.kind in (AGENT, ADJECTIVE) or not normalize(m.names[0 if linked else -1]).endswith("ين")

    def _apposed(self, m: Mention) -> bool:
        """Whether `m` opens a title in apposition, after a comma: ، وزير الخارجية or ، رئيس
        المجلس البلدي (the head word of the title before the mention)."""
        if m.start > self.te + 1 and self._after_comma(m.start):
            return True
        return m.start - 1 > self.te and self.norms[m.start - 1] in TITLE_HEADS and self._after_comma(m.start - 1)

    def _after_comma(self, index: int) -> bool:
        """Whether a comma stands right before the token at `index` in the text."""
        if index == 0:
            return False
        spans = self.sentence.spans
        return any(ch in "،," for ch in self.sentence.text[spans[index - 1][1]:spans[index][0]])

    # -- the steps ---------------------------------------------------------------------------------

    def inside_trigger(self) -> None:
        """Patterns often span their subject (دبابات روسية فتحت النار) or the victims they count
        (قتل ثلاثة مسلحين في ضربة): an actor inside the trigger after a number or a preposition
        of the target is the target, otherwise the doer, and so is one after an auxiliary of
        doing (قام عدد من الجنود بقتل) or after من قبل/على يد."""
        ts, te, norms = self.ts, self.te, self.norms
        # a number after a verb of doing counts its doers: فجر 3 انتحاريين أنفسهم
        doing = self.head in language.DOING_AUXILIARIES or self.head in language.ACTIVE_BEFORE_COUNT
        for m in (m for m in self.near if m.start < te and m.end > ts and m.kind != PLACE):
            if self.violent and m.start > ts + 1 and any(map(_complementizer, norms[ts:m.start - 1])):
                # past the subject of a clause the trigger's gap reaches into: its object or more
                # (الغارة وأنهم اختطفوا مواطنا), where right after أن stands that clause's subject
                continue
            if (m.start, m.end) in self.hit_spans and m not in self.hit:
                continue  # a victim noun (وراح ضحية اعتداءاتها): hit, but not counted as a casualty
            if m.start < ts:  # a subject the trigger starts inside of (مسلحين مجهولين اغتالوا)
                self.source(m, "actor overlapping the start of the trigger")
            elif self.agentive(m):  # خطف على يد عشرة مسلحين
                self.source(m, f"doer after '{norms[m.start - 1]}' inside the trigger")
            elif m.start > ts and counterpart(norms, m):  # أجرى اتصالا هاتفيا بنظيره التركي
                self.target(m, "counterpart inside the trigger")
            elif m.start > ts and self.introduced(m, ts + 1):  # اعتدت على المصلين بالضرب
                self.target(m, "introduced by a preposition inside the trigger")
            elif m.start > ts and not doing and self.violent and (
                    counted(norms, m.start - 1) or m.start - 2 > ts and counted(norms, m.start - 2)):
                # قتل عددا من زعماء طالبان: a number, then the head of what is counted
                self.target(m, "counted inside the trigger (the victims)")
            elif m in self.hit:  # مقتل 13 معظمهم من أفراد الشرطة في هجوم انتحاري
                self.target(m, "casualty inside the trigger")
            elif self.src is not None and m.start >= self.src.end and self.src.start >= ts:
                # the object, or the partner of a joint act (وقعت السعودية وفرنسا اتفاقية)
                self.target(m, "actor inside the trigger after its subject")
            elif not self.reports(m):  # أعلنت وزارة الداخلية مقتل جندي: the teller, not the doer
                self.source(m, "actor inside the trigger")

    def doer_after(self) -> None:
        """تعرضوا للضرب من قبل قوات الدرك، خطف على أيدي مسلحين."""
        if self.root in SUBJECTIVE_GENITIVE:
            return  # a protest's على يد names the doer of what it protests (see preposition)
        doer = next((m for m in self.after if m.start - self.te <= PREP_REACH and m.kind != PLACE
                     and self.agentive(m)), None)
        if self.src is None and doer is not None:
            self.source(doer, f"doer after '{self.norms[doer.start - 1]}'")
            self.after = [m for m in self.after if m is not doer]

    def preposition(self) -> None:
        """A target after على/ضد/بحق; a protest's is whom its demand addresses, in the next clause
        too (تظاهروا أمس، مطالبين الحكومة بالاستقالة)."""
        te, norms = self.te, self.norms
        # the preposition may close the trigger itself (أطلق المسلحون النار على)
        prep = next((m for m in self.after if m.start - te <= PREP_REACH and self.introduced(m, self.ts + 1)), None)
        if self.tgt is None and self.root in SUBJECTIVE_GENITIVE:
            # a protest at a killing is at its doer: احتجاجا على مقتل مدنيين على يد قوات التحالف
            doer = next((m for m in self.mentions if te <= m.start <= te + DEMAND_REACH and m.start > 0
                         and norms[m.start - 1] in language.AGENTIVE and not self.is_protester(m)), None)
            # whom the demand addresses, then whom على/ضد names (not civilians: whom it speaks
            # for), then where it stood
            against, where = self.addressee()
            spoken_for = prep is not None and prep.code.endswith(("CVL", "REF"))
            prep = doer or against or (None if spoken_for else prep) or where
        if self.tgt is None and prep is not None:
            self.target(prep, f"introduced by a preposition ({norms[prep.start - 1] if prep.start > te else ''})")
            self.after = [m for m in self.after if m is not prep]

    def addressee(self) -> tuple[Mention | None, Mention | None]:
        """Whom a protest's demand addresses, in the next clause too: against whom (ضد، احتجاجا
        على، مطالبين برحيل), and where it stood (أمام السفارة)."""
        te, norms = self.te, self.norms

        def after_words(m: Mention, words: frozenset[str]) -> bool:
            return any(norms[j] in words for j in range(max(te, m.start - DEMAND_WINDOW), m.start))

        # civilians and refugees are whom a protest speaks for or of (احتجاجا على مقتل مدنيين، خفض
        # المساعدات للاجئين), not whom it addresses
        addressed = [as_place(m, norms) for m in self.mentions
                     if te <= m.start <= te + DEMAND_REACH and not self.is_protester(m)
                     and not m.code.endswith(("CVL", "REF"))
                     and after_words(m, language.DEMAND_WORDS)]
        strong = [m for m in addressed if not after_words(m, language.DEMAND_PLACES)]
        return (strong or [None])[0], (addressed or [None])[0]

    def passive_clause(self) -> None:
        """No source but a doer already found; the first actor after is the target. A verb of
        violence read as passive only because a number follows it (قتل 12) keeps a subject
        written right before it (الشرطة قتلت ثلاثة مسلحين)."""
        if self.after and self.after[0].start - self.te <= OBJECT_REACH:
            self.target(self.after[0], "subject of a passive")
        counted_only = not self.auxiliary and not _passive_verb(self.sentence, self.ts)
        if counted_only and self.before and self.before[-1].end == self.ts and not self.reports(self.before[-1]):
            self.source(self.before[-1], "subject right before the verb (its object is counted)")

    def verb(self) -> None:
        """SVO unless the verb carries و/ف, else VSO; the next actor is the object."""
        ts, te, before = self.ts, self.te, self.before
        # a sound plural or dual in ين is accusative or genitive: an object, never the subject
        # (وخطف الصحافيين، قتل مسلحين), where ون/ان would be nominative (قتل المسلحون جنديين)
        # nor is a bare nationality adjective: it describes a noun (باتجاه موقع فلسطيني), unless
        # the noun ends the trigger (قتلوا جراء ضربة جوية أميركية): then it is the act's
        # nor, for violence, what a number counts (وقتلت منهم 16 جنديا), unless the verb is one of
        # doing whose doers are counted (فجر 3 انتحاريين أنفسهم)
        victims_counted = self.violent and self.head not in language.ACTIVE_BEFORE_COUNT
        after_actors = [m for m in self.after if m.kind not in (PLACE, ADJECTIVE) and not self.oblique(m)
                        and (m.start, m.end) not in self.victim_nouns
                        and not (victims_counted and any(counted(self.norms, j)
                                                         for j in range(max(ts + 1, m.start - 3), m.start)))]
        first = self.after[0] if self.after else None
        if first is not None and first.kind == ADJECTIVE and first.start == te and te - 1 > ts \
                and self.norms[te - 1] not in language.TIME_WORDS:
            self.source(first, "nationality adjective of the act")
        conjoined = self.joined
        if self.head in language.RESULT_VERBS:
            # أسفر/أدى: its subject is the attack (العمليات الانتحارية التي أسفرت عن مقتل); the
            # doer is the operation's (operation_doer)
            before, after_actors = [], []
        if before and before[-1].end == ts and not self.reports(before[-1]) and not conjoined:
            self.source(before[-1], "subject right before the verb")
        if after_actors:
            # between the verb and its subject: an adverb (أمس) and any count (مئات، 15، عدد من)
            between = [w for w in self.norms[te:after_actors[0].start]
                       if not (w[0].isdigit() or w in language.QUANTITY_WORDS or w == "من")]
            if len(between) <= VSO_REACH and not _has_preposition(between):
                self.source(after_actors[0], "subject after the verb")
            elif len(between) <= APPOSITION_REACH + 1 \
                    and not _has_preposition(between) and not any(map(_complementizer, between)) \
                    and self._apposed(after_actors[0]):
                # a name the dictionaries do not know, then its title in apposition, perhaps with
                # its head word (أعلن الشيخ مال الله العبيدي، رئيس المجلس البلدي، عن): the title
                # says who the subject is
                self.source(after_actors[0], "title in apposition to the subject after the verb")
        if before and ts - before[-1].end <= SVO_REACH and not self.reports(before[-1]) and not conjoined \
                and not self.embedded(before[-1]):
            self.source(before[-1], "subject before the verb")
        src = self.src
        rest = [m for m in self.after if m is not src and (src is None or m.start >= src.end) and m.kind != PLACE]
        # the object is counted from the subject when it stands between (استقبل الملك … الوزير)
        start = max(te, src.end) if src is not None and src.start > self.ts else te
        if rest and rest[0].start - start <= OBJECT_REACH:
            self.target(rest[0], "object after the verb")

    def verbal_noun(self) -> None:
        """A nationality adjective right after is the doer (غارة أمريكية); the genitive, if not a
        place, is the target (مقتل القيادي), or the doer for a protest (مظاهرة الطلاب); the
        nearest actor before is the source."""
        te, after, norms = self.te, self.after, self.norms
        # the genitive, or the body its unnamed head belongs to: اعتقال القيادي السابق في تنظيم داعش
        genitive = after[0] if after and after[0].kind != PLACE and (
            after[0].start - te <= GENITIVE_REACH
            or after[0].start - te <= GENITIVE_REACH + 2 and norms[after[0].start - 1] in language.MEMBERSHIP) \
            else None
        if genitive is not None and genitive.kind == ADJECTIVE and genitive.start == te \
                and norms[te - 1] not in language.TIME_WORDS:  # خطفوا أمس أميركيا: a victim, not a doer
            self.source(genitive, "nationality adjective of the act")
            genitive = after[1] if len(after) > 1 and after[1].start - te <= GENITIVE_REACH + 1 else None
        if genitive is not None and self.root in SUBJECTIVE_GENITIVE:
            self.source(genitive, "genitive of the verbal noun (who protests)")
        elif self.tgt is None and genitive is not None:
            self.target(genitive, "genitive of the verbal noun")
        elif genitive is not None and self.why_tgt.startswith("introduced"):
            self.source(genitive, "genitive of the verbal noun, whose target has a preposition")
        before = self.before
        if before and self.ts - before[-1].end <= NOMINAL_SOURCE_REACH and not self.reports(before[-1]) \
                and not self.embedded(before[-1]):
            self.source(before[-1], "actor before the verbal noun")

    def victims(self) -> None:
        """The casualties of violence reported in the same sentence: ...، مما أدى إلى مقتل عشرة
        أشخاص; جنديا أميركيا قتل وأصيب 10 آخرون في هجوم انتحاري. Those after the act first."""
        if not self.violent or self.tgt is not None:
            return
        te, src = self.te, self.src
        later = [m for m in self.hit if te <= m.start <= te + VICTIM_REACH and m is not src]
        earlier = [m for m in self.hit if m.end <= self.ts and m is not src]
        victim = later[0] if later else (earlier[-1] if earlier else None)
        if victim is not None:
            self.target(victim, "victims of the casualty report" + (" after it" if later else " before it"))

    def shared_subject(self) -> None:
        """A verb joined by و/ف or ثم with no subject of its own shares the previous event's source
        (نفذت قوات التحالف إنزالاً واعتقلت قيادياً)."""
        ts = self.ts
        then = _then(self.norms, ts)
        # a count after a verb joined by ثم counts its victims, not the verb's passive (خطفت الحركة
        # 23 كوريا ثم قتلت اثنين منهم); after و it is as often passive (انفجرت سيارة وقتل 5 أشخاص)
        counted_only = self.passive and not self.auxiliary and not _passive_verb(self.sentence, ts)
        if not self.verbal or (self.passive and not (then and counted_only and self.previous is not None)) \
                or not self.joined:
            return
        verb = self.head
        if verb in language.RESULT_VERBS:
            return  # وأسفر عن مقتل: its subject is the attack; its doer is the operation's (below)
        # the subject of a verb of suffering (وتعرضوا لهجوم، وأصيبوا) is hit, not the doer
        take, role = (self.target, "hit") if verb in language.CASUALTY_VERBS else (self.source, "subject")
        if self.previous is not None:
            take(self.previous, f"{role}: the subject of the verb before (joined by و/ف)")
            return
        # no event before it: the sentence's first actor, the subject of its first verb
        # (رفضت الجبهة الشعبية الانصياع واحتجزت رهائن، اقتحم مسلحو حماس منزلا وقتلوا قائدا)
        norms = self.norms
        # after a reporting frame, the reported clause starts at its complementizer (قالوا إن ...)
        since = max((j + 1 for j in range(ts) if norms[j] in language.COMPLEMENTIZERS), default=0)

        def subject_like(m: Mention) -> bool:
            word, left = norms[m.start], norms[m.start - 1] if m.start else ""
            governed = left in language.TARGET_PREPOSITIONS or left in language.LOCATIVES or \
                (left in language.PREPOSITIONS and left not in language.MEMBERSHIP) or \
                left in language.AGENTIVE or (word[:1] in "لب" and not normalize(m.names[0]).startswith(word[:1]))
            # for violence, what a number counts is a victim (قتل فيها نحو 20 شخصا), not a subject
            victim = self.violent and any(counted(norms, j) for j in range(max(m.start - 2, 0), m.start))
            return not governed and not victim and as_place(m, norms).kind != PLACE and not self.reports(m) \
                and (m.start, m.end) not in self.hit_spans and m is not self.tgt

        first = next((m for m in self.mentions if since <= m.start and m.end <= ts and subject_like(m)), None)
        if first is not None:
            take(first, f"{role}: the first subject of the sentence (the verb is joined by و/ف)")

    def protesters(self) -> None:
        """A protest reported by its happening (اندلعت مظاهرات، جرت تظاهرة) names its protesters
        later in the sentence (…، ورفع المتظاهرون شعارات): the first civilian role after it."""
        if self.root not in SUBJECTIVE_GENITIVE or self.src is not None:
            return
        te = self.te
        later = next((m for m in self.mentions if te <= m.start <= te + VICTIM_REACH and m is not self.tgt
                      and m.code.endswith("CVL") and as_place(m, self.norms).kind != PLACE), None)
        if later is not None:
            self.source(later, "protesters named later in the sentence")

    def operation_doer(self) -> None:
        """A result frame with no doer (…، أسفرت عن اعتقال القيادي) takes the doer of the
        operation it follows: the actor right after نفذتها/شنها/قام earlier in the sentence."""
        norms, ts = self.norms, self.ts
        if self.src is not None or not any(  # أسفرت عن اعتقال: the result verb may open or precede it
                without_conjunction(norms[j]) in language.RESULT_VERBS for j in range(max(ts - 2, 0), ts + 1)):
            return
        def carried_out_by(m: Mention) -> bool:  # نفذتها قوات التحالف، شنه عناصر من حركة الشباب
            if m.start > 0 and without_conjunction(norms[m.start - 1]) in language.CARRIED_OUT:
                return True
            return m.start > 2 and norms[m.start - 1] in language.MEMBERSHIP \
                and without_conjunction(norms[m.start - 3]) in language.CARRIED_OUT

        doer = next((m for m in reversed(self.mentions)
                     if m.end <= ts and carried_out_by(m) and m is not self.tgt), None)
        if doer is not None:
            self.source(doer, f"doer of the operation ('{norms[doer.start - 1]}') the result follows")

    def speaker(self) -> None:
        """After a reporting verb, a complementizer with a pronoun makes the speaker the doer
        (قال حلف الأطلسي إنه قتل، أعلنت إسرائيل أنها قصفت): its subject is the source."""
        norms, ts = self.norms, self.ts
        k = next((j for j in range(ts - 1, max(ts - 3, 0) - 1, -1) if norms[j] in language.SPEAKER_PRONOUNS), None)
        if k is None or self.auxiliary:  # إنه تم اعتقال: the pronoun of the matter, no doer
            return
        speaker = next((m for m in reversed(self.mentions) if m.end <= k and self.reports(m)
                        and as_place(m, norms).kind != PLACE), None)
        weak = self.src is None or self.why_src in ("actor inside the trigger", "subject after the verb")
        if speaker is not None and weak:
            self.src, self.why_src = speaker, f"speaker of '{norms[k]}' (the reporter is the doer)"

    def claim(self) -> None:
        """Whoever claims the attack names its doer, over a bare role (انتحاري)."""
        if self.claimant is not None and (self.src is None or self.src.kind == AGENT):
            self.src, self.why_src = self.claimant, self.why_claim


def assign_roles(match: Match, sentence: Sentence, analyses: Sequence[frozenset[int]],
                 mentions: Sequence[Mention], reporting: frozenset[int],
                 analyse: Callable[[str], frozenset[int]], previous: Mention | None = None):
    """(source, target, why_source, why_target) for a match. `previous` is the source of the
    sentence's previous event (for a verb joined by و/ف)."""
    r = _Roles(match, sentence, analyses, mentions, reporting, analyse, previous)
    r.inside_trigger()
    r.doer_after()
    r.preposition()
    # a place never acts, and neither do the victims of a casualty report
    r.before = [m for m in r.before if m.kind != PLACE and (m.start, m.end) not in r.hit_spans]
    if r.passive:
        r.passive_clause()
    elif r.verbal:
        r.verb()
    else:
        r.verbal_noun()
    r.victims()
    r.operation_doer()
    r.protesters()
    r.speaker()
    r.shared_subject()
    r.claim()
    return r.src, r.tgt, r.why_src, r.why_tgt
