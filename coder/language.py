"""Closed-class Arabic words the engine itself needs, in normalised spelling.

Negators decide whether a trigger reports an event that did not happen; reporting verbs mark
the frame (أفادت مصادر, قالت وكالة) whose subject is never the source of the reported event.
Kept as data in one place so that linguists can read and extend them.
"""

from __future__ import annotations

from .text.normalize import normalize

# Particles that negate the rest of their clause (up to NEGATION_REACH tokens).
CLAUSE_NEGATORS = frozenset(
    p + w for p in ("", "و", "ف") for w in ("لم", "لن", "ليس", "ليست")
)
# Particles and nouns that negate only the next few tokens (up to SHORT_REACH).
SHORT_NEGATORS = frozenset(
    p + w for p in ("", "و", "ف", "ب") for w in ("لا", "عدم", "دون", "بدون")
)
# Idioms that contain a negator but do not negate: لا يزال (still), لا سيما (especially).
NOT_NEGATING_NEXT = frozenset((
    "يزال", "تزال", "يزالون", "زال", "زالت", "سيما", "بد", "شك", "يمكن",
    # لم يتوقف عن / لم تكف عن / لم يتردد في: the action went on
    "يتوقف", "تتوقف", "يتوقفوا", "يكف", "تكف", "يكفوا", "يتوان", "تتوان", "يتردد", "تتردد", "يترددوا",
    "يتورع", "تتورع", "يتورعوا",  # لم يتورع عن: did not shrink from
))
NEGATION_REACH = 10
SHORT_REACH = 3

# Verbs of denial negate the clause they head: نفت الشرطة اعتقال أي صحفي.
DENIAL_VERBS = (("نفي", "ينفي"), ("نفا", "ينفي"), ("كذب", None))

# Reporting and statement verbs; their subjects report, they do not act.
REPORTING_VERBS = (
    ("قال", "يقول"), ("افاد", None), ("ذكر", None), ("اعلن", None), ("اكد", None), ("اشار", None),
    ("اوضح", None), ("نقل", None), ("صرح", None), ("اضاف", None), ("زعم", None), ("روي", "يروي"),
    ("بث", None), ("نشر", None), ("كشف", None), ("تحدث", None),
)

# The commonest words of Arabic news (normalised): prepositions, conjunctions, pronouns,
# demonstratives, auxiliaries, time words and a few very frequent nouns. A pattern is never
# indexed under such a word when it has a rarer required word: anchoring on في or بعد would
# make the coder try the pattern in nearly every sentence.
_COMMON = """
في من علي الي الى عن مع ب ل ك و ف ان إن أن الذي التي الذين اللذين اللتين اللواتي ما ماذا او أو لا لم لن
هذا هذه ذلك تلك هؤلاء اولئك هنا هناك هو هي هم هن انا نحن انت انه انها انهم له لها لهم به بها بهم فيه فيها
فيهم منه منها منهم عليه عليها عليهم اليه اليها بين بعد قبل خلال منذ حتي حيث كما كل بعض اي غير مثل نحو
حول عند لدي لدى امام خلف وراء فوق تحت داخل خارج عبر ضد دون رغم بسبب اجل جانب وسط لكن بل ثم اذا اذ
لو لان كي قد لقد كان كانت كانوا يكون تكون يكن ليس ليست اصبح اصبحت صار ظل مازال لايزال عام العام
الماضي المقبل الحالي اليوم امس غدا يوم ايام شهر اسبوع الاسبوع سنه سنوات عاما مره اكثر اقل كثير قليل
جميع كافه عده عدد احد واحد اول اخر اخري الاول الثاني ايضا فقط جدا الا اما عندما حين بينما فيما
وقت الوقت الان تم يتم قال يقول وقال وقالت اضاف واضاف اكد وأكد اشار اعلن ذكر بشكل بنسبه باسم
"""
COMMON_WORDS = frozenset(normalize(w) for w in _COMMON.split())
# The very commonest: a pattern anchored on one of these is tried in almost every sentence.
VERY_COMMON_WORDS = frozenset(normalize(w) for w in """
في من على الى إلى عن مع أن إن ان ما لا لم هذا هذه التي الذي الذين كان كانت قد بعد قبل خلال بين كل
""".split())  # noqa: SIM905 - a word list reads best as text

