#!/usr/bin/env bash
# Set up The Littlest JupyterHub (TLJH) for a Mission Bootcamp cohort, on one Ubuntu server.
# Book chapter "Running a cohort" explains each step. Run as an admin user, on the server:
#
#   1. install TLJH itself (once; see the TLJH docs, "Installing on your own server"):
#        curl -L https://tljh.jupyter.org/bootstrap.py | sudo -E python3 - --admin <trainer-name>
#   2. then this script (from a copy of the course repository):
#        COURSE_REPO=https://github.com/ORG/mission-bootcamp MEMORY=1G bash deploy/tljh-setup.sh
#
# Safe to run again after a course update: it pulls the course and reinstalls pinned requirements.
set -euo pipefail

COURSE_REPO="${COURSE_REPO:?set COURSE_REPO to the git address of the course}"
COURSE_BRANCH="${COURSE_BRANCH:-main}"
COURSE_DIR="${COURSE_DIR:-/srv/mission-bootcamp}"   # the hub's copy, for the shared Python environment
MEMORY="${MEMORY:-1G}"          # per participant; measured figures in the book chapter
CPU="${CPU:-1}"                 # cores per participant at most
IDLE_SECONDS="${IDLE_SECONDS:-7200}"
USER_ENV="${USER_ENV:-/opt/tljh/user}"   # TLJH shared environment for all participants

test -x "$USER_ENV/bin/python" || { echo "TLJH's user environment ($USER_ENV) is missing: install TLJH first" >&2; exit 1; }
"$USER_ENV/bin/python" - <<'EOF'
import sys
if sys.version_info < (3, 11):
    sys.exit(f"TLJH's user environment runs Python {sys.version.split()[0]}; the course needs 3.11 or newer")
EOF

# 1. the course, and its pinned packages, into the environment every participant's kernel uses
if [ -d "$COURSE_DIR/.git" ]; then
  sudo git -C "$COURSE_DIR" pull --ff-only origin "$COURSE_BRANCH"
else
  sudo git clone --branch "$COURSE_BRANCH" "$COURSE_REPO" "$COURSE_DIR"
fi
# TLJH's own JupyterHub version stays: the servers in this environment must match TLJH's hub, so the
# course's jupyterhub pin (there for its tests and for Kubernetes images) is left out here.
reqs=$(mktemp)
grep -v -i '^jupyterhub==' "$COURSE_DIR/requirements.txt" > "$reqs"
( cd "$COURSE_DIR" && sudo -E "$USER_ENV/bin/python" -m pip install -r "$reqs" )
rm -f "$reqs"
# JupyterLab settings for the course (no news fetching, no update check)
( cd "$COURSE_DIR" && sudo -E "$USER_ENV/bin/python" tools/lab_settings.py )

# 2. the hub: JupyterLab by default, a memory and CPU limit per participant, a long idle timeout
sudo tljh-config set user_environment.default_app jupyterlab
sudo tljh-config set limits.memory "$MEMORY"
sudo tljh-config set limits.cpu "$CPU"
sudo tljh-config set services.cull.timeout "$IDLE_SECONDS"
sudo tljh-config reload

echo "Done. Give participants the links from:"
echo "  $USER_ENV/bin/python -m missionkit.authoring.cohort links --hub https://<this hub> --repo $COURSE_REPO --markdown"
