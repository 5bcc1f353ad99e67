"""Round 91, AWS CDK: a solar-farm telemetry platform written as a CDK app in JavaScript, its stacks widened by a seeded
generator (streams of queues, functions, tables, buckets, alarms topics per site), with other mistakes put in than
round 87's (a function whose memory is below what its batch size needs, reported by the app's own check as an error
annotation; tables without point-in-time recovery warned; deprecated runtimes; a queue retention over 14 days that
aws-cdk-lib rejects; a misspelt site setting read as a property of nothing). Captured: `cdk synth` of all stacks, synths
that throw, `cdk diff` against saved templates, `cdk ls`. Needles from round 87's extractors, imported. Run through
capture_wide91.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run
from capture_wide87_cdk import n_cdk_diff, n_cdk_ls, n_cdk_synth_all, n_cdk_synth_error
from capture_wide91 import ENV, JS, cap

APP_JS = r"""const cdk = require('aws-cdk-lib');
const { buildSite } = require('../lib/site-stack');

const sites = require('../sites.json');
const app = new cdk.App();
for (const s of sites.sites) buildSite(app, s);
"""

STACK_JS = r"""const cdk = require('aws-cdk-lib');
const { Annotations, Duration, RemovalPolicy } = cdk;
const s3 = require('aws-cdk-lib/aws-s3');
const sqs = require('aws-cdk-lib/aws-sqs');
const sns = require('aws-cdk-lib/aws-sns');
const lambda = require('aws-cdk-lib/aws-lambda');
const ddb = require('aws-cdk-lib/aws-dynamodb');
const { SqsEventSource } = require('aws-cdk-lib/aws-lambda-event-sources');

const RUNTIMES = { py311: lambda.Runtime.PYTHON_3_11, py312: lambda.Runtime.PYTHON_3_12, node18: lambda.Runtime.NODEJS_18_X,
  node22: lambda.Runtime.NODEJS_22_X };

function buildSite(app, s) {
  const stack = new cdk.Stack(app, s.name, { description: `solar telemetry: ${s.site} (${s.stage})` });
  const archive = new s3.Bucket(stack, 'ReadingsArchive', { versioned: s.versioned,
    removalPolicy: RemovalPolicy.DESTROY, bucketName: s.bucketName });
  const tables = s.tables.map((t) => {
    const table = new ddb.Table(stack, t.id, { partitionKey: { name: t.pk, type: ddb.AttributeType.STRING },
      sortKey: { name: 'ts', type: ddb.AttributeType.NUMBER }, billingMode: ddb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecovery: t.pitr });
    if (!t.pitr) Annotations.of(table).addWarningV2('solar:no-pitr', `table ${t.id} has no point-in-time recovery`);
    return table;
  });
  const alarms = new sns.Topic(stack, 'Alarms', { displayName: `${s.site} alarms` });
  s.streams.forEach((st) => {
    const queue = new sqs.Queue(stack, `${st.id}Queue`, { visibilityTimeout: Duration.seconds(st.visibility),
      retentionPeriod: Duration.days(st.retentionDays) });
    const fn = new lambda.Function(stack, `${st.id}Fn`, {
      runtime: RUNTIMES[st.runtime],
      handler: st.runtime.startsWith('py') ? 'index.handler' : 'index.handler',
      code: lambda.Code.fromInline(st.runtime.startsWith('py') ? 'def handler(e, c):\n    return {"ok": True}\n'
        : 'exports.handler = async () => ({ ok: true });'),
      timeout: Duration.seconds(Math.min(st.visibility, 60)),
      memorySize: st.memory,
      environment: { SITE: s.site, PANELS: String(s.panels), ALARMS: alarms.topicArn },
    });
    fn.addEventSource(new SqsEventSource(queue, { batchSize: st.batch, maxBatchingWindow: Duration.seconds(5) }));
    if (st.memory < st.batch * 2) {
      Annotations.of(fn).addError(`memory ${st.memory} MB of ${st.id}Fn is below the ${st.batch * 2} MB its batch of ${st.batch} readings needs`);
    }
    archive.grantWrite(fn);
    tables.forEach((t) => t.grantWriteData(fn));
    alarms.grantPublish(fn);
  });
  if (s.typo) new cdk.CfnOutput(stack, 'InverterCount', { value: String(s.inverters.count) });
  new cdk.CfnOutput(stack, 'ArchiveBucket', { value: archive.bucketName });
  new cdk.CfnOutput(stack, 'AlarmsTopic', { value: alarms.topicArn });
  return stack;
}

