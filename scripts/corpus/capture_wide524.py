"""Capture round 524 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 497, 506 and 517's pattern), with names from a lock keeper's cottage (lockcottage, lengthsmanhut,
cottagebook, beamgauge; balance beams, paddles, lengthsmen, bank walks), seed 52410: npm packages perfect-scrollbar,
pristinejs, progressbar.js, rough-notation, scrollreveal, smooth-scroll, typed.js, vanilla-tilt, viewerjs and zooming
installed here (package JSON from npm view / npm ls / package-lock.json of the lockcottage app with a missing
dependency, an invalid range and an invalid peer put in, jq over them); a venv of pyxirr, rcssmin, rjsmin, siphash24,
tomli-w, uhashring and ruff (pip inspect, pip show); a Cargo workspace (lengthsmanhut) for cargo metadata and
Cargo.lock; two local Go modules (cottagebook, and beamgauge with a missing import) for go list -json; a loopback JSON
API (balance-beam swings in pages with timestamps, lock passages, bank walks) fetched with curl, json.tool and jq -c;
eslint -f json and ruff's JSON reporter on code written here with faults put in; the installed packages'
documentation fetched with curl from a loopback server, a minified file cat'ed; one headless OpenCode run (package
commands, read, webfetch of installed documentation, minified JS).

No new extractor: each kind's needles come from the extractor round 517 used for it, imported through
`capture_wide517._imports` (which takes them from rounds 506's, 497's and 469's modules), pointed at this round
(NEEDLES.md's "Round 524: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide524.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide524.json  as {"version": 2, "items": [...]}, ids prefixed "wide524-".
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
import capture_wide517 as w517  # noqa: E402

ID_PREFIX = "wide524-"
DEFAULT_OUT = HERE / "data" / "wide524.json"
TMP = Path("/dev/shm/hm-corpus-wide524")
TOOLS = Path("/dev/shm/hm-corpus-wide524-tools")
PY_PKGS = ["pyxirr", "rcssmin", "rjsmin", "siphash24", "tomli-w", "uhashring", "ruff"]
NPM_PKGS = ["perfect-scrollbar", "pristinejs", "progressbar.js", "rough-notation", "scrollreveal", "smooth-scroll",
            "typed.js", "vanilla-tilt", "viewerjs", "zooming", "eslint"]
APP_PKGS = NPM_PKGS[:-1]

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 52410
PORT_API, PORT_DOCS, PORT_STUB = 18524, 28524, 38524

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "zooming", NPM_PKGS)
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["beamarm", "paddlegear", "lengthsman", "stopplank", "cottagewall", "lengthsmanhut"]

# rounds 517's, 506's, 497's and 469's modules, pointed at this round's scratch, ports, seed and members (as 517 does)
for _m in (w517, w506, w497, w469):
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
w506.VENV, w506.JS = VENV, JS
w517.VENV, w517.JS = VENV, JS
w9b.TMP = TMP


def _imports():
    """Round 517's imports (506's, 497's, 469's, 383's, with the JSON kinds' extractors and the curl'd documents')."""
    w517._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w517, name)


# ---------------------------------------------------------------- material

def lockcottage(tmp: Path) -> Path:
    """The app: the ten installed packages, plus `windlasskit` (missing), a `viewerjs` range the installed 1.x does
    not satisfy (invalid) and `cottageplate`, a local package whose peerDependency on typed.js 4 the installed 3.x
    does not satisfy (invalid peer); its lock is the installed tree's, renamed."""
    root = tmp / "lockcottage"
    root.mkdir(parents=True, exist_ok=True)
    nm = root / "node_modules"
    if not nm.exists():
        cm.run(f"cp -a {JS / 'node_modules'} {nm}")
    cm.write_tree(nm / "cottageplate", {
        "package.json": json.dumps({"name": "cottageplate", "version": "0.7.1", "main": "index.js",
                                    "description": "Balance-beam name plates and the lengthsmen's painted boards",
                                    "peerDependencies": {"typed.js": "^4.0.0"}}, indent=2) + "\n",
        "index.js": "module.exports = { swing: (beam) => ({ beam }) };\n"})
    pkg = json.loads((JS / "package.json").read_text())
    deps = {k: v for k, v in pkg["dependencies"].items() if k in APP_PKGS}
    deps["viewerjs"] = "^0.11.0"
    deps["windlasskit"] = "^2.0.4"
    deps["cottageplate"] = "^0.7.0"
    dev = {"eslint": pkg["dependencies"]["eslint"]}
    (root / "package.json").write_text(json.dumps({
        "name": "lockcottage", "version": "1.8.0", "private": True,
        "description": "Lock keeper's cottage: balance beams swung, paddles wound, lengthsmen's bank walks",
        "scripts": {"start": "node cottage.js"}, "dependencies": dict(sorted(deps.items())),
        "devDependencies": dev}, indent=2) + "\n")
    lock = json.loads((JS / "package-lock.json").read_text())
    lock["name"], lock["version"] = "lockcottage", "1.8.0"
    lock["packages"][""].update({"name": "lockcottage", "version": "1.8.0",
                                 "dependencies": dict(sorted(deps.items())), "devDependencies": dev})
    lock["packages"]["node_modules/cottageplate"] = {"version": "0.7.1", "license": "MIT",
                                                     "peerDependencies": {"typed.js": "^4.0.0"}}
    lock["packages"] = dict(sorted(lock["packages"].items()))
    (root / "package-lock.json").write_text(json.dumps(lock, indent=2) + "\n")
    return root


