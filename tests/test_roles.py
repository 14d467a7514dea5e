"""Who did it and to whom in reports of violence: casualties, claims, possessives, counted
agents, and actors inside a trigger. Each case is a construction of Arabic news, on a small
rule set of its own."""

from __future__ import annotations

import pytest

from coder import Coder, load_ruleset
from tests.conftest import MINI_ACTORS, write_rules

ACTORS = MINI_ACTORS + """
  - code: COP
    names: [رجال الأمن]
  - code: UAF
    names: [انتحاري]
    counted: [مقاتل]
  - code: MED
    names: [صحافيين]
    counted: [صحافي]
"""

RULES = """
rules:
  - id: suicide
    code: "1831"
    patterns: ["هجوم انتحاري"]
  - id: abduct
    code: "181"
    patterns: ["خطف~"]
  - id: airstrike
    code: "195"
    patterns: ["(غارة | غارات)"]
  - id: kill
    code: "190"
    patterns: ["قتل~"]
  - id: bomb
    code: "183"
    patterns: ["فجر~"]
  - id: beat
    code: "182"
    patterns: ["اعتدى/يعتدي~ ..5 بالضرب"]
  - id: statement
    code: "010"
    patterns: ["(أعلن~ | صرح~) (الحكومة | الجيش)"]
  - id: reject
    code: "120"
    patterns: ["(رفضه | رفضها)"]
"""


@pytest.fixture(scope="module")
def roles(tmp_path_factory):
    d = tmp_path_factory.mktemp("roles")
    write_rules(d, "actors.yaml", ACTORS)
    write_rules(d, "events.yaml", RULES)
    return Coder(load_ruleset([d], use_cache=False))


def one(coder, text, code):
    found = [e for e in coder.code_text(text) if e.code == code]
    assert len(found) == 1, (text, [(e.code, e.trigger) for e in coder.code_text(text)])
    return found[0]


@pytest.mark.parametrize("text", [
    "قال مسؤولون إن أربعة من الجنود الأمريكيين قتلوا في هجوم انتحاري",
    "وأعلنت الشرطة أن جنودا أمريكيين أصيبوا بجروح في هجوم انتحاري",
    "ذكرت مصادر مقتل عشرة جنود أمريكيين وإصابة آخرين في هجوم انتحاري",
])
def test_casualties_before_the_attack_are_its_target(roles, text):
    e = one(roles, text, "1831")
    assert e.target == "USAMIL", e.why_target
    assert e.source in (None, "USAUAF")  # the bomber (انتحاري), never the soldiers


def test_victims_after_the_attack_come_first(roles):
    e = one(roles, "هجوم انتحاري أسفر عن مقتل خمسة مدنيين", "1831")
    assert e.target == "CVL"


def test_a_casualty_is_never_the_doer(roles):
    e = one(roles, "مقتل مدنيين في هجوم انتحاري", "1831")
    assert (e.source, e.target) == ("UAF", "CVL")
    e = one(roles, "مدنيون قتلوا في غارة", "195")
    assert (e.source, e.target) == (None, "CVL")


def test_active_kidnappers_are_not_casualties(roles):
    e = one(roles, "قالت الشرطة إن 3 مسلحين خطفوا أربعة صحافيين", "181")
    assert e.source == "REB"  # مسلحين خطفوا + an object: they did it


def test_the_claimant_is_the_doer(roles):
    e = one(roles, "قتل عشرة مدنيين في هجوم انتحاري تبناه تنظيم داعش", "1831")
    assert e.source == "IMGSYRREB"  # named by its claim, over the bare bomber
    e = one(roles, "وأعلن تنظيم داعش مسؤوليته عن هجوم انتحاري قتل فيه مدنيون", "1831")
    assert e.source == "IMGSYRREB"


def test_a_possessive_role_takes_its_owners_country(roles):
    e = one(roles, "أعلن الجيش الأمريكي مقتل اثنين من جنوده في هجوم انتحاري في العراق", "1831")
    assert e.target == "USAMIL"  # his soldiers: American, not Iraqi
    e = one(roles, "قتل اثنان من الجنود في هجوم انتحاري في العراق", "1831")
    assert e.target == "IRQMIL"  # no owner: the country of the place


