"""Round 235, second samples of round 224's kinds: `snowline`, an alpine ski resort's network of this round's own on
127.0.0.1: an snmpd for the lift-control gateway (`snowline-gw2`: process and disk checks, an `extend` of the ski
patrol's radio roster, a `pass_persist` script serving a lift table from a seeded generator under an enterprise arc of
the round's own MIB, SNOWLINE-MIB, with broken copies for snmptranslate), FreeRADIUS for the patrol's and lift
operators' accounts (-XC on configs with other faults, -X while radtest sends accepted and refused requests), Kea and
dhcpd configs for the lift-station subnets with other faults, chrony (a server and a client chronyd on loopback ports,
other unreachable sources), SIPp (the ticket office calling a SIPp UAS with a scenario expecting the wrong answer to
its BYE), and prosody, Kamailio and keepalived configs with other faults. The needles come from round 224's
extractors, imported as they are (NEEDLES.md, "Round 235"). Run through capture_wide235.py."""

from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_wide224 import TOOLS as TOOLS224
from capture_wide224_snmp import PASS_PY, n_snmpget, n_snmptable, n_snmptranslate, n_snmpwalk
from capture_wide224_svc import (n_chronyc_report, n_chronyc_sources, n_chronyd, n_dhcpd, n_freeradius_debug,
                                 n_freeradius_xc, n_kamailio, n_kea, n_keepalived, n_prosodyctl, n_radtest,
                                 n_sipp_err, n_sipp_screen, n_sipp_stat)
from capture_wide235 import TMP, add

BASE_MIBS = TOOLS224 / "mibs"

# ------------------------------------------------------------------ Net-SNMP: the lift-control gateway

SNOWLINE_MIB = """SNOWLINE-MIB DEFINITIONS ::= BEGIN

IMPORTS
    MODULE-IDENTITY, OBJECT-TYPE, Integer32, Gauge32, Counter32, enterprises
        FROM SNMPv2-SMI
    DisplayString
        FROM SNMPv2-TC;

snowline MODULE-IDENTITY
    LAST-UPDATED "202612010000Z"
    ORGANIZATION "Snowline ski resort"
    CONTACT-INFO "lift-ops@snowline.example"
    DESCRIPTION  "Lift controllers of the resort's gateway."
    ::= { enterprises 99992 }

slLifts OBJECT IDENTIFIER ::= { snowline 2 }

liftTable OBJECT-TYPE
    SYNTAX      SEQUENCE OF LiftEntry
    MAX-ACCESS  not-accessible
    STATUS      current
    DESCRIPTION "One row per lift controller."
    ::= { slLifts 1 }

liftEntry OBJECT-TYPE
    SYNTAX      LiftEntry
    MAX-ACCESS  not-accessible
    STATUS      current
    DESCRIPTION "A lift controller."
    INDEX       { liftIndex }
    ::= { liftTable 1 }

LiftEntry ::= SEQUENCE {
    liftIndex       Integer32,
    liftName        DisplayString,
    liftState       INTEGER,
    liftSpeedCms    Gauge32,
    liftRiders      Counter32,
    liftWindKmh     Integer32,
    liftMotorTempC  Integer32
}

liftIndex OBJECT-TYPE
    SYNTAX      Integer32 (1..65535)
    MAX-ACCESS  read-only
    STATUS      current
    DESCRIPTION "Row index."
    ::= { liftEntry 1 }

liftName OBJECT-TYPE
    SYNTAX      DisplayString
    MAX-ACCESS  read-only
    STATUS      current
    DESCRIPTION "Lift name."
    ::= { liftEntry 2 }

liftState OBJECT-TYPE
    SYNTAX      INTEGER { running(1), slowed(2), stopped(3), windhold(4), evacuating(5) }
    MAX-ACCESS  read-only
    STATUS      current
    DESCRIPTION "Controller state."
    ::= { liftEntry 3 }

liftSpeedCms OBJECT-TYPE
    SYNTAX      Gauge32
    UNITS       "cm/s"
    MAX-ACCESS  read-only
    STATUS      current
    DESCRIPTION "Rope speed."
    ::= { liftEntry 4 }

liftRiders OBJECT-TYPE
    SYNTAX      Counter32
    MAX-ACCESS  read-only
    STATUS      current
    DESCRIPTION "Riders counted at the gate today."
    ::= { liftEntry 5 }

liftWindKmh OBJECT-TYPE
    SYNTAX      Integer32
    UNITS       "km/h"
    MAX-ACCESS  read-only
    STATUS      current
    DESCRIPTION "Wind at the top station."
    ::= { liftEntry 6 }

liftMotorTempC OBJECT-TYPE
    SYNTAX      Integer32
    UNITS       "C"
    MAX-ACCESS  read-only
    STATUS      current
    DESCRIPTION "Drive motor temperature."
    ::= { liftEntry 7 }

END
"""

