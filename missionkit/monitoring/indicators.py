"""Module 08: monitoring and evaluation. Indicator quality, trajectories and status.

Domain logic only (pandas; no display code; never prints). It holds:

* :func:`load_indicators`: a participant's indicator framework (CSV, Excel or a
  DataFrame) read through :func:`missionkit.tables.read_table`, so every bad
  file gets a message naming the file, row and column and how to fix it;
* :func:`audit`: one row per indicator with the result of each quality check
  (:data:`CHECKS`) and plain-language notes; :func:`audit_details` gives the
  same in long form, one row per indicator and check, each with its note;
* :func:`trajectory`: the planned path from baseline to target (a straight
  line or a constant rate) and, with observed values, each indicator's status
  (on track, at risk, off track, no data) and the pace needed from now on;
  :func:`dashboard_summary` turns that into sentences;
* the theory of change (:class:`TheoryOfChange`) and the exercise checks,
  each returning a :class:`~missionkit.feedback.Feedback`;
* :func:`indicator_template` and :func:`write_indicator_template`: the blank
  indicator template offered to participants (CSV and XLSX).

Sources (keys of ``missionkit/data/references.csv``): the intervention-logic
levels and "indicators at every level" come from Kusek and Rist (2004)
[kusekrist2004] and Horizon Europe's terms [he-terms]; CREAM from Kusek and
Rist [kusekrist2004] (attributed to Schiavo-Campo, 1999 [cream-sec]); SMART
from Doran (1981) [doran1981]; the three purposes of mission M&E from the OECD
Mission Action Lab [mal-eval]. The combined check, the keyword rules for
"an output posing as an outcome" and the status thresholds are OUR PROPOSAL
(brief section 4.4), written out here so that participants can read and
question them.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from missionkit import case
from missionkit.data import DATA_DIR
from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, is_blank
from missionkit.tables import Column, TableSpec, read_table
from missionkit.text import cites_full

__all__ = [
    "LEVELS",
    "LEVEL_LABELS",
    "Check",
    "CHECKS",
    "RESULTS",
    "OUTPUT_RULES",
    "output_words",
    "OUTPUT_RULE_WORDS",
    "output_rules",
    "STATUSES",
    "ON_TRACK_SHARE",
    "AT_RISK_SHARE",
    "REVIEW_CYCLE_YEARS",
    "INDICATOR_SPEC",
    "OBSERVED_SPEC",
    "load_indicators",
    "load_observed",
    "audit",
    "audit_details",
    "flagged",
    "Trajectories",
    "trajectory",
    "planned_value",
    "dashboard_summary",
    "TheoryOfChange",
    "parse_theory_of_change",
    "check_theory_of_change",
    "MARENTA_THEORY_OF_CHANGE",
    "draft_table",
    "audit_draft",
    "FIXES",
    "MARENTA_TRAPS",
    "check_flagged",
    "check_fix_first",
    "progress_misread",
    "check_fixes",
    "check_drafts",
    "lower_is_better",
    "check_status_reading",
    "check_recommendation",
    "TEMPLATE_FOLDER",
    "indicator_template",
    "write_indicator_template",
    "gap_closed",
    "problems",
    "REAL_PROGRESS",
    "real_progress",
    "fix_options",
]

# --------------------------------------------------------------------------- vocabulary
LEVELS: tuple[str, ...] = tuple(case.INDICATOR_LEVELS)  # input, activity, output, outcome, impact
LEVEL_LABELS = {
    "input": "Inputs",
    "activity": "Activities",
    "output": "Outputs",
    "outcome": "Outcomes",
    "impact": "Impacts",
}
RESULTS: tuple[str, ...] = ("ok", "flag", "unknown")
STATUSES: tuple[str, ...] = ("on track", "at risk", "off track", "no data")

REVIEW_CYCLE_YEARS = 1.0
"""Marenta's portfolio review is annual (brief 9.2, FICTIONAL); data older than one cycle arrive too late."""

ON_TRACK_SHARE = 0.9
AT_RISK_SHARE = 0.5
"""Status thresholds (OUR PROPOSAL): the share of the planned progress achieved by the latest reading.
At least 90%: on track; 50% to 90%: at risk; below 50%: off track. A shortfall no bigger than the
indicator's usual year-to-year change is never called off track: one noisy reading is not a trend."""

TREND_WINDOW_YEARS = 5.0
MIN_NOISE_CHANGES = 3


# --------------------------------------------------------------------------- the checks
@dataclass(frozen=True)
class Check:
    """One quality check of the combined indicator check (OUR PROPOSAL, brief 4.4)."""

    key: str
    label: str
    question: str
    criterion: str


CHECKS: tuple[Check, ...] = (
    Check("baseline", "Baseline", "Is there a baseline value and the year it was measured?",
          "SMART: measurable; a baseline is the first measurement (Kusek and Rist 2004)"),
    Check("target", "Target by the deadline", "Is there a target value and year, no later than the mission's deadline?",
          "SMART: time-related"),
    Check("milestone", "Milestone", "Is there at least one milestone between the baseline and the target?",
          "Kusek and Rist 2004: indicators need checkpoints, not only an end point"),
    Check("output_as_outcome", "Level fits the wording", "Does the name measure what its level says (no output posing as an outcome)?",
          "CREAM: relevant and adequate"),
    Check("name_unit", "Name and unit", "Does it have a name and a unit of measurement?", "CREAM: clear"),
    Check("owner_frequency", "Data owner and frequency", "Does someone own the data, and how often is it published?",
          "CREAM: monitorable; SMART: assignable"),
    Check("timely", "Data in time for reviews", "Do new values arrive within one review cycle?",
          "CREAM: monitorable, in time to steer"),
    Check("definition", "Stable definition", "Is the definition unchanged since the baseline?",
          "CREAM: clear and adequate over time"),
)
CHECK_KEYS = tuple(c.key for c in CHECKS)
CHECK_LABELS = {c.key: c.label for c in CHECKS}

# Transparent keyword rules: a name matching one of these describes an output (or an input), so an
# indicator labelled "outcome" or "impact" with such a name is an output posing as an outcome.
OUTPUT_RULES: tuple[tuple[str, str], ...] = (
    (r"\b(?:built|constructed|installed|erected|paved|completed|delivered|opened|redesigned|upgraded|"
     r"refurbished|renovated|procured|purchased|bought|deployed|trained)\b",
     "counts something the mission builds, buys, trains or delivers"),
    (r"\bnumber of\b.*\b(?:funded|financed|supported|held|organi[sz]ed|run|launched|started|signed|awarded|"
     r"granted|issued|published|created|set up|hired|recruited|distributed|adopted|approved)\b",
     "counts things the mission funds, holds or launches"),
    (r"\b(?:km|kms|kilomet(?:re|er)s?|miles?|met(?:re|er)s|square met(?:re|er)s|hectares?)\s+of\b",
     "measures the size of something built"),
    (r"\b(?:projects?|pilots?|grants?|calls?|workshops?|events?|trainings?|meetings?|campaigns?|studies|"
     r"reports?|assemblies)\s+(?:funded|financed|held|launched|run|organi[sz]ed|awarded|published)\b",
     "counts the mission's own activities"),
    (r"\b(?:disbursed|allocated|budget|funds? (?:committed|spent))\b", "measures money put in"),
)
_OUTPUT_PATTERNS = tuple((re.compile(p, re.IGNORECASE), why) for p, why in OUTPUT_RULES)
OUTPUT_RULE_WORDS: tuple[str, ...] = (
    "built, constructed, installed, erected, paved, completed, delivered, opened, redesigned, upgraded, "
    "refurbished, renovated, procured, purchased, bought, deployed, trained",
    "\u201cnumber of\u201d followed later by: funded, financed, supported, held, organised, run, launched, started, "
    "signed, awarded, granted, issued, published, created, set up, hired, recruited, distributed, adopted, approved",
    "km, kilometres, miles, metres, square metres or hectares, followed by \u201cof\u201d",
    "projects, pilots, grants, calls, workshops, events, trainings, meetings, campaigns, studies, reports or "
    "assemblies, followed by: funded, financed, held, launched, run, organised, awarded, published",
    "disbursed, allocated, budget, funds committed, funds spent",
)
"""The words each rule in :data:`OUTPUT_RULES` looks for, in plain language (same order)."""


def output_rules() -> pd.DataFrame:
    """The keyword rules for "an output posing as an outcome", in plain language."""
    return pd.DataFrame({"if the name contains": OUTPUT_RULE_WORDS,
                         "it probably": [why for _, why in OUTPUT_RULES]})


def output_words(name: Any) -> tuple[str, str] | None:
    """The words in an indicator's name that describe an output, and why; None if there are none."""
    if _blank(name):
        return None
    text = str(name)
    for pattern, why in _OUTPUT_PATTERNS:
        m = pattern.search(text)
        if m:
            return m.group(0), why
    return None


# --------------------------------------------------------------------------- small helpers
def _blank(value: Any) -> bool:
    if value is None or value is ... or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, (np.floating,)) and np.isnan(value):
        return True
    if isinstance(value, str):
        return not value.strip()
    return False


def _num(value: Any) -> float | None:
    if _blank(value):
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _int(value: Any) -> int | None:
    f = _num(value)
    return int(round(f)) if f is not None else None


def _fmt(x: float | None, unit: str = "") -> str:
    """A number as a person would write it: 62, 45.2, 1,800, 0.25; with its unit (45.2% of residents)."""
    if x is None:
        return "(blank)"
    if abs(x) >= 1000:
        s = f"{x:,.0f}"
    elif float(x).is_integer():
        s = f"{int(x)}"
    elif abs(x) >= 10:
        s = f"{x:.1f}".rstrip("0").rstrip(".")
    else:
        s = f"{x:.2f}".rstrip("0").rstrip(".")
    unit = str(unit or "").strip()
    if not unit:
        return s
    return f"{s}{unit}" if unit.startswith("%") else f"{s} {unit}"


def _rate_unit(unit: str) -> str:
    """The unit of a change per year: percentage points for shares, the unit without qualifiers otherwise."""
    unit = str(unit or "").strip()
    if unit.startswith("%"):
        return "percentage points"
    return unit.split(", ")[0].strip()


def _years(x: float) -> str:
    if float(x).is_integer():
        n = int(x)
        return f"{n} year" if n == 1 else f"{n} years"
    months = x * 12
    if float(round(months, 6)).is_integer() and months < 12:
        m = int(round(months))
        return f"{m} month" if m == 1 else f"{m} months"
    return f"{x:g} years"


def _text(value: Any) -> str:
    return "" if _blank(value) else str(value).strip()


