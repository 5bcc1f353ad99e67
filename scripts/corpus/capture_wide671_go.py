"""Round 671, Go and shell: a slater's tally of roofs in Go (`duchessyard`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `battenloft` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (67110) and words, as rounds
292-657 call it; each kind's extractor is the earlier rounds'. Run through capture_wide671.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide671 import cap

# the names in the generated code table (round 273's beers): what a slater rives, hangs and nails
WARES = ["Slate", "Batten", "Lath", "Duchess", "Countess", "Lady", "Peg", "Ridge", "Course", "Nail", "Verge", "Hip"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "duchessyard"),
    ("casebook", "battenloft"),
    ("ledger host", "slate yard office"),
    ("litres left, days", "slates left, days"),
    ("nothing left to pour", "no slate left to hang"),
    ("pour order", "hanging order"),
    ("pour grade", "slate grade"),
    ("Keg", "Roof"),
    ("keg", "roof"),
    ("Beer", "Slate"),
    ("beer", "slate"),
    ("Cellar", "Yard"),
    ("cellar", "yard"),
    ("Pints", "Slates"),
    ("pints", "slates"),
)

STEPS = make_steps(cap, "duchessyard", "battenloft", 67110, WARES, RENAMES)
