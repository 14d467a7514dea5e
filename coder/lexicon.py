"""The vocabulary of a rule set: every rule and actor word, expanded into its surface forms.

Each distinct word (a noun, a verb with its stems, an exact token) gets a small integer id, a
"lexeme". `analyse(token)` answers which lexemes a normalised text token is a form of; the
answer depends only on the token's spelling, so it is computed once per token type and cached.
Matching then works on sets of integers.
"""

from __future__ import annotations

from .text.morphology import (
    NOUN_PRONOUNS,
    OBJECT_PRONOUNS,
    Kind,
    construct_parts,
    noun_parts,
    proclitic_splits,
    verb_parts,
)

EMPTY: frozenset[int] = frozenset()
_ARTICLE = "ال"
KIND_BITS = 4  # a packed form entry is (lexeme << KIND_BITS | kind)
# Pronoun suffixes the analyser strips; ني (me) only follows verbs.
_PRONOUNS = frozenset(NOUN_PRONOUNS) | {p for p in OBJECT_PRONOUNS if p}
_VERB_ONLY = frozenset(set(OBJECT_PRONOUNS) - set(NOUN_PRONOUNS) - {""})
# The pronouns by their last letter, longest first, with whether only a verb takes them: a new
# token type tests only those its remainder may end with (most end with none).
_ENDINGS: dict[str, tuple[tuple[str, bool], ...]] = {
    last: tuple((p, p in _VERB_ONLY) for p in sorted(_PRONOUNS, key=len, reverse=True) if p[-1] == last)
    for last in {p[-1] for p in _PRONOUNS}
}
_VERB = int(Kind.VERB)


