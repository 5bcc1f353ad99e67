#!/usr/bin/env python3
"""Round 555: issue #11's kinds with hostile features on real a-p packages (ieee754, base64-js, ee-first,
cloudpickle, numexpr, blosc2), round 434's material renamed to a peat cutting's turf spades, stacks and cutters
(seed 55510) through round 536's module, round 489's steps and round 472's helpers (imported, given this round's
words), round 368's Rust crate, round 273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 555.
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
import capture_wide472 as w472  # noqa: E402  (LightPath, with_light, light, go_cap, ESLINT_CONFIG)
import capture_wide489 as w489  # noqa: E402  (step_c, step_rust: given this round's words below)
import capture_wide536 as w536  # noqa: E402  (round 536's module: its constants replaced below before any call)
from capture_wide273_go import make_steps  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import (n_json_file, n_lock, n_npm_install, n_npm_view,  # noqa: E402
                                 n_pip_install)
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_js import n_eslint, n_jest  # noqa: E402
from capture_wide15_oc import n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide2 import n_json_log  # noqa: E402
from capture_wide6_fresh import n_csv, n_ps_aux  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide555-tools")
TMP = Path("/dev/shm/hm-corpus-wide555")
OUT = Path(__file__).resolve().parent / "data" / "wide555.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 55510
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A peat cutting's turf spades, stacks and cutters for round 434's gasworks ("box" and "bench" first; no new word
# holds an old one, so a second pass of the table changes nothing).
PEATBOG = (
    ("box", "sodcrate"), ("bench", "turfbank"),
    ("Una Stoker", "Nora Sleaney"), ("una@gasworks", "nora@bogface"), ("gasworks", "bogface"),
    ("retortbed", "slanebog"), ("stoke_retorts", "cut_banks"), ("charge_retort", "spade_sod"),
    ("draw_retort", "spread_sod"), ("purge_holder", "drain_hag"), ("PurgeError", "HagError"),
    ("gasholder_svc", "bogwatch_svc"), ("Gasholder", "ClampStack"), ("gasholder", "clampstack"),
    ("purifier", "flaughter"), ("Purifier", "Flaughter"), ("exhauster", "sodbarrow"), ("scrubber", "creelrack"),
    ("scrub", "stook"), ("Retort", "Turfiron"), ("retort", "turfiron"), ("holder", "bogrick"),
    ("oxide", "moss"), ("coal_kg", "sods_n"), ("gas_make_m3", "bank_m"), ("coke_kg", "dry_kg"),
    ("Charge", "Cut"), ("charge", "cut"), ("stoke", "graip"), ("H2S", "WETSOD"),
    ("coal", "sod"), ("coke", "turfdust"), ("gas", "bogwater"), ("lift", "turn"),
    ("43412", "55512"),
)
w472.LIGHT = PEATBOG
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 55512
w536.SEED = SEED
db = w472.light

BOG_UTF16 = "".join(f"{h:02d}:30\tbank {1 + h % 4} face\tsods {40 + h % 13} cut\tbog {'flooded' if h % 6 == 0 else 'firm'}\r\n"
                    for h in range(30))
CUTTERS = [("Pádraig Ó Conaill", "sleán man", 31), ("Máire Ní Bhriain", "spreader", 6), ("Séamus Ó Ceallaigh", "barrowman", 2),
           ("Siobhán Ní Mhurchú", "sleán man", 22), ("Brídín Ó Súilleabháin", "sleán man", 17), ("Éamonn Mac Giolla", "sleán man", 13),
           ("Dónal Ó Néill", "footer", 1), ("Caitríona Ní Fhlaithearta", "sleán man", 44), ("Tadhg Ó Críodáin", "sleán man", 37),
           ("Áine Nic Gearailt", "sleán man", 11), ("Ciarán Ó Dúill", "spreader", 4), ("Gráinne Ní Mháille", "sleán man", 39)]


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/bog_utf16.log").write_bytes(BOG_UTF16.encode("utf-16"))
    (d / "data/bogmen.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in CUTTERS).encode("latin-1", "replace"))
    c = lambda i, cmd, ext, **k: cap(i, db(cmd), d, ext, **k)  # noqa: E731  commands written in 434's words
    c("pytest-v", "python -m pytest -v", n_pytest)
    c("pytest-long-recursion", "python -m pytest --tb=long tests/test_charge.py", n_pytest)
    c("pytest-tty", "python -m pytest -rA --tb=short tests", n_pytest, tty=True)
    c("pytest-chain-cat", "cat data/box3.dat; python -m pytest -q tests/test_holder.py tests/test_charge.py", n_pytest)
    c("ruff", "ruff check --no-cache .", n_ruff)
    c("ruff-tty", "ruff check --no-cache --output-format=full .", n_ruff, tty=True)
    c("mypy", "mypy --strict --no-incremental src purge_holder.py stoke_retorts.py", n_mypy)
    cap("mypy-chain", f"cd {d} && " + db("mypy --no-incremental --strict --pretty src tests 2>&1 | tail -n 45"), d, n_mypy)
    c("recursion-traceback", "python stoke_retorts.py 7", n_chained)
    c("chained-traceback-cat", "cat data/box3.dat && python purge_holder.py", n_chained)
    cap("grep-rna-utf16", "cat data/bog_utf16.log data/bogmen.txt; grep -rna 'sod\\|bog' src data " + db("purifier.min.js"), d, n_grep_rn)
    c("git-status", "git status", n_status)
    c("git-diff-text", "git diff --text", n_diff)
    c("git-log-p", "git log -p", n_log_p)
    c("git-show-text", "git show --text HEAD~1", n_show)
    cap("pytest-x-tail", f"cd {d} && " + db("python -m pytest -q -x 2>&1 | tail -n 35"), d, n_pytest)
    c("ruff-concise-head", "ruff check --no-cache --output-format=concise . | head -n 25", n_ruff)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = db(w434.SVC)
    for name, nb, big, na in (("bogwatch_a.py", 65, 640, 70), ("bogwatch_b.py", 50, 760, 115)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python bogwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python bogwatch_b.py 2>&1 | grep -v '\"sodcrate cycle\"' | tail -n 140", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k1,1 > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 130", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["cutter,post,sods,bank_m,bog"]
    for i in range(70):
        n, p, _ = CUTTERS[i % len(CUTTERS)]
        rows.append(f"{n},{p},{rnd.randint(40, 1900)},{rnd.randint(8, 64) / 10},{'Bellacorick' if i % 29 else 'Ballycroy'}")
    (d / "bogmen.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat bogmen.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"dry_kg": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"spit": i, "bank_m": rnd.randint(8, 64) / 10, "sod": cfg}
    return json.dumps({"name": "sodbook-ledger", "version": "0.4.1", "private": True,
                       "dependencies": {"base64-js": "*", "ee-first": "*", "ieee754": "*"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "bogface": {"banks": cfg}})


DEPTH = 230


def depth_fitting() -> int:
    """DEPTH, cut by tens until `json.tool --indent 1` of the generated JSON stays under 120,000 characters."""
    depth = DEPTH
    while len(json.dumps(json.loads(deep_pkg(depth)), indent=1)) > 118_000:
        depth -= 10
    return depth


def step_pkg(tmp: Path) -> None:
    d = tmp / "sodbook-ledger"
    d.mkdir()
    depth = depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    cap("npm-view-ieee754", "npm view ieee754 --json", d, n_npm_view, timeout=120)
    cap("npm-view-base64-js", "npm view base64-js --json", d, n_npm_view, timeout=120)
    cap("npm-view-ee-first", "npm view ee-first --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http ieee754 base64-js ee-first", n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-ieee754", "grep -rn 'buffer\\|offset' node_modules/ieee754 --include=*.js", n, n_grep_rn)
    cap("grep-rn-cat-base64-js", "cat node_modules/base64-js/package.json; grep -rn 'len' node_modules/base64-js node_modules/ee-first --include=*.js | head -n 40", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on cloudpickle numexpr blosc2", tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a peat cutting's sods, drying and stacking arithmetic, with bugs put in (fixed before the run).
LEDGER_JS = r'''const base64 = require(@@BASE64@@);
const ieee754 = require(@@IEEE754@@);

// Sods cut in a day: cutters times hours times sods an hour (bug: one hour short).
function sodsCut(cutters, hours, perHour) {
  return cutters * (hours - 1) * perHour;
}

// Days to dry: wet weight over what a day's wind takes off, rounded up (bug: rounded down).
function dryingDays(wetKg, perDayKg) {
  return Math.floor(wetKg / perDayKg);
}

// Sods in a clamp stack of a given number of layers, each layer one sod narrower a side (bug: off by one layer).
function stackSods(baseSide, layers) {
  let n = 0;
  for (let l = 1; l < layers; l++) n += (baseSide - l + 1) ** 2;
  return n;
}

// The bank's face height packed as a float32 and read back, big-endian (bug: little-endian on the read).
function faceHeight(m) {
  const buf = new Uint8Array(4);
  ieee754.write(buf, m, 0, false, 23, 4);
  return ieee754.read(buf, 0, true, 23, 4);
}

// The cutter's tally, carried as base64 of its bytes (bug: drops the last byte).
function tally(cutter, sods) {
  const bytes = new TextEncoder().encode(`${cutter}:${sods}`);
  return base64.fromByteArray(bytes.slice(0, -1));
}

function spits(depth, leaf) {
  let o = { dry_kg: leaf };
  for (let i = depth; i > 0; i--) o = { spit: i, sod: o };
  return o;
}

module.exports = { sodsCut, dryingDays, stackSods, faceHeight, tally, spits };
'''

LEDGER_TEST = r'''const { sodsCut, dryingDays, stackSods, faceHeight, tally, spits } = require("../ledger");

describe("bogface sodbook ledger", () => {
  test("three cutters at 6 hours of 40 sods cut 720 sods", () => {
    expect(sodsCut(3, 6, 40)).toBe(720);
  });

  test.each([[10, 3, 4], [9, 3, 3], [1, 2, 1]])("%i kg at %i kg a day dries in %i days", (wet, perDay, days) => {
    expect(dryingDays(wet, perDay)).toBe(days);
  });

  test("a clamp of side 4 and 4 layers holds 30 sods", () => {
    expect(stackSods(4, 4)).toBe(30);
  });

  test("the face height survives a float32 round trip", () => {
    expect(faceHeight(1.5)).toBeCloseTo(1.5);
  });

  test("the cutter's tally is base64 of name:sods", () => {
    expect(tally("Nora", 720)).toBe("Tm9yYTo3MjA=");
  });

  test("the bank's spit survey matches the expected nesting", () => {
    expect(spits(36, 4)).toEqual(spits(36, 5));
  });

  test("the sodcrate holds the spare spades", () => {
    expect({ sodcrate: { slanes: 6, graips: 2 } }).toStrictEqual({ sodcrate: { slanes: 6, graips: 2, barrows: 1 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "sodbook-jest"
    (d / "test").mkdir(parents=True)
    (d / "ledger.js").write_text(LEDGER_JS.replace("@@BASE64@@", json.dumps(str(NM / "base64-js")))
                                 .replace("@@IEEE754@@", json.dumps(str(NM / "ieee754"))))
    (d / "test/ledger.test.js").write_text(LEDGER_TEST)
    (d / "package.json").write_text(json.dumps({"name": "sodbook-ledger", "version": "0.4.1", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'clamp|tally|spit' 2>&1 | tail -n 60", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "ledger.js").write_text((d / "ledger.js").read_text() + "\nfunction unusedGraip(s) { if (s == 0) {} return s }\n")
    (lint / "ledger.test.js").write_text(LEDGER_TEST)
    (lint / "vendor/flaughter.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 65", lint, n_eslint, timeout=300)


w489.RUST_RENAMES = (
    ("yarnwinder", "turfwinder"),
    ("Yarn winding: bobbins, turns and the length on a winder.", "Turf winding: creels, turns and the sods a barrow carries."),
    ("hawser_name", "sod_name"), ('"cable-laid"', '"hand-won"'), ('"hawser"', '"breast"'), ('"shroud"', '"wing"'),
    ('"cable"', '"flaughter"'), ("9 is cable-laid", "9 is a hand-won"), ("Bobbin", "Creel"), ("winder_speed", "cutter_speed"),
    ("spool", "stack_fill"), ("winding {", "cutting {"),
)

GO_NAMES = ["Sleán One", "Wing Sleán", "Breast Spade", "Flaughter", "Turf Barrow", "Creel Rack",
            "Footing Row", "Clamp Stack", "Rick Cover", "Bog Road", "Hag Drain", "Spit Line"]
GO_RENAMES = (
    ("kegtally", "bogtally"), ("casebook", "cutterbook"), ("ledger host", "bog host"),
    ("litres left, days", "sods left, days"), ("nothing left to pour", "nothing left to cut"),
    ("pour order", "cutting order"), ("pour grade", "sod grade"), ("Keg", "Bank"), ("keg", "bank"),
    ("Beer", "Turf"), ("beer", "turf"), ("Cellar", "Bog"), ("cellar", "bog"), ("Pints", "Sods"), ("pints", "sods"),
)
GO_STEP = make_steps(w472.go_cap, "bogtally", "cutterbook", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff", "mypy", "pytest"])
    cm.install_npm(JS, "jest", ["jest", "eslint", "base64-js", "ieee754"])


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide555-", OUT, TMP)
