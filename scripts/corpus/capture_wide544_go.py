"""Round 544, Go and shell: a fulling mill's tally in Go (`tentertally`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `teaselgate` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (54410) and words, as rounds
292-528 call it; each kind's extractor is the earlier rounds'. Run through capture_wide544.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide544 import cap

# the names in the generated code table (round 273's beers): fulling mills
MILLS = [
    "Helmshore",
    "Higher Mill",
    "Otterburn",
    "Dunster",
    "Tuckers Hall",
    "Coldharbour",
    "Bowden",
    "Trefriw",
    "Esgair Moel",
    "Walkmill",
    "Stanley",
    "Dean Clough",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "tentertally"),
    ("casebook", "teaselgate"),
    ("ledger host", "mill host"),
    ("litres left, days", "yards left, days"),
    ("nothing left to pour", "no cloth left to full"),
    ("pour order", "fulling order"),
    ("pour grade", "cloth grade"),
    ("Keg", "Tenter"),
    ("keg", "tenter"),
    ("Beer", "Mill"),
    ("beer", "mill"),
    ("Cellar", "Stock"),
    ("cellar", "stock"),
    ("Pints", "Yards"),
    ("pints", "yards"),
)

STEPS = make_steps(cap, "tentertally", "teaselgate", 54410, MILLS, RENAMES)