LIFTS = ["Gondola Base", "Edelweiss Chair", "Marmot T-Bar", "Glacier Express", "Nursery Carpet", "Summit Quad",
         "Forest Chair", "Col Drag", "Eagle Six", "Valley Link", "Piste 9 Button", "Ridge Double", "Snowpark Quad"]


def lift_rows(n: int, seed: int) -> list[tuple]:
    rnd = random.Random(seed)
    out = []
    for i in range(1, n + 1):
        name = f"{LIFTS[(i - 1) % len(LIFTS)]} {1 + (i - 1) // len(LIFTS)}"
        state = 1 if rnd.random() > 0.07 else rnd.choice([2, 3, 4, 5])
        speed = rnd.randint(180, 600) if state in (1, 2) else 0
        riders = rnd.randint(0, 9000)
        wind = rnd.randint(0, 45) if state != 4 else rnd.randint(70, 110)
        temp = rnd.randint(25, 68)
        out.append((i, name, state, speed, riders, wind, temp))
    return out


def snmp_agent(root: Path, port: int, n: int, seed: int) -> Path:
    base = ".1.3.6.1.4.1.99992.2.1.1"
    rows = []
    for i, name, state, speed, riders, wind, temp in lift_rows(n, seed):
        rows += [f"{base}.1.{i}\tinteger\t{i}", f"{base}.2.{i}\tstring\t{name}", f"{base}.3.{i}\tinteger\t{state}",
                 f"{base}.4.{i}\tgauge\t{speed}", f"{base}.5.{i}\tcounter\t{riders}",
                 f"{base}.6.{i}\tinteger\t{wind}", f"{base}.7.{i}\tinteger\t{temp}"]
    rnd = random.Random(seed + 7)
    roster = [f"PATROL-{k:02d} {rnd.choice(['ch3', 'ch5', 'ch7'])} sector={rnd.choice('ABCDE')} "
              f"{rnd.choice(['on-slope', 'on-slope', 'hut', 'avalanche-drill', 'RADIO FAULT'])}" for k in range(1, 27)]
    cm.write_tree(root, {
        "lifts.tsv": "\n".join(rows) + "\n",
        "pass_lifts.py": PASS_PY,
        "patrol.txt": "\n".join(roster) + "\n",
        "snmpd.conf": f"""agentAddress udp:127.0.0.1:{port}
rocommunity snowline-ro 127.0.0.1
rocommunity liftops 127.0.0.1 .1.3.6.1.4.1.99992
sysLocation Valley station plant room, Snowline resort
sysContact lift-ops@snowline.example
sysName snowline-gw2
sysServices 76
proc liftd 2 1
proc snowcatd
proc snmpd
disk / 15%
disk /srv/lift-logs 20%
load 4 3 2
extend patrol /bin/cat {root}/patrol.txt
extend avalanche /bin/sh -c "echo avalanche beacon test: 3 of 4 ok; exit 1"
pass_persist .1.3.6.1.4.1.99992.2 /usr/bin/python3 -u {root}/pass_lifts.py {root}/lifts.tsv
""",
    })
    return root / "snmpd.conf"


