#!/usr/bin/env python3
"""Capture round 393 of the compression corpus: cloud SDKs and CLIs against moto_server on 127.0.0.1 (fake keys,
never a real cloud), new services and modes: `quarry`, a stone quarry's account filled by a seeded boto3 script (a
versioned block-register bucket, saw-line queues with a dead-letter queue, blast-alert topics, secrets, SSM
parameters, saw-blade temperature metrics, a hosted zone, DynamoDB tables with indexes), read with the AWS CLI v1,
s3cmd and boto3 scripts with botocore's debug log, whose calls fail.

The needles come from the rules NEEDLES.md's "Round 393" section fixed before capture, applied by the extractors
below. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide393.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide393.json  as {"version": 2, "items": [...]}, ids prefixed "wide393-".
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import run  # noqa: E402
from capture_data import rule4, wait_port  # noqa: E402
from capture_wide114_aws import cli_errors  # noqa: E402
from capture_wide114 import exit_lines  # noqa: E402

ID_PREFIX = "wide393-"
DEFAULT_OUT = HERE / "data" / "wide393.json"
TMP = Path(os.environ.get("HM_WIDE393_TMP", "/dev/shm/hm-corpus-wide393-tmp"))
VENV = Path(os.environ.get("HM_WIDE393_VENV", "/dev/shm/hm-corpus-wide393/venv"))
PY_TOOLS = ["moto[server]", "awscli", "boto3", "s3cmd"]
PORT = 18393

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


# ------------------------------------------------------------------ JSON records as the AWS CLI prints them

def _val(rest: str):
    rest = rest.strip().rstrip(",")
    try:
        return json.loads(rest)
    except ValueError:
        return rest


def json_records(lines: list[str], key: str) -> list[dict]:
    """The records of every `"key": [` array (indent 4 per level, as the CLI prints): each a dict
    field -> (line, value) of the record's own top-level fields."""
    recs = []
    i = 0
    while i < len(lines):
        m = re.match(r'^(\s*)"' + re.escape(key) + r'": \[\s*$', lines[i])
        if not m:
            i += 1
            continue
        ind = len(m.group(1)) + 4
        j = i + 1
        cur = None
        while j < len(lines):
            ln = lines[j]
            lead = len(ln) - len(ln.lstrip())
            if lead < ind and ln.strip().startswith("]"):
                break
            if lead == ind and ln.strip() == "{":
                cur = {}
            elif lead == ind and ln.strip() in ("}", "},"):
                if cur is not None:
                    recs.append(cur)
                cur = None
            elif cur is not None and lead == ind + 4:
                fm = re.match(r'^\s*"([^"]+)": (.*)$', ln)
                if fm:
                    cur[fm.group(1)] = (ln, _val(fm.group(2)))
            j += 1
        i = j + 1
    return recs


def field_lines(lines: list[str], *names: str) -> list[str]:
    pat = re.compile(r'^\s*"(' + "|".join(map(re.escape, names)) + r')": ')
    return [ln for ln in lines if pat.match(ln)]


def rows_of(recs: list[dict], row_field: str, cat=(), nums=()) -> list:
    rows = []
    for r in recs:
        if row_field not in r:
            continue
        vals = {c: r[c][1] if c in r else "<absent>" for c in cat}
        for c in nums:
            if c in r:
                vals[c] = r[c][1]
        rows.append((r[row_field][0], vals))
    return rows


def common(lines: list[str]) -> list:
    return cli_errors(lines) + exit_lines(lines)


# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 393")

@cm.kind("aws-cloudformation-validate-template", "json")
def n_cfn_validate(lines):
    """Rules 1+5: every CLI error line and the `== file` line above it; for valid templates the Description line and every ParameterKey line; EXIT=N."""
    out = []
    errs = set(cli_errors(lines))
    for i, ln in enumerate(lines):
        if ln in errs:
            out.append(ln)
            for k in range(i - 1, -1, -1):
                if lines[k].startswith("== "):
                    out.append(lines[k])
                    break
    out += field_lines(lines, "Description", "ParameterKey")
    return out + exit_lines(lines)


@cm.kind("aws-s3api-list-object-versions", "json")
def n_versions(lines):
    """Rules 4+5: every DeleteMarkers record's Key line; rule 4 over Versions (row = Key line; IsLatest categorical, Size numeric with its Size line); IsTruncated / NextKeyMarker / NextVersionIdMarker; CLI errors; EXIT=N."""
    out = [r["Key"][0] for r in json_records(lines, "DeleteMarkers") if "Key" in r]
    recs = json_records(lines, "Versions")
    out += rule4(rows_of(recs, "Key", cat=("IsLatest",)), cat=("IsLatest",))
    sized = [(r["Size"][1], r) for r in recs if "Size" in r and "Key" in r and isinstance(r["Size"][1], (int, float))]
    if sized:
        for target in (min(v for v, _ in sized), max(v for v, _ in sized)):
            hits = [r for v, r in sized if v == target]
            out.append({"any": [r["Key"][0] for r in hits]} if len(hits) > 1 else hits[0]["Key"][0])
            out.append(hits[0]["Size"][0])
    out += field_lines(lines, "IsTruncated", "NextKeyMarker", "NextVersionIdMarker")
    return out + common(lines)


