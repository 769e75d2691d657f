"""A real JupyterHub for a cohort, on 127.0.0.1: five participants at once.

What a course hub must do, checked end to end (book/cohort.md explains it to trainers):

1. five participants log in at the same time (the hub's login form, DummyAuthenticator);
2. their servers start (hub REST API, SimpleLocalProcessSpawner with one home per participant
   under a temporary folder);
3. each follows the module's nbgitpuller link (made by missionkit.authoring.cohort), which logs them in to
   their own server (OAuth) and shows nbgitpuller's page; the page's pull then clones the course
   from a local git repository into ~/mission-bootcamp;
4. each runs the module 01 exercise notebook in a kernel of their own server (sessions API and
   the kernel's websocket), then saves an answer in their workbook, and edits the exercise;
5. the course changes upstream (a lesson edited, a new notebook, the exercise edited both far
   from and on the participant's own line) and everyone pulls again: each workbook is byte for
   byte what it was, holds only its owner's answer, and each participant's edit is kept while the
   course's other changes arrive.

Needs configurable-http-proxy (tools/install_hub_deps.sh installs it from the npm registry into
node_modules/) and git. Everything listens on 127.0.0.1 and is stopped at the end.
"""
from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
import requests

from missionkit.authoring import cohort
from missionkit.authoring.cohort import course_links, links_markdown, nbgitpuller_link
from missionkit.errors import MissionkitInputError

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
USERS = [f"participant{i}" for i in range(1, 6)]
PASSWORD = "bootcamp-test"
EXERCISE = "exercises/01-missions-exercise.ipynb"
LESSON = "notebooks/01-missions.ipynb"
COURSE_FILES = ["_toc.yml", ".gitignore", LESSON, EXERCISE, "exercises/03-framing-exercise.ipynb"]
TARGET = "mission-bootcamp"
DEADLINE_SECONDS = 240  # the whole hub session; each wait below is bounded by it


