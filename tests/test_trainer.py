"""Trainer kit: one data file, honest agendas, slides that fit their slots, pages, handouts, role cards from D4."""
from __future__ import annotations

import copy
import re
from pathlib import Path

import make_slides
import make_trainer_pages
import nbtools
import pytest
import yaml

from missionkit import case
from missionkit.authoring import handouts, trainer, trainer_pages
from missionkit.errors import MissionkitInputError

ROOT = Path(__file__).resolve().parents[1]

LESSONS = nbtools.lessons()


@pytest.fixture(scope="module")
def kit():
    return trainer.load()


@pytest.fixture(scope="module")
def raw():
    return yaml.safe_load(trainer.KIT_FILE.read_text(encoding="utf-8"))


def module_id(lesson: Path) -> str:
    return lesson.stem.split("-")[0]


# --------------------------------------------------------------------------- times

def test_every_lesson_slot_covers_the_core_path(kit):
    """Computed from the schedules, independently of load()'s own check."""
    checked = 0
    for agenda in kit.agendas:
        table = trainer.schedule(kit, agenda.id)
        for row in table[table["kind"] == "lesson"].itertuples():
            m = kit.module(row.module)
            need = m.core_minutes + (m.extension_minutes if row.extensions else 0)
            assert row.minutes >= need, (f"{agenda.title}, day {row.day} {row.start}: "
                                         f"Module {m.id} gets {row.minutes} < {need}")
            checked += 1
    assert checked >= 25, "the three agendas should hold at least 25 lesson slots"


def test_three_agendas_of_the_promised_lengths(kit):
    days = {a.id: len(a.days) for a in kit.agendas}
    assert days == {"taster": 1, "core": 2, "full": 5}
    full = trainer.schedule(kit, "full")
    assert set(full.loc[full["kind"] == "lesson", "module"]) == {m.id for m in kit.modules}, "5-day covers every module"
    assert (full["kind"] == "capstone").sum() >= 2, "the 5-day agenda has the capstone"
    for agenda in kit.agendas:
        table = trainer.schedule(kit, agenda.id)
        assert (table["kind"] == "roleplay").sum() == 1, f"{agenda.id}: one role-play"
        for _day, rows in table.groupby("day"):
            assert rows["minutes"].sum() <= kit.day_limit_minutes


def test_timing_plans_add_up_to_the_core_time(kit):
    for m in kit.modules:
        assert sum(t.minutes for t in m.timing) == m.core_minutes, m.id


def _module_index(raw, module_id: str) -> int:
    """Where a module sits in the data file's list (modules are added over time; never hard-code it)."""
    return next(i for i, m in enumerate(raw["modules"]) if m["id"] == module_id)


def _mutated(raw, path: list, value):
    data = copy.deepcopy(raw)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


def _session(raw, agenda_id: str, module: str) -> list:
    """Path to the first lesson session of a module in an agenda."""
    a = next(i for i, a in enumerate(raw["agendas"]) if a["id"] == agenda_id)
    for d, day in enumerate(raw["agendas"][a]["days"]):
        for s, session in enumerate(day["sessions"]):
            if session.get("module") == module and session["kind"] == "lesson":
                return ["agendas", a, "days", d, "sessions", s]
    raise LookupError(module)


