"""Round 135, provisioning and host configuration: cloud-init's `schema --config-file` on broken user-data of
`tideline`'s gauges and `devel render` of jinja user-data against instance data written here; CFEngine's
`cf-promises` on policy with syntax and attribute faults and `cf-agent -K -I -f` runs of promises over a directory of
the round's own; Augeas' `augtool -r` over a root of its own (print, parse and save errors); debconf's selections on
this machine. Run through capture_wide135.py."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

from capture_more import groups, mask, write_tree
from capture_wide135 import add, cap
import capture_more as cm

EXIT = re.compile(r"^EXIT=\d+$")


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


@cm.kind("cloud-init-schema", "lint")
def n_cloud_init_schema(lines):
    """Rules 1+3+5 on cloud-init schema --config-file: every line naming an error or a deprecation (each names a key path), the Error:/Invalid/Valid verdict line, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"(?i)error|deprecat|invalid|^valid", ln)
           and not ln.lstrip().startswith(("File \"", "~", "^"))]
    return out + _exit(lines)


@cm.kind("cloud-init-render", "log")
def n_cloud_init_render(lines):
    """Rules 1+5 on cloud-init devel render: every ERROR/WARNING line, and the first and last lines of the output, an EXIT=N line."""
    body = [ln for ln in lines if ln.strip() and not EXIT.match(ln)]
    out = [ln for ln in lines if re.search(r"\b(ERROR|WARNING|Error|Traceback)\b", ln)]
    return out + ([body[0], body[-1]] if body else []) + _exit(lines)


@cm.kind("cf-promises", "lint")
def n_cf_promises(lines):
    """Rules 1+3 on cf-promises: every error: line with its location (file:line:col on the line), warning: lines one {"any"} per (message shape, file), the closing verdict line, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"\berror: ", ln)]
    out += groups(((mask(ln.split("warning:", 1)[1]), ln.split(":", 1)[0]), ln) for ln in lines if "warning: " in ln)
    return out + _exit(lines)


@cm.kind("cf-agent-run", "log")
def n_cf_agent(lines):
    """Rules 1+5 on cf-agent -K -I -f: every error: line, every R: report line, info: lines one {"any"} per message shape, warning: lines one {"any"} per message shape, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"^\s*error: ", ln) or ln.startswith("R: ")]
    out += groups((mask(ln), ln) for ln in lines if re.match(r"^\s*info: ", ln))
    out += groups((mask(ln), ln) for ln in lines if re.match(r"^\s*warning: ", ln))
    return out + _exit(lines)


def _label(ln: str) -> str:
    """The final path label with its index removed; a numbered entry (Augeas' seq label, `/files/etc/hosts/7`) is an
    index too, so its label is its parent's with `[n]`."""
    parts = ln.split(" = ", 1)[0].strip().rsplit("/", 2)
    last = re.sub(r"\[\d+\]$", "", parts[-1])
    return f"{parts[-2]}[n]" if last.isdigit() and len(parts) > 1 else last


@cm.kind("augtool-print", "listing")
def n_augtool_print(lines):
    """Rules 1+4+5 on augtool print: the first and last lines, every line whose path names an error node, and every line whose final path label occurs in at most 2 lines while the most common label covers a tenth of them (listings of 20+ lines)."""
    rows = [ln for ln in lines if ln.startswith("/")]
    if not rows:
        return []
    out = [rows[0], rows[-1]] + [ln for ln in rows if "/error" in ln.split(" = ", 1)[0]]
    if len(rows) >= 20:
        c = Counter(_label(ln) for ln in rows)
        if c.most_common(1)[0][1] * 10 >= len(rows):
            out += [ln for ln in rows if c[_label(ln)] <= 2]
    return out + _exit(lines)