def _short(text: str, limit: int = 60) -> str:
    """Text cut at a word boundary to at most ``limit`` characters."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _label(row: Mapping[str, Any]) -> str:
    """How an indicator is called in notes: its id, else its spreadsheet row."""
    ident = _text(row.get("id"))
    if ident:
        return ident
    return f"row {row.get('row')}" if row.get("row") is not None else "this indicator"


_FREQUENCY_WORDS = (
    (r"\b(?:daily|every day)\b", 1 / 365),
    (r"\b(?:weekly|every week)\b", 1 / 52),
    (r"\b(?:monthly|every month)\b", 1 / 12),
    (r"\b(?:quarterly|every quarter|every 3 months|every three months)\b", 0.25),
    (r"\b(?:twice a year|half[- ]yearly|semi[- ]annual(?:ly)?|biannual(?:ly)?|every 6 months|every six months)\b", 0.5),
    (r"\b(?:annual(?:ly)?|yearly|every year|once a year|each year|per year)\b", 1.0),
    (r"\b(?:biennial(?:ly)?|every (?:2|two|other) years?)\b", 2.0),
    (r"\b(?:triennial(?:ly)?|every (?:3|three) years)\b", 3.0),
    (r"\bevery (\d+(?:[.,]\d+)?) years\b", None),
    (r"\b(?:one[- ]off|once|single)\b", math.inf),
)


def frequency_years(text: Any) -> float | None:
    """Years between two publications for a frequency written in words; None if not understood."""
    if _blank(text):
        return None
    t = str(text).strip().lower()
    for pattern, years in _FREQUENCY_WORDS:
        m = re.search(pattern, t)
        if m:
            if years is None:
                return float(m.group(1).replace(",", "."))
            return years
    return None


# --------------------------------------------------------------------------- reading tables
_BASE_COLUMNS: tuple[Column, ...] = (
    Column("id", required=False, unique=True, synonyms=("indicator_id", "code", "ref", "indicator_code"),
           description="a short code such as I01", example="I01"),
    Column("name", blank_ok=True, synonyms=("indicator", "indicator_name", "title", "description_of_indicator"),
           description="what the indicator measures"),
    Column("objective", required=False, synonyms=("mission_objective",), description="the objective it tracks"),
    Column("level", "choice", choices=LEVELS, blank_ok=True, synonyms=("logic_level", "result_level"),
           description="input, activity, output, outcome or impact"),
    Column("unit", blank_ok=True, synonyms=("units", "unit_of_measure", "unit_of_measurement"),
           description="unit of measurement"),
    Column("baseline", "number", blank_ok=True, synonyms=("baseline_value",), description="value in the baseline year"),
    Column("baseline_year", "year", blank_ok=True, description="year of the baseline value"),
    Column("target", "number", blank_ok=True, synonyms=("target_value",), description="value to reach"),
    Column("target_year", "year", blank_ok=True, description="year by which to reach the target"),
    Column("source", blank_ok=True, synonyms=("data_source", "means_of_verification"),
           description="survey, register or system the data come from"),
    Column("data_owner", required=False, synonyms=("owner", "responsible", "data_provider"),
           description="organisation that collects and publishes the data"),
    Column("frequency", required=False, synonyms=("update_frequency", "reporting_frequency", "periodicity"),
           description="how often a new value is published (e.g. annual, quarterly)"),
    Column("lag_years", "number", required=False, min=0, max=20,
           synonyms=("lag", "reporting_lag", "reporting_lag_years", "lag_in_years", "publication_lag"),
           description="years between the end of the period measured and publication"),
    Column("definition_revised", "year", required=False, synonyms=("definition_changed", "definition_change_year"),
           description="year the definition changed; blank if never"),
    Column("notes", required=False, synonyms=("comments", "remarks"), description="remarks"),
)
INDICATOR_SPEC = TableSpec("indicator framework", _BASE_COLUMNS)
"""The indicator table: the base columns; ``milestone_YYYY`` columns are added for the file at hand."""

_PEEK_SPEC = TableSpec(
    "indicator framework",
    tuple(Column(c.name, required=False, synonyms=c.synonyms) for c in _BASE_COLUMNS),
)
_MILESTONE = re.compile(r"^milestone_?((?:19|20|21)\d\d)$")
_TARGET_YEAR_COL = re.compile(r"^target_?((?:19|20|21)\d\d)$")


def _norm_header(name: Any) -> str:
    from missionkit.tables import header_key  # the reader's own header key, so names match the same way

    return header_key(name)


def _spec_for(columns: Iterable[Any], filled: Iterable[Any] = ()) -> tuple[TableSpec, dict[str, int], int | None]:
    """The indicator spec for a file with these columns: its milestone columns and any 'target_YYYY'.

    ``filled``: the columns holding at least one value (the reader adds missing spec columns, blank).
    """
    keys = {_norm_header(c): c for c in columns}
    filled_keys = {_norm_header(c) for c in filled}
    milestones = {}
    for key in keys:
        m = _MILESTONE.match(key)
        if m:
            milestones[f"milestone_{m.group(1)}"] = int(m.group(1))
    target_cols = sorted({int(m.group(1)) for k in keys if (m := _TARGET_YEAR_COL.match(k))})
    has_target = "target" in filled_keys
    cols = list(_BASE_COLUMNS)
    implied_year = None
    if not has_target and len(target_cols) == 1:
        implied_year = target_cols[0]
        cols = [c if c.name != "target" else Column("target", "number", blank_ok=True,
                                                   synonyms=("target_value", f"target_{implied_year}"),
                                                   description=c.description)
                for c in cols]
        cols = [c if c.name != "target_year" else Column("target_year", "year", required=False,
                                                        description=c.description)
                for c in cols]
    position = [c.name for c in cols].index("target")
    extra = [Column(name, "number", required=False, description=f"value to reach by {year}")
             for name, year in sorted(milestones.items(), key=lambda kv: kv[1])]
    cols[position:position] = extra
    return TableSpec("indicator framework", tuple(cols)), milestones, implied_year


def load_indicators(source: Any, *, sheet: str | None = None, name: str | None = None) -> pd.DataFrame:
    """Read an indicator framework (a .csv/.xlsx path, uploaded bytes or a DataFrame).

    Required columns: name, level, unit, baseline, baseline_year, target,
    target_year, source; cells may be blank (the audit reports the gaps).
    Optional: id, objective, data_owner, frequency, lag_years,
    definition_revised, notes, and any ``milestone_YYYY`` columns (e.g.
    ``milestone_2028``). A single ``target_2035`` column is read as the target
    with target year 2035. Other columns are kept as text.

    Returns a DataFrame indexed by spreadsheet row (header = row 1), with
    ``df.attrs["milestones"]`` mapping each milestone column to its year.
    Raises :class:`MissionkitInputError` naming file, row and column.
    """
    try:
        peek = read_table(source, _PEEK_SPEC, sheet=sheet, name=name)
    except MissionkitInputError:
        read_table(source, INDICATOR_SPEC, sheet=sheet, name=name)  # the message that names the needed columns
        raise
    spec, milestones, implied_year = _spec_for(peek.columns, [c for c in peek.columns if peek[c].notna().any()])
    df = read_table(source, spec, sheet=sheet, name=name)
    if implied_year is not None:
        df["target_year"] = df["target_year"].astype("Int64")
        df.loc[df["target_year"].isna() & df["target"].notna(), "target_year"] = implied_year
    df.attrs["milestones"] = milestones
    df.attrs["spec"] = spec.name
    return df


OBSERVED_SPEC = TableSpec("monitoring values", (
    Column("indicator_id", synonyms=("id", "indicator", "code", "indicator_code"),
           description="the indicator's id, as in the framework", example="I01"),
    Column("period", required=False, description="a year (2025) or a quarter (2025-Q1)", example="2025"),
    Column("year", "year", required=False, min=1950, max=2100, description="year of the value", example=2025),
    Column("quarter", "integer", required=False, min=1, max=4, description="quarter 1 to 4; blank for a year"),
    Column("value", "number", blank_ok=True, description="the value, in the indicator's unit", example=61.9),
))
_PERIOD = re.compile(r"^\s*((?:19|20|21)\d\d)\s*(?:[-/ ]?\s*[Qq]\s*([1-4]))?\s*$")


def load_observed(source: Any, *, sheet: str | None = None, name: str | None = None) -> pd.DataFrame:
    """Read observed values (long format: indicator_id, year or period, optional quarter, value).

    Rows with a blank value are kept out (a year with no reading). Returns the
    columns indicator_id, period, year, quarter, value, indexed by spreadsheet row.
    """
    df = read_table(source, OBSERVED_SPEC, sheet=sheet, name=name)
    file = df.attrs.get("source", {}).get("file") or name
    has_year = df["year"].notna()
    for row, period in df.loc[~has_year, "period"].items():
        if _blank(period):
            raise MissionkitInputError(
                "This row has neither a year nor a period, so the value cannot be placed in time",
                fix="Type the year (for example 2025) in the 'year' column, or a period such as 2025 or 2025-Q1 "
                    "in the 'period' column, then load the file again",
                file=file, row=int(row), column="year")
        m = _PERIOD.match(str(period))
        if not m:
            raise MissionkitInputError(
                f"'{_short(period, 30)}' is not a period this course can read",
                fix="Write a year (2025) or a year and quarter (2025-Q1), then load the file again",
                file=file, row=int(row), column="period")
        df.loc[row, "year"] = int(m.group(1))
        if m.group(2) and pd.isna(df.loc[row, "quarter"]):
            df.loc[row, "quarter"] = int(m.group(2))
    for row, period in df.loc[has_year & df["period"].notna(), "period"].items():
        m = _PERIOD.match(str(period))
        if m and m.group(2) and pd.isna(df.loc[row, "quarter"]):
            df.loc[row, "quarter"] = int(m.group(2))
    df["year"] = df["year"].astype("Int64")
    df["quarter"] = df["quarter"].astype("Int64")
    df["period"] = [f"{y}-Q{q}" if not pd.isna(q) else f"{y}" for y, q in zip(df["year"], df["quarter"], strict=False)]
    df["indicator_id"] = df["indicator_id"].astype(str).str.strip()
    df = df[df["value"].notna()]
    dup = df.duplicated(subset=["indicator_id", "period"], keep="first")
    if dup.any():
        row = int(df.index[dup.to_numpy()][0])
        first = df[(df["indicator_id"] == df.loc[row, "indicator_id"]) & (df["period"] == df.loc[row, "period"])]
        raise MissionkitInputError(
            f"Indicator '{df.loc[row, 'indicator_id']}' has two values for {df.loc[row, 'period']} "
            f"(rows {int(first.index[0])} and {row})",
            fix="Keep one value per indicator and period (delete or correct the other row), then load the file again",
            file=file, row=row, column="value")
    return df[["indicator_id", "period", "year", "quarter", "value"]]


# --------------------------------------------------------------------------- the audit
def _milestones_of(df: pd.DataFrame) -> dict[str, int]:
    found = dict(df.attrs.get("milestones") or {})
    for col in df.columns:
        m = _MILESTONE.match(str(col))
        if m and col not in found:
            found[col] = int(m.group(1))
    return found


def _check_row(row: Mapping[str, Any], milestones: Mapping[str, int], *, deadline: int,
               review_cycle: float) -> dict[str, tuple[str, str]]:
    """Each check's (result, note) for one indicator."""
    out: dict[str, tuple[str, str]] = {}
    name = _text(row.get("name"))
    unit = _text(row.get("unit"))
    level = _text(row.get("level")).lower()
    baseline, base_year = _num(row.get("baseline")), _int(row.get("baseline_year"))
    target, target_year = _num(row.get("target")), _int(row.get("target_year"))

    # baseline
    if baseline is None and base_year is None:
        out["baseline"] = ("flag", "No baseline: without a starting value nobody can tell whether things improve. "
                                   "Measure it now, or use the first reading, and record its year.")
    elif baseline is None:
        out["baseline"] = ("flag", f"A baseline year ({base_year}) but no value: record the value measured then.")
    elif base_year is None:
        out["baseline"] = ("flag", f"A baseline value ({_fmt(baseline, unit)}) but no year: record when it was "
                                   "measured.")
    else:
        out["baseline"] = ("ok", f"Baseline {_fmt(baseline, unit)} in {base_year}.")

    # target by the deadline
    if target is None and target_year is None:
        out["target"] = ("flag", "No target: say what value the mission aims for and by when.")
    elif target is None:
        out["target"] = ("flag", f"A target year ({target_year}) but no target value.")
    elif target_year is None:
        out["target"] = ("flag", f"A target value ({_fmt(target, unit)}) but no year: a target needs a date "
                                 "(SMART: time-related).")
    elif target_year > deadline:
        out["target"] = ("flag", f"The target year {target_year} is after the mission's deadline ({deadline}): "
                                 f"set a value to reach by {deadline}, or explain why this one runs longer.")
    elif base_year is not None and target_year <= base_year:
        out["target"] = ("flag", f"The target year {target_year} is not after the baseline year {base_year}.")
    elif baseline is not None and target == baseline:
        out["target"] = ("ok", f"Target {_fmt(target, unit)} by {target_year}: the same as the baseline, so the aim "
                               "is to hold the level; say so explicitly.")
    else:
        out["target"] = ("ok", f"Target {_fmt(target, unit)} by {target_year}.")

    # milestone
    ms = [(year, _num(row.get(col))) for col, year in sorted(milestones.items(), key=lambda kv: kv[1])]
    ms = [(y, v) for y, v in ms if v is not None]
    if not milestones:
        out["milestone"] = ("flag", "No milestone: add at least one checkpoint between the baseline and the "
                                    "target, for example for a mid-term review (in a file, a column such as "
                                    "milestone_2030).")
    elif not ms:
        out["milestone"] = ("flag", "No milestone value: add at least one checkpoint between the baseline and the "
                                    "target.")
    else:
        out["milestone"] = ("ok", "Milestones: " + ", ".join(f"{_fmt(v)} by {y}" for y, v in ms) + ".")

    # level fits the wording
    if not level:
        out["output_as_outcome"] = ("flag", "No level: say whether it measures an input, activity, output, outcome or impact.")
    elif level in ("outcome", "impact"):
        hit = output_words(name)
        if hit:
            words, why = hit
            out["output_as_outcome"] = ("flag", f"An output posing as an {level}: the name {why} (\u201c{words}\u201d), but it "
                                    f"is labelled {level}. Relabel it as an output, or measure the change it should "
                                    "bring about for people (who uses it, and how their situation changes).")
        else:
            out["output_as_outcome"] = ("ok", f"Labelled {level}; the name describes a change, not a product of the mission.")
    else:
        out["output_as_outcome"] = ("ok", f"Labelled {level}.")

    # name and unit
    if not name and not unit:
        out["name_unit"] = ("flag", "No name and no unit: say what is measured and in what unit.")
    elif not name:
        out["name_unit"] = ("flag", "No name: say in plain words what is measured.")
    elif not unit:
        out["name_unit"] = ("flag", "No unit: say what the numbers count (%, minutes, people, km, ...). Without a unit a "
                                "target such as '80' can be read several ways.")
    else:
        out["name_unit"] = ("ok", f"Measured in {unit}.")

    # data owner and frequency
    owner, freq = _text(row.get("data_owner")), _text(row.get("frequency"))
    missing = [(w, col) for w, v, col in (("data owner", owner, "data_owner"), ("frequency", freq, "frequency"))
               if not v]
    if missing:
        cols = " and ".join(col for _, col in missing)
        out["owner_frequency"] = ("flag", f"No {' and no '.join(w for w, _ in missing)} (fill in {cols}): name who "
                                          "collects and publishes the data and how often, or nobody will be "
                                          "accountable for it (SMART: assignable).")
    else:
        out["owner_frequency"] = ("ok", f"{owner}, {freq}.")

    # data in time for reviews
    lag = _num(row.get("lag_years"))
    interval = frequency_years(freq)
    cycle = _years(review_cycle)
    if lag is not None and lag > review_cycle:
        out["timely"] = ("flag", f"Data arrive {_years(lag)} after the period they measure, longer than the "
                                 f"review cycle of {cycle}: each review sees numbers that are {_years(lag)} old. Add a "
                                 "faster proxy or leading indicator, or ask the data owner for an early estimate.")
    elif interval is not None and interval > review_cycle:
        every = "only once" if math.isinf(interval) else f"only every {_years(interval)}"
        out["timely"] = ("flag", f"New values come {every}, less often than the review cycle of {cycle}: "
                                 "most reviews will have no new reading. Add a more frequent proxy.")
    elif lag is None:
        out["timely"] = ("unknown", "No reporting lag given: ask the data owner how long after the period the "
                                    "numbers appear.")
    else:
        out["timely"] = ("ok", f"Published {_years(lag)} after the period, within the review cycle of {cycle}."
                         if lag > 0 else "Published without delay.")

    # stable definition
    revised = _int(row.get("definition_revised"))
    if revised is None:
        out["definition"] = ("ok", "No change of definition recorded.")
    elif base_year is None or revised > base_year:
        after = f"after the baseline year ({base_year})" if base_year is not None else "and there is no baseline year"
        out["definition"] = ("flag", f"The definition changed in {revised}, {after}: values before {revised} are not "
                                     "comparable with later ones. Restate the baseline (and any history) on the new "
                                     "definition, and mark the break in every chart and report.")
    else:
        out["definition"] = ("ok", f"Definition changed in {revised}, before the baseline year: the baseline already "
                                   "uses it.")
    return out


