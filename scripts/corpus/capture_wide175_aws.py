"""Round 175's AWS items (third samples of round 114's kinds, its extractors imported): `timberline`, a sawmill's
account made in moto_server on 127.0.0.1 by a seeded boto3 script (a kiln-telemetry bucket of 1,900 keys, a web bucket
and a local tree to sync with it, an offcuts bucket, 96 log-yard instances tagged by yard and role with a few stopped,
terminated or of a rare type, a boards table, roles on several pages, SQS messages received twice, a kiln log group
with overheats, tracebacks and 502s), read with the AWS CLI and boto3 scripts whose calls fail. Run through
capture_wide175.py."""

from __future__ import annotations

from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, wait_port
from capture_wide114 import VENV
from capture_wide114_aws import (n_boto3, n_cli_table, n_cli_text, n_ddb, n_ec2_json, n_iam, n_logs,
                                 n_s3_dryrun, n_s3_ls, n_s3api, n_sqs)
from capture_wide175 import cap

SEED_PY = r'''
import json, random, time
import boto3
rnd = random.Random(1751)
kw = dict(region_name="us-east-1")
s3, ec2, ddb = boto3.client("s3", **kw), boto3.client("ec2", **kw), boto3.client("dynamodb", **kw)
iam, logs = boto3.client("iam", **kw), boto3.client("logs", **kw)
sqs = boto3.client("sqs", **kw)

for b in ("timberline-kilns", "timberline-web", "timberline-offcuts"):
    s3.create_bucket(Bucket=b)
kilns = ["kiln-a", "kiln-b", "kiln-c", "kiln-d"]
for i in range(1900):
    k = rnd.choice(kilns)
    if i % 13 == 0:
        key = f"schedules/{k}/charge-{i:05d}.pdf"
        size = rnd.randint(40000, 160000)
    else:
        key = f"readings/{k}/2026/{1 + i % 10:02d}/{1 + i % 26:02d}/mc-{i:05d}.csv"
        size = rnd.randint(200, 3100)
    if i == 1444:
        size = 2_300_000
    if i == 77:
        size = 0
    s3.put_object(Bucket="timberline-kilns", Key=key, Body=b"k" * size)
    if i % 500 == 499:
        time.sleep(1.1)
for i in range(160):
    d = rnd.choice(["css", "species", "grades", "photos"])
    ext = {"css": "css", "species": "html", "grades": "html", "photos": "jpg"}[d]
    s3.put_object(Bucket="timberline-web", Key=f"{d}/page-{i:03d}.{ext}", Body=b"w" * rnd.randint(90, 6000))
s3.put_object(Bucket="timberline-web", Key="old/catalogue-2018.html", Body=b"o" * 70)
s3.put_object(Bucket="timberline-web", Key="old/catalogue-2019.html", Body=b"o" * 90)
s3.put_object(Bucket="timberline-web", Key="old/price-list.pdf", Body=b"o" * 4000)
for i in range(70):
    s3.put_object(Bucket="timberline-offcuts", Key=f"manifests/2026-{1 + i // 25:02d}-{1 + i % 25:02d}.json", Body=b"m" * rnd.randint(300, 9000))

roles = ["debarker", "headrig", "edger", "trimmer", "planer", "grader"]
yards = ["east", "west", "river"]
ids = []
for i in range(96):
    t = "m5.large" if i % 3 else "t3.medium"
    if i == 40:
        t = "p3.2xlarge"
    if i in (12, 77):
        t = "x2gd.medium"
    yd, role = yards[i % 3], roles[(i // 3) % 6]
    r = ec2.run_instances(ImageId="ami-0fc61db8544a617ed", MinCount=1, MaxCount=1, InstanceType=t,
                          TagSpecifications=[{"ResourceType": "instance", "Tags": [
                              {"Key": "Name", "Value": f"mill-{yd}-{role}-{i:02d}"}, {"Key": "yard", "Value": yd},
                              {"Key": "role", "Value": role}, {"Key": "shift", "Value": "day" if i % 5 else "night"}]}])
    ids.append(r["Instances"][0]["InstanceId"])
ec2.stop_instances(InstanceIds=[ids[17], ids[63]])
ec2.terminate_instances(InstanceIds=[ids[88]])

ddb.create_table(TableName="boards", KeySchema=[{"AttributeName": "pack", "KeyType": "HASH"}],
                 AttributeDefinitions=[{"AttributeName": "pack", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
for i in range(320):
    species = "spruce" if i % 4 else "larch"
    if i in (61, 250):
        species = "yew"
    grade = "C24" if i % 7 else "C16"
    if i == 199:
        grade = "reject"
    ddb.put_item(TableName="boards", Item={"pack": {"S": f"pk-{i:05d}"}, "species": {"S": species},
                 "grade": {"S": grade}, "kiln": {"S": rnd.choice(kilns)}, "m3": {"N": str(rnd.randint(2, 40))},
                 "moisture": {"N": str(rnd.randint(12, 22))}})

trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
for i in range(64):
    path = "/timberline/ops/" if i % 6 == 0 else "/timberline/mill/"
    iam.create_role(RoleName=f"timberline-{rnd.choice(roles + ['kiln', 'yard'])}-{i:02d}", Path=path,
                    AssumeRolePolicyDocument=trust, Description=f"mill role {i}", MaxSessionDuration=3600 * (1 + i % 3))

q = sqs.create_queue(QueueName="kiln-alarms", Attributes={"VisibilityTimeout": "0"})["QueueUrl"]
for i in range(30):
    sqs.send_message(QueueUrl=q, MessageBody=json.dumps({"kiln": rnd.choice(kilns), "temp_c": rnd.randint(60, 96), "seq": i}))

logs.create_log_group(logGroupName="/timberline/kilns")
t0 = int(time.time() * 1000) - 5_400_000
for s in ("kiln-a", "kiln-b", "scheduler"):
    logs.create_log_stream(logGroupName="/timberline/kilns", logStreamName=s)
    ev = []
    for i in range(150):
        k = i % 29
        if k == 5:
            msg = f"ERROR dry-bulb {rnd.randint(97, 110)}C over limit in zone {rnd.randint(1, 4)}, burner tripped"
        elif k == 17 and s == "scheduler":
            msg = f"GET /charges/{rnd.randint(1000, 9999)} 502 upstream historian timed out"
        elif k == 23:
            msg = "Traceback (most recent call last): KeyError: 'wet_bulb'"
        elif k % 8 == 3:
            msg = f"WARN fan {rnd.randint(1, 8)} vibration {rnd.randint(7, 12)} mm/s"
        else:
            msg = f"INFO charge {rnd.randint(100, 999)} mc {rnd.randint(12, 30)}% dry {rnd.randint(60, 90)}C"
        ev.append({"timestamp": t0 + i * 15000, "message": f"{s} {msg}"})
    logs.put_log_events(logGroupName="/timberline/kilns", logStreamName=s, logEvents=ev)

print("seeded")
'''

