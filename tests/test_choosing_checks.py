"""Module 02 (choosing): each check judged on a table of realistic answers (5 that deserve praise, 5 that do not).

Written before the checks. Answers that do not deserve praise include keyword lists, placeholders,
backwards reasoning and short or non-native phrasing; complete answers in non-native English are praised.
"""
from __future__ import annotations

import pytest

from missionkit import choosing
from missionkit.feedback import is_blank

LOOP = ["L04", "L05", "L06", "L07"]

# ---------------------------------------------------------------------------------------------- the cause map
# (links, leverage, reason, expected status, phrase the feedback must contain)
CAUSE_MAP = [
    (LOOP, "Bus journey times",
     "Bus lanes on the 40 busiest corridors would cut bus journey times, so riders come back and fewer cars "
     "clog the roads: it slows the vicious circle where congestion makes buses slower and pushes people into cars.",
     "good", "reinforcing"),
    (LOOP, "Unregulated minibus routes",
     "Change the rules: give minibuses fixed routes and stops. Buses lose about 6 minutes a trip behind them, and "
     "faster buses win back riders, which breaks the loop of more cars, more congestion and slower buses.",
     "good", "reinforcing"),
    (LOOP, "Fuel price subsidy",
     "The subsidy keeps fuel 31% below the region and feeds car traffic, the start of the loop. Phasing it out is "
     "a parameter in Meadows terms, so weaker, but it takes fuel out of the circle that makes buses slower.",
     "good", "reinforcing"),
    (LOOP, "Bus ridership",
     "I would push on bus ridership with cheaper passes and safer stops at night. More riders means less car "
     "traffic, less congestion and faster buses, so the same loop turns into a virtuous circle.",
     "good", "reinforcing"),
    (LOOP, "Congestion",
     "Congestion is where the loop is most visible: speeds fell from 24 to 14 km/h. A road-space rule that gives "
     "lanes to buses would cut it and let the circle of slower buses and more cars run the other way.",
     "good", "reinforcing"),
    # keyword stuffing
    (LOOP, "Congestion", "loop, leverage point, feedback, reinforcing, Meadows, system, congestion, buses",
     "partly", "list of words"),
    # placeholder
    (LOOP, "Bus journey times", "see above", "partly", "placeholder"),
    # the contested link chosen, and highway expansion as the lever (backwards: build roads to cut congestion)
    (LOOP + ["L12"], "Highway expansion",
     "Build more highway lanes so congestion goes down and everyone gets to work faster, because more roads "
     "always mean less traffic.", "revise", "contested"),
    # links missing
    (["L04", "L05"], "Bus journey times",
     "Bus lanes cut bus journey times so people come back to buses and fewer cars are on the road, which slows "
     "the loop of congestion.", "revise", "L06"),
    # short, non-native phrasing
    (LOOP, "Bus journey times", "bus lane good. fast bus.", "partly", "one or two full sentences"),
]


@pytest.mark.parametrize("links, leverage, reason, status, phrase", CAUSE_MAP)
def test_cause_map_table(links, leverage, reason, status, phrase):
    fb = choosing.check_cause_map(links, leverage, reason)
    assert fb.status == status, fb.text()
    assert phrase in fb.text(), fb.text()
    assert ("Well done" in fb.text()) == (status == "good")


def test_cause_map_blank_and_unknown():
    assert choosing.check_cause_map(..., ..., ...).status == "not answered"
    fb = choosing.check_cause_map(["L99"], "Bus ridership", "x")
    assert "L99" in fb.text() and fb.status == "revise"
    fb = choosing.check_cause_map(LOOP, "Open waste burning",
                                  "Stop waste burning because it makes 18% of PM2.5 and the air is the worst part.")
    assert "does not feed" in fb.text() and fb.status != "good"


