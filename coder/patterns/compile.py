"""Turn pattern nodes into matcher programs over lexeme ids.

A matcher program is a tuple of steps, each a small tuple whose first item says what it is:

    (WORD, ids)               the token must be a form of one of these lexemes
    (ALT, branches, first, firsts)  one of several programs (firsts: each branch's first words)
    (OPT, program, first)     a program that may be skipped
    (GAP, n)           skip 0..n tokens
    (SLOT, role)       an actor mention, bound to role

Tuples of ints and frozensets keep the matcher's inner loop free of attribute look-ups.
`first` is the set of lexemes the first token must have (None if any token may start it): the
matcher rejects an alternative or an optional part with one set test instead of trying each
branch.
Sets of single words collapse into one WORD step with a union of ids, so `&weapons` with 40
words costs one set intersection, not 40 branches.
"""

from __future__ import annotations

from collections.abc import Callable

from ..lexicon import Lexicon
from .syntax import Alt, Exact, Gap, Node, Number, Optional, Seq, SetRef, Slot, Verb, Word

WORD, ALT, OPT, GAP, SLOT = range(5)

Step = tuple
Program = tuple[Step, ...]


class UnknownSet(KeyError):
    """A `&name` with no such set (or a set that refers to itself)."""

    def __init__(self, ref: SetRef, why: str):
        super().__init__(ref.name)
        self.ref, self.why = ref, why


class Compiler:
    """Compiles nodes against one lexicon and one table of named sets (compiled once each)."""

    def __init__(self, lexicon: Lexicon, sets: dict[str, Alt]):
        self.lexicon = lexicon
        self.sets = sets
        self._set_programs: dict[str, Step] = {}
        self._busy: set[str] = set()
        self._leaves: dict[tuple, Step] = {}
        self._groups = StepMemo()  # keyed on Alt node objects (the memo only needs identity)

    def program(self, seq: Seq) -> Program:
        return tuple([self.step(n) for n in seq.items])

    def step(self, node: Node) -> Step:
        """The step of one node. The same words recur in thousands of patterns, and the parser
        hands out one node object for each repeated group of words: both are compiled once."""
        key = _leaf_key(node)
        if key is not None:
            leaf = self._leaves.get(key)
            if leaf is None:
                leaf = self._leaves[key] = self._step(node)
            return leaf
        if isinstance(node, Alt):
            return self._groups.get(node, self._step)
        return self._step(node)

    def _step(self, node: Node) -> Step:
        lex = self.lexicon
        if isinstance(node, Word):
            return (WORD, frozenset((lex.noun(node.text, article=node.article),)))
        if isinstance(node, Verb):
            return (WORD, frozenset((lex.verb(node.past, node.present),)))
        if isinstance(node, Exact):
            return (WORD, frozenset((lex.exact(node.text),)))
        if isinstance(node, Number):
            return (WORD, frozenset((lex.number(),)))
        if isinstance(node, Gap):
            return (GAP, node.size)
        if isinstance(node, Slot):
            return (SLOT, node.role)
        if isinstance(node, Optional):
            inner = node.item
            return _opt(self.program(inner if isinstance(inner, Seq) else Seq((inner,))))
        if isinstance(node, Seq):
            return self._alt([self.program(node)])
        if isinstance(node, Alt):
            return self._alt([self.program(b) for b in node.branches])
        if isinstance(node, SetRef):
            return self._set(node)
        raise TypeError(f"not a pattern node: {node!r}")

    def _set(self, ref: SetRef) -> Step:
        done = self._set_programs.get(ref.name)
        if done is not None:
            return done
        if ref.name not in self.sets:
            raise UnknownSet(ref, f"unknown word set '&{ref.name}'")
        if ref.name in self._busy:
            raise UnknownSet(ref, f"word set '&{ref.name}' refers to itself")
        self._busy.add(ref.name)
        try:
            step = self.step(self.sets[ref.name])
        finally:
            self._busy.discard(ref.name)
        self._set_programs[ref.name] = step
        return step

    @staticmethod
    def _alt(branches: list[Program]) -> Step:
        if all(len(b) == 1 and b[0][0] == WORD for b in branches):
            return (WORD, frozenset().union(*(b[0][1] for b in branches)))
        if len(branches) == 1 and len(branches[0]) == 1:
            return branches[0][0]
        return _alt(tuple(branches))


