#!/usr/bin/env python3
"""Capture round 399 of the compression corpus: round 393's cloud-CLI kinds a second time, against moto_server on
127.0.0.1 (fake keys, never a real cloud): `linkspan`, a ferry line's account filled by a seeded boto3 script (seeds
39910 and up: a versioned manifest bucket, berth plans, boarding and ramp queues, ramp and weather topics, secrets,
SSM parameters, tide-gauge and ramp metrics, a hosted zone, DynamoDB tables), a second moto_server with IAM
authentication on (denied calls) and a throttling stub (retries), read with the AWS CLI v1, s3cmd and boto3.

No new rules: every extractor is round 393's, imported from `capture_wide393` by function (NEEDLES.md, "Round 399").
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide399.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide399.json  as {"version": 2, "items": [...]}, ids prefixed "wide399-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import run  # noqa: E402
from capture_data import wait_port  # noqa: E402
from capture_wide393 import (  # noqa: E402
    n_botocore_debug, n_cfn_validate, n_cw, n_ddb_describe, n_r53, n_s3cmd_debug, n_s3cmd_ls, n_secrets, n_sns_subs,
    n_sqs_attrs, n_ssm, n_versions)

ID_PREFIX = "wide399-"
DEFAULT_OUT = HERE / "data" / "wide399.json"
TMP = Path(os.environ.get("HM_WIDE399_TMP", "/dev/shm/hm-corpus-wide399-tmp"))
VENV = Path(os.environ.get("HM_WIDE399_VENV", "/dev/shm/hm-corpus-wide399/venv"))
PY_TOOLS = ["moto[server]", "awscli", "boto3", "s3cmd"]
PORT, AUTH_PORT, STUB_PORT = 18399, 28399, 38399

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


# ------------------------------------------------------------------ the ferry line's account

SEED_PY = r'''
import json, random, datetime
import boto3
rnd = random.Random(39910)
kw = dict(region_name="us-east-1")
routes = ["north-sound", "isle-crossing", "harbour-shuttle"]
s3 = boto3.client("s3", **kw)
s3.create_bucket(Bucket="linkspan-manifests")
s3.put_bucket_versioning(Bucket="linkspan-manifests", VersioningConfiguration={"Status": "Enabled"})
for i in range(96):
    key = f"manifests/{rnd.choice(routes)}/sailing-{2600 + i}.json"
    for v in range(1 + (i % 3 == 0) + (i % 11 == 0) * 3):
        size = rnd.randint(200, 3600)
        if i == 37 and v == 0:
            size = 0
        if i == 70:
            size = 920000
        s3.put_object(Bucket="linkspan-manifests", Key=key, Body=b"m" * size)
    if i in (9, 44, 45, 81, 90):
        s3.delete_object(Bucket="linkspan-manifests", Key=key)
s3.put_object(Bucket="linkspan-manifests", Key="templates/berth-plan.yaml",
              Body=b"AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::SNS::Topic\n")
s3.create_bucket(Bucket="linkspan-berths")
for i in range(170):
    d = rnd.choice(["berths", "berths", "ramps", "tides"]) if i % 50 else "surveys"
    sub = f"berth-{rnd.randint(1, 6)}" if d == "berths" else (f"ramp-{rnd.choice('ab')}" if d == "ramps" else "gauge")
    s3.put_object(Bucket="linkspan-berths", Key=f"{d}/{sub}/plan-{i:03d}.pdf", Body=b"p" * rnd.randint(120, 7000))
s3.put_object(Bucket="linkspan-berths", Key="tides/gauge/harmonics-2027.nc", Body=b"T" * 640000)
s3.put_object(Bucket="linkspan-berths", Key="INDEX.txt", Body=b"berth plans\n")

sqs = boto3.client("sqs", **kw)
dlq = sqs.create_queue(QueueName="manifest-dlq")["QueueUrl"]
dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
specs = {"boarding-ramp-a": ({"VisibilityTimeout": "30"}, 7),
         "boarding-ramp-b": ({"VisibilityTimeout": "90", "DelaySeconds": "15"}, 48),
         "manifest-jobs": ({"VisibilityTimeout": "300", "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn,
                            "maxReceiveCount": "5"})}, 210),
         "tide-alerts": ({"ReceiveMessageWaitTimeSeconds": "20", "MessageRetentionPeriod": "3600"}, 0),
         "vehicle-deck.fifo": ({"FifoQueue": "true", "ContentBasedDeduplication": "true"}, 25)}
for n, (attrs, count) in specs.items():
    u = sqs.create_queue(QueueName=n, Attributes=attrs)["QueueUrl"]
    for k in range(count):
        extra = {"MessageGroupId": f"lane-{k % 4}"} if n.endswith(".fifo") else {}
        sqs.send_message(QueueUrl=u, MessageBody=json.dumps({"vehicle": k, "queue": n}), **extra)
    if n in ("manifest-jobs", "boarding-ramp-a"):
        sqs.receive_message(QueueUrl=u, MaxNumberOfMessages=10)
for k in range(17):
    sqs.send_message(QueueUrl=dlq, MessageBody=json.dumps({"sailing": 2700 + k, "error": "manifest checksum"}))

sns = boto3.client("sns", **kw)
topics = {t: sns.create_topic(Name=t)["TopicArn"] for t in ("sailing-changes", "ramp-faults", "weather-warnings",
                                                           "crew-call")}
people = ["purser", "bosun", "master", "mate", "deckhand", "engineer", "agent", "harbour"]
for i in range(150):
    t = "sailing-changes" if i % 6 else rnd.choice(["ramp-faults", "weather-warnings", "crew-call"])
    sns.subscribe(TopicArn=topics[t], Protocol="email", Endpoint=f"{people[i % 8]}{i:03d}@linkspan.example")
sns.subscribe(TopicArn=topics["ramp-faults"], Protocol="sms", Endpoint="+15550139910")
sns.subscribe(TopicArn=topics["weather-warnings"], Protocol="sqs", Endpoint=dlq_arn)
sns.subscribe(TopicArn=topics["ramp-faults"], Protocol="http", Endpoint="http://127.0.0.1:38399/ramp-hook")
sns.subscribe(TopicArn=topics["crew-call"], Protocol="lambda",
              Endpoint="arn:aws:lambda:us-east-1:123456789012:function:crew-pager")

sm = boto3.client("secretsmanager", **kw)
for i in range(58):
    system = rnd.choice(["ticket-desk", "port-vts", "linkspan-plc", "payroll"])
    name = f"linkspan/{system}/key-{i:02d}"
    sm.create_secret(Name=name, Description=f"{system} credential {i}",
                     SecretString=json.dumps({"user": f"svc{i}", "password": "y" * 14}),
                     Tags=[{"Key": "line", "Value": "linkspan"}, {"Key": "system", "Value": system}])
    if i in (12, 40, 41):
        sm.delete_secret(SecretId=name, RecoveryWindowInDays=14)
    if i == 50:
        sm.delete_secret(SecretId=name, ForceDeleteWithoutRecovery=True)

ssm = boto3.client("ssm", **kw)
for b in range(1, 9):
    for p in ("length-m", "depth-lw", "fender-type", "bollard-t", "ramp-angle-max", "tide-offset-cm", "pilot-req",
              "berthing-speed"):
        ssm.put_parameter(Name=f"/linkspan/berth-{b}/{p}", Value=str(rnd.randint(1, 400)), Type="String")
for r in ("a", "b"):
    ssm.put_parameter(Name=f"/linkspan/ramp-{r}/hydraulic-bar", Value=str(rnd.randint(150, 220)), Type="String")
    ssm.put_parameter(Name=f"/linkspan/ramp-{r}/operator-code", Value="2901", Type="SecureString")
    ssm.put_parameter(Name=f"/linkspan/ramp-{r}/lanes", Value="1,2,3", Type="StringList")
for v in range(6):
    ssm.put_parameter(Name="/linkspan/berth-3/tide-offset-cm", Value=str(12 + v * 3), Type="String", Overwrite=True)
ssm.put_parameter(Name="/linkspan/ramp-b/hydraulic-bar", Value="240", Type="String", Overwrite=True)

cw = boto3.client("cloudwatch", **kw)
now = datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0)
import math
for gauge in ("pier-head", "inner-basin"):
    data = []
    for m in range(360):
        t = now - datetime.timedelta(minutes=m)
        h = 2.4 + 1.9 * math.sin(m / 124.0 * math.pi) + rnd.random() * 0.05
        if gauge == "pier-head" and m in (101, 102):
            h = 6.85 + m / 1000
        if gauge == "inner-basin" and m == 250:
            h = -0.9
        data.append({"MetricName": "TideHeight", "Dimensions": [{"Name": "Gauge", "Value": gauge}], "Timestamp": t,
                     "Value": round(h, 3), "Unit": "None"})
    for k in range(0, len(data), 500):
        cw.put_metric_data(Namespace="Linkspan/Tides", MetricData=data[k:k + 500])
for ramp in ("ramp-a", "ramp-b"):
    data = []
    for m in range(360):
        t = now - datetime.timedelta(minutes=m)
        v = 180 + rnd.random() * 12 if not (ramp == "ramp-b" and 30 <= m < 34) else 0.0
        data.append({"MetricName": "HydraulicPressure", "Dimensions": [{"Name": "Ramp", "Value": ramp}],
                     "Timestamp": t, "Value": round(v, 1), "Unit": "None"})
    cw.put_metric_data(Namespace="Linkspan/Ramps", MetricData=data)

r53 = boto3.client("route53", **kw)
zid = r53.create_hosted_zone(Name="linkspan.example.", CallerReference="l399")["HostedZone"]["Id"]
changes = []
for i in range(240):
    kind = ("berth", "ramp", "cam", "ais")[i % 4]
    ttl = 60 if i in (33, 171) else (172800 if i == 88 else 300)
    changes.append({"Action": "CREATE", "ResourceRecordSet": {"Name": f"{kind}-{i:03d}.linkspan.example.", "Type": "A",
                    "TTL": ttl, "ResourceRecords": [{"Value": f"10.99.{i // 100}.{i % 100 + 1}"}]}})
changes.append({"Action": "CREATE", "ResourceRecordSet": {"Name": "vts.linkspan.example.", "Type": "CNAME", "TTL": 300,
                "ResourceRecords": [{"Value": "ais-000.linkspan.example."}]}})
changes.append({"Action": "CREATE", "ResourceRecordSet": {"Name": "_sip._udp.linkspan.example.", "Type": "SRV",
                "TTL": 600, "ResourceRecords": [{"Value": "10 5 5060 berth-000.linkspan.example."}]}})
changes.append({"Action": "CREATE", "ResourceRecordSet": {"Name": "linkspan.example.", "Type": "TXT", "TTL": 300,
                "ResourceRecords": [{"Value": "\"v=spf1 -all\""}]}})
r53.change_resource_record_sets(HostedZoneId=zid, ChangeBatch={"Changes": changes})
print("zone", zid)

ddb = boto3.client("dynamodb", **kw)
ddb.create_table(TableName="manifests", BillingMode="PAY_PER_REQUEST",
                 AttributeDefinitions=[{"AttributeName": a, "AttributeType": "S"} for a in ("sailing", "vehicle", "reg",
                                                                                            "deck")],
                 KeySchema=[{"AttributeName": "sailing", "KeyType": "HASH"}, {"AttributeName": "vehicle", "KeyType": "RANGE"}],
                 GlobalSecondaryIndexes=[{"IndexName": "by-reg", "KeySchema": [{"AttributeName": "reg", "KeyType": "HASH"}],
                                          "Projection": {"ProjectionType": "KEYS_ONLY"}},
                                         {"IndexName": "by-deck", "KeySchema": [{"AttributeName": "deck", "KeyType": "HASH"},
                                          {"AttributeName": "sailing", "KeyType": "RANGE"}],
                                          "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["reg"]}}],
                 StreamSpecification={"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"})
ddb.create_table(TableName="tide-tables", BillingMode="PROVISIONED",
                 ProvisionedThroughput={"ReadCapacityUnits": 10, "WriteCapacityUnits": 1},
                 AttributeDefinitions=[{"AttributeName": "port", "AttributeType": "S"},
                                       {"AttributeName": "at", "AttributeType": "S"},
                                       {"AttributeName": "height", "AttributeType": "N"}],
                 KeySchema=[{"AttributeName": "port", "KeyType": "HASH"}, {"AttributeName": "at", "KeyType": "RANGE"}],
                 LocalSecondaryIndexes=[{"IndexName": "by-height", "KeySchema": [{"AttributeName": "port", "KeyType": "HASH"},
                                         {"AttributeName": "height", "KeyType": "RANGE"}], "Projection": {"ProjectionType": "ALL"}}])
ddb.create_table(TableName="berth-bookings", BillingMode="PAY_PER_REQUEST",
                 AttributeDefinitions=[{"AttributeName": "berth", "AttributeType": "S"}],
                 KeySchema=[{"AttributeName": "berth", "KeyType": "HASH"}])
for i in range(260):
    ddb.put_item(TableName="manifests", Item={"sailing": {"S": f"S{2600 + i % 40}"}, "vehicle": {"S": f"V{i:04d}"},
                                              "reg": {"S": f"LK{rnd.randint(10, 99)} {rnd.choice('ABCDEFG')}{rnd.choice('HJKLMN')}"},
                                              "deck": {"S": rnd.choice(["upper", "main", "hoistable"])}})
for i in range(96):
    ddb.put_item(TableName="tide-tables", Item={"port": {"S": rnd.choice(["north-sound", "isle"])},
                                                "at": {"S": f"2027-01-{1 + i // 4:02d}T{(i % 4) * 6:02d}:00"},
                                                "height": {"N": str(round(0.4 + rnd.random() * 4.6, 2))}})
print("seeded")
'''

# The second emulator switches authentication on after INITIAL_NO_AUTH_ACTION_COUNT requests; this seed makes its
# user and resources inside that count, then spends the rest of it so that every later call is checked.
AUTH_SEED_PY = r'''
import json
import boto3
kw = dict(region_name="us-east-1")
s3 = boto3.client("s3", **kw)
s3.create_bucket(Bucket="linkspan-crew")
for k in ("rota/week-01.csv", "rota/week-02.csv", "payroll/2026-12.csv"):
    s3.put_object(Bucket="linkspan-crew", Key=k, Body=b"c" * 900)
sqs = boto3.client("sqs", **kw)
sqs.create_queue(QueueName="crew-roster")
iam = boto3.client("iam", **kw)
iam.create_user(UserName="deckhand")
iam.put_user_policy(UserName="deckhand", PolicyName="rota-only", PolicyDocument=json.dumps({
    "Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::linkspan-crew/rota/*"},
        {"Effect": "Allow", "Action": ["s3:ListBucket"], "Resource": "arn:aws:s3:::linkspan-crew"},
        {"Effect": "Allow", "Action": ["sqs:GetQueueUrl"], "Resource": "*"}]}))
key = iam.create_access_key(UserName="deckhand")["AccessKey"]
with open("deckhand.env", "w") as f:
    f.write(f"export AWS_ACCESS_KEY_ID={key['AccessKeyId']}\nexport AWS_SECRET_ACCESS_KEY={key['SecretAccessKey']}\n")
with open(".s3cfg-deckhand", "w") as f:
    f.write(f"[default]\naccess_key = {key['AccessKeyId']}\nsecret_key = {key['SecretAccessKey']}\n"
            "host_base = 127.0.0.1:28399\nhost_bucket = 127.0.0.1:28399\nuse_https = False\nsignature_v2 = False\n")
n = 0
while n < 60:
    try:
        s3.list_buckets()
        n += 1
    except Exception as e:
        print("auth on after", n, "padding calls:", type(e).__name__)
        break
'''

# A stub that answers as a busy service: throttling and 5xx for most calls, success now and then.
STUB_PY = r'''
import json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
COUNT = {}
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def _answer(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(n)
        target = self.headers.get("X-Amz-Target", "") or self.command + self.path.split("?")[0]
        c = COUNT[target] = COUNT.get(target, 0) + 1
        ok = c % 4 == 0
        if "DynamoDB" in target:
            code, ctype = (200, "application/x-amz-json-1.0") if ok else (400, "application/x-amz-json-1.0")
            body = {} if ok else {"__type": "com.amazonaws.dynamodb.v20120810#ThrottlingException",
                                  "message": "Rate of requests exceeds the allowed throughput."}
            data = json.dumps(body).encode()
        elif "AmazonSSM" in target:
            code, ctype = 400, "application/x-amz-json-1.1"
            data = json.dumps({"__type": "ThrottlingException", "message": "Rate exceeded"}).encode()
        elif "secretsmanager" in target:
            code, ctype = 500, "application/x-amz-json-1.1"
            data = json.dumps({"__type": "InternalServiceError", "Message": "ferry desk backend unavailable"}).encode()
        elif "AmazonSQS" in target:
            code, ctype = 400, "application/x-amz-json-1.0"
            data = json.dumps({"__type": "com.amazonaws.sqs#RequestThrottled", "message": "Request is throttled."}).encode()
        else:
            code, ctype = (503, "application/xml") if not ok else (200, "application/xml")
            data = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code><Message>Please reduce your '
                    b'request rate.</Message><RequestId>LS399STUB</RequestId></Error>') if not ok else b""
            if ok and self.command == "HEAD":
                data = b""
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("x-amzn-RequestId", f"stub-{c:04d}")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
    do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = _answer
    def log_message(self, *a):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''

BOTO_OPS = r'''
import logging, sys
import boto3
from botocore.config import Config
boto3.set_stream_logger("", logging.DEBUG)
cfg = Config(retries={"max_attempts": int(sys.argv[2]) if len(sys.argv) > 2 else 3, "mode": "standard"},
             connect_timeout=2, read_timeout=4)
ok = failed = 0
def call(name, fn):
    global ok, failed
    try:
        fn()
        ok += 1
    except Exception as e:
        failed += 1
        logging.getLogger("ferry-ops").error("%s failed: %s", name, e)
which = sys.argv[1]
if which == "denied":
    s3 = boto3.client("s3", config=cfg)
    call("rota week 1", lambda: s3.get_object(Bucket="linkspan-crew", Key="rota/week-01.csv"))
    call("payroll", lambda: s3.get_object(Bucket="linkspan-crew", Key="payroll/2026-12.csv"))
    call("put rota", lambda: s3.put_object(Bucket="linkspan-crew", Key="rota/week-03.csv", Body=b"x"))
    sqs = boto3.client("sqs", config=cfg)
    call("roster url", lambda: sqs.get_queue_url(QueueName="crew-roster"))
    call("roster send", lambda: sqs.send_message(QueueUrl="http://127.0.0.1:28399/123456789012/crew-roster",
                                                 MessageBody="swap shift"))
    iam = boto3.client("iam", config=cfg)
    call("list users", lambda: iam.list_users())
if which in ("throttle", "throttle-ddb"):
    ddb = boto3.client("dynamodb", config=cfg)
    for s in ("S2601", "S2602", "S2603"):
        call(f"manifest {s}", lambda s=s: ddb.get_item(TableName="manifests", Key={"sailing": {"S": s}, "vehicle": {"S": "V0001"}}))
if which in ("throttle", "throttle-s3"):
    s3 = boto3.client("s3", config=cfg)
    call("head berths", lambda: s3.head_bucket(Bucket="linkspan-berths"))
    call("get harmonics", lambda: s3.get_object(Bucket="linkspan-berths", Key="tides/gauge/harmonics-2027.nc"))
if which in ("throttle", "throttle-misc"):
    ssm = boto3.client("ssm", config=cfg)
    call("ramp pressure", lambda: ssm.get_parameter(Name="/linkspan/ramp-a/hydraulic-bar"))
    sm = boto3.client("secretsmanager", config=cfg)
    call("desk key", lambda: sm.get_secret_value(SecretId="linkspan/ticket-desk/key-03"))
    sqs = boto3.client("sqs", config=cfg)
    call("ramp queue", lambda: sqs.get_queue_url(QueueName="boarding-ramp-a"))
if which == "missing":
    sqs = boto3.client("sqs", config=cfg)
    call("deck queue", lambda: sqs.get_queue_url(QueueName="vehicle-deck"))
    call("fifo no group", lambda: sqs.send_message(QueueUrl="http://127.0.0.1:18399/123456789012/vehicle-deck.fifo",
                                                   MessageBody="car 7"))
    ssm = boto3.client("ssm", config=cfg)
    call("berth 9", lambda: ssm.get_parameter(Name="/linkspan/berth-9/length-m"))
    ddb = boto3.client("dynamodb", config=cfg)
    call("tides query", lambda: ddb.query(TableName="tide-tables", IndexName="by-port",
                                          KeyConditionExpression="port = :p",
                                          ExpressionAttributeValues={":p": {"S": "isle"}}))
    call("booking bad key", lambda: ddb.get_item(TableName="berth-bookings", Key={"berth_id": {"S": "B4"}}))
    s3 = boto3.client("s3", config=cfg)
    call("copy manifest", lambda: s3.copy_object(Bucket="linkspan-manifests", Key="archive/s2601.json",
                                                 CopySource={"Bucket": "linkspan-manifests", "Key": "manifests/old/s2601.json"}))
print(f"done: {ok} ok, {failed} failed")
sys.exit(1 if failed else 0)
'''

TEMPLATES = {
    "templates/01-berth-plan.yaml": """AWSTemplateFormatVersion: "2010-09-09"
