"""Actor mentions in a sentence: dictionary names, longest first, with agents composed.

Actor files name countries, organisations, groups and people; agent files name roles (الجيش MIL,
الشرطة COP, الحكومة GOV). Each name is a phrase of nouns matched like rule words, with clitics
and inflection. An agent followed by a country (adjective or name) makes one mention with both:
القوات الأمريكية -> USAMIL, الشرطة العراقية -> IRQCOP.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from . import language
from .text.normalize import normalize

ACTOR, AGENT, ADJECTIVE, METONYM = "actor", "agent", "adjective", "metonym"
PLACE = "place"  # an actor name used as a location (في بيروت); decided when roles are assigned


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary name and what it codes as; `codes` are (code, from, until) with ISO dates."""

    name: str
    kind: str
    codes: tuple[tuple[str, str | None, str | None], ...]
    path: str = ""
    line: int = 0
    counted: bool = False  # an actor only after a number (15 مسلحا), an adjective elsewhere (هجوما مسلحا)

    def code_on(self, date: str | None) -> str:
        """The code in force on `date` (ISO, `until` exclusive); without a date the latest range."""
        if not date or len(self.codes) == 1:
            return self.codes[-1][0]
        day = date[:10]
        for code, start, until in self.codes:
            if (start is None or start <= day) and (until is None or day < until):
                return code
        return self.codes[-1][0]


class _Node:
    """A node of the name trie: the names continuing with each next lexeme, and the name (if
    any) that ends here with the order it was listed in."""

    __slots__ = ("children", "entry", "rank")

    def __init__(self) -> None:
        self.children: dict[int, _Node] = {}
        self.entry: ActorEntry | None = None
        self.rank = 0

    def __getstate__(self):
        return self.children, self.entry, self.rank

    def __setstate__(self, state) -> None:
        self.children, self.entry, self.rank = state


@dataclass
class ActorTable:
    """Names compiled to lexeme phrases, in a trie keyed by lexemes."""

    roots: dict[int, _Node] = field(default_factory=dict)
    entries: list[ActorEntry] = field(default_factory=list)
    size: int = 0
    countries: set[str] = field(default_factory=set)  # codes of countries (entries with adjectives or capitals)
    roles: set[str] = field(default_factory=set)  # codes of agents (MIL, COP, GOVMIL...)

    def add(self, phrase: tuple[int, ...], entry: ActorEntry) -> None:
        node = self.roots.get(phrase[0])
        if node is None:
            node = self.roots[phrase[0]] = _Node()
        for lid in phrase[1:]:
            nxt = node.children.get(lid)
            if nxt is None:
                nxt = node.children[lid] = _Node()
            node = nxt
        self.size += 1
        if node.entry is None:  # the first listing of a name wins
            node.entry, node.rank = entry, self.size
        self.entries.append(entry)


@dataclass(slots=True)
class Mention:
    """An actor mention: token span (end exclusive), its code, and how it was recognised.

    Never changed once made (`dataclasses.replace` makes a new one), but not frozen: a frozen
    dataclass sets each field through object.__setattr__, and made four times as slowly, the
    mentions of a corpus cost 1-2% of its coding."""

    start: int
    end: int
    code: str
    kind: str
    names: tuple[str, ...]


def phrases_starting(table: ActorTable, lexemes: frozenset[int]) -> tuple[_Node, ...]:
    """The trie nodes of the names whose first word is one of `lexemes`."""
    return tuple(table.roots[lid] for lid in sorted(lexemes) if lid in table.roots)


def find_mentions(starting: Sequence[tuple[int, tuple]], analyses: Sequence[frozenset[int]],
                  clauses: Sequence[int], norms: Sequence[str], date: str | None = None) -> list[Mention]:
    """Longest dictionary matches left to right, then agents composed with the country after them.

    `starting` lists the positions where some name may start, with their trie nodes (see
    `phrases_starting`). Of the names that fit at a position, the longest wins, then the one
    listed first.
    """
    raw: list[Mention] = []
    n = len(analyses)
    taken = 0  # first position not inside an earlier mention
    for pos, roots in starting:
        if pos < taken:
            continue
        clause = clauses[pos]
        best = None
        stack = [(node, 1) for node in roots]
        while stack:
            node, depth = stack.pop()
            if node.entry is not None and (best is None or (depth, -node.rank) > best[0]):
                best = ((depth, -node.rank), node.entry)
            nxt = pos + depth
            children = node.children
            if children and nxt < n and clauses[nxt] == clause:
                for lid in analyses[nxt]:
                    child = children.get(lid)
                    if child is not None:
                        stack.append((child, depth + 1))
        if best is not None and best[1].counted and not counted(norms, pos - 1):
            best = None
        if best is not None:
            size, entry = best[0][0], best[1]
            raw.append(Mention(pos, pos + size, _entry_code(entry, date), entry.kind, (entry.name,)))
            taken = pos + size
    return _compose(raw, clauses, norms)


