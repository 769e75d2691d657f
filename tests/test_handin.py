"""Handing in (missionkit.handin, forms.hand_in_form): atomic snapshots, plain errors, hostile files,
and, as root, the hub's permissions with real Unix users."""
from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import uuid
from pathlib import Path

import pytest

from missionkit import forms, handin
from missionkit.errors import MissionkitInputError
from missionkit.workbook import Workbook
from tests import unix_users as unix_users_mod

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def wb(tmp_path, monkeypatch):
    monkeypatch.delenv(handin.ENV_VAR, raising=False)
    monkeypatch.setenv("JUPYTERHUB_USER", "participant1")
    book = Workbook.open(tmp_path / "my-work" / "workbook.json")
    book.set("framing", "mission_statement", "By 2035, commutes under 45 minutes.")
    book.set("litmus", "challenge", {"answer": "yes", "evidence": "Congestion is rising."})
    return book


def test_hand_in_writes_one_snapshot_readable_by_owner_and_group_only(wb, tmp_path):
    path = handin.hand_in("framing", "  Ana   M. ", workbook=wb)
    assert path.parent == tmp_path / "my-work" / "hand-in", "offline default: my-work/hand-in/"
    assert stat.S_IMODE(path.stat().st_mode) == handin.FILE_MODE
    item = handin.read_handin(path)
    assert (item.key, item.alias, item.login) == ("framing", "Ana M.", "participant1")
    assert item.sections["framing"]["mission_statement"].startswith("By 2035")
    assert handin.NAME_SECTION not in item.sections, "the remembered name is not an answer"
    assert "ana" not in path.name.lower(), "the file is named after the login, never the typed name"
    assert wb.get(handin.NAME_SECTION, "name") == "Ana M.", "the name is remembered for next time"
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")], "no temporary or probe file left"

    wb.set("framing", "mission_statement", "By 2035, commutes under 40 minutes.")
    again = handin.hand_in("framing", "Ana", workbook=wb)
    assert again == path and len(list(path.parent.iterdir())) == 1, "handing in again replaces the snapshot"
    assert "40 minutes" in handin.read_handin(path).sections["framing"]["mission_statement"]
    other = handin.hand_in("capstone", "Ana", workbook=wb)
    assert other != path and len(handin.handin_files(path.parent)) == 2


def test_the_exchange_comes_from_the_environment(wb, tmp_path, monkeypatch):
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    monkeypatch.setenv(handin.ENV_VAR, str(exchange))
    path = handin.hand_in("framing", "Ana", workbook=wb)
    assert path.parent == exchange


