"""Reading the course's facts files (``missionkit/data/facts/<module>-<name>.yml``).

A facts file is a YAML list of entries. :func:`load_facts` reads one and
checks every entry against a pydantic model, so a broken entry gives a plain
:class:`~missionkit.errors.MissionkitInputError` naming the file and the entry.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from missionkit.data import DATA_DIR
from missionkit.errors import MissionkitInputError

__all__ = ["FACTS_DIR", "load_facts"]

FACTS_DIR = DATA_DIR / "facts"


def load_facts(path: str | Path, model: type[BaseModel]) -> list:
    """The entries of a facts file, each checked by ``model``; a bad file raises MissionkitInputError."""
    fields = ", ".join(model.model_fields)
    fix = f"Correct that entry in the facts file: each entry has {fields} (and nothing else)"
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise MissionkitInputError(f"The facts file cannot be read ({error})", fix=fix, file=str(path)) from None
    if not isinstance(raw, list):
        raise MissionkitInputError("The facts file should hold a list of entries", fix=fix, file=str(path))
    entries = []
    for number, item in enumerate(raw, start=1):
        try:
            entries.append(model.model_validate(item))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ())) or "the entry"
            raise MissionkitInputError(f"Entry {number} of the facts file is not valid: {where}: {first['msg']}",
                                       fix=fix, file=str(path)) from None
    return entries
