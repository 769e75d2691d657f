import altair as alt
import pandas as pd
import pytest

import missionkit
from missionkit import charts


def _chart():
    df = pd.DataFrame({"year": ["2030", "2035"], "n": [3, 1]})
    return charts.finish(alt.Chart(df).mark_bar().encode(x="year:O", y="n:Q"), title="Missions", description="Bars")


def test_stored_format_is_v5_spec_plus_svg_and_no_html():
    bundle = charts.mimebundle(_chart().to_dict())
    assert set(bundle) == {charts.VEGALITE_MIME, "image/svg+xml", "text/plain"}
    assert "v5" in bundle[charts.VEGALITE_MIME]["$schema"]
    assert bundle["image/svg+xml"].startswith("<svg")
    assert "text/html" not in bundle


def test_altair_default_renderer_is_ours():
    missionkit.setup()  # the setup cell of every notebook registers the renderer
    bundle = _chart()._repr_mimebundle_()
    if isinstance(bundle, tuple):
        bundle = bundle[0]
    assert "text/html" not in bundle and charts.VEGALITE_MIME in bundle


def test_svg_is_deterministic():
    spec = _chart().to_dict()
    assert charts.mimebundle(spec)["image/svg+xml"] == charts.mimebundle(spec)["image/svg+xml"]


def test_every_chart_needs_title_and_description():
    with pytest.raises(charts.ChartError):
        charts.finish(alt.Chart(pd.DataFrame({"a": [1]})).mark_point(), title="", description="x")


def test_theme_uses_colour_blind_safe_palette_and_readable_sizes():
    config = _chart().to_dict()["config"]
    assert config["range"]["category"][:3] == ["#0072B2", "#E69F00", "#009E73"]
    assert config["axis"]["labelFontSize"] >= 12


def test_figure_html_escapes_takeaway():
    fig = charts.Figure(_chart(), takeaway="<script>alert(1)</script>")
    out = fig.to_html()
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_case_charts_say_fictional_and_own_data_charts_do_not():
    """Every chart of the Marenta case says so in its title and its description (read aloud);
    the same chart of a participant's own table does not."""
    from missionkit import case
    from missionkit.readiness import charts as charts_readiness
    from missionkit.scanning import charts as charts_scanning

    policies, scores, donors = case.load("policies"), case.load("readiness"), case.load("donors")
    builders = [lambda d: charts_scanning.budget_by_owner(d), charts_scanning.objective_coverage_chart,
                charts_scanning.alignment_heatmap, charts_scanning.conflicts_chart, charts_scanning.instrument_mix]
    for build in builders:
        spec = build(policies).spec()
        assert spec["title"]["text"].endswith("(FICTIONAL)") and "(FICTIONAL)" in spec["description"]
        own = policies.copy()
        own.attrs = {}
        spec = build(own).spec()
        assert "FICTIONAL" not in spec["title"]["text"] + spec["description"]
    for fig in (charts_readiness.profile_chart(scores), charts_readiness.donor_heatmap(donors),
                charts_readiness.donor_money_chart(donors), charts_readiness.donor_money_chart()):
        spec = fig.spec()
        assert spec["title"]["text"].endswith("(FICTIONAL)") and "(FICTIONAL)" in spec["description"]


def test_static_picture_is_named_for_screen_readers():
    import re

    from missionkit import catalogue
    from missionkit.missions.charts import missions_by_deadline

    fig = missions_by_deadline(catalogue.missions())
    svg = charts.mimebundle(fig.spec())["image/svg+xml"]
    head = svg[: svg.index(">") + 1]
    assert 'role="img"' in head and 'aria-label="Bar chart of' in head
    assert re.search(r"<title>Bar chart of \d+ real missions", svg)
    assert svg.count('role="img"') == 1


def test_governance_charts_of_marenta_say_fictional():
    from missionkit.governance import charts as charts_governance
    from missionkit.governance import design as governance

    marenta = governance.marenta_design()
    for fig in (charts_governance.raci_heatmap(marenta), charts_governance.body_sizes_chart(marenta)):
        spec = fig.spec()
        assert "FICTIONAL" in spec["title"]["text"] and "(FICTIONAL)" in spec["description"]
    own = marenta.model_copy(update={"name": "Our mission governance"})
    assert "FICTIONAL" not in charts_governance.raci_heatmap(own).spec()["title"]["text"]


def test_takeaways_are_escaped_where_they_become_markdown():
    """Issue 17: a takeaway can quote an objective named in a teammate's file."""
    fig = charts.Figure(_chart(), "Most money goes to <img src=x onerror=alert(1)> and [click](http://x) *now*")
    md = fig.takeaway_markdown()
    assert "<img" not in md and "&lt;img" in md
    assert "[click](http" not in md and "\\[click\\]" in md and "\\*now\\*" in md
