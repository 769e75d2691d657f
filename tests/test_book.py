"""The book builds with warnings as errors, every TOC page exists, and charts are wired offline."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"


def toc_files() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]

    def walk(items):
        for item in items or []:
            if "file" in item:
                files.append(item["file"])
            walk(item.get("sections"))
            walk(item.get("chapters"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return files


def test_every_toc_page_exists():
    missing = [f for f in toc_files() if not any((ROOT / f"{f}{ext}").exists() for ext in (".md", ".ipynb"))]
    assert not missing, f"_toc.yml names pages that do not exist: {missing}"


def test_book_builds_without_warnings(built_book):
    for f in toc_files():
        assert (built_book / f"{f}.html").exists(), f"{f}.html was not built"


def test_no_cdn_in_built_pages(built_book):
    offenders = []
    for page in built_book.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        for m in re.finditer(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', text):
            offenders.append(f"{page.relative_to(built_book)}: {m.group(1)}")
    assert not offenders, "pages load from the network:\n" + "\n".join(offenders[:20])


def test_charts_are_embedded_as_specs(built_book):
    pages = [p for p in built_book.rglob("*.html") if "missionkit-chart" in p.read_text(encoding="utf-8")]
    assert pages, "no page in the book carries a chart"
    assert (built_book / "_static" / "vendor" / "vega" / "vega.min.js").exists()
