"""Round 178, round 172's kinds on `ironworks`, a steel mill's monitoring: an Icinga 2 tree and Nagios 4 objects of
PLCs, historians, SCADA servers, UPSes and switches written by seeded generators of its own with faults put in,
syslog-ng configurations with errors, a Zabbix agent with the mill's user parameters, GoAccess over a plant portal's
access log, and sysstat sampling this machine under a load started for the purpose. The needles come from round 172's
extractors, imported. Run through capture_wide178.py."""

from __future__ import annotations

import random
import re
import subprocess
import sys
import time
from pathlib import Path

from capture_more import run, write_tree
from capture_wide178 import add
from capture_wide172_mon import (n_icinga2_check, n_icinga2_objects, n_nagios_scheduling, n_nagios_verify,
                                 n_syslog_ng, n_zabbix_p, n_zabbix_t)
from capture_wide172_stat import (n_goaccess_csv, n_goaccess_json, n_pidstat_d, n_pidstat_u, n_sadf_d, n_sar_q,
                                  n_sar_r, n_sar_u_all)

ROLES = ["plc", "historian", "scada", "ups", "switch"]


def mill_hosts(seed: int, n: int) -> list[tuple[str, str, str]]:
    r = random.Random(seed)
    out = []
    for i in range(n):
        role = r.choice(ROLES)
        line = r.choice(["bf", "caster", "rolling", "pickling"])
        out.append((f"{line}-{role}{i:03d}.mill", role, f"127.1.{i // 250}.{i % 250 + 1}"))
    return out


# ------------------------------------------------------------------ Icinga 2

ICINGA_MAIN = """const PluginDir = "/usr/lib/nagios/plugins"
const NodeName = "icinga-master.mill"
const ZoneName = "master"
include <itl>
include <plugins>
object Endpoint NodeName {}
object Zone ZoneName { endpoints = [ NodeName ] }
include_recursive "%s/zones.d"
"""

ICINGA_TPL = """template Host "mill-device" {
  max_check_attempts = 5
  check_interval = 30s
  retry_interval = 10s
  check_command = "hostalive"
  vars.notify = true
}
template Service "mill-check" {
  max_check_attempts = 3
  check_interval = 1m
  retry_interval = 15s
}
object UserGroup "shift-leads" { display_name = "Shift leads" }
object User "melt-shop" { groups = [ "shift-leads" ]; email = "melt@ironworks.example" }
object NotificationCommand "page-shift" { command = [ "/bin/true" ] }
object TimePeriod "shifts" { ranges = { "monday" = "06:00-22:00", "friday" = "06:00-22:00" } }
"""


def icinga_tree(root: Path, seed: int, n: int, faults: set[str]) -> Path:
    r = random.Random(seed)
    files = {"icinga2.conf": ICINGA_MAIN % root, "zones.d/templates.conf": ICINGA_TPL}
    hb = []
    for name, role, addr in mill_hosts(seed, n):
        extra = ""
        if role == "plc":
            extra += f'  vars.modbus_unit = {r.randint(1, 247)}\n'
        if role == "ups":
            extra += f'  vars.snmp_community = "mill{r.randint(1, 9)}"\n'
        if "type" in faults and r.random() < 0.05:
            extra += '  max_check_attempts = "five"\n'
        if "attr" in faults and r.random() < 0.04:
            extra += '  check_timeout_ms = 5000\n'
        hb.append(f'object Host "{name}" {{\n  import "mill-device"\n  address = "{addr}"\n  vars.role = "{role}"\n{extra}}}\n')
    files["zones.d/hosts.conf"] = "\n".join(hb)
    sv = [
        'apply Service "icmp" { import "mill-check"; check_command = "ping4"; assign where host.address }',
        'apply Service "snmp-uptime" { import "mill-check"; check_command = "snmp"; vars.snmp_oid = "1.3.6.1.2.1.1.3.0";'
        ' assign where host.vars.role in [ "ups", "switch" ] }',
        'apply Service "historian-disk" { import "mill-check"; check_command = "disk"; assign where host.vars.role == "historian" }',
        'apply Service "scada-http" { import "mill-check"; check_command = "http"; vars.http_uri = "/hmi";'
        ' assign where host.vars.role == "scada" }',
    ]
    if "commands" in faults:
        sv += ['apply Service "modbus-regs" { import "mill-check"; check_command = "modbus_read";'
               ' assign where host.vars.role == "plc" }',
               'apply Service "ups-battery" { import "mill-check"; check_command = "apc_battery";'
               ' assign where host.vars.role == "ups" }']
    if "hosts" in faults:
        for k in range(r.randint(3, 6)):
            sv.append(f'object Service "furnace-temp" {{ import "mill-check"; host_name = "bf-pyrometer{k:02d}.mill";'
                      f' check_command = "dummy" }}')
    if "notify" in faults:
        sv += ['apply Notification "page-shift" to Service { command = "page-shift"; users = [ "melt-shop", "night-shift" ];'
               ' period = "shifts"; assign where service.name == "icmp" }',
               'apply Dependency "via-core" to Host { parent_host_name = "core-sw01.mill"; assign where host.vars.role == "plc" }']
    files["zones.d/services.conf"] = "\n".join(sv) + "\n"
    hg = ['object HostGroup "%s" { display_name = "%s devices"; assign where host.vars.role == "%s" }' % (x, x.upper(), x)
          for x in ROLES]
    if "syntax" in faults:
        hg.append('object HostGroup "caster" { display_name = "Caster line" assign where match("caster-*", host.name) }')
    files["zones.d/groups.conf"] = "\n".join(hg) + "\n"
    write_tree(root, files)
    return root / "icinga2.conf"