# Prepositions that introduce the target of an action: شن غارات على مواقع داعش، حملة ضد المعارضة.
TARGET_PREPOSITIONS = frozenset(normalize(w) for w in (
    "على", "ضد", "بحق", "تجاه", "وعلى", "علي",
    # and the words of an attack that name what it struck: استهدف دورية للجيش، لدى مرور موكب الوزير
    "استهدف", "استهدفت", "استهدفا", "استهدفوا", "يستهدف", "تستهدف", "مستهدفا", "مستهدفة", "مستهدفين",
    "مرور", "موكب", "بموكب",
))
# Whom a protest's demand addresses, often after a comma: تظاهروا أمس، مطالبين الحكومة بالاستقالة.
DEMAND_WORDS = frozenset(normalize(w) for w in (
    "مطالبين", "مطالبا", "مطالبة", "تطالب", "يطالبون", "يطالب", "للمطالبة", "مطالبون", "وطالبوا", "وطالب",
    # and whom it is against or in front of: احتجاجا على قرار الحكومة، أمام مقر البرلمان
    "احتجاجا", "للاحتجاج", "بالاحتجاج", "والاحتجاج",
    "تنديدا", "منددين", "ضد", "أمام", "امام", "برحيل", "باستقالة", "بإسقاط",
    "يسقط", "تسقط", "بسقوط", "استنكارا", "رفضا", "مناهضة", "المناهضة", "مناوئة", "المناوئة",
    # slogans: الموت لأمريكا، لا لـ
    "الموت", "بالموت",
    # and where it stood: حول مقر سفارة إستونيا، قبالة البرلمان
    "حول", "قبالة", "مقابل",
    # and whom the anger is at: وسط غضب متزايد من قرار بريطانيا
    "غضب", "غضبا", "استياء", "سخط", "سخطا",
))
# Of those, the ones that only say where a protest stood: a weaker sign of its target than the others.
DEMAND_PLACES = frozenset(normalize(w) for w in ("أمام", "امام", "حول", "قبالة", "مقابل"))
# Auxiliaries of the passive with a verbal noun: تم اعتقال، جرى تفكيك.
PASSIVE_AUXILIARIES = frozenset(normalize(w) for w in ("تم", "وتم", "يتم", "ويتم", "تمت", "وتمت", "جرى", "وجرى",
                                                      "يجري", "ويجري", "سيتم"))

# Words of quantity. After a verb of violence they mark the passive reading of an unvowelled
# verb (قتل 12 شخصا، قتل ما لا يقل عن 28، اختطف عشرات العمال): the counted are the victims.
QUANTITY_WORDS = frozenset(normalize(w) for w in """
ما نحو حوالي قرابة زهاء اكثر أكثر عشرات مئات آلاف الاف عدد عدة بضعة بعض اثنان اثنين ثلاثة أربعة
خمسة ستة سبعة ثمانية تسعة عشرة أحد احد اثنا اثني جميع كل العشرات المئات الآلاف الالاف آلاف
ألوف الألوف مئات عشرات عددا عدداً
""".split())  # noqa: SIM905 - a word list reads best as text
# Words that tie an agent to the body it belongs to: ضابط في الشرطة، عناصر من الجيش.
MEMBERSHIP = frozenset(normalize(w) for w in ("في", "من", "داخل"))

# Words before a place name that make it a place, not an actor: في بيروت، شمال بغداد، ريف دمشق.
LOCATIVES = frozenset(normalize(w) for w in (
    "في", "وفي", "بمدينة", "مدينة", "محافظة", "بمحافظة", "منطقة", "بمنطقة", "بلدة", "ببلدة", "قرية",
    "بقرية", "ريف", "بريف", "حي", "بحي", "وسط", "قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب",
    "شمالي", "جنوبي", "شرقي", "غربي", "داخل", "خارج", "ضواحي", "أطراف", "العاصمة", "عاصمة", "الى",
    "إلى", "عبر", "مطار", "مخيم", "إقليم", "اقليم", "بإقليم", "باقليم", "ولاية", "بولاية", "مقاطعة",
    "بمقاطعة", "بلدة", "مدن", "أنحاء", "انحاء", "شمالي", "ضاحية", "بضاحية",
    # a place as the subject of witnessing or sweeping: شهدت تركيا مسيرتين، احتجاجات عمت العراق
    "شهدت", "وشهدت", "شهد", "وشهد", "تشهد", "يشهد", "عمت", "تعم", "يعم", "اجتاحت", "تجتاح", "شملت",
))
# Prepositions: an actor after one is governed by it, never the subject of the verb before
# (تجمع أمام محكمة ويستمنستر عدد من المتظاهرين).
PREPOSITIONS = frozenset(normalize(w) for w in (
    "في", "على", "من", "إلى", "الى", "عن", "أمام", "امام", "خلف", "قرب", "حول", "داخل", "خارج", "ضد",
    "بين", "عند", "لدى", "نحو", "تجاه", "مع", "قبالة", "وسط",
))
# A complementizer with a pronoun after a reporting verb: the speaker is the doer of what follows
# (قال حلف الأطلسي إنه قتل عددا من قادة طالبان، أعلنت إسرائيل أنها قصفت).
SPEAKER_PRONOUNS = frozenset(normalize(w) for w in (
    "أنه", "انه", "إنه", "بأنه", "بانه", "أنها", "انها", "إنها", "بأنها", "بانها", "أنهم", "انهم", "إنهم",
    "بأنهم", "بانهم", "أنهما", "انهما", "إنهما",
))