def test_two_hand_ins_at_once_lose_neither(tmp_path, monkeypatch):
    monkeypatch.delenv(handin.ENV_VAR, raising=False)
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    books = []
    for i in range(6):
        book = Workbook.open(tmp_path / f"p{i}" / "workbook.json")
        book.set("framing", "who", f"p{i}")
        books.append(book)
    errors: list[BaseException] = []

    def go(book: Workbook, n: int) -> None:
        try:
            for _ in range(5):
                handin.store_handin(handin.snapshot(book, "framing", f"Person {n}"), exchange)
        except BaseException as exc:  # pragma: no cover - the assertion below shows it
            errors.append(exc)

    threads = [threading.Thread(target=go, args=(b, i)) for i, b in enumerate(books)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    files = handin.handin_files(exchange)
    assert len(files) == 6, "one file per participant, none lost"
    assert sorted(handin.read_handin(f).sections["framing"]["who"] for f in files) == [f"p{i}" for i in range(6)]


def test_two_laptops_with_the_same_user_name_do_not_overwrite_each_other(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "student")
    a = Workbook.open(tmp_path / "laptop-a" / "workbook.json")
    b = Workbook.open(tmp_path / "laptop-b" / "workbook.json")
    stick = tmp_path / "stick"
    stick.mkdir()
    assert handin.hand_in("framing", "Ana", workbook=a, exchange=stick) != \
        handin.hand_in("framing", "Ana", workbook=b, exchange=stick)


@pytest.mark.parametrize("alias, words", [
    ("", "needs a name"),
    ("   ", "needs a name"),
    ("x" * 61, "too long"),
    ("Ana\x00", "not text"),
])
def test_a_bad_name_gets_a_plain_message(wb, alias, words):
    with pytest.raises(MissionkitInputError) as caught:
        handin.hand_in("framing", alias, workbook=wb)
    assert words in str(caught.value) and "How to fix it" in str(caught.value)


@pytest.mark.parametrize("key", ["", "Framing", "../etc", "a" * 41, "fr aming", None])
def test_a_bad_key_is_refused(wb, key):
    with pytest.raises(MissionkitInputError, match="hand-in key"):
        handin.hand_in(key, "Ana", workbook=wb)


def test_a_missing_hub_exchange_is_named_with_what_to_do(wb, tmp_path, monkeypatch):
    monkeypatch.setenv(handin.ENV_VAR, str(tmp_path / "no-such-exchange"))
    with pytest.raises(MissionkitInputError) as caught:
        handin.hand_in("framing", "Ana", workbook=wb)
    text = str(caught.value)
    assert "no-such-exchange" in text and "does not exist" in text and "Tell your trainer" in text
    assert "safe in your workbook" in text
    assert not (tmp_path / "no-such-exchange").exists(), "a hub's exchange is never made by a participant"


def test_a_missing_usb_stick_is_named_with_what_to_do(wb, tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(MissionkitInputError, match="USB stick"):
        handin.check_exchange(tmp_path / "file", create=False)


@pytest.mark.parametrize("code, words", [
    (errno.EACCES, "may not write into the hand-in folder"),
    (errno.EROFS, "may not write into the hand-in folder"),
    (errno.ENOSPC, "is full"),
    (errno.EDQUOT, "is full"),
    (errno.EIO, "could not be written"),
])
def test_write_failures_are_plain_and_lose_nothing(wb, monkeypatch, code, words):
    before = wb.to_dict()["sections"]

    def failing(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(handin, "atomic_write", failing)
    with pytest.raises(MissionkitInputError) as caught:
        handin.hand_in("framing", "Ana", workbook=wb)
    text = str(caught.value)
    assert words in text and "hand-in" in text and "How to fix it" in text, text
    assert wb.to_dict()["sections"]["framing"] == before["framing"]
    assert not [p for p in (wb.path.parent / "hand-in").iterdir() if p.suffix == ".json"]


def test_an_unwritable_exchange_is_found_by_the_probe(wb, tmp_path, monkeypatch):
    real_open = os.open

    def deny(path, flags, *args):
        if ".probe-" in str(path):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(handin.os, "open", deny)
    with pytest.raises(MissionkitInputError, match="may not write"):
        handin.check_exchange(tmp_path)


# --------------------------------------------------------------------------- hostile files
def _good(**change) -> dict:
    data = {"missionkit_handin": 1, "key": "framing", "alias": "Ana", "login": "participant1",
            "workbook_id": "0a1b2c", "handed_in": "2026-12-08T09:00:00+00:00",
            "sections": {"framing": {"mission_statement": "By 2035 ..."}}}
    data.update(change)
    return data


def _deep(n: int):
    value: object = "x"
    for _ in range(n):
        value = [value]
    return value


@pytest.mark.parametrize("raw, words", [
    (b"", "not valid JSON"),
    (b"\xff\xfe\x00", "not UTF-8"),
    (b"[1, 2]", "no 'missionkit_handin' mark"),
    (json.dumps({"schema_version": 1, "meta": {}, "sections": {}}).encode(), "no 'missionkit_handin' mark"),
    (json.dumps(_good(extra=1)).encode(), "its fields are"),
    (json.dumps(_good(alias="")).encode(), "not short plain text"),
    (json.dumps(_good(alias="<script>\n")).encode(), "not short plain text"),
    (json.dumps(_good(key="../../etc/passwd")).encode(), "not in the expected form"),
    (json.dumps(_good(handed_in="yesterday")).encode(), "not in the expected form"),
    (json.dumps(_good(workbook_id="../x")).encode(), "workbook id"),
    (json.dumps(_good(sections=[])).encode(), "wrong type"),
    (json.dumps(_good(sections={"framing": "text"})).encode(), "wrong type"),
    (json.dumps(_good(sections={"framing": {"q": _deep(80)}})).encode(), "nested too deeply"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b" " * (handin.MAX_HANDIN_BYTES + 1), "MB"),
])
def test_hostile_or_damaged_files_are_refused_plainly(raw, words):
    with pytest.raises(MissionkitInputError) as caught:
        handin.parse_handin(raw, "stick/x.handin.json")
    text = str(caught.value)
    assert words in text and "not a hand-in the course can read" in text and "How to fix it" in text, text


def test_links_and_oversized_files_are_not_read(tmp_path):
    good = tmp_path / "good.handin.json"
    good.write_text(json.dumps(_good()))
    assert handin.read_handin(good).alias == "Ana"
    link = tmp_path / "link.handin.json"
    link.symlink_to("/etc/passwd")
    with pytest.raises(MissionkitInputError, match="not a regular file"):
        handin.read_handin(link)
    big = tmp_path / "big.handin.json"
    with open(big, "wb") as handle:
        handle.truncate(handin.MAX_HANDIN_BYTES + 10)
    with pytest.raises(MissionkitInputError, match="MB"):
        handin.read_handin(big)


# --------------------------------------------------------------------------- the form
def test_the_form_hands_in_and_confirms_and_keeps_the_name_on_error(wb, monkeypatch, tmp_path):
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(wb.path))
    form = forms.hand_in_form("framing")
    box, button, status = form.children[0].children[-1], form.children[1], form.children[2]
    box.value = "Blue team 2"
    button.click()
    assert "Handed in at" in status.value and "Blue team 2" in status.value and "replaces" in status.value
    assert len(handin.handin_files(wb.path.parent / "hand-in")) == 1
    assert forms.hand_in_form("framing").children[0].children[-1].value == "Blue team 2", "name remembered"

    monkeypatch.setenv(handin.ENV_VAR, str(tmp_path / "gone"))
    box.value = "Blue team 2 <b>"
    button.click()
    assert "does not exist" in status.value and "still in the box" in status.value
    assert box.value == "Blue team 2 <b>"
    bundle = form._repr_mimebundle_()
    assert "Hand in to the trainer" in bundle["text/html"]


def test_participant_text_in_the_confirmation_is_escaped(wb, monkeypatch):
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(wb.path))
    form = forms.hand_in_form("framing")
    box, button, status = form.children[0].children[-1], form.children[1], form.children[2]
    box.value = "<img src=x onerror=alert(1)>"
    button.click()
    assert "<img" not in status.value and "&lt;img" in status.value


# --------------------------------------------------------------------------- real Unix permissions
@pytest.fixture(scope="module")
def unix_users():
    why = unix_users_mod.can_make_users()
    if why:
        pytest.skip(why)
    group = "mbtest-trainers"
    unix_users_mod.ensure_group(group)
    names = {"a": "mbtest-p1", "b": "mbtest-p2", "trainer": "mbtest-tr"}
    unix_users_mod.ensure_user(names["a"])
    unix_users_mod.ensure_user(names["b"])
    unix_users_mod.ensure_user(names["trainer"], group)
    return names, group


def _as(user: str, code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return unix_users_mod.run_as(user, code, env)


def test_hub_permissions_with_real_unix_users(unix_users):
    names, group = unix_users
    base = Path(tempfile.mkdtemp(prefix="mbtest-exchange-"))
    try:
        base.chmod(0o755)
        exchange = handin.prepare_exchange(base / "exchange", group)
        mode = exchange.stat()
        assert stat.S_IMODE(mode.st_mode) == handin.EXCHANGE_MODE
        hand = ("import os, sys\n"
                "from missionkit import handin\nfrom missionkit.workbook import Workbook\n"
                "wb = Workbook.open(os.environ['WB'])\nwb.set('framing', 'who', os.environ['USER'])\n"
                "print(handin.hand_in('framing', 'Alias ' + os.environ['USER'], workbook=wb))\n")
        paths = {}
        for who in ("a", "b"):
            home = base / who
            home.mkdir()
            shutil.chown(home, names[who])
            run = _as(names[who], hand, {"WB": str(home / "workbook.json"), "MISSIONKIT_EXCHANGE": str(exchange),
                                         "JUPYTERHUB_USER": names[who], "HOME": str(home)})
            assert run.returncode == 0, run.stderr
            paths[who] = Path(run.stdout.strip())
            info = paths[who].stat()
            assert stat.S_IMODE(info.st_mode) == 0o640 and info.st_gid == mode.st_gid, "group trainers, 0o640"
        peek = ("import sys\n"
                "for what, act in [('read', lambda: open(sys.argv[1]).read()), ('list', lambda: __import__('os')"
                ".listdir(sys.argv[2]))]:\n"
                "    try:\n        act(); print(what, 'ALLOWED')\n"
                "    except PermissionError:\n        print(what, 'PermissionError')\n")
        b_peeks = _as(names["b"], peek.replace("sys.argv[1]", repr(str(paths["a"]))).replace(
            "sys.argv[2]", repr(str(exchange))), {})
        assert b_peeks.stdout.split("\n")[:2] == ["read PermissionError", "list PermissionError"], b_peeks
        # b cannot replace or delete a's hand-in either (sticky folder)
        view = ("from missionkit.authoring import cohort_view\ntry:\n"
                f"    cohort_view.load_cohort({str(exchange)!r})\nexcept Exception as exc:\n    print(exc)\n")
        refused = unix_users_mod.run_as(names["b"], view, imports="import missionkit.authoring.cohort_view")
        assert "may not read the hand-in folder" in refused.stdout, refused
        mine = exchange / "b-own.tmp"
        clobber = ("import sys\nopen(sys.argv[1], 'w').write('x')\n"
                   "for act in (lambda: os.replace(sys.argv[1], sys.argv[2]), lambda: os.unlink(sys.argv[2])):\n"
                   "    try:\n        act(); print('ALLOWED')\n"
                   "    except PermissionError:\n        print('PermissionError')\n")
        clobber = clobber.replace("sys.argv[1]", repr(str(mine))).replace("sys.argv[2]", repr(str(paths["a"])))
        assert _as(names["b"], clobber, {}).stdout.split() == ["PermissionError", "PermissionError"]
        mine.unlink()
        files = f"handin.handin_files({str(exchange)!r})"
        view = ("from missionkit import handin\n"
                f"print(json.dumps(sorted(h.alias for h in map(handin.read_handin, {files}))))")
        trainer = _as(names["trainer"], view, {})
        assert trainer.returncode == 0, trainer.stderr
        assert json.loads(trainer.stdout) == [f"Alias {names['a']}", f"Alias {names['b']}"]
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_prepare_exchange_needs_an_existing_group(tmp_path):
    with pytest.raises(MissionkitInputError, match="groupadd"):
        handin.prepare_exchange(tmp_path / "x", "no-such-group-" + uuid.uuid4().hex[:6])


# --------------------------------------------------------------------------- the notebook tool
def test_the_hand_in_cells_tool_is_idempotent_and_keys_by_slug():
    sys.path.insert(0, str(ROOT / "tools"))
    import add_hand_in_cells as tool
    import nbtools

    assert tool.module_key(Path("03-framing-solution.ipynb")) == "framing"
    assert tool.module_key(Path("12-capstone-exercise.ipynb")) == "capstone"
    for path in nbtools.solutions()[:3]:
        once = tool.with_hand_in(nbtools.load(path), tool.module_key(path))
        twice = tool.with_hand_in(tool.with_hand_in(nbtools.load(path), "x"), tool.module_key(path))
        assert nbtools.normalise(once, seed="s") == nbtools.normalise(twice, seed="s")
        ids = [c.id for c in once.cells]
        assert ids.count("hand-in-form") == 1
        code = next(c for c in once.cells if c.id == "hand-in-form").source
        assert f'forms.hand_in_form("{tool.module_key(path)}")' in code
        tail = [c for c in once.cells[ids.index("hand-in-form") + 1:]]
        assert all("trainer-notes" in c.metadata.get("tags", []) for c in tail)
        handin.check_key(tool.module_key(path))


def test_only_the_local_default_folder_is_created(wb, tmp_path):
    with pytest.raises(MissionkitInputError, match="does not exist"):
        handin.hand_in("framing", "Ana", workbook=wb, exchange=tmp_path / "usb" / "hand-in")
    assert not (tmp_path / "usb").exists(), "an unplugged stick's folder is never made on the laptop"
    assert handin.hand_in("framing", "Ana", workbook=wb).parent.is_dir()
