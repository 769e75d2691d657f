"""Module 10: the vocabulary of indicator quality, and small helpers the other files share.

Domain logic only (pandas; no display code; never prints). It holds the intervention-logic levels
(:data:`LEVELS`), the statuses, the status thresholds, the quality checks of the combined indicator
check (:data:`CHECKS`), the keyword rules for "an output posing as an outcome" (:data:`OUTPUT_RULES`)
and :func:`frequency_years`.

Sources (keys of ``missionkit/data/references.csv``): the intervention-logic
levels and "indicators at every level" come from Kusek and Rist (2004)
[kusekrist2004] and Horizon Europe's terms [he-terms]; CREAM from Kusek and
Rist [kusekrist2004] (attributed to Schiavo-Campo, 1999 [cream-sec]); SMART
from Doran (1981) [doran1981]; the three purposes of mission M&E from the OECD
Mission Action Lab [mal-eval]. The combined check, the keyword rules for
"an output posing as an outcome" and the status thresholds are OUR PROPOSAL
(Module 10), written out here so that participants can read and
question them.
"""
from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from missionkit import case

__all__ = [
    "LEVELS",
    "LEVEL_LABELS",
    "Check",
    "CHECKS",
    "RESULTS",
    "OUTPUT_RULES",
    "output_words",
    "OUTPUT_RULE_WORDS",
    "output_rules",
    "STATUSES",
    "ON_TRACK_SHARE",
    "AT_RISK_SHARE",
    "REVIEW_CYCLE_YEARS",
]


# --------------------------------------------------------------------------- vocabulary
LEVELS: tuple[str, ...] = tuple(case.INDICATOR_LEVELS)  # input, activity, output, outcome, impact
LEVEL_LABELS = {
    "input": "Inputs",
    "activity": "Activities",
    "output": "Outputs",
    "outcome": "Outcomes",
    "impact": "Impacts",
}
RESULTS: tuple[str, ...] = ("ok", "flag", "unknown")
STATUSES: tuple[str, ...] = ("on track", "at risk", "off track", "no data")

REVIEW_CYCLE_YEARS = 1.0
"""Marenta's portfolio review is annual (brief 9.2, FICTIONAL); data older than one cycle arrive too late."""

ON_TRACK_SHARE = 0.9
AT_RISK_SHARE = 0.5
"""Status thresholds (OUR PROPOSAL): the share of the planned progress achieved by the latest reading.
At least 90%: on track; 50% to 90%: at risk; below 50%: off track. A shortfall no bigger than the
indicator's usual year-to-year change is never called off track: one noisy reading is not a trend."""

TREND_WINDOW_YEARS = 5.0
MIN_NOISE_CHANGES = 3


# --------------------------------------------------------------------------- the checks
@dataclass(frozen=True)
class Check:
    """One quality check of the combined indicator check (OUR PROPOSAL, brief 4.4)."""

    key: str
    label: str
    question: str
    criterion: str


CHECKS: tuple[Check, ...] = (
    Check("baseline", "Baseline", "Is there a baseline value and the year it was measured?",
          "SMART: measurable; a baseline is the first measurement (Kusek and Rist 2004)"),
    Check("target", "Target by the deadline", "Is there a target value and year, no later than the mission's deadline?",
          "SMART: time-related"),
    Check("milestone", "Milestone", "Is there at least one milestone between the baseline and the target?",
          "Kusek and Rist 2004: indicators need checkpoints, not only an end point"),
    Check("output_as_outcome", "Level fits the wording",
          "Does the name measure what its level says (no output posing as an outcome)?",
          "CREAM: relevant and adequate"),
    Check("name_unit", "Name and unit", "Does it have a name and a unit of measurement?", "CREAM: clear"),
    Check("owner_frequency", "Data owner and frequency", "Does someone own the data, and how often is it published?",
          "CREAM: monitorable; SMART: assignable"),
    Check("timely", "Data in time for reviews", "Do new values arrive within one review cycle?",
          "CREAM: monitorable, in time to steer"),
    Check("definition", "Stable definition", "Is the definition unchanged since the baseline?",
          "CREAM: clear and adequate over time"),
)
CHECK_KEYS = tuple(c.key for c in CHECKS)
CHECK_LABELS = {c.key: c.label for c in CHECKS}

# Transparent keyword rules: a name matching one of these describes an output (or an input), so an
# indicator labelled "outcome" or "impact" with such a name is an output posing as an outcome.
OUTPUT_RULES: tuple[tuple[str, str], ...] = (
    (r"\b(?:built|constructed|installed|erected|paved|completed|delivered|opened|redesigned|upgraded|"
     r"refurbished|renovated|procured|purchased|bought|deployed|trained)\b",
     "counts something the mission builds, buys, trains or delivers"),
    (r"\bnumber of\b.*\b(?:funded|financed|supported|held|organi[sz]ed|run|launched|started|signed|awarded|"
     r"granted|issued|published|created|set up|hired|recruited|distributed|adopted|approved)\b",
     "counts things the mission funds, holds or launches"),
    (r"\b(?:km|kms|kilomet(?:re|er)s?|miles?|met(?:re|er)s|square met(?:re|er)s|hectares?)\s+of\b",
     "measures the size of something built"),
    (r"\b(?:projects?|pilots?|grants?|calls?|workshops?|events?|trainings?|meetings?|campaigns?|studies|"
     r"reports?|assemblies)\s+(?:funded|financed|held|launched|run|organi[sz]ed|awarded|published)\b",
     "counts the mission's own activities"),
    (r"\b(?:disbursed|allocated|budget|funds? (?:committed|spent))\b", "measures money put in"),
)
_OUTPUT_PATTERNS = tuple((re.compile(p, re.IGNORECASE), why) for p, why in OUTPUT_RULES)
OUTPUT_RULE_WORDS: tuple[str, ...] = (
    "built, constructed, installed, erected, paved, completed, delivered, opened, redesigned, upgraded, "
    "refurbished, renovated, procured, purchased, bought, deployed, trained",
    "\u201cnumber of\u201d followed later by: funded, financed, supported, held, organised, run, launched, started, "
    "signed, awarded, granted, issued, published, created, set up, hired, recruited, distributed, adopted, approved",
    "km, kilometres, miles, metres, square metres or hectares, followed by \u201cof\u201d",
    "projects, pilots, grants, calls, workshops, events, trainings, meetings, campaigns, studies, reports or "
    "assemblies, followed by: funded, financed, held, launched, run, organised, awarded, published",
    "disbursed, allocated, budget, funds committed, funds spent",
)
"""The words each rule in :data:`OUTPUT_RULES` looks for, in plain language (same order)."""


