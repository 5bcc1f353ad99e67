"""Capture round 483 of the compression corpus (issue #11's JSON and package kinds, pretty and one-line, after rounds
463 and 469's pattern), with names from a bell foundry's store (clapperworks, foundryworks, belfry, castpit; clappers,
yokes, moulds, founders), seed 48310: npm packages animejs, choices.js, big.js, croner, d3-scale, cleave.js, cash-dom,
fecha, chroma-js and countup.js installed here (package JSON from npm view / npm ls / package-lock.json of the
clapperworks app with a missing dependency, an invalid range and an invalid peer put in, jq over them); a venv of
bcrypt, frozenlist, cbor2, aiofiles, bitarray, cramjam, crc32c, blake3 and ruff (pip inspect, pip list --format json,
pip show); a Cargo workspace (foundryworks) for cargo metadata and Cargo.lock; two local Go modules (belfry, and
castpit with a missing import) for go list -json; a loopback JSON API (bell castings in pages with timestamps, clapper
orders, yoke inspections) fetched with curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter on code
written here with faults put in.

No new extractor: each kind's needles come from the extractor round 469 used for it, imported through
`capture_wide469._imports` (NEEDLES.md's "Round 483: no new rules"); a chain's from each part's own (round 9b).
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide483.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide483.json  as {"version": 2, "items": [...]}, ids prefixed "wide483-".
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
import capture_wide469 as w469  # noqa: E402

ID_PREFIX = "wide483-"
DEFAULT_OUT = HERE / "data" / "wide483.json"
TMP = Path("/dev/shm/hm-corpus-wide483")
TOOLS = Path("/dev/shm/hm-corpus-wide483-tools")
PY_PKGS = ["bcrypt", "frozenlist", "cbor2", "aiofiles", "bitarray", "cramjam", "crc32c", "blake3", "ruff"]
NPM_PKGS = ["animejs", "choices.js", "big.js", "croner", "d3-scale", "cleave.js", "cash-dom", "fecha", "chroma-js",
            "countup.js", "eslint"]
APP_PKGS = NPM_PKGS[:-1]

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 48310
PORT_API, PORT_DOCS, PORT_STUB = 18483, 28483, 38483

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "animejs", NPM_PKGS)
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["clapper", "yoke", "mould", "headstock", "tuner", "foundryworks"]

# round 469's module, pointed at this round's scratch, ports and members
w469.TMP, w469.TOOLS, w469.SEED = TMP, TOOLS, SEED
w469.PORT_API, w469.PORT_DOCS, w469.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
w469.MEMBERS = MEMBERS
w469.add, w469.cap = add, cap
w9b.TMP = TMP


def _imports():
    """Round 469's imports (round 383's, plus the JSON kinds' extractors), brought into this module."""
    w469._imports()
    w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB
    w9b.TMP = TMP
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_pip_json", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json"):
        g[name] = getattr(w469, name)
    from capture_wide11 import toml_lock
    g["n_cargo_lock"] = toml_lock("cargo-lock", MEMBERS)


# ---------------------------------------------------------------- material

