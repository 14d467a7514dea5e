"""Tools for rule authors: run every rule's examples and counterexamples.

An example passes when coding its sentence yields an event with the expected code (and the
expected source and target, when the example names them). A counterexample passes when the
rule itself does not fire on it: another rule may code the sentence, which is that rule's
business.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .errors import Finding
from .pipeline import Coder
from .ruleset import NO_EVENT, Example, Pattern, Rule


@dataclass(frozen=True)
class ExampleResult:
    """The outcome of one example or counterexample."""

    rule: Rule
    example: Example
    positive: bool
    passed: bool
    coded: tuple[tuple[str, str, str | None, str | None], ...]  # (code, rule id, source, target)

    def describe(self) -> str:
        kind = "example" if self.positive else "counterexample"
        want = f"code {self.example.code}"
        if self.example.source:
            want += f", source {self.example.source}"
        if self.example.target:
            want += f", target {self.example.target}"
        if self.rule.code == NO_EVENT:
            want = f"rule {self.rule.id} {'wins' if self.positive else 'does not fire'}"
        elif not self.positive:
            want = f"no event from rule {self.rule.id}"
        got = "; ".join(f"{c} by {r} (source {s}, target {t})" for c, r, s, t in self.coded) or "nothing"
        return (f"{self.rule.path}:{self.example.line}: {kind} of rule {self.rule.id}\n"
                f"  sentence: {self.example.text}\n  expected: {want}\n  coded:    {got}")


def check_example(coder: Coder, rule: Rule, example: Example, positive: bool) -> ExampleResult:
    events = coder.code_text(example.text)
    coded = tuple((e.code, e.rule, e.source, e.target) for e in events)
    if rule.code == NO_EVENT:
        # A blocking rule proves itself by winning its matches: it fired, and nothing overlaps it.
        fired = any(m.rule.id == rule.id for a in coder.explain(example.text) for m in a.kept)
        blocked = ("---", rule.id, None, None)
        return ExampleResult(rule, example, positive, fired == positive, coded + ((blocked,) if fired else ()))
    if positive:
        ok = any(
            e.code == example.code
            and (example.source is None or e.source == example.source)
            and (example.target is None or e.target == example.target)
            for e in events
        )
    else:
        ok = not any(e.rule == rule.id for e in events)
    return ExampleResult(rule, example, positive, ok, coded)


def run_examples(coder: Coder, rules: Iterable[Rule]) -> list[ExampleResult]:
    """Every example and counterexample of `rules`, in file order."""
    out = []
    for rule in rules:
        out.extend(check_example(coder, rule, ex, True) for ex in rule.examples)
        out.extend(check_example(coder, rule, ex, False) for ex in rule.counterexamples)
    return out


# -- checks beyond syntax ---------------------------------------------------------------------------

def lint(coder: Coder, focus: Callable[[str], bool] = lambda path: True) -> list[Finding]:
    """Problems a rule set can have although every file is valid.

    - conflict (error): the same pattern in two rules with different codes;
    - never matches (error): a pattern does not match even its own plainest instance;
    - shadowed (warning): on every one of its examples the rule matched but another rule won.
    """
    from .generate import fired, instance

    rs = coder.ruleset
    findings: list[Finding] = []
    seen: dict[tuple, Pattern] = {}
    for pat in rs.patterns:
        if not focus(pat.rule.path):
            continue
        shape = (pat.forward, pat.backward)
        other = seen.get(shape)
        if other is not None and other.rule.code != pat.rule.code:
            findings.append(Finding(pat.rule.path, pat.line, pat.column,
                                    f"conflict: the same pattern is in rule {other.rule.id} "
                                    f"({other.rule.path}:{other.line}) with code {other.rule.code}, "
                                    f"here with code {pat.rule.code}"))
        seen.setdefault(shape, pat)
        text = instance(rs, pat.text)
        if not fired(coder, pat.rule, text)[0]:
            findings.append(Finding(pat.rule.path, pat.line, pat.column,
                                    f"this pattern never matches: not even '{text}'"))
    for rule in rs.rules:
        if not focus(rule.path) or not rule.examples:
            continue
        winners: set[str] = set()
        for ex in rule.examples:
            won_here = None
            for a in coder.explain(ex.text):
                if any(m.rule.id == rule.id for m in a.kept):
                    won_here = rule.id
                    break
                beaten = [m for m in a.matches if m.rule.id == rule.id]
                if beaten:
                    over = [k for k in a.kept if any(k.trigger_start < b.trigger_end and b.trigger_start < k.trigger_end
                                                     for b in beaten)]
                    won_here = over[0].rule.id if over else None
            if won_here == rule.id or won_here is None:
                break
            winners.add(won_here)
        else:
            findings.append(Finding(rule.path, rule.line, 1,
                                    f"rule {rule.id} is shadowed on all its examples by {', '.join(sorted(winners))}",
                                    "warning"))
    return findings
