"""Round 13, PyPI and npm tools the corpus never met: infrastructure linters (checkov, cfn-lint, ansible-lint,
semgrep with a local rule), schema validators (jsonschema, check-jsonschema, ajv, spectral), mkdocs, xenon,
pip-compile; Node test runners (jasmine, uvu), solc, sass, less, pug, standard, jshint and commitlint, each on
files written here with real mistakes in them. Run through capture_wide13.py."""

from __future__ import annotations

import json
from pathlib import Path

from capture_more import add_or_skip as add, have, kind, next_match, prev_match, run, write_tree
from capture_wide10 import line_rule
from capture_wide13 import PIP_ENV, diag_rule

# ================================================================== infrastructure linters



@kind("checkov", "lint")
def n_checkov(lines):
    """Rules 1+3 on checkov --compact: for every failed check, the 'Check: CKV_…' line above its 'FAILED for resource: …' line, that line and the 'File: …' line below it; every framework's 'Passed checks: N, Failed checks: M' line."""
    out: list = []
    for i, ln in enumerate(lines):
        if "FAILED for resource:" in ln:
            out += [prev_match(lines, i, r"^Check: ", 2), ln, next_match(lines, i, r"^\s*File: ", 2)]
        elif ln.startswith("Passed checks: "):
            out.append(ln)
    return out


n_cfn_lint = diag_rule(
    "cfn-lint", "lint",
    "Rule 1 on cfn-lint: every E-rule line ('E3012 …') with its 'template.yaml:L:C' location line below; W/I rules one needle per (rule, file).",
    hit=r"^E\d{4} ", loc=r"^\S+\.ya?ml:\d+:\d+", ahead=1,
    warn=r"^([WI]\d{4}) ", key=lambda m: (m.group(1),))
n_ansible_lint = diag_rule(
    "ansible-lint", "lint",
    "Rules 1+3 on ansible-lint: one needle per (rule id, file) over its 'rule[tag]: message' lines, every syntax-check / load-failure line, and the 'Failed: N failure(s), M warning(s)' summary.",
    hit=r"syntax-check|load-failure|internal-error", summary=r"^(Failed|Passed): ",
    warn=r"^([\w-]+(\[[\w-]+\])?): .*\n?", key=lambda m: (m.group(1),))
n_semgrep = line_rule(
    "semgrep", "lint",
    "Rule 1 on semgrep's text output: every file header line, every rule id line with the message line below it, and the 'Ran N rules on M files: K findings' summary.",
    hit=r"^\s{2,}\S+\.py\s*$|^\s+❯❯❱ |^\s+❯❱ |^\s+❱ ", loc=r"^\s+[^\s❰]", ahead=2, summary=r"Ran \d+ rules?|findings?\.")

IAC = {
    "main.tf": """resource "aws_s3_bucket" "data" {
  bucket = "acme-data-prod"
  acl    = "public-read"
}

resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "main" {
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "admin"
  password            = "changeme123"
  publicly_accessible = true
  skip_final_snapshot = true
}
""",
    "Dockerfile": "FROM python:latest\nADD . /app\nRUN pip install -r /app/requirements.txt\nEXPOSE 22\nCMD python /app/main.py\n",
    "deploy.yaml": """apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: acme/api:latest
          securityContext:
            privileged: true
          ports:
            - containerPort: 8080
""",
}

CFN = """AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
    AllowedValues: [dev, prod]
  Unused:
    Type: String
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "acme-${Env}-data"
      VersioningConfiguration:
        Status: true
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: "thirty"
      DelaySeconds: 1000
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python2.7
      Handler: app.handler
      Role: !GetAtt Role.Arn
      Code: {ZipFile: "def handler(e, c): return 1"}
      Timeout: 9000
  Topic:
    Type: AWS::SNS::Topc
Outputs:
  BucketArn:
    Value: !GetAtt Bucket.Arn
  QueueUrl:
    Value: !Ref Queu
"""

PLAYBOOK = """- hosts: web
  become: yes
  tasks:
    - name: install packages
      apt: name=nginx state=latest
    - shell: curl http://example.invalid/install.sh | bash
    - name: Copy config
      copy:
        src: nginx.conf
        dest: /etc/nginx/nginx.conf
        mode: 644
    - name: restart
      command: service nginx restart
    - name: Create user
      user:
        name: "{{item}}"
      with_items: [alice, bob]
    - name: Get status
      command: systemctl status nginx
      register: out
      ignore_errors: true
    - name:  Template site
      ansible.builtin.template: src=site.j2 dest=/etc/nginx/sites-enabled/site
"""

