"""Module 09: mission readiness and the donor landscape (domain logic, no display code).

Two tools, both OUR PROPOSAL (the course's, not a published OECD or IIPP method):

* the **readiness scorecard**: eight dimensions (R1 to R8), each scored 0 to 4
  against written anchors, with evidence, by several assessors independently
  (brief §6.5, in the style of the five-point scale of the IIPP Public Sector
  Capabilities Index). :func:`readiness_profile` aggregates the scores: the
  median per dimension, the assessors' spread (highest minus lowest), the
  weakest dimensions, and a "stop and fix" signal when R2 (political
  commitment) or R3 (governance) has a median of 0 or 1;
* the **donor landscape** (brief §6.4): who funds which objective with which
  instrument, how much, where several funders do the same thing for the same
  objective (overlaps), which objectives nobody funds (gaps), and how
  concentrated the money is. :func:`donor_landscape` does it all.

Scores and donor tables come from the case (``case.load("readiness")``,
``case.load("donors")``), from a participant's own CSV or Excel file
(:func:`read_scores`, :func:`read_donors`, through
:func:`missionkit.tables.read_table`) or from the workbook
(:func:`scores_from_workbook`). Every bad input raises
:class:`~missionkit.errors.MissionkitInputError` naming the file, row and
column, with a fix. Functions never print.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, is_blank
from missionkit.tables import Column, TableSpec, read_table
from missionkit.text import and_list, cite_full

__all__ = [
    "Dimension", "DIMENSIONS", "DIMENSION_CODES", "SCALE", "STOP_AND_FIX_DIMENSIONS", "STOP_AT",
    "DISAGREEMENT_SPREAD", "scorecard_table", "dimension_name", "dimension_label",
    "SCORES_SPEC", "read_scores", "scores_frame", "scores_from_workbook", "scores_wide", "assessor_scores",
    "ReadinessProfile", "readiness_profile", "compare_without", "weakest_dimensions", "stop_and_fix",
    "INSTRUMENTS", "DONOR_SPEC", "read_donors", "prepare_donors", "donor_coverage", "coverage_matrix",
    "donor_gaps", "donor_overlaps", "Concentration", "donor_concentration", "DonorLandscape", "donor_landscape",
    "objective_label",
    "check_weakest", "check_stop_or_go", "check_donor_findings", "check_donor_advice",
]

SCALE: tuple[int, ...] = (0, 1, 2, 3, 4)
DIMENSION_CODES: tuple[str, ...] = tuple(case.READINESS_DIMENSIONS)
STOP_AND_FIX_DIMENSIONS: tuple[str, ...] = ("R2", "R3")
STOP_AT = 1  # a median of 0 or 1 on R2 or R3 is a "stop and fix" signal (brief §6.5, OUR PROPOSAL)
DISAGREEMENT_SPREAD = 2  # assessors this far apart should compare their evidence before agreeing
OVERLAP_MIN_FUNDERS = 3  # "several" funders giving the same kind of support to one objective
INSTRUMENTS: tuple[str, ...] = ("grant", "concessional loan", "guarantee", "technical assistance")
FICTIONAL = "The Republic of Marenta case briefing (FICTIONAL)"
OUR_PROPOSAL = "the readiness scorecard is this course's proposal, not a published OECD or IIPP method"


# --------------------------------------------------------------------------- sources
# --------------------------------------------------------------------------- the scorecard (OUR PROPOSAL)
@dataclass(frozen=True)
class Dimension:
    """One dimension of the readiness scorecard (brief §6.5, OUR PROPOSAL)."""

    code: str
    name: str
    question: str
    evidence: str
    method: str
    anchors: Mapping[int, str]
    sources: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}"

    def anchor_text(self) -> str:
        return "; ".join(f"{k} = {v}" for k, v in sorted(self.anchors.items()))


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("R1", case.READINESS_DIMENSIONS["R1"],
              "Is the challenge complex, cross-sectoral and measurable, and is a mission the right tool?",
              "Problem analysis; baseline data for candidate indicators; a root-cause map; a completed Litmus Test",
              "Framework-conditions analysis; desk review",
              {0: "no shared problem definition", 2: "defined but no baseline",
               4: "defined, baselined, Litmus Test passed"},
              ("opsi-litmus", "mazzucato2018")),
    Dimension("R2", case.READINESS_DIMENSIONS["R2"],
              "Is there a durable mandate and public support?",
              "A mandate document (law, cabinet decision); a named senior sponsor; cross-party or multi-cycle "
              "signals; consultation results; public polling",
              "Document review; interviews; citizen survey",
              {0: "announcement only", 2: "mandate but no sponsor or budget",
               4: "mandate, sponsor, multi-year budget, evidence of public support"},
              ("opsi-litmus", "mal-gov", "mazz2019-governing", "vinnova-notes")),
    Dimension("R3", case.READINESS_DIMENSIONS["R3"],
              "Does someone own the mission, with decision rights across ministries and levels?",
              "Terms of reference for steering board, secretariat and mission team; attendance and decisions in "
              "minutes; vertical links to regions and cities",
              "Framework-conditions analysis; focus groups",
              {0: "none", 2: "partial structures", 4: "formal structures that steer ex ante"},
              ("ggsd2022", "swisscore-gov", "zs2023")),
    Dimension("R4", case.READINESS_DIMENSIONS["R4"],
              "Do existing policies point toward or against the mission, and are non-STI levers available?",
              "A policy inventory (system scan) tagged by instrument type, owner and objective; share of non-STI "
              "instruments; conflicting policies flagged",
              "System scanning",
              {0: "not scanned", 2: "scanned, mostly STI grants",
               4: "broad mix including regulation, procurement and fiscal tools, with conflicts addressed"},
              ("mal-home", "ggsd2022", "oecd-nz2025")),
    Dimension("R5", case.READINESS_DIMENSIONS["R5"],
              "Is there dedicated, multi-year money beyond STI budgets, and are private and donor flows aligned?",
              "Budget tagging; multi-year commitments; private co-finance pipeline; donor map",
              "Budget analysis; donor landscape analysis",
              {0: "borrowed STI money only", 2: "a dedicated line but annual and STI-only",
               4: "multi-year, cross-ministry, with private and donor co-finance aligned"},
              ("oecd-nz2025", "ggsd2022", "indef-idia4")),
    Dimension("R6", case.READINESS_DIMENSIONS["R6"],
              "Can the administration sense, adapt, build coalitions, experiment and reconfigure delivery?",
              "Structured interviews against the five capabilities; staff skills audit (portfolio management, "
              "M&E, design, procurement); record of past experiments",
              "Diagnostic survey plus interviews",
              {0: "no capacity", 2: "pockets in some units", 4: "institutionalised across the lead organisations"},
              ("kattelmazz2018", "psci-goulden", "psci-2025-sec", "ggsd2022")),
    Dimension("R7", case.READINESS_DIMENSIONS["R7"],
              "Are there research, business, intermediary and civil-society actors able to deliver solutions "
              "and scale them?",
              "Counts and maturity of research institutions, innovative firms, intermediaries and incubators, "
              "civil-society groups; links between them",
              "Ecosystem mapping; stakeholder engagement; focus groups",
              {0: "thin and disconnected", 2: "present but weakly linked", 4: "dense, linked and able to scale"},
              ("indef-idia1", "dac-innov", "mazzucato2018")),
    Dimension("R8", case.READINESS_DIMENSIONS["R8"],
              "Can progress be measured and fed back into decisions?",
              "Indicator availability and lags; baseline quality; statistical capacity; an evaluation function; "
              "a review cadence",
              "Indicator audit (CREAM); diagnostic survey",
              {0: "no baselines", 2: "baselines for outcomes but no review cycle",
               4: "baselines, targets, milestones and regular reviews linked to the portfolio"},
              ("mal-eval", "kusekrist2004", "eea-ocean")),
)
_BY_CODE = {d.code: d for d in DIMENSIONS}


def dimension_name(code: str) -> str:
    return _BY_CODE[code].name if code in _BY_CODE else str(code)


def dimension_label(code: str) -> str:
    """'R3' -> 'R3 Governance and co-ordination architecture'."""
    return _BY_CODE[code].label if code in _BY_CODE else str(code)


def scorecard_table() -> pd.DataFrame:
    """The scorecard (OUR PROPOSAL) as a table: what each dimension asks, its evidence and anchors."""
    return pd.DataFrame(
        [{"dimension": d.label, "what it asks": d.question, "evidence needed": d.evidence,
          "how to collect it": d.method, "anchors (0 / 2 / 4)": d.anchor_text()} for d in DIMENSIONS]
    ).set_index("dimension")


# --------------------------------------------------------------------------- reading scores
SCORES_SPEC = TableSpec("readiness scores", (
    Column("dimension", "choice", choices=DIMENSION_CODES, synonyms=("dim", "code", "readiness dimension"),
           description="R1 to R8", example="R1"),
    Column("assessor", synonyms=("scorer", "name", "who", "rater"), description="who gave the score",
           example="Mission team analyst"),
    Column("score", "integer", min=0, max=4, synonyms=("rating", "points"), description="0 to 4", example=3),
    Column("evidence", required=False, synonyms=("evidence link", "notes", "source"),
           description="the evidence behind the score", example="Cabinet decision of 3 March 2025"),
))

_SCORE_FIX = "Give a whole number from 0 (absent) to 4 (strong), using the anchors of the scorecard"


def _dimension_code(value: Any) -> str | None:
    """'R3', 'r3', 'R 3', 'R3 Governance ...' or a dimension's name -> 'R3'; None if not a dimension."""
    text = str(value).strip()
    m = re.match(r"^[Rr]\s*-?\s*([1-8])\b", text)
    if m:
        return f"R{m.group(1)}"
    low = re.sub(r"\s+", " ", text.lower())
    for d in DIMENSIONS:
        if low == d.name.lower():
            return d.code
    return None


