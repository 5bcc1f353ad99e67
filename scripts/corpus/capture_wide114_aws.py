"""Round 114's AWS account on a local emulator, and the extractors of its kinds (NEEDLES.md, "Round 114"): the `depot`
freight yard's resources made in moto_server by a seeded boto3 script, read with the AWS CLI and with boto3 scripts of
the depot whose calls fail. Run through capture_wide114.py."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, num, rule4, wait_port
from capture_wide114 import EXIT_RE, VENV, add, cap, exit_lines

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

CLI_ERR = re.compile(r"An error occurred \(|^aws: error:|Bad value for --query|fatal error:|Parameter validation "
                     r"failed|^Invalid |^Unknown parameter|Could not connect to the endpoint|Unable to locate "
                     r"credentials|^usage: aws|failed: s3://|^\s*\^\s*$")


def cli_errors(lines: list[str]) -> list[str]:
    """Rule 1: every line the CLI prints for an error."""
    return [ln for ln in lines if CLI_ERR.search(ln) and ln.strip() and ln.strip() != "^"]


S3_ROW = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\s+([\d.]+(?: \w+)?)\s+(\S.*)$")


@cm.kind("aws-s3-ls", "listing")
def n_s3_ls(lines):
    """Rules 4+5: every PRE line, the rows holding the smallest and largest size and the oldest and newest timestamp, the Total Objects / Total Size lines; CLI error lines; EXIT=N."""
    out, rows = [], []
    for ln in lines:
        m = S3_ROW.match(ln)
        if m:
            ts = float(re.sub(r"\D", "", m.group(1)))
            rows.append((ln, {"size": m.group(2).replace(" Bytes", "").replace(" ", ""), "time": ts}))
        elif re.match(r"^\s+PRE \S", ln) or re.match(r"^\s*Total (Objects|Size):", ln):
            out.append(ln)
    return cli_errors(lines) + out + rule4(rows, nums=("size", "time")) + exit_lines(lines)


@cm.kind("aws-s3-dryrun", "listing")
def n_s3_dryrun(lines):
    """Rule 5: every (dryrun) delete: line, the first and last (dryrun) upload: / download: / copy: line, every warning: line; CLI error lines; EXIT=N."""
    dels = [ln for ln in lines if "(dryrun) delete:" in ln]
    moves = [ln for ln in lines if re.search(r"\(dryrun\) (upload|download|copy|move):", ln)]
    warns = [ln for ln in lines if ln.startswith("warning:")]
    return cli_errors(lines) + dels + moves[:1] + moves[-1:] + warns + exit_lines(lines)


def _json_objects(lines: list[str], start_key: str) -> list[list[str]]:
    """The lines of each JSON object in an array of records, an object starting at the line holding `start_key`
    as its first key (pretty-printed by the CLI or jq, 4 or 2 spaces)."""
    objs, cur, depth0 = [], None, None
    for ln in lines:
        ind = len(ln) - len(ln.lstrip())
        if re.match(rf'^\s*"{start_key}":', ln):
            if cur is not None and ind <= depth0:
                objs.append(cur)
            if cur is None or ind <= depth0:
                cur, depth0 = [], ind
        if cur is not None:
            if ind < depth0 and ln.strip() and not ln.strip().startswith('"'):
                objs.append(cur)
                cur = None
                continue
            cur.append(ln)
    if cur:
        objs.append(cur)
    return objs


def _val(ln: str):
    m = re.match(r'^\s*"[^"]+":\s*"?(.*?)"?,?$', ln)
    return m.group(1) if m else None


@cm.kind("aws-s3api-list-objects", "json")
def n_s3api(lines):
    """Rule 5: the Key lines of the objects holding the smallest and largest Size and of the newest LastModified, the KeyCount, IsTruncated, NextContinuationToken / NextToken lines and every CommonPrefixes Prefix line; CLI error lines; EXIT=N."""
    out = [ln for ln in lines if re.match(r'^\s*"(KeyCount|IsTruncated|NextContinuationToken|NextToken)":', ln)
           or re.match(r'^\s*"Prefix":', ln) and len(ln) - len(ln.lstrip()) > 4]
    rows = []
    for i, ln in enumerate(lines):
        if re.match(r'^\s*"Key":', ln):
            block = lines[i:i + 12]
            d = {}
            for b in block[1:]:
                if re.match(r'^\s*"Key":', b):
                    break
                m = re.match(r'^\s*"(Size|LastModified)":\s*"?([^",]*)', b)
                if m:
                    d[m.group(1).lower()] = m.group(2)
            if "lastmodified" in d:
                d["lastmodified"] = float(re.sub(r"\D", "", d["lastmodified"])[:14] or 0)
            rows.append((ln, d))
    sizes = [r for r in rows if "size" in r[1]]
    needles = rule4(sizes, nums=("size",)) if sizes else []
    if any("lastmodified" in r[1] for r in rows):
        lm = [r for r in rows if "lastmodified" in r[1]]
        hi = max(r[1]["lastmodified"] for r in lm)
        needles.append(cm.any_of(r[0] for r in lm if r[1]["lastmodified"] == hi))
    return cli_errors(lines) + out + needles + exit_lines(lines)


@cm.kind("aws-ec2-describe-instances", "json")
def n_ec2_json(lines):
    """Rules 4+5: the InstanceId line of every instance whose state name or instance type occurs in at most 2 instances while the most common covers half; every StateReason Message line and every non-empty StateTransitionReason line; CLI error lines; EXIT=N."""
    rows, cur = [], None
    for ln in lines:
        if re.match(r'^\s*"InstanceId":', ln):
            cur = [ln, {}]
            rows.append(cur)
        elif cur is not None:
            m = re.match(r'^\s*"InstanceType":\s*"([^"]+)"', ln)
            if m:
                cur[1]["type"] = m.group(1)
    # the state name follows a "State": { line inside the instance
    state, inst = None, None
    idx = {id(r): r for r in rows}
    k = -1
    for i, ln in enumerate(lines):
        if re.match(r'^\s*"InstanceId":', ln):
            k += 1
        if re.match(r'^\s*"State":\s*\{', ln) and k >= 0:
            for b in lines[i + 1:i + 4]:
                m = re.match(r'^\s*"Name":\s*"([^"]+)"', b)
                if m:
                    rows[k][1].setdefault("state", m.group(1))
    del state, inst, idx
    out = [ln for ln in lines if re.match(r'^\s*"StateTransitionReason":\s*"[^"]', ln)]
    for i, ln in enumerate(lines):
        if re.match(r'^\s*"StateReason":', ln):
            for b in lines[i + 1:i + 4]:
                if re.match(r'^\s*"Message":', b):
                    out.append(b)
    return cli_errors(lines) + rule4([tuple(r) for r in rows], cat=("state", "type")) + out + exit_lines(lines)


def _table_rows(lines):
    """Data rows of an AWS CLI table (|  a  |  b  |) after its column header row."""
    bars = [ln for ln in lines if ln.startswith("|") or ln.startswith("||")]
    return bars


@cm.kind("aws-cli-table", "table")
def n_cli_table(lines):
    """Rules 4+5: the table's title line and column header row; rule 4 over the data rows (a categorical column's rare values, each numeric column's extremes); CLI error lines; EXIT=N."""
    title, header, rows = [], [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if not s.startswith("|"):
            continue
        cells = [c.strip() for c in s.strip("|").split("|")]
        if len(cells) == 1 and cells[0] and i > 0 and lines[i - 1].strip().startswith("-"):
            title.append(ln)
            continue
        if i > 0 and re.match(r"^\|*\s*\+-", lines[i - 1].strip()) and i + 1 < len(lines) \
                and re.match(r"^\|*\s*\+-", lines[i + 1].strip()) and len(cells) > 1:
            header.append(ln)
            continue
        if len(cells) > 1:
            rows.append((ln, {f"c{j}": c for j, c in enumerate(cells)}))
    ncol = max((len(r[1]) for r in rows), default=0)
    cols = [f"c{j}" for j in range(ncol)]
    nums = [c for c in cols if rows and all(num(r[1].get(c)) is not None for r in rows if r[1].get(c))
            and any(r[1].get(c) for r in rows)]
    cats = [c for c in cols if c not in nums]
    return cli_errors(lines) + title[:1] + header + rule4(rows, cat=cats, nums=nums) + exit_lines(lines)


@cm.kind("aws-cli-text", "table")
def n_cli_text(lines):
    """Rules 4+5: rows grouped by their first field (a tab-separated record type), rule 4 in each group (a categorical field's rare values, each numeric field's extremes); CLI error lines; EXIT=N."""
    groups: dict = {}
    for ln in lines:
        if "\t" not in ln:
            continue
        f = ln.split("\t")
        key = (f[0] if not re.match(r"^[iv]-|^\d", f[0]) else "<row>", len(f))
        groups.setdefault(key, []).append((ln, {f"c{j}": c for j, c in enumerate(f)}))
    out = []
    for (_, n), rows in groups.items():
        if len(rows) < 3:
            continue
        cols = [f"c{j}" for j in range(n)]
        nums = [c for c in cols if all(num(r[1][c]) is not None for r in rows)]
        out += rule4(rows, cat=[c for c in cols if c not in nums], nums=nums)
    return cli_errors(lines) + out + exit_lines(lines)


@cm.kind("aws-dynamodb-scan", "json")
def n_ddb(lines):
    """Rules 4+5: the Count and ScannedCount lines, every line under LastEvaluatedKey and the NextToken line, the value line of every item attribute whose string value occurs in at most 2 items while the most common covers half; CLI error lines; EXIT=N."""
    out = [ln for ln in lines if re.match(r'^\s*"(Count|ScannedCount|NextToken|LastEvaluatedKey)":', ln)]
    for i, ln in enumerate(lines):
        if re.match(r'^\s*"LastEvaluatedKey":', ln):
            for b in lines[i + 1:i + 10]:
                if re.match(r'^\s*\}', b) and len(b) - len(b.lstrip()) <= len(ln) - len(ln.lstrip()):
                    break
                if re.match(r'^\s*"S":', b):
                    out.append(b)
    # items: attribute name -> value lines ("name": {"S": "v"} pretty-printed over 3 lines)
    attrs: dict = {}
    for i, ln in enumerate(lines[:-1]):
        m = re.match(r'^\s*"([A-Za-z_]+)":\s*\{$', ln)
        if m and m.group(1) not in ("LastEvaluatedKey", "ConsumedCapacity"):
            m2 = re.match(r'^\s*"S":\s*"(.*)"$', lines[i + 1])
            if m2:
                attrs.setdefault(m.group(1), []).append((lines[i + 1], {"v": m2.group(1)}))
    for name, rows in attrs.items():
        if len(rows) >= 4 and len({r[1]["v"] for r in rows}) < len(rows):
            out += rule4(rows, cat=("v",))
    return cli_errors(lines) + out + exit_lines(lines)


@cm.kind("aws-sqs-receive-message", "json")
def n_sqs(lines):
    """Rule 5: every MessageId line and every ApproximateReceiveCount value line above 1; CLI error lines; EXIT=N."""
    out = [ln for ln in lines if re.match(r'^\s*"MessageId":', ln) or
           (re.match(r'^\s*"ApproximateReceiveCount":\s*"(\d+)"', ln)
            and int(re.search(r'"(\d+)"', ln).group(1)) > 1)]
    return cli_errors(lines) + out + exit_lines(lines)


@cm.kind("aws-iam-list-roles", "json")
def n_iam(lines):
    """Rule 5: every RoleName line, the IsTruncated and Marker lines; CLI error lines; EXIT=N."""
    out = [ln for ln in lines if re.match(r'^\s*"(RoleName|IsTruncated|Marker|NextToken)":', ln)
           or re.match(r"^ROLES\t", ln)]
    return cli_errors(lines) + out + exit_lines(lines)


LOG_BAD = re.compile(r"\b(ERROR|FATAL|CRITICAL)\b|Exception|Traceback|\b5\d\d\b")


@cm.kind("aws-logs-filter-log-events", "log")
def n_logs(lines):
    """Rule 5: every event message (its "message" line or its text row) holding ERROR, FATAL, Exception, Traceback or a 5xx status, the nextToken line; CLI error lines; EXIT=N."""
    out = []
    for ln in lines:
        if re.match(r'^\s*"nextToken":', ln):
            out.append(ln)
        elif re.match(r'^\s*"message":', ln) and LOG_BAD.search(ln):
            out.append(ln)
        elif not re.match(r'^\s*"', ln) and LOG_BAD.search(ln):
            out.append(ln)
    return cli_errors(lines) + out + exit_lines(lines)


@cm.kind("aws-cloudformation-events", "log")
def n_cfn(lines):
    """Rule 5: for every event whose status ends in _FAILED its LogicalResourceId and ResourceStatusReason lines (or its table row); every line holding a ROLLBACK_* or *_FAILED status; describe-stacks' StackStatus and StackStatusReason lines; CLI error lines; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"ROLLBACK_\w+|\w+_FAILED", ln):
            out.append(ln)
            if re.match(r'^\s*"ResourceStatus":', ln):
                lo, hi = i, i
                while lo > 0 and not re.match(r'^\s*\{', lines[lo - 1]):
                    lo -= 1
                while hi + 1 < len(lines) and not re.match(r'^\s*\}', lines[hi + 1]):
                    hi += 1
                out += [b for b in lines[lo:hi + 1] if re.match(r'^\s*"(LogicalResourceId|ResourceStatusReason)":', b)]
        elif re.match(r'^\s*"(StackStatus|StackStatusReason)":', ln):
            out.append(ln)
    return cli_errors(lines) + out + exit_lines(lines)


@cm.kind("boto3-traceback", "log")
def n_boto3(lines):
    """Rule 1: each traceback's exception line, the innermost File line of the script (not under site-packages) and the last File line; every line the script prints with ERROR / FAILED; its closing summary line; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("Traceback (most recent call last)"):
            files, j = [], i + 1
            while j < len(lines) and (lines[j].startswith(" ") or not lines[j].strip()):
                if lines[j].lstrip().startswith('File "'):
                    files.append(lines[j])
                j += 1
            own = [f for f in files if "site-packages" not in f]
            out += own[-1:] + files[-1:]
            if j < len(lines):
                out.append(lines[j])
        elif re.search(r"\b(ERROR|FAILED)\b", ln) or re.match(r"^(summary|done|total)\b", ln, re.I):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("aws-cli-debug", "log")
def n_debug(lines):
    """Rule 5: the Making request for OperationModel line, the first Sending http request line, every Response headers / Response body line of a 4xx/5xx response, the closing error line; EXIT=N."""
    out = [ln for ln in lines if "Making request for OperationModel" in ln][:1]
    out += [ln for ln in lines if "Sending http request:" in ln][:1]
    for ln in lines:
        if re.search(r"Response (headers|body):", ln) and (re.search(r"<Code>|__type|\"code\"|Error", ln) or
                                                            re.search(r"status(?:_code)?[=:]\s*[45]\d\d", ln)):
            out.append(ln)
        elif re.search(r"Response status.*\b[45]\d\d\b|status_code=[45]\d\d", ln):
            out.append(ln)
    return out + cli_errors(lines) + exit_lines(lines)


@cm.kind("moto-server-log", "log")
def n_moto_log(lines):
    """Rules 1+5: the Running on http://127.0.0.1:... line, access rows with a 4xx or 5xx status one {any} per (method, path shape, status), every traceback's exception line; EXIT=N."""
    out, bad = [], []
    for i, ln in enumerate(lines):
        if "Running on http" in ln:
            out.append(ln)
        m = re.search(r'"(\w+) (\S+) HTTP/[\d.]+" ([45]\d\d)', ln)
        if m:
            bad.append(((m.group(1), cm.mask(m.group(2).split("?")[0]), m.group(3)), ln))
        if ln.startswith("Traceback (most recent call last)"):
            j = i + 1
            while j < len(lines) and lines[j].startswith(" "):
                j += 1
            if j < len(lines):
                out.append(lines[j])
    return out + cm.groups(bad) + exit_lines(lines)


# ------------------------------------------------------------------ the depot's account, seeded

SEED_PY = r'''
import json, random, sys, time
import boto3
rnd = random.Random(114)
kw = dict(region_name="us-east-1")
s3, ec2, ddb = boto3.client("s3", **kw), boto3.client("ec2", **kw), boto3.client("dynamodb", **kw)
sqs, iam, logs, cfn = boto3.client("sqs", **kw), boto3.client("iam", **kw), boto3.client("logs", **kw), boto3.client("cloudformation", **kw)

# S3: an artifacts bucket of 2,000 keys, a site bucket, a logs bucket
for b in ("depot-artifacts", "depot-site", "depot-logs"):
    s3.create_bucket(Bucket=b)
svcs = ["gate", "yard", "crane", "tally", "customs", "billing"]
for i in range(2000):
    s = rnd.choice(svcs)
    size = rnd.choice([rnd.randint(200, 4000), rnd.randint(20000, 90000)])
    if i == 1234:
        size = 2_500_000
    key = f"builds/{s}/{1000 + i // 40}/{i:04d}.tgz" if i % 9 else f"releases/{s}/v1.{i % 30}.{i % 7}.zip"
    s3.put_object(Bucket="depot-artifacts", Key=key, Body=b"x" * (size if size < 100000 else 1))
    if i % 500 == 0:
        time.sleep(1.1)
for i in range(180):
    d = rnd.choice(["css", "js", "img", "docs"])
    s3.put_object(Bucket="depot-site", Key=f"{d}/page-{i:03d}.{'html' if d == 'docs' else d}", Body=b"y" * rnd.randint(50, 3000))
s3.put_object(Bucket="depot-site", Key="index.html", Body=b"<html>")
s3.put_object(Bucket="depot-site", Key="old/retired-map.html", Body=b"old" * 10)

# EC2: 150 instances with tags, mostly running, a few stopped / terminated, one rare type
teams = ["yard", "gate", "billing", "tally"]
ids = []
for i in range(150):
    t = "t3.micro" if i % 3 else "m5.large"
    if i == 77:
        t = "p3.2xlarge"
    if i in (12, 13):
        t = "c5.xlarge"
    team = teams[i % 4]
    r = ec2.run_instances(ImageId="ami-12c6146b", MinCount=1, MaxCount=1, InstanceType=t,
                          TagSpecifications=[{"ResourceType": "instance", "Tags": [
                              {"Key": "Name", "Value": f"{team}-{i:03d}"}, {"Key": "team", "Value": team},
                              {"Key": "env", "Value": "prod" if i % 5 else "staging"}]}])
    ids.append(r["Instances"][0]["InstanceId"])
ec2.stop_instances(InstanceIds=[ids[5], ids[41]])
ec2.terminate_instances(InstanceIds=[ids[99]])

# DynamoDB: shipments, most ARRIVED, a few HELD / LOST
ddb.create_table(TableName="shipments", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                 AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
for i in range(300):
    st = "ARRIVED" if i not in (17, 205) else ("HELD" if i == 17 else "LOST")
    ddb.put_item(TableName="shipments", Item={"id": {"S": f"shp-{i:04d}"}, "status": {"S": st},
                 "berth": {"S": f"B{rnd.randint(1, 3)}"}, "teu": {"N": str(rnd.randint(1, 40))},
                 "carrier": {"S": rnd.choice(["maersk", "cosco", "msc"]) if i != 150 else "hapag"}})

# SQS: a work queue, messages received once, then again (redelivered)
q = sqs.create_queue(QueueName="depot-moves", Attributes={"VisibilityTimeout": "0"})["QueueUrl"]
sqs.create_queue(QueueName="depot-moves-dlq")
for i in range(40):
    sqs.send_message(QueueUrl=q, MessageBody=json.dumps({"move": i, "crane": rnd.randint(1, 9), "box": f"MSKU{rnd.randint(1000000, 9999999)}"}))
for _ in range(3):
    sqs.receive_message(QueueUrl=q, MaxNumberOfMessages=7)

# IAM: 60 roles
trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
for i in range(60):
    iam.create_role(RoleName=f"depot-{rnd.choice(svcs)}-{i:02d}-role", AssumeRolePolicyDocument=trust, Path="/depot/" if i % 4 else "/service-role/",
                    Description=f"role {i} of the depot")

# CloudWatch logs: an app group with INFO, WARN and a few ERROR lines
logs.create_log_group(logGroupName="/depot/gate-api")
for s in ("web-1", "web-2", "worker-1"):
    logs.create_log_stream(logGroupName="/depot/gate-api", logStreamName=s)
    t0 = int(time.time() * 1000) - 3_600_000
    ev = []
    for i in range(160):
        lvl = "INFO" if i % 23 else "ERROR"
        if i % 41 == 5:
            lvl = "WARN"
        msg = {"INFO": f"GET /gates/{rnd.randint(1, 12)}/slots 200 {rnd.randint(3, 90)}ms",
               "WARN": f"slow query on slots table took {rnd.randint(900, 3000)}ms",
               "ERROR": f"POST /gates/{rnd.randint(1, 12)}/book 502 upstream yard-svc timed out after 30000ms"}[lvl]
        ev.append({"timestamp": t0 + i * 1000, "message": f"{lvl} [{s}] {msg}"})
    logs.put_log_events(logGroupName="/depot/gate-api", logStreamName=s, logEvents=ev)

# CloudFormation: a stack that creates, and one whose template names a resource that fails
good = {"Resources": {f"Bucket{i}": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": f"depot-cfn-{i}"}} for i in range(12)}}
good["Resources"]["Queue"] = {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "depot-cfn-q"}}
cfn.create_stack(StackName="depot-storage", TemplateBody=json.dumps(good))
bad = {"Resources": {"Table": {"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": "shipments",
       "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
       "BillingMode": "PAY_PER_REQUEST"}}, "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "depot-artifacts"}}}}
try:
    cfn.create_stack(StackName="depot-tables", TemplateBody=json.dumps(bad))
except Exception as e:
    print("create depot-tables:", e)
print("seeded")
'''

BOTO_LIST = r'''
import boto3, sys
s3 = boto3.client("s3", region_name="us-east-1")
total = 0
for bucket in ["depot-artifacts", "depot-site", "depot-archive"]:
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, PaginationConfig={"PageSize": 250})
    n = 0
    for page in pages:
        for obj in page.get("Contents", []):
            n += 1
            total += obj["Size"]
    print(f"{bucket}: {n} objects")
print(f"total bytes {total}")
'''

BOTO_SHIP = r'''
import boto3, sys
ddb = boto3.client("dynamodb", region_name="us-east-1")
failed = 0
for i in range(0, 40):
    key = {"id": {"S": f"shp-{i:04d}"}} if i % 13 else {"shipment_id": {"S": f"shp-{i:04d}"}}
    try:
        ddb.update_item(TableName="shipments", Key=key, UpdateExpression="SET #s = :s",
                        ExpressionAttributeNames={"#s": "status"}, ExpressionAttributeValues={":s": {"S": "BILLED"}})
        print(f"billed shp-{i:04d}")
    except ddb.exceptions.ClientError as e:
        failed += 1
        print(f"ERROR shp-{i:04d}: {e.response['Error']['Code']}: {e.response['Error']['Message']}")
print(f"summary: 40 updates, {failed} FAILED")
ddb.get_item(TableName="shipment", Key={"id": {"S": "shp-0001"}})
'''

BOTO_PARAM = r'''
import boto3
sqs = boto3.client("sqs", region_name="us-east-1")
url = sqs.get_queue_url(QueueName="depot-moves")["QueueUrl"]
for i in range(5):
    sqs.send_message(QueueUrl=url, MessageBody=f"move {i}")
    print(f"sent move {i}")
sqs.send_message(QueueUrl=url, MessageBody="move 6", DelaySeconds="soon")
'''

BOTO_EC2 = r'''
import boto3
ec2 = boto3.client("ec2", region_name="us-east-1")
pages = ec2.get_paginator("describe_instances").paginate(Filters=[{"Name": "tag:team", "Values": ["yard"]}])
ids = [i["InstanceId"] for p in pages for r in p["Reservations"] for i in r["Instances"]]
print(f"yard instances: {len(ids)}")
for iid in ids[:10]:
    print(f"stopping {iid}")
ec2.stop_instances(InstanceIds=ids[:3] + ["i-0badc0ffee0000000"])
'''


def aws_steps(tmp: Path) -> None:
    d = tmp / "depot"
    d.mkdir()
    port = free_port()
    env = {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}", "AWS_ACCESS_KEY_ID": "testing",
           "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1", "AWS_PAGER": "",
           "AWS_CONFIG_FILE": str(d / "aws-config"), "AWS_SHARED_CREDENTIALS_FILE": str(d / "aws-creds")}
    for k, v in env.items():
        cm.BASE_ENV[k] = v
    log = open(d / "moto.log", "wb")
    cm.start([str(VENV / "bin" / "moto_server"), "-H", "127.0.0.1", "-p", str(port)], cwd=d, log=log)
    wait_port(port, 30)
    py = VENV / "bin" / "python"
    cm.write_tree(d, {"seed.py": SEED_PY, "list_artifacts.py": BOTO_LIST, "bill_shipments.py": BOTO_SHIP,
                      "queue_moves.py": BOTO_PARAM, "stop_yard.py": BOTO_EC2})
    cm.note(run(f"{py} seed.py", cwd=d, timeout=900)[-600:])
    # a local site tree for sync: most files as in the bucket, some changed, some new, some gone
    site = d / "site"
    for i in range(160):
        dd = ["css", "js", "img", "docs"][i % 4]
        p = site / dd / f"page-{i:03d}.{'html' if dd == 'docs' else dd}"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("z" * (40 + i))
    (site / "index.html").write_text("<html>new</html>")

    # S3 listings
    cap("s3-ls-recursive-artifacts", "aws s3 ls s3://depot-artifacts --recursive", d, n_s3_ls)
    cap("s3-ls-recursive-summarize-tail", "aws s3 ls s3://depot-artifacts --recursive --human-readable --summarize "
        "| tail -n 100", d, n_s3_ls)
    cap("s3-ls-prefixes-echo", "aws s3 ls; aws s3 ls s3://depot-artifacts/builds/; aws s3 ls s3://depot-artifacts/"
        "builds/crane/; aws s3 ls s3://depot-archive/; echo EXIT=$?", d, n_s3_ls)
    cap("s3-ls-site-summarize", "aws s3 ls s3://depot-site --recursive --summarize", d, n_s3_ls)
    cap("s3-ls-releases-grep-head", "aws s3 ls s3://depot-artifacts --recursive | grep releases/ | head -n 100", d,
        n_s3_ls)
    cap("s3-sync-delete-dryrun", "aws s3 sync site/ s3://depot-site --delete --dryrun", d, n_s3_dryrun)
    cap("s3-sync-dryrun-grep-echo", "aws s3 sync s3://depot-site ./site --delete --dryrun 2>&1 | grep -v '^(dryrun) "
        "download: s3://depot-site/img'; echo EXIT=$?", d, n_s3_dryrun)
    cap("s3-rm-recursive-dryrun-head", "aws s3 rm s3://depot-artifacts/releases/ --recursive --dryrun | head -n 120; "
        "aws s3 rm s3://depot-artefacts/releases/ --recursive --dryrun; echo EXIT=$?", d, n_s3_dryrun)
    cap("s3api-list-objects-v2-max", "aws s3api list-objects-v2 --bucket depot-artifacts --prefix builds/crane/ "
        "--max-items 150", d, n_s3api)
    cap("s3api-list-objects-v2-delim", "aws s3api list-objects-v2 --bucket depot-artifacts --prefix builds/gate/ "
        "--delimiter / ; aws s3api list-objects-v2 --bucket depot-site --max-items 60", d, n_s3api)
    cap("s3api-list-objects-jq", "aws s3api list-objects-v2 --bucket depot-artifacts --prefix releases/ | jq "
        "'.Contents[] | {Key, Size, LastModified}'", d, n_s3api)
    cap("s3api-list-objects-error-echo", "aws s3api list-objects-v2 --bucket depot-site --max-items 40 --query "
        "'Contents[].{Key: Key, Size: Size}'; aws s3api list-objects-v2 --bucket depot-archive; aws s3api "
        "list-objects-v2 --bucket depot-site --query 'Contents[?Size > `100`'; aws s3api list-objects-v2 --bucket "
        "depot-site --max-keys many; echo EXIT=$?", d, n_s3api)
    # EC2
    q = "'Reservations[].Instances[].[InstanceId,InstanceType,State.Name,Placement.AvailabilityZone,Tags[?Key==`Name`]|[0].Value]'"
    cap("ec2-describe-table-150", f"aws ec2 describe-instances --output table --query {q}", d, n_cli_table)
    cap("ec2-describe-table-full-head", "aws ec2 describe-instances --output table --filters Name=tag:team,Values=gate "
        "| head -n 300", d, n_cli_table)
    cap("ec2-describe-text-150", f"aws ec2 describe-instances --output text --query {q}", d, n_cli_text)
    cap("ec2-describe-text-full-head", "aws ec2 describe-instances --output text | head -n 400", d, n_cli_text)
    cap("ec2-describe-json-billing", "aws ec2 describe-instances --filters Name=tag:team,Values=billing "
        "Name=tag:env,Values=staging", d, n_ec2_json)
    cap("ec2-describe-json-nonrunning-echo", "aws ec2 describe-instances --filters Name=instance-state-name,Values="
        "stopped,terminated; aws ec2 describe-instances --instance-ids i-0123456789abcdef0; echo EXIT=$?", d, n_ec2_json)
    cap("ec2-describe-json-head", "aws ec2 describe-instances --output json | head -n 1500", d, n_ec2_json)
    cap("ec2-describe-jq", "aws ec2 describe-instances | jq '.Reservations[].Instances[] | {InstanceId, InstanceType, "
        "State: .State.Name, StateTransitionReason, Tags}'", d, n_ec2_json)
    # DynamoDB
    cap("dynamodb-scan-max", "aws dynamodb scan --table-name shipments --max-items 220", d, n_ddb)
    cap("dynamodb-scan-filter-echo", "aws dynamodb scan --table-name shipments --filter-expression 'teu > :t' "
        "--expression-attribute-values '{\":t\": {\"N\": \"30\"}}'; aws dynamodb query --table-name shipments "
        "--key-condition-expression 'status = :s' --expression-attribute-values '{\":s\": {\"S\": \"LOST\"}}'; "
        "echo EXIT=$?", d, n_ddb)
    cap("dynamodb-scan-limit-tail", "aws dynamodb scan --table-name shipments --limit 60 --no-paginate 2>&1 | tail -n 120",
        d, n_ddb)
    cap("dynamodb-scan-table-echo", "aws dynamodb scan --table-name shipments --max-items 30 --output table; aws "
        "dynamodb scan --table-name shipment; echo EXIT=$?", d, n_cli_table)
    # SQS
    # the AWS CLI v1 sends SQS calls in us-east-1 to its legacy endpoint (queue.amazonaws.com) whatever
    # AWS_ENDPOINT_URL says, so its SQS commands name the emulator themselves
    ep = f"--endpoint-url http://127.0.0.1:{port}"
    qurl = f"$(aws sqs get-queue-url {ep} --queue-name depot-moves --query QueueUrl --output text)"
    cap("sqs-receive-all-attrs", f"aws sqs receive-message {ep} --queue-url {qurl} --max-number-of-messages 10 "
        "--attribute-names All --message-attribute-names All", d, n_sqs)
    cap("sqs-receive-loop-echo", f"for i in 1 2 3 4; do aws sqs receive-message {ep} --queue-url {qurl} "
        "--max-number-of-messages 10 --attribute-names ApproximateReceiveCount SentTimestamp; done; aws sqs "
        f"receive-message {ep} --queue-url $(aws sqs get-queue-url {ep} --queue-name depot-moves-archive --query "
        "QueueUrl --output text); echo EXIT=$?", d, n_sqs)
    # IAM
    cap("iam-list-roles", "aws iam list-roles", d, n_iam)
    cap("iam-list-roles-max-head", "aws iam list-roles --max-items 25 | head -n 300; aws iam get-role --role-name "
        "depot-gate-role; echo EXIT=$?", d, n_iam)
    cap("iam-list-roles-text", "aws iam list-roles --output text --path-prefix /depot/", d, n_iam)
    # CloudWatch logs
    cap("logs-filter-json", "aws logs filter-log-events --log-group-name /depot/gate-api --max-items 200", d, n_logs)
    cap("logs-filter-text-error", "aws logs filter-log-events --log-group-name /depot/gate-api --filter-pattern "
        "ERROR --output text; aws logs filter-log-events --log-group-name /depot/yard-api; echo EXIT=$?", d, n_logs)
    cap("logs-filter-jq-tail", "aws logs filter-log-events --log-group-name /depot/gate-api | jq -r "
        "'.events[] | \"\\(.timestamp) \\(.logStreamName) \\(.message)\"' | tail -n 150", d, n_logs)
    # CloudFormation
    cap("cfn-stack-events", "aws cloudformation describe-stack-events --stack-name depot-storage; aws cloudformation "
        "describe-stack-events --stack-name depot-tables; echo EXIT=$?", d, n_cfn)
    cap("cfn-stack-events-table", "aws cloudformation describe-stack-events --stack-name depot-storage --output table "
        "--query 'StackEvents[].[Timestamp,LogicalResourceId,ResourceType,ResourceStatus]'", d, n_cli_table)
    cap("cfn-describe-stacks-echo", "aws cloudformation describe-stacks; aws cloudformation validate-template "
        "--template-body '{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"'; aws cloudformation "
        "describe-stacks --stack-name depot-network; echo EXIT=$?", d, n_cfn)
    # boto3 scripts whose calls fail
    cap("boto3-paginate-nosuchbucket", "python list_artifacts.py", d, n_boto3, typed=None,
        env={"PATH": f"{VENV}/bin:/usr/bin:/bin"})
    cap("boto3-update-items-echo", "python bill_shipments.py; echo EXIT=$?", d, n_boto3,
        env={"PATH": f"{VENV}/bin:/usr/bin:/bin"})
    cap("boto3-param-validation-tail", "python queue_moves.py 2>&1 | tail -n 40", d, n_boto3,
        env={"PATH": f"{VENV}/bin:/usr/bin:/bin"})
    cap("boto3-ec2-stop-echo", "python stop_yard.py; echo EXIT=$?", d, n_boto3,
        env={"PATH": f"{VENV}/bin:/usr/bin:/bin"})
    # --debug
    cap("cli-debug-head-object-tail", "aws s3api head-object --bucket depot-site --key docs/missing.html --debug "
        "2>&1 | tail -n 80", d, n_debug)
    cap("cli-debug-sqs-url", f"aws sqs get-queue-url {ep} --queue-name depot-moves-archive --debug", d, n_debug)
    # the emulator's own log
    time.sleep(1)
    log.flush()
    cap("moto-log-tail", "tail -n 300 moto.log", d, n_moto_log)
    cap("moto-log-grep-4xx", "grep -E '\" (4|5)[0-9][0-9] ' moto.log | head -n 200; echo EXIT=$?", d, n_moto_log)


STEPS = [aws_steps]
