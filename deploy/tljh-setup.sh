#!/usr/bin/env bash
# Set up The Littlest JupyterHub (TLJH) for a Mission Bootcamp cohort, on one Ubuntu server.
# Book chapter "Running a cohort" explains each step. Run it over SSH on the server, never from
# a browser session on a hub that is not yet secured:
#
#   1. install TLJH itself (once; see the TLJH docs, "Installing on your own server"):
#        curl -L https://tljh.jupyter.org/bootstrap.py | sudo -E python3 - --admin <trainer-name>
#   2. turn on HTTPS (TLJH docs, "Enable HTTPS"): tljh-config set https.enabled true, plus
#      https.letsencrypt.email and https.letsencrypt.domains, then tljh-config reload proxy
#   3. then this script (from a copy of the course repository):
#        COURSE_REPO=https://github.com/ORG/mission-bootcamp MEMORY=1G TRAINERS="ana ben" bash deploy/tljh-setup.sh
#
# Hand-ins (book chapter "Running a cohort", "Hand-ins and the cohort view"): it creates the exchange
# folder EXCHANGE, owned by root and the Unix group "trainers", mode 3773 (participants may put files
# in, but not list or read them; each hand-in is readable by the trainers' group only), and tells every
# server where it is (MISSIONKIT_EXCHANGE). TRAINERS lists the hub names of the trainers: TLJH's Unix
# user for hub name "ana" is "jupyter-ana", created at first sign-in, so a trainer signs in once, then
# this script runs again (and the trainer restarts their server from the hub's control panel).
#
# It stops if HTTPS is not on. Sign-in (AUTH): "native" (default) switches TLJH from its default
# FirstUseAuthenticator, where whoever first logs in under a name sets its password, to
# NativeAuthenticator with admin approval (people sign up; a trainer approves each at
# /hub/authorize). AUTH=keep leaves an authenticator you configured yourself (OAuth, LDAP).
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
AUTH="${AUTH:-native}"          # native (sign-up with admin approval) or keep (your own OAuth / LDAP set-up)
EXCHANGE="${EXCHANGE:-/srv/mission-bootcamp-exchange}"   # where hand-ins go; only the trainers' group reads it
TRAINERS="${TRAINERS:-}"        # hub names of the trainers, separated by spaces
TLJH_CONFIG_D="${TLJH_CONFIG_D:-/opt/tljh/config/jupyterhub_config.d}"
case "$AUTH" in native|keep) ;; *) echo "AUTH must be native or keep, not '$AUTH'" >&2; exit 1;; esac

# HTTPS before any password crosses the network
if ! sudo tljh-config show | grep -A3 -E '^https:' | grep -q -E 'enabled: *true'; then
  echo "HTTPS is not on: passwords would cross the network in clear. Turn it on first (TLJH docs," >&2
  echo "'Enable HTTPS'): sudo tljh-config set https.enabled true; sudo tljh-config set" >&2
  echo "https.letsencrypt.email you@example.org; sudo tljh-config add-item https.letsencrypt.domains" >&2
  echo "hub.example.org; sudo tljh-config reload proxy. Then run this script again." >&2
  exit 1
fi

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

# 2. the hub: who may sign in, JupyterLab by default, a memory and CPU limit per participant, a long idle timeout
if [ "$AUTH" = native ]; then
  sudo tljh-config set auth.type nativeauthenticator.NativeAuthenticator
  sudo tljh-config set auth.NativeAuthenticator.open_signup false   # a trainer approves every sign-up
fi
sudo tljh-config set user_environment.default_app jupyterlab
sudo tljh-config set limits.memory "$MEMORY"
sudo tljh-config set limits.cpu "$CPU"
sudo tljh-config set services.cull.timeout "$IDLE_SECONDS"

# 3. hand-ins: the trainers' group, the exchange (root:trainers, mode 3773), and its place for every server
sudo groupadd -f trainers
for name in $TRAINERS; do
  if id "jupyter-$name" >/dev/null 2>&1; then
    sudo usermod -a -G trainers "jupyter-$name"
  else
    echo "Trainer '$name' has not signed in to the hub yet: ask them to sign in once, then run this script again."
  fi
done
sudo "$USER_ENV/bin/python" -m missionkit.authoring.cohort make-exchange "$EXCHANGE" --group trainers
sudo mkdir -p "$TLJH_CONFIG_D"
printf '%s\n' "# Written by deploy/tljh-setup.sh: where participants hand in (missionkit.handin)." \
  "c.Spawner.environment.update({'MISSIONKIT_EXCHANGE': '$EXCHANGE'})" \
  | sudo tee "$TLJH_CONFIG_D/mission-bootcamp-exchange.py" >/dev/null
sudo tljh-config reload

if [ "$AUTH" = native ]; then
  echo "Sign-in is now: sign up, then a trainer approves. Sign up NOW as the admin named at install"
  echo "(https://<this hub>/hub/signup): an admin name is approved automatically, so claim it first."
  echo "Approve participants at https://<this hub>/hub/authorize, only names on your cohort list."
fi
echo "Hand-ins go to $EXCHANGE; trainers (group 'trainers') open trainer/cohort-view.ipynb to see them."
echo "A trainer just added to the group restarts their server (File > Hub Control Panel > Stop My Server)."
echo "Done. Give participants the links from:"
echo "  $USER_ENV/bin/python -m missionkit.authoring.cohort links --hub https://<this hub> --repo $COURSE_REPO --markdown"
