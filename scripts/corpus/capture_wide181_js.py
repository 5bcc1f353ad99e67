"""Round 181, round 87's kinds: JavaScript infrastructure and release CLIs run offline on new projects for a city
library network: a CDK app of many branch stacks (`cdk synth` with the app's own error and warning annotations, a
template, synths that throw, `cdk diff` against saved templates, `cdk ls`), a Cloudflare Worker for book returns
(`wrangler deploy --dry-run`, `wrangler types`, configuration errors), a serverless 3 service of catalogue functions
(`sls print`, `sls package`), a repository of seeded modules under a husky pre-commit hook, a seeded history of
conventional commits (standard-version, semantic-release, release-it dry runs, conventional-changelog), dbmate
migrations on sqlite with a broken one, bundle budgets. Needles from round 87's extractors, imported. Run through
capture_wide181.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide87_cdk import n_cdk_diff, n_cdk_ls, n_cdk_synth_all, n_cdk_synth_error, n_cdk_template
from capture_wide87_js import (n_bundlesize, n_changelog, n_dbmate_migrate, n_dbmate_status, n_husky,
                               n_release_it_dry_run, n_semantic_release_dry_run, n_sls_package, n_sls_print,
                               n_standard_version_dry_run, n_wrangler_config, n_wrangler_deploy, n_wrangler_types)
from capture_wide181 import ENV, TOOLS87, cap

JS, JS2 = TOOLS87 / "js", TOOLS87 / "js2"


def sh(cmd: str, cwd: Path) -> str:
    return run(cmd, cwd=cwd, env=ENV, timeout=300)


def link_modules(root: Path, js: Path = JS) -> None:
    nm = root / "node_modules"
    if not nm.exists():
        nm.symlink_to(js / "node_modules")


# ------------------------------------------------------------------ CDK

APP_JS = r"""const cdk = require('aws-cdk-lib');
const { branchStack } = require('../lib/branch-stack');

const net = require('../branches.json');
const app = new cdk.App();
for (const b of net.branches) branchStack(app, b);
"""

STACK_JS = r"""const cdk = require('aws-cdk-lib');
const { Annotations, Duration, RemovalPolicy } = cdk;
const s3 = require('aws-cdk-lib/aws-s3');
const sqs = require('aws-cdk-lib/aws-sqs');
const sns = require('aws-cdk-lib/aws-sns');
const lambda = require('aws-cdk-lib/aws-lambda');
const ddb = require('aws-cdk-lib/aws-dynamodb');
const events = require('aws-cdk-lib/aws-events');
const targets = require('aws-cdk-lib/aws-events-targets');

const RUNTIMES = { node18: lambda.Runtime.NODEJS_18_X, node20: lambda.Runtime.NODEJS_20_X,
  node22: lambda.Runtime.NODEJS_22_X, py312: lambda.Runtime.PYTHON_3_12 };

