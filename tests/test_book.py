"""The book builds with warnings as errors, every TOC page exists, and charts are wired offline."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
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


# ---------------------------------------------------------------------------- launch buttons

def _hrefs(page: Path) -> list[str]:
    import html

    return [html.unescape(h) for h in re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8"))]


def test_notebook_pages_launch_on_binder_and_on_the_hub_with_the_trainers_link(built_book):
    from missionkit.authoring.cohort import nbgitpuller_link
    from tests.conftest import TEST_HUB, TEST_REPO

    for page, source in [("notebooks/01-missions", "notebooks/01-missions.ipynb"),
                         ("solutions/08-portfolio-solution", "solutions/08-portfolio-solution.ipynb")]:
        hrefs = _hrefs(built_book / f"{page}.html")
        binder = f"https://mybinder.org/v2/gh/example-org/mission-bootcamp/main?urlpath=lab/tree/{source}"
        assert binder in hrefs, f"{page}: no Binder button opening {source}"
        # the hub button is exactly the link a trainer hands out: same folder, same workbook
        assert nbgitpuller_link(TEST_HUB, TEST_REPO, "main", source) in hrefs, f"{page}: hub link differs"
        assert (ROOT / source).exists()


def test_text_pages_have_no_launch_button(built_book):
    hrefs = _hrefs(built_book / "book" / "intro.html")
    assert not [h for h in hrefs if "mybinder.org" in h or "git-pull" in h]


@pytest.mark.parametrize("remote, expected", [
    ("https://github.com/oecd/mission-bootcamp.git", "https://github.com/oecd/mission-bootcamp"),
    ("https://github.com/oecd/mission-bootcamp", "https://github.com/oecd/mission-bootcamp"),
    ("git@github.com:oecd/mission-bootcamp.git", "https://github.com/oecd/mission-bootcamp"),
    ("ssh://git@gitlab.com/lab/bootcamp.git", "https://gitlab.com/lab/bootcamp"),
    # a token in the remote never reaches a page
    ("https://x-access-token:ghp_SECRET@github.com/oecd/mission-bootcamp.git", "https://github.com/oecd/mission-bootcamp"),
    ("/srv/git/mission-bootcamp", None),
    ("file:///srv/git/mission-bootcamp", None),
    ("https://git.internal.example/lab/bootcamp.git", None),
    ("", None),
    (None, None),
])
def test_public_repository_url(remote, expected):
    from missionkit.authoring.book import public_repository_url

    assert public_repository_url(remote) == expected


def test_launch_settings_from_environment_and_origin():
    from missionkit.authoring.book import launch_settings
    from missionkit.errors import MissionkitInputError

    assert launch_settings({}, None) is None
    assert launch_settings({}, "/tmp/a-local-clone") is None  # CI's clone: no buttons, not broken ones
    s = launch_settings({}, "git@github.com:oecd/mission-bootcamp.git")
    assert s["repository_url"] == "https://github.com/oecd/mission-bootcamp" and s["repository_branch"] == "main"
    assert s["launch_buttons"] == {"notebook_interface": "jupyterlab", "binderhub_url": "https://mybinder.org"}
    s = launch_settings({"MISSION_BOOTCAMP_REPO": "https://github.com/a/b", "MISSION_BOOTCAMP_HUB": "https://hub.gov.example/",
                         "MISSION_BOOTCAMP_BINDER": "off", "MISSION_BOOTCAMP_BRANCH": "cohort-2027"},
                        "git@github.com:oecd/mission-bootcamp.git")
    assert s["repository_url"] == "https://github.com/a/b" and s["repository_branch"] == "cohort-2027"
    assert s["launch_buttons"] == {"notebook_interface": "jupyterlab", "jupyterhub_url": "https://hub.gov.example"}
    assert launch_settings({"MISSION_BOOTCAMP_BINDER": "off"}, "https://github.com/a/b") is None
    with pytest.raises(MissionkitInputError, match="MISSION_BOOTCAMP_REPO"):
        launch_settings({"MISSION_BOOTCAMP_REPO": "/home/me/course"}, None)
    with pytest.raises(MissionkitInputError, match="hub address"):
        launch_settings({"MISSION_BOOTCAMP_REPO": "https://github.com/a/b", "MISSION_BOOTCAMP_HUB": "hub.gov"}, None)


# ---------------------------------------------------------------------------- try first

def _outside_details(page: str) -> list[str]:
    """The snippets of feedback or answer markup that are not inside a <details> element."""
    from html.parser import HTMLParser

    class Finder(HTMLParser):
        def __init__(self):
            super().__init__()
            self.depth = 0
            self.found: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag == "details":
                self.depth += 1
            classes = (dict(attrs).get("class") or "").split()
            if not self.depth and {"missionkit-feedback", "missionkit-assessment"} & set(classes):
                self.found.append(self.get_starttag_text() or tag)

        def handle_endtag(self, tag):
            if tag == "details" and self.depth:
                self.depth -= 1

    finder = Finder()
    finder.feed(page)
    return finder.found


def test_solution_pages_show_no_feedback_outside_a_toggle(built_book):
    """A self-learner reads the question, tries, then opens "Show the feedback": no check's output
    and no worked answer lies open on a solution page (tools/wrap_answers.py folds them)."""
    pages = sorted((built_book / "solutions").glob("*-solution.html"))
    assert len(pages) >= 10
    open_answers = {p.name: found for p in pages if (found := _outside_details(p.read_text(encoding="utf-8")))}
    assert not open_answers, f"feedback shown outside a toggle: {open_answers}"
    page = (built_book / "solutions" / "01-missions-solution.html").read_text(encoding="utf-8")
    assert "Show the feedback (try it yourself first)" in page
    assert "Show the worked answer and its feedback (try it yourself first)" in page


def test_the_finder_sees_feedback_left_open():
    assert _outside_details('<div class="missionkit-feedback">You found 11 of 11</div>')
    assert not _outside_details('<details><summary>Show</summary><div class="missionkit-feedback">x</div></details>')


def test_exercises_are_pages_of_the_book(built_book):
    """A reader who cannot install Python still has the questions: each exercise is a book page."""
    pages = sorted((built_book / "exercises").glob("*-exercise.html"))
    assert len(pages) == len(list((ROOT / "exercises").glob("*.ipynb"))) >= 10