def _check_duplicates(df: pd.DataFrame, file: str | None) -> None:
    seen: dict[tuple[str, str], Any] = {}
    for row, r in zip(df.index, df.itertuples(), strict=False):
        k = (r.dimension, str(r.assessor).strip().lower())
        if k in seen:
            raise MissionkitInputError(
                f"{r.assessor} scored {r.dimension} twice (rows {seen[k]} and {row})",
                fix="Keep one score per assessor and dimension: delete one of the two rows, or give the "
                    "second assessor their own name", file=file, row=int(row), column="dimension")
        seen[k] = row


def read_scores(source: Any, *, name: str | None = None, sheet: str | None = None) -> pd.DataFrame:
    """Read a team's scorecard from a CSV or Excel file (one row per assessor and dimension).

    Columns: ``dimension`` (R1 to R8), ``assessor``, ``score`` (0 to 4) and,
    optionally, ``evidence``. Returns the long table (index: spreadsheet row).
    Raises MissionkitInputError naming file, row and column for any problem.
    """
    df = read_table(source, SCORES_SPEC, name=name, sheet=sheet)
    shown = name or (getattr(source, "name", None) if not isinstance(source, (str, bytes, pd.DataFrame)) else None)
    if shown is None and isinstance(source, str):
        shown = source.replace("\\", "/").rsplit("/", 1)[-1]
    df["assessor"] = df["assessor"].astype(str).str.strip()
    df["evidence"] = df["evidence"].fillna("").astype(str).str.strip()
    _check_duplicates(df, shown)
    return df[["dimension", "assessor", "score", "evidence"]]


def _score_value(value: Any, where: str) -> int | None:
    """A score as an int 0-4; None when blank (not scored yet)."""
    if is_blank(value) or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool):
        raise MissionkitInputError(f"The score for {where} is {value!r}, not a number", fix=_SCORE_FIX)
    if isinstance(value, str):
        text = value.strip()
        m = re.match(r"^([0-4])(?:\s*(?:[-–—:]|$))", text)
        if not m:
            raise MissionkitInputError(f"The score for {where} is '{text}', not a whole number from 0 to 4",
                                       fix=_SCORE_FIX)
        return int(m.group(1))
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise MissionkitInputError(f"The score for {where} is a {type(value).__name__}, not a number",
                                   fix=_SCORE_FIX) from None
    if number != int(number) or not 0 <= number <= 4:
        raise MissionkitInputError(f"The score for {where} is {value:g}: scores run from 0 to 4 in whole steps",
                                   fix=_SCORE_FIX)
    return int(number)


def _one_assessor(assessor: str, scores: Any) -> list[dict]:
    if not isinstance(scores, Mapping):
        raise MissionkitInputError(
            f"The scores of {assessor} should be a dict like {{'R1': 3, 'R2': 2}}, not a {type(scores).__name__}",
            fix='Write them as {"R1": 3, "R2": 2, ...} or {"R1": {"score": 3, "evidence": "..."}, ...}')
    rows = []
    for key, value in scores.items():
        code = _dimension_code(key)
        if code is None:
            raise MissionkitInputError(
                f"'{key}' (in the scores of {assessor}) is not a readiness dimension",
                fix="Use the codes R1 to R8: " + "; ".join(d.label for d in DIMENSIONS))
        evidence = ""
        if isinstance(value, Mapping):
            evidence = value.get("evidence") or ""
            value = value.get("score")
        score = _score_value(value, f"{code} ({assessor})")
        if score is None:
            continue
        rows.append({"dimension": code, "assessor": assessor, "score": score, "evidence": str(evidence).strip()})
    return rows


