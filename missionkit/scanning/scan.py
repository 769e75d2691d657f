"""Module 03: scanning existing policies (the system scan).

Domain logic only: pandas in, pandas or plain data out, no display code, never
prints. It works on the FICTIONAL Marenta policy inventory (dataset D1,
``case.load("policies")``) and on a participant's own scan, read from a CSV or
Excel file made from the course template (:func:`load_scan`).

What it computes
----------------
* :func:`alignment_matrix`: policy x objective, each cell the policy's
  direction for that objective ("supports", "works against", "neutral" or
  blank when the policy does not bear on it);
* :func:`objective_coverage` and :func:`unserved_objectives`: how many
  policies, and how much money, serve or harm each objective, and which
  objectives no policy serves;
* :func:`budget_shares`: budget by owner, instrument or any other column;
  :func:`sti_share`: the share of the mission-tagged budget held by science,
  technology and innovation (STI) bodies (the "STI trap", OECD 2025; GGSD 2022);
* :func:`conflicts`: the policies that work against the mission, with their
  budget;
* :func:`summarise`: all of these as one :class:`ScanSummary`;
* :func:`budget_holders`: who holds mission-tagged money (used by module 04);
* the exercise checks (``check_*``), which return formative
  :class:`~missionkit.feedback.Feedback`.

Source keys are those of ``missionkit/data/references.csv``.
"""
from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping, Sequence
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
from missionkit.text import and_list, cite, cites, money

__all__ = [
    "DIRECTIONS",
    "INSTRUMENTS",
    "STI_TRAP_THRESHOLD",
    "FrameworkCondition",
    "FRAMEWORK_CONDITIONS",
    "framework_conditions",
    "POLICY_SCAN_SPEC",
    "TEMPLATE_PATH",
    "CASE_SCAN_FILE",
    "policy_scan_template_csv",
    "write_policy_scan_template",
    "copy_template",
    "load_scan",
    "prepare",
    "split_objectives",
    "objective_label",
    "alignment_matrix",
    "alignment_long",
    "objective_coverage",
    "unserved_objectives",
    "owner_alignment",
    "supporting_by_owner",
    "budget_shares",
    "sti_share",
    "sti_bodies",
    "tagged_but_neutral",
    "conflicts",
    "budget_holders",
    "ScanSummary",
    "summarise",
    "FC_ITEMS",
    "check_framework_conditions",
    "check_sti_share",
    "check_conflicts_to_raise",
    "check_unserved_objective",
    "check_own_scan",
]

DIRECTIONS: tuple[str, ...] = case.DIRECTIONS  # ("supports", "neutral", "works against")
INSTRUMENTS: tuple[str, ...] = case.INSTRUMENTS
SUPPORTS, NEUTRAL, AGAINST = "supports", "neutral", "works against"

STI_TRAP_THRESHOLD = 0.5
"""Warning sign (OUR PROPOSAL, after brief 3.3: "almost all money flows through the STI ministry"):
more than half of the mission-tagged budget sits with STI bodies."""

TEMPLATE_PATH = DATA_DIR / "templates" / "policy-scan-template.csv"
CASE_SCAN_FILE = DATA_DIR / "case" / "policies.csv"


# --------------------------------------------------------------------------- sources
# --------------------------------------------------------------------------- framework conditions
@dataclass(frozen=True)
class FrameworkCondition:
    """One kind of framework condition (glossary term 30: legal, financial, institutional).

    ``question`` and ``look_for`` are OUR PROPOSAL; ``marenta`` is FICTIONAL;
    ``evidence`` is a real finding with its ``sources``.
    """

    kind: str
    question: str
    look_for: str
    marenta: str
    evidence: str
    sources: tuple[str, ...]


FRAMEWORK_CONDITIONS: tuple[FrameworkCondition, ...] = (
    FrameworkCondition(
        "legal",
        "Do laws and rules let the mission act, or block it?",
        "Procurement law, standards, planning and parking codes, licensing, import rules.",
        "Amberport's parking minimums make every new building add car spaces; used vehicles may be imported "
        "freely; officials say procurement rules make it almost impossible to buy something new.",
        "The EU's two-year review of its missions proposed a wider set of instruments, including public "
        "procurement; the OECD lists reaching beyond STI instruments to regulation, pricing and procurement as "
        "a typical implementation challenge.",
        ("eu-2yrs", "ggsd2022"),
    ),
    FrameworkCondition(
        "financial",
        "Is there money beyond research budgets, for several years, and do taxes and subsidies point the "
        "same way?",
        "Who holds the mission-tagged budget; dedicated or borrowed lines; subsidies and tax breaks that pull "
        "the other way.",
        "About 70% of the mission-tagged budget sits with the science ministry and the innovation agency; a "
        "fuel subsidy costs several times the whole mission-tagged budget; there is no dedicated mission line.",
        "In OECD reviews of net-zero missions, budgets came almost entirely from STI ministries and agencies "
        "(the \"STI trap\"); the OECD calls for dedicated multi-year mission funding.",
        ("ggsd2022", "stio2023", "oecd-nz2025"),
    ),
    FrameworkCondition(
        "institutional",
        "Does some body have the mandate, and the means, to line up ministries, levels of government and "
        "budgets behind the mission?",
        "Mandates, who sits where, links between national and city units, whose decisions bind.",
        "Officials say nobody has the job of aligning ministries' budgets; city mission units have no formal "
        "link with the national mission team.",
        "The OECD Mission Action Lab finds mission structures are often an afterthought, inherited from "
        "existing institutions; in an OECD survey, silos and aligning resources across government were the "
        "main obstacles named.",
        ("mal-gov", "mal-library"),
    ),
)


