"""Module 04: governing a mission.

Domain logic only (pydantic and pandas; no display code; never prints).

* The OECD's three dimensions of mission governance and their typical
  challenges (:func:`oecd_dimensions`; GGSD 2022 Table 3, adapted from the
  OECD MOIP Online Toolkit), and real structures with their sizes
  (:func:`real_structures`; brief 2.2, each with its source and status).
* :class:`GovernanceDesign`: the bodies of a mission (type, members, chair,
  decision rights), who owns each objective, and who holds mission budget.
  :func:`marenta_design` is the FICTIONAL Marenta design on the case date.
* :func:`check_design`: rules a trainer can read. Each rule is a small named
  function with its source (:data:`RULES`, :func:`rules`); each returns
  :class:`Finding` objects that explain themselves.
* :func:`raci_matrix`: who is Accountable, Responsible, Consulted or Informed
  for each objective (our proposal for reading a design).
* The exercise checks (``check_*``), returning formative
  :class:`~missionkit.feedback.Feedback`.

Source keys are those of ``missionkit/data/references.csv``.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from missionkit import case, catalogue
from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, is_blank
from missionkit.text import and_list, cite, money

__all__ = [
    "DIMENSIONS",
    "oecd_dimensions",
    "real_structures",
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
    "Finding",
    "Rule",
    "RULES",
    "rules",
    "check_design",
    "findings_table",
    "raci_matrix",
    "resolve_name",
    "organisations",
    "decision_rights",
    "sector_of",
    "marenta_design",
    "marenta_budget_holders",
    "design_from_choices",
    "exercise_design",
    "CHALLENGES",
    "check_dimensions",
    "check_objective_owners",
    "check_board",
    "check_forum",
    "check_decision_rights",
    "check_exercise_design",
]

# --------------------------------------------------------------------------- sources
def _status(keys: Sequence[str]) -> str:
    refs = catalogue.references().set_index("key")
    rows = [refs.loc[k] if k in refs.index else {} for k in keys]
    if any(r.get("secondary") == "yes" for r in rows):
        return "secondary source"
    if any(r.get("verified") != "yes" for r in rows):
        return "from earlier notes, not re-checked"
    return "re-checked"


# --------------------------------------------------------------------------- the OECD's three dimensions
DIMENSIONS: dict[str, dict[str, Any]] = {
    "strategic orientation": {
        "achieve": "Set a shared, legitimate direction and targets.",
        "challenges": (
            "Consult citizens in a way that actually shapes decisions",
            "Bring in actors who are not usually involved",
            "Build ownership beyond one ministry",
            "Define the problem neutrally, so social or behavioural solutions are not ruled out",
            "Resist creating too many missions",
            "Write clear, measurable goals with milestones",
            "Avoid a scatter of small, piecemeal fixes",
        ),
    },
    "policy co-ordination": {
        "achieve": "Line up actors, budgets and instruments behind the goal.",
        "challenges": (
            "Co-ordinate across more ministries and levels of government",
            "Keep co-ordination costs, and mission fatigue, down",
            "Stop missions becoming new silos",
            "Share leadership with the sector ministries",
            "Use governance bodies to steer before decisions are made, not only to review afterwards",
            "Keep focus when delivery is decentralised",
        ),
    },
    "policy implementation": {
        "achieve": "Fund and deliver a coherent mix of actions.",
        "challenges": (
            "Find money beyond STI budgets",
            "Bring in private investment",
            "Link supply-push with demand-pull",
            "Reach beyond STI instruments to regulation, pricing and procurement",
            "Build the skills and capacity to manage a portfolio",
        ),
    },
}
"""The OECD's three dimensions [CSTP-poster][Larrue2021] and their typical challenges, paraphrased from
Table 3 of the GGSD 2022 issue note, adapted from the OECD MOIP Online Toolkit [GGSD2022][MOIP-toolkit]."""

DIMENSION_SOURCES = ("cstp-poster", "larrue2021", "ggsd2022", "moip-toolkit")


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


@dataclass(frozen=True)
class _Structure:
    layer: str
    where: str
    what: str
    size: str
    sources: tuple[str, ...]
    flag: str = ""


_STRUCTURES: tuple[_Structure, ...] = (
    _Structure("High-level political steering", "EU",
               "At launch (29 Sept 2021) the five missions sat under nine members of the College of Commissioners; "
               "in 2023 the Commission invited Member States to name high-level representatives.",
               "9 Commissioners", ("eu-com2021", "eu-2yrs")),
    _Structure("High-level political steering", "Brazil",
               "Nova Indústria Brasil is steered by the National Council for Industrial Development (CNDI), chaired "
               "by the Vice-President, who is also the industry minister.",
               "20 ministries, BNDES, 21 sector and 16 civil-society entities",
               ("br-mobiletime", "br-nib-notes"),
               "composition reported two ways (the notes say 21 civil-society, productive-sector and worker bodies)"),
    _Structure("High-level political steering", "Korea",
               "K-Moonshot is co-ordinated through mission task forces, a ministers' meeting on science and "
               "technology, and the National AI Strategy Committee, which approved the strategy in February 2026.",
               "", ("kr-chosun2025", "kr-chosun2026")),
    _Structure("Advisory boards and assemblies", "EU",
               "Mission boards of independent experts, appointed for up to 18 months, meeting at least four times a "
               "year; mission assemblies as a wider pool of ideas.",
               "boards up to 15; assemblies up to 30", ("eu-boards-2019",)),
    _Structure("Advisory boards and assemblies", "UK",
               "Mission boards; in December 2024 the government said outside leaders from business, charities and "
               "public services would be invited to join them.", "", ("uk-uktimes",)),
    _Structure("Mission teams and programme directors", "Germany",
               "Mission teams of the Future Strategy, set up on 25 May 2023, staffed from several ministries and "
               "co-led by two or three of them.", "10-15 people per team", ("zs2023",)),
    _Structure("Mission teams and programme directors", "Korea",
               "One programme director (PD) per national mission, with strong authority to co-ordinate existing "
               "projects and plan new large ones; appointed on 27 May.", "12 PDs",
               ("kr-digitaltoday", "kr-chosun2026"), "the year of appointment (taken to be 2026) is unconfirmed"),
    _Structure("Back offices and secretariats", "EU",
               "In 2023 the Commission proposed a joint back office for all missions.", "",
               ("eu-2yrs",)),
    _Structure("Back offices and secretariats", "Norway",
               "For the feed mission, the preparatory group proposed a government-appointed board, an advisory "
               "forum and a permanent secretariat; the Research Council and Innovation Norway act as secretariat.",
               "", ("no-ltp",)),
    _Structure("Inter-ministerial and multi-level co-ordination", "Austria",
               "A working group of the national RTI Task Force co-ordinates EU missions, with Mission Action Groups "
               "for each mission area.", "", ("at-mal",)),
)


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


# --------------------------------------------------------------------------- vocabularies and caps
BODY_TYPES = ("steering committee", "coordination forum", "mission board", "mission assembly", "mission team",
              "secretariat", "city mission unit")
BodyType = Literal["steering committee", "coordination forum", "mission board", "mission assembly", "mission team",
                   "secretariat", "city mission unit"]
FORUM_TYPES = ("steering committee", "coordination forum")
"""Bodies where ministries, agencies and cities sit together and decide or align (brief 2.2: high-level
steering; inter-ministerial and multi-level co-ordination). Advisory boards and assemblies are not forums."""

SECTORS = ("public sector", "research", "business", "civil society", "development partner")
Sector = Literal["public sector", "research", "business", "civil society", "development partner"]

DECISION_RIGHTS: dict[str, str] = {
    "set direction": "sets or changes the mission's targets and priorities",
    "approve portfolio": "approves the portfolio and big budget shifts before money is committed (ex ante)",
    "align budgets": "members line up their own budgets behind the agreed portfolio",
    "review progress": "reads progress reports and evaluations after the fact (ex post)",
    "advise": "gives advice; decides nothing",
    "run day to day": "manages the portfolio and the work between meetings",
}
Right = Literal["set direction", "approve portfolio", "align budgets", "review progress", "advise", "run day to day"]
EX_ANTE_RIGHTS = ("approve portfolio",)

EU_BOARD_CAP = 15  # EU mission boards: up to 15 experts [EU-boards-2019]
EU_ASSEMBLY_CAP = 30  # EU mission assemblies: up to 30 [EU-boards-2019]
TEAM_BENCHMARK = (10, 15)  # German mission teams: 10-15 people [ZS2023]
MAX_ONE_SECTOR_SHARE = 2 / 3
"""OUR PROPOSAL: a board where one sector holds more than two-thirds of the seats counts as one-sector."""

_SECTOR_PROSE = {"development partner": "development partners"}


def _sectors_prose(sectors: Sequence[str]) -> str:
    return and_list([_SECTOR_PROSE.get(s, s) for s in sectors])


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
def _register() -> dict[str, dict]:
    """Marenta's organisations (stakeholder register D4, FICTIONAL): name -> type, sector, seat."""
    st = case.load("stakeholders")
    return {r["name"]: {"type": r["type"], "sector": _TYPE_SECTOR.get(r["type"], "public sector"), "seat": r["seat"]}
            for r in st.to_dict("records")}


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    out: dict[str, str] = {}
    for name in _register():
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
            topic = name[len("Ministry of "):]
            out[_norm(topic + " ministry")] = name
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
    return resolve_name(name) in _register()


