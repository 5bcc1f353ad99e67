"""Capture round 752 of the compression corpus: infrastructure, container and API-description checkers in the
formats the corpus lacks (checkov JSON, SARIF and JUnit XML and --compact; cfn-lint pretty and SARIF; ansible-lint
pep8 and SARIF; sqlfluff YAML; spectral JSON, text, GitHub Actions and JUnit; redocly lint JSON, checkstyle, GitHub
Actions and its default; dockerfilelint JSON and its default) on a colliery's infrastructure repository written here
(`colliery`: pitheads, winding engines, headframes, shafts, seams, tubs, ventilation fans; seed 75210) with faults put
in. Needle rules: NEEDLES.md's "Round 752" section; the kinds earlier rounds have keep their extractors, imported below.

Usage:   .venv/bin/python scripts/corpus/capture_wide752.py
Writes:  scripts/corpus/data/wide752.json, ids prefixed "wide752-".
Tools:   /dev/shm/hm-corpus-wide752/venv (checkov 3.3.30, sqlfluff 4.5.0), /dev/shm/hm-corpus-wide752/venv2 (cfn-lint
         1.58.0, ansible-lint 26.10.1 with ansible-core 2.19.14), /dev/shm/hm-corpus-wide752/npm
         (@stoplight/spectral-cli 6.16.3, @redocly/cli 2.77.0, dockerfilelint 1.8.0)."""

from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import groups, kind, named, n_junit_xml, n_dockerfilelint  # noqa: E402  (round 1's)
from capture_wide13_pkgs import n_checkov  # noqa: E402  (round 13's checkov --compact)
from capture_wide70_api import n_redocly_lint  # noqa: E402  (round 70's)
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide752-"
DEFAULT_OUT = HERE / "data" / "wide752.json"
TOOLS = Path("/dev/shm/hm-corpus-wide752")
TMP = Path("/dev/shm/hm-corpus-wide752-run")
SEED = 75210
PY_TOOLS = ["checkov==3.3.30", "sqlfluff==4.5.0"]
PY2_TOOLS = ["cfn-lint==1.58.0", "ansible-lint==26.10.1", "ansible-core==2.19.14"]
NPM_PKGS = ["@stoplight/spectral-cli@6.16.3", "@redocly/cli@2.77.0", "dockerfilelint@1.8.0"]
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ extractors of the new kinds (fixed before capture)


def _docs(text: str) -> list:
    """The JSON document(s) a tool printed (a leading non-JSON line is skipped)."""
    i = min([p for p in (text.find("{"), text.find("[")) if p >= 0], default=-1)
    if i < 0:
        return []
    obj = json.JSONDecoder().raw_decode(text[i:])[0]
    return obj if isinstance(obj, list) else [obj]


def _kv(key: str, val) -> str:
    return f'"{key}": {json.dumps(val, ensure_ascii=False)}'


@kind("checkov-json", "lint")
def n_checkov_json(lines):
    """every failed check's "check_id" and "resource" lines, every distinct failed "file_path" line, each report's summary "passed" and "failed" lines"""
    out = []
    for rep in _docs("\n".join(lines)):
        if not isinstance(rep, dict):
            continue
        for fc in (rep.get("results") or {}).get("failed_checks", []):
            out += [_kv("check_id", fc["check_id"]), _kv("resource", fc["resource"]), _kv("file_path", fc["file_path"])]
        s = rep.get("summary") or {}
        if "passed" in s:
            out += [_kv("passed", s["passed"]), _kv("failed", s["failed"])]
    return out


@kind("checkov-sarif", "lint")
def n_sarif(lines):
    """every distinct result "ruleId" line, result message "text" line and result location "uri" line"""
    out = []
    for doc in _docs("\n".join(lines)):
        for r in doc.get("runs", []):
            for res in r.get("results", []):
                out.append(_kv("ruleId", res.get("ruleId")))
                txt = (res.get("message") or {}).get("text")
                if txt is not None:
                    out.append(_kv("text", txt))
                for loc in res.get("locations", [])[:1]:
                    uri = loc.get("physicalLocation", {}).get("artifactLocation", {}).get("uri")
                    if uri is not None:
                        out.append(_kv("uri", uri))
    return out


n_cfn_sarif = named("cfn-lint-sarif", "lint", n_sarif.__doc__, n_sarif)
n_ansible_sarif = named("ansible-lint-sarif", "lint", n_sarif.__doc__, n_sarif)
n_checkov_junit = named("checkov-junit", "test", n_junit_xml.__doc__, n_junit_xml)


