"""The participant's workbook: path, durability, locking, recovery, team files, escaping."""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from missionkit.errors import MissionkitInputError
from missionkit.workbook import (
    ENV_VAR,
    HISTORY_LIMIT,
    Workbook,
    WorkbookFile,
    WorkbookRecoveredWarning,
    escape,
    find_course_root,
    open_workbook,
    resolve_workbook_path,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "workbook.json"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def child_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop(ENV_VAR, None)
    return env


def run_child(code: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], env=child_env(),
                          capture_output=True, text=True, timeout=timeout)


def start_child(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], env=child_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def wb(tmp_path) -> Workbook:
    return Workbook.open(tmp_path / "my-work" / "workbook.json")


# --------------------------------------------------------------------------- path resolution
def test_env_var_wins(tmp_path, monkeypatch):
    course = tmp_path / "course"
    (course / "missionkit").mkdir(parents=True)
    (course / "_toc.yml").write_text("root: book/welcome\n")
    monkeypatch.chdir(course)
    target = tmp_path / "elsewhere" / "wb.json"
    monkeypatch.setenv(ENV_VAR, str(target))
    assert resolve_workbook_path() == target.resolve()
    assert open_workbook().path == target.resolve()
    assert target.is_file()


def test_walks_up_from_a_nested_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    course = tmp_path / "course"
    (course / "missionkit").mkdir(parents=True)
    (course / "_toc.yml").write_text("root: book/welcome\n")
    nested = course / "notebooks" / "drafts"
    nested.mkdir(parents=True)
    # a folder with _toc.yml but no missionkit/ is not the course root
    (course / "notebooks" / "_toc.yml").write_text("")
    monkeypatch.chdir(nested)
    assert find_course_root() == course.resolve()
    assert resolve_workbook_path() == course.resolve() / "my-work" / "workbook.json"
    wb = Workbook.open()
    wb.set("framing", "deadline", 2035)
    assert (course / "my-work" / "workbook.json").is_file()


