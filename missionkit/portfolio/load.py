"""Module 08: reading the participant's own portfolio table, and the template to fill in.

:data:`PORTFOLIO_SPEC` (the columns a portfolio table holds, with the header
names participants use), the checks that turn a table read by
:func:`missionkit.tables.read_table` into a portfolio's fields (categories
mapped onto their vocabularies, objectives matched, review-round columns
found; every problem a plain-language
:class:`~missionkit.errors.MissionkitInputError` naming file, row, column and
fix), and the participant's template
(``missionkit/data/templates/portfolio-template.csv`` and ``.xlsx``).
:func:`missionkit.portfolio.model.load_portfolio` reads a file with them.
Domain logic only.
"""
from __future__ import annotations

import difflib
import io
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from missionkit import case
from missionkit.data import DATA_DIR
from missionkit.errors import MissionkitInputError
from missionkit.portfolio.vocabulary import bad_values, normalise_choice, objective_lookup, row_num, row_text
from missionkit.tables import Column, TableSpec

# --------------------------------------------------------------------------- the spec
_DECISION_COLUMNS = tuple(case.REVIEW_ROUNDS.values())  # decision_2025q4, decision_2026q4, decision_2027q4


def portfolio_spec(extra_synonyms: Mapping[str, Sequence[str]] | None = None) -> TableSpec:
    """The :class:`~missionkit.tables.TableSpec` of a portfolio, optionally with more header names."""
    extra = {k: tuple(v) for k, v in (extra_synonyms or {}).items()}

    def syn(name: str, *names: str) -> tuple[str, ...]:
        return tuple(names) + extra.get(name, ())

    columns = (
        Column("project_id", unique=True, description="a short unique code for the project", example="EX01",
               synonyms=syn("project_id", "id", "project id", "project no", "project number", "project code", "code",
                            "ref", "reference")),
        Column("title", description="the project's name",
               synonyms=syn("title", "project", "name", "project title", "project name")),
        Column("objective", blank_ok=True, description="the mission objective it serves (e.g. O1); blank if none",
               synonyms=syn("objective", "objective id", "objective_id", "mission objective", "goal", "objectives")),
        Column("instrument", description="analysis, funding, regulation, procurement, fiscal or information",
               synonyms=syn("instrument", "instrument type", "instrument_type", "type of instrument",
                            "policy instrument", "tool")),
        Column("lead_actor", description="the organisation that leads the project",
               synonyms=syn("lead_actor", "lead", "lead organisation", "lead organization", "lead body", "owner",
                            "lead agency", "led by")),
        Column("budget", "number", min=0, description="total budget over the project's life, in millions",
               synonyms=syn("budget", "budget_mrc_m", "budget_m", "budget m", "budget_musd", "budget_eur_m", "amount",
                            "cost", "total budget", "total cost", "budget total")),
        Column("lead_actor_type", required=False, description="ministry, agency, city, firm, university, NGO, ...",
               synonyms=syn("lead_actor_type", "actor type", "lead type", "owner type", "type of lead actor")),
        Column("city", required=False, description="where it runs: a city, a region, or national",
               synonyms=syn("city", "place", "location", "region", "level")),
        Column("sector", required=False, description="the main sector", synonyms=syn("sector", "policy area")),
        Column("trl", "integer", required=False, min=1, max=9,
               description="technology (or solution) readiness level, 1 to 9",
               synonyms=syn("trl", "technology readiness level", "readiness level", "maturity")),
        Column("risk", required=False, description="low, medium or high", synonyms=syn("risk", "risk level")),
        Column("horizon", required=False, description="<2 years, 2-5 years or >5 years",
               synonyms=syn("horizon", "time horizon", "time to results")),
        Column("novelty", required=False, description="new, adapt or scale",
               synonyms=syn("novelty", "new vs scale", "new or scale", "new_vs_scale", "new adapt scale")),
        Column("start_year", "year", required=False, description="the year the project (or programme) started",
               synonyms=syn("start_year", "start", "year started", "start year", "since", "first year")),
        Column("status", required=False, description="active, completed, paused or closed",
               synonyms=syn("status", "state")),
        *(Column(c, required=False, description=f"decision at the {r} review: continue, scale, pivot, pause or "
                 "sunset", synonyms=syn(c)) for r, c in case.REVIEW_ROUNDS.items()),
    )
    return TableSpec("portfolio", columns)


