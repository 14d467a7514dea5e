"""Matches that tell what will or may happen, not what happened.

A verb with the future prefix (سيقتل، ستقصف، وسيعتقلون) or after سوف reports a plan or a
prediction; قد before a present verb (قد يقتل، قد تقصف) a possibility, where قد before a past
verb (قد قتل) stresses that it did happen; a present verb after أن/لن/كي (من المقرر أن يجري
محادثات) a plan or a wish. None of them is an event to count. Roots whose very
meaning is a statement about the future keep them: statements (01), appeals (02), intentions
(03), demands (10) and threats (13), whose rules are written for سيرد and its kind.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import Lexicon
from .match import Match
from .text.morphology import PRESENT_PREFIXES, THIRD_PERSON_PRONOUNS, without_conjunction
from .text.normalize import normalize
from .text.segment import Sentence

FUTURE_ROOTS_KEPT = ("01", "02", "03", "10", "13")
# Frames of accusation, belief and appearance before a complementizer: what follows is claimed,
# suspected or guessed, not reported as fact (اتهمهم بأنهم فجروا، يعتقد أن الصاروخ أطلق، بدا أن).
# They matter for acts (roots 04-09, 14-20: اتهمت بلدانهم بأنها تقدم مساعدات، يعتقد أنها تتعاون مع);
# the accusation itself is coded by root 11, and statements, appeals and demands are speech.
# يشتبه is left out: it mostly describes who someone is (مقاتلون يشتبه بأنهم ينتمون إلى ...).
FRAMED_ROOTS = ("04", "05", "06", "07", "08", "09", "14", "15", "16", "17", "18", "19", "20")
FRAMES = frozenset(normalize(w) for w in (
    "اتهم", "اتهمت", "اتهموا", "يتهم", "تتهم", "يتهمون", "اتهام", "اتهامه", "اتهامها", "اتهامهم", "متهم",
    "متهمين", "زعم", "زعمت", "يزعم", "تزعم", "زاعما", "ادعى", "ادعت", "يدعي", "تدعي", "مدعيا", "ادعاء",
    "يعتقد", "يعتقدون", "نعتقد", "أعتقد", "اعتقد", "يرجح", "ترجح", "يرجحون", "المرجح", "المحتمل", "يبدو",
    "بدا", "ويبدو", "ربما", "يحتمل", "المعتقد", "يظن", "يخشى", "تخشى",
    "شائعة", "شائعات", "الشائعات", "يزعمون", "مزاعم",
))
FRAME_COMPLEMENTS = frozenset(normalize(w) for w in (
    "أن", "ان", "بأن", "بان", "أنه", "انه", "أنها", "انها", "أنهم", "انهم", "بأنه", "بانه", "بأنها", "بانها",
    "بأنهم", "بانهم", "فإن", "فان",
))
FRAME_REACH = 16  # how far before the trigger the frame may stand, in its clause
FUTURE_PARTICLES = frozenset(normalize(w) for w in ("سوف", "وسوف", "فسوف", "لسوف"))
# Auxiliaries of a plan before a noun that names the act (سيتم نقل الجرحى، ستبدأ التفاوض، يعتزم
# بحث سبل): the future or an intention, not a report. Written out because a س at the start of a
# word is as often part of a noun (سيارة، ستة) as the future prefix.
PLAN_AUXILIARIES = frozenset(normalize(w) for v in (
    "سيتم", "ستتم", "سيجري", "ستجري", "سيبدأ", "ستبدأ", "سيبدأون", "يعتزم", "تعتزم", "يعتزمون", "ينوي",
    "تنوي", "ينوون", "سيعاد", "ستعاد") for w in (v, "و" + v))
# What must be done or is aimed at is not done yet: an obligation (يتعين على مجلس الشيوخ إقرار أو
# رفض الاتفاق، يجب وقف، لا بد من) or a purpose (من أجل إلقاء القبض على القتلة، بهدف إطلاق سراح) before
# the trigger. Two-word ones are found by their second word after the first.
OBLIGATIONS = frozenset(normalize(w) for w in ("يتعين", "ويتعين", "يجب", "ويجب", "ينبغي", "وينبغي"))
OBLIGATION_PAIRS = frozenset((normalize(a), normalize(b)) for a, b in (("لا", "بد"), ("لابد", "من")))
AIMS = frozenset(normalize(w) for w in ("بهدف", "وبهدف", "بغية", "لأجل", "ولأجل"))
AIM_PAIRS = frozenset((normalize(a), normalize(b)) for a, b in (
    ("من", "أجل"), ("ومن", "أجل"), ("سعيا", "إلى"), ("سعيا", "الى"), ("سعيا", "لـ"),
))
DUTY_REACH = 5  # words between the duty or aim and the trigger (يتعين على مجلس الشيوخ إقرار أو)
# Means used for an aim make the aim the act (استخدمت الشرطة القوة من أجل تفريق مظاهرة): the stems
# of the verbs of using, after و/ف
MEANS = tuple(normalize(w) for w in ("استخدم", "استعمل", "لجأ", "لجئ", "أطلق", "وظف"))
POSSIBILITY = frozenset(normalize(w) for w in ("قد", "وقد", "فقد", "لقد"))
# Particles before a present verb that make it a purpose, a wish or a plan, not a report (أمله
# في أن تحترم الهدنة، لن يجري محادثات، كي يطلق سراح): the subjunctive. After أن a past verb is a
# fact (أكد أن القوات قصفت): only present verbs count. After قبل أن / بعد أن the present tells a
# past in narrative (قبل أن يعتقله أحد الضباط): those are left to the background rules.
SUBJUNCTIVE = frozenset(normalize(w) for w in ("أن", "وأن", "بأن", "لن", "ولن", "كي", "لكي", "كيلا", "لئلا"))
# Particles of a condition: what follows may happen (إذا أطلقت إسرائيل سراحهم، لو انفجرت القنبلة).
# إن is left out: normalised, it is the complementizer أن (أكد أن القوات قصفت).
CONDITIONALS = frozenset(normalize(w) for w in ("إذا", "اذا", "وإذا", "واذا", "فإذا", "فاذا", "لو", "ولو"))
IF_WOULD = frozenset(normalize(w) for w in ("لو", "ولو"))
IF_WOULD_NEXT = frozenset(normalize(w) for w in ("أن", "ان", "كان", "كانت", "كانوا", "تم"))
IN_CASE = frozenset(normalize(w) for w in ("حال", "حالة"))  # في حال انسحبت، في حالة وقوع
IN_STATE = normalize("حالة")
# في حالة is also "in a state" (في حالة حرجة، في حالة تأهب): a condition only before these
IN_CASE_OF = frozenset(normalize(w) for w in (
    "وقوع", "حدوث", "عدم", "تعرض", "استمرار", "رفض", "فشل", "قيام", "تنفيذ", "تكرار", "ثبوت", "نجاح",
    "موافقة", "تم", "لم", "كان", "كانت", "أقدم", "اقدم", "قامت", "قام",
))
CONDITION_REACH = 6  # words between the particle and the trigger (إذا قامت إسرائيل بـ)
NARRATIVE_BEFORE_AN = frozenset(normalize(w) for w in ("قبل", "وقبل", "بعد", "وبعد", "بعيد", "منذ", "إلى", "الى"))


def _past(word: str, verbs: frozenset[int], lexicon: Lexicon) -> bool:
    """Whether `word` is written on the past stem of one of `verbs` (نفذت، تبنى، يئسوا): a
    present prefix letter that belongs to the root."""
    for lid in verbs:
        key = lexicon.keys[lid]
        if key[0] == "verb" and word.startswith(normalize(key[1])):
            return True
    return False


def _subjunctive_object(norms: Sequence[str], ts: int, lexicon: Lexicon) -> str | None:
    """A trigger that is, or is the object of, a subjunctive verb a few words before it (من
    المفترض أن يجري مورير محادثات، لن تعقد اجتماعا، من المرتقب أن تصل طائرات تحمل مساعدات): the
    act is planned, not reported."""
    for j in range(max(ts - 4, 0), ts):
        if norms[j] not in SUBJUNCTIVE or (j > 0 and norms[j - 1] in NARRATIVE_BEFORE_AN):
            continue
        verb = norms[j + 1]
        if verb[:1] in PRESENT_PREFIXES and any(
                not _past(verb, frozenset((lid,)), lexicon) for lid in _verbs_in(lexicon.analyse(verb), lexicon)):
            return f"{norms[j]} {verb}"
    return None


def _verbs_in(lexemes: frozenset[int], lexicon: Lexicon) -> frozenset[int]:
    """The verb lexemes among a token's readings."""
    return frozenset(lid for lid in lexemes if lexicon.keys[lid][0] == "verb")


