"""Module 07: reading and checking a participant's own survey and item list.

:data:`ITEMS_SPEC` and the survey's own spec (one column per item, scored 1 to
5 or blank, and optional group columns) for :func:`missionkit.tables.read_table`;
:func:`check_survey` checks a survey table already in memory, such as the
FICTIONAL Marenta case's D5. Every problem is a plain-language
:class:`~missionkit.errors.MissionkitInputError` naming row and column.
Domain logic only.
"""
from __future__ import annotations

from typing import Any, overload

import numpy as np
import pandas as pd

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.tables import Column, TableSpec, read_table

GROUP_COLUMNS = ("org_type", "role", "city")


# --------------------------------------------------------------------------- reading and checking
ITEMS_SPEC = TableSpec(
    "survey item list",
    (
        Column("item", unique=True, synonyms=("item id", "question", "code", "id"),
               description="the column name of the item in the survey file", example="Q01"),
        Column("dimension", synonyms=("readiness dimension", "area", "theme"),
               description="the readiness dimension the item informs (R1 to R8, or your own)", example="R1"),
        Column("wording", synonyms=("statement", "text", "item text"),
               description="the statement respondents agreed or disagreed with",
               example="The mission's objectives are clear to me."),
    ),
)


def read_items(source: Any, *, sheet: str | None = None, name: str | None = None) -> pd.DataFrame:
    """Read a participant's own item list (columns item, dimension, wording)."""
    df = read_table(source, ITEMS_SPEC, sheet=sheet, name=name)
    return df[["item", "dimension", "wording"]].reset_index(drop=True)


def _survey_spec(items: pd.DataFrame) -> TableSpec:
    cols = [Column("respondent_id", required=False, unique=True, synonyms=("id", "respondent"))]
    cols += [Column(g, required=False) for g in GROUP_COLUMNS]
    cols += [Column(str(i), "integer", min=1, max=5, blank_ok=True,
                    description="1 = strongly disagree to 5 = strongly agree; blank if not answered")
             for i in items["item"]]
    return TableSpec("survey", tuple(cols))


def read_survey(source: Any, items: pd.DataFrame | None = None, *, sheet: str | None = None,
                name: str | None = None) -> pd.DataFrame:
    """Read a participant's own survey answers: one row per respondent, one column per item (1 to 5,
    blank if not answered), and optional group columns (role, org_type, city, or any other)."""
    items = case.load("survey_items") if items is None else check_items(items)
    df = read_table(source, _survey_spec(items), sheet=sheet, name=name)
    df = df.reset_index(drop=True)
    if df["respondent_id"].isna().all():
        df["respondent_id"] = [f"R{i:03d}" for i in range(1, len(df) + 1)]
    return df


def check_items(items: Any) -> pd.DataFrame:
    """The item list (columns item, dimension, wording) as text, or a plain error saying what is wrong."""
    if not isinstance(items, pd.DataFrame):
        raise MissionkitInputError(
            f"The item list should be a table, not {type(items).__name__}",
            fix='Load it first, for example items = case.load("survey_items") or diagnostics.read_items(...)')
    missing = [c for c in ("item", "dimension", "wording") if c not in items.columns]
    if missing:
        raise MissionkitInputError(f"The item list has no column '{missing[0]}'",
                                   fix="It needs the columns item, dimension and wording.", column=missing[0])
    return items[["item", "dimension", "wording"]].astype(str).reset_index(drop=True)


def check_survey(survey: Any, items: Any = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(survey, items), checked: every item is a column of the survey holding 1 to 5 or blank.

    Raises a plain-language error naming the row (as in a spreadsheet: header =
    row 1) and column of the first bad answer.
    """
    items = case.load("survey_items") if items is None else check_items(items)
    if not isinstance(survey, pd.DataFrame):
        raise MissionkitInputError(
            f"The survey should be a table, not {type(survey).__name__}",
            fix='Load it first, for example survey = case.load("survey") or diagnostics.read_survey(...)')
    absent = [i for i in items["item"] if i not in survey.columns]
    if absent:
        raise MissionkitInputError(
            f"The survey has no column for item '{absent[0]}'",
            fix="Each item in the item list needs a column of the same name in the survey; check the spelling "
                "or remove the item from the list.", column=absent[0])
    out = survey.reset_index(drop=True).copy()
    cols = list(items["item"])
    raw = out[cols]
    values = raw.apply(pd.to_numeric, errors="coerce")
    bad = (raw.notna() & ~values.isin([1, 2, 3, 4, 5])).to_numpy()
    if bad.any():
        row, col = (int(x) for x in np.argwhere(bad)[0])
        raise MissionkitInputError(
            f"The answer '{raw.iat[row, col]}' is not a score from 1 to 5",
            fix="Use 1 = strongly disagree, 2 = disagree, 3 = neither, 4 = agree, 5 = strongly agree; leave the "
                "cell blank if the person did not answer.", row=row + 2, column=cols[col])
    out[cols] = values.astype("Int64")
    if "respondent_id" not in out.columns:
        out.insert(0, "respondent_id", [f"R{i:03d}" for i in range(1, len(out) + 1)])
    return out, items


@overload
def group_column(survey: pd.DataFrame, by: str) -> str: ...


@overload
def group_column(survey: pd.DataFrame, by: None) -> None: ...


def group_column(survey: pd.DataFrame, by: str | None) -> str | None:
    """``by`` when the survey has that column (None stays None), or a plain error listing the options."""
    if by is None:
        return None
    if by not in survey.columns:
        options = [c for c in survey.columns if c in GROUP_COLUMNS or survey[c].dtype == object]
        raise MissionkitInputError(f"The survey has no column '{by}' to group by",
                                   fix="Group by one of: " + ", ".join(o for o in options if o != "respondent_id")
                                       + ".", column=str(by))
    return by
