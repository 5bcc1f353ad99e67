"""Round 109's npm-family verbs and the extractors of their kinds (NEEDLES.md, "Round 109"): `tidepool`'s API
service (an npm project of some twenty direct dependencies) gets `npm sbom` in SPDX and CycloneDX, `npm dedupe
--dry-run` after a nested install, `npm prune --dry-run` after dependencies are dropped from package.json, `npm pkg
get` and `npm version` failures; `npm diff` compares published releases; the same project installed by pnpm gets
`pnpm licenses list`, by yarn classic `yarn why`; a berry monorepo gets `yarn why` and `yarn constraints` against
a constraints file with rules its workspaces break. Run through capture_wide109.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_data import rule4
from capture_wide97_load import _status
from capture_wide109 import cap

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

DIRECT: set[str] = set()  # the direct dependencies of the project the item ran on (set by each step)


def _npm_errors(lines):
    out, warn, skip = [], [], 0
    for ln in lines:
        if skip:
            skip -= 1
            continue
        if re.match(r"^npm (?:error|ERR!)", ln):
            if "A complete log of this run" in ln:  # npm 11 names the log on this line; older npm on the next
                skip = 0 if re.search(r"\.log\s*$", ln) else 1
                continue
            out.append(ln)
        elif re.match(r"^npm warn", ln, re.I):
            warn.append((cm.mask(ln), ln))
    return out, warn


@cm.kind("npm-sbom-spdx", "json")
def n_sbom_spdx(lines):
    """Rules 4+5: spdxVersion, the document's first name and created lines; the SPDXID line of every direct dependency; packages with a rare licenseDeclared: their SPDXID and licenseDeclared lines."""
    out, rows, spdxid, first_name = [], [], None, False
    for ln in lines:
        s = ln.strip()
        if s.startswith('"spdxVersion"') or s.startswith('"created"'):
            out.append(ln)
        elif s.startswith('"name"') and not first_name:
            out.append(ln)
            first_name = True
        m = re.match(r'^"SPDXID": "SPDXRef-Package-(.+)-(\d[^"]*)"', s)
        if m:
            spdxid = ln
            if m.group(1) in DIRECT:
                out.append(ln)
        m = re.match(r'^"licenseDeclared": "([^"]*)"', s)
        if m and spdxid:
            rows.append((ln, spdxid, m.group(1)))
    picked = rule4([(sid, {"lic": lic}) for _, sid, lic in rows], cat=("lic",))
    lic_of = {sid: ln for ln, sid, _ in rows}
    for sid in picked:
        out += [sid, lic_of[sid]]
    e, w = _npm_errors(lines)
    return out + e + cm.groups(w) + _status(lines)


@cm.kind("npm-sbom-cyclonedx", "json")
def n_sbom_cdx(lines):
    """Rules 4+5: bomFormat, specVersion and the metadata timestamp lines; the bom-ref line of every direct dependency; components with a rare licence id/expression: their bom-ref and licence lines."""
    out, rows, ref = [], [], None
    for ln in lines:
        s = ln.strip()
        if re.match(r'^"(bomFormat|specVersion|timestamp)"', s):
            out.append(ln)
        m = re.match(r'^"bom-ref": "(.+)@([^"@]+)"', s)
        if m:
            ref = ln
            if m.group(1) in DIRECT:
                out.append(ln)
        m = re.match(r'^"(?:id|expression)": "([^"]*)"', s)
        if m and ref:
            rows.append((ln, ref, m.group(1)))
    picked = rule4([(r, {"lic": lic}) for _, r, lic in rows], cat=("lic",))
    lic_of = {r: ln for ln, r, _ in rows}
    for r in picked:
        out += [r, lic_of[r]]
    e, w = _npm_errors(lines)
    return out + e + cm.groups(w) + _status(lines)


@cm.kind("npm-diff", "git")
def n_npm_diff(lines):
    """Rule 5: every diff --git header line; in package.json's hunk the -/+ lines changing "version"; with --diff-name-only every listed path; npm error lines."""
    out, in_pkg = [], False
    has_git = any(ln.startswith("diff --git ") for ln in lines)
    for ln in lines:
        if ln.startswith("diff --git "):
            out.append(ln)
            in_pkg = ln.endswith("/package.json") or ln.endswith(" b/package.json")
        elif in_pkg and re.match(r'^[-+]\s+"version":', ln):
            out.append(ln)
        elif not has_git and re.match(r"^[\w@.][\w@./+-]*$", ln.strip()) and "/" in ln or (not has_git and re.match(r"^[\w.-]+\.\w+$", ln.strip())):
            out.append(ln)
    e, w = _npm_errors(lines)
    return out + e + cm.groups(w) + _status(lines)


