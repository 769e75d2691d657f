"""Handing in: a snapshot of the participant's workbook, with a name they choose, for the trainer.

``hand_in("framing", "Ana")`` copies the participant's saved answers (not their earlier drafts)
into the cohort's *exchange* folder, as one file per participant and hand-in key::

    <exchange>/framing--participant3-1a2b3c.handin.json

Where the exchange is (docs/decisions/0012-hand-in-exchange.md):

- ``$MISSIONKIT_EXCHANGE`` when set (a course hub sets it for every participant);
- otherwise ``my-work/hand-in/`` beside the workbook: in an offline room the trainer collects
  these folders (USB stick, shared drive) and imports them with
  ``python -m missionkit.authoring.cohort import-handins FOLDER``.

How it is kept safe:

- atomic: a temporary file in the same folder, then ``os.replace``; handing in again replaces the
  earlier snapshot, and two participants handing in at once each get a file of their own;
- the file name comes from the login name and the workbook's own id, never from the typed name,
  so two people who choose the same alias do not overwrite each other;
- on a hub the exchange is ``root:trainers`` with mode ``0o3773`` (set-group-id, sticky,
  participants may create files but not list or read them) and each file is ``0o640``: only the
  trainers' group reads hand-ins (``prepare_exchange`` sets this up; deploy/ calls it);
- reading a hand-in (``read_handin``) checks size, type and structure before anything is used,
  with the workbook's own limits: a hostile or damaged file is refused with a plain message.

Domain code: no display library; the form is ``missionkit.forms.hand_in_form``.
"""
from __future__ import annotations

import errno
import getpass
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from missionkit.errors import MissionkitInputError
from missionkit.workbook import SCHEMA_VERSION, Workbook, atomic_write, parse_workbook, resolve_workbook_path

ENV_VAR = "MISSIONKIT_EXCHANGE"
HANDIN_VERSION = 1
SUFFIX = ".handin.json"
FILE_MODE = 0o640       # the owner and the trainers' group read it; nobody else
EXCHANGE_MODE = 0o3773  # set-group-id + sticky; owner and group rwx; others may create, never list or read
MAX_HANDIN_BYTES = 5_000_000  # one snapshot (answers without their history)
MAX_NAME_CHARS = 60
NAME_SECTION = "hand_in"  # where the chosen name is remembered in the workbook; never handed in
KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
_FIELDS = {"missionkit_handin", "key", "alias", "login", "workbook_id", "handed_in", "sections"}

__all__ = [
    "ENV_VAR",
    "EXCHANGE_MODE",
    "FILE_MODE",
    "HandIn",
    "MAX_HANDIN_BYTES",
    "check_exchange",
    "hand_in",
    "handin_files",
    "login_name",
    "prepare_exchange",
    "read_handin",
    "resolve_exchange",
    "store_handin",
]


@dataclass(frozen=True)
class HandIn:
    """One participant's snapshot for one hand-in key."""

    key: str          # what was handed in, e.g. "framing" or "capstone"
    alias: str        # the name or alias the participant typed
    login: str        # the account that handed it in (hub user, or the laptop's user)
    workbook_id: str  # a short id of the participant's workbook, stable across hand-ins
    handed_in: str    # ISO time, UTC
    sections: dict[str, dict[str, Any]]

    @property
    def participant(self) -> str:
        """Who handed it in, as a stable id (login plus workbook id)."""
        return f"{self.login}-{self.workbook_id}"

    @property
    def file_name(self) -> str:
        return f"{self.key}--{_safe(self.login)}-{self.workbook_id}{SUFFIX}"

    def to_json(self) -> bytes:
        data = {"missionkit_handin": HANDIN_VERSION, "key": self.key, "alias": self.alias, "login": self.login,
                "workbook_id": self.workbook_id, "handed_in": self.handed_in, "sections": self.sections}
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8", "backslashreplace")


# --------------------------------------------------------------------------- names and places
def _safe(text: str) -> str:
    """A file-name-safe form of a login name (letters, digits, - and _), never empty."""
    clean = re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-")[:40]
    return clean or "x" + hashlib.sha1(text.encode("utf-8", "backslashreplace")).hexdigest()[:8]


