"""Jupyter Book (MyST-NB) plugin: draw stored Vega-Lite v5 charts with vendored vega.

Registered in pyproject.toml under ``myst_nb.mime_renderers``. For each chart
output it writes a placeholder ``div`` holding the spec as JSON; the small
script ``assets/missionkit-charts.js`` (on every page) finds them and, only on
pages that have charts, loads vega from the book's own ``_static/vendor/vega``
and draws them. No CDN. Only the book build imports this module.
"""
from __future__ import annotations

import hashlib
import html
import json

from docutils import nodes

VEGA_MIME = "application/vnd.vegalite.v5+json"


class VegaLite5:
    # lower number = higher priority: above SVG (40) and HTML (30), which stay as fallbacks
    mime_priority_overrides = [("html", VEGA_MIME, 5)]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if inline or data.mime_type != VEGA_MIME:
            return None
        spec = data.content if isinstance(data.content, dict) else json.loads(data.content)
        text = json.dumps(spec, sort_keys=True)
        div = "vl-" + hashlib.sha1(text.encode()).hexdigest()[:12]  # stable across rebuilds
        title = spec.get("title")
        if isinstance(title, dict):
            title = title.get("text")
        label = spec.get("description") or title or "Chart"
        body = text.replace("</", "<\\/")
        raw = (
            f'<div class="missionkit-chart" id="{div}" role="img" aria-label="{html.escape(str(label))}">'
            f'<script type="application/json" class="missionkit-chart-spec">{body}</script></div>'
        )
        return [nodes.raw(text=raw, format="html", classes=["output", "text_html"])]