SQS_ATTRS = ("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "RedrivePolicy",
             "VisibilityTimeout", "QueueArn")


@cm.kind("aws-sqs-get-queue-attributes", "json")
def n_sqs_attrs(lines):
    """Rule 5: each queue's `== ` line and its ApproximateNumberOfMessages, ApproximateNumberOfMessagesNotVisible, RedrivePolicy, VisibilityTimeout and QueueArn lines; CLI errors; EXIT=N."""
    out = [ln for ln in lines if ln.startswith("== ")]
    out += field_lines(lines, *SQS_ATTRS)
    return out + common(lines)


@cm.kind("aws-sns-list-subscriptions", "json")
def n_sns_subs(lines):
    """Rule 4: rows = Subscriptions records (row = Endpoint line), Protocol and TopicArn categorical; NextToken; CLI errors; EXIT=N."""
    out = rule4(rows_of(json_records(lines, "Subscriptions"), "Endpoint", cat=("Protocol", "TopicArn")),
                cat=("Protocol", "TopicArn"))
    return out + field_lines(lines, "NextToken") + common(lines)


@cm.kind("aws-secretsmanager-list-secrets", "json")
def n_secrets(lines):
    """Rules 4+5: rows = SecretList records (row = Name line), RotationEnabled and presence of DeletedDate categorical; the Name line of every record with a DeletedDate; CLI errors; EXIT=N."""
    recs = json_records(lines, "SecretList")
    rows = []
    for r in recs:
        if "Name" in r:
            rows.append((r["Name"][0], {"RotationEnabled": r["RotationEnabled"][1] if "RotationEnabled" in r else "<absent>",
                                        "deleted": "DeletedDate" in r}))
    out = rule4(rows, cat=("RotationEnabled", "deleted"))
    out += [r["Name"][0] for r in recs if "Name" in r and "DeletedDate" in r]
    return out + common(lines)


@cm.kind("aws-ssm-get-parameters-by-path", "json")
def n_ssm(lines):
    """Rules 4+5: rows = Parameters records (row = Name line), Type categorical, Version numeric; every InvalidParameters entry line; CLI errors; EXIT=N."""
    out = rule4(rows_of(json_records(lines, "Parameters"), "Name", cat=("Type",), nums=("Version",)),
                cat=("Type",), nums=("Version",))
    for i, ln in enumerate(lines):
        if re.match(r'^\s*"InvalidParameters": \[\s*$', ln):
            ind = len(ln) - len(ln.lstrip())
            for k in range(i + 1, len(lines)):
                if lines[k].strip().startswith("]") and len(lines[k]) - len(lines[k].lstrip()) <= ind:
                    break
                out.append(lines[k])
    return out + common(lines)


CW_STATS = ("Average", "Maximum", "Minimum", "Sum", "SampleCount")


@cm.kind("aws-cloudwatch-get-metric-statistics", "json")
def n_cw(lines):
    """Rules 4+5: the Label line; rows = Datapoints records (row = Timestamp line), each printed statistic numeric: the row and the value line of each statistic's minimum and maximum; CLI errors; EXIT=N."""
    out = field_lines(lines, "Label")
    recs = [r for r in json_records(lines, "Datapoints") if "Timestamp" in r]
    for s in CW_STATS:
        vals = [(r[s][1], r) for r in recs if s in r and isinstance(r[s][1], (int, float))]
        if not vals:
            continue
        for target in (min(v for v, _ in vals), max(v for v, _ in vals)):
            hits = [r for v, r in vals if v == target]
            out.append({"any": [r["Timestamp"][0] for r in hits]} if len(hits) > 1 else hits[0]["Timestamp"][0])
            out.append(hits[0][s][0])
    return out + common(lines)


@cm.kind("aws-route53-list-resource-record-sets", "json")
def n_r53(lines):
    """Rule 4: rows = ResourceRecordSets records (row = Name line), Type categorical, TTL numeric; IsTruncated / NextRecordName; CLI errors; EXIT=N."""
    out = rule4(rows_of(json_records(lines, "ResourceRecordSets"), "Name", cat=("Type",), nums=("TTL",)),
                cat=("Type",), nums=("TTL",))
    return out + field_lines(lines, "IsTruncated", "NextRecordName") + common(lines)


@cm.kind("aws-dynamodb-describe-table", "json")
def n_ddb_describe(lines):
    """Rule 5: TableName, TableStatus, ItemCount, TableSizeBytes, BillingMode lines, every IndexName line, StreamViewType; CLI errors; EXIT=N."""
    return field_lines(lines, "TableName", "TableStatus", "ItemCount", "TableSizeBytes", "BillingMode",
                       "IndexName", "StreamViewType") + common(lines)


