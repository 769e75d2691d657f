"""Write offline reveal.js slides from the lesson notebooks into _build/slides/.

    python tools/make_slides.py [NAME-FRAGMENT ...]     write the decks
    python tools/make_slides.py --tag [NAME-FRAGMENT ...]
                                                         write slide metadata into the lesson notebooks
                                                         (for live slides in JupyterLab with RISE)
    python tools/make_slides.py --count                 print each lesson's slide count

Uses the stored outputs (charts show as their stored SVG, with the chart's
description as alt text), the vendored reveal.js, jQuery and require.js (no
CDN), skips the setup cell and import-only cells, keeps trainer notes in the
speaker view only (press S in a deck; they sit on the title slide), and starts
a new slide at every H1 or H2 that has no slide metadata of its own.
``slide_count`` counts slides the same way, for the trainer guide's timing test.
"""
from __future__ import annotations

import base64
import copy
import re
import shutil
import sys
from pathlib import Path

from nbconvert import SlidesExporter
from traitlets.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent))
import nbtools  # noqa: E402

OUT = nbtools.ROOT / "_build" / "slides"
VENDOR = nbtools.ROOT / "assets" / "vendor"
EXTERNAL = re.compile(r'<(?:script|link)[^>]+(?:src|href)="(https?:)?//[^"]+"[^>]*>(?:\s*</script>)?')
MODULE_IMPORT = re.compile(r'<script type="module">\s*import [^<]*https?://[^<]*</script>')
BOOK_LINK = re.compile(r'href="\.\./book/([\w-]+)\.md')
HEADING = re.compile(r"#{1,2} ")
SVG_IMG = re.compile(r'<img alt="No description has been provided for this image" src="data:image/svg\+xml;base64,'
                     r'([A-Za-z0-9+/=]+)"')
VEGALITE = "application/vnd.vegalite.v5+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
SCREENS = ("slide", "subslide")  # what counts as one slide on the screen
# The lessons use no maths. nbconvert's reveal template still calls MathJax on every slide
# change; this stand-in answers those calls, so nothing is fetched and nothing throws.
# A chart fits on its slide; long tables scroll (reveal_scroll).
DECK_CSS = ("<style>.reveal img.missionkit-chart { max-height: 560px; max-width: 100%; width: auto; height: auto; }"
            "</style>\n</head>")
# nbconvert's reveal template loads jQuery (it sizes scrolling slides with it). jQuery before
# 3.5.0 has known cross-site-scripting flaws (CVE-2020-11022, CVE-2020-11023, CVE-2019-11358);
# the vendored copy must be newer (tools/vendor_js.sh pins it).
JQUERY_AT_LEAST = (3, 5, 0)
JQUERY_BANNER = re.compile(r"/\*! jQuery v(\d+)\.(\d+)\.(\d+)")
NO_MATHJAX = ("// Mission Bootcamp slides use no maths: a stand-in for MathJax, so nothing is fetched.\n"
              "window.MathJax = {Hub: {getAllJax: function () { return null; }, Rerender: function () {},\n"
              "  Config: function () {}, Queue: function () {}}};\n")


