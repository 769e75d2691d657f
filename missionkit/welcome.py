"""Module 00: feedback on a first one-sentence mission idea (a gentle warm-up, not an assessment)."""
from __future__ import annotations

import re

from missionkit.feedback import Feedback

EXAMPLE = "By 2032, halve the number of people killed on the roads of our capital."
TITLE = "Your first mission idea"
SOURCE = "Mazzucato (2018), Mission-Oriented Research & Innovation in the European Union, European Commission"


def first_idea_feedback(text: str) -> Feedback:
    words = len(str(text or "").split())
    if words == 0:
        return Feedback.not_answered(TITLE, "Write one sentence in the box, then press Tab.")
    dated = re.search(r"\b20\d\d\b", text) is not None
    strengths = [f"You wrote {words} words."] + (["It has a year, so people know by when."] if dated else [])
    improve = ([] if dated else ["Add a year: by when should it be done?"]) + (
        ["Try to say it in one sentence of up to 30 words."] if words > 30 else [])
    return Feedback("partly" if improve else "good", TITLE, strengths, improve,
                    why="A mission is a bold goal with a date and a measure, short enough to remember. "
                        "Module 03 tests statements against five criteria.",
                    sources=[SOURCE])
