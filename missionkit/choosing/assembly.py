"""Designing a citizens' assembly: the design choices and what the evidence says about each.

A design is a mapping with ``members`` (a whole number), ``selection`` (how members are chosen),
``stratify_by`` (traits the draw balances), ``days`` (full days of meeting), ``mandate`` (the
question put to the assembly) and ``commitment`` (what the government promises to do with the advice).

Where a figure is a rule of thumb it is OUR PROPOSAL; the anchors are real cases (108 members for
Climate Assembly UK, 150 for France's Convention citoyenne pour le climat, each over six weekends) and
the OECD's minimum for representative deliberation (random selection with demographic stratification,
at least one full day). Pure Python; no display code.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from missionkit.errors import MissionkitInputError

__all__ = ["design_choices", "SELECTIONS", "STRATA", "COMMITMENTS", "MIN_MEMBERS", "MIN_DAYS", "AssemblyDesign",
           "parse_design",
           "EXAMPLE_DESIGN"]

SELECTIONS = {
    "random, stratified": "a civic lottery: invitations drawn at random, then a stratified draw among those who "
                          "say yes",
    "random, not stratified": "a lottery without quotas",
    "volunteers": "whoever signs up",
    "appointed": "chosen by ministries or organisations",
}
STRATA = ("city", "car in the household", "income", "age", "gender", "education")
COMMITMENTS = {
    "respond to each recommendation": "a public, reasoned answer to every recommendation, by a date",
    "implement everything": "a promise to enact every recommendation",
    "consider the report": "a promise to read the report",
    "no commitment": "no promise at all",
}
MIN_MEMBERS = 50  # OUR PROPOSAL: enough seats to balance three cities, car and no car, age and gender
MIN_DAYS = 4  # OUR PROPOSAL; the OECD minimum is one full day, the UK and French cases met for six weekends


@dataclass
class AssemblyDesign:
    members: int | None = None
    selection: str = ""
    stratify_by: list[str] = field(default_factory=list)
    days: float | None = None
    mandate: str = ""
    commitment: str = ""

    @property
    def answered(self) -> bool:
        return bool(self.members or self.selection or self.stratify_by or self.days or self.mandate.strip()
                    or self.commitment)

    def to_workbook(self) -> dict[str, Any]:
        return {"members": self.members, "selection": self.selection, "stratify_by": list(self.stratify_by),
                "days": self.days, "mandate": self.mandate, "commitment": self.commitment}


def _number(value: Any, what: str) -> float | None:
    if value is None or value is ... or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise MissionkitInputError(f"The number of {what} is yes/no, not a number", fix=f"Give the number of {what}.")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        match = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*[a-z ]*", str(value).lower())
        if not match:
            raise MissionkitInputError(f"\u201c{value}\u201d is not a number of {what}",
                                       fix=f"Give the number of {what} in figures, for example 60.")
        number = float(match.group(1).replace(",", "."))
    if number < 0:
        raise MissionkitInputError(f"The number of {what} cannot be negative", fix=f"Give the number of {what}.")
    return number


def _choice(value: Any, options: Mapping[str, str] | tuple[str, ...], what: str) -> str:
    if value is None or value is ... or not str(value).strip():
        return ""
    text = str(value).strip().lower()
    for option in options:
        if text == option or text.replace("-", " ") == option.replace(",", ""):
            return option
    raise MissionkitInputError(f"\u201c{value}\u201d is not one of the {what}",
                               fix="Choose one of: " + "; ".join(options) + ".")


def parse_design(design: Any) -> AssemblyDesign:
    """An :class:`AssemblyDesign` from a form's or a cell's mapping; plain errors for bad values."""
    if design is None or design is ...:
        return AssemblyDesign()
    if not isinstance(design, Mapping):
        raise MissionkitInputError("The design should list members, selection, stratify_by, days, mandate and "
                                   "commitment", fix="Use the form, or a dict with those keys.")
    members = _number(design.get("members"), "members")
    days = _number(design.get("days"), "days")
    strata = design.get("stratify_by") or []
    if isinstance(strata, str):
        strata = [s.strip() for s in re.split(r"[;,]", strata) if s.strip()]
    if strata is ...:
        strata = []
    strata = [_choice(s, STRATA, "traits to balance") for s in strata]
    mandate = design.get("mandate")
    mandate = "" if mandate is None or mandate is ... else str(mandate)
    return AssemblyDesign(
        members=int(members) if members is not None else None,
        selection=_choice(design.get("selection"), SELECTIONS, "ways to choose members"),
        stratify_by=[s for s in dict.fromkeys(strata) if s],
        days=days,
        mandate=mandate.strip(),
        commitment=_choice(design.get("commitment"), COMMITMENTS, "commitments"),
    )


EXAMPLE_DESIGN = {  # a FICTIONAL design for a Kessa city panel on night buses: the lesson's worked slice
    "members": 40, "selection": "random, stratified", "stratify_by": ["age", "gender"], "days": 3,
    "mandate": "Which three changes would make Kessa's night buses safe enough for you to use?",
    "commitment": "respond to each recommendation",
}


def design_choices() -> list[tuple[str, str, str]]:
    """The six design choices: (choice, the options, what the evidence says)."""
    return [
        ("How many members", "a few dozen to about 150",
         "Climate Assembly UK had 108 members; France's Convention citoyenne pour le climat 150."),
        ("How they are chosen", "; ".join(SELECTIONS),
         "The OECD counts random selection with demographic stratification as a mark of representative deliberation."),
        ("Which traits the draw balances", ", ".join(STRATA),
         "The UK assembly balanced demographics and level of concern about climate change."),
        ("How long they meet", "one day to several weekends",
         "The OECD's minimum is one full day face to face; the UK and French cases met over six weekends."),
        ("The mandate", "one clear question",
         "France: how to cut emissions by at least 40% by 2030 in a spirit of social justice. UK: how to meet net "
         "zero by 2050."),
        ("The commitment", "; ".join(COMMITMENTS),
         "France promised to pass proposals on 'without filter', then set 3 of 149 aside; the UK assembly informed "
         "Parliament's scrutiny, with no promise from the government."),
    ]