def framework_conditions() -> pd.DataFrame:
    """The three kinds of framework condition as a table (Marenta column FICTIONAL)."""
    return pd.DataFrame(
        {
            "kind": [f.kind for f in FRAMEWORK_CONDITIONS],
            "question to ask (our proposal)": [f.question for f in FRAMEWORK_CONDITIONS],
            "look for": [f.look_for for f in FRAMEWORK_CONDITIONS],
            "in Marenta (fictional)": [f.marenta for f in FRAMEWORK_CONDITIONS],
            "real evidence": [f.evidence for f in FRAMEWORK_CONDITIONS],
            "sources": ["; ".join(cite(k) for k in f.sources) for f in FRAMEWORK_CONDITIONS],
        }
    ).set_index("kind")


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

_TEMPLATE_ROWS = (
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


def policy_scan_template_csv() -> str:
    """The text of the policy-scan template: the header and four example rows (UTF-8, commas)."""
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(POLICY_SCAN_SPEC.names)
    writer.writerows(_TEMPLATE_ROWS)
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


# --------------------------------------------------------------------------- a common shape
_BUDGET_COLUMNS = ("annual_budget_mrc_m", "annual_budget_m", "budget")


def _yes(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return False
    return str(value).strip().lower() in ("yes", "y", "true", "1")


def prepare(policies: pd.DataFrame) -> pd.DataFrame:
    """The scan in one shape, whatever its source (case D1 or :func:`load_scan`).

    Columns: policy_id, title, owner, instrument, direction, sti (bool),
    tagged (bool), budget (float), objectives (tuple of codes). Raises
    :class:`MissionkitInputError` if a needed column is missing.
    """
    if not isinstance(policies, pd.DataFrame):
        raise MissionkitInputError(
            f"A policy scan must be a table, not {type(policies).__name__}",
            fix="Pass the inventory, e.g. case.load('policies'), or a file read with scanning.load_scan(...)")
    budget_col = next((c for c in _BUDGET_COLUMNS if c in policies.columns), None)
    needed = ["policy_id", "title", "owner", "sti_owner", "instrument", "objectives", "direction",
              "mission_tagged"]
    missing = [c for c in needed if c not in policies.columns] + (["annual_budget_m"] if budget_col is None else [])
    if missing:
        raise MissionkitInputError(
            f"The policy scan has no column{'s' if len(missing) > 1 else ''} {', '.join(repr(m) for m in missing)}",
            fix="Use the columns of the policy-scan template (scanning.TEMPLATE_PATH) and load the file with "
                "scanning.load_scan(...)", column=missing[0])
    budget = pd.to_numeric(policies[budget_col], errors="coerce")
    if budget.isna().any():
        bad = budget[budget.isna()].index[0]
        raise MissionkitInputError(
            "A policy has no budget figure", fix="Type a number in every budget cell (0 for a rule with no budget)",
            row=int(bad) if isinstance(bad, (int, np.integer)) else None, column=budget_col)
    out = pd.DataFrame(
        {
            "policy_id": policies["policy_id"].astype(str).str.strip(),
            "title": policies["title"].astype(str).str.strip(),
            "owner": policies["owner"].astype(str).str.strip(),
            "instrument": policies["instrument"].astype(str).str.strip().str.lower(),
            "direction": policies["direction"].astype(str).str.strip().str.lower(),
            "sti": policies["sti_owner"].map(_yes).astype(bool),
            "tagged": policies["mission_tagged"].map(_yes).astype(bool),
            "budget": budget.astype(float),
            "objectives": policies["objectives"].map(split_objectives),
        },
        index=policies.index,
    )
    unknown = sorted(set(out["direction"]) - set(DIRECTIONS))
    if unknown:
        raise MissionkitInputError(
            f"'{unknown[0]}' is not a direction", fix="Use one of: supports, neutral, works against",
            column="direction")
    return out


def _objectives_for(p: pd.DataFrame, objectives: Sequence[str] | None) -> list[str]:
    if objectives is not None:
        return [str(o).strip().upper() for o in objectives]
    found = {o for codes in p["objectives"] for o in codes}
    if found <= set(case.OBJECTIVE_IDS):
        return list(case.OBJECTIVE_IDS)
    return sorted(found, key=lambda c: (re.sub(r"\d", "", c), int(re.sub(r"\D", "", c) or 0)))


def objective_label(code: str) -> str:
    """'O4' -> 'O4 Fair access' for the case's objectives; other codes unchanged."""
    info = case.OBJECTIVES.get(code)
    return f"{code} {info['name']}" if info else code


# --------------------------------------------------------------------------- alignment
def alignment_long(policies: pd.DataFrame) -> pd.DataFrame:
    """One row per (policy, objective) the policy bears on: policy_id, title, owner, objective, direction, budget."""
    p = prepare(policies)
    rows = [
        {"policy_id": r.policy_id, "title": r.title, "owner": r.owner, "sti": r.sti, "instrument": r.instrument,
         "objective": o, "direction": r.direction, "budget": r.budget}
        for r in p.itertuples() for o in r.objectives
    ]
    cols = ["policy_id", "title", "owner", "sti", "instrument", "objective", "direction", "budget"]
    return pd.DataFrame(rows, columns=cols)


def alignment_matrix(policies: pd.DataFrame, objectives: Sequence[str] | None = None, *,
                     related_only: bool = False) -> pd.DataFrame:
    """Policy x objective: each cell "supports", "works against", "neutral", or "" (does not bear on it).

    Index: policy_id. Columns: title, owner, direction, then one column per
    objective. ``related_only`` keeps only policies that bear on some objective.
    """
    p = prepare(policies)
    objs = _objectives_for(p, objectives)
    table = p[["policy_id", "title", "owner", "direction"]].copy()
    for o in objs:
        table[o] = [r.direction if o in r.objectives else "" for r in p.itertuples()]
    if related_only:
        table = table[(table[objs] != "").any(axis=1)]
    return table.set_index("policy_id")


def objective_coverage(policies: pd.DataFrame, objectives: Sequence[str] | None = None) -> pd.DataFrame:
    """Per objective: policies and budget that support it, and that work against it.

    A policy's whole budget counts for each objective it names (shares are not
    split), so budgets do not add up across objectives. ``status`` is "not
    served" when no policy supports the objective.
    """
    p = prepare(policies)
    objs = _objectives_for(p, objectives)
    rows = []
    for o in objs:
        hit = p[p["objectives"].map(lambda codes, o=o: o in codes)]
        sup, ag = hit[hit.direction == SUPPORTS], hit[hit.direction == AGAINST]
        rows.append({
            "objective": o, "name": objective_label(o),
            "supporting policies": len(sup), "supporting budget": float(sup.budget.sum()),
            "policies working against": len(ag), "budget working against": float(ag.budget.sum()),
            "status": "served" if len(sup) else "not served",
        })
    return pd.DataFrame(rows).set_index("objective")


def unserved_objectives(policies: pd.DataFrame, objectives: Sequence[str] | None = None) -> list[str]:
    """The objectives that no policy supports (in Marenta, O4 Fair access)."""
    cov = objective_coverage(policies, objectives)
    return [o for o, status in cov["status"].items() if status == "not served"]


def owner_alignment(policies: pd.DataFrame, objectives: Sequence[str] | None = None) -> pd.DataFrame:
    """Owner x objective, long: policies supporting and working against, and their budget."""
    p = prepare(policies)
    objs = _objectives_for(p, objectives)
    owners = list(dict.fromkeys(p["owner"]))
    rows = []
    for owner in owners:
        mine = p[p.owner == owner]
        for o in objs:
            hit = mine[mine["objectives"].map(lambda codes, o=o: o in codes)]
            sup, ag = hit[hit.direction == SUPPORTS], hit[hit.direction == AGAINST]
            rows.append({"owner": owner, "sti": bool(mine.sti.any()), "objective": o,
                         "supports": len(sup), "works against": len(ag),
                         "budget supporting": float(sup.budget.sum()), "budget against": float(ag.budget.sum())})
    return pd.DataFrame(rows)


def supporting_by_owner(policies: pd.DataFrame, objectives: Sequence[str] | None = None) -> pd.DataFrame:
    """Owner x objective: the number of the owner's policies that support each objective (0 = none)."""
    long = owner_alignment(policies, objectives)
    table = long.pivot(index="owner", columns="objective", values="supports")
    table = table.reindex(index=list(dict.fromkeys(long["owner"])), columns=list(dict.fromkeys(long["objective"])))
    table.columns.name = "supporting policies"
    return table.astype(int)


# --------------------------------------------------------------------------- money
_SCOPES = ("mission-tagged", "all", "supports", "works against")


def _scoped(p: pd.DataFrame, scope: str) -> pd.DataFrame:
    if scope == "mission-tagged":
        return p[p.tagged]
    if scope == "all":
        return p
    if scope in (SUPPORTS, AGAINST, NEUTRAL):
        return p[p.direction == scope]
    raise MissionkitInputError(f"'{scope}' is not a scope", fix="Use one of: " + ", ".join(_SCOPES))


def budget_shares(policies: pd.DataFrame, by: str = "owner", scope: str = "mission-tagged") -> pd.DataFrame:
    """Budget by ``by`` (owner, instrument, sti, direction, ...) within ``scope``, largest first.

    Columns: policies, budget, share (of the scope's total budget). ``scope``:
    "mission-tagged" (default), "all", "supports" or "works against".
    """
    p = _scoped(prepare(policies), scope)
    if by not in p.columns or by == "objectives":
        raise MissionkitInputError(
            f"The scan cannot be grouped by '{by}'",
            fix="Use one of: owner, instrument, sti, direction (for objectives use objective_coverage)")
    total = float(p["budget"].sum())
    out = p.groupby(by, sort=False).agg(policies=("policy_id", "size"), budget=("budget", "sum"))
    out["share"] = out["budget"] / total if total else 0.0
    return out.sort_values(["budget", "policies"], ascending=False)


def sti_share(policies: pd.DataFrame, scope: str = "mission-tagged") -> float:
    """Share of the budget in ``scope`` held by STI bodies (Marenta, mission-tagged: 0.705)."""
    p = _scoped(prepare(policies), scope)
    total = float(p["budget"].sum())
    return float(p.loc[p.sti, "budget"].sum()) / total if total else 0.0


def sti_bodies(policies: pd.DataFrame) -> list[str]:
    """Owners marked as STI bodies, largest mission-tagged budget first."""
    p = prepare(policies)
    sti = p[p.sti]
    return list(sti.assign(t=sti.budget.where(sti.tagged, 0)).groupby("owner")["t"].sum()
                .sort_values(ascending=False).index)


def tagged_but_neutral(policies: pd.DataFrame) -> pd.DataFrame:
    """Mission-tagged policies that serve no objective (money labelled 'mission' that does not move it)."""
    p = prepare(policies)
    hit = p[p.tagged & (p.direction == NEUTRAL)]
    return hit[["policy_id", "title", "owner", "sti", "budget"]].sort_values("budget", ascending=False) \
        .set_index("policy_id")


def conflicts(policies: pd.DataFrame) -> pd.DataFrame:
    """Policies that work against the mission, largest budget first.

    Columns: title, owner, instrument, objectives harmed (text), budget,
    share of all conflicting budget. Index: policy_id.
    """
    p = prepare(policies)
    hit = p[p.direction == AGAINST].copy()
    total = float(hit.budget.sum())
    hit["objectives harmed"] = hit["objectives"].map(lambda c: ", ".join(c))
    hit["share of conflict budget"] = hit.budget / total if total else 0.0
    hit = hit.sort_values(["budget", "policy_id"], ascending=[False, True])
    return hit[["policy_id", "title", "owner", "instrument", "objectives harmed", "budget",
                "share of conflict budget"]].set_index("policy_id")


def budget_holders(policies: pd.DataFrame) -> dict[str, dict]:
    """Who holds mission-tagged money: owner -> {"budget": ..., "objectives": [...]} (largest first).

    ``objectives`` are those the owner's tagged, supporting policies serve.
    Module 04 checks that every one of them sits in a co-ordination forum.
    """
    p = prepare(policies)
    t = p[p.tagged & (p.budget > 0)]
    out: dict[str, dict] = {}
    for owner, budget in t.groupby("owner")["budget"].sum().sort_values(ascending=False).items():
        mine = t[(t.owner == owner) & (t.direction == SUPPORTS)]
        objs = sorted({o for codes in mine.objectives for o in codes})
        out[str(owner)] = {"budget": round(float(budget), 2), "objectives": objs}
    return out


# --------------------------------------------------------------------------- summary
@dataclass
class ScanSummary:
    """The headline findings of a scan (computed, never typed in)."""

    policies: int
    owners: int
    tagged_budget: float
    sti_budget: float
    sti_share: float
    sti_bodies: list[str]
    conflicts: int
    conflict_budget: float
    largest_conflict: str
    largest_conflict_budget: float
    unserved: list[str]
    tagged_neutral_budget: float
    instrument_shares: dict[str, float] = field(default_factory=dict)
    unit: str = case.MONEY_UNIT

    @property
    def sti_trap(self) -> bool:
        return self.sti_share > STI_TRAP_THRESHOLD

    def to_frame(self) -> pd.DataFrame:
        """Finding | value, ready to show."""
        m = lambda x: money(x, self.unit)  # noqa: E731
        top = max(self.instrument_shares, key=self.instrument_shares.get) if self.instrument_shares else "-"
        rows = [
            ("Policies scanned", f"{self.policies} from {self.owners} owners"),
            ("Mission-tagged budget a year", m(self.tagged_budget)),
            ("Share held by STI bodies", f"{self.sti_share:.1%} ({m(self.sti_budget)}; {and_list(self.sti_bodies)})"),
            ("Mission-tagged but serving no objective", m(self.tagged_neutral_budget)),
            ("Policies working against the mission",
             f"{self.conflicts} of {self.policies}, {m(self.conflict_budget)} a year"),
            ("Largest conflict", f"{self.largest_conflict} ({m(self.largest_conflict_budget)})"
             if self.conflicts else "none"),
            ("Objectives no policy serves", ", ".join(objective_label(o) for o in self.unserved) or "none"),
            ("Largest instrument in the tagged budget",
             f"{top} ({self.instrument_shares.get(top, 0):.0%})" if self.instrument_shares else "-"),
        ]
        return pd.DataFrame(rows, columns=["finding", "value"]).set_index("finding")

    def _repr_html_(self) -> str:  # pragma: no cover - display convenience
        return self.to_frame().to_html()


def summarise(policies: pd.DataFrame, objectives: Sequence[str] | None = None,
              unit: str = case.MONEY_UNIT) -> ScanSummary:
    """All headline findings of a scan in one object."""
    p = prepare(policies)
    tagged = p[p.tagged]
    c = conflicts(policies)
    inst = budget_shares(policies, "instrument")["share"].to_dict() if len(tagged) else {}
    return ScanSummary(
        policies=len(p),
        owners=int(p.owner.nunique()),
        tagged_budget=float(tagged.budget.sum()),
        sti_budget=float(tagged.loc[tagged.sti, "budget"].sum()),
        sti_share=sti_share(policies),
        sti_bodies=[b for b in sti_bodies(policies)],
        conflicts=len(c),
        conflict_budget=float(c.budget.sum()),
        largest_conflict=str(c.iloc[0]["title"]) if len(c) else "",
        largest_conflict_budget=float(c.iloc[0]["budget"]) if len(c) else 0.0,
        unserved=unserved_objectives(policies, objectives),
        tagged_neutral_budget=float(tagged_but_neutral(policies).budget.sum()),
        instrument_shares={str(k): float(v) for k, v in inst.items()},
        unit=unit,
    )


# --------------------------------------------------------------------------- exercise checks
FC_KINDS = ("legal", "financial", "institutional")
_FC_SYNONYMS = {
    "legal": "legal", "law": "legal", "laws": "legal", "regulatory": "legal", "regulation": "legal",
    "rules": "legal", "financial": "financial", "finance": "financial", "money": "financial",
    "budget": "financial", "budgetary": "financial", "fiscal": "financial", "institutional": "institutional",
    "institution": "institutional", "institutions": "institutional", "governance": "institutional",
    "organisational": "institutional", "organizational": "institutional",
}


@dataclass(frozen=True)
class _FCItem:
    answer: str
    why: str
    mistakes: dict[str, str]


FC_ITEMS: dict[str, _FCItem] = {
    "Amberport's building code makes every new building add car parking spaces": _FCItem(
        "legal", "It is a rule in the city's building code: changing it needs a legal change, not money.",
        {"financial": "It costs the city almost nothing (MRC 0.3m a year); what blocks the mission is the rule "
                      "itself, so it is a legal condition.",
         "institutional": "The city has the power to change it; what blocks the mission is the rule in its "
                          "building code, a legal condition."}),
    "Procurement rules make buyers take the lowest price, not the best outcome": _FCItem(
        "legal", "It is a rule in procurement law: buyers could pay for outcomes only if the rule changed.",
        {"financial": "It is about buying, but the barrier is a rule in law (procurement law), not a lack of "
                      "money: a legal condition.",
         "institutional": "Buyers exist and have budgets; the barrier is a rule in law (procurement law): a "
                          "legal condition."}),
    "Most mission-tagged money is research money that existed before the mission": _FCItem(
        "financial", "It is about where the money comes from: the budget was relabelled, not added.",
        {"legal": "No law is involved; it is about whose budget pays for the mission: a financial condition.",
         "institutional": "It says who holds the money, which touches institutions, but the barrier is the "
                          "budget itself (borrowed research lines): a financial condition."}),
    "The fuel subsidy keeps petrol and diesel cheap": _FCItem(
        "financial", "A subsidy is money (MRC 3,850m a year) pulling against the mission: a financial condition.",
        {"legal": "A subsidy is set in the budget, not in a rule that forbids anything: a financial condition.",
         "institutional": "The Ministry of Finance owns it, but the barrier is the money it spends: a financial "
                          "condition."}),
    "No body has the mandate to align ministries' budgets behind the mission": _FCItem(
        "institutional", "It is about mandates and who decides: an institutional condition.",
        {"financial": "It mentions budgets, but the missing piece is a body with the mandate to align them: an "
                      "institutional condition.",
         "legal": "A law could create the mandate, but what is missing is the body and its mandate: an "
                  "institutional condition."}),
    "City mission units have no formal link with the national mission team": _FCItem(
        "institutional", "It is about how bodies connect (vertical co-ordination): an institutional condition.",
        {"legal": "No rule forbids the link; it was never set up: an institutional condition.",
         "financial": "Money is not the issue here; the missing link between bodies is an institutional "
                      "condition."}),
}
"""Statements for the classification exercise (FICTIONAL Marenta facts; the answers are OUR PROPOSAL)."""


def _norm_key(text: Any) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text).lower()).strip()


