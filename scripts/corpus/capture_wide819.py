#!/usr/bin/env python3
"""Capture round 819 of the compression corpus: infrastructure-as-code and config linters in outputs the corpus
lacks, on a lighthouse keeper's small infrastructure repo written here (`lighthouse`: lamps, lenses, wicks, galleries,
keepers) in several sizes, with faults put in: an assert on a lens's focal length, a missing wick file, a bad lamp
mode, an undefined variable, a gallery loop with failing items, an unreachable keeper host, broken playbooks, roles
with lint faults, Dockerfiles / Kubernetes manifests / Terraform with misconfigurations, yamale data that breaks its
schema, systemd units with bad directives and little hardening.

Kinds (rules in NEEDLES.md's "Round 819" section). NEW: ansible-playbook-list, ansible-play-minimal,
ansible-play-oneline, ansible-junit-xml, ansible-adhoc, ansible-lint-codeclimate, checkov-github-failed,
systemd-analyze-security-json. Kept, extractors imported: ansible-syntax-check (capture_wide135_ans),
ansible-play-failed-task and systemd-analyze-verify (capture_wide21_tools), checkov (capture_wide13_pkgs), yamale
(capture_wide38_py). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide819.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide819.json  as {"version": 2, "items": [...]}, ids prefixed "wide819-".
Tools:   ansible-core 2.19.14, ansible-lint 26.10.1, checkov 3.3.30, yamale 6.1.0 (PyPI, in a venv under
         /dev/shm/hm-corpus-wide819); systemd-analyze (systemd 252.38, Debian bookworm); python3 -m json.tool.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide819-"
DEFAULT_OUT = HERE / "data" / "wide819.json"
TMP = Path("/dev/shm/hm-corpus-wide819-run")
TOOLS = Path("/dev/shm/hm-corpus-wide819")
VENV = TOOLS / "venv"
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    cm.install_venv(VENV, "checkov", ["ansible-core", "ansible-lint", "checkov", "yamale"], timeout=1500)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]
    cm.note(cm.run(f"{VENV}/bin/pip list 2>/dev/null | grep -iE '^(ansible-core|ansible-lint|checkov|yamale) '; "
                   "systemd-analyze --version | head -n 1"))


from capture_wide135_ans import n_syntax_check  # noqa: E402
from capture_wide21_tools import n_ansible_check, n_systemd_verify  # noqa: E402
from capture_wide13_pkgs import n_checkov  # noqa: E402
from capture_wide38_py import N_YAMALE  # noqa: E402

# ================================================================== extractors (NEEDLES.md, round 819)

EXIT = re.compile(r"^EXIT=\d+$")
HEAD = re.compile(r"^(\S+) \| (SUCCESS|CHANGED|FAILED!|FAILED|UNREACHABLE!|SKIPPED)(?![\w!])")


def _common(lines):
    """rule 1 shared by the new kinds: [ERROR]/ERROR!/exception lines, [WARNING] one any per shape, EXIT=N"""
    out = [ln for ln in lines if ln.startswith(("[ERROR]", "ERROR!")) or EXIT.match(ln)
           or re.match(r"^[A-Za-z_][\w.]*(Error|Exception): ", ln)]
    out += cm.groups((cm.mask(ln), ln) for ln in lines if ln.startswith("[WARNING]"))
    return out


def _block_msg(lines, i):
    """the first "msg": line of the JSON block opened on line i (up to its closing } at column 0)"""
    if not lines[i].rstrip().endswith("{"):
        return None
    for k in range(i + 1, len(lines)):
        if lines[k].startswith("}") or HEAD.match(lines[k]):
            return None
        if re.match(r'^\s*"msg": ', lines[k]):
            return lines[k]
    return None


def _rare_status(heads):
    """rule 4 on result headers: headers whose status occurs in at most 2 while the commonest covers half"""
    if not heads:
        return []
    c = Counter(st for st, _ in heads)
    if c.most_common(1)[0][1] * 2 < len(heads):
        return []
    return [ln for st, ln in heads if c[st] <= 2]


def _heads(lines):
    return [(m.group(2), ln) for ln in lines if (m := HEAD.match(ln))]


@cm.kind("ansible-playbook-list", "listing")
def n_pb_list(lines):
    """Rule 5 on ansible-playbook --list-hosts/--list-tasks/--list-tags: every play #N line, every pattern: and hosts (N): line, every host line under hosts (N):, every task line under tasks:, every TASK TAGS line; rule 1."""
    out = []
    sec = None
    for ln in lines:
        s = ln.strip()
        if re.match(r"^\s*play #\d+ ", ln):
            out.append(ln)
            sec = None
        elif re.match(r"^\s*pattern: ", ln) or s.startswith("TASK TAGS:"):
            out.append(ln)
        elif re.match(r"^\s*hosts \(\d+\):", ln):
            out.append(ln)
            sec = "hosts"
        elif s == "tasks:":
            sec = "tasks"
        elif not s:
            sec = None if sec == "hosts" else sec
        elif sec in ("hosts", "tasks") and re.match(r"^\s{4,}\S", ln):
            out.append(ln)
    return out + _common(lines)


