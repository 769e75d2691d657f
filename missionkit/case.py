"""The running case: the Republic of Marenta (FICTIONAL).

Everything here is invented for teaching: the country, its cities, its
organisations and every number. Real missions are kept in other files.

This module holds, in one place:

* the case's constants (``CASE_NAME``, ``TODAY``, ``OBJECTIVES``, ...);
* the data dictionary of the datasets (D1 to D9, eleven CSV files, and D0, three files on the
  choice of the mission in 2024, before it was adopted), written
  once as ``DATASETS`` and turned into both ``DATA_DICTIONARY`` (a plain dict)
  and ``SCHEMAS`` (pandera schemas, built on first use);
* ``load(name)`` and ``load_all()``, which read the CSVs shipped in
  ``missionkit/data/case/``, validate them and cache them;
* ``validate(name, df)``, which checks a participant's edited copy and explains
  the first problem in plain words;
* ``data_dictionary_markdown()``, the text of ``book/data-dictionary.md``.

Importing this module is cheap: pandera loads only when a schema is needed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

import pandas as pd

from missionkit.errors import MissionkitInputError

if TYPE_CHECKING:  # pragma: no cover
    import pandera.pandas as pa

# ---------------------------------------------------------------------------
# Constants of the case (FICTIONAL)
# ---------------------------------------------------------------------------

CASE_NAME = "Republic of Marenta (FICTIONAL)"
COUNTRY = "Republic of Marenta"
FICTIONAL_NOTE = (
    "FICTIONAL: the Republic of Marenta, its cities, organisations and numbers are invented for teaching."
)
TODAY = date(2026, 11, 15)
MISSION_ADOPTED = date(2025, 3, 3)
BASELINE_YEAR = 2024
DEADLINE_YEAR = 2035
CURRENCY = "MRC"
CURRENCY_NAME = "Marentan crown"
MONEY_UNIT = "MRC m"  # millions of Marentan crowns
POPULATION = 18_000_000

MISSION_STATEMENT = (
    "By 2035, people in Marenta's three largest cities can reach work, school and health care "
    "within 45 minutes by clean, safe and affordable means, and the air in these cities carries "
    "half the fine-particle pollution it did in 2024."
)

CITIES = ("Amberport", "Kessa", "Nuvo Alto")
CITY_POPULATION = {"Amberport": 3_200_000, "Kessa": 1_100_000, "Nuvo Alto": 600_000}
CAPITAL = "Amberport"

OBJECTIVES: dict[str, dict[str, Any]] = {
    "O1": {
        "name": "Access",
        "indicator": "Average one-way commute time in the three cities",
        "indicator_id": "I01",
        "baseline": 62.0,
        "target": 50.0,
        "unit": "minutes",
        "baseline_year": 2024,
        "target_year": 2035,
    },
    "O2": {
        "name": "Clean air",
        "indicator": "Annual mean PM2.5 concentration in the three cities",
        "indicator_id": "I06",
        "baseline": 38.0,
        "target": 19.0,
        "unit": "µg/m³",
        "baseline_year": 2024,
        "target_year": 2035,
    },
    "O3": {
        "name": "Safety",
        "indicator": "Road deaths per 100,000 people",
        "indicator_id": "I11",
        "baseline": 18.0,
        "target": 12.6,
        "unit": "deaths per 100,000 people",
        "baseline_year": 2024,
        "target_year": 2035,
    },
    "O4": {
        "name": "Fair access",
        "indicator": "Share of household income the poorest fifth spends on transport",
        "indicator_id": "I14",
        "baseline": 16.0,
        "target": 10.0,
        "unit": "% of household income",
        "baseline_year": 2024,
        "target_year": 2035,
        "also": {
            "indicator": "Women who feel safe on public transport at night",
            "indicator_id": "I15",
            "baseline": 41.0,
            "target": 61.0,
            "unit": "% of women surveyed",
        },
    },
    "O5": {
        "name": "Local value",
        "indicator": "Share of new zero-emission buses and two- or three-wheelers assembled in Marenta",
        "indicator_id": "I18",
        "baseline": 8.0,
        "target": 40.0,
        "unit": "% of new vehicles",
        "baseline_year": 2024,
        "target_year": 2035,
    },
}
OBJECTIVE_IDS = tuple(OBJECTIVES)

REVIEW_ROUNDS = {
    "2025-Q4": "decision_2025q4",
    "2026-Q4": "decision_2026q4",
    "2027-Q4": "decision_2027q4",
}
CURRENT_ROUND = "2026-Q4"
DECISIONS = ("continue", "scale", "pivot", "pause", "sunset")

READINESS_DIMENSIONS = {
    "R1": "Problem clarity and mission fit",
    "R2": "Political commitment and legitimacy",
    "R3": "Governance and co-ordination architecture",
    "R4": "Policy mix and instrument breadth",
    "R5": "Funding, finance and donor alignment",
    "R6": "Public-sector dynamic capabilities",
    "R7": "Innovation ecosystem and stakeholder capacity",
    "R8": "Data, M&E and learning systems",
}

GOVERNANCE = {
    "owner": "Prime Minister's Delivery Office",
    "co_leads": ("Ministry of Transport", "Ministry of Environment"),
    "board_seats": 13,
    "assembly_seats": 28,
    "mission_team": 12,
}

# Vocabularies shared by several datasets
INSTRUMENTS = ("analysis", "funding", "regulation", "procurement", "fiscal", "information")
DIRECTIONS = ("supports", "neutral", "works against")
YES_NO = ("yes", "no")
PROJECT_CITIES = CITIES + ("national",)
ACTOR_TYPES = (
    "ministry", "agency", "city", "state-owned enterprise", "firm", "university", "NGO", "development bank",
)
STAKEHOLDER_TYPES = (
    "ministry", "city", "agency", "state-owned enterprise", "firm", "informal-transport association",
    "university", "NGO", "women's group", "citizens' group", "donor", "development bank",
)
INDICATOR_LEVELS = ("input", "activity", "output", "outcome", "impact")
FREQUENCIES = ("monthly", "quarterly", "annual", "every 2 years", "every 3 years")
LIKERT = "1 = strongly disagree, 2 = disagree, 3 = neither, 4 = agree, 5 = strongly agree"
SURVEY_ITEMS = tuple(f"Q{i:02d}" for i in range(1, 31))

# ---------------------------------------------------------------------------
# The data dictionary: one place for meaning, unit, allowed values and checks
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a case dataset: what it means and what values it may hold.

    ``kind`` is "text", "int" or "float". ``allowed`` lists the permitted
    values of a categorical text column; with ``multi`` the cell holds several
    of them separated by semicolons. ``decimals`` is how the generator rounds
    a float column, so the CSVs are byte-stable.
    """

    name: str
    meaning: str
    kind: str = "text"
    unit: str = ""
    allowed: tuple[str, ...] | None = None
    multi: bool = False
    pattern: str | None = None
    allowed_note: str = ""
    min: float | None = None
    max: float | None = None
    nullable: bool = False
    unique: bool = False
    decimals: int | None = None

    def allowed_text(self) -> str:
        """The allowed values in words, for the data dictionary."""
        parts = []
        if self.allowed:
            joined = ", ".join(self.allowed)
            parts.append(f"one or more of {joined}, separated by ';'" if self.multi else joined)
        if self.allowed_note:
            parts.append(self.allowed_note)
        if self.min is not None and self.max is not None:
            parts.append(f"{_num(self.min)} to {_num(self.max)}")
        elif self.min is not None:
            parts.append(f"at least {_num(self.min)}")
        elif self.max is not None:
            parts.append(f"at most {_num(self.max)}")
        if self.unique:
            parts.append("unique")
        if self.kind in ("int", "float") and self.min is None and self.max is None and not self.allowed:
            parts.insert(0, "a whole number" if self.kind == "int" else "a number")
        if self.nullable:
            parts.append("may be blank")
        return "; ".join(parts) if parts else "free text"


