"""Module 08's vocabularies: the categories a portfolio table may hold and how free text maps onto them.

Instrument types, risk levels, time horizons, novelty, statuses and review
decisions (with the words participants use for each), the balance dimensions
of brief 3.3, the warning thresholds (OUR PROPOSAL) and the plain-language
error for a value outside its vocabulary. Domain logic only.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from missionkit import case
from missionkit.errors import MissionkitInputError

# --------------------------------------------------------------------------- vocabularies
INSTRUMENTS: tuple[str, ...] = case.INSTRUMENTS  # analysis, funding, regulation, procurement, fiscal, information
RISKS: tuple[str, ...] = ("low", "medium", "high")
HORIZONS: tuple[str, ...] = ("<2 years", "2-5 years", ">5 years")
NOVELTY: tuple[str, ...] = ("new", "adapt", "scale")
DECISIONS: tuple[str, ...] = case.DECISIONS  # continue, scale, pivot, pause, sunset
#: What each review decision does to a project's money (as ``Portfolio.review`` applies it).
DECISION_MEANINGS: dict[str, str] = {
    "continue": "keeps its budget",
    "scale": "asks for more money (50% more by default), paid from what is freed",
    "pivot": "keeps its budget, changes course",
    "pause": "stops for now; half its budget is freed by default",
    "sunset": "ends; its budget is freed",
}
STATUSES: tuple[str, ...] = ("active", "completed", "paused", "closed")
TRL_BANDS: tuple[str, ...] = ("TRL 1-3 (research)", "TRL 4-6 (development)", "TRL 7-9 (deployment)")
NO_OBJECTIVE = "(no objective)"
NOT_GIVEN = "(not given)"

DIMENSIONS: dict[str, str] = {
    "objective": "Mission objective",
    "instrument": "Instrument type",
    "lead_actor": "Lead actor",
    "lead_actor_type": "Kind of lead actor",
    "city": "Place",
    "sector": "Sector",
    "trl_band": "Maturity (TRL)",
    "risk": "Risk",
    "horizon": "Time horizon",
    "novelty": "New, adapt or scale",
}
"""The balance dimensions of brief 3.3 that a portfolio table can hold."""

THRESHOLDS: dict[str, float] = {
    "objective_min_share": 0.05,   # an objective with less than 5% of the money is starved (OUR PROPOSAL)
    "objective_max_share": 0.50,   # one objective taking more than half the money (brief 3.3)
    "instrument_max_share": 0.70,  # more than 70% of the money in one instrument type (brief 3.3)
    "actor_max_share": 1 / 3,      # one lead actor holding more than a third of the money (OUR PROPOSAL)
    "relabelling_min_score": 2,    # evidence points needed to call a project a possible relabelling
    "title_match": 0.75,           # share of title words two titles must share to count as the same programme
}
"""Warning lines used by :meth:`Portfolio.flags`. OUR PROPOSAL, after the warning
signs of brief 3.3; change them with ``Portfolio.flags(thresholds={...})``."""

_INSTRUMENT_WORDS = {
    "analysis": ("analysis", "knowledge", "study", "studies", "research study", "evaluation", "data", "foresight",
                 "feasibility study", "assessment"),
    "funding": ("funding", "grant", "grants", "loan", "loans", "equity", "guarantee", "guarantees", "investment",
                "subsidy", "subsidies", "finance", "financing", "co-financing", "prize", "prizes", "voucher"),
    "regulation": ("regulation", "regulations", "regulatory", "standard", "standards", "rule", "rules", "law",
                   "legislation", "licensing", "permit", "permits", "regulation and standards"),
    "procurement": ("procurement", "public procurement", "innovation procurement", "outcome-based procurement",
                    "purchasing", "tender", "tenders", "contract", "contracts"),
    "fiscal": ("fiscal", "tax", "taxes", "tax credit", "pricing", "price", "tariff", "fee", "fees", "levy"),
    "information": ("information", "information and behavioural", "behavioural", "behavioral", "campaign",
                    "communication", "communications", "awareness", "nudge", "training"),
}
_RISK_WORDS = {"low": ("low", "l", "lo"), "medium": ("medium", "m", "med", "mid", "moderate"),
               "high": ("high", "h", "hi")}
_HORIZON_WORDS = {
    "<2 years": ("<2", "<2years", "<2yrs", "under2years", "lessthan2years", "0-2", "0-2years", "short",
                 "shortterm", "quick", "quickwin"),
    "2-5 years": ("2-5", "2-5years", "2-5yrs", "2to5years", "2to5", "medium", "mediumterm", "mid-term", "midterm"),
    ">5 years": (">5", ">5years", ">5yrs", "over5years", "morethan5years", "5+", "5+years", "long", "longterm"),
}
_NOVELTY_WORDS = {"new": ("new", "novel", "pilot", "new solution"),
                  "adapt": ("adapt", "adapted", "adaptation", "adapting"),
                  "scale": ("scale", "scaling", "scale up", "scale-up", "scaling up", "scaled", "roll-out",
                            "rollout", "roll out")}
_DECISION_WORDS = {"continue": ("continue", "keep", "go", "maintain", "carry on", "stay"),
                   "scale": ("scale", "scale up", "scale-up", "expand", "grow", "scaling"),
                   "pivot": ("pivot", "change", "redesign", "refocus", "adjust"),
                   "pause": ("pause", "hold", "on hold", "suspend", "freeze"),
                   "sunset": ("sunset", "stop", "close", "end", "kill", "terminate", "exit", "phase out")}
_STATUS_WORDS = {"active": ("active", "ongoing", "running", "live", "in progress", "open", "started"),
                 "completed": ("completed", "complete", "done", "finished", "delivered"),
                 "paused": ("paused", "on hold", "suspended", "pause"),
                 "closed": ("closed", "stopped", "cancelled", "canceled", "terminated", "sunset", "ended")}


def _key(value: str) -> str:
    return re.sub(r"\s+", " ", str(value).replace("\u2013", "-").replace("\u2014", "-")).strip().casefold()


def _lookup(words: Mapping[str, Sequence[str]], squeeze: bool = False) -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, alts in words.items():
        for a in (canonical, *alts):
            k = _key(a)
            out[k.replace(" ", "") if squeeze else k] = canonical
    return out


_LOOKUPS = {
    "instrument": (_lookup(_INSTRUMENT_WORDS), False, INSTRUMENTS),
    "risk": (_lookup(_RISK_WORDS), False, RISKS),
    "horizon": (_lookup(_HORIZON_WORDS, squeeze=True), True, HORIZONS),
    "novelty": (_lookup(_NOVELTY_WORDS), False, NOVELTY),
    "status": (_lookup(_STATUS_WORDS), False, STATUSES),
    "decision": (_lookup(_DECISION_WORDS), False, DECISIONS),
}
_ALLOWED_NOTE = {
    "instrument": "analysis, funding (grants, loans, equity), regulation (and standards), procurement, "
                  "fiscal (taxes, subsidies, pricing) or information (campaigns, behavioural measures)",
    "risk": "low, medium or high",
    "horizon": "<2 years, 2-5 years or >5 years (the time until the project shows results)",
    "novelty": "new, adapt or scale",
    "status": "active, completed, paused or closed",
    "decision": "continue, scale, pivot, pause or sunset (or leave the cell blank)",
}


# --------------------------------------------------------------------------- mapping values onto the vocabularies
def bad_values(df: pd.DataFrame, column: str, values: pd.Series, file: str | None, kind: str,
                header: str | None = None) -> MissionkitInputError:
    """The error for unknown categorical values: first bad row, how many others, what is allowed."""
    bad = values
    rows = list(bad.index)
    first_row, first_value = rows[0], str(bad.iloc[0])
    close = difflib.get_close_matches(_key(first_value), list(_LOOKUPS[kind][0]), n=1, cutoff=0.6)
    hint = f"Did you mean '{_LOOKUPS[kind][0][close[0]]}'? " if close else ""
    others = ""
    if len(rows) > 1:
        shown = ", ".join(str(r) for r in rows[1:6]) + (", …" if len(rows) > 6 else "")
        many = len(rows) > 2
        others = (f" {len(rows) - 1} other row{'s' if many else ''} in this column {'have' if many else 'has'} the "
                  f"same problem (row{'s' if many else ''} {shown}).")
    label = header or column
    return MissionkitInputError(
        f"Row {row_text(first_row)} of column '{label}': '{first_value[:40]}' is not one of the allowed "
        f"values.{others}"
        .rstrip("."),
        fix=f"{hint}Use one of: {_ALLOWED_NOTE[kind]}; then load the file again",
        file=file, row=row_num(first_row), column=label)


def row_num(index_value: Any) -> int | None:
    """The spreadsheet row number of an index value, or None when it is not a number."""
    try:
        return int(index_value)
    except (TypeError, ValueError):
        return None


def row_text(index_value: Any) -> str:
    """The row to name in a message: its number, or the index value as text."""
    n = row_num(index_value)
    return str(n) if n is not None else str(index_value)


def normalise_choice(values: pd.Series, kind: str) -> tuple[pd.Series, pd.Series]:
    """Map a text column onto its vocabulary. Returns (mapped, unknown values)."""
    lookup, squeeze, _ = _LOOKUPS[kind]
    present = values.notna()
    keys = values[present].astype(str).str.replace("\u2013", "-").str.replace("\u2014", "-")
    keys = keys.str.replace(r"\s+", " ", regex=True).str.strip().str.casefold()
    if squeeze:
        keys = keys.str.replace(" ", "", regex=False)
    mapped = keys.map(lookup)
    if kind == "horizon":  # a number of years is unambiguous: "3 years" -> "2-5 years"
        years = pd.to_numeric(keys.str.extract(r"^(\d+(?:\.\d+)?)(?:years?|yrs?|y)?$")[0], errors="coerce")
        bucket = pd.Series(np.select([years < 2, years <= 5, years > 5], list(HORIZONS), default=""),
                           index=keys.index).where(years.notna())
        mapped = mapped.fillna(bucket)
    unknown = values[present][mapped.isna()]
    out = pd.Series(pd.array([None] * len(values), dtype="str"), index=values.index)
    out[present] = mapped.astype("str")
    return out, unknown


def objective_lookup(objectives: Mapping[str, str]) -> dict[str, str]:
    """Normalised id, name and "id name" of each objective -> its id (the first objective wins a tie)."""
    out: dict[str, str] = {}
    for oid, name in objectives.items():
        for text in (oid, name, f"{oid} {name}"):
            k = re.sub(r"[^0-9a-z]+", " ", str(text).casefold()).strip()
            if k:
                out.setdefault(k, oid)
    return out
