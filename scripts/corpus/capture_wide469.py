"""Capture round 469 of the compression corpus (issue #11's JSON and package kinds, pretty and one-line, after round
463's pattern), with names from a water tower (riserworks, towerworks, standpipe, tankwatch; risers, valves, gauges,
tank keepers), seed 46910: npm packages rxjs, sortablejs, swiper, tippy.js, valtio, overlayscrollbars, sweetalert2,
plyr, photoswipe and wavesurfer.js installed here (package JSON from npm view / npm ls / package-lock.json of the
riserworks app with a missing dependency, an invalid range and an invalid peer put in, jq over them); a venv of orjson,
psutil, zstandard, tzdata, rapidfuzz, pycryptodome, ruamel.yaml, platformdirs, nh3, setproctitle, pybase64 and ruff
(pip inspect, pip list --format json, pip show); a Cargo workspace (towerworks) for cargo metadata and Cargo.lock; two
local Go modules (standpipe, and tankwatch with a missing import) for go list -json; a loopback JSON API (gauge readings
in pages with timestamps, valve actuations, riser inspections) fetched with curl, json.tool and jq -c; eslint -f json
and ruff's JSON reporter on code written here with faults put in. Some items come from ONE headless run of the real
OpenCode (round 191's driver, round 35's doc server and stub on this round's ports through round 383's `_doc_server`,
as round 463 does).

No new extractor: each kind's needles come from the extractor an earlier round used for it, imported (NEEDLES.md's
"Round 469: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide469.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide469.json  as {"version": 2, "items": [...]}, ids prefixed "wide469-".
"""

from __future__ import annotations

import functools
import json
import os
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402
import capture_wide383 as w383  # noqa: E402

ID_PREFIX = "wide469-"
DEFAULT_OUT = HERE / "data" / "wide469.json"
TMP = Path("/dev/shm/hm-corpus-wide469")
TOOLS = Path("/dev/shm/hm-corpus-wide469-tools")
PY_PKGS = ["orjson", "psutil", "zstandard", "tzdata", "ruff", "rapidfuzz", "pycryptodome", "ruamel.yaml",
           "platformdirs", "nh3", "setproctitle", "pybase64"]
NPM_PKGS = ["rxjs", "sortablejs", "swiper", "tippy.js", "valtio", "overlayscrollbars", "sweetalert2", "plyr",
            "photoswipe", "wavesurfer.js", "eslint"]
APP_PKGS = NPM_PKGS[:-1]
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 46910
PORT_API, PORT_DOCS, PORT_STUB = 18469, 28469, 38469

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "swiper", NPM_PKGS)
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

MEMBERS = ["riser", "valve", "gauge", "overflow", "ballcock", "towerworks"]


def _imports():
    """Round 383's imports of the earlier rounds' extractors and drivers, plus the JSON kinds' own extractors."""
    w383._imports()
    w9b.TMP = TMP
    g = globals()
    for name in ("capture_opencode", "Spec", "Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls",
                 "n_pip_json", "n_cargo_meta", "n_ps_aux", "n_npm_ls_json", "n_pip_inspect", "oc_ext", "B", "C",
                 "run_round"):
        g[name] = getattr(w383, name)
    from capture_more import n_jq, n_pip_show
    from capture_wide4 import n_jq_compact
    from capture_wide11 import n_jq_lines, toml_lock
    from capture_wide6_new import n_eslint_json
    from capture_wide2 import n_ruff_json
    from capture_wide9b_data import n_api_json
    from capture_wide15_data import n_json_api, n_json_file
    from capture_wide9a_more import n_go_list_json
    g.update(n_jq=n_jq, n_pip_show=n_pip_show, n_jq_compact=n_jq_compact, n_jq_lines=n_jq_lines,
             n_eslint_json=n_eslint_json, n_ruff_json=n_ruff_json, n_api_json=n_api_json, n_json_api=n_json_api,
             n_json_file=n_json_file, n_go_list_json=n_go_list_json,
             n_cargo_lock=toml_lock("cargo-lock", MEMBERS))


# ---------------------------------------------------------------- material: riserworks, towerworks, the Go modules