def broken_mibs(d: Path) -> None:
    good = SNOWLINE_MIB
    b1 = good.replace("DisplayString\n        FROM SNMPv2-TC;",
                      "DisplayString, Unsigned32\n        FROM SNMPv2-TC;")  # Unsigned32 is not in SNMPv2-TC
    b1 = b1.replace("liftRiders      Counter32", "liftRiders      Counter64")  # not imported
    b2 = good.replace("liftMotorTempC OBJECT-TYPE", "liftMotorTempC OBJECT-TYP")  # a misspelt macro
    b3 = good.replace("::= { slLifts 1 }", "::= { slLift 1 }").replace("evacuating(5) }", "evacuating(5)")
    for name, body in {"SNOWLINE-MIB.txt": good, "SNOWLINE-B1-MIB.txt": b1, "SNOWLINE-B2-MIB.txt": b2,
                       "SNOWLINE-B3-MIB.txt": b3}.items():
        (d / name).write_text(body.replace("SNOWLINE-MIB DEFINITIONS", name[:-4] + " DEFINITIONS"))


def snmp(tmp: Path) -> None:
    root = tmp / "snowline-snmp"
    mibs = root / "mibs"
    mibs.mkdir(parents=True)
    run(f"cp {BASE_MIBS}/*.txt {mibs}/")
    broken_mibs(mibs)
    port = cm.free_port()
    conf = snmp_agent(root, port, 120, 23501)
    env = {"MIBDIRS": f"{mibs}:/usr/share/snmp/mibs", "MIBS": "SNMPv2-MIB:IF-MIB:SNOWLINE-MIB",
           "SNMP_PERSISTENT_DIR": str(root / "persist")}
    cm.start(f"snmpd -f -Lo -C -c {conf} -p {root}/snmpd.pid", cwd=root, env=env, log=open(root / "snmpd.log", "w"))
    time.sleep(2)
    a, c = f"127.0.0.1:{port}", "-v2c -c snowline-ro"

    def go(iid, cmd, ext):
        add(iid, cmd, run(cmd, cwd=root, env=env, timeout=180), ext)

    go("snmpwalk-lifts-head", f"snmpwalk {c} {a} SNOWLINE-MIB::snowline | head -n 420", n_snmpwalk)
    go("snmpwalk-liftops-community", f"snmpwalk -v2c -c liftops -On {a} .1.3.6.1 | grep -vE '\\.1\\.[1-2]\\.[0-9]+ = ' "
       f"; echo EXIT=$?; snmpwalk -v1 -c snowline-rw -t 1 -r 0 {a} system; echo EXIT=$?", n_snmpwalk)
    go("snmptable-lifts-brief", f"snmptable {c} -Cb {a} SNOWLINE-MIB::liftTable", n_snmptable)
    go("snmptable-lifts-csv-head", f"snmptable {c} -Cf , {a} SNOWLINE-MIB::liftTable | head -n 80", n_snmptable)
    go("snmpget-lifts-exit", f"snmpget {c} {a} sysName.0 sysContact.0 SNOWLINE-MIB::liftState.4 "
       f"SNOWLINE-MIB::liftWindKmh.17 SNOWLINE-MIB::liftName.250 UCD-SNMP-MIB::prErrMessage.1 "
       f"UCD-SNMP-MIB::prErrMessage.2 UCD-SNMP-MIB::dskPercent.2 SNOWLINE-MIB::liftSpeedCms.61 ifMtu.1; echo EXIT=$?; "
       f"snmpget {c} {a} SNOWLINE-MIB::liftMotorTemp.3 sysName.0; echo EXIT=$?; "
       f"snmpgetnext {c} {a} SNOWLINE-MIB::liftRiders.120 UCD-SNMP-MIB::laLoad.3; echo EXIT=$?", n_snmpget)
    menv = {"MIBDIRS": str(mibs), "MIBS": "SNMPv2-MIB"}
    for iid, cmd in [
        ("snmptranslate-bad-imports", "snmptranslate -m +SNOWLINE-B1-MIB -Td -IR liftRiders; echo EXIT=$?; "
                                      "snmptranslate -m +SNOWLINE-B1-MIB -On SNOWLINE-B1-MIB::liftName"),
        ("snmptranslate-tp-broken-head", "snmptranslate -m +SNOWLINE-B2-MIB:SNOWLINE-B3-MIB:SNOWLINE-MIB -Tp "
                                         "2>&1 | head -n 120"),
    ]:
        add(iid, cmd, run(cmd, cwd=root, env=menv), n_snmptranslate)


