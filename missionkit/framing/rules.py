"""The named rules of the mission-statement assessor: regular expressions and word lists.

Each rule is a module-level constant with a ``#:`` comment saying what it reads;
:mod:`missionkit.framing.reading` applies them and :func:`~missionkit.framing.reading.explain`
names them. Domain code only: no display code, never prints.
"""
from __future__ import annotations

import re

from missionkit.case import TODAY

# --------------------------------------------------------------------------
# Building blocks for the patterns
# --------------------------------------------------------------------------

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

# Words that may sit between a cue and a year: "by the end of 2030",
# "by mid-2030", "in October 2025", "by the year 2040", "by 31 December 2030".
_YEAR_FILLER = (
    r"(?:(?:the\s+)?(?:end|start|beginning|middle|close)\s+of\s+(?:the\s+year\s+)?"
    r"|(?:early|mid|late|end)[-\s]"
    r"|the\s+year\s+"
    rf"|{_MONTH}\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+"
    r"|q[1-4]\s+|h[12]\s+)*"
)

#: Number words, as a regex alternation ("one|two|..."): counts written in words.
NUMBER_WORD = (
    r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|"
    r"billion|dozen"
)

# --------------------------------------------------------------------------
# Deadline rules: where is a year, and what role does it play?
# --------------------------------------------------------------------------

#: A year (1900-2199), optionally a range: "2030", "2030-2035", "2030–35",
#: "2024/25", "2030 to 2035". "2030s" (a decade) and "PM2030" do not match.
YEAR_PATTERN = re.compile(
    r"(?<![\w.,/$£€])(?P<year>(?:19|20|21)\d{2})"
    r"(?:\s*[-–—/]\s*(?P<end>(?:19|20|21)\d{2}|\d{2})(?![\d.,]\d)"
    r"|\s+to\s+(?P<end2>(?:19|20|21)\d{2}))?"
    r"(?![\w%]|[.,]\d)"
)

#: Just before a year, these words make it a DEADLINE: "by 2030", "before 2040",
#: "no later than 2033", "until 2030", "through 2030", "in the decade to 2035",
#: "by the end of 2030".
DEADLINE_BEFORE = re.compile(
    r"\b(?:by|before|no\s+later\s+than|not\s+later\s+than|until|till|through|"
    r"throughout|to|deadline\s*:?|target\s+year\s*:?|due(?:\s+in)?)\s+"
    + _YEAR_FILLER + r"$"
    r"|\bby\s+end[-\s]$"
)

#: Just after a year, these words make it a DEADLINE: "2050 at the latest".
DEADLINE_AFTER = re.compile(
    r"^\s*,?\s*(?:at\s+the\s+(?:latest|very\s+latest)|or\s+(?:earlier|sooner|before)|"
    r"deadline|target\s+year)\b"
)

#: Just before a year, these words make it a BASELINE (a reference point, not
#: a deadline): "compared with 1990", "relative to 2010", "than in 2010",
#: "it did in 2024", "baseline: 2024", "levels of 2019".
BASELINE_BEFORE = re.compile(
    r"(?:\bcompared\s+(?:with|to)|\brelative\s+to|\bagainst|\bversus|\bvs\.?|"
    r"(?<!later\s)(?<!earlier\s)\bthan"
    r"(?:\s+(?:in|it\s+(?:did|was)\s+in|they\s+(?:did|were)\s+in))?|"
    r"\b(?:it|they|we|there|this|that|these)\s+(?:did|was|were|had|stood)\s+in|"
    r"\b(?:recorded|measured|observed|seen|reported|estimated)\s+in|"
    r"\blevels?\s+(?:of|in)|\bbaseline(?:\s+year)?\s*:?(?:\s*(?:of|in))?)\s*"
    + _YEAR_FILLER + r"$"
)

#: Just after a year, these words make it a BASELINE: "2024 levels",
#: "the 2024 level", "2014–16 baseline".
BASELINE_AFTER = re.compile(r"^\s*(?:levels?|baseline|values?|figures?|average)\b")

#: Just before a year, these words make it a START year (not a deadline):
#: "since 2020", "from 2019", "between 2025 and …", "began in 2019".
START_BEFORE = re.compile(
    r"\b(?:since|from|between|starting(?:\s+in)?|beginning(?:\s+in)?|"
    r"(?:began|begun|started|launched|adopted|agreed|set\s+up)\s+in|as\s+of|after)\s+"
    + _YEAR_FILLER + r"$"
)

#: "between 2025 and 2035": the year after "and" closes a range, so it is a deadline.
RANGE_END_BEFORE = re.compile(r"\bbetween\s+(?:19|20|21)\d{2}\s+and\s+$")

