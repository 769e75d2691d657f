"""Module 09: instruments for a mission's problems, with real cases (facts) and the course's fit rules.

``INSTRUMENT_GUIDE`` is read from ``data/facts/financing-instruments.yml`` (each entry with its
sources and status). ``PROBLEMS`` are two stated problems from the Marenta case (FICTIONAL): one
worked in the lesson, one asked in the exercise. For each, every instrument is rated ``best``,
``defensible`` or ``poor``, with the reason (OUR PROPOSAL: the course's reading of when each
instrument fits, from the sources in the guide).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from missionkit.data import DATA_DIR
from missionkit.facts import load_facts

__all__ = ["INSTRUMENTS_FILE", "InstrumentFact", "load_instrument_guide", "INSTRUMENT_GUIDE", "INSTRUMENT_NAMES",
           "Problem", "PROBLEM_LESSON", "PROBLEM_EXERCISE", "PROBLEMS", "instrument_table"]

INSTRUMENTS_FILE = DATA_DIR / "facts" / "financing-instruments.yml"


class InstrumentFact(BaseModel):
    """One instrument, as written in the facts file."""

    model_config = ConfigDict(extra="forbid")
    instrument: str = Field(min_length=1)
    side: str = Field(pattern=r"^(supply|demand|rules|provision)$")
    what: str = Field(min_length=1)
    fits_when: str = Field(min_length=1)
    public_gets_back: str = Field(min_length=1)
    case: str = Field(min_length=1)
    source_keys: list[str]
    status: str = Field(pattern=r"^(confirmed|secondary|unconfirmed)$")


@cache
def load_instrument_guide(path: Path = INSTRUMENTS_FILE) -> tuple[InstrumentFact, ...]:
    """The instruments from their facts file, checked."""
    fix = ("Correct that entry in the facts file: each needs instrument, side, what, fits_when, public_gets_back, "
           "case, source_keys (a list) and status")
    return tuple(load_facts(path, InstrumentFact, fix))


INSTRUMENT_GUIDE: tuple[InstrumentFact, ...] = load_instrument_guide()
INSTRUMENT_NAMES: tuple[str, ...] = tuple(f.instrument for f in INSTRUMENT_GUIDE)


@dataclass(frozen=True)
class Problem:
    key: str
    title: str
    text: str
    ratings: dict[str, tuple[str, str]]  # instrument -> (best | defensible | poor, reason)
    stage_words: tuple[str, ...]  # words showing the answer read the problem's stage
    buyer_words: tuple[str, ...]  # words showing the answer read who acts or pays
    model_answer: str

    def rating(self, instrument: str) -> tuple[str, str]:
        return self.ratings.get(instrument, ("poor", "It does not fit this problem."))

    @property
    def best(self) -> list[str]:
        return [i for i, (r, _) in self.ratings.items() if r == "best"]


_NO_PRODUCT = "no product exists yet"
PROBLEM_EXERCISE = Problem(
    key="minibus-emissions",
    title="Finding the most polluting minibuses (FICTIONAL)",
    text=("The Ministry of Environment wants to find, at the roadside, the minibuses that pollute most, so it can "
          "target repairs and fines. No product on the market does this cheaply at scale. Two Marentan start-ups "
          "and the Marenta Institute of Technology have lab prototypes (TRL 4). The ministry would be the main "
          "buyer of a working system."),
    ratings={
        "pre-commercial procurement": ("best", "The ministry needs something that does not exist yet and would be "
                                       "its first buyer: buying R&D from several competing suppliers, in phases, "
                                       "compares approaches and drops the weak ones."),
        "small-business research programme": ("best", "An SBIR- or SBRI-style contract is procurement of R&D from "
                                              "small firms, in phases, with the ministry as lead customer."),
        "challenge prize": ("defensible", "A prize pays only for success and draws many solvers, but the target "
                            "must be measured exactly, and the ministry still has to buy the system afterwards."),
        "grant": ("defensible", "A research grant helps the prototypes mature, but it gives no pull from a "
                  "buyer and lets the researchers, not the ministry, set the specification."),
        "public procurement of innovation": ("poor", "PPI buys solutions that are nearly or already on the market; "
                                             f"here {_NO_PRODUCT} (TRL 4), so new R&D is needed first."),
        "regulation or standard": ("poor", "A rule cannot require a device that does not exist; an emission "
                                   "standard comes after a working, affordable test."),
        "regulatory sandbox": ("poor", "No rule blocks the prototypes; what is missing is development, not "
                               "permission."),
        "loan": ("poor", "Nothing will earn revenue to repay a loan until a product exists and has a buyer."),
        "guarantee": ("poor", "A guarantee lowers lenders' risk; no lender is being asked to lend here."),
        "equity": ("poor", "A stake in one start-up backs one approach before anyone knows which works."),
        "public provision": ("poor", "The ministry could build a system itself, but it has no R&D capacity and "
                             "would forgo the competing approaches."),
    },
    stage_words=("exist", "prototype", "trl", "not on the market", "no product", "nothing on the market", "r&d",
                 "research", "develop", "not ready", "lab"),
    buyer_words=("buyer", "buy", "customer", "ministry", "public sector", "procure", "purchase", "demand", "need"),
    model_answer=("Pre-commercial procurement. No product exists yet (the prototypes are at TRL 4), so the ministry "
                  "should buy the R&D rather than the product: three suppliers for a design phase, two for "
                  "prototypes, one or two for a field test on 500 minibuses. It is the future buyer, so it can "
                  "set the specification (cost per test, accuracy), and the competition keeps prices honest. "
                  "The risk is paying for R&D that fails: the phases cap that loss. If a system works, a normal "
                  "tender (or public procurement of innovation) buys it at scale, and an emission standard can "
                  "follow."),
)

PROBLEM_LESSON = Problem(
    key="helmets",
    title="Helmets on motorbike taxis (FICTIONAL)",
    text=("Most motorbike-taxi passengers in Kessa ride without a helmet. Certified helmets are sold in every "
          "market for about MRC 300, but riders see no reason to carry a second one."),
    ratings={
        "regulation or standard": ("best", "A cheap, proven product exists; the market will not adopt it unless "
                                   "everyone must. A rule with enforcement makes it the norm."),
        "public provision": ("defensible", "Handing out helmets speeds things up, but without a rule few are "
                             "carried."),
        "grant": ("poor", "There is nothing to research."),
        "pre-commercial procurement": ("poor", "No R&D is needed: the product exists."),
    },
    stage_words=("exist", "cheap", "sold", "proven", "available"),
    buyer_words=("rule", "require", "enforce", "everyone", "law"),
    model_answer=("A rule, enforced: passengers must wear a certified helmet. The product exists and is cheap; "
                  "what is missing is a reason for everyone to use it."),
)

PROBLEMS = {p.key: p for p in (PROBLEM_LESSON, PROBLEM_EXERCISE)}


def instrument_table() -> pd.DataFrame:
    """The guide as a readable table: instrument, side, fits when, what the public gets back, real case, status."""
    return pd.DataFrame([{"instrument": f.instrument, "side": f.side, "fits when": f.fits_when,
                          "the public gets back": f.public_gets_back, "real case": f.case, "status": f.status}
                         for f in INSTRUMENT_GUIDE]).set_index("instrument")
