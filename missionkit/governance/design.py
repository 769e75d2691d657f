"""Module 05: governing a mission, the design itself.

Domain logic only (pydantic and pandas; no display code; never prints).

* The vocabularies of a design (body types, sectors, decision rights) and the
  caps on body sizes, each with its source;
* the names of Marenta's organisations (:func:`resolve_name`,
  :func:`organisation_register`; stakeholder register D4, FICTIONAL);
* :class:`GovernanceDesign`: the bodies of a mission (type, members, chair,
  decision rights), who owns each objective, and who holds mission budget;
  :func:`as_design` checks any design given as a dict;
* :func:`raci_matrix`: who is Accountable, Responsible, Consulted or Informed
  for each objective (our proposal for reading a design);
* :func:`marenta_design`: the FICTIONAL Marenta design on the case date.

The rules that check a design are in :mod:`missionkit.governance.rules`, the
exercise checks in :mod:`missionkit.governance.checks`. Source keys are those
of ``missionkit/data/references.csv``.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.feedback import is_blank

__all__ = [
    "BODY_TYPES",
    "FORUM_TYPES",
    "SECTORS",
    "DECISION_RIGHTS",
    "EX_ANTE_RIGHTS",
    "EU_BOARD_CAP",
    "EU_ASSEMBLY_CAP",
    "TEAM_BENCHMARK",
    "MAX_ONE_SECTOR_SHARE",
    "Member",
    "Body",
    "BudgetHolding",
    "GovernanceDesign",
    "as_design",
    "raci_matrix",
    "resolve_name",
    "organisation_register",
    "organisations",
    "decision_rights",
    "sector_of",
    "marenta_design",
    "marenta_budget_holders",
    "design_from_choices",
]

# --------------------------------------------------------------------------- vocabularies and caps
BODY_TYPES = ("steering committee", "coordination forum", "mission board", "mission assembly", "mission team",
              "secretariat", "city mission unit")
BodyType = Literal["steering committee", "coordination forum", "mission board", "mission assembly", "mission team",
                   "secretariat", "city mission unit"]
FORUM_TYPES = ("steering committee", "coordination forum")
"""Bodies where ministries, agencies and cities sit together and decide or align (brief 2.2: high-level
steering; inter-ministerial and multi-level co-ordination). Advisory boards and assemblies are not forums."""

Sector = Literal["public sector", "research", "business", "civil society", "development partner"]
SECTORS: tuple[Sector, ...] = ("public sector", "research", "business", "civil society", "development partner")

Right = Literal["set direction", "approve portfolio", "align budgets", "review progress", "advise", "run day to day"]
DECISION_RIGHTS: dict[Right, str] = {
    "set direction": "sets or changes the mission's targets and priorities",
    "approve portfolio": "approves the portfolio and big budget shifts before money is committed (ex ante)",
    "align budgets": "members line up their own budgets behind the agreed portfolio",
    "review progress": "reads progress reports and evaluations after the fact (ex post)",
    "advise": "gives advice; decides nothing",
    "run day to day": "manages the portfolio and the work between meetings",
}
EX_ANTE_RIGHTS = ("approve portfolio",)

EU_BOARD_CAP = 15  # EU mission boards: up to 15 experts [EU-boards-2019]
EU_ASSEMBLY_CAP = 30  # EU mission assemblies: up to 30 [EU-boards-2019]
TEAM_BENCHMARK = (10, 15)  # German mission teams: 10-15 people [ZS2023]
MAX_ONE_SECTOR_SHARE = 2 / 3
"""OUR PROPOSAL: a board where one sector holds more than two-thirds of the seats counts as one-sector."""

_TYPE_SECTOR = {
    "ministry": "public sector", "city": "public sector", "agency": "public sector",
    "state-owned enterprise": "public sector", "firm": "business", "informal-transport association": "business",
    "university": "research", "NGO": "civil society", "women's group": "civil society",
    "citizens' group": "civil society", "donor": "development partner", "development bank": "development partner",
}


# --------------------------------------------------------------------------- names of Marenta's organisations
def _norm(text: Any) -> str:
    text = str(text).casefold().replace("\u2019", "'")
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    text = re.sub(r"^the ", "", re.sub(r"\s+", " ", text).strip())
    return text


@lru_cache(maxsize=1)
def organisation_register() -> dict[str, dict]:
    """Marenta's organisations (stakeholder register D4, FICTIONAL): name -> type, sector, seat."""
    st = case.load("stakeholders")
    return {r["name"]: {"type": r["type"], "sector": _TYPE_SECTOR.get(r["type"], "public sector"), "seat": r["seat"]}
            for r in st.to_dict("records")}


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    out: dict[str, str] = {}
    parts: dict[str, set[str]] = {}
    for name in organisation_register():
        out[_norm(name)] = name
        m = re.search(r"\(([A-Za-z]{2,8})\)\s*$", name)
        if m:
            out[_norm(m.group(1))] = name
            out[_norm(name[: m.start()])] = name
        if name.endswith(" City Government"):
            city = name[: -len(" City Government")]
            out[_norm(city)] = name
            out[_norm(city + " city")] = name
        if name.startswith("Ministry of "):
            topic = re.sub(r"\s*\([^)]*\)\s*$", "", name[len("Ministry of "):])
            out[_norm(topic + " ministry")] = name
            out[_norm(topic)] = name  # the short names people use: "Transport", "Finance"
            for part in re.split(r",\s*|\s+and\s+", topic):  # "Gender", "Social Affairs", "Industry"
                if part.strip():
                    parts.setdefault(_norm(part), set()).add(name)
                    parts.setdefault(_norm(f"ministry of {part}"), set()).add(name)
    for key, names in parts.items():  # a part that names one ministry only
        if len(names) == 1 and key not in out:
            out[key] = next(iter(names))
    out[_norm("PM Delivery Office")] = "Prime Minister's Delivery Office"
    out[_norm("Delivery Office")] = "Prime Minister's Delivery Office"
    out[_norm("PMDO")] = "Prime Minister's Delivery Office"
    return out


