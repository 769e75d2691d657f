"""The trainer's cohort view: what the room handed in, question by question, for the debrief.

Reads the hand-ins in an exchange folder (``missionkit.handin``) and shows:

- who handed in which module (anonymous labels unless the trainer asks for names);
- for each question in the workbooks, the room's answers: choices as bars, numbers (ratings,
  years, scores) as dot plots, free text as a list to read aloud (in a seeded random order);
- the capstone plans paired at random (seeded) for peer review.

Questions are found in the workbook's own JSON structure (section > key > nested keys), so a new
module's answers appear without any change here. Charts are static SVG (vl-convert), with a
description for screen readers and a takeaway in words: the page works offline on a projector.

    python -m missionkit.authoring.cohort import-handins /media/usb --into my-work/hand-in
    python -m missionkit.authoring.cohort view --out cohort.html            # anonymised
    python -m missionkit.authoring.cohort view --out cohort.html --names    # the trainer's own screen

Build-time (trainer) code: notebooks for participants never import it.
"""
from __future__ import annotations

import html
import json
import os
import random
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from missionkit import handin
from missionkit.errors import MissionkitInputError
from missionkit.handin import HandIn

MAX_DEPTH = 3          # nested keys followed into (section / key / sub-key / sub-sub-key)
SHORT = 40             # a text answer this short, among few distinct values, is a choice
MAX_CHOICES = 12       # more distinct short answers than this are read as free text
MAX_TEXT_SHOWN = 600   # characters of one free-text answer on the page
MAX_QUESTIONS = 300    # questions on one page (a hostile or odd hand-in must not make thousands of charts)
MAX_BARS = 15          # answers shown as bars; the rest are counted together as "other answers"
CAPSTONE_KEY = "capstone"
COHORT_ENV_VAR = "MISSIONKIT_COHORT"  # where a trainer reads hand-ins, when not the exchange itself
SKIP_PREFIXES = ("teammate:",)  # answers imported from a teammate are not the participant's own

__all__ = ["Cohort", "ImportResult", "Question", "import_handins", "load_cohort", "peer_review_pairs",
           "questions", "render_html", "write_page"]


# --------------------------------------------------------------------------- reading the exchange
@dataclass
class Cohort:
    """The latest hand-in of each participant for each key, and the files that could not be read."""

    folder: Path
    handins: list[HandIn]
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file, plain message)

    @property
    def participants(self) -> list[str]:
        return sorted({h.participant for h in self.handins})

    @property
    def keys(self) -> list[str]:
        return sorted({h.key for h in self.handins}, key=lambda k: (k == CAPSTONE_KEY, k))

    def latest(self) -> dict[str, HandIn]:
        """Each participant's most recent hand-in (it holds all their saved answers at that time)."""
        newest: dict[str, HandIn] = {}
        for item in self.handins:
            if item.participant not in newest or item.handed_in > newest[item.participant].handed_in:
                newest[item.participant] = item
        return newest

    def labels(self, names: bool = False, seed: int = 0) -> dict[str, str]:
        """A label per participant: "Participant 07" in a seeded random order, or their chosen name."""
        latest = self.latest()
        if names:
            return {p: f"{item.alias} ({item.login})" for p, item in latest.items()}
        order = sorted(latest)
        random.Random(seed).shuffle(order)
        width = len(str(len(order)))
        return {p: f"Participant {i + 1:0{width}d}" for i, p in enumerate(order)}


def load_cohort(folder: str | os.PathLike | None = None) -> Cohort:
    """Read every hand-in in ``folder`` and its subfolders. Default: ``$MISSIONKIT_COHORT`` (a trainer's view
    of every participant's folder, on Kubernetes), else this machine's exchange (``handin.resolve_exchange``)."""
    from_env = os.environ.get(COHORT_ENV_VAR, "").strip()
    base = Path(folder) if folder is not None else Path(from_env) if from_env else handin.resolve_exchange()
    if not base.is_dir():
        raise MissionkitInputError(f"The hand-in folder '{base}' does not exist",
                                   fix="Give the folder the hand-ins are in (on a hub: the exchange, "
                                   f"${handin.ENV_VAR}; offline: the folder you imported into)", file=str(base))
    try:
        files = handin.handin_files(base)
    except PermissionError:
        raise MissionkitInputError(f"You may not read the hand-in folder '{base}'",
                                   fix="Only trainers can: ask IT to add your account to the trainers' group, "
                                   "then restart your server", file=str(base)) from None
    best: dict[tuple[str, str], HandIn] = {}
    refused = []
    for path in files:
        try:
            item = handin.read_handin(path)
        except MissionkitInputError as exc:
            refused.append((str(path), exc.message))
            continue
        slot = (item.participant, item.key)
        if slot not in best or item.handed_in > best[slot].handed_in:
            best[slot] = item
    return Cohort(base, sorted(best.values(), key=lambda h: (h.key, h.participant)), refused)