#: "in 2030", "in October 2025", "during 2030": the role depends on what
#: comes before (see VALUE_FROM_BEFORE_IN and VALUE_TO_BEFORE_IN).
IN_BEFORE = re.compile(r"\b(?:in|during)\s+" + _YEAR_FILLER + r"$")

#: "from 38 µg/m³ in 2024", "up from 61.7% in October 2025": the year belongs
#: to the starting value, so it is a BASELINE.
VALUE_FROM_BEFORE_IN = re.compile(
    r"\b(?:up\s+|down\s+)?from\s+(?:its\s+|the\s+|about\s+|around\s+)?[^\s;]*\d[^;]*$"
)

#: "to 50 minutes in 2035": the year belongs to the target value, so it is a DEADLINE.
VALUE_TO_BEFORE_IN = re.compile(
    r"\bto\s+(?:about\s+|around\s+|under\s+|below\s+|at\s+least\s+)?[^\s;]*\d[^;]*$"
)

#: A clause written in the past tense describes the starting point:
#: "In 2024, 38% of commuters spent over an hour travelling" -> 2024 is a baseline.
PAST_TENSE = re.compile(
    r"\b(?:was|were|had|did|spent|stood|rose|fell|died|recorded|measured)\b", re.I
)

#: A four-digit number followed by one of these words is still read as a year
#: ("Marenta 2040 vision"); followed by any other word it is a count
#: ("2000 electric buses").
YEAR_FOLLOWERS = frozenset(
    """and or to at onwards onward target targets goal goals deadline vision
    agenda plan strategy levels level baseline with for in on the through as so
    while when is was will we our its if which that compared relative than then
    but net mission missions programme program period horizon""".split()
)

#: The last year that has already passed on the course's case date (15 November
#: 2026, FICTIONAL case, see missionkit.case.TODAY). A year up to this one with no
#: deadline word ("by", "before", "no later than") dates something that has
#: happened: "recommended in Nov 2023", "since the floods of 2023", "(Nov 2023)".
#: It is never read as the deadline.
LAST_PAST_YEAR = TODAY.year

#: Just after a year, these words make it an interim MILESTONE, not the deadline:
#: "2030 interim", "a 2030 interim milestone", "2030 milestone".
MILESTONE_AFTER = re.compile(r"^\s*(?:\(\s*)?(?:interim|intermediate|milestones?)\b", re.I)

#: Just before a year, these words make it an interim MILESTONE, not the deadline:
#: "an interim milestone in 2030", "an interim target of 25% by 2030", "milestones in 2030".
MILESTONE_BEFORE = re.compile(
    r"(?:\b(?:interim|intermediate)(?:\s+(?:milestone|target|goal|step|check|checkpoint|"
    r"review)s?)?|\bmilestones?)\s+(?:of\s+[^,;]{0,40}?\s+)?(?:(?:in|by|for|at)\s+)?"
    + _YEAR_FILLER + r"$"
)

#: A past year opening a bracket, then a colon and a value, is a dated reading,
#: so a BASELINE: "(2025: 41%)". (A later year, "(2030: 25%)", is not a reading.)
DATED_READING_AFTER = re.compile(r"^\s*:\s*[^)]*?\d")

#: A value and a past year in brackets is a dated reading, so a BASELINE:
#: "(61.7% in Oct 2025)", "(68.3% in 2024–25)", "(41%, 2025)".
DATED_READING_IN_BRACKETS = re.compile(r"\d[^()]*?(?:\bin|,)\s+" + _YEAR_FILLER + r"$")

#: In brackets, these words label the value as today's, so a BASELINE:
#: "(latest reading: 41% in 2025)", "(current: 41%)", "(baseline 2024)".
LATEST_LABEL = re.compile(
    r"\b(?:baseline|latest|current|most\s+recent|last\s+(?:reading|measured|value|figure)|"
    r"today|now)\b",
    re.I,
)

#: Deadlines written without a year. The statement then has no deadline, and
#: the feedback says which words to replace with a year.
VAGUE_DEADLINE_PATTERNS: dict[str, re.Pattern[str]] = {
    "end of the decade": re.compile(
        r"\b(?:by|before|until|at|towards?)\s+the\s+end\s+of\s+(?:the|this)\s+decade\b", re.I
    ),
    "end of a parliament or term": re.compile(
        r"\bthe\s+end\s+of\s+(?:the|this|a)\s+(?:parliament|term|mandate|government|"
        r"legislature|administration|plan)\b",
        re.I,
    ),
    "mid-century": re.compile(r"\b(?:by\s+)?mid[-\s]century\b", re.I),
    "within a number of years": re.compile(
        rf"\b(?:within|in|over)\s+(?:the\s+)?(?:next\s+|coming\s+)?(?:a|\d+|{NUMBER_WORD})"
        rf"(?:[\s-](?:{NUMBER_WORD}))?\s+(?:years?|decades?)(?:['’]\s*time)?\b",
        re.I,
    ),
    "this or the coming decade": re.compile(
        r"\b(?:the\s+)?(?:coming|next|this)\s+decade\b|\bwithin\s+a\s+(?:decade|generation)\b",
        re.I,
    ),
    "a decade such as 'the 2030s'": re.compile(r"\bthe\s+(?:19|20|21)\d0s\b", re.I),
    "the plan period": re.compile(
        r"\b(?:within|during|over)\s+the\s+(?:plan|programme|program|strategy)\s+period\b", re.I
    ),
    "an open-ended time": re.compile(
        r"\b(?:in\s+the\s+(?:near|long)\s+(?:term|future)|as\s+soon\s+as\s+possible|"
        r"in\s+the\s+coming\s+years|for\s+future\s+generations|eventually)\b",
        re.I,
    ),
}

