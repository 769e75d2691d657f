"""Module 07: mission diagnostics, surveys and focus groups.

Domain logic only (no display code, never prints). It works on a diagnostic
survey (one row per respondent, one column per agree/disagree item scored 1 to
5), its item list (item, readiness dimension R1-R8, wording) and focus-group
statements, such as the FICTIONAL Marenta case's D5 (``case.load("survey")``,
``"survey_items"``, ``"focus_groups"``), or a participant's own files
(:func:`~missionkit.diagnostics.load.read_items`,
:func:`~missionkit.diagnostics.load.read_survey`). It holds:

* summaries by item and by readiness dimension: medians, agreement shares and
  their Wilson intervals, and the share of each answer for diverging bars;
* the same by respondent group, with groups under 10 respondents flagged as too
  small to read alone;
* findings computed from the data, and what each item and dimension shows
  (:func:`notable`), for the checks that a steering recommendation cites them
  and reads them the right way round. An item or dimension is judged on the
  balance of the shares who agree and disagree (:func:`lean`), never on its
  median alone: a median of 3 does not mean people are neutral.

The theme coder for focus-group notes is in :mod:`missionkit.diagnostics.themes`,
the exercise checks in :mod:`missionkit.diagnostics.checks`.

The readiness dimensions are the course's scorecard (OUR PROPOSAL, brief 6.5).
Sources are keys of ``missionkit/data/references.csv``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from missionkit import case
from missionkit.diagnostics.load import GROUP_COLUMNS, check_items, check_survey, group_column
from missionkit.errors import MissionkitInputError
from missionkit.text import and_list, pct

SMALL_N = 10  # a group with fewer respondents is too small to read alone
AGREE = (4, 5)
DISAGREE = (1, 2)
DIMENSIONS: dict[str, str] = dict(case.READINESS_DIMENSIONS)
LEVEL_LABELS = {1: "strongly disagree", 2: "disagree", 3: "neither", 4: "agree", 5: "strongly agree"}
GROUP_NAMES = {"org_type": "kind of organisation", "role": "role", "city": "city"}
# When does an item (or a dimension) lean clearly one way? OUR PROPOSAL, the course's rule of thumb, not a
# statistical standard. It reads the shares who agree (4 or 5) and disagree (1 or 2), never the median alone:
# a median of 3 can hide a large block who disagree (Q27: 10% agree, 49% disagree). A lean is clear when the
# larger share is at least LEAN_MIN_SHARE and at least LEAN_RATIO times the other, or when the two shares differ
# by at least LEAN_GAP (25 percentage points). Otherwise opinion is divided or undecided: no clear pattern.
LEAN_MIN_SHARE = 0.40
LEAN_RATIO = 2.0
LEAN_GAP = 0.25


def lean(agree: float, disagree: float) -> str:
    """Which way an item or dimension leans: ``"agree"``, ``"disagree"`` or ``"no clear pattern"``.

    Judged on the balance of the shares who agree and who disagree (rule: OUR
    PROPOSAL, see :data:`LEAN_MIN_SHARE`, :data:`LEAN_RATIO`, :data:`LEAN_GAP`),
    never on the median alone.
    """
    a = 0.0 if agree is None or math.isnan(agree) else float(agree)
    d = 0.0 if disagree is None or math.isnan(disagree) else float(disagree)
    hi, lo = max(a, d), min(a, d)
    if (hi >= LEAN_MIN_SHARE and hi >= LEAN_RATIO * lo) or hi - lo >= LEAN_GAP - 1e-9:
        return "agree" if a > d else "disagree"
    return "no clear pattern"


_LEAN_RULE = (f"the course counts a lean as clear when one side has at least {100 * LEAN_MIN_SHARE:.0f}% and twice "
              f"the other, or leads by {100 * LEAN_GAP:.0f} points")


# --------------------------------------------------------------------------- uncertainty
def _z(confidence: float) -> float:
    from statistics import NormalDist

    if not 0 < confidence < 1:
        raise MissionkitInputError(f"A confidence level of {confidence!r} is impossible",
                                   fix="Give a share between 0 and 1, for example 0.95.")
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def wilson_interval(k: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """The Wilson score interval for a share of ``k`` out of ``n`` (default 95%).

    Unlike "share plus or minus 2 standard errors", it stays between 0 and 1
    and behaves sensibly for small groups and shares near 0% or 100%
    (Wilson, 1927). With ``n == 0`` it is (0, 1): nothing is known.
    """
    if n <= 0:
        return (0.0, 1.0)
    if k < 0 or k > n:
        raise MissionkitInputError(f"A share of {k} out of {n} is impossible", fix="Check the counts.")
    lo, hi = _wilson(np.array([k], dtype=float), np.array([n], dtype=float), _z(confidence))
    return (float(lo[0]), float(hi[0]))


def _wilson(k: np.ndarray, n: np.ndarray, z: float) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised Wilson interval; (0, 1) where n is 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(n > 0, k / n, 0.0)
        denom = 1 + z * z / n
        centre = (p + z * z / (2 * n)) / denom
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
        lo = np.where((n > 0) & (k > 0), np.clip(centre - half, 0, 1), 0.0)
        hi = np.where((n > 0) & (k < n), np.clip(centre + half, 0, 1), 1.0)
    return lo, hi


Z95 = _z(0.95)


# --------------------------------------------------------------------------- item and dimension summaries
def items_by_dimension(items: Any = None) -> pd.DataFrame:
    """How many items inform each readiness dimension, and which."""
    items = case.load("survey_items") if items is None else check_items(items)
    rows = []
    for dim, part in items.groupby("dimension", sort=True):
        rows.append({"dimension": dim, "name": DIMENSIONS.get(dim, dim), "items": len(part),
                     "item codes": ", ".join(part["item"])})
    return pd.DataFrame(rows)


def _long(survey: pd.DataFrame, items: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    ids = ["respondent_id"] + ([by] if by and by != "respondent_id" else [])
    if "respondent_id" not in survey.columns:
        survey = survey.assign(respondent_id=[f"R{i:03d}" for i in range(1, len(survey) + 1)])
    long = survey.melt(id_vars=ids, value_vars=list(items["item"]), var_name="item", value_name="answer")
    long = long.dropna(subset=["answer"])
    long["answer"] = long["answer"].astype(int)
    return long.merge(items, on="item", how="left")


def answer_shares(survey: Any, items: Any = None) -> pd.DataFrame:
    """One row per item and answer (1 to 5): count and share of those who answered the item."""
    sv, it = check_survey(survey, items)
    long = _long(sv, it)
    counts = long.groupby(["item", "answer"]).size().unstack(fill_value=0).reindex(columns=range(1, 6), fill_value=0)
    counts = counts.reindex(it["item"])
    rows = []
    for item, row in counts.iterrows():
        n = int(row.sum())
        for level in range(1, 6):
            rows.append({"item": item, "answer": level, "label": LEVEL_LABELS[level], "count": int(row[level]),
                         "share": row[level] / n if n else float("nan"), "n": n})
    return pd.DataFrame(rows).merge(it, on="item", how="left")


def _summarise(long: pd.DataFrame, keys: list[str], value: str = "answer", agree_at: float = 4,
               disagree_at: float = 2) -> pd.DataFrame:
    """n, median, agreement and disagreement shares and the Wilson interval, per group of ``keys``."""
    g = long.assign(_agree=long[value] >= agree_at, _dis=long[value] <= disagree_at).groupby(keys, sort=False)
    out = g.agg(n=(value, "size"), median=(value, "median"), k=("_agree", "sum"), d=("_dis", "sum")).reset_index()
    n = out["n"].to_numpy(dtype=float)
    lo, hi = _wilson(out["k"].to_numpy(dtype=float), n, Z95)
    out["agree"] = out["k"] / out["n"]
    out["agree_low"], out["agree_high"] = lo, hi
    out["disagree"] = out["d"] / out["n"]
    out["small"] = out["n"] < SMALL_N
    out["median"] = out["median"].astype(float)
    return out.drop(columns=["k", "d"])


def _item_summary(sv: pd.DataFrame, it: pd.DataFrame, by: str | None) -> pd.DataFrame:
    long = _long(sv, it, by)
    keys = ([by] if by else []) + ["item"]
    out = _summarise(long, keys).merge(it, on="item", how="left")
    order = {item: i for i, item in enumerate(it["item"])}
    out = out.assign(_o=out["item"].map(order)).sort_values(([by] if by else []) + ["_o"]).drop(columns="_o")
    cols = ([by] if by else []) + ["item", "dimension", "wording", "n", "median", "agree", "agree_low",
                                     "agree_high", "disagree", "small"]
    return out[cols].reset_index(drop=True)


def item_summary(survey: Any, items: Any = None, by: str | None = None) -> pd.DataFrame:
    """Per item (and per group of ``by``): n, median, agreement share (4 or 5) with its 95% Wilson
    interval, disagreement share (1 or 2), and ``small`` (fewer than 10 answers)."""
    sv, it = check_survey(survey, items)
    return _item_summary(sv, it, group_column(sv, by))


def _dimension_scores(sv: pd.DataFrame, it: pd.DataFrame) -> pd.DataFrame:
    long = _long(sv, it)
    scores = long.groupby(["respondent_id", "dimension"])["answer"].mean().unstack()
    return scores.reindex(columns=sorted(scores.columns))


def dimension_scores(survey: Any, items: Any = None) -> pd.DataFrame:
    """Each respondent's score on each dimension: the mean of the items they answered in it."""
    return _dimension_scores(*check_survey(survey, items))