@dataclass(frozen=True)
class DatasetSpec:
    """One CSV file of the case."""

    name: str
    code: str
    file: str
    title: str
    description: str
    rows: tuple[int, int]
    columns: tuple[ColumnSpec, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> ColumnSpec:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


def _num(value: float) -> str:
    return f"{value:g}"


class _YearOptions(TypedDict):
    """Keyword arguments of ``ColumnSpec`` for a column of years."""

    kind: str
    unit: str
    min: int
    max: int


class _DecisionOptions(TypedDict):
    """Keyword arguments of ``ColumnSpec`` for a column of portfolio decisions."""

    allowed: tuple[str, ...]
    nullable: bool


def _years(low: int = 2000, high: int = 2040) -> _YearOptions:
    return {"kind": "int", "unit": "year", "min": low, "max": high}


C = ColumnSpec
_YEAR = _years()
_OBJ = ", ".join(f"{k} {v['name']}" for k, v in OBJECTIVES.items())

_POLICIES = DatasetSpec(
    name="policies",
    code="D1",
    file="policies.csv",
    title="Policy inventory (system scan)",
    description=(
        "Policies and programmes already in place in Marenta that bear on the mission, "
        "whoever owns them. One row per policy."
    ),
    rows=(80, 120),
    columns=(
        C("policy_id", "Policy identifier", pattern=r"^P\d{3}$", allowed_note="P001, P002, ...", unique=True),
        C("title", "Name of the policy or programme as its owner writes it"),
        C("owner", "Body that owns and pays for the policy (ministry, agency or city government)"),
        C("owner_type", "Kind of owner", allowed=("ministry", "agency", "city")),
        C("sti_owner", "Is the owner a science, technology and innovation (STI) body?", allowed=YES_NO),
        C("level", "Level of government", allowed=("national", "city")),
        C("instrument", "Main type of policy instrument", allowed=INSTRUMENTS),
        C(
            "objectives",
            "Mission objectives the policy bears on: served if it supports the mission, harmed if it works "
            f"against it ({_OBJ}); blank if it targets none",
            allowed=OBJECTIVE_IDS,
            multi=True,
            nullable=True,
        ),
        C("direction", "Does the policy push towards the mission, away from it, or neither?", allowed=DIRECTIONS),
        C("mission_tagged", "Is the policy tagged as mission spending in the budget?", allowed=YES_NO),
        C(
            "annual_budget_mrc_m",
            "Annual budget, or revenue forgone for tax measures",
            kind="float",
            unit="MRC m per year",
            min=0,
            decimals=1,
        ),
        C("start_year", "Year the policy started", **_YEAR),
        C("end_year", "Year the policy is due to end; blank if open-ended", nullable=True, **_YEAR),
    ),
)

_DECISION_NOTE: _DecisionOptions = {"allowed": DECISIONS, "nullable": True}
_PROJECTS = DatasetSpec(
    name="projects",
    code="D2",
    file="projects.csv",
    title="Project portfolio",
    description=(
        "The projects in the mission portfolio, with the decision taken or proposed at each annual "
        "portfolio review. One row per project."
    ),
    rows=(40, 70),
    columns=(
        C("project_id", "Project identifier", pattern=r"^PR\d{2}$", allowed_note="PR01, PR02, ...", unique=True),
        C("title", "Project title as registered in the portfolio"),
        C("objective", f"Mission objective the project serves ({_OBJ}); blank if none was given",
          allowed=OBJECTIVE_IDS, nullable=True),
        C("instrument", "Main type of policy instrument", allowed=INSTRUMENTS),
        C("lead_actor", "Organisation that leads the project"),
        C("lead_actor_type", "Kind of lead organisation", allowed=ACTOR_TYPES),
        C("city", "City where the project runs, or national", allowed=PROJECT_CITIES),
        C("sector", "Main sector of the project"),
        C("trl", "Technology (or solution) readiness level, from 1 (idea) to 9 (proven in use)",
          kind="int", unit="TRL", min=1, max=9),
        C("risk", "Risk that the project does not deliver", allowed=("low", "medium", "high")),
        C("horizon", "Time until the project shows results", allowed=("<2 years", "2-5 years", ">5 years")),
        C("novelty", "New solution, adaptation of one used elsewhere, or scaling up a proven one",
          allowed=("new", "adapt", "scale")),
        C("budget_mrc_m", "Total budget over the project's life", kind="float", unit="MRC m", min=0, decimals=2),
        C("start_year", "Year the project started", **_YEAR),
        C("status", "Status on the case date (15 November 2026)", allowed=("active", "completed", "paused", "closed")),
        C("decision_2025q4", "Decision at the first portfolio review (2025-Q4); blank if the project had not started",
          **_DECISION_NOTE),
        C("decision_2026q4",
          "Decision proposed by the lead ministry for the second review (2026-Q4), to be reviewed; blank if none",
          **_DECISION_NOTE),
        C("decision_2027q4", "Decision at the third review (2027-Q4); blank because it has not happened yet",
          **_DECISION_NOTE),
    ),
)

_INDICATORS = DatasetSpec(
    name="indicators",
    code="D3",
    file="indicators.csv",
    title="Indicator framework",
    description="The indicators the mission team uses to track the mission. One row per indicator.",
    rows=(15, 21),
    columns=(
        C("id", "Indicator identifier", pattern=r"^I\d{2}$", allowed_note="I01, I02, ...", unique=True),
        C("name", "What the indicator measures"),
        C("objective", f"Mission objective the indicator tracks ({_OBJ})", allowed=OBJECTIVE_IDS),
        C("level", "Level in the intervention logic (theory of change), as the framework labels it",
          allowed=INDICATOR_LEVELS),
        C("unit", "Unit of measurement"),
        C("baseline", "Value in the baseline year; blank if not yet measured", kind="float", unit="see unit",
          nullable=True, decimals=2),
        C("baseline_year", "Year of the baseline value; blank if not yet measured", nullable=True, **_YEAR),
        C("milestone_2028", "Value the mission aims to reach by 2028", kind="float", unit="see unit",
          nullable=True, decimals=2),
        C("milestone_2030", "Value the mission aims to reach by 2030", kind="float", unit="see unit",
          nullable=True, decimals=2),
        C("target", "Value the mission aims to reach by the target year", kind="float", unit="see unit",
          decimals=2),
        C("target_year", "Year by which the target should be met", **_years(2025, 2035)),
        C("data_owner", "Organisation that collects and publishes the data"),
        C("frequency", "How often a new value is published", allowed=FREQUENCIES),
        C("lag_years", "Time between the end of the period measured and publication", kind="float", unit="years",
          min=0, max=5, decimals=2),
        C("definition_revised", "Year the indicator's definition was changed; blank if never", nullable=True,
          **_YEAR),
        C("source", "Survey, register or system the data come from"),
        C("notes", "Remarks from the data owner", nullable=True),
    ),
)

_STAKEHOLDERS = DatasetSpec(
    name="stakeholders",
    code="D4",
    file="stakeholders.csv",
    title="Stakeholder register",
    description="Organisations with a stake in the mission, with their current seat and engagement.",
    rows=(80, 150),
    columns=(
        C("stakeholder_id", "Stakeholder identifier", pattern=r"^S\d{3}$", allowed_note="S001, S002, ...",
          unique=True),
        C("name", "Name of the organisation", unique=True),
        C("type", "Kind of organisation", allowed=STAKEHOLDER_TYPES),
        C("level", "Where the organisation works", allowed=("national", "city", "international")),
        C("sector", "Main sector or field of the organisation"),
        C("interest", "The organisation's stake in the mission, as the mission team judges it today: how much the "
                      "mission affects it and how likely it is to act on that (1 = very little, 5 = a great deal). "
                      "Not whether it supports the reforms: see position",
          kind="int", unit="score", min=1, max=5),
        C("influence", "How much the organisation can help or block the mission (1 = very little, 5 = a great deal)",
          kind="int", unit="score", min=1, max=5),
        C("position", "Whether the organisation supports the mission's reforms, is neutral or opposes them, as the "
                      "mission team judges it today", allowed=("support", "neutral", "oppose")),
        C("role", "What the organisation does in relation to the mission"),
        C("seat", "Current seat in mission governance", allowed=("board", "assembly", "none")),
        C("engagement", "How the mission team engages the organisation today",
          allowed=("inform", "consult", "co-design", "co-deliver", "none")),
    ),
)

_SURVEY_ITEM_COLUMNS = tuple(
    C(item, f"Answer to survey item {item} (wording and dimension in survey_items.csv); blank if not answered",
      kind="int", unit="Likert 1-5", allowed_note=LIKERT, min=1, max=5, nullable=True)
    for item in SURVEY_ITEMS
)
_SURVEY = DatasetSpec(
    name="survey",
    code="D5",
    file="survey.csv",
    title="Diagnostic survey: answers",
    description=(
        "Answers to the mission-readiness survey of officials and partners, one row per respondent "
        "and one column per item."
    ),
    rows=(150, 250),
    columns=(
        C("respondent_id", "Respondent identifier", pattern=r"^R\d{3}$", allowed_note="R001, R002, ...",
          unique=True),
        C("role", "Respondent's role in their organisation",
          allowed=("senior official", "mid-level official", "technical staff", "manager", "researcher",
                   "staff or volunteer", "operator or driver")),
        C("org_type", "Kind of organisation the respondent works for",
          allowed=tuple(t for t in STAKEHOLDER_TYPES if t not in ("donor", "development bank"))),
        C("city", "City where the respondent works, or national", allowed=PROJECT_CITIES),
    ) + _SURVEY_ITEM_COLUMNS,
)

_SURVEY_ITEMS = DatasetSpec(
    name="survey_items",
    code="D5",
    file="survey_items.csv",
    title="Diagnostic survey: items",
    description="The wording of each survey item and the readiness dimension it informs.",
    rows=(25, 35),
    columns=(
        C("item", "Item key, the column name in survey.csv", allowed=SURVEY_ITEMS, unique=True),
        C("dimension", "Readiness dimension the item informs (R1 to R8)", allowed=tuple(READINESS_DIMENSIONS)),
        C("wording", "Statement the respondent rated on the 1-5 scale of survey.csv"),
    ),
)

_FOCUS_GROUPS = DatasetSpec(
    name="focus_groups",
    code="D5",
    file="focus_groups.csv",
    title="Focus groups: statements",
    description="Short statements noted at five focus groups (synthetic transcripts), one row per statement.",
    rows=(24, 60),
    columns=(
        C("group_id", "Focus group identifier", pattern=r"^FG\d$", allowed_note="FG1, FG2, ..."),
        C("city", "City where the group met, or national", allowed=PROJECT_CITIES),
        C("participant_role", "Who took part in the group"),
        C("statement", "What a participant said, paraphrased"),
    ),
)

_READINESS = DatasetSpec(
    name="readiness",
    code="D6",
    file="readiness.csv",
    title="Readiness scorecard",
    description="Scores given independently by three assessors on the eight readiness dimensions, with evidence.",
    rows=(24, 24),
    columns=(
        C("dimension",
          "Readiness dimension, R1 to R8: " + "; ".join(f"{k} {v}" for k, v in READINESS_DIMENSIONS.items()),
          allowed=tuple(READINESS_DIMENSIONS)),
        C("assessor", "Who gave the score"),
        C("score", "Score from 0 (absent) to 4 (strong), using the anchors of the scorecard", kind="int",
          unit="score", min=0, max=4),
        C("evidence", "Evidence the assessor cites for the score"),
    ),
)

_DONORS = DatasetSpec(
    name="donors",
    code="D7",
    file="donors.csv",
    title="Donor and funding landscape",
    description="Development partners and other funders active on the mission's themes, one row per funder.",
    rows=(8, 15),
    columns=(
        C("funder", "Name of the funder", unique=True),
        C("funder_type", "Kind of funder",
          allowed=("development bank", "bilateral donor", "climate fund", "multilateral partnership",
                   "philanthropic foundation")),
        C("instrument", "Main funding instrument",
          allowed=("grant", "concessional loan", "guarantee", "technical assistance")),
        C("amount_mrc_m", "Total amount committed over the period", kind="float", unit="MRC m", min=0, decimals=1),
        C("start_year", "First year of the commitment", **_YEAR),
        C("end_year", "Last year of the commitment", **_YEAR),
        C("objectives", f"Mission objectives the money is meant to serve ({_OBJ})", allowed=OBJECTIVE_IDS,
          multi=True),
        C("on_budget", "Does the money flow through Marenta's national budget?", allowed=YES_NO),
        C("coordination_forum", "Forum where the funder co-ordinates with government and other funders; "
          "'none' if it sits in none"),
    ),
)

_MONITORING = DatasetSpec(
    name="monitoring",
    code="D8",
    file="monitoring.csv",
    title="Monitoring time series",
    description=(
        "Values reported for the indicators in indicators.csv: annual values 2018-2025 for outcomes and "
        "impacts, quarterly values from 2025-Q1 to 2026-Q3 for inputs, activities and outputs. Long format: "
        "one row per indicator and period."
    ),
    rows=(60, 400),
    columns=(
        C("indicator_id", "Indicator identifier, as in the id column of indicators.csv", pattern=r"^I\d{2}$",
          allowed_note="I01, I02, ..."),
        C("period", "Period the value refers to: a year (2024) or a quarter (2025-Q1)", pattern=r"^\d{4}(-Q[1-4])?$",
          allowed_note="YYYY or YYYY-Qn"),
        C("year", "Year of the period", **_years(2015, 2026)),
        C("quarter", "Quarter of the period; blank for annual values", kind="int", unit="quarter", min=1, max=4,
          nullable=True),
        C("value", "Reported value, in the indicator's unit", kind="float", unit="see indicators.csv", decimals=2),
    ),
)

# D0: the choice of the mission, a flashback to 2024 (before Cabinet adopted it in 2025). FICTIONAL.
HOUSEHOLDS_WITH_CAR = 0.24  # share of households in the three cities with a car (2024 household survey)
CANDIDATE_IDS = ("A", "B", "C")
CHOICE_CRITERIA = ("bold and relevant", "measurable and dated", "ambitious but realistic", "across sectors",
                   "many solutions", "evidence of need", "capacity to act", "public support")
CRITERION_RATINGS = ("meets", "partly", "fails")
FACTOR_KINDS = ("root cause", "cause", "core problem", "effect")
EVIDENCE_STRENGTHS = ("strong", "moderate", "weak", "contested")
_D0 = " (2024 flashback)"
_CAUSES = DatasetSpec("causes", "D0", "causes.csv", "Cause map evidence" + _D0, (
    "Evidence gathered in 2024, before the mission was chosen, on what causes slow, dirty and unsafe travel in the "
    "three cities: one row per link from a cause to an effect, with the evidence behind it."), (20, 40), (
    C("link_id", "Link identifier", pattern=r"^L\d{2}$", allowed_note="L01, L02, ...", unique=True),
    C("cause", "The factor that acts"),
    C("cause_kind", "Place of the cause in the problem tree", allowed=FACTOR_KINDS),
    C("effect", "The factor it acts on"),
    C("direction", "Does more of the cause bring more or less of the effect?", allowed=("increases", "reduces")),
    C("evidence_strength", "How strong the evidence is, as the analysts graded it", allowed=EVIDENCE_STRENGTHS),
    C("evidence", "The evidence, in one sentence"),
    C("source", "Study or data set the evidence comes from")))
_CANDIDATES = DatasetSpec("candidates", "D0", "candidates.csv", "Candidate missions and criteria" + _D0, (
    "The three candidate missions the Prime Minister's Delivery Office short-listed in 2024, each rated by the "
    "selection panel against eight criteria, with the evidence. One row per candidate and criterion."), (24, 24), (
    C("candidate_id", "Candidate identifier", allowed=CANDIDATE_IDS),
    C("candidate", "Short name of the candidate mission"),
    C("statement", "The candidate mission as drafted"),
    C("criterion", "Selection criterion", allowed=CHOICE_CRITERIA),
    C("rating", "The panel's rating of the candidate on the criterion", allowed=CRITERION_RATINGS),
    C("evidence", "Evidence behind the rating")))
_CONSULTATION = DatasetSpec("consultation", "D0", "consultation.csv", "Public consultation on the candidates" + _D0, (
    "Answers to the 2024 public consultation on the three candidate missions (online form and street survey), "
    "one row per respondent."), (500, 800), (
    C("respondent_id", "Respondent identifier", pattern=r"^R\d{4}$", allowed_note="R0001, R0002, ...", unique=True),
    C("city", "City where the respondent lives", allowed=CITIES),
    C("channel", "How the respondent answered", allowed=("online form", "street survey")),
    C("car_household", "Does the respondent's household own a car?", allowed=YES_NO),
    C("age_group", "Age group of the respondent", allowed=("18-29", "30-44", "45-64", "65+")),
    C("first_choice", "The candidate mission the respondent ranked first", allowed=CANDIDATE_IDS)))

_BUDGET_LINES = DatasetSpec(
    name="budget_lines",
    code="D9",
    file="budget_lines.csv",
    title="Mission budget lines",
    description=(
        "The money planned for the mission's projects, line by line and year by year (2025 to 2035), with who "
        "holds it, where it comes from and what was spent. Spending is for 2025 (whole year) and 2026 (to the "
        "case date); later years are blank. One row per budget line and year."
    ),
    rows=(100, 160),
    columns=(
        C("line_id", "Budget line identifier; a line has one row per year", pattern=r"^BL\d{2}$",
          allowed_note="BL01, BL02, ..."),
        C("year", "Budget year", **_years(2020, 2040)),
        C("budget_holder", "Organisation that holds the money and answers for spending it"),
        C("project_id", "Project the line pays for, as in projects.csv", pattern=r"^PR\d{2}$",
          allowed_note="PR01, PR02, ..."),
        C("objective", f"Mission objective of the project ({_OBJ})", allowed=OBJECTIVE_IDS),
        C("purpose", "What the line pays for, as written in the budget"),
        C("spending_type", "Capital (building or buying assets) or operating (running costs, staff, services)",
          allowed=("capital", "operating")),
        C("source", "Where the money comes from",
          allowed=("national budget", "development bank loan", "donor grant", "city budget",
                   "private co-investment")),
        C("funder", "Who provides the money (the Ministry of Finance for the national budget)"),
        C("instrument", "How the money reaches the project",
          allowed=("grant", "loan", "equity", "guarantee", "procurement", "subsidy", "public provision")),
        C("planned_mrc_m", "Money planned for the year", kind="float", unit="MRC m", min=0, decimals=2),
        C("spent_mrc_m", "Money spent in the year (2026: to 15 November 2026); blank for years not yet reached",
          kind="float", unit="MRC m", min=0, nullable=True, decimals=2),
    ),
)

DATASETS: dict[str, DatasetSpec] = {
    spec.name: spec
    for spec in (
        _POLICIES, _PROJECTS, _INDICATORS, _STAKEHOLDERS, _SURVEY, _SURVEY_ITEMS, _FOCUS_GROUPS,
        _READINESS, _DONORS, _MONITORING, _BUDGET_LINES, _CAUSES, _CANDIDATES, _CONSULTATION,
    )
}
ALIASES = {"D1": "policies", "D2": "projects", "D3": "indicators", "D4": "stakeholders", "D5": "survey",
           "D6": "readiness", "D7": "donors", "D8": "monitoring",
           "D9": "budget_lines", "D0": "consultation"}

DATA_DICTIONARY: dict[str, dict[str, dict[str, str]]] = {
    name: {
        col.name: {"meaning": col.meaning, "unit": col.unit, "allowed": col.allowed_text()}
        for col in spec.columns
    }
    for name, spec in DATASETS.items()
}

DATA_FOLDER = Path(__file__).resolve().parent / "data" / "case"

# ---------------------------------------------------------------------------
# Schemas (pandera), built from DATASETS on first use
# ---------------------------------------------------------------------------

_DTYPES = {"text": "str", "int": "Int64", "float": "float64"}


def _multi_check(allowed: tuple[str, ...]):
    import pandera.pandas as pa

    def ok(series: pd.Series) -> pd.Series:
        def cell_ok(cell: object) -> bool:
            if not isinstance(cell, str):
                return True  # blanks are handled by nullable
            parts = cell.split(";")
            return all(p in allowed for p in parts) and len(parts) == len(set(parts))

        return series.map(cell_ok).astype(bool)

    return pa.Check(ok, element_wise=False, error=f"each part must be one of {', '.join(allowed)}, separated by ';'")


def _column_schema(col: ColumnSpec) -> pa.Column:
    import pandera.pandas as pa

    checks = []
    if col.allowed and not col.multi and col.kind == "text":
        checks.append(pa.Check.isin(list(col.allowed)))
    if col.multi and col.allowed:
        checks.append(_multi_check(col.allowed))
    if col.pattern:
        checks.append(pa.Check.str_matches(col.pattern))
    if col.min is not None:
        checks.append(pa.Check.ge(col.min))
    if col.max is not None:
        checks.append(pa.Check.le(col.max))
    return pa.Column(
        _DTYPES[col.kind],
        checks=checks,
        nullable=col.nullable,
        unique=col.unique,
        required=True,
        description=col.meaning,
        title=col.name,
        metadata={"unit": col.unit, "allowed": col.allowed_text()},
    )


def _build_schema(spec: DatasetSpec) -> pa.DataFrameSchema:
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {col.name: _column_schema(col) for col in spec.columns},
        name=spec.name,
        title=f"{spec.code} {spec.title} (FICTIONAL)",
        description=spec.description,
        strict=True,
        ordered=True,
        coerce=False,
    )