@cm.kind("augtool-errors", "log")
def n_augtool_errors(lines):
    """Rules 1+5 on augtool errors: every error line (a path ending /error) and the message, line, char and lens lines of each error, every error: / Failed / saving failed line augtool prints for a command, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"/error( =|$)|/error/(message|line|char|lens) =", ln)
           or re.match(r"^(error: |saving failed|Failed)", ln)]
    return out + _exit(lines)


@cm.kind("debconf-selections", "table")
def n_debconf(lines):
    """Rules 4+5 on debconf-show / debconf-get-selections: the first and last rows, every row of a type (third column) seen in at most 2 rows, and with debconf-show every row marked * (seen)."""
    rows = [ln for ln in lines if ln.strip() and not ln.startswith("#") and not EXIT.match(ln)]
    out = [rows[0], rows[-1]] if rows else []
    tab = [ln for ln in rows if ln.count("\t") >= 2]
    if tab:
        c = Counter(ln.split("\t")[2] for ln in tab)
        out += [ln for ln in tab if c[ln.split("\t")[2]] <= 2]
    out += [ln for ln in rows if ln.startswith("* ")]
    return out + _exit(lines)


# ------------------------------------------------------------------ cloud-init

UD_GAUGE = """#cloud-config
hostname: gauge-07
fqdn: gauge-07.tideline.example
manage_etc_hosts: true
users:
  - default
  - name: ines
    sudo: ["ALL=(ALL) NOPASSWD:ALL"]
    groups: [adm, dialout]
    shell: /bin/bash
    ssh_authorized_keys: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHtideline ines@harbour
  - name: telemetry
    system: true
    lock_passwd: "yes"
packages: [chrony, minicom, python3-serial]
package_upgrade: "true"
apt_update: true
apt_upgrade: false
ntp:
  enabled: maybe
  servers: [10.20.0.1]
write_files:
  - path: /etc/tideline/station.conf
    permissions: 0644
    owner: telemetry:telemetry
    content: |
      site = north
      datum = LAT
  - path: /etc/tideline/modem.conf
    encoding: b64
    content: bW9kZW09MTY=
    append: "no"
    defer: sometimes
bootcmd:
  cmd: echo early
chpasswd:
  list: |
    ines:RANDOM
  expire: false
swap:
  filename: /swap.img
  size: auto
  maxsize: 2G
power_state:
  mode: reboot
  delay: now
  timeout: -5
final_message: "gauge-07 up after $UPTIME s"
"""

UD_BUOY = """#cloud-config
hostname: buoy-14
timezone: Etc/UTC
ssh_pwauth: "no"
disable_root: true
growpart:
  mode: always
  devices: [/]
resize_rootfs: "true"
mounts:
  - [ /dev/vdb, /data, xfs, "noatime,nofail", "0", "2" ]
  - /dev/vdc
apt:
  preserve_sources_list: true
  sources:
    tideline:
      source: "deb http://apt.tideline.example/ bookworm main"
      keyid: 0xDEADBEEF
phone_home:
  url: http://127.0.0.1:8135/phone/$INSTANCE_ID
  post: [pub_key_ed25519, instance_id, hostname, uptime]
runcmd:
  - [systemctl, enable, --now, chrony]
  - systemctl restart tide-logger
rsyslog:
  remotes:
    harbour: "@10.20.0.1:514"
  configs: /etc/rsyslog.d/20-tide.conf
locale: C.UTF-8
keyboard: {layout: us, model: pc105}
"""

RENDER_TPL = """## template: jinja
#cloud-config
hostname: {{ v1.local_hostname }}
fqdn: {{ v1.local_hostname }}.{{ ds.meta_data.domain | default('tideline.example') }}
write_files:
{%- for ch in ds.meta_data.channels %}
  - path: /etc/tideline/channels/{{ ch.name }}.conf
    permissions: "0644"
    content: |
      channel = {{ ch.name }}
      unit = {{ ch.unit }}
      interval_s = {{ ch.interval }}
      alarm_high = {{ ch.high }}
      alarm_low = {{ ch.low }}
{%- endfor %}
runcmd:
  - echo "region {{ v1.region }} zone {{ v1.availability_zone }}"
{%- if ds.meta_data.uplink is defined %}
  - [tide-uplink, --host, "{{ ds.meta_data.uplink.host }}", --port, "{{ ds.meta_data.uplink.port }}"]
{%- endif %}
"""

RENDER_BAD = """## template: jinja
#cloud-config
hostname: {{ v1.local_hostname }}
runcmd:
  - echo "logger {{ ds.meta_data.logger.serial }} on {{ v1.local_hostname }}"
  - echo "{{ v1.region }}"