def _junit_inline(lines):
    """n_junit_xml, and a <testcase> line that itself holds its <failure> (spectral writes both on one line)"""
    return n_junit_xml(lines) + [ln for ln in lines if re.match(r"^\s*<testcase\b", ln) and "<failure" in ln]


n_spectral_junit = named("spectral-junit", "test", n_junit_xml.__doc__, _junit_inline)


@kind("cfn-lint-pretty", "lint")
def n_cfn_pretty(lines):
    """every E-rule row; W/I-rule rows one any per (rule, file); each file header line; any closing summary line"""
    out, pairs, cur = [], [], ""
    for ln in lines:
        m = re.match(r"^\s*\d+:\d+:?\s+([EWI]\d{4})\b", ln)
        if m:
            if m.group(1).startswith("E"):
                out.append(ln)
            else:
                pairs.append(((m.group(1), cur), ln))
        elif re.match(r"^\S.*\.(ya?ml|json|template)$", ln.strip()) and not ln.startswith(" "):
            cur = ln.strip()
            out.append(ln)
        elif re.search(r"\b\d+ (errors?|warnings?|informational|problems?|violations?)\b", ln, re.I) or \
                re.match(r"^(Cfn-lint scanned|Process finished)", ln):
            out.append(ln)
    return out + groups(pairs)


@kind("ansible-lint-pep8", "lint")
def n_ansible_pep8(lines):
    """one any per (rule id, file) over its 'path:line: rule: message' rows; every syntax-check/load-failure/internal-error row; the 'Failed:'/'Passed:' summary"""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+(?::\d+)?: ([\w-]+)(\[[\w-]+\])?(?:\[/\])?:? ", ln)
        if m:
            if re.match(r"(syntax-check|load-failure|internal-error)", m.group(2)):
                out.append(ln)
            else:
                pairs.append(((m.group(2) + (m.group(3) or ""), m.group(1)), ln))
        elif re.match(r"^(Failed|Passed)\b", ln.strip()):
            out.append(ln)
    return out + groups(pairs)


@kind("sqlfluff-yaml", "lint")
def n_sqlfluff_yaml(lines):
    """every filepath line of a file with violations; a PRS/TMP violation's description line; other violations one any per (code, file) over their description lines"""
    out, pairs, cur, code, fpline, nviol = [], [], "", "", "", 0
    for ln in lines:
        m = re.match(r"^-?\s*filepath: (.*)$", ln)
        if m:
            cur, fpline = m.group(1), ln
            continue
        m = re.match(r"^\s*-?\s*code: (\S+)", ln)
        if m:
            code = m.group(1)
            if fpline:
                out.append(fpline)
            continue
        m = re.match(r"^\s*-?\s*description: ", ln)
        if m and code:
            if code in ("PRS", "TMP"):
                out.append(ln)
            else:
                pairs.append(((code, cur), ln))
    return out + groups(pairs)


@kind("spectral-json", "lint")
def n_spectral_json(lines):
    """every severity-0 result's "message" line and every distinct "source" line; other results one any per (code, source) over their "message" lines"""
    out, pairs = [], []
    for doc in _docs("\n".join(lines)):
        res = doc if isinstance(doc, list) else [doc]
        for r in res:
            if not isinstance(r, dict) or "message" not in r:
                continue
            if "source" in r:
                out.append(_kv("source", r["source"]))
            if r.get("severity") == 0:
                out.append(_kv("message", r["message"]))
            else:
                pairs.append(((r.get("code"), r.get("source")), _kv("message", r["message"])))
    return out + groups(pairs)


@kind("spectral-text", "lint")
def n_spectral_text(lines):
    """every error row; other rows one any per (code, file)"""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(\S.*?):\d+:\d+ (error|warning|information|hint) (\S+) ", ln)
        if m:
            if m.group(2) == "error":
                out.append(ln)
            else:
                pairs.append(((m.group(3), m.group(1)), ln))
    return out + groups(pairs)


@kind("spectral-github-actions", "lint")
def n_gh_annotations(lines):
    """every ::error row; other rows one any per (title, file)"""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^::(error|warning|notice)\b(.*?)::", ln)
        if m:
            if m.group(1) == "error":
                out.append(ln)
            else:
                t = re.search(r"title=([^,]*)", m.group(2))
                f = re.search(r"file=([^,]*)", m.group(2))
                pairs.append(((t and t.group(1), f and f.group(1)), ln))
    return out + groups(pairs)