def output_rules() -> pd.DataFrame:
    """The keyword rules for "an output posing as an outcome", in plain language."""
    return pd.DataFrame({"if the name contains": OUTPUT_RULE_WORDS,
                         "it probably": [why for _, why in OUTPUT_RULES]})


def output_words(name: Any) -> tuple[str, str] | None:
    """The words in an indicator's name that describe an output, and why; None if there are none."""
    if is_empty(name):
        return None
    text = str(name)
    for pattern, why in _OUTPUT_PATTERNS:
        m = pattern.search(text)
        if m:
            return m.group(0), why
    return None


# --------------------------------------------------------------------------- small helpers
def is_empty(value: Any) -> bool:
    """True for None, ``...``, NaN, NA and blank text (an empty cell or answer)."""
    if value is None or value is ... or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, (np.floating,)) and np.isnan(value):
        return True
    if isinstance(value, str):
        return not value.strip()
    return False


def as_number(value: Any) -> float | None:
    """The value as a finite float, or None when it is blank or not a number."""
    if is_empty(value):
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def as_int(value: Any) -> int | None:
    """The value rounded to a whole number, or None when it is blank or not a number."""
    f = as_number(value)
    return int(round(f)) if f is not None else None


def format_number(x: float | None, unit: str = "") -> str:
    """A number as a person would write it: 62, 45.2, 1,800, 0.25; with its unit (45.2% of residents)."""
    if x is None:
        return "(blank)"
    if abs(x) >= 1000:
        s = f"{x:,.0f}"
    elif float(x).is_integer():
        s = f"{int(x)}"
    elif abs(x) >= 10:
        s = f"{x:.1f}".rstrip("0").rstrip(".")
    else:
        s = f"{x:.2f}".rstrip("0").rstrip(".")
    unit = str(unit or "").strip()
    if not unit:
        return s
    return f"{s}{unit}" if unit.startswith("%") else f"{s} {unit}"


def change_unit(unit: str) -> str:
    """The unit of a change per year: percentage points for shares, the unit without qualifiers otherwise."""
    unit = str(unit or "").strip()
    if unit.startswith("%"):
        return "percentage points"
    return unit.split(", ")[0].strip()


def years_text(x: float) -> str:
    """A length of time in words: 1 year, 2 years, 6 months, 1.5 years."""
    if float(x).is_integer():
        n = int(x)
        return f"{n} year" if n == 1 else f"{n} years"
    months = x * 12
    if float(round(months, 6)).is_integer() and months < 12:
        m = int(round(months))
        return f"{m} month" if m == 1 else f"{m} months"
    return f"{x:g} years"


def as_text(value: Any) -> str:
    """The value as stripped text; empty text when it is blank."""
    return "" if is_empty(value) else str(value).strip()


def shorten(text: object, limit: int = 60) -> str:
    """Text cut at a word boundary to at most ``limit`` characters."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def indicator_label(row: Mapping[str, Any]) -> str:
    """How an indicator is called in notes: its id, else its spreadsheet row."""
    ident = as_text(row.get("id"))
    if ident:
        return ident
    return f"row {row.get('row')}" if row.get("row") is not None else "this indicator"


_FREQUENCY_WORDS = (
    (r"\b(?:daily|every day)\b", 1 / 365),
    (r"\b(?:weekly|every week)\b", 1 / 52),
    (r"\b(?:monthly|every month)\b", 1 / 12),
    (r"\b(?:quarterly|every quarter|every 3 months|every three months)\b", 0.25),
    (r"\b(?:twice a year|half[- ]yearly|semi[- ]annual(?:ly)?|biannual(?:ly)?|every 6 months|every six months)\b", 0.5),
    (r"\b(?:annual(?:ly)?|yearly|every year|once a year|each year|per year)\b", 1.0),
    (r"\b(?:biennial(?:ly)?|every (?:2|two|other) years?)\b", 2.0),
    (r"\b(?:triennial(?:ly)?|every (?:3|three) years)\b", 3.0),
    (r"\bevery (\d+(?:[.,]\d+)?) years\b", None),
    (r"\b(?:one[- ]off|once|single)\b", math.inf),
)


def frequency_years(text: Any) -> float | None:
    """Years between two publications for a frequency written in words; None if not understood."""
    if is_empty(text):
        return None
    t = str(text).strip().lower()
    for pattern, years in _FREQUENCY_WORDS:
        m = re.search(pattern, t)
        if m:
            if years is None:
                return float(m.group(1).replace(",", "."))
            return years
    return None
