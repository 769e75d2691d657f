"""Real Unix users for permission tests (root only): create them, and run Python code as one of them.

The course's Python may live in a home folder other users cannot enter, so a process cannot
simply start as another user. ``run_as`` starts Python as root, imports what the code needs, then
switches to the user for good (``setgroups``, ``setgid``, ``setuid``) before running the code: from then
on every file operation is checked by the kernel against that user, exactly as for a hub server that
runs as the participant's own Unix user (TLJH).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRELUDE = """
import errno, getpass, grp, hashlib, json, os, pwd, re, stat, sys, tempfile, traceback, datetime
import filelock, pydantic
import missionkit.handin, missionkit.workbook, missionkit.errors
{imports}
user = pwd.getpwnam(os.environ["RUN_AS"])
os.setgroups([g.gr_gid for g in grp.getgrall() if user.pw_name in g.gr_mem])
os.setgid(user.pw_gid)
os.setuid(user.pw_uid)
assert os.geteuid() == user.pw_uid and os.getuid() == user.pw_uid
exec(compile(os.environ["RUN_CODE"], "<as " + user.pw_name + ">", "exec"))
"""


def can_make_users() -> str:
    """"" if this process can create Unix users, else why not (for a skip message)."""
    if os.geteuid() != 0:
        return "needs root to create real Unix users (the hub's permissions are only real then)"
    if not (shutil.which("useradd") and shutil.which("groupadd")):
        return "needs useradd and groupadd to create real Unix users"
    return ""


def ensure_group(group: str) -> None:
    if subprocess.run(["getent", "group", group], capture_output=True).returncode != 0:
        subprocess.run(["groupadd", group], check=True, capture_output=True)


def ensure_user(name: str, group: str | None = None) -> None:
    if subprocess.run(["id", name], capture_output=True).returncode != 0:
        subprocess.run(["useradd", "-M", "-N", "-s", "/usr/sbin/nologin", name], check=True, capture_output=True)
    if group:
        subprocess.run(["usermod", "-a", "-G", group, name], check=True, capture_output=True)


def run_as(user: str, code: str, env: dict[str, str] | None = None, imports: str = "",
           python: str | None = None) -> subprocess.CompletedProcess:
    """Run ``code`` as the Unix user ``user`` (see the module docstring); returns the finished process."""
    full_env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT)), "USER": user,
                "LOGNAME": user, "HOME": "/tmp", "PYTHONDONTWRITEBYTECODE": "1", **(env or {}),
                "RUN_AS": user, "RUN_CODE": code}
    return subprocess.run([python or sys.executable, "-c", PRELUDE.format(imports=imports)], env=full_env,
                          capture_output=True, text=True, timeout=180, cwd="/tmp")