def scores_frame(scores: Any) -> pd.DataFrame:
    """Scores as the long table, from a DataFrame (the case's or a file's) or a dict per assessor.

    ``scores`` may be ``{"Ana": {"R1": 3, "R2": {"score": 2, "evidence": "..."}}, ...}``.
    Blank scores (``None``, ``""``, ``...``) are left out: not scored yet.
    """
    cols = ["dimension", "assessor", "score", "evidence"]
    if isinstance(scores, pd.DataFrame):
        missing = [c for c in ("dimension", "assessor", "score") if c not in scores.columns]
        if missing:
            raise MissionkitInputError(f"The scores table has no column '{missing[0]}'",
                                       fix="Give the columns dimension, assessor, score and evidence",
                                       column=missing[0])
        df = scores.copy()
        if "evidence" not in df.columns:
            df["evidence"] = ""
        rows = []
        for row, r in zip(df.index, df.itertuples(), strict=False):
            code = _dimension_code(r.dimension)
            if code is None:
                raise MissionkitInputError(f"'{r.dimension}' is not a readiness dimension",
                                           fix="Use the codes R1 to R8", row=_row(row), column="dimension")
            try:
                score = _score_value(r.score, f"{code} ({r.assessor})")
            except MissionkitInputError as error:
                raise MissionkitInputError(error.problem, fix=error.fix, row=_row(row), column="score") from None
            if score is None:
                continue
            ev = "" if is_blank(r.evidence) or (isinstance(r.evidence, float) and math.isnan(r.evidence)) else r.evidence
            rows.append({"dimension": code, "assessor": str(r.assessor).strip(), "score": score,
                         "evidence": str(ev).strip()})
        out = pd.DataFrame(rows, columns=cols)
    elif isinstance(scores, Mapping):
        rows = []
        for assessor, own in scores.items():
            rows += _one_assessor(str(assessor).strip() or "Unnamed assessor", own)
        out = pd.DataFrame(rows, columns=cols)
    else:
        raise MissionkitInputError(
            f"The scores should be a table or a dict per assessor, not a {type(scores).__name__}",
            fix='Use case.load("readiness"), read_scores("my-file.csv") or {"Your name": {"R1": 3, ...}}')
    if len(out):
        _check_duplicates(out.reset_index(drop=True).rename(index=lambda i: i + 2), None)
    out["score"] = out["score"].astype("int64")
    return out.reset_index(drop=True)


def _row(index_value: Any) -> int | None:
    try:
        return int(index_value)
    except (TypeError, ValueError):
        return None


TEAMMATE_PREFIX = "teammate:"


def scores_from_workbook(section: Mapping[str, Any] | None, me: str = "You", key: str = "scores") -> dict:
    """From a workbook section ("readiness"): {assessor: {R1: {score, evidence}, ...}}, yours first.

    Teammates' scores imported with ``wb.import_from(..., as_teammate=True)``
    sit under ``"teammate:<name>"``; each holds their whole section.
    """
    out: dict[str, dict] = {}
    if not isinstance(section, Mapping):
        return out
    own = section.get(key)
    if isinstance(own, Mapping) and own:
        out[me] = dict(own)
    for k, v in section.items():
        if isinstance(k, str) and k.startswith(TEAMMATE_PREFIX) and isinstance(v, Mapping):
            theirs = v.get(key)
            if isinstance(theirs, Mapping) and theirs:
                name = k[len(TEAMMATE_PREFIX):].strip() or "A teammate"
                out[name if name != me else f"{name} (teammate)"] = dict(theirs)
    return out


def assessor_scores(scores: Any, assessor: str) -> dict[str, dict]:
    """One assessor's scores as ``{"R1": {"score": 3, "evidence": "..."}, ...}`` (the form's shape)."""
    df = scores_frame(scores)
    mine = df[df["assessor"] == assessor]
    if mine.empty:
        raise MissionkitInputError(f"There is no assessor called '{assessor}'",
                                   fix="Use one of: " + ", ".join(repr(a) for a in dict.fromkeys(df["assessor"])))
    return {r.dimension: {"score": int(r.score), "evidence": r.evidence} for r in mine.itertuples()}


def scores_wide(scores: Any) -> pd.DataFrame:
    """Scores as a grid: one row per dimension, one column per assessor (blank: not scored)."""
    df = scores_frame(scores)
    assessors = list(dict.fromkeys(df["assessor"]))
    wide = df.pivot(index="dimension", columns="assessor", values="score").reindex(DIMENSION_CODES)
    wide = wide.reindex(columns=assessors).astype("Int64")
    wide.index = [dimension_label(c) for c in wide.index]
    wide.index.name = "dimension"
    wide.columns.name = None
    return wide


# --------------------------------------------------------------------------- the profile
@dataclass
class ReadinessProfile:
    """The aggregated scorecard.

    ``table``: one row per dimension (index R1..R8) with name, median, lowest,
    highest, spread (highest minus lowest), assessors, with_evidence, scores
    (as text, in assessor order) and signal. ``weakest``: dimensions with the
    lowest median. ``stop_and_fix``: R2 or R3 with a median of 0 or 1.
    ``disagreements``: dimensions whose spread is 2 or more.
    """

    table: pd.DataFrame
    assessors: list[str]
    weakest: list[str]
    stop_and_fix: list[str]
    disagreements: list[str]
    unscored: list[str]
    missing_evidence: list[tuple[str, str]] = field(default_factory=list)

    @property
    def medians(self) -> dict[str, float]:
        return {k: float(v) for k, v in self.table["median"].dropna().items()}

    @property
    def spreads(self) -> dict[str, int]:
        return {k: int(v) for k, v in self.table["spread"].dropna().items()}

    @property
    def largest_spread(self) -> list[str]:
        s = self.table["spread"].dropna()
        return [] if s.empty else [k for k, v in s.items() if v == s.max()]

    @property
    def stop(self) -> bool:
        return bool(self.stop_and_fix)

    def verdict(self) -> str:
        if not self.assessors:
            return "No scores yet: score each dimension from 0 to 4, with your evidence."
        if self.stop_and_fix:
            dims = and_list([dimension_label(c) for c in self.stop_and_fix])
            return (f"Stop and fix: {dims} has a median of {_num(self.table.loc[self.stop_and_fix[0], 'median'])}. "
                    "Fix it before launching the mission (a median of 0 or 1 on R2 or R3; OUR PROPOSAL).")
        if self.unscored:
            return f"Not every dimension is scored yet: {and_list(self.unscored)}."
        return "No stop-and-fix signal: R2 and R3 both have a median of 2 or more. Work on the weakest dimensions."

    def sentences(self) -> list[str]:
        """The findings in plain words, computed from the scores."""
        if not self.assessors:
            return [self.verdict()]
        n = len(self.assessors)
        who = "one assessor" if n == 1 else f"{n} assessors"
        out = [f"Scored by {who}: {and_list(self.assessors)}."]
        if self.weakest:
            low = _num(self.table.loc[self.weakest[0], "median"])
            out.append(f"Weakest (lowest median, {low}): {and_list([dimension_label(c) for c in self.weakest])}.")
        out.append(self.verdict())
        if n > 1 and self.disagreements:
            parts = [f"{c} (scores {self.table.loc[c, 'scores']}; spread {int(self.table.loc[c, 'spread'])})"
                     for c in self.disagreements]
            out.append(f"The assessors disagree most on {and_list(parts)}: compare the evidence before agreeing a score.")
        if self.missing_evidence:
            out.append(f"{len(self.missing_evidence)} score(s) have no evidence yet: each score needs cited evidence.")
        return out

    def takeaway(self) -> str:
        if not self.assessors:
            return self.verdict()
        parts = []
        if self.weakest:
            low = _num(self.table.loc[self.weakest[0], "median"])
            parts.append(f"{and_list(self.weakest)} {'is' if len(self.weakest) == 1 else 'are'} weakest (median {low})")
        if self.stop_and_fix:
            parts.append(f"{and_list(self.stop_and_fix)} at {_num(self.table.loc[self.stop_and_fix[0], 'median'])} "
                         "is a stop-and-fix signal")
        if len(self.assessors) > 1 and self.largest_spread:
            c = self.largest_spread[0]
            parts.append(f"the assessors disagree most on {and_list(self.largest_spread)} "
                         f"(spread {int(self.table.loc[c, 'spread'])}: scores {self.table.loc[c, 'scores']})")
        text = "; ".join(parts) if parts else "every dimension has a median of 2 or more"
        return text[0].upper() + text[1:] + "."