_SCHEMAS: dict[str, Any] = {}


def schemas() -> dict[str, pa.DataFrameSchema]:
    """The pandera schema of every dataset, keyed by dataset name."""
    if not _SCHEMAS:
        _SCHEMAS.update({name: _build_schema(spec) for name, spec in DATASETS.items()})
    return dict(_SCHEMAS)


def __getattr__(name: str) -> Any:  # PEP 562: SCHEMAS is built lazily so importing stays cheap
    if name == "SCHEMAS":
        return schemas()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ---------------------------------------------------------------------------
# Reading and validating
# ---------------------------------------------------------------------------


def _resolve(name: str) -> DatasetSpec:
    key = ALIASES.get(str(name).strip().upper(), str(name).strip().lower()) if isinstance(name, str) else name
    if key not in DATASETS:
        raise MissionkitInputError(
            f"There is no case dataset called '{name}'",
            fix="Use one of: " + ", ".join(DATASETS) + " (or D0 to D9).",
        )
    return DATASETS[key]


def read_csv(path: str | Path, name: str) -> pd.DataFrame:
    """Read a case CSV with the column types of its data dictionary (no validation)."""
    spec = _resolve(name)
    dtypes = {c.name: _DTYPES[c.kind] for c in spec.columns}
    return pd.read_csv(
        path,
        dtype=dtypes,
        keep_default_na=False,
        na_values=[""],
        encoding="utf-8",
    )


