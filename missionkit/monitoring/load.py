"""Module 10: reading a participant's indicator framework and observed values, and the blank template.

* :func:`load_indicators`: a participant's indicator framework (CSV, Excel or a
  DataFrame) read through :func:`missionkit.tables.read_table`, so every bad
  file gets a message naming the file, row and column and how to fix it;
* :func:`load_observed`: observed values in long form (indicator, year or period, value);
* :func:`indicator_template` and :func:`write_indicator_template`: the blank
  indicator template offered to participants (CSV and XLSX).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from missionkit.data import DATA_DIR
from missionkit.errors import MissionkitInputError
from missionkit.monitoring.indicators import LEVELS, is_empty, shorten
from missionkit.tables import Column, TableSpec, read_table

__all__ = [
    "INDICATOR_SPEC",
    "OBSERVED_SPEC",
    "load_indicators",
    "load_observed",
    "TEMPLATE_FOLDER",
    "indicator_template",
    "write_indicator_template",
]


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
        if is_empty(period):
            raise MissionkitInputError(
                "This row has neither a year nor a period, so the value cannot be placed in time",
                fix="Type the year (for example 2025) in the 'year' column, or a period such as 2025 or 2025-Q1 "
                    "in the 'period' column, then load the file again",
                file=file, row=int(row), column="year")
        m = _PERIOD.match(str(period))
        if not m:
            raise MissionkitInputError(
                f"'{shorten(period, 30)}' is not a period this course can read",
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
def milestone_columns(df: pd.DataFrame) -> dict[str, int]:
    """The milestone columns of a loaded indicator table and their years (``milestone_2028`` -> 2028)."""
    found = dict(df.attrs.get("milestones") or {})
    for col in df.columns:
        m = _MILESTONE.match(str(col))
        if m and col not in found:
            found[col] = int(m.group(1))
    return found


def is_loaded_framework(df: Any) -> bool:
    """True when ``df`` is an indicator framework already read by :func:`load_indicators`."""
    return isinstance(df, pd.DataFrame) and df.attrs.get("spec") == "indicator framework"


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


if __name__ == "__main__":  # pragma: no cover - regenerate the template: python -m missionkit.monitoring.load
    write_indicator_template()
