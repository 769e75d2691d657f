"""Checks against answers written as participants really write them (issue 19), written before the checks
were changed: for each check, five answers that deserve praise (or at least no rebuke) and five that do not:
keyword lists, placeholders, the question's words, and reasoning that runs backwards from the data.

Each row: the answer, and the statuses the check may give it.
"""
from __future__ import annotations

import pytest

from missionkit import capstone, readiness
from missionkit.monitoring import checks as mc

ASK = [
    ("We ask the Cabinet to approve MRC 120 m a year to 2030 for the mission.", {"good"}),
    ("Please approve 120 million crowns yearly until 2030, and a steering committee with budget holders.", {"good"}),
    ("Cabinet to fund the night-bus scale-up: MRC 40m in 2027.", {"good"}),
    ("we ask minister approve budget 120 m for 2030 and appoint owner for O4", {"good"}),
    ("I ask the Minister of Finance to ring-fence MRC 120 m a year from 2027 to 2030.", {"good"}),
    ("approve fund mandate decide 2030 120", {"revise"}),
    ("ok", {"revise"}),
    ("...", {"revise", "not answered"}),
    ("see above", {"revise"}),
    ("We would like support for the mission.", {"partly", "revise"}),
]

RECOMMENDATION = [
    ("I02 is off track: 45% against 58% planned for 2028. Redirect part of the corridor money to night buses "
     "and ask why access does not improve.", {"good", "partly"}),
    ("Access (I02) is off-track, only 47%. We should scale the minibus contracts and evaluate why journeys stay long.",
     {"good", "partly"}),
    ("i02 off track 46 percent. we pivot the fleet money to routes and learn why by next review", {"good", "partly"}),
    ("The commute (I01) is 61 minutes against 58 planned. Pause the second corridor and study what slows buses.",
     {"good", "partly"}),
    ("I07 looks like it fell, but that is the break in the series: on the new definition it is off track. "
     "Scale the clean-bus procurement and review the definition with the ministry.", {"good", "partly"}),
    ("I02 off track 45.7 scale pivot redirect evaluate why learn contribution.", {"revise"}),
    ("ok", {"revise"}),
    ("I07 collapsed from 21% to 6.5%, so stop funding O2 and move the money to O1.", {"revise"}),
    ("The clean buses share dropped sharply, so we should cut the fleet programme.", {"revise"}),
    ("Spending is on plan, so continue as planned.", {"revise"}),
]

FIX_FIRST = [
    ("I07", "Its definition changed in 2025, so the review would compare two different things and could stop a "
            "project that works.", {"discuss", "partly"}),
    ("I04", "It counts kilometres of lane, an output labelled as an outcome, so the review would think people "
            "travel better when only lanes are built.", {"discuss", "partly"}),
    ("I05", "No baseline: the review cannot see if the minibus reform moves.", {"discuss", "partly"}),
    ("I14", "Data come two years late, so at the annual review O4 is steered blind.", {"discuss", "partly"}),
    ("I07", "I07 is not comparable before and after 2025; a decision on the fleet would rest on a false fall.",
     {"discuss", "partly"}),
    ("I04", "I04 level lag baseline definition lag level baseline problem fix first", {"revise"}),
    ("I04", "ok", {"revise"}),
    ("I07", "I07 rose from 6.5% to 12%, good progress, so fix it first.", {"revise"}),
    ("I05", "see above", {"revise"}),
    ("I14", "...", {"revise", "partly"}),
]

TOC_GOOD = {"inputs": "MRC 120m a year; 12 staff", "activities": "build bus lanes; sign minibus contracts",
            "outputs": "60 km of bus lane", "outcomes": "people reach work faster by bus",
            "impacts": "commute falls to 50 minutes", "assumptions": "operators accept route contracts"}
THEORY = [
    (TOC_GOOD, {"good"}),
    ({**TOC_GOOD, "assumptions": "fares stay affordable"}, {"good"}),
    ({**TOC_GOOD, "outputs": "bus lanes built, 400 clean buses"}, {"good"}),
    ({**TOC_GOOD, "outcomes": "more women travel at night"}, {"good"}),
    ({**TOC_GOOD, "impacts": "cleaner air: PM2.5 halved"}, {"good"}),
    ({k: "ok" for k in TOC_GOOD}, {"revise"}),
    ({k: k for k in TOC_GOOD}, {"revise"}),
    ({**TOC_GOOD, "outcomes": "..."}, {"revise"}),
    ({**TOC_GOOD, "outcomes": "outcomes"}, {"revise"}),
    ({**TOC_GOOD, "outcomes": "60 km of bus lane built"}, {"revise", "partly"}),
]

DONOR_ADVICE = [
    ("Ask the donors to fund O4 Fair access: nobody does today. Pool the five technical-assistance grants on O2 in "
     "the Transport Sector Working Group, and ask the two lenders to put their money through the national budget.",
     {"good"}),
    ("O4 has no funder, so ask Meridian and Southbridge for a fares window. The TA grants overlap; merge them. "
     "Two banks hold 94% of the money, so agree one report on national systems.", {"good"}),
    ("nobody fund fair access. too much depend on two bank loans. coordinate the small TA grants in one forum, "
     "by next year, Delivery Office leads", {"good", "partly"}),
    ("The Delivery Office should open a fair-access call with donors, and pool the overlapping TA grants.",
     {"good", "partly"}),
    ("Reduce the dependence on two lenders: ask them to use national systems, and find a funder for O4 fares.",
     {"good", "partly"}),
    ("O4 is well funded already, so ask the lenders to lend more and keep their own reporting.", {"revise"}),
    ("Ask the banks to lend more under their own reporting systems; O2 needs more.", {"revise"}),
    ("donors gap overlap concentration O4 TA 94 lenders", {"revise"}),
    ("ok", {"revise"}),
    ("see above", {"revise"}),
]


@pytest.mark.parametrize("text, allowed", ASK)
def test_the_ask(text, allowed):
    assert capstone.check_ask(text).status in allowed, text


@pytest.mark.parametrize("text, allowed", RECOMMENDATION)
def test_the_recommendation(text, allowed):
    assert mc.check_recommendation(text, None).status in allowed, (text, mc.check_recommendation(text, None).improve)


@pytest.mark.parametrize("ident, reason, allowed", FIX_FIRST)
def test_fix_first(ident, reason, allowed):
    fb = mc.check_fix_first(ident, reason)
    assert fb.status in allowed, (reason, fb.improve)


@pytest.mark.parametrize("toc, allowed", THEORY)
def test_theory_of_change(toc, allowed):
    fb = mc.check_theory_of_change(toc)
    assert fb.status in allowed, (toc, fb.improve)


@pytest.mark.parametrize("text, allowed", DONOR_ADVICE)
def test_donor_advice(text, allowed):
    fb = readiness.check_donor_advice(text)
    assert fb.status in allowed, (text, fb.improve)


def test_no_check_says_well_done_to_a_keyword_list():
    stuffed = "approve fund mandate decide 2030 120 O4 I02 off track scale pivot redirect evaluate"
    for fb in (capstone.check_ask(stuffed), mc.check_recommendation(stuffed, None),
               mc.check_fix_first("I04", stuffed), readiness.check_donor_advice(stuffed)):
        assert fb.headline != "Well done", fb.title
