"""The participant's workbook: every answer saved to one JSON file, at once.

A form calls ``wb.set(section, key, value)`` and the value is on disk before
the call returns, so a crashed or restarted kernel loses nothing and later
modules can reuse earlier answers::

    wb = Workbook.open()
    wb.set("framing", "mission_statement", "By 2035, ...")
    wb.get("framing", "mission_statement")
    wb.history("framing", "mission_statement")   # earlier drafts, oldest first

How the file is kept safe (see docs/decisions/0004-workbook.md):

- one path whatever folder the kernel runs in (``resolve_workbook_path``);
- a file lock around every read-modify-write, so two notebooks (two kernels)
  never overwrite each other's answers;
- atomic writes (temp file, fsync, ``os.replace``) and a ``.bak`` copy of the
  previous good file;
- a corrupt or hand-edited file is moved aside (``workbook.json.corrupt-<time>``),
  the ``.bak`` copy is restored and a plain-language notice says what happened;
  a damaged ``.bak`` is moved aside too before an empty workbook is started;
- a file written by Notepad (UTF-8 with a byte order mark, UTF-16, or "ANSI":
  cp1252 / Latin-1) is read as it is; the next save writes plain UTF-8;
- a file from a newer course version (a higher ``schema_version``) is refused with
  a plain message and left exactly as it is, and so is a damaged file whose backup
  is from a newer version or cannot be opened: nothing is started over them;
- a folder where the lock file cannot be created (read-only) still lets the
  workbook be read, without the lock (writes are atomic renames, so a reader sees
  a whole file); saving there gives a plain error;
- limits, each refused with a plain message before anything is written: one
  answer at most ``MAX_VALUE_BYTES`` (200 KB) as JSON, nested at most
  ``MAX_DEPTH`` (50) levels, text without lone surrogates; a key's history keeps
  at most ``HISTORY_LIMIT`` (50) entries and ``HISTORY_BYTES_LIMIT`` (1 MB).
"""
from __future__ import annotations

import codecs
import html
import json
import os
import tempfile
import warnings
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from filelock import FileLock, Timeout
from pydantic import BaseModel, ConfigDict, ValidationError

from missionkit.answers import merge_changes, same_answer
from missionkit.errors import MissionkitInputError

SCHEMA_VERSION = 1
ENV_VAR = "MISSIONKIT_WORKBOOK"
HISTORY_LIMIT = 50
HISTORY_BYTES_LIMIT = 1_000_000  # the earlier values of one key, as JSON; the newest is always kept
MAX_VALUE_BYTES = 200_000  # one answer, as compact UTF-8 JSON: about 200,000 letters of plain text
MAX_DEPTH = 50  # lists and dicts inside one another, in one answer
_FILE_DEPTH = MAX_DEPTH + 6  # a value sits 6 levels down in the file (history > section > key > [] > {})
LOCK_TIMEOUT_SECONDS = 15
TEAMMATE_PREFIX = "teammate:"

__all__ = [
    "ENV_VAR",
    "ImportReport",
    "Workbook",
    "WorkbookNotice",
    "WorkbookRecoveredWarning",
    "atomic_write",
    "escape",
    "find_course_root",
    "open_workbook",
    "parse_workbook",
    "resolve_workbook_path",
]


# --------------------------------------------------------------------------- schema
class Meta(BaseModel):
    model_config = ConfigDict(extra="forbid")
    created: datetime
    updated: datetime
    owner: str | None = None
    note: str | None = None


class HistoryEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    at: datetime
    value: Any


class WorkbookFile(BaseModel):
    """Schema of workbook.json (and of a team file made by ``export``)."""

    model_config = ConfigDict(extra="forbid")
    schema_version: Literal[1]
    meta: Meta
    sections: dict[str, dict[str, Any]] = {}
    history: dict[str, dict[str, list[HistoryEntry]]] = {}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _empty(owner: str | None = None) -> dict:
    now = _now()
    return {
        "schema_version": SCHEMA_VERSION,
        "meta": {"created": now, "updated": now, "owner": owner},
        "sections": {},
        "history": {},
    }


