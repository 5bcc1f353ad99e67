"""Round 135, Ansible: `tideline`'s fleet of tide gauges and buoys as 60 local aliases (`ansible_connection=local`),
configured into a directory of the round's own with faults put in (old firmware an assert rejects, missing
calibration files, a sampling rate out of range, an undefined template variable, loop items that fail, a task under
`ignore_errors`, handlers), run with `ansible-playbook` plain, `--check --diff`, `-v`/`-vvv` and `--syntax-check`;
`ansible-inventory --list`, `ansible-config dump --only-changed`, `ansible-doc -l`. Run through capture_wide135.py."""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import any_of, groups, mask, run, write_tree
from capture_wide135 import VENV, add, cap

RECAP = re.compile(r"^(\S+)\s+:\s+ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)")
FAIL = re.compile(r"^(fatal|failed): \[")
EXIT = re.compile(r"^EXIT=\d+$")


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


def _recap(lines, every: bool):
    out = [ln for ln in lines if ln.startswith("PLAY RECAP")]
    rows = [(ln, RECAP.match(ln)) for ln in lines if RECAP.match(ln)]
    for ln, m in rows:
        if every or m.group(4) != "0" or m.group(5) != "0":
            out.append(ln)
    return out, rows


@cm.kind("ansible-play-recap-many", "log")
def n_play_recap_many(lines):
    """Rules 1+3+4+5 on a playbook over many local aliases: every fatal:/failed: line, every [ERROR] line, [WARNING] lines one {"any"} per message shape, the PLAY RECAP header, every recap row with failed= or unreachable= not 0, the recap rows holding the largest changed= (one {"any"}), an EXIT=N line."""
    out = [ln for ln in lines if FAIL.match(ln) or ln.startswith(("[ERROR]", "ERROR!"))]
    out += groups((mask(ln), ln) for ln in lines if ln.startswith("[WARNING]"))
    rec, rows = _recap(lines, every=False)
    out += rec
    if rows:
        top = max(int(m.group(3)) for _, m in rows)
        out.append(any_of([ln for ln, m in rows if int(m.group(3)) == top]))
    return out + _exit(lines)


@cm.kind("ansible-play-loop", "log")
def n_play_loop(lines):
    """Rules 1+3+5 on a playbook with loops, ignore_errors and handlers: every failed: [host] (item=...) line, every fatal: line, every ...ignoring line, every RUNNING HANDLER line, the PLAY RECAP header and every recap row, an EXIT=N line."""
    out = [ln for ln in lines if FAIL.match(ln) or ln.strip() == "...ignoring" or ln.startswith("RUNNING HANDLER")
           or ln.startswith(("[ERROR]", "ERROR!"))]
    return out + _recap(lines, every=True)[0] + _exit(lines)


@cm.kind("ansible-check-diff", "log")
def n_check_diff(lines):
    """Rules 1+3+5 on ansible-playbook --check --diff: every '--- before: PATH' line (a file the run would change), every fatal:/failed: line, the PLAY RECAP header and every recap row, an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith("--- before: ") or FAIL.match(ln) or ln.startswith(("[ERROR]", "ERROR!"))]
    return out + _recap(lines, every=True)[0] + _exit(lines)


EXC = re.compile(r"^\s*[A-Za-z_][\w.]*(Error|Exception|Exit)\b")


@cm.kind("ansible-play-verbose", "log")
def n_play_verbose(lines):
    """Rules 1+3+5 on ansible-playbook -v/-vvv: the 'ansible-playbook [core X]' line and the 'config file =' line, every fatal:/failed: line, the last exception line of each printed traceback, the PLAY RECAP header and every recap row, an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith("ansible-playbook [core") or ln.strip().startswith("config file =")
           or FAIL.match(ln) or ln.startswith(("[ERROR]", "ERROR!"))]
    for i, ln in enumerate(lines):
        if "The full traceback is" in ln:
            last = None
            for k in range(i + 1, min(len(lines), i + 80)):
                if FAIL.match(lines[k]) or lines[k].startswith(("TASK [", "PLAY")):
                    break
                if EXC.match(lines[k]):
                    last = lines[k]
            out.append(last)
    return out + _recap(lines, every=True)[0] + _exit(lines)


