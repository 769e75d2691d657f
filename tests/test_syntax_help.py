"""A syntax error in a participant's cell is explained in plain language, never as a traceback."""
from __future__ import annotations

import pytest

from missionkit import install_syntax_help
from missionkit.errors import explain_syntax_error

CASES = [  # (what the participant typed, words the explanation must hold, line)
    ('answer = {"W1": "target}\n', "missing quote", 1),
    ('answer = {\n    "W1": "target",\n    "W2": "deadline"\n', "missing closing bracket", 1),
    ('answer = {\n    "W1": "target"\n    "W2": "deadline",\n}\n', "missing comma at the end of the line before", 3),
    ('answer = ["P048", "P031"]]\n', "closing bracket too many", 1),
    ('answer = {"W1": ["target"}\n', "brackets of different kinds", 1),
    ('answer = {"W1": "target" "W2": "deadline"}\n', "missing comma", 1),
    ('answer = \u201ctarget\u201d\n', "curly quote", 1),
    ('answer = "x"\n  other = "y"\n', "spaces at the start", 2),
    ('answer = (\n    "one line "\n    "two lines"\n', "missing closing bracket", 1),
]


def _error(source: str) -> SyntaxError:
    with pytest.raises(SyntaxError) as info:
        compile(source, "<cell>", "exec")
    return info.value


@pytest.mark.parametrize(("source", "words", "line"), CASES)
def test_explanation_names_the_probable_mistake_and_the_line(source, words, line):
    text = explain_syntax_error(_error(source))
    assert words in text
    assert _error(source).lineno == line
    assert f"line {line}" in text
    assert "Traceback" not in text and "SyntaxError" not in text
    assert "Nothing you saved has been lost" in text
    assert "How to fix it" in text


def test_the_shell_shows_the_explanation_instead_of_a_traceback(capsys):
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    shown = []
    try:
        import IPython.display as d
        real = d.display
        d.display = lambda obj, **kw: shown.append(obj)  # what the participant would see
        assert install_syntax_help(shell)
        assert install_syntax_help(shell)  # twice (setup() re-run) wraps only once
        result = shell.run_cell('classification = {"EU 100 climate-neutral cities": "transformer mission}\n')
    finally:
        d.display = real
        InteractiveShell.clear_instance()
    assert not result.success
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err and "SyntaxError" not in out.out + out.err
    assert len(shown) == 1
    assert "missing quote" in shown[0]["text/plain"] and "line 1" in shown[0]["text/plain"]
    assert 'role="alert"' in shown[0]["text/html"]
    # an error raised while code runs keeps IPython's own display
    result = shell.run_cell('eval("1 +")\n')
    assert not result.success and len(shown) == 1


def test_outside_ipython_nothing_happens():
    assert install_syntax_help() is False
