"""Reading a mission statement: the years, quantities, targets and cues the rules find.

:func:`collect` runs every rule of :mod:`missionkit.framing.rules` once and returns what
they found; :func:`explain` lists each rule that fired, with its effect in plain words.
Domain code only: no display code, never prints.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from missionkit.errors import MissionkitInputError
from missionkit.framing.rules import (
    ACTOR_COUNT_AFTER,
    ACTOR_COUNT_REASON,
    BASELINE_AFTER,
    BASELINE_BEFORE,
    BASELINE_SPAN_PATTERNS,
    BUDGET_BEFORE_NUMBER,
    CLOSE_GAP_PATTERN,
    DATE_AROUND_NUMBER,
    DATED_READING_AFTER,
    DATED_READING_IN_BRACKETS,
    DEADLINE_AFTER,
    DEADLINE_BEFORE,
    FRACTION_PATTERN,
    FREE_SUFFIX_PATTERN,
    IN_BEFORE,
    LAST_PAST_YEAR,
    LATEST_LABEL,
    METRIC_PATTERN,
    MILESTONE_AFTER,
    MILESTONE_BEFORE,
    MULTIPLIER_PATTERN,
    NAME_AFTER_NUMBER,
    NAME_BEFORE_NUMBER,
    NEUTRAL_PATTERN,
    NUMBER_PATTERN,
    NUMBER_WORD,
    NUMBER_WORD_COMPOUND_AFTER,
    NUMBER_WORDS_PATTERN,
    OUTCOME_PATTERN,
    OUTPUT_TARGET_PATTERN,
    PAST_TENSE,
    PEOPLE_PATTERN,
    PER_UNIT_BEFORE,
    PERCENT_PATTERN,
    PRESTIGE_PATTERN,
    RANGE_END_BEFORE,
    SCOPE_AFTER_COUNT,
    SCOPE_BEFORE_COUNT,
    SCOPE_BEFORE_FRACTION,
    SCOPE_PATTERN,
    SECTOR_PATTERNS,
    SINGLE_PROJECT_PATTERN,
    SLOGAN_PATTERN,
    SPEND_AS_GOAL,
    START_BEFORE,
    TARGET_PHRASE_STOP,
    TARGET_QUALIFIERS,
    TARGET_VERBS,
    TECH_GOAL_VERB,
    TECHNOLOGY_PATTERN,
    THRESHOLD_PATTERN,
    UNIT_PATTERN,
    UNIVERSAL_NOT_TARGET,
    UNIVERSAL_PATTERN,
    UNOBSERVABLE_OUTCOME,
    VAGUE_DEADLINE_PATTERNS,
    VALUE_FROM_BEFORE_IN,
    VALUE_TO_BEFORE_IN,
    YEAR_FOLLOWERS,
    YEAR_IN_WORDS,
    YEAR_PATTERN,
    ZERO_PATTERN,
    year_in_words,
)

__all__ = ["RuleHit", "check_text", "collect", "explain"]

# Characters swapped one-for-one before matching, so spans still point into
# the participant's own text.
_NORMALISE = str.maketrans({
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
    "\u2019": "'", "\u2018": "'", "\u2011": "-", "\u2010": "-",
})

# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleHit:
    """One rule that fired: which rule, on which words, with what effect."""

    rule: str
    matched: str
    start: int
    end: int
    effect: str



# --------------------------------------------------------------------------
# Reading years
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Year:
    value: int  # the year (for a range, its later year)
    role: str  # deadline | candidate | baseline | start | count
    start: int
    end: int
    rule: str
    is_range: bool = False
    span: tuple[int, int] | None = None  # for a milestone: the words that state it


def _clause_prefix(text: str, pos: int) -> str:
    """Text from the start of the clause (or open bracket) up to ``pos``."""
    cut = 0
    for m in re.finditer(r"[;(\[)\]]|[.!?](?=\s|$)|:\s", text[:pos]):
        cut = m.end()
    return text[cut:pos]


def _paren_prefix(text: str, pos: int) -> str | None:
    """If ``pos`` is inside brackets, the bracket's text up to ``pos``."""
    opened = text.rfind("(", 0, pos)
    if opened == -1 or text.rfind(")", opened, pos) != -1:
        return None
    return text[opened + 1 : pos]