def login_name() -> str:
    """The hub user (``$JUPYTERHUB_USER``), else this computer's user name."""
    hub_user = os.environ.get("JUPYTERHUB_USER", "").strip()
    if hub_user:
        return hub_user
    try:
        return getpass.getuser() or "participant"
    except (OSError, KeyError):  # no user name known (some containers)
        return "participant"


def resolve_exchange(workbook_path: str | os.PathLike | None = None) -> Path:
    """``$MISSIONKIT_EXCHANGE``, else ``hand-in/`` beside the workbook (``my-work/hand-in/``)."""
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    book = Path(workbook_path) if workbook_path is not None else resolve_workbook_path()
    return book.parent / "hand-in"


def check_key(key: Any) -> str:
    if not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
        raise MissionkitInputError(
            f"The hand-in key {key!r} is not usable",
            fix="Use the module's short name in lower case letters, digits, - or _, for example \"framing\"")
    return key


def check_alias(alias: Any) -> str:
    text = " ".join(str(alias or "").split())
    if not text:
        raise MissionkitInputError(
            "The hand-in needs a name: your name, or an alias the trainer will recognise",
            fix="Type a name in the box (an alias such as 'Blue team 2' is fine), then click the button again")
    if len(text) > MAX_NAME_CHARS or any(not c.isprintable() for c in text):
        raise MissionkitInputError(
            f"The name '{text[:MAX_NAME_CHARS]}…' is too long or holds characters that are not text "
            f"(at most {MAX_NAME_CHARS} letters)",
            fix="Type a shorter name, then click the button again")
    return text


def _workbook_id(data: dict, path: Path) -> str:
    """A short id of one workbook: stable across hand-ins, different on two laptops with one user name."""
    seed = f"{data['meta'].get('created')}|{path}"
    return hashlib.sha1(seed.encode("utf-8", "backslashreplace")).hexdigest()[:6]


# --------------------------------------------------------------------------- the exchange
def _os_error(exc: OSError, folder: Path, on_hub: bool) -> MissionkitInputError:
    where = str(folder)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return MissionkitInputError(
            f"The hand-in could not be written: the disk holding the folder '{where}' is full",
            fix="Tell your trainer (they can free space or change the folder); your answers are safe in your "
            "workbook, so hand in again once there is space", file=where)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        who = ("the trainer or IT must make it writable for participants (mode 3773, see the course's "
               "hub set-up)") if on_hub else "check the folder is not read-only (a locked USB stick, a read-only share)"
        return MissionkitInputError(
            f"This notebook may not write into the hand-in folder '{where}' ({exc.strerror})",
            fix=f"Tell your trainer: {who}. Your answers are safe in your workbook; hand in again afterwards",
            file=where)
    return MissionkitInputError(
        f"The hand-in could not be written into the folder '{where}' ({exc.strerror or exc})",
        fix="Tell your trainer; your answers are safe in your workbook, so you can hand in again later",
        file=where)


def check_exchange(folder: str | os.PathLike | None = None, *, create: bool | None = None,
                   on_hub: bool | None = None) -> Path:
    """The exchange folder, ready to take a file: created if it is the local default, else it must exist;
    a probe file is written and removed. Raises a plain error naming the folder and what to do.

    ``on_hub`` (default: ``$MISSIONKIT_EXCHANGE`` is set and no folder is given) words the advice for a hub.
    """
    if on_hub is None:
        on_hub = folder is None and bool(os.environ.get(ENV_VAR, "").strip())
    path = Path(folder).expanduser() if folder is not None else resolve_exchange()
    if create is None:  # only the local default (my-work/hand-in) is made; a named folder must exist
        create = folder is None and not on_hub
    if create:
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _os_error(exc, path, on_hub) from None
    if not path.is_dir():
        raise MissionkitInputError(
            f"The hand-in folder '{path}' does not exist (or is not a folder)",
            fix=(f"Tell your trainer: the hub must create it (deploy/tljh-setup.sh does), or {ENV_VAR} must name "
                 "the right folder. Your answers are safe in your workbook") if on_hub else
            "Plug in the USB stick or connect the shared drive, or ask your trainer which folder to use",
            file=str(path))
    probe = path / f".probe-{_safe(login_name())}-{os.getpid()}.tmp"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, b"probe")
        finally:
            os.close(fd)
        probe.unlink()
    except OSError as exc:
        if exc.errno != errno.EACCES:
            probe.unlink(missing_ok=True)
        raise _os_error(exc, path, on_hub) from None
    return path