n_redocly_gh = named("redocly-lint-github-actions", "lint", n_gh_annotations.__doc__, n_gh_annotations)


@kind("redocly-lint-json", "lint")
def n_redocly_json(lines):
    """every error problem's "message" line and its first location's "pointer" line; other problems one any per (ruleId, source ref) over their "message" lines; the totals' "errors" and "warnings" lines"""
    out, pairs = [], []
    for doc in _docs("\n".join(lines)):
        t = doc.get("totals") or {}
        if "errors" in t:
            out += [_kv("errors", t["errors"]), _kv("warnings", t["warnings"])]
        for p in doc.get("problems", []):
            loc = (p.get("location") or [{}])[0]
            ref = (loc.get("source") or {}).get("ref")
            if p.get("severity") == "error":
                out.append(_kv("message", p["message"]))
                if "pointer" in loc:
                    out.append(_kv("pointer", loc["pointer"]))
            else:
                pairs.append(((p.get("ruleId"), ref), _kv("message", p["message"])))
    return out + groups(pairs)


@kind("redocly-lint-checkstyle", "lint")
def n_redocly_checkstyle(lines):
    """every severity="error" row; other rows one any per (source, file); every <file name= line holding rows"""
    out, pairs, cur, fl = [], [], "", ""
    for ln in lines:
        m = re.search(r'<file name="([^"]*)"', ln)
        if m:
            cur, fl = m.group(1), ln
        if re.search(r"<error\b", ln):
            if fl:
                out.append(fl)
            if 'severity="error"' in ln:
                out.append(ln)
            else:
                s = re.search(r'source="([^"]*)"', ln)
                pairs.append(((s and s.group(1), cur), ln))
    return out + groups(pairs)


@kind("dockerfilelint-json", "lint")
def n_dockerfilelint_json(lines):
    """every "file" and "issues_count" line, the "totalIssues" line; findings one any per (title, file) over their "content" lines"""
    out, pairs = [], []
    for doc in _docs("\n".join(lines)):
        for f in doc.get("files", []):
            out += [_kv("file", f["file"]), _kv("issues_count", f["issues_count"])]
            for iss in f.get("issues", []):
                pairs.append(((iss.get("title"), f["file"]), _kv("content", iss.get("content"))))
        if "totalIssues" in doc:
            out.append(_kv("totalIssues", doc["totalIssues"]))
    return out + groups(pairs)


# ------------------------------------------------------------------ material: the colliery's repository (seed 75210)

WORDS = ["pithead", "headframe", "winder", "shaft", "seam", "tub", "fan", "banksman", "onsetter", "cage", "drift",
         "adit", "stall", "heading", "screens", "washery", "lamproom", "sump", "pump", "roadway", "gob", "hewer",
         "putter", "deputy", "overman", "tipple", "coke", "slurry", "airway", "furnace"]


def _names(rng: random.Random, n: int) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        w = f"{rng.choice(WORDS)}-{rng.choice(WORDS)}"
        if w not in out:
            out.append(w)
    return out


def tf_file(rng: random.Random, stem: str) -> str:
    u = stem.replace("-", "_")
    parts = []
    if rng.random() < 0.8:
        acl = rng.choice(["public-read", "private", "public-read-write"])
        parts.append(f'resource "aws_s3_bucket" "{u}_logs" {{\n  bucket = "colliery-{stem}-logs"\n  acl    = "{acl}"\n}}\n')
    if rng.random() < 0.7:
        port = rng.choice([22, 3389, 80, 5432])
        parts.append(f'resource "aws_security_group" "{u}_sg" {{\n  name = "{stem}-sg"\n  ingress {{\n    from_port   = {port}\n'
                     f'    to_port     = {port}\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }}\n}}\n')
    if rng.random() < 0.5:
        parts.append(f'resource "aws_db_instance" "{u}_db" {{\n  identifier          = "{stem}-db"\n  engine              = "postgres"\n'
                     f'  instance_class      = "db.t3.micro"\n  allocated_storage   = 20\n  publicly_accessible = true\n'
                     f'  storage_encrypted   = {rng.choice(["false", "true"])}\n  username            = "winder"\n'
                     f'  password            = "not-a-real-password"\n}}\n')
    if rng.random() < 0.6:
        parts.append(f'resource "aws_instance" "{u}_host" {{\n  ami           = "ami-0abc{rng.randrange(10**6):06d}"\n'
                     f'  instance_type = "t3.micro"\n  associate_public_ip_address = true\n}}\n')
    if rng.random() < 0.5:
        parts.append(f'resource "aws_ebs_volume" "{u}_vol" {{\n  availability_zone = "eu-west-2a"\n  size = {rng.choice([10, 50, 200])}\n'
                     f'  encrypted = {rng.choice(["false", "true"])}\n}}\n')
    if rng.random() < 0.4:
        parts.append(f'resource "aws_sqs_queue" "{u}_q" {{\n  name = "{stem}-queue"\n}}\n')
    return "\n".join(parts) or f'resource "aws_sqs_queue" "{u}_q" {{\n  name = "{stem}-queue"\n}}\n'