def _audit_rows(indicators: Any, deadline: int, review_cycle: float) -> tuple[pd.DataFrame, list[dict]]:
    df = indicators if _is_loaded(indicators) else load_indicators(indicators)
    milestones = _milestones_of(df)
    records = []
    for row_number, row in df.iterrows():
        r = dict(row)
        r["row"] = int(row_number) if isinstance(row_number, (int, np.integer)) else row_number
        records.append({"row": r["row"], "label": _label(r), "checks": _check_row(
            r, milestones, deadline=deadline, review_cycle=review_cycle), "data": r})
    return df, records


def _is_loaded(df: Any) -> bool:
    return isinstance(df, pd.DataFrame) and df.attrs.get("spec") == "indicator framework"


def _validate_settings(deadline: Any, review_cycle: Any) -> tuple[int, float]:
    d, c = _int(deadline), _num(review_cycle)
    if d is None or not 1950 <= d <= 2100:
        raise MissionkitInputError(f"The deadline '{deadline}' is not a year",
                                   fix="Give the mission's deadline as a year, for example deadline=2035")
    if c is None or c <= 0:
        raise MissionkitInputError(f"The review cycle '{review_cycle}' is not a positive number of years",
                                   fix="Give the time between two reviews in years, for example review_cycle=1 "
                                       "(annual) or 0.25 (quarterly)")
    return d, c


def audit(indicators: Any, *, deadline: int = case.DEADLINE_YEAR,
          review_cycle: float = REVIEW_CYCLE_YEARS) -> pd.DataFrame:
    """Run every quality check on every indicator.

    ``indicators``: a file path, uploaded bytes or a DataFrame with at least
    the columns of :func:`load_indicators` (blanks allowed).
    ``deadline``: the mission's deadline year; ``review_cycle``: years between
    two reviews (Marenta: 1, an annual portfolio review).

    Returns one row per indicator: row (spreadsheet row), id, name, level,
    one column per check in :data:`CHECKS` holding "ok", "flag" or "unknown",
    ``flag_count`` (how many checks flag it) and ``notes`` (the plain-language notes
    of the flagged and unknown checks). :func:`audit_details` gives every note.
    Raises only :class:`MissionkitInputError`.
    """
    deadline, review_cycle = _validate_settings(deadline, review_cycle)
    _, records = _audit_rows(indicators, deadline, review_cycle)
    rows = []
    for rec in records:
        d, checks = rec["data"], rec["checks"]
        entry = {"row": rec["row"], "id": rec["label"], "name": _text(d.get("name")), "level": _text(d.get("level"))}
        entry.update({k: checks[k][0] for k in CHECK_KEYS})
        entry["flag_count"] = sum(1 for k in CHECK_KEYS if checks[k][0] == "flag")
        notes = [f"{CHECK_LABELS[k]}: {checks[k][1]}" for k in CHECK_KEYS if checks[k][0] != "ok"]
        entry["notes"] = " ".join(notes) if notes else "All checks passed."
        rows.append(entry)
    return pd.DataFrame(rows, columns=["row", "id", "name", "level", *CHECK_KEYS, "flag_count", "notes"])


def audit_details(indicators: Any, *, deadline: int = case.DEADLINE_YEAR,
                  review_cycle: float = REVIEW_CYCLE_YEARS) -> pd.DataFrame:
    """The audit in long form: one row per indicator and check (row, id, name, check, label, result, note)."""
    deadline, review_cycle = _validate_settings(deadline, review_cycle)
    _, records = _audit_rows(indicators, deadline, review_cycle)
    rows = []
    for rec in records:
        for check in CHECKS:
            result, note = rec["checks"][check.key]
            rows.append({"row": rec["row"], "id": rec["label"], "name": _text(rec["data"].get("name")),
                         "check": check.key, "label": check.label, "result": result, "note": note})
    return pd.DataFrame(rows, columns=["row", "id", "name", "check", "label", "result", "note"])


def problems(indicators: Any, *, deadline: int = case.DEADLINE_YEAR,
             review_cycle: float = REVIEW_CYCLE_YEARS) -> pd.DataFrame:
    """Only what needs fixing: one row per flagged (or unknown) check, with its note (id, name, check, note)."""
    details = audit_details(indicators, deadline=deadline, review_cycle=review_cycle)
    out = details[details["result"] != "ok"][["id", "name", "label", "result", "note"]]
    return out.rename(columns={"label": "check"}).reset_index(drop=True)


def flagged(audit_table: pd.DataFrame) -> dict[str, list[str]]:
    """{indicator id: [labels of the checks that flag it]} for the indicators with at least one flag."""
    out: dict[str, list[str]] = {}
    for _, r in audit_table.iterrows():
        hits = [CHECK_LABELS[k] for k in CHECK_KEYS if r.get(k) == "flag"]
        if hits:
            out[str(r["id"])] = hits
    return out


# --------------------------------------------------------------------------- trajectories
def _time(year: Any, quarter: Any = None) -> float:
    """A reading's place in time, in years: the middle of its year (2025 -> 2025.5) or quarter (2025-Q1 -> 2025.125)."""
    y = float(year)
    if quarter is None or _blank(quarter):
        return y + 0.5
    return y + (float(quarter) - 0.5) / 4


def _today_time(today: Any) -> float:
    try:
        ts = pd.Timestamp(today)
    except (ValueError, TypeError):
        raise MissionkitInputError(f"'{today}' is not a date", fix="Give today's date as 'YYYY-MM-DD'") from None
    if pd.isna(ts):
        raise MissionkitInputError("Today's date is blank", fix="Give today's date as 'YYYY-MM-DD'")
    start = pd.Timestamp(year=ts.year, month=1, day=1)
    days = 366 if ts.is_leap_year else 365
    return ts.year + (ts - start).days / days


METHODS = {"straight line": "straight line", "linear": "straight line", "constant rate": "constant rate",
           "geometric": "constant rate", "exponential": "constant rate"}


def planned_value(baseline: float, target: float, t0: float, t1: float, t: float, method: str = "straight line"
                  ) -> float:
    """The value the plan expects at time ``t`` on the path from (t0, baseline) to (t1, target).

    "straight line": the same amount every year. "constant rate": the same
    percentage change every year (needs a baseline and a target above zero).
    """
    if t1 == t0:
        return target
    frac = (t - t0) / (t1 - t0)
    if method == "constant rate" and baseline > 0 and target > 0:
        return baseline * (target / baseline) ** frac
    return baseline + (target - baseline) * frac


@dataclass
class Trajectories:
    """What :func:`trajectory` returns.

    path: the planned values (id, year, time, value, kind: "plan", "baseline", "milestone" or "target").
    observed: the readings (id, period, time, value, comparable: False before a definition change).
    status: one row per indicator (see :func:`trajectory`).
    """

    path: pd.DataFrame
    observed: pd.DataFrame
    status: pd.DataFrame
    method: str
    today: float
    unmatched: list[str] = field(default_factory=list)

    def row(self, indicator_id: str) -> dict:
        hit = self.status[self.status["id"] == indicator_id]
        if hit.empty:
            raise MissionkitInputError(f"There is no indicator '{indicator_id}' in this dashboard",
                                       fix="Use one of: " + ", ".join(self.status["id"].astype(str)))
        return hit.iloc[0].to_dict()


def _slope(ts: Sequence[float], vs: Sequence[float]) -> float | None:
    if len(ts) < 2 or max(ts) - min(ts) <= 0:
        return None
    return float(np.polyfit(np.asarray(ts, float), np.asarray(vs, float), 1)[0])


def _trend(ts: list[float], vs: list[float], method: str) -> float | None:
    """Recent pace: least-squares slope over the last few years (units per year, or growth rate per year)."""
    if method == "constant rate":
        if any(v <= 0 for v in vs):
            return None
        s = _slope(ts, [math.log(v) for v in vs])
        return None if s is None else math.exp(s) - 1
    return _slope(ts, vs)


