#!/usr/bin/env python3
"""Round 457: issue #11's kinds with hostile features on real e-m packages (fast-xml-parser, lz-string, mmh3,
editdistance) and round 434's material renamed to a brickworks' words (seed 45710), no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 457.
"""
from __future__ import annotations

import json
import random
import sys
import types
from pathlib import Path, PosixPath

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_more as cm  # noqa: E402
import capture_wide368 as w368  # noqa: E402  (sets cm.clean_lines = clean368)
import capture_wide434 as w434  # noqa: E402  (round 434's generators, given this round's names and seed)
from capture_wide273_go import renamed  # noqa: E402
from capture_wide import n_chained, n_node_uncaught  # noqa: E402
from capture_wide15_data import (n_json_file, n_lock, n_ls_lR, n_npm_install, n_npm_view,  # noqa: E402
                                 n_pip_install)
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_js import n_jest  # noqa: E402
from capture_wide15_langs import n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide2 import n_json_log  # noqa: E402
from capture_wide6_fresh import n_csv, n_ps_aux  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide457-tools")
TMP = Path("/dev/shm/hm-corpus-wide457")
OUT = Path(__file__).resolve().parent / "data" / "wide457.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
SEED = 45710
w368.VENV = VENV  # round 368's `cap` runs this round's venv
cm.clean_lines = w368.clean368
cap = w368.cap

# A brickworks' words for round 434's gasworks (longer and more specific first).
BRICK = (
    ("Una Stoker", "Ned Moulder"), ("una@gasworks", "ned@brickworks"), ("gasworks", "brickworks"),
    ("retortbed", "clampyard"), ("stoke_retorts", "fire_clamps"), ("charge_retort", "mould_brick"),
    ("draw_retort", "draw_clamp"), ("purge_holder", "drain_claypit"), ("PurgeError", "SlurryError"),
    ("gasholder_svc", "hackstand_svc"), ("Gasholder", "Hackstand"), ("gasholder", "hackstand"),
    ("purifier", "pugmix"), ("Purifier", "Pugmix"), ("exhauster", "moulder"), ("scrubber", "claypress"),
    ("scrub", "press"), ("Retort", "Green brick"), ("retort", "brick"), ("holder", "stand"),
    ("oxide", "sand"), ("coal_kg", "clay_kg"), ("gas_make_m3", "water_l"), ("coke_kg", "grog_kg"),
    ("Charge", "Mould"), ("charge", "mould"), ("stoke", "fire"), ("H2S", "SO2"), ("box", "pallet"),
    ("coal", "clay"), ("coke", "grog"), ("gas", "slip"), ("lift", "course"), ("bench", "clamp"),
    ("43412", "45712"),
)


def brick(text: str) -> str:
    return renamed(text, BRICK)


def brick_bytes(data: bytes) -> bytes:
    for old, new in BRICK:
        data = data.replace(old.encode(), new.encode())
    return data


class BrickPath(PosixPath):
    """A path whose children's names and written contents get this round's words (round 443's IcePath)."""

    def __truediv__(self, key):
        return super().__truediv__(brick(str(key)))

    def write_text(self, data, *a, **k):
        return super().write_text(brick(data), *a, **k)

    def write_bytes(self, data):
        return super().write_bytes(brick_bytes(bytes(data)))


def with_brick(fn, *args):
    """Call one of round 434's generators with this round's seed, its commands renamed too."""
    w434.SEED = SEED
    w434.cm = types.SimpleNamespace(run=lambda cmd, cwd=None, **k: cm.run(brick(cmd), cwd=cwd, **k))
    try:
        return fn(*args)
    finally:
        w434.cm = cm


# Added here: a zero-width space inside a string and a bidi override in a comment (a hack row's label).
HACKS = ('"""Hack rows: green bricks set out to dry on the hackstands before the clamp."""\n\n'
         'HACK_ROWS = 14  # rows per stand \u202e 41 \u2066rows\u2069 \u202c\n'
         'LABEL = "hack\u200brow"\n\n\n'
         'def label(row: int) -> str:\n    return f"{LABEL}-{row:02d}"\n\n\n'
         'def dry_days(rows: int, wet: bool) -> int:\n    return rows // 2 + (3 if wet else 0)\n')
TEST_HACKS = ('from clampyard.hacks import HACK_ROWS, dry_days, label\n\n\n'
              'def test_label():\n    assert label(7) == "hackrow-07"\n\n\n'
              'def test_dry_days_wet():\n    assert dry_days(HACK_ROWS, True) == 12\n\n\n'
              'def test_dry_days():\n    assert dry_days(8, False) == 4\n')


