"""The statement reader on statements as participants really write them (issue 19).

Written before the reader was changed: deadlines in words, fraction glyphs and "x in y", zero
targets ("-free", "rid of", "end", "eliminate"), slogans whose number is not the target, and
universal words with no observable outcome. Each row: the statement, the deadline the reader should
find, whether it should count a measurable target, and a word the target it reports must contain.
"""
from __future__ import annotations

import pytest

from missionkit.framing.statements import assess_statement

ROWS = [
    # statements that deserve "met" on clear direction (C2): a target and a deadline
    ("By the year two thousand and thirty-five, halve road deaths in our three largest cities.", 2035, True, "halve"),
    ("By twenty thirty-five, halve road deaths in our three largest cities.", 2035, True, "halve"),
    ("by two thousand thirty five road death in city must be half", 2035, True, "half"),
    ("By 2035, ¾ of all journeys in the three cities are made by public transport, walking or cycling.",
     2035, True, "¾"),
    ("By 2035, 3 in 4 journeys in the three cities are made by public transport, walking or cycling.",
     2035, True, "3 in 4"),
    ("By 2040, make our city buses smoke-free.", 2040, True, "smoke-free"),
    ("By 2040, get rid of diesel buses in the three cities.", 2040, True, "rid of"),
    ("End road deaths on city streets by 2040.", 2040, True, "End road deaths"),
    ("Eliminate diesel buses from city routes by 2040.", 2040, True, "Eliminate"),
    ("30 by 30: by 2030, 30% of city trips are made by bus.", 2030, True, "30%"),
    ("Until 2035, the time people spend commuting should go down by half in the three cities.", 2035, True, "half"),
    # statements that do not: the number is a slogan, or nothing can be observed
    # "by 30" is probably 2030, but a two-digit year is a guess: the reader asks for the year instead
    ("30 by 30: our cities will be greener and fairer.", None, False, None),
    ("Make every citizen happy by 2030.", 2030, False, None),
    ("Every Marentan will enjoy a better life by 2035.", 2035, False, None),
    ("By twenty thirty, a transport system that everyone is proud of.", 2030, False, None),
    ("All citizens thrive by 2035.", 2035, False, None),
]


@pytest.mark.parametrize("statement, deadline, measurable, in_target", ROWS)
def test_the_reader_reads_real_phrasing(statement, deadline, measurable, in_target):
    a = assess_statement(statement)
    assert a.deadline == deadline, (statement, a.deadline)
    assert a.quantified is measurable, (statement, a.targets)
    if in_target:
        assert any(in_target.lower() in t.lower() for t in a.targets), (statement, a.targets)
        assert a.criteria["directed"].status == "met"
    else:
        assert a.criteria["directed"].status != "met"


def test_a_year_in_words_is_never_read_as_the_target():
    a = assess_statement("By the year two thousand and thirty-five, halve road deaths in our three largest cities.")
    assert not any("thousand" in t or "thirty" in t for t in a.targets), a.targets
