"""Capture round 506 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 483 and 497's pattern), with names from a canal toll office (tollboard, lockoffice, tollbook,
boatgauge; gauging rods, permits, lockkeepers, boatmen), seed 50610: npm packages notyf, nouislider, pikaday,
rellax, shepherd.js, siema, tiny-slider, toastify-js, vanilla-lazyload and zenscroll installed here (package JSON
from npm view / npm ls / package-lock.json of the tollboard app with a missing dependency, an invalid range and an
invalid peer put in, jq over them); a venv of python-rapidjson, pyroaring, uvloop, pynacl, rpds-py, zope.interface
and ruff (pip inspect, pip show); a Cargo workspace (lockoffice) for cargo metadata and Cargo.lock; two local Go
modules (tollbook, and boatgauge with a missing import) for go list -json; a loopback JSON API (gauging-rod readings
in pages with timestamps, boat permits, lock-gate inspections) fetched with curl, json.tool and jq -c; eslint -f json
and ruff's JSON reporter on code written here with faults put in; the installed packages' documentation fetched with
curl from a loopback server, a minified file cat'ed; one headless OpenCode run (package commands, read, webfetch of
installed documentation, minified JS).

No new extractor: each kind's needles come from the extractor rounds 483 and 497 used for it, imported through
`capture_wide469._imports` (round 497's module, imported, points it at this round); the curl'd documents' from round
9b's `n_markdown`, round 11's `n_html` and `n_min_js` (NEEDLES.md's "Round 506: no new rules"); a chain's from each
part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide506.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide506.json  as {"version": 2, "items": [...]}, ids prefixed "wide506-".
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

ID_PREFIX = "wide506-"
DEFAULT_OUT = HERE / "data" / "wide506.json"
TMP = Path("/dev/shm/hm-corpus-wide506")
TOOLS = Path("/dev/shm/hm-corpus-wide506-tools")
PY_PKGS = ["python-rapidjson", "pyroaring", "uvloop", "pynacl", "rpds-py", "zope.interface", "ruff"]
NPM_PKGS = ["notyf", "nouislider", "pikaday", "rellax", "shepherd.js", "siema", "tiny-slider", "toastify-js",
            "vanilla-lazyload", "zenscroll", "eslint"]
APP_PKGS = NPM_PKGS[:-1]

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 50610
PORT_API, PORT_DOCS, PORT_STUB = 18506, 28506, 38506

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "notyf", NPM_PKGS)
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["gaugerod", "permit", "keeper", "balance", "lockgate", "lockoffice"]

# rounds 497's and 469's modules, pointed at this round's scratch, ports, seed and members (as rounds 483/497 do)
for _m in (w497, w469):
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
w9b.TMP = TMP


def _imports():
    """Round 497's imports (469's, 383's, with the JSON kinds' extractors), brought into this module, plus the
    curl'd documents' extractors round 383 imports (round 11's n_html, n_min_js) and round 9b's n_markdown."""
    w497._imports()
    w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB
    w9b.TMP = TMP
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock"):
        g[name] = getattr(w497, name)
    g["n_html"], g["n_min_js"] = w383.n_html, w383.n_min_js
    g["n_markdown"] = w9b.n_markdown


# ---------------------------------------------------------------- material

def tollboard(tmp: Path) -> Path:
    """The app: the ten installed packages, plus `permitkit` (missing), a `nouislider` range the installed 15.x does
    not satisfy (invalid) and `rodplate`, a local package whose peerDependency on pikaday 2 the installed 1.x does
    not satisfy (invalid peer); its lock is the installed tree's, renamed."""
    root = tmp / "tollboard"
    root.mkdir(parents=True, exist_ok=True)
    nm = root / "node_modules"
    if not nm.exists():
        cm.run(f"cp -a {JS / 'node_modules'} {nm}")
    cm.write_tree(nm / "rodplate", {
        "package.json": json.dumps({"name": "rodplate", "version": "0.9.4", "main": "index.js",
                                    "description": "Brass gauging-rod plates for the canal toll office",
                                    "peerDependencies": {"pikaday": "^2.0.0"}}, indent=2) + "\n",
        "index.js": "module.exports = { plate: (inches) => ({ inches }) };\n"})
    pkg = json.loads((JS / "package.json").read_text())
    deps = {k: v for k, v in pkg["dependencies"].items() if k in APP_PKGS}
    deps["nouislider"] = "^14.0.0"
    deps["permitkit"] = "^2.3.1"
    deps["rodplate"] = "^0.9.0"
    dev = {"eslint": pkg["dependencies"]["eslint"]}
    (root / "package.json").write_text(json.dumps({
        "name": "tollboard", "version": "1.8.0", "private": True,
        "description": "Canal toll office: gauging rods, boat permits, lockkeepers and the tonnage ledger",
        "scripts": {"start": "node office.js"}, "dependencies": dict(sorted(deps.items())),
        "devDependencies": dev}, indent=2) + "\n")
    lock = json.loads((JS / "package-lock.json").read_text())
    lock["name"], lock["version"] = "tollboard", "1.8.0"
    lock["packages"][""].update({"name": "tollboard", "version": "1.8.0",
                                 "dependencies": dict(sorted(deps.items())), "devDependencies": dev})
    lock["packages"]["node_modules/rodplate"] = {"version": "0.9.4", "license": "MIT",
                                                  "peerDependencies": {"pikaday": "^2.0.0"}}
    lock["packages"] = dict(sorted(lock["packages"].items()))
    (root / "package-lock.json").write_text(json.dumps(lock, indent=2) + "\n")
    return root


CARGO_WS = "[workspace]\nmembers = [" + ", ".join(f'"{m}"' for m in MEMBERS) + ']\nresolver = "2"\n'


def lockoffice(tmp: Path) -> Path:
    root = tmp / "lockoffice-ws"
    files = {"Cargo.toml": CARGO_WS}
    files.update(w383.crate("gaugerod", "Gauging rods dipped at the four corners of a loaded boat", {}))
    files.update(w383.crate("permit", "Boat permits and passes issued at the toll office", {"gaugerod": ""}))
    files.update(w383.crate("keeper", "Lockkeepers' rota and their gate inspections", {}))
    files.update(w383.crate("balance", "Balance beams and the paddles they work", {"keeper": ""}))
    files.update(w383.crate("lockgate", "Lock gates, cills and the flight's pounds", {"balance": ""}))
    files.update(w383.crate("lockoffice", "Canal toll office: gauging rods, permits and lockkeepers",
                            {"gaugerod": "", "permit": "", "keeper": "", "balance": "", "lockgate": ""}, "bin"))
    cm.write_tree(root, files)
    cm.run("cargo generate-lockfile --offline", cwd=root, env={"CARGO_TERM_COLOR": "never"})
    return root


def go_modules(tmp: Path) -> tuple[Path, Path]:
    """tollbook: a clean module; boatgauge: the same layout with a missing package of its own (ledger) and a package
    importing a module nothing provides."""
    out = []
    for mod, broken in (("tollbook", False), ("boatgauge", True)):
        root = tmp / mod
        files = {"go.mod": f"module example.com/{mod}\n\ngo 1.19\n",
                 "gaugerod/gaugerod.go": w469._go_pkg("gaugerod", "gauging rods dipped at a boat's corners",
                                                      ["time"], ["Dip", "Freeboard", "Tonnage"]),
                 "gaugerod/gaugerod_test.go": "package gaugerod\n\nimport \"testing\"\n\nfunc TestDip(t *testing.T) {\n"
                                              "\tif Dip() != 5 {\n\t\tt.Fatal(\"dip\")\n\t}\n}\n",
                 "permit/permit.go": w469._go_pkg("permit", "boat permits issued at the office",
                                                  ["strconv", f"example.com/{mod}/gaugerod"],
                                                  ["Issue", "Revoke", "Stamp"]),
                 "keeper/keeper.go": w469._go_pkg("keeper", "lockkeepers and their rota",
                                                  [f"example.com/{mod}/gaugerod"] + (
                                                      [f"example.com/{mod}/ledger"] if broken else []),
                                                  ["Rota", "Inspect", "Relieve"]),
                 "cmd/" + mod + "/main.go": "package main\n\nimport (\n\t\"fmt\"\n\n"
                                             f"\t\"example.com/{mod}/permit\"\n\t\"example.com/{mod}/keeper\"\n)\n\n"
                                             "func main() { fmt.Println(permit.Issue(), keeper.Rota()) }\n"}
        if broken:
            files["flight/flight.go"] = w469._go_pkg("flight", "the lock flight's pounds",
                                                     ["github.com/canaltolls/cillkit"], ["Fill"])
        for k, v in list(files.items()):
            if k.endswith(".go") and "example.com/" in v and not k.startswith("cmd/"):
                v = v.replace(f'\t"example.com/{mod}/gaugerod"\n', f'\t_ "example.com/{mod}/gaugerod"\n')
                v = v.replace(f'\t"example.com/{mod}/ledger"\n', f'\t_ "example.com/{mod}/ledger"\n')
                files[k] = v
            if k.endswith("flight.go"):
                files[k] = v.replace('\t"github.com/canaltolls/cillkit"\n', '\t_ "github.com/canaltolls/cillkit"\n')
        cm.write_tree(root, files)
        out.append(root)
    return out[0], out[1]


GO_ENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on",
          "GOCACHE": str(TMP / "go-cache"), "GOPATH": str(TMP / "go-path")}

