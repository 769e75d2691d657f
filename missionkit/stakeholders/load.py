"""Module 06: reading a stakeholder register (the FICTIONAL Marenta register or a participant's own).

:func:`read_register` reads a CSV or Excel file made from :data:`REGISTER_SPEC`;
:func:`check_register` gives a clean copy of any register table. Problems come
back as a plain message naming the file, row and column.
"""
from __future__ import annotations

import difflib
from typing import Any

import pandas as pd

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.stakeholders.vocabulary import ENGAGEMENT_LEVELS, STAKEHOLDER_TYPES, normalise_type
from missionkit.tables import Column, TableSpec, read_table

__all__ = ["REGISTER_SPEC", "read_register", "check_register"]

REGISTER_SPEC = TableSpec(
    "stakeholder register",
    (
        Column("name", unique=True, synonyms=("organisation", "organization", "stakeholder", "actor"),
               description="name of the organisation", example="Ministry of Transport"),
        Column("type", synonyms=("actor type", "kind", "category", "stakeholder type"),
               description="kind of organisation: " + ", ".join(STAKEHOLDER_TYPES), example="ministry"),
        Column("interest", "integer", min=1, max=5, synonyms=("interest score",),
               description="its stake: how much the mission affects it and how likely it is to act, 1 = very little "
                           "to 5 = a great deal", example=5),
        Column("influence", "integer", min=1, max=5, synonyms=("influence score", "power"),
               description="1 = very little to 5 = a great deal", example=4),
        Column("position", "choice", required=False, choices=("support", "neutral", "oppose", "not given"),
               synonyms=("stance",)),
        Column("stakeholder_id", required=False, unique=True, synonyms=("id",)),
        Column("level", "choice", required=False, choices=("national", "city", "international")),
        Column("sector", required=False, synonyms=("field",)),
        Column("role", required=False),
        Column("seat", "choice", required=False, choices=("board", "assembly", "none"),
               synonyms=("current seat",)),
        Column("engagement", "choice", required=False, choices=ENGAGEMENT_LEVELS + ("none",),
               synonyms=("engagement level",)),
    ),
)


def read_register(source: Any, *, sheet: str | None = None, name: str | None = None) -> pd.DataFrame:
    """Read a participant's own stakeholder register (CSV or Excel) and check it.

    Needs the columns ``name``, ``type`` (one of the register's twelve types),
    ``interest`` (stake) and ``influence`` (whole numbers 1 to 5). ``position``
    (support, neutral, oppose), ``level``, ``sector``, ``role``, ``seat`` and
    ``engagement`` are optional. Problems
    come back as a plain message naming the file, row and column.
    """
    df = read_table(source, REGISTER_SPEC, sheet=sheet, name=name)
    shown = name or (getattr(source, "name", None) if not isinstance(source, (str, bytes)) else None)
    if shown is None and isinstance(source, str):
        from pathlib import Path

        shown = Path(source.strip()).name
    return _complete(df, file=shown or "uploaded file")


def _row_number(label: Any) -> int | None:
    try:
        return int(label)
    except (TypeError, ValueError):
        return None


def _complete(df: pd.DataFrame, file: str | None = None) -> pd.DataFrame:
    out = df.copy()
    kinds = []
    for row, value in zip(out.index, out["type"], strict=False):
        found = normalise_type(value)
        if len(found) != 1:
            close = difflib.get_close_matches(str(value).strip().lower(), STAKEHOLDER_TYPES, n=1, cutoff=0.5)
            hint = f"Did you mean '{close[0]}'? " if close else ""
            raise MissionkitInputError(
                f"'{value}' is not a kind of organisation the course knows",
                fix=hint + "Use one of: " + ", ".join(STAKEHOLDER_TYPES) + " (plain words such as 'donors' or "
                    "'informal operators' also work)",
                file=file, row=_row_number(row), column="type")
        kinds.append(found[0])
    out["type"] = kinds
    out["stakeholder_id"] = [
        str(v) if isinstance(v, str) and v.strip() else f"S{i:03d}"
        for i, v in enumerate(out["stakeholder_id"], start=1)
    ]
    out["level"] = out["level"].fillna("national")
    out["sector"] = out["sector"].fillna("(not given)")
    out["role"] = out["role"].fillna("")
    out["seat"] = out["seat"].fillna("none")
    out["engagement"] = out["engagement"].fillna("none")
    out["position"] = out["position"].fillna("not given")
    out["interest"] = out["interest"].astype(int)
    out["influence"] = out["influence"].astype(int)
    cols = ["stakeholder_id", "name", "type", "level", "sector", "interest", "influence", "position", "role", "seat",
            "engagement"]
    return out[cols].reset_index(drop=True)


def check_register(register: Any) -> pd.DataFrame:
    """A clean copy of ``register`` (a DataFrame), or a plain-language error.

    The case register passes as it is; any other table is checked against
    :data:`REGISTER_SPEC` (rows named as in a spreadsheet, header = row 1).
    """
    if not isinstance(register, pd.DataFrame):
        raise MissionkitInputError(
            f"The stakeholder register should be a table, not {type(register).__name__}",
            fix='Load it first, for example register = case.load("stakeholders") or '
                'register = stakeholders.read_register("my-work/register.csv")')
    case_cols = case.DATASETS["stakeholders"].column_names
    if list(register.columns) == case_cols:
        try:
            case.validate("stakeholders", register, file="stakeholder register")
        except MissionkitInputError:
            pass  # fall through to the general reader, which names the row
        else:
            out = register.reset_index(drop=True).copy()
            out["interest"] = out["interest"].astype(int)
            out["influence"] = out["influence"].astype(int)
            return out
    return _complete(read_table(register, REGISTER_SPEC, name="stakeholder register"), file="stakeholder register")