def _needed(latest: float, target: float, t_latest: float, t_target: float, method: str) -> float | None:
    years = t_target - t_latest
    if years <= 0:
        return None
    if method == "constant rate":
        if latest <= 0 or target <= 0:
            return None
        return (target / latest) ** (1 / years) - 1
    return (target - latest) / years


def _rate_text(rate: float | None, unit: str, method: str) -> str:
    if rate is None:
        return "unknown"
    if method == "constant rate":
        return f"{rate * 100:+.1f}% a year"
    sign = "+" if rate > 0 else ("\u2212" if rate < 0 else "")
    u = _rate_unit(unit)
    each = "each year" if "per year" in u or "a year" in u else "a year"
    return f"{sign}{_fmt(abs(rate))} {u} {each}".replace("  ", " ")


_STATUS_COLUMNS = [
    "id", "name", "objective", "level", "unit", "baseline", "baseline_year", "target", "target_year",
    "latest_period", "latest_value", "expected_now", "progress_share", "status", "recent_rate", "needed_rate",
    "pace_multiple", "projected", "rate_unit", "note",
]


def trajectory(indicators: Any, observed: Any = None, *, method: str = "straight line", today: Any = case.TODAY
               ) -> Trajectories:
    """Planned paths and, with observed values, the status of each indicator.

    indicators: a framework as :func:`load_indicators` reads it (or the case's D3).
    observed: readings in long format (indicator_id, year or period, quarter, value),
        as :func:`load_observed` reads it (or the case's D8); None for paths only.
    method: "straight line" (the same amount each year) or "constant rate" (the same
        percentage each year).
    today: the date of the review (the case's TODAY by default).

    A value for a year is placed in the middle of that year, a quarter's in the
    middle of the quarter. Readings before a change of definition are kept but
    marked ``comparable=False`` and not used. For each indicator the status
    table gives the latest comparable reading after the baseline, the value the
    plan expects at that time, the share of the planned progress achieved, the
    status (:data:`ON_TRACK_SHARE`, :data:`AT_RISK_SHARE`; a shortfall within
    the usual year-to-year change is at worst "at risk"), the recent pace (a
    least-squares slope over the last five years), the pace needed from the
    latest reading to reach the target, their ratio, where the recent pace
    leads by the target year, and a note in plain words.
    """
    key = METHODS.get(str(method).strip().lower()) if isinstance(method, str) else None
    if key is None:
        raise MissionkitInputError(f"'{method}' is not a way to draw a trajectory",
                                   fix="Use method='straight line' or method='constant rate'")
    method = key
    now = _today_time(today)
    ind = indicators if _is_loaded(indicators) else load_indicators(indicators)
    milestones = _milestones_of(ind)
    obs = None
    if observed is not None:
        obs = observed if _is_observed(observed) else load_observed(observed)

    frame = []
    for row_number, r in ind.iterrows():
        d = dict(r)
        d["row"] = row_number
        frame.append(d)
    ids = [_label(d) for d in frame]

    path_rows, obs_rows, status_rows = [], [], []
    unmatched: list[str] = []
    if obs is not None:
        unmatched = sorted(set(obs["indicator_id"]) - set(ids))
    for ident, d in zip(ids, frame, strict=False):
        unit = _text(d.get("unit"))
        b, by = _num(d.get("baseline")), _int(d.get("baseline_year"))
        tg, ty = _num(d.get("target")), _int(d.get("target_year"))
        revised = _int(d.get("definition_revised"))
        have_plan = None not in (b, by, tg, ty) and ty > by
        t0 = _time(by) if by is not None else None
        t1 = _time(ty) if ty is not None else None
        if have_plan:
            for year in range(by, ty + 1):
                path_rows.append({"id": ident, "year": year, "time": _time(year), "kind": "plan",
                                  "value": planned_value(b, tg, t0, t1, _time(year), method)})
            path_rows.append({"id": ident, "year": by, "time": t0, "kind": "baseline", "value": b})
            for col, year in sorted(milestones.items(), key=lambda kv: kv[1]):
                v = _num(d.get(col))
                if v is not None and by < year < ty:
                    path_rows.append({"id": ident, "year": year, "time": _time(year), "kind": "milestone", "value": v})
            path_rows.append({"id": ident, "year": ty, "time": t1, "kind": "target", "value": tg})

        readings: list[tuple[float, float, str, bool, int]] = []
        if obs is not None:
            mine = obs[obs["indicator_id"] == ident]
            for _, o in mine.iterrows():
                t = _time(o["year"], o["quarter"])
                comparable = revised is None or int(o["year"]) >= revised
                value = _num(o["value"])
                if value is None:
                    continue
                readings.append((t, value, str(o["period"]), comparable, int(o["year"])))
                obs_rows.append({"id": ident, "period": str(o["period"]), "year": int(o["year"]), "time": t,
                                 "value": value, "comparable": comparable})
        readings.sort()
        status_rows.append(_status_row(ident, d, readings, have_plan, b, by, tg, ty, t0, t1, revised, unit,
                                       method, now, obs is not None))

    path = pd.DataFrame(path_rows, columns=["id", "year", "time", "kind", "value"])
    observed_df = pd.DataFrame(obs_rows, columns=["id", "period", "year", "time", "value", "comparable"])
    status = pd.DataFrame(status_rows, columns=_STATUS_COLUMNS)
    return Trajectories(path=path, observed=observed_df, status=status, method=method, today=now,
                        unmatched=unmatched)


def _is_observed(df: Any) -> bool:
    return isinstance(df, pd.DataFrame) and {"indicator_id", "period", "year", "quarter", "value"} <= set(df.columns) \
        and str(df["value"].dtype).startswith("float")


def _status_row(ident, d, readings, have_plan, b, by, tg, ty, t0, t1, revised, unit, method, now, has_obs) -> dict:
    row = {
        "id": ident, "name": _text(d.get("name")), "objective": _text(d.get("objective")),
        "level": _text(d.get("level")), "unit": unit, "baseline": b, "baseline_year": by, "target": tg,
        "target_year": ty, "latest_period": None, "latest_value": None, "expected_now": None,
        "progress_share": None, "status": "no data", "recent_rate": None, "needed_rate": None,
        "pace_multiple": None, "projected": None, "rate_unit": "% a year" if method == "constant rate" else "a year",
        "note": "",
    }
    if not have_plan:
        missing = [w for w, v in (("baseline value", b), ("baseline year", by), ("target value", tg),
                                  ("target year", ty)) if v is None]
        why = ("it has no " + " and no ".join(missing)) if missing else \
            "its target year is not after its baseline year"
        row["note"] = f"No planned path: {why}."
        return row
    comparable = [(t, v, p, y) for t, v, p, ok, y in readings if ok]
    after = [(t, v, p, y) for t, v, p, y in comparable if t > t0 + 1e-9 and t <= now + 1e-9]
    if not has_obs:
        row["note"] = "No readings given."
        return row
    if not after:
        latest_any = max((p for _, _, p, _ in comparable), default=None, key=lambda p: p)
        if comparable:
            lt, lv, lp, _ = comparable[-1]
            row["latest_period"], row["latest_value"] = lp, lv
        since = f"the latest is for {latest_any}" if latest_any else "there are no readings"
        lag = _num(d.get("lag_years"))
        due = ""
        if lag is not None and lag > 0:
            next_year = max(by, int(str(latest_any)[:4]) if latest_any else by) + 1
            due = (f" With a reporting lag of {_years(lag)}, the {next_year} value is due around "
                   f"{int(next_year + 1 + lag - 1e-9)}.")
        row["note"] = (f"No reading since the baseline ({by}): {since}.{due} Until then the review cannot tell "
                       "whether the mission moves it.")
        return row
    t, v, p, _ = after[-1]
    row["latest_period"], row["latest_value"] = p, v
    expected = planned_value(b, tg, t0, t1, t, method)
    row["expected_now"] = expected
    direction = 1.0 if tg > b else (-1.0 if tg < b else 0.0)
    recent = [(tt, vv) for tt, vv, _, _ in comparable if t - TREND_WINDOW_YEARS < tt <= t]
    if len(recent) < 2 and not any(abs(tt - t0) < 1e-9 for tt, _ in recent):
        recent.append((t0, b))  # too few readings: the baseline counts as one (it uses the current definition)
    rate = _trend([x for x, _ in recent], [y for _, y in recent], method)
    needed = _needed(v, tg, t, t1, method)
    row["recent_rate"], row["needed_rate"] = rate, needed
    if rate is not None and needed is not None and rate * direction > 0 and needed * direction > 0:
        row["pace_multiple"] = needed / rate
    if rate is not None:
        years_left = t1 - t
        row["projected"] = (v * (1 + rate) ** years_left if method == "constant rate" else v + rate * years_left)

    if direction == 0:
        share = 1.0 if abs(v - tg) <= 1e-9 else 0.0
    else:
        share = (v - b) / (expected - b) if abs(expected - b) > 1e-12 else 1.0
    row["progress_share"] = share
    shortfall = (expected - v) * direction
    noise = _noise(comparable, t0)
    within_noise = noise is not None and shortfall <= noise
    if share >= ON_TRACK_SHARE or shortfall <= 0:
        status = "on track"
    elif share >= AT_RISK_SHARE or within_noise:
        status = "at risk"
    else:
        status = "off track"
    row["status"] = status
    row["note"] = _status_note(row, v, expected, share, rate, needed, direction, noise, within_noise, revised, unit,
                               method, p)
    return row


def _noise(comparable: list, t0: float) -> float | None:
    """The usual year-to-year change before the baseline (standard deviation of annual changes)."""
    annual = [(t, v) for t, v, p, y in comparable if "Q" not in p and t <= t0 + 1e-9]
    if len(annual) < MIN_NOISE_CHANGES + 1:
        return None
    annual.sort()
    changes = [b[1] - a[1] for a, b in zip(annual, annual[1:], strict=False) if abs((b[0] - a[0]) - 1) < 1e-9]
    if len(changes) < MIN_NOISE_CHANGES:
        return None
    return float(np.std(changes, ddof=1))


def _status_note(row, v, expected, share, rate, needed, direction, noise, within_noise, revised, unit, method,
                 period) -> str:
    parts = [f"Latest {_fmt(v, unit)} ({period}) against {_fmt(expected, unit)} expected on the plan: "
             f"{share:.0%} of the planned progress." if direction else
             f"Latest {_fmt(v, unit)} ({period}); the target is to hold {_fmt(row['target'], unit)}."]
    moving_right = rate is not None and rate * direction > 0
    if rate is not None and direction:
        if not moving_right:
            parts.append(f"Its recent trend ({_rate_text(rate, unit, method)}) moves away from the target.")
        elif row["pace_multiple"] is not None and row["pace_multiple"] > 1.5:
            parts.append(f"Improving, but too slowly: {_rate_text(rate, unit, method)} recently, while "
                         f"{_rate_text(needed, unit, method)} is needed from now on "
                         f"({row['pace_multiple']:.1f} times the recent pace).")
        else:
            parts.append(f"Recent pace {_rate_text(rate, unit, method)}; {_rate_text(needed, unit, method)} needed "
                         "from now on.")
    if within_noise and row["status"] == "at risk" and share < AT_RISK_SHARE:
        parts.append(f"The shortfall is within the usual year-to-year change (about {_fmt(noise)}), so one "
                     "more reading is needed before calling it off track.")
    if revised is not None:
        parts.append(f"Only values from {revised} on (the new definition) are compared.")
    if method == "constant rate" and not (row["baseline"] > 0 and row["target"] > 0):
        parts.append("A constant rate needs a baseline and a target above zero, so the straight line is used.")
    return " ".join(parts)


