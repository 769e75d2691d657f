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
import re
from typing import Any

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
            # role=figure (not img): a chart may hold controls (a drop-down, a legend to click);
            # tabindex=0: a chart wider than the page scrolls, and keyboard users must reach it
            f'<div class="missionkit-chart" id="{div}" role="figure" tabindex="0" aria-label="{html.escape(str(label))}">'
            f'<script type="application/json" class="missionkit-chart-spec">{body}</script></div>'
        )
        return [nodes.raw(text=raw, format="html", classes=["output", "text_html"])]


_HTML_ANCHOR = re.compile(r'<a\s+id="([A-Za-z0-9_:.-]+)"\s*/?>')


def setup(app: Any) -> dict[str, Any]:
    """Sphinx/Jupyter Book extension: let MyST resolve links to ``<a id="...">`` anchors.

    MyST resolves ``[text](page.md#id)`` only against heading slugs and warns
    for any other id. This registers every raw-HTML anchor of a page as a slug
    of that page, so links to reference keys, glossary terms and
    ``#unconfirmed`` resolve; links to anchors that do not exist still warn.
    Enabled in _config.yml: ``sphinx: extra_extensions: [missionkit._book]``.
    """
    from docutils import nodes
    from docutils.transforms import Transform

    class RegisterHtmlAnchors(Transform):
        default_priority = 870  # before MyST's ResolveAnchorIds (879)

        def apply(self, **kwargs: Any) -> None:
            found = {}
            for node in self.document.findall(nodes.raw):
                if "html" not in node.get("format", "").split():
                    continue
                for anchor in _HTML_ANCHOR.findall(node.astext()):
                    found[anchor] = (node.line or 0, anchor, anchor)
            if not found:
                return
            slugs = getattr(self.document, "myst_slugs", None)
            if slugs is None:
                slugs = {}
                self.document.myst_slugs = slugs
            for anchor, value in found.items():
                slugs.setdefault(anchor, value)
            env = getattr(self.document.settings, "env", None)
            if env is not None:
                meta = env.metadata[env.docname]
                merged = dict(meta.get("myst_slugs", {}))
                for anchor, value in found.items():
                    merged.setdefault(anchor, value)
                meta["myst_slugs"] = merged

    app.add_transform(RegisterHtmlAnchors)
    # Jupyter Book always adds sphinx-thebe (live code from a Binder, loaded from a CDN): twice,
    # which throws a JavaScript error. The course has no live-code button; drop its files.
    app.connect("html-page-context", _drop_thebe, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}


if __name__ == "__main__":  # pragma: no cover - exercised through main()
    raise SystemExit(main())


def _drop_thebe(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    def keep(asset: Any) -> bool:
        text = str(asset) + str(getattr(asset, "attributes", {}).get("body", ""))
        return "thebe" not in text.lower()

    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if keep(a)]
    if "body" in context and "text/x-thebe-config" in context["body"]:
        context["body"] = re.sub(r'<script type="text/x-thebe-config">.*?</script>', "", context["body"], flags=re.S)