def test_a_nationality_adjective_of_a_strike_is_the_countrys_military(roles):
    e = one(roles, "غارة أمريكية على القرية", "195")
    assert e.source == "USAMIL"


def test_counted_agents_only_after_a_number(roles):
    e = one(roles, "قتل 15 مقاتلا في المدينة", "190")
    assert e.target == "UAF"
    assert all(e.target is None for e in roles.code_text("قتل رجل مقاتل في المدينة"))
    e = one(roles, "قتل ثلاثة صحافيين", "190")
    assert e.target == "MED"


def test_actors_inside_a_trigger(roles):
    e = one(roles, "اعتدت الشرطة على المصلين بالضرب", "182")
    assert e.source == "COP"
    e = one(roles, "اعتدى رجال الأمن على مدنيين بالضرب", "182")
    assert (e.source, e.target) == ("COP", "CVL")


def test_a_word_for_people_before_a_composed_actor_adds_nothing(roles):
    e = one(roles, "قتل رجال جنود أمريكيون", "190")
    assert "CVL" not in (e.target or "")


def test_a_number_after_a_verb_of_doing_counts_its_doers(roles):
    e = one(roles, "فجر 3 انتحاريين أنفسهم قرب حاجز", "183")
    assert (e.source, e.target) == ("UAF", None)
    e = one(roles, "قتل 3 انتحاريين قرب حاجز", "190")
    assert (e.source, e.target) == (None, "UAF")  # قتل + a number reads as passive


def test_a_conjoined_verb_shares_the_first_subject(roles):
    e = one(roles, "إلا أن تنظيم داعش رفض الانصياع وخطف الصحافيين", "181")
    assert e.source == "IMGSYRREB"
    e = one(roles, "قال مدنيون إن تنظيم داعش رفض الانصياع وخطف الصحافيين", "181")
    assert e.source == "IMGSYRREB"  # not the speakers of the reporting frame


def test_gunmen_from_a_community_are_gunmen(roles):
    e = one(roles, "خطف مسلحون من المدنيين صحافيين", "181")
    assert e.source == "REB"


def test_the_speaker_of_a_pronoun_complement_is_the_doer(roles):
    e = one(roles, "وقال الجيش الأمريكي إنه قتل عددا من قادة داعش", "190")
    assert (e.source, e.target) == ("USAMIL", "IMGSYRREB")
    e = one(roles, "وقالت الشرطة إن الجيش الأمريكي قتل مقاتلين", "190")
    assert e.source == "USAMIL"  # no pronoun: the reporter is not the doer


def test_victims_named_through_a_partitive(roles):
    e = one(roles, "هجوم انتحاري أسفر عن إصابة ثلاثة من عناصر الجيش الأمريكي", "1831")
    assert e.target == "USAMIL"


def test_inside_a_trigger_the_teller_is_not_the_doer_and_the_object_follows_the_subject(roles):
    e = one(roles, "اعتدى رجال الأمن المدنيين بالضرب", "182")
    assert (e.source, e.target) == ("COP", "CVL")
    e = one(roles, "هجوم انتحاري تبناه تنظيم داعش", "1831")
    assert e.source == "IMGSYRREB"


def test_what_an_attack_struck_is_its_target(roles):
    e = one(roles, "هجوم انتحاري استهدف دورية للجيش الأمريكي", "1831")
    assert e.target == "USAMIL"


def test_an_actor_of_the_reporting_frame_is_not_the_doer(roles):
    e = one(roles, "وقال الجيش الأمريكي لوكالة رويترز إن هجوم انتحاري وقع", "1831")
    assert e.source_text == "انتحاري"  # the bomber, not the army that told of it


