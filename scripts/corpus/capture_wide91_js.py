"""Round 91, the other JavaScript infrastructure and release CLIs on new solar-farm projects: a Cloudflare Worker
ingesting panel telemetry (`wrangler deploy --dry-run`, its build and configuration errors), a serverless 3 service of
many functions (`sls print`, `sls package`, one that succeeds), a repository whose husky pre-commit hook runs eslint and
prettier over 150+ seeded files (and one running lint-staged), a seeded history of conventional commits released by
standard-version and semantic-release dry runs, dbmate migrations on sqlite with a broken one. Other mistakes than
round 87's are put in; needles from round 87's extractors, imported. Run through capture_wide91.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide87_js import (n_dbmate_migrate, n_dbmate_status, n_husky, n_semantic_release_dry_run,
                               n_sls_package, n_sls_print, n_standard_version_dry_run, n_wrangler_config,
                               n_wrangler_deploy)
from capture_wide91 import ENV, JS, JS2, cap


def sh(cmd: str, cwd: Path) -> str:
    return run(cmd, cwd=cwd, env=ENV, timeout=300)


def link_modules(root: Path, js: Path = JS) -> None:
    nm = root / "node_modules"
    if not nm.exists():
        nm.symlink_to(js / "node_modules")


# ------------------------------------------------------------------ wrangler

WORKER_INDEX = """import { parseReading, yieldKwh } from "./reading.js";
import { alarmFor } from "./alarms.js";
export default {
  async fetch(req, env) {
    const r = parseReading(await req.json());
    await env.READINGS.put(`${r.site}/${r.panel}/${r.ts}`, JSON.stringify(r));
    const alarm = alarmFor(r, Number(env.MIN_VOLTAGE));
    if (alarm) await env.ALARMS.send(alarm);
    return Response.json({ ok: true, kwh: yieldKwh(r) });
  },
  async scheduled(ev, env) { await env.DB.prepare("delete from readings where ts < ?").bind(Date.now() - 864e5).run(); },
};
"""
WORKER_READING = """export function parseReading(b) { return { site: b.site, panel: b.panel, ts: b.ts, volts: +b.v, amps: +b.a }; }
export function yieldKwh(r) { return (r.volts * r.amps) / 1000 / 12; }
"""
WORKER_ALARMS = """export function alarmFor(r, min) { return r.volts < min ? { site: r.site, panel: r.panel, volts: r.volts } : null; }
"""


def wrangler_toml(rng: random.Random, n_kv: int, n_vars: int, bad: str = "") -> str:
    out = ['name = "panel-ingest"', 'main = "src/index.js"', 'compatibility_date = "2024-11-01"', ""]
    for i in range(n_kv):
        out += ["[[kv_namespaces]]", f'binding = "{"READINGS" if i == 0 else f"SITE_{i:02d}_CACHE"}"',
                f'id = "{rng.getrandbits(128):032x}"', ""]
    out += ["[[d1_databases]]", 'binding = "DB"', 'database_name = "panels"', f'database_id = "{rng.getrandbits(128):032x}"', ""]
    out += ["[[queues.producers]]", 'binding = "ALARMS"', 'queue = "panel-alarms"', ""]
    out += ["[[analytics_engine_datasets]]", 'binding = "METRICS"', 'dataset = "panel_metrics"', ""]
    out += ["[vars]", 'MIN_VOLTAGE = "18"'] + [f'SITE_{i:02d}_TZ = "{rng.choice(["UTC", "Europe/Madrid", "Asia/Kolkata", "Africa/Cairo"])}"'
                                              for i in range(n_vars)]
    if bad == "fields":
        out += ["", "[triggers]", "crons = [5]", "", "[[d1_databases]]", 'binding = "DB2"', "", "[observability]",
                'enabled = "yes"', "", "[limits]", "cpu_ms = \"fast\"", "", "[site]", 'bucket = 12']
    return "\n".join(out) + "\n"


def cap_wrangler(tmp: Path) -> None:
    rng = random.Random(9104)
    w = tmp / "panel-ingest"
    write_tree(w, {"src/index.js": WORKER_INDEX, "src/reading.js": WORKER_READING, "src/alarms.js": WORKER_ALARMS,
                   "package.json": '{"name": "panel-ingest", "version": "1.3.0", "private": true, "type": "module"}\n'})
    link_modules(w)
    (w / "wrangler.toml").write_text(wrangler_toml(rng, 30, 90))
    cap("wrangler-deploy", "wrangler deploy --dry-run --outdir dist 2>&1; echo EXIT=$?", w, n_wrangler_deploy)
    (w / "wrangler.toml").write_text(wrangler_toml(rng, 2, 5))
    cap("wrangler-deploy-small", "wrangler deploy --dry-run --outdir dist --minify", w, n_wrangler_deploy)
    # build errors: a dozen site adapters calling a misnamed export and a JSX-like typo
    for i in range(12):
        (w / "src" / f"site{i:02d}.js").write_text(
            f'import {{ parseReadng }} from "./reading.js";\n'
            f'export const adapt{i} = (b) => {{ const r = parseReadng(b); return <Reading value={{r}} />; }};\n')
    (w / "src" / "index.js").write_text("".join(f'import {{ adapt{i} }} from "./site{i:02d}.js";\n' for i in range(12))
                                        + WORKER_INDEX)
    cap("wrangler-deploy-build-error", "wrangler deploy --dry-run --outdir dist 2>&1 | tail -n 100", w, n_wrangler_deploy)
    (w / "src" / "index.js").write_text(WORKER_INDEX)
    (w / "wrangler.toml").write_text(wrangler_toml(rng, 3, 8, bad="fields"))
    cap("wrangler-config-error", "wrangler deploy --dry-run --outdir dist; echo EXIT=$?", w, n_wrangler_config)
    (w / "wrangler.toml").write_text('name = "panel-ingest"\nmain = "src/index.js"\ncompatibility_date = "2024-11-01"\n'
                                     'workers_dev = "true"\n[vars]\nMIN_VOLTAGE = 18\n[env.live]\nname = 3\n'
                                     '[[env.live.queues.producers]]\nqueue = "panel-alarms"\n[env.live.vars]\nMIN_VOLTAGE = [18]\n')
    cap("wrangler-config-error-env", "wrangler deploy --dry-run --outdir dist --env live 2>&1 | head -n 60", w,
        n_wrangler_config)


# ------------------------------------------------------------------ serverless 3

VERBS = ["list", "get", "put", "ack", "purge", "rollup", "forecast", "curtail", "export", "replay"]
NOUNS = ["sites", "panels", "inverters", "strings", "batteries", "meters", "alarms"]


def sls_yml(rng: random.Random, n: int, broken: bool = False) -> str:
    out = ["service: solar-ops", "frameworkVersion: '3'", "provider:", "  name: aws", "  runtime: python3.12",
           "  region: eu-south-2", "  stage: ${opt:stage, 'test'}", "  memorySize: 512", "  environment:",
           "    READINGS_TABLE: ${self:custom.readings}", "    STAGE: ${sls:stage}"]
    if broken:
        out += ["    GRID_KEY: ${env:GRID_API_KEY}", "    FORECAST_URL: ${self:custom.forecastUrl}",
                "    ARCHIVE: ${file(./archive.yml):bucket}"]
    out += ["custom:", "  readings: readings-${sls:stage}", "package:", "  individually: false", "  patterns:",
            "    - '!tests/**'", "    - '!**/*.md'", "functions:"]
    for i in range(n):
        v, nn = VERBS[i % len(VERBS)], NOUNS[(i // len(VERBS)) % len(NOUNS)]
        name = f"{nn}-{v}"
        out += [f"  {name}:", f"    handler: handlers/{nn}.{v}", f"    timeout: {rng.choice([6, 15, 29, 60, 120])}"]
        if rng.random() < 0.4:
            out += [f"    memorySize: {rng.choice([256, 1024, 2048])}"]
        out += ["    events:", f"      - http:", f"          path: /{nn}/{v}", f"          method: {rng.choice(['get', 'post'])}"]
        if v in ("rollup", "forecast"):
            out += [f"      - schedule: cron(0 {rng.randint(0, 23)} * * ? *)"]
        if broken and i == 3:
            out += ["    reservedConcurrency: lots", "    layers: arn-of-nothing"]
    out += ["resources:", "  Resources:", "    ReadingsTable:", "      Type: AWS::DynamoDB::Table", "      Properties:",
            "        TableName: ${self:custom.readings}", "        BillingMode: PAY_PER_REQUEST",
            "        AttributeDefinitions:", "          - AttributeName: panelId", "            AttributeType: S",
            "        KeySchema:", "          - AttributeName: panelId", "            KeyType: HASH"]
    return "\n".join(out) + "\n"


def cap_sls(tmp: Path) -> None:
    rng = random.Random(9105)
    d = tmp / "solar-ops"
    files = {f"handlers/{nn}.py": "".join(f"def {v}(event, context):\n    return {{'statusCode': 200, 'body': '{v} {nn}'}}\n\n"
                                          for v in VERBS) for nn in NOUNS}
    files["package.json"] = '{"name": "solar-ops", "version": "0.8.0", "private": true}\n'
    write_tree(d, files)
    (d / "serverless.yml").write_text(sls_yml(rng, 60))
    cap("sls-print", "sls print --format yaml; echo EXIT=$?", d, n_sls_print)
    cap("sls-package", "sls package --stage live 2>&1 | tail -n 40; echo EXIT=$?", d, n_sls_package)
    cap("sls-print-stage", "sls print --stage live 2>&1 | head -n 120", d, n_sls_print)
    (d / "serverless.yml").write_text(sls_yml(rng, 20, broken=True))
    cap("sls-print-error", "sls print 2>&1 | tail -n 60", d, n_sls_print)
    cap("sls-package-error", "sls package; echo EXIT=$?", d, n_sls_package)


# ------------------------------------------------------------------ husky

ESLINTRC = {"root": True, "env": {"node": True, "es2022": True}, "parserOptions": {"ecmaVersion": 2022, "sourceType": "module"},
            "extends": "eslint:recommended", "rules": {"no-unused-vars": "error", "no-shadow": "warn", "dot-notation": "warn",
                                                       "no-param-reassign": "error", "no-else-return": "warn"}}


def seeded_module(rng: random.Random, i: int) -> str:
    """A small yield-model module with seeded mistakes (unused imports, shadowing, param reassign, undefined names)."""
    out = [f"// yield model for inverter family {i}", "import { derate, round2 } from '../math.js';", ""]
    for j in range(rng.randint(1, 4)):
        body = [f"export function yield{i}_{j}(panel, irradiance) {{", "  const base = panel.watts * irradiance / 1000;"]
        if rng.random() < 0.2:
            body.append("  irradiance = Math.max(0, irradiance);")
        if rng.random() < 0.2:
            body.append("  const panel2 = panel['temp'];")
        if rng.random() < 0.25:
            body.append("  { const base = 0; void base; }")
        if rng.random() < 0.12:
            body.append("  if (soiling > 0.2) return 0;")
        if rng.random() < 0.25:
            body += ["  if (base < 0) {", "    return 0;", "  } else {", "    return round2(derate(base, panel.age));", "  }"]
        body += ["  return round2(derate(base, panel.age));", "}", ""]
        out += body
    if rng.random() < 0.3:
        out.append("import { unusedHelper } from '../math.js';")
    return "\n".join(out) + "\n"


def cap_husky(tmp: Path) -> None:
    rng = random.Random(9106)
    r = tmp / "yield-models"
    files = {f"src/models/m{i:03d}.js": seeded_module(rng, i) for i in range(170)}
    files["src/math.js"] = "export const derate = (w, age) => w * (1 - 0.005 * age);\nexport const round2 = (x) => Math.round(x * 100) / 100;\n"
    files[".eslintrc.json"] = json.dumps(ESLINTRC, indent=2) + "\n"
    files[".prettierrc"] = '{"semi": false, "printWidth": 80}\n'
    files["package.json"] = json.dumps({"name": "yield-models", "version": "2.4.0", "private": True, "type": "module",
                                        "lint-staged": {"src/**/*.js": ["prettier --check", "eslint --max-warnings 0"]}},
                                       indent=2) + "\n"
    files[".gitignore"] = "node_modules\n"
    write_tree(r, files)
    link_modules(r)
    sh("git init -q -b main . && git add -A && git commit -qm 'chore: seed' --no-verify && husky", r)
    (r / ".husky").mkdir(exist_ok=True)
    (r / ".husky" / "pre-commit").write_text("npx prettier --check src\n")
    for i in range(0, 170, 2):
        p = r / "src" / "models" / f"m{i:03d}.js"
        p.write_text(p.read_text() + f"export const revised{i} = 2;\n")
    sh("git add -A", r)
    cap("husky-prettier-all", "git commit -m 'feat: bifacial gain'; echo EXIT=$?", r, n_husky)
    (r / ".husky" / "pre-commit").write_text("npx eslint src\n")
    cap("husky-eslint-tail", "git commit -m 'feat: bifacial gain' 2>&1 | tail -n 120", r, n_husky)
    (r / ".husky" / "pre-commit").write_text("npx eslint src/models/m1*.js --quiet && npx prettier --check src/models/m1*.js\n")
    cap("husky-eslint-quiet", "git commit -m 'perf: cache derating'", r, n_husky)
    (r / ".husky" / "pre-commit").write_text("npx lint-staged\n")
    sh("git reset -q && git add src/models/m04*.js src/models/m05*.js", r)
    cap("husky-lint-staged", "git commit -m 'fix: derating by age'; echo EXIT=$?", r, n_husky)


# ------------------------------------------------------------------ releases

SCOPES = ["yield", "inverter", "forecast", "ui", "api", None, None]
SUBJECTS = ["add {x} report", "correct {x} rounding", "expose {x} in API", "retry {x} uploads", "batch {x} writes",
            "show {x} on dashboard", "remove deprecated {x} flag"]
THINGS = ["irradiance", "curtailment", "soiling", "clipping", "tracker", "string", "albedo", "degradation", "outage"]


def history(r: Path, rng: random.Random, n: int, tag_every: int) -> None:
    """n conventional commits, tagged every `tag_every` commits as releases of 3.x."""
    sh("git init -q -b main . && git add -A && git commit -qm 'chore: initial import'", r)
    sh("git tag v3.0.0", r)
    minor, script = 0, []
    for i in range(n):
        typ = rng.choices(["feat", "fix", "perf", "docs", "chore", "test"], [3, 4, 1, 1, 1, 1])[0]
        scope = rng.choice(SCOPES)
        head = f"{typ}{'(' + scope + ')' if scope else ''}: {rng.choice(SUBJECTS).format(x=rng.choice(THINGS))}"
        body = f"BREAKING CHANGE: {rng.choice(THINGS)} values are now in kWh" if rng.random() < 0.05 else ""
        script.append(f"echo '{i}' >> NOTES.txt && git add -A && git commit -q -m \"{head}\""
                      + (f" -m \"{body}\"" if body else ""))
        if (i + 1) % tag_every == 0 and i + 1 < n:
            minor += 1
            script.append(f"git tag v3.{minor}.0")
    for k in range(0, len(script), 40):
        sh(" && ".join(script[k:k + 40]), r)


def cap_release(tmp: Path) -> None:
    rng = random.Random(9107)
    r = tmp / "yield-cli"
    remote = tmp / "yield-cli.git"
    write_tree(r, {"package.json": json.dumps({"name": "yield-cli", "version": "3.0.0", "license": "Apache-2.0",
                                               "repository": {"type": "git", "url": f"file://{remote}"}}, indent=2) + "\n",
                   "cli.js": "module.exports = {};\n", ".gitignore": "node_modules\n"})
    link_modules(r)
    history(r, rng, 150, 60)
    pkg = json.loads((r / "package.json").read_text())
    pkg["version"] = sh("git describe --tags --abbrev=0", r).strip().lstrip("v")
    (r / "package.json").write_text(json.dumps(pkg, indent=2) + "\n")
    sh("git commit -qam 'chore: sync version'", r)
    cap("standard-version", "standard-version --dry-run 2>&1 | head -n 150", r, n_standard_version_dry_run)
    cap("standard-version-beta", "standard-version --dry-run --prerelease beta --skip.commit; echo EXIT=$?", r,
        n_standard_version_dry_run)
    cap("semantic-release-no-token", "semantic-release --dry-run --no-ci --branches main 2>&1 | tail -n 60", r,
        n_semantic_release_dry_run)
    sh(f"git clone -q --bare . {remote} && git remote add origin {remote} && git push -q origin main --tags "
       f"&& git branch -q -u origin/main", r)
    cap("semantic-release-notes", "semantic-release --dry-run --no-ci --branches main --plugins "
        "@semantic-release/commit-analyzer,@semantic-release/release-notes-generator; echo EXIT=$?", r,
        n_semantic_release_dry_run)
    cap("semantic-release-full", "semantic-release --dry-run --no-ci --branches main 2>&1 | tail -n 80; echo EXIT=$?", r,
        n_semantic_release_dry_run)
    (r / "cli.js").write_text("module.exports = { wip: true };\n")
    cap("standard-version-dirty", "standard-version --dry-run --release-as major", r, n_standard_version_dry_run)


# ------------------------------------------------------------------ dbmate

def cap_dbmate(tmp: Path) -> None:
    rng = random.Random(9108)
    d = tmp / "solar-db"
    files = {".env": 'DATABASE_URL="sqlite:db/solar.sqlite3"\n'}
    tables = ["sites", "panels", "inverters", "strings", "readings", "faults", "forecasts"]
    for i in range(48):
        ts = f"2025{1 + i // 25:02d}{1 + i % 25:02d}{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}00"
        t = tables[i % len(tables)]
        if i < len(tables):
            up, down = f"create table {t} (id integer primary key, site_id integer);", f"drop table {t};"
        else:
            col = f"{rng.choice(['kw', 'tilt', 'azimuth', 'serial'])}_{i}"
            up, down = f"alter table {t} add column {col} real;", f"alter table {t} drop column {col};"
        if i == 33:
            up = f"create index idx_{t}_site on {t}(site_uid);"  # a column that does not exist
        files[f"db/migrations/{ts}_{t}_{i:02d}.sql"] = f"-- migrate:up\n{up}\n\n-- migrate:down\n{down}\n"
    write_tree(d, files)
    cap("dbmate-migrate", "dbmate --wait migrate; echo EXIT=$?", d, n_dbmate_migrate)
    cap("dbmate-status", "dbmate status", d, n_dbmate_status)
    cap("dbmate-rollback", "for i in $(seq 16); do dbmate rollback; done; echo EXIT=$?", d,
        n_dbmate_migrate)
    cap("dbmate-status-exit", "dbmate status --exit-code; echo EXIT=$?", d, n_dbmate_status)


def cap_dbmate_big(tmp: Path) -> None:
    """A second, longer history: 130 migrations of a forecasting schema, a duplicate column late in it."""
    rng = random.Random(9109)
    d = tmp / "forecast-db"
    files = {".env": 'DATABASE_URL="sqlite:db/forecast.sqlite3"\n'}
    for i in range(130):
        ts = f"2023{1 + i // 28:02d}{1 + i % 28:02d}{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"
        if i < 10:
            up, down = f"create table horizon_{i} (id integer primary key);", f"drop table horizon_{i};"
        else:
            col = f"{rng.choice(['ghi', 'dni', 'cloud', 'temp', 'wind'])}_{i}"
            up, down = f"alter table horizon_{i % 10} add column {col} real;", f"alter table horizon_{i % 10} drop column {col};"
        if i == 117:
            up = f"alter table horizon_{i % 10} add column id integer;"  # the table's key column again
        files[f"db/migrations/{ts}_forecast_{i:03d}.sql"] = f"-- migrate:up\n{up}\n\n-- migrate:down\n{down}\n"
    write_tree(d, files)
    cap("dbmate-up-long", "dbmate --no-dump-schema up 2>&1 | tail -n 120; echo EXIT=$?", d, n_dbmate_migrate)
    cap("dbmate-status-long", "dbmate status 2>&1 | grep -v '^\\[X\\]' ; dbmate status | head -n 3", d, n_dbmate_status)


STEPS = [cap_wrangler, cap_sls, cap_husky, cap_release, cap_dbmate, cap_dbmate_big]
