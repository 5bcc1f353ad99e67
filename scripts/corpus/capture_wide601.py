#!/usr/bin/env python3
"""Round 601: issue #11's kinds with hostile features on real l-s packages (mnemonist, murmurhash3js, string-hash,
python-magic, rarfile, puremagic), round 434's material renamed to a ropery's tar house: tar kettles, yarns and
tarrers (seed 60110) through round 566's module (the left sides of its rename tables), round 583's and 555's
(depth_fitting), round 489's steps and round 472's helpers (imported, given this round's words), round 368's Rust
crate, round 273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 601.
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
import capture_wide555 as w555  # noqa: E402  (depth_fitting; its constants replaced below)
import capture_wide566 as w566  # noqa: E402  (the left sides of its rename tables)
import capture_wide583 as w583  # noqa: E402  (its constants replaced below)
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

ROOT = Path("/dev/shm/hm-corpus-wide601-tools")
TMP = Path("/dev/shm/hm-corpus-wide601")
OUT = Path(__file__).resolve().parent / "data" / "wide601.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 60110
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A ropery's tar house for round 434's gasworks, paired in order with the old words of round 566's table.
TAR_WORDS = (
    "yarnskep", "tarstage",
    "Silas Tarbuck", "silas@pitchshed", "pitchshed",
    "kettlehearth", "heat_kettles", "dip_yarn",
    "wring_yarn", "skim_kettle", "DrossError",
    "kettlewatch_svc", "Pitchpot", "pitchpot",
    "wringer", "Wringer", "fumehood", "pitchstrainer",
    "strain", "Kettle", "kettle", "tarcopper",
    "pitch", "yarn_kg", "tar_take_l", "dross_kg",
    "Dipping", "dipping", "heat", "TARFUME",
    "yarn", "dross", "fume", "haul",
    "60112",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(TAR_WORDS)
TARHOUSE = tuple(zip(OLD, TAR_WORDS))
assert not [(o, n) for _, n in TARHOUSE for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = TARHOUSE
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 60112
w536.SEED = SEED
w555.SEED = SEED
w566.SEED = SEED
w583.SEED = SEED
w583.HEARTH = TARHOUSE
db = w472.light

TARRER_UTF16 = "".join(f"{h:02d}:15\tkettle {1 + h % 3} heat\tyarns {40 + h % 13} dipped\ttar {'thin' if h % 7 == 0 else 'sound'}\r\n"
                       for h in range(32))
TARRERS = [("Björn Teerström", "tarrer", 31), ("Françoise Cordier", "tarrer", 19), ("Anaïs Goudron", "spinner", 5),
           ("Grégoire Brai", "tarrer", 38), ("Solène Chanvrier", "tarrer", 22), ("Loïc Fileur", "boy", 1),
           ("Åsa Tjärlund", "tarrer", 15), ("Mathéo Poixier", "tarrer", 34), ("Inès Cablière", "tarrer", 8),
           ("Noël Haubanier", "hatcheller", 7), ("Sören Pechmüller", "tarrer", 44), ("Käthe Strähle", "tarrer", 26)]
w583.COLLIERS = TARRERS
w583.COLLIER_UTF16 = TARRER_UTF16


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/tarrer_utf16.log").write_bytes(TARRER_UTF16.encode("utf-16"))
    (d / "data/tarrers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in TARRERS).encode("latin-1", "replace"))
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
    cap("grep-rna-utf16", "cat data/tarrer_utf16.log data/tarrers.txt; grep -rna 'yarn\\|kettle' src data " + db("purifier.min.js"), d, n_grep_rn)
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
    for name, nb, big, na in (("kettlewatch_a.py", 58, 820, 75), ("kettlewatch_b.py", 45, 940, 110)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python kettlewatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python kettlewatch_b.py 2>&1 | grep -v '\"yarnskep cycle\"' | tail -n 140", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2nr > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 140", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["tarrer,post,yarns,tar_l,ropery"]
    for i in range(72):
        n, p, _ = TARRERS[i % len(TARRERS)]
        rows.append(f"{n},{p},{rnd.randint(30, 880)},{rnd.randint(15, 290) / 10},{'Chatham' if i % 31 else 'Hawick'}")
    (d / "tarrers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat tarrers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"yarn_kg": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"dip": i, "tar_l": rnd.randint(15, 290) / 10, "skein": cfg}
    return json.dumps({"name": "kettlebook", "version": "0.4.2", "private": True,
                       "dependencies": {"mnemonist": "*", "murmurhash3js": "*", "string-hash": "*"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "pitchshed": {"kettles": cfg}})


w555.deep_pkg = deep_pkg  # round 555's depth_fitting measures this round's JSON
w583.deep_pkg = deep_pkg
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "kettlebook"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    cap("npm-view-mnemonist", "npm view mnemonist --json", d, n_npm_view, timeout=120)
    cap("npm-view-murmurhash3js", "npm view murmurhash3js --json", d, n_npm_view, timeout=120)
    cap("npm-view-string-hash", "npm view string-hash --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http mnemonist murmurhash3js string-hash", n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-mnemonist", "grep -rn 'throw new Error' node_modules/mnemonist --include=*.js", n, n_grep_rn)
    cap("grep-rn-cat-string-hash", "cat node_modules/string-hash/package.json; grep -rn 'hash\\|seed' node_modules/string-hash node_modules/murmurhash3js --include=*.js | head -n 45", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on python-magic rarfile puremagic", tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a tar kettle's yarns, dips and tar arithmetic, with bugs put in (fixed before the run).
KETTLE_JS = r'''const murmur = require(@@MURMUR@@);
const stringHash = require(@@STRHASH@@);

// Yarns a kettle takes in a heat: its tar over one yarn's take-up, rounded up (bug: rounded down).
function yarnsPerHeat(tarL, takeL) {
  return Math.floor(tarL / takeL);
}

// Haul gates a yarn passes: two to a dip (bug: one to a dip).
function gates(dips) {
  return dips;
}

// Tar left in a kettle: what was heated less what the yarns took (bug: the take-up added).
function tarLeft(heatedL, takenL) {
  return Math.round((heatedL + takenL) * 100) / 100;
}

// A heat's tally hashed for the book (bug: the yarns alone hashed, the kettle left out).
function tallyHash(tally) {
  return murmur.x86.hash32(String(tally.yarns));
}

// A tarrer's key in the book (bug: the name hashed without the post).
function tarrerKey(name, post) {
  return stringHash(name);
}

// A tarrer's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function skeins(depth, leaf) {
  let o = { yarn_kg: leaf };
  for (let i = depth; i > 0; i--) o = { dip: i, skein: o };
  return o;
}

module.exports = { yarnsPerHeat, gates, tarLeft, tallyHash, tarrerKey, rollName, skeins };
'''

KETTLE_TEST = r'''const { yarnsPerHeat, gates, tarLeft, tallyHash, tarrerKey, rollName, skeins } = require("../kettle");

describe("pitchshed kettlebook", () => {
  test("a 180 litre kettle at 0.55 litres a yarn takes 328 yarns a heat", () => {
    expect(yarnsPerHeat(180, 0.55)).toBe(328);
  });

  test.each([[4, 8], [1, 2], [0, 0]])("%i dips pass %i haul gates", (d, n) => {
    expect(gates(d)).toBe(n);
  });

  test("180 litres heated less 62.5 taken leaves 117.5", () => {
    expect(tarLeft(180, 62.5)).toBeCloseTo(117.5);
  });

  test("two heats in different kettles hash apart", () => {
    expect(tallyHash({ yarns: 328, kettle: 1 })).not.toBe(tallyHash({ yarns: 328, kettle: 2 }));
  });

  test("a tarrer and a spinner of one name have different keys", () => {
    expect(tarrerKey("Anaïs Goudron", "tarrer")).not.toBe(tarrerKey("Anaïs Goudron", "spinner"));
  });

  test("the tarrer roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Björn Teerström", "latin1"))).toBe("Björn Teerström");
  });

  test("the kettle's skein survey matches the expected nesting", () => {
    expect(skeins(34, 3)).toEqual(skeins(34, 4));
  });

  test("the yarnskep holds the spare nippers", () => {
    expect({ yarnskep: { nippers: 2, ladles: 3 } }).toStrictEqual({ yarnskep: { nippers: 2, ladles: 3, hooks: 1 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "kettlebook-jest"
    (d / "test").mkdir(parents=True)
    (d / "kettle.js").write_text(KETTLE_JS.replace("@@MURMUR@@", json.dumps(str(NM / "murmurhash3js")))
                                 .replace("@@STRHASH@@", json.dumps(str(NM / "string-hash"))))
    (d / "test/kettle.test.js").write_text(KETTLE_TEST)
    (d / "package.json").write_text(json.dumps({"name": "kettlebook", "version": "0.4.2", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|hash|skein|keys' 2>&1 | tail -n 60", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "kettle.js").write_text((d / "kettle.js").read_text() + "\nfunction unusedLadle(s) { if (s == 0) {} return s }\n")
    (lint / "kettle.test.js").write_text(KETTLE_TEST)
    (lint / "vendor/wringer.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 70", lint, n_eslint, timeout=300)


# Round 368's crate in a ropery's words, paired in order with the old words of round 566's table.
RUST_WORDS = (
    "haulwinder", "Yarn hauling: hauls, dips and the tar a yarn takes up through the gate.",
    "haul_name", '"tarred"', '"gate"', '"nipper"', '"skein"', "9 is a tarred", "Haul", "haul_speed",
    "gate_fill", "hauling {",
)
assert len(w566.w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w566.w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Manila Yarn", "Sisal Yarn", "Hemp Yarn", "Coir Yarn", "Stockholm Tar", "Archangel Tar",
            "Russian Hemp", "Italian Hemp", "Jute Yarn", "Tarred Marline", "Spunyarn", "Houseline"]
GO_WORDS = ("skeintally", "tarbook", "tar host", "hauls left, days", "nothing left to tar", "tar order",
            "tar grade", "Kettle", "kettle", "Pitch", "pitch", "Ropery", "ropery", "Hauls", "hauls")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "skeintally", "tarbook", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff", "mypy", "pytest"])
    cm.install_npm(JS, "jest", ["jest", "eslint", "murmurhash3js", "string-hash"])


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide601-", OUT, TMP)
