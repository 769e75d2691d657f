"""Module 04: reading a participant's own policy scan, and the scan's vocabulary.

The columns of a policy scan (:data:`POLICY_SCAN_SPEC`, the same as the
FICTIONAL Marenta inventory D1, so the case file loads too), the course
template and :func:`copy_template`, and :func:`load_scan`, which reads a CSV or
Excel file and names the file, row and column of the first problem.
"""
from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from missionkit import case
from missionkit.data import DATA_DIR
from missionkit.errors import MissionkitInputError
from missionkit.tables import Column, TableSpec, read_table

__all__ = [
    "DIRECTIONS",
    "INSTRUMENTS",
    "POLICY_SCAN_SPEC",
    "TEMPLATE_PATH",
    "CASE_SCAN_FILE",
    "TEMPLATE_ROWS",
    "policy_scan_template_csv",
    "write_policy_scan_template",
    "copy_template",
    "load_scan",
    "split_objectives",
]

DIRECTIONS: tuple[str, ...] = case.DIRECTIONS  # ("supports", "neutral", "works against")
INSTRUMENTS: tuple[str, ...] = case.INSTRUMENTS
SUPPORTS, NEUTRAL, AGAINST = "supports", "neutral", "works against"

TEMPLATE_PATH = DATA_DIR / "templates" / "policy-scan-template.csv"
CASE_SCAN_FILE = DATA_DIR / "case" / "policies.csv"


# --------------------------------------------------------------------------- the participant's scan file
POLICY_SCAN_SPEC = TableSpec(
    "policy scan",
    (
        Column("policy_id", unique=True, synonyms=("id", "policy"), description="a short code, e.g. P001",
               example="P001"),
        Column("title", synonyms=("name", "policy_title"), description="the policy's name as its owner writes it"),
        Column("owner", synonyms=("owner_body", "ministry"), description="the body that owns and pays for it"),
        Column("sti_owner", "yesno", synonyms=("sti", "sti_body"),
               description="is the owner a science, technology and innovation body?"),
        Column("instrument", "choice", choices=INSTRUMENTS, synonyms=("instrument_type",),
               description="main type of instrument"),
        Column("objectives", blank_ok=True, synonyms=("objective", "objectives_served"),
               description="objective codes it serves or harms, separated by ';' (e.g. O1;O3); blank if none"),
        Column("direction", "choice", choices=DIRECTIONS, description="does it push towards the mission, "
                                                                       "away from it, or neither?"),
        Column("mission_tagged", "yesno", synonyms=("tagged", "mission_tag"),
               description="is it tagged as mission spending in the budget?"),
        Column("annual_budget_m", "number", min=0,
               synonyms=("annual_budget_mrc_m", "annual_budget", "budget", "budget_m"),
               description="millions of your currency a year; for a tax break the revenue forgone; 0 for a rule "
                           "with no budget of its own"),
        Column("start_year", "year", required=False),
        Column("end_year", "year", required=False),
        Column("owner_type", required=False, description="ministry, agency, city, ..."),
        Column("level", required=False, description="national, regional or city"),
        Column("notes", required=False),
    ),
)
"""The columns of a policy scan: the same as the Marenta inventory (D1), so the case file loads too."""

TEMPLATE_ROWS = (
    ("P001", "Example: clean bus research grants", "Ministry of Science", "yes", "funding", "O2;O5", SUPPORTS,
     "yes", "12.5", "2023", "2028", "ministry", "national",
     "Example row: replace the example rows with your own policies"),
    ("P002", "Example: fuel price subsidy", "Ministry of Finance", "no", "fiscal", "O2", AGAINST, "no",
     "300", "2015", "", "ministry", "national", "Example row: for a tax break or subsidy, the money spent or "
                                                "revenue forgone each year"),
    ("P003", "Example: bus lane rules", "Capital City Government", "no", "regulation", "O1", SUPPORTS, "yes",
     "0", "2025", "", "city", "city", "Example row: a rule with no budget of its own has 0"),
    ("P004", "Example: public research institutes core funding", "Ministry of Science", "yes", "funding", "",
     NEUTRAL, "no", "80", "2010", "", "ministry", "national", "Example row: neutral policies name no objective"),
)
"""The template's four example rows; a scan that still holds them has not been filled in yet."""


def policy_scan_template_csv() -> str:
    """The text of the policy-scan template: the header and four example rows (UTF-8, commas)."""
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(POLICY_SCAN_SPEC.names)
    writer.writerows(TEMPLATE_ROWS)
    return buf.getvalue()


def write_policy_scan_template(path: str | os.PathLike | None = None) -> Path:
    """Write the template (by default to missionkit/data/templates/policy-scan-template.csv)."""
    target = Path(path) if path is not None else TEMPLATE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(policy_scan_template_csv(), encoding="utf-8")
    return target