def _n_dry(lines):
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(add|remove|change)\s+\S+\s+\S+", s):
            out.append(ln)
        elif re.match(r"^(added|removed|changed|audited)\s+\d+ packages?|^up to date", s):
            out.append(ln)
    e, w = _npm_errors(lines)
    return out + e + cm.groups(w) + _status(lines)


n_dedupe = cm.named("npm-dedupe-dry-run", "pkg", "Rules 3+5: every add/remove/change line; the closing '... N packages' / 'up to date' line; npm error lines alone, npm warn one {any} per shape; EXIT=.", _n_dry)
n_prune = cm.named("npm-prune-dry-run", "pkg", "Rules 3+5: every add/remove/change line; the closing '... N packages' / 'up to date' line; npm error lines alone, npm warn one {any} per shape; EXIT=.", _n_dry)


@cm.kind("npm-pkg-get", "json")
def n_pkg_get(lines):
    """Rule 5: every scalar member line at depth 1 or 2; the opening line of every depth-1 object; npm error lines."""
    out, depth = [], 0
    for ln in lines:
        s = ln.strip()
        if re.match(r'^"[^"]+": (?!\{|\[)\S', s) and 1 <= depth <= 2:
            out.append(ln)
        elif re.match(r'^"[^"]+": [\{\[]\s*$', s) and depth == 1:
            out.append(ln)
        elif depth == 0 and re.match(r'^"[^"]*"$', s):  # a single value printed bare
            out.append(ln)
        depth += s.count("{") + s.count("[") - s.count("}") - s.count("]") if not s.startswith('"') or s.endswith(("{", "[")) or s.startswith(("}", "]")) else 0
    e, w = _npm_errors(lines)
    return out + e + _status(lines)


@cm.kind("npm-version-error", "pkg")
def n_version_error(lines):
    """Rules 1+3: every npm error line except the complete-log line and its path; a failing version script's error lines; EXIT=."""
    e, w = _npm_errors(lines)
    own = [ln for ln in lines if not ln.startswith("npm ") and re.search(r"\b\w*(Error|error|FAIL|failed)\b", ln)
           and not ln.lstrip().startswith("at ")]
    return e + own + cm.groups(w) + _status(lines)


@cm.kind("pnpm-licenses-list", "table")
def n_pnpm_licenses(lines):
    """Rules 4+5: the table's header and rule 4 on the License column; --json: every licence key line and the name lines of licences held by at most 2 packages; ERR_PNPM lines."""
    out, rows = [], []
    lic = None
    json_keys: dict[str, list[str]] = {}
    for ln in lines:
        s = ln.strip()
        if "│" in ln:
            cells = [c.strip() for c in ln.strip().strip("│").split("│")]
            if cells and cells[0] == "Package":
                out.append(ln)
            elif len(cells) >= 2 and cells[0] and cells[1]:
                rows.append((ln, {"lic": cells[1]}))
        m = re.match(r'^"([^"]+)": \[$', s)
        if m and ln.startswith('  "'):
            lic = m.group(1)
            json_keys[lic] = []
            out.append(ln)
        elif lic and re.match(r'^"name": "', s) and ln.startswith('      "'):
            json_keys[lic].append(ln)
        if "ERR_PNPM" in ln:
            out.append(ln)
    out += rule4(rows, cat=("lic",))
    total = sum(len(v) for v in json_keys.values())
    top = max((len(v) for v in json_keys.values()), default=0)
    if total and top * 2 >= total:
        for names in json_keys.values():
            if len(names) <= 2:
                out += names
    return out + _status(lines)


@cm.kind("yarn-why", "pkg")
def n_yarn_why(lines):
    """Rule 5: every '=> Found' line, every reason line under 'Reasons this module exists', every error line and the Done in line."""
    out = []
    for ln in lines:
        s = ln.strip()
        if "=> Found" in s or re.match(r'^- (".*" depends on it|Specified in|Hoisted from|".*")', s.lstrip("info ").strip()):
            out.append(ln)
        elif re.search(r"^error\b|\berror\b", s) or s.startswith("Done in"):
            out.append(ln)
    return out + _status(lines)


