from missionkit.feedback import Feedback, is_blank


def test_blank_placeholders():
    assert is_blank(...) and is_blank(None) and is_blank("  ") and is_blank({"a": ...}) and is_blank([])
    assert not is_blank("mission") and not is_blank({"a": ..., "b": "x"}) and not is_blank(0)


def test_feedback_escapes_participant_text_in_html_and_markdown():
    fb = Feedback("revise", "Your statement", improve=["<img src=x onerror=alert(1)>"])
    assert "<img" not in fb.to_html() and "&lt;img" in fb.to_html()
    assert "<img" not in fb._repr_markdown_()


def test_feedback_is_formative_not_a_bare_score():
    fb = Feedback("partly", "Q1", strengths=["names a deadline"], improve=["add a baseline"], why="targets need one",
                  sources=["Mazzucato (2018)"])
    text = fb.text()
    for part in ("Partly there", "names a deadline", "add a baseline", "targets need one", "Mazzucato"):
        assert part in text
