"""Write offline reveal.js slides from the lesson notebooks into _build/slides/.

    python tools/make_slides.py [NAME-FRAGMENT ...]

Uses the stored outputs (charts show as their stored SVG), the vendored reveal.js,
jQuery and require.js (no CDN), skips cells whose slide type is "skip" (the
setup cell), keeps trainer notes in the speaker view only, and starts a new
slide at every H2 that has no slide metadata of its own.
"""
from __future__ import annotations

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


def prepare(nb):
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        show = cell.metadata.setdefault("slideshow", {})
        if "slide_type" not in show:
            if cell.cell_type == "markdown" and re.match(r"#{1,2} ", cell.source.lstrip()):
                show["slide_type"] = "slide"
            else:
                show["slide_type"] = "-"
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            data.pop("application/vnd.jupyter.widget-view+json", None)
    return nb


def exporter() -> SlidesExporter:
    c = Config()
    c.SlidesExporter.reveal_url_prefix = "reveal.js"
    c.SlidesExporter.reveal_theme = "white"
    c.SlidesExporter.jquery_url = "vendor/jquery.min.js"
    c.SlidesExporter.require_js_url = "vendor/require.js"
    c.SlidesExporter.mathjax_url = "vendor/none.js"
    c.SlidesExporter.font_awesome_url = ""
    c.SlidesExporter.exclude_input = True
    return SlidesExporter(config=c)


def main(filters: list[str]) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    shutil.copytree(VENDOR / "reveal.js", OUT / "reveal.js", dirs_exist_ok=True)
    (OUT / "vendor").mkdir(exist_ok=True)
    for f in ("jquery.min.js", "require.js"):
        shutil.copy(VENDOR / f, OUT / "vendor" / f)
    paths = [p for p in nbtools.lessons() if not filters or any(f in p.name for f in filters)]
    ex = exporter()
    for path in paths:
        body, _ = ex.from_notebook_node(prepare(nbtools.load(path)))
        body = MODULE_IMPORT.sub("", EXTERNAL.sub("", body))
        body = BOOK_LINK.sub(r'href="../html/book/\1.html', body)  # links into the built book
        target = OUT / f"{path.stem}.slides.html"
        target.write_text(body, encoding="utf-8")
        print(f"wrote {target.relative_to(nbtools.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
