"""Tools for rule authors: run every rule's examples and counterexamples.

An example passes when coding its sentence yields an event with the expected code (and the
expected source and target, when the example names them). A counterexample passes when the
rule itself does not fire on it: another rule may code the sentence, which is that rule's
business.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import cameo, language
from .errors import Finding
from .pipeline import Coder
from .ruleset import NO_EVENT, Example, Pattern, Rule, RuleSet


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


# -- statistics and coverage ----------------------------------------------------------------------------

def stats(ruleset: RuleSet) -> dict:
    """Rules, patterns and codes covered per root; the codes no rule produces."""
    book = cameo.codebook()
    roots: dict[str, dict] = {}
    for root in sorted({c.root for c in book.values()}):
        roots[root] = {"name": book[root].name, "rules": 0, "patterns": 0, "codes": set()}
    for rule in ruleset.rules:
        if rule.code == NO_EVENT:
            continue
        r = roots[rule.code[:2]]
        r["rules"] += 1
        r["patterns"] += len(rule.patterns)
        r["codes"].add(rule.code)
    covered = {c for r in roots.values() for c in r["codes"]}
    three = sorted(c for c in book if len(c) == 3)
    return {
        "rules": len(ruleset.rules),
        "blocking_rules": sum(r.code == NO_EVENT for r in ruleset.rules),
        "patterns": sum(len(r.patterns) for r in ruleset.rules),
        "sets": len(ruleset.sets),
        "actor_names": ruleset.actors.size,
        "roots": {k: {**v, "codes": sorted(v["codes"])} for k, v in roots.items()},
        "three_digit_codes_covered": sum(c in covered for c in three),
        "three_digit_codes": len(three),
        "codes_without_rule": [c for c in sorted(book) if c not in covered and len(c) > 2],
    }


def _looks_like_trigger(word: str) -> bool:
    """A verb or verbal-noun shape (after proclitics): the words worth a rule author's look."""
    if word in language.COMMON_WORDS or word.isdigit():
        return False
    for prefix in ("وال", "بال", "لل", "ال", "و", "ف", "ب", "ل"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            word = word[len(prefix):]
            break
    n = len(word)
    if n < 4 or word in language.COMMON_WORDS:
        return False
    if word[0] in "يت" and n >= 4 and not word.endswith(("يه", "ه", "ات")):
        return True  # present tense (يعتقل, تطالب), or a تفعيل masdar (تفجير)
    if word[0] == "ا" and n >= 5 and word[-2] == "ا":
        return True  # افتعال / انفعال / استفعال masdars (اعتقال, انفجار, استهداف)
    return word.endswith(("وا", "ت")) and n >= 5  # past plural or feminine (اعتقلوا, شنت)


@dataclass
class Coverage:
    sentences: int = 0
    coded_sentences: int = 0
    rule_counts: Counter = field(default_factory=Counter)
    code_counts: Counter = field(default_factory=Counter)
    uncoded: Counter = field(default_factory=Counter)

    def as_dict(self, ruleset: RuleSet, top: int) -> dict:
        return {
            "sentences": self.sentences,
            "sentences_with_events": self.coded_sentences,
            "share_with_events": round(self.coded_sentences / self.sentences, 4) if self.sentences else 0.0,
            "rules_fired": dict(self.rule_counts.most_common()),
            "rules_never_fired": [r.id for r in ruleset.rules if r.id not in self.rule_counts],
            "codes": dict(self.code_counts.most_common()),
            "uncoded_trigger_like_words": self.uncoded.most_common(top),
        }


def coverage(coder: Coder, texts: Iterable[str]) -> Coverage:
    """Code `texts`; count what fired, and the trigger-like words near actors in uncoded sentences."""
    cov = Coverage()
    for text in texts:
        for a in coder.explain(text):
            cov.sentences += 1
            for m in a.kept:
                cov.rule_counts[m.rule.id] += 1
            for e in a.events:
                cov.code_counts[e.code] += 1
            if a.events:
                cov.coded_sentences += 1
                continue
            if not a.mentions:
                continue
            # verb-subject, subject-verb and masdar-genitive neighbours of each actor mention
            near = {i for m in a.mentions for i in (m.start - 2, m.start - 1, m.end, m.end + 1) if i >= 0}
            inside = {i for m in a.mentions for i in range(m.start, m.end)}
            for i in sorted(near - inside):
                if i < len(a.sentence) and not a.analyses[i] and _looks_like_trigger(a.sentence.norms[i]):
                    cov.uncoded[a.sentence.norms[i]] += 1
    return cov


# -- scaffolding ------------------------------------------------------------------------------------------

_SCAFFOLD = """
  - id: {id}
    code: "{code}"  # {name}
    patterns:
      - "TODO"  # words, verbs (اعتقل~), alternatives (a | b), optional x?, gaps .., sets &name, {{source}} {{target}}
    examples:
      - "TODO: a sentence that must code as {code}"
    counterexamples:
      - "TODO: a near miss that must not (negated, look-alike, metaphor)"
"""


def scaffold(directory: Path, rule_id: str, code: str) -> Path:
    """Append a rule skeleton to the file of the code's root in `directory` (created if needed)."""
    entry = cameo.lookup(code)
    if entry is None:
        raise ValueError(f"unknown CAMEO event code '{code}' (see `coder codes`)")
    events = directory / "events" if (directory / "events").is_dir() or not directory.suffix else directory
    events.mkdir(parents=True, exist_ok=True)
    existing = sorted(events.glob(f"{entry.root}_*.yaml"))
    if existing:
        path = existing[0]
        text = path.read_text(encoding="utf-8")
        if f"id: {rule_id}\n" in text:
            raise ValueError(f"{path} already has a rule with id '{rule_id}'")
    else:
        slug = cameo.lookup(entry.root).name.lower().replace(" ", "_")
        path = events / f"{entry.root}_{slug}.yaml"
        text = f"# Root {entry.root}: {cameo.lookup(entry.root).name}.\nrules:\n"
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + _SCAFFOLD.format(id=rule_id, code=code, name=entry.name).lstrip("\n"), encoding="utf-8")
    return path
