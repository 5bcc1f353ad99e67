"""Capture round 517 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 497 and 506's pattern), with names from a weir keeper's hut (weirhut, hatchhouse, weirbook, crestgauge;
paddles, gauges, keepers, eel traps), seed 51710: npm packages autosize, baguettebox.js, blueimp-md5, clipboard,
dragula, embla-carousel, fslightbox, izitoast and lightgallery installed here (package JSON from npm view / npm ls /
package-lock.json of the weirhut app with a missing dependency, an invalid range and an invalid peer put in, jq over
them); a venv of ciso8601, cytoolz, argon2-cffi, fastcrc, cmarkgfm and ruff (pip inspect, pip show); a Cargo
workspace (hatchhouse) for cargo metadata and Cargo.lock; two local Go modules (weirbook, and crestgauge with a
missing import) for go list -json; a loopback JSON API (staff-gauge readings in pages with timestamps, paddle draws,
eel-trap inspections) fetched with curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter on code written
here with faults put in; the installed packages' documentation fetched with curl from a loopback server, a minified
file cat'ed; one headless OpenCode run (package commands, read, webfetch of installed documentation, minified JS).

No new extractor: each kind's needles come from the extractor round 506 used for it, imported through
`capture_wide506._imports` (which takes them from rounds 497's and 469's modules), pointed at this round
(NEEDLES.md's "Round 517: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide517.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide517.json  as {"version": 2, "items": [...]}, ids prefixed "wide517-".
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
import capture_wide497 as w497  # noqa: E402
import capture_wide506 as w506  # noqa: E402

ID_PREFIX = "wide517-"
DEFAULT_OUT = HERE / "data" / "wide517.json"
TMP = Path("/dev/shm/hm-corpus-wide517")
TOOLS = Path("/dev/shm/hm-corpus-wide517-tools")
PY_PKGS = ["ciso8601", "cytoolz", "argon2-cffi", "fastcrc", "cmarkgfm", "ruff"]
NPM_PKGS = ["autosize", "baguettebox.js", "blueimp-md5", "clipboard", "dragula", "embla-carousel", "fslightbox",
            "izitoast", "lightgallery", "eslint"]
APP_PKGS = NPM_PKGS[:-1]

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 51710
PORT_API, PORT_DOCS, PORT_STUB = 18517, 28517, 38517

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "autosize", NPM_PKGS)
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["paddle", "staffgauge", "hatch", "eelpass", "crest", "hatchhouse"]

# rounds 506's, 497's and 469's modules, pointed at this round's scratch, ports, seed and members (as 497/506 do)
for _m in (w506, w497, w469):
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
w506.VENV, w506.JS = VENV, JS
w9b.TMP = TMP


def _imports():
    """Round 506's imports (497's, 469's, 383's, with the JSON kinds' extractors, and the curl'd documents' ones)."""
    w506._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w506, name)


# ---------------------------------------------------------------- material

