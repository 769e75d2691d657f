"""The completion record page and the certificate of completion, as offline HTML.

:func:`record_html` is the participant's completion record (modules with saved work, the plan, the
rubric results, the before-and-after check, and each completion criterion met or not).
:func:`certificate_html` is the printable certificate: the participant's name, the modules, the date,
and the issuing trainer or "self-study". :func:`write_record` and :func:`write_certificate` write them
next to the workbook, atomically (the previous file survives a crash or a full disk). A certificate
is written only when every criterion is met; otherwise a plain message says what is still to do.
Everything the participant typed is escaped. Domain code: no display code.
"""
from __future__ import annotations

import html
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from missionkit.capstone.record import CompletionRecord, completion_record
from missionkit.capstone.rubric import ROLE_NAMES, ROLES, load_rubric
from missionkit.errors import MissionkitInputError
from missionkit.workbook import atomic_write

__all__ = ["CERT_CSS", "record_html", "certificate_html", "Written", "write_record", "write_certificate"]

e = html.escape

_PAGE_CSS = """
:root{color-scheme:light}
body{font-family:"Liberation Sans",Arial,Helvetica,sans-serif;font-size:11pt;line-height:1.45;color:#111;
background:#fff;max-width:52em;margin:1.5em auto;padding:0 1em}
h1{font-size:1.6em}h2{font-size:1.15em;border-bottom:2px solid #0072B2;margin-top:1.2em}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #BBB;padding:.25em .45em;text-align:left;vertical-align:top}
thead th{background:#EEE}caption{text-align:left;font-weight:bold}
.met{color:#0B6623}.notmet{color:#9C3A00}
.fictional{background:#FFF4D6;border-left:4px solid #E69F00;padding:.4em .7em}
@page{size:A4;margin:15mm}
""".strip()

CERT_CSS = """
:root{color-scheme:light}
body{font-family:"Liberation Serif","Times New Roman",serif;color:#111;background:#fff;margin:0}
main{border:6px double #0072B2;margin:12mm;padding:14mm 16mm;text-align:center;min-height:150mm}
h1{font-size:2.2em;letter-spacing:.04em;margin:.2em 0 .6em}
.name{font-size:2em;font-weight:bold;margin:.3em 0}
.lead{font-size:1.15em}
ul.modules{columns:2;text-align:left;max-width:40em;margin:1em auto;font-size:.95em}
.sign{display:flex;justify-content:space-between;margin-top:2.5em;font-size:1em}
.sign div{border-top:1px solid #111;padding-top:.3em;min-width:14em}
.fictional{background:#FFF4D6;padding:.3em .6em}
.small{font-size:.85em;color:#333}
@page{size:A4 landscape;margin:0}
@media print{main{margin:10mm}}
""".strip()