def k8s_file(rng: random.Random, stem: str) -> str:
    img = rng.choice([f"registry.local/{stem}:latest", f"registry.local/{stem}", f"registry.local/{stem}:1.{rng.randrange(9)}"])
    sc = []
    if rng.random() < 0.5:
        sc.append("          privileged: true")
    if rng.random() < 0.5:
        sc.append("          allowPrivilegeEscalation: true")
    sec = ("        securityContext:\n" + "\n".join(sc) + "\n") if sc else ""
    res = "        resources:\n          limits:\n            cpu: 500m\n            memory: 256Mi\n" if rng.random() < 0.3 else ""
    host = "      hostNetwork: true\n" if rng.random() < 0.3 else ""
    return (f"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {stem}\n  namespace: {rng.choice(['default', 'colliery'])}\n"
            f"spec:\n  replicas: {rng.choice([1, 2, 3])}\n  selector:\n    matchLabels:\n      app: {stem}\n  template:\n"
            f"    metadata:\n      labels:\n        app: {stem}\n    spec:\n{host}      containers:\n      - name: {stem}\n"
            f"        image: {img}\n{sec}{res}        ports:\n        - containerPort: {rng.choice([80, 8080, 22])}\n")


def dockerfile(rng: random.Random, stem: str) -> str:
    lines = [rng.choice(["FROM debian:latest", "FROM ubuntu", "FROM python:3.11-slim", "from node:20"])]
    if rng.random() < 0.6:
        lines.append("RUN apt-get update")
    lines.append(rng.choice(["RUN apt-get install curl git", "RUN apt-get install -y curl",
                             "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*"]))
    if rng.random() < 0.5:
        lines.append(f"ADD https://downloads.colliery.invalid/{stem}.tar.gz /opt/")
    if rng.random() < 0.4:
        lines.append("RUN cd /opt && make")
    if rng.random() < 0.3:
        lines.append("MAINTAINER banksman@colliery.invalid")
    if rng.random() < 0.4:
        lines.append("EXPOSE 80000")
    if rng.random() < 0.3:
        lines.append("RUN sudo chmod 777 /opt")
    if rng.random() < 0.3:
        lines.append("COPY . ")
    if rng.random() < 0.3:
        lines.append("WORKDIR opt/" + stem)
    if rng.random() < 0.25:
        lines.append("HEALTHCHECK CMD")
    if rng.random() < 0.4:
        lines.append("USER root")
    lines.append(rng.choice([f'CMD ["/opt/{stem}"]', f"CMD /opt/{stem} --serve", f"ENTRYPOINT /opt/{stem}"]))
    return "\n".join(lines) + "\n"


