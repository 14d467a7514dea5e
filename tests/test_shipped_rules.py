"""The shipped rule files are code: every example and counterexample is a test."""

import pytest

from coder import Coder, load_ruleset
from coder.authoring import check_example
from coder.cameo import lookup

_RULESET = load_ruleset()
_CODER = Coder(_RULESET)
_CASES = [(r, ex, True) for r in _RULESET.rules for ex in r.examples] + [
    (r, ex, False) for r in _RULESET.rules for ex in r.counterexamples
]


@pytest.mark.parametrize("rule, example, positive", _CASES,
                         ids=[f"{r.id}-{'ex' if pos else 'counter'}{i}" for i, (r, _, pos) in enumerate(_CASES)])
def test_example(rule, example, positive):
    result = check_example(_CODER, rule, example, positive)
    assert result.passed, result.describe()


def test_every_rule_has_an_example_and_a_valid_code():
    for rule in _RULESET.rules:
        assert rule.examples, f"rule {rule.id} has no examples"
        assert rule.code == "---" or lookup(rule.code) is not None, rule.code


def test_no_warnings_in_shipped_rules():
    assert [w.format() for w in _RULESET.warnings] == []


def test_every_pattern_is_indexed():
    indexed = {p.number for pats in _RULESET.index.values() for p, _ in pats}
    assert indexed == {p.number for p in _RULESET.patterns}
