"""Module 11: the readiness scorecard (OUR PROPOSAL): eight dimensions scored 0 to 4.

The scorecard is the course's proposal, not a published OECD or IIPP method: eight dimensions
(R1 to R8), each scored 0 to 4 against written anchors, with evidence, by several assessors
independently (the course's proposal, Module 11; the 0-to-4 scale is the course's own choice).
The dimensions, their anchors and sources live in
``missionkit/data/facts/readiness-dimensions.yml``; they are read once and checked on load, so a
broken entry gives a plain :class:`~missionkit.errors.MissionkitInputError` naming the file.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from missionkit import case
from missionkit.data import DATA_DIR
from missionkit.errors import MissionkitInputError
from missionkit.facts import load_facts

__all__ = [
    "Dimension",
    "DIMENSIONS",
    "DIMENSIONS_FILE",
    "load_dimensions",
    "DIMENSION_CODES",
    "SCALE",
    "STOP_AND_FIX_DIMENSIONS",
    "STOP_AT",
    "DISAGREEMENT_SPREAD",
    "scorecard_table",
    "dimension_name",
    "dimension_label",
    "INSTRUMENTS",
]


SCALE: tuple[int, ...] = (0, 1, 2, 3, 4)
DIMENSION_CODES: tuple[str, ...] = tuple(case.READINESS_DIMENSIONS)
STOP_AND_FIX_DIMENSIONS: tuple[str, ...] = ("R2", "R3")
STOP_AT = 1  # a median of 0 or 1 on R2 or R3 is a "stop and fix" signal (OUR PROPOSAL, Module 11)
DISAGREEMENT_SPREAD = 2  # assessors this far apart should compare their evidence before agreeing
OVERLAP_MIN_FUNDERS = 3  # "several" funders giving the same kind of support to one objective
INSTRUMENTS: tuple[str, ...] = ("grant", "concessional loan", "guarantee", "technical assistance")
FICTIONAL = "The Republic of Marenta case briefing (FICTIONAL)"
OUR_PROPOSAL = "the readiness scorecard is this course's proposal, not a published OECD or IIPP method"


# --------------------------------------------------------------------------- the scorecard (OUR PROPOSAL)
@dataclass(frozen=True)
class Dimension:
    """One dimension of the readiness scorecard (OUR PROPOSAL, Module 11)."""

    code: str
    name: str
    question: str
    evidence: str
    method: str
    anchors: Mapping[int, str]
    sources: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}"

    def anchor_text(self) -> str:
        return "; ".join(f"{k} = {v}" for k, v in sorted(self.anchors.items()))


DIMENSIONS_FILE = DATA_DIR / "facts" / "readiness-dimensions.yml"


class _DimensionEntry(BaseModel):
    """One entry of the YAML file, as written there (the name comes from the case)."""

    model_config = ConfigDict(extra="forbid")
    code: str = Field(pattern=r"^R[1-8]$")
    question: str = Field(min_length=1)
    evidence: str = Field(min_length=1)
    method: str = Field(min_length=1)
    anchors: dict[int, str] = Field(min_length=1)
    source_keys: list[str] = Field(min_length=1)


@cache
def load_dimensions(path: Path = DIMENSIONS_FILE) -> tuple[Dimension, ...]:
    """The scorecard's dimensions from their YAML file, checked; a bad file raises MissionkitInputError."""
    fix = "Correct that entry in the facts file: each needs code, question, evidence, method, anchors, source_keys"
    out: list[Dimension] = []
    for number, e in enumerate(load_facts(path, _DimensionEntry, fix), start=1):
        if e.code in {d.code for d in out} or not set(e.anchors) <= set(SCALE):
            raise MissionkitInputError(f"Entry {number} of the facts file is not valid: {e.code} is there twice "
                                       "or has an anchor outside 0 to 4", fix=fix, file=str(path))
        out.append(Dimension(e.code, case.READINESS_DIMENSIONS[e.code], e.question, e.evidence, e.method,
                             dict(e.anchors), tuple(e.source_keys)))
    return tuple(out)


DIMENSIONS: tuple[Dimension, ...] = load_dimensions()
_BY_CODE = {d.code: d for d in DIMENSIONS}


def dimension_name(code: str) -> str:
    return _BY_CODE[code].name if code in _BY_CODE else str(code)


def dimension_label(code: str) -> str:
    """'R3' -> 'R3 Governance and co-ordination architecture'."""
    return _BY_CODE[code].label if code in _BY_CODE else str(code)


def scorecard_table() -> pd.DataFrame:
    """The scorecard (OUR PROPOSAL) as a table: what each dimension asks, its evidence and anchors."""
    return pd.DataFrame(
        [{"dimension": d.label, "what it asks": d.question, "evidence needed": d.evidence,
          "how to collect it": d.method, "anchors (0 / 2 / 4)": d.anchor_text()} for d in DIMENSIONS]
    ).set_index("dimension")
