"""Typical wrong answers for module 12 and the phrase the feedback must contain."""
WRONG_ANSWERS = {
    "12-capstone": [
        ("peer_review", '{"statement": "ok"}', "is not one of"),
        ("feedback_for_author", '"Looks good."', "Say what could be better"),
    ],
}
