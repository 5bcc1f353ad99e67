#!/usr/bin/env python3
"""Round 498: issue #11's kinds with hostile features on real h-p packages (hex-rgb, parse-ms, human-signals,
is-odd, hosted-git-info, hexdump, ormsgpack), round 434's material renamed to a pilot station's words (seed 49810)
through round 489's module (imported, given this round's words), round 368's Rust crate and round 273's Go module
in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 498.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_more as cm  # noqa: E402
import capture_wide368 as w368  # noqa: E402
import capture_wide434 as w434  # noqa: E402
import capture_wide472 as w472  # noqa: E402
import capture_wide489 as w489  # noqa: E402  (step_c, step_rust: given this round's words below)
from capture_wide273_go import make_steps  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import (n_json_file, n_lock, n_npm_install, n_npm_view,  # noqa: E402
                                 n_pip_install)
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_oc import n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide2 import n_json_log  # noqa: E402
from capture_wide6_fresh import n_csv, n_ps_aux  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide498-tools")
TMP = Path("/dev/shm/hm-corpus-wide498")
OUT = Path(__file__).resolve().parent / "data" / "wide498.json"
VENV = ROOT / "venv"
SEED = 49810
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A pilot station's words for round 434's gasworks ("box" first, so that "cutterbox" stays whole).
PILOT = (
    ("box", "rung"),
    ("Una Stoker", "Ned Boatman"), ("una@gasworks", "ned@pilotstation"), ("gasworks", "pilotstation"),
    ("retortbed", "ladderhouse"), ("stoke_retorts", "board_ships"), ("charge_retort", "rig_ladder"),
    ("draw_retort", "stow_ladder"), ("purge_holder", "bail_cutter"), ("PurgeError", "BailError"),
    ("gasholder_svc", "cutterwatch_svc"), ("Gasholder", "Cutter"), ("gasholder", "cutter"),
    ("purifier", "leadline"), ("Purifier", "Leadline"), ("exhauster", "pilotboat"), ("scrubber", "cutterbox"),
    ("scrub", "tally"), ("Retort", "Ladder"), ("retort", "ladder"), ("holder", "boat"),
    ("oxide", "tar"), ("coal_kg", "draft_m"), ("gas_make_m3", "pilots_n"), ("coke_kg", "rope_mm"),
    ("Charge", "Boarding"), ("charge", "boarding"), ("stoke", "board"), ("H2S", "SWELL"),
    ("coal", "fuel"), ("coke", "rope"), ("gas", "sea"), ("lift", "hoist"), ("bench", "berth"),
    ("43412", "49812"),
)
w472.LIGHT = PILOT
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 49812
pil = w472.light

BOARD_UTF16 = "".join(f"{h:02d}:15\tladder {1 + h % 3} rigged\tswell {1 + h % 4} m\tcutter {'away' if h % 5 == 0 else 'alongside'}\r\n"
                      for h in range(30))
PILOTS = [("Søren Ærø", "cutter", 38), ("Élodie Lefèvre", "launch", 11), ("Pádraig Ó Súilleabháin", "boarding ladder", 6),
          ("Jürgen Mößner", "cutter", 27), ("Maëlle Perrière", "cutter", 21), ("Begoña Ibáñez", "cutter", 18),
          ("Zoë Krüger", "leadline", 2), ("Théo Ménard", "cutter", 49), ("Øyvind Ståhl", "cutter", 31),
          ("Conceição Leão", "cutter", 14), ("Gaël Le Bihan", "launch", 8), ("Åsa Sjöström", "cutter", 36)]


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / pil("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    (d / "purifier.min.js").write_text(pil(w472.with_light(w434.minified)))
    d = Path(d)
    (d / "data/boarding_utf16.log").write_bytes(BOARD_UTF16.encode("utf-16"))
    (d / "data/pilots.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in PILOTS).encode("latin-1", "replace"))
    c = lambda i, cmd, ext, **k: cap(i, pil(cmd), d, ext, **k)  # noqa: E731  commands written in 434's words
    c("pytest-v", "python -m pytest -v", n_pytest)
    c("pytest-long-recursion", "python -m pytest --tb=long tests/test_charge.py", n_pytest)
    c("pytest-tty", "python -m pytest -rA --tb=short", n_pytest, tty=True)
    c("pytest-chain-cat", "cat data/box3.dat; python -m pytest -q tests/test_purifier.py tests/test_holder.py", n_pytest)
    c("ruff", "ruff check --no-cache .", n_ruff)
    c("ruff-tty", "ruff check --no-cache --output-format=full src tests", n_ruff, tty=True)
    c("mypy", "mypy --strict --no-incremental src stoke_retorts.py", n_mypy)
    c("mypy-chain", f"cd {d} && mypy --no-incremental --strict --pretty src tests 2>&1 | tail -n 40", n_mypy)
    c("recursion-traceback", "python stoke_retorts.py 5", n_chained)
    c("chained-traceback-cat", "cat data/box3.dat && python purge_holder.py", n_chained)
    cap("grep-rna-utf16", "cat data/boarding_utf16.log data/pilots.txt; grep -rna 'ladder' src data leadline.min.js", d, n_grep_rn)
    c("git-status", "git status", n_status)
    c("git-diff-text", "git diff --text", n_diff)
    c("git-log-p", "git log -p", n_log_p)
    c("git-show-text", "git show --text HEAD~2", n_show)
    c("pytest-x-tail", f"cd {d} && python -m pytest -q -x 2>&1 | tail -n 30", n_pytest)
    c("ruff-concise-head", "ruff check --no-cache --output-format=concise . | head -n 20", n_ruff)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = pil(w434.SVC)
    for name, nb, big, na in (("cutterwatch_a.py", 70, 450, 80), ("cutterwatch_b.py", 50, 700, 120)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python cutterwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python cutterwatch_b.py 2>&1 | grep -v '\"rung cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k2 -n > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 120", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["pilot,post,boardings,swell_m,station"]
    for i in range(70):
        n, p, _ = PILOTS[i % len(PILOTS)]
        rows.append(f"{n},{p},{rnd.randint(3, 950)},{rnd.randint(5, 60) / 10},{'Hook Pilot' if i % 29 else 'Ness Pilot'}")
    (d / "pilots.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat pilots.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"rope_mm": rnd.randint(18, 28)}
    for i in range(depth, 0, -1):
        cfg = {"rung": i, "draft_m": rnd.randint(30, 180) / 10, "ladder": cfg}
    return json.dumps({"name": "pilot-boarding-book", "version": "0.4.1", "private": True,
                       "dependencies": {"hex-rgb": "*", "is-odd": "*", "hosted-git-info": "*"},
                       "pilotstation": {"ladders": cfg}})


def step_pkg(tmp: Path) -> None:
    d = tmp / "boardingbook"
    d.mkdir()
    (d / "package.json").write_text(deep_pkg(230))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    cap("npm-view-hex-rgb", "npm view hex-rgb --json", d, n_npm_view, timeout=120)
    cap("npm-view-parse-ms", "npm view parse-ms --json", d, n_npm_view, timeout=120)
    cap("npm-view-human-signals", "npm view human-signals --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http hex-rgb is-odd hosted-git-info", n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-hosted-git-info", "grep -rn 'function' node_modules/hosted-git-info/lib", n, n_grep_rn)
    cap("grep-rn-cat-is-odd", "cat node_modules/is-odd/package.json; grep -rn 'throw' node_modules/is-odd node_modules/is-number --include=*.js | head -n 40", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on hexdump ormsgpack", tmp,
        n_pip_install, tty=True, timeout=300)


w489.RUST_RENAMES = (
    ("yarnwinder", "hoistrope"),
    ("Yarn winding: bobbins, turns and the length on a winder.", "Hoist ropes: coils, turns and the rope on a pilot boat's winch."),
    ("hawser_name", "ladder_name"), ('"cable-laid"', '"rope-ladder"'), ('"hawser"', '"manrope"'), ('"shroud"', '"heaving-line"'),
    ('"cable"', '"painter"'), ("9 is cable-laid", "9 is a rope-ladder"), ("Bobbin", "Coil"), ("winder_speed", "winch_speed"),
    ("spool", "coil_fill"), ("winding {", "hoist {"),
)

GO_NAMES = ["Pilot Cutter", "Hook Launch", "Ness Launch", "Boarding Ladder", "Manrope Pair", "Heaving Line",
            "Leadline Bay", "Cutter Two", "Pilot Ladder", "Combination Ladder", "Station Boat", "Tender Four"]
GO_RENAMES = (
    ("kegtally", "pilottally"), ("casebook", "boatroom"), ("ledger host", "station host"),
    ("litres left, days", "pilots left, hours"), ("nothing left to pour", "nothing left to board"),
    ("pour order", "boarding order"), ("pour grade", "swell grade"), ("Keg", "Cutter"), ("keg", "cutter"),
    ("Beer", "Pilot"), ("beer", "pilot"), ("Cellar", "Station"), ("cellar", "station"), ("Pints", "Boardings"), ("pints", "boardings"),
)
GO_STEP = make_steps(w472.go_cap, "pilottally", "boatroom", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff", "mypy", "pytest"])


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide498-", OUT, TMP)
