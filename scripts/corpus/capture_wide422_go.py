"""Round 422, Go and shell: a foundry's fettling-bench and ladle tally in Go (`fettletally`, a stdlib-only module with
bugs put in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go
vet over a file of vet findings, go build errors) and shellcheck over the pourbook app's deploy scripts with faults
put in. The material is round 273's generator (capture_wide273_go.make_steps), imported and given this round's names,
seed (42210) and words, as rounds 292-409 call it; each kind's extractor is the earlier rounds' (go test / go build
from capture_wide15_langs, go vet from capture_more, shellcheck from capture_wide15_diag); a chain's from each part's
own (round 9b). Run through capture_wide422.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide422 import cap

# the names in the generated code table (round 273's beers): a foundry's castings, irons and alloys
CASTINGS = [
    "Grey Iron Manhole",
    "Ductile Valve Body",
    "Malleable Bracket",
    "Bronze Bell Blank",
    "Gunmetal Impeller",
    "Cupola Tuyere",
    "Sand Cast Flywheel",
    "Shell Moulded Gear",
    "Chilled Roll",
    "Investment Cast Blade",
    "Pig Iron Ingot",
    "Brass Pump Casing",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "fettletally"),
    ("casebook", "pourbook"),
    ("ledger host", "melt host"),
    ("litres left, days", "kilos left, days"),
    ("nothing left to pour", "nothing left to cast"),
    ("pour order", "casting order"),
    ("pour grade", "melt grade"),
    ("Keg", "Ladle"),
    ("keg", "ladle"),
    ("Beer", "Casting"),
    ("beer", "casting"),
    ("Cellar", "Cupola"),
    ("cellar", "cupola"),
    ("Pints", "Kilos"),
    ("pints", "kilos"),
)

STEPS = make_steps(cap, "fettletally", "pourbook", 42210, CASTINGS, RENAMES)
