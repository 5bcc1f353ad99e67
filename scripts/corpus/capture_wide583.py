#!/usr/bin/env python3
"""Round 583: issue #11's kinds with hostile features on real b-k packages (buffer-crc32, hash-sum, iconv-lite,
h5py, construct, imagesize), round 434's material renamed to a charcoal burner's hearth: clamps, billets and colliers
(seed 58310) through round 566's module (the left sides of its rename tables), round 555's (depth_fitting), round
489's steps and round 472's helpers (imported, given this round's words), round 368's Rust crate, round 273's Go
module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 583.
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
import capture_wide566 as w566  # noqa: E402  (the left sides of its rename tables; its constants replaced below)
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

ROOT = Path("/dev/shm/hm-corpus-wide583-tools")
TMP = Path("/dev/shm/hm-corpus-wide583")
OUT = Path(__file__).resolve().parent / "data" / "wide583.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 58310
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A charcoal burner's hearth for round 434's gasworks, paired in order with the old words of round 566's table.
HEARTH_WORDS = (
    "billetsack", "charstead",
    "Edwin Colyer", "edwin@hearthwood", "hearthwood",
    "pitkiln", "stack_billets", "lay_billet",
    "rake_char", "damp_clamp", "SwardError",
    "clampwatch_svc", "Mottypole", "mottypole",
    "fanrake", "Fanrake", "riddlesieve", "chimneysieve",
    "riddle", "Cordpile", "cordpile", "hearth",
    "breeze", "billets_n", "cord_m3", "char_kg",
    "Firing", "firing", "tend", "BLUESMOKE",
    "billet", "charwood", "woodsmoke", "vent",
    "58312",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(HEARTH_WORDS)
HEARTH = tuple(zip(OLD, HEARTH_WORDS))
assert not [(o, n) for _, n in HEARTH for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = HEARTH
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 58312
w536.SEED = SEED
w555.SEED = SEED
w566.SEED = SEED
db = w472.light

COLLIER_UTF16 = "".join(f"{h:02d}:40\tclamp {1 + h % 3} ring\tbillets {50 + h % 17} laid\tsmoke {'blue' if h % 5 == 0 else 'white'}\r\n"
                        for h in range(30))
COLLIERS = [("Jürgen Köhler", "collier", 29), ("Günther Meißner", "collier", 17), ("Aurélien Chabrol", "cutter", 4),
            ("Célestin Fabrègue", "collier", 36), ("Hélène Rouvière", "collier", 21), ("Théo Vézian", "sweeper", 2),
            ("Märta Kolbrännare", "collier", 14), ("Léonie Carbonnel", "collier", 33), ("Renée Sabatié", "collier", 9),
            ("Zoë Fournié", "stacker", 6), ("Jörg Brändle", "collier", 42), ("Ewald Grüß", "collier", 25)]


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/collier_utf16.log").write_bytes(COLLIER_UTF16.encode("utf-16"))
    (d / "data/colliers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in COLLIERS).encode("latin-1", "replace"))
    c = lambda i, cmd, ext, **k: cap(i, db(cmd), d, ext, **k)  # noqa: E731  commands written in 434's words
    c("pytest-v", "python -m pytest -v", n_pytest)
    c("pytest-long-recursion", "python -m pytest --tb=long tests/test_charge.py", n_pytest)
    c("pytest-tty", "python -m pytest -rA --tb=short tests", n_pytest, tty=True)
    c("pytest-chain-cat", "cat data/box3.dat; python -m pytest -q tests/test_holder.py tests/test_charge.py", n_pytest)
    c("ruff", "ruff check --no-cache .", n_ruff)
    c("ruff-tty", "ruff check --no-cache --output-format=full .", n_ruff, tty=True)
    c("mypy", "mypy --strict --no-incremental src purge_holder.py stoke_retorts.py", n_mypy)
    cap("mypy-chain", f"cd {d} && " + db("mypy --no-incremental --strict --pretty src tests 2>&1 | tail -n 50"), d, n_mypy)
    c("recursion-traceback", "python stoke_retorts.py 7", n_chained)
    c("chained-traceback-cat", "cat data/box3.dat && python purge_holder.py", n_chained)
    cap("grep-rna-utf16", "cat data/collier_utf16.log data/colliers.txt; grep -rna 'billet\\|clamp' src data " + db("purifier.min.js"), d, n_grep_rn)
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
    for name, nb, big, na in (("clampwatch_a.py", 65, 760, 70), ("clampwatch_b.py", 50, 880, 120)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python clampwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python clampwatch_b.py 2>&1 | grep -v '\"billetsack cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k4,4 -k2,2nr > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 150", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["collier,post,billets,cord_m3,hearth"]
    for i in range(76):
        n, p, _ = COLLIERS[i % len(COLLIERS)]
        rows.append(f"{n},{p},{rnd.randint(40, 960)},{rnd.randint(20, 310) / 10},{'Wyre' if i % 29 else 'Cleobury'}")
    (d / "colliers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat colliers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"char_kg": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"ring": i, "cord_m3": rnd.randint(20, 310) / 10, "billet": cfg}
    return json.dumps({"name": "clampbook", "version": "0.3.8", "private": True,
                       "dependencies": {"buffer-crc32": "*", "hash-sum": "*", "iconv-lite": "*"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "hearthwood": {"clamps": cfg}})


w555.deep_pkg = deep_pkg  # round 555's depth_fitting measures this round's JSON
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "clampbook"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    cap("npm-view-buffer-crc32", "npm view buffer-crc32 --json", d, n_npm_view, timeout=120)
    cap("npm-view-hash-sum", "npm view hash-sum --json", d, n_npm_view, timeout=120)
    cap("npm-view-iconv-lite", "npm view iconv-lite --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http buffer-crc32 hash-sum iconv-lite", n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-iconv-lite", "grep -rn 'utf16\\|ucs2' node_modules/iconv-lite/lib node_modules/iconv-lite/encodings --include=*.js", n, n_grep_rn)
    cap("grep-rn-cat-hash-sum", "cat node_modules/hash-sum/package.json; grep -rn 'crc\\|hash' node_modules/buffer-crc32 node_modules/hash-sum --include=*.js | head -n 45", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on h5py construct imagesize", tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a clamp's billets, cords and burn arithmetic, with bugs put in (fixed before the run).
CLAMP_JS = r'''const iconv = require(@@ICONV@@);
const sum = require(@@HASHSUM@@);

// Billets to fill a clamp: its volume over one billet's, rounded up (bug: rounded down).
function billetsFor(clampM3, billetM3) {
  return Math.floor(clampM3 / billetM3);
}

// Vents round a clamp: four to a ring (bug: one to a ring).
function vents(rings) {
  return rings;
}

// Charcoal from a burn: a quarter of the wood's weight, less the breeze raked out (bug: the breeze added).
function charYield(woodKg, breezeKg) {
  return Math.round((woodKg * 0.25 + breezeKg) * 100) / 100;
}

// The hearth's tally hashed for the book (bug: the billets alone hashed, the cords left out).
function tallyHash(tally) {
  return sum(tally.billets);
}

// A collier's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return iconv.decode(bytes, "utf8");
}

function rings(depth, leaf) {
  let o = { char_kg: leaf };
  for (let i = depth; i > 0; i--) o = { ring: i, billet: o };
  return o;
}

module.exports = { billetsFor, vents, charYield, tallyHash, rollName, rings };
'''

CLAMP_TEST = r'''const iconv = require(@@ICONV@@);
const { billetsFor, vents, charYield, tallyHash, rollName, rings } = require("../clamp");

describe("hearthwood clampbook", () => {
  test("a 12 m3 clamp of 0.035 m3 billets takes 343 billets", () => {
    expect(billetsFor(12, 0.035)).toBe(343);
  });

  test.each([[3, 12], [1, 4], [0, 0]])("%i rings are opened with %i vents", (r, n) => {
    expect(vents(r)).toBe(n);
  });

  test("2,400 kg of cordwood less 35 kg of breeze gives 565 kg of charcoal", () => {
    expect(charYield(2400, 35)).toBeCloseTo(565);
  });

  test("two burns with different cords hash apart", () => {
    expect(tallyHash({ billets: 340, cords: 3 })).not.toBe(tallyHash({ billets: 340, cords: 4 }));
  });

  test("the collier roll keeps a name as written", () => {
    expect(rollName(iconv.encode("Jürgen Köhler", "latin1"))).toBe("Jürgen Köhler");
  });

  test("the clamp's ring survey matches the expected nesting", () => {
    expect(rings(36, 5)).toEqual(rings(36, 6));
  });

  test("the billetsack holds the spare rakes", () => {
    expect({ billetsack: { rakes: 3, riddles: 2 } }).toStrictEqual({ billetsack: { rakes: 3, riddles: 2, shovels: 1 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "clampbook-jest"
    (d / "test").mkdir(parents=True)
    iconv = json.dumps(str(NM / "iconv-lite"))
    (d / "clamp.js").write_text(CLAMP_JS.replace("@@ICONV@@", iconv).replace("@@HASHSUM@@", json.dumps(str(NM / "hash-sum"))))
    (d / "test/clamp.test.js").write_text(CLAMP_TEST.replace("@@ICONV@@", iconv))
    (d / "package.json").write_text(json.dumps({"name": "clampbook", "version": "0.3.8", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|hash|ring' 2>&1 | tail -n 60", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "clamp.js").write_text((d / "clamp.js").read_text() + "\nfunction unusedRake(s) { if (s == 0) {} return s }\n")
    (lint / "clamp.test.js").write_text(CLAMP_TEST.replace("@@ICONV@@", iconv))
    (lint / "vendor/fanrake.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 70", lint, n_eslint, timeout=300)


# Round 368's crate in a charcoal burner's words, paired in order with the old words of round 566's table.
RUST_WORDS = (
    "billetwinder", "Billet stacking: cords, rings and the wood laid in a clamp.",
    "stack_name", '"stacked"', '"ring"', '"sward"', '"chimney"', "9 is a stacked", "Cord", "burn_speed",
    "cord_fill", "burning {",
)
assert len(w566.w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w566.w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Oak Cord", "Beech Cord", "Hazel Coppice", "Alder Billet", "Birch Brash", "Ash Lop",
            "Hornbeam Cord", "Chestnut Pole", "Willow Wand", "Field Maple", "Holly Cord", "Blackthorn"]
GO_WORDS = ("billetcount", "hearthbook", "hearth host", "cords left, days", "nothing left to burn", "burn order",
            "char grade", "Clamp", "clamp", "Charwood", "charwood", "Hearth", "hearth", "Cords", "cords")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "billetcount", "hearthbook", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff", "mypy", "pytest"])
    cm.install_npm(JS, "jest", ["jest", "eslint", "iconv-lite", "hash-sum"])


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide583-", OUT, TMP)
