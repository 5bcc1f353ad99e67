#!/usr/bin/env python3
"""Round 472: issue #11's kinds with hostile features on real n-z packages (showdown, protobufjs, peggy, pyzstd,
pylev), round 434's material renamed to a lightship's words (seed 47210), round 368's Rust crate and round 273's Go
module in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 472.
"""
from __future__ import annotations

import json
import random
import sys
import types
from pathlib import Path, PosixPath

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_more as cm  # noqa: E402
import capture_wide368 as w368  # noqa: E402  (sets cm.clean_lines = clean368; its cap and gen_rust)
import capture_wide434 as w434  # noqa: E402  (round 434's generators, given this round's names and seed)
from capture_wide273_go import make_steps, renamed  # noqa: E402
from capture_wide import n_chained, n_node_uncaught  # noqa: E402
from capture_wide15_data import (n_json_file, n_lock, n_ls_lR, n_npm_install, n_npm_view,  # noqa: E402
                                 n_pip_install)
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_js import n_eslint, n_jest  # noqa: E402
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_diff, n_log_p, n_status  # noqa: E402
from capture_wide2 import n_json_log  # noqa: E402
from capture_wide6_fresh import n_csv, n_ps_aux  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide472-tools")
TMP = Path("/dev/shm/hm-corpus-wide472")
OUT = Path(__file__).resolve().parent / "data" / "wide472.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 47210
w368.VENV = VENV  # round 368's `cap` runs this round's venv
cm.clean_lines = w368.clean368
cap = w368.cap

# A lightship's words for round 434's gasworks (longer and more specific first).
LIGHT = (
    ("Una Stoker", "Tom Lampman"), ("una@gasworks", "tom@lightship"), ("gasworks", "lightship"),
    ("retortbed", "lanternmast"), ("stoke_retorts", "trim_lamps"), ("charge_retort", "light_lamp"),
    ("draw_retort", "lower_lamp"), ("purge_holder", "pump_bilge"), ("PurgeError", "BilgeError"),
    ("gasholder_svc", "lampwatch_svc"), ("Gasholder", "BellFrame"), ("gasholder", "bellframe"),
    ("purifier", "prism"), ("Purifier", "Prism"), ("exhauster", "lens"), ("scrubber", "lampcase"),
    ("scrub", "polish"), ("Retort", "Lamp"), ("retort", "lamp"), ("holder", "bell"),
    ("oxide", "oil"), ("coal_kg", "oil_l"), ("gas_make_m3", "beam_cd"), ("coke_kg", "wick_mm"),
    ("Charge", "Watch"), ("charge", "watch"), ("stoke", "trim"), ("H2S", "FOG"), ("box", "tank"),
    ("coal", "paraffin"), ("coke", "soot"), ("gas", "beam"), ("lift", "mast"), ("bench", "deck"),
    ("43412", "47212"),
)


def light(text: str) -> str:
    return renamed(text, LIGHT)


def light_bytes(data: bytes) -> bytes:
    for old, new in LIGHT:
        data = data.replace(old.encode(), new.encode())
    return data


class LightPath(PosixPath):
    """A path whose children's names and written contents get this round's words (round 443's IcePath)."""

    def __truediv__(self, key):
        return super().__truediv__(light(str(key)))

    def write_text(self, data, *a, **k):
        return super().write_text(light(data), *a, **k)

    def write_bytes(self, data):
        return super().write_bytes(light_bytes(bytes(data)))


def with_light(fn, *args):
    """Call one of round 434's generators with this round's seed, its commands renamed too."""
    w434.SEED = SEED
    w434.cm = types.SimpleNamespace(run=lambda cmd, cwd=None, **k: cm.run(light(cmd), cwd=cwd, **k))
    try:
        return fn(*args)
    finally:
        w434.cm = cm


# Added here: a keeper's watch log written by a Windows tool (UTF-16 with BOM, CRLF) and the keepers' roll in latin-1.
WATCH_UTF16 = "".join(f"{h:02d}:00\tlamp {1 + h % 3} lit\twick {38 + h % 5} mm\tfog bell {'struck' if h % 4 == 0 else 'quiet'}\r\n"
                      for h in range(24))