def sector_of(name: Any) -> str | None:
    """The sector of a Marenta organisation (from its type in the register), or None if unknown."""
    info = _register().get(resolve_name(name))
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
            for n, i in _register().items()]
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


def _same(a: Any, b: Any) -> bool:
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
        return any(_same(m.name, name) for m in self.members)


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
                if b.has_member(organisation) or (b.chair is not None and _same(b.chair, organisation))]


def _design(design: Any) -> GovernanceDesign:
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


# --------------------------------------------------------------------------- findings and rules
@dataclass(frozen=True)
class Finding:
    """What a rule found: a problem to fix, or a note to discuss. It explains itself."""

    rule: str
    severity: Literal["problem", "note"]
    title: str
    explanation: str
    fix: str
    source: str
    subject: str = ""

    def text(self) -> str:
        return f"{self.title}. {self.explanation} What to do: {self.fix}"


@dataclass(frozen=True)
class _Context:
    objectives: tuple[str, ...]
    budget_holders: dict[str, BudgetHolding]


@dataclass(frozen=True)
class Rule:
    """A rule of good mission governance: a question, the function that checks it, and its source."""

    name: str
    question: str
    check: Callable[[GovernanceDesign, _Context], list[Finding]]
    sources: tuple[str, ...]
    note: str = ""

    @property
    def source(self) -> str:
        return "; ".join(cite(k) for k in self.sources) + (f" ({self.note})" if self.note else "")