@cm.kind("yarn-berry-why", "pkg")
def n_berry_why(lines):
    """Rule 5: every top-level line of the tree and every leaf line (the asked-for package's resolved instance); YN error lines."""
    out = []
    tree = [(i, ln) for i, ln in enumerate(lines) if re.match(r"^[│├└ ]*[├└]─ ", ln)]
    def depth(ln):
        return len(re.match(r"^([│ ]*)", ln).group(1))
    for n, (i, ln) in enumerate(tree):
        d = depth(ln)
        nxt = depth(tree[n + 1][1]) if n + 1 < len(tree) else -1
        if d == 0 or nxt <= d:
            out.append(ln)
    out += [ln for ln in lines if re.search(r"YN\d{4}:.*(error|Error|failed|✘)", ln)]
    return out + _status(lines)


@cm.kind("yarn-constraints", "lint")
def n_constraints(lines):
    """Rule 5: every line holding ✘ / expected / Missing / Extraneous / Invalid / conflict alone with the nearest workspace line above; every YN line reporting an error or failure; the closing Done line."""
    out, ws = [], None
    for ln in lines:
        if "@workspace:" in ln:
            ws = ln
        if re.search(r"✘|expected|Missing|Extraneous|Invalid|conflict", ln):
            out.append(ln)
            if ws:
                out.append(ws)
        elif re.search(r"YN\d{4}:.*(error|Error|fail)", ln) or re.search(r"➤ YN\d{4}: .*Done", ln):
            out.append(ln)
    return out + _status(lines)


# ------------------------------------------------------------------ the projects

DEPS = {"express": "^4.19.2", "axios": "^1.7.0", "commander": "^11.1.0", "lodash": "^4.17.21", "semver": "^7.6.0",
        "uuid": "^9.0.1", "debug": "^4.3.4", "dotenv": "^16.4.5", "ws": "^8.17.0", "pino": "^8.21.0",
        "yargs": "^17.7.2", "chalk": "^4.1.2", "dayjs": "^1.11.11", "jsonwebtoken": "^9.0.2", "node-fetch": "^2.7.0",
        "csv-parse": "^5.5.6", "joi": "^17.13.1", "js-yaml": "^4.1.0"}
DEV = {"mocha": "^10.4.0", "chai": "^4.4.1", "sinon": "^17.0.1", "prettier": "^3.2.5"}


def _pkg_json(name: str, deps: dict, dev: dict, **extra) -> str:
    body = {"name": name, "version": "2.3.0", "description": "Tide-gauge ingest API", "main": "src/index.js",
            "license": "Apache-2.0", "scripts": {"test": "mocha", "lint": "prettier --check src",
                                                  "start": "node src/index.js"},
            "engines": {"node": ">=18"}, "dependencies": deps, "devDependencies": dev}
    body.update(extra)
    return json.dumps(body, indent=2) + "\n"


def _api(tmp: Path) -> Path:
    d = tmp / "pkg" / "tidepool-api"
    if (d / "node_modules").exists():
        return d
    write_tree(d, {"package.json": _pkg_json("tidepool-api", DEPS, DEV), "src/index.js": "module.exports = {};\n"})
    out = run("npm install --no-audit --no-fund 2>&1 | tail -n 3", cwd=d, timeout=900)
    cm.note(f"  npm install: {out.strip()[-200:]}")
    return d


def step_sbom(tmp: Path) -> None:
    d = _api(tmp)
    DIRECT.clear()
    DIRECT.update(DEPS, DEV)
    cap("npm-sbom-spdx-prod", "npm sbom --sbom-format spdx --omit dev | head -n 3200", d, n_sbom_spdx)
    cap("npm-sbom-spdx-head", "npm sbom --sbom-format spdx | head -n 600", d, n_sbom_spdx)
    cap("npm-sbom-cyclonedx-prod", "npm sbom --sbom-format cyclonedx --omit dev --sbom-type application | head -n 3000", d, n_sbom_cdx)
    cap("npm-sbom-cyclonedx-lock-only", "npm sbom --sbom-format cyclonedx --package-lock-only | head -n 1500", d, n_sbom_cdx)


def step_diff(tmp: Path) -> None:
    d = tmp / "pkg" / "diffs"
    d.mkdir(parents=True, exist_ok=True)
    cap("npm-diff-semver", "npm diff --diff=semver@7.5.4 --diff=semver@7.6.3", d, n_npm_diff, timeout=300)
    cap("npm-diff-commander-major", "npm diff --diff=commander@11.1.0 --diff=commander@12.1.0", d,
        n_npm_diff, timeout=300)
    cap("npm-diff-express-name-only", "npm diff --diff-name-only --diff=eslint@8.50.0 --diff=eslint@8.57.0; echo EXIT=$?",
        d, n_npm_diff, timeout=300)
    cap("npm-diff-dotenv-head", "npm diff --diff=dotenv@16.0.3 --diff=dotenv@16.4.5 --diff-unified=1 2>&1 | head -n 400", d,
        n_npm_diff, timeout=300)


