#!/usr/bin/env python3
"""Round 675: issue #11's kinds with hostile features on real packages no earlier round used (getopts,
robust-point-in-polygon, currency-codes, clize, euclid3, pyclipper: small CLI-argument, geometry and money packages),
round 434's material renamed to a toymaker's shop: whirligigs, hobbyhorses, tin soldiers and toymakers (seed 67510)
through round 667's module and through it round 660's and the modules it sets (their constants replaced again by this
round's), round 566's rename tables (left sides), round 555's depth_fitting, round 489's steps and round 472's helpers,
round 368's Rust crate, round 273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 675.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide667 as w667  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide667 import (cm, make_steps, n_chained, n_csv, n_diff, n_eslint, n_grep_rn, n_jest,  # noqa: E402
                             n_json_file, n_json_log, n_lock, n_log_p, n_mypy, n_npm_install, n_npm_view,
                             n_pip_install, n_ps_aux, n_pytest, n_ruff, n_show, n_status, w368, w434, w472, w489,
                             w555, w566, w619, w660)

w645, w640, w633, w626 = w667.w645, w667.w640, w667.w633, w667.w626
ROOT = Path("/dev/shm/hm-corpus-wide675-tools")
TMP = Path("/dev/shm/hm-corpus-wide675")
OUT = Path(__file__).resolve().parent / "data" / "wide675.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 67510
NPM_PKGS = ("getopts@2.3.0", "robust-point-in-polygon@1.0.3", "currency-codes@2.2.0")
PIP_PKGS = ("clize==5.0.2", "euclid3==0.01", "pyclipper==1.4.0")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A toymaker's shop for round 434's gasworks, paired in order with the old words of round 566's table.
SHOP_WORDS = (
    "toychest", "carvestool",
    "Tobias Tinkerwell", "tobias@toyworks", "toyworks",
    "toyloft", "spin_whirligigs", "wind_spring",
    "paint_soldier", "sand_hobbyhorses", "SpringError",
    "toywatch_svc", "Whirligig", "whirligig",
    "tinsoldier", "Tinsoldier", "toypress", "spinrack",
    "varnish", "Cogspring", "cogspring", "toyshelf",
    "lacquer", "beech_kg", "toy_make_n", "pine_kg",
    "Carving", "carving", "whittle", "SPLINTERS",
    "beech", "pine", "toy", "wheel",
    "67512",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(SHOP_WORDS)
SHOP = tuple(zip(OLD, SHOP_WORDS))
assert not [(o, n) for _, n in SHOP for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = SHOP
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 67512
for m in (w667, w660, w645, w640, w633, w626, w619, w619.w536, w555, w566, w619.w583, w619.w601, w619.w608):
    m.SEED = SEED
(w667.SHOP, w660.SHOP, w645.WORKS, w640.SHOP, w633.MILL, w626.WORKS, w619.MILL, w619.w583.HEARTH, w619.w601.TARHOUSE,
 w619.w608.BOILERY) = (SHOP,) * 10
db = w472.light

CARVING_UTF16 = "".join(f"{h:02d}:25\ttoy {1 + h % 4} carved\twheels {160 + h % 7 * 20} turned\tbeech {'sound' if h % 5 == 0 else 'knotted'}\r\n"
                        for h in range(200))
MAKERS = [("Aurélie Jouet", "carver", 31), ("Bénédicte Poupée", "painter", 14), ("Jürgen Spielzeugmacher", "turner", 8),
          ("Åsa Leksaksmakare", "carver", 27), ("Loïc Toupie", "stringer", 19), ("Hélène Marionnette", "girl", 2),
          ("Björn Legetøj", "turner", 11), ("Gaëlle Hochet", "joiner", 38), ("Noël Bilboquet", "carver", 6),
          ("Søren Dukkemager", "tester", 3), ("Inès Cerfvolant", "turner", 44), ("Grégoire Toupin", "carver", 22)]
(w667.MAKERS, w660.MAKERS, w645.MAKERS, w640.BEATERS, w633.PINMAKERS, w626.SMITHS, w619.MILLERS, w619.w583.COLLIERS,
 w619.w601.TARRERS, w619.w608.SOAPBOILERS) = (MAKERS,) * 10
(w667.GRINDING_UTF16, w660.LACING_UTF16, w645.FRAMING_UTF16, w640.BEATING_UTF16, w633.POINTING_UTF16,
 w626.TEMPER_UTF16, w619.EDGESTONE_UTF16, w619.w583.COLLIER_UTF16, w619.w601.TARRER_UTF16,
 w619.w608.BOILER_UTF16) = (CARVING_UTF16,) * 10


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/carving_utf16.log").write_bytes(CARVING_UTF16.encode("utf-16"))
    (d / "data/toymakers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in MAKERS).encode("latin-1", "replace"))
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
    cap("grep-rna-utf16", "cat data/carving_utf16.log data/toymakers.txt; grep -rna 'toychest\\|whirligig' src data " + db("purifier.min.js"), d, n_grep_rn)
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
    for name, nb, big, na in (("toywatch_a.py", 55, 760, 85), ("toywatch_b.py", 40, 980, 105)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python toywatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python toywatch_b.py 2>&1 | grep -v '\"toychest cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2nr > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 360", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["toymaker,post,toys,varnish_ml,shop"]
    for i in range(470):
        n, p, _ = MAKERS[i % len(MAKERS)]
        rows.append(f"{n},{p},{rnd.randint(3, 320)},{rnd.randint(10, 520) / 10},{'Cheapside' if i % 233 else 'Holborn'}")
    (d / "toymakers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat toymakers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"varnish_ml": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"toy": i, "beech_mm": rnd.randint(1, 99) / 10, "wheel": cfg}
    return json.dumps({"name": "playroom", "version": "0.6.75", "private": True,
                       "dependencies": {"getopts": "2.3.0", "robust-point-in-polygon": "1.0.3", "currency-codes": "2.2.0"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "toyworks": {"toys": cfg}})


(w667.deep_pkg, w660.deep_pkg, w645.deep_pkg, w640.deep_pkg, w555.deep_pkg, w633.deep_pkg, w626.deep_pkg,
 w619.deep_pkg, w619.w583.deep_pkg, w619.w601.deep_pkg, w619.w608.deep_pkg) = (deep_pkg,) * 11
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "playroom"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("getopts", "robust-point-in-polygon", "currency-codes"):
        cap(f"npm-view-{pkg}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-args-geometry", "grep -rn 'function\\|return\\|throw' node_modules/getopts node_modules/robust-point-in-polygon node_modules/robust-* node_modules/two-* --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-currency", "cat node_modules/currency-codes/package.json; grep -rn 'code\\|return' node_modules/currency-codes --include=*.js | head -n 200", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a toymaker's toys, wheels, varnish, orders, arguments, play mat and price tags, with bugs
# put in (fixed before the run).
SHOP_JS = r'''const getopts = require(@@GO@@);
const classifyPoint = require(@@PP@@);
const cc = require(@@CC@@);

// Toys cut from a beech plank: its length over one toy's length, rounded down (bug: rounded up).
function toysPerPlank(plankMm, toyMm) {
  return Math.ceil(plankMm / toyMm);
}

// Wheels for a batch of pull-along carts: four wheels to a cart (bug: two).
function wheelsForCarts(carts) {
  return carts * 2;
}

// Varnish left in the pot: what was bought less what the toys took (bug: the take added).
function varnishLeft(boughtMl, takenMl) {
  return Math.round((boughtMl + takenMl) * 100) / 100;
}

// The carving queue: first ordered, first carved (bug: the newest order taken first).
function nextOrders(orders, n) {
  const q = orders.slice();
  const out = [];
  for (let i = 0; i < n && q.length > 0; i++) out.push(q.pop());
  return out;
}

// An order given as command-line arguments: the count and every toy named (bug: the first toy dropped).
function orderArgs(argv) {
  const o = getopts(argv, { alias: { c: "count" }, default: { count: 1 } });
  return { count: Number(o.count), toys: o._.slice(1) };
}

// The play mat, a 4 by 3 rectangle: is a toy set down on it (inside) (bug: outside taken for inside)?
const MAT = [[0, 0], [4, 0], [4, 3], [0, 3]];
function onMat(pt) {
  return classifyPoint(MAT, pt) > 0;
}

// A price tag: the amount with the currency's minor digits and its name (bug: always two digits).
function priceTag(code, amount) {
  const c = cc.code(code);
  return `${amount.toFixed(2)} ${c.currency}`;
}

// A toymaker's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function wheels(depth, varnish) {
  let o = { varnish_ml: varnish };
  for (let i = depth; i > 0; i--) o = { toy: i, wheel: o };
  return o;
}

module.exports = { toysPerPlank, wheelsForCarts, varnishLeft, nextOrders, orderArgs, onMat, priceTag, rollName, wheels };
'''

SHOP_TEST = r'''const { toysPerPlank, wheelsForCarts, varnishLeft, nextOrders, orderArgs, onMat, priceTag, rollName, wheels } = require("../tinsoldier");

describe("toyworks playroom", () => {
  test("a 900 mm plank at 140 mm a toy yields 6 toys", () => {
    expect(toysPerPlank(900, 140)).toBe(6);
  });

  test.each([[3, 12], [1, 4], [0, 0]])("%i carts take %i wheels", (c, n) => {
    expect(wheelsForCarts(c)).toBe(n);
  });

  test("750 ml bought less 62.5 taken leaves 687.5", () => {
    expect(varnishLeft(750, 62.5)).toBeCloseTo(687.5);
  });

  test("the carving queue takes the oldest order first", () => {
    expect(nextOrders(["Whirligig", "Hobbyhorse", "Tin Soldier"], 2)).toEqual(["Whirligig", "Hobbyhorse"]);
  });

  test("an order's arguments keep every toy named", () => {
    expect(orderArgs(["--count", "3", "hobbyhorse", "whirligig"])).toEqual({ count: 3, toys: ["hobbyhorse", "whirligig"] });
  });

  test("a tin soldier set down at (1, 1) is on the play mat", () => {
    expect(onMat([1, 1])).toBe(true);
  });

  test("a price in yen carries no minor digits", () => {
    expect(priceTag("JPY", 1250)).toBe("1250 Yen");
  });

  test("the toymakers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Aurélie Jouet", "latin1"))).toBe("Aurélie Jouet");
  });

  test("the shop's wheel survey matches the expected nesting", () => {
    expect(wheels(27, 4)).toEqual(wheels(27, 7));
  });

  test("the toychest holds the spare springs", () => {
    expect({ toychest: { springs: 12, pegs: 12 } }).toStrictEqual({ toychest: { springs: 12, pegs: 12, bells: 6 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "playroom-jest"
    (d / "test").mkdir(parents=True)
    (d / "tinsoldier.js").write_text(SHOP_JS.replace("@@GO@@", json.dumps(str(NM / "getopts")))
                                     .replace("@@PP@@", json.dumps(str(NM / "robust-point-in-polygon")))
                                     .replace("@@CC@@", json.dumps(str(NM / "currency-codes"))))
    (d / "test/tinsoldier.test.js").write_text(SHOP_TEST)
    (d / "package.json").write_text(json.dumps({"name": "playroom", "version": "0.6.75", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|queue|survey|plank' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "tinsoldier.js").write_text((d / "tinsoldier.js").read_text() + "\nfunction unusedSand(s) { if (s == 0) {} return s }\n")
    (lint / "tinsoldier.test.js").write_text(SHOP_TEST)
    (lint / "vendor/toypress.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a toymaker's words, paired in order with the old words of round 566's table (the left sides
# of round 489's table, as round 667 pairs them).
RUST_WORDS = (
    "toywright", "Toy carving: blanks, wheels and the spin a whirligig holds level.",
    "toy_name", '"beech"', '"pine"', '"maple"', '"birch"', "9 is a beech", "Toypack", "lathe_speed",
    "wheel_fit", "carving {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Whirligig", "Hobbyhorse", "Tin Soldier", "Spinning Top", "Jumping Jack", "Cup and Ball",
            "Rocking Horse", "Toy Ark", "Diabolo", "Skittles", "Marionette", "Pull Cart"]
GO_WORDS = ("toytally", "toyledger", "toyshop host", "toys left, days", "nothing left to carve", "carving order",
            "toy grade", "Crate", "crate", "Toy", "toy", "Shop", "shop", "Pieces", "pieces")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "toytally", "toyledger", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff==0.17.6", "mypy==2.4.1", "pytest==9.2.0"])
    cm.install_npm(JS, "jest", ["jest@30.5.2", "eslint@10.16.0", "getopts@2.3.0", "robust-point-in-polygon@1.0.3",
                                "currency-codes@2.2.0"])


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide675-", OUT, TMP)