# each row: how to break the data, a phrase the message must contain, the column it names
BAD_KITS = [
    ("a slot shorter than the core path", lambda r: _mutated(r, _session(r, "taster", "03") + ["minutes"], 30),
     "gives Module 03 · Framing a mission 30 minutes, but its core path takes 45", "minutes"),
    ("extensions promised in too little time", lambda r: _mutated(r, _session(r, "full", "08") + ["minutes"], 50),
     "core path and extensions take 65", "minutes"),
    ("a role-play slot shorter than its script",
     lambda r: _mutated(r, ["agendas", 0, "days", 0, "sessions", 9, "minutes"], 60), "its script takes 75", "minutes"),
    ("an exercise slot shorter than the exercise",
     lambda r: _mutated(r, ["agendas", 2, "days", 0, "sessions", 4, "minutes"], 10),
     "but it takes 25", "minutes"),
    ("a day longer than the limit", lambda r: _mutated(r, ["day_limit_minutes"], 300), "longer than the 300-minute day",
     "sessions"),
    ("a module the kit does not have", lambda r: _mutated(r, _session(r, "core", "04") + ["module"], "42"),
     "names Module 42", "module"),
    ("minutes as text", lambda r: _mutated(r, _session(r, "core", "04") + ["minutes"], "forty-five"),
     "should be a whole number", "minutes"),
    ("a misspelt field", lambda r: _mutated(r, _session(r, "core", "04") + ["minuts"], 45),
     "'minuts' is not one the trainer kit knows", "minuts"),
    ("an unknown session kind", lambda r: _mutated(r, _session(r, "core", "04") + ["kind"], "lecture"),
     "has a value the trainer kit does not know", "kind"),
    ("a start time that is not HH:MM", lambda r: _mutated(r, ["agendas", 1, "days", 0, "start"], "9am"),
     "is not written the expected way", "start"),
    ("a timing plan that does not add up", lambda r: _mutated(r, ["modules", _module_index(r, "03"), "timing", 0,
                                                                     "minutes"], 9),
     "timing plan adds up to 50 minutes, but its core path takes 45", "timing"),
    ("a debrief without Module 05", lambda r: _mutated(r, ["roleplay", "debrief"],
                                                      [q for q in r["roleplay"]["debrief"] if q["module"] != "05"]),
     "no question for Module 05", "debrief"),
    ("a script step without minutes for a version",
     lambda r: _mutated(r, ["roleplay", "script", 0, "minutes"], {"full": 10, "standard": 8}),
     "does not give minutes for every version", "minutes"),
    ("a missing field",
     lambda r: _mutated(r, ["modules", 1], {k: v for k, v in r["modules"][1].items() if k != "goals"}),
     "the field 'goals' is missing", "goals"),
]


@pytest.mark.parametrize("name,breaker,phrase,column", BAD_KITS, ids=[b[0] for b in BAD_KITS])
def test_bad_kit_gets_a_plain_message(raw, name, breaker, phrase, column):
    with pytest.raises(MissionkitInputError) as info:
        trainer.parse(breaker(raw))
    err = info.value
    assert phrase in err.problem, err.message
    assert err.column == column and err.file == "agenda.yml" and err.fix


def test_the_place_is_named_in_plain_words(raw):
    with pytest.raises(MissionkitInputError) as info:
        trainer.parse(_mutated(raw, _session(raw, "core", "04") + ["minutes"], "forty-five"))
    path = _session(raw, "core", "04")
    assert f"agenda 'core', day {path[3] + 1}, session {path[5] + 1}" in info.value.problem


def test_broken_yaml_names_its_line(tmp_path):
    bad = tmp_path / "agenda.yml"
    bad.write_text("minutes_per_slide: 2\nmodules:\n  - id: \"00\"\n   slug: x\n", encoding="utf-8")
    with pytest.raises(MissionkitInputError) as info:
        trainer.load(bad)
    assert info.value.row == 4 and "not valid YAML" in info.value.problem
    with pytest.raises(MissionkitInputError, match="empty"):
        trainer.parse(None)


# --------------------------------------------------------------------------- lessons and slides

@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_every_lesson_has_an_agenda_entry(kit, lesson):
    m = kit.module(module_id(lesson))
    assert m.lesson == f"notebooks/{lesson.name}", "the data file's slug must match the lesson's file name"
    assert len(trainer.lesson_slots(kit, m.id)) >= 1
    assert m.based_on == "lesson", f"Module {m.id}'s lesson exists: write its notes from it and set based_on: lesson"


def test_modules_without_a_lesson_say_so(kit):
    for m in kit.modules:
        if not (ROOT / m.lesson).exists():
            assert m.based_on == "design", f"Module {m.id} has no lesson yet: set based_on: design"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_core_minutes_match_the_lessons_overview(kit, lesson):
    nb = nbtools.load(lesson)
    overview = next(c.source for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("## Overview"))
    found = re.search(r"\*\*Time:\*\*\s*at a trainer's pace, (\d+) minutes", overview)
    assert found, f"{lesson.name}: the Overview states no time"
    assert kit.module(module_id(lesson)).core_minutes == int(found.group(1))


def _timing_paragraph(nb) -> str:
    notes = next(c.source for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("**Trainer notes**"))
    return next(p for p in notes.split("\n\n") if p.startswith("*Timing ("))