def clapperworks(tmp: Path) -> Path:
    """The app: the ten installed packages, plus `yokekit` (missing), a `d3-scale` range the installed 4.x does not
    satisfy (invalid) and `mouldplate`, a local package whose peerDependency on big.js 5 the installed 7 does not
    satisfy (invalid peer); its lock is the installed tree's, renamed."""
    root = tmp / "clapperworks"
    root.mkdir(parents=True, exist_ok=True)
    nm = root / "node_modules"
    if not nm.exists():
        cm.run(f"cp -a {JS / 'node_modules'} {nm}")
    cm.write_tree(nm / "mouldplate", {
        "package.json": json.dumps({"name": "mouldplate", "version": "2.1.3", "main": "index.js",
                                    "description": "Loam mould plates for the bell's crown and waist",
                                    "peerDependencies": {"big.js": "^5.2.2"}}, indent=2) + "\n",
        "index.js": "module.exports = { plate: (kg) => ({ kg }) };\n"})
    pkg = json.loads((JS / "package.json").read_text())
    deps = {k: v for k, v in pkg["dependencies"].items() if k in APP_PKGS}
    deps["d3-scale"] = "^2.2.2"
    deps["yokekit"] = "^1.3.0"
    deps["mouldplate"] = "^2.1.0"
    dev = {"eslint": pkg["dependencies"]["eslint"]}
    (root / "package.json").write_text(json.dumps({
        "name": "clapperworks", "version": "1.9.4", "private": True,
        "description": "Bell foundry store: clappers, yokes, moulds and the founders' casting book",
        "scripts": {"start": "node foundry.js"}, "dependencies": dict(sorted(deps.items())),
        "devDependencies": dev}, indent=2) + "\n")
    lock = json.loads((JS / "package-lock.json").read_text())
    lock["name"], lock["version"] = "clapperworks", "1.9.4"
    lock["packages"][""].update({"name": "clapperworks", "version": "1.9.4",
                                 "dependencies": dict(sorted(deps.items())), "devDependencies": dev})
    lock["packages"]["node_modules/mouldplate"] = {"version": "2.1.3", "license": "MIT",
                                                    "peerDependencies": {"big.js": "^5.2.2"}}
    lock["packages"] = dict(sorted(lock["packages"].items()))
    (root / "package-lock.json").write_text(json.dumps(lock, indent=2) + "\n")
    return root


CARGO_WS = "[workspace]\nmembers = [" + ", ".join(f'"{m}"' for m in MEMBERS) + ']\nresolver = "2"\n'


def foundryworks(tmp: Path) -> Path:
    root = tmp / "foundryworks-ws"
    files = {"Cargo.toml": CARGO_WS}
    files.update(w383.crate("clapper", "Wrought iron clappers and their baldrics", {}))
    files.update(w383.crate("mould", "Loam moulds: core, cope and the strickle board", {}))
    files.update(w383.crate("yoke", "Elm and cast iron yokes that hang the bell", {"clapper": ""}))
    files.update(w383.crate("headstock", "Headstocks, gudgeons and the wheel's stay", {"yoke": ""}))
    files.update(w383.crate("tuner", "The tuning lathe's partials and hum notes", {"mould": ""}))
    files.update(w383.crate("foundryworks", "Bell foundry store: clappers, yokes, moulds and the casting book",
                            {"clapper": "", "yoke": "", "mould": "", "headstock": "", "tuner": ""}, "bin"))
    cm.write_tree(root, files)
    cm.run("cargo generate-lockfile --offline", cwd=root, env={"CARGO_TERM_COLOR": "never"})
    return root