SEMGREP_RULES = """rules:
  - id: subprocess-shell-true
    languages: [python]
    severity: ERROR
    message: subprocess called with shell=True; pass a list of arguments instead
    pattern: subprocess.$F(..., shell=True, ...)
  - id: yaml-unsafe-load
    languages: [python]
    severity: WARNING
    message: yaml.load without a SafeLoader can build arbitrary objects
    pattern: yaml.load($X)
  - id: bare-except-pass
    languages: [python]
    severity: INFO
    message: an exception is swallowed silently
    pattern: |
      try:
        ...
      except:
        pass
"""

PY_SRC = {
    f"app/job{i}.py": f"""import subprocess
import yaml


def run_{i}(cmd, path):
    subprocess.run(cmd, shell=True, check=False)
    with open(path) as f:
        cfg = yaml.load(f)
    try:
        return cfg["steps"][{i}]
    except:
        pass
    return subprocess.check_output("ls " + path, shell=True)
""" for i in range(4)
}


def cap_infra(tmp: Path) -> None:
    d = tmp / "infra"
    write_tree(d, IAC | PY_SRC | {"template.yaml": CFN, "site.yml": PLAYBOOK, "semgrep.yml": SEMGREP_RULES})
    if have("checkov", "checkov"):
        cmd = "checkov -d . --compact --skip-download --framework terraform dockerfile kubernetes 2>&1"
        add("checkov-compact", cmd, run(cmd, cwd=d, timeout=400), n_checkov)
    if have("cfn-lint", "cfn-lint"):
        add("cfn-lint-template", "cfn-lint template.yaml 2>&1", run("cfn-lint template.yaml 2>&1", cwd=d, timeout=300), n_cfn_lint)
    if have("ansible-lint", "ansible-lint"):
        cmd = "ansible-lint --offline site.yml 2>&1"
        add("ansible-lint-playbook", cmd, run(cmd, cwd=d, timeout=300, env={"ANSIBLE_HOME": str(tmp / "ansible-home")}), n_ansible_lint)
    if have("semgrep", "semgrep"):
        cmd = "semgrep --config semgrep.yml --metrics=off app/ 2>&1"
        add("semgrep-local-rules", cmd, run(cmd + " --disable-version-check", cwd=d, timeout=400, env={"SEMGREP_SEND_METRICS": "off"}), n_semgrep)


# ================================================================== schema validators, docs, Python metrics, pins

n_jsonschema = line_rule(
    "jsonschema-cli", "lint",
    "Rule 1 on the jsonschema CLI: every validation error line (the instance and what it violates).",
    hit=r"\S: .*(is not|is a required|does not match|is too|should|Additional properties|was expected)|^\S+: ")
n_check_jsonschema = line_rule(
    "check-jsonschema", "lint",
    "Rules 1+3 on check-jsonschema: every 'file::$.path: message' error line and the 'Schema validation errors were encountered.' / 'ok -- validation done' line.",
    hit=r"::\$|validation errors|ok -- validation done")
n_mkdocs = line_rule(
    "mkdocs-build", "build",
    "Rules 1+3 on mkdocs build: every 'WARNING' / 'ERROR' line (each names its page and link) and the closing 'Documentation built in …' / 'Aborted with N warnings' line.",
    hit=r"^(WARNING|ERROR)\b", summary=r"Documentation built|Aborted with")
n_xenon = line_rule(
    "xenon", "lint",
    "Rule 1 on xenon: every 'ERROR:xenon:block \"file:L name\" has a rank of X' / 'module … has a rank' / 'average complexity' line.",
    hit=r"^ERROR:xenon:")
n_pip_compile = line_rule(
    "pip-compile", "pkg",
    "Rule 5 on pip-compile (--dry-run): every pinned 'name==version' line, and any 'Could not find' / 'ResolutionImpossible' / conflict line.",
    hit=r"^[A-Za-z0-9_.\[\]-]+==\S+|Could not|^\S+ResolutionImpossible|^\s*ERROR|Dry-run")

