"""Running a cohort on a JupyterHub: nbgitpuller links, and memory per participant.

A trainer gives each participant one link per module. Clicking it logs them in to
the course hub, pulls (or updates) the course into their home folder with
nbgitpuller, and opens the notebook in JupyterLab::

    from missionkit.authoring.cohort import nbgitpuller_link, course_links
    nbgitpuller_link("https://hub.example.org", "https://github.com/ORG/mission-bootcamp",
                     "main", "notebooks/01-missions.ipynb")
    course_links("https://hub.example.org", "https://github.com/ORG/mission-bootcamp")

From a terminal::

    python -m missionkit.authoring.cohort links --hub https://hub.example.org \\
        --repo https://github.com/ORG/mission-bootcamp --markdown
    python -m missionkit.authoring.cohort memory --module 08     # kernel memory, lesson then exercise
    python -m missionkit.authoring.cohort import-handins /media/usb   # collected hand-ins, offline room
    python -m missionkit.authoring.cohort view --out cohort.html      # the projector page (anonymised)
    sudo python -m missionkit.authoring.cohort make-exchange /srv/mission-bootcamp-exchange --group trainers

Why the course always lands in ``~/mission-bootcamp``: nbgitpuller names the folder
after the last part of the repository address (``.git`` included), so every link
made here sets ``targetpath`` explicitly. The participant's workbook then resolves
to ``~/mission-bootcamp/my-work/workbook.json`` (see ``missionkit.workbook``), a
folder git ignores, which nbgitpuller therefore never touches.

Not a domain module: it never imports pandas or altair; the memory measurement
imports jupyter_client only when it runs.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import Any, cast
from urllib.parse import urlencode, urlsplit

from missionkit.errors import MissionkitInputError

DEFAULT_TARGET = "mission-bootcamp"
DEFAULT_BRANCH = "main"
KINDS = ("lesson", "exercise", "solution")
_FOLDERS = {"lesson": "notebooks", "exercise": "exercises", "solution": "solutions"}
_PATTERNS = {"lesson": "[0-9][0-9]-*.ipynb", "exercise": "[0-9][0-9]-*-exercise.ipynb",
             "solution": "[0-9][0-9]-*-solution.ipynb"}
_ROOT = Path(__file__).resolve().parents[2]

__all__ = [
    "CourseLink",
    "DEFAULT_TARGET",
    "MemoryReading",
    "check_hub_url",
    "course_links",
    "course_notebooks",
    "links_markdown",
    "measure_participant_memory",
    "nbgitpuller_link",
    "public_repo_address",
]


# --------------------------------------------------------------------------- links
# A link is seen by everyone who receives it, and the book's hub button is public: an address
# keeps only plain characters (no quotes, <, >, spaces, backslashes, backticks or brackets that
# could end an HTML attribute or a Markdown link) and never a user name, password or token.
_HOST = re.compile(r"(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?")
_PATH = re.compile(r"[A-Za-z0-9._~%!$&*+,;=:@/-]*")


def _hidden(text: str, netloc: str) -> str:
    """``text`` for a message, with any user name or password in ``netloc`` blanked out."""
    _user, at, host = netloc.rpartition("@")
    return text.replace(netloc, f"…@{host}", 1) if at else text


def check_hub_url(hub_url: str) -> str:
    """A hub's address as participants open it, ending in "/" (the book's hub button uses it too).

    Any user name or password in it is dropped; an address with characters that could break
    out of an HTML attribute or a Markdown link, or that is not http(s), is refused.
    """
    text = str(hub_url or "").strip()
    parts = urlsplit(text)
    shown = _hidden(text, parts.netloc)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise MissionkitInputError(
            f"The hub address {shown!r} is not a web address",
            fix="Give the address participants open in their browser, for example https://hub.example.org",
        )
    if parts.query or parts.fragment:
        raise MissionkitInputError(
            f"The hub address {shown!r} has a '?' or '#' part",
            fix="Give only the hub's address, for example https://hub.example.org",
        )
    host = parts.netloc.rpartition("@")[2]
    odd = any(c in "\"'<>\\`(){}|^" or c.isspace() or not c.isprintable() for c in text)
    if odd or not _HOST.fullmatch(host) or not _PATH.fullmatch(parts.path):
        raise MissionkitInputError(
            f"The hub address {shown!r} holds characters a web address should not (quotes, <, >, spaces, "
            "backslashes, backticks or brackets)",
            fix="Type the hub's address again, plainly, for example https://hub.example.org",
        )
    return f"{parts.scheme.lower()}://{host}{parts.path}".rstrip("/") + "/"


def public_repo_address(repo: str) -> tuple[str, bool]:
    """The repository address without a user name, password, token or ``?...`` part, and whether
    anything was dropped. Only http(s) addresses carry such things; others are returned as they are."""
    text = str(repo or "").strip()
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return text, False
    host = parts.netloc.rpartition("@")[2]
    clean = f"{parts.scheme.lower()}://{host}{parts.path}"
    return clean, clean != text


def _check_path(path: str, what: str, allow_empty: bool = True) -> str:
    text = str(path or "").strip().replace("\\", "/").strip("/")
    if not text:
        if allow_empty:
            return ""
        raise MissionkitInputError(f"The {what} is empty", fix=f"Give a {what}, for example {DEFAULT_TARGET}")
    if text.startswith("~") or re.match(r"^[A-Za-z]:", text) or ".." in PurePosixPath(text).parts:
        raise MissionkitInputError(
            f"The {what} {path!r} must be a path inside the course folder",
            fix="Write it relative to the course folder, for example notebooks/01-missions.ipynb",
        )
    return text


def nbgitpuller_link(hub_url: str, repo: str, branch: str = DEFAULT_BRANCH, path: str = "", *,
                     targetpath: str = DEFAULT_TARGET, app: str = "lab") -> str:
    """The nbgitpuller link that pulls ``repo`` (``branch``) into ``~/<targetpath>`` on the hub
    at ``hub_url`` and opens ``path`` (a notebook or folder inside the course) in JupyterLab.

    Same form as nbgitpuller's own link generator (``/hub/user-redirect/git-pull?repo=...
    &urlpath=...&branch=...``), plus ``targetpath`` so the folder name never depends on how
    the repository address is spelled. ``app="classic"`` opens the classic notebook view.
    """
    hub = check_hub_url(hub_url)
    repo_text = public_repo_address(repo)[0]
    if not repo_text or any(c.isspace() for c in repo_text):
        raise MissionkitInputError(
            f"The repository address {repo!r} is empty or has spaces",
            fix="Give the address git clones from, for example https://github.com/ORG/mission-bootcamp",
        )
    branch_text = str(branch or "").strip()
    if not branch_text or any(c.isspace() for c in branch_text):
        raise MissionkitInputError(f"The branch {branch!r} is empty or has spaces",
                                   fix="Use the branch name, for example main")
    target = _check_path(targetpath, "target folder", allow_empty=False)
    inner = _check_path(path, "notebook path")
    opened = f"{target}/{inner}" if inner else target
    if app == "lab":
        urlpath = f"lab/tree/{opened}"
    elif app == "classic":
        urlpath = f"{'notebooks' if opened.endswith('.ipynb') else 'tree'}/{opened}"
    else:
        raise MissionkitInputError(f"Unknown app {app!r}", fix="Use app='lab' (JupyterLab) or app='classic'")
    query = urlencode({"repo": repo_text, "urlpath": urlpath, "branch": branch_text, "targetpath": target})
    return f"{hub}hub/user-redirect/git-pull?{query}"


@dataclass(frozen=True)
class CourseLink:
    module: str      # "01"
    kind: str        # "lesson", "exercise" or "solution"
    title: str       # the notebook's first heading
    path: str        # inside the course, e.g. "notebooks/01-missions.ipynb"
    url: str


def _title(notebook: Path) -> str:
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return notebook.stem
    for cell in cells:
        if cell.get("cell_type") != "markdown":
            continue
        source = "".join(cell.get("source", []))
        match = re.search(r"^#\s+(.+?)\s*$", source, flags=re.M)
        if match:
            return match.group(1)
    return notebook.stem


def course_notebooks(root: str | os.PathLike | None = None,
                     kinds: tuple[str, ...] = KINDS) -> list[tuple[str, str, Path]]:
    """(module, kind, file) for every lesson, exercise and solution notebook present,
    in teaching order (module number, then lesson, exercise, solution)."""
    base = Path(root) if root is not None else _ROOT
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise MissionkitInputError(f"Unknown notebook kind(s) {unknown}", fix=f"Use some of {list(KINDS)}")
    found = []
    for kind in kinds:
        for nb in (base / _FOLDERS[kind]).glob(_PATTERNS[kind]):
            if kind == "lesson" and nb.stem.endswith(("-exercise", "-solution")):
                continue
            found.append((nb.name[:2], kind, nb))
    return sorted(found, key=lambda item: (item[0], KINDS.index(item[1]), item[2].name))


def course_links(hub_url: str, repo: str, branch: str = DEFAULT_BRANCH, *,
                 root: str | os.PathLike | None = None, kinds: tuple[str, ...] = KINDS,
                 targetpath: str = DEFAULT_TARGET, app: str = "lab") -> list[CourseLink]:
    """One nbgitpuller link per notebook present in the course (see ``course_notebooks``)."""
    base = Path(root) if root is not None else _ROOT
    links = []
    for module, kind, nb in course_notebooks(base, kinds):
        rel = nb.relative_to(base).as_posix()
        links.append(CourseLink(module, kind, _title(nb), rel,
                                nbgitpuller_link(hub_url, repo, branch, rel, targetpath=targetpath, app=app)))
    return links


def links_markdown(links: list[CourseLink]) -> str:
    """A Markdown table (module, notebook, link) to paste into a joining email or an LMS page."""
    rows = ["| module | notebook | link |", "|---|---|---|"]
    for link in links:
        title = link.title.replace("|", "\\|")
        rows.append(f"| {link.module} | {title} ({link.kind}) | <{link.url}> |")
    return "\n".join(rows) + "\n"


# --------------------------------------------------------------------------- memory
@dataclass(frozen=True)
class MemoryReading:
    after: str          # "kernel started", then each notebook's file name
    rss_mib: float      # resident memory of the kernel now
    peak_mib: float     # the most it has held so far (VmHWM)
    cpu_seconds: float  # processor time the kernel has used so far (user + system)
    seconds: float      # wall-clock time since the kernel started


def _usage(pid: int) -> tuple[float, float, float]:
    """(RSS MiB, peak RSS MiB, CPU seconds) of a process."""
    status = Path(f"/proc/{pid}/status")
    if status.exists():
        fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        cpu = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
        return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024, cpu
    import psutil  # pragma: no cover - not Linux

    proc = psutil.Process(pid)  # pragma: no cover
    info, times = proc.memory_info(), proc.cpu_times()  # pragma: no cover
    peak = getattr(info, "peak_wset", info.rss)  # pragma: no cover - Windows has a peak
    return info.rss / 2**20, peak / 2**20, times.user + times.system  # pragma: no cover


def measure_participant_memory(notebooks: list[str | os.PathLike], *, timeout: int = 600,
                               workbook: str | os.PathLike | None = None) -> list[MemoryReading]:
    """Start one Python kernel, run each notebook's code cells in it, one after the other, and read the
    kernel's memory after each (RSS and peak). Cells run in the notebook's own folder; the workbook is a
    temporary copy of the test fixture (or ``workbook``), never a participant's."""
    from jupyter_client.manager import start_new_kernel

    paths = [Path(nb).resolve() for nb in notebooks]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise MissionkitInputError(f"Notebook(s) not found: {', '.join(missing)}",
                                   fix="Give paths to .ipynb files, e.g. notebooks/01-missions.ipynb")
    tmp = tempfile.mkdtemp(prefix="missionkit-memory-")
    wb = Path(workbook) if workbook else Path(tmp) / "workbook.json"
    fixture = _ROOT / "tests" / "fixtures" / "workbook.json"
    if workbook is None and fixture.exists():
        shutil.copy(fixture, wb)
    env = {**os.environ, "MISSIONKIT_WORKBOOK": str(wb), "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    start = time.perf_counter()
    km, kc = start_new_kernel(kernel_name="python3", cwd=str(paths[0].parent) if paths else None, env=env)
    try:
        # start_new_kernel uses jupyter_client's LocalProvisioner, whose .process is the kernel's Popen
        # (jupyter_client types the provisioner as its optional base class and .process as None).
        pid = cast(Any, km.provisioner).process.pid
        readings = [MemoryReading("kernel started", *_usage(pid), round(time.perf_counter() - start, 1))]
        for nb in paths:
            kc.execute_interactive(f"import os; os.chdir({str(nb.parent)!r})", timeout=60, output_hook=lambda m: None)
            cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
            for cell in cells:
                if cell.get("cell_type") != "code":
                    continue
                reply = kc.execute_interactive("".join(cell.get("source", [])), timeout=timeout,
                                               output_hook=lambda m: None)
                if reply["content"].get("status") == "error":
                    content = reply["content"]
                    raise RuntimeError(f"{nb.name}: {content.get('ename')}: {content.get('evalue')}")
            readings.append(MemoryReading(nb.name, *_usage(pid), round(time.perf_counter() - start, 1)))
        return [MemoryReading(r.after, round(r.rss_mib, 1), round(r.peak_mib, 1), round(r.cpu_seconds, 1), r.seconds)
                for r in readings]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        shutil.rmtree(tmp, ignore_errors=True)


# --------------------------------------------------------------------------- command line
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m missionkit.authoring.cohort", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    links = sub.add_parser("links", help="print one nbgitpuller link per notebook present")
    links.add_argument("--hub", required=True, help="the hub's address, e.g. https://hub.example.org")
    links.add_argument("--repo", required=True, help="the course repository git clones from")
    links.add_argument("--branch", default=DEFAULT_BRANCH)
    links.add_argument("--targetpath", default=DEFAULT_TARGET, help="folder in each home (default: %(default)s)")
    links.add_argument("--kinds", default="lesson,exercise", help="comma list of lesson,exercise,solution")
    links.add_argument("--markdown", action="store_true", help="print a Markdown table")
    links.add_argument("--json", action="store_true", help="print JSON")
    memory = sub.add_parser("memory", help="kernel memory while running a lesson then its exercise")
    memory.add_argument("--module", default="01", help="two-digit module number (default: %(default)s)")
    memory.add_argument("notebooks", nargs="*", help="notebooks to run instead of --module's lesson and exercise")
    imp = sub.add_parser("import-handins", help="import hand-ins collected in a folder (USB stick, shared drive)")
    imp.add_argument("folder", help="the folder holding the collected *.handin.json files (subfolders too)")
    imp.add_argument("--into", help="the exchange to import into (default: $MISSIONKIT_EXCHANGE or my-work/hand-in)")
    view = sub.add_parser("view", help="write the cohort view as one offline HTML page")
    view.add_argument("--exchange", help="the hand-in folder (default: $MISSIONKIT_EXCHANGE or my-work/hand-in)")
    view.add_argument("--out", default="cohort-view.html", help="the page to write (default: %(default)s)")
    view.add_argument("--names", action="store_true", help="show participants' names (your own screen only)")
    view.add_argument("--seed", type=int, default=0, help="seed for the order and the peer-review pairs")
    make = sub.add_parser("make-exchange", help="create a hub's exchange folder for the trainers' group (as root)")
    make.add_argument("folder")
    make.add_argument("--group", default="trainers", help="the trainers' Unix group (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        if args.command in ("import-handins", "view", "make-exchange"):
            return _handin_command(args)
        if args.command == "links":
            kinds = tuple(k.strip() for k in args.kinds.split(",") if k.strip())
            found = course_links(args.hub, args.repo, args.branch, kinds=kinds, targetpath=args.targetpath)
            hub_had = "@" in urlsplit(str(args.hub).strip()).netloc
            if hub_had or public_repo_address(args.repo)[1]:
                print("Note: a user name, password or token in --hub or --repo was left out of the links, "
                      "because everyone who gets a link can read it. Participants sign in to the hub "
                      "themselves, and nbgitpuller needs a repository the hub can read without a password.",
                      file=sys.stderr)
            if args.json:
                print(json.dumps([asdict(link) for link in found], indent=1))
            elif args.markdown:
                print(links_markdown(found), end="")
            else:
                for link in found:
                    print(f"{link.module} {link.kind:8} {link.title}\n    {link.url}")
            return 0
        notebooks = args.notebooks or [
            str(nb) for module, kind, nb in course_notebooks(kinds=("lesson", "exercise")) if module == args.module]
        if not notebooks:
            raise MissionkitInputError(f"No lesson or exercise found for module {args.module!r}",
                                       fix="Give a two-digit module number that has notebooks, e.g. --module 01")
        print(f"{'after':40} {'RSS MiB':>8} {'peak MiB':>9} {'CPU s':>6} {'wall s':>7}")
        for r in measure_participant_memory(notebooks):
            print(f"{r.after:40} {r.rss_mib:8.1f} {r.peak_mib:9.1f} {r.cpu_seconds:6.1f} {r.seconds:7.1f}")
        return 0
    except MissionkitInputError as exc:
        print(exc, file=sys.stderr)
        return 2


def _handin_command(args: argparse.Namespace) -> int:
    from missionkit import handin
    from missionkit.authoring import cohort_view

    if args.command == "import-handins":
        result = cohort_view.import_handins(args.folder, args.into)
        print(result.summary())
        return 0 if not result.refused else 1
    if args.command == "make-exchange":
        path = handin.prepare_exchange(args.folder, args.group)
        print(f"The exchange '{path}' is ready: participants may hand in, only the group '{args.group}' reads.")
        return 0
    page = cohort_view.write_page(args.out, args.exchange, names=args.names, seed=args.seed)
    cohort = cohort_view.load_cohort(args.exchange)
    print(f"Wrote {page}: {len(cohort.latest())} participant(s), {len(cohort.handins)} hand-in(s)"
          + (", names shown (keep it off the projector)" if args.names else ", anonymised") + ".")
    return 0


if __name__ == "__main__":
    sys.exit(main())
