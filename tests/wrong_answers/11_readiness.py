"""Typical wrong answers for module 11 and the phrase the feedback must contain."""
WRONG_ANSWERS = {
    "11-readiness": [
        ("weakest", '["R3", "R5"]', "average (mean)"),
        ("decision", '"go"', "The profile says stop and fix"),
        ("unfunded", '["O5"]', "Thin is not the same as unfunded"),
        ("donor_advice", '"Fund O4."', "Say something about the overlap"),
    ],
}