def is_setup(cell) -> bool:
    """The setup cell (code tagged remove-input with no output) or a cell of imports only."""
    if cell.cell_type != "code":
        return False
    if "remove-input" in cell.metadata.get("tags", []) and not cell.get("outputs"):
        return True
    lines = [ln.strip() for ln in cell.source.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    return bool(lines) and all(re.match(r"(import|from)\s+\S+", ln) for ln in lines)


def slide_type(cell) -> str:
    """The slide type make_slides gives a cell: its own metadata first, then the course's conventions."""
    own = cell.metadata.get("slideshow", {}).get("slide_type")
    if own:
        return own
    tags = set(cell.metadata.get("tags", []))
    if "trainer-notes" in tags:
        return "notes"
    if "remove-cell" in tags or is_setup(cell):
        return "skip"
    if cell.cell_type == "markdown" and HEADING.match(cell.source.lstrip()):
        return "slide"
    return "-"


def _chart_alt(out) -> str | None:
    spec = out.get("data", {}).get(VEGALITE)
    if isinstance(spec, dict) and spec.get("description"):
        return str(spec["description"])
    text = out.get("data", {}).get("text/plain")
    text = "".join(text) if isinstance(text, list) else text
    return text.removeprefix("Chart: ").strip() if text and text.startswith("Chart: ") else None


def chart_alts(nb) -> dict[str, str]:
    """Base64 of each stored chart SVG (as nbconvert embeds it) -> the chart's description."""
    alts = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            svg = out.get("data", {}).get("image/svg+xml")
            if svg:
                svg = "".join(svg) if isinstance(svg, list) else svg
                alts[base64.b64encode(svg.encode("utf-8")).decode("ascii")] = _chart_alt(out) or "Chart"
    return alts


def prepare(nb):
    """Give every cell its slide type and drop widget views (the static fallback shows instead)."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.setdefault("slideshow", {})["slide_type"] = slide_type(cell)
        for out in cell.get("outputs", []):
            out.get("data", {}).pop(WIDGET_VIEW, None)
    return nb


def slide_count(nb) -> int:
    """Screens in the deck: cells that start a slide or a subslide once make_slides has prepared them."""
    return sum(1 for c in prepare(copy.deepcopy(nb)).cells if c.metadata["slideshow"]["slide_type"] in SCREENS)


def tag(path: Path) -> int:
    """Write the slide types into a lesson notebook (for RISE). Returns the number of cells changed."""
    nb = nbtools.load(path)
    changed = 0
    for cell in nb.cells:
        show = cell.metadata.setdefault("slideshow", {})
        if "slide_type" not in show:
            show["slide_type"] = slide_type(cell)
            changed += 1
    if changed:
        nbtools.write(nb, path)
    return changed


def exporter() -> SlidesExporter:
    c = Config()
    c.SlidesExporter.reveal_url_prefix = "reveal.js"
    c.SlidesExporter.reveal_theme = "white"
    c.SlidesExporter.reveal_scroll = True  # a long table scrolls inside its slide
    c.SlidesExporter.reveal_number = "c/t"
    c.SlidesExporter.jquery_url = "vendor/jquery.min.js"
    c.SlidesExporter.require_js_url = "vendor/require.js"
    c.SlidesExporter.mathjax_url = "vendor/no-mathjax.js"
    c.SlidesExporter.font_awesome_url = ""
    c.SlidesExporter.exclude_input = True
    return SlidesExporter(config=c)


def notes_first(nb):
    """Move the trainer notes to the title slide, so the speaker view shows the timings from the start."""
    notes = [c for c in nb.cells if "trainer-notes" in c.metadata.get("tags", [])]
    rest = [c for c in nb.cells if c not in notes]
    nb.cells = rest[:1] + notes + rest[1:]
    return nb


def deck(nb) -> str:
    """The offline deck of one lesson notebook, as HTML."""
    alts = chart_alts(nb)
    body, _ = exporter().from_notebook_node(notes_first(prepare(copy.deepcopy(nb))))
    body = MODULE_IMPORT.sub("", EXTERNAL.sub("", body))
    body = BOOK_LINK.sub(r'href="../html/book/\1.html', body)  # links into the built book
    body = body.replace("</head>", DECK_CSS, 1)
    return SVG_IMG.sub(lambda m: f'<img class="missionkit-chart" alt="{_attr(alts.get(m.group(1), "Chart"))}" '
                                 f'src="data:image/svg+xml;base64,{m.group(1)}"', body)


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def check_jquery(path: Path = VENDOR / "jquery.min.js") -> tuple[int, ...]:
    """The vendored jQuery's version; stops with a plain message if it is one with known flaws."""
    m = JQUERY_BANNER.match(path.read_text(encoding="utf-8")[:200])
    version = tuple(int(x) for x in m.groups()) if m else (0, 0, 0)
    if version < JQUERY_AT_LEAST:
        shown = ".".join(map(str, version)) if m else "unknown"
        raise SystemExit(f"{path} is jQuery {shown}, which has known security flaws: refresh it with "
                         f"tools/vendor_js.sh (jQuery {'.'.join(map(str, JQUERY_AT_LEAST))} or newer)")
    return version


def _select(filters: list[str]) -> list[Path]:
    return [p for p in nbtools.lessons() if not filters or any(f in p.name for f in filters)]


def main(argv: list[str]) -> int:
    if argv[:1] == ["--tag"]:
        for path in _select(argv[1:]):
            print(f"{path.relative_to(nbtools.ROOT)}: slide metadata on {tag(path)} more cells")
        return 0
    if argv[:1] == ["--count"]:
        for path in _select(argv[1:]):
            print(f"{path.stem}: {slide_count(nbtools.load(path))} slides")
        return 0
    check_jquery()
    OUT.mkdir(parents=True, exist_ok=True)
    shutil.copytree(VENDOR / "reveal.js", OUT / "reveal.js", dirs_exist_ok=True)
    (OUT / "vendor").mkdir(exist_ok=True)
    for f in ("jquery.min.js", "require.js"):
        shutil.copy(VENDOR / f, OUT / "vendor" / f)
    (OUT / "vendor" / "no-mathjax.js").write_text(NO_MATHJAX, encoding="utf-8")
    for path in _select(argv):
        target = OUT / f"{path.stem}.slides.html"
        target.write_text(deck(nbtools.load(path)), encoding="utf-8")
        print(f"wrote {target.relative_to(nbtools.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
