"""Module 10: the indicator audit, one row per indicator with the result of each quality check.

:func:`audit` gives each indicator the result of each check in :data:`~missionkit.monitoring.indicators.CHECKS`
and plain-language notes; :func:`audit_details` gives the same in long form, one row per indicator and
check; :func:`draft_table` and :func:`audit_draft` do the same for indicators drafted in the form.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.feedback import is_blank
from missionkit.monitoring.indicators import (
    CHECK_KEYS,
    CHECK_LABELS,
    CHECKS,
    REVIEW_CYCLE_YEARS,
    as_int,
    as_number,
    as_text,
    format_number,
    frequency_years,
    indicator_label,
    is_empty,
    output_words,
    shorten,
    years_text,
)
from missionkit.monitoring.load import is_loaded_framework, load_indicators, milestone_columns

__all__ = [
    "audit",
    "audit_details",
    "flagged",
    "draft_table",
    "audit_draft",
    "problems",
]


def _check_row(row: Mapping[str, Any], milestones: Mapping[str, int], *, deadline: int,
               review_cycle: float) -> dict[str, tuple[str, str]]:
    """Each check's (result, note) for one indicator."""
    out: dict[str, tuple[str, str]] = {}
    name = as_text(row.get("name"))
    unit = as_text(row.get("unit"))
    level = as_text(row.get("level")).lower()
    baseline, base_year = as_number(row.get("baseline")), as_int(row.get("baseline_year"))
    target, target_year = as_number(row.get("target")), as_int(row.get("target_year"))

    # baseline
    if baseline is None and base_year is None:
        out["baseline"] = ("flag", "No baseline: without a starting value nobody can tell whether things improve. "
                                   "Measure it now, or use the first reading, and record its year.")
    elif baseline is None:
        out["baseline"] = ("flag", f"A baseline year ({base_year}) but no value: record the value measured then.")
    elif base_year is None:
        out["baseline"] = ("flag", f"A baseline value ({format_number(baseline, unit)}) but no year: "
                                   "record when it was measured.")
    else:
        out["baseline"] = ("ok", f"Baseline {format_number(baseline, unit)} in {base_year}.")

    # target by the deadline
    if target is None and target_year is None:
        out["target"] = ("flag", "No target: say what value the mission aims for and by when.")
    elif target is None:
        out["target"] = ("flag", f"A target year ({target_year}) but no target value.")
    elif target_year is None:
        out["target"] = ("flag", f"A target value ({format_number(target, unit)}) but no year: a target needs a date "
                                 "(SMART: time-related).")
    elif target_year > deadline:
        out["target"] = ("flag", f"The target year {target_year} is after the mission's deadline ({deadline}): "
                                 f"set a value to reach by {deadline}, or explain why this one runs longer.")
    elif base_year is not None and target_year <= base_year:
        out["target"] = ("flag", f"The target year {target_year} is not after the baseline year {base_year}.")
    elif baseline is not None and target == baseline:
        out["target"] = ("ok", f"Target {format_number(target, unit)} by {target_year}: the same as the baseline, "
                               "so the aim is to hold the level; say so explicitly.")
    else:
        out["target"] = ("ok", f"Target {format_number(target, unit)} by {target_year}.")

    # milestone
    ms = [(year, as_number(row.get(col))) for col, year in sorted(milestones.items(), key=lambda kv: kv[1])]
    ms = [(y, v) for y, v in ms if v is not None]
    if not milestones:
        out["milestone"] = ("flag", "No milestone: add at least one checkpoint between the baseline and the "
                                    "target, for example for a mid-term review (in a file, a column such as "
                                    "milestone_2030).")
    elif not ms:
        out["milestone"] = ("flag", "No milestone value: add at least one checkpoint between the baseline and the "
                                    "target.")
    else:
        out["milestone"] = ("ok", "Milestones: " + ", ".join(f"{format_number(v)} by {y}" for y, v in ms) + ".")

    # level fits the wording
    if not level:
        out["output_as_outcome"] = ("flag", "No level: say whether it measures an input, activity, output, "
                                            "outcome or impact.")
    elif level in ("outcome", "impact"):
        hit = output_words(name)
        if hit:
            words, why = hit
            out["output_as_outcome"] = ("flag", f"An output posing as an {level}: the name {why} "
                                    f"(\u201c{words}\u201d), but it "
                                    f"is labelled {level}. Relabel it as an output, or measure the change it should "
                                    "bring about for people (who uses it, and how their situation changes).")
        else:
            out["output_as_outcome"] = ("ok", f"Labelled {level}; the name describes a change, "
                                              "not a product of the mission.")
    else:
        out["output_as_outcome"] = ("ok", f"Labelled {level}.")

    # name and unit
    if not name and not unit:
        out["name_unit"] = ("flag", "No name and no unit: say what is measured and in what unit.")
    elif not name:
        out["name_unit"] = ("flag", "No name: say in plain words what is measured.")
    elif not unit:
        out["name_unit"] = ("flag", "No unit: say what the numbers count (%, minutes, people, km, ...). "
                                "Without a unit a target such as '80' can be read several ways.")
    else:
        out["name_unit"] = ("ok", f"Measured in {unit}.")

    # data owner and frequency
    owner, freq = as_text(row.get("data_owner")), as_text(row.get("frequency"))
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
    lag = as_number(row.get("lag_years"))
    interval = frequency_years(freq)
    cycle = years_text(review_cycle)
    if lag is not None and lag > review_cycle:
        out["timely"] = ("flag", f"Data arrive {years_text(lag)} after the period they measure, longer than the "
                                 f"review cycle of {cycle}: each review sees numbers that are {years_text(lag)} old. "
                                 "Add a faster proxy or leading indicator, or ask the data owner for an early "
                                 "estimate.")
    elif interval is not None and interval > review_cycle:
        every = "only once" if math.isinf(interval) else f"only every {years_text(interval)}"
        out["timely"] = ("flag", f"New values come {every}, less often than the review cycle of {cycle}: "
                                 "most reviews will have no new reading. Add a more frequent proxy.")
    elif lag is None:
        out["timely"] = ("unknown", "No reporting lag given: ask the data owner how long after the period the "
                                    "numbers appear.")
    else:
        out["timely"] = ("ok", f"Published {years_text(lag)} after the period, within the review cycle of {cycle}."
                         if lag > 0 else "Published without delay.")

    # stable definition
    revised = as_int(row.get("definition_revised"))
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
    df = indicators if is_loaded_framework(indicators) else load_indicators(indicators)
    milestones = milestone_columns(df)
    records = []
    for row_number, row in df.iterrows():
        r = dict(row)
        r["row"] = int(row_number) if isinstance(row_number, (int, np.integer)) else row_number
        records.append({"row": r["row"], "label": indicator_label(r), "checks": _check_row(
            r, milestones, deadline=deadline, review_cycle=review_cycle), "data": r})
    return df, records


