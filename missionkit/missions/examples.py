"""Module 01: real initiatives to classify, the OECD's four types of initiative and common failure modes.

* the classification exercise's data: :data:`INITIATIVES` (real initiatives with
  reference answers and a source each) and :func:`classification_results`;
* the OECD's four types of mission-oriented initiative `[GGSD2022]` and the
  common failure modes (brief 1.6).

The facts live in ``missionkit/data/facts/missions-initiatives.yml``,
``missions-initiative-types.yml`` and ``missions-failure-modes.yml``; each is
read once and checked on load, so a broken entry gives a plain
:class:`~missionkit.errors.MissionkitInputError` naming the file. Domain code
only (no display code, never prints). Source keys are those of
``missionkit/data/references.csv`` (lower case).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from missionkit.facts import FACTS_DIR, load_facts
from missionkit.feedback import is_blank
from missionkit.text import cite_short

__all__ = [
    "CHOICES",
    "Initiative",
    "INITIATIVES_FILE",
    "load_initiatives",
    "INITIATIVES",
    "INITIATIVE_BY_KEY",
    "norm_name",
    "initiatives",
    "classification_results",
    "InitiativeType",
    "INITIATIVE_TYPES_FILE",
    "load_initiative_types",
    "OECD_INITIATIVE_TYPES",
    "oecd_initiative_types",
    "FailureMode",
    "FAILURE_MODES_FILE",
    "load_failure_modes",
    "FAILURE_MODES",
    "THIRTEEN_REASONS_NOTE",
    "failure_modes",
]

INITIATIVES_FILE = FACTS_DIR / "missions-initiatives.yml"
INITIATIVE_TYPES_FILE = FACTS_DIR / "missions-initiative-types.yml"
FAILURE_MODES_FILE = FACTS_DIR / "missions-failure-modes.yml"

_Choice = Literal["accelerator mission", "transformer mission", "not a mission"]


# --------------------------------------------------------------------------- classification exercise
CHOICES: tuple[str, ...] = ("accelerator mission", "transformer mission", "not a mission")

_CHOICE_SYNONYMS = {
    "accelerator mission": "accelerator mission", "accelerator": "accelerator mission",
    "an accelerator mission": "accelerator mission", "mission accelerator": "accelerator mission",
    "transformer mission": "transformer mission", "transformer": "transformer mission",
    "a transformer mission": "transformer mission", "transformative mission": "transformer mission",
    "transformative": "transformer mission", "mission transformer": "transformer mission",
    "not a mission": "not a mission", "not mission": "not a mission", "no mission": "not a mission",
    "no": "not a mission", "not": "not a mission", "none": "not a mission", "neither": "not a mission",
    "mission": "mission", "a mission": "mission", "yes": "mission",
}


@dataclass(frozen=True)
class Initiative:
    """A real initiative for the classification exercise, with its reference answer.

    ``status`` is "settled" (a reference answer) or "discuss" (contested: more
    than one answer is defensible; ``accepted`` lists them and ``prompt`` is
    the question for the room). ``mistakes`` explains a typical wrong answer.
    """

    name: str
    what: str
    reference: str
    status: Literal["settled", "discuss"]
    why: str
    sources: tuple[str, ...]
    accepted: tuple[str, ...] = ()
    prompt: str = ""
    mistakes: Mapping[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> tuple[str, ...]:
        return (self.reference,) + tuple(a for a in self.accepted if a != self.reference)


class _InitiativeEntry(BaseModel):
    """One entry of the initiatives file, as written there."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1)
    what: str = Field(min_length=1)
    reference: _Choice
    status: Literal["settled", "discuss"]
    why: str = Field(min_length=1)
    source_keys: list[str] = Field(min_length=1)
    accepted: list[_Choice] = []
    prompt: str = ""
    mistakes: dict[str, str] = {}


@cache
def load_initiatives(path: Path = INITIATIVES_FILE) -> tuple[Initiative, ...]:
    """The initiatives from their YAML file, checked; a bad file raises MissionkitInputError."""
    return tuple(Initiative(e.name, e.what, e.reference, e.status, e.why, tuple(e.source_keys),
                            accepted=tuple(e.accepted), prompt=e.prompt, mistakes=dict(e.mistakes))
                 for e in load_facts(path, _InitiativeEntry))


INITIATIVES: tuple[Initiative, ...] = load_initiatives()


def norm_name(text: str) -> str:
    """An initiative's name as it is matched: lower case, words only."""
    return re.sub(r"[^a-z0-9]+", " ", str(text).lower()).strip()


#: Each initiative under its matching key (:func:`norm_name`).
INITIATIVE_BY_KEY = {norm_name(i.name): i for i in INITIATIVES}


def initiatives() -> pd.DataFrame:
    """The initiatives to classify (no answers: for the exercise), each with its sources."""
    return pd.DataFrame([{"Initiative": i.name, "What it is": i.what,
                          "Sources": "; ".join(cite_short(k) for k in i.sources) or "(an illustration)"}
                         for i in INITIATIVES]).set_index("Initiative")


