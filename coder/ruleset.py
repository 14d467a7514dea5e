"""Rule files -> a validated, compiled, immutable rule set.

A rule directory holds YAML files of four kinds, told apart by their top-level key:
`rules:` (event rules), `sets:` (named word sets), `actors:` and `agents:` (dictionaries).
Loading reads every file, reports every problem it finds with file, line and column, and
refuses to build a rule set from files with errors. The result holds the lexicon, the anchor
index, the actor table and the rules, and is never changed afterwards, so one rule set can be
shared by every worker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from . import cameo, language
from .actors import ACTOR, ADJECTIVE, AGENT, METONYM, ActorEntry, ActorTable
from .errors import Finding, RuleSetError
from .lexicon import Lexicon
from .patterns import syntax
from .patterns.compile import (
    ALT,
    GAP,
    OPT,
    WORD,
    Compiler,
    Program,
    StepMemo,
    UnknownSet,
    choose_anchor,
    first_ids,
    first_needs,
    must_ids,
    reverse,
)
from .text.normalize import normalize
from .yamlsource import LocDict, LocList, LocStr, YamlError, load

KINDS = ("rules", "sets", "actors", "agents")
NO_EVENT = "---"  # the code of a blocking rule: it wins overlaps like any rule but codes nothing
_ACTOR_CODE = re.compile(r"^(?:[A-Z0-9]{3})+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence a rule must code: with `code`, and with `source`/`target` when given."""

    text: str
    code: str
    source: str | None = None
    target: str | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class Rule:
    """One event rule as written, with its place in the files."""

    id: str
    code: str
    patterns: tuple[str, ...]
    examples: tuple[Example, ...]
    counterexamples: tuple[Example, ...]
    path: str
    line: int
    order: int
    note: str = ""
    fallback: bool = False  # its events stand only in a sentence with no other event

    @property
    def family(self) -> str:
        """The CAMEO root a rule belongs to: its code's, or for a blocking rule its id's or file's."""
        if self.code != NO_EVENT:
            return self.code[:2]
        for name in (self.id, Path(self.path).name):
            if name[:2].isdigit():
                return name[:2]
        return ""


@dataclass(frozen=True, slots=True, eq=False)
class Pattern:
    """A compiled pattern: the program right of (and including) its anchor, the part left of it
    reversed, and whether the pattern leads with a verb (for source/target defaults)."""

    number: int
    rule: Rule
    text: str
    forward: Program
    backward: Program
    anchor: frozenset[int]
    verbal: bool
    required: tuple[frozenset[int], ...] = ()  # other steps that are always present: one of each set must occur
    # for an anchor that is an alternative: per anchor word, the sets a match starting with that
    # word must contain (tighter than `required`, which holds for every branch); None otherwise
    required_at: dict[int, tuple[frozenset[int], ...]] | None = None
    verbs: frozenset[int] = frozenset()  # the verb lexemes of the pattern: a trigger starting with one is verbal
    # where the nearest fixed token after (for a one-word anchor) and before the anchor may be, and
    # what it must be: (0, ids) right next to it, (n, ids) within n + 1 tokens past a gap; see _near
    after: tuple[int, frozenset[int]] | None = None
    before: tuple[int, frozenset[int]] | None = None
    line: int = 0
    column: int = 0


Indexed = tuple[Pattern, tuple[frozenset[int], ...]]  # a pattern, the sets it needs from one anchor word


@dataclass(frozen=True, eq=False)
class RuleSet:
    """Everything the matcher needs, built once."""

    rules: tuple[Rule, ...]
    patterns: tuple[Pattern, ...]
    index: dict[int, tuple[Indexed, ...]]  # anchor word -> patterns anchored there, with what they need
    lexicon: Lexicon
    actors: ActorTable
    negators: frozenset[int]
    reporting: frozenset[int]
    sets: dict[str, syntax.Alt] = field(default_factory=dict)  # set name -> its members, parsed
    warnings: tuple[Finding, ...] = ()
    sources: tuple[str, ...] = ()

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def default_rules_dir() -> Path:
    """The rule files shipped with the package (inside the wheel), or rules/ in a source checkout."""
    shipped = resources.files("coder").joinpath("_rules")
    if shipped.is_dir():
        return Path(str(shipped))
    return Path(__file__).resolve().parent.parent / "rules"


