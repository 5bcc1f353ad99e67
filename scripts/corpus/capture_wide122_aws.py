"""Round 122's AWS items (second samples of round 114's kinds, its extractors imported): `orchard`, a fruit
cooperative's account made in moto_server on 127.0.0.1 by a seeded boto3 script (a telemetry bucket of 1,600 keys, a
web bucket and a local tree to sync with it, a backups bucket, 120 packhouse instances tagged by block and role with a
few stopped, terminated or of a rare type, a harvests table, 55 roles on several pages, a packhouse log group with
jams, tracebacks and 503s, stacks of which one fails), read with the AWS CLI and boto3 scripts whose calls fail. Run
through capture_wide122.py."""

from __future__ import annotations

from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, wait_port
from capture_wide114 import VENV
from capture_wide114_aws import (n_boto3, n_cfn, n_cli_table, n_ddb, n_ec2_json, n_iam, n_logs, n_s3_dryrun,
                                 n_s3_ls, n_s3api)
from capture_wide122 import cap

SEED_PY = r'''
import json, random, time
import boto3
rnd = random.Random(1221)
kw = dict(region_name="us-east-1")
s3, ec2, ddb = boto3.client("s3", **kw), boto3.client("ec2", **kw), boto3.client("dynamodb", **kw)
iam, logs, cfn = boto3.client("iam", **kw), boto3.client("logs", **kw), boto3.client("cloudformation", **kw)

for b in ("orchard-telemetry", "orchard-web", "orchard-backups"):
    s3.create_bucket(Bucket=b)
blocks = ["north", "south", "river", "hill", "quarry"]
for i in range(1600):
    blk = rnd.choice(blocks)
    if i % 11 == 0:
        key = f"exports/{blk}/harvest-2026-{1 + i % 12:02d}-{i:04d}.csv"
        size = rnd.randint(30000, 95000)
    else:
        key = f"sensors/{blk}/2026/{1 + i % 9:02d}/{1 + i % 27:02d}/probe-{i:04d}.json"
        size = rnd.randint(120, 2400)
    if i == 987:
        size = 1_750_000
    if i == 400:
        size = 3
    s3.put_object(Bucket="orchard-telemetry", Key=key, Body=b"t" * size)
    if i % 400 == 399:
        time.sleep(1.2)
for i in range(140):
    d = rnd.choice(["assets", "blog", "shop", "img"])
    ext = {"assets": "css", "blog": "html", "shop": "html", "img": "png"}[d]
    s3.put_object(Bucket="orchard-web", Key=f"{d}/item-{i:03d}.{ext}", Body=b"w" * rnd.randint(80, 5000))
s3.put_object(Bucket="orchard-web", Key="robots.txt", Body=b"User-agent: *")
s3.put_object(Bucket="orchard-web", Key="legacy/press-2019.html", Body=b"old" * 40)
s3.put_object(Bucket="orchard-web", Key="legacy/press-2020.html", Body=b"old" * 50)
for i in range(90):
    s3.put_object(Bucket="orchard-backups", Key=f"pg/fleet/{2026}-{1 + i // 30:02d}-{1 + i % 28:02d}.dump", Body=b"b" * rnd.randint(5000, 40000))
    if i % 10 == 0:
        s3.put_object(Bucket="orchard-backups", Key=f"mysql/depot/{i:03d}.sql.gz", Body=b"m" * 900)

roles = ["sorter", "grader", "washer", "packer", "scale"]
ids = []
for i in range(120):
    t = "t3.small" if i % 4 else "c6i.large"
    if i == 58:
        t = "g4dn.xlarge"
    if i in (23, 91):
        t = "r5.large"
    blk, role = blocks[i % 5], roles[(i // 5) % 5]
    r = ec2.run_instances(ImageId="ami-0fc61db8544a617ed", MinCount=1, MaxCount=1, InstanceType=t,
                          TagSpecifications=[{"ResourceType": "instance", "Tags": [
                              {"Key": "Name", "Value": f"ph-{blk}-{role}-{i:03d}"}, {"Key": "block", "Value": blk},
                              {"Key": "role", "Value": role}, {"Key": "season", "Value": "2026"}]}])
    ids.append(r["Instances"][0]["InstanceId"])
ec2.stop_instances(InstanceIds=[ids[30], ids[85]])
ec2.terminate_instances(InstanceIds=[ids[55]])

ddb.create_table(TableName="harvests", KeySchema=[{"AttributeName": "lot", "KeyType": "HASH"}],
                 AttributeDefinitions=[{"AttributeName": "lot", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
for i in range(260):
    variety = "gala" if i % 3 else "braeburn"
    if i in (44, 190):
        variety = "honeycrisp"
    grade = "A" if i != 133 else "reject"
    ddb.put_item(TableName="harvests", Item={"lot": {"S": f"lot-{i:05d}"}, "variety": {"S": variety},
                 "grade": {"S": grade}, "block": {"S": rnd.choice(blocks)}, "kg": {"N": str(rnd.randint(200, 1800))},
                 "picker_crew": {"S": f"crew-{rnd.randint(1, 4)}"}})

trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
for i in range(55):
    path = "/orchard/ci/" if i % 5 == 0 else "/orchard/apps/"
    iam.create_role(RoleName=f"orchard-{rnd.choice(roles + ['ledger', 'weather'])}-{i:02d}", Path=path,
                    AssumeRolePolicyDocument=trust, Description=f"packhouse role {i}", MaxSessionDuration=3600 * (1 + i % 4))

logs.create_log_group(logGroupName="/orchard/packhouse")
t0 = int(time.time() * 1000) - 7_200_000
for s in ("line-1", "line-2", "grader-api"):
    logs.create_log_stream(logGroupName="/orchard/packhouse", logStreamName=s)
    ev = []
    for i in range(140):
        k = i % 31
        if k == 7:
            msg = f"ERROR conveyor {rnd.randint(1, 6)} jam detected at station {rnd.randint(1, 20)}, belt stopped"
        elif k == 19 and s == "grader-api":
            msg = f"POST /grade/batch/{rnd.randint(100, 999)} 503 camera service unavailable"
        elif k == 25:
            msg = "Traceback (most recent call last): ValueError: weight -3 kg out of range"
        elif k % 9 == 4:
            msg = f"WARN bin {rnd.randint(1, 90)} over fill level {rnd.randint(91, 99)}%"
        else:
            msg = f"INFO graded lot-{rnd.randint(0, 259):05d} {rnd.randint(40, 300)} fruit in {rnd.randint(2, 40)}s"
        ev.append({"timestamp": t0 + i * 20000, "message": f"{s} {msg}"})
    logs.put_log_events(logGroupName="/orchard/packhouse", logStreamName=s, logEvents=ev)

core = {"Resources": {f"Queue{i}": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": f"orchard-q-{i}"}} for i in range(8)}}
core["Resources"]["Archive"] = {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "orchard-archive"}}
cfn.create_stack(StackName="orchard-core", TemplateBody=json.dumps(core))
bad = {"Resources": {"Telemetry": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "orchard-telemetry"}},
                     "Lots": {"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": "harvests",
                        "KeySchema": [{"AttributeName": "lot", "KeyType": "HASH"}],
                        "AttributeDefinitions": [{"AttributeName": "lot", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}}}}
try:
    cfn.create_stack(StackName="orchard-data", TemplateBody=json.dumps(bad))
except Exception as e:
    print("create orchard-data:", e)
# stacks updated, one deleted, a change set with nothing to change
for n in range(3):
    core["Resources"][f"Extra{n}"] = {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": f"orchard-extra-{n}"}}
    cfn.update_stack(StackName="orchard-core", TemplateBody=json.dumps(core))
for name in ("orchard-edge", "orchard-ingest", "orchard-reports"):
    t = {"Resources": {"Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": name + "-alerts"}},
                       "Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": name + "-work"}}}}
    cfn.create_stack(StackName=name, TemplateBody=json.dumps(t), Tags=[{"Key": "team", "Value": "packhouse"}])
cfn.delete_stack(StackName="orchard-edge")
try:
    cfn.create_change_set(StackName="orchard-ingest", ChangeSetName="noop", TemplateBody=json.dumps(t))
except Exception as e:
    print("change set:", e)
print("seeded")
'''

