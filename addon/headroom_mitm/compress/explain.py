"""pytest says why a test failed on lines that open with "E   " under the failure (the assertion
with its values, the exception and its message). Their words need not read like a failure
("shop.cart.OutOfStock: sku 'sku5' has only 0 left"), so the first line of each such run is
made a must-stay line of its own: it is the failure's message.
"""

from __future__ import annotations

from .lineindex import LineIndex
from .select import MUST

_SECTIONS = ("= FAILURES =", "= ERRORS =")  # pytest's banners: the "E" lines are its own


def keep_first_explanations(index: LineIndex, rank: list[int]) -> None:
    if not any(s in index.text for s in _SECTIONS) or "\nE " not in index.text:
        return
    prev = -2
    for i in sorted(index.hits(("\nE   ", "\nE\n"), case=True)):  # a bare "E" continues the run
        if i != prev + 1 and index.lines[i] != "E":
            rank[i] = MUST
        prev = i
