"""Module 12: the mission brief is built from the workbook, self-contained, escaped, and honest about gaps.

Asserted: a brief exported from an empty workbook and one from the case's worked example (the
fixture workbook, FICTIONAL, filled with the Marenta example) are valid, self-contained HTML
(no http(s) URL in any src or href, no script, no external stylesheet) with every section, "to do"
links for the empty ones, and Markdown; participant text (<script>alert(1)</script>,
<img src=x onerror=alert(1)>) shows as text in both; the peer-review check answers back.
"""
from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from missionkit import capstone
from missionkit.capstone import brief
from missionkit.errors import MissionkitInputError
from missionkit.workbook import Workbook

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "workbook.json"
PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")
SECTION_IDS = [s.key for s in capstone.SECTIONS]


class _Doc(HTMLParser):
    """Collects tags and attributes, and checks that every opened element is closed."""

    VOID = {"meta", "br", "img", "hr", "link", "input", "col", "area", "base", "source", "wbr", "path", "rect",
            "line", "circle", "polygon", "polyline", "ellipse", "use", "stop", "image"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(text: str) -> _Doc:
    d = _Doc()
    d.feed(text)
    d.close()
    return d


def _self_contained(text: str) -> _Doc:
    assert text.startswith("<!DOCTYPE html>")
    doc = parse(text)
    assert not doc.errors, doc.errors[:5]
    assert not doc.stack, f"unclosed elements: {doc.stack}"
    html_tag = next(a for t, a in doc.tags if t == "html")
    assert html_tag.get("lang") == "en"
    assert [t for t, _ in doc.tags].count("h1") == 1
    for tag, attrs in doc.tags:
        assert tag not in ("script", "iframe", "object", "embed", "link", "img"), f"<{tag}> in the brief"
        for name in ("src", "href", "xlink:href", "action", "srcset"):
            value = attrs.get(name) or ""
            assert not re.match(r"\s*(https?:)?//", value, re.I), f"external {name}: {value}"
            assert not value.lower().startswith("javascript:"), value
        assert not any(k.startswith("on") for k in attrs), f"event handler on <{tag}>: {attrs}"
    assert "@import" not in text and "url(http" not in text
    return doc


@pytest.fixture()
def empty_wb(tmp_path) -> Workbook:
    return Workbook.open(tmp_path / "empty" / "my-work" / "workbook.json")


@pytest.fixture()
def case_wb(tmp_path) -> Workbook:
    fixture = tmp_path / "fixture" / "workbook.json"
    fixture.parent.mkdir(parents=True)
    shutil.copy(FIXTURE, fixture)
    return brief.case_example_workbook(tmp_path / "case" / "my-work" / "workbook.json", base=fixture)


def test_empty_workbook_gives_a_valid_brief_with_every_section_to_do(empty_wb):
    result = capstone.export_brief(empty_wb)
    assert result.html_path == empty_wb.path.parent / "mission-brief.html"
    assert result.markdown_path == empty_wb.path.parent / "mission-brief.md"
    text = result.html_path.read_text(encoding="utf-8")
    doc = _self_contained(text)
    ids = {a.get("id") for _, a in doc.tags}
    assert set(SECTION_IDS) | {"peer-review"} <= ids
    assert result.brief.done == [] and result.brief.todo == SECTION_IDS
    todo_links = [a["href"] for t, a in doc.tags if t == "a" and a.get("href", "").endswith(".ipynb")]
    assert len(todo_links) == len(SECTION_IDS)
    for spec, link in zip(capstone.SECTIONS, todo_links, strict=False):
        assert link.endswith(".ipynb") and f"{spec.module}-" in link
        assert (result.html_path.parent / link).resolve().name.startswith(spec.module)
    assert text.count('<span class="badge">To do</span>') == len(SECTION_IDS)
    assert "<svg" not in text
    md = result.markdown_path.read_text(encoding="utf-8")
    assert md.startswith("# Mission brief") and md.count("**To do.**") == len(SECTION_IDS)
    assert len(re.findall(r"\]\([^)]*notebooks/\d\d-[^)]*\.ipynb\)", md)) == len(SECTION_IDS)
    assert not re.search(r"\]\(https?:", md)


def test_links_point_to_existing_lesson_notebooks(empty_wb):
    b = brief.build_brief(empty_wb, folder=ROOT / "my-work", root=ROOT)
    for s in b.sections:
        assert s.notebook == f"../notebooks/{capstone.MODULE_FILES[s.module]}.ipynb" or \
            (ROOT / "my-work" / s.notebook).resolve().exists(), s.notebook


def test_fixture_workbook_fills_the_mission_and_litmus(tmp_path):
    path = tmp_path / "my-work" / "workbook.json"
    path.parent.mkdir()
    shutil.copy(FIXTURE, path)
    b = brief.build_brief(Workbook.open(path))
    assert b.done == ["mission", "litmus"] and b.fictional
    html = capstone.brief_html(b)
    _self_contained(html)
    assert "Verdict: A mission could fit, with conditions" in html
    assert "C2 Clear direction" in html and "2035" in html


def test_case_example_fills_every_section_with_inline_charts(case_wb):
    result = capstone.export_brief(case_wb)
    assert result.brief.todo == []
    text = result.html_path.read_text(encoding="utf-8")
    doc = _self_contained(text)
    svgs = [a for t, a in doc.tags if t == "svg"]
    assert len(svgs) == 2  # the mission map and the readiness profile
    assert all(a.get("role") == "img" and a.get("aria-label") for a in svgs)
    figures = [a for t, a in doc.tags if t == "figure"]
    assert all(a.get("aria-label") for a in figures)
    assert "FICTIONAL worked example" in text
    for finding in ("Stop and fix: R3", "R3, R4, R5 and R8 are weakest (median 1)", "Review round 2026-Q4",
                    "Theory of change", "Prime Minister&#x27;s Delivery Office", "The decision we ask for"):
        assert finding in text, finding
    md = result.markdown_path.read_text(encoding="utf-8")
    assert md.count("data:image/svg+xml;base64,") == 2 and "**Takeaway:**" in md
    assert "**To do.**" not in md


def test_case_example_leaves_its_base_alone(tmp_path):
    base = tmp_path / "mine" / "workbook.json"
    base.parent.mkdir()
    shutil.copy(FIXTURE, base)
    before = base.read_bytes()
    brief.case_example_workbook(tmp_path / "example" / "workbook.json", base=base)
    assert base.read_bytes() == before


def test_case_example_refuses_to_overwrite_its_base(tmp_path):
    path = tmp_path / "workbook.json"
    shutil.copy(FIXTURE, path)
    with pytest.raises(MissionkitInputError, match="cannot be written over"):
        brief.case_example_workbook(path, base=path)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_participant_text_is_escaped_in_html_and_markdown(tmp_path, payload):
    wb = Workbook.open(tmp_path / "my-work" / "workbook.json", owner=f"Ana {payload}")
    wb.set("framing", "mission_statement", f"{payload} By 2035, halve PM2.5 from 38 µg/m³ in 2024.")
    wb.set("framing", "mission_map", {"challenge": payload, "mission": payload, "objectives": [f"O1 {payload}"],
                                      "projects": [f"O1: {payload}"]})
    wb.set("governance", "owner", payload)
    wb.set("readiness", "scores", {"R1": {"score": 1, "evidence": payload}})
    wb.set("capstone", "ask", payload)
    wb.set("capstone", "peer_feedback", payload)
    wb.set("litmus", "challenge", {"answer": "yes", "evidence": payload})
    result = capstone.export_brief(wb)
    text = result.html_path.read_text(encoding="utf-8")
    doc = _self_contained(text)
    assert payload not in text
    assert not any(t in ("script", "img") for t, _ in doc.tags)
    shown = "".join(doc.text)
    assert shown.count(payload) >= 5, "the payload should show as text"
    md = result.markdown_path.read_text(encoding="utf-8")
    assert payload not in md and "<script" not in md and "<img" not in md
    assert "&lt;" in md


def test_markdown_escape():
    assert capstone.md_escape("<b>*x*</b> [a](http://e)") == "&lt;b&gt;\\*x\\*&lt;/b&gt; \\[a\\](http://e)"
    assert capstone.md_escape("- 1. # x") == "\\- 1. \\# x"
    assert capstone.md_escape("2024. fine-particle") == "2024\\. fine-particle"
    assert capstone.md_escape("line one\nline two") == "line one line two"


def test_generic_sections_show_unknown_shapes(empty_wb):
    empty_wb.update("governance", {"board": ["A", "B"], "ex_ante": True, "objective_owners": {"O1": "Transport"}})
    empty_wb.set("stakeholders", "engagement_plan", {"women's group": {"level": "involve", "how": "audits"}})
    empty_wb.set("portfolio", "decision_2026q4", {"round": "2026-Q4",
                                                 "decisions": {"PR02": "scale", "PR03": "continue"}, "note": "why"})
    empty_wb.set("indicators", "draft_indicators", [{"name": "Commute", "level": "impact", "baseline": 62}])
    b = brief.build_brief(empty_wb)
    assert b.done == ["governance", "stakeholders", "portfolio", "indicators"]
    html = capstone.brief_html(b)
    for text in ("Board:", "Ex ante", "Objective owners: O1", "involve", "2 decisions (1 continue, 1 scale)",
                 "Amberport Electric Bus Fleet", "Commute"):
        assert text in html, text


def test_bad_file_name_is_a_plain_message(empty_wb):
    with pytest.raises(MissionkitInputError, match="not a usable file name"):
        capstone.export_brief(empty_wb, name="../../etc/brief")


def test_notebook_display_is_light(empty_wb):
    b = brief.build_brief(empty_wb)
    assert len(b._repr_html_()) < 3000 and "to do" in b._repr_html_()
    assert f"0 of {len(SECTION_IDS)} sections" in repr(b)


# --------------------------------------------------------------------------- the peer review
ANSWERS = {k: "yes" for k in brief.PEER_REVIEW} | {"people": "partly", "one_page": "no"}
FEEDBACK = ("The mission statement is clear and dated. The brief is too long for a minister: cut the portfolio "
            "table, and add who will fund O4 Fair access.")


def test_peer_review_check():
    assert capstone.check_peer_review(..., ...).status == "not answered"
    assert capstone.check_peer_review({k: ... for k in brief.PEER_REVIEW}, ...).status == "not answered"
    assert capstone.check_peer_review(ANSWERS, FEEDBACK).status == "good"


@pytest.mark.parametrize("answers,feedback,phrase", [
    (ANSWERS, "Looks good.", "Say what could be better"),
    (ANSWERS | {"statement": "ok"}, FEEDBACK, "is not one of"),
    ({"statement": "yes"}, FEEDBACK, "Still to answer"),
    (ANSWERS | {"typo": "yes"}, FEEDBACK, "is not a question of the checklist"),
    ({k: "yes" for k in brief.PEER_REVIEW}, FEEDBACK, "Every answer is"),
    (ANSWERS, "You should add a budget and explain who funds fair access, in more detail.", "Start with what works"),
    (ANSWERS, ..., "Write your feedback"),
])
def test_peer_review_names_the_mistake(answers, feedback, phrase):
    fb = capstone.check_peer_review(answers, feedback)
    assert fb.status in ("partly", "revise") and phrase in fb.text(), fb.text()


def test_export_says_where_the_files_are_without_a_full_path(tmp_path, monkeypatch):
    """The message names the folder as the file browser shows it: the example's own folder
    beside the participant's workbook, never a machine's full path."""
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(tmp_path / "workbook.json"))
    mine = capstone.export_brief()
    assert repr(mine).startswith("Written next to your workbook: mission-brief.html")
    example = capstone.export_brief(brief.case_example_workbook(brief.example_path()))
    assert repr(example).startswith("Written in the folder marenta-example, beside your workbook")
    assert str(tmp_path) not in repr(example) + example._repr_html_()


