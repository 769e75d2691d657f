"""Real-world facts for module 02 (choosing), read from sourced facts files (``data/facts/choosing-*.yml``).

* :data:`SELECTION_PROCESSES`: how the EU, Japan and Brazil chose their missions;
* :data:`DELIBERATIVE_CASES`: France's Convention citoyenne pour le climat, Climate Assembly UK, the OECD's
  deliberative wave, the EU missions' citizen engagement;
* :data:`LEVERAGE_POINTS`: Meadows's (1999) twelve places to intervene in a system (our examples);
* :data:`MLP_LEVELS`: Geels's multi-level perspective on transitions, in plain words.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd
from pydantic import BaseModel, ConfigDict

from missionkit.facts import FACTS_DIR, load_facts

__all__ = ["Example", "SELECTION_FILE", "DELIBERATION_FILE", "FRAMEWORKS_FILE", "selection_processes",
           "deliberative_cases", "leverage_points", "SELECTION_PROCESSES", "DELIBERATIVE_CASES", "LEVERAGE_POINTS",
           "MLP_LEVELS", "MLP_SOURCE_KEYS", "examples_table", "mlp_table"]

SELECTION_FILE = FACTS_DIR / "choosing-selection.yml"
DELIBERATION_FILE = FACTS_DIR / "choosing-deliberation.yml"
FRAMEWORKS_FILE = FACTS_DIR / "choosing-frameworks.yml"


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    what: str
    example: str
    caution: str
    source_keys: list[str]


@dataclass(frozen=True)
class Example:
    name: str
    what: str
    example: str
    caution: str
    source_keys: tuple[str, ...]


def _load(path) -> tuple[Example, ...]:
    return tuple(Example(e.name, e.what, e.example, e.caution, tuple(e.source_keys)) for e in load_facts(path, _Entry))


@cache
def selection_processes() -> tuple[Example, ...]:
    return _load(SELECTION_FILE)


@cache
def deliberative_cases() -> tuple[Example, ...]:
    return _load(DELIBERATION_FILE)


@cache
def leverage_points() -> tuple[Example, ...]:
    return _load(FRAMEWORKS_FILE)


SELECTION_PROCESSES = selection_processes()
DELIBERATIVE_CASES = deliberative_cases()
LEVERAGE_POINTS = leverage_points()

# Geels's multi-level perspective, in plain words (Geels 2011, going back to Geels 2002).
MLP_LEVELS: tuple[tuple[str, str, str], ...] = (
    ("landscape", "slow, broad pressures no single actor controls",
     "Marenta: fuel prices on world markets, a young and growing urban population, climate change (fictional)."),
    ("regime", "the established way a need is met: technologies, rules, habits, firms, infrastructure and the "
               "beliefs that hold them together, stable and locked in",
     "Marenta: roads built for cars, a fuel subsidy, informal minibuses, the idea that a car means success "
     "(fictional)."),
    ("niches", "protected spaces where radical alternatives are tried by small networks of dedicated actors",
     "Marenta: an electric-bus pilot in Kessa, a bike-sharing start-up, a women-only night minibus (fictional)."),
)
MLP_SOURCE_KEYS = ("geels2011",)


def examples_table(group: str) -> pd.DataFrame:
    """A readable table of one group of facts: "selection", "deliberation" or "leverage"."""
    from missionkit.text import cite

    entries = {"selection": SELECTION_PROCESSES, "deliberation": DELIBERATIVE_CASES,
               "leverage": LEVERAGE_POINTS}.get(group)
    if entries is None:
        raise ValueError("Use one of: selection, deliberation, leverage.")
    if group == "leverage":
        return pd.DataFrame([{"place to intervene (Meadows 1999)": e.name, "what it means": e.what,
                              "a Marenta illustration (ours, fictional)": e.example} for e in entries])
    return pd.DataFrame([{"case": e.name, "how": e.what, "what happened": e.example, "caution": e.caution,
                          "sources": "; ".join(cite(k) for k in e.source_keys)} for e in entries])


def mlp_table() -> pd.DataFrame:
    """Geels's three levels in plain words, with a fictional Marenta illustration."""
    return pd.DataFrame([{"level": lvl, "what it is": what, "illustration": ex} for lvl, what, ex in MLP_LEVELS])
