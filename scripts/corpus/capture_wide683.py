#!/usr/bin/env python3
"""Round 683: issue #11's kinds with hostile features on real packages no earlier round used (ngraph.graph,
gl-matrix, japanese-holidays, altgraph, lunarcalendar, python-i18n: small graph, matrix and calendar/i18n packages),
round 434's material renamed to a clogmaker's shop: soles, irons, uppers and clogmakers (seed 68310) through round
675's module and through it round 667's, 660's and the modules they set (their constants replaced again by this
round's), round 566's rename tables (left sides), round 555's depth_fitting, round 489's steps and round 472's helpers,
round 368's Rust crate, round 273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 683.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide675 as w675  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide675 import (cm, make_steps, n_chained, n_csv, n_diff, n_eslint, n_grep_rn, n_jest,  # noqa: E402
                             n_json_file, n_json_log, n_lock, n_log_p, n_mypy, n_npm_install, n_npm_view,
                             n_pip_install, n_ps_aux, n_pytest, n_ruff, n_show, n_status, w368, w434, w472, w489,
                             w555, w566, w619, w660, w667)

w645, w640, w633, w626 = w667.w645, w667.w640, w667.w633, w667.w626
ROOT = Path("/dev/shm/hm-corpus-wide683-tools")
TMP = Path("/dev/shm/hm-corpus-wide683")
OUT = Path(__file__).resolve().parent / "data" / "wide683.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 68310
NPM_PKGS = ("ngraph.graph@20.1.2", "gl-matrix@3.4.4", "japanese-holidays@1.0.10")
PIP_PKGS = ("altgraph==0.17.5", "lunarcalendar==0.0.9", "python-i18n==0.3.9")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A clogmaker's shop for round 434's gasworks, paired in order with the old words of round 566's table.
SHOP_WORDS = (
    "clogchest", "lastblock",
    "Elias Woodsole", "elias@clogworks", "clogworks",
    "soleshed", "shape_soles", "nail_iron",
    "fit_upper", "rasp_clogs", "IronError",
    "clogwatch_svc", "Alderblock", "alderblock",
    "clogiron", "Clogiron", "clogpress", "soleframe",
    "tallow", "Toeplate", "toeplate", "clogstand",
    "neatsfoot", "alder_kg", "clog_make_n", "sycamore_kg",
    "Shaping", "shaping", "hollow", "SHAVINGS",
    "alder", "sycamore", "clog", "iron",
    "68312",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(SHOP_WORDS)
SHOP = tuple(zip(OLD, SHOP_WORDS))
assert not [(o, n) for _, n in SHOP for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = SHOP
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 68312
for m in (w675, w667, w660, w645, w640, w633, w626, w619, w619.w536, w555, w566, w619.w583, w619.w601, w619.w608):
    m.SEED = SEED
(w675.SHOP, w667.SHOP, w660.SHOP, w645.WORKS, w640.SHOP, w633.MILL, w626.WORKS, w619.MILL, w619.w583.HEARTH,
 w619.w601.TARHOUSE, w619.w608.BOILERY) = (SHOP,) * 11
db = w472.light

SHAPING_UTF16 = "".join(f"{h:02d}:40\tpair {1 + h % 4} shaped\tirons {120 + h % 9 * 10} nailed\talder {'seasoned' if h % 5 == 0 else 'green'}\r\n"
                        for h in range(200))
MAKERS = [("Amélie Sabotier", "carver", 29), ("Géraud Galochier", "ironer", 12), ("Jörg Holzschuh", "turner", 7),
          ("Åke Träskomakare", "carver", 33), ("Maïwenn Sabot", "finisher", 18), ("Élodie Galoche", "apprentice", 1),
          ("Sölvi Tréskór", "carver", 9), ("Noémie Klompen", "stitcher", 24), ("Renée Sabotière", "carver", 40),
          ("Søren Træsko", "tester", 4), ("Inès Galochette", "turner", 15), ("Jérôme Clouterie", "ironer", 21)]
(w675.MAKERS, w667.MAKERS, w660.MAKERS, w645.MAKERS, w640.BEATERS, w633.PINMAKERS, w626.SMITHS, w619.MILLERS,
 w619.w583.COLLIERS, w619.w601.TARRERS, w619.w608.SOAPBOILERS) = (MAKERS,) * 11
(w675.CARVING_UTF16, w667.GRINDING_UTF16, w660.LACING_UTF16, w645.FRAMING_UTF16, w640.BEATING_UTF16,
 w633.POINTING_UTF16, w626.TEMPER_UTF16, w619.EDGESTONE_UTF16, w619.w583.COLLIER_UTF16, w619.w601.TARRER_UTF16,
 w619.w608.BOILER_UTF16) = (SHAPING_UTF16,) * 11


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/shaping_utf16.log").write_bytes(SHAPING_UTF16.encode("utf-16"))
    (d / "data/clogmakers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in MAKERS).encode("latin-1", "replace"))
    c = lambda i, cmd, ext, **k: cap(i, db(cmd), d, ext, **k)  # noqa: E731  commands written in 434's words
    c("pytest-v", "python -m pytest -v", n_pytest)
    c("pytest-long-recursion", "python -m pytest --tb=long tests/test_charge.py", n_pytest)
    c("pytest-tty", "python -m pytest -rA --tb=short tests", n_pytest, tty=True)
    c("pytest-chain-cat", "cat data/box3.dat; python -m pytest -q tests/test_holder.py tests/test_charge.py", n_pytest)
    c("ruff", "ruff check --no-cache .", n_ruff)
    c("ruff-tty", "ruff check --no-cache --output-format=full .", n_ruff, tty=True)
    c("mypy", "mypy --strict --no-incremental src purge_holder.py stoke_retorts.py", n_mypy)
    cap("mypy-chain", f"cd {d} && " + db("mypy --no-incremental --strict --pretty src tests 2>&1 | tail -n 70"), d, n_mypy)
    c("recursion-traceback", "python stoke_retorts.py 7", n_chained)
    c("chained-traceback-cat", "cat data/box3.dat && python purge_holder.py", n_chained)
    cap("grep-rna-utf16", "cat data/shaping_utf16.log data/clogmakers.txt; grep -rna 'clogchest\\|alderblock' src data " + db("purifier.min.js"), d, n_grep_rn)
    c("git-status", "git status", n_status)
    c("git-diff-text", "git diff --text", n_diff)
    c("git-log-p", "git log -p", n_log_p)
    c("git-show-text", "git show --text HEAD~1", n_show)
    cap("pytest-x-tail", f"cd {d} && " + db("python -m pytest -q -x 2>&1 | tail -n 50"), d, n_pytest)
    c("ruff-concise-head", "ruff check --no-cache --output-format=concise . | head -n 40", n_ruff)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = db(w434.SVC)
    for name, nb, big, na in (("clogwatch_a.py", 60, 720, 80), ("clogwatch_b.py", 45, 940, 110)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python clogwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python clogwatch_b.py 2>&1 | grep -v '\"clogchest cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux-cut", "ps auxww | cut -c1-300", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2nr > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 380", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["clogmaker,post,pairs,dubbin_g,shop"]
    for i in range(480):
        n, p, _ = MAKERS[i % len(MAKERS)]
        rows.append(f"{n},{p},{rnd.randint(2, 260)},{rnd.randint(10, 640) / 10},{'Bacup' if i % 211 else 'Hebden'}")
    (d / "clogmakers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat clogmakers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"dubbin_g": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"pair": i, "alder_mm": rnd.randint(1, 99) / 10, "iron": cfg}
    return json.dumps({"name": "clogroom", "version": "0.6.83", "private": True,
                       "dependencies": {"ngraph.graph": "20.1.2", "gl-matrix": "3.4.4", "japanese-holidays": "1.0.10"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "clogworks": {"pairs": cfg}})


(w675.deep_pkg, w667.deep_pkg, w660.deep_pkg, w645.deep_pkg, w640.deep_pkg, w555.deep_pkg, w633.deep_pkg,
 w626.deep_pkg, w619.deep_pkg, w619.w583.deep_pkg, w619.w601.deep_pkg, w619.w608.deep_pkg) = (deep_pkg,) * 12
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "clogroom"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("ngraph.graph", "gl-matrix", "japanese-holidays"):
        cap(f"npm-view-{pkg.replace('.', '-')}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-graph-holidays", "grep -rn 'function\\|return\\|throw' node_modules/ngraph.graph/index.js node_modules/ngraph.events/index.js node_modules/japanese-holidays --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-matrix", "cat node_modules/gl-matrix/package.json; grep -rn 'export function\\|return' node_modules/gl-matrix/esm/mat2.js node_modules/gl-matrix/esm/vec2.js | head -n 260", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a clogmaker's soles, irons, dubbin, orders, workshop graph, iron lengths, holidays and
# roll, with bugs put in (fixed before the run).
SHOP_JS = r'''const createGraph = require(@@NG@@);
const { vec2 } = require(@@GL@@);
const JapaneseHolidays = require(@@JH@@);

// Soles cut from an alder block: its length over one sole's length, rounded down (bug: rounded up).
function solesPerBlock(blockMm, soleMm) {
  return Math.ceil(blockMm / soleMm);
}

// Irons for a batch of pairs: a heel and a toe iron on each clog, four to a pair (bug: two).
function ironsForPairs(pairs) {
  return pairs * 2;
}

// Dubbin left in the tin: what was bought less what the uppers took (bug: the take added).
function dubbinLeft(boughtG, takenG) {
  return Math.round((boughtG + takenG) * 100) / 100;
}

// The shaping queue: first ordered, first shaped (bug: the newest order taken first).
function nextOrders(orders, n) {
  const q = orders.slice();
  const out = [];
  for (let i = 0; i < n && q.length > 0; i++) out.push(q.pop());
  return out;
}

// The workshop's steps as a graph: how many steps follow a step (bug: the steps before it counted too).
function stepsAfter(links, step) {
  const g = createGraph();
  for (const [a, b] of links) g.addLink(a, b);
  let n = 0;
  g.forEachLinkedNode(step, () => { n += 1; }, false);
  return n;
}

// An iron's length from its two nail holes, in mm (bug: the squared distance).
function ironLength(a, b) {
  return vec2.squaredDistance(a, b);
}

// Is the shop closed on a day: a Japanese holiday (bug: the month not made zero-based).
function shopClosed(y, m, d) {
  return Boolean(JapaneseHolidays.isHolidayAt(new Date(Date.UTC(y, m, d))));
}

// A clogmaker's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function irons(depth, dubbin) {
  let o = { dubbin_g: dubbin };
  for (let i = depth; i > 0; i--) o = { pair: i, iron: o };
  return o;
}

module.exports = { solesPerBlock, ironsForPairs, dubbinLeft, nextOrders, stepsAfter, ironLength, shopClosed, rollName, irons };
'''

SHOP_TEST = r'''const { solesPerBlock, ironsForPairs, dubbinLeft, nextOrders, stepsAfter, ironLength, shopClosed, rollName, irons } = require("../clogiron");

describe("clogworks clogroom", () => {
  test("a 900 mm alder block at 140 mm a sole yields 6 soles", () => {
    expect(solesPerBlock(900, 140)).toBe(6);
  });

  test.each([[3, 12], [1, 4], [0, 0]])("%i pairs take %i irons", (p, n) => {
    expect(ironsForPairs(p)).toBe(n);
  });

  test("400 g bought less 37.5 taken leaves 362.5", () => {
    expect(dubbinLeft(400, 37.5)).toBeCloseTo(362.5);
  });

  test("the shaping queue takes the oldest order first", () => {
    expect(nextOrders(["Lancashire Clog", "Dutch Klomp", "Clog Boot"], 2)).toEqual(["Lancashire Clog", "Dutch Klomp"]);
  });

  test("two steps follow hollowing in the workshop graph", () => {
    const links = [["block", "hollow"], ["hollow", "shape"], ["hollow", "rasp"], ["shape", "iron"], ["rasp", "iron"]];
    expect(stepsAfter(links, "hollow")).toBe(2);
  });

  test("a toe iron nailed at (0, 0) and (30, 40) is 50 mm long", () => {
    expect(ironLength([0, 0], [30, 40])).toBeCloseTo(50);
  });

  test("the shop is closed on New Year's Day 2025", () => {
    expect(shopClosed(2025, 1, 1)).toBe(true);
  });

  test("the clogmakers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Amélie Sabotier", "latin1"))).toBe("Amélie Sabotier");
  });

  test("the shop's iron survey matches the expected nesting", () => {
    expect(irons(27, 4)).toEqual(irons(27, 7));
  });

  test("the clogchest holds the spare irons", () => {
    expect({ clogchest: { irons: 16, nails: 120 } }).toStrictEqual({ clogchest: { irons: 16, nails: 120, clasps: 8 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "clogroom-jest"
    (d / "test").mkdir(parents=True)
    (d / "clogiron.js").write_text(SHOP_JS.replace("@@NG@@", json.dumps(str(NM / "ngraph.graph")))
                                   .replace("@@GL@@", json.dumps(str(NM / "gl-matrix")))
                                   .replace("@@JH@@", json.dumps(str(NM / "japanese-holidays"))))
    (d / "test/clogiron.test.js").write_text(SHOP_TEST)
    (d / "package.json").write_text(json.dumps({"name": "clogroom", "version": "0.6.83", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|queue|survey|block' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "clogiron.js").write_text((d / "clogiron.js").read_text() + "\nfunction unusedRasp(s) { if (s == 0) {} return s }\n")
    (lint / "clogiron.test.js").write_text(SHOP_TEST)
    (lint / "vendor/clogpress.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a clogmaker's words, paired in order with the old words of round 566's table (the left sides
# of round 489's table, as rounds 667 and 675 pair them).
RUST_WORDS = (
    "clogwright", "Clog shaping: soles, irons and the hollow a clog's last leaves.",
    "sole_name", '"alder"', '"sycamore"', '"willow"', '"birch"', "9 is an alder", "Solepack", "last_speed",
    "iron_fit", "shaping {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Lancashire Clog", "Dutch Klomp", "Clog Boot", "Duck Clog", "Dancing Clog", "Pit Clog",
            "Mill Clog", "Garden Clog", "Sabot", "Clog Sandal", "Bar Clog", "Welsh Clog"]
GO_WORDS = ("clogtally", "clogledger", "clogshop host", "pairs left, days", "nothing left to shape", "shaping order",
            "clog grade", "Pair", "pair", "Clog", "clog", "Shop", "shop", "Soles", "soles")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "clogtally", "clogledger", SEED + 3, GO_NAMES, GO_RENAMES)[0]


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
    cm.capture_round(__doc__, ensure_tools, steps, "wide683-", OUT, TMP)