def riserworks(tmp: Path) -> Path:
    """The app: package.json names the ten installed packages, plus `valvekit` (not installed: missing), a `swiper`
    range the installed 14.x does not satisfy (invalid) and `gaugeplate`, a local package whose peerDependency on
    rxjs 6 the installed rxjs 7 does not satisfy (invalid peer); its lock is the installed tree's, renamed."""
    root = tmp / "riserworks"
    root.mkdir(parents=True, exist_ok=True)
    nm = root / "node_modules"
    if not nm.exists():  # a copy of the installed tree (links would make npm ls call every package extraneous)
        cm.run(f"cp -a {JS / 'node_modules'} {nm}")
    cm.write_tree(nm / "gaugeplate", {
        "package.json": json.dumps({"name": "gaugeplate", "version": "1.4.2", "main": "index.js",
                                    "description": "Gauge plates for the riser's pressure dials",
                                    "peerDependencies": {"rxjs": "^6.6.7"}}, indent=2) + "\n",
        "index.js": "module.exports = { plate: (psi) => ({ psi }) };\n"})
    pkg = json.loads((JS / "package.json").read_text())
    deps = {k: v for k, v in pkg["dependencies"].items() if k in APP_PKGS}
    deps["swiper"] = "^6.8.4"
    deps["valvekit"] = "^2.0.1"
    deps["gaugeplate"] = "^1.4.0"
    dev = {"eslint": pkg["dependencies"]["eslint"]}
    (root / "package.json").write_text(json.dumps({
        "name": "riserworks", "version": "3.0.7", "private": True,
        "description": "Water tower dashboard: risers, valves and the tank's pressure gauges",
        "scripts": {"start": "node tower.js"}, "dependencies": dict(sorted(deps.items())),
        "devDependencies": dev}, indent=2) + "\n")
    lock = json.loads((JS / "package-lock.json").read_text())
    lock["name"], lock["version"] = "riserworks", "3.0.7"
    lock["packages"][""].update({"name": "riserworks", "version": "3.0.7",
                                 "dependencies": dict(sorted(deps.items())), "devDependencies": dev})
    lock["packages"]["node_modules/gaugeplate"] = {"version": "1.4.2", "license": "MIT",
                                                   "peerDependencies": {"rxjs": "^6.6.7"}}
    lock["packages"] = dict(sorted(lock["packages"].items()))
    (root / "package-lock.json").write_text(json.dumps(lock, indent=2) + "\n")
    return root


CARGO_WS = "[workspace]\nmembers = [" + ", ".join(f'"{m}"' for m in MEMBERS) + ']\nresolver = "2"\n'


def towerworks(tmp: Path) -> Path:
    root = tmp / "towerworks-ws"
    files = {"Cargo.toml": CARGO_WS}
    files.update(w383.crate("riser", "Riser pipes from the pump house to the tank", {}))
    files.update(w383.crate("gauge", "Pressure and level gauges on the tank and riser", {}))
    files.update(w383.crate("valve", "Gate and check valves on the riser and the outlet", {"riser": ""}))
    files.update(w383.crate("ballcock", "Float valve that closes the inlet when the tank is full", {"valve": ""}))
    files.update(w383.crate("overflow", "Overflow weir and its drain to the storm sewer", {"gauge": ""}))
    files.update(w383.crate("towerworks", "Water tower works: risers, valves, gauges and the tank keepers' log",
                            {"riser": "", "valve": "", "gauge": "", "overflow": "", "ballcock": ""}, "bin"))
    cm.write_tree(root, files)
    cm.run("cargo generate-lockfile --offline", cwd=root, env={"CARGO_TERM_COLOR": "never"})
    return root


def _go_pkg(name: str, doc: str, imports: list[str], funcs: list[str]) -> str:
    imp = "".join(f'\t"{i}"\n' for i in imports)
    body = "".join(f"\n// {f} is part of the {name} package.\nfunc {f}() int {{ return {len(f)} }}\n" for f in funcs)
    use = "".join(f"\nvar _ = {i.rsplit('/', 1)[-1]}.{'Itoa' if i == 'strconv' else 'Now'}\n"
                  if i in ("strconv", "time") else "" for i in imports)
    return f"// Package {name}: {doc}\npackage {name}\n" + (f"\nimport (\n{imp})\n" if imp else "") + use + body