LOCKS = ["top-lock", "middle-lock", "bottom-lock", "wharf-basin", "toll-island", "stop-lock"]
KEEPERS = ["Hannah Windlass", "Silas Balance", "Prue Paddlegear", "Amos Cill", "Nell Towline", "Reuben Gauger"]


def api_files(www: Path) -> None:
    """Gauging-rod readings in round 1's json-api envelope, three pages with timestamps; boat permits in round 9b's
    orders shape; lockkeepers' gate inspections as a bare array; a few failed records and one outlier in each."""
    rnd = random.Random(SEED)
    ts = w469._ts
    api = www / "api"
    (api / "gauge-rods").mkdir(parents=True, exist_ok=True)
    n = 0
    for page in (1, 2, 3):
        recs = []
        for j in range(40):
            lk = LOCKS[n % len(LOCKS)]
            r = {"module": f"gauging-{lk}-{n + 1:03d}", "status": "passed", "gauged_at": ts(rnd, n),
                 "dips": 4, "freeboard_mm": rnd.randint(80, 420), "tons": rnd.randint(8, 31),
                 "duration_ms": rnd.randint(20, 300)}
            if n in (5, 51, 78, 112):
                r["status"] = "failed"
                r["error"] = (f"GaugeError: {lk} rod reading {rnd.randint(2, 9)} of 4 unreadable at {r['gauged_at']} "
                              f"(boat NB-{rnd.randint(100, 999)} turned back to the wharf)")
            if n == 69:
                r["status"] = "skipped"
            if n == 33:
                r["tons"], r["duration_ms"] = 212, 9120
            recs.append(r)
            n += 1
        failed = sum(r["status"] == "failed" for r in recs)
        doc = {"suite": "canal-toll-gauging", "page": page, "pages": 3, "count": len(recs), "failed": failed,
               "ok": len(recs) - failed,
               "next": f"/api/gauge-rods/page{page + 1}.json" if page < 3 else None, "results": recs}
        (api / "gauge-rods" / f"page{page}.json").write_text(json.dumps(doc) + "\n")
    permits = []
    for i in range(60):
        a = {"id": 7300 + i, "order_ref": f"CP-{rnd.randint(10000, 99999)}", "keeper": rnd.choice(KEEPERS),
             "item": f"{rnd.choice(['narrowboat', 'wide beam', 'butty pair', 'maintenance flat'])} "
                     f"through the {rnd.choice(LOCKS)}",
             "status": "done", "qty": rnd.randint(1, 6), "amount_cents": rnd.randint(150, 7500), "at": ts(rnd, i)}
        if i in (6, 31, 52):
            a["status"] = "failed"
            a["reason"] = "pound below weir level: passage refused, permit voided"
        if i == 44:
            a["status"], a["qty"], a["amount_cents"] = "held", 96, 518_000
        permits.append(a)
    (api / "boat-permits.json").write_text(json.dumps({
        "count": len(permits), "failed": sum(a["status"] == "failed" for a in permits), "results": permits}) + "\n")
    insp = []
    for i in range(48):
        r = {"id": 820 + i, "gate": f"G-{LOCKS[i % len(LOCKS)]}-{'head' if i % 2 else 'tail'}",
             "keeper": rnd.choice(KEEPERS), "status": "sound", "leak_lps": round(rnd.uniform(0.0, 1.5), 2),
             "cost_cents": rnd.randint(3000, 18000), "inspected_at": ts(rnd, i * 3)}
        if i in (14, 39):
            r["status"] = "leaking"
        if i == 26:
            r["status"], r["leak_lps"], r["cost_cents"] = "jammed", 14.8, 386_000
        insp.append(r)
    (api / "lock-inspections.json").write_text(json.dumps(insp) + "\n")


