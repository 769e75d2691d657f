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
            f'<div class="missionkit-chart" id="{div}" role="figure" tabindex="0" '
            f'aria-label="{html.escape(str(label))}">'
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
    Enabled in _config.yml: ``sphinx: extra_extensions: [missionkit.authoring.book]``.
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
    # Launch buttons (Binder, the cohort's JupyterHub): on when the course's public address is known.
    app.connect("config-inited", _configure_launch_buttons)
    app.connect("html-page-context", _hub_button_like_trainer_links, priority=510)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}


def _drop_thebe(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    def keep(asset: Any) -> bool:
        text = str(asset) + str(getattr(asset, "attributes", {}).get("body", ""))
        return "thebe" not in text.lower()

    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if keep(a)]
    if "body" in context and "text/x-thebe-config" in context["body"]:
        context["body"] = re.sub(r'<script type="text/x-thebe-config">.*?</script>', "", context["body"], flags=re.S)


# --------------------------------------------------------------------------- launch buttons
# See docs/decisions/0007-launch-buttons.md and book/cohort.md ("The book's launch buttons").

ENV_REPO = "MISSION_BOOTCAMP_REPO"      # the course's public git address
ENV_HUB = "MISSION_BOOTCAMP_HUB"        # the cohort's JupyterHub, if there is one
ENV_BRANCH = "MISSION_BOOTCAMP_BRANCH"  # default: main
ENV_BINDER = "MISSION_BOOTCAMP_BINDER"  # default: https://mybinder.org; "off" for none
DEFAULT_BINDER = "https://mybinder.org"
_HOSTS = ("github.com", "gitlab.com")   # the hosts Binder and the book theme both understand


def public_repository_url(address: str | None) -> str | None:
    """The https address a reader's browser can open for a git remote, or None.

    Accepts ``https://github.com/ORG/REPO(.git)`` and ``git@github.com:ORG/REPO(.git)`` (GitHub or
    GitLab). Drops any user name or token, so a credential in a remote never reaches a page.
    A local path, a ``file://`` address or another host gives None: the book then has no launch
    buttons rather than broken ones.
    """
    text = (address or "").strip()
    m = re.fullmatch(r"git@([\w.-]+):([\w.-]+)/([\w.-]+?)(?:\.git)?/?", text)
    if m is None:
        m = re.fullmatch(r"(?:https|ssh|git)://(?:[^@/]+@)?([\w.-]+)(?::\d+)?/([\w.-]+)/([\w.-]+?)(?:\.git)?/?", text)
    if m is None:
        return None
    host, org, repo = m.group(1).lower(), m.group(2), m.group(3)
    if host not in _HOSTS:
        return None
    return f"https://{host}/{org}/{repo}"


def _git_origin(root: str) -> str | None:
    import subprocess

    try:
        out = subprocess.run(["git", "-C", root, "remote", "get-url", "origin"], capture_output=True,
                             text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def launch_settings(environ: dict[str, str], origin: str | None) -> dict[str, Any] | None:
    """The theme options that turn the launch buttons on, or None when the course's address is unknown.

    The address comes from $MISSION_BOOTCAMP_REPO, else from the clone's ``origin`` remote.
    """
    from missionkit.errors import MissionkitInputError

    given = environ.get(ENV_REPO, "").strip()
    repo = public_repository_url(given or origin)
    if given and repo is None:
        raise MissionkitInputError(
            f"{ENV_REPO}={given!r} is not the public address of a GitHub or GitLab repository",
            fix=f"Use the address a browser opens, for example {ENV_REPO}=https://github.com/ORG/mission-bootcamp",
        )
    if repo is None:
        return None
    # Both addresses reach every page: checked as the trainer's links check a hub (no user name,
    # password or token; nothing that could break out of an HTML attribute; http or https only).
    from missionkit.authoring.cohort import check_hub_url

    buttons: dict[str, Any] = {"notebook_interface": "jupyterlab"}
    binder = environ.get(ENV_BINDER, DEFAULT_BINDER).strip()
    if binder.lower() not in ("", "off", "no", "false"):
        buttons["binderhub_url"] = check_hub_url(binder).rstrip("/")
    hub = environ.get(ENV_HUB, "").strip()
    if hub:
        buttons["jupyterhub_url"] = check_hub_url(hub).rstrip("/")
    if len(buttons) == 1:
        return None
    return {
        "repository_url": repo,
        "repository_branch": environ.get(ENV_BRANCH, "").strip() or "main",
        "path_to_docs": "",
        "launch_buttons": buttons,
    }


def _configure_launch_buttons(app: Any, config: Any) -> None:
    import os

    from sphinx.util import logging

    log = logging.getLogger(__name__)
    options = dict(config.html_theme_options or {})
    if options.get("repository_url"):
        return  # set by hand in _config.yml: that wins
    from sphinx.errors import ConfigError

    from missionkit.errors import MissionkitInputError

    try:
        settings = launch_settings(dict(os.environ), _git_origin(app.srcdir))
    except MissionkitInputError as exc:
        raise ConfigError(str(exc)) from None
    if settings is None:
        log.info("[missionkit] no launch buttons: the course's public address is unknown "
                 f"(set {ENV_REPO}=https://github.com/ORG/REPO, see book/cohort.md)")
        options.pop("launch_buttons", None)
    else:
        log.info(f"[missionkit] launch buttons for {settings['repository_url']}: "
                 + ", ".join(k for k in settings["launch_buttons"] if k.endswith("_url")))
        options.update(settings)
    config.html_theme_options = options


def _hub_button_like_trainer_links(app: Any, pagename: str, templatename: str, context: dict,
                                   doctree: Any) -> None:
    """Make the JupyterHub button's link the very link a trainer hands out (missionkit.authoring.cohort).

    The theme's own link names the course folder after the repository; the trainer's links pull
    into ``~/mission-bootcamp`` whatever the repository is called, so a participant's workbook is
    in one place however they arrived.
    """
    options = app.config.html_theme_options or {}
    hub = (options.get("launch_buttons") or {}).get("jupyterhub_url")
    if not hub:
        return
    from missionkit.authoring.cohort import nbgitpuller_link

    source = context.get("sourcename", "") or ""
    suffix = ".ipynb" if ".ipynb" in source or ".ipynb" in str(context.get("page_source_suffix", "")) else None
    if suffix is None:
        return
    for group in context.get("header_buttons", []):
        for button in group.get("buttons", []) if isinstance(group, dict) else []:
            if button.get("text") == "JupyterHub":
                button["url"] = nbgitpuller_link(hub, options["repository_url"],
                                                 options.get("repository_branch", "main"),
                                                 f"{pagename}{suffix}")