def prepare_exchange(folder: str | os.PathLike, group: str | None = None) -> Path:
    """Create (or repair) a hub's exchange: owned by root and ``group`` (the trainers), mode 0o3773.

    Run as root by the hub set-up (deploy/tljh-setup.sh). Files already there become group ``group``
    and mode 0o640. Without ``group`` the folder keeps its group (a laptop or a test).
    """
    import grp

    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    gid = -1
    if group is not None:
        try:
            gid = grp.getgrnam(group).gr_gid
        except KeyError:
            raise MissionkitInputError(f"There is no Unix group named '{group}'",
                                       fix=f"Create it first: sudo groupadd {group}") from None
        os.chown(path, -1, gid)
    os.chmod(path, EXCHANGE_MODE)
    for item in path.iterdir():
        if item.is_file() and not item.is_symlink():
            os.chown(item, -1, gid)
            os.chmod(item, FILE_MODE)
    return path


# --------------------------------------------------------------------------- handing in
def snapshot(wb: Workbook, key: str, alias: str) -> HandIn:
    """The hand-in for ``key``: every saved answer (no history), the name chosen, who and when."""
    data = wb.to_dict()
    sections = {name: answers for name, answers in data["sections"].items() if name != NAME_SECTION}
    return HandIn(key=check_key(key), alias=check_alias(alias), login=login_name(),
                  workbook_id=_workbook_id(data, wb.path),
                  handed_in=datetime.now(UTC).isoformat(timespec="seconds"), sections=sections)


def store_handin(item: HandIn, folder: str | os.PathLike, *, on_hub: bool = False) -> Path:
    """Write one hand-in atomically into ``folder`` (replacing the same participant's earlier one)."""
    path = Path(folder)
    target = path / item.file_name
    payload = item.to_json()
    if len(payload) > MAX_HANDIN_BYTES:
        raise MissionkitInputError(
            f"The hand-in is too large: {len(payload) / 1e6:.1f} MB (the limit is {MAX_HANDIN_BYTES / 1e6:.0f} MB)",
            fix="Shorten very long answers in your workbook, then hand in again", file=str(target))
    try:
        atomic_write(target, payload, mode=FILE_MODE)
    except PermissionError as exc:
        if target.exists():  # on a hub (sticky folder): a file under this name belongs to someone else
            raise MissionkitInputError(
                f"A hand-in named '{target.name}' is already in the folder '{path}' and belongs to another account",
                fix="Tell your trainer, who can remove that file; your answers are safe in your workbook",
                file=str(target)) from None
        raise _os_error(exc, path, on_hub) from None
    except OSError as exc:
        raise _os_error(exc, path, on_hub) from None
    return target


def hand_in(key: str, alias: str, *, workbook: Workbook | None = None,
            exchange: str | os.PathLike | None = None) -> Path:
    """Hand in a snapshot of the workbook under ``key`` with the name ``alias``; returns the file written.

    The chosen name is also remembered in the workbook (so the form shows it next time).
    """
    key, alias = check_key(key), check_alias(alias)
    wb = workbook if workbook is not None else Workbook.open()
    on_hub = exchange is None and bool(os.environ.get(ENV_VAR, "").strip())
    folder = check_exchange(exchange if exchange is not None else resolve_exchange(wb.path),
                            create=exchange is None and not on_hub, on_hub=on_hub)
    wb.set(NAME_SECTION, "name", alias)
    return store_handin(snapshot(wb, key, alias), folder, on_hub=on_hub)


