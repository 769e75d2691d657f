"""Module 07: a transparent theme coder for focus-group notes.

The codebook is a dict theme -> keywords that the participant edits; a keyword
matches when it appears in a statement, ignoring case. The course's starting
codebook for the FICTIONAL Marenta focus groups (D5) is OUR PROPOSAL.
Domain logic only.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from missionkit import case
from missionkit.errors import MissionkitInputError

DEFAULT_THEMES: dict[str, list[str]] = {
    "silos": ["silo", "each ministry", "different offices", "who to complain to", "nobody connects",
              "three agencies"],
    "budgets not aligned": ["own budget", "budget line", "line up", "align", "do not match"],
    "not asked": ["nobody asked", "found out", "newspaper"],
    "rules that work against": ["subsidy", "parking rules", "procurement rules", "import duty", "tenders"],
    "money to scale": ["lend", "loan", "to scale", "small pieces", "money for"],
    "fares and costs": ["fare", "what i earn", "cheap"],
    "safety at night": ["after dark", "no light", "lighting", "before my shift"],
    "bottom-up start": ["started here", "started in", "came later"],
}
"""The course's starting codebook for the FICTIONAL Marenta focus groups (OUR PROPOSAL). Edit it."""
MIN_KEYWORD = 3


def parse_themes(themes: Any) -> dict[str, tuple[str, ...]]:
    """A clean codebook from a dict theme -> keywords (a list, or one text with commas).

    Themes left as ``...`` are skipped (not answered yet). Raises a plain-language
    error for anything else that cannot be read.
    """
    how = ('Write the codebook as {"theme": ["keyword", "another keyword"], ...}; keywords in quotes, '
           "separated by commas.")
    if not isinstance(themes, Mapping):
        raise MissionkitInputError(f"The themes should be a dict of theme: keywords, not {type(themes).__name__}",
                                   fix=how)
    out: dict[str, tuple[str, ...]] = {}
    for name, words in themes.items():
        if words is ...:
            continue
        theme = str(name).strip()
        if not theme:
            raise MissionkitInputError("A theme has no name", fix="Give every theme a short name in quotes.")
        if isinstance(words, str):
            words = words.split(",")
        if not isinstance(words, (list, tuple, set)) or not all(isinstance(w, str) for w in words):
            raise MissionkitInputError(f"The keywords of the theme '{theme}' should be a list of words in quotes",
                                       fix=how)
        clean = tuple(dict.fromkeys(re.sub(r"\s+", " ", w.strip().lower()) for w in words if w.strip()))
        if not clean:
            raise MissionkitInputError(f"The theme '{theme}' has no keywords",
                                       fix="Give it at least one keyword, or remove the theme.")
        short = [w for w in clean if len(w) < MIN_KEYWORD]
        if short:
            raise MissionkitInputError(
                f"The keyword '{short[0]}' in the theme '{theme}' is too short: it would match inside many words",
                fix=f"Use words of at least {MIN_KEYWORD} letters, or a short phrase.")
        out[theme] = clean
    return out


def _statements(focus_groups: Any) -> pd.DataFrame:
    if focus_groups is None:
        return case.load("focus_groups")
    if not isinstance(focus_groups, pd.DataFrame) or "statement" not in focus_groups.columns:
        raise MissionkitInputError("The focus-group notes should be a table with a 'statement' column",
                                   fix='Load them first, for example case.load("focus_groups").', column="statement")
    fg = focus_groups.reset_index(drop=True).copy()
    if "group_id" not in fg.columns:
        fg["group_id"] = "FG1"
    fg["statement"] = fg["statement"].fillna("").astype(str)
    return fg


def code_statements(themes: Any = None, focus_groups: Any = None) -> pd.DataFrame:
    """Each statement with the themes whose keywords it contains (ignoring case) and the keywords found."""
    book = parse_themes(DEFAULT_THEMES if themes is None else {} if themes is ... else themes)
    fg = _statements(focus_groups)
    found_themes, found_words = [], []
    for text in fg["statement"].str.lower():
        hits = {t: [w for w in words if w in text] for t, words in book.items()}
        hits = {t: w for t, w in hits.items() if w}
        found_themes.append("; ".join(hits))
        found_words.append("; ".join(w for ws in hits.values() for w in ws))
    fg["themes"] = found_themes
    fg["keywords found"] = found_words
    return fg


def theme_counts(themes: Any = None, focus_groups: Any = None) -> pd.DataFrame:
    """Per theme: statements, focus groups, which groups, and an example statement."""
    book = parse_themes(DEFAULT_THEMES if themes is None else {} if themes is ... else themes)
    coded = code_statements(book, focus_groups)
    n_groups = coded["group_id"].nunique()
    rows = []
    for theme, words in book.items():
        hit = coded[coded["themes"].str.split("; ").map(lambda ts, t=theme: t in ts)]
        rows.append({"theme": theme, "statements": len(hit), "groups": hit["group_id"].nunique(),
                     "of groups": n_groups, "which groups": ", ".join(sorted(hit["group_id"].unique())),
                     "keywords": ", ".join(words),
                     "example": hit["statement"].iloc[0] if len(hit) else ""})
    if not rows:
        return pd.DataFrame(columns=["theme", "statements", "groups", "of groups", "which groups", "keywords",
                                     "example"])
    return pd.DataFrame(rows).sort_values(["statements", "groups"], ascending=False, kind="stable").reset_index(
        drop=True)


def uncoded(themes: Any = None, focus_groups: Any = None) -> pd.DataFrame:
    """The statements no theme caught: read them, and add keywords or a theme if they matter."""
    coded = code_statements(themes, focus_groups)
    return coded[coded["themes"] == ""][["group_id", "participant_role", "statement"]].reset_index(drop=True) \
        if "participant_role" in coded.columns else coded[coded["themes"] == ""][["group_id", "statement"]]
