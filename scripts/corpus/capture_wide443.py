#!/usr/bin/env python3
"""Round 443: issue #11's kinds with hostile features on real n-z packages (pako, text-table, ujson, xxhash)
and round 434's material renamed to an ice house's words (seed 44310), no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 443.
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

ROOT = Path("/dev/shm/hm-corpus-wide443-tools")
TMP = Path("/dev/shm/hm-corpus-wide443")
OUT = Path(__file__).resolve().parent / "data" / "wide443.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
SEED = 44310
w368.VENV = VENV  # round 368's `cap` runs this round's venv
cm.clean_lines = w368.clean368
cap = w368.cap

# An ice house's words for round 434's gasworks (longer and more specific first).
ICE = (
    ("Una Stoker", "Ada Iceman"), ("una@gasworks", "ada@icehouse"), ("gasworks", "icehouse"),
    ("retortbed", "sawdustbay"), ("stoke_retorts", "stack_blocks"), ("charge_retort", "cut_block"),
    ("draw_retort", "haul_block"), ("purge_holder", "drain_well"), ("PurgeError", "MeltwaterError"),
    ("gasholder_svc", "icechamber_svc"), ("Gasholder", "IceChamber"), ("gasholder", "icechamber"),
    ("purifier", "plough"), ("Purifier", "Plough"), ("exhauster", "conveyor"), ("scrubber", "icepond"),
    ("scrub", "hoist"), ("Retort", "Ice block"), ("retort", "block"), ("holder", "chamber"),
    ("oxide", "sawdust"), ("coal_kg", "ice_kg"), ("gas_make_m3", "melt_loss_l"), ("coke_kg", "sawdust_kg"),
    ("Charge", "Block"), ("charge", "cut"), ("stoke", "settle"), ("H2S", "MELT"), ("box", "bay"),
    ("coal", "ice"), ("coke", "sawdust"), ("gas", "melt"), ("lift", "layer"), ("bench", "stack"),
    ("43412", "44312"),
)


def ice(text: str) -> str:
    return renamed(text, ICE)


def ice_bytes(data: bytes) -> bytes:
    for old, new in ICE:
        data = data.replace(old.encode(), new.encode())
    return data


class IcePath(PosixPath):
    """A path whose children's names and written contents get this round's words: round 434's
    generators, which hard-code their file names and texts, write this round's material through it."""

    def __truediv__(self, key):
        return super().__truediv__(ice(str(key)))

    def write_text(self, data, *a, **k):
        return super().write_text(ice(data), *a, **k)

    def write_bytes(self, data):
        return super().write_bytes(ice_bytes(bytes(data)))


def with_ice(fn, *args):
    """Call one of round 434's generators with this round's seed, its commands renamed too."""
    w434.SEED = SEED
    w434.cm = types.SimpleNamespace(run=lambda cmd, cwd=None, **k: cm.run(ice(cmd), cwd=cwd, **k))
    try:
        return fn(*args)
    finally:
        w434.cm = cm