# --------------------------------------------------------------------------- helpers
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Course team", "GIT_AUTHOR_EMAIL": "course@example.org",
           "GIT_COMMITTER_NAME": "Course team", "GIT_COMMITTER_EMAIL": "course@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def _marked_pids(marker: str) -> list[int]:
    """Processes (hub, proxy, user servers, kernels) whose environment carries this run's marker."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            if f"MB_HUB_TEST={marker}".encode() in (proc / "environ").read_bytes().split(b"\0"):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def _rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _env_of(pid: int) -> dict[str, str]:
    try:
        raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    except OSError:
        return {}
    return dict(item.decode(errors="replace").split("=", 1) for item in raw if b"=" in item)


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _wait(what: str, check, deadline: float, every: float = 0.5):
    while True:
        try:
            result = check()
        except requests.RequestException:
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(every)


def _edit_line(nb_text: str, old: str, new: str) -> str:
    assert nb_text.count(old) == 1, f"expected exactly one {old!r}"
    return nb_text.replace(old, new)


def _need(module: str) -> None:
    """A missing hub package skips the test on a laptop, and fails it under CI (CI=true)."""
    try:
        __import__(module)
    except ImportError:
        message = f"{module} is not installed (pip install -r requirements.txt)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)


# --------------------------------------------------------------------------- links (fast)
HUB, REPO = "https://hub.example.org", "https://github.com/ORG/mission-bootcamp"


def test_link_has_nbgitpuller_form_and_opens_the_notebook_in_the_course_folder():
    link = nbgitpuller_link(HUB, REPO, "main", "exercises/01-missions-exercise.ipynb")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "hub.example.org", "/hub/user-redirect/git-pull")
    from urllib.parse import parse_qs
    assert parse_qs(parts.query) == {"repo": [REPO], "branch": ["main"], "targetpath": ["mission-bootcamp"],
                                     "urlpath": ["lab/tree/mission-bootcamp/exercises/01-missions-exercise.ipynb"]}
    # a hub under a sub-path, a repository ending in .git, a folder, the classic view
    assert nbgitpuller_link("https://gov.example.org/jupyter", REPO + ".git", "v2", "notebooks").startswith(
        "https://gov.example.org/jupyter/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2FORG%2F"
        "mission-bootcamp.git&urlpath=lab%2Ftree%2Fmission-bootcamp%2Fnotebooks&branch=v2&targetpath=mission-bootcamp")
    classic = parse_qs(urlsplit(nbgitpuller_link(HUB, REPO, "main", "notebooks/01-missions.ipynb",
                                                 app="classic")).query)
    assert classic["urlpath"] == ["notebooks/mission-bootcamp/notebooks/01-missions.ipynb"]


def test_the_chapter_shows_the_link_the_generator_makes():
    chapter = (ROOT / "book" / "cohort.md").read_text(encoding="utf-8")
    assert nbgitpuller_link(HUB, REPO, "main", EXERCISE) + "\n" in chapter


@pytest.mark.parametrize("hub, repo, branch, path, app, words", [
    ("hub.example.org", REPO, "main", "", "lab", "not a web address"),
    ("https://hub.example.org/?next=x", REPO, "main", "", "lab", "has a '?' or '#' part"),
    (HUB, "", "main", "", "lab", "repository address"),
    (HUB, "my repo", "main", "", "lab", "repository address"),
    (HUB, REPO, "", "", "lab", "branch"),
    (HUB, REPO, "main", "../secrets.txt", "lab", "inside the course folder"),
    (HUB, REPO, "main", "C:\\course\\x.ipynb", "lab", "inside the course folder"),
    (HUB, REPO, "main", "", "vscode", "Unknown app"),
])
def test_bad_link_inputs_get_a_plain_message(hub, repo, branch, path, app, words):
    with pytest.raises(MissionkitInputError) as caught:
        nbgitpuller_link(hub, repo, branch, path, app=app)
    assert words in str(caught.value) and "How to fix it" in str(caught.value)


@pytest.mark.parametrize("hub, repo, clean_hub, clean_repo", [
    ("https://trainer:hunter2@hub.example.org", REPO, HUB, REPO),
    ("https://trainer@hub.example.org/", REPO, HUB, REPO),
    (HUB, "https://x-access-token:ghp_SECRET@github.com/ORG/mission-bootcamp", HUB, REPO),
    (HUB, "https://oauth2:glpat-SECRET@gitlab.com/ORG/mission-bootcamp.git", HUB,
     "https://gitlab.com/ORG/mission-bootcamp.git"),
    (HUB, REPO + "?private_token=SECRET", HUB, REPO),
    ("https://admin:hunter2@gov.example.org:8443/jupyter", REPO, "https://gov.example.org:8443/jupyter", REPO),
])
def test_links_never_carry_user_names_passwords_or_tokens(hub, repo, clean_hub, clean_repo, capsys):
    link = nbgitpuller_link(hub, repo, "main", EXERCISE)
    assert not any(secret in unquote(link) for secret in ("SECRET", "hunter2", "trainer", "admin:", "oauth2"))
    assert link == nbgitpuller_link(clean_hub, clean_repo, "main", EXERCISE)
    from missionkit.authoring.book import launch_settings

    button = launch_settings({"MISSION_BOOTCAMP_REPO": REPO, "MISSION_BOOTCAMP_HUB": hub}, None)
    assert button["launch_buttons"]["jupyterhub_url"] == clean_hub
    assert cohort.main(["links", "--hub", hub, "--repo", repo, "--json"]) == 0
    out, err = capsys.readouterr()
    assert not any(secret in out + err for secret in ("SECRET", "hunter2"))
    if hub != clean_hub or repo != clean_repo:
        assert "left out" in err


@pytest.mark.parametrize("hub", [
    'https://hub.example.org/"><script>alert(1)</script>',
    "https://hub.example.org/' onmouseover='alert(1)",
    "https://hub.example.org/a b",
    "https://hub.example.org/<img src=x>",
    "https://hub.example.org\\@evil.example",
    "https://hub.example.org/x`y",
    "https://hub.example.org/(x)",  # would end a Markdown link early
    "javascript:alert(1)//https://hub.example.org",
    "JavaScript://hub.example.org/%0Aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    'https://hub.example.org"onmouseover="alert(1)',
])
def test_hub_addresses_that_could_break_out_of_a_page_are_refused(hub):
    from missionkit.authoring.book import launch_settings

    with pytest.raises(MissionkitInputError) as caught:
        nbgitpuller_link(hub, REPO)
    assert "How to fix it" in str(caught.value)
    with pytest.raises(MissionkitInputError):
        launch_settings({"MISSION_BOOTCAMP_REPO": REPO, "MISSION_BOOTCAMP_HUB": hub}, None)
    with pytest.raises(MissionkitInputError):  # the Binder button's address is checked the same way
        launch_settings({"MISSION_BOOTCAMP_REPO": REPO, "MISSION_BOOTCAMP_BINDER": hub}, None)


# --------------------------------------------------------------------------- Kubernetes set-up (fast)
def _post_start_script() -> str:
    import yaml

    values = yaml.safe_load((ROOT / "deploy" / "z2jh-values.yaml").read_text(encoding="utf-8"))
    command = values["singleuser"]["lifecycleHooks"]["postStart"]["exec"]["command"]
    assert command[:2] == ["sh", "-c"]
    return command[2]


def _run_post_start(tmp_path: Path, gitpuller: str) -> subprocess.CompletedProcess:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    fake = bin_dir / "gitpuller"
    fake.write_text("#!/bin/sh\n" + gitpuller)
    fake.chmod(0o755)
    env = {"HOME": str(tmp_path / "home"), "PATH": f"{bin_dir}{os.pathsep}/usr/bin:/bin",
           "COURSE_UPDATE_LOG": str(tmp_path / "server.log"), "JUPYTERHUB_USER": "participant7"}
    return subprocess.run(["sh", "-c", _post_start_script()], env=env, capture_output=True, text=True,
                          timeout=60, check=False)


def test_a_failed_course_update_at_server_start_is_surfaced_not_hidden(tmp_path):
    home = tmp_path / "home"
    course = home / "mission-bootcamp"
    (course / "my-work").mkdir(parents=True)
    (course / "my-work" / "workbook.json").write_text("{}")
    failing = 'echo "fatal: unable to access \'https://github.com/ORG/mission-bootcamp/\': ' \
              'Could not resolve host" >&2\n' \
              "exit 128\n"
    run = _run_post_start(tmp_path, failing)
    assert run.returncode == 0, "a failed update must not stop the participant's server"
    notice = course / "COURSE-UPDATE-FAILED.txt"
    text = notice.read_text()
    assert "could not be updated" in text and "Your own work is safe" in text and "tell your trainer" in text
    assert "Could not resolve host" in text  # the detail IT needs
    assert "course update FAILED for participant7" in (tmp_path / "server.log").read_text()
    assert "course update FAILED" in run.stderr
    assert (course / "my-work" / "workbook.json").read_text() == "{}"

    ok = _run_post_start(tmp_path, 'test "$3" = "$HOME/mission-bootcamp" || exit 9\necho "Already up to date."\n')
    assert ok.returncode == 0 and not notice.exists(), "the notice goes away once an update works"

    shutil.rmtree(course)  # the very first pull failed: no course folder yet, so the notice goes in home
    _run_post_start(tmp_path, "exit 1\n")
    assert (home / "COURSE-UPDATE-FAILED.txt").is_file() and not course.exists()


def test_the_hub_image_installs_the_course_where_a_home_volume_cannot_hide_it(tmp_path):
    """Runs the image's install step (deploy/install-course.sh, which deploy/Dockerfile runs) into a
    fresh virtual environment, deletes the course folder, and imports missionkit from an empty home.

    What it proves: the package lands in the environment's own site-packages as a regular (not
    editable) install, with its data files, and needs neither the source folder nor anything in
    home. What it does not: the third-party requirements come from this machine's test environment
    (a .pth file points at it, so pip finds them already satisfied), and no Docker image is built.
    """
    import sysconfig

    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    assert "deploy/install-course.sh" in dockerfile and "pip install -e" not in dockerfile
    assert "/home/" not in dockerfile.split("FROM", 1)[1], "nothing of the course is put in a home folder"
    values = (ROOT / "deploy" / "z2jh-values.yaml").read_text(encoding="utf-8")
    assert "deploy/Dockerfile" in values and "repo2docker" not in values

    build = tmp_path / "build"
    for rel in ["requirements.txt", "pyproject.toml", "README.md", "tools/lab_settings.py"]:
        (build / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, build / rel)
    shutil.copytree(ROOT / "missionkit", build / "missionkit", ignore=shutil.ignore_patterns("__pycache__"))
    env_dir = tmp_path / "image-env"
    base = os.path.realpath(getattr(sys, "_base_executable", sys.executable))
    subprocess.run([base, "-m", "venv", str(env_dir)], check=True, timeout=120)
    python = env_dir / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    installed = subprocess.run(["bash", str(ROOT / "deploy" / "install-course.sh"), str(build), str(python)],
                               capture_output=True, text=True, env=env, timeout=600, check=False)
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]
    shutil.rmtree(build)

    home = tmp_path / "home"  # what a participant's fresh volume looks like: empty
    home.mkdir()
    probe = ("import json, missionkit, missionkit.catalogue, missionkit.workbook, pathlib; "
             "p = pathlib.Path(missionkit.__file__).resolve().parent; "
             "print(json.dumps({'at': str(p), 'data': (p / 'data' / 'references.csv').is_file()}))")
    run = subprocess.run([str(python), "-c", probe], cwd=home, env={**env, "HOME": str(home)},
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    found = json.loads(run.stdout)
    assert Path(found["at"]).is_relative_to(site) and found["data"], found
    shown = subprocess.run([str(python), "-m", "pip", "show", "missionkit"], capture_output=True, text=True,
                           env=env, check=False).stdout
    assert "Editable project location" not in shown
    assert list(env_dir.glob("share/jupyter/lab/settings/overrides.json")), "JupyterLab settings in the image"


def test_one_link_per_notebook_present_in_teaching_order():
    links = course_links(HUB, REPO)
    expected = ({f"notebooks/{p.name}" for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")}
                | {f"exercises/{p.name}" for p in (ROOT / "exercises").glob("[0-9][0-9]-*-exercise.ipynb")}
                | {f"solutions/{p.name}" for p in (ROOT / "solutions").glob("[0-9][0-9]-*-solution.ipynb")})
    assert {link.path for link in links} == expected and len(links) == len(expected)
    order = [(link.module, cohort.KINDS.index(link.kind)) for link in links]
    assert order == sorted(order)
    first = next(link for link in links if link.path == LESSON)
    assert first.title == nbformat.read(ROOT / LESSON, as_version=4).cells[0].source.splitlines()[0].lstrip("# ")
    assert all(link.url == nbgitpuller_link(HUB, REPO, "main", link.path) for link in links)
    table = links_markdown([link for link in links if link.kind != "solution"])
    assert table.count("\n") == 2 + sum(link.kind != "solution" for link in links)
    assert "solutions/" not in table and f"<{first.url}>" in table


def test_command_line_prints_links_and_explains_bad_input(capsys):
    assert cohort.main(["links", "--hub", HUB, "--repo", REPO, "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert {item["kind"] for item in printed} == {"lesson", "exercise"}
    assert cohort.main(["links", "--hub", "hub.example.org", "--repo", REPO]) == 2
    assert "not a web address" in capsys.readouterr().err


def test_memory_measurement_sees_what_a_notebook_allocates(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("block = bytearray(80 * 2**20)\n"
                                                                   "block[::4096] = b'x' * len(block[::4096])")])
    path = tmp_path / "big.ipynb"
    nbformat.write(nb, path)
    started, after = cohort.measure_participant_memory([path])
    assert started.after == "kernel started" and after.after == "big.ipynb"
    assert after.rss_mib - started.rss_mib > 70, (started, after)
    assert after.peak_mib >= after.rss_mib and after.cpu_seconds >= started.cpu_seconds > 0
    with pytest.raises(MissionkitInputError, match="not found"):
        cohort.measure_participant_memory([tmp_path / "missing.ipynb"])


# --------------------------------------------------------------------------- the hub
@pytest.fixture(scope="module")
def chp() -> str:
    _need("jupyterhub")
    _need("nbgitpuller")
    out = subprocess.run(["bash", str(ROOT / "tools" / "install_hub_deps.sh")], capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    path = out.stdout.strip().splitlines()[-1]
    assert os.access(path, os.X_OK), path
    return path


@pytest.fixture(scope="module")
def course_repo(tmp_path_factory) -> Path:
    """A local git repository holding a few of the course's notebooks (branch main)."""
    origin = tmp_path_factory.mktemp("origin") / "mission-bootcamp"
    for rel in COURSE_FILES:
        (origin / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, origin / rel)
    # find_course_root() needs _toc.yml and a missionkit/ folder; the kernels import the installed missionkit
    shutil.copytree(ROOT / "missionkit", origin / "missionkit", ignore=shutil.ignore_patterns("__pycache__"))
    _git(origin.parent, "init", "-q", "-b", "main", str(origin))
    _git(origin, "add", "-A")
    _git(origin, "commit", "-q", "-m", "course v1")
    return origin