def step_icinga2(tmp: Path) -> None:
    base = tmp / "icinga"
    for cid, seed, n, faults, tail in [
        ("icinga2-check-mill", 1781, 70, {"commands", "hosts", "notify"}, " 2>&1 | tail -n 120"),
        ("icinga2-check-grep", 1790, 130, {"commands", "hosts", "type", "attr"},
         " 2>&1 | grep -E 'critical|warning|Location|\\^|Instantiated'"),
    ]:
        conf = icinga_tree(base / cid, seed, n, faults)
        cmd = f"icinga2 daemon -C -c {conf}{tail}"
        add(cid, cmd, run(cmd, cwd=base / cid, timeout=180), n_icinga2_check)
    d = base / "clean"
    conf = icinga_tree(d, 1783, 60, set())
    run(f"icinga2 daemon -C -c {conf}", cwd=d, timeout=180)
    cmd = "icinga2 object list --type Service --name '*!snmp-uptime' | head -n 500"
    add("icinga2-objects-snmp", cmd, run(cmd, cwd=d, timeout=120), n_icinga2_objects)


# ------------------------------------------------------------------ Nagios 4

NAGIOS_CMDS = "".join(
    "define command {\n    command_name    %s\n    command_line    %s\n}\n" % c for c in [
        ("mill-host-alive", "$USER1$/check_ping -H $HOSTADDRESS$ -w 2000.0,60% -c 4000.0,100% -p 2"),
        ("mill_ping", "$USER1$/check_ping -H $HOSTADDRESS$ -w $ARG1$ -c $ARG2$ -p 3"),
        ("mill_tcp", "$USER1$/check_tcp -H $HOSTADDRESS$ -p $ARG1$"),
        ("mill_http", "$USER1$/check_http -I $HOSTADDRESS$ -u $ARG1$"),
    ])


def nagios_tree(root: Path, seed: int, n: int, faults: set[str]) -> Path:
    r = random.Random(seed)
    hosts = mill_hosts(seed, n)
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
    run(f"chmod -R a+rwX {root}/var")
    (objs / "mill-commands.cfg").write_text(NAGIOS_CMDS)
    hg = "".join(f"define hostgroup {{\n    hostgroup_name  {g}s\n    alias           {g}\n}}\n" for g in ROLES)
    if "groups" in faults:
        hg += "define hostgroup {\n    hostgroup_name  furnace\n    alias           furnace\n    members         bf-pyro01.mill,bf-tuyere02.mill\n}\n"
    (objs / "groups.cfg").write_text(hg)
    hb, sb = [], []
    for name, role, addr in hosts:
        extra = ""
        if "parents" in faults and r.random() < 0.1:
            extra = f"    parents             core-sw{r.randint(1, 2):02d}.mill\n"
        if "notes" in faults and r.random() < 0.06:
            extra += "    check_period        plant-shifts\n"
        hb.append("define host {\n    use                 linux-server\n    host_name           %s\n    alias  %s\n"
                  "    address             %s\n    hostgroups          %ss\n%s}\n" % (name, name, addr, role, extra))
        svc = lambda d, c: sb.append("define service {\n    use                 generic-service\n    host_name           %s\n"  # noqa: E731
                                     "    service_description %s\n    check_command       %s\n}\n" % (name, d, c))
        if "lonely" in faults and role == "switch":
            continue
        svc("PING", "mill_ping!150.0,20%!600.0,60%")
        if role == "plc":
            svc("Modbus TCP", "mill_tcp!502")
            if "commands" in faults:
                svc("PLC scan time", "check_plc_scan!40")
        if role == "scada":
            svc("HMI", "mill_http!/hmi")
        if role == "ups" and "commands" in faults:
            svc("UPS load", "check_ups_load!80!90")
        if role == "historian":
            svc("OPC UA", "mill_tcp!4840")
    if "svchost" in faults:
        sb.append("define service {\n    use                 generic-service\n    host_name           bf-pyro01.mill\n"
                  "    service_description Furnace temp\n    check_command       mill_tcp!9000\n}\n")
    (objs / "hosts.cfg").write_text("".join(hb))
    (objs / "services.cfg").write_text("".join(sb))
    return root / "nagios.cfg"


