"""Reading the course's facts files (``missionkit/data/facts/<module>-<name>.yml``).

Sourced tables of real-world facts live in data files, not Python literals (decision 0009). A
facts file is a YAML list of entries (or a mapping, read with :func:`read_yaml`); :func:`load_facts`
reads one and checks every entry against a pydantic model, so a broken entry gives a plain
:class:`~missionkit.errors.MissionkitInputError` naming the file and the entry. Each module turns the
checked entries into the objects it uses, once (``functools.cache``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from missionkit.data import DATA_DIR
from missionkit.errors import MissionkitInputError

__all__ = ["FACTS_DIR", "read_yaml", "validate", "load_facts"]

FACTS_DIR = DATA_DIR / "facts"
M = TypeVar("M", bound=BaseModel)


def _fix_for(model: type[BaseModel]) -> str:
    return f"Correct that entry in the facts file: each entry has {', '.join(model.model_fields)} (and nothing else)"


def read_yaml(path: str | Path, fix: str) -> Any:
    """The YAML content of a facts file; a file that cannot be read or parsed raises MissionkitInputError."""
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise MissionkitInputError(f"The facts file cannot be read ({error})", fix=fix, file=str(path)) from None


def validate(model: type[M], item: Any, what: str, path: str | Path, fix: str) -> M:
    """One entry checked by ``model``; ``what`` names it in the message ("Entry 3")."""
    try:
        return model.model_validate(item)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "the entry"
        raise MissionkitInputError(f"{what} of the facts file is not valid: {where}: {first['msg']}",
                                   fix=fix, file=str(path)) from None


def load_facts(path: str | Path, model: type[M], fix: str | None = None) -> list[M]:
    """The entries of a facts file, each checked by ``model``; a bad file raises MissionkitInputError."""
    fix = fix or _fix_for(model)
    raw = read_yaml(path, fix)
    if not isinstance(raw, list):
        raise MissionkitInputError("The facts file should hold a list of entries", fix=fix, file=str(path))
    return [validate(model, item, f"Entry {number}", path, fix) for number, item in enumerate(raw, start=1)]
