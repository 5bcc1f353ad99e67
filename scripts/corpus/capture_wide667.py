#!/usr/bin/env python3
"""Round 667: issue #11's kinds with hostile features on real packages no earlier round used (snarkdown, yauzl,
node-diff3, patch-ng, bbcode, zipstream-ng: small markup, diff and archive packages), round 434's material renamed to
a spectacle maker's shop: lenses, rims, temples and spectacle makers (seed 66710) through round 660's module and through
it rounds 645's, 640's, 633's, 626's and 619's (their constants, and those of the modules they set, replaced by this
round's), round 566's rename tables (left sides), round 555's depth_fitting, round 489's steps and round 472's helpers,
round 368's Rust crate, round 273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 667.
"""
from __future__ import annotations

import io
import json
import random
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide660 as w660  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
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

w645 = w660.w645
ROOT = Path("/dev/shm/hm-corpus-wide667-tools")
TMP = Path("/dev/shm/hm-corpus-wide667")
OUT = Path(__file__).resolve().parent / "data" / "wide667.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 66710
NPM_PKGS = ("snarkdown@2.0.0", "yauzl@3.4.0", "node-diff3@3.2.1")
PIP_PKGS = ("patch-ng==1.19.1", "bbcode==1.1.0", "zipstream-ng==1.9.3")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A spectacle maker's shop for round 434's gasworks, paired in order with the old words of round 566's table.
SHOP_WORDS = (
    "lensbin", "grindsill",
    "Octavia Glassby", "octavia@lensworks", "lensworks",
    "lensframe", "grind_lenses", "fit_temple",
    "set_bridge", "polish_rims", "BridgeError",
    "lenswatch_svc", "Rimnotch", "rimnotch",
    "eyeglass", "Eyeglass", "lenspress", "rimrack",
    "putty", "Pinbolt", "pinbolt", "rimstock",
    "rouge", "crown_kg", "lens_make_n", "flint_kg",
    "Grinding", "grinding", "polish", "BLURLENS",
    "crown", "flint", "lens", "temple",
    "66712",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(SHOP_WORDS)
SHOP = tuple(zip(OLD, SHOP_WORDS))
assert not [(o, n) for _, n in SHOP for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = SHOP
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 66712
for m in (w660, w645, w640, w633, w626, w619, w619.w536, w555, w566, w619.w583, w619.w601, w619.w608):
    m.SEED = SEED
(w660.SHOP, w645.WORKS, w640.SHOP, w633.MILL, w626.WORKS, w619.MILL, w619.w583.HEARTH, w619.w601.TARHOUSE,
 w619.w608.BOILERY) = (SHOP,) * 9
db = w472.light

GRINDING_UTF16 = "".join(f"{h:02d}:25\tlens {1 + h % 4} ground\trims {160 + h % 7 * 20} fitted\tcrown {'clear' if h % 5 == 0 else 'seeded'}\r\n"
                         for h in range(200))
MAKERS = [("Amélie Lunetier", "grinder", 31), ("Bérénice Verrier", "framer", 14), ("Jürgen Brillenmacher", "fitter", 8),
          ("Åke Glasslipare", "grinder", 27), ("Loïc Opticien", "polisher", 19), ("Hélène Monocle", "girl", 2),
          ("Björn Brillemaker", "fitter", 11), ("Gaëlle Lorgnon", "turner", 38), ("Noël Bésicle", "grinder", 6),
          ("Søren Brilleslibe", "tester", 3), ("Inès Loupe", "fitter", 44), ("Grégoire Binocle", "grinder", 22)]
(w660.MAKERS, w645.MAKERS, w640.BEATERS, w633.PINMAKERS, w626.SMITHS, w619.MILLERS, w619.w583.COLLIERS,
 w619.w601.TARRERS, w619.w608.SOAPBOILERS) = (MAKERS,) * 9
(w660.LACING_UTF16, w645.FRAMING_UTF16, w640.BEATING_UTF16, w633.POINTING_UTF16, w626.TEMPER_UTF16,
 w619.EDGESTONE_UTF16, w619.w583.COLLIER_UTF16, w619.w601.TARRER_UTF16, w619.w608.BOILER_UTF16) = (GRINDING_UTF16,) * 9


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/grinding_utf16.log").write_bytes(GRINDING_UTF16.encode("utf-16"))
    (d / "data/spectaclemakers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in MAKERS).encode("latin-1", "replace"))
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
    cap("grep-rna-utf16", "cat data/grinding_utf16.log data/spectaclemakers.txt; grep -rna 'lensbin\\|rimnotch' src data " + db("purifier.min.js"), d, n_grep_rn)
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
    for name, nb, big, na in (("lenswatch_a.py", 50, 820, 80), ("lenswatch_b.py", 45, 940, 110)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python lenswatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python lenswatch_b.py 2>&1 | grep -v '\"lensbin cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2nr > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 380", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["spectacle_maker,post,pairs,putty_g,shop"]
    for i in range(480):
        n, p, _ = MAKERS[i % len(MAKERS)]
        rows.append(f"{n},{p},{rnd.randint(4, 300)},{rnd.randint(10, 480) / 10},{'Ludgate' if i % 211 else 'Cornhill'}")
    (d / "spectaclemakers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat spectaclemakers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"putty_g": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"lens": i, "crown_mm": rnd.randint(1, 99) / 10, "rim": cfg}
    return json.dumps({"name": "daybook", "version": "0.6.7", "private": True,
                       "dependencies": {"snarkdown": "2.0.0", "yauzl": "3.4.0", "node-diff3": "3.2.1"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "lensworks": {"lenses": cfg}})


(w660.deep_pkg, w645.deep_pkg, w640.deep_pkg, w555.deep_pkg, w633.deep_pkg, w626.deep_pkg, w619.deep_pkg,
 w619.w583.deep_pkg, w619.w601.deep_pkg, w619.w608.deep_pkg) = (deep_pkg,) * 10
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "daybook"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("snarkdown", "yauzl", "node-diff3"):
        cap(f"npm-view-{pkg}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-markup-zip", "grep -rn 'function\\|return\\|throw' node_modules/snarkdown node_modules/yauzl node_modules/pend --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-diff3", "cat node_modules/node-diff3/package.json; grep -rn 'export\\|return' node_modules/node-diff3 --include=*.js --include=*.json | head -n 200", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a spectacle maker's lenses, screws, putty, orders, cards and drawings, with bugs put in
# (fixed before the run).
SHOP_JS = r'''const snarkdown = require(@@SD@@);
const yauzl = require(@@YZ@@);

// Lenses cut from a glass blank: its width over one lens's width, rounded down (bug: rounded up).
function lensesPerBlank(blankMm, lensMm) {
  return Math.ceil(blankMm / lensMm);
}

// Temple screws for a batch of spectacles: four screws to a pair (bug: two).
function screwsForPairs(pairs) {
  return pairs * 2;
}

// Putty left in the tin: what was bought less what the rims took (bug: the take added).
function puttyLeft(boughtG, takenG) {
  return Math.round((boughtG + takenG) * 100) / 100;
}

// The fitting queue: first ordered, first fitted (bug: the newest order taken first).
function nextOrders(orders, n) {
  const q = orders.slice();
  const out = [];
  for (let i = 0; i < n && q.length > 0; i++) out.push(q.pop());
  return out;
}

// An order card in markdown, rendered to HTML: the customer's name a first-level heading (bug: second level).
function orderCard(name, dioptres) {
  return snarkdown(`## ${name}\n\n**${dioptres}** dioptres`);
}

// The names of the lens drawings in a zip, in the archive's order (bug: the first one dropped).
function drawingNames(buf) {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, {}, (err, zip) => {
      if (err) return reject(err);
      const out = [];
      zip.on("entry", (e) => out.push(e.fileName));
      zip.on("end", () => resolve(out.slice(1)));
      zip.on("error", reject);
    });
  });
}

// A spectacle maker's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function rims(depth, putty) {
  let o = { putty_g: putty };
  for (let i = depth; i > 0; i--) o = { lens: i, rim: o };
  return o;
}

module.exports = { lensesPerBlank, screwsForPairs, puttyLeft, nextOrders, orderCard, drawingNames, rollName, rims };
'''

SHOP_TEST = r'''const fs = require("fs");
const path = require("path");
const { lensesPerBlank, screwsForPairs, puttyLeft, nextOrders, orderCard, drawingNames, rollName, rims } = require("../eyeglass");

describe("lensworks daybook", () => {
  test("a 250 mm blank at 48 mm a lens yields 5 lenses", () => {
    expect(lensesPerBlank(250, 48)).toBe(5);
  });

  test.each([[3, 12], [1, 4], [0, 0]])("%i pairs take %i screws", (p, n) => {
    expect(screwsForPairs(p)).toBe(n);
  });

  test("500 g bought less 42.5 taken leaves 457.5", () => {
    expect(puttyLeft(500, 42.5)).toBeCloseTo(457.5);
  });

  test("the fitting queue takes the oldest order first", () => {
    expect(nextOrders(["Pince-nez", "Lorgnette", "Temple Spectacles"], 2)).toEqual(["Pince-nez", "Lorgnette"]);
  });

  test("the order card heads with the customer's name", () => {
    expect(orderCard("Octavia Glassby", "+1.75")).toContain("<h1>Octavia Glassby</h1>");
  });

  test("the drawings zip lists every lens drawing", async () => {
    const buf = fs.readFileSync(path.join(__dirname, "drawings.zip"));
    await expect(drawingNames(buf)).resolves.toEqual(["crown_38.dxf", "flint_42.dxf", "pebble_50.dxf"]);
  });

  test("the spectacle makers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Amélie Lunetier", "latin1"))).toBe("Amélie Lunetier");
  });

  test("the shop's rim survey matches the expected nesting", () => {
    expect(rims(29, 4)).toEqual(rims(29, 6));
  });

  test("the lensbin holds the spare screws", () => {
    expect({ lensbin: { screws: 10, hinges: 10 } }).toStrictEqual({ lensbin: { screws: 10, hinges: 10, pads: 4 } });
  });
});
'''


def drawings_zip() -> bytes:
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        for name, mm in (("crown_38.dxf", 38), ("flint_42.dxf", 42), ("pebble_50.dxf", 50)):
            z.writestr(zipfile.ZipInfo(name, (2026, 12, 3, 9, 0, 0)), f"CIRCLE 0 0 {mm / 2}\n")
    return b.getvalue()


def step_js(tmp: Path) -> None:
    d = tmp / "daybook-jest"
    (d / "test").mkdir(parents=True)
    (d / "eyeglass.js").write_text(SHOP_JS.replace("@@SD@@", json.dumps(str(NM / "snarkdown")))
                                   .replace("@@YZ@@", json.dumps(str(NM / "yauzl"))))
    (d / "test/eyeglass.test.js").write_text(SHOP_TEST)
    (d / "test/drawings.zip").write_bytes(drawings_zip())
    (d / "package.json").write_text(json.dumps({"name": "daybook", "version": "0.6.7", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|queue|survey|blank' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "eyeglass.js").write_text((d / "eyeglass.js").read_text() + "\nfunction unusedTighten(s) { if (s == 0) {} return s }\n")
    (lint / "eyeglass.test.js").write_text(SHOP_TEST)
    (lint / "vendor/lenspress.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a spectacle maker's words, paired in order with the old words of round 566's table.
RUST_WORDS = (
    "lenswright", "Lens grinding: blanks, rims and the lens a pair of temples holds level.",
    "optic_name", '"crown"', '"flint"', '"quartz"', '"pebble"', "9 is a crown", "Rimpack", "grinder_speed",
    "rim_fit", "grinding {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Pince-nez", "Lorgnette", "Temple Spectacles", "Monocle", "Quizzing Glass", "Reading Glass",
            "Bridge Frame", "Crown Pebble", "Flint Oval", "Tortoise Rim", "Steel Bow", "Horn Rim"]
GO_WORDS = ("rimtally", "lensledger", "fitting host", "lenses left, days", "nothing left to fit", "fitting order",
            "lens grade", "Frame", "frame", "Lens", "lens", "Shop", "shop", "Pairs", "pairs")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "rimtally", "lensledger", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff==0.17.6", "mypy==2.4.1", "pytest==9.2.0"])
    cm.install_npm(JS, "jest", ["jest@30.5.2", "eslint@10.16.0", "snarkdown@2.0.0", "yauzl@3.4.0"])


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide667-", OUT, TMP)