def weirhut(tmp: Path) -> Path:
    """The app: the nine installed packages, plus `gaugekit` (missing), a `dragula` range the installed 3.x does not
    satisfy (invalid) and `paddleplate`, a local package whose peerDependency on clipboard 3 the installed 2.x does
    not satisfy (invalid peer); its lock is the installed tree's, renamed."""
    root = tmp / "weirhut"
    root.mkdir(parents=True, exist_ok=True)
    nm = root / "node_modules"
    if not nm.exists():
        cm.run(f"cp -a {JS / 'node_modules'} {nm}")
    cm.write_tree(nm / "paddleplate", {
        "package.json": json.dumps({"name": "paddleplate", "version": "0.4.2", "main": "index.js",
                                    "description": "Iron paddle plates and their winding gear for the weir",
                                    "peerDependencies": {"clipboard": "^3.0.0"}}, indent=2) + "\n",
        "index.js": "module.exports = { wind: (turns) => ({ turns }) };\n"})
    pkg = json.loads((JS / "package.json").read_text())
    deps = {k: v for k, v in pkg["dependencies"].items() if k in APP_PKGS}
    deps["dragula"] = "^2.1.0"
    deps["gaugekit"] = "^1.6.0"
    deps["paddleplate"] = "^0.4.0"
    dev = {"eslint": pkg["dependencies"]["eslint"]}
    (root / "package.json").write_text(json.dumps({
        "name": "weirhut", "version": "2.3.1", "private": True,
        "description": "Weir keeper's hut: paddles drawn, staff-gauge readings, eel traps and the flood book",
        "scripts": {"start": "node hut.js"}, "dependencies": dict(sorted(deps.items())),
        "devDependencies": dev}, indent=2) + "\n")
    lock = json.loads((JS / "package-lock.json").read_text())
    lock["name"], lock["version"] = "weirhut", "2.3.1"
    lock["packages"][""].update({"name": "weirhut", "version": "2.3.1",
                                 "dependencies": dict(sorted(deps.items())), "devDependencies": dev})
    lock["packages"]["node_modules/paddleplate"] = {"version": "0.4.2", "license": "MIT",
                                                    "peerDependencies": {"clipboard": "^3.0.0"}}
    lock["packages"] = dict(sorted(lock["packages"].items()))
    (root / "package-lock.json").write_text(json.dumps(lock, indent=2) + "\n")
    return root


CARGO_WS = "[workspace]\nmembers = [" + ", ".join(f'"{m}"' for m in MEMBERS) + ']\nresolver = "2"\n'


def hatchhouse(tmp: Path) -> Path:
    root = tmp / "hatchhouse-ws"
    files = {"Cargo.toml": CARGO_WS}
    files.update(w383.crate("paddle", "Weir paddles, their racks and pinions", {}))
    files.update(w383.crate("staffgauge", "Staff-gauge readings above and below the weir", {"paddle": ""}))
    files.update(w383.crate("hatch", "Hatches and the keeper's winding rota", {}))
    files.update(w383.crate("eelpass", "Eel passes and the traps set in them", {"hatch": ""}))
    files.update(w383.crate("crest", "The weir crest, its sill and the flood marks", {"eelpass": ""}))
    files.update(w383.crate("hatchhouse", "Weir keeper's hut: paddles, gauges and keepers",
                            {"paddle": "", "staffgauge": "", "hatch": "", "eelpass": "", "crest": ""}, "bin"))
    cm.write_tree(root, files)
    cm.run("cargo generate-lockfile --offline", cwd=root, env={"CARGO_TERM_COLOR": "never"})
    return root


def go_modules(tmp: Path) -> tuple[Path, Path]:
    """weirbook: a clean module; crestgauge: the same layout with a missing package of its own (floodbook) and a
    package importing a module nothing provides."""
    out = []
    for mod, broken in (("weirbook", False), ("crestgauge", True)):
        root = tmp / mod
        files = {"go.mod": f"module example.com/{mod}\n\ngo 1.19\n",
                 "paddle/paddle.go": w469._go_pkg("paddle", "paddles drawn and dropped at the weir",
                                                  ["time"], ["Draw", "Drop", "Turns"]),
                 "paddle/paddle_test.go": "package paddle\n\nimport \"testing\"\n\nfunc TestDraw(t *testing.T) {\n"
                                          "\tif Draw() != 4 {\n\t\tt.Fatal(\"draw\")\n\t}\n}\n",
                 "staffgauge/staffgauge.go": w469._go_pkg("staffgauge", "staff-gauge readings above the weir",
                                                          ["strconv", f"example.com/{mod}/paddle"],
                                                          ["Read", "Head", "Mark"]),
                 "hatch/hatch.go": w469._go_pkg("hatch", "hatches and the keepers' rota",
                                                [f"example.com/{mod}/paddle"] + (
                                                    [f"example.com/{mod}/floodbook"] if broken else []),
                                                ["Rota", "Wind", "Relieve"]),
                 "cmd/" + mod + "/main.go": "package main\n\nimport (\n\t\"fmt\"\n\n"
                                             f"\t\"example.com/{mod}/staffgauge\"\n\t\"example.com/{mod}/hatch\"\n)\n\n"
                                             "func main() { fmt.Println(staffgauge.Read(), hatch.Rota()) }\n"}
        if broken:
            files["eeltrap/eeltrap.go"] = w469._go_pkg("eeltrap", "the eel traps below the weir",
                                                       ["github.com/weirkeepers/grilleset"], ["Lift"])
        for k, v in list(files.items()):
            if k.endswith(".go") and "example.com/" in v and not k.startswith("cmd/"):
                v = v.replace(f'\t"example.com/{mod}/paddle"\n', f'\t_ "example.com/{mod}/paddle"\n')
                v = v.replace(f'\t"example.com/{mod}/floodbook"\n', f'\t_ "example.com/{mod}/floodbook"\n')
                files[k] = v
            if k.endswith("eeltrap.go"):
                files[k] = v.replace('\t"github.com/weirkeepers/grilleset"\n',
                                     '\t_ "github.com/weirkeepers/grilleset"\n')
        cm.write_tree(root, files)
        out.append(root)
    return out[0], out[1]