"""


def _instance(rng: random.Random, with_logger: bool) -> str:
    import json
    chans = [{"name": n, "unit": u, "interval": rng.choice([1, 5, 10, 60]), "high": rng.randint(50, 900),
              "low": rng.randint(-50, 10)} for n, u in (("pressure", "hPa"), ("water_level", "mm"), ("temperature", "C"),
                                                      ("conductivity", "mS/cm"), ("battery", "V"), ("wind", "m/s"),
                                                      ("radar_level", "mm"), ("turbidity", "NTU"))]
    md = {"instance-id": "i-tide-0135", "channels": chans, "uplink": {"host": "127.0.0.1", "port": 8135}}
    if with_logger:
        md["logger"] = {"model": "TL-4"}
    return json.dumps({"v1": {"local_hostname": "gauge-23", "region": "north-sound", "availability_zone": "pier-3",
                              "cloud_name": "nocloud", "platform": "nocloud"}, "ds": {"meta_data": md}}, indent=1)


def cap_cloud_init(tmp: Path) -> None:
    d = tmp / "cloudinit"
    rng = random.Random(1351)
    write_tree(d, {"gauge-07.yaml": UD_GAUGE, "buoy-14.yaml": UD_BUOY, "channels.yaml": RENDER_TPL,
                   "logger.yaml": RENDER_BAD, "instance.json": _instance(rng, False)})
    ok = UD_BUOY.replace('ssh_pwauth: "no"', "ssh_pwauth: false").replace('resize_rootfs: "true"', "resize_rootfs: true")
    write_tree(d, {"buoy-14-fixed.yaml": ok})
    cap("cloud-init-schema-gauge07-echo", "cloud-init schema --config-file gauge-07.yaml; echo EXIT=$?", d,
        n_cloud_init_schema)
    cap("cloud-init-schema-buoy14-annotate", "cloud-init schema --config-file buoy-14.yaml --annotate", d,
        n_cloud_init_schema)
    cap("cloud-init-schema-gauge07-annotate-tail-60", "cloud-init schema --config-file gauge-07.yaml --annotate "
        "2>&1 | tail -n 60", d, n_cloud_init_schema)
    cap("cloud-init-schema-all-loop", 'for f in *.yaml; do echo "== $f"; cloud-init schema --config-file "$f"; '
        "echo EXIT=$?; done", d, n_cloud_init_schema)
    cap("cloud-init-render-channels", "cloud-init devel render channels.yaml -i instance.json", d, n_cloud_init_render)
    cap("cloud-init-render-logger-debug-echo", "cloud-init devel render --debug logger.yaml -i instance.json; "
        "echo EXIT=$?", d, n_cloud_init_render)


# ------------------------------------------------------------------ CFEngine

CF_BAD = """body common control
{
      bundlesequence => { "tide_main", "tide_spool" };
      inputs => { "lib/tide_lib.cf" };
}

bundle agent tide_main
{
  vars:
      "root" string => "$(sys.workdir)/tideline";
      "stations" slist => { "gauge-05", "gauge-06", "buoy-03" }
      "channels" slist => { "pressure", "temperature" };

  files:
      "$(root)/$(stations)/etc/."
        create => "true",
        perms => mog("0755", "root", "root");

      "$(root)/$(stations)/etc/logger.conf"
        create => "maybe",
        edit_line => logger_conf("$(stations)"),
        frobnicate => "yes";

  commands:
      "/usr/bin/systemctl restart tide-logger"
        ifvarclass => "linux",
        contain => in_shell;
}