def every_objective_has_an_owner(design: GovernanceDesign, ctx: _Context) -> list[Finding]:
    """Each objective has one named owner who is accountable for it."""
    out = []
    for code in ctx.objectives:
        owner = design.objective_owners.get(code)
        if is_blank(owner):
            name = case.OBJECTIVES.get(code, {}).get("name")
            label = f"{code} {name}" if name else code
            out.append(Finding(
                "every_objective_has_an_owner", "problem", f"{label} has no owner",
                f"Nobody is accountable for {label}: no ministry, agency or city answers for its target, so it "
                "will lose every budget argument.",
                f"Name one organisation that owns {code} and will report on it; it can co-lead with others.",
                RULES_BY_NAME["every_objective_has_an_owner"].source, code))
    for code in design.objective_owners:
        if code not in ctx.objectives:
            out.append(Finding(
                "every_objective_has_an_owner", "note", f"{code} is not one of the mission's objectives",
                f"The design names an owner for {code}, but the mission's objectives are {', '.join(ctx.objectives)}.",
                "Check the objective code.", RULES_BY_NAME["every_objective_has_an_owner"].source, code))
    return out


def budget_holders_sit_in_a_forum(design: GovernanceDesign, ctx: _Context) -> list[Finding]:
    """Every organisation that holds mission budget sits in a co-ordination forum or steering committee."""
    holders = ctx.budget_holders
    if not holders:
        return []
    outside = [(name, h) for name, h in holders.items() if not design.forums_of(name)]
    if not outside:
        return []
    total = sum(h.budget for h in holders.values())
    out_total = sum(h.budget for _, h in outside)
    share = f", {out_total / total:.0%} of the mission-tagged budget" if total else ""
    listed = [f"{name} ({money(h.budget)})" if h.budget else name for name, h in outside]
    forums = design.bodies_of(*FORUM_TYPES)
    where = (f"The {'forum' if len(forums) == 1 else 'forums'} ({and_list([f.name for f in forums])}) "
             f"{'does' if len(forums) == 1 else 'do'} not include them" if forums
             else "The design has no co-ordination forum or steering committee at all")
    return [Finding(
        "budget_holders_sit_in_a_forum", "problem",
        f"{len(outside)} of {len(holders)} organisations holding mission budget sit in no co-ordination forum",
        f"{and_list(listed)} hold mission money{f' ({money(out_total)}{share})' if out_total else ''}, but nobody "
        f"lines up their spending with the others. {where}.",
        "Give each of them a seat in the co-ordination forum (or the steering committee), where budgets are "
        "aligned before they are spent.",
        RULES_BY_NAME["budget_holders_sit_in_a_forum"].source, "; ".join(n for n, _ in outside))]


def board_is_not_one_sector(design: GovernanceDesign, ctx: _Context) -> list[Finding]:
    """No sector holds more than two-thirds of a mission board's seats."""
    out = []
    for board in design.bodies_of("mission board"):
        counts = board.sector_counts()
        if not counts:
            continue
        top, n = next(iter(counts.items()))
        size = len(board.members)
        if n / size > MAX_ONE_SECTOR_SHARE:
            missing = [s for s in SECTORS if s not in counts]
            out.append(Finding(
                "board_is_not_one_sector", "problem", f"{board.name} is mostly one sector",
                f"{n} of {size} seats ({n / size:.0%}) go to the {top}"
                + (f"; nobody comes from {_sectors_prose(missing)}" if missing else "")
                + ". A board of the organisations it should challenge cannot give independent advice, and the "
                  "people the mission must reach are not heard.",
                "Bring in members from outside the " + top
                + (f", for example from {_sectors_prose(missing[:3])}" if missing else "") + ".",
                RULES_BY_NAME["board_is_not_one_sector"].source, board.name))
    return out


def sizes_within_caps(design: GovernanceDesign, ctx: _Context) -> list[Finding]:
    """Boards have at most 15 members and assemblies at most 30 (EU caps); teams of 10-15 are a benchmark."""
    out = []
    src = RULES_BY_NAME["sizes_within_caps"].source
    for body, cap, what in ([(b, EU_BOARD_CAP, "board") for b in design.bodies_of("mission board")]
                            + [(b, EU_ASSEMBLY_CAP, "assembly") for b in design.bodies_of("mission assembly")]):
        if body.size > cap:
            out.append(Finding(
                "sizes_within_caps", "problem", f"{body.name} has {body.size} members, more than {cap}",
                f"EU mission {what}s have up to {cap} members. A larger {what} meets less often, talks longer and "
                "decides less.",
                f"Cut it to {cap} or fewer; give the others a place in the "
                + ("mission assembly or a working group." if what == "board" else "working groups or consultations."),
                src, body.name))
    lo, hi = TEAM_BENCHMARK
    for team in design.bodies_of("mission team"):
        if team.size and not lo <= team.size <= hi:
            out.append(Finding(
                "sizes_within_caps", "note", f"{team.name} has {team.size} people",
                f"German mission teams have {lo}-{hi} people from several ministries; this is a benchmark, not a "
                "rule.", "Check that the team can run the portfolio between meetings.", src, team.name))
    return out