CARGO_WS = "[workspace]\nmembers = [" + ", ".join(f'"{m}"' for m in MEMBERS) + ']\nresolver = "2"\n'


def lengthsmanhut(tmp: Path) -> Path:
    root = tmp / "lengthsmanhut-ws"
    files = {"Cargo.toml": CARGO_WS}
    files.update(w383.crate("beamarm", "Balance beams, their arms and the heel posts they swing", {}))
    files.update(w383.crate("paddlegear", "Ground and gate paddles, racks and windlass spindles", {"beamarm": ""}))
    files.update(w383.crate("lengthsman", "The lengthsmen's beats and bank-walk rota", {}))
    files.update(w383.crate("stopplank", "Stop planks, their grooves and the dewatering log", {"lengthsman": ""}))
    files.update(w383.crate("cottagewall", "The cottage's lock wall, copings and the flood marks",
                            {"stopplank": ""}))
    files.update(w383.crate("lengthsmanhut", "Lock keeper's cottage: beams, paddles and lengthsmen",
                            {"beamarm": "", "paddlegear": "", "lengthsman": "", "stopplank": "", "cottagewall": ""},
                            "bin"))
    cm.write_tree(root, files)
    cm.run("cargo generate-lockfile --offline", cwd=root, env={"CARGO_TERM_COLOR": "never"})
    return root