S3CMD_ROW = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d)\s+(\d+)\s+(s3://\S+)")
S3CMD_DIR = re.compile(r"^\s+DIR\s+(s3://\S+)")


@cm.kind("s3cmd-ls", "listing")
def n_s3cmd_ls(lines):
    """Rules 1+4: every ERROR: line, WARNING: lines one any per shape; rows = object lines (first path segment after the bucket categorical, size numeric), DIR lines rows with their prefix categorical; every du total line; EXIT=N."""
    out = [ln for ln in lines if ln.startswith("ERROR:")]
    out += cm.groups((cm.mask(ln), ln) for ln in lines if ln.startswith("WARNING:"))
    rows = []
    for ln in lines:
        m = S3CMD_ROW.match(ln)
        if m:
            rest = m.group(3)[5:].split("/", 1)
            seg = rest[1].split("/", 1)[0] if len(rest) > 1 and "/" in rest[1] else "<top>"
            rows.append((ln, {"seg": seg, "size": int(m.group(2))}))
            continue
        m = S3CMD_DIR.match(ln)
        if m:
            rest = m.group(1)[5:].split("/", 1)
            rows.append((ln, {"seg": rest[1].split("/", 1)[0] if len(rest) > 1 else "<top>"}))
    out += rule4(rows, cat=("seg",), nums=("size",))
    out += [ln for ln in lines if re.match(r"^\s*\d+\s+\d+ objects?\s+s3://", ln)]
    return out + exit_lines(lines)


def traceback_lines(lines: list[str]) -> list[str]:
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("Traceback (most recent call last)"):
            files, j = [], i + 1
            while j < len(lines) and (lines[j].startswith(" ") or not lines[j].strip()):
                if lines[j].lstrip().startswith('File "'):
                    files.append(lines[j])
                j += 1
            out += files[-1:]
            if j < len(lines):
                out.append(lines[j])
    return out


@cm.kind("s3cmd-debug", "log")
def n_s3cmd_debug(lines):
    """Rule 1: every ERROR: line, WARNING: lines one any per shape, every DEBUG line with 'status': 4xx/5xx, every line with an S3 <Code>…</Code> or 'Code': value; each traceback's exception and innermost File line; EXIT=N."""
    out = [ln for ln in lines if ln.startswith("ERROR:")]
    out += cm.groups((cm.mask(ln), ln) for ln in lines if ln.startswith("WARNING:"))
    out += [ln for ln in lines if re.search(r"'status': [45]\d\d", ln) or re.search(r"<Code>[^<]+</Code>|'Code': '", ln)]
    return out + traceback_lines(lines) + exit_lines(lines)


@cm.kind("botocore-debug-log", "log")
def n_botocore_debug(lines):
    """Rules 1+3: every response line with an HTTP status 400-599 (not Response headers/body lines), every retry line, every ERROR/CRITICAL line, each traceback's exception and innermost File line, the script's `done:` summary; EXIT=N."""
    out = []
    for ln in lines:
        if re.search(r"Response (headers|body):", ln):
            continue
        if re.search(r'HTTP/1\.\d" [45]\d\d\b|status_code=[45]\d\d\b', ln):
            out.append(ln)
        elif re.search(r"Retry needed|[Rr]etry attempt|Retrying", ln):
            out.append(ln)
        elif re.search(r"\b(ERROR|CRITICAL)\b", ln):
            out.append(ln)
        elif re.match(r"^done: \d+ ok, \d+ failed", ln):
            out.append(ln)
    return out + traceback_lines(lines) + exit_lines(lines)


# ------------------------------------------------------------------ the quarry's account

SEED_PY = r'''
import json, random, datetime
import boto3
rnd = random.Random(393)
kw = dict(region_name="us-east-1")
s3 = boto3.client("s3", **kw)
s3.create_bucket(Bucket="quarry-blocks")
s3.put_bucket_versioning(Bucket="quarry-blocks", VersioningConfiguration={"Status": "Enabled"})
faces = ["north-face", "east-bench", "pit-3"]
for i in range(140):
    key = f"register/{rnd.choice(faces)}/block-{i:04d}.json"
    for v in range(1 + (i % 7 == 0) + (i % 29 == 0) * 2):
        size = rnd.randint(300, 2400)
        if i == 61 and v == 0:
            size = 0
        if i == 98:
            size = 480000
        s3.put_object(Bucket="quarry-blocks", Key=key, Body=b"b" * size)
    if i in (13, 47, 88, 120):
        s3.delete_object(Bucket="quarry-blocks", Key=key)
s3.create_bucket(Bucket="quarry-spoil")
for i in range(180):
    d = "faces" if i % 40 else rnd.choice(["assays", "blasting"])
    s3.put_object(Bucket="quarry-spoil", Key=f"{d}/{rnd.choice(faces)}/heap-{i:03d}.csv",
                  Body=b"s" * rnd.randint(150, 9000))
s3.put_object(Bucket="quarry-spoil", Key="faces/pit-3/survey-full.las", Body=b"L" * 750000)
s3.put_object(Bucket="quarry-spoil", Key="README.txt", Body=b"spoil heaps\n")

sqs = boto3.client("sqs", **kw)
dlq = sqs.create_queue(QueueName="saw-dlq")["QueueUrl"]
dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
for n, vis in (("saw-line-1", "30"), ("saw-line-2", "120"), ("saw-line-3", "30"), ("crusher-jobs", "600")):
    attrs = {"VisibilityTimeout": vis}
    if n.startswith("saw"):
        attrs["RedrivePolicy"] = json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": "3"})
    u = sqs.create_queue(QueueName=n, Attributes=attrs)["QueueUrl"]
    for k in range({"saw-line-1": 4, "saw-line-2": 130, "saw-line-3": 0, "crusher-jobs": 12}[n]):
        sqs.send_message(QueueUrl=u, MessageBody=json.dumps({"block": k, "line": n}))
    if n == "saw-line-2":
        sqs.receive_message(QueueUrl=u, MaxNumberOfMessages=10)
for k in range(9):
    sqs.send_message(QueueUrl=dlq, MessageBody=json.dumps({"block": 900 + k, "error": "blade stall"}))

sns = boto3.client("sns", **kw)
topics = {t: sns.create_topic(Name=t)["TopicArn"] for t in ("blast-alerts", "crusher-faults", "weighbridge")}
people = ["foreman", "shotfirer", "geologist", "safety", "ops", "haulage", "office", "survey"]
for i in range(70):
    t = "blast-alerts" if i % 5 else rnd.choice(["crusher-faults", "weighbridge"])
    sns.subscribe(TopicArn=topics[t], Protocol="email", Endpoint=f"{people[i % 8]}{i:02d}@quarry.example")
sns.subscribe(TopicArn=topics["blast-alerts"], Protocol="sms", Endpoint="+15550100393")
sns.subscribe(TopicArn=topics["crusher-faults"], Protocol="sqs", Endpoint=dlq_arn)
sns.subscribe(TopicArn=topics["weighbridge"], Protocol="lambda",
              Endpoint="arn:aws:lambda:us-east-1:123456789012:function:weigh-ticket")

sm = boto3.client("secretsmanager", **kw)
for i in range(34):
    name = f"quarry/{rnd.choice(['scada', 'weighbridge', 'payroll', 'drone'])}/cred-{i:02d}"
    sm.create_secret(Name=name, SecretString=json.dumps({"user": f"u{i}", "password": "x" * 12}),
                     Tags=[{"Key": "site", "Value": "quarry"}])
    if i in (5, 22):
        sm.delete_secret(SecretId=name, RecoveryWindowInDays=7)
    if i == 30:
        try:
            sm.rotate_secret(SecretId=name, RotationRules={"AutomaticallyAfterDays": 30},
                             RotationLambdaARN="arn:aws:lambda:us-east-1:123456789012:function:rotate")
        except Exception as e:
            print("rotate:", type(e).__name__)

ssm = boto3.client("ssm", **kw)
for f in faces:
    for p in ("bench-height", "burden", "spacing", "charge-kg", "stemming", "delay-ms", "vibration-limit",
              "dust-limit", "haul-road", "crusher-gap", "saw-feed", "blade-rpm"):
        ssm.put_parameter(Name=f"/quarry/{f}/{p}", Value=str(rnd.randint(1, 900)), Type="String")
    ssm.put_parameter(Name=f"/quarry/{f}/shotfirer-pin", Value="4711", Type="SecureString")
ssm.put_parameter(Name="/quarry/pit-3/blast-windows", Value="10:00,14:00", Type="StringList")
for v in range(5):
    ssm.put_parameter(Name="/quarry/north-face/charge-kg", Value=str(300 + v * 20), Type="String", Overwrite=True)
ssm.put_parameter(Name="/quarry/east-bench/burden", Value="4.2", Type="String", Overwrite=True)

cw = boto3.client("cloudwatch", **kw)
now = datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0)
for saw in ("saw-1", "saw-2", "saw-3"):
    data = []
    for m in range(360):
        t = now - datetime.timedelta(minutes=m)
        v = 60 + rnd.random() * 15
        if saw == "saw-2" and m in (44, 45, 46):
            v = 138.5 + m / 10
        if saw == "saw-3" and m == 200:
            v = 4.0
        data.append({"MetricName": "BladeTemp", "Dimensions": [{"Name": "Saw", "Value": saw}], "Timestamp": t,
                     "Value": round(v, 2), "Unit": "None"})
        data.append({"MetricName": "FeedRate", "Dimensions": [{"Name": "Saw", "Value": saw}], "Timestamp": t,
                     "Value": round(1.5 + rnd.random(), 3) if not (saw == "saw-1" and m == 90) else 0.0,
                     "Unit": "None"})
    for k in range(0, len(data), 500):
        cw.put_metric_data(Namespace="Quarry/Saws", MetricData=data[k:k + 500])

r53 = boto3.client("route53", **kw)
zid = r53.create_hosted_zone(Name="quarry.example.", CallerReference="q393")["HostedZone"]["Id"]
changes = []
for i in range(70):
    changes.append({"Action": "CREATE", "ResourceRecordSet": {"Name": f"plc-{i:02d}.quarry.example.", "Type": "A",
                    "TTL": 300 if i not in (17, 52) else (30 if i == 17 else 86400),
                    "ResourceRecords": [{"Value": f"10.39.{i // 20}.{i % 250 + 1}"}]}})
changes.append({"Action": "CREATE", "ResourceRecordSet": {"Name": "scada.quarry.example.", "Type": "CNAME", "TTL": 300,
                "ResourceRecords": [{"Value": "plc-03.quarry.example."}]}})
changes.append({"Action": "CREATE", "ResourceRecordSet": {"Name": "quarry.example.", "Type": "MX", "TTL": 3600,
                "ResourceRecords": [{"Value": "10 mail.quarry.example."}]}})
changes.append({"Action": "CREATE", "ResourceRecordSet": {"Name": "_dmarc.quarry.example.", "Type": "TXT", "TTL": 300,
                "ResourceRecords": [{"Value": "\"v=DMARC1; p=none\""}]}})
r53.change_resource_record_sets(HostedZoneId=zid, ChangeBatch={"Changes": changes})
print("zone", zid)

ddb = boto3.client("dynamodb", **kw)
ddb.create_table(TableName="blocks", BillingMode="PAY_PER_REQUEST",
                 AttributeDefinitions=[{"AttributeName": a, "AttributeType": "S"} for a in ("block", "face", "grade")],
                 KeySchema=[{"AttributeName": "block", "KeyType": "HASH"}],
                 GlobalSecondaryIndexes=[{"IndexName": "by-face", "KeySchema": [{"AttributeName": "face", "KeyType": "HASH"}],
                                          "Projection": {"ProjectionType": "ALL"}},
                                         {"IndexName": "by-grade", "KeySchema": [{"AttributeName": "grade", "KeyType": "HASH"}],
                                          "Projection": {"ProjectionType": "KEYS_ONLY"}}],
                 StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})
ddb.create_table(TableName="assays", BillingMode="PROVISIONED",
                 ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 2},
                 AttributeDefinitions=[{"AttributeName": "face", "AttributeType": "S"},
                                       {"AttributeName": "sampled", "AttributeType": "S"},
                                       {"AttributeName": "silica", "AttributeType": "N"}],
                 KeySchema=[{"AttributeName": "face", "KeyType": "HASH"}, {"AttributeName": "sampled", "KeyType": "RANGE"}],
                 LocalSecondaryIndexes=[{"IndexName": "by-silica", "KeySchema": [{"AttributeName": "face", "KeyType": "HASH"},
                                         {"AttributeName": "silica", "KeyType": "RANGE"}], "Projection": {"ProjectionType": "ALL"}}])
for i in range(220):
    ddb.put_item(TableName="blocks", Item={"block": {"S": f"B{i:04d}"}, "face": {"S": rnd.choice(faces)},
                                           "grade": {"S": rnd.choice("ABC")}, "tonnes": {"N": str(rnd.randint(8, 30))}})
for i in range(60):
    ddb.put_item(TableName="assays", Item={"face": {"S": rnd.choice(faces)}, "sampled": {"S": f"2026-11-{1 + i % 28:02d}T{i % 24:02d}"},
                                           "silica": {"N": str(rnd.randint(10, 95))}})
print("seeded")
'''

TEMPLATES = {
    "templates/01-saw-shed.yaml": """AWSTemplateFormatVersion: "2010-09-09"
Description: Saw shed queues and the blade-temperature alarm
Parameters:
  SawCount:
    Type: Number
    Default: 3
    Description: saws on the line
  AlarmEmail:
    Type: String
    Description: who hears about a hot blade
  BladeTempLimit:
    Type: Number
    Default: 95
Resources:
  SawQueue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 120
  HotBladeTopic:
    Type: AWS::SNS::Topic
Outputs:
  QueueUrl:
    Value: !Ref SawQueue
""",
    "templates/02-weighbridge.yaml": """AWSTemplateFormatVersion: "2010-09-09"
Description: Weighbridge tickets table
Parameters:
  TicketRetentionDays:
    Type: Number
    Default: 400
  Env:
    Type: String
    AllowedValues: [dev, prod]
Resources:
  Tickets:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: ticket
          AttributeType: S
      KeySchema:
        - AttributeName: ticket
          KeyType: HASH
    Resources:
""",
    "templates/03-blast-plan.yaml": """AWSTemplateFormatVersion: "2010-09-09"
Description: Blast plan bucket
Parameters:
  BlastWindow:
    Type: String
  Resources:
    PlanBucket:
      Type: AWS::S3::Bucket
      Properties:
        VersioningConfiguration:
        Status: Enabled
     Tags:
      - Key: face
""",
    "templates/04-crusher.yaml": """AWSTemplateFormatVersion: "2010-09-09"
Description: Crusher fault topic
Parameters:
  CrusherGap:
    Type: Number
Outputs:
  Topic:
    Value: !Ref FaultTopic
""",
    "templates/05-haul-road.yaml": "\tAWSTemplateFormatVersion: '2010-09-09'\nResources: [}\n",
    "templates/06-dust.json": json.dumps({
        "AWSTemplateFormatVersion": "2010-09-09", "Description": "Dust monitors",
        "Parameters": {"DustLimit": {"Type": "Number", "Default": 150}, "MonitorCount": {"Type": "Number"},
                       "SiteName": {"Type": "String", "Default": "quarry"}},
        "Resources": {"DustLog": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 30}}}}, indent=2),
    "templates/07-drone.json": '{"AWSTemplateFormatVersion": "2010-09-09", "Description": "Drone survey uploads",\n'
                               ' "Resources": {"Uploads": {"Type": "AWS::S3::Bucket",}}\n',
    "templates/08-empty.yaml": "# the survey stack, to be written\n",
    "templates/09-silt-pond.yaml": """AWSTemplateFormatVersion: "2010-09-09"
Description: Silt pond level alarms
Parameters:
  PondName:
    Type: String
    Default: silt-pond-2
  HighLevelCm:
    Type: Number
    Default: 180
Resources:
  LevelTopic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Ref PondName
  LevelQueue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: !Ref HighLevelCm
""",
}