function branchStack(app, b) {
  const stack = new cdk.Stack(app, b.name, { description: `library branch ${b.branch} (${b.stage})` });
  const scans = new s3.Bucket(stack, 'CoverScans', { versioned: b.versioned, removalPolicy: RemovalPolicy.RETAIN,
    lifecycleRules: b.expireDays ? [{ expiration: Duration.days(b.expireDays) }] : [] });
  if (!b.versioned && b.stage === 'live') {
    Annotations.of(scans).addError(`bucket CoverScans of ${b.branch} holds patron exports and must be versioned`);
  }
  const loans = new ddb.Table(stack, 'LoansTable', { partitionKey: { name: 'patronId', type: ddb.AttributeType.STRING },
    sortKey: { name: 'dueAt', type: ddb.AttributeType.NUMBER }, billingMode: ddb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecovery: b.pitr });
  if (!b.pitr) Annotations.of(loans).addWarningV2('library:no-pitr', `loans table of ${b.branch} has no point-in-time recovery`);
  const notices = new sns.Topic(stack, 'OverdueNotices', { displayName: `${b.branch} overdue notices` });
  b.jobs.forEach((j) => {
    const holds = new sqs.Queue(stack, `${j.id}Holds`, { visibilityTimeout: Duration.seconds(j.visibility),
      retentionPeriod: Duration.days(j.retentionDays) });
    const fn = new lambda.Function(stack, `${j.id}Job`, {
      runtime: RUNTIMES[j.runtime], handler: 'index.handler',
      code: lambda.Code.fromInline(j.runtime === 'py312' ? 'def handler(e, c):\n    return 1\n' : 'exports.handler = async () => 1;'),
      timeout: Duration.seconds(j.timeout), memorySize: j.memory,
      environment: { BRANCH: b.branch, SHELVES: String(b.shelves), HOLDS: holds.queueUrl },
    });
    if (j.timeout > j.visibility) {
      Annotations.of(fn).addWarningV2('library:visibility', `job ${j.id} runs up to ${j.timeout}s but its holds queue hides messages for ${j.visibility}s`);
    }
    if (j.runtime === 'node18') Annotations.of(fn).addInfo(`job ${j.id} still on Node.js 18`);
    holds.grantConsumeMessages(fn);
    loans.grantReadWriteData(fn);
    notices.grantPublish(fn);
    new events.Rule(stack, `${j.id}Schedule`, { schedule: events.Schedule.cron({ minute: '0', hour: String(j.hour) }),
      targets: [new targets.LambdaFunction(fn)] });
  });
  if (b.typo) new cdk.CfnOutput(stack, 'BranchCity', { value: b.address.city });
  new cdk.CfnOutput(stack, 'ScansBucket', { value: scans.bucketName });
  new cdk.CfnOutput(stack, 'NoticesTopic', { value: notices.topicArn });
  return stack;
}