def _dimension_summary(sv: pd.DataFrame, it: pd.DataFrame, by: str | None) -> pd.DataFrame:
    scores = _dimension_scores(sv, it)
    long = scores.stack().rename("score").reset_index()
    if by is not None:
        long = long.merge(sv[["respondent_id", by]], on="respondent_id", how="left")
    keys = ([by] if by else []) + ["dimension"]
    out = _summarise(long, keys, "score", agree_at=3.5, disagree_at=2.5).rename(columns={"median": "median score"})
    out["median score"] = out["median score"].round(2)
    out.insert(len(keys), "name", out["dimension"].map(lambda d: DIMENSIONS.get(d, d)))
    return out.sort_values(keys).reset_index(drop=True)


def dimension_summary(survey: Any, items: Any = None, by: str | None = None) -> pd.DataFrame:
    """Per readiness dimension (and group): respondents, median score, and the share of respondents who
    agree on average (score 3.5 or more) with its 95% Wilson interval, or disagree (2.5 or less).

    Respondents, not answers, are counted: the items of one dimension come from
    the same people, so pooling their answers would overstate the sample.
    """
    sv, it = check_survey(survey, items)
    return _dimension_summary(sv, it, group_column(sv, by))


def group_sizes(survey: Any, by: str = "org_type", *, flag_small: bool = True) -> pd.DataFrame:
    """Respondents per group, with the groups under 10 flagged as too small to read alone.

    ``flag_small=False`` gives the counts only: an exercise that asks which groups are too small
    should not print the answer beside the question."""
    if not isinstance(survey, pd.DataFrame):
        raise MissionkitInputError(f"The survey should be a table, not {type(survey).__name__}",
                                   fix='Load it first, for example survey = case.load("survey").')
    by = group_column(survey, by)
    counts = survey[by].fillna("(blank)").value_counts()
    rows = [{by: g, "respondents": int(n), "small": int(n) < SMALL_N,
             "how to read it": (f"too small to read alone (fewer than {SMALL_N}): report it only with other "
                                "evidence, such as a focus group" if int(n) < SMALL_N else "can be read on its own, "
                                "with its interval")}
            for g, n in counts.items()]
    table = pd.DataFrame(rows).sort_values(["respondents", by], ascending=[False, True]).reset_index(drop=True)
    return table if flag_small else table.drop(columns=["small", "how to read it"])