@pytest.fixture(scope="module")
def hub(tmp_path_factory, chp):
    work = tmp_path_factory.mktemp("hub")
    marker = uuid.uuid4().hex
    # the cohort's hand-in exchange (test_cohort_hand_in_...): outside pytest's private temporary folder, so
    # the participants' own Unix users can reach it; created with its permissions by that test
    shared = Path(tempfile.mkdtemp(prefix="mbhub-shared-"))
    shared.chmod(0o755)
    exchange = shared / "exchange"
    proxy_port, hub_port, api_port = _free_port(), _free_port(), _free_port()
    token = secrets.token_hex(32)
    args = ["--ServerApp.allow_root=True"] if os.geteuid() == 0 else []
    config = f"""
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {proxy_port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{chp!r}]
c.JupyterHub.db_url = "sqlite:///{work}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{work}/cookie_secret"
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {PASSWORD!r}
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{work}/home/{{username}}"
c.Spawner.cmd = [{str(BIN / "jupyterhub-singleuser")!r}]
c.Spawner.args = {args!r}
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
# not MISSIONKIT_WORKBOOK: each workbook resolves in its course folder; PYTHONPATH: a worktree's missionkit
c.Spawner.env_keep = ["PATH", "LANG", "LC_ALL", "PYTHONPATH"]
c.Spawner.environment = {{"MB_HUB_TEST": {marker!r}, "PYDEVD_DISABLE_FILE_VALIDATION": "1",
                          "MISSIONKIT_EXCHANGE": {str(exchange)!r}}}  # as deploy/tljh-setup.sh sets it
c.JupyterHub.services = [{{"name": "cohort-test", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "cohort-test", "services": ["cohort-test"],
    "scopes": ["admin:users", "admin:servers", "tokens", "access:servers", "list:users"]}}]
c.JupyterHub.cleanup_servers = True
"""
    (work / "jupyterhub_config.py").write_text(config)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MISSIONKIT_", "JUPYTER", "JPY_"))}
    env.update({"MB_HUB_TEST": marker, "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}", "HOME": str(work)})
    log = open(work / "hub.log", "w")
    started = time.monotonic()
    proc = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(work / "jupyterhub_config.py")], cwd=work, env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{proxy_port}"
    info = {"base": base, "token": token, "work": work, "marker": marker, "proc": proc, "log": work / "hub.log",
            "shared": shared, "exchange": exchange,
            "started": started}
    try:
        try:
            _wait("the hub", lambda: proc.poll() is None and requests.get(f"{base}/hub/api/", timeout=2).ok,
                  time.monotonic() + 90)
        except AssertionError:
            log.flush()
            print((work / "hub.log").read_text()[-6000:])
            raise
        info["ready_seconds"] = round(time.monotonic() - started, 1)
        yield info
    finally:
        # stop servers through the hub, then the hub (which stops the proxy), then anything left with our marker
        try:
            for user in USERS:
                requests.delete(f"{base}/hub/api/users/{user}/server", headers={"Authorization": f"token {token}"},
                                timeout=10)
        except requests.RequestException:
            pass
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        for pid in _marked_pids(marker):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        log.close()
        shutil.rmtree(shared, ignore_errors=True)
        time.sleep(0.5)
        assert not _marked_pids(marker), "processes left running after the hub test"