@dataclass
class ImportResult:
    imported: list[str] = field(default_factory=list)      # file names written into the exchange
    kept_newer: list[str] = field(default_factory=list)    # the exchange already had this or a newer one
    refused: list[tuple[str, str]] = field(default_factory=list)
    ignored: int = 0                                       # other files in the folder (not hand-ins)

    def summary(self) -> str:
        lines = [f"Imported {len(self.imported)} hand-in(s); {len(self.kept_newer)} already there (same or newer); "
                 f"{len(self.refused)} refused; {self.ignored} other file(s) ignored."]
        lines += [f"  refused {file}: {message}" for file, message in self.refused]
        return "\n".join(lines)


def import_handins(source: str | os.PathLike, into: str | os.PathLike | None = None) -> ImportResult:
    """Bring the hand-ins collected in ``source`` (a USB stick, a shared drive, copied ``my-work`` folders)
    into the exchange ``into``. Each file is checked (``handin.read_handin``) and written anew from what
    was checked, never copied as it is; a hand-in older than the one already there is left out."""
    src = Path(source)
    if not src.is_dir():
        raise MissionkitInputError(f"The folder '{src}' does not exist or is not a folder",
                                   fix="Give the folder you collected the hand-ins in, e.g. the USB stick's folder",
                                   file=str(src))
    target = handin.check_exchange(into if into is not None else handin.resolve_exchange(), create=True)
    result = _Importer(target)
    for path in sorted(p for p in src.rglob("*") if p.is_file() or p.is_symlink()):
        if not path.name.endswith(handin.SUFFIX):
            result.out.ignored += 1
            continue
        if path.resolve().parent == target.resolve():
            continue  # already in the exchange
        try:
            result.add(handin.read_handin(path))
        except MissionkitInputError as exc:
            result.out.refused.append((str(path), exc.message))
    return result.out


class _Importer:
    def __init__(self, target: Path) -> None:
        self.target = target
        self.out = ImportResult()

    def add(self, item: HandIn) -> None:
        there = self.target / item.file_name
        if there.exists():
            try:
                if handin.read_handin(there).handed_in >= item.handed_in:
                    self.out.kept_newer.append(item.file_name)
                    return
            except MissionkitInputError:
                pass  # a damaged file in the exchange is replaced by a good one
        handin.store_handin(item, self.target)
        self.out.imported.append(item.file_name)


# --------------------------------------------------------------------------- questions
@dataclass
class Question:
    section: str
    path: tuple[str, ...]              # keys inside the section
    kind: str                          # "choice", "multi", "rating", "text" or "other"
    answers: dict[str, Any]            # participant id -> answer

    @property
    def title(self) -> str:
        words = [self.section, *self.path]
        return " / ".join(w.replace("_", " ") for w in words)


def _leaves(value: Any, path: tuple[str, ...], depth: int):
    if isinstance(value, dict) and value and depth < MAX_DEPTH:
        for key, inner in value.items():
            if not str(key).startswith(SKIP_PREFIXES):
                yield from _leaves(inner, (*path, str(key)), depth + 1)
    else:
        yield path, value


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _kind(values: list[Any]) -> str:
    present = [v for v in values if v not in (None, "", [], {})]
    if not present:
        return "other"
    if all(_is_number(v) for v in present):
        return "rating"
    if all(isinstance(v, bool) for v in present):
        return "choice"
    if all(isinstance(v, str) for v in present):
        short = all(len(v.strip()) <= SHORT for v in present)
        distinct = len({v.strip().lower() for v in present})
        return "choice" if short and distinct <= MAX_CHOICES and (distinct < len(present) or distinct <= 6) \
            else "text"
    if all(isinstance(v, list) and all(isinstance(x, str) and len(x) <= SHORT for x in v) for v in present):
        return "multi"
    return "other"


def questions(cohort: Cohort) -> list[Question]:
    """Every question answered by someone, from each participant's latest hand-in, in workbook order."""
    found: dict[tuple[str, tuple[str, ...]], dict[str, Any]] = {}
    for participant, item in sorted(cohort.latest().items()):
        for section, answers in item.sections.items():
            for key, value in answers.items():
                if key.startswith(SKIP_PREFIXES):
                    continue
                for path, leaf in _leaves(value, (key,), 1):
                    found.setdefault((section, path), {})[participant] = leaf
    return [Question(section, path, _kind(list(answers.values())), answers)
            for (section, path), answers in found.items()]


