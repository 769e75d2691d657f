"""Formative feedback: what is strong, what to improve, and why.

Domain checks return a :class:`Feedback`; notebooks display it. It renders as
Markdown (JupyterLab, the book, nbval) and escapes anything the participant
typed. Never a bare score.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Literal

Status = Literal["not answered", "good", "partly", "revise", "discuss"]

HEADLINES = {
    "not answered": "Not answered yet",
    "good": "Well done",
    "partly": "Partly there",
    "revise": "Worth another look",
    "discuss": "No single right answer: discuss",
}
ICONS = {"not answered": "✏️", "good": "✅", "partly": "🟡", "revise": "🔁", "discuss": "💬"}


def is_blank(value) -> bool:
    """True for an exercise placeholder (``...``), None, or empty text/collections."""
    if value is ... or value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, dict):
        return all(is_blank(v) for v in value.values()) if value else True
    if isinstance(value, (list, tuple, set)):
        return len(value) == 0
    return False


@dataclass
class Feedback:
    status: Status
    title: str
    strengths: list[str] = field(default_factory=list)
    improve: list[str] = field(default_factory=list)
    why: str = ""
    sources: list[str] = field(default_factory=list)

    @classmethod
    def not_answered(cls, title: str, how: str) -> Feedback:
        return cls("not answered", title, improve=[how])

    @property
    def headline(self) -> str:
        return HEADLINES[self.status]

    def text(self) -> str:
        lines = [f"{self.title}: {self.headline}."]
        lines += [f"Strong: {s}" for s in self.strengths]
        lines += [f"To improve: {s}" for s in self.improve]
        if self.why:
            lines.append(f"Why it matters: {self.why}")
        if self.sources:
            lines.append("Source: " + "; ".join(self.sources))
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        esc = md_escape
        lines = [f"{ICONS[self.status]} **{esc(self.title)}: {self.headline}.**", ""]
        if self.strengths:
            lines += ["What is strong:", ""] + [f"- {esc(s)}" for s in self.strengths] + [""]
        if self.improve:
            label = "What to do" if self.status == "not answered" else "What to improve"
            lines += [f"{label}:", ""] + [f"- {esc(s)}" for s in self.improve] + [""]
        if self.why:
            lines += [f"*Why it matters:* {esc(self.why)}", ""]
        if self.sources:
            lines += ["*Source:* " + "; ".join(esc(s) for s in self.sources)]
        return "\n".join(lines).rstrip() + "\n"

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return self.text()

    def to_html(self) -> str:
        e = html.escape
        css = {"good": "good", "revise": "revise"}.get(self.status, "")
        parts = [f'<div class="missionkit-feedback {css}" role="status">',
                 f"<p><strong>{ICONS[self.status]} {e(self.title)}: {e(self.headline)}.</strong></p>"]
        if self.strengths:
            parts.append("<p>What is strong:</p><ul>" + "".join(f"<li>{e(s)}</li>" for s in self.strengths) + "</ul>")
        if self.improve:
            label = "What to do" if self.status == "not answered" else "What to improve"
            parts.append(f"<p>{label}:</p><ul>" + "".join(f"<li>{e(s)}</li>" for s in self.improve) + "</ul>")
        if self.why:
            parts.append(f"<p><em>Why it matters:</em> {e(self.why)}</p>")
        if self.sources:
            parts.append("<p><em>Source:</em> " + "; ".join(e(s) for s in self.sources) + "</p>")
        parts.append("</div>")
        return "".join(parts)


_MD_SPECIAL = "\\`*_[]<>#|!~"


def md_escape(text: object) -> str:
    """Participant text for Markdown: no raw HTML, no links or images, no accidental formatting.

    HTML is escaped as entities (``&lt;script&gt;`` shows as ``<script>``), Markdown's
    special characters get a backslash, line breaks become spaces, and a line
    start that would make a list or a heading is escaped.
    """
    t = html.escape(str(text), quote=False)
    t = "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in t)
    t = re.sub(r"\s*\n\s*", " ", t).strip()
    t = re.sub(r"^([-+=])", r"\\\1", t)
    return re.sub(r"^(\d+)([.)])(?=\s|$)", r"\1\\\2", t)  # "1. " would start a list; "70.5%" would not
