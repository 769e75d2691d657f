"""Module 08: real mission portfolios, as data.

Real portfolio sizes (brief 3.5) and real review cadences (brief 3.4), each
with its sources. The facts live in ``missionkit/data/facts/portfolio-*.yml``;
they are read once and checked on load, so a broken entry gives a plain
:class:`~missionkit.errors.MissionkitInputError` naming the file. Domain logic only.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from missionkit.data import DATA_DIR
from missionkit.facts import load_facts

REAL_PORTFOLIOS_FILE = DATA_DIR / "facts" / "portfolio-real-portfolios.yml"
REVIEW_CADENCES_FILE = DATA_DIR / "facts" / "portfolio-review-cadences.yml"


class _PortfolioEntry(BaseModel):
    """One real portfolio size, as written in its YAML file."""

    model_config = ConfigDict(extra="forbid")
    item: str = Field(min_length=1)
    figure: str = Field(min_length=1)
    status: str = Field(min_length=1)
    source_keys: list[str] = Field(min_length=1)


class _CadenceEntry(BaseModel):
    """One real review cadence, as written in its YAML file."""

    model_config = ConfigDict(extra="forbid")
    who: str = Field(min_length=1)
    how_often: str = Field(min_length=1)
    source_keys: list[str] = Field(min_length=1)


@cache
def load_real_portfolios(path: Path = REAL_PORTFOLIOS_FILE) -> tuple[dict[str, str], ...]:
    """The real portfolio sizes from their YAML file, checked (``sources`` joins the keys with ';')."""
    fix = "Correct that entry in the facts file: each needs item, figure, status and source_keys (a list)"
    return tuple({"item": e.item, "figure": e.figure, "sources": ";".join(e.source_keys), "status": e.status}
                 for e in load_facts(path, _PortfolioEntry, fix))


@cache
def load_review_cadences(path: Path = REVIEW_CADENCES_FILE) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The real review cadences from their YAML file, checked: (who, how often, source keys)."""
    fix = "Correct that entry in the facts file: each needs who, how_often and source_keys (a list)"
    return tuple((e.who, e.how_often, tuple(e.source_keys)) for e in load_facts(path, _CadenceEntry, fix))


# --------------------------------------------------------------------------- real portfolios (brief 3.5)
REAL_PORTFOLIOS: tuple[dict[str, str], ...] = load_real_portfolios()
"""Real portfolio sizes (brief 3.5) with their status: secondary and unconfirmed figures are said to be so."""


def real_portfolio_sizes() -> pd.DataFrame:
    """The real portfolio sizes of brief 3.5 as a table (item, figure, status, source)."""
    from missionkit import catalogue

    rows = []
    for r in REAL_PORTFOLIOS:
        keys = r["sources"].split(";")
        rows.append({"Portfolio": r["item"], "Size": r["figure"], "Status": r["status"],
                     "Source": "; ".join(catalogue.short_label(k) for k in keys)})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- review cadences (brief 3.4)
REVIEW_CADENCES: tuple[tuple[str, str, tuple[str, ...]], ...] = load_review_cadences()
"""Real review cadences (brief 3.4): who reviews, how often, and the source keys."""


def review_cadences() -> pd.DataFrame:
    """Real review cadences (brief 3.4), each with its source."""
    from missionkit import catalogue

    return pd.DataFrame([{"Who": w, "How often they review": h,
                          "Source": "; ".join(catalogue.short_label(k) for k in keys)}
                         for w, h, keys in REVIEW_CADENCES])
