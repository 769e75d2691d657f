"""Module 09: conditions on public support to a firm, and the structure of an argument for them.

``FIRM_REQUEST`` is the exercise's case (FICTIONAL): a firm asks for a loan and a grant. ``CONDITIONS``
are the conditions a government can attach, grouped by what they do (OUR PROPOSAL, after the
instruments for sharing risks and rewards listed by UCL IIPP and Laplane and Mazzucato, 2019):
``direction`` (what the firm must deliver for the mission), ``reward`` (what the public gets back
if it succeeds), ``protection`` (what the public gets back if it fails or leaves) and ``monitoring``.

:func:`argument_structure` reads a short argument to a decision-maker for its structure only: a
claim, evidence with a number, a consequence or risk. It cannot judge whether the argument is right.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

__all__ = ["Condition", "CONDITIONS", "CONDITION_CODES", "GROUPS", "FIRM_REQUEST", "FIRM_LESSON",
           "MANY_CONDITIONS", "ArgumentStructure", "argument_structure", "placeholder", "keyword_list",
           "SELF_CHECK", "conditions_table"]


@dataclass(frozen=True)
class Condition:
    code: str
    label: str
    group: str  # direction | reward | protection | monitoring


CONDITIONS: tuple[Condition, ...] = (
    Condition("jobs", "Local assembly and jobs: at least 60% of each vehicle assembled in Marenta, 400 jobs by 2030",
              "direction"),
    Condition("emissions", "Zero-emission vehicles only from the supported plant", "direction"),
    Condition("price", "A price cap on vehicles sold to public leasing schemes", "direction"),
    Condition("access", "Affordable leasing terms for low-income drivers", "direction"),
    Condition("reinvest", "No dividends or share buy-backs while the loan is outstanding; profits reinvested",
              "reward"),
    Condition("equity", "A public equity stake (for example 10%) in the firm", "reward"),
    Condition("royalty", "Profit sharing: a royalty to the public if sales pass an agreed level", "reward"),
    Condition("ip", "Publicly funded designs licensed to other Marentan firms on fair terms if unused",
              "reward"),
    Condition("clawback", "Repay the grant if the plant leaves Marenta within ten years", "protection"),
    Condition("data", "Report jobs, output, prices and emissions every year, published", "monitoring"),
)
CONDITION_CODES = tuple(c.code for c in CONDITIONS)
GROUPS = {"direction": "what the firm must deliver for the mission",
          "reward": "what the public gets back if the firm succeeds",
          "protection": "what the public gets back if the firm fails or leaves",
          "monitoring": "how anyone will know the conditions are met"}
MANY_CONDITIONS = 6  # more than this and the offer may deter the firm (OUR PROPOSAL)

FIRM_REQUEST = (
    "Kessa E-Motors (FICTIONAL), a young firm, asks for MRC 40m to build an electric three-wheeler assembly line "
    "in the Kessa assembly zone (objective O5 Local value): a MRC 25m concessional loan from the national budget "
    "and a MRC 15m grant. It says the line would employ 400 people by 2030 and assemble 12,000 vehicles a year. "
    "Its owners put in MRC 8m. Two foreign firms import three-wheelers at lower prices today."
)
FIRM_LESSON = (
    "Amberport Bus Company (FICTIONAL, state-owned) asks for a guarantee on a MRC 60m bank loan for electric "
    "buses."
)

SELF_CHECK = (
    "Does your first sentence say what you recommend?",
    "Do you give at least one number from the case (the MRC 40m, the 400 jobs, the MRC 8m the owners put in)?",
    "Do you say what could go wrong, and what the conditions do about it?",
    "Does each condition have a way to check it (who reports what, when)?",
    "Would the Finance Minister know what to decide after reading it?",
)

_CLAIM = re.compile(r"\b(recommend|propose|should|must|advise|suggest|ask|approve|agree|support|attach|"
                    r"grant|lend|give|offer|refuse|decline|we will|i would)\b", re.I)
_NUMBER = re.compile(r"\d")
_RISK = re.compile(r"\b(risk|if|unless|otherwise|fail|fails|failure|lose|loss|leave|leaves|deter|cost|costs|"
                   r"default|so that|because|protect|in case|else|without)\b", re.I)
_PLACEHOLDERS = {"ok", "okay", "yes", "no", "see above", "as above", "n/a", "na", "tbd", "todo", "...", "-",
                 "same", "idem", "i agree", "good", "fine", "done", "test", "asdf", "xxx"}


def placeholder(text: str) -> bool:
    """True for a placeholder answer ("ok", "see above", "tbd")."""
    t = re.sub(r"[\s.!]+$", "", str(text).strip().lower())
    return t in _PLACEHOLDERS or len(t) < 3


def keyword_list(text: str) -> bool:
    """True for a list of keywords rather than sentences: short comma- or line-separated fragments, no verb-like
    words such as "is", "will", "should", "because"."""
    t = str(text).strip()
    parts = [p.strip() for p in re.split(r"[,;\n/]+", t) if p.strip()]
    if len(parts) < 3:
        return False
    short = sum(len(p.split()) <= 3 for p in parts)
    verbs = re.search(r"\b(is|are|will|would|should|must|can|because|so|if|pays|gives|needs|keeps|means)\b", t, re.I)
    return short >= 0.7 * len(parts) and not verbs


@dataclass(frozen=True)
class ArgumentStructure:
    """What a short argument contains: a claim, evidence with a number, a consequence or risk."""

    words: int
    claim: bool
    number: bool
    risk: bool
    placeholder: bool
    keywords: bool

    @property
    def parts(self) -> int:
        return int(self.claim) + int(self.number) + int(self.risk)


def argument_structure(text: str) -> ArgumentStructure:
    t = str(text or "")
    return ArgumentStructure(words=len(t.split()), claim=bool(_CLAIM.search(t)), number=bool(_NUMBER.search(t)),
                             risk=bool(_RISK.search(t)), placeholder=placeholder(t), keywords=keyword_list(t))


def conditions_table() -> pd.DataFrame:
    """The conditions a government can attach, each with what it does (OUR PROPOSAL)."""
    return pd.DataFrame([{"code": c.code, "condition": c.label, "what it does": GROUPS[c.group]}
                         for c in CONDITIONS]).set_index("code")