class _NewerFile(Exception):
    """The file was written by a newer course version: refuse it, never set it aside."""

    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


def _newer_error(file: Path, version: int, what: str = "Your workbook") -> MissionkitInputError:
    return MissionkitInputError(
        f"{what} was saved by a newer version of the course (its schema_version is {version}; "
        f"this copy of missionkit reads version {SCHEMA_VERSION}), so it was not opened and nothing "
        "in it was changed",
        fix="Update the course to its latest version (click your course link again, or ask your trainer "
        "to update the hub or your laptop's copy), then run the cell again. Do not delete or edit the file",
        file=str(file),
    )


def _decode(raw: bytes) -> str:
    """The file's text: UTF-8 (with or without Notepad's byte order mark), UTF-16 with a
    byte order mark, else Windows "ANSI" (cp1252) or Latin-1, which read any byte."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    body = raw.removeprefix(codecs.BOM_UTF8)
    for encoding in ("utf-8", "cp1252"):
        try:
            return body.decode(encoding)
        except UnicodeDecodeError:
            pass
    return body.decode("latin-1")


def _too_deep(value: Any, limit: int) -> bool:
    """True if lists and dicts nest more than ``limit`` levels (or hold themselves); no recursion."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list, tuple)):
            if depth > limit:
                return True
            stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item))
    return False


def _problem_with(raw: bytes) -> tuple[str | None, dict | None]:
    """Return (plain-language problem, None) or (None, parsed data).

    Raises ``_NewerFile`` for a file from a newer course version.
    """
    text = _decode(raw).lstrip("\ufeff")
    if not text.strip():
        return "the file is empty", None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return f"it is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})", None
    except RecursionError:
        return "it is nested too deeply (lists or dicts inside one another thousands of times)", None
    if not isinstance(data, dict):
        return "its top level should be a JSON object { ... }", None
    version = data.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise _NewerFile(version)
    if version != SCHEMA_VERSION:
        return (
            f"it has schema_version {version!r}, but this missionkit reads version {SCHEMA_VERSION}",
            None,
        )
    try:
        WorkbookFile.model_validate(data)
    except ValidationError as exc:
        details = "; ".join(
            f"{' > '.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()[:3]
        )
        return f"some entries have the wrong type ({details})", None
    if _too_deep(data, _FILE_DEPTH):
        return f"it is nested too deeply (an answer holds lists or dicts more than {MAX_DEPTH} levels deep)", None
    return None, data


def parse_workbook(raw: bytes, file: str, what: str = "The workbook file") -> dict:
    """A workbook file's data, checked as ``Workbook.open`` checks it; a plain error if it is not one."""
    try:
        problem, data = _problem_with(raw)
    except _NewerFile as newer:
        raise _newer_error(Path(file), newer.version, what) from None
    if problem is not None or data is None:
        raise MissionkitInputError(f"{what} cannot be read: {problem}",
                                   fix="Leave it out, or ask its owner to save or hand it in again", file=file)
    return data


# --------------------------------------------------------------------------- paths
def find_course_root(start: str | os.PathLike | None = None) -> Path | None:
    """The nearest folder at or above ``start`` holding ``_toc.yml`` and ``missionkit/``."""
    here = Path(start if start is not None else Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "_toc.yml").is_file() and (folder / "missionkit").is_dir():
            return folder
    return None


def resolve_workbook_path(start: str | os.PathLike | None = None) -> Path:
    """Where the workbook lives: $MISSIONKIT_WORKBOOK, else <course root>/my-work/,
    else ~/mission-bootcamp/my-work/."""
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return Path(from_env).expanduser().resolve()
    root = find_course_root(start)
    if root is not None:
        return root / "my-work" / "workbook.json"
    return Path.home() / "mission-bootcamp" / "my-work" / "workbook.json"