def agreement_by(survey: Any, what: str, by: str, items: Any = None) -> pd.DataFrame:
    """Agreement with one item (``"Q07"``) or one dimension (``"R5"``) in each group of ``by``:
    n, agreement share, 95% Wilson interval and the small-group flag."""
    sv, it = check_survey(survey, items)
    by = group_column(sv, by)
    key = str(what).strip().upper()
    if key in set(it["item"].str.upper()):
        item = it.loc[it["item"].str.upper() == key, "item"].iloc[0]
        table = _item_summary(sv, it, by)
        table = table[table["item"] == item].drop(columns=["dimension", "wording", "item"])
    elif key in set(it["dimension"].str.upper()):
        table = _dimension_summary(sv, it, by)
        table = table[table["dimension"].str.upper() == key].drop(columns=["dimension", "name"])
    else:
        raise MissionkitInputError(
            f"'{what}' is neither an item nor a dimension of this survey",
            fix="Give an item code such as 'Q07' or a dimension such as 'R5'.")
    return table.sort_values("agree", ascending=False).reset_index(drop=True)


# --------------------------------------------------------------------------- findings
@dataclass(frozen=True)
class Finding:
    key: str
    what: str
    evidence: tuple[str, ...]
    figures: str


def _span(codes: list[str]) -> str:
    """'Q01, Q02, Q03' -> 'Q01–Q03' when consecutive."""
    nums = [int(c[1:]) for c in codes]
    if len(nums) > 2 and nums == list(range(nums[0], nums[0] + len(nums))):
        return f"{codes[0]}\u2013{codes[-1]}"
    return and_list(codes)


