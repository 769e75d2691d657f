"""Typical wrong answers for module 12 and the phrase the feedback must contain."""
WRONG_ANSWERS = {
    "12-capstone": [
        ("marenta_levels", '{"mission": 4, "means": 3, "governance": 3, "learning": 3, "risks_ask": 3}',
         "O3 Safety and O5 have no milestone"),
        ("review_note", '"Looks good."', "is a placeholder"),
    ],
}
