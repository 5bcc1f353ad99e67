"""Round 364, Go and shell: a bell foundry's mould and bell-metal tally in Go (`mouldtally`, a stdlib-only module with
bugs put in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet
over a file of vet findings, go build errors) and shellcheck over the pealport app's deploy scripts with faults put in.
The material is round 273's generator (capture_wide273_go.make_steps), imported and given this round's names, seed
(36410) and words, as rounds 292-361 call it; each kind's extractor is the earlier rounds' (go test / go build from
capture_wide15_langs, go vet from capture_more, shellcheck from capture_wide15_diag); a chain's from each part's own
(round 9b). Run through capture_wide364.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide364 import cap

# the names in the generated code table (round 273's beers): a bell foundry's bells, alloys and mould stuff
GRAINS = [
    "Great Tenor",
    "Sanctus Bell",
    "Treble Ring",
    "Bell Metal 78-22",
    "Loam Cope",
    "Horse Dung Core",
    "Crown Staple",
    "Clock Bell",
    "Handbell Set",
    "Carillon Bass",
    "Brick Core",
    "Tuning Fork",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "mouldtally"),
    ("casebook", "pealport"),
    ("ledger host", "foundry host"),
    ("litres left, days", "kilos left, days"),
    ("nothing left to pour", "nothing left to cast"),
    ("pour order", "casting order"),
    ("pour grade", "tuning grade"),
    ("Keg", "Mould"),
    ("keg", "mould"),
    ("Beer", "Bell"),
    ("beer", "bell"),
    ("Cellar", "Foundry"),
    ("cellar", "foundry"),
    ("Pints", "Peals"),
    ("pints", "peals"),
)

STEPS = make_steps(cap, "mouldtally", "pealport", 36410, GRAINS, RENAMES)
