"""Module 03: real and invented statements through the assessor, as tables for the lesson.

:func:`statements_table` and :func:`explain_table` show what
:func:`missionkit.framing.statements.assess_statement` reads; :func:`catalogue_statements`,
:func:`catalogue_summary` and :func:`catalogue_takeaway` put the headline statements of
the real-missions catalogue beside their published targets and years.

The real statements of :data:`CRITERIA_EXAMPLES` live in
``missionkit/data/facts/framing-criteria-examples.yml``, read once and checked on
load (a broken entry gives a plain :class:`~missionkit.errors.MissionkitInputError`
naming the file). Domain logic only: no display code, never prints.
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from missionkit.catalogue import missions
from missionkit.errors import MissionkitInputError
from missionkit.facts import FACTS_DIR, load_facts
from missionkit.framing.reading import explain
from missionkit.framing.statements import CRITERIA, assess_statement

__all__ = [
    "STATUS_LABELS",
    "CRITERIA_EXAMPLES_FILE",
    "load_criteria_examples",
    "CRITERIA_EXAMPLES",
    "MISTAKE_EXAMPLES",
    "statements_table",
    "explain_table",
    "catalogue_statements",
    "catalogue_summary",
    "catalogue_takeaway",
]

#: How a criterion status reads in tables and forms.
STATUS_LABELS = {"met": "met", "partly": "partly met", "not met": "not met", "ask": "your judgement"}

CRITERIA_EXAMPLES_FILE = FACTS_DIR / "framing-criteria-examples.yml"


class _CriteriaExampleEntry(BaseModel):
    """One entry of the criteria-examples file, as written there."""

    model_config = ConfigDict(extra="forbid")
    label: str = Field(min_length=1)
    statement: str = Field(min_length=1)
    source_keys: list[str] = Field(min_length=1)


@cache
def load_criteria_examples(path: Path = CRITERIA_EXAMPLES_FILE) -> dict[str, str]:
    """The real statements (label: statement) from their YAML file, checked; a bad file raises
    MissionkitInputError."""
    return {e.label: e.statement for e in load_facts(path, _CriteriaExampleEntry)}


#: Real missions, paraphrased with their published target and year (course brief, section 5), for the
#: criteria section of the lesson; each entry's sources are in the facts file.
CRITERIA_EXAMPLES: dict[str, str] = load_criteria_examples()

#: Invented statements (Marenta is FICTIONAL), one per common framing mistake.
MISTAKE_EXAMPLES: dict[str, str] = {
    "Technology or prestige": "By 2030, become Europe's leading hub for self-driving cars.",
    "A single project": "By 2028, build the Amberport–Kessa high-speed railway.",
    "A slogan": "A cleaner, fairer, more connected Marenta.",
    "Outputs as the target": "By 2030, buy 500 electric buses for the three cities.",
}

def _framework(name: str) -> str:
    return str(name).split(" – ")[0].split(" (")[0].strip()


def statements_table(statements: Mapping[str, str]) -> pd.DataFrame:
    """What the assessor reads in each statement: one row per statement.

    Columns: deadline, target, baseline, the five criteria (C1 … C5, as
    "met", "partly met", "not met" or "your judgement") and the framing
    mistakes found. ``statements`` maps a label to the statement.
    """
    if not isinstance(statements, Mapping) or not statements:
        raise MissionkitInputError(
            "The statements should be a dict of label: statement",
            fix='Write them as {"label": "By 2030, …", …}')
    rows = []
    for label, text in statements.items():
        a = assess_statement(text)
        row = {"statement": str(label), "deadline": a.deadline, "target": a.target or "",
               "baseline": a.baseline or ""}
        for key, (code, _, _) in CRITERIA.items():
            row[code] = STATUS_LABELS[a.criteria[key].status]
        row["framing mistakes"] = "; ".join(w.title for w in a.warnings)
        rows.append(row)
    df = pd.DataFrame(rows).set_index("statement")
    df["deadline"] = df["deadline"].astype("Int64")
    return df


def explain_table(text: str) -> pd.DataFrame:
    """Every rule of the assessor that fired on ``text``: the words, the rule and its effect."""
    return pd.DataFrame([{"words": h.matched, "rule": h.rule, "effect": h.effect} for h in explain(text)])


def catalogue_statements(missions_df: pd.DataFrame | None = None,
                         kinds: tuple[str, ...] = ("mission",)) -> pd.DataFrame:
    """The real missions' headline statements through the assessor, beside what was published.

    One row per catalogue row whose ``kind`` is in ``kinds``. Columns:
    ``headline_target`` and ``headline_year`` (what the assessor finds in the
    paraphrased headline statement alone), ``published_target`` (the assessor
    finds a measurable value in the catalogue's ``target``) and
    ``published_year`` (the catalogue's target year; empty when there is no
    single year). The statements are paraphrases, so the words are ours.
    """
    df = missions() if missions_df is None else missions_df
    if isinstance(kinds, str):
        kinds = (kinds,)
    needed = ["mission_id", "country_or_framework", "mission", "statement", "target", "deadline", "kind"]
    absent = [c for c in needed if c not in df.columns]
    if absent:
        raise MissionkitInputError(
            f"The missions table has no column '{absent[0]}'",
            fix="Use missionkit.catalogue.missions(), or a table with the columns " + ", ".join(needed),
            column=absent[0])
    df = df[df["kind"].isin(kinds)]
    rows = []
    for r in df.itertuples(index=False):
        head = assess_statement(r.statement)
        target = str(r.target or "").strip() if not pd.isna(r.target) else ""
        published = assess_statement(target).quantified if target else False
        rows.append({
            "mission_id": r.mission_id,
            "framework": _framework(r.country_or_framework),
            "mission": r.mission,
            "headline_target": bool(head.quantified),
            "headline_year": head.deadline,
            "published_target": bool(published),
            "published_year": None if pd.isna(r.deadline) else int(r.deadline),
        })
    out = pd.DataFrame(rows, columns=["mission_id", "framework", "mission", "headline_target", "headline_year",
                                      "published_target", "published_year"])
    for col in ("headline_year", "published_year"):
        out[col] = out[col].astype("Int64")
    return out.set_index("mission_id")


def catalogue_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Counts by framework: missions, headlines with a target / a year, published targets / years."""
    g = table.groupby("framework", sort=False)
    out = pd.DataFrame({
        "missions": g.size(),
        "headline: target": g["headline_target"].sum().astype(int),
        "headline: year": g["headline_year"].count().astype(int),
        "published: target": g["published_target"].sum().astype(int),
        "published: year": g["published_year"].count().astype(int),
    })
    total = out.sum().rename("All")
    return pd.concat([out, total.to_frame().T]).astype(int)


def catalogue_takeaway(table: pd.DataFrame) -> str:
    """One sentence computed from :func:`catalogue_statements`."""
    n = len(table)
    if n == 0:
        return "No missions to compare."
    ht = int(table["headline_target"].sum())
    hy = int(table["headline_year"].notna().sum())
    pt = int(table["published_target"].sum())
    py = int(table["published_year"].notna().sum())
    both_head = int((table["headline_target"] & table["headline_year"].notna()).sum())
    lead = (f"The assessor finds a measurable target in {ht} of the {n} headline statements and a year in "
            f"{hy}; {both_head} {'has' if both_head == 1 else 'have'} both")
    tail = (f". Yet {pt} of the published targets are measurable and {py} missions have a target year: "
            "the numbers usually sit beside the headline, not in it.")
    if pt <= ht and py <= hy:
        tail = f". The published targets add little: {pt} are measurable and {py} have a target year."
    return lead + tail
