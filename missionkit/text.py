"""Small text helpers with one home each: lists, percentages, money and citations.

Every module writes its feedback and takeaways with these, so "A, B and C", "12%",
"MRC 641.1m" and a citation read the same everywhere in the course.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

from missionkit import case

__all__ = ["and_list", "pct", "money", "amount", "cite", "cite_full", "cite_short", "cites", "cites_full"]


def and_list(items: Iterable[object]) -> str:
    """``["A", "B", "C"]`` -> ``"A, B and C"``; one item is itself; none is ``""``."""
    words = [str(i) for i in items]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def pct(share: float | None, digits: int = 0) -> str:
    """A share (0.123) as a percentage ("12%"); a missing share (None, NaN) as "n/a"."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "n/a"
    return f"{100 * float(share):.{digits}f}%"


def money(value: float, unit: str = case.MONEY_UNIT) -> str:
    """'MRC 641.1m' or 'MRC 3,850m' for the case's unit; '641.1 <unit>' otherwise."""
    value = float(value)
    text = f"{value:,.0f}" if value >= 100 and value == round(value) else f"{value:,.1f}"
    if unit == case.MONEY_UNIT:
        return f"{case.CURRENCY} {text}m"
    return f"{text} {unit}"


def amount(value: float, unit: str = "") -> str:
    """A number with its unit and no trailing zeros: '960 MRC m', '12.5 MRC m', '1,234.5'."""
    value = float(value)
    text = f"{value:,.2f}" if abs(value) < 1000 else f"{value:,.1f}"
    text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return f"{text} {unit}".strip()


def cite(key: str, form: str = "inline") -> str:
    """A citation of a references.csv key, secondary sources marked.

    ``form`` is ``"inline"`` ("Authors (year), Title, Publisher"), ``"full"`` ("Authors (year).
    Title. Publisher.") or ``"short"`` ("Larrue (2021)"). An unknown key comes back as itself,
    so a missing reference shows in the text.
    """
    from missionkit import catalogue  # imported on first use: the catalogue loads pandera

    return catalogue.citation(key, form, mark_secondary=True, unknown="key")


def cite_full(key: str) -> str:
    """Full citation for a list of sources: "Authors (year). Title. Publisher." (secondary sources marked)."""
    return cite(key, "full")


def cite_short(key: str) -> str:
    """Author or publisher and year, for tables: "Larrue (2021)", "Wittmann et al. (2020)"."""
    return cite(key, "short")


def cites(*keys: str) -> list[str]:
    """Inline citations of several keys, in order."""
    return [cite(k) for k in keys]


def cites_full(*keys: str) -> list[str]:
    """Full citations of several keys, in order."""
    return [cite_full(k) for k in keys]