# --------------------------------------------------------------------------- files
def atomic_write(path: Path, payload: bytes, mode: int | None = None) -> None:
    """Write ``payload`` to ``path`` so readers see the old or the new file, never half
    (``mode``: the file's permission bits, set before it takes the name)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if mode is not None:
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:  # pragma: no cover - some filesystems refuse directory handles
        return
    try:
        os.fsync(dir_fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(dir_fd)


def _dump(data: dict) -> bytes:
    # "backslashreplace" writes a lone surrogate from a hand-edited file back as the JSON escape
    # it was read from (\ud83d), so such a file still saves; new answers with one are refused.
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    return text.encode("utf-8", errors="backslashreplace")


def _check_text(text: str, where: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise MissionkitInputError(
            f"The answer for {where} cannot be saved: it holds a character that is not text "
            f"(a lone surrogate, code {ord(text[exc.start]):#x}, at position {exc.start + 1}), "
            "usually left by copying from a PDF or another program",
            fix="Delete that character (or retype the text around it) and save again; "
            "your earlier answers are safe",
        ) from None


def _check_limits(value: Any, where: str) -> None:
    """Refuse, in plain words, a value nested too deeply or holding a lone surrogate."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            _check_text(item, where)
        elif isinstance(item, (dict, list, tuple)):
            if depth > MAX_DEPTH:
                raise MissionkitInputError(
                    f"The answer for {where} cannot be saved: it is nested more than {MAX_DEPTH} levels "
                    "deep (lists or dicts inside one another), or it holds itself",
                    fix="Save a flatter value, for example a list of rows (table.to_dict('records')); "
                    "your earlier answers are safe",
                )
            if isinstance(item, dict):
                for k, v in item.items():
                    if isinstance(k, str):
                        _check_text(k, where)
                    stack.append((v, depth + 1))
            else:
                stack.extend((v, depth + 1) for v in item)


def _plain_json(value: Any, where: str) -> Any:
    """The value as it will read back from JSON; plain error if it cannot be stored."""
    _check_limits(value, where)
    try:
        dumped = json.dumps(value, allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        kind = type(value).__name__
        reason = "it holds NaN or infinity" if "Out of range" in str(exc) else str(exc)
        raise MissionkitInputError(
            f"The answer for {where} cannot be saved: a {kind} is not plain text, numbers, "
            f"lists or dicts ({reason})",
            fix="Save text, numbers, True/False, None, lists or dicts: for example str(value), "
            "float(value), or table.to_dict('records') for a table",
        ) from None
    size = len(dumped.encode("utf-8"))
    if size > MAX_VALUE_BYTES:
        raise MissionkitInputError(
            f"The answer for {where} is too large to save: {size / 1000:,.0f} KB, and one answer may hold "
            f"at most {MAX_VALUE_BYTES // 1000} KB (about {MAX_VALUE_BYTES:,} letters of plain text)",
            fix="Shorten it, or keep a long document or a big table in a file of its own (for example "
            "in my-work/) and save its file name here; your earlier answers are safe",
        )
    return json.loads(dumped)


def _check_name(name: Any, what: str) -> str:
    if not isinstance(name, str) or not name.strip():
        raise MissionkitInputError(
            f"The {what} name {name!r} is not usable: it must be some text",
            fix=f"Give the {what} as text in quotes, for example \"framing\"",
        )
    _check_text(name, f"the {what} name {name!r}")
    return name


# --------------------------------------------------------------------------- notices
class WorkbookRecoveredWarning(UserWarning):
    """Shown when a damaged workbook file was set aside and a good copy restored."""


@dataclass(frozen=True)
class WorkbookNotice:
    """What was wrong with which file and what was done; a form can show ``message``."""

    file: str
    problem: str
    action: str
    kept_as: str

    @property
    def message(self) -> str:
        return (
            f"Your workbook file '{self.file}' could not be read: {self.problem}. "
            f"{self.action} The damaged file was kept as '{self.kept_as}', so nothing is lost."
        )

    def __str__(self) -> str:
        return self.message


@dataclass
class ImportReport:
    """What ``import_from`` changed, as lists of "section / key"."""

    source: str
    owner: str | None
    mode: str
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    kept_mine: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.removed)

    def summary(self) -> str:
        who = self.owner or "an unnamed teammate"
        parts = [
            f"{len(self.added)} added",
            f"{len(self.replaced)} replaced",
            f"{len(self.removed)} removed",
            f"{len(self.kept_mine)} of yours kept",
            f"{len(self.unchanged)} already the same",
        ]
        return f"Imported from {who} ('{self.source}', mode '{self.mode}'): " + ", ".join(parts) + "."

    __str__ = summary