def go_modules(tmp: Path) -> tuple[Path, Path]:
    """standpipe: a clean module; tankwatch: the same layout with a missing import (overflow) and a package that
    imports a module nothing provides."""
    out = []
    for mod, broken in (("standpipe", False), ("tankwatch", True)):
        root = tmp / mod
        files = {"go.mod": f"module example.com/{mod}\n\ngo 1.19\n",
                 "riser/riser.go": _go_pkg("riser", "riser pipes and their head of water", ["time"],
                                           ["Head", "Flow", "Drain"]),
                 "riser/riser_test.go": "package riser\n\nimport \"testing\"\n\nfunc TestHead(t *testing.T) {\n"
                                        "\tif Head() != 4 {\n\t\tt.Fatal(\"head\")\n\t}\n}\n",
                 "valve/valve.go": _go_pkg("valve", "gate and check valves", ["strconv", f"example.com/{mod}/riser"],
                                           ["Open", "Shut", "Seat"]),
                 "gauge/gauge.go": _go_pkg("gauge", "pressure and level gauges",
                                           [f"example.com/{mod}/riser"] + (
                                               [f"example.com/{mod}/overflow"] if broken else []),
                                           ["Read", "Zero", "Calibrate"]),
                 "cmd/" + mod + "/main.go": "package main\n\nimport (\n\t\"fmt\"\n\n"
                                             f"\t\"example.com/{mod}/gauge\"\n\t\"example.com/{mod}/valve\"\n)\n\n"
                                             "func main() { fmt.Println(gauge.Read(), valve.Open()) }\n"}
        if broken:
            files["ballcock/ballcock.go"] = _go_pkg("ballcock", "the float valve",
                                                    ["github.com/watertower/floatkit"], ["Float"])
        # the imports must be used for a clean build; a blank use keeps the package compiling
        for k, v in list(files.items()):
            if k.endswith(".go") and "example.com/" in v and not k.startswith("cmd/"):
                v = v.replace(f'\t"example.com/{mod}/riser"\n', f'\t_ "example.com/{mod}/riser"\n')
                v = v.replace(f'\t"example.com/{mod}/overflow"\n', f'\t_ "example.com/{mod}/overflow"\n')
                files[k] = v
            if k.endswith("ballcock.go"):
                files[k] = v.replace('\t"github.com/watertower/floatkit"\n', '\t_ "github.com/watertower/floatkit"\n')
        cm.write_tree(root, files)
        out.append(root)
    return out[0], out[1]


GO_ENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on",
          "GOCACHE": str(TMP / "go-cache"), "GOPATH": str(TMP / "go-path")}


# ---------------------------------------------------------------- material: the loopback API (seed 46910)

SITES = ["north", "east", "south", "west", "hill", "depot"]
KEEPERS = ["Ada Riser", "Tom Valveman", "Greta Gauge", "Milo Standpipe", "Ivy Ballcock", "Ned Weir"]


def _ts(rnd: random.Random, i: int) -> str:
    return f"2026-11-{1 + i // 24:02d}T{i % 24:02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}Z"