def test_falls_back_to_home(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    loose = tmp_path / "loose"
    loose.mkdir()
    monkeypatch.chdir(loose)
    assert find_course_root() is None
    assert resolve_workbook_path() == home / "mission-bootcamp" / "my-work" / "workbook.json"


# --------------------------------------------------------------------------- saving
def test_every_change_is_on_disk_for_a_new_process(wb):
    reader = """
        import json, sys
        from missionkit.workbook import Workbook
        print(json.dumps(Workbook.open(sys.argv[1]).get("framing", "mission_statement")))
    """
    for draft in ["draft one", "draft two", "By 2035, people in Marenta's three largest cities ..."]:
        wb.set("framing", "mission_statement", draft)  # no save button: set() is the save
        out = run_child(reader, str(wb.path))
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout) == draft
    on_disk = json.loads(wb.path.read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == 1
    WorkbookFile.model_validate(on_disk)
    # the previous good file is kept as .bak
    bak = json.loads(wb.backup_path.read_text(encoding="utf-8"))
    assert bak["sections"]["framing"]["mission_statement"] == "draft two"


def test_a_value_set_in_another_process_is_seen(wb):
    out = run_child("""
        import sys
        from missionkit.workbook import Workbook
        Workbook.open(sys.argv[1]).update("litmus", {"challenge": "yes", "support": "partly"})
    """, str(wb.path))
    assert out.returncode == 0, out.stderr
    assert wb.section("litmus") == {"challenge": "yes", "support": "partly"}


def test_kernel_killed_right_after_a_change_loses_nothing(wb):
    out = run_child("""
        import os, signal, sys
        from missionkit.workbook import Workbook
        Workbook.open(sys.argv[1]).set("readiness", "R3", {"score": 1, "evidence": "no board yet"})
        os.kill(os.getpid(), signal.SIGKILL)
    """, str(wb.path))
    assert out.returncode == -signal.SIGKILL
    assert Workbook.open(wb.path).get("readiness", "R3") == {"score": 1, "evidence": "no board yet"}


WRITER = """
    import sys
    from missionkit.workbook import Workbook
    wb = Workbook.open(sys.argv[1])
    i = wb.get("big", "blob", {"i": 0})["i"]
    print("ready", flush=True)
    while True:
        i += 1
        wb.set("big", "blob", {"i": i, "text": "x" * 2_000_000})
"""


def test_kill_during_writes_never_leaves_a_broken_file(wb):
    rng = random.Random(20261115)
    last_i = 0
    for _ in range(20):
        child = start_child(WRITER, str(wb.path))
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        time.sleep(rng.uniform(0.02, 0.4))
        child.send_signal(signal.SIGKILL)
        child.communicate()
        raw = wb.path.read_bytes()
        data = json.loads(raw)  # old or new complete JSON, never half a file
        WorkbookFile.model_validate(data)
        blob = data["sections"].get("big", {}).get("blob", {"i": 0, "text": "x" * 2_000_000})
        assert blob["text"] == "x" * 2_000_000
        assert blob["i"] >= last_i
        last_i = blob["i"]
    assert last_i > 0, "the writer never finished a single save: the test proved nothing"
    reopened = Workbook.open(wb.path)
    assert reopened.notices == []
    assert not list(wb.path.parent.glob("*.corrupt-*"))
    assert not list(wb.path.parent.glob("*.tmp")), "open() clears temp files left by killed writers"


RACER = """
    import os, sys, time
    from missionkit.workbook import Workbook
    path, tag, go, same_key = sys.argv[1:]
    wb = Workbook.open(path)
    print("ready", flush=True)
    while not os.path.exists(go):
        time.sleep(0.002)
    for i in range(50):
        wb.set("race", "shared" if same_key == "1" else f"{tag}-{i}", f"{tag}-{i}")
"""


def race(wb: Workbook, tmp_path: Path, same_key: bool) -> None:
    go = tmp_path / "go"
    children = [start_child(RACER, str(wb.path), tag, str(go), "1" if same_key else "0")
                for tag in ("A", "B")]
    for child in children:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
    go.touch()
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err


def test_two_processes_writing_different_keys_both_survive(wb, tmp_path):
    race(wb, tmp_path, same_key=False)
    section = wb.section("race")
    assert len(section) == 100
    assert section == {f"{t}-{i}": f"{t}-{i}" for t in "AB" for i in range(50)}


def test_two_processes_writing_the_same_key_last_write_wins(wb, tmp_path):
    race(wb, tmp_path, same_key=True)
    WorkbookFile.model_validate(json.loads(wb.path.read_text(encoding="utf-8")))
    final = wb.get("race", "shared")
    assert final in {"A-49", "B-49"}
    history = wb.history("race", "shared")
    assert history[-1]["value"] == final
    assert len(history) == HISTORY_LIMIT


def test_a_busy_lock_gives_a_plain_message(wb):
    holder = start_child("""
        import sys, time
        from filelock import FileLock
        with FileLock(sys.argv[1]):
            print("held", flush=True)
            time.sleep(30)
    """, str(wb.path) + ".lock")
    try:
        assert holder.stdout.readline().strip() == "held"
        wb._lock.timeout = 0.3
        with pytest.raises(MissionkitInputError, match="Another notebook kept your workbook busy"):
            wb.set("framing", "deadline", 2035)
    finally:
        holder.kill()
        holder.communicate()


# --------------------------------------------------------------------------- values and history
def test_history_keeps_drafts_in_order_and_the_last_50(wb):
    wb.set("framing", "mission_statement", "before")
    wb.set("framing", "mission_statement", "before")  # unchanged: no new entry
    wb.set("framing", "mission_statement", "after")
    assert [h["value"] for h in wb.history("framing", "mission_statement")] == ["before", "after"]
    for i in range(60):
        wb.set("framing", "draft", i)
    history = wb.history("framing", "draft")
    assert [h["value"] for h in history] == list(range(10, 60))
    assert all("at" in h for h in history)
    wb.set("framing", "flag", 1)
    wb.set("framing", "flag", True)  # equal in Python, different in JSON: still a change
    assert wb.get("framing", "flag") is True


@pytest.mark.parametrize("bad", [object(), {1, 2}, float("nan"), np.int64(3), {"when": time}])
def test_values_that_are_not_json_get_a_plain_error(wb, bad):
    with pytest.raises(MissionkitInputError, match="cannot be saved") as info:
        wb.set("framing", "deadline", bad)
    assert "How to fix it" in str(info.value)
    assert wb.get("framing", "deadline") is None


def test_bad_names_get_a_plain_error(wb):
    with pytest.raises(MissionkitInputError, match="section name"):
        wb.set("", "k", 1)
    with pytest.raises(MissionkitInputError, match="key name"):
        wb.update("framing", {3: "x"})


def test_returned_values_are_copies(wb):
    wb.set("portfolio", "decisions", {"P01": "scale"})
    got = wb.section("portfolio")
    got["decisions"]["P01"] = "sunset"
    assert wb.get("portfolio", "decisions") == {"P01": "scale"}


# --------------------------------------------------------------------------- corrupt files
@pytest.mark.parametrize("damage, problem", [
    (b'{"schema_version": 1, "meta": ', "not valid JSON"),
    (b"", "empty"),
    (b'{"schema_version": 1, "meta": {"created": "2026-11-15T09:00:00+00:00", '
     b'"updated": "2026-11-15T09:00:00+00:00"}, "sections": ["hand", "edited"]}', "wrong type"),
    (b'{"schema_version": 2, "meta": {}, "sections": {}}', "schema_version 2"),
])
def test_corrupt_file_is_kept_aside_and_backup_restored(wb, damage, problem):
    wb.set("framing", "mission_statement", "good draft")
    wb.set("framing", "deadline", 2035)  # .bak now holds the file with "good draft"
    wb.path.write_bytes(damage)
    with pytest.warns(WorkbookRecoveredWarning):
        reopened = Workbook.open(wb.path)
    assert reopened.get("framing", "mission_statement") == "good draft"
    [notice] = reopened.notices
    assert problem in notice.message
    assert str(wb.path) in notice.message and "workbook.json.bak" in notice.message
    assert "restored" in notice.message and "nothing is lost" in notice.message
    [aside] = wb.path.parent.glob("workbook.json.corrupt-*")
    assert aside.read_bytes() == damage
    assert str(aside) in notice.message
    WorkbookFile.model_validate(json.loads(wb.path.read_text(encoding="utf-8")))


def test_corruption_found_mid_session_keeps_the_new_change(wb):
    wb.set("framing", "mission_statement", "good draft")
    wb.set("framing", "deadline", 2035)
    wb.path.write_text("{oops", encoding="utf-8")
    with pytest.warns(WorkbookRecoveredWarning):
        wb.set("litmus", "challenge", "yes")
    assert wb.get("litmus", "challenge") == "yes"
    assert wb.get("framing", "mission_statement") == "good draft"
    assert len(wb.notices) == 1


def test_corrupt_file_without_backup_starts_empty_and_says_so(tmp_path):
    path = tmp_path / "workbook.json"
    path.write_text("not json at all", encoding="utf-8")
    with pytest.warns(WorkbookRecoveredWarning):
        wb = Workbook.open(path)
    assert wb.sections() == []
    assert "No good backup" in wb.notices[0].message
    assert len(list(tmp_path.glob("workbook.json.corrupt-*"))) == 1


# --------------------------------------------------------------------------- team work
@pytest.fixture
def team(tmp_path):
    mine = Workbook.open(tmp_path / "me" / "workbook.json", owner="Me")
    mine.update("framing", {"mission_statement": "mine", "only_mine": "m"})
    mine.set("litmus", "challenge", "yes")
    ana = Workbook.open(tmp_path / "ana" / "workbook.json", owner="Ana")
    ana.update("framing", {"mission_statement": "theirs", "only_theirs": "t"})
    ana.set("readiness", "R1", 3)
    return mine, ana, ana.export(tmp_path / "team-ana.json")


def test_export_writes_a_valid_team_file_with_owner_and_section_filter(team, tmp_path):
    _, ana, path = team
    data = json.loads(path.read_text(encoding="utf-8"))
    WorkbookFile.model_validate(data)
    assert data["meta"]["owner"] == "Ana"
    assert set(data["sections"]) == {"framing", "readiness"}
    only = json.loads(ana.export(tmp_path / "r.json", sections=["readiness"]).read_text(encoding="utf-8"))
    assert only["sections"] == {"readiness": {"R1": 3}}
    with pytest.raises(MissionkitInputError, match="No section named 'budget'"):
        ana.export(tmp_path / "x.json", sections=["budget"])


def test_import_merge_theirs_win_on_conflict_and_mine_stays_in_history(team):
    mine, _, path = team
    report = mine.import_from(path, mode="merge")
    assert mine.section("framing") == {"mission_statement": "theirs", "only_mine": "m", "only_theirs": "t"}
    assert mine.get("readiness", "R1") == 3
    assert report.replaced == ["framing / mission_statement"]
    assert sorted(report.added) == ["framing / only_theirs", "readiness / R1"]
    assert [h["value"] for h in mine.history("framing", "mission_statement")] == ["mine", "theirs"]
    assert "Ana" in report.summary() and "1 replaced" in report.summary()


def test_import_keep_mine_only_adds(team):
    mine, _, path = team
    report = mine.import_from(path, mode="keep_mine")
    assert mine.get("framing", "mission_statement") == "mine"
    assert mine.get("framing", "only_theirs") == "t"
    assert report.kept_mine == ["framing / mission_statement"] and report.replaced == []


def test_import_theirs_replaces_chosen_sections_only(team):
    mine, _, path = team
    report = mine.import_from(path, sections=["framing"], mode="theirs")
    assert mine.section("framing") == {"mission_statement": "theirs", "only_theirs": "t"}
    assert report.removed == ["framing / only_mine"]
    assert mine.get("litmus", "challenge") == "yes"  # not in their file: untouched
    assert mine.get("readiness", "R1") is None  # filtered out
    again = mine.import_from(path, sections=["framing"], mode="theirs")
    assert not again.changed and len(again.unchanged) == 2


def test_import_readiness_from_three_teammates_as_separate_assessors(tmp_path):
    mine = Workbook.open(tmp_path / "me.json", owner="Me")
    mine.set("readiness", "R3", 1)
    for name, score in [("Ana", 2), ("Ben", 1), ("Chidi", 0)]:
        other = Workbook.open(tmp_path / f"{name}.json", owner=name)
        other.update("readiness", {"R3": score})
        other.set("framing", "mission_statement", f"{name}'s draft")
        report = mine.import_from(other.export(tmp_path / f"team-{name}.json"), sections=["readiness"],
                                  as_teammate=True)
        assert report.added == [f"readiness / teammate:{name}"]
    assert mine.section("readiness") == {"R3": 1, "teammate:Ana": {"R3": 2},
                                         "teammate:Ben": {"R3": 1}, "teammate:Chidi": {"R3": 0}}
    assert mine.sections() == ["readiness"]
    mine.import_from(tmp_path / "team-Ana.json", sections=["readiness"], as_teammate="Ana Two")
    assert mine.get("readiness", "teammate:Ana Two") == {"R3": 2}


def test_import_errors_are_plain(team, tmp_path):
    mine, _, path = team
    with pytest.raises(MissionkitInputError, match="import mode 'both'"):
        mine.import_from(path, mode="both")
    with pytest.raises(MissionkitInputError, match="cannot be opened"):
        mine.import_from(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(MissionkitInputError, match="not valid JSON") as info:
        mine.import_from(broken)
    assert info.value.file == str(broken)
    with pytest.raises(MissionkitInputError, match="needs your name"):
        Workbook.open(tmp_path / "anon.json").export(tmp_path / "anon-team.json")
    with pytest.raises(MissionkitInputError, match="over your own workbook"):
        mine.export(mine.path)


# --------------------------------------------------------------------------- escaping
def test_escape_quotes_everything():
    assert escape(SCRIPT) == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert escape("a \"b\" 'c' & d") == "a &quot;b&quot; &#x27;c&#x27; &amp; d"


def test_summary_html_escapes_participant_text(wb):
    wb.set_owner(SCRIPT)
    wb.set("framing", "mission_statement", SCRIPT)
    wb.set("framing", IMG, "key with a payload")
    wb.set(SCRIPT, "notes", [IMG, {"nested": SCRIPT}])
    page = wb.summary_html()
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert page == wb._repr_html_()


def test_summary_html_of_an_empty_workbook(wb):
    assert "Nothing saved yet" in wb.summary_html()


# --------------------------------------------------------------------------- fixture workbook
def test_fixture_is_a_valid_fictional_marenta_example(tmp_path, monkeypatch):
    before = FIXTURE.read_bytes()
    data = json.loads(before)
    WorkbookFile.model_validate(data)
    assert "FICTIONAL" in data["meta"]["note"]
    statement = data["sections"]["framing"]["mission_statement"]
    assert statement.startswith("By 2035, people in Marenta's three largest cities")
    assert "45 minutes" in statement and "half the fine-particle pollution it did in 2024" in statement
    assert set(data["sections"]["litmus"]) == {"challenge", "support", "objective", "commitment"}
    assert {v["answer"] for v in data["sections"]["litmus"].values()} <= {"yes", "partly", "no"}
    drafts = data["history"]["framing"]["mission_statement"]
    assert len(drafts) == 2 and drafts[-1]["value"] == statement
    # what make outputs, nbval and CI do: point the env var at a temp copy
    copy = tmp_path / "workbook.json"
    shutil.copy(FIXTURE, copy)
    monkeypatch.setenv(ENV_VAR, str(copy))
    wb = Workbook.open()
    assert wb.path == copy.resolve() and wb.notices == []
    wb.set("framing", "mission_statement", "changed in a test")
    assert FIXTURE.read_bytes() == before