KEEPERHOUSE_JS = {
    "eslint.config.js": w469.VALVEHOUSE_JS["eslint.config.js"],
    "gauging.js": (
        "var dips = {};\nfunction tonnage(boat, corners) {\n  let load = boat.load;\n  if (corners == 0) return 0\n"
        "  switch (boat.kind) {\n    case 'butty': corners = corners + 2;\n    case 'flat': return freeboard(boat);\n"
        "    default: return corners;\n  }\n}\nfunction redip(boat) {\n  return dips[boat.id] = 0;\n"
        "  console.log('redipped');\n}\nmodule.exports = { tonnage, redip, tonnage: tonnage };\n"),
    "permits.js": (
        "const keepers = require('./keepers');\nfunction stamp(permit) {\n  let mark = permit.mark;\n"
        "  if (mark = 0) return null;\n  while (true) { if (permit.stamped) break; }\n  return fee * 2;\n}\n"
        "module.exports = { stamp };\n"),
    "keepers.js": (
        "let rota = 0;\nfunction relieve(hours) {\n  rota = rota + hours;\n  if (rota != 10) return rota\n"
        "  return handover(rota);\n}\nmodule.exports = { relieve, shift: 5, shift: 7 };\n"),
}

CANAL_PERMITS_PY = {
    "canal_permits/__init__.py": "from .tolls import *\nimport sys, os\n",
    "canal_permits/tolls.py": (
        "import json\nimport os\nfrom typing import List, Optional\n\n\ndef load(path, seen=[]):\n"
        "    seen.append(path)\n    f = open(path)\n    return json.load(f)\n\n\ndef per_ton(toll):\n    try:\n"
        "        return toll['pence'] / toll['tons']\n    except:\n        return None\n\n\n"
        "def heaviest(rows: List[dict]) -> Optional[dict]:\n    top = None\n    for i in range(len(rows)):\n"
        "        if rows[i]['tons'] == None:\n            continue\n        if top is None or rows[i]['tons'] > top['tons']:\n"
        "            top = rows[i]\n    return top\n"),
    "canal_permits/keepers.py": (
        "import subprocess\nimport pickle\n\n\nclass Keeper(object):\n    def __init__(self, name, hours=10):\n"
        "        self.name = name\n        self.hours = hours\n\n    def draw_paddle(self, cmd):\n"
        "        return subprocess.run(cmd, shell=True)\n\n    def logbook(self, blob):\n"
        "        return pickle.loads(blob)\n\n    def weary(self):\n        assert self.hours >= 0, 'negative hours'\n"
        "        if self.hours == None: return False\n        return eval('%d > 14' % self.hours)\n"),
}