def test_worked_example_uses_module_07s_worked_round_2():
    """The example brief's portfolio decisions are the ones the Module 08 solution argues for,
    so its note ("scale three small projects ... close the two paused projects") is true."""
    import ast
    import json

    nb = json.loads((Path(__file__).resolve().parents[1] / "solutions" / "08-portfolio-solution.ipynb")
                    .read_text(encoding="utf-8"))
    source = next("".join(c["source"]) for c in nb["cells"] if "round2_decisions = {" in "".join(c["source"]))
    block = source[source.index("round2_decisions = {"):source.index("}", source.index("round2_decisions = {")) + 1]
    assert ast.literal_eval(block.split("=", 1)[1].strip()) == brief.ROUND2_EXAMPLE
    from missionkit import portfolio

    sec = brief._case_sections()["portfolio"]
    (entry,) = sec.values()
    decisions = entry["decisions"]
    assert all(decisions[k] == v for k, v in brief.ROUND2_EXAMPLE.items())
    projects = portfolio.Portfolio.from_case().projects.set_index("project_id")
    # the note's claims hold in the data: the two closed projects were paused, the three scaled are small
    assert set(projects.loc[["PR27", "PR43"], "status"]) == {"paused"}
    assert (projects.loc[["PR16", "PR21", "PR33"], "budget"] < 0.01 * projects["budget"].sum()).all()
    assert projects.loc["PR21", "objective"] == "O4"
    scaled = [k for k, v in brief.ROUND2_EXAMPLE.items() if v == "scale"]
    assert len(scaled) == 3 and "PR21" in scaled and "three small projects" in entry["note"]
    assert sorted(k for k, v in brief.ROUND2_EXAMPLE.items() if v == "sunset") == ["PR27", "PR43"]


