"""Closed-class Arabic words the engine itself needs, in normalised spelling.

Negators decide whether a trigger reports an event that did not happen; reporting verbs mark
the frame (أفادت مصادر, قالت وكالة) whose subject is never the source of the reported event.
Kept as data in one place so that linguists can read and extend them.
"""

from __future__ import annotations

# Particles that negate the rest of their clause (up to NEGATION_REACH tokens).
CLAUSE_NEGATORS = frozenset(
    p + w for p in ("", "و", "ف") for w in ("لم", "لن", "ليس", "ليست")
)
# Particles and nouns that negate only the next few tokens (up to SHORT_REACH).
SHORT_NEGATORS = frozenset(
    p + w for p in ("", "و", "ف", "ب") for w in ("لا", "عدم", "دون", "بدون")
)
# Idioms that contain a negator but do not negate: لا يزال (still), لا سيما (especially).
NOT_NEGATING_NEXT = frozenset(("يزال", "تزال", "يزالون", "زال", "زالت", "سيما", "بد", "شك", "يمكن"))
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
