"""Configure JupyterLab in the course's virtual environment for offline rooms.

Writes <venv>/share/jupyter/lab/settings/overrides.json: no news fetching, no
update check (both would call the internet). Run by `make venv`; safe to re-run.
"""
import json
import sys
from pathlib import Path

OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/extensionmanager-extension:plugin": {"enabled": False},
}


def main() -> None:
    target = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(target.read_text()) if target.exists() else {}
    current.update(OVERRIDES)
    target.write_text(json.dumps(current, indent=2) + "\n")
    print(f"JupyterLab offline settings: {target}")


if __name__ == "__main__":
    main()
