"""Module 11: reading readiness scores and donor tables (a participant's file, the case or the workbook).

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
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.feedback import is_blank
from missionkit.readiness.scorecard import DIMENSION_CODES, DIMENSIONS, INSTRUMENTS, dimension_label
from missionkit.tables import Column, TableSpec, read_table

__all__ = [
    "SCORES_SPEC",
    "read_scores",
    "scores_frame",
    "scores_from_workbook",
    "scores_wide",
    "assessor_scores",
    "DONOR_SPEC",
    "read_donors",
    "prepare_donors",
]


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


def dimension_code(value: Any) -> str | None:
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


def score_value(value: Any, where: str) -> int | None:
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
        code = dimension_code(key)
        if code is None:
            raise MissionkitInputError(
                f"'{key}' (in the scores of {assessor}) is not a readiness dimension",
                fix="Use the codes R1 to R8: " + "; ".join(d.label for d in DIMENSIONS))
        evidence = ""
        if isinstance(value, Mapping):
            evidence = value.get("evidence") or ""
            value = value.get("score")
        score = score_value(value, f"{code} ({assessor})")
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
            code = dimension_code(r.dimension)
            if code is None:
                raise MissionkitInputError(f"'{r.dimension}' is not a readiness dimension",
                                           fix="Use the codes R1 to R8", row=_row(row), column="dimension")
            try:
                score = score_value(r.score, f"{code} ({r.assessor})")
            except MissionkitInputError as error:
                raise MissionkitInputError(error.problem, fix=error.fix, row=_row(row), column="score") from None
            if score is None:
                continue
            no_evidence = is_blank(r.evidence) or (isinstance(r.evidence, float) and math.isnan(r.evidence))
            ev = "" if no_evidence else r.evidence
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
