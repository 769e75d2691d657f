"""Choosing among candidate missions: the criteria, the panel's ratings (D0) and a short-list funnel.

The first five criteria are Mazzucato's (2018) five criteria for selecting missions, paraphrased;
the last three (evidence of need, capacity to act, public support) are OUR PROPOSAL, drawn from the
OECD Mission Litmus Test's questions on the challenge and on commitment. A rating is "meets",
"partly" or "fails". Pure pandas; no display code. The Marenta data are FICTIONAL.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from missionkit import case

__all__ = ["Criterion", "CRITERIA", "CRITERION_BY_NAME", "RATING_POINTS", "criteria_table", "failures",
           "candidate_names", "candidate_statements", "rating_counts", "funnel_stages"]


@dataclass(frozen=True)
class Criterion:
    name: str
    question: str
    origin: str  # "Mazzucato (2018)" or "OUR PROPOSAL"
    source_keys: tuple[str, ...]


CRITERIA: tuple[Criterion, ...] = (
    Criterion("bold and relevant", "Would a citizen see why it matters to society, not only to specialists?",
              "Mazzucato (2018)", ("mazzucato2018",)),
    Criterion("measurable and dated", "Can you name the metric, the baseline, the target value and the date?",
              "Mazzucato (2018)", ("mazzucato2018",)),
    Criterion("ambitious but realistic", "Is it a stretch that research and innovation could plausibly deliver?",
              "Mazzucato (2018)", ("mazzucato2018",)),
    Criterion("across sectors", "Does success need several sectors, disciplines and kinds of actor?",
              "Mazzucato (2018)", ("mazzucato2018",)),
    Criterion("many solutions", "Does it leave room for many competing, bottom-up solutions?",
              "Mazzucato (2018)", ("mazzucato2018",)),
    Criterion("evidence of need", "Does evidence show a large, lasting problem that is getting worse?",
              "OUR PROPOSAL", ("opsi-litmus",)),
    Criterion("capacity to act", "Does the state hold levers and people able to move it?",
              "OUR PROPOSAL", ("opsi-litmus",)),
    Criterion("public support", "Do the people it affects, all of them, want it?", "OUR PROPOSAL", ("opsi-litmus",)),
)
CRITERION_BY_NAME = {c.name: c for c in CRITERIA}
assert tuple(CRITERION_BY_NAME) == case.CHOICE_CRITERIA
RATING_POINTS = {"meets": 2, "partly": 1, "fails": 0}


def criteria_table(candidates: pd.DataFrame) -> pd.DataFrame:
    """One row per criterion, one column per candidate ("A Clean air by 2035", ...), holding the rating."""
    names = candidate_names(candidates)
    wide = candidates.pivot(index="criterion", columns="candidate_id", values="rating")
    wide = wide.reindex(list(case.CHOICE_CRITERIA))
    wide.columns = [f"{c} {names[c]}" for c in wide.columns]
    wide.index.name = "criterion"
    return wide


def candidate_names(candidates: pd.DataFrame) -> dict[str, str]:
    """Candidate id -> short name."""
    return dict(candidates.drop_duplicates("candidate_id")[["candidate_id", "candidate"]].itertuples(index=False))


def candidate_statements(candidates: pd.DataFrame) -> dict[str, str]:
    """Candidate id -> the drafted statement."""
    return dict(candidates.drop_duplicates("candidate_id")[["candidate_id", "statement"]].itertuples(index=False))


def failures(candidates: pd.DataFrame) -> dict[str, list[str]]:
    """Candidate id -> the criteria it fails (empty list if none)."""
    out: dict[str, list[str]] = {c: [] for c in candidate_names(candidates)}
    for row in candidates[candidates["rating"] == "fails"].itertuples():
        out[row.candidate_id].append(row.criterion)
    return out


def rating_counts(candidates: pd.DataFrame) -> pd.DataFrame:
    """How many criteria each candidate meets, partly meets and fails."""
    counts = candidates.pivot_table(index="candidate_id", columns="rating", values="criterion", aggfunc="count",
                                    fill_value=0)
    return counts.reindex(columns=list(case.CRITERION_RATINGS), fill_value=0)


def funnel_stages() -> list[tuple[str, str]]:
    """A short-list funnel (OUR PROPOSAL, after the EU's staged narrowing): (stage, what happens)."""
    return [
        ("1. Long list", "Gather candidate missions from the challenge analysis, ministries, cities and the public."),
        ("2. Screen", "Drop any candidate that fails a must-have criterion (here: across sectors, many solutions)."),
        ("3. Short list", "Rate three to five candidates on every criterion, with evidence, and consult the public."),
        ("4. Decide", "A named political owner chooses, says what is given up, and publishes the reasons."),
    ]
