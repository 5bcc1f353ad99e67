"""Round 87, AWS CDK: a parcel-tracking platform written as a CDK app in JavaScript whose stacks are widened by a seeded
generator (buckets, queues, functions, tables, topics per stack), with mistakes put in (queues whose visibility timeout
is shorter than their consumer's timeout, which the app's own check reports as an error annotation; deprecated
runtimes; a deprecated `logRetention`; an invalid bucket name; a typo reading a property of nothing). Captured:
`cdk synth` of all stacks and of one, synths that throw, `cdk diff` against saved templates, `cdk ls`. The kinds'
rules are NEEDLES.md's "Round 87" section. Run through capture_wide87.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, run
from capture_wide87 import ENV, JS, cap

APP_JS = r"""const cdk = require('aws-cdk-lib');
const { Annotations, Duration } = cdk;
const s3 = require('aws-cdk-lib/aws-s3');
const sqs = require('aws-cdk-lib/aws-sqs');
const sns = require('aws-cdk-lib/aws-sns');
const subs = require('aws-cdk-lib/aws-sns-subscriptions');
const lambda = require('aws-cdk-lib/aws-lambda');
const ddb = require('aws-cdk-lib/aws-dynamodb');
const { SqsEventSource } = require('aws-cdk-lib/aws-lambda-event-sources');
const { buildStack } = require('../lib/parcel-stack');

const spec = require('../stacks.json');
const app = new cdk.App();
for (const s of spec.stacks) {
  buildStack(app, s);
}
"""

STACK_JS = r"""const cdk = require('aws-cdk-lib');
const { Annotations, Duration, RemovalPolicy } = cdk;
const s3 = require('aws-cdk-lib/aws-s3');
const sqs = require('aws-cdk-lib/aws-sqs');
const sns = require('aws-cdk-lib/aws-sns');
const subs = require('aws-cdk-lib/aws-sns-subscriptions');
const lambda = require('aws-cdk-lib/aws-lambda');
const ddb = require('aws-cdk-lib/aws-dynamodb');
const { SqsEventSource } = require('aws-cdk-lib/aws-lambda-event-sources');

const RUNTIMES = { node18: lambda.Runtime.NODEJS_18_X, node20: lambda.Runtime.NODEJS_20_X, node22: lambda.Runtime.NODEJS_22_X };

function buildStack(app, s) {
  const stack = new cdk.Stack(app, s.name, { description: `parcel tracking: ${s.domain} (${s.stage})` });
  const buckets = s.buckets.map((b) => {
    const bucket = new s3.Bucket(stack, b.id, {
      bucketName: b.bucketName,
      versioned: b.versioned,
      removalPolicy: b.versioned ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      lifecycleRules: b.expireDays ? [{ expiration: Duration.days(b.expireDays) }] : undefined,
    });
    if (!b.expireDays && !b.versioned) {
      Annotations.of(bucket).addWarningV2('parcel:no-lifecycle', `bucket ${b.id} keeps objects forever: add a lifecycle rule`);
    }
    return bucket;
  });
  const tables = s.tables.map((t) => new ddb.Table(stack, t.id, {
    partitionKey: { name: t.pk, type: ddb.AttributeType.STRING },
    sortKey: t.sk ? { name: t.sk, type: ddb.AttributeType.NUMBER } : undefined,
    billingMode: ddb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecovery: t.pitr,
  }));
  const topic = s.topic ? new sns.Topic(stack, 'Events', { displayName: `${s.domain} events` }) : undefined;
  s.queues.forEach((q, qi) => {
    const queue = new sqs.Queue(stack, q.id, { visibilityTimeout: Duration.seconds(q.visibility),
      retentionPeriod: Duration.days(q.retentionDays) });
    if (topic) topic.addSubscription(new subs.SqsSubscription(queue));
    const f = s.functions[qi % s.functions.length];
    if (f && f.consumes && q.visibility < f.timeout) {
      Annotations.of(queue).addError(`visibility timeout ${q.visibility}s of ${q.id} is shorter than the timeout ${f.timeout}s of its consumer ${f.id}`);
    }
  });
  s.functions.forEach((f, fi) => {
    const fn = new lambda.Function(stack, f.id, {
      runtime: RUNTIMES[f.runtime],
      handler: 'index.handler',
      code: lambda.Code.fromInline(`exports.handler = async (e) => ({ ok: true, fn: '${f.id}' });`),
      timeout: Duration.seconds(f.timeout),
      memorySize: f.memory,
      logRetention: f.logRetention,
      environment: { STAGE: s.stage, TABLE: tables.length ? tables[0].tableName : 'none' },
    });
    buckets.forEach((b) => b.grantRead(fn));
    if (tables.length) tables[fi % tables.length].grantReadWriteData(fn);
    if (s.typo && fi === 0) fn.addEnvironment('TOPIC', s.missingTopic.topicArn);
  });
  new cdk.CfnOutput(stack, 'FirstBucket', { value: buckets.length ? buckets[0].bucketName : 'none' });
  if (topic) new cdk.CfnOutput(stack, 'EventsTopicArn', { value: topic.topicArn });
  return stack;
}