GO_ENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on",
          "GOCACHE": str(TMP / "go-cache"), "GOPATH": str(TMP / "go-path")}

WEIRS = ["mill-weir", "flash-lock", "tumbling-bay", "eel-stage", "fish-pass", "sluice-cut"]
KEEPERS = ["Martha Windham", "Josiah Paddock", "Ellen Staffe", "Walter Hatchard", "Ada Crestley", "Noah Eelby"]


def api_files(www: Path) -> None:
    """Staff-gauge readings in round 1's json-api envelope, three pages with timestamps; paddle draws in round 9b's
    orders shape; the keepers' eel-trap inspections as a bare array; a few failed records and one outlier in each."""
    rnd = random.Random(SEED)
    ts = w469._ts
    api = www / "api"
    (api / "staff-gauges").mkdir(parents=True, exist_ok=True)
    n = 0
    for page in (1, 2, 3):
        recs = []
        for j in range(40):
            wr = WEIRS[n % len(WEIRS)]
            r = {"module": f"staffgauge-{wr}-{n + 1:03d}", "status": "passed", "read_at": ts(rnd, n),
                 "boards": 3, "head_mm": rnd.randint(120, 900), "flow_cumecs": rnd.randint(2, 40),
                 "duration_ms": rnd.randint(15, 280)}
            if n in (9, 47, 83, 101):
                r["status"] = "failed"
                r["error"] = (f"GaugeBoardError: {wr} board {rnd.randint(1, 3)} of 3 silted over at {r['read_at']} "
                              f"(reading R-{rnd.randint(100, 999)} struck from the flood book)")
            if n == 64:
                r["status"] = "skipped"
            if n == 27:
                r["flow_cumecs"], r["duration_ms"] = 388, 8740
            recs.append(r)
            n += 1
        failed = sum(r["status"] == "failed" for r in recs)
        doc = {"suite": "weir-staff-gauges", "page": page, "pages": 3, "count": len(recs), "failed": failed,
               "ok": len(recs) - failed,
               "next": f"/api/staff-gauges/page{page + 1}.json" if page < 3 else None, "results": recs}
        (api / "staff-gauges" / f"page{page}.json").write_text(json.dumps(doc) + "\n")
    draws = []
    for i in range(60):
        a = {"id": 4100 + i, "order_ref": f"PD-{rnd.randint(10000, 99999)}", "keeper": rnd.choice(KEEPERS),
             "item": f"{rnd.choice(['paddle', 'radial gate', 'draw hatch', 'flash board'])} "
                     f"at the {rnd.choice(WEIRS)}",
             "status": "done", "qty": rnd.randint(1, 8), "amount_cents": rnd.randint(90, 6400), "at": ts(rnd, i)}
        if i in (11, 29, 57):
            a["status"] = "failed"
            a["reason"] = "pinion slipped on the rack: paddle left half drawn, draw voided"
        if i == 38:
            a["status"], a["qty"], a["amount_cents"] = "held", 84, 472_000
        draws.append(a)
    (api / "paddle-draws.json").write_text(json.dumps({
        "count": len(draws), "failed": sum(a["status"] == "failed" for a in draws), "results": draws}) + "\n")
    insp = []
    for i in range(48):
        r = {"id": 610 + i, "trap": f"T-{WEIRS[i % len(WEIRS)]}-{'upper' if i % 2 else 'lower'}",
             "keeper": rnd.choice(KEEPERS), "status": "clear", "silt_cm": round(rnd.uniform(0.0, 4.0), 1),
             "cost_cents": rnd.randint(2500, 16000), "inspected_at": ts(rnd, i * 3)}
        if i in (8, 35):
            r["status"] = "fouled"
        if i == 21:
            r["status"], r["silt_cm"], r["cost_cents"] = "breached", 61.5, 294_000
        insp.append(r)
    (api / "eel-traps.json").write_text(json.dumps(insp) + "\n")