def go_modules(tmp: Path) -> tuple[Path, Path]:
    """belfry: a clean module; castpit: the same layout with a missing package of its own (strickle) and a package
    importing a module nothing provides."""
    out = []
    for mod, broken in (("belfry", False), ("castpit", True)):
        root = tmp / mod
        files = {"go.mod": f"module example.com/{mod}\n\ngo 1.19\n",
                 "clapper/clapper.go": w469._go_pkg("clapper", "clappers and their baldrics", ["time"],
                                                    ["Swing", "Strike", "Rest"]),
                 "clapper/clapper_test.go": "package clapper\n\nimport \"testing\"\n\nfunc TestSwing(t *testing.T) {\n"
                                            "\tif Swing() != 5 {\n\t\tt.Fatal(\"swing\")\n\t}\n}\n",
                 "yoke/yoke.go": w469._go_pkg("yoke", "yokes and gudgeons",
                                              ["strconv", f"example.com/{mod}/clapper"], ["Hang", "Bolt", "Turn"]),
                 "mould/mould.go": w469._go_pkg("mould", "loam moulds, cores and copes",
                                                [f"example.com/{mod}/clapper"] + (
                                                    [f"example.com/{mod}/strickle"] if broken else []),
                                                ["Core", "Cope", "Strike"]),
                 "cmd/" + mod + "/main.go": "package main\n\nimport (\n\t\"fmt\"\n\n"
                                             f"\t\"example.com/{mod}/mould\"\n\t\"example.com/{mod}/yoke\"\n)\n\n"
                                             "func main() { fmt.Println(mould.Core(), yoke.Hang()) }\n"}
        if broken:
            files["tuner/tuner.go"] = w469._go_pkg("tuner", "the tuning lathe",
                                                   ["github.com/bellfoundry/partialkit"], ["Hum"])
        for k, v in list(files.items()):
            if k.endswith(".go") and "example.com/" in v and not k.startswith("cmd/"):
                v = v.replace(f'\t"example.com/{mod}/clapper"\n', f'\t_ "example.com/{mod}/clapper"\n')
                v = v.replace(f'\t"example.com/{mod}/strickle"\n', f'\t_ "example.com/{mod}/strickle"\n')
                files[k] = v
            if k.endswith("tuner.go"):
                files[k] = v.replace('\t"github.com/bellfoundry/partialkit"\n', '\t_ "github.com/bellfoundry/partialkit"\n')
        cm.write_tree(root, files)
        out.append(root)
    return out[0], out[1]


GO_ENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on",
          "GOCACHE": str(TMP / "go-cache"), "GOPATH": str(TMP / "go-path")}

BAYS = ["tenor", "treble", "second", "third", "fourth", "sanctus"]
FOUNDERS = ["Abel Rudhall", "Thomas Mears", "Hester Bagley", "Jonah Taylor", "Ruth Whitechapel", "Silas Gillett"]


def api_files(www: Path) -> None:
    """Bell castings in round 1's json-api envelope, three pages with timestamps; clapper orders in round 9b's orders
    shape; yoke inspections as a bare array; a few failed records and one outlier in each."""
    rnd = random.Random(SEED)
    ts = w469._ts
    api = www / "api"
    (api / "bell-castings").mkdir(parents=True, exist_ok=True)
    n = 0
    for page in (1, 2, 3):
        recs = []
        for j in range(40):
            bay = BAYS[n % len(BAYS)]
            r = {"module": f"casting-{bay}-{n + 1:03d}", "status": "passed", "cast_at": ts(rnd, n),
                 "pour_temp_c": rnd.randint(1080, 1180), "weight_kg": rnd.randint(180, 960),
                 "duration_ms": rnd.randint(20, 300)}
            if n in (9, 51, 88, 113):
                r["status"] = "failed"
                r["error"] = (f"CastingError: {bay} bell cracked at the crown after {rnd.randint(3, 40)} min "
                              f"cooling, {r['cast_at']} (mould M-{rnd.randint(10, 99)} cope shifted)")
            if n == 72:
                r["status"] = "skipped"
            if n == 35:
                r["weight_kg"], r["duration_ms"] = 4120, 9315
            recs.append(r)
            n += 1
        failed = sum(r["status"] == "failed" for r in recs)
        doc = {"suite": "bell-foundry-castings", "page": page, "pages": 3, "count": len(recs), "failed": failed,
               "ok": len(recs) - failed,
               "next": f"/api/bell-castings/page{page + 1}.json" if page < 3 else None, "results": recs}
        (api / "bell-castings" / f"page{page}.json").write_text(json.dumps(doc) + "\n")
    orders = []
    for i in range(64):
        a = {"id": 7300 + i, "order_ref": f"CL-{rnd.randint(10000, 99999)}", "founder": rnd.choice(FOUNDERS),
             "item": f"{rnd.choice(['clapper', 'yoke', 'mould board', 'gudgeon'])} for the {rnd.choice(BAYS)}",
             "status": "done", "qty": rnd.randint(1, 9), "amount_cents": rnd.randint(3000, 70000),
             "at": ts(rnd, i)}
        if i in (5, 31, 52):
            a["status"] = "failed"
            a["reason"] = "forge heat lost before the clapper ball was drawn out"
        if i == 44:
            a["status"], a["qty"], a["amount_cents"] = "held", 88, 1_240_000
        orders.append(a)
    (api / "clapper-orders.json").write_text(json.dumps({
        "count": len(orders), "failed": sum(a["status"] == "failed" for a in orders), "results": orders}) + "\n")
    insp = []
    for i in range(50):
        r = {"id": 400 + i, "yoke": f"Y-{BAYS[i % len(BAYS)]}-{i % 5 + 1}", "inspector": rnd.choice(FOUNDERS),
             "status": "sound", "gudgeon_wear_mm": round(rnd.uniform(0.2, 1.4), 2),
             "cost_cents": rnd.randint(6000, 25000), "inspected_at": ts(rnd, i * 3)}
        if i in (13, 38):
            r["status"] = "cracked"
        if i == 27:
            r["status"], r["gudgeon_wear_mm"], r["cost_cents"] = "seized", 6.8, 385_000
        insp.append(r)
    (api / "yoke-inspections.json").write_text(json.dumps(insp) + "\n")