def rule_files(paths: Iterable[str | Path]) -> list[Path]:
    """YAML files named by `paths` (files, or directories searched recursively), sorted per directory."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(x for x in p.rglob("*") if x.suffix in (".yaml", ".yml") and x.is_file()))
        else:
            out.append(p)
    return out


class _Loader:
    """Collects findings while reading files; compiles once everything has been read."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.lexicon = Lexicon()
        self.rule_docs: list[tuple[str, LocDict]] = []
        # the built-in set: any number in digits (a rule file cannot redefine it)
        self.set_nodes: dict[str, syntax.Alt] = {"number": syntax.Alt((syntax.Seq((syntax.Number(),)),))}
        self.set_where: dict[str, tuple[str, int]] = {}
        self.actor_docs: list[tuple[str, str, LocDict]] = []
        self._costs: dict[frozenset[int], int] = {}
        self._common: dict[int, int] = {}
        # per-step results of the compiling steps below, one memo for each kind of result
        self._reversed, self._musts, self._verbs, self._firsts = StepMemo(), StepMemo(), StepMemo(), StepMemo()
        self._shared: dict[frozenset[int], frozenset[int]] = {}  # see _required
        self._verbal_sets: dict[str, bool] = {}  # set name -> whether every member leads with a verb

    def error(self, path: str, line: int, column: int, message: str, severity: str = "error") -> None:
        self.findings.append(Finding(path, line, column, message, severity))

    def at(self, path: str, obj, message: str, severity: str = "error") -> None:
        self.error(path, getattr(obj, "line", 1), getattr(obj, "column", 1), message, severity)

    # -- reading -------------------------------------------------------------------------------

    def read(self, path: Path) -> None:
        name = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            self.error(name, 1, 1, f"cannot read rule file: {e}")
            return
        try:
            doc = load(text)
        except YamlError as e:
            self.error(name, e.line, e.column, f"YAML: {e.message}")
            return
        if doc is None:
            return
        if not isinstance(doc, LocDict):
            self.at(name, doc, f"a rule file is a mapping with one of the keys {', '.join(KINDS)}")
            return
        for key, value in doc.items():
            line, col = doc.where[key]
            if key not in KINDS:
                self.error(name, line, col, f"unknown top-level key '{key}' (expected one of {', '.join(KINDS)})")
            elif key == "sets":
                self._read_sets(name, value, line, col)
            elif not isinstance(value, LocList):
                self.error(name, line, col, f"'{key}' must be a list")
            elif key == "rules":
                self.rule_docs.extend((name, r) for r in value if self._is_mapping(name, r, "a rule"))
            else:
                kind = AGENT if key == "agents" else ACTOR
                self.actor_docs.extend((name, kind, a) for a in value if self._is_mapping(name, a, "an entry"))

    def _is_mapping(self, path: str, obj, what: str) -> bool:
        if isinstance(obj, LocDict):
            return True
        self.at(path, obj, f"{what} must be a mapping (id: ..., code: ..., ...)")
        return False

    def _read_sets(self, path: str, sets, line: int, col: int) -> None:
        if not isinstance(sets, LocDict):
            self.error(path, line, col, "'sets' must map set names to lists of words or phrases")
            return
        for name, members in sets.items():
            mline, mcol = sets.where[name]
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(name)):
                self.error(path, mline, mcol, f"set name '{name}' must be ASCII letters, digits and _")
                continue
            if name == "number":
                self.error(path, mline, mcol, "'number' is the built-in set of numbers in digits; choose another name")
                continue
            if name in self.set_nodes:
                other = self.set_where[name]
                self.error(path, mline, mcol, f"word set '{name}' is already defined at {other[0]}:{other[1]}")
                continue
            if not isinstance(members, LocList) or not members:
                self.error(path, mline, mcol, f"word set '{name}' must be a non-empty list")
                continue
            branches = [self._parse(path, m) for m in members]
            ok = [b for b in branches if b is not None]
            if ok:  # the bad members are reported; keep the set so that its users are not errors too
                self.set_nodes[name] = syntax.Alt(tuple(ok))
                self.set_where[name] = (path, mline)

    def _parse(self, path: str, text) -> syntax.Seq | None:
        if not isinstance(text, str):
            self.at(path, text, "a pattern must be a string")
            return None
        try:
            return syntax.parse(text)
        except syntax.PatternSyntaxError as e:
            self._pattern_error(path, text, e.column, e.message)
            return None

    def _pattern_error(self, path: str, text, column: int, message: str) -> None:
        if isinstance(text, LocStr):
            self.error(path, text.line, text.content_column() + column - 1, message)
        else:
            self.error(path, 1, 1, message)

    # -- rules -----------------------------------------------------------------------------------

    def compile(self) -> RuleSet:
        compiler = Compiler(self.lexicon, self.set_nodes)
        rules: list[Rule] = []
        patterns: list[Pattern] = []
        seen_ids: dict[str, str] = {}
        for order, (path, doc) in enumerate(self.rule_docs):
            rule = self._rule(path, doc, order, seen_ids)
            if rule is None:
                continue
            rules.append(rule)
            for text in doc.get("patterns") or ():
                patterns.extend(self._pattern(path, text, rule, compiler, len(patterns)))
        actors = self._actors()
        negators = frozenset(
            [self.lexicon.verb(p, pr) for p, pr in language.DENIAL_VERBS]
        )
        reporting = frozenset(self.lexicon.verb(p, pr) for p, pr in language.REPORTING_VERBS)
        if any(f.severity == "error" for f in self.findings):
            raise RuleSetError(self.findings)
        index: dict[int, list[Indexed]] = {}
        for pat in patterns:
            at = pat.required_at
            for lid in pat.anchor:
                index.setdefault(lid, []).append((pat, pat.required if at is None else at[lid]))
        return RuleSet(
            rules=tuple(rules),
            patterns=tuple(patterns),
            index={k: tuple(v) for k, v in index.items()},
            lexicon=self.lexicon,
            actors=actors,
            negators=negators,
            reporting=reporting,
            sets=dict(self.set_nodes),
            warnings=tuple(self.findings),
        )

    def _rule(self, path: str, doc: LocDict, order: int, seen_ids: dict[str, str]) -> Rule | None:
        ok = True
        for key in ("id", "code", "patterns"):
            if key not in doc:
                self.at(path, doc, f"rule is missing '{key}'")
                ok = False
        for key in doc:
            if key not in ("id", "code", "patterns", "examples", "counterexamples", "note", "fallback"):
                line, col = doc.where[key]
                self.error(path, line, col, f"unknown rule key '{key}'")
        if not ok:
            return None
        rid, code = doc["id"], doc["code"]
        where = doc.where
        if not isinstance(rid, str) or not rid.strip():
            self.error(path, *where["id"], "a rule id must be a non-empty string")
            return None
        if rid in seen_ids:
            self.error(path, *where["id"], f"duplicate rule id '{rid}' (first defined at {seen_ids[rid]})")
            return None
        seen_ids[rid] = f"{path}:{where['id'][0]}"
        if not isinstance(code, str):
            self.error(path, *where["code"], f"write the code as a quoted string (code: \"{code}\"): "
                       "YAML reads 0431 as a number")
            return None
        if code != NO_EVENT and cameo.lookup(code) is None:
            self.error(path, *where["code"], f"unknown CAMEO event code '{code}' (or \"{NO_EVENT}\" to block)")
            return None
        pats = doc["patterns"]
        if not isinstance(pats, LocList) or not pats:
            self.error(path, *where["patterns"], "'patterns' must be a non-empty list of strings")
            return None
        examples = tuple(self._examples(path, doc.get("examples"), code, positive=True))
        counter = tuple(self._examples(path, doc.get("counterexamples"), code, positive=False))
        if not examples:
            self.at(path, doc, f"rule '{rid}' has no examples", "warning")
        note = str(doc.get("note") or "")
        fallback = doc.get("fallback", False)
        if not isinstance(fallback, bool):
            self.error(path, *where["fallback"], "'fallback' must be true or false")
            return None
        return Rule(rid, code, tuple(str(p) for p in pats), examples, counter, path, doc.line, order, note,
                    fallback)

    def _examples(self, path: str, items, code: str, positive: bool):
        if items is None:
            return
        if not isinstance(items, LocList):
            self.at(path, items, "examples must be a list")
            return
        for item in items:
            if isinstance(item, str):
                yield Example(str(item), code, line=getattr(item, "line", 0))
            elif isinstance(item, LocDict) and isinstance(item.get("text"), str):
                ex_code = item.get("code", code)
                if not isinstance(ex_code, str) or (ex_code != NO_EVENT and cameo.lookup(ex_code) is None):
                    self.at(path, item, f"example code '{ex_code}' is not a CAMEO code (quote it)")
                    continue
                if not positive and "code" not in item:
                    ex_code = code
                yield Example(str(item["text"]), ex_code, _opt(item.get("source")), _opt(item.get("target")),
                              item.line)
            else:
                self.at(path, item, "an example is a sentence, or a mapping with 'text' (and code/source/target)")

    def _verbs_of(self, program: Program) -> frozenset[int]:
        """The verb lexemes anywhere in `program` (those of a word set worked out once per set)."""
        return frozenset().union(*(self._verbs.get(step, self._step_verbs) for step in program))

    def _step_verbs(self, step) -> frozenset[int]:
        """The verb lexemes of one step, nested ones included."""
        if step[0] == WORD:
            keys = self.lexicon.keys
            return frozenset(i for i in step[1] if keys[i][0] == "verb")
        if step[0] == ALT:
            return frozenset().union(*map(self._verbs_of, step[1]))
        if step[0] == OPT:
            return self._verbs_of(step[1])
        return frozenset()

    def _is_common(self, lid: int) -> int:
        """How common a lexeme's word is in news: 0, 1 (common), or 20 (a particle or preposition).
        Memoised: anchor choice asks again for every pattern a word occurs in."""
        known = self._common.get(lid)
        if known is None:
            known = self._common[lid] = self._commonness(lid)
        return known

    def _commonness(self, lid: int) -> int:
        key = self.lexicon.keys[lid]
        if key[0] == "number":
            return 20  # numbers are everywhere: never an anchor when a word will do
        word = key[1][2:] if key[0].startswith("def") else key[1]
        if word in language.VERY_COMMON_WORDS or key[1] in language.VERY_COMMON_WORDS:
            return 20
        return int(word in language.COMMON_WORDS or key[1] in language.COMMON_WORDS)

    def _cost(self, ids: frozenset[int]) -> int:
        """How common the words of a set are, together (the sum of `_is_common`); memoised, because
        the steps of a word set are scored again for every pattern that uses the set."""
        cost = self._costs.get(ids)
        if cost is None:
            cost = self._costs[ids] = sum(map(self._is_common, ids))
        return cost

    def _anchor_cost(self, program: Program) -> int | None:
        anchor = choose_anchor(program, self._cost)
        return None if anchor is None else self._cost(first_ids(program[anchor]) or frozenset())

    def _split(self, program: Program, depth: int = 0) -> list[Program]:
        """One program, or several that together match the same texts but anchor on rarer words.

        A pattern whose only fixed step is a common word (أن) while a rarer word hides inside an
        alternative that may start with a slot or a gap (`({source} هدد~ | هدد~ {source}) أن`) is
        split into one program per branch of that alternative, each with the rarer word at top level.
        """
        cost = self._anchor_cost(program)
        if depth >= 2 or (cost is not None and cost == 0):
            return [program]
        for i, step in enumerate(program):
            if step[0] != ALT or step[2] is not None or len(step[1]) > 8:
                continue
            variants = [program[:i] + branch + program[i + 1:] for branch in step[1]]
            costs = [self._anchor_cost(v) for v in variants]
            if all(c is not None and (cost is None or c < cost) for c in costs):
                return [q for v in variants for q in self._split(v, depth + 1)]
        return [program]

    def _pattern(self, path: str, text, rule: Rule, compiler: Compiler, number: int) -> list[Pattern]:
        seq = self._parse(path, text)
        if seq is None:
            return []
        try:
            program = compiler.program(seq)
        except UnknownSet as e:
            self._pattern_error(path, text, e.ref.column, e.why)
            return []
        if choose_anchor(program, self._cost) is None:
            self._pattern_error(path, text, 1, "a pattern needs at least one word that is always present "
                                               "(not only optional parts, gaps and slots)")
            return []
        return [self._compiled(program, seq, text, rule, number + k) for k, program in enumerate(self._split(program))]

    def _compiled(self, program: Program, seq: syntax.Seq, text, rule: Rule, number: int) -> Pattern:
        anchor = choose_anchor(program, self._cost)
        required, required_at = self._required(program, anchor)
        backward = reverse(program[:anchor], self._reversed)
        return Pattern(
            number=number,
            rule=rule,
            text=str(text),
            forward=program[anchor:],
            backward=backward,
            anchor=first_ids(program[anchor]) or frozenset(),
            required=required,
            required_at=required_at,
            verbs=self._verbs_of(program),
            after=_near(program[anchor + 1:]) if program[anchor][0] == WORD else None,
            before=_near(backward),
            verbal=_leads_with_verb(seq, self.set_nodes, self._verbal_sets),
            line=getattr(text, "line", 0),
            column=text.content_column() if isinstance(text, LocStr) else 0,
        )

    def _required(self, program: Program, anchor: int) -> tuple[tuple[frozenset[int], ...],
                                                                 dict[int, tuple[frozenset[int], ...]] | None]:
        """Sets of lexemes one of each of which a clause must hold for the pattern to match there,
        for any anchor word and (when the anchor is an alternative) for each anchor word.

        Checked with set operations before the interpreter starts (most candidates stop here), so
        they are ordered rarest first, and they look inside alternatives and past leading slots
        (see `must_ids`). For an anchor that is an alternative, the anchor token only vouches for
        the first word of a branch: each anchor word adds the rarest words of the branches it
        starts (`first_needs`), and the pattern as a whole the union of them over all branches.
        """
        cost, memo = self._cost, self._musts
        needs = [ids for i, s in enumerate(program) if i != anchor and (ids := must_ids(s, cost, memo)) is not None]
        step = program[anchor]
        if step[0] != ALT:
            return self._needs(needs), None
        per_word = first_needs(step, cost, memo, self._firsts)
        everywhere = None if None in per_word.values() else frozenset().union(*per_word.values())
        required = self._needs(needs if everywhere is None else [*needs, everywhere])
        at: dict[frozenset[int] | None, tuple[frozenset[int], ...]] = {None: self._needs(needs)}
        required_at = {}
        for lid, own in per_word.items():
            sets = at.get(own)
            if sets is None:
                sets = at[own] = self._needs([*needs, own])
            required_at[lid] = sets
        return required, required_at

    def _needs(self, needs: list[frozenset[int]]) -> tuple[frozenset[int], ...]:
        """Required sets without repeats, rarest first, each one object shared by every pattern
        that needs it (the cache pickles it once)."""
        cost = self._cost
        unique = [self._shared.setdefault(ids, ids) for ids in dict.fromkeys(needs)]
        return tuple(sorted(unique, key=lambda ids: (cost(ids), len(ids))))

    # -- actors ------------------------------------------------------------------------------------

    def _actors(self) -> ActorTable:
        table = ActorTable()
        owner: dict[tuple[int, ...], tuple[str, str, int]] = {}
        for path, kind, doc in self.actor_docs:
            codes = self._actor_codes(path, doc, kind)
            if codes is None:
                continue
            if kind == AGENT:
                table.roles.update(c for c, _, _ in codes)
            elif ("adjectives" in doc or "metonyms" in doc) and len(codes[-1][0]) == 3:
                table.countries.add(codes[-1][0])
            groups = [(kind, "names"), (kind, "counted")] if kind == AGENT else [
                (ACTOR, "names"), (ADJECTIVE, "adjectives"), (METONYM, "metonyms")]
            for mkind, key in groups:
                names = doc.get(key)
                if names is None:
                    continue
                if not isinstance(names, LocList):
                    self.error(path, *doc.where[key], f"'{key}' must be a list of names")
                    continue
                for name in names:
                    # names of countries, places, bodies and people take clitics only;
                    # adjectives (nisba) and agents (common nouns) inflect
                    phrase = self._phrase(path, name, inflect=mkind in (AGENT, ADJECTIVE), agent=mkind == AGENT)
                    if phrase is None:
                        continue
                    entry = ActorEntry(str(name), mkind, codes, path, getattr(name, "line", 0),
                                       counted=key == "counted")
                    key_codes = (mkind, codes[-1][0]) if mkind != AGENT else (mkind, codes[0][0])
                    prev = owner.get(phrase)
                    if prev is not None and prev[:2] != key_codes:
                        self.at(path, name, f"'{name}' is already listed as {prev[1]} ({prev[2]}); "
                                            "one name, one code")
                        continue
                    if prev is None:
                        owner[phrase] = (*key_codes, f"{path}:{getattr(name, 'line', 0)}")
                        table.add(phrase, entry)
        return table

    def _actor_codes(self, path: str, doc: LocDict, kind: str):
        if "names" not in doc and kind == AGENT:
            self.at(path, doc, "an agent needs 'code' and 'names'")
            return None
        if ("code" in doc) == ("codes" in doc):
            self.at(path, doc, "an actor needs exactly one of 'code' or 'codes'")
            return None
        if "code" in doc:
            code = doc["code"]
            if not isinstance(code, str) or not _ACTOR_CODE.fullmatch(code):
                self.error(path, *doc.where["code"], f"'{code}' is not an actor code (groups of 3 capitals)")
                return None
            return ((code, None, None),)
        spans = []
        items = doc["codes"]
        if not isinstance(items, LocList) or not items:
            self.error(path, *doc.where["codes"], "'codes' must be a list of {code, from, until}")
            return None
        for item in items:
            if not isinstance(item, LocDict) or not isinstance(item.get("code"), str) \
                    or not _ACTOR_CODE.fullmatch(item["code"]):
                self.at(path, item, "each entry of 'codes' needs a code of groups of 3 capitals")
                return None
            start, until = _date(item.get("from")), _date(item.get("until"))
            if start is False or until is False:
                self.at(path, item, "dates are written YYYY-MM-DD")
                return None
            if start and until and until <= start:
                self.at(path, item, "'until' must come after 'from'")
                return None
            spans.append((item["code"], start, until))
        spans.sort(key=lambda s: s[1] or "")
        for (_, _, until_a), (_, start_b, _) in zip(spans, spans[1:], strict=False):
            if until_a is None or (start_b is not None and start_b < until_a):
                self.at(path, items, "date ranges overlap")
                return None
        return tuple(spans)

    def _phrase(self, path: str, name, inflect: bool = True, agent: bool = False) -> tuple[int, ...] | None:
        if not isinstance(name, str) or not name.strip():
            self.at(path, name, "a name must be a non-empty string")
            return None
        raw = name.split()
        words = [normalize(w) for w in raw]
        if not all(words):
            self.at(path, name, f"'{name}' has a word that is empty once diacritics are removed")
            return None
        article = [syntax.has_article_form(w) for w in raw]
        if not inflect:
            return tuple(self.lexicon.name(w, a) for w, a in zip(words, article, strict=True))
        return tuple(self.lexicon.noun(w, construct=agent, article=a) for w, a in zip(words, article, strict=True))


