"""Round 735, Go and shell: a fish-hook maker's tally of hooks in Go (`temperbox`, a stdlib-only module with bugs put
in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `eyebook` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (73510) and words, as rounds
292-719 call it; each kind's extractor is the earlier rounds'. Run through capture_wide735.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide735 import cap

# the names in the generated code table (round 273's beers): the hooks a fish-hook maker forges
WARES = ["Limerick", "Kirby", "Sproat", "Aberdeen", "Octopus", "Circle", "Treble", "Jig", "Baitholder", "Carp", "Salmon", "Pike"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "temperbox"),
    ("casebook", "eyebook"),
    ("ledger host", "fish-hook maker's forge"),
    ("litres left, days", "hooks left, days"),
    ("nothing left to pour", "no wire left to draw"),
    ("pour order", "tempering order"),
    ("pour grade", "barb grade"),
    ("Keg", "Batch"),
    ("keg", "batch"),
    ("Beer", "Hook"),
    ("beer", "hook"),
    ("Cellar", "Forge"),
    ("cellar", "forge"),
    ("Pints", "Gross"),
    ("pints", "gross"),
)

STEPS = make_steps(cap, "temperbox", "eyebook", 73510, WARES, RENAMES)