def _section_minutes(nb) -> dict[int, list[tuple[str, int]]]:
    """Section number -> [(what, minutes)] stated in the lesson: '## 3. Title (7 minutes)' and 'Try it (5 minutes)'."""
    found: dict[int, list[tuple[str, int]]] = {}
    section = None
    for c in nb.cells:
        if c.cell_type != "markdown":
            continue
        head = re.match(r"## (\d+)\. (.*)", c.source)
        if head:
            section = int(head.group(1))
            stated = re.search(r"\((\d+) minutes\)\s*$", head.group(2).splitlines()[0])
            if stated and "extension" not in head.group(2).splitlines()[0]:
                found.setdefault(section, []).append(("heading", int(stated.group(1))))
        elif c.source.startswith("## "):
            section = None
        if section is not None:
            for n in re.findall(r"\*\*Try it \((\d+) minutes?\)\.?\*\*", c.source):
                found.setdefault(section, []).append(("Try it", int(n)))
    return found


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_the_lessons_own_timings_agree_with_the_plan(kit, lesson):
    """The trainer notes' minutes are the plan's, part by part; a section heading states the plan's minutes,
    and a Try it inside a section fits in them (the notes of 05 and 08 once added up to 47 and 53 of 45)."""
    nb = nbtools.load(lesson)
    m = kit.module(module_id(lesson))
    plan = [t.minutes for t in m.timing]
    notes = [int(n) for n in re.findall(r":\s+(\d+)\s+min\b", _timing_paragraph(nb))]
    assert notes == plan, (f"{lesson.name}: trainer notes say {notes} (total {sum(notes)}), "
                           f"the plan {plan} ({m.core_minutes})")
    by_section = {int(x.group(1)): t.minutes for t in m.timing if (x := re.match(r"Section (\d+):", t.part))}
    for section, stated in _section_minutes(nb).items():
        if section not in by_section:  # an extension, or part of a combined row ("Sections 1-2")
            continue
        for what, minutes in stated:
            if what == "heading":
                assert minutes == by_section[section], f"{lesson.name}: section {section}'s heading says {minutes} min"
            else:
                assert minutes <= by_section[section], f"{lesson.name}: section {section}'s Try it outlasts the section"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_the_deck_fits_every_slot(kit, lesson):
    count = make_slides.slide_count(nbtools.load(lesson))
    assert count >= 5, f"{lesson.name}: only {count} slides; is the slide metadata right?"
    problems = trainer.slide_problems(kit, {module_id(lesson): count})
    assert not problems, "\n".join(problems)


def test_slide_problems_catches_a_long_deck(kit):
    problems = trainer.slide_problems(kit, {"03": 30})  # 60 minutes of slides for 45-minute slots
    assert problems and all("Module 03's deck has 30 slides, about 60 minutes" in p for p in problems)
    assert len(problems) == len(trainer.lesson_slots(kit, "03")) - 1, "only the 60-minute slot fits"


# --------------------------------------------------------------------------- generated pages

def test_generated_pages_are_up_to_date():
    assert make_trainer_pages.stale(trainer_pages.pages()) == [], "run: python tools/make_trainer_pages.py"


def test_pages_are_deterministic(kit):
    assert trainer_pages.pages(kit) == trainer_pages.pages(kit)


def test_toc_lists_the_trainer_guide():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    wanted = [rel.removesuffix(".md") for rel in trainer_pages.pages() if rel.endswith(".md")]
    missing = [w for w in wanted if f"file: {w}\n" not in toc + "\n"]
    assert not missing, ("add the 'For trainers' part to _toc.yml "
                         f"(python tools/make_trainer_pages.py --toc); missing: {missing}")


def test_module_pages_carry_what_a_trainer_needs(kit):
    for m in kit.modules:
        page = trainer_pages.render_module(kit, m.id)
        for heading in ("## Goals", "## Timing of the core path", "## What to show", "## Discussion prompts",
                        "## Group exercise", "## Without laptops: the paper alternative", "## Common questions"):
            assert heading in page, f"module {m.id}: {heading}"
        assert f"../handouts/{m.name}.html" in page
        assert page.count("\n# ") + page.startswith("# ") == 1, "one H1"


def test_citations_link_to_the_references_page(kit):
    page = trainer_pages.render_module(kit, "05")
    assert "[European Commission (2019)](../references.md#eu-boards-2019)" in page
    assert "{cite:" not in "".join(trainer_pages.pages(kit).values())


# --------------------------------------------------------------------------- handouts

HANDOUT_NAMES = [f"{p.stem}" for p in sorted((ROOT / "book" / "handouts").glob("*.html"))]