def validate(name: str, df: pd.DataFrame, *, file: str | None = None) -> pd.DataFrame:
    """Check ``df`` against the schema of dataset ``name``.

    Returns ``df`` when it is valid. Otherwise raises ``MissionkitInputError``
    naming the first problem's row (as in a spreadsheet: header = row 1) and
    column, and saying how to fix it.
    """
    import pandera.errors as pe

    spec = _resolve(name)
    file = file or spec.file
    missing = [c for c in spec.column_names if c not in df.columns]
    if missing:
        raise MissionkitInputError(
            f"The table has no column '{missing[0]}'",
            fix="Add the column, spelled exactly as in the data dictionary: " + ", ".join(spec.column_names) + ".",
            file=file,
            column=missing[0],
        )
    extra = [c for c in df.columns if c not in spec.column_names]
    if extra:
        raise MissionkitInputError(
            f"The table has a column '{extra[0]}' that the data dictionary does not know",
            fix="Remove or rename it; the expected columns are: " + ", ".join(spec.column_names) + ".",
            file=file,
            column=str(extra[0]),
        )
    df = df[spec.column_names]
    try:
        checked = schemas()[spec.name].validate(df.reset_index(drop=True), lazy=True)
        checked.index = df.index
        return checked
    except pe.SchemaErrors as err:
        raise _explain(err, spec, file) from None
    except pe.SchemaError as err:  # pragma: no cover - lazy=True normally gathers errors
        raise MissionkitInputError(str(err).splitlines()[0], fix="Check the column's type and values.",
                                   file=file) from None


