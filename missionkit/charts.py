"""Charts: one theme, one stored format, a takeaway beside every chart.

Every chart is an altair (v5) chart whose notebook output holds exactly:

* ``application/vnd.vegalite.v5+json``: the spec. JupyterLab 4 draws it with
  its own bundled vega, offline, even in an untrusted notebook; the book draws
  it with vendored vega (missionkit/_book.py);
* ``image/svg+xml``: a static picture made by vl-convert, for nbval, print,
  slides and any place without JavaScript;
* ``text/plain``: the chart's description, for screen readers and terminals.

No ``text/html``: JupyterLab would prefer it and strip its scripts until the
notebook is trusted, so the chart would be blank on open
(docs/decisions/0001-charts-offline.md).

Builders return a :class:`Figure`: the chart plus a one-sentence takeaway
computed from the data, shown together.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

import altair as alt

VEGALITE_MIME = "application/vnd.vegalite.v5+json"
VL_CONVERT_VERSION = "5.20"  # matches altair 5.5's Vega-Lite 5.20.1

# Okabe & Ito (2008) colour-blind-safe palette, black first removed.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
STATUS_COLOURS = {"on track": "#009E73", "at risk": "#E69F00", "off track": "#D55E00", "no data": "#999999"}
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
WIDTH = 560
HEIGHT = 320


def _theme() -> dict:
    return {
        "config": {
            "background": "white",
            "font": FONT,
            "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "range": {"category": PALETTE},
            "title": {"fontSize": 16, "anchor": "start", "subtitleFontSize": 13, "subtitleColor": "#333333"},
            "axis": {"labelFontSize": 13, "titleFontSize": 13, "labelColor": "#222222", "titleColor": "#222222",
                     "labelLimit": 260},
            "legend": {"labelFontSize": 13, "titleFontSize": 13, "labelLimit": 260},
            "header": {"labelFontSize": 13, "titleFontSize": 13},
            "text": {"fontSize": 12},
        }
    }


def _svg(spec: dict) -> str:
    """The static picture, named for screen readers: ``role="img"``, an ``aria-label`` and a
    ``<title>`` carrying the chart's description (slides, print and the exported brief use it)."""
    import vl_convert as vlc

    svg = vlc.vegalite_to_svg(spec, vl_version=VL_CONVERT_VERSION)
    label = html.escape(str(spec.get("description") or _title_text(spec) or "Chart"), quote=True)
    head_end = svg.find(">", svg.find("<svg"))
    if svg.startswith("<svg") and head_end > 0 and 'role="img"' not in svg[:head_end]:
        svg = (svg[:4] + f' role="img" aria-label="{label}"' + svg[4:head_end + 1]
               + f"<title>{label}</title>" + svg[head_end + 1:])
    return svg


def _title_text(spec: dict) -> str:
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    return " ".join(title) if isinstance(title, list) else str(title or "")


def fictional_suffix(data: object) -> str:
    """" (FICTIONAL)" for a chart of the Marenta case, "" for a participant's own data.

    Case tables carry ``attrs["fictional"]`` (set by ``missionkit.case.load``); case objects
    carry ``is_case`` (a portfolio) or say "fictional" in their ``name`` (a governance design).
    """
    attrs = getattr(data, "attrs", None)
    if isinstance(attrs, dict) and attrs.get("fictional"):
        return " (FICTIONAL)"
    if getattr(data, "is_case", False) is True or getattr(data, "fictional", False) is True:
        return " (FICTIONAL)"
    name = getattr(data, "name", None)
    if isinstance(name, str) and "fictional" in name.lower():  # e.g. governance.marenta_design()
        return " (FICTIONAL)"
    return ""


def mimebundle(spec: dict) -> dict:
    """The stored format for one chart (see the module docstring)."""
    description = spec.get("description") or "Chart"
    return {
        VEGALITE_MIME: spec,
        "image/svg+xml": _svg(spec),
        "text/plain": f"Chart: {description}",
    }


def _renderer(spec: dict, **_metadata) -> dict:
    return mimebundle(spec)


def _register() -> None:
    alt.theme.register("missionkit", enable=True)(_theme)
    alt.renderers.register("missionkit", _renderer)
    alt.renderers.enable("missionkit")
    from missionkit import charts_tables

    charts_tables.register()  # readable tables in notebooks (headers, percentages, no 8.7e-01)


_register()


class ChartError(ValueError):
    """A chart built without a title or a description (a developer mistake)."""


def finish(chart: alt.TopLevelMixin, *, title: str, description: str, subtitle: str | None = None):
    """Give a chart the properties every chart here must have."""
    if not title or not description:
        raise ChartError("Every chart needs a title and a description for screen readers.")
    t = alt.Title(title, subtitle=subtitle) if subtitle else title
    return chart.properties(title=t, description=description)


@dataclass
class Figure:
    """A chart and its takeaway: one sentence computed from the data."""

    chart: alt.TopLevelMixin
    takeaway: str

    def spec(self) -> dict:
        return self.chart.to_dict()

    def _ipython_display_(self) -> None:  # pragma: no cover - exercised in notebooks
        from IPython.display import display

        display(mimebundle(self.spec()), raw=True)
        display({"text/markdown": f"**Takeaway:** {self.takeaway}", "text/plain": f"Takeaway: {self.takeaway}"},
                raw=True)

    def to_html(self) -> str:
        """Static HTML (inline SVG plus takeaway), for the exported brief and handouts."""
        spec = self.spec()
        return (
            f'<figure class="missionkit-figure" role="group" aria-label="{html.escape(spec.get("description", ""))}">'
            f"{_svg(spec)}<figcaption><strong>Takeaway:</strong> {html.escape(self.takeaway)}</figcaption></figure>"
        )


# --------------------------------------------------------------------------- module 01: missions by target year
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
    import pandas as pd

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