KEEPERHUT_JS = {
    "eslint.config.js": w469.VALVEHOUSE_JS["eslint.config.js"],
    "paddles.js": (
        "var racks = {};\nfunction draw(paddle, turns) {\n  let pinion = paddle.pinion;\n  if (turns == 0) return 0\n"
        "  switch (paddle.kind) {\n    case 'radial': turns = turns * 2;\n    case 'flash': return headroom(paddle);\n"
        "    default: return turns;\n  }\n}\nfunction drop(paddle) {\n  return racks[paddle.id] = 0;\n"
        "  console.log('dropped');\n}\nmodule.exports = { draw, drop, draw: draw };\n"),
    "gauges.js": (
        "const keepers = require('./keepers');\nfunction mark(board) {\n  let level = board.level;\n"
        "  if (level = 0) return null;\n  while (true) { if (board.read) break; }\n  return flood * 3;\n}\n"
        "module.exports = { mark };\n"),
    "keepers.js": (
        "let watch = 0;\nfunction relieve(hours) {\n  watch = watch + hours;\n  if (watch != 12) return watch\n"
        "  return handover(watch);\n}\nmodule.exports = { relieve, tide: 4, tide: 6 };\n"),
}

WEIR_PADDLES_PY = {
    "weir_paddles/__init__.py": "from .draws import *\nimport sys, os\n",
    "weir_paddles/draws.py": (
        "import json\nimport os\nfrom typing import List, Optional\n\n\ndef load(path, seen=[]):\n"
        "    seen.append(path)\n    f = open(path)\n    return json.load(f)\n\n\ndef per_turn(draw):\n    try:\n"
        "        return draw['mm'] / draw['turns']\n    except:\n        return None\n\n\n"
        "def highest(rows: List[dict]) -> Optional[dict]:\n    top = None\n    for i in range(len(rows)):\n"
        "        if rows[i]['head'] == None:\n            continue\n        if top is None or rows[i]['head'] > top['head']:\n"
        "            top = rows[i]\n    return top\n"),
    "weir_paddles/keepers.py": (
        "import subprocess\nimport pickle\n\n\nclass Keeper(object):\n    def __init__(self, name, watch=12):\n"
        "        self.name = name\n        self.watch = watch\n\n    def wind(self, cmd):\n"
        "        return subprocess.run(cmd, shell=True)\n\n    def floodbook(self, blob):\n"
        "        return pickle.loads(blob)\n\n    def tired(self):\n        assert self.watch >= 0, 'negative watch'\n"
        "        if self.watch == None: return False\n        return eval('%d > 16' % self.watch)\n"),
}

JQ_TRAPS = "jq -c '.[] | {id, trap, keeper, status, silt: .silt_cm, amount: .cost_cents, inspected_at}'"
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    www = tmp / "www"
    api_files(www)
    cm.start(f"cd {www} && exec python3 -m http.server {PORT_API} --bind 127.0.0.1")
    time.sleep(1.5)