def resolve_name(name: Any) -> str:
    """The register's name for a Marenta organisation ('MoSTI' -> the full name); other names unchanged.

    Matches ignore case, punctuation and a leading "the"; abbreviations in
    brackets, city names and "<topic> ministry" work too, as do close spellings.
    """
    text = str(name).strip()
    key = _norm(text)
    aliases = _aliases()
    if key in aliases:
        return aliases[key]
    close = difflib.get_close_matches(key, list(aliases), n=1, cutoff=0.88)
    return aliases[close[0]] if close else text


def in_register(name: Any) -> bool:
    return resolve_name(name) in organisation_register()


def sector_of(name: Any) -> str | None:
    """The sector of a Marenta organisation (from its type in the register), or None if unknown."""
    info = organisation_register().get(resolve_name(name))
    return info["sector"] if info else None


def organisations(sector: str | None = None, seat: str | None = None, holds_budget: bool | None = None
                  ) -> pd.DataFrame:
    """Marenta's organisations (register D4, FICTIONAL) with their sector, seat and mission-tagged budget.

    Filter by ``sector`` (e.g. "public sector"), ``seat`` ("board", "assembly",
    "none") or ``holds_budget`` (True: only those holding mission-tagged money).
    """
    holders = marenta_budget_holders()
    rows = [{"organisation": n, "type": i["type"], "sector": i["sector"], "seat today": i["seat"],
             "mission budget (MRC m a year)": holders.get(n, {}).get("budget", 0.0)}
            for n, i in organisation_register().items()]
    df = pd.DataFrame(rows).set_index("organisation")
    if sector is not None:
        df = df[df["sector"] == sector]
    if seat is not None:
        df = df[df["seat today"] == seat]
    if holds_budget is not None:
        df = df[(df["mission budget (MRC m a year)"] > 0) == holds_budget]
    return df


def decision_rights() -> pd.DataFrame:
    """The decision rights a body can hold, in plain words."""
    return pd.DataFrame({"what it means": list(DECISION_RIGHTS.values())},
                        index=pd.Index(list(DECISION_RIGHTS), name="decision right"))


