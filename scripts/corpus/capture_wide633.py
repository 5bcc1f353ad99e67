#!/usr/bin/env python3
"""Round 633: issue #11's kinds with hostile features on real packages no earlier round used (tinytime,
tiny-relative-date, cli-boxes, colorzero, terminaltables, colorutils), round 434's material renamed to a pin mill:
wire reels, pin heads and pinmakers (seed 63310) through round 626's module and through it round 619's (their
constants, and those of the modules they set, replaced by this round's), round 566's rename tables (left sides), round
555's depth_fitting, round 489's steps and round 472's helpers, round 368's Rust crate, round 273's Go module and a
jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 633.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide626 as w626  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide626 import cm, w368, w434, w472, w489, w555, w566, w619  # noqa: E402
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

ROOT = Path("/dev/shm/hm-corpus-wide633-tools")
TMP = Path("/dev/shm/hm-corpus-wide633")
OUT = Path(__file__).resolve().parent / "data" / "wide633.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 63310
NPM_PKGS = ("tinytime@0.2.6", "tiny-relative-date@2.0.2", "cli-boxes@4.0.1")
PIP_PKGS = ("colorzero==2.0", "terminaltables==3.1.10", "colorutils==0.3.0")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A pin mill for round 434's gasworks, paired in order with the old words of round 566's table.
MILL_WORDS = (
    "pinbin", "wiresill",
    "Tobias Headley", "tobias@pinmill", "pinmill",
    "pointbed", "draw_wire", "point_pin",
    "head_pin", "paper_pins", "HeadError",
    "pinwatch_svc", "Wirereel", "wirereel",
    "whitenfan", "Whitenfan", "brassblower", "pinpaper",
    "blanch", "Pinhead", "pinhead", "headrack",
    "verdigris", "wire_kg", "pin_make_n", "brass_kg",
    "Heading", "heading", "burnish", "CUZN",
    "wire", "brass", "point", "shank",
    "63312",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(MILL_WORDS)
MILL = tuple(zip(OLD, MILL_WORDS))
assert not [(o, n) for _, n in MILL for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = MILL
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 63312
for m in (w626, w619, w619.w536, w555, w566, w619.w583, w619.w601, w619.w608):
    m.SEED = SEED
w626.WORKS = w619.MILL = w619.w583.HEARTH = w619.w601.TARHOUSE = w619.w608.BOILERY = MILL
db = w472.light

POINTING_UTF16 = "".join(f"{h:02d}:15\tbench {1 + h % 4} pointed\tpins {300 + h % 9 * 40} headed\twire {'hard' if h % 6 == 0 else 'soft'}\r\n"
                         for h in range(200))
PINMAKERS = [("Hélène Épinglier", "pointer", 29), ("Jérôme Aiguillon", "header", 17), ("Zoë Nadelmacher", "papper", 6),
             ("Mårten Nålsmed", "pointer", 36), ("Günther Stecknadler", "drawer", 21), ("Françoise Têtière", "boy", 1),
             ("Aurélien Laitonné", "pointer", 13), ("Jürgen Drahtzieher", "drawer", 40), ("Élodie Pointeuse", "header", 9),
             ("Øystein Nålmaker", "packer", 4), ("Renée Blanchisseur", "whitener", 47), ("Agnès Cuivrée", "header", 25)]
w626.SMITHS = w619.MILLERS = w619.w583.COLLIERS = w619.w601.TARRERS = w619.w608.SOAPBOILERS = PINMAKERS
w626.TEMPER_UTF16 = w619.EDGESTONE_UTF16 = w619.w583.COLLIER_UTF16 = w619.w601.TARRER_UTF16 = w619.w608.BOILER_UTF16 = POINTING_UTF16


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/pointing_utf16.log").write_bytes(POINTING_UTF16.encode("utf-16"))
    (d / "data/pinmakers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in PINMAKERS).encode("latin-1", "replace"))
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
    cap("grep-rna-utf16", "cat data/pointing_utf16.log data/pinmakers.txt; grep -rna 'pinbin\\|pinhead' src data " + db("purifier.min.js"), d, n_grep_rn)
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
    for name, nb, big, na in (("pinwatch_a.py", 55, 820, 75), ("pinwatch_b.py", 45, 940, 110)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python pinwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python pinwatch_b.py 2>&1 | grep -v '\"pinbin cycle\"' | tail -n 140", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2nr > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 480", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["pinmaker,post,papers,wire_kg,mill"]
    for i in range(540):
        n, p, _ = PINMAKERS[i % len(PINMAKERS)]
        rows.append(f"{n},{p},{rnd.randint(12, 480)},{rnd.randint(10, 290) / 10},{'Painswick' if i % 271 else 'Stroud'}")
    (d / "pinmakers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat pinmakers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"wire_kg": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"reel": i, "brass_kg": rnd.randint(10, 290) / 10, "paper": cfg}
    return json.dumps({"name": "headbook", "version": "0.3.9", "private": True,
                       "dependencies": {"tinytime": "0.2.6", "tiny-relative-date": "2.0.2", "cli-boxes": "4.0.1"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "pinmill": {"benches": cfg}})


w555.deep_pkg = w626.deep_pkg = w619.deep_pkg = w619.w583.deep_pkg = w619.w601.deep_pkg = w619.w608.deep_pkg = deep_pkg
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "headbook"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    cap("npm-view-tinytime", "npm view tinytime --json", d, n_npm_view, timeout=120)
    cap("npm-view-tiny-relative-date", "npm view tiny-relative-date --json", d, n_npm_view, timeout=120)
    cap("npm-view-cli-boxes", "npm view cli-boxes --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-tinytime", "grep -rn 'function\\|return\\|export' node_modules/tinytime node_modules/tiny-relative-date --include=*.js | head -n 300", n, n_grep_rn)
    cap("grep-rn-cat-boxes", "cat node_modules/cli-boxes/package.json; grep -rn '\"' node_modules/cli-boxes --include=*.json --include=*.ts | head -n 200", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a pin mill's pins, papers and wire arithmetic, with bugs put in (fixed before the run).
MILL_JS = r'''const tinytime = require(@@TINYTIME@@);
const rd = require(@@RELDATE@@);
const relativeDate = rd.default || rd;

// Pins a reel of wire yields: its length over one pin's, rounded down (bug: rounded up).
function pinsPerReel(wireMm, pinMm) {
  return Math.ceil(wireMm / pinMm);
}

// Pins in papers: twelve rows of twenty to a paper (bug: ten rows).
function pinsPapered(papers) {
  return papers * 10 * 20;
}

// Brass left in the store: what was bought less what the benches drew (bug: the draw added).
function brassLeft(boughtKg, drawnKg) {
  return Math.round((boughtKg + drawnKg) * 100) / 100;
}

// A heading day written for the book, the month padded (bug: no padding asked for).
function headingDay(date) {
  return tinytime("{YYYY}-{Mo}-{DD}").render(date);
}

// How long since the last reel came in (bug: the two dates swapped).
function sinceReel(reelDate, now) {
  return relativeDate(now, reelDate);
}

// A pinmaker's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function papers(depth, leaf) {
  let o = { wire_kg: leaf };
  for (let i = depth; i > 0; i--) o = { reel: i, paper: o };
  return o;
}

module.exports = { pinsPerReel, pinsPapered, brassLeft, headingDay, sinceReel, rollName, papers };
'''

MILL_TEST = r'''const { pinsPerReel, pinsPapered, brassLeft, headingDay, sinceReel, rollName, papers } = require("../pinhead");

describe("pinmill headbook", () => {
  test("a 100,000 mm reel at 26 mm a pin yields 3,846 pins", () => {
    expect(pinsPerReel(100000, 26)).toBe(3846);
  });

  test.each([[3, 720], [1, 240], [0, 0]])("%i papers hold %i pins", (p, n) => {
    expect(pinsPapered(p)).toBe(n);
  });

  test("480 kg bought less 117.5 drawn leaves 362.5", () => {
    expect(brassLeft(480, 117.5)).toBeCloseTo(362.5);
  });

  test("the heading day of 5 March 1796 is written 1796-03-05", () => {
    expect(headingDay(new Date(1796, 2, 5))).toBe("1796-03-05");
  });

  test("a reel that came in yesterday came in a day ago", () => {
    const now = new Date(2026, 5, 10, 12);
    expect(sinceReel(new Date(2026, 5, 9, 12), now)).toBe("yesterday");
  });

  test("the pinmakers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Hélène Épinglier", "latin1"))).toBe("Hélène Épinglier");
  });

  test("the mill's paper survey matches the expected nesting", () => {
    expect(papers(29, 4)).toEqual(papers(29, 6));
  });

  test("the pinbin holds the spare heading dies", () => {
    expect({ pinbin: { dies: 3, punches: 2 } }).toStrictEqual({ pinbin: { dies: 3, punches: 2, anvils: 1 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "headbook-jest"
    (d / "test").mkdir(parents=True)
    (d / "pinhead.js").write_text(MILL_JS.replace("@@TINYTIME@@", json.dumps(str(NM / "tinytime")))
                                  .replace("@@RELDATE@@", json.dumps(str(NM / "tiny-relative-date"))))
    (d / "test/pinhead.test.js").write_text(MILL_TEST)
    (d / "package.json").write_text(json.dumps({"name": "headbook", "version": "0.3.9", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|heading|survey|reel' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "pinhead.js").write_text((d / "pinhead.js").read_text() + "\nfunction unusedBlanch(s) { if (s == 0) {} return s }\n")
    (lint / "pinhead.test.js").write_text(MILL_TEST)
    (lint / "vendor/brassblower.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a pin mill's words, paired in order with the old words of round 566's table.
RUST_WORDS = (
    "pinheader", "Pin heading: pins, heads and the pins a reel of brass wire makes at the header.",
    "head_name", '"drawn"', '"pointed"', '"headed"', '"papered"', "9 is a drawn", "Headring", "header_speed",
    "head_fit", "heading {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Lills Short", "Minikin Fine", "Toilet Long", "Corking Brass", "Blanket Heavy", "Shawl Silver",
            "Mourning Black", "Hair Bent", "Ribbon Plain", "Lace Fine", "Painswick Best", "Stroud Brass"]
GO_WORDS = ("pintally", "pinbook", "drawing host", "pins left, days", "nothing left to head", "papering order",
            "pin grade", "Coil", "coil", "Sheet", "sheet", "Block", "block", "Heads", "heads")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "pintally", "pinbook", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff==0.17.6", "mypy==2.4.1", "pytest==9.2.0"])
    cm.install_npm(JS, "jest", ["jest@30.5.2", "eslint@10.16.0", "tinytime@0.2.6", "tiny-relative-date@2.0.2"])


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide633-", OUT, TMP)