def _num(x: Any) -> str:
    x = float(x)
    return f"{x:g}"


def readiness_profile(scores: Any, *, leave_out: Iterable[str] | str | None = None) -> ReadinessProfile:
    """Aggregate scores: median per dimension, spread (max - min), weakest dimensions, stop-and-fix signal.

    ``scores``: the long table (case.load("readiness") or read_scores) or a
    dict per assessor. ``leave_out``: assessors to drop (to see how much one
    person moves the result).
    """
    df = scores_frame(scores)
    if leave_out:
        drop = {leave_out} if isinstance(leave_out, str) else set(leave_out)
        known = set(df["assessor"])
        unknown = [a for a in drop if a not in known]
        if unknown:
            raise MissionkitInputError(f"There is no assessor called '{unknown[0]}'",
                                       fix="Use one of: " + ", ".join(repr(a) for a in dict.fromkeys(df["assessor"])))
        df = df[~df["assessor"].isin(drop)]
    assessors = list(dict.fromkeys(df["assessor"]))
    rows = []
    for code in DIMENSION_CODES:
        part = df[df["dimension"] == code]
        s = part["score"]
        if s.empty:
            rows.append({"dimension": code, "name": dimension_name(code), "median": math.nan, "lowest": pd.NA,
                         "highest": pd.NA, "spread": pd.NA, "assessors": 0, "with_evidence": 0, "scores": ""})
            continue
        ordered = part.set_index("assessor")["score"].reindex([a for a in assessors if a in set(part["assessor"])])
        rows.append({
            "dimension": code, "name": dimension_name(code), "median": float(s.median()),
            "lowest": int(s.min()), "highest": int(s.max()), "spread": int(s.max() - s.min()),
            "assessors": int(len(s)), "with_evidence": int((part["evidence"].str.strip() != "").sum()),
            "scores": ", ".join(str(int(v)) for v in ordered),
        })
    table = pd.DataFrame(rows).set_index("dimension")
    for col in ("lowest", "highest", "spread"):
        table[col] = table[col].astype("Int64")
    scored = table["median"].dropna()
    weakest = [] if scored.empty else [c for c, v in scored.items() if v == scored.min()]
    stop = [c for c in STOP_AND_FIX_DIMENSIONS if c in scored.index and scored[c] <= STOP_AT]
    multi = len(assessors) > 1
    disagreements = [c for c, v in table["spread"].dropna().items() if multi and v >= DISAGREEMENT_SPREAD]
    unscored = [c for c in DIMENSION_CODES if c not in scored.index]
    missing = [(r.dimension, r.assessor) for r in df.itertuples() if not str(r.evidence).strip()]
    signals = []
    for code in table.index:
        s = []
        if code in stop:
            s.append("stop and fix")
        if code in weakest:
            s.append("weakest")
        if code in disagreements:
            s.append("assessors disagree")
        if code in unscored:
            s.append("not scored")
        signals.append("; ".join(s))
    table["signal"] = signals
    return ReadinessProfile(table=table, assessors=assessors, weakest=weakest, stop_and_fix=stop,
                            disagreements=disagreements, unscored=unscored, missing_evidence=missing)


def compare_without(scores: Any, assessor: str) -> pd.DataFrame:
    """Each dimension's median with every assessor and without one, and whether its signal changes."""
    full, part = readiness_profile(scores), readiness_profile(scores, leave_out=assessor)
    out = pd.DataFrame({
        "dimension": [dimension_label(c) for c in DIMENSION_CODES],
        "median, all": [full.table.loc[c, "median"] for c in DIMENSION_CODES],
        f"median without {assessor}": [part.table.loc[c, "median"] for c in DIMENSION_CODES],
        "signal, all": [full.table.loc[c, "signal"] for c in DIMENSION_CODES],
        f"signal without {assessor}": [part.table.loc[c, "signal"] for c in DIMENSION_CODES],
    }).set_index("dimension")
    return out


def weakest_dimensions(scores: Any) -> list[str]:
    """The dimensions with the lowest median score."""
    p = scores if isinstance(scores, ReadinessProfile) else readiness_profile(scores)
    return list(p.weakest)


def stop_and_fix(scores: Any) -> list[str]:
    """R2 or R3 when its median is 0 or 1 (OUR PROPOSAL, after the Litmus Test's warning on commitment)."""
    p = scores if isinstance(scores, ReadinessProfile) else readiness_profile(scores)
    return list(p.stop_and_fix)


# --------------------------------------------------------------------------- donors
DONOR_SPEC = TableSpec("donor landscape", (
    Column("funder", unique=True, synonyms=("donor", "partner", "name", "funder name"), example="Norvale Agency"),
    Column("funder_type", required=False, synonyms=("type", "donor type", "kind"),
           description="development bank, bilateral donor, climate fund, ...", example="bilateral donor"),
    Column("instrument", "choice", choices=INSTRUMENTS,
           synonyms=("main instrument", "funding instrument", "modality"), example="grant"),
    Column("amount", "number", min=0, synonyms=("amount_mrc_m", "amount_m", "amount (m)", "commitment", "value"),
           description="millions, over the whole period", example=12.5),
    Column("objectives", blank_ok=True, synonyms=("objective", "objective(s)", "mission objectives"),
           description="objective codes separated by ';'", example="O2;O3"),
    Column("start_year", "year", required=False, synonyms=("start", "from"), example=2025),
    Column("end_year", "year", required=False, synonyms=("end", "to", "until"), example=2028),
    Column("on_budget", "yesno", required=False, synonyms=("on budget", "through national budget"), example="yes"),
    Column("coordination_forum", required=False, synonyms=("forum", "co-ordination forum", "coordination"),
           description="'none' if it sits in no forum", example="Clean Air Partners Group"),
))
_SPLIT = re.compile(r"[;,/|+&]|\band\b")


