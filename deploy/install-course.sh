#!/usr/bin/env bash
# Install the course into a Python environment as a regular package (not editable), with its
# pinned requirements and JupyterLab settings. deploy/Dockerfile runs it to build the
# participants' image for Zero to JupyterHub:
#
#   bash deploy/install-course.sh <course folder> [python]
#
# Why not `pip install -e .` from the home folder (what repo2docker does): on the hub, each
# participant's persistent volume is mounted over the home folder, which hides anything the
# image put there, so `import missionkit` would fail. Here the package goes into the
# environment's own site-packages, and the course folder can be deleted afterwards.
set -euo pipefail
course="${1:?give the course folder (the one holding requirements.txt and pyproject.toml)}"
python="${2:-python3}"
reqs=$(mktemp)
trap 'rm -f "$reqs"' EXIT
grep -v -E '^[[:space:]]*(-e|--editable)[[:space:]]' "$course/requirements.txt" > "$reqs"
"$python" -m pip install --no-cache-dir -r "$reqs"
"$python" -m pip install --no-cache-dir --no-deps "$course"
( cd "$course" && "$python" tools/lab_settings.py )
"$python" - <<'PY'
import pathlib, sys
import missionkit
where = pathlib.Path(missionkit.__file__).resolve()
print(f"missionkit installed in {where.parent} (Python {sys.version.split()[0]})")
PY