def _page(title: str, css: str, body: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{e(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n{body}\n</body></html>\n")


def _table(caption: str, headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th scope="col">{e(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f'<th scope="row">{e(c)}</th>' if j == 0 else f"<td>{e(c)}</td>"
                                    for j, c in enumerate(r)) + "</tr>" for r in rows)
    return f"<table><caption>{e(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def record_html(record: CompletionRecord) -> str:
    """The completion record as one self-contained HTML page."""
    rubric = load_rubric()
    parts = ['<header role="banner"><h1>Completion record</h1>',
             f"<p>{e(record.owner or 'No name given yet')} · Mission Bootcamp</p></header>", '<main id="content">']
    if record.fictional:
        parts.append('<p class="fictional"><strong>FICTIONAL worked example:</strong> the Republic of Marenta is '
                     "invented for teaching.</p>")
    parts.append(f'<p role="status"><strong>{e(record.summary())}</strong></p>')
    parts.append("<h2>The course's completion criteria</h2><ul>" + "".join(
        f'<li class="{"met" if c.met else "notmet"}"><strong>{"Met" if c.met else "Not yet"}:</strong> {e(c.text)} '
        f"<em>({e(c.detail)})</em></li>" for c in record.criteria) + "</ul>")
    parts.append("<h2>Modules and exercises</h2>" + _table(
        "Work saved in your workbook, by module", ["Module", "Answers saved", "Status"],
        [[f"{m.number} {m.title}", str(m.answers), "work saved" if m.done else "no work saved"]
         for m in record.modules]))
    parts.append("<h2>Your mission implementation plan</h2>" + _table(
        record.plan.summary(), ["Section", "Status"],
        [[s.title, "written" if s.complete else f"to write: {s.judgement.reason}"] for s in record.plan.sections]))
    def level(role: str, key: str) -> str:
        v = record.assessments[role].scores.get(key)
        return f"{v} {rubric.level_name(v)}" if v else "–"

    rows = [[c.name] + [level(r, c.key) for r in ROLES] for c in rubric.criteria]
    counted = (f"The {ROLE_NAMES[record.assessment.role]} counts." if record.assessment is not None
               else "No complete assessment yet.")
    parts.append("<h2>The plan's rubric result</h2>" + _table(
        f"Levels 1 Not yet, 2 Emerging, 3 Sound, 4 Strong. {counted}",
        ["Criterion"] + [ROLE_NAMES[r].capitalize() for r in ROLES], rows))
    parts.append(f"<h2>The before-and-after check</h2><p>{e(record.check.summary())}</p>")
    parts.append("</main>")
    return _page(f"Completion record — {record.owner or 'Mission Bootcamp'}", _PAGE_CSS, "\n".join(parts))


def certificate_html(record: CompletionRecord, on: date | None = None) -> str:
    """The printable certificate (offline HTML). Refused, with what is still to do, until the criteria are met."""
    if not record.eligible:
        raise MissionkitInputError("Your certificate cannot be printed yet: " + "; ".join(
            c.detail for c in record.criteria if not c.met),
            fix="Do what is listed, then run this cell again; your completion record shows the criteria")
    on = on or date.today()
    issuer = record.issuer
    issued = "Self-study: the plan was assessed with the course's rubric." if issuer == "self-study" else (
        f"Issued by {issuer}, trainer.")
    modules = "".join(f"<li>Module {e(m.number)}: {e(m.title)}</li>" for m in record.modules_done)
    fictional = ('<p class="fictional">FICTIONAL: a sample certificate for the worked example, not a real '
                 "participant.</p>" if record.fictional else "")
    body = (f'<main id="content" role="main">{fictional}<p class="lead">Mission Bootcamp</p>'
            "<h1>Certificate of completion</h1><p class=\"lead\">This certifies that</p>"
            f'<p class="name">{e(record.owner or "")}</p>'
            "<p class=\"lead\">completed the course on mission-oriented innovation policy and wrote a mission "
            "implementation plan, assessed with the course's rubric.</p>"
            f'<ul class="modules" aria-label="Modules completed">{modules}</ul>'
            f'<div class="sign"><div>Date: {e(on.isoformat())}</div><div>{e(issued)}</div></div>'
            f'<p class="small">Criteria met: {len(record.criteria)} of {len(record.criteria)} (see the book\'s '
            "page \u201cCompletion and certificate\u201d).</p></main>")
    return _page(f"Certificate of completion — {record.owner or ''}", CERT_CSS, body)


@dataclass
class Written:
    """A file written next to the workbook, said without a machine's full path."""

    path: Path
    what: str
    message: str = ""

    def _repr_html_(self) -> str:
        return (f'<div class="missionkit-feedback good" role="status"><p><strong>Your {e(self.what)} is '
                f"written</strong> next to your workbook: <code>{e(self.path.name)}</code>. Open it in a "
                "browser from the file browser, and print it (File ▸ Print, or save as PDF).</p>"
                + (f"<p>{e(self.message)}</p>" if self.message else "") + "</div>")

    def __repr__(self) -> str:
        return f"Your {self.what} is written next to your workbook: {self.path.name}. {self.message}".strip()


def _write(path: Path, text: str, what: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, text.encode("utf-8"))  # a crash or a full disk leaves the previous file
    except OSError as exc:
        raise MissionkitInputError(f"Your {what} could not be written ({exc.strerror})",
                                   fix="Check the disk is not full and the folder is writable",
                                   file=str(path)) from None


def write_record(wb: Any = None, folder: str | os.PathLike | None = None) -> Written:
    """Write ``completion-record.html`` next to the workbook (or in ``folder``)."""
    from missionkit.capstone.brief import workbook_from

    wb = workbook_from(wb)
    record = completion_record(wb)
    path = Path(folder or wb.path.parent) / "completion-record.html"
    _write(path, record_html(record), "completion record")
    return Written(path, "completion record", record.summary())


def write_certificate(wb: Any = None, folder: str | os.PathLike | None = None, on: date | None = None) -> Written:
    """Write ``certificate.html`` when the completion criteria are met; otherwise say what is still to do."""
    from missionkit.capstone.brief import workbook_from

    wb = workbook_from(wb)
    record = completion_record(wb)
    text = certificate_html(record, on)  # raises a plain message while criteria are not met
    path = Path(folder or wb.path.parent) / "certificate.html"
    _write(path, text, "certificate")
    return Written(path, "certificate", f"Issuer: {record.issuer}.")