def go_modules(tmp: Path) -> tuple[Path, Path]:
    """cottagebook: a clean module; beamgauge: the same layout with a missing package of its own (leakbook) and a
    package importing a module nothing provides."""
    out = []
    for mod, broken in (("cottagebook", False), ("beamgauge", True)):
        root = tmp / mod
        files = {"go.mod": f"module example.com/{mod}\n\ngo 1.19\n",
                 "beamarm/beamarm.go": w469._go_pkg("beamarm", "balance beams swung open and shut",
                                                    ["time"], ["Swing", "Heel", "Arc"]),
                 "beamarm/beamarm_test.go": "package beamarm\n\nimport \"testing\"\n\nfunc TestSwing(t *testing.T) {\n"
                                            "\tif Swing() != 4 {\n\t\tt.Fatal(\"swing\")\n\t}\n}\n",
                 "paddlegear/paddlegear.go": w469._go_pkg("paddlegear", "ground paddles wound with the windlass",
                                                          ["strconv", f"example.com/{mod}/beamarm"],
                                                          ["Wind", "Rack", "Spindle"]),
                 "lengthsman/lengthsman.go": w469._go_pkg("lengthsman", "the lengthsmen's beats and bank walks",
                                                          [f"example.com/{mod}/beamarm"] + (
                                                              [f"example.com/{mod}/leakbook"] if broken else []),
                                                          ["Beat", "Walk", "Report"]),
                 "cmd/" + mod + "/main.go": "package main\n\nimport (\n\t\"fmt\"\n\n"
                                             f"\t\"example.com/{mod}/paddlegear\"\n\t\"example.com/{mod}/lengthsman\"\n)\n\n"
                                             "func main() { fmt.Println(paddlegear.Wind(), lengthsman.Beat()) }\n"}
        if broken:
            files["stopboard/stopboard.go"] = w469._go_pkg("stopboard", "stop boards dropped in the grooves",
                                                           ["github.com/lengthsmen/stopboardkit"], ["Drop"])
        for k, v in list(files.items()):
            if k.endswith(".go") and "example.com/" in v and not k.startswith("cmd/"):
                v = v.replace(f'\t"example.com/{mod}/beamarm"\n', f'\t_ "example.com/{mod}/beamarm"\n')
                v = v.replace(f'\t"example.com/{mod}/leakbook"\n', f'\t_ "example.com/{mod}/leakbook"\n')
                files[k] = v
            if k.endswith("stopboard.go"):
                files[k] = v.replace('\t"github.com/lengthsmen/stopboardkit"\n',
                                     '\t_ "github.com/lengthsmen/stopboardkit"\n')
        cm.write_tree(root, files)
        out.append(root)
    return out[0], out[1]


GO_ENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on",
          "GOCACHE": str(TMP / "go-cache"), "GOPATH": str(TMP / "go-path")}

LOCKS = ["top-lock", "bottom-lock", "cottage-lock", "staircase-pair", "side-pond", "flight-foot"]
LENGTHSMEN = ["Hannah Beamish", "Silas Windlass", "Ruth Towne", "Eli Groundley", "Mary Cillman", "Amos Lengthe"]


