"""Charts: one theme, one stored format, a takeaway beside every chart.

Every chart is an altair (v5) chart whose notebook output holds exactly:

* ``application/vnd.vegalite.v5+json``: the spec. JupyterLab 4 draws it with
  its own bundled vega, offline, even in an untrusted notebook; the book draws
  it with vendored vega (missionkit/authoring/book.py);
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

from missionkit.feedback import md_escape

VEGALITE_MIME = "application/vnd.vegalite.v5+json"
VL_CONVERT_VERSION = "5.20"  # matches altair 5.5's Vega-Lite 5.20.1

# Okabe & Ito (2008) colour-blind-safe palette, black first removed.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
STATUS_COLOURS = {"on track": "#009E73", "at risk": "#E69F00", "off track": "#D55E00", "no data": "#999999"}
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
WIDTH = 560
HEIGHT = 320


def _theme() -> alt.theme.ThemeConfig:
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


_REGISTERED = {"theme": False, "display": False}


def register_theme() -> None:
    """Enable the course's chart theme (idempotent; :func:`finish` calls it, so every chart has it)."""
    if not _REGISTERED["theme"]:
        alt.theme.register("missionkit", enable=True)(_theme)
        _REGISTERED["theme"] = True


def register() -> None:
    """Register the course's chart theme, the stored chart format and the readable table view.

    Called by :func:`missionkit.setup` (every notebook's setup cell); calling it again does nothing.
    """
    register_theme()
    if not _REGISTERED["display"]:
        alt.renderers.register("missionkit", _renderer)
        alt.renderers.enable("missionkit")
        from missionkit import table_view

        table_view.register()  # readable tables in notebooks (headers, percentages, no 8.7e-01)
        _REGISTERED["display"] = True


class ChartError(ValueError):
    """A chart built without a title or a description (a developer mistake)."""


def finish(chart: alt.TopLevelMixin, *, title: str, description: str, subtitle: str | None = None):
    """Give a chart the properties every chart here must have."""
    if not title or not description:
        raise ChartError("Every chart needs a title and a description for screen readers.")
    register_theme()
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
        display({"text/markdown": self.takeaway_markdown(), "text/plain": f"Takeaway: {self.takeaway}"}, raw=True)

    def takeaway_markdown(self) -> str:
        """The takeaway as Markdown, escaped: it may quote a participant's text (objective names from a
        teammate's file), which must never become HTML, a link or formatting."""
        return f"**Takeaway:** {md_escape(self.takeaway)}"

    def to_html(self) -> str:
        """Static HTML (inline SVG plus takeaway), for the exported brief and handouts."""
        spec = self.spec()
        return (
            f'<figure class="missionkit-figure" role="group" aria-label="{html.escape(spec.get("description", ""))}">'
            f"{_svg(spec)}<figcaption><strong>Takeaway:</strong> {html.escape(self.takeaway)}</figcaption></figure>"
        )
