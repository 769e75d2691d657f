"""Module 09: reading the participant's answers (from forms or from an answer cell) into clean values.

Amounts may be typed as numbers or text ("12", "12.5", "12,5", "1,200", "MRC 40m"); a blank box is 0.
Anything else raises :class:`~missionkit.errors.MissionkitInputError` saying which box, and how to fix it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.feedback import is_blank
from missionkit.financing.plan import PLAN_EXERCISE, Scenario

__all__ = ["amount", "plan_from_answer", "codes_from_answer", "budget_lines"]


def budget_lines():
    """D9, the mission's budget lines (FICTIONAL), validated."""
    return case.load("budget_lines")


def amount(value: Any, where: str) -> float:
    """A money amount in MRC m from a number or text; blank is 0."""
    if is_blank(value):
        return 0.0
    if isinstance(value, bool):
        raise MissionkitInputError(f"{where}: \u201c{value}\u201d is not an amount",
                                   fix="Type a number of millions of crowns, e.g. 40.")
    if isinstance(value, (int, float)):
        x = float(value)
    else:
        text = str(value).strip().lower().replace("mrc", "").replace("m", "").strip()
        if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", text):
            text = text.replace(",", "")
        else:
            text = text.replace(",", ".")
        try:
            x = float(text)
        except ValueError:
            raise MissionkitInputError(f"{where}: \u201c{value}\u201d is not an amount",
                                       fix="Type a number of millions of crowns, e.g. 40 or 12.5.") from None
    if x != x or x < 0:
        raise MissionkitInputError(f"{where}: \u201c{value}\u201d is not an amount we can use",
                                   fix="Type a positive number of millions of crowns, or leave the box empty.")
    return x


def plan_from_answer(answer: Any, scenario: Scenario = PLAN_EXERCISE) -> dict[str, dict[str, float]]:
    """``{component: {source: amount}}`` with every component and source of the scenario (blank = 0)."""
    if is_blank(answer):
        return {c.code: {s.code: 0.0 for s in scenario.sources} for c in scenario.components}
    if not isinstance(answer, Mapping):
        raise MissionkitInputError("The financing plan is not a table of amounts",
                                   fix="Fill in the boxes of the form: one amount per component and source.")
    unknown = [k for k in answer if k not in {c.code for c in scenario.components}]
    if unknown:
        raise MissionkitInputError(f"\u201c{unknown[0]}\u201d is not a component of this plan",
                                   fix="Use the components listed: " + ", ".join(c.code for c in scenario.components)
                                   + ".")
    out = {}
    for c in scenario.components:
        row = answer.get(c.code) or {}
        if not isinstance(row, Mapping):
            row = {}
        bad = [k for k in row if k not in {s.code for s in scenario.sources}]
        if bad:
            raise MissionkitInputError(f"{c.name}: \u201c{bad[0]}\u201d is not a source of money in this plan",
                                       fix="Use the sources listed: " + ", ".join(s.code for s in scenario.sources)
                                       + ".")
        out[c.code] = {s.code: amount(row.get(s.code), f"{c.name}, {s.name}") for s in scenario.sources}
    return out


def codes_from_answer(answer: Any, allowed: Iterable[str], what: str) -> list[str]:
    """A list of codes (ticked boxes) from a list, a set or one text; unknown codes raise a plain error."""
    allowed = tuple(allowed)
    if is_blank(answer):
        return []
    items = [answer] if isinstance(answer, str) else list(answer) if isinstance(answer, (list, tuple, set)) else None
    if items is None:
        raise MissionkitInputError(f"The {what} are not a list", fix="Tick the boxes in the form.")
    out: list[str] = []
    for item in items:
        for part in re.split(r"[;,]", str(item)):
            p = part.strip().lower()
            if not p:
                continue
            if p not in allowed:
                raise MissionkitInputError(f"\u201c{part.strip()}\u201d is not one of the {what}",
                                           fix="Use: " + ", ".join(allowed) + ".")
            if p not in out:
                out.append(p)
    return out