def api_files(www: Path) -> None:
    """Balance-beam swing readings in round 1's json-api envelope, three pages with timestamps; lock passages in
    round 9b's orders shape; the lengthsmen's bank walks as a bare array; a few failed records and one outlier each."""
    rnd = random.Random(SEED)
    ts = w469._ts
    api = www / "api"
    (api / "beam-swings").mkdir(parents=True, exist_ok=True)
    n = 0
    for page in (1, 2, 3):
        recs = []
        for j in range(40):
            lk = LOCKS[n % len(LOCKS)]
            r = {"module": f"beamarm-{lk}-{n + 1:03d}", "status": "passed", "swung_at": ts(rnd, n),
                 "gates": 2, "arc_deg": rnd.randint(60, 95), "push_kgf": rnd.randint(18, 70),
                 "duration_ms": rnd.randint(20, 310)}
            if n in (6, 52, 77, 108):
                r["status"] = "failed"
                r["error"] = (f"BeamSwingError: {lk} heel post {rnd.randint(1, 2)} of 2 seized at {r['swung_at']} "
                              f"(swing S-{rnd.randint(100, 999)} entered in the defects book)")
            if n == 91:
                r["status"] = "skipped"
            if n == 33:
                r["push_kgf"], r["duration_ms"] = 412, 9630
            recs.append(r)
            n += 1
        failed = sum(r["status"] == "failed" for r in recs)
        doc = {"suite": "cottage-beam-swings", "page": page, "pages": 3, "count": len(recs), "failed": failed,
               "ok": len(recs) - failed,
               "next": f"/api/beam-swings/page{page + 1}.json" if page < 3 else None, "results": recs}
        (api / "beam-swings" / f"page{page}.json").write_text(json.dumps(doc) + "\n")
    passages = []
    for i in range(60):
        a = {"id": 7300 + i, "order_ref": f"LP-{rnd.randint(10000, 99999)}", "keeper": rnd.choice(LENGTHSMEN),
             "item": f"{rnd.choice(['narrowboat', 'widebeam', 'butty pair', 'day boat'])} "
                     f"through the {rnd.choice(LOCKS)}",
             "status": "done", "qty": rnd.randint(1, 6), "amount_cents": rnd.randint(120, 5200), "at": ts(rnd, i)}
        if i in (4, 26, 49):
            a["status"] = "failed"
            a["reason"] = "ground paddle jammed half wound: chamber would not fill, passage refunded"
        if i == 41:
            a["status"], a["qty"], a["amount_cents"] = "held", 72, 388_000
        passages.append(a)
    (api / "lock-passages.json").write_text(json.dumps({
        "count": len(passages), "failed": sum(a["status"] == "failed" for a in passages), "results": passages}) + "\n")
    walks = []
    for i in range(48):
        r = {"id": 920 + i, "bank": f"B-{LOCKS[i % len(LOCKS)]}-{'towpath' if i % 2 else 'offside'}",
             "lengthsman": rnd.choice(LENGTHSMEN), "status": "sound", "seep_lpm": round(rnd.uniform(0.0, 3.5), 1),
             "cost_cents": rnd.randint(1800, 14000), "walked_at": ts(rnd, i * 3)}
        if i in (13, 40):
            r["status"] = "slipping"
        if i == 27:
            r["status"], r["seep_lpm"], r["cost_cents"] = "collapsed", 48.0, 317_000
        walks.append(r)
    (api / "bank-walks.json").write_text(json.dumps(walks) + "\n")


COTTAGEHUT_JS = {
    "eslint.config.js": w469.VALVEHOUSE_JS["eslint.config.js"],
    "beams.js": (
        "var heels = {};\nfunction swing(beam, push) {\n  let arc = beam.arc;\n  if (push == 0) return 0\n"
        "  switch (beam.side) {\n    case 'offside': push = push + 5;\n    case 'towpath': return heelpost(beam);\n"
        "    default: return push;\n  }\n}\nfunction shut(beam) {\n  return heels[beam.id] = 0;\n"
        "  console.log('shut');\n}\nmodule.exports = { swing, shut, swing: swing };\n"),
    "paddles.js": (
        "const lengthsmen = require('./lengthsmen');\nfunction wind(paddle) {\n  let turns = paddle.turns;\n"
        "  if (turns = 0) return null;\n  while (true) { if (paddle.up) break; }\n  return chamber * 2;\n}\n"
        "module.exports = { wind };\n"),
    "lengthsmen.js": (
        "let beat = 0;\nfunction walk(miles) {\n  beat = beat + miles;\n  if (beat != 9) return beat\n"
        "  return report(beat);\n}\nmodule.exports = { walk, pound: 2, pound: 3 };\n"),
}

LOCK_BEAMS_PY = {
    "lock_beams/__init__.py": "from .swings import *\nimport sys, os\n",
    "lock_beams/swings.py": (
        "import json\nimport os\nfrom typing import List, Optional\n\n\ndef load(path, seen=[]):\n"
        "    seen.append(path)\n    f = open(path)\n    return json.load(f)\n\n\ndef push_per_degree(swing):\n    try:\n"
        "        return swing['push'] / swing['arc']\n    except:\n        return None\n\n\n"
        "def heaviest(rows: List[dict]) -> Optional[dict]:\n    top = None\n    for i in range(len(rows)):\n"
        "        if rows[i]['push'] == None:\n            continue\n        if top is None or rows[i]['push'] > top['push']:\n"
        "            top = rows[i]\n    return top\n"),
    "lock_beams/lengthsmen.py": (
        "import subprocess\nimport pickle\n\n\nclass Lengthsman(object):\n    def __init__(self, name, beat=9):\n"
        "        self.name = name\n        self.beat = beat\n\n    def wind(self, cmd):\n"
        "        return subprocess.run(cmd, shell=True)\n\n    def defects(self, blob):\n"
        "        return pickle.loads(blob)\n\n    def tired(self):\n        assert self.beat >= 0, 'negative beat'\n"
        "        if self.beat == None: return False\n        return eval('%d > 12' % self.beat)\n"),
}