YOKEHOUSE_JS = {
    "eslint.config.js": w469.VALVEHOUSE_JS["eslint.config.js"],
    "yokes.js": (
        "var hung = {};\nfunction hang(yoke, bolts) {\n  let weight = yoke.weight;\n  if (bolts == 0) return false\n"
        "  switch (yoke.wood) {\n    case 'elm': bolts = bolts + 2;\n    case 'iron': return gudgeon(yoke);\n"
        "    default: return bolts;\n  }\n}\nfunction lower(yoke) {\n  return hung[yoke.id] = false;\n"
        "  console.log('lowered');\n}\nmodule.exports = { hang, lower, hang: hang };\n"),
    "clappers.js": (
        "const moulds = require('./moulds');\nfunction swing(clapper) {\n  let arc = clapper.arc;\n"
        "  if (arc = 0) return null;\n  while (true) { if (clapper.rested) break; }\n  return ball * 1.5;\n}\n"
        "module.exports = { swing };\n"),
    "moulds.js": (
        "let loam = 0;\nfunction strickle(kg) {\n  loam = loam + kg;\n  if (loam != 120) return loam\n"
        "  return dry(loam);\n}\nmodule.exports = { strickle, crown: 12, crown: 14 };\n"),
}

BELL_MOULDS_PY = {
    "bell_moulds/__init__.py": "from .castings import *\nimport sys, os\n",
    "bell_moulds/castings.py": (
        "import json\nimport os\nfrom typing import List, Optional\n\n\ndef load(path, poured=[]):\n"
        "    poured.append(path)\n    f = open(path)\n    return json.load(f)\n\n\ndef bronze(casting):\n    try:\n"
        "        return casting['copper'] / casting['tin']\n    except:\n        return None\n\n\n"
        "def heaviest(rows: List[dict]) -> Optional[dict]:\n    top = None\n    for i in range(len(rows)):\n"
        "        if rows[i]['kg'] == None:\n            continue\n        if top is None or rows[i]['kg'] > top['kg']:\n"
        "            top = rows[i]\n    return top\n"),
    "bell_moulds/clappers.py": (
        "import subprocess\nimport pickle\n\n\nclass Clapper(object):\n    def __init__(self, tag, swings=30):\n"
        "        self.tag = tag\n        self.swings = swings\n\n    def forge(self, cmd):\n"
        "        return subprocess.run(cmd, shell=True)\n\n    def restore(self, blob):\n"
        "        return pickle.loads(blob)\n\n    def worn(self):\n        assert self.swings >= 0, 'negative swings'\n"
        "        if self.swings == None: return False\n        return eval('%d > 9000' % self.swings)\n"),
}