def counted(norms: Sequence[str], at: int) -> bool:
    """A number or a word of quantity at `at` (قتل 12 شخصا، مقتل عدد من): what follows is counted."""
    if not 0 <= at < len(norms):
        return False
    word = norms[at]
    if word == "من" and at > 0:  # عدد من المدنيين، عشرات من الجنود
        word = norms[at - 1]
    return word[0].isdigit() or word in language.QUANTITY_WORDS


def _entry_code(entry: ActorEntry, date: str | None) -> str:
    code = entry.code_on(date)
    return code + "GOV" if entry.kind == METONYM and not code.endswith("GOV") else code


ADJECTIVES_BETWEEN = 2  # describing words allowed between an agent and its nationality adjective

# Words that tie an agent to the actor it belongs to: قوات الأمن التابعة لوزارة الدفاع.
AFFILIATION = frozenset(("التابعه", "التابع", "التابعين", "التابعون", "التابعتين", "تابعه", "تابع"))


def _merge(a: Mention, b: Mention, member: bool = False) -> Mention | None:
    """One mention for two adjacent ones that name the same actor, or None. `member`: the two
    are joined by في/من (ضابط في الشرطة، عناصر من الجيش العراقي): the first belongs to the second."""
    if member and b.kind == AGENT:  # ضابط في الشرطة: a police officer; مسلحين من القبائل: gunmen
        return Mention(a.start, b.end, a.code if b.code == "CVL" else b.code, AGENT, a.names + b.names)
    if member:  # متطوعا في الجيش العراقي: the body's code, with the agent's role if it has none
        code = b.code if len(b.code) > 3 else b.code + a.code
        return Mention(a.start, b.end, code, ACTOR, a.names + b.names)
    if a.kind == AGENT and b.kind != AGENT:  # القوات + الأمريكية, الشرطة + العراقية
        base = b.code[:-3] if b.kind == METONYM and b.code.endswith("GOV") else b.code  # جامعة دمشق: SYR, not SYRGOV
        # رجال + شرطة عراقيون: a word for people before an actor with its role adds nothing
        code = base if base.endswith(a.code) or (a.code == "CVL" and len(base) > 3) else base + a.code
    elif a.kind != AGENT and b.kind != AGENT and b.code.startswith(a.code):  # الرئيس السوري + بشار الأسد
        code = b.code  # the second as specific or more: one actor named twice
    elif a.kind == ACTOR and b.kind == ACTOR and len(a.code) > 3 and a.code[:3] == b.code[:3]:
        # الرئيس الأمريكي باراك أوباما: a title and a person of one country, the person's code
        # from another date (USAELI): the title in the text says what he was (USAGOV)
        code = a.code
    else:
        return None  # e.g. الجيش السوري (SYRMIL) + حلب (SYR): two actors
    return Mention(a.start, b.end, code, ACTOR, a.names + b.names)


def _compose(raw: list[Mention], clauses: Sequence[int], norms: Sequence[str]) -> list[Mention]:
    """Merge runs of mentions of one actor: agent + country, title + person, then agent + التابعة ل
    + body and agent + في/من + body. Adjacent mentions are merged first, so that the body of
    `طائرة تابعة للقوات الأمريكية` is USAMIL before the aircraft joins it."""
    return _merge_runs(_merge_runs(raw, clauses, norms, linked=False), clauses, norms, linked=True)


def _merge_runs(raw: list[Mention], clauses: Sequence[int], norms: Sequence[str], linked: bool) -> list[Mention]:
    out: list[Mention] = []
    i = 0
    while i < len(raw):
        m = raw[i]
        j = i + 1
        while j < len(raw):
            nxt = raw[j]
            gap = nxt.start - m.end
            if clauses[nxt.start] != clauses[m.start]:
                break
            member = linked and gap == 1 and m.kind == AGENT and norms[m.end] in language.MEMBERSHIP
            # an agent, a describing word or two, then its nationality: شركة أمنية أميركية، قوات خاصة
            # أمريكية، طائرات حربية إسرائيلية
            described = not linked and 0 < gap <= ADJECTIVES_BETWEEN and m.kind == AGENT \
                and nxt.kind == ADJECTIVE and not any(w in language.PREPOSITIONS for w in norms[m.end:nxt.start])
            if not (gap == 0 or member or described or (linked and gap == 1 and norms[m.end] in AFFILIATION)):
                break
            if norms[nxt.start][:1] == "و" and normalize(nxt.names[0])[:1] != "و":
                break  # joined by و: another actor (رئيس الوزراء حيدر العبادي ونظيره خالد العبيدي)
            merged = _merge(m, nxt, member)
            if merged is None:
                break
            m = merged
            j += 1
        out.append(m)
        i = j
    return out