def test_the_speaker_of_what_is_said_is_its_source(roles):
    # the trigger opens with the reporting verb and spans its subject's head: a statement's
    # subject is who speaks, where an act's teller is not its doer (above)
    e = one(roles, "وصرح الجيش الأمريكي بأن الوضع مستقر", "010")
    assert e.source == "USAMIL"
    e = one(roles, "أعلنت الحكومة السورية أمس أن", "010")
    assert e.source == "SYRGOV"
    e = one(roles, "وأعلنت الحكومة السورية رفضها", "120")  # what it declares, it does
    assert e.source == "SYRGOV"


def test_a_result_frame_takes_the_doer_of_its_operation(roles):
    e = one(roles, "وجاءت بعد عملية نفذتها قوات أمريكية في العراق، أسفرت عن قتل 3 مقاتلين", "190")
    assert e.source == "USAMIL"


def test_events_of_one_sentence_share_its_setting(roles):
    events = roles.code_text("غارة أمريكية على قرية في العراق، ثم سجن في سوريا، وقتل 3 مقاتلين")
    kill = [e for e in events if e.code == "190"][0]
    assert kill.target == "IRQUAF"  # where the strike was, not where the man had been jailed


def test_a_member_of_a_body_is_the_genitive_of_an_act(roles):
    e = one(roles, "أسفرت الغارة عن قتل القيادي السابق في تنظيم داعش", "190")
    assert e.target == "IMGSYRREB"


def test_a_title_names_the_role_of_a_person_coded_for_another_date(tmp_path):
    write_rules(tmp_path, "actors.yaml", MINI_ACTORS)
    write_rules(tmp_path, "titles.yaml", """
        actors:
          - code: SYRGOV
            names: [الرئيس السوري]
          - code: USAGOV
            names: [الوزير الأمريكي]
    """)
    write_rules(tmp_path, "r.yaml", """
        rules:
          - id: call
            code: "041"
            patterns: ["أجرى/يجري~ ..6 اتصالا هاتفيا"]
          - id: host
            code: "043"
            patterns: ["استقبل~"]
    """)
    c = Coder(load_ruleset([tmp_path], use_cache=False))
    e = one(c, "أجرى الرئيس السوري بشار الأسد اتصالا هاتفيا بالوزير الأمريكي", "041")
    assert (e.source, e.target) == ("SYRGOV", "USAGOV")  # undated, الأسد alone is SYRELI
    e = one(c, "استقبل الرئيس السوري بشار الأسد في دمشق أمس صباحا الوزير الأمريكي", "043")
    assert (e.source, e.target) == ("SYRGOV", "USAGOV")  # the object counted from the subject


def test_an_agent_described_before_its_nationality(roles):
    e = one(roles, "هجوم انتحاري على قوات خاصة أمريكية", "1831")
    assert e.target == "USAMIL"


def test_verbs_written_as_words_and_adjectives_after_a_verb(roles):
    e = one(roles, "مدنيون قتلوا في غارة أمريكية", "195")
    assert e.source == "USAMIL"  # the strike's nationality, though the trigger opens with a verb


def test_a_clause_opener_bounds_the_roles(roles):
    # the doer after برصاص belongs to the clause that بينما opens, not to the bombing
    e = one(roles, "فجر 3 انتحاريين أنفسهم بينما قتل الرابع برصاص رجال الأمن", "183")
    assert (e.source, e.target) == ("UAF", None)


def test_then_joins_a_verb_to_the_subject_before(roles):
    events = roles.code_text("خطفت القوات الأمريكية صحافيين ثم قتلت اثنين منهم")
    kill = [e for e in events if e.code == "190"][0]
    assert kill.source == "USAMIL"


def test_a_number_after_a_verb_of_violence_counts_its_victims(roles):
    e = one(roles, "وقتلت منهم 16 مدنيا", "190")
    assert e.source is None and e.target == "CVL"