@cm.kind("ansible-play-minimal", "log")
def n_play_minimal(lines):
    """Rules 1+4 on the minimal callback: every host | FAILED! / UNREACHABLE! line and the first "msg": line of its block; result headers with a rare status (rule 4); rule 1."""
    out = []
    for i, ln in enumerate(lines):
        m = HEAD.match(ln)
        if m and m.group(2) in ("FAILED!", "FAILED", "UNREACHABLE!"):
            out += [ln, _block_msg(lines, i)]
    return out + _rare_status(_heads(lines)) + _common(lines)


@cm.kind("ansible-play-oneline", "log")
def n_play_oneline(lines):
    """Rules 1+4 on the oneline callback: every | FAILED! / | FAILED | / | UNREACHABLE! line; result lines with a rare status (rule 4); rule 1."""
    out = [ln for ln in lines if re.search(r"\| (FAILED!|FAILED \||UNREACHABLE!)", ln)]
    return out + _rare_status(_heads(lines)) + _common(lines)


@cm.kind("ansible-junit-xml", "test")
def n_junit(lines):
    """Rule 2 on the junit callback's report: the <testsuites root line, <testsuite lines with failures/errors not 0, every <testcase holding a <failure/<error child and that child's line; rule 1."""
    out = [ln for ln in lines if ln.lstrip().startswith("<testsuites")][:1]
    for i, ln in enumerate(lines):
        s = ln.lstrip()
        if s.startswith("<testsuite ") and (re.search(r'failures="[1-9]', s) or re.search(r'errors="[1-9]', s)):
            out.append(ln)
        if s.startswith("<testcase ") and not s.endswith("/>"):
            for k in range(i + 1, len(lines)):
                t = lines[k].lstrip()
                if t.startswith("</testcase>") or t.startswith("<testcase "):
                    break
                if t.startswith(("<failure", "<error")):
                    out += [ln, lines[k]]
                    break
    return out + _common(lines)


@cm.kind("ansible-adhoc", "log")
def n_adhoc(lines):
    """Rules 1+4 on ad-hoc ansible: every FAILED! / FAILED | rc=N >> / UNREACHABLE! header with its first "msg": line or first output line; headers with a rare status (rule 4); every header when a command's output is the answer on at most 12 hosts; rule 1."""
    out = []
    heads = _heads(lines)
    for i, ln in enumerate(lines):
        m = HEAD.match(ln)
        if not m:
            continue
        if m.group(2) in ("FAILED!", "UNREACHABLE!"):
            out += [ln, _block_msg(lines, i)]
        elif m.group(2) == "FAILED" and "rc=" in ln:
            out += [ln, next((x for x in lines[i + 1:i + 7] if x.strip() and not HEAD.match(x)), None)]
    out += _rare_status(heads)
    if len(heads) <= 12 and any(">>" in ln for _, ln in heads):
        out += [ln for _, ln in heads]
    return out + _common(lines)


@cm.kind("ansible-lint-codeclimate", "lint")
def n_lint_cc(lines):
    """Rule 1 on ansible-lint -f codeclimate (json.tool): one any per (check_name, path) over the description lines; check_name and description lines of blocker/critical issues."""
    start = next(i for i, ln in enumerate(lines) if ln.startswith("["))
    data = json.loads("\n".join(lines[start:]))
    out = []
    pairs = []

    def line_of(key, val):
        s = f'"{key}": {json.dumps(val)}'
        return next((ln for ln in lines if ln.strip().rstrip(",") == s), None)
    for it in data:
        d = line_of("description", it.get("description"))
        pairs.append(((it.get("check_name"), it.get("location", {}).get("path")), d))
        if it.get("severity") in ("blocker", "critical"):
            out += [line_of("check_name", it.get("check_name")), d]
    return out + cm.groups(p for p in pairs if p[1]) + _common(lines[:start])


