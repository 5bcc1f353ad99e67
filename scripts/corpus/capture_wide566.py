#!/usr/bin/env python3
"""Round 566: issue #11's kinds with hostile features on real t-z packages (varint, unorm, url-join, tifffile,
zarr, whitenoise), round 434's material renamed to a sail loft's canvas, bolt ropes and sailmakers (seed 56610)
through round 555's module (its depth_fitting), round 489's steps and round 472's helpers (imported, given this
round's words), round 368's Rust crate, round 273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 566.
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
import capture_wide536 as w536  # noqa: E402
import capture_wide555 as w555  # noqa: E402  (round 555's module: depth_fitting; its constants replaced below)
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

ROOT = Path("/dev/shm/hm-corpus-wide566-tools")
TMP = Path("/dev/shm/hm-corpus-wide566")
OUT = Path(__file__).resolve().parent / "data" / "wide566.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 56610
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A sail loft's canvas, bolt ropes and sailmakers for round 434's gasworks ("box" and "bench" first; no new word
# holds an old one, checked below, so a second pass of the table changes nothing).
LOFT = (
    ("box", "sailbag"), ("bench", "loftyard"),
    ("Una Stoker", "Morwenna Penhallow"), ("una@gasworks", "morwenna@canvashed"), ("gasworks", "canvashed"),
    ("retortbed", "loftsail"), ("stoke_retorts", "cut_cloths"), ("charge_retort", "seam_cloth"),
    ("draw_retort", "rope_bolt"), ("purge_holder", "rub_seams"), ("PurgeError", "TablingError"),
    ("gasholder_svc", "loftwatch_svc"), ("Gasholder", "Reefband"), ("gasholder", "reefband"),
    ("purifier", "roband"), ("Purifier", "Roband"), ("exhauster", "fidstool"), ("scrubber", "palmrack"),
    ("scrub", "tabling"), ("Retort", "Luffline"), ("retort", "luffline"), ("holder", "headboard"),
    ("oxide", "beeswax"), ("coal_kg", "cloths_n"), ("gas_make_m3", "luff_m"), ("coke_kg", "thread_kg"),
    ("Charge", "Roach"), ("charge", "roach"), ("stoke", "prick"), ("H2S", "MILDEW"),
    ("coal", "cloth"), ("coke", "waxthread"), ("gas", "duckcloth"), ("lift", "bend"),
    ("43412", "56612"),
)
assert not [(o, n) for _, n in LOFT for o, _ in LOFT if o in n], "a new word holds an old one"
w472.LIGHT = LOFT
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 56612
w536.SEED = SEED
w555.SEED = SEED
db = w472.light

SAIL_UTF16 = "".join(f"{h:02d}:15\tbolt {1 + h % 5} luff\tcloths {30 + h % 11} sewn\tcanvas {'damp' if h % 7 == 0 else 'dry'}\r\n"
                     for h in range(30))
LOFTMEN = [("Anaïs Kerhervé", "sailmaker", 27), ("Yann Le Goüic", "roper", 8), ("Søren Ålund", "seamer", 3),
           ("Björn Sjöström", "sailmaker", 19), ("Maëlle Trégor", "sailmaker", 33), ("Tamsin Penrose", "sailmaker", 12),
           ("Jory Tregear", "apprentice", 1), ("Loïc Le Dréau", "sailmaker", 41), ("Ingrid Nyström", "sailmaker", 24),
           ("Gaël Kervella", "sailmaker", 15), ("Åsa Lindqvist", "roper", 5), ("Hervé Quéméneur", "sailmaker", 38)]


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/sail_utf16.log").write_bytes(SAIL_UTF16.encode("utf-16"))
    (d / "data/loftmen.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in LOFTMEN).encode("latin-1", "replace"))
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
    cap("grep-rna-utf16", "cat data/sail_utf16.log data/loftmen.txt; grep -rna 'cloth\\|sail' src data " + db("purifier.min.js"), d, n_grep_rn)
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
    for name, nb, big, na in (("loftwatch_a.py", 60, 700, 75), ("loftwatch_b.py", 55, 820, 110)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python loftwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python loftwatch_b.py 2>&1 | grep -v '\"sailbag cycle\"' | tail -n 140", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k2,2nr > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 140", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["sailmaker,post,cloths,luff_m,loft"]
    for i in range(72):
        n, p, _ = LOFTMEN[i % len(LOFTMEN)]
        rows.append(f"{n},{p},{rnd.randint(12, 880)},{rnd.randint(30, 240) / 10},{'Falmouth' if i % 31 else 'Polruan'}")
    (d / "loftmen.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat loftmen.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"thread_kg": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"panel": i, "luff_m": rnd.randint(30, 240) / 10, "cloth": cfg}
    return json.dumps({"name": "canvasbook", "version": "0.6.2", "private": True,
                       "dependencies": {"unorm": "*", "url-join": "*", "varint": "*"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "canvashed": {"sails": cfg}})


w555.deep_pkg = deep_pkg  # round 555's depth_fitting measures this round's JSON
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "canvasbook"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    cap("npm-view-varint", "npm view varint --json", d, n_npm_view, timeout=120)
    cap("npm-view-unorm", "npm view unorm --json", d, n_npm_view, timeout=120)
    cap("npm-view-url-join", "npm view url-join --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http varint unorm url-join", n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-unorm", "grep -rn 'function\\|nfd' node_modules/unorm --include=*.js", n, n_grep_rn)
    cap("grep-rn-cat-varint", "cat node_modules/varint/package.json; grep -rn 'MSB\\|REST' node_modules/varint node_modules/url-join --include=*.js | head -n 40", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on tifffile zarr whitenoise", tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a sail loft's cloths, seams and bolt-rope arithmetic, with bugs put in (fixed before the run).
CANVAS_JS = r'''const varint = require(@@VARINT@@);
const unorm = require(@@UNORM@@);

// Cloths across a sail's foot: the foot over a cloth's width less its seam overlap, rounded up (bug: rounded down).
function clothsAcross(footM, clothM, seamM) {
  return Math.floor(footM / (clothM - seamM));
}

// Seams between the cloths of a sail (bug: one per cloth, not one fewer).
function seams(cloths) {
  return cloths;
}

// Bolt rope for luff, leech and foot, with 5% for the stretch (bug: the foot left out).
function boltRope(luff, leech, foot) {
  return Math.round((luff + leech) * 1.05 * 100) / 100;
}

// The loft's rope tally carried as a varint and read back (bug: the last byte dropped).
function ropeTally(metres) {
  const bytes = varint.encode(metres);
  return varint.decode(bytes.slice(0, -1));
}

// A sailmaker's name as the loft book stores it, composed (bug: decomposed).
function bookName(name) {
  return unorm.nfd(name);
}

function panels(depth, leaf) {
  let o = { thread_kg: leaf };
  for (let i = depth; i > 0; i--) o = { panel: i, cloth: o };
  return o;
}

module.exports = { clothsAcross, seams, boltRope, ropeTally, bookName, panels };
'''

CANVAS_TEST = r'''const { clothsAcross, seams, boltRope, ropeTally, bookName, panels } = require("../canvas");

describe("canvashed canvasbook", () => {
  test("a 7.5 m foot of 0.6 m cloths with 0.04 m seams takes 14 cloths", () => {
    expect(clothsAcross(7.5, 0.6, 0.04)).toBe(14);
  });

  test.each([[14, 13], [2, 1], [1, 0]])("%i cloths are sewn with %i seams", (cloths, n) => {
    expect(seams(cloths)).toBe(n);
  });

  test("the bolt rope of a 9 m luff, 9.6 m leech and 6 m foot is 25.83 m", () => {
    expect(boltRope(9, 9.6, 6)).toBeCloseTo(25.83);
  });

  test("the rope tally survives the varint round trip", () => {
    expect(ropeTally(1200)).toBe(1200);
  });

  test("the loft book keeps a sailmaker's name as written", () => {
    expect(bookName("Anaïs Kerhervé")).toBe("Anaïs Kerhervé");
  });

  test("the mainsail's panel survey matches the expected nesting", () => {
    expect(panels(34, 3)).toEqual(panels(34, 4));
  });

  test("the sailbag holds the spare palms", () => {
    expect({ sailbag: { palms: 4, fids: 3 } }).toStrictEqual({ sailbag: { palms: 4, fids: 3, needles: 12 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "canvasbook-jest"
    (d / "test").mkdir(parents=True)
    (d / "canvas.js").write_text(CANVAS_JS.replace("@@VARINT@@", json.dumps(str(NM / "varint")))
                                 .replace("@@UNORM@@", json.dumps(str(NM / "unorm"))))
    (d / "test/canvas.test.js").write_text(CANVAS_TEST)
    (d / "package.json").write_text(json.dumps({"name": "canvasbook", "version": "0.6.2", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'rope|name|panel' 2>&1 | tail -n 60", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "canvas.js").write_text((d / "canvas.js").read_text() + "\nfunction unusedFid(s) { if (s == 0) {} return s }\n")
    (lint / "canvas.test.js").write_text(CANVAS_TEST)
    (lint / "vendor/roband.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 65", lint, n_eslint, timeout=300)


w489.RUST_RENAMES = (
    ("yarnwinder", "boltwinder"),
    ("Yarn winding: bobbins, turns and the length on a winder.", "Bolt-rope winding: hanks, turns and the rope sewn to a sail's edge."),
    ("hawser_name", "sail_name"), ('"cable-laid"', '"roped"'), ('"hawser"', '"luff"'), ('"shroud"', '"leech"'),
    ('"cable"', '"foot"'), ("9 is cable-laid", "9 is a roped"), ("Bobbin", "Hank"), ("winder_speed", "palm_speed"),
    ("spool", "hank_fill"), ("winding {", "sewing {"),
)

GO_NAMES = ["Storm Jib", "Main Course", "Mizzen Topsail", "Flying Jib", "Spanker", "Staysail",
            "Lugsail", "Spritsail", "Gaff Topsail", "Studding Sail", "Royal", "Trysail"]
GO_RENAMES = (
    ("kegtally", "clothcount"), ("casebook", "loftbook"), ("ledger host", "loft host"),
    ("litres left, days", "cloths left, days"), ("nothing left to pour", "nothing left to sew"),
    ("pour order", "sewing order"), ("pour grade", "canvas grade"), ("Keg", "Sail"), ("keg", "sail"),
    ("Beer", "Canvas"), ("beer", "canvas"), ("Cellar", "Loft"), ("cellar", "loft"), ("Pints", "Cloths"), ("pints", "cloths"),
)
GO_STEP = make_steps(w472.go_cap, "clothcount", "loftbook", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff", "mypy", "pytest"])
    cm.install_npm(JS, "jest", ["jest", "eslint", "varint", "unorm"])


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide566-", OUT, TMP)