bundle agent tide_spool
{
  classes:
      "has_spool" expression => fileexists("$(tide_main.root)/spool");
  reports:
    has_spool::
      "spool present" ;
    !has_spool::
      "spool missing for $(tide_main.stations)"
}
"""

CF_LIB = """bundle edit_line logger_conf(st)
{
  insert_lines:
      "station = $(st)";
      "interval = 10" ;
}
body perms mog(mode, user, group)
{
      mode => "$(mode)";
      owners => { "$(user)" };
      groups => { "$(group)" };
}
body contain in_shell
{
      useshell => "useshell";
}
"""


def _cf_run_policy(root: Path, rng: random.Random) -> str:
    stations = [f"gauge-{i:02d}" for i in range(1, 13)] + [f"buoy-{i:02d}" for i in range(1, 7)]
    missing = {"gauge-04", "buoy-05"}
    for s in stations:
        (root / s / "etc").mkdir(parents=True, exist_ok=True)
        if s not in missing:
            (root / "src" / s).mkdir(parents=True, exist_ok=True)
            (root / "src" / s / "calibration.cal").write_text(f"offset={rng.uniform(-0.2, 0.2):+.3f}\n")
        if rng.random() < 0.4:
            (root / s / "etc" / "logger.conf").write_text("station = old\ninterval = 60\nlegacy_baud = 9600\n")
    sl = ", ".join(f'"{s}"' for s in stations)
    return f"""body common control
{{
      bundlesequence => {{ "tide_run" }};
}}

bundle agent tide_run
{{
  vars:
      "root" string => "{root}";
      "stations" slist => {{ {sl} }};

  files:
      "$(root)/$(stations)/etc/logger.conf"
        create => "true",
        edit_line => logger_conf("$(stations)"),
        edit_defaults => empty_first;

      "$(root)/$(stations)/etc/calibration.cal"
        copy_from => local_copy("$(root)/src/$(stations)/calibration.cal"),
        perms => m("0640");

      "$(root)/$(stations)/spool/."
        create => "true";

  commands:
      "/bin/sh -c 'test -s $(root)/$(stations)/etc/calibration.cal'"
        handle => "check_cal_$(stations)";
      "/bin/sh -c 'exit 3'"
        handle => "uplink_probe";

  reports:
      "station $(stations) configured under $(root)";
}}