BOTO_COPY = r'''
import boto3
s3 = boto3.client("s3", region_name="us-east-1")
keys = [o["Key"] for o in s3.list_objects_v2(Bucket="orchard-telemetry", Prefix="exports/north/")["Contents"]]
print(f"copying {len(keys)} north exports to the backups bucket")
copied = 0
for k in keys[:12] + ["exports/north/harvest-2026-13-9999.csv"] + keys[12:20]:
    try:
        s3.copy_object(Bucket="orchard-backups", Key="exports/" + k.split("/")[-1], CopySource={"Bucket": "orchard-telemetry", "Key": k})
        copied += 1
        print(f"copied {k}")
    except s3.exceptions.ClientError as e:
        print(f"ERROR {k}: {e.response['Error']['Code']}")
print(f"summary: {copied} copied")
s3.head_object(Bucket="orchard-backups", Key="exports/harvest-2026-13-9999.csv")
'''

BOTO_BATCH = r'''
import boto3, random
rnd = random.Random(1222)
ddb = boto3.client("dynamodb", region_name="us-east-1")
items = []
for i in range(300, 325):
    items.append({"PutRequest": {"Item": {"lot": {"S": f"lot-{i:05d}"}, "variety": {"S": "gala"}, "kg": {"N": str(rnd.randint(200, 1800))}}}})
for start in range(0, 25, 25):
    ddb.batch_write_item(RequestItems={"harvests": items[start:start + 25]})
    print(f"wrote lots {300 + start}-{324}")
bad = [{"PutRequest": {"Item": {"lot": {"S": "lot-00400"}, "kg": {"N": 950}}}}]
ddb.batch_write_item(RequestItems={"harvests": bad})
'''

