"""The trainer's cohort view and the offline import (missionkit.authoring.cohort_view), with 30 hand-ins."""
from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path

import pytest

from missionkit import handin
from missionkit.authoring import cohort, cohort_view
from missionkit.errors import MissionkitInputError
from missionkit.handin import HandIn

N = 30
ALIASES = [f"Alias{i:02d}" for i in range(N)]
STATEMENTS = ["By 2035 every child in Amberport reaches school within 30 minutes.",
              "Halve road deaths in the three largest cities by 2032, measured by police records.",
              "Cut commuting time to 45 minutes for 90% of workers in Marenta by 2035."]


def _handin(i: int, key: str, when: str = "2026-12-08T10:00:00+00:00", **extra) -> HandIn:
    rng = random.Random(i)
    sections = {
        "framing": {"mission_statement": STATEMENTS[i % 3] + f" (draft {i})", "baseline_year": 2020 + i % 5,
                    "confidence": rng.choice([2, 3, 3, 4, 5])},
        "litmus": {"challenge": {"answer": rng.choice(["yes", "partly", "no"]), "evidence": f"Evidence {i}."},
                   "teammate:Bob": {"answer": "no"}},
        "scanning": {"instruments": rng.sample(["grants", "loans", "procurement", "prizes"], 2)},
        "a_new_module": {"pick": rng.choice(["option A", "option B"])},
        **extra,
    }
    if key == "capstone":
        sections["capstone"] = {"ask": f"We ask the Cabinet for plan {i}."}
    return HandIn(key=key, alias=ALIASES[i], login=f"participant{i}", workbook_id=f"{i:06x}",
                  handed_in=when, sections=sections)


@pytest.fixture
def exchange(tmp_path):
    folder = tmp_path / "exchange"
    folder.mkdir()
    for i in range(N):
        handin.store_handin(_handin(i, "framing", "2026-12-08T09:00:00+00:00"), folder)
        if i % 3:
            handin.store_handin(_handin(i, "capstone"), folder)
    (folder / "junk.handin.json").write_text("{not json")
    return folder


def test_the_cohort_has_thirty_participants_and_names_the_bad_file(exchange):
    room = cohort_view.load_cohort(exchange)
    assert len(room.participants) == N and room.keys == ["framing", "capstone"]
    assert len(room.handins) == N + 20
    assert [Path(f).name for f, _ in room.refused] == ["junk.handin.json"]
    assert "not valid JSON" in room.refused[0][1]
    assert all(item.key == "capstone" for p, item in room.latest().items() if int(p[11:].split("-")[0]) % 3)


def test_questions_are_read_generically_from_the_workbook_structure(exchange):
    found = {q.title: q for q in cohort_view.questions(cohort_view.load_cohort(exchange))}
    kinds = {title: q.kind for title, q in found.items()}
    assert kinds["framing / mission statement"] == "text"
    assert kinds["framing / confidence"] == "rating" and kinds["framing / baseline year"] == "rating"
    assert kinds["litmus / challenge / answer"] == "choice"
    assert kinds["scanning / instruments"] == "multi"
    assert kinds["a new module / pick"] == "choice", "a new module's answers appear without code changes"
    assert not any("teammate" in t for t in found), "a teammate's imported answers are not the participant's own"
    assert len(found["litmus / challenge / answer"].answers) == N