# ------------------------------------------------------------------ FreeRADIUS: the patrol's and operators' accounts

def radius(tmp: Path) -> None:
    fr = tmp / "raddb"
    run(f"cp -a /etc/freeradius/3.0 {fr}")
    run(f"sed -i -e 's/^\\s*user = freerad/#user = freerad/' -e 's/^\\s*group = freerad/#group = freerad/' "
        f"{fr}/radiusd.conf")
    rnd = random.Random(23510)
    pw, users = {}, []
    for k in range(1, 37):
        u = f"{'patrol' if k % 3 else 'liftop'}{k:02d}"
        pw[u] = f"piste-{rnd.randint(10000, 99999)}"
        users.append(f'{u} Cleartext-Password := "{pw[u]}"\n\tReply-Message := "Snowline sector {"ABCDE"[k % 5]}",\n'
                     f"\tSession-Timeout := {3600 * (1 + k % 4)},\n\tClass := \"{'patrol' if k % 3 else 'liftops'}\"\n")
    (fr / "mods-config/files/authorize").write_text("\n".join(users) + '\nDEFAULT Auth-Type := Reject\n'
                                                     '\tReply-Message := "No such resort account"\n')
    run(f"sed -i 's/^\\s*secret = testing123/\\tsecret = snowline-k3y/' {fr}/clients.conf")
    for name in ("raddb-files-missing", "raddb-unknown-attr"):
        run(f"cp -a {fr} {tmp / name}")
    (tmp / "raddb-files-missing/mods-enabled/lift_users").write_text(
        "files lift_users {\n\tmoddir = ${modconfdir}/${.:instance}\n"
        "\tfilename = ${modconfdir}/files/lift-operators\n\tusersfile = ${modconfdir}/files/lift-operators\n}\n")
    p = tmp / "raddb-files-missing/sites-enabled/default"
    p.write_text(p.read_text().replace("\tfiles\n", "\tfiles\n\tlift_users\n", 1))
    p = tmp / "raddb-unknown-attr/sites-enabled/default"
    p.write_text(p.read_text().replace("authorize {", "authorize {\n\tif (&Snow-Sector == 'E') {\n"
                                       "\t\tupdate reply {\n\t\t\t&Reply-Message := 'sector closed'\n\t\t}\n"
                                       "\t\treject\n\t}", 1))
    add("freeradius-xc-missing-users-file", "freeradius -XC -d raddb-files-missing 2>&1 | tail -n 60; echo EXIT=$?",
        run("freeradius -XC -d raddb-files-missing 2>&1 | tail -n 60; echo EXIT=$?", cwd=tmp), n_freeradius_xc)
    add("freeradius-xc-unknown-attribute", "freeradius -XC -d raddb-unknown-attr 2>&1 | grep -vE '^\\s+\\w+ = '",
        run("freeradius -XC -d raddb-unknown-attr 2>&1 | grep -vE '^\\s+\\w+ = '", cwd=tmp), n_freeradius_xc)
    port = cm.free_port()
    log = tmp / "radiusd-debug.log"
    cm.start(f"freeradius -X -f -d {fr} -i 127.0.0.1 -p {port}", cwd=tmp, log=open(log, "w"))
    for _ in range(60):
        time.sleep(0.5)
        if "Ready to process requests" in log.read_text(errors="replace"):
            break
    names = sorted(pw)
    seq = []
    for i, u in enumerate(names[:22]):
        seq.append((u, pw[u] if i % 6 != 4 else "piste-00000"))
    out = []
    for u, p in seq:
        out.append(run(f"radtest {u} {p} 127.0.0.1:{port} 0 snowline-k3y", cwd=tmp, timeout=60))
    add("radtest-patrol-loop", f"for u in $(cut -d' ' -f1 accounts.txt | head -n 22); do radtest $u \"$(pw $u)\" "
        f"127.0.0.1:{port} 0 snowline-k3y; done", "".join(out), n_radtest)
    typed = (f"radtest skischool4 powder 127.0.0.1:{port} 0 snowline-k3y; echo EXIT=$?; "
             f"radtest {names[3]} {pw[names[3]]} 127.0.0.1:{port} 0 snowline-key; echo EXIT=$?; "
             f"radtest {names[5]} {pw[names[5]]} 127.0.0.1:{port} 0 snowline-k3y; echo EXIT=$?")
    add("radtest-unknown-and-bad-secret", typed, run(typed, cwd=tmp, timeout=120), n_radtest)
    time.sleep(1)
    add("freeradius-debug-grep", "grep -nE 'Received|Sent|incorrect|Invalid|ERROR|WARNING|Ready' radiusd-debug.log",
        run("grep -nE 'Received|Sent|incorrect|Invalid|ERROR|WARNING|Ready' radiusd-debug.log", cwd=tmp),
        n_freeradius_debug)
    add("freeradius-debug-tail", "tail -n 320 radiusd-debug.log", run("tail -n 320 radiusd-debug.log", cwd=tmp),
        n_freeradius_debug)


