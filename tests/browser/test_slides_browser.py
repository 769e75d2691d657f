"""The offline slide decks in a real browser: reveal.js starts, every stored chart shows, nothing leaves 127.0.0.1.

"""
from __future__ import annotations

import base64

import make_slides
import nbtools
import pytest

from tests.browser.helpers import block_external, browser, serve

pytestmark = pytest.mark.browser
LESSONS = nbtools.lessons()


@pytest.fixture(scope="module")
def ctx():
    with browser() as context:
        yield context


@pytest.fixture(scope="module")
def slides_site(ctx, built_slides):
    with serve(built_slides) as base:
        page = ctx.new_page()
        external = block_external(page)
        yield base, page
        assert not external, f"requests tried to leave the machine: {external[:10]}"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_deck_opens_offline_and_shows_its_charts(slides_site, lesson):
    base, page = slides_site
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    nb = nbtools.load(lesson)
    page.goto(f"{base}/{lesson.stem}.slides.html", wait_until="load")
    page.wait_for_selector(".reveal.ready .slides section", timeout=30000)
    screens = page.evaluate("() => document.querySelectorAll('.reveal .slides > section > section').length")
    assert screens == make_slides.slide_count(nb), "the deck's slides are the ones make_slides counts"
    assert page.evaluate("() => [...document.querySelectorAll('.reveal aside.notes')]"
                         ".every(a => getComputedStyle(a).display === 'none')"), "speaker notes stay hidden"

    stored = {base64.b64encode(svg.encode("utf-8")).decode("ascii")
              for c in nb.cells for o in c.get("outputs", [])
              for svg in ["".join(o.get("data", {}).get("image/svg+xml", ""))] if svg}
    charts = page.evaluate("""() => [...document.querySelectorAll('img.missionkit-chart')].map(img => {
        const inner = img.closest('section'); const outer = inner.parentElement.closest('section');
        const h = [...outer.parentElement.children].indexOf(outer);
        const v = [...outer.querySelectorAll(':scope > section')].indexOf(inner);
        return {h, v, src: img.getAttribute('src').split(',')[1], alt: img.alt}; })""")
    assert {c["src"] for c in charts} == stored, "every stored chart SVG is in the deck, and only those"
    for i, c in enumerate(charts):
        page.evaluate(f"() => {{ location.hash = '#/{c['h']}/{c['v']}'; }}")
        page.wait_for_function(f"""() => document.querySelectorAll('img.missionkit-chart')[{i}]
            .closest('section').classList.contains('present')""", timeout=10000)
        shown = page.evaluate(f"""() => {{ const img = document.querySelectorAll('img.missionkit-chart')[{i}];
            const r = img.getBoundingClientRect();
            return img.complete && img.naturalWidth > 50 && r.width > 50 && r.height > 50
                && getComputedStyle(img).visibility !== 'hidden'; }}""")
        assert shown, f"{lesson.name}: chart on slide {c['h']}/{c['v']} is not visible"
        assert c["alt"] and "No description" not in c["alt"]
    page.keyboard.press("ArrowRight")  # navigation works and throws nothing
    page.wait_for_timeout(300)
    assert not errors, f"{lesson.name}: JavaScript errors {errors}"


def test_speaker_view_shows_the_trainer_notes(slides_site, ctx):
    base, page = slides_site
    lesson = next(p for p in LESSONS if p.name.startswith("01-"))
    page.goto(f"{base}/{lesson.stem}.slides.html#/0/0", wait_until="load")
    page.wait_for_selector(".reveal.ready", timeout=30000)
    assert "Trainer notes" not in page.locator(".reveal .slides section.present:not(.stack)").inner_text()
    with ctx.expect_page() as popup:
        page.keyboard.press("s")
    speaker = popup.value
    speaker.wait_for_function("() => document.body.innerText.includes('Trainer notes')", timeout=15000)
    assert "Timing" in speaker.evaluate("() => document.body.innerText")
    speaker.close()
