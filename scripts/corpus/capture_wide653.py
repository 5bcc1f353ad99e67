#!/usr/bin/env python3
"""Round 653: issue #11's kinds with hostile features on real packages no earlier round used (async-retry,
node-cache, better-queue, persist-queue, retry2, yacs: small queue, retry, caching and config packages), round 434's
material renamed to a wigmaker's shop: perukes, cauls, curls and wigmakers (seed 65370) through round 645's module and
through it rounds 640's, 633's, 626's and 619's (their constants, and those of the modules they set, replaced by this
round's), round 566's rename tables (left sides), round 555's depth_fitting, round 489's steps and round 472's helpers,
round 368's Rust crate, round 273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 653.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide645 as w645  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide645 import w640, w633, cm, w368, w434, w472, w489, w555, w566, w619, w626  # noqa: E402
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

ROOT = Path("/dev/shm/hm-corpus-wide653-tools")
TMP = Path("/dev/shm/hm-corpus-wide653")
OUT = Path(__file__).resolve().parent / "data" / "wide653.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 65370
NPM_PKGS = ("async-retry@1.3.3", "node-cache@5.1.2", "better-queue@3.8.12")
PIP_PKGS = ("persist-queue==1.1.0", "retry2==0.9.5", "yacs==0.1.8")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A wigmaker's shop for round 434's gasworks, paired in order with the old words of round 566's table.
SHOP_WORDS = (
    "wigbin", "blocksill",
    "Perpetua Wigmore", "perpetua@perukeworks", "perukeworks",
    "wigblock", "knot_wefts", "tie_hair",
    "set_curl", "powder_peruke", "FrizzError",
    "perukewatch_svc", "Bagwig", "bagwig",
    "periwig", "Periwig", "curlpress", "hairrack",
    "crimping", "Toupee", "toupee", "wigstand",
    "pomatum", "hair_g", "curl_make_n", "powder_kg",
    "Dressing", "dressing", "pinning", "LOOSEKNOT",
    "hair", "powder", "curl", "knot",
    "65372",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(SHOP_WORDS)
SHOP = tuple(zip(OLD, SHOP_WORDS))
assert not [(o, n) for _, n in SHOP for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = SHOP
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 65372
for m in (w645, w640, w633, w626, w619, w619.w536, w555, w566, w619.w583, w619.w601, w619.w608):
    m.SEED = SEED
w645.WORKS = w640.SHOP = w633.MILL = w626.WORKS = w619.MILL = w619.w583.HEARTH = w619.w601.TARHOUSE = w619.w608.BOILERY = SHOP
db = w472.light

CURLING_UTF16 = "".join(f"{h:02d}:25\tblock {1 + h % 4} dressed\tcurls {140 + h % 7 * 15} pinned\tcaul {'new' if h % 5 == 0 else 'mended'}\r\n"
                        for h in range(200))
MAKERS = [("Hélène Perruquière", "dresser", 31), ("Amélie Frisure", "curler", 14), ("Jürgen Perückenmacher", "knotter", 8),
          ("Åsa Parykmakare", "dresser", 27), ("Thérèse Boucle", "weaver", 19), ("François Toupet", "boy", 2),
          ("Käthe Locke", "knotter", 11), ("Raphaël Chignon", "powderer", 38), ("Zoë Poudre", "dresser", 6),
          ("Bjørn Parykmager", "blocker", 3), ("Noémie Crêpé", "knotter", 44), ("Grégoire Bouclette", "dresser", 22)]
w645.MAKERS = w640.BEATERS = w633.PINMAKERS = w626.SMITHS = w619.MILLERS = w619.w583.COLLIERS = w619.w601.TARRERS = w619.w608.SOAPBOILERS = MAKERS
(w645.FRAMING_UTF16, w640.BEATING_UTF16, w633.POINTING_UTF16, w626.TEMPER_UTF16, w619.EDGESTONE_UTF16,
 w619.w583.COLLIER_UTF16, w619.w601.TARRER_UTF16, w619.w608.BOILER_UTF16) = (CURLING_UTF16,) * 8


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/curling_utf16.log").write_bytes(CURLING_UTF16.encode("utf-16"))
    (d / "data/wigmakers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in MAKERS).encode("latin-1", "replace"))
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
    cap("grep-rna-utf16", "cat data/curling_utf16.log data/wigmakers.txt; grep -rna 'wigbin\\|bagwig' src data " + db("purifier.min.js"), d, n_grep_rn)
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
    for name, nb, big, na in (("perukewatch_a.py", 55, 760, 90), ("perukewatch_b.py", 40, 980, 105)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python perukewatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python perukewatch_b.py 2>&1 | grep -v '\"wigbin cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k4,4 -k2,2nr > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 360", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["wigmaker,post,curls,hair_g,shop"]
    for i in range(470):
        n, p, _ = MAKERS[i % len(MAKERS)]
        rows.append(f"{n},{p},{rnd.randint(6, 320)},{rnd.randint(20, 560) / 10},{'Drury Lane' if i % 233 else 'Duke Street'}")
    (d / "wigmakers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat wigmakers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"hair_g": rnd.randint(40, 90)}
    for i in range(depth, 0, -1):
        cfg = {"curl": i, "pin_mm": rnd.randint(1, 99) / 10, "caul": cfg}
    return json.dumps({"name": "wigbook", "version": "0.3.7", "private": True,
                       "dependencies": {"async-retry": "1.3.3", "node-cache": "5.1.2", "better-queue": "3.8.12"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "perukeworks": {"wigs": cfg}})


(w645.deep_pkg, w640.deep_pkg, w555.deep_pkg, w633.deep_pkg, w626.deep_pkg, w619.deep_pkg, w619.w583.deep_pkg,
 w619.w601.deep_pkg, w619.w608.deep_pkg) = (deep_pkg,) * 9
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "wigbook"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("async-retry", "node-cache", "better-queue"):
        cap(f"npm-view-{pkg}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-retry-cache", "grep -rn 'function\\|return\\|throw' node_modules/async-retry node_modules/retry node_modules/node-cache --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-queue", "cat node_modules/better-queue/package.json; grep -rn 'exports\\|return' node_modules/better-queue --include=*.js --include=*.json | head -n 200", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a wigmaker's curls, cauls and hair, with bugs put in (fixed before the run).
SHOP_JS = r'''const retry = require(@@RETRY@@);
const NodeCache = require(@@CACHE@@);

// Curls cut from a hank: its length over one curl's length, rounded down (bug: rounded up).
function curlsPerHank(hankMm, curlMm) {
  return Math.ceil(hankMm / curlMm);
}

// Curls for a batch of perukes: twelve curls to a wig (bug: eleven).
function curlsForWigs(wigs) {
  return wigs * 11;
}

// Powder left in the box: what was bought less what the dressing took (bug: the take added).
function powderLeft(boughtG, takenG) {
  return Math.round((boughtG + takenG) * 100) / 100;
}

// An order fetched from a caul maker that is slow to answer: tried again up to three times (bug: once).
async function fetchOrder(attempt) {
  return retry(async () => attempt(), { retries: 1, minTimeout: 1, maxTimeout: 2, factor: 1 });
}

// The wig blocks kept in the shop's cache, under their lower-cased name (bug: looked up as given).
function blockCache() {
  return new NodeCache({ stdTTL: 600, checkperiod: 0 });
}
function storeBlock(cache, name, size) {
  cache.set(name.toLowerCase(), size);
}
function blockFor(cache, name) {
  return cache.get(name);
}

// A wigmaker's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function wigs(depth, hair) {
  let o = { hair_g: hair };
  for (let i = depth; i > 0; i--) o = { curl: i, caul: o };
  return o;
}

module.exports = { curlsPerHank, curlsForWigs, powderLeft, fetchOrder, blockCache, storeBlock, blockFor, rollName, wigs };
'''

SHOP_TEST = r'''const { curlsPerHank, curlsForWigs, powderLeft, fetchOrder, blockCache, storeBlock, blockFor, rollName, wigs } = require("../periwig");

describe("perukeworks wigbook", () => {
  test("a 9,000 mm hank at 620 mm a curl yields 14 curls", () => {
    expect(curlsPerHank(9000, 620)).toBe(14);
  });

  test.each([[3, 36], [1, 12], [0, 0]])("%i wigs take %i curls", (w, n) => {
    expect(curlsForWigs(w)).toBe(n);
  });

  test("480 g bought less 37.4 taken leaves 442.6", () => {
    expect(powderLeft(480, 37.4)).toBeCloseTo(442.6);
  });

  test("an order from a slow caul maker arrives on the third try", async () => {
    let tries = 0;
    const order = await fetchOrder(async () => {
      tries += 1;
      if (tries < 3) throw new Error(`caul maker busy (try ${tries})`);
      return "order 7: two bagwigs";
    });
    expect(order).toBe("order 7: two bagwigs");
  });

  test("the Bagwig's block is found in the cache", () => {
    const cache = blockCache();
    storeBlock(cache, "Bagwig", 23);
    expect(blockFor(cache, "Bagwig")).toBe(23);
  });

  test("the wigmakers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Hélène Perruquière", "latin1"))).toBe("Hélène Perruquière");
  });

  test("the shop's wig survey matches the expected nesting", () => {
    expect(wigs(29, 4)).toEqual(wigs(29, 6));
  });

  test("the wigbin holds the spare cauls", () => {
    expect({ wigbin: { cauls: 4, blocks: 8 } }).toStrictEqual({ wigbin: { cauls: 4, blocks: 8, pins: 2 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "wigbook-jest"
    (d / "test").mkdir(parents=True)
    (d / "periwig.js").write_text(SHOP_JS.replace("@@RETRY@@", json.dumps(str(NM / "async-retry")))
                                  .replace("@@CACHE@@", json.dumps(str(NM / "node-cache"))))
    (d / "test/periwig.test.js").write_text(SHOP_TEST)
    (d / "package.json").write_text(json.dumps({"name": "wigbook", "version": "0.3.7", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'hank|cache|survey|caul maker' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "periwig.js").write_text((d / "periwig.js").read_text() + "\nfunction unusedPinning(s) { if (s == 0) {} return s }\n")
    (lint / "periwig.test.js").write_text(SHOP_TEST)
    (lint / "vendor/curlpress.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a wigmaker's words, paired in order with the old words of round 566's table.
RUST_WORDS = (
    "wigcurler", "Wig curling: hanks, pins and the curls a peruke's rows of hair hold.",
    "curl_name", '"ringlet"', '"horsehair"', '"yak"', '"human"', "9 is a ringlet", "Curlpack", "curler_speed",
    "curl_fit", "curling {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Full Bottom", "Bob Peruke", "Campaign Wig", "Ramillies", "Bagwig Black", "Tie Wig",
            "Brigadier", "Physical Wig", "Scratch Bob", "Cauliflower", "Toupee Grey", "Judge Long"]
GO_WORDS = ("curltally", "wigledger", "dressing host", "curls left, days", "nothing left to powder", "powdering order",
            "hair grade", "Wig", "wig", "Caul", "caul", "Block", "block", "Curls", "curls")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "curltally", "wigledger", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff==0.17.6", "mypy==2.4.1", "pytest==9.2.0"])
    cm.install_npm(JS, "jest", ["jest@30.5.2", "eslint@10.16.0", "async-retry@1.3.3", "node-cache@5.1.2"])


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide653-", OUT, TMP)