def test_peer_review_of_the_example_is_compared_with_the_brief():
    """Answers two steps from the course's reading of the Marenta example get the evidence to look at
    again; one step away is judgment."""
    reference = {k: v[0] for k, v in capstone.PEER_REVIEW_EXAMPLE.items()}
    feedback = ("The ask is clear and follows from the evidence. The brief is too long for a minister: cut the "
                "portfolio table to the three biggest decisions and add indicators for O3 to O5.")
    assert capstone.check_peer_review(reference, feedback).status == "good"
    one_step = {**reference, "statement": "partly", "one_page": "partly"}
    assert capstone.check_peer_review(one_step, feedback).status == "good"
    far = {**reference, "statement": "no", "one_page": "yes"}
    fb = capstone.check_peer_review(far, feedback)
    assert fb.status == "partly"
    assert "statement: you said \u201cno\u201d; look again: the statement is dated (2035)" in fb.text()
    assert "one_page: you said \u201cyes\u201d" in fb.text()
    assert set(capstone.PEER_REVIEW_EXAMPLE) == set(brief.PEER_REVIEW)


# ------------------------------------------------------------------- issue 17: never lose a participant's work
def test_the_worked_example_never_touches_the_participants_own_workbook(tmp_path, monkeypatch):
    own = tmp_path / "my-work" / "workbook.json"
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(own))
    wb = Workbook.open(own)
    wb.set_owner("Amina")
    wb.set("framing", "mission_statement", "By 2035, halve road deaths")
    before = own.read_bytes()
    with pytest.raises(MissionkitInputError, match="your own workbook"):
        brief.case_example_workbook(own)
    other = tmp_path / "team-file.json"
    shutil.copy(own, other)
    with pytest.raises(MissionkitInputError, match="someone's work"):
        brief.case_example_workbook(other)
    assert own.read_bytes() == before and other.read_bytes() == before


def test_an_export_interrupted_mid_write_keeps_the_previous_export(case_wb, tmp_path, monkeypatch):
    """A full disk while the brief is written: the previous good export survives (never 0 bytes)."""
    import os

    first = capstone.export_brief(case_wb, folder=tmp_path / "out")
    good_html, good_md = first.html_path.read_bytes(), first.markdown_path.read_bytes()

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(MissionkitInputError, match="could not be written"):
        capstone.export_brief(case_wb, folder=tmp_path / "out")
    assert first.html_path.read_bytes() == good_html and first.markdown_path.read_bytes() == good_md
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")], "no temporary file left"
