"""Reading a public consultation: who answered, and what changes once respondents are weighted (D0).

A consultation is open to whoever chooses to answer, so its respondents rarely mirror the population.
:func:`representation` compares the respondents' shares with the population's on one trait (city, or
car in the household); :func:`weighted_shares` re-weights the answers so each group counts as much as
it does in the population (post-stratification on one trait). Pure pandas; no display code. The
Marenta data are FICTIONAL.
"""
from __future__ import annotations

import pandas as pd

from missionkit import case

__all__ = ["POPULATION_SHARES", "TRAITS", "population_shares", "representation", "choice_shares",
           "weighted_shares", "ranking", "choice_by_group"]

_TOTAL = sum(case.CITY_POPULATION.values())
POPULATION_SHARES: dict[str, dict[str, float]] = {
    "city": {c: n / _TOTAL for c, n in case.CITY_POPULATION.items()},
    "car_household": {"yes": case.HOUSEHOLDS_WITH_CAR, "no": 1 - case.HOUSEHOLDS_WITH_CAR},
}
TRAITS = {"city": "city", "car_household": "car in the household"}


def population_shares(trait: str) -> dict[str, float]:
    """The population's share of each group of ``trait`` ("city" or "car_household")."""
    if trait not in POPULATION_SHARES:
        raise ValueError(f"No population figures for '{trait}': use one of {', '.join(POPULATION_SHARES)}.")
    return dict(POPULATION_SHARES[trait])


def representation(consultation: pd.DataFrame, trait: str) -> pd.DataFrame:
    """Respondents' share against the population's share for each group; ratio > 1 means over-represented."""
    pop = population_shares(trait)
    sample = consultation[trait].value_counts(normalize=True)
    table = pd.DataFrame({"respondents": [int((consultation[trait] == g).sum()) for g in pop],
                          "respondent_share": [float(sample.get(g, 0.0)) for g in pop],
                          "population_share": list(pop.values())}, index=pd.Index(list(pop), name=trait))
    table["ratio"] = table["respondent_share"] / table["population_share"]
    return table


def choice_shares(consultation: pd.DataFrame) -> pd.Series:
    """Share of respondents ranking each candidate first, as answered (no weighting)."""
    counts = consultation["first_choice"].value_counts(normalize=True)
    return counts.reindex(list(case.CANDIDATE_IDS), fill_value=0.0).rename("share")


def choice_by_group(consultation: pd.DataFrame, trait: str) -> pd.DataFrame:
    """Share ranking each candidate first, within each group of ``trait`` (rows: groups)."""
    table = pd.crosstab(consultation[trait], consultation["first_choice"], normalize="index")
    return table.reindex(columns=list(case.CANDIDATE_IDS), fill_value=0.0)


def weighted_shares(consultation: pd.DataFrame, trait: str) -> pd.Series:
    """Share ranking each candidate first once each group of ``trait`` counts as in the population."""
    pop = population_shares(trait)
    within = choice_by_group(consultation, trait)
    missing = [g for g in pop if g not in within.index]
    if missing:
        raise ValueError(f"No respondent in group(s) {', '.join(missing)}: the answers cannot be re-weighted.")
    shares = sum(within.loc[g] * w for g, w in pop.items())
    return pd.Series(shares, index=list(case.CANDIDATE_IDS), name="share").astype(float)


def ranking(shares: pd.Series) -> list[str]:
    """Candidate ids from most to least support."""
    return list(shares.sort_values(ascending=False, kind="stable").index)
