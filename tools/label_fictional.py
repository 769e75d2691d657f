"""Add '(fictional)' after the first mention of Marenta in markdown cells that lack the label.

    python tools/label_fictional.py NOTEBOOK...

A small editing aid for authors (nbformat, outputs untouched); tests/test_content_rules.py is the rule.
"""
import re
import sys

import nbformat

for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    section_label, changed = False, 0
    for cell in nb.cells:
        if cell.cell_type != "markdown" or "trainer-notes" in cell.metadata.get("tags", []):
            continue
        if re.match(r"#{1,3} ", cell.source):
            section_label = bool(re.search(r"fictional", cell.source.splitlines()[0], re.I))
        if (re.search(r"\bMarenta\b", cell.source) and not section_label
                and not re.search("fictional", cell.source, re.I)):
            cell.source = re.sub(r"\b(Marenta(?:'s)?)", r"\1 (fictional)", cell.source, count=1)
            changed += 1
    if changed:
        nbformat.write(nb, path)
    print(f"{path}: {changed} cells labelled")
