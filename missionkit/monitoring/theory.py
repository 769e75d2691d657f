"""Module 10: the theory of change (inputs to impacts) and Marenta's example.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from missionkit.errors import MissionkitInputError
from missionkit.monitoring.indicators import is_empty

__all__ = [
    "TheoryOfChange",
    "parse_theory_of_change",
    "MARENTA_THEORY_OF_CHANGE",
]


# --------------------------------------------------------------------------- theory of change
TOC_LEVELS = ("inputs", "activities", "outputs", "outcomes", "impacts")
MAX_TOC_ITEMS = 8
MAX_TOC_CHARS = 160


@dataclass
class TheoryOfChange:
    """A theory of change: items at each level of the intervention logic, and the assumptions behind the links."""

    inputs: list[str] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    impacts: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)

    def items(self) -> list[tuple[str, list[str]]]:
        return [(lvl, getattr(self, lvl)) for lvl in TOC_LEVELS]

    def to_workbook(self) -> dict:
        return {lvl: list(getattr(self, lvl)) for lvl in (*TOC_LEVELS, "assumptions")}

    @property
    def empty(self) -> bool:
        return not any(getattr(self, lvl) for lvl in (*TOC_LEVELS, "assumptions"))


def _lines(value: Any, what: str) -> list[str]:
    if is_empty(value):
        return []
    if isinstance(value, str):
        items = value.splitlines()
    elif isinstance(value, (list, tuple)):
        items = []
        for v in value:
            if not is_empty(v):
                items += str(v).splitlines()
    else:
        raise MissionkitInputError(f"The {what} should be text (one item per line) or a list of texts, not "
                                   f"{type(value).__name__}", fix=f'Write the {what} as ["first item", "second item"]')
    items = [" ".join(i.strip().lstrip("-•*").split()) for i in items]
    items = [i for i in items if i]
    if len(items) > MAX_TOC_ITEMS:
        raise MissionkitInputError(f"There are {len(items)} {what}; keep to the {MAX_TOC_ITEMS} that matter most",
                                   fix=f"Merge or drop items until there are at most {MAX_TOC_ITEMS} {what}")
    long = [i for i in items if len(i) > MAX_TOC_CHARS]
    if long:
        raise MissionkitInputError(f"One of the {what} is {len(long[0])} characters long",
                                   fix=f"Keep each item under {MAX_TOC_CHARS} characters: a short phrase, not a "
                                       "paragraph")
    return items


def parse_theory_of_change(value: Any) -> TheoryOfChange:
    """A TheoryOfChange from a dict {level: text or list} (as saved in the workbook) or a TheoryOfChange."""
    if isinstance(value, TheoryOfChange):
        return value
    if is_empty(value) or value == {}:
        return TheoryOfChange()
    if not isinstance(value, Mapping):
        raise MissionkitInputError(f"A theory of change should be a dict of levels, not {type(value).__name__}",
                                   fix='Write it as {"inputs": [...], "activities": [...], "outputs": [...], '
                                       '"outcomes": [...], "impacts": [...]}')
    aliases = {"input": "inputs", "activity": "activities", "output": "outputs", "outcome": "outcomes",
               "impact": "impacts", "assumption": "assumptions", "goal": "impacts"}
    out: dict[str, list[str]] = {}
    for k, v in value.items():
        key = aliases.get(str(k).strip().lower(), str(k).strip().lower())
        if key not in (*TOC_LEVELS, "assumptions"):
            raise MissionkitInputError(f"'{k}' is not a level of the theory of change",
                                       fix="Use inputs, activities, outputs, outcomes, impacts and assumptions")
        out[key] = out.get(key, []) + _lines(v, key)
    return TheoryOfChange(**out)


MARENTA_THEORY_OF_CHANGE = TheoryOfChange(
    inputs=["Mission budget and two development partners' loans", "Mission team of 12 officials"],
    activities=["Procure clean buses", "Redesign dangerous junctions", "License minibus routes"],
    outputs=["Zero-emission buses in service", "Junctions redesigned", "Bus stops with lighting and help points"],
    outcomes=["More trips by public transport", "Women feel safe at night", "Local assembly of clean vehicles"],
    impacts=["Commutes within 45 minutes", "PM2.5 halved", "Fewer road deaths"],
    assumptions=["Operators accept route contracts", "Buses are maintained and charged"],
)
"""A worked example for Marenta (FICTIONAL), built from the case's indicator framework."""
