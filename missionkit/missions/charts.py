"""Module 01 chart: real missions by target year, stacked by region."""
from __future__ import annotations

import altair as alt

from missionkit.charts import HEIGHT, PALETTE, WIDTH, ChartError, Figure, finish

MISSION_REGION_ORDER = ["Europe", "Asia", "Americas", "Africa", "Oceania", "Global"]


def _short_framework(name: str) -> str:
    """'Japan – Moonshot R&D Programme' -> 'Japan'; names without a dash stay whole."""
    return str(name).split(" – ")[0].split(" - ")[0].strip()


def missions_by_deadline(missions_df, kinds: tuple[str, ...] = ("mission",)) -> Figure:
    """Real missions by target year (deadline), stacked and coloured by region.

    Counts rows of the catalogue whose ``kind`` is in ``kinds`` (by default single
    missions: groups, milestones and organisational missions are left out) and
    that have a target year. The takeaway names the most common year and the
    furthest one, computed from the data.
    """

    from missionkit.errors import MissionkitInputError

    df = missions_df.copy()
    if isinstance(kinds, str):
        kinds = (kinds,)
    known = sorted(set(df["kind"].dropna()))
    unknown = [k for k in kinds if k not in known]
    if unknown:
        raise MissionkitInputError(
            f"{unknown[0]!r} is not a kind of row in the catalogue",
            fix="Use one or more of: " + ", ".join(repr(k) for k in known), column="kind")
    df = df[df["kind"].isin(kinds)]
    undated = int(df["deadline"].isna().sum())
    df = df[df["deadline"].notna()].copy()
    if df.empty:
        raise ChartError("No dated missions to chart: check the catalogue's 'deadline' and 'kind' columns.")
    df["year"] = df["deadline"].astype(int)
    df["framework"] = df["country_or_framework"].map(_short_framework)
    counts = (df.groupby(["year", "region"], as_index=False)
                .agg(missions=("mission_id", "size"),
                     frameworks=("framework", lambda s: ", ".join(sorted(set(s))))))
    totals = df.groupby("year", as_index=False).agg(missions=("mission_id", "size"))
    n = int(len(df))
    years = [str(y) for y in sorted(totals["year"])]
    counts["year"] = counts["year"].astype(str)
    totals["year"] = totals["year"].astype(str)
    regions = [r for r in MISSION_REGION_ORDER if r in set(counts["region"])] + sorted(
        set(counts["region"]) - set(MISSION_REGION_ORDER))
    colours = [PALETTE[MISSION_REGION_ORDER.index(r)] if r in MISSION_REGION_ORDER else PALETTE[-1]
               for r in regions]
    counts["stack"] = counts["region"].map({r: i for i, r in enumerate(regions)})

    # takeaway, from the data
    by_year = totals.set_index("year")["missions"]
    top_year, top_n = by_year.idxmax(), int(by_year.max())
    far = max(years, key=int)
    far_rows = df[df["year"] == int(far)]
    parts = far_rows.groupby("framework").size().sort_values(ascending=False)
    named = [f"{name} ({count})" for name, count in parts.items()]
    named_text = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    if top_n > n / 2:
        lead = f"Most of the {n} dated missions in the catalogue ({top_n}) aim at {top_year}"
    else:
        lead = (f"{top_year} is the most common target year ({top_n} of the {n} dated missions in the "
                f"catalogue)")
    takeaway = f"{lead}; the furthest look to {far}: {named_text}."
    if undated:
        takeaway += f" {undated} more have no single target year."

    x = alt.X("year:O", title="Target year", sort=years, axis=alt.Axis(labelAngle=0))
    bars = alt.Chart(counts).mark_bar().encode(
        x=x,
        y=alt.Y("missions:Q", title="Number of missions", stack="zero", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("region:N", title="Region", scale=alt.Scale(domain=regions, range=colours)),
        order=alt.Order("stack:Q", sort="ascending"),
        tooltip=[alt.Tooltip("year:O", title="Target year"), alt.Tooltip("region:N", title="Region"),
                 alt.Tooltip("missions:Q", title="Missions"), alt.Tooltip("frameworks:N", title="From")],
    )
    labels = alt.Chart(totals).mark_text(dy=-8, fontSize=13, color="#222222").encode(
        x=x, y=alt.Y("missions:Q"), text=alt.Text("missions:Q"))
    description = (f"Bar chart of {n} real missions by target year, stacked by region. "
                   + "; ".join(f"{y}: {int(by_year[y])}" for y in years) + ". " + takeaway)
    chart = finish(
        alt.layer(bars, labels).properties(width=WIDTH, height=HEIGHT),
        title="Real missions by target year",
        subtitle="Single missions with a stated target year, from the course catalogue",
        description=description,
    )
    return Figure(chart, takeaway)