module.exports = { buildStack };
"""

DOMAINS = ["Intake", "Sorting", "Routing", "Linehaul", "Depot", "Courier", "Lockers", "Returns", "Customs", "Billing",
           "Notify", "Tracking", "Claims", "Labels", "Pickup", "Fleet", "Scans"]
STAGES = ["Dev", "Prod"]


def spec(seed: int, n: int, variant: str = "base") -> dict:
    """The app's stacks, seeded; `variant` changes what the diffs and the failing synths need."""
    rng = random.Random(seed)
    stacks = []
    for i in range(n):
        dom, stage = DOMAINS[i % len(DOMAINS)], STAGES[(i // len(DOMAINS)) % 2]
        s = {"name": f"Parcel{dom}{stage}Stack", "domain": dom.lower(), "stage": stage.lower(), "topic": rng.random() < 0.5}
        s["buckets"] = [{"id": f"{nm}Bucket", "versioned": rng.random() < 0.5,
                         "expireDays": rng.choice([None, None, 30, 90, 365])}
                        for nm in rng.sample(["Raw", "Labels", "Manifests", "Photos", "Exports"], rng.randint(1, 3))]
        s["tables"] = [{"id": f"{nm}Table", "pk": rng.choice(["parcelId", "routeId", "depotId"]),
                        "sk": rng.choice([None, "ts"]), "pitr": rng.random() < 0.6}
                       for nm in rng.sample(["Parcels", "Events", "Routes"], rng.randint(0, 2))]
        s["queues"] = [{"id": f"{nm}Queue", "visibility": rng.choice([30, 30, 60, 120, 300, 20]),
                        "retentionDays": rng.choice([4, 7, 14])}
                       for nm in rng.sample(["Inbox", "Retry", "Scan", "Dispatch"], rng.randint(1, 2))]
        s["functions"] = [{"id": f"{nm}Fn", "runtime": rng.choice(["node20", "node22", "node22", "node18"]),
                           "timeout": rng.choice([10, 15, 30, 60, 90]), "memory": rng.choice([128, 256, 512, 1024]),
                           "logRetention": rng.choice([None, None, 7, 30]), "consumes": rng.random() < 0.7}
                          for nm in rng.sample(["Ingest", "Enrich", "Route", "Notify", "Archive"], rng.randint(1, 3))]
        stacks.append(s)
    if variant == "badname":  # a bucket name with capitals and an underscore
        stacks[3]["buckets"][0]["bucketName"] = f"Parcel_{stacks[3]['domain']}_Raw"
    if variant == "typo":  # reads a topic the spec never defines
        stacks[5]["typo"] = True
    return {"stacks": stacks}


def change(sp: dict, names: set[str], seed: int) -> dict:
    """The next version of some stacks: a queue added, timeouts and memory changed, a bucket dropped, a table added."""
    rng = random.Random(seed)
    out = json.loads(json.dumps(sp))
    for s in out["stacks"]:
        if s["name"] not in names:
            continue
        s["queues"].append({"id": "DeadLetterQueue", "visibility": 300, "retentionDays": 14})
        for f in s["functions"]:
            f["timeout"] = min(120, f["timeout"] * 2)
            f["memory"] = rng.choice([512, 1024, 2048])
            f["runtime"] = "node22"
        if len(s["buckets"]) > 1:
            s["buckets"].pop()
        s["buckets"][0]["versioned"] = not s["buckets"][0]["versioned"]
        s["tables"].append({"id": "AuditTable", "pk": "auditId", "sk": "ts", "pitr": True})
        s["topic"] = not s["topic"]
    return out


def write_app(root: Path, sp: dict) -> None:
    (root / "bin").mkdir(parents=True, exist_ok=True)
    (root / "lib").mkdir(parents=True, exist_ok=True)
    (root / "cdk.json").write_text(json.dumps({"app": "node bin/app.js", "context": {}}, indent=2) + "\n")
    (root / "package.json").write_text(json.dumps({"name": "parcel-infra", "version": "0.9.0", "private": True}) + "\n")
    (root / "bin" / "app.js").write_text(APP_JS)
    (root / "lib" / "parcel-stack.js").write_text(STACK_JS)
    (root / "stacks.json").write_text(json.dumps(sp, indent=1) + "\n")
    nm = root / "node_modules"
    if not nm.exists():
        nm.symlink_to(JS / "node_modules")


# ------------------------------------------------------------------ extractors

LOC = re.compile(r"^\S+:\d+:\d+$")
CLOSING = re.compile(r"^(Synthesis finished with errors|Successfully synthesized|Supply a stack id|Found errors|"
                     r"EXIT=|\s*✨\s+Synthesis time)|Subprocess exited with error")


@kind("cdk-synth-all", "build")
def n_cdk_synth_all(lines):
    """Rules 1+3 on cdk synth: every ERROR annotation with its location and construct path; WARNING/INFO annotations one {"any"} per (message shape, stack) over their construct paths; deprecation lines one {"any"} per shape; the closing lines."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        m = re.match(r"^(ERROR|WARNING|INFO) (.*)$", ln) or re.match(r"^\[(Error|Warning|Info) at (/\S+)\] (.*)$", ln)
        if m and m.group(1).upper() == "ERROR":
            out.append(ln)
            if i and LOC.match(lines[i - 1]):
                out.append(lines[i - 1])
            if i + 1 < len(lines) and lines[i + 1].startswith("   "):
                out.append(lines[i + 1])
        elif m:
            path = lines[i + 1] if i + 1 < len(lines) and lines[i + 1].startswith("   ") else ""
            if m.group(2).startswith("/"):
                path, msg = m.group(2), m.group(3)
            else:
                msg = m.group(2)
            stack = path.strip().lstrip("/").split("/")[0]
            pairs.append(((m.group(1).upper(), mask(msg), stack), path or ln))
        elif ln.startswith("[WARNING] "):
            pairs.append((("dep", mask(ln)), ln))
        elif CLOSING.search(ln):
            out.append(ln)
    return out + groups(pairs)


@kind("cdk-synth-template", "build")
def n_cdk_template(lines):
    """Rule 5 on a stack's CloudFormation YAML: every logical id under Resources/Outputs/Parameters/Conditions, every resource Type seen in at most 2 resources; annotations as cdk-synth-all."""
    out, section, types = [], None, {}
    for ln in lines:
        m = re.match(r"^(\w+):\s*$", ln)
        if m:
            section = m.group(1)
            continue
        if section in ("Resources", "Outputs", "Parameters", "Conditions") and re.match(r"^  [A-Za-z0-9]+:\s*$", ln):
            out.append(ln)
        t = re.match(r"^    Type: (AWS::\S+|Custom::\S+)$", ln)
        if section == "Resources" and t:
            types.setdefault(t.group(1), []).append(ln)
    out += [v[0] for v in types.values() if len(v) <= 2]
    return out + n_cdk_synth_all(lines)


@kind("cdk-synth-error", "build")
def n_cdk_synth_error(lines):
    """Rule 1 on a synth that throws: the exception line, the first 'at' line in the app's own files, the Subprocess exited / EXIT= lines."""
    out, located = [], False
    for i, ln in enumerate(lines):
        s = ln.strip()
        if (re.match(r"^(\w+\.)*\w*(Error|Exception)( \[\w+\])?: ", s) or re.match(r"^«\w+» ", s)) \
                and not s.startswith("at "):
            out.append(ln)
            located = False
        elif s.startswith("at ") and not located and "node_modules" not in s and "node:" not in s \
                and re.search(r"/(bin|lib)/[\w-]+\.js:\d+", s):
            out.append(ln)
            located = True
        elif CLOSING.search(ln):
            out.append(ln)
    return out


@kind("cdk-diff", "build")
def n_cdk_diff(lines):
    """Rule 5 on cdk diff: every Stack header, every [+]/[-]/[~]/[←] change line, every IAM / security table row adding or removing (+/-), the count line; 'no differences' lines one {"any"}."""
    out, same = [], []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^Stack \S+", ln) or re.match(r"^\[[+\-~←]\]", ln) or re.match(r"^│ [+-] ", s) \
                or s.startswith("Number of stacks with differences") or s.startswith(("✨  Number", "❌")):
            out.append(ln)
        elif "There were no differences" in s:
            same.append(ln)
    return out + groups(("same", ln) for ln in same)


@kind("cdk-ls", "listing")
def n_cdk_ls(lines):
    """Rule 5 on cdk ls: every stack name line (with --long: every id: and name: line); deprecation lines one {"any"} per shape."""
    out, pairs = [], []
    for ln in lines:
        if ln.startswith("[WARNING] "):
            pairs.append((mask(ln), ln))
        elif re.match(r"^(- )?id: \S+", ln) or re.match(r"^  name: \S+", ln) or re.match(r"^[A-Z][\w-]*Stack\b", ln):
            out.append(ln)
        elif ln.startswith("EXIT="):
            out.append(ln)
    return out + groups(pairs)


# ------------------------------------------------------------------ step

def cap_cdk(tmp: Path) -> None:
    app = tmp / "parcel-infra"
    base = spec(87, 34)
    write_app(app, base)
    cap("cdk-synth-all", "cdk synth --no-notices", app, n_cdk_synth_all)
    cap("cdk-synth-all-tail", "cdk synth --no-notices 2>&1 | tail -n 80", app, n_cdk_synth_all)
    cap("cdk-ls", "cdk ls --no-notices", app, n_cdk_ls)
    cap("cdk-ls-long", "cdk ls --long --no-notices", app, n_cdk_ls)
    names = [s["name"] for s in base["stacks"]]
    cap("cdk-synth-template-a", f"cdk synth --no-notices {names[2]}", app, n_cdk_template)
    cap("cdk-synth-template-c", f"cdk synth --no-notices {names[30]} 2>&1 | head -n 120", app, n_cdk_template)
    # a second, smaller app with no error annotations: a clean synth says where it wrote
    small = tmp / "parcel-edge"
    sp = spec(1987, 8)
    for s in sp["stacks"]:
        for q in s["queues"]:
            q["visibility"] = 300
    write_app(small, sp)
    cap("cdk-synth-all-clean", "cdk synth --no-notices; echo EXIT=$?", small, n_cdk_synth_all)
    # saved templates, then the next version of some stacks diffed against them
    chosen = [names[1], names[7], names[12], names[25]]
    for nm in chosen:
        run(f"cdk synth --no-notices {nm} > saved-{nm}.yaml 2>/dev/null", cwd=app, env=ENV, timeout=300)
    write_app(app, change(base, set(chosen), 88))
    cap("cdk-diff-a", f"cdk diff --no-notices --template saved-{chosen[0]}.yaml {chosen[0]}", app, n_cdk_diff)
    cap("cdk-diff-b", f"cdk diff --no-notices --template saved-{chosen[1]}.yaml {chosen[1]} 2>&1 | tail -n 80", app, n_cdk_diff)
    cap("cdk-diff-c", f"cdk diff --no-notices --template saved-{chosen[2]}.yaml {chosen[2]}; echo EXIT=$?", app, n_cdk_diff)
    cap("cdk-diff-same", f"cdk diff --no-notices --template saved-{chosen[2]}.yaml {names[3]}", app, n_cdk_diff)
    write_app(app, spec(87, 34, "badname"))
    cap("cdk-synth-error-name", "cdk synth --no-notices 2>&1 | tail -n 40", app, n_cdk_synth_error)
    # Node exits before a pipe drains its stderr past 64 KiB, and the minified source line it quotes from aws-cdk-lib
    # fills that: the exception never reaches the pipe. Agents then run the app into a file and cut its lines.
    cap("cdk-synth-error-node", "node bin/app.js > synth.log 2>&1; echo EXIT=$?; cut -c1-300 synth.log", app,
        n_cdk_synth_error)
    write_app(app, spec(87, 34, "typo"))
    cap("cdk-synth-error-typo", "cdk synth --no-notices; echo EXIT=$?", app, n_cdk_synth_error)


STEPS = [cap_cdk]