def _objective_codes(text: Any, objectives: Sequence[str], *, file=None, row=None) -> tuple[str, ...]:
    if is_blank(text) or (isinstance(text, float) and math.isnan(text)):
        return ()
    codes = []
    for part in _SPLIT.split(str(text)):
        p = part.strip()
        if not p:
            continue
        m = re.match(r"^([A-Za-z]{1,3})\s*-?\s*(\d{1,2})$", p)
        code = (m.group(1) + m.group(2)).upper() if m else None
        if code is None:
            for k, info in case.OBJECTIVES.items():
                if p.lower() == info["name"].lower() and k in objectives:
                    code = k
        if code is None or code not in objectives:
            what = f"'{p}' is not one of your objectives ({', '.join(objectives)})" if code else \
                f"'{p}' is not an objective code"
            raise MissionkitInputError(what, fix="Write the codes of your mission's objectives separated by "
                                                 "semicolons, for example O1;O2", file=file, row=row,
                                       column="objectives")
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def read_donors(source: Any, *, objectives: Sequence[str] | None = None, name: str | None = None,
                sheet: str | None = None) -> pd.DataFrame:
    """Read a donor map from a CSV or Excel file and check it (objective codes, years).

    Required columns: funder, instrument (grant, concessional loan, guarantee,
    technical assistance), amount (millions over the period), objectives
    (codes separated by ';'). Optional: funder_type, start_year, end_year,
    on_budget (yes/no), coordination_forum. Returns :func:`prepare_donors`'s table.
    """
    objectives = tuple(objectives or case.OBJECTIVE_IDS)
    df = read_table(source, DONOR_SPEC, name=name, sheet=sheet)
    shown = name
    if shown is None and isinstance(source, str):
        shown = source.replace("\\", "/").rsplit("/", 1)[-1]
    elif shown is None and hasattr(source, "name"):
        shown = source.name
    for row, r in zip(df.index, df.itertuples(), strict=False):
        _objective_codes(r.objectives, objectives, file=shown, row=int(row))
        if pd.notna(r.start_year) and pd.notna(r.end_year) and int(r.end_year) < int(r.start_year):
            raise MissionkitInputError(
                f"{r.funder}'s commitment ends in {int(r.end_year)}, before it starts ({int(r.start_year)})",
                fix="end_year must be the same as start_year or later", file=shown, row=int(row), column="end_year")
    return prepare_donors(df, objectives=objectives)


def prepare_donors(donors: pd.DataFrame, *, objectives: Sequence[str] | None = None) -> pd.DataFrame:
    """One standard donor table: funder, funder_type, instrument, amount, objectives (a tuple of codes),
    start_year, end_year, on_budget (True/False/None), forum ("" when none)."""
    objectives = tuple(objectives or case.OBJECTIVE_IDS)
    if not isinstance(donors, pd.DataFrame):
        raise MissionkitInputError(f"The donor map should be a table, not a {type(donors).__name__}",
                                   fix='Use case.load("donors") or read_donors("my-donors.csv")')
    d = donors.copy()
    if "amount" not in d.columns and "amount_mrc_m" in d.columns:
        d = d.rename(columns={"amount_mrc_m": "amount"})
    for col in ("funder", "instrument", "amount", "objectives"):
        if col not in d.columns:
            raise MissionkitInputError(f"The donor map has no column '{col}'",
                                       fix="Give the columns funder, instrument, amount and objectives",
                                       column=col)
    rows = []
    for i, r in enumerate(d.to_dict("records")):
        instrument = str(r["instrument"]).strip().lower()
        if instrument not in INSTRUMENTS:
            raise MissionkitInputError(f"'{r['instrument']}' is not an instrument this analysis knows",
                                       fix="Use one of: " + ", ".join(INSTRUMENTS), row=i + 2, column="instrument")
        try:
            amount = float(r["amount"])
        except (TypeError, ValueError):
            raise MissionkitInputError(f"The amount '{r['amount']}' is not a number", fix="Type a plain number",
                                       row=i + 2, column="amount") from None
        if math.isnan(amount) or amount < 0:
            raise MissionkitInputError(f"The amount of {r['funder']} is missing or negative",
                                       fix="Give the amount committed, 0 or more", row=i + 2, column="amount")
        on_budget = r.get("on_budget")
        if isinstance(on_budget, str):
            on_budget = {"yes": True, "no": False}.get(on_budget.strip().lower())
        elif on_budget is None or (isinstance(on_budget, float) and math.isnan(on_budget)) or on_budget is pd.NA:
            on_budget = None
        else:
            on_budget = bool(on_budget)
        forum = r.get("coordination_forum")
        forum = "" if is_blank(forum) or not isinstance(forum, str) or forum.strip().lower() in ("none", "no") \
            else forum.strip()
        rows.append({
            "funder": str(r["funder"]).strip(), "funder_type": str(r.get("funder_type") or "").strip(),
            "instrument": instrument, "amount": amount,
            "objectives": _objective_codes(r["objectives"], objectives, row=i + 2),
            "start_year": r.get("start_year"), "end_year": r.get("end_year"),
            "on_budget": on_budget, "forum": forum,
        })
    out = pd.DataFrame(rows, columns=["funder", "funder_type", "instrument", "amount", "objectives",
                                      "start_year", "end_year", "on_budget", "forum"])
    out.attrs["objectives"] = objectives
    return out


def _donors(donors: pd.DataFrame | None, objectives: Sequence[str] | None) -> pd.DataFrame:
    if donors is None:
        donors = case.load("donors")
    if "forum" in donors.columns and donors.attrs.get("objectives"):
        return donors
    return prepare_donors(donors, objectives=objectives)


def objective_label(code: str) -> str:
    info = case.OBJECTIVES.get(code)
    return f"{code} {info['name']}" if info else str(code)


def donor_coverage(donors: pd.DataFrame | None = None, objectives: Sequence[str] | None = None) -> pd.DataFrame:
    """One row per funder and objective it serves: objective, funder, instrument, amount, share.

    ``amount`` is the funder's whole commitment; ``share`` splits it evenly
    across the objectives the funder names (an assumption: donor maps rarely
    say how money divides between objectives).
    """
    d = _donors(donors, objectives)
    rows = []
    for r in d.itertuples():
        for o in r.objectives:
            rows.append({"objective": o, "objective_label": objective_label(o), "funder": r.funder,
                         "funder_type": r.funder_type, "instrument": r.instrument, "amount": r.amount,
                         "share": r.amount / len(r.objectives), "on_budget": r.on_budget, "forum": r.forum})
    return pd.DataFrame(rows, columns=["objective", "objective_label", "funder", "funder_type", "instrument",
                                       "amount", "share", "on_budget", "forum"])


def coverage_matrix(donors: pd.DataFrame | None = None, objectives: Sequence[str] | None = None) -> pd.DataFrame:
    """Objective x instrument, every pair (zeros included): funders (count), money (split evenly), names."""
    d = _donors(donors, objectives)
    objs = tuple(objectives or d.attrs.get("objectives") or case.OBJECTIVE_IDS)
    cov = donor_coverage(d, objs)
    rows = []
    for o in objs:
        for inst in INSTRUMENTS:
            part = cov[(cov["objective"] == o) & (cov["instrument"] == inst)]
            rows.append({"objective": o, "objective_label": objective_label(o), "instrument": inst,
                         "funders": int(len(part)), "money": float(part["share"].sum()),
                         "names": ", ".join(part["funder"])})
    return pd.DataFrame(rows)