# --------------------------------------------------------------------------
# Target rules: what counts as a measurable target, and what does not
# --------------------------------------------------------------------------

#: A percentage: "30%", "25 per cent", "2.5 percentage points".
PERCENT_PATTERN = re.compile(
    r"(?<![\w.])\d+(?:[.,]\d+)?\s*(?:%|per\s?cent\b|percent\b|percentage\s+points?\b)", re.I
)

#: A number written in digits: "100", "1.5", "25,000", "US$2", "12.6".
#: Years, names, dates, units and baselines are removed afterwards.
NUMBER_PATTERN = re.compile(
    r"(?<![\w.])(?:US\$|[$£€]|MRC\s?)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])"
)

#: A number written in words: "three million", "one hundred", "fifty",
#: "one and a half million", "two hundred thousand".
NUMBER_WORDS_PATTERN = re.compile(
    rf"\b(?:{NUMBER_WORD})(?:(?:\s+and\s+a\s+half|\s+and|[\s-])+(?:{NUMBER_WORD}))*\b",
    re.I,
)

#: A fraction: "half", "a third", "two thirds", "a quarter", "a fifth", "a tenth".
FRACTION_PATTERN = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|nine)[\s-]+(?:third|thirds|quarter|quarters|fifth|"
    r"fifths|sixth|sixths|eighth|eighths|tenth|tenths|hundredth)|half)\b"
    r"|(?<![\w/])(?:\d\s?)?[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞](?![\w/])",  # fraction glyphs: "¾ of all journeys"
    re.I,
)

#: A multiplier verb or adverb: "halve", "double", "triple", "twice",
#: "tenfold", "10 times faster".
MULTIPLIER_PATTERN = re.compile(
    r"\b(?:halv(?:e|es|ed|ing)|doubl(?:e|es|ed|ing)(?![-\s]deck)|tripl(?:e|es|ed|ing)|"
    r"quadrupl(?:e|es|ed|ing)|twice|(?:two|three|four|five|ten|\d+)[\s-]?fold|"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+hundred)\s+times)\b",
    re.I,
)

#: Zero as a target: "zero road deaths", "net-zero", "zero-emission", "Zero Hunger".
ZERO_PATTERN = re.compile(r"\b(?:net[\s-]?zero|zero)\b", re.I)

#: An end state equal to net zero: "climate-neutral", "carbon-neutral",
#: "greenhouse-gas-neutral".
NEUTRAL_PATTERN = re.compile(
    r"\b(?:climate|carbon|co2|co₂|ghg|greenhouse[\s-]gas|emissions?)[\s-]neutral(?:ity)?\b",
    re.I,
)

#: "…-free" as an end state: "waste-free", "car-free", "smoke-free".
FREE_SUFFIX_PATTERN = re.compile(r"\b[a-z]+-free\b", re.I)

#: Everyone or everything in a group: "all new cars", "every neighbourhood",
#: "all of Amberport's junctions", "a named officer for every neighbourhood".
#: "for all …" ("Health for all", "transport for all Marentans") says whom a goal
#: serves, not a share that can be measured, so it does not count; nor do
#: "above all" and "everyone".
UNIVERSAL_PATTERN = re.compile(
    r"\b(?:all|every)\s+(?:of\s+)?(?:the\s+|our\s+|its\s+|their\s+|these\s+|"
    r"[A-Z][\w'’-]*(?:'s|’s)\s+)?(?P<noun>[A-Za-z][\w-]*)",
    re.I,
)

#: What may follow "all"/"every" without making a target: "all of us", "every time",
#: "for all by 2035", "above all we must".
UNIVERSAL_NOT_TARGET = frozenset(
    """us time times round over in so along around by of to and or at with from is are
    will who that this we it kinds sorts else""".split()
)