# --------------------------------------------------------------------------- a participant
class Participant:
    def __init__(self, name: str, hub: dict):
        self.name, self.hub = name, hub
        self.base = hub["base"]
        self.browser = requests.Session()  # cookies, as a browser keeps them
        self.token: str | None = None
        self.home = hub["work"] / "home" / name
        self.course = self.home / TARGET

    # 1. log in with the hub's form
    def log_in(self) -> int:
        page = self.browser.get(f"{self.base}/hub/login", timeout=30)
        xsrf = self.browser.cookies.get("_xsrf") or re.search(r'name="_xsrf" value="([^"]+)"', page.text).group(1)
        reply = self.browser.post(f"{self.base}/hub/login", data={"username": self.name, "password": PASSWORD,
                                                                  "_xsrf": xsrf}, allow_redirects=False, timeout=30)
        return reply.status_code

    # 3. follow the nbgitpuller link, then do what its page's script does: call git-pull/api
    def pull(self, link: str) -> list[dict]:
        page = self.browser.get(link, timeout=60)
        assert page.status_code == 200, (page.status_code, page.url, page.text[:500])
        assert urlsplit(page.url).path == f"/user/{self.name}/git-pull", page.url
        data = {k: unquote(unescape(v)) for k, v in re.findall(r'data-([a-z-]+)="([^"]*)"', page.text)}
        params = {"_xsrf": data["xsrf"], "repo": data["repo"], "targetpath": data["targetpath"],
                  "branch": data["branch"]}
        events = []
        with self.browser.get(f"{self.base}/user/{self.name}/git-pull/api", params=params, stream=True, timeout=120,
                              headers={"Sec-Fetch-Mode": "cors", "Sec-Fetch-Site": "same-origin"}) as stream:
            assert stream.status_code == 200, stream.text[:500]
            for line in stream.iter_lines(decode_unicode=True):
                if line and line.startswith("data: "):
                    events.append(json.loads(line[6:]))
                    if events[-1].get("phase") in ("finished", "error"):
                        break
        assert events and events[-1]["phase"] == "finished", events[-3:]
        assert data["path"] == f"lab/tree/{TARGET}/{EXERCISE}", data["path"]
        return events

    # 4. run code in a kernel of the participant's own server
    def api(self, method: str, path: str, **kw):
        reply = requests.request(method, f"{self.base}/user/{self.name}/api/{path}",
                                 headers={"Authorization": f"token {self.token}"}, timeout=60, **kw)
        assert reply.ok, (method, path, reply.status_code, reply.text[:300])
        return reply.json() if reply.content else None

    def start_kernel(self, notebook: str) -> str:
        session = self.api("POST", "sessions", json={"path": f"{TARGET}/{notebook}", "type": "notebook",
                                                     "name": Path(notebook).name, "kernel": {"name": "python3"}})
        return session["kernel"]["id"]

    def run_cells(self, kernel_id: str, cells: list[str], timeout: float = 150) -> list[dict]:
        return asyncio.run(self._run_cells(kernel_id, cells, timeout))

    async def _run_cells(self, kernel_id: str, cells: list[str], timeout: float) -> list[dict]:
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        url = self.base.replace("http", "ws", 1) + f"/user/{self.name}/api/kernels/{kernel_id}/channels"
        ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {self.token}"},
                                                 request_timeout=60))
        session, results = uuid.uuid4().hex, []
        try:
            for code in cells:
                msg_id = uuid.uuid4().hex
                ws.write_message(json.dumps({
                    "header": {"msg_id": msg_id, "username": self.name, "session": session, "msg_type":
                               "execute_request", "version": "5.3", "date": datetime.now(UTC).isoformat()},
                    "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                    "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                                "allow_stdin": False, "stop_on_error": True}}))
                result, replied, idle = {"stdout": "", "errors": []}, False, False
                while not (replied and idle):
                    raw = await asyncio.wait_for(ws.read_message(), timeout)
                    assert raw is not None, "kernel websocket closed"
                    msg = json.loads(raw)
                    if msg.get("parent_header", {}).get("msg_id") != msg_id:
                        continue
                    kind, content = msg["header"]["msg_type"], msg["content"]
                    if kind == "stream":
                        result["stdout"] += content.get("text", "")
                    elif kind == "error":
                        result["errors"].append(f"{content['ename']}: {content['evalue']}")
                    elif kind == "execute_reply":
                        replied = True
                        result["status"] = content["status"]
                    elif kind == "status" and content["execution_state"] == "idle":
                        idle = True
                results.append(result)
        finally:
            ws.close()
        return results