module.exports = { branchStack };
"""

BRANCHES = ["Central", "Riverside", "Hillcrest", "Northgate", "Eastfield", "Marston", "Oakwood", "Harbour", "Fenwick",
            "Ashby", "Kingsmead", "Larchmont", "Brookvale", "Sutton", "Westerly", "Millbank", "Cobbs", "Dunmore",
            "Greywell", "Pennington"]
STAGES = ["Staging", "Live"]
JOBS = ["Overdue", "Reserve", "Renewal", "Digitise", "Inventory", "Transfer"]


def branches(seed: int, n: int, variant: str = "base") -> dict:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        br, stage = BRANCHES[i % len(BRANCHES)], STAGES[(i // len(BRANCHES)) % 2]
        b = {"name": f"Library{br}{stage}Stack", "branch": br.lower(), "stage": stage.lower(),
             "shelves": rng.randint(40, 4000), "versioned": rng.random() < 0.6, "pitr": rng.random() < 0.55,
             "expireDays": rng.choice([None, 90, 365, None])}
        b["jobs"] = [{"id": nm, "visibility": rng.choice([30, 60, 120, 300]), "timeout": rng.choice([10, 30, 90, 240]),
                      "retentionDays": rng.choice([1, 4, 7, 14]), "runtime": rng.choice(["node22", "node20", "node18", "py312"]),
                      "memory": rng.choice([128, 256, 512, 1024]), "hour": rng.randint(0, 23)}
                     for nm in rng.sample(JOBS, rng.randint(1, 3))]
        out.append(b)
    if variant == "retention":  # 21 days: aws-cdk-lib allows 1 minute to 14 days
        out[5]["jobs"][0]["retentionDays"] = 21
    if variant == "typo":  # reads an address the spec never gives
        out[8]["typo"] = True
    if variant == "clean":
        for b in out:
            b["versioned"], b["pitr"] = True, True
            for j in b["jobs"]:
                j["timeout"], j["runtime"] = min(j["timeout"], j["visibility"]), "node22"
    return {"branches": out}


def change(sp: dict, names: set[str], seed: int) -> dict:
    """The next version of some stacks: a job added, timeouts, memory and runtimes changed, point-in-time recovery on."""
    rng = random.Random(seed)
    out = json.loads(json.dumps(sp))
    for b in out["branches"]:
        if b["name"] not in names:
            continue
        have = {j["id"] for j in b["jobs"]}
        b["jobs"].append({"id": next(x for x in JOBS if x not in have), "visibility": 300, "timeout": 60,
                          "retentionDays": 4, "runtime": "node22", "memory": 512, "hour": 3})
        for j in b["jobs"]:
            j["memory"] = rng.choice([256, 1024, 2048])
            j["runtime"] = "node22" if j["runtime"].startswith("node") else "py312"
        if len(b["jobs"]) > 2:
            b["jobs"].pop(0)
        b["pitr"] = True
        b["versioned"] = not b["versioned"]
    return out


def write_app(root: Path, sp: dict) -> None:
    (root / "bin").mkdir(parents=True, exist_ok=True)
    (root / "lib").mkdir(parents=True, exist_ok=True)
    (root / "cdk.json").write_text(json.dumps({"app": "node bin/app.js", "context": {}}, indent=2) + "\n")
    (root / "package.json").write_text(json.dumps({"name": "library-infra", "version": "5.0.1", "private": True}) + "\n")
    (root / "bin" / "app.js").write_text(APP_JS)
    (root / "lib" / "branch-stack.js").write_text(STACK_JS)
    (root / "branches.json").write_text(json.dumps(sp, indent=1) + "\n")
    link_modules(root)


def cap_cdk(tmp: Path) -> None:
    app = tmp / "library-infra"
    base = branches(18101, 38)
    write_app(app, base)
    cap("cdk-synth-all", "cdk synth --no-notices 2>&1 | grep -v '^\\s*$' | head -n 400; echo EXIT=$?", app,
        n_cdk_synth_all)
    cap("cdk-ls", "cdk ls --no-notices", app, n_cdk_ls)
    pilot = tmp / "library-pilot"
    write_app(pilot, branches(18102, 10, "clean"))
    cap("cdk-synth-template", "cdk synth --no-notices LibraryRiversideStagingStack", pilot, n_cdk_template)
    names = [b["name"] for b in base["branches"]]
    chosen = [names[4], names[17]]  # staging stacks: a stack with an error annotation prints no template
    for nm in chosen:
        run(f"CI= cdk synth --no-notices {nm} > saved-{nm}.yaml 2>/dev/null", cwd=app, env=ENV, timeout=300)
    write_app(app, change(base, set(chosen), 18103))
    cap("cdk-diff-a", f"cdk diff --no-notices --template saved-{chosen[0]}.yaml {chosen[0]} 2>&1; echo EXIT=$?", app,
        n_cdk_diff)
    cap("cdk-diff-b", f"cdk diff --no-notices --template saved-{chosen[1]}.yaml {chosen[1]} 2>&1 | head -n 150", app,
        n_cdk_diff)
    write_app(app, branches(18101, 38, "typo"))
    cap("cdk-synth-error-typo", "cdk synth --no-notices 2>&1 | tail -n 40; echo EXIT=$?", app, n_cdk_synth_error)
    write_app(app, branches(18101, 38, "retention"))
    cap("cdk-synth-error-retention", "node bin/app.js > synth.log 2>&1; echo EXIT=$?; cut -c1-200 synth.log | head -n 50",
        app, n_cdk_synth_error)


# ------------------------------------------------------------------ wrangler

WORKER_INDEX = """import { parseReturn, fineFor } from "./returns.js";
import { shelveKey } from "./shelve.js";
export default {
  async fetch(req, env) {
    const r = parseReturn(await req.json());
    await env.RETURNS.put(shelveKey(r), JSON.stringify(r));
    const fine = fineFor(r, Number(env.DAILY_FINE_CENTS));
    if (fine > 0) await env.FINES.send({ patron: r.patron, cents: fine });
    return Response.json({ ok: true, fine });
  },
  async scheduled(ev, env) { await env.CATALOGUE.prepare("update loans set overdue = 1 where due < ?").bind(Date.now()).run(); },
};
"""
WORKER_RETURNS = """export function parseReturn(b) { return { patron: b.patron, item: b.item, branch: b.branch, due: b.due, at: Date.now() }; }
export function fineFor(r, perDay) { return Math.max(0, Math.floor((r.at - r.due) / 864e5)) * perDay; }
"""
WORKER_SHELVE = """export const shelveKey = (r) => `${r.branch}/${r.item}`;
"""


def wrangler_toml(rng: random.Random, n_kv: int, n_vars: int, bad: str = "") -> str:
    out = ['name = "book-returns"', 'main = "src/index.js"', 'compatibility_date = "2025-01-15"', ""]
    for i in range(n_kv):
        out += ["[[kv_namespaces]]", f'binding = "{"RETURNS" if i == 0 else f"BRANCH_{i:02d}_SHELF"}"',
                f'id = "{rng.getrandbits(128):032x}"', ""]
    out += ["[[d1_databases]]", 'binding = "CATALOGUE"', 'database_name = "catalogue"',
            f'database_id = "{rng.getrandbits(128):032x}"', ""]
    out += ["[[queues.producers]]", 'binding = "FINES"', 'queue = "fines"', ""]
    out += ["[[r2_buckets]]", 'binding = "COVERS"', 'bucket_name = "cover-scans"', ""]
    out += ["[vars]", 'DAILY_FINE_CENTS = "20"'] + [
        f'BRANCH_{i:02d}_HOURS = "{rng.choice(["9-17", "10-18", "9-20", "12-16"])}"' for i in range(n_vars)]
    if bad == "fields":
        out += ["", "[triggers]", 'crons = "daily"', "", "[[r2_buckets]]", 'binding = "SCANS"', "",
                "[placement]", 'mode = 3', "", "[build]", "command = [\"npm\", \"run\", \"build\"]", "",
                "[[services]]", 'binding = 12']
    return "\n".join(out) + "\n"


def cap_wrangler(tmp: Path) -> None:
    rng = random.Random(18104)
    w = tmp / "book-returns"
    write_tree(w, {"src/index.js": WORKER_INDEX, "src/returns.js": WORKER_RETURNS, "src/shelve.js": WORKER_SHELVE,
                   "package.json": '{"name": "book-returns", "version": "2.0.3", "private": true, "type": "module"}\n'})
    link_modules(w)
    (w / "wrangler.toml").write_text(wrangler_toml(rng, 40, 120))
    cap("wrangler-deploy", "wrangler deploy --dry-run --outdir dist 2>&1 | head -n 200", w, n_wrangler_deploy)
    cap("wrangler-types", "wrangler types 2>&1; echo EXIT=$?", w, n_wrangler_types)
    # build errors: sixteen branch adapters importing a misspelt export and a file that is not there, one with a typo
    for i in range(16):
        (w / "src" / f"branch{i:02d}.js").write_text(
            f'import {{ fineFr }} from "./returns.js";\nimport {{ hours }} from "./hours/{BRANCHES[i].lower()}.js";\n'
            f'export const branch{i} = (r) => fineFr(r, hours(r.branch)) ' + ("+" if i != 9 else "+ ;") + ' 0;\n')
    (w / "src" / "index.js").write_text("".join(f'import {{ branch{i} }} from "./branch{i:02d}.js";\n' for i in range(16))
                                        + WORKER_INDEX)
    cap("wrangler-deploy-build-error", "wrangler deploy --dry-run --outdir dist; echo EXIT=$?", w, n_wrangler_deploy)
    (w / "src" / "index.js").write_text(WORKER_INDEX)
    (w / "wrangler.toml").write_text(wrangler_toml(rng, 3, 6, bad="fields"))
    cap("wrangler-config-error", "wrangler deploy --dry-run --outdir dist 2>&1 | tail -n 60; echo EXIT=$?", w,
        n_wrangler_config)


# ------------------------------------------------------------------ serverless 3

VERBS = ["search", "get", "hold", "renew", "return", "suggest", "weed", "import", "export", "audit", "merge"]
NOUNS = ["titles", "copies", "patrons", "holds", "shelves", "serials"]


def sls_yml(rng: random.Random, n: int, broken: bool = False) -> str:
    out = ["service: catalogue-api", "frameworkVersion: '3'", "provider:", "  name: aws", "  runtime: nodejs20.x",
           "  region: eu-north-1", "  stage: ${opt:stage, 'staging'}", "  memorySize: 256", "  environment:",
           "    TITLES_TABLE: ${self:custom.titles}", "    STAGE: ${sls:stage}"]
    if broken:
        out += ["    OPAC_TOKEN: ${env:OPAC_TOKEN}", "    COVERS: ${self:custom.coverBucket}",
                "    Z3950_HOST: ${file(./z3950.yml):host}", "    FEED: ${ssm:/catalogue/feed}"]
    out += ["custom:", "  titles: titles-${sls:stage}", "package:", "  patterns:", "    - '!fixtures/**'", "functions:"]
    for i in range(n):
        v, nn = VERBS[i % len(VERBS)], NOUNS[(i // len(VERBS)) % len(NOUNS)]
        out += [f"  {v}{nn.capitalize()}:", f"    handler: src/{nn}.{v}", f"    timeout: {rng.choice([6, 10, 29, 45, 90])}"]
        if rng.random() < 0.35:
            out += [f"    memorySize: {rng.choice([512, 1024, 3008])}"]
        out += ["    events:", f"      - httpApi: {rng.choice(['GET', 'POST'])} /{nn}/{v}"]
        if v in ("weed", "audit"):
            out += [f"      - schedule: cron(30 {rng.randint(0, 23)} ? * MON *)"]
        if broken and i == 5:
            out += ["    provisionedConcurrency: many", "    reservedConcurrency: lots"]
    out += ["resources:", "  Resources:", "    TitlesTable:", "      Type: AWS::DynamoDB::Table", "      Properties:",
            "        TableName: ${self:custom.titles}", "        BillingMode: PAY_PER_REQUEST",
            "        AttributeDefinitions:", "          - AttributeName: isbn", "            AttributeType: S",
            "        KeySchema:", "          - AttributeName: isbn", "            KeyType: HASH"]
    return "\n".join(out) + "\n"


def cap_sls(tmp: Path) -> None:
    rng = random.Random(18105)
    d = tmp / "catalogue-api"
    files = {f"src/{nn}.js": "".join(f"module.exports.{v} = async () => ({{ statusCode: 200, body: '{v} {nn}' }});\n"
                                     for v in VERBS) for nn in NOUNS}
    files["package.json"] = '{"name": "catalogue-api", "version": "4.1.0", "private": true}\n'
    write_tree(d, files)
    (d / "serverless.yml").write_text(sls_yml(rng, 66))
    cap("sls-print", "sls print --stage live 2>&1 | head -n 300", d, n_sls_print)
    cap("sls-package", "sls package --stage live; echo EXIT=$?", d, n_sls_package)
    (d / "serverless.yml").write_text(sls_yml(rng, 18, broken=True))
    cap("sls-package-error", "sls package 2>&1 | tail -n 50; echo EXIT=$?", d, n_sls_package)


# ------------------------------------------------------------------ husky

ESLINTRC = {"root": True, "env": {"browser": True, "es2022": True},
            "parserOptions": {"ecmaVersion": 2022, "sourceType": "module"}, "extends": "eslint:recommended",
            "rules": {"no-unused-vars": "error", "eqeqeq": "warn", "no-empty": "error", "no-console": "warn",
                      "prefer-template": "warn"}}


def seeded_module(rng: random.Random, i: int) -> str:
    """A small OPAC widget module with seeded mistakes (unused vars, ==, empty blocks, console, concatenation)."""
    out = [f"// catalogue widget {i}", "import { h, esc } from '../dom.js';", ""]
    for j in range(rng.randint(1, 4)):
        body = [f"export function widget{i}_{j}(title, copies) {{"]
        if rng.random() < 0.25:
            body.append(f"  const spare{j} = copies.length;")
        if rng.random() < 0.25:
            body.append("  if (title.format == 'dvd') return h('span', 'film');")
        if rng.random() < 0.12:
            body.append("  try { title.touch(); } catch (e) {}")
        if rng.random() < 0.2:
            body.append("  console.log('render ' + title.isbn);")
        if rng.random() < 0.1:
            body.append("  return h('li', esc(title.name) + shelfMark);")
        body += ["  return h('li', esc(title.name), copies.map((c) => h('span', c.branch)));", "}", ""]
        out += body
    return "\n".join(out) + "\n"


def cap_husky(tmp: Path) -> None:
    rng = random.Random(18106)
    r = tmp / "opac-widgets"
    files = {f"src/widgets/w{i:03d}.js": seeded_module(rng, i) for i in range(190)}
    files["src/dom.js"] = "export const h = (t, ...c) => ({ t, c });\nexport const esc = (s) => String(s).replace(/</g, '&lt;');\n"
    files[".eslintrc.json"] = json.dumps(ESLINTRC, indent=2) + "\n"
    files[".prettierrc"] = '{"tabWidth": 4, "printWidth": 90}\n'
    files["package.json"] = json.dumps({"name": "opac-widgets", "version": "1.9.0", "private": True, "type": "module",
                                        "lint-staged": {"src/**/*.js": ["eslint --max-warnings 0", "prettier --check"]}},
                                       indent=2) + "\n"
    files[".gitignore"] = "node_modules\n"
    write_tree(r, files)
    link_modules(r)
    sh("git init -q -b main . && git add -A && git commit -qm 'chore: seed' --no-verify && husky", r)
    (r / ".husky").mkdir(exist_ok=True)
    (r / ".husky" / "pre-commit").write_text("npx eslint src\n")
    for i in range(0, 190, 2):
        p = r / "src" / "widgets" / f"w{i:03d}.js"
        p.write_text(p.read_text() + f"export const shelved{i} = 'yes';\n")
    sh("git add -A", r)
    cap("husky-eslint", "git commit -m 'feat: availability badges' 2>&1 | head -n 250; echo EXIT=$?", r, n_husky)
    (r / ".husky" / "pre-commit").write_text("npx prettier --check src\n")
    cap("husky-prettier-tail", "git commit -m 'feat: availability badges' 2>&1 | tail -n 80", r, n_husky)


# ------------------------------------------------------------------ releases

SCOPES = ["opac", "loans", "holds", "import", "marc", None, None, None]
SUBJECTS = ["support {x} records", "fix {x} sorting", "paginate {x} results", "show {x} on the card", "speed up {x} index",
            "reject malformed {x}", "log {x} changes", "drop old {x} endpoint"]
THINGS = ["isbn", "issn", "series", "edition", "barcode", "shelfmark", "subject", "author", "fine", "hold queue"]


def history(r: Path, rng: random.Random, n: int, tag_every: int) -> None:
    """n conventional commits, tagged every `tag_every` commits as releases of 6.x."""
    sh("git init -q -b main . && git add -A && git commit -qm 'chore: initial import'", r)
    sh("git tag v6.0.0", r)
    minor, script = 0, []
    for i in range(n):
        typ = rng.choices(["feat", "fix", "perf", "docs", "chore", "build", "revert"], [3, 4, 1, 1, 1, 1, 0.3])[0]
        scope = rng.choice(SCOPES)
        head = f"{typ}{'(' + scope + ')' if scope else ''}: {rng.choice(SUBJECTS).format(x=rng.choice(THINGS))}"
        body = f"BREAKING CHANGE: {rng.choice(THINGS)} fields are now returned as arrays" if rng.random() < 0.06 else ""
        script.append(f"echo '{i}' >> LOG.txt && git add -A && git commit -q -m \"{head}\""
                      + (f" -m \"{body}\"" if body else ""))
        if (i + 1) % tag_every == 0 and i + 1 < n:
            minor += 1
            script.append(f"git tag v6.{minor}.0")
    for k in range(0, len(script), 40):
        sh(" && ".join(script[k:k + 40]), r)


def cap_release(tmp: Path) -> None:
    rng = random.Random(18107)
    r = tmp / "marc-tools"
    remote = tmp / "marc-tools.git"
    write_tree(r, {"package.json": json.dumps({"name": "marc-tools", "version": "6.0.0", "license": "BSD-3-Clause",
                                               "repository": {"type": "git", "url": f"file://{remote}"}}, indent=2) + "\n",
                   "index.js": "module.exports = {};\n", ".gitignore": "node_modules\n"})
    link_modules(r)
    history(r, rng, 240, 45)
    pkg = json.loads((r / "package.json").read_text())
    pkg["version"] = sh("git describe --tags --abbrev=0", r).strip().lstrip("v")
    (r / "package.json").write_text(json.dumps(pkg, indent=2) + "\n")
    sh("git commit -qam 'chore: sync version'", r)
    cap("conventional-changelog", "conventional-changelog -p angular -r 0 | head -n 300", r, n_changelog)
    cap("standard-version", "standard-version --dry-run; echo EXIT=$?", r, n_standard_version_dry_run)
    sh(f"git clone -q --bare . {remote} && git remote add origin {remote} && git push -q origin main --tags "
       f"&& git branch -q -u origin/main", r)
    cap("semantic-release-notes", "semantic-release --dry-run --no-ci --branches main --plugins "
        "@semantic-release/commit-analyzer,@semantic-release/release-notes-generator 2>&1 | tail -n 120", r,
        n_semantic_release_dry_run)
    cap("release-it", "release-it --dry-run --ci --no-npm.publish --git.requireCleanWorkingDir=false; echo EXIT=$?",
        r, n_release_it_dry_run)


# ------------------------------------------------------------------ dbmate

def cap_dbmate(tmp: Path) -> None:
    rng = random.Random(18108)
    d = tmp / "catalogue-db"
    files = {".env": 'DATABASE_URL="sqlite:db/catalogue.sqlite3"\n'}
    tables = ["titles", "copies", "patrons", "loans", "holds", "fines", "branches", "serials", "subjects"]
    for i in range(90):
        ts = f"2025{1 + i // 28:02d}{1 + i % 28:02d}{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}00"
        t = tables[i % len(tables)]
        if i < len(tables):
            up, down = f"create table {t} (id integer primary key, isbn text, created_at text);", f"drop table {t};"
        else:
            col = f"{rng.choice(['note', 'marc', 'flag', 'code', 'lang'])}_{i}"
            up, down = f"alter table {t} add column {col} text;", f"alter table {t} drop column {col};"
        if i == 57:
            up = f"create unique index {t}_isbn on {t} (isbnn);"  # the column's name misspelled
        files[f"db/migrations/{ts}_m{i:02d}_{t}.sql"] = f"-- migrate:up\n{up}\n\n-- migrate:down\n{down}\n"
    write_tree(d, files)
    cap("dbmate-up", "dbmate up; echo EXIT=$?", d, n_dbmate_migrate)
    cap("dbmate-status", "dbmate status | tail -n 60", d, n_dbmate_status)


# ------------------------------------------------------------------ bundlesize

def cap_bundlesize(tmp: Path) -> None:
    rng = random.Random(18109)
    d = tmp / "opac-web"
    files, budgets = {}, []
    for i in range(48):
        name = f"build/{rng.choice(['route', 'widget', 'vendor', 'locale'])}-{i:02d}.{rng.getrandbits(32):08x}.js"
        size = rng.randint(1_500, 45_000)
        files[name] = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz(){};=+ \n") for _ in range(size))
        budget = size // 1000 + rng.choice([-8, -2, 1, 4, 9, 15])
        budgets.append({"path": name, "maxSize": f"{max(1, budget)} kB", "compression": "none"})
    files["package.json"] = json.dumps({"name": "opac-web", "version": "3.3.0", "private": True, "bundlesize": budgets},
                                       indent=2) + "\n"
    write_tree(d, files)
    link_modules(d)
    cap("bundlesize", "bundlesize 2>&1 | tail -n 70; echo EXIT=$?", d, n_bundlesize)


STEPS = [cap_cdk, cap_wrangler, cap_sls, cap_husky, cap_release, cap_dbmate, cap_bundlesize]