BOTO_LOGS = r'''
import boto3, time
logs = boto3.client("logs", region_name="us-east-1")
now = int(time.time() * 1000)
for grp in ["/orchard/packhouse", "/orchard/cold-store"]:
    streams = logs.describe_log_streams(logGroupName=grp)["logStreams"] if grp.endswith("packhouse") else []
    print(f"{grp}: {len(streams)} streams")
    for s in streams:
        ev = logs.get_log_events(logGroupName=grp, logStreamName=s["logStreamName"], limit=50)["events"]
        jams = [e for e in ev if "jam" in e["message"]]
        print(f"  {s['logStreamName']}: {len(ev)} events, {len(jams)} jams")
logs.put_log_events(logGroupName="/orchard/cold-store", logStreamName="room-4",
                    logEvents=[{"timestamp": now, "message": "room 4 at 1.5C"}])
'''


def aws_steps(tmp: Path) -> None:
    d = tmp / "orchard"
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
    cm.write_tree(d, {"seed.py": SEED_PY, "backup_exports.py": BOTO_COPY, "load_lots.py": BOTO_BATCH,
                      "jam_report.py": BOTO_LOGS})
    cm.note(run(f"nice {py} seed.py", cwd=d, timeout=1200)[-800:])
    # the web tree: most pages as in the bucket, several new, the legacy pages gone
    web = d / "web"
    for i in range(120):
        dd = ["assets", "blog", "shop", "img"][i % 4]
        ext = {"assets": "css", "blog": "html", "shop": "html", "img": "png"}[dd]
        p = web / dd / f"item-{i:03d}.{ext}"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("v" * (60 + 3 * i))
    (web / "robots.txt").write_text("User-agent: *\nDisallow: /shop/\n")
    pe = {"PATH": f"{VENV}/bin:/usr/bin:/bin"}

    # S3 listings and dry runs
    cap("s3-ls-telemetry-summarize-tail", "aws s3 ls s3://orchard-telemetry --recursive --human-readable --summarize "
        "| tail -n 120", d, n_s3_ls)
    cap("s3-ls-prefixes-exports-echo", "aws s3 ls s3://orchard-telemetry/; aws s3 ls s3://orchard-telemetry/sensors/; "
        "aws s3 ls s3://orchard-telemetry/exports/ --recursive; aws s3 ls s3://orchard-telemtry/; echo EXIT=$?", d,
        n_s3_ls)
    cap("s3-sync-web-delete-dryrun", "aws s3 sync web/ s3://orchard-web --delete --dryrun", d, n_s3_dryrun)
    cap("s3-rm-backups-dryrun-echo", "aws s3 rm s3://orchard-backups --recursive --exclude '*' --include 'pg/*' "
        "--dryrun | head -n 100; aws s3 cp s3://orchard-backups/mysql/ s3://orchard-archive/mysql/ --recursive "
        "--dryrun; echo EXIT=$?", d, n_s3_dryrun)
    cap("s3api-list-exports", "aws s3api list-objects-v2 --bucket orchard-telemetry --prefix exports/ --max-items 120",
        d, n_s3api)
    cap("s3api-list-delim-echo", "aws s3api list-objects-v2 --bucket orchard-telemetry --prefix sensors/ --delimiter / ; "
        "aws s3api list-objects-v2 --bucket orchard-telemetry --prefix sensors/quarry/2026/03/ --max-keys 40; "
        "echo EXIT=$?", d, n_s3api)
    cap("s3api-list-web-jq", "aws s3api list-objects-v2 --bucket orchard-web | jq '.Contents[] | {Key, Size, "
        "LastModified}' | head -n 400", d, n_s3api)
    # EC2
    cap("ec2-describe-graders-json", "aws ec2 describe-instances --filters Name=tag:role,Values=grader "
        "Name=tag:block,Values=north,hill", d, n_ec2_json)
    cap("ec2-describe-not-running-echo", "aws ec2 describe-instances --filters Name=instance-state-name,"
        "Values=stopped,terminated,stopping; aws ec2 describe-instances --instance-ids i-0feedfacecafe0000; "
        "echo EXIT=$?", d, n_ec2_json)
    cap("ec2-describe-jq-head", "aws ec2 describe-instances | jq '.Reservations[].Instances[] | {InstanceId, "
        "InstanceType, State: .State.Name, StateTransitionReason, LaunchTime}' | head -n 500", d, n_ec2_json)
    q = ("'Reservations[].Instances[].[InstanceId,InstanceType,State.Name,LaunchTime,"
         "Tags[?Key==`block`]|[0].Value,Tags[?Key==`role`]|[0].Value]'")
    cap("ec2-table-packhouse", f"aws ec2 describe-instances --output table --query {q}", d, n_cli_table)
    cap("ddb-scan-table-head", "aws dynamodb scan --table-name harvests --max-items 40 --output table | head -n 400",
        d, n_cli_table)
    cap("iam-roles-table-echo", "aws iam list-roles --output table --query 'Roles[].[RoleName,Path,"
        "MaxSessionDuration,CreateDate]'; echo EXIT=$?", d, n_cli_table)
    # DynamoDB
    cap("ddb-scan-harvests-max", "aws dynamodb scan --table-name harvests --max-items 150", d, n_ddb)
    cap("ddb-scan-filter-echo", "aws dynamodb scan --table-name harvests --filter-expression 'kg > :k' "
        "--expression-attribute-values '{\":k\": {\"N\": \"1500\"}}' --max-items 60; aws dynamodb scan --table-name "
        "harvest; echo EXIT=$?", d, n_ddb)
    # IAM
    cap("iam-list-roles-max", "aws iam list-roles --max-items 30", d, n_iam)
    cap("iam-list-roles-ci-jq-echo", "aws iam list-roles --path-prefix /orchard/ci/ | jq '.Roles[] | {RoleName, Arn, "
        "CreateDate}'; aws iam get-role --role-name orchard-irrigation-99; echo EXIT=$?", d, n_iam)
    # CloudWatch logs
    cap("logs-filter-packhouse-json", "aws logs filter-log-events --log-group-name /orchard/packhouse --max-items 160",
        d, n_logs)
    cap("logs-filter-text-echo", "aws logs filter-log-events --log-group-name /orchard/packhouse --log-stream-names "
        "grader-api line-2 --output text | tail -n 120; aws logs filter-log-events --log-group-name /orchard/cold-store; "
        "echo EXIT=$?", d, n_logs)
    # CloudFormation
    cap("cfn-events-core-data-echo", "aws cloudformation describe-stack-events --stack-name orchard-core; aws "
        "cloudformation describe-stack-events --stack-name orchard-data; aws cloudformation describe-stacks "
        "--stack-name orchard-edge; echo EXIT=$?", d, n_cfn)
    cap("cfn-describe-stacks-changeset", "aws cloudformation describe-stacks; aws cloudformation describe-change-set "
        "--stack-name orchard-ingest --change-set-name noop; aws cloudformation list-stacks --stack-status-filter "
        "DELETE_COMPLETE ROLLBACK_COMPLETE CREATE_FAILED | head -n 100", d, n_cfn)
    # boto3 scripts whose calls fail
    cap("boto3-copy-exports-echo", "python backup_exports.py; echo EXIT=$?", d, n_boto3, env=pe)
    cap("boto3-batch-write-tail", "python load_lots.py 2>&1 | tail -n 40", d, n_boto3, env=pe)
    cap("boto3-logs-missing-group", "python jam_report.py", d, n_boto3, env=pe)


STEPS = [aws_steps]