def same_organisation(a: Any, b: Any) -> bool:
    """Whether two names mean the same organisation (abbreviations and close spellings count)."""
    return resolve_name(a) == resolve_name(b) or _norm(a) == _norm(b)


# --------------------------------------------------------------------------- the design (pydantic)
class Member(BaseModel):
    """A seat in a body: who holds it and which sector they come from."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(min_length=1)
    sector: Sector

    @model_validator(mode="before")
    @classmethod
    def _from_name(cls, value: Any) -> Any:
        if isinstance(value, str):
            sector = sector_of(value)
            if sector is None:
                raise ValueError(
                    f"say which sector '{value}' comes from: write {{'name': '{value}', 'sector': 'business'}} "
                    f"(sectors: {', '.join(SECTORS)})")
            return {"name": resolve_name(value), "sector": sector}
        if isinstance(value, (tuple, list)) and len(value) == 2:
            return {"name": value[0], "sector": value[1]}
        return value


class Body(BaseModel):
    """A governance body: its type, members (or just a number of seats), chair and decision rights."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1)
    type: BodyType
    members: list[Member] = Field(default_factory=list)
    seats: int | None = Field(default=None, ge=0)
    chair: str | None = None
    decision_rights: list[Right] = Field(default_factory=list)

    @field_validator("decision_rights", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @property
    def size(self) -> int:
        """Number of members: named members if any, else ``seats`` (0 if unknown)."""
        return len(self.members) or (self.seats or 0)

    def sector_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for m in self.members:
            counts[m.sector] = counts.get(m.sector, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], SECTORS.index(kv[0]))))

    def has_member(self, name: str) -> bool:
        return any(same_organisation(m.name, name) for m in self.members)


class BudgetHolding(BaseModel):
    """Mission-tagged money an organisation holds (MRC m a year) and the objectives it serves."""

    model_config = ConfigDict(extra="forbid")
    budget: float = Field(default=0.0, ge=0)
    objectives: list[str] = Field(default_factory=list)


class GovernanceDesign(BaseModel):
    """How a mission is governed: bodies, objective owners and who holds mission budget."""

    model_config = ConfigDict(extra="forbid")
    name: str = "Mission governance"
    owner: str | None = Field(default=None, description="where the mission lives, e.g. the centre of government")
    bodies: list[Body] = Field(default_factory=list)
    objective_owners: dict[str, str | None] = Field(default_factory=dict)
    budget_holders: dict[str, BudgetHolding] = Field(default_factory=dict)

    @field_validator("objective_owners", mode="before")
    @classmethod
    def _owners(cls, value: Any) -> Any:
        if isinstance(value, Mapping):
            return {str(k).strip().upper(): (None if is_blank(v) else str(v).strip()) for k, v in value.items()}
        return value

    @field_validator("budget_holders", mode="before")
    @classmethod
    def _holders(cls, value: Any) -> Any:
        if value is None:
            return {}
        if isinstance(value, (list, tuple, set)):
            return {str(v): {} for v in value}
        if isinstance(value, Mapping):
            return {str(k): ({"budget": v} if isinstance(v, (int, float)) else
                             {"objectives": list(v)} if isinstance(v, (list, tuple)) else v)
                    for k, v in value.items()}
        return value

    @model_validator(mode="after")
    def _unique_names(self) -> GovernanceDesign:
        seen: set[str] = set()
        for b in self.bodies:
            if _norm(b.name) in seen:
                raise ValueError(f"two bodies are called '{b.name}'; give each body its own name")
            seen.add(_norm(b.name))
        return self

    def bodies_of(self, *types: str) -> list[Body]:
        return [b for b in self.bodies if b.type in types]

    def body(self, name: str) -> Body:
        for b in self.bodies:
            if _norm(b.name) == _norm(name):
                return b
        raise MissionkitInputError(f"There is no body called '{name}' in this design",
                                   fix="Use one of: " + ", ".join(b.name for b in self.bodies))

    def forums_of(self, organisation: str) -> list[str]:
        """Names of the co-ordination forums and steering committees the organisation sits in (or chairs)."""
        return [b.name for b in self.bodies_of(*FORUM_TYPES)
                if b.has_member(organisation) or (b.chair is not None and same_organisation(b.chair, organisation))]