# --------------------------------------------------------------------------- reading
def _refuse(problem: str, file: str) -> MissionkitInputError:
    return MissionkitInputError(f"This is not a hand-in the course can read: {problem}",
                                fix="Leave it out (ask the participant to hand in again)", file=file)


def parse_handin(raw: bytes, file: str) -> HandIn:
    """Check a hand-in file's bytes: size, JSON, fields, and its answers as a workbook is checked."""
    if len(raw) > MAX_HANDIN_BYTES:
        raise _refuse(f"it is {len(raw) / 1e6:.1f} MB, more than the {MAX_HANDIN_BYTES / 1e6:.0f} MB a hand-in "
                      "may be", file)
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _refuse("it is not UTF-8 text", file) from None
    except json.JSONDecodeError as exc:
        raise _refuse(f"it is not valid JSON ({exc.msg} at line {exc.lineno})", file) from None
    except RecursionError:
        raise _refuse("it is nested too deeply", file) from None
    if not isinstance(data, dict) or data.get("missionkit_handin") != HANDIN_VERSION:
        raise _refuse("it has no 'missionkit_handin' mark (is it a workbook or another file?)", file)
    if set(data) != _FIELDS:
        raise _refuse(f"its fields are {sorted(data)}, not {sorted(_FIELDS)}", file)
    texts = {k: data[k] for k in ("key", "alias", "login", "workbook_id", "handed_in")}
    if not all(isinstance(v, str) and 0 < len(v) <= 200 and v.isprintable() for v in texts.values()):
        raise _refuse("its key, name, login, id or time is missing or not short plain text", file)
    try:
        check_key(texts["key"])
        check_alias(texts["alias"])
        when = datetime.fromisoformat(texts["handed_in"])
    except (MissionkitInputError, ValueError):
        raise _refuse("its key, name or time is not in the expected form", file) from None
    if not re.fullmatch(r"[0-9a-f]{6}", texts["workbook_id"]):
        raise _refuse("its workbook id is not six hexadecimal digits", file)
    as_workbook = {"schema_version": SCHEMA_VERSION,
                   "meta": {"created": texts["handed_in"], "updated": texts["handed_in"]},
                   "sections": data["sections"], "history": {}}
    try:
        checked = parse_workbook(json.dumps(as_workbook).encode("utf-8", "backslashreplace"), file,
                                 "The hand-in's answers")
    except (TypeError, ValueError) as exc:  # MissionkitInputError is a ValueError
        raise _refuse(getattr(exc, "problem", str(exc)), file) from None
    stamp = (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC).isoformat(timespec="seconds")
    return HandIn(key=texts["key"], alias=" ".join(texts["alias"].split()), login=texts["login"],
                  workbook_id=texts["workbook_id"], handed_in=stamp, sections=checked["sections"])


def read_handin(path: str | os.PathLike) -> HandIn:
    """Read and check one hand-in file; never follows a link or reads a device or an oversized file."""
    file = Path(path)
    try:
        info = file.lstat()
    except OSError as exc:
        raise _refuse(f"it cannot be opened ({exc.strerror})", str(file)) from None
    if not stat.S_ISREG(info.st_mode):
        raise _refuse("it is not a regular file (a link, a folder or a device)", str(file))
    if info.st_size > MAX_HANDIN_BYTES:
        raise _refuse(f"it is {info.st_size / 1e6:.1f} MB, more than the {MAX_HANDIN_BYTES / 1e6:.0f} MB a "
                      "hand-in may be", str(file))
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            raw = handle.read(MAX_HANDIN_BYTES + 1)
    except OSError as exc:
        raise _refuse(f"it cannot be opened ({exc.strerror})", str(file)) from None
    return parse_handin(raw, str(file))


def handin_files(folder: str | os.PathLike) -> list[Path]:
    """Every ``*.handin.json`` in ``folder`` and its subfolders (a hub may keep one folder per person)."""
    base = Path(folder)
    os.listdir(base)  # a folder this account may not list raises PermissionError (rglob would say "empty")
    return sorted(p for p in base.rglob(f"*{SUFFIX}") if not p.name.startswith("."))
