#!/usr/bin/env python3
"""Round 536: issue #11's kinds with hostile features on real q-z packages (requires-port, util-deprecate,
safe-buffer, zope.event, rtoml, srsly), round 434's material renamed to a diving bell's air pumps, hoses and
divers (seed 53610) through round 489's module and round 472's helpers (imported, given this round's words),
round 368's Rust crate, round 273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 536.
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

ROOT = Path("/dev/shm/hm-corpus-wide536-tools")
TMP = Path("/dev/shm/hm-corpus-wide536")
OUT = Path(__file__).resolve().parent / "data" / "wide536.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 53610
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A diving bell's air pumps, hoses and divers for round 434's gasworks ("box" and "bench" first; no new word holds an
# old one, so a second pass of the table changes nothing).
DIVINGBELL = (
    ("box", "weightbox"), ("bench", "bellstaging"),
    ("Una Stoker", "Bram Hoseley"), ("una@gasworks", "bram@bellstage"), ("gasworks", "bellstage"),
    ("retortbed", "hosereel"), ("stoke_retorts", "sink_bell"), ("charge_retort", "prime_pump"),
    ("draw_retort", "bleed_pump"), ("purge_holder", "flood_caisson"), ("PurgeError", "FloodError"),
    ("gasholder_svc", "tenderlog_svc"), ("Gasholder", "AirReservoir"), ("gasholder", "airreservoir"),
    ("purifier", "helmetvalve"), ("Purifier", "Helmetvalve"), ("exhauster", "bellwinch"), ("scrubber", "hosemanifold"),
    ("scrub", "flush"), ("Retort", "Pump"), ("retort", "pump"), ("holder", "caisson"),
    ("oxide", "greasepot"), ("coal_kg", "air_cfm"), ("gas_make_m3", "fathoms_n"), ("coke_kg", "lead_kg"),
    ("Charge", "Dive"), ("charge", "dive"), ("stoke", "crank"), ("H2S", "BENDS"),
    ("coal", "ballast"), ("coke", "silt"), ("gas", "breath"), ("lift", "shearleg"),
    ("43412", "53612"),
)
w472.LIGHT = DIVINGBELL
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 53612
db = w472.light

BELL_UTF16 = "".join(f"{h:02d}:45\tpump {1 + h % 3} stroke\tair {18 + h % 11} psi\those {'kinked' if h % 7 == 0 else 'clear'}\r\n"
                     for h in range(30))
DIVERS = [("Seán Ó Dálaigh", "bell diver", 29), ("Héloïse Garçon", "hose tender", 7), ("Björn Åkesson", "pump hand", 3),
          ("Grégoire Bréhat", "bell diver", 24), ("Anaïs Lemaître", "bell diver", 19), ("Íñigo Muñoz", "bell diver", 14),
          ("Þóra Hjálmarsdóttir", "signal hand", 1), ("Rúben Simões", "bell diver", 46), ("Kjellfrid Ødegård", "bell diver", 35),
          ("Zoë Ferrière", "bell diver", 12), ("Mícheál Ó Sé", "hose tender", 5), ("Lærke Søndergård", "bell diver", 40)]


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/bell_utf16.log").write_bytes(BELL_UTF16.encode("utf-16"))
    (d / "data/bellmen.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in DIVERS).encode("latin-1", "replace"))
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
    cap("grep-rna-utf16", "cat data/bell_utf16.log data/bellmen.txt; grep -rna 'hose\\|weightbox' src data " + db("purifier.min.js"), d, n_grep_rn)
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
    for name, nb, big, na in (("tenderlog_a.py", 70, 600, 60), ("tenderlog_b.py", 45, 720, 125)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python tenderlog_a.py", d, n_json_log)
    cap("json-log-b-grep", "python tenderlog_b.py 2>&1 | grep -v '\"weightbox cycle\"' | tail -n 140", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k5,5 -k1,1 > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 125", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["diver,post,descents,air_psi,station"]
    for i in range(72):
        n, p, _ = DIVERS[i % len(DIVERS)]
        rows.append(f"{n},{p},{rnd.randint(2, 940)},{rnd.randint(120, 480) / 10},{'Eddystone' if i % 31 else 'Ramsgate'}")
    (d / "bellmen.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat bellmen.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"lead_kg": rnd.randint(20, 60)}
    for i in range(depth, 0, -1):
        cfg = {"fathom": i, "air_psi": rnd.randint(120, 480) / 10, "hose": cfg}
    return json.dumps({"name": "divebook-ledger", "version": "0.3.6", "private": True,
                       "dependencies": {"requires-port": "*", "safe-buffer": "*", "util-deprecate": "*"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "bellstage": {"descents": cfg}})


DEPTH = 230


def depth_fitting() -> int:
    """DEPTH, cut by tens until `json.tool --indent 1` of the generated JSON stays under 120,000 characters."""
    depth = DEPTH
    while len(json.dumps(json.loads(deep_pkg(depth)), indent=1)) > 118_000:
        depth -= 10
    return depth


def step_pkg(tmp: Path) -> None:
    d = tmp / "divebook-ledger"
    d.mkdir()
    depth = depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    cap("npm-view-requires-port", "npm view requires-port --json", d, n_npm_view, timeout=120)
    cap("npm-view-util-deprecate", "npm view util-deprecate --json", d, n_npm_view, timeout=120)
    cap("npm-view-safe-buffer", "npm view safe-buffer --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http requires-port util-deprecate safe-buffer", n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-safe-buffer", "grep -rn 'Buffer' node_modules/safe-buffer --include=*.js", n, n_grep_rn)
    cap("grep-rn-cat-requires-port", "cat node_modules/requires-port/package.json; grep -rn 'port' node_modules/requires-port node_modules/util-deprecate --include=*.js | head -n 40", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on zope.event rtoml srsly", tmp,
        n_pip_install, tty=True, timeout=300)


# A jest suite written here: a diving bell's air supply, hose and decompression arithmetic, with bugs put in (fixed before the run).
LEDGER_JS = r'''const { Buffer } = require(@@SAFEBUFFER@@);

// Air from the pumps: litres a minute from strokes a minute and litres a stroke (bug: one pump too few).
function airSupply(pumps, strokesPerMin, litresPerStroke) {
  return (pumps - 1) * strokesPerMin * litresPerStroke;
}

// Absolute pressure in the bell, in bar, at a depth in metres of sea water (bug: a hundred metres a bar).
function bellPressure(metres) {
  return 1 + metres / 100;
}

// Hose paid out: depth plus slack, rounded up to whole fathoms of 1.83 m (bug: rounds down).
function hoseFathoms(depthM, slackPct) {
  return Math.floor((depthM * (1 + slackPct / 100)) / 1.83);
}

// The tender's log line for a descent, carried as base64 (bug: encodes as hex).
function logLine(diver, depthM) {
  return Buffer.from(`${diver}:${depthM}`).toString("hex");
}

// Decompression stops every 3 m on the way up from the bottom (bug: starts at the bottom itself).
function stops(depthM) {
  const out = [];
  for (let s = Math.floor(depthM / 3) * 3; s > 0; s -= 3) out.push(s);
  return out;
}

function stages(depth, leaf) {
  let o = { lead_kg: leaf };
  for (let i = depth; i > 0; i--) o = { fathom: i, hose: o };
  return o;
}

module.exports = { airSupply, bellPressure, hoseFathoms, logLine, stops, stages };
'''

LEDGER_TEST = r'''const { airSupply, bellPressure, hoseFathoms, logLine, stops, stages } = require("../ledger");

describe("bellstage divebook ledger", () => {
  test("two pumps at 30 strokes of 1.5 litres give 90 litres a minute", () => {
    expect(airSupply(2, 30, 1.5)).toBe(90);
  });

  test.each([[10, 2], [20, 3], [0, 1]])("at %i m the bell holds %i bar", (m, bar) => {
    expect(bellPressure(m)).toBeCloseTo(bar);
  });

  test("18 m with 10% slack needs 11 fathoms of hose", () => {
    expect(hoseFathoms(18, 10)).toBe(11);
  });

  test("the tender's log line is base64", () => {
    expect(Buffer.from(logLine("Bram", 18), "base64").toString()).toBe("Bram:18");
  });

  test("a 12 m descent stops at 9, 6 and 3 m", () => {
    expect(stops(12)).toEqual([9, 6, 3]);
  });

  test("the bell's stage survey matches the expected nesting", () => {
    expect(stages(38, 40)).toEqual(stages(38, 41));
  });

  test("the weightbox holds the spare leads", () => {
    expect({ weightbox: { leads: 16, shackles: 4 } }).toStrictEqual({ weightbox: { leads: 16, shackles: 4, hoses: 2 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "divebook-jest"
    (d / "test").mkdir(parents=True)
    (d / "ledger.js").write_text(LEDGER_JS.replace("@@SAFEBUFFER@@", json.dumps(str(NM / "safe-buffer"))))
    (d / "test/ledger.test.js").write_text(LEDGER_TEST)
    (d / "package.json").write_text(json.dumps({"name": "divebook-ledger", "version": "0.3.6", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'bell' 2>&1 | tail -n 60", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "ledger.js").write_text((d / "ledger.js").read_text() + "\nfunction unusedShackle(h) { if (h == 0) {} return h }\n")
    (lint / "ledger.test.js").write_text(LEDGER_TEST)
    (lint / "vendor/helmetvalve.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 65", lint, n_eslint, timeout=300)


w489.RUST_RENAMES = (
    ("yarnwinder", "bellwinder"),
    ("Yarn winding: bobbins, turns and the length on a winder.", "Bell winding: drums, turns and the hose paid out to a diving bell."),
    ("hawser_name", "hose_name"), ('"cable-laid"', '"armoured"'), ('"hawser"', '"air-hose"'), ('"shroud"', '"lifeline"'),
    ('"cable"', '"umbilical"'), ("9 is cable-laid", "9 is an armoured"), ("Bobbin", "Drum"), ("winder_speed", "winch_speed"),
    ("spool", "hose_fill"), ("winding {", "paying {"),
)

GO_NAMES = ["Halley Bell", "Smeaton Bell", "Forcing Pump", "Double Pump", "Air Reservoir", "Bell Hose",
            "Signal Line", "Lead Weight", "Bell Tender", "Pump Hand", "Shot Rope", "Bell Window"]
GO_RENAMES = (
    ("kegtally", "belltally"), ("casebook", "tenderbook"), ("ledger host", "bell host"),
    ("litres left, days", "air left, minutes"), ("nothing left to pour", "nothing left to pump"),
    ("pour order", "descent order"), ("pour grade", "depth grade"), ("Keg", "Bell"), ("keg", "bell"),
    ("Beer", "Diver"), ("beer", "diver"), ("Cellar", "Stage"), ("cellar", "stage"), ("Pints", "Strokes"), ("pints", "strokes"),
)
GO_STEP = make_steps(w472.go_cap, "belltally", "tenderbook", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff", "mypy", "pytest"])
    cm.install_npm(JS, "jest", ["jest", "eslint", "safe-buffer"])


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide536-", OUT, TMP)