#: Closing a gap or eliminating something sets the target at zero:
#: "close the gap in school readiness", "eliminate cervical cancer".
CLOSE_GAP_PATTERN = re.compile(
    r"\bclos(?:e|es|ed|ing)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,3}?gaps?\b"
    r"|\b(?:eliminat|eradicat)(?:e|es|ed|ing|ion)\b"
    # other ways people write a zero target: "get rid of", "rid our streets of", "put an end to",
    # "phase out", "stamp out", and "end" as the verb of the goal ("End road deaths by 2040")
    r"|\b(?:get|got|getting)\s+rid\s+of\b|\brid\s+(?:[\w'’-]+\s+){1,4}?of\b"
    r"|\b(?:put|putting|bring|bringing)\s+an\s+end\s+to\b"
    r"|\b(?:phas|stamp|wip)(?:e|es|ed|ing)\s+out\b"
    r"|(?:^|(?<=[.;:!]\s)|(?<=\bto\s)|(?<=\bwe\s)|(?<=will\s)|(?<=must\s)|(?<=shall\s)|(?<=should\s))"
    r"end(?:s|ing)?\b(?!\s+(?:of|in|by|to|date|year|users?|state)\b)",
    re.I,
)

#: A slogan whose numbers are not the target: "30 by 30", "50x50". Its numbers are not counted;
#: the target must be said in words ("30% of trips", "a third of our land").
SLOGAN_PATTERN = re.compile(r"(?<![\w.])\d{1,3}\s?(?:by|x|×)\s?\d{2}(?![\w.%])", re.I)

#: Outcomes no one can observe: with "all"/"every" and no number, they make no target
#: ("Make every citizen happy", "all citizens thrive", "a better life for every family").
UNOBSERVABLE_OUTCOME = re.compile(
    r"\b(?:happ(?:y|ier|iest|iness)|better(?:\s+off)?|thriv\w*|flourish\w*|prosper\w*|satisf\w*|"
    r"well[\s-]?being|good\s+lives?|proud|great|greatest|world[\s-]class|excellent|best|wonderful|"
    r"fulfil\w*|empower\w*)\b",
    re.I,
)

_YEAR_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_YEAR_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
               "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_YEAR_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
              "ninety": 90}
_TWO_DIGITS = (rf"(?:{'|'.join(_YEAR_TEENS)}|(?:{'|'.join(_YEAR_TENS)})(?:[\s-](?:{'|'.join(_YEAR_UNITS)}))?"
               rf"|{'|'.join(_YEAR_UNITS)})")

#: A year written in words after a time word: "by the year two thousand and thirty-five",
#: "until twenty thirty", "in two thousand forty". The reader swaps it for its digits.
YEAR_IN_WORDS = re.compile(
    r"\b(?P<cue>by|before|until|till|through|in|from|since|after|to|(?:the\s+)?year)\s+(?:the\s+year\s+)?"
    rf"(?P<year>two\s+thousand(?:\s+and)?\s+(?P<a>{_TWO_DIGITS})|twenty[\s-](?P<b>{_TWO_DIGITS}))\b",
    re.I,
)


def year_in_words(match: re.Match[str]) -> int:
    """The year a YEAR_IN_WORDS match names: "two thousand and thirty-five" -> 2035."""
    part = (match.group("a") or match.group("b")).lower().replace("-", " ").split()
    value = _YEAR_TEENS.get(part[0]) or _YEAR_TENS.get(part[0]) or _YEAR_UNITS.get(part[0], 0)
    if len(part) > 1:
        value += _YEAR_UNITS.get(part[1], 0)
    return 2000 + value

#: A named external threshold is a target value: "the WHO guideline",
#: "EU limit values", "the national air-quality standard".
THRESHOLD_PATTERN = re.compile(
    r"\b(?:WHO|EU|national|legal|statutory)\s+(?:air[\s-]quality\s+)?"
    r"(?:guidelines?|limits?|limit\s+values?|standards?|thresholds?)\b",
    re.I,
)

#: Numbers that are part of a name, not a value: "PM2.5", "CO2", "G7", "5G",
#: "COVID-19", "Goal 7", "SDG 11", "Industry 4.0".
NAME_BEFORE_NUMBER = re.compile(
    r"(?:[A-Za-z]-|\b(?:goal|mission|objective|phase|article|level|tier|scope|step|section|"
    r"pillar|priority|industry|web|chapter|annex|table|figure|sdg|route|line|number|no\.|"
    r"version|wave|round|stage|horizon|agenda|vision|corridor|terminal|runway|package|lot|"
    r"ward|district|platform)\s)$",
    re.I,
)
NAME_AFTER_NUMBER = re.compile(r"^(?:G\b|st\b|nd\b|rd\b|th\b|s\b|[a-z]?\d)", re.I)

#: A number right after "per" is a unit: "deaths per 100,000 people".
PER_UNIT_BEFORE = re.compile(r"\bper\s+$", re.I)

#: Day numbers next to a month: "1 January 2030", "March 3".
DATE_AROUND_NUMBER = (
    re.compile(rf"^(?:st|nd|rd|th)?\s+{_MONTH}\b", re.I),
    re.compile(rf"\b{_MONTH}\.?\s+$", re.I),
)