def api_files(www: Path) -> None:
    """Static answers: gauge readings in round 1's json-api envelope (module/status/numbers/error), three pages with
    timestamps; valve actuations in round 9b's {count, failed, results} orders shape; riser inspections as a bare
    array for jq -c; a few failed records and one outlier in each."""
    rnd = random.Random(SEED)
    api = www / "api"
    (api / "gauge-readings").mkdir(parents=True, exist_ok=True)
    n = 0
    for page in (1, 2, 3):
        recs = []
        for j in range(40):
            site = SITES[n % len(SITES)]
            r = {"module": f"gauge-{site}-{n + 1:03d}", "status": "passed", "taken_at": _ts(rnd, n),
                 "pressure_kpa": rnd.randint(280, 420), "level_cm": rnd.randint(610, 780),
                 "duration_ms": rnd.randint(20, 300)}
            if n in (11, 57, 93, 104):
                r["status"] = "failed"
                r["error"] = (f"GaugeError: riser {site} pressure fell to {rnd.randint(60, 140)} kPa at "
                              f"{r['taken_at']} (valve V-{rnd.randint(10, 99)} stuck half open)")
            if n == 66:
                r["status"] = "skipped"
            if n == 38:
                r["pressure_kpa"], r["duration_ms"] = 1175, 8842
            recs.append(r)
            n += 1
        failed = sum(r["status"] == "failed" for r in recs)
        doc = {"suite": "water-tower-gauges", "page": page, "pages": 3, "count": len(recs), "failed": failed,
               "ok": len(recs) - failed,
               "next": f"/api/gauge-readings/page{page + 1}.json" if page < 3 else None, "results": recs}
        (api / "gauge-readings" / f"page{page}.json").write_text(json.dumps(doc) + "\n")
    acts = []
    for i in range(64):
        a = {"id": 5200 + i, "order_ref": f"VA-{rnd.randint(10000, 99999)}", "keeper": rnd.choice(KEEPERS),
             "valve": f"V-{rnd.randint(10, 99)} {rnd.choice(SITES)} riser", "status": "done",
             "qty": rnd.randint(1, 9), "amount_cents": rnd.randint(2500, 60000),
             "at": _ts(rnd, i)}
        if i in (7, 29, 48):
            a["status"] = "failed"
            a["reason"] = "actuator torque limit reached before the valve seated"
        if i == 40:
            a["status"], a["qty"], a["amount_cents"] = "held", 95, 918_000
        acts.append(a)
    (api / "valve-actuations.json").write_text(json.dumps({
        "count": len(acts), "failed": sum(a["status"] == "failed" for a in acts), "results": acts}) + "\n")
    insp = []
    for i in range(50):
        r = {"id": 900 + i, "riser": f"R-{SITES[i % len(SITES)]}-{i % 7 + 1}", "inspector": rnd.choice(KEEPERS),
             "status": "sound", "wall_mm": round(rnd.uniform(7.5, 9.5), 2), "cost_cents": rnd.randint(8000, 30000),
             "inspected_at": _ts(rnd, i * 3)}
        if i in (17, 33):
            r["status"] = "corroded"
        if i == 44:
            r["status"], r["wall_mm"], r["cost_cents"] = "leaking", 2.1, 410_000
        insp.append(r)
    (api / "riser-inspections.json").write_text(json.dumps(insp) + "\n")


# ---------------------------------------------------------------- material: code for the linters' JSON reporters

VALVEHOUSE_JS = {
    "eslint.config.js": (
        "module.exports = [{\n  files: ['**/*.js'],\n  languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs',\n"
        "    globals: { require: 'readonly', module: 'writable', console: 'readonly' } },\n"
        "  rules: { 'no-unused-vars': 'error', 'no-undef': 'error', eqeqeq: 'warn', 'no-var': 'warn',\n"
        "    'prefer-const': 'warn', 'no-dupe-keys': 'error', 'no-unreachable': 'error', 'no-fallthrough': 'error',\n"
        "    'no-constant-condition': 'warn', 'no-cond-assign': 'error' },\n}];\n"),
    "valves.js": (
        "var open = {};\nfunction actuate(valve, turns) {\n  let torque = valve.torque;\n  if (turns == 0) return false\n"
        "  switch (valve.kind) {\n    case 'gate': turns = turns * 2;\n    case 'check': return seat(valve);\n"
        "    default: return turns;\n  }\n}\nfunction shut(valve) {\n  return open[valve.id] = false;\n"
        "  console.log('shut');\n}\nmodule.exports = { actuate, shut, actuate: actuate };\n"),
    "gauges.js": (
        "const riser = require('./riser');\nfunction read(gauge) {\n  let psi = gauge.psi;\n"
        "  if (psi = 0) return null;\n  while (true) { if (gauge.ready) break; }\n  return kpa * 6.89;\n}\n"
        "module.exports = { read };\n"),
    "riser.js": (
        "let head = 0;\nfunction fill(m) {\n  head = head + m;\n  if (head != 42) return head\n"
        "  return overflow(head);\n}\nmodule.exports = { fill, height: 42, height: 40 };\n"),
}