@pytest.mark.parametrize("name", HANDOUT_NAMES)
def test_handouts_are_self_contained_and_printable(name):
    text = (ROOT / "book" / "handouts" / f"{name}.html").read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<html lang="en">' in text
    assert "@media print" in text and "<title>" in text and text.count("<h1>") == 1
    assert not re.search(r"<(script|link|iframe|img|object|embed)\b", text), "no external or active resources"
    assert not re.search(r"url\(|@import|(src|href)=", text), "nothing loaded from anywhere"


def test_there_is_a_handout_per_module(kit):
    assert {f"{m.name}" for m in kit.modules} <= set(HANDOUT_NAMES)
    assert {"roleplay-cards", "feedback-form"} <= set(HANDOUT_NAMES)


def test_handout_has_concepts_exercise_and_notes(kit):
    text = handouts.render_handout(kit, "03")
    for part in ("Key concepts", "Group exercise: Draft, swap, revise (25 minutes)", "My notes", "Worksheet 1",
                 "Mazzucato, M. (2018)", "FICTIONAL"):
        assert part in text, part


def test_handout_escapes_text(raw):
    data = _mutated(raw, ["modules", _module_index(raw, "03"), "concepts", 0],
                    "Watch <script>alert(1)</script> & **this**")
    text = handouts.render_handout(trainer.parse(data), "03")
    assert "<script>" not in text and "&lt;script&gt;" in text and "<strong>this</strong>" in text


def test_worksheets_follow_their_sources(kit):
    from missionkit.capstone import rubric

    scorecard = kit.module("11").worksheets[0].rows
    assert scorecard == [f"{k} {v}" for k, v in case.READINESS_DIMENSIONS.items()]
    assert kit.module("12").worksheets[0].rows == [c.name for c in rubric.load_rubric().criteria]


# --------------------------------------------------------------------------- role-play

def test_role_cards_come_from_the_register(kit):
    register = case.load("stakeholders").set_index("stakeholder_id")
    cards = trainer.role_cards(kit)
    assert len(cards) >= 8
    for c in cards:
        row = register.loc[c.stakeholder_id]
        for field in ("name", "type", "level", "sector", "role", "seat", "engagement"):
            assert getattr(c, field) == row[field], f"{c.stakeholder_id} {field}"
        assert (c.interest, c.influence) == (row["interest"], row["influence"])
    core_types = {c.type for c in cards if c.core}
    assert set(trainer.CARD_TYPES) <= core_types
    assert sum(c.chair for c in cards) == 1


def test_printed_cards_name_only_register_organisations(kit):
    names = set(case.load("stakeholders")["name"])
    html_text = handouts.render_role_cards_html(kit, trainer.role_cards(kit))
    printed = re.findall(r'<h2 id="card-S\d{3}">([^<]+)</h2>', html_text)
    assert len(printed) == len(kit.roleplay.cards)
    assert {n.replace("&#x27;", "'").replace("&amp;", "&") for n in printed} <= names


def test_a_card_outside_the_register_is_refused(raw):
    data = _mutated(raw, ["roleplay", "cards", 0, "stakeholder"], "S999")
    with pytest.raises(MissionkitInputError, match="S999, which is not in the stakeholder register"):
        trainer.role_cards(trainer.parse(data))


def test_core_cards_must_include_every_kind(raw):
    cards = [dict(c, core=False) if c["stakeholder"] == "S057" else c for c in raw["roleplay"]["cards"]]
    with pytest.raises(MissionkitInputError, match="no informal-transport association"):
        trainer.role_cards(trainer.parse(_mutated(raw, ["roleplay", "cards"], cards)))


def test_the_script_fits_each_version_and_the_debrief_ties_to_modules(kit):
    assert kit.script_minutes("full") == 120, "the OPSI 2021 simulation ran two hours"
    assert kit.script_minutes("standard") == 90 and kit.script_minutes("short") == 75
    assert {q.module for q in kit.roleplay.debrief} == set(trainer.DEBRIEF_MODULES)
    page = trainer_pages.render_roleplay(kit, trainer.role_cards(kit))
    assert "FICTIONAL" in page and "#opsi-sim2021" in page
    for m in trainer.DEBRIEF_MODULES:
        assert f"(module-{m}.md)" in page


