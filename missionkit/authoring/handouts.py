"""The trainer kit's printable handouts: self-contained HTML pages for ``book/handouts/``.

One handout per module (:func:`render_handout`), the role-play's role cards
(:func:`render_role_cards_html`) and the feedback form (:func:`render_feedback_form_html`).
"""
from __future__ import annotations

import html
import re

from missionkit import case, catalogue
from missionkit.authoring.trainer import CITE, Kit, RoleCard, Worksheet

__all__ = [
    "render_handout",
    "render_role_cards_html",
    "render_feedback_form_html",
]


def _inline_html(text: str, sources: list[str]) -> str:
    """Authored Markdown (bold, italic, code, links) as safe HTML; citations become short labels."""
    out, pos = [], 0
    for m in CITE.finditer(text):
        out.append(_inline_plain(text[pos:m.start()]))
        key = catalogue.resolve_key(m.group(1))
        if key not in sources:
            sources.append(key)
        out.append(html.escape(catalogue.short_label(key)))
        pos = m.end()
    out.append(_inline_plain(text[pos:]))
    return "".join(out).strip()


def _inline_plain(text: str) -> str:
    s = html.escape(text, quote=False)
    s = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", s)
    s = re.sub(r"`([^`]+)`", r"<code>\1</code>", s)
    s = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", s)
    return re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", s)


# --------------------------------------------------------------------------- HTML handouts (book/handouts/)

_CSS = """
  :root { --ink: #1a1a1a; --muted: #444; --rule: #777; --accent: #0072B2; --warn: #E69F00; }
  html { font-size: 100%; }
  body { font-family: "Liberation Sans", "Helvetica Neue", Arial, Helvetica, sans-serif; color: var(--ink);
         background: #fff; line-height: 1.45; max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
  h1 { font-size: 1.6rem; line-height: 1.2; margin: 0.2rem 0 0.6rem; }
  h2 { font-size: 1.2rem; margin: 1.4rem 0 0.45rem; border-bottom: 2px solid var(--accent); padding-bottom: 0.1rem; }
  h3 { font-size: 1.05rem; margin: 1rem 0 0.3rem; }
  .kicker { font-size: 0.85rem; letter-spacing: 0.05em; text-transform: uppercase; color: var(--muted); margin: 0; }
  .fictional { border: 2px dashed var(--warn); padding: 0.4rem 0.7rem; font-weight: bold; background: #fffaf0; }
  .print-hint { font-size: 0.92rem; background: #f4f8fb; padding: 0.4rem 0.7rem; }
  table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; font-size: 0.92rem; }
  caption { text-align: left; font-weight: bold; padding: 0.2rem 0; }
  th, td { border: 1px solid var(--rule); padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
  thead th { background: #eef4f9; }
  tbody th[scope=row] { width: 38%; font-weight: normal; }
  td.blank { height: 2.2rem; }
  .lines div { border-bottom: 1px solid var(--rule); height: 1.9rem; }
  .card { border: 2px solid var(--ink); padding: 0.6rem 0.9rem; margin: 0 0 1rem; }
  .card h2 { border: 0; margin-top: 0.2rem; }
  .facts { font-size: 0.9rem; color: var(--muted); }
  .scale td, .scale th { text-align: center; }
  .scale td:first-child, .scale th:first-child { text-align: left; }
  .sources { font-size: 0.85rem; color: var(--muted); }
  footer { margin-top: 1.5rem; font-size: 0.85rem; color: var(--muted); }
  @media print {
    @page { margin: 14mm; }
    body { max-width: none; margin: 0; padding: 0; font-size: 10pt; line-height: 1.3; }
    h1 { font-size: 15pt; } h2 { font-size: 12pt; margin: 0.8rem 0 0.3rem; }
    table { font-size: 9pt; } td.blank { height: 1.6rem; }
    .print-hint { display: none; }
    .page { break-before: page; page-break-before: always; }
    table, tr, .card, .lines { break-inside: avoid; page-break-inside: avoid; }
    h2, h3 { break-after: avoid; page-break-after: avoid; }
    thead th { background: #eee; }
  }
"""


def _page(title: str, body: list[str]) -> str:
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>", "<main>",
        *body, "</main>", "</body>", "</html>", ""])


