"""Module 11: the readiness profile, aggregated from several assessors' scores.

:func:`readiness_profile` aggregates the scores: the median per dimension, the assessors' spread
(highest minus lowest), the weakest dimensions, and a "stop and fix" signal when R2 (political
commitment) or R3 (governance) has a median of 0 or 1 (OUR PROPOSAL).
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from missionkit.errors import MissionkitInputError
from missionkit.readiness.load import scores_frame
from missionkit.readiness.scorecard import (
    DIMENSION_CODES,
    DISAGREEMENT_SPREAD,
    STOP_AND_FIX_DIMENSIONS,
    STOP_AT,
    dimension_label,
    dimension_name,
)
from missionkit.text import and_list

__all__ = [
    "ReadinessProfile",
    "readiness_profile",
    "compare_without",
    "weakest_dimensions",
    "stop_and_fix",
]


# --------------------------------------------------------------------------- the profile
@dataclass
class ReadinessProfile:
    """The aggregated scorecard.

    ``table``: one row per dimension (index R1..R8) with name, median, lowest,
    highest, spread (highest minus lowest), assessors, with_evidence, scores
    (as text, in assessor order) and signal. ``weakest``: dimensions with the
    lowest median. ``stop_and_fix``: R2 or R3 with a median of 0 or 1.
    ``disagreements``: dimensions whose spread is 2 or more.
    """

    table: pd.DataFrame
    assessors: list[str]
    weakest: list[str]
    stop_and_fix: list[str]
    disagreements: list[str]
    unscored: list[str]
    missing_evidence: list[tuple[str, str]] = field(default_factory=list)

    @property
    def medians(self) -> dict[str, float]:
        return {k: float(v) for k, v in self.table["median"].dropna().items()}

    @property
    def spreads(self) -> dict[str, int]:
        return {k: int(v) for k, v in self.table["spread"].dropna().items()}

    @property
    def largest_spread(self) -> list[str]:
        s = self.table["spread"].dropna()
        return [] if s.empty else [k for k, v in s.items() if v == s.max()]

    @property
    def stop(self) -> bool:
        return bool(self.stop_and_fix)

    def verdict(self) -> str:
        if not self.assessors:
            return "No scores yet: score each dimension from 0 to 4, with your evidence."
        if self.stop_and_fix:
            dims = and_list([dimension_label(c) for c in self.stop_and_fix])
            median = plain_number(self.table.loc[self.stop_and_fix[0], "median"])
            return (f"Stop and fix: {dims} has a median of {median}. "
                    "Fix it before launching the mission (a median of 0 or 1 on R2 or R3; OUR PROPOSAL).")
        if self.unscored:
            return f"Not every dimension is scored yet: {and_list(self.unscored)}."
        return "No stop-and-fix signal: R2 and R3 both have a median of 2 or more. Work on the weakest dimensions."

    def sentences(self) -> list[str]:
        """The findings in plain words, computed from the scores."""
        if not self.assessors:
            return [self.verdict()]
        n = len(self.assessors)
        who = "one assessor" if n == 1 else f"{n} assessors"
        out = [f"Scored by {who}: {and_list(self.assessors)}."]
        if self.weakest:
            low = plain_number(self.table.loc[self.weakest[0], "median"])
            out.append(f"Weakest (lowest median, {low}): {and_list([dimension_label(c) for c in self.weakest])}.")
        out.append(self.verdict())
        if n > 1 and self.disagreements:
            parts = [f"{c} (scores {self.table.loc[c, 'scores']}; spread {int(self.table.loc[c, 'spread'])})"
                     for c in self.disagreements]
            out.append(f"The assessors disagree most on {and_list(parts)}: "
                       "compare the evidence before agreeing a score.")
        if self.missing_evidence:
            out.append(f"{len(self.missing_evidence)} score(s) have no evidence yet: each score needs cited evidence.")
        return out

    def takeaway(self) -> str:
        if not self.assessors:
            return self.verdict()
        parts = []
        if self.weakest:
            low = plain_number(self.table.loc[self.weakest[0], "median"])
            parts.append(f"{and_list(self.weakest)} {'is' if len(self.weakest) == 1 else 'are'} weakest (median {low})")
        if self.stop_and_fix:
            median = plain_number(self.table.loc[self.stop_and_fix[0], "median"])
            parts.append(f"{and_list(self.stop_and_fix)} at {median} "
                         "is a stop-and-fix signal")
        if len(self.assessors) > 1 and self.largest_spread:
            c = self.largest_spread[0]
            parts.append(f"the assessors disagree most on {and_list(self.largest_spread)} "
                         f"(spread {int(self.table.loc[c, 'spread'])}: scores {self.table.loc[c, 'scores']})")
        text = "; ".join(parts) if parts else "every dimension has a median of 2 or more"
        return text[0].upper() + text[1:] + "."


def plain_number(x: Any) -> str:
    """A score or median as written: 2, 2.5 (no trailing zeros)."""
    x = float(x)
    return f"{x:g}"


def readiness_profile(scores: Any, *, leave_out: Iterable[str] | str | None = None) -> ReadinessProfile:
    """Aggregate scores: median per dimension, spread (max - min), weakest dimensions, stop-and-fix signal.

    ``scores``: the long table (case.load("readiness") or read_scores) or a
    dict per assessor. ``leave_out``: assessors to drop (to see how much one
    person moves the result).
    """
    df = scores_frame(scores)
    if leave_out:
        drop = {leave_out} if isinstance(leave_out, str) else set(leave_out)
        known = set(df["assessor"])
        unknown = [a for a in drop if a not in known]
        if unknown:
            raise MissionkitInputError(f"There is no assessor called '{unknown[0]}'",
                                       fix="Use one of: " + ", ".join(repr(a) for a in dict.fromkeys(df["assessor"])))
        df = df[~df["assessor"].isin(drop)]
    assessors = list(dict.fromkeys(df["assessor"]))
    rows = []
    for code in DIMENSION_CODES:
        part = df[df["dimension"] == code]
        s = part["score"]
        if s.empty:
            rows.append({"dimension": code, "name": dimension_name(code), "median": math.nan, "lowest": pd.NA,
                         "highest": pd.NA, "spread": pd.NA, "assessors": 0, "with_evidence": 0, "scores": ""})
            continue
        ordered = part.set_index("assessor")["score"].reindex([a for a in assessors if a in set(part["assessor"])])
        rows.append({
            "dimension": code, "name": dimension_name(code), "median": float(s.median()),
            "lowest": int(s.min()), "highest": int(s.max()), "spread": int(s.max() - s.min()),
            "assessors": int(len(s)), "with_evidence": int((part["evidence"].str.strip() != "").sum()),
            "scores": ", ".join(str(int(v)) for v in ordered),
        })
    table = pd.DataFrame(rows).set_index("dimension")
    for col in ("lowest", "highest", "spread"):
        table[col] = table[col].astype("Int64")
    scored = table["median"].dropna()
    weakest = [] if scored.empty else [c for c, v in scored.items() if v == scored.min()]
    stop = [c for c in STOP_AND_FIX_DIMENSIONS if c in scored.index and scored[c] <= STOP_AT]
    multi = len(assessors) > 1
    disagreements = [c for c, v in table["spread"].dropna().items() if multi and v >= DISAGREEMENT_SPREAD]
    unscored = [c for c in DIMENSION_CODES if c not in scored.index]
    missing = [(r.dimension, r.assessor) for r in df.itertuples() if not str(r.evidence).strip()]
    signals = []
    for code in table.index:
        s = []
        if code in stop:
            s.append("stop and fix")
        if code in weakest:
            s.append("weakest")
        if code in disagreements:
            s.append("assessors disagree")
        if code in unscored:
            s.append("not scored")
        signals.append("; ".join(s))
    table["signal"] = signals
    return ReadinessProfile(table=table, assessors=assessors, weakest=weakest, stop_and_fix=stop,
                            disagreements=disagreements, unscored=unscored, missing_evidence=missing)


def compare_without(scores: Any, assessor: str) -> pd.DataFrame:
    """Each dimension's median with every assessor and without one, and whether its signal changes."""
    full, part = readiness_profile(scores), readiness_profile(scores, leave_out=assessor)
    out = pd.DataFrame({
        "dimension": [dimension_label(c) for c in DIMENSION_CODES],
        "median, all": [full.table.loc[c, "median"] for c in DIMENSION_CODES],
        f"median without {assessor}": [part.table.loc[c, "median"] for c in DIMENSION_CODES],
        "signal, all": [full.table.loc[c, "signal"] for c in DIMENSION_CODES],
        f"signal without {assessor}": [part.table.loc[c, "signal"] for c in DIMENSION_CODES],
    }).set_index("dimension")
    return out


def weakest_dimensions(scores: Any) -> list[str]:
    """The dimensions with the lowest median score."""
    p = scores if isinstance(scores, ReadinessProfile) else readiness_profile(scores)
    return list(p.weakest)


def stop_and_fix(scores: Any) -> list[str]:
    """R2 or R3 when its median is 0 or 1 (OUR PROPOSAL, after the Litmus Test's warning on commitment)."""
    p = scores if isinstance(scores, ReadinessProfile) else readiness_profile(scores)
    return list(p.stop_and_fix)