def _clause_rest(text: str, pos: int) -> str:
    m = re.search(r"[;)]|[.!?](?=\s|$)", text[pos:])
    return text[pos : pos + m.start()] if m else text[pos:]


def _read_years(text: str) -> list[_Year]:
    years: list[_Year] = []
    for m in YEAR_PATTERN.finditer(text):
        start_year = int(m.group("year"))
        end_raw = m.group("end") or m.group("end2")
        value, is_range = start_year, False
        if end_raw:
            century = (start_year // 100) * 100
            end_year = int(end_raw) if len(end_raw) == 4 else century + int(end_raw)
            if end_year > start_year:
                value, is_range = end_year, True
        before = text[: m.start()]
        prefix = _clause_prefix(text, m.start()).lower()
        paren = _paren_prefix(text, m.start())
        after = text[m.end() :]
        after_lower = after.lower()

        def add(role: str, rule: str, span: tuple[int, int] | None = None, *,
                value: int = value, m: re.Match[str] = m, is_range: bool = is_range) -> None:
            years.append(_Year(value, role, m.start(), m.end(), rule, is_range, span))

        if BASELINE_AFTER.match(after_lower):
            add("baseline", "BASELINE_AFTER")
        elif MILESTONE_AFTER.match(after_lower):
            # "2030 interim milestone of 25%", "(2030 interim: 25%)": up to the clause's end.
            stop = re.search(r"[;,)]|[.!?](?=\s|$)", after)
            opened = m.start() - 1 if text[: m.start()].rstrip().endswith("(") else m.start()
            add("milestone", "MILESTONE_AFTER",
                (opened, m.end() + (stop.end() if stop else len(after))))
        elif DEADLINE_AFTER.match(after_lower):
            add("deadline", "DEADLINE_AFTER")
        elif paren is not None and LATEST_LABEL.search(paren):
            add("baseline", "BASELINE_LABELLED")
        elif (
            paren is not None and not paren.strip() and value <= LAST_PAST_YEAR
            and DATED_READING_AFTER.match(after)
        ):
            add("baseline", "DATED_READING_AFTER")
        elif (
            paren is not None and value <= LAST_PAST_YEAR
            and DATED_READING_IN_BRACKETS.search(paren.lower())
        ):
            add("baseline", "DATED_READING_IN_BRACKETS")
        elif BASELINE_BEFORE.search(prefix):
            add("baseline", "BASELINE_BEFORE")
        elif cue := MILESTONE_BEFORE.search(prefix):
            # "an interim milestone of 25% in 2030": from the cue to the year.
            add("milestone", "MILESTONE_BEFORE",
                (m.start() - len(prefix) + cue.start(), m.end()))
        elif RANGE_END_BEFORE.search(prefix):
            add("deadline", "RANGE_END_BEFORE")
        elif START_BEFORE.search(prefix):
            # "from 2025 to 2035" / "between 2025 and 2035": the later year is the deadline.
            if end_raw and value != start_year:
                add("deadline", "START_BEFORE")
            else:
                add("start", "START_BEFORE")
        elif DEADLINE_BEFORE.search(prefix):
            add("deadline", "DEADLINE_BEFORE")
        elif in_cue := IN_BEFORE.search(prefix):
            window = prefix[: in_cue.start()]
            # Look only after the last year already seen in this clause.
            last_year = None
            for ym in YEAR_PATTERN.finditer(window):
                last_year = ym
            if last_year is not None:
                window = window[last_year.end() :]
            window = " ".join(window.split()[-8:])
            preps = list(re.finditer(r"\b(from|to|than|did|was|were|had|stood)\b", window))
            last = preps[-1].group(1) if preps else None
            if last == "from" and VALUE_FROM_BEFORE_IN.search(window):
                add("baseline", "VALUE_FROM_BEFORE_IN")
            elif last in ("than", "did", "was", "were", "had", "stood"):
                add("baseline", "BASELINE_BEFORE")
            elif last == "to" and VALUE_TO_BEFORE_IN.search(window):
                add("deadline", "VALUE_TO_BEFORE_IN")
            elif PAST_TENSE.search(_clause_rest(text, m.end())):
                add("baseline", "PAST_TENSE")
            else:
                add("candidate", "IN_BEFORE")
        else:
            nxt = re.match(r"\s+([a-z][a-z-]*)", after)
            if nxt and nxt.group(1) not in YEAR_FOLLOWERS and not end_raw:
                add("count", "YEAR_FOLLOWERS")
            elif PAST_TENSE.search(_clause_rest(text, m.end())) and not re.search(
                r"\b(?:by|before|until)\b", before[-12:], re.I
            ):
                add("baseline", "PAST_TENSE")
            else:
                add("candidate", "YEAR_PATTERN")
        last = years[-1]
        if last.role == "candidate" and last.value <= LAST_PAST_YEAR:
            # A year already past, with no deadline word: the date of an event.
            years[-1] = _Year(last.value, "past", last.start, last.end, "LAST_PAST_YEAR",
                              last.is_range)
    return years


def _pick_deadline(years: list[_Year]) -> tuple[int | None, tuple[int, ...]]:
    """The latest deadline or standing year; earlier firm deadlines and interim years are
    milestones."""
    firm = [y.value for y in years if y.role == "deadline"]
    loose = [y.value for y in years if y.role == "candidate"]
    interim = {y.value for y in years if y.role == "milestone"}
    pool = firm + loose
    if not pool:
        return None, tuple(sorted(interim))
    deadline = max(pool)
    milestones = tuple(sorted({v for v in firm if v < deadline} | {v for v in interim if v < deadline}))
    return deadline, milestones


# --------------------------------------------------------------------------
# Reading targets
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Quantity:
    start: int
    end: int
    rule: str
    counted: bool
    reason: str


def _spans(patterns: dict[str, re.Pattern[str]], text: str) -> list[tuple[int, int, str]]:
    out = []
    for name, pat in patterns.items():
        out += [(m.start(), m.end(), name) for m in pat.finditer(text) if m.end() > m.start()]
    return out


def _inside(start: int, end: int, spans: list[tuple[int, int, str]]) -> str | None:
    for s, e, name in spans:
        if s <= start and end <= e:
            return name
    return None


def _read_quantities(
    text: str, years: list[_Year], timeframe_spans: list[tuple[int, int, str]]
) -> tuple[list[_Quantity], list[tuple[int, int, str]]]:
    baseline_spans = _spans(BASELINE_SPAN_PATTERNS, text)
    for y in years:
        if y.rule == "PAST_TENSE":
            c_start, c_end = _clause_bounds(text, y.start)
            baseline_spans.append((c_start, c_end, "PAST_TENSE"))
        elif y.rule in ("DATED_READING_AFTER", "DATED_READING_IN_BRACKETS"):  # "(2025: 41%)"
            close = text.find(")", y.end)
            baseline_spans.append(
                (text.rfind("(", 0, y.start), close + 1 if close != -1 else len(text), y.rule)
            )
    year_spans = [(y.start, y.end, "YEAR") for y in years if y.role != "count"]
    milestone_spans = [(*y.span, "MILESTONE") for y in years if y.span]
    found: list[_Quantity] = []

    spend_spans = [(m.start(), m.end(), "SPEND_AS_GOAL") for m in SPEND_AS_GOAL.finditer(text)]
    slogan_spans = [(m.start(), m.end(), "SLOGAN_PATTERN") for m in SLOGAN_PATTERN.finditer(text)]

    def common_exclusions(s: int, e: int) -> str | None:
        if _inside(s, e, year_spans):
            return "ignored: it is a year"
        tf = _inside(s, e, timeframe_spans)
        if tf:
            return "ignored: it is a time frame, not a target (see the deadline)"
        if _inside(s, e, milestone_spans):
            return "ignored: it is an interim milestone, not the final target"
        bl = _inside(s, e, baseline_spans)
        if bl:
            return "ignored: it is the starting value (baseline), not the target"
        if _inside(s, e, spend_spans):
            return "ignored: it is money to spend (an input), not a target"
        if _inside(s, e, slogan_spans):
            return "ignored: a slogan's number, not the target (say the target itself, such as 30% of trips)"
        return None

    taken: list[tuple[int, int]] = []

    def overlaps(s: int, e: int) -> bool:
        return any(s < te and ts < e for ts, te in taken)

    def record(s: int, e: int, rule: str, reason: str | None) -> None:
        found.append(_Quantity(s, e, rule, reason is None, reason or "counts as a target"))
        taken.append((s, e))

    for m in PERCENT_PATTERN.finditer(text):
        s, e = m.span()
        if re.search(r"[A-Za-z]-$", text[:s]):
            record(s, e, "PERCENT_PATTERN", "ignored: part of a name")
            continue
        record(s, e, "PERCENT_PATTERN", common_exclusions(s, e))

    for m in MULTIPLIER_PATTERN.finditer(text):
        if not overlaps(*m.span()):
            record(*m.span(), "MULTIPLIER_PATTERN", common_exclusions(*m.span()))

    for m in NUMBER_WORDS_PATTERN.finditer(text):
        s, e = m.span()
        if overlaps(s, e):
            continue
        words = m.group(0).lower()
        before, after = text[:s], text[e:]
        if re.match(r"[\s-]+(?:third|thirds|quarter|quarters|fifth|fifths|sixth|sixths|eighth|"
                    r"eighths|tenth|tenths|hundredth)\b", after, re.I) or re.match(
                        r"\s+times\b", after, re.I):
            continue  # read as a fraction or multiplier
        reason = common_exclusions(s, e)
        if reason is None:
            if words == "zero":
                continue  # read by ZERO_PATTERN below
            if words == "one" and not re.match(r"\s+in\s+\w+", after):
                reason = "ignored: 'one' alone is rarely a target (one of, one new…)"
            elif NUMBER_WORD_COMPOUND_AFTER.match(after):
                reason = "ignored: part of a compound name (like two-wheelers)"
            elif SCOPE_AFTER_COUNT.match(after) or SCOPE_BEFORE_COUNT.search(before):
                reason = "ignored: it says where or who (scope), not how much"
            elif ACTOR_COUNT_AFTER.match(after):
                reason = ACTOR_COUNT_REASON
        record(s, e, "NUMBER_WORDS_PATTERN", reason)

    for m in FRACTION_PATTERN.finditer(text):
        s, e = m.span()
        if overlaps(s, e):
            continue
        reason = common_exclusions(s, e)
        if reason is None and SCOPE_BEFORE_FRACTION.search(text[:s]):
            reason = "ignored: it says who (scope), not how much"
        record(s, e, "FRACTION_PATTERN", reason)

    for m in NUMBER_PATTERN.finditer(text):
        s, e = m.span()
        if overlaps(s, e):
            continue
        before, after = text[:s], text[e:]
        reason = common_exclusions(s, e)
        if reason is None:
            if NAME_BEFORE_NUMBER.search(before) or NAME_AFTER_NUMBER.match(after):
                reason = "ignored: part of a name or an ordinal (like G7, PM2.5, 5G, 21st)"
            elif PER_UNIT_BEFORE.search(before):
                reason = "ignored: part of a unit (per …)"
            elif DATE_AROUND_NUMBER[0].match(after) or DATE_AROUND_NUMBER[1].search(before):
                reason = "ignored: part of a date"
            elif SCOPE_AFTER_COUNT.match(after) or SCOPE_BEFORE_COUNT.search(before):
                reason = "ignored: it says where or who (scope), not how much"
            elif BUDGET_BEFORE_NUMBER.search(before):
                reason = "ignored: it is a budget, not a target"
            elif ACTOR_COUNT_AFTER.match(after):
                reason = ACTOR_COUNT_REASON
        record(s, e, "NUMBER_PATTERN", reason)

    for y in years:
        if y.role == "count":
            record(y.start, y.end, "YEAR_FOLLOWERS", None)

    for m in UNIVERSAL_PATTERN.finditer(text):
        s, e = m.span()
        if overlaps(s, e):
            continue
        noun = m.group("noun").lower()
        reason = common_exclusions(s, e)
        for_all = re.search(r"\bfor\s+$", text[:s], re.I) and m.group(0)[:3].lower() == "all"
        if reason is None and for_all:
            reason = "ignored: 'for all …' says whom the goal serves, not a measurable share"
        elif reason is None and noun in UNIVERSAL_NOT_TARGET:
            reason = "ignored: a figure of speech, not a target"
        elif reason is None and re.fullmatch(NUMBER_WORD, noun):
            reason = "ignored: it says where or who (scope), not how much"
        elif reason is None:
            c_start, c_end = _clause_bounds(text, s)
            clause = text[c_start:c_end]
            numbers = re.sub(r"\b(?:19|20|21)\d{2}\b", "", clause)  # years are not amounts
            if UNOBSERVABLE_OUTCOME.search(clause) and not re.search(r"\d", numbers):
                reason = ("ignored: 'all' or 'every' with nothing anyone could observe "
                          "(happy, better, thrive): say what would be seen, and how much")
        record(s, e, "UNIVERSAL_PATTERN", reason)

    for name, pat in (
        ("ZERO_PATTERN", ZERO_PATTERN),
        ("NEUTRAL_PATTERN", NEUTRAL_PATTERN),
        ("FREE_SUFFIX_PATTERN", FREE_SUFFIX_PATTERN),
        ("CLOSE_GAP_PATTERN", CLOSE_GAP_PATTERN),
        ("THRESHOLD_PATTERN", THRESHOLD_PATTERN),
    ):
        for m in pat.finditer(text):
            if not overlaps(*m.span()):
                record(*m.span(), name, common_exclusions(*m.span()))

    found.sort(key=lambda q: q.start)
    return found, baseline_spans


def _clause_bounds(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in re.finditer(r"[;:()]|[.!?](?=\s|$)", text[:pos]):
        start = m.end()
    end_m = re.search(r"[;()]|[.!?](?=\s|$)", text[pos:])
    end = pos + end_m.start() if end_m else len(text)
    return start, end


def _target_phrase(text: str, q: _Quantity, barriers: list[int]) -> str:
    """The words around a counted quantity that state the target.

    A change target ("cut X by 30%", "raise X from 23% to 50%", "reach … within
    45 minutes") starts at its verb (the first of TARGET_VERBS up to 18 words back, never
    across a deadline); a level or count ("100 cities") starts at its number or
    its qualifier ("at least"). It ends at the first TARGET_PHRASE_STOP.
    """
    c_start, c_end = _clause_bounds(text, q.start)
    floor = max([c_start] + [b for b in barriers if b <= q.start])
    start = q.start
    qual = TARGET_QUALIFIERS.search(text[floor : q.start])
    if qual:
        start = floor + qual.start()
    lead = text[floor:start]
    lead_words = list(re.finditer(r"\S+", lead))
    window_start = lead_words[-18].start() if len(lead_words) > 18 else 0
    verbs = [v for v in TARGET_VERBS.finditer(lead) if v.start() >= window_start]
    if verbs:
        start = floor + verbs[0].start()
    elif re.search(r"\bby\s+$", lead, re.I) and len(lead_words) <= 10:
        # "Pollution in our cities down by half": the subject is the start.
        start = floor + (lead_words[0].start() if lead_words else 0)
    tail = text[q.end : c_end]
    stop = next(TARGET_PHRASE_STOP.finditer(tail), None)
    end = q.end + (stop.start() if stop else len(tail))
    words = text[start:end].split()[:20]
    phrase = " ".join(words).strip(" ,;:-–")
    phrase = re.sub(r"\s+(?:and|or|of|the|a|an|to|in|by)$", "", phrase)
    return phrase


def _first_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return next(pattern.finditer(text), None)


# --------------------------------------------------------------------------
# The assessment
# --------------------------------------------------------------------------


def check_text(text: object) -> str:
    """The statement as text, normalised for matching; a plain error if it is not text or is empty."""
    if not isinstance(text, str):
        raise MissionkitInputError(
            f"The mission statement must be text, but it is {type(text).__name__}",
            fix="Type your mission statement as a sentence between quotes, "
            'for example "By 2035, halve road deaths in our three largest cities."',
        )
    if not text.strip():
        raise MissionkitInputError(
            "The mission statement is empty",
            fix="Type your mission statement in one or two sentences: what will change, "
            "for whom, by how much and by when.",
        )
    return text.translate(_NORMALISE)


def _years_as_digits(text: str) -> str:
    """Years written in words ("by twenty thirty-five") as digits, padded so every span keeps its place."""

    def swap(m: re.Match[str]) -> str:
        start, end = m.span("year")
        digits = str(year_in_words(m))
        return m.group(0)[: start - m.start()] + digits.ljust(end - start) + m.group(0)[end - m.start():]

    return YEAR_IN_WORDS.sub(swap, text)


def collect(text: str) -> dict:
    """Run every rule once; return what they found."""
    text = _years_as_digits(text)
    hits: list[RuleHit] = []
    years = _read_years(text)
    for y in years:
        effect = {
            "deadline": f"{y.value} read as a deadline year",
            "candidate": f"{y.value} read as a target year (no other cue)",
            "baseline": f"{y.value} read as a baseline year, not a deadline",
            "milestone": f"{y.value} read as a milestone, not the deadline",
            "past": f"{y.value} is past: an event, not a deadline",
            "start": f"{y.value} read as a start year, not a deadline",
            "count": "read as a count, not a year",
        }[y.role]
        if y.is_range and y.role != "count":
            effect += " (a range: its later year is used)"
        hits.append(RuleHit(y.rule, text[y.start : y.end], y.start, y.end, effect))
    deadline, milestones = _pick_deadline(years)
    baseline_years = tuple(sorted({y.value for y in years if y.role == "baseline"}))
    past_years = tuple(sorted(
        {y.value for y in years if y.role in ("past", "start") and y.value <= LAST_PAST_YEAR}
    ))

    vague: str | None = None
    timeframe_spans: list[tuple[int, int, str]] = []
    for label, pat in VAGUE_DEADLINE_PATTERNS.items():
        for m in pat.finditer(text):
            timeframe_spans.append((m.start(), m.end(), label))
            hits.append(
                RuleHit(
                    "VAGUE_DEADLINE_PATTERNS",
                    m.group(0),
                    m.start(),
                    m.end(),
                    f"a time without a year ({label})",
                )
            )
            if vague is None:
                vague = m.group(0)

    quantities, baseline_spans = _read_quantities(text, years, timeframe_spans)
    for q in quantities:
        hits.append(RuleHit(q.rule, text[q.start : q.end], q.start, q.end, q.reason))
    counted = [q for q in quantities if q.counted]
    # Strongest kinds first for the headline target; all/every and zero-adjectives last.
    weak_rules = ("UNIVERSAL_PATTERN", "ZERO_PATTERN", "FREE_SUFFIX_PATTERN", "NEUTRAL_PATTERN")
    ordered = [q for q in counted if q.rule not in weak_rules]
    for rule in weak_rules:
        ordered += [q for q in counted if q.rule == rule]
    barriers = [y.end for y in years if y.role in ("deadline", "candidate")]
    targets: list[str] = []
    for q in ordered:
        phrase = _target_phrase(text, q, barriers)
        if phrase and not any(phrase in t or t in phrase for t in targets):
            targets.append(phrase)

    baseline = None
    if baseline_spans:
        s, e, name = min(baseline_spans)
        baseline = text[s:e].strip(" ()")
        hits.append(RuleHit(name, text[s:e], s, e, "read as the baseline (starting point)"))
    elif baseline_years:
        y = next(y for y in years if y.role == "baseline")
        pre = _clause_prefix(text, y.start)
        cue = BASELINE_BEFORE.search(pre.lower())
        start = y.start - (len(pre) - cue.start()) if cue else y.start
        end = y.end
        after = BASELINE_AFTER.match(text[y.end :].lower())
        if after:
            end += after.end()
        baseline = text[start:end].strip(" ()")

    # Metrics: each named measure, with a unit found within 60 characters after it;
    # a unit with no named measure nearby is reported on its own.
    metrics: list[str] = []
    used_units: set[int] = set()
    for mm in METRIC_PATTERN.finditer(text):
        name = mm.group(0)
        unit = next((u for u in UNIT_PATTERN.finditer(text, mm.end(), mm.end() + 60)), None)
        if unit:
            used_units.add(unit.start())
            name = f"{name} ({unit.group(0)})"
        if name.lower() not in (x.lower() for x in metrics):
            metrics.append(name)
        hits.append(RuleHit("METRIC_PATTERN", mm.group(0), *mm.span(), "read as a metric"))
    for u in UNIT_PATTERN.finditer(text):
        if u.start() not in used_units and not any(u.group(0) in x for x in metrics):
            metrics.append(f"a measure in {u.group(0)}")
    metric = "; ".join(metrics) if metrics else None

    scope_m = _first_match(SCOPE_PATTERN, text)
    scope = scope_m.group(0) if scope_m else None
    if scope_m:
        hits.append(
            RuleHit("SCOPE_PATTERN", scope_m.group(0), *scope_m.span(), "read as the scope")
        )

    prestige = [m for m in PRESTIGE_PATTERN.finditer(text)]
    tech = [m for m in TECHNOLOGY_PATTERN.finditer(text)]
    single = [m for m in SINGLE_PROJECT_PATTERN.finditer(text)]
    outputs = [m for m in OUTPUT_TARGET_PATTERN.finditer(text)]
    spend = [m for m in SPEND_AS_GOAL.finditer(text)]
    outcome = [m for m in OUTCOME_PATTERN.finditer(text)]
    people = [m for m in PEOPLE_PATTERN.finditer(text)]
    sectors = sorted(name for name, pat in SECTOR_PATTERNS.items() if pat.search(text))
    tech_goal = bool(tech) and bool(TECH_GOAL_VERB.search(text)) and not outcome
    for rule, ms, effect in (
        ("PRESTIGE_PATTERN", prestige, "a prestige marker"),
        ("TECHNOLOGY_PATTERN", tech, "a named technology"),
        ("SINGLE_PROJECT_PATTERN", single, "one project named as the goal"),
        ("OUTPUT_TARGET_PATTERN", outputs, "a target that counts outputs"),
        ("SPEND_AS_GOAL", spend, "money to spend (an input), not a target"),
        ("OUTCOME_PATTERN", outcome, "an outcome word"),
    ):
        for m in ms:
            hits.append(RuleHit(rule, m.group(0), m.start(), m.end(), effect))
    for name in sectors:
        sm = SECTOR_PATTERNS[name].search(text)
        if sm is not None:  # always: sectors lists the patterns that match
            hits.append(RuleHit("SECTOR_PATTERNS", sm.group(0), sm.start(), sm.end(), f"sector: {name}"))

    hits.sort(key=lambda h: (h.start, h.rule))
    return {
        "years": years,
        "deadline": deadline,
        "milestones": milestones,
        "baseline_years": baseline_years,
        "past_years": past_years,
        "late_deadline": deadline is not None and deadline <= LAST_PAST_YEAR,
        "vague": vague,
        "quantified": bool(counted),
        "targets": targets,
        "baseline": baseline,
        "metric": metric,
        "scope": scope,
        "prestige": prestige,
        "tech": tech,
        "tech_goal": tech_goal,
        "single": single,
        "outputs": outputs,
        "spend": spend,
        "outcome": outcome,
        "people": people,
        "sectors": sectors,
        "hits": hits,
        "words": len(text.split()),
    }


def explain(text: str) -> list[RuleHit]:
    """Every rule that fired on ``text``, in reading order, with its effect.

    Use it to show a participant or trainer why the statement was read as it was.
    """
    return collect(check_text(text))["hits"]