GAUGES_PY = {
    "tower_gauges/__init__.py": "from .readings import *\nimport sys, os\n",
    "tower_gauges/readings.py": (
        "import json\nimport os\nfrom typing import List, Optional\n\n\ndef load(path, seen=[]):\n"
        "    seen.append(path)\n    f = open(path)\n    return json.load(f)\n\n\ndef pressure(reading):\n    try:\n"
        "        return reading['kpa'] / 6.895\n    except:\n        return None\n\n\n"
        "def lowest(rows: List[dict]) -> Optional[dict]:\n    low = None\n    for i in range(len(rows)):\n"
        "        if rows[i]['kpa'] == None:\n            continue\n        if low is None or rows[i]['kpa'] < low['kpa']:\n"
        "            low = rows[i]\n    return low\n"),
    "tower_gauges/valves.py": (
        "import subprocess\nimport pickle\n\n\nclass Valve(object):\n    def __init__(self, tag, turns=12):\n"
        "        self.tag = tag\n        self.turns = turns\n\n    def actuate(self, cmd):\n"
        "        return subprocess.run(cmd, shell=True)\n\n    def restore(self, blob):\n"
        "        return pickle.loads(blob)\n\n    def seated(self):\n        assert self.turns >= 0, 'negative turns'\n"
        "        if self.turns == None: return False\n        return eval('%d > 0' % self.turns)\n"),
}


# ---------------------------------------------------------------- steps

JQ_LOCK = ("jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | sub(\"^.*node_modules/\"; \"\")), "
           "version: .value.version, license: .value.license, dev: (.value.dev // false), "
           "deps: (.value.dependencies // {} | length)}]' package-lock.json")
JQ_INSP = "jq -c '.[] | {id, riser, inspector, status, wall_mm, amount: .cost_cents, inspected_at}'"
JQ_ACTS = "jq -c '.results[] | {id, order_ref, keeper, status, qty, amount: .amount_cents, at}'"
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def api_server(tmp: Path) -> None:
    """The loopback API (static files), left running for the OpenCode step; capture_main stops it."""
    www = tmp / "www"
    api_files(www)
    cm.start(f"cd {www} && exec python3 -m http.server {PORT_API} --bind 127.0.0.1")
    time.sleep(1.5)