def survey_findings(survey: Any, items: Any = None, by_city: str = "city") -> pd.DataFrame:
    """What the survey says, computed from the data (rules: OUR PROPOSAL):

    * strong agreement: items with a median of 4 or more;
    * the weakest dimension (highest share of respondents who disagree on
      average) and its items;
    * items most disagreed with (median 2 or less and at least 75% disagree);
    * splits: items where a majority agrees in some cities, clearly more than
      overall (the city's interval lies above the overall share), though not
      overall;
    * groups under 10 respondents, too small to read alone.
    """
    sv, it = check_survey(survey, items)
    items_sum = _item_summary(sv, it, None)
    dims = _dimension_summary(sv, it, None)
    rows: list[Finding] = []
    high = items_sum[items_sum["median"] >= 4]
    if len(high):
        codes = list(high["item"])
        rows.append(Finding("strong agreement", "Respondents agree strongly: " + "; ".join(
            f"{r.item} \u201c{r.wording}\u201d" for r in high.itertuples()),
            tuple(codes), f"{_span(codes)}: median {high['median'].min():g}, agreement "
                          f"{pct(high['agree'].min())} to {pct(high['agree'].max())}"))
    weakest = dims.sort_values("disagree", ascending=False).iloc[0]
    part = items_sum[items_sum["dimension"] == weakest["dimension"]]
    rows.append(Finding("weakest dimension", f"The weakest dimension is {weakest['dimension']} "
                        f"{weakest['name']}: {pct(weakest['disagree'])} of respondents disagree on average",
                        (weakest["dimension"], *part["item"]),
                        f"median score {weakest['median score']:g}; items " + ", ".join(
                            f"{r.item} median {r.median:g}" for r in part.itertuples())))
    low = items_sum[(items_sum["median"] <= 2) & (items_sum["disagree"] >= 0.75)].sort_values("item")
    if len(low):
        codes = list(low["item"])
        rows.append(Finding("most disagreed", "Most respondents disagree: " + "; ".join(
            f"{r.item} \u201c{r.wording}\u201d" for r in low.itertuples()), tuple(codes),
            ", ".join(f"{r.item} {pct(r.disagree)} disagree" for r in low.itertuples())))
    if by_city in sv.columns:
        per_city = _item_summary(sv, it, by_city)
        for item, part in per_city.groupby("item", sort=True):
            overall = float(items_sum.loc[items_sum["item"] == item, "agree"].iloc[0])
            majority = part[(part["agree"] > 0.5) & ~part["small"] & (part["agree_low"] > overall)]
            if overall < 0.5 and len(majority):
                rows.append(Finding(
                    "split by city", f"{item} \u201c{it.loc[it['item'] == item, 'wording'].iloc[0]}\u201d: a "
                    f"majority agrees in {and_list(list(majority[by_city]))}, but only {pct(overall)} overall",
                    (item,), "; ".join(f"{r[by_city]} {pct(r['agree'])} (n = {r['n']}, interval "
                                       f"{pct(r['agree_low'])}\u2013{pct(r['agree_high'])})"
                                       for _, r in part.sort_values("agree", ascending=False).iterrows())))
    for by in [c for c in GROUP_COLUMNS if c in sv.columns]:
        sizes = group_sizes(sv, by)
        small = sizes[sizes["small"]]
        if len(small):
            rows.append(Finding(
                "small groups", f"Too small to read alone ({GROUP_NAMES[by]}): "
                + and_list([f"{g} (n = {n})" for g, n in zip(small[by], small["respondents"], strict=False)]), (),
                f"fewer than {SMALL_N} respondents each"))
    return pd.DataFrame([{"finding": f.key, "what": f.what, "evidence": ", ".join(f.evidence), "figures": f.figures}
                         for f in rows])


