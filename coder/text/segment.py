"""Sentences and tokens, with spans in the ORIGINAL text computed only when they are needed.

A text is cut at its punctuation first: sentence ends (. ! ? ؟ … and newlines) and clause
breaks (، , ؛ ; : and a free-standing dash). The words between two breaks are found with one
C-level `findall`, and each distinct word is normalised once (a process-wide cache). Matching
never crosses a clause break, which keeps a gap in a pattern from reaching into the next
clause.

Most sentences of a corpus code nothing, so the character offsets of their tokens are never
needed: `Sentence.spans` recomputes them on first use, from the same regular expression over
the same stretches of text, so they always line up with `norms`.

A decimal number (3.5, 1,000, ٣٫٥) is one token and its point or comma breaks nothing; a point
after a one-letter word (the initials of أ. ف. ب, or د. for doctor) does not end a sentence.
"""

from __future__ import annotations

import re

from .normalize import normalize

# Combining marks and invisible format characters that may sit inside an Arabic word.
_INSIDE = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0300-\u036f\ufe00-\ufe0f"
    "\u200b-\u200f\u2060\ufeff\u061c\u202a-\u202e\u2066-\u2069"
)
_WORD = re.compile(r"\d+(?:[.,٫٬]\d+)+|[^\W_][\w" + _INSIDE + "]*")
# The lookahead names every character a break can start with: the regex engine then skips the
# other characters with one set test instead of trying eight alternatives at each of them, which
# halved the scan (0.84 s to 0.38 s over the SaudiNewsNet corpus). It matches the same breaks.
_BREAK = re.compile(r"(?=[\n.!?؟…۔,،؛;:\s])(?:\n|\.(?!\d)|(?<!\d)\.|[!?؟…۔]+|,(?!\d)|(?<!\d),|[،؛;:]|\s[-–—]\s)")
_ENDS = frozenset("\n.!?؟…۔")
_QUESTION_ENDS = frozenset("!?؟…۔")  # a question mark may share its run with these (؟!)
_OPENING_QUOTES = ("«", '"', "“")

_NORMS: dict[str, str] = {}
_NORMS_MAX = 1 << 20


def _norm(word: str) -> str:
    n = normalize(word)
    if len(_NORMS) < _NORMS_MAX:
        _NORMS[word] = n
    return n


def _normal(word: str) -> str:
    """The normal form of a word, from the cache when it is there."""
    n = _NORMS.get(word)
    return _norm(word) if n is None else n


class Sentence:
    """One sentence: normalised tokens and their clause numbers; offsets on demand."""

    __slots__ = ("text", "norms", "clauses", "_segments", "_stop", "_spans")

    def __init__(self, text: str, norms: list[str], clauses: list[int], segments: list[tuple[int, int]],
                 stop: int):
        self.text = text
        self.norms = norms  # normalised tokens
        self.clauses = clauses  # clause number of each token
        self._segments = segments  # stretches of text between breaks that hold the tokens
        self._stop = stop  # end of the sentence-ending punctuation, or -1
        self._spans: list[tuple[int, int]] | None = None

    def __len__(self) -> int:
        return len(self.norms)

    @property
    def spans(self) -> list[tuple[int, int]]:
        """(start, end) of every token in the original text."""
        if self._spans is None:
            text, finditer = self.text, _WORD.finditer
            spans = [m.span() for a, b in self._segments for m in finditer(text, a, b)]
            if len(spans) != len(self.norms):  # some words normalised to nothing: leave them out
                spans = [m.span() for a, b in self._segments for m in finditer(text, a, b) if _normal(m.group())]
            self._spans = spans
        return self._spans

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return max(self.spans[-1][1], self._stop)

    def asks(self, token: int) -> bool:
        """Whether `token` stands in the question the sentence ends with (هل هذا تصوركم؟): an
        interview's question names events only to ask about them. A question quoted at the end
        (وتساءل كيري خلال لقاء: «هل تعتقدون …؟) is only what follows its opening quote mark."""
        stop, text = self._stop, self.text
        while stop > 0 and text[stop - 1] in _QUESTION_ENDS:
            if text[stop - 1] in "?؟":
                quote = max(text.rfind(q, self.spans[0][0], stop) for q in _OPENING_QUOTES)
                return self.spans[token][0] > quote
            stop -= 1
        return False

    def span_text(self, first: int, last: int) -> str:
        """The original text of tokens first..last (inclusive)."""
        spans = self.spans
        return self.text[spans[first][0]:spans[last][1]]


def is_single_token(word: str) -> bool:
    """Whether `word` is exactly one token that does not normalise to nothing."""
    return _WORD.fullmatch(word) is not None and bool(normalize(word))


def _take(text: str, a: int, b: int, clause: int, norms: list[str], clauses: list[int],
          segments: list[tuple[int, int]]) -> None:
    """Append the normalised words of text[a:b] (one clause's stretch) to the sentence being built."""
    words = _WORD.findall(text, a, b)
    if not words:
        return
    found = list(map(_NORMS.get, words))  # C-level look-ups; misses are rare once warm
    if None in found:  # normalise the new words in one pass over the known forms
        found = [n if n is not None else _norm(w) for n, w in zip(found, words, strict=True)]
    if "" in found:
        found = [n for n in found if n]
        if not found:
            return
    norms.extend(found)
    clauses.extend([clause] * len(found))
    segments.append((a, b))


