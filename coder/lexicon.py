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
_PRONOUN_LENGTHS = sorted({len(p) for p in _PRONOUNS}, reverse=True)
_VERB_ONLY = frozenset(set(OBJECT_PRONOUNS) - set(NOUN_PRONOUNS) - {""})
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
        cache = self._cache
        found = tuple(map(cache.get, tokens))
        if None in found:  # analyse the new types (set operations in C), then look them all up again
            for token in set(tokens).difference(cache):
                self.analyse(token)
            found = tuple(map(cache.get, tokens))
        return found

    def analyse(self, token: str) -> frozenset[int]:
        """The lexemes that the normalised `token` is a form of (cached per token type)."""
        hit = self._cache.get(token)
        if hit is not None:
            return hit
        found: set[int] = set(self._exact.get(token, ()))
        if self._number is not None and token[:1].isdigit():
            found.add(self._number)
        forms, hosts = self._forms, self._hosts
        for allowed, rest in proclitic_splits(token):
            hit = forms.get(rest)
            if hit is not None:
                for packed in hit if isinstance(hit, tuple) else (hit,):
                    if packed & allowed:
                        found.add(packed >> KIND_BITS)
            for n in _PRONOUN_LENGTHS:  # the suffix of each length that is a pronoun, if any
                pronoun = rest[-n:]
                if pronoun not in _PRONOUNS or len(rest) - n < 2:
                    continue
                hit = hosts.get(rest[:-n])
                if hit is None:
                    continue
                ok = allowed & _VERB if pronoun in _VERB_ONLY else allowed
                for packed in hit if isinstance(hit, tuple) else (hit,):
                    if packed & ok:
                        found.add(packed >> KIND_BITS)
        result = frozenset(found) if found else EMPTY
        self._cache[token] = result
        return result

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