SCHEMA = {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["name", "version", "items"],
          "additionalProperties": False,
          "properties": {"name": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"}, "version": {"type": "string"},
                         "items": {"type": "array", "items": {"type": "object", "required": ["sku", "price"],
                                   "properties": {"sku": {"type": "string", "minLength": 3}, "price": {"type": "number", "minimum": 0},
                                                  "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 3}}}}}}
DATA = {"name": "Shop Catalog", "version": 2, "owner": "ops",
        "items": [{"sku": "A100", "price": 3.5}, {"sku": "B2", "price": -1}, {"sku": "C300", "price": "12"},
                  {"price": 4}, {"sku": "D400", "price": 1, "tags": ["a", "b", "c", 4]}]
        + [{"sku": f"E{500 + i}", "price": round(1.25 * i, 2), "tags": ["bulk"] if i % 6 else ["bulk", None]} for i in range(30)]
        + [{"sku": "F9", "price": None}, {"sku": 700, "price": 7}]}

MKDOCS = {
    "mkdocs.yml": "site_name: Ringbuf\nnav:\n  - Home: index.md\n  - Guide: guide.md\n  - API: api/reference.md\n  - Changelog: changelog.md\n",
    "docs/index.md": "# Ringbuf\n\nSee the [guide](guide.md), the [API](api/reference.md#push) and the [FAQ](faq.md).\n\n![logo](img/logo.png)\n",
    "docs/guide.md": "# Guide\n\n## Install\n\nRead [the index](../index.md) and [setup](setup.md#linux).\n\n## Use\n\nSee [pop](api/reference.md#pop-item).\n",
    "docs/api/reference.md": "# Reference\n\n## push\n\nPushes. Back to the [guide](../guide.md#usage).\n",
    "docs/orphan.md": "# Orphan page\n\nNot in nav.\n",
}

COMPLEX = '''def classify(order, user, now):
    if order is None:
        return "none"
    if user.banned:
        return "banned"
    for line in order.lines:
        if line.qty <= 0:
            if line.kind == "refund":
                if user.vip and now.hour < 12:
                    return "vip-refund-morning"
                elif user.vip:
                    return "vip-refund"
                else:
                    return "refund"
            elif line.kind == "gift":
                continue
            else:
                return "invalid"
        elif line.qty > 100 and not user.wholesale:
            return "bulk"
        elif line.price > 1000 or (line.price > 500 and user.new) or (line.price > 200 and now.weekday() == 6):
            return "review"
    while order.retries and order.retries > 3:
        order.retries -= 1
    return "ok" if order.total and order.total > 0 and not order.flagged else "check"


def simple(a):
    return a + 1
'''


def cap_validators(tmp: Path) -> None:
    d = tmp / "validate"
    write_tree(d, {"schema.json": json.dumps(SCHEMA, indent=2), "catalog.json": json.dumps(DATA, indent=2)} | MKDOCS
               | {"src/orders.py": COMPLEX, "src/rules.py": COMPLEX.replace("classify", "route").replace("simple", "trivial"),
                  "src/billing.py": COMPLEX.replace("classify", "bill").replace("simple", "flat"),
                  "src/shipping.py": COMPLEX.replace("classify", "ship").replace("simple", "noop"),
                  "src/returns.py": COMPLEX.replace("classify", "refund").replace("simple", "same"),
                  "src/tax.py": COMPLEX.replace("classify", "tax_band").replace("simple", "zero"),
                  "src/promo.py": COMPLEX.replace("classify", "promo").replace("simple", "none"),
                  "src/legacy/__init__.py": "",
                  **{f"src/legacy/rule{i}.py": COMPLEX.replace("classify", f"rule_{i}").replace("simple", f"id_{i}") for i in range(6)},
                  "requirements.in": "requests>=2.28\nflask<3\nrich\nclick==7.1.2\nhttpx\npydantic>=2\nsqlalchemy~=2.0\nalembic\n"})
    if have("jsonschema", "jsonschema"):
        # its deprecation notice (which names a registry) silenced, as a project that pinned this CLI does
        cmd = "PYTHONWARNINGS=ignore::DeprecationWarning jsonschema -i catalog.json schema.json 2>&1"
        add("jsonschema-instance", cmd, run(cmd, cwd=d), n_jsonschema)
    if have("check-jsonschema", "check-jsonschema"):
        cmd = "check-jsonschema --schemafile schema.json catalog.json 2>&1"
        add("check-jsonschema-catalog", cmd, run(cmd, cwd=d, timeout=200), n_check_jsonschema)
    if have("mkdocs", "mkdocs"):
        add("mkdocs-build-strict", "mkdocs build --strict 2>&1", run("mkdocs build --strict 2>&1", cwd=d, timeout=200), n_mkdocs)
    if have("xenon", "xenon"):
        add("xenon-max-absolute", "xenon --max-absolute B --max-modules A --max-average A src 2>&1",
            run("xenon --max-absolute B --max-modules A --max-average A src 2>&1", cwd=d), n_xenon)
    if have("pip-compile", "pip-compile"):
        cmd = "pip-compile --dry-run --no-header --annotate requirements.in 2>&1"
        add("pip-compile-dry-run", cmd, run(cmd, cwd=d, timeout=400, env=PIP_ENV), n_pip_compile)


STEPS = [cap_infra, cap_validators]