module.exports = { buildSite };
"""

SITES = ["Almeria", "Benban", "Kurnool", "Tengger", "Noor", "Bhadla", "Pavagada", "Villanueva", "Kamuthi", "Longyangxia",
         "Sweihan", "Mohammed", "Solana", "Topaz", "Desert", "Copper", "Agua", "Cestas", "Neuhardenberg", "Templin",
         "Rovigo", "Moura"]
STAGES = ["Test", "Live"]
STREAMS = ["Inverter", "Meter", "Weather", "Tracker", "String", "Battery"]


def sites(seed: int, n: int, variant: str = "base") -> dict:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        site, stage = SITES[i % len(SITES)], STAGES[(i // len(SITES)) % 2]
        s = {"name": f"Solar{site}{stage}Stack", "site": site.lower(), "stage": stage.lower(), "panels": rng.randint(800, 90000),
             "versioned": rng.random() < 0.5}
        s["tables"] = [{"id": f"{nm}Table", "pk": rng.choice(["panelId", "inverterId", "siteId"]), "pitr": rng.random() < 0.6}
                       for nm in rng.sample(["Readings", "Faults", "Yield"], rng.randint(1, 2))]
        s["streams"] = [{"id": nm, "visibility": rng.choice([30, 60, 120, 300]), "retentionDays": rng.choice([2, 4, 7, 14]),
                         "runtime": rng.choice(["py312", "py311", "node22", "node18"]),
                         "memory": rng.choice([128, 256, 512, 1024, 128]), "batch": rng.choice([10, 25, 50, 100, 200])}
                        for nm in rng.sample(STREAMS, rng.randint(1, 3))]
        out.append(s)
    if variant == "retention":  # 20 days: aws-cdk-lib allows 1 minute to 14 days
        out[6]["streams"][0]["retentionDays"] = 20
    if variant == "typo":  # reads a setting the spec calls inverterCount
        out[4]["typo"] = True
    if variant == "clean":
        for s in out:
            for st in s["streams"]:
                st["memory"] = 1024
                st["batch"] = min(st["batch"], 100)
    return {"sites": out}


def change(sp: dict, names: set[str], seed: int) -> dict:
    """The next version of some stacks: a stream added, memory and batch sizes changed, a table dropped or added."""
    rng = random.Random(seed)
    out = json.loads(json.dumps(sp))
    for s in out["sites"]:
        if s["name"] not in names:
            continue
        have = {st["id"] for st in s["streams"]}
        new = next(x for x in STREAMS if x not in have)
        s["streams"].append({"id": new, "visibility": 120, "retentionDays": 7, "runtime": "py312", "memory": 1024,
                             "batch": 25})
        for st in s["streams"]:
            st["memory"] = rng.choice([512, 1024, 2048])
            st["runtime"] = "py312" if st["runtime"].startswith("py") else "node22"
        if len(s["tables"]) > 1:
            s["tables"].pop(0)
        else:
            s["tables"].append({"id": "CurtailmentTable", "pk": "siteId", "pitr": True})
        s["versioned"] = not s["versioned"]
    return out


def write_app(root: Path, sp: dict) -> None:
    (root / "bin").mkdir(parents=True, exist_ok=True)
    (root / "lib").mkdir(parents=True, exist_ok=True)
    (root / "cdk.json").write_text(json.dumps({"app": "node bin/app.js", "context": {}}, indent=2) + "\n")
    (root / "package.json").write_text(json.dumps({"name": "solar-infra", "version": "3.2.0", "private": True}) + "\n")
    (root / "bin" / "app.js").write_text(APP_JS)
    (root / "lib" / "site-stack.js").write_text(STACK_JS)
    (root / "sites.json").write_text(json.dumps(sp, indent=1) + "\n")
    nm = root / "node_modules"
    if not nm.exists():
        nm.symlink_to(JS / "node_modules")


def cap_cdk(tmp: Path) -> None:
    app = tmp / "solar-infra"
    base = sites(9101, 44)
    write_app(app, base)
    cap("cdk-synth-all", "cdk synth --no-notices 2>&1 | grep -v '^\\s*$'; echo EXIT=$?", app, n_cdk_synth_all)
    cap("cdk-synth-all-tail", "cdk synth --no-notices 2>&1 | tail -n 80", app, n_cdk_synth_all)
    cap("cdk-ls", "cdk ls --no-notices; echo EXIT=$?", app, n_cdk_ls)
    small = tmp / "solar-pilot"
    write_app(small, sites(9102, 12, "clean"))
    cap("cdk-ls-long", "cdk ls --long --no-notices", small, n_cdk_ls)
    cap("cdk-synth-all-clean", "cdk synth --no-notices -q; echo EXIT=$?", small, n_cdk_synth_all)
    names = [s["name"] for s in base["sites"]]
    chosen = [names[2], names[9], names[17], names[30]]
    for nm in chosen:
        run(f"cdk synth --no-notices {nm} > saved-{nm}.yaml 2>/dev/null", cwd=app, env=ENV, timeout=300)
    write_app(app, change(base, set(chosen), 9103))
    cap("cdk-diff-a", f"cdk diff --no-notices --template saved-{chosen[0]}.yaml {chosen[0]} 2>&1; echo EXIT=$?", app,
        n_cdk_diff)
    cap("cdk-diff-b", f"cdk diff --no-notices --template saved-{chosen[1]}.yaml {chosen[1]}", app, n_cdk_diff)
    cap("cdk-diff-c", f"cdk diff --no-notices --template saved-{chosen[3]}.yaml {chosen[3]} 2>&1 | head -n 120", app,
        n_cdk_diff)
    write_app(app, sites(9101, 44, "typo"))
    cap("cdk-synth-error-typo", "cdk synth --no-notices 2>&1 | tail -n 30", app, n_cdk_synth_error)
    write_app(app, sites(9101, 44, "retention"))
    cap("cdk-synth-error-retention", "node bin/app.js > synth.log 2>&1; echo EXIT=$?; cut -c1-240 synth.log | head -n 60",
        app, n_cdk_synth_error)


STEPS = [cap_cdk]