def cfn_file(rng: random.Random, stem: str) -> str:
    u = "".join(w.capitalize() for w in stem.split("-"))
    res = []
    res.append(f"  {u}Bucket:\n    Type: {rng.choice(['AWS::S3::Bucket', 'AWS::S3::Bukket', 'AWS::S3::Bucket'])}\n"
               f"    Properties:\n      BucketName: colliery-{stem}\n" +
               ("      AccessControl: PublicRead\n" if rng.random() < 0.5 else "") +
               ("      VersioningConfiguration:\n        Status: Sometimes\n" if rng.random() < 0.4 else ""))
    if rng.random() < 0.7:
        res.append(f"  {u}Function:\n    Type: AWS::Lambda::Function\n    Properties:\n"
                   f"      Runtime: {rng.choice(['python2.7', 'python3.12', 'nodejs12.x', 'python3.6'])}\n"
                   f"      Handler: index.handler\n      Role: !GetAtt {rng.choice([u + 'Role', 'MissingRole'])}.Arn\n"
                   f"      MemorySize: {rng.choice(['128', 'lots', 20000])}\n      Timeout: {rng.choice([30, 901])}\n"
                   f"      Code:\n        ZipFile: \"def handler(e, c): return 1\"\n")
        res.append(f"  {u}Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n"
                   f"        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n"
                   f"            Principal: {{Service: lambda.amazonaws.com}}\n            Action: 'sts:AssumeRole'\n"
                   f"      Policies:\n        - PolicyName: all\n          PolicyDocument:\n            Statement:\n"
                   f"              - Effect: Allow\n                Action: '*'\n                Resource: '*'\n")
    if rng.random() < 0.6:
        res.append(f"  {u}Instance:\n    Type: AWS::EC2::Instance\n    Properties:\n"
                   f"      InstanceType: {rng.choice(['t3.micro', 't3.mega', 'm5.large'])}\n"
                   f"      ImageId: !Ref {rng.choice(['ImageIdParam', 'AmiParam'])}\n"
                   f"      SubnetId: !Ref {rng.choice(['SubnetParam', 'NoSuchSubnet'])}\n")
    if rng.random() < 0.5:
        res.append(f"  {u}Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: {rng.choice([30, 99999])}\n"
                   f"      QueueNmae: {stem}\n")
    params = "Parameters:\n  ImageIdParam:\n    Type: AWS::EC2::Image::Id\n  SubnetParam:\n    Type: String\n  UnusedShift:\n    Type: String\n"
    outs = f"Outputs:\n  BucketArn:\n    Value: !GetAtt {u}Bucket.Arn\n  Nothing:\n    Value: !Ref NotThere\n" if rng.random() < 0.5 else ""
    return "AWSTemplateFormatVersion: '2010-09-09'\nDescription: colliery " + stem + "\n" + params + "Resources:\n" + "".join(res) + outs


def playbook(rng: random.Random, stem: str) -> str:
    tasks = []
    pool = [
        "    - command: ls /srv/{s}\n",
        "    - name: count tubs\n      shell: cat /srv/{s}/tubs | wc -l\n",
        "    - name: install winder\n      yum: name=winder state=latest\n",
        "    - name: fetch plan\n      ansible.builtin.get_url:\n        url: http://plans.colliery.invalid/{s}\n        dest: /srv/{s}\n",
        "    - name: set mode\n      file: path=/srv/{s} mode=777\n",
        "    - name: restart fan\n      service: name=fan state=restarted\n      when: fan_changed == True\n",
        "    - name: broken module\n      ansible.builtin.nosuchmodule:\n        x: 1\n",
        "    - name: tidy\n      ansible.builtin.file:\n        path: /srv/{s}/tmp\n        state: absent\n",
        "    - name:   trailing spaces   \n      ansible.builtin.debug:\n        msg: \"{s}\"\n",
        "    - name: pipe\n      ansible.builtin.shell: |\n        zcat /srv/{s}/log.gz | grep ERROR\n",
    ]
    for _ in range(rng.randint(3, 7)):
        tasks.append(rng.choice(pool).format(s=stem))
    head = rng.choice([f"- name: {stem}\n  hosts: all\n", "- hosts: all\n", f"- name: {stem}\n  hosts: all\n  become: yes\n"])
    return "---\n" + head + "  tasks:\n" + "".join(tasks)


