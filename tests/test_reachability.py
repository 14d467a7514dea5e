"""Every rule is reachable: sentences generated from each pattern make the rule fire.

Generated sentences sample alternatives, put optional parts in or out, fill gaps with neutral
words, inflect words and add the clitics their kind allows, and put actor names in slots. The
rule must match; and unless a more specific rule outranks it on the same words (which is how
the rule base is meant to work), its code must come out.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coder import Coder, load_ruleset
from coder.generate import fillers, fired, instance

_RULESET = load_ruleset()
_CODER = Coder(_RULESET)
_PATTERNS = [(p.rule, p.text) for p in _RULESET.patterns]
_DOER = "الحكومة السعودية"


def test_there_are_neutral_fillers():
    assert len(fillers(_RULESET)) >= 3


@pytest.mark.parametrize("rule, pattern", _PATTERNS, ids=[f"{r.id}:{i}" for i, (r, _) in enumerate(_PATTERNS)])
def test_plainest_instance_matches(rule, pattern):
    text = instance(_RULESET, pattern)
    matched, how = fired(_CODER, rule, text)
    assert matched, f"pattern {pattern!r} of rule {rule.id} does not match its own instance {text!r}"


@given(st.sampled_from(_PATTERNS), st.randoms(use_true_random=False))
def test_random_instances_fire(rule_pattern, rnd):
    rule, pattern = rule_pattern
    text = instance(_RULESET, pattern, random.Random(rnd.random()))
    matched, how = fired(_CODER, rule, text)
    assert matched, f"{rule.id}: {pattern!r} did not match {text!r}"
    if how == "negated":
        # a definite verbal noun with no one doing it is a topic (events.topic_only): with a doer
        # before it, it is an event
        text = f"{_DOER} {text}"
        matched, how = fired(_CODER, rule, text)
    assert how != "negated", f"{rule.id}: {text!r} was negated"
    if how == "won" and rule.code != "---":
        assert rule.code in [e.code for e in _CODER.code_text(text)]