def step_python(tmp: Path) -> None:
    d = BrickPath(tmp / "clampyard")
    d.mkdir()
    with_brick(w434.history, d)
    (d / "pugmix.min.js").write_text(brick(with_brick(w434.minified)))
    d = Path(d)
    (d / "src/clampyard/hacks.py").write_text(HACKS)
    (d / "tests/test_hacks.py").write_text(TEST_HACKS)
    cap("pytest-v", "python -m pytest -v", d, n_pytest)
    cap("pytest-s-raw", "python -m pytest -s -rA tests/test_pugmix.py", d, n_pytest)
    cap("pytest-long-recursion", "python -m pytest --tb=long tests/test_mould.py", d, n_pytest)
    cap("pytest-tty", "python -m pytest -rA --tb=short", d, n_pytest, tty=True)
    cap("pytest-chain-cat", "cat data/pallet3.dat; python -m pytest -q tests/test_pugmix.py tests/test_hacks.py", d, n_pytest)
    cap("pytest-hacks-vv", "python -m pytest -vv tests/test_hacks.py", d, n_pytest)
    cap("pytest-line-tail", "python -m pytest --tb=line -q 2>&1 | tail -n 25", d, n_pytest)
    cap("ruff", "ruff check --no-cache --extend-select PLE2502 .", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format=full src tests", d, n_ruff, tty=True)
    cap("mypy", "mypy --strict --no-incremental src fire_clamps.py", d, n_mypy)
    cap("mypy-chain", f"cd {d} && mypy --no-incremental --strict --pretty src tests 2>&1 | tail -n 40", d, n_mypy)
    cap("recursion-traceback", "python fire_clamps.py 4", d, n_chained)
    cap("recursion-tty-tail", "python fire_clamps.py 7", d, n_chained, tty=True, pipe="tail -n 100")
    cap("chained-traceback-cat", "cat data/pallet3.dat && python drain_claypit.py", d, n_chained)
    cap("grep-rn", "grep -rn pugmix --include=*.py --include=*.js .", d, n_grep_rn)
    cap("grep-rna", "grep -rna 'pallet' src data pugmix.min.js", d, n_grep_rn)
    cap("git-status", "git status", d, n_status)
    cap("git-diff-text", "git diff --text", d, n_diff)
    cap("git-log-p", "git log -p", d, n_log_p)
    cap("git-log-p-head", "git log -p --reverse | head -n 140", d, n_log_p)
    cap("git-show-stand", "git show HEAD~6 --text", d, n_show)
    cap("git-diff-tty", "git diff --stat -p", d, n_diff, tty=True)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = brick(w434.SVC)
    for name, nb, big, na in (("hackstand_a.py", 90, 340, 45), ("hackstand_b.py", 160, 650, 80)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python hackstand_a.py", d, n_json_log)
    cap("json-log-b-grep", "python hackstand_b.py 2>&1 | grep -v '\"pallet cycle\"' | tail -n 140", d, n_json_log)


def step_c(tmp: Path) -> None:
    d = BrickPath(tmp / "claypress")
    with_brick(w434.gen_c, d)
    d = Path(d)
    cap("make-k", "make -k", d, n_make)
    cap("make-tty", "make -k -B", d, n_make, tty=True)
    cap("make-tail", f"cd {d} && make -k -B 2>&1 | tail -n 45", d, n_make)
    cap("gcc-tty-urls", "gcc -Wall -Wextra -fdiagnostics-urls=always -c moulder_10.c moulder_06.c", d, n_gcc, tty=True)
    cap("ls-lR-links", "ls -lR --hyperlink=always --color=always", tmp, n_ls_lR)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k2 -rn > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"name,size_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 110", d, n_csv)


JEST_TEST = r'''const { XMLParser } = require(@@FXP@@);
const LZString = require(@@LZS@@);

function nest(depth, leaf) {
  let o = { grog: leaf };
  for (let i = depth; i > 0; i--) o = { course: i, inner: o };
  return o;
}

describe("brickworks clamp ledger", () => {
  test("clamp sheet parses the brick count as a number", () => {
    const p = new XMLParser({ ignoreAttributes: false });
    const doc = p.parse('<clamp id="7"><bricks>41200</bricks><fired>false</fired></clamp>');
    expect(doc.clamp.bricks).toBe("41200");
  });

  test("moulder log round-trips through lz-string", () => {
    const log = "moulder 3 struck 880 green bricks\tpug mill 2\r\n".repeat(30);
    const packed = LZString.compressToBase64(log);
    expect(packed.length).toBeLessThan(40);
    expect(LZString.decompressFromBase64(packed)).toContain("moulder 3");
  });

  test("hackstand survey reads the clamp attribute", () => {
    const p = new XMLParser();
    const doc = p.parse('<hackstand row="12"><course>9</course></hackstand>');
    expect(doc.hackstand["@_row"]).toBe("12");
  });

  test("clamp survey matches the expected nesting", () => {
    expect(nest(40, { tons: 18.5, clamp: "east" })).toEqual(nest(40, { tons: 18.0, clamp: "east" }));
  });

  test("pug mill sheet compresses to UTF16", () => {
    expect(LZString.decompressFromUTF16(LZString.compressToUTF16("pug mill 4"))).toBe("pug mill 4");
  });
});
'''

NODE_BAD = r'''const { XMLParser } = require(@@FXP@@);
console.log("reading clamp sheet for clamp " + process.argv[2]);
const sheet = "<clamp><course>3</course><bricks>41200</clamp>";
const doc = new XMLParser().parse(sheet, true);
console.log(doc);
'''

NODE_NULL = r'''const { XMLParser } = require(@@FXPMIN@@);
const sheets = { east: "<clamp>east</clamp>", west: Object.create(null) };
for (const [name, s] of Object.entries(sheets)) {
  console.log("parsing " + name);
  console.log(JSON.stringify(new XMLParser().parse(s)));
}
'''


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"grog_cwt": rnd.randint(1, 9)}
    for i in range(depth, 0, -1):
        cfg = {"course": i, "bricks": rnd.randint(100, 999), "inner": cfg}
    return json.dumps({"name": "brickworks-ledger", "version": "0.3.2", "private": True,
                       "dependencies": {"fast-xml-parser": "*", "lz-string": "*"},
                       "devDependencies": {"jest": "*"}, "brickworks": {"clamp": cfg}})