JQ_WALKS = "jq -c '.[] | {id, bank, lengthsman, status, seep: .seep_lpm, amount: .cost_cents, walked_at}'"
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    www = tmp / "www"
    api_files(www)
    cm.start(f"cd {www} && exec python3 -m http.server {PORT_API} --bind 127.0.0.1")
    time.sleep(1.5)


def packages(tmp: Path) -> None:
    app = lockcottage(tmp)
    ws = lengthsmanhut(tmp)
    cap("npm-view-viewerjs-json", "npm view viewerjs --json", tmp, n_npm_view, timeout=300)
    cap("npm-view-scrollreveal-json", "npm view scrollreveal --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-typed-js-exit", "chain-pkg-exit", "pkg",
          [Part("npm view typed.js --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    chain("chain-npm-view-progressbar-js-exit", "chain-pkg-exit", "pkg",
          [Part("npm view progressbar.js --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-devdeps-keys-npm-view-vanilla-tilt", "npm view vanilla-tilt --json | jq '.devDependencies | keys'",
        tmp, n_jq_lines, timeout=300)
    cap("jq-devdeps-keys-npm-view-viewerjs", "npm view viewerjs --json | jq '.devDependencies | keys'", tmp,
        n_jq_lines, timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in perfect-scrollbar pristinejs rough-notation smooth-scroll vanilla-tilt zooming; do npm view $p --json "
        "| jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, .dist.tarball]'; done", tmp,
        n_jq_lines, timeout=300)
    cap("cat-package-lock-lockcottage", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-lockcottage", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-lockcottage", "jq '{name, version, description, dependencies}' package.json", app,
        n_json_file)
    chain("chain-npm-ls-json-lockcottage-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-lockcottage", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-lockcottage-exit", "chain-pkg-exit", "pkg",
          [Part("cd lockcottage", None), Part("npm ls 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-lengthsmanhut-venv-head", f"{PIP} inspect 2>/dev/null | head -n 300", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null | head -n 300")
    cap("pip-show-files-rjsmin-rcssmin-siphash24", f"{PIP} show -f rjsmin rcssmin siphash24", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f rjsmin rcssmin siphash24")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-lengthsmanhut", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    chain("chain-cargo-metadata-no-deps-exit", "chain-pkg-exit", "pkg",
          [Part("cd lengthsmanhut-ws", None), Part("cargo metadata --format-version 1 --offline --no-deps",
                                                   n_cargo_meta, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=env)
    cap("cat-cargo-lock-lengthsmanhut", "cat Cargo.lock", ws, n_cargo_lock)
    cottagebook, beamgauge = go_modules(tmp)
    genv = dict(GO_ENV)
    cap("go-list-json-cottagebook", "go list -json ./...", cottagebook, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-beamgauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd beamgauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "cottagehut", COTTAGEHUT_JS)
    cm.write_tree(lint / "beams", LOCK_BEAMS_PY)
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-cottagehut", f"{eslint} -f json . 2>&1", lint / "cottagehut", n_eslint_json, timeout=300,
        typed="npx eslint -f json . 2>&1")
    cap("ruff-json-lock-beams",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json lock_beams 2>/dev/null",
        lint / "beams", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json lock_beams 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-beam-swings-page2-json-tool",
        f"curl -s {base}/beam-swings/page2.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-beam-swings-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/beam-swings/page1.json", n_json_api),
           Part(f"curl -s {base}/beam-swings/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/beam-swings/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-lock-passages-json-tool", f"curl -s {base}/lock-passages.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-bank-walks", f"curl -s {base}/bank-walks.json | {JQ_WALKS}", tmp, n_jq_compact)


CURL_MD = [("curl-md-pristinejs-readme", "pristinejs/README.md", ""),
           ("curl-md-typed-js-readme", "typed.js/README.md", ""),
           ("curl-md-scrollreveal-changelog-head", "scrollreveal/CHANGELOG.md", " | head -n 120")]
CURL_HTML = [("curl-html-smooth-scroll-index", "smooth-scroll/index.html", "")]
CAT_MIN = [("cat-min-viewerjs", "viewerjs/dist/viewer.min.js", " | head -c 20000")]


def docs(tmp: Path) -> None:
    """The installed packages' documentation served from 127.0.0.1:28524 (stopped before OpenCode's run, whose own
    doc server takes the port) and fetched with curl; installed minified files printed with cat."""
    srv = cm.start(f"cd {JS / 'node_modules'} && exec python3 -m http.server {PORT_DOCS} --bind 127.0.0.1")
    time.sleep(1.5)
    try:
        base = f"http://127.0.0.1:{PORT_DOCS}"
        for item, path, pipe in CURL_MD:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_markdown)
        for item, path, pipe in CURL_HTML:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_html)
        chain("chain-curl-md-rough-notation-readme-exit", "chain-curl-exit", "doc",
              [Part(f"curl -sf {base}/rough-notation/README.md", n_markdown),
               Part(f"curl -sf {base}/rough-notation/CHANGELOG.md", None, "&&"),
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


DOCS_MD = [("oc-webfetch-md-vanilla-tilt-readme", "vanilla-tilt/README.md"),
           ("oc-webfetch-md-zooming-configuration", "zooming/docs/configuration.md")]
DOCS_HTML = [("oc-webfetch-html-smooth-scroll-index", "smooth-scroll/index.html")]
MINIFIED = {"read": ("oc-read-min-perfect-scrollbar-js", "perfect-scrollbar/dist/perfect-scrollbar.min.js"),
            "bash": ("bash-cat-min-scrollreveal", "scrollreveal/dist/scrollreveal.min.js")}


def specs(root: Path, env: dict) -> list:
    B, C, Spec, oc_ext = w469.B, w469.C, w469.Spec, w469.oc_ext
    nm = f"{JS}/node_modules"
    S: list = [
        B("oc-bash-npm-ls-json-lockcottage", n_npm_ls_json, "cd lockcottage && npm ls --json 2>/dev/null"),
        B("oc-bash-jq-versions-viewerjs", n_jq_lines, "npm view viewerjs --json | jq '.versions'"),
        B("oc-bash-npm-view-zooming", n_npm_view, "npm view zooming --json"),
        B("oc-bash-pip-show-pyxirr-uhashring", n_pip_show, "pip show pyxirr uhashring tomli-w"),
    ]
    S.append(C("oc-bash-chain-npm-ls-all-exit", "chain-pkg-exit", "pkg",
               [Part("cd lockcottage", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List lockcottage's dependency tree"))
    bu = "{BASE}"
    O = [Spec("oc-read-lock-lockcottage", "oc-read-lockfile", "json", "read",
              {"filePath": f"{root}/lockcottage/package-lock.json"}, "json")]
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
                  {"command": f"cat {nm}/{path} | head -c 80000", "description": "Print scrollreveal.min.js"},
                  "minified"))
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Round 517's way (506's, 497's, 483's, 469's, 463's): capture_opencode's doc server and stub on this round's ports."""
    oco = w469.capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    try:
        w469.run_round(
            tmp,
            f"cp -a {tmp}/lockcottage lockcottage && cp -r {tmp}/lengthsmanhut-ws lengthsmanhut-ws",
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
    sys.modules.setdefault("capture_wide524", sys.modules["__main__"])
    main()