_FC_BY_KEY = {_norm_key(k): k for k in FC_ITEMS}


def check_framework_conditions(answers: Any) -> Feedback:
    """Feedback on classifying Marenta's (fictional) barriers as legal, financial or institutional."""
    title = "Framework conditions: legal, financial or institutional?"
    how = 'For each statement write "legal", "financial" or "institutional", in quotes.'
    if is_blank(answers):
        return Feedback.not_answered(title, how)
    if not isinstance(answers, Mapping):
        return Feedback("revise", title, improve=[f"Your answer is a {type(answers).__name__}; it should be the "
                                                  f"dict of statements given in the cell. {how}"])
    strengths, improve, missing = [], [], []
    wrong = 0
    seen = set()
    for key, value in answers.items():
        full = _FC_BY_KEY.get(_norm_key(key))
        if full is None:
            improve.append(f"\u201c{key}\u201d is not one of the statements; keep the statements as given.")
            wrong += 1
            continue
        seen.add(full)
        item = FC_ITEMS[full]
        if is_blank(value):
            missing.append(full)
            continue
        said = _FC_SYNONYMS.get(_norm_key(value))
        if said is None:
            wrong += 1
            improve.append(f"{full}: \u201c{value}\u201d is not one of the choices. {how}")
        elif said == item.answer:
            strengths.append(f"{full}: {item.answer}. {item.why}")
        else:
            wrong += 1
            improve.append(f"{full}: you said \u201c{said}\u201d. {item.mistakes.get(said, item.why)}")
    missing += [k for k in FC_ITEMS if k not in seen and k not in missing]
    if not strengths and not wrong:
        return Feedback.not_answered(title, how)
    if missing:
        improve.append("Still to answer: " + "; ".join(missing) + ".")
    status = "revise" if wrong else ("partly" if missing else "good")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="Framework conditions are the legal, financial and institutional setting that makes a mission easier "
            "or harder. Naming the kind tells you who can fix it: lawmakers, the budget, or whoever designs the "
            "mission's governance (module 04).",
        sources=cites("mal-home", "stio2023") + ["Marenta case (FICTIONAL)"])