def step_js(tmp: Path) -> None:
    d = tmp / "ledger"
    (d / "test").mkdir(parents=True)
    fxp_dir = JS / "node_modules/fast-xml-parser/lib"
    fxp_min = fxp_dir / "fxp.min.js"  # a browser UMD build: node loads it as an ES module (the package's "type")
    fxp_cjs = fxp_dir / "fxp.cjs"
    lzs_min = JS / "node_modules/lz-string/libs/lz-string.min.js"
    reps = lambda s: (s.replace("@@FXPMIN@@", json.dumps(str(fxp_min))).replace("@@FXP@@", json.dumps(str(fxp_cjs)))
                      .replace("@@LZS@@", json.dumps(str(lzs_min))))  # noqa: E731
    (d / "test/ledger.test.js").write_text(reps(JEST_TEST))
    (d / "sheet.js").write_text(reps(NODE_BAD))
    (d / "parse_all.js").write_text(reps(NODE_NULL))
    (d / "package.json").write_text(deep_pkg(200))
    (d / "node_modules").symlink_to(JS / "node_modules")
    jest = f"{JS}/node_modules/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'clamp' 2>&1 | tail -n 80", d, n_jest, timeout=300)
    cap("node-uncaught-min", "node sheet.js east", d, n_node_uncaught)
    cap("node-uncaught-min-tty", "node parse_all.js", d, n_node_uncaught, tty=True)
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    cap("grep-rn-min", f"grep -rn 'Expected closing tag' {fxp_dir} --include='fxvalidator.min.js' --include='fxparser.min.js'", d, n_grep_rn)
    cap("grep-rn-cat-min", f"cat {JS}/node_modules/lz-string/package.json; grep -rn 'compressToBase64' {JS}/node_modules/lz-string/libs --include='*.min.js'", d, n_grep_rn)
    cap("npm-view-fast-xml-parser", "npm view fast-xml-parser --json", d, n_npm_view, timeout=120)
    cap("npm-view-lz-string", "npm view lz-string --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http fast-xml-parser lz-string", n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on mmh3 editdistance", tmp, n_pip_install,
        tty=True, timeout=300)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff", "mypy", "pytest"])
    cm.install_npm(JS, "jest", ["fast-xml-parser", "lz-string", "jest"])


def steps():
    return [step_python, step_svc, step_c, step_tables, step_js]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide457-", OUT, TMP)
