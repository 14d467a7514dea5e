"""Events dated to an earlier year are background, not news.

News reports today's events with days (أمس، الخميس، فجر اليوم); a year written out next to an
act (اغتيل عام 1978، تعرض عام 1986 لمحاولة اختطاف، في سنة 2002 قتل) places it in the past the
article looks back on. An analyst counting events does not count those again, and the gold
sets mark them "no". With the record's date, a year before the record's year is background;
without one, any such year is, since a year is rarely written for the current one (العام
الجاري، هذا العام).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .match import Match
from .text.normalize import normalize
from .text.segment import Sentence

# Words that introduce a year: عام 2002، في العام 1998، سنة 1978، عامي 1965 و1966
YEAR_WORDS = frozenset(normalize(w) for w in (
    "عام", "العام", "سنة", "السنة", "عامي", "وعام", "بعام", "لعام", "مطلع", "منتصف", "أواخر",
    "أوائل", "نهاية", "بداية", "صيف", "شتاء", "ربيع", "خريف",
))
# "since the year 2003" measures a period up to now (الأولى من نوعها منذ العام 2003): no date
SINCE = frozenset(normalize(w) for w in ("منذ", "ومنذ", "حتى"))
# Month names, Gregorian and Levantine: a year after one (في سبتمبر (أيلول) 1970) is a date
MONTHS = frozenset(normalize(w) for w in (
    "يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "اغسطس", "سبتمبر",
    "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "اذار", "نيسان", "أيار", "ايار",
    "حزيران", "تموز", "آب", "اب", "أيلول", "ايلول", "تشرين", "الأول", "الاول", "الثاني",
))
ORDINALS = frozenset(normalize(w) for w in ("الأول", "الاول", "الثاني"))  # تشرين الأول، كانون الثاني
# A dated act this many years before the record's is history told again (the hijackings of
# September 1970 in a 2008 article), where a recent date is a timeline the news keeps (ـ 12
# يوليو 2005: جرح وزير الدفاع في تفجير): the dev gold counts those.
HISTORY_YEARS = 10
_DIGIT = re.compile(r"\d")  # every year is written in digits: most sentences have none to look at
FRONTED_TIME = 4  # a clause this short before the trigger's may be a fronted date (في سنة 1978، تم اغتيال)


def _year(norms: Sequence[str], j: int) -> int | None:
    word = norms[j].lstrip("و")
    if len(word) in (3, 4) and word.isdigit() and j > 0 and norms[j - 1] in YEAR_WORDS \
            and not any(w in SINCE for w in norms[max(0, j - 5):j - 1]):  # منذ توقفها في عام 2009
        year = int(word)
        if 100 <= year <= 2100:  # سنة 630 للميلاد as well as عام 1986
            return year
    return None


def _dated_year(norms: Sequence[str], j: int) -> int | None:
    """The year of a date written with its month (12 يوليو 1995، سبتمبر (أيلول) 1970), or None."""
    word, before = norms[j], norms[j - 1] if j > 0 else ""
    if len(word) != 4 or not word.isdigit() or before not in MONTHS:
        return None  # the year right after its month: 30 يونيو (حزيران) قتل 1592 is a count
    if before in ORDINALS and (j < 2 or norms[j - 2] not in MONTHS):
        return None  # الأول/الثاني only after تشرين/كانون
    return int(word)


def dated_background(match: Match, sentence: Sentence, date: str | None) -> str | None:
    """The year that dates the match to the past ("عام 1986", "سبتمبر أيلول 1970"), or None."""
    norms, clauses = sentence.norms, sentence.clauses
    if _DIGIT.search(" ".join(norms)) is None:
        return None
    clause = clauses[match.trigger_start]
    positions = [j for j, c in enumerate(clauses) if c == clause]
    before = [j for j, c in enumerate(clauses) if c == clause - 1]
    if before and len(before) <= FRONTED_TIME:
        positions = before + positions
    now = int(date[:4]) if date and date[:4].isdigit() else None
    for j in positions:
        year = _year(norms, j)
        if year is not None and (now is None or year < now):
            return f"{norms[j - 1]} {norms[j]}"
        year = _dated_year(norms, j) if now is not None else None
        if year is not None and now - year > HISTORY_YEARS:
            return f"{norms[j - 1]} {norms[j]}"
    return None
