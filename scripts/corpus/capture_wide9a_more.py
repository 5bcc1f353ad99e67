"""Round 9a, the JSON, log, listing and table kinds that balance the families: go list -json and npm ls --json
of broken trees, a license-audit API over the real packages of the shared JavaScript install (served on
loopback), JSON-lines logs and a Node.js crash with a cause, ls -lR / du over real package trees, sqlite -box.
Run through capture_wide9a.py."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import capture_more as cm
from capture_data import needles_du, needles_json_api, needles_ls_lR
from capture_more import add_or_skip as add
from capture_more import have, kind, run
from capture_wide import n_node_uncaught, n_sqlite_box
from capture_wide2 import n_json_log
from capture_wide6 import JS as W6_JS
from capture_wide6 import VENV, reuse, text_rule
from capture_wide7_more import first
from capture_wide9a import TOOLS
from capture_wide9a_sys import go_module

n_ls_lR = reuse("ls-lR", "listing", text_rule(needles_ls_lR), first(needles_ls_lR))
n_du = reuse("du-ah-sorted", "listing", text_rule(needles_du), first(needles_du))
n_api = reuse("json-api", "json", lambda lines: needles_json_api("\n".join(lines), True), first(needles_json_api))


@kind("go-list-json", "json")
def n_go_list_json(lines):
    """Rule 5 on go list -json (a stream of package objects): every top-level "ImportPath" line; rule 1: every "Err"/"Error" line and its "Pos" line within six."""
    out = [ln for ln in lines if ln.startswith('\t"ImportPath": ')]
    for i, ln in enumerate(lines):
        if re.match(r'^\s*"(Err|Error)": ', ln):
            out += [ln, cm.next_match(lines, i, r'^\s*"Pos": "\S')]
    return out


@kind("npm-ls-json", "json")
def n_npm_ls_json(lines):
    """Rule 5 on npm ls --json: every direct dependency's opening line and its "version" line; rule 1: every "missing"/"invalid"/"problems" entry line."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r'^    "[^"]+": \{$', ln):
            out += [ln, cm.next_match(lines, i, r'^      "version": ', 3)]
        if re.search(r'"(missing|invalid|extraneous)": true|^\s+"(missing|invalid)[^"]*:', ln) or (
                lines[i - 1].strip().startswith('"problems": [') if i else False):
            out.append(ln)
    return out


# ================================================================== JSON

def cap_json(tmp: Path) -> None:
    if have("go", "go-list-json"):
        root = go_module(tmp / "golist")
        (root / "url" / "url.go").write_text((root / "url" / "url.go").read_text().replace("func unhex(", "func unhex2(", 1))
        (root / "csv" / "broken.go").write_text("package csv\n\nimport \"example.org/stdfork/missing\"\n\nvar _ = missing.X\n")
        add("go-list-json-stdfork-broken", "go list -e -json ./...",
            run("go list -e -json ./...", cwd=root, env={"GOCACHE": str(tmp / "gocache")}, timeout=300), n_go_list_json)
    d = tmp / "lsjson"
    d.mkdir()
    (d / "package.json").write_text(json.dumps({"name": "report-api", "version": "1.2.0", "private": True,
                                                "dependencies": {"express": "^4.19.0", "date-fns": "^4.1.0", "lodash": "^4.17.21"},
                                                "devDependencies": {"validator": "^13.11.0", "ms": "^2.1.3"}}, indent=2))
    run("npm install --no-audit --no-fund --loglevel=error", cwd=d, timeout=300)
    run("rm -rf node_modules/ms node_modules/body-parser && sed -i 's/\"version\": \"4[^\"]*\"/\"version\": \"3.0.0\"/' "
        "node_modules/lodash/package.json", cwd=d)
    add("npm-ls-json-report-api-broken", "npm ls --all --json", run("npm ls --all --json", cwd=d), n_npm_ls_json)
    api = tmp / "api"
    api.mkdir()
    recs = license_audit(W6_JS / "node_modules")
    body = {"count": len(recs), "failed": sum(r["status"] == "error" for r in recs), "ok": sum(r["status"] == "allowed" for r in recs),
            "results": recs}
    (api / "audit.json").write_text(json.dumps(body, indent=2))
    srv = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "41193"], cwd=api,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    cm.PROCS.append(srv)
    time.sleep(1.5)
    add("curl-license-audit-api", "curl -s http://127.0.0.1:41193/v1/audit?project=w6-tools",
        run("curl -s http://127.0.0.1:41193/audit.json"), n_api)