@cm.kind("ansible-syntax-check", "lint")
def n_syntax_check(lines):
    """Rules 1+5 on ansible-playbook --syntax-check: every [ERROR]/ERROR! line, its location line (The error appears to be in '...': line N, column M / Origin: file:line:col), the offending source line above a '^ here' / '^ column' marker, an EXIT=N line."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith(("[ERROR]", "ERROR!")) or "The error appears to be in" in ln or ln.strip().startswith("Origin:"):
            out.append(ln)
        if re.match(r"^\s*\^ (here|column)", ln) and i:
            out.append(lines[i - 1])
    return out + _exit(lines)


@cm.kind("ansible-inventory-list", "json")
def n_inventory_list(lines):
    """Rules 4+5 on ansible-inventory --list: every line opening a group object at the top level of the JSON, and under _meta.hostvars every var line whose value occurs in at most 2 hosts while that var's most common value covers half of them."""
    out = [ln for ln in lines if re.match(r'^    "[^"]+": \{$', ln)]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("{"))
    data = json.loads("\n".join(lines[start:]))
    hv = data.get("_meta", {}).get("hostvars", {})
    per: dict = {}
    for host, vs in hv.items():
        for k, v in vs.items():
            per.setdefault(k, []).append(json.dumps(v))
    for k, vals in per.items():
        c = Counter(vals)
        if c.most_common(1)[0][1] * 2 < len(hv):
            continue
        for v, n in c.items():
            if n <= 2:
                s = f'"{k}": {v}'
                out.append(next((ln.strip().rstrip(",") for ln in lines if ln.strip().rstrip(",") == s), None))
    return out


@cm.kind("ansible-config-dump", "doc")
def n_config_dump(lines):
    """Rule 5 on ansible-config dump --only-changed: every setting row (NAME(source) = value), each a changed setting."""
    return [ln for ln in lines if re.match(r"^\S+\(.+\) = ", ln)]


def _doc_rows(lines):
    return [ln for ln in lines if re.match(r"^[a-z][\w.]*\s{2,}\S", ln)]


n_doc_list = cm.named("ansible-doc-list", "doc", "Rule 5 on ansible-doc -l cut by head/tail: the first and last rows.",
                      lambda lines: (lambda r: [r[0], r[-1]] if r else [])(_doc_rows(lines)))
n_doc_grep = cm.named("ansible-doc-list", "doc", "Rule 5 on ansible-doc -l filtered by grep: every row (the answer).",
                      _doc_rows)

# ------------------------------------------------------------------ the fleet

ENV = {"ANSIBLE_NOCOLOR": "1", "ANSIBLE_FORCE_COLOR": "0", "ANSIBLE_PIPELINING": "1", "ANSIBLE_HOST_KEY_CHECKING": "0",
       "ANSIBLE_RETRY_FILES_ENABLED": "0", "ANSIBLE_DEPRECATION_WARNINGS": "1"}


def _env(d: Path) -> dict:
    return {**ENV, "ANSIBLE_HOME": str(d / ".ansible"), "ANSIBLE_LOCAL_TEMP": str(d / ".ansible" / "tmp"),
            "ANSIBLE_REMOTE_TEMP": str(d / ".ansible" / "rtmp"), "TIDE_ROOT": str(d / "fleet"), "HOME": str(d)}


def _inventory(rng: random.Random, py: str) -> str:
    gauges = [f"gauge-{i:02d}" for i in range(1, 41)]
    buoys = [f"buoy-{i:02d}" for i in range(1, 21)]
    old_fw = {"gauge-07", "gauge-23", "buoy-14"}
    fast = {"gauge-31"}
    lines = [f"[all:vars]\nansible_connection=local\nansible_python_interpreter={py}\n"]
    for grp, hosts in (("gauges", gauges), ("buoys", buoys)):
        lines.append(f"[{grp}]")
        for h in hosts:
            fw = rng.choice(["2.1.3", "2.2.0"]) if h in old_fw else rng.choice(["2.4.1", "2.4.1", "2.4.1", "2.5.0"])
            hz = 20 if h in fast else rng.choice([1, 2, 2, 4])
            site = rng.choice(["north", "north", "south", "estuary"])
            datum = "" if h == "buoy-09" else f" datum={rng.choice(['LAT', 'LAT', 'LAT', 'MLLW'])}"
            lines.append(f"{h} firmware={fw} sample_hz={hz} site={site}{datum} mast_m={rng.randint(3, 18)}")
        lines.append("")
    lines.append("[north:children]\ngauges\n\n[estuary]\ngauge-05\ngauge-06\nbuoy-03\n\n[telemetry:children]\nbuoys\nestuary\n")
    return "\n".join(lines)


