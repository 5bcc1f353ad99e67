#!/usr/bin/env python3
"""Round 691: issue #11's kinds with hostile features on real packages no earlier round used (color-namer,
colornames, cologne-phonetic, cologne-phonetics, pyppmd, inflate64: small colour-name, phonetic and compression
packages), round 434's material renamed to a netmaker's loft: meshes, floats, sinklines and netmakers (seed 69110)
through round 683's module and through it round 675's, 667's, 660's and the modules they set (their constants
replaced again by this round's), round 566's rename tables (left sides), round 555's depth_fitting, round 489's steps
and round 472's helpers, round 368's Rust crate, round 273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 691.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide683 as w683  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide683 import (cm, make_steps, n_chained, n_csv, n_diff, n_eslint, n_grep_rn, n_jest,  # noqa: E402
                             n_json_file, n_json_log, n_lock, n_log_p, n_mypy, n_npm_install, n_npm_view,
                             n_pip_install, n_ps_aux, n_pytest, n_ruff, n_show, n_status, w368, w434, w472, w489,
                             w555, w566, w619, w660, w667, w675)

w645, w640, w633, w626 = w667.w645, w667.w640, w667.w633, w667.w626
ROOT = Path("/dev/shm/hm-corpus-wide691-tools")
TMP = Path("/dev/shm/hm-corpus-wide691")
OUT = Path(__file__).resolve().parent / "data" / "wide691.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 69110
NPM_PKGS = ("color-namer@1.4.0", "colornames@1.1.1", "cologne-phonetic@1.1.1")
PIP_PKGS = ("cologne-phonetics==2.0.0", "pyppmd==1.3.1", "inflate64==1.0.4")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A netmaker's loft for round 434's gasworks, paired in order with the old words of round 566's table.
LOFT_WORDS = (
    "netchest", "meshblock",
    "Tamsin Knotwell", "tamsin@netloft", "netloft",
    "meshshed", "knot_meshes", "tie_float",
    "hang_net", "tar_nets", "FloatError",
    "netwatch_svc", "Hempblock", "hempblock",
    "netfloat", "Netfloat", "netpress", "meshframe",
    "barktan", "Sinkline", "sinkline", "netstand",
    "cutchpot", "hemp_kg", "net_make_n", "cotton_kg",
    "Knitting", "knitting", "mending", "BARKDUST",
    "hemp", "cotton", "net", "float",
    "69112",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(LOFT_WORDS)
LOFT = tuple(zip(OLD, LOFT_WORDS))
assert not [(o, n) for _, n in LOFT for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = LOFT
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 69112
for m in (w683, w675, w667, w660, w645, w640, w633, w626, w619, w619.w536, w555, w566, w619.w583, w619.w601,
          w619.w608):
    m.SEED = SEED
(w683.SHOP, w675.SHOP, w667.SHOP, w660.SHOP, w645.WORKS, w640.SHOP, w633.MILL, w626.WORKS, w619.MILL,
 w619.w583.HEARTH, w619.w601.TARHOUSE, w619.w608.BOILERY) = (LOFT,) * 12
db = w472.light

KNITTING_UTF16 = "".join(f"{h:02d}:50\tnet {1 + h % 4} knitted\tmeshes {130 + h % 9 * 10} tied\themp {'barked' if h % 5 == 0 else 'raw'}\r\n"
                         for h in range(200))
MAKERS = [("Maëlle Filetière", "knitter", 31), ("Gaël Ramendeur", "mender", 14), ("Jürgen Netzmacher", "barker", 6),
          ("Åsa Nätbindare", "knitter", 27), ("Loïc Filetier", "rigger", 19), ("Hélène Maillère", "apprentice", 2),
          ("Sæunn Netagerð", "knitter", 11), ("Zoé Ramendeuse", "corker", 23), ("Thérèse Filoche", "knitter", 38),
          ("Bjørn Garnbinder", "tarrer", 5), ("Anaïs Maillon", "mender", 16), ("Jérémie Chalutier", "barker", 22)]
(w683.MAKERS, w675.MAKERS, w667.MAKERS, w660.MAKERS, w645.MAKERS, w640.BEATERS, w633.PINMAKERS, w626.SMITHS,
 w619.MILLERS, w619.w583.COLLIERS, w619.w601.TARRERS, w619.w608.SOAPBOILERS) = (MAKERS,) * 12
(w683.SHAPING_UTF16, w675.CARVING_UTF16, w667.GRINDING_UTF16, w660.LACING_UTF16, w645.FRAMING_UTF16,
 w640.BEATING_UTF16, w633.POINTING_UTF16, w626.TEMPER_UTF16, w619.EDGESTONE_UTF16, w619.w583.COLLIER_UTF16,
 w619.w601.TARRER_UTF16, w619.w608.BOILER_UTF16) = (KNITTING_UTF16,) * 12


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/knitting_utf16.log").write_bytes(KNITTING_UTF16.encode("utf-16"))
    (d / "data/netmakers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in MAKERS).encode("latin-1", "replace"))
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
    cap("grep-rna-utf16", "cat data/knitting_utf16.log data/netmakers.txt; grep -rna 'netchest\\|hempblock' src data " + db("purifier.min.js"), d, n_grep_rn)
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
    for name, nb, big, na in (("netwatch_a.py", 55, 760, 85), ("netwatch_b.py", 50, 900, 105)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python netwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python netwatch_b.py 2>&1 | grep -v '\"netchest cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux-cut", "ps auxww | cut -c1-300", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2nr > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 360", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["netmaker,post,nets,barktan_l,loft"]
    for i in range(470):
        n, p, _ = MAKERS[i % len(MAKERS)]
        rows.append(f"{n},{p},{rnd.randint(2, 240)},{rnd.randint(10, 620) / 10},{'Buckie' if i % 199 else 'Eyemouth'}")
    (d / "netmakers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat netmakers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"barktan_l": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"net": i, "mesh_mm": rnd.randint(1, 99) / 10, "float": cfg}
    return json.dumps({"name": "netroom", "version": "0.6.91", "private": True,
                       "dependencies": {"color-namer": "1.4.0", "colornames": "1.1.1", "cologne-phonetic": "1.1.1"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "netloft": {"nets": cfg}})


(w683.deep_pkg, w675.deep_pkg, w667.deep_pkg, w660.deep_pkg, w645.deep_pkg, w640.deep_pkg, w555.deep_pkg,
 w633.deep_pkg, w626.deep_pkg, w619.deep_pkg, w619.w583.deep_pkg, w619.w601.deep_pkg, w619.w608.deep_pkg) = (deep_pkg,) * 13
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "netroom"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("color-namer", "colornames", "cologne-phonetic"):
        cap(f"npm-view-{pkg}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-namer-phonetic", "grep -rn 'function\\|return\\|require' node_modules/color-namer node_modules/cologne-phonetic --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-colornames", "cat node_modules/colornames/package.json; grep -rn 'value\\|function\\|return' node_modules/colornames --include=*.js | head -n 260", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a netmaker's meshes, floats, barktan, orders, float colours and roll, with bugs put in
# (fixed before the run).
LOFT_JS = r'''const namer = require(@@CN@@);
const colornames = require(@@CS@@);
const { execFileSync } = require("child_process");
// cologne-phonetic is an ES module only: asked through a node child with --input-type=module.
const COLOGNE = @@CP@@;
function cologne(phrase) {
  const prog = `import { colognePhonetic } from ${JSON.stringify(COLOGNE)}; process.stdout.write(colognePhonetic(process.argv[1]));`;
  return execFileSync(process.execPath, ["--input-type=module", "-e", prog, phrase]).toString();
}

// Meshes knitted from a hemp hank: its length over one mesh's twine, rounded down (bug: rounded up).
function meshesPerHank(hankMm, meshMm) {
  return Math.ceil(hankMm / meshMm);
}

// Floats for a net: one every fathom along the headline, both ends included (bug: the ends left out).
function floatsForNet(fathoms) {
  return fathoms - 1;
}

// Barktan left in the cutch pot: what was boiled less what the nets took (bug: the take added).
function barktanLeft(boiledL, takenL) {
  return Math.round((boiledL + takenL) * 100) / 100;
}

// The mending queue: first brought, first mended (bug: the newest net taken first).
function nextNets(nets, n) {
  const q = nets.slice();
  const out = [];
  for (let i = 0; i < n && q.length > 0; i++) out.push(q.pop());
  return out;
}

// A float's colour by its nearest html name (bug: the second nearest taken).
function floatColour(hex) {
  return namer(hex).html[1].name;
}

// A named colour's hex for the float paint (bug: lower-cased name given back).
function paintHex(name) {
  return name.toLowerCase();
}

// A netmaker's name coded for the roll's index (bug: the name's first letter dropped).
function rollCode(name) {
  return cologne(name.slice(1));
}

// A netmaker's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function floats(depth, barktan) {
  let o = { barktan_l: barktan };
  for (let i = depth; i > 0; i--) o = { net: i, float: o };
  return o;
}

module.exports = { meshesPerHank, floatsForNet, barktanLeft, nextNets, floatColour, paintHex, rollCode, rollName, floats, colornames };
'''

LOFT_TEST = r'''const { meshesPerHank, floatsForNet, barktanLeft, nextNets, floatColour, paintHex, rollCode, rollName, floats, colornames } = require("../netfloat");

describe("netloft netroom", () => {
  test("a 1000 mm hemp hank at 120 mm a mesh yields 8 meshes", () => {
    expect(meshesPerHank(1000, 120)).toBe(8);
  });

  test.each([[10, 11], [3, 4], [0, 1]])("%i fathoms take %i floats", (f, n) => {
    expect(floatsForNet(f)).toBe(n);
  });

  test("30 l boiled less 7.5 taken leaves 22.5", () => {
    expect(barktanLeft(30, 7.5)).toBeCloseTo(22.5);
  });

  test("the mending queue takes the oldest net first", () => {
    expect(nextNets(["Herring Drift Net", "Seine Net", "Trammel Net"], 2)).toEqual(["Herring Drift Net", "Seine Net"]);
  });

  test("a #FF0000 float is painted red", () => {
    expect(floatColour("#FF0000")).toBe("red");
  });

  test("the float paint Orange keeps its colornames hex", () => {
    expect(paintHex("Orange")).toBe(colornames("Orange"));
  });

  test("the roll codes Müller as 657", () => {
    expect(rollCode("Müller")).toBe("657");
  });

  test("the netmakers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Maëlle Filetière", "latin1"))).toBe("Maëlle Filetière");
  });

  test("the loft's float survey matches the expected nesting", () => {
    expect(floats(27, 4)).toEqual(floats(27, 7));
  });

  test("the netchest holds the spare floats", () => {
    expect({ netchest: { floats: 40, sinkers: 120 } }).toStrictEqual({ netchest: { floats: 40, sinkers: 120, corks: 8 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "netroom-jest"
    (d / "test").mkdir(parents=True)
    (d / "netfloat.js").write_text(LOFT_JS.replace("@@CN@@", json.dumps(str(NM / "color-namer")))
                                   .replace("@@CS@@", json.dumps(str(NM / "colornames")))
                                   .replace("@@CP@@", json.dumps(str(NM / "cologne-phonetic/build/src/index.js"))))
    (d / "test/netfloat.test.js").write_text(LOFT_TEST)
    (d / "package.json").write_text(json.dumps({"name": "netroom", "version": "0.6.91", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|queue|survey|hank' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "netfloat.js").write_text((d / "netfloat.js").read_text() + "\nfunction unusedMend(s) { if (s == 0) {} return s }\n")
    (lint / "netfloat.test.js").write_text(LOFT_TEST)
    (lint / "vendor/netpress.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a netmaker's words, paired in order with the old words of round 566's table (the left sides
# of round 489's table, as rounds 667-683 pair them).
RUST_WORDS = (
    "netwright", "Net knitting: meshes, floats and the sinkline a net's foot carries.",
    "mesh_name", '"hemp"', '"cotton"', '"manila"', '"sisal"', "9 is a hemp", "Meshpack", "knit_speed",
    "float_fit", "knitting {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Herring Drift Net", "Seine Net", "Trammel Net", "Gill Net", "Trawl Net", "Purse Seine",
            "Ring Net", "Lobster Pot Net", "Fyke Net", "Cast Net", "Drag Net", "Stake Net"]
GO_WORDS = ("nettally", "netledger", "netloft host", "nets left, days", "nothing left to knit", "knitting order",
            "net grade", "Mesh", "mesh", "Net", "net", "Loft", "loft", "Floats", "floats")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "nettally", "netledger", SEED + 3, GO_NAMES, GO_RENAMES)[0]


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
    cm.capture_round(__doc__, ensure_tools, steps, "wide691-", OUT, TMP)