def packages(tmp: Path) -> None:
    app = weirhut(tmp)
    ws = hatchhouse(tmp)
    cap("npm-view-lightgallery-json", "npm view lightgallery --json", tmp, n_npm_view, timeout=300)
    cap("npm-view-clipboard-json", "npm view clipboard --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-dragula-exit", "chain-pkg-exit", "pkg",
          [Part("npm view dragula --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    chain("chain-npm-view-embla-carousel-exit", "chain-pkg-exit", "pkg",
          [Part("npm view embla-carousel --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-versions-npm-view-embla-carousel", "npm view embla-carousel --json | jq '.versions'", tmp, n_jq_lines,
        timeout=300)
    cap("jq-deps-keys-npm-view-eslint", "npm view eslint --json | jq '.devDependencies | keys'", tmp,
        n_jq_lines, timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in autosize blueimp-md5 fslightbox baguettebox.js izitoast clipboard; do npm view $p --json | jq '[.name, "
        ".version, .description, .license, .homepage, .\"dist-tags\".latest, .dist.tarball]'; done", tmp, n_jq_lines,
        timeout=300)
    cap("cat-package-lock-weirhut", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-weirhut", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-weirhut", "jq '{name, version, description, dependencies}' package.json", app,
        n_json_file)
    chain("chain-npm-ls-json-weirhut-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-weirhut", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-weirhut-exit", "chain-pkg-exit", "pkg",
          [Part("cd weirhut", None), Part("npm ls 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-hatchhouse-venv-head", f"{PIP} inspect 2>/dev/null | head -n 300", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null | head -n 300")
    cap("pip-show-files-argon2-cytoolz", f"{PIP} show -f argon2-cffi cytoolz ciso8601", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f argon2-cffi cytoolz ciso8601")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-hatchhouse", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    chain("chain-cargo-metadata-no-deps-exit", "chain-pkg-exit", "pkg",
          [Part("cd hatchhouse-ws", None), Part("cargo metadata --format-version 1 --offline --no-deps",
                                                n_cargo_meta, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=env)
    cap("cat-cargo-lock-hatchhouse", "cat Cargo.lock", ws, n_cargo_lock)
    weirbook, crestgauge = go_modules(tmp)
    genv = dict(GO_ENV)
    cap("go-list-json-weirbook", "go list -json ./...", weirbook, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-crestgauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd crestgauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "keeperhut", KEEPERHUT_JS)
    cm.write_tree(lint / "paddles", WEIR_PADDLES_PY)
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-keeperhut", f"{eslint} -f json . 2>&1", lint / "keeperhut", n_eslint_json, timeout=300,
        typed="npx eslint -f json . 2>&1")
    cap("ruff-json-weir-paddles",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json weir_paddles 2>/dev/null",
        lint / "paddles", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json weir_paddles 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-staff-gauges-page3-json-tool",
        f"curl -s {base}/staff-gauges/page3.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-staff-gauges-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/staff-gauges/page1.json", n_json_api),
           Part(f"curl -s {base}/staff-gauges/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/staff-gauges/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-paddle-draws-json-tool", f"curl -s {base}/paddle-draws.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-eel-traps", f"curl -s {base}/eel-traps.json | {JQ_TRAPS}", tmp, n_jq_compact)


CURL_MD = [("curl-md-izitoast-readme", "izitoast/README.md", ""),
           ("curl-md-clipboard-readme", "clipboard/readme.md", ""),
           ("curl-md-autosize-changelog-head", "autosize/changelog.md", " | head -n 120")]
CURL_HTML = [("curl-html-dragula-index", "dragula/index.html", "")]
CAT_MIN = [("cat-min-izitoast", "izitoast/dist/js/iziToast.min.js", " | head -c 20000")]


def docs(tmp: Path) -> None:
    """The installed packages' documentation served from 127.0.0.1:28517 (stopped before OpenCode's run, whose own
    doc server takes the port) and fetched with curl; installed minified files printed with cat."""
    srv = cm.start(f"cd {JS / 'node_modules'} && exec python3 -m http.server {PORT_DOCS} --bind 127.0.0.1")
    time.sleep(1.5)
    try:
        base = f"http://127.0.0.1:{PORT_DOCS}"
        for item, path, pipe in CURL_MD:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_markdown)
        for item, path, pipe in CURL_HTML:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_html)
        chain("chain-curl-md-lightgallery-readme-exit", "chain-curl-exit", "doc",
              [Part(f"curl -sf {base}/lightgallery/README.md", n_markdown),
               Part(f"curl -sf {base}/lightgallery/CHANGELOG.md", None, "&&"),
               Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    finally:
        srv.terminate()
        srv.wait(timeout=10)
    nm = tmp / "npm-copy"
    for item, path, pipe in CAT_MIN:
        dst = nm / path
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_bytes((JS / "node_modules" / path).read_bytes())
        cap(item, f"cat {path}{pipe}", nm, n_min_js)


DOCS_MD = [("oc-webfetch-md-baguettebox-readme", "baguettebox.js/README.md"),
           ("oc-webfetch-md-blueimp-md5-readme", "blueimp-md5/README.md")]
DOCS_HTML = [("oc-webfetch-html-dragula-index", "dragula/index.html")]
MINIFIED = {"read": ("oc-read-min-lightgallery-js", "lightgallery/lightgallery.min.js"),
            "bash": ("bash-cat-min-dragula", "dragula/dist/dragula.min.js")}


def specs(root: Path, env: dict) -> list:
    B, C, Spec, oc_ext = w469.B, w469.C, w469.Spec, w469.oc_ext
    nm = f"{JS}/node_modules"
    S: list = [
        B("oc-bash-npm-ls-json-weirhut", n_npm_ls_json, "cd weirhut && npm ls --json 2>/dev/null"),
        B("oc-bash-jq-versions-lightgallery", n_jq_lines, "npm view lightgallery --json | jq '.versions'"),
        B("oc-bash-npm-view-fslightbox", n_npm_view, "npm view fslightbox --json"),
        B("oc-bash-pip-show-fastcrc-cmarkgfm", n_pip_show, "pip show fastcrc cmarkgfm argon2-cffi-bindings"),
    ]
    S.append(C("oc-bash-chain-npm-ls-all-exit", "chain-pkg-exit", "pkg",
               [Part("cd weirhut", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List weirhut's dependency tree"))
    bu = "{BASE}"
    O = [Spec("oc-read-lock-weirhut", "oc-read-lockfile", "json", "read",
              {"filePath": f"{root}/weirhut/package-lock.json"}, "json")]
    for item, path in DOCS_MD:
        if (JS / "node_modules" / path).is_file():
            O.append(Spec(item, "oc-webfetch-markdown", "doc", "webfetch",
                          {"url": f"{bu}/npm/{path}", "format": "markdown"}, source=f"npm/{path}"))
    for item, path in DOCS_HTML:
        if (JS / "node_modules" / path).is_file():
            O.append(Spec(item, "oc-webfetch-html", "doc", "webfetch", {"url": f"{bu}/npm/{path}", "format": "html"},
                          source=f"npm/{path}"))
    item, path = MINIFIED["read"]
    O.append(Spec(item, "oc-read-minified", "code", "read", {"filePath": f"{nm}/{path}"}, "minified"))
    item, path = MINIFIED["bash"]
    O.append(Spec(item, "bash-cat-minified", "code", "bash",
                  {"command": f"cat {nm}/{path} | head -c 80000", "description": "Print dragula.min.js"},
                  "minified"))
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Round 506's way (497's, 483's, 469's, 463's): capture_opencode's doc server and stub on this round's ports."""
    oco = w469.capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    try:
        w469.run_round(
            tmp,
            f"cp -a {tmp}/weirhut weirhut && cp -r {tmp}/hatchhouse-ws hatchhouse-ws",
            "true", {"npm": str(JS / "node_modules")}, str(VENV), str(JS), specs, add, seed=SEED,
        )
    finally:
        oco.start_doc_server, oco.StubServer = orig


def steps() -> list:
    _imports()
    return [api_server, packages, api, docs, opencode]


def install() -> None:
    (TOOLS / "src").mkdir(parents=True, exist_ok=True)
    (TOOLS / "src" / "none-sdists").touch()
    TOOLSET.install()


def main() -> None:
    cm.capture_round(__doc__, install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide517", sys.modules["__main__"])
    main()