def openapi(rng: random.Random, stem: str, n_paths: int) -> str:
    ops = []
    seen_ids = []
    for i in range(n_paths):
        res = f"{rng.choice(WORDS)}s"
        path = f"/{res}/{{{res[:-1]}Id}}" if rng.random() < 0.5 else f"/{res}{i}"
        if path in seen_ids:  # one method a path: a repeated key would stop the parsers
            path = f"/{res}{i}"
        seen_ids.append(path)
        m = rng.choice(["get", "post", "delete"])
        opid = rng.choice([f"{m}{res.capitalize()}{i}", f"{m}{res.capitalize()}", None])
        lines = [f"  {path}:", f"    {m}:"]
        if opid:
            lines.append(f"      operationId: {opid}")
        if rng.random() < 0.6:
            lines.append(f"      summary: {m} {res}")
        if rng.random() < 0.4:
            lines.append("      description: the colliery's " + res)
        if rng.random() < 0.5:
            lines.append("      tags: [" + rng.choice(["shafts", "tubs", "untagged-" + res]) + "]")
        if "{" in path:
            pname = path.split("{")[1].rstrip("}")
            if rng.random() < 0.7:
                lines += ["      parameters:", f"        - name: {pname}", "          in: path", "          required: true",
                          "          schema:", "            type: " + rng.choice(["string", "integer", "strin"])]
        ref = rng.choice(["Tub", "Seam", "Shaft", "Missing" + res.capitalize()])
        lines += ["      responses:", "        '200':", "          description: ok", "          content:",
                  "            application/json:", "              schema:", f"                $ref: '#/components/schemas/{ref}'"]
        if rng.random() < 0.3:
            lines += ["              example:", "                weight: heavy"]
        if rng.random() < 0.3:
            lines += ["        '4XX':", "          content: {}"]
        ops.append("\n".join(lines))
    schemas = ("components:\n  schemas:\n    Tub:\n      type: object\n      properties:\n        weight:\n          type: number\n"
               "        seam:\n          type: string\n    Seam:\n      type: object\n      required: [name]\n      properties:\n"
               "        depth:\n          type: integer\n    Shaft:\n      type: objekt\n    Unused:\n      type: string\n")
    server = rng.choice(["  - url: http://127.0.0.1:17520/", "  - url: https://api.colliery.invalid/v1", "  - url: ''"])
    info = "info:\n  title: " + stem + "\n  version: '1.0'\n" + ("  contact:\n    name: overman\n" if rng.random() < 0.5 else "")
    return f"openapi: 3.0.3\n{info}servers:\n{server}\npaths:\n" + "\n".join(ops) + "\n" + schemas


def sql_file(rng: random.Random, stem: str) -> str:
    u = stem.replace("-", "_")
    stmts = []
    for i in range(rng.randint(3, 8)):
        stmts.append(rng.choice([
            f"select id,Weight , seam from {u}_tubs where weight>{rng.randrange(100)} order by 1",
            f"SELECT a.id, b.id FROM {u}_shafts a JOIN {u}_seams b ON a.seam_id = b.id",
            f"select count(*) from {u}_tubs t, {u}_seams s where t.seam = s.name group by s.name",
            f"SELECT * FROM {u}_cages WHERE depth = NULL",
            f"insert into {u}_tally values (1,'hewer',  {i})",
            f"SELECT id FROM {u}_tubs WHERE (weight > 10",
            f"select   distinct(seam)   from {u}_tubs",
            f"UPDATE {u}_fans set speed=speed+1 Where id = {i}",
        ]))
    return ";\n".join(stmts) + ";\n"


def make_repo(root: Path, seed: int) -> dict:
    rng = random.Random(seed)
    names = {"tf": [], "k8s": [], "docker": [], "cfn": [], "ansible": [], "api": [], "sql": []}
    for kd, n, sub in [("tf", 30, "terraform"), ("k8s", 16, "k8s"), ("docker", 18, "docker"), ("cfn", 24, "cfn"),
                       ("ansible", 20, "ansible"), ("api", 14, "api"), ("sql", 24, "sql")]:
        for i, stem in enumerate(_names(rng, n)):
            d = root / sub
            if kd == "tf":
                p = d / f"{i:02d}-{stem}" / "main.tf"
                txt = tf_file(rng, stem)
            elif kd == "k8s":
                p, txt = d / f"{i:02d}-{stem}.yaml", k8s_file(rng, stem)
            elif kd == "docker":
                p, txt = d / f"{i:02d}-{stem}" / "Dockerfile", dockerfile(rng, stem)
            elif kd == "cfn":
                p, txt = d / f"{i:02d}-{stem}.yaml", cfn_file(rng, stem)
            elif kd == "ansible":
                p, txt = d / f"{i:02d}-{stem}.yml", playbook(rng, stem)
            elif kd == "api":
                p, txt = d / f"{i:02d}-{stem}.yaml", openapi(rng, stem, rng.choice([4, 8, 16, 30]))
            else:
                p, txt = d / f"{i:02d}-{stem}.sql", sql_file(rng, stem)
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(txt)
            names[kd].append(str(p.relative_to(root)))
    return names


# ------------------------------------------------------------------ tools and steps

ENV = {"HOME": str(TMP), "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
       "ANSIBLE_LOCAL_TEMP": str(TMP / "ansible-tmp"), "ANSIBLE_HOME": str(TMP / "ansible-home")}


