#!/usr/bin/env python3
"""Round 619: issue #11's kinds with hostile features on real packages no earlier round used (murmurhash-js,
fnv-plus, hi-base32, cobs, pymmh3, base91), round 434's material renamed to a mustard mill: edgestones, seed and
mustard millers (seed 61910) through round 566's module (the left sides of its rename tables), round 608's (its
constants replaced), round 555's (depth_fitting), round 489's steps and round 472's helpers (imported, given this
round's words), round 368's Rust crate, round 273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 619.
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
import capture_wide601 as w601  # noqa: E402  (its constants replaced below)
import capture_wide608 as w608  # noqa: E402  (its constants replaced below)
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

ROOT = Path("/dev/shm/hm-corpus-wide619-tools")
TMP = Path("/dev/shm/hm-corpus-wide619")
OUT = Path(__file__).resolve().parent / "data" / "wide619.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 61910
NPM_PKGS = ("murmurhash-js@1.0.0", "fnv-plus@1.3.1", "hi-base32@0.5.1")
PIP_PKGS = ("cobs==1.2.2", "pymmh3==0.0.5", "base91==1.0.1")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A mustard mill for round 434's gasworks, paired in order with the old words of round 566's table.
MILL_WORDS = (
    "seedbin", "edgesill",
    "Tobias Senwell", "tobias@mustardmill", "mustardmill",
    "edgestonebed", "turn_edgestones", "feed_edgestone",
    "sweep_edgestone", "bolt_flour", "HuskError",
    "seedwatch_svc", "Flourbin", "flourbin",
    "huskfan", "Huskfan", "branblower", "boltcloth",
    "sift", "Edgestone", "edgestone", "seedchute",
    "turmeric", "seed_kg", "flour_make_kg", "husk_kg",
    "Milling", "milling", "grind", "SINIGRIN",
    "seed", "husk", "flour", "sack",
    "61912",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(MILL_WORDS)
MILL = tuple(zip(OLD, MILL_WORDS))
assert not [(o, n) for _, n in MILL for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = MILL
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 61912
for m in (w536, w555, w566, w583, w601, w608):
    m.SEED = SEED
w583.HEARTH = w601.TARHOUSE = w608.BOILERY = MILL
db = w472.light

EDGESTONE_UTF16 = "".join(f"{h:02d}:20\tedgestone {1 + h % 4} turn\ttins {20 + h % 9} filled\tseed {'hot' if h % 6 == 0 else 'mild'}\r\n"
                          for h in range(200))
MILLERS = [("Hélène Moutardier", "miller", 29), ("Jérôme Sénevier", "miller", 17), ("Zoë Graindor", "sifter", 6),
           ("Mårten Senapsson", "miller", 36), ("Günther Senfmüller", "miller", 21), ("Françoise Dijonnais", "boy", 1),
           ("Aurélien Meulière", "miller", 13), ("Jürgen Mühlstein", "miller", 40), ("Élodie Tamisier", "miller", 9),
           ("Øystein Sennepsgård", "packer", 4), ("Renée Pommeraye", "miller", 47), ("Agnès Moulinard", "miller", 25)]
w583.COLLIERS = w601.TARRERS = w608.SOAPBOILERS = MILLERS
w583.COLLIER_UTF16 = w601.TARRER_UTF16 = w608.BOILER_UTF16 = EDGESTONE_UTF16


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/edgestone_utf16.log").write_bytes(EDGESTONE_UTF16.encode("utf-16"))
    (d / "data/mustardmillers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in MILLERS).encode("latin-1", "replace"))
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
    cap("grep-rna-utf16", "cat data/edgestone_utf16.log data/mustardmillers.txt; grep -rna 'seedbin\\|edgestone' src data " + db("purifier.min.js"), d, n_grep_rn)
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
    for name, nb, big, na in (("seedwatch_a.py", 55, 720, 85), ("seedwatch_b.py", 44, 1010, 110)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python seedwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python seedwatch_b.py 2>&1 | grep -v '\"seedbin cycle\"' | tail -n 140", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2nr > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 640", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["miller,post,tins,seed_kg,mill"]
    for i in range(540):
        n, p, _ = MILLERS[i % len(MILLERS)]
        rows.append(f"{n},{p},{rnd.randint(20, 760)},{rnd.randint(12, 340) / 10},{'Haddiscoe' if i % 271 else 'Loddon'}")
    (d / "mustardmillers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat mustardmillers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"seed_kg": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"grind": i, "flour_kg": rnd.randint(12, 340) / 10, "tin": cfg}
    return json.dumps({"name": "tinbook", "version": "0.6.2", "private": True,
                       "dependencies": {"murmurhash-js": "1.0.0", "fnv-plus": "1.3.1", "hi-base32": "0.5.1"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "mustardmill": {"edgestones": cfg}})


w555.deep_pkg = w583.deep_pkg = w601.deep_pkg = w608.deep_pkg = deep_pkg  # round 555's depth_fitting measures this round's JSON
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "tinbook"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    cap("npm-view-murmurhash-js", "npm view murmurhash-js --json", d, n_npm_view, timeout=120)
    cap("npm-view-fnv-plus", "npm view fnv-plus --json", d, n_npm_view, timeout=120)
    cap("npm-view-hi-base32", "npm view hi-base32 --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-hi-base32", "grep -rn 'throw\\|function' node_modules/hi-base32/src --include=*.js", n, n_grep_rn)
    cap("grep-rn-cat-fnv-plus", "cat node_modules/fnv-plus/package.json; grep -rn 'hash\\|function' node_modules/fnv-plus node_modules/murmurhash-js --include=*.js | head -n 200", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a mustard mill's grinds, tins and seed arithmetic, with bugs put in (fixed before the run).
MILL_JS = r'''const murmur = require(@@MURMUR@@);
const fnv = require(@@FNV@@);

// Tins a grind fills: its flour over one tin's hold, rounded up (bug: rounded down).
function tinsPerGrind(flourG, tinG) {
  return Math.floor(flourG / tinG);
}

// Tins packed in a crate: forty-eight to a crate (bug: forty to a crate).
function tinsPacked(crates) {
  return crates * 40;
}

// Seed left in a bin: what was bought less what the edgestones took (bug: the take added).
function seedLeft(boughtKg, takenKg) {
  return Math.round((boughtKg + takenKg) * 100) / 100;
}

// A grind's tally hashed for the book (bug: the tins alone hashed, the edgestone left out).
function tallyHash(tally) {
  return murmur.murmur3(String(tally.tins), 61914);
}

// A miller's key in the book (bug: the name hashed without the post).
function millerKey(name, post) {
  return fnv.hash(name, 32).hex();
}

// A miller's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function tins(depth, leaf) {
  let o = { seed_kg: leaf };
  for (let i = depth; i > 0; i--) o = { grind: i, tin: o };
  return o;
}

module.exports = { tinsPerGrind, tinsPacked, seedLeft, tallyHash, millerKey, rollName, tins };
'''

MILL_TEST = r'''const { tinsPerGrind, tinsPacked, seedLeft, tallyHash, millerKey, rollName, tins } = require("../edgestone");

describe("mustardmill tinbook", () => {
  test("a 9,500 g grind at 420 g a tin fills 23 tins", () => {
    expect(tinsPerGrind(9500, 420)).toBe(23);
  });

  test.each([[3, 144], [1, 48], [0, 0]])("%i crates pack %i tins", (c, n) => {
    expect(tinsPacked(c)).toBe(n);
  });

  test("615 kg bought less 212.5 taken leaves 402.5", () => {
    expect(seedLeft(615, 212.5)).toBeCloseTo(402.5);
  });

  test("two grinds on different edgestones hash apart", () => {
    expect(tallyHash({ tins: 23, edgestone: 1 })).not.toBe(tallyHash({ tins: 23, edgestone: 2 }));
  });

  test("a miller and a sifter of one name have different keys", () => {
    expect(millerKey("Zoë Graindor", "miller")).not.toBe(millerKey("Zoë Graindor", "sifter"));
  });

  test("the millers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Hélène Moutardier", "latin1"))).toBe("Hélène Moutardier");
  });

  test("the edgestone's tin survey matches the expected nesting", () => {
    expect(tins(33, 5)).toEqual(tins(33, 6));
  });

  test("the seedbin holds the spare sieves", () => {
    expect({ seedbin: { sieves: 3, scoops: 2 } }).toStrictEqual({ seedbin: { sieves: 3, scoops: 2, brushes: 1 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "tinbook-jest"
    (d / "test").mkdir(parents=True)
    (d / "edgestone.js").write_text(MILL_JS.replace("@@MURMUR@@", json.dumps(str(NM / "murmurhash-js")))
                                    .replace("@@FNV@@", json.dumps(str(NM / "fnv-plus"))))
    (d / "test/edgestone.test.js").write_text(MILL_TEST)
    (d / "package.json").write_text(json.dumps({"name": "tinbook", "version": "0.6.2", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|hash|survey|keys' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "edgestone.js").write_text((d / "edgestone.js").read_text() + "\nfunction unusedSieve(s) { if (s == 0) {} return s }\n")
    (lint / "edgestone.test.js").write_text(MILL_TEST)
    (lint / "vendor/branblower.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a mustard mill's words, paired in order with the old words of round 566's table.
RUST_WORDS = (
    "tinfiller", "Tin filling: tins, lids and the tins a sack of mustard flour fills at the filler.",
    "tin_name", '"dram"', '"sixpenny"', '"shilling"', '"florin"', "9 is a dram", "Tinlid", "filler_speed",
    "tin_fill", "filling {",
)
assert len(w566.w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w566.w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Dijon Strong", "English Hot", "Wholegrain Coarse", "Bavarian Sweet", "Brown Seed", "Yellow Powder",
            "Honey Blend", "Tarragon Mild", "Durham Flour", "Meaux Ancienne", "Haddiscoe Hot", "Loddon Smooth"]
GO_WORDS = ("mustardtally", "grindbook", "grinding host", "tins left, days", "nothing left to sift", "sifting order",
            "mustard grade", "Canister", "canister", "Mustard", "mustard", "Grindhouse", "grindhouse", "Spoonfuls", "spoonfuls")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "mustardtally", "grindbook", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff", "mypy", "pytest"])
    cm.install_npm(JS, "jest", ["jest", "eslint", "murmurhash-js@1.0.0", "fnv-plus@1.3.1"])


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide619-", OUT, TMP)
