#!/usr/bin/env python3
"""Round 699: issue #11's kinds with hostile features on real packages no earlier round used (stats-lite,
median-quickselect, trie-prefix-tree, pfzy, fuzzyset2, pyfzf: small statistics, trie and fuzzy-search packages),
round 434's material renamed to an ink maker's works: galls, copperas, gum, inkpots and ink makers (seed 69910)
through round 691's module and through it round 683's, 675's, 667's, 660's and the modules they set (their constants
replaced again by this round's), round 566's rename tables (left sides), round 555's depth_fitting, round 489's steps
and round 472's helpers, round 368's Rust crate, round 273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 699.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide691 as w691  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide691 import (cm, make_steps, n_chained, n_csv, n_diff, n_eslint, n_grep_rn, n_jest,  # noqa: E402
                             n_json_file, n_json_log, n_lock, n_log_p, n_mypy, n_npm_install, n_npm_view,
                             n_pip_install, n_ps_aux, n_pytest, n_ruff, n_show, n_status, w368, w434, w472, w489,
                             w555, w566, w619, w660, w667, w675, w683)

w645, w640, w633, w626 = w667.w645, w667.w640, w667.w633, w667.w626
ROOT = Path("/dev/shm/hm-corpus-wide699-tools")
TMP = Path("/dev/shm/hm-corpus-wide699")
OUT = Path(__file__).resolve().parent / "data" / "wide699.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 69910
NPM_PKGS = ("stats-lite@2.2.0", "median-quickselect@1.0.1", "trie-prefix-tree@1.5.1")
PIP_PKGS = ("pfzy==0.3.4", "fuzzyset2==0.2.5", "pyfzf==0.3.1")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# An ink maker's works for round 434's gasworks, paired in order with the old words of round 566's table.
WORKS_WORDS = (
    "inkchest", "gallboard",
    "Hester Gallwood", "hester@inkworks", "inkworks",
    "gallvat", "steep_galls", "grind_gall",
    "strain_ink", "clear_vats", "CopperasError",
    "inkwatch_svc", "Gumtank", "gumtank",
    "inkgall", "Inkgall", "inkpress", "gallmill",
    "decant", "Gallpan", "gallpan", "inkbottle",
    "gumpot", "gall_kg", "ink_make_l", "gum_kg",
    "Steeping", "steeping", "grinding", "GALLDUST",
    "gall", "gum", "ink", "vat",
    "69912",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(WORKS_WORDS)
WORKS = tuple(zip(OLD, WORKS_WORDS))
assert not [(o, n) for _, n in WORKS for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = WORKS
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 69912
for m in (w691, w683, w675, w667, w660, w645, w640, w633, w626, w619, w619.w536, w555, w566, w619.w583, w619.w601,
          w619.w608):
    m.SEED = SEED
(w691.LOFT, w683.SHOP, w675.SHOP, w667.SHOP, w660.SHOP, w645.WORKS, w640.SHOP, w633.MILL, w626.WORKS, w619.MILL,
 w619.w583.HEARTH, w619.w601.TARHOUSE, w619.w608.BOILERY) = (WORKS,) * 13
db = w472.light

GRINDING_UTF16 = "".join(f"{h:02d}:40\tvat {1 + h % 5} steeped\tgalls {210 + h % 7 * 15} g ground\tgum {'added' if h % 6 == 0 else 'waiting'}\r\n"
                         for h in range(200))
MAKERS = [("Aurélie Encrier", "grinder", 29), ("Jérôme Noirgalle", "steeper", 12), ("Käthe Tintenmacher", "boiler", 7),
          ("Björk Bläckmakare", "grinder", 25), ("Noël Gommier", "bottler", 18), ("Héloïse Sépia", "apprentice", 3),
          ("Ragnhild Blækkoger", "grinder", 10), ("Inès Vitriolier", "corker", 21), ("Geneviève Encrière", "grinder", 36),
          ("Søren Galæble", "strainer", 4), ("Maïté Gommeuse", "bottler", 15), ("Benoît Plumier", "steeper", 24)]
(w691.MAKERS, w683.MAKERS, w675.MAKERS, w667.MAKERS, w660.MAKERS, w645.MAKERS, w640.BEATERS, w633.PINMAKERS,
 w626.SMITHS, w619.MILLERS, w619.w583.COLLIERS, w619.w601.TARRERS, w619.w608.SOAPBOILERS) = (MAKERS,) * 13
(w691.KNITTING_UTF16, w683.SHAPING_UTF16, w675.CARVING_UTF16, w667.GRINDING_UTF16, w660.LACING_UTF16,
 w645.FRAMING_UTF16, w640.BEATING_UTF16, w633.POINTING_UTF16, w626.TEMPER_UTF16, w619.EDGESTONE_UTF16,
 w619.w583.COLLIER_UTF16, w619.w601.TARRER_UTF16, w619.w608.BOILER_UTF16) = (GRINDING_UTF16,) * 13


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/grinding_utf16.log").write_bytes(GRINDING_UTF16.encode("utf-16"))
    (d / "data/inkmakers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in MAKERS).encode("latin-1", "replace"))
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
    cap("grep-rna-utf16", "cat data/grinding_utf16.log data/inkmakers.txt; grep -rna 'inkchest\\|gumtank' src data " + db("purifier.min.js"), d, n_grep_rn)
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
    for name, nb, big, na in (("inkwatch_a.py", 60, 820, 80), ("inkwatch_b.py", 45, 950, 110)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python inkwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python inkwatch_b.py 2>&1 | grep -v '\"inkchest cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux-cut", "ps auxww | cut -c1-300", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k4,4 -k2,2nr > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 340", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["inkmaker,post,batches,gum_l,works"]
    for i in range(460):
        n, p, _ = MAKERS[i % len(MAKERS)]
        rows.append(f"{n},{p},{rnd.randint(3, 260)},{rnd.randint(5, 480) / 10},{'Witney' if i % 197 else 'Lewes'}")
    (d / "inkmakers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat inkmakers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"gum_l": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"vat": i, "gall_g": rnd.randint(1, 99) / 10, "batch": cfg}
    return json.dumps({"name": "inkroom", "version": "0.6.99", "private": True,
                       "dependencies": {"stats-lite": "2.2.0", "median-quickselect": "1.0.1", "trie-prefix-tree": "1.5.1"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "inkworks": {"vats": cfg}})


(w691.deep_pkg, w683.deep_pkg, w675.deep_pkg, w667.deep_pkg, w660.deep_pkg, w645.deep_pkg, w640.deep_pkg,
 w555.deep_pkg, w633.deep_pkg, w626.deep_pkg, w619.deep_pkg, w619.w583.deep_pkg, w619.w601.deep_pkg,
 w619.w608.deep_pkg) = (deep_pkg,) * 14
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "inkroom"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("stats-lite", "median-quickselect", "trie-prefix-tree"):
        cap(f"npm-view-{pkg}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-stats-trie", "grep -rn 'function\\|return\\|require' node_modules/stats-lite node_modules/trie-prefix-tree --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-quickselect", "cat node_modules/median-quickselect/package.json; grep -rn 'function\\|return\\|median' node_modules/median-quickselect --include=*.js | head -n 260", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: an ink maker's bottles, stoppers, gum, bottling queue, gall batches and ink names, with
# bugs put in (fixed before the run).
INK_JS = r'''const stats = require(@@SL@@);
const quickselectMedian = require(@@MQ@@);
const trie = require(@@TP@@);

// Bottles filled from a vat: its volume over one bottle's, rounded down (bug: rounded up).
function bottlesPerVat(vatMl, bottleMl) {
  return Math.ceil(vatMl / bottleMl);
}

// Stoppers for a crate: one a bottle and one spare (bug: one short of the bottles).
function stoppersFor(bottles) {
  return bottles - 1;
}

// Gum left in the gum pot: what was boiled less what the ink took (bug: the take added).
function gumLeft(boiledL, takenL) {
  return Math.round((boiledL + takenL) * 100) / 100;
}

// The bottling queue: first filled, first corked (bug: the newest bottle taken first).
function nextBottles(bottles, n) {
  const q = bottles.slice();
  const out = [];
  for (let i = 0; i < n && q.length > 0; i++) out.push(q.pop());
  return out;
}

// A gall batch's mean weight (bug: the median given).
function meanGall(grams) {
  return stats.median(grams);
}

// A gall batch's 90th percentile (bug: the 50th asked).
function gallP90(grams) {
  return stats.percentile(grams, 0.5);
}

// A batch's median by quickselect (bug: the batch's first gall left out).
function batchMedian(grams) {
  return quickselectMedian(grams.slice(1));
}

// Ink names starting with a prefix (bug: the prefix's first letter dropped).
const INKS = ["Iron Gall Ink", "Sepia Ink", "Walnut Ink", "Indian Ink", "Carbon Ink", "Copying Ink"];
function inksStarting(prefix) {
  return trie(INKS).getPrefix(prefix.slice(1));
}

// An ink maker's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function vats(depth, gum) {
  let o = { gum_l: gum };
  for (let i = depth; i > 0; i--) o = { vat: i, batch: o };
  return o;
}

module.exports = { bottlesPerVat, stoppersFor, gumLeft, nextBottles, meanGall, gallP90, batchMedian, inksStarting, rollName, vats };
'''

INK_TEST = r'''const { bottlesPerVat, stoppersFor, gumLeft, nextBottles, meanGall, gallP90, batchMedian, inksStarting, rollName, vats } = require("../inkgall");

describe("inkworks inkroom", () => {
  test("a 1000 ml vat at 120 ml a bottle fills 8 bottles", () => {
    expect(bottlesPerVat(1000, 120)).toBe(8);
  });

  test.each([[12, 13], [5, 6], [0, 1]])("%i bottles take %i stoppers", (b, n) => {
    expect(stoppersFor(b)).toBe(n);
  });

  test("40 l of gum boiled less 12.5 taken leaves 27.5", () => {
    expect(gumLeft(40, 12.5)).toBeCloseTo(27.5);
  });

  test("the bottling queue corks the oldest bottle first", () => {
    expect(nextBottles(["Iron Gall Ink", "Sepia Ink", "Walnut Ink"], 2)).toEqual(["Iron Gall Ink", "Sepia Ink"]);
  });

  test("a batch of galls weighing 3, 4, 5 and 20 g has a mean of 8 g", () => {
    expect(meanGall([3, 4, 5, 20])).toBe(8);
  });

  test("the 90th percentile of the gall survey is 19.8 g", () => {
    expect(gallP90([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21])).toBeCloseTo(19.8);
  });

  test("the median gall of a batch of five is 9 g", () => {
    expect(batchMedian([9, 2, 14, 11, 5])).toBe(9);
  });

  test("the works' ink names starting Iron", () => {
    expect(inksStarting("Iron")).toEqual(["Iron gall ink"]);
  });

  test("the ink makers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Aurélie Encrier", "latin1"))).toBe("Aurélie Encrier");
  });

  test("the works' vat survey matches the expected nesting", () => {
    expect(vats(27, 4)).toEqual(vats(27, 7));
  });

  test("the inkchest holds the spare bottles", () => {
    expect({ inkchest: { bottles: 40, stoppers: 120 } }).toStrictEqual({ inkchest: { bottles: 40, stoppers: 120, labels: 8 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "inkroom-jest"
    (d / "test").mkdir(parents=True)
    (d / "inkgall.js").write_text(INK_JS.replace("@@SL@@", json.dumps(str(NM / "stats-lite")))
                                  .replace("@@MQ@@", json.dumps(str(NM / "median-quickselect")))
                                  .replace("@@TP@@", json.dumps(str(NM / "trie-prefix-tree"))))
    (d / "test/inkgall.test.js").write_text(INK_TEST)
    (d / "package.json").write_text(json.dumps({"name": "inkroom", "version": "0.6.99", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|queue|survey|batch' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "inkgall.js").write_text((d / "inkgall.js").read_text() + "\nfunction unusedDecant(s) { if (s == 0) {} return s }\n")
    (lint / "inkgall.test.js").write_text(INK_TEST)
    (lint / "vendor/inkpress.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in an ink maker's words, paired in order with the old words of round 566's table (the left sides
# of round 489's table, as rounds 667-691 pair them).
RUST_WORDS = (
    "gallwright", "Ink making: galls, gum and the copperas a batch of ink takes.",
    "ink_name", '"irongall"', '"sepia"', '"walnut"', '"lampblack"', "9 is an irongall", "Gallpack", "grind_speed",
    "vat_fill", "steeping {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Iron Gall Ink", "Sepia Ink", "Walnut Ink", "Indian Ink", "Carbon Ink", "Copying Ink",
            "Red Ink", "Blue-Black Ink", "Printing Ink", "Marking Ink", "Writing Ink", "Drawing Ink"]
GO_WORDS = ("inktally", "inkledger", "inkworks host", "ink left, days", "nothing left to bottle", "bottling order",
            "ink grade", "Vat", "vat", "Ink", "ink", "Works", "works", "Bottles", "bottles")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "inktally", "inkledger", SEED + 3, GO_NAMES, GO_RENAMES)[0]


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
    cm.capture_round(__doc__, ensure_tools, steps, "wide699-", OUT, TMP)