# --------------------------------------------------------------------------- the test
@pytest.mark.slow
def test_cohort_hub_five_participants(hub, course_repo):
    t0 = time.monotonic()
    deadline = t0 + DEADLINE_SECONDS
    base, admin = hub["base"], {"Authorization": f"token {hub['token']}"}
    repo_url = f"file://{course_repo}"
    link = nbgitpuller_link(base, repo_url, "main", EXERCISE)
    people = [Participant(name, hub) for name in USERS]
    pool = ThreadPoolExecutor(len(people))
    timings = {"hub ready": hub["ready_seconds"]}

    try:
        # 1. everyone logs in at once
        codes = list(pool.map(Participant.log_in, people))
        assert codes == [302] * len(people), codes
        for p in people:
            assert any(c.name.startswith("jupyterhub-") for c in p.browser.cookies), p.browser.cookies

        # 2. their servers start together (hub REST API, as an admin script or the admin page would)
        for p in people:
            reply = requests.post(f"{base}/hub/api/users/{p.name}/server", headers=admin, timeout=30)
            assert reply.status_code in (201, 202), reply.text
            made = requests.post(f"{base}/hub/api/users/{p.name}/tokens", headers=admin, timeout=30,
                                 json={"note": "cohort test", "expires_in": 900,
                                       "scopes": [f"access:servers!user={p.name}"]})
            assert made.status_code == 201, made.text
            p.token = made.json()["token"]

        def ready():
            models = [requests.get(f"{base}/hub/api/users/{p.name}", headers=admin, timeout=10).json() for p in people]
            return all(m["servers"].get("", {}).get("ready") for m in models)

        _wait("five servers", ready, deadline)
        timings["servers ready"] = round(time.monotonic() - t0, 1)

        # each has a home of their own
        servers = [pid for pid in _marked_pids(hub["marker"]) if "jupyterhub-singleuser" in _cmdline(pid)]
        homes = {_env_of(pid).get("JUPYTERHUB_USER"): _env_of(pid).get("HOME") for pid in servers}
        assert homes == {p.name: str(p.home) for p in people}, homes

        # 3. everyone follows the link: the course is cloned into ~/mission-bootcamp
        first = list(pool.map(lambda p: p.pull(link), people))
        for p, events in zip(people, first, strict=False):
            assert (p.course / EXERCISE).is_file() and (p.course / LESSON).is_file(), events[-3:]
            assert _git(p.course, "log", "-1", "--format=%s").strip() == "course v1"
        timings["first pull"] = round(time.monotonic() - t0, 1)

        # 4. each runs the exercise notebook in a kernel of their own server, saves an answer, edits the exercise
        exercise = json.loads((ROOT / EXERCISE).read_text())
        code_cells = ["".join(c["source"]) for c in exercise["cells"] if c["cell_type"] == "code"]
        save = ("from missionkit.workbook import Workbook, resolve_workbook_path\n"
                "wb = Workbook.open()\n"
                "wb.set('cohort_test', 'who', {name!r})\n"
                "print('WORKBOOK', resolve_workbook_path())\n")

        # Kernels start one at a time: five servers on one machine each pick "free" TCP ports for their new
        # kernel and can pick the same one ("Address already in use", seen once here). The runs overlap.
        start_one = threading.Lock()

        def work(p: Participant):
            with start_one:
                kernel = p.start_kernel(EXERCISE)
                time.sleep(3)  # the kernel binds its ports within this before the next server picks any
            results = p.run_cells(kernel, code_cells + [save.format(name=p.name)])
            model = p.api("GET", f"contents/{TARGET}/{EXERCISE}", params={"content": 1})
            for cell in model["content"]["cells"]:
                if cell["cell_type"] == "code" and "'EU 100 climate-neutral cities': ...," in cell["source"]:
                    cell["source"] = cell["source"].replace(
                        "'EU 100 climate-neutral cities': ...,  # your answer here",
                        f"'EU 100 climate-neutral cities': 'mission',  # answered by {p.name}")
            p.api("PUT", f"contents/{TARGET}/{EXERCISE}",
                  json={"type": "notebook", "format": "json", "content": model["content"]})
            return kernel, results

        ran = list(pool.map(work, people))
        timings["exercise run"] = round(time.monotonic() - t0, 1)
        for p, (_kernel, results) in zip(people, ran, strict=False):
            failed = [(i, r) for i, r in enumerate(results) if r.get("status") != "ok" or r["errors"]]
            assert not failed, (p.name, failed)
            assert f"WORKBOOK {p.course / 'my-work' / 'workbook.json'}" in results[-1]["stdout"], results[-1]

        # memory per participant, as measured on the hub: the server plus its kernel
        memory = {}
        for pid in _marked_pids(hub["marker"]):
            user = _env_of(pid).get("JUPYTERHUB_USER")
            home = _env_of(pid).get("HOME", "")
            owner = user or next((p.name for p in people if home == str(p.home)), None)
            if owner:
                kind = "server" if "jupyterhub-singleuser" in _cmdline(pid) else "kernel"
                memory.setdefault(owner, {}).setdefault(kind, 0.0)
                memory[owner][kind] += _rss_mib(pid)
        assert set(memory) == set(USERS) and all(set(m) == {"server", "kernel"} for m in memory.values()), memory

        books = {}
        for p in people:
            path = p.course / "my-work" / "workbook.json"
            data = json.loads(path.read_text())
            assert data["sections"]["cohort_test"] == {"who": p.name}, data["sections"]
            books[p.name] = path.read_bytes()
        assert len(set(books.values())) == len(people), "two participants share a workbook"

        # 5. the course changes upstream, then everyone pulls again
        lesson = (course_repo / LESSON).read_text()
        old_title = re.search(r'"# ([^"\\]+)', lesson).group(0)
        (course_repo / LESSON).write_text(_edit_line(lesson, old_title, old_title + " (updated)"))
        ex = (course_repo / EXERCISE).read_text()
        ex = _edit_line(ex, "'EU 100 climate-neutral cities': ...,  # your answer here",
                        "'EU 100 climate-neutral cities': ...,  # your answer here (course v2)")
        ex_title = re.search(r'"# ([^"\\]+)', ex).group(0)
        ex = _edit_line(ex, ex_title, ex_title + " [v2]")
        (course_repo / EXERCISE).write_text(ex)
        shutil.copy(ROOT / "exercises" / "03-framing-exercise.ipynb",
                    course_repo / "exercises" / "99-new-exercise.ipynb")
        _git(course_repo, "add", "-A")
        _git(course_repo, "commit", "-q", "-m", "course v2")

        list(pool.map(lambda p: p.pull(link), people))
        timings["second pull"] = round(time.monotonic() - t0, 1)
        for p in people:
            assert (p.course / "my-work" / "workbook.json").read_bytes() == books[p.name], p.name
            mine = (p.course / EXERCISE).read_text()
            assert f"# answered by {p.name}" in mine, f"{p.name}'s edit was lost"
            assert "(course v2)" not in mine, "the course's change overwrote the participant's line"
            assert " [v2]" in mine, "the course's change elsewhere in the exercise did not arrive"
            assert "(updated)" in (p.course / LESSON).read_text()
            assert (p.course / "exercises" / "99-new-exercise.ipynb").is_file()
            others = [q.name for q in people if q is not p]
            assert not any(f"answered by {o}" in mine for o in others)

        # the workbook still reads back in a fresh kernel after the update
        def read_back(p: Participant):
            kernel = p.start_kernel(LESSON)
            (result,) = p.run_cells(kernel, ["from missionkit.workbook import Workbook\n"
                                             "print('WHO', Workbook.open().get('cohort_test', 'who'))"])
            return result

        for p, result in zip(people, pool.map(read_back, people), strict=False):
            assert result["stdout"].strip() == f"WHO {p.name}", result
        timings["done"] = round(time.monotonic() - t0, 1)
    except BaseException:
        print(hub["log"].read_text()[-6000:])
        raise
    finally:
        pool.shutdown(wait=False, cancel_futures=True)

    servers = [m["server"] for m in memory.values()]
    kernels = [m["kernel"] for m in memory.values()]
    print(f"\nhub test: {len(people)} participants; seconds since start: {timings}")
    print(f"RSS per participant on the hub: server {min(servers):.0f}-{max(servers):.0f} MiB, kernel(s) "
          f"{min(kernels):.0f}-{max(kernels):.0f} MiB (module 01 exercise run + workbook save)")
    assert timings["done"] < DEADLINE_SECONDS