def test_the_projector_page_is_anonymised_offline_and_complete(exchange):
    page = cohort_view.render_html(cohort_view.load_cohort(exchange), seed=3)
    assert not any(alias in page for alias in ALIASES) and "participant1" not in page
    assert "Participant 01" in page and "Participant 30" in page
    assert "<script" not in page and "<link" not in page and not re.search(r"\s(src|href)=", page), "offline"
    assert page.count("<svg") == 5  # baseline year, confidence (dots); challenge, instruments, pick (bars)
    assert page.count('role="img"') == page.count("<svg") and "Takeaway:" in page
    assert "The most common answer is" in page and "Median" in page
    assert all(page.count(statement) == N // 3 for statement in STATEMENTS), "free text, read aloud"
    assert "Capstone plans: peer-review pairs" in page and page.count(" and Participant") == 10
    assert "1 file(s) could not be read" in page and "junk" not in page


def test_names_only_with_the_flag_and_escaped(exchange):
    handin.store_handin(HandIn(key="framing", alias="<b>Eve</b>", login="eve", workbook_id="abcdef",
                               handed_in="2026-12-08T11:00:00+00:00", sections={"framing": {"q": "<i>x</i>"}}),
                        exchange)
    room = cohort_view.load_cohort(exchange)
    page = cohort_view.render_html(room, names=True)
    assert "Alias00 (participant0)" in page and "Names are shown" in page
    assert "<b>Eve" not in page and "&lt;b&gt;Eve" in page and "<i>x" not in page
    assert "&lt;b&gt;Eve" not in cohort_view.render_html(room)


def test_peer_review_pairs_are_random_seeded_and_cover_everyone(exchange):
    room = cohort_view.load_cohort(exchange)
    pairs = cohort_view.peer_review_pairs(room, seed=1)
    people = [p for pair in pairs for p in pair]
    assert len(people) == 20 == len(set(people)) and all(len(pair) == 2 for pair in pairs)
    assert pairs == cohort_view.peer_review_pairs(room, seed=1) != cohort_view.peer_review_pairs(room, seed=2)
    handin.store_handin(_handin(0, "capstone"), exchange)  # 21: one trio
    odd = cohort_view.peer_review_pairs(cohort_view.load_cohort(exchange), seed=1)
    assert sorted(len(pair) for pair in odd) == [2] * 9 + [3]


def test_the_newest_hand_in_wins(exchange):
    handin.store_handin(_handin(5, "framing", "2026-12-08T12:00:00+00:00",
                                framing={"mission_statement": "Rewritten late."}), exchange)
    room = cohort_view.load_cohort(exchange)
    p5 = next(h for h in room.handins if h.login == "participant5" and h.key == "framing")
    assert p5.sections["framing"]["mission_statement"] == "Rewritten late."


# --------------------------------------------------------------------------- offline import
def test_import_checks_every_file_and_rewrites_it(tmp_path):
    stick = tmp_path / "stick"
    (stick / "laptop-a" / "my-work" / "hand-in").mkdir(parents=True)
    (stick / "laptop-b").mkdir()
    handin.store_handin(_handin(1, "framing"), stick / "laptop-a" / "my-work" / "hand-in")
    handin.store_handin(_handin(2, "framing"), stick / "laptop-b")
    older = _handin(2, "framing", "2026-12-08T08:00:00+00:00")
    (stick / "older.handin.json").write_bytes(older.to_json())
    (stick / "laptop-b" / "evil.handin.json").write_bytes(b"[" * 50_000 + b"]" * 50_000)
    (stick / "laptop-b" / "notes.txt").write_text("not a hand-in")
    (stick / "link.handin.json").symlink_to("/etc/passwd")
    (stick / "big.handin.json").write_bytes(b" " * (handin.MAX_HANDIN_BYTES + 1))
    into = tmp_path / "exchange"
    result = cohort_view.import_handins(stick, into)
    assert len(result.imported) == 2 and result.kept_newer == [older.file_name], result.summary()
    assert result.ignored == 1 and len(result.refused) == 3
    why = {Path(f).name: m for f, m in result.refused}
    assert "nested too deeply" in why["evil.handin.json"] and "not a regular file" in why["link.handin.json"]
    assert "MB" in why["big.handin.json"]
    assert all("How to fix it" in m for m in why.values())
    written = sorted(p.name for p in into.iterdir())
    assert written == sorted(result.imported)
    assert all(os.stat(into / n).st_mode & 0o777 == handin.FILE_MODE for n in written)
    again = cohort_view.import_handins(stick, into)
    assert not again.imported and len(again.kept_newer) == 3, "importing twice changes nothing"
    assert len(cohort_view.load_cohort(into).participants) == 2


def test_import_from_a_missing_folder_is_plain(tmp_path):
    with pytest.raises(MissionkitInputError, match="does not exist"):
        cohort_view.import_handins(tmp_path / "no-stick", tmp_path / "x")
    with pytest.raises(MissionkitInputError, match="does not exist"):
        cohort_view.load_cohort(tmp_path / "nothing")


def test_the_commands_import_and_write_the_page(tmp_path, exchange, capsys):
    into = tmp_path / "imported"
    assert cohort.main(["import-handins", str(exchange), "--into", str(into)]) == 1  # junk refused
    out = capsys.readouterr().out
    assert f"Imported {N + 20} hand-in(s)" in out and "refused" in out and "not valid JSON" in out
    page = tmp_path / "cohort.html"
    assert cohort.main(["view", "--exchange", str(into), "--out", str(page)]) == 0
    printed = capsys.readouterr().out
    assert "30 participant(s)" in printed and "anonymised" in printed
    assert "Participant 30" in page.read_text()
    assert cohort.main(["view", "--exchange", str(tmp_path / "none"), "--out", str(page)]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_the_trainer_notebook_uses_the_cohort_view():
    root = Path(__file__).resolve().parents[1]
    nb = json.loads((root / "trainer" / "cohort-view.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert "cohort_view.load_cohort" in code and "names=False" in code and "roomcheck" in code


def test_a_trainer_on_kubernetes_reads_the_cohort_folder(exchange, monkeypatch, tmp_path):
    monkeypatch.setenv(handin.ENV_VAR, str(tmp_path / "own-folder"))
    monkeypatch.setenv(cohort_view.COHORT_ENV_VAR, str(exchange))
    assert len(cohort_view.load_cohort().participants) == N


def test_an_odd_or_hostile_hand_in_cannot_flood_the_page(tmp_path, monkeypatch):
    monkeypatch.setattr(cohort_view, "MAX_QUESTIONS", 4)  # 300 in use; 4 keeps the test quick
    folder = tmp_path / "exchange"
    folder.mkdir()
    many = {f"q{i}": i for i in range(cohort_view.MAX_QUESTIONS + 50)}
    handin.store_handin(HandIn(key="framing", alias="Odd", login="odd", workbook_id="abcdef",
                               handed_in="2026-12-08T10:00:00+00:00",
                               sections={"big": many, "tags": {"list": [f"t{i}" for i in range(500)]}}), folder)
    page = cohort_view.render_html(cohort_view.load_cohort(folder))
    assert page.count("<svg") == 4 and "51 more question(s) are not shown" in page
    tags = next(q for q in cohort_view.questions(cohort_view.load_cohort(folder)) if q.section == "tags")
    spec = cohort_view.choice_figure(tags).spec()
    assert len(spec["datasets"][next(iter(spec["datasets"]))]) == cohort_view.MAX_BARS + 1