def step_nagios(tmp: Path) -> None:
    base = tmp / "nagios"
    for cid, seed, n, faults, tail in [
        ("nagios-verify-mill", 1784, 180, {"commands", "svchost", "notes"}, " | head -n 120"),
        ("nagios-verify-lonely", 1791, 260, {"lonely"}, " 2>&1 | grep -E 'Warning|Error|Total|Checked|okay'"),
    ]:
        cfg = nagios_tree(base / cid, seed, n, faults)
        cmd = f"nagios4 -v {cfg}{tail}"
        add(cid, cmd, run(cmd, cwd=base / cid, timeout=180), n_nagios_verify)
    cfg = nagios_tree(base / "sched", 1786, 150, set())
    cmd = f"nagios4 -s {cfg} | tail -n 90"
    add("nagios-sched-mill", cmd, run(cmd, cwd=base / "sched", timeout=180), n_nagios_scheduling)


# ------------------------------------------------------------------ syslog-ng

SNG_HEAD = "@version: 3.38\n@include \"scl.conf\"\n\noptions { keep-hostname(yes); use-dns(no); log-fifo-size(2000); };\n\n"


def sng_conf(seed: int, fault: str, n: int) -> str:
    r = random.Random(seed)
    body = ['source s_plc { network(transport("udp") port(5514)); };',
            'source s_sys { system(); internal(); };']
    for i in range(n):
        app = r.choice(["caster", "furnace", "hmi", "historian", "crane", "rollmill", "opcua"])
        body.append(f'filter f_{app}{i} {{ host("{app}-*" type(glob)) and level(notice..emerg); }};')
        body.append(f'destination d_{app}{i} {{ file("/var/log/mill/{app}/{i}.log" owner("root") group("adm") '
                    f'perm(0640) template("${{R_ISODATE}} ${{HOST}} ${{PROGRAM}}: ${{MSG}}\\n")); }};')
        body.append(f"log {{ source(s_plc); filter(f_{app}{i}); destination(d_{app}{i}); flags(final); }};")
    k = r.randrange(2, len(body))
    if fault == "option":
        body[k] = body[k].replace('owner("root")', 'ownr("root")') if "owner(" in body[k] else \
            body[k].replace("level(", "severity(")
    elif fault == "brace":
        body[k] = body[k].replace("};", ";", 1)
    elif fault == "string":
        body[k] = body[k].replace('"', "", 1)
    elif fault == "driver":
        body.append('destination d_kafka { kafka-c(bootstrap-servers("127.0.0.1:9092") topic("mill")); };')
        body.append("log { source(s_sys); destination(d_kafka); };")
    elif fault == "flag":
        body.append("log { source(s_sys); destination(d_furnace0); flags(finalize); };")
    return SNG_HEAD + "\n".join(body) + "\n"


def step_syslog_ng(tmp: Path) -> None:
    d = tmp / "syslog-ng"
    faults = ["option", "brace", "string", "driver", "flag", "option", "none", "brace"]
    write_tree(d, {f"mill.d/{i:02d}-{f}.conf": sng_conf(1787 + i, f, 6 + 3 * i) for i, f in enumerate(faults)})
    cmd = 'for f in mill.d/*.conf; do echo "== $f"; syslog-ng --syntax-only -f "$f" 2>&1; echo "rc=$?"; done'
    add("syslog-ng-mill-loop", cmd, run(cmd, cwd=d, timeout=180), n_syslog_ng)
    write_tree(d, {"mill-central.conf": sng_conf(1799, "brace", 140)})
    cmd = "syslog-ng --syntax-only -f mill-central.conf; echo EXIT=$?"
    add("syslog-ng-central", cmd, run(cmd, cwd=d, timeout=60), n_syslog_ng)


# ------------------------------------------------------------------ Zabbix agent