def _explain(err: Any, spec: DatasetSpec, file: str) -> MissionkitInputError:
    cases = err.failure_cases
    first = cases.iloc[0]
    if "unique" in str(first.get("check")) and len(cases) > 1:
        same = cases[(cases["column"] == first.get("column")) & (cases["check"] == first.get("check"))]
        first = same.iloc[-1]  # point at the repeat, not the original
    column = first.get("column")
    column = None if column is None or (isinstance(column, float) and pd.isna(column)) else str(column)
    index = first.get("index")
    row = int(index) + 2 if index is not None and not pd.isna(index) else None
    value = first.get("failure_case")
    check = str(first.get("check"))
    col = spec.column(column) if column in spec.column_names else None
    allowed = col.allowed_text() if col else ""
    if "dtype" in check:
        kind = {"int": "a whole number", "float": "a number", "text": "text"}[col.kind] if col else "another type"
        problem = f"Column '{column}' should hold {kind}"
        fix = f"Make every value in '{column}' {kind} ({allowed})."
        row = None
    elif "not_nullable" in check:
        problem = f"A value is missing in column '{column}'"
        fix = f"Fill in the cell; allowed values: {allowed}."
    elif "field_uniqueness" in check or "unique" in check:
        problem = f"The value '{value}' appears more than once in column '{column}'"
        fix = "Give each row its own identifier."
    else:
        problem = f"The value '{value}' is not allowed in column '{column}'"
        fix = f"Use an allowed value: {allowed}."
    return MissionkitInputError(problem, fix=fix, file=file, row=row, column=column)