def _as_share(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        text = value.strip().replace("%", "").replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            return None
        return number / 100 if ("%" in value or number > 1) else number
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number / 100 if number > 1 else number


def check_sti_share(answer: Any, policies: pd.DataFrame | None = None) -> Feedback:
    """Feedback on the share of Marenta's mission-tagged budget held by STI bodies (0.705)."""
    title = "The STI share of the mission-tagged budget"
    how = "Type the share as a number: 0.7 or 70 both work."
    if is_blank(answer):
        return Feedback.not_answered(title, how)
    share = _as_share(answer)
    if share is None or not 0 <= share <= 1:
        return Feedback("revise", title, improve=[f"\u201c{answer}\u201d is not a share. {how}"])
    policies = case.load("policies") if policies is None else policies
    p = prepare(policies)
    right = sti_share(policies)
    tagged = p[p.tagged]
    sources = cites("oecd-nz2025", "ggsd2022", "stio2023")
    why = ("The STI trap: when mission money sits almost only with research ministries and agencies, the mission "
           "leans on new technology and neglects regulation, pricing, procurement and behaviour change. The "
           "warning threshold of one half is our proposal.")
    if abs(share - right) <= 0.01:
        return Feedback("good", title, strengths=[
            f"{right:.1%}: {money(tagged.loc[tagged.sti, 'budget'].sum())} of the "
            f"{money(tagged.budget.sum())} tagged for the mission sits with {and_list(sti_bodies(policies))}.",
            f"That is above the warning level of {STI_TRAP_THRESHOLD:.0%}: Marenta (fictional) is in the STI trap."],
            why=why, sources=sources)
    wrongs = {
        "all": (sti_share(policies, "all"),
                "you divided by the budget of the whole inventory. The question is about the mission-tagged "
                "budget: keep only the policies tagged as mission spending (mission_tagged = yes)."),
        "count": (float(tagged.sti.mean()) if len(tagged) else 0.0,
                  "you counted policies, not money. Count the budget: a few large research programmes hold most "
                  "of it."),
        "supports": (sti_share(policies, SUPPORTS),
                     "you used the policies that support the mission. The question is about the budget tagged as "
                     "mission spending, which also holds untargeted research money."),
    }
    tagged_total = float(tagged.budget.sum())
    for body in sti_bodies(policies):  # one STI body's share read off the table: add the others
        alone = float(tagged.loc[tagged.owner == body, "budget"].sum()) / tagged_total if tagged_total else 0.0
        wrongs[body] = (alone, f"that is {body} alone. Add every STI body's mission-tagged budget ("
                               f"{and_list(sti_bodies(policies))}) before dividing.")
    near = sorted((abs(share - value), reason) for value, reason in wrongs.values() if abs(share - value) <= 0.01)
    if near:
        return Feedback("revise", title, improve=[f"You gave {share:.1%}: {near[0][1]}"], why=why, sources=sources)
    return Feedback("revise", title, improve=[
        f"You gave {share:.1%}. Add up the budget of the mission-tagged policies owned by STI bodies "
        "(sti_owner = yes) and divide by the budget of all mission-tagged policies; scanning.sti_share(policies) "
        "does it for you."], why=why, sources=sources)


def _policy_lookup(p: pd.DataFrame, item: Any) -> pd.Series | None:
    text = str(item).strip()
    by_id = p[p.policy_id.str.upper() == text.upper()]
    if len(by_id):
        return by_id.iloc[0]
    by_title = p[p.title.str.lower() == text.lower()]
    if len(by_title):
        return by_title.iloc[0]
    close = difflib.get_close_matches(text.lower(), list(p.title.str.lower()), n=1, cutoff=0.8)
    if close:
        return p[p.title.str.lower() == close[0]].iloc[0]
    return None


def check_conflicts_to_raise(answer: Any, policies: pd.DataFrame | None = None, how_many: int = 3) -> Feedback:
    """Feedback on the three conflicting policies to raise first (Marenta, FICTIONAL).

    Any three policies that work against the mission are acceptable, but the
    fuel subsidy (the largest by far) must be among them.
    """
    title = f"The {how_many} conflicts to raise first"
    how = f'Give a list of {how_many} policy ids in quotes, e.g. ["P001", "P002", "P003"].'
    if is_blank(answer):
        return Feedback.not_answered(title, how)
    items = [answer] if isinstance(answer, str) else list(answer) if isinstance(answer, (list, tuple, set)) else None
    if items is None:
        return Feedback("revise", title, improve=[f"Your answer is a {type(answer).__name__}. {how}"])
    items = [i for i in items if not is_blank(i)]
    if not items:
        return Feedback.not_answered(title, how)
    policies = case.load("policies") if policies is None else policies
    p = prepare(policies)
    c = conflicts(policies)
    tagged_total = float(p.loc[p.tagged, "budget"].sum())
    strengths, improve = [], []
    wrong = 0
    chosen: list[str] = []
    for item in items:
        row = _policy_lookup(p, item)
        if row is None:
            wrong += 1
            improve.append(f"\u201c{item}\u201d is not a policy in the inventory; use its policy_id, e.g. P031.")
            continue
        if row.policy_id in chosen:
            improve.append(f"{row.policy_id} is in your list twice.")
            continue
        chosen.append(row.policy_id)
        if row.direction != AGAINST:
            wrong += 1
            improve.append(f"{row.policy_id} \u201c{row.title}\u201d does not work against the mission: its direction "
                           f"is \u201c{row.direction}\u201d. Pick from the {len(c)} policies that work against it.")
        else:
            strengths.append(f"{row.policy_id} \u201c{row.title}\u201d ({row.owner}) works against "
                             f"{and_list(list(row.objectives))}, {money(row.budget)} a year.")
    top_id = c.index[0] if len(c) else None
    if top_id and top_id not in chosen:
        wrong += 1
        top = c.iloc[0]
        improve.append(f"The largest conflict is missing: {top_id} \u201c{top['title']}\u201d costs "
                       f"{money(top['budget'])} a year, {top['budget'] / tagged_total:.1f} times the whole "
                       "mission-tagged budget.")
    if len(chosen) != how_many:
        improve.append(f"You listed {len(chosen)}; pick {how_many}. A Cabinet agenda has room for only a few.")
    low_cost = [pid for pid in chosen if pid in c.index and c.loc[pid, "budget"] < 5]
    if low_cost and not wrong:
        one = len(low_cost) == 1
        strengths.append(f"You looked beyond money: {and_list(low_cost)} cost{'s' if one else ''} almost nothing in the "
                         f"budget but shape{'s' if one else ''} what people and firms do. Budget is not the only "
                         "measure of harm.")
    elif not wrong:
        improve.append("Discuss: budget is not the only measure of harm. A rule such as parking minimums (P079) "
                       "costs almost nothing but shapes every new building.")
    status = "revise" if wrong else ("partly" if len(chosen) != how_many else "good")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="Policies that work against a mission can cancel out what the mission spends. The OECD's typical "
            "implementation challenges include reaching beyond STI instruments to regulation, pricing and "
            "procurement.",
        sources=cites("ggsd2022", "oecd-nz2025") + ["Marenta policy inventory D1 (FICTIONAL)"])


