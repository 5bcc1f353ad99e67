#!/usr/bin/env python3
"""Round 715: issue #11's kinds with hostile features on real packages no earlier round used (globrex, timsort,
wildcard-match, globber, pywildcard, humanbytes: small glob/wildcard-matching, sorting and byte-size packages),
round 434's material renamed to an enameller's workshop: frit, copper plates, kilns, cloisons and enamellers (seed
71510) through round 707's module and through it round 699's, 691's, 683's, 675's, 667's, 660's and the modules they
set (their constants replaced again by this round's), round 566's rename tables (left sides), round 555's
depth_fitting, round 489's steps and round 472's helpers, round 368's Rust crate, round 273's Go module and a jest
suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 715.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide707 as w707  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide707 import (cm, make_steps, n_chained, n_csv, n_diff, n_eslint, n_grep_rn, n_jest,  # noqa: E402
                             n_json_file, n_json_log, n_lock, n_log_p, n_mypy, n_npm_install, n_npm_view,
                             n_pip_install, n_ps_aux, n_pytest, n_ruff, n_show, n_status, w368, w434, w472, w489,
                             w555, w566, w619, w660, w667, w675, w683, w691, w699)

w645, w640, w633, w626 = w667.w645, w667.w640, w667.w633, w667.w626
ROOT = Path("/dev/shm/hm-corpus-wide715-tools")
TMP = Path("/dev/shm/hm-corpus-wide715")
OUT = Path(__file__).resolve().parent / "data" / "wide715.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 71510
NPM_PKGS = ("globrex@0.1.2", "timsort@0.3.0", "wildcard-match@5.1.4")
PIP_PKGS = ("globber==0.2.1", "pywildcard==1.0.10", "humanbytes==1.0.0")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# An enameller's workshop for round 434's gasworks, paired in order with the old words of round 566's table.
WORKS_WORDS = (
    "enamchest", "fritboard",
    "Blanche Fritwood", "blanche@enamelworks", "enamelworks",
    "fritkiln", "fire_plates", "lay_frit",
    "draw_plate", "cool_plates", "CloisonError",
    "enamwatch_svc", "Fritmill", "fritmill",
    "enamfrit", "Enamfrit", "enamkey", "enamslab",
    "reglaze", "Platerow", "platerow", "enamwire",
    "opacifier", "frit_kg", "enam_coat_g", "flux_kg",
    "Firing", "firing", "glazing", "FRITDUST",
    "frit", "flux", "enamel", "kiln",
    "71512",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(WORKS_WORDS)
WORKS = tuple(zip(OLD, WORKS_WORDS))
assert not [(o, n) for _, n in WORKS for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = WORKS
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 71512
for m in (w707, w699, w691, w683, w675, w667, w660, w645, w640, w633, w626, w619, w619.w536, w555, w566, w619.w583,
          w619.w601, w619.w608):
    m.SEED = SEED
(w707.WORKS, w699.WORKS, w691.LOFT, w683.SHOP, w675.SHOP, w667.SHOP, w660.SHOP, w645.WORKS, w640.SHOP, w633.MILL,
 w626.WORKS, w619.MILL, w619.w583.HEARTH, w619.w601.TARHOUSE, w619.w608.BOILERY) = (WORKS,) * 15
db = w472.light

FIRING_UTF16 = "".join(f"{h:02d}:40\tkiln {1 + h % 5} fired\tplates {210 + h % 7 * 15} laid\tfrit {'reground' if h % 6 == 0 else 'holding'}\r\n"
                       for h in range(200))
MAKERS = [("Élise Émailleuse", "firer", 29), ("Jürgen Schmelzer", "grinder", 12), ("Ségolène Cloisonnier", "wirer", 7),
          ("Åsa Emaljör", "firer", 25), ("Léonie Champlevé", "engraver", 18), ("Maëlys Fondant", "apprentice", 3),
          ("Bjørn Emaljemager", "firer", 10), ("Hélène Limousin", "painter", 21), ("Renée Vitrière", "firer", 36),
          ("Østen Glasur", "polisher", 4), ("Zoë Émaillé", "painter", 15), ("Thérèse Fritière", "wirer", 24)]
(w707.MAKERS, w699.MAKERS, w691.MAKERS, w683.MAKERS, w675.MAKERS, w667.MAKERS, w660.MAKERS, w645.MAKERS, w640.BEATERS,
 w633.PINMAKERS, w626.SMITHS, w619.MILLERS, w619.w583.COLLIERS, w619.w601.TARRERS, w619.w608.SOAPBOILERS) = (MAKERS,) * 15
(w707.PLUCKING_UTF16, w699.GRINDING_UTF16, w691.KNITTING_UTF16, w683.SHAPING_UTF16, w675.CARVING_UTF16,
 w667.GRINDING_UTF16, w660.LACING_UTF16, w645.FRAMING_UTF16, w640.BEATING_UTF16, w633.POINTING_UTF16,
 w626.TEMPER_UTF16, w619.EDGESTONE_UTF16, w619.w583.COLLIER_UTF16, w619.w601.TARRER_UTF16,
 w619.w608.BOILER_UTF16) = (FIRING_UTF16,) * 15

# Round 707's Python items, as (id, command in round 434's words, extractor, tty); the chains get `cd <dir> &&`.
PY_ITEMS = (
    ("pytest-v", "python -m pytest -v", n_pytest, False),
    ("pytest-long-recursion", "python -m pytest --tb=long tests/test_charge.py", n_pytest, False),
    ("pytest-tty", "python -m pytest -rA --tb=short tests", n_pytest, True),
    ("pytest-chain-cat", "cat data/box3.dat; python -m pytest -q tests/test_holder.py tests/test_charge.py", n_pytest, False),
    ("ruff", "ruff check --no-cache .", n_ruff, False),
    ("ruff-tty", "ruff check --no-cache --output-format=full .", n_ruff, True),
    ("mypy", "mypy --strict --no-incremental src purge_holder.py stoke_retorts.py", n_mypy, False),
    ("mypy-chain", "CD mypy --no-incremental --strict --pretty src tests 2>&1 | tail -n 70", n_mypy, False),
    ("recursion-traceback", "python stoke_retorts.py 7", n_chained, False),
    ("chained-traceback-cat", "cat data/box3.dat && python purge_holder.py", n_chained, False),
    ("grep-rna-utf16", "cat data/firing_utf16.log data/enamellers.txt; grep -rna 'box\\|gasholder' src data purifier.min.js", n_grep_rn, False),
    ("git-status", "git status", n_status, False),
    ("git-diff-text", "git diff --text", n_diff, False),
    ("git-log-p", "git log -p", n_log_p, False),
    ("git-show-text", "git show --text HEAD~1", n_show, False),
    ("pytest-x-tail", "CD python -m pytest -q -x 2>&1 | tail -n 50", n_pytest, False),
    ("ruff-concise-head", "ruff check --no-cache --output-format=concise . | head -n 40", n_ruff, False),
)


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/firing_utf16.log").write_bytes(FIRING_UTF16.encode("utf-16"))
    (d / "data/enamellers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in MAKERS).encode("latin-1", "replace"))
    for item, cmd, ext, tty in PY_ITEMS:
        cmd = db(cmd)
        cap(item, cmd.replace("CD ", f"cd {d} && ", 1) if cmd.startswith("CD ") else cmd, d, ext, tty=tty)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = db(w434.SVC)
    for name, nb, big, na in (("enamwatch_a.py", 58, 880, 82), ("enamwatch_b.py", 48, 910, 108)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python enamwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python enamwatch_b.py 2>&1 | grep -v '\"enamchest cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux-cut", "ps auxww | cut -c1-300", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k1,1 > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 320", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["enameller,post,plates,frit_kg,works"]
    for i in range(450):
        n, p, _ = MAKERS[i % len(MAKERS)]
        rows.append(f"{n},{p},{rnd.randint(3, 260)},{rnd.randint(5, 480) / 10},{'Limoges' if i % 191 else 'Battersea'}")
    (d / "enamellers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat enamellers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"frit_kg": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"coat": i, "flux_g": rnd.randint(1, 99) / 10, "plate": cfg}
    return json.dumps({"name": "enamroom", "version": "0.7.15", "private": True,
                       "dependencies": {"globrex": "0.1.2", "timsort": "0.3.0", "wildcard-match": "5.1.4"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "enamelworks": {"coats": cfg}})


(w707.deep_pkg, w699.deep_pkg, w691.deep_pkg, w683.deep_pkg, w675.deep_pkg, w667.deep_pkg, w660.deep_pkg,
 w645.deep_pkg, w640.deep_pkg, w555.deep_pkg, w633.deep_pkg, w626.deep_pkg, w619.deep_pkg, w619.w583.deep_pkg,
 w619.w601.deep_pkg, w619.w608.deep_pkg) = (deep_pkg,) * 16
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "enamroom"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("globrex", "timsort", "wildcard-match"):
        cap(f"npm-view-{pkg}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-timsort-wildcard", "grep -rn 'function\\|return\\|require' node_modules/timsort node_modules/wildcard-match --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-globrex", "cat node_modules/globrex/package.json; grep -rn 'function\\|return\\|glob' node_modules/globrex --include=*.js | head -n 260", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: an enameller's plates, cloison wires, frit, firing queue, plate files, kiln loads and kiln
# paths, with bugs put in (fixed before the run).
ENAM_JS = r'''const globrex = require(@@GR@@);
const TimSort = require(@@TS@@);
const wcmatch = require(@@WM@@);

// Plates cut from a copper sheet: its width over one plate's, rounded down (bug: rounded up).
function platesPerSheet(sheetCm, plateCm) {
  return Math.ceil(sheetCm / plateCm);
}

// Cloison wires for a plate: one a cell and one spare (bug: one short of the cells).
function wiresFor(cells) {
  return cells - 1;
}

// Frit left in the jar: what was ground less what was laid (bug: the laid frit added).
function fritLeft(groundKg, laidKg) {
  return Math.round((groundKg + laidKg) * 100) / 100;
}

// The firing queue: first laid, first fired (bug: the newest plate taken first).
function nextPlates(plates, n) {
  const q = plates.slice();
  const out = [];
  for (let i = 0; i < n && q.length > 0; i++) out.push(q.pop());
  return out;
}

// Is a file one of the workshop's frit recipes, "*.frit" (bug: the extension cut short).
function isFritFile(name) {
  return globrex("*.fri").regex.test(name);
}

// Kiln loads sorted lightest first (bug: the comparator reversed).
function sortedLoads(grams) {
  const a = grams.slice();
  TimSort.sort(a, (x, y) => y - x);
  return a;
}

// Is a path under the kiln log tree, "kiln/**" (bug: "kiln/*" asked, one level only).
function underKiln(path) {
  return wcmatch("kiln/*", "/")(path);
}

// An enameller's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function coats(depth, frit) {
  let o = { frit_kg: frit };
  for (let i = depth; i > 0; i--) o = { coat: i, plate: o };
  return o;
}

module.exports = { platesPerSheet, wiresFor, fritLeft, nextPlates, isFritFile, sortedLoads, underKiln, rollName, coats };
'''

ENAM_TEST = r'''const { platesPerSheet, wiresFor, fritLeft, nextPlates, isFritFile, sortedLoads, underKiln, rollName, coats } = require("../enamfrit");

describe("enamelworks enamroom", () => {
  test("a 100 cm sheet at 12 cm a plate gives 8 plates", () => {
    expect(platesPerSheet(100, 12)).toBe(8);
  });

  test.each([[24, 25], [9, 10], [0, 1]])("%i cells take %i wires", (c, n) => {
    expect(wiresFor(c)).toBe(n);
  });

  test("40 kg of frit ground less 12.5 laid leaves 27.5", () => {
    expect(fritLeft(40, 12.5)).toBeCloseTo(27.5);
  });

  test("the firing queue fires the oldest plate first", () => {
    expect(nextPlates(["Cloisonne", "Champleve", "Guilloche"], 2)).toEqual(["Cloisonne", "Champleve"]);
  });

  test("opal.frit is a frit recipe", () => {
    expect(isFritFile("opal.frit")).toBe(true);
  });

  test("the kiln loads sort lightest first", () => {
    expect(sortedLoads([340, 120, 560, 80, 210])).toEqual([80, 120, 210, 340, 560]);
  });

  test("kiln/2/plate-07.log is under the kiln logs", () => {
    expect(underKiln("kiln/2/plate-07.log")).toBe(true);
  });

  test("the enamellers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Élise Émailleuse", "latin1"))).toBe("Élise Émailleuse");
  });

  test("the workshop's coat survey matches the expected nesting", () => {
    expect(coats(27, 4)).toEqual(coats(27, 7));
  });

  test("the enamchest holds the spare plates", () => {
    expect({ enamchest: { plates: 40, wires: 120 } }).toStrictEqual({ enamchest: { plates: 40, wires: 120, counters: 8 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "enamroom-jest"
    (d / "test").mkdir(parents=True)
    (d / "enamfrit.js").write_text(ENAM_JS.replace("@@GR@@", json.dumps(str(NM / "globrex")))
                                   .replace("@@TS@@", json.dumps(str(NM / "timsort")))
                                   .replace("@@WM@@", json.dumps(str(NM / "wildcard-match"))))
    (d / "test/enamfrit.test.js").write_text(ENAM_TEST)
    (d / "package.json").write_text(json.dumps({"name": "enamroom", "version": "0.7.15", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|queue|survey|kiln' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "enamfrit.js").write_text((d / "enamfrit.js").read_text() + "\nfunction unusedReglaze(s) { if (s == 0) {} return s }\n")
    (lint / "enamfrit.test.js").write_text(ENAM_TEST)
    (lint / "vendor/enamkey.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in an enameller's words, paired in order with the old words of round 489's table.
RUST_WORDS = (
    "enamwright", "Enamelling: frit, flux and the coats a copper plate takes.",
    "enamel_name", '"cloisonne"', '"champleve"', '"guilloche"', '"plique"', "9 is a cloisonne", "Fritpack", "fire_speed",
    "kiln_fill", "firing {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Cloisonne", "Champleve", "Basse-taille", "Plique-a-jour", "Guilloche", "Painted Enamel",
            "Limoges Enamel", "Stencil Enamel", "Sgraffito", "Counter Enamel", "Battersea Enamel", "Email en Resille"]
GO_WORDS = ("enamtally", "enamledger", "enamelworks host", "frit left, days", "nothing left to fire", "firing order",
            "frit grade", "Plate", "plate", "Frit", "frit", "Works", "works", "Coats", "coats")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "enamtally", "enamledger", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff==0.17.6", "mypy==2.4.1", "pytest==9.2.0"])
    cm.install_npm(JS, "jest", ["jest@30.5.2", "eslint@10.16.0"] + list(NPM_PKGS))


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide715-", OUT, TMP)