KEEPERS = [("Søren Kjær", "masthead", 41), ("Aimée Léger", "fog bell", 12), ("Tomás Ó Briain", "riding light", 7),
           ("Jörg Müller", "masthead", 30), ("Renée Fauré", "masthead", 22), ("Ángel Peña", "masthead", 19),
           ("Zoë Brontë", "lantern", 3), ("Frédéric Noël", "masthead", 55), ("Øyvind Bø", "masthead", 28),
           ("Inês Gonçalves", "masthead", 16), ("Maël Hervé", "fog bell", 9), ("Åsa Dvorák", "masthead", 34)]


def step_python(tmp: Path) -> None:
    d = LightPath(tmp / "lanternmast")
    d.mkdir()
    with_light(w434.history, d)
    (d / "prism.min.js").write_text(light(with_light(w434.minified)))
    d = Path(d)
    (d / "data/watch_utf16.log").write_bytes(WATCH_UTF16.encode("utf-16"))
    (d / "data/keepers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in KEEPERS).encode("latin-1", "replace"))
    cap("pytest-v", "python -m pytest -v", d, n_pytest)
    cap("pytest-long-recursion", "python -m pytest --tb=long tests/test_watch.py", d, n_pytest)
    cap("pytest-tty", "python -m pytest -rA --tb=short", d, n_pytest, tty=True)
    cap("pytest-chain-cat", "cat data/tank3.dat; python -m pytest -q tests/test_prism.py tests/test_bell.py", d, n_pytest)
    cap("ruff", "ruff check --no-cache .", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format=full src tests", d, n_ruff, tty=True)
    cap("mypy", "mypy --strict --no-incremental src trim_lamps.py", d, n_mypy)
    cap("mypy-chain", f"cd {d} && mypy --no-incremental --strict --pretty src tests 2>&1 | tail -n 40", d, n_mypy)
    cap("recursion-traceback", "python trim_lamps.py 5", d, n_chained)
    cap("chained-traceback-cat", "cat data/tank3.dat && python pump_bilge.py", d, n_chained)
    cap("grep-rna-utf16", "cat data/watch_utf16.log; grep -rna 'tank' src data prism.min.js", d, n_grep_rn)
    cap("git-status", "git status", d, n_status)
    cap("git-diff-text", "git diff --text", d, n_diff)
    cap("git-log-p", "git log -p", d, n_log_p)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = light(w434.SVC)
    for name, nb, big, na in (("lampwatch_a.py", 110, 420, 50), ("lampwatch_b.py", 70, 560, 120)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python lampwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python lampwatch_b.py 2>&1 | grep -v '\"tank cycle\"' | tail -n 150", d, n_json_log)


def step_c(tmp: Path) -> None:
    d = LightPath(tmp / "lampcase")
    with_light(w434.gen_c, d)
    d = Path(d)
    cap("make-k", "make -k", d, n_make)
    cap("make-tty", "make -k -B", d, n_make, tty=True)
    cap("gcc-tty-urls", "gcc -Wall -Wextra -fdiagnostics-urls=always -c lens_05.c lens_08.c", d, n_gcc, tty=True)
    cap("ls-lR-links", "ls -lR --hyperlink=always --color=always lanternmast lampcase", tmp, n_ls_lR)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k2 -n > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 120", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["keeper,post,watches,lamp_oil_l,ship"]
    for i in range(60):
        n, p, _ = KEEPERS[i % len(KEEPERS)]
        rows.append(f"{n},{p},{rnd.randint(4, 90)},{rnd.randint(20, 400) / 10},{'Nore' if i % 17 else 'Sunk Head'}")
    (d / "keepers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat keepers.csv", d, n_csv)


JEST_TEST = r'''const showdown = require(@@SHOWDOWN@@);
const protobuf = require(@@PROTOBUF@@);
const peggy = require(@@PEGGY@@);

function nest(depth, leaf) {
  let o = { candela: leaf };
  for (let i = depth; i > 0; i--) o = { mast: i, lantern: o };
  return o;
}

describe("lightship lamp ledger", () => {
  test("watch notes render the lamp heading", () => {
    const c = new showdown.Converter();
    expect(c.makeHtml("# Lamp 3 lit at dusk")).toBe("<h1>Lamp 3 lit at dusk</h1>");
  });

  test("fog bell message keeps the strike count", () => {
    const root = protobuf.parse('syntax = "proto3"; message FogBell { int32 strikes = 1; string mast = 2; }').root;
    const FogBell = root.lookupType("FogBell");
    const buf = FogBell.encode({ strikes: 12, mast: "fore" }).finish();
    expect(FogBell.decode(buf).strikes).toBe(12);
    expect(buf.length).toBe(6);
  });

  test("lamp log grammar reads the wick length", () => {
    const parser = peggy.generate("start = 'wick ' n:$[0-9]+ 'mm' { return parseInt(n, 10); }");
    expect(parser.parse("wick 42mm")).toBe(42);
    expect(() => parser.parse("wick 42 mm")).not.toThrow();
  });

  test("lantern mast survey matches the expected nesting", () => {
    expect(nest(40, { lux: 1200, mast: "fore" })).toEqual(nest(40, { lux: 1250, mast: "fore" }));
  });

  test("keepers' table renders", () => {
    const c = new showdown.Converter({ tables: true });
    expect(c.makeHtml("| lamp | wick |\n|---|---|\n| 1 | 40 |")).toContain("<table>");
  });
});
'''

NODE_SHOWDOWN = r'''const showdown = require(@@SDMIN@@);
console.log("rendering watch notes for lamp " + process.argv[2]);
showdown.extension("fogbell", { type: "foghorn", regex: /bell/g, replace: "BELL" });
const c = new showdown.Converter({ extensions: ["fogbell"] });
console.log(c.makeHtml("fog bell struck"));
'''

NODE_PROTO = r'''const protobuf = require(@@PBMIN@@);
console.log("reading the lamp schema");
const root = protobuf.parse('syntax = "proto3"; message Lamp { int32 wick_mm = ; string mast = 2; }').root;
console.log(root.lookupType("Lamp"));
'''

ESLINT_CONFIG = '''module.exports = [{
  files: ["**/*.js"],
  languageOptions: { sourceType: "commonjs", ecmaVersion: 2022,
    globals: { require: "readonly", module: "writable", console: "readonly", process: "readonly" } },
  rules: { "no-unused-vars": "error", "no-undef": "error", eqeqeq: "warn", "no-empty": "warn",
    "no-cond-assign": "warn", "no-prototype-builtins": "warn", "no-useless-escape": "warn" },
}];
'''


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"wick_mm": rnd.randint(30, 45)}
    for i in range(depth, 0, -1):
        cfg = {"mast": i, "candela": rnd.randint(100, 999), "lantern": cfg}
    return json.dumps({"name": "lightship-lamp-ledger", "version": "0.4.7", "private": True,
                       "dependencies": {"showdown": "*", "protobufjs": "*", "peggy": "*"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "lightship": {"lamps": cfg}})


def step_js(tmp: Path) -> None:
    d = tmp / "ledger"
    (d / "test").mkdir(parents=True)
    sd_dist = NM / "showdown/dist"
    reps = lambda s: (s.replace("@@SHOWDOWN@@", json.dumps(str(NM / "showdown")))  # noqa: E731
                      .replace("@@PROTOBUF@@", json.dumps(str(NM / "protobufjs")))
                      .replace("@@PEGGY@@", json.dumps(str(NM / "peggy")))
                      .replace("@@SDMIN@@", json.dumps(str(sd_dist / "showdown.min.js")))
                      .replace("@@PBMIN@@", json.dumps(str(NM / "protobufjs/dist/protobuf.min.js"))))
    (d / "test/ledger.test.js").write_text(reps(JEST_TEST))
    (d / "notes.js").write_text(reps(NODE_SHOWDOWN))
    (d / "schema.js").write_text(reps(NODE_PROTO))
    (d / "package.json").write_text(deep_pkg(200))
    (d / "node_modules").symlink_to(NM)
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'lamp' 2>&1 | tail -n 80", d, n_jest, timeout=300)
    cap("node-uncaught-showdown-min", "node notes.js 3 > notes.log 2>&1; cat notes.log", d, n_node_uncaught)
    cap("node-uncaught-protobuf-min-tty", "node schema.js", d, n_node_uncaught, tty=True)
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    cap("grep-rn-min", f"grep -rn 'makeHtml' {sd_dist} --include='showdown.min.js'", d, n_grep_rn)
    cap("grep-rn-cat-map", f"cat {NM}/showdown/package.json; grep -rn 'subParser' {sd_dist} --include='*.min.js.map'", d, n_grep_rn)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    for f in ("notes.js", "schema.js", "test/ledger.test.js"):
        (lint / Path(f).name).write_text((d / f).read_text())
    (lint / "vendor/showdown.min.js").write_text((sd_dist / "showdown.min.js").read_text())
    (lint / "eslint.config.js").write_text(ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint", f"{eslint} notes.js schema.js ledger.test.js", lint, n_eslint, timeout=300)
    cap("eslint-min-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 60", lint, n_eslint, timeout=300)
    cap("npm-view-showdown", "npm view showdown --json", d, n_npm_view, timeout=120)
    cap("npm-view-protobufjs", "npm view protobufjs --json", d, n_npm_view, timeout=120)
    cap("npm-view-peggy", "npm view peggy --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http showdown peggy", n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on pyzstd pylev", tmp,
        n_pip_install, tty=True, timeout=300)


# Round 368's crate in a lightship's words (after writing).
RUST_RENAMES = (
    ("yarnwinder", "wickwinder"),
    ("Yarn winding: bobbins, turns and the length on a winder.", "Wick winding: reels, turns and the wick on a lamp's reel."),
    ("hawser_name", "lamp_name"), ('"cable-laid"', '"fog-lantern"'), ('"hawser"', '"masthead"'), ('"shroud"', '"riding"'),
    ('"cable"', '"anchor"'), ("9 is cable-laid", "9 is a fog-lantern"), ("Bobbin", "Reel"), ("winder_speed", "lamp_speed"),
    ("spool", "reel_fill"), ("winding {", "wick {"),
)


def step_rust(tmp: Path) -> None:
    d = tmp / "wickwinder"
    w368.SEED = SEED  # gen_rust draws SEED + 2: 47212
    w368.gen_rust(d)
    for f in (d / "Cargo.toml", d / "src" / "lib.rs"):
        f.write_text(renamed(f.read_text(), RUST_RENAMES))
    env = "env CARGO_TARGET_DIR=" + str(tmp / "cargo-target")
    cap("cargo-build", f"{env} cargo build --offline", d, n_cargo_build)
    lib = d / "src" / "lib.rs"
    broken = renamed(w368.BROKEN, RUST_RENAMES)
    t = lib.read_text()
    assert broken in t
    lib.write_text(t.replace(broken, "\n"))
    cap("cargo-test-tty", f"{env} cargo test --offline -- --test-threads=1", d, n_cargo_test, tty=True)


# Round 273's Go module in a lightship's words.
GO_NAMES = ["Masthead Lamp", "Riding Light", "Fog Lantern", "Stern Light", "Anchor Lamp", "Binnacle Lamp",
            "Gimbal Lamp", "Argand Burner", "Catoptric Lamp", "Fresnel Lens", "Bell Lamp", "Gong Light"]
GO_RENAMES = (
    ("kegtally", "beamtally"), ("casebook", "lanternroom"), ("ledger host", "mast host"),
    ("litres left, days", "oil left, nights"), ("nothing left to pour", "nothing left to burn"),
    ("pour order", "watch order"), ("pour grade", "beam grade"), ("Keg", "Lamp"), ("keg", "lamp"),
    ("Beer", "Light"), ("beer", "light"), ("Cellar", "Deck"), ("cellar", "deck"), ("Pints", "Flashes"), ("pints", "flashes"),
)


def go_cap(item_id: str, command: str, cwd: Path, ext, env: dict | None = None, timeout: int = 300) -> None:
    """Round 273's cap signature over round 368's runner: under a pseudo-terminal, env spelt out."""
    pre = ("env " + " ".join(f"{k}={v}" for k, v in env.items()) + " ") if env else ""
    cap(item_id, pre + command, cwd, ext, tty=True, timeout=timeout)


GO_STEP = make_steps(go_cap, "beamtally", "lanternroom", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff", "mypy", "pytest"])
    cm.install_npm(JS, "jest", ["protobufjs", "peggy", "showdown", "jest", "eslint"])


def steps():
    return [step_python, step_svc, step_c, step_tables, step_js, step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir
    w9b.clean_lines = w368.clean368  # and reads its parts on round 368's clean-up
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide472-", OUT, TMP)