def portfolio_is_steered_ex_ante(design: GovernanceDesign, ctx: _Context) -> list[Finding]:
    """Some body approves the portfolio and big budget shifts before money is committed (ex ante)."""
    if any(r in EX_ANTE_RIGHTS for b in design.bodies for r in b.decision_rights):
        return []
    reviewers = [b.name for b in design.bodies if "review progress" in b.decision_rights]
    said = (f"{and_list(reviewers)} only review{'s' if len(reviewers) == 1 else ''} progress after the fact (ex post)"
            if reviewers else "No body reviews the portfolio at all")
    return [Finding(
        "portfolio_is_steered_ex_ante", "problem", "Nobody approves the portfolio before money is committed",
        f"{said}. Decisions are then taken elsewhere, for example in budget talks, and the mission's bodies only "
        "read about them.",
        "Give the steering committee (or another body with the owners of the budgets in it) the right to approve "
        "the portfolio and big budget shifts before money is committed.",
        RULES_BY_NAME["portfolio_is_steered_ex_ante"].source)]


RULES: tuple[Rule, ...] = (
    Rule("every_objective_has_an_owner", "Does every objective have an owner?", every_objective_has_an_owner,
         ("mal-gov", "ggsd2022"), "our synthesis"),
    Rule("budget_holders_sit_in_a_forum", "Does every body that holds mission budget sit in a co-ordination forum?",
         budget_holders_sit_in_a_forum, ("ggsd2022", "mal-gov"), "our synthesis"),
    Rule("board_is_not_one_sector", "Is the mission board drawn from more than one sector?",
         board_is_not_one_sector, ("ggsd2022", "uk-uktimes", "eu-boards-2019"), "two-thirds threshold: our proposal"),
    Rule("sizes_within_caps", "Are the board (at most 15) and the assembly (at most 30) within the EU caps?",
         sizes_within_caps, ("eu-boards-2019", "zs2023")),
    Rule("portfolio_is_steered_ex_ante", "Does some body approve the portfolio before money is committed?",
         portfolio_is_steered_ex_ante, ("ggsd2022", "eu-board-tasks"), "our synthesis"),
)
RULES_BY_NAME = {r.name: r for r in RULES}


def rules() -> pd.DataFrame:
    """The rules as a table a trainer can read: the question each asks and its source."""
    return pd.DataFrame(
        {"question": [r.question for r in RULES], "source": [r.source for r in RULES]},
        index=pd.Index([r.name for r in RULES], name="rule"),
    )


def check_design(design: Any, objectives: Sequence[str] | None = None,
                 budget_holders: Any = None) -> list[Finding]:
    """Run every rule on ``design``; return the findings (problems first). An empty list means all rules hold.

    ``objectives`` defaults to Marenta's O1-O5; ``budget_holders`` (a list of
    names, or name -> budget, or name -> {"budget", "objectives"}, as
    :func:`missionkit.scanning.scan.budget_holders` gives) defaults to the design's own.
    """
    d = _design(design)
    holders = d.budget_holders
    if budget_holders is not None:
        holders = GovernanceDesign(budget_holders=budget_holders).budget_holders
    ctx = _Context(tuple(str(o).upper() for o in (objectives or case.OBJECTIVE_IDS)), holders)
    found = [f for rule in RULES for f in rule.check(d, ctx)]
    return sorted(found, key=lambda f: f.severity != "problem")


def findings_table(findings: Sequence[Finding]) -> pd.DataFrame:
    """Findings as a table: severity, finding, why, what to do, rule and source."""
    return pd.DataFrame(
        {
            "severity": [f.severity for f in findings],
            "finding": [f.title for f in findings],
            "why": [f.explanation for f in findings],
            "what to do": [f.fix for f in findings],
            "rule": [f.rule for f in findings],
        },
        index=pd.RangeIndex(1, len(findings) + 1, name="#"),
    )


# --------------------------------------------------------------------------- RACI
RACI = {"A": "accountable (owns the objective)", "R": "responsible (holds mission budget for it)",
        "C": "consulted (sits in a forum with the owner)", "I": "informed (sits on the board)"}


def raci_matrix(design: Any, objectives: Sequence[str] | None = None, budget_holders: Any = None) -> pd.DataFrame:
    """Organisations x objectives: A, R, A/R, C, I or "" (our proposal for reading a design).

    A = owns the objective; R = holds mission budget serving it; C = sits in a
    forum or steering committee with the objective's owner; I = sits on the
    mission board. Rows: owners, budget holders, forum members and named board
    members.
    """
    d = _design(design)
    objs = [str(o).upper() for o in (objectives or case.OBJECTIVE_IDS)]
    holders = d.budget_holders if budget_holders is None else GovernanceDesign(
        budget_holders=budget_holders).budget_holders
    rows: list[str] = []

    def add(name: str | None) -> None:
        if name and not any(_same(name, r) for r in rows):
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
            if owner and _same(org, owner):
                letters = "A"
            holding = next((h for n, h in holders.items() if _same(n, org)), None)
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
    return [Member(name=n, sector=i["sector"]) for n, i in _register().items() if i["seat"] == seat]