# ------------------------------------------------------------------ DHCP: the lift-station subnets

def kea_conf(n: int, seed: int, fault: str) -> str:
    rnd = random.Random(seed)
    subnets = []
    for i in range(1, n + 1):
        net = f"172.20.{i}"
        sub = {"id": 100 + i, "subnet": f"{net}.0/24",
               "pools": [{"pool": f"{net}.{rnd.randint(30, 80)} - {net}.{rnd.randint(160, 230)}"}],
               "option-data": [{"name": "routers", "data": f"{net}.1"},
                               {"name": "domain-name-servers", "data": "172.20.0.53"}],
               "reservations": [{"hw-address": f"0a:5e:00:00:{i:02x}:{k:02x}", "ip-address": f"{net}.{10 + k}",
                                 "hostname": f"lift{i:02d}-plc{k}"} for k in range(1, 3)]}
        subnets.append(sub)
    if fault == "reservation":
        subnets[n // 3]["reservations"][1]["ip-address"] = "172.31.9.9"
    elif fault == "duphw":
        subnets[7]["reservations"][1]["hw-address"] = subnets[7]["reservations"][0]["hw-address"]
    elif fault == "option":
        subnets[2]["option-data"].append({"name": "lift-controller-url", "data": "http://plc"})
    elif fault == "lifetime":
        pass
    conf = {"Dhcp4": {"interfaces-config": {"interfaces": ["lo"]}, "valid-lifetime": 7200, "renew-timer": 1800,
                      "lease-database": {"type": "memfile", "persist": False}, "subnet4": subnets,
                      "loggers": [{"name": "kea-dhcp4", "output_options": [{"output": "stdout"}], "severity": "INFO"}]}}
    text = json.dumps(conf, indent=2)
    if fault == "lifetime":
        text = text.replace('"valid-lifetime": 7200', '"valid-lifetime": "2h"')
    if fault == "comment":
        text = text.replace('"renew-timer": 1800,', '"renew-timer": 1800, # half an hour\n    "rebind-timer": 900,')
    return text


def dhcp(tmp: Path) -> None:
    d = tmp / "dhcp"
    d.mkdir()
    for name, n, fault in [("kea-reservation.json", 80, "reservation"), ("kea-duphw.json", 24, "duphw"),
                           ("kea-option.json", 12, "option"), ("kea-lifetime.json", 10, "lifetime"),
                           ("kea-timers.json", 10, "comment")]:
        (d / name).write_text(kea_conf(n, 23520 + n, fault))
    add("kea-dhcp4-t-reservation-tail", "kea-dhcp4 -t kea-reservation.json 2>&1 | tail -n 40; echo EXIT=$?",
        run("kea-dhcp4 -t kea-reservation.json 2>&1 | tail -n 40; echo EXIT=$?", cwd=d), n_kea)
    typed = ("for f in kea-duphw.json kea-option.json kea-lifetime.json kea-timers.json; do echo \"== $f\"; "
             "kea-dhcp4 -t $f; echo EXIT=$?; done 2>&1")
    add("kea-dhcp4-t-loop", typed, run(typed, cwd=d), n_kea)
    rnd = random.Random(23530)
    body = ["# snowline lift stations\nauthoritative;\ndefault-lease-time 1800;\nmax-lease-time 3600;\n"
            "option domain-name \"lifts.snowline.example\";\nddns-update-style none;\n"]
    for i in range(1, 31):
        net = f"172.21.{i}"
        lo, hi = rnd.randint(30, 80), rnd.randint(160, 230)
        extra = ""
        if i == 9:
            lo, hi = hi, lo
        if i == 14:
            extra = "  lease-time 600;\n"
        if i == 22:
            extra = "  option domain-name-servers 172.21.0.300;\n"
        body.append(f"subnet {net}.0 netmask 255.255.255.0 {{\n  range {net}.{lo} {net}.{hi};\n"
                    f"  option routers {net}.1;\n{extra}}}\n")
    for k in range(1, 25):
        body.append(f"host lift-plc-{k:02d} {{ hardware ethernet 0a:5e:00:01:00:{k:02x}; "
                    f"fixed-address 172.21.{k}.{12 if k != 18 else 12}{';' if k != 20 else ''} }}\n")
    (d / "dhcpd-lifts.conf").write_text("".join(body))
    add("dhcpd-t-lifts", "dhcpd -t -cf dhcpd-lifts.conf; echo EXIT=$?",
        run("dhcpd -t -cf dhcpd-lifts.conf; echo EXIT=$?", cwd=d), n_dhcpd)


# ------------------------------------------------------------------ chrony: the resort's time

def chrony(tmp: Path) -> None:
    d = tmp / "chrony"
    d.mkdir(mode=0o700)
    p1, p2 = cm.free_port(), cm.free_port()
    cm.write_tree(d, {
        "server.conf": f"port {p1}\nlocal stratum 8\nallow 127.0.0.1\ncmdport 0\nbindaddress 127.0.0.1\n"
                       f"pidfile {d}/server.pid\ndriftfile {d}/server.drift\n",
        "client.conf": f"port 0\nserver 127.0.0.1 port {p1} iburst minpoll -3 maxpoll -2\n"
                       f"server 127.0.0.6 port {p2} iburst minpoll -2 maxpoll -1\n"
                       f"server 127.0.0.7 port {p2} minpoll -2 maxpoll -1 noselect\n"
                       f"server 127.0.0.8 port {p1} minpoll -2 maxpoll 0 prefer\n"
                       f"server 127.0.0.9 port {p1} iburst offline\n"
                       f"bindcmdaddress {d}/chronyd.sock\ncmdport 0\nmaxdistance 2.0\n"
                       f"pidfile {d}/client.pid\ndriftfile {d}/client.drift\nmakestep 0.5 -1\n",
        "lift-clock.conf": f"port 0\nserver 127.0.0.1 port {p1} iburst maxsamples abc\npoolsize 4\n"
                           f"makestep 1.0 3 extra\nsmoothtime 400\nleapsectz right/UTC\npidfile {d}/lc.pid\n",
        "plc.conf": f"port 0\nserver 127.0.0.1 port {p1} iburst minpoll -3 maxpoll -3\nserver 127.0.0.10 port {p2} "
                    f"iburst\npidfile {d}/plc.pid\n",
    })
    cm.start(f"chronyd -d -x -u root -f {d}/server.conf", cwd=d, log=open(d / "server.log", "w"))
    time.sleep(1)
    cm.start(f"chronyd -d -x -u root -f {d}/client.conf", cwd=d, log=open(d / "client.log", "w"))
    time.sleep(22)
    s = f"-h {d}/chronyd.sock"
    add("chronyc-sources-sourcestats", "chronyc -n sources; chronyc -n sourcestats",
        run(f"chronyc {s} -n sources; chronyc {s} -n sourcestats", cwd=d), n_chronyc_sources)
    add("chronyc-tracking-ntpdata", "chronyc tracking; chronyc activity; for a in 127.0.0.1 127.0.0.6; do chronyc -n "
        "ntpdata $a; done",
        run(f"chronyc {s} tracking; chronyc {s} activity; for a in 127.0.0.1 127.0.0.6; do chronyc {s} -n ntpdata $a; "
            "done", cwd=d),
        n_chronyc_report)
    add("chronyd-q-lift-clock", "chronyd -Q -f lift-clock.conf; echo EXIT=$?; chronyd -Q -t 8 -f plc.conf; echo EXIT=$?",
        run(f"chronyd -d -Q -u root -f {d}/lift-clock.conf; echo EXIT=$?; chronyd -d -Q -t 8 -u root "
            f"-f {d}/plc.conf; echo EXIT=$?", cwd=d, timeout=60), n_chronyd)


# ------------------------------------------------------------------ SIPp: the ticket office's calls

UAC_BYE = """<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="ticket office call expecting 202 to BYE">
  <send retrans="500">
    <![CDATA[
      INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: tickets <sip:tickets@[local_ip]:[local_port]>;tag=[pid]SIPpTag09[call_number]
      To: [service] <sip:[service]@[remote_ip]:[remote_port]>
      Call-ID: [call_id]
      CSeq: 1 INVITE
      Contact: sip:tickets@[local_ip]:[local_port]
      Max-Forwards: 70
      Content-Length: 0
    ]]>
  </send>
  <recv response="100" optional="true"></recv>
  <recv response="180" optional="true"></recv>
  <recv response="200" rtd="true"></recv>
  <send>
    <![CDATA[
      ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: tickets <sip:tickets@[local_ip]:[local_port]>;tag=[pid]SIPpTag09[call_number]
      To: [service] <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: 1 ACK
      Max-Forwards: 70
      Content-Length: 0
    ]]>
  </send>
  <pause milliseconds="150"/>
  <send retrans="500">
    <![CDATA[
      BYE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: tickets <sip:tickets@[local_ip]:[local_port]>;tag=[pid]SIPpTag09[call_number]
      To: [service] <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: 2 BYE
      Max-Forwards: 70
      Content-Length: 0
    ]]>
  </send>
  <recv response="202" timeout="1500"></recv>
</scenario>
"""


def sip(tmp: Path) -> None:
    d = tmp / "sipp"
    d.mkdir()
    (d / "uac_bye202.xml").write_text(UAC_BYE)
    pu, p2 = cm.free_port(), cm.free_port()
    cm.start(f"sipp -sn uas -i 127.0.0.1 -p {pu} -nostdin", cwd=d, log=open(d / "uas.out", "w"))
    time.sleep(1)
    run(f"sipp -sf uac_bye202.xml 127.0.0.1:{pu} -i 127.0.0.1 -p {p2} -m 120 -r 40 -nostdin -trace_screen "
        f"-screen_file {d}/uac_bye_screen.log -trace_err -error_file {d}/uac_bye_errors.log -trace_stat "
        f"-stf {d}/uac_bye_stat.csv -fd 1 >/dev/null 2>&1", cwd=d, timeout=60)
    for iid, cmd, ext in [
        ("sipp-screen-bye-202", "cat uac_bye_screen.log", n_sipp_screen),
        ("sipp-errors-bye-202-tail", "tail -n 120 uac_bye_errors.log; echo EXIT=$?", n_sipp_err),
        ("sipp-stat-csv-bye-202", "cat uac_bye_stat.csv", n_sipp_stat),
    ]:
        add(iid, cmd, run(cmd, cwd=d), ext)


# ------------------------------------------------------------------ config checks: chat, SIP proxy, VRRP

def prosody_cfg(tmp: Path) -> str:
    return f"""-- snowline patrol chat
admins = {{ "chief@patrol.snowline.example", "liftops" }}
modules_enabled = {{
    "roster"; "saslauth"; "tls"; "disco"; "carbons"; "pep"; "vcard_legacy"; "ping"; "uptime";
    "time"; "version"; "snowline_avalanche_alerts"; "smacks"; "bosh"; "websocket"; "mam";
}}
modules_disabled = {{ "s2s" }}
allow_registration = "no"
c2s_require_encryption = true
s2s_require_encryption = true
authentication = "internal_plain"
storage = "sql"
sql = {{ driver = "PostgreSQL", database = "prosody", host = "127.0.0.1" }}
log = {{ info = "{tmp}/prosody.log" }}
pidfile = "{tmp}/prosody.pid"
data_path = "{tmp}/prosody-data"
http_ports = {{ 5280 }}
consider_bosh_secure = yes

VirtualHost "patrol.snowline.example"
    authentication = "anonymous"
    storage = "internal"

VirtualHost "lifts.snowline.example"
    enabled = false
    c2s_require_encryption = false
    modules_enabled = {{ "muc" }}

Component "radio.snowline.example" "muc"
    max_history_messages = 500
    muc_room_default_public = true
    modules_enabled = {{ "muc_mam"; "muc_limits" }}

Component "avalanche.snowline.example"
    component_secret = "beacon"
"""


def ka_conf(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    ka = ["global_defs {\n    router_id snowline_gw2\n    enable_script_security\n    script_user root\n"
          "    vrrp_garp_master_delay 2\n    lift_alarm_email lift-ops@snowline.example\n}\n",
          "vrrp_script chk_liftd {\n    script \"/usr/local/bin/check-liftd\"\n    interval 3\n    fall 2\n}\n"]
    for i in range(1, n + 1):
        vid = 100 + i if i not in (6, 31) else 0
        ka.append(f"vrrp_instance LIFT_{i:02d} {{\n    state {'BACKUP' if i % 3 else 'MASTER'}\n"
                  f"    interface {'lo' if i % 17 else 'lift' + str(i)}\n    virtual_router_id {vid}\n"
                  f"    priority {rnd.randint(80, 200) if i != 12 else 0}\n    advert_int {1 if i != 20 else 'fast'}\n"
                  + ("    unicast_peer {\n        172.22.0.300\n    }\n" if i == 25 else "")
                  + ("    garp_master_delay_ms 50\n" if i == 8 else "")
                  + f"    virtual_ipaddress {{\n        172.22.{i}.1/24 dev lo\n    }}\n"
                  + ("    track_script {\n        chk_liftd\n        chk_snowcat\n    }\n" if i in (4, 40) else "")
                  + "}\n")
    return "".join(ka)


def configs(tmp: Path) -> None:
    d = tmp / "conf"
    d.mkdir()
    (d / "prosody.cfg.lua").write_text(prosody_cfg(tmp))
    add("prosodyctl-check-config-exit", "prosodyctl --config prosody.cfg.lua check config; echo EXIT=$?",
        run("prosodyctl --config prosody.cfg.lua check config; echo EXIT=$?", cwd=d, timeout=60), n_prosodyctl)
    base = Path("/etc/kamailio/kamailio.cfg").read_text()
    k1 = base.replace('modparam("usrloc", "db_mode", 0)', 'modparam("usrloc", "db_mode", 0)\n'
                      'modparam("usrloc", "lift_expires", 600)', 1)
    k1 = k1.replace('modparam("tm", "fr_inv_timer", 120000)', 'modparam("tm", "fr_inv_timer", "two minutes")')
    k2 = re.sub(r"(route\[RELAY\]\s*\{)", r"\1\n\tif (dst_port == 5060 {\n\t\troute(TICKETS);\n\t}", base, count=1)
    k2 = k2.replace("#!define WITH_", "#!define WITH_", 1)
    (d / "kamailio-params.cfg").write_text(k1)
    (d / "kamailio-relay.cfg").write_text(k2)
    add("kamailio-c-params-exit", "kamailio -c -f kamailio-params.cfg; echo EXIT=$?",
        run("kamailio -c -f kamailio-params.cfg; echo EXIT=$?", cwd=d), n_kamailio)
    add("kamailio-c-relay-grep", "kamailio -c -f kamailio-relay.cfg 2>&1 | grep -E 'ERROR|CRITICAL|WARNING|config'",
        run("kamailio -c -f kamailio-relay.cfg 2>&1 | grep -E 'ERROR|CRITICAL|WARNING|config'", cwd=d), n_kamailio)
    (d / "keepalived-lifts.conf").write_text(ka_conf(44, 23550))
    add("keepalived-t-lifts-tail", "keepalived -t -l -D -f keepalived-lifts.conf 2>&1 | tail -n 100; echo EXIT=$?",
        run(f"keepalived -t -l -D -f {d}/keepalived-lifts.conf -p {d}/ka.pid -r {d}/ka-vrrp.pid -c {d}/ka-chk.pid "
            "2>&1 | tail -n 100; echo EXIT=$?", cwd=d, timeout=60), n_keepalived)


STEPS = [snmp, radius, dhcp, chrony, sip, configs]