SITE = """- name: Configure tideline stations
  hosts: all
  gather_facts: false
  vars:
    root: "{{ lookup('env', 'TIDE_ROOT') }}/{{ inventory_hostname }}"
    calib_dir: "{{ lookup('env', 'TIDE_ROOT') }}/calibration"
  tasks:
    - name: Create station directories
      ansible.builtin.file:
        path: "{{ root }}/{{ item }}"
        state: directory
        mode: "0755"
      loop: [etc, data, log]

    - name: Write station config
      ansible.builtin.template:
        src: station.conf.j2
        dest: "{{ root }}/etc/station.conf"
        mode: "0644"
      notify: restart logger

    - name: Check firmware is supported
      ansible.builtin.assert:
        that: firmware is version('2.4', '>=')
        fail_msg: "firmware {{ firmware }} on {{ inventory_hostname }} is below 2.4"
        quiet: true

    - name: Read calibration offset
      ansible.builtin.command: cat "{{ calib_dir }}/{{ inventory_hostname }}.cal"
      register: cal
      changed_when: false

    - name: Sampling rate within logger limits
      ansible.builtin.shell: test {{ sample_hz }} -le 10
      changed_when: false

    - name: Record calibration
      ansible.builtin.copy:
        content: "offset={{ cal.stdout }}\\n"
        dest: "{{ root }}/data/offset"
        mode: "0644"

  handlers:
    - name: restart logger
      ansible.builtin.command: touch "{{ root }}/log/restarted"
"""

STATION_J2 = """# tideline station {{ inventory_hostname }}
site = {{ site }}
datum = {{ datum }}
sample_hz = {{ sample_hz }}
mast_height_m = {{ mast_m }}
"""

LOOP = """- name: Logger maintenance
  hosts: "{{ target | default('estuary') }}"
  gather_facts: false
  vars:
    root: "{{ lookup('env', 'TIDE_ROOT') }}/{{ inventory_hostname }}"
    channels: [pressure, temperature, conductivity, battery, radar_level, wind]
  tasks:
    - name: Make channel spool dirs
      ansible.builtin.file:
        path: "{{ root }}/spool/{{ item }}"
        state: directory
      loop: "{{ channels }}"

    - name: Probe channel drivers
      ansible.builtin.command: test -e "{{ root }}/drivers/{{ item }}.so"
      loop: "{{ channels }}"
      register: probe
      changed_when: false
      ignore_errors: true

    - name: Rotate channel logs
      ansible.builtin.shell: |
        set -e
        f="{{ root }}/spool/{{ item.name }}/current.log"
        [ {{ item.keep }} -gt 0 ] || { echo "keep must be positive for {{ item.name }}" >&2; exit 3; }
        touch "$f"
      loop:
        - {name: pressure, keep: 7}
        - {name: temperature, keep: 7}
        - {name: conductivity, keep: 0}
        - {name: battery, keep: 14}
        - {name: radar_level, keep: -1}
        - {name: wind, keep: 3}
      notify: [reload spooler, page harbour ops]

    - name: Upload spool index
      ansible.builtin.uri:
        url: "http://127.0.0.1:9/spool/{{ inventory_hostname }}"
        method: POST
        timeout: 2
      ignore_errors: true

    - name: Flush spooler queue
      ansible.builtin.command: "{{ root }}/bin/spoolctl flush"
      when: inventory_hostname != 'gauge-06'

  handlers:
    - name: reload spooler
      ansible.builtin.command: touch "{{ root }}/spool/.reload"
    - name: page harbour ops
      ansible.builtin.debug:
        msg: "spool rotated on {{ inventory_hostname }}"
"""

CONF_FILES = ["logger", "modem", "radar", "barometer", "thermistor", "ctd", "anemometer", "battery", "solar",
              "gps", "ntp", "syslog", "watchdog", "spool", "uplink", "alarm", "lamp", "hydrophone"]

HARBOUR = """- name: Render station configuration
  hosts: "{{ target | default('buoys') }}"
  gather_facts: false
  vars:
    root: "{{ lookup('env', 'TIDE_ROOT') }}/{{ inventory_hostname }}/etc"
    files: %s
  tasks:
    - name: Render configs
      ansible.builtin.template:
        src: "templates/{{ item }}.conf.j2"
        dest: "{{ root }}/{{ item }}.conf"
      loop: "{{ files }}"

    - name: Lamp schedule must exist
      ansible.builtin.stat:
        path: "{{ root }}/lamp.schedule"
      register: lamp
      failed_when: not lamp.stat.exists

    - name: Disable legacy modem line
      ansible.builtin.lineinfile:
        path: "{{ root }}/modem.conf"
        regexp: '^legacy_baud'
        state: absent

    - name: Spool permissions
      ansible.builtin.file:
        path: "{{ root }}/spool.conf"
        mode: "0600"
""" % json.dumps(CONF_FILES)


