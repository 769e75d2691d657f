"""Slides: offline (no CDN in tags or module imports), setup cells skipped, trainer notes as notes."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import make_slides  # noqa: E402
import nbtools  # noqa: E402

LESSONS = nbtools.lessons()


@pytest.fixture(scope="module")
def decks():
    make_slides.main([])
    return {p: (make_slides.OUT / f"{p.stem}.slides.html").read_text(encoding="utf-8") for p in LESSONS}


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_deck_is_offline(decks, lesson):
    html = decks[lesson]
    tags = re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="((?:https?:)?//[^"]+)"', html)
    imports = re.findall(r'import [^;]*["\'](https?://[^"\']+)', html)
    assert not tags and not imports, f"network resources in slides: {tags + imports}"
    assert (make_slides.OUT / "reveal.js" / "dist" / "reveal.js").exists()


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_setup_cells_are_skipped_and_notes_are_notes(decks, lesson):
    nb = nbtools.load(lesson)
    setup = [c for c in nb.cells if c.cell_type == "code" and "remove-input" in c.metadata.get("tags", [])]
    for cell in setup:
        assert cell.metadata.get("slideshow", {}).get("slide_type") == "skip", "setup cell must be skipped in slides"
    notes = [c for c in nb.cells if "trainer-notes" in c.metadata.get("tags", [])]
    assert notes, f"{lesson.name}: no trainer notes cell"
    for cell in notes:
        assert cell.metadata.get("slideshow", {}).get("slide_type") == "notes"
    assert '<aside class="notes">' in decks[lesson]