def donor_gaps(donors: pd.DataFrame | None = None, objectives: Sequence[str] | None = None) -> list[str]:
    """Objectives that no funder names."""
    d = _donors(donors, objectives)
    objs = tuple(objectives or d.attrs.get("objectives") or case.OBJECTIVE_IDS)
    served = {o for codes in d["objectives"] for o in codes}
    return [o for o in objs if o not in served]


def donor_overlaps(donors: pd.DataFrame | None = None, objectives: Sequence[str] | None = None,
                   min_funders: int = OVERLAP_MIN_FUNDERS) -> pd.DataFrame:
    """Objective and instrument pairs where ``min_funders`` or more funders do the same thing.

    Columns: objective, instrument, funders (count), names, total (whole
    commitments), median_size, outside_forum (how many sit in no co-ordination
    forum), forums. Several small technical-assistance grants on one objective
    usually mean duplicated studies and advice, and a heavy load on the
    ministry that must host them (OUR PROPOSAL, after the INDEF themes of
    alignment).
    """
    d = _donors(donors, objectives)
    cov = donor_coverage(d, objectives)
    rows = []
    for (o, inst), part in cov.groupby(["objective", "instrument"], sort=True):
        if len(part) < min_funders:
            continue
        forums = sorted({f for f in part["forum"] if f})
        rows.append({"objective": o, "objective_label": objective_label(o), "instrument": inst,
                     "funders": int(len(part)), "names": ", ".join(part["funder"]),
                     "total": round(float(part["amount"].sum()), 6),
                     "median_size": float(part["amount"].median()),
                     "outside_forum": int((part["forum"] == "").sum()), "forums": ", ".join(forums)})
    return pd.DataFrame(rows, columns=["objective", "objective_label", "instrument", "funders", "names", "total",
                                       "median_size", "outside_forum", "forums"])


@dataclass(frozen=True)
class Concentration:
    """How concentrated the donor money is."""

    total: float
    top: tuple[str, ...]
    top_amount: float
    top_share: float
    top_types: tuple[str, ...]
    top_instruments: tuple[str, ...]
    hhi: float  # Herfindahl-Hirschman index on funders' shares, 0 to 1

    def sentence(self, unit: str = case.MONEY_UNIT) -> str:
        n = len(self.top)
        words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
        kinds = sorted({t for t in self.top_types if t})
        what = f", {'both ' if n == 2 else 'all '}{kinds[0]}s" if len(kinds) == 1 and n > 1 else ""
        lead = "The largest funder" if n == 1 else f"The {words.get(n, n)} largest funders"
        return (f"{lead} ({and_list(self.top)}{what}) hold{'s' if n == 1 else ''} {self.top_share:.0%} of the "
                f"{unit.split()[0]} {self.total:,.1f}m committed.")


def donor_concentration(donors: pd.DataFrame | None = None, top: int = 2,
                        objectives: Sequence[str] | None = None) -> Concentration:
    """Share of all donor money held by the ``top`` largest funders, and the HHI."""
    d = _donors(donors, objectives).sort_values("amount", ascending=False, kind="stable")
    total = float(d["amount"].sum())
    if total <= 0:
        return Concentration(0.0, (), 0.0, 0.0, (), (), 0.0)
    head = d.head(top)
    shares = d["amount"] / total
    return Concentration(total=total, top=tuple(head["funder"]), top_amount=float(head["amount"].sum()),
                         top_share=float(head["amount"].sum() / total),
                         top_types=tuple(head["funder_type"]), top_instruments=tuple(head["instrument"]),
                         hhi=float((shares ** 2).sum()))


@dataclass
class DonorLandscape:
    """Everything module 09 finds in a donor map."""

    donors: pd.DataFrame
    objectives: tuple[str, ...]
    coverage: pd.DataFrame
    matrix: pd.DataFrame
    gaps: list[str]
    overlaps: pd.DataFrame
    concentration: Concentration
    thin: list[str]  # objectives served by a single funder
    off_budget: list[str]
    no_forum: list[str]
    unit: str = case.MONEY_UNIT

    def by_objective(self) -> pd.DataFrame:
        """Per objective: funders, instruments and money (split evenly across each funder's objectives)."""
        rows = []
        for o in self.objectives:
            part = self.coverage[self.coverage["objective"] == o]
            rows.append({"objective": objective_label(o), "funders": int(len(part)),
                         "instruments": ", ".join(i for i in INSTRUMENTS if i in set(part["instrument"])) or "none",
                         "money (split evenly)": round(float(part["share"].sum()), 1),
                         "who": ", ".join(part["funder"]) or "nobody"})
        return pd.DataFrame(rows).set_index("objective")

    def sentences(self) -> list[str]:
        money = self.unit.split()[0]
        out = []
        if self.gaps:
            out.append(f"No funder covers {and_list([objective_label(o) for o in self.gaps])}.")
        for r in self.overlaps.itertuples():
            out.append(f"{r.funders} funders give {r.instrument} to {r.objective_label} ({money} {r.total:,.1f}m in "
                       f"all, a median of {money} {r.median_size:,.1f}m each; {r.outside_forum} of them sit in no "
                       "co-ordination forum): likely overlap.")
        if self.thin:
            out.append(f"Only one funder covers {and_list([objective_label(o) for o in self.thin])}.")
        out.append(self.concentration.sentence(self.unit))
        if self.off_budget:
            out.append(f"{len(self.off_budget)} of {len(self.donors)} funders put their money outside the national "
                       "budget.")
        if self.no_forum:
            out.append(f"{len(self.no_forum)} sit in no co-ordination forum: {and_list(self.no_forum)}.")
        return out

    def takeaway(self) -> str:
        parts = []
        if self.gaps:
            parts.append(f"{and_list([objective_label(o) for o in self.gaps])} has no funder at all")
        for r in self.overlaps.itertuples():
            parts.append(f"{r.funders} funders give {r.instrument} to {r.objective_label}")
        c = self.concentration
        parts.append(f"the {'two' if len(c.top) == 2 else len(c.top)} largest funders hold {c.top_share:.0%} of the "
                     "money")
        text = "; ".join(parts)
        return text[0].upper() + text[1:] + "."