def step_python(tmp: Path) -> None:
    d = IcePath(tmp / "sawdustbay")
    d.mkdir()
    with_ice(w434.history, d)
    (d / "plough.min.js").write_text(ice(with_ice(w434.minified)))
    d = Path(d)
    cap("pytest-v", "python -m pytest -v", d, n_pytest)
    cap("pytest-s-raw", "python -m pytest -s -rA tests/test_plough.py", d, n_pytest)
    cap("pytest-long-recursion", "python -m pytest --tb=long tests/test_cut.py", d, n_pytest)
    cap("pytest-tty", "python -m pytest -rA --tb=short", d, n_pytest, tty=True)
    cap("pytest-chain-cat", "cat data/bay3.dat; python -m pytest -q tests/test_plough.py", d, n_pytest)
    cap("pytest-x-tty", "python -m pytest -x tests/test_chamber.py tests/test_plough.py", d, n_pytest, tty=True)
    cap("pytest-lf-tail", "python -m pytest --tb=line -q 2>&1 | tail -n 25", d, n_pytest)
    cap("ruff", "ruff check --no-cache .", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format=full src tests", d, n_ruff, tty=True)
    cap("mypy", "mypy --strict --no-incremental src stack_blocks.py", d, n_mypy)
    cap("mypy-chain", f"cd {d} && mypy --no-incremental --strict --pretty src tests 2>&1 | tail -n 40", d, n_mypy)
    cap("recursion-traceback", "python stack_blocks.py 4", d, n_chained)
    cap("recursion-tty-tail", "python stack_blocks.py 7", d, n_chained, tty=True, pipe="tail -n 120")
    cap("chained-traceback-cat", "cat data/bay3.dat && python drain_well.py", d, n_chained)
    cap("grep-rn", "grep -rn plough --include=*.py --include=*.js .", d, n_grep_rn)
    cap("grep-rna", "grep -rna 'bay' src data plough.min.js", d, n_grep_rn)
    cap("git-status", "git status", d, n_status)
    cap("git-diff-text", "git diff --text", d, n_diff)
    cap("git-log-p", "git log -p", d, n_log_p)
    cap("git-log-p-head", "git log -p --reverse | head -n 150", d, n_log_p)
    cap("git-show-chamber", "git show HEAD~6 --text", d, n_show)
    cap("git-diff-tty", "git diff --stat -p", d, n_diff, tty=True)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = ice(w434.SVC)
    for name, nb, big, na in (("chamber_a.py", 80, 320, 50), ("chamber_b.py", 150, 700, 70)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python chamber_a.py", d, n_json_log)
    cap("json-log-b-grep", "python chamber_b.py 2>&1 | grep -v '\"box cycle\"\\|\"bay cycle\"' | tail -n 150", d, n_json_log)


def step_c(tmp: Path) -> None:
    d = IcePath(tmp / "icepond")
    with_ice(w434.gen_c, d)
    d = Path(d)
    cap("make-k", "make -k", d, n_make)
    cap("make-tty", "make -k -B", d, n_make, tty=True)
    cap("make-tail", f"cd {d} && make -k -B 2>&1 | tail -n 45", d, n_make)
    cap("gcc-tty-urls", "gcc -Wall -Wextra -fdiagnostics-urls=always -c conveyor_05.c conveyor_04.c", d, n_gcc, tty=True)
    cap("ls-lR-links", "ls -lR --hyperlink=always --color=always", tmp, n_ls_lR)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k2 -n > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"name,size_kb,section,priority,version\r\n")
    cap("csv-crlf-tail", "cat hdr.csv pkgs.csv | tail -n 120", d, n_csv)


JEST_TEST = r'''const pako = require(PAKO);
const table = require("text-table");

function nest(depth, leaf) {
  let o = { sawdust: leaf };
  for (let i = depth; i > 0; i--) o = { layer: i, inner: o };
  return o;
}

describe("ice block ledger", () => {
  test("chamber table aligns the tonnage column", () => {
    const t = table([["chamber", "blocks", "tons"], ["north", "412", "37.5"], ["south", "1208", "109.0"]], { align: ["l", "r", "."] });
    expect(t.split("\n")[2]).toBe("south  1208  109");
  });

  test("plough log round-trips through deflate", () => {
    const log = Buffer.from("plough 3 cut 88 blocks\tsawdust 4 cwt\r\n".repeat(40));
    const packed = pako.deflate(log);
    expect(packed.length).toBeLessThan(60);
    expect(Buffer.from(pako.inflate(packed)).toString()).toContain("plough 3");
  });

  test("corrupt dump from the block scale inflates", () => {
    const raw = Uint8Array.from([0x00, 0xff, 0xfe, 0x1f, 0x8b, 0x00, 0x9f, 0x80]);
    expect(pako.inflate(raw)).toBeDefined();
  });

  test("stack survey matches the expected nesting", () => {
    expect(nest(40, { tons: 12.5, chamber: "north" })).toEqual(nest(40, { tons: 12.0, chamber: "north" }));
  });

  test("gzip header names the stack", () => {
    const gz = pako.gzip("stack 7", { header: { name: "stack7.log" } });
    expect(gz[3]).toBe(0);
  });
});
'''

NODE_BAD = r'''const pako = require(PAKO);
console.log("reading scale dump for chamber " + process.argv[2]);
const dump = Buffer.from("1f8b0800ffff" + "00ff9c80".repeat(6), "hex");
const out = pako.ungzip(dump);
console.log(out.length);
'''

NODE_NULL = r'''const pako = require(PAKO);
const stacks = { north: "412 blocks", south: null };
for (const [name, v] of Object.entries(stacks)) {
  console.log("packing " + name);
  console.log(pako.deflate(v).length);
}
'''


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"sawdust_cwt": rnd.randint(1, 9)}
    for i in range(depth, 0, -1):
        cfg = {"layer": i, "blocks": rnd.randint(10, 99), "inner": cfg}
    return json.dumps({"name": "icehouse-ledger", "version": "0.7.1", "private": True,
                       "dependencies": {"pako": "^3.0.3", "text-table": "^0.2.0"},
                       "devDependencies": {"jest": "*"}, "icehouse": {"stack": cfg}})


def step_js(tmp: Path) -> None:
    d = tmp / "ledger"
    (d / "test").mkdir(parents=True)
    pako_min = JS / "node_modules/pako/dist/browser/pako.umd.min.js"
    (d / "test/ledger.test.js").write_text(JEST_TEST.replace("PAKO", json.dumps(str(pako_min))))
    (d / "scale.js").write_text(NODE_BAD.replace("PAKO", json.dumps(str(pako_min))))
    (d / "pack.js").write_text(NODE_NULL.replace("PAKO", json.dumps(str(pako_min))))
    (d / "package.json").write_text(deep_pkg(160))
    (d / "node_modules").symlink_to(JS / "node_modules")
    jest = f"{JS}/node_modules/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'ledger' 2>&1 | tail -n 80", d, n_jest, timeout=300)
    cap("jest-verbose-tail", f"{jest} --ci --verbose --rootDir . 2>&1 | tail -n 120", d, n_jest, timeout=300)
    cap("node-uncaught-min", "node scale.js north", d, n_node_uncaught)
    cap("node-uncaught-min-tty", "node pack.js", d, n_node_uncaught, tty=True)
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    cap("grep-rn-min", f"grep -rn 'incorrect header check' {JS}/node_modules/pako/dist --include='*.js' | head -n 5", d, n_grep_rn)
    cap("grep-rn-cat-min", f"cat {JS}/node_modules/pako/package.json; grep -rn 'invalid stored block lengths' {JS}/node_modules/pako/dist/browser --include='pako_inflate*.js'", d, n_grep_rn)
    cap("npm-view-pako", "npm view pako --json", d, n_npm_view, timeout=120)
    cap("npm-view-text-table", "npm view text-table --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http pako text-table", n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on ujson xxhash", tmp, n_pip_install,
        tty=True, timeout=300)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff", "mypy", "pytest"])
    cm.install_npm(JS, "jest", ["pako", "text-table", "jest"])


def steps():
    return [step_python, step_svc, step_c, step_tables, step_js]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide443-", OUT, TMP)
