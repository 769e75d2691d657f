"""Fixtures of the JupyterLab journeys: one JupyterLab server with the lessons and the exercises."""
from __future__ import annotations

from pathlib import Path

import nbtools
import pytest

from tests.browser import lab
from tests.browser.helpers import block_external, browser


def rel(path: Path) -> str:
    return str(path.relative_to(lab.ROOT))


@pytest.fixture(scope="module")
def session():
    with lab.lab_server(nbtools.lessons() + nbtools.exercises()) as (base, tmp, workbook), browser() as ctx:
        page = ctx.new_page()
        external = block_external(page)
        yield base, workbook, page
        assert not external, f"requests tried to leave the machine: {external[:10]}"
