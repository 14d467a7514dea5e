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