#: A count that says WHERE or WHO, not how much: "the three largest cities",
#: "in 3 pilot cities", "the poorest fifth of households", "one of the eight platforms".
SCOPE_AFTER_COUNT = re.compile(
    r"^[\s-]*(?:largest|biggest|main|major|poorest|richest|smallest|leading|pilot|partner|"
    r"most|least|core|key|big|fastest-growing|largest-growing)\b",
    re.I,
)
SCOPE_BEFORE_COUNT = re.compile(
    r"\b(?:in|across|throughout|for|all)\s+(?:the\s+|its\s+|our\s+|their\s+|these\s+|all\s+|"
    r"[A-Z][\w'’-]*(?:'s|’s)\s+)?$"
    # "one of the eight platforms": says which, not how much
    r"|\bof\s+(?:the|its|our|their|these)\s+$",
    re.I,
)
SCOPE_BEFORE_FRACTION = re.compile(
    r"\b(?:poorest|richest|lowest|highest|bottom|top|wealthiest|youngest|oldest)\s+$", re.I
)

#: A count of who takes part is not a target: "eight ministries will work
#: together", "8 ministries and 9 top sectors". It says who acts, not what must change.
ACTOR_COUNT_AFTER = re.compile(
    r"^[\s-]+(?:[\w-]+\s+){0,2}?(?:ministries|ministers|departments|agencies|partners|"
    r"organi[sz]ations|institutions|bodies|sectors|stakeholders|actors|teams|committees|"
    r"working\s+groups)\b",
    re.I,
)
ACTOR_COUNT_REASON = "ignored: it counts who takes part, not what must change"

#: A money amount that is a budget, not a target: "a budget of MRC 500 m".

#: Currency codes and signs before an amount: "MRC 2,000 m", "US$ 2", "€10".
_CURRENCY_CODES = r"MRC|USD|EUR|GBP|JPY|KRW|BRL|NOK|SEK|DKK|COP|ZAR|INR|CNY|CHF|CAD|AUD"
_CURRENCY = r"(?:" + _CURRENCY_CODES + r"|US\$|R\$|[$£€¥₩])"

BUDGET_BEFORE_NUMBER = re.compile(
    r"\b(?:budget|funding|investment|invest(?:ing)?|backed\s+by|worth|costing|spend(?:ing)?|spent|"
    r"allocat(?:e|es|ed|ing)|dedicat(?:e|es|ed|ing)|earmark(?:s|ed|ing)?)\s+"
    r"(?:of\s+)?(?:about\s+|around\s+|up\s+to\s+|some\s+|a\s+further\s+|an\s+extra\s+)?"
    r"(?:" + _CURRENCY + r"\s*)?$",
    re.I,
)

#: Money the mission spends written as its goal: "invest MRC 20,000 m in transport",
#: "spend 500 million a year on programmes". Money is an input: a budget shows commitment,
#: but the target must be the change it buys.
SPEND_AS_GOAL = re.compile(
    r"\b(?:spend(?:ing)?|invest(?:ing)?|allocat(?:e|ing)|dedicat(?:e|ing)|earmark(?:ing)?|mobili[sz](?:e|ing))"
    r"\s+(?:about\s+|around\s+|up\s+to\s+|some\s+|a\s+further\s+|an\s+extra\s+)?"
    r"(?:" + _CURRENCY + r"\s*)?\d[\d,.]*\s*(?:m\b|bn\b|million|billion|trillion|thousand)?",
    re.I,
)

#: A number word joined to a noun by a hyphen is a name: "two-wheelers",
#: "five-year-olds". Fractions and multipliers stay targets: "two-thirds", "three-fold".
NUMBER_WORD_COMPOUND_AFTER = re.compile(
    r"^-(?!\s*(?:third|thirds|quarter|quarters|fifth|fifths|tenth|tenths|fold|times)\b)", re.I
)