def step_zabbix(tmp: Path) -> None:
    d = tmp / "zabbix"
    (d / "furnace").mkdir(parents=True, exist_ok=True)
    r = random.Random(1788)
    lines = [f"PidFile={d}/zabbix_agentd.pid", f"LogFile={d}/zabbix_agentd.log", "Server=127.0.0.1",
             "Hostname=caster-scada01.mill", "Timeout=4"]
    for i in range(18):
        k = ["temp", "flow", "spool", "shift", "oee", "fail"][i % 6]
        if k == "temp":
            (d / "furnace" / f"zone{i}.temp").write_text(str(r.randint(1380, 1620)))
            lines.append(f"UserParameter=mill.furnace.temp{i},cat {d}/furnace/zone{i}.temp")
        elif k == "flow":
            lines.append(f"UserParameter=mill.cooling.flow{i},echo {r.uniform(0, 120):.1f}")
        elif k == "spool":
            lines.append(f"UserParameter=mill.spool.files{i},ls /var/spool/mill/{i} | wc -l")
        elif k == "shift":
            lines.append(f"UserParameter=mill.shift.id{i},date +%H")
        elif k == "oee":
            lines.append(f"UserParameter=mill.line.oee[*],echo $1 {r.randint(40, 95)}")
            lines[-1] = lines[-1].replace("[*]", f"{i}[*]")
        else:
            lines.append(f"UserParameter=mill.historian.lag{i},sleep 6; echo 0")
    conf = d / "zabbix_agentd.conf"
    conf.write_text("\n".join(lines) + "\n")
    cmd = (f"zabbix_agentd -c {conf} -p | grep -Ev '^(system.sw.packages|vfs.dir.get|system.hw|sensor)' | "
           "grep -E '^(agent|system|vfs|proc|net|vm|kernel|mill|web)'")
    add("zabbix-print-mill", cmd.replace(str(conf), "/etc/zabbix/zabbix_agentd.conf"), run(cmd, cwd=d, timeout=300),
        n_zabbix_p)
    keys = ["agent.version", "agent.hostname", "vfs.fs.size[/,pused]", "vfs.fs.size[/var/lib/historian,free]",
            "vfs.fs.inode[/,pfree]", "vfs.file.exists[/etc/mill/line.conf]", "vfs.file.size[/var/log/syslog]",
            "proc.num[icinga2]", "proc.num[opcua-server]", "net.tcp.port[127.0.0.1,502]", "net.tcp.port[127.0.0.1,4840]",
            "net.udp.listen[5514]", "system.cpu.util[,iowait]", "system.swap.size[,pfree]", "vm.memory.size[available]",
            "mill.furnace.temp0", "mill.furnace.temp6", "mill.cooling.flow1", "mill.spool.files2", "mill.shift.id3",
            "mill.line.oee4[caster]", "mill.historian.lag5", "mill.furnace.temp99", "system.run[uptime]",
            "kernel.maxproc", "log[/var/log/mill/furnace.log,ALARM]"]
    loop = "for k in " + " ".join(f"'{k}'" for k in keys) + f"; do zabbix_agentd -c {conf} -t \"$k\"; done 2>&1"
    add("zabbix-test-mill", loop.replace(str(conf), "/etc/zabbix/zabbix_agentd.conf"), run(loop, cwd=d, timeout=400),
        n_zabbix_t)


# ------------------------------------------------------------------ GoAccess