def dashboard_summary(result: Trajectories) -> str:
    """The dashboard in a few sentences, computed from the status table."""
    s = result.status
    if s.empty:
        return "There are no indicators to summarise."
    counts = s["status"].value_counts()
    n = len(s)
    parts = [f"{counts.get(k, 0)} {k}" for k in ("on track", "at risk", "off track")]
    nodata = int(counts.get("no data", 0))
    text = f"Of {n} indicators, {parts[0]}, {parts[1]} and {parts[2]}"
    text += f"; {nodata} {'has' if nodata == 1 else 'have'} no reading to judge." if nodata else "."
    wrong = s[(s["status"] == "off track") & s["recent_rate"].notna() & s["pace_multiple"].isna()
              & s["target"].notna()]
    wrong_ids = [rr.id for rr in wrong.itertuples() if rr.recent_rate * (1 if rr.target > rr.baseline else -1) < 0]
    off = s[s["status"] == "off track"].sort_values("progress_share")
    if not off.empty:
        worst = off.iloc[0]
        also = ", and moving the wrong way" if worst["id"] in wrong_ids else ""
        text += (f" Furthest behind{also}: {worst['id']} {_short(worst['name'], 55)} "
                 f"({worst['progress_share']:.0%} of the planned progress).")
        wrong_ids = [i for i in wrong_ids if i != worst["id"]]
    slow = s[(s["status"] == "off track") & s["pace_multiple"].notna()].sort_values("pace_multiple", ascending=False)
    if not slow.empty:
        r = slow.iloc[0]
        text += (f" Improving but far too slowly: {r['id']} {_short(r['name'], 55)} needs "
                 f"{r['pace_multiple']:.1f} times its recent pace to reach {_fmt(r['target'], r['unit'])} by "
                 f"{r['target_year']}.")
    if wrong_ids:
        names = dict(zip(s["id"], s["name"], strict=False))
        text += " Moving the wrong way: " + ", ".join(f"{i} {_short(names[i], 55)}" for i in wrong_ids) + "."
    for objective, group in s.groupby("objective", sort=True):
        if not objective:
            continue
        ahead = group[group["level"].isin(["input", "activity"]) & (group["status"] == "on track")]
        behind = group[(group["level"] == "output") & (group["status"] == "off track")]
        if not ahead.empty and not behind.empty:
            label = (f"objective {objective} ({case.OBJECTIVES[objective]['name']})" if objective in case.OBJECTIVES
                     else f"objective {objective}")
            text += (f" On {label}, {', '.join(ahead['id'])} ({ahead.iloc[0]['level']}) is on or ahead of plan "
                     f"while the outputs {', '.join(behind['id'])} are off track: money or effort is going in faster "
                     "than results come out.")
    lagged = s[(s["status"] == "no data") & s["note"].str.startswith("No reading since")]
    if not lagged.empty:
        text += (" No reading since the baseline: " + ", ".join(lagged["id"]) + "; decide what the review will "
                 "look at instead.")
    return text


REAL_PROGRESS = (
    # indicator, baseline (when), latest (when), target (by), source keys, status of the figures
    ("Patients in England waiting 18 weeks or less for planned treatment (%)", 58.8, "July 2024", 61.7,
     "Oct 2025", 92.0, "by the end of this Parliament", ("uk-pfc", "bbcv-sec"),
     "secondary and unconfirmed: readings from a news aggregator summarising BBC Verify"),
    ("Five-year-olds in England with a good level of development (%)", 67.7, "2023-24", 68.3, "2024-25", 75.0,
     "a \u201crecord\u201d level; the data that decide it are due in Nov 2028", ("uk-pfc", "bbcv-sec"),
     "secondary and unconfirmed: readings from a news aggregator summarising BBC Verify"),
)
"""Two real targets with a baseline and a later reading (brief 4.5). The readings are secondary."""


def real_progress() -> pd.DataFrame:
    """The real examples of :data:`REAL_PROGRESS` with the share of the baseline-to-target gap closed so far."""
    rows = []
    for name, base, base_when, latest, latest_when, target, by, keys, status in REAL_PROGRESS:
        rows.append({"indicator": name, "baseline": f"{_fmt(base)} ({base_when})",
                     "latest": f"{_fmt(latest)} ({latest_when})", "target": f"{_fmt(target)}, {by}",
                     "gap closed so far": f"{gap_closed(base, latest, target):.0%}",
                     "source": "; ".join(cites_full(*keys)), "status of the figures": status})
    return pd.DataFrame(rows)


def fix_options() -> pd.DataFrame:
    """The fixes to choose from in the exercise (code and meaning)."""
    return pd.DataFrame({"write": list(FIXES), "meaning": list(FIXES.values())})


def gap_closed(baseline: float, latest: float, target: float) -> float:
    """Share of the baseline-to-target gap closed by the latest reading (0 = none, 1 = all)."""
    b, v, t = _num(baseline), _num(latest), _num(target)
    if None in (b, v, t) or t == b:
        raise MissionkitInputError("The gap needs a baseline, a latest value and a target that differs from the "
                                   "baseline", fix="Give three numbers, for example gap_closed(58.8, 61.7, 92)")
    return (v - b) / (t - b)


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
    if _blank(value):
        return []
    if isinstance(value, str):
        items = value.splitlines()
    elif isinstance(value, (list, tuple)):
        items = []
        for v in value:
            if not _blank(v):
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
    if _blank(value) or value == {}:
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


def check_theory_of_change(value: Any) -> Feedback:
    """Feedback on a theory of change: every level filled, outcomes that are changes, assumptions stated."""
    title = "Your theory of change"
    how = "Write at least one item at each level: inputs, activities, outputs, outcomes and impacts."
    toc = parse_theory_of_change(value)
    if toc.empty:
        return Feedback.not_answered(title, how)
    strengths, improve = [], []
    empty = [lvl for lvl, items in toc.items() if not items]
    filled = [lvl for lvl, items in toc.items() if items]
    if filled:
        strengths.append("Filled in: " + ", ".join(filled) + ".")
    if empty:
        improve.append("Still empty: " + ", ".join(empty) + ". A chain with a gap cannot show how the work leads "
                       "to the change.")
    posing = [(i, output_words(i)) for i in toc.outcomes + toc.impacts]
    posing = [(i, h) for i, h in posing if h]
    for item, (words, why) in posing:
        improve.append(f"\u201c{item}\u201d {why} (\u201c{words}\u201d): that is an output. Move it to outputs, and "
                       "write the change it should bring about among people as the outcome.")
    if toc.assumptions:
        strengths.append(f"{len(toc.assumptions)} assumption(s) written down: these are what an evaluation tests.")
    else:
        improve.append("Add one or two assumptions: what must hold for the outputs to lead to the outcomes?")
    status = "good" if not improve else ("partly" if not posing and len(empty) <= 2 else "revise")
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="A theory of change makes the expected chain from inputs to impacts explicit, so that "
                        "indicators can be placed along it and evaluation can test its links.",
                    sources=cites_full("kusekrist2004", "stio2023"))


# --------------------------------------------------------------------------- draft indicators (form and exercise)
DRAFT_FIELDS = ("name", "level", "unit", "baseline", "baseline_year", "milestone_year", "milestone", "target",
                "target_year", "data_owner", "frequency", "lag_years", "source")


def draft_table(drafts: Any) -> pd.DataFrame:
    """Drafted indicators (a dict, or a list of dicts with the keys of :data:`DRAFT_FIELDS`) as a framework table.

    A ``milestone_year`` and ``milestone`` pair becomes a ``milestone_YYYY``
    column; ``...`` and empty strings count as blank. The table goes through
    :func:`load_indicators`, so "12,5" is read as 12.5 and "abc" as a baseline
    gives a plain-language error.
    """
    if isinstance(drafts, Mapping):
        drafts = [drafts]
    if not isinstance(drafts, (list, tuple)):
        raise MissionkitInputError(f"The drafts should be a dict or a list of dicts, not {type(drafts).__name__}",
                                   fix='Write each indicator as {"name": "...", "level": "outcome", ...}')
    rows = []
    for i, d in enumerate(drafts, 1):
        if is_blank(d):
            continue
        if not isinstance(d, Mapping):
            raise MissionkitInputError(f"Indicator {i} is a {type(d).__name__}, not a dict",
                                       fix='Write it as {"name": "...", "level": "outcome", ...}')
        row = {k: ("" if _blank(d.get(k)) else d.get(k)) for k in DRAFT_FIELDS}
        row["id"] = f"D{i}"
        my, mv = row.pop("milestone_year"), row.pop("milestone")
        if not _blank(mv) and _blank(my):
            raise MissionkitInputError(f"Indicator {i} has a milestone value but no milestone year",
                                       fix="Give the year of the milestone, for example 2030")
        year = _int(my) if not _blank(my) else None
        if not _blank(my) and (year is None or not 1950 <= year <= 2100 or str(my).strip() not in (str(year),
                                                                                                   f"{year}.0")):
            raise MissionkitInputError(f"Indicator {i}: the milestone year '{_short(my, 20)}' is not a year",
                                       fix="Type a four-digit year such as 2030")
        if year is not None:
            row[f"milestone_{year}"] = mv
        rows.append(row)
    if not rows:
        raise MissionkitInputError("There is no indicator to audit yet", fix="Fill in at least the name of one "
                                   "indicator")
    columns = ["id", *[f for f in DRAFT_FIELDS if not f.startswith("milestone")]]
    extra = sorted({k for r in rows for k in r if k.startswith("milestone_")})
    df = pd.DataFrame(rows).reindex(columns=columns + extra).astype(object)
    df = df.where(df.notna(), "")
    return load_indicators(df, name="your draft indicators")


def audit_draft(drafts: Any, *, deadline: int = case.DEADLINE_YEAR,
                review_cycle: float = REVIEW_CYCLE_YEARS) -> pd.DataFrame:
    """:func:`audit_details` for drafted indicators (see :func:`draft_table`)."""
    return audit_details(draft_table(drafts), deadline=deadline, review_cycle=review_cycle)


# --------------------------------------------------------------------------- exercise checks
MARENTA_TRAPS = {
    "I04": "output_as_outcome",
    "I05": "baseline",
    "I07": "definition",
    "I14": "timely",
}
"""The four indicators of the Marenta framework (FICTIONAL) with a built-in problem, and the check that finds it."""

FIXES = {
    "relabel": "Relabel it as an output, and add an outcome indicator for the change it should bring",
    "baseline": "Measure a baseline now (or take the first reading) and record its year",
    "restate": "Restate the baseline and history on the new definition, and mark the break",
    "proxy": "Keep it, and add a faster proxy or leading indicator for the reviews in between",
    "drop": "Drop the indicator",
    "keep": "Keep it as it is",
}
_RIGHT_FIX = {"I04": "relabel", "I05": "baseline", "I07": "restate", "I14": "proxy"}
_TRAP_PLAIN = {
    "I04": "I04 counts what the mission builds (kilometres of bus lane), but it is labelled an outcome",
    "I05": "I05 has nothing to compare with: there is no starting value and no year it was measured",
    "I07": "I07 was measured one way before 2025 and another way since (what counts as a \u201cclean\u201d bus "
           "changed), so values before and after 2025 are not comparable",
    "I14": "I14's data arrive two years after the period, too late for the annual review, yet it measures an "
           "objective that matters (fair access, O4)",
}
"""Each Marenta trap's problem in plain words (FICTIONAL case), used when a fix does not mend it."""

