"""Properties that must hold for any input (hypothesis).

Seeds are the shipped rules' own examples, so the properties are checked on sentences that
code, and the perturbations are the ways real Arabic text varies: diacritics, tatweel, hamza,
yeh and teh-marbuta spellings, bidi and zero-width marks, presentation-form ligatures.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coder import Coder, load_ruleset
from coder.batch import Summary, code_records
from coder.io import BadRecord, InputError, read_records
from coder.text.segment import sentences

_CODER = Coder(load_ruleset())
_EXAMPLES = sorted({ex.text for r in _CODER.ruleset.rules for ex in r.examples})

DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
MARKS = ["\u0640", "\u200f", "\u200e", "\u200c", "\u200d", "\u061c"]
VARIANTS = {"ا": "أإآٱ", "ي": "ى", "ه": "ة", "و": "ؤ"}


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


@st.composite
def perturbed(draw, text: str) -> str:
    """`text` with spelling noise that normalisation must erase."""
    out = []
    for i, ch in enumerate(text):
        if ch in VARIANTS and draw(st.integers(0, 4)) == 0:
            # only where it stays a spelling variant: not at the start of a word for ي/ه/و
            ch = draw(st.sampled_from(VARIANTS[ch]))
        out.append(ch)
        if _is_arabic_letter(text[i]):
            r = draw(st.integers(0, 9))
            if r == 0:
                out.append(draw(st.sampled_from(DIACRITICS)))
            elif r == 1 and i + 1 < len(text) and _is_arabic_letter(text[i + 1]):
                out.append(draw(st.sampled_from(MARKS)))
    result = "".join(out)
    if draw(st.booleans()):
        result = result.replace("لا", "\ufefb", 1)  # lam-alef ligature
    return result


def _codes(text: str) -> list[str]:
    return sorted(e.code for e in _CODER.code_text(text))


@given(st.sampled_from(_EXAMPLES).flatmap(lambda t: st.tuples(st.just(t), perturbed(t))))
def test_spelling_noise_never_changes_codes(pair):
    original, noisy = pair
    assert _codes(noisy) == _codes(original)


@given(st.sampled_from(_EXAMPLES).flatmap(perturbed))
def test_offsets_point_at_the_trigger(text):
    starts = {a for s in sentences(text) for a, _ in s.spans}
    ends = {b for s in sentences(text) for _, b in s.spans}
    for e in _CODER.code_text(text):
        assert text[e.start:e.end] == e.trigger
        assert e.start in starts and e.end in ends
        assert text[e.start:e.end] in e.sentence


@given(st.sampled_from(_EXAMPLES), st.sampled_from(["الطقس معتدل اليوم.", "وافتتح المعرض أبوابه أمس.",
                                                    "ارتفعت أسعار النفط في الأسواق العالمية."]))
def test_unrelated_sentences_around_do_not_change_codes(example, other):
    alone = _codes(example)
    assert _codes(f"{other} {example}\n{other}") == alone


@given(st.text(max_size=300))
def test_arbitrary_unicode_never_raises(text):
    for e in _CODER.code_text(text):
        assert text[e.start:e.end] == e.trigger


@given(st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.sampled_from(" .،\n"),
               max_size=200))
def test_arbitrary_arabic_never_raises(text):
    _CODER.code_text(text)


@given(st.binary(max_size=400), st.sampled_from(["jsonl", "csv", "text"]))
def test_arbitrary_bytes_as_a_file_never_raise(tmp_path_factory, data, fmt):
    path = tmp_path_factory.mktemp("bytes") / f"input.{fmt}"
    path.write_bytes(data)
    summary = Summary()
    try:
        results = list(code_records(_CODER, read_records(str(path), fmt), summary))
    except InputError:
        return  # a CSV whose header has no text column: reported as one clear error
    assert summary.read == len(results)
    assert summary.failed == sum(1 for rec, _ in results if isinstance(rec, BadRecord))
    assert summary.events == sum(len(rows) for _, rows in results)


@given(st.text(max_size=200) | st.sampled_from(_EXAMPLES).flatmap(perturbed))
def test_token_spans_line_up_with_normalised_tokens(text):
    from coder.text.normalize import normalize

    for s in sentences(text):
        assert len(s.spans) == len(s.norms) == len(s.clauses)
        assert [normalize(text[a:b]) for a, b in s.spans] == s.norms
        assert s.start <= s.spans[0][0] and s.end >= s.spans[-1][1]


@given(st.lists(st.sampled_from(_EXAMPLES), min_size=2, max_size=8), st.randoms(use_true_random=False))
def test_reordering_records_never_changes_their_events(texts, rnd):
    from coder.io import Record

    records = [Record(str(i), t, None, i) for i, t in enumerate(texts)]
    shuffled = records[:]
    rnd.shuffle(shuffled)

    def by_id(recs):
        return {rec.id: rows for rec, rows in code_records(_CODER, recs, Summary())}

    assert by_id(records) == by_id(shuffled)


_NEAR_MISSES = sorted({ex.text for r in _CODER.ruleset.rules for ex in (*r.examples, *r.counterexamples)})


def _match_keys(matches) -> set[tuple]:
    return {(m.pattern.number, m.start, m.end, m.trigger_start, m.trigger_end, m.words) for m in matches}


def _every_match(text: str, sentence) -> set[tuple]:
    """The matches found by verifying every pattern anchored at every token, with none of the
    shortlist's set tests: what the shortlist must never lose."""
    from bisect import bisect_left, bisect_right

    from coder.match import LazyMentions, _Context, _verify

    rs = _CODER.ruleset
    analyses = rs.lexicon.analyse_all(sentence.norms)
    mentions = _CODER.analyse_sentence(text, sentence).mentions
    clauses = sentence.clauses
    found = []
    for pos, lexemes in enumerate(analyses):
        lo, hi = bisect_left(clauses, clauses[pos]), bisect_right(clauses, clauses[pos])
        anchored = {p.number: p for lid in lexemes for p, _ in rs.index.get(lid, ())}
        for pat in anchored.values():
            m = _verify(pat, pos, _Context(analyses, lo, hi, LazyMentions(lambda: mentions)))
            if m is not None:
                found.append(m)
    return _match_keys(found)


_JOINERS = st.sampled_from([" ", "، ", " و", " ثم ", "، بعدما "])


@given(st.lists(st.sampled_from(_NEAR_MISSES).flatmap(perturbed), min_size=1, max_size=3), _JOINERS)
def test_the_shortlist_never_loses_a_match(texts, joiner):
    """The required words per anchor word, the nearest fixed word past a gap and the filing only
    skip patterns that cannot match: every pattern verified everywhere finds the same matches."""
    text = joiner.join(texts)
    for sentence in sentences(text):
        fast = _match_keys(_CODER.analyse_sentence(text, sentence).matches)
        assert fast == _every_match(text, sentence)
