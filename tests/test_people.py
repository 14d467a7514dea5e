"""The shipped people dictionaries: a person's code follows the record's date."""

from __future__ import annotations

import pytest


def mention_codes(coder, text: str, date: str | None = None) -> list[str]:
    return [m.code for a in coder.explain(text, date) for m in a.mentions]


@pytest.mark.parametrize("text, date, code", [
    # in office, then after it
    ("قال مواي كيباكي أمس", "2008-01-10", "KENGOV"),
    ("قال مواي كيباكي أمس", "2015-01-10", "KENELI"),
    # opposition leader, prime minister in the power-sharing government, opposition again
    ("قال رايلا أودينغا أمس", "2008-01-10", "KENOPP"),
    ("قال رايلا أودينغا أمس", "2009-01-10", "KENGOV"),
    ("قال أودينغا أمس", "2014-01-10", "KENOPP"),
    # a rebel leader in government after a peace agreement
    ("قال مني أركو مناوي أمس", "2005-06-01", "SDNREB"),
    ("قال مناوي أمس", "2007-06-01", "SDNGOV"),
    ("قال ساماك سوندارافيج أمس", "2008-06-01", "THAGOV"),
    ("قال ساماك أمس", "2009-06-01", "THAELI"),
    # a commander, then a minister, then out of office
    ("قال موشيه يعالون أمس", "2004-01-01", "ISRMIL"),
    ("قال يعالون أمس", "2010-01-01", "ISRGOV"),
])
def test_person_coded_on_the_records_date(coder, text, date, code):
    assert mention_codes(coder, text, date) == [code]


def test_undated_record_takes_the_latest_code(coder):
    assert mention_codes(coder, "قال مواي كيباكي أمس") == ["KENELI"]


def test_title_and_person_make_one_actor(coder):
    # the title and the name merge; in office on the date
    assert mention_codes(coder, "قال الرئيس الكيني مواي كيباكي إن", "2008-02-01") == ["KENGOV"]


def test_actors_joined_by_and_stay_two(coder):
    # a title and a person merge; a second actor after و does not join them
    codes = mention_codes(coder, "التقى رئيس الوزراء العراقي حيدر العبادي ونظيره خالد العبيدي", "2015-08-01")
    assert len(codes) == 2 and codes[0] == "IRQGOV", codes
    assert mention_codes(coder, "اشتباكات بين الجيش اليمني والمقاومة الشعبية")[0] == "YEMMIL"


@pytest.mark.parametrize("text, source, target", [
    # a counterpart with a nationality is that country's official, the partner, not the doer
    ("أجرى الرئيس الأميركي اتصالا هاتفيا بنظيره التركي", "USAGOV", "TURGOV"),
    ("بحث وزير الخارجية الروسي ونظيره السعودي الأزمة", "RUSGOV", "SAUGOV"),
    # without one, it takes neither its owner's country nor the place's
    ("واستقبل وزير الخارجية السعودي نظيره في الرياض", "SAUGOV", "GOV"),
])
def test_a_counterpart_is_the_partner_of_another_country(coder, text, source, target):
    events = coder.code_text(text)
    found = [(e.source, e.target) for e in events]
    assert found[:1] == [(source, target)], found


def test_ali_in_a_name_is_no_preposition(coder):
    # علي normalises to على; after بن it is a name, so the title in apposition is the speaker
    e = coder.code_text("صرح الدكتور ماجد بن علي النعيمي، وزير التربية والتعليم بالبحرين، أن الوزارة مستعدة")[0]
    assert e.source == "BHRGOVEDU", (e.source, e.why_source)