def as_design(design: Any) -> GovernanceDesign:
    """The design as a checked :class:`GovernanceDesign`; a dict is validated, a bad one raises MissionkitInputError."""
    if isinstance(design, GovernanceDesign):
        return design
    try:
        return GovernanceDesign.model_validate(design)
    except ValidationError as error:
        first = error.errors()[0]
        where = " > ".join(str(p) for p in first.get("loc", ()))
        msg = first.get("msg", "is not valid").removeprefix("Value error, ")
        raise MissionkitInputError(
            f"The governance design has a problem{f' at {where}' if where else ''}: {msg}",
            fix="Check that part of the design: body types are " + ", ".join(BODY_TYPES)
                + "; decision rights are " + ", ".join(DECISION_RIGHTS)) from None


# --------------------------------------------------------------------------- RACI
RACI = {"A": "accountable (owns the objective)", "R": "responsible (holds mission budget for it)",
        "C": "consulted (sits in a forum with the owner)", "I": "informed (sits on the board)"}


def raci_matrix(design: Any, objectives: Sequence[str] | None = None, budget_holders: Any = None) -> pd.DataFrame:
    """Organisations x objectives: A, R, A/R, C, I or "" (our proposal for reading a design).

    The result is a proposal to negotiate, not a decision: a RACI records roles
    the organisations have agreed, so the owners settle the letters (one A per
    objective; a cell they cannot agree on stays unresolved).

    A = owns the objective; R = holds mission budget serving it; C = sits in a
    forum or steering committee with the objective's owner; I = sits on the
    mission board. Rows: owners, budget holders, forum members and named board
    members.
    """
    d = as_design(design)
    objs = [str(o).upper() for o in (objectives or case.OBJECTIVE_IDS)]
    holders = d.budget_holders if budget_holders is None else GovernanceDesign(
        budget_holders=budget_holders).budget_holders
    rows: list[str] = []

    def add(name: str | None) -> None:
        if name and not any(same_organisation(name, r) for r in rows):
            rows.append(resolve_name(name))

    for code in objs:
        add(d.objective_owners.get(code))
    for name in holders:
        add(name)
    for body in d.bodies_of(*FORUM_TYPES) + d.bodies_of("mission board"):
        if body.chair and in_register(body.chair):
            add(body.chair)
        for m in body.members:
            if in_register(m.name) or body.type in FORUM_TYPES:
                add(m.name)
    board_members = {resolve_name(m.name) for b in d.bodies_of("mission board") for m in b.members}
    table = pd.DataFrame("", index=pd.Index(rows, name="organisation"), columns=objs)
    for code in objs:
        owner = d.objective_owners.get(code)
        owner_forums = set(d.forums_of(owner)) if owner else set()
        for org in rows:
            letters = ""
            if owner and same_organisation(org, owner):
                letters = "A"
            holding = next((h for n, h in holders.items() if same_organisation(n, org)), None)
            if holding is not None and code in holding.objectives:
                letters = "A/R" if letters == "A" else "R"
            if not letters and owner_forums & set(d.forums_of(org)):
                letters = "C"
            if not letters and org in board_members:
                letters = "I"
            table.loc[org, code] = letters
    return table


# --------------------------------------------------------------------------- Marenta (FICTIONAL)
@lru_cache(maxsize=1)
def _case_holders() -> dict[str, dict]:
    p = case.load("policies")
    t = p[(p["mission_tagged"] == "yes") & (p["annual_budget_mrc_m"] > 0)]
    out: dict[str, dict] = {}
    for owner, budget in t.groupby("owner")["annual_budget_mrc_m"].sum().sort_values(ascending=False).items():
        mine = t[(t["owner"] == owner) & (t["direction"] == "supports")]
        objs = sorted({o for cell in mine["objectives"].dropna() for o in str(cell).split(";")})
        out[str(owner)] = {"budget": round(float(budget), 2), "objectives": objs}
    return out