def donor_landscape(donors: pd.DataFrame | None = None, objectives: Sequence[str] | None = None,
                    min_funders: int = OVERLAP_MIN_FUNDERS, top: int = 2) -> DonorLandscape:
    """Coverage, gaps, overlaps and concentration of a donor map (default: the Marenta case, FICTIONAL)."""
    d = _donors(donors, objectives)
    objs = tuple(objectives or d.attrs.get("objectives") or case.OBJECTIVE_IDS)
    cov = donor_coverage(d, objs)
    counts = cov.groupby("objective")["funder"].nunique()
    return DonorLandscape(
        donors=d, objectives=objs, coverage=cov, matrix=coverage_matrix(d, objs), gaps=donor_gaps(d, objs),
        overlaps=donor_overlaps(d, objs, min_funders=min_funders), concentration=donor_concentration(d, top, objs),
        thin=[o for o in objs if counts.get(o, 0) == 1],
        off_budget=[r.funder for r in d.itertuples() if r.on_budget is False],
        no_forum=[r.funder for r in d.itertuples() if not r.forum],
    )


# --------------------------------------------------------------------------- exercise checks
def _codes(answer: Any, pattern: str, fix: str) -> list[str] | str:
    items = list(answer) if isinstance(answer, (list, tuple, set)) else [answer]
    out = []
    for item in items:
        if is_blank(item):
            continue
        for part in re.split(r"[;,/ ]+(?=[A-Za-z]\s*\d)|[;,]", str(item)):
            p = part.strip()
            if not p:
                continue
            m = re.match(pattern, p)
            if not m:
                return f"\u201c{p}\u201d is not a code. {fix}"
            out.append(m.group(1).upper() + m.group(2))
    return list(dict.fromkeys(out))


def _dims(answer: Any) -> list[str] | str:
    return _codes(answer, r"^([Rr])\s*-?\s*([1-8])\b", 'Write the codes in quotes, e.g. ["R1", "R2"].')


_SCORECARD_SOURCES = ["OUR PROPOSAL: the course's readiness scorecard (brief §6.5)", FICTIONAL]


def check_weakest(weakest: Any, most_disputed: Any = None, scores: pd.DataFrame | None = None) -> Feedback:
    """Feedback on the weakest dimensions (lowest median) and the most disputed one (largest spread)."""
    title = "Marenta's readiness profile (fictional)"
    if is_blank(weakest) and is_blank(most_disputed):
        return Feedback.not_answered(title, 'List the weakest dimensions, e.g. ["R1", "R2"], and name the one '
                                            'the assessors disagree on most, e.g. "R7".')
    p = readiness_profile(case.load("readiness") if scores is None else scores)
    strengths, improve = [], []
    got = _dims(weakest)
    if isinstance(got, str):
        return Feedback("revise", title, improve=[got])
    right = set(p.weakest)
    low = _num(p.table.loc[p.weakest[0], "median"])
    df = scores_frame(case.load("readiness") if scores is None else scores)
    means = df.groupby("dimension")["score"].mean()
    by_mean = [c for c, v in means.items() if math.isclose(v, means.min())]
    if not got:
        improve.append("List the weakest dimensions too.")
    elif set(got) == right:
        strengths.append(f"{and_list(sorted(right))} all have the lowest median, {low}.")
    elif set(got) == set(by_mean) and set(by_mean) != right:
        improve.append(f"You picked the lowest average (mean): {and_list(by_mean)}. Use the median: it resists one "
                       f"assessor's extreme score. By median, {and_list(sorted(right))} tie at {low}.")
    else:
        missed, extra = sorted(right - set(got)), sorted(set(got) - right)
        if missed:
            improve.append(f"Also weakest (median {low}): {and_list(missed)}. Read the middle score of the three for "
                           "each dimension.")
        if extra:
            shown = [f"{c} (median {_num(p.table.loc[c, 'median'])})" for c in extra if c in p.table.index]
            improve.append(f"Not among the weakest: {and_list(shown)}.")
    disputed = _dims(most_disputed)
    if isinstance(disputed, str):
        improve.append(disputed)
    elif not disputed:
        improve.append('Name the dimension the assessors disagree on most, e.g. "R7".')
    elif set(disputed) <= set(p.largest_spread):
        c = disputed[0]
        strengths.append(f"{c} has the widest spread ({int(p.table.loc[c, 'spread'])}: scores "
                         f"{p.table.loc[c, 'scores']}). Ask each assessor for their evidence before agreeing.")
    else:
        c = p.largest_spread[0]
        theirs = ", ".join(f"{d} spread {int(p.table.loc[d, 'spread'])}" for d in disputed if d in p.table.index)
        improve.append(f"The largest spread (highest minus lowest score) is on {c}: {int(p.table.loc[c, 'spread'])} "
                       f"(scores {p.table.loc[c, 'scores']}); yours: {theirs}.")
    status = "good" if not improve else ("partly" if strengths else "revise")
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="The median is the middle assessor's score, so one optimist or pessimist cannot move it. "
                        "The spread shows where the team sees different evidence: that conversation is the "
                        "point of scoring independently first.",
                    sources=_SCORECARD_SOURCES + [cite_full("psci-2025-sec")])


_DECISIONS = {"stop and fix": "stop", "stop": "stop", "stop-and-fix": "stop", "fix first": "stop",
              "go": "go", "proceed": "go", "launch": "go", "continue": "go"}


def check_stop_or_go(decision: Any, fix_first: Any = None, scores: pd.DataFrame | None = None) -> Feedback:
    """Feedback on the stop-or-go call and the dimension(s) to fix first."""
    title = "Stop and fix, or go? (fictional)"
    if is_blank(decision) and is_blank(fix_first):
        return Feedback.not_answered(title, 'Write "stop and fix" or "go", and list the dimension(s) to fix first, '
                                            'e.g. ["R2"].')
    p = readiness_profile(case.load("readiness") if scores is None else scores)
    call = _DECISIONS.get(str(decision).strip().lower()) if not is_blank(decision) else None
    strengths, improve = [], []
    expected = "stop" if p.stop_and_fix else "go"
    if call is None:
        improve.append(f"\u201c{decision}\u201d is not a call the check knows: write \"stop and fix\" or \"go\".")
    elif call == expected == "stop":
        strengths.append(f"Right call: stop and fix. {p.verdict()}")
    elif call == expected:
        strengths.append("Right call: no stop-and-fix signal.")
    elif expected == "stop":
        c = p.stop_and_fix[0]
        improve.append(f"The profile says stop and fix: {dimension_label(c)} has a median of "
                       f"{_num(p.table.loc[c, 'median'])} (scores {p.table.loc[c, 'scores']}). A median of 0 or 1 "
                       "on R2 or R3 means nobody can steer the mission yet, whatever the other scores.")
    else:
        improve.append("Neither R2 nor R3 has a median of 0 or 1, so the scorecard does not call for a stop.")
    dims = _dims(fix_first)
    if isinstance(dims, str):
        improve.append(dims)
    elif not dims:
        improve.append("Say which dimension(s) to fix first.")
    elif set(p.stop_and_fix) and set(p.stop_and_fix) <= set(dims):
        extra = [d for d in dims if d not in p.stop_and_fix]
        strengths.append(f"{and_list(p.stop_and_fix)} first: without someone who owns the mission and can decide across "
                         "ministries, fixes to money, policy or data have no one to steer them.")
        if "R2" in extra:
            improve.append(f"R2 has a median of {_num(p.table.loc['R2', 'median'])} (scores "
                           f"{p.table.loc['R2', 'scores']}): watch it, but it is not a stop signal.")
    elif p.stop_and_fix:
        improve.append(f"Fix {and_list(p.stop_and_fix)} first: it is the stop-and-fix signal. "
                       + (f"{and_list(dims)} matter{'s' if len(dims) == 1 else ''} too, but can wait for an owner."
                          if dims else ""))
    status = "good" if not improve else ("partly" if strengths else "revise")
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="A score of 0-1 on R2 or R3 is a stop-and-fix signal in the course's scorecard (OUR "
                        "PROPOSAL), in line with the Litmus Test's warning about commitment.",
                    sources=_SCORECARD_SOURCES + [cite_full("opsi-litmus")])