def _frame_word(word: str) -> bool:
    """A frame word, with a conjunction or an object pronoun on it (واتهمهم، ويبدو)."""
    for w in (word, without_conjunction(word)):
        if w in FRAMES or any(w.endswith(p) and w[: -len(p)] in FRAMES for p in THIRD_PERSON_PRONOUNS):
            return True
    return False


def framed(match: Match, sentence: Sentence) -> str | None:
    """The frame of accusation or belief the trigger stands in (اتهمهم بأنهم فجروا), or None:
    the frame word, then a complementizer, then the trigger, all in one clause."""
    if match.rule.code[:2] not in FRAMED_ROOTS:
        return None
    ts, norms, clauses = match.trigger_start, sentence.norms, sentence.clauses
    clause = clauses[ts]
    complement = None
    for j in range(ts - 1, max(ts - FRAME_REACH, 0) - 1, -1):
        if clauses[j] != clause:
            break
        if complement is None and norms[j] in FRAME_COMPLEMENTS:
            complement = j
        elif complement is not None and _frame_word(norms[j]) and complement - j <= 4:
            return f"{norms[j]} {norms[complement]}"
    return None


def conditional(match: Match, sentence: Sentence) -> str | None:
    """The particle of a condition the trigger stands in (إذا أطلقت سراحهم، لو انفجرت، في حال
    انسحبت), or None: an act that may happen, past verb or present. Only for acts (FRAMED_ROOTS):
    statements, appeals and demands are made of conditions (طالب بالإفراج عنهم إذا)."""
    if match.rule.code[:2] not in FRAMED_ROOTS:
        return None
    ts, norms, clauses = match.trigger_start, sentence.norms, sentence.clauses
    for j in range(ts - 1, max(ts - CONDITION_REACH, 0) - 1, -1):
        if clauses[j] != clauses[ts]:
            break
        word = norms[j]
        if word in IF_WOULD and j + 1 != ts and norms[j + 1] not in IF_WOULD_NEXT:
            continue  # لو is also the French article of a name (وقال لو دريان)
        in_case = word in IN_CASE and j > 0 and norms[j - 1] in ("في", "وفي") \
            and (word != IN_STATE or norms[j + 1] in IN_CASE_OF)
        if word in CONDITIONALS or in_case:
            return word
    return None