Description: Berth plan topic and the berthing queue
Parameters:
  BerthName:
    Type: String
    Default: berth-4
    Description: the berth this stack serves
  BerthingDelay:
    Type: Number
    Default: 30
Resources:
  BerthTopic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Ref BerthName
  BerthingQueue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: !Ref BerthingDelay
""",
    "templates/02-ramp-alarm.yaml": """AWSTemplateFormatVersion: "2010-09-09"
Description: Ramp hydraulics alarm
Resources:
  RampTopic:
    Type: AWS::SNS::Topic
  RampTopic:
    Type: AWS::SQS::Queue
Outputs:
  Topic:
    Value: !GetAtt RampTopic.Arn
""",
    "templates/03-manifest-table.yaml": """AWSTemplateFormatVersion: "2010-09-09"
Description: Manifest table
Resources:
  - Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
""",
    "templates/04-tide-gauge.yaml": """AWSTemplateFormatVersion: "2010-09-09"
Description: Tide gauge log group
Parameters:
  GaugeName:
    Type: String
Resources:
  GaugeLog:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Reff GaugeName
      RetentionInDays: [30
""",
    "templates/05-linkspan.json": """{
  "AWSTemplateFormatVersion": "2010-09-09",
  // the linkspan's hydraulics
  "Description": "Linkspan hydraulics",
  "Resources": {"Pump": {"Type": "AWS::SNS::Topic"}}
}
""",
    "templates/06-weather.json": """{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Description": "Weather warnings fan-out",
  "Parameters": {
    "WindLimitKnots": {"Type": "Number", "Default": 35, "Description": "sailings stop above this"},
    "WarningTopicName": {"Type": "String", "Default": "gale-warnings"}
  },
  "Resources": {
    "WarningTopic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Ref": "WarningTopicName"}}},
    "WarningQueue": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": {"Ref": "WindLimitKnots"}}}
  }
}
""",
    "templates/07-crew.yaml": "AWSTemplateFormatVersion: '2010-09-09'\nDescription: 42\nResources: {}\n",
    "templates/08-fuel.yaml": """AWSTemplateFormatVersion: "2010-09-09"