def escape(text: Any) -> str:
    """Escape participant text for HTML (quotes too)."""
    return html.escape(str(text), quote=True)


# --------------------------------------------------------------------------- workbook
class Workbook:
    """The participant's saved answers. Every change is written to disk at once."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path).expanduser().resolve()
        self.backup_path = self.path.with_name(self.path.name + ".bak")
        self.notices: list[WorkbookNotice] = []
        self._lock_error: OSError | None = None
        self._lock = FileLock(str(self.path.with_name(self.path.name + ".lock")),
                              timeout=LOCK_TIMEOUT_SECONDS)

    # ---- opening
    @classmethod
    def open(cls, path: str | os.PathLike | None = None, owner: str | None = None) -> Workbook:
        """Open (or create) the workbook at ``path`` or at ``resolve_workbook_path()``."""
        wb = cls(path if path is not None else resolve_workbook_path())
        owner = _check_name(owner, "owner").strip() if owner is not None else None
        try:
            wb.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise MissionkitInputError(
                f"The folder for your workbook cannot be created ({exc.strerror})",
                fix=f"Check you may write there, or set {ENV_VAR} to a file in a folder you own",
                file=str(wb.path),
            ) from None
        with wb._locked(reading=True) as held:
            if not held:  # a read-only folder: an existing file can still be read
                data, raw = wb._load(repair=False)
                if raw is None or (owner is not None and data["meta"].get("owner") != owner):
                    raise wb._cannot_save(wb._lock_error)
                return wb
            for leftover in wb.path.parent.glob(f".{wb.path.name}.*.tmp"):
                leftover.unlink(missing_ok=True)  # from a writer killed mid-save; safe under the lock
            data, raw = wb._load()
            if raw is None or (owner is not None and data["meta"].get("owner") != owner):
                if owner is not None:
                    data["meta"]["owner"] = owner
                wb._save(data, raw)
        return wb

    # ---- reading (each call reads the file afresh, so it returns new objects and
    # sees what another notebook saved)
    def get(self, section: str, key: str, default: Any = None) -> Any:
        return self._read()["sections"].get(section, {}).get(key, default)

    def section(self, name: str) -> dict:
        """A copy of one section (empty if nothing is saved there yet)."""
        return self._read()["sections"].get(name, {})

    def sections(self) -> list[str]:
        return list(self._read()["sections"])

    def history(self, section: str, key: str) -> list[dict]:
        """Every value this answer has had, oldest first: [{"at": iso time, "value": ...}]."""
        return self._read()["history"].get(section, {}).get(key, [])

    @property
    def owner(self) -> str | None:
        return self._read()["meta"].get("owner")

    def to_dict(self) -> dict:
        return self._read()

    # ---- writing
    def set(self, section: str, key: str, value: Any) -> None:
        """Save one answer now."""
        self.update(section, {key: value})

    def update(self, section: str, mapping: dict[str, Any]) -> None:
        """Save several answers of one section in one write."""
        _check_name(section, "section")
        if not isinstance(mapping, dict):
            raise MissionkitInputError(
                f"The answers for section '{section}' should be a dict of key: value",
                fix='Write them as {"key": value, ...}',
            )
        clean = {_check_name(k, "key"): _plain_json(v, f"'{section}' / '{k}'") for k, v in mapping.items()}
        with self._locked():
            data, raw = self._load()
            stamp = _now()
            changed = [self._put(data, section, k, v, stamp) for k, v in clean.items()]
            if any(changed):
                self._save(data, raw)

    def save_changes(self, section: str, key: str | None, value: Any, base: Any) -> Any:
        """Save what a form changed since it loaded ``base``, field by field, over what is saved now.

        Two copies of one form (the lesson's and the exercise's) may be open at once; the older copy
        must not write its stale fields over answers typed in the other. So only what differs from
        ``base`` is written, under the lock, onto the file's current content (:func:`merge_changes`):
        with ``key=None`` ``value`` maps keys of the section, otherwise it is the value under ``key``.
        Returns what is saved now (the section's mapping for ``key=None``), so the form can show
        answers made elsewhere.
        """
        _check_name(section, "section")
        if key is None:
            if not isinstance(value, dict):
                raise MissionkitInputError(
                    f"The answers for section '{section}' should be a dict of key: value",
                    fix='Write them as {"key": value, ...}',
                )
            new: Any = {_check_name(k, "key"): _plain_json(v, f"'{section}' / '{k}'") for k, v in value.items()}
        else:
            _check_name(key, "key")
            new = _plain_json(value, f"'{section}' / '{key}'")
        with self._locked():
            data, raw = self._load()
            saved = data["sections"].get(section, {})
            if key is None:
                merged = merge_changes(dict(saved) or None, new, base if isinstance(base, dict) else {}) or {}
                changes = {k: v for k, v in merged.items() if k not in saved or not same_answer(saved[k], v)}
            else:
                merged = merge_changes(saved.get(key), new, base)
                changes = {} if key in saved and same_answer(saved[key], merged) else {key: merged}
            stamp = _now()
            if any([self._put(data, section, k, v, stamp) for k, v in changes.items()]):
                self._save(data, raw)
            now = data["sections"].get(section, {})
            return dict(now) if key is None else now.get(key)

    def set_owner(self, name: str) -> None:
        """Your name, written into team files you export."""
        _check_name(name, "owner")
        with self._locked():
            data, raw = self._load()
            data["meta"]["owner"] = name.strip()
            self._save(data, raw)

    # ---- team work
    def export(self, path: str | os.PathLike, sections: list[str] | None = None,
               owner: str | None = None) -> Path:
        """Write a team file (all sections or the ones named) for teammates to import."""
        target = Path(path).expanduser().resolve()
        if target == self.path:
            raise MissionkitInputError(
                "A team file cannot be written over your own workbook",
                fix="Choose another file name, for example 'my-work/team-yourname.json'",
                file=str(target),
            )
        data = self._read()
        names = self._pick(data, sections, str(self.path))
        who = (owner or data["meta"].get("owner") or "").strip()
        if not who:
            raise MissionkitInputError(
                "A team file needs your name so teammates can tell files apart",
                fix="Call wb.set_owner('Your name') once, or pass owner='Your name' to export",
            )
        team = {
            "schema_version": SCHEMA_VERSION,
            "meta": {"created": data["meta"]["created"], "updated": _now(), "owner": who},
            "sections": {n: data["sections"][n] for n in names},
            "history": {n: data["history"][n] for n in names if n in data["history"]},
        }
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, _dump(team))
        except OSError as exc:
            raise MissionkitInputError(f"The team file cannot be written ({exc.strerror})",
                                       fix="Choose a folder you may write to", file=str(target)) from None
        return target

    def import_from(self, path: str | os.PathLike, sections: list[str] | None = None,
                    mode: str = "merge", as_teammate: bool | str = False) -> ImportReport:
        """Bring a teammate's sections into this workbook and report what changed.

        mode "merge": add what you lack; where both differ, theirs wins (yours stays in history).
        mode "keep_mine": add only what you lack. mode "theirs": each chosen section becomes
        exactly theirs. ``as_teammate`` (True = the owner name in their file, or a name) stores
        each of their sections whole under key "teammate:<name>" and leaves your own keys alone.
        """
        if mode not in ("merge", "keep_mine", "theirs"):
            raise MissionkitInputError(f"The import mode {mode!r} is not known",
                                       fix='Use mode="merge", mode="keep_mine" or mode="theirs"')
        source = Path(path).expanduser()
        try:
            raw = source.read_bytes()
        except OSError as exc:
            raise MissionkitInputError(f"The team file cannot be opened ({exc.strerror})",
                                       fix="Check the file name and folder", file=str(source)) from None
        try:
            problem, theirs = _problem_with(raw)
        except _NewerFile as newer:
            raise _newer_error(source, newer.version, "The team file") from None
        if problem:
            raise MissionkitInputError(f"The team file cannot be read: {problem}",
                                       fix="Ask your teammate to export it again with wb.export(...)",
                                       file=str(source))
        assert theirs is not None  # _problem_with returns data whenever it finds no problem
        names = self._pick(theirs, sections, str(source))
        owner = theirs["meta"].get("owner")
        name = None
        if as_teammate:
            name = (as_teammate if isinstance(as_teammate, str) else owner or "").strip()
            if not name:
                raise MissionkitInputError(
                    "The team file has no owner name, so its answers cannot be filed under a teammate",
                    fix="Pass the name yourself: as_teammate='Their name'", file=str(source))
        report = ImportReport(source=str(source), owner=owner, mode=mode)
        with self._locked():
            data, raw_mine = self._load()
            stamp = _now()
            for sec in names:
                incoming = theirs["sections"][sec]
                if name is not None:
                    own = {k: v for k, v in incoming.items() if not k.startswith(TEAMMATE_PREFIX)}
                    incoming = {TEAMMATE_PREFIX + name: own}
                mine = data["sections"].get(sec, {})
                for key, value in incoming.items():
                    label = f"{sec} / {key}"
                    try:
                        value = _plain_json(value, f"'{label}'")
                    except MissionkitInputError as exc:  # nothing is saved: the whole import stops
                        raise MissionkitInputError(f"The team file cannot be imported: {exc.problem}",
                                                   fix="Ask your teammate to shorten that answer and export "
                                                   "again; nothing was imported", file=str(source)) from None
                    if key not in mine:
                        report.added.append(label)
                    elif same_answer(mine[key], value):
                        report.unchanged.append(label)
                        continue
                    elif mode == "keep_mine":
                        report.kept_mine.append(label)
                        continue
                    else:
                        report.replaced.append(label)
                    self._put(data, sec, key, value, stamp)
                if mode == "theirs" and name is None:
                    for key in [k for k in mine if k not in incoming]:
                        del data["sections"][sec][key]
                        report.removed.append(f"{sec} / {key}")
            if report.changed:
                self._save(data, raw_mine)
        return report

    # ---- display
    def summary_html(self, sections: list[str] | None = None) -> str:
        """An HTML overview of saved answers; all participant text is escaped."""
        data = self._read()
        names = self._pick(data, sections, str(self.path)) if sections else list(data["sections"])
        parts = ['<div class="missionkit-workbook">']
        owner = data["meta"].get("owner")
        parts.append(f"<p>Workbook of {escape(owner)}</p>" if owner else "<p>Your workbook</p>")
        if not any(data["sections"][n] for n in names):
            parts.append("<p>Nothing saved yet.</p>")
        for name in names:
            parts.append(f"<h4>{escape(name)}</h4><dl>")
            for key, value in data["sections"][name].items():
                shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                parts.append(f"<dt>{escape(key)}</dt><dd>{escape(shown)}</dd>")
            parts.append("</dl>")
        parts.append("</div>")
        return "\n".join(parts)

    def _repr_html_(self) -> str:
        return self.summary_html()

    def __repr__(self) -> str:
        return f"Workbook({str(self.path)!r})"

    # ---- internals
    def _locked(self, reading: bool = False):
        return _LockGuard(self, reading)

    def _read(self) -> dict:
        with self._locked(reading=True) as held:
            return self._load(repair=held)[0]

    def _cannot_save(self, exc: OSError | None) -> MissionkitInputError:
        reason = f" ({exc.strerror})" if exc is not None and exc.strerror else ""
        return MissionkitInputError(
            f"Your answer could not be saved: the folder '{self.path.parent}' does not let this notebook "
            f"create files there{reason}, so the workbook can be read but not changed. "
            "Your earlier answers are safe",
            fix=f"Ask your trainer or IT to make that folder writable for you, or set {ENV_VAR} to a file "
            "in a folder you own (for example in your home folder), then run the cell again",
            file=str(self.path),
        )

    def _load(self, repair: bool = True) -> tuple[dict, bytes | None]:
        """Read the file (caller holds the lock); recover it if damaged.

        Returns the data and the good bytes now on disk (None if there is no file).
        ``repair=False`` (no lock held) never changes a file: a damaged one is a plain error.
        """
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return self._missing(repair)
        except OSError as exc:
            raise MissionkitInputError(f"Your workbook cannot be opened ({exc.strerror})",
                                       fix="Check the file's permissions", file=str(self.path)) from None
        try:
            problem, data = _problem_with(raw)
        except _NewerFile as newer:
            raise _newer_error(self.path, newer.version) from None
        if problem is None:
            assert data is not None  # _problem_with returns data whenever it finds no problem
            return data, raw
        if not repair:
            raise MissionkitInputError(
                f"Your workbook cannot be read: {problem}. It was not repaired, because its folder "
                "does not let this notebook change files",
                fix=f"Ask your trainer or IT to make the folder '{self.path.parent}' writable for you, "
                "then run the cell again: the damaged file will be kept aside and your backup restored",
                file=str(self.path))
        return self._recover(problem)

    def _missing(self, repair: bool) -> tuple[dict, bytes | None]:
        """No workbook file: a new, empty one, unless a good backup copy exists (a workbook deleted or
        lost by a sync tool): then the backup is restored, so its answers are never saved over."""
        try:
            bak_raw = self.backup_path.read_bytes()
            bak_problem, data = _problem_with(bak_raw)
        except (OSError, _NewerFile):
            return _empty(), None
        if bak_problem is not None or data is None:
            return _empty(), None
        if not repair:
            return data, None
        try:
            atomic_write(self.path, bak_raw)
        except OSError:
            return data, None
        notice = WorkbookNotice(file=str(self.path), problem="the file was missing",
                                action=f"Your last good copy '{self.backup_path.name}' (saved "
                                       f"{data['meta']['updated']}) was restored.",
                                kept_as=self.backup_path.name)
        self.notices.append(notice)
        warnings.warn(notice.message, WorkbookRecoveredWarning, stacklevel=4)
        return data, bak_raw

    def _set_aside(self, path: Path, problem: str) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = path.with_name(f"{path.name}.corrupt-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        try:
            os.replace(path, aside)
        except OSError as exc:
            raise MissionkitInputError(
                f"Your workbook cannot be read ({problem}) and the damaged file could not be set aside "
                f"({exc.strerror}); nothing was changed",
                fix="Check the folder is writable and the disk not full, then run the cell again",
                file=str(path)) from None
        return aside

    def _recover(self, problem: str) -> tuple[dict, bytes | None]:
        # Look at the backup before moving anything: never start empty over a file that exists.
        try:
            bak_raw: bytes | None = self.backup_path.read_bytes()
        except FileNotFoundError:
            bak_raw = None
        except OSError as exc:
            raise MissionkitInputError(
                f"Your workbook cannot be read ({problem}) and its backup copy '{self.backup_path.name}' "
                f"cannot be opened either ({exc.strerror}), so nothing was changed",
                fix="Ask your trainer or IT to check the two files' permissions; do not delete them",
                file=str(self.path)) from None
        try:
            bak_problem, data = _problem_with(bak_raw) if bak_raw is not None else ("no backup", None)
        except _NewerFile as newer:
            raise MissionkitInputError(
                f"Your workbook cannot be read ({problem}) and its backup copy was saved by a newer version "
                f"of the course (schema_version {newer.version}; this copy reads version {SCHEMA_VERSION}), "
                "so nothing was changed",
                fix="Update the course to its latest version (click your course link again, or ask your "
                "trainer), then run the cell again. Do not delete or edit the files",
                file=str(self.path)) from None
        aside = self._set_aside(self.path, problem)
        if bak_problem is None:
            assert bak_raw is not None and data is not None  # no problem: the backup was read and parsed
            try:
                atomic_write(self.path, bak_raw)
            except OSError as exc:
                raise MissionkitInputError(
                    f"Your workbook could not be restored from its backup ({exc.strerror}); the damaged "
                    f"file was kept as '{aside}' and the backup '{self.backup_path.name}' is untouched",
                    fix="Check the disk is not full, then run the cell again", file=str(self.path)) from None
            action = (f"Your last good copy '{self.backup_path.name}' (saved "
                      f"{data['meta']['updated']}) was restored.")
            raw = bak_raw
        else:
            data, raw = _empty(), None
            if bak_raw is None:
                action = "No good backup copy was found, so a new empty workbook was started."
            else:
                bak_aside = self._set_aside(self.backup_path, bak_problem)
                action = (f"No good backup copy was found (the backup '{self.backup_path.name}' could not be "
                          f"read either: {bak_problem}; it was kept as '{bak_aside}'), so a new empty "
                          "workbook was started.")
        notice = WorkbookNotice(file=str(self.path), problem=problem, action=action, kept_as=str(aside))
        self.notices.append(notice)
        warnings.warn(notice.message, WorkbookRecoveredWarning, stacklevel=4)
        return data, raw

    def _save(self, data: dict, previous: bytes | None) -> None:
        """Write ``data`` (caller holds the lock); the previous good file becomes .bak."""
        data["meta"]["updated"] = _now()
        try:
            if previous is not None:
                atomic_write(self.backup_path, previous)
            atomic_write(self.path, _dump(data))
        except OSError as exc:
            raise MissionkitInputError(
                f"Your answer could not be saved ({exc.strerror})",
                fix="Check the disk is not full and the folder is writable; your earlier answers are safe",
                file=str(self.path),
            ) from None

    @staticmethod
    def _put(data: dict, section: str, key: str, value: Any, stamp: str) -> bool:
        current = data["sections"].setdefault(section, {})
        if key in current and same_answer(current[key], value):
            return False
        current[key] = value
        past = data["history"].setdefault(section, {}).setdefault(key, [])
        past.append({"at": stamp, "value": value})
        del past[:-HISTORY_LIMIT]
        sizes = [len(json.dumps(entry["value"], ensure_ascii=False).encode("utf-8", "backslashreplace"))
                 for entry in past]
        drop = 0
        while drop < len(past) - 1 and sum(sizes[drop:]) > HISTORY_BYTES_LIMIT:
            drop += 1
        del past[:drop]
        return True

    @staticmethod
    def _pick(data: dict, sections: list[str] | None, file: str) -> list[str]:
        if sections is None:
            return list(data["sections"])
        if isinstance(sections, str):
            sections = [sections]
        missing = [s for s in sections if s not in data["sections"]]
        if missing:
            have = ", ".join(data["sections"]) or "none"
            raise MissionkitInputError(
                f"No section named {', '.join(repr(m) for m in missing)} in this workbook "
                f"(sections there: {have})",
                fix="Use one of the section names listed", file=file)
        return list(sections)


class _LockGuard:
    """Hold the workbook's file lock; explain a timeout in plain words.

    If the lock file cannot be created (a read-only folder, a lock file owned by someone
    else), a read goes on without the lock (``__enter__`` returns False) and a write is
    refused with a plain message.
    """

    def __init__(self, wb: Workbook, reading: bool = False) -> None:
        self._wb = wb
        self._reading = reading
        self._held = False

    def __enter__(self) -> bool:
        try:
            self._wb._lock.acquire()
        except Timeout:
            raise MissionkitInputError(
                "Another notebook kept your workbook busy for more than "
                f"{self._wb._lock.timeout:g} seconds",
                fix="Wait a moment and run the cell again; if it repeats, "
                "restart the other notebook's kernel",
                file=str(self._wb.path),
            ) from None
        except OSError as exc:  # after Timeout, which is an OSError too
            self._wb._lock_error = exc
            if self._reading:
                return False
            raise self._wb._cannot_save(exc) from None
        self._held = True
        return True

    def __exit__(self, *exc: object) -> None:
        if self._held:
            self._held = False
            self._wb._lock.release()


def open_workbook(path: str | os.PathLike | None = None, owner: str | None = None) -> Workbook:
    """Same as ``Workbook.open``."""
    return Workbook.open(path, owner=owner)