def marenta_design() -> GovernanceDesign:
    """Marenta's mission governance on the case date, 15 November 2026 (FICTIONAL).

    Modelled on the case sketch (brief 9.2) and the case data: the Prime
    Minister's Delivery Office owns the mission; Transport and Environment
    co-lead; the board (13) and assembly (28) are the seats in the stakeholder
    register; the mission team has 12 officials. As the focus groups and the
    readiness scorecard report, real decisions are taken in budget talks: the
    board and the co-leads' committee only review progress.
    """
    return GovernanceDesign(
        name="Marenta mission governance, November 2026 (fictional)",
        owner=PMDO,
        bodies=[
            Body(name=STEERING, type="steering committee", chair=PMDO,
                 members=[PMDO, "Ministry of Transport", "Ministry of Environment"],
                 decision_rights=["set direction", "review progress"]),
            Body(name=BOARD, type="mission board", chair=PMDO, members=_seated("board"),
                 decision_rights=["review progress", "advise"]),
            Body(name=ASSEMBLY, type="mission assembly", members=_seated("assembly"), decision_rights=["advise"]),
            Body(name=TEAM, type="mission team", seats=case.GOVERNANCE["mission_team"], chair=PMDO,
                 decision_rights=["run day to day"]),
            *[Body(name=f"{city} city mission unit", type="city mission unit", chair=f"{city} City Government",
                   decision_rights=["run day to day"]) for city in case.CITIES],
        ],
        objective_owners=dict(MARENTA_OWNERS),
        budget_holders=marenta_budget_holders(),
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


# --------------------------------------------------------------------------- exercise checks
_DIM_SYNONYMS = {
    "strategic orientation": "strategic orientation", "orientation": "strategic orientation",
    "strategy": "strategic orientation", "strategic": "strategic orientation",
    "policy coordination": "policy co-ordination", "policy co ordination": "policy co-ordination",
    "coordination": "policy co-ordination", "co ordination": "policy co-ordination",
    "policy implementation": "policy implementation", "implementation": "policy implementation",
}

CHALLENGES: dict[str, tuple[str, str]] = {
    "Write clear, measurable goals with milestones": (
        "strategic orientation", "Setting the goal and its milestones is the core of strategic orientation."),
    "Consult citizens in a way that actually shapes decisions": (
        "strategic orientation", "Citizens shape the direction and the targets: strategic orientation."),
    "Stop missions becoming new silos": (
        "policy co-ordination", "Silos are a co-ordination failure between ministries and missions."),
    "Use governance bodies to steer before decisions are made, not only to review afterwards": (
        "policy co-ordination", "It is about how bodies line up ministries' decisions: policy co-ordination."),
    "Find money beyond STI budgets": (
        "policy implementation", "Funding the mix of actions is implementation; it is where the STI trap bites."),
    "Link supply-push with demand-pull": (
        "policy implementation", "Choosing and combining instruments is implementation."),
}
"""Typical challenges to sort (paraphrased from OECD 2022, Table 3); the answer is the dimension the OECD lists."""

_CHALLENGE_MISTAKES = {
    ("Use governance bodies to steer before decisions are made, not only to review afterwards",
     "strategic orientation"): "It sounds strategic, but the OECD lists it under policy co-ordination: it is about "
                               "bodies lining up ministries' decisions before they are taken.",
    ("Find money beyond STI budgets", "policy co-ordination"): "Budgets must be aligned, but the OECD lists finding "
                                                               "the money under policy implementation.",
    ("Stop missions becoming new silos", "strategic orientation"): "The OECD lists silos under policy "
                                                                   "co-ordination: they are a failure to work across "
                                                                   "ministries.",
}


def _key(text: Any) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text).lower()).strip()


def check_dimensions(answers: Any) -> Feedback:
    """Feedback on sorting typical challenges into the OECD's three dimensions."""
    title = "The OECD's three dimensions"
    how = 'For each challenge write "strategic orientation", "policy co-ordination" or "policy implementation".'
    if is_blank(answers):
        return Feedback.not_answered(title, how)
    if not isinstance(answers, Mapping):
        return Feedback("revise", title, improve=[f"Your answer is a {type(answers).__name__}; it should be the "
                                                  f"dict of challenges given in the cell. {how}"])
    by_key = {_key(k): k for k in CHALLENGES}
    strengths, improve, missing = [], [], []
    wrong = 0
    for key, value in answers.items():
        full = by_key.get(_key(key))
        if full is None:
            wrong += 1
            improve.append(f"\u201c{key}\u201d is not one of the challenges; keep them as given.")
            continue
        right, why = CHALLENGES[full]
        if is_blank(value):
            missing.append(full)
            continue
        said = _DIM_SYNONYMS.get(_key(value))
        if said is None:
            wrong += 1
            improve.append(f"{full}: \u201c{value}\u201d is not one of the three dimensions. {how}")
        elif said == right:
            strengths.append(f"{full}: {right}. {why}")
        else:
            wrong += 1
            improve.append(f"{full}: you said \u201c{said}\u201d. "
                           + _CHALLENGE_MISTAKES.get((full, said), f"The OECD lists it under {right}. {why}"))
    missing += [k for k in CHALLENGES if _key(k) not in {_key(a) for a in answers} and k not in missing]
    if not strengths and not wrong:
        return Feedback.not_answered(title, how)
    if missing:
        improve.append("Still to answer: " + "; ".join(missing) + ".")
    return Feedback(
        "revise" if wrong else ("partly" if missing else "good"), title, strengths=strengths, improve=improve,
        why="Naming the dimension tells you which body must act: those who set direction, those who co-ordinate, "
            "or those who fund and deliver. Many challenges touch more than one; this sorting follows the OECD's "
            "table.",
        sources=[cite(k) for k in ("ggsd2022", "cstp-poster")])