#: Starting values: the numbers inside do not count as the target.
#: "from 23% (to 50%)", "up from 61.7% in October 2025", "(baseline: …)".
BASELINE_SPAN_PATTERNS: dict[str, re.Pattern[str]] = {
    "BASELINE_FROM_VALUE": re.compile(
        r"\b(?:up\s+|down\s+)?from\s+(?:its\s+|the\s+|a\s+|an\s+|about\s+|around\s+|some\s+)?"
        r"(?=[$£€\d]|(?:" + _CURRENCY_CODES + r")\s*\d"
        r"|(?:19|20|21)\d{2}\s+levels?)"
        r"(?:[^,;:()]|\.\d|,\d{3})*?"
        r"(?=\s+to\b|\s+by\b|\s+and\b|[;:()]|,(?!\d{3})|\.(?!\d)|$)",
        re.I,
    ),
    "BASELINE_COMPARED": re.compile(
        r"\b(?:compared\s+(?:with|to)|relative\s+to|against|versus|vs\.?)\s+"
        r"(?:[^,;:()]|\.\d|,\d{3})*?(?=\s+by\b|[;:()]|,(?!\d{3})|\.(?!\d)|$)",
        re.I,
    ),
    "BASELINE_THAN_IN": re.compile(
        r"\bthan\s+(?:in\s+|it\s+did\s+in\s+)(?:19|20|21)\d{2}(?:[-–]\d{2,4})?", re.I
    ),
    "BASELINE_IT_DID": re.compile(
        r"(?:\b(?:the|its|their)\s+(?:[\w-]+\s+){0,2})?"
        r"\b(?:it|they|we|there)\s+(?:did|was|were|had)\s+in\s+(?:19|20|21)\d{2}",
        re.I,
    ),
    "BASELINE_LABELLED": re.compile(
        r"\(\s*(?:baseline|latest|current|most\s+recent|last\s+(?:reading|measured|value|figure)|"
        r"today|now)\b[^)]*\)?"
        r"|\b(?:baseline|latest\s+(?:reading|value|figure|level|data))\s*:[^;.)]*",
        re.I,
    ),
    # "42.7% → 55% (2026) → 75% (2033)": the value before the first arrow.
    "BASELINE_ARROW": re.compile(r"(?<![→>\d.,])(?<![→>]\s)\d[\d.,]*\s*%?(?=\s*(?:→|->))"),
}

# --------------------------------------------------------------------------
# Framing-mistake rules (course brief 1.2 and 1.6)
# --------------------------------------------------------------------------

#: Prestige markers: being first, biggest or best in the world, or a showcase.
PRESTIGE_PATTERN = re.compile(
    r"\b(?:world'?s|world’s|region'?s|region’s|country'?s|europe'?s|africa'?s|asia'?s)\s+"
    r"(?:first|most\s+advanced|leading|best|[a-z]+est)\b"
    r"|\b(?:the\s+)?first\s+(?:country|nation|city|region|state)\b"
    r"|\b(?:world|global|regional)[\s-]leader\b|\bleading\s+hub\b|\bworld[\s-]class\b"
    r"|\bflagship\b|\bon\s+the\s+moon\b|\bastronauts?\b|\bspaceport\b|\bmoonshot\b"
    r"|\b(?:tallest|fastest|biggest|largest)\s+[\w-]+(?:\s+[\w-]+)?\s+in\s+the\s+world\b",
    re.I,
)

#: Named technologies. Naming one as the goal fixes the solution in advance.
TECHNOLOGY_PATTERN = re.compile(
    r"\b(?:AI|artificial\s+intelligence|robots?|robotics|quantum\s+computers?|"
    r"supercomputers?|blockchain|5G|6G|hydrogen|fusion|reactors?|self-driving|"
    r"autonomous\s+vehicles?|drones?|satellites?|rockets?|spaceport|metaverse|"
    r"smart\s+city|smart\s+cities|digital\s+twins?|apps?|genomics|electric\s+passenger\s+plane|"
    r"AI\s+traffic\s+lights|semiconductors?|electric\s+vehicles?|bio-based\s+plastics)\b",
    re.I,
)

#: Verbs that make a technology the goal itself: "develop a self-driving car".
TECH_GOAL_VERB = re.compile(
    r"\b(?:develop|build|deploy|roll\s+out|realise|realize|create|launch|install|fly|"
    r"put|construct|commercialise|commercialize|become|make)\b",
    re.I,
)

_PROJECT_NOUNS = (
    "line|railway|bridge|road|motorway|tunnel|airport|port|plant|reactor|stadium|centre|"
    "center|hub|prize|programme|program|fair|ticket|app|platform|spaceport|metro|dam|campus|"
    "park|car|computer|supercomputer|turbine|plane|tower|expo|exhibition|summit|corridor|"
    "bypass|expressway|highway|busway|interchange|terminal|flyover|viaduct|canal|pipeline"
)

#: One project presented as the mission: "build a new metro line",
#: "electrify the Amberport–Kessa railway", "host the largest fair", and a
#: project known by its name, without "a" or "the": "build BRT Corridor 1",
#: "open Line 3", "complete the Northern Bypass".
SINGLE_PROJECT_PATTERN = re.compile(
    r"\b(?:build|construct|open|electrify|complete|finish|deliver|launch|host|create|set\s+up|"
    r"establish|run|upgrade|extend|widen)\s+(?:and\s+\w+\s+)?"
    r"(?:(?:a|an|the|one|a\s+single|our|[A-Z][\w'’-]*(?:'s|’s))\s+(?:[\w'’–-]+\s+){0,4}?"
    rf"(?:{_PROJECT_NOUNS})s?\b(?:\s+(?:{_PROJECT_NOUNS})s?\b)?"  # "metro line"
    # a name: capitalised words ending in a project noun, maybe a number ("BRT Corridor 1")
    r"|(?-i:(?:[A-Z][\w'’–-]*\s+){0,4}"
    + "(?:" + "|".join(n.capitalize() for n in _PROJECT_NOUNS.split("|")) + ")"
    + r")\b)(?:\s+(?-i:[A-Z]?\d+[A-Za-z]?)\b)?",
    re.I,
)