def _objective_code(value: Any) -> str | None:
    text = str(value).strip()
    m = re.match(r"^\s*([A-Za-z]{1,3})\s*-?\s*(\d{1,2})\b", text)
    if m:
        return (m.group(1) + m.group(2)).upper()
    for code, info in case.OBJECTIVES.items():
        if _norm_key(info["name"]) == _norm_key(text):
            return code
    return None


def check_unserved_objective(answer: Any, policies: pd.DataFrame | None = None) -> Feedback:
    """Feedback on which objective no policy in Marenta's inventory serves (O4 Fair access)."""
    title = "The objective no policy serves"
    how = 'Give the objective\'s code in quotes, e.g. "O1".'
    if is_blank(answer):
        return Feedback.not_answered(title, how)
    items = list(answer) if isinstance(answer, (list, tuple, set)) else [answer]
    codes = [_objective_code(i) for i in items if not is_blank(i)]
    if not codes:
        return Feedback.not_answered(title, how)
    if None in codes:
        return Feedback("revise", title, improve=[f"\u201c{answer}\u201d is not an objective code. {how}"])
    policies = case.load("policies") if policies is None else policies
    cov = objective_coverage(policies)
    unserved = [o for o in cov.index if cov.loc[o, "status"] == "not served"]
    strengths, improve = [], []
    for code in codes:
        if code not in cov.index:
            improve.append(f"{code} is not one of the mission's objectives ({', '.join(cov.index)}).")
        elif code in unserved:
            strengths.append(f"{objective_label(code)}: no policy in the inventory supports it, and no money is "
                             "tagged for it.")
        else:
            row = cov.loc[code]
            examples = alignment_long(policies)
            examples = examples[(examples.objective == code) & (examples.direction == SUPPORTS)] \
                .sort_values("budget", ascending=False)
            improve.append(f"{objective_label(code)} is served by {int(row['supporting policies'])} supporting "
                           f"policies, for example {examples.iloc[0]['policy_id']} \u201c"
                           f"{examples.iloc[0]['title']}\u201d. Look for the objective with none.")
    missed = [o for o in unserved if o not in codes]
    if missed and not improve:
        improve.append("Also not served: " + ", ".join(objective_label(o) for o in missed) + ".")
    status = "good" if strengths and not improve else ("partly" if strengths else "revise")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="An objective that no policy serves is a gap the mission's portfolio must fill (module 07), and a "
            "sign that no ministry owns it (module 04). In Marenta, fair access (cost and women's safety) falls "
            "between the transport and social ministries.",
        sources=cites("mal-port") + ["Marenta policy inventory D1 (FICTIONAL)"])


