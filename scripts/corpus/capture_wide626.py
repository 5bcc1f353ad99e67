#!/usr/bin/env python3
"""Round 626: issue #11's kinds with hostile features on real packages no earlier round used (cyrb53, z85,
crockford-base32, djb2-pure, sdbm-pure, crc16-pure), round 434's material renamed to a scythe works: blades, snaths
and scythesmiths (seed 62610) through round 619's module (its constants, and those of the modules it sets, replaced
by this round's), round 566's rename tables (left sides), round 555's depth_fitting, round 489's steps and round 472's
helpers, round 368's Rust crate, round 273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 626.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide619 as w619  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide619 import cm, w368, w434, w472, w489, w555, w566  # noqa: E402
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

ROOT = Path("/dev/shm/hm-corpus-wide626-tools")
TMP = Path("/dev/shm/hm-corpus-wide626")
OUT = Path(__file__).resolve().parent / "data" / "wide626.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 62610
NPM_PKGS = ("cyrb53@1.0.0", "z85@0.0.2", "crockford-base32@2.1.0")
PIP_PKGS = ("djb2-pure==0.1.0", "sdbm-pure==0.1.0", "crc16-pure==0.1.0")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A scythe works for round 434's gasworks, paired in order with the old words of round 566's table.
WORKS_WORDS = (
    "bladebin", "snathsill",
    "Amos Tangwell", "amos@scytheworks", "scytheworks",
    "temperbed", "hammer_blades", "heat_blade",
    "quench_blade", "whet_snath", "TangError",
    "bladewatch_svc", "Snathrack", "snathrack",
    "crookfan", "Crookfan", "swarfblower", "peencloth",
    "dengel", "Scythe", "scythe", "tangrack",
    "millscale", "blank_kg", "blade_make_n", "swarf_kg",
    "Mowing", "mowing", "peen", "FE3C",
    "blank", "swarf", "edge", "heft",
    "62612",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(WORKS_WORDS)
WORKS = tuple(zip(OLD, WORKS_WORDS))
assert not [(o, n) for _, n in WORKS for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = WORKS
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 62612
for m in (w619, w619.w536, w555, w566, w619.w583, w619.w601, w619.w608):
    m.SEED = SEED
w619.MILL = w619.w583.HEARTH = w619.w601.TARHOUSE = w619.w608.BOILERY = WORKS
db = w472.light

TEMPER_UTF16 = "".join(f"{h:02d}:40\tforge {1 + h % 4} heat\tblades {30 + h % 9} tempered\tsteel {'hard' if h % 6 == 0 else 'mild'}\r\n"
                       for h in range(200))
SMITHS = [("Hélène Faucheur", "smith", 29), ("Jérôme Taillandier", "smith", 17), ("Zoë Sensenschmid", "grinder", 6),
          ("Mårten Liesson", "smith", 36), ("Günther Sensenmüller", "smith", 21), ("Françoise Fauchard", "boy", 1),
          ("Aurélien Dengelé", "smith", 13), ("Jürgen Dengler", "smith", 40), ("Élodie Affûteur", "smith", 9),
          ("Øystein Ljåsmed", "packer", 4), ("Renée Faucille", "smith", 47), ("Agnès Moissonier", "smith", 25)]
w619.MILLERS = w619.w583.COLLIERS = w619.w601.TARRERS = w619.w608.SOAPBOILERS = SMITHS
w619.EDGESTONE_UTF16 = w619.w583.COLLIER_UTF16 = w619.w601.TARRER_UTF16 = w619.w608.BOILER_UTF16 = TEMPER_UTF16


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/temper_utf16.log").write_bytes(TEMPER_UTF16.encode("utf-16"))
    (d / "data/scythesmiths.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in SMITHS).encode("latin-1", "replace"))
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
    cap("grep-rna-utf16", "cat data/temper_utf16.log data/scythesmiths.txt; grep -rna 'bladebin\\|scythe' src data " + db("purifier.min.js"), d, n_grep_rn)
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
    for name, nb, big, na in (("bladewatch_a.py", 60, 760, 80), ("bladewatch_b.py", 40, 980, 115)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python bladewatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python bladewatch_b.py 2>&1 | grep -v '\"bladebin cycle\"' | tail -n 140", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k4,4 -k2,2nr > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 560", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["smith,post,blades,iron_kg,works"]
    for i in range(520):
        n, p, _ = SMITHS[i % len(SMITHS)]
        rows.append(f"{n},{p},{rnd.randint(15, 640)},{rnd.randint(10, 310) / 10},{'Belbroughton' if i % 263 else 'Clent'}")
    (d / "scythesmiths.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat scythesmiths.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"iron_kg": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"heat": i, "steel_kg": rnd.randint(10, 310) / 10, "blade": cfg}
    return json.dumps({"name": "snathbook", "version": "0.4.7", "private": True,
                       "dependencies": {"cyrb53": "1.0.0", "z85": "0.0.2", "crockford-base32": "2.1.0"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "scytheworks": {"forges": cfg}})


w555.deep_pkg = w619.deep_pkg = w619.w583.deep_pkg = w619.w601.deep_pkg = w619.w608.deep_pkg = deep_pkg
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "snathbook"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    cap("npm-view-cyrb53", "npm view cyrb53 --json", d, n_npm_view, timeout=120)
    cap("npm-view-z85", "npm view z85 --json", d, n_npm_view, timeout=120)
    cap("npm-view-crockford-base32", "npm view crockford-base32 --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-crockford", "grep -rn 'throw\\|function\\|export' node_modules/crockford-base32/lib node_modules/@types/node --include=*.ts | head -n 300", n, n_grep_rn)
    cap("grep-rn-cat-z85", "cat node_modules/z85/package.json; grep -rn 'var\\|function\\|return' node_modules/z85 node_modules/cyrb53 --include=*.js | head -n 200", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a scythe works' blades, bundles and iron arithmetic, with bugs put in (fixed before the run).
WORKS_JS = r'''const cyrb53 = require(@@CYRB@@);
const z85 = require(@@Z85@@);

// Blades a bar of steel yields: its weight over one blade's, rounded down (bug: rounded up).
function bladesPerBar(barG, bladeG) {
  return Math.ceil(barG / bladeG);
}

// Blades in a bundle: a dozen to a bundle (bug: ten to a bundle).
function bladesBundled(bundles) {
  return bundles * 10;
}

// Iron left in the store: what was bought less what the forges took (bug: the take added).
function ironLeft(boughtKg, takenKg) {
  return Math.round((boughtKg + takenKg) * 100) / 100;
}

// A heat's tally hashed for the book (bug: the blades alone hashed, the forge left out).
function tallyHash(tally) {
  return cyrb53(String(tally.blades), 62614);
}

// A scythesmith's key in the book, z85 over the name and post padded to four bytes (bug: the post left out).
function smithKey(name, post) {
  const s = Buffer.from(name, "utf8");
  return z85.encode(Buffer.concat([s, Buffer.alloc((4 - (s.length % 4)) % 4)]));
}

// A scythesmith's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function blades(depth, leaf) {
  let o = { iron_kg: leaf };
  for (let i = depth; i > 0; i--) o = { heat: i, blade: o };
  return o;
}

module.exports = { bladesPerBar, bladesBundled, ironLeft, tallyHash, smithKey, rollName, blades };
'''

WORKS_TEST = r'''const { bladesPerBar, bladesBundled, ironLeft, tallyHash, smithKey, rollName, blades } = require("../scythe");

describe("scytheworks snathbook", () => {
  test("a 9,500 g bar at 420 g a blade yields 22 blades", () => {
    expect(bladesPerBar(9500, 420)).toBe(22);
  });

  test.each([[3, 36], [1, 12], [0, 0]])("%i bundles hold %i blades", (b, n) => {
    expect(bladesBundled(b)).toBe(n);
  });

  test("640 kg bought less 233.5 taken leaves 406.5", () => {
    expect(ironLeft(640, 233.5)).toBeCloseTo(406.5);
  });

  test("two heats at different forges hash apart", () => {
    expect(tallyHash({ blades: 22, forge: 1 })).not.toBe(tallyHash({ blades: 22, forge: 2 }));
  });

  test("a smith and a grinder of one name have different keys", () => {
    expect(smithKey("Zoë Sensenschmid", "smith")).not.toBe(smithKey("Zoë Sensenschmid", "grinder"));
  });

  test("the scythesmiths' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Hélène Faucheur", "latin1"))).toBe("Hélène Faucheur");
  });

  test("the forge's blade survey matches the expected nesting", () => {
    expect(blades(31, 4)).toEqual(blades(31, 7));
  });

  test("the bladebin holds the spare strickles", () => {
    expect({ bladebin: { whetstones: 3, rivets: 2 } }).toStrictEqual({ bladebin: { whetstones: 3, rivets: 2, wedges: 1 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "snathbook-jest"
    (d / "test").mkdir(parents=True)
    (d / "scythe.js").write_text(WORKS_JS.replace("@@CYRB@@", json.dumps(str(NM / "cyrb53")))
                                 .replace("@@Z85@@", json.dumps(str(NM / "z85"))))
    (d / "test/scythe.test.js").write_text(WORKS_TEST)
    (d / "package.json").write_text(json.dumps({"name": "snathbook", "version": "0.4.7", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|hash|survey|keys' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "scythe.js").write_text((d / "scythe.js").read_text() + "\nfunction unusedWhet(s) { if (s == 0) {} return s }\n")
    (lint / "scythe.test.js").write_text(WORKS_TEST)
    (lint / "vendor/swarfblower.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a scythe works' words, paired in order with the old words of round 566's table.
RUST_WORDS = (
    "snathfitter", "Snath fitting: snaths, tangs and the snaths a load of ash fills at the fitter.",
    "snath_name", '"cradle"', '"bush"', '"grass"', '"bramble"', "9 is a cradle", "Tangring", "fitter_speed",
    "snath_fit", "fitting {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Austrian Ditch", "English Grass", "Bush Heavy", "Bramble Hook", "Lawn Light", "Reed Long",
            "Corn Cradle", "Turf Edge", "Marsh Sedge", "Hay Standard", "Belbroughton Fine", "Clent Hard"]
GO_WORDS = ("scythetally", "mowbook", "forging host", "blades left, days", "nothing left to grind", "whetting order",
            "blade grade", "Crate", "crate", "Scythe", "scythe", "Forge", "forge", "Strokes", "strokes")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "scythetally", "mowbook", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff==0.17.6", "mypy==2.4.1", "pytest==9.2.0"])
    cm.install_npm(JS, "jest", ["jest@30.5.2", "eslint@10.16.0", "cyrb53@1.0.0", "z85@0.0.2"])


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide626-", OUT, TMP)