_WRONG_FIX_WHY = {
    # I04: an output labelled as an outcome
    ("I04", "baseline"): "A new starting value would not help: I04 already has one (14 km in 2024). Its level "
                         "would still say outcome while it counts construction.",
    ("I04", "restate"): "Restating the history mends a change of definition, and I04's definition has not changed. "
                        "It would still count construction and be read as a change in how people travel.",
    ("I04", "proxy"): "A faster proxy helps when data arrive late, but I04's arrive three months after the year. The "
                      "proxy would leave kilometres built posing as a change in how people travel.",
    ("I04", "drop"): "Dropping it loses the record of what the mission builds, which managers need to check "
                     "delivery. The problem is where it sits in the chain, not the measure itself.",
    ("I04", "keep"): "Kept as it is, the dashboard calls kilometres built an outcome, which lets a construction "
                     "programme pass for a change in how people travel.",
    # I05: nothing to compare with
    ("I05", "relabel"): "Its level is right: contracts held by minibus operators are a change in the sector. Moving "
                        "it to another level would still leave nothing to compare the next reading with.",
    ("I05", "restate"): "Restating mends a series whose definition changed, but I05 has no earlier values to "
                        "restate. There would still be nothing to compare the next reading with.",
    ("I05", "proxy"): "A faster proxy helps when data arrive late; I05's problem is the missing starting point. "
                      "A proxy with no starting value of its own could not show progress either.",
    ("I05", "drop"): "It tracks the reform of the informal minibus sector, a core part of O1. Dropping it leaves "
                     "that reform unmeasured; what is missing is a starting point, not the indicator.",
    ("I05", "keep"): "Kept as it is, every review would have to say \u201cno data\u201d on the minibus reform: "
                     "with nothing to start from, no progress can ever be shown.",
    # I07: a definition changed after the baseline
    ("I07", "relabel"): "Its level is right: a cleaner fleet is a change the mission seeks. A new label would "
                        "leave the 2024 value and the later ones measuring different things.",
    ("I07", "baseline"): "I07 already has a 2024 value. A fresh first reading would throw away the years before "
                         "it and still leave the break in the series unmarked in charts and reports.",
    ("I07", "proxy"): "A faster proxy helps when data arrive late, and I07's arrive six months after the year. "
                      "The values before and after 2025 would still measure different things.",
    ("I07", "drop"): "Dropping it throws away the only measure of a cleaner bus fleet. The problem is the "
                     "break in the series, not the indicator: the values need to be put on one definition.",
    ("I07", "keep"): "Kept as it is, the dashboard compares values measured two different ways, so a review can "
                     "read the break as progress (or as decline).",
    # I14: data two years late
    ("I14", "relabel"): "Its level is right: the share of income the poorest spend on transport is an impact. "
                        "Under any label, its data would still arrive two years late.",
    ("I14", "baseline"): "I14 already has a starting value (16% in 2024). A new one would not make the data "
                         "arrive sooner: each annual review would still see figures two years old.",
    ("I14", "restate"): "Restating mends a change of definition, and I14's definition has not changed. The data "
                        "would still arrive two years late.",
    ("I14", "drop"): "It is the headline indicator of O4, and dropping it leaves O4 unmeasured. Its two-year "
                     "lag makes it slow, not useless: it will still show the change by the mid-term review. What "
                     "is missing is something that moves in time for the annual reviews.",
    ("I14", "keep"): "Kept as it is, each annual review sees figures two years old, so fair access (O4) is steered "
                     "blind until the mid-term review.",
}
"""Why each wrong fix (indicator, choice) does not mend the problem, without naming the right choice."""


def _ids(value: Any) -> list[str]:
    if isinstance(value, str):
        value = re.split(r"[,;\s]+", value)
    if isinstance(value, Mapping):
        value = list(value)
    if not isinstance(value, (list, tuple, set)):
        return []
    out = []
    for v in value:
        if _blank(v):
            continue
        s = str(v).strip().upper()
        m = re.fullmatch(r"I?0*(\d{1,2})", s)
        out.append(f"I{int(m.group(1)):02d}" if m else s)
    return out


def check_flagged(answer: Any, audit_table: pd.DataFrame | None = None) -> Feedback:
    """Feedback on which Marenta indicators (FICTIONAL) have a problem: the four traps, nothing else."""
    title = "Which indicators need fixing"
    how = 'List the ids of the indicators the audit flags, for example ["I01", "I02"].'
    if is_blank(answer):
        return Feedback.not_answered(title, how)
    ids = _ids(answer)
    if not ids:
        return Feedback("revise", title, improve=[f"Your answer should be a list of ids. {how}"])
    known = {f"I{i:02d}" for i in range(1, 20)}
    chosen = set(ids)
    right = set(MARENTA_TRAPS)
    strengths, improve = [], []
    for i in sorted(chosen & right):
        strengths.append(f"{i}: {CHECK_LABELS[MARENTA_TRAPS[i]].lower()} (correct).")
    for i in sorted(right - chosen):
        improve.append(f"You missed {i}: look at its '{CHECK_LABELS[MARENTA_TRAPS[i]]}' check in the audit.")
    for i in sorted(chosen - right):
        if i not in known:
            improve.append(f"'{i}' is not an indicator of the Marenta framework (I01 to I19).")
        elif i in ("I01", "I11"):
            improve.append(f"{i} is sound: its data arrive one year after the period, which fits an annual review "
                           "(a lag equal to the review cycle is not too long).")
        elif i == "I17":
            improve.append("I17 is sound for this audit: its target year (2030) is before the mission's deadline, "
                           "which is allowed.")
        elif i == "I10":
            improve.append("I10 is sound as an input indicator: it measures money put in, and it is labelled input. "
                           "The trap is an output labelled as an outcome.")
        else:
            improve.append(f"{i} passes every check in the audit; why did you flag it?")
    status = "good" if chosen == right else ("partly" if chosen & right and not (chosen - right) else "revise")
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="Four common indicator problems: no baseline, an output dressed up as an outcome, data too "
                        "late for the review, and a definition changed after the baseline.",
                    sources=cites_full("kusekrist2004", "br-pdbrasil", "bbcv-sec"))


#: Question 1c: which problem indicator to fix first. Any of the four can be argued; a good reason
#: names the indicator's own problem (``words``) and what it does to the next review (``stakes``).
_FIX_FIRST = {
    "I04": (r"output|outcome|level|label|kilomet|built|build|construct|lane",
            "I04 makes the dashboard look better than the mission is doing: kilometres built can rise while "
            "journeys do not change, so the review may fund more of the same on a false signal."),
    "I05": (r"baseline|starting|start|first reading|register|no base|zero|measure",
            "I05 has no starting point, so no progress can be shown at all; it is also the cheapest fix "
            "(date the first reading of the new register)."),
    "I07": (r"definition|defin|break|restat|series|compar|chang|trend|new rule|method",
            "I07's definition changed after the baseline, so its trend compares two different things: until "
            "2024 is restated, any rise or fall may be the new definition, not the fleet."),
    "I14": (r"lag|late|slow|time|arriv|wait|proxy|two years|2 years|delay",
            "I14 arrives two years late, so the fair-access objective (O4) is reviewed blind; a faster proxy is "
            "the only way to see it before the 2026-Q4 decisions."),
}
_TRAP_PROBLEM = {"I04": "an output labelled as an outcome", "I05": "no baseline",
                 "I07": "a definition changed after the baseline", "I14": "data that arrive too late for the reviews"}
_STAKES = r"review|decision|decide|money|fund|budget|minister|board|dashboard|report|trust|credib|mislead|wrong"

#: The course's rule for a rise read as progress (OUR PROPOSAL, so that participants can read and question it).
#: A sentence claims progress when it uses a word of _PROGRESS (not after "no", "not", "planned" or "as") and
#: does not also say the indicator is off track or too slow. For each problem indicator, the claim is a misreading
#: unless the text also names the problem (its words below): for I07, the break in the series.
_PROGRESS = re.compile(
    r"(?<!\bno )(?<!\bnot )(?<!\bplanned )(?<!\bas )"
    r"\b(?:rose|rises?|rising|gain(?:s|ed)?|grew|grown|improved|improving|improvements?|progress|cleaner|up from|"
    r"increased|increases? (?:from|of|since)|an increase|the increase|jumped|doubled)\b", re.I)
_STILL_BEHIND = re.compile(r"off[- ]track|too slow|behind|short of|below (?:the )?plan|not enough|at risk", re.I)
_PROGRESS_EXTRA = {"I14": r"\b(?:fell|fallen|dropped|cheaper|lower)\b"}
_BREAK_WORDS = (r"break|restat|not comparable|incomparable|(?:can ?not|can't|cannot) be compared|different things?|"
                r"new rule|series|redefin|definition(?!s? (?:shows?|proves?|confirms?|reveals?|demonstrates?))")
_MISREAD = {
    "I07": (_BREAK_WORDS,
            "I07's definition changed in 2025: until 2024 a \u201cclean\u201d bus meant Euro IV or better, since "
            "2025 it means zero-emission or Euro VI (FICTIONAL case). A rise read across 2024 and 2025 is the change "
            "of definition, not progress: the two figures count different buses. Compare only values on the same "
            "definition."),
    "I04": (r"output|not an outcome|label|posing|dress",
            "A rise in I04 shows that the mission builds bus lanes, not that people travel differently: kilometres "
            "built can grow while journeys do not change. Reading it as progress on an outcome is the trap itself."),
    "I05": (r"baseline|starting (?:value|point)|no start|no base|nothing to compare|no (?:first )?reading|no data|"
            r"cannot show|can't show",
            "I05 has no starting value, so no progress can be shown yet: a rise has nothing to be compared with."),
    "I14": (r"\blag|late|two years|2 years|delay|no reading|not yet|\bold\b",
            "I14 has no reading since 2024: its data arrive two years after the period, so no progress can be "
            "claimed from it yet."),
}
"""For each problem indicator: the words that show the problem is understood, and why a progress claim is wrong."""


def _sentences(text: str) -> list[str]:
    return [x for x in re.split(r"(?<=[.!?;])\s+|\n+", text) if x.strip()]


def progress_misread(ident: str, text: Any, *, whole: bool = False) -> str | None:
    """Why ``text`` misreads a problem indicator's change as progress (see _PROGRESS); None if it does not.

    ``whole``: the whole text is about ``ident`` (a reason for choosing it); otherwise only the sentences that
    name its id are read. The problem counts as understood if its words appear anywhere in the text.
    """
    if ident not in _MISREAD or _blank(text):
        return None
    t = str(text)
    understood, why = _MISREAD[ident]
    if re.search(understood, t, re.I):
        return None
    extra = _PROGRESS_EXTRA.get(ident)
    for sentence in _sentences(t):
        if not whole and not re.search(rf"\b{ident}\b", sentence, re.I):
            continue
        if _STILL_BEHIND.search(sentence):
            continue
        if _PROGRESS.search(sentence) or (extra and re.search(extra, sentence, re.I)):
            return why
    return None


def check_fix_first(choice: Any, reason: Any = None) -> Feedback:
    """Question 1c: which of the four problem indicators to fix first, and why (no single right answer)."""
    title = "Which problem to fix first"
    how = ('Write the id of one of the four problem indicators in quotes, for example "I05", and in `why_first` '
           "one or two sentences: what is wrong with it, and what that does to the next review.")
    if is_blank(choice):
        return Feedback.not_answered(title, how)
    ids = _ids([choice]) if isinstance(choice, str) else []
    if len(ids) != 1:
        return Feedback("revise", title, improve=[f"Give one indicator id, not {choice!r}. {how}"])
    ident = ids[0]
    if ident not in _FIX_FIRST:
        known = ident in {f"I{i:02d}" for i in range(1, 20)}
        problem = (f"{ident} is not one of the four problem indicators: the audit flagged "
                   + ", ".join(_FIX_FIRST) + "." if known else f"'{ident}' is not an indicator of the Marenta "
                   "framework (I01 to I19).")
        return Feedback("revise", title, improve=[problem + " Choose one of those four."])
    words, consequence = _FIX_FIRST[ident]
    problem = _TRAP_PROBLEM[ident]
    strengths, improve = [f"{ident} ({problem}) is a defensible first choice."], []
    text = "" if is_blank(reason) else str(reason).strip()
    misread = progress_misread(ident, text, whole=True) if text else None
    if not text:
        improve.append("Now say why, in `why_first`: what is wrong with it, and what that does to the next review.")
    elif misread:
        improve.append(f"Your reason reads {ident}'s change as progress. {misread}")
    else:
        if re.search(words, text, re.I):
            strengths.append(f"Your reason names {ident}'s own problem ({problem}).")
        else:
            improve.append(f"Your reason does not say what is wrong with {ident}: its problem is {problem}.")
        if re.search(_STAKES, text, re.I):
            strengths.append("You tie it to what the review will decide, which is what makes a fix urgent.")
        else:
            improve.append("Say what the problem does to the next review: which decision would it mislead?")
        if len(text.split()) < 8:
            improve.append("One or two full sentences, please: a review minute has to stand on its own.")
    status = "discuss" if text and not improve else ("partly" if (text or strengths) and not misread else "revise")
    others = " ".join(c for i, (_, c) in _FIX_FIRST.items() if i != ident)
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why=f"No single right answer: each of the four has a case. {consequence} The others: {others} "
                        "Compare your choice with a colleague's.",
                    sources=cites_full("kusekrist2004"))