def _templates(d: Path, rng: random.Random) -> None:
    """Templates for the harbour play, and existing configs that differ from them on most keys."""
    for f in CONF_FILES:
        keys = [f"{f}_{k}" for k in ("interval", "threshold", "retries", "port", "level", "window", "mode", "offset")]
        body = [f"# {f} for {{{{ inventory_hostname }}}}"] + [f"{k} = {{{{ {rng.randint(1, 90)} + mast_m | int }}}}" for k in keys]
        (d / "templates" / f"{f}.conf.j2").write_text("\n".join(body) + "\n")
    for h in [f"buoy-{i:02d}" for i in range(1, 21)] + ["gauge-05", "gauge-06"]:
        etc = d / "fleet" / h / "etc"
        etc.mkdir(parents=True, exist_ok=True)
        for f in CONF_FILES:
            if rng.random() < 0.15:
                continue
            lines = [f"# {f} for {h}"] + [f"{f}_{k} = {rng.randint(1, 99)}" for k in ("interval", "threshold", "retries", "port", "level", "window", "mode", "offset")]
            if f == "modem":
                lines.append("legacy_baud = 9600")
            (etc / f"{f}.conf").write_text("\n".join(lines) + "\n")
        if rng.random() < 0.7:
            (etc / "lamp.schedule").write_text("dusk-dawn\n")


def _fleet(tmp: Path) -> Path:
    d = tmp / "tideline"
    rng = random.Random(135)
    py = str(VENV / "bin" / "python")
    write_tree(d, {"inventory.ini": _inventory(rng, py), "site.yml": SITE, "station.conf.j2": STATION_J2,
                   "loop.yml": LOOP, "harbour.yml": HARBOUR, "templates/.keep": ""})
    cal = d / "fleet" / "calibration"
    cal.mkdir(parents=True)
    for h in [f"gauge-{i:02d}" for i in range(1, 41)] + [f"buoy-{i:02d}" for i in range(1, 21)]:
        if h not in ("gauge-12", "buoy-17"):
            (cal / f"{h}.cal").write_text(f"{rng.uniform(-0.2, 0.2):+.3f}")
    _templates(d, rng)
    for h in ("gauge-05", "buoy-03"):  # one estuary host has its drivers and spoolctl
        (d / "fleet" / h / "drivers").mkdir(parents=True, exist_ok=True)
        for ch in ("pressure", "temperature", "battery"):
            (d / "fleet" / h / "drivers" / f"{ch}.so").write_text("")
    b = d / "fleet" / "gauge-05" / "bin"
    b.mkdir(parents=True)
    (b / "spoolctl").write_text("#!/bin/sh\necho flushed 12 records\n")
    (b / "spoolctl").chmod(0o755)
    return d


def cap_play(tmp: Path) -> None:
    d = _fleet(tmp)
    e = _env(d)
    pb = "ansible-playbook -i inventory.ini"
    cap("ansible-play-recap-many-site-60", f"{pb} site.yml", d, n_play_recap_many, env=e, timeout=900)
    cap("ansible-play-recap-many-gauges-grep-v-ok", f"{pb} site.yml --limit gauges 2>&1 | grep -v '^ok:'", d,
        n_play_recap_many, env=e, timeout=900)
    cap("ansible-play-recap-many-buoys-tail-80-echo", f"{pb} site.yml --limit buoys 2>&1 | tail -n 80; echo EXIT=$?",
        d, n_play_recap_many, env=e, timeout=900)
    cap("ansible-play-loop-estuary", f"{pb} loop.yml", d, n_play_loop, env=e)
    cap("ansible-play-loop-telemetry-echo", f"{pb} loop.yml -e target=telemetry; echo EXIT=$?", d, n_play_loop,
        env=e, timeout=600)
    cap("ansible-play-loop-gauge05-grep-v-ok", f"{pb} loop.yml -e target=gauge-05,gauge-06 2>&1 | grep -v '^ok: '",
        d, n_play_loop, env=e)
    cap("ansible-play-verbose-loop-v", f"{pb} loop.yml -e target=gauge-06 -v", d, n_play_verbose, env=e)
    cap("ansible-play-verbose-site-vvv-tail-150", f"{pb} site.yml --limit buoy-09,buoy-14 -vvv 2>&1 | tail -n 150",
        d, n_play_verbose, env=e)
    cap("ansible-play-verbose-loop-vv-echo", f"{pb} loop.yml -e target=buoy-03 -vv; echo EXIT=$?", d,
        n_play_verbose, env=e)