# ---------------------------------------------------------------------------------------------- the choice
MODEL_B = (
    "I recommend candidate B, the 45-minute cities. It meets five of the eight criteria and fails none, and it "
    "speaks to every household: the average commute was 62 minutes in 2024, and 76% of households have no car. "
    "We give up the simplicity of A, one indicator owned by one ministry, and accept a harder job of "
    "co-ordination across six ministries and three cities. The consultation put C first, but 65% of respondents "
    "had a car against 24% of households; weighted, B leads with about 53%."
)
# (candidate, justification, expected status, phrase the feedback must contain)
CHOICE = [
    ("B", MODEL_B, "good", "cannot judge"),
    ("A",
     "I recommend A, clean air by 2035. PM2.5 was 38 µg/m³ in 2024, more than seven times the WHO guideline, and "
     "one indicator is easy to track and explain. The price: we give up the commute and road-safety goals for "
     "now, and the Ministry of Environment, with 40 staff, needs more people.", "good", "cannot judge"),
    ("B",
     "We choose B. It touch all households, also the 76% without car, and commute is 62 minutes in 2024. We lose "
     "the simple target of A and accept the risk that many ministries must work together, which is hard.",
     "good", "cannot judge"),
    ("A",
     "Candidate A is the safer choice for the Prime Minister: it meets five criteria and fails none, and the "
     "target, 19 µg/m³ by 2035, is clear. The trade-off is that access and safety wait; we accept that a "
     "narrower mission is easier to deliver before the 2028 election.", "good", "cannot judge"),
    ("B",
     "My advice is B. Weighted by car ownership, the consultation gives B 53% and C only 22%, so the apparent "
     "support for C comes from car owners, who were 65% of respondents. What we give up: a quick, visible "
     "industrial win from electric cars, and the support of the car assembly lobby.", "good", "cannot judge"),
    # keyword stuffing
    ("B", "bold, measurable, realistic, across sectors, many solutions, evidence, capacity, support", "revise",
     "list of words"),
    # placeholder
    ("B", "ok", "revise", "placeholder"),
    # backwards reasoning: the decision is already taken
    ("B", "B, because it is the mission the government already adopted in 2025, so it must be the right one and "
          "there is nothing to give up.", "revise", "backwards"),
    # the popular candidate on raw popularity, no give-up
    ("C", "C is the most popular candidate: 41% of people in the consultation chose it. The public wants electric "
          "cars and the government should listen to the people.", "revise", "over-represents households with a car"),
    # short, non-native phrasing
    ("A", "A better. air bad 38.", "revise", "three to five sentences"),
]


@pytest.mark.parametrize("candidate, justification, status, phrase", CHOICE)
def test_choice_table(candidate, justification, status, phrase):
    fb = choosing.check_choice(candidate, justification)
    assert fb.status == status, fb.text()
    assert phrase in fb.text(), fb.text()
    assert ("Well done" in fb.text()) == (status == "good")


def test_choice_blank_shows_no_model_answer_and_candidate_c_names_its_failures():
    fb = choosing.check_choice(..., ...)
    assert fb.status == "not answered" and "model answer" not in fb.text().lower()
    fb = choosing.check_choice("C", "I recommend C because 500,000 electric cars by 2030 is easy to count. We give "
                                    "up bus and road-safety work, and accept a narrower mission.")
    assert "across sectors" in fb.text() and "many solutions" in fb.text() and fb.status != "good"
    assert "model answer" in fb.text().lower() and "Self-check" in fb.text()


# ---------------------------------------------------------------------------------------------- the assembly
GOOD_MANDATE = "Which of the three candidate missions should Marenta pursue, and what would make it fair to you?"
# (design, expected status, phrase the feedback must contain)
ASSEMBLY = [
    ({"members": 100, "selection": "random, stratified", "stratify_by": ["city", "car in the household", "age",
      "gender"], "days": 6, "mandate": GOOD_MANDATE, "commitment": "respond to each recommendation"},
     "good", "respond"),
    ({"members": 60, "selection": "random, stratified", "stratify_by": ["city", "car in the household", "income"],
      "days": 4, "mandate": "How should Marenta cut commute times to 45 minutes by 2035 in a way people find fair?",
      "commitment": "respond to each recommendation"}, "good", "respond"),
    ({"members": 150, "selection": "random, stratified", "stratify_by": ["city", "car in the household", "age",
      "gender", "education"], "days": 12, "mandate": "What should the government give up, and what should it "
      "keep, to reach the mission by 2035?", "commitment": "respond to each recommendation"}, "good", "150"),
    ({"members": "80", "selection": "random, stratified", "stratify_by": "city; car in the household; age",
      "days": "5 days", "mandate": "Which trade-offs between the candidates are acceptable to you, and why?",
      "commitment": "respond to each recommendation"}, "good", "respond"),
    ({"members": 108, "selection": "random, stratified", "stratify_by": ["car in the household", "city"],
      "days": 6, "mandate": "Should Marenta choose clean air, 45-minute cities or electric cars, and on what terms?",
      "commitment": "respond to each recommendation"}, "good", "108"),
    # volunteers: repeats the consultation's skew
    ({"members": 100, "selection": "volunteers", "stratify_by": [], "days": 6, "mandate": GOOD_MANDATE,
      "commitment": "respond to each recommendation"}, "revise", "65%"),
    # promise everything
    ({"members": 100, "selection": "random, stratified", "stratify_by": ["city", "car in the household"],
      "days": 6, "mandate": GOOD_MANDATE, "commitment": "implement everything"}, "revise", "146"),
    # too small, too short
    ({"members": 12, "selection": "random, stratified", "stratify_by": ["city", "car in the household"], "days": 0.5,
      "mandate": GOOD_MANDATE, "commitment": "respond to each recommendation"}, "revise", "one full day"),
    # placeholder mandate, no car stratum
    ({"members": 100, "selection": "random, stratified", "stratify_by": ["age"], "days": 6, "mandate": "tbd",
      "commitment": "respond to each recommendation"}, "partly", "car in the household"),
    # keyword-list mandate, no commitment
    ({"members": 100, "selection": "random, stratified", "stratify_by": ["city", "car in the household"], "days": 6,
      "mandate": "transport, air, mission, citizens", "commitment": "no commitment"}, "revise", "question"),
]