#: Outputs (things bought or built) counted as the target: "500 electric buses".
OUTPUT_TARGET_PATTERN = re.compile(
    r"\b(?:deliver|buy|purchase|procure|install|put|build|construct|open|deploy|roll\s+out|produce|"
    r"manufacture|plant|train|hire|recruit|distribute|equip)\s+"
    r"(?:\d[\d,.]*(?:\s+(?:thousand|million|billion))?|(?:" + NUMBER_WORD + r")(?:\s+(?:" + NUMBER_WORD
    + r"))*)\s+"
    r"(?:new\s+|more\s+|extra\s+|electric\s+|zero-emission\s+|green\s+|solar\s+)*"
    r"(?:buses|trains|trams|tram\s+lines|lines|chargers|charging\s+points|stations|vehicles|"
    r"cars|kilometres|km|roads|bridges|hubs|plants|apps|platforms|trees|tonnes|tons|homes|houses|"
    r"dwellings|units|panels|teachers|nurses|doctors|health\s+workers|schools|clinics|hospitals|"
    r"classrooms|beds|laptops|devices|sensors|wells|toilets|pilots|projects)\b",
    re.I,
)

#: Words showing an outcome for people or the planet, rather than a tool.
OUTCOME_PATTERN = re.compile(
    r"\b(?:deaths?|injur(?:y|ies)|health|healthy|lives|life|pollution|air|emissions?|"
    r"commut\w*|travel\s+time|journeys?|trips?|access|reach|poverty|income|obesity|"
    r"diseases?|cancer|hunger|food|waste|safe|safety|safer|climate|carbon|resilien\w*|"
    r"productivity|readiness|backlogs?|wait\w*|living\s+standards|well-being|wellbeing|"
    r"biodiversity|soils?|rivers?|seas?|ocean|energy\s+use|exposed|noise|affordable|"
    r"learn\w*|read|reading|literacy|numeracy|school|jobs|homes|cost\w*|price\w*)\b",
    re.I,
)

#: Words that name who benefits (used in C1 feedback).
PEOPLE_PATTERN = re.compile(
    r"\b(?:people|children|patients|households|citizens|women|men|families|lives|residents|"
    r"pupils|workers|communities|commuters|everyone|young\s+people|older\s+people|elderly)\b",
    re.I,
)

#: Sectors and actors: naming several suggests the mission needs them all (C4).
SECTOR_PATTERNS: dict[str, re.Pattern[str]] = {
    "transport": re.compile(
        r"\b(?:transport|mobility|commut\w*|bus(?:es)?|metro|trams?|cycl\w*|walk\w*|roads?|"
        r"traffic|cars?|vans?|vehicles?|ships?|shipping|rail\w*|journeys?|trips?|travel\w*)\b",
        re.I,
    ),
    "health": re.compile(
        r"\b(?:health\w*|diseases?|cancer|obesity|patients?|hospitals?|care|medicines?|"
        r"vaccines?|life\s+expectancy)\b",
        re.I,
    ),
    "environment": re.compile(
        r"\b(?:air|pollution|pm2\.5|emissions?|climate|carbon|co2|co₂|biodiversity|soils?|"
        r"ocean|waters?|rivers?|seas?|plastic|waste|environment\w*|greenhouse)\b",
        re.I,
    ),
    "energy": re.compile(
        r"\b(?:energy|power|electricity|renewables?|hydrogen|fuels?|fusion|biofuels?)\b", re.I
    ),
    "education": re.compile(r"\b(?:schools?|education|learn\w*|pupils?|skills|readiness)\b", re.I),
    "housing and buildings": re.compile(
        r"\b(?:hous\w*|homes?|buildings?|construction|infrastructure|sanitation)\b", re.I
    ),
    "industry and jobs": re.compile(
        r"\b(?:industr\w*|manufactur\w*|firms?|business\w*|assembl\w*|production|jobs?|work|"
        r"employment|economy|gdp)\b",
        re.I,
    ),
    "food and farming": re.compile(
        r"\b(?:food|farm\w*|agri\w*|agro\w*|feed|meals?|livestock|fish\w*|nutrition)\b", re.I
    ),
    "digital and data": re.compile(r"\b(?:digital\w*|data|ai|software|internet)\b", re.I),
    "finance and affordability": re.compile(
        r"\b(?:afford\w*|income|prices?|costs?|budget|invest\w*|subsid\w*|finance)\b", re.I
    ),
    "safety and justice": re.compile(
        r"\b(?:safe|safety|safer|police|policing|crime|deaths?|injur\w*|security)\b", re.I
    ),
    "equity and inclusion": re.compile(
        r"\b(?:poorest|richest|women|gaps?|disadvantaged|inequal\w*|fair\w*|inclusi\w*|"
        r"socio-economic)\b",
        re.I,
    ),
    "research and innovation": re.compile(r"\b(?:research\w*|innovation|science)\b", re.I),
}