def _choice(value: Any) -> str | None:
    if is_blank(value):
        return None
    cleaned = re.sub(r"\s+", " ", str(value).strip().lower().replace("-", " ").replace("_", " ")).strip(" .")
    return _CHOICE_SYNONYMS.get(cleaned, "?")


def classification_results(answers: Mapping | None) -> pd.DataFrame:
    """One row per initiative: the answer, the reference, and a result.

    ``result`` is one of: "not answered", "unknown answer", "correct",
    "type missing" (said "mission" without the type), "wrong", "discuss"
    (a defensible answer to a contested item).
    """
    given: dict[str, Any] = {}
    if isinstance(answers, Mapping):
        for key, value in answers.items():
            i = INITIATIVE_BY_KEY.get(norm_name(key))
            if i is not None:
                given[i.name] = value
    rows = []
    for i in INITIATIVES:
        raw = given.get(i.name, ...)
        choice = _choice(raw)
        if choice is None:
            result = "not answered"
        elif choice == "?":
            result = "unknown answer"
        elif choice == "mission":
            result = "type missing" if any(o != "not a mission" for o in i.ok) else "wrong"
        elif choice in i.ok:
            result = "discuss" if i.status == "discuss" else "correct"
        else:
            result = "wrong"
        rows.append({"initiative": i.name, "answer": None if choice is None else str(raw).strip(),
                     "reading": choice, "reference": i.reference,
                     "also defensible": ", ".join(i.accepted), "status": i.status, "result": result,
                     "sources": "; ".join(i.sources)})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- OECD four types (GGSD 2022)
@dataclass(frozen=True)
class InitiativeType:
    number: int
    name: str
    led_by: str
    focus: str
    examples: tuple[str, ...]


class _InitiativeTypeEntry(BaseModel):
    """One entry of the initiative-types file, as written there."""

    model_config = ConfigDict(extra="forbid")
    number: int = Field(ge=1)
    name: str = Field(min_length=1)
    led_by: str = Field(min_length=1)
    focus: str = Field(min_length=1)
    examples: list[str] = Field(min_length=1)
    source_keys: list[str] = Field(min_length=1)


@cache
def load_initiative_types(path: Path = INITIATIVE_TYPES_FILE) -> tuple[InitiativeType, ...]:
    """The OECD's four types from their YAML file, checked; a bad file raises MissionkitInputError."""
    return tuple(InitiativeType(e.number, e.name, e.led_by, e.focus, tuple(e.examples))
                 for e in load_facts(path, _InitiativeTypeEntry))


OECD_INITIATIVE_TYPES: tuple[InitiativeType, ...] = load_initiative_types()
"""The OECD's four types of mission-oriented initiative, paraphrased from `[GGSD2022]` (Table 1)."""


def oecd_initiative_types() -> pd.DataFrame:
    """The four types as a table (paraphrased from the OECD issue note)."""
    return pd.DataFrame([{"Type": f"{t.number}. {t.name}", "Led by": t.led_by, "Focus": t.focus,
                          "Examples": "; ".join(t.examples)} for t in OECD_INITIATIVE_TYPES]).set_index("Type")


# --------------------------------------------------------------------------- failure modes (brief 1.6)
@dataclass(frozen=True)
class FailureMode:
    name: str
    looks_like: str
    sources: tuple[str, ...]
    secondary: bool = False


class _FailureModeEntry(BaseModel):
    """One entry of the failure-modes file, as written there."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1)
    looks_like: str = Field(min_length=1)
    source_keys: list[str] = Field(min_length=1)
    secondary: bool = False


@cache
def load_failure_modes(path: Path = FAILURE_MODES_FILE) -> tuple[FailureMode, ...]:
    """The failure modes from their YAML file, checked; a bad file raises MissionkitInputError."""
    return tuple(FailureMode(e.name, e.looks_like, tuple(e.source_keys), e.secondary)
                 for e in load_facts(path, _FailureModeEntry))


FAILURE_MODES: tuple[FailureMode, ...] = load_failure_modes()

THIRTEEN_REASONS_NOTE = (
    "The OECD Mission Action Lab's \u201c13 reasons why missions fail\u201d (credited to Piret T\u00f5nurist, "
    "c. 2023) says missions face pressure to show results fast while still young, that a mission is "
    "sometimes the wrong tool and sometimes lacks commitment, and that the problem comes first and the method "
    "second. The 13 individual reasons could not be confirmed from the copy available to us: read the original "
    "before quoting them."
)


def failure_modes() -> pd.DataFrame:
    """The failure modes as a table; sources as "Author (year)" (full entries in the book's references)."""
    return pd.DataFrame([{"Failure mode": f.name, "What it looks like": f.looks_like,
                          "Source": "; ".join(cite_short(k) for k in f.sources)}
                         for f in FAILURE_MODES]).set_index("Failure mode")
