"""Find rule matches in a sentence: anchor index -> candidate patterns -> verification.

For every token, its lexemes are looked up in the rule set's anchor index; each pattern found
there is verified by running the rest of its program rightwards from the anchor and the part
before the anchor leftwards. The cost depends on the words of the sentence, not on the number
of rules.

Verification is a small backtracking interpreter (see patterns/compile.py for the steps).
Optional elements are taken when they can be, gaps are kept as short as possible, and the first
way a pattern fits is the one used, so a pattern matches the same text the same way every time.
A match never crosses a clause break (، ؛ : and the like).

Overlapping matches are resolved by `select`: the match with more matched words wins, then the
longer trigger, then the more specific code (4 digits over 3), then the rule that comes first.
Matches on separate tokens are all kept.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .patterns.compile import ALT, GAP, OPT, SLOT, WORD, Program

if TYPE_CHECKING:
    from .actors import Mention
    from .ruleset import Indexed, Pattern


@dataclass(slots=True)
class Match:
    """One pattern matched in one sentence; positions are token indices, ends exclusive.
    Never changed once made; not frozen, for the same reason as `Mention`."""

    pattern: Pattern
    start: int  # first token of the whole match (slots included)
    end: int
    trigger_start: int  # first and last+1 matched word token: the trigger
    trigger_end: int
    words: int  # how many tokens matched words (specificity)
    slots: tuple[tuple[str, Mention], ...]

    @property
    def rule(self):
        return self.pattern.rule


class LazyMentions:
    """A sentence's actor mentions, looked for once and only when needed: when a pattern reaches
    a slot, or when something matched. A third of the sentences with candidates match nothing,
    and most candidates have no slot, so their mentions are never needed."""

    __slots__ = ("_find", "_found", "_starts", "_ends")

    def __init__(self, find: Callable[[], Sequence[Mention]]):
        self._find = find
        self._found: Sequence[Mention] | None = None
        self._starts: dict[int, list] | None = None
        self._ends: dict[int, list] = {}

    def all(self) -> Sequence[Mention]:
        if self._found is None:
            self._found = self._find()
        return self._found

    def table(self, step: int) -> dict[int, list]:
        """The mentions by first token (reading rightwards, step 1) or by last (step -1)."""
        if self._starts is None:
            starts: dict[int, list] = {}
            ends = self._ends
            for m in self.all():
                starts.setdefault(m.start, []).append(m)
                ends.setdefault(m.end - 1, []).append(m)
            self._starts = starts
        return self._starts if step > 0 else self._ends


class _Context:
    """What the interpreter needs about one sentence; bounds are the anchor's clause.

    `dead` remembers (program, step, position) states from which the rest of a program was
    found not to match, so that gaps, optional parts and alternatives that reach the same state
    by different routes do not explore it again: without it a pattern with several gaps and
    optional groups costs exponential time on every sentence where it almost matches.
    """

    __slots__ = ("analyses", "lo", "hi", "mentions", "dead")

    def __init__(self, analyses, lo, hi, mentions: LazyMentions):
        self.analyses = analyses
        self.lo, self.hi = lo, hi
        self.mentions = mentions
        self.dead: set[tuple[int, int, int]] = set()


Result = tuple[int, tuple, int, int]  # next position, slot bindings, outermost word position, words


def _done(pos: int, binds: tuple, edge: int, words: int) -> Result:
    return pos, binds, edge, words


def _run(prog: Program, k: int, pos: int, step: int, ctx: _Context, binds: tuple, edge: int,
         words: int, cont: Callable[[int, tuple, int, int], Result | None] = _done) -> Result | None:
    """Match prog[k:] from token `pos`, moving by `step` (+1 rightwards, -1 leftwards), then
    `cont`; return the first way that succeeds, or None.

    Written in continuation-passing style, the search tries choices in the same order a
    backtracking generator would (alternatives in order, an optional part before its absence,
    shorter gaps first), but stops at the first success without building generators.
    """
    n = len(prog)
    lo, hi, analyses = ctx.lo, ctx.hi, ctx.analyses
    while k < n and prog[k][0] == WORD:  # runs of plain words need no backtracking
        if not lo <= pos < hi or prog[k][1].isdisjoint(analyses[pos]):
            return None
        edge = pos
        words += 1
        pos += step
        k += 1
    if k == n:
        return cont(pos, binds, edge, words)
    top = cont is _done  # only then does failing here depend on nothing but (prog, k, pos)
    if top:
        state = (id(prog), k, pos)
        if state in ctx.dead:
            return None
    op = prog[k]
    kind, arg = op[0], op[1]
    result = None
    if kind == ALT:
        first = op[2]
        if first is None or (lo <= pos < hi and not first.isdisjoint(analyses[pos])):
            here = analyses[pos] if lo <= pos < hi else frozenset()

            def then(p: int, b: tuple, e: int, w: int) -> Result | None:
                return _run(prog, k + 1, p, step, ctx, b, e, w, cont)

            for branch, bfirst in zip(arg, op[3], strict=True):
                if bfirst is not None and bfirst.isdisjoint(here):
                    continue
                result = _run(branch, 0, pos, step, ctx, binds, edge, words, then)
                if result is not None:
                    break
    elif kind == OPT:
        first = op[2]
        if first is None or (lo <= pos < hi and not first.isdisjoint(analyses[pos])):

            def then(p: int, b: tuple, e: int, w: int) -> Result | None:
                return _run(prog, k + 1, p, step, ctx, b, e, w, cont)

            result = _run(arg, 0, pos, step, ctx, binds, edge, words, then)
        if result is None:
            result = _run(prog, k + 1, pos, step, ctx, binds, edge, words, cont)
    elif kind == GAP:
        # where the gap may end, the next step must be able to start: test its first words here
        # instead of starting the interpreter at every position
        follow = prog[k + 1] if k + 1 < n else None
        first = None if follow is None else follow[1] if follow[0] == WORD else follow[2] if follow[0] == ALT else None
        for gap in range(arg + 1):
            p = pos + gap * step
            if p > hi or p < lo - 1:
                break
            if first is not None and (not lo <= p < hi or first.isdisjoint(analyses[p])):
                continue
            result = _run(prog, k + 1, p, step, ctx, binds, edge, words, cont)
            if result is not None:
                break
    elif kind == SLOT:
        for mention in ctx.mentions.table(step).get(pos, ()):
            if mention.start >= lo and mention.end <= hi:
                nxt = mention.end if step > 0 else mention.start - 1
                result = _run(prog, k + 1, nxt, step, ctx, binds + ((arg, mention),), edge, words, cont)
                if result is not None:
                    break
    if result is None and top:
        ctx.dead.add(state)
    return result


# A pattern is filed under each word of its rarest required set only when that set is small: the
# filing is kept per token type, and a set of hundreds of words (a big word set) filed under
# every type that anchors the pattern cost tens of megabytes. Unfiled patterns are tested one by one.
MAX_FILED = 64


Needed = tuple["Pattern", tuple[frozenset[int], ...]]  # a pattern, the required sets still to test


@dataclass(frozen=True, slots=True, eq=False)
class Anchored:
    """The patterns anchored on one token type, sorted by what their clause must also hold.

    Almost every candidate fails for want of its rarest required word (pattern.required[0]) in
    the clause, so those patterns are filed under each word of that set: one set intersection
    with the clause's lexemes finds the few worth a closer look, instead of a test per pattern.
    A pattern found that way has passed that test, so it comes with only its other sets to test.
    """

    free: tuple[Needed, ...]  # patterns not filed: no required word, or too many to file under
    keys: frozenset[int]  # every lexeme under which some pattern is filed
    keyed: dict[int, tuple[Needed, ...]]

    def shortlist(self, lexemes: frozenset[int]) -> tuple[Needed, ...]:
        """The patterns whose rarest required word is among `lexemes` (plus the free ones),
        in pattern order, each with the required sets it has not passed yet."""
        hits = self.keys.intersection(lexemes)
        if not hits:
            return self.free
        if len(hits) == 1 and not self.free:  # the common case: one filed word, already in order
            return self.keyed[next(iter(hits))]
        found = {item[0].number: item for item in self.free}
        for lid in hits:
            for item in self.keyed[lid]:
                found[item[0].number] = item
        return tuple(found[k] for k in sorted(found))


def candidates(index: dict[int, tuple[Indexed, ...]], lexemes: frozenset[int],
               made: dict[tuple, Anchored] | None = None) -> Anchored | None:
    """The patterns anchored on any of `lexemes`, each once, filed by their rarest required word;
    None when there are none.

    The inflections of a word anchor the same patterns: with `made`, one Anchored is built for
    each such set and shared (a third as many on the news corpus), which keeps the filing small.

    Each anchor word comes with the sets a match starting with it needs. A token that is several
    anchor words of one pattern at once (two readings of one spelling) may start any of their
    branches, so the pattern then needs only what every branch needs (`Pattern.required`).
    """
    found: dict[int, Indexed] = {}
    for lid in lexemes:
        for item in index.get(lid, ()):
            number = item[0].number
            known = found.get(number)
            if known is None:
                found[number] = item
            elif known[1] is not item[1]:
                found[number] = (item[0], item[0].required)
    if not found:
        return None
    if made is None:
        return _filed(found)
    signature = tuple([(k, id(found[k][1])) for k in sorted(found)])
    shared = made.get(signature)
    if shared is None:
        shared = made[signature] = _filed(found)
    return shared


def _filed(found: dict[int, Indexed]) -> Anchored:
    """The patterns of `found` (by number) filed under the words of their rarest required set."""
    free: list[Needed] = []
    keyed: dict[int, list[Needed]] = {}
    for k in sorted(found):
        pat, required = found[k]
        if not required or len(required[0]) > MAX_FILED:
            free.append((pat, required))
            continue
        item = (pat, required[1:])
        for lid in required[0]:
            keyed.setdefault(lid, []).append(item)
    return Anchored(tuple(free), frozenset(keyed), {lid: tuple(ps) for lid, ps in keyed.items()})


Candidate = tuple[int, int, int, "Pattern"]  # anchor position, clause start and end, pattern


def shortlist(anchored: Sequence[tuple[int, Anchored]], clauses: Sequence[int],
              analyses: Sequence[frozenset[int]]) -> list[Candidate]:
    """The (position, pattern) pairs worth verifying, in the order matches are reported.

    A pattern is dropped when a word it always needs is missing from the clause, or the words
    right next to the anchor do not fit: set operations only, no interpreter, and no actor
    mentions needed. Most sentences end here with an empty list.
    """
    out: list[Candidate] = []
    lo, hi, lexemes = 0, 0, frozenset()
    for pos, anc in anchored:  # in position order, so clause by clause
        if pos >= hi:  # the first anchor of a clause: its bounds and every lexeme in it
            c = clauses[pos]
            lo, hi = bisect_left(clauses, c, 0, pos), bisect_right(clauses, c, pos)
            lexemes = frozenset().union(*analyses[lo:hi])
        if anc.keys.isdisjoint(lexemes):  # most tokens: nothing filed under this clause's words
            items = anc.free
            if not items:
                continue
        else:
            items = anc.shortlist(lexemes)
        for pat, needs in items:
            if needs and any(map(lexemes.isdisjoint, needs)):
                continue
            # the nearest fixed word on either side must be within its reach (see ruleset._near)
            near = pat.after
            if near is not None and all(map(near[1].isdisjoint, analyses[pos + 1:min(hi, pos + 2 + near[0])])):
                continue
            near = pat.before
            if near is not None and all(map(near[1].isdisjoint, analyses[max(lo, pos - 1 - near[0]):pos])):
                continue
            out.append((pos, lo, hi, pat))
    return out


def find_matches(candidates: Sequence[Candidate], analyses: Sequence[frozenset[int]],
                 mentions: LazyMentions) -> list[Match]:
    """Every shortlisted pattern that fits the sentence (before overlap resolution); the actor
    mentions are looked for when a pattern first reaches a slot."""
    out: list[Match] = []
    contexts: dict[int, _Context] = {}  # one context per clause: failed states found from one anchor hold for all
    for pos, lo, hi, pat in candidates:
        ctx = contexts.get(lo)
        if ctx is None:
            ctx = contexts[lo] = _Context(analyses, lo, hi, mentions)
        m = _verify(pat, pos, ctx)
        if m is not None:
            out.append(m)
    return out


def _verify(pat: Pattern, pos: int, ctx: _Context) -> Match | None:
    fwd = _run(pat.forward, 0, pos, 1, ctx, (), pos, 0)
    if fwd is None:
        return None
    bwd = _run(pat.backward, 0, pos - 1, -1, ctx, (), pos, 0)
    if bwd is None:
        return None
    end, fbinds, last, fwords = fwd
    start, bbinds, first, bwords = bwd
    return Match(pat, start + 1, end, first, last + 1, fwords + bwords, bbinds[::-1] + fbinds)


def _rank(m: Match) -> tuple:
    # A blocking rule (---) wins ties: it is written to claim exactly those words.
    specificity = 5 if m.rule.code == "---" else len(m.rule.code)
    # a fallback rule speaks only for a sentence that reports nothing else: it never hides
    # another rule's event on the same words (أكد الوزير ضرورة: the appeal, not the statement)
    return (m.rule.fallback, -m.words, -(m.trigger_end - m.trigger_start), -specificity, m.rule.order,
            m.trigger_start)


_VIOLENCE = ("18", "19", "20")


def _yields_to(block: Match, m: Match) -> bool:
    """Whether a blocking match lets `m` through as well: a blocking rule claims its words against
    the rules of its own root, not against a rule of another root that ties with it or that is
    the frame it opens with, short of its end (أدانت مصر العملية الإرهابية is background for root
    18, and a condemnation for root 11). The block keeps its claim on the rest of its words."""
    if block.rule.code != "---" or m.rule.code == "---" or block.rule.family == m.rule.family:
        return False
    tie = block.words == m.words and block.trigger_end - block.trigger_start == m.trigger_end - m.trigger_start
    # the roots of violence block each other's mentions on purpose (a kill told in a bombing's
    # background), so a frame there is not let through
    violence = block.rule.family in _VIOLENCE and m.rule.family in _VIOLENCE
    frame = m.trigger_start == block.trigger_start and m.trigger_end < block.trigger_end and not violence
    return tie or frame


def select(matches: list[Match]) -> list[Match]:
    """Resolve overlaps: keep the best match of each group of overlapping triggers, in text order."""
    taken: list[Match] = []
    for m in sorted(matches, key=_rank):
        clash = [t for t in taken if t.trigger_start < m.trigger_end and m.trigger_start < t.trigger_end]
        if clash and not all(_yields_to(t, m) for t in clash):
            continue
        taken.append(m)  # beside the blocks that let it through
    taken.sort(key=lambda m: m.trigger_start)
    return taken
