"""Round 292, Go and shell: a pirn shed's tally in Go (`weftcount`, a stdlib-only module written here with bugs put in
and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet over a
file of vet findings, go build errors) and shellcheck over the rangebook app's deploy scripts written here with faults
put in. Each kind's extractor is the earlier rounds' (go test / go build from capture_wide15_langs, go vet from
capture_more, shellcheck from capture_wide15_diag), imported; a chain's from each part's own (round 9b). Run through
capture_wide292.py. The material is round 273's (capture_wide273_go.make_steps) in this round's words."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide292 import cap

FIBRES = [
    "Courtrai Line",
    "Riga Tow",
    "Ulster Dew",
    "Pernau Weft",
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
    ("kegtally", "weftcount"),
    ("casebook", "rangebook"),
    ("ledger host", "range host"),
    ("litres left, days", "kilos left, days"),
    ("nothing left to pour", "nothing left to weave"),
    ("pour order", "winding order"),
    ("pour grade", "line grade"),
    ("Keg", "Pirn"),
    ("keg", "pirn"),
    ("Beer", "Fibre"),
    ("beer", "fibre"),
    ("Cellar", "Shed"),
    ("cellar", "shed"),
    ("Pints", "Hanks"),
    ("pints", "picks"),
)

STEPS = make_steps(cap, "weftcount", "rangebook", 29250, FIBRES, RENAMES)