def check_fixes(answer: Any) -> Feedback:
    """Feedback on the fix chosen for each Marenta trap (keys I04, I05, I07, I14; values from :data:`FIXES`)."""
    title = "Fixing the four problem indicators"
    how = 'For each indicator write one of: "' + '", "'.join(FIXES) + '".'
    if is_blank(answer):
        return Feedback.not_answered(title, how)
    if not isinstance(answer, Mapping):
        return Feedback("revise", title, improve=[f"Your answer should be a dict such as {{\"I04\": \"relabel\"}}. "
                                                  f"{how}"])
    answers = {_ids([k])[0] if _ids([k]) else str(k): v for k, v in answer.items()}
    strengths, improve = [], []
    missing = []
    wrong = False
    for ident, right in _RIGHT_FIX.items():
        given = answers.get(ident)
        if is_blank(given):
            missing.append(ident)
            continue
        choice = str(given).strip().lower()
        if choice not in FIXES:
            improve.append(f"{ident}: \u201c{given}\u201d is not one of the choices. {how}")
            wrong = True
        elif choice == right:
            strengths.append(f"{ident}: {FIXES[right].lower()}.")
        else:
            wrong = True
            improve.append(f"{ident}, \u201c{choice}\u201d: {_TRAP_PLAIN[ident]}. "
                           + _WRONG_FIX_WHY.get((ident, choice), f"\u201c{FIXES[choice]}\u201d does not mend "
                                                                 "that."))
    if missing:
        improve.append("Still to answer: " + ", ".join(missing) + ".")
    if not strengths and not improve:
        return Feedback.not_answered(title, how)
    status = "revise" if wrong else ("partly" if missing else "good")
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="A weak indicator is usually mended, not dropped: relabel it, give it a baseline, restate it "
                        "or pair it with a faster proxy.",
                    sources=cites_full("kusekrist2004", "br-mobiletime"))


#: The course's direction rule (OUR PROPOSAL): the module has no "desired direction" column, so a draft's
#: direction is read from its name. A name about harm or time lost (_LOWER_IS_BETTER) is one the mission
#: wants to bring down, unless it already says the change ("reduction in", "deaths avoided", "zero-emission").
_LOWER_IS_BETTER = re.compile(
    r"pollut\w*|\bpm ?2[.,]5\b|\bpm ?10\b|\bno2\b|nitrogen dioxide|"
    r"(?<!zero[- ])(?<!low[- ])\bemissions?\b(?![- ]free)|"
    r"\bco2\b|\bdeaths?\b|\bkilled\b|fatalit\w*|\binjur\w*|casualt\w*|\bcrash\w*|collisions?|"
    r"\b(?:commut\w*|travel|journey|trip) times?\b|\bwait\w*|\bdelays?\b|congestion", re.I)
_ALREADY_A_CHANGE = re.compile(r"reduc\w*|decreas\w*|\bfall in\b|\bcut in\b|\bdrop in\b|avoided|prevented|averted|"
                               r"saved|\bwithout\b|\bwithin \d|less than|under \d|no more than|fewer than", re.I)


def lower_is_better(name: Any) -> str | None:
    """The word that makes a name one the mission wants lower (pollution, deaths, waiting...); None if none.

    The course's rule (OUR PROPOSAL), see _LOWER_IS_BETTER.
    """
    text = _text(name)
    if not text or _ALREADY_A_CHANGE.search(text):
        return None
    m = _LOWER_IS_BETTER.search(text)
    return m.group(0) if m else None


def _direction_note(draft: Any, unit_hint: str = "") -> tuple[str, str] | None:
    """("wrong" or "flat", a note) when a draft's target moves against its name's direction or equals its baseline."""
    if not isinstance(draft, Mapping):
        return None
    b, tg = _num(draft.get("baseline")), _num(draft.get("target"))
    if b is None or tg is None:
        return None
    unit = _text(draft.get("unit")) or unit_hint
    if tg == b:
        return ("flat", f"check the direction: the target ({_fmt(tg, unit)}) equals the baseline, so the "
                        "indicator would be \u201con track\u201d if nothing changed. Set the value the mission aims "
                        "for, or say in the name that the aim is to hold the level.")
    word = lower_is_better(draft.get("name"))
    if word and tg > b:
        return ("wrong", f"check the direction: the target ({_fmt(tg, unit)}) is higher than the baseline "
                         f"({_fmt(b, unit)}), but the name is about \u201c{word}\u201d, which the mission wants "
                         "lower. The course's rule: for pollution, emissions, deaths, injuries or time lost "
                         "(commuting, waiting), lower is better.")
    return None


def check_drafts(drafts: Any, mission_statement: Any = None, *, deadline: Any = None) -> Feedback:
    """Feedback on three drafted indicators: each audited, at different levels, at least one outcome or impact."""
    title = "Your three draft indicators"
    how = "Fill in the three dicts: at least a name, a level, a unit, a baseline and a target for each."
    items = drafts if isinstance(drafts, (list, tuple)) else [drafts]
    filled = [d for d in items if not is_blank(d)]
    if not filled:
        return Feedback.not_answered(title, how)
    dl = _int(deadline) if deadline is not None and not _blank(deadline) else case.DEADLINE_YEAR
    try:
        details = audit_draft(filled, deadline=dl)
    except MissionkitInputError as error:
        return Feedback("revise", title, improve=[error.message])
    strengths, improve = [], []
    levels, directions = [], []
    for i, d in enumerate(filled, 1):
        lvl = str(d.get("level", "") or "").strip().lower() if isinstance(d, Mapping) else ""
        levels.append(lvl)
        mine = details[details["id"] == f"D{i}"]
        flags = mine[mine["result"] == "flag"]
        name = _short(_text(d.get("name")) if isinstance(d, Mapping) else "", 50) or f"Indicator {i}"
        direction = _direction_note(d)
        if direction:
            directions.append(direction[0])
            improve.append(f"\u201c{name}\u201d, {direction[1]}")
        if flags.empty and not direction:
            strengths.append(f"\u201c{name}\u201d passes every check.")
        else:
            for _, f in flags.iterrows():
                improve.append(f"\u201c{name}\u201d, {f['label'].lower()}: {f['note']}")
    if len(filled) < 3:
        improve.append(f"You drafted {len(filled)} indicator(s); the exercise asks for three.")
    distinct = {lv for lv in levels if lv}
    if len(distinct) < min(3, len(filled)):
        improve.append("Put the indicators at different levels (for example an output, an outcome and an impact), "
                       "so that the chain from what the mission does to what changes can be followed.")
    elif len(distinct) >= 3:
        strengths.append("Three different levels: " + ", ".join(sorted(distinct, key=LEVELS.index)
                                                                if distinct <= set(LEVELS) else distinct) + ".")
    if not distinct & {"outcome", "impact"}:
        improve.append("Include at least one outcome or impact: outputs alone show activity, not change.")
    statement = _text(mission_statement) if mission_statement is not None else ""
    if statement:
        words = {w for w in re.findall(r"[a-z]{5,}", statement.lower())} - {"which", "their", "these", "there",
                                                                            "within", "about", "would"}
        names = " ".join(_text(d.get("name")) for d in filled if isinstance(d, Mapping)).lower()
        if words and not any(w[:6] in names for w in words):
            improve.append("None of the names uses a word from your mission statement: say how each indicator "
                           "tracks the mission.")
    status = "good" if not improve else ("partly" if len(improve) <= 2 else "revise")
    posing = details[(details["check"] == "output_as_outcome") & (details["result"] == "flag")]
    if not posing.empty or "wrong" in directions:
        status = "revise"
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="Indicators are needed at every level so that managers see what is on or off track; each "
                        "needs a baseline, a dated target, an owner and data that arrive in time.",
                    sources=cites_full("kusekrist2004", "doran1981"))


_STATUS_PHRASE = {"on track": "is on track", "at risk": "is at risk", "off track": "is off track",
                  "no data": "has no reading to judge (no data)"}
_STATUS_WORDS = {"on track": "on track", "ontrack": "on track", "green": "on track", "at risk": "at risk",
                 "amber": "at risk", "off track": "off track", "offtrack": "off track", "red": "off track",
                 "no data": "no data", "grey": "no data", "gray": "no data", "unknown": "no data"}


def check_status_reading(answer: Any, result: Trajectories) -> Feedback:
    """Feedback on reading the dashboard: the status of the indicators asked about."""
    title = "Reading the dashboard"
    how = 'For each indicator write "on track", "at risk", "off track" or "no data".'
    if is_blank(answer):
        return Feedback.not_answered(title, how)
    if not isinstance(answer, Mapping):
        return Feedback("revise", title, improve=[f"Your answer should be a dict of id: status. {how}"])
    strengths, improve, missing = [], [], []
    wrong = False
    for key, given in answer.items():
        ident = (_ids([key]) or [str(key)])[0]
        if is_blank(given):
            missing.append(ident)
            continue
        try:
            row = result.row(ident)
        except MissionkitInputError as error:
            improve.append(error.message)
            wrong = True
            continue
        said = _STATUS_WORDS.get(re.sub(r"\s+", " ", str(given).strip().lower()))
        if said is None:
            improve.append(f"{ident}: \u201c{given}\u201d is not a status. {how}")
            wrong = True
        elif said == row["status"]:
            strengths.append(f"{ident} {_STATUS_PHRASE[row['status']]}. {row['note']}")
        else:
            wrong = True
            extra = ""
            if row["status"] == "no data" and said == "on track":
                extra = (" No reading since the baseline is not good news: it means the review cannot tell. "
                         "A long reporting lag hides the trend.")
            elif row["level"] == "input" and said != row["status"]:
                extra = " It is an input: it shows money going in, not results coming out."
            elif row["status"] == "off track" and said in ("on track", "at risk"):
                extra = " It is improving, but the question is whether it improves fast enough to reach the target."
            improve.append(f"{ident}: you said \u201c{said}\u201d; the dashboard says \u201c{row['status']}\u201d. "
                           f"{row['note']}{extra}")
    if missing:
        improve.append("Still to answer: " + ", ".join(missing) + ".")
    if not strengths and not improve:
        return Feedback.not_answered(title, how)
    status = "revise" if wrong else ("partly" if missing else "good")
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="A status compares the latest reading with where the plan says the indicator should be by "
                        "now, not with the baseline.", sources=cites_full("kusekrist2004", "bbcv-sec"))


#: The course's rules for reading a recommendation (OUR PROPOSAL, written out so they can be questioned).
#: An action is a word of _ACTION that is not negated: "no", "not", "nothing", "never", "without", "don't"
#: a few words before it, or "nothing", "none" or "anything" right after it ("change nothing", "no change").
_ACTION = re.compile(
    r"\b(?:scal(?:e|es|ed|ing)|pivot\w*|redirect\w*|re-?allocat\w*|shift\w*|mov(?:e|ing) (?:the )?money|"
    r"increas\w*|add(?:s|ing)?|accelerat\w*|speed(?:s|ing)? up|expand\w*|replac\w*|stop\w*|sunset\w*|paus\w*|"
    r"chang\w*|redesign\w*|prioriti[sz]\w*|fund(?:s|ed|ing)?|invest\w*|reform\w*|licen[cs]\w*|contract\w*|"
    r"doubl\w*|tripl\w*|cut(?:s|ting)?|boost\w*|top(?:ping)? up|cancel\w*|withdraw\w*)\b", re.I)
_NEGATION_BEFORE = re.compile(r"\b(?:no|not(?! only)|never|nothing|none|don't|dont|do not|does not|doesn't|won't|"
                              r"without|neither|nor|avoid)\b[\w '\u2019-]{0,25}$", re.I)