def _objs(answer: Any) -> list[str] | str:
    if isinstance(answer, str):
        for code, info in case.OBJECTIVES.items():
            if answer.strip().lower() == info["name"].lower():
                return [code]
    return _codes(answer, r"^([Oo])\s*-?\s*([1-9])\b", 'Write objective codes in quotes, e.g. ["O1"].')


def _share(value: Any) -> float | None:
    if is_blank(value) or isinstance(value, bool):
        return None
    text = str(value).strip().replace(",", ".")
    pct = text.endswith("%")
    try:
        x = float(text.rstrip("%").strip())
    except ValueError:
        return None
    return x / 100 if pct or x > 1 else x


def check_donor_findings(unfunded: Any, overlap_objective: Any = None, top_two_share: Any = None,
                         donors: pd.DataFrame | None = None) -> Feedback:
    """Feedback on three findings from the donor map: the gap, the overlap and the concentration."""
    title = "Marenta's donor landscape (fictional)"
    if is_blank(unfunded) and is_blank(overlap_objective) and is_blank(top_two_share):
        return Feedback.not_answered(title, 'Give the unfunded objective(s), e.g. ["O1"], the objective with '
                                            'overlapping technical assistance, e.g. "O3", and the two largest '
                                            "funders' share of the money, e.g. 0.5.")
    land = donor_landscape(donors)
    strengths, improve = [], []
    got = _objs(unfunded) if not is_blank(unfunded) else []
    if isinstance(got, str):
        improve.append(got)
    elif set(got) == set(land.gaps):
        strengths.append(f"No funder covers {and_list([objective_label(o) for o in land.gaps])}: the same objective no "
                         "national policy serves either (module 03).")
    elif not got:
        improve.append("Every funder names the objectives it serves: check which objective code appears in none "
                       "of the rows." if land.gaps else "There is no unfunded objective.")
    else:
        wrong = [o for o in got if o not in land.gaps]
        for o in wrong:
            names = land.coverage[land.coverage["objective"] == o]["funder"].tolist()
            improve.append(f"{objective_label(o)} has a funder: {and_list(names)}. Thin is not the same as unfunded.")
        missed = [o for o in land.gaps if o not in got]
        if missed:
            improve.append(f"{and_list([objective_label(o) for o in missed])} has no funder at all.")
    if not land.overlaps.empty:
        ov = land.overlaps.iloc[0]
        o_got = _objs(overlap_objective) if not is_blank(overlap_objective) else []
        if isinstance(o_got, str):
            improve.append(o_got)
        elif not o_got:
            improve.append("Name the objective where technical assistance overlaps.")
        elif ov["objective"] in o_got:
            strengths.append(f"{ov['funders']} funders give {ov['instrument']} to {ov['objective_label']} "
                             f"({case.CURRENCY} {ov['total']:.1f}m in all).")
        else:
            improve.append(f"Count the {ov['instrument']} rows objective by objective: {ov['funders']} of them "
                           "name the same objective.")
    share = _share(top_two_share)
    c = land.concentration
    if is_blank(top_two_share):
        improve.append("Give the two largest funders' share of all the money.")
    elif share is None:
        improve.append(f"\u201c{top_two_share}\u201d is not a share: write it as 0.94 or \"94%\".")
    elif abs(share - c.top_share) <= 0.01:
        strengths.append(c.sentence())
    else:
        improve.append(f"The two largest ({and_list(c.top)}) commit {case.CURRENCY} {c.top_amount:,.0f}m of "
                       f"{case.CURRENCY} {c.total:,.1f}m: divide the first by the second (you gave {share:.0%}).")
    status = "good" if not improve else ("partly" if strengths else "revise")
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="A donor map shows where partner money already lines up with the mission and where it "
                        "does not: unfunded objectives, duplicated advice, and dependence on a few lenders. "
                        "Funders tend to overlook national and local actors, which skews money toward "
                        "incremental change.",
                    sources=[cite_full("dac-innov"), cite_full("indef-idia4"), "OUR PROPOSAL: the fields of a donor landscape "
                             "analysis (brief §6.4)", FICTIONAL])


_ADVICE_POINTS = {
    "gap": (("o4", "fair access", "fair", "afford", "poorest", "women", "equity", "fares"),
            "the gap: nobody funds O4 Fair access (affordable fares, safety for women at night)"),
    "overlap": (("technical assistance", " ta ", "ta grants", "overlap", "duplicat", "pool", "single window",
                 "one programme", "joint", "co-ordinat", "coordinat", "forum", "consolidat", "merge"),
                "the overlap: five small technical-assistance grants on O2 that should be co-ordinated, pooled "
                "or redirected"),
    "concentration": (("lender", "loan", "bank", "concentrat", "94", "depend", "national system", "on budget",
                       "on-budget", "budget"),
                      "the concentration: two lenders hold most of the money, so their loan conditions shape "
                      "the mission; ask that money flow through national systems"),
}


def check_donor_advice(advice: Any) -> Feedback:
    """Feedback on a short note of advice to the Delivery Office about the donors (a judgement: no single answer)."""
    title = "Your advice on the donors (fictional)"
    if is_blank(advice):
        return Feedback.not_answered(title, "Write three or four sentences of advice: what to ask the donors for, "
                                            "and what to ask them to change.")
    if not isinstance(advice, str):
        return Feedback("revise", title, improve=["Write your advice as text in quotes."])
    text = f" {advice.lower()} "
    covered = [k for k, (words, _) in _ADVICE_POINTS.items() if any(w in text for w in words)]
    missing = [k for k in _ADVICE_POINTS if k not in covered]
    strengths = [f"You deal with {_ADVICE_POINTS[k][1].split(':')[0]}." for k in covered]
    improve = [f"Say something about {_ADVICE_POINTS[k][1]}." for k in missing]
    if len(advice.split()) < 25:
        improve.append("Add a sentence or two: who should do what, by when, in which forum?")
    status = "good" if not improve else ("partly" if covered else "revise")
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="There is no single right answer; good advice names the gap, the overlap and the "
                        "dependence on two lenders, and proposes who acts, where. The OECD's work with IDIA stresses "
                        "alignment between funders and national priorities.",
                    sources=[cite_full("indef-idia4"), cite_full("dac-innov"), FICTIONAL])