def _ul(items: list[str], sources: list[str], tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{_inline_html(i, sources)}</li>" for i in items) + f"</{tag}>"


def _worksheet_html(w: Worksheet, sources: list[str]) -> str:
    head = "".join(f'<th scope="col">{_inline_html(c, sources)}</th>' if c else "<td></td>" for c in w.columns)
    rows = []
    blanks = "".join('<td class="blank"></td>' for _ in w.columns[1:])
    for r in w.rows:
        rows.append(f'<tr><th scope="row">{_inline_html(r, sources)}</th>{blanks}</tr>')
    for _ in range(w.blank_rows):
        rows.append("<tr>" + "".join('<td class="blank"></td>' for _ in w.columns) + "</tr>")
    if w.total_row:
        rows.append('<tr><th scope="row">Total</th>' + blanks + "</tr>")
    return (f"<table><caption>{_inline_html(w.title, sources)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _sources_html(sources: list[str]) -> list[str]:
    if not sources:
        return []
    return ['<section aria-labelledby="sources"><h2 id="sources">Sources</h2><ul class="sources">'
            + "".join(f"<li>{html.escape(catalogue.citation(k))}</li>" for k in sources) + "</ul></section>"]


def _mentions_case(texts: list[str]) -> bool:
    return any(re.search(r"Marenta|fictional|MRC|O[1-5] ", t) for t in texts)


def render_handout(kit: Kit, module_id: str) -> str:
    """One module's printable handout: self-contained HTML with print CSS and a lang attribute."""
    m = kit.module(module_id)
    sources: list[str] = []
    texts = m.goals + m.concepts + m.exercise.steps + [m.exercise.solo] + m.prompts + [w.title for w in m.worksheets]
    body = ["<header>", f'<p class="kicker">Mission Bootcamp · Module {m.id} · handout</p>',
            f"<h1>{html.escape(m.title)}</h1>",
            '<p class="print-hint">Print this page from your browser (A4 or Letter). It works without internet.</p>']
    if _mentions_case(texts):
        body.append(f'<p class="fictional">{html.escape(case.FICTIONAL_NOTE)}</p>')
    body += ["</header>",
             '<section aria-labelledby="goals"><h2 id="goals">By the end you can</h2>'
             + _ul(m.goals, sources, "ol") + "</section>",
             '<section aria-labelledby="concepts"><h2 id="concepts">Key concepts</h2>'
             + _ul(m.concepts, sources) + "</section>",
             f'<section aria-labelledby="exercise"><h2 id="exercise">Group exercise: '
             f"{_inline_html(m.exercise.title, sources)} ({m.exercise.minutes} minutes)</h2>"
             + _ul(m.exercise.steps, sources, "ol")
             + f"<p><strong>What you hand back:</strong> {_inline_html(m.exercise.output, sources)}</p>"
             + f"<p><strong>On your own:</strong> {_inline_html(m.exercise.solo, sources)}</p></section>"]
    for i, w in enumerate(m.worksheets, 1):
        body.append(f'<section aria-labelledby="worksheet-{i}"><h2 id="worksheet-{i}">Worksheet {i}</h2>'
                    + _worksheet_html(w, sources) + "</section>")
    body += ['<section aria-labelledby="prompts"><h2 id="prompts">To discuss</h2>' + _ul(m.prompts, sources)
             + "</section>",
             '<section aria-labelledby="notes"><h2 id="notes">My notes</h2><div class="lines" aria-hidden="true">'
             + "<div></div>" * 12 + "</div></section>"]
    body += _sources_html(sources)
    body.append(f"<footer>Mission Bootcamp · {html.escape(m.label)} · lesson: {html.escape(m.lesson)}</footer>")
    return _page(f"Module {m.id} · {m.title}: handout, Mission Bootcamp", body)


def render_role_cards_html(kit: Kit, cards: list[RoleCard]) -> str:
    """The role-play's printable pack: the commission's brief, one card per organisation, the observer sheet."""
    rp = kit.roleplay
    sources: list[str] = []
    body = ["<header>", '<p class="kicker">Mission Bootcamp · role-play</p>', f"<h1>{html.escape(rp.title)}</h1>",
            '<p class="print-hint">Print this page from your browser. Cut out one card per player; give the '
            "commission's brief to everyone and the observer sheet to anyone without a card.</p>",
            f'<p class="fictional">{html.escape(case.FICTIONAL_NOTE)}</p>', "</header>",
            '<section aria-labelledby="brief"><h2 id="brief">The commission\'s brief (for everyone)</h2>']
    body += [f"<p>{_inline_html(p, sources)}</p>" for p in rp.scenario]
    body += ["<h3>Your three tasks</h3>", _ul(rp.tasks, sources, "ol"), "</section>"]
    for i, c in enumerate(cards):
        page = ' class="card page"' if i % 2 == 0 else ' class="card"'
        tag = "Chair · " if c.chair else ("" if c.core else "Extra card · ")
        body.append(
            f'<article{page} aria-labelledby="card-{c.stakeholder_id}">'
            f'<p class="kicker">{tag}Role card · FICTIONAL</p>'
            f'<h2 id="card-{c.stakeholder_id}">{html.escape(c.name)}</h2>'
            f'<p class="facts">{html.escape(c.type)}, {html.escape(c.level)} · interest {c.interest}/5 · influence '
            f"{c.influence}/5 · seat today: {html.escape(c.seat)} · engagement today: {html.escape(c.engagement)}</p>"
            f"<p><strong>What you do:</strong> {html.escape(c.role)}.</p><ul>"
            f"<li><strong>You want:</strong> {_inline_html(c.wants, sources)}</li>"
            f"<li><strong>You worry about:</strong> {_inline_html(c.worries, sources)}</li>"
            f"<li><strong>Your red line:</strong> {_inline_html(c.red_line, sources)}</li>"
            f"<li><strong>You can offer:</strong> {_inline_html(c.offer, sources)}</li></ul>"
            '<p class="facts">My opening line:</p><div class="lines" aria-hidden="true"><div></div><div></div></div>'
            "</article>")
    body += ['<section class="page" aria-labelledby="observer"><h2 id="observer">Observer sheet</h2>',
             f"<p>{_inline_html(rp.observer, sources)}</p>",
             _worksheet_html(Worksheet(title="What I saw", columns=["Question", "Notes"],
                                       rows=["Who spoke most, who least?", "Which evidence was used?",
                                             "Which decisions came before money was committed?",
                                             "Who changed position, and why?"]), sources),
             "</section>",
             '<section aria-labelledby="inject"><h2 id="inject">For the facilitator: the inject</h2>'
             f"<p>{_inline_html(rp.inject, sources)}</p></section>"]
    body += _sources_html(sources)
    body.append("<footer>Mission Bootcamp · role-play pack · organisations from the stakeholder register (D4), "
                "FICTIONAL</footer>")
    return _page(f"{rp.title}: role cards, Mission Bootcamp", body)


def render_feedback_form_html(kit: Kit) -> str:
    """The end-of-course feedback form, printable and anonymous."""
    fb = kit.feedback
    sources: list[str] = []
    scale = "".join(f'<th scope="col">{n}</th>' for n in range(1, 6))
    rows = "".join(f'<tr><th scope="row">{_inline_html(q, sources)}</th>'
                   + '<td class="blank"></td>' * 5 + "</tr>" for q in fb.questions)
    mods = "".join(f'<tr><th scope="row">{html.escape(m.label)}</th>' + '<td class="blank"></td>' * 6 + "</tr>"
                   for m in kit.modules)
    body = ["<header>", '<p class="kicker">Mission Bootcamp · feedback</p>', "<h1>Your feedback on the course</h1>",
            '<p class="print-hint">Print this page from your browser, one per participant.</p>', "</header>",
            "<p>Anonymous. Please tick one box per line. " + html.escape(fb.scale) + ".</p>",
            f'<table class="scale"><caption>About the course</caption><thead><tr><th scope="col">Statement</th>'
            f"{scale}</tr></thead><tbody>{rows}</tbody></table>",
            f'<table class="scale"><caption>How useful was each module? (leave blank if you did not take it)'
            f'</caption><thead><tr><th scope="col">Module</th>{scale}<th scope="col">Not taken</th></tr></thead>'
            f"<tbody>{mods}</tbody></table>"]
    for i, q in enumerate(fb.open_questions, 1):
        body.append(f'<section aria-labelledby="open-{i}"><h2 id="open-{i}">{_inline_html(q, sources)}</h2>'
                    '<div class="lines" aria-hidden="true">' + "<div></div>" * 4 + "</div></section>")
    for j, q in enumerate(fb.transfer_questions, len(fb.open_questions) + 1):
        body.append(f'<section aria-labelledby="open-{j}"><h2 id="open-{j}">{_inline_html(q, sources)}</h2>'
                    '<div class="lines" aria-hidden="true">' + "<div></div>" * 3 + "</div></section>")
    body.append("<footer>Thank you. Mission Bootcamp</footer>")
    return _page("Feedback form, Mission Bootcamp", body)