def _leaf_key(node: Node) -> tuple | None:
    """What a word node compiles from, as a plain tuple (hashed in C; Word's own equality also
    ignores `article`), or None for other nodes."""
    kind = type(node)
    if kind is Word:
        return ("word", node.text, node.article)
    if kind is Verb:
        return ("verb", node.past, node.present)
    if kind is Exact:
        return ("exact", node.text)
    return None


def _alt(branches: tuple[Program, ...]) -> Step:
    # each branch with the words it must start with (None: it may start with anything)
    firsts = tuple(_first_of_program(b) for b in branches)
    first = None if None in firsts else frozenset().union(*firsts)
    return (ALT, branches, first, firsts)


def _opt(program: Program) -> Step:
    return (OPT, program, _first_of_program(program))


class StepMemo:
    """Results of one computation per step (or node), keyed on the object itself: its id, with
    the object held alive so that the id is never reused. One memo per kind of result.

    The step of a word set is one object shared by every pattern that uses the set; worked out
    again for each of them, a big set costs its size every time. Hashing the nested tuples
    instead would cost as much as the work saved.
    """

    def __init__(self) -> None:
        self._seen: dict[int, tuple[Step, object]] = {}

    def get(self, step, compute: Callable):
        hit = self._seen.get(id(step))
        if hit is not None and hit[0] is step:
            return hit[1]
        value = compute(step)
        self._seen[id(step)] = (step, value)
        return value


def reverse(program: Program, memo: StepMemo | None = None) -> Program:
    """The program that matches the same tokens read right to left."""
    return tuple(_reverse_step(s, memo) for s in reversed(program))


def _reverse_step(step: Step, memo: StepMemo | None = None) -> Step:
    if step[0] not in (ALT, OPT):
        return step
    if memo is not None:
        return memo.get(step, lambda s: _reversed_group(s, memo))
    return _reversed_group(step, memo)


def _reversed_group(step: Step, memo: StepMemo | None) -> Step:
    if step[0] == ALT:
        return _alt(tuple(reverse(b, memo) for b in step[1]))
    return _opt(reverse(step[1], memo))


def first_ids(step: Step) -> frozenset[int] | None:
    """The lexemes one of which must be at the first token of `step`, if that is fixed.

    None when the step may match nothing, or may start with any token (a gap) or an actor.
    Optional parts at the start of an alternative are looked through: the first token of
    `(جوي)? غارة` is a form of جوي or of غارة.
    """
    if step[0] == WORD:
        return step[1]
    if step[0] == ALT:
        return step[2]  # worked out once, when the step was built (see _alt)
    return None


def _first_of_program(program: Program) -> frozenset[int] | None:
    out: set[int] = set()
    for step in program:
        if step[0] == OPT:
            ids = _first_of_program(step[1])
            if ids is None:
                return None
            out |= ids
            continue
        ids = first_ids(step)
        if ids is None:
            return None
        return frozenset(out | ids)
    return None  # every step optional: the program may match nothing


SetCost = Callable[[frozenset[int]], int]  # how common in text the words of a set are, together


def _no_cost(ids: frozenset[int]) -> int:
    return 0


def must_ids(step: Step, cost: SetCost = _no_cost, memo: StepMemo | None = None) -> frozenset[int] | None:
    """Lexemes one of which must occur SOMEWHERE among the tokens `step` matches, or None.

    Unlike `first_ids` this looks past a leading slot, gap or optional part: the branch
    `{source} هدد~` must contain هدد~ though it may start with anything. The matcher uses these
    sets to drop a candidate whose clause lacks a word the pattern needs before it runs the
    interpreter; for an alternative, each branch contributes its rarest such set (by `cost`).
    """
    if step[0] == WORD:
        return step[1]
    if step[0] != ALT:
        return None
    if memo is not None:
        return memo.get(step, lambda s: _must_of_alt(s, cost, memo))
    return _must_of_alt(step, cost, memo)