def _duty_or_aim(norms: Sequence[str], clauses: Sequence[int], ts: int) -> str | None:
    """The word of obligation or purpose a few words before the trigger, in its clause."""
    clause = clauses[ts]
    for j in range(ts - 1, max(ts - DUTY_REACH, 0) - 1, -1):
        if clauses[j] != clause:
            break
        pair = (norms[j - 1], norms[j]) if j > 0 else None
        if norms[j] in OBLIGATIONS:
            return norms[j]
        if pair in OBLIGATION_PAIRS:
            return " ".join(pair)
        if norms[j] in AIMS or pair in AIM_PAIRS:
            if any(without_conjunction(w).startswith(MEANS) for k, w in enumerate(norms[:j]) if clauses[k] == clause):
                return None  # استخدمت الشرطة القوة من أجل تفريق مظاهرة: the force was used to disperse it
            return " ".join(pair) if pair in AIM_PAIRS else norms[j]
    return None


def unreal(match: Match, sentence: Sentence, analyses: Sequence[frozenset[int]], lexicon: Lexicon) -> str | None:
    """Why the match tells a future, possible, claimed, supposed or asked-about act ("سيقتل",
    "قد يقتل", "اتهمهم بأنهم فجروا", "هل قصفت؟"), or None."""
    if sentence.asks(match.trigger_start):
        return "؟"
    frame = framed(match, sentence) or conditional(match, sentence)
    if frame is not None:
        return frame
    if match.rule.code[:2] in FUTURE_ROOTS_KEPT:
        return None
    ts, norms = match.trigger_start, sentence.norms
    governed = _subjunctive_object(norms, ts, lexicon)
    if governed is not None:
        return governed
    aim = _duty_or_aim(norms, sentence.clauses, ts)
    if aim is not None:
        return aim
    if ts > 0 and norms[ts - 1] in PLAN_AUXILIARIES:
        return norms[ts - 1]  # سيتم نقل الجرحى: the act is named by the plan's object
    word = without_conjunction(norms[ts])
    verbs = match.pattern.verbs & analyses[ts]
    # the future prefix on a verb written as an exact token or plain word (=سيعارض): any verb the
    # lexicon reads in it, without the prefix
    future = verbs or _verbs_in(analyses[ts], lexicon)
    if word[:1] == "س" and word[1:2] in PRESENT_PREFIXES and not future.isdisjoint(lexicon.analyse(word[1:])) \
            and not _past(word, future, lexicon):
        return norms[ts]  # سيقتل: the same verb without its future prefix
    if not verbs:
        return None  # the trigger does not open with one of the pattern's verbs
    before = norms[ts - 1] if ts > 0 else ""
    if before in FUTURE_PARTICLES:
        return before
    if before in POSSIBILITY and before != "لقد" and word[:1] in PRESENT_PREFIXES and not _past(word, verbs, lexicon):
        return f"{before} {norms[ts]}"
    return None  # a present verb right after أن/لن is `_subjunctive_object`'s, above