def test_a_result_frame_reaches_the_doer_through_its_members(roles):
    e = one(roles, "هجوم شنه عناصر من تنظيم داعش، وأسفر عن قتل 3 مقاتلين", "190")
    assert (e.source, e.target) == ("IMGSYRREB", "UAF")


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """Rules written with plain words and long gaps, as authors write them."""
    d = tmp_path_factory.mktemp("plain")
    write_rules(d, "actors.yaml", ACTORS + """
  - code: CVL
    names: [ضحية, ضحايا]
  - code: GOV
    names: [وزير الخارجية]
""")
    write_rules(d, "events.yaml", """
rules:
  - id: kill_joined
    code: "190"
    patterns: ["(فقتلت | وقتلت)"]
  - id: murder  # puts the verb قتل~ in the lexicon, as the shipped rules do
    code: "1823"
    patterns: ["قتل~ عمدا"]
  - id: raid_result
    code: "195"
    patterns: ["الغارة ..8 بعد أن"]
  - id: attacked
    code: "180"
    patterns: ["(وتعرضت | وتعرضوا) ..2 (لهجوم | لاعتداء)"]
  - id: exposed  # puts the verb تعرض~ in the lexicon, as the shipped rules do
    code: "182"
    patterns: ["تعرض~ للضرب عمدا"]
  - id: said
    code: "010"
    patterns: ["أكد~"]
  - id: visit
    code: "042"
    patterns: ["(يزور | ويزور)"]
  - id: victims_fell
    code: "190"
    patterns: ["راح ضحية ..3 (الغارة | الاعتداءات)"]
""")
    return Coder(load_ruleset([d], use_cache=False))


def test_a_feminine_past_written_as_a_word_is_a_verb(plain):
    e = one(plain, "أطلقت القوات الأمريكية صاروخا على الجيش السوري فقتلت مدنيين", "190")
    assert e.source == "USAMIL"  # the subject of the verb before, not the actor nearest before


def test_past_the_subject_of_a_clause_in_a_gap_is_not_the_doer(plain):
    e = one(plain, "نفذ جنود أمريكيون الغارة وأنهم خطفوا مدنيا سوريا بعد أن", "195")
    assert e.source == "USAMIL"


def test_a_victim_noun_is_never_the_doer(plain):
    e = one(plain, "وراح ضحية الغارة مدنيون", "190")
    assert e.source != "CVL"


def test_a_count_after_a_feminine_or_plural_verb_counts_its_objects(roles):
    # واحتجزت 68 رهينة: she took them, not "68 were taken"; the subject is the verb's before
    events = roles.code_text("رفضت القوات الأمريكية الانسحاب وخطفت 12 صحافيا")
    abduct = [e for e in events if e.code == "181"][0]
    assert abduct.source == "USAMIL" and abduct.target.endswith("MED")
    e = one(roles, "خطف 12 صحافيا", "181")  # masculine singular: a passive
    assert (e.source, e.target) == (None, "MED")


def test_an_attack_attributed_to_someone_names_its_doer(roles):
    e = one(roles, "وقع هجوم انتحاري نسب الى تنظيم داعش", "1831")
    assert e.source == "IMGSYRREB"


def test_for_violence_a_counted_actor_is_not_the_first_subject(roles):
    events = roles.code_text("قتل فيها نحو 20 مدنيا، وهاجم مسلحون السائقين، وقتلوا أكثر من 20 مدنيا")
    assert events[-1].source == "REB", [(e.trigger, e.source, e.why_source) for e in events]


def test_a_verb_of_suffering_shares_its_subject_as_the_target(plain):
    e = one(plain, "وصلت القوات الأمريكية إلى القرية وتعرضت لهجوم", "180")
    assert (e.source, e.target) == (None, "USAMIL"), e.why_target


def test_a_present_verb_written_as_a_word_is_a_verb(plain):
    e = one(plain, "ويزور وزير الخارجية السوري بغداد", "042")
    assert e.source == "SYRGOV"


def test_a_title_in_apposition_names_an_unknown_subject(plain):
    e = one(plain, "أكد الدكتور فلان الفلاني، وزير الخارجية السوري، أن الوضع مستقر", "010")
    assert e.source == "SYRGOV", e.why_source
    e = one(plain, "أكد الدكتور فلان، أن وزير الخارجية السوري وصل", "010")
    assert e.source is None  # after a complementizer: the complement's subject