JQ_INSP = "jq -c '.[] | {id, yoke, inspector, status, wear: .gudgeon_wear_mm, amount: .cost_cents, inspected_at}'"
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    www = tmp / "www"
    api_files(www)
    cm.start(f"cd {www} && exec python3 -m http.server {PORT_API} --bind 127.0.0.1")
    time.sleep(1.5)


def packages(tmp: Path) -> None:
    app = clapperworks(tmp)
    ws = foundryworks(tmp)
    cap("npm-view-animejs-json", "npm view animejs --json", tmp, n_npm_view, timeout=300)
    cap("npm-view-choices-js-json", "npm view choices.js --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-croner-exit", "chain-pkg-exit", "pkg",
          [Part("npm view croner --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("npm-view-cash-dom-json", "npm view cash-dom --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-fecha-exit", "chain-pkg-exit", "pkg",
          [Part("npm view fecha --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("jq-versions-npm-view-croner", "npm view croner --json | jq '.versions'", tmp, n_jq_lines, timeout=300)
    cap("jq-versions-npm-view-chroma-js", "npm view chroma-js --json | jq '.versions'", tmp, n_jq_lines, timeout=300)
    cap("cat-package-lock-clapperworks", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-clapperworks", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-lock-keys-clapperworks", "jq '.packages | keys' package-lock.json", app, n_jq_lines)
    cap("jq-package-json-clapperworks", "jq '{name, version, description, dependencies}' package.json", app,
        n_json_file)
    chain("chain-npm-ls-json-clapperworks-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-clapperworks", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    cap("npm-ls-all-clapperworks", "npm ls --all 2>&1", app, n_npm_ls, timeout=300)
    chain("chain-cd-npm-ls-clapperworks-exit", "chain-pkg-exit", "pkg",
          [Part("cd clapperworks", None), Part("npm ls 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-foundry-venv-head", f"{PIP} inspect 2>/dev/null | head -n 300", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null | head -n 300")
    cap("pip-show-several", f"{PIP} show bcrypt frozenlist cbor2 aiofiles bitarray", tmp, n_pip_show, timeout=300,
        env=PIP_ENV, typed="pip show bcrypt frozenlist cbor2 aiofiles bitarray")
    cap("pip-show-files-cramjam-blake3", f"{PIP} show -f cramjam crc32c blake3", tmp, n_pip_show, timeout=300,
        env=PIP_ENV, typed="pip show -f cramjam crc32c blake3")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-foundryworks", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    chain("chain-cargo-metadata-no-deps-exit", "chain-pkg-exit", "pkg",
          [Part("cd foundryworks-ws", None), Part("cargo metadata --format-version 1 --offline --no-deps",
                                                  n_cargo_meta, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=env)
    cap("cat-cargo-lock-foundryworks", "cat Cargo.lock", ws, n_cargo_lock)
    belfry, castpit = go_modules(tmp)
    genv = dict(GO_ENV)
    cap("go-list-json-belfry", "go list -json ./...", belfry, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-castpit-exit", "chain-pkg-exit", "pkg",
          [Part("cd castpit", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "yokehouse", YOKEHOUSE_JS)
    cm.write_tree(lint / "moulds", BELL_MOULDS_PY)
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-yokehouse", f"{eslint} -f json . 2>&1", lint / "yokehouse", n_eslint_json, timeout=300,
        typed="npx eslint -f json . 2>&1")
    cap("ruff-json-bell-moulds",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json bell_moulds 2>/dev/null",
        lint / "moulds", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json bell_moulds 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-bell-castings-page1-oneline", f"curl -s {base}/bell-castings/page1.json", tmp, n_json_api)
    cap("curl-json-api-bell-castings-page2-json-tool",
        f"curl -s {base}/bell-castings/page2.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-bell-castings-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/bell-castings/page1.json", n_json_api),
           Part(f"curl -s {base}/bell-castings/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/bell-castings/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-clapper-orders-json-tool", f"curl -s {base}/clapper-orders.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-yoke-inspections", f"curl -s {base}/yoke-inspections.json | {JQ_INSP}", tmp, n_jq_compact)
    chain("chain-curl-clapper-orders-exit", "chain-curl-exit", "json",
          [Part(f"curl -sf {base}/clapper-orders.json | python3 -m json.tool", n_api_json),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


def specs(root: Path, env: dict) -> list:
    B, C, Spec, oc_ext = w469.B, w469.C, w469.Spec, w469.oc_ext
    base = f"http://127.0.0.1:{PORT_API}/api"
    nm = f"{JS}/node_modules"
    S: list = [
        B("oc-bash-npm-ls-json-clapperworks", n_npm_ls_json, "cd clapperworks && npm ls --json 2>/dev/null"),
        B("oc-bash-jq-versions-countup", n_jq_lines, "npm view countup.js --json | jq '.versions'"),
        B("oc-bash-npm-view-cleave-js", n_npm_view, "npm view cleave.js --json"),
        B("oc-bash-pip-show-crc32c-cbor2", n_pip_show, "pip show crc32c cbor2 blake3 frozenlist"),
        B("oc-bash-cargo-metadata-foundryworks", n_cargo_meta,
          "cd foundryworks-ws && cargo metadata --format-version 1 --offline"),
    ]
    S.append(C("oc-bash-chain-npm-ls-all-exit", "chain-pkg-exit", "pkg",
               [Part("cd clapperworks", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List clapperworks' dependency tree"))
    bu = "{BASE}"

    def md(item: str, path: str):
        return Spec(item, "oc-webfetch-markdown", "doc", "webfetch", {"url": f"{bu}/{path}", "format": "markdown"},
                    source=path)
    O = [
        Spec("oc-read-lock-clapperworks", "oc-read-lockfile", "json", "read",
             {"filePath": f"{root}/clapperworks/package-lock.json"}, "json"),
        md("oc-webfetch-md-croner-readme", "npm/croner/README.md"),
        md("oc-webfetch-md-fecha-readme", "npm/fecha/README.md"),
        md("oc-webfetch-md-chroma-js-changelog", "npm/chroma-js/CHANGELOG.md"),
        md("oc-webfetch-md-countup-readme", "npm/countup.js/README.md"),
        Spec("oc-webfetch-html-countup-index", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{bu}/npm/countup.js/index.html", "format": "html"}, source="npm/countup.js/index.html"),
        Spec("oc-read-min-cash-dom-js", "oc-read-minified", "code", "read",
             {"filePath": f"{nm}/cash-dom/dist/cash.min.js"}, "minified"),
        Spec("bash-cat-min-cleave", "bash-cat-minified", "code", "bash",
             {"command": f"cat {nm}/cleave.js/dist/cleave.min.js | head -c 80000",
              "description": "Print cleave.min.js"}, "minified"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Round 469's way (round 463's): capture_opencode's doc server and stub on this round's ports."""
    oco = w469.capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    try:
        w469.run_round(
            tmp,
            f"cp -a {tmp}/clapperworks clapperworks && cp -r {tmp}/foundryworks-ws foundryworks-ws",
            "true", {"npm": str(JS / "node_modules")}, str(VENV), str(JS), specs, add, seed=SEED,
        )
    finally:
        oco.start_doc_server, oco.StubServer = orig


def steps() -> list:
    _imports()
    return [api_server, packages, api, opencode]


def install() -> None:
    (TOOLS / "src").mkdir(parents=True, exist_ok=True)
    (TOOLS / "src" / "none-sdists").touch()
    TOOLSET.install()


def main() -> None:
    cm.capture_round(__doc__, install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide483", sys.modules["__main__"])
    main()