def ensure_tools() -> None:
    cm.install_venv(TOOLS / "venv", "checkov", PY_TOOLS)
    cm.install_venv(TOOLS / "venv2", "ansible-lint", PY2_TOOLS + ["cfn-lint[sarif]==1.58.0"])
    cm.install_npm(TOOLS / "npm", ".bin/spectral", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(TOOLS / "venv" / "bin"), str(TOOLS / "venv2" / "bin"),
                          str(TOOLS / "npm" / "node_modules" / ".bin")]


def repo(tmp: Path) -> tuple[Path, dict]:
    root = tmp / "colliery"
    if not hasattr(repo, "names"):
        repo.names = make_repo(root, SEED)
        (root / ".spectral.yaml").write_text('extends: ["spectral:oas"]\n')
        cm.run("git init -q . && git add -A && git -c user.name=overman -c user.email=overman@colliery.invalid "
               "commit -qm material", cwd=root)
    return root, repo.names


def _c(item, cmd, root, ext, timeout=600):
    cap(item, cmd, root, ext, timeout=timeout, env=ENV)


def _dirs(files):
    return sorted({str(Path(f).parent) for f in files})


def checkov(tmp: Path) -> None:
    root, n = repo(tmp)
    tf = _dirs(n["tf"])
    ck = "checkov --skip-download"
    _c("checkov-compact-tf", f"{ck} -d {tf[3]} --compact --quiet 2>&1", root, n_checkov)
    _c("checkov-compact-k8s", f"{ck} -d k8s --compact --quiet 2>&1", root, n_checkov)
    _c("checkov-compact-docker", f"{ck} -d docker --framework dockerfile --compact --quiet 2>&1", root, n_checkov)
    _c("checkov-json-tf", f"{ck} -d {tf[0]} -o json --quiet", root, n_checkov_json)
    _c("checkov-json-k8s", f"{ck} -f {n['k8s'][0]} -o json --quiet", root, n_checkov_json)
    _c("checkov-json-docker", f"{ck} -f {n['docker'][0]} -f {n['docker'][1]} -f {n['docker'][2]} -o json --quiet", root,
       n_checkov_json)
    # -o sarif prints the CLI report and writes results_sarif.sarif: the item is that file, read after the run
    for tag, sel in [("tf", " ".join(f"-d {d}" for d in tf[10:12])), ("k8s", f"-f {n['k8s'][2]}"),
                     ("cfn", " ".join(f"-f {f}" for f in n["cfn"][:3]))]:
        o = TMP / f"sarif-{tag}"
        _c(f"checkov-sarif-{tag}", f"{ck} {sel} -o sarif --quiet --output-file-path {o} >/dev/null; "
           f"python3 -m json.tool {o}/results_sarif.sarif", root, n_sarif)
    _c("checkov-junit-tf", f"{ck} -d {tf[5]} -o junitxml --quiet", root, n_checkov_junit)
    _c("checkov-junit-docker", f"{ck} -f {n['docker'][3]} -f {n['docker'][4]} -o junitxml", root, n_checkov_junit)
    _c("checkov-junit-k8s", f"{ck} -f {n['k8s'][4]} -o junitxml --quiet", root, n_checkov_junit)


def cfnlint(tmp: Path) -> None:
    root, n = repo(tmp)
    c = n["cfn"]
    _c("cfn-lint-pretty-one", f"cfn-lint -f pretty {c[0]} 2>&1", root, n_cfn_pretty)
    _c("cfn-lint-pretty-three", "cfn-lint -f pretty " + " ".join(c[1:4]) + " 2>&1", root, n_cfn_pretty)
    _c("cfn-lint-pretty-twelve", "cfn-lint -f pretty " + " ".join(c[4:16]) + " 2>&1", root, n_cfn_pretty)
    _c("cfn-lint-sarif-two", "cfn-lint -f sarif " + " ".join(c[16:18]), root, n_cfn_sarif)
    _c("cfn-lint-sarif-six", "cfn-lint -f sarif " + " ".join(c[18:24]), root, n_cfn_sarif)
    _c("cfn-lint-sarif-one", f"cfn-lint -f sarif {c[0]}", root, n_cfn_sarif)