Description: Bunker fuel log
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  FuelLog:
    Type: AWS::Logs::LogGroup
    Condition: IsProd
""",
    "templates/09-gangway.yaml": """AWSTemplateFormatVersion: "2010-09-09"
Description: Gangway sensors
Parameters:
  SensorCount:
    Type: Number
    Default: 4
Resources:
  SensorQueue:
    Type: AWS::SQS::Queue
    Properties:
      MaximumMessageSize: !Ref SensorCount
Outputs:
  QueueArn:
    Value: !GetAtt SensorQueue.Arn
""",
}


def ensure_tools() -> None:
    """moto[server], the AWS CLI v1, boto3 and s3cmd from PyPI, in a venv of this round made once."""
    cm.install_venv(VENV, "s3cmd", PY_TOOLS, timeout=1800)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def linkspan(tmp: Path) -> None:
    d = tmp / "linkspan"
    d.mkdir()
    ep = f"http://127.0.0.1:{PORT}"
    env = {"AWS_ENDPOINT_URL": ep, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
           "AWS_DEFAULT_REGION": "us-east-1", "AWS_PAGER": "", "AWS_CONFIG_FILE": str(d / "aws-config"),
           "AWS_SHARED_CREDENTIALS_FILE": str(d / "aws-creds")}
    cm.BASE_ENV.update(env)
    cm.start([str(VENV / "bin" / "moto_server"), "-H", "127.0.0.1", "-p", str(PORT)], cwd=d,
             log=open(d / "moto.log", "wb"))
    cm.start([str(VENV / "bin" / "moto_server"), "-H", "127.0.0.1", "-p", str(AUTH_PORT)], cwd=d,
             log=open(d / "moto-auth.log", "wb"), env={"INITIAL_NO_AUTH_ACTION_COUNT": "40"})
    py = VENV / "bin" / "python"
    cm.write_tree(d, {"seed.py": SEED_PY, "auth_seed.py": AUTH_SEED_PY, "stub.py": STUB_PY, "ferry_ops.py": BOTO_OPS,
                      **TEMPLATES,
                      ".s3cfg": f"[default]\naccess_key = testing\nsecret_key = testing\nhost_base = 127.0.0.1:{PORT}\n"
                                f"host_bucket = 127.0.0.1:{PORT}\nuse_https = False\nsignature_v2 = False\n",
                      ".s3cfg-stranger": "[default]\naccess_key = AKIAFERRY0STRANGER99\nsecret_key = notakey\n"
                                         f"host_base = 127.0.0.1:{AUTH_PORT}\nhost_bucket = 127.0.0.1:{AUTH_PORT}\n"
                                         "use_https = False\nsignature_v2 = False\n"})
    cm.start([str(py), "stub.py", str(STUB_PORT)], cwd=d, log=open(d / "stub.log", "wb"))
    assert wait_port(PORT, 40) and wait_port(AUTH_PORT, 40) and wait_port(STUB_PORT, 20), "a server did not start"
    cm.note(run(f"nice {py} seed.py", cwd=d, timeout=900)[-600:])
    cm.note(run(f"nice {py} auth_seed.py", cwd=d, timeout=300,
                env={"AWS_ENDPOINT_URL": f"http://127.0.0.1:{AUTH_PORT}"})[-600:])
    e = f"--endpoint-url {ep}"
    ae = f"--endpoint-url http://127.0.0.1:{AUTH_PORT}"
    stranger = "AWS_ACCESS_KEY_ID=AKIAFERRY0STRANGER99 AWS_SECRET_ACCESS_KEY=notakey"

    # CloudFormation: malformed templates, a missing file, a missing URL, a denied caller
    cap("cfn-validate-every", 'for t in templates/*; do echo "== $t"; aws cloudformation validate-template '
        '--template-body file://$t; done; echo EXIT=$?', d, n_cfn_validate)
    cap("cfn-validate-url-missing", f'echo "== s3 berth plan"; aws cloudformation validate-template --template-url '
        f'https://s3.amazonaws.com/linkspan-manifests/templates/berth-plan.yaml; echo "== s3 old plan"; aws '
        'cloudformation validate-template --template-url '
        'https://s3.amazonaws.com/linkspan-manifests/templates/berth-plan-old.yaml; '
        'for t in templates/10-missing.yaml templates/06-weather.json; do echo "== $t"; aws cloudformation '
        'validate-template --template-body file://$t; done; echo EXIT=$?', d, n_cfn_validate)
    cap("cfn-validate-denied", f'. ./deckhand.env; for t in templates/01-berth-plan.yaml templates/09-gangway.yaml; '
        f'do echo "== $t (deckhand)"; aws cloudformation validate-template {ae} --template-body file://$t; done; '
        f'echo "== templates/06-weather.json (stranger)"; {stranger} aws cloudformation validate-template {ae} '
        '--template-body file://templates/06-weather.json; echo "== templates/01-berth-plan.yaml (no body)"; '
        'aws cloudformation validate-template; echo EXIT=$?', d, n_cfn_validate)

    # S3 versions: a long listing, pages, a denied listing
    cap("s3api-versions-manifests", "aws s3api list-object-versions --bucket linkspan-manifests; echo EXIT=$?", d,
        n_versions)
    cap("s3api-versions-isle-page", "aws s3api list-object-versions --bucket linkspan-manifests --prefix "
        "manifests/isle-crossing/ --max-items 30 --page-size 10; echo EXIT=$?", d, n_versions)
    cap("s3api-versions-denied", f". ./deckhand.env; aws s3api list-object-versions {ae} --bucket linkspan-crew; "
        f"aws s3api list-object-versions --bucket linkspan-manifests --prefix manifests/north-sound/ --max-items 20; "
        f"aws s3api list-object-versions --bucket linkspan-manifests --max-keys -3; echo EXIT=$?", d, n_versions)
    cap("s3api-versions-shuttle-token", "aws s3api list-object-versions --bucket linkspan-manifests --prefix "
        "manifests/harbour-shuttle/ --max-items 15; aws s3api list-object-versions --bucket linkspan-manifests "
        "--starting-token not-a-token; echo EXIT=$?", d, n_versions)

    # SQS attributes
    loop = ('for q in {qs}; do echo "== $q"; aws sqs get-queue-attributes ' + e + ' --queue-url '
            '$(aws sqs get-queue-url ' + e + ' --queue-name $q --query QueueUrl --output text) --attribute-names All; '
            'done; echo EXIT=$?')
    cap("sqs-attrs-all-queues", loop.format(qs="boarding-ramp-a boarding-ramp-b manifest-jobs manifest-dlq "
                                                "tide-alerts vehicle-deck.fifo"), d, n_sqs_attrs)
    cap("sqs-attrs-bad-names", 'for q in vehicle-deck.fifo manifest-jobs; do echo "== $q"; aws sqs '
        f'get-queue-attributes {e} --queue-url {ep}/123456789012/$q --attribute-names FifoQueue '
        'ContentBasedDeduplication ApproximateNumberOfMessages QueueArn; done; echo "== manifest-jobs (bad name)"; '
        f'aws sqs get-queue-attributes {e} --queue-url {ep}/123456789012/manifest-jobs --attribute-names '
        'ApproximateNumberOfMessage; echo "== vehicle-deck"; aws sqs get-queue-attributes ' + e + ' --queue-url '
        f'{ep}/123456789012/vehicle-deck --attribute-names All; echo EXIT=$?', d, n_sqs_attrs)
    cap("sqs-attrs-denied", f'. ./deckhand.env; echo "== crew-roster (deckhand)"; aws sqs get-queue-attributes {ae} '
        f'--queue-url http://127.0.0.1:{AUTH_PORT}/123456789012/crew-roster --attribute-names All; '
        f'echo "== crew-roster (stranger)"; {stranger} aws sqs get-queue-url {ae} --queue-name crew-roster; '
        f'echo "== manifest-dlq"; aws sqs get-queue-attributes {e} --queue-url {ep}/123456789012/manifest-dlq '
        '--attribute-names All; echo EXIT=$?', d, n_sqs_attrs)

    # SNS subscriptions: more than one page
    cap("sns-list-subs", "aws sns list-subscriptions; echo EXIT=$?", d, n_sns_subs)
    cap("sns-list-subs-ramp-bad-arn", "aws sns list-subscriptions-by-topic --topic-arn "
        "arn:aws:sns:us-east-1:123456789012:ramp-faults; aws sns list-subscriptions-by-topic --topic-arn "
        "ramp-faults; aws sns list-subscriptions-by-topic --topic-arn "
        "arn:aws:sns:us-east-1:123456789012:ramp-fault; echo EXIT=$?", d, n_sns_subs)
    cap("sns-list-subs-pages", "aws sns list-subscriptions --max-items 45; aws sns list-subscriptions-by-topic --topic-arn "
        "arn:aws:sns:us-east-1:123456789012:sailing-changes --max-items 30; echo EXIT=$?", d, n_sns_subs)

    # Secrets
    cap("secrets-list-planned", "aws secretsmanager list-secrets --include-planned-deletion; echo EXIT=$?", d,
        n_secrets)
    cap("secrets-list-page-filter", "aws secretsmanager list-secrets --max-items 18 --filters Key=tag-value,"
        "Values=port-vts; aws secretsmanager list-secrets --filters Key=colour,Values=red; echo EXIT=$?", d, n_secrets)
    cap("secrets-list-desk-deleted", "aws secretsmanager list-secrets --include-planned-deletion --filters "
        "Key=description,Values=ticket-desk; aws secretsmanager describe-secret --secret-id linkspan/payroll/key-50; "
        "echo EXIT=$?", d, n_secrets)

    # SSM
    cap("ssm-by-path-recursive", "aws ssm get-parameters-by-path --path /linkspan --recursive --with-decryption; "
        "echo EXIT=$?", d, n_ssm)
    cap("ssm-by-path-berth3-page", "aws ssm get-parameters-by-path --path /linkspan/berth-3 --max-items 5; "
        "aws ssm get-parameters-by-path --path /linkspan/ramp-b --parameter-filters Key=Type,Values=SecureString; "
        "echo EXIT=$?", d, n_ssm)
    cap("ssm-get-parameters-invalid", "aws ssm get-parameters --names /linkspan/ramp-a/lanes /linkspan/ramp-a/lane "
        "/linkspan/berth-3/tide-offset-cm:4 /linkspan/berth-3/tide-offset-cm:9 /linkspan/berth-7/pilot-req "
        "/linkspan/berth-12/pilot-req; aws ssm get-parameters-by-path --path /linkspan/ --max-results 60; "
        "echo EXIT=$?", d, n_ssm)

    # CloudWatch
    st = "$(date -u -d '-6 hours' +%Y-%m-%dT%H:%M:%SZ)"
    en = "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    cap("cw-tide-pier-head", f"aws cloudwatch get-metric-statistics --namespace Linkspan/Tides --metric-name "
        f"TideHeight --dimensions Name=Gauge,Value=pier-head --start-time {st} --end-time {en} --period 60 "
        "--statistics Average Maximum Minimum; echo EXIT=$?", d, n_cw)
    cap("cw-tide-basin-10min", f"aws cloudwatch get-metric-statistics --namespace Linkspan/Tides --metric-name "
        f"TideHeight --dimensions Name=Gauge,Value=inner-basin --start-time {st} --end-time {en} --period 600 "
        "--statistics Minimum Maximum SampleCount Sum; echo EXIT=$?", d, n_cw)
    cap("cw-ramp-pressure-and-bad", f"aws cloudwatch get-metric-statistics --namespace Linkspan/Ramps --metric-name "
        f"HydraulicPressure --dimensions Name=Ramp,Value=ramp-b --start-time {st} --end-time {en} --period 300 "
        f"--statistics Minimum Average; aws cloudwatch get-metric-statistics --namespace Linkspan/Ramps "
        f"--metric-name HydraulicPressure --start-time {st} --end-time {en} --period 300 --extended-statistics p99 "
        "--statistics Average; aws cloudwatch get-metric-statistics --namespace Linkspan/Ramps --metric-name "
        "HydraulicPressure --start-time yesterday-ish --end-time now --period 300 --statistics Average; "
        "echo EXIT=$?", d, n_cw)

    # Route 53
    zid = "$(aws route53 list-hosted-zones --query 'HostedZones[0].Id' --output text)"
    cap("r53-records", f"aws route53 list-resource-record-sets --hosted-zone-id {zid}; echo EXIT=$?", d, n_r53)
    cap("r53-records-page-from", f"aws route53 list-resource-record-sets --hosted-zone-id {zid} --max-items 60 "
        "--page-size 25; echo EXIT=$?", d, n_r53)
    cap("r53-records-missing", f"aws route53 list-resource-record-sets --hosted-zone-id {zid} --max-items 20; "
        "aws route53 list-resource-record-sets --hosted-zone-id Z0LINKSPAN399; aws route53 "
        f"list-resource-record-sets --hosted-zone-id {zid} --start-record-type A; echo EXIT=$?", d, n_r53)

    # DynamoDB
    cap("ddb-describe-manifests", "aws dynamodb describe-table --table-name manifests; echo EXIT=$?", d,
        n_ddb_describe)
    cap("ddb-describe-all-bad-name", "for t in manifests tide-tables berth-bookings 'tide tables' sailings; do "
        "aws dynamodb describe-table --table-name \"$t\"; done; echo EXIT=$?", d, n_ddb_describe)
    cap("ddb-describe-tides-denied", f"aws dynamodb describe-table --table-name tide-tables; {stranger} aws dynamodb "
        f"describe-table {ae} --table-name tide-tables; echo EXIT=$?", d, n_ddb_describe)

    # s3cmd
    s3c = "s3cmd -c .s3cfg"
    cap("s3cmd-ls-r-berths", f"{s3c} ls -r s3://linkspan-berths; echo EXIT=$?", d, n_s3cmd_ls)
    cap("s3cmd-ls-dirs-du", f"{s3c} ls s3://linkspan-berths/; {s3c} ls s3://linkspan-berths/berths/; {s3c} du -H "
        "s3://linkspan-berths/ramps/ s3://linkspan-berths/tides/ s3://linkspan-berths/surveys/; "
        f"{s3c} ls s3://linkspan-timetables/; echo EXIT=$?", d, n_s3cmd_ls)
    cap("s3cmd-la-denied", f"{s3c} la; {s3c} ls -r s3://linkspan-manifests/manifests/north-sound/; "
        f"s3cmd -c .s3cfg-deckhand ls s3://linkspan-crew/; s3cmd -c .s3cfg-deckhand ls; echo EXIT=$?", d, n_s3cmd_ls)

    cap("s3cmd-debug-denied-get", "s3cmd -c .s3cfg-deckhand --debug get s3://linkspan-crew/payroll/2026-12.csv "
        "/dev/null; echo EXIT=$?", d, n_s3cmd_debug)
    cap("s3cmd-debug-stranger-ls", "s3cmd -c .s3cfg-stranger --debug ls s3://linkspan-crew/rota/; echo EXIT=$?", d,
        n_s3cmd_debug)
    cap("s3cmd-debug-slowdown", f"s3cmd -c .s3cfg --host 127.0.0.1:{STUB_PORT} --host-bucket 127.0.0.1:{STUB_PORT} "
        "--debug info s3://linkspan-berths/INDEX.txt; echo EXIT=$?", d, n_s3cmd_debug, timeout=300)
    cap("s3cmd-debug-put-versioned", f"{s3c} --debug put templates/06-weather.json s3://linkspan-timetables/; "
        f"{s3c} --debug get s3://linkspan-manifests/manifests/north-sound/sailing-2609.json /dev/null; echo EXIT=$?",
        d, n_s3cmd_debug)

    pe = {"PATH": f"{VENV}/bin:/usr/bin:/bin"}
    cap("boto3-debug-denied", f". ./deckhand.env; AWS_ENDPOINT_URL=http://127.0.0.1:{AUTH_PORT} python ferry_ops.py "
        "denied 2>&1 | grep -v 'Event \\|Setting '; echo EXIT=$?", d, n_botocore_debug, env=pe)
    cap("boto3-debug-throttle-ddb", f"AWS_ENDPOINT_URL=http://127.0.0.1:{STUB_PORT} python ferry_ops.py throttle-ddb "
        "4; echo EXIT=$?", d, n_botocore_debug, env=pe, timeout=300)
    cap("boto3-debug-throttle-misc", f"AWS_ENDPOINT_URL=http://127.0.0.1:{STUB_PORT} python ferry_ops.py "
        "throttle-misc 3 2>&1 | tail -n 400; echo EXIT=$?", d, n_botocore_debug, env=pe, timeout=300)
    cap("boto3-debug-throttle-s3", f"AWS_ENDPOINT_URL=http://127.0.0.1:{STUB_PORT} python ferry_ops.py throttle-s3 "
        "5 2>&1 | grep -v 'Event \\|Setting '; echo EXIT=$?", d, n_botocore_debug, env=pe, timeout=300)
    cap("boto3-debug-missing", "python ferry_ops.py missing 2 2>&1 | grep -v 'Event \\|Setting ' | head -n 700; "
        "echo EXIT=$?", d, n_botocore_debug, env=pe)


def steps() -> list:
    return [linkspan]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide399", sys.modules["__main__"])
    main()