def marenta_budget_holders() -> dict[str, dict]:
    """Who holds Marenta's mission-tagged money (from the policy inventory D1, FICTIONAL)."""
    return {k: dict(v) for k, v in _case_holders().items()}


PMDO = "Prime Minister's Delivery Office"
STEERING = "Mission steering committee"
FORUM = "Mission co-ordination forum"
BOARD = "Mission board"
ASSEMBLY = "Mission assembly"
TEAM = "Mission team"

MARENTA_OWNERS = {"O1": "Ministry of Transport", "O2": "Ministry of Environment", "O3": "Ministry of Transport",
                  "O4": None, "O5": "Ministry of Industry and Trade"}
"""Objective owners on the case date (FICTIONAL): nobody owns O4 Fair access."""


def _seated(seat: str) -> list[Member]:
    return [Member(name=n, sector=i["sector"]) for n, i in organisation_register().items() if i["seat"] == seat]


def marenta_design() -> GovernanceDesign:
    """Marenta's mission governance on the case date, 15 November 2026 (FICTIONAL).

    Modelled on the case sketch (brief 9.2) and the case data: the Prime
    Minister's Delivery Office owns the mission; Transport and Environment
    co-lead; the board (13) and assembly (28) are the seats in the stakeholder
    register; the mission team has 12 officials. As the focus groups and the
    readiness scorecard report, real decisions are taken in budget talks: the
    board and the co-leads' committee only review progress.
    """
    governance: Mapping[str, Any] = case.GOVERNANCE
    return GovernanceDesign(
        name="Marenta mission governance, November 2026 (fictional)",
        owner=PMDO,
        bodies=[
            Body(name=STEERING, type="steering committee", chair=PMDO,
                 members=[Member.model_validate(n) for n in (PMDO, "Ministry of Transport", "Ministry of Environment")],
                 decision_rights=["set direction", "review progress"]),
            Body(name=BOARD, type="mission board", chair=PMDO, members=_seated("board"),
                 decision_rights=["review progress", "advise"]),
            Body(name=ASSEMBLY, type="mission assembly", members=_seated("assembly"), decision_rights=["advise"]),
            Body(name=TEAM, type="mission team", seats=governance["mission_team"], chair=PMDO,
                 decision_rights=["run day to day"]),
            *[Body(name=f"{city} city mission unit", type="city mission unit", chair=f"{city} City Government",
                   decision_rights=["run day to day"]) for city in case.CITIES],
        ],
        objective_owners=dict(MARENTA_OWNERS),
        budget_holders={k: BudgetHolding.model_validate(v) for k, v in marenta_budget_holders().items()},
    )


def design_from_choices(owners: Mapping[str, Any] | None = None, board: Sequence[str] | None = None,
                        forum: Sequence[str] | None = None, ex_ante: bool | None = None,
                        base: GovernanceDesign | None = None) -> GovernanceDesign:
    """Marenta's design with the form's choices applied (what is None stays as in ``base``).

    owners: objective -> organisation (blank = nobody); board: names of board
    members (from the register); forum: members of the co-ordination forum
    (created if the base has none); ex_ante: whether the steering committee
    approves the portfolio before money is committed.
    """
    d = (base or marenta_design()).model_copy(deep=True)
    if owners is not None:
        d.objective_owners = GovernanceDesign(objective_owners=dict(owners)).objective_owners
    if board is not None:
        d.body(BOARD).members = [Member.model_validate(n) for n in board]
    if forum is not None:
        members = [Member.model_validate(n) for n in forum]
        existing = [b for b in d.bodies if b.name == FORUM]
        if not members:
            d.bodies = [b for b in d.bodies if b.name != FORUM]
        elif existing:
            existing[0].members = members
        else:
            d.bodies.insert(1, Body(name=FORUM, type="coordination forum", chair=PMDO, members=members,
                                    decision_rights=["align budgets"]))
    if ex_ante is not None:
        steering = d.body(STEERING)
        rights = [r for r in steering.decision_rights if r not in EX_ANTE_RIGHTS]
        steering.decision_rights = (rights + ["approve portfolio"]) if ex_ante else rights
    return d