def ansible(tmp: Path) -> None:
    root, n = repo(tmp)
    a = [Path(p).name for p in n["ansible"]]
    d = root / "ansible"
    al = "ansible-lint --offline --nocolor"
    _c("ansible-lint-pep8-two", f"{al} -f pep8 " + " ".join(a[:2]) + " 2>&1", d, n_ansible_pep8)
    _c("ansible-lint-pep8-eight", f"{al} -f pep8 " + " ".join(a[2:10]) + " 2>&1", d, n_ansible_pep8)
    _c("ansible-lint-pep8-all", f"{al} -f pep8 2>&1", d, n_ansible_pep8)
    _c("ansible-lint-sarif-one", f"{al} -f sarif {a[10]} | python3 -m json.tool", d, n_ansible_sarif)
    _c("ansible-lint-sarif-four", f"{al} -f sarif " + " ".join(a[11:15]) + " | python3 -m json.tool", d, n_ansible_sarif)


def sqlfluff(tmp: Path) -> None:
    root, n = repo(tmp)
    s = n["sql"]
    sf = "sqlfluff lint --dialect ansi --format yaml"
    _c("sqlfluff-yaml-one", f"{sf} {s[0]}", root, n_sqlfluff_yaml)
    _c("sqlfluff-yaml-three", f"{sf} " + " ".join(s[1:4]), root, n_sqlfluff_yaml)
    _c("sqlfluff-yaml-six", f"{sf} " + " ".join(s[4:10]), root, n_sqlfluff_yaml)


def spectral(tmp: Path) -> None:
    root, n = repo(tmp)
    a = n["api"]
    sp = "spectral lint"
    _c("spectral-json-one", f"{sp} -f json {a[0]}", root, n_spectral_json)
    _c("spectral-json-four", f"{sp} -f json " + " ".join(a[1:5]), root, n_spectral_json)
    _c("spectral-json-six", f"{sp} -f json " + " ".join(a[5:11]), root, n_spectral_json)
    _c("spectral-text-two", f"{sp} -f text " + " ".join(a[:2]) + " 2>&1", root, n_spectral_text)
    _c("spectral-text-all", f"{sp} -f text api/*.yaml 2>&1", root, n_spectral_text)
    _c("spectral-gh-three", f"{sp} -f github-actions " + " ".join(a[2:5]) + " 2>&1", root, n_gh_annotations)
    _c("spectral-gh-twelve", f"{sp} -f github-actions " + " ".join(a[:12]) + " 2>&1", root, n_gh_annotations)
    _c("spectral-junit-four", f"{sp} -f junit " + " ".join(a[6:10]) + " 2>&1", root, n_spectral_junit)
    _c("spectral-junit-all", f"{sp} -f junit api/*.yaml 2>&1", root, n_spectral_junit)


def redocly(tmp: Path) -> None:
    root, n = repo(tmp)
    a = n["api"]
    rl = "redocly lint"
    _c("redocly-lint-default", f"{rl} {a[3]} 2>&1", root, n_redocly_lint)
    _c("redocly-json-one", f"{rl} --format json {a[0]} 2>/dev/null", root, n_redocly_json)
    _c("redocly-json-two", f"{rl} --format json {a[1]} {a[2]} 2>/dev/null", root, n_redocly_json)
    _c("redocly-checkstyle-four", f"{rl} --format checkstyle " + " ".join(a[4:8]) + " 2>/dev/null", root,
       n_redocly_checkstyle)
    _c("redocly-checkstyle-all", f"{rl} --format checkstyle api/*.yaml 2>/dev/null", root, n_redocly_checkstyle)
    _c("redocly-gh-two", f"{rl} --format github-actions {a[8]} {a[9]} 2>/dev/null", root, n_redocly_gh)
    _c("redocly-gh-six", f"{rl} --format github-actions " + " ".join(a[8:14]) + " 2>/dev/null", root, n_redocly_gh)


def dockerfilelint(tmp: Path) -> None:
    root, n = repo(tmp)
    d = n["docker"]
    _c("dockerfilelint-four", "dockerfilelint " + " ".join(d[:4]) + " 2>&1", root, n_dockerfilelint)
    _c("dockerfilelint-all", "dockerfilelint " + " ".join(d) + " 2>&1", root, n_dockerfilelint)
    _c("dockerfilelint-json-four", "dockerfilelint -o json " + " ".join(d[4:8]) + " | python3 -m json.tool", root,
       n_dockerfilelint_json)
    _c("dockerfilelint-json-all", "dockerfilelint -o json " + " ".join(d) + " | python3 -m json.tool", root,
       n_dockerfilelint_json)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools,
                     lambda: [checkov, cfnlint, ansible, sqlfluff, spectral, redocly, dockerfilelint],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide752", sys.modules["__main__"])
    main()