_STI = ("Ministry of Science, Technology and Innovation (MoSTI)", "Marenta Innovation Agency (MIA)")


def check_objective_owners(owners: Any) -> Feedback:
    """Feedback on who owns each of Marenta's objectives (FICTIONAL)."""
    title = "Who owns each objective"
    how = 'For each objective write the organisation that owns it, in quotes, e.g. "Ministry of Transport".'
    if is_blank(owners):
        return Feedback.not_answered(title, how)
    if not isinstance(owners, Mapping):
        return Feedback("revise", title, improve=[f"Your answer is a {type(owners).__name__}. {how}"])
    given = {str(k).strip().upper(): v for k, v in owners.items()}
    strengths, improve = [], []
    status = "good"
    resolved: dict[str, str] = {}
    for code in case.OBJECTIVE_IDS:
        label = f"{code} {case.OBJECTIVES[code]['name']}"
        value = given.get(code)
        if is_blank(value):
            improve.append(f"{label} has no owner: name one organisation that answers for its target.")
            status = "revise"
            continue
        name = resolve_name(value)
        if not in_register(name):
            close = difflib.get_close_matches(str(value), list(_register()), n=2, cutoff=0.5)
            improve.append(f"{label}: \u201c{value}\u201d is not an organisation in Marenta's register"
                           + (f"; did you mean {and_list([repr(c) for c in close])}?" if close else "."))
            status = "revise"
            continue
        resolved[code] = name
        info = _register()[name]
        if info["sector"] != "public sector":
            improve.append(f"{label}: {name} is a {info['type']}; an owner must answer to the Cabinet, so choose a "
                           "ministry, agency or city government (others can co-deliver).")
            status = "revise"
        elif name in _STI and code != "O5":
            improve.append(f"{label}: {name} is an STI body. Owning a societal objective from the research side "
                           "feeds the STI trap; give it to the ministry that holds the levers.")
            status = "revise" if status == "revise" else "partly"
        else:
            strengths.append(f"{label}: {name}.")
    if len(resolved) == len(case.OBJECTIVE_IDS) and len(set(resolved.values())) == 1:
        improve.insert(0, f"One body owns every objective ({next(iter(resolved.values()))}). Ownership should reach "
                          "beyond one ministry: each objective needs the body that holds its levers.")
        status = "revise"
    o4 = resolved.get("O4")
    if o4 == "Ministry of Gender and Social Affairs":
        strengths.append("O4: the social affairs ministry knows the households and women concerned; it will need "
                         "Transport and the cities as co-leads.")
    elif o4 and status == "good":
        improve.append(f"O4: {o4} can own it; say who co-leads on fares (Transport) and safe stops (the cities). "
                       "Discuss: why not the Ministry of Gender and Social Affairs?")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="An objective without an owner loses every budget argument. The OECD lists building ownership beyond one "
            "ministry among the typical challenges of strategic orientation.",
        sources=[cite("ggsd2022"), cite("mal-gov"), "Marenta case (FICTIONAL)"])


def _counts(seats: Mapping) -> dict[str, int] | str:
    out: dict[str, int] = {}
    for k, v in seats.items():
        sector = _key(k).replace("partners", "partner")
        match = next((s for s in SECTORS if _key(s) == sector), None)
        if match is None:
            return f"\u201c{k}\u201d is not a sector; use: {', '.join(SECTORS)}."
        if is_blank(v):
            v = 0
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0 or int(v) != v:
            return f"{k}: \u201c{v}\u201d is not a number of seats; type a whole number such as 3."
        out[match] = out.get(match, 0) + int(v)
    return out