_NEGATION_AFTER = re.compile(r"^\s+(?:nothing|none|anything|no\b)", re.I)
#: More money for something: an increase word (not negated) in the same sentence as what an output counts.
_MORE_MONEY = re.compile(
    r"\b(?:doubl\w*|tripl\w*|increas\w*|more (?:money|funding|funds|budget|kilomet\w*|lanes?)|boost\w*|"
    r"top(?:ping)? up|scal(?:e|es|ed|ing)(?: up)?|expand\w*|fund(?:s|ing)? more|"
    r"add(?:s|ing)? (?:money|funding|funds)|"
    r"accelerat\w*|speed(?:s|ing)? up|invest\w* more|extra (?:money|funding|funds|budget))\b", re.I)
_I04_WORDS = r"bus[- ]lanes?|lane construction|kilomet\w* of (?:bus )?lanes?"
_AWAY_FROM = re.compile(r"\b(?:from|away from|out of|instead of|rather than|not)\s+(?:the\s+)?(?:\(?\s*)?$", re.I)
_LEARNING_WORDS = ("evaluat", "contribution", "why", "learn", "test", "assumption", "review", "ask", "investigat",
                   "study", "find out", "understand", "causes")
_INPUT_ONLY = ("spending", "spend", "disburs", "budget", "i10")


def _actions(text: str) -> list[str]:
    """The action words in ``text`` that are not negated ("change nothing", "no change" and "do not stop" are not)."""
    out = []
    for m in _ACTION.finditer(text):
        before = re.split(r"[.!?;:,]", text[: m.start()])[-1]
        if _NEGATION_BEFORE.search(before) or _NEGATION_AFTER.match(text[m.end():]):
            continue
        out.append(m.group(0).lower())
    return out


def _funds_more_output(text: str, result: Trajectories | None) -> list[str]:
    """Ids of output indicators the text would give more money to (I04 counts as an output: kilometres built).

    Outputs that are themselves off track are left out: catching up on a late output can be a fair steer.
    """
    outputs: dict[str, str] = {"I04": _I04_WORDS}
    if result is not None:
        s = result.status
        for _, r in s[s["level"].isin(["output", "activity"]) & (s["status"] != "off track")].iterrows():
            outputs.setdefault(str(r["id"]), "")
    found = []
    for sentence in _sentences(text):
        more = [m for m in _MORE_MONEY.finditer(sentence)
                if not _NEGATION_BEFORE.search(re.split(r"[,:]", sentence[: m.start()])[-1])]
        if not more:
            continue
        for ident, words in outputs.items():
            pattern = rf"\b{ident}\b" + (f"|{words}" if words else "")
            for hit in re.finditer(pattern, sentence, re.I):
                if not _AWAY_FROM.search(sentence[: hit.start()]):
                    found.append(ident)
                    break
    return list(dict.fromkeys(found))


def _off_track_outcomes(result: Trajectories | None, objectives: Iterable[str]) -> str:
    """The off-track outcomes and impacts of these objectives with their verb: "I01 and I02 (objective O1) are"."""
    if result is None:
        return "an outcome such as I02 (access within 45 minutes) is"
    s = result.status
    wanted = set(objectives)
    off = s[(s["status"] == "off track") & s["level"].isin(["outcome", "impact"]) & s["objective"].isin(wanted)]
    off = off[~off["id"].isin(list(MARENTA_TRAPS))]
    if off.empty:
        off = s[(s["status"] == "off track") & s["level"].isin(["outcome", "impact"])]
    ids = list(off["id"])[:3]
    if not ids:
        return "an outcome on the dashboard is"
    objs = sorted(set(off.head(3)["objective"]) - {""})
    return " and ".join([", ".join(ids[:-1]), ids[-1]] if len(ids) > 1 else ids) + (
        f" (objective {', '.join(objs)})" if objs else "") + (" are" if len(ids) > 1 else " is")


def check_recommendation(text: Any, result: Trajectories | None = None) -> Feedback:
    """Feedback on a steering recommendation written after reading the dashboard (a few sentences).

    The course's rules: it should name an off-track indicator (by id), give a number, propose a change to the
    portfolio (an action word of _ACTION, not negated) and ask what to learn. Two misreadings are
    named: I07's rise across its change of definition read as progress (see :func:`progress_misread`), and more
    money for an output (I04, kilometres of bus lane) proposed as the fix for an outcome that is off track.
    """
    title = "Your steering recommendation"
    how = ("Write three or four sentences: which indicator worries you most and why (with a number), what the "
           "portfolio should change, and what you want to learn before the next review.")
    if is_blank(text):
        return Feedback.not_answered(title, how)
    if not isinstance(text, str):
        return Feedback("revise", title, improve=[f"Write your recommendation as text in quotes. {how}"])
    t = text.lower()
    status_table = result.status if result is not None else None
    off_ids = list(status_table.loc[status_table["status"] == "off track", "id"]) if status_table is not None else \
        ["I01", "I02", "I07", "I08", "I09", "I13", "I16", "I19"]
    named = [i for i in off_ids if re.search(rf"\b{i.lower()}\b", t)]
    if status_table is not None:
        for _, r in status_table[status_table["status"] == "off track"].iterrows():
            words = [w for w in re.findall(r"[a-z]{6,}", str(r["name"]).lower())][:3]
            if words and sum(w in t for w in words) >= 2 and r["id"] not in named:
                named.append(r["id"])
    has_number = bool(re.search(r"\d", re.sub(r"\bi\d{2}\b", "", t)))
    more_output = _funds_more_output(text, result)
    actions = _actions(text)
    has_action = bool(actions)
    has_learning = any(w in t for w in _LEARNING_WORDS)
    strengths, improve = [], []
    only_inputs = any(w in t for w in _INPUT_ONLY) and not named and any(
        w in t for w in ("on track", "on plan", "as planned", "continue"))
    if only_inputs:
        return Feedback("revise", title, improve=[
            "Spending is an input: money going out on time says nothing about buses in service or people's "
            "journeys. Steer on the outcomes and outputs that are off track, such as I02 (access within 45 "
            "minutes), not on disbursement."],
            why="Indicators are needed at every level, but steering decisions rest on whether outputs and outcomes "
                "move, not on whether money is spent.",
            sources=cites_full("kusekrist2004", "mal-eval"))
    misread = progress_misread("I07", text)
    if misread:
        named = [i for i in named if i != "I07"]
        now = ""
        if result is not None and "I07" in set(result.status["id"]):
            r = result.row("I07")
            now = f" On the new definition alone, I07 {_STATUS_PHRASE.get(r['status'], r['status'])}. {r['note']}"
        improve.append(f"You read I07's rise as progress. {misread}{now}")
    if named:
        strengths.append("You name an off-track indicator: " + ", ".join(named) + ".")
    elif not misread:
        improve.append("Name the indicator that worries you most, by its id (for example I02), and say that it is "
                       "off track.")
    if has_number:
        strengths.append("You back the concern with a number.")
    else:
        improve.append("Give a number: the gap to the plan, or the pace needed compared with the recent pace.")
    if more_output:
        objectives = set()
        if status_table is not None:
            objectives = set(status_table.loc[status_table["id"].isin(more_output), "objective"])
        what = "kilometres of bus lane, an output" if more_output == ["I04"] else "what an output counts"
        improve.append(
            f"You propose more money for {', '.join(more_output)} ({what}). Funding more output does not fix an "
            f"outcome that is off track: {_off_track_outcomes(result, objectives or {'O1'})} off track while the "
            "works go ahead. Ask first why the outputs do not change people's journeys, then steer money to what "
            "does.")
    elif has_action:
        strengths.append("You propose a change to the portfolio.")
    else:
        improve.append("Say what the portfolio should do: scale, pivot, redirect money, or stop something. "
                       "\u201cChange nothing\u201d or \u201ckeep everything\u201d is not a steer when indicators "
                       "are off track.")
    if has_learning:
        strengths.append("You ask what to learn before the next review (evaluation is for steering and learning, "
                         "not only accountability).")
    else:
        improve.append("Add what you want to find out before the next review, for example why the indicator moves "
                       "so slowly, and how the mission's projects contribute to it.")
    status = "good" if len(strengths) == 4 else ("partly" if len(strengths) >= 2 else "revise")
    if misread:
        status = "revise"
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="M&E serves accountability, steering and learning. A recommendation steers when it names the "
                        "problem, backs it with evidence and proposes a change, and learns when it asks why.",
                    sources=cites_full("mal-eval", "mayne"))


# --------------------------------------------------------------------------- the template
TEMPLATE_FOLDER = DATA_DIR / "templates"
TEMPLATE_NAME = "indicator-template"
_TEMPLATE_COLUMNS = ["id", "name", "objective", "level", "unit", "baseline", "baseline_year", "milestone_2030",
                     "target", "target_year", "data_owner", "frequency", "lag_years", "definition_revised", "source",
                     "notes"]
_TEMPLATE_ROWS = [
    ["X01", "Electric buses in service", "Clean air", "output", "buses", 40, 2024, 400, 1200, 2035,
     "Ministry of Transport", "quarterly", 0.25, "", "Bus operators' fleet returns",
     "EXAMPLE ROW (fictional): replace with your own indicators"],
    ["X02", "Share of trips to work made by public transport, bike or on foot", "Access", "outcome",
     "% of trips", 38, 2024, 45, 55, 2035, "National Statistics Office", "annual", 1, "", "Household travel survey",
     "EXAMPLE ROW (fictional)"],
    ["X03", "Annual mean fine-particle (PM2.5) concentration", "Clean air", "impact", "µg/m³", 38, 2024, 28, 19,
     2035, "Ministry of Environment", "annual", 0.25, "", "Air quality monitoring network", "EXAMPLE ROW (fictional)"],
]


def indicator_template() -> pd.DataFrame:
    """The indicator template: every column :func:`load_indicators` reads, with three example rows (fictional)."""
    return pd.DataFrame(_TEMPLATE_ROWS, columns=_TEMPLATE_COLUMNS)


def _template_guide() -> pd.DataFrame:
    spec, _, _ = _spec_for(_TEMPLATE_COLUMNS, _TEMPLATE_COLUMNS)
    guide = spec.describe()
    guide["required"] = ["yes" if c.required else "no (optional)" for c in spec.columns]
    return guide.rename(columns={"required": "column must be there"})


def write_indicator_template(folder: str | Path | None = None) -> list[Path]:
    """Write indicator-template.csv and indicator-template.xlsx (with a 'How to fill it in' sheet)."""
    target = Path(folder) if folder is not None else TEMPLATE_FOLDER
    try:
        target.mkdir(parents=True, exist_ok=True)
        csv_path = target / f"{TEMPLATE_NAME}.csv"
        csv_path.write_text(indicator_template().to_csv(index=False, lineterminator="\n"), encoding="utf-8")
        xlsx_path = target / f"{TEMPLATE_NAME}.xlsx"
        with pd.ExcelWriter(xlsx_path, engine="openpyxl") as writer:
            indicator_template().to_excel(writer, sheet_name="Indicators", index=False)
            _template_guide().to_excel(writer, sheet_name="How to fill it in", index=False)
            book = writer.book
            fixed = pd.Timestamp("2026-01-01").to_pydatetime()
            book.properties.created = fixed
            book.properties.modified = fixed
            book.properties.creator = "Mission Bootcamp"
            for sheet in book.worksheets:
                for column_cells in sheet.columns:
                    width = max(len(str(c.value or "")) for c in column_cells)
                    sheet.column_dimensions[column_cells[0].column_letter].width = min(max(10, width + 2), 60)
    except OSError as exc:
        raise MissionkitInputError(f"The template could not be written to '{target}': {exc.strerror or exc}",
                                   fix="Choose a folder you may write to, for example your my-work folder") from None
    return [csv_path, xlsx_path]


if __name__ == "__main__":  # pragma: no cover - regenerate the template: python -m missionkit.monitoring.indicators
    write_indicator_template()