PORTFOLIO_SPEC = portfolio_spec()
"""Required: project_id, title, objective (cells may be blank), instrument, lead_actor, budget.
Optional: lead_actor_type, city, sector, trl, risk, horizon, novelty, start_year, status and
decision columns (any column whose name starts with "decision")."""


def _round_label(column: str) -> str:
    for label, col in case.REVIEW_ROUNDS.items():
        if col == column:
            return label
    rest = re.sub(r"^decision[_\s-]*", "", column, flags=re.I).strip("_ ")
    rest = re.sub(r"(?<=[a-z])(?=\d)", " ", rest.replace("_", " "))  # round1 -> round 1
    return rest or column


def _norm_decision_column(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", str(name).casefold()).strip("_")
    return slug if slug.startswith("decision") else "decision_" + slug


# --------------------------------------------------------------------------- checking a table
def spec_with(columns: Mapping[str, str] | None) -> TableSpec:
    """:data:`PORTFOLIO_SPEC`, with the participant's own header names (``columns=``) added as synonyms."""
    if not columns:
        return PORTFOLIO_SPEC
    if not isinstance(columns, Mapping):
        raise MissionkitInputError("columns= should be a dict of your column name: our column name",
                                   fix='For example columns={"Cost (USD m)": "budget"}.')
    extra: dict[str, list[str]] = {}
    for theirs, ours in columns.items():
        if ours not in PORTFOLIO_SPEC.names:
            close = difflib.get_close_matches(str(ours), PORTFOLIO_SPEC.names, n=1, cutoff=0.6)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise MissionkitInputError(f"'{ours}' is not one of the portfolio's columns.{hint}",
                                       fix="Map your names onto: " + ", ".join(PORTFOLIO_SPEC.names) + ".")
        extra.setdefault(ours, []).append(str(theirs))
    try:
        return portfolio_spec(extra)
    except ValueError:
        raise MissionkitInputError(
            "One of the names in columns= already stands for another column",
            fix="Give each of your column names once, mapped to the column it holds.") from None


def portfolio_fields(df: pd.DataFrame, *, file: str | None, objectives: Any, mission_start_year: Any, policies: Any,
                     unit: str) -> dict[str, Any]:
    """The fields of a :class:`~missionkit.portfolio.model.Portfolio` from a table read with the spec, checked."""
    df = df.copy()
    # decision columns the spec does not name (decision_round1, "Decision 2024", ...)
    rounds: dict[str, str] = {}
    for col in list(df.columns):
        if col in _DECISION_COLUMNS:
            continue
        if re.match(r"^\s*decision", str(col), flags=re.I):
            new = _norm_decision_column(col)
            if new in df.columns and new != col:
                new = f"{new}_{len(rounds) + 1}"
            df = df.rename(columns={col: new})
    decision_cols = [c for c in _DECISION_COLUMNS if df[c].notna().any()] + [
        c for c in df.columns if str(c).startswith("decision") and c not in _DECISION_COLUMNS]
    for col in decision_cols:
        rounds[_round_label(col)] = col
    header = {c: c for c in df.columns}
    for kind, col in (("instrument", "instrument"), ("risk", "risk"), ("horizon", "horizon"),
                      ("novelty", "novelty"), ("status", "status"), *(("decision", c) for c in decision_cols)):
        mapped, unknown = normalise_choice(df[col], kind)
        if len(unknown):
            raise bad_values(df, col, unknown, file, kind, header.get(col))
        df[col] = mapped
    # objectives
    declared = _declared_objectives(objectives)
    obj = df["objective"]
    if declared:
        lookup = objective_lookup(declared)
        keys = obj.dropna().astype(str).str.casefold().str.replace(r"[^0-9a-z]+", " ", regex=True).str.strip()
        mapped = keys.map(lookup)
        first = keys.str.split(" ").str[0].map(lookup)
        mapped = mapped.fillna(first)
        unknown = obj.dropna()[mapped.isna()]
        if len(unknown):
            rows = list(unknown.index)
            more = f" {len(rows) - 1} other row(s) have the same problem." if len(rows) > 1 else ""
            raise MissionkitInputError(
                f"Row {row_text(rows[0])} of column 'objective': '{str(unknown.iloc[0])[:40]}' is not one of the "
                f"mission's objectives.{more}".rstrip("."),
                fix="Use one of: " + ", ".join(f"{k} ({v})" if v != k else k for k, v in declared.items())
                    + "; or leave the cell blank if the project serves no objective, then load the file again",
                file=file, row=row_num(rows[0]), column="objective")
        out = pd.Series(pd.array([None] * len(obj), dtype="str"), index=obj.index)
        out[mapped.index] = mapped.astype("str")
        df["objective"] = out
    else:
        cleaned = obj.str.replace(r"\s+", " ", regex=True).str.strip()
        df["objective"] = cleaned.where(cleaned.ne(""), None)
        found = sorted(df["objective"].dropna().unique(), key=_natural)
        declared = {o: o for o in found}
    for col in ("title", "lead_actor", "lead_actor_type", "city", "sector"):
        df[col] = df[col].str.replace(r"\s+", " ", regex=True).str.strip()
    # the mission's start year
    year = None
    if mission_start_year is not None:
        try:
            year = int(mission_start_year)
        except (TypeError, ValueError):
            year = None
        if year is None or not 1950 <= year <= 2100 or isinstance(mission_start_year, bool):
            raise MissionkitInputError(f"mission_start_year={mission_start_year!r} is not a year",
                                       fix="Give the year the mission started as four digits, e.g. 2025.")
    pol = None
    if policies is not None:
        if not isinstance(policies, pd.DataFrame) or "title" not in policies.columns:
            raise MissionkitInputError("policies= should be a table with a 'title' column (and 'start_year')",
                                       fix="Pass your policy inventory as a DataFrame, or leave policies out.")
        pol = policies.copy()
        if "start_year" in pol.columns:
            pol["start_year"] = pd.to_numeric(pol["start_year"], errors="coerce").astype("Int64")
    return {"projects": df, "objectives": declared, "rounds": rounds, "file": file, "mission_start_year": year,
            "policies": pol, "unit": unit}


def _natural(text: str) -> tuple:
    return tuple(int(t) if t.isdigit() else t.casefold() for t in re.split(r"(\d+)", str(text)))


def _declared_objectives(objectives: Any) -> dict[str, str]:
    if objectives is None:
        return {}
    if isinstance(objectives, Mapping):
        return {str(k).strip(): str(v).strip() for k, v in objectives.items()}
    if isinstance(objectives, str):
        return {o.strip(): o.strip() for o in re.split(r"[;,]", objectives) if o.strip()}
    try:
        return {str(o).strip(): str(o).strip() for o in objectives}
    except TypeError:
        raise MissionkitInputError("objectives= should be a list of ids or a dict of id: name",
                                   fix='For example objectives={"O1": "Access", "O2": "Clean air"}.') from None


# --------------------------------------------------------------------------- templates
TEMPLATE_DIR = DATA_DIR / "templates"
TEMPLATE_CSV = TEMPLATE_DIR / "portfolio-template.csv"
TEMPLATE_XLSX = TEMPLATE_DIR / "portfolio-template.xlsx"
_TEMPLATE_COLUMNS = ("project_id", "title", "objective", "instrument", "lead_actor", "budget", "lead_actor_type",
                     "city", "sector", "trl", "risk", "horizon", "novelty", "start_year", "status",
                     "decision_round1")
_TEMPLATE_ROWS = (
    ("EX01", "Example: bus lanes on the ring road", "O1", "regulation", "City transport department", 12.5, "city",
     "Capital city", "transport", 8, "low", "<2 years", "scale", 2023, "active", "continue"),
    ("EX02", "Example: clean-bus leasing fund", "O2", "funding", "National development bank", 40, "development bank",
     "national", "transport", 9, "medium", "2-5 years", "new", 2025, "active", "scale"),
    ("EX03", "Example: junction safety audits", "O3", "analysis", "Road safety agency", 1.2, "agency", "national",
     "transport", 7, "low", "<2 years", "new", 2025, "active", "continue"),
    ("EX04", "Example: night-bus fare pilot for women", "O4", "fiscal", "City transport department", 0.8, "city",
     "Capital city", "social protection", 6, "high", "<2 years", "new", 2025, "active", "pivot"),
    ("EX05", "Example: battery pack assembly grants", "O5", "funding", "Ministry of Industry", 6, "ministry",
     "national", "industry", 5, "high", ">5 years", "new", 2026, "active", None),
    ("EX06", "Example: mobility data standard", None, "information", "Statistics office", 0.3, "agency",
     "national", "digital", 9, "low", "<2 years", "adapt", 2025, "completed", "continue"),
    ("EX07", "Example: road safety research grants", "O3", "funding", "Ministry of Science", 9, "ministry",
     "national", "research", 4, "medium", "2-5 years", "new", 2020, "active", "continue"),
)


def template_frame() -> pd.DataFrame:
    """The template's example rows (FICTIONAL, to be replaced by your own projects)."""
    return pd.DataFrame(list(_TEMPLATE_ROWS), columns=list(_TEMPLATE_COLUMNS))


_TEMPLATE_HELP = (
    ("How to use this template",
     "Replace the example rows (EX01 to EX07, all FICTIONAL) with your own projects, one project per row. "
     "Keep the column names in row 1. Save as Excel (.xlsx) or as CSV, then load the file in the notebook."),
    ("Required columns", "project_id, title, objective, instrument, lead_actor, budget. The objective cell may be "
     "blank if a project serves no objective: the notebook will point it out."),
    ("Optional columns", "lead_actor_type, city, sector, trl, risk, horizon, novelty, start_year, status, and one "
     "column per review round whose name starts with 'decision' (for example decision_round1)."),
    ("Money", "Type budgets as plain numbers in millions, without currency signs (12.5 or 12,5)."),
)


def _describe_rows() -> list[tuple[str, str, str]]:
    spec = PORTFOLIO_SPEC
    rows = [(c.name, "yes" if c.required else "no", c.rule + (f" ({c.description})" if c.description else ""))
            for c in spec.columns if not c.name.startswith("decision")]
    rows.append(("decision_<round>", "no", "continue, scale, pivot, pause or sunset; may be blank (one column per "
                 "review round)"))
    return rows


def write_templates(folder: str | Path | None = None) -> list[Path]:
    """Write portfolio-template.csv (UTF-8) and portfolio-template.xlsx into ``folder`` (byte-stable)."""
    import csv
    import zipfile

    import openpyxl
    from openpyxl.styles import Font

    target = Path(folder) if folder is not None else TEMPLATE_DIR
    target.mkdir(parents=True, exist_ok=True)
    frame = template_frame()
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(frame.columns)
    for row in frame.itertuples(index=False):
        writer.writerow(["" if v is None or (isinstance(v, float) and np.isnan(v)) else v for v in row])
    csv_path = target / "portfolio-template.csv"
    csv_path.write_bytes(buf.getvalue().encode("utf-8"))

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "portfolio"
    ws.append(list(frame.columns))
    for row in _TEMPLATE_ROWS:
        ws.append(list(row))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for i, col in enumerate(frame.columns, start=1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = max(12, min(40, len(col) + 4))
    ws.column_dimensions["B"].width = 42
    ws.freeze_panes = "A2"
    info = wb.create_sheet("how to fill in")
    for title, text in _TEMPLATE_HELP:
        info.append([title, text])
    info.append([])
    info.append(["column", "required", "what to type"])
    for r in _describe_rows():
        info.append(list(r))
    info.column_dimensions["A"].width = 24
    info.column_dimensions["C"].width = 100
    raw = io.BytesIO()
    wb.save(raw)
    src = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms)",
                              rb"\g<1>2026-11-15T00:00:00Z\g<3>", body)
            zi = zipfile.ZipInfo(item.filename, date_time=(2026, 11, 15, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, body)
    xlsx_path = target / "portfolio-template.xlsx"
    xlsx_path.write_bytes(out.getvalue())
    return [csv_path, xlsx_path]