def test_the_mock_board_page_has_seats_scoring_rubric_and_debrief(kit):
    """Issue 23: the board's role brief and scoring guide, with its agenda time and the rubric itself."""
    from missionkit.capstone import rubric

    page = trainer_pages.render_mock_board(kit)
    assert kit.mock_board is not None and len(kit.mock_board.seats) >= 3
    for part in ("## Who sits, and what each asks", "## How the board scores", "## The debrief", "120 minutes"):
        assert part in page
    assert all(c.name in page for c in rubric.load_rubric().criteria)
    assert sum(t.minutes for t in kit.mock_board.per_presenter) == 10
    feedback = trainer_pages.render_feedback(kit)
    assert kit.feedback.transfer_questions and "differently" in feedback
    assert "## The follow-up survey (six weeks after the course)" in feedback


def test_every_group_activity_has_a_variant_for_someone_alone(kit):
    """Self-learners and remote participants without a partner: each group exercise and the role-play
    say what to do alone, on the trainer page and the handout."""
    for m in kit.modules:
        assert len(m.exercise.solo) >= 40, m.id
        page = trainer_pages.render_module(kit, m.id)
        assert "**On your own**" in page, m.id
    assert len(kit.roleplay.solo) >= 40


def test_every_day_has_exercise_and_capstone_time_and_the_taster_no_jupyterlab(kit):
    """Issue 20: the agendas give exercise time and capstone time on every day; notebooks not done in class
    are homework with their own-pace time; the taster spends at most 15 minutes on JupyterLab."""
    for agenda in kit.agendas:
        table = trainer.schedule(kit, agenda.id)
        for d, rows in table.groupby("day"):
            assert rows["kind"].isin(["exercise", "notebook"]).any(), (agenda.id, d)
            assert (rows["kind"].eq("capstone") | rows["module"].eq("12")).any(), (agenda.id, d)
    taster = trainer.schedule(kit, "taster")
    assert taster.loc[taster["module"] == "00", "minutes"].sum() <= 15
    core_homework = trainer.homework(kit, "core")
    taught = {m for m in trainer.schedule(kit, "core")["module"].dropna() if trainer.exercise_times(kit.module(m))}
    assert {m for day in core_homework.values() for m, _ in day} == taught
    assert all(minutes >= 20 for day in core_homework.values() for _, minutes in day)
    page = trainer_pages.render_agendas(kit)
    assert "Exercise notebooks left for homework" in page


def test_a_day_without_exercise_or_capstone_time_is_refused(kit):
    raw = yaml.safe_load(trainer.KIT_FILE.read_text(encoding="utf-8"))
    day = raw["agendas"][0]["days"][0]
    day["sessions"] = [s for s in day["sessions"] if s["kind"] not in ("exercise", "notebook")]
    with pytest.raises(MissionkitInputError) as info:
        trainer.parse(raw)
    assert "has no exercise time" in info.value.problem
    raw = yaml.safe_load(trainer.KIT_FILE.read_text(encoding="utf-8"))
    day = raw["agendas"][0]["days"][0]
    day["sessions"] = [s for s in day["sessions"] if s["kind"] != "capstone"]
    with pytest.raises(MissionkitInputError) as info:
        trainer.parse(raw)
    assert "has no capstone time" in info.value.problem


def test_every_group_exercise_has_a_facilitation_script_and_debrief_questions(kit):
    """Issue 24: each module page carries its key explanations and debrief questions for its group exercise.
    A new module adds ``script:`` (2 or more explanations) and ``exercise: debrief:`` (2 or more questions)."""
    lacking = [m.id for m in kit.modules if len(m.script) < 2 or len(m.exercise.debrief) < 2]
    assert not lacking, f"add script: and exercise.debrief: to these modules in agenda.yml: {lacking}"
    page = trainer_pages.render_module(kit, kit.modules[1].id)
    assert "## Facilitation script" in page and "**Debrief questions**" in page
    assert page.index("## Facilitation script") < page.index("## Group exercise")
    assert kit.modules[1].exercise.debrief[0] in page


def test_the_delivery_guides_are_in_the_book_under_for_trainers():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    trainers = toc.split("caption: For trainers", 1)[1].split("caption:", 1)[0]
    for name in trainer_pages.GUIDES:
        assert f"file: {trainer_pages.GUIDE_DIR}/{name}\n" in trainers
        assert (ROOT / trainer_pages.GUIDE_DIR / f"{name}.md").is_file()
    assert trainer_pages.toc_part(trainer.load()) in toc, "python tools/make_trainer_pages.py --toc"