# --------------------------------------------------------------------------- hand-in and the cohort view
TRAINER = "trainer1"
# Runs in a participant's (or the trainer's) kernel on the hub. The test hub's servers run as root
# (SimpleLocalProcessSpawner; the Python may sit in a home folder other users cannot enter), so the
# kernel forks and the child switches for good to the person's own Unix user before touching a file: every
# file operation is then checked against that user, as on TLJH, where each server runs as its own user.
AS_USER = """
import json, os, pwd, traceback
from missionkit import handin
from missionkit.workbook import Workbook
from missionkit.authoring import cohort_view
{preload}
def as_user(unix, result_file, work):
    user = pwd.getpwnam(unix)
    pid = os.fork()
    if pid == 0:
        try:
            os.setgroups([g for g in os.getgrouplist(unix, user.pw_gid) if g != user.pw_gid])
            os.setgid(user.pw_gid)
            os.setuid(user.pw_uid)
            out = work()
        except BaseException as exc:
            out = {{"crash": traceback.format_exc()}}
        with open(result_file, "w") as handle:
            json.dump(out, handle)
        os._exit(0)
    os.waitpid(pid, 0)
    with open(result_file) as handle:
        print("RESULT", handle.read())
"""
HAND_IN = """
def work():
    wb = Workbook.open({workbook!r})
    wb.set("litmus", "challenge", {{"answer": {answer!r}, "evidence": "Seen in the case"}})
    wb.set("framing", "confidence", {confidence})
    path = handin.hand_in("framing", {alias!r}, workbook=wb)
    again = handin.hand_in("framing", {alias!r}, workbook=wb)  # handing in again replaces the snapshot
    return {{"file": str(path), "same": path == again, "uid": os.getuid()}}
as_user({unix!r}, {result!r}, work)
"""
PEEK = """
def work():
    out = {{}}
    for what, act in [("read", lambda: open({other!r}).read()), ("list", lambda: os.listdir({exchange!r}))]:
        try:
            act()
            out[what] = "ALLOWED"
        except PermissionError:
            out[what] = "PermissionError"
    try:
        cohort_view.load_cohort({exchange!r})
        out["view"] = "ALLOWED"
    except Exception as exc:
        out["view"] = str(exc)
    return out
as_user({unix!r}, {result!r}, work)
"""
VIEW = """
def work():
    room = cohort_view.load_cohort({exchange!r})
    page = cohort_view.write_page({page!r}, {exchange!r})
    return {{"participants": len(room.participants), "aliases": sorted(h.alias for h in room.handins),
            "refused": room.refused, "page": page.read_text()}}
as_user({unix!r}, {result!r}, work)
"""