_CACHE: dict[str, pd.DataFrame] = {}


def load(name: str) -> pd.DataFrame:
    """One case dataset as a validated DataFrame (a fresh copy each call; reading is cached).

    ``name`` is a dataset name (``"policies"``, ``"projects"``, ...) or a code
    (``"D1"`` to ``"D9"``; ``"D5"`` gives the survey answers).
    """
    spec = _resolve(name)
    if spec.name not in _CACHE:
        path = DATA_FOLDER / spec.file
        if not path.exists():
            raise MissionkitInputError(
                f"The case file {spec.file} is missing",
                fix="Regenerate the case data with: python -m missionkit.data.generate_case",
                file=str(path),
            )
        _CACHE[spec.name] = validate(spec.name, read_csv(path, spec.name), file=spec.file)
    df = _CACHE[spec.name].copy()
    df.attrs["fictional"] = "the Republic of Marenta, a FICTIONAL case"  # charts label it (charts.fictional_suffix)
    return df


def load_all() -> dict[str, pd.DataFrame]:
    """Every case dataset, keyed by name."""
    return {name: load(name) for name in DATASETS}


# ---------------------------------------------------------------------------
# The data dictionary as a book page
# ---------------------------------------------------------------------------


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ") or " "


def data_dictionary_markdown() -> str:
    """The data dictionary as Markdown: one H1, one plain table per dataset."""
    lines = [
        "# Data dictionary: the Marenta case (FICTIONAL)",
        "",
        "**FICTIONAL.** The Republic of Marenta, its cities (Amberport, Kessa and Nuvo Alto), its "
        "organisations and every number in these files are invented for teaching. They are not real policy.",
        "",
        f"Money is in millions of {CURRENCY_NAME}s ({MONEY_UNIT}). The case date is "
        f"{_day(TODAY)}; the mission was adopted on {_day(MISSION_ADOPTED)}, with baseline year "
        f"{BASELINE_YEAR} and deadline {DEADLINE_YEAR}.",
        "",
        "The files live in `missionkit/data/case/`. They are made by a seeded script, so every cohort gets the same "
        "data: `python -m missionkit.data.generate_case`. In a notebook, `missionkit.case.load(\"policies\")` "
        "reads one file and checks it against this dictionary.",
        "",
        "Mission objectives: " + "; ".join(f"{k} {v['name']}" for k, v in OBJECTIVES.items()) + ".",
        "",
    ]
    for spec in DATASETS.values():
        lo, hi = spec.rows
        size = f"{lo} rows" if lo == hi else f"{lo} to {hi} rows"
        lines += [
            f"## {spec.code} {spec.title}: `{spec.file}`",
            "",
            f"{spec.description} Expected size: {size}.",
            "",
            "| Column | Meaning | Unit | Allowed values |",
            "|---|---|---|---|",
        ]
        for col in spec.columns:
            lines.append(
                f"| `{col.name}` | {_cell(col.meaning)} | {_cell(col.unit or '-')} | {_cell(col.allowed_text())} |"
            )
        lines.append("")
    return "\n".join(lines)
