"""Module 05: the OECD's three dimensions of mission governance, and real governance structures.

* :func:`oecd_dimensions`: the three dimensions and their typical challenges
  (GGSD 2022 Table 3, adapted from the OECD MOIP Online Toolkit);
* :func:`real_structures`: real structures with their sizes (brief 2.2), each
  with its source and how sure we are.

The facts live in ``missionkit/data/facts/governance-dimensions.yml`` and
``governance-structures.yml``; they are read once and checked on load, so a
broken entry gives a plain :class:`~missionkit.errors.MissionkitInputError`
naming the file. Source keys are those of ``missionkit/data/references.csv``.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from missionkit import catalogue
from missionkit.data import DATA_DIR
from missionkit.errors import MissionkitInputError
from missionkit.facts import read_yaml, validate
from missionkit.text import cite

__all__ = [
    "DIMENSIONS_FILE",
    "STRUCTURES_FILE",
    "load_dimensions",
    "load_structures",
    "DIMENSIONS",
    "DIMENSION_SOURCES",
    "oecd_dimensions",
    "real_structures",
]

DIMENSIONS_FILE = DATA_DIR / "facts" / "governance-dimensions.yml"
STRUCTURES_FILE = DATA_DIR / "facts" / "governance-structures.yml"


# --------------------------------------------------------------------------- sources
def _status(keys: Sequence[str]) -> str:
    refs = catalogue.references().set_index("key")
    rows = [refs.loc[k] if k in refs.index else {} for k in keys]
    if any(r.get("secondary") == "yes" for r in rows):
        return "secondary source"
    if any(r.get("verified") != "yes" for r in rows):
        return "from earlier notes, not re-checked"
    return "re-checked"


# --------------------------------------------------------------------------- reading the facts files
class _DimensionEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1)
    achieve: str = Field(min_length=1)
    challenges: list[str] = Field(min_length=1)


class _DimensionsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source_keys: list[str] = Field(min_length=1)
    dimensions: list[dict[str, Any]] = Field(min_length=1)


@cache
def load_dimensions(path: Path = DIMENSIONS_FILE) -> tuple[dict[str, dict[str, Any]], tuple[str, ...]]:
    """(dimensions, source keys) from their YAML file, checked; a bad file raises MissionkitInputError."""
    fix = "Correct the facts file: source_keys, then dimensions, each with name, achieve and challenges"
    raw = validate(_DimensionsFile, read_yaml(path, fix), "The top level", path, fix)
    dims: dict[str, dict[str, Any]] = {}
    for number, item in enumerate(raw.dimensions, start=1):
        entry = validate(_DimensionEntry, item, f"Entry {number}", path, fix)
        dims[entry.name] = {"achieve": entry.achieve, "challenges": tuple(entry.challenges)}
    return dims, tuple(raw.source_keys)


@dataclass(frozen=True)
class _Structure:
    layer: str
    where: str
    what: str
    size: str
    sources: tuple[str, ...]
    flag: str = ""


class _StructureEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    layer: str = Field(min_length=1)
    where: str = Field(min_length=1)
    what: str = Field(min_length=1)
    size: str = ""
    source_keys: list[str] = Field(min_length=1)
    flag: str = ""


@cache
def load_structures(path: Path = STRUCTURES_FILE) -> tuple[_Structure, ...]:
    """Real governance structures from their YAML file, checked; a bad file raises MissionkitInputError."""
    fix = "Correct that entry in the facts file: each needs layer, where, what and source_keys (size, flag optional)"
    raw = read_yaml(path, fix)
    if not isinstance(raw, list):
        raise MissionkitInputError("The facts file should hold a list of entries", fix=fix, file=str(path))
    out = []
    for number, item in enumerate(raw, start=1):
        e = validate(_StructureEntry, item, f"Entry {number}", path, fix)
        out.append(_Structure(e.layer, e.where, e.what, e.size, tuple(e.source_keys), e.flag))
    return tuple(out)


# --------------------------------------------------------------------------- the OECD's three dimensions
DIMENSIONS: dict[str, dict[str, Any]]
DIMENSION_SOURCES: tuple[str, ...]
DIMENSIONS, DIMENSION_SOURCES = load_dimensions()
"""The OECD's three dimensions [CSTP-poster][Larrue2021] and their typical challenges, paraphrased from
Table 3 of the GGSD 2022 issue note, adapted from the OECD MOIP Online Toolkit [GGSD2022][MOIP-toolkit]."""


def oecd_dimensions() -> pd.DataFrame:
    """The three dimensions, what each must achieve and its typical challenges (paraphrased)."""
    return pd.DataFrame(
        {
            "what it must achieve": [d["achieve"] for d in DIMENSIONS.values()],
            "typical challenges (paraphrased from OECD 2022, Table 3)": [
                "; ".join(d["challenges"]) + "." for d in DIMENSIONS.values()],
        },
        index=pd.Index([k.capitalize() for k in DIMENSIONS], name="dimension"),
    )


# --------------------------------------------------------------------------- real structures
_STRUCTURES: tuple[_Structure, ...] = load_structures()


def real_structures() -> pd.DataFrame:
    """Real governance structures and sizes (brief 2.2), each with its source and how sure we are."""
    return pd.DataFrame(
        {
            "layer": [s.layer for s in _STRUCTURES],
            "where": [s.where for s in _STRUCTURES],
            "what": [s.what for s in _STRUCTURES],
            "size": [s.size or "-" for s in _STRUCTURES],
            "source": ["; ".join(cite(k) for k in s.sources) for s in _STRUCTURES],
            "status": [_status(s.sources) + (f"; {s.flag}" if s.flag else "") for s in _STRUCTURES],
        }
    )