def check_board(board_seats: Any) -> Feedback:
    """Feedback on the mission board's seats by sector: size cap and balance."""
    title = "The mission board"
    how = "For each sector type a whole number of seats, e.g. 3 (0 if none)."
    if is_blank(board_seats):
        return Feedback.not_answered(title, how)
    if not isinstance(board_seats, Mapping):
        return Feedback("revise", title, improve=[f"Your answer is a {type(board_seats).__name__}. {how}"])
    counts = _counts(board_seats)
    if isinstance(counts, str):
        return Feedback("revise", title, improve=[counts])
    total = sum(counts.values())
    if total == 0:
        return Feedback.not_answered(title, how)
    strengths, improve = [], []
    status = "good"
    if total > EU_BOARD_CAP:
        improve.append(f"{total} seats is more than the EU cap of {EU_BOARD_CAP} for a mission board; move some "
                       "members to the assembly (up to 30).")
        status = "revise"
    else:
        strengths.append(f"{total} seats: within the EU cap of {EU_BOARD_CAP}.")
    top = max(counts, key=counts.get)
    if counts[top] / total > MAX_ONE_SECTOR_SHARE:
        improve.append(f"{counts[top]} of {total} seats go to the {top}: the board is mostly one sector. Bring in "
                       "the people the mission must reach.")
        status = "revise"
    else:
        strengths.append(f"No sector holds more than two-thirds of the seats (the largest, {top}, has "
                         f"{counts[top]}).")
    if not counts.get("civil society"):
        improve.append("No seat for civil society: women's groups, commuters and the urban poor are the people O4 "
                       "Fair access is for.")
        status = "revise" if status == "revise" else "partly"
    if not counts.get("business"):
        improve.append("No seat for business: vehicle assemblers and the informal minibus operators decide whether "
                       "O5 and O1 move.")
        status = "revise" if status == "revise" else "partly"
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="EU mission boards have up to 15 independent experts; the OECD lists bringing in actors who are not "
            "usually involved as a typical challenge. The two-thirds threshold is our proposal.",
        sources=[cite("eu-boards-2019"), cite("ggsd2022"), cite("uk-uktimes")])


def check_forum(forum_members: Any, budget_holders: Any = None) -> Feedback:
    """Feedback on who sits in the co-ordination forum: every holder of mission budget should."""
    title = "The co-ordination forum"
    how = 'Give a list of organisations in quotes, e.g. ["Ministry of Transport", "MoSTI", "Kessa"].'
    if is_blank(forum_members):
        return Feedback.not_answered(title, how)
    items = [forum_members] if isinstance(forum_members, str) else list(forum_members) \
        if isinstance(forum_members, (list, tuple, set)) else None
    if items is None:
        return Feedback("revise", title, improve=[f"Your answer is a {type(forum_members).__name__}. {how}"])
    items = [i for i in items if not is_blank(i)]
    if not items:
        return Feedback.not_answered(title, how)
    holders = GovernanceDesign(budget_holders=budget_holders if budget_holders is not None
                               else marenta_budget_holders()).budget_holders
    unknown = [i for i in items if not in_register(i)]
    names = [resolve_name(i) for i in items if in_register(i)]
    inside = [n for n in holders if any(_same(n, m) for m in names)]
    outside = [n for n in holders if n not in inside]
    strengths, improve = [], []
    total = sum(h.budget for h in holders.values()) or 1.0
    if inside:
        strengths.append(f"{len(inside)} of {len(holders)} organisations holding mission budget are in "
                         f"({sum(holders[n].budget for n in inside) / total:.0%} of the tagged money).")
    if outside:
        improve.append(f"{and_list([f'{n} ({money(holders[n].budget)})' for n in outside])} hold mission budget but "
                       "sit in no co-ordination forum. Nobody lines up their spending with the others.")
    for u in unknown:
        close = difflib.get_close_matches(str(u), list(_register()), n=1, cutoff=0.5)
        improve.append(f"\u201c{u}\u201d is not an organisation in Marenta's register"
                       + (f"; did you mean '{close[0]}'?" if close else "."))
    if len(names) > 20:
        improve.append(f"{len(names)} members is a lot for a forum that must agree budgets; keep the others informed.")
    if not any(_same(n, "Ministry of Finance") for n in names):
        improve.append("Discuss: the Ministry of Finance holds little mission money but owns the fuel subsidy and the "
                       "budget calendar. Should it sit in the forum?")
    status = "revise" if outside or unknown else "good"
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="Lining up actors and budgets behind the goal is the OECD's policy co-ordination dimension; money held "
            "outside any forum is spent without reference to the mission's other actions.",
        sources=[cite("ggsd2022"), cite("mal-gov"), "Marenta policy inventory D1 (FICTIONAL)"])


EXERCISE_BODIES = {STEERING: "steering committee", FORUM: "coordination forum", BOARD: "mission board",
                   TEAM: "mission team"}