BOTO_SURVEY = r'''
import logging, sys
import boto3
from botocore.config import Config
boto3.set_stream_logger("", logging.DEBUG)
cfg = Config(retries={"max_attempts": int(sys.argv[2]) if len(sys.argv) > 2 else 2, "mode": "standard"})
ok = failed = 0
def call(name, fn):
    global ok, failed
    try:
        fn()
        ok += 1
    except Exception as e:
        failed += 1
        logging.getLogger("survey").error("%s failed: %s", name, e)
which = sys.argv[1]
s3 = boto3.client("s3", config=cfg)
if which in ("s3", "all"):
    call("head blocks", lambda: s3.head_bucket(Bucket="quarry-blocks"))
    call("get survey", lambda: s3.get_object(Bucket="quarry-spoil", Key="faces/pit-3/survey-2025.las"))
    call("list drone", lambda: s3.list_objects_v2(Bucket="quarry-drone", Prefix="2026/"))
if which in ("ddb", "all"):
    ddb = boto3.client("dynamodb", config=cfg)
    call("get block", lambda: ddb.get_item(TableName="blocks", Key={"block": {"S": "B0007"}}))
    call("query grades", lambda: ddb.query(TableName="blocks", IndexName="by-colour",
                                           KeyConditionExpression="grade = :g",
                                           ExpressionAttributeValues={":g": {"S": "A"}}))
    call("put ticket", lambda: ddb.put_item(TableName="tickets", Item={"ticket": {"S": "T1"}}))
if which in ("sm", "all"):
    sm = boto3.client("secretsmanager", config=cfg)
    call("scada cred", lambda: sm.get_secret_value(SecretId="quarry/scada/cred-99"))
    call("deleted cred", lambda: sm.get_secret_value(SecretId="quarry/weighbridge/cred-05"))
    sqs = boto3.client("sqs", config=cfg)
    call("press queue", lambda: sqs.get_queue_url(QueueName="press-line"))
print(f"done: {ok} ok, {failed} failed")
sys.exit(1 if failed else 0)
'''


