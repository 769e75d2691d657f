"""Module 04: the three kinds of framework condition (legal, financial, institutional), and the
organisational lens on them (inside and between ministries and agencies).

The facts live in ``missionkit/data/facts/scanning-framework-conditions.yml``;
they are read once and checked on load, so a broken entry gives a plain
:class:`~missionkit.errors.MissionkitInputError` naming the file.
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
    "FrameworkCondition",
    "FRAMEWORK_CONDITIONS_FILE",
    "load_framework_conditions",
    "FRAMEWORK_CONDITIONS",
    "framework_conditions",
]

FRAMEWORK_CONDITIONS_FILE = DATA_DIR / "facts" / "scanning-framework-conditions.yml"


@dataclass(frozen=True)
class FrameworkCondition:
    """One kind of framework condition (glossary term 30: legal, financial, institutional), or the
    organisational lens.

    ``question`` and ``look_for`` are OUR PROPOSAL; ``marenta`` is FICTIONAL;
    ``evidence`` is a real finding with its ``sources``.
    """

    kind: str
    question: str
    look_for: str
    marenta: str
    evidence: str
    sources: tuple[str, ...]


class _ConditionEntry(BaseModel):
    """One entry of the YAML file, as written there."""

    model_config = ConfigDict(extra="forbid")
    kind: str = Field(min_length=1)
    question: str = Field(min_length=1)
    look_for: str = Field(min_length=1)
    marenta: str = Field(min_length=1)
    evidence: str = Field(min_length=1)
    source_keys: list[str] = Field(min_length=1)


@cache
def load_framework_conditions(path: Path = FRAMEWORK_CONDITIONS_FILE) -> tuple[FrameworkCondition, ...]:
    """The framework conditions from their YAML file, checked; a bad file raises MissionkitInputError."""
    fix = "Correct that entry in the facts file: each needs kind, question, look_for, marenta, evidence, source_keys"
    out = []
    for entry in load_facts(path, _ConditionEntry, fix):
        out.append(FrameworkCondition(entry.kind, entry.question, entry.look_for, entry.marenta, entry.evidence,
                                      tuple(entry.source_keys)))
    return tuple(out)


FRAMEWORK_CONDITIONS: tuple[FrameworkCondition, ...] = load_framework_conditions()


def framework_conditions() -> pd.DataFrame:
    """The three kinds of framework condition and the organisational lens as a table (Marenta column FICTIONAL)."""
    return pd.DataFrame(
        {
            "kind": [f.kind for f in FRAMEWORK_CONDITIONS],
            "question to ask (our proposal)": [f.question for f in FRAMEWORK_CONDITIONS],
            "look for": [f.look_for for f in FRAMEWORK_CONDITIONS],
            "in Marenta (fictional)": [f.marenta for f in FRAMEWORK_CONDITIONS],
            "real evidence": [f.evidence for f in FRAMEWORK_CONDITIONS],
            "sources": ["; ".join(cite(k) for k in f.sources) for f in FRAMEWORK_CONDITIONS],
        }
    ).set_index("kind")