def check_decision_rights(decision_rights: Any) -> Feedback:
    """Feedback on the decision right of each body: is the portfolio steered before money is committed?"""
    title = "Decision rights"
    how = ("For each body write one decision right in quotes (or a list of them): "
           + ", ".join(f'"{r}"' for r in DECISION_RIGHTS) + ".")
    if is_blank(decision_rights):
        return Feedback.not_answered(title, how)
    if not isinstance(decision_rights, Mapping):
        return Feedback("revise", title, improve=[f"Your answer is a {type(decision_rights).__name__}. {how}"])
    rights: dict[str, list[str]] = {}
    improve, strengths = [], []
    for body, value in decision_rights.items():
        if is_blank(value):
            continue
        values = [value] if isinstance(value, str) else list(value)
        ok = []
        for v in values:
            match = next((d for d in DECISION_RIGHTS if _key(d) == _key(v)), None)
            if match is None:
                improve.append(f"{body}: \u201c{v}\u201d is not one of the decision rights. {how}")
            else:
                ok.append(match)
        rights[str(body)] = ok
    if not rights and not improve:
        return Feedback.not_answered(title, how)
    status = "revise" if improve else "good"
    approvers = [b for b, rs in rights.items() if "approve portfolio" in rs]
    if not approvers:
        reviewers = [b for b, rs in rights.items() if "review progress" in rs]
        improve.append("Nobody approves the portfolio before money is committed"
                       + (f": {and_list(reviewers)} only review{'s' if len(reviewers) == 1 else ''} progress after the "
                          "fact (ex post)" if reviewers else "") + ". Real decisions then happen elsewhere, such as in "
                       "budget talks.")
        status = "revise"
    for b in approvers:
        kind = EXERCISE_BODIES.get(next((k for k in EXERCISE_BODIES if _key(k) == _key(b)), ""), "")
        if kind in ("mission board", "mission assembly"):
            improve.append(f"{b} approves the portfolio. In the EU's set-up, mission boards advise the Commission "
                           "on portfolios; approval belongs with a body that answers for the money (our proposal). "
                           "Let the board advise and the steering committee approve.")
            status = "revise" if status == "revise" else "partly"
        elif kind == "mission team":
            improve.append(f"{b} approves its own portfolio: that is running it, not steering it. Give approval to "
                           "a body above the team.")
            status = "revise" if status == "revise" else "partly"
        else:
            strengths.append(f"{b} approves the portfolio before money is committed: steering ex ante.")
    if status == "good":
        for b, rs in rights.items():
            if "advise" in rs and _key(b) == _key(BOARD):
                strengths.append(f"{b} advises, as EU mission boards did (their tasks included portfolios and "
                                 "indicators).")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="The OECD lists using governance bodies to steer before decisions are made, not only to review afterwards, "
            "as a typical co-ordination challenge; the EU boards' tasks include the portfolio and its adjustment.",
        sources=[cite("ggsd2022"), cite("eu-board-tasks")])


def exercise_design(objective_owners: Any = None, board_seats: Any = None, forum_members: Any = None,
                    decision_rights: Any = None) -> GovernanceDesign:
    """Marenta's design rebuilt from the exercise's answers (blank answers leave that part empty)."""
    d = marenta_design()
    owners = {} if is_blank(objective_owners) or not isinstance(objective_owners, Mapping) else {
        k: (None if is_blank(v) else resolve_name(v)) for k, v in objective_owners.items()}
    d.objective_owners = GovernanceDesign(objective_owners=owners).objective_owners
    counts = _counts(board_seats) if isinstance(board_seats, Mapping) else {}
    counts = counts if isinstance(counts, dict) else {}
    d.body(BOARD).members = [Member(name=f"{s.capitalize()} seat {i + 1}", sector=s)
                             for s in SECTORS for i in range(counts.get(s, 0))]
    items = [] if is_blank(forum_members) else ([forum_members] if isinstance(forum_members, str)
                                                else list(forum_members))
    members = [Member.model_validate(resolve_name(i)) for i in items if not is_blank(i) and in_register(i)]
    d.bodies.insert(1, Body(name=FORUM, type="coordination forum", chair=PMDO, members=members))
    given = decision_rights if isinstance(decision_rights, Mapping) else {}
    for body in d.bodies:
        value = next((v for k, v in given.items() if _key(k) == _key(body.name)), None)
        if body.name in EXERCISE_BODIES:
            values = [] if is_blank(value) else ([value] if isinstance(value, str) else list(value))
            body.decision_rights = [d_ for d_ in DECISION_RIGHTS if any(_key(v) == _key(d_) for v in values)]
    return d


def check_exercise_design(objective_owners: Any = None, board_seats: Any = None, forum_members: Any = None,
                          decision_rights: Any = None) -> Feedback:
    """Run the five rules on the design your answers add up to."""
    title = "Your governance design, checked against the five rules"
    answers = (objective_owners, board_seats, forum_members, decision_rights)
    if all(is_blank(a) for a in answers):
        return Feedback.not_answered(title, "Answer exercises 2 to 5 above, then run this cell again.")
    design = exercise_design(*answers)
    findings = check_design(design)
    problems = [f for f in findings if f.severity == "problem"]
    passed = [r for r in RULES if not any(f.rule == r.name and f.severity == "problem" for f in findings)]
    strengths = [f"{r.question} Yes." for r in passed]
    improve = [f.text() for f in findings]
    missing = [n for n, a in zip(("objective owners", "board", "forum", "decision rights"), answers, strict=False) if is_blank(a)]
    if missing:
        improve.insert(0, f"Still to answer: {and_list(missing)}.")
    status = "revise" if problems else ("partly" if missing or findings else "good")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="Each rule comes from a source: owners for every objective and ex-ante steering (OECD Mission Action Lab; "
            "OECD 2022), budget holders at one table (OECD 2022, policy co-ordination), a board from several sectors "
            "and within the EU caps (European Commission 2019). The thresholds marked as ours are proposals.",
        sources=[cite(k) for k in ("ggsd2022", "mal-gov", "eu-boards-2019")])