def peer_review_pairs(cohort: Cohort, key: str = CAPSTONE_KEY, seed: int = 0) -> list[list[str]]:
    """The participants who handed in ``key``, paired at random (seeded); with an odd number, one trio."""
    people = sorted({h.participant for h in cohort.handins if h.key == key})
    random.Random(seed).shuffle(people)
    if len(people) < 2:
        return [people] if people else []
    pairs = [people[i:i + 2] for i in range(0, len(people) - 1, 2)]
    if len(people) % 2:
        pairs[-1].append(people[-1])
    return pairs


# --------------------------------------------------------------------------- charts
def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return " ".join(value.split())
    return json.dumps(value, ensure_ascii=False)


def choice_figure(q: Question):
    import altair as alt
    import pandas as pd

    from missionkit import charts

    counts: Counter[str] = Counter()
    for value in q.answers.values():
        for item in (value if isinstance(value, list) else [value]):
            if item not in (None, ""):
                counts[_shown(item).lower() if isinstance(item, str) else _shown(item)] += 1
    shown = counts.most_common(MAX_BARS)
    rest_count = sum(counts.values()) - sum(c for _, c in shown)
    table = pd.DataFrame([{"answer": a[:SHORT * 2], "people": n} for a, n in shown]
                         + ([{"answer": f"({len(counts) - MAX_BARS} other answers)", "people": rest_count}]
                            if rest_count else []))
    top, n_top = counts.most_common(1)[0]
    n = sum(1 for v in q.answers.values() if v not in (None, "", []))
    tied = [a for a, c in counts.items() if c == n_top]
    others = len(counts) - 1
    if len(tied) > 1:
        split = ", ".join(repr(a) for a in tied)
        takeaway = f"The room is split: {split} were each given by {n_top} of {n} participants."
    else:
        rest = f"; {others} other answer{'s were' if others != 1 else ' was'} given." if others else "; nobody differs."
        takeaway = f"The most common answer is '{top}' ({n_top} of {n} participants){rest}"
    chart = alt.Chart(table).mark_bar().encode(
        x=alt.X("people:Q", title="participants", axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("answer:N", sort="-x", title=None),
        tooltip=["answer", "people"])
    chart = charts.finish(chart.properties(height=max(60, 28 * len(table)), width=480), title=q.title,
                          description=f"Bar chart of the room's answers to {q.title}: " + ", ".join(
                              f"{a} {c}" for a, c in zip(table["answer"], table["people"], strict=True)))
    return charts.Figure(chart, takeaway)


def rating_figure(q: Question):
    import altair as alt
    import pandas as pd

    from missionkit import charts

    values = sorted(float(v) for v in q.answers.values() if _is_number(v))
    seen: Counter[float] = Counter()
    rows = []
    for v in values:
        seen[v] += 1
        rows.append({"answer": v, "stack": seen[v]})
    table = pd.DataFrame(rows)
    med = statistics.median(values)

    def fmt(x: float) -> str:
        return f"{x:g}"

    top = seen.most_common(1)[0][1]
    modes = [fmt(v) for v, c in sorted(seen.items()) if c == top]
    common = (f"the most frequent value is {modes[0]}" if len(modes) == 1 else
              f"{', '.join(modes)} are equally frequent")
    takeaway = (f"Median {fmt(med)} across {len(values)} answers, from {fmt(values[0])} to {fmt(values[-1])}; "
                f"{common}.")
    whole = all(v == int(v) for v in values)
    chart = alt.Chart(table).mark_circle(size=140, opacity=0.9).encode(
        x=alt.X("answer:Q", title="answer", scale=alt.Scale(zero=False, nice=True),
                axis=alt.Axis(format="d", tickMinStep=1) if whole else alt.Axis(format="~g")),
        y=alt.Y("stack:Q", title="participants", axis=alt.Axis(tickMinStep=1)),
        tooltip=["answer"])
    chart = charts.finish(chart.properties(height=160, width=480), title=q.title,
                          description=f"Dot plot of {len(values)} answers to {q.title}, one dot per participant: "
                          f"median {fmt(med)}, range {fmt(values[0])} to {fmt(values[-1])}")
    return charts.Figure(chart, takeaway)


# --------------------------------------------------------------------------- the page
CSS = """
body{font-family:Liberation Sans,Arial,Helvetica,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;
color:#111;line-height:1.45;font-size:18px}
h1{font-size:2rem}h2{border-bottom:2px solid #0072B2;padding-bottom:.2rem;margin-top:2.5rem}
h3{margin-top:1.8rem}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .6rem;text-align:center}
th:first-child,td:first-child{text-align:left}.note{background:#fff6d5;padding:.5rem 1rem;border-left:4px solid #E69F00}
ol.read-aloud li{margin-bottom:.6rem}figure{margin:0}figcaption{margin-top:.3rem}.muted{color:#444}
"""


def _text_answers(q: Question, seed: int) -> list[str]:
    texts = [_shown(v) for v in q.answers.values() if v not in (None, "", [], {})]
    random.Random(f"{seed}:{q.title}").shuffle(texts)
    return [t if len(t) <= MAX_TEXT_SHOWN else t[:MAX_TEXT_SHOWN] + " …" for t in texts]


def render_html(cohort: Cohort, *, names: bool = False, seed: int = 0, title: str = "Cohort view") -> str:
    """The whole page: static HTML with inline SVG charts, no script and no network."""
    e = html.escape
    labels = cohort.labels(names=names, seed=seed)
    latest = cohort.latest()
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{e(title)}</title><style>{CSS}</style></head><body>", f"<h1>{e(title)}</h1>",
           f'<p class="muted">{len(latest)} participant(s), {len(cohort.handins)} hand-in(s), read from '
           f"<code>{e(str(cohort.folder))}</code> at {now}.</p>"]
    if names:
        out.append('<p class="note"><strong>Names are shown.</strong> Keep this page on your own screen; for the '
                   "projector, write it again without names.</p>")
    else:
        out.append('<p class="note">Anonymised: participants are numbered in a random order; free-text answers '
                   "are shuffled. Answers quote participants' own words: read them with care.</p>")
    if cohort.refused:
        out.append(f"<p>{len(cohort.refused)} file(s) could not be read and are left out"
                   + (": " + "; ".join(e(f"{Path(f).name}: {m}") for f, m in cohort.refused) if names else ".")
                   + "</p>")
    keys = cohort.keys
    out.append("<h2>Who handed in what</h2>")
    if not latest:
        out.append("<p>No hand-ins yet.</p>")
    else:
        out.append("<table><thead><tr><th>participant</th>" + "".join(f"<th>{e(k)}</th>" for k in keys)
                   + "</tr></thead><tbody>")
        done = {(h.participant, h.key) for h in cohort.handins}
        for p in sorted(latest, key=lambda p: labels[p]):
            cells = "".join(f"<td>{'✓' if (p, k) in done else '–'}</td>" for k in keys)
            out.append(f"<tr><td>{e(labels[p])}</td>{cells}</tr>")
        totals = "".join(f"<td><strong>{sum(1 for h in cohort.handins if h.key == k)}</strong></td>" for k in keys)
        out.append(f"<tr><td><strong>total</strong></td>{totals}</tr></tbody></table>")
    section = None
    found = questions(cohort)
    for q in found[:MAX_QUESTIONS]:
        if q.section != section:
            section = q.section
            out.append(f"<h2>{e(section.replace('_', ' '))}</h2>")
        n = sum(1 for v in q.answers.values() if v not in (None, "", [], {}))
        out.append(f"<h3>{e(q.title)}</h3><p class='muted'>{n} of {len(latest)} answered.</p>")
        if q.kind in ("choice", "multi") and n:
            out.append(choice_figure(q).to_html())
        elif q.kind == "rating" and n:
            out.append(rating_figure(q).to_html())
        elif q.kind == "text" and n:
            items = "".join(f"<li>{e(t)}</li>" for t in _text_answers(q, seed))
            out.append(f'<ol class="read-aloud">{items}</ol>')
        elif n:
            out.append(f"<p>{n} structured answer(s) (tables or lists): open them in the trainer notebook.</p>")
    if len(found) > MAX_QUESTIONS:
        out.append(f"<p>{len(found) - MAX_QUESTIONS} more question(s) are not shown on this page (at most "
                   f"{MAX_QUESTIONS}): open them in the trainer notebook.</p>")
    pairs = peer_review_pairs(cohort, seed=seed)
    if pairs:
        out.append("<h2>Capstone plans: peer-review pairs</h2><p>Drawn at random (seed "
                   f"{seed}); each reviews the other's plan with the course's rubric (the peer form in "
                   "Module 12).</p><ol>")
        out += [f"<li>{e(' and '.join(labels[p] for p in pair))}</li>" for pair in pairs]
        out.append("</ol>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def write_page(out: str | os.PathLike, folder: str | os.PathLike | None = None, *, names: bool = False,
               seed: int = 0) -> Path:
    """Write the cohort view to ``out`` (a single offline HTML file) and return its path."""
    from missionkit.workbook import atomic_write

    cohort = load_cohort(folder)
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, render_html(cohort, names=names, seed=seed).encode("utf-8"), mode=0o640)
    return target
