"""Round 305, Go and shell: a water mill's sack tally in Go (`millrace`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet over a file of
vet findings, go build errors) and shellcheck over the kilnyard app's deploy scripts with faults put in. The material
is round 273's generator (capture_wide273_go.make_steps), imported and given this round's names, seed and words, as
rounds 292 and 297 call it; each kind's extractor is the earlier rounds' (go test / go build from capture_wide15_langs,
go vet from capture_more, shellcheck from capture_wide15_diag); a chain's from each part's own (round 9b). Run through
capture_wide305.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide305 import cap

# the names in the generated code table (round 273's beers): old grain and flour names
GRAINS = [
    "Maris Widgeon",
    "Red Lammas",
    "Squarehead Master",
    "Rivet Wheat",
    "Spelt Flour",
    "Einkorn",
    "Emmer Meal",
    "Bere Barley",
    "Black Oats",
    "Hebridean Rye",
    "Buckwheat",
    "Millet",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "millrace"),
    ("casebook", "kilnyard"),
    ("ledger host", "hopper host"),
    ("litres left, days", "bushels left, days"),
    ("nothing left to pour", "nothing left to grind"),
    ("pour order", "grinding order"),
    ("pour grade", "meal grade"),
    ("Keg", "Sack"),
    ("keg", "sack"),
    ("Beer", "Grain"),
    ("beer", "grain"),
    ("Cellar", "Mill"),
    ("cellar", "mill"),
    ("Pints", "Pecks"),
    ("pints", "pecks"),
)

STEPS = make_steps(cap, "millrace", "kilnyard", 30550, GRAINS, RENAMES)
