"""The participant's workbook: path, durability, locking, recovery, team files, escaping."""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import warnings
from pathlib import Path

import numpy as np
import pytest

from missionkit.errors import MissionkitInputError
from missionkit.workbook import (
    ENV_VAR,
    HISTORY_LIMIT,
    SCHEMA_VERSION,
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
        wb.set("big", "blob", {"i": i, "text": "x" * 190_000})  # near the 200 KB limit of one answer
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
        blob = data["sections"].get("big", {}).get("blob", {"i": 0, "text": "x" * 190_000})
        assert blob["text"] == "x" * 190_000
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
    (b'{"schema_version": "2", "meta": {}, "sections": {}}', "schema_version '2'"),  # a newer one is refused
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


# --------------------------------------------------------------------------- files from other editors
NOTEPAD_TEXT = "Café owners – 2035 target: 50 € per tonne"


def notepad_file(text: str) -> dict:
    return {"schema_version": 1,
            "meta": {"created": "2026-11-15T09:00:00+00:00", "updated": "2026-11-15T09:00:00+00:00"},
            "sections": {"framing": {"mission_statement": text}}, "history": {}}


@pytest.mark.parametrize("encoding, text", [
    ("utf-8-sig", NOTEPAD_TEXT),  # Notepad's "UTF-8 with BOM"
    ("cp1252", NOTEPAD_TEXT),  # Notepad's "ANSI" on a Western European Windows
    ("latin-1", "Café owners, 2035 target: 50 per tonne, año"),
    ("utf-16", NOTEPAD_TEXT),  # Notepad's "Unicode" (UTF-16 with a byte order mark)
])
def test_a_workbook_saved_by_notepad_is_read_not_set_aside(tmp_path, encoding, text):
    path = tmp_path / "workbook.json"
    path.write_bytes(json.dumps(notepad_file(text), ensure_ascii=False, indent=2).encode(encoding))
    with warnings.catch_warnings():
        warnings.simplefilter("error", WorkbookRecoveredWarning)
        wb = Workbook.open(path)
        assert wb.get("framing", "mission_statement") == text
        assert wb.notices == []
        wb.set("framing", "deadline", 2035)  # the next save writes plain UTF-8
    assert not list(tmp_path.glob("workbook.json.corrupt-*"))
    on_disk = json.loads(path.read_bytes().decode("utf-8"))
    assert on_disk["sections"]["framing"] == {"mission_statement": text, "deadline": 2035}


# --------------------------------------------------------------------------- a newer course version
NEWER = json.dumps({"schema_version": SCHEMA_VERSION + 1,
                    "meta": {"created": "2027-01-01T09:00:00+00:00", "updated": "2027-01-01T09:00:00+00:00",
                             "format": "something this version does not know"},
                    "sections": {"framing": {"mission_statement": "written with a newer course"}}}).encode()


def assert_newer_refused(call, *files: Path) -> None:
    before = {f: f.read_bytes() for f in files}
    with warnings.catch_warnings():
        warnings.simplefilter("error", WorkbookRecoveredWarning)
        with pytest.raises(MissionkitInputError, match="newer version of the course") as info:
            call()
    message = str(info.value)
    assert f"schema_version is {SCHEMA_VERSION + 1}" in message and "nothing in it was changed" in message
    assert "Update the course" in message
    assert {f: f.read_bytes() for f in files} == before, "a refused file must be left exactly as it was"
    assert not list(files[0].parent.glob("*.corrupt-*"))


@pytest.mark.parametrize("backup", ["good", "newer", "none"])
def test_a_workbook_from_a_newer_course_is_refused_and_untouched(wb, backup):
    wb.set("framing", "mission_statement", "good draft")
    wb.set("framing", "deadline", 2035)
    if backup == "newer":
        wb.backup_path.write_bytes(NEWER)
    elif backup == "none":
        wb.backup_path.unlink()
    wb.path.write_bytes(NEWER)
    files = [wb.path] + ([wb.backup_path] if backup != "none" else [])
    assert_newer_refused(lambda: Workbook.open(wb.path), *files)
    assert_newer_refused(lambda: wb.get("framing", "mission_statement"), *files)
    assert_newer_refused(lambda: wb.set("framing", "mission_statement", "typed today"), *files)
    for _ in range(3):  # repeated saves never start an empty workbook over it
        assert_newer_refused(lambda: wb.set("litmus", "challenge", "yes"), *files)
    assert wb.path.read_bytes() == NEWER


def test_a_team_file_from_a_newer_course_is_refused_plainly(wb, tmp_path):
    team = tmp_path / "team-ana.json"
    team.write_bytes(NEWER)
    assert_newer_refused(lambda: wb.import_from(team), team)


def test_a_damaged_workbook_with_a_newer_backup_is_left_alone(wb):
    wb.set("framing", "mission_statement", "good draft")
    wb.set("framing", "deadline", 2035)
    wb.path.write_bytes(b"{oops")
    wb.backup_path.write_bytes(NEWER)
    for _ in range(3):
        with pytest.raises(MissionkitInputError, match="backup copy was saved by a newer version"):
            wb.set("litmus", "challenge", "yes")
    assert wb.path.read_bytes() == b"{oops" and wb.backup_path.read_bytes() == NEWER


def test_a_damaged_workbook_with_an_unreadable_backup_is_left_alone(wb):
    wb.set("framing", "mission_statement", "good draft")
    wb.path.write_bytes(b"{oops")
    wb.backup_path.unlink(missing_ok=True)
    wb.backup_path.mkdir()  # exists but cannot be read as a file
    for _ in range(3):
        with pytest.raises(MissionkitInputError, match="backup copy .* cannot be opened"):
            wb.set("litmus", "challenge", "yes")
    assert wb.path.read_bytes() == b"{oops" and wb.backup_path.is_dir()


def test_a_damaged_backup_is_kept_aside_too_before_starting_empty(wb):
    wb.set("framing", "mission_statement", "good draft")
    wb.set("framing", "deadline", 2035)
    wb.path.write_bytes(b"{oops")
    wb.backup_path.write_bytes(b"[damaged backup")
    with pytest.warns(WorkbookRecoveredWarning):
        wb.set("litmus", "challenge", "yes")
    wb.set("litmus", "support", "partly")  # a second save rewrites .bak: the damaged one must survive aside
    wb.set("litmus", "objective", "no")
    assert "No good backup" in wb.notices[0].message and "kept as" in wb.notices[0].message
    kept = {p.read_bytes() for p in wb.path.parent.glob("workbook.json*.corrupt-*")}
    assert kept == {b"{oops", b"[damaged backup"}


# --------------------------------------------------------------------------- read-only folders
def as_unprivileged(tmp_path: Path, make_read_only, check) -> dict:
    """Run ``check()`` (returns a JSON-able dict) where the workbook's folder is really read-only.

    As root, permission bits are ignored, so the check runs in a forked child that drops to
    user 'nobody' (65534); otherwise it runs here after ``make_read_only()``.
    """
    for folder in (tmp_path, *tmp_path.parents):  # nobody must be able to reach the folder
        if str(folder) in ("/", tempfile.gettempdir()):
            break
        folder.chmod(folder.stat().st_mode | 0o005)
    make_read_only()
    if os.geteuid() != 0:
        return check()
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        try:
            os.close(reader)
            os.setgid(65534)
            os.setuid(65534)
            try:
                result = check()
            except BaseException as exc:  # noqa: BLE001 - report it; never run pytest's code in the child
                result = {"child_error": f"{type(exc).__name__}: {exc}"}
            os.write(writer, json.dumps(result).encode())
        finally:
            os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as handle:
        out = handle.read()
    os.waitpid(pid, 0)
    result = json.loads(out)
    assert "child_error" not in result, result["child_error"]
    return result


def outcome(call) -> str:
    try:
        return f"ok: {json.dumps(call())}"
    except MissionkitInputError as exc:
        return f"plain: {exc}"
    except Exception as exc:  # noqa: BLE001 - what a participant must never see
        return f"raw {type(exc).__name__}: {exc}"


@pytest.mark.parametrize("how", ["read-only folder", "lock file owned by someone else"])
def test_a_read_only_folder_reads_and_refuses_saves_plainly(tmp_path, how):
    folder = tmp_path / "my-work"
    wb = Workbook.open(folder / "workbook.json")
    wb.set("framing", "mission_statement", "kept")
    before = wb.path.read_bytes()
    lock = folder / "workbook.json.lock"

    def make_read_only():
        lock.touch()
        lock.chmod(0o444)
        wb.path.chmod(0o644)
        folder.chmod(0o555 if how == "read-only folder" else 0o777)

    def check():
        mine = Workbook(wb.path)
        return {
            "open": outcome(lambda: Workbook.open(wb.path).get("framing", "mission_statement")),
            "get": outcome(lambda: mine.get("framing", "mission_statement")),
            "section": outcome(lambda: mine.section("framing")),
            "set": outcome(lambda: mine.set("framing", "mission_statement", "new")),
            "new": outcome(lambda: Workbook.open(folder / "another.json")) if how == "read-only folder" else "",
        }

    try:
        result = as_unprivileged(tmp_path, make_read_only, check)
    finally:
        folder.chmod(0o755)
    assert result["open"] == 'ok: "kept"', result
    assert result["get"] == 'ok: "kept"', result
    assert result["section"] == 'ok: {"mission_statement": "kept"}', result
    assert result["set"].startswith("plain: Your answer could not be saved"), result
    assert "How to fix it" in result["set"] and str(wb.path) in result["set"] and ENV_VAR in result["set"]
    if how == "read-only folder":
        assert result["new"].startswith("plain: "), result
    assert wb.path.read_bytes() == before


# --------------------------------------------------------------------------- limits
def test_an_answer_over_200_kb_is_refused_plainly_and_nothing_is_lost(wb):
    from missionkit import workbook

    wb.set("framing", "mission_statement", "kept")
    wb.set("framing", "long_but_fine", "x" * 199_000)
    before = wb.path.read_bytes()
    for big in ["x" * 200_001, ["y" * 1000] * 300, {"table": [{"row": i, "text": "z" * 100} for i in range(5000)]}]:
        with pytest.raises(MissionkitInputError, match="too large to save") as info:
            wb.set("framing", "notes", big)
        assert "at most 200 KB" in str(info.value) and "How to fix it" in str(info.value)
    assert wb.path.read_bytes() == before
    assert workbook.MAX_VALUE_BYTES == 200_000


def test_deep_nesting_and_self_reference_are_refused_plainly(wb):
    wb.set("framing", "mission_statement", "kept")
    before = wb.path.read_bytes()
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    loop: list = []
    loop.append(loop)
    for bad in (deep, loop, {"a": deep}):
        with pytest.raises(MissionkitInputError, match="nested more than 50 levels"):
            wb.set("framing", "notes", bad)
    ok: list = ["bottom"]
    for _ in range(49):
        ok = [ok]
    wb.set("framing", "nested_ok", ok)
    assert wb.get("framing", "nested_ok") == ok
    assert wb.get("framing", "mission_statement") == "kept"
    assert wb.path.read_bytes() != before  # the good one was saved


@pytest.mark.parametrize("where", ["value", "inside", "key", "section"])
def test_a_lone_surrogate_is_refused_plainly(wb, where):
    wb.set("framing", "mission_statement", "kept")
    before = wb.path.read_bytes()
    odd = "copied from a PDF \ud83d here"
    section, key, value = "framing", "notes", "fine"
    if where == "value":
        value = odd
    elif where == "inside":
        value = {"rows": [{"text": odd}]}
    elif where == "key":
        key = odd
    else:
        section = odd
    with pytest.raises(MissionkitInputError, match="a character that is not text") as info:
        wb.set(section, key, value)
    assert "How to fix it" in str(info.value)
    assert wb.path.read_bytes() == before


def test_a_file_nested_too_deep_on_disk_is_damage_not_a_traceback(wb, tmp_path):
    wb.set("framing", "mission_statement", "good draft")
    wb.set("framing", "deadline", 2035)
    deep = "[" * 100_000 + "]" * 100_000
    damage = ('{"schema_version": 1, "meta": {"created": "2026-11-15T09:00:00+00:00", '
              '"updated": "2026-11-15T09:00:00+00:00"}, "sections": {"framing": {"x": ' + deep + '}}}').encode()
    team = tmp_path / "team-deep.json"
    team.write_bytes(damage)
    with pytest.raises(MissionkitInputError, match="nested too deeply"):
        wb.import_from(team)
    wb.path.write_bytes(damage)
    with pytest.warns(WorkbookRecoveredWarning):
        assert wb.get("framing", "mission_statement") == "good draft"
    assert "nested too deeply" in wb.notices[0].message


def test_a_team_file_with_an_oversized_answer_is_refused_and_changes_nothing(wb, tmp_path):
    wb.set("framing", "mission_statement", "mine")
    before = wb.path.read_bytes()
    team = tmp_path / "team-big.json"
    data = notepad_file("theirs")
    data["sections"]["framing"]["notes"] = "x" * 300_000
    team.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(MissionkitInputError, match="too large") as info:
        wb.import_from(team)
    assert "team file" in str(info.value)
    assert wb.path.read_bytes() == before


def test_history_of_a_key_is_capped_in_bytes_too(wb):
    from missionkit import workbook

    for i in range(40):
        wb.set("framing", "notes", f"{i:03d}" + "x" * 150_000)
    history = wb.history("framing", "notes")
    sizes = [len(json.dumps(h["value"]).encode()) for h in history]
    assert sum(sizes) <= 1_000_000
    assert history[-1]["value"].startswith("039")  # the newest is always kept
    assert len(history) == 6  # 6 x 150 KB fit, 7 would not
    assert wb.path.stat().st_size < 1_500_000
    huge = "y" * 199_000
    wb.set("framing", "single", huge)
    assert len(wb.history("framing", "single")) == 1
    assert workbook.HISTORY_BYTES_LIMIT == 1_000_000


def test_a_hand_edited_file_holding_a_lone_surrogate_still_saves(tmp_path):
    path = tmp_path / "workbook.json"
    data = notepad_file("before")
    path.write_text(json.dumps(data).replace('"before"', '"odd \\ud83d text"'), encoding="utf-8")
    wb = Workbook.open(path)
    assert wb.get("framing", "mission_statement") == "odd \ud83d text"
    wb.set("framing", "deadline", 2035)  # no UnicodeEncodeError: written back as the escape it was
    assert wb.get("framing", "mission_statement") == "odd \ud83d text" and wb.notices == []


# --------------------------------------------------------------------------- two copies of one form (issue 17)
def test_a_stale_copy_of_a_form_saves_only_the_field_it_changed(tmp_path):
    """The lesson's copy of a form was opened first (empty); the exercise's copy then saved all four
    steps. One change in the lesson's copy must not write its old, empty fields over them."""
    wb = Workbook.open(tmp_path / "workbook.json")
    lesson_base = {}  # what the lesson's copy loaded: nothing yet
    exercise = {"challenge": {"answer": "yes", "evidence": "road deaths"},
                "support": {"answer": "partly", "evidence": "survey"}}
    wb.save_changes("litmus", "marenta", exercise, base={})
    lesson_now = {"challenge": {"answer": "no", "evidence": ""}}  # one drop-down changed in the old copy
    merged = wb.save_changes("litmus", "marenta", lesson_now, base=lesson_base)
    saved = Workbook.open(tmp_path / "workbook.json").get("litmus", "marenta")
    assert saved["support"] == {"answer": "partly", "evidence": "survey"}, "the other copy's answer survives"
    assert saved["challenge"] == {"answer": "no", "evidence": "road deaths"}, "only the changed field is saved"
    assert merged == saved, "the form gets back what is saved now, to show it"


def test_a_stale_copy_saving_keys_of_a_section_saves_only_the_changed_key(tmp_path):
    wb = Workbook.open(tmp_path / "workbook.json")
    wb.save_changes("litmus", None, {"challenge": "A", "support": "B"}, base={})
    merged = wb.save_changes("litmus", None, {"challenge": "A2", "support": None}, base={"challenge": "A"})
    assert wb.section("litmus") == {"challenge": "A2", "support": "B"} == merged


def test_an_unchanged_save_writes_nothing_and_a_plain_value_is_last_writer_wins(tmp_path):
    wb = Workbook.open(tmp_path / "workbook.json")
    wb.save_changes("framing", "statement", "By 2035, halve ...", base=None)
    before = (tmp_path / "workbook.json").read_bytes()
    assert wb.save_changes("framing", "statement", "old", base="old") == "By 2035, halve ..."
    assert (tmp_path / "workbook.json").read_bytes() == before
    wb.save_changes("framing", "statement", "By 2040, ...", base="By 2035, halve ...")
    assert wb.get("framing", "statement") == "By 2040, ..."


def test_nested_fields_merge_one_level_down(tmp_path):
    """The governance form saves objective_owners (one dict of five owners) with other keys: changing one
    owner in a stale copy keeps the owners chosen in the other copy."""
    wb = Workbook.open(tmp_path / "workbook.json")
    base = {"objective_owners": {"O1": "", "O2": ""}, "ex_ante": False}
    wb.save_changes("governance", None, {"objective_owners": {"O1": "MoT", "O2": "MoF"}, "ex_ante": True}, base)
    stale = {"objective_owners": {"O1": "", "O2": "MoH"}, "ex_ante": False}
    wb.save_changes("governance", None, stale, base)
    assert wb.section("governance") == {"objective_owners": {"O1": "MoT", "O2": "MoH"}, "ex_ante": True}


def test_a_missing_workbook_with_a_good_backup_is_restored_not_started_empty(tmp_path):
    """Issue 17: never start empty over a file that exists. A deleted (or un-synced) workbook.json with
    its .bak beside it: the backup's answers come back, and later saves never write over them."""
    path = tmp_path / "workbook.json"
    wb = Workbook.open(path)
    wb.set("framing", "mission_statement", "By 2035, halve road deaths")
    wb.set("framing", "mission_statement", "By 2035, halve road deaths in three cities")  # now a .bak exists
    path.unlink()
    with pytest.warns(WorkbookRecoveredWarning, match="was restored"):
        again = Workbook.open(path)
        assert again.get("framing", "mission_statement") == "By 2035, halve road deaths"
    again.set("framing", "other", "x")
    again.set("framing", "other", "y")
    assert Workbook.open(path).get("framing", "mission_statement") == "By 2035, halve road deaths"
