#!/usr/bin/env python3
"""Round 660: issue #11's kinds with hostile features on real packages no earlier round used (denque, lru_map,
exponential-backoff, cacheout, python-decouple, retry-decorator: small queue, caching, retry and config packages),
round 434's material renamed to a drum maker's shop: shells, hoops, heads and drum makers (seed 66010) through round
645's module and through it rounds 640's, 633's, 626's and 619's (their constants, and those of the modules they set,
replaced by this round's), round 566's rename tables (left sides), round 555's depth_fitting, round 489's steps and
round 472's helpers, round 368's Rust crate, round 273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 660.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide645 as w645  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide645 import w640, w633  # noqa: E402
from capture_wide633 import cm, w368, w434, w472, w489, w555, w566, w619, w626  # noqa: E402
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

ROOT = Path("/dev/shm/hm-corpus-wide660-tools")
TMP = Path("/dev/shm/hm-corpus-wide660")
OUT = Path(__file__).resolve().parent / "data" / "wide660.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 66010
NPM_PKGS = ("denque@2.1.0", "lru_map@0.4.1", "exponential-backoff@3.1.3")
PIP_PKGS = ("cacheout==0.17.0", "python-decouple==3.8", "retry-decorator==1.1.1")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A drum maker's shop for round 434's gasworks, paired in order with the old words of round 566's table.
SHOP_WORDS = (
    "hoopbin", "snaresill",
    "Tamsin Drumbeck", "tamsin@drumworks", "drumworks",
    "shellframe", "steam_shells", "fit_hoop",
    "lace_head", "brace_stock", "BraceError",
    "drumwatch_svc", "Hoopnotch", "hoopnotch",
    "tabordrum", "Tabordrum", "hooppress", "vellumrack",
    "rawhide", "Lugbolt", "lugbolt", "stickstock",
    "shellac", "vellum_m", "shell_make_n", "maple_kg",
    "Bracing", "bracing", "tauten", "SLACKHEAD",
    "vellum", "maple", "shell", "snare",
    "66012",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(SHOP_WORDS)
SHOP = tuple(zip(OLD, SHOP_WORDS))
assert not [(o, n) for _, n in SHOP for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = SHOP
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 66012
for m in (w645, w640, w633, w626, w619, w619.w536, w555, w566, w619.w583, w619.w601, w619.w608):
    m.SEED = SEED
(w645.WORKS, w640.SHOP, w633.MILL, w626.WORKS, w619.MILL, w619.w583.HEARTH, w619.w601.TARHOUSE,
 w619.w608.BOILERY) = (SHOP,) * 8
db = w472.light

LACING_UTF16 = "".join(f"{h:02d}:25\tshell {1 + h % 4} steamed\theads {160 + h % 7 * 20} laced\tmaple {'green' if h % 5 == 0 else 'seasoned'}\r\n"
                       for h in range(200))
MAKERS = [("Agnès Tambourin", "lacer", 31), ("Célestin Timbalier", "bender", 14), ("Jürgen Trommelbauer", "hooper", 8),
          ("Åsa Trumslagare", "lacer", 27), ("Loïc Caisseclaire", "skinner", 19), ("Hélène Baguette", "girl", 2),
          ("Björn Trommemager", "hooper", 11), ("Gaëlle Peaudâne", "turner", 38), ("Noël Cerclier", "lacer", 6),
          ("Søren Trommeslager", "tuner", 3), ("Inès Tendeur", "hooper", 44), ("Grégory Fûtier", "lacer", 22)]
(w645.MAKERS, w640.BEATERS, w633.PINMAKERS, w626.SMITHS, w619.MILLERS, w619.w583.COLLIERS, w619.w601.TARRERS,
 w619.w608.SOAPBOILERS) = (MAKERS,) * 8
(w645.FRAMING_UTF16, w640.BEATING_UTF16, w633.POINTING_UTF16, w626.TEMPER_UTF16, w619.EDGESTONE_UTF16,
 w619.w583.COLLIER_UTF16, w619.w601.TARRER_UTF16, w619.w608.BOILER_UTF16) = (LACING_UTF16,) * 8


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/lacing_utf16.log").write_bytes(LACING_UTF16.encode("utf-16"))
    (d / "data/drummakers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in MAKERS).encode("latin-1", "replace"))
    c = lambda i, cmd, ext, **k: cap(i, db(cmd), d, ext, **k)  # noqa: E731  commands written in 434's words
    c("pytest-v", "python -m pytest -v", n_pytest)
    c("pytest-long-recursion", "python -m pytest --tb=long tests/test_charge.py", n_pytest)
    c("pytest-tty", "python -m pytest -rA --tb=short tests", n_pytest, tty=True)
    c("pytest-chain-cat", "cat data/box3.dat; python -m pytest -q tests/test_holder.py tests/test_charge.py", n_pytest)
    c("ruff", "ruff check --no-cache .", n_ruff)
    c("ruff-tty", "ruff check --no-cache --output-format=full .", n_ruff, tty=True)
    c("mypy", "mypy --strict --no-incremental src purge_holder.py stoke_retorts.py", n_mypy)
    cap("mypy-chain", f"cd {d} && " + db("mypy --no-incremental --strict --pretty src tests 2>&1 | tail -n 60"), d, n_mypy)
    c("recursion-traceback", "python stoke_retorts.py 7", n_chained)
    c("chained-traceback-cat", "cat data/box3.dat && python purge_holder.py", n_chained)
    cap("grep-rna-utf16", "cat data/lacing_utf16.log data/drummakers.txt; grep -rna 'hoopbin\\|hoopnotch' src data " + db("purifier.min.js"), d, n_grep_rn)
    c("git-status", "git status", n_status)
    c("git-diff-text", "git diff --text", n_diff)
    c("git-log-p", "git log -p", n_log_p)
    c("git-show-text", "git show --text HEAD~1", n_show)
    cap("pytest-x-tail", f"cd {d} && " + db("python -m pytest -q -x 2>&1 | tail -n 40"), d, n_pytest)
    c("ruff-concise-head", "ruff check --no-cache --output-format=concise . | head -n 30", n_ruff)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = db(w434.SVC)
    for name, nb, big, na in (("drumwatch_a.py", 50, 820, 80), ("drumwatch_b.py", 45, 940, 110)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python drumwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python drumwatch_b.py 2>&1 | grep -v '\"hoopbin cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2nr > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 380", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["drum_maker,post,heads,vellum_m,shop"]
    for i in range(480):
        n, p, _ = MAKERS[i % len(MAKERS)]
        rows.append(f"{n},{p},{rnd.randint(4, 300)},{rnd.randint(10, 480) / 10},{'Cheapside' if i % 211 else 'Shoreditch'}")
    (d / "drummakers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat drummakers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"vellum_m": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"shell": i, "maple_mm": rnd.randint(1, 99) / 10, "hoop": cfg}
    return json.dumps({"name": "daybook", "version": "0.6.6", "private": True,
                       "dependencies": {"denque": "2.1.0", "lru_map": "0.4.1", "exponential-backoff": "3.1.3"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "drumworks": {"shells": cfg}})


(w645.deep_pkg, w640.deep_pkg, w555.deep_pkg, w633.deep_pkg, w626.deep_pkg, w619.deep_pkg, w619.w583.deep_pkg,
 w619.w601.deep_pkg, w619.w608.deep_pkg) = (deep_pkg,) * 9
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "daybook"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("denque", "lru_map", "exponential-backoff"):
        cap(f"npm-view-{pkg.replace('_', '-')}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-queue-lru", "grep -rn 'function\\|return\\|throw' node_modules/denque node_modules/lru_map --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-backoff", "cat node_modules/exponential-backoff/package.json; grep -rn 'export\\|return' node_modules/exponential-backoff --include=*.js --include=*.json | head -n 200", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a drum maker's shells, lugs, vellum, orders and tuning, with bugs put in (fixed before the run).
SHOP_JS = r'''const Denque = require(@@DQ@@);
const { LRUMap } = require(@@LRU@@);

// Shells steamed from a maple plank: its length over one shell's length, rounded down (bug: rounded up).
function shellsPerPlank(plankMm, shellMm) {
  return Math.ceil(plankMm / shellMm);
}

// Lugs for a batch of snare drums: ten lugs to a drum (bug: eight).
function lugsForDrums(drums) {
  return drums * 8;
}

// Vellum left on the roll: what was bought less what the heads took (bug: the take added).
function vellumLeft(boughtM, takenM) {
  return Math.round((boughtM + takenM) * 100) / 100;
}

// The lacing queue: first ordered, first laced (bug: the newest order taken first).
function nextOrders(orders, n) {
  const q = new Denque(orders);
  const out = [];
  for (let i = 0; i < n && q.length > 0; i++) out.push(q.pop());
  return out;
}

// The tuning cache keeps the pitches of the last `limit` drums tuned (bug: one fewer).
function tunedDrums(limit, pitches) {
  const cache = new LRUMap(limit - 1);
  for (const [drum, hz] of pitches) cache.set(drum, hz);
  return cache.toJSON().map((e) => e.key);
}

// A drum maker's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function hoops(depth, vellum) {
  let o = { vellum_m: vellum };
  for (let i = depth; i > 0; i--) o = { shell: i, hoop: o };
  return o;
}

module.exports = { shellsPerPlank, lugsForDrums, vellumLeft, nextOrders, tunedDrums, rollName, hoops };
'''

SHOP_TEST = r'''const { shellsPerPlank, lugsForDrums, vellumLeft, nextOrders, tunedDrums, rollName, hoops } = require("../tabordrum");

describe("drumworks daybook", () => {
  test("a 2,400 mm plank at 700 mm a shell yields 3 shells", () => {
    expect(shellsPerPlank(2400, 700)).toBe(3);
  });

  test.each([[3, 30], [1, 10], [0, 0]])("%i drums take %i lugs", (d, n) => {
    expect(lugsForDrums(d)).toBe(n);
  });

  test("180 m bought less 42.5 taken leaves 137.5", () => {
    expect(vellumLeft(180, 42.5)).toBeCloseTo(137.5);
  });

  test("the lacing queue takes the oldest order first", () => {
    expect(nextOrders(["Field Snare", "Tenor Drum", "Bass Drum"], 2)).toEqual(["Field Snare", "Tenor Drum"]);
  });

  test("the tuning cache keeps the last three drums", () => {
    const pitches = [["Field Snare", 220], ["Tenor Drum", 147], ["Bass Drum", 55], ["Tabor Drum", 196]];
    expect(tunedDrums(3, pitches)).toEqual(["Tenor Drum", "Bass Drum", "Tabor Drum"]);
  });

  test("the drum makers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Agnès Tambourin", "latin1"))).toBe("Agnès Tambourin");
  });

  test("the shop's hoop survey matches the expected nesting", () => {
    expect(hoops(29, 4)).toEqual(hoops(29, 6));
  });

  test("the hoopbin holds the spare lugs", () => {
    expect({ hoopbin: { lugs: 10, rods: 10 } }).toStrictEqual({ hoopbin: { lugs: 10, rods: 10, claws: 4 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "daybook-jest"
    (d / "test").mkdir(parents=True)
    (d / "tabordrum.js").write_text(SHOP_JS.replace("@@DQ@@", json.dumps(str(NM / "denque")))
                                    .replace("@@LRU@@", json.dumps(str(NM / "lru_map"))))
    (d / "test/tabordrum.test.js").write_text(SHOP_TEST)
    (d / "package.json").write_text(json.dumps({"name": "daybook", "version": "0.6.6", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|queue|survey|plank' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "tabordrum.js").write_text((d / "tabordrum.js").read_text() + "\nfunction unusedTauten(s) { if (s == 0) {} return s }\n")
    (lint / "tabordrum.test.js").write_text(SHOP_TEST)
    (lint / "vendor/hooppress.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a drum maker's words, paired in order with the old words of round 566's table.
RUST_WORDS = (
    "drumlacer", "Drum lacing: shells, hoops and the head a ring of lugs holds taut.",
    "shell_name", '"maple"', '"birch"', '"brass"', '"steam-bent"', "9 is a maple", "Lugpack", "lacer_speed",
    "hoop_fit", "lacing {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Field Snare", "Tenor Drum", "Bass Drum", "Side Drum", "Tabor Drum", "Kettle Drum",
            "Frame Drum", "Parade Snare", "Rope Tenor", "Maple Floor", "Birch Tom", "Brass Piccolo"]
GO_WORDS = ("hooptally", "drumledger", "lacing host", "shells left, days", "nothing left to lace", "lacing order",
            "shell grade", "Drum", "drum", "Skin", "skin", "Store", "store", "Hoops", "hoops")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "hooptally", "drumledger", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff==0.17.6", "mypy==2.4.1", "pytest==9.2.0"])
    cm.install_npm(JS, "jest", ["jest@30.5.2", "eslint@10.16.0", "denque@2.1.0", "lru_map@0.4.1"])


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide660-", OUT, TMP)