def _validate_settings(deadline: Any, review_cycle: Any) -> tuple[int, float]:
    d, c = as_int(deadline), as_number(review_cycle)
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
        entry = {"row": rec["row"], "id": rec["label"], "name": as_text(d.get("name")),
                 "level": as_text(d.get("level"))}
        entry.update({k: checks[k][0] for k in CHECK_KEYS})
        entry["flag_count"] = sum(1 for k in CHECK_KEYS if checks[k][0] == "flag")
        notes = [f"{CHECK_LABELS[k]}: {checks[k][1]}" for k in CHECK_KEYS if checks[k][0] != "ok"]
        entry["notes"] = " ".join(notes) if notes else "All checks passed."
        rows.append(entry)
    return pd.DataFrame(rows, columns=["row", "id", "name", "level", *CHECK_KEYS, "flag_count", "notes"])


def audit_details(indicators: Any, *, deadline: int | None = case.DEADLINE_YEAR,
                  review_cycle: float = REVIEW_CYCLE_YEARS) -> pd.DataFrame:
    """The audit in long form: one row per indicator and check (row, id, name, check, label, result, note)."""
    deadline, review_cycle = _validate_settings(deadline, review_cycle)
    _, records = _audit_rows(indicators, deadline, review_cycle)
    rows = []
    for rec in records:
        for check in CHECKS:
            result, note = rec["checks"][check.key]
            rows.append({"row": rec["row"], "id": rec["label"], "name": as_text(rec["data"].get("name")),
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
        row = {k: ("" if is_empty(d.get(k)) else d.get(k)) for k in DRAFT_FIELDS}
        row["id"] = f"D{i}"
        my, mv = row.pop("milestone_year"), row.pop("milestone")
        if not is_empty(mv) and is_empty(my):
            raise MissionkitInputError(f"Indicator {i} has a milestone value but no milestone year",
                                       fix="Give the year of the milestone, for example 2030")
        year = as_int(my) if not is_empty(my) else None
        if not is_empty(my) and (year is None or not 1950 <= year <= 2100 or str(my).strip() not in (str(year),
                                                                                                   f"{year}.0")):
            raise MissionkitInputError(f"Indicator {i}: the milestone year '{shorten(my, 20)}' is not a year",
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


def audit_draft(drafts: Any, *, deadline: int | None = case.DEADLINE_YEAR,
                review_cycle: float = REVIEW_CYCLE_YEARS) -> pd.DataFrame:
    """:func:`audit_details` for drafted indicators (see :func:`draft_table`)."""
    return audit_details(draft_table(drafts), deadline=deadline, review_cycle=review_cycle)