@cm.kind("checkov-github-failed", "lint")
def n_checkov_gh(lines):
    """Rules 1+3 on checkov -o github_failed_only: every framework heading, every table header row, every row naming a failed CKV check, every counts line."""
    out = [ln for ln in lines if re.match(r"^#{2,4} ", ln)]
    out += [ln for ln in lines if ln.startswith("|") and re.search(r"\|\s*(check_id|Check ID|Passed)\b", ln, re.I)]
    out += [ln for ln in lines if re.search(r"\bCKV2?_\w+", ln) and ln.lstrip().startswith("|")]
    out += [ln for ln in lines if re.search(r"Passed checks: \d+", ln)
            or re.match(r"^\|\s*\d+\s*\|\s*\d+\s*\|\s*\d+\s*\|", ln)]
    return out + _common(lines)


@cm.kind("systemd-analyze-security-json", "json")
def n_sec_json(lines):
    """Rule 4 on systemd-analyze security --json=pretty: name lines of the records with the largest exposure and of records whose set value is the rare one; error lines and EXIT=N."""
    start = next((i for i, ln in enumerate(lines) if ln.startswith("[")), None)
    out = [ln for ln in lines if re.search(r"^Failed to |is not a valid|^Error|: error", ln) or EXIT.match(ln)]
    if start is None:
        return out
    end = max(i for i, ln in enumerate(lines) if ln.startswith("]"))
    data = json.loads("\n".join(lines[start:end + 1]))
    names = [ln for ln in lines[start:end + 1] if re.match(r'^\s*"name" : |^\s*"name": ', ln)]

    def name_line(rec):
        v = json.dumps(rec.get("name"))
        return next((ln for ln in names if ln.strip().rstrip(",").endswith(v)), None)
    ex = [(float(r["exposure"]), r) for r in data if r.get("exposure") not in (None, "")]
    if ex:
        top = max(e for e, _ in ex)
        out += [name_line(r) for e, r in ex if e == top]
    c = Counter(json.dumps(r.get("set")) for r in data)
    if c and c.most_common(1)[0][1] * 2 >= len(data):
        out += [name_line(r) for r in data if c[json.dumps(r.get("set"))] <= 2]
    return out


# ================================================================== material: lighthouse

PY = str(VENV / "bin" / "python")
ENV = {"ANSIBLE_NOCOLOR": "1", "ANSIBLE_FORCE_COLOR": "0", "ANSIBLE_PIPELINING": "1", "ANSIBLE_HOST_KEY_CHECKING": "0",
       "ANSIBLE_RETRY_FILES_ENABLED": "0", "ANSIBLE_LOCAL_TEMP": str(TMP / ".ansible-tmp"),
       "ANSIBLE_HOME": str(TMP / ".ansible-home"), "ANSIBLE_FORKS": "4", "ANSIBLE_SSH_TIMEOUT": "3"}
MODES = ["fixed", "flashing", "occulting", "isophase", "quick"]


