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

Status = Literal["not answered", "good", "partly", "revise", "discuss", "self-check"]

HEADLINES = {
    "not answered": "Not answered yet",
    "good": "Well done",
    "partly": "Partly there",
    "revise": "Worth another look",
    "discuss": "No single right answer: discuss",
    "self-check": "Only you can judge this: check it against the list",
}
ICONS = {"not answered": "✏️", "good": "✅", "partly": "🟡", "revise": "🔁", "discuss": "💬", "self-check": "📝"}


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


PLACEHOLDERS = frozenset({
    "ok", "okay", "yes", "no", "n/a", "na", "tbd", "todo", "to do", "x", "xx", "xxx", "-", "?", "test", "asdf",
    "see above", "as above", "same as above", "idem", "ditto", "etc", "nothing", "none", "answer", "my answer",
    "lorem ipsum", "i don't know", "i dont know", "dont know", "don't know", "no idea",
})
FUNCTION_WORDS = frozenset("""a an the and or but so if then because to of in on at by for from with as is are was were
be been it its it's this that these those there their they them we our us i my me you your he she his her
not no nor do does did will would should could can may might must has have had than which who what when
where why how all any each some more most less very only also into over under about before after until
while""".split())
_WORDS = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def words(text: str) -> list[str]:
    """The words of a text, in lower case (hyphenated and apostrophe words count as one)."""
    return [w.lower() for w in _WORDS.findall(text or "")]


def placeholder_reason(text: str, *, echo: str = "", min_words: int = 0, keywords: bool = False) -> str | None:
    """Why ``text`` is not an answer yet, in plain words, or None if it reads as one.

    Catches the placeholders people really type ("ok", "see above", "...", "tbd"), a word repeated, the
    question's own words copied back (``echo``), answers shorter than ``min_words`` and, with ``keywords``,
    a list of keywords with no sentence around them ("approve fund mandate decide 2030"). It judges only
    whether there is an answer, never whether the answer is good.
    """
    stripped = re.sub(r"[\s.…]+", " ", (text or "")).strip().lower().strip("!?,;: ")
    found = words(text)
    if not found:
        return "there is no answer yet, only dots or punctuation" if (text or "").strip() else None
    if stripped in PLACEHOLDERS or " ".join(found) in PLACEHOLDERS:
        return f"\u201c{text.strip()}\u201d is a placeholder, not an answer"
    if len(found) >= 3 and len(set(found)) == 1:
        return "the same word repeated is not an answer"
    if echo:
        asked = set(words(echo))
        if len(found) >= 3 and sum(w in asked for w in found) / len(found) > 0.8:
            return "it repeats the question's own words; say what you would do, and why"
    if keywords and len(found) >= 4 and sum(w in FUNCTION_WORDS for w in found) / len(found) < 0.1:
        return "it reads as a list of keywords, not sentences: say what you recommend, and why, in sentences"
    if len(found) < min_words:
        return f"it has {len(found)} word{'s' if len(found) != 1 else ''}; the question needs at least {min_words}"
    return None


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
        css = {"good": "good", "revise": "revise", "self-check": "self-check"}.get(self.status, "")
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


_CONSEQUENCE = re.compile(
    r"\b(?:because|so that|so|therefore|otherwise|if|unless|risk\w*|cost\w*|lose|losing|lost|give up|"
    r"trade-?off|price|danger|could|would|might|delay\w*|instead)\b", re.I)
_CLAIM = re.compile(
    r"\b(?:I|we)\s+(?:recommend|advise|propose|suggest|would|choose|prefer|ask)\b|\b(?:recommend|advise|propose)\w*\b"
    r"|\b(?:should|must|launch|wait|start|delay|choose|keep|drop|give)\b", re.I)


def structure_notes(text: str) -> list[str]:
    """What can be seen of an argument's structure (a claim, a number, a consequence), in plain words.

    It reports what is on the page, not whether the argument is right: a number can be the wrong one."""
    notes = []
    if _CLAIM.search(text):
        notes.append("The answer makes a recommendation (a claim).")
    if re.search(r"\d", text):
        notes.append("It cites a number; check it is the case's, and that it supports your claim.")
    if _CONSEQUENCE.search(text):
        notes.append("It says why or what follows (a reason, a consequence or a risk).")
    return notes


def rubric_feedback(title: str, text: str, ticked: list[str], rubric: list[str], *, min_words: int = 25,
                    echo: str = "", structure: bool = False) -> Feedback:
    """Honest feedback on free text no check can judge: it says so, and uses the rubric the participant
    ticked. Never "Well done": the status is "self-check" at best."""
    if not (text or "").strip():
        return Feedback.not_answered(title, "Write your answer in the box, then tick the criteria it meets.")
    reason = placeholder_reason(text, echo=echo, min_words=min_words, keywords=True)
    if reason:
        return Feedback("revise", title, improve=[f"Not an answer yet: {reason}."],
                        why="The criteria and the model answer help only once you have written your own.")
    met = [c for c in rubric if c in ticked]
    seen = structure_notes(text) if structure else []
    return Feedback(
        "self-check", title,
        strengths=seen + [f"You ticked: {c}" for c in met],
        improve=[f"Not ticked yet: {c}" for c in rubric if c not in met]
        or ["You ticked every criterion. Read your answer once more as a sceptical reader would: is each tick earned?"],
        why=("No automatic check can judge an argument written in your own words, so this one does not try. "
             "The list is what a trainer would look for; the model answer is one good answer, not the only one."),
    )
