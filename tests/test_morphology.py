"""Rule words match their inflected and cliticised forms, and nothing else."""

import pytest

from coder.lexicon import Lexicon
from coder.text.morphology import noun_forms, present_stem, verb_forms
from coder.text.normalize import normalize


def matches(lex: Lexicon, lid: int, token: str) -> bool:
    return lid in lex.analyse(normalize(token))


@pytest.fixture()
def lex():
    return Lexicon()


@pytest.mark.parametrize("token", ["اعتقال", "الاعتقال", "وبالاعتقال", "للاعتقال", "اعتقالات", "واعتقالاتهم",
                                   "اعتقالاً", "باعتقاله", "فاعتقالها", "كالاعتقال"])
def test_noun_with_clitics_and_inflection(lex, token):
    assert matches(lex, lex.noun("اعتقال"), token)


@pytest.mark.parametrize("token", ["إنزالاً", "إنزالٌ", "الإنزال", "وإنزالات", "انزال"])
def test_tanween_and_hamza(lex, token):
    assert matches(lex, lex.noun(normalize("إنزال")), token)


@pytest.mark.parametrize("token", ["جوي", "جوية", "جوياً", "الجوية", "الجويين", "جويتين"])
def test_adjective_gender_and_number(lex, token):
    assert matches(lex, lex.noun("جوي"), token)


@pytest.mark.parametrize("token", ["عملية", "العمليات", "عمليته", "عملياتهم", "بعمليتين"])
def test_teh_marbuta_construct(lex, token):
    assert matches(lex, lex.noun(normalize("عملية")), token)


@pytest.mark.parametrize("token", ["اعتقل", "اعتقلت", "اعتقلوا", "واعتقلوا", "اعتقلوه", "اعتقلتهم",
                                   "يعتقل", "تعتقل", "يعتقلون", "سيعتقلون", "ويعتقلونهم", "ليعتقلوا",
                                   "نعتقل", "اُعتُقِلَ", "يُعتقَلُ"])
def test_verb_conjugations(lex, token):
    assert matches(lex, lex.verb("اعتقل"), token)


@pytest.mark.parametrize("token", ["قال", "قالت", "قالوا", "يقول", "تقول", "يقولون"])
def test_hollow_verb_with_both_stems(lex, token):
    assert matches(lex, lex.verb("قال", "يقول"), token)


@pytest.mark.parametrize("token", ["ألقى", "ألقت", "ألقوا", "يلقي", "تلقي", "يلقون"])
def test_defective_verb(lex, token):
    assert matches(lex, lex.verb(normalize("ألقى"), normalize("يلقي")), token)


def test_verbs_take_no_article(lex):
    lid = lex.verb("قتل")
    assert not matches(lex, lid, "القتل")
    assert not matches(lex, lid, "بقتل")


def test_nouns_take_no_future_prefix(lex):
    assert not matches(lex, lex.noun("قتال"), "سقتال")


def test_lookalike_hama_city_vs_protection(lex):
    city = lex.noun(normalize("حماة"))
    protection = lex.noun(normalize("حماية"))
    for token in ["حماية", "الحماية", "حمايته", "لحماية"]:
        assert not matches(lex, city, token), token
        assert matches(lex, protection, token), token
    for token in ["حماة", "وحماة", "بحماة"]:
        assert matches(lex, city, token), token
        assert not matches(lex, protection, token), token


def test_lookalike_fighting_vs_killing(lex):
    kill_verb, kill_noun = lex.verb("قتل"), lex.noun("قتل")
    fight = lex.noun("قتال")
    for token in ["قتال", "القتال", "وقتال", "اقتتال", "مقاتل"]:
        assert not matches(lex, kill_verb, token), token
        assert not matches(lex, kill_noun, token), token
    for token in ["قتل", "قتلوا", "يقتل", "القتل"]:
        assert not matches(lex, fight, token), token


def test_article_required_when_written(lex):
    lid = lex.noun("القبض")
    assert matches(lex, lid, "القبض")
    assert matches(lex, lid, "والقبض")
    assert matches(lex, lid, "للقبض")
    assert not matches(lex, lid, "قبض")


def test_exact_token_takes_nothing(lex):
    lid = lex.exact("بين")
    assert matches(lex, lid, "بين")
    assert not matches(lex, lid, "وبين")
    assert not matches(lex, lid, "البين")


def test_short_remainders_are_not_words(lex):
    lid = lex.noun("ب")
    assert not matches(lex, lid, "وب")


def test_present_stem_rules():
    assert present_stem("اعتقل") == "عتقل"
    assert present_stem("استهدف") == "ستهدف"
    assert present_stem("قتل") == "قتل"
    assert present_stem("اكل") == "اكل"
    assert present_stem("قال", "يقول") == "قول"


def test_forms_are_finite_and_contain_base():
    assert "قتل" in verb_forms("قتل")
    assert "عمليه" in noun_forms("عمليه")
    assert len(verb_forms("اعتقل")) < 2000


def test_hamza_alef_lam_is_not_the_article(lex):
    from coder.patterns.syntax import parse

    word = parse("آلاف").items[0]
    lid = lex.noun(word.text, article=word.article)
    for token in ["آلاف", "الآلاف", "وآلاف", "بآلاف"]:
        assert matches(lex, lid, token), token


def test_construct_plural_only_for_agents_and_never_with_the_article():
    lex = Lexicon()
    agent = lex.noun("مسلح", construct=True)
    plain = lex.noun("اجتماع")
    for token in ("مسلحي", "ومسلحي", "بمسلحي", "لمسلحي", "مسلحيها"):
        assert agent in lex.analyse(normalize(token)), token
    assert agent not in lex.analyse(normalize("المسلحي"))  # construct nouns take no article
    assert plain not in lex.analyse(normalize("اجتماعي"))  # the nisba adjective, not a plural
    head = lex.noun("رئيس", construct=True)
    assert head not in lex.analyse(normalize("الرئيسي"))  # "main", not a head of something