def step_dedupe_prune(tmp: Path) -> None:
    d = tmp / "pkg" / "tidepool-nested"
    deps = {k: DEPS[k] for k in ("express", "axios", "yargs", "pino", "jsonwebtoken", "debug", "semver", "js-yaml")}
    write_tree(d, {"package.json": _pkg_json("tidepool-nested", deps, {"mocha": DEV["mocha"]})})
    out = run("npm install --no-audit --no-fund --install-strategy=nested 2>&1 | tail -n 3", cwd=d, timeout=900)
    cm.note(f"  nested install: {out.strip()[-200:]}")
    DIRECT.clear()
    cap("npm-dedupe-dry-run-nested", "npm dedupe --dry-run", d, n_dedupe, timeout=600)
    cap("npm-dedupe-dry-run-tail", "npm dedupe --dry-run --omit dev 2>&1 | tail -n 80; echo EXIT=$?", d, n_dedupe,
        timeout=600)
    a = _api(tmp)
    pj = json.loads((a / "package.json").read_text())
    for k in ("pino", "yargs", "joi", "jsonwebtoken"):
        pj["dependencies"].pop(k)
    pj["devDependencies"].pop("sinon")
    (a / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    cap("npm-prune-dry-run-dropped", "npm prune --dry-run", a, n_prune, timeout=600)
    cap("npm-prune-dry-run-omit-dev", "npm prune --dry-run --omit=dev; echo EXIT=$?", a, n_prune, timeout=600)
    run("git checkout -q package.json 2>/dev/null || true", cwd=a)
    (a / "package.json").write_text(_pkg_json("tidepool-api", DEPS, DEV))


MONO_WS = {
    "api": ({"express": "^4.19.2", "lodash": "^4.17.15", "debug": "^4.3.4", "@tidepool/shared": "workspace:^"}, "MIT"),
    "ingest": ({"csv-parse": "^5.5.6", "lodash": "4.17.21", "debug": "^4.3.1", "@tidepool/shared": "workspace:^"}, None),
    "dash": ({"dayjs": "^1.11.11", "debug": "^3.2.7", "chalk": "^4.1.2", "ms": "^2.1.3"}, "MIT"),
    "shared": ({"semver": "^7.6.0", "ms": "^2.0.0", "lodash": "^4.17.21"}, "ISC"),
    "alerts": ({"ws": "^8.17.0", "debug": "^4.3.4", "dayjs": "^1.10.0", "node-fetch": "^2.7.0"}, "MIT"),
}

CONSTRAINTS = """module.exports = {
  async constraints({ Yarn }) {
    for (const ws of Yarn.workspaces()) {
      ws.set('license', 'MIT');
      ws.set('engines.node', '>=20');
      ws.set('repository.type', 'git');
    }
    for (const dep of Yarn.dependencies({ ident: 'lodash' })) {
      dep.update('4.17.21');
    }
    for (const dep of Yarn.dependencies()) {
      if (dep.type === 'peerDependencies') continue;
      for (const other of Yarn.dependencies({ ident: dep.ident })) {
        if (other.type === 'peerDependencies') continue;
        dep.update(other.range);
      }
    }
    for (const dep of Yarn.dependencies({ ident: 'ms' })) {
      dep.delete();
    }
  },
};
"""


def _mono(tmp: Path) -> Path:
    d = tmp / "pkg" / "tidepool-mono"
    if (d / "node_modules").exists():
        return d
    files = {"package.json": json.dumps({"name": "tidepool-mono", "private": True, "workspaces": ["packages/*"],
                                         "license": "MIT"}, indent=2) + "\n",
             ".yarnrc.yml": "nodeLinker: node-modules\nenableTelemetry: false\nenableGlobalCache: false\n",
             "yarn.config.cjs": CONSTRAINTS}
    for name, (deps, lic) in MONO_WS.items():
        body = {"name": f"@tidepool/{name}", "version": "0.4.0", "dependencies": deps}
        if lic:
            body["license"] = lic
        files[f"packages/{name}/package.json"] = json.dumps(body, indent=2) + "\n"
    write_tree(d, files)
    out = run("berry install --no-immutable 2>&1 | tail -n 3", cwd=d, timeout=900)
    cm.note(f"  berry install: {out.strip()[-200:]}")
    return d


def step_berry(tmp: Path) -> None:
    d = _mono(tmp)
    cap("yarn-berry-why-debug", "berry why debug", d, n_berry_why, timeout=120)
    cap("yarn-berry-why-recursive", "berry why -R ms; echo EXIT=$?", d, n_berry_why, timeout=120)
    cap("yarn-constraints", "berry constraints; echo EXIT=$?", d, n_constraints, timeout=120)


def step_pkg_get_version(tmp: Path) -> None:
    a = _api(tmp)
    cap("npm-pkg-get-all", "npm pkg get", a, n_pkg_get)
    m = _mono(tmp)
    cap("npm-pkg-get-workspaces", "npm pkg get name version license dependencies --workspaces; echo EXIT=$?", m,
        n_pkg_get)
    env = {"GIT_AUTHOR_NAME": "Mara Voss", "GIT_AUTHOR_EMAIL": "mara@example.org", "GIT_COMMITTER_NAME": "Mara Voss",
           "GIT_COMMITTER_EMAIL": "mara@example.org", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp)}
    v = tmp / "pkg" / "tidepool-release"
    pj = json.loads(_pkg_json("tidepool-release", {"semver": "^7.6.0"}, {}))
    pj["scripts"]["preversion"] = "node scripts/check.js"
    pj["scripts"]["version"] = "node scripts/changelog.js && git add CHANGELOG.md"
    write_tree(v, {"package.json": json.dumps(pj, indent=2) + "\n", "src/index.js": "module.exports = 1;\n",
                   "scripts/check.js": "const fs = require('fs');\nconst todo = fs.readFileSync('src/index.js', 'utf8').includes('TODO');\n"
                   "console.log('checking release: 14 gauges, 3 datum files');\nif (!fs.existsSync('CHANGELOG.md')) {\n"
                   "  console.error('preversion failed: CHANGELOG.md is missing');\n  process.exit(3);\n}\nif (todo) throw new Error('src/index.js still holds a TODO');\n",
                   "scripts/changelog.js": "throw new Error('changelog: no entry for the new version');\n"})
    run("git init -q && git add . && git commit -qm init", cwd=v, env=env)
    (v / "src" / "index.js").write_text("module.exports = 2; // TODO datum\n")
    (v / "notes.txt").write_text("x\n")
    cap("npm-version-dirty-invalid", "npm version patch; npm version 2.4 --no-git-tag-version; npm version v2.x "
        "--no-git-tag-version; echo EXIT=$?", v, n_version_error, env=env)
    run("git add -A && git commit -qm wip", cwd=v, env=env)
    cap("npm-version-preversion-fails", "npm version minor 2>&1 | tail -n 80; npm version premajor --preid=rc 2>&1 | tail -n 80; echo EXIT=$?", v, n_version_error, env=env)
    (v / "CHANGELOG.md").write_text("# Changelog\n")
    run("git add -A && git commit -qm changelog", cwd=v, env=env)
    cap("npm-version-script-throws", "npm version minor -m 'release %s'; echo EXIT=$?", v, n_version_error, env=env)