def check_own_scan(path: Any, objectives: Sequence[str] | None = None, unit: str = "m") -> Feedback:
    """Load a participant's own scan and give feedback: what it shows and what to look at next.

    ``unit`` is how budgets are shown ("m" = millions of your currency).
    Never raises on a bad file: the plain-language message (file, row, column,
    how to fix it) becomes the feedback.
    """
    title = "Your own policy scan"
    how = ('Copy the template into your my-work folder, fill it in, then give its path in quotes, e.g. '
           '"../my-work/policy-scan.csv".')
    if is_blank(path):
        return Feedback.not_answered(title, how)
    objectives = None if is_blank(objectives) else objectives
    try:
        df = load_scan(path, objectives=objectives)
    except MissionkitInputError as error:
        return Feedback("revise", title, improve=[error.message],
                        why="The scan must load before it can be analysed; the message says where the problem is.")
    p = prepare(df)
    if list(p.title) == [r[1] for r in _TEMPLATE_ROWS]:
        return Feedback("partly", title, strengths=["The file loads."], improve=[
            "It still holds the template's example rows. Replace them with the policies of your own mission, "
            "one row per policy."])
    s = summarise(df, objectives, unit=unit)
    strengths = [f"It loads: {s.policies} policies from {s.owners} owners, each with a direction and a budget."]
    improve = []
    if s.tagged_budget:
        strengths.append(f"It shows who holds the money: STI bodies hold {s.sti_share:.0%} of the mission-tagged "
                         "budget.")
        if s.sti_trap:
            improve.append(f"Above {STI_TRAP_THRESHOLD:.0%}: check for the STI trap. Which non-STI ministries "
                           "should put money in?")
    else:
        improve.append("No policy is marked mission_tagged = yes, so the STI share cannot be computed.")
    if s.conflicts:
        strengths.append(f"It finds {s.conflicts} polic{'y' if s.conflicts == 1 else 'ies'} working against the "
                         f"mission; the largest is {s.largest_conflict}.")
    else:
        improve.append("No policy works against the mission. Look again at subsidies, tax breaks and old rules.")
    if s.unserved:
        improve.append("No policy serves " + and_list([objective_label(o) for o in s.unserved]) + ": who should own it?")
    if len(p) < 5:
        improve.append(f"Only {len(p)} polic{'y' if len(p) == 1 else 'ies'} so far: a useful scan usually lists "
                       "dozens.")
    return Feedback(
        "good" if len(p) >= 5 else "partly", title, strengths=strengths, improve=improve,
        why="A system scan lists the policies that help or hinder a mission, whoever owns them. It is where the "
            "STI trap and conflicting policies show up.",
        sources=cites("mal-home", "oecd-nz2025"))