@pytest.mark.parametrize("design, status, phrase", ASSEMBLY)
def test_assembly_table(design, status, phrase):
    fb = choosing.check_assembly(design)
    assert fb.status == status, fb.text()
    assert phrase in fb.text(), fb.text()
    assert ("Well done" in fb.text()) == (status == "good")


def test_assembly_blank_and_bad_values():
    assert choosing.check_assembly(...).status == "not answered"
    assert choosing.check_assembly({"members": ..., "selection": ..., "stratify_by": ..., "days": ...,
                                    "mandate": ..., "commitment": ...}).status == "not answered"
    fb = choosing.check_assembly({"members": "lots", "selection": "random, stratified"})
    assert fb.status == "revise" and "in figures" in fb.text()
    fb = choosing.check_assembly({"selection": "by lottery"})
    assert "Choose one of" in fb.text()


def test_tables_have_five_and_five():
    for table in (CAUSE_MAP, CHOICE, ASSEMBLY):
        good = [row for row in table if row[-2] == "good"]
        assert len(table) >= 10 and len(good) >= 5 and len(table) - len(good) >= 5
    assert not is_blank(MODEL_B)


# ---------------------------------------------------------------------------------------------- the pitch
PITCH = [
    ("Every day people in our cities lose two hours in traffic and breathe air seven times dirtier than is safe. "
     "By 2035 everyone will reach work, school and a clinic in 45 minutes by clean, safe means. A law and a board "
     "with all parties on it will keep the promise after the next election.", "good"),
    ("Mothers in Kessa spend more on the bus than on food, and the bus is slow. By 2035 the trip to work or school "
     "takes 45 minutes at most. Parliament's transport committee, with members from every party, reviews progress "
     "each year.", "good"),
    ("Our children breathe dirty air on the way to school. We promise to halve it by 2035. The mission sits in law, "
     "with a multi-year budget, so a new government cannot drop it quietly.", "good"),
    ("Traffic steals an hour of every working day. In 2035 no commute in our three cities will take more than 45 "
     "minutes. An independent board and a public report every March will keep it alive whoever wins in 2028.",
     "good"),
    ("People wait too long for buses that never come and die on our roads. By 2035 we cut the wait and the deaths "
     "by half. Cross-party support in the Assembly and the three city mayors will carry it past any election.",
     "good"),
    ("problem, promise, 2035, cross-party, law, board", "not good"),
    ("tbd", "not good"),
    ("We will do a mission because missions are good and the Prime Minister likes missions.", "not good"),
    ("Transport better 2035.", "not good"),
    ("The mission is to implement an integrated multimodal policy framework leveraging synergies across "
     "stakeholders to optimise mobility outcomes.", "not good"),
]


@pytest.mark.parametrize("text, verdict", PITCH)
def test_pitch_table(text, verdict):
    fb = choosing.check_pitch(text)
    assert (fb.status == "good") == (verdict == "good"), fb.text()
    assert "cannot judge" in fb.text()


def test_pitch_blank():
    assert choosing.check_pitch(...).status == "not answered"