@pytest.mark.slow
def test_cohort_hand_in_and_trainer_view_on_the_hub(hub):
    """Five participants hand in from kernels on the hub, each as their own Unix user; a trainer (in the
    trainers' group) sees five hand-ins in the cohort view; a participant can read neither another's
    hand-in, nor the exchange's list, nor the cohort view. The exchange is made by the same command the
    hub set-up runs (deploy/tljh-setup.sh: cohort make-exchange)."""
    from tests import unix_users

    why = unix_users.can_make_users()
    if why:
        pytest.skip(why)
    t0 = time.monotonic()
    deadline = t0 + 180
    group = "mbhub-trainers"
    unix_users.ensure_group(group)
    unix = {name: f"mbhub-{name}" for name in [*USERS, TRAINER]}
    for name, account in unix.items():
        unix_users.ensure_user(account, group if name == TRAINER else None)
    exchange, shared = hub["exchange"], hub["shared"]
    assert cohort.main(["make-exchange", str(exchange), "--group", group]) == 0
    for name, account in unix.items():
        (shared / name).mkdir(exist_ok=True)
        shutil.chown(shared / name, account)

    base, admin = hub["base"], {"Authorization": f"token {hub['token']}"}
    people = [Participant(name, hub) for name in [*USERS, TRAINER]]
    for p in people:
        made = requests.post(f"{base}/hub/api/users/{p.name}", headers=admin, timeout=30)
        assert made.status_code in (201, 409), made.text  # 409: logged in already (the test above)
        reply = requests.post(f"{base}/hub/api/users/{p.name}/server", headers=admin, timeout=30)
        assert reply.status_code in (201, 202, 400), reply.text  # 400: already running (the test above)
        made = requests.post(f"{base}/hub/api/users/{p.name}/tokens", headers=admin, timeout=30,
                             json={"note": "hand-in test", "expires_in": 900,
                                   "scopes": [f"access:servers!user={p.name}"]})
        assert made.status_code == 201, made.text
        p.token = made.json()["token"]

    def ready():
        models = [requests.get(f"{base}/hub/api/users/{p.name}", headers=admin, timeout=10).json() for p in people]
        return all(m["servers"].get("", {}).get("ready") for m in models)

    _wait("six servers", ready, deadline)
    start_one = threading.Lock()

    def kernel_for(p: Participant) -> str:
        with start_one:  # one at a time: see test_cohort_hub_five_participants
            session = p.api("POST", "sessions", json={"path": "hand-in.ipynb", "type": "notebook",
                                                      "name": "hand-in.ipynb", "kernel": {"name": "python3"}})
            time.sleep(2)
        return session["kernel"]["id"]

    def result(p: Participant, kernel: str, code: str, preload: str = "") -> dict:
        (run,) = p.run_cells(kernel, [AS_USER.format(preload=preload) + code])
        assert run.get("status") == "ok" and not run["errors"], (p.name, run)
        found = json.loads(run["stdout"].split("RESULT", 1)[1])
        assert "crash" not in found, (p.name, found)
        return found

    pool = ThreadPoolExecutor(len(people))
    try:
        kernels = dict(zip([p.name for p in people], pool.map(kernel_for, people), strict=True))
        answers = ["yes", "partly", "yes", "no", "yes"]

        def hand_in(i_p):
            i, p = i_p
            return result(p, kernels[p.name], HAND_IN.format(
                workbook=str(shared / p.name / "workbook.json"), answer=answers[i], confidence=i + 1,
                alias=f"Alias {i + 1}", unix=unix[p.name], result=str(shared / p.name / "result.json")))

        handed = list(pool.map(hand_in, enumerate(people[:5])))
        files = {}
        for p, out in zip(people, handed, strict=False):
            file = Path(out["file"])
            assert out["same"] and file.parent == exchange and p.name in file.name, out
            info = file.stat()
            assert info.st_uid == out["uid"] and oct(info.st_mode & 0o777) == "0o640", (file, oct(info.st_mode))
            files[p.name] = file
        assert len(list(exchange.iterdir())) == 5, "one file per participant; no temporary or probe file left"

        peek = result(people[0], kernels[people[0].name], PEEK.format(
            other=str(files[USERS[1]]), exchange=str(exchange), unix=unix[USERS[0]],
            result=str(shared / USERS[0] / "peek.json")))
        assert peek["read"] == "PermissionError" and peek["list"] == "PermissionError", peek
        assert "may not read the hand-in folder" in peek["view"] and "trainers' group" in peek["view"], peek

        trainer = people[5]
        seen = result(trainer, kernels[trainer.name], VIEW.format(
            exchange=str(exchange), page=str(shared / TRAINER / "cohort.html"), unix=unix[TRAINER],
            result=str(shared / TRAINER / "view.json")),
            preload="import altair, pandas, vl_convert, missionkit.charts")
        assert seen["participants"] == 5 and not seen["refused"], seen
        assert seen["aliases"] == [f"Alias {i}" for i in range(1, 6)]
        page = seen["page"]
        assert "Participant 5" in page and "Alias" not in page, "the projector page is anonymised"
        assert "litmus / challenge / answer" in page and "The most common answer is &#x27;yes&#x27; (3 of 5" in page
        assert "framing / confidence" in page and "Median 3 across 5 answers" in page
    except BaseException:
        print(hub["log"].read_text()[-6000:])
        raise
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    print(f"\nhand-in test: {round(time.monotonic() - t0, 1)} s (six servers, five hand-ins, the cohort view)")


