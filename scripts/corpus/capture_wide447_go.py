"""Round 447, Go and shell: a slate quarry's incline tally in Go (`inclinetally`, a stdlib-only module with bugs put in
and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go
build errors) and shellcheck over the `slatewharf` app's deploy scripts with faults put in. The material is round
273's generator (capture_wide273_go.make_steps), imported and given this round's names, seed (44710) and words, as
rounds 292-435 call it; each kind's extractor is the earlier rounds'. Run through capture_wide447.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide447 import cap

# the names in the generated code table (round 273's beers): a slate quarry's slate sizes
SLATES = [
    "Princess",
    "Duchess",
    "Countess",
    "Marchioness",
    "Wide Lady",
    "Ladies",
    "Doubles",
    "Singles",
    "Queen Rag",
    "Imperial",
    "Empress",
    "Small Lady",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "inclinetally"),
    ("casebook", "slatewharf"),
    ("ledger host", "weighbridge host"),
    ("litres left, days", "tons left, days"),
    ("nothing left to pour", "nothing left to split"),
    ("pour order", "incline order"),
    ("pour grade", "slate grade"),
    ("Keg", "Wagon"),
    ("keg", "wagon"),
    ("Beer", "Slate"),
    ("beer", "slate"),
    ("Cellar", "Gallery"),
    ("cellar", "gallery"),
    ("Pints", "Tons"),
    ("pints", "tons"),
)

STEPS = make_steps(cap, "inclinetally", "slatewharf", 44710, SLATES, RENAMES)