bundle edit_line logger_conf(st)
{{
  insert_lines:
      "station = $(st)";
      "interval = 10";
      "datum = LAT";
}}
body edit_defaults empty_first
{{
      empty_file_before_editing => "true";
}}
body copy_from local_copy(from)
{{
      source => "$(from)";
      compare => "digest";
}}
body perms m(mode)
{{
      mode => "$(mode)";
      rxdirs => "false";
}}
"""


def cap_cfengine(tmp: Path) -> None:
    d = tmp / "cfengine"
    write_tree(d, {"tide.cf": CF_BAD, "lib/tide_lib.cf": CF_LIB})
    cap("cf-promises-tide-echo", "cf-promises -f ./tide.cf; echo EXIT=$?", d, n_cf_promises)
    fixed = CF_BAD.replace('"buoy-03" }\n', '"buoy-03" };\n')
    write_tree(d, {"tide2.cf": fixed})
    cap("cf-promises-tide2-full-check", "cf-promises --full-check -f ./tide2.cf", d, n_cf_promises)
    cap("cf-promises-tide2-verbose-grep", "cf-promises -v -f ./tide2.cf 2>&1 | grep -E 'error|warning|verbose: (Parsing|Loading|Checking)'",
        d, n_cf_promises)
    rng = random.Random(1352)
    root = d / "fleet"
    write_tree(d, {"run.cf": _cf_run_policy(root, rng)})
    cap("cf-agent-run-fleet", "cf-agent -K -I -f ./run.cf", d, n_cf_agent)
    cap("cf-agent-run-fleet-again-echo", "cf-agent -K -I -f ./run.cf; echo EXIT=$?", d, n_cf_agent)
    cap("cf-agent-run-fleet-grep-v-warning", "cf-agent -K -I -f ./run.cf 2>&1 | grep -v 'warning: Using the default'",
        d, n_cf_agent)


# ------------------------------------------------------------------ Augeas

def _aug_root(root: Path, rng: random.Random) -> None:
    hosts = ["127.0.0.1 localhost", "::1 localhost ip6-localhost"]
    for i in range(1, 41):
        hosts.append(f"10.20.{i // 20}.{i % 20 + 10} gauge-{i:02d}.tideline.example gauge-{i:02d}")
    for i in range(1, 21):
        hosts.append(f"10.21.0.{i + 10} buoy-{i:02d}.tideline.example buoy-{i:02d} b{i}")
    hosts.insert(30, "# spare modems")
    sysctl = [f"net.ipv4.conf.eth{i}.rp_filter = {rng.choice([1, 1, 2])}" for i in range(6)]
    sysctl += ["vm.swappiness=10", "kernel.panic = 30", "net.core.rmem_max = 8388608", "fs.file-max = 2097152"]
    sshd = ["Port 22", "PermitRootLogin no", "PasswordAuthentication no", "AllowUsers ines telemetry ops",
            "Ciphers aes256-gcm@openssh.com,chacha20-poly1305@openssh.com", "ClientAliveInterval 120",
            "Subsystem sftp /usr/lib/openssh/sftp-server", "Match User telemetry", "  ForceCommand /usr/bin/tide-upload",
            "  X11Forwarding no", "Match Address 10.21.0.0/24", "  PasswordAuthentication yes"]
    fstab = ["UUID=7b1c-root / ext4 defaults,errors=remount-ro 0 1", "/dev/vdb /data xfs noatime,nofail 0 2",
             "tmpfs /var/spool/tide tmpfs size=64m,mode=0750 0 0", "/dev/vdc none swap sw 0 0"]
    write_tree(root, {"etc/hosts": "\n".join(hosts) + "\n", "etc/sysctl.conf": "\n".join(sysctl) + "\n",
                      "etc/ssh/sshd_config": "\n".join(sshd) + "\n", "etc/fstab": "\n".join(fstab) + "\n",
                      "etc/sysctl.d/60-tide.conf": "net.ipv4.ip_forward = 1\n= orphan value\n",
                      "etc/logrotate.d/tide": "/var/log/tide/*.log {\n  daily\n  rotate 14\n  compress\n  missingok\n  notifempty\n  postrotate\n    systemctl reload tide-logger\n  endscript\n}\n/var/log/tide/uplink.log {\n  weekly\n  rotate four\n}\n",
                      "etc/crontab": "SHELL=/bin/sh\nPATH=/usr/sbin:/usr/bin:/sbin:/bin\n17 * * * * root cd / && run-parts --report /etc/cron.hourly\n*/5 * * * * telemetry /usr/bin/tide-upload --spool /var/spool/tide\n61 2 * * * root /usr/bin/tide-rotate\n"})


def cap_augeas(tmp: Path) -> None:
    d = tmp / "augeas"
    _aug_root(d / "root", random.Random(1353))
    cap("augtool-print-hosts", "augtool -r root print /files/etc/hosts", d, n_augtool_print)
    cap("augtool-print-etc-head-200", "augtool -r root print /files/etc | head -n 200", d, n_augtool_print)
    cap("augtool-print-loop", "for p in /files/etc/ssh/sshd_config /files/etc/sysctl.conf /files/etc/crontab "
        "/files/etc/fstab; do augtool -r root print $p; done", d, n_augtool_print)
    cap("augtool-errors-print", "augtool -r root print /augeas//error", d, n_augtool_errors)
    write_tree(d, {"edit.aug": "set /files/etc/hosts/01/ipaddr 10.9.9.9\nsave\nerrors\n"
                               "set /files/etc/hosts/*/canonical gauge-xx\nrm /files/etc/nosuch\n"
                               "set /files/etc/ssh/sshd_config/Port 2222\nset /files/etc/fstab/9/spec /dev/vdz\nsave\n"
                               "print /augeas/files/etc/fstab/error\n"})
    cap("augtool-errors-edit-echo", "augtool -r root -f edit.aug; echo EXIT=$?", d, n_augtool_errors)


def cap_debconf(tmp: Path) -> None:
    d = tmp
    cap("debconf-selections-all", "debconf-get-selections", d, n_debconf)
    cap("debconf-selections-grep-mail", "debconf-get-selections | grep -E '^(postfix|exim4-config|slapd)'", d, n_debconf)
    cap("debconf-show-slapd-postfix-tzdata", "debconf-show slapd postfix tzdata", d, n_debconf)


STEPS = [cap_cloud_init, cap_cfengine, cap_augeas, cap_debconf]