def _near(steps: Program) -> tuple[int, frozenset[int]] | None:
    """Where the next token fixed by `steps` (read away from the anchor) may be, and the lexemes
    it must have: (0, ids) for the very next token, (n, ids) for one of the next n + 1 past a gap
    (`&viol_bg_time ..2 قتل`: a time word one to three tokens before the anchor), None if
    nothing is fixed there (an optional part, a slot)."""
    if not steps:
        return None
    ids = _fixed(steps[0])
    if ids is not None:
        return 0, ids
    if steps[0][0] == GAP and len(steps) > 1:
        ids = _fixed(steps[1])
        if ids is not None:
            return steps[0][1], ids
    return None


def _fixed(step) -> frozenset[int] | None:
    """The lexemes the token matched by `step` must have, if the step is one required token."""
    if step[0] == WORD:
        return step[1]
    if step[0] == ALT:
        return step[2]
    return None


def _opt(value) -> str | None:
    return None if value is None else str(value)


def _date(value):
    if value is None:
        return None
    text = str(value)
    return text if _DATE.fullmatch(text) else False


def _leads_with_verb(seq: syntax.Seq, sets: dict[str, syntax.Alt], memo: dict[str, bool]) -> bool:
    """Whether the first word of every way `seq` can match is a verb (`memo`: the answer per set)."""
    for node in seq.items:
        if isinstance(node, (syntax.Slot, syntax.Optional, syntax.Gap)):
            continue
        if isinstance(node, syntax.Verb):
            return True
        if isinstance(node, syntax.Alt):
            return all(_leads_with_verb(b, sets, memo) for b in node.branches)
        if isinstance(node, syntax.SetRef) and node.name in sets:
            verbal = memo.get(node.name)
            if verbal is None:
                verbal = memo[node.name] = all(_leads_with_verb(b, sets, memo) for b in sets[node.name].branches)
            return verbal
        return False
    return False


def load_ruleset(paths: Iterable[str | Path] | None = None, use_cache: bool = True) -> RuleSet:
    """Read and compile rule files (default: the shipped ones); raise RuleSetError on any error.

    A compiled rule set is cached on disk (see cache.py) and reused while no file changes.
    """
    from . import cache

    files = rule_files(paths if paths is not None else [default_rules_dir()])
    missing = [f for f in files if not f.is_file()]
    if use_cache and not missing:
        hit = cache.load(files)
        if isinstance(hit, RuleSet):
            return hit
    with cache.gc_paused():  # compiling allocates a million objects, few of them garbage
        loader = _Loader()
        for f in files:
            loader.read(f)
        rs = loader.compile()
    object.__setattr__(rs, "sources", tuple(str(f) for f in files))
    if use_cache and not missing:
        cache.store(files, rs)
    return rs