def test_kubernetes_hand_ins_are_kept_apart_by_mounts():
    """deploy/z2jh-values.yaml: each participant mounts only their own hand-in folder; the hub's hook gives
    members of the trainers' group the whole tree, read-only, and tells the cohort view where it is."""
    import yaml

    values = yaml.safe_load((ROOT / "deploy" / "z2jh-values.yaml").read_text(encoding="utf-8"))
    single = values["singleuser"]
    assert single["extraEnv"]["MISSIONKIT_EXCHANGE"] == "/srv/hand-in"
    (mount,) = single["storage"]["extraVolumeMounts"]
    assert mount["mountPath"] == "/srv/hand-in" and mount["subPath"] == "hand-in/{username}"
    assert "{username}" in json.dumps(single["initContainers"][0]["env"])
    assert values["hub"]["config"]["JupyterHub"]["load_groups"]["trainers"]["users"]

    class Group:
        def __init__(self, name):
            self.name = name

    class Spawner:
        def __init__(self, groups):
            self.user = type("User", (), {"groups": [Group(g) for g in groups]})()
            self.volume_mounts, self.environment = [dict(mount)], {"MISSIONKIT_EXCHANGE": "/srv/hand-in"}

    config = type("Config", (), {})()
    config.KubeSpawner = type("KubeSpawner", (), {})()
    namespace = {"c": config}
    exec(values["hub"]["extraConfig"]["missionBootcampTrainers"], namespace)
    hook = config.KubeSpawner.pre_spawn_hook
    participant, trainer = Spawner(["cohort-2026"]), Spawner(["trainers"])
    hook(participant)
    hook(trainer)
    assert participant.volume_mounts == [mount] and "MISSIONKIT_COHORT" not in participant.environment
    whole = trainer.volume_mounts[-1]
    assert whole["subPath"] == "hand-in" and whole["readOnly"] is True
    assert trainer.environment["MISSIONKIT_COHORT"] == whole["mountPath"]
    from missionkit.authoring import cohort_view

    assert cohort_view.COHORT_ENV_VAR == "MISSIONKIT_COHORT"


def test_tljh_set_up_makes_the_exchange_with_the_tested_command():
    script = (ROOT / "deploy" / "tljh-setup.sh").read_text(encoding="utf-8")
    assert "groupadd -f trainers" in script and 'usermod -a -G trainers "jupyter-$name"' in script
    assert 'missionkit.authoring.cohort make-exchange "$EXCHANGE" --group trainers' in script
    assert "'MISSIONKIT_EXCHANGE': '$EXCHANGE'" in script
    assert script.index("make-exchange") < script.rindex("tljh-config reload"), "set before the hub reloads"
    run = subprocess.run(["bash", "-n", str(ROOT / "deploy" / "tljh-setup.sh")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