#: Words for measures (used to name the metric when one is visible).
METRIC_PATTERN = re.compile(
    r"\b(?:fine-particle\s+pollution|pm2\.5|pm10|(?:greenhouse-gas\s+|carbon\s+|co2\s+|co₂\s+|"
    r"household\s+carbon\s+)?emissions|road\s+deaths|traffic\s+deaths|(?:average\s+)?"
    r"(?:one-way\s+)?commut(?:e|ing\s+time)|travel\s+time|obesity\s+prevalence|obesity|"
    r"life\s+expectancy|healthy(?:,\s+independent)?\s+years|raw-material\s+productivity|"
    r"research\s+productivity|energy\s+use|share\s+of\s+[\w\s-]{3,40}?(?=\s+(?:from|to|by|in)\b)|"
    r"ridership|disease\s+burden|waiting\s+times?|noise|air\s+pollution|air\s+quality|"
    r"prevalence|deaths\s+and\s+injuries)\b",
    re.I,
)
UNIT_PATTERN = re.compile(
    r"µg/m³|μg/m³|ug/m3|per\s+100,000|per\s+1,000|\bminutes\b|\bkm\b|\bMt\b|\bdecibels\b|"
    r"\bper\s+kilogram\b|/kg\b|\bweeks\b",
    re.I,
)

#: Where or who: "in Marenta's three largest cities", "in England", "across Europe".
#: A month is a date, not a place: "in Nov 2023" is not a scope.
SCOPE_PATTERN = re.compile(
    rf"\b(?:in|across|throughout|for)\s+(?!(?i:{_MONTH})\.?\s)"
    r"((?:the\s+)?[A-Z][\w'’.-]*(?:(?:,\s+|\s+and\s+|\s+)"
    r"[A-Z][\w'’.-]*)*(?:\s+(?:three|two|four|five|largest|main|major|pilot|biggest|cities|"
    r"regions|communities|households|ports|junctions|streets|schools|hospitals|roads|"
    r"university|hospital|sea|area|routes)){0,4})"
)

#: Verbs that begin a change target ("cut X by 30%"); used to cut out the target phrase.
TARGET_VERBS = re.compile(
    r"\b(?:cut|cuts|reduce|reduces|lower|lowers|halve|halves|raise|raises|increase|increases|"
    r"lift|lifting|bring|reach|reaches|restore|protect|double|triple|grow|improve|save|"
    r"shrink|shrinks|fall|falls|drop|lift|boost|make|get|keep|spend|reach)\b",
    re.I,
)

#: Where the target phrase stops, after its number.
TARGET_PHRASE_STOP = re.compile(
    r"\s+(?:by|before|until|till|through|no\s+later\s+than|not\s+later\s+than|from|"
    r"compared|relative|than\s+(?=in\b|it\b|they\b|(?:19|20|21)\d{2})|up\s+from|"
    r"down\s+from|since|so\s+that|while|with|thanks\s+to|"
    r"via|using|acting|as)\b"
    r"|\s+in\s+(?=(?:19|20|21)\d{2}|[A-Z]|the\s+[A-Z]|our\b|these\b|its\b|their\b|each\b|"
    r"every\b|all\b)"
    r"|\s+to\s+(?=[A-Z]|the\s+[A-Z]|(?:19|20|21)\d{2})|\s+(?=(?:19|20|21)\d{2}\b)"
    r"|\s+(?:it|they|we|there)\s+(?:did|was|were|had)\b"
    r"|\s+(?:over|during)\s+the\b|\s+within\s+(?:a|the|\S+\s+years?)\b"
    r"|[;:()]|,(?!\d{3})|\.(?!\d)|\s+→"
    r"|\s+and\s+(?=(?:cut|reduce|raise|restore|reach|solve|triple|double|halve|decide|protect|"
    r"lower|increase|build)\b)"
)

#: Words and phrases that qualify a number and belong in the target phrase.
TARGET_QUALIFIERS = re.compile(
    r"(?:\b(?:at\s+least|more\s+than|less\s+than|fewer\s+than|no\s+more\s+than|up\s+to|"
    r"about|around|over|under|below|above|within|a\s+record|some|nearly|almost|only)\s+)+$",
    re.I,
)
