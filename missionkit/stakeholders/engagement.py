"""Module 06: the engagement ladder and formats that build legitimacy, with real examples and their sources.

The facts live in ``missionkit/data/facts/stakeholders-engagement-ladder.yml``
and ``stakeholders-formats.yml``; they are read once and checked on load, so a
broken entry gives a plain :class:`~missionkit.errors.MissionkitInputError`
naming the file. Sources are keys of ``missionkit/data/references.csv``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from missionkit.data import DATA_DIR
from missionkit.facts import load_facts
from missionkit.text import cite

__all__ = [
    "LADDER_FILE", "FORMATS_FILE", "load_ladder", "load_formats", "engagement_ladder", "LegitimacyFormat",
    "FORMATS_DETAIL", "FORMATS", "legitimacy_formats",
]

LADDER_FILE = DATA_DIR / "facts" / "stakeholders-engagement-ladder.yml"
FORMATS_FILE = DATA_DIR / "facts" / "stakeholders-formats.yml"


# --------------------------------------------------------------------------- reading the facts files
class _Rung(BaseModel):
    model_config = ConfigDict(extra="forbid")
    level: str = Field(min_length=1)
    what: str = Field(min_length=1)
    formats: str = Field(min_length=1)
    example: str = Field(min_length=1)


@cache
def load_ladder(path: Path = LADDER_FILE) -> tuple[tuple[str, str, str, str], ...]:
    """The engagement ladder's rungs (level, what it means, formats, example) from their YAML file, checked."""
    fix = "Correct that entry in the facts file: each needs level, what, formats and example"
    return tuple((r.level, r.what, r.formats, r.example) for r in load_facts(path, _Rung, fix))


# --------------------------------------------------------------------------- engagement and legitimacy
_LADDER = list(load_ladder())


def engagement_ladder() -> pd.DataFrame:
    """The four engagement levels used in this course, with formats and real examples.

    The four-step ladder is OUR SYNTHESIS; the examples and the co-design /
    co-create / co-implement / co-assess idea come from the sources named.
    """
    return pd.DataFrame(_LADDER, columns=["level", "what it means", "typical formats", "real example or note"])


@dataclass(frozen=True)
class LegitimacyFormat:
    name: str
    what: str
    level: str
    example: str
    caution: str
    sources: tuple[str, ...]



class _FormatEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1)
    what: str = Field(min_length=1)
    level: str = Field(min_length=1)
    example: str = Field(min_length=1)
    caution: str = Field(min_length=1)
    source_keys: list[str]


@cache
def load_formats(path: Path = FORMATS_FILE) -> tuple[LegitimacyFormat, ...]:
    """The legitimacy formats from their YAML file, checked; a bad file raises MissionkitInputError."""
    fix = "Correct that entry in the facts file: each needs name, what, level, example, caution and source_keys"
    return tuple(LegitimacyFormat(e.name, e.what, e.level, e.example, e.caution, tuple(e.source_keys))
                 for e in load_facts(path, _FormatEntry, fix))


FORMATS_DETAIL: tuple[LegitimacyFormat, ...] = load_formats()
FORMATS: tuple[str, ...] = tuple(f.name for f in FORMATS_DETAIL)


def legitimacy_formats() -> pd.DataFrame:
    """Formats that build legitimacy, each with a real example, a caution and its sources."""
    return pd.DataFrame([{"format": f.name, "what it is": f.what, "engagement level": f.level,
                          "real example": f.example, "handle with care": f.caution,
                          "sources": "; ".join(cite(k) for k in f.sources)} for f in FORMATS_DETAIL])