def cap_diff(tmp: Path) -> None:
    d = tmp / "tideline"
    if not d.exists():
        d = _fleet(tmp)
    e = _env(d)
    pb = "ansible-playbook -i inventory.ini"
    cap("ansible-check-diff-buoys-0x", f"{pb} harbour.yml --check --diff --limit 'buoy-0*'", d, n_check_diff, env=e,
        timeout=900)
    cap("ansible-check-diff-estuary-echo", f"{pb} harbour.yml --check --diff -e target=gauge-05,gauge-06,buoy-03; "
        "echo EXIT=$?", d, n_check_diff, env=e)
    cap("ansible-check-diff-buoy01-grep", f"{pb} harbour.yml --check --diff -l buoy-01,buoy-02 2>&1 | "
        "grep -E '^(---|\\+\\+\\+|@@|TASK|fatal|failed|changed|PLAY|buoy)'", d, n_check_diff, env=e)


BROKEN = {
    "broken-indent.yml": """- name: Tide gauge rollout
  hosts: gauges
  tasks:
    - name: Install logger
      ansible.builtin.copy:
        src: logger.bin
        dest: /opt/logger.bin
     mode: "0755"
    - name: Start logger
      ansible.builtin.command: /opt/logger.bin --daemon
""",
    "broken-module.yml": """- name: Buoy radios
  hosts: buoys
  gather_facts: false
  tasks:
    - name: Tune the radio
      tideline.radio.tune:
        channel: 16
    - name: Report
      ansible.builtin.debug: msg=done
""",
    "broken-two-actions.yml": """- name: Lamp schedules
  hosts: all
  gather_facts: false
  tasks:
    - name: Write schedule
      ansible.builtin.copy:
        content: dusk-dawn
        dest: /tmp/lamp.schedule
      ansible.builtin.file:
        path: /tmp/lamp.schedule
        mode: "0644"
    - name: Unknown keyword
      ansible.builtin.debug: msg=hi
      retries_on: 3
""",
}


def cap_meta(tmp: Path) -> None:
    d = tmp / "tideline"
    if not d.exists():
        d = _fleet(tmp)
    e = _env(d)
    write_tree(d, BROKEN)
    cap("ansible-syntax-check-broken-loop-echo", 'for f in broken-*.yml; do echo "== $f"; ansible-playbook -i '
        'inventory.ini --syntax-check "$f"; echo EXIT=$?; done', d, n_syntax_check, env=e)
    cap("ansible-syntax-check-indent-vvv", "ansible-playbook -i inventory.ini --syntax-check broken-indent.yml -vvv",
        d, n_syntax_check, env=e)
    cap("ansible-inventory-list-fleet", "ansible-inventory -i inventory.ini --list", d, n_inventory_list, env=e)
    cap("ansible-inventory-list-telemetry", "ansible-inventory -i inventory.ini --list --limit telemetry", d,
        n_inventory_list, env=e)
    cfg = d / "cfg"
    write_tree(cfg, {"ansible.cfg": """[defaults]
inventory = ../inventory.ini
forks = 12
timeout = 45
gathering = explicit
host_key_checking = False
retry_files_enabled = False
stdout_callback = default
callback_result_format = yaml
display_skipped_hosts = False
interpreter_python = auto_silent
roles_path = ./roles:./vendor/roles
fact_caching = jsonfile
fact_caching_connection = ./.facts
fact_caching_timeout = 7200
any_errors_fatal = True
max_fail_percentage = 20
nocows = True

[privilege_escalation]
become = True
become_method = sudo
become_ask_pass = False

[ssh_connection]
pipelining = True
ssh_args = -o ControlMaster=auto -o ControlPersist=300s
scp_if_ssh = smart

[persistent_connection]
command_timeout = 60
"""})
    ce = {k: v for k, v in e.items() if not k.startswith("ANSIBLE_") or k in ("ANSIBLE_HOME", "ANSIBLE_LOCAL_TEMP")}
    ce.update({k: None for k in ENV})
    cap("ansible-config-dump-only-changed", "ansible-config dump --only-changed", cfg, n_config_dump, env=ce)
    cap("ansible-config-dump-only-changed-all", "ansible-config dump --only-changed -t all", cfg, n_config_dump, env=ce)
    cap("ansible-doc-list-head-60", "ansible-doc -l | head -n 60", d, n_doc_list, env=e)
    cap("ansible-doc-list-filter-grep", "ansible-doc -t filter -l | grep -iE 'hash|pass|b64|json|yaml|path'", d,
        n_doc_grep, env=e)
    cap("ansible-doc-list-lookup", "ansible-doc -t lookup -l", d, n_doc_list, env=e)


STEPS = [cap_play, cap_diff, cap_meta]