def copy_template(to: str | os.PathLike = "../my-work/policy-scan.csv", *, overwrite: bool = False) -> Path:
    """Copy the template to ``to`` (your my-work folder by default) so you can fill it in.

    Never overwrites a file you already have unless ``overwrite=True``.
    """
    target = Path(to)
    if target.exists() and not overwrite:
        raise MissionkitInputError(
            f"You already have a file called '{target.name}', so it was not overwritten",
            fix="Open that file and carry on with it, or give another name, for example "
                "copy_template('../my-work/policy-scan-2.csv')",
            file=str(target))
    if not target.parent.is_dir() and target.parent.parent.is_dir():
        target.parent.mkdir()  # e.g. my-work/ before the first form has saved anything
    if not target.parent.is_dir():
        raise MissionkitInputError(
            f"The folder '{target.parent}' does not exist",
            fix="Create the folder first (in the file browser: New Folder), or give a path inside my-work",
            file=str(target))
    target.write_text(policy_scan_template_csv(), encoding="utf-8")
    return target


_CODE = re.compile(r"^[A-Za-z]{1,3}-?\d{1,3}$")
_SPLIT = re.compile(r"\s*(?:;|,|/|\+|&|\band\b|\s)\s*", re.IGNORECASE)


def split_objectives(cell: Any) -> tuple[str, ...]:
    """'O2;O1' -> ('O2', 'O1'); also accepts commas, slashes, 'and' and spaces. Blank -> ()."""
    if cell is None or (isinstance(cell, float) and pd.isna(cell)) or cell is pd.NA:
        return ()
    if isinstance(cell, (list, tuple, set, frozenset)):
        parts = [str(p) for p in cell]
    else:
        parts = _SPLIT.split(str(cell).strip())
    out: list[str] = []
    for p in parts:
        p = p.strip().upper().replace("-", "")
        if p and p not in out:
            out.append(p)
    return tuple(out)


def _check_objectives(df: pd.DataFrame, objectives: Sequence[str] | None, file: str | None) -> None:
    allowed = [str(o).strip().upper() for o in objectives] if objectives is not None else None
    for row, cell in df["objectives"].items():
        raw = "" if cell is None or pd.isna(cell) else str(cell)
        for part in [p for p in _SPLIT.split(raw.strip()) if p.strip()]:
            code = part.strip().upper().replace("-", "")
            if not _CODE.match(part.strip()):
                raise MissionkitInputError(
                    f"'{part.strip()[:40]}' is not an objective code. The objectives column holds the codes of "
                    "the objectives a policy serves or harms, not their names",
                    fix="Write the codes separated by semicolons, for example O1;O3 (leave the cell blank if the "
                        "policy bears on no objective), then load the file again",
                    file=file, row=int(row), column="objectives")
            if allowed is not None and code not in allowed:
                raise MissionkitInputError(
                    f"'{part.strip()}' is not one of your objectives ({', '.join(allowed)})",
                    fix="Use only the codes of your mission's objectives, separated by semicolons; if the "
                        "mission has more objectives, add them to the list you pass as objectives=..., then "
                        "load the file again",
                    file=file, row=int(row), column="objectives")


def _check_rows(df: pd.DataFrame, file: str | None) -> None:
    for row, rec in df.iterrows():
        if rec["direction"] in (SUPPORTS, AGAINST) and not split_objectives(rec["objectives"]):
            verb = "serves" if rec["direction"] == SUPPORTS else "harms"
            raise MissionkitInputError(
                f"The policy '{str(rec['title'])[:50]}' is marked '{rec['direction']}' but names no objective it "
                f"{verb}",
                fix="Write the codes of the objectives it bears on in the objectives column (for example O1;O3), "
                    "or mark its direction 'neutral', then load the file again",
                file=file, row=int(row), column="objectives")
        start, end = rec.get("start_year"), rec.get("end_year")
        if start is not None and end is not None and not pd.isna(start) and not pd.isna(end) and end < start:
            raise MissionkitInputError(
                f"The policy '{str(rec['title'])[:50]}' ends in {int(end)}, before it starts ({int(start)})",
                fix="Check the two years: end_year must be the same as start_year or later (leave end_year blank "
                    "if the policy has no end date), then load the file again",
                file=file, row=int(row), column="end_year")


def load_scan(source: str | os.PathLike | bytes | pd.DataFrame, *, objectives: Sequence[str] | None = None,
              name: str | None = None, sheet: str | None = None) -> pd.DataFrame:
    """Read a policy scan (CSV or Excel, made from the template) and check it.

    ``objectives`` lists your mission's objective codes (e.g. ["O1", "O2"]);
    when given, every code in the objectives column must be one of them.
    Returns the table :func:`read_table` gives (index = spreadsheet row), with
    yes/no columns as booleans. Raises :class:`MissionkitInputError` naming the
    file, row and column of the first problem, and how to fix it.
    """
    df = read_table(source, POLICY_SCAN_SPEC, name=name, sheet=sheet)
    file = df.attrs.get("source", {}).get("file") or name
    _check_objectives(df, objectives, file)
    _check_rows(df, file)
    return df


