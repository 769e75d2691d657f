"""Slides: offline (no CDN in tags or module imports), setup cells skipped, trainer notes as notes."""
from __future__ import annotations

import re
from pathlib import Path

import make_slides
import nbformat
import nbtools
import pytest

ROOT = Path(__file__).resolve().parents[1]

LESSONS = nbtools.lessons()


@pytest.fixture(scope="module")
def decks(built_slides):
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


# --------------------------------------------------------------------------- conventions, counted and checked

def _cell(kind: str, source: str, **metadata):
    cell = nbformat.v4.new_markdown_cell(source) if kind == "markdown" else nbformat.v4.new_code_cell(source)
    cell.metadata.update(metadata)
    return cell


def test_slide_types_follow_the_course_conventions():
    cells = [
        _cell("markdown", "# Title"),
        _cell("code", "# Setup\nfrom missionkit import case", tags=["remove-input"]),   # setup cell, no metadata
        _cell("code", "import pandas as pd\nfrom missionkit import charts"),             # imports only
        _cell("markdown", "## Section"),
        _cell("markdown", "Plain text under the section"),
        _cell("code", "case.load('projects')"),
        _cell("markdown", "### A sub-heading stays on its slide"),
        _cell("markdown", "## A heading the author kept on the same slide", slideshow={"slide_type": "-"}),
        _cell("markdown", "Worth its own screen", slideshow={"slide_type": "subslide"}),
        _cell("markdown", "**Trainer notes**\n\nSecret", tags=["trainer-notes", "remove-cell"]),
    ]
    nb = nbformat.v4.new_notebook(cells=cells)
    types = [make_slides.slide_type(c) for c in nb.cells]
    assert types == ["slide", "skip", "skip", "slide", "-", "-", "-", "-", "subslide", "notes"]
    assert make_slides.slide_count(nb) == 3
    assert "slideshow" not in nb.cells[0].metadata, "slide_count must not change the notebook"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_setup_and_import_cells_never_reach_a_slide(lesson):
    nb = make_slides.prepare(nbtools.load(lesson))
    setup = [c for c in nb.cells if make_slides.is_setup(c)]
    assert setup, f"{lesson.name}: no setup cell found"
    assert all(c.metadata["slideshow"]["slide_type"] == "skip" for c in setup)


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_trainer_notes_are_hidden_from_participants(decks, lesson):
    """Speaker view only: collapsed in JupyterLab, removed from the book, a notes aside in the deck."""
    nb = nbtools.load(lesson)
    notes = [c for c in nb.cells if "trainer-notes" in c.metadata.get("tags", [])]
    assert len(notes) == 1 and notes[0].source.startswith("**Trainer notes**")
    cell = notes[0]
    assert cell.cell_type == "markdown"
    assert cell.metadata.get("jupyter", {}).get("source_hidden") is True, "collapsed in JupyterLab"
    assert "remove-cell" in cell.metadata["tags"], "removed from the book"
    html = decks[lesson]
    outside = re.sub(r'<aside class="notes">.*?</aside>', "", html, flags=re.S)
    assert "Trainer notes" in html and "Trainer notes" not in outside, "notes only inside the speaker notes"
    first_slide = html.split('<div class="slides">', 1)[1].split("</section>", 1)[0]
    assert '<aside class="notes">' in first_slide, "the notes sit on the title slide, for the speaker view"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_stored_charts_are_in_the_deck_with_their_description(decks, lesson):
    nb = nbtools.load(lesson)
    alts = make_slides.chart_alts(nb)
    html = decks[lesson]
    for b64 in alts:
        assert b64 in html, f"{lesson.name}: a stored chart SVG is missing from the deck"
    assert html.count('class="missionkit-chart"') == len(alts)
    assert "No description has been provided" not in html.split('<div class="reveal">')[1] or not alts


def test_tag_writes_slide_metadata_once(tmp_path):
    src = LESSONS[1] if len(LESSONS) > 1 else LESSONS[0]
    copy = tmp_path / src.name
    copy.write_bytes(src.read_bytes())
    before = nbtools.load(copy)
    changed = make_slides.tag(copy)
    after = nbtools.load(copy)
    assert changed == sum(1 for c in before.cells if "slide_type" not in c.metadata.get("slideshow", {}))
    assert make_slides.tag(copy) == 0, "tagging twice changes nothing"
    assert [c.source for c in after.cells] == [c.source for c in before.cells]
    assert make_slides.slide_count(after) == make_slides.slide_count(before)
    assert all("slide_type" in c.metadata.get("slideshow", {}) for c in after.cells)


def test_no_mathjax_stand_in_is_written(decks):
    stub = make_slides.OUT / "vendor" / "no-mathjax.js"
    assert stub.exists() and "window.MathJax" in stub.read_text()
    assert all('src="vendor/no-mathjax.js"' in html for html in decks.values())


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_trainer_notes_are_not_in_the_book(built_book, lesson):
    page = built_book / "notebooks" / f"{lesson.stem}.html"
    if not page.exists():
        pytest.skip(f"{lesson.name} is not in _toc.yml yet")
    assert "Trainer notes" not in page.read_text(encoding="utf-8"), "remove-cell must keep the notes out of the book"