def step_pnpm(tmp: Path) -> None:
    d = tmp / "pkg" / "tidepool-pnpm"
    write_tree(d, {"package.json": _pkg_json("tidepool-pnpm", DEPS, DEV)})
    out = run("pnpm install --reporter=append-only 2>&1 | tail -n 3", cwd=d, timeout=900)
    cm.note(f"  pnpm install: {out.strip()[-200:]}")
    cap("pnpm-licenses-list", "pnpm licenses list", d, n_pnpm_licenses, timeout=120)
    cap("pnpm-licenses-list-prod-json", "pnpm licenses list --prod --json", d, n_pnpm_licenses, timeout=120)
    cap("pnpm-licenses-list-long", "pnpm licenses list --long | head -n 100", d, n_pnpm_licenses, timeout=120)


def step_yarn_classic(tmp: Path) -> None:
    d = tmp / "pkg" / "tidepool-yarn"
    write_tree(d, {"package.json": _pkg_json("tidepool-yarn", DEPS, DEV)})
    out = run("yarn install --non-interactive --no-progress 2>&1 | tail -n 3", cwd=d, timeout=900)
    cm.note(f"  yarn install: {out.strip()[-200:]}")
    cap("yarn-why-debug", "yarn why debug", d, n_yarn_why, timeout=120)
    cap("yarn-why-ms-loop", "for p in ms qs safe-buffer; do yarn why $p; done 2>&1", d, n_yarn_why, timeout=180)
    cap("yarn-why-missing", "yarn why left-pad; yarn why supports-color; echo EXIT=$?", d, n_yarn_why, timeout=120)


STEPS = [step_sbom, step_diff, step_dedupe_prune, step_berry, step_pkg_get_version, step_pnpm, step_yarn_classic]