BOTO_TAG = r'''
import boto3
ec2 = boto3.client("ec2", region_name="us-east-1")
res = ec2.describe_instances(Filters=[{"Name": "tag:role", "Values": ["planer"]}])
ids = [i["InstanceId"] for r in res["Reservations"] for i in r["Instances"]]
print(f"tagging {len(ids)} planers for the night shift")
done = 0
for iid in ids[:10] + ["i-00000000deadbeef0"] + ids[10:]:
    try:
        ec2.create_tags(Resources=[iid], Tags=[{"Key": "shift", "Value": "night"}])
        done += 1
        print(f"tagged {iid}")
    except ec2.exceptions.ClientError as e:
        print(f"FAILED {iid}: {e.response['Error']['Code']}")
print(f"summary: {done} tagged")
ec2.stop_instances(InstanceIds=ids[:2] + ["i-bad"])
'''

def aws_steps(tmp: Path) -> None:
    d = tmp / "timberline"
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
    cm.write_tree(d, {"seed.py": SEED_PY, "tag_planers.py": BOTO_TAG})
    cm.note(run(f"nice {py} seed.py", cwd=d, timeout=1200)[-800:])
    # the web tree: most pages as in the bucket, a few new, the old catalogue gone
    web = d / "site"
    for i in range(150):
        dd = ["css", "species", "grades", "photos"][i % 4]
        ext = {"css": "css", "species": "html", "grades": "html", "photos": "jpg"}[dd]
        p = web / dd / f"page-{i:03d}.{ext}"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("s" * (50 + 7 * i))
    (web / "index.html").write_text("<h1>Timberline</h1>\n")
    pe = {"PATH": f"{VENV}/bin:/usr/bin:/bin"}

    cap("s3-ls-kilns-summarize-head", "aws s3 ls s3://timberline-kilns --recursive --summarize --human-readable "
        "| head -n 200; aws s3 ls s3://timberline-kilns --recursive --summarize | tail -n 3", d, n_s3_ls)
    cap("s3-sync-site-delete-dryrun-echo", "aws s3 sync site/ s3://timberline-web --delete --dryrun; echo EXIT=$?", d,
        n_s3_dryrun)
    cap("s3api-list-schedules", "aws s3api list-objects-v2 --bucket timberline-kilns --prefix schedules/ --max-items 110",
        d, n_s3api)
    cap("s3api-list-jq-readings", "aws s3api list-objects-v2 --bucket timberline-kilns --prefix readings/kiln-c/ | jq "
        "'.Contents[] | {Key, Size, LastModified}' | head -n 450", d, n_s3api)
    cap("ec2-describe-planers-json", "aws ec2 describe-instances --filters Name=tag:role,Values=planer,grader "
        "Name=tag:yard,Values=east", d, n_ec2_json)
    cap("ec2-describe-stopped-echo", "aws ec2 describe-instances --filters Name=instance-state-name,Values=stopped,"
        "terminated; aws ec2 describe-instances --instance-ids i-0123456789abcdef0; echo EXIT=$?", d, n_ec2_json)
    q = ("'Reservations[].Instances[].[InstanceId,InstanceType,State.Name,Placement.AvailabilityZone,"
         "Tags[?Key==`yard`]|[0].Value,Tags[?Key==`role`]|[0].Value]'")
    cap("ec2-table-mill", f"aws ec2 describe-instances --output table --query {q}", d, n_cli_table)
    cap("ddb-scan-boards-table-head", "aws dynamodb scan --table-name boards --max-items 60 --output table | "
        "head -n 500", d, n_cli_table)
    cap("ec2-text-mill-tail", f"aws ec2 describe-instances --output text --query {q} | sort -k3 | tail -n 80", d,
        n_cli_text)
    cap("ddb-scan-boards-max", "aws dynamodb scan --table-name boards --max-items 170", d, n_ddb)
    cap("ddb-scan-filter-moisture-echo", "aws dynamodb scan --table-name boards --filter-expression 'moisture > :m' "
        "--expression-attribute-values '{\":m\": {\"N\": \"19\"}}' --max-items 50; aws dynamodb scan --table-name "
        "board; echo EXIT=$?", d, n_ddb)
    # the AWS CLI v1 sends SQS calls in us-east-1 to its legacy endpoint whatever AWS_ENDPOINT_URL says (round 114's
    # note), so the SQS commands name the emulator themselves
    ep = f"--endpoint-url http://127.0.0.1:{port}"
    cap("sqs-receive-twice", f"Q=$(aws sqs get-queue-url {ep} --queue-name kiln-alarms --query QueueUrl --output text); "
        f"aws sqs receive-message {ep} --queue-url $Q --max-number-of-messages 10 --attribute-names All >/dev/null; "
        f"aws sqs receive-message {ep} --queue-url $Q --max-number-of-messages 10 --attribute-names All", d, n_sqs)
    cap("iam-list-roles-max", "aws iam list-roles --max-items 28", d, n_iam)
    cap("logs-filter-kilns-json", "aws logs filter-log-events --log-group-name /timberline/kilns --max-items 150",
        d, n_logs)
    cap("boto3-tag-planers-echo", "python tag_planers.py; echo EXIT=$?", d, n_boto3, env=pe)


STEPS = [aws_steps]
