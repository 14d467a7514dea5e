"""Sentences generated from patterns: the proof that every rule can fire.

For a rule author a pattern that can never match is a silent bug (a word that is not a token,
an alternative that can't follow its neighbour). `instances` writes text that a pattern should
match: alternatives sampled, optional parts in or out, gaps filled with neutral filler words,
words inflected and given the clitics their kind allows, slots filled with actor names from the
rule set. `coder rules check` uses the plainest instance of every pattern; the property tests
draw many random ones.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from .patterns import syntax
from .ruleset import Rule, RuleSet
from .text.morphology import noun_forms, verb_forms
from .text.normalize import normalize

# Candidate gap fillers: plain adjectives and time words. Those that some rule or actor of the
# rule set uses are left out (see `fillers`), so that a filler never changes what matches.
FILLER_CANDIDATES = ("الجديد", "كبير", "الخميس", "مساء", "المحلي", "الواسع", "الأخيرة", "الطويل",
                     "السريع", "الكبرى", "الصغير", "الثالث", "صباح", "بعيد", "قريبا")
NOUN_CLITICS = ("", "", "", "و", "ب", "ل", "ال", "وال", "بال")
VERB_CLITICS = ("", "", "", "و", "ف")

Chooser = Callable[[list], object]


def _noun(word: str, choose: Chooser, plain: bool) -> str:
    if word.startswith("ال") and len(word) > 3:  # written with the article: keep it
        if plain:
            return word
        stem = word[2:]
        return choose(["", "و", "ب"]) + "ال" + choose(sorted(noun_forms(stem)))
    if plain:
        return word
    return choose(NOUN_CLITICS) + choose(sorted(noun_forms(word)))


def _verb(node: syntax.Verb, choose: Chooser, plain: bool) -> str:
    if plain:
        return node.past
    # No future س: a future act is not an event for most roots (see modality.py), so a
    # generated سيقتل would test the filter, not the pattern.
    forms = sorted(verb_forms(node.past, node.present))
    return choose(VERB_CLITICS) + choose(forms)


def fillers(ruleset: RuleSet) -> list[str]:
    """The filler words that no word of the rule set matches."""
    return [w for w in FILLER_CANDIDATES if not ruleset.lexicon.analyse(normalize(w))]


def _words(node, sets: dict, actors: list[str], choose: Chooser, plain: bool, depth: int = 0,
           filler: tuple[str, ...] = ()) -> list[str]:
    if depth > 20:
        raise RecursionError("set nesting too deep")
    if isinstance(node, syntax.Seq):
        out: list[str] = []
        for item in node.items:
            out += _words(item, sets, actors, choose, plain, depth + 1, filler)
        return out
    if isinstance(node, syntax.Alt):
        branch = node.branches[0] if plain else choose(list(node.branches))
        return _words(branch, sets, actors, choose, plain, depth + 1, filler)
    if isinstance(node, syntax.Optional):
        if plain or not choose([True, False]):
            return []
        return _words(node.item, sets, actors, choose, plain, depth + 1, filler)
    if isinstance(node, syntax.Gap):
        if plain or not filler:
            return []
        return [choose(list(filler)) for _ in range(choose(list(range(node.size + 1))))]
    if isinstance(node, syntax.Slot):
        if not actors:
            return []
        name = choose(actors)
        actors.remove(name)  # two slots in a row get two different actors, which do not merge
        actors.append(name)
        return name.split()
    if isinstance(node, syntax.SetRef):
        return _words(sets[node.name], sets, actors, choose, plain, depth + 1, filler)
    if isinstance(node, syntax.Word):
        return [_noun(node.text, choose, plain)]
    if isinstance(node, syntax.Verb):
        return [_verb(node, choose, plain)]
    if isinstance(node, syntax.Exact):
        return [node.text]
    if isinstance(node, syntax.Number):
        return ["12" if plain else choose(["3", "12", "230", "1500"])]
    raise TypeError(node)


def actor_names(ruleset: RuleSet) -> list[str]:
    """Names of actors in the rule set that a slot can be filled with (one-word names first)."""
    names = sorted({e.name for e in ruleset.actors.entries if e.kind in ("actor", "agent")},
                   key=lambda n: (len(n.split()), n))
    return names[:200]


def instance(ruleset: RuleSet, pattern: str, rng: random.Random | None = None) -> str:
    """One sentence `pattern` should match; with no `rng`, the plainest one."""
    node = syntax.parse(pattern)
    names = actor_names(ruleset)
    sets = ruleset.sets
    if rng is None:
        picks = [n for n in names if len(n.split()) == 1][:2] or names[:2]  # a country and an agent, say
        return " ".join(_words(node, sets, picks, lambda xs: xs[0], plain=True))
    return " ".join(_words(node, sets, list(names), rng.choice, plain=False, filler=tuple(fillers(ruleset))))


def fired(ruleset_coder, rule: Rule, text: str) -> tuple[bool, str]:
    """Whether `rule` matched `text`, and whether it won: ('won'|'outranked'|'negated'|'no match')."""
    kept_ids = set()
    matched = False
    negated = False
    for a in ruleset_coder.explain(text):
        matched |= any(m.rule.id == rule.id for m in a.matches)
        kept_ids |= {m.rule.id for m in a.kept}
        negated |= any(m.rule.id == rule.id for m, _ in a.negated)
    if not matched:
        return False, "no match"
    if negated:
        return True, "negated"
    return True, "won" if rule.id in kept_ids else "outranked"
