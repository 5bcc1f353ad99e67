"""Round 172, monitoring configurations: the harbourmon lab's Icinga 2 tree (`icinga2 daemon -C`, `icinga2 object
list`), its Nagios 4 object files (`nagios4 -v`, `nagios4 -s`), syslog-ng configurations (`--syntax-only`) and a Zabbix
agent configuration with user parameters (`zabbix_agentd -p`, `-t`), each written here by a seeded generator with faults
put in. Extractors are the rules of NEEDLES.md's "Round 172" section. Run through capture_wide172.py."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import any_of, groups, mask, run, write_tree
from capture_wide172 import add, exit_lines

ROLES = ["web", "db", "cache", "queue", "lb"]
TS = r"^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}\] "


# ------------------------------------------------------------------ extractors


@cm.kind("icinga2-daemon-check", "build")
def n_icinga2_check(lines):
    """Rules 1+3+5 on `icinga2 daemon -C`: every critical line with its Location line and the source line the carets mark, warnings one any per (facility, shape), the closing line, every Instantiated count."""
    out, warn = [], []
    for i, ln in enumerate(lines):
        body = re.sub(TS, "", ln)
        if body.startswith("critical/"):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 7)):
                if lines[k].startswith("Location: in "):
                    out.append(lines[k])
                    for j in range(k + 1, min(len(lines), k + 12)):
                        if re.match(r"^\s+\^+\s*$", lines[j]):
                            out.append(lines[j - 1])
                            break
                    break
                if re.search(TS, lines[k]):
                    break
        elif body.startswith("warning/"):
            fac = body.split(":", 1)[0]
            warn.append(((fac, mask(body)), ln))
        elif "information/cli: Finished validating" in body:
            out.append(ln)
        elif re.match(r"information/ConfigItem: Instantiated \d+ ", body):
            out.append(ln)
    return out + groups(warn) + exit_lines(lines)


@cm.kind("icinga2-object-list", "listing")
def n_icinga2_objects(lines):
    """Rules 4+5 on `icinga2 object list`: every Object header when at most 40 objects (else the first, last and rare-typed ones), one any per distinct check_command value."""
    heads = [(ln, m.group(1)) for ln in lines if (m := re.match(r"^Object '.*' of type '(\w+)':$", ln))]
    out = []
    if len(heads) <= 40:
        out += [h for h, _ in heads]
    else:
        out += [heads[0][0], heads[-1][0]]
        cnt = Counter(t for _, t in heads)
        top = cnt.most_common(1)[0][1]
        if top * 2 >= len(heads):
            out += [h for h, t in heads if cnt[t] <= 2]
    cc = [(m.group(1), ln) for ln in lines if (m := re.match(r'^\s+\* check_command = (".*")$', ln))]
    return out + groups(cc) + exit_lines(lines)


def _nagios_diag(lines):
    out, warn = [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("Error"):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 7)):
                t = lines[k].strip()
                if t.startswith("Error") or "in file" in t or "on line" in t:
                    out.append(lines[k])
                    break
        elif s.startswith("Warning:"):
            warn.append((mask(s), ln))
        elif s.startswith("***>"):
            out.append(ln)
    return out, groups(warn)


@cm.kind("nagios-verify", "build")
def n_nagios_verify(lines):
    """Rules 1+3+5 on `nagios4 -v`: every Error line and the object/file line after it, Warnings one any per shape, the ***> lines, the totals and verdict, the Checked N hosts/services lines."""
    out, warn = _nagios_diag(lines)
    for ln in lines:
        s = ln.strip()
        if s.startswith(("Total Warnings:", "Total Errors:", "Things look okay")) or \
                re.match(r"^Checked \d+ (hosts|services)\b", s):
            out.append(ln)
    return out + warn + exit_lines(lines)


@cm.kind("nagios-scheduling", "table")
def n_nagios_scheduling(lines):
    """Rules 1+5 on `nagios4 -s`: every Total line, every delay/spread/factor line, the first and last scheduled check lines, Errors and Warnings as nagios -v."""
    out, warn = _nagios_diag(lines)
    for ln in lines:
        s = ln.strip()
        label = s.split(":", 1)[0] + ":" if ":" in s else ""
        if s.startswith("Total ") or label.endswith(("delay:", "spread:", "factor:")) or \
                s.startswith(("First scheduled check:", "Last scheduled check:")):
            out.append(ln)
    return out + warn + exit_lines(lines)


@cm.kind("syslog-ng-syntax", "build")
def n_syslog_ng(lines):
    """Rule 1 on `syslog-ng --syntax-only`: every Error line, the first N-----> source line each error marks, warnings one any per shape."""
    out, warn = [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("Error") or s.startswith("error"):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 14)):
                if re.match(r"^\d+-+> ", lines[k]):
                    out.append(lines[k])
                    break
                if lines[k].startswith("Error"):
                    break
        elif s.startswith(("WARNING:", "Warning")):
            warn.append((mask(s), ln))
    return out + groups(warn) + exit_lines(lines)


def _zabbix(lines):
    out = []
    for ln in lines:
        if "ZBX_NOTSUPPORTED" in ln or re.search(r"unknown parameter|cannot|invalid|error|No such file", ln, re.I) \
                or re.match(r"^(agent\.version|vfs\.fs\.)", ln):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("zabbix-agentd-p", "table")
def n_zabbix_p(lines):
    """Rules 1+5 on `zabbix_agentd -p`: every ZBX_NOTSUPPORTED row and config error line, the agent.version row, every vfs.fs. row."""
    return _zabbix(lines)


@cm.kind("zabbix-agentd-t", "table")
def n_zabbix_t(lines):
    """Rules 1+5 on `zabbix_agentd -t` loops: every ZBX_NOTSUPPORTED row and config error line, the agent.version row, every vfs.fs. row."""
    return _zabbix(lines)


# ------------------------------------------------------------------ the lab


def lab_hosts(seed: int, n: int) -> list[tuple[str, str, str]]:
    r = random.Random(seed)
    hosts = []
    for i in range(n):
        role = r.choice(ROLES)
        hosts.append((f"{role}-{i:02d}.harbour", role, f"127.0.{i // 200}.{i % 200 + 1}"))
    return hosts


ICINGA_MAIN = """const PluginDir = "/usr/lib/nagios/plugins"
const NodeName = "mon01.harbour"
const ZoneName = "mon01.harbour"
include <itl>
include <plugins>
object Endpoint NodeName {}
object Zone ZoneName { endpoints = [ NodeName ] }
include_recursive "%s/conf.d"
"""

ICINGA_TEMPLATES = """template Host "harbour-host" {
  max_check_attempts = 3
  check_interval = 1m
  retry_interval = 30s
  check_command = "hostalive"
}
template Service "harbour-service" {
  max_check_attempts = 4
  check_interval = 2m
  retry_interval = 30s
}
object User "oncall" { email = "oncall@harbour.example" }
object NotificationCommand "mail-oncall" { command = [ "/bin/true" ] }
"""


def icinga_tree(root: Path, seed: int, n: int, faults: set[str]) -> Path:
    r = random.Random(seed)
    hosts = lab_hosts(seed, n)
    files = {"icinga2.conf": ICINGA_MAIN % root, "conf.d/templates.conf": ICINGA_TEMPLATES}
    hb = []
    for name, role, addr in hosts:
        extra = ""
        if role == "db":
            extra += '  vars.db_port = 5432\n'
        if "type" in faults and r.random() < 0.04:
            extra += '  check_interval = "fast"\n'
        hb.append(f'object Host "{name}" {{\n  import "harbour-host"\n  address = "{addr}"\n  vars.role = "{role}"\n'
                  f'  vars.disks = [ "/", "/srv" ]\n{extra}}}\n')
    files["conf.d/hosts.conf"] = "\n".join(hb)
    sv = [
        'apply Service "ping4" { import "harbour-service"; check_command = "ping4"; assign where host.address }',
        'apply Service "ssh" { import "harbour-service"; check_command = "ssh"; assign where host.vars.role != "lb" }',
        'apply Service "disk " for (d in host.vars.disks) { import "harbour-service"; check_command = "disk";'
        ' vars.disk_partitions = d; assign where host.vars.role in [ "db", "queue" ] }',
        'apply Service "http" { import "harbour-service"; check_command = "http"; assign where host.vars.role in [ "web", "lb" ] }',
        'apply Service "pgsql" { import "harbour-service"; check_command = "pgsql";'
        ' vars.pgsql_port = host.vars.db_port; assign where host.vars.role == "db" }',
    ]
    if "commands" in faults:
        sv += ['apply Service "redis-mem" { import "harbour-service"; check_command = "check_redis_mem";'
               ' assign where host.vars.role == "cache" }',
               'apply Service "rabbit-queue" { import "harbour-service"; check_command = "rabbitmq_queue_depth";'
               ' assign where host.vars.role == "queue" }']
    if "hosts" in faults:
        for k in range(r.randint(4, 7)):
            sv.append(f'object Service "backup-age" {{ import "harbour-service"; host_name = "nas-{k:02d}.harbour";'
                      f' check_command = "file_age" }}')
    if "nowhere" in faults:
        sv += ['apply Service "mssql" { import "harbour-service"; check_command = "mssql_health";'
               ' assign where host.vars.role == "mssql" }',
               'apply Notification "page-oncall" to Service { command = "mail-oncall"; users = [ "oncall" ];'
               ' assign where service.vars.severity == "page" }',
               'apply Dependency "via-lb" to Host { parent_host_name = "lb-gw.harbour";'
               ' assign where host.vars.role == "router" }']
    files["conf.d/services.conf"] = "\n".join(sv) + "\n"
    hg = ['object HostGroup "%s-servers" { display_name = "%s"; assign where host.vars.role == "%s" }' % (x, x, x)
          for x in ROLES]
    if "syntax" in faults:
        hg.append('object HostGroup "dmz" { display_name = "DMZ"; assign where host.vars.zone == "dmz" ')
    files["conf.d/groups.conf"] = "\n".join(hg) + "\n"
    write_tree(root, files)
    return root / "icinga2.conf"


def step_icinga2(tmp: Path) -> None:
    base = tmp / "icinga"
    cases = [
        ("icinga2-check-commands", 1721, 36, {"commands"}, ""),
        ("icinga2-check-hosts-tail", 1722, 48, {"commands", "hosts"}, " | tail -n 80"),
        ("icinga2-check-grep", 1723, 60, {"commands", "hosts"}, " 2>&1 | grep -E 'critical|warning'"),
        ("icinga2-check-type", 1724, 30, {"type"}, "; echo EXIT=$?"),
        ("icinga2-check-syntax", 1725, 24, {"syntax"}, "; echo EXIT=$?"),
        ("icinga2-check-nowhere", 1726, 40, {"nowhere"}, ""),
    ]
    for cid, seed, n, faults, tail in cases:
        conf = icinga_tree(base / cid, seed, n, faults)
        cmd = f"icinga2 daemon -C -c {conf}{tail}"
        add(cid, cmd, run(cmd, cwd=base / cid, timeout=120), n_icinga2_check)
    # a clean tree, validated, then listed as an agent lists it
    d = base / "clean"
    conf = icinga_tree(d, 1727, 50, set())
    run(f"icinga2 daemon -C -c {conf}", cwd=d, timeout=120)
    lists = [
        ("icinga2-objects-db-hosts", "icinga2 object list --type Host --name 'db-*'"),
        ("icinga2-objects-http", "icinga2 object list --type Service --name '*!http' | head -n 400"),
        ("icinga2-objects-groups", "icinga2 object list --type HostGroup"),
        ("icinga2-objects-cache", "icinga2 object list --name 'cache-*' | tail -n 600"),
    ]
    for cid, cmd in lists:
        add(cid, cmd, run(cmd, cwd=d, timeout=120), n_icinga2_objects)


NAGIOS_HOST = """define host {
    use                 linux-server
    host_name           %s
    alias               %s
    address             %s
    hostgroups          %s
%s}
"""

NAGIOS_COMMANDS = "".join(
    "define command {\n    command_name    %s\n    command_line    %s\n}\n" % c for c in [
        ("check-host-alive", "$USER1$/check_ping -H $HOSTADDRESS$ -w 3000.0,80% -c 5000.0,100% -p 1"),
        ("check_ping", "$USER1$/check_ping -H $HOSTADDRESS$ -w $ARG1$ -c $ARG2$ -p 5"),
        ("check_http", "$USER1$/check_http -I $HOSTADDRESS$ $ARG1$"),
        ("check_ssh", "$USER1$/check_ssh $ARG1$ $HOSTADDRESS$"),
    ])

NAGIOS_QUIET = """define service {
    use                 generic-service
    name                harbour-quiet
    contact_groups      null
    contacts            null
    register            0
}
"""

NAGIOS_SVC = """define service {
    use                 generic-service
    host_name           %s
    service_description %s
    check_command       %s
}
"""


def nagios_tree(root: Path, seed: int, n: int, faults: set[str]) -> Path:
    r = random.Random(seed)
    hosts = lab_hosts(seed, n)
    objs = root / "objects"
    objs.mkdir(parents=True, exist_ok=True)
    for f in ("commands.cfg", "contacts.cfg", "timeperiods.cfg", "templates.cfg"):
        (objs / f).write_text(Path("/etc/nagios4/objects", f).read_text())
    cfg = Path("/etc/nagios4/nagios.cfg").read_text()
    cfg = re.sub(r"(?m)^cfg_(file|dir)=.*\n", "", cfg)
    cfg = re.sub(r"(?m)^(log_file|status_file|temp_file|lock_file|check_result_path|state_retention_file|"
                 r"object_cache_file|precached_object_file|command_file|debug_file)=.*$",
                 lambda m: f"{m.group(1)}={root}/var/{m.group(1)}", cfg)
    cfg += f"\ncfg_dir={objs}\n"
    (root / "var" / "check_result_path").mkdir(parents=True, exist_ok=True)
    (root / "nagios.cfg").write_text(cfg)
    groups_ = sorted({role for _, role, _ in hosts})
    hg = "".join(f"define hostgroup {{\n    hostgroup_name  {g}-servers\n    alias           {g}\n}}\n" for g in groups_)
    if "groups" in faults:
        hg += "define hostgroup {\n    hostgroup_name  dmz-servers\n    alias           dmz\n    members         gw-01.harbour,gw-02.harbour\n}\n"
    (objs / "groups.cfg").write_text(hg)
    (objs / "harbour-commands.cfg").write_text(NAGIOS_COMMANDS)
    run(f"chmod -R a+rwX {root}/var")
    hb, sb = [], []
    if "quiet" in faults:
        sb.append(NAGIOS_QUIET)
    for name, role, addr in hosts:
        extra = ""
        if "quiet" in faults and r.random() < 0.1:
            extra += "    contact_groups      null\n"
        if "parents" in faults and r.random() < 0.08:
            extra = "    parents             core-sw-%02d\n" % r.randint(1, 3)
        hb.append(NAGIOS_HOST % (name, name, addr, f"{role}-servers", extra))
        if "lonely" in faults and role == "lb":
            continue
        sb.append(NAGIOS_SVC % (name, "PING", "check_ping!100.0,20%!500.0,60%"))
        if "quiet" in faults and r.random() < 0.25:
            sb.append(NAGIOS_SVC.replace("generic-service", "harbour-quiet") % (name, "Backup freshness", "check_ssh"))
        if role in ("web", "lb"):
            sb.append(NAGIOS_SVC % (name, "HTTP", "check_http"))
        if role == "db":
            sb.append(NAGIOS_SVC % (name, "Root Partition", "check_local_disk!20%!10%!/"))
            if "commands" in faults:
                sb.append(NAGIOS_SVC % (name, "PostgreSQL", "check_pgsql_conn!5432"))
        if role == "cache" and "commands" in faults:
            sb.append(NAGIOS_SVC % (name, "Redis memory", "check_redis!used_memory"))
        if role == "queue":
            sb.append(NAGIOS_SVC % (name, "SSH", "check_ssh"))
    if "svchost" in faults:
        sb.append(NAGIOS_SVC % ("nas-01.harbour", "Backup age", "check_ssh"))
    (objs / "hosts.cfg").write_text("".join(hb))
    (objs / "services.cfg").write_text("".join(sb))
    return root / "nagios.cfg"


def step_nagios(tmp: Path) -> None:
    base = tmp / "nagios"
    cases = [
        ("nagios-verify-commands", 1731, 160, {"commands"}, ""),
        ("nagios-verify-parents", 1732, 220, {"parents", "lonely"}, "; echo EXIT=$?"),
        ("nagios-verify-groups-tail", 1733, 70, {"groups", "lonely"}, " | tail -n 60"),
        ("nagios-verify-quiet", 1734, 140, {"quiet", "parents"}, " 2>&1 | grep -E 'Error|Warning|Total|Checked'"),
        ("nagios-verify-quiet-commands", 1735, 260, {"quiet", "commands"}, " | head -n 100"),
        ("nagios-verify-clean", 1738, 45, {"lonely"}, ""),
    ]
    for cid, seed, n, faults, tail in cases:
        cfg = nagios_tree(base / cid, seed, n, faults)
        cmd = f"nagios4 -v {cfg}{tail}"
        add(cid, cmd, run(cmd, cwd=base / cid, timeout=120), n_nagios_verify)
    for cid, seed, n, faults, tail in [("nagios-sched-lab", 1736, 80, set(), ""),
                                       ("nagios-sched-big", 1737, 220, {"lonely"}, " | tail -n 70")]:
        cfg = nagios_tree(base / cid, seed, n, faults)
        cmd = f"nagios4 -s {cfg}{tail}"
        add(cid, cmd, run(cmd, cwd=base / cid, timeout=120), n_nagios_scheduling)


SNG_HEAD = "@version: 3.38\n@include \"scl.conf\"\n\noptions { chain-hostnames(no); flush-lines(0); create-dirs(yes); };\n\n"


def sng_conf(seed: int, fault: str, n: int = 10) -> str:
    r = random.Random(seed)
    body = ["source s_local { internal(); unix-dgram(\"/dev/log\"); };",
            "source s_net { network(transport(\"tcp\") port(6514)); };"]
    for i in range(n):
        app = r.choice(["nginx", "postgres", "redis", "rabbitmq", "haproxy", "cron", "sshd", "kernel"])
        body.append(f'filter f_{app}_{i} {{ program("{app}") and level(warning..emerg); }};')
        body.append(f'destination d_{app}_{i} {{ file("/var/log/harbour/{app}-{i}.log" '
                    f'template("${{ISODATE}} ${{HOST}} ${{MSGHDR}}${{MSG}}\\n") perm(0640)); }};')
        body.append(f"log {{ source(s_local); source(s_net); filter(f_{app}_{i}); destination(d_{app}_{i}); }};")
    k = r.randrange(3, len(body))
    if fault == "option":
        body[k] = body[k].replace("perm(0640)", "permissions(0640)") if "perm(" in body[k] else \
            body[k].replace("level(", "levle(")
    elif fault == "brace":
        body[k] = body[k].rstrip("};") + ";"
    elif fault == "undef":
        body.append("log { source(s_local); filter(f_audit); destination(d_audit); };")
    elif fault == "driver":
        body.append('destination d_es { elasticsearch-http(url("http://127.0.0.1:9200/_bulk") index("harbour")); };')
        body.append("log { source(s_net); destination(d_es); };")
    elif fault == "version":
        return SNG_HEAD.replace("3.38", "3.9") + "\n".join(body) + "\n"
    return SNG_HEAD + "\n".join(body) + "\n"


def step_syslog_ng(tmp: Path) -> None:
    d = tmp / "syslog-ng"
    faults = ["option", "brace", "undef", "driver", "version", "option", "brace", "undef", "none"]
    files = {f"conf.d/{i:02d}-{f}.conf": sng_conf(1740 + i, f, 8 + i * 2) for i, f in enumerate(faults)}
    write_tree(d, files)
    cmd = "for f in conf.d/*.conf; do echo \"== $f\"; syslog-ng --syntax-only -f $f; echo EXIT=$?; done"
    add("syslog-ng-loop", cmd, run(cmd, cwd=d, timeout=120), n_syslog_ng)
    big = sng_conf(1750, "option", 120)
    write_tree(d, {"harbour-big.conf": big, "harbour-undef.conf": sng_conf(1751, "brace", 60)})
    cmd = "syslog-ng --syntax-only -f harbour-big.conf; echo EXIT=$?"
    add("syslog-ng-big", cmd, run(cmd, cwd=d, timeout=60), n_syslog_ng)
    cmd = "syslog-ng --syntax-only -f harbour-undef.conf 2>&1 | tail -n 30; echo EXIT=$?"
    add("syslog-ng-undef", cmd, run(cmd, cwd=d, timeout=60), n_syslog_ng)


def zabbix_conf(root: Path, seed: int, n: int, bad: bool) -> Path:
    r = random.Random(seed)
    lines = ["PidFile=%s/zabbix_agentd.pid" % root, "LogFile=%s/zabbix_agentd.log" % root, "Server=127.0.0.1",
             "ServerActive=127.0.0.1", "Hostname=mon01.harbour", "Timeout=3", "AllowKey=system.run[*]"]
    for i in range(n):
        kind = ["queue", "cert", "backup", "pool", "lag"][i % 5]
        if kind == "queue":
            lines.append(f"UserParameter=harbour.queue.depth{i},cat {root}/q/{i}.depth")
        elif kind == "cert":
            lines.append(f"UserParameter=harbour.cert.days{i},echo {r.randint(-3, 90)}")
        elif kind == "backup":
            lines.append(f"UserParameter=harbour.backup.age{i},stat -c %Y /srv/backup/{i}.tar 2>/dev/null || exit 2")
        elif kind == "pool":
            lines.append(f"UserParameter=harbour.pool.free{i},echo {r.randint(0, 64)}")
        else:
            lines.append(f"UserParameter=harbour.repl.lag{i},sleep 5; echo 1")
    if bad:
        lines.insert(4, "HostnameItem=system.hostname")
        lines.insert(6, "StartAgent=3")
    (root / "q").mkdir(parents=True, exist_ok=True)
    for i in range(0, n, 3):
        (root / "q" / f"{i}.depth").write_text(str(r.randint(0, 5000)))
    p = root / "zabbix_agentd.conf"
    p.write_text("\n".join(lines) + "\n")
    return p


def step_zabbix(tmp: Path) -> None:
    d = tmp / "zabbix"
    d.mkdir(parents=True, exist_ok=True)
    conf = zabbix_conf(d, 1760, 14, False)
    cmd = f"zabbix_agentd -c {conf} -p | grep -E '^(agent|system|vfs|proc|net\\.tcp|vm|kernel|harbour)' | grep -Ev '^(system.sw.packages|vfs.dir.get)'"
    add("zabbix-print-all", cmd, run(cmd, cwd=d, timeout=300), n_zabbix_p)
    cmd = f"zabbix_agentd -c {conf} -p | grep -Ev '^(system.sw.packages|vfs.dir.get)' | tail -n 100"
    add("zabbix-print-tail", cmd, run(cmd, cwd=d, timeout=300), n_zabbix_p)
    keys = ["agent.version", "vfs.fs.size[/,pfree]", "vfs.fs.size[/srv,pfree]", "vfs.fs.size[/var/lib/pgsql,free]",
            "vfs.fs.inode[/,pfree]", "vfs.file.exists[/etc/harbour/agent.conf]", "proc.num[postgres]",
            "proc.num[redis-server]", "net.tcp.port[127.0.0.1,5432]", "net.tcp.service[http,127.0.0.1,8080]",
            "system.cpu.load[all,avg1]", "vm.memory.size[pavailable]", "web.page.get[127.0.0.1,/health,8080]",
            "log[/var/log/harbour/app.log,ERROR]", "system.sw.packages[nginx]", "harbour.queue.depth0",
            "harbour.queue.depth5", "harbour.cert.days1", "harbour.backup.age2", "harbour.pool.free3",
            "harbour.repl.lag4", "system.run[df -h /srv]", "kernel.maxfiles"]
    loop = "for k in " + " ".join(f"'{k}'" for k in keys) + f"; do zabbix_agentd -c {conf} -t \"$k\"; done"
    add("zabbix-test-loop", loop, run(loop, cwd=d, timeout=300), n_zabbix_t)
    bad = zabbix_conf(d / "bad", 1761, 10, True)
    cmd = (f"zabbix_agentd -c {bad} -t agent.version; echo EXIT=$?; sed -i '/^StartAgent=/d;/^HostnameItem=/d' {bad}; "
           f"for k in agent.version 'vfs.fs.size[/data,pfree]' harbour.queue.depth0 harbour.queue.depth5 harbour.cert.days6 "
           f"'proc.num[zabbix_agentd]' 'vfs.fs.discovery'; do zabbix_agentd -c {bad} -t \"$k\"; done; echo EXIT=$?")
    add("zabbix-test-badconf", cmd, run(cmd, cwd=d, timeout=300), n_zabbix_t)


STEPS = [step_icinga2, step_nagios, step_syslog_ng, step_zabbix]