class Lexicon:
    """Lexeme ids, the forms that realise them, and a per-token-type analysis cache."""

    def __init__(self) -> None:
        self._ids: dict[tuple, int] = {}
        self.keys: list[tuple] = []  # lexeme id -> its key, for explanations
        # form -> packed (lexeme << 4 | kind), or a tuple of them when several words share a form;
        # _hosts holds the forms that take a pronoun suffix (اعتقالات+هم, اعتقلو+ه)
        self._forms: dict[str, int | tuple[int, ...]] = {}
        self._hosts: dict[str, int | tuple[int, ...]] = {}
        self._exact: dict[str, list[int]] = {}
        self._number: int | None = None  # the lexeme of `&number`, once a rule uses it
        self._cache: dict[str, frozenset[int]] = {}
        self._interned: dict[frozenset[int], frozenset[int]] = {}  # one object per distinct analysis

    def __len__(self) -> int:
        return len(self.keys)

    def _new(self, key: tuple) -> tuple[int, bool]:
        lid = self._ids.get(key)
        if lid is not None:
            return lid, False
        lid = len(self.keys)
        self._ids[key] = lid
        self.keys.append(key)
        if self._cache:
            self._cache.clear()
            self._interned.clear()
        return lid, True

    def _add_forms(self, lid: int, kind: Kind, parts: tuple[set[str], set[str]]) -> None:
        plain, hosts = parts
        packed = lid << KIND_BITS | int(kind)
        self._put(self._forms, plain, packed)
        self._put(self._hosts, hosts, packed)

    @staticmethod
    def _put(table: dict, forms: set[str], packed: int) -> None:
        clash = forms & table.keys()
        if clash:
            for form in clash:
                old = table[form]
                table[form] = (*old, packed) if isinstance(old, tuple) else (old, packed)
            forms = forms - clash
        table.update(dict.fromkeys(forms, packed))

    def noun(self, word: str, construct: bool = False, article: bool = True) -> int:
        """The lexeme of a noun or adjective. Written with the article, it requires the article.
        With `construct`, it also takes the construct plural in ي (agent nouns: مسلحي)."""
        tag = "+" if construct else ""
        defined = article and word.startswith(_ARTICLE) and len(word) > len(_ARTICLE) + 1
        lid, new = self._new(("def" + tag if defined else "noun" + tag, word))
        if new:
            stem = word[len(_ARTICLE):] if defined else word
            self._add_forms(lid, Kind.DEF if defined else Kind.NOUN, noun_parts(stem))
            if construct:
                self._add_forms(lid, Kind.CONSTRUCT, construct_parts(stem))
        return lid

    def name(self, word: str, article: bool = True) -> int:
        """The lexeme of a word of a proper name: clitics only, no inflection (مصر never
        matches مصراتة, عدن never عدنان)."""
        if article and word.startswith(_ARTICLE) and len(word) > len(_ARTICLE) + 1:
            lid, new = self._new(("def-name", word))
            if new:
                self._add_forms(lid, Kind.DEF, ({word[len(_ARTICLE):]}, set()))
            return lid
        lid, new = self._new(("name", word))
        if new:
            self._add_forms(lid, Kind.NOUN, ({word}, set()))
        return lid

    def verb(self, past: str, present: str | None = None) -> int:
        """The lexeme of a verb given its past stem and, for irregular verbs, its present form."""
        lid, new = self._new(("verb", past, present))
        if new:
            self._add_forms(lid, Kind.VERB, verb_parts(past, present))
        return lid

    def number(self) -> int:
        """The lexeme of any number written in digits (`&number`): every token that starts with
        a digit is a form of it (normalisation has made Arabic-Indic digits ASCII)."""
        lid, new = self._new(("number",))
        if new:
            self._number = lid
        return lid

    def exact(self, token: str) -> int:
        """The lexeme of an exact token: no clitics, no inflection."""
        lid, new = self._new(("exact", token))
        if new:
            self._exact.setdefault(token, []).append(lid)
        return lid

    def analyse_all(self, tokens: list[str]) -> tuple[frozenset[int], ...]:
        """`analyse` for every token of a sentence, with C-level cache look-ups for known types."""
        found = tuple(map(self._cache.get, tokens))
        if None in found:  # analyse the new types in one pass over the known answers
            analyse = self.analyse
            found = tuple([known if known is not None else analyse(t) for known, t in zip(found, tokens, strict=True)])
        return found

    def analyse(self, token: str) -> frozenset[int]:
        """The lexemes that the normalised `token` is a form of (cached per token type).

        Equal answers are one object (most types are a form of no word or of one): the caches
        keyed on an analysis then hit by identity, and a corpus's hundred thousand types hold a
        few thousand sets for the garbage collector to walk instead of one each."""
        hit = self._cache.get(token)
        if hit is not None:
            return hit
        found = self._found(token)
        result = EMPTY
        if found:
            result = frozenset(found)
            result = self._interned.setdefault(result, result)
        self._cache[token] = result
        return result

    def _found(self, token: str) -> set[int] | None:
        """The lexemes of a token not yet analysed, or None."""
        found: set[int] | None = set(self._exact[token]) if token in self._exact else None
        if self._number is not None and token[:1].isdigit():
            found = (found or set()) | {self._number}
        forms, hosts = self._forms, self._hosts
        for allowed, rest in proclitic_splits(token):
            hit = forms.get(rest)
            if hit is not None:
                found = _add(found, hit, allowed)
            for pronoun, verb_only in _ENDINGS.get(rest[-1], ()):  # the pronouns it may end with
                if rest.endswith(pronoun) and len(rest) - len(pronoun) >= 2:
                    hit = hosts.get(rest[:-len(pronoun)])
                    if hit is not None:
                        found = _add(found, hit, allowed & _VERB if verb_only else allowed)
        return found

    def describe(self, lid: int) -> str:
        """A lexeme as its author would write it (`اعتقل~`, `=بين`, `اعتقال`)."""
        key = self.keys[lid]
        if key[0] in ("name", "def-name"):
            return key[1]
        if key[0] == "verb":
            return key[1] + (f"/{key[2]}" if key[2] else "") + "~"
        if key[0] == "exact":
            return "=" + key[1]
        if key[0] == "number":
            return "&number"
        return key[1]


def _add(found: set[int] | None, hit: int | tuple[int, ...], allowed: int) -> set[int] | None:
    """`found` with the lexemes of the packed form entries `hit` whose kind is `allowed`."""
    for packed in hit if isinstance(hit, tuple) else (hit,):
        if packed & allowed:
            if found is None:
                found = set()
            found.add(packed >> KIND_BITS)
    return found