# Words after which an actor is the doer of a passive or nominal event: من قبل الشرطة، على أيدي
# مسلحين، على يد الجيش، برصاص القوات.
AGENTIVE = frozenset(normalize(w) for w in ("قبل", "ايدي", "يد", "برصاص", "بنيران", "بقصف"))

# Auxiliaries of doing: قام الجنود بقتل، أقدم مسلح على طعن. Who follows them is the doer.
DOING_AUXILIARIES = frozenset(normalize(w) for w in (
    "قام", "قامت", "قاموا", "يقوم", "تقوم", "يقومون", "أقدم", "أقدمت", "أقدموا", "يقدم", "تقدم",
))

# Words that name the victims of violence, often in a later clause: ...، مما أدى إلى مقتل عشرة أشخاص.
VICTIM_MARKERS = frozenset(normalize(w) for w in (
    "مقتل", "بمقتل", "ومقتل", "قتل", "وقتل", "إصابة", "وإصابة", "بإصابة", "جرح", "وجرح", "مصرع", "استشهاد",
    "إصابات", "وإصابات", "قتلى", "جرحى", "أصيب", "وأصيب", "أصيبوا",
    # and the targets of an attack that failed or struck: نجا الوزير من، تعرض موكب المحافظ لـ
    "نجا", "ونجا", "تعرض", "وتعرض", "تعرضت", "وتعرضت", "اغتيال", "واغتيال", "باغتيال", "بحياة",
))
# Who claims an attack is its doer: أعلنت حركة طالبان مسؤوليتها عن الهجوم، وقد تبناه تنظيم القاعدة.
CLAIMS = frozenset(normalize(w) for w in (
    "مسؤوليته", "مسؤوليتها", "مسؤوليتهم", "مسؤوليتهما", "المسؤولية", "بالمسؤولية",
))
CLAIM_VERBS = frozenset(normalize(w) for w in (
    "تبنى", "تبنت", "تبناه", "تبنته", "تبناها", "تبنتها", "وتبنى", "وتبنت", "وتبناه", "وتبنته", "وتبناها",
    "وتبنتها", "يتبنى", "تتبنى", "تبنوا", "تبنيها",
))
# An attack attributed to someone names its doer: هجوم نسب إلى المتمردين، ونسبت الشرطة الهجوم إلى.
ATTRIBUTED = frozenset(normalize(w) for w in (
    "نسب", "ونسب", "نسبت", "ونسبت", "ينسب", "تنسب", "نسبه", "نسبته", "نسبها", "نسبتها", "ونسبته", "ونسبها",
    "ونسبتها", "ونسبه", "نسبوا", "ونسبوا", "ونسبت",
))
TO = frozenset(normalize(w) for w in ("إلى", "الى", "إلي"))
# Verbs that follow their victims in a casualty report: جنديا أميركيا قتل، أربعة من الحراس قتلوا في،
# ثلاثة أشخاص أصيبوا. Those of the first set are passive or intransitive in form: who stands before
# them was hit. Those of the second are passive only when no object follows: قتلوا في هجوم (hit)
# against مسلحين خطفوا أربعة مهندسين (doers); see CASUALTY_FOLLOWERS.
CASUALTY_VERBS = frozenset(normalize(w) for w in (
    "أصيب", "أصيبوا", "أصيبا", "أصيبت", "اغتيل", "استشهد", "استشهدوا", "استشهدا", "لقي", "لقوا", "لقيا",
    "لقيت", "نجا", "نجت", "نجوا", "تعرض", "تعرضت", "تعرضوا", "توفي", "توفوا", "توفيا",
))
AMBIGUOUS_CASUALTY_VERBS = frozenset(normalize(w) for w in (
    "قتل", "قتلوا", "قتلا", "قتلت", "جرح", "جرحوا", "جرحا", "خطف", "خطفوا", "خطفا", "اختطف", "اختطفوا",
    "اختطفا", "خطفت", "اختطفت",
))
# What follows such a verb when it is passive: a place, a time, a cause, an agent, another casualty.
CASUALTY_FOLLOWERS = frozenset(normalize(w) for w in (
    "في", "وفي", "خلال", "جراء", "اثر", "إثر", "عقب", "بعد", "أثناء", "اثناء", "لدى", "عندما", "حين", "أمس",
    "امس", "اليوم", "الليلة", "صباح", "مساء", "على", "من", "بانفجار", "بنيران", "برصاص", "بقصف", "بهجوم",
    "بتفجير", "بغارة", "بضربة", "وأصيب", "واصيب", "وجرح", "وأصيبوا", "وجرحوا", "بجروح", "قرب", "بالقرب",
))
# Complementizers: what follows starts a reported or embedded clause (قال مسؤولون إن ...).
COMPLEMENTIZERS = frozenset(normalize(w) for w in (
    "أن", "ان", "إن", "بأن", "بان", "وأن", "وان", "وإن", "لأن",
))
# Verbs of doing whose subject often follows them with a number (فجر 3 انتحاريين أنفسهم، أطلق بعض
# المسلحين النار، شن عشرات المسلحين هجوما): a number after them does not make them passive, as it
# does for قتل 12 شخصا or اعتقل 30 متظاهرا.
ACTIVE_BEFORE_COUNT = frozenset(normalize(w) for w in (
    "فجر", "أطلق", "اطلق", "شن", "نفذ", "هاجم", "اقتحم", "فتح", "أغار", "زرع", "قصف", "داهم", "تسلل",
))
# What may stand between a victim word and its victims: counts and partitives (مقتل ما لا يقل عن 28
# جنديا، إصابة عشرة بينهم ثلاثة من رجال الشرطة، مقتل 13 معظمهم من أفراد الشرطة).
VICTIM_FILLERS = frozenset(normalize(w) for w in """
من بينهم منهم معظمهم غالبيتهم أغلبهم بينها أحد احد إحدى احدى نحو حوالي قرابة زهاء ما لا يقل عن
أكثر اكثر على الأقل الاقل أيضا ايضا آخرين اخرين آخر اخر و عناصر أفراد افراد أعضاء اعضاء رجال عنصر
""".split()) | QUANTITY_WORDS  # noqa: SIM905 - a word list reads best as text
# A result frame (أسفرت عن اعتقال، أدى إلى مقتل) takes its doer from the operation it follows,
# named as the subject of a verb of carrying out: عملية نفذتها قوات التحالف، أسفرت عن اعتقال.
RESULT_VERBS = frozenset(normalize(w) for w in (
    "أسفر", "أسفرت", "اسفر", "اسفرت", "أدى", "أدت", "ادى", "ادت", "خلف", "خلفت", "أوقع", "أوقعت",
))
CARRIED_OUT = frozenset(normalize(w) for w in (
    "نفذ", "نفذت", "نفذها", "نفذتها", "نفذه", "نفذته", "نفذوا", "نفذوها", "شن", "شنت", "شنها", "شنتها",
    "شنه", "شنته", "شنوا", "قام", "قامت", "قاموا", "قادها", "قادته",
))
# Conjunctions that open a clause with its own subject and act, though no comma marks it: فجر
# ثلاثة انتحاريين أنفسهم بينما قتل الرابع برصاص الأمن. Roles are not looked for across them.
CLAUSE_OPENERS = frozenset(normalize(w) for w in (
    "بينما", "وبينما", "فيما", "وفيما", "عندما", "وعندما", "بعدما", "وبعدما", "حيث", "وحيث", "ريثما",
))
# Forms of كان: after a clause opener they make an aside about the past (عندما كان رئيسا).
WAS = frozenset(normalize(w) for w in ("كان", "كانت", "كانوا", "كانا", "يكون", "تكون"))
# Nouns for the victims of violence: they are hit, never the doers (وراح ضحية اعتداءاتها).
VICTIM_NOUNS = frozenset(normalize(w) for w in (
    "ضحية", "ضحايا", "الضحية", "الضحايا", "قتلى", "القتلى", "جرحى", "الجرحى", "شهداء", "الشهداء",
    "رهينة", "رهائن", "الرهينة", "الرهائن",
))
# Conjunctions that join a verb to the one before it, sharing its subject: خطفت … ثم قتلت.
THEN = frozenset(normalize(w) for w in ("ثم", "وثم"))
# Words of time that may close a trigger (خطفوا قبل ظهر أمس): what follows them is not the act's
# nationality adjective but a new phrase.
TIME_WORDS = frozenset(normalize(w) for w in (
    "أمس", "امس", "اليوم", "ظهر", "صباح", "مساء", "فجر", "ليلا", "ليل", "الماضي", "الماضية", "الجاري",
    "الليلة", "نهارا", "أيام", "ساعات",
))

# A counterpart (نظيره، نظيرته، نظرائه) is an official of another country than its owner's: with a
# nationality it is that country's (نظيره التركي → TURGOV, an agent in agents.yaml), without one
# it takes no country from its owner or the place.
COUNTERPARTS = tuple(normalize(w) for w in ("نظير", "نظراء", "لنظير", "بنظير", "لنظراء", "بنظراء"))

# Words that link the parts of a person's name (ماجد بن علي، أبو علي): what follows is a name, so
# علي there is not the preposition على it normalises to.
NAME_LINKS = frozenset(normalize(w) for w in ("بن", "ابن", "بنت", "أبو", "ابو", "أبي", "ابي"))