def _must_of_alt(step: Step, cost: SetCost, memo: StepMemo | None) -> frozenset[int] | None:
    out: set[int] = set()
    for branch in step[1]:
        needs = must_sets(branch, cost, memo)
        if not needs:
            return None
        out |= rarest(needs, cost)
    return frozenset(out)


def must_sets(program: Program, cost: SetCost = _no_cost, memo: StepMemo | None = None) -> list[frozenset[int]]:
    """`must_ids` of every always-present step of `program`: a match contains one of each."""
    return [ids for step in program if (ids := must_ids(step, cost, memo)) is not None]


def first_needs(step: Step, cost: SetCost = _no_cost, memo: StepMemo | None = None,
                own_memo: StepMemo | None = None) -> dict[int, frozenset[int] | None]:
    """For each lexeme the first token of `step` may have, a set of lexemes one of which the
    rest of a match starting with it must contain (None: no such set).

    An alternative's first token tells which branches can match there: a token of تجمع~ can only
    start the branches that start with تجمع~, so a clause needs the words those branches need,
    not the words of every branch of a big word set (&prot_act_gather: a crowd word needs
    تجمع~ or تدفق~ after it, a verb of gathering a crowd or a place). The matcher files each
    pattern under each anchor word with that word's own sets (`Pattern.required_at`).
    `memo` is the one `must_ids` uses; `own_memo` keeps this function's results.
    """
    if step[0] == WORD:
        return dict.fromkeys(step[1])
    if step[0] != ALT:
        return {}
    if own_memo is not None:
        return own_memo.get(step, lambda s: _first_needs_of_alt(s, cost, memo, own_memo))
    return _first_needs_of_alt(step, cost, memo, own_memo)


def _first_needs_of_alt(step: Step, cost: SetCost, memo: StepMemo | None,
                        own_memo: StepMemo | None) -> dict[int, frozenset[int] | None]:
    out: dict[int, set[int] | None] = {}
    for branch, firsts in zip(step[1], step[3], strict=True):
        head = branch[0]
        if head[0] in (WORD, ALT):
            rest = must_sets(branch[1:], cost, memo)
            heads = first_needs(head, cost, memo, own_memo)
        else:  # an optional part first: the words of the whole branch (the anchor may be past it)
            rest = must_sets(branch, cost, memo)
            heads = dict.fromkeys(firsts or ())
        for lid, own in heads.items():
            options = rest if own is None else [own, *rest]
            need = rarest(options, cost) if options else None
            if lid not in out:
                out[lid] = None if need is None else set(need)
            elif out[lid] is not None:
                if need is None:
                    out[lid] = None
                else:
                    out[lid] |= need
    return {lid: None if need is None else frozenset(need) for lid, need in out.items()}


def rarest(sets: list[frozenset[int]], cost: SetCost) -> frozenset[int]:
    """The set least likely to be found in a clause: the fewest common words, then the fewest words."""
    return min(sets, key=lambda ids: (cost(ids), len(ids)))


def choose_anchor(program: Program, cost: SetCost = _no_cost) -> int | None:
    """Index of the step the index is keyed on: the most selective step that is always present.

    Every match contains its anchor, so looking up the lexemes of each token in an index of
    anchors finds every candidate without trying the other rules. The anchor should be rare in
    text: the step whose words are least common wins (by `cost`; the rule loader counts
    language.COMMON_WORDS 1 each, the particles and prepositions of VERY_COMMON_WORDS 20), then
    a single word over an alternative, fewer words over more, and earlier over later.
    """
    best, best_score = None, None
    for i, step in enumerate(program):
        ids = first_ids(step)
        if ids is None:
            continue
        score = (cost(ids), step[0] != WORD, len(ids), i)
        if best_score is None or score < best_score:
            best, best_score = i, score
    return best
