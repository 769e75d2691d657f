"""Comparing and merging saved answers: one home for what "the same answer" and "what changed" mean.

The workbook saves a form's changes with :func:`merge_changes` (a three-way merge of what the form
loaded, what it shows now and what is saved now), so two copies of one form never overwrite each
other's answers (issue 17; decision 0004).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["same_answer", "merge_changes", "plain_key", "match_choice"]


def same_answer(a: Any, b: Any) -> bool:
    """Equal as JSON (so True and 1 differ)."""
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def _blank(value: Any) -> bool:
    """An empty answer: a form's empty box ("") and a field never saved (None) are the same."""
    return value is None or (isinstance(value, str | list | dict) and not value)


def merge_changes(current: Any, new: Any, base: Any) -> Any:
    """Three-way merge of a form's answer: ``new`` is the form's value, ``base`` what it loaded,
    ``current`` what is saved now. Unchanged parts keep ``current``; in dicts, field by field (and
    within nested dicts); a field missing from ``base`` and an empty box count as the same (blank); anything else that
    changed is taken whole from ``new`` (the last change wins)."""
    if same_answer(new, base) or (_blank(new) and _blank(base)):
        return current
    if current is None:  # nothing saved yet: the first change saves the form's whole value
        return new
    if isinstance(new, dict) and isinstance(current, dict):
        old = base if isinstance(base, dict) else {}
        out = dict(current)
        for f, v in new.items():
            if not (same_answer(v, old.get(f)) or (_blank(v) and _blank(old.get(f)))):
                out[f] = merge_changes(current.get(f), v, old.get(f))
        for f in old:
            if f not in new and f in out and same_answer(out[f], old[f]):
                del out[f]
        return out
    if (isinstance(new, list) and isinstance(base, list) and isinstance(current, list)
            and len(new) == len(base) == len(current)):  # the same rows (drafts, indicators): row by row
        return [merge_changes(c, n, b) for c, n, b in zip(current, new, base, strict=True)]
    return new


_ARTICLES = re.compile(r"\b(?:the|a|an)\b")


def plain_key(text: Any) -> str:
    """A choice as people type it, reduced for comparison: lower case, no punctuation, hyphens and
    articles ("Off-track." -> "off track", "approve the portfolio" -> "approve portfolio")."""
    key = re.sub(r"[^\w]+", " ", str(text).lower().replace("_", " "))
    return re.sub(r"\s+", " ", _ARTICLES.sub(" ", key)).strip()


def match_choice(value: Any, choices: Mapping[str, str] | Iterable[str],
                 aliases: Mapping[str, str] | None = None) -> str | None:
    """The choice ``value`` means, or None. A choice matches by its code or its full text (a mapping
    code -> text), ignoring case, punctuation, hyphens, stray spaces and articles; ``aliases`` maps other
    plain wordings to a code ("clean up the baseline" -> "baseline"). British and American spellings
    are left to ``aliases``."""
    if not isinstance(value, str) or not value.strip():
        return None
    wanted = plain_key(value)
    texts = dict(choices) if isinstance(choices, Mapping) else {c: c for c in choices}
    for code, text in texts.items():
        if wanted in (plain_key(code), plain_key(text)):
            return code
    for alias, code in (aliases or {}).items():
        if wanted == plain_key(alias):
            return code
    return None