ALLOWED = {"MIT", "ISC", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "0BSD", "BlueOak-1.0.0"}


def license_audit(nm: Path) -> list[dict]:
    """One record per real package of the install (first 220): its license checked against an allow-list."""
    recs = []
    for pj in sorted(nm.glob("*/package.json"))[:220]:
        m = json.loads(pj.read_text())
        lic = m.get("license") if isinstance(m.get("license"), str) else None
        files = sum(1 for f in pj.parent.rglob("*") if f.is_file())
        rec = {"module": m.get("name"), "version": m.get("version"), "license": lic,
               "status": "allowed" if lic in ALLOWED else ("error" if lic is None else "review"), "files": files,
               "deps": len(m.get("dependencies") or {})}
        if lic is None:
            rec["error"] = "no license field in package.json"
        recs.append(rec)
    return recs


# ================================================================== logs

JSON_LOG = """import json, logging, pathlib, sys, time

class J(logging.Formatter):
    def format(self, r):
        return json.dumps({"ts": round(r.created, 3), "level": r.levelname.lower(), "logger": r.name, "msg": r.getMessage()})

h = logging.StreamHandler(sys.stdout)
h.setFormatter(J())
logging.basicConfig(level=logging.INFO, handlers=[h])
scan, lic = logging.getLogger("scanner"), logging.getLogger("license")
for pj in sorted(pathlib.Path(sys.argv[1]).glob("*/package.json")):
    m = json.loads(pj.read_text())
    scan.info("scanned %s@%s", m.get("name"), m.get("version"))
    if not isinstance(m.get("license"), str):
        lic.error("%s: no license field", m.get("name"))
    elif m.get("license") not in ("MIT", "ISC", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0"):
        lic.warning("%s: license %s needs review", m.get("name"), m.get("license"))
    if "deprecated" in m:
        scan.warning("%s is deprecated", m.get("name"))
scan.info("done")
"""

CRASH = """const ms = require('ms');
const qs = require('qs');

function parseTimeout(query) {
  const { timeout } = qs.parse(query);
  return ms(timeout);
}

function loadRoutes(specs) {
  return specs.map((s) => {
    try {
      return { path: s.path, timeoutMs: parseTimeout(s.query) };
    } catch (err) {
      throw new Error(`route ${s.path}: bad timeout`, { cause: err });
    }
  });
}

console.log('loading %d routes', 3);
console.log(loadRoutes([{ path: '/a', query: 'timeout=2s' }, { path: '/b', query: 'timeout=1m' }, { path: '/c', query: 'retries=3' }]));
"""


def cap_logs(tmp: Path) -> None:
    d = tmp / "jsonlog"
    d.mkdir()
    (d / "scan.py").write_text(JSON_LOG)
    add("json-lines-license-scan", "python scan.py node_modules", run(f"{VENV}/bin/python scan.py {W6_JS / 'node_modules'}", cwd=d),
        n_json_log)
    if have("node", "node-uncaught"):
        c = tmp / "crash"
        c.mkdir()
        (c / "routes.js").write_text(CRASH)
        (c / "node_modules").symlink_to(TOOLS / "js" / "node_modules")
        add("node-uncaught-cause-routes", "node routes.js", run("node routes.js", cwd=c), n_node_uncaught)


# ================================================================== listings and tables

def cap_listings(tmp: Path) -> None:
    nm = TOOLS / "js" / "node_modules"
    add("ls-lR-express-lib-qs", "ls -lR node_modules/express node_modules/qs",
        run("ls -lR express qs", cwd=nm), n_ls_lR)
    add("du-ah-sort-validator", "du -ah node_modules/validator/lib | sort -h", run("du -ah validator/lib | sort -h", cwd=nm), n_du)
    if have("sqlite3", "sqlite-box"):
        d = tmp / "box"
        d.mkdir()
        recs = license_audit(W6_JS / "node_modules")
        (d / "a.csv").write_text("module,version,license,status,files,deps\n" + "".join(
            f"{r['module']},{r['version']},{r['license'] or ''},{r['status']},{r['files']},{r['deps']}\n" for r in recs))
        run("sqlite3 a.db '.mode csv' '.import a.csv audit'", cwd=d)
        q = "SELECT module, version, license, status, files, deps FROM audit WHERE files > 20 ORDER BY files DESC LIMIT 80"
        add("sqlite-box-license-audit", f"sqlite3 -box a.db \"{q}\"", run(f"sqlite3 -box a.db \"{q}\"", cwd=d), n_sqlite_box)


STEPS = [cap_json, cap_logs, cap_listings]