def access_log(path: Path, seed: int, n: int) -> None:
    r = random.Random(seed)
    paths = ["/", "/portal/heats", "/portal/heats/search", "/api/v1/casts", "/api/v1/coils", "/api/v1/ladles",
             "/assets/portal.js", "/assets/portal.css", "/sso/login", "/api/v1/quality/reports", "/healthz",
             "/api/v1/alarms", "/robots.txt"]
    agents = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edge/131.0", "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0",
              "Grafana/11.3.0", "Go-http-client/1.1", "Mozilla/5.0 (compatible; bingbot/2.0)", "okhttp/4.12.0"]
    with path.open("w") as f:
        for i in range(n):
            hh, mm = divmod(i * 1440 // n, 60)
            ip = f"172.{r.randint(16, 19)}.{r.randint(0, 40)}.{r.randint(1, 254)}"
            p, status, ua = r.choice(paths), 200, r.choice(agents)
            if p == "/api/v1/quality/reports" and 6 <= hh <= 7:
                status = r.choice([504, 504, 500, 200])
            elif p == "/api/v1/alarms" and r.random() < 0.1:
                status = 429
            elif "bingbot" in ua and r.random() < 0.6:
                p, status = f"/legacy/coil-{r.randint(1, 900)}.aspx", 404
            elif p == "/sso/login" and r.random() < 0.25:
                status = 403
            elif r.random() < 0.04:
                status = 304
            method = "POST" if p in ("/sso/login", "/portal/heats/search") and r.random() < 0.6 else "GET"
            f.write(f'{ip} - - [02/Dec/2026:{hh:02d}:{mm:02d}:{r.randint(0, 59):02d} +0100] "{method} {p} HTTP/2.0" '
                    f'{status} {r.randint(90, 92000)} "-" "{ua}"\n')


def step_goaccess(tmp: Path) -> None:
    d = tmp / "goaccess"
    d.mkdir(parents=True, exist_ok=True)
    access_log(d / "portal.log", 1789, 30000)
    access_log(d / "portal-night.log", 1790, 4000)
    run("goaccess portal.log --log-format=COMBINED -o portal.json && goaccess portal.log --log-format=COMBINED "
        "-o portal.csv && goaccess portal-night.log --log-format=COMBINED -o night.json && "
        "goaccess portal-night.log --log-format=COMBINED -o night.csv", cwd=d, timeout=300)
    for cid, cmd, ext in [
        ("goaccess-json-night", "jq '{general, requests, status_codes, visitors}' night.json", n_goaccess_json),
        ("goaccess-json-tail", "jq . portal.json | tail -n 1200", n_goaccess_json),
        ("goaccess-csv-portal", "cat portal.csv | head -n 400", n_goaccess_csv),
        ("goaccess-csv-night-grep", "grep -E '\"(requests|not_found|status_codes|browsers)\"' night.csv; echo EXIT=$?",
         n_goaccess_csv),
    ]:
        add(cid, cmd, run(cmd, cwd=d, timeout=120), ext)


# ------------------------------------------------------------------ sysstat

LOAD = r'''
import os, sys, time, threading
end = time.time() + float(sys.argv[1])
def burn():
    x = 0
    while time.time() < end:
        x = (x * 31 + 7) % 1000003
def dump(path):
    blk = os.urandom(1 << 19)
    with open(path, "wb") as f:
        while time.time() < end:
            for _ in range(24):
                f.write(blk)
            f.flush(); os.fsync(f.fileno()); f.seek(0)
            time.sleep(0.6)
held = []
def grow():
    while time.time() < end and len(held) < 30:
        held.append(bytearray(12 << 20)); time.sleep(0.7)
ts = [threading.Thread(target=burn), threading.Thread(target=dump, args=(sys.argv[2],)), threading.Thread(target=grow)]
[t.start() for t in ts]; [t.join() for t in ts]
'''


def step_sysstat(tmp: Path) -> None:
    d = tmp / "sysstat"
    d.mkdir(parents=True, exist_ok=True)
    (d / "mill_load.py").write_text(LOAD)
    sa = d / "sa178"
    sa.unlink(missing_ok=True)
    sadc = subprocess.Popen(["nice", "/usr/lib/sysstat/sadc", "-S", "XALL", "1", "40", str(sa)], cwd=d,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(6)
    load = subprocess.Popen(["nice", sys.executable, str(d / "mill_load.py"), "26", str(d / "scratch.bin")], cwd=d)
    time.sleep(2)
    cmd = "pidstat -u 3 3; echo EXIT=$?"
    add("pidstat-u-mill", cmd, run(cmd, cwd=d, timeout=60), n_pidstat_u)
    cmd = "pidstat -d 2 5 | tail -n 120"
    add("pidstat-d-mill", cmd, run(cmd, cwd=d, timeout=60), n_pidstat_d)
    load.wait()
    sadc.wait()
    (d / "scratch.bin").unlink(missing_ok=True)
    f = sa.name
    for cid, cmd, ext in [
        ("sar-q-mill", f"sar -q -f {f} | head -n 40", n_sar_q),
        ("sar-r-mill", f"sar -r ALL -f {f}; echo EXIT=$?", n_sar_r),
        ("sar-u-all-P-mill", f"sar -u ALL -P ALL -f {f} | head -n 80", n_sar_u_all),
        ("sadf-d-qr", f"sadf -d {f} -- -q -r", n_sadf_d),
        ("sadf-d-net", f"sadf -d {f} -- -n DEV | grep -v ';lo;' | head -n 90", n_sadf_d),
    ]:
        add(cid, cmd, run(cmd, cwd=d, timeout=60), ext)


STEPS = [step_sysstat, step_goaccess, step_icinga2, step_nagios, step_syslog_ng, step_zabbix]