def inventory(root: Path, n: int, unreachable: bool) -> None:
    rows = ["[lamps]"]
    for i in range(1, n + 1):
        mode = "strobe" if i == 3 else MODES[i % 5]
        rows.append(f"lamp-{i:02d} lamp_mode={mode} period={2 + i % 7}")
    rows.append("\n[lenses]")
    for i in range(1, max(2, n // 2) + 1):
        focal = 990 if i == 2 else 900 + (i * 7) % 60
        extra = "" if i == 4 else f" prism_count={12 + i}"
        rows.append(f"lens-{i:02d} focal_length={focal} lens_order={1 + i % 6}{extra}")
    rows.append("\n[galleries]")
    for i in range(1, max(2, n // 3) + 1):
        rows.append(f"gallery-{i:02d} max_level={3 if i % 4 == 1 else 5}")
    rows.append("\n[keepers]")
    for i, name in enumerate(["keeper-abel", "keeper-brynn", "keeper-cato", "keeper-dora"][: 2 + n // 8]):
        rows.append(f"{name} watch={['first', 'middle', 'morning', 'dog'][i]}")
    if unreachable:
        rows.append("keeper-farrock ansible_connection=ssh ansible_host=127.0.0.1 ansible_port=1 ansible_user=keeper")
    rows.append(f"\n[all:vars]\nansible_connection=local\nansible_python_interpreter={PY}\n"
                f"out_dir={root}/out\nwick_dir={root}/wicks\n")
    (root / "inventory.ini").write_text("\n".join(rows))
    (root / "out").mkdir(parents=True, exist_ok=True)
    (root / "wicks").mkdir(parents=True, exist_ok=True)
    for i in range(1, n + 1):
        if i % 5 != 2:
            (root / "wicks" / f"lamp-{i:02d}.wick").write_text(f"wick=cotton length={40 + i}mm trimmed=yes\n")


SITE = """\
- name: Trim the lamps
  hosts: lamps
  gather_facts: false
  tags: [lamps]
  tasks:
    - name: Check the lamp mode
      ansible.builtin.assert:
        that: lamp_mode in ['fixed', 'flashing', 'occulting', 'isophase', 'quick']
        fail_msg: "lamp {{ inventory_hostname }} has unknown mode {{ lamp_mode }}"
      tags: [check]
    - name: Write the lamp schedule
      ansible.builtin.copy:
        dest: "{{ out_dir }}/{{ inventory_hostname }}.schedule"
        content: "mode={{ lamp_mode }} period={{ period }}\\n"
      tags: [schedule]
    - name: Read the wick record
      ansible.builtin.slurp:
        src: "{{ wick_dir }}/{{ inventory_hostname }}.wick"
      tags: [wicks]

- name: Grind the lenses
  hosts: lenses
  gather_facts: false
  tags: [lenses]
  tasks:
    - name: Focal length within tolerance
      ansible.builtin.assert:
        that:
          - focal_length | int >= 900
          - focal_length | int <= 960
        fail_msg: "{{ inventory_hostname }} focal length {{ focal_length }}mm out of 900-960"
      tags: [check]
    - name: Count the prisms
      ansible.builtin.debug:
        msg: "{{ inventory_hostname }} order {{ lens_order }} has {{ prism_count }} prisms"
    - name: Record the lens order
      ansible.builtin.copy:
        dest: "{{ out_dir }}/{{ inventory_hostname }}.lens"
        content: "order={{ lens_order }}\\n"

- name: Sweep the galleries
  hosts: galleries
  gather_facts: false
  tags: [galleries]
  tasks:
    - name: Sweep each gallery level
      ansible.builtin.command: test {{ item }} -le {{ max_level }}
      loop: [1, 2, 3, 4, 5]
      changed_when: false
      check_mode: false
      tags: [sweep]
    - name: Polish the brass rail
      ansible.builtin.file:
        path: "{{ out_dir }}/{{ inventory_hostname }}.polished"
        state: touch
        modification_time: preserve
        access_time: preserve

- name: Muster the keepers
  hosts: keepers
  gather_facts: false
  tags: [keepers]
  tasks:
    - name: Answer the muster
      ansible.builtin.ping:
    - name: Enter the watch in the log
      ansible.builtin.lineinfile:
        path: "{{ out_dir }}/keepers.log"
        line: "{{ inventory_hostname }} keeps the {{ watch }} watch"
        create: true
      notify: Ring the bell
  handlers:
    - name: Ring the bell
      ansible.builtin.debug:
        msg: "bell rung for {{ inventory_hostname }}"
"""

BROKEN = {
    "broken-indent.yml": "- name: Light the lamp\n  hosts: lamps\n  tasks:\n    - name: Fill the oil\n"
                         "      ansible.builtin.debug:\n        msg: oil\n     - name: Trim\n"
                         "      ansible.builtin.debug: msg=trim\n",
    "broken-two-actions.yml": "- name: Lenses\n  hosts: lenses\n  tasks:\n    - name: Clean the lens\n"
                              "      ansible.builtin.debug: msg=clean\n      ansible.builtin.command: echo polish\n",
    "broken-include.yml": "- name: Galleries\n  hosts: galleries\n  tasks:\n"
                          "    - ansible.builtin.import_tasks: tasks/sweep-missing.yml\n",
    "broken-keyword.yml": "- name: Keepers\n  hosts: keepers\n  become_user_name: keeper\n  tasks:\n"
                          "    - name: Muster\n      ansible.builtin.ping:\n",
    "broken-unbalanced.yml": "- name: Wicks\n  hosts: lamps\n  vars:\n    wick: \"{{ lamp_mode }\"\n  tasks:\n"
                             "    - name: Show the wick\n      ansible.builtin.debug:\n        msg: \"{{ wick \"\n",
}

ROLE_TASKS = """\
- ansible.builtin.shell: cat /etc/lamp.conf | grep mode
- name: install lens cleaner
  ansible.builtin.apt: name=lens-cleaner state=latest
- name: Lamp room permissions
  ansible.builtin.file:
    path: /srv/lamproom
    state: directory
    mode: 777
- name: Trim wicks
  command: "rm -rf {{wick_dir}}/old"
  ignore_errors: yes
- name: Gallery rail
  ansible.builtin.get_url:
    url: http://lighthouse.example/rail.tar.gz
    dest: /tmp/rail.tar.gz
- name: Keeper shell
  ansible.builtin.command: bash -c "cd /srv && ls"
  become: True
- name: Fetch the almanac
  shell: curl -s http://lighthouse.example/almanac | tee /srv/almanac
- name: lens rotation
  ansible.builtin.service: name=lensd enabled=yes
  when: "{{ lens_order > 2 }}"
"""


def lint_tree(root: Path, n: int) -> None:
    roles = ["lamp", "lens", "wick", "gallery", "keeper", "fog_signal", "oil_store", "lantern"][:n]
    for r in roles:
        body = ROLE_TASKS.replace("lamp", r if r != "lamp" else "lamp")
        if r in ("lens", "keeper"):
            body = "\n".join(body.splitlines()[:8]) + "\n"
        (root / "roles" / r / "tasks").mkdir(parents=True, exist_ok=True)
        (root / "roles" / r / "tasks" / "main.yml").write_text("---\n" + body)
        (root / "roles" / r / "handlers").mkdir(parents=True, exist_ok=True)
        (root / "roles" / r / "handlers" / "main.yml").write_text(
            "---\n- name: restart " + r + "\n  service: name=" + r + "d state=restarted\n")
    (root / "playbook.yml").write_text("---\n- hosts: all\n  roles:\n" + "".join(f"    - {r}\n" for r in roles))


DOCKERFILES = {
    "lamp": "FROM python:latest\nADD . /app\nRUN apt-get update && apt-get upgrade -y\nRUN pip install -r /app/req.txt\n"
            "EXPOSE 22\nCMD python /app/lamp.py\n",
    "lens": "FROM alpine:3.19\nRUN apk add curl\nRUN curl -s http://lighthouse.example/lens.sh | sh\nUSER root\n"
            "CMD [\"/bin/lensd\"]\n",
    "keeper": "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y sudo\nCOPY keeper /usr/bin/\n"
              "USER keeper\nHEALTHCHECK CMD /usr/bin/keeper --ping\nENTRYPOINT [\"/usr/bin/keeper\"]\n",
    "wick": "FROM ubuntu\nRUN apt-get install -y wget\nRUN wget -qO- http://lighthouse.example/wick | bash\n"
            "ENV WICK_TOKEN=s3cr3t-wick-token\nCMD wick\n",
}


def k8s(name: str, i: int) -> str:
    priv = "true" if i % 3 == 0 else "false"
    lim = "" if i % 2 else "          resources:\n            limits:\n              cpu: 200m\n              memory: 128Mi\n"
    return f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: {'default' if i % 4 == 0 else 'lighthouse'}
spec:
  replicas: {1 + i % 3}
  selector:
    matchLabels:
      app: {name}
  template:
    metadata:
      labels:
        app: {name}
    spec:
      hostNetwork: {'true' if i == 2 else 'false'}
      containers:
        - name: {name}
          image: registry.lighthouse.lan/{name}:{'latest' if i % 2 else '1.' + str(i)}
          securityContext:
            privileged: {priv}
            allowPrivilegeEscalation: {'true' if i % 2 else 'false'}
{lim}          env:
            - name: KEEPER_PASSWORD
              value: "tidewatch{i}"
"""


TF = """\
resource "aws_s3_bucket" "lamp_logs" {
  bucket = "lighthouse-lamp-logs"
}

resource "aws_s3_bucket_acl" "lamp_logs" {
  bucket = aws_s3_bucket.lamp_logs.id
  acl    = "public-read"
}

resource "aws_security_group" "gallery" {
  name = "gallery"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "keepers" {
  identifier          = "keepers"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "keeper"
  password            = "lamp-oil-1893"
  publicly_accessible = true
  storage_encrypted   = false
  skip_final_snapshot = true
}

resource "aws_instance" "lens_grinder" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.small"
  associate_public_ip_address = true
  user_data = "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}
"""


def iac_tree(root: Path, n: int) -> None:
    for k, (name, body) in enumerate(list(DOCKERFILES.items())[: max(1, n)]):
        p = root / "docker" / name / "Dockerfile"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(body)
    names = ["lamp-trimmer", "lens-grinder", "wick-store", "gallery-sweeper", "keeper-rota", "fog-horn",
             "oil-gauge", "tide-clock", "beacon", "log-book"]
    (root / "k8s").mkdir(parents=True, exist_ok=True)
    for i, nm in enumerate(names[: 2 + n * 2]):
        (root / "k8s" / f"{nm}.yaml").write_text(k8s(nm, i))
    if n >= 2:
        (root / "tf").mkdir(parents=True, exist_ok=True)
        (root / "tf" / "main.tf").write_text(TF)


YAMALE_SCHEMA = """\
lighthouse: str()
keepers: list(include('keeper'), min=1)
lamps: list(include('lamp'))
---
keeper:
  name: str()
  watch: enum('first', 'middle', 'morning', 'dog')
  years: int(min=0, max=60)
  email: str(matches='^[a-z.]+@lighthouse\\\\.lan$', required=False)
lamp:
  id: regex('^lamp-[0-9]{2}$')
  mode: enum('fixed', 'flashing', 'occulting', 'isophase', 'quick')
  period: num(min=0.5, max=30)
  lens: include('lens')
  wicks: list(int(min=1), max=4)
lens:
  order: int(min=1, max=6)
  focal_mm: int(min=900, max=960)
"""


def yamale_data(root: Path, n: int) -> None:
    (root / "rota").mkdir(parents=True, exist_ok=True)
    (root / "rota" / "schema.yaml").write_text(YAMALE_SCHEMA)
    for f in range(n):
        keepers = []
        for i in range(3):
            w = "twilight" if (f + i) == 2 else ["first", "middle", "morning"][i]
            yrs = "seventeen" if (f, i) == (1, 1) else 5 + f + i * 3
            keepers.append(f"  - name: keeper {f}{i}\n    watch: {w}\n    years: {yrs}\n"
                           + ("    email: Keeper@Lighthouse.lan\n" if (f + i) % 4 == 3 else ""))
        lamps = []
        for i in range(2 + f * 3):
            mode = "strobe" if i % 5 == 4 else MODES[i % 5]
            focal = 980 if i % 7 == 3 else 910 + i
            wicks = "[1, 2, 3, 4, 5]" if i % 6 == 5 else "[1, 2]"
            lid = f"lamp-{i:02d}" if i % 8 != 6 else f"lamp{i}"
            lamps.append(f"  - id: {lid}\n    mode: {mode}\n    period: {0.2 if i == 1 else 2 + i}\n"
                         f"    lens:\n      order: {1 + i % 7}\n      focal_mm: {focal}\n    wicks: {wicks}\n")
        (root / "rota" / f"station-{f}.yaml").write_text(
            f"lighthouse: Station {f}\nkeepers:\n" + "".join(keepers) + "lamps:\n" + "".join(lamps))


UNITS = {
    "lamp-trim.service": "[Unit]\nDescription=Trim the lamp wicks\nAfter=network.target\nRequires=oil-pump.service\n\n"
                         "[Service]\nType=oneshot\nExecStart=lamp-trim --all\nRestart=sometimes\nTimeoutSec=forever\n"
                         "User=keeper\n\n[Install]\nWantedBy=multi-user.target\n",
    "lamp-trim.timer": "[Unit]\nDescription=Trim at dusk\n\n[Timer]\nOnCalendar=*-*-* 25:00:00\nUnit=lamp-trimmer.service\n"
                       "Persistent=maybe\n\n[Install]\nWantedBy=timers.target\n",
    "lens-rotor.service": "[Unit]\nDescription=Rotate the lens\n\n[Service]\nExecStart=/usr/bin/lens-rotor\n"
                          "ProtectSystem=strict\nProtectHome=yes\nPrivateTmp=yes\nNoNewPrivileges=yes\n"
                          "CapabilityBoundingSet=\nRestrictAddressFamilies=AF_UNIX\nPrivateDevices=yes\n"
                          "ProtectKernelTunables=yes\nProtectControlGroups=yes\nSystemCallFilter=@system-service\n"
                          "Lens=fresnel\n\n[Install]\nWantedBy=multi-user.target\n",
    "fog-horn.service": "[Unit]\nDescription=Sound the fog horn\nBefore=lamp-trim.service\n\n[Service]\n"
                        "ExecStart=/usr/bin/fog-horn --interval 30\nUser=root\nPrivateNetwork=no\nSocketMode=0600\n"
                        "Environment=HORN=loud\nEnvironmentFile=/etc/lighthouse/%i.env\n\n"
                        "[Install]\nWantedBy=multi-user.target\n",
    "gallery-sweep.service": "[Service]\nType=simple\nExecStart=/usr/bin/gallery-sweep\nDynamicUser=yes\n"
                             "ProtectSystem=full\nMemoryMax=64M\nCPUQuota=250\n",
    "keeper-log.path": "[Path]\nPathChanged=relative/keepers.log\nUnit=keeper-log.service\n",
}


def units(root: Path) -> None:
    (root / "units").mkdir(parents=True, exist_ok=True)
    for name, body in UNITS.items():
        (root / "units" / name).write_text(body)
    (root / "units" / "keeper-log.service").write_text("[Service]\nExecStart=/usr/bin/keeper-log\n")


# ================================================================== steps

def _c(item, cmd, cwd, ext, timeout=300, env=None):
    cap(item, cmd, TMP / cwd, ext, timeout=timeout, env={**ENV, **(env or {})})


def step_ansible(tmp: Path) -> None:
    for name, n, unr in (("small", 3, False), ("medium", 10, True), ("large", 24, True)):
        d = tmp / f"lh-{name}"
        d.mkdir(parents=True, exist_ok=True)
        inventory(d, n, unr)
        (d / "site.yml").write_text(SITE)
        for f, body in BROKEN.items():
            (d / f).write_text(body)
    _c("pb-list-small", "ansible-playbook -i inventory.ini site.yml --list-hosts --list-tasks 2>&1; echo EXIT=$?",
       "lh-small", n_pb_list)
    _c("pb-list-medium-tags", "ansible-playbook -i inventory.ini site.yml --list-tasks --list-tags 2>&1; "
       "echo EXIT=$?", "lh-medium", n_pb_list)
    _c("pb-list-large-all", "ansible-playbook -i inventory.ini site.yml --list-hosts --list-tasks --list-tags 2>&1; "
       "echo EXIT=$?", "lh-large", n_pb_list)
    _c("pb-list-large-lamps", "ansible-playbook -i inventory.ini site.yml --list-hosts --tags lamps,check "
       "--limit 'lamp-0*:lens-*' 2>&1; echo EXIT=$?", "lh-large", n_pb_list)
    _c("syntax-check-small", 'for f in broken-*.yml; do echo "== $f"; ansible-playbook -i inventory.ini '
       '--syntax-check "$f" 2>&1; echo EXIT=$?; done', "lh-small", n_syntax_check)
    _c("check-diff-small", "ansible-playbook -i inventory.ini site.yml -C --diff 2>&1; echo EXIT=$?", "lh-small",
       n_ansible_check)
    _c("check-medium", "ansible-playbook -i inventory.ini site.yml --check 2>&1; echo EXIT=$?", "lh-medium",
       n_ansible_check)
    mini = {"ANSIBLE_STDOUT_CALLBACK": "minimal"}
    one = {"ANSIBLE_STDOUT_CALLBACK": "oneline"}
    _c("minimal-small", "ansible-playbook -i inventory.ini site.yml -C 2>&1; echo EXIT=$?", "lh-small",
       n_play_minimal, env=mini)
    _c("minimal-medium", "ansible-playbook -i inventory.ini site.yml 2>&1; echo EXIT=$?", "lh-medium",
       n_play_minimal, env=mini)
    _c("minimal-large-lenses", "ansible-playbook -i inventory.ini site.yml --tags lenses,galleries 2>&1; "
       "echo EXIT=$?", "lh-large", n_play_minimal, env=mini)
    _c("oneline-small", "ansible-playbook -i inventory.ini site.yml 2>&1; echo EXIT=$?", "lh-small",
       n_play_oneline, env=one)
    _c("oneline-medium-check", "ansible-playbook -i inventory.ini site.yml -C 2>&1; echo EXIT=$?", "lh-medium",
       n_play_oneline, env=one)
    _c("oneline-large", "ansible-playbook -i inventory.ini site.yml 2>&1; echo EXIT=$?", "lh-large",
       n_play_oneline, env=one, timeout=600)
    for name, tags in (("small", ""), ("medium", ""), ("large", " --tags lamps,lenses")):
        _c(f"junit-{name}", f"JUNIT_OUTPUT_DIR=junit ANSIBLE_CALLBACKS_ENABLED=junit ansible-playbook -i inventory.ini "
           f"site.yml{tags} >/dev/null 2>&1; cat junit/*.xml", f"lh-{name}", n_junit, timeout=600)
    _c("adhoc-ping-medium", "ansible all -i inventory.ini -m ansible.builtin.ping 2>&1; echo EXIT=$?", "lh-medium",
       n_adhoc)
    _c("adhoc-wick-small", "ansible lamps -i inventory.ini -m ansible.builtin.command "
       "-a 'cat {{ wick_dir }}/{{ inventory_hostname }}.wick' 2>&1; echo EXIT=$?", "lh-small", n_adhoc)
    _c("adhoc-stat-medium", "ansible lenses:keepers -i inventory.ini -m ansible.builtin.stat "
       "-a 'path={{ out_dir }}/{{ inventory_hostname }}.lens' 2>&1; echo EXIT=$?", "lh-medium", n_adhoc)
    _c("adhoc-shell-large", "ansible 'lamps:!lamp-1*' -i inventory.ini -m ansible.builtin.shell "
       "-a 'test -s {{ wick_dir }}/{{ inventory_hostname }}.wick && wc -c < {{ wick_dir }}/{{ inventory_hostname }}"
       ".wick' 2>&1; echo EXIT=$?", "lh-large", n_adhoc)
    _c("adhoc-assert-large", "ansible lenses -i inventory.ini -m ansible.builtin.assert "
       "-a 'that=\"focal_length | int <= 960\"' 2>&1; echo EXIT=$?", "lh-large", n_adhoc)


def step_lint(tmp: Path) -> None:
    for name, n in (("lint-small", 2), ("lint-medium", 5), ("lint-large", 8)):
        d = tmp / name
        d.mkdir(parents=True, exist_ok=True)
        lint_tree(d, n)
        cm.run("git init -q . && git add -A && git -c user.email=k@lh -c user.name=keeper commit -qm lamps", cwd=d)
    lenv = {"ANSIBLE_LINT_SKIP_SCHEMA_UPDATE": "1"}
    for name in ("lint-small", "lint-medium", "lint-large"):
        _c(f"ansible-lint-cc-{name[5:]}", "ansible-lint --offline --nocolor -f codeclimate 2>/dev/null "
           "| python3 -m json.tool", name, n_lint_cc, timeout=600, env=lenv)
    _c("ansible-lint-cc-role", "ansible-lint --offline --nocolor -f codeclimate roles/lamp roles/wick 2>/dev/null "
       "| python3 -m json.tool", "lint-medium", n_lint_cc, timeout=600, env=lenv)


def step_checkov(tmp: Path) -> None:
    for name, n in (("iac-small", 1), ("iac-medium", 2), ("iac-large", 4)):
        d = tmp / name
        d.mkdir(parents=True, exist_ok=True)
        iac_tree(d, n)
    ck = "checkov --skip-download --quiet"
    _c("checkov-gh-small", f"{ck} -d . -o github_failed_only 2>&1; echo EXIT=$?", "iac-small", n_checkov_gh,
       timeout=600)
    _c("checkov-gh-medium-k8s", f"{ck} -d k8s --framework kubernetes -o github_failed_only 2>&1; echo EXIT=$?",
       "iac-medium", n_checkov_gh, timeout=600)
    _c("checkov-gh-large", f"{ck} -d . --framework dockerfile kubernetes terraform -o github_failed_only 2>&1; "
       "echo EXIT=$?", "iac-large", n_checkov_gh, timeout=600)
    _c("checkov-gh-tf", f"{ck} -d tf -o github_failed_only 2>&1; echo EXIT=$?", "iac-medium", n_checkov_gh,
       timeout=600)
    _c("checkov-cli-docker", f"{ck} -d docker --framework dockerfile 2>&1", "iac-large", n_checkov, timeout=600)
    _c("checkov-cli-tf", f"{ck} -d tf --framework terraform 2>&1", "iac-large", n_checkov, timeout=600)


def step_config(tmp: Path) -> None:
    for name, n in (("cfg-small", 2), ("cfg-large", 6)):
        d = tmp / name
        d.mkdir(parents=True, exist_ok=True)
        yamale_data(d, n)
        units(d)
    _c("yamale-small", "yamale -s rota/schema.yaml rota/ 2>&1", "cfg-small", N_YAMALE)
    _c("yamale-large", "yamale -s rota/schema.yaml rota/ 2>&1", "cfg-large", N_YAMALE)
    _c("sd-verify", "systemd-analyze verify --man=no units/*.service units/*.timer units/*.path 2>&1; echo EXIT=$?",
       "cfg-small", n_systemd_verify)
    for u in ("lens-rotor", "fog-horn", "gallery-sweep", "lamp-trim"):
        _c(f"sd-security-json-{u}", f"systemd-analyze security --offline=true --json=pretty units/{u}.service 2>&1; "
           "echo EXIT=$?", "cfg-small", n_sec_json)


STEPS = [step_ansible, step_config, step_lint, step_checkov]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide819", sys.modules["__main__"])
    main()