# --------------------------------------------------------------------------- what each item and dimension shows
@dataclass(frozen=True)
class Evidence:
    """What one survey item or dimension of the case shows, for checking a recommendation that cites it."""
    code: str
    lean: str  # "agree", "disagree" or "no clear pattern" (see lean())
    agree: float
    disagree: float
    about: str  # the item's wording or the dimension's name
    split_cities: tuple[str, ...] = ()  # cities where a majority agrees though not overall

    @property
    def notable(self) -> bool:
        return self.lean != "no clear pattern" or bool(self.split_cities)

    def shares(self, average: bool = False) -> str:
        tail = " on average" if average else ""
        a, d = f"{pct(self.agree)} agree", f"{pct(self.disagree)} disagree"
        return (f"{d}{tail}, {a}" if self.disagree > self.agree else f"{a}{tail}, {d}")

    def note(self) -> str:
        dim = self.code.startswith("R")
        if self.split_cities:
            return (f"{self.code} ({self.shares()} overall; a majority agrees in {and_list(list(self.split_cities))})")
        if self.notable:
            return f"{self.code} ({self.shares(dim)})"
        return (f"{self.code} shows no clear pattern ({self.shares(dim)}): opinion is divided or undecided, and "
                f"{_LEAN_RULE}.")


def notable(survey: pd.DataFrame, items: pd.DataFrame) -> tuple[dict, dict]:
    """What each item and dimension shows, judged on the agree/disagree balance (:func:`lean`), with the
    items where a majority agrees in some cities though not overall."""
    s = _item_summary(survey, items, None).set_index("item")
    d = _dimension_summary(survey, items, None).set_index("dimension")
    split: dict[str, tuple[str, ...]] = {}
    if "city" in survey.columns:
        per_city = _item_summary(survey, items, "city")
        for item, part in per_city.groupby("item"):
            overall = s.loc[item, "agree"]
            majority = part[(part["agree"] > 0.5) & ~part["small"] & (part["agree_low"] > overall)]
            if overall < 0.5 and len(majority):
                split[item] = tuple(sorted(majority["city"]))
    item_note = {item: Evidence(item, lean(r["agree"], r["disagree"]), float(r["agree"]), float(r["disagree"]),
                                str(r["wording"]), split.get(item, ()))
                 for item, r in s.iterrows()}
    dim_note = {dim: Evidence(dim, lean(r["agree"], r["disagree"]), float(r["agree"]), float(r["disagree"]),
                              str(r["name"]))
                for dim, r in d.iterrows()}
    return item_note, dim_note