def ensure_tools() -> None:
    """moto[server], the AWS CLI v1, boto3 and s3cmd from PyPI, in a venv made once."""
    cm.install_venv(VENV, "s3cmd", PY_TOOLS, timeout=1800)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def quarry(tmp: Path) -> None:
    d = tmp / "quarry"
    d.mkdir()
    ep = f"http://127.0.0.1:{PORT}"
    env = {"AWS_ENDPOINT_URL": ep, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
           "AWS_DEFAULT_REGION": "us-east-1", "AWS_PAGER": "", "AWS_CONFIG_FILE": str(d / "aws-config"),
           "AWS_SHARED_CREDENTIALS_FILE": str(d / "aws-creds")}
    cm.BASE_ENV.update(env)
    log = open(d / "moto.log", "wb")
    cm.start([str(VENV / "bin" / "moto_server"), "-H", "127.0.0.1", "-p", str(PORT)], cwd=d, log=log)
    assert wait_port(PORT, 30), "moto_server did not start"
    py = VENV / "bin" / "python"
    cm.write_tree(d, {"seed.py": SEED_PY, "survey.py": BOTO_SURVEY, **TEMPLATES,
                      ".s3cfg": f"[default]\naccess_key = testing\nsecret_key = testing\nhost_base = 127.0.0.1:{PORT}\n"
                                f"host_bucket = 127.0.0.1:{PORT}\nuse_https = False\nsignature_v2 = False\n"})
    cm.note(run(f"nice {py} seed.py", cwd=d, timeout=900)[-600:])
    # the AWS CLI v1 sends SQS calls in us-east-1 to its legacy endpoint (round 114's note): name the emulator
    e = f"--endpoint-url {ep}"

    for n, cmd in (
        ("cfn-validate-all-yaml", 'for t in templates/*.yaml; do echo "== $t"; aws cloudformation validate-template '
                                  '--template-body file://$t; done; echo EXIT=$?'),
        ("cfn-validate-every", 'for t in templates/*; do echo "== $t"; aws cloudformation validate-template '
                              '--template-body file://$t; done; echo EXIT=$?'),
        ("cfn-validate-url-and-body", 'echo "== s3 plan"; aws cloudformation validate-template --template-url '
                                      f'{ep}/quarry-blocks/templates/blast.yaml; for t in templates/01-saw-shed.yaml '
                                      'templates/06-dust.json templates/08-empty.yaml; do echo "== $t"; aws '
                                      'cloudformation validate-template --template-body file://$t; done; echo EXIT=$?'),
    ):
        cap(n, cmd, d, n_cfn_validate)

    cap("s3api-versions-blocks", "aws s3api list-object-versions --bucket quarry-blocks; echo EXIT=$?", d, n_versions)
    cap("s3api-versions-pit3-max", "aws s3api list-object-versions --bucket quarry-blocks --prefix register/pit-3/ "
        "--max-items 40; echo EXIT=$?", d, n_versions)
    cap("s3api-versions-missing", "aws s3api list-object-versions --bucket quarry-blocks --prefix register/north-face/ "
        "--max-items 25; aws s3api list-object-versions --bucket quarry-block; echo EXIT=$?", d, n_versions)

    loop = ('for q in {qs}; do echo "== $q"; aws sqs get-queue-attributes ' + e + ' --queue-url '
            '$(aws sqs get-queue-url ' + e + ' --queue-name $q --query QueueUrl --output text) --attribute-names All; '
            'done; echo EXIT=$?')
    cap("sqs-attrs-saw-lines", loop.format(qs="saw-line-1 saw-line-2 saw-line-3 saw-dlq"), d, n_sqs_attrs)
    cap("sqs-attrs-crusher-missing", loop.format(qs="crusher-jobs crusher-job saw-dlq"), d, n_sqs_attrs)
    cap("sqs-attrs-some", 'for q in saw-line-2 crusher-jobs; do echo "== $q"; aws sqs get-queue-attributes ' + e +
        f' --queue-url {ep}/123456789012/$q --attribute-names ApproximateNumberOfMessages '
        'ApproximateNumberOfMessagesNotVisible RedrivePolicy; done; echo "== press-line"; aws sqs '
        f'get-queue-attributes {e} --queue-url {ep}/123456789012/press-line --attribute-names All; echo EXIT=$?',
        d, n_sqs_attrs)

    cap("sns-list-subs", "aws sns list-subscriptions; echo EXIT=$?", d, n_sns_subs)
    cap("sns-list-subs-crusher", "aws sns list-subscriptions-by-topic --topic-arn "
        "arn:aws:sns:us-east-1:123456789012:crusher-faults; aws sns list-subscriptions-by-topic --topic-arn "
        "arn:aws:sns:us-east-1:123456789012:crusher-fault; echo EXIT=$?", d, n_sns_subs)
    cap("sns-list-subs-max", "aws sns list-subscriptions --max-items 30; echo EXIT=$?", d, n_sns_subs)

    cap("secrets-list", "aws secretsmanager list-secrets; echo EXIT=$?", d, n_secrets)
    cap("secrets-list-planned", "aws secretsmanager list-secrets --include-planned-deletion --max-items 20; "
        "echo EXIT=$?", d, n_secrets)
    cap("secrets-list-filter", "aws secretsmanager list-secrets --filters Key=name,Values=quarry/payroll "
        "--max-items 12; aws secretsmanager describe-secret --secret-id quarry/scada/cred-99; "
        "echo EXIT=$?", d, n_secrets)

    cap("ssm-by-path-north", "aws ssm get-parameters-by-path --path /quarry/north-face; echo EXIT=$?", d, n_ssm)
    cap("ssm-by-path-recursive", "aws ssm get-parameters-by-path --path /quarry --recursive --with-decryption; "
        "echo EXIT=$?", d, n_ssm)
    cap("ssm-get-parameters-invalid", "aws ssm get-parameters --names /quarry/pit-3/charge-kg /quarry/pit-3/blast-windows "
        "/quarry/pit-3/shotfirer-pin /quarry/pit-4/charge-kg /quarry/east-bench/burden /quarry/east-bench/burdens; "
        "aws ssm get-parameters-by-path --path quarry/pit-3; echo EXIT=$?", d, n_ssm)

    st = "$(date -u -d '-6 hours' +%Y-%m-%dT%H:%M:%SZ)"
    en = "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    cap("cw-blade-temp-saw2", f"aws cloudwatch get-metric-statistics --namespace Quarry/Saws --metric-name BladeTemp "
        f"--dimensions Name=Saw,Value=saw-2 --start-time {st} --end-time {en} --period 300 --statistics Average "
        "Maximum; echo EXIT=$?", d, n_cw)
    cap("cw-blade-temp-saw3-minute", f"aws cloudwatch get-metric-statistics --namespace Quarry/Saws --metric-name "
        f"BladeTemp --dimensions Name=Saw,Value=saw-3 --start-time {st} --end-time {en} --period 60 --statistics "
        "Minimum Maximum SampleCount; echo EXIT=$?", d, n_cw)
    cap("cw-feed-rate-and-bad", f"aws cloudwatch get-metric-statistics --namespace Quarry/Saws --metric-name FeedRate "
        f"--dimensions Name=Saw,Value=saw-1 --start-time {st} --end-time {en} --period 900 --statistics Average "
        f"Minimum Sum; aws cloudwatch get-metric-statistics --namespace Quarry/Saws --metric-name BladeTemp "
        f"--start-time {en} --end-time {st} --period 7 --statistics Median; echo EXIT=$?", d, n_cw)

    zid = "$(aws route53 list-hosted-zones --query 'HostedZones[0].Id' --output text)"
    cap("r53-records", f"aws route53 list-resource-record-sets --hosted-zone-id {zid}; echo EXIT=$?", d, n_r53)
    cap("r53-records-max", f"aws route53 list-resource-record-sets --hosted-zone-id {zid} --max-items 40; "
        "echo EXIT=$?", d, n_r53)
    cap("r53-records-missing-zone", f"aws route53 list-resource-record-sets --hosted-zone-id {zid} --max-items 12; "
        "aws route53 list-resource-record-sets --hosted-zone-id Z0QUARRY0393; echo EXIT=$?", d, n_r53)

    cap("ddb-describe-blocks", "aws dynamodb describe-table --table-name blocks; echo EXIT=$?", d, n_ddb_describe)
    cap("ddb-describe-both-missing", "for t in blocks assays tickets; do aws dynamodb describe-table --table-name $t; "
        "done; echo EXIT=$?", d, n_ddb_describe)
    cap("ddb-describe-assays", "aws dynamodb describe-table --table-name assays; aws dynamodb describe-table "
        "--table-name Assays; echo EXIT=$?", d, n_ddb_describe)

    s3c = "s3cmd -c .s3cfg"
    cap("s3cmd-ls-r-spoil", f"{s3c} ls -r s3://quarry-spoil; echo EXIT=$?", d, n_s3cmd_ls)
    cap("s3cmd-ls-dirs-du", f"{s3c} ls s3://quarry-spoil/; {s3c} ls s3://quarry-spoil/faces/; {s3c} du -H "
        f"s3://quarry-spoil/faces/ s3://quarry-spoil/assays/; {s3c} ls s3://quarry-drone/; echo EXIT=$?", d, n_s3cmd_ls)
    cap("s3cmd-la-blocks", f"{s3c} la; {s3c} ls -r s3://quarry-blocks/register/east-bench/; echo EXIT=$?", d,
        n_s3cmd_ls)

    cap("s3cmd-debug-get-missing", f"{s3c} --debug get s3://quarry-spoil/faces/pit-3/survey-2025.las /dev/null; "
        "echo EXIT=$?", d, n_s3cmd_debug)
    cap("s3cmd-debug-info-drone", f"{s3c} --debug info s3://quarry-drone/2026/; echo EXIT=$?", d, n_s3cmd_debug)
    cap("s3cmd-debug-put-nobucket", f"{s3c} --debug put templates/01-saw-shed.yaml s3://quarry-plans/stacks/; "
        f"{s3c} --debug del s3://quarry-blocks/register/nosuch.json; echo EXIT=$?", d, n_s3cmd_debug)

    pe = {"PATH": f"{VENV}/bin:/usr/bin:/bin"}
    cap("boto3-debug-s3", "python survey.py s3; echo EXIT=$?", d, n_botocore_debug, env=pe)
    cap("boto3-debug-ddb", "python survey.py ddb 2>&1 | tail -n 300; echo EXIT=$?", d, n_botocore_debug, env=pe)
    cap("boto3-debug-sm", "python survey.py sm 1; echo EXIT=$?", d, n_botocore_debug, env=pe)
    cap("boto3-debug-all-head", "python survey.py all 3 2>&1 | grep -v 'Event \\|Setting ' | head -n 600; "
        "echo EXIT=$?", d, n_botocore_debug, env=pe)


def steps() -> list:
    return [quarry]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide393", sys.modules["__main__"])
    main()