def packages(tmp: Path) -> None:
    app = riserworks(tmp)
    ws = towerworks(tmp)
    cap("npm-view-rxjs-json", "npm view rxjs --json", tmp, n_npm_view, timeout=300)
    cap("npm-view-swiper-json", "npm view swiper --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-valtio-exit", "chain-pkg-exit", "pkg",
          [Part("npm view valtio --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("jq-versions-npm-view-sortablejs", "npm view sortablejs --json | jq '.versions'", tmp, n_jq_lines,
        timeout=300)
    cap("jq-dependency-keys-npm-view-eslint", "npm view eslint --json | jq '.dependencies | keys'", tmp, n_jq_lines,
        timeout=300)
    cap("cat-package-lock-riserworks", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-riserworks", JQ_LOCK, app, n_jq)
    cap("jq-package-lock-keys-riserworks", "jq '.packages | keys' package-lock.json", app, n_jq_lines)
    cap("jq-package-json-riserworks", "jq '{name, version, description, dependencies}' package.json", app,
        n_json_file)
    chain("chain-npm-ls-json-riserworks-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-all-riserworks", "npm ls --all 2>&1", app, n_npm_ls, timeout=300)
    cap("npm-ls-riserworks", "npm ls 2>&1", app, n_npm_ls, timeout=300)
    cap("pip-inspect-tower-venv-head", f"{PIP} inspect 2>/dev/null | head -n 360", tmp, n_pip_inspect, timeout=300,
        env=PIP_ENV, typed="pip inspect 2>/dev/null | head -n 360")
    cap("pip-show-several", f"{PIP} show orjson psutil zstandard rapidfuzz pycryptodome ruamel.yaml platformdirs",
        tmp, n_pip_show, timeout=300, env=PIP_ENV,
        typed="pip show orjson psutil zstandard rapidfuzz pycryptodome ruamel.yaml platformdirs")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-towerworks", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    chain("chain-cargo-metadata-no-deps-exit", "chain-pkg-exit", "pkg",
          [Part("cd towerworks-ws", None), Part("cargo metadata --format-version 1 --offline --no-deps",
                                                n_cargo_meta, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=env)
    cap("cat-cargo-lock-towerworks", "cat Cargo.lock", ws, n_cargo_lock)
    standpipe, tankwatch = go_modules(tmp)
    genv = dict(GO_ENV)
    cap("go-list-json-standpipe", "go list -json ./...", standpipe, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-tankwatch-exit", "chain-pkg-exit", "pkg",
          [Part("cd tankwatch", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    # linters' JSON reporters on code written here
    lint = tmp / "lint"
    cm.write_tree(lint / "valvehouse", VALVEHOUSE_JS)
    cm.write_tree(lint / "gauges", GAUGES_PY)
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-valvehouse", f"{eslint} -f json . 2>&1", lint / "valvehouse", n_eslint_json, timeout=300,
        typed="npx eslint -f json . 2>&1")
    cap("ruff-json-tower-gauges",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json tower_gauges 2>/dev/null",
        lint / "gauges", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json tower_gauges 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-gauge-readings-page1-oneline", f"curl -s {base}/gauge-readings/page1.json", tmp, n_json_api)
    cap("curl-json-api-gauge-readings-page2-json-tool",
        f"curl -s {base}/gauge-readings/page2.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-gauge-readings-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/gauge-readings/page1.json", n_json_api),
           Part(f"curl -s {base}/gauge-readings/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/gauge-readings/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-valve-actuations-json-tool", f"curl -s {base}/valve-actuations.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-riser-inspections", f"curl -s {base}/riser-inspections.json | {JQ_INSP}", tmp, n_jq_compact)
    chain("chain-curl-valve-actuations-exit", "chain-curl-exit", "json",
          [Part(f"curl -sf {base}/valve-actuations.json | python3 -m json.tool", n_api_json),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


def specs(root: Path, env: dict) -> list:
    base = f"http://127.0.0.1:{PORT_API}/api"
    S: list = [
        B("oc-bash-npm-ls-json-riserworks", n_npm_ls_json, "cd riserworks && npm ls --json 2>/dev/null"),
        B("oc-bash-jq-versions-wavesurfer", n_jq_lines, "npm view wavesurfer.js --json | jq '.versions'"),
        B("oc-bash-npm-view-overlayscrollbars", n_npm_view, "npm view overlayscrollbars --json"),
        B("oc-bash-pip-inspect-head", n_pip_inspect, "pip inspect 2>/dev/null | head -n 200"),
        B("oc-bash-pip-show-nh3-setproctitle-pybase64", n_pip_show, "pip show nh3 setproctitle pybase64 tzdata"),
        B("oc-bash-cargo-metadata-towerworks", n_cargo_meta,
          "cd towerworks-ws && cargo metadata --format-version 1 --offline"),
        B("oc-bash-curl-gauge-readings-page3", n_json_api, f"curl -s {base}/gauge-readings/page3.json"),
        B("oc-bash-curl-jq-c-valve-actuations", n_jq_compact, f"curl -s {base}/valve-actuations.json | {JQ_ACTS}"),
        B("oc-bash-ps-aux-mem-head-40", n_ps_aux, "ps aux --sort=-%mem | head -n 40"),
    ]
    S.append(C("oc-bash-chain-npm-ls-all-exit", "chain-pkg-exit", "pkg",
               [Part("cd riserworks", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List riserworks' dependency tree"))
    S.append(C("oc-bash-chain-curl-gauge-readings-page2-exit", "chain-curl-exit", "json",
               [Part(f"curl -sf {base}/gauge-readings/page2.json | python3 -m json.tool", n_json_api),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Fetch page 2 of the gauge readings"))
    O = [
        Spec("oc-read-lock-riserworks", "oc-read-lockfile", "json", "read",
             {"filePath": f"{root}/riserworks/package-lock.json"}, "json"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Round 463's way: capture_opencode's doc server (round 383's `_doc_server`) and stub on this round's ports."""
    oco = capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    docs = {"npm": str(JS / "node_modules")}
    try:
        run_round(
            tmp,
            f"cp -a {tmp}/riserworks riserworks && cp -r {tmp}/towerworks-ws towerworks-ws",
            "true", docs, str(VENV), str(JS), specs, add, seed=SEED,
        )
    finally:
        oco.start_doc_server, oco.StubServer = orig


def steps() -> list:
    _imports()
    return [api_server, packages, api, opencode]


def install() -> None:
    """The toolset, with no sdist to fetch (a marker file stands for them)."""
    (TOOLS / "src").mkdir(parents=True, exist_ok=True)
    (TOOLS / "src" / "none-sdists").touch()
    TOOLSET.install()


def main() -> None:
    cm.capture_round(__doc__, install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide469", sys.modules["__main__"])
    main()