# A time phrase set off by commas (قال الوزير، أمس، إن / وافق المجلس، اليوم (الاثنين)، على) is
# an aside: the clauses around it are one clause, so a pattern reaches from the verb to its object.
_ASIDE_WORDS = frozenset(normalize(w) for w in (
    "اليوم", "أمس", "امس", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد",
    "صباح", "مساء", "ظهر", "فجر", "ليل", "ليلة", "أول", "من", "الماضي", "الماضية", "الجاري", "الجارية",
    "أيضا", "كذلك", "بدوره", "بدورها", "بدورهم", "مجددا", "الأسبوع", "الشهر", "يوم",
))
_ASIDE_MAX = 4  # words in such an aside
_COMMAS = frozenset("،,")
# A clause opened by a complementizer after a comma continues the one before it (وأعلنت وزارة
# الداخلية، أن …), and so does a short apposition before such a clause (أكد فلان، وزير الخارجية،
# أن …): the verb reaches its complement.
_COMPLEMENTIZERS = frozenset(normalize(w) for w in ("أن", "ان", "إن", "بأن", "بان", "أنه", "انه", "إنه",
                                                    "أنها", "انها", "إنها", "بأنه", "بأنها"))
_APPOSITION_MAX = 6  # words in an apposition between a verb's subject and its complement
# Heads of a title in apposition (دعا فلان، وزير الثقافة، إلى …): set off by commas, such a
# title is an aside too, whatever follows it.
TITLE_HEADS = frozenset(normalize(w) for w in (
    "وزير", "وزيرة", "رئيس", "رئيسة", "الأمين", "أمين", "سفير", "سفيرة", "المتحدث", "المتحدثة", "مدير",
    "مديرة", "قائد", "نائب", "عضو", "مستشار", "مستشارة", "المبعوث", "مبعوث", "زعيم", "رئيسي",
    "أمير", "ولي", "الناطق", "المفوض", "محافظ", "ممثل", "مندوب",
))


# A clause opened by a verb of result after a comma (انفجرت سيارة مفخخة في بغداد، أسفرت عن
# مقتل خمسة، مما أدى إلى) continues the one before: its subject is the act named there.
_RESULTS = frozenset(normalize(w) for v in ("أسفر", "أسفرت", "أدى", "أدت", "أودى", "أودت", "خلف",
                                            "خلفت", "أوقع", "أوقعت") for w in (v, "و" + v))
# what may lead such a verb: مما أدى، وهو ما أدى، الأمر الذي أدى
_RESULT_LEADS = frozenset(normalize(w) for w in ("ما", "مما", "وهو", "وهي", "الأمر", "الذي"))


def _opens_with_result(words: list[str]) -> bool:
    for w in words[:3]:
        if w in _RESULTS:
            return True
        if w not in _RESULT_LEADS:
            return False
    return False


def _bridge(norms: list[str], clauses: list[int], after_comma: set[int]) -> list[int]:
    """Clause numbers with comma-bounded asides, complements and results merged into the clause
    before them."""
    sizes: dict[int, int] = {}
    for c in clauses:
        sizes[c] = sizes.get(c, 0) + 1
    order = list(sizes)
    starts, start = {}, 0
    for c in order:
        starts[c] = start
        start += sizes[c]
    merged: dict[int, int] = {}

    def root(c: int) -> int:
        while c in merged:
            c = merged[c]
        return c

    def join(c: int, into: int) -> None:
        merged[c] = root(into)

    for i, c in enumerate(order):
        n, first = sizes[c], starts[c]
        if 0 < i < len(order) - 1 and n <= _ASIDE_MAX and c in after_comma and order[i + 1] in after_comma \
                and all(w in _ASIDE_WORDS or w[0].isdigit() for w in norms[first:first + n]):
            join(c, order[i - 1])
            join(order[i + 1], order[i - 1])
        elif 0 < i < len(order) - 1 and n <= _APPOSITION_MAX and c in after_comma \
                and order[i + 1] in after_comma and norms[first] in TITLE_HEADS:
            join(c, order[i - 1])  # a title in apposition: the clauses around it are one
            join(order[i + 1], order[i - 1])
        elif i > 0 and c in after_comma and _opens_with_result(norms[first:first + n]):
            join(c, order[i - 1])
        elif i > 0 and c in after_comma and norms[first] in _COMPLEMENTIZERS:
            prev = order[i - 1]
            if i > 1 and prev in after_comma and sizes[prev] <= _APPOSITION_MAX:
                join(prev, order[i - 2])  # the apposition joins the clause of its head
            join(c, prev)
    return [root(c) for c in clauses] if merged else clauses


def sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences of tokens. Tokens that normalise to nothing are dropped."""
    out: list[Sentence] = []
    norms: list[str] = []
    clauses: list[int] = []
    segments: list[tuple[int, int]] = []
    after_comma: set[int] = set()  # clauses that begin after a comma
    clause = 0
    pos = 0
    for m in _BREAK.finditer(text):
        a = m.start()
        if a > pos:
            _take(text, pos, a, clause, norms, clauses, segments)
        mark = m.group()
        pos = m.end()
        if mark[0] not in _ENDS and not mark.isspace():
            clause += 1
            if mark in _COMMAS:
                after_comma.add(clause)
            continue
        if mark.strip() in ("-", "–", "—"):
            clause += 1
            continue
        if mark == "." and a >= 1 and text[a - 1].isalpha() and (a < 2 or not text[a - 2].isalnum()):
            continue  # an initial: أ. ف. ب
        if norms:
            if after_comma:
                clauses = _bridge(norms, clauses, after_comma)
            out.append(Sentence(text, norms, clauses, segments, pos if mark != "\n" else -1))
            norms, clauses, segments = [], [], []
        after_comma = set()
        clause += 1
    if pos < len(text):
        _take(text, pos, len(text), clause, norms, clauses, segments)
    if norms:
        if after_comma:
            clauses = _bridge(norms, clauses, after_comma)
        out.append(Sentence(text, norms, clauses, segments, -1))
    return out
