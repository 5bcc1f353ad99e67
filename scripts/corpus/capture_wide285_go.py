"""Round 285, Go and shell: a bale mill's tally in Go (`flaxtally`, a stdlib-only module written here with bugs put in
and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet over a
file of vet findings, go build errors) and shellcheck over the glazebook app's deploy scripts written here with faults
put in. Each kind's extractor is the earlier rounds' (go test / go build from capture_wide15_langs, go vet from
capture_more, shellcheck from capture_wide15_diag), imported; a chain's from each part's own (round 9b). Run through
capture_wide285.py. The material is round 273's (capture_wide273_go.make_steps) in this round's words."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide285 import cap

FIBRES = [
    "Courtrai Line",
    "Riga Tow",
    "Ulster Dew",
    "Pernau Flax",
    "Dutch Blue",
    "Irish Green",
    "Scutched Tow",
    "Hackled Line",
    "Water Retted",
    "Dew Retted",
    "Helles",
    "Kölsch",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "flaxtally"),
    ("casebook", "glazebook"),
    ("ledger host", "kiln host"),
    ("litres left, days", "kilos left, days"),
    ("nothing left to pour", "nothing left to scutch"),
    ("pour order", "retting order"),
    ("pour grade", "line grade"),
    ("Keg", "Bale"),
    ("keg", "bale"),
    ("Beer", "Fibre"),
    ("beer", "fibre"),
    ("Cellar", "Mill"),
    ("cellar", "mill"),
    ("Pints", "Hanks"),
    ("pints", "hanks"),
)

STEPS = make_steps(cap, "flaxtally", "glazebook", 28550, FIBRES, RENAMES)
