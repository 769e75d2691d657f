"""Typical wrong answers for module 02 and the phrase the feedback must contain."""
WRONG_ANSWERS = {
    "02-choosing": [
        ("loop_links", '["L04", "L05", "L12"]', "contested"),
        ("choice", '{"candidate": "C", "justification": "C is the most popular candidate: 41% of people in the '
                   'consultation chose it. The public wants electric cars and the government should listen."}',
         "over-represents households with a car"),
        ("assembly", '{"members": 100, "selection": "volunteers", "stratify_by": [], "days": 6, "mandate": '
                     '"Which candidate should Marenta pursue, and on what terms?", '
                     '"commitment": "implement everything"}',
         "Do not promise to implement everything"),
    ],
}