JQ_INSP = "jq -c '.[] | {id, gate, keeper, status, leak: .leak_lps, amount: .cost_cents, inspected_at}'"
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    www = tmp / "www"
    api_files(www)
    cm.start(f"cd {www} && exec python3 -m http.server {PORT_API} --bind 127.0.0.1")
    time.sleep(1.5)


def packages(tmp: Path) -> None:
    app = tollboard(tmp)
    ws = lockoffice(tmp)
    cap("npm-view-notyf-json", "npm view notyf --json", tmp, n_npm_view, timeout=300)
    cap("npm-view-shepherd-js-json", "npm view shepherd.js --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-nouislider-exit", "chain-pkg-exit", "pkg",
          [Part("npm view nouislider --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    chain("chain-npm-view-pikaday-exit", "chain-pkg-exit", "pkg",
          [Part("npm view pikaday --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-versions-npm-view-tiny-slider", "npm view tiny-slider --json | jq '.versions'", tmp, n_jq_lines,
        timeout=300)
    cap("jq-deps-keys-npm-view-shepherd-js", "npm view shepherd.js --json | jq '.devDependencies | keys'", tmp,
        n_jq_lines, timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in siema rellax zenscroll toastify-js pikaday notyf; do npm view $p --json | jq '[.name, "
        ".version, .description, .license, .homepage, .\"dist-tags\".latest, .dist.tarball]'; done", tmp, n_jq_lines,
        timeout=300)
    cap("cat-package-lock-tollboard", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-tollboard", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-tollboard", "jq '{name, version, description, dependencies}' package.json", app,
        n_json_file)
    chain("chain-npm-ls-json-tollboard-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-tollboard", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-tollboard-exit", "chain-pkg-exit", "pkg",
          [Part("cd tollboard", None), Part("npm ls 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-lockoffice-venv-head", f"{PIP} inspect 2>/dev/null | head -n 300", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null | head -n 300")
    cap("pip-show-files-pynacl-uvloop", f"{PIP} show -f pynacl uvloop pyroaring", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f pynacl uvloop pyroaring")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-lockoffice", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    chain("chain-cargo-metadata-no-deps-exit", "chain-pkg-exit", "pkg",
          [Part("cd lockoffice-ws", None), Part("cargo metadata --format-version 1 --offline --no-deps",
                                                n_cargo_meta, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=env)
    cap("cat-cargo-lock-lockoffice", "cat Cargo.lock", ws, n_cargo_lock)
    tollbook, boatgauge = go_modules(tmp)
    genv = dict(GO_ENV)
    cap("go-list-json-tollbook", "go list -json ./...", tollbook, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-boatgauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd boatgauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "keeperhouse", KEEPERHOUSE_JS)
    cm.write_tree(lint / "permits", CANAL_PERMITS_PY)
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-keeperhouse", f"{eslint} -f json . 2>&1", lint / "keeperhouse", n_eslint_json, timeout=300,
        typed="npx eslint -f json . 2>&1")
    cap("ruff-json-canal-permits",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json canal_permits 2>/dev/null",
        lint / "permits", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json canal_permits 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-gauge-rods-page2-json-tool",
        f"curl -s {base}/gauge-rods/page2.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-gauge-rods-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/gauge-rods/page1.json", n_json_api),
           Part(f"curl -s {base}/gauge-rods/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/gauge-rods/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-boat-permits-json-tool", f"curl -s {base}/boat-permits.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-lock-inspections", f"curl -s {base}/lock-inspections.json | {JQ_INSP}", tmp, n_jq_compact)


CURL_MD = [("curl-md-vanilla-lazyload-readme", "vanilla-lazyload/README.md", ""),
           ("curl-md-vanilla-lazyload-changelog-head", "vanilla-lazyload/CHANGELOG.md", " | head -n 250"),
           ("curl-md-zenscroll-readme", "zenscroll/README.md", "")]
CURL_HTML = [("curl-html-tiny-slider-readme", "tiny-slider/README.html", ""),
             ("curl-html-rellax-demo", "rellax/demo.html", "")]
CAT_MIN = [("cat-min-nouislider", "nouislider/dist/nouislider.min.js", " | head -c 20000")]


def docs(tmp: Path) -> None:
    """The installed packages' documentation served from 127.0.0.1:28506 (stopped before OpenCode's run, whose own
    doc server takes the port) and fetched with curl; installed minified files printed with cat."""
    srv = cm.start(f"cd {JS / 'node_modules'} && exec python3 -m http.server {PORT_DOCS} --bind 127.0.0.1")
    time.sleep(1.5)
    try:
        base = f"http://127.0.0.1:{PORT_DOCS}"
        for item, path, pipe in CURL_MD:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_markdown)
        for item, path, pipe in CURL_HTML:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_html)
        chain("chain-curl-md-pikaday-readme-exit", "chain-curl-exit", "doc",
              [Part(f"curl -sf {base}/pikaday/README.md", n_markdown),
               Part(f"curl -sf {base}/pikaday/CHANGES.md", None, "&&"),
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


DOCS_MD = [("oc-webfetch-md-notyf-readme", "notyf/README.md"),
           ("oc-webfetch-md-toastify-js-changelog", "toastify-js/CHANGELOG.md")]
DOCS_HTML = [("oc-webfetch-html-toastify-js-index", "toastify-js/index.html")]
MINIFIED = {"read": ("oc-read-min-notyf-js", "notyf/notyf.min.js"),
            "bash": ("bash-cat-min-lazyload", "vanilla-lazyload/dist/lazyload.min.js")}


def specs(root: Path, env: dict) -> list:
    B, C, Spec, oc_ext = w469.B, w469.C, w469.Spec, w469.oc_ext
    nm = f"{JS}/node_modules"
    S: list = [
        B("oc-bash-npm-ls-json-tollboard", n_npm_ls_json, "cd tollboard && npm ls --json 2>/dev/null"),
        B("oc-bash-jq-versions-nouislider", n_jq_lines, "npm view nouislider --json | jq '.versions'"),
        B("oc-bash-npm-view-toastify-js", n_npm_view, "npm view toastify-js --json"),
        B("oc-bash-pip-show-rapidjson-rpds", n_pip_show, "pip show python-rapidjson rpds-py zope.interface"),
    ]
    S.append(C("oc-bash-chain-npm-ls-all-exit", "chain-pkg-exit", "pkg",
               [Part("cd tollboard", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List tollboard's dependency tree"))
    bu = "{BASE}"
    O = [Spec("oc-read-lock-tollboard", "oc-read-lockfile", "json", "read",
              {"filePath": f"{root}/tollboard/package-lock.json"}, "json")]
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
                  {"command": f"cat {nm}/{path} | head -c 80000", "description": "Print lazyload.min.js"},
                  "minified"))
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Round 497's way (483's, 469's, 463's): capture_opencode's doc server and stub on this round's ports."""
    oco = w469.capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    try:
        w469.run_round(
            tmp,
            f"cp -a {tmp}/tollboard tollboard && cp -r {tmp}/lockoffice-ws lockoffice-ws",
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
    sys.modules.setdefault("capture_wide506", sys.modules["__main__"])
    main()
